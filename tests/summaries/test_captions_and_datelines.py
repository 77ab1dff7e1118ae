"""A photo's caption above the story and the dateline that opens it: neither is a
sentence of the story, and a briefing opens with neither."""

from __future__ import annotations

import pytest

from summaries import Article, SummaryOptions, summarize
from summaries.clean import clean_text, main_text

STORY = {
    "english": (
        "LONDON (Reuters) - ",
        [
            "Firefighters battled a large blaze at a warehouse in east London on Monday, "
            "the city's fire brigade said.",
            "About sixty firefighters and ten engines were sent to the site, and nearby "
            "roads were closed for the afternoon.",
            "The cause of the fire was not yet known, a spokesperson for the brigade said.",
            "Residents were told to keep their windows shut because of the smoke over the area.",
        ],
        "Firefighters on the roof of the burning warehouse in east London",
    ),
    "french": (
        "PARIS, 3 mars (AFP) - ",
        [
            "Un important incendie a ravagé un entrepôt dans le nord de Paris lundi, ont "
            "indiqué les pompiers.",
            "Une soixantaine de pompiers ont été mobilisés et plusieurs rues ont été fermées "
            "dans l'après-midi.",
            "L'origine du feu n'était pas encore connue lundi soir, selon la préfecture.",
            "Les habitants du quartier ont été invités à garder leurs fenêtres fermées.",
        ],
        "Des pompiers sur le toit de l'entrepôt en feu dans le nord de Paris",
    ),
    "spanish": (
        "MADRID, 3 de marzo (EFE) - ",
        [
            "Un gran incendio destruyó el lunes un almacén en el norte de Madrid, según "
            "informaron los bomberos.",
            "Unos sesenta bomberos acudieron al lugar y varias calles fueron cortadas durante "
            "la tarde.",
            "La causa del fuego aún no se conocía el lunes por la noche, según la policía.",
            "Se pidió a los vecinos que mantuvieran las ventanas cerradas por el humo.",
        ],
        "Bomberos en el tejado del almacén en llamas en el norte de Madrid",
    ),
}
CREDITS = {
    "english": "(Photo: Jane Doe)",
    "french": "(Photo : Jean Dupont)",
    "spanish": "(Foto: EFE)",
}


def sentences(language: str) -> list[str]:
    return STORY[language][1]


@pytest.mark.parametrize("language", sorted(STORY))
def test_a_dateline_with_a_written_out_date_leaves_the_lede(language: str) -> None:
    """ "PARIS, 3 mars (AFP) - ": a month in lowercase after the day is the dateline's date."""
    dateline, lede, _ = STORY[language]
    raw = "\n\n".join([dateline + lede[0], *lede[1:]])
    assert clean_text(raw, language=language).split("\n\n") == lede


@pytest.mark.parametrize("language", sorted(STORY))
@pytest.mark.parametrize("ending", ["", "."])
def test_a_caption_with_its_credit_before_the_dateline_leaves(language: str, ending: str) -> None:
    """A caption ending in its credit in brackets, with or without a full stop after it,
    is no sentence: it leaves, and the dateline below it too."""
    dateline, lede, caption = STORY[language]
    line = f"{caption} {CREDITS[language]}{ending}"
    raw = "\n\n".join([line, dateline + lede[0], *lede[1:]])
    assert line not in main_text(raw)
    assert clean_text(raw, language=language).split("\n\n") == lede


@pytest.mark.parametrize("language", sorted(STORY))
def test_a_caption_glued_before_the_dateline_leaves(language: str) -> None:
    """The caption and its credit glued to the paragraph the dateline opens go with it."""
    dateline, lede, caption = STORY[language]
    raw = "\n\n".join([f"{caption} {CREDITS[language]}. {dateline}{lede[0]}", *lede[1:]])
    assert clean_text(raw, language=language).split("\n\n") == lede


def test_a_bracket_about_a_photo_in_a_sentence_is_no_credit() -> None:
    """A sentence that ends in brackets about a photo, no credit's label opening them,
    stays, and so does the dateline-free lede after it."""
    _, lede, _ = STORY["english"]
    said = "The museum released the only known image of the ship (a photograph from 1920)."
    assert clean_text("\n\n".join([said, *lede])).split("\n\n") == [said, *lede]


@pytest.mark.parametrize("language", sorted(STORY))
def test_a_caption_never_opens_a_briefing(language: str) -> None:
    """A caption ending in its credit, inside the first paragraph with no dateline after
    it, is a fragment: the briefing opens with the lede."""
    _, lede, caption = STORY[language]
    text = "\n\n".join([f"{caption} {CREDITS[language]}. {lede[0]}", *lede[1:]])
    briefing = summarize(Article("", text, language=language), SummaryOptions(sentences=2))
    assert briefing.sentences[0] == lede[0]
    assert not any(CREDITS[language] in s for s in briefing.sentences)


@pytest.mark.parametrize("language", sorted(STORY))
def test_a_paragraph_of_sentences_that_ends_in_a_credit_keeps_its_sentences(
    language: str,
) -> None:
    """A credit in brackets at the end of a paragraph of several sentences (a photo set
    inside the text) makes no caption of them: they stay, in the main text and among the
    sentences."""
    _, lede, _ = STORY[language]
    paragraph = f"{lede[1]} {lede[2]} {lede[3][:-1]} {CREDITS[language]}."
    raw = "\n\n".join([lede[0], paragraph])
    assert paragraph in main_text(raw)
    assert clean_text(raw, language=language).split("\n\n") == [lede[0], paragraph]


def test_a_short_caption_of_two_sentences_with_its_credit_leaves() -> None:
    """A caption may say two short things before its credit: short, it is still one."""
    _, lede, _ = STORY["english"]
    caption = "Firefighters on the roof. The blaze began at noon (Photo: Jane Doe)."
    raw = "\n\n".join([lede[0], caption, *lede[1:]])
    assert main_text(raw).split("\n\n") == lede


def test_a_bracket_of_a_label_and_a_word_in_lowercase_after_a_slash_is_no_credit() -> None:
    """ "(credit/debit cards accepted)" ends a sentence of the story; "[Photo/Xinhua]",
    an outlet's name after the slash, is a credit."""
    _, lede, _ = STORY["english"]
    said = "Tickets cost ten pounds at the gate and children go free (credit/debit cards accepted)."
    paragraphs = [lede[0], said, lede[1]]
    assert main_text("\n\n".join(paragraphs)).split("\n\n") == paragraphs
    caption = "Firefighters on the roof of the burning warehouse [Photo/Xinhua]."
    assert main_text("\n\n".join([lede[0], caption, lede[1]])).split("\n\n") == lede[:2]
