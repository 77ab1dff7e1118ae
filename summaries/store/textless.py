"""Feed entries read that hold no article text, per source.

A video's entry without a description, a post of one word, a link to a picture: the
entry's page holds no article and its feed text is too short to store. It is neither an
article nor an error; remembered here as it was when read (its ``version``, see
``FeedEntry.version``), a later read of its feed passes over it without fetching its page,
until the entry changes. A source keeps the rows of the entries its feed still lists.
An entry is remembered by its id, or by its id and version when its feed gives that id
to other entries too (see summaries.ingest.feed_reading).

An entry whose page answered that it is not there (404, 410; 401, 403, 451: not for the
bot) is remembered too, in ``missing_pages``: since when, and whether the last read of
the page answered so. A page that answers so twice in a row, or for more than a day,
makes its entry one without article text; until then it is a failure, read again at the
next read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from summaries.store.connection import Connection
from summaries.store.times import require, to_db


@dataclass(frozen=True, slots=True)
class MissingPage:
    """An entry whose page answered that it is not there: the entry's ``version`` then,
    the first such answer of the ones since (``since``), and whether the last read of the
    page answered so (``in_row``) or failed otherwise (a 5xx, no connection)."""

    version: str
    since: datetime
    in_row: bool


def textless_entries(conn: Connection, source_id: int) -> dict[str, str]:
    """The source's entries found without article text: each entry's id and its version."""
    rows = conn.execute(
        "SELECT entry, version FROM textless_entries WHERE source_id = ?", (source_id,)
    )
    return {entry: version for entry, version in rows}


def keep_textless(
    conn: Connection, source_id: int, entries: Mapping[str, str], now: datetime
) -> None:
    """The source's entries without article text are ``entries`` (id: version) from now on:
    those found anew or changed are written, the others it had are forgotten (gone from
    its feed, or found to hold text after all). A source removed meanwhile gets none."""
    stamp = to_db(now)
    known = textless_entries(conn, source_id)
    changed = {
        entry: (version, stamp) for entry, version in entries.items() if known.get(entry) != version
    }
    forgotten = known.keys() - entries.keys()
    _keep(conn, "textless_entries", ("version", "read_at"), source_id, forgotten, changed)


def missing_pages(conn: Connection, source_id: int) -> dict[str, MissingPage]:
    """The source's entries whose page answered that it is not there, by entry."""
    rows = conn.execute(
        "SELECT entry, version, missing_at, in_row FROM missing_pages WHERE source_id = ?",
        (source_id,),
    )
    return {
        entry: MissingPage(version, require(since), bool(in_row))
        for entry, version, since, in_row in rows
    }


def keep_missing(conn: Connection, source_id: int, pages: Mapping[str, MissingPage]) -> None:
    """The source's entries whose page is missing are ``pages`` from now on: the others it
    had are forgotten (read since, changed or gone from its feed). A source removed
    meanwhile gets none."""
    known = missing_pages(conn, source_id)
    changed = {
        entry: (page.version, to_db(page.since), int(page.in_row))
        for entry, page in pages.items()
        if known.get(entry) != page
    }
    columns = ("version", "missing_at", "in_row")
    _keep(conn, "missing_pages", columns, source_id, known.keys() - pages.keys(), changed)


def _keep(
    conn: Connection,
    table: str,
    columns: tuple[str, ...],
    source_id: int,
    forgotten: Iterable[str],
    changed: Mapping[str, tuple[object, ...]],
) -> None:
    """The rows of the source's entries in ``table`` (one of this module's) without the
    ``forgotten`` entries, and with the ``changed`` ones' ``columns`` written (a row made
    for one not there yet, none for a source removed meanwhile)."""
    for entry in forgotten:
        conn.execute(f"DELETE FROM {table} WHERE source_id = ? AND entry = ?", (source_id, entry))
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{name} = excluded.{name}" for name in columns)
    for entry, values in changed.items():
        conn.execute(
            f"INSERT INTO {table} (source_id, entry, {names}) "
            f"SELECT id, ?, {marks} FROM sources WHERE id = ? "
            f"ON CONFLICT (source_id, entry) DO UPDATE SET {updates}",
            (entry, *values, source_id),
        )
