"""What commands exist: one table that adapters register as slash commands and help prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """One command as a chat platform shows it.

    ``admin`` is true when every use of the command needs admin rights; commands that
    are open to all but have admin-only subcommands list those in ``admin_subcommands``
    (adapters should not hide such a command from non-admins). ``argument`` names the
    free text after the command (or after its subcommand); "" when it takes none.
    """

    name: str
    summary: str
    usage: str
    admin: bool = False
    subcommands: tuple[str, ...] = ()
    argument: str = ""
    admin_subcommands: tuple[str, ...] = ()
    details: tuple[str, ...] = ()  # extra lines for ``help <command>``


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        name="brief",
        summary="Briefings of the stored stories that best match your keywords.",
        usage='brief <keywords>   e.g. brief cyber attack, brief "central bank"',
        argument="keywords",
        details=(
            "Every word must match; words match by their start (cyber finds cybersecurity).",
            'Put an exact phrase in double quotes: "interest rate".',
        ),
    ),
    CommandSpec(
        name="summarize",
        summary="A briefing of one web page, or of text you paste.",
        usage="summarize <url or text>",
        argument="url or text",
        details=(
            "Give an http:// or https:// address, or paste the article's text.",
            "Addresses inside private networks are not fetched.",
        ),
    ),
    CommandSpec(
        name="digest",
        summary="A preview of this channel's next digest; digest now posts it now.",
        usage="digest [now]",
        subcommands=("preview", "now"),
        admin_subcommands=("now",),
    ),
    CommandSpec(
        name="sources",
        summary="The feeds and pages the bot reads; admins add and remove them.",
        usage="sources list | sources add <url> | sources remove <url or #id>",
        subcommands=("list", "add", "remove"),
        argument="url",
        admin_subcommands=("add", "remove"),
    ),
    CommandSpec(
        name="topics",
        summary="The topics this channel's digest follows; admins add and remove them.",
        usage='topics list | topics add <keyword or "phrase"> ... | topics remove <topic>',
        subcommands=("list", "add", "remove"),
        argument="topic",
        admin_subcommands=("add", "remove"),
        details=(
            'A topic is a keyword (cyber) or a phrase in double quotes ("central bank").',
            "With no topics the digest carries every new story.",
        ),
    ),
    CommandSpec(
        name="schedule",
        summary="When this channel's digest is posted; admins change it.",
        usage="schedule show | schedule set <HH:MM> [timezone] | schedule pause | schedule resume",
        subcommands=("show", "set", "pause", "resume"),
        argument="time and timezone",
        admin_subcommands=("set", "pause", "resume"),
        details=(
            "Times are 24-hour, in an IANA time zone such as Europe/Berlin or America/New_York;",
            "daylight saving time is followed.",
        ),
    ),
    CommandSpec(
        name="help",
        summary="What the bot can do; help <command> for one command.",
        usage="help [command]",
        argument="command",
    ),
)

BY_NAME: dict[str, CommandSpec] = {spec.name: spec for spec in COMMANDS}
