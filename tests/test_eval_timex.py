"""Tests for the TempEval-3 style timex evaluation (storyline.evaluation.timeml, timex_eval)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import pytest

from storyline.evaluation.timeml import GoldDoc, GoldReadError, GoldTimex, cat_dct, read_gold
from storyline.evaluation.timex_eval import (
    Counts,
    evaluate,
    format_errors,
    format_table,
    match_doc,
    trim_span,
)
from storyline.model import TimeExpr
from tests.conftest import SHARED, need

TBAQ = SHARED / "data" / "tempeval3" / "TBAQ-cleaned"
MEANTIME = SHARED / "data" / "meantime-english" / "intra-doc_annotation"

# An invented TimeML document: the DCT is outside <TEXT>, the text holds events, signals, an
# entity reference and a timex with a mod.
TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>ferry-01</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2031-05-14" temporalFunction="false"
 functionInDocument="CREATION_TIME">May 14, 2031</TIMEX3></DCT>
<TEXT>
The island ferry <EVENT eid="e1" class="OCCURRENCE">resumed</EVENT> service \
<SIGNAL sid="s1">on</SIGNAL> <TIMEX3 tid="t1" type="DATE" value="2031-05-12" \
functionInDocument="NONE">Monday</TIMEX3>, after <TIMEX3 tid="t2" type="DURATION" value="P3W" \
mod="APPROX">about three weeks</TIMEX3> of repairs &amp; tests.
</TEXT>
</TimeML>
"""

# An invented MEANTIME CAT document: title, dateline, two sentences; the creation time has no
# anchors; markables stop at sentence 2, so sentence 3 is outside the annotated part.
CAT = """<?xml version="1.0" ?><Document doc_id="7" doc_name="dam_opens" lang="en">
<token number="0" sentence="0" t_id="1">Dam</token>
<token number="1" sentence="0" t_id="2">opens</token>
<token number="2" sentence="1" t_id="3">June</token>
<token number="3" sentence="1" t_id="4">3</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2027</token>
<token number="6" sentence="2" t_id="7">It</token>
<token number="7" sentence="2" t_id="8">opened</token>
<token number="8" sentence="2" t_id="9">last</token>
<token number="9" sentence="2" t_id="10">week</token>
<token number="10" sentence="2" t_id="11">.</token>
<token number="11" sentence="3" t_id="12">Tours</token>
<token number="12" sentence="3" t_id="13">start</token>
<token number="13" sentence="3" t_id="14">tomorrow</token>
<Markables>
<EVENT m_id="1" pred="open"><token_anchor t_id="8"/></EVENT>
<TIMEX3 m_id="2" type="DATE" value="2027-06-03" functionInDocument="CREATION_TIME"/>
<TIMEX3 m_id="3" type="DATE" value="2027-W21" functionInDocument="NONE">
<token_anchor t_id="9"/><token_anchor t_id="10"/></TIMEX3>
<TIMEX3 m_id="4" type="DATE" value="2027-06-03" functionInDocument="NONE">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/>
<token_anchor t_id="6"/></TIMEX3>
<TIMEX3 m_id="5" TAG_DESCRIPTOR="spring" type="DATE" value="2027-SP" functionInDocument="NONE"/>
</Markables>
</Document>
"""


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def fixed(*found: tuple[str, str, str, int]):
    """A fake tagger that tags the n-th occurrence of each given phrase with type and value."""

    def tagger(text: str, dct: str | None) -> list[TimeExpr]:
        out = []
        for phrase, type_, value, nth in found:
            start = -1
            for _ in range(nth + 1):
                start = text.index(phrase, start + 1)
            out.append(TimeExpr(start, start + len(phrase), phrase, type_, value))
        return out

    return tagger


def doc(text: str, *gold: tuple[str, str, str], subset: str = "") -> GoldDoc:
    """A gold document whose timexes are the first occurrences of the given phrases."""
    timexes = []
    for phrase, type_, value in gold:
        start = text.index(phrase)
        timexes.append(GoldTimex(start, start + len(phrase), type_, value, None, phrase))
    return GoldDoc("d", text, "2031-05-14", tuple(timexes), subset)


