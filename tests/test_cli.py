"""The ``briefing`` command line, run in-process and as a real console script."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summaries.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, build_parser, main
from tests.builders import LEDE, news_article
from tests.processes import run_module

BRIEFING = Path(sys.executable).with_name("briefing")


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(news_article().text, encoding="utf-8")
    return path


def run(argv, stdin_text=""):
    out = io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin_text), stdout=out)
    return code, out.getvalue()


def test_summarize_a_file_prints_three_sentences(article_file):
    code, out = run(["summarize", str(article_file)])
    lines = out.splitlines()
    assert code == EXIT_OK
    assert len(lines) == 3
    assert lines[0] == LEDE


def test_method_and_sentence_flags(article_file):
    code, out = run(["summarize", "--method", "lead", "--sentences", "2", str(article_file)])
    assert code == EXIT_OK
    assert out.splitlines() == news_article().text.split("\n\n")[:2]


def test_summarize_reads_standard_input():
    code, out = run(["summarize", "-"], stdin_text=news_article().text)
    assert code == EXIT_OK
    assert out.splitlines()[0] == LEDE


def test_html_file_is_extracted(tmp_path):
    body = "".join(f"<p>{s}</p>" for s in news_article().text.split("\n\n"))
    page = (
        "<html><head><title>Flood plan</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article>{body}</article>"
        "<footer>© 2026 Harwick Herald</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    code, out = run(["summarize", str(path)])
    assert code == EXIT_OK
    assert out.splitlines()[0] == "Flood plan"
    assert LEDE in out
    assert "Home" not in out and "©" not in out


def test_jsonl_mode_keeps_order_reports_bad_lines_and_goes_on():
    text = news_article().text
    lines = [
        json.dumps({"id": "a", "title": "Flood", "text": text}),
        "{not json",
        json.dumps({"id": "b", "text": ""}),
        json.dumps({"id": "c", "title": "Flood", "text": text, "sentences": 1}),
        json.dumps({"id": "d", "text": text, "sentences": "two"}),
        json.dumps(["not", "an", "object"]),
    ]
    code, out = run(["summarize", "--jsonl", "--sentences", "2"], "\n".join(lines) + "\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_INPUT  # some lines failed
    assert [r.get("id") for r in rows] == ["a", None, "b", "c", "d", None]
    assert len(rows[0]["summary"]) == 2 and rows[0]["summary"][0] == LEDE
    assert rows[1]["line"] == 2 and "JSON" in rows[1]["error"]
    assert "no article text" in rows[2]["error"]
    assert rows[3]["summary"] == [LEDE]
    assert "whole number" in rows[4]["error"]
    assert "JSON object" in rows[5]["error"]


def test_jsonl_all_good_exits_zero():
    line = json.dumps({"id": 1, "title": "", "text": news_article().text})
    code, out = run(["summarize", "--jsonl"], line + "\n\n")
    assert code == EXIT_OK
    assert json.loads(out)["id"] == 1


def test_jsonl_half_of_a_utf16_pair_is_dropped_not_a_crash():
    """JSON may escape half of a UTF-16 pair alone ("\\ud83d", an emoji cut in two); no
    encoder or model takes it, and it crashed the whole run (exit 70, nothing written)."""
    text = news_article().text.replace(". ", ". CUT ", 1)
    cut = json.dumps({"id": "cut", "title": "Flood CUT plan", "text": text})
    lines = [
        cut.replace("CUT", "\\ud83d"),  # the six characters of a JSON escape
        json.dumps({"id": "after", "text": news_article().text}),
    ]
    code, out = run(["summarize", "--jsonl", "--sentences", "1"], "\n".join(lines) + "\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_OK
    assert rows == [{"id": "cut", "summary": [LEDE]}, {"id": "after", "summary": [LEDE]}]


def test_config_flag_and_environment(tmp_path, article_file, monkeypatch):
    config = tmp_path / "custom.toml"
    config.write_text('[summary]\nmethod = "lead"\nsentences = 1\n', encoding="utf-8")
    code, out = run(["summarize", "--config", str(config), str(article_file)])
    assert (code, out.splitlines()) == (EXIT_OK, [LEDE])
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    code, out = run(["summarize", str(article_file)])
    assert (code, out.splitlines()) == (EXIT_OK, [LEDE])


def test_bad_config_names_the_key(tmp_path, article_file, capsys):
    config = tmp_path / "bad.toml"
    config.write_text("[summary]\nsentnces = 2\n", encoding="utf-8")
    code, _ = run(["summarize", "--config", str(config), str(article_file)])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert "summary.sentnces" in err and "Traceback" not in err


def briefing_process(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command line in a folder of its own, without $BRIEFING_CONFIG."""
    return run_module("summaries.cli", *argv, cwd=cwd)


