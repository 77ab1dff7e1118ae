"""The cheap tests before the furniture rules of other languages tell what the rules would.

A print stamp, a paywall's label and a date stamp of German, French, Spanish, Italian,
Portuguese or Dutch (summaries.clean._stamps, _date_tokens) each reach the main text's
rules through a cheap test first (is_notice's _may_be_notice, the long date stamp's
test): for each family's lines, written with their accents and without them, the
answer with the cheap test is the answer of the rules alone.
"""

from __future__ import annotations

import unicodedata

import pytest

from summaries.clean._clutter import _BUTTON_LABELS, _CALL_OPENINGS, _COPYRIGHT_PHRASES, _LABELS
from summaries.clean._labels import is_credit, lower
from summaries.clean._main import _is_date_stamp, _kept, _long_stamp, word_count
from summaries.clean._rules import is_notice
from summaries.clean._stamps import _ACCOUNT_QUESTIONS, _PRINT_LABELS, account_question
from summaries.folding import without_latin_accents
from tests.summaries.test_clean_fast_paths import NOTICES, _dev_lines, _notice_rules


def _unaccented(text: str) -> str:
    """`text` without its accents, as a page typed without them writes it."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _both(lines: list[str]) -> list[str]:
    return sorted({form for line in lines for form in (line, _unaccented(line))})


def _capitalised(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


PRINT_STAMPS = [
    f"{_capitalised(label)}{sep}{address}"
    for label in _PRINT_LABELS
    for sep in (" ", ": ", " : ")
    for address in ("https://www.harbour.example/politik/1", "harbour.example")
]
ACCOUNT_LINES = [
    f"{button} {_capitalised(question)}? {after}"
    for question in _ACCOUNT_QUESTIONS
    for button, after in (("Abonnieren", "Anmelden"), ("Assine", "Entrar"), ("S'abonner", ""))
]
PAYWALL_LABELS = [
    "Dieser Artikel ist nur für Abonnenten",
    "Article réservé aux abonnés",
    "Contenu exclusif pour les abonnés",
    "Contenido exclusivo para suscriptores",
    "Articolo riservato agli abbonati",
    "Este artigo é exclusivo para assinantes",
    "Dit artikel is alleen voor abonnees",
]
# Each family's sentences that hold its words and more: the story's, by either answer
SENTENCES = [
    "Gedruckt von der Stadtdruckerei wurde der Plan am Montag verteilt.",
    "Imprimé depuis 1998, le journal a fermé ses portes hier soir.",
    "Já é assinante há dez anos, disse o presidente da câmara.",
    "Der Verlag sagt, dieser Artikel ist nur für Abonnenten gedacht gewesen.",
]
NOTICE_LINES = _both([*NOTICES, *PRINT_STAMPS, *ACCOUNT_LINES, *PAYWALL_LABELS, *SENTENCES])


@pytest.mark.parametrize("line", NOTICE_LINES)
def test_is_notice_answers_with_its_cheap_test_as_its_rules_do(line: str) -> None:
    by_rules = is_credit(line) or line[0] == "#" or _notice_rules(line)
    assert is_notice.__wrapped__(line) == by_rules, lower(line)


def test_every_clutter_phrase_of_every_language_is_told_with_the_cheap_test_as_without() -> None:
    """Each link label, call, copyright and button of summaries.clean._clutter, alone and
    in the lines it opens, closes or is bracketed in, with its accents and without."""
    phrases = {*_LABELS, *_CALL_OPENINGS, *_COPYRIGHT_PHRASES, *_BUTTON_LABELS}
    shapes = ("{}", "{}: Le pont du port ferme", "{} Facebook Twitter", "Harbour 2024 {}", "[{}]")
    lines = _both([_capitalised(shape.format(p)) for p in phrases for shape in shapes])
    differ = [
        line
        for line in lines
        if is_notice.__wrapped__(line) != (is_credit(line) or _notice_rules(line))
    ]
    assert differ == []
    assert len(lines) > 1000


def test_the_new_languages_print_stamps_and_labels_are_notices() -> None:
    written = [*PRINT_STAMPS, *PAYWALL_LABELS]
    assert all(is_notice.__wrapped__(line) for line in written)
    assert not any(is_notice.__wrapped__(line) for line in SENTENCES)


# Stamps of when a story was published and updated, of 16 to 24 words, opening with a
# stamp's word, a date, the article's small words or its author; and prose that holds dates
LONG_LINES = [
    "Publié le mardi 3 mars 2026 à 10h15, mis à jour le mercredi 4 mars 2026 à 08h00",
    "Veröffentlicht am 3. März 2026 um 10:15 Uhr, aktualisiert am 4. März 2026 um 08:00 Uhr",
    "Le mardi 3 mars 2026 à 10h15, mis à jour le mercredi 4 mars 2026 à 08h00",
    "El 3 de marzo de 2026 a las 10:15 publicado, actualizado el 4 de marzo de 2026 a las 11:00",
    "Il martedì 3 marzo 2026 alle 10:15 pubblicato, aggiornato il mercoledì 4 marzo 2026 alle 8",
    "Op dinsdag 3 maart 2026 om 10:15 gepubliceerd, bijgewerkt op woensdag 4 maart 2026 om 08:00",
    "Em 3 de março de 2026 às 10h15 publicado, atualizado em 4 de março de 2026 às 08h00",
    "— Publié le mardi 3 mars 2026 à 10h15, mis à jour le mercredi 4 mars 2026 à 08h00",
    "By Jenny Smith, published April 2, 2023 at 10:15 am, updated April 3, 2023 at 9:00 am",
    "Por Ana Pérez, publicado el 3 de marzo de 2026 a las 10:15, actualizado el 4 de marzo",
    "Updated: 14 March 2024 08:15 GMT, first published on 13 March 2024 at 07:00 GMT by staff",
    "Von Anna Muster, veröffentlicht am 3. März 2026 um 10:15 Uhr, aktualisiert am 4. März 2026",
    "The council met on 3 March 2026 at 10:15 and voted to close the bridge by 4 March 2026",
    "Le conseil a voté le mardi 3 mars 2026 à 10h15 la fermeture du pont pour la saison",
]


@pytest.mark.parametrize("line", _both(LONG_LINES))
def test_a_long_line_is_a_stamp_by_its_cheap_test_as_by_the_rule(line: str) -> None:
    assert 15 < word_count(line) <= 24
    assert _long_stamp(line) == _is_date_stamp(line.split(" "), False)


@pytest.mark.parametrize("line", LONG_LINES[:9])
def test_long_date_stamps_leave_the_main_text(line: str) -> None:
    assert _kept(line, False) == ""


def test_no_long_line_of_the_dev_texts_is_a_stamp_by_one_answer_alone() -> None:
    lines = [line for line in _dev_lines() if 15 < word_count(line) <= 24]
    if not lines:
        pytest.skip("the dev texts are not there")
    differ = [line for line in lines if _long_stamp(line) != _is_date_stamp(line.split(" "), False)]
    assert differ == []
    assert len(lines) > 1000


def _asks_anywhere(low: str) -> bool:
    """Whether the lowercase line `low` asks a paywall's question anywhere, by looking for
    each one (what account_question's test by the last word stands in front of), both
    without their accents."""
    bare = without_latin_accents(low)
    return any(f"{q}?" in bare or f"{q} ?" in bare for q in _ACCOUNT_QUESTIONS)


# A question's line with another "?" before it: a button asking too, a second question
QUESTION_LINES = [
    *ACCOUNT_LINES,
    "Subscribe? Already a subscriber? Log in",
    "Abonnieren? Bereits Abonnent? Anmelden",
    "Jetzt abonnieren? Bereits Abonnent? Anmelden",
    "Pas encore abonné ? Déjà abonné ? Se connecter",
    "Was this helpful? Already a subscriber? Log in",
    "Why did the council vote? Nobody knows.",
]


@pytest.mark.parametrize("line", _both(QUESTION_LINES))
def test_a_paywalls_question_is_found_by_its_cheap_test_wherever_it_stands(line: str) -> None:
    assert bool(account_question(lower(line))) == _asks_anywhere(lower(line))


@pytest.mark.parametrize("line", QUESTION_LINES[-6:-3])
def test_buttons_around_a_question_after_another_question_leave_the_main_text(line: str) -> None:
    assert _kept(line, False) == ""
