"""What a site puts inside its article's own container besides the story: the reading
time, a player's and a share bar's labels, a paywall's call, the topics' labels. Read from
real pages (trafilatura keeps them, being inside the article), left out of the main text."""

from __future__ import annotations

import pytest

from summaries.sources import article_from_page
from summaries.summarize import article_text

STORY = [
    "The city council voted on Tuesday to approve a new budget that expands bus service "
    "across the northern districts, after months of debate over how to pay for it.",
    "Officials said the plan would add forty new routes by next spring, and that fares "
    "would stay the same for at least two years while ridership is measured.",
    "Critics argued the council had not explained where the money would come from, and "
    "several members said they would push for an independent audit later this year.",
]


def page(*inside: str) -> str:
    """An article page: a line of ``inside`` before the story, the rest after it."""
    before, *after = inside
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council approves'
        ' bus budget</title></head><body><nav><a href="/">Home</a></nav><article><h1>Council'
        f" approves bus budget</h1><p>{before}</p>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "".join(f"<p>{line}</p>" for line in after)
        + "</article><footer><p>Contact us</p></footer></body></html>"
    )


def stored(html: str) -> list[str]:
    article = article_from_page(html, "https://example.com/news/council-bus-budget")
    return [line for line in article_text(article).splitlines() if line]


@pytest.mark.parametrize(
    "furniture",
    [
        ("Reading time: 4 minutes", "Share this article"),
        ("4 min read", "Listen to this article"),
        ("5 minute read", "Share this story"),
        ("Listen to this story", "Subscribe to read the full story"),
        ("Reading time 3 mins", "Subscribe to continue reading"),
        ("Listen to article", "Already a subscriber? Log in to continue reading"),
        ("2 min read", "Topics: Transport, Council, Budget"),
    ],
)
def test_furniture_inside_the_article_is_left_out(furniture):
    assert stored(page(*furniture)) == ["Council approves bus budget", *STORY]


@pytest.mark.parametrize(
    "sentence",
    [
        "Reading time for children fell by 20 minutes a day, the survey found.",
        "Share this article's findings with caution, the authors warned.",
        "The story of the 4 min read began with a single tweet.",
        "Subscribe to read the full story of how the depot was sold.",
        "The Story",
        "Articles",
        "Topics: the council discussed three of them, housing, roads and schools.",
        "Tags: the police said vandals tagged twelve buses at the depot overnight.",
        "Share this article with your MP, the council urged residents on Monday.",
    ],
)
def test_a_sentence_or_heading_with_those_words_is_kept(sentence):
    assert sentence in stored(page(sentence))


def test_a_gallery_with_a_short_introduction_keeps_its_story():
    """A gallery's text is short: trafilatura then reads it with its fallback, the whole
    page on one line, ending in the last photo's credit. That line holds the story: it is
    no caption to leave out."""
    photos = "".join(
        f'<figure><img src="/{i}.jpg" alt="bus {i}"><figcaption>Photo {i + 1} of 8: A bus on '
        f"route N{i}. (Photo: Jane Doe/City Press)</figcaption></figure>"
        for i in range(8)
    )
    html = page(STORY[0]).replace("".join(f"<p>{p}</p>" for p in STORY), photos)
    assert STORY[0] in " ".join(stored(html))


@pytest.mark.parametrize(
    "meter",
    [
        "You have reached your limit of free articles.",
        "You have 2 free articles left this month.",
        "This is your last free story this month.",
        "You've read all of your free articles for this month. Subscribe for full access.",
    ],
)
def test_a_paywalls_count_of_free_articles_is_left_out(meter):
    assert stored(page(STORY[0], meter)) == ["Council approves bus budget", *STORY]


@pytest.mark.parametrize(
    "sentence",
    [
        "The library lends free stories on tape to residents who cannot read print.",
        "Free articles of clothing were handed out to families at the depot, the council said.",
        "Our stories will stay free for everyone, the paper's editor told readers on Monday.",
        "\u201cWe keep our articles free,\u201d the publisher said of the city's paper.",
    ],
)
def test_a_sentence_about_free_articles_is_kept(sentence):
    assert sentence in stored(page(STORY[0], sentence))
