"""The labels of a picture's credit and of a post's labels, in the languages of Europe's
news sites as in English.

A credit is its label, a colon (French sets a space before it) or a slash, and a name:
"Photo: Jane Doe", "Foto: dpa", "Crédit photo : AFP", "Fot. PAP", "Фото: ТАСС". A post's
labels close it: "Tags: ...", "Schlagworte: ...", "Mots-clés : ...". Each kind is one
table of its words by language; :mod:`._rules` builds its patterns from them.
"""

from __future__ import annotations

import re

from summaries.clean._ends import ends_sentence

# The words that label a picture's credit (lowercase; each may take a plural "s" before its
# colon): "Photo: X", "Bild: X", "Crédit photo : X". English's "photo", "image", "picture"
# and "credit" are French's and other languages' too.
CREDIT_LABELS: dict[str, str] = {
    "english": "photo|image|picture|credit",
    "german": "foto|bild|bilder|bildquelle|fotograf",
    "french": "crédit|crédit photo|crédits photo|photographie",
    "spanish": "foto|fotografía|imagen|crédito",
    "italian": "foto|immagine|immagini",
    "portuguese": "foto|fotografia|imagem|crédito",
    "dutch": "foto|beeld|afbeelding",
    "polish": "zdjęcie|zdjęcia",
    "turkish": "fotoğraf",
    "russian": "фото|фотография",
}
_LABEL_WORDS = sorted(
    {w for words in CREDIT_LABELS.values() for w in words.split("|")}, key=len, reverse=True
)
# A credit's label opening a line (longest first: "crédit photo" before "crédit"), or
# Polish's abbreviated one, with no colon: "Fot. PAP/Jan Kowalski".
CREDIT_HEAD = re.compile(
    rf"(?i:{'|'.join(map(re.escape, _LABEL_WORDS))})s?\s*[:/]|(?i:fot)\.\s(?=[A-Z])"
)
# What CREDIT_HEAD can match first (with Turkish's dotted and dotless I, which a case-blind
# "i" matches): a cheap test before it.
CREDIT_HEAD_FIRST = "".join(sorted({c for w in _LABEL_WORDS for c in w[0] + w[0].upper()})) + "İı"
# The other languages' labels of a credit closing a caption ("... im Rathaus. Foto: dpa"),
# only before a colon or a slash: English's, which take "by" and "of" too, are in _rules.
TAIL_LABELS = "|".join(
    re.escape(w) for w in _LABEL_WORDS if w not in CREDIT_LABELS["english"].split("|")
)
# A substring of every word that labels a credit at the end of a caption (see
# TAIL_LABELS, and _rules' English ones: "pic" stands for "picture" too), looked for one by
# one: a loop of plain substring tests is faster than any() over a generator, or a regex.
CREDIT_STEMS = ("photo", "imag", "pic", "credit", "courtesy", "file", "fot", "bild", "crédit")
CREDIT_STEMS += ("immag", "beeld", "zdj", "фото")

# A post's labels, which follow it: its tags and keywords, words that label nothing else.
POST_LABELS: dict[str, str] = {
    "english": "filed under|tags|tagged",
    "german": "schlagworte|schlagwörter|stichworte|stichwörter",
    "french": "mots-clés|mots clés|étiquettes",
    "spanish": "etiquetas|palabras clave",
    "italian": "parole chiave",
    "portuguese": "etiquetas|palavras-chave|marcadores",
    "dutch": "trefwoorden",
    "polish": "tagi|słowa kluczowe",
    "turkish": "etiketler|anahtar kelimeler",
    "russian": "теги|метки|ключевые слова",
}
# The topics and categories a post is filed under (plurals: "Kategorie: Politik" is told
# by RUN_LABELS below; so are Italian's plural "Categorie" and Polish's "Kategorie", which
# are Dutch's and German's singular). A line of them alone is a post's too; but an event's
# or a course's facts have topics as well ("When: ...", "Where: ...", "Topics: ..."), so
# in a run of labelled lines they count as RUN_LABELS do.
TOPIC_LABELS: dict[str, str] = {
    "english": "categories|topics",
    "german": "kategorien|themen",
    "french": "catégories|thèmes",
    "spanish": "categorías|temas",
    "italian": "argomenti",
    "portuguese": "categorias",
    "dutch": "categorieën|onderwerpen",
    "turkish": "kategoriler",
    "russian": "рубрики",
}
# The labels of a page's data about a post, not of a fact it states: a line of one in a
# run of short labelled lines makes the run the post's data ("Kategorie: Politik", "Text:
# Max Muster"), which goes; alone, a line so labelled may be the story's own. (Not an
# author's: "Autor: Stephen King" is one of a book's facts as well, see is_author_line.)
RUN_LABELS: dict[str, str] = {
    "english": "category|posted by|posted in",
    "german": "kategorie|rubrik|ressort|text",
    "french": "catégorie|rubrique|texte|publié par|publié dans",
    "spanish": "categoría|sección|texto|publicado por|publicado en",
    "italian": "categoria|sezione|testo|pubblicato da|pubblicato in",
    "portuguese": "categoria|seção|secção|texto|publicado por|publicado em",
    "dutch": "categorie|rubriek|tekst|geplaatst door|geplaatst in",
    "polish": "kategoria|dział|tekst",
    "turkish": "kategori|metin",
    "russian": "рубрика|раздел|текст",
}


