"""What the admin dashboard reads and keeps: one-time admin links, the sessions signed
out, the servers and workspaces the bot is in, articles per day, the delivery log, and
retrying a source.

A mixin of ``Store`` (as ``TenantMethods``), each method one transaction. A link's secret
never reaches the database: only its SHA-256 (``link_hash``), so a copy of the database
cannot sign anyone in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from datetime import date, datetime

from summaries.models import DigestRecord
from summaries.store import digests, sources
from summaries.store.connection import Connection
from summaries.store.sources import SourceRecord
from summaries.store.times import from_db, to_db
from summaries.store.transactions import Transactions


def link_hash(secret: str) -> str:
    """What is stored of a one-time link's secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class DashboardMethods(Transactions):
    def add_web_link(self, secret: str, *, now: datetime, expires: datetime) -> None:
        """Keep a new one-time link (its hash); links expired or used are dropped."""

        def work(c: Connection) -> None:
            c.execute(
                "DELETE FROM web_links WHERE used_at IS NOT NULL OR expires_at <= ?", (to_db(now),)
            )
            c.execute(
                "INSERT INTO web_links (token_hash, created_at, expires_at) VALUES (?, ?, ?)",
                (link_hash(secret), to_db(now), to_db(expires)),
            )

        self._write(work)

    def use_web_link(self, secret: str, *, now: datetime) -> bool:
        """Whether ``secret`` is a link not used and not expired; it is used from now on."""
        sql = (
            "UPDATE web_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
            "AND expires_at > ?"
        )
        return self._write(
            lambda c: c.execute(sql, (to_db(now), link_hash(secret), to_db(now))).rowcount == 1
        )

    def end_web_session(self, session_id: str, *, now: datetime, expires: datetime) -> None:
        """Keep that a dashboard session was signed out, until its cookie would have
        expired; sign-outs past that are dropped."""

        def work(c: Connection) -> None:
            c.execute("DELETE FROM web_sign_outs WHERE expires_at <= ?", (to_db(now),))
            c.execute(
                "INSERT INTO web_sign_outs (session_id, expires_at) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                (session_id, to_db(expires)),
            )

        self._write(work)

    def web_sign_outs(self, *, now: datetime) -> dict[str, datetime]:
        """The dashboard sessions signed out whose cookies have not expired yet: id -> when
        they would."""
        sql = "SELECT session_id, expires_at FROM web_sign_outs WHERE expires_at > ?"
        rows = self._read(lambda c: c.execute(sql, (to_db(now),)).fetchall())
        return {session_id: moment for session_id, expires in rows if (moment := from_db(expires))}

    def present_tenants(self) -> dict[str, str | None]:
        """The servers and workspaces the bot is in (it has not been removed): id -> name."""
        sql = "SELECT id, name FROM tenants WHERE left_at IS NULL ORDER BY id"
        return self._read(lambda c: dict(c.execute(sql).fetchall()))

    def articles_per_day(
        self, source_ids: Collection[int], since: datetime
    ) -> dict[int, dict[date, int]]:
        """For each source, how many articles it brought on each day (UTC) since ``since``,
        by when they were first read; days without any are left out."""
        ids = [int(one) for one in source_ids]

        def work(c: Connection) -> dict[int, dict[date, int]]:
            counts: dict[int, dict[date, int]] = {one: {} for one in ids}
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                rows = c.execute(
                    "SELECT s.source_id, substr(a.fetched_at, 1, 10), count(*) "
                    "FROM article_sources s JOIN articles a ON a.id = s.article_id "
                    f"WHERE s.source_id IN ({', '.join('?' * len(chunk))}) AND a.fetched_at >= ? "
                    "GROUP BY 1, 2",
                    (*chunk, to_db(since)),
                )
                for source_id, day, count in rows:
                    counts[source_id][date.fromisoformat(day)] = count
            return counts

        return self._read(work)

    def digest_log(self, channel_ids: Collection[str], limit: int = 100) -> list[DigestRecord]:
        """The digests recorded for these channels, newest first."""
        ids = list(channel_ids)[:500]
        if not ids:
            return []
        sql = (
            f"SELECT {digests.COLUMNS} FROM digests WHERE channel_id IN "
            f"({', '.join('?' * len(ids))}) ORDER BY recorded_at DESC, id DESC LIMIT ?"
        )
        return self._read(
            lambda c: [digests.as_record(row) for row in c.execute(sql, (*ids, limit))]
        )

    def posted_per_digest(self, digest_ids: Collection[int]) -> dict[int, int]:
        """How many stories each of these digests posted: those of its record that went out
        with it (a story left out of the post, its source removed since, is not counted)."""
        ids = [int(one) for one in digest_ids][:500]
        if not ids:
            return {}
        sql = (
            "SELECT digest_id, count(*) FROM posted WHERE digest_id IN "
            f"({', '.join('?' * len(ids))}) GROUP BY digest_id"
        )
        return self._read(lambda c: {one: 0 for one in ids} | dict(c.execute(sql, ids).fetchall()))

    def retry_source(self, url_or_id: str | int) -> SourceRecord | None:
        """Read the source at the next ingest: enabled, and no longer waiting out its backoff
        (its failure count stays until a read succeeds). None when there is no such source."""

        def work(c: Connection) -> SourceRecord | None:
            record = sources.get_source(c, url_or_id)
            if record is None:
                return None
            c.execute(
                "UPDATE sources SET enabled = 1, next_attempt_at = NULL WHERE id = ?", (record.id,)
            )
            return sources.get_source(c, record.id)

        return self._write(work)
