"""What follows an article on a page read whole: a call to support the site after a
question to the reader, and the comment section, which opens with a prompt to log in
before commenting. Neither reaches the main text or the sentences; the story stays."""

from __future__ import annotations

import pytest

from summaries.clean import clean_text, main_text
from tests.summaries.test_article_furniture import STORY

GERMAN = [
    "Der Stadtrat hat am Dienstag einen neuen Haushalt beschlossen, der den Busverkehr in den "
    "nördlichen Stadtteilen nach monatelangem Streit über die Finanzierung deutlich ausweitet.",
    "Nach Angaben der Verwaltung sollen bis zum nächsten Frühjahr vierzig neue Linien "
    "hinzukommen, und die Fahrpreise bleiben mindestens zwei Jahre lang unverändert.",
    "Kritiker bemängeln, der Rat habe nicht erklärt, woher das Geld kommen soll, und mehrere "
    "Mitglieder wollen noch in diesem Jahr eine unabhängige Prüfung verlangen.",
]
ENGLISH = STORY
GERMAN_AFTER = [
    "Ihnen hat der Artikel gefallen? Bitte helfen Sie uns und spenden Sie jetzt via "
    "Überweisung oder Kreditkarte!",
    "Um selbst Kommentare verfassen zu können müssen Sie sich bitte einloggen.",
    "Die Kommentare werden von Moderatoren stichprobenartig überprüft und freigeschaltet. "
    "Ein Anrecht auf Freischaltung besteht nicht. Ein Kommentar ist auf 1000 Zeichen "
    "beschränkt.",
]
ENGLISH_AFTER = [
    "You must be logged in to post a comment.",
    "I have taken the number 12 bus for twenty years and it has never once been on time.",
]


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


@pytest.mark.parametrize(
    ("story", "after", "language"),
    [(GERMAN, GERMAN_AFTER, "german"), (ENGLISH, ENGLISH_AFTER, "english")],
    ids=["german", "english"],
)
def test_a_support_call_and_the_comment_section_leave_the_text(story, after, language):
    raw = "\n\n".join(story + after)
    assert lines(main_text(raw)) == story
    assert clean_text(raw, language=language).split("\n\n") == story


def test_a_call_after_a_question_in_other_languages_leaves():
    for line in (
        "Vous avez aimé cet article ? Soutenez-nous en faisant un don.",
        "¿Te gustó este artículo? Apóyanos con una donación.",
    ):
        assert lines(main_text("\n\n".join([*ENGLISH, line]))) == ENGLISH, line


def test_a_prompt_over_the_article_leaves_the_story_whole():
    raw = "\n\n".join(["You must be logged in to post a comment.", *ENGLISH])
    assert lines(main_text(raw)) == ENGLISH


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister declined to comment on the register of lobbyists, which opened in May.",
        "Readers who register can comment on stories from Monday, the paper said.",
        "Warum? Spenden sei eine Frage des Vertrauens, sagte die Sprecherin der Caritas.",
    ],
)
def test_a_report_about_comments_or_donations_keeps_the_rest_of_the_story(sentence):
    story = [*ENGLISH[:2], sentence, ENGLISH[2]]
    assert lines(main_text("\n\n".join(story))) == story



INTERVIEW = [
    "Frage: Warum hat die Redaktion die Regeln für Leserkommentare in diesem Jahr geändert?",
    "Antwort: Wegen des Spams. Seit März müssen Sie sich einloggen, um zu kommentieren.",
    "Frage: Ist die Zahl der Kommentare seit der Änderung im Frühjahr deutlich gesunken?",
    "Antwort: Zuerst um ein Drittel, aber sie ist seitdem wieder gestiegen, und die "
    "Debatten sind ruhiger geworden.",
]


def test_a_speaker_who_tells_of_logging_in_to_comment_keeps_the_rest_of_the_interview():
    # a turn of a transcript (its label opens other lines too) is someone's words, not
    # the site's prompt: the interview after it stays
    story = [*GERMAN, *INTERVIEW]
    raw = "\n\n".join(story)
    assert lines(main_text(raw)) == story
    assert clean_text(raw, language="german").split("\n\n") == story


def test_a_labelled_prompt_after_the_article_still_opens_the_comment_section():
    labelled = "Hinweis: Um selbst Kommentare verfassen zu können, müssen Sie sich einloggen."
    raw = "\n\n".join([*GERMAN, labelled, *GERMAN_AFTER[2:]])
    assert lines(main_text(raw)) == GERMAN
    assert clean_text(raw, language="german").split("\n\n") == GERMAN


WRAPPED = """The city council met on Monday to discuss the new harbour bridge and the
plans for the ferry terminal, which have been delayed for two years by
disputes over money between the port authority and the regional government.
The mayor said that the works would start in the spring and last eight
months, while the ferries would keep running from a temporary pier nearby.
Asked about the lobbying around the contract, the minister declined to
comment on the register of lobbyists, which opened in May, and said that
every meeting with the builders had been recorded and published online in
full, as the law has required since last year for every public contract.
The council will vote on the final budget for the bridge in two weeks."""


def test_a_hard_wrapped_line_that_opens_with_comment_keeps_the_rest_of_the_text():
    # a line of a text wrapped at a fixed width opens mid-sentence ("comment on the
    # register ..."): no prompt, which opens as a sentence does
    paragraphs = [" ".join(WRAPPED.splitlines()[i:j]) for i, j in ((0, 3), (3, 5), (5, 9))]
    expected = [*paragraphs, WRAPPED.splitlines()[-1]]
    assert lines(main_text(WRAPPED)) == expected
    cleaned = clean_text(WRAPPED)
    assert "declined to comment on the register of lobbyists" in cleaned
    assert cleaned.endswith(expected[-1])
