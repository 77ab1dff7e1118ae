"""A channel's digest: new stories since its last one, topics, grouping, ranking, the record."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from summaries import Article, Briefing
from summaries.digest import compose_digest, digest_from_record
from summaries.store import Store, open_store
from tests.old_databases import record_naming_taken_stories

NOW = datetime(2026, 3, 29, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(location):
    with open_store(location) as opened:
        yield opened


def put(
    store: Store,
    n: int,
    title: str,
    body: str,
    *,
    source: str = "Harwick Herald",
    fetched: datetime = NOW - timedelta(hours=2),
    published: datetime | None = None,
):
    article = Article(
        title=title, text=body, url=f"https://news.example/{n}", source=source, published=published
    )
    first = body.split(". ")[0].rstrip(".") + "."
    stored, status = store.upsert_article(
        article,
        Briefing((first,), method="lead"),
        text=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        now=fetched,
    )
    assert status == "new"
    return stored


def ids(digest) -> list[int]:
    return [item.story.id for item in digest.stories]


def test_a_first_digest_covers_the_last_day_and_skips_older_articles(store):
    fresh = put(
        store, 1, "Port of Brennport hit by ransomware", "Ransomware stopped the port. Crews"
    )
    put(
        store,
        2,
        "Old council vote",
        "The council voted. Long ago.",
        fetched=NOW - timedelta(hours=30),
    )
    channel = store.ensure_channel("discord:1")
    digest = compose_digest(store, channel, now=NOW, period="2026-03-29")
    assert ids(digest) == [fresh.id]
    assert digest.since == NOW - timedelta(hours=24) and digest.until == NOW


def test_topics_filter_by_keyword_prefix_and_phrase(store):
    cyber = put(store, 1, "Ransomware stops the port", "A cyberattack stopped the port cranes. It")
    bank = put(store, 2, "Central bank cuts rates", "The central bank cut its rate. Markets rose.")
    put(store, 3, "Cup final tonight", "Wrenfield play the final. Fans queued.")
    store.add_topic("slack:C1", "cyber")
    store.add_topic("slack:C1", '"central bank"')
    digest = compose_digest(store, store.get_channel("slack:C1"), now=NOW, period="p")
    assert sorted(ids(digest)) == sorted([cyber.id, bank.id])
    matched = {item.story.id: item.matched for item in digest.stories}
    assert matched[cyber.id] == ("cyber",) and matched[bank.id] == ('"central bank"',)
    # "bank central" in another order is not the phrase
    store.remove_topic("slack:C1", '"central bank"')
    store.add_topic("slack:C1", '"bank central"')
    digest = compose_digest(store, store.get_channel("slack:C1"), now=NOW, period="p")
    assert ids(digest) == [cyber.id]


def test_a_story_from_two_outlets_is_one_entry_with_both_sources_and_ranks_first(store):
    a = put(
        store,
        1,
        "Brennport port hit by ransomware",
        "Ransomware hit the port. Trucks waited.",
        source="Coast Courier",
        fetched=NOW - timedelta(hours=1),
    )
    b = put(
        store,
        2,
        "Truckers stranded after cyberattack",
        "Trucks queued at Brennport. Gates shut.",
        source="Freight Daily",
        fetched=NOW - timedelta(hours=3),
    )
    lone = put(
        store,
        3,
        "Heat wave strains the grid",
        "The grid strained. Fans sold out.",
        fetched=NOW - timedelta(minutes=10),
    )
    store.set_story(a.id, a.id)
    store.set_story(b.id, a.id)
    digest = compose_digest(store, store.ensure_channel("console"), now=NOW, period="p")
    assert ids(digest) == [a.id, lone.id]  # two outlets beat a fresher single one
    assert set(digest.stories[0].story.sources) == {"Coast Courier", "Freight Daily"}


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (3, 2, 1, 0), (2, 0, 3, 1)])
def test_equal_scores_rank_the_newest_published_first_whatever_the_order_stored(tmp_path, order):
    titles = ("Harbour cranes fixed", "Council budget passed", "Ferry fares rise", "Cup final won")
    days_old = (120, 90, 150, 100)  # months old: every recency factor is exactly 1
    with open_store(tmp_path / "briefing.db") as store:
        for n in order:
            put(
                store,
                n,
                titles[n],
                f"{titles[n]} today. More later.",
                published=NOW - timedelta(days=days_old[n]),
            )
        digest = compose_digest(store, store.ensure_channel("console"), now=NOW, period="p")
    assert len({item.score for item in digest.stories}) == 1  # a tie
    assert [item.story.lead.title for item in digest.stories] == [
        "Council budget passed",  # 90 days old
        "Cup final won",
        "Harbour cranes fixed",
        "Ferry fares rise",  # 150 days old
    ]


def test_the_cap_keeps_the_best(store):
    for n in range(15):
        put(
            store,
            n,
            f"Story number {n}",
            f"Body of story {n}. More text.",
            fetched=NOW - timedelta(minutes=5 * n),
        )
    digest = compose_digest(
        store, store.ensure_channel("console"), now=NOW, period="p", max_stories=4
    )
    assert len(digest.stories) == 4
    assert [s.story.lead.title for s in digest.stories] == [f"Story number {n}" for n in range(4)]


def test_posted_stories_never_come_back_and_the_next_digest_starts_after_the_last(store):
    first = put(store, 1, "Ransomware at the port", "Ransomware stopped it. Crews worked.")
    channel = store.ensure_channel("discord:9")
    digest = compose_digest(store, channel, now=NOW, period="d1")
    record = store.record_digest(channel.id, "d1", ids(digest), NOW)
    assert store.unsent_digests() == [record]
    sent = store.mark_digest_sent(record.id, NOW + timedelta(seconds=3))
    assert sent.sent_at == NOW + timedelta(seconds=3) and store.unsent_digests() == []
    assert store.posted_story_ids(channel.id) == {first.id}
    assert store.get_channel(channel.id).last_digest_at == NOW

    # an article of the posted story arrives later: the story is not posted again
    later = put(
        store,
        2,
        "Port ransomware update",
        "Cranes restarted. Trucks left.",
        fetched=NOW + timedelta(hours=1),
    )
    store.set_story(later.id, first.id)
    other = put(
        store,
        3,
        "Bees in the city",
        "Bees thrive in parks. Study says.",
        fetched=NOW + timedelta(hours=2),
    )
    next_one = compose_digest(
        store, store.get_channel(channel.id), now=NOW + timedelta(days=1), period="d2"
    )
    assert ids(next_one) == [other.id]
    assert next_one.since == NOW
    # another channel still gets the story
    assert first.id in ids(
        compose_digest(
            store, store.ensure_channel("discord:10"), now=NOW + timedelta(hours=3), period="d1"
        )
    )


def test_a_period_is_recorded_once_and_a_resend_has_the_same_stories(store):
    one = put(store, 1, "Ransomware at the port", "Ransomware stopped it. Crews worked.")
    two = put(store, 2, "Bees in the city", "Bees thrive in parks. Study says.")
    record = store.record_digest("discord:1", "2026-03-29", [two.id, one.id], NOW)
    again = store.record_digest("discord:1", "2026-03-29", [one.id], NOW + timedelta(hours=1))
    assert again == record
    resend = digest_from_record(store, record)
    assert ids(resend) == [two.id, one.id] and resend.record_id == record.id
    assert store.digest_record("discord:1", "2026-03-29") == record
    assert store.digest_record("discord:1", "2026-03-30") is None


def test_a_failed_post_is_retried_unless_given_up(store):
    a = store.record_digest("discord:1", "p1", [], NOW)
    b = store.record_digest("discord:2", "p1", [], NOW)
    store.mark_digest_failed(a.id, "Discord was unreachable.", give_up=False, now=NOW)
    store.mark_digest_failed(b.id, "Missing permission to post.", give_up=True, now=NOW)
    unsent = store.unsent_digests()
    assert [r.id for r in unsent] == [a.id] and unsent[0].error == "Discord was unreachable."
    given_up = store.digest_record("discord:2", "p1")
    assert given_up.gave_up_at == NOW and given_up.error == "Missing permission to post."


def test_channel_topics_schedule_and_pause(store):
    assert store.get_channel("discord:1") is None
    assert store.add_topic("discord:1", "Cyber") is True
    assert store.add_topic("discord:1", "cyber") is False  # case-insensitive
    assert store.remove_topic("discord:1", "missing") is False
    channel = store.set_schedule("discord:1", "08:00", "Europe/Berlin")
    assert (channel.time, channel.timezone, channel.topics, channel.platform) == (
        "08:00",
        "Europe/Berlin",
        ("Cyber",),
        "discord",
    )
    assert store.set_paused("discord:1", True).paused is True
    assert store.remove_topic("discord:1", "CYBER") is True
    assert store.get_channel("discord:1").topics == ()
    assert [c.id for c in store.list_channels()] == ["discord:1"]


def test_config_entries_apply_when_new_or_changed_and_commands_win_otherwise(store):
    from summaries.config import ChannelSettings, ScheduleSettings

    defaults = ScheduleSettings(time="07:00", timezone="UTC")
    entry = ChannelSettings(
        id="discord:5", time="08:00", timezone="Europe/Berlin", topics=("cyber",)
    )
    seeded = store.seed_channel(entry, defaults)
    assert (seeded.time, seeded.timezone, seeded.topics) == ("08:00", "Europe/Berlin", ("cyber",))
    store.set_schedule("discord:5", "09:30", "Europe/Paris")  # changed by command
    assert store.seed_channel(entry, defaults).time == "09:30"  # same file: the command wins
    changed = ChannelSettings(id="discord:5", time="", timezone="", topics=())
    reseeded = store.seed_channel(changed, defaults)  # the file changed: the file wins
    assert (reseeded.time, reseeded.timezone, reseeded.topics) == ("07:00", "UTC", ())


@pytest.mark.parametrize("topic", ['AND OR "', "title:*", "NEAR(", '"""', "-", "*"])
def test_a_topic_of_query_syntax_never_raises(store, topic):
    put(store, 1, "Ransomware at the port", "Ransomware stopped it. Crews worked.")
    store.add_topic("console", topic)
    digest = compose_digest(store, store.get_channel("console"), now=NOW, period="p")
    assert digest.stories == ()  # nothing usable to match: nothing passes the filter


