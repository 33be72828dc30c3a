"""The analyst's desk: a REST API (``/api/v1``) and web pages over one store.

``create_app`` builds the FastAPI application; ``serve`` runs it with uvicorn (what
``storyline serve`` calls). Errors are answered as ``{"error": {"status", "message"}}``
under ``/api/`` and as an HTML page elsewhere; a bad filter or paging parameter is a 400,
never a 500. Every response carries a Content-Security-Policy that allows only the
application's own script and style files, as a second line behind escaping.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline import __version__
from storyline.api_catalog import QueryError
from storyline.api_ingest import IngestSettings
from storyline.api_ingest import router as ingest_router
from storyline.api_routes import router as api_router
from storyline.catalog_cache import CatalogCache
from storyline.store import Store
from storyline.web import error_page
from storyline.web import router as web_router

LOOPBACK = ("127.0.0.1", "localhost", "::1")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
log = logging.getLogger("storyline.api")


class SecurityHeaders:
    """Adds the security headers to every HTTP response (pure ASGI: no extra task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def error(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """JSON under /api/, an HTML page elsewhere."""
    if request.url.path.startswith("/api/"):
        body = {"error": {"status": status, "message": message}}
        return JSONResponse(body, status_code=status, headers=headers)
    return error_page(request, status, message)


def validation_message(exc: RequestValidationError) -> str:
    """FastAPI's validation errors as one line: "limit: Input should be ... ; offset: ..."."""
    parts = []
    for item in exc.errors():
        where = [str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body")]
        parts.append(f"{'.'.join(where) or 'request'}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers) if exc.headers else None
        return error(request, exc.status_code, str(exc.detail), headers)

    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        return error(request, 400, validation_message(exc))

    async def on_query(request: Request, exc: QueryError) -> Response:
        return error(request, 400, str(exc))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error(request, 500, "internal error; the server log has the details")

    app.add_exception_handler(StarletteHTTPException, on_http)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(QueryError, on_query)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, on_crash)


def create_app(
    store: Store | str | Path, *, allow_ingest: bool = False, token: str | None = None
) -> FastAPI:
    """The application over ``store`` (a Store, a database file or a SQLAlchemy URL).

    Ingest is answered only when ``allow_ingest`` is true and a ``token`` is set.
    """
    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Stories, timelines, cross-source facts and articles from a storyline store.",
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema is enough
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.catalog = CatalogCache(store if isinstance(store, Store) else Store(store))
    app.state.ingest = IngestSettings(allowed=allow_ingest, token=token)
    app.state.warm_indexes = None  # the placement indexes, kept between ingest requests
    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(ingest_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(packages=[("storyline", "static")]), name="static")
    app.add_middleware(SecurityHeaders)
    return app


def serve(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_ingest: bool = False,
    token: str | None = None,
    say: Callable[[str], Any] = print,
) -> None:
    """Run the application with uvicorn until interrupted; prints where, and the token."""
    import uvicorn

    generated = allow_ingest and not token
    if generated:
        token = secrets.token_urlsafe(24)
    app = create_app(store, allow_ingest=allow_ingest, token=token)
    shown = f"[{host}]" if ":" in host else host
    say(f"storyline {__version__} serving {store.url} on http://{shown}:{port}/")
    if host not in LOOPBACK:
        say(f"warning: {host} is not loopback; anyone who can reach it can read the store")
    if allow_ingest:
        shown_token = token if generated else "<the --token given>"
        say("ingest is on: POST JSON Lines to /api/v1/ingest with the header")
        say(f"  Authorization: Bearer {shown_token}")
    uvicorn.run(app, host=host, port=port, log_level="warning")
