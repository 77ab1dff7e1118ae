"""What a page sets after the article's last sentence: a run of unpunctuated lines with
the site's call or button in it is a box (a magazine's offer, a newsletter's), not the
story's end; a run without one (a match's facts, a list of dates) stays."""

from __future__ import annotations

from summaries.clean import main_text
from tests.summaries.test_article_furniture import STORY

SHOP_BOX = [
    "« L'état de l'économie » Hors-série n° 72, 2e trimestre 2007,",
    "7,65 euros, port inclus",
    "6,90 euros",
    "Tarifs réduits à partir de 4 exemplaires : nous consulter",
    "Je m’abonne",
    "Le sommaire détaillé",
]
NEWSLETTER_BOX = [
    "The Weekly Transit Guide",
    "Every Friday in your inbox",
    "Sign up for our newsletter",
]
FACTS = [
    "Referee: Josué Ugalde",
    "Attendance: 4,312",
    "Stadium: Estadio Allen Riggioni Suárez",
]


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


def test_a_box_with_a_call_after_the_last_sentence_leaves():
    for box in (SHOP_BOX, NEWSLETTER_BOX):
        assert lines(main_text("\n\n".join(STORY + box))) == STORY, box[0]


def test_a_run_after_the_last_sentence_without_a_call_stays():
    assert lines(main_text("\n\n".join(STORY + FACTS))) == STORY + FACTS


def test_a_box_between_paragraphs_leaves_the_story_after_it():
    # the box is cut as before, line by line: the sentence after it ends the text
    text = main_text("\n\n".join([*STORY[:2], *SHOP_BOX, STORY[2]]))
    assert STORY[2] in lines(text)
    assert "Je m’abonne" not in text


def test_a_table_after_the_last_sentence_stays_with_a_call_near_it():
    table = ["| Route | Buses |", "| N1 | 12 |", "| N2 | 8 |", "Sign up for our newsletter"]
    text = main_text("\n".join(STORY) + "\n\n" + "\n".join(table))
    assert "| N1 | 12 |" in lines(text)


def test_a_run_of_facts_with_a_picture_credit_after_it_stays():
    # a picture's credit names who took a photo wherever it stands: it makes no box of
    # the facts beside it (the credit alone leaves, as everywhere)
    for credit in ("Photo: Reuters", "Foto: dpa", "Crédit photo : AFP"):
        text = main_text("\n\n".join([*STORY, *FACTS, credit]))
        assert lines(text) == STORY + FACTS, credit
