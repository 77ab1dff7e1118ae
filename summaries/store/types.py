"""Small types shared by the store's modules and its ``Store`` protocol."""

from __future__ import annotations

from collections.abc import Callable

from summaries.models import StoredArticle

NewerArticles = Callable[[int], list[StoredArticle]]  # those stored after an article id
StoryChooser = Callable[[NewerArticles], int | None]
