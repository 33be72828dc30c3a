"""One writer at a time per store: the lease a run holds while it writes.

A run (``storyline run``, ``storyline reanalyse``, a REST ingest) places articles with
indexes it read from the store when it began; a second run writing into the same store at
the same time would place articles against indexes that do not hold the first run's, and
the two placements logs would interleave. So a writer first takes the store's lease, a row
in the ``writer`` table whose primary key lets only one holder insert it, in the database
itself (SQLite or PostgreSQL alike, with no file beside it). A second writer gets
:class:`StoreBusy`, naming the holder; readers (``export``, ``show``, the web pages) never
wait for it.

The holder renews its beat while it writes (at most every ``BEAT_SECONDS``). A lease is
taken over when its holder is gone: on the same host, when its process no longer exists;
anywhere, when its beat is older than ``STALE_SECONDS``.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from storyline import store_rows
from storyline.store_schema import writer_table

BEAT_SECONDS = 30.0  # a holder renews its beat at most this often
STALE_SECONDS = 900.0  # a lease whose beat is older than this is taken over


class StoreBusy(RuntimeError):
    """Another run is writing into the store."""


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: assume alive
    return True


def holder_gone(row: Any, now: float, host: str) -> bool:
    """Whether a lease row's holder has stopped: its process gone (same host) or its beat
    older than ``STALE_SECONDS``."""
    if now - float(row.beat) > STALE_SECONDS:
        return True
    return row.host == host and not _process_exists(int(row.pid))


class WriterLease:
    """The store's writer lease (a mixin of :class:`storyline.store.Store`)."""

    engine: Engine
    url: str
    _lease: tuple[str, float] | None = None  # (token, time of the last beat) while held

    @contextmanager
    def writer(self, what: str) -> Iterator[None]:
        """Hold the store's lease for the block; raise :class:`StoreBusy` if another
        writer holds it. Taking it again inside the block is allowed and does nothing."""
        if self._lease is not None:
            yield
            return
        token = self._take(what)
        self._lease = (token, time.time())
        try:
            yield
        finally:
            self._lease = None
            with self.engine.begin() as conn:
                conn.execute(delete(writer_table).where(writer_table.c.token == token))

    def beat(self) -> None:
        """Tell other processes the holder is still writing (cheap: at most one update
        every ``BEAT_SECONDS``); raise :class:`StoreBusy` when another run took the lease
        over meanwhile (this one was taken for gone). Does nothing when it is not held."""
        if self._lease is None or time.time() - self._lease[1] < BEAT_SECONDS:
            return
        now = time.time()
        with self.engine.begin() as conn:
            renewed = conn.execute(
                update(writer_table).where(writer_table.c.token == self._lease[0]).values(beat=now)
            ).rowcount
        if not renewed:  # taken over as stale by another run: this one must stop writing
            raise StoreBusy(f"{self.url}: this run's writer lease was taken over by another run")
        self._lease = (self._lease[0], now)

    def _take(self, what: str) -> str:
        token, host, now = uuid.uuid4().hex, socket.gethostname(), time.time()
        row = {"name": "writer", "token": token, "what": what, "host": host, "pid": os.getpid()}
        row |= {"since": store_rows.now(), "beat": now}
        try:
            with self.engine.begin() as conn:
                held = conn.execute(select(writer_table)).first()
                if held is not None and holder_gone(held, now, host):
                    conn.execute(delete(writer_table).where(writer_table.c.token == held.token))
                    held = None
                if held is None:
                    conn.execute(insert(writer_table).values(**row))
                    return token
        except IntegrityError:  # another writer inserted its row between our read and insert
            pass
        with self.engine.connect() as conn:
            held = conn.execute(select(writer_table)).first()
        who = f"{held.what} (pid {held.pid} on {held.host}, since {held.since})" if held else "?"
        raise StoreBusy(
            f"{self.url}: another run is writing into this store: {who}; try again when it ends"
        )
