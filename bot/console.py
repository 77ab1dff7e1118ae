"""The console backend: a terminal chat with the bot, over the sample corpus when there is
nothing else to read.

``python -m bot --console`` (and ``python -m bot`` without a chat token). Commands are
read line by line from standard input, with or without a leading "/" or "!", and every
reply is printed as plain text; the end of input ends the session (exit code 0), so
``printf 'brief cyber\\ndigest\\n' | python -m bot --console`` works. Run for want of a
chat token with no terminal and no command at all (a container without its token), it
says on stderr that no token is set.

When the configured database holds no sources (and config.toml names none), the sample
articles are read into an in-memory store through the real ingest path for a folder
source: the user's database is never filled with fictional news. The console channel is
``"console"`` and its user is an admin. The bot's runtime (``bot.runtime``) runs
underneath, with a console Poster, so the scheduled digest prints when it is due.
"""

from __future__ import annotations

import asyncio
import dataclasses
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import TextIO

from bot.commands.declare import said
from bot.replies import Caller, PlatformTerms, Reply
from bot.runtime import BotRuntime
from summaries.clock import Clock, utc_now
from summaries.config import Settings, StoreSettings
from summaries.doctor.environment import chat_token_variables
from summaries.ingest import IngestReport
from summaries.models import CONSOLE
from summaries.store import Store, open_store
from summaries.store.location import SQLITE, parse_location

CHANNEL = "console"
CALLER = Caller(
    platform="console",
    channel=CHANNEL,
    user="console",
    is_admin=True,
    channel_name="console",
    tenant=CONSOLE,
    terms=PlatformTerms(tenant="console"),
)
PREFIXES = ("/", "!")
QUIT = frozenset({"quit", "exit", ":q"})
MEMORY = ":memory:"
PROMPT = "> "


# --- rendering -------------------------------------------------------------------------------


def render(reply: Reply) -> str:
    """A reply as plain text: title, prose, list, stories with indented briefings, footer."""
    if not reply.ok:
        return f"{reply.title}: {reply.text}\n" if reply.title else reply.text + "\n"
    out = [reply.title, ""] if reply.title else []
    if reply.text:
        out += [reply.text, ""]
    out += [f"  - {line}" for line in reply.lines]
    if reply.lines:
        out.append("")
    for number, item in enumerate(reply.items, start=1):
        out.append(f"{number}. {item.title}")
        details = [", ".join(item.sources)] if item.sources else []
        if item.published is not None:
            details.append(_when(item.published))
        if details:
            out.append("   " + " | ".join(details))
        if item.url:
            out.append(f"   {item.url}")
        out += [f"      {sentence}" for sentence in item.attributed]
        out.append("")
    if reply.footer:
        out += [f"({reply.footer})", ""]
    return "\n".join(out)


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d %b %Y %H:%M UTC")


class ConsolePoster:
    """Prints a posted digest: the console's ``Poster`` for ``runtime.posters``."""

    def __init__(self, out: TextIO, prompt: str = "") -> None:
        self.out = out
        self.prompt = prompt  # shown again after a digest that interrupted typing

    async def post(self, channel: str, reply: Reply, *, key: str | None = None) -> None:
        print(f"\n--- posted to {channel} ---\n{render(reply)}", file=self.out, flush=True)
        if self.prompt:
            print(self.prompt, end="", file=self.out, flush=True)


# --- the store: the user's, or the samples in memory -----------------------------------------


def wants_samples(settings: Settings) -> bool:
    """True when nothing is configured to read: no sources in config.toml or the database.

    Looks without creating the database file.
    """
    listed = settings.sources
    if listed.feeds or listed.pages or listed.folders:
        return False
    where = parse_location(settings.store.location)
    path = Path(where.target)
    try:
        made = where.engine != SQLITE or (where.target != MEMORY and path.is_file())
    except OSError:  # a name too long: no database there (opening one would say why)
        made = False
    if not made:
        return True
    with open_store(settings.store.location) as store:
        return not store.list_sources()


def sample_settings(settings: Settings) -> Settings:
    """The settings of a session over the samples: an in-memory store, and digests that take
    articles of any age (the samples are dated months back; ``[digest] max_age_hours``
    would leave every one of them out)."""
    return dataclasses.replace(
        settings,
        store=StoreSettings(path=MEMORY),
        digest=dataclasses.replace(settings.digest, max_age_hours=0),
    )


async def load_samples(runtime: BotRuntime) -> IngestReport:
    """Read the project's sample articles into the runtime's store as a folder source is read."""
    store = runtime.store
    with resources.as_file(resources.files("summaries") / "samples") as folder:
        source = await asyncio.to_thread(
            store.add_source, str(folder), "folder", added_by="console"
        )
        report = await runtime.ingest.run([source], force=True)
    # The samples never change: the periodic ingest need not read them again at start.
    later = runtime.clock() + timedelta(minutes=runtime.settings.schedule.ingest_minutes)
    await asyncio.to_thread(
        store.record_fetch, source.id, ok=True, next_attempt_at=later, now=runtime.clock()
    )
    return report


