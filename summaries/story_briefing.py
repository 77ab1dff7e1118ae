"""One briefing per story: the best lede among its outlets, then what the others add.

A story told by several outlets gets one briefing, made from the briefings each article
got at ingest (each outlet's best sentences, in its own words):

1. The lede: of the articles' first sentences, the one that covers most of what the
   other outlets report (the content terms it shares with each other article's
   briefing, over the square root of its own term count, so a long lede is not favoured
   for its length alone); ties go to the earliest article.
2. Then, rank by rank, the other outlets' sentences (their ledes first, then their
   second sentences...) and the lede article's own next sentence, each kept only when it
   adds facts: a sentence is redundant when REDUNDANT_SHARE or more of its content terms
   are in one sentence already chosen (two outlets' ledes of one event, a quote
   restated).
3. Within the briefing's sentence and character limits; each sentence keeps its outlet,
   which counts towards the characters as " (Outlet)" where it is shown.

Sentences of another outlet are read as an article's briefing is, by the same
:class:`~summaries.summarize.readable.Readability`: an article's briefing is cut into
passages, each sentence kept with the one before it when the two cannot be taken apart
(it opens by pointing back, "He said", "But"; it is a quotation that names nobody,
whose speaker is named before it; it goes on with a quotation the one before left open,
unless that quotation's speaker is named after it; the one before ends in a colon). A
passage is taken whole, as one sentence of the story's briefing with its outlet after
it, or not at all; its sentences count towards the limit; one whose quotation marks do
not balance is not taken.

REDUNDANT_SHARE was set on ``tests/data/redundancy_pairs.jsonl`` (pairs of sentences
from stories told twice, labelled "says the same" or "adds a fact", written for the
tests): on its first 42 pairs any value between 0.5 and 0.67 separates them alike (41
right), 0.6 is the round one in that range; with the 12 added later (times, dates and
amounts shared by restatements and by new facts alike) any value between 0.51 and 0.71
gets 50 of the 54 right.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from math import sqrt

from summaries.language import UNSPACED, language_name, language_tools
from summaries.models import StoredArticle, Story, StorySentence
from summaries.quotes import scan
from summaries.sentences import OfflineTokenizer
from summaries.summarize.readable import Readability
from summaries.summarize.terms import content_terms_of

REDUNDANT_SHARE = 0.6


def brief_story(
    articles: Sequence[StoredArticle], sentences: int, max_chars: int
) -> tuple[StorySentence, ...]:
    """The story briefing of ``articles`` (in story order), or () when fewer than two of
    them have a briefing: one article's briefing is the story's as it is."""
    briefed = [a for a in articles if a.briefing]
    if len(briefed) < 2:
        return ()
    languages = {a.id: _language(a.language) for a in briefed}
    passages = {a.id: passages_of(a.briefing, languages[a.id]) for a in briefed}
    terms = {
        a.id: _terms_of([" ".join(p) for p in passages[a.id]], languages[a.id]) for a in briefed
    }
    reported = {a.id: set().union(*terms[a.id]) for a in briefed}
    lede = max(
        briefed, key=lambda a: (_coverage(a, briefed, terms, reported), -briefed.index(a))
    )
    first = _joined(passages[lede.id][0], languages[lede.id])
    chosen = [StorySentence(first, lede.id, lede.source)]
    chosen_terms = [terms[lede.id][0]]
    used = len(first) + _attribution(lede.source)
    count = len(passages[lede.id][0])
    for article, rank in _candidates(lede, briefed, passages):
        passage = passages[article.id][rank]
        if count + len(passage) > sentences:
            continue
        found = terms[article.id][rank]
        if not found or any(redundancy(found, said) >= REDUNDANT_SHARE for said in chosen_terms):
            continue
        text = _joined(passage, languages[article.id])
        cost = 1 + len(text) + _attribution(article.source)
        if used + cost > max_chars or not _balanced(text):
            continue
        chosen.append(StorySentence(text, article.id, article.source))
        chosen_terms.append(found)
        used += cost
        count += len(passage)
    return tuple(chosen)


def passages_of(briefing: Sequence[str], language: str = "english") -> list[tuple[str, ...]]:
    """The sentences of an article's ``briefing`` in passages that read alone, as
    :class:`~summaries.summarize.readable.Readability` reads an article (see the module's
    doc): the briefing is read as one paragraph, so a quotation left open goes on."""
    readability = Readability.of_paragraphs([briefing], language)
    return [tuple(briefing[i] for i in run) for run in readability.passages()]


def _balanced(text: str) -> bool:
    found = scan(text)
    return not found.open and not found.stray


def _joined(passage: Sequence[str], language: str) -> str:
    return ("" if language in UNSPACED else " ").join(passage)


def _language(code: str | None) -> str:
    """The name of the language ``code`` (English when not known), as its tools are found."""
    return language_name(code or "english") or "english"


def story_sentences(story: Story) -> tuple[str, ...]:
    """The story's briefing as plain lines: its own, each sentence followed by its outlet
    in brackets when it quotes more than one; else its lead article's."""
    if not story.briefing:
        return tuple(story.lead.briefing)
    if len({s.source for s in story.briefing}) == 1:
        return tuple(s.text for s in story.briefing)
    return tuple(attributed(s.text, s.source) for s in story.briefing)


def attributed(sentence: str, outlet: str | None) -> str:
    """A sentence of a story briefing as shown with its outlet: "... (Coastal Times)"."""
    return f"{sentence} ({outlet})" if outlet else sentence


def redundancy(candidate: set[str], said: set[str]) -> float:
    """The share of ``candidate``'s content terms that ``said`` holds already."""
    return len(candidate & said) / len(candidate) if candidate else 1.0


def sentence_terms(sentence: str, language: str | None = None) -> set[str]:
    """The content terms of ``sentence`` (in ``language``; English when not known) as
    story briefings compare them."""
    return _terms_of([sentence], _language(language))[0]


def _terms_of(sentences: list[str], language: str) -> list[set[str]]:
    """:func:`sentence_terms` of each of ``sentences``, in ``language`` (its name)."""
    found = content_terms_of(sentences, language_tools(language), OfflineTokenizer(language))
    return [set(terms) for terms in found]


def _coverage(
    article: StoredArticle,
    articles: list[StoredArticle],
    terms: dict[int, list[set[str]]],
    reported: dict[int, set[str]],
) -> float:
    """How much of what the other articles report (``reported``: each one's terms)
    ``article``'s lede says."""
    lede = terms[article.id][0]
    if not lede:
        return 0.0
    shared = sum(len(lede & reported[other.id]) for other in articles if other is not article)
    return shared / sqrt(len(lede))


def _candidates(
    lede: StoredArticle,
    articles: list[StoredArticle],
    passages: dict[int, list[tuple[str, ...]]],
) -> Iterator[tuple[StoredArticle, int]]:
    """(article, passage index) after the lede, rank by rank: the other articles first
    (in story order), then the lede article's own passage of that rank."""
    others = [a for a in articles if a is not lede]
    for rank in range(max(len(passages[a.id]) for a in articles)):
        for article in [*others, lede] if rank else others:
            if rank < len(passages[article.id]):
                yield article, rank


def _attribution(source: str | None) -> int:
    """The characters :func:`attributed` adds."""
    return len(attributed("", source))


__all__ = [
    "REDUNDANT_SHARE",
    "attributed",
    "brief_story",
    "passages_of",
    "redundancy",
    "sentence_terms",
    "story_sentences",
]
