"""Lines of a page's furniture that the extractor keeps with the story: a video player's
switch and countdown, a gallery's counters under its pictures, a section's name as a
kicker above the headline, the label over the notes that end a text. Read from a real
page through the extractor, left out of the stored text; the story's own lines stay."""

from __future__ import annotations

import pytest

from tests.summaries.test_article_top_labels import STORY, TITLE, stored


def page(body: str, lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{TITLE}'
        f'</title></head><body><nav><a href="/">Home</a></nav><article>{body}</article>'
        "</body></html>"
    )


def paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


@pytest.mark.parametrize(
    "controls",
    ["Autoplay: On | Up next in 5 seconds", "Autoplay: Off", "Lecture automatique : activé"],
)
def test_a_video_players_switch_and_countdown_are_left_out(controls):
    body = f'<div class="player"><p class="autoplay">{controls}</p></div><h1>{TITLE}</h1>'
    assert stored(page(body + paragraphs(STORY))) == [TITLE, *STORY]


@pytest.mark.parametrize(
    ("counter", "lang"),
    [
        ("{n} / 3", "nl"),
        ("Photo {n} of 3", "en"),
        ("Foto {n} von 3", "de"),
        ('<span class="credit">(Ansa)</span><span class="num">{n} di 3</span>', "it"),
        ("Zdjęcie {n} z 3", "pl"),
    ],
)
def test_a_gallerys_counters_are_left_out_and_its_captions_kept(counter, lang):
    pictures = "".join(
        f'<div class="photo"><img src="/{n}.jpg" alt=""><p>{caption}</p>'
        f"<p>{counter.format(n=n)}</p></div>"
        for n, caption in enumerate(STORY, 1)
    )
    assert stored(page(f"<h1>{TITLE}</h1>{pictures}", lang)) == [TITLE, *STORY]


@pytest.mark.parametrize("count", ["3 of 12 councillors voted against", "1/4", "3/12"])
def test_a_count_a_quantity_or_a_date_in_the_text_is_kept(count):
    # "1/4" alone is a recipe's quarter cup, "3/12" a date: no gallery writes its counter so
    assert count in stored(page(f"<h1>{TITLE}</h1>" + paragraphs([*STORY, count])))


@pytest.mark.parametrize(
    ("kicker", "lang"),
    [("Analysis", "en"), ("Opinion", "en"), ("Exclusive", "en"), ("Kommentar", "de"),
     ("Opinión", "es"), ("Analisi", "it")],
)
def test_a_sections_name_above_the_headline_is_left_out(kicker, lang):
    body = f'<p class="kicker">{kicker}</p><h1>{TITLE}</h1>' + paragraphs(STORY)
    assert stored(page(body, lang)) == [TITLE, *STORY]


def test_a_section_word_in_the_text_is_kept():
    body = f"<h1>{TITLE}</h1>" + paragraphs([STORY[0], "Analysis", *STORY[1:]])
    assert stored(page(body)) == [TITLE, STORY[0], "Analysis", *STORY[1:]]


@pytest.mark.parametrize(("label", "lang"), [("Notes", "en"), ("Anmerkungen", "de")])
def test_the_label_over_the_notes_that_end_the_text_is_left_out(label, lang):
    notes = ["ECB monetary policy statement, June 6, 2024.", "ECB wage data, May 23, 2024."]
    body = (
        f"<h1>{TITLE}</h1>{paragraphs(STORY)}<h2>{label}</h2><ol>"
        + "".join(f"<li>{note}</li>" for note in notes)
        + "</ol>"
    )
    assert stored(page(body, lang)) == [TITLE, *STORY, *(f"- {note}" for note in notes)]
