"""A time of day and an IANA time zone as a person types them, checked with a clear message."""

from __future__ import annotations

import difflib
import re
import zoneinfo
from functools import cache
from zoneinfo import ZoneInfo

from summaries.errors import InputError

_HHMM = re.compile(r"^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$")


def parse_time_of_day(text: str) -> str:
    """``"8:00"``, ``"08.30"``, ``"17h45"`` -> ``"HH:MM"``; anything else raises InputError."""
    found = _HHMM.match(text or "")
    if not found:
        raise InputError(
            f"{_shown(text)} is not a time of day. Use 24-hour HH:MM, for example 08:00 or 17:30."
        )
    return f"{int(found.group(1)):02d}:{found.group(2)}"


def canonical_time(text: str) -> str:
    """``text`` as HH:MM when it is a time of day (``parse_time_of_day``), else as it is."""
    try:
        return parse_time_of_day(text) if text else text
    except InputError:
        return text


# Names in the zone database that are not places: what "localtime" means depends on the
# machine, "Factory" is a placeholder, posix/ and right/ are copies for other uses.
_NOT_PLACES = ("localtime", "factory", "posixrules")
_NOT_PLACE_PREFIXES = ("posix/", "right/")


@cache
def timezone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows (system zoneinfo or the tzdata package)."""
    return tuple(
        sorted(
            name
            for name in zoneinfo.available_timezones()
            if name.casefold() not in _NOT_PLACES
            and not name.casefold().startswith(_NOT_PLACE_PREFIXES)
        )
    )


@cache
def _zones_by_folded() -> dict[str, str]:
    """Every zone name by its case-folded spelling (looked up at every start per channel)."""
    return {zone.casefold(): zone for zone in timezone_names()}


def _shown(text: str, limit: int = 40) -> str:
    """What the person typed, quoted, cut so a long paste is not echoed back whole."""
    text = (text or "").strip()
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def parse_timezone(name: str) -> ZoneInfo:
    """An IANA zone by name, case-insensitively; a near miss is suggested in the error."""
    wanted = (name or "").strip()
    exact = _zones_by_folded().get(wanted.casefold())
    if exact:
        return ZoneInfo(exact)
    close = difflib.get_close_matches(wanted[:64], timezone_names(), n=3, cutoff=0.6)
    hint = f" Did you mean {' or '.join(close)}?" if close else ""
    raise InputError(
        f"{_shown(wanted)} is not a time zone I know. Use an IANA name such as Europe/Berlin, "
        f"America/New_York or UTC.{hint}"
    )


def canonical_zone(name: str) -> str:
    """The IANA name of the zone ``name`` spells (``parse_timezone``), else ``name`` as it is."""
    try:
        return parse_timezone(name).key if name else name
    except InputError:
        return name
