"""The turns of an interview or a transcript: whose label a briefing keeps, whose it drops.

Paragraphs that open with a speaker's label (see :mod:`labels`) are a transcript when
two or more do and one label opens two or more of them: the same speakers take turns.
A label that opens a paragraph of any other article is a kicker ("Saubere Sache: ..."),
a dateline ("BANGKOK: ...") or a one-off role: the briefing quotes the sentence after
it, and the stored text keeps it.

In a transcript each label is one of three kinds, told by the article, not by a list:

* the interviewer's: it opens two turns or more, at least half of them end in a question
  mark, and it asks most often of all labels, while another label asks less often or
  paragraphs without a label answer it ("Q:", "Interviewer:", "Frage:", "主持人：",
  "記者："); an answer that ends in a question of its own ("... and who would not?") or a
  live blog's one question ("Analysis: Will ...?") makes no interviewer. In an
  interview that labels only its answers, a paragraph without a label ending in a
  question mark right before a person's turn is the interviewer's too. Its turns are
  never briefed: a question is no news, and one written as a statement ("Frage: Sie
  sagen, das Netz sei am Ende.") would read as the article's fact without its label.
* a person's: the article names them outside the labels ("Rick Alvarez spent eleven
  years ..." before "Rick: ..."), or the transcript is an interview (it has an
  interviewer's label) and the label answering it is a name of two words or more ("Anna
  Berg:", "Mayor Anna Berg:", "Dr. Jane Doe, economist:"), but for a note's label on the
  story ("Editor's Note:", "Correction:": see ``names_a_note``). What they say is their view,
  not the article's: the briefing keeps the label ("Rick: I got into tech because ..."),
  and a later sentence of the turn comes after
  the turn's first, which names them, as a quotation's sentence comes after its
  speaker's. "A:" or "Answer:" names nobody: its turns are a role's, and in an interview
  opening with a sentence that names someone (whom it introduces), that sentence comes
  before them in a briefing, as a quotation's speaker does (an explainer's Q&A, naming
  nobody first, is its own voice).
* a role's: a word the article uses for nobody it names ("Anchor:", "Reporter:",
  "앵커:"): the station's or paper's own report, which needs no speaker. The briefing
  quotes the sentence after it.

A word of a label names someone in the text when it stands there as written in the
label: as a whole word and with its capitals in a script with case, where a word opening
a sentence counts only when a capitalised word follows ("Rick Alvarez spent ...", not
"Reporters said ..."), and in a language writing every noun with a capital (German) a
word further on only beside another capitalised word ("Anna Berger", not "der
Moderator"); anywhere in a script without case, whose words take endings
("김서연 교수는") or stand unspaced ("教授李明长期").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from summaries.clean import ends_question
from summaries.language import NOUN_CAPITALISING, language_tools
from summaries.speaker_labels import INSIDE, names_a_note
from summaries.summarize.readable.labels import label_end, label_words, opening_label

_MARKS = re.compile(f"[{re.escape(INSIDE)}]+")  # the marks inside a word of a label


@dataclass(eq=False)
class Turns:
    """For each sentence of an article (by index), what its speaker's label makes of it."""

    cut: list[int]  # characters of a label opening it that the briefing leaves out
    speaker: list[int | None]  # the first sentence of its turn, naming its speaker
    asked: list[bool]  # it is an interviewer's: never briefed


def read_turns(texts: Sequence[str], starts: Sequence[bool], language: str) -> Turns:
    """The turns of ``texts`` (an article's sentences in ``language``, ``starts`` telling
    which open a paragraph) and what the briefing makes of each label (see the module's
    docstring)."""
    count = len(texts)
    turns = Turns([0] * count, [None] * count, [False] * count)
    firsts = [i for i in range(count) if starts[i]]
    labelled: list[tuple[str, range]] = []
    ends: dict[int, int] = {}  # where the label opening a paragraph's first sentence ends
    for first, end in pairwise([*firsts, count]):
        found = opening_label(texts[first])
        if found is not None:
            labelled.append((found[1], range(first, end)))
            ends[first] = found.end()
    counts = Counter(label for label, _ in labelled)
    if len(labelled) < 2 or max(counts.values(), default=0) < 2:
        for _, sentences in labelled:
            turns.cut[sentences[0]] = label_end(texts[sentences[0]])
        return turns
    asking = _askers(texts, labelled, set(ends))
    names = _Names([text[ends.get(i, 0) :] for i, text in enumerate(texts)], language)
    people = {
        label
        for label in counts
        if label not in asking
        and not names_a_note(label)  # ("Editor's Note:", "Correction:": nobody's words)
        and (names.name(label) or (asking and " " in label))
    }
    if people and not asking:
        _ask_unlabelled(texts, firsts, labelled, people, turns)
    # an interview's answers under a label naming nobody ("A:", "Answer:"): the words of
    # whom the article's opening sentence names, when it names someone before the turns
    named = asking and firsts and firsts[0] not in ends and names.opening_names_someone()
    for label, sentences in labelled:
        first = sentences[0]
        if label in asking:
            for i in sentences:
                turns.asked[i] = True
        elif label in people:
            for i in sentences[1:]:
                turns.speaker[i] = first
        else:
            turns.cut[first] = label_end(texts[first])
            if asking and named:
                for i in sentences:
                    turns.speaker[i] = 0
    return turns


