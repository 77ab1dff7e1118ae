"""The posting budget's slots in the store: held by a post, free a window after its answer."""

from __future__ import annotations

import pytest

from summaries.store import open_store


def test_a_budget_has_its_size_of_slots_and_none_while_all_are_held(location):
    with open_store(location) as store:
        taken = [store.take_posting_slot("discord", size=3, hold=60, now=1000.0) for _ in range(3)]
        assert sorted(slot.number for slot in taken) == [0, 1, 2]
        full = store.take_posting_slot("discord", size=3, hold=60, now=1000.5)
        assert full.number is None and full.wait == pytest.approx(59.5)


def test_a_slot_given_back_is_free_a_window_after_its_answer(location):
    with open_store(location) as store:
        (number,) = [store.take_posting_slot("discord", size=1, hold=60, now=1000.0).number]
        store.give_back_posting_slot("discord", number, window=1.0, now=1000.2)
        early = store.take_posting_slot("discord", size=1, hold=60, now=1000.7)
        assert early.number is None and early.wait == pytest.approx(0.5)
        assert store.take_posting_slot("discord", size=1, hold=60, now=1001.2).number == number


def test_a_slot_never_given_back_is_free_after_its_hold(location):
    with open_store(location) as store:
        store.take_posting_slot("discord", size=1, hold=30, now=1000.0)
        assert store.take_posting_slot("discord", size=1, hold=30, now=1029.0).number is None
        assert store.take_posting_slot("discord", size=1, hold=30, now=1030.0).number == 0


def test_budgets_are_apart_a_larger_size_adds_slots_and_the_database_clock_serves(location):
    with open_store(location) as store:
        assert store.take_posting_slot("discord", size=1, hold=60).number == 0
        assert store.take_posting_slot("slack", size=1, hold=60).number == 0
        assert store.take_posting_slot("discord", size=1, hold=60).number is None
        assert store.take_posting_slot("discord", size=2, hold=60).number == 1
        with pytest.raises(ValueError):
            store.take_posting_slot("discord", size=0, hold=60)
