"""One structured line per log event, with every secret written as ``[redacted]``.

The composition root calls :func:`configure_logging` once, before anything logs::

    handler = configure_logging(settings)   # [logging] level and format
    ...
    logging.getLogger().removeHandler(handler)   # at exit (tests)

Formats (``[logging] format``):

- ``logfmt`` (default): ``time=2025-03-05T08:00:00.123Z level=info logger=bot.delivery
  msg="digest posted" channel=discord:1 stories=5``. A value is quoted when it holds a
  space, ``=`` or ``"``; inside quotes a newline is ``\\n`` and other control characters
  ``\\u00XX`` (JSON's escapes), so one event is always one line, tracebacks included
  (``exc="Traceback ...\\n..."``).
- ``json``: the same fields as one JSON object per line.

The message is the event ("digest posted"); details go in ``extra={...}`` and become
fields of their own.

Redaction: the values of the environment variables named in ``[discord] token_env`` and
``[slack] *_env`` (read when logging is configured), and anything shaped like a Slack
token (``xoxb-``, ``xapp-``...) or a Discord bot token (``summaries.redaction``), are
replaced in the message, its arguments, extra fields, the exception text and the
stack, three times over: the log record factory is wrapped so every record is born
redacted (whatever handler later sees it), a :class:`RedactingFilter` on our handler
also covers ``extra=`` fields, and the formatter redacts its finished line once more.
Do not use ``discord.Client.run`` (it installs a handler of its own); ``async with
client: await client.start(token)`` does not.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, TextIO
from urllib.parse import quote

from summaries.config import Settings
from summaries.redaction import REDACTED, redact_tokens

MIN_SECRET_LENGTH = 6  # shorter values are not secrets worth garbling every log line for

_STANDARD_ATTRS = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "taskName",
}
_LOGFMT_KEY = re.compile(r"[^A-Za-z0-9_.-]")
_NEEDS_QUOTES = re.compile(r'[\s="\\\x00-\x1f\x7f]')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def secret_env_names(settings: Settings) -> tuple[str, ...]:
    """The environment variables that hold this configuration's secrets: the chat tokens,
    the dashboard's keys (sign-in client secrets, the session key: a hex or base64 key is
    not token-shaped, so only its value finds it) and PostgreSQL's password."""
    slack, web = settings.slack, settings.web
    names = (
        settings.discord.token_env,
        slack.bot_token_env,
        slack.app_token_env,
        slack.signing_secret_env,
        web.session_secret_env,
        web.discord_client_secret_env,
        web.slack_client_secret_env,
        "PGPASSWORD",  # libpq's; a store URL may not hold a password (summaries.store.location)
    )
    return tuple(name for name in names if name)


# A slash command's response_url (``https://hooks.slack.com/commands/T…/…/…``, its
# slashes escaped as ``\/`` in Slack's JSON): its path lets anyone answer as the app for
# half an hour. slack_sdk logs it at DEBUG, in the address of each answer sent and in
# each Socket Mode payload.
SLACK_HOOK_PATH = re.compile(
    r"(hooks\.slack(?:-gov)?\.com)\\*/[A-Za-z0-9_-]+(?:\\*/[A-Za-z0-9_-]+)*"
)


class Redactor:
    """Replaces known secret values, token-shaped strings and the path of a Slack
    response_url with ``[redacted]``."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        found: set[str] = set()
        for secret in secrets:
            secret = (secret or "").strip()
            if len(secret) >= MIN_SECRET_LENGTH:
                found |= {secret, quote(secret, safe="")}  # also as it appears in a URL
        self._secrets = tuple(sorted(found, key=len, reverse=True))  # longest first

    @classmethod
    def from_settings(
        cls, settings: Settings, environ: Mapping[str, str] | None = None
    ) -> Redactor:
        environ = os.environ if environ is None else environ
        return cls(environ.get(name, "") for name in secret_env_names(settings))

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return SLACK_HOOK_PATH.sub(rf"\1/{REDACTED}", redact_tokens(text))


class RedactingFilter(logging.Filter):
    """Rewrites a record in place (message, arguments, extras, exception, stack)."""

    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self._redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record, self._redact)
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD_ATTRS and isinstance(value, str):
                setattr(record, key, self._redact(value))
        return True


class RedactingRecordFactory:
    """Wraps the log record factory so that every record is born redacted: handlers that
    run before ours (a library's, a test's capture) never see a secret either.

    Fields given with ``extra=`` are set after the factory runs; the filter covers them.
    """

    def __init__(self, base: Callable[..., logging.LogRecord], redact: Redactor) -> None:
        self.base = base
        self._redact = redact

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.base(*args, **kwargs)
        redact_record(record, self._redact)
        return record


_PLAIN = logging.Formatter()


def redact_record(record: logging.LogRecord, redact: Redactor) -> None:
    """Format the message now and redact it, the exception text and the stack."""
    if record.args or not isinstance(record.msg, str):
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the message: keep both, as logging would
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = message, None
    record.msg = redact(record.msg)
    if record.exc_info and not record.exc_text:
        record.exc_text = _PLAIN.formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


class StructuredFormatter(logging.Formatter):
    """A record as one logfmt or JSON line: time, level, logger, msg, extras, exc."""

    def __init__(self, style: str = "logfmt", redact: Redactor | None = None) -> None:
        super().__init__()
        if style not in ("logfmt", "json"):
            raise ValueError(f"unknown log format {style!r}")
        self._style = style
        self._redact = redact or Redactor()

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and not key.startswith("_") and key not in fields:
                fields[key] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            fields["exc"] = record.exc_text
        if record.stack_info:
            fields["stack"] = record.stack_info
        line = _json_line(fields) if self._style == "json" else _logfmt_line(fields)
        return self._redact(line)


def configure_logging(
    settings: Settings,
    *,
    stream: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> logging.Handler:
    """Install the one structured, redacting handler on the root logger; return it.

    Also wraps the log record factory (see RedactingRecordFactory). Calling it again
    replaces what it installed before; :func:`remove_logging` undoes it.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "briefing_structured", False)]:
        remove_logging(old)
    redact = Redactor.from_settings(settings, environ)
    factory = logging.getLogRecordFactory()
    if isinstance(factory, RedactingRecordFactory):
        factory = factory.base
    logging.setLogRecordFactory(RedactingRecordFactory(factory, redact))
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.briefing_structured = True  # type: ignore[attr-defined]
    handler.addFilter(RedactingFilter(redact))
    handler.setFormatter(StructuredFormatter(settings.logging.format, redact))
    root.addHandler(handler)
    root.setLevel(settings.logging.level.upper())
    # httpx logs each request's whole address at INFO, and a feed's query may carry a key
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return handler


def remove_logging(handler: logging.Handler) -> None:
    """Take out a handler configure_logging installed, and its record factory."""
    logging.getLogger().removeHandler(handler)
    handler.close()
    factory = logging.getLogRecordFactory()
    if isinstance(factory, RedactingRecordFactory):
        logging.setLogRecordFactory(factory.base)


def _logfmt_line(fields: Mapping[str, object]) -> str:
    return " ".join(f"{_LOGFMT_KEY.sub('_', key)}={_logfmt_value(v)}" for key, v in fields.items())


def _logfmt_value(value: object) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    text = value if isinstance(value, str) else str(value)
    if text and not _NEEDS_QUOTES.search(text):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = _CONTROL.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), escaped)
    return f'"{escaped}"'


def _json_line(fields: Mapping[str, object]) -> str:
    return json.dumps(fields, ensure_ascii=False, default=str, separators=(",", ":"))
