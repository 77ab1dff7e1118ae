"""The README's table of chat commands, made from the declarations.

    python -m bot.commands.reference            # prints the table
    python -m bot.commands.reference --write    # puts it in the README

A test keeps the README's table equal to this output.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.commands.declare import Access, Command, CommandSet
from bot.commands.table import COMMANDS

README = Path(__file__).resolve().parents[2] / "README.md"
START = "<!-- commands:start -->\n"
END = "<!-- commands:end -->"


def command_table(commands: CommandSet = COMMANDS) -> str:
    rows = ["| Command | What it does | Who |", "|---|---|---|"]
    for command in commands:
        usages = ", ".join(_code(use.usage(command.name)) for use in command.uses)
        rows.append(f"| {usages} | {_prose(command.summary)} | {who(command)} |")
    return "\n".join(rows) + "\n"


def who(command: Command) -> str:
    """``anyone``, ``admins``, or ``list: anyone; add, remove: admins``."""
    groups: dict[Access, list[str]] = {}
    for use in command.uses:
        groups.setdefault(use.access, []).append(use.name)
    if len(groups) == 1:
        return next(iter(groups)).value
    return "; ".join(f"{', '.join(names)}: {access.value}" for access, names in groups.items())


def with_table(readme: str, table: str) -> str:
    start = readme.index(START) + len(START)
    return readme[:start] + table + readme[readme.index(END, start) :]


def _code(text: str) -> str:
    return f"`{_cell(text)}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _prose(text: str) -> str:
    """Plain text in a Markdown cell: ``<command>`` would be taken for an HTML tag."""
    return _cell(text).replace("<", "\\<")


def main(argv: list[str]) -> int:
    table = command_table()
    if not argv:
        sys.stdout.write(table)
        return 0
    if argv != ["--write"]:
        print("usage: python -m bot.commands.reference [--write]", file=sys.stderr)
        return 2
    README.write_text(with_table(README.read_text(encoding="utf-8"), table), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
