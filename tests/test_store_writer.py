"""One writer at a time per store (storyline.store_writer): a second run is refused with a
one-line error naming the first, a holder that is gone is taken over, and nothing stored is
lost either way."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import insert
from typer.testing import CliRunner

from storyline import store_writer
from storyline.cli import app
from storyline.store import Store, StoreBusy
from storyline.store_schema import writer_table

TEXT = (
    "The harbour authority in Saltmere said on Monday that the old ferry pier will close "
    "for repairs for six weeks, and that passengers will board at the north quay instead."
)


def _plant(store: Store, host: str, pid: int, beat: float) -> None:
    """A lease row as another process would have left it."""
    row = {"name": "writer", "token": "t" * 32, "what": "storyline run", "host": host}
    row |= {"pid": pid, "since": "2026-11-22T05:00:00Z", "beat": beat}
    with store.engine.begin() as conn:
        conn.execute(insert(writer_table).values(**row))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_second_writer_is_refused_until_the_first_ends(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first, second = Store(db), Store(db)
    with first.writer("storyline run"):
        with pytest.raises(StoreBusy) as busy, second.writer("REST ingest"):
            pass
        message = str(busy.value)
        assert "storyline run" in message and f"pid {os.getpid()}" in message
        assert "\n" not in message
        with first.writer("nested"):  # the holder may take it again
            pass
    with second.writer("REST ingest"):  # released on leaving the block
        pass


def test_the_lease_is_released_when_the_run_fails(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    with pytest.raises(ValueError), store.writer("storyline run"):
        raise ValueError("boom")
    with Store(tmp_path / "s.db").writer("again"):
        pass


def test_a_lease_whose_holder_is_gone_is_taken_over(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    _plant(store, socket.gethostname(), _dead_pid(), time.time())
    with store.writer("storyline run"):  # same host, process gone
        pass
    _plant(store, "elsewhere", 1, time.time() - store_writer.STALE_SECONDS - 1)
    with store.writer("storyline run"):  # another host, no beat for too long
        pass
    _plant(store, "elsewhere", 1, time.time())
    with pytest.raises(StoreBusy, match="pid 1 on elsewhere"), store.writer("storyline run"):
        pass


def test_the_holder_beats_while_it_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "s.db")
    monkeypatch.setattr(store_writer, "BEAT_SECONDS", 0.0)
    with store.writer("storyline run"):
        with store.engine.connect() as conn:
            before = conn.execute(writer_table.select()).one().beat
        time.sleep(0.01)
        store.beat()
        with store.engine.connect() as conn:
            assert conn.execute(writer_table.select()).one().beat > before


def test_cli_run_stops_with_one_line_while_another_run_writes(tmp_path: Path) -> None:
    db, corpus = tmp_path / "s.db", tmp_path / "in"
    corpus.mkdir()
    (corpus / "pier.txt").write_text("Pier to close\n\n" + TEXT, encoding="utf-8")
    holder = Store(db)
    with holder.writer("REST ingest"):
        result = CliRunner().invoke(app, ["run", str(corpus), "--db", str(db), "-q"])
        assert result.exit_code == 2
        assert "another run is writing into this store: REST ingest" in result.output
        assert holder.counts()["articles"] == 0
        again = CliRunner().invoke(app, ["reanalyse", "--db", str(db), "-q"])
        assert again.exit_code == 2
    done = CliRunner().invoke(app, ["run", str(corpus), "--db", str(db), "-q"])
    assert done.exit_code == 0 and Store(db).counts()["articles"] == 1


def test_a_holder_whose_lease_was_taken_over_stops_at_its_next_beat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = Store(tmp_path / "s.db"), Store(tmp_path / "s.db")
    monkeypatch.setattr(store_writer, "BEAT_SECONDS", 0.0)
    with first.writer("storyline run"):
        with first.engine.begin() as conn:  # its beat grows stale (a long pause)
            conn.execute(writer_table.update().values(beat=0.0))
        with second.writer("REST ingest"), pytest.raises(StoreBusy, match="taken over"):
            first.beat()  # the lease was taken over meanwhile
