"""Sources stored before addresses had one spelling (schema 16 and older) are brought to it
by the upgrade to schema 17, on SQLite and PostgreSQL: each is found by any spelling of its
address through an indexed match, two sources of one address are both kept (a person's to
merge), and a feed's move onto an address another source holds in any spelling keeps both."""

from __future__ import annotations

from datetime import UTC, datetime

from summaries.source_address import stored_address
from summaries.store import SCHEMA_VERSION, Store, open_store
from summaries.store.times import to_db

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
BEFORE = 16  # the schema before addresses were stored in one spelling


def database_before_spellings(location: str, urls: list[str]) -> list[int]:
    """A database as schema 16 left it, holding a source at each of ``urls`` as written (the
    store of then kept older spellings); rewound from a current one, as the schema 14 test
    of test_search does. The ids of the sources, in order."""
    with open_store(location) as store:
        store.execute("DROP TABLE IF EXISTS source_spellings")
        for url in urls:
            kind = "feed" if url.lower().startswith("http") else "folder"
            store.execute(
                "INSERT INTO sources (url, kind, added_at) VALUES (?, ?, ?)",
                (url, kind, to_db(NOW)),
            )
        store.execute("UPDATE schema_version SET version = ?", (BEFORE,))
        return [source_id for (source_id,) in store.execute("SELECT id FROM sources ORDER BY id")]


def urls_by_id(store: Store) -> dict[int, str]:
    return {source.id: source.url for source in store.list_sources()}


def test_the_upgrade_stores_each_address_in_its_one_spelling_keeping_each_source(location):
    old = [
        "HTTPS://Example.org/rss",
        "https://news.example:443/feed#top",
        "http://Blog.example/atom?",
        "https://plain.example/rss",
        "/srv/Feeds/Local",
    ]
    ids = database_before_spellings(location, old)
    with open_store(location) as store:
        store.execute(
            "INSERT INTO subscriptions (tenant_id, source_id, added_at) VALUES (?, ?, ?)",
            ("discord:1", ids[1], to_db(NOW)),
        )
    with open_store(location) as store:
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        assert urls_by_id(store) == {
            ids[0]: "https://example.org/rss",
            ids[1]: "https://news.example/feed",
            ids[2]: "http://blog.example/atom",
            ids[3]: "https://plain.example/rss",
            ids[4]: "/srv/Feeds/Local",  # a folder's path is its own
        }
        for source_id, url in zip(ids, old, strict=True):
            assert store.get_source(url).id == source_id  # as it was written
            assert store.get_source(stored_address(url)).id == source_id
        assert store.get_source("https://EXAMPLE.org:443/rss#latest").id == ids[0]
        assert store.get_source("http://blog.example/atom").id == ids[2]
        assert store.execute("SELECT tenant_id FROM subscriptions WHERE source_id = ?", (ids[1],))
        assert store.add_source("https://example.org/rss", "feed").id == ids[0]  # no second one
        assert len(store.list_sources()) == len(old)
        assert store.duplicate_sources() == []


def test_two_sources_of_one_address_are_both_kept_and_each_still_found(location):
    """Merging them is a person's call; the one in the stored spelling is found by every
    other spelling, each older one by its own, and, once the first is gone, by any."""
    a, b, c = database_before_spellings(
        location,
        ["https://example.org/rss", "HTTPS://EXAMPLE.org/rss", "https://example.org:443/rss"],
    )
    with open_store(location) as store:
        assert urls_by_id(store) == {
            a: "https://example.org/rss",
            b: "HTTPS://EXAMPLE.org/rss",
            c: "https://example.org:443/rss",
        }
        assert store.get_source("https://Example.org/rss#top").id == a
        assert store.get_source("HTTPS://EXAMPLE.org/rss").id == b
        assert store.get_source("https://example.org:443/rss").id == c
        assert [(one.id, other.id) for one, other in store.duplicate_sources()] == [(a, b), (a, c)]

        assert store.remove_source(a)
        assert store.get_source("https://example.org/rss").id == b  # the older of the two left
        assert store.add_source("https://Example.org/rss", "feed").id == b
        assert [(one.id, other.id) for one, other in store.duplicate_sources()] == [(b, c)]
        assert store.remove_source(b)
        assert store.get_source("https://example.org/rss").id == c
        assert store.duplicate_sources() == []
        assert len(store.list_sources()) == 1


def test_of_two_older_spellings_of_one_address_the_first_source_takes_the_stored_one(location):
    first, second = database_before_spellings(
        location, ["HTTPS://Example.org/rss", "https://EXAMPLE.org/rss#x"]
    )
    with open_store(location) as store:
        assert urls_by_id(store) == {
            first: "https://example.org/rss",
            second: "https://EXAMPLE.org/rss#x",
        }
        assert store.get_source("https://example.org/rss").id == first
        assert [(one.id, other.id) for one, other in store.duplicate_sources()] == [(first, second)]


