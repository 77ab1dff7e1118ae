"""Article in, briefing out: validate, clean, split, rank, fit the length."""

from __future__ import annotations

from typing import Any

from sumy.models.dom import ObjectDocumentModel

from summaries.clean import clean_text, looks_like_text
from summaries.errors import BinaryInputError, EmptyArticleError, InputTooLargeError
from summaries.language import language_tools
from summaries.models import Article, Briefing, SummaryOptions
from summaries.sentences import OfflineTokenizer
from summaries.summarize.budget import Budget, shorten
from summaries.summarize.document import build_document, regroup
from summaries.summarize.methods import Method, get_method
from summaries.summarize.options import check_options

MAX_TEXT_CHARS = 2_000_000  # a long report is ~100,000; anything larger is not one article
MAX_SENTENCES = 2_000  # sentences considered; later ones are beyond any briefing's reach


def summarize(article: Article, options: SummaryOptions | None = None) -> Briefing:
    """Make a briefing of ``article``: whole sentences, in article order.

    Raises an :class:`~summaries.errors.InputError` (with a message for a person)
    for input that cannot be summarized.
    """
    options = check_options(options or SummaryOptions())
    method = get_method(options.method)
    if len(article.text) > MAX_TEXT_CHARS:
        raise InputTooLargeError(len(article.text.encode("utf-8", "replace")), MAX_TEXT_CHARS)
    if not looks_like_text(article.text):
        raise BinaryInputError()
    text = clean_text(article.text, article.title or None)
    if not text:
        raise EmptyArticleError("nothing in it reads like article text")
    tools = language_tools(options.language)
    document = build_document(article.title, text, OfflineTokenizer(tools.name))
    total = len(document.sentences)
    if total == 0:
        raise EmptyArticleError("nothing in it reads like article text")
    if total > MAX_SENTENCES:
        document = regroup(document, list(document.sentences[:MAX_SENTENCES]))
    summarizer = method.build(tools)
    if method.name == "edmundson":
        summarizer.bonus_words = _title_words(document) or ("news",)
    document = _narrow(document, summarizer, method, options.sentences)
    chosen = [str(s) for s in summarizer(document, Budget(options.sentences, options.max_chars))]
    if len(chosen) == 1:
        chosen = [shorten(chosen[0], options.max_chars)]
    return Briefing(tuple(chosen), method.name, total)


def _narrow(
    document: ObjectDocumentModel, summarizer: Any, method: Method, wanted: int
) -> ObjectDocumentModel:
    """Bring a long document within ``method.chunk`` sentences, chunk by chunk.

    Each chunk keeps its best sentences by the method itself, so the final call
    sees the strongest candidates of the whole article, in article order.
    """
    if method.chunk is None:
        return document
    sentences = list(document.sentences)
    keep = max(1, min(wanted, method.chunk // 2))
    while len(sentences) > method.chunk:
        survivors: list[Any] = []
        for start in range(0, len(sentences), method.chunk):
            chunk = regroup(document, sentences[start : start + method.chunk])
            survivors.extend(summarizer(chunk, keep))
        sentences = survivors
    return regroup(document, sentences)


def _title_words(document: ObjectDocumentModel) -> tuple[str, ...]:
    return tuple(word for heading in document.headings for word in heading.words)
