"""Words that open a sentence by pointing back: "He said", "But", "However", "The company".

A briefing's first sentence that opens so refers to something the reader never saw,
unless the sentence before it in the article is taken too (see :mod:`readable`).
Each language lists its personal pronouns and possessives, its demonstratives and the
connectives that join a sentence to the one before it; words that also open sentences
on their own are left out (German "Es gibt", Swedish "Det är", Hungarian's article
"Az"). A demonstrative before a word of time opens a sentence on its own ("This year",
"Diese Woche", "Cette année"). Chinese and Japanese are matched by the characters a
sentence begins with (他, 但是, 该, 同社), Korean by its first word (그는, 하지만).
A sentence that opens by naming the speaker of the words before it ("Det säger Anna
Nilsson.", "Das sagte er.", "Así lo dijo X.": see :mod:`attribution`) points back to them,
as "According to her," and its like do to the person named before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summaries.summarize.attribution import names_speaker_before

# language: (words, phrases, demonstratives, words of time after which they stand alone)
_TABLE: dict[str, tuple[str, str, str, str]] = {
    "english": (
        "He She They It Its His Her Their This That These Those But However Also And Or Yet "
        "Still Instead Meanwhile Moreover Furthermore Nevertheless Nonetheless Therefore "
        "Thus Hence Besides Otherwise Likewise Similarly Indeed Then Such Both",
        "In addition|As a result|On the other hand|Even so|By contrast|In contrast|"
        "At the same time|Despite this|Because of this|After that|For that reason|"
        "According to him|According to her|According to them|"
        "The company|The firm|The pair|The couple|The two",
        "This That These Those",
        "year week month morning afternoon evening night weekend summer winter spring autumn "
        "fall season days",
    ),
    "german": (
        "Er Sie Ihr Ihre Sein Seine Dies Diese Dieser Dieses Diesen Aber Doch Jedoch "
        "Allerdings Außerdem Zudem Trotzdem Dennoch Deshalb Daher Deswegen Dabei Dafür "
        "Damit Auch Ebenso Stattdessen Somit Also Demnach",
        "Darüber hinaus|Das Unternehmen|Die beiden|Ihm zufolge|Ihr zufolge|Laut ihm|Laut ihr",
        "Diese Dieser Dieses Diesen",
        "Woche Jahr Monat Sommer Winter Frühjahr Frühling Herbst Wochenende Morgen Abend Saison",
    ),
    "french": (
        "Il Elle Ils Elles Cela Ceci Ça Celui Celle Ceux Celles Mais Cependant Pourtant "
        "Toutefois Néanmoins Donc Ainsi Aussi Également Puis Ensuite Son Sa Ses Leur Leurs "
        "Ce Cette Ces Cet",
        "En outre|Par ailleurs|De plus|En revanche|Par conséquent|Malgré cela|L'entreprise|"
        "Selon lui|Selon elle|Selon eux|Selon elles|D'après lui|D'après elle",
        "Ce Cette Ces Cet",
        "année semaine mois matin soir été hiver printemps automne week-end saison",
    ),
    "spanish": (
        "Él Ella Ellos Ellas Esto Eso Ello Este Esta Estos Estas Pero Además También "
        "Asimismo Su Sus Luego Entonces Así",
        "Sin embargo|No obstante|Por otra parte|Por lo tanto|Por eso|Por ello|La empresa|"
        "Según él|Según ella|Según ellos|Según ellas",
        "Este Esta Estos Estas",
        "año semana mes mañana verano invierno primavera otoño fin temporada",
    ),
    "italian": (
        "Lui Lei Loro Egli Ella Essi Esse Questo Questa Questi Queste Ciò Ma Però Tuttavia "
        "Inoltre Anche Quindi Dunque Pertanto Infatti Suo Sua Suoi Sue",
        "Allo stesso tempo|D'altra parte|L'azienda|Secondo lui|Secondo lei|Secondo loro",
        "Questo Questa Questi Queste",
        "anno settimana mese mattina estate inverno primavera autunno stagione",
    ),
    "portuguese": (
        "Ele Ela Eles Elas Isso Isto Este Esta Estes Estas Esse Essa Mas Porém Contudo "
        "Todavia Entretanto Também Assim Portanto Seu Sua Seus Suas",
        "No entanto|Além disso|Por isso|Por outro lado|A empresa|Segundo ele|Segundo ela|"
        "Segundo eles|Segundo elas",
        "Este Esta Estes Estas Esse Essa",
        "ano semana mês manhã verão inverno primavera outono temporada",
    ),
    "dutch": (
        "Hij Zij Ze Dit Dat Deze Die Maar Echter Toch Ook Bovendien Daarom Daarnaast Zijn Haar Hun",
        "Aan de andere kant|Het bedrijf",
        "Dit Deze",
        "jaar week maand ochtend zomer winter lente herfst seizoen weekend",
    ),
    "polish": (
        "On Ona Ono Oni One Ten Ta To Te Ci Ale Jednak Również Także Ponadto Dlatego Jego "
        "Jej Ich Natomiast",
        "",
        "",
        "",
    ),
    "russian": (
        "Он Она Оно Они Это Этот Эта Эти Но Однако Также Поэтому Его Её Ее Их",
        "Кроме того|Тем не менее",
        "",
        "",
    ),
    "ukrainian": (
        "Він Вона Воно Вони Це Цей Ця Ці Але Однак Проте Також Тому Його Її Їх",
        "Крім того|Тим не менш|Тим не менше",
        "",
        "",
    ),
    "czech": (
        "On Ona Ono Oni Ony To Ten Ta Ale Však Avšak Také Rovněž Proto Jeho Její Jejich",
        "Kromě toho",
        "",
        "",
    ),
    "slovak": (
        "On Ona Ono Oni Ony To Ten Ta Ale Však Avšak Tiež Takisto Preto Jeho Jej Ich",
        "Okrem toho",
        "",
        "",
    ),
    "swedish": (
        "Han Hon De Detta Dessa Men Dock Också Därför Dessutom Hans Hennes Deras",
        "",
        "",
        "",
    ),
    "danish": ("Han Hun De Dette Disse Men Dog Også Derfor Desuden Hans Hendes Deres", "", "", ""),
    "norwegian": (
        "Han Hun De Dette Disse Men Likevel Også Derfor Dessuten Hans Hennes Deres",
        "",
        "",
        "",
    ),
    "finnish": (
        "Hän He Se Ne Tämä Nämä Mutta Kuitenkin Myös Siksi Lisäksi Hänen Heidän",
        "",
        "",
        "",
    ),
    "romanian": (
        "El Ea Ei Ele Acesta Aceasta Aceștia Acestea Dar Însă Totuși Deci Astfel",
        "De asemenea",
        "",
        "",
    ),
    "hungarian": ("Ő Ők Ez Ezek De Azonban Viszont Ezért Továbbá Emellett", "", "", ""),
    "greek": ("Αυτός Αυτή Αυτό Αυτοί Αυτές Αλλά Όμως Ωστόσο Επίσης Επομένως", "", "", ""),
    "arabic": ("هو هي هم هذا هذه لكن ولكن", "", "", ""),
    "hebrew": ("הוא היא הם הן זה זו אבל אולם גם", "עם זאת", "", ""),
    "korean": ("그는 그녀는 그들은 그러나 하지만 그런데 또한 이는 이것은", "", "", ""),
}
# Languages written without spaces: the characters a sentence begins with.
_PREFIXES: dict[str, tuple[str, ...]] = {
    "chinese": tuple(
        "他 她 它 这 此 该 其 但 然而 不过 此外 另外 同时 而且 并且 因此 所以".split()
    ),
    "japanese": tuple("彼 これ それ この その しかし だが ただ また さらに 一方 同社 同氏".split()),
}
_WORD = re.compile(r"[^\W\d_]+")
_LEADING = "\"'“”„‟«»‹›「」『』‘’‚([-–—• "


@dataclass(frozen=True, slots=True)
class _Openers:
    words: frozenset[str]
    phrases: tuple[str, ...]
    demonstratives: frozenset[str]
    time_words: frozenset[str]


@lru_cache(maxsize=32)
def _openers(language: str) -> _Openers | None:
    entry = _TABLE.get(language)
    if entry is None:
        return None
    words, phrases, demonstratives, times = entry
    return _Openers(
        frozenset(words.split()),
        tuple(p for p in phrases.split("|") if p),
        frozenset(demonstratives.split()),
        frozenset(times.split()),
    )


def opens_by_pointing_back(sentence: str, language: str = "english") -> bool:
    """Whether ``sentence`` (of ``language``) opens with a word that points back."""
    text = sentence.lstrip(_LEADING)
    prefixes = _PREFIXES.get(language)
    if prefixes is not None:
        return text.startswith(prefixes)
    openers = _openers(language)
    if openers is None or not text:
        return False
    if names_speaker_before(text, language):  # "Det säger Anna Nilsson.": what she said
        return True
    head = text[:40].replace("’", "'") if "’" in text[:40] else text  # (L’entreprise)
    for phrase in openers.phrases:
        if head.startswith(phrase) and head[len(phrase) : len(phrase) + 1] in (" ", ","):
            return True
    first = _WORD.match(text)
    if (
        first is None
        or first.group() not in openers.words
        or text[first.end() : first.end() + 1] == "-"
    ):
        return False  # (not "Then-President")
    if first.group() in openers.demonstratives:
        following = _WORD.match(text, first.end() + 1)
        if following is not None and following.group() in openers.time_words:
            return False
    return True


__all__ = ["opens_by_pointing_back"]
