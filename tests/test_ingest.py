"""Ingest: every supported format read, every bad input reported in one line, the batch goes on."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from storyline.html_dates import PAGE_STAMP, html_published
from storyline.ingest import list_files, normalise_iso_date, read_paths
from storyline.model import IngestError, RawDocument

ARTICLE_HTML = """<!doctype html><html><head><title>Flood closes Kessport bridge</title>
<meta property="article:published_time" content="2025-03-04T08:00:00Z">
<link rel="canonical" href="https://ledger.example/2025/03/04/flood-bridge/">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Flood closes Kessport bridge</h1>
<p>The main bridge of Kessport was closed on Tuesday after the river rose two metres overnight,
the city council said, and engineers will inspect the pillars before any reopening.</p>
<p>About 1,200 residents of the lower town were moved to schools and sports halls while the water
stayed high, according to the regional civil protection office, which expects the level to fall.</p>
<p>The council said the inspection would take at least a week and asked drivers to use the
northern ring road, where extra buses now run every ten minutes during the day.</p>
</article><footer>Copyright 2019 Ledger Media</footer></body></html>"""


def _read(tmp_path: Path, name: str, content: bytes | str) -> list:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return list(read_paths([path]))


def test_plain_text_is_read_with_a_stable_hash(tmp_path: Path) -> None:
    first = _read(tmp_path, "a.txt", "Some article text.\nSecond line.")
    second = _read(tmp_path, "a.txt", "Some article text.\nSecond line.")
    assert isinstance(first[0], RawDocument)
    assert first[0].text == "Some article text.\nSecond line."
    assert first[0].format == "txt" and first[0].source == "a.txt"
    assert first[0].sha256 == second[0].sha256


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    (doc,) = _read(tmp_path, "bom.txt", b"\xef\xbb\xbfHello world, this is text.")
    assert doc.text.startswith("Hello")


def test_html_gives_main_text_title_and_metadata_date(tmp_path: Path) -> None:
    (doc,) = _read(tmp_path, "page.html", ARTICLE_HTML)
    assert isinstance(doc, RawDocument), doc
    assert doc.title == "Flood closes Kessport bridge"
    assert "1,200 residents" in doc.text
    assert "Home" not in doc.text.split()  # navigation left behind
    assert doc.published == "2025-03-04"  # markup date, not the copyright line
    assert doc.published_evidence and "metadata" in doc.published_evidence


def test_html_copyright_line_is_not_a_publication_date(tmp_path: Path) -> None:
    page = ARTICLE_HTML.replace(
        '<meta property="article:published_time" content="2025-03-04T08:00:00Z">', ""
    )
    page = page.replace("/2025/03/04/", "/news/")
    (doc,) = _read(tmp_path, "page.html", page)
    assert isinstance(doc, RawDocument)
    assert doc.published is None


def test_jsonl_records_and_their_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "text": "First record text.",
                "url": "https://x.example/a",
                "title": "One",
                "published": "2025-11-05T10:00:00Z",
                "source": "Wire",
            }
        ),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Third.", "published": "yesterday"}),
        json.dumps(["a list"]),
    ]
    items = _read(tmp_path, "feed.jsonl", "\n".join(lines))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    assert len(docs) == 1
    assert docs[0].published == "2025-11-05" and docs[0].outlet == "Wire"
    assert docs[0].source == "feed.jsonl:1"
    assert errors[0].startswith("feed.jsonl:2: invalid JSON")
    assert errors[1] == "feed.jsonl:3: record has no 'text' string"
    assert errors[2].startswith("feed.jsonl:5: record field 'published' is not an ISO date")
    assert errors[3] == "feed.jsonl:6: a record must be a JSON object"


def test_a_record_names_its_outlet_as_outlet_or_source(tmp_path: Path) -> None:
    record = {"text": "Body.", "url": "https://news.example/a"}
    lines = [
        json.dumps(record | {"outlet": "Coastal Gazette"}),
        json.dumps(record | {"source": "Wire"}),
        json.dumps(record | {"outlet": "Gazette", "source": "Wire"}),
        json.dumps(record),
        json.dumps(record | {"outlet": 3}),
    ]
    *docs, bad = _read(tmp_path, "feed.jsonl", "\n".join(lines))
    assert [d.outlet for d in docs] == ["Coastal Gazette", "Wire", "Gazette", "news.example"]
    assert str(bad) == "feed.jsonl:5: record field 'outlet' must be a string"
    # a record without the field hashes as before, so a feed stored earlier stays unchanged
    plain = json.dumps(
        {"text": "Body.", **dict.fromkeys(["title", "published", "source"])}
        | {"url": "https://news.example/a"},
        sort_keys=True,
        ensure_ascii=False,
    )
    assert docs[3].sha256 == hashlib.sha256(plain.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        (
            "latin1.txt",
            "Caf\u00e9 society".encode("latin-1"),
            "not valid UTF-8 (byte 0xe9 at offset 3)",
        ),
        ("nobody.html", b"<html><head><title>x</title></head></html>", "HTML has no article text"),
        ("scan.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
    ],
)
def test_bad_input_gives_one_line_naming_file_and_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    (item,) = _read(tmp_path, name, content)
    assert isinstance(item, IngestError)
    line = str(item)
    assert line.startswith(f"{name}: ") and reason in line and "\n" not in line


def test_oversized_page_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MB
    (item,) = list(read_paths([big]))
    assert isinstance(item, IngestError)
    assert "20.0 MB" in item.reason or "21.0 MB" in item.reason


def test_folder_is_read_recursively_in_order_and_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article body text.")
    (tmp_path / "a.txt").write_text("First article body text.")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    (tmp_path / ".hidden.txt").write_text("not read")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    assert items[0].source == str(tmp_path / "missing.txt")
    assert [i.source for i in items[1:]] == ["a.txt", "b/two.txt", "bad.txt"]
    assert [type(i).__name__ for i in items] == [
        "IngestError",
        "RawDocument",
        "RawDocument",
        "IngestError",
    ]
    files, missing = list_files([tmp_path])
    assert [s for _, s in files] == ["a.txt", "b/two.txt", "bad.txt"] and not missing


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-09-28", "2024-09-28"),
        ("2024-09-28T20:00:00+08:00", "2024-09-28"),
        ("2024-09", "2024-09"),
        ("2024", "2024"),
        ("2024-02-30", None),
        ("Sept 27", None),
        ("", None),
    ],
)
def test_iso_dates_are_normalised_or_refused(given: str, expected: str | None) -> None:
    assert normalise_iso_date(given) == expected


# --------------------------------------------------------------------------- HTML dates


def _page(head: str = "", body: str = "") -> str:
    return (
        f"<html><head><title>Harbour crane collapses</title>{head}</head><body>"
        f"<nav>Home | Ports | Weather</nav><h1>Harbour crane collapses</h1>{body}"
        "<p>A crane fell onto the quay at Orvik harbour, the port authority said, and two "
        "workers were taken to hospital with minor injuries.</p></body></html>"
    )


def test_declared_date_is_read_from_json_ld_before_meta() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2025-06-02T14:20:00+02:00"}</script>'
        '<meta property="article:published_time" content="2025-06-01">'
    )
    value, evidence = html_published(_page(head))
    assert value == "2025-06-02" and "JSON-LD datePublished" in evidence


def test_utc_time_moves_to_the_publisher_day_given_by_other_zoned_times() -> None:
    head = (
        '<meta property="article:published_time" content="2025-03-07T03:40:00Z">'
        '<meta property="article:modified_time" content="2025-03-06T23:55:00-05:00">'
    )
    value, evidence = html_published(_page(head))
    assert value == "2025-03-06" and "UTC-05:00" in evidence
    # the same UTC time on a page that tells no offset keeps its UTC day
    alone = '<meta property="article:published_time" content="2025-03-07T03:40:00Z">'
    assert html_published(_page(alone))[0] == "2025-03-07"
    # a midnight UTC time is a bare date written as a time: it is not moved
    midnight = head.replace("03:40:00Z", "00:00:00Z")
    assert html_published(_page(midnight))[0] == "2025-03-07"


def test_utc_time_moves_to_the_day_the_page_shows_for_the_same_minute() -> None:
    head = '<meta name="pubdate" content="2024-11-05T06:12:44.000Z">'
    shown = "<p class='byline'>Staff reporter · November 4, 2024 10:12 p.m.</p>"
    value, evidence = html_published(_page(head, shown))
    assert value == "2024-11-04" and "November 4, 2024 10:12 p.m." in evidence
    # a shown time that is not the same minute says nothing about the offset
    other = shown.replace("10:12", "10:47")
    assert html_published(_page(head, other))[0] == "2024-11-05"


def test_utc_time_moves_by_a_local_copy_of_the_same_second_in_markup() -> None:
    head = (
        '<script type="application/ld+json">{"datePublished":"2023-01-10T01:05:09Z"}</script>'
        '<meta name="sailthru.date" content="2023-01-09 19:05:09">'
    )
    assert html_published(_page(head))[0] == "2023-01-09"


def test_javascript_date_string_and_placeholder_dates() -> None:
    head = (
        '<script type="application/ld+json">{"datePublished": "0001-01-01T00:00:00Z"}</script>'
        '<script type="application/ld+json">'
        '{"datePublished": "Sat Aug 02 2025 05:30:00 GMT+0000"}</script>'
        '<meta property="og:updated_time" content="2025-08-01T23:00:00-07:00">'
    )
    assert html_published(_page(head))[0] == "2025-08-01"


@pytest.mark.parametrize(
    ("shown", "value"),
    [
        (
            "<div>Posted on: Thu 4:15 PM, Mar 6, 2025 | Updated: Fri 9:00 AM, Mar 7</div>",
            "2025-03-06",
        ),
        ("<div>By Ingrid Solberg | 6 March 2025</div>", "2025-03-06"),
        ("<p>Agence Nord</p><span>February 14th, 2022</span>", "2022-02-14"),
        ("<span>First published: 12:05 EST, January 3, 2021</span>", "2021-01-03"),
    ],
)
def test_visible_stamp_under_the_title_when_the_markup_declares_nothing(
    shown: str, value: str
) -> None:
    got = html_published(_page(body=shown))
    assert got is not None and got[0] == value and got[1].startswith(PAGE_STAMP)


def test_dates_that_are_not_the_page_stamp_give_nothing() -> None:
    # today's date in the masthead, above the title
    masthead = _page().replace("<nav>", "<div>Wednesday, April 9, 2025</div><nav>")
    assert html_published(masthead) is None
    # a date inside a caption sentence under the title
    caption = (
        "<figure>Workers inspect the damaged crane at the quay in Orvik on Tuesday, "
        "April 8, 2025, after the accident.</figure>"
    )
    assert html_published(_page(body=caption)) is None
    # an "Updated" stamp is not the publication date
    assert html_published(_page(body="<div>Updated: April 9, 2025</div>")) is None
