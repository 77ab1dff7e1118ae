"""bench/search.py's own checks of the database it is given."""

from __future__ import annotations

import pytest

from summaries.store import open_store
from summaries.store.postgres_schema import SEARCH_INDEX
from tests.bench_scripts import load_bench


def test_a_postgresql_build_without_the_search_index_says_which_is_missing(location, monkeypatch):
    """The bench names the index it looks for instead of failing on an empty result."""
    if not location.startswith("postgresql"):
        pytest.skip("PostgreSQL's own: the GIN index dropped and rebuilt around the load")
    bench = load_bench("search", monkeypatch)
    with open_store(location) as store:
        assert SEARCH_INDEX in bench.search_index_definition(store)
        store.execute(f"DROP INDEX {SEARCH_INDEX}")
        with pytest.raises(SystemExit, match=f"no search index {SEARCH_INDEX}"):
            bench.build(store, location, 10, 7)
        assert store.execute("SELECT count(*) FROM articles") == [(0,)]
