"""Ingest stores prepared articles in batches: fewer transactions, the same stories."""

from __future__ import annotations

import io
from pathlib import Path

from summaries.config import load_settings
from summaries.library import ingest
from summaries.samples import sample_articles
from summaries.store import open_store


def write_folder(folder: Path, copies: int) -> None:
    """Each sample article ``copies`` times, each copy with a line of its own."""
    folder.mkdir()
    for n in range(copies):
        for number, article in enumerate(sample_articles()):
            body = f"{article.text}\n\nFiled as report {n} by desk {number} this morning."
            (folder / f"{number:02}-{n:02}.txt").write_text(
                f"{article.title}\n\n{body}\n", encoding="utf-8"
            )


def test_a_folder_is_stored_in_fewer_transactions_and_copies_group_as_one_story(
    tmp_path, location
):
    write_folder(tmp_path / "articles", copies=4)
    articles = len(sample_articles()) * 4
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\nurl = "{location}"\n'
        f'[sources]\nfolders = ["{tmp_path / "articles"}"]\n[ingest]\nworkers = 2\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    report = ingest(settings, io.StringIO())
    assert report.new == articles and report.failed == 0
    assert 1 <= report.batches < articles
    with open_store(location) as store:
        stories = store.execute("SELECT story_id, count(*) FROM articles GROUP BY story_id")
        ids = store.execute("SELECT id FROM articles ORDER BY id")
    assert [i for (i,) in ids] == list(range(1, articles + 1))
    # the four copies of a sample are one story (some samples are one story together)
    assert all(count % 4 == 0 for _, count in stories)
    assert len(stories) <= len(sample_articles())
    again = ingest(settings, io.StringIO())
    assert (again.new, again.updated, again.unchanged) == (0, 0, articles)
    assert dict(report.stages).keys() >= {"grouping (CPU, in the write transaction)"}
