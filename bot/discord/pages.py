"""Pages of a long answer, turned with buttons that only the person who asked can use.

The buttons expire after ``timeout`` seconds without use (default five minutes, well
inside the 15 minutes an interaction's token lives); the message then keeps the page
it shows and loses its buttons. Pages live in memory: after a restart old buttons
simply answer "expired" through Discord's own failure message.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Protocol

import discord

from bot.discord.render import Outgoing

log = logging.getLogger("briefing.discord.pages")

PAGE_TIMEOUT = 300.0
NOT_YOURS = (
    "Only the person who asked can turn these pages. Run the command yourself to get your own."
)


class Editable(Protocol):
    async def edit(self, **kwargs: Any) -> Any: ...


class Pager(discord.ui.View):
    """Previous / page n of m / Next under a message showing one of ``pages``."""

    def __init__(
        self, pages: Sequence[Outgoing], owner_id: int, *, timeout: float = PAGE_TIMEOUT
    ) -> None:
        super().__init__(timeout=timeout)
        if len(pages) < 2:
            raise ValueError("a pager needs at least two pages")
        self.pages = list(pages)
        self.owner_id = owner_id
        self.index = 0
        self.message: Editable | None = None  # set once the first page is posted
        self.previous = discord.ui.Button(style=discord.ButtonStyle.secondary, label="◀ Previous")
        self.counter = discord.ui.Button(
            style=discord.ButtonStyle.secondary, label="", disabled=True
        )
        self.next = discord.ui.Button(style=discord.ButtonStyle.primary, label="Next ▶")
        self.previous.callback = self._previous  # type: ignore[method-assign]
        self.next.callback = self._next  # type: ignore[method-assign]
        for button in (self.previous, self.counter, self.next):
            self.add_item(button)
        self._show()

    def first_page(self) -> dict[str, Any]:
        """Keyword arguments to send the first page with these buttons under it."""
        return {**self.pages[0].send_kwargs(), "view": self}

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True)
        return False

    async def on_timeout(self) -> None:
        if self.message is None:
            return
        try:
            await self.message.edit(view=None)
        except discord.HTTPException as error:  # the message or its token is gone: fine
            log.debug("could not remove expired page buttons: %s", error)

    async def _previous(self, interaction: discord.Interaction) -> None:
        await self._turn(interaction, -1)

    async def _next(self, interaction: discord.Interaction) -> None:
        await self._turn(interaction, +1)

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._show()
        page = self.pages[self.index]
        await interaction.response.edit_message(**page.send_kwargs(), view=self)

    def _show(self) -> None:
        self.counter.label = f"{self.index + 1} / {len(self.pages)}"
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.pages) - 1
