"""An article's story fingerprint: the weighted stems of its headline and its lead.

The fingerprint holds the stemmed content words (stop words dropped) of the headline,
counted twice, and of the first ``LEAD_WORDS`` words of the cleaned text. News puts the
event (who, what, where, when) in the headline and the first paragraph, so the lead carries
the story while the rest of an article drifts into background that related stories share.
Two outlets rarely share sentences (see ../shared/articles 002 and 003), so word-shingle
methods such as MinHash find little; single stemmed words still overlap.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from summaries.function_words import grouping_stop_words, without_elision
from summaries.grouping.terms import word_terms
from summaries.language import language_tools
from summaries.sentences import OfflineTokenizer, split_paragraphs

LEAD_WORDS = 80  # words of the text (stop words included) that make the lead
TITLE_WEIGHT = 2.0  # a headline word counts as much as two lead words
_FORMAT = 2  # version of the JSON form of a fingerprint


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What story grouping compares: weighted stems of an article's headline and lead."""

    terms: tuple[tuple[str, float], ...]  # (stem, weight), sorted by stem
    language: str = "english"
    headline: tuple[str, ...] = ()  # the stems of the headline, sorted

    def to_json(self) -> str:
        """A compact JSON form, for storing next to the article."""
        return json.dumps(
            {
                "v": _FORMAT,
                "language": self.language,
                "terms": [list(t) for t in self.terms],
                "headline": list(self.headline),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, data: str) -> Fingerprint:
        """Read what `to_json` wrote; ValueError if it is anything else."""
        try:
            raw = json.loads(data)
            if raw["v"] != _FORMAT or not isinstance(raw["language"], str):
                raise ValueError
            terms = tuple((str(t), float(w)) for t, w in raw["terms"])
            headline = tuple(sorted(str(t) for t in raw["headline"]))
        except (ValueError, TypeError, KeyError) as error:
            raise ValueError(f"not a story fingerprint: {data[:60]!r}") from error
        return cls(tuple(sorted(terms)), raw["language"], headline)


def fingerprint(title: str, text: str, language: str = "english") -> Fingerprint:
    """The fingerprint of an article: its headline and the lead of its cleaned text.

    `text` should already be cleaned (`summaries.clean.clean_text`): on a raw scraped page
    the lead would be the site's menu.
    """
    tools = language_tools(language)
    words = OfflineTokenizer(tools.name)
    stop_words = grouping_stop_words(tools.name, tools.stop_words)
    counts: Counter[str] = Counter()
    for word in words.to_words(title):
        for term in word_terms(without_elision(word, tools.name), stop_words, tools.stem):
            counts[term] += TITLE_WEIGHT
    headline = tuple(sorted(counts))
    left = LEAD_WORDS
    for paragraph in split_paragraphs(text):
        for sentence in words.to_sentences(paragraph):
            lead = words.to_words(sentence)[:left]
            for word in lead:
                counts.update(word_terms(without_elision(word, tools.name), stop_words, tools.stem))
            left -= len(lead)
            if left <= 0:
                break
        if left <= 0:
            break
    terms = tuple(sorted((t, float(w)) for t, w in counts.items()))
    return Fingerprint(terms, tools.name, headline)
