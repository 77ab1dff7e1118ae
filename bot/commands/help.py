"""``help`` and ``help <command>``, written from the declared commands."""

from __future__ import annotations

from bot.commands.context import Context
from bot.commands.declare import SENTENCE_END, Access, Command, Request, said
from bot.commands.errors import CommandError
from bot.commands.parse import first_word, quoted
from bot.replies import Caller, ErrorKind, Reply

# Words of a plea, not names of commands: "help me", "help me with topics", "help on brief".
_PLEA = frozenset(("me", "us", "please", "pls", "plz", "with", "on", "about", "for", "out"))


async def help_command(ctx: Context, caller: Caller, request: Request) -> Reply:
    words = request.text.split()
    while words and said(words[0].casefold(), _PLEA):
        words.pop(0)
    asked = " ".join(words).lstrip("/!")
    wanted = asked.casefold().rstrip(SENTENCE_END)
    if not wanted:
        return _listing(ctx, caller)
    name, typed = wanted.split()[0], first_word(asked)
    command = ctx.commands.find(name)
    text = command.summary if command is not None else ""
    if command is None:
        command = ctx.commands.meant(name)
        if command is None:
            raise CommandError(
                ErrorKind.USAGE,
                f"There is no command {quoted(typed)}.{ctx.commands.suggest(name)}",
            )
        text = f"For {quoted(typed)}, the command is {command.name}: {command.summary}"
    return Reply(title=f"help {command.name}", text=text, lines=_details(command, ctx, caller))


def _listing(ctx: Context, caller: Caller) -> Reply:
    """Every command, or in a direct message only those that answer there: outside any
    server or workspace (Discord's) those that work anywhere; in one that belongs to a
    workspace (Slack's) also the read-only ones of the asker's own (``sources list``).
    The others are refused there (see Context.not_here)."""
    footer = "help <command> tells more about one command."
    lines = [f"{command.name}: {command.summary}" for command in ctx.commands]
    if caller.direct:
        lines = [
            f"{name}: {command.summary}"
            for command in ctx.commands
            for name in _answering_in_direct(command)
        ]
        footer = f"The others work in the channels of a {caller.terms.tenant}. {footer}"
    elif caller.tenant is None and not caller.tenant_unknown:
        lines = [f"{c.name}: {c.summary}" for c in ctx.commands if c.anywhere]
        footer = f"The others work in the channels of a {caller.terms.tenant}. {footer}"
    return Reply(title="What I can do", lines=tuple(lines), footer=footer)


def _answering_in_direct(command: Command) -> list[str]:
    """How ``command`` is named in a direct message belonging to a workspace: by its name
    when it answers there whole, by each action that does when only some do, else not."""
    uses = command.direct_uses()
    if len(uses) == len(command.uses):
        return [command.name]
    return [f"{command.name} {use.name}".strip() for use in uses]


def _details(command: Command, ctx: Context, caller: Caller) -> tuple[str, ...]:
    usage = f"Usage: {command.usage}"
    if command.examples:
        usage += f"   e.g. {', '.join(command.examples)}"
    lines = [usage, *command.details]
    admin_only = [use for use in command.uses if use.access is Access.ADMINS]
    if admin_only:
        actions = ", ".join(f"{command.name} {use.name}".strip() for use in admin_only)
        note = "" if ctx.is_admin(caller) else " (you are not one here)"
        lines.append(f"Only admins can use {actions}{note}.")
    return tuple(lines)
