"""Readability reads an article only as far as a briefing asks: what it finds of the
first sentences is what reading the whole article finds, however the paragraphs after
them go on (a quotation, a colon, a speaker named after the words)."""

from __future__ import annotations

import pytest

from summaries.summarize.readable import Readability

CASES = [
    (  # a quotation naming nobody that goes on in the next paragraphs up to its speaker
        "english",
        [
            ['"We will not give up.'],
            ['"We have done it before.'],
            ['"We will do it again," said Anna Berg, the mayor.'],
            ["The vote is on Friday."],
        ],
    ),
    (  # a colon that ends a paragraph introduces the next one
        "english",
        [["The minister said one thing:"], ["Taxes will rise next year."], ["It is late."]],
    ),
    (  # the paragraph after a quotation names its speaker
        "swedish",
        [
            ["Kommunen stänger skolan i juni."],
            ['"Vi har inget val.'],
            ["Det säger Anna Nilsson, ordförande i nämnden."],
            ["Beslutet tas i maj."],
        ],
    ),
    (  # an interview: a colon before an answer's label naming nobody, a label with a comma
        "english",
        [
            ["Host John Smith: Why did you close the bridge?"],
            ["Mayor Anna Berg: It was unsafe, and the engineers told us so:"],
            ["Answer: We had no choice."],
            ["Host, John Smith: And the ferries?"],
            ["A: Two more every hour."],
        ],
    ),
    (  # a quotation in an answer that runs on past the interviewer's label to its speaker
        "english",
        [
            ["Q: What did you tell the workers?"],
            ['A: "We will not give up.'],
            ["Host John Smith: Said who?"],
            ['"We will win," said Anna Berg.'],
            ["Q: And then?", "A: Then the strike began."],
        ],
    ),
]


def _facts(readability: Readability, index: int) -> tuple[object, ...]:
    return (
        readability.stands_alone(index),
        readability.needs(index),
        readability.speaker(index),
        readability.blocked(index),
        readability.unit(index),
        readability.cost([index]),
        readability.render([index], 1000),
    )


@pytest.mark.parametrize(("language", "paragraphs"), CASES)
def test_the_first_sentences_read_alone_as_in_the_whole_article(language, paragraphs):
    for index in range(sum(map(len, paragraphs))):
        whole = Readability.of_paragraphs(paragraphs, language)
        whole.passages()  # (reads every sentence)
        asked = Readability.of_paragraphs(paragraphs, language)
        assert _facts(asked, index) == _facts(whole, index)
