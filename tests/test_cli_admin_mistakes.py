"""What a new operator gets wrong on the first day, and what ``briefing`` says back: a
mistyped key, section, method or command named with the one meant; a token pasted into
config.toml refused without being echoed; a file saved with a byte order mark read; a key
given twice named with its line; a private address said to be allowed by allow_hosts; a
config path that is missing or a folder answered by doctor with what to do. The real
command line (its ``main`` and the console script) on real files and a loopback server."""

from __future__ import annotations

import codecs
import io
import subprocess
import sys
from pathlib import Path

import pytest

from summaries.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from tests.builders import news_article
from tests.fakes.feed_server import FEEDS, FeedServer

BRIEFING = Path(sys.executable).with_name("briefing")
TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"


@pytest.fixture(autouse=True)
def no_config_from_the_environment(monkeypatch):
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)


def briefing(capsys, *argv: str, config: Path | None = None) -> tuple[int, str, str]:
    out = io.StringIO()
    named = ["--config", str(config)] if config else []
    try:
        code = main([*named, *argv], stdin=io.StringIO(""), stdout=out)
    except SystemExit as refused:  # argparse's refusal of what was typed
        code = refused.code
    return code, out.getvalue(), capsys.readouterr().err


def with_config(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "config.toml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(news_article().text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "[summary]\nsentance = 3\n",
            "Unknown setting summary.sentance (did you mean sentences?).",
        ),
        ("[sumary]\nsentences = 3\n", "Unknown section [sumary] (did you mean [summary]?)."),
        (
            '[[channels]]\nid = "console"\ntim = "08:00"\n',
            "[[channels]] entry 1: Unknown setting channels.tim (did you mean time?).",
        ),
        (
            '[summary]\ntimezone = "Europe/Berlin"\n',
            "Unknown setting summary.timezone (it goes under [schedule]).",
        ),
        (
            '[summary]\nmethod = "lexrnak"\n',
            "Unknown summary method 'lexrnak' (did you mean lexrank or textrank?).",
        ),
    ],
    ids=["key", "section", "channel-key", "key-of-another-section", "method"],
)
def test_a_mistyped_name_in_config_is_answered_with_the_name_meant(
    tmp_path, article, capsys, written, said
):
    code, out, err = briefing(
        capsys, "summarize", str(article), config=with_config(tmp_path, written)
    )
    assert (code, out) == (EXIT_USAGE, "")
    assert said in err and "Traceback" not in err


@pytest.mark.parametrize(
    "written",
    [f'DISCORD_TOKEN = "{TOKEN}"\n', f'[discord]\nDISCORD_TOKEN = "{TOKEN}"\n'],
    ids=["above-sections", "in-discord"],
)
def test_a_token_variable_written_into_config_says_it_belongs_in_the_environment(
    tmp_path, article, capsys, written
):
    code, _, err = briefing(
        capsys, "summarize", str(article), config=with_config(tmp_path, written)
    )
    assert code == EXIT_USAGE
    assert "DISCORD_TOKEN is an environment variable" in err
    assert "reset it" in err and TOKEN not in err and TOKEN[:20] not in err


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + b"[summary]\nsentences = 2\n",  # Notepad's "UTF-8 with BOM"
        "[summary]\nsentences = 2\n".encode("utf-16"),  # Notepad's "Unicode", with its mark
    ],
    ids=["utf-8-bom", "utf-16-bom"],
)
def test_a_config_whose_byte_order_mark_says_its_encoding_is_read(
    tmp_path, article, capsys, encoded
):
    code, out, err = briefing(
        capsys, "summarize", str(article), config=with_config(tmp_path, encoded)
    )
    assert code == EXIT_OK, err
    assert len(out.splitlines()) == 2


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "[summary]\nsentences = 3\nsentences = 4\n",
            "sentences at line 3 repeats a key or table that an earlier line set",
        ),
        (
            "[summary]\nsentences = 3\n[summary]\nmax_chars = 500\n",
            "[summary] at line 3 repeats a key or table that an earlier line set",
        ),
        (
            "[summary]\nmethod = lexrank\n",
            "Invalid value (at line 2, column 10). A text value goes in double quotes",
        ),
        (
            '[discord]\nprefix = "!\n',
            "(at line 2, column 12): a quoted value is not closed on its line (its closing",
        ),
    ],
    ids=["key-twice", "table-twice", "bare-word", "unclosed-quote"],
)
def test_a_toml_mistake_says_where_and_what_to_do(tmp_path, article, capsys, written, said):
    code, _, err = briefing(
        capsys, "summarize", str(article), config=with_config(tmp_path, written)
    )
    assert code == EXIT_USAGE
    assert "is not valid TOML" in err and said in err


