"""Posting a reply into a channel, whatever platform the channel is on.

Each adapter registers one ``Poster`` for its platform; ``Posters`` routes a
channel id (``"discord:123"``, ``"slack:C1"``, ``"console"``) to it. A poster
raises ``PostError`` when a post cannot be made: ``permanent`` when retrying
cannot help (no permission to post, channel deleted; or, ``malformed``, the
platform refused the message itself, as too long or badly formed: then the channel
is fine and only that post is lost), ``maybe_posted`` when the platform failed after the
message may have gone out and cannot tell a second post from a new one (it is not posted
again), otherwise the platform was unreachable and the post may be tried again later. A
poster that split a reply over several messages and failed part-way names the stories
already posted
(``posted_story_ids``), so a retry does not post them twice: ``post_in_order`` does
that for every poster, whatever the failure.

A digest is posted with a ``key`` (its channel and period): a poster whose platform
deduplicates posts (Discord's ``nonce`` with ``enforce_nonce``) derives each message's
nonce from it (:func:`message_nonce`), so a post retried after a crash, whose first try
did reach the platform, is not shown twice.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol, TypeVar

from bot.replies import Reply
from summaries.models import platform_of

log = logging.getLogger("briefing.posting")


class PostError(Exception):
    """A reply could not be posted to a channel; the message is written for a person."""

    def __init__(
        self,
        channel: str,
        message: str,
        *,
        permanent: bool,
        malformed: bool = False,
        posted_story_ids: tuple[int, ...] = (),
        maybe_posted: bool = False,
    ) -> None:
        super().__init__(message)
        self.channel = channel
        self.permanent = permanent or malformed
        # The platform failed after the message may have gone out (a 5xx, a cut connection)
        # and has no idempotency key: posting it again could show it twice. Its stories
        # are among ``posted_story_ids``.
        self.maybe_posted = maybe_posted
        # Refused for what it is, not where it goes: the channel may still be posted to.
        self.malformed = malformed
        # A reply split over several messages may fail part-way: the stories of the
        # messages that did go out, so a retry posts only the rest.
        self.posted_story_ids = posted_story_ids


class Message(Protocol):
    """One rendered message of a platform, knowing the stories it carries."""

    @property
    def story_ids(self) -> tuple[int, ...]: ...


M = TypeVar("M", bound=Message)


async def post_in_order(
    channel: str, messages: Sequence[M], send: Callable[[M], Awaitable[None]]
) -> None:
    """Send ``messages`` one after another with ``send``, which raises PostError when the
    platform did not take one. Whatever stops the sending, the PostError raised names the
    stories of the messages already sent: ``send``'s own keeps its words and whether it is
    permanent or malformed; any other error (a bug) is logged with an incident id and is
    transient."""
    posted: list[int] = []
    for index, message in enumerate(messages):
        try:
            await send(message)
        except PostError as error:
            failure = error
        except Exception as error:
            incident = uuid.uuid4().hex[:8]
            log.error("incident %s posting to %s", incident, channel, exc_info=error)
            failure = PostError(channel, f"unexpected error (incident {incident})", permanent=False)
        else:
            posted.extend(message.story_ids)
            continue
        if index:
            log.warning("%s: %d of %d messages were posted", channel, index, len(messages))
        raise PostError(
            channel,
            str(failure),
            permanent=failure.permanent,
            malformed=failure.malformed,
            posted_story_ids=(*posted, *failure.posted_story_ids),
            maybe_posted=failure.maybe_posted,
        ) from failure


_MAYBE_POSTED_TAIL = (
    " while the digest was being sent, so it may have shown in part or in full; it is not "
    "sent again, so that nothing shows twice."
)


def maybe_posted_reason(why: str) -> str:
    """The reason of a ``maybe_posted`` PostError, as stored with the digest: ``why`` the
    platform failed ("Slack answered HTTP 503"), then what that means."""
    return why + _MAYBE_POSTED_TAIL


def is_maybe_posted_reason(reason: str | None) -> bool:
    """Whether a digest's stored reason is ``maybe_posted_reason``'s."""
    return bool(reason) and str(reason).endswith(_MAYBE_POSTED_TAIL)


# Why a post failed when the channel itself is gone (deleted, or out of the bot's sight):
# no command can be said there any more, so the advice for it differs.
CHANNEL_GONE = {
    "discord": "This Discord channel no longer exists.",
    "slack": "This Slack channel does not exist, or the bot cannot see it.",
}


def is_channel_gone(reason: str | None) -> bool:
    """Whether a post failed (``reason``, as stored with the digest) as the channel is gone."""
    return reason is not None and reason.strip() in CHANNEL_GONE.values()


def resume_advice(reason: str | None) -> str:
    """What to do about a channel whose digests were paused after a post failed for
    ``reason`` (as stored with the digest): where the channel is gone, set the digest up
    in another channel; otherwise, once the bot may post there, resume it there."""
    if not is_channel_gone(reason):
        return "Once the bot may post there, schedule resume in that channel turns them back on."
    return (
        "The channel is gone, so schedule resume cannot be said there: to get the digest, an "
        "admin says schedule set <HH:MM> <timezone> in another channel; if the channel is "
        "still there and only the bot was removed from it, add the bot back and say schedule "
        "resume in it."
    )


def may_not_have_shown(platform: str, *, private: bool, partly: bool = False) -> str:
    """The note that replaces, or follows, an answer that the platform may or may not have
    shown: it failed in a way (a 5xx, a cut connection) after which sending it again
    could show it twice."""
    answer = "My answer to this command"
    if private:
        answer += ", which only the person who asked can see,"
    if partly:
        return (
            f"{answer} may not have shown in full: {platform} had trouble with it. If it "
            "stops short, please ask again."
        )
    return (
        f"{answer} may not have shown: {platform} had trouble with it. If you asked and see "
        "no answer, please ask again."
    )


NONCE_LENGTH = 25  # Discord's longest nonce


def message_nonce(key: str, part: int, story_ids: Sequence[int]) -> str:
    """The nonce of one message of a keyed post: the same key, part and stories give the
    same nonce (a retry), a resend of only the stories still unposted another one."""
    text = f"{key}|{part}|{','.join(str(story) for story in story_ids)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:NONCE_LENGTH]


class Poster(Protocol):
    async def post(self, channel: str, reply: Reply, *, key: str | None = None) -> None:
        """Post ``reply`` to ``channel`` (a store channel id) or raise PostError; ``key``
        identifies a digest (see the module docstring)."""
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

    def ready(self, channel: str) -> bool:
        """Whether the poster of ``channel``'s platform runs here and can post now."""
        return platform_of(channel) in self.ready_platforms()

    def ready_platforms(self) -> tuple[str, ...]:
        """The platforms whose poster can post now (a poster without ``ready()`` always
        can): the schedule claims digests of these only."""
        return tuple(
            platform
            for platform, poster in self._by_platform.items()
            if getattr(poster, "ready", lambda: True)()
        )

    async def post(self, channel: str, reply: Reply, *, key: str | None = None) -> None:
        poster = self._by_platform.get(platform_of(channel))
        if poster is None:
            raise PostError(
                channel,
                f"No {platform_of(channel)} connection is running in this process.",
                permanent=False,
            )
        if key is None:
            await poster.post(channel, reply)
        else:
            await poster.post(channel, reply, key=key)
