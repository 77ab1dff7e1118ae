"""How a command is declared: once, with all that platforms, help and forms need to know.

    Command(
        name="sources",
        summary="The feeds and pages the bot reads; admins add and remove them.",
        handler=sources,
        actions=(
            Action("list", "The feeds and pages the bot reads", default=True),
            Action("add", "Add a feed or page", (Argument("url", "The address ..."),),
                   access=Access.ADMINS, task="add sources", slow=True),
        ),
    )

Everything else is derived from the declarations: the command layer's admin check and
its answer to an unknown action (``bot.commands.dispatcher``), help, the Discord app
commands (``bot.discord.commands``), the Slack manifest (``bot.slack.manifest``),
autocomplete, and the README's command table. Nothing here names a platform: each
adapter says what ``Access.ADMINS`` means there, and turns a ``Kind.CHANNEL`` argument
into its own way of choosing a channel.

An action's arguments, in declaration order, make the command line a person would type
(``Action.line``), so a form of named values (a slash command's options, a web form)
runs through the same parsing and checks as typed text.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.commands.closest import closest, inflects
from summaries.option_words import COMMON_OPTIONS

if TYPE_CHECKING:
    from bot.commands.context import Context
    from bot.replies import Caller, Reply

MAX_HELP_CHARS = 100  # a one-line description: what slash-command pickers show
# What ends a sentence or a clause: "help?", "digest now!", "topics list." are the words
# help, now and list said in a sentence.
SENTENCE_END = ".,;:!?"
# Options people type to command-line tools out of habit (``--force``, ``--help``).
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")


class Kind(StrEnum):
    """What an argument's value is, for a platform's option type or a form's input."""

    TEXT = "text"  # words, an address, a pasted article
    TIME = "time"  # a 24-hour time of day, HH:MM
    TIMEZONE = "timezone"  # an IANA time zone name, e.g. Europe/Berlin
    # Another channel of the same server or workspace, chosen rather than typed: the
    # command acts on that channel instead of the one it was asked in. Never part of the
    # typed line; an adapter that cannot offer a choice of channel leaves it out.
    CHANNEL = "channel"


class Suggest(StrEnum):
    """Where autocomplete finds values for an argument."""

    TOPICS = "topics"  # the channel's topics
    SOURCES = "sources"  # the sources the server or workspace reads
    TIMEZONES = "timezones"  # IANA time zone names
    COMMANDS = "commands"  # the declared commands' names


class Access(StrEnum):
    """Who may use an action. The command layer checks it before the handler runs."""

    ANYONE = "anyone"
    ADMINS = "admins"  # what the platform calls an admin, or an id in [bot] admins


@dataclass(frozen=True, slots=True)
class Argument:
    """One value an action takes."""

    name: str  # lowercase, one word: an option's or a form field's name
    help: str  # one line, at most MAX_HELP_CHARS
    kind: Kind = Kind.TEXT
    required: bool = True
    label: str = ""  # how usage writes it (<label>); the name when empty
    choices: tuple[str, ...] = ()  # the only values it takes, when it has a fixed set
    suggest: Suggest | None = None
    many: bool = False  # several values separated by spaces (topics add cyber "central bank")
    # a pasted text, whose dashes are the writer's: only its first word may be an option
    prose: bool = False

    @property
    def usage(self) -> str:
        """``<url>``, ``[timezone]``, ``[feed|page]``, ``<keyword or "phrase"> ...``."""
        shown = "|".join(self.choices) or self.label or self.name
        text = f"<{shown}>" if self.required else f"[{shown}]"
        return f"{text} ..." if self.many else text

    @property
    def typed(self) -> bool:
        """Whether it is part of the command line a person types."""
        return self.kind is not Kind.CHANNEL


