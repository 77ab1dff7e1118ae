"""Tenants in the store: subscriptions, what each tenant sees, limits, leaving, and the
upgrade of a database written before tenants existed."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from summaries.models import EVERYTHING, Article, Scope
from summaries.store import MIGRATIONS, LimitReachedError, Store, open_store
from summaries.store.migrate import migrate
from tests.builders import put_article
from tests.summaries.test_source_spellings import database_before_spellings

NOW = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
A, B = "discord:1", "slack:T2"
HERALD, COURIER = "https://herald.example/rss", "https://courier.example/rss"


@pytest.fixture
def store(location):
    with open_store(location) as opened:
        yield opened


def subscribe(store: Store, tenant: str, url: str, **limits: int) -> tuple:
    return store.subscribe(
        tenant, url, "feed", added_by="u", now=NOW, max_sources=limits.get("max_sources", 50)
    )


def put(store: Store, source_id: int | None, url: str, outlet: str, story: int | None = None):
    """One article of the Brennport port story, as ``outlet`` told it, read from a source."""
    text = f"Ransomware shut the Brennport port systems, {outlet} reported. Ships waited."
    article = Article(title=f"Brennport port attack ({outlet})", text=text, url=url, source=outlet)
    return put_article(store, article, (text,), source_id=source_id, story=story, now=NOW)


def test_one_source_for_two_tenants_is_stored_and_read_once(store):
    first, added = subscribe(store, A, HERALD)
    again, also = subscribe(store, B, HERALD)
    assert (added, also) == ("added", "added") and first.id == again.id
    assert [s.url for s in store.sources_to_read()] == [HERALD]
    assert subscribe(store, A, HERALD)[1] == "already"

    assert store.unsubscribe(A, HERALD)[1] == "removed"
    assert [s.source.url for s in store.tenant_sources(B, operator=True)] == [HERALD]  # B keeps it
    assert [s.url for s in store.sources_to_read()] == [HERALD]
    assert store.unsubscribe(A, HERALD) == (None, "unknown")

    assert store.unsubscribe(B, "#1")[1] == "removed"
    assert store.sources_to_read() == []  # nobody follows it: no longer fetched
    assert [s.url for s in store.list_sources()] == [HERALD]  # but kept, with its validators


def test_a_tenant_neither_sees_nor_removes_another_tenants_source(store):
    subscribe(store, A, HERALD)
    assert store.tenant_sources(B, operator=True) == []
    assert store.unsubscribe(B, HERALD) == (None, "unknown")
    assert store.unsubscribe(B, "#1") == (None, "unknown")
    assert [s.source.url for s in store.tenant_sources(A, operator=True)] == [HERALD]


def test_the_operators_sources_are_seen_by_all_and_removed_by_none(store):
    shared = store.add_source(COURIER, "feed", added_by="config.toml")
    assert shared.operator
    (seen,) = store.tenant_sources(A, operator=True)
    assert seen.source.id == shared.id and not seen.subscribed
    assert store.tenant_sources(A, operator=False) == []  # [sources] shared = false
    assert store.unsubscribe(A, COURIER)[1] == "operator"
    assert [s.url for s in store.list_sources()] == [COURIER]

    subscribe(store, B, HERALD)
    operator = store.add_source(HERALD, "feed")  # the operator adds a tenant's source
    assert operator.operator and store.get_source(HERALD).operator


def test_a_tenant_may_follow_an_operators_source_and_keeps_it_when_it_is_unshared(store):
    store.add_source(COURIER, "feed", added_by="cli")
    assert subscribe(store, A, COURIER)[1] == "added"
    (seen,) = store.tenant_sources(A, operator=True)
    assert seen.subscribed and seen.source.operator

    assert store.remove_source(COURIER)  # the operator stops sharing it...
    kept = store.get_source(COURIER)
    assert kept is not None and not kept.operator  # ...A still follows it
    assert [s.url for s in store.sources_to_read()] == [COURIER]
    assert store.tenant_sources(B, operator=True) == []  # no longer shared with B

    assert store.unsubscribe(A, COURIER)[1] == "removed"
    assert store.remove_source(COURIER) and store.get_source(COURIER) is None


def test_search_digests_and_stories_show_only_what_a_tenant_reads(store):
    herald, _ = subscribe(store, A, HERALD)
    courier, _ = subscribe(store, B, COURIER)
    first = put(store, herald.id, "https://herald.example/1", "Gulf Herald")
    put(store, courier.id, "https://courier.example/1", "Brennport Courier", story=first.id)
    only_b = put(store, courier.id, "https://courier.example/2", "Courier Extra")

    def outlets(tenant: str) -> list[tuple[str, ...]]:
        scope = Scope.of_tenant(tenant, shared=True)
        return [hit.story.sources for hit in store.search("Brennport", now=NOW, scope=scope)]

    assert outlets(A) == [("Gulf Herald",)]  # the story, without B's outlet
    assert sorted(outlets(B)) == [("Brennport Courier",), ("Courier Extra",)]
    assert sorted(map(sorted, [h.story.sources for h in store.search("Brennport", now=NOW)])) == [
        ["Brennport Courier", "Gulf Herald"],
        ["Courier Extra"],
    ]  # the operator's command line sees everything
    assert store.search("Brennport", now=NOW, scope=Scope.of_tenant("discord:9", shared=True)) == []

    scope_a = Scope.of_tenant(A, shared=True)
    since = NOW - timedelta(days=1)
    assert [a.id for a in store.recent_articles(since, scope=scope_a)] == [first.id]
    assert store.get_stories([first.id, only_b.id], scope=scope_a).keys() == {first.id}
    assert len(store.get_stories([first.id], scope=EVERYTHING)[first.id].articles) == 2


def test_an_article_two_sources_carry_is_seen_by_the_tenants_of_both(store):
    herald, _ = subscribe(store, A, HERALD)
    courier, _ = subscribe(store, B, COURIER)
    put(store, herald.id, "https://wire.example/1", "Wire")
    put(store, courier.id, "https://wire.example/1", "Wire")  # unchanged: the same article
    assert store.count_articles() == 1
    for tenant in (A, B):
        assert (
            len(store.search("Brennport", now=NOW, scope=Scope.of_tenant(tenant, shared=True))) == 1
        )


def test_articles_without_a_source_are_the_operators(store):
    put(store, None, "https://bulk.example/1", "Bulk")
    assert len(store.search("Brennport", now=NOW, scope=Scope.of_tenant(A, shared=True))) == 1
    assert store.search("Brennport", now=NOW, scope=Scope.of_tenant(A, shared=False)) == []


def test_limits_per_tenant(store):
    subscribe(store, A, HERALD, max_sources=1)
    with pytest.raises(LimitReachedError, match="1 source is followed here"):
        subscribe(store, A, COURIER, max_sources=1)
    assert subscribe(store, B, COURIER, max_sources=1)[1] == "added"  # another tenant's count

    for _ in range(2):
        store.note_source_add(A, now=NOW, per_hour=2)
    with pytest.raises(LimitReachedError, match="try again in 60 minutes"):
        store.note_source_add(A, now=NOW, per_hour=2)
    store.note_source_add(B, now=NOW, per_hour=2)
    store.note_source_add(A, now=NOW + timedelta(hours=1), per_hour=2)  # a new hour

    for number in (1, 2):
        store.ensure_channel(f"discord:{number}0", tenant=A)
        store.set_schedule(f"discord:{number}0", "08:00", "UTC", max_digest_channels=2)
    store.ensure_channel("discord:30", tenant=A)
    with pytest.raises(LimitReachedError, match="2 channels here already get a daily digest"):
        store.set_schedule("discord:30", "08:00", "UTC", max_digest_channels=2)
    store.set_schedule("discord:10", "09:00", "UTC", max_digest_channels=2)  # a change is fine
    store.set_schedule("discord:10", None, "UTC", max_digest_channels=2)
    store.set_schedule("discord:30", "08:00", "UTC", max_digest_channels=2)


def test_a_tenant_that_left_is_forgotten_after_the_grace_period_unless_it_came_back(store):
    subscribe(store, A, HERALD)
    subscribe(store, B, HERALD)
    store.ensure_channel("discord:10", tenant=A)
    store.add_topic("discord:10", "port")
    store.ensure_channel("slack:C1", tenant=B)
    store.mark_tenant_left(A, now=NOW)
    store.mark_tenant_left(B, now=NOW)
    store.ensure_tenant(B, now=NOW + timedelta(days=1))  # B added the bot again

    assert store.forget_departed_tenants(NOW - timedelta(days=1)) == []  # within the grace
    assert store.forget_departed_tenants(NOW + timedelta(days=31)) == [A]
    assert store.tenant_sources(A, operator=False) == []
    assert [c.id for c in store.list_channels()] == ["slack:C1"]
    assert [s.source.url for s in store.tenant_sources(B, operator=False)] == [HERALD]
    assert [s.url for s in store.sources_to_read()] == [HERALD]


def test_a_database_from_before_tenants_is_upgraded_and_reads_as_before(tmp_path: Path):
    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrate(conn, MIGRATIONS[:4]) == (0, 4)
        conn.execute(
            "INSERT INTO sources (url, kind, added_at, added_by) VALUES "
            "(?, 'feed', '2026-01-01T00:00:00.000000Z', 'discord:21')",
            (HERALD,),
        )
        conn.execute(
            "INSERT INTO articles (url, content_hash, title, source_id, source_name, fetched_at, "
            "updated_at, text, briefing, method) VALUES ('https://herald.example/1', 'h1', "
            "'Old harbour story', 1, 'Gulf Herald', '2026-03-03T08:00:00.000000Z', "
            "'2026-03-03T08:00:00.000000Z', 'The old harbour flooded.', "
            "'[\"The old harbour flooded.\"]', 'lead')"
        )
        conn.execute(
            "INSERT INTO channels (id, platform, digest_time) "
            "VALUES ('discord:10', 'discord', '08:00')"
        )
    finally:
        conn.close()

    with open_store(path) as store:
        (source,) = store.sources_to_read()
        assert source.url == HERALD and source.operator  # everything it read stays read
        (seen,) = store.tenant_sources(A, operator=True)
        assert not seen.subscribed
        hits = store.search("harbour", now=NOW, scope=Scope.of_tenant(A, shared=True))
        assert [h.story.lead.title for h in hits] == ["Old harbour story"]
        channel = store.get_channel("discord:10")
        assert channel is not None and channel.tenant is None and channel.time == "08:00"
        assert Scope.of_channel(channel, shared=False).operator  # its digest reads as before
        assert store.execute("SELECT article_id, source_id FROM article_sources") == [(1, 1)]


def test_a_tenant_that_left_keeps_nothing_fetched_meanwhile(store):
    subscribe(store, A, HERALD)
    subscribe(store, B, COURIER)
    store.mark_tenant_left(A, now=NOW)
    assert store.has_left(A) and not store.has_left(B)
    assert [s.url for s in store.sources_to_read()] == [COURIER]
    store.ensure_tenant(A, now=NOW + timedelta(days=2))  # back within the grace period
    assert [s.url for s in store.sources_to_read()] == [HERALD, COURIER]


def test_channels_the_platform_places_in_a_tenant_are_recorded_there(store):
    store.ensure_channel("discord:10")  # set up in config.toml: no tenant known yet
    store.ensure_channel("discord:11", tenant="discord:5")  # known: left as it is
    store.ensure_tenant(A, now=NOW, channels=["discord:10", "discord:11", "discord:12"])
    assert store.get_channel("discord:10").tenant == A
    assert store.get_channel("discord:11").tenant == "discord:5"
    assert store.get_channel("discord:12") is None  # nothing is created


def test_a_shared_channel_stays_the_tenants_that_set_it_up_first(store):
    """A channel two workspaces share (Slack Connect) is saved by commands of either: the
    one that saved it first keeps it, whoever saves it later."""
    store.ensure_channel("slack:C1", name="news", tenant=B)
    again = store.ensure_channel("slack:C1", name="shared-news", tenant="slack:T9")
    assert (again.tenant, again.name) == (B, "shared-news")
    assert store.get_channel("slack:C1").tenant == B


def test_a_source_stored_under_an_old_spelling_is_the_one_found_and_followed(location):
    """An address stored before one spelling was chosen (``HTTP://Herald.Example:80/rss#x``)
    is still that source after the upgrade, its articles and validators with it: adding it
    again, in that spelling or the new one, finds it instead of storing a second source
    fetched beside it, and any spelling removes it."""
    (old,) = database_before_spellings(location, ["HTTP://Herald.Example:80/rss#x"])
    with open_store(location) as store:
        assert store.add_source("HTTP://Herald.Example:80/rss#x", "feed").id == old
        assert store.add_source("http://herald.example/rss", "feed").id == old
        assert subscribe(store, A, "http://herald.example/rss")[0].id == old
        assert subscribe(store, A, "HTTP://HERALD.example/rss")[1] == "already"
        assert [s.id for s in store.list_sources()] == [old]
        assert store.get_source("http://herald.example:80/rss").id == old
        assert store.unsubscribe(A, "http://herald.example/rss")[1] == "removed"
        assert store.remove_source("http://herald.example/rss")
        assert store.list_sources() == []


def test_config_and_chat_store_one_spelling_of_one_feed(store):
    """config.toml's ``HTTPS://Courier.example`` and a chat's ``https://courier.example/``
    are one source: the store keeps every address in the spelling ``sources add`` gives."""
    first = store.add_source("HTTPS://Courier.example", "feed", added_by="config.toml")
    assert first.url == "https://courier.example/"
    assert subscribe(store, A, "https://courier.example/")[0].id == first.id