def test_a_key_given_twice_is_named_without_its_value(tmp_path, article, capsys):
    written = f'[discord]\ntoken_env = "{TOKEN}"\ntoken_env = "password-{TOKEN[:10]}"\n'
    code, _, err = briefing(
        capsys, "summarize", str(article), config=with_config(tmp_path, written)
    )
    assert code == EXIT_USAGE and "token_env at line 3" in err
    assert TOKEN[:10] not in err


def test_a_true_or_false_of_the_wrong_type_is_shown_as_toml_writes_it(tmp_path, article, capsys):
    config = with_config(tmp_path, "[summary]\nsentences = true\n")
    _, _, err = briefing(capsys, "summarize", str(article), config=config)
    assert "summary.sentences must be a whole number, not true or false (true)." in err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["-m", "lexrnak"],
            "argument -m/--method: invalid choice: 'lexrnak' (did you mean lexrank or "
            "textrank?); choose from default, lead, lexrank,",
        ),
        (["--sentences", "0"], "-n/--sentences must be between 1 and 50, not 0."),
    ],
)
def test_a_mistyped_option_value_names_what_was_meant(article, capsys, argv, said):
    code, out, err = briefing(capsys, "summarize", str(article), *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert said in err


def test_a_method_is_named_in_any_case_as_in_config(article, capsys):
    """config.toml takes method = "LexRank"; so does -m."""
    code, out, err = briefing(capsys, "summarize", str(article), "-m", "LexRank")
    assert code == EXIT_OK, err
    assert out == briefing(capsys, "summarize", str(article), "-m", "lexrank")[1]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["summarise", "x.txt"], "invalid choice: 'summarise' (did you mean summarize?)"),
        (["sources", "ls"], "invalid choice: 'ls' (did you mean list?); choose from list, add"),
        (["sources", "add", "x", "--kind", "fed"], "invalid choice: 'fed' (did you mean feed?)"),
    ],
)
def test_a_mistyped_command_names_the_one_meant(tmp_path, argv, said):
    result = subprocess.run(
        [str(BRIEFING), *argv], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == EXIT_USAGE
    assert said in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def server():
    with FeedServer() as running:
        running.route("/story", (FEEDS / "battery-factory.html").read_text("utf-8"), "text/html")
        running.redirect("/moved", "http://10.0.0.1/story")
        yield running


def test_summarize_of_a_private_address_tells_the_operator_of_allow_hosts(server, tmp_path, capsys):
    """The same words as `briefing sources add`: the admin at the command line is the one who
    can allow an internal host. Nothing is fetched."""
    code, out, err = briefing(capsys, "summarize", server.url("/story"))
    assert (code, out) == (EXIT_INPUT, "")
    assert f"{server.url('/story')} points inside a private network" in err
    assert "[sources] allow_hosts in config.toml" in err
    assert server.paths() == []


def test_summarize_of_an_allowed_host_that_redirects_inside_names_the_redirect(
    server, tmp_path, capsys
):
    config = with_config(tmp_path, '[sources]\nallow_hosts = ["127.0.0.1"]\n')
    code, _, err = briefing(capsys, "summarize", server.url("/moved"), config=config)
    assert code == EXIT_INPUT
    assert "redirects to an address inside a private network" in err
    assert "the host it redirects to under [sources] allow_hosts" in err


@pytest.mark.parametrize("address", ["ftp://example.com/story.txt", "file:///etc/hostname"])
def test_summarize_of_another_scheme_says_only_web_addresses_are_read(capsys, address):
    code, _, err = briefing(capsys, "summarize", address)
    assert code == EXIT_INPUT
    assert err == "briefing: Only http:// and https:// addresses can be read.\n"


def doctor_fix(capsys, config: Path) -> str:
    code, out, _ = briefing(capsys, "doctor", config=config)
    assert code == EXIT_INPUT
    [fix] = [line.strip() for line in out.splitlines() if line.strip().startswith("fix:")]
    return fix


def test_doctor_on_a_missing_config_says_to_create_it_not_to_edit_it(tmp_path, capsys):
    fix = doctor_fix(capsys, tmp_path / "settings.toml")
    assert fix.startswith(f"fix: Copy the project's config.toml to {tmp_path / 'settings.toml'}")
    assert "Edit" not in fix


def test_doctor_on_a_config_folder_says_to_name_the_file_in_it(tmp_path, capsys):
    folder = tmp_path / "conf"
    folder.mkdir()
    fix = doctor_fix(capsys, folder)
    assert f"--config {folder / 'config.toml'}" in fix and "Edit" not in fix


@pytest.mark.parametrize(
    ("written", "key"),
    [
        (f'[summary]\nmethod = "{TOKEN}"\n', "summary.method"),
        (f'[summary]\nlanguage = "{TOKEN}"\n', "summary.language"),
        (f'[schedule]\ntimezone = "{TOKEN}"\n', "schedule.timezone"),
        (f'[schedule]\ntime = "{TOKEN}"\n', "schedule.time"),
        (
            f'[[channels]]\nid = "console"\ntopics = ["{TOKEN}"]\n',
            "channels.topics (entry 1 of the list)",
        ),
    ],
    ids=["method", "language", "zone", "time", "topics"],
)
def test_a_token_pasted_as_any_value_is_refused_and_no_part_of_it_is_shown(
    tmp_path, capsys, written, key
):
    """A message quoting a value cut to 40 characters would show the token's start (the
    user id, the timestamp, the first letters of its key), which the redaction of whole
    tokens no longer recognises: briefing and doctor say the key, and quote nothing."""
    config = with_config(tmp_path, written)
    code, _, err = briefing(capsys, "methods", config=config)
    assert code == EXIT_USAGE
    assert f"{key} holds what looks like a chat token" in err and "environment" in err
    _, doctored, _ = briefing(capsys, "doctor", config=config)
    for said in (err, doctored):
        assert TOKEN[:12] not in said and TOKEN.split(".")[2][:6] not in said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            '[digest]\nwhen_empty = "anounce"\n',
            "digest.when_empty must be one of 'skip', 'announce', not 'anounce' "
            "(did you mean 'announce'?).",
        ),
        (
            '[slack]\nmode = "sockets"\n',
            "slack.mode must be one of 'socket', 'http', not 'sockets' (did you mean 'socket'?).",
        ),
    ],
)
def test_a_mistyped_word_of_a_few_is_answered_with_the_word_meant(tmp_path, capsys, written, said):
    code, _, err = briefing(capsys, "methods", config=with_config(tmp_path, written))
    assert code == EXIT_USAGE and said in err