# The question words that label an event's facts ("When: Saturday, 6 June, 10 am",
# "Wann: Samstag, 6. Juni", "Quand : samedi 6 juin"): a date under one is when the event
# is, not when the page was posted or updated.
_QUESTION_LABELS = "when where wann wo quand où cuándo dónde quando dove onde wanneer waar".split()
QUESTION_LABEL_OPENINGS = tuple(f"{w}{c}" for w in _QUESTION_LABELS for c in (":", " :"))


def opens_with_question_label(text: str) -> bool:
    """Whether `text` opens with a question word as its label ("When:", "Quand :")."""
    return lower(text[:9]).startswith(QUESTION_LABEL_OPENINGS)


# The labels of a byline: "Autor: Jan Kowalski", "Auteur : Claire Dubois".
_AUTHOR_LABELS = (
    "author|authors|autor|autorin|autoren|auteur|auteurs|autore|autori|autora|yazar|автор"
)
_AUTHOR = re.compile(rf"(?i:{_AUTHOR_LABELS}) ?: ")
_AUTHOR_NAMES = 6  # words of the names after the label
# The small words between or inside names: "Anna Berg und Max Muster", "Jan de Vries".
NAME_WORDS = frozenset("and und e y et i de da del di van von der".split())


def is_author_line(text: str) -> bool:
    """Whether `text` is a byline under its label: the label, a colon and names alone
    (capitalised words, and the small words between them), no sentence. (Among other
    labelled facts, a book's "Titel: ...", "Autor: ...", "Verlag: ...", it is one of them.)"""
    if text[:1] not in "AaYyАа" or (found := _AUTHOR.match(text)) is None:
        return False
    names = text[found.end() :].split()
    if not 0 < len(names) <= _AUTHOR_NAMES or ends_sentence(text):
        return False
    return all(word[:1].isupper() or word in NAME_WORDS for word in names)


def lower(text: str) -> str:
    """`text` in lowercase, Turkish's dotted capital I as "i": str.lower() writes it "i"
    and a combining dot above, which no label in lowercase holds ("ETİKETLER",
    "İLGİLİ HABERLER")."""
    low = text.lower()
    return low.replace("i\u0307", "i") if "\u0307" in low else low


def _with_colons(table: dict[str, str]) -> tuple[str, ...]:
    """Each label of `table` and a colon, as English writes it and French ("Tags :")."""
    labels = (w for words in table.values() for w in words.split("|"))
    return tuple(f"{w}{c}" for w in labels for c in (":", " :"))


TAG_OPENINGS = _with_colons(POST_LABELS)
POST_LABEL_OPENINGS = (*TAG_OPENINGS, *_with_colons(TOPIC_LABELS))
RUN_LABEL_OPENINGS = (*_with_colons(RUN_LABELS), *_with_colons(TOPIC_LABELS))

_SENTENCE_WORDS = 6  # a sentence after the label: this many words or more, and it ends


def is_credit(text: str) -> bool:
    """Whether `text` opens with a credit's label (see CREDIT_HEAD) and goes on with a
    name, not a sentence that merely opens with the word ("Photo: the mayor said the road
    would open in May."; see is_sentence_after) nor a count (see is_count)."""
    if text[:1] not in CREDIT_HEAD_FIRST or (head := CREDIT_HEAD.match(text)) is None:
        return False
    return not is_sentence_after(text, head.end()) and not is_count(text[head.end() :])


def is_count(value: str) -> bool:
    """Whether a label's `value` is a count, a number and words, the first in lowercase
    ("120 farbige Abbildungen", "24 photos in colour"): a book's or an exhibition's fact
    under "Fotos:", not a credit, which names people and outlets ("Foto: 2024 Getty
    Images"), nor a gallery's counter, a number of another ("1 of 12", "1 von 12")."""
    number, _, rest = value.strip().partition(" ")
    if not number.replace(".", "").replace(",", "").isdecimal() or not rest[:1].islower():
        return False
    return not any(map(str.isdigit, rest))


def is_sentence_after(text: str, start: int) -> bool:
    """Whether `text` from `start`, after a label, is a sentence that runs on from the
    word: a label's value opens with a capital or a figure (a name, an outlet, a date, a
    caption's first word: "Photo: Firefighters work at the scene."), and a credit or a
    date names people, outlets and days, capitalised words and figures with a few small
    words between ("courtesy of the Harbour Council", "May 3, 2024 at 10:15 a.m."); a
    sentence of _SENTENCE_WORDS words or more that ends, opens in lowercase and has
    mostly lowercase words is none of them."""
    value = text[start:].split()
    if len(value) < _SENTENCE_WORDS or not value[0][:1].islower() or not ends_sentence(text):
        return False
    lower = sum(1 for word in value if word[:1].islower())
    return 2 * lower > len(value)


def is_run_label(low: str) -> bool:
    """Whether `low` (a line in lowercase) is labelled as a post's data that other facts
    may hold too (see RUN_LABELS, TOPIC_LABELS)."""
    return low.startswith(RUN_LABEL_OPENINGS)
