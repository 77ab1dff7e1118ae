"""A speaker's label opening a paragraph of a transcript ("Anchor: ...") stays in the
stored text and leaves the briefing's sentence; a quotation keeps the speaker before it."""

from __future__ import annotations

import pytest

from summaries import Article, SummaryOptions, summarize
from summaries.summarize import article_texts
from summaries.summarize.readable import Readability

TRANSCRIPT = [
    "Anchor: After heavy downpours overnight, the river through the old town burst its "
    "banks early on Tuesday morning.",
    "Reporter: Firefighters spent the night pumping water out of cellars along the "
    "embankment, and the main bridge was closed to traffic.",
    "Reporter: The city council said the flood barriers ordered last year had not yet "
    "been delivered by the manufacturer.",
    "Jane Doe: Forecasters expect more rain on Thursday, and the council has opened two "
    "shelters for families whose homes were flooded.",
]
LABELS = ("Anchor: ", "Reporter: ", "Reporter: ", "Jane Doe: ")
KOREAN = [
    "앵커: 밤사이 내린 폭우로 구도심을 가로지르는 강이 화요일 새벽 범람했습니다.",
    "기자: 소방대원들은 밤새 제방을 따라 지하실의 물을 퍼냈고, 주요 다리는 통행이 금지됐습니다.",
    "이민수 기자: 시의회는 지난해 주문한 홍수 방벽이 아직 납품되지 않았다고 밝혔습니다.",
]


@pytest.mark.parametrize("method", ["default", "lead", "textrank", "lexrank", "luhn"])
def test_a_briefing_sentence_does_not_open_with_a_speakers_label(method: str) -> None:
    """Each sentence of the briefing is a paragraph's sentence after its label."""
    article = Article("Floods in the old town", "\n\n".join(TRANSCRIPT))
    briefing = summarize(article, SummaryOptions(sentences=4, method=method)).sentences
    after_labels = [
        text.removeprefix(label) for text, label in zip(TRANSCRIPT, LABELS, strict=True)
    ]
    assert list(briefing) == after_labels


def test_the_stored_text_keeps_the_labels() -> None:
    """What the archive stores and search finds is the transcript as it was."""
    text, sentences, _ = article_texts(Article("Floods", "\n\n".join(TRANSCRIPT)))
    assert text.split("\n\n") == TRANSCRIPT
    assert sentences.split("\n\n") == TRANSCRIPT


def test_a_korean_reporters_label_leaves_the_briefing() -> None:
    """A label in a script without case ("앵커:", "이민수 기자:") is one too."""
    article = Article("홍수", "\n\n".join(KOREAN), language="korean")
    briefing = summarize(article, SummaryOptions(sentences=3)).sentences
    assert list(briefing) == [text.split(": ", 1)[1] for text in KOREAN]


@pytest.mark.parametrize(
    "opening",
    [
        # a quotation after the colon: the label names its speaker
        'Mayor Lee: "We will rebuild the embankment before the winter storms arrive."',
        # a clause in lowercase after it: the label's word opens the sentence
        "Result: a narrow vote for the new flood barriers along the embankment.",
        # three words, or a word in lowercase, before the colon: no speaker's label
        "The city council: Members voted for the new flood barriers along the embankment.",
        "Our verdict: The new flood barriers along the embankment came too late.",
        # a list or a fact's value after the label: it says what they are
        "Volunteers: Jane Doe, John Roe, Mary Major, Richard Miles and Ann Poe.",
        "Replacements: Roe for Doe (53), Miles for Major (60), Poe for Stiles (71)",
        "CURRENT JOB: Engineer and columnist.",
    ],
)
def test_a_quotations_speaker_or_a_sentences_own_words_stay(opening: str) -> None:
    """What opens a paragraph before a colon stays when it is no speaker's label."""
    texts = [opening, TRANSCRIPT[1]]
    readability = Readability(texts, [True, True], "english")
    assert readability.render([0, 1], 500) == [opening, TRANSCRIPT[1].removeprefix("Reporter: ")]


def test_a_label_inside_a_paragraph_stays() -> None:
    """Only a paragraph's start holds a turn's label."""
    texts = ["The river rose overnight.", "Reporter: Cellars were flooded along the quay."]
    readability = Readability(texts, [True, False], "english")
    assert readability.render([1], 500) == [texts[1]]
    assert Readability(texts, [True, True], "english").render([1], 500) == [texts[1][10:]]


def test_a_sentence_pointing_back_after_its_label_comes_with_the_one_before() -> None:
    """ "Reporter: But ..." opens by pointing back once the label is left out."""
    texts = [
        "The river rose overnight in the old town.",
        "Reporter: But the quay held through the night.",
    ]
    readability = Readability(texts, [True, True], "english")
    assert readability.points_back(1)
    assert readability.dangles({1}) == 1


def test_a_sentence_repeated_after_a_label_is_briefed_once() -> None:
    """A caption that repeats a sentence of the story under a label ("Flooded: ...") is
    the same sentence once the label is left out: the briefing holds it once."""
    repeated = "Reporter: " + TRANSCRIPT[2].removeprefix("Reporter: ")
    text = "\n\n".join([*TRANSCRIPT[:3], "Flooded: " + repeated.split(": ", 1)[1]])
    briefing = summarize(Article("Floods", text), SummaryOptions(sentences=4)).sentences
    assert briefing == tuple(t.split(": ", 1)[1] for t in TRANSCRIPT[:3])
