"""Slash commands (``/brief cyber``) and app mentions (``@briefing brief cyber``) onto the
platform-neutral command layer.

Slack wants an acknowledgement within 3 seconds; a command may take longer (``summarize``
fetches a page). So each handler acks first, with nothing to show, and answers afterwards:
a slash command through its response_url (ephemeral when the reply is private), a mention
with chat.postMessage in the same channel or thread (chat.postEphemeral when private).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.commands import COMMANDS, CommandSpec
from bot.replies import Caller, Reply
from bot.slack.admins import AdminCheck
from bot.slack.render import render
from bot.slack.text import command_text

log = logging.getLogger("briefing.slack")

RESPONSE_URL_USES = 5  # Slack accepts up to five answers per response_url


class CommandRunner(Protocol):
    async def run(self, caller: Caller, text: str) -> Reply: ...


class SlackCommands:
    """Registers a slash command per ``CommandSpec`` and the ``app_mention`` event."""

    def __init__(
        self,
        runner: CommandRunner,
        admins: AdminCheck,
        specs: Sequence[CommandSpec] = COMMANDS,
    ) -> None:
        self.runner = runner
        self.admins = admins
        self.specs = {spec.name: spec for spec in specs}

    def register(self, app: AsyncApp) -> None:
        for name in self.specs:
            app.command(f"/{name}")(self._slash_handler(name))
        app.event("app_mention")(self._on_mention)

    # -- slash commands ---------------------------------------------------------------------

    def _slash_handler(
        self, name: str
    ) -> Callable[[AsyncAck, dict[str, Any], AsyncRespond], Awaitable[None]]:
        async def on_command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
            await ack()
            line = f"{name} {command_text(command.get('text', ''))}".strip()
            caller = await self.caller(
                channel=command.get("channel_id", ""),
                user=command.get("user_id", ""),
                channel_name=command.get("channel_name", ""),
                team=command.get("team_id", ""),
                line=line,
            )
            reply = await self.runner.run(caller, line)
            await self._respond(respond, reply)

        return on_command

    async def _respond(self, respond: AsyncRespond, reply: Reply) -> None:
        kind = "ephemeral" if reply.private else "in_channel"
        messages = render(reply)
        if len(messages) > RESPONSE_URL_USES:
            log.warning("reply cut to %d of %d messages", RESPONSE_URL_USES, len(messages))
        for message in messages[:RESPONSE_URL_USES]:
            answer = await respond(
                text=message.text,
                blocks=list(message.blocks),
                response_type=kind,
                replace_original=False,
                unfurl_links=False,
                unfurl_media=False,
            )
            if answer.status_code != 200:
                log.warning(
                    "response_url refused the answer: %s %s", answer.status_code, answer.body
                )
                return

    # -- app mentions -----------------------------------------------------------------------

    async def _on_mention(
        self, event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        line = command_text(event.get("text", ""), bot_user_id=context.bot_user_id or "")
        line = line or "help"
        channel, user = event.get("channel", ""), event.get("user", "")
        caller = await self.caller(
            channel=channel, user=user, team=context.team_id or "", line=line
        )
        reply = await self.runner.run(caller, line)
        for message in render(reply):
            try:
                if reply.private:
                    await client.chat_postEphemeral(
                        channel=channel, user=user, **message.as_arguments()
                    )
                else:
                    await client.chat_postMessage(
                        channel=channel,
                        thread_ts=event.get("thread_ts"),
                        unfurl_links=False,
                        unfurl_media=False,
                        **message.as_arguments(),
                    )
            except SlackApiError as error:
                log.warning(
                    "answer to a mention in %s failed: %s", channel, error.response.get("error")
                )
                return

    # -- who asked --------------------------------------------------------------------------

    async def caller(
        self, *, channel: str, user: str, line: str, channel_name: str = "", team: str = ""
    ) -> Caller:
        """The Caller; ``is_admin`` is looked up only when ``line`` may need it."""
        admin = await self.admins.is_admin(user) if self.needs_admin(line) else False
        return Caller(
            platform="slack",
            channel=f"slack:{channel}",
            user=f"slack:{user}" if user else "",
            is_admin=admin,
            channel_name=channel_name,
            extra={"team": team} if team else {},
        )

    def needs_admin(self, line: str) -> bool:
        """Whether ``line`` is (or may be: an alias, an unknown word) an admin action."""
        words = line.split(maxsplit=2)
        if not words:
            return False
        spec = self.specs.get(words[0].lower())
        if spec is None:
            return True
        sub = words[1].lower() if len(words) > 1 else ""
        return spec.admin or sub in spec.admin_subcommands
