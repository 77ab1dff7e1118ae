"""An author field without the byline word a page wrote before the names.

A page's byline is extracted as its author ("By Jane Doe" read as "Jane Doe"), but the
extractor only knows the English and German words: "Por Ana Gómez", "Par Jean Dupont",
"Door Jan de Vries" or "מאת דנה לוי" would be stored whole. The words, by language, are
one table here; each is taken off only at the start of the field and only before a name
(a capitalised word; Hebrew, which has no capitals, a word of its letters).

Italian "di" (and Danish "af") is also a part of surnames ("Di Maio", "Di Stefano"): a
field that is that word capitalised and one more word is such a name and is kept whole,
while "di Marco Rossi" and "Di Marco Rossi" (a byline word and a first and last name)
lose it.

A byline line sets its parts apart with a spaced dot or bar ("Lucía Martín · Madrid · 2
may 2024", "Redacción | Actualizado"), and the extractor may take the line with its name:
the field ends before the first such separator, which no name holds (a Catalan "l·l" is
written without spaces).
"""

from __future__ import annotations

import re

# The words a byline opens with, by language (lowercase; a colon, when written, after them).
BYLINE_WORDS: dict[str, tuple[str, ...]] = {
    "english": ("written by", "by"),
    "german": ("von",),
    "spanish": ("por",),
    "french": ("par",),
    "italian": ("a cura di", "di"),
    "portuguese": ("por",),
    "dutch": ("door",),
    "swedish": ("av",),
    "norwegian": ("av",),
    "danish": ("af", "av"),
    "polish": ("autor", "autorka"),
    "russian": ("автор",),
    "hebrew": ("מאת",),
}
# Byline words that are also the first word of surnames: kept before a single word.
_SURNAME_PARTICLES = frozenset({"di", "af"})  # "Di Maio", "Af Klint"
_WORDS = sorted({w for words in BYLINE_WORDS.values() for w in words}, key=len, reverse=True)
# The word (whole, any case), maybe a colon, then a name: a capital or a Hebrew letter.
_BYLINE = re.compile(
    r"(?P<word>{})\s*:?\s+(?=[^\W\d_])".format("|".join(re.escape(w) for w in _WORDS)),
    re.IGNORECASE,
)
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_SEPARATOR = re.compile(r"\s[·|•]")  # a byline's part after the name: its place, its date


def author_of_byline(author: str) -> str:
    """`author` without what its byline sets after a separator (see the module's
    docstring) and without the byline word it opens with."""
    name = _SEPARATOR.split(author, maxsplit=1)[0].strip()
    return author_without_byline_word(name or author)


def author_without_byline_word(author: str) -> str:
    """`author` without the byline word it opens with (see BYLINE_WORDS), if a name
    follows; else `author` as it is."""
    found = _BYLINE.match(author)
    if found is None:
        return author
    name = author[found.end() :]
    if not (name[0].isupper() or _HEBREW.match(name)):
        return author  # "by and large", "di più": no name
    word = found.group("word")
    first = name.split(";")[0].strip()  # the first of the authors, as the extractor joins them
    if word.lower() in _SURNAME_PARTICLES and word[0].isupper() and " " not in first:
        return author  # "Di Maio": a surname
    return name.strip()
