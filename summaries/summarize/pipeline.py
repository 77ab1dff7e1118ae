"""Article in, briefing out: validate, clean, split, rank, fit the length.

Two texts come out of an article: its main text (:func:`article_text`), all of it but
page furniture, which is what the archive stores and search finds; and the subset of that
which reads as sentences (:func:`summary_text`), which is what a briefing may quote and
what story grouping compares. Lists, tables and headings are in the first only.

Each article is read in its own language (:func:`article_language`): the one declared for
it (its source's), else the one its text is detected to be in, else the configured one
(``[summary] language``). Cleaning, sentences, stemming and stop words follow it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from summaries.clean import (
    MainText,
    clean_text,
    looks_like_text,
    main_text_and_lines,
    without_editing_notes,
    word_count,
)
from summaries.detection import detect_language
from summaries.errors import BinaryInputError, EmptyArticleError, InputTooLargeError
from summaries.language import LanguageTools, canonical_language, language_tools
from summaries.limits import MAX_TEXT_CHARS
from summaries.models import Article, Briefing, SummaryOptions
from summaries.sentences import OfflineTokenizer, split_paragraphs
from summaries.summarize.document import build_document, regroup
from summaries.summarize.methods import get_method, shared_summarizer
from summaries.summarize.options import check_options
from summaries.summarize.readable import Readability
from summaries.summarize.terms import content_terms_of

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel

READ_CHARS = 300_000  # ~50,000 words; a briefing never needs what lies beyond
MAX_SENTENCES = 2_000  # sentences ranked at most, by any method
UNPUNCTUATED_MIN_WORDS = 8
_NOTHING = "nothing in it reads like article text"


def summarize(article: Article, options: SummaryOptions | None = None) -> Briefing:
    """Make a briefing of ``article``: whole sentences, in article order.

    Raises an :class:`~summaries.errors.InputError` (with a message for a person)
    for input that cannot be summarized.
    """
    options = check_options(options or SummaryOptions())
    get_method(options.method)  # an unknown method fails before any work
    _, sentences, language = article_texts(article, options.language)
    return summarize_text(article.title, sentences, replace(options, language=language))


def article_texts(article: Article, fallback: str = "english") -> tuple[str, str, str]:
    """The main text of ``article``, its sentences (see below) and its language (see
    :func:`article_language`); raises an :class:`~summaries.errors.InputError` when it has
    no sentences: there is nothing to brief."""
    main = _main_text(article)
    language = article_language(article, main.text, fallback)
    sentences = summary_text(main.text, article.title, language, main.lines)
    if not sentences:
        raise EmptyArticleError(_NOTHING)
    return main.text, sentences, language


def article_language(article: Article, text: str, fallback: str) -> str:
    """The language ``article`` is read in: the one declared for it, else the one its title
    and main text ``text`` are detected to be in, else ``fallback``."""
    if article.language:
        return article.language
    found = detect_language(f"{article.title}\n{text}")
    return found or canonical_language(fallback)


def article_text(article: Article) -> str:
    """The main text of ``article``, page furniture left out: what is stored and searched.

    Paragraphs, headings, list items and table rows are kept, each on its own line, with
    a blank line between the page's blocks (see :func:`summaries.clean.main_text`).
    """
    return _main_text(article).text


def _main_text(article: Article) -> MainText:
    """The main text of ``article`` (see :func:`article_text`) and maybe its lines (see
    :func:`summaries.clean.main_text_and_lines`)."""
    if len(article.text) > MAX_TEXT_CHARS:
        raise InputTooLargeError(len(article.text.encode("utf-8", "replace")), MAX_TEXT_CHARS)
    raw = article.text[:READ_CHARS]
    if not looks_like_text(raw):
        raise BinaryInputError()
    # a briefing, the archive and search hold text: a source's is text already (what its
    # HTML escaped, "the <p> tag", is its words), and a person's is read where it is given
    main = main_text_and_lines(raw)
    if not main.text:
        raise EmptyArticleError(_NOTHING)
    return main


def summary_text(
    text: str, title: str, language: str = "english", lines: list[str] | None = None
) -> str:
    """The sentences of a main text (see :func:`article_text`) in ``language``, or "" if it
    has none (``lines``: its lines, where known: see :class:`summaries.clean.MainText`).

    What a briefing may quote and story grouping compares: paragraphs that read as prose,
    one per line, blank lines between them; never a heading, a list item or a table row.
    A stored article's main text gives the same sentences again. An interview's editing
    note is stored but never quoted (see :func:`summaries.clean.without_editing_notes`).
    """
    noted = without_editing_notes(text, language)
    if noted != text:  # the lines handed on still hold the note
        text, lines = noted, None
    return clean_text(text, title or None, language, lines) or _unpunctuated_lines(text)


def _unpunctuated_lines(text: str) -> str:
    """A text with no sentence punctuation at all (notes, a transcript): its longer lines.

    Cleaning keeps only what reads like sentences, so such a text would come out
    empty; its lines of UNPUNCTUATED_MIN_WORDS words or more are prose all the same.
    A page of menu items still gives nothing: menu items are short; nor does a table, nor
    a line of emoji, dashes or numbers, nor a line of like items ("Topic 1 Topic 2 ...").
    """
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if not line.startswith("|") and _reads_as_prose(line))


def _reads_as_prose(line: str) -> bool:
    """Whether ``line`` has UNPUNCTUATED_MIN_WORDS words with a letter (a row of emoji,
    dashes or numbers is no prose, however long), no one word half of them: a line where
    one word comes back that often lists like items ("Topic 1 Topic 2 ...", "Page 1 of 12
    Page 2 of 12 ..."), as no sentence does."""
    words = [word.casefold() for word in line.split() if any(c.isalpha() for c in word)]
    if not words or word_count(" ".join(words)) < UNPUNCTUATED_MIN_WORDS:
        return False
    return len(words) < 4 or Counter(words).most_common(1)[0][1] * 2 < len(words)


def summarize_text(title: str, text: str, options: SummaryOptions) -> Briefing:
    """The briefing of the sentences of an article (see :func:`summary_text`)."""
    options = check_options(options)
    method = get_method(options.method)
    tools = language_tools(options.language)
    tokenizer = OfflineTokenizer(tools.name)
    if method.name == "default":  # ranked on plain strings: no sumy document to build
        return _default_briefing(text, tools, tokenizer, options)
    document = build_document(title, text, tokenizer)
    total = len(document.sentences)
    if total == 0:
        raise EmptyArticleError(_NOTHING)
    readability = Readability.of(document, tools.name)
    limit = min(MAX_SENTENCES, method.max_sentences or MAX_SENTENCES)
    if total > limit:
        document = regroup(document, list(document.sentences[:limit]))
    if method.name == "edmundson":
        summarizer = method.build(tools)
        summarizer.bonus_words = _title_words(document) or ("news",)
    else:
        summarizer = shared_summarizer(method.name, tools)
    chosen = summarizer(document, readability.budget(options.sentences, options.max_chars))
    briefing = readability.render(readability.places(chosen), options.max_chars)
    return Briefing(tuple(briefing), method.name, total)


def _default_briefing(
    text: str, tools: LanguageTools, tokenizer: OfflineTokenizer, options: SummaryOptions
) -> Briefing:
    from summaries.summarize.default import choose  # numpy: in the worker processes only

    paragraphs = [tokenizer.to_sentences(block) for block in split_paragraphs(text)]
    sentences = [s for paragraph in paragraphs for s in paragraph]
    if not sentences:
        raise EmptyArticleError(_NOTHING)
    ranked = sentences[:MAX_SENTENCES]
    terms = content_terms_of(ranked, tools, tokenizer)
    readability = Readability.of_paragraphs(paragraphs, tools.name)
    budget = readability.budget(options.sentences, options.max_chars)
    where = [number for number, paragraph in enumerate(paragraphs) for _ in paragraph]
    picked = choose(
        ranked,
        terms,
        budget.sentences,
        lambda order, scores, fragment: budget.pick(ranked, order, scores, fragment),
        where[: len(ranked)],
        stop_words_out=bool(tools.stop_words),
    )
    briefing = readability.render(picked, options.max_chars)
    return Briefing(tuple(briefing), "default", len(sentences))


def _title_words(document: ObjectDocumentModel) -> tuple[str, ...]:
    return tuple(word for heading in document.headings for word in heading.words)
