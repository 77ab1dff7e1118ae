"""A NUL character in text the store is given (a source's address, a feed entry's id, a
lookup) is stored and found again on both engines, never the driver's error: PostgreSQL's
text holds no NUL, and keeps U+FFFD in its place."""

from __future__ import annotations

from datetime import UTC, datetime

from summaries.store import open_store

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
ODD = "https://news.example/f\x00eed"


def _as_stored(location: str, text: str) -> str:
    return text.replace("\x00", "\ufffd") if location.startswith("postgresql") else text


def test_text_holding_a_nul_is_stored_and_found_again(location):
    with open_store(location) as store:
        added = store.add_source(ODD, "feed", now=NOW)
        assert added.url == _as_stored(location, ODD)
        assert store.get_source(ODD).id == added.id
        assert store.get_source("https://news.example/feed") is None
        store.keep_textless(added.id, {"entry\x00one": "v\x001"}, NOW)
        assert store.textless_entries(added.id) == {
            _as_stored(location, "entry\x00one"): _as_stored(location, "v\x001")
        }
        assert store.knows_link("https://news.example/\x00") is False
        assert store.find(url="https://news.example/\x00", content_hash="\x00") is None
