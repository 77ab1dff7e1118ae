"""The words people use to stop a channel's digest or start it again (schedule stop, off,
remove, unset; start, on) pause and resume it, for admins only, and never point to
schedule set. Real slack-bolt app against the fake Web API."""

from __future__ import annotations

import pytest

from summaries.store import open_store
from tests.bot.test_slack_channels import answer_text, answers


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


@pytest.mark.parametrize("stop", ["stop", "off", "remove", "delete", "unset"])
def test_stopping_words_pause_the_digest_and_starting_words_resume_it(store, tmp_path, stop):
    _, stopped, started = answers(
        store,
        tmp_path,
        ("/schedule", "set 08:00 UTC"),
        ("/schedule", stop),
        ("/schedule", "on"),
    )
    assert "Digest paused" in answer_text(stopped), answer_text(stopped)
    assert "Did you mean" not in answer_text(stopped)
    assert "Digest resumed" in answer_text(started), answer_text(started)
    channel = store.get_channel("slack:C1")
    assert (channel.time, channel.paused) == ("08:00", False)


def test_a_member_cannot_stop_the_digest_with_another_word(store, tmp_path):
    answers(store, tmp_path, ("/schedule", "set 08:00 UTC"))
    [refused] = answers(store, tmp_path, ("/schedule", "stop"), user="UMEMBER")
    assert "Admins only" in answer_text(refused), answer_text(refused)
    assert store.get_channel("slack:C1").paused is False
