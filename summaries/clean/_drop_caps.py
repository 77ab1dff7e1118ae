"""A drop cap set apart from the rest of its word: "T he harbour reopened ...".

A page may set the first letter of its article in an element of its own (a large initial),
which the extraction gives with a space or a line break after it: "T he harbour ...",
"T" and "he harbour ..." on two lines. Read so, the article opens with a lone letter and
a fragment, "he", that is a word of its own by chance or none at all ("W hen"). The
letter and the fragment are one word again ("The harbour reopened ...") when:

- they open the article's body: its first line of prose (one that ends a sentence and has
  _PROSE_WORDS words or more), the letter opening it or alone on a line right before it;
  a standfirst or a caption that ends a sentence may come first, so the first
  _OPENING_PROSE lines of prose are tried, and the first that joins is joined;
- the letter is a capital and the fragment a run of lowercase letters;
- and the text says so: the word they make is one the text writes elsewhere ("the",
  "when"). A letter and a word the text writes nowhere else stay apart ("E coli", "X
  rays", "T cells": a letter naming a thing is no drop cap). A letter that is a word ("A",
  "I", French "À", Spanish "Y", Czech "V": see _ONE_LETTER_WORDS) opens a sentence as
  often ("A man ...", "I think ...", "V pondělí ..."): it is joined only to a fragment
  that is no word of the text either ("I t was": "it", no "t"; the "t" of "don't" is no
  word of its own).
"""

from __future__ import annotations

import re
from functools import lru_cache

from summaries.clean._lines import ends_sentence, word_count

_PROSE_WORDS = 6  # a line of prose ends a sentence and has this many words or more
# The lines of prose that may open the body: its first paragraph, after a standfirst and a
# photo's caption that end a sentence too ("The storm left the quay in ruins." before "H
# arbour officials said ...").
_OPENING_PROSE = 3
# The words of one letter, by language (lowercase): a capital that is one may open a
# sentence alone. Where the language is not known (or has no row), the text says which
# are: those it writes alone in lowercase ("v" in Czech, "w" in Polish, "a" in English; not
# "s", "w" or "v" in English, whose "S he", "W here" are drop caps).
_ONE_LETTER_WORDS: dict[str, str] = {
    "english": "a i o",
    "french": "a à y ô",
    "spanish": "a e o u y",
    "italian": "a e i o è",
    "portuguese": "a e o à é",
    "german": "",
    "dutch": "u",
    "polish": "a i o u w z",
    "swedish": "i å ö",
    "norwegian": "i å",
    "danish": "i å ø",
    "turkish": "o",
    "russian": "а в и к о с у я",
    "ukrainian": "а в з і й о у я",
    "belarusian": "а з і у ў я",
    "bulgarian": "а в и к о с у",
    "macedonian": "а в и о с у",
    "czech": "a i k o s u v z",
    "slovak": "a i k o s u v z",
    "slovenian": "a i k o s v z",
    "croatian": "a i k o s u",
    "bosnian": "a i k o s u",
    "serbian": "a i k o s u а и к о с у",
    "serbo-croatian": "a i k o s u а и к о с у",
    "greek": "ο η ή ω",
    "romanian": "a e o",
    "hungarian": "a s",
    "catalan": "a e i o",
    "galician": "a e o",
}
_FRAGMENT = re.compile(r"[^\W\d_]+")  # the letters opening the line after the letter


def with_drop_cap_joined(lines: list[str], language: str | None = None) -> list[str]:
    """`lines` with a drop cap set apart at the start of the body joined to the rest of
    its word (see the module's docstring); `lines` itself when there is none."""
    prose = 0
    for i, line in enumerate(lines):
        if line.count(" ") < _PROSE_WORDS - 1 or not ends_sentence(line):
            continue
        if word_count(line) >= _PROSE_WORDS:
            if (joined := _joined(lines, i, language)) is not lines:
                return joined
            prose += 1
            if prose == _OPENING_PROSE:
                break
    return lines


def _joined(lines: list[str], i: int, language: str | None) -> list[str]:
    """`lines` with the drop cap opening line `i` (the body's first line of prose), or
    alone on the line before it (blank lines between aside), joined to its word."""
    line = lines[i]
    if line[1:2] == " " and line[0].isupper() and line[2:3].islower():
        letter, rest, first = line[0], line[2:], i
    elif line[0].islower():
        first = i - 1
        while first >= 0 and not lines[first]:
            first -= 1
        letter, rest = (lines[first], line) if first >= 0 else ("", line)
        if len(letter) != 1 or not letter.isupper():
            return lines
    else:
        return lines
    fragment = _FRAGMENT.match(rest)
    if fragment is None or not fragment[0].islower():
        return lines
    others = "\n".join([*lines[:first], rest[fragment.end() :], *lines[i + 1 :]])
    if not _joins(letter, fragment[0], others, language):
        return lines
    return [*lines[:first], f"{letter}{rest}", *lines[i + 1 :]]


def _joins(letter: str, fragment: str, others: str, language: str | None) -> bool:
    """Whether `letter` and `fragment` are one word, by the words of `others` (the text's
    lines without them: see the module's docstring)."""
    whole = _writes(others, f"{letter}{fragment}")
    words = _one_letter_words(language)
    low = letter.lower()
    if low in words if words is not None else _writes_alone(others, low):
        return whole and not _writes(others, fragment)
    return whole


def _writes(text: str, word: str) -> bool:
    """Whether `text` writes `word` as a whole word, in lowercase, capitalised or in
    capitals. The end of a word after its apostrophe ("t" of "don't", "s" of "Smith's",
    "re" of "they're") is no word of its own. (Substring tests first: a whole word's
    pattern is looked for only where one of them is in the text, inside a longer word
    maybe.)"""
    forms = {word.lower(), word.capitalize(), word.upper()}
    return any(
        form in text and re.search(rf"(?<!\w)(?<!\w['\u2019]){re.escape(form)}(?!\w)", text)
        for form in forms
    )


def _writes_alone(text: str, letter: str) -> bool:
    """Whether `text` writes the lowercase `letter` as a word before another ("w tym", "a
    man"; not the "i" of "i.e." or an initial)."""
    return (
        letter in text and re.search(rf"(?<![\w'\u2019.-]){re.escape(letter)} ", text) is not None
    )


@lru_cache(maxsize=32)
def _one_letter_words(language: str | None) -> frozenset[str] | None:
    """The words of one letter of `language` (a name or a code), or None when it is not
    known (None, or one without a row of _ONE_LETTER_WORDS)."""
    from summaries.language import language_name

    name = language_name(language) if language else None
    words = _ONE_LETTER_WORDS.get(name or "")
    return None if words is None else frozenset(words.split())
