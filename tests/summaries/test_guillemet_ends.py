"""A sentence that ends after a quotation in guillemets or curly quotes, its full stop
glued to the next sentence as a page's markup leaves it: French « … »., Russian «…»."""

import pytest

from summaries.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Il a répondu « non ».Le maire a dit qu'il partirait.",
            "french",
            ["Il a répondu « non ».", "Le maire a dit qu'il partirait."],
        ),
        (
            "Он ответил «нет».Мэр сказал, что уйдёт в отставку.",
            "russian",
            ["Он ответил «нет».", "Мэр сказал, что уйдёт в отставку."],
        ),
        (
            "She called it “a disgrace”.The council met again on Friday.",
            "english",
            ["She called it “a disgrace”.", "The council met again on Friday."],
        ),
        (
            "Er sagte „nein“.Der Bürgermeister ging nach Hause.",
            "german",
            ["Er sagte „nein“.", "Der Bürgermeister ging nach Hause."],
        ),
        (
            "Er sagte »nein«.Der Bürgermeister ging nach Hause.",
            "german",
            ["Er sagte »nein«.", "Der Bürgermeister ging nach Hause."],
        ),
    ],
)
def test_a_full_stop_after_a_closing_quotation_glued_to_a_capital_ends_the_sentence(
    text, language, expected
):
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Voir le chapitre « Ports ».fr pour la suite.", "french"),  # no capital after it
        ("См. «рис».Далее описан метод.", "russian"),  # an abbreviation in the quotation
        ("Le site « port ».COM reste ouvert.", "french"),  # capitals: no sentence's first word
    ],
)
def test_a_closing_quotation_before_no_sentence_start_stays_whole(text, language):
    assert split_sentences(text, language) == [text]
