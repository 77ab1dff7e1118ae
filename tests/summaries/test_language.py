"""The languages the settings accept without loading sumy are the ones sumy has a stemmer
for, and their tools are exactly sumy's."""

from __future__ import annotations

import nltk.stem.snowball as snowball
import pytest
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from summaries.errors import ConfigError
from summaries.language import LANGUAGES, check_language, language_tools

WORDS = ("running", "cities", "nationalité", "Häuser", "говорить", "programación", "rápidos")


def test_the_list_of_languages_is_sumys():
    found = {name for name in snowball.SnowballStemmer.languages if name != "porter"}
    assert list(LANGUAGES) == sorted(found | set(Stemmer.SPECIAL_STEMMERS))


@pytest.mark.parametrize("name", LANGUAGES)
def test_a_listed_language_has_sumys_stemmer_and_stop_words(name):
    tools = language_tools(name)
    try:
        stop_words = frozenset(get_stop_words(name))
    except LookupError:
        stop_words = frozenset()
    assert tools.stop_words == stop_words
    sumys = [_stem(Stemmer(name), word) for word in WORDS]
    if any(stem.startswith("refused:") for stem in sumys):  # its package is not installed
        assert [tools.stem(word) for word in WORDS] == [word.lower() for word in WORDS]
    else:
        assert [tools.stem(word) for word in WORDS] == sumys


def test_other_spellings_are_left_to_sumy():
    check_language(" English ")
    check_language("en")  # an ISO code sumy knows
    assert language_tools("en").stop_words == language_tools("english").stop_words
    with pytest.raises(ConfigError, match="Language 'klingon' is not one the bot can summarize"):
        check_language("klingon")


def _stem(stem, word: str) -> str:
    try:
        return stem(word)
    except ValueError as error:  # sumy's Greek and Polish stemmers need a package of their own
        return f"refused: {error}"
