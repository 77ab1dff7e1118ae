"""Story briefings: saved when ingest makes one, put on the stories read back.

Every function takes an open connection; the caller (``Store``) holds the lock and owns
the transaction.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from summaries.models import Story, StorySentence
from summaries.store.connection import Connection
from summaries.store.times import to_db

_CHUNK = 500  # far below SQLite's host parameter limit


@dataclass(frozen=True, slots=True)
class MadeBriefing:
    """A story briefing to keep: its sentences (none: the story has none across its
    outlets) and, when given, the ids of the articles it was made from (kept only if they
    are still the story's)."""

    story_id: int
    sentences: tuple[StorySentence, ...]
    made_of: Collection[int] | None = None


def save_all(conn: Connection, made: Sequence[MadeBriefing], now: datetime) -> list[bool]:
    """:func:`save` each of ``made`` in the caller's transaction; whether each was kept."""
    return [save(conn, m.story_id, m.sentences, now, m.made_of) for m in made]


def save(
    conn: Connection,
    story_id: int,
    sentences: tuple[StorySentence, ...],
    now: datetime,
    made_of: Collection[int] | None = None,
) -> bool:
    """Keep ``sentences`` as the briefing of story ``story_id`` (none: it has none across
    its outlets), if ``made_of`` is None or the ids of the story's articles; whether it
    was kept."""
    if made_of is not None and set(made_of) != _article_ids(conn, story_id):
        return False
    # none is kept too (as an empty list): the story was briefed, it has nothing across
    # outlets to show, and it is not among the ``unbriefed`` stories
    pairs = json.dumps([[s.article_id, s.text] for s in sentences], ensure_ascii=False)
    conn.execute(
        "INSERT INTO story_briefings (story_id, sentences, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (story_id) DO UPDATE SET sentences = excluded.sentences, "
        "updated_at = excluded.updated_at",
        (story_id, pairs, to_db(now)),
    )
    return True


def unbriefed(conn: Connection, since: datetime, limit: int) -> list[int]:
    """Stories told by several articles, one of them fetched at or after ``since``, that
    have no story briefing (their articles came before story briefings were made): the
    newest ``limit`` of them."""
    rows = conn.execute(
        "SELECT DISTINCT story_id FROM articles WHERE fetched_at >= ? "
        "AND story_id IS NOT NULL AND story_id <> id AND NOT EXISTS "
        "(SELECT 1 FROM story_briefings b WHERE b.story_id = articles.story_id) "
        "ORDER BY story_id DESC LIMIT ?",
        (to_db(since), limit),
    )
    return [story_id for (story_id,) in rows]


def _article_ids(conn: Connection, story_id: int) -> set[int]:
    rows = conn.execute(
        "SELECT id FROM articles WHERE story_id = ? OR (id = ? AND story_id IS NULL)",
        (story_id, story_id),
    )
    return {article_id for (article_id,) in rows}


def attach(conn: Connection, stories: dict[int, Story]) -> dict[int, Story]:
    """``stories`` with their saved briefings, as far as their articles in view allow: the
    sentences of articles not in a story (another tenant's outlet, a removed article) are
    left out, and a briefing whose lede is left out is not used at all."""
    saved: dict[int, list[list]] = {}
    keys = list(stories)
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT story_id, sentences FROM story_briefings WHERE story_id IN ({marks})"
        for story_id, sentences in conn.execute(sql, chunk):
            saved[story_id] = json.loads(sentences)
    out = dict(stories)
    for story_id, pairs in saved.items():
        story = stories[story_id]
        sources = {a.id: a.source for a in story.articles}
        if not pairs or pairs[0][0] not in sources:
            continue
        shown = tuple(
            StorySentence(text, article_id, sources[article_id])
            for article_id, text in pairs
            if article_id in sources
        )
        out[story_id] = replace(story, briefing=shown)
    return out