# --------------------------------------------------------------------------- readers


def test_timeml_text_offsets_and_dct(tmp_path: Path) -> None:
    (gold,) = read_gold(write(tmp_path / "ferry.tml", TML))
    assert gold.name == "ferry" and gold.subset == ""
    assert gold.dct == "2031-05-14"
    assert "<" not in gold.text and "repairs & tests." in gold.text
    assert "May 14, 2031" not in gold.text  # the DCT is not part of the text
    assert gold.text.startswith("\nThe island ferry resumed service on Monday,")
    assert [(t.type, t.value, t.mod) for t in gold.timexes] == [
        ("DATE", "2031-05-12", None),
        ("DURATION", "P3W", "APPROX"),
    ]
    for t in gold.timexes:
        assert gold.text[t.start : t.end] == t.text
    assert gold.timexes[1].text == "about three weeks"


def test_cat_rebuilds_text_spans_and_annotated_part(tmp_path: Path) -> None:
    (gold,) = read_gold(write(tmp_path / "dam.xml", CAT))
    # detokenised: "June 3 , 2027" would split in two for a tagger reading prose
    assert gold.text == "Dam opens\nJune 3, 2027\nIt opened last week.\nTours start tomorrow"
    assert gold.dct == "2027-06-03"
    # the unanchored creation time and the unanchored "spring" are not scored
    assert [(gold.text[t.start : t.end], t.value) for t in gold.timexes] == [
        ("June 3, 2027", "2027-06-03"),
        ("last week", "2027-W21"),
    ]
    assert [t.text for t in gold.timexes] == ["June 3, 2027", "last week"]
    assert gold.text[: gold.scored_end].endswith("last week.")


def test_cat_dateline_is_one_timex_for_the_tagger(tmp_path: Path) -> None:
    # a tokenised "June 3 , 2027" used to reach the tagger as "June 3" plus a spurious "2027"
    (gold,) = read_gold(write(tmp_path / "dam.xml", CAT))
    result = evaluate([gold])
    assert (result.total.gold, result.total.system, result.total.strict) == (2, 2, 2)
    assert result.error_counts["spurious"] == 0


def _markables(*timexes: str) -> ET.Element:
    return ET.fromstring(f"<Document><Markables>{''.join(timexes)}</Markables></Document>")


@pytest.mark.parametrize(
    ("timexes", "expected"),
    [
        # the creation time as written, or put in ISO order when written day first
        (['<TIMEX3 m_id="1" functionInDocument="CREATION_TIME" value="2027-06-03"/>'],
         "2027-06-03"),
        (['<TIMEX3 m_id="1" functionInDocument="CREATION_TIME" value="03-02-2029"/>'],
         "2029-02-03"),
        # no creation time: the date the others are anchored to (a time is not a date)
        (['<TIMEX3 m_id="1" value="2030-01" anchorTimeID="2"/>',
          '<TIMEX3 m_id="2" value="2030-04-27" anchorTimeID="2"/>',
          '<TIMEX3 m_id="3" value="2030-04-27T08:30Z" anchorTimeID="2"/>',
          '<TIMEX3 m_id="4" value="2030-04-27T09:00" anchorTimeID="3"/>'],
         "2030-04-27"),
        (['<TIMEX3 m_id="1" value="2030-01"/>'], None),
    ],
)  # fmt: skip
def test_cat_creation_time(timexes: list[str], expected: str | None) -> None:
    assert cat_dct(_markables(*timexes)) == expected


def test_read_gold_directory_subsets_and_errors(tmp_path: Path) -> None:
    write(tmp_path / "wire" / "a.tml", TML)
    write(tmp_path / "wiki" / "b.xml", CAT)
    write(tmp_path / "wiki" / "notes.xml", "<notes>not gold</notes>")
    docs = read_gold(tmp_path)
    assert [(d.name, d.subset) for d in docs] == [("wiki/b", "wiki"), ("wire/a", "wire")]

    write(tmp_path / "wire" / "broken.tml", "<TimeML><TEXT>cut off")
    with pytest.raises(GoldReadError, match="broken.tml"):
        read_gold(tmp_path)
    with pytest.raises(GoldReadError, match="no TimeML"):
        read_gold(write(tmp_path / "empty" / "readme.txt", "x").parent)
    with pytest.raises(GoldReadError, match="not TimeML nor|neither"):
        read_gold(tmp_path / "wiki" / "notes.xml")