def test_stories_waiting_in_an_unsent_digest_are_not_composed_again(store):
    waiting = put(store, 1, "Ransomware at the port", "Ransomware stopped it. Crews worked.")
    other = put(store, 2, "Bees in the city", "Bees thrive in parks. Study says.")
    record = store.record_digest("discord:1", "2026-03-29", [waiting.id], NOW)
    channel = store.get_channel("discord:1")
    assert ids(compose_digest(store, channel, now=NOW, period="now:1")) == [other.id]
    store.mark_digest_failed(record.id, "no permission", give_up=True, now=NOW)
    again = compose_digest(store, channel, now=NOW, period="now:2")
    assert sorted(ids(again)) == sorted([waiting.id, other.id])  # given up: free again


def test_a_resend_leaves_out_stories_posted_since_by_another_digest(store):
    one = put(store, 1, "Ransomware at the port", "Ransomware stopped it. Crews worked.")
    two = put(store, 2, "Bees in the city", "Bees thrive in parks. Study says.")
    stuck = store.record_digest("discord:1", "2026-03-29", [one.id, two.id], NOW)
    manual = record_naming_taken_stories(
        store, "discord:1", "now:x", [one.id], NOW + timedelta(minutes=10)
    )
    store.mark_digest_sent(manual.id, NOW + timedelta(minutes=10))
    assert ids(digest_from_record(store, stuck)) == [two.id]


