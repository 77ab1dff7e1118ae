"""``help`` and ``help <command>``, written from the declared commands."""

from __future__ import annotations

from bot.commands.context import Context
from bot.commands.declare import Access, Command, Request
from bot.commands.errors import CommandError
from bot.commands.parse import first_word, quoted
from bot.replies import Caller, ErrorKind, Reply


async def help_command(ctx: Context, caller: Caller, request: Request) -> Reply:
    wanted = request.text.casefold().lstrip("/!")
    if not wanted:
        return _listing(ctx, caller)
    name, typed = wanted.split()[0], first_word(request.text.lstrip("/!"))
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
    """Every command, or in a direct message (outside any server or workspace) only those
    that work there: the others are refused there (see Context.tenant)."""
    footer = "help <command> tells more about one command."
    commands = list(ctx.commands)
    if caller.tenant is None and not caller.tenant_unknown:
        commands = [command for command in commands if command.anywhere]
        footer = f"The others work in the channels of a {caller.terms.tenant}. {footer}"
    return Reply(
        title="What I can do",
        lines=tuple(f"{command.name}: {command.summary}" for command in commands),
        footer=footer,
    )


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
