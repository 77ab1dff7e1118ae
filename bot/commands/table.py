"""Every command the bot answers, each declared once (see ``bot.commands.declare``).

The order here is the order of help and of the platforms' command lists.
"""

from __future__ import annotations

from bot.commands.about import about
from bot.commands.brief import brief
from bot.commands.declare import Access, Action, Argument, Command, CommandSet, Kind, Suggest
from bot.commands.digest import digest
from bot.commands.help import help_command
from bot.commands.schedule import schedule
from bot.commands.sources import sources
from bot.commands.summarize import summarize
from bot.commands.topics import topics

ADMINS = Access.ADMINS
# Commands about one channel can be pointed at another one where the platform lets a person
# pick it (a Discord channel option, a channel Slack sends as <#C…> in the text); typed
# as a plain word, they act on the channel they are typed in.
CHANNEL = Argument("channel", "The channel (default: this one)", Kind.CHANNEL, required=False)

BRIEF = Command(
    name="brief",
    terms=("briefing", "search", "keyword"),
    summary="Briefings of the stored stories that best match your keywords.",
    handler=brief,
    tenant_wide=True,
    arguments=(Argument("keywords", 'Words to look for, e.g. cyber attack or "central bank"'),),
    examples=("brief cyber attack", 'brief "central bank"'),
    details=(
        "Every word must match; words match by their start (cyber finds cybersecurity).",
        'Put an exact phrase in double quotes: "interest rate".',
    ),
)

SUMMARIZE = Command(
    name="summarize",
    terms=("article", "url", "link"),
    summary="A briefing of one web page, or of text you paste.",
    handler=summarize,
    arguments=(
        Argument(
            "url",
            "A web address (http or https), or the article's text",
            label="url or text",
            prose=True,
        ),
    ),
    slow=True,
    anywhere=True,
    aliases=("summarise", "summary"),
    details=(
        "Give an http:// or https:// address, or paste the article's text.",
        "Addresses inside private networks are not fetched.",
    ),
)

DIGEST = Command(
    name="digest",
    summary="A preview of this channel's next digest; digest now posts it now.",
    handler=digest,
    actions=(
        Action("preview", "Preview this channel's next digest", default=True, slow=True),
        Action(
            "now",
            "Post this channel's digest now",
            access=ADMINS,
            task="post a digest now",
            slow=True,
        ),
    ),
)

# A source the server or workspace reads, by address or number (sources list shows both).
SOURCE = Argument(
    "url", "The address of the source, or its #number", label="url or #id", suggest=Suggest.SOURCES
)
SOURCES = Command(
    name="sources",
    terms=("feed", "page", "rss"),
    summary="The feeds and pages the bot reads; admins add and remove them.",
    handler=sources,
    actions=(
        Action("list", "The feeds and pages the bot reads", default=True),
        Action(
            "add",
            "Add a feed or page",
            (
                Argument(
                    "kind",
                    "Read it as a feed or as a page (default: look at what it is)",
                    required=False,
                    choices=("feed", "page"),
                ),
                Argument("url", "The address of a feed or web page"),
            ),
            access=ADMINS,
            task="add sources",
            slow=True,
        ),
        Action(
            "remove",
            "Stop reading a feed or page",
            (SOURCE,),
            access=ADMINS,
            task="remove sources",
            aliases=("rm", "delete"),
        ),
        Action(
            "retry",
            "Read a failing or disabled source again at the next read",
            (SOURCE,),
            access=ADMINS,
            task="retry sources",
        ),
    ),
    listed_for=ADMINS,
    tenant_wide=True,
    aliases=("source",),
    details=(
        "Add language=de after the address (a language's name or two-letter code) to read "
        "its articles in that language instead of detecting it.",
    ),
)

TOPICS = Command(
    name="topics",
    summary="The topics this channel's digest follows; admins add and remove them.",
    handler=topics,
    actions=(
        Action("list", "The topics this channel's digest follows", default=True, aliases=("show",)),
        Action(
            "add",
            "Follow more topics in this channel's digest",
            (
                Argument(
                    "topic",
                    'Keywords or "phrases in quotes", separated by spaces',
                    label='keyword or "phrase"',
                    many=True,
                ),
            ),
            access=ADMINS,
            task="change this channel's topics",
        ),
        Action(
            "remove",
            "Stop following a topic",
            (Argument("topic", "The topic to stop following", suggest=Suggest.TOPICS),),
            access=ADMINS,
            task="change this channel's topics",
            aliases=("rm", "delete"),
        ),
    ),
    listed_for=ADMINS,
    aliases=("topic",),
    examples=('topics add cyber "central bank"', "topics remove cyber"),
    details=(
        'A topic is a keyword (cyber) or a phrase in double quotes ("central bank").',
        "A . , ! or ? that ends the command is the sentence's, not the topic's (topics add "
        "cyber. follows cyber), unless the word has other marks inside: AT&T! and Node.js. "
        "are kept as typed.",
        "With no topics the digest carries every new story.",
    ),
)

SCHEDULE_TASK = "change this channel's schedule"
SCHEDULE = Command(
    name="schedule",
    summary="When this channel's digest is posted; admins change it.",
    handler=schedule,
    actions=(
        Action("show", "When the channel's digest is posted", (CHANNEL,), default=True),
        Action(
            "set",
            "Set when the channel's digest is posted",
            (
                Argument("time", "24-hour time of day, e.g. 08:00", Kind.TIME, label="HH:MM"),
                Argument(
                    "timezone",
                    "IANA time zone, e.g. Europe/Berlin",
                    Kind.TIMEZONE,
                    required=False,
                    suggest=Suggest.TIMEZONES,
                ),
                CHANNEL,
            ),
            access=ADMINS,
            task=SCHEDULE_TASK,
        ),
        # the words people use to stop a digest, or start it again: pausing keeps its time
        Action(
            "pause",
            "Pause the channel's digest",
            (CHANNEL,),
            access=ADMINS,
            task=SCHEDULE_TASK,
            aliases=("stop", "off", "remove", "delete", "unset"),
        ),
        Action(
            "resume",
            "Resume the channel's digest",
            (CHANNEL,),
            access=ADMINS,
            task=SCHEDULE_TASK,
            aliases=("start", "on"),
        ),
    ),
    listed_for=ADMINS,
    examples=("schedule set 08:00 Europe/Berlin", "schedule pause", "schedule resume"),
    details=(
        "Times are 24-hour, in an IANA time zone such as Europe/Berlin or America/New_York; "
        "daylight saving time is followed.",
    ),
)

ABOUT = Command(
    name="about",
    terms=("version", "status"),
    summary="The bot's version, the sources read here and this channel's next digest.",
    handler=about,
    tenant_wide=True,
)

HELP = Command(
    name="help",
    summary="What the bot can do; help <command> for one command.",
    handler=help_command,
    arguments=(
        Argument("command", "One command to explain", required=False, suggest=Suggest.COMMANDS),
    ),
    anywhere=True,
    aliases=("?", "commands"),
)

COMMANDS = CommandSet((BRIEF, SUMMARIZE, DIGEST, SOURCES, TOPICS, SCHEDULE, ABOUT, HELP))
