"""Sources (feeds, pages, folders) and their fetch bookkeeping."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from summaries.plaintext import plain_line
from summaries.source_address import stored_address
from summaries.store.connection import Connection
from summaries.store.errors import StoreError
from summaries.store.times import from_db, require, to_db, to_db_or_none

KINDS = ("feed", "page", "folder")
CONFIGURED = "config.toml"  # ``added_by`` of the sources config.toml names

_COLUMNS = (
    "id, url, kind, name, added_at, added_by, enabled, etag, last_modified, last_fetched_at, "
    "last_ok_at, last_error, failures, next_attempt_at, operator, language"
)


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A configured source and how its last fetches went."""

    id: int
    url: str
    kind: str  # 'feed' | 'page' | 'folder'
    name: str | None
    added_at: datetime
    added_by: str | None
    enabled: bool
    etag: str | None
    last_modified: str | None  # the server's Last-Modified header, verbatim
    last_fetched_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    failures: int  # consecutive failed fetches; 0 after a good one
    next_attempt_at: datetime | None
    operator: bool = True  # the operator's (config.toml, the command line), not a tenant's
    language: str | None = None  # its articles' language, declared; None: each one detected


def _record(row: tuple) -> SourceRecord:
    return SourceRecord(
        id=row[0],
        url=row[1],
        kind=row[2],
        name=row[3],
        added_at=require(row[4]),
        added_by=row[5],
        enabled=bool(row[6]),
        etag=row[7],
        last_modified=row[8],
        last_fetched_at=from_db(row[9]),
        last_ok_at=from_db(row[10]),
        last_error=row[11],
        failures=row[12],
        next_attempt_at=from_db(row[13]),
        operator=bool(row[14]),
        language=row[15],
    )


_ID = re.compile(r"#?([0-9]{1,18})")  # ASCII digits that fit SQLite's 64-bit integers


def _where(url_or_id: str | int) -> tuple[str, object]:
    if isinstance(url_or_id, int):
        return "id = ?", url_or_id if -(2**63) <= url_or_id < 2**63 else -1
    found = _ID.fullmatch(url_or_id.strip())
    if found:
        return "id = ?", int(found.group(1))
    return "url = ?", url_or_id


def get_source(conn: Connection, url_or_id: str | int) -> SourceRecord | None:
    """The source with that id ("#3" or 3), or at that address however it is spelled
    (``HTTPS://Example.org/rss#top`` finds ``https://example.org/rss``)."""
    clause, value = _where(url_or_id)
    if clause == "url = ?":
        return _at_address(conn, str(value))
    row = conn.execute(f"SELECT {_COLUMNS} FROM sources WHERE {clause}", (value,)).fetchone()
    return None if row is None else _record(row)


def _at_address(conn: Connection, url: str) -> SourceRecord | None:
    """The source at ``url`` as written, else in the spelling a source is stored under,
    else one kept under an older spelling of it (see :func:`respell_sources`), else the
    one that had that address before it moved for good. Each step is one indexed match."""
    wanted = stored_address(url)
    for spelling in dict.fromkeys((url, wanted)):
        row = conn.execute(f"SELECT {_COLUMNS} FROM sources WHERE url = ?", (spelling,)).fetchone()
        if row is not None:
            return _record(row)
    if wanted == url and not wanted.startswith(("http://", "https://")):
        return None  # a folder's path is only ever stored as it is
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM sources WHERE id = coalesce("
        "(SELECT min(source_id) FROM source_spellings WHERE url = ?), "
        "(SELECT source_id FROM source_moves WHERE url = ?))",
        (wanted, wanted),
    ).fetchone()
    return None if row is None else _record(row)


def named(conn: Connection, url_or_id: str | int) -> list[SourceRecord]:
    """Every source ``url_or_id`` names, the one :func:`get_source` finds first: by an id,
    that one; by an address, each source at it in any spelling (two kept from before one
    spelling, see :func:`respell_sources`) or that moved from it. A server's own among them
    is the one its ``sources remove`` or ``retry`` means, however it types the address."""
    first = get_source(conn, url_or_id)
    clause, value = _where(url_or_id)
    if first is None or clause != "url = ?":
        return [] if first is None else [first]
    url = str(value)
    wanted = stored_address(url)
    if wanted == url and not wanted.startswith(("http://", "https://")):
        return [first]  # a folder's path is only ever stored as it is
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM sources WHERE id IN (SELECT id FROM sources WHERE url IN "
        "(?, ?) UNION SELECT source_id FROM source_spellings WHERE url = ? UNION "
        "SELECT source_id FROM source_moves WHERE url = ?) ORDER BY id",
        (url, wanted, wanted, wanted),
    )
    return [first, *(_record(row) for row in rows if row[0] != first.id)]


