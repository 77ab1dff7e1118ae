"""Reading a command line as a person types it: the command word, subcommands, topics."""

from __future__ import annotations

import re
import unicodedata

from bot import text as shared
from bot.commands.declare import SENTENCE_END
from bot.commands.errors import CommandError
from bot.replies import ErrorKind
from summaries.option_words import CURLY_QUOTES as _CURLY_QUOTES
from summaries.plaintext import strip_unsafe

MAX_LINE_CHARS = 100_000  # a command line, pasted article included (a long article is ~40,000)
# <https://x> or <https://x|label>, in a sentence's brackets or before its punctuation:
# the client's link ends where the address does ("<https://x>." is Slack's "https://x.")
_WRAPPED_URL = re.compile(r"^\(?<([^\s|<>]+)(?:\|[^<>]*)?>\)?[.,:;!?]*$")
_QUOTED_WORD = re.compile(r"""^(["'])[^\s"']+\1$""")
_TOPIC_TOKEN = re.compile(r'"([^"]*)("?)|(\S+)')
# An em or en dash glued to the start of a word, outside quotes.
_GLUED_DASH = re.compile(r"(?<!\S)[\u2013\u2014](?=[^\W\d_])")
_NOTHING_TO_SEE = frozenset(("Cc", "Co", "Cn", "Cs"))  # controls, private use, unassigned


def clean_line(text: str) -> str:
    """The command line with unsafe characters removed (controls, C1 controls such as CSI,
    bidirectional overrides: see summaries.plaintext), NFC-normalized, trimmed (a line
    wholly in code formatting is read by ``bot.commands.code``).

    A line over ``MAX_LINE_CHARS`` is refused before any other work.
    """
    if len(text) > MAX_LINE_CHARS:
        raise CommandError(
            ErrorKind.USAGE,
            f"That message is {len(text):,} characters; I read at most {MAX_LINE_CHARS:,}. "
            "To summarize a long article, give its web address instead.",
        )
    return strip_unsafe(unicodedata.normalize("NFC", str(text))).strip()


def split_word(text: str) -> tuple[str, str]:
    """``"Sources add https://x"`` -> ``("sources", "add https://x")``."""
    parts = text.strip().split(maxsplit=1)
    if not parts:
        return "", ""
    return parts[0].casefold(), parts[1].strip() if len(parts) > 1 else ""


def parse_topics(text: str) -> list[str]:
    """``cyber "central  bank"`` -> ``["cyber", '"central bank"']``.

    Bare words are kept as typed (an acronym such as US stays upper case), less invisible
    characters at their edges (``trim_invisible``) and in their compatibility form
    (fullwidth "ｃｙｂｅｒ" is cyber, as search reads it); a phrase keeps its quotes, with
    its inner spaces made single. Curly quotes count as straight ones.
    """
    topics: list[str] = []
    quote_ended = -1  # where the last phrase's closing quote is
    text = text.translate(_CURLY_QUOTES).rstrip()
    for match in _TOPIC_TOKEN.finditer(text):
        phrase, closed, word = match.groups()
        if word is not None:
            word = _topic_word(word)
            if match.end() == len(text):
                word = _sentence_end_dropped(word)
            if not word or (match.start() == quote_ended and not word.strip(SENTENCE_END)):
                continue  # '"central bank".': the full stop is the sentence's
            if '"' in word:
                raise CommandError(
                    ErrorKind.USAGE,
                    f"I cannot read {word!r}: put a phrase in double quotes, "
                    'like "central bank", with spaces around it.',
                )
            topics.append(word)
            continue
        if not closed:
            raise CommandError(
                ErrorKind.USAGE, 'A quote is not closed: write a phrase as "central bank".'
            )
        words = " ".join(filter(None, map(_topic_word, phrase.split())))
        if not words:
            raise CommandError(ErrorKind.USAGE, 'An empty pair of quotes ("") is not a topic.')
        topics.append(f'"{words}"' if " " in words else words)
        quote_ended = match.end()
    return topics


# A word of letters and digits (hyphens and apostrophes joining them), then one mark
# that ends the sentence: "cyber." "e-commerce!" "Ukraine?"; never "AT&T!" or "Node.js."
_WORD_AND_SENTENCE_END = re.compile(r"^([^\W_]+(?:['\u2019-][^\W_]+)*)[.,!?]$")


