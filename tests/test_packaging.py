"""pyproject.toml: metadata in today's form, and one comment per line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"


def setuptools_version() -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in re.findall(r"\d+", version("setuptools"))[:2])
    except PackageNotFoundError:
        return (0,)


def test_the_license_is_an_spdx_expression_and_the_build_needs_a_setuptools_that_reads_it():
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert "setuptools>=77" in project["build-system"]["requires"]


def test_each_line_carries_at_most_one_comment():
    lines = PYPROJECT.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.count(" # ") + line.startswith("# ") > 1] == []


@pytest.mark.skipif(setuptools_version() < (77,), reason="needs setuptools 77 installed here")
def test_the_wheel_says_mit_without_a_deprecation_warning(tmp_path):
    """Built from a copy (a build writes beside the sources) with the setuptools installed
    here (no build isolation: nothing is downloaded)."""
    source = tmp_path / "source"
    skip = shutil.ignore_patterns("__pycache__")
    for name in ("summaries", "bot"):
        shutil.copytree(ROOT / name, source / name, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    command = ["pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), "."]
    result = subprocess.run(
        [sys.executable, "-m", *command], capture_output=True, text=True, timeout=300, cwd=source
    )
    assert result.returncode == 0, result.stderr
    assert "deprecated" not in result.stdout + result.stderr
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        assert "License-Expression: MIT" in archive.read(name).decode()
