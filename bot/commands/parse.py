"""Reading a command line as a person types it: the command word, subcommands, topics."""

from __future__ import annotations

import re
import unicodedata

from bot.commands.errors import CommandError
from bot.replies import ErrorKind
from summaries.plaintext import strip_unsafe

MAX_LINE_CHARS = 100_000  # a command line, pasted article included (a long article is ~40,000)
_CURLY_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\uff02": '"'}
)
_WRAPPED_URL = re.compile(r"^<([^\s|<>]+)(?:\|[^<>]*)?>$")
_TOPIC_TOKEN = re.compile(r'"([^"]*)("?)|(\S+)')
# A whole line in a code span (`...`, ``...``) or block (```...```, maybe with a language
# name on its first line): what a person pasted from help or from another message.
_CODE = re.compile(r"(`{1,3})(?:(?<=```)[\w+-]*\n)?((?:(?!\1).)+)\1", re.DOTALL)


def clean_line(text: str) -> str:
    """The command line with unsafe characters removed (controls, C1 controls such as CSI,
    bidirectional overrides: see summaries.plaintext), NFC-normalized, trimmed; a line
    wholly in a code span or block is read as the text inside it.

    A line over ``MAX_LINE_CHARS`` is refused before any other work.
    """
    if len(text) > MAX_LINE_CHARS:
        raise CommandError(
            ErrorKind.USAGE,
            f"That message is {len(text):,} characters; I read at most {MAX_LINE_CHARS:,}. "
            "To summarize a long article, give its web address instead.",
        )
    text = strip_unsafe(unicodedata.normalize("NFC", str(text))).strip()
    code = _CODE.fullmatch(text)
    return code.group(2).strip() if code else text


def split_word(text: str) -> tuple[str, str]:
    """``"Sources add https://x"`` -> ``("sources", "add https://x")``."""
    parts = text.strip().split(maxsplit=1)
    if not parts:
        return "", ""
    return parts[0].casefold(), parts[1].strip() if len(parts) > 1 else ""


def parse_topics(text: str) -> list[str]:
    """``cyber "central  bank"`` -> ``["cyber", '"central bank"']``.

    Bare words are kept as typed (an acronym such as US stays upper case); a phrase keeps
    its quotes, with its inner spaces made single. Curly quotes count as straight ones.
    """
    topics: list[str] = []
    for match in _TOPIC_TOKEN.finditer(text.translate(_CURLY_QUOTES)):
        phrase, closed, word = match.groups()
        if word is not None:
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
        words = " ".join(phrase.split())
        if not words:
            raise CommandError(ErrorKind.USAGE, 'An empty pair of quotes ("") is not a topic.')
        topics.append(f'"{words}"' if " " in words else words)
    return topics


def unwrap_url(text: str) -> str:
    """Chat clients wrap links: ``<https://x>`` (Discord, no preview), ``<https://x|label>``
    (Slack). Give the bare address; any other text is returned as it is."""
    text = text.strip()
    wrapped = _WRAPPED_URL.match(text)
    return wrapped.group(1) if wrapped else text


def looks_like_url(text: str) -> bool:
    """One token that starts with a scheme or "www." (a URL, not a pasted article)."""
    word = text.strip()
    if not word or any(ch.isspace() for ch in word):
        return False
    lowered = word.casefold()
    return lowered.startswith(("http://", "https://", "www.")) or "://" in lowered[:20]
