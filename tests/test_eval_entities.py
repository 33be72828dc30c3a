"""Coreference metrics on hand-made partitions, the MEANTIME reader and ``eval entities``.

The CAT documents here are invented: two tiny "corpora" in the MEANTIME layout.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluation.coref import _assignment, b_cubed, ceaf_e, muc, score
from storyline.evaluation.entities import (
    evaluate_entities,
    partitions,
    predict,
    resolve_exact,
    resolve_head,
)
from storyline.evaluation.meantime import align, cat_entities, read_corpora
from storyline.model import Mention

# --------------------------------------------------------------------------- metrics

KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_worked_example_by_hand():
    # MUC: key {a,b,c} is cut in 2 parts -> 1 link of 2 kept, {d,e} -> 1 of 1: R = 2/3;
    # response {a,b} -> 1 of 1, {c,d,e} cut in 2 -> 1 of 2: P = 2/3.
    assert muc(KEY, RESPONSE).recall == pytest.approx(2 / 3)
    assert muc(KEY, RESPONSE).precision == pytest.approx(2 / 3)
    # B-cubed recall: a, b 2/3; c 1/3; d, e 1 -> 11/3 / 5; precision: a, b 1; c 1/3;
    # d, e 2/3 -> 11/3 / 5.
    b3 = b_cubed(KEY, RESPONSE)
    assert (b3.precision, b3.recall) == (pytest.approx(11 / 15), pytest.approx(11 / 15))
    # CEAF-e: phi({a,b,c},{a,b}) = 4/5, phi({d,e},{c,d,e}) = 4/5 -> 8/5 over 2 and 2.
    ce = ceaf_e(KEY, RESPONSE)
    assert (ce.precision, ce.recall) == (pytest.approx(0.8), pytest.approx(0.8))
    assert score(KEY, RESPONSE).conll == pytest.approx((2 / 3 + 11 / 15 + 4 / 5) / 3)


def test_identical_partitions_score_one_and_singletons_leave_muc_at_zero():
    s = score(KEY, dict(KEY))
    assert (s.muc.f1, s.b_cubed.f1, s.ceaf_e.f1) == (1.0, 1.0, 1.0)
    alone = {"a": 1, "b": 2}
    s = score(alone, alone)
    assert s.muc.f1 == 0.0 and s.b_cubed.f1 == 1.0 and s.ceaf_e.f1 == 1.0


def test_twinless_mentions():
    key = {"a": 1, "b": 1}
    response = {"a": 7, "b": 7, "x": 7}  # x is not in the key
    assert b_cubed(key, response).recall == 1.0
    assert b_cubed(key, response).precision == pytest.approx(4 / 9)  # (2/3 + 2/3 + 0) / 3
    assert muc(key, response).precision == pytest.approx(1 / 2)  # {a,b,x} cut in 2 parts
    assert ceaf_e(key, response).recall == pytest.approx(0.8)  # 2*2 / (2+3)
    missing = {"a": 7}  # b never found: a scores |{a}|/|{a,b}| = 1/2, b scores 0
    assert b_cubed(key, missing).recall == pytest.approx(1 / 4)


def test_ceaf_alignment_is_optimal_not_greedy():
    assert _assignment([[0.9, 0.8], [0.7, 0.0]]) == pytest.approx(1.5)  # greedy: 0.9
    assert _assignment([[0.5], [0.4], [0.3]]) == pytest.approx(0.5)
    assert _assignment([]) == 0.0


def test_everything_merged_against_all_singletons():
    key = {m: m for m in "abcd"}
    response = dict.fromkeys("abcd", 0)
    b3 = b_cubed(key, response)
    assert b3.recall == 1.0 and b3.precision == pytest.approx(1 / 4)
    assert muc(key, response).precision == 0.0


# --------------------------------------------------------------------------- reader


def cat(name: str, sentences: list[str], mentions: list[tuple]) -> str:
    """A CAT document: ``mentions`` are (sentence, first token, last token, type,
    instance or None, syntactic type); every mention refers to its own ENTITY."""
    tokens, ids, n = [], [], 0
    for s, sentence in enumerate(sentences):
        ids.append([])
        for i, word in enumerate(sentence.split()):
            n += 1
            ids[-1].append(n)
            tokens.append(f'<token t_id="{n}" sentence="{s}" number="{i}">{word}</token>')
    marks, rels = [], []
    for k, (s, first, last, kind, instance, syn) in enumerate(mentions):
        anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in ids[s][first : last + 1])
        syn_attr = f' syntactic_type="{syn}"' if syn is not None else ""
        marks.append(f'<ENTITY_MENTION m_id="{k + 1}"{syn_attr}>{anchors}</ENTITY_MENTION>')
        inst = f' instance_id="{instance}"' if instance else ""
        desc = " ".join(sentences[s].split()[first : last + 1])
        marks.append(f'<ENTITY m_id="{k + 100}" ent_type="{kind}" TAG_DESCRIPTOR="{desc}"{inst}/>')
        rels.append(
            f'<REFERS_TO r_id="{k}"><source m_id="{k + 1}"/><target m_id="{k + 100}"/></REFERS_TO>'
        )
    return (
        f'<Document doc_name="{name}">{"".join(tokens)}<Markables>{"".join(marks)}'
        f"</Markables><Relations>{''.join(rels)}</Relations></Document>"
    )


DOC_A = cat(
    "a",
    [
        "Brightwater Energy 's chief Mara Quell resigned",
        "Quell said the firm , Brightwater , was sound",
        "Later Quell met Orvik officials",
    ],
    [
        (0, 0, 2, "ORG", "ORG1", "NAM"),  # "Brightwater Energy 's": possessive dropped
        (0, 4, 5, "PER", "PER1", "NAM"),
        (1, 0, 0, "PER", "PER1", "NAM"),
        (1, 2, 3, "ORG", "ORG1", "NOM"),  # "the firm": nominal, out of scope
        (1, 5, 5, "ORG", "ORG1", ""),
        (2, 1, 1, "PER", "PER1", None),  # later sentence: cross-document pass only
    ],
)
DOC_B = cat(
    "b",
    ["Mara Quell of Brightwater Energy spoke", "She praised the Kelso Trust"],
    [
        (0, 0, 1, "PER", "PER1", "NAM"),
        (0, 3, 4, "ORG", "ORG1", "NAM"),
        (1, 0, 0, "PER", "PER1", "PRO"),  # a pronoun
        (1, 2, 4, "ORG", None, "NAM"),  # "the Kelso Trust": local to this document
    ],
)


def test_reader_rebuilds_text_scope_and_dense_part():
    doc = cat_entities(ET.fromstring(DOC_A), "a", "demo")
    assert doc.text.split("\n")[0] == "Brightwater Energy's chief Mara Quell resigned"
    first = doc.mentions[0]
    assert doc.text[first.core[0] : first.core[1]] == "Brightwater Energy"
    assert [g.in_scope for g in doc.mentions] == [True, True, True, False, True, True]
    assert doc.dense_end == doc.text.index("\nLater")  # the last sentence is sparse
    other = cat_entities(ET.fromstring(DOC_B), "b", "demo")
    assert [g.in_scope for g in other.mentions] == [True, True, False, True]
    assert other.mentions[3].cluster == "b#103"


def test_alignment_exact_then_head_and_not_inside_a_longer_name():
    doc = cat_entities(ET.fromstring(DOC_B), "b", "demo")
    text = doc.text
    spans = [
        (text.index("Kelso Trust"), text.index("Kelso Trust") + len("Kelso Trust")),  # core
        (text.index("Quell"), text.index("Quell") + 5),  # inside "Mara Quell", no name
        (0, len("Mara Quell")),
    ]
    pairs = align(doc.mentions, spans)
    assert pairs[0].text == "the Kelso Trust"
    assert 1 not in pairs  # "Quell" covers the head but not "Mara" before it
    assert pairs[2].text == "Mara Quell"


def _write_corpora(root: Path) -> Path:
    for corpus, doc in (("airbus", DOC_A), ("apple", DOC_B)):
        folder = root / f"corpus_{corpus}"
        folder.mkdir(parents=True)
        (folder / "doc.xml").write_text(doc, encoding="utf-8")
    return root


def fake_finder(text: str) -> list[Mention]:
    """Every capitalised word run that is a name in the invented documents."""
    out = []
    names = [("Brightwater Energy", "ORG"), ("Brightwater", "ORG"), ("Mara Quell", "PERSON")]
    for name, label in [*names, ("Quell", "PERSON")]:
        start = 0
        while (pos := text.find(name, start)) != -1:
            if not any(m.start <= pos < m.end for m in out):
                out.append(Mention(pos, pos + len(name), name, label))
            start = pos + 1
    return sorted(out, key=lambda m: m.start)


def test_partitions_and_baselines(tmp_path: Path):
    corpora = read_corpora(_write_corpora(tmp_path))
    story = predict("airbus", corpora["airbus"], fake_finder)
    key, response = partitions(story, resolve_exact, "found")
    # found: "Brightwater Energy", "Mara Quell", "Quell" x2, "Brightwater"
    assert len(key) == len(response) == 5
    assert len(set(key.values())) == 2 and len(set(response.values())) == 4
    key2, response2 = partitions(story, resolve_head, "end-to-end")
    # end to end: the sparse last sentence is left out on both sides
    assert len(key2) == 4 and len(response2) == 4
    result = evaluate_entities(corpora, half="dev", finder=fake_finder, max_errors=5)
    assert {r.corpus for r in result.rows} == {"airbus"}
    found = next(r for r in result.rows if r.system == "storyline" and r.view == "found")
    assert found.scores.b_cubed.f1 == 1.0 and result.errors == []  # aliases join them all
    listed = evaluate_entities(
        corpora, half="dev", finder=fake_finder, systems={"storyline": resolve_exact}, max_errors=5
    )
    assert any(line.startswith("split") and "Brightwater" in line for line in listed.errors)
    test = evaluate_entities(corpora, half="test", finder=fake_finder, max_errors=5)
    assert test.errors == []  # held-out corpora never list errors


def test_cli_eval_entities(tmp_path: Path):
    folder = _write_corpora(tmp_path / "gold")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "entities", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    systems = {(r["half"], r["system"], r["view"]) for r in figures["rows"]}
    assert ("test", "storyline", "end-to-end") in systems and ("dev", "exact", "found") in systems
    table = runner.invoke(app, ["eval", "entities", str(folder), "--half", "dev"])
    assert table.exit_code == 0 and "B3 F1" in table.output and "apple" not in table.output
    bad = runner.invoke(app, ["eval", "entities", str(folder), "--half", "train"])
    assert bad.exit_code == 2
    (tmp_path / "empty").mkdir()
    assert runner.invoke(app, ["eval", "entities", str(tmp_path / "empty")]).exit_code == 1
