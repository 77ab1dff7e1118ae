"""Story briefings made at ingest, run in a worker process (they stem words)."""

from __future__ import annotations

from collections.abc import Sequence

from summaries.models import StoredArticle, StorySentence
from summaries.story_briefing import brief_story


def brief_stories(
    stories: Sequence[Sequence[StoredArticle]], sentences: int, max_chars: int
) -> list[tuple[StorySentence, ...]]:
    """The briefing of each story (its articles), in one worker call: the stories a batch
    of articles changed are briefed together."""
    return [brief_story(list(articles), sentences, max_chars) for articles in stories]
