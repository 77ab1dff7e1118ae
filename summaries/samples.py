"""The project's own sample corpus: fictional articles written for the project.

Each file is read as a folder source reads it (front matter names its outlet and
publication time), so ``sample_articles()`` and ingesting the folder agree.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from summaries.models import Article
from summaries.sources.folders import read_file


def samples_folder() -> Path:
    """The folder holding the sample files (the package is installed as files, not zipped)."""
    return Path(str(resources.files("summaries") / "samples"))


def sample_articles() -> list[Article]:
    """Every sample article, in file-name order."""
    folder = samples_folder()
    return [read_file(path, root=folder) for path in sorted(folder.glob("*.txt"))]
