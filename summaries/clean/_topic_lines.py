"""A deck that names who speaks and the topics: "The economist on rates, housing and what
comes next." An interview's or a profile's standfirst says who and what about in a noun
phrase, a preposition of topic ("on", "über", "sur") and a list of the topics, the last
one maybe a question word's clause ("why some villages will have to move"); it has no
verb of its own, so it is a heading of the story, not a sentence a briefing may quote,
full stop or not (one without is a heading by its shape already).

A sentence with such a list goes on after it with its verb ("The mayor on Tuesday
announced cuts to parks, libraries and bus routes.": its first item is a clause), or
has the verb before the preposition ("The court ruled on fees, rates and ..."): a
topic's item is a few words, the last one a few or a question word's clause, and the
words before the preposition hold no pronoun, no auxiliary and no English past tense in
lowercase (see _CLAUSE_WORDS).
"""

from __future__ import annotations

import re

# language: (the preposition of topic, the conjunction "and", the question words that
# open a clause as the last topic)
_TOPICS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "english": ("on", "and", ("why ", "what ", "how ", "where ", "when ", "whether ", "who ")),
    "german": ("über", "und", ("warum ", "was ", "wie ", "wo ", "wann ", "ob ", "wer ")),
    "french": ("sur", "et", ("pourquoi ", "ce qui ", "ce que ", "comment ", "où ", "quand ")),
    "spanish": ("sobre", "y", ("por qué ", "qué ", "cómo ", "dónde ", "cuándo ", "quién ")),
    "italian": ("su", "e", ("perché ", "cosa ", "come ", "dove ", "quando ", "chi ")),
    "portuguese": ("sobre", "e", ("por que ", "o que ", "como ", "onde ", "quando ", "quem ")),
    "dutch": ("over", "en", ("waarom ", "wat ", "hoe ", "waar ", "wanneer ", "wie ")),
}
# The personal pronouns and the finite auxiliaries: before the preposition, they make the
# words a clause ("She spoke on ...", "Ruth Okafor has spent 25 years on ...").
_CLAUSE_WORDS = frozenset(
    """i you he she it we they has have had is are was were will would can could may
    might must should does did said says
    er sie es wir ist sind war waren hat haben hatte wird werden kann sagte
    il elle ils elles nous est sont était ont avait sera peut
    él ella ellos nosotros es son fue era ha han había será puede
    lui lei loro è sono era ha hanno aveva sarà può
    ele ela eles nós é são foi era tem têm tinha será pode
    hij zij ze wij zijn was waren heeft hebben had wordt kan""".split()
)
_HEAD_WORDS = 8  # "The head of the national flood defence review"
_ITEM_WORDS = 4  # "the future of housing"
_LAST_WORDS = 3  # a last item that is no clause: "what comes next" is one
TOPIC_LINE_WORDS = 30
_BY_PREPOSITION: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
for _forms in _TOPICS.values():
    _BY_PREPOSITION.setdefault(_forms[0], []).append(_forms)
_PREPOSITION = re.compile(" ({}) ".format("|".join(_BY_PREPOSITION)))


def is_topic_line(text: str) -> bool:
    """Whether `text` is a deck of who and the topics (see the module's docstring)."""
    comma = text.find(", ")
    if comma < 0 or text.count(" ", 0, comma) > _HEAD_WORDS + _ITEM_WORDS:
        return False  # (most lines: the head and the first topic come before a comma)
    found = _PREPOSITION.search(text, 0, comma)
    if found is None or text[-1] in "?!":
        return False
    body = text[:-1] if text[-1] == "." else text
    return any(_reads_as_topics(body, *forms) for forms in _BY_PREPOSITION[found.group(1)])


def _reads_as_topics(
    body: str, preposition: str, conjunction: str, clauses: tuple[str, ...]
) -> bool:
    head, found, rest = body.partition(f" {preposition} ")
    if not found or "," in head:
        return False
    words = head.split(" ")
    if len(words) > _HEAD_WORDS or not words[0][:1].isupper():
        return False
    if any(word.lower() in _CLAUSE_WORDS or _is_past(word) for word in words):
        return False  # "She spoke on ...", "The court ruled on ...": a clause
    *items, last = rest.split(", ")
    before, joined, last = last.rpartition(f" {conjunction} ")
    if not joined or not items:
        return False
    items.append(before)
    if any(len(item.split(" ")) > _ITEM_WORDS for item in items):
        return False
    return last.lower().startswith(clauses) or len(last.split(" ")) <= _LAST_WORDS


def _is_past(word: str) -> bool:
    """An English past tense in lowercase ("ruled", "warned"), as a lede's verb is."""
    return word.islower() and word.endswith("ed")
