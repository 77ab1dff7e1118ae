"""One dispatcher for slash and prefix commands: who asked, the command line, the answer.

Both kinds end in ``Commands.run(caller, line)``; only reading the request and sending
the reply differ. Discord drops an interaction not answered within 3 seconds of its
creation, so a command that may be slow is deferred at once (Discord shows
"thinking..."), and any other is deferred if it has not finished ``defer_after`` seconds
after Discord created the interaction (its id holds the time; the time it took to reach
the bot counts); the answer then replaces the "thinking..." message. Errors are
ephemeral, seen only by the asker. An interaction's token takes the answer for 15 minutes
only: a command still running ``answer_within`` seconds after its creation is given up, and
"thinking..." becomes a note to ask again while the token still works.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import discord

from bot import text as text_tools
from bot.chat import CommandRunner
from bot.commands.errors import CommandError
from bot.discord.followup import follow_up_privately, once
from bot.discord.markup import channel_named
from bot.discord.named import channel_refusal
from bot.discord.pages import PAGE_TIMEOUT, Pager
from bot.discord.plain import plain_text
from bot.discord.poster import refused_for_embeds
from bot.discord.reach import CONNECTION_ERRORS, rest_unavailable
from bot.discord.render import NO_MENTIONS, Outgoing, render_pages
from bot.discord.unavailable import (
    ALREADY_ANSWERED,
    SERVER_RETRIES,
    after_503,
    answer_nonce,
)
from bot.replies import Caller, ErrorKind, PlatformTerms, Reply, error_reply

log = logging.getLogger("briefing.discord.commands")

TERMS = PlatformTerms(
    tenant="server",
    admins="people with the Manage Server permission",
    other_channel="use the slash command /{command} and choose it in its channel option",
)
DEFER_AFTER = 2.0  # seconds; Discord's limit for the first answer is 3
ANSWER_WITHIN = 14 * 60.0  # seconds; an interaction's token lasts 15 minutes
TOO_SLOW = (
    "This took longer than Discord lets me answer a command (15 minutes), so I stopped. "
    "Please ask again, perhaps for less."
)
CHOICE_LENGTH = 100  # Discord's limit for an autocomplete choice's name and value
T = TypeVar("T")


def defer_in(created_at: datetime, defer_after: float, now: datetime | None = None) -> float:
    """Seconds left until ``defer_after`` seconds after ``created_at`` (0 if passed; never
    more than ``defer_after``, should the clocks disagree)."""
    age = ((now or datetime.now(UTC)) - created_at).total_seconds()
    return min(max(defer_after - age, 0.0), defer_after)


def channel_key(channel_id: int) -> str:
    return f"discord:{channel_id}"


def guild_tenant(guild_id: int | None) -> str | None:
    """The tenant of a Discord server; None outside one (a direct message)."""
    return f"discord:{guild_id}" if guild_id else None


def interaction_caller(
    interaction: discord.Interaction, channel: discord.abc.GuildChannel | None = None
) -> Caller:
    """The asker of a slash command; ``channel`` when the command names another channel.

    Manage Server comes from the member's resolved permissions that Discord sends with
    the interaction (owner and Administrator included).
    """
    where = channel or interaction.channel
    channel_id = channel.id if channel is not None else interaction.channel_id or 0
    is_admin = interaction.guild_id is not None and interaction.permissions.manage_guild
    return Caller(
        platform="discord",
        channel=channel_key(channel_id),
        user=f"discord:{interaction.user.id}",
        is_admin=is_admin,
        channel_name=getattr(where, "name", "") or "",
        extra={"guild": str(interaction.guild_id or "")},
        tenant=guild_tenant(interaction.guild_id),
        terms=TERMS,
        asked_in=channel_key(interaction.channel_id or 0) if channel is not None else "",
    )


def message_caller(
    message: discord.Message, channel: discord.abc.GuildChannel | None = None
) -> Caller:
    """The author of a prefix command, with Manage Server from the cached guild roles;
    ``channel`` when the command names another channel of the server."""
    author = message.author
    is_admin = isinstance(author, discord.Member) and author.guild_permissions.manage_guild
    where = channel or message.channel
    return Caller(
        platform="discord",
        channel=channel_key(where.id),
        user=f"discord:{author.id}",
        is_admin=is_admin,
        channel_name=getattr(where, "name", "") or "",
        extra={"guild": str(message.guild.id if message.guild else "")},
        tenant=guild_tenant(message.guild.id if message.guild else None),
        terms=TERMS,
        asked_in=channel_key(message.channel.id) if channel is not None else "",
    )


class Dispatcher:
    def __init__(
        self,
        commands: CommandRunner,
        *,
        page_timeout: float = PAGE_TIMEOUT,
        defer_after: float = DEFER_AFTER,
        answer_within: float = ANSWER_WITHIN,
        source_ids: Callable[[], Mapping[str, int]] | None = None,
        server_retries: tuple[float, ...] = SERVER_RETRIES,
    ) -> None:
        self.commands = commands
        self.server_retries = server_retries
        self.page_timeout = page_timeout
        self.defer_after = defer_after
        self.answer_within = answer_within
        # address -> source number, for addresses too long to be an autocomplete value
        self.source_ids = source_ids

    # --- slash commands ----------------------------------------------------------------------

    async def interaction(
        self,
        interaction: discord.Interaction,
        line: str,
        *,
        channel: discord.abc.GuildChannel | None = None,
        slow: bool = False,
    ) -> None:
        """Answer a slash command whose options make the command line ``line``."""
        caller = interaction_caller(interaction, channel)
        created, command = interaction.created_at, line.split()[0]
        work = asyncio.ensure_future(self._run(caller, line, channel, interaction.user))
        deferred = False
        try:
            if not slow:
                wait = defer_in(interaction.created_at, self.defer_after)
                await asyncio.wait({work}, timeout=wait)
            if not work.done():
                await _first_response(lambda: interaction.response.defer(thinking=True))
                deferred = True
            if deferred:
                await asyncio.wait({work}, timeout=defer_in(created, self.answer_within))
                if not work.done():
                    log.warning("/%s: not done in time to answer: told to ask again", command)
                    await interaction.edit_original_response(
                        content=TOO_SLOW, embeds=[], allowed_mentions=NO_MENTIONS
                    )
                    return
            reply = await work
            await self._answer(interaction, reply, deferred=deferred)
        except discord.NotFound:  # Unknown Interaction: the 3 s or 15 min window passed
            log.warning("/%s: the interaction expired before it was answered", line.split()[0])
        except discord.HTTPException as error:
            if isinstance(error, discord.DiscordServerError):  # after discord.py's own tries
                log.error(
                    "/%s: Discord answered %s to the answer; it may not have been shown",
                    line.split()[0],
                    error.status,
                )
                return
            log.error(
                "/%s: Discord refused the answer: %s %s", line.split()[0], error.status, error.text
            )
        except CONNECTION_ERRORS as error:
            log.warning(
                "/%s: the answer was not sent: %s", line.split()[0], rest_unavailable(error)
            )
        finally:
            if not work.done():
                work.cancel()

    async def _answer(
        self, interaction: discord.Interaction, reply: Reply, *, deferred: bool
    ) -> None:
        pages = render_pages(reply)
        pager = self._pager(pages, interaction.user.id)
        first = pager.first_page() if pager else pages[0].send_kwargs()
        if not deferred:
            sent = await _first_response(
                lambda: interaction.response.send_message(**first, ephemeral=reply.private)
            )
            if pager is not None and sent is not None:
                pager.message = sent.resource  # type: ignore[assignment]
            return
        if reply.private:  # "thinking..." is public: replace it with a private answer
            message = await follow_up_privately(interaction, first)
        else:
            message = await interaction.edit_original_response(**first)
        if pager is not None:
            pager.message = message

    async def failed(
        self, interaction: discord.Interaction, error: discord.app_commands.AppCommandError
    ) -> None:
        """A slash command discord.py could not run (an option it could not read, a bug):
        answer privately instead of leaving "The application did not respond"."""
        name = interaction.command.qualified_name if interaction.command else "?"
        if isinstance(error, discord.app_commands.TransformerError):
            reply = error_reply(ErrorKind.USAGE, f"I cannot use {error.value!r} there.")
        else:
            incident = uuid.uuid4().hex[:8]
            log.error("incident %s in /%s", incident, name, exc_info=error)
            reply = error_reply(
                ErrorKind.INTERNAL,
                "Sorry, that went wrong on my side. If it keeps happening, tell the bot's "
                f"operator incident {incident}.",
            )
        kwargs = render_pages(reply)[0].send_kwargs()
        try:
            if interaction.response.is_done():
                await once(lambda: interaction.followup.send(**kwargs, ephemeral=True))
            else:
                await _first_response(
                    lambda: interaction.response.send_message(**kwargs, ephemeral=True)
                )
        except (discord.HTTPException, *CONNECTION_ERRORS):
            log.warning("/%s: could not tell the user about the failure", name)

    # --- prefix commands ---------------------------------------------------------------------

    async def message(self, message: discord.Message, line: str) -> None:
        """Answer ``!brief cyber`` (``line`` is the text after the prefix) in its channel;
        a channel the line names is the one a command that takes a channel acts on
        (``bot.discord.markup.channel_named``).

        Without Embed Links there, Discord refuses an answer of embeds alone (see
        ``refused_for_embeds``) and makes one of text and embeds without its embeds: the
        answer is then given as plain text (``bot.discord.plain``), by a new message or by
        editing the one left bare. A 403 the text would get too (the bot may not send
        messages there) is only logged.
        """
        try:
            line, channel = channel_named(line, message)
        except CommandError as error:
            reply = error.reply()
        else:
            line = line or "help"
            caller = message_caller(message, channel)
            reply = await self._run(caller, line, channel, message.author)
        pages = render_pages(reply)
        pager = self._pager(pages, message.author.id)
        first = pager.first_page() if pager else pages[0].send_kwargs()
        command = line.split()[0] if line.split() else ""
        where = channel_key(message.channel.id)
        try:
            sent = await self._send_answer(message, reply, first, pager)
        except discord.HTTPException as error:
            log.warning(
                "cannot answer %r in Discord channel %s: %s %s",
                command,
                where,
                error.status,
                error.text,
            )
            return
        except CONNECTION_ERRORS as error:
            log.warning(
                "cannot answer %r in Discord channel %s: %s",
                command,
                where,
                rest_unavailable(error),
            )
            return
        if pager is not None and sent is not None:
            pager.message = sent

    async def _run(
        self,
        caller: Caller,
        line: str,
        channel: discord.abc.GuildChannel | None,
        asker: discord.abc.User,
    ) -> Reply:
        """The reply to ``line``; refused when it names a ``channel`` the asker may not have
        it act on (``bot.discord.named``)."""
        refused = channel_refusal(channel, asker) if channel is not None else None
        if refused is not None:
            return error_reply(ErrorKind.FORBIDDEN, refused, title="Not that channel")
        return await self.commands.run(caller, line)

    async def _send_answer(
        self,
        message: discord.Message,
        reply: Reply,
        first: dict[str, Any],
        pager: Pager | None,
    ) -> discord.Message | None:
        """``first`` in reply to ``message``; as plain text instead (None: no pages to turn)
        when Discord refuses its embeds or makes the message without them."""
        reference = message.to_reference(fail_if_not_exists=False)
        bare: discord.Message | None = None
        where = channel_key(message.channel.id)

        async def send(kwargs: dict[str, Any], kind: str) -> discord.Message:
            nonce = answer_nonce(message.id, kind)
            return await after_503(
                lambda: message.channel.send(**kwargs, reference=reference, nonce=nonce),
                f"an answer in {where}",
                waits=self.server_retries,
            )

        try:
            sent = await send(first, "embeds")
        except discord.HTTPException as error:
            if not _text_may_do(message, error, bool(first["embeds"])):
                raise
        else:
            if len(sent.embeds) >= len(first["embeds"]):
                return sent
            bare = sent
        if pager is not None:
            pager.stop()
        log.info(
            "Discord %s the embeds of an answer in %s (the bot lacks Embed Links there?): "
            "answering as text",
            "dropped" if bare is not None else "refused",
            channel_key(message.channel.id),
        )
        if bare is None:
            await send(_plain(reply), "text")
        else:
            await bare.edit(**_plain(reply), view=None)
        return None

    # --- autocomplete ------------------------------------------------------------------------

    async def topics(self, interaction: discord.Interaction) -> list[str]:
        key = channel_key(interaction.channel_id or 0)
        return await asyncio.to_thread(self.commands.topics_of, key)

    async def sources(
        self, typed: str, tenant: str | None
    ) -> list[discord.app_commands.Choice[str]]:
        """The sources of ``tenant`` matching what was typed; an address too long for a
        choice is offered as its number, named "#id — host/…"."""
        names = await asyncio.to_thread(self.commands.source_names, tenant)
        numbers: Mapping[str, int] = {}
        if self.source_ids is not None and any(len(n) > CHOICE_LENGTH for n in names):
            numbers = await asyncio.to_thread(self.source_ids)
        offered: list[discord.app_commands.Choice[str]] = []
        for choice in choices(names, typed, long_names=True):
            if text_tools.utf16_units(choice.value) <= CHOICE_LENGTH:
                offered.append(choice)
            elif choice.value in numbers:
                number = numbers[choice.value]
                offered.append(
                    discord.app_commands.Choice(
                        name=short_source(number, choice.value), value=f"#{number}"
                    )
                )
        return offered

    def _pager(self, pages: list[Outgoing], owner_id: int) -> Pager | None:
        if len(pages) < 2:
            return None
        return Pager(pages, owner_id, timeout=self.page_timeout)


async def _first_response(respond: Callable[[], Awaitable[T]]) -> T | None:
    """An interaction's first response (its answer, or "thinking..."). discord.py tries a
    request to an interaction again after any 5xx, 503 included; an interaction is
    answered once, so a try after one Discord took despite its 5xx is refused as already
    answered: the response is there (None: what it made is not known here)."""
    try:
        return await respond()
    except discord.HTTPException as error:
        if error.code == ALREADY_ANSWERED:
            log.info("an interaction's first response was taken despite a 5xx from Discord")
            return None
        raise


def _text_may_do(message: discord.Message, error: discord.HTTPException, embeds: bool) -> bool:
    """Whether an answer in text may go where Discord refused one with ``embeds``: when it
    was refused as empty (its embeds dropped), or with a 403 while the bot's permissions
    there, as the gateway told them, lack Embed Links and have Send Messages (Send Messages
    in Threads, in a thread). A 403 for anything else (no Send Messages, no View Channel)
    would refuse the text alike."""
    if not refused_for_embeds(error, embeds):
        return False
    if not isinstance(error, discord.Forbidden):
        return True
    allowed = _permissions(message)
    if allowed is None or allowed.embed_links:
        return False
    # in a thread, posting is Send Messages in Threads (a forum often denies Send Messages)
    if isinstance(message.channel, discord.Thread):
        return allowed.send_messages_in_threads
    return allowed.send_messages


def _permissions(message: discord.Message) -> discord.Permissions | None:
    """The bot's permissions in ``message``'s channel from the gateway's cache, if known
    (a thread's come from its parent channel, which may not be cached)."""
    guild, channel = message.guild, message.channel
    if guild is None or guild.me is None or not hasattr(channel, "permissions_for"):
        return None
    try:
        return channel.permissions_for(guild.me)
    except discord.ClientException:  # a thread whose parent channel is not cached
        return None


def _plain(reply: Reply) -> dict[str, Any]:
    """Keyword arguments to send or edit ``reply`` as one plain-text message, pinging no one."""
    return {"content": plain_text(reply), "embeds": [], "allowed_mentions": NO_MENTIONS}


def choices(
    names: Iterable[str], typed: str, limit: int = 25, *, long_names: bool = False
) -> list[discord.app_commands.Choice[str]]:
    """Autocomplete: names starting with what was typed first, then containing it; at most
    25, each within Discord's 100 characters (``long_names``: longer ones kept, for the
    caller to shorten)."""
    wanted = typed.strip().casefold()
    starts, contains = [], []
    for name in names:
        if text_tools.utf16_units(name) > CHOICE_LENGTH and not long_names:
            continue
        folded = name.casefold()
        if folded.startswith(wanted):
            starts.append(name)
        elif wanted in folded:
            contains.append(name)
    return [discord.app_commands.Choice(name=n, value=n) for n in (starts + contains)[:limit]]


def short_source(number: int, address: str) -> str:
    """``#12 — news.example/very/long/…``: a long address as an autocomplete choice name."""
    parts = urlsplit(address)
    shown = (parts.netloc + parts.path) if parts.netloc else address
    return text_tools.clip(f"#{number} — {shown}", CHOICE_LENGTH, length=text_tools.utf16_units)
