"""``help`` and ``help <command>``, written from the one command table."""

from __future__ import annotations

import difflib

from bot.commands.context import Context
from bot.commands.errors import CommandError
from bot.commands.specs import BY_NAME, COMMANDS, CommandSpec
from bot.replies import Caller, ErrorKind, Reply


async def help_command(ctx: Context, caller: Caller, args: str) -> Reply:
    wanted = args.strip().casefold().lstrip("/!")
    if not wanted:
        return Reply(
            title="What I can do",
            lines=tuple(f"{spec.name}: {spec.summary}" for spec in COMMANDS),
            footer="help <command> tells more about one command.",
        )
    spec = BY_NAME.get(wanted.split()[0])
    if spec is None:
        raise CommandError(
            ErrorKind.USAGE, f"There is no command {wanted[:40]!r}.{suggest(wanted)}"
        )
    return Reply(title=f"help {spec.name}", text=spec.summary, lines=_details(spec, ctx, caller))


def suggest(word: str) -> str:
    """The hint after an unknown name: "Did you mean brief?", else a pointer to help."""
    close = difflib.get_close_matches(word[:40], list(BY_NAME), n=1, cutoff=0.6)
    if close:
        return f" Did you mean {close[0]}?"
    return " Type help to see the commands."


def _details(spec: CommandSpec, ctx: Context, caller: Caller) -> tuple[str, ...]:
    lines = [f"Usage: {spec.usage}", *spec.details]
    if spec.admin_subcommands:
        actions = ", ".join(f"{spec.name} {sub}" for sub in spec.admin_subcommands)
        note = "" if ctx.is_admin(caller) else " (you are not one here)"
        lines.append(f"Only admins can use {actions}{note}.")
    return tuple(lines)
