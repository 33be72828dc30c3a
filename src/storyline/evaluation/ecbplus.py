"""Reading ECB+ for ``storyline eval clusters``: gold labels, the fixed split, the documents.

ECB+ documents come in two kinds. The ECB+ additions (files ``*ecbplus.txt``) start with the
page's source URL, written in the corpus's tokenised form ("http: / / www. example. com / 2013
/ 03 / 14 / quake. html"); the original ECB documents have none. Left in the text, that line
tells the two events of every topic apart by itself (every ECB+ document has "http" and "www"
and no ECB document does), so a bag-of-words method is handed the answer. By default the line
is therefore read as what it is, the document's URL: it is taken out of the text every system
reads and given to storyline as the document's URL metadata, as a crawler or a JSON Lines
feed would. ``url_line="text"`` keeps it in the text, as the corpus has it.

The texts themselves are tokenised too: "an earthquake measuring 4. 6", "Posted: 03 / 14 / 2013
06: 37: 46 AM", "the U. S. Geological Survey", "100, 000 people". No page writes them so, and
they cost storyline what a page gives it (a decimal, a timestamp, a clock time, a figure), so
:func:`detokenise` joins those tokens back for every system. Hyphens stay as the corpus writes
them (" - "): its real dashes are written the same way ("can not be underestimated - it is").
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.model import Article, RawDocument

URL_LINE_MODES = ("metadata", "text")
_SPACED_URL = re.compile(r"\s*(https?\s*:\s*/\s*/\s*[^\n]+?)\s*(?:\n|$)")
_SPACE = re.compile(r"\s+")
# (tokens the corpus split, what joins them back); each is applied until nothing changes
_JOINS = (
    (re.compile(r"(?<![\d.,])(\d{1,3})\. (?=\d)"), r"\1."),  # "4. 6", "$37. 5 million"
    (re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})*), (?=\d{3}\b)"), r"\1,"),  # "100, 000"
    (re.compile(r"(\d) / (?=\d)"), r"\1/"),  # "03 / 14 / 2013", "4 1 / 2 hours"
    (re.compile(r"(\d): (?=\d\d\b)"), r"\1:"),  # "06: 37: 46", "2: 09 a. m."
    (re.compile(r"\b([A-Za-z])\. (?=[A-Za-z]\.)"), r"\1."),  # "U. S.", "a. m."
)


@dataclass(frozen=True, slots=True)
class Label:
    """The gold of one file: its event and its topic."""

    event: str
    topic: str


def read_labels(path: Path) -> dict[str, Label]:
    """``file -> Label`` from a CSV with the columns ``file``, ``event``, ``topic``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["file"]: Label(row["event"], row["topic"]) for row in csv.DictReader(handle)}


def _topic_key(topic: str) -> tuple[int, str]:
    return (int(topic), topic) if topic.isdigit() else (10**9, topic)


def split_topics(topics: set[str]) -> dict[str, list[str]]:
    """The fixed split: topics sorted by number, even positions dev, odd positions test."""
    ordered = sorted(topics, key=_topic_key)
    return {"dev": ordered[0::2], "test": ordered[1::2]}


def split_url_line(text: str) -> tuple[str | None, str]:
    """(the URL on the text's first line, the text without that line), or (None, text).

    The corpus writes URLs with spaces between their parts; URLs hold no spaces, so the
    parts are joined back. Only a first line that is a URL and nothing else counts.
    """
    match = _SPACED_URL.match(text)
    if match is None:
        return None, text
    url = _SPACE.sub("", match.group(1))
    if not re.fullmatch(r"https?://[\w.-]+\.[a-z]{2,}(?:[/?#]\S*)?", url, flags=re.IGNORECASE):
        return None, text
    return url, text[match.end() :]


def detokenise(text: str) -> str:
    """``text`` with the tokens the corpus split apart joined back (see the module
    docstring): decimals, thousands, dates and fractions with slashes, clock times and
    initials. Everything else is left as written."""
    for pattern, joined in _JOINS:
        while True:
            again = pattern.sub(joined, text)
            if again == text:
                break
            text = again
    return text


def with_url_metadata(document: RawDocument) -> RawDocument:
    """The document with a leading URL line moved into its ``url`` field."""
    url, rest = split_url_line(document.text)
    if url is None or not rest.strip():
        return document
    return dataclasses.replace(document, text=rest, url=document.url or url)


def load_articles(
    folder: Path,
    files: Sequence[str],
    advance: Callable[[], None] | None = None,
    url_line: str = "metadata",
) -> list[Article]:
    """Read and analyse ``files`` (names under ``folder``) with storyline's own stages."""
    from storyline.ingest import read_file
    from storyline.pipeline import analyse_document

    if url_line not in URL_LINE_MODES:
        raise ValueError(f"url_line must be one of {', '.join(URL_LINE_MODES)}")
    articles: list[Article] = []
    for name in files:
        for item in read_file(folder / name, name):
            if isinstance(item, RawDocument):
                item = dataclasses.replace(item, text=detokenise(item.text))
                document = with_url_metadata(item) if url_line == "metadata" else item
                articles.extend(analyse_document(document))
        if advance is not None:
            advance()
    return articles
