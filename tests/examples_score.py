"""Checks of a storyline export of examples/corpus against examples/expected.json.

Used by tests/test_examples.py; also runnable by hand to see every check:
``python -m tests.examples_score out/storyline.json``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

EXPECTED = Path(__file__).resolve().parent.parent / "examples" / "expected.json"
TITLES = re.compile(r"^(mayor|judge|governor|minister|president|mr|mrs|ms|dr)\.?\s+", re.I)


def norm(text: Any) -> str:
    return re.sub(r"[\W_]+", " ", str(text or "")).strip().lower()


def key_of(article: dict[str, Any]) -> str:
    """The expected.json key of an exported article."""
    source = str(article["source"])
    if ":" in source:  # a JSON Lines record: "file.jsonl:LINE"
        return source
    return f"{source}#{article['part']}" if article["part"] > 1 or _is_split(source) else source


def _is_split(source: str) -> bool:
    expected = json.loads(EXPECTED.read_text())
    return sum(a["file"] == source for a in expected["articles"]) > 1


def score(export: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(part, check, passed) for every check."""
    expected = json.loads(EXPECTED.read_text())
    arts = {key_of(a): a for a in export["articles"]}
    ids = {a["id"]: k for k, a in arts.items()}
    checks: list[tuple[str, str, bool]] = []

    def check(part: str, name: str, ok: object) -> None:
        checks.append((part, name, bool(ok)))

    check("clean", f"{len(expected['articles'])} articles", len(arts) == len(expected["articles"]))
    for want in expected["articles"]:
        got = arts.get(want["key"])
        check("clean", f"{want['key']} present", got)
        if not got:
            continue
        lines = {norm(line) for line in got["text"].splitlines()}
        body = norm(got["text"])
        for line in want.get("furniture", []):
            check("clean", f"{want['key']}: furniture gone {line!r}", norm(line) not in lines)
        for phrase in want.get("body_must_contain", []):
            check("clean", f"{want['key']}: body keeps {phrase[:40]!r}", norm(phrase) in body)
        check(
            "clean",
            f"{want['key']}: title {want['title']!r} got {got['title']!r}",
            norm(got["title"]) == norm(want["title"]),
        )
        accept = want.get("published_accept", [want["published"]])
        check(
            "dates",
            f"{want['key']}: published {got['published']!r} in {accept}",
            got["published"] in accept,
        )
        original = want.get("duplicate_of")
        if original:
            split = _is_split(original["file"])
            okey = original["file"] + (f"#{original['part']}" if split else "")
            check(
                "dedupe",
                f"{want['key']} is a copy of {okey}",
                ids.get(got["duplicate_of"] or "") == okey,
            )
        else:
            check("dedupe", f"{want['key']} is no copy", got["duplicate_of"] is None)
    by_story: dict[str, set[str]] = defaultdict(set)
    for want in expected["articles"]:
        got = arts.get(want["key"])
        by_story[want["storyline"]].add(got["story"] if got else None)
    for name, found in by_story.items():
        check("stories", f"storyline {name} is one story", len(found) == 1 and None not in found)
    firsts = [next(iter(found)) for found in by_story.values()]
    check("stories", "storylines are distinct", len(set(firsts)) == len(firsts))
    # events: each expected happening is one event, and holds no other happening's report
    # (copies go with their original, so they are left out)
    by_event: dict[str, set[str]] = defaultdict(set)
    owners: dict[str, set[str]] = defaultdict(set)
    for want in expected["articles"]:
        got = arts.get(want["key"])
        if got and not want.get("duplicate_of"):
            by_event[want["event"]].add(got["event"])
            owners[got["event"]].add(want["event"])
    for name, found in by_event.items():
        alone = all(owners[e] == {name} for e in found)
        check("events", f"event {name} is one event of its own", len(found) == 1 and alone)
    facts = [f for s in export["stories"] for f in s["facts"]]
    for want in expected["facts"]:
        if want.get("optional"):
            continue
        files = set(want["files"])

        def matches(fact: dict[str, Any], want: dict[str, Any] = want) -> bool:
            values = [fact["value"]] + [v["value"] for v in fact.get("values", [])]
            return any(norm(v) == norm(want["value"]) for v in values)

        hits = [f for f in facts if matches(f)]
        full = [f for f in hits if files <= {ids.get(s, "") for s in f["sources"]}]
        check(
            "facts",
            f"fact {want['what']} = {want['value']} ({want['status']})",
            any(f["status"] == want["status"] for f in full),
        )
    entities = [e for s in export["stories"] for e in s["entities"]]
    for want in expected["aliases"]:
        forms = {norm(TITLES.sub("", f)) for f in want["forms"]}
        check(
            "facts",
            f"aliases merged: {sorted(forms)}",
            any(forms <= {norm(e["name"])} | {norm(a) for a in e["aliases"]} for e in entities),
        )
    differences = json.dumps([d for s in export["stories"] for d in s["differences"]]).lower()
    for want in expected["differences"]:
        words = [w for side in want["sides"] for w in [norm(side["says"]).split()[-2]]]
        check("facts", f"difference: {want['what']}", all(w in differences for w in words))
    return checks


def main() -> None:
    export = json.loads(Path(sys.argv[1]).read_text())
    results = score(export)
    for part, name, ok in results:
        if not ok:
            print(f"FAIL [{part}] {name}")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for part, _, ok in results:
        totals[part][0] += ok
        totals[part][1] += 1
    for part, (passed, total) in totals.items():
        print(f"examples {part}: {passed}/{total}")


if __name__ == "__main__":
    main()
