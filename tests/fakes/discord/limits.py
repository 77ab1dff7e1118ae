"""What Discord refuses in a message body, and what in it would ping someone.

Discord answers an over-long message or command with ``400 Invalid Form Body``; the fake
does the same, so a renderer that crosses a limit fails its test at the far side.
"""

from __future__ import annotations

import re
from typing import Any

CONTENT = 2000
EMBEDS = 10
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
URL = 2048

_MENTION = re.compile(r"@(everyone|here)|<@!?(\d+)>|<@&(\d+)>")
_NAME = re.compile(r"^[-_'\w]{1,32}$")


def length(text: str) -> int:
    """Discord counts in UTF-16 code units, as JavaScript does."""
    return len(text.encode("utf-16-le")) // 2


def message_errors(body: dict[str, Any]) -> list[str]:
    """Why Discord would refuse this create/edit body (empty when it accepts it)."""
    errors: list[str] = []
    content = body.get("content") or ""
    if length(content) > CONTENT:
        errors.append(f"content: {length(content)} > {CONTENT}")
    embeds = body.get("embeds") or []
    if len(embeds) > EMBEDS:
        errors.append(f"embeds: {len(embeds)} > {EMBEDS}")
    total = 0
    for n, embed in enumerate(embeds):
        errors += [f"embeds.{n}.{e}" for e in embed_errors(embed)]
        total += embed_length(embed)
    if total > EMBED_TOTAL:
        errors.append(f"embeds: {total} characters > {EMBED_TOTAL}")
    return errors


def is_empty(body: dict[str, Any]) -> bool:
    """A new message with nothing in it (Discord: 50006 Cannot send an empty message)."""
    return not (body.get("content") or body.get("embeds") or body.get("components"))


def embed_errors(embed: dict[str, Any]) -> list[str]:
    errors = []
    for key, limit in (("title", TITLE), ("description", DESCRIPTION)):
        if length(embed.get(key) or "") > limit:
            errors.append(f"{key}: {length(embed[key])} > {limit}")
    fields = embed.get("fields") or []
    if len(fields) > FIELDS:
        errors.append(f"fields: {len(fields)} > {FIELDS}")
    for n, item in enumerate(fields):
        if not item.get("name") or length(item["name"]) > FIELD_NAME:
            errors.append(f"fields.{n}.name: empty or over {FIELD_NAME}")
        if not item.get("value") or length(item["value"]) > FIELD_VALUE:
            errors.append(f"fields.{n}.value: empty or over {FIELD_VALUE}")
    footer = (embed.get("footer") or {}).get("text") or ""
    if length(footer) > FOOTER:
        errors.append(f"footer.text: {length(footer)} > {FOOTER}")
    author = (embed.get("author") or {}).get("name") or ""
    if length(author) > AUTHOR:
        errors.append(f"author.name: {length(author)} > {AUTHOR}")
    url = embed.get("url")
    if url is not None and (not re.match(r"^https?://\S+$", url) or length(url) > URL):
        errors.append(f"url: not a well formed http(s) URL: {url[:80]!r}")
    if not embed_length(embed) and not embed.get("image") and not embed.get("thumbnail"):
        errors.append("embed: empty")
    return errors


def embed_length(embed: dict[str, Any]) -> int:
    """The characters Discord counts towards the 6,000 of a message."""
    total = length(embed.get("title") or "") + length(embed.get("description") or "")
    for item in embed.get("fields") or []:
        total += length(item.get("name") or "") + length(item.get("value") or "")
    total += length((embed.get("footer") or {}).get("text") or "")
    total += length((embed.get("author") or {}).get("name") or "")
    return total


def pings(body: dict[str, Any]) -> list[str]:
    """The mentions in ``content`` that would notify someone under ``allowed_mentions``.

    Without ``allowed_mentions`` Discord parses every mention in the content. Mentions in
    embeds never notify.
    """
    allowed = body.get("allowed_mentions")
    parse = {"everyone", "users", "roles"} if allowed is None else set(allowed.get("parse", []))
    users = set() if allowed is None else set(allowed.get("users", []))
    roles = set() if allowed is None else set(allowed.get("roles", []))
    found = []
    for match in _MENTION.finditer(body.get("content") or ""):
        everyone, user, role = match.groups()
        if everyone and "everyone" in parse:
            found.append(match.group(0))
        elif user and ("users" in parse or user in users):
            found.append(match.group(0))
        elif role and ("roles" in parse or role in roles):
            found.append(match.group(0))
    return found


def command_errors(command: dict[str, Any]) -> list[str]:
    """Why Discord would refuse an application command in a bulk overwrite."""
    errors = []
    name = command.get("name", "")
    if not _NAME.match(name) or name != name.lower():
        errors.append(f"name {name!r}: must be 1-32 lower-case letters, digits, - or _")
    if command.get("type", 1) == 1 and not 1 <= len(command.get("description", "")) <= 100:
        errors.append(f"{name}: description must be 1-100 characters")
    errors += _options_errors(name, command.get("options") or [])
    return errors


def _options_errors(where: str, options: list[dict[str, Any]]) -> list[str]:
    errors = []
    if len(options) > 25:
        errors.append(f"{where}: more than 25 options")
    seen_optional = False
    for option in options:
        name = option.get("name", "")
        here = f"{where}.{name}"
        if not _NAME.match(name) or name != name.lower():
            errors.append(f"{here}: bad option name")
        if not 1 <= len(option.get("description", "")) <= 100:
            errors.append(f"{here}: description must be 1-100 characters")
        if option.get("type") in (1, 2):
            errors += _options_errors(here, option.get("options") or [])
            continue
        if option.get("required"):
            if seen_optional:
                errors.append(f"{here}: a required option after an optional one")
        else:
            seen_optional = True
        if len(option.get("choices") or []) > 25:
            errors.append(f"{here}: more than 25 choices")
        if option.get("choices") and option.get("autocomplete"):
            errors.append(f"{here}: choices and autocomplete together")
    return errors
