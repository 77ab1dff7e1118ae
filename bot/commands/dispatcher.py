"""``Commands``: a command line in, a Reply out, for every platform alike. Never raises.

The declarations (``bot.commands.table``) say what a line means: the command (or an
alias), its action (or the default one), who may use it and whether it needs a server
or workspace. All of that is checked here, before the handler runs.
"""

from __future__ import annotations

from dataclasses import replace

from bot import text as shared
from bot.commands.asked import takes_channel
from bot.commands.closest import closest
from bot.commands.code import command_in_code
from bot.commands.context import Context, Delivery, FetcherFactory
from bot.commands.declare import SENTENCE_END, Access, Command, CommandSet, Kind, Request
from bot.commands.errors import CommandError, reply_for
from bot.commands.parse import (
    clean_line,
    first_word,
    glued_dashes_dropped,
    quoted,
    split_word,
)
from bot.commands.sources import source_names
from bot.commands.table import COMMANDS
from bot.commands.topics import topics_of
from bot.replies import Caller, ErrorKind, PlatformTerms, Reply
from summaries.clock import Clock, utc_now
from summaries.config import Settings
from summaries.errors import InputError
from summaries.ingest import SummaryPool
from summaries.option_words import option_word
from summaries.sources import Fetcher
from summaries.store import Store
from summaries.timeofday import parse_time_of_day


class Commands:
    """The command layer. Adapters pass who asked and the text after their prefix."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        pool: SummaryPool | None = None,
        fetcher: Fetcher | FetcherFactory | None = None,
        delivery: Delivery | None = None,
        clock: Clock = utc_now,
        commands: CommandSet = COMMANDS,
    ) -> None:
        self.context = Context(
            store=store,
            settings=settings,
            pool=pool,
            fetcher=fetcher,
            delivery=delivery,
            clock=clock,
            commands=commands,
        )

    async def run(self, caller: Caller, text: str) -> Reply:
        """The reply to one command line such as ``"brief cyber security"``."""
        name = ""
        try:
            line = command_in_code(clean_line(text), self._is_command)
            name, args = split_word(line)
            command = self.context.commands.find(name)
            if command is None:
                raise CommandError(ErrorKind.USAGE, self._unknown(name, first_word(line)))
            name = command.name
            request = _request(command, args, self.context.commands.option_names, caller.terms)
            if caller.direct and not command.in_direct(request.action):
                raise self.context.not_here(caller)  # a channel's settings, or a change
            if not command.anywhere or caller.asked_in:
                self.context.tenant(caller)  # the others read or change a server's settings
                if not caller.direct or caller.asked_in:  # a DM is no channel of a server
                    await self.context.check_channel(caller)
            if request.action.access is Access.ADMINS:
                self.context.require_admin(caller, request.action.task)
            return await command.handler(self.context, caller, request)
        except Exception as error:  # noqa: BLE001 - every failure becomes a reply
            return reply_for(error, name)

    def topics_of(self, channel: str) -> list[str]:
        """The channel's topics, for autocomplete."""
        return topics_of(self.context, channel)

    def source_names(self, tenant: str | None) -> list[str]:
        """The addresses of the sources a server or workspace reads, for autocomplete."""
        return source_names(self.context, tenant)

    def _is_command(self, word: str) -> bool:
        return self.context.commands.find(word) is not None

    def _unknown(self, name: str, typed: str) -> str:
        """The answer to an unknown command ``name`` (folded), ``typed`` so."""
        if not name:
            return "Type a command, for example brief cyber, or help to see them all."
        return f"I do not know the command {quoted(typed)}.{self.context.commands.suggest(name)}"


