"""`briefing doctor`: a good set-up passes, each broken part is named with its fix."""

from __future__ import annotations

import io
import os
import socket
import sqlite3
from pathlib import Path

import pytest

from summaries import doctor
from summaries.cli import main
from summaries.doctor.database import check_server
from summaries.store import open_store
from tests.fakes.feed_server import feed_server  # noqa: F401  (a fixture)
from tests.summaries.test_source_spellings import database_before_spellings

DISCORD = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"
TOKEN_VARS = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in (*TOKEN_VARS, "BRIEFING_CONFIG"):
        monkeypatch.delenv(name, raising=False)


def run_doctor(config, *extra):
    out = io.StringIO()
    code = main(["doctor", "--config", str(config), *extra], stdout=out)
    return code, out.getvalue()


def lines_of(output, status, check):
    """The messages (with their fix lines) of the findings of one status and check."""
    found, current = [], None
    for line in output.splitlines():
        if line.startswith(" ") and current is not None:
            current.append(line.strip())
            continue
        current = None
        if line[:8].strip() == status and line[9:21].strip() == check:  # fixed-width columns
            current = [line[22:]]
            found.append(current)
    return [" ".join(entry) for entry in found]


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_good_set_up_passes_and_never_prints_a_token(tmp_path, feed_server, monkeypatch):  # noqa: F811
    feed_server.feed("/feed.xml", "rss2.xml")
    feed_server.feed("/story.html", "water-permit.html")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("A headline\n\nSome text.", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        f"""
[store]
path = "{tmp_path / "briefing.db"}"
[sources]
feeds = ["{feed_server.url("/feed.xml")}"]
pages = ["{feed_server.url("/story.html")}"]
folders = ["{folder}"]
allow_hosts = ["127.0.0.1"]
[[channels]]
id = "discord:123"
time = "07:30"
timezone = "Europe/Berlin"
topics = ["cyber"]
""",
        encoding="utf-8",
    )
    monkeypatch.setenv("DISCORD_TOKEN", DISCORD)

    code, output = run_doctor(config)

    assert code == 0, output
    assert "PROBLEM" not in output
    assert lines_of(output, "ok", "config") == [f"{config} is valid."]
    assert lines_of(output, "ok", "environment") == ["Discord: DISCORD_TOKEN is set."]
    assert lines_of(output, "ok", "database") == [
        f"{tmp_path / 'briefing.db'} will be created at the first start."
    ]
    assert lines_of(output, "ok", "time zones") == ["Known: Europe/Berlin, UTC."]
    sources = lines_of(output, "ok", "sources")
    assert f"Folder {folder} is readable." in sources
    assert f"Page {feed_server.url('/story.html')} answers." in sources
    assert any(s.startswith(f"Feed {feed_server.url('/feed.xml')} answers (") for s in sources)
    assert lines_of(output, "ok", "channels") == [
        "discord:123: digest at 07:30 Europe/Berlin, cyber."
    ]
    assert sorted(r.path for r in feed_server.requests) == ["/feed.xml", "/story.html"]
    assert DISCORD not in output
    assert not (tmp_path / "briefing.db").exists()  # the doctor creates nothing
    assert output.rstrip().endswith("No problems found.")


