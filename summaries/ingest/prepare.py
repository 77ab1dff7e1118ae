"""The CPU side of ingest, run in worker processes: clean, summarize, fingerprint."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from summaries.errors import BriefingError, EmptyArticleError, InputError
from summaries.grouping import Fingerprint, fingerprint
from summaries.language import canonical_language
from summaries.models import Article, Briefing, SummaryOptions
from summaries.sources import FetchResult, article_from_result, read_file
from summaries.store import vocabulary
from summaries.summarize import article_texts, summarize_text, summary_text
from summaries.titles import title_from_text


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to store.

    ``text`` is its main text (stored, searched, hashed); ``summary_text`` the sentences
    of it that the briefing quotes and the story ``fingerprint`` is made from (the store
    keeps ``text`` only: ``summary_text(text, title, language)`` gives them again);
    ``language`` the one it was read in.
    """

    article: Article
    text: str
    summary_text: str
    briefing: Briefing
    content_hash: str
    fingerprint: Fingerprint
    language: str = "english"
    words: str | None = None  # its folded words (see store.vocabulary), made by for_store


def content_hash(text: str) -> str:
    """Identity of an article's stored text, blind to case and spacing: an article whose
    main text changed (a corrected table, an added paragraph) is stored again."""
    normal = " ".join(text.lower().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def prepare(article: Article, options: SummaryOptions) -> Prepared:
    """Clean and summarize ``article``; raises an InputError for unusable input. An article
    without a title (an RSS item may have none) is given one made from its text, as a file
    without a headline is: a story is never listed as "(untitled)". The title is made NFC,
    as cleaning makes the text: a title that came with its accents as separate marks
    ("Cafe" + U+0301) has the words of the text that says "Café", for the briefing's
    ranking and story grouping alike."""
    text, sentences, language = article_texts(article, options.language)
    title = unicodedata.normalize("NFC", article.title)
    if not title.strip():
        title = title_from_text(text)
    if title != article.title:
        article = replace(article, title=title)
    briefing = summarize_text(article.title, sentences, replace(options, language=language))
    story_key = fingerprint(article.title, sentences, language)
    return Prepared(article, text, sentences, briefing, content_hash(text), story_key, language)


def fingerprints(
    articles: Sequence[tuple[str, str, str | None]], fallback: str
) -> list[Fingerprint]:
    """The story fingerprints of stored (title, stored main text, language) triples, made
    from the text's sentences as ``prepare`` made them, for grouping to compare new articles
    with; an article stored without its language is taken to be in ``fallback``."""
    found = []
    for title, text, language in articles:
        language = language or canonical_language(fallback)
        found.append(fingerprint(title, summary_text(text, title, language), language))
    return found


class UnreadableError(InputError):
    """A file or page of a source could not be read (the message says why)."""


class NotPreparedError(InputError):
    """An article was read but could not be summarized; ``name`` names it for a person,
    ``empty`` says it held no article text (a page its script draws, a video's page)."""

    def __init__(self, name: str, message: str, *, empty: bool = False) -> None:
        super().__init__(message)
        self.name = name
        self.empty = empty


def for_store(article: Article, options: SummaryOptions) -> Prepared:
    """``prepare`` in a worker for ingest, handed back with only what the store keeps: the
    article without its raw text and no ``summary_text`` (the least to pickle back), and
    the words the store counts for prefix search, found here rather than in the store."""
    try:
        prepared = prepare(article, options)
    except BriefingError as error:
        name = article.title or article.url or "an article"
        empty = isinstance(error, EmptyArticleError)
        raise NotPreparedError(name, str(error), empty=empty) from None
    title = prepared.article.title  # made from the text if the article had none
    words = vocabulary.words_of(title, prepared.text, *prepared.briefing.sentences)
    slim = replace(prepared.article, text="")  # the store keeps the main text, ``prepared.text``
    return replace(prepared, article=slim, summary_text="", words=" ".join(words))


def file_for_store(
    path: Path, root: Path, options: SummaryOptions, language: str | None
) -> Prepared:
    """Read one file of a folder source and prepare it (:func:`for_store`), in a worker:
    only the path goes there; ``language`` is the source's declared one, if any."""
    try:
        article = read_file(path, root=root)
    except BriefingError as error:
        raise UnreadableError(f"{path.name}: {error}") from None
    if language:
        article = replace(article, language=language)
    return for_store(article, options)


def page_for_store(result: FetchResult, options: SummaryOptions, language: str | None) -> Prepared:
    """Extract a fetched page and prepare it (:func:`for_store`), in one trip to a worker."""
    article = article_from_result(result)
    if language:
        article = replace(article, language=language)
    return for_store(article, options)