@dataclass(frozen=True, slots=True)
class Action:
    """One way to use a command: a subcommand (``sources add``), or the command itself."""

    name: str  # "" for a command without actions
    help: str
    arguments: tuple[Argument, ...] = ()
    access: Access = Access.ANYONE
    task: str = ""  # what an admin-only action does: "Only admins ... can <task>."
    aliases: tuple[str, ...] = ()  # other words for it: "rm" for "remove"
    default: bool = False  # what the command does when no action is named
    slow: bool = False  # may fetch or compose for seconds: platforms acknowledge at once

    def line(self, command: str, values: Mapping[str, object]) -> str:
        """The command line of named values: ``sources add feed https://x``. Empty and
        missing values, and channels (never typed), are left out."""
        words = [command, self.name]
        for argument in self.arguments:
            value = values.get(argument.name)
            if argument.typed and value is not None and str(value).strip():
                words.append(str(value).strip())
        return " ".join(word for word in words if word)

    def usage(self, command: str) -> str:
        """``sources add [feed|page] <url>``."""
        typed = [argument.usage for argument in self.arguments if argument.typed]
        return " ".join(word for word in (command, self.name, *typed) if word)


Handler = Callable[["Context", "Caller", "Request"], Awaitable["Reply"]]


@dataclass(frozen=True, slots=True)
class Command:
    """A command, declared once. A command without ``actions`` takes ``arguments``
    directly, and ``access``, ``task`` and ``slow`` are its own."""

    name: str
    summary: str  # one line: help's list, the platforms' command descriptions
    handler: Handler = field(repr=False)
    actions: tuple[Action, ...] = ()
    arguments: tuple[Argument, ...] = ()
    access: Access = Access.ANYONE
    task: str = ""
    slow: bool = False
    # Settings commands: where a platform can, it lists them for admins only by default
    # (everyone may still use their read-only actions where the server allows it).
    listed_for: Access = Access.ANYONE
    anywhere: bool = False  # works outside a server or workspace (a direct message) too
    # Its read-only actions read only the asker's server or workspace, never a channel's
    # settings: they answer in a direct message that belongs to one (Slack's) too.
    tenant_wide: bool = False
    aliases: tuple[str, ...] = ()  # other names: "summarise"
    # words for what it is about, that help answers with it ("help feeds": sources)
    terms: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()  # shown after the usage in help
    details: tuple[str, ...] = ()  # more lines for help <command>

    def __post_init__(self) -> None:
        problems = list(_problems(self))
        if problems:
            raise ValueError(f"command {self.name!r}: " + "; ".join(problems))

    def in_direct(self, action: Action) -> bool:
        """Whether ``action`` answers in a direct message that belongs to a server or
        workspace: everything ``anywhere``; a ``tenant_wide`` command's read-only actions."""
        return self.anywhere or (self.tenant_wide and action.access is Access.ANYONE)

    def direct_uses(self) -> list[Action]:
        """The uses of the command that answer in a direct message belonging to a server
        or workspace (see ``in_direct``)."""
        return [use for use in self.uses if self.in_direct(use)]

    @property
    def uses(self) -> tuple[Action, ...]:
        """Every way to use the command: its actions, or itself as one nameless action."""
        if self.actions:
            return self.actions
        bare = Action(
            "",
            self.summary,
            self.arguments,
            access=self.access,
            task=self.task,
            default=True,
            slow=self.slow,
        )
        return (bare,)

    @property
    def for_admins(self) -> bool:
        """Listed for admins only by default: a settings command, or one only they may use."""
        return self.listed_for is Access.ADMINS or all(
            use.access is Access.ADMINS for use in self.uses
        )

    @property
    def usage(self) -> str:
        """``sources list | sources add [feed|page] <url> | sources remove <url or #id>``."""
        return " | ".join(use.usage(self.name) for use in self.uses)

    def action(self, word: str) -> Action | None:
        """The action named ``word`` (or an alias of it, or either followed by the end
        of a sentence: ``said``); the default one for ""."""
        for use in self.uses:
            if (word and said(word, (use.name, *use.aliases))) or (not word and use.default):
                return use
        return None


@dataclass(frozen=True, slots=True)
class Request:
    """What a handler is given: the action asked for and the text after it."""

    command: Command
    action: Action
    text: str  # what follows the command's name, or its action word; trimmed


