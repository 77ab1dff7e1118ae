"""Channels in the fake, as ``conversations.info`` and ``conversations.members`` answer a
bot token of the fake's workspace.

    slack.add_channel("C2NEWS", "news")                          # a public channel here
    slack.add_channel("G1", "editors", private=True, members=["UADMIN"])
    slack.add_channel("C9", "theirs", team="T9OTHER")            # another workspace's

As on Slack, a channel the token cannot see answers ``channel_not_found``: another
workspace's (unless shared with this one, or the install is the whole organisation's) or
a private one (the bot is taken to be in every private channel added). ``missing_scopes``
holds methods answered ``missing_scope`` (an app installed before it asked for them).
"""

from __future__ import annotations

from typing import Any

from tests.fakes.slack.payloads import TEAM_ID


class Conversations:
    """The FakeSlack's channels; mixed into FakeSlack (which has ``identity``)."""

    identity: dict[str, Any]

    def conversations_setup(self) -> None:
        self.channels: dict[str, dict[str, Any]] = {}
        self.channel_members: dict[str, list[str]] = {}
        self.missing_scopes: set[str] = set()

    def add_channel(
        self,
        channel_id: str,
        name: str,
        *,
        team: str = TEAM_ID,
        private: bool = False,
        members: list[str] | tuple[str, ...] = (),
        shared_with: tuple[str, ...] = (),
        archived: bool = False,
        im: bool = False,
        mpim: bool = False,
    ) -> None:
        """A conversation the bot's token sees; ``im``: a direct message with the bot;
        ``mpim``: a group one (its id starts with C, or G as older ones do)."""
        self.channels[channel_id] = {
            "id": channel_id,
            "name": name,
            "is_channel": not private and not im and not mpim,
            "is_group": private,
            "is_im": im,
            "is_mpim": mpim,
            "is_private": private or mpim,
            "is_archived": archived,
            "is_shared": bool(shared_with),
            "context_team_id": team,
            "shared_team_ids": [team, *shared_with],
        }
        self.channel_members[channel_id] = list(members)

    def conversations_answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method in self.missing_scopes:
            return {"ok": False, "error": "missing_scope", "needed": "channels:read"}
        channel = self.channels.get(str(args.get("channel", "")))
        if channel is None or not self._visible(channel):
            return {"ok": False, "error": "channel_not_found"}
        if method == "conversations.info":
            return {"ok": True, "channel": channel}
        members = self.channel_members[channel["id"]]
        start = int(args.get("cursor") or 0)
        size = int(args.get("limit") or 100)
        page = members[start : start + size]
        following = str(start + size) if start + size < len(members) else ""
        return {"ok": True, "members": page, "response_metadata": {"next_cursor": following}}

    def _visible(self, channel: dict[str, Any]) -> bool:
        if self.identity.get("is_enterprise_install"):
            return True
        return TEAM_ID in channel["shared_team_ids"]
