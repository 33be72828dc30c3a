"""The server-rendered pages over the demo store, their chart and text helpers, and escaping.

The escaping test ingests, through the API, an article whose title, text, outlet and URL
carry script and event-handler payloads, and checks that every page shows them as text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from storyline.api import create_app
from storyline.date_words import date_label, span_of
from storyline.model import Analysis, Article, Mention, TimeExpr
from storyline.web_charts import sparkline, timeline_chart
from storyline.web_text import best_sentence, paragraphs
from tests.web_support import DAM, PAYLOADS, Client


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Client:
    return Client(create_app(demo_db))


def page(client: Client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


# --------------------------------------------------------------------------- pages


def test_story_list_shows_dates_counts_languages_and_a_sparkline(client: Client) -> None:
    text = page(client, "/")
    assert text.count('<td class="story-title">') == 3
    assert "Dam breach floods Kessport, at least 14 dead" in text
    assert "2025-11-04 – 2025-12-09" in text
    assert '<svg class="spark"' in text and "2025-11-04: 2 articles" in text
    assert 'data-label="Independent sources">5<' in text


def test_story_list_filters_and_rejects_bad_ones(client: Client) -> None:
    assert page(client, "/?q=dockworkers").count('<td class="story-title">') == 1
    assert page(client, "/?language=fr").count('<td class="story-title">') == 0
    bad = page(client, "/?from=2025-13-01", status=400)
    assert "not a calendar date" in bad


def test_story_page_sections(client: Client) -> None:
    text = page(client, f"/stories/{DAM}")
    for section in ("summary", "timeline", "facts", "differences", "matrix", "entities", "sources"):
        assert f'<section id="{section}">' in text
    # a citation links to the sentence in its article and quotes it
    cite = re.search(r'<a class="cite-link" href="([^"]+)"', text)
    assert cite and re.fullmatch(r"/articles/a\w+\?s=\d+#s-\d+", cite.group(1))
    assert '<q class="pop-quote">At least 14 people were killed' in text
    # the chart keeps precision and tells past from scheduled
    assert 'class="row past prec-day"' in text and 'class="row scheduled prec-month"' in text
    assert ">earlier</text>" in text, "1968 sits beyond a break in the axis"
    # each timeline row shows in bold the words its date was read from
    assert re.search(r'<tr id="tl-\d+"[^>]*>.*<strong class="date-words">1968</strong>', text)
    # badges, the matrix, entity aliases
    for status in ("corroborated", "single-source", "conflicting"):
        assert f'<span class="badge {status}">{status}</span>' in text
    assert '<td class="odd" title="Nineteen people died' in text
    assert "also Brandt" in text


def test_article_page_highlights_and_furniture_apart(client: Client) -> None:
    story = client.get(f"/api/v1/stories/{DAM}").json()
    copy = next(m for m in story["members"] if m["duplicate_of"])
    text = page(client, f"/articles/{copy['id']}?s=1")
    assert '<mark class="t-time " title="time: DATE 2025-11-04">Nov. 4</mark>' in text
    assert re.search(r'<mark class="[^"]*t-entity[^"]*" title="[^"]*">Kessport</mark>', text)
    assert re.search(r'<mark class="t-quantity " title="quantity: at least 14 dead', text)
    assert '<span class="sent hl" data-s="1" id="s-1">' in text
    removed = text.split('<aside class="removed"', 1)[1]
    assert "Listen to this article" in removed and "audio-widget" in removed
    assert "Listen to this article" not in text.split('<aside class="removed"', 1)[0]
    assert f'href="/articles/{copy["duplicate_of"]}"' in text


def test_search_and_entity_pages(client: Client) -> None:
    text = page(client, "/search?q=brandt")
    assert 'id="found-stories"' in text and "Helena Brandt" in text
    assert "<mark>Brandt</mark>" in text
    entities = page(client, "/entities?q=brandt")
    link = re.search(r'href="(/entities/n\w+)">Helena Brandt<', entities)
    assert link
    assert "Retired judge to lead inquiry" in page(client, link.group(1))
    assert "no entity" in page(client, "/entities/nope", status=404)
    assert "<h1>404</h1>" in page(client, "/stories/nope", status=404)


# --------------------------------------------------------------------------- helpers


def test_dates_keep_their_precision() -> None:
    assert span_of("2026-02")[2] == "month" and span_of("2026-02")[1].day == 28
    assert span_of("1968")[2] == "year" and span_of("2025-11-03")[2] == "day"
    assert span_of("XXXX-09") is None and span_of("2025-W40") is None
    assert date_label("2026-02", "ON_OR_BEFORE") == "by Feb 2026"
    assert date_label("2025-11-03") == "3 Nov 2025"


def test_timeline_chart_draws_days_as_dots_and_months_as_wide_as_a_month() -> None:
    entries = [
        {"date": "1990", "text": "built", "scheduled": False},
        {"date": "2024-05-02", "text": "flood", "scheduled": False},
        {"date": "2024-06", "text": "report due", "scheduled": True, "mod": "ON_OR_BEFORE"},
        {"date": "2024-07-01", "text": "works", "scheduled": True},
    ]
    chart = timeline_chart(entries, "2024-05-02", "2024-05-20")
    old, day, month, later = chart["rows"]
    assert old["mark"]["where"] == "earlier" and chart["earlier"]
    assert day["mark"]["shape"] == "dot" and month["mark"]["shape"] == "bar"
    june = month["mark"]["w"]
    gap = later["mark"]["x"] - day["mark"]["x"]  # 60 days between 2 May and 1 July
    assert abs(june / gap - 30 / 60) < 0.05
    assert month["scheduled"] and month["label"] == "by Jun 2024"
    assert chart["latest"] is not None


def test_sparkline_counts_per_day_and_per_week_for_long_stories() -> None:
    short = sparkline([("2024-05-01", 2), ("2024-05-03", 1)], "2024-05-01", "2024-05-03")
    assert len(short["bars"]) == 2 and short["bars"][0]["h"] > short["bars"][1]["h"]
    long = sparkline([("2024-01-01", 1), ("2024-01-02", 1), ("2024-12-01", 1)], None, None)
    assert len(long["bars"]) == 2 and "week" in long["label"]
    assert sparkline([], None, None)["bars"] == []


def test_article_text_pieces_rebuild_the_text_and_carry_their_highlights() -> None:
    text = "Rain fell on Monday in Kessport.\nThe dam held."
    article = Article(
        id="a1",
        source="x.txt",
        part=1,
        title="t",
        text=text,
        analysis=Analysis(
            sentences=[(0, 32), (33, 46)],
            times=[TimeExpr(13, 19, "Monday", "DATE", "2024-05-06")],
            mentions=[Mention(23, 31, "Kessport", "GPE"), Mention(10, 20, "bad span", "X")],
        ),
    )
    chunks = paragraphs(article)
    assert len(chunks) == 2
    rebuilt = "\n".join("".join(p["text"] for c in para for p in c.pieces) for para in chunks)
    assert rebuilt == text
    kinds = {p["text"]: p["kinds"] for para in chunks for c in para for p in c.pieces}
    assert kinds["Monday"] == ["entity", "time"] and kinds["Kessport"] == ["entity"]
    assert [c.sentence for para in chunks for c in para] == [0, 1]
    assert best_sentence(article, "the dam held") == 1
    assert best_sentence(article, "nothing like it") is None


# --------------------------------------------------------------------------- escaping


@pytest.fixture(scope="module")
def hostile(hostile_db: tuple[Path, str]) -> tuple[Client, str]:
    db, article_id = hostile_db
    return Client(create_app(db)), article_id


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_inert(text: str) -> None:
    """No payload survives as markup: no script element but ours, no handler attribute, no
    element the templates never write, no javascript: link."""
    parser = Tags()
    parser.feed(text)
    for tag, attrs in parser.tags:
        assert tag not in ("img", "b", "iframe", "object"), (tag, attrs)
        for name, value in attrs:
            assert not name.startswith("on"), (tag, attrs)
            if name in ("href", "src", "action"):
                assert not (value or "").strip().lower().startswith("javascript:"), (tag, attrs)
        if tag == "script":
            assert attrs == [("src", "/static/web.js"), ("defer", None)], attrs
    assert "<script>window" not in text and "<img src=x" not in text


def test_hostile_article_is_stored_as_is_and_shown_escaped(hostile: tuple[Client, str]) -> None:
    client, article_id = hostile
    response = client.get(f"/api/v1/articles/{article_id}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff", "never sniffed as HTML"
    stored = response.json()
    assert PAYLOADS[0] in stored["title"] and PAYLOADS[1] in stored["text"]
    text = page(client, f"/articles/{article_id}")
    assert_inert(text)
    assert str(escape(PAYLOADS[0])) in text
    assert "&lt;img src=x onerror=" in text and "Evil Outlet" in text
    assert "javascript:window.__xss=&#39;url&#39;" in text, "the URL is shown, not linked"
    story = stored["story"]
    for path in (
        f"/stories/{story}",
        "/",
        "/search?q=inquiry",
        "/search?q=" + PAYLOADS[0],
        "/entities",
        "/?q=" + PAYLOADS[1],
    ):
        assert_inert(page(client, path))


def test_the_inertness_check_catches_live_markup() -> None:
    for live in (
        '<p><img src=x onerror="alert(1)"></p>',
        "<script>alert(1)</script>",
        '<a href=" javascript:alert(1)">x</a>',
        "<div title='x' onmouseover='alert(1)'>",
    ):
        with pytest.raises(AssertionError):
            assert_inert(live)


def test_an_estimated_date_reads_as_a_lower_bound_on_every_page() -> None:
    from storyline.model import PublishedDate
    from storyline.web import environment

    words = environment().filters["date_words"]
    assert words(PublishedDate("2001-09", "content", 0.3, "", True)) == "not before 2001-09"
    assert words(PublishedDate("2024-09-27", "weekday", 0.7)) == "2024-09-27"
    assert words(PublishedDate(None, "unknown", 0.0)) is None
    for name in ("article.html", "entity.html", "search.html"):
        assert "published|date_words" in environment().loader.get_source(environment(), name)[0]