class CommandSet:
    """The declared commands, in the order help lists them."""

    def __init__(self, commands: Iterable[Command]) -> None:
        self.commands = tuple(commands)
        self._names: dict[str, Command] = {}
        for command in self.commands:
            for name in (command.name, *command.aliases):
                if name in self._names:
                    raise ValueError(f"two commands are called {name!r}")
                self._names[name] = command

    def __iter__(self) -> Iterator[Command]:
        return iter(self.commands)

    def __len__(self) -> int:
        return len(self.commands)

    def __getitem__(self, name: str) -> Command:
        return self._names[name]

    @property
    def names(self) -> list[str]:
        return [command.name for command in self.commands]

    @property
    def option_names(self) -> frozenset[str]:
        """Every name an option typed to the bot could mean (``—force``, ``—url``): the
        commands', actions' and arguments' names, aliases, labels and choices, and the
        options command-line tools commonly take (``COMMON_OPTIONS``)."""
        names = set(COMMON_OPTIONS)
        for command in self.commands:
            names.update((command.name, *command.aliases))
            for use in command.uses:
                names.update((use.name, *use.aliases))
                for argument in use.arguments:
                    names.update((argument.name, argument.label.casefold(), *argument.choices))
        names.discard("")
        return frozenset(names)

    def find(self, name: str) -> Command | None:
        """The command called ``name`` or by an alias of it (lower case), or either
        followed by the end of a sentence (``said``: "help?")."""
        found = said(name, self._names)
        return self._names[found] if found else None

    def meant(self, word: str) -> Command | None:
        """The one command ``word`` (lower case) is a word for, though not its name nor
        an alias: one of its ``terms``, or a name, alias or term with an English ending
        ("briefings", "feeds"); None when there is none, or several."""
        found = {
            command.name
            for spelling, command in self._spellings().items()
            if spelling == word or inflects(word, spelling)
        }
        return self._names[found.pop()] if len(found) == 1 else None

    def suggest(self, word: str) -> str:
        """The hint after an unknown name: "Did you mean brief?" when a name (or an alias
        or term) is close by ``bot.commands.closest``'s rule, else the commands there are."""
        spellings = {name: command.name for name, command in self._spellings().items()}
        close = closest(word, spellings)
        if close:
            return f" Did you mean {' or '.join(close)}?"
        return f" The commands are {', '.join(self.names)}; help tells what each does."

    def _spellings(self) -> dict[str, Command]:
        """Every word for a command: names and aliases, then terms."""
        spellings = dict(self._names)
        for command in self.commands:
            for term in command.terms:
                spellings.setdefault(term, command)
        return spellings

    def anywhere(self) -> list[str]:
        """The commands that work outside a server or workspace."""
        return [command.name for command in self.commands if command.anywhere]

    def in_direct(self) -> list[str]:
        """The commands, or their actions (``sources list``), that answer in a direct message
        belonging to a server or workspace (see ``Command.in_direct``)."""
        return [
            f"{command.name} {use.name}".strip()
            for command in self.commands
            for use in command.direct_uses()
        ]


def said(word: str, names: Collection[str]) -> str:
    """The one of ``names`` that ``word`` is, as it is or with the punctuation of a
    sentence after it ("help?", "now!", "list."); "" when none. The punctuation is taken
    off only when what is left is a name: "?" is help's alias as it is."""
    if word in names:
        return word
    bare = word.rstrip(SENTENCE_END)
    return bare if bare and bare in names else ""


def _problems(command: Command) -> Iterator[str]:
    """What would break a platform or a form: bad names, over-long help, ambiguity."""
    if not _NAME.match(command.name):
        yield "a name is lowercase letters, digits, - and _, at most 32"
    if command.actions and (command.arguments or command.access is not Access.ANYONE):
        yield "a command with actions declares arguments and access on each action"
    if sum(use.default for use in command.uses) > 1:
        yield "at most one default action"
    words = [word for use in command.uses for word in (use.name, *use.aliases)]
    if len(words) != len(set(words)):
        yield "two actions share a name"
    for use in command.uses:
        if use.name and not _NAME.match(use.name):
            yield f"action {use.name!r}: a lowercase word"
        if not use.help or len(use.help) > MAX_HELP_CHARS:
            yield f"action {use.name!r}: help of 1 to {MAX_HELP_CHARS} characters"
        if use.access is Access.ADMINS and not use.task:
            yield f"action {use.name!r}: an admin-only action says its task"
        names = [argument.name for argument in use.arguments]
        if len(names) != len(set(names)):
            yield f"action {use.name!r}: two arguments share a name"
        for argument in use.arguments:
            if not _NAME.match(argument.name):
                yield f"argument {argument.name!r}: a lowercase word"
            if not argument.help or len(argument.help) > MAX_HELP_CHARS:
                yield f"argument {argument.name!r}: help of 1 to {MAX_HELP_CHARS} characters"
