"""The turns of an interview or a transcript: whose label a briefing keeps, whose it drops.

Paragraphs that open with a speaker's label (see :mod:`labels`) are a transcript when
two or more do and one label opens two or more of them: the same speakers take turns.
A label that opens a paragraph of any other article is a kicker ("Saubere Sache: ..."),
a dateline ("BANGKOK: ...") or a one-off role: the briefing quotes the sentence after
it, and the stored text keeps it.

In a transcript each label is one of three kinds, told by the article, not by a list:

* the interviewer's: at least half of its turns end in a question mark, and another
  label's do not, or paragraphs without a label answer ("Q:", "Interviewer:", "Frage:",
  "主持人：", "記者："). Its turns are
  never briefed: a question is no news, and one written as a statement ("Frage: Sie
  sagen, das Netz sei am Ende.") would read as the article's fact without its label.
* a person's: the article names them outside the labels ("Rick Alvarez spent eleven
  years ..." before "Rick: ..."), or the transcript is an interview (it has an
  interviewer's label) and the label answers it with more than a letter ("A:" names
  nobody). What they say is their view, not the article's: the briefing keeps the label
  ("Rick: I got into tech because ..."), and a later sentence of the turn comes after
  the turn's first, which names them, as a quotation's sentence comes after its
  speaker's.
* a role's: a word the article uses for nobody it names ("Anchor:", "Reporter:",
  "앵커:"): the station's or paper's own report, which needs no speaker. The briefing
  quotes the sentence after it.

A word of a label names someone in the text when it stands there as written in the
label: as a whole word and with its capitals in a script with case, where a word opening
a sentence counts only when a capitalised word follows ("Rick Alvarez spent ...", not
"Reporters said ..."); anywhere in a script without case, whose words take endings
("김서연 교수는") or stand unspaced ("教授李明长期").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from summaries.clean import ends_question
from summaries.summarize.readable.labels import label_end, opening_label


@dataclass(eq=False)
class Turns:
    """For each sentence of an article (by index), what its speaker's label makes of it."""

    cut: list[int]  # characters of a label opening it that the briefing leaves out
    speaker: list[int | None]  # the first sentence of its turn, naming its speaker
    asked: list[bool]  # it is an interviewer's: never briefed


def read_turns(texts: Sequence[str], starts: Sequence[bool]) -> Turns:
    """The turns of ``texts`` (an article's sentences, ``starts`` telling which open a
    paragraph) and what the briefing makes of each label (see the module's docstring)."""
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
    asking = _askers(texts, labelled)
    elsewhere = [text[ends.get(i, 0) :] for i, text in enumerate(texts)]
    people = {
        label
        for label in counts
        if label not in asking
        and (_named(label, elsewhere) or (asking and sum(map(str.isalpha, label)) > 1))
    }
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
    return turns


def _askers(texts: Sequence[str], labelled: list[tuple[str, range]]) -> set[str]:
    """The labels at least half of whose turns end in a question mark, when another
    label's turns do not or paragraphs without a label answer them: the interviewer's."""
    asked: Counter[str] = Counter()
    turns: Counter[str] = Counter()
    for label, sentences in labelled:
        turns[label] += 1
        asked[label] += ends_question(texts[sentences[-1]])
    asking = {label for label in turns if 2 * asked[label] >= turns[label]}
    unlabelled = len(texts) > sum(len(sentences) for _, sentences in labelled)
    return asking if unlabelled or len(asking) < len(turns) else set()


def _named(label: str, texts: Sequence[str]) -> bool:
    """Whether a word of ``label`` (two letters or more) names someone in ``texts`` (the
    article's sentences without their labels; see the module's docstring)."""
    for word in label.split(" "):
        if len(word) < 2:
            continue
        if word.lower() == word.upper():  # a script without case
            if any(word in text for text in texts):
                return True
            continue
        pattern = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])( \w)?")
        for text in texts:
            for found in pattern.finditer(text):
                after = found[1]
                if found.start() > 0 or (after is not None and after[1].isupper()):
                    return True
    return False
