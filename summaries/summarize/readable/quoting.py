"""Where quotations stand in an article's sentences, followed from its first to its last.

:func:`follow_quotations` reads the quotation marks sentence by sentence (see
:mod:`summaries.quotes`) and, in DIALOGUE_LANGUAGES, the dashes of speech: for each
sentence, the quotations open where it starts and where it ends, whether it starts inside
one, opens with one or has words outside every one. What a sentence needs for a quotation,
and how it is printed without the sentences around it, follow from these facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from summaries.quotes import goes_on_mark, has_marks, lost_openers, scan, starts_quotation
from summaries.summarize.attribution import comma_speech_verbs

_SINGLE = "'‘’‚‹›『"
# Languages whose news print a speaker's words after a dash, the paragraph a turn of
# speech ("—Lo vi —dijo Pérez—. Era tarde.", "– Det är bra, säger hon."); English and
# German pages open list items with one.
DIALOGUE_LANGUAGES = frozenset(
    "spanish portuguese italian romanian russian ukrainian polish czech slovak greek "
    "hungarian swedish norwegian danish finnish".split()
)
_DASHES = "—–―"


@dataclass(eq=False)
class Quoting:
    """For each sentence of an article (by index), how quotations run through it."""

    open_at_start: list[tuple[str, ...]]  # quotations open where it starts
    open_at_end: list[tuple[str, ...]]
    fresh: list[bool]  # quotations open before it end before it
    goes_on: list[bool]  # it opens the next paragraph of the one before it
    reopener: dict[int, str]  # its first mark, "»" that goes on, read as this
    inside: list[bool]  # it starts inside a quotation
    outside: list[bool]  # a letter of it stands outside every quotation
    bare_start: list[bool]  # it opens with a quotation (its text, or the page, lost the mark)


def follow_quotations(texts: Sequence[str], starts: Sequence[bool], language: str) -> Quoting:
    """Read the quotation marks of ``texts`` (the sentences of an article, ``starts``
    telling which open a paragraph, in ``language``) sentence by sentence."""
    count = len(texts)
    open_at_start: list[tuple[str, ...]] = [()] * count
    open_at_end: list[tuple[str, ...]] = [()] * count
    fresh = [False] * count
    goes_on = [False] * count
    reopener: dict[int, str] = {}
    inside = [False] * count
    outside = [True] * count
    bare_start = [False] * count
    state: tuple[str, ...] = ()
    dialogue = _dialogue(texts, starts, language)
    for i, text in enumerate(texts):
        if dialogue and i in dialogue:  # a turn of speech after a dash: speaker between dashes
            opener, starts_inside, named, dashed = dialogue[i]
            inside[i] = starts_inside and not dashed
            if inside[i]:
                open_at_start[i] = (opener,)
            outside[i] = named
            bare_start[i] = dashed
            state = ()
            continue
        if not state and not has_marks(text):  # the common sentence, told fast
            continue
        if starts[i] and (mark := goes_on_mark(text, state)):
            reopener[i] = mark  # "»Los ..." goes on with "«...": read as reopened
            text = mark + text[1:]
        if state and (starts[i] or _reopens(text, state)):
            goes_on[i] = starts[i] and _reopens(text, state)
            state = ()
            fresh[i] = True
        found = scan(text, state)
        lost = bool(found.stray) and not state
        if lost:  # the page lost the quotation's opening mark
            state = lost_openers(found.stray)
            found = scan(text, state)
            fresh[i] = True  # so it is always reopened
        inside[i] = bool(state) and not fresh[i]
        open_at_start[i] = state
        state = found.open
        open_at_end[i] = state
        outside[i] = found.outside
        bare_start[i] = found.starts_quoting or (lost and not found.outside)
    return Quoting(
        open_at_start, open_at_end, fresh, goes_on, reopener, inside, outside, bare_start
    )


def _dialogue(
    texts: Sequence[str], starts: Sequence[bool], language: str
) -> dict[int, tuple[str, bool, bool, bool]]:
    """The sentences of paragraphs that open with a dialogue dash (in
    DIALOGUE_LANGUAGES, and with no quotation mark): for each, the paragraph's dash
    (with its space), whether it starts inside the speech, whether words of it are the
    narrator's (between dashes, or after one to the sentence's end), and whether it
    opens with a dash. Each dash with a space or a punctuation mark beside it (not
    1990–2000) goes from speech to the narrator's words or back, and so does, in
    Nordic news, a comma before a verb of saying ("– Vi ger inte upp, säger hon.")."""
    found: dict[int, tuple[str, bool, bool, bool]] = {}
    if language not in DIALOGUE_LANGUAGES:
        return found
    verbs = comma_speech_verbs(language)
    count = len(texts)
    firsts = [i for i in range(count) if starts[i]]
    for first, end in pairwise([*firsts, count]):
        head = texts[first]
        if not head or head[0] not in _DASHES or any(map(has_marks, texts[first:end])):
            continue
        opener = head[0] + (" " if head[1:2].isspace() else "")
        speaking = False
        for i in range(first, end):
            text = texts[i]
            began, named = speaking, False
            for place, char in enumerate(text):
                if char in _DASHES and _is_dialogue_dash(text, place):
                    speaking = not speaking
                elif not speaking and char.isalnum():
                    named = True
                elif speaking and char == "," and verbs and _said_after(text, place, verbs):
                    speaking = False
            found[i] = (opener, began, named, text[0] in _DASHES)
    return found


def _reopens(text: str, state: tuple[str, ...]) -> bool:
    """Whether ``text``, read inside the quotations ``state``, opens a new one with the
    mark of the innermost: the next paragraph of the same quotation, or of another (a
    quotation never holds one in its own marks)."""
    return starts_quotation(text) and (text.lstrip()[0] in _SINGLE) == (state[-1] in _SINGLE)


def _is_dialogue_dash(text: str, place: int) -> bool:
    """Whether the dash at ``place`` of ``text`` turns speech to narration or back: one
    with a space, the text's edge or a punctuation mark beside it, not 1990–2000."""
    before = text[place - 1] if place else " "
    after = text[place + 1] if place + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


def _said_after(text: str, place: int, verbs: frozenset[str]) -> bool:
    """Whether the comma at ``place`` of ``text`` comes before a verb of ``verbs``: the
    speech ends there and the narrator names its speaker (", säger hon")."""
    if text[place + 1 : place + 2] != " ":
        return False
    word = text[place + 2 : place + 40].partition(" ")[0]
    return word.rstrip(",.;:!?") in verbs
