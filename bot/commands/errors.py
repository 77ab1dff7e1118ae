"""One place where errors become replies: known errors in plain words, bugs as incidents."""

from __future__ import annotations

import logging
import uuid

from bot.replies import ErrorKind, Reply, error_reply
from summaries.errors import BriefingError
from summaries.sources.errors import (
    FetchTimeoutError,
    HTTPStatusError,
    UnreachableError,
)
from summaries.store.errors import StoreError, StoreUnavailableError

log = logging.getLogger("briefing.bot.commands")

STORE_TROUBLE = "The database is unavailable right now. Please try again in a minute."


class CommandError(Exception):
    """Raised inside a command to answer with an error reply; ``str()`` is for a person."""

    def __init__(self, kind: ErrorKind, text: str, title: str = "") -> None:
        super().__init__(text)
        self.kind = kind
        self.text = text
        self.title = title

    def reply(self) -> Reply:
        return error_reply(self.kind, self.text, self.title)


def reply_for(error: Exception, command: str) -> Reply:
    """The reply for any exception a command raised; never shows a traceback."""
    if isinstance(error, CommandError):
        return error.reply()
    if isinstance(error, StoreError):
        if not isinstance(error, StoreUnavailableError):  # a refusal ("at most 25 topics")
            return error_reply(ErrorKind.BAD_INPUT, str(error))
        log.warning("store error in command %r: %s", command, error)
        return error_reply(ErrorKind.UNAVAILABLE, STORE_TROUBLE)
    if isinstance(error, FetchTimeoutError | UnreachableError) or (
        isinstance(error, HTTPStatusError) and error.status >= 500
    ):
        return error_reply(ErrorKind.UNAVAILABLE, f"{_sentence(str(error))} Try again later.")
    if isinstance(error, BriefingError):
        return error_reply(ErrorKind.BAD_INPUT, str(error))
    incident = uuid.uuid4().hex[:8]
    log.error("incident %s in command %r", incident, command, exc_info=error)
    return error_reply(
        ErrorKind.INTERNAL,
        f"Sorry, that went wrong on my side. If it keeps happening, tell the bot's operator "
        f"incident {incident}.",
    )


def _sentence(text: str) -> str:
    """One closing full stop: "Could not reach www.." reads "Could not reach www."."""
    while text.endswith(".."):
        text = text[:-1]
    return text