def elsewhere(tmp_path: Path) -> Path:
    """An empty working folder, away from the config and the database."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("before", [True, False], ids=["config-first", "command-first"])
def test_config_before_or_after_the_command_is_the_one_ingest_reads(tmp_path, before):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "flood.txt").write_text(news_article().text, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    config = tmp_path / "prod.toml"
    config.write_text(
        f'[store]\npath = "{data / "briefing.db"}"\n[sources]\nfolders = ["{articles}"]\n'
        "[ingest]\nworkers = 1\n",
        encoding="utf-8",
    )
    cwd = elsewhere(tmp_path)
    argv = ["--config", str(config), "ingest"] if before else ["ingest", "--config", str(config)]
    result = briefing_process(*argv, cwd=cwd)
    assert result.returncode == EXIT_OK, result.stderr
    assert "1 new" in result.stdout
    assert (data / "briefing.db").is_file()
    assert list(cwd.iterdir()) == []  # no ./briefing.db made from the defaults


@pytest.mark.parametrize("before", [True, False], ids=["config-first", "command-first"])
def test_config_before_or_after_the_command_is_the_one_doctor_checks(tmp_path, before):
    missing = tmp_path / "no-such-folder"
    config = tmp_path / "prod.toml"
    config.write_text(f'[store]\npath = "{missing / "briefing.db"}"\n', encoding="utf-8")
    argv = ["--config", str(config), "doctor"] if before else ["doctor", "--config", str(config)]
    result = briefing_process(*argv, cwd=elsewhere(tmp_path))
    assert result.returncode == 1, result.stdout
    assert f"{config} is valid." in result.stdout
    assert f"The folder {missing} does not exist" in result.stdout


@pytest.mark.parametrize(
    "argv", [["--debug", "doctor"], ["doctor", "--debug"], ["--debug", "sources", "list"]]
)
def test_debug_before_or_after_the_command_is_kept(argv):
    assert build_parser().parse_args(argv).debug is True
    without = [arg for arg in argv if arg != "--debug"]
    assert build_parser().parse_args(without).debug is False


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["summarize", "/no/such/file.txt"], "no file"),
        (["summarize"], "Give a FILE"),
        (["summarize", " "], "No file or address was given"),
        (["summarize", ""], "No file or address was given"),
        (["summarize", "\t\n"], "No file or address was given"),
        (["summarize", "--sentences", "0", "x"], "between 1 and 50"),
    ],
)
def test_errors_are_sentences_not_tracebacks(argv, message, capsys):
    code, _ = run(argv)
    err = capsys.readouterr().err
    assert code in (EXIT_INPUT, EXIT_USAGE)
    assert message in err and "Traceback" not in err


def test_binary_and_invalid_utf8_files(tmp_path, capsys):
    binary = tmp_path / "image.bin"
    binary.write_bytes(bytes(range(256)) * 100)
    code, _ = run(["summarize", str(binary)])
    assert code == EXIT_INPUT and "binary" in capsys.readouterr().err
    broken = tmp_path / "broken.txt"
    broken.write_bytes(news_article().text.encode("utf-8").replace(b"approved", b"appr\xffoved"))
    code, out = run(["summarize", str(broken)])
    assert code == EXIT_OK and "Harwick" in out


def test_a_50_megabyte_file_is_refused_without_reading_it(tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50_000_000)  # sparse: costs no disk
    code, _ = run(["summarize", str(huge)])
    assert code == EXIT_INPUT
    assert "50.0 MB" in capsys.readouterr().err


def test_methods_lists_every_method():
    code, out = run(["methods"])
    names = [line.split()[0] for line in out.splitlines()]
    assert code == EXIT_OK
    assert names[:2] == ["default", "lead"] and "lexrank" in names and "edmundson" in names


@pytest.mark.skipif(not BRIEFING.exists(), reason="the briefing console script is not installed")
def test_console_script_runs(article_file):
    result = subprocess.run(
        [str(BRIEFING), "summarize", str(article_file)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == LEDE


def test_a_file_of_emoji_or_dashes_between_spaces_is_no_article(tmp_path, capsys):
    for name, word in (("faces.txt", "\U0001f600"), ("rule.txt", "-")):
        path = tmp_path / name
        path.write_text(" ".join([word] * 40) + "\n", encoding="utf-8")
        out = io.StringIO()
        assert main(["summarize", str(path)], stdout=out) == EXIT_INPUT
        assert out.getvalue() == ""
        assert "nothing in it reads like article text" in capsys.readouterr().err


@pytest.mark.parametrize("source", ["/dev/zero", "-"])
def test_an_endless_input_is_said_to_pass_the_limit_not_to_be_its_size(source, capsys):
    """A stream's size is not known (only that it passed the limit): "The input is 8.0 MB;
    the limit is 8.0 MB" contradicted itself."""
    stdin = io.TextIOWrapper(io.BytesIO(b"word " * 2_000_000))
    code = main(["summarize", source], stdin=stdin, stdout=io.StringIO())
    err = capsys.readouterr().err
    assert code == EXIT_INPUT
    assert "is larger than the limit of 8.0 MB" in err and "The input is 8.0 MB" not in err


def test_a_file_just_over_the_limit_is_not_shown_as_the_limits_size(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 8_000_001)
    assert main(["summarize", str(big)], stdout=io.StringIO()) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "The input is larger than the limit of 8.0 MB" in err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["-n", "0"], "-n/--sentences must be between 1 and 50, not 0."),
        (["--sentences", "99"], "-n/--sentences must be between 1 and 50, not 99."),
        (["--max-chars", "-5"], "--max-chars must be between 80 and 20000, not -5."),
    ],
)
def test_a_bad_option_is_named_as_it_was_typed(article_file, capsys, argv, said):
    """Not as config.toml's key ("sentences", "max_chars"), which the person did not type."""
    code = main(["summarize", *argv, str(article_file)], stdout=io.StringIO())
    assert (code, capsys.readouterr().err) == (EXIT_USAGE, f"briefing: {said}\n")


def test_a_bad_config_value_is_still_named_by_its_key(tmp_path, article_file, capsys):
    config = tmp_path / "config.toml"
    config.write_text("[summary]\nsentences = 0\n", encoding="utf-8")
    assert main(["summarize", str(article_file), "--config", str(config)]) == EXIT_USAGE
    assert "sentences must be between 1 and 50" in capsys.readouterr().err
