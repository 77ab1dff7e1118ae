"""Per-language word tools for sumy: a memoised stemmer and the stop-word list.

Everything here ships inside sumy and NLTK's code (Snowball stemmers); no data is
downloaded. Stemming is the hot path of summarizing, and news repeats its words,
so each language's stemmer remembers what it has stemmed.

sumy is imported when the first tools are made, in the processes that summarize or
group: importing it loads NLTK and numpy (about 50 MB), which a process that only
checks a setting (the command line, the bot) need not hold. :data:`LANGUAGES` lets
it check a language's name without them, and the tools of a language named so are
made without sumy's look-up of language codes, which loads pycountry's table of every
language (10 MB) into each worker.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from summaries.errors import ConfigError, InvalidOptionError
from summaries.near_names import did_you_mean

_STEM_MEMO_SIZE = 200_000

# The languages sumy has a stemmer for: its own (Czech, Greek...) and NLTK's Snowball
# stemmers. tests/summaries/test_language.py checks the list against both libraries.
LANGUAGES = (
    "arabic",
    "chinese",
    "czech",
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "greek",
    "hebrew",
    "hungarian",
    "italian",
    "japanese",
    "korean",
    "norwegian",
    "polish",
    "portuguese",
    "romanian",
    "russian",
    "slovak",
    "spanish",
    "swedish",
    "ukrainian",
)


# The ISO 639-1 code of each language of LANGUAGES: what a detector answers, and what a
# user may type for a source's language ("language=de"). Greek and Polish are briefed on
# their words as written when sumy's stemmer for them cannot run (see ``_works``).
CODES = {
    "ar": "arabic",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "he": "hebrew",
    "hu": "hungarian",
    "it": "italian",
    "ja": "japanese",
    "ko": "korean",
    "nl": "dutch",
    "nn": "norwegian",  # Nynorsk: Norwegian's stemmer and stop words fit it best
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sk": "slovak",
    "sv": "swedish",
    "uk": "ukrainian",
    "zh": "chinese",
}

# The languages sumy has no stemmer for that the detector names (by an ISO 639-1 code; a
# living language, not a constructed or a classical one: Esperanto, Latin). Some are
# written in scripts of their own (Thai, Lao, Khmer, Burmese, Armenian, Georgian, Amharic's
# Ge'ez, Tibetan, Thaana, the Brahmic scripts of South Asia), others in letters a language
# of LANGUAGES shares: Urdu and Persian in Arabic's, whose stemmer strips Arabic's
# affixes, Turkish, Indonesian or Croatian in Latin letters, Bulgarian or Kazakh in
# Cyrillic. An article the detector finds in one of them is read as written (its words as
# they stand, no stop words) under that language's name: the configured language (English,
# say) would be a wrong claim when stored, would group its stories with that language's,
# and its stemmer and stop words would cut and count the words of another language.
AS_WRITTEN = {
    "af": "afrikaans",
    "am": "amharic",
    "an": "aragonese",
    "as": "assamese",
    "av": "avaric",
    "az": "azerbaijani",
    "ba": "bashkir",
    "be": "belarusian",
    "bg": "bulgarian",
    "bn": "bengali",
    "bo": "tibetan",
    "br": "breton",
    "bs": "bosnian",
    "ca": "catalan",
    "ce": "chechen",
    "co": "corsican",
    "cv": "chuvash",
    "cy": "welsh",
    "dv": "dhivehi",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fy": "frisian",
    "ga": "irish",
    "gd": "scottish gaelic",
    "gl": "galician",
    "gn": "guarani",
    "gu": "gujarati",
    "gv": "manx",
    "hi": "hindi",
    "hr": "croatian",
    "ht": "haitian creole",
    "hy": "armenian",
    "id": "indonesian",
    "is": "icelandic",
    "jv": "javanese",
    "ka": "georgian",
    "kk": "kazakh",
    "km": "khmer",
    "kn": "kannada",
    "ku": "kurdish",
    "kv": "komi",
    "kw": "cornish",
    "ky": "kyrgyz",
    "lb": "luxembourgish",
    "li": "limburgish",
    "lo": "lao",
    "lt": "lithuanian",
    "lv": "latvian",
    "mg": "malagasy",
    "mk": "macedonian",
    "ml": "malayalam",
    "mn": "mongolian",
    "mr": "marathi",
    "ms": "malay",
    "mt": "maltese",
    "my": "burmese",
    "ne": "nepali",
    "oc": "occitan",
    "or": "odia",
    "os": "ossetian",
    "pa": "punjabi",
    "ps": "pashto",
    "qu": "quechua",
    "rm": "romansh",
    "sc": "sardinian",
    "sd": "sindhi",
    "sh": "serbo-croatian",
    "si": "sinhala",
    "sl": "slovenian",
    "so": "somali",
    "sq": "albanian",
    "sr": "serbian",
    "su": "sundanese",
    "sw": "swahili",
    "ta": "tamil",
    "te": "telugu",
    "tg": "tajik",
    "th": "thai",
    "tk": "turkmen",
    "tl": "tagalog",
    "tr": "turkish",
    "tt": "tatar",
    "ug": "uyghur",
    "ur": "urdu",
    "uz": "uzbek",
    "vi": "vietnamese",
    "wa": "walloon",
    "yi": "yiddish",
    "yo": "yoruba",
}

# Varieties of one macrolanguage (ISO 639-3's), by the codes the detector names them with,
# the macrolanguage's own code first: it tells them apart poorly and splits its confidence
# among them (a Croatian text: hr 0.42, sr 0.28, sh 0.14), so summaries.detection sums
# their scores into one answer, named after the variety it rates highest when that one is
# well ahead of the others, else after the macrolanguage (see :func:`macrolanguage_of`);
# and a page's <html lang> naming one variety is not contradicted by text detected as
# another. The detector's "als" is Alemannic (Wikipedia's code), not Tosk Albanian: not
# Albanian's.
VARIETIES = (
    ("sh", "hr", "bs", "sr"),  # Serbo-Croatian: Croatian, Bosnian, Serbian
    ("ms", "id", "min"),  # Malay: Malaysian, Indonesian, Minangkabau
    ("no", "nn"),  # Norwegian: Bokmål, Nynorsk
    ("ar", "arz"),  # Arabic: Standard, Egyptian
    ("az", "azb"),  # Azerbaijani: Northern, Southern
    ("ku", "ckb"),  # Kurdish: Kurmanji, Sorani
    ("ne", "dty"),  # Nepali: Nepali, Doteli
    ("zh", "wuu", "yue", "gan"),  # Chinese: Mandarin, Wu, Cantonese, Gan
)
MACROLANGUAGE = {code: group[0] for group in VARIETIES for code in group}

_NAMES = frozenset(CODES.values())
_AS_WRITTEN_NAMES = frozenset(AS_WRITTEN.values())

# Languages written without spaces between words: a segmenter finds the words, and their
# own punctuation (。！？) ends sentences (see summaries.sentences and summaries.cjk).
UNSPACED = frozenset({"chinese", "japanese"})

# Languages that write every noun with a capital: a short sentence of theirs has the shape
# of an English Title-Case headline ("Die Lufthansa streicht Tausende Flüge."), so cleaning
# tells the two apart by more than capitals (see summaries.clean._rules).
NOUN_CAPITALISING = frozenset({"german"})


@dataclass(frozen=True, slots=True)
class LanguageTools:
    name: str
    stem: Callable[[str], str]
    stop_words: frozenset[str]


@lru_cache(maxsize=16)
def language_tools(name: str) -> LanguageTools:
    """The stemmer and stop words of ``name`` (e.g. "english", "german", or a code: "de")."""
    key = language_name(name) or name.strip().lower()
    if key in _AS_WRITTEN_NAMES:
        return LanguageTools(key, _unstemmed, frozenset())
    stemmer, stop_words = _listed(key) if key in LANGUAGES else _other(name)
    return LanguageTools(key, lru_cache(maxsize=_STEM_MEMO_SIZE)(stemmer), stop_words)


def _listed(key: str) -> tuple[Callable[[str], str], frozenset[str]]:
    """What sumy's ``Stemmer(key)`` and ``get_stop_words(key)`` give, for a language of
    :data:`LANGUAGES`: its own stemmer or NLTK's Snowball one, and its stop-word file."""
    import nltk.stem.snowball
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import parse_stop_words

    stemmer = Stemmer.SPECIAL_STEMMERS.get(key)
    if stemmer is None:
        stemmer = getattr(nltk.stem.snowball, f"{key.capitalize()}Stemmer")().stem
    elif not _works(stemmer):
        stemmer = _unstemmed
    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{key}.txt")
    except OSError:
        data = None
    return stemmer, parse_stop_words(data) if data else frozenset()


