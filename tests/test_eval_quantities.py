"""Quantities against MEANTIME's VALUE mentions (evaluation.quantities, ``eval quantities``).

The CAT document is invented, in the MEANTIME layout: tokens, VALUE markables anchored to
them, and a creation time.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluation.quantities import (
    GoldValue,
    cat_values,
    read_value_docs,
    score_values,
)

SENTENCES = [
    "Tolven Air orders 14 new jets",
    "Tolven Air said it will pay $ 2 billion , or $ 40 a share , and hire many pilots .",
    "The 2 pilots flew 300 miles .",  # not annotated: outside the scored part
]
# token ids are "s.w" (sentence, word), numbered from 1
VALUES = [
    ("QUANTITY", ["1.4"]),  # 14
    ("MONEY", ["2.7", "2.8", "2.9"]),  # $ 2 billion
    ("MONEY", ["2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13"]),  # "$ 2 billion , or $ 40"
    ("MONEY", ["2.12", "2.13"]),  # $ 40
    ("QUANTITY", ["2.19"]),  # many
]


def cat_document() -> str:
    tokens = []
    for s, sentence in enumerate(SENTENCES, 1):
        for w, word in enumerate(sentence.split(), 1):
            tokens.append(f'<token t_id="{s}.{w}" sentence="{s}" number="{w}">{word}</token>')
    markables = [
        f'<VALUE m_id="v{n}" type="{kind}">'
        + "".join(f'<token_anchor t_id="{t}"/>' for t in anchors)
        + "</VALUE>"
        for n, (kind, anchors) in enumerate(VALUES)
    ]
    markables.append(
        '<TIMEX3 m_id="t0" type="DATE" value="2031-05-14" functionInDocument="CREATION_TIME"/>'
    )
    return (
        '<?xml version="1.0" ?><Document doc_id="1" doc_name="tolven" lang="en">'
        + "".join(tokens)
        + "<Markables>"
        + "".join(markables)
        + "</Markables></Document>"
    )


def test_the_reader_rebuilds_the_text_and_keeps_the_parts_of_an_enclosing_value() -> None:
    doc = cat_values(ET.fromstring(cat_document()), "tolven", "airbus")
    assert doc.dct == "2031-05-14" and doc.corpus == "airbus"
    assert [v.text for v in doc.values] == ["14", "$2 billion", "$40", "many"]
    assert [v.type for v in doc.values] == ["QUANTITY", "MONEY", "MONEY", "QUANTITY"]
    assert doc.text[: doc.scored_end].endswith("pilots.")  # the second sentence ends it
    assert "300 miles" in doc.text[doc.scored_end :]
    assert not doc.values[-1].in_scope and doc.values[0].in_scope


def spans_of(doc_text: str, *words: str) -> list[tuple[int, int]]:
    return [(doc_text.index(w), doc_text.index(w) + len(w)) for w in words]


def test_scoring_aligns_one_to_one_and_leaves_out_what_is_no_figure() -> None:
    doc = cat_values(ET.fromstring(cat_document()), "tolven", "airbus")
    found = spans_of(doc.text, "14 new jets", "$2 billion", "many pilots", "300 miles")
    counts, misses = score_values(doc, found)
    # "many pilots" meets the out-of-scope "many"; "300 miles" is past the scored part
    assert (counts.gold, counts.out_of_scope, counts.system, counts.matched) == (3, 1, 2, 2)
    assert counts.matched_by_type == {"MONEY": 1, "PERCENT": 0, "QUANTITY": 1}
    assert [(m.kind, m.text) for m in misses] == [("missed", "$40")]
    p, r, f = counts.prf()
    assert (p, r) == (1.0, 2 / 3)


def test_the_closest_value_wins_a_tie() -> None:
    doc = cat_values(ET.fromstring(cat_document()), "tolven", "airbus")
    wide = GoldValue(0, len(doc.text), "MONEY", doc.text)
    exact = doc.values[0]
    tied = type(doc)(doc.name, doc.corpus, doc.text, doc.dct, (wide, exact), doc.scored_end)
    counts, misses = score_values(tied, [(exact.start, exact.end)])
    assert counts.matched == 1 and [m.text for m in misses] == [doc.text]


def test_cli_scores_an_invented_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "corpus_airbus"
    folder.mkdir()
    (folder / "tolven.xml").write_text(cat_document(), encoding="utf-8")
    assert [d.name for d in read_value_docs(tmp_path)] == ["tolven"]
    result = CliRunner().invoke(app, ["eval", "quantities", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert set(figures) == {"dev", "all"}  # nothing in the test half
    assert figures["dev"]["gold"] == 3 and figures["dev"]["out_of_scope"] == 1
    table = CliRunner().invoke(app, ["eval", "quantities", str(tmp_path), "--errors", "5"])
    assert table.exit_code == 0 and "R money" in table.output
    bad = CliRunner().invoke(app, ["eval", "quantities", str(tmp_path / "none")])
    assert bad.exit_code == 2 and "no such file" in bad.output
