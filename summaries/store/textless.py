"""Feed entries read that hold no article text, per source.

A video's entry without a description, a post of one word, a link to a picture: the
entry's page holds no article and its feed text is too short to store. It is neither an
article nor an error; remembered here as it was when read (its ``version``, see
``FeedEntry.version``), a later read of its feed passes over it without fetching its page,
until the entry changes. A source keeps the rows of the entries its feed still lists.
An entry is remembered by its id, or by its id and version when its feed gives that id
to other entries too (see summaries.ingest.feed_reading).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from summaries.store.connection import Connection
from summaries.store.times import to_db


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
    known = textless_entries(conn, source_id)
    for entry in known.keys() - entries.keys():
        conn.execute(
            "DELETE FROM textless_entries WHERE source_id = ? AND entry = ?", (source_id, entry)
        )
    stamp = to_db(now)
    for entry, version in entries.items():
        if known.get(entry) == version:
            continue
        conn.execute(
            "INSERT INTO textless_entries (source_id, entry, version, read_at) "
            "SELECT id, ?, ?, ? FROM sources WHERE id = ? "
            "ON CONFLICT (source_id, entry) DO UPDATE SET version = excluded.version, "
            "read_at = excluded.read_at",
            (entry, version, stamp, source_id),
        )
