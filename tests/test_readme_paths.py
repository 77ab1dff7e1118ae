"""Every file and folder of the project that the README names exists, so a module moved or
renamed does not leave an admin (or a reader of the code) looking for it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOP = ("summaries", "bot", "tests", "bench", "tools", "deploy", "docs")
NAMED = re.compile(rf"(?<![\w./-])((?:{'|'.join(TOP)})/[\w./-]*\w/?)")


def test_the_paths_the_readme_names_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(NAMED.findall(readme))
    assert len(named) > 20  # the pattern still finds the README's paths
    assert sorted(path for path in named if not (ROOT / path).exists()) == []