def test_a_lookup_matches_the_stored_spelling_and_does_not_read_every_source(location):
    """A row in an older spelling that the upgrade did not see (written straight into the
    table, as no code of the bot does now) is not found by another spelling: a lookup is an
    indexed match of the stored spelling, not every source's address worked out again."""
    database_before_spellings(location, [])
    with open_store(location) as store:
        store.execute(
            "INSERT INTO sources (url, kind, added_at) VALUES (?, ?, ?)",
            ("HTTPS://Unseen.example/rss", "feed", to_db(NOW)),
        )
        assert store.get_source("https://unseen.example/rss") is None
        assert store.get_source("HTTPS://Unseen.example/rss") is not None  # as written


def test_a_move_onto_an_address_an_older_spelling_holds_keeps_both(location):
    """The source at ``HTTPS://Example.org/rss`` holds https://example.org/rss: a feed
    that moves there is not given it (two sources would read one feed)."""
    held, mover = database_before_spellings(
        location, ["HTTPS://Example.org/rss", "https://old.example/rss"]
    )
    with open_store(location) as store:
        assert not store.move_source(mover, "https://example.org/rss")
        assert urls_by_id(store) == {
            held: "https://example.org/rss",
            mover: "https://old.example/rss",
        }


def test_a_move_onto_the_address_of_a_source_kept_under_an_older_spelling_keeps_both(location):
    """Two sources of one address were kept; once the one in the stored spelling is gone,
    the other still holds the address, and a move onto it is refused."""
    a, b, mover = database_before_spellings(
        location,
        ["https://example.org/rss", "HTTPS://EXAMPLE.org/rss", "https://old.example/rss"],
    )
    with open_store(location) as store:
        assert store.remove_source(a)
        assert not store.move_source(mover, "https://example.org:443/rss")
        assert urls_by_id(store) == {b: "HTTPS://EXAMPLE.org/rss", mover: "https://old.example/rss"}
        assert store.get_source("https://example.org/rss").id == b
        assert store.move_source(b, "https://example.org/feed")  # its own move is its own
        assert store.get_source("https://example.org/rss").id == b  # by its old address
        assert store.duplicate_sources() == []


def test_two_sources_of_one_address_are_still_named_after_the_one_holding_it_moves(location):
    """The source in the stored spelling moved for good; the other, still read at the old
    address, is sent on to the same feed, and ingest keeps refusing its move: the pair is
    still named, the moved one first."""
    a, b = database_before_spellings(
        location, ["https://example.org/rss", "HTTPS://Example.org/rss"]
    )
    with open_store(location) as store:
        assert store.move_source(a, "https://new.example/rss")
        assert not store.move_source(b, "https://new.example/rss")  # what each ingest tries
        assert [(one.id, other.id) for one, other in store.duplicate_sources()] == [(a, b)]
        assert store.remove_source(b)
        assert store.duplicate_sources() == []


def follow(store: Store, tenant: str, source_id: int) -> None:
    store.execute(
        "INSERT INTO subscriptions (tenant_id, source_id, added_at) VALUES (?, ?, ?)",
        (tenant, source_id, to_db(NOW)),
    )


def test_a_server_removes_the_source_it_follows_by_any_spelling_of_its_address(location):
    """Of two sources of one address, the one a server follows is the one its `sources
    remove` ends, however the address is typed; another server's is never touched."""
    a, b = database_before_spellings(
        location, ["https://example.org/rss", "HTTPS://Example.org/rss"]
    )
    with open_store(location) as store:
        store.execute("UPDATE sources SET operator = 0 WHERE id = ?", (b,))
        follow(store, "discord:1", b)
        follow(store, "slack:T2", a)

        record, status = store.unsubscribe("discord:1", "https://example.org/rss")
        assert (record.id, status) == (b, "removed")
        record, status = store.unsubscribe("slack:T2", "HTTPS://Example.org/rss")
        assert (record.id, status) == (a, "removed")
        assert store.execute("SELECT tenant_id FROM subscriptions") == []
        follow(store, "slack:T2", b)
        record, status = store.unsubscribe("discord:3", "HTTPS://Example.org/rss")
        assert (record.id, status) == (a, "operator")  # the one it sees, not slack:T2's
        assert store.execute("SELECT tenant_id FROM subscriptions") == [("slack:T2",)]


def test_a_server_following_one_of_two_sources_of_an_address_does_not_follow_the_other(location):
    """Following the address again, however typed, is the source it follows already: it
    would get each story twice."""
    a, b = database_before_spellings(
        location, ["https://example.org/rss", "HTTPS://Example.org/rss"]
    )
    with open_store(location) as store:
        follow(store, "discord:1", b)
        for typed in ("https://example.org/rss", "HTTPS://EXAMPLE.org:443/rss#top"):
            record, status = store.subscribe(
                "discord:1", typed, "feed", added_by=None, now=NOW, max_sources=10
            )
            assert (record.id, status) == (b, "already")
        assert store.execute("SELECT source_id FROM subscriptions") == [(b,)]
        record, status = store.subscribe(
            "slack:T2", "https://example.org/rss", "feed", added_by=None, now=NOW, max_sources=10
        )
        assert (record.id, status) == (a, "added")  # another server follows the first found
