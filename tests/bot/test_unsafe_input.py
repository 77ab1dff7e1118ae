"""Unsafe characters in chat input (C0 and C1 controls, bidirectional overrides) are
removed in one place, before any command sees its arguments: nothing stores or echoes them."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest

from bot.commands.parse import clean_line
from bot.console import run_console
from summaries.config import IngestSettings, Settings, StoreSettings

UNSAFE = ("\x9b", "\x1b", "\u202e", "\u2066", "\u2069", "\x85", "\x07")


def console_settings(tmp_path: Path) -> Settings:
    return Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")), ingest=IngestSettings(workers=1)
    )


def test_the_console_neither_stores_nor_echoes_controls_or_overrides(tmp_path):
    settings = console_settings(tmp_path)
    typed = (
        "topics add \x9b31mcyber\x1b[0m \u202ebank\u202c \u2066grid\u2069\n"
        "topics\n"
        "brief \x9bcyber\u202e\n"
    )
    out = io.StringIO()
    assert asyncio.run(run_console(settings, stdin=io.StringIO(typed), stdout=out)) == 0
    shown = out.getvalue()
    assert not [c for c in UNSAFE if c in shown], repr(shown)
    listed = shown.split("Now following", 1)[1]  # `topics` reads them back from the store
    assert "31mcyber" in listed and "bank" in listed and "grid" in listed
    assert "[0m" not in listed  # a terminal's escape sequence goes whole, not only its ESC


def test_pasted_colored_terminal_output_is_read_as_its_words():
    typed = "brief \x1b[1;31mport\x1b[0m \x1b[38;5;208mstrike\x1b[m"
    assert clean_line(typed) == "brief port strike"


@pytest.mark.parametrize("char", UNSAFE)
def test_clean_line_removes_each_unsafe_character(char):
    assert clean_line(f"topics add a{char}b\tc") == "topics add ab\tc"


def test_a_byte_that_is_not_utf8_typed_at_the_console_is_dropped(tmp_path):
    """Python reads a terminal's stdin with surrogateescape under a C or POSIX locale (as in
    many containers): a Latin-1 byte typed there arrives as a lone surrogate (U+DCE9),
    which no encoder or language model takes; `summarize` of such text was an incident."""
    settings = console_settings(tmp_path)
    text = (
        "The caf\udce9 on the quay reopened on Monday after the floods of last winter. "
        "Its owners said repairs cost more than the insurers would pay for them. "
        "Regulars queued from dawn to be the first to order breakfast again."
    )
    out = io.StringIO()
    assert (
        asyncio.run(run_console(settings, stdin=io.StringIO(f"summarize {text}\n"), stdout=out))
        == 0
    )
    shown = out.getvalue()
    assert "The caf on the quay reopened on Monday" in shown, shown
    assert "incident" not in shown
