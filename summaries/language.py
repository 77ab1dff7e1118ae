"""Per-language word tools for sumy: a memoised stemmer and the stop-word list.

Everything here ships inside sumy and NLTK's code (Snowball stemmers); no data is
downloaded. Stemming is the hot path of summarizing, and news repeats its words,
so each language's stemmer remembers what it has stemmed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from summaries.errors import ConfigError

_STEM_MEMO_SIZE = 200_000


@dataclass(frozen=True, slots=True)
class LanguageTools:
    name: str
    stem: Callable[[str], str]
    stop_words: frozenset[str]


@lru_cache(maxsize=16)
def language_tools(name: str) -> LanguageTools:
    """The stemmer and stop words of ``name`` (e.g. "english", "german")."""
    key = name.strip().lower()
    try:
        stemmer = Stemmer(key)
    except LookupError:
        raise ConfigError(
            f"Language {name!r} is not supported: sumy has no stemmer for it "
            f"(try one of: {', '.join(supported_languages())})."
        ) from None
    try:
        stop_words = frozenset(get_stop_words(key))
    except LookupError:
        stop_words = frozenset()
    return LanguageTools(key, lru_cache(maxsize=_STEM_MEMO_SIZE)(stemmer), stop_words)


def supported_languages() -> list[str]:
    import nltk.stem.snowball as snowball

    names = {lang for lang in snowball.SnowballStemmer.languages if lang != "porter"}
    names |= {lang for lang in Stemmer.SPECIAL_STEMMERS}
    return sorted(names)
