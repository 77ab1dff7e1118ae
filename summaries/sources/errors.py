"""Why a source or a web address could not be read, in words a person can act on.

Every class here is a :class:`~summaries.errors.BriefingError`, so ``str(error)`` is safe to
show in a chat reply or to store as a source's last error. The fetch errors are also
:class:`~summaries.errors.InputError` (what ``/summarize <url>`` reports); ``SourceError``
is for a source that answered but is not what it claims to be (not a feed, not a folder).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from http import HTTPStatus

from summaries.errors import BriefingError, InputError, InputTooLargeError, megabytes
from summaries.sources._zones import email_date

PRIVATE = "That address points inside a private network, so it will not be fetched."
PRIVATE_REDIRECT = "That address redirects inside a private network, so it will not be fetched."
TOO_SLOW = "The site took too long to answer."
_SECONDS = re.compile(r"[0-9]+")


class SourceError(BriefingError):
    """A source was read but is not usable as what it claims to be (a feed, a folder)."""


class FetchError(InputError):
    """A web address could not be fetched; the message says why."""


class InvalidAddressError(FetchError):
    """Not a web address we fetch: malformed, no host, or a scheme other than http(s)."""


class BlockedAddressError(FetchError):
    """The host resolves to a loopback, private, link-local, multicast... address: the
    address's own host, or (``redirected``) that of an address it redirects to. With
    ``by_name``, the refused host is a name whose DNS answer was such an address (an
    answer that may change); else it is one written as an IP address (one that cannot)."""

    def __init__(self, *, redirected: bool = False, by_name: bool = False) -> None:
        super().__init__(PRIVATE_REDIRECT if redirected else PRIVATE)
        self.redirected = redirected
        self.by_name = by_name


class UnreachableError(FetchError):
    """The host name does not resolve, or nothing accepts the connection."""

    def __init__(self, host: str) -> None:
        super().__init__(f"Could not reach {host}.")


class CutOffError(UnreachableError):
    """The answer stopped before it was whole: the connection closed inside the body (a
    chunk, the length it declared, or its compressed stream unfinished). Like a host not
    reached now, it may pass by itself."""

    def __init__(self, host: str) -> None:
        FetchError.__init__(self, f"The answer from {host} broke off before it was whole.")


class FetchTimeoutError(FetchError):
    """The fetch (name resolution, connection, redirects and body) ran past its time."""

    def __init__(self) -> None:
        super().__init__(TOO_SLOW)


class TooManyRedirectsError(FetchError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"The site redirected more than {limit} times; giving up.")


class HTTPStatusError(FetchError):
    """The site answered with an error status (or a redirect without a target);
    ``retry_after``, how long its ``Retry-After`` header asked to wait, if it did."""

    def __init__(self, status: int, message: str, retry_after: timedelta | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after

    @classmethod
    def answered(cls, status: int, retry_after: str | None = None) -> HTTPStatusError:
        """The answer ``status``, with the ``Retry-After`` header's value if it had one
        (seconds, or an HTTP date): read on 429 and 503 only, the answers it is meant for,
        where the wait is said; on another it asks for nothing."""
        wait = _retry_after(retry_after) if retry_after and status in (429, 503) else None
        message = f"The site answered {status_text(status)}."
        if wait is not None and wait > timedelta(0):
            message += f" It asks to be asked again in {_duration(wait)}."
        return cls(status, message, wait)


def _retry_after(value: str) -> timedelta | None:
    """A ``Retry-After`` value as a wait: delay-seconds or an HTTP date; None if neither."""
    value = value.strip()
    if _SECONDS.fullmatch(value):  # ASCII digits only: "²" is a digit to str.isdigit
        digits = value.lstrip("0")
        return timedelta(seconds=int(digits or "0") if len(digits) <= 8 else 10**8)
    when = email_date(value)
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when - datetime.now(UTC)


def _duration(wait: timedelta) -> str:
    """A wait in words for a person: "90 seconds", "5 minutes", "2 hours"."""
    seconds = round(wait.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= 2 * size:
            return f"{seconds // size} {unit}s"
    return f"{seconds} second" + ("" if seconds == 1 else "s")


class UnsupportedContentError(FetchError):
    """The address serves a media type that is not the kind asked for (an image...)."""


class DamagedResponseError(FetchError):
    def __init__(self) -> None:
        super().__init__("The site sent a damaged (badly compressed) page.")


class ResponseTooLargeError(InputTooLargeError, FetchError):
    """The response passed the size cap: its declared ``size``, or ``None`` when it passed
    the cap while it arrived (its whole size is not known). ``advice`` ends the message:
    what to do about it depends on what was fetched (an article, a feed)."""

    def __init__(self, size: int | None, limit: int, advice: str) -> None:
        sent = (
            f"The site sent more than the limit of {megabytes(limit)}."
            if size is None
            else f"The site would send {megabytes(size)}; the limit is {megabytes(limit)}."
        )
        FetchError.__init__(self, f"{sent} {advice}")


def named_feed_failed(refusal: BriefingError, why: BriefingError) -> SourceError:
    """``refusal`` of a web page given for a feed or a source, and ``why`` the feed the
    page names could not be read in its place (a 404, a private address...)."""
    return SourceError(f"{refusal} The feed it names could not be read: {why}")


def is_temporary(error: BaseException) -> bool:
    """Whether a fetch failed for a reason that may pass by itself: a timeout, a host that
    cannot be reached now, or an answer that says to come back (408, 429, 5xx). Anything
    else (404, 410, a page that is no article...) is taken to stay as it is."""
    if isinstance(error, (FetchTimeoutError, UnreachableError)):
        return True
    return isinstance(error, HTTPStatusError) and (
        error.status in (408, 429) or error.status >= 500
    )


def is_gone(error: BaseException) -> bool:
    """Whether a fetch was answered that the page is not there (404 Not Found, 410 Gone),
    or not there for the bot: 401 Unauthorized, 403 Forbidden (a paywall, a bot wall in
    front of a site whose feed is open), 451 Unavailable For Legal Reasons."""
    return isinstance(error, HTTPStatusError) and error.status in (401, 403, 404, 410, 451)


def is_refused(error: BaseException) -> bool:
    """Whether the bot itself refused the fetch: an address it never fetches (inside a
    private network, or redirecting there; not http(s); with credentials). Asking again
    is refused again."""
    return isinstance(error, (BlockedAddressError, InvalidAddressError))


def status_text(status: int) -> str:
    """The status as ``404 Not Found``, with the standard phrase, never the site's own."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)
