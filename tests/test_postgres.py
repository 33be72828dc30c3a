"""The store on PostgreSQL: the example corpus gives the same export as on SQLite.

A private PostgreSQL cluster is started for the session in a temporary folder (``initdb`` and
``pg_ctl`` from ``STORYLINE_PG_BIN``, else Debian's ``/usr/lib/postgresql/*/bin``, else the
PATH), listening on loopback only, and stopped afterwards. As root, the server runs as the
``postgres`` user (PostgreSQL refuses to run as root). Without the binaries or psycopg the
tests skip, saying why; ``make test`` installs both where it can.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.export import build_export
from storyline.pipeline import run
from storyline.store import Store
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def _bin_dir() -> Path | None:
    """Where initdb and pg_ctl are, or None."""
    wanted = os.environ.get("STORYLINE_PG_BIN")
    found = [wanted] if wanted else []
    found += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    initdb = shutil.which("initdb")
    found += [str(Path(initdb).parent)] if initdb else []
    for folder in found:
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A SQLAlchemy URL of an empty database on a private, loopback-only cluster.

    Its folder is made with tempfile, not pytest's (which only root may enter), so that the
    ``postgres`` user can use it, and removed afterwards."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install '.[test]')")
    folder = _bin_dir()
    if folder is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl); set STORYLINE_PG_BIN")
    prefix: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="storyline-postgres-"))
    data = root / "data"
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            pytest.skip("running as root, and no runuser to start PostgreSQL as another user")
        try:
            shutil.chown(root, "postgres")
        except (LookupError, PermissionError):
            shutil.rmtree(root)
            pytest.skip("running as root, and no 'postgres' user to run the server as")
        prefix = [runuser, "-u", "postgres", "--"]
    port = _free_port()

    def call(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    call(str(folder / "initdb"), "-D", str(data), "-A", "trust", "-U", "storyline", "--no-sync")
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root}"
    call(str(folder / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w",
         "start")  # fmt: skip
    try:
        yield f"postgresql+psycopg://storyline@127.0.0.1:{port}/postgres"
    finally:
        call(str(folder / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def _export(store: Store) -> dict:
    return build_export(store.articles(), store.stories())


def test_the_example_corpus_gives_the_same_export_on_postgres_and_sqlite(
    postgres_url: str, tmp_path: Path
) -> None:
    on_postgres, on_sqlite = Store(postgres_url), Store(tmp_path / "store.db")
    first = run([EXAMPLES], on_postgres)
    assert first.errors == [] and first.documents_added == 11
    run([EXAMPLES], on_sqlite)
    assert _export(on_postgres) == _export(on_sqlite)
    assert on_postgres.counts() == on_sqlite.counts()
    # the indexes were saved in PostgreSQL (a binary column) and can be read back
    assert on_postgres.index_state()
    # the same input again changes nothing
    again = run([EXAMPLES], on_postgres)
    assert again.documents_added == 0 and again.stories_updated == 0
    assert _export(Store(postgres_url)) == _export(on_sqlite)


def test_runs_in_batches_replay_the_snapshot_tail_on_postgres(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot's tail (placements read after a seq, the head in one statement) on
    PostgreSQL, in a database of its own: batches of the example corpus place as on SQLite."""
    from sqlalchemy import create_engine, text

    from storyline import index_store

    engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("CREATE DATABASE batches"))
    engine.dispose()
    monkeypatch.setattr(index_store, "SNAPSHOT_MIN", 10**6)  # every later run replays a tail
    on_postgres = Store(postgres_url.rsplit("/", 1)[0] + "/batches")
    on_sqlite = Store(tmp_path / "store.db")
    files = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
    for k in range(0, len(files), 4):
        folder = tmp_path / f"batch-{k}"
        folder.mkdir()
        for path in files[k : k + 4]:
            shutil.copy(path, folder / path.name)
        run([folder], on_postgres)
        run([folder], on_sqlite)
    head = on_postgres.placement_head()
    assert head == on_sqlite.placement_head()
    assert _export(on_postgres) == _export(on_sqlite)
    loaded = index_store.from_snapshot(on_postgres, head)
    assert loaded is not None and loaded.behind > 0