def test_a_broken_set_up_names_every_problem_and_its_fix(tmp_path, feed_server, monkeypatch):  # noqa: F811
    feed_server.route("/news.html", "<html><body><p>Not a feed.</p></body></html>", "text/html")
    gone = f"http://127.0.0.1:{closed_port()}/feed.xml"
    private = f"http://localhost:{feed_server.port}/news.html"
    config = tmp_path / "config.toml"
    config.write_text(
        f"""
[store]
path = "{tmp_path / "no-such-folder" / "briefing.db"}"
[sources]
feeds = ["{gone}", "{feed_server.url("/news.html")}"]
pages = ["{private}"]
folders = ["{tmp_path / "missing-articles"}"]
allow_hosts = ["127.0.0.1"]
[[channels]]
id = "discord:123"
[[channels]]
id = "slack:C42"
""",
        encoding="utf-8",
    )
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1234-5678-abcdefabcdef")

    code, output = run_doctor(config, "--timeout", "3")

    assert code == 1
    environment = lines_of(output, "PROBLEM", "environment")
    assert environment == [
        "Discord: DISCORD_TOKEN is not set, but config.toml has Discord channels (discord:123). "
        "fix: Set DISCORD_TOKEN to the bot token (https://discord.com/developers/applications "
        "> your application > Bot > Reset Token), e.g. in the container's environment.",
        "Slack (socket mode): SLACK_APP_TOKEN is not set, but config.toml has Slack channels "
        "(slack:C42). fix: Set SLACK_APP_TOKEN to an App-Level Token with connections:write "
        "(Basic Information) from https://api.slack.com/apps.",
    ]
    (database,) = lines_of(output, "PROBLEM", "database")
    assert f"The folder {tmp_path / 'no-such-folder'} does not exist" in database
    assert f"mkdir -p {tmp_path / 'no-such-folder'}" in database
    sources = lines_of(output, "PROBLEM", "sources")
    assert len(sources) == 4, sources
    assert any(f"Feed {gone}: Could not reach 127.0.0.1." in s and "firewall" in s for s in sources)
    assert any(
        f"Feed {feed_server.url('/news.html')} answers, but:" in s and "RSS, Atom or JSON" in s
        for s in sources
    )
    assert any(f"Page {private}: " in s and "sources.allow_hosts" in s for s in sources)
    assert any(f"There is no folder {tmp_path / 'missing-articles'}." in s for s in sources)
    assert "xoxb-1234" not in output
    assert output.rstrip().endswith("7 problems. Fix and run `briefing doctor` again.")


def test_a_feed_that_redirects_inside_a_private_network_is_said_to(tmp_path, feed_server):  # noqa: F811
    feed_server.redirect("/moved.xml", "http://10.0.0.1/feed.xml")
    moved = feed_server.url("/moved.xml")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\npath = "{tmp_path / "briefing.db"}"\n'
        f'[sources]\nfeeds = ["{moved}"]\nallow_hosts = ["127.0.0.1"]\n',
        encoding="utf-8",
    )
    code, output = run_doctor(config, "--timeout", "3")
    assert code == 1
    assert lines_of(output, "PROBLEM", "sources") == [
        f"Feed {moved}: That address redirects inside a private network, so it will not be "
        "fetched. fix: If the host it redirects to is on your own network and you trust it, "
        "add it to sources.allow_hosts."
    ]


def test_bad_time_zones_are_all_named_with_a_suggestion(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(
        """
[schedule]
timezone = "Europe/Berln"
[[channels]]
id = "console"
timezone = "Mars/Olympus_Mons"
""",
        encoding="utf-8",
    )

    code, output = run_doctor(config)

    assert code == 1
    (problem,) = lines_of(output, "PROBLEM", "config")
    assert problem.startswith("schedule: 'Europe/Berln' is not a time zone I know.")
    assert "Did you mean Europe/Berlin" in problem
    (zone,) = lines_of(output, "PROBLEM", "time zones")  # the one the config did not reach
    assert zone.startswith("[[channels]] entry 1 (console): 'Mars/Olympus_Mons' is not a time")
    assert "TZ identifier" in zone
    assert lines_of(output, "note", "other checks") == [
        "Environment, database, sources and channels are checked once the config loads."
    ]


def test_an_existing_database_takes_a_write_that_is_rolled_back(tmp_path):
    path = tmp_path / "briefing.db"
    open_store(path).close()
    settings_file = tmp_path / "config.toml"
    settings_file.write_text(f'[store]\npath = "{path}"\n', encoding="utf-8")

    code, output = run_doctor(settings_file)

    assert code == 0, output
    assert lines_of(output, "ok", "database") == [f"{path} is writable."]
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "briefing_doctor_probe" not in tables
    assert "sources" in tables


def test_sources_and_channels_set_up_by_command_are_checked_too(tmp_path, feed_server):  # noqa: F811
    feed_server.feed("/atom.xml", "atom.xml")
    path = tmp_path / "briefing.db"
    with open_store(path) as store:
        store.add_source(feed_server.url("/atom.xml"), "feed", added_by="discord:7")
        store.add_source(feed_server.url("/gone.xml"), "feed", added_by="discord:7")
        store.set_schedule("slack:C9", "06:45", "Asia/Tokyo")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\npath = "{path}"\n[sources]\nallow_hosts = ["127.0.0.1"]\n', encoding="utf-8"
    )

    code, output = run_doctor(config)

    assert code == 1
    assert any(
        line.startswith(f"Feed {feed_server.url('/atom.xml')} answers (")
        for line in lines_of(output, "ok", "sources")
    )
    (gone,) = lines_of(output, "PROBLEM", "sources")
    assert gone.startswith(f"Feed {feed_server.url('/gone.xml')}: ")
    assert "404" in gone or "not found" in gone.lower()
    assert lines_of(output, "ok", "channels") == [
        "Set up by command: slack:C9 at 06:45 Asia/Tokyo."
    ]


