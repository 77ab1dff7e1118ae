"""``briefing summarize`` given a path it cannot read: a user's mistake, said in a plain
message with exit 1, never an incident. The real command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from summaries.cli import EXIT_INPUT, main
from tests.test_ingest import write_config


def briefing(config: Path, capsys, *argv: str) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main([*argv, "--config", str(config)], stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


def awkward_paths(tmp_path: Path) -> dict[str, Path]:
    story = tmp_path / "story.txt"
    story.write_text("A story.\n", encoding="utf-8")
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop")
    return {
        "too long": tmp_path / ("a" * 5000),
        "a name too long": tmp_path / ("b" * 300),
        "through a file": story / "x",
        "a loop": loop,
        "into a loop": loop / "x",
    }


MESSAGES = {
    "too long": "name is too long",
    "a name too long": "name is too long",
    "through a file": "goes through a file",
    "a loop": "loop of symbolic links",
    "into a loop": "loop of symbolic links",
}


@pytest.mark.parametrize("case", list(MESSAGES))
def test_summarize_explains_a_path_it_cannot_read(tmp_path, capsys, case):
    config = write_config(tmp_path)
    path = awkward_paths(tmp_path)[case]
    code, out, err = briefing(config, capsys, "summarize", str(path))
    assert code == EXIT_INPUT and out == "", err
    assert MESSAGES[case] in err, err
    assert "unexpected" not in err and "incident" not in err
