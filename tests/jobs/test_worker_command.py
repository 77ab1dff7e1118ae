"""``briefing worker``'s answers before any queue is reached (no PostgreSQL needed)."""

from __future__ import annotations

import pytest

from summaries.cli import main
from summaries.errors import InvalidOptionError
from summaries.jobs import parse_queues


def test_with_an_sqlite_store_the_worker_says_none_is_needed(tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\npath = "{tmp_path / "briefing.db"}"\n', encoding="utf-8")
    assert main(["worker", "--config", str(config)]) == 2
    said = capsys.readouterr().err
    assert "SQLite" in said and "needs no worker" in said
    assert 'url = "postgresql://' in said
    assert not (tmp_path / "briefing.db").exists()  # nothing was opened


def test_queues_are_named_from_the_known_ones():
    assert parse_queues("deliver, fetch,deliver") == ("deliver", "fetch")
    with pytest.raises(
        InvalidOptionError, match="Unknown queue summarise: --queues takes fetch, deliver"
    ):
        parse_queues("fetch,summarise")
    with pytest.raises(InvalidOptionError, match="none given"):
        parse_queues(" , ")
    with pytest.raises(InvalidOptionError, match=r"Unknown queue fech \(did you mean fetch\?\)"):
        parse_queues("fech,deliver")


def test_a_summarize_queue_is_refused_with_where_summarizing_runs(tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text('[store]\nurl = "postgresql://nobody@127.0.0.1:1/none"\n', encoding="utf-8")
    assert main(["worker", "--config", str(config), "--queues", "fetch,summarize,deliver"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("briefing: There is no summarize queue")  # an option, not config
    assert "--queues fetch" in said and "[ingest] article_seconds" in said
    assert "database is unavailable" not in said  # refused before any database is reached


def test_concurrency_out_of_range_is_refused(tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text('[store]\nurl = "postgresql://nobody@127.0.0.1:1/none"\n', encoding="utf-8")
    assert main(["worker", "--config", str(config), "--concurrency", "0"]) == 2
    said = capsys.readouterr().err
    assert said == "briefing: --concurrency must be between 1 and 256, not 0.\n"  # an option


def test_a_database_that_does_not_answer_is_said_plainly(tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text('[store]\nurl = "postgresql://nobody@127.0.0.1:1/none"\n', encoding="utf-8")
    assert main(["worker", "--config", str(config)]) == 1
    said = capsys.readouterr().err
    assert "The database is unavailable" in said
    assert "Traceback" not in said and "incident" not in said
