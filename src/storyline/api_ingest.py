"""``POST /api/v1/ingest``: articles as JSON Lines, analysed and placed in their stories.

Off unless the server was started with ``--allow-ingest``; then every request must carry
``Authorization: Bearer TOKEN`` (compared in constant time). Each line is a record as
``storyline run`` reads from a ``.jsonl`` file: ``{"text", "title"?, "url"?, "published"?,
"source"?}``. A record's source name is derived from its content (``api/<hash>``), so
posting the same record twice stores it once. Bad lines are reported and the batch goes on.
"""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from storyline.catalog_cache import CatalogCache
from storyline.ingest import decode_text, record_to_document
from storyline.model import IngestError, RawDocument
from storyline.store import Store, StoreBusy

if TYPE_CHECKING:
    from storyline.index_store import WarmIndexes

MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_LINES = 1000

router = APIRouter(prefix="/api/v1")
_write_lock = threading.Lock()  # one ingest at a time per process


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """Whether ingest is on, and the token it requires."""

    allowed: bool = False
    token: str | None = None


@dataclass(slots=True)
class IngestResult:
    added: list[str] = field(default_factory=list)  # ids of the new articles
    unchanged: int = 0  # records already in the store
    errors: list[dict[str, Any]] = field(default_factory=list)  # {"line", "reason"}
    stories_updated: list[str] = field(default_factory=list)


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison of the bearer token."""
    return given is not None and secrets.compare_digest(given.encode(), expected.encode())


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def parse_lines(text: str) -> tuple[list[tuple[int, RawDocument]], list[dict[str, Any]]]:
    """The documents of a JSON Lines body (with their line numbers) and the bad lines."""
    documents, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append({"line": number, "reason": f"invalid JSON ({exc.msg})"})
            continue
        item = record_to_document(record, "api")
        if isinstance(item, IngestError):
            errors.append({"line": number, "reason": item.reason})
            continue
        item.source = f"api/{item.sha256[:16]}"
        documents.append((number, item))
    return documents, errors


def ingest_documents(
    store: Store, documents: list[tuple[int, RawDocument]], warm: WarmIndexes | None = None
) -> IngestResult:
    """Analyse and store the new documents, then bring their stories up to date; ``warm``
    keeps the placement indexes in memory from one request to the next (a request then
    reads no index state from the store while no other process has placed articles)."""
    from storyline.pipeline import analyse_document, assign_pending

    result = IngestResult()
    with _write_lock, store.writer("REST ingest"):
        for number, document in documents:
            if store.has_document(document):
                result.unchanged += 1
                continue
            try:
                articles = analyse_document(document)
            except Exception as exc:  # one bad record must not end the batch
                result.errors.append({"line": number, "reason": f"analysis failed: {exc!r}"})
                continue
            if not articles:
                result.errors.append({"line": number, "reason": "no article text after cleaning"})
                continue
            store.add_document(document, articles)
            result.added += [a.id for a in articles]
        if result.added:
            result.stories_updated = sorted(assign_pending(store, warm=warm))
    return result


@router.post(
    "/ingest",
    summary="Add articles (JSON Lines); needs --allow-ingest and the bearer token",
    status_code=200,
)
async def ingest(request: Request) -> dict[str, Any]:
    """Body: one JSON record per line. Answers the new article ids, how many records were
    already stored, the stories updated, and one error per unusable line."""
    settings: IngestSettings = request.app.state.ingest
    if not settings.allowed or not settings.token:
        raise HTTPException(403, "ingest is off: start the server with --allow-ingest")
    if not token_matches(bearer(request), settings.token):
        raise HTTPException(
            401,
            "a valid 'Authorization: Bearer TOKEN' header is required",
            {"WWW-Authenticate": "Bearer"},
        )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HTTPException(413, f"body over {MAX_BODY_BYTES // (1024 * 1024)} MB")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise HTTPException(413, f"body over {MAX_BODY_BYTES // (1024 * 1024)} MB")
    text = decode_text(body)
    if isinstance(text, IngestError):
        raise HTTPException(400, f"body: {text.reason}; send JSON Lines in UTF-8")
    documents, errors = parse_lines(text)
    if len(documents) + len(errors) > MAX_LINES:
        raise HTTPException(400, f"at most {MAX_LINES} records per request")
    cache: CatalogCache = request.app.state.catalog
    state = request.app.state
    if state.warm_indexes is None:  # imported on first use: the read-only server never needs it
        from storyline.index_store import WarmIndexes

        state.warm_indexes = WarmIndexes()
    warm = state.warm_indexes
    try:
        result = await run_in_threadpool(ingest_documents, cache.store, documents, warm)
    except StoreBusy as exc:
        raise HTTPException(409, str(exc)) from exc
    cache.invalidate()
    errors = sorted(errors + result.errors, key=lambda e: e["line"])
    return {
        "added": result.added,
        "unchanged": result.unchanged,
        "stories_updated": result.stories_updated,
        "errors": errors,
    }
