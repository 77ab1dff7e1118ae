"""bot.views: stories and digests as replies, dated in the channel's zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.views import digest_reply, story_item
from summaries.models import Digest, DigestStory, StoredArticle, Story, StorySentence

NOW = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # already Sunday 22 November in Berlin


def article(n, *, url=None, source="Harwick Herald", published=None):
    return StoredArticle(
        id=n,
        title=f"Headline {n}",
        url=url,
        source=source,
        published=published,
        fetched=NOW,
        text="Body.",
        briefing=(f"Sentence one of {n}.", f"Sentence two of {n}."),
        method="default",
        content_hash=str(n),
        story_id=1,
    )


def digest(*stories, period="2026-11-22"):
    return Digest(
        "discord:1", period, NOW.replace(hour=0), NOW, tuple(DigestStory(s, 1.0) for s in stories)
    )


def test_story_item_is_the_lead_with_every_source_and_a_web_link():
    story = Story(
        1,
        (
            article(1, url="file:///srv/news/a.txt", source="samples"),
            article(2, url="https://courier.example/2", source="Gulf Courier"),
            article(3, url="https://herald.example/3", source="samples"),
        ),
    )
    item = story_item(story)
    assert item.title == "Headline 1"
    assert item.sources == ("samples", "Gulf Courier")
    assert item.url == "https://courier.example/2"  # never a file:// link in chat
    assert item.briefing == ("Sentence one of 1.", "Sentence two of 1.")
    assert item.published == NOW and item.story_id == 1


def test_digest_title_is_the_day_in_the_channels_zone_and_the_footer_counts():
    stories = (
        Story(1, (article(1, source="A"), article(2, source="B"))),
        Story(3, (article(3, source="A"),)),
    )
    reply = digest_reply(digest(*stories, period="now:x"), timezone="Europe/Berlin")
    assert reply.title == "Your briefing for Sunday 22 November"
    assert [item.title for item in reply.items] == ["Headline 1", "Headline 3"]
    assert reply.footer == "2 stories from 2 sources"
    utc = digest_reply(digest(*stories, period="now:x"))
    assert utc.title == "Your briefing for Saturday 21 November"
    dated = digest_reply(digest(*stories, period="2026-11-22"))
    assert dated.title == "Your briefing for Sunday 22 November"


def test_an_empty_digest_is_skipped_announced_or_previewed():
    empty = digest()
    assert digest_reply(empty) is None
    announced = digest_reply(empty, when_empty="announce")
    assert announced is not None and not announced.items and "No new stories" in announced.text
    preview = digest_reply(empty, preview=True, timezone="Europe/Berlin")
    assert preview.title.startswith("Preview: your briefing for Sunday")
    assert "Nothing new" in preview.text and "nothing was posted" in preview.footer
    with pytest.raises(ValueError):
        digest_reply(empty, when_empty="maybe")


def test_a_preview_says_nothing_was_posted():
    reply = digest_reply(digest(Story(1, (article(1),))), preview=True)
    assert reply.title.startswith("Preview:")
    assert reply.footer == "1 story from 1 source · preview, nothing was posted"


def test_a_caught_up_digest_carries_the_date_of_its_period():
    """The 23:30 digest of Saturday, posted at 00:30 Sunday (Berlin) after an outage."""
    late = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # 00:30 on Sunday in Berlin
    caught_up = Digest(
        "discord:1",
        "2026-11-21",
        late.replace(hour=0),
        late,
        (DigestStory(Story(1, (article(1),)), 1.0),),
    )
    reply = digest_reply(caught_up, timezone="Europe/Berlin")
    assert reply.title == "Your briefing for Saturday 21 November"
    not_a_date = digest_reply(digest(Story(1, (article(1),)), period="2026-13-40"))
    assert not_a_date.title == "Your briefing for Saturday 21 November"  # the end, in UTC


def test_story_item_shows_the_story_briefing_with_each_sentence_outlet():
    herald, courier = article(1), article(2, source="Gulf Courier")
    sentences = (
        StorySentence("Sentence one of 1.", 1, "Harwick Herald"),
        StorySentence("A new fact from 2.", 2, "Gulf Courier"),
    )
    item = story_item(Story(1, (herald, courier), sentences))
    assert item.briefing == ("Sentence one of 1.", "A new fact from 2.")
    assert item.attributed == (
        "Sentence one of 1. (Harwick Herald)",
        "A new fact from 2. (Gulf Courier)",
    )
    one_outlet = (StorySentence("Sentence one of 1.", 1, "Harwick Herald"),)
    alone = story_item(Story(1, (herald, courier), one_outlet))
    assert alone.attributed == ("Sentence one of 1.",)  # one outlet: nothing to tell apart
