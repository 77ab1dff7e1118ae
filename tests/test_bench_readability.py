"""bench/readability.py's judge: each fault it counts is found, and a sound briefing has none."""

from __future__ import annotations

import pytest

ARTICLE = "\n\n".join(
    [
        "The harbour board approved a new flood wall for the old town on Monday evening.",
        "Work starts in May and is expected to take two years. It will cost 40 million euros.",
        "Mayor Ilse Brandt spoke to reporters after the vote.",
        '"This wall protects four thousand homes. We waited long enough."',
        "Residents were told to expect road closures near the quay:",
        "Quay Street, the ferry ramp and the fish market will close in turn.",
        'Engineers said the design "can be raised later" if the sea rises faster.',
        "He added that the old wall would stay as a walkway. But some shop owners object.",
    ]
)


@pytest.fixture(scope="module")
def judge(readability_bench):
    bench = readability_bench
    task = bench.Task("test", "Flood wall approved", ARTICLE, 3, 1000)
    return lambda briefing: bench.faults(briefing, task), bench.FAULTS


def test_a_briefing_of_whole_sentences_from_the_lede_has_no_fault(judge):
    faults, _ = judge
    assert (
        faults(
            [
                "The harbour board approved a new flood wall for the old town on Monday evening.",
                "Work starts in May and is expected to take two years.",
            ]
        )
        == set()
    )


def test_each_fault_is_counted(judge):
    faults, names = judge
    unbalanced, dangling, colon, speakerless = names
    lede = "The harbour board approved a new flood wall for the old town on Monday evening."
    assert faults([lede, '"This wall protects four thousand homes.']) >= {unbalanced}
    assert faults(["He added that the old wall would stay as a walkway."]) == {dangling}
    assert faults(["But some shop owners object."]) == {dangling}
    assert faults([lede, "Residents were told to expect road closures near the quay:"]) == {colon}
    quote = '"This wall protects four thousand homes. We waited long enough."'
    assert faults([lede, quote]) == {speakerless}  # the mayor, named before it, was cut


def test_a_quotation_with_its_speaker_or_one_that_names_its_speaker_is_sound(judge):
    faults, _ = judge
    mayor = "Mayor Ilse Brandt spoke to reporters after the vote."
    quote = '"This wall protects four thousand homes. We waited long enough."'
    assert faults([mayor, quote]) == set()
    engineers = 'Engineers said the design "can be raised later" if the sea rises faster.'
    assert faults([engineers]) == set()  # words outside the quotation name who said it


def test_a_quotation_that_opens_the_article_needs_its_speaker_named_where_it_ends(
    readability_bench,
):
    bench = readability_bench
    text = "\n\n".join(
        [
            '"The ferry loses money on every crossing. We kept it running for ten years.',
            '"We cannot do it any longer," said Ruth Hale, who owns the ferry company.',
            "The ferry carries about 200 passengers a day.",
        ]
    )
    task = bench.Task("test", "Ferry to stop", text, 2, 1000)
    (speakerless,) = set(bench.FAULTS[3:])
    first = '"The ferry loses money on every crossing."'
    assert bench.faults([first], task) == {speakerless}  # Ruth Hale, named after, was cut
    assert bench.faults([first, text.split("\n\n")[2]], task) == {speakerless}
    whole = ['"The ferry loses money on every crossing.', 'We kept it running for ten years."']
    assert bench.faults([*whole, text.split("\n\n")[1]], task) == set()  # as briefed
    nobody = "\n\n".join(['"We will not pay the ransom."', "The port stayed shut on Tuesday."])
    task = bench.Task("test", "Port shut", nobody, 1, 1000)
    assert bench.faults(['"We will not pay the ransom."'], task) == set()  # nobody is named


def test_a_quotation_whose_speaker_the_next_paragraph_names_needs_that_paragraph(
    readability_bench,
):
    """Nordic news: '”...”' then "Det säger Anna Nilsson." ("That is what she says")."""
    bench = readability_bench
    paragraphs = [
        "Kommunen i Kiruna lägger ned två av sina fyra fritidsgårdar från januari.",
        "Beslutet väcker protester bland föräldrarna i stadsdelen Lombolo.",
        "”Vi ska inte ge upp. Barnen behöver en plats att vara på efter skolan.”",
        "Det säger Anna Nilsson, ordförande i föräldraföreningen.",
        "Kommunen räknar med att spara fyra miljoner kronor per år.",
    ]
    task = bench.Task("test", "Fritidsgårdar läggs ned", "\n\n".join(paragraphs), 3, 1000)
    speakerless, dangling = bench.FAULTS[3], bench.FAULTS[1]
    quote, speaker = paragraphs[2], paragraphs[3]
    assert bench.faults([quote, speaker], task) == set()
    assert bench.faults(["”Barnen behöver en plats att vara på efter skolan.”", speaker], task) == (
        set()
    )
    # not the sentence before it, which names nobody
    assert bench.faults([paragraphs[1], quote], task) == {speakerless}
    assert bench.faults([speaker, paragraphs[4]], task) == {dangling}
