"""Paths in config.toml that the system refuses (a name too long, a path through a file, a
loop of symbolic links) are the user's mistake: `briefing doctor` names each as a problem,
`briefing` and `python -m bot` say what is wrong in a sentence, never an incident."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from summaries.cli import main
from tests.processes import run_module

# kind of unusable path -> words the message must have
KINDS = {
    "name-too-long": "too long",
    "path-too-long": "too long",
    "through-a-file": "goes through a file",
    "loop-of-links": "loop of symbolic links",
}


def unusable(tmp_path: Path, kind: str) -> Path:
    """A path of ``kind`` under ``tmp_path`` that the system refuses to look at."""
    if kind == "name-too-long":  # one name over the 255 bytes a file system allows
        return tmp_path / ("x" * 300)
    if kind == "path-too-long":  # a whole path over the 4096 bytes the kernel takes
        return tmp_path.joinpath(*["y" * 200] * 25)
    if kind == "through-a-file":
        (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
        return tmp_path / "a-file" / "articles"
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    return tmp_path / "loop-a"


def write_config(tmp_path: Path, *, store: Path, folders: list[Path]) -> Path:
    config = tmp_path / "config.toml"
    listed = ", ".join(f'"{folder}"' for folder in folders)
    config.write_text(
        f'[store]\npath = "{store}"\n[sources]\nfolders = [{listed}]\n', encoding="utf-8"
    )
    return config


def briefing(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def problems(output: str, check: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(f"PROBLEM  {check}")]


@pytest.mark.parametrize("kind", KINDS)
def test_doctor_names_an_unusable_folder_as_a_problem(tmp_path, kind, capsys):
    folder = unusable(tmp_path, kind)
    config = write_config(tmp_path, store=tmp_path / "briefing.db", folders=[folder])

    code, output = briefing("doctor", "--config", str(config))

    assert code == 1, output + capsys.readouterr().err
    (problem,) = problems(output, "sources")
    assert KINDS[kind] in problem
    assert len(problem) < 400  # the path is shortened, not printed in full
    assert "incident" not in output + capsys.readouterr().err


@pytest.mark.parametrize("kind", KINDS)
def test_doctor_names_an_unusable_store_path_as_a_problem(tmp_path, kind, capsys):
    config = write_config(tmp_path, store=unusable(tmp_path, kind) / "briefing.db", folders=[])

    code, output = briefing("doctor", "--config", str(config))

    assert code == 1, output + capsys.readouterr().err
    (problem,) = problems(output, "database")
    assert "store.path" in problem and KINDS[kind] in problem
    assert "incident" not in output + capsys.readouterr().err


def test_the_bot_and_ingest_go_on_past_unusable_folders(tmp_path, capsys):
    """Each is a source that cannot be read, as a missing folder is; nothing crashes."""
    folders = [unusable(tmp_path, kind) for kind in KINDS]
    config = write_config(tmp_path, store=tmp_path / "briefing.db", folders=folders)

    bot = run_module("bot", "--config", str(config), cwd=tmp_path, stdin="sources\n")
    code, output = briefing("ingest", "--config", str(config))

    assert bot.returncode == 0, bot.stderr
    assert "incident" not in bot.stderr and "Traceback" not in bot.stderr
    assert code == 1, output + capsys.readouterr().err
    for words in KINDS.values():
        assert words in output
    assert "4 failed" in output
    assert "incident" not in capsys.readouterr().err


@pytest.mark.parametrize("kind", KINDS)
def test_an_unusable_store_path_is_one_clear_message(tmp_path, kind, capsys):
    articles = tmp_path / "articles"
    articles.mkdir()
    store = unusable(tmp_path, kind) / "briefing.db"
    config = write_config(tmp_path, store=store, folders=[articles])

    bot = run_module("bot", "--config", str(config), cwd=tmp_path)
    code, _ = briefing("ingest", "--config", str(config))
    said = capsys.readouterr().err

    assert bot.returncode == 1, bot.stderr
    assert "Cannot open the database" in bot.stderr and KINDS[kind] in bot.stderr
    assert "Traceback" not in bot.stderr and "incident" not in bot.stderr
    assert code == 1, said
    assert "Cannot open the database" in said and KINDS[kind] in said


@pytest.mark.parametrize("kind", ["name-too-long", "path-too-long"])
def test_an_unusable_config_path_is_a_configuration_problem(tmp_path, kind, capsys):
    config = unusable(tmp_path, kind) / "config.toml"

    bot = run_module("bot", "--config", str(config), cwd=tmp_path)
    code, output = briefing("doctor", "--config", str(config))

    assert bot.returncode == 2, bot.stderr
    assert "configuration problem: That config file name is too long" in bot.stderr
    assert "Traceback" not in bot.stderr
    assert code == 1, output + capsys.readouterr().err
    (problem,) = problems(output, "config")
    assert "That config file name is too long" in problem


def test_a_store_path_naming_a_file_with_a_nul_is_one_clear_message(tmp_path, capsys):
    """TOML can write a NUL (\\u0000) into store.path; no file system takes one, so the
    config check refuses it, naming the key, before any database is opened."""
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\npath = "{tmp_path}/brief\\u0000ing.db"\n', encoding="utf-8")

    code, output = briefing("doctor", "--config", str(config))
    (problem,) = problems(output, "config")
    assert code == 1 and "store.path" in problem and "control character" in problem
    assert not problems(output, "database")

    code, output = briefing("search", "harbour", "--config", str(config))
    said = capsys.readouterr().err
    assert code == 2 and output == ""
    assert "configuration problem: store.path holds a control character" in said
    assert "incident" not in said and "Traceback" not in said