async def _set_default_schedule(store: Store, settings: Settings) -> None:
    """The console channel of the samples gets the default digest time, so one is due."""
    channel = await asyncio.to_thread(store.ensure_channel, CHANNEL, name="console")
    if channel.time is None:
        defaults = settings.schedule
        await asyncio.to_thread(store.set_schedule, CHANNEL, defaults.time, defaults.timezone)


# --- the session -----------------------------------------------------------------------------


@dataclasses.dataclass
class Session:
    runtime: BotRuntime
    samples: bool
    report: IngestReport | None = None

    @property
    def store(self) -> Store:
        return self.runtime.store


@asynccontextmanager
async def open_session(
    settings: Settings, out: TextIO, clock: Clock = utc_now, prompt: str = ""
) -> AsyncIterator[Session]:
    """The runtime under the console, with the samples when nothing else is configured, and a
    console Poster; started, and closed on the way out."""
    samples = await asyncio.to_thread(wants_samples, settings)
    if samples:
        settings = sample_settings(settings)
    runtime = await BotRuntime.open(settings, clock=clock)
    try:
        report = None
        if samples:
            report = await load_samples(runtime)
            await _set_default_schedule(runtime.store, settings)
        runtime.posters.register("console", ConsolePoster(out, prompt))
        await runtime.start()
        yield Session(runtime, samples, report)
    finally:
        await runtime.close()


def banner(session: Session) -> str:
    if session.samples:
        stored = session.store.count_articles()
        where = (
            f"{stored} sample articles, read into memory (your database is not touched; "
            "add sources in config.toml or with `briefing sources add` to read real news)"
        )
    else:
        count = session.store.count_articles()
        noun = "article" if count == 1 else "articles"
        where = f"{count} stored {noun} in {session.store.path}"
    return (
        f"Briefing bot console: {where}.\n"
        "Try: brief cyber, digest, help. End with Ctrl-D (or quit).\n"
    )


async def run_console(
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    clock: Clock = utc_now,
    without_token: bool = False,
) -> int:
    """The terminal chat; returns the exit code (0 at the end of input).

    Run ``without_token`` (no chat token is set) not in a terminal, with input that ends
    before any command (a container started without its token), it says on stderr what
    is missing rather than end as if it had done its work. The code stays 0: a
    ``make run`` with nothing on its input did what it was asked.
    """
    source = stdin or sys.stdin
    out = stdout or sys.stdout
    interactive = source.isatty() and out.isatty()
    commands = 0
    if interactive:
        print("Reading the articles...", file=out, flush=True)
    prompt = PROMPT if interactive else ""
    async with open_session(settings, out, clock, prompt) as session:
        print(banner(session), file=out, flush=True)
        lines = _reader(source)
        while True:
            if prompt:
                print(prompt, end="", file=out, flush=True)
            line = await lines.get()
            if not line:
                break
            command = command_text(line)
            if not command:
                continue
            if said(command.casefold(), QUIT):  # "Quit." too
                break
            commands += 1
            reply = await session.runtime.commands.run(CALLER, command)
            print(render(reply), file=out, flush=True)
    if interactive:
        print(file=out)
    if without_token and not interactive and not commands:
        print(no_token(settings), file=sys.stderr, flush=True)
    return 0


def no_token(settings: Settings) -> str:
    """What a run for want of a chat token says when it had nothing to do (see
    :func:`run_console`), naming the variables this config.toml reads."""
    return (
        "bot: no chat token is set, so the console ran, and its input ended before any "
        "command: there is no terminal to chat in. To connect, set "
        f"{chat_token_variables(settings)}; or run the bot in a terminal to use the console."
    )


def _reader(source: TextIO) -> asyncio.Queue[str]:
    """Lines of ``source`` as they are typed, "" at the end of input.

    A daemon thread reads, not the loop's default executor: a read blocked on the
    terminal must not keep the process alive after Ctrl-C or SIGTERM.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()

    def hand_over(line: str) -> bool:
        try:
            loop.call_soon_threadsafe(queue.put_nowait, line)
        except RuntimeError:  # the loop is closed: the session is over
            return False
        return True

    def read() -> None:
        try:
            for line in iter(source.readline, ""):
                if not hand_over(line):
                    return
        except (OSError, ValueError):  # stdin closed under us
            pass
        hand_over("")

    threading.Thread(target=read, name="console-input", daemon=True).start()
    return queue


def command_text(line: str) -> str:
    """A typed line without its newline and its optional "/" or "!" prefix."""
    text = line.strip()
    while text.startswith(PREFIXES):
        text = text[1:].lstrip()
    return text
