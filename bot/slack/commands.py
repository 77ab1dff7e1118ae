"""Slash commands (``/brief cyber``) and app mentions (``@briefing brief cyber``) onto the
platform-neutral command layer.

Slack wants an acknowledgement within 3 seconds; a command may take longer (``summarize``
fetches a page). So each handler acks first, with nothing to show, and answers afterwards:
a slash command through its response_url (ephemeral when the reply is private), a mention
with chat.postMessage in the same channel or thread (chat.postEphemeral when private, in
the same thread too).

A response_url takes five answers at most, so a reply of more messages is cut to four
and a fifth that says so and how to ask for less; a mention's answer is capped the same
way. A mention written by a bot, this one included, is not answered (two bots answering
each other would loop). Slack delivers an event again when it thinks the first delivery
was not acknowledged in time (``X-Slack-Retry-Num``, Socket Mode's ``retry_attempt``): a mention
is answered once per ``event_id``, a slash command once per ``trigger_id`` (unique to each
time someone runs it), seen in the last ten minutes. Whether the asker is an
admin is looked up for every command (users.info, remembered for five minutes), since
the command layer also uses it for help and the detailed ``sources list``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.chat import CommandRunner
from bot.commands import COMMANDS, CommandSet
from bot.commands.errors import CommandError
from bot.recent import RecentEvents
from bot.replies import Caller, PlatformTerms, Reply
from bot.slack.admins import AdminCheck
from bot.slack.answers import send_answer
from bot.slack.channels import channel_named, direct_conversation
from bot.slack.client import response_url_client
from bot.slack.errors import SlackCallError, error_code, slack_call
from bot.slack.named import ChannelCheck
from bot.slack.render import SlackMessage, render
from bot.slack.text import command_text

log = logging.getLogger("briefing.slack")

TERMS = PlatformTerms(
    tenant="workspace",
    admins="workspace admins and owners",
    # a channel picked from Slack's list reaches a mention as a channel (bot.slack.channels)
    other_channel="mention me with {command} and pick the channel from the list Slack "
    "opens as you type #",
)
UNKNOWN_WORKSPACE = (
    "Slack did not tell me which workspace you are in, and my answers here depend on it "
    "(each workspace has its own sources, topics and schedules). Please try again in a minute."
)


def from_a_bot(event: dict[str, Any], own_user: str) -> bool:
    """Whether a bot wrote the event: another app's (``bot_id``), an old integration's
    (``subtype: bot_message``), or this bot itself. Bots are not answered, as on Discord:
    two that answer each other would never stop."""
    if event.get("bot_id") or event.get("subtype") == "bot_message":
        return True
    return bool(own_user) and event.get("user") == own_user


class SlackCommands:
    """Registers a slash command per declared command and the ``app_mention`` event."""

    def __init__(
        self,
        runner: CommandRunner,
        admins: AdminCheck,
        commands: CommandSet = COMMANDS,
    ) -> None:
        self.runner = runner
        self.admins = admins
        self.commands = commands
        self.channels = ChannelCheck(admins.client, TERMS)
        self.events = RecentEvents()
        # The bot token's workspace (set by the adapter once auth.test answered): the tenant
        # of every command, whatever team a payload names (in a channel shared with another
        # organisation, Slack names the asker's or the channel's). "" for an install on a
        # whole Enterprise Grid organisation: there the payload's team is the tenant.
        self.workspace = ""

    def register(self, app: AsyncApp) -> None:
        for name in self.commands.names:
            app.command(f"/{name}")(self._slash_handler(name))
        app.event("app_mention")(self._on_mention)

    # -- slash commands ---------------------------------------------------------------------

    def _slash_handler(
        self, name: str
    ) -> Callable[[AsyncAck, dict[str, Any], AsyncRespond], Awaitable[None]]:
        async def on_command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
            await ack()
            trigger = str(command.get("trigger_id", ""))
            if not self.events.first_time(f"trigger:{trigger}" if trigger else ""):
                log.info("slash command %s delivered again: already answered", trigger)
                return
            try:
                caller, line = await self._read(
                    command.get("text", ""),
                    lambda text: f"{name} {command_text(text)}".strip(),
                    channel=command.get("channel_id", ""),
                    channel_name=command.get("channel_name", ""),
                    user=command.get("user_id", ""),
                    team=command.get("team_id", ""),
                )
            except CommandError as error:
                await self._respond(respond, error.reply())
                return
            reply = await self.runner.run(caller, line)
            await self._respond(respond, reply)

        return on_command

    async def _respond(self, respond: AsyncRespond, reply: Reply) -> None:
        """Each message through the command's response_url (a 429 there is waited out, see
        ``response_url_client``); the first that fails ends the answer (``send_answer``)."""
        if respond.response_url is None:
            log.warning("a slash command came without a response_url: it cannot be answered")
            return
        client = response_url_client(respond.response_url, proxy=respond.proxy, ssl=respond.ssl)

        async def send(message: SlackMessage, private: bool) -> None:
            answer = await slack_call(
                client.send(
                    text=message.text,
                    blocks=list(message.blocks),
                    response_type="ephemeral" if private else "in_channel",
                    replace_original=False,
                    unfurl_links=False,
                    unfurl_media=False,
                )
            )
            if answer.status_code != 200:
                raise SlackCallError(error_code(answer.body), status=answer.status_code)

        what = "the answer through the response_url"
        await send_answer(render(reply), send, private=reply.private, what=what)

    # -- app mentions -----------------------------------------------------------------------

    async def _on_mention(
        self,
        event: dict[str, Any],
        body: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        if from_a_bot(event, context.bot_user_id or ""):
            log.debug("mention by a bot in %s: not answered", event.get("channel"))
            return
        if not self.events.first_time(str(body.get("event_id", ""))):
            log.info("mention event %s delivered again: already answered", body.get("event_id"))
            return
        bot_user = context.bot_user_id or ""
        channel, user = event.get("channel", ""), event.get("user", "")
        try:
            caller, line = await self._read(
                event.get("text", ""),
                lambda text: command_text(text, bot_user_id=bot_user) or "help",
                channel=channel,
                user=user,
                team=context.team_id or "",
                asker_team=event.get("user_team") or event.get("team") or "",
                direct=await self.channels.mentioned_in_direct(event),
            )
        except CommandError as error:
            reply = error.reply()
        else:
            reply = await self.runner.run(caller, line)
        thread = event.get("thread_ts")

        async def send(message: SlackMessage, private: bool) -> None:
            if private:
                call = client.chat_postEphemeral(
                    channel=channel, user=user, thread_ts=thread, **message.as_arguments()
                )
            else:
                call = client.chat_postMessage(
                    channel=channel,
                    thread_ts=thread,
                    unfurl_links=False,
                    unfurl_media=False,
                    **message.as_arguments(),
                )
            await slack_call(call)

        what = f"the answer to a mention in {channel}"
        await send_answer(render(reply), send, private=reply.private, what=what)

    # -- who asked --------------------------------------------------------------------------

    async def _read(
        self,
        text: str,
        line_of: Callable[[str], str],
        *,
        channel: str,
        user: str,
        team: str,
        channel_name: str = "",
        asker_team: str | None = None,
        direct: bool = False,
    ) -> tuple[Caller, str]:
        """Who asked and the command line of Slack's ``text`` (read by ``line_of``), acting
        on the channel it names (``bot.slack.channels``) or else the one asked in. A
        CommandError when the named channel cannot be used, or not by this user
        (``bot.slack.named``). ``direct``: asked in a direct or group message, known so
        although Slack's id and name of it do not tell (see ``caller``)."""
        line, named = channel_named(text, line_of, self.commands)
        if named is None:
            caller = await self.caller(
                channel=channel,
                user=user,
                channel_name=channel_name,
                team=team,
                asker_team=asker_team,
                direct=direct,
            )
            return caller, line
        name = channel_name  # the channel asked in, named: as Slack sent it, not the label
        if named.id != channel:
            name = await self.channels.channel_name(
                named.id, user=user, team=self.workspace or team
            )
        caller = await self.caller(
            channel=named.id,
            user=user,
            channel_name=name,
            team=team,
            asker_team=asker_team,
            asked_in=channel,
            asked_in_by=(channel, channel_name),
            direct=direct,
        )
        return caller, line

    async def caller(
        self,
        *,
        channel: str,
        user: str,
        channel_name: str = "",
        team: str = "",
        asker_team: str | None = None,
        asked_in: str = "",
        asked_in_by: tuple[str, str] = ("", ""),
        direct: bool = False,
    ) -> Caller:
        """The Caller, with whether the user is an admin (looked up for every command: help
        and ``sources list`` answer admins differently too). ``asked_in``: the channel the
        command came from when ``channel`` is one it names, ``asked_in_by`` its id and name
        as Slack sent them.

        The workspace is the bot token's (or, installed on an organisation, ``team``, the
        one Slack names). A guest from another organisation, met in a channel shared with
        it, asks as of their own workspace and the channel is this one's (never the
        guest's, even where the payload names their workspace): the command layer refuses
        them its settings. Their workspace is users.info's; when users.info could not be
        asked, ``asker_team``'s, the one the payload names for the person (a slash
        command's team; an event's ``user_team``, not its envelope's, which is the
        install's), and when that names none either, or the bot is installed on an
        organisation (where a guest's payload names their own workspace, and only
        users.info tells it from one of the organisation's), the asker's workspace is
        unknown and they are told to try again rather than taken for one of its people."""
        # A direct (or group) message is no channel of the workspace: the commands that read
        # or change a channel's settings are refused there, whatever channel they name; those
        # that read only the asker's own workspace answer (Caller.direct).
        asked = asked_in_by if asked_in else (channel, channel_name)
        direct = direct or direct_conversation(*asked)
        asker = await self.admins.asker(user)
        home = self.workspace or team
        if asker.elsewhere and home == asker.elsewhere:  # installed on an organisation
            home = self.admins.enterprise  # the channel is one of its workspaces', not theirs
        if asker.elsewhere:
            own = asker.elsewhere
        elif asker.looked_up:
            own = home
        elif not self.workspace:  # installed on an organisation: only users.info tells
            own = ""  # its people from a guest whose payload names their own workspace
        else:
            own = team if asker_team is None else asker_team
        return Caller(
            platform="slack",
            channel=f"slack:{channel}",
            user=f"slack:{user}" if user else "",
            is_admin=asker.admin,
            channel_name=channel_name,
            extra={"team": own} if own else {},
            tenant=f"slack:{own}" if own else None,
            channel_tenant=f"slack:{home}" if home else None,
            tenant_unknown="" if own or not home else UNKNOWN_WORKSPACE,
            terms=TERMS,
            asked_in=f"slack:{asked_in}" if asked_in else "",
            direct=direct,
        )
