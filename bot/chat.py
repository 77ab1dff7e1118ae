"""What a chat adapter needs of the rest of the bot, as Protocols (``bot.runtime.BotRuntime``
and ``bot.commands.Commands`` provide them; tests may pass smaller stand-ins)."""

from __future__ import annotations

from typing import Protocol

from bot.posting import Posters
from bot.replies import Caller, Reply


class CommandRunner(Protocol):
    """The command layer: a command line in, a reply out; names for autocomplete."""

    async def run(self, caller: Caller, text: str) -> Reply: ...

    def topics_of(self, channel: str) -> list[str]: ...

    def source_names(self, tenant: str | None) -> list[str]: ...


class ChatRuntime(Protocol):
    """The runtime an adapter plugs into: it answers through ``commands`` and registers its
    Poster in ``posters``."""

    @property
    def commands(self) -> CommandRunner: ...

    @property
    def posters(self) -> Posters: ...
