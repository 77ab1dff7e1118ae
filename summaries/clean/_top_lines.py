"""Short lines a page sets above its article's text that are none of its words.

The authors' names, each alone on a line between the headline and the first paragraph
("Jane Doe", "John Smith") where a page marks no byline: a line of two to four
capitalised words (and the small words between names, "de", "van"), no sentence's
punctuation, above the first line of prose and below the text's first line (its
headline), none of whose words the rest of the text uses. A heading's words are the
text's own ("Budget Talks" above "the budget talks ..."), and so is the name of the
person a story is about, which its text goes on to use; an author's is not named in
their own story.

And a table of contents' label alone ("Table of Contents", "Inhaltsverzeichnis",
"Sommaire") whose list the extraction dropped: a label over nothing.

And a section's name alone on the text's first line, above its headline ("Analysis",
"Opinion", "Exclusive", "Kommentar"): the kicker a page sets over a story, a word of the
site's sections, not of the story. And the label of the notes that end a text ("Notes",
"Anmerkungen", "Przypisy") over the list of them: the list stays, its label is the page's.
"""

from __future__ import annotations

from summaries.clean._labels import NAME_WORDS, lower
from summaries.clean._lines import BULLET, BULLET_FIRST, ends_sentence, word_count, word_tokens

_TOP_LINES = 12  # the lines above the first line of prose looked at, at the most
_PROSE_LINE = 6  # a line of prose ends a sentence and has this many words or more
_NAME_WORDS = (2, 4)  # the words of a name line, the small words between names aside
# A table of contents' label, in the languages of the sites read (lowercase); not a word
# that heads a section of the text too, as "Inhalt" (a book's plot) or "Content" do.
_CONTENTS_LABELS = frozenset(
    (
        *("table of contents", "contents", "inhaltsverzeichnis", "inhaltsübersicht"),
        *("sommaire", "table des matières", "índice", "indice", "indice dei contenuti"),
        *("contenidos", "tabla de contenidos", "sumário", "inhoudsopgave", "spis treści"),
        *("содержание", "оглавление"),
    )
)
_CONTENTS_CHARS = max(map(len, _CONTENTS_LABELS)) + 1  # (and a colon: a cheap test first)
# A site's section that a kicker names, in the languages of the sites read (lowercase)
_KICKERS = frozenset(
    (
        *("analysis", "opinion", "exclusive", "comment", "explainer", "editorial", "review"),
        *("analyse", "meinung", "kommentar", "exklusiv", "leitartikel", "kritik"),
        *("opinión", "análisis", "exclusiva", "tribuna", "reportaje"),
        *("opinione", "analisi", "esclusiva", "commento", "editoriale"),
        *("tribune", "éditorial", "décryptage", "exclusif", "chronique", "opinião", "análise"),
        *("opinie", "commentaar", "analiza", "opinia", "komentarz", "felieton"),
        *("мнение", "анализ", "эксклюзив", "комментарий"),
    )
)
# The label of the notes that end a text (lowercase)
_NOTES_LABELS = frozenset(
    (
        *("notes", "footnotes", "endnotes", "anmerkungen", "fußnoten", "notes de bas de page"),
        *("notas", "note", "noten", "voetnoten", "przypisy", "примечания", "poznámky"),
    )
)


def without_top_lines(lines: list[str]) -> list[str]:
    """`lines` with the authors' name lines above the text and the lone contents labels
    blanked (see the module's docstring)."""
    out = list(lines)
    for i, line in enumerate(lines):
        if line and len(line) <= _CONTENTS_CHARS and _is_lone_contents_label(lines, i):
            out[i] = ""
    _blank_kicker(out)
    _blank_notes_label(out)
    names = _top_name_lines(out)
    if names:
        rest = {t for j, line in enumerate(out) if j not in names for t in _tokens(line)}
        for i in names:
            if rest.isdisjoint(_tokens(out[i])):
                out[i] = ""
    return out


def _tokens(line: str) -> list[str]:
    return word_tokens(lower(line))


def _is_lone_contents_label(lines: list[str], i: int) -> bool:
    """Whether line `i` is a contents label (see _CONTENTS_LABELS) that no list item
    follows (across blank lines)."""
    if lower(lines[i]).rstrip(": ") not in _CONTENTS_LABELS:
        return False
    after = next((line for line in lines[i + 1 :] if line), "")
    return not (after[:1] in BULLET_FIRST and BULLET.match(after))


def _blank_kicker(lines: list[str]) -> None:
    """Blank the text's first line in ``lines`` when it is a kicker alone (see _KICKERS)
    and a line comes after it."""
    filled = [i for i, line in enumerate(lines) if line][:2]
    if len(filled) == 2 and lower(lines[filled[0]]).rstrip(": ") in _KICKERS:
        lines[filled[0]] = ""


def _blank_notes_label(lines: list[str]) -> None:
    """Blank in ``lines`` a notes label (see _NOTES_LABELS) that only list items follow, to
    the end of the text."""
    items = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line:
            continue
        if line[0] in BULLET_FIRST and BULLET.match(line):
            items += 1
            continue
        if items and lower(line).rstrip(": ") in _NOTES_LABELS:
            lines[i] = ""
        return


def _top_name_lines(lines: list[str]) -> list[int]:
    """The indexes of the lines shaped like a name (see _is_name_shaped) above the first
    line of prose, below the text's first line; none if no line of prose comes within
    _TOP_LINES lines."""
    found: list[int] = []
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        if ends_sentence(line) and word_count(line) >= _PROSE_LINE:
            return found
        seen += 1
        if seen > _TOP_LINES:
            return []
        if seen > 1 and _is_name_shaped(line):
            found.append(i)
    return []


def _is_name_shaped(line: str) -> bool:
    """Two to four capitalised words (see _NAME_WORDS), maybe with the small words between
    names, and nothing else: "Jane Doe", "Jan de Vries", "Anne-Marie O'Neil"."""
    if line.count(" ") > 2 * _NAME_WORDS[1] or not line[:1].isupper():
        return False
    words = line.split(" ")
    names = [w for w in words if w not in NAME_WORDS]
    if not _NAME_WORDS[0] <= len(names) <= _NAME_WORDS[1] or words[-1] in NAME_WORDS:
        return False
    return all(_is_name_word(w) for w in names)


def _is_name_word(word: str) -> bool:
    """A capitalised word of letters ("Doe", "Müller", "O'Neil"), not in capitals ("NASA")."""
    bare = word.replace("-", "").replace("'", "").replace("’", "")
    return bare.isalpha() and word[0].isupper() and len(bare) > 1 and bare[1:] != bare[1:].upper()
