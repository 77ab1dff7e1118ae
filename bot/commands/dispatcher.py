"""``Commands``: a command line in, a Reply out, for every platform alike. Never raises."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.commands.brief import brief
from bot.commands.context import Context, Delivery, FetcherFactory, Schedule
from bot.commands.digest import digest
from bot.commands.errors import CommandError, reply_for
from bot.commands.help import help_command, suggest
from bot.commands.parse import clean_line, split_word
from bot.commands.schedule import schedule
from bot.commands.sources import source_names, sources
from bot.commands.summarize import summarize
from bot.commands.topics import topics, topics_of
from bot.replies import Caller, ErrorKind, Reply
from summaries.clock import Clock, utc_now
from summaries.config import Settings
from summaries.ingest import SummaryPool
from summaries.sources import Fetcher
from summaries.store import Store

Handler = Callable[[Context, Caller, str], Awaitable[Reply]]

HANDLERS: dict[str, Handler] = {
    "brief": brief,
    "summarize": summarize,
    "digest": digest,
    "sources": sources,
    "topics": topics,
    "schedule": schedule,
    "help": help_command,
}
ANYWHERE = frozenset({"help", "summarize"})  # the commands that work outside a server too
ALIASES = {
    "summarise": "summarize",
    "summary": "summarize",
    "source": "sources",
    "topic": "topics",
    "?": "help",
    "commands": "help",
}


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
        schedule: Schedule | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.context = Context(
            store=store,
            settings=settings,
            pool=pool,
            fetcher=fetcher,
            delivery=delivery,
            schedule=schedule,
            clock=clock,
        )

    async def run(self, caller: Caller, text: str) -> Reply:
        """The reply to one command line such as ``"brief cyber security"``."""
        name = ""
        try:
            name, args = split_word(clean_line(text))
            name = ALIASES.get(name, name)
            handler = HANDLERS.get(name)
            if handler is None:
                raise CommandError(ErrorKind.USAGE, _unknown(name))
            if name not in ANYWHERE:
                self.context.tenant(caller)  # the others read or change a server's settings
            return await handler(self.context, caller, args)
        except Exception as error:  # noqa: BLE001 - every failure becomes a reply
            return reply_for(error, name)

    def topics_of(self, channel: str) -> list[str]:
        """The channel's topics, for autocomplete."""
        return topics_of(self.context, channel)

    def source_names(self, tenant: str | None) -> list[str]:
        """The addresses of the sources a server or workspace reads, for autocomplete."""
        return source_names(self.context, tenant)


def _unknown(name: str) -> str:
    if not name:
        return "Type a command, for example brief cyber, or help to see them all."
    return f"I do not know the command {name[:40]!r}.{suggest(name)}"
