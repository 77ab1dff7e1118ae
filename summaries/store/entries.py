"""Feed entries and the articles they were stored as.

A feed names each entry by an id (an RSS guid, an Atom id) that stays when the entry's
link changes (a site moving its stories, a slug edited after a typo). The article an
entry was stored as is kept by that id, per source, so that when the link changes the
article moves to the new address, the same article, instead of being stored (and
posted) again. Only an article stored at the entry's own address is kept for it: a copy
of another outlet's story, found by its text, is not moved to this feed's link. And only
an entry with the same title or the same text is taken for the article: some feeds give
every entry the same id, and a new story under it is another article.
"""

from __future__ import annotations

from collections.abc import Iterable

from summaries.sites import site_of
from summaries.store.connection import Connection
from summaries.tracking import without_tracking

CHUNK = 500


def stored_as(conn: Connection, pairs: Iterable[tuple[int, str]]) -> dict[tuple[int, str], tuple]:
    """The article each ``(source_id, entry)`` was stored as, if it has an address:
    ``(id, content_hash, story_id, url, title)`` by pair."""
    by_source: dict[int, list[str]] = {}
    for source_id, entry in dict.fromkeys(pairs):
        by_source.setdefault(source_id, []).append(entry)
    found: dict[tuple[int, str], tuple] = {}
    for source_id, ids in by_source.items():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = conn.execute(
                "SELECT e.entry, a.id, a.content_hash, a.story_id, a.url, a.title "
                "FROM entry_articles e JOIN articles a ON a.id = e.article_id "
                f"WHERE e.source_id = ? AND e.entry IN ({marks}) AND a.url IS NOT NULL",
                [source_id, *chunk],
            )
            found.update(((source_id, row[0]), tuple(row[1:])) for row in rows)
    return found


def record(conn: Connection, rows: Iterable[tuple[int, str, int]]) -> None:
    """Keep ``(source_id, entry, article_id)``: the entry was stored as that article."""
    conn.executemany(
        "INSERT INTO entry_articles (source_id, entry, article_id) VALUES (?, ?, ?) "
        "ON CONFLICT (source_id, entry) DO UPDATE SET article_id = excluded.article_id",
        list(rows),
    )


def move(conn: Connection, article_id: int, url: str) -> None:
    """The article is at ``url`` now (no other article is: the caller looked)."""
    conn.execute("UPDATE articles SET url = ? WHERE id = ?", (url, article_id))


def unrecorded_links(
    conn: Connection, source_id: int, links: dict[str, str]
) -> list[tuple[int, str, int]]:
    """``(source_id, entry, article_id)`` for each entry of ``links`` (entry: link) that
    has no record yet, when an article is stored at its link, or was fetched from it on
    the link's own site (a page naming its canonical address). An article the link's page
    was found to copy, at another site's address, is not the entry's (see the module's
    docstring); nor is a record replaced: the entry's own store made it."""
    recorded = stored_as(conn, [(source_id, entry) for entry in links])
    rows: list[tuple[int, str, int]] = []
    for entry, link in links.items():
        if (source_id, entry) in recorded:
            continue
        article_id = _article_at(conn, link)
        if article_id is not None:
            rows.append((source_id, entry, article_id))
    return rows


def _article_at(conn: Connection, link: str) -> int | None:
    """The article stored at ``link`` (without its tracking parameters too), else the one
    fetched from it whose address is on the link's site (``www.`` or not)."""
    found = conn.execute(
        "SELECT id FROM articles WHERE url IN (?, ?)", (link, without_tracking(link))
    ).fetchone()
    if found is not None:
        return found[0]
    found = conn.execute(
        "SELECT a.id, a.url FROM link_aliases l JOIN articles a ON a.id = l.article_id "
        "WHERE l.link = ?",
        (link,),
    ).fetchone()
    if found is None or found[1] is None or site_of(found[1]) != site_of(link):
        return None
    return found[0]


def swaps(conn: Connection, source_id: int, links: dict[str, str]) -> dict[int, str]:
    """The articles that entries of ``links`` (entry: link) were stored as and that swap
    addresses now, by id, each with its new address: an entry whose link is now another
    entry's article's address, while that article's entry (or a chain of them) has
    taken its old one. Stored one by one, each would take the other's text; only moves
    that vacate each other's addresses are given (a move to a free address, or onto an
    article that stays, is the store's to make as each entry is stored)."""
    recorded = stored_as(conn, [(source_id, entry) for entry in links])
    moves: dict[int, str] = {}
    for (_, entry), row in recorded.items():
        address = without_tracking(links[entry])
        if row[3] != address:
            moves[row[0]] = address
    if len(moves) < 2:
        return {}
    holders = _holders(conn, list(moves.values()))
    kept = set(moves)
    while True:  # a move stays while the article at its new address moves too
        staying = {a for a in kept if holders.get(moves[a]) not in kept}
        if not staying:
            return {article: moves[article] for article in kept}
        kept -= staying


def swap(conn: Connection, moves: dict[int, str]) -> None:
    """Each article of ``moves`` at its new address (the addresses they leave to each
    other: each is let go of first)."""
    ids = list(moves)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"UPDATE articles SET url = NULL WHERE id IN ({marks})", chunk)
    for article_id, url in moves.items():
        move(conn, article_id, url)


def _holders(conn: Connection, urls: list[str]) -> dict[str, int]:
    """The article stored at each of ``urls``, by address."""
    found: dict[str, int] = {}
    for start in range(0, len(urls), CHUNK):
        chunk = urls[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(f"SELECT url, id FROM articles WHERE url IN ({marks})", chunk)
        found.update((url, article_id) for url, article_id in rows)
    return found
