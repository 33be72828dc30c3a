"""A plot of the clustering cost along a ``bench/stream_merges.py`` run, from its output.

    .venv/bin/python bench/stream_merges.py --n 1000000 --every 10000 > out/bench/merges.txt
    .venv/bin/python bench/plot_stream_merges.py out/bench/merges.txt \
        --out docs/benchmark-merges.png

Reads the report lines (articles, and the clustering CPU per article over the last
``--window`` articles: index + merge step) and draws the three curves against the number of
articles, with the 1.5 times line of the scale target over the first report's total. Needs
matplotlib (``pip install -e '.[bench]'``). Not a test.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

_ROW = re.compile(r"^([\d,]+) \|.*\| ([\d,]+) \+ ([\d,]+) = ([\d,]+) µs \|")


def read_rows(text: str) -> list[tuple[int, float, float, float]]:
    """(articles, index µs, merge step µs, total µs) for each report line of the output."""
    rows = []
    for line in text.splitlines():
        if match := _ROW.match(line):
            articles, index, merge, total = (float(g.replace(",", "")) for g in match.groups())
            rows.append((int(articles), index, merge, total))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log", type=Path, help="the output of bench/stream_merges.py")
    parser.add_argument("--out", type=Path, default=Path("out/bench/merges.png"))
    args = parser.parse_args(argv)
    rows = read_rows(args.log.read_text(encoding="utf-8"))
    if not rows:
        print(f"{args.log}: no report lines with a cost window")
        return 1
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    articles = [r[0] for r in rows]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(articles, [r[3] / 1000 for r in rows], label="clustering (index + merge step)")
    ax.plot(articles, [r[2] / 1000 for r in rows], label="merge step")
    ax.plot(articles, [r[1] / 1000 for r in rows], label="StoryIndex.add")
    ax.axhline(1.5 * rows[0][3] / 1000, color="grey", linestyle="--", linewidth=1,
               label=f"1.5 × the cost at {articles[0]:,}")  # fmt: skip
    ax.set_xscale("log")
    ax.set_xlabel("articles in the stream")
    ax.set_ylabel("CPU ms per article (last 5,000)")
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8, loc="upper left")
    ax.grid(True, which="both", linewidth=0.3)
    fig.tight_layout()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.out, dpi=110)
    print(f"wrote {args.out} ({len(rows)} reports, {articles[0]:,} to {articles[-1]:,} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
