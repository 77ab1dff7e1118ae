"""The bounds on briefing options, shared by config.toml, the CLI and chat commands."""

from __future__ import annotations

from collections.abc import Mapping

from summaries.errors import InvalidOptionError
from summaries.models import SummaryOptions

MAX_BRIEFING_SENTENCES = 50
MIN_BRIEFING_CHARS = 80
MAX_BRIEFING_CHARS = 20_000


def check_options(
    options: SummaryOptions, names: Mapping[str, str] | None = None
) -> SummaryOptions:
    """Return ``options`` unchanged, or raise InvalidOptionError naming the bad one: by
    its key, or as ``names`` has it ({"sentences": "-n/--sentences"}: as it was typed)."""
    named = names or {}
    if not 1 <= options.sentences <= MAX_BRIEFING_SENTENCES:
        raise InvalidOptionError(
            f"{named.get('sentences', 'sentences')} must be between 1 and "
            f"{MAX_BRIEFING_SENTENCES}, not {options.sentences}."
        )
    if not MIN_BRIEFING_CHARS <= options.max_chars <= MAX_BRIEFING_CHARS:
        raise InvalidOptionError(
            f"{named.get('max_chars', 'max_chars')} must be between {MIN_BRIEFING_CHARS} and "
            f"{MAX_BRIEFING_CHARS}, not {options.max_chars}."
        )
    return options
