"""The values that cross module borders: plain frozen dataclasses, never sumy types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as read from a source, before summarizing."""

    title: str
    text: str
    url: str | None = None
    source: str | None = None
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """How long a briefing may be, and how it is made."""

    method: str = "default"
    sentences: int = 3
    max_chars: int = 1000
    language: str = "english"


@dataclass(frozen=True, slots=True)
class Briefing:
    """An extractive briefing: whole sentences of the article, in article order."""

    sentences: tuple[str, ...]
    method: str
    source_sentences: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return " ".join(self.sentences)
