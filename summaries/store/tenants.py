"""Tenants and what each one reads: subscriptions, visibility, limits and leaving.

A tenant is one Discord server, one Slack workspace, or the console (``"discord:<guild
id>"``, ``"slack:<team id>"``, ``"console"``). It subscribes to sources; a source is
stored and fetched once however many tenants follow it. The operator's sources
(``sources.operator``) are visible to every tenant when the operator shares them, and no
tenant can remove them. What a tenant sees of the archive is what its visible sources
carried (``article_sources``).

Every function takes an open connection inside the caller's transaction (see ``Store``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from summaries.models import Scope
from summaries.plaintext import plain_line
from summaries.store import sources
from summaries.store.articles import Visible
from summaries.store.connection import Connection
from summaries.store.errors import StoreError
from summaries.store.sources import SourceRecord
from summaries.store.times import to_db


class LimitReachedError(StoreError):
    """A tenant asked for more than the operator allows; the message says which limit."""


@dataclass(frozen=True, slots=True)
class TenantSource:
    """A source as one tenant sees it: subscribed to, or the operator's (not removable)."""

    source: SourceRecord
    subscribed: bool


def ensure_tenant(
    conn: Connection, tenant: str, now: datetime, name: str | None = None
) -> None:
    """Note that the bot is in ``tenant`` (again): a tenant that had left is back."""
    conn.execute(
        "INSERT INTO tenants (id, name, seen_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE "
        "SET seen_at = excluded.seen_at, left_at = NULL, "
        "name = coalesce(excluded.name, tenants.name)",
        (tenant, plain_line(name) or None, to_db(now)),
    )


def claim_channels(conn: Connection, tenant: str, channels: Collection[str]) -> None:
    """Record ``tenant`` for those of ``channels`` that are stored without one."""
    listed = list(channels)
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        conn.execute(
            f"UPDATE channels SET tenant_id = ? WHERE tenant_id IS NULL "
            f"AND id IN ({', '.join('?' * len(chunk))})",
            (tenant, *chunk),
        )


def has_left(conn: Connection, tenant: str) -> bool:
    row = conn.execute("SELECT left_at FROM tenants WHERE id = ?", (tenant,)).fetchone()
    return row is not None and row[0] is not None


