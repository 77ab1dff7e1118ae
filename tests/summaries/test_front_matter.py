"""Front matter in a folder's .txt and .md files names the outlet, time, link and author."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from summaries.samples import sample_articles
from summaries.sources.folders import read_folder
from summaries.summarize import article_texts, summarize


def test_front_matter_fills_the_article_and_is_not_part_of_its_text(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\nsource: Harwick Herald\npublished: 2026-03-03T14:20:00+01:00\n"
        "url: https://herald.example/flood\nauthor: 'Lina Ostrow'\nlayout: post\n---\n"
        "# Harwick approves flood plan\n\nThe council approved the plan on Monday.\n",
        encoding="utf-8",
    )
    (article,) = read_folder(tmp_path).articles
    assert article.title == "Harwick approves flood plan"
    assert article.text == "The council approved the plan on Monday."
    assert (article.source, article.url, article.author) == (
        "Harwick Herald",
        "https://herald.example/flood",
        "Lina Ostrow",
    )
    assert article.published == datetime(2026, 3, 3, 13, 20, tzinfo=UTC)


def test_a_title_key_makes_the_whole_text_the_body_and_bad_values_are_ignored(tmp_path):
    (tmp_path / "b.txt").write_text(
        "---\ntitle: Bees in the city\npublished: last Tuesday\nurl: javascript:alert(1)\n---\n"
        "Wild bees thrive in city parks.\n\nA study counted 143 species.\n",
        encoding="utf-8",
    )
    (article,) = read_folder(tmp_path).articles
    assert article.title == "Bees in the city"
    assert article.text.startswith("Wild bees thrive") and "143 species" in article.text
    assert article.url.startswith("file://")  # not a web address: the file's own
    assert article.source == tmp_path.name  # no source key: the folder's name
    assert article.published.year >= 2026  # unparsable date: the file's time


def test_a_file_that_merely_starts_with_a_rule_is_text(tmp_path):
    (tmp_path / "c.txt").write_text(
        "---\nNo closing rule here, so this is just a line.\n\nMore text follows.\n",
        encoding="utf-8",
    )
    (article,) = read_folder(tmp_path).articles
    assert article.title == "No closing rule here, so this is just a line"  # "---" is no headline
    assert "No closing rule" in article.text


def test_the_samples_name_their_outlets_and_two_outlets_report_the_port_attack():
    samples = sample_articles()
    assert len(samples) == 9 and len({a.source for a in samples}) == 9
    assert all(a.published and a.published.year == 2026 for a in samples)
    assert "Brennport" in samples[0].title and "Brennport" in samples[1].title
    assert not any(a.text.startswith("---") for a in samples)


def test_one_sample_is_in_german_and_is_briefed_in_german():
    german = [a for a in sample_articles() if article_texts(a)[2] == "german"]
    assert [Path(a.url or "").name[:2] for a in german] == ["09"]
    briefing = summarize(german[0])
    assert briefing.sentences[0].startswith("Nach sieben Jahren Bauzeit ist am Mittwoch")
    assert all(sentence in german[0].text for sentence in briefing.sentences)
