"""Schema 23: what was posted is found by story (an index), so asking whether a story has
gone out costs a look-up; a database of schema 22 is upgraded to it with its record of
what was posted kept and acting (on both engines)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from summaries.store import SCHEMA_VERSION, Store, open_store
from summaries.store.times import to_db
from tests.old_databases import database_at
from tests.summaries.test_updated_story import Into, incoming

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
GAZETTE = "https://gazette.example/ferry-closes"
HERALD = "https://herald.example/news/ferry"


def _posted_story_one(execute) -> None:
    """A channel that was posted story 1 in a digest sent, as schema 22 recorded it."""
    stamp = to_db(NOW)
    execute("INSERT INTO channels (id, platform) VALUES ('discord:5', 'discord')")
    execute(
        "INSERT INTO digests (channel_id, period, story_ids, recorded_at, sent_at) "
        "VALUES ('discord:5', '2026-03-04', '[1]', ?, ?)",
        (stamp, stamp),
    )
    execute(
        "INSERT INTO posted (channel_id, story_id, digest_id, posted_at) "
        "VALUES ('discord:5', 1, 1, ?)",
        (stamp,),
    )


def _posted_indexes(store: Store) -> list[str]:
    """The names of the indexes on ``posted`` that lead with its story."""
    if store.engine == "sqlite":
        rows = store.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'posted' "
            "AND (SELECT name FROM pragma_index_info(sqlite_master.name) WHERE seqno = 0) "
            "= 'story_id'"
        )
    else:
        rows = store.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'posted' "
            "AND schemaname = current_schema() AND indexdef LIKE '%(story_id)'"
        )
    return [name for (name,) in rows]


def test_a_new_store_finds_what_was_posted_by_story(location):
    with open_store(location) as store:
        assert _posted_indexes(store) == ["posted_by_story"]


def test_a_database_of_schema_22_is_upgraded_and_its_posted_story_stays_out(location):
    database_at(location, 22, _posted_story_one)
    with open_store(location) as store:
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        assert _posted_indexes(store) == ["posted_by_story"]
        assert store.posted_story_ids("discord:5") == {1}
        # the Gazette's article is story 1, posted before the upgrade; the Herald's teaser,
        # updated, would join it: the story has gone out, so the teaser keeps its own
        full = incoming(GAZETTE, "The river ferry will close in January. Costs rose.", "Gazette")
        teaser = incoming(HERALD, "Ferry news. More soon.", "Herald")
        store.add_articles([full, teaser], Into(None), now=NOW)
        fuller = incoming(HERALD, "The river ferry will close in January. Costs rose fast.", "H")
        (placed,) = store.add_articles([fuller], Into(1), now=NOW + timedelta(minutes=5))
        assert (placed.status, placed.story_id) == ("updated", 2)