def note_add(conn: Connection, tenant: str, now: datetime, per_hour: int) -> None:
    """Count one ``sources add`` (each one may fetch an address); LimitReachedError past
    ``per_hour`` in the current clock hour."""
    ensure_tenant(conn, tenant, now)
    hour = now.replace(minute=0, second=0, microsecond=0)
    window, adds = conn.execute(
        "SELECT adds_window, adds FROM tenants WHERE id = ?", (tenant,)
    ).fetchone()
    adds = adds if window == to_db(hour) else 0
    if adds >= per_hour:
        minutes = max(1, int((hour + timedelta(hours=1) - now).total_seconds() // 60))
        raise LimitReachedError(
            f"{per_hour} sources were added here in the last hour, the most the bot allows; "
            f"try again in {minutes} minute{'s' if minutes != 1 else ''}."
        )
    conn.execute(
        "UPDATE tenants SET adds_window = ?, adds = ? WHERE id = ?",
        (to_db(hour), adds + 1, tenant),
    )


def subscribe(
    conn: Connection,
    tenant: str,
    url: str,
    kind: str,
    *,
    added_by: str | None,
    now: datetime,
    max_sources: int,
) -> tuple[SourceRecord, str]:
    """Subscribe ``tenant`` to the source at ``url`` (stored once for everyone).

    Returns the source and ``"added"`` or ``"already"`` (the tenant follows it). One of
    the operator's sources can be followed too: it then stays read for the tenant if the
    operator stops sharing it. LimitReachedError when the tenant already follows
    ``max_sources`` sources.
    """
    ensure_tenant(conn, tenant, now)
    named = sources.named(conn, url)  # of two at one address, the one it follows is "already"
    followed = _followed(conn, tenant, named)
    if followed is not None:
        return followed, "already"
    existing = named[0] if named else None
    count = conn.execute(
        "SELECT count(*) FROM subscriptions WHERE tenant_id = ?", (tenant,)
    ).fetchone()[0]
    if count >= max_sources:
        raise LimitReachedError(
            f"{count} {'source is' if count == 1 else 'sources are'} followed here, the most "
            "the bot allows; remove one "
            "first (sources remove <url or #number>)."
        )
    record = existing or sources.add_source(conn, url, kind, None, added_by, now, operator=False)
    conn.execute(
        "INSERT INTO subscriptions (tenant_id, source_id, added_at, added_by) VALUES (?, ?, ?, ?)",
        (tenant, record.id, to_db(now), added_by),
    )
    return record, "added"


def unsubscribe(
    conn: Connection, tenant: str, url_or_id: str | int
) -> tuple[SourceRecord | None, str]:
    """End ``tenant``'s subscription: (source, ``"removed"``), (source, ``"operator"``) for
    the operator's source, which no tenant removes, or (None, ``"unknown"``) when the
    tenant neither follows nor sees it. Other tenants' subscriptions are never touched. Of
    two sources at one address (see :func:`sources.named`), the tenant's own is the one."""
    named = sources.named(conn, url_or_id)
    followed = _followed(conn, tenant, named)
    if followed is not None:
        conn.execute(
            "DELETE FROM subscriptions WHERE tenant_id = ? AND source_id = ?",
            (tenant, followed.id),
        )
        return followed, "removed"
    operators = [record for record in named if record.operator]
    if operators:
        return operators[0], "operator"
    return None, "unknown"  # another tenant's: not even its existence is told


def tenant_sources(conn: Connection, tenant: str, operator: bool) -> list[TenantSource]:
    """The sources ``tenant`` sees: its subscriptions, and the operator's when shared."""
    subscribed = {
        source_id
        for (source_id,) in conn.execute(
            "SELECT source_id FROM subscriptions WHERE tenant_id = ?", (tenant,)
        )
    }
    where = "id IN (SELECT source_id FROM subscriptions WHERE tenant_id = ?)"
    if operator:
        where += " OR operator = 1"
    return [
        TenantSource(record, record.id in subscribed)
        for record in sources.select(conn, where, (tenant,))
    ]


def visible_source_ids(conn: Connection, scope: Scope) -> Visible | None:
    """What ``scope`` reads: its sources' ids, and whether the operator's articles with no
    recorded source; None for everything."""
    if scope.everything:
        return None
    parts, params = [], []
    if scope.tenant:
        parts.append("SELECT source_id FROM subscriptions WHERE tenant_id = ?")
        params.append(scope.tenant)
    if scope.operator:
        parts.append("SELECT id FROM sources WHERE operator = 1")
    ids = tuple(row[0] for row in conn.execute(" UNION ".join(parts), params)) if parts else ()
    return Visible(ids, unsourced=scope.operator)


def count_digest_channels(conn: Connection, tenant: str, but: str) -> int:
    """How many of ``tenant``'s channels other than ``but`` have a daily digest set."""
    return conn.execute(
        "SELECT count(*) FROM channels WHERE tenant_id = ? AND id != ? AND digest_time IS NOT NULL",
        (tenant, but),
    ).fetchone()[0]


def mark_left(conn: Connection, tenant: str, now: datetime) -> None:
    """The bot was removed from ``tenant``: its settings are kept for a grace period."""
    ensure_tenant(conn, tenant, now)
    conn.execute("UPDATE tenants SET left_at = ? WHERE id = ?", (to_db(now), tenant))


def forget_departed(conn: Connection, left_before: datetime) -> list[str]:
    """Delete the subscriptions and channel settings of tenants that left before
    ``left_before`` (and did not come back); returns their ids."""
    gone = [
        tenant
        for (tenant,) in conn.execute(
            "SELECT id FROM tenants WHERE left_at IS NOT NULL AND left_at < ?",
            (to_db(left_before),),
        )
    ]
    for tenant in gone:
        conn.execute("DELETE FROM subscriptions WHERE tenant_id = ?", (tenant,))
        conn.execute("DELETE FROM channels WHERE tenant_id = ?", (tenant,))
        conn.execute("DELETE FROM tenants WHERE id = ?", (tenant,))
    return gone


def _followed(conn: Connection, tenant: str, named: list[SourceRecord]) -> SourceRecord | None:
    """The first of ``named`` that ``tenant`` subscribes to."""
    return next((record for record in named if _subscribed(conn, tenant, record.id)), None)


def _subscribed(conn: Connection, tenant: str, source_id: int) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM subscriptions WHERE tenant_id = ? AND source_id = ?",
            (tenant, source_id),
        ).fetchone()
        is not None
    )