# --------------------------------------------------------------------------- matching


def test_trim_span_drops_edge_punctuation() -> None:
    text = 'He said: "Monday," then left.'
    start = text.index('"')
    assert text[slice(*trim_span(text, start, start + 9))] == "Monday"


def test_strict_needs_the_same_span_relaxed_an_overlap() -> None:
    text = "Talks ended on Monday, after about three weeks of work."
    gold = doc(text, ("Monday", "DATE", "2031-05-12"), ("three weeks", "DURATION", "P3W"))
    tagger = fixed(
        ("Monday,", "DATE", "2031-05-12", 0),  # punctuation only: strict
        ("about three weeks", "DURATION", "P3W", 0),  # wider: relaxed only
    )
    result = evaluate([gold], tagger)
    assert (result.total.strict, result.total.relaxed) == (1, 2)
    assert result.total.strict_prf()["f1"] == pytest.approx(0.5)
    assert result.total.relaxed_prf()["f1"] == pytest.approx(1.0)
    assert result.error_counts == {"missed": 0, "spurious": 0, "type": 0, "value": 0}


def test_relaxed_matching_is_one_to_one_best_overlap_first() -> None:
    text = "from early 2030 to mid 2032"
    gold = [GoldTimex(5, 27, "DATE", "2030", None)]  # "early 2030 to mid 2032"
    system = [
        TimeExpr(5, 15, "early 2030", "DATE", "2030"),
        TimeExpr(19, 27, "mid 2032", "DATE", "2032"),
    ]
    pairs, strict = match_doc(text, gold, system)
    assert pairs == [(0, 0)] and strict == 0


def test_attribute_scores_follow_tempeval3() -> None:
    text = "On Friday the board met; by 2030 it will have met for two years, and again on Monday."
    gold = doc(
        text,
        ("Friday", "DATE", "2031-05-09"),
        ("2030", "DATE", "2030"),
        ("two years", "DURATION", "P2Y"),
        ("Monday", "DATE", "2031-05-12"),
    )
    tagger = fixed(
        ("Friday", "DATE", "2031-05-09", 0),  # right
        ("2030", "DATE", "2031", 0),  # wrong value
        ("two years", "DATE", "P2Y", 0),  # wrong type
        ("the board", "DATE", "XXXX", 0),  # spurious; Monday is missed
    )
    result = evaluate([gold], tagger)
    total = result.total
    found = (total.gold, total.system, total.relaxed, total.type_ok, total.value_ok)
    assert found == (4, 4, 3, 2, 2)
    assert total.attribute(total.type_ok)["accuracy"] == pytest.approx(2 / 3)
    assert total.attribute(total.value_ok)["precision"] == pytest.approx(2 / 4)
    assert total.attribute(total.value_ok)["recall"] == pytest.approx(2 / 4)
    assert result.error_counts == {"missed": 1, "spurious": 1, "type": 1, "value": 1}

    kinds = {e.kind: e for e in result.errors}
    assert kinds["missed"].gold_text == "Monday" and kinds["missed"].system_type == ""
    assert kinds["spurious"].system_text == "the board" and kinds["spurious"].gold_type == ""
    assert (kinds["value"].gold_value, kinds["value"].system_value) == ("2030", "2031")
    assert (kinds["type"].gold_type, kinds["type"].system_type) == ("DURATION", "DATE")
    assert "[[Monday]]" in kinds["missed"].context and "\n" not in kinds["missed"].context
    assert len(kinds["missed"].context) <= 2 * 30 + len("[[Monday]]")
    assert "missed" in format_errors(result.errors)


