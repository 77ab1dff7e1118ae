"""The console backend: a terminal chat over the sample corpus, read from standard input."""

from __future__ import annotations

import asyncio
import io
import os
import re
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from bot.console import (
    CALLER,
    command_text,
    open_session,
    render,
    run_console,
    sample_settings,
    wants_samples,
)
from bot.replies import ErrorKind, Reply, ReplyItem, error_reply
from summaries.config import (
    DigestSettings,
    IngestSettings,
    Settings,
    SourcesSettings,
    StoreSettings,
)
from summaries.samples import sample_articles
from summaries.store import open_store
from tests.processes import run_module

PORT = sample_articles()[0].title  # 01: the ransomware story at the port...
PORT_AGAIN = sample_articles()[1].title  # 02: ...told by another outlet
README = Path(__file__).resolve().parents[2] / "README.md"
ELIDED = "… stories 3 to 8 …"  # where the README's transcript leaves out the digest's middle


def without_tokens():
    env = dict(os.environ)
    for name in ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "BRIEFING_CONFIG"):
        env.pop(name, None)
    return env


def settings_for(tmp_path, **extra):
    return Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")),
        ingest=IngestSettings(workers=1),
        **extra,
    )


def console_process(tmp_path, commands: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m bot --console`` in ``tmp_path`` with ``commands`` piped in."""
    return run_module("bot", "--console", cwd=tmp_path, stdin=commands, env=env)


def readme_transcript() -> tuple[str, str]:
    """The README's console session: the command line it shows, and the output under it."""
    block = README.read_text(encoding="utf-8").split("```console\n", 1)[1].split("\n```", 1)[0]
    command, _, shown = block.partition("\n")
    return command, shown


def words(text: str) -> str:
    """``text`` with its line breaks and runs of spaces as one space (the README wraps long
    lines), and the preview's date, which is the day the session runs, as <day>."""
    return " ".join(re.sub(r"briefing for \w+ \d+ \w+", "briefing for <day>", text).split())


def test_piped_commands_answer_from_the_samples_and_exit_at_end_of_input(tmp_path):
    command, shown = readme_transcript()
    assert command == "$ printf 'brief cyber\\ndigest\\nhelp\\n' | python -m bot --console"
    result = console_process(tmp_path, "brief cyber\ndigest\nhelp\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert "9 sample articles" in out and "your database is not touched" in out
    brief, _, rest = out.partition("Preview: your briefing for ")
    digest, _, help_text = rest.partition("What I can do")
    assert "Briefing: cyber*" in brief and PORT in brief
    assert PORT in digest and PORT_AGAIN not in digest  # one story, though two outlets told it
    lines = digest.splitlines()
    port_at = next(n for n, line in enumerate(lines) if line.endswith(PORT))
    outlets = lines[port_at + 1]  # "   Gulf Coast Ledger, Freight Line Daily | 03 Mar 2026..."
    assert "Gulf Coast Ledger" in outlets and "Freight Line Daily" in outlets, outlets
    assert all(article.title in digest for article in sample_articles()[2:])
    assert "      A ransomware attack shut down" in out  # briefing sentences, indented
    assert "brief: Briefings of the stored stories" in help_text
    assert not (tmp_path / "briefing.db").exists()  # no fictional news in the user's database
    assert ELIDED in shown
    head, _, tail = (words(part) for part in shown.partition(ELIDED))
    assert words(out)[: len(head)] == head, "the README's console transcript is not the output"
    assert words(out)[-len(tail) :] == tail, "the README's console transcript is not the output"


def test_the_digest_of_the_samples_has_the_same_order_in_every_session(tmp_path):
    """The single-outlet samples tie on score (all months old): the newest published leads."""
    singles = sorted(sample_articles()[2:], key=lambda article: article.published, reverse=True)
    expected = [PORT] + [article.title for article in singles]
    for seed in ("1", "2", "3"):
        result = console_process(tmp_path, "digest\n", PYTHONHASHSEED=seed)
        assert result.returncode == 0, result.stderr
        titles = [
            line.split(". ", 1)[1] for line in result.stdout.splitlines() if line[:1].isdigit()
        ]
        assert titles == expected, f"session {seed}"


def test_a_session_reads_prefixed_commands_and_stops_at_quit(tmp_path):
    out = io.StringIO()
    code = asyncio.run(
        run_console(
            settings_for(tmp_path),
            stdin=io.StringIO("/brief central bank\n\n!topics add cyber\nquit\nhelp\n"),
            stdout=out,
        )
    )
    assert code == 0
    text = out.getvalue()
    assert "Aldmere central bank cuts interest rate" in text
    assert "Now following cyber." in text  # the console user is an admin
    assert "What I can do" not in text  # nothing after quit


@pytest.mark.parametrize("ending", ["Quit.", "exit!", "/quit"])
def test_quit_ending_a_sentence_ends_the_session(tmp_path, ending):
    out = io.StringIO()
    lines = f"topics add cyber\n{ending}\nhelp\n"
    code = asyncio.run(run_console(settings_for(tmp_path), stdin=io.StringIO(lines), stdout=out))
    assert code == 0
    text = out.getvalue()
    assert "Now following cyber." in text
    assert "I do not know the command" not in text and "What I can do" not in text


def test_the_scheduled_digest_prints_when_due(tmp_path):
    out = io.StringIO()
    start = datetime(2026, 3, 3, 7, 59, 30, tzinfo=UTC)

    async def main(traveller):
        async with open_session(settings_for(tmp_path), out) as session:
            runtime = session.runtime
            assert runtime.schedule.next_run("console") == start.replace(hour=8, minute=0, second=0)
            assert "posted to console" not in out.getvalue()
            traveller.move_to(start + timedelta(seconds=35))
            runtime.schedule.scheduler.wakeup()
            for _ in range(5):
                await asyncio.sleep(0)
            others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            await asyncio.wait_for(asyncio.gather(*others), 30)

    with time_machine.travel(start, tick=False) as traveller:
        asyncio.run(main(traveller))
    printed = out.getvalue()
    assert printed.count("--- posted to console ---") == 1
    assert "Your briefing for Tuesday 3 March" in printed and PORT in printed


def test_the_samples_are_news_to_the_digest_whatever_their_age(tmp_path):
    """The samples are dated March to July 2026: a digest a year on still carries them."""
    settings = settings_for(tmp_path, digest=DigestSettings(max_age_hours=72, max_stories=20))
    assert sample_settings(settings).digest == DigestSettings(max_age_hours=0, max_stories=20)
    assert sample_settings(settings).store.path == ":memory:"
    assert settings.digest.max_age_hours == 72  # the user's settings are left as they were

    async def main():
        async with open_session(settings, io.StringIO()) as session:
            assert session.samples
            assert session.runtime.settings.digest.max_age_hours == 0
            return await session.runtime.commands.run(CALLER, "digest")

    with time_machine.travel(datetime(2027, 7, 1, 12, 0, tzinfo=UTC), tick=False):
        preview = asyncio.run(main())
    assert preview.ok and PORT in [item.title for item in preview.items]
    assert len(preview.items) == len(sample_articles()) - 1  # 01 and 02 are one story


def test_samples_only_when_nothing_is_configured(tmp_path):
    settings = settings_for(tmp_path)
    assert wants_samples(settings)
    assert not (tmp_path / "briefing.db").exists()
    with open_store(tmp_path / "briefing.db") as store:
        assert wants_samples(settings)  # a database without sources
        store.add_source("https://news.example/rss", "feed")
    assert not wants_samples(settings)
    other = settings_for(tmp_path / "x", sources=SourcesSettings(feeds=("https://a.example/",)))
    assert not wants_samples(other)


def test_command_text_drops_prefixes_and_newlines():
    assert command_text("/brief cyber\n") == "brief cyber"
    assert command_text("  !help  \n") == "help"
    assert command_text("\n") == ""


def test_render_is_plain_text_with_indented_briefings():
    reply = Reply(
        title="Briefing: port*",
        items=(
            ReplyItem(
                title="Port shut",
                url="https://news.example/1",
                sources=("Herald", "Courier"),
                published=datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
                briefing=("First sentence.", "Second sentence."),
            ),
        ),
        footer="1 best match",
    )
    assert render(reply).splitlines() == [
        "Briefing: port*",
        "",
        "1. Port shut",
        "   Herald, Courier | 03 Mar 2026 09:00 UTC",
        "   https://news.example/1",
        "      First sentence.",
        "      Second sentence.",
        "",
        "(1 best match)",
    ]
    listed = render(Reply(title="Topics", lines=("cyber", '"central bank"')))
    assert "  - cyber\n" in listed and '  - "central bank"' in listed
    error = render(error_reply(ErrorKind.USAGE, "Did you mean brief?"))
    assert error == "Not quite: Did you mean brief?\n"


def test_sigterm_ends_a_session_waiting_for_input(tmp_path):
    """Stopped while it waits for a line: it closes everything and exits, without a hang."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "--console"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=without_tokens(),
    )
    try:
        assert process.stdout.readline().startswith("Briefing bot console:")
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Traceback" not in err


def test_one_source_and_one_stored_article_are_counted_in_the_singular(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "port.txt").write_text(f"{PORT}\n\n{sample_articles()[0].text}", encoding="utf-8")
    (tmp_path / "config.toml").write_text(
        f'[store]\npath = "{tmp_path / "briefing.db"}"\n[sources]\nfolders = ["{folder}"]\n'
        "[ingest]\nworkers = 1\n",
        encoding="utf-8",
    )
    ingest = run_module("summaries.cli", "ingest", cwd=tmp_path)
    assert ingest.stdout.strip().splitlines()[-1] == (
        "1 source: 1 fetched, 1 new, 0 updated, 0 failed"
    ), ingest.stdout + ingest.stderr
    session = console_process(tmp_path, "")
    assert session.stdout.startswith(
        f"Briefing bot console: 1 stored article in {tmp_path / 'briefing.db'}.\n"
    ), session.stdout + session.stderr


def test_odd_lines_in_a_session_each_get_a_plain_answer(tmp_path):
    """Through the console adapter: a blank line is skipped; a very long line, an emoji,
    an unknown word and an option each get a sentence saying what to do instead."""
    out = io.StringIO()
    lines = ["", "brief " + "x" * 10_000, "🦆", "frobnicate", "topics add --force cyber", "topics"]
    code = asyncio.run(
        run_console(settings_for(tmp_path), stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    )
    assert code == 0
    text = out.getvalue()
    assert "That is 10,000 characters; keep keywords under 500." in text
    assert "I do not know the command '🦆'. The commands are brief," in text
    assert "I do not know the command 'frobnicate'. The commands are brief," in text
    assert "'--force' looks like an option, and topics takes none." in text
    assert "--force" not in text.split("looks like an option")[1]  # not followed as a topic
