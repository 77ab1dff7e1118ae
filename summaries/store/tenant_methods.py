"""The tenants' part of ``Store``: subscriptions, leaving (see ``summaries.store.tenants``).

A mixin, so that ``Store`` stays one object for its callers while its file stays small;
each method is one transaction through ``Store``'s own ``_read`` / ``_write``.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from summaries.store import sources, tenants
from summaries.store.connection import Connection
from summaries.store.sources import SourceRecord
from summaries.store.tenants import TenantSource
from summaries.store.transactions import Transactions


class TenantMethods(Transactions):
    def ensure_tenant(
        self,
        tenant: str,
        *,
        now: datetime,
        name: str | None = None,
        channels: Collection[str] = (),
    ) -> None:
        """The bot is in ``tenant`` (again): one that had left is back, nothing is forgotten.
        Those of ``channels`` stored without a tenant are recorded as in it."""

        def work(c: Connection) -> None:
            tenants.ensure_tenant(c, tenant, now, name)
            tenants.claim_channels(c, tenant, channels)

        self._write(work)

    def has_left(self, tenant: str) -> bool:
        """Whether the bot was removed from ``tenant`` (and not added back)."""
        return self._read(lambda c: tenants.has_left(c, tenant))

    def note_source_add(self, tenant: str, *, now: datetime, per_hour: int) -> None:
        """Count a ``sources add``; LimitReachedError past ``per_hour`` this hour."""
        self._write(lambda c: tenants.note_add(c, tenant, now, per_hour))

    def subscribe(
        self,
        tenant: str,
        url: str,
        kind: str,
        *,
        added_by: str | None,
        now: datetime,
        max_sources: int,
    ) -> tuple[SourceRecord, str]:
        """See :func:`summaries.store.tenants.subscribe`: ("added" | "already")."""
        return self._write(
            lambda c: tenants.subscribe(
                c,
                tenant,
                url,
                kind,
                added_by=added_by,
                now=now,
                max_sources=max_sources,
            )
        )

    def unsubscribe(self, tenant: str, url_or_id: str | int) -> tuple[SourceRecord | None, str]:
        """See :func:`summaries.store.tenants.unsubscribe`: ("removed" | "operator" | "unknown")."""
        return self._write(lambda c: tenants.unsubscribe(c, tenant, url_or_id))

    def sources_named(self, url_or_id: str | int) -> list[SourceRecord]:
        """See :func:`summaries.store.sources.named`."""
        return self._read(lambda c: sources.named(c, url_or_id))

    def tenant_sources(self, tenant: str, *, operator: bool) -> list[TenantSource]:
        """What ``tenant`` reads: its subscriptions, and the operator's sources if shared."""
        return self._read(lambda c: tenants.tenant_sources(c, tenant, operator))

    def mark_tenant_left(self, tenant: str, *, now: datetime) -> None:
        """The bot was removed from ``tenant``; see :meth:`forget_departed_tenants`."""
        self._write(lambda c: tenants.mark_left(c, tenant, now))

    def forget_departed_tenants(self, left_before: datetime) -> list[str]:
        """Delete the settings of tenants that left before ``left_before``; their ids."""
        return self._write(lambda c: tenants.forget_departed(c, left_before))
