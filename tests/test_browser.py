"""The web pages in a real browser: Debian's Chromium, driven by Playwright.

The server runs in a thread on a free loopback port over the demo store. Chromium is the
system binary (``apt-get install chromium``; ``make test`` installs it where it can), never
one downloaded by Playwright; the tests skip, saying why, when it or Playwright is missing.
Screenshots land in out/screenshots/ (not committed) to be looked at.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.api import create_app
from tests.conftest import ROOT
from tests.web_support import DAM, PAYLOADS

CHROMIUM = Path(os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "out" / "screenshots"
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class LiveServer:
    """The app served by uvicorn in a daemon thread on a free loopback port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        pytest.skip(
            f"no Chromium at {CHROMIUM}: install Debian's with 'apt-get install chromium' "
            "(make test does when it runs as root) or set STORYLINE_CHROMIUM to a binary"
        )
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(demo_db: Path) -> Iterator[str]:
    with LiveServer(create_app(demo_db)) as server:
        yield server.url


class Watch:
    """Console errors, failed requests and requests that leave the test server."""

    def __init__(self, page: Any, site: str) -> None:
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        page.on(
            "request",
            lambda r: r.url.startswith((site, "data:")) or self.problems.append(f"left: {r.url}"),
        )


def test_story_list_story_page_citation_chart_and_badges(browser: Any, site: str) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport=LAPTOP)
    watch = Watch(page, site)
    page.goto(site + "/")
    rows = page.locator("table.stories tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first.locator("svg.spark rect").first).to_be_visible()
    page.screenshot(path=SHOTS / "story-list.png", full_page=True)

    page.get_by_role("link", name="Dam breach floods Kessport, at least 14 dead").click()
    page.wait_for_url(f"**/stories/{DAM}")
    expect(page.locator("h1")).to_have_text("Dam breach floods Kessport, at least 14 dead")

    # a click on a citation opens the sentence in its article, without leaving the page
    first = page.locator("#summary .cite").first
    pop = first.locator(".pop")
    expect(pop).to_be_hidden()
    first.locator(".cite-link").click()
    expect(pop).to_be_visible()
    expect(pop.locator(".pop-quote")).to_contain_text("At least 14 people were killed")
    assert page.url.endswith(f"/stories/{DAM}")
    page.screenshot(path=SHOTS / "story-citation.png")
    page.keyboard.press("Escape")
    page.mouse.move(0, 0)
    expect(pop).to_be_hidden()
    # pointing at another citation shows its sentence too
    other = page.locator("#summary .cite").nth(2)
    other.locator(".cite-link").hover()
    expect(other.locator(".pop")).to_be_visible()

    # the timeline chart: past and scheduled entries, a month as wide as a month
    chart = page.locator("svg.timeline")
    expect(chart).to_be_visible()
    assert page.locator("svg.timeline a.row.past").count() >= 5
    assert page.locator("svg.timeline a.row.scheduled").count() >= 3
    day = page.locator("svg.timeline a.prec-day .mark").first.bounding_box()
    month = page.locator("svg.timeline a.prec-month .mark").first.bounding_box()
    assert day and month and month["width"] > 5 * day["width"]
    chart.screenshot(path=SHOTS / "timeline-chart.png")

    # the facts table: each status has its own badge colour
    colours = {}
    for status in ("corroborated", "single-source", "conflicting"):
        badge = page.locator(f"#facts .badge.{status}").first
        expect(badge).to_be_visible()
        colours[status] = badge.evaluate("e => getComputedStyle(e).backgroundColor")
    assert len(set(colours.values())) == 3
    expect(page.locator("#matrix td.odd")).to_have_text("19")
    page.mouse.move(0, 0)
    page.screenshot(path=SHOTS / "story-page.png", full_page=True)
    assert watch.problems == []
    page.close()


def test_article_page_from_a_citation(browser: Any, site: str) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport=LAPTOP)
    watch = Watch(page, site)
    page.goto(f"{site}/stories/{DAM}")
    cite = page.locator("#summary li").nth(1).locator(".cite").first
    cite.locator(".cite-link").click()
    cite.locator(".pop-open").click()
    page.wait_for_url("**/articles/*")
    lit = page.locator(".sent.hl")
    expect(lit.first).to_be_visible()
    expect(lit.first).to_contain_text("Nineteen people died")
    assert page.locator("mark.t-time").count() > 0
    assert page.locator("mark.t-entity").count() > 0
    assert page.locator("mark.t-quantity").count() > 0
    expect(page.locator("aside.removed")).to_be_visible()
    background = "e => getComputedStyle(e).backgroundColor"
    marked = page.locator("mark.t-time").first.evaluate(background)
    page.locator("input[data-kind=time]").uncheck()
    assert page.locator("mark.t-time").first.evaluate(background) != marked
    page.locator("input[data-kind=time]").check()
    page.screenshot(path=SHOTS / "article-page.png", full_page=True)
    assert watch.problems == []
    page.close()


def test_pages_fit_a_phone(browser: Any, site: str) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    for path, name in (("/", "phone-list"), (f"/stories/{DAM}", "phone-story")):
        page.goto(site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than the phone"
        page.screenshot(path=SHOTS / f"{name}.png", full_page=True)
    cite = page.locator("#summary .cite").first
    cite.locator(".cite-link").tap()
    pop = cite.locator(".pop")
    expect(pop).to_be_visible()
    box = pop.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.screenshot(path=SHOTS / "phone-citation.png")
    page.close()


def test_hostile_article_runs_nothing(browser: Any, hostile_db: tuple[Path, str]) -> None:
    """The payloads reach the pages as text. The Content-Security-Policy header is stripped
    for this test, so it is the escaping alone that keeps them inert."""
    from playwright.sync_api import expect

    db, article_id = hostile_db
    dialogs: list[str] = []

    def without_csp(route: Any) -> None:
        response = route.fetch()
        headers = {
            k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"
        }
        route.fulfill(response=response, headers=headers)

    # the detector works: markup that does run sets the flag
    control = browser.new_page()
    control.set_content("<img src=x onerror=\"window.__xss = 'control'\">")
    control.wait_for_function("window.__xss === 'control'")
    control.close()

    with LiveServer(create_app(db)) as server:
        page = browser.new_page(viewport=LAPTOP)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.route("**/*", without_csp)
        page.goto(f"{server.url}/articles/{article_id}")
        story = page.locator("a[href^='/stories/']").first.get_attribute("href")
        expect(page.locator("h1")).to_contain_text(PAYLOADS[0])
        for mark in page.locator(".article-text p").all():
            mark.hover()
        page.locator(".facts-list").click()
        page.screenshot(path=SHOTS / "hostile-article.png", full_page=True)
        for path in (story, "/", "/search?q=inquiry", "/entities"):
            page.goto(server.url + path)
            for cite in page.locator(".cite-link").all()[:12]:
                cite.hover()
            assert page.evaluate("window.__xss") is None, path
        assert page.evaluate("window.__xss") is None
        assert "pwned" not in page.title()
        assert dialogs == []
        page.close()