def add_source(
    conn: Connection,
    url: str,
    kind: str,
    name: str | None,
    added_by: str | None,
    now: datetime,
    *,
    operator: bool = True,
) -> SourceRecord:
    """Add a source (the operator's, unless a tenant subscribes through ``tenants``), its
    address in the one spelling it is stored under; an address already stored, in any
    spelling, is returned as it is."""
    if kind not in KINDS:
        raise StoreError(f"Unknown source kind {kind!r}: use one of {', '.join(KINDS)}.")
    if not url or not url.strip():
        raise StoreError("A source needs a URL or a folder path; this one was empty.")
    url = stored_address(url.strip())
    existing = _at_address(conn, url)
    if existing is not None and (existing.operator or not operator):
        return existing
    if existing is not None:  # the operator adding a source a tenant follows makes it theirs too
        conn.execute("UPDATE sources SET operator = 1 WHERE id = ?", (existing.id,))
        return replace(existing, operator=True)
    conflict = "DO UPDATE SET operator = 1" if operator else "DO NOTHING"
    conn.execute(
        "INSERT INTO sources (url, kind, name, added_at, added_by, operator) "
        f"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) {conflict}",
        (url, kind, plain_line(name) or None, to_db(now), added_by, int(operator)),
    )
    found = _at_address(conn, url)
    assert found is not None
    return found


def set_language(conn: Connection, source_id: int, language: str | None) -> SourceRecord:
    """Declare the language of a source's articles (None: detect each one's). A source is
    one whoever follows it, so is its language: the last declaration holds."""
    changed = conn.execute("UPDATE sources SET language = ? WHERE id = ?", (language, source_id))
    if changed.rowcount == 0:
        raise StoreError(f"There is no source number {source_id}; it may have been removed.")
    found = get_source(conn, source_id)
    assert found is not None
    return found


def move_source(conn: Connection, source_id: int, url: str) -> bool:
    """Give a source the address it has moved to for good, keeping its id, articles,
    validators and subscriptions; False, changing nothing, when another source already
    has that address in any spelling (two sources then read one feed: who merges them is
    a person)."""
    address = stored_address(url)
    holders = conn.execute(
        "SELECT id FROM sources WHERE url = ? UNION SELECT source_id FROM source_spellings "
        "WHERE url = ?",
        (address, address),
    ).fetchall()
    if holders:
        return any(holder == source_id for (holder,) in holders)
    before = conn.execute("SELECT url FROM sources WHERE id = ?", (source_id,)).fetchone()
    if before is None:
        return False
    conn.execute("UPDATE sources SET url = ? WHERE id = ?", (address, source_id))
    conn.execute("DELETE FROM source_spellings WHERE source_id = ?", (source_id,))
    # the old address still finds the source (it is what its followers gave); the new
    # one is no longer an old address of any
    old = stored_address(before[0])
    conn.execute("DELETE FROM source_moves WHERE url IN (?, ?)", (address, old))
    conn.execute("INSERT INTO source_moves (url, source_id) VALUES (?, ?)", (old, source_id))
    return True


def respell_sources(conn: Connection) -> None:
    """Store every source's address in the one spelling (schema 17). A source whose
    address another source holds in that spelling keeps its own (two sources of one feed:
    merging them is a person's call, see :func:`duplicate_sources`); the spelling it would
    have is recorded in ``source_spellings``, which finds it by any spelling of its address
    once the other is gone."""
    rows = conn.execute("SELECT id, url FROM sources ORDER BY id").fetchall()
    taken = {url for _, url in rows}
    for source_id, url in rows:
        address = stored_address(url)
        if address == url:
            continue
        if address in taken:
            conn.execute(
                "INSERT INTO source_spellings (source_id, url) VALUES (?, ?)", (source_id, address)
            )
            continue
        conn.execute("UPDATE sources SET url = ? WHERE id = ?", (address, source_id))
        # as a move onto it does: the address is this source's own now, no other's old one
        conn.execute("DELETE FROM source_moves WHERE url = ?", (address,))
        taken.discard(url)
        taken.add(address)


def duplicate_sources(conn: Connection) -> list[tuple[SourceRecord, SourceRecord]]:
    """Pairs of sources that read one feed, the address of each written another way: made
    before addresses were stored in one spelling (see :func:`respell_sources`). The first
    of each pair holds the address in the stored spelling, or held it until it moved for
    good (the other, read at its old address, is sent on to the same feed), or is the older
    of two that both hold older spellings of it."""
    rows = conn.execute(
        "SELECT source_id, url FROM source_spellings ORDER BY url, source_id"
    ).fetchall()
    pairs: list[tuple[SourceRecord, SourceRecord]] = []
    for source_id, address in rows:
        kept = get_source(conn, source_id)
        first = _holder(conn, address)
        if kept is not None and first is not None and first.id != kept.id:
            pairs.append((first, kept))
    return pairs


