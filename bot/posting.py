"""Posting a reply into a channel, whatever platform the channel is on.

Each adapter registers one ``Poster`` for its platform; ``Posters`` routes a
channel id (``"discord:123"``, ``"slack:C1"``, ``"console"``) to it. A poster
raises ``PostError`` when a post cannot be made: ``permanent`` when retrying
cannot help (no permission to post, channel deleted), otherwise the platform
was unreachable and the post may be tried again later. A poster that split a reply
over several messages and failed part-way names the stories already posted
(``posted_story_ids``), so a retry does not post them twice.
"""

from __future__ import annotations

from typing import Protocol

from bot.replies import Reply
from summaries.models import platform_of


class PostError(Exception):
    """A reply could not be posted to a channel; the message is written for a person."""

    def __init__(
        self,
        channel: str,
        message: str,
        *,
        permanent: bool,
        posted_story_ids: tuple[int, ...] = (),
    ) -> None:
        super().__init__(message)
        self.channel = channel
        self.permanent = permanent
        # A reply split over several messages may fail part-way: the stories of the
        # messages that did go out, so a retry posts only the rest.
        self.posted_story_ids = posted_story_ids


class Poster(Protocol):
    async def post(self, channel: str, reply: Reply) -> None:
        """Post ``reply`` to ``channel`` (a store channel id) or raise PostError."""
        ...


class Posters:
    """The posters of the adapters running in this process, by platform."""

    def __init__(self) -> None:
        self._by_platform: dict[str, Poster] = {}

    def register(self, platform: str, poster: Poster) -> None:
        self._by_platform[platform] = poster

    def platforms(self) -> tuple[str, ...]:
        return tuple(self._by_platform)

    def can_post(self, channel: str) -> bool:
        return platform_of(channel) in self._by_platform

    async def post(self, channel: str, reply: Reply) -> None:
        poster = self._by_platform.get(platform_of(channel))
        if poster is None:
            raise PostError(
                channel,
                f"No {platform_of(channel)} connection is running in this process.",
                permanent=False,
            )
        await poster.post(channel, reply)
