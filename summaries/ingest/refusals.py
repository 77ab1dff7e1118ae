"""Entries whose link the bot refused to fetch (inside a private network, or redirecting
there): when to ask again.

Such an entry is said once, then remembered with the entries without article text (see
store/textless.py), under a *refusal mark* instead of its bare version: the entry's
version, the ``allow_hosts`` the refusal was made under, and, when the refused host was a
name whose DNS answer was private, how many times it was asked and when to ask again.
A later read of the feed passes over the entry while its mark holds, and asks again:

- when ``[sources] allow_hosts`` has changed since (an admin allowed a host: the refused
  entries are read again, once);
- for a refusal of a host *name*, on a bounded schedule (``DNS_RETRIES``: 1, 4, 16 and 64
  hours after the refusal before it), since a DNS answer may change; after the last of
  them it stays refused, as a refusal of an IP address written in the link does (which
  cannot change), until the entry itself or ``allow_hosts`` changes.

A feed that answers "not modified" lists the same entries: while one of its refusals is
due to be asked again (``asks_again``), the feed is read whole.

A link refused for its form (another scheme than http(s), a password in it) is refused
whatever the hosts allowed: it is remembered as an entry without text is, by its bare
version, and asked again only when the entry changes.

A refusal asked again and refused again is not said again: it was said once; `briefing
sources list` counts a source's refused entries for its operator.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from summaries.sources import BlockedAddressError

DNS_RETRIES = (timedelta(hours=1), timedelta(hours=4), timedelta(hours=16), timedelta(hours=64))
_MARK = "\x1frefused "  # never in a version (a digest), so a mark is never a version


@dataclass(frozen=True, slots=True)
class Refusal:
    """A remembered refusal: under which ``allow_hosts`` (their digest), how many times a
    host name was asked again (``tries``), and when it may be asked next (``retry_at``,
    None for a refusal that waits for a change)."""

    allowed: str
    tries: int = 0
    retry_at: datetime | None = None


def allowed_digest(allow_hosts: Iterable[str]) -> str:
    """A short digest of the hosts an admin allows, in any order."""
    joined = "\n".join(sorted(set(allow_hosts)))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def refusal_of(mark: str | None, version: str) -> Refusal | None:
    """The refusal ``mark`` remembers for an entry at ``version``; None when the mark is
    not one, or one of another version of the entry."""
    if mark is None or not mark.startswith(version + _MARK):
        return None
    return _refusal(mark[len(version) + len(_MARK) :])


def asks_again(marks: Iterable[str], allowed: str, now: datetime) -> bool:
    """Whether any of a source's remembered entries (``marks``) is a refusal to be asked
    again at ``now``, under ``allowed``: its feed is then read whole, not answered "not
    modified", so that the entry is there to be asked (a feed that does not change lists
    it still)."""
    for mark in marks:
        _, found, rest = mark.partition(_MARK)
        refusal = _refusal(rest) if found else None
        if refusal is not None and not holds(refusal, allowed, now):
            return True
    return False


def _refusal(written: str) -> Refusal | None:
    """The refusal written after a mark's version and ``_MARK``; None if it is no such."""
    allowed, tries, retry_at = (written.split(" ") + ["", ""])[:3]
    try:
        return Refusal(
            allowed, int(tries or 0), datetime.fromisoformat(retry_at) if retry_at else None
        )
    except ValueError:
        return None


def refused_mark(
    version: str, error: BaseException, before: Refusal | None, allowed: str, now: datetime
) -> str:
    """The mark of an entry at ``version`` refused now (by ``error``) under ``allowed``
    (its digest): a refused host name is asked again on the schedule, counting on from
    the refusal ``before`` under the same hosts; an IP address, on a change. A link
    refused for its form (not http(s), a password in it) is no refusal of a host, and
    ``allow_hosts`` changes nothing of it: its bare version, asked again when the entry
    changes, as an entry without text is."""
    if not isinstance(error, BlockedAddressError):
        return version
    tries = before.tries + 1 if before is not None and before.allowed == allowed else 0
    if not error.by_name or tries >= len(DNS_RETRIES):
        return f"{version}{_MARK}{allowed}"
    return f"{version}{_MARK}{allowed} {tries} {(now + DNS_RETRIES[tries]).isoformat()}"


def refused_count(marks: Iterable[str]) -> int:
    """How many of a source's remembered entries (``marks``) are refusals."""
    return sum(_MARK in mark for mark in marks)


def holds(refusal: Refusal, allowed: str, now: datetime) -> bool:
    """Whether a remembered ``refusal`` still holds at ``now``, under ``allowed``."""
    if refusal.allowed != allowed:
        return False
    return refusal.retry_at is None or now < refusal.retry_at