def test_a_file_that_is_not_a_database_is_a_problem(tmp_path):
    path = tmp_path / "briefing.db"
    path.write_bytes(b"these are not the pages you are looking for" * 100)
    settings_file = tmp_path / "config.toml"
    settings_file.write_text(f'[store]\npath = "{path}"\n', encoding="utf-8")

    code, output = run_doctor(settings_file)

    assert code == 1
    (problem,) = lines_of(output, "PROBLEM", "database")
    assert "file is not a database" in problem
    assert f"Move {path} away" in problem


def test_a_database_in_use_is_a_note_not_a_problem(tmp_path, monkeypatch):
    path = tmp_path / "briefing.db"
    open_store(path).close()
    monkeypatch.setattr(doctor.database, "LOCK_WAIT_SECONDS", 0.05)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process (the bot) is writing
    try:
        findings = doctor.check_database(doctor.load_settings(_config(tmp_path, path)))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [(f.status, f.message) for f in findings] == [
        ("note", f"{path} is busy (the bot is running?); the write test was skipped.")
    ]


@pytest.fixture
def unwritable_folder(tmp_path):
    """A folder this user cannot create files in: a read-only one, or sysfs for root."""
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
    elif os.path.isdir("/sys/kernel"):
        yield Path("/sys/kernel")  # not even root may create files in sysfs
    else:
        pytest.skip("running as root without sysfs: no folder refuses root")


def test_a_folder_that_refuses_new_files_is_a_problem(tmp_path, unwritable_folder):
    code, output = run_doctor(_config(tmp_path, unwritable_folder / "briefing.db"))
    assert code == 1
    (problem,) = lines_of(output, "PROBLEM", "database")
    assert problem.startswith(f"Cannot create files in {unwritable_folder} (")
    assert "SQLite needs to, for its journal files." in problem
    assert f"fix: Give the user running the bot (uid {os.getuid()}) write access" in problem


def test_slack_in_http_mode_needs_the_signing_secret_and_checks_token_shapes(monkeypatch):
    settings = doctor.Settings()
    settings = type(settings)(slack=type(settings.slack)(mode="http"))
    monkeypatch.setenv("SLACK_BOT_TOKEN", "not-a-slack-token")
    findings = doctor.check_environment(settings, os.environ)
    messages = [(f.status, f.message) for f in findings]
    assert messages == [
        (
            "problem",
            "Slack: SLACK_BOT_TOKEN does not start with xoxb-, so it is not the Bot User "
            "OAuth Token (OAuth & Permissions).",
        ),
        (
            "problem",
            "Slack (http mode): SLACK_SIGNING_SECRET is not set, but the other Slack variable "
            "is set.",
        ),
    ]


