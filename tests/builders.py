"""Small builders of real articles for tests (no mocks)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from summaries import Article
from summaries.models import Briefing, StoredArticle
from summaries.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

LEDE = (
    "The Harwick city council approved a new flood defence plan on Monday after a year of debate."
)
BODY = [
    "The plan raises the river walls by two metres along the old harbour district.",
    "Mayor Lina Ostrow said the council had no choice after last winter's floods.",
    "Engineers estimate that the walls will cost 48 million euros over six years.",
    "Shop owners in the harbour district welcomed the decision but asked for faster work.",
    "The opposition voted against the plan, calling its budget unrealistic.",
    "Construction on the first section is due to begin in the spring.",
    "Residents can comment on the detailed drawings until the end of the month.",
    "The river burst its banks three times last winter, flooding 400 homes.",
]


def news_article(
    extra: list[str] | None = None, title: str = "Harwick approves flood plan"
) -> Article:
    """A plain inverted-pyramid news story, one paragraph per sentence."""
    sentences = [LEDE, *BODY, *(extra or [])]
    return Article(title=title, text="\n\n".join(sentences))


def long_text(sentences: int) -> str:
    """A long article of distinct, numbered sentences in paragraphs of four."""
    lines = [
        f"Report section {n} notes that water levels at station {n} rose by {n % 7} centimetres."
        for n in range(sentences)
    ]
    return "\n\n".join(" ".join(lines[i : i + 4]) for i in range(0, sentences, 4))


# One event told by two outlets, written for the story-briefing tests: near-identical
# ledes, and each outlet with facts the other does not have.
HARWICK_POST = [
    "The Harwick city council approved a new flood defence plan on Monday after a year of debate.",
    "The plan raises the river walls by two metres along the old harbour district.",
    "Mayor Lina Ostrow said the council had no choice after last winter's floods.",
    "Shop owners in the harbour district welcomed the decision but asked for faster work.",
    "Residents can comment on the detailed drawings until the end of the month.",
    "The river burst its banks three times last winter, flooding four hundred homes.",
]
COASTAL_TIMES = [
    "Harwick's council on Monday approved the city's new flood defence plan.",
    "The plan will cost forty-eight million euros over six years, the city treasurer said.",
    "Opposition councillors voted against it, calling the budget unrealistic.",
    "Construction on the first section of the walls is due to begin in the spring.",
    "The harbour district was the worst hit by the floods of last winter.",
    "A public meeting on the drawings is planned for the end of the month.",
]


def stored_article(
    article_id: int,
    source: str,
    briefing: list[str] | tuple[str, ...],
    *,
    story_id: int = 1,
    fetched: datetime | None = None,
) -> StoredArticle:
    """A stored article of ``source`` whose briefing is ``briefing``."""
    return StoredArticle(
        id=article_id,
        title=f"Flood plan approved ({source})",
        url=f"https://{source.lower().replace(' ', '-')}.example/{article_id}",
        source=source,
        published=None,
        fetched=fetched or datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        text="\n\n".join(briefing),
        briefing=tuple(briefing),
        method="default",
        content_hash=f"hash-{article_id}",
        story_id=story_id,
        language="english",
    )


def put_article(
    store: Store,
    article: Article,
    briefing: tuple[str, ...],
    *,
    source_id: int | None,
    story: int | None,
    now: datetime,
) -> StoredArticle:
    """Store ``article`` (its text as the main text) from ``source_id``, in ``story`` or in
    a story of its own."""
    stored, _ = store.upsert_article(
        article,
        Briefing(briefing, "default", len(briefing)),
        text=article.text,
        content_hash=hashlib.sha256(article.text.encode()).hexdigest(),
        source_id=source_id,
        story_id=story,
        now=now,
    )
    if story is None:
        store.set_story(stored.id, stored.id)
    return stored
