"""Each language's abbreviations and sentence starters: what splitting needs besides
punctuation (see :mod:`summaries.sentences`).

English's are the defaults; another language adds its own abbreviations (those written
in lowercase too, and those that often end a sentence) and the words that often open a
sentence in it; German reads "am 3. Oktober" as an ordinal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "ABBREVIATIONS",
    "ENGLISH",
    "LOWERCASE_ABBREVIATIONS",
    "NUMBER_ABBREVIATIONS",
    "SENTENCE_FINAL_ABBREVIATIONS",
    "SENTENCE_STARTERS",
    "Rules",
    "rules_for",
]

# Abbreviations that take a final period, lowercase, without that period.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms messrs mme mlle dr prof st sr jr rev fr hon rt pres gen gov sen sens rep reps
    col lt maj capt cpt sgt cpl adm cmdr brig supt insp det
    inc ltd co corp cos plc llc bros assn dept univ govt
    vs v etc al e.g i.e cf viz approx est ca
    u.s u.k u.n u.s.a e.u d.c n.y l.a ph.d a.k.a a.m p.m
    jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft ave rd blvd hwy
    ala ariz ark calif colo conn fla ga kan ky md mich minn mont neb nev okla pa tenn tex
    va vt wis wyo
    """.split()
)

# Abbreviations that often end a sentence: after one of these (or an initial) a
# period still ends the sentence when a word from SENTENCE_STARTERS follows.
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    inc ltd co corp cos plc llc bros jr sr etc al
    u.s u.k u.n u.s.a e.u d.c n.y l.a ph.d a.m p.m
    jan feb mar apr jun jul aug sep sept oct nov dec ave rd blvd
    ala ariz ark calif colo conn fla ga kan ky md mich minn mont neb nev okla pa tenn tex
    va vt wis wyo
    """.split()
)

# Abbreviations only before a number ("No. 10", "vol. 2"); elsewhere "no." is a word.
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset("no nos nr vol vols pp fig figs".split())

# Abbreviations also written in lowercase; any other lowercase word is a plain word
# ("the sales rep. The" ends a sentence, "Rep. Smith" does not).
LOWERCASE_ABBREVIATIONS: frozenset[str] = (
    frozenset("vs v etc al e.g i.e cf viz approx est ca a.m p.m".split()) | NUMBER_ABBREVIATIONS
)

# Capitalised words that almost always start a sentence rather than continue a name.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """
    The A An This That These Those There Here It Its He His She Her They Their We Our I You
    But And Or So Yet Then However Meanwhile In On At For If When While After As
    """.split()
)

# Other languages' abbreviations that take a final period (lowercase, without it), each
# written in lowercase too; and those of them that often end a sentence.
_OTHER_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "german": (
        "abb abs abt bd bspw bzw ca chr dipl evtl ggf hl hrsg inkl jh jhd mio mrd nr nrn "
        "prof sog std str tel usw vgl z.b d.h u.a o.a u.u z.t s.o s.u v.a i.d.r",
        "usw etc chr",
    ),
    "french": ("mme mlle mm me pr av bd boul env hab p.ex cf vol ch art", ""),
    "spanish": ("sr sra sres srta dña avda pág núm tel ee.uu uu aprox", "ee.uu uu"),
    # (Italian, Dutch and Polish write a title in lowercase: "il prof. Rossi", "wethouder
    # dr. Jansen", "prof. Jan Kowalski"; Polish "ok. 5 mln" is "about". Those that are
    # also words end sentences too: Italian "la prof" is a teacher, Dutch "werd prof" is
    # turned professional, Polish "jest ok" is okay and "trwała 2 godz." hours)
    "italian": ("sig sigg dott avv ing arch geom pag ecc prof dr", "ecc prof"),
    "portuguese": ("sr sra srs dra av pág núm tel aprox", ""),
    "dutch": ("dhr mevr drs ir ing mr nl bijv ca jl z.g.a.n o.a d.w.z m.a.w dr prof", "prof"),
    # (not "itd." nor "itp.", which end sentences, nor "im.", "lek." and "gen.", which are
    # also words: "Dziękujemy im.", "Lekarz przepisał nowy lek.")
    "polish": (
        "prof dr hab inż mgr ks św płk mjr kpt ok ds np m.in tzw tj tzn ul godz",
        "ok godz",
    ),
    # "в 2020 г.", "МГУ им. Ломоносова", "т. е.", "ул. Ленина", "проф. Иванов", "и др.".
    # One that is also a word or a unit ("помочь им.", "новый ген.", "другой полк.",
    # "рис.", "180 см.") often ends a sentence as well.
    "russian": (
        "г гг им т.е т.д т.п т.к т.н ул пр пл просп д кв проф акад доц ген полк др см стр "
        "рис тыс млн млрд руб коп н.э напр",
        "г гг т.д т.п др пр тыс млн млрд руб коп н.э им ген полк см рис",
    ),
    "ukrainian": (
        "р рр ім т.зв т.д т.п т.б вул просп пл д кв проф акад доц ген др див стор тис млн "
        "млрд грн коп н.е напр",
        "р рр т.д т.п др тис млн млрд грн коп н.е ген див",
    ),
    # "ο κ. Παπαδόπουλος", "ο Δρ. Νικολάου", "ο καθ. Γεωργίου", "π.χ.", "κ.λπ.", "π.Χ."
    "greek": ("κ κα δρ καθ π.χ κ.λπ κλπ μ.χ αρ σελ τηλ λ.χ οδ", "κ.λπ κλπ π.χ μ.χ"),
}
# The words that often open a sentence in a language with abbreviations of its own whose
# period may end one too (Russian "в 2020 г. В Москве"): SENTENCE_STARTERS' counterparts.
# A function word (a preposition, a pronoun, an adverb of time) is written with a capital
# only where it opens a sentence, so after "в 2020 г." it tells a sentence end, as a name
# ("в 2020 г. Москва приняла") does not. Which of the two "в 1999 г. Москва тогда была
# другой" is, the end of "Он родился в 1999 г." or the date that opens "В 1999 г. Москва
# приняла закон", only the clause before it tells (whether it already has its verb): that
# takes a parser or a list of verbs, so a name after "г." goes on with the sentence.
_OTHER_STARTERS: dict[str, str] = {
    "russian": "В На По Но А И Он Она Оно Они Это Этот Эта Эти Как Когда После При Для Так "
    "Там Тогда Однако Также Кроме Мы Я Вы Его Её Их Все Уже Сейчас Теперь Потом Затем "
    "Позже Ранее Вчера Сегодня Поэтому Впрочем Например Из С К У О Об От До Во Со За",
    "ukrainian": "В У На По Але А І Він Вона Воно Вони Це Цей Ця Ці Як Коли Після При Для "
    "Так Там Тоді Однак Також Крім Ми Я Ви Його Її Їх Усі Вже Зараз Тепер Потім Згодом "
    "Пізніше Раніше Вчора Сьогодні Тому Наприклад З Із До Від Про За",
    "greek": "Ο Η Το Οι Τα Τον Την Στο Στη Στην Σε Με Για Από Αυτό Αυτός Αυτή Αλλά Όμως "
    "Ωστόσο Επίσης Μετά Έτσι Εκεί Τότε Όταν Καθώς",
    # (not the articles and prepositions that also open surnames after a title: Italian
    # "La", "Lo", "Le", "De", "Di", "Del", "Da", "Dal" of "il prof. La Russa", "Di Maio",
    # Dutch "De", "Van", "Den", "Ter", "Ten" of "dr. De Vries")
    "italian": "Il I Gli Un Una Uno Questo Questa Questi Queste Quel Quella Ma E Poi Nel "
    "Nella Per In Con Secondo Lui Lei Loro Non Ci Si Ora Oggi Ieri Dopo Quando Anche Intanto "
    "Inoltre Tuttavia Però Così Qui Allora Mentre Già È Sono Era Noi Io",
    "dutch": "Het Een Hij Zij Ze Dat Dit Die Deze Er In Op Maar En Ook Toen Nu Daarna Volgens "
    "We Wij Ik Hun Zijn Haar Na Bij Met Voor Als Sinds Dan Daar Daarom Eerder Later Vorig",
    "polish": "W We Na Po Ale A I On Ona Ono Oni One To Ten Ta Te Ci Jak Kiedy Gdy Dla Tak "
    "Tam Wtedy Jednak Także Również My Ja Wy Jego Jej Ich Już Teraz Potem Następnie Później "
    "Wcześniej Wczoraj Dziś Dzisiaj Jutro Dlatego Z Ze Do Od O Przez Nie Co Czy Według",
}

# What often starts a German sentence: after "am 3." such a word makes the full stop a
# sentence end ("Er wurde 88. Die Familie"); any other capital makes it an ordinal
# ("am 3. Oktober", "der 2. Weltkrieg").
_GERMAN_STARTERS: frozenset[str] = frozenset(
    """
    Der Die Das Den Dem Des Ein Eine Einer Er Sie Es Wir Ich Ihr Man Dies Diese Dieser
    Dieses Damit Dabei Dann Danach Doch Aber Und Auch Als Am Im In Auf Aus Bei Mit Nach
    Seit Vor Zum Zur Für Wie Was Wer Wo Wenn Nun So Noch Bis
    """.split()
)


@dataclass(frozen=True, slots=True)
class Rules:
    """What a language's splitting needs besides punctuation (see the module's doc)."""

    abbreviations: frozenset[str]
    sentence_final: frozenset[str]
    lowercase: frozenset[str]
    starters: frozenset[str]
    ordinals: bool = False  # "3." before a capitalised word is an ordinal (German)


def _other_scripts() -> Rules:
    """English's rules, and the abbreviations and sentence starters of the languages
    above that are written in another script than Latin (Russian, Ukrainian, Greek).

    Those words can never be English ones, so the rules of English, which also read
    every language without rules of its own (an undetected one, a title), read "в 2020
    г. Потом ..." as a Russian reader does. Latin-script languages' words stay out:
    "me", "art" or "bd" are English words too.
    """
    own = frozenset(w for words, _ in _OTHER_ABBREVIATIONS.values() for w in _not_latin(words))
    final = frozenset(w for _, words in _OTHER_ABBREVIATIONS.values() for w in _not_latin(words))
    starters = frozenset(w for text in _OTHER_STARTERS.values() for w in _not_latin(text))
    return Rules(
        ABBREVIATIONS | own,
        SENTENCE_FINAL_ABBREVIATIONS | final,
        own,
        SENTENCE_STARTERS | starters,
    )


def _not_latin(words: str) -> list[str]:
    """Those of `words` without a letter of the Latin script (Basic Latin to Latin
    Extended-B: "pág" and "dña" are Spanish)."""
    return [
        w for w in words.split() if not any("a" <= c <= "z" or "\u00c0" <= c <= "\u024f" for c in w)
    ]


ENGLISH = _other_scripts()


@lru_cache(maxsize=32)
def rules_for(language: str) -> Rules:
    """The splitting rules of ``language`` (a name of summaries.language.LANGUAGES); the
    English rules for English and any language without rules of its own."""
    extra, final = _OTHER_ABBREVIATIONS.get(language, ("", ""))
    if language == "english" or not (extra or language == "german"):
        return ENGLISH
    own = frozenset(extra.split())
    german = language == "german"
    return Rules(
        ABBREVIATIONS | own,
        SENTENCE_FINAL_ABBREVIATIONS | frozenset(final.split()),
        own,
        _GERMAN_STARTERS if german else _starters(language),
        ordinals=german,
    )


def _starters(language: str) -> frozenset[str]:
    """The sentence starters of ``language``: its own, or English's; a language of the
    Latin script's with English's (an English sentence quoted in it opens so too)."""
    own = _OTHER_STARTERS.get(language)
    if not own:
        return SENTENCE_STARTERS
    words = frozenset(own.split())
    return words if _not_latin(own) else words | SENTENCE_STARTERS