def test_no_platform_is_a_note_pointing_at_the_variables():
    (finding,) = doctor.check_environment(doctor.Settings(), {})
    assert finding.status == "note"
    assert "runs in the terminal" in finding.message
    assert "DISCORD_TOKEN" in finding.fix and "SLACK_APP_TOKEN" in finding.fix


def test_the_timeout_option_is_checked(tmp_path, capsys):
    code, _ = run_doctor(_config(tmp_path, tmp_path / "b.db"), "--timeout", "0")
    assert code == 2
    assert "--timeout must be between 0.5 and 60" in capsys.readouterr().err


def _config(tmp_path, db_path):
    path = tmp_path / "config.toml"
    path.write_text(f'[store]\npath = "{db_path}"\n', encoding="utf-8")
    return path


def test_a_feed_of_one_entry_is_counted_in_the_singular(tmp_path, feed_server):  # noqa: F811
    one = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>One</title>'
        "<link>{base}/</link><description>d</description>"
        "<item><title>Only story</title><link>{base}/only</link></item>"
        "</channel></rss>"
    )
    feed_server.route("/one.xml", one, "application/rss+xml")
    feed_server.feed("/many.xml", "rss2.xml")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\npath = "{tmp_path / "briefing.db"}"\n'
        f'[sources]\nfeeds = ["{feed_server.url("/one.xml")}", '
        f'"{feed_server.url("/many.xml")}"]\nallow_hosts = ["127.0.0.1"]\n',
        encoding="utf-8",
    )

    code, output = run_doctor(config)

    assert code == 0, output
    found = lines_of(output, "ok", "sources")
    assert f"Feed {feed_server.url('/one.xml')} answers (1 entry)." in found
    (many,) = [line for line in found if "/many.xml" in line]
    assert many.endswith(" entries).") and "(1 entries)" not in many


def test_a_database_server_holding_one_article_says_so_in_the_singular():
    from datetime import UTC, datetime

    from summaries import Article
    from tests import postgres
    from tests.builders import put_article

    with postgres.schema() as url:
        assert check_server(url).message == (
            f"The database {url} holds none of the bot's tables yet: the bot makes them when "
            "it starts."
        )
        with open_store(url) as store:
            assert check_server(url).message == f"{url} answers and holds 0 articles."
            article = Article(title="Walls", text="The walls rise.", url="https://n.example/1")
            put_article(
                store,
                article,
                ("The walls rise.",),
                source_id=None,
                story=None,
                now=datetime(2026, 11, 23, tzinfo=UTC),
            )
        assert check_server(url).message == f"{url} answers and holds 1 article."


def two_spellings_of_one_feed(tmp_path, feed_server):  # noqa: F811
    """A config.toml, and a database upgraded from before one spelling that holds two
    sources of one feed (the second typed ``HTTP://``): (config, database, url, kept, other)."""
    feed_server.feed("/atom.xml", "atom.xml")
    url = feed_server.url("/atom.xml")
    path = tmp_path / "briefing.db"
    kept, other = database_before_spellings(str(path), [url, url.replace("http:", "HTTP:", 1)])
    open_store(path).close()  # upgraded (as the bot's start does; doctor changes nothing)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\npath = "{path}"\n[sources]\nallow_hosts = ["127.0.0.1"]\n', encoding="utf-8"
    )
    return config, path, url, kept, other


def test_two_sources_of_one_address_from_before_one_spelling_are_named_with_the_fix(
    tmp_path,
    feed_server,  # noqa: F811
):
    config, path, url, kept, other = two_spellings_of_one_feed(tmp_path, feed_server)

    code, output = run_doctor(config)

    assert code == 0, output  # fetched twice is wasteful, not broken
    assert lines_of(output, "note", "sources") == [
        f"Sources #{kept} ({url}) and #{other} ({url.replace('http:', 'HTTP:', 1)}) are one "
        "address written two ways, both added before addresses were stored in one spelling: "
        "it is fetched and summarised twice. "
        f"fix: Keep #{kept}: run `briefing sources remove {other}`. A server or workspace "
        f"that follows #{other} keeps it read until it types `sources remove #{other}` and "
        f"adds the address again, which then follows #{kept}."
    ]