def database_fix(capsys, tmp_path: Path, store_path: Path) -> str:
    config = with_config(tmp_path, f'[store]\npath = "{store_path}"\n')
    _, out, _ = briefing(capsys, "doctor", config=config)
    lines = out.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.startswith("PROBLEM  database")]
    return lines[at + 1].strip()


def test_doctor_on_a_store_path_that_is_a_folder_names_a_file_in_it(tmp_path, capsys):
    fix = database_fix(capsys, tmp_path, tmp_path)
    assert fix == f"fix: Point store.path at a file in that folder, such as {tmp_path}/briefing.db."


def test_doctor_on_a_store_path_inside_a_file_does_not_say_to_make_a_folder(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("a file", encoding="utf-8")
    fix = database_fix(capsys, tmp_path, tmp_path / "notes.txt" / "briefing.db")
    assert "mkdir" not in fix and fix.startswith("fix: Point store.path at a file in a writable")


def test_doctor_on_a_missing_store_folder_says_to_make_it(tmp_path, capsys):
    fix = database_fix(capsys, tmp_path, tmp_path / "data" / "briefing.db")
    assert fix.startswith(f"fix: Create the folder (mkdir -p {tmp_path / 'data'})")


def test_a_file_named_with_jsonl_is_refused_not_passed_over(tmp_path, capsys):
    lines = tmp_path / "articles.jsonl"
    lines.write_text('{"id": 1, "text": "The council met."}\n', encoding="utf-8")
    code, out, err = briefing(capsys, "summarize", "--jsonl", str(lines))
    assert (code, out) == (EXIT_USAGE, "")
    assert err == (
        f"briefing: --jsonl reads its lines from standard input, not from {lines}: "
        f"briefing summarize --jsonl < {lines}\n"
    )
