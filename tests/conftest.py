"""Suite-wide guards."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from types import ModuleType

import pytest

from tests import postgres
from tests.bench_scripts import load_bench


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection attempt beyond loopback fails the test instead of leaving the machine."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: tuple | str) -> None:
        # a Unix socket (multiprocessing's fork server) is on this machine by definition
        if self.family != socket.AF_UNIX and address[0] not in {"127.0.0.1", "::1"}:
            raise AssertionError(f"test tried to connect to {address[0]}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """Where a store for this test is, once per engine: an SQLite file, and a PostgreSQL
    schema of its own (skipped, saying why, without BRIEFING_TEST_POSTGRES_URL)."""
    if request.param == "sqlite":
        yield str(tmp_path / "briefing.db")
        return
    with postgres.schema() as url:
        yield url


@pytest.fixture(scope="module")
def readability_bench() -> Iterator[ModuleType]:
    """bench/readability.py as a module (its judge of a briefing's faults), loaded once for
    the tests of a module."""
    with pytest.MonkeyPatch.context() as patch:
        yield load_bench("readability", patch)
