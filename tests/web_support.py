"""What the API, web and browser tests share: the demo store's known ids, an in-process
HTTP client, and the hostile article the escaping tests ingest.

The stores themselves are session fixtures in :mod:`tests.conftest` (``demo_db``,
``hostile_db``).
"""

from __future__ import annotations

import asyncio
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

TOKEN = "test-token-0123456789"
DAM, DOCK = "s-a4de0b2c69bfe", "s-a2975b9210a03"  # two storylines of examples/corpus


def copy_store(db: Path, folder: Path) -> Path:
    """A private copy of a store, for tests that write to it."""
    target = folder / db.name
    shutil.copy(db, target)
    return target


class Client:
    """httpx against the ASGI app in process, called synchronously by the tests."""

    def __init__(self, app: Any) -> None:
        self.transport = httpx.ASGITransport(app=app)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            async with httpx.AsyncClient(
                transport=self.transport, base_url="http://testserver"
            ) as client:
                return await client.request(method, url, **kwargs)

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(send())
        # a loop already runs here (Playwright's sync API keeps one): use another thread
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, send()).result()

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", url, **kwargs)


PAYLOADS = [
    "<script>window.__xss = 'script'; document.title = 'pwned'</script>",
    "<img src=x onerror=\"window.__xss = 'img'\">",
    '"><svg onload="window.__xss = \'svg\'">',
    "' onmouseover='window.__xss = 1' x='",
]
HOSTILE = {
    "title": "Tolven Dam inquiry " + PAYLOADS[0],
    "text": (
        "KESSPORT -- The inquiry into the Tolven Dam collapse heard on Tuesday that "
        f"{PAYLOADS[1]} inspectors had warned Brightwater Energy about the spillway wall.\n"
        f"Retired judge Helena Brandt said {PAYLOADS[2]} the report was due in February 2026.\n"
        f"Residents of Kessport {PAYLOADS[3]} said at least 14 people had died in the flood."
    ),
    "url": "javascript:window.__xss='url'",
    "source": "<b onclick=\"window.__xss='outlet'\">Evil Outlet</b>",
    "published": "2025-11-25",
}


def ingest_hostile(client: Client) -> str:
    """Posts the hostile article through the API; returns its id."""
    response = client.post(
        "/api/v1/ingest",
        content=json.dumps(HOSTILE),
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    (added,) = response.json()["added"]
    return added