def _works(stemmer: Callable[[str], str]) -> bool:
    """Whether one of sumy's own stemmers can run here: its Polish and Greek ones import a
    package of their own at the first word (pystempel loads a 200 MB table in seconds, so
    it is not a dependency), and raise when it is missing."""
    try:
        stemmer("test")
    except (ImportError, ValueError):
        return False
    return True


def _unstemmed(word: str) -> str:
    """A language whose stemmer cannot run is briefed on its words as written: ranking
    then counts "port" and "portu" as two words, which costs a little, not the briefing."""
    return word.lower()


def _other(name: str) -> tuple[Callable[[str], str], frozenset[str]]:
    """sumy's stemmer and stop words for another spelling ("en", "deu"), or ConfigError."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    key = name.strip().lower()
    try:
        stemmer = Stemmer(key)
    except LookupError:
        raise ConfigError(unknown_language(name)) from None
    try:
        stop_words = frozenset(get_stop_words(key))
    except LookupError:
        stop_words = frozenset()
    return stemmer, stop_words


def check_language(name: str) -> None:
    """ConfigError unless :func:`language_tools` takes ``name``; a name or code of
    :func:`language_name` is taken without loading sumy, another spelling ("eng") is left
    to sumy to judge."""
    if language_name(name) is None:
        language_tools(name)


def language_name(value: str) -> str | None:
    """The name in :data:`LANGUAGES` of a language of :data:`CODES` given by that name or
    its code ("de", "German" -> "german"), or of one of :data:`AS_WRITTEN` ("th" ->
    "thai"); None for any other."""
    key = value.strip().lower()
    if key in _NAMES or key in _AS_WRITTEN_NAMES:
        return key
    return CODES.get(key) or AS_WRITTEN.get(key)


def one_language(first: str, second: str) -> bool:
    """Whether two names of :func:`language_name` are one language: the same, or varieties
    of one macrolanguage (see VARIETIES: "croatian" and "bosnian")."""
    return macrolanguage_of(first) == macrolanguage_of(second)


@lru_cache(maxsize=256)
def macrolanguage_of(name: str) -> str:
    """The name of the macrolanguage that the language ``name`` (a name or a code of
    :func:`language_name`) is a variety of, itself included ("croatian", "bosnian" and
    "serbo-croatian" -> "serbo-croatian"; "indonesian" -> "malay"); else its name as
    :func:`canonical_language` gives it ("english")."""
    key = canonical_language(name)
    return _MACROLANGUAGE_NAMES.get(key, key)


_MACROLANGUAGE_NAMES = {
    named: language_name(group)
    for code, group in MACROLANGUAGE.items()
    if (named := language_name(code)) is not None
}


def canonical_language(value: str) -> str:
    """``value`` as :func:`language_name` names it when it can ("en" -> "english"), else as
    given (another spelling sumy takes): the configured fallback, compared with detected
    languages."""
    return language_name(value) or value.strip().lower()


def declared_language(value: str) -> str:
    """The name of a language a user declared (a source's, the command line's), or
    InvalidOptionError saying which are known."""
    name = language_name(value)
    if name is None:
        raise InvalidOptionError(unknown_language(value))
    return name


def unknown_language(value: str) -> str:
    """What to tell a person who named a language the bot does not know: the known names
    nearest to it, if any, and how a language is named (not the ~120 codes themselves,
    which a chat reply shows as a wall of letters)."""
    given = value.strip()[:40]
    names = sorted(_NAMES | _AS_WRITTEN_NAMES)
    guess = did_you_mean(given, names, cutoff=0.75)
    return (
        f"Language {given!r} is not one the bot can summarize{guess}; give a language's "
        'English name or its two-letter ISO 639-1 code, as in "turkish" or "tr".'
    )
