"""The project's own sample corpus: fictional articles written for the project."""

from __future__ import annotations

from importlib import resources

from summaries.models import Article


def sample_articles() -> list[Article]:
    """Every sample article, in file-name order (first line: headline)."""
    folder = resources.files("summaries") / "samples"
    articles = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        headline, _, body = entry.read_text(encoding="utf-8").partition("\n")
        articles.append(Article(title=headline.strip(), text=body, source=f"sample:{entry.name}"))
    return articles