def _sentence_end_dropped(word: str) -> str:
    """The last word of a command less the mark that ends the sentence, when the rest
    is a plain word (``_WORD_AND_SENTENCE_END``): ``topics add cyber.`` follows cyber.
    A word with other marks inside keeps its end as typed: it may be a name (AT&T!)."""
    plain = _WORD_AND_SENTENCE_END.match(word)
    return plain.group(1) if plain else word


def _topic_word(word: str) -> str:
    return unicodedata.normalize("NFKC", trim_invisible(word))


def trim_invisible(word: str) -> str:
    """``word`` without the invisible characters at its start and end: format characters
    (zero-width joiners, direction marks) and variation selectors join or mark nothing
    there, yet would make a topic that looks like ``cyber`` another one. Inside a word
    they are kept (a zero-width non-joiner is spelling in Persian)."""
    start, end = 0, len(word)
    while start < end and _invisible(word[start]):
        start += 1
    while end > start and _invisible(word[end - 1]):
        end -= 1
    return word[start:end]


def _invisible(char: str) -> bool:
    point = ord(char)
    return (
        unicodedata.category(char) == "Cf"
        or 0xFE00 <= point <= 0xFE0F
        or 0xE0100 <= point <= 0xE01EF
    )


def unwrap_url(text: str) -> str:
    """Chat clients wrap links: ``<https://x>`` (Discord, no preview), ``<https://x|label>``
    (Slack), and people put them in quotes (``"https://x"``, curly ones too). Give the bare
    address; any other text is returned as it is."""
    text = text.strip()
    if _QUOTED_WORD.match(text.translate(_CURLY_QUOTES)):
        inside = text[1:-1]
        if inside.startswith("<") or looks_like_url(inside):
            text = inside
    wrapped = _WRAPPED_URL.match(text)
    if wrapped:
        return wrapped.group(1)
    return _autolinked(text) if looks_like_url(text) else text


def _autolinked(url: str) -> str:
    """``url`` as a chat client links it when it ends a sentence or sits in brackets
    (GitHub's extended autolinks; Discord and Slack alike): a trailing full stop, comma,
    colon, semicolon, question or exclamation mark is the sentence's, and so is a closing
    parenthesis that the address opens none for: "(see https://x.org/a)." is x.org/a.
    What would be no address without it ("www.") keeps it, to be refused as it is."""
    while True:
        if url.startswith("(") and url.endswith(")"):
            bare = url[1:-1]
        elif url.endswith(tuple(".,:;!?")):
            bare = url[:-1]
        elif url.endswith(")") and url.count(")") > url.count("("):
            bare = url[:-1]
        elif url.startswith("(") and url.count("(") > url.count(")"):
            bare = url[1:]
        else:
            return url
        if not looks_like_url(bare):
            return url
        url = bare


def looks_like_url(text: str) -> bool:
    """One token that starts with a scheme or "www." (a URL, not a pasted article)."""
    word = text.strip()
    if not word or any(ch.isspace() for ch in word):
        return False
    lowered = word.casefold()
    return lowered.startswith(("http://", "https://", "www.")) or "://" in lowered[:20]


def glued_dashes_dropped(text: str) -> str:
    """``text`` without an em or en dash glued to the start of a word outside double
    quotes: ``—the war`` is the words "the war" (what ``option_word`` let through is
    punctuation, not part of a keyword or topic)."""
    pieces = re.split(r'("[^"]*"?)', text.translate(_CURLY_QUOTES))
    if len(pieces) == 1:  # nothing quoted: the text keeps its own quote marks
        return _GLUED_DASH.sub("", text)
    return "".join(
        piece if index % 2 else _GLUED_DASH.sub("", piece) for index, piece in enumerate(pieces)
    )


def quoted(word: str, limit: int = 40) -> str:
    """A word the person typed, quoted in an answer as typed: cut to ``limit`` characters
    with an ellipsis, so a cut word is never shown as if typed so. In double quotes when
    it holds a single one. A character that is nothing to see (unassigned, private-use)
    is written as its code, ``\ue000``, so the answer says it is there; one that shapes
    its neighbours (the joiner of 👨‍👩‍👧, the tags of a flag) is kept."""
    shown = shared.clip(word, limit)
    mark = '"' if "'" in shown and '"' not in shown else "'"
    visible = "".join(
        repr(char)[1:-1] if unicodedata.category(char) in _NOTHING_TO_SEE else char
        for char in shown
    )
    return f"{mark}{visible}{mark}"


def first_word(text: str) -> str:
    """The first word of ``text`` as typed (``split_word`` gives it folded, to look up)."""
    words = text.split(maxsplit=1)
    return words[0] if words else ""
