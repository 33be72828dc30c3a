"""The REST API over the demo store (examples/corpus), through httpx's ASGI transport.

The demo store is built once per session by the ``demo_db`` fixture (tests/conftest.py),
which the web and browser tests use too; tests that write (ingest) work on a copy of it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import text
from typer.testing import CliRunner

from storyline.api import create_app
from storyline.cli import app as cli
from storyline.store import Store
from tests.web_support import DAM, DOCK, TOKEN, Client, copy_store


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Client:
    return Client(create_app(demo_db))


def error_of(response: httpx.Response) -> str:
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == response.status_code
    return body["error"]["message"]


# --------------------------------------------------------------------------- reading


def test_openapi_schema_lists_the_versioned_routes(client: Client) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    for path in (
        "/api/v1/stories",
        "/api/v1/stories/{story_id}",
        "/api/v1/articles/{article_id}",
        "/api/v1/entities",
        "/api/v1/entities/{entity_id}",
        "/api/v1/search",
        "/api/v1/ingest",
    ):
        assert path in paths
    assert not any(p.startswith("/stories") for p in paths), "HTML pages stay out of the schema"
    assert client.get("/docs").status_code == 404, "no docs page that loads scripts from a CDN"


def test_story_list_has_counts_languages_and_articles_per_day(client: Client) -> None:
    body = client.get("/api/v1/stories").json()
    assert body["total"] == 3 and body["limit"] == 20 and body["offset"] == 0
    dam = next(s for s in body["items"] if s["id"] == DAM)
    assert dam["articles"] == 6 and dam["independent_sources"] == 5
    assert dam["languages"] == ["en"]
    assert (dam["first_date"], dam["last_date"]) == ("2025-11-04", "2025-12-09")
    per_day = dam["articles_per_day"]
    assert sum(d["articles"] for d in per_day) == 5  # one article has no date
    assert per_day[0] == {"date": "2025-11-04", "articles": 2}


def ids(client: Client, query: str) -> list[str]:
    response = client.get(f"/api/v1/stories?{query}")
    assert response.status_code == 200, response.text
    return [s["id"] for s in response.json()["items"]]


def test_story_filters(client: Client) -> None:
    assert ids(client, "q=Tolven+dam") == [DAM]
    assert ids(client, "q=DOCKWORKERS") == [DOCK]
    assert ids(client, "q=tolven+dockworkers") == [], "every word must occur"
    assert ids(client, "entity=Helena+Brandt") == [DAM]
    assert ids(client, "entity=brandt") == [DAM], "an alias, any case"
    assert ids(client, "entity=Nobody+Known") == []
    assert len(ids(client, "language=en")) == 3 and ids(client, "language=fr") == []
    assert ids(client, "to=2025-11-09") == [DAM]
    assert set(ids(client, "from=2025-11-20")) == {DAM, DOCK}
    assert set(ids(client, "from=2025-11&to=2025-11")) == {DAM, DOCK, ids(client, "q=norland")[0]}
    assert ids(client, "from=2025-12-10") == []


def test_entity_filter_takes_an_entity_id(client: Client) -> None:
    found = client.get("/api/v1/entities?q=helena+brandt").json()["items"]
    assert ids(client, f"entity={found[0]['id']}") == [DAM]


def test_paging(client: Client) -> None:
    everything = ids(client, "")
    assert ids(client, "limit=1") == everything[:1]
    assert ids(client, "limit=2&offset=1") == everything[1:]
    body = client.get("/api/v1/stories?offset=10").json()
    assert body["items"] == [] and body["total"] == 3


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("from=2025-02-30", "from"),
        ("from=yesterday", "from"),
        ("to=2025-1", "to"),
        ("from=2025-12&to=2025-11", "after"),
        ("language=english", "language"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bad_paging_and_filters_are_400s_with_a_message(
    client: Client, query: str, names: str
) -> None:
    response = client.get(f"/api/v1/stories?{query}")
    assert response.status_code == 400
    assert names in error_of(response)


def test_one_story_has_everything(client: Client) -> None:
    story = client.get(f"/api/v1/stories/{DAM}").json()
    for key in ("events", "timeline", "facts", "entities", "differences", "summary"):
        assert story[key], key
    assert [m["id"] for m in story["members"]] == story["articles"]
    killed = next(f for f in story["facts"] if f["attribute"] == "people killed")
    assert killed["status"] == "conflicting" and len(killed["values"]) == 2
    assert any(e["scheduled"] for e in story["timeline"])


def test_one_article_has_text_furniture_date_evidence_and_duplicates(client: Client) -> None:
    stories = client.get(f"/api/v1/stories/{DAM}").json()
    copy = next(m for m in stories["members"] if m["duplicate_of"])
    article = client.get(f"/api/v1/articles/{copy['id']}").json()
    assert "Tolven Dam" in article["text"]
    assert {"text": "Listen to this article", "reason": "audio-widget", "line": 2} in article[
        "removed"
    ]
    assert article["published"] == "2025-11-04" and article["published_evidence"] == "dateline"
    assert "Nov. 4" in article["published_detail"]
    original = client.get(f"/api/v1/articles/{article['duplicate_of']}").json()
    assert copy["id"] in original["copies"]
    assert any(q["unit"] == "dead" for q in article["quantities"])
    assert any(m["text"] == "Kessport" for m in article["mentions"])


def test_entities_search_and_one_entity(client: Client) -> None:
    found = client.get("/api/v1/entities?q=brandt").json()
    assert found["total"] == 1
    entry = found["items"][0]
    assert entry["name"] == "Helena Brandt" and "Brandt" in entry["aliases"]
    people = client.get("/api/v1/entities?type=PERSON&limit=100").json()["items"]
    assert people and all(e["type"] == "PERSON" for e in people)
    one = client.get(f"/api/v1/entities/{entry['id']}").json()
    assert [s["id"] for s in one["stories"]] == [DAM] and one["articles"]
    assert client.get("/api/v1/entities?type=person").status_code == 400


def test_search_across_stories_entities_and_articles(client: Client) -> None:
    found = client.get("/api/v1/search?q=brightwater").json()
    assert [s["id"] for s in found["stories"]["items"]] == [DAM]
    assert any(e["name"].startswith("Brightwater") for e in found["entities"]["items"])
    assert found["articles"]["total"] >= 4
    assert client.get("/api/v1/search").status_code == 400


def test_unknown_things_are_json_404s_and_wrong_methods_405s(client: Client) -> None:
    for path in ("/api/v1/stories/s-nope", "/api/v1/articles/nope", "/api/v1/entities/nope"):
        response = client.get(path)
        assert response.status_code == 404 and "nope" in error_of(response)
    assert client.get("/api/v1/nothing").status_code == 404
    assert error_of(client.get("/api/v1/nothing"))
    response = client.delete(f"/api/v1/stories/{DAM}")
    assert response.status_code == 405 and error_of(response)


def test_a_merged_storyline_redirects_to_the_one_it_joined(demo_db: Path, tmp_path: Path) -> None:
    db = copy_store(demo_db, tmp_path)
    with Store(db).engine.begin() as conn:  # as story_merges would have left it
        conn.execute(text(f"INSERT INTO story_links VALUES ('s-gone', '{DAM}')"))
    merged = Client(create_app(db))
    for path in ("/api/v1/stories/s-gone", "/stories/s-gone"):
        response = merged.get(path)
        assert response.status_code == 301
        assert response.headers["location"] == f"http://testserver{path[:-6]}{DAM}"
    assert merged.get("/api/v1/stories/s-never").status_code == 404


def test_responses_carry_a_content_security_policy(client: Client) -> None:
    for path in ("/", f"/api/v1/stories/{DAM}", "/static/web.js"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


# --------------------------------------------------------------------------- ingest

RECORD = {
    "title": "Saltmere port reopens after dock strike",
    "text": (
        "SALTMERE, Nov. 24 -- Container traffic resumed at the port of Saltmere on Monday, "
        "three days after dockworkers ended their strike over pay.\n"
        "The port authority said about 40 ships had been waiting off the coast and that the "
        "backlog would take two weeks to clear."
    ),
    "published": "2025-11-24",
    "source": "Coastal Gazette",
}


@pytest.fixture(scope="module")
def writable(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_store(demo_db, tmp_path_factory.mktemp("writable"))


def test_ingest_is_off_unless_allowed(writable: Path) -> None:
    client = Client(create_app(writable))
    response = client.post("/api/v1/ingest", content=json.dumps(RECORD))
    assert response.status_code == 403 and "--allow-ingest" in error_of(response)


def test_ingest_needs_the_token(writable: Path) -> None:
    client = Client(create_app(writable, allow_ingest=True, token=TOKEN))
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        response = client.post("/api/v1/ingest", content=json.dumps(RECORD), headers=headers)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


def test_ingest_adds_articles_once_and_reports_bad_lines(writable: Path) -> None:
    client = Client(create_app(writable, allow_ingest=True, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = "\n".join([json.dumps(RECORD), "{not json", json.dumps({"title": "no text"}), ""])
    result = client.post("/api/v1/ingest", content=body, headers=auth).json()
    assert len(result["added"]) == 1 and result["unchanged"] == 0
    assert [e["line"] for e in result["errors"]] == [2, 3]
    assert "text" in result["errors"][1]["reason"]
    assert result["stories_updated"]
    article = client.get(f"/api/v1/articles/{result['added'][0]}").json()
    assert article["outlet"] == "Coastal Gazette" and article["published"] == "2025-11-24"
    assert article["story"] in result["stories_updated"]
    again = client.post("/api/v1/ingest", content=json.dumps(RECORD), headers=auth).json()
    assert again["added"] == [] and again["unchanged"] == 1
    assert client.get("/api/v1/stories").json()["items"], "the catalog was rebuilt"
    bad = client.post("/api/v1/ingest", content=b"\xff\xfe\x00bad", headers=auth)
    assert bad.status_code == 400 and "binary" in error_of(bad)


def test_ingest_answers_409_while_another_run_writes(writable: Path) -> None:
    from storyline.store import Store

    client = Client(create_app(writable, allow_ingest=True, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    record = json.dumps(RECORD | {"text": RECORD["text"] + " The council meets again in May."})
    with Store(writable).writer("storyline run"):
        response = client.post("/api/v1/ingest", content=record, headers=auth)
        assert response.status_code == 409 and "storyline run" in error_of(response)
    assert client.post("/api/v1/ingest", content=record, headers=auth).json()["added"]


def test_ingest_keeps_the_placement_indexes_warm_between_requests(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import index_store

    reads: list[int] = []
    load = index_store.load_snapshot
    monkeypatch.setattr(index_store, "load_snapshot", lambda *a: reads.append(1) or load(*a))
    app = create_app(copy_store(demo_db, tmp_path), allow_ingest=True, token=TOKEN)
    client, auth = Client(app), {"Authorization": f"Bearer {TOKEN}"}
    follow_up = RECORD | {
        "title": "Saltmere backlog cleared a week early",
        "text": "SALTMERE, Dec. 2 -- The port of Saltmere cleared its container backlog on "
        "Tuesday, a week earlier than the port authority had said after the dock strike.",
        "published": "2025-12-02",
    }
    first = client.post("/api/v1/ingest", content=json.dumps(RECORD), headers=auth).json()
    assert reads == [1] and app.state.warm_indexes is not None
    second = client.post("/api/v1/ingest", content=json.dumps(follow_up), headers=auth).json()
    assert reads == [1], "the second request placed its article with the warm indexes"
    assert second["stories_updated"] == first["stories_updated"]


# --------------------------------------------------------------------------- serve


def test_serve_binds_loopback_and_prints_a_generated_token(
    monkeypatch: pytest.MonkeyPatch, demo_db: Path
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options))
    db = str(demo_db)
    result = CliRunner().invoke(cli, ["serve", "--db", db, "--allow-ingest"])
    assert result.exit_code == 0, result.output
    assert calls == [{"host": "127.0.0.1", "port": 8000, "log_level": "warning"}]
    assert "http://127.0.0.1:8000/" in result.output
    token = result.output.split("Authorization: Bearer ", 1)[1].split()[0]
    assert len(token) >= 32
    given = CliRunner().invoke(cli, ["serve", "--db", db, "--allow-ingest", "--token", "s3cret"])
    assert "s3cret" not in given.output, "a token given on the command line is not echoed"
    missing = CliRunner().invoke(cli, ["serve", "--db", str(Path(db).parent / "none.db")])
    assert missing.exit_code == 2 and calls[-1]["port"] == 8000


def test_the_catalog_keeps_sentences_and_reads_the_rest_on_demand(demo_db: Path) -> None:
    from storyline.catalog_cache import CatalogCache, full_article
    from storyline.store import Store

    found = CatalogCache(Store(demo_db)).get()
    slim = next(a for a in found.articles.values() if a.story == DAM)
    assert slim.analysis.sentences  # story pages quote them
    assert not slim.analysis.mentions and not slim.analysis.quantities and not slim.analysis.times
    whole = full_article(found, slim.id)
    assert whole is not None and whole.analysis.mentions and whole.text == slim.text
    assert full_article(found, slim.id) is whole  # read once per catalog
    assert full_article(found, "no-such-article") is None
