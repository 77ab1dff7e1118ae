"""The posting budget's row in the store: refilled by the time gone, taken in whole tokens."""

from __future__ import annotations

import pytest

from summaries.store import open_store


def test_a_new_bucket_is_full_and_gives_at_most_its_burst(location):
    with open_store(location) as store:
        first = store.take_posting_tokens("discord", 10, rate=40, burst=4, now=1000.0)
        assert (first.tokens, first.left) == (4, 0.0)
        empty = store.take_posting_tokens("discord", 3, rate=40, burst=4, now=1000.0)
        assert (empty.tokens, empty.left) == (0, 0.0)
        assert empty.wait(3, rate=40, burst=4) == pytest.approx(3 / 40)


def test_tokens_come_back_with_the_time_gone_up_to_the_burst(location):
    with open_store(location) as store:
        store.take_posting_tokens("discord", 4, rate=40, burst=4, now=1000.0)
        part = store.take_posting_tokens("discord", 4, rate=40, burst=4, now=1000.0625)
        assert part.tokens == 2 and part.left == pytest.approx(0.5)  # 2.5 came back
        later = store.take_posting_tokens("discord", 1, rate=40, burst=4, now=1060.0)
        assert later.tokens == 1 and later.left == pytest.approx(3.0)  # kept to the burst
        back = store.take_posting_tokens("discord", 9, rate=40, burst=4, now=1050.0)
        assert back.tokens == 3 and back.left == pytest.approx(0.0)  # a clock that went back
        after = store.take_posting_tokens("discord", 9, rate=40, burst=4, now=1060.05)
        assert after.tokens == 2  # refilled from the latest time seen, not the earlier one


def test_buckets_are_apart_and_the_database_clock_refills_them(location):
    with open_store(location) as store:
        assert store.take_posting_tokens("discord", 4, rate=40, burst=4).tokens == 4
        assert store.take_posting_tokens("slack", 2, rate=1, burst=2).tokens == 2
        assert store.take_posting_tokens("discord", 0, rate=40, burst=4).tokens == 0
        with pytest.raises(ValueError):
            store.take_posting_tokens("discord", 1, rate=0, burst=4)
