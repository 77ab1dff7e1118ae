"""Suite-wide guards."""

from __future__ import annotations

import socket

import pytest


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