def test_values_are_compared_as_strings_like_tempeval3() -> None:
    """TempEval-3 compares values as strings: a gold week written without its zero
    ("2031-W7") does not match the well-formed "2031-W07"; only outer spaces are ignored."""
    text = "Crews worked all this week and next week, and closed the dam last week."
    gold = doc(
        text,
        ("this week", "DATE", "2031-W7"),
        ("next week", "DATE", "2031-W08 "),
        ("last week", "DATE", "2031-W06"),
    )
    tagger = fixed(
        ("this week", "DATE", "2031-W07", 0),
        ("next week", "DATE", "2031-W08", 0),
        ("last week", "DATE", "2031-06", 0),
    )
    result = evaluate([gold], tagger)
    assert (result.total.relaxed, result.total.value_ok) == (3, 1)
    assert result.total.attribute(result.total.value_ok)["f1"] == pytest.approx(1 / 3)
    assert [e.gold_value for e in result.errors if e.kind == "value"] == ["2031-W7", "2031-W06"]


def test_error_listing_is_limited_but_counted_in_full() -> None:
    text = "in 2030, 2031, 2032 and 2033"
    gold = doc(text, ("2030", "DATE", "2030"), ("2031", "DATE", "2031"), ("2032", "DATE", "2032"))
    result = evaluate([gold], fixed(("2033", "DATE", "2033", 0)), max_errors=2)
    assert result.error_counts["missed"] == 3 and result.error_counts["spurious"] == 1
    assert len(result.errors) == 2
    assert evaluate([gold], fixed(), max_errors=0).errors == []


def test_system_output_outside_the_annotated_part_is_not_scored(tmp_path: Path) -> None:
    (gold,) = read_gold(write(tmp_path / "dam.xml", CAT))
    tagger = fixed(("last week", "DATE", "2027-W21", 0), ("tomorrow", "DATE", "2027-06-04", 0))
    result = evaluate([gold], tagger)
    assert (result.total.system, result.total.relaxed, result.total.strict) == (1, 1, 1)
    assert result.error_counts["missed"] == 1  # the dateline


def test_subsets_table_and_dict(tmp_path: Path) -> None:
    write(tmp_path / "wire" / "a.tml", TML)
    write(tmp_path / "wiki" / "b.xml", CAT)
    result = evaluate(read_gold(tmp_path), fixed())
    assert list(result.subsets) == ["wiki", "wire"]
    assert result.total == result.subsets["wiki"] + result.subsets["wire"]
    assert result.total.gold == 4 and result.total.docs == 2
    table = format_table(result)
    assert "wiki" in table and "wire" in table and "total" in table
    data = json.loads(json.dumps(result.to_dict()))
    assert data["total"]["relaxed"]["recall"] == 0.0
    assert set(data["subsets"]) == {"wiki", "wire"}


def test_default_tagger_runs_on_the_fixture(tmp_path: Path) -> None:
    docs = read_gold(write(tmp_path / "ferry.tml", TML))
    result = evaluate(docs)  # storyline.timex.tag_times
    assert result.total.gold == 2 and result.total.system >= 1
    assert Counts().relaxed_prf() == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_tagger_failure_names_the_document() -> None:
    def broken(text: str, dct: str | None) -> Sequence[TimeExpr]:
        raise ValueError("boom")

    with pytest.raises(RuntimeError, match="tagger failed on d"):
        evaluate([doc("on Monday", ("Monday", "DATE", "2031-05-12"))], broken)


# --------------------------------------------------------------------------- real gold


def test_reads_tbaq_timebank() -> None:
    docs = read_gold(need(TBAQ / "TimeBank"))
    assert len(docs) == 183
    assert sum(len(d.timexes) for d in docs) == 1243
    assert all(d.dct and d.dct[:4].isdigit() for d in docs)
    for d in docs:
        for t in d.timexes:
            assert t.text.strip() and d.text[t.start : t.end] == t.text, (d.name, t)


def test_reads_meantime_gold_spans() -> None:
    """Reader only: MEANTIME is held out for the tagger, so nothing is tagged here."""
    docs = read_gold(need(MEANTIME))
    assert len(docs) == 120 and {d.subset for d in docs} == {
        "corpus_airbus",
        "corpus_apple",
        "corpus_gm",
        "corpus_stock",
    }
    for d in docs:
        assert d.scored_end is not None
        for t in d.timexes:
            assert d.text[t.start : t.end] == t.text and t.end <= d.scored_end, (d.name, t)