def test_old_news_stays_out_unless_the_age_limit_is_off(store):
    old = put(
        store,
        1,
        "Last month's vote",
        "The council voted. Long ago.",
        published=NOW - timedelta(days=30),
    )
    undated = put(store, 2, "Undated notice", "Something happened. Somewhere.")
    fresh = put(
        store, 3, "Today's vote", "The council votes. Today.", published=NOW - timedelta(hours=3)
    )
    channel = store.ensure_channel("console")
    limited = compose_digest(store, channel, now=NOW, period="p", max_age_hours=72)
    assert sorted(ids(limited)) == sorted([undated.id, fresh.id])
    unlimited = compose_digest(store, channel, now=NOW, period="p", max_age_hours=0)
    assert old.id in ids(unlimited)


def test_an_article_stored_while_the_last_digest_was_composed_is_not_missed(store):
    record = store.record_digest("discord:1", "d1", [], NOW)
    store.mark_digest_sent(record.id, NOW)
    late = put(
        store,
        1,
        "Port reopens",
        "Cranes moved again. Ships left.",
        fetched=NOW - timedelta(seconds=2),
    )  # stamped just before the digest's time
    channel = store.get_channel("discord:1")
    assert ids(compose_digest(store, channel, now=NOW + timedelta(days=1), period="d2")) == [
        late.id
    ]


def test_channels_dropped_from_the_config_file_lose_their_schedule_only(store):
    from summaries.config import ChannelSettings, ScheduleSettings

    defaults = ScheduleSettings()
    store.seed_channel(ChannelSettings(id="discord:1", topics=("cyber",)), defaults)
    store.seed_channel(ChannelSettings(id="discord:2"), defaults)
    store.set_schedule("discord:3", "09:00", "UTC")  # set by command: not the file's business
    forgotten = store.forget_config_channels({"discord:2"})
    assert [c.id for c in forgotten] == ["discord:1"]
    kept = {c.id: c for c in store.list_channels()}
    assert kept["discord:1"].time is None and kept["discord:1"].topics == ("cyber",)
    assert kept["discord:2"].time == "08:00" and kept["discord:3"].time == "09:00"
    # listed again later: the entry applies afresh
    again = store.seed_channel(ChannelSettings(id="discord:1", topics=("cyber",)), defaults)
    assert again.time == "08:00"


def test_a_digest_reads_briefings_not_texts(store):
    one = put(store, 1, "Ransomware at the port", "Ransomware stopped it. Crews worked.")
    channel = store.ensure_channel("discord:1")
    digest = compose_digest(store, channel, now=NOW, period="p")
    record = store.record_digest("discord:1", "p", ids(digest), NOW)
    for made in (digest, digest_from_record(store, record)):
        (item,) = made.stories
        (article,) = item.story.articles
        assert article.id == one.id and article.briefing == ("Ransomware stopped it.",)
        assert article.text == ""  # (up to 5,000 of them per digest: not read)
    listed = store.recent_articles(NOW - timedelta(days=1), texts=False)
    assert [(a.id, a.text, a.title) for a in listed] == [(one.id, "", one.title)]
    assert store.recent_articles(NOW - timedelta(days=1))[0].text == one.text
