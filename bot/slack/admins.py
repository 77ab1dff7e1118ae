"""Who may change settings from Slack: workspace admins and owners, and ``[bot] admins``.

Only this workspace's (the bot token's, told by ``home`` once auth.test answered): in a
channel shared with another organisation (Slack Connect) users.info describes that
organisation's people with *their* workspace and its rights, and an admin there is an
ordinary member here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.errors import SlackCallError, slack_call

log = logging.getLogger("briefing.slack")

CACHE_SECONDS = 300.0
FAILED_LOOKUP_SECONDS = 60.0  # a failed users.info counts as "not an admin" this long


@dataclass(frozen=True, slots=True)
class Asker:
    """What users.info told of someone: an admin here; ``elsewhere``, the workspace of a
    person who is not of this install's (a Slack Connect guest), else "";
    ``looked_up``: False when users.info could not be asked."""

    admin: bool
    elsewhere: str = ""
    looked_up: bool = True


class AdminCheck:
    """``await is_admin("U123")``: a configured id (``slack:U123``) or a workspace admin or
    owner by users.info (needs the ``users:read`` scope), remembered for five minutes. A
    lookup that fails counts as "not an admin" for a minute, so every command does not
    call (and log) again while users.info is refused or Slack is unreachable."""

    def __init__(
        self,
        client: AsyncWebClient,
        configured: Iterable[str] = (),
        *,
        cache_seconds: float = CACHE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.configured = {entry.strip() for entry in configured}
        self.cache_seconds = cache_seconds
        self.clock = clock
        self._known: dict[str, tuple[Asker, float]] = {}  # user -> (asker, valid until)
        # The bot token's team id and Enterprise Grid organisation (both "" until ``home``:
        # not checked; an org-wide install has the organisation alone).
        self.workspace = ""
        self.enterprise = ""

    def home(self, workspace: str, enterprise: str = "") -> None:
        """The workspace (and organisation) whose admins count as admins."""
        self.workspace = workspace
        self.enterprise = enterprise
        self._known.clear()

    async def is_admin(self, user_id: str) -> bool:
        return (await self.asker(user_id)).admin

    async def asker(self, user_id: str) -> Asker:
        """Whether ``user_id`` is an admin here, and the workspace they are of when
        users.info names one that is not this install's (a guest from another
        organisation in a shared channel)."""
        if not user_id:
            return Asker(False)
        if f"slack:{user_id}" in self.configured:
            return Asker(True)
        known = self._known.get(user_id)
        if known is not None and self.clock() < known[1]:
            return known[0]
        try:
            answer = await slack_call(self.client.users_info(user=user_id))
        except SlackCallError as error:
            log.warning("users.info for %s failed: %s", user_id, error)
            return self._remember(user_id, Asker(False, looked_up=False), FAILED_LOOKUP_SECONDS)
        data = answer.data if isinstance(answer.data, dict) else {}
        user = data.get("user") or {}
        admin = any(bool(user.get(key)) for key in ("is_admin", "is_owner", "is_primary_owner"))
        if self._member(user):
            return self._remember(user_id, Asker(admin), self.cache_seconds)
        if admin:
            log.info(
                "%s is an admin of workspace %s, not of this one: no admin here",
                user_id,
                user.get("team_id"),
            )
        guest = Asker(False, elsewhere=str(user.get("team_id")))
        return self._remember(user_id, guest, self.cache_seconds)

    def _member(self, user: dict) -> bool:
        """Whether users.info's ``user`` is one of this workspace's people: its own team, or
        an account of the same Enterprise Grid organisation (for an org-wide install, of any
        of its workspaces). A user whose team Slack does not name cannot be told apart and
        counts as one."""
        team = user.get("team_id")
        if not (self.workspace or self.enterprise) or not team or team == self.workspace:
            return True
        grid = user.get("enterprise_user")
        if not isinstance(grid, dict):
            return False
        if self.enterprise and grid.get("enterprise_id") == self.enterprise:
            return True
        teams = grid.get("teams")
        return bool(self.workspace) and isinstance(teams, list) and self.workspace in teams

    def _remember(self, user_id: str, asker: Asker, seconds: float) -> Asker:
        self._known[user_id] = (asker, self.clock() + min(seconds, self.cache_seconds))
        return asker
