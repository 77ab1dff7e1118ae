"""Text shaped like a chat token, found and written as ``[redacted]``.

One definition for every place a secret could leak: the bot's log lines
(``bot.observability.logs``) and the messages about a bad setting
(``summaries.config``), where a token pasted into the wrong key must not be echoed.
"""

from __future__ import annotations

import base64
import binascii
import re

REDACTED = "[redacted]"

# Slack: bot (xoxb-), user (xoxp-), app-level (xapp-), config and refresh tokens: the
# letters Slack gives its token types (xoxa, b, c, d, e, p, r, s), not "xoxo-" of a word.
SLACK_TOKEN = re.compile(r"\bx(?:ox[abcdeprs]|app)-[0-9A-Za-z-]{8,}")
# Discord: base64(user id) . base64(timestamp) . HMAC; the first part starts M, N or O today.
# Each part is a whole run of base64 letters (not the tail of a longer word in an address).
DISCORD_TOKEN = re.compile(
    r"(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{23,28})\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}"
)
TOKEN_PATTERNS = (SLACK_TOKEN, DISCORD_TOKEN)


def _is_token(found: re.Match[str]) -> bool:
    """Whether ``found`` is a token: a Discord token's first part is a user id, a number
    written in base64, where a dotted slug in an address ("some-article.part-2.more")
    is words."""
    if found.re is not DISCORD_TOKEN:
        return True
    first = found.group(1)
    try:
        said = base64.urlsafe_b64decode(first + "=" * (-len(first) % 4))
    except (binascii.Error, ValueError):
        return False
    return said.isdigit()


def looks_like_token(text: str) -> bool:
    """Whether ``text`` holds something shaped like a Slack or Discord token."""
    return any(_is_token(found) for pattern in TOKEN_PATTERNS for found in pattern.finditer(text))


# A key written in hex or base64 (Slack's signing secret is 32 hex digits): a run of letters
# and digits that switches between the two again and again, as a name's words do not
# (SLACK_SIGNING_SECRET, TOKEN2). Not redacted from logs, where ids and hashes look alike.
_RUN = re.compile(r"[A-Za-z0-9]{16,}")
_SWITCH = re.compile(r"[A-Za-z](?=[0-9])|[0-9](?=[A-Za-z])")
_HEX_KEY = re.compile(r"[0-9A-Fa-f]{32,}")
_SWITCHES = 4


def looks_like_secret(text: str) -> bool:
    """Whether ``text`` holds a token, or a key in hex or base64, rather than a name."""
    if looks_like_token(text):
        return True
    return any(
        _HEX_KEY.fullmatch(run) or len(_SWITCH.findall(run)) >= _SWITCHES
        for run in _RUN.findall(text)
    )


def is_pasted_secret(value: str) -> bool:
    """Whether a setting's ``value`` is a secret pasted there: it holds a token, or it is,
    whole, a key in hex or base64 (Slack's signing secret). A name, a time or an address
    around a long id (a video's, a UUID) is none."""
    word = value.strip()
    return looks_like_token(word) or (bool(_RUN.fullmatch(word)) and looks_like_secret(word))


def redact_tokens(text: str) -> str:
    """``text`` with everything shaped like a token replaced by ``[redacted]``."""
    for pattern in TOKEN_PATTERNS:
        text = pattern.sub(lambda found: REDACTED if _is_token(found) else found[0], text)
    return text