def test_two_sources_of_one_address_are_still_named_after_the_one_to_keep_moved(
    tmp_path,
    feed_server,  # noqa: F811
):
    """The source in the stored spelling moved for good; the other still reads the old
    address (ingest warns at each run that it cannot move it too): still named."""
    config, path, url, kept, other = two_spellings_of_one_feed(tmp_path, feed_server)
    moved = feed_server.url("/moved.xml")
    feed_server.feed("/moved.xml", "atom.xml")
    with open_store(path) as store:
        assert store.move_source(kept, moved)

    code, output = run_doctor(config)

    assert code == 0, output
    assert lines_of(output, "note", "sources") == [
        f"Sources #{kept} ({moved}, moved for good from {url}) and #{other} "
        f"({url.replace('http:', 'HTTP:', 1)}, that old address written another way) read "
        "one feed, both added before addresses were stored in one spelling: it is fetched "
        f"and summarised twice. fix: Keep #{kept}: run `briefing sources remove {other}`. A "
        f"server or workspace that follows #{other} keeps it read until it types `sources "
        f"remove #{other}` and adds the address again, which then follows #{kept}."
    ]


def test_of_two_sources_of_one_address_one_only_servers_follow_is_named_with_what_removing_it_ends(
    tmp_path,
    feed_server,  # noqa: F811
):
    """Removing a source no server or workspace shares with the operator deletes it with its
    subscriptions: the fix says so instead of promising its followers keep it."""
    config, path, url, kept, other = two_spellings_of_one_feed(tmp_path, feed_server)
    with open_store(path) as store:
        store.execute("UPDATE sources SET operator = 0 WHERE id = ?", (other,))
        store.execute(
            "INSERT INTO subscriptions (tenant_id, source_id, added_at) "
            "VALUES ('slack:T1', ?, '2026-03-04T09:00:00.000000Z')",
            (other,),
        )

    code, output = run_doctor(config)

    assert code == 0, output
    (finding,) = lines_of(output, "note", "sources")
    assert "keeps it read" not in finding
    assert finding.endswith(
        f"fix: Keep #{kept}: only servers and workspaces follow #{other}, so "
        f"`briefing sources remove {other}` deletes it and ends their subscriptions to it "
        f"(each then adds the address again, which follows #{kept}); or leave it until each "
        f"types `sources remove #{other}`."
    )
    # which is what removing it does
    assert (
        main(["sources", "remove", str(other), "--config", str(config)], stdout=io.StringIO()) == 0
    )
    with open_store(path) as store:
        assert store.execute("SELECT source_id FROM subscriptions") == []


def test_of_two_sources_of_one_address_the_one_to_keep_is_made_the_operators_first(
    tmp_path,
    feed_server,  # noqa: F811
):
    """The operator's own source is the other: the fix makes the one to keep theirs before
    removing it, so the operator still reads the feed."""
    config, path, url, kept, other = two_spellings_of_one_feed(tmp_path, feed_server)
    with open_store(path) as store:
        store.execute("UPDATE sources SET operator = 0 WHERE id = ?", (kept,))

    code, output = run_doctor(config)

    assert code == 0, output
    (finding,) = lines_of(output, "note", "sources")
    assert f"fix: Keep #{kept}: run `briefing sources add {url}`, which makes it yours too, " in (
        finding
    )
    assert f"then `briefing sources remove {other}`." in finding
    # which, done, leaves the feed read once, as the operator's
    for command in (["add", url, "--kind", "feed"], ["remove", str(other)]):
        assert main(["sources", *command, "--config", str(config)], stdout=io.StringIO()) == 0
    with open_store(path) as store:
        assert [(one.id, one.operator) for one in store.sources_to_read()] == [(kept, True)]