def _ask_unlabelled(
    texts: Sequence[str],
    firsts: list[int],
    labelled: list[tuple[str, range]],
    people: set[str],
    turns: Turns,
) -> None:
    """Mark as asked each paragraph without a label (``firsts``: the sentences opening a
    paragraph) that ends in a question mark right before a person's turn: in an
    interview that labels only its answers, the interviewer's question."""
    answers = {sentences.start for label, sentences in labelled if label in people}
    opened = {sentences.start for _, sentences in labelled}
    for first, end in pairwise([*firsts, len(texts)]):
        if first not in opened and end in answers and ends_question(texts[end - 1]):
            for i in range(first, end):
                turns.asked[i] = True


def _askers(texts: Sequence[str], labelled: list[tuple[str, range]], firsts: set[int]) -> set[str]:
    """The interviewer's labels: of those opening two turns or more, at least half of
    them ending in a question mark, the ones asking most often, when another label asks
    less often or a paragraph without a label answers their question (``firsts``: the
    sentences opening a labelled paragraph)."""
    asked: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    answered: set[str] = set()  # labels a question of which a plain paragraph answers
    for label, sentences in labelled:
        turns[label] += 1
        if ends_question(texts[sentences[-1]]):
            asked[label] += 1
            if sentences.stop < len(texts) and sentences.stop not in firsts:
                answered.add(label)
    share = {label: Fraction(asked[label], turns[label]) for label in turns}
    repeated = [label for label in turns if turns[label] > 1]
    most = max((share[label] for label in repeated), default=Fraction(0))
    least = min(share.values())
    return {
        label
        for label in repeated
        if 2 * asked[label] >= turns[label]
        and share[label] == most
        and (least < most or label in answered)
    }


class _Names:
    """The words that name someone in an article's sentences (without their labels): as
    written, with their capitals, where a script has case, and anywhere in one without."""

    def __init__(self, texts: Sequence[str], language: str) -> None:
        self._unspaced = "\n".join(texts)
        # in a language writing every noun with a capital, "Der Moderator" names nobody
        stop = language_tools(language).stop_words if language in NOUN_CAPITALISING else None
        self._first = texts[0] if texts else ""
        self._stop = stop
        self._words: set[str] = set()
        for text in texts:
            self._words.update(_naming_words(text, stop))

    def opening_names_someone(self) -> bool:
        """Whether the article's first sentence names someone."""
        return next(_naming_words(self._first, self._stop), None) is not None

    def name(self, label: str) -> bool:
        """Whether a word of ``label`` (two letters or more) names someone."""
        for word in label.split(" "):
            if len(word) < 2:
                continue
            if word.lower() == word.upper():  # a script without case
                if word in self._unspaced:
                    return True
            elif word in self._words:
                return True
        return False


def _naming_words(text: str, stop: frozenset[str] | None) -> Iterator[str]:
    """The capitalised words of ``text`` (a sentence) that name someone, and the parts of
    each between its marks ("O'Brien", "Min-su"). One opening the sentence does when a
    capitalised word follows it; one further on does, unless the language writes every
    noun with a capital (``stop``: its stop words, else None): there any does only beside
    another capitalised word that is no stop word ("Felix Stalder", "Herr Stalder", not
    "Der Moderator" or "der Moderator")."""
    words = [(m.start(), m.end(), m[0]) for m in label_words(text)]
    for k, (start, end, word) in enumerate(words):
        if not word[0].isupper():
            continue
        after = k + 1 < len(words) and words[k + 1][0] == end + 1
        after = after and _proper(words[k + 1][2], stop)
        before = k > 0 and words[k - 1][1] == start - 1 and _proper(words[k - 1][2], stop)
        if after or (before if stop is not None else start > 0):
            yield word
            yield from _MARKS.split(word)


def _proper(word: str, stop: frozenset[str] | None) -> bool:
    """Whether ``word`` is capitalised and not one of the ``stop`` words."""
    return word[0].isupper() and (stop is None or word.rstrip(INSIDE).lower() not in stop)
