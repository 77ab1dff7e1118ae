"""The sentences of a text: the paragraphs that read as article prose, in order.

Kinds by shape (see _classify), then by position: strong paragraphs, and weaker ones
between them or right next to them (see _by_position).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from enum import Enum
from functools import lru_cache
from itertools import pairwise, repeat

from summaries.clean._appeals import without_appeal
from summaries.clean._comments import comment_section_start
from summaries.clean._date_tokens import holds_date, is_date_token
from summaries.clean._datelines import capitalises_nouns, without_dateline
from summaries.clean._drop_caps import with_drop_cap_joined
from summaries.clean._lines import (
    STOP,
    blocks,
    ends_sentence,
    is_byline,
    join_wrapped,
    opens_like_byline,
    stop_share,
    text_lines,
    word_count,
    word_tokens,
)
from summaries.clean._repeats import collapse_repeats
from summaries.clean._rules import (
    NAME_JOINERS,
    is_furniture,
    is_headline,
    is_notice,
    is_short_furniture,
    reads_as_sentence,
    without_closing_tags,
    without_section_label,
)
from summaries.clean._speakers import attach_speakers
from summaries.clean._topic_lines import TOPIC_LINE_WORDS, is_topic_line
from summaries.sentences import SENTENCE_STARTERS
from summaries.words import opens_in_lowercase


class _Kind(Enum):
    DROP = 0
    STRONG = 1  # a full sentence of a reasonable length: certainly body text
    WEAK = 2  # a short sentence: body text only between or right next to strong paragraphs
    MAYBE = 3  # a long unpunctuated line: body text only between strong paragraphs


# The members as module names: looking one up on the Enum class costs ten times as much.
_DROP, _STRONG, _WEAK, _MAYBE = _Kind.DROP, _Kind.STRONG, _Kind.WEAK, _Kind.MAYBE

# A paragraph, its kind, how many source lines it was made of and its size (word_count).
_Piece = tuple[str, _Kind, int, int]

_LEAD_IN_WORDS = 20  # a headline, a byline and a date glued before the first sentence
_MIN_REST = 4  # words a paragraph keeps at least after its lead-in
_BYLINE_WORDS = 8  # "By", names, a title and maybe a date
_ABOUT_WORDS = 7  # "About" and a name of up to six words
_END_MARKS = frozenset({"###", "# # #", "-30-", "- 30 -"})  # a press release's last line
# A note on the story rather than the story: from its editors, a correction, a credit.
_NOTE_OPENING = re.compile(
    r"editors?(?:['\u2019]s?)? note\b"  # "Editor's note: Jane Doe is a professor ..."
    r"|correction:"
    r"|(?:this|an earlier version of this) (?:story|article|post)\b.{0,40}?\b"
    r"(?:corrected|amended|updated|misstated|misspelled|incorrectly)",
    re.I,
)
_NOTE_FIRST = frozenset("EeCcTtAa")  # what _NOTE_OPENING can match first
# "Associated Press writer Jane Doe in Paris contributed to this report.", "Jane Doe
# contributed reporting from Paris."
_CREDIT_ENDING = re.compile(
    r"\bcontributed (?:to this (?:report|story|article)|reporting(?: from [^.]{1,60})?)"
    r"\.[\"\u201d]?$"
)
_CREDIT_WORDS = 40  # a credit names a few people and places, no more


def clean_text(
    raw: str, title: str | None = None, language: str = "english", lines: list[str] | None = None
) -> str:
    """Return the article body of `raw`: paragraphs joined by blank lines, or "".

    A short line reads as a sentence by its share of stop words: those of `language` (a name
    of summaries.language.LANGUAGES) count as well as the few of STOP. `lines` are
    ``text_lines(raw)`` where the caller has them already (see main_text_and_lines).
    """
    title_key = " ".join(unicodedata.normalize("NFC", title).casefold().split()) if title else ""
    lines = with_drop_cap_joined(text_lines(raw) if lines is None else lines, language)
    lines = attach_speakers(_drop_repeats_and_title(lines, title_key))
    lines = lines[: comment_section_start(lines)]  # a comment section after the article
    stop, capitalised = _stop_words(language), capitalises_nouns(language)
    pieces: list[_Piece] = []
    for block in blocks(lines):
        pieces.extend(_classify_block(block, title_key, stop, capitalised, language))
    kept = without_dateline(_by_position(_before_the_about(pieces)), language)
    return "\n\n".join(kept)


@lru_cache(maxsize=32)
def _stop_words(language: str) -> frozenset[str]:
    """STOP and the stop words of `language`, if summarizing knows that language."""
    from summaries.language import language_name, language_tools

    name = language_name(language)
    if name is None or name == "english":  # STOP holds the English words that matter
        return STOP
    return STOP | language_tools(name).stop_words


def _classify_block(
    block: list[str], title_key: str, stop: frozenset[str], capitalised: bool, language: str
) -> list[_Piece]:
    """Join a block's wrapped lines into paragraphs, classify them, collapse repeats
    (`stop`: the language's stop words; `capitalised`: whether it capitalises its nouns;
    `language`: whose abbreviations a wrapped line may end with)."""
    block = [without_section_label(without_closing_tags(line)) for line in block]
    joined, counts, ends = join_wrapped(block, language)
    joined = [_without_lead_in(text, title_key) for text in joined]
    sizes = list(map(word_count, joined))
    kinds = list(map(_classify, joined, sizes, ends, repeat(stop), repeat(capitalised)))
    kinds = _drop_link_runs(sizes, ends, kinds)
    for i, kind in enumerate(kinds):
        if kind is not _DROP and (cut := without_appeal(joined[i])) != joined[i]:
            sizes[i] = word_count(cut)  # "The council approved the plan. Donate now."
            kind = _classify(cut, sizes[i], ends[i], stop, capitalised)
            joined[i], kinds[i] = cut, kind
        if kind is _DROP or sizes[i] < 6:  # a repeated phrase takes 6+ words
            continue
        if (collapsed := collapse_repeats(joined[i])) != joined[i]:
            sizes[i] = word_count(collapsed)  # it may now be shorter
            kind = _classify(collapsed, sizes[i], ends_sentence(collapsed), stop, capitalised)
            joined[i], kinds[i] = collapsed, kind
    return list(zip(joined, kinds, counts, sizes, strict=True))


def _before_the_about(pieces: list[_Piece]) -> list[_Piece]:
    """`pieces` up to the heading that starts the author's or the company's description
    ("About the author"; "About Voltara Energy" before "Voltara Energy Inc. is ..."), or a
    press release's end mark ("###", "-30-"), once two thirds of the body text (its strong
    paragraphs' words) lie before it: what follows says who wrote it, not the news.
    """
    total = sum(size for _, kind, _, size in pieces if kind is _STRONG)
    before = 0
    for i, (text, kind, _, size) in enumerate(pieces):
        if kind is _STRONG:
            before += size
        elif kind is _DROP and size <= _ABOUT_WORDS and 3 * before >= 2 * total > 0:
            if _starts_the_about(text, pieces[i + 1 :]):
                return pieces[:i]
    return pieces


def _starts_the_about(text: str, after: list[_Piece]) -> bool:
    """ "About the author(s)"/"us"/"the company", an end mark, or "About" and a name that
    the next paragraph opens with."""
    if text in _END_MARKS:
        return True
    first, _, rest = text.partition(" ")
    if first not in ("About", "ABOUT") or not rest or ends_sentence(text):
        return False
    if rest.lower() in ("the author", "the authors", "us", "the company"):
        return True
    if not all(word[:1].isupper() or word in NAME_JOINERS for word in rest.split(" ")):
        return False
    following = next((p for p, kind, _, _ in after if kind is not _DROP), "")
    return following.casefold().startswith(rest.split(" ")[0].casefold())


def _by_position(pieces: list[_Piece]) -> list[str]:
    """Keep strong paragraphs, and weaker ones between them or right next to them.

    Runs of 3+ dropped lines (menus, link lists) split the page into segments. A segment
    after the one with the most text keeps its text only if it has 2+ strong paragraphs or
    one of 20+ words: a lone sentence among footer links is not the article. (Before it, a
    lone paragraph is more likely the lead, above a photo block, and stays.)
    """
    kinds = [kind for _, kind, _, _ in pieces]
    sizes = [size if kind is _STRONG else 0 for _, kind, _, size in pieces]
    segments = list(pairwise([*_segment_starts(pieces), len(pieces)]))  # (start, end) pairs
    totals = [sum(sizes[a:b]) for a, b in segments]
    main = totals.index(max(totals))  # the first segment with the most strong text
    for a, b in segments[main + 1 :]:
        strong = [size for size in sizes[a:b] if size]
        if len(strong) < 2 and max(strong, default=0) < 20:
            kinds[a:b] = [_DROP] * (b - a)
    if _STRONG not in kinds:  # a tiny text (a feed entry): keep its plain sentences, if any
        return [p for p, kind, _, size in pieces if kind is _WEAK and size >= 4]
    first, last = kinds.index(_STRONG), len(kinds) - 1 - kinds[::-1].index(_STRONG)
    while first > 0 and kinds[first - 1] is _WEAK:
        first -= 1
    while last + 1 < len(kinds) and kinds[last + 1] is _WEAK:
        last += 1
    kept = zip(pieces[first : last + 1], kinds[first : last + 1], strict=True)
    return [p for (p, _, _, _), kind in kept if kind is not _DROP]


def _segment_starts(pieces: list[_Piece]) -> list[int]:
    """Where segments start: at 0, and where a run of dropped pieces reaches 3 source lines."""
    starts = [0]
    dropped = 0  # source lines in the current run of dropped pieces
    for i, (_, kind, lines, _) in enumerate(pieces):
        if kind is not _DROP:
            dropped = 0
            continue
        dropped += lines
        if dropped - lines < 3 <= dropped:
            starts.append(i)  # this run of furniture ends the segment
    return starts


def _drop_repeats_and_title(lines: list[str], title_key: str) -> list[str]:
    """Blank out the headline and repeated lines (menus, "Latest" headers, pull quotes).

    A short line seen twice is page furniture and goes entirely; a long one keeps its first
    copy. Blanked lines become paragraph breaks, so they never glue neighbours together.
    `title_key` is the title casefolded, whitespace made single ("" for none).
    """
    # Lines are already whitespace-collapsed; lower() is casefold() for ASCII, only faster.
    keys = [line.lower() if line.isascii() else line.casefold() for line in lines]
    counts = Counter(keys)
    unique = len(counts) - ("" in counts) == len(keys) - counts[""]  # among non-blank lines
    if unique and (not title_key or title_key not in counts):
        return lines  # no line repeats and none is the title: nothing to blank
    seen: set[str] = set()
    out = []
    for line, key in zip(lines, keys, strict=True):
        if not key or key == title_key or key in seen:
            out.append("")
        elif counts[key] > 1 and len(line.split()) < 10:
            out.append("")
        else:
            if counts[key] > 1:
                seen.add(key)
            out.append(line)
    return out


def _without_lead_in(text: str, title_key: str) -> str:
    """`text` without the headline, byline and date that a page glued to its first sentence.

    "Harbour bridge to close March 14, 2024 The bridge will..." begins "The bridge will":
    a paragraph loses the title (`title_key`, casefolded) when it starts with it and does
    not go on in lowercase ("Ikea höjer lönerna för ..." is a sentence of its own), and a
    lead-in of up to _LEAD_IN_WORDS words with no full stop that ends in a date (in figures,
    or a month next to a number) right before a word that starts sentences ("The", "He"),
    or a byline ("By" and capitalised words) right before such a word.
    A sentence may open so too, but then with a function word (but a byline's "By") or a
    comma: "In May 2012 the", "During the game on March 27, Russia".
    """
    end = len(title_key)
    if title_key and text[end : end + 1] == " " and not opens_in_lowercase(text[end + 1 :]):
        if text[:end].casefold() == title_key:  # (in lowercase, the sentence goes on)
            text = text[end + 1 :]
    function_word = _first_word(text).lower() in STOP
    if function_word and not opens_like_byline(text):
        return text  # a function word opens it, and no byline ("By ...") does
    words = text.split(" ", _LEAD_IN_WORDS + _MIN_REST)
    byline = is_byline(text, words)
    if function_word and not byline:
        return text
    if byline:  # "By Maria Lopez, Transport Correspondent The bridge ..."
        for i in range(2, min(len(words) - _MIN_REST, _BYLINE_WORDS + 1)):
            if words[i] in SENTENCE_STARTERS:
                return text.split(" ", i)[i]
            if not (words[i][:1].isupper() or is_date_token(words[i])):
                break
    limit = min(len(words) - _MIN_REST, _LEAD_IN_WORDS)
    if limit < 1 or SENTENCE_STARTERS.isdisjoint(words[1 : limit + 1]):
        return text  # no word that could follow a lead-in: most paragraphs
    if not _starter_after_date_token(words, limit):
        return text  # ("The" mid-sentence, after no date: most of the rest)
    for i in range(1, limit + 1):
        before = words[i - 1]
        if ends_sentence(before) and not is_date_token(before):
            break  # a sentence ended: what follows is no lead-in
        if _starts_after_date(words, i) and holds_date(words[max(i - 4, 0) : i]):
            return text.split(" ", i)[i]
    return text


def _first_word(text: str) -> str:
    """The first word of `text`, without copying the rest as str.partition would."""
    space = text.find(" ")
    return text if space < 0 else text[:space]


def _starter_after_date_token(words: list[str], limit: int) -> bool:
    """Whether a word of SENTENCE_STARTERS among ``words[1 : limit + 1]`` follows a date
    token that ends in no comma ("2024 The"): only there can a lead-in end (see
    _without_lead_in), and these cheap tests spare most paragraphs its loop."""
    return any(_starts_after_date(words, i) for i in range(1, limit + 1))


def _starts_after_date(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a word of SENTENCE_STARTERS after a date token that ends in
    no comma ("2024 The", not "March 27, Russia"): where a lead-in may end."""
    before = words[i - 1]
    return words[i] in SENTENCE_STARTERS and is_date_token(before) and before[-1] != ","


def _classify(
    text: str, size: int, ends: bool, stop: frozenset[str] = STOP, capitalised: bool = False
) -> _Kind:
    """Sort one paragraph of `size` words (see word_count) that `ends` a sentence or not;
    `stop` are the stop words its language is told by, `capitalised` whether it
    capitalises its nouns."""
    if len(text) > 50 * size:  # words of 50+ characters on average: code, data, garbage
        return _DROP
    if is_furniture(text, size, ends) or _is_note_on_the_story(text, size):
        return _DROP
    tokens = None  # lowercase word tokens, needed by short lines only
    shaped = False  # a sentence with a headline's shape
    if size <= 15:  # so len(text) <= 750: its sample is all of it
        tokens = word_tokens(text.lower())
        words = text.split(" ")  # word-level rules see all of them
        if is_short_furniture(text, words, ends, tokens):
            return _DROP
        if is_headline(text, size, words):
            if not (capitalised and reads_as_sentence(text, words, tokens, stop)):
                return _DROP
            shaped = True  # its shape leaves a doubt: body text only next to body text
    if size <= 30 and is_notice(text):
        return _DROP
    if size <= TOPIC_LINE_WORDS and is_topic_line(text):
        return _DROP  # a deck: "The economist on rates, housing and what comes next."
    kind = _by_shape(text, size, ends, tokens, stop)
    return _WEAK if shaped and kind is _STRONG else kind


def _is_note_on_the_story(text: str, size: int) -> bool:
    """A note from the editors ("Editor's note: Jane Doe is a professor ..."), a correction
    ("This story has been corrected to show ...", "An earlier version of this article
    misstated ...") or a reporting credit ("... contributed to this report."): about the
    story, not the news it tells."""
    if text[0] in _NOTE_FIRST and _NOTE_OPENING.match(text) is not None:
        return True
    if size > _CREDIT_WORDS:
        return False
    tail = text[-80:]  # (a substring test first: most lines hold no "contributed ")
    return "contributed " in tail and _CREDIT_ENDING.search(tail) is not None


def _by_shape(
    text: str, size: int, ends: bool, tokens: list[str] | None, stop: frozenset[str]
) -> _Kind:
    """The kind of a paragraph that is not boilerplate: by its length, end and stop words.

    The stop-word share is only computed when the length alone does not decide.
    """
    if text[-1] == ":":  # introduces a quote: keep a full sentence, drop a speaker label
        return _STRONG if size >= 15 and stop_share(text, tokens, stop) >= 0.1 else _DROP
    if ends:  # long lines need no stop words
        if size >= 10 or (size >= 8 and stop_share(text, tokens, stop) >= 0.1):
            return _STRONG
        if size >= 6 or (size >= 3 and stop_share(text, tokens, stop) > 0):
            return _WEAK
        return _DROP
    if size >= 16 or (size >= 10 and stop_share(text, tokens, stop) >= 0.2):
        return _MAYBE
    return _DROP


def _drop_link_runs(sizes: list[int], ends: list[bool], kinds: list[_Kind]) -> list[_Kind]:
    """Drop runs of 3+ short adjacent lines, mostly unpunctuated: a menu or link list.

    `sizes`, `ends`, `kinds`: each paragraph's size, whether it ends a sentence, its kind.
    """
    if len(kinds) < 3:
        return kinds
    out = list(kinds)
    start = 0
    for end in range(len(kinds) + 1):
        if end < len(kinds) and sizes[end] < 10:
            continue
        if end - start >= 3 and ends[start:end].count(False) * 2 >= end - start:
            out[start:end] = [_DROP] * (end - start)
        start = end + 1
    return out
