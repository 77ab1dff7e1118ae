"""What the store's mixins (``TenantMethods``, ``DashboardMethods``, ``DeliveryMethods``)
call to run their transactions: ``SqlStore``'s own ``_read`` / ``_write`` / ``_write_row``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from summaries.store.connection import Connection

T = TypeVar("T")


class Transactions:
    def _read(self, work: Callable[[Connection], T]) -> T:
        raise NotImplementedError  # SqlStore's

    def _write(self, work: Callable[[Connection], T]) -> T:
        raise NotImplementedError  # SqlStore's

    def _write_row(self, work: Callable[[Connection], T]) -> T:
        raise NotImplementedError  # SqlStore's