def _holder(conn: Connection, address: str) -> SourceRecord | None:
    """The source holding ``address`` (a stored spelling): at it, else moved from it, else
    the first kept under an older spelling of it."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM sources WHERE id = coalesce("
        "(SELECT id FROM sources WHERE url = ?), "
        "(SELECT source_id FROM source_moves WHERE url = ?), "
        "(SELECT min(source_id) FROM source_spellings WHERE url = ?))",
        (address, address, address),
    ).fetchone()
    return None if row is None else _record(row)


@dataclass(frozen=True, slots=True)
class Follower:
    """A server or workspace (a tenant) that followed a source, as the store knows it."""

    tenant: str  # 'discord:<guild id>', 'slack:<team id>', 'console'
    name: str | None
    digest_channels: int  # its channels with a daily digest


@dataclass(frozen=True, slots=True)
class Removal:
    """What the operator's removal of a source did: deleted it, and with it the
    subscriptions of ``followers``; or (``deleted`` False) only stopped sharing it, still
    read for ``followers``."""

    source: SourceRecord
    deleted: bool
    followers: tuple[Follower, ...]


def remove_source(conn: Connection, url_or_id: str | int) -> Removal | None:
    """The operator removes a source: deleted, unless tenants follow one of the operator's
    own, which is then theirs alone (no longer shared, still read for them). None when
    there is no such source."""
    record = get_source(conn, url_or_id)
    if record is None:
        return None
    followers = tuple(
        Follower(tenant, name, channels)
        for tenant, name, channels in conn.execute(
            "SELECT s.tenant_id, t.name, (SELECT count(*) FROM channels c WHERE "
            "c.tenant_id = s.tenant_id AND c.digest_time IS NOT NULL) FROM subscriptions s "
            "LEFT JOIN tenants t ON t.id = s.tenant_id WHERE s.source_id = ? ORDER BY s.tenant_id",
            (record.id,),
        )
    )
    deleted = not (record.operator and followers)
    if deleted:
        conn.execute("DELETE FROM sources WHERE id = ?", (record.id,))
    else:
        conn.execute("UPDATE sources SET operator = 0 WHERE id = ?", (record.id,))
    return Removal(record, deleted, followers)


def list_sources(conn: Connection) -> list[SourceRecord]:
    return [_record(row) for row in conn.execute(f"SELECT {_COLUMNS} FROM sources ORDER BY id")]


def sources_to_read(conn: Connection) -> list[SourceRecord]:
    """The sources someone reads: the operator's and those a tenant that has the bot
    subscribes to. A source nobody reads any more is kept (its articles, its validators)
    but no longer fetched; a tenant that removed the bot does not keep its sources read."""
    sql = (
        f"SELECT {_COLUMNS} FROM sources WHERE operator = 1 OR EXISTS "
        "(SELECT 1 FROM subscriptions s LEFT JOIN tenants t ON t.id = s.tenant_id "
        "WHERE s.source_id = sources.id AND t.left_at IS NULL) ORDER BY id"
    )
    return [_record(row) for row in conn.execute(sql)]


def select(conn: Connection, where: str, params: tuple) -> list[SourceRecord]:
    """Sources matching an SQL condition on ``sources`` (for the tenancy queries)."""
    sql = f"SELECT {_COLUMNS} FROM sources WHERE {where} ORDER BY id"
    return [_record(row) for row in conn.execute(sql, params)]


def record_fetch(
    conn: Connection,
    source_id: int,
    *,
    ok: bool,
    error: str | None,
    etag: str | None,
    last_modified: str | None,
    next_attempt_at: datetime | None,
    now: datetime,
) -> SourceRecord:
    """Note one fetch: success resets the failure count, failure counts and keeps the error.

    A new ETag / Last-Modified replaces the stored one; None keeps it (a 304 carries none).
    """
    stamp = to_db(now)
    if ok:
        sql = (
            "UPDATE sources SET last_fetched_at = ?, last_ok_at = ?, failures = 0, "
            "last_error = NULL, etag = coalesce(?, etag), "
            "last_modified = coalesce(?, last_modified), next_attempt_at = ? WHERE id = ?"
        )
        params: tuple = (stamp, stamp, etag, last_modified, to_db_or_none(next_attempt_at))
    else:
        sql = (
            "UPDATE sources SET last_fetched_at = ?, failures = failures + 1, "
            "last_error = coalesce(?, 'unknown error'), etag = coalesce(?, etag), "
            "last_modified = coalesce(?, last_modified), next_attempt_at = ? WHERE id = ?"
        )
        params = (stamp, error, etag, last_modified, to_db_or_none(next_attempt_at))
    if conn.execute(sql, (*params, source_id)).rowcount == 0:
        raise StoreError(f"There is no source number {source_id}; it may have been removed.")
    found = get_source(conn, source_id)
    assert found is not None
    return found
