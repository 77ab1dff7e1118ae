"""Text in and out of Slack: escaping for mrkdwn, fitting within limits, reading command text.

Slack treats ``&``, ``<`` and ``>`` as control characters in message text: ``<@U1>``,
``<!channel>`` and ``<https://x|label>`` are mentions and links. Everything the bot did not
write itself (article titles, briefings, source names, a user's input) goes through
``escape`` so it can never form one.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPACE = re.compile(r"\s+")
_WORDS = re.compile(r"\S+\s*|\s+")


def escape(text: str) -> str:
    """``&``, ``<``, ``>`` as Slack's entities: shown as themselves, never parsed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def one_line(text: str) -> str:
    """Whitespace (newlines included) collapsed to single spaces."""
    return _SPACE.sub(" ", text).strip()


def _escaped_len(char: str) -> int:
    return len(_ENTITIES.get(char, char))


def cut(text: str, limit: int) -> str:
    """``text`` shortened (not escaped) to at most ``limit`` characters, at a word boundary
    when one is near, ending with an ellipsis when anything was dropped."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit * 0.6:
        head = head[:space]
    return head.rstrip() + ELLIPSIS


def fit(text: str, limit: int) -> str:
    """``text`` escaped and no longer than ``limit`` characters once escaped."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    size = 0
    keep = 0
    for index, char in enumerate(text):
        size += _escaped_len(char)
        if size > limit - 1:
            break
        keep = index + 1
    head = text[:keep]
    space = head.rfind(" ")
    if space > keep * 0.6:
        head = head[:space]
    return escape(head.rstrip()) + ELLIPSIS


def chunks(text: str, limit: int) -> list[str]:
    """``text`` escaped and split into pieces of at most ``limit`` characters, between words
    (a word longer than ``limit`` is split inside), never inside an entity."""
    pieces: list[str] = []
    current = ""

    def flush() -> None:
        if current.strip():
            pieces.append(current.rstrip())

    for word in _WORDS.findall(text):
        escaped = escape(word)
        if len(current) + len(escaped.rstrip()) <= limit:
            current += escaped
            continue
        flush()
        current = ""
        if len(escaped.rstrip()) <= limit:
            current = escaped
            continue
        body = word.rstrip()
        for char in body:
            entity = escape(char)
            if len(current) + len(entity) > limit:
                flush()
                current = ""
            current += entity
        current += word[len(body) :]
    flush()
    return pieces


_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def command_text(text: str, *, bot_user_id: str = "") -> str:
    """What a person typed, from Slack's formatted text: the bot's own mention dropped,
    links as their URL, other mentions as ``@U…`` / ``#name``, entities decoded."""

    def plain(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        if target.startswith("@"):
            return "" if target[1:] == bot_user_id else (label and f"@{label}") or target
        if target.startswith("#"):
            return f"#{label}" if label else target
        if target.startswith("!"):
            return "@" + label.lstrip("@") if label else "@" + target[1:].split("^")[0]
        return target

    unlinked = _LINK.sub(plain, text)
    decoded = unlinked.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return one_line(decoded)
