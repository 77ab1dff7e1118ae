"""Outlets and headlines as stored (what digests and searches show), through the real ingest
path: pages, feeds and folders read by `briefing ingest`, pages served on loopback."""

from __future__ import annotations

from pathlib import Path

from tests.test_ingest import briefing, stored, write_config


def test_a_txt_files_first_line_is_its_title_only_when_it_reads_as_a_headline(tmp_path):
    """A headline line is the title; a breadcrumb, a menu label or the article's opening
    sentence is not: the title is made from the text, which keeps that first line."""
    folder = tmp_path / "articles"
    folder.mkdir()
    opening = "The harbour authority approved a plan to dredge the channel on Tuesday."

    def rest(weeks: int) -> str:  # each file its own text: the same text is stored once
        return (
            f"Dredgers will start in June and work for {weeks} weeks, the authority said, so "
            "that larger ferries can reach the new terminal at low tide."
        )

    files = {
        "headline.txt": f"Harbour to dredge channel for bigger ferries\n\n{opening} {rest(5)}",
        "sentence.txt": f"{opening}\n\n{rest(6)}",
        "crumbs.txt": f"Home | News | Harbour\n\n{opening}\n\n{rest(7)}",
        "label.txt": f"Advertisement\n{opening}\n\n{rest(8)}",
    }
    for name, content in files.items():
        (folder / name).write_text(content + "\n", encoding="utf-8")
    config = write_config(tmp_path, extra=f'folders = ["{folder}"]\n')
    assert "4 new" in briefing(config, "ingest")[1]

    with stored(config) as store:
        rows = store.execute("SELECT url, title, text FROM articles")
    by_file = {Path(url).name: (title, text) for url, title, text in rows}
    assert by_file["headline.txt"][0] == "Harbour to dredge channel for bigger ferries"
    from_text = "The harbour authority approved a plan to dredge the channel on Tuesday"
    for name in ("sentence.txt", "crumbs.txt", "label.txt"):
        title, text = by_file[name]
        assert title == from_text, name
        assert opening in text, name  # the first sentence stays in the article
