"""What each check of ``briefing doctor`` finds: ok, a note (worth knowing, not wrong) or a
problem (the bot will not work as configured), with how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

OK, NOTE, PROBLEM = "ok", "note", "problem"


@dataclass(frozen=True, slots=True)
class Finding:
    check: str  # "config", "time zones", "environment", "database", "sources", "channels"
    status: str  # OK, NOTE or PROBLEM
    message: str
    fix: str = ""


def ok(check: str, message: str) -> Finding:
    return Finding(check, OK, message)


def note(check: str, message: str, fix: str = "") -> Finding:
    return Finding(check, NOTE, message, fix)


def problem(check: str, message: str, fix: str) -> Finding:
    return Finding(check, PROBLEM, message, fix)


def counted(count: int, one: str, many: str) -> str:
    """``1 entry``, ``2 entries``."""
    return f"{count} {one if count == 1 else many}"
