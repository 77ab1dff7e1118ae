"""Link aliases: the other addresses an article was fetched from.

A feed's teaser links to a page that may declare another canonical address (or
redirect to one); the article is stored under that address, so the link alone would
not find it. The link is remembered here, pointing at the article, so ingest can tell
that the page is already stored without fetching it again.
"""

from __future__ import annotations

from summaries.store.connection import Connection
from summaries.tracking import without_tracking


def add(conn: Connection, link: str, article_id: int) -> None:
    """Remember ``link`` as an address of the article (the latest article wins)."""
    conn.execute(
        "INSERT INTO link_aliases (link, article_id) VALUES (?, ?) "
        "ON CONFLICT (link) DO UPDATE SET article_id = excluded.article_id",
        (link, article_id),
    )


def knows(conn: Connection, link: str) -> bool:
    """Whether an article is stored at ``link`` (or at it without its tracking
    parameters, see summaries.tracking), or was fetched from it."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE url IN (?, ?)) "
        "OR EXISTS (SELECT 1 FROM link_aliases WHERE link = ?)",
        (link, without_tracking(link), link),
    ).fetchone()
    return bool(row[0])
