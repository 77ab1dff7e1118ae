"""What a command answers, as data: each adapter renders it to its platform's limits.

Nothing here is preformatted for one platform. ``text`` and ``lines`` are plain
prose (no markdown); titles, links, sources, times and briefing sentences stay
separate fields so Discord can make embeds, Slack Block Kit sections, and the
console plain lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from summaries.story_briefing import attributed


class ErrorKind(StrEnum):
    """Why a command failed, so an adapter can choose how to show it (e.g. ephemeral)."""

    USAGE = "usage"  # the command or its arguments were wrong; ``text`` says how to use it
    FORBIDDEN = "forbidden"  # an admin command from someone who is not an admin
    NOT_FOUND = "not_found"  # a source, topic or channel setting that does not exist
    BAD_INPUT = "bad_input"  # a URL or text that cannot be read or summarized
    UNAVAILABLE = "unavailable"  # a remote site or the store failed; trying later may work
    INTERNAL = "internal"  # a bug; ``text`` carries an incident id, never a traceback


@dataclass(frozen=True, slots=True)
class ReplyItem:
    """One story or article: a headline linked to its page, its outlets, its briefing."""

    title: str
    url: str | None = None
    sources: tuple[str, ...] = ()
    published: datetime | None = None  # timezone-aware
    briefing: tuple[str, ...] = ()  # whole sentences, in article order
    story_id: int | None = None
    # The outlet of each briefing sentence, when a story's briefing quotes several; else ().
    attributions: tuple[str, ...] = ()

    @property
    def attributed(self) -> tuple[str, ...]:
        """The briefing as shown: each sentence followed by its outlet, when it has one."""
        if not self.attributions:
            return self.briefing
        pairs = zip(self.briefing, self.attributions, strict=False)
        return tuple(attributed(sentence, outlet) for sentence, outlet in pairs)


@dataclass(frozen=True, slots=True)
class Reply:
    """A command's answer: a title, prose, items, a footer; or an error of some kind."""

    title: str
    text: str = ""  # a paragraph of plain prose
    lines: tuple[str, ...] = ()  # a plain list (sources, topics, help entries)
    items: tuple[ReplyItem, ...] = ()
    footer: str = ""
    error: ErrorKind | None = None
    private: bool = False  # only the person who asked should see it, where the platform can

    @property
    def ok(self) -> bool:
        return self.error is None


def error_reply(kind: ErrorKind, text: str, title: str = "") -> Reply:
    """An error answer; errors are private where the platform allows."""
    default_titles = {
        ErrorKind.USAGE: "Not quite",
        ErrorKind.FORBIDDEN: "Admins only",
        ErrorKind.NOT_FOUND: "Not found",
        ErrorKind.BAD_INPUT: "Cannot read that",
        ErrorKind.UNAVAILABLE: "Not available right now",
        ErrorKind.INTERNAL: "Something went wrong",
    }
    return Reply(title=title or default_titles[kind], text=text, error=kind, private=True)


@dataclass(frozen=True, slots=True)
class PlatformTerms:
    """How a platform names its places and its admins, for the command layer's sentences.

    Each adapter supplies its own in ``Caller.terms``; the command layer names no
    platform. The defaults fit any platform.
    """

    tenant: str = "server or workspace"  # what a tenant is called there: "this server"
    admins: str = "admins"  # who counts as an admin there: "Only <admins> ... can"
    # How a person there makes a command act on another channel than the one it is asked
    # in, ending "Ask in that channel, or ...": "" where there is no way; "{command}" is
    # replaced by the command and action ("schedule set").
    other_channel: str = ""


@dataclass(frozen=True, slots=True)
class Caller:
    """Who asked, where: supplied by the adapter with the platform's own permission check."""

    platform: str  # "discord", "slack", "console"
    channel: str  # the channel id in the store: "discord:123", "slack:C1", "console"
    user: str = ""  # "discord:456", "slack:U1", "console"
    is_admin: bool = False  # the platform says this user may change settings here
    channel_name: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # adapter-specific, e.g. guild id
    # The server or workspace asked in, from the platform's event (never from what the user
    # typed): "discord:<guild id>", "slack:<team id>", "console"; None outside any (a DM).
    tenant: str | None = None
    terms: PlatformTerms = PlatformTerms()
    # The channel asked in when ``channel`` is another one the command names (from what the
    # user typed: checked to be of ``tenant`` before the command runs); "" otherwise.
    asked_in: str = ""
    # The server or workspace the platform puts ``channel`` in, where that may be another
    # than the asker's ``tenant`` (a Slack channel shared with a guest's organisation): the
    # channel is that one's until a tenant is stored for it. None: ``tenant``'s.
    channel_tenant: str | None = None
    # Why ``tenant`` is None although the asker is in one: the platform could not say
    # which (told to the person in place of "that works in a server's channels").
    tenant_unknown: str = ""
    # Asked in a direct message that belongs to ``tenant`` (Slack's: a Discord one belongs
    # to no server): no channel's settings live there, so only the commands that read the
    # asker's own server or workspace answer (``Command.tenant_wide``), besides ``anywhere``.
    direct: bool = False
