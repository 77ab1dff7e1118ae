"""Article in, briefing out: validate, clean, split, rank, fit the length."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summaries.clean import clean_text, looks_like_text
from summaries.errors import BinaryInputError, EmptyArticleError, InputTooLargeError
from summaries.language import language_tools
from summaries.models import Article, Briefing, SummaryOptions
from summaries.plaintext import strip_markup
from summaries.sentences import OfflineTokenizer
from summaries.summarize.budget import Budget, shorten
from summaries.summarize.document import build_document, regroup
from summaries.summarize.methods import get_method, shared_summarizer
from summaries.summarize.options import check_options

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel

MAX_TEXT_CHARS = 2_000_000  # more is not one article: refused with a clear message
READ_CHARS = 300_000  # ~50,000 words; a briefing never needs what lies beyond
MAX_SENTENCES = 2_000  # sentences ranked at most, by any method
UNPUNCTUATED_MIN_WORDS = 8


def summarize(article: Article, options: SummaryOptions | None = None) -> Briefing:
    """Make a briefing of ``article``: whole sentences, in article order.

    Raises an :class:`~summaries.errors.InputError` (with a message for a person)
    for input that cannot be summarized.
    """
    options = check_options(options or SummaryOptions())
    get_method(options.method)  # an unknown method fails before any work
    return summarize_text(article.title, article_text(article), options)


def article_text(article: Article) -> str:
    """The cleaned body of ``article``: what is summarized, stored and searched."""
    if len(article.text) > MAX_TEXT_CHARS:
        raise InputTooLargeError(len(article.text.encode("utf-8", "replace")), MAX_TEXT_CHARS)
    raw = article.text[:READ_CHARS]
    if not looks_like_text(raw):
        raise BinaryInputError()
    raw = strip_markup(raw)  # a briefing, the archive and search hold text, never tags
    text = clean_text(raw, article.title or None) or _unpunctuated_lines(raw)
    if not text:
        raise EmptyArticleError("nothing in it reads like article text")
    return text


def _unpunctuated_lines(raw: str) -> str:
    """A text with no sentence punctuation at all (notes, a transcript): its longer lines.

    Cleaning keeps only what reads like sentences, so such a text would come out
    empty; its lines of UNPUNCTUATED_MIN_WORDS words or more are prose all the same.
    A page of menu items still gives nothing: menu items are short.
    """
    lines = (" ".join(line.split()) for line in raw.splitlines())
    return "\n\n".join(line for line in lines if len(line.split()) >= UNPUNCTUATED_MIN_WORDS)


def summarize_text(title: str, text: str, options: SummaryOptions) -> Briefing:
    """The briefing of an already cleaned text (see :func:`article_text`)."""
    options = check_options(options)
    method = get_method(options.method)
    tools = language_tools(options.language)
    document = build_document(title, text, OfflineTokenizer(tools.name))
    total = len(document.sentences)
    if total == 0:
        raise EmptyArticleError("nothing in it reads like article text")
    limit = min(MAX_SENTENCES, method.max_sentences or MAX_SENTENCES)
    if total > limit:
        document = regroup(document, list(document.sentences[:limit]))
    if method.name == "edmundson":
        summarizer = method.build(tools)
        summarizer.bonus_words = _title_words(document) or ("news",)
    else:
        summarizer = shared_summarizer(method.name, tools)
    chosen = [str(s) for s in summarizer(document, Budget(options.sentences, options.max_chars))]
    if len(chosen) == 1:
        chosen = [shorten(chosen[0], options.max_chars)]
    return Briefing(tuple(chosen), method.name, total)


def _title_words(document: ObjectDocumentModel) -> tuple[str, ...]:
    return tuple(word for heading in document.headings for word in heading.words)