def _request(
    command: Command, args: str, known: frozenset[str], terms: PlatformTerms
) -> Request:
    """The action ``args`` names (or the default one) and the text after it. ``known``:
    the names an option typed with an em or en dash may give (``CommandSet.option_names``);
    such a dash before another word is punctuation, and dropped from words to look for.
    ``terms``: the asker's platform's, for how to name another channel there."""
    if not command.actions:
        request = Request(command, command.uses[0], args.strip())
    else:
        word, rest = split_word(args)
        action = command.action(word)
        if action is None:
            if option_word(word, known=known):
                raise _option_error(command, word)
            raise CommandError(
                ErrorKind.USAGE,
                f"{command.name} has no {quoted(first_word(args))} action."
                f"{_closest_action(command, word) or _action_for_value(command, args)} "
                f"{_usage(command)}",
            )
        request = Request(command, action, rest)
    prose = any(argument.prose for argument in request.action.arguments)
    option = option_word(request.text, first_only=prose, known=known)
    if option is not None:
        raise _option_error(command, option)
    if not prose:  # a pasted text's dashes are the writer's
        request = replace(request, text=glued_dashes_dropped(request.text))
    _refuse_typed_channel(command, request, terms)
    if request.text and not any(argument.typed for argument in request.action.arguments):
        raise _nothing_after(command, request)
    return request


def _closest_action(command: Command, word: str) -> str:
    """`` Did you mean show?`` when ``word`` is close to an action's name or alias (by
    ``bot.commands.closest``'s rule, as for commands), else nothing."""
    spellings = {name: use.name for use in command.actions for name in (use.name, *use.aliases)}
    close = closest(word, spellings)
    return f" Did you mean {command.name} {' or '.join(close)}?" if close else ""


def _action_for_value(command: Command, args: str) -> str:
    """`` Did you mean schedule set 08:00 Europe/Berlin?`` when ``args`` starts with a
    time of day, and one action takes a time first (``schedule 08:00``: the action word
    left out, or ``schedule start 08:00``: a word for another action); else nothing. The
    punctuation of a sentence after the time is the sentence's, as schedule set takes it."""
    args = args.strip().rstrip(SENTENCE_END)
    try:
        parse_time_of_day(first_word(args))
    except InputError:
        return ""
    taking = [
        use
        for use in command.uses
        if [argument.kind for argument in use.arguments if argument.typed][:1] == [Kind.TIME]
    ]
    if len(taking) != 1:
        return ""
    return f" Did you mean {command.name} {taking[0].name} {shared.clip(args, 60)}?"


def _nothing_after(command: Command, request: Request) -> CommandError:
    """Words after an action that takes none (``topics list please``): refused, not
    ignored, so no one takes an answer for another question."""
    usage = request.action.usage(command.name)
    extra = request.text.split()[0]
    meant = _action_for_value(command, request.text)
    return CommandError(
        ErrorKind.USAGE, f"{usage} takes nothing after it ({quoted(extra)}).{meant}"
    )


def _refuse_typed_channel(command: Command, request: Request, terms: PlatformTerms) -> None:
    """A channel's name typed as a word (``schedule set 08:00 UTC #news``) to an action
    that can act on another channel only when the platform sends one as such: refused
    with the way to do it there, so no one takes this channel's answer, or change, for
    the one they named."""
    if not takes_channel(request.action):
        return
    word = next((word for word in request.text.split() if word[:1] == "#" and word[1:]), None)
    if word is None:
        return
    asked = f"{command.name} {request.action.name}".strip()
    how = terms.other_channel.replace("{command}", asked)
    where = f". Ask in that channel, or {how}." if how else ", the only one it can act on here."
    raise CommandError(
        ErrorKind.USAGE,
        f"{quoted(word)} names a channel as a word, and {asked} acts on the channel it is "
        f"asked in{where}",
    )


def _option_error(command: Command, word: str) -> CommandError:
    """A word typed as an option (``--force``, ``-cyber``): none is taken, and a word
    cannot be left out of a search, so it is refused rather than used as it is."""
    return CommandError(
        ErrorKind.USAGE,
        f"{quoted(word)} looks like an option, and {command.name} takes none. {_usage(command)}",
    )


def _usage(command: Command) -> str:
    """``Use sources list, sources add [feed|page] <url>, or sources remove <url or #id>.``"""
    shown = [use.usage(command.name) for use in command.uses]
    if len(shown) == 1:
        return f"Use {shown[0]}."
    return f"Use {', '.join(shown[:-1])}{',' if len(shown) > 2 else ''} or {shown[-1]}."
