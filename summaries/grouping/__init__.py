"""Story grouping: do two articles report the same news event?

Method: TF-IDF cosine over the headline and the lead, one module a step:

- :mod:`.fingerprints`: an article's fingerprint, the weighted stems of its headline and
  lead (:mod:`.terms`: what one word adds to it; :mod:`.numbers`: the figures that count;
  :mod:`.scripts`: Serbian Cyrillic read as Latin, letters of unspaced scripts in pairs);
- :mod:`.weights`: IDF weights from the window the article is compared with;
- :mod:`.scores`: the cosine, the event evidence beyond the pair's subject
  (:mod:`.subject`) and the decay with the time between two articles;
- :mod:`.grouper`: :class:`StoryGrouper`, which compares an article only with the articles
  published within a window of it (72 hours by default; the fetch time stands in for a
  missing date), each similarity times :func:`time_decay`, as the bench scores pairs
  (:mod:`.window_cosine`: its exact score of one candidate), and only with articles of its
  language, the varieties of one macrolanguage (Croatian, Serbian, Bosnian) being one.

``SAME_STORY_THRESHOLD`` was chosen by measurement on the tuning halves of
tests/data/story_pairs.jsonl and tests/data/story_pairs_outlets.jsonl (hard negatives from
one outlet); ``python bench/grouping.py`` prints how it was chosen and its precision and
recall.
"""

from summaries.grouping.fingerprints import LEAD_WORDS, TITLE_WEIGHT, Fingerprint, fingerprint
from summaries.grouping.grouper import StoryGrouper
from summaries.grouping.scores import (
    EVENT_EVIDENCE,
    SAME_STORY_THRESHOLD,
    event_evidence,
    similarity,
    story_score,
    story_similarity,
    time_decay,
)
from summaries.grouping.weights import MIN_IDF_DOCS, TermWeights, term_weights

__all__ = [
    "EVENT_EVIDENCE",
    "LEAD_WORDS",
    "MIN_IDF_DOCS",
    "SAME_STORY_THRESHOLD",
    "TITLE_WEIGHT",
    "Fingerprint",
    "StoryGrouper",
    "TermWeights",
    "event_evidence",
    "fingerprint",
    "similarity",
    "story_score",
    "story_similarity",
    "term_weights",
    "time_decay",
]
