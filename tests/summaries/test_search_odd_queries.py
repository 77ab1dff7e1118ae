"""Odd queries on both engines: a query longer than is read is cut at a word's end, so the
words it keeps still find what they match."""

from __future__ import annotations

import pytest

from summaries.store import describe_query
from summaries.store.search import MAX_QUERY_CHARS
from tests.summaries.test_search_folding import (
    found,
    put_all,
    store,  # noqa: F401, F811  (a fixture)
)

HARBOUR = [("Harbour strike ends", "The strike at the harbour of Brennport ended on Monday.")]


@pytest.mark.parametrize("word", ["harbour*", "harbour", "strike", "Brennport"])
def test_a_query_longer_than_is_read_keeps_only_whole_words(store, word):  # noqa: F811
    (harbour,) = put_all(store, HARBOUR)
    pad = " " * ((MAX_QUERY_CHARS - 2) % (len(word) + 1))  # the cut: after 2 of a word's letters
    query = pad + f"{word} " * (MAX_QUERY_CHARS // 3)
    assert len(query) > MAX_QUERY_CHARS and not query[MAX_QUERY_CHARS].isspace()
    assert describe_query(query) == describe_query(word)
    assert found(store, query) == [harbour]
