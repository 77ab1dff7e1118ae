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
from summaries.grouping.numbers import figures
from summaries.grouping.scripts import one_script, unspaced_pairs
from summaries.grouping.terms import word_terms
from summaries.language import language_tools
from summaries.sentences import OfflineTokenizer, split_paragraphs

LEAD_WORDS = 80  # words of the text (stop words included) that make the lead
TITLE_WEIGHT = 2.0  # a headline word counts as much as two lead words
# A distinctive figure (summaries.grouping.numbers) counts as much as four lead words, in the
# headline or the lead: chosen on the tuning halves of tests/data/story_pairs.jsonl,
# story_pairs_outlets.jsonl, story_pairs_places.jsonl and story_pairs_numbers.jsonl
# (bench/grouping.py): the best F1 from 3.5 to 5, middle 4.25, rounded to 4. A word stem is
# shared by chance by many stories of a day ("cut", "rate", "Tuesday"), which its IDF, a
# logarithm, only partly discounts; a figure such as "4.5%" or "£250,000" is seldom shared
# by two events of a few days, and a round one that is ("100") has a lower IDF.
FIGURE_WEIGHT = 4.0
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
    the lead would be the site's menu. Besides its words, the headline and every sentence the
    lead reaches add their figures (summaries.grouping.numbers); a variety of Serbo-Croatian
    is read in Latin letters (summaries.grouping.scripts). A word of a script written without
    spaces counts as many lead words as the pairs of letters it adds.
    """
    tools = language_tools(language)
    words = OfflineTokenizer(tools.name)
    stop_words = grouping_stop_words(tools.name, tools.stop_words)
    title, text = one_script(title, tools.name), one_script(text, tools.name)

    def terms(word: str) -> tuple[list[str], int]:
        """The terms of a word, and how many lead words it counts for."""
        pairs = unspaced_pairs(word)
        if pairs is not None:
            return pairs, max(1, len(pairs))
        return word_terms(without_elision(word, tools.name), stop_words, tools.stem), 1

    counts: Counter[str] = Counter()
    for term in (t for word in words.to_words(title) for t in terms(word)[0]):
        counts[term] += TITLE_WEIGHT
    seen = set(figures(title, tools.name))  # a figure counts once, however often it is repeated
    counts.update(dict.fromkeys(seen, FIGURE_WEIGHT))
    headline = tuple(sorted(counts))
    left = LEAD_WORDS
    for paragraph in split_paragraphs(text):
        for sentence in words.to_sentences(paragraph):
            for figure in set(figures(sentence, tools.name)) - seen:
                seen.add(figure)
                counts[figure] = FIGURE_WEIGHT
            for word in words.to_words(sentence):
                found, size = terms(word)
                counts.update(found)
                left -= size
                if left <= 0:
                    break
            if left <= 0:
                break
        if left <= 0:
            break
    terms = tuple(sorted((t, float(w)) for t, w in counts.items()))
    return Fingerprint(terms, tools.name, headline)
