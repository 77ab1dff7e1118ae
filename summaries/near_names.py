"""The known names nearest to one a person mistyped: one reading for every "did you mean"
(a config key or section, a summary method, a language, a command-line choice)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def near_names(given: str, names: Iterable[str], *, cutoff: float = 0.6) -> list[str]:
    """Up to three of ``names`` nearest to ``given``, compared without case; the nearest
    first. A long paste is cut first: it is no name, and comparing it whole is slow."""
    spelled = {name.lower(): name for name in names}
    wanted = given.strip().lower()[:64]
    return [spelled[near] for near in difflib.get_close_matches(wanted, spelled, 3, cutoff)]


def did_you_mean(given: str, names: Iterable[str], *, cutoff: float = 0.6) -> str:
    """`` (did you mean a or b?)`` for the names near ``given``; empty when there is none."""
    near = near_names(given, names, cutoff=cutoff)
    return f" (did you mean {' or '.join(near)}?)" if near else ""
