"""Ingest: read files, folders and JSON Lines records into :class:`RawDocument`.

This is the input edge of the pipeline. It yields one ``RawDocument`` per readable input
and one ``IngestError`` (one line: the file and the reason) per unreadable one, so a
batch goes on past a bad file. HTML is reduced to its main text with trafilatura; its
publication date comes from :mod:`storyline.html_dates`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from storyline.html_dates import html_published
from storyline.model import IngestError, RawDocument

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # one article page; a JSON Lines file may be larger
DEFAULT_MAX_RECORD_CHARS = 2_000_000

Item = RawDocument | IngestError


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every document under ``paths`` (files, folders searched recursively), in a stable order."""
    files, missing = list_files(paths)
    yield from missing
    for path, source in files:
        yield from read_file(path, source, max_bytes)


def list_files(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[IngestError]]:
    """The files to read under ``paths`` with their ``source`` names, and the paths not found.

    ``source`` is the path relative to the folder it was found in (or the file name when a
    file is given directly), so it does not depend on the working directory. Hidden files
    and folders are left out.
    """
    files: list[tuple[Path, str]] = []
    missing: list[IngestError] = []
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                relative = path.relative_to(root)
                if path.is_file() and not any(p.startswith(".") for p in relative.parts):
                    files.append((path, relative.as_posix()))
        elif root.is_file():
            files.append((root, root.name))
        else:
            missing.append(IngestError(str(given), "no such file or folder"))
    return files, missing


def read_file(path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The documents in one file: one for .txt/.html, one per record for .jsonl."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield IngestError(
            source,
            f"unsupported file type {suffix or '(none)'!r}; "
            f"storyline reads {', '.join(sorted(SUPPORTED))}",
        )
        return
    try:
        size = path.stat().st_size
        if suffix not in JSONL_SUFFIXES and size > max_bytes:
            yield IngestError(
                source,
                f"file is {size / 1e6:.1f} MB, over the "
                f"{max_bytes / 1e6:.0f} MB limit for one article page",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(source, f"cannot read: {exc.strerror or exc}")
        return
    if suffix in JSONL_SUFFIXES:
        yield from parse_jsonl(data, source)
        return
    text = decode_text(data)
    if isinstance(text, str) and not text.strip():
        text = IngestError(source, "empty file")
    if isinstance(text, IngestError):
        yield IngestError(source, text.reason)
        return
    digest = hashlib.sha256(data).hexdigest()
    if suffix in HTML_SUFFIXES:
        yield parse_html(text, source, digest)
    else:
        yield RawDocument(source=source, text=text, sha256=digest, format="txt")


def decode_text(data: bytes) -> str | IngestError:
    """UTF-8 text (a byte-order mark is dropped), or the reason it is not text."""
    if not data.strip():
        return IngestError("", "empty file")
    if b"\x00" in data[:8192]:
        return IngestError("", "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        return IngestError("", f"not valid UTF-8 (byte 0x{byte:02x} at offset {exc.start})")


def parse_html(html: str, source: str, digest: str) -> RawDocument | IngestError:
    """Main text, title, URL, site name and publication date of an HTML page."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises many kinds on malformed markup
        return IngestError(source, f"HTML could not be parsed ({type(exc).__name__})")
    doc = extracted.as_dict() if extracted is not None else {}
    text = doc.get("text") or ""
    if not text.strip():
        return IngestError(source, "HTML has no article text (no body or only markup)")
    url = doc.get("url") or None
    published, evidence = html_published(html) or (None, None)
    return RawDocument(
        source=source,
        text=text,
        sha256=digest,
        format="html",
        title=doc.get("title") or None,
        url=url,
        outlet=doc.get("sitename") or (urlparse(url).hostname if url else None),
        published=published,
        published_evidence=evidence,
    )


def parse_jsonl(data: bytes, source: str) -> Iterator[Item]:
    """One document per line of ``{"text", "url"?, "title"?, "published"?, "source"?}``."""
    text = decode_text(data)
    if isinstance(text, IngestError):
        yield IngestError(source, text.reason)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        document = record_to_document(record, where)
        yield document


def record_to_document(record: Any, where: str) -> Item:
    """A JSON Lines record as a document, or why it is not one."""
    if not isinstance(record, dict):
        return IngestError(where, "a record must be a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return IngestError(where, "record has no 'text' string")
    if len(body) > DEFAULT_MAX_RECORD_CHARS:
        return IngestError(
            where,
            f"record text has {len(body):,} characters, over the "
            f"{DEFAULT_MAX_RECORD_CHARS:,} limit for one article",
        )
    fields = {k: record.get(k) for k in ("title", "url", "published", "source", "outlet")}
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            return IngestError(where, f"record field {key!r} must be a string")
    if fields["outlet"] is None:  # a record without it hashes as before it was read
        del fields["outlet"]
    canonical = json.dumps({"text": body, **fields}, sort_keys=True, ensure_ascii=False)
    url = fields["url"] or None
    published = normalise_iso_date(fields["published"])
    if fields["published"] and not published:
        return IngestError(
            where, f"record field 'published' is not an ISO date: {fields['published']!r}"
        )
    return RawDocument(
        source=where,
        text=body,
        sha256=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        format="jsonl",
        title=fields["title"] or None,
        url=url,
        outlet=fields.get("outlet")
        or fields["source"]
        or (urlparse(url).hostname if url else None),
        published=published,
        published_evidence="record field 'published'" if published else None,
    )


def normalise_iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` from an ISO 8601 date or timestamp, else None."""
    if not value:
        return None
    text = value.strip()
    for length, pattern in ((10, "%Y-%m-%d"), (7, "%Y-%m"), (4, "%Y")):
        head = text[:length]
        rest = text[length:]
        if length < 10 and rest:
            continue  # "2024-09x" is not a month
        try:
            datetime.strptime(head, pattern)
        except ValueError:
            continue
        if not rest or rest[0] in "T ":
            return head
    return None
