"""In an interview or a transcript, a label naming a person keeps its speaker in the
briefing ("Rick: I got into tech ..."), the interviewer's questions are never briefed as
facts, and a role's label, a kicker or a dateline still leaves the briefing."""

from __future__ import annotations

import time

import pytest

from summaries import Article, SummaryOptions, summarize
from summaries.sentences import split_sentences
from summaries.summarize.readable import Readability

METHODS = ["default", "lead", "textrank", "lexrank", "luhn"]

ENGLISH = [
    "Rick Alvarez spent eleven years as a bond trader in Chicago before he taught himself "
    "to program at the age of forty.",
    "Interviewer: What made you leave a well-paid job in finance for a junior developer's desk?",
    "Rick: I got into tech because I was tired of watching software decide trades I could "
    "not explain. Writing the code turned out to be the interesting part of the job.",
    "Interviewer: Was it hard to find work at forty with no degree in computing?",
    "Rick: Every company I applied to said my age was a risk, and most never called back. "
    "One startup in Denver finally offered me a three-month trial.",
    "Interviewer: What would you tell someone thinking about the same move?",
    "Rick: Start building small things at night long before you quit, because nobody hires a plan.",
]
GERMAN = [
    "Felix Stalder lehrt digitale Kultur an der Zürcher Hochschule der Künste und forscht "
    "seit zwanzig Jahren über die Folgen des Internets für die Gesellschaft.",
    "Frage: Herr Stalder, Sie sagen, das offene Netz sei endgültig am Ende.",
    "Felix Stalder: Das Netz ist heute in der Hand weniger Konzerne, die bestimmen, was "
    "wir sehen und was nicht. Öffentliche Debatten finden fast nur noch auf ihren "
    "Plattformen statt.",
    "Frage: Gibt es denn überhaupt noch einen Weg zurück?",
    "Felix Stalder: Nur wenn Städte und Gemeinden eigene Plattformen bauen und die "
    "Menschen sie auch im Alltag nutzen.",
    "Frage: Warum sind Sie trotz allem so zuversichtlich?",
    "Felix Stalder: Weil junge Leute längst wieder eigene Server betreiben und ihre "
    "Gemeinschaften selbst verwalten.",
]
KOREAN = [
    "김서연 교수는 이십 년 동안 서울의 대기오염을 연구해 왔습니다.",
    "앵커: 올해 미세먼지가 유난히 심했던 이유는 무엇입니까?",
    "김서연: 중국에서 넘어오는 먼지보다 국내 경유차와 발전소 배출이 더 큰 원인이었습니다.",
    "앵커: 정부의 대책은 충분하다고 보십니까?",
    "김서연: 노후 경유차 단속은 효과가 있었지만, 석탄 발전소 감축 속도는 여전히 너무 느립니다.",
]
CHINESE = [
    "清华大学教授李明长期研究人工智能对就业的影响。",
    "主持人：人工智能会让很多人失去工作吗？",
    "李明：我认为人工智能会改变很多工作，但不会让人无事可做。新的岗位已经在各地出现。",
    "主持人：年轻人应该怎样为将来的工作做准备？",
    "李明：最重要的是学会和机器一起工作，而不是和机器竞争。",
]
JAPANESE = [
    "東京大学の山田花子准教授は、日本近海の水温の変化を十年以上調べてきた。",
    "記者：今回の研究で何が一番驚きでしたか？",
    "山田：海の温度が予想よりずっと早く上がっていることです。漁業への影響はすでに出ています。",
    "記者：対策はありますか？",
    "山田：まず漁獲量の管理を見直し、地域ごとに新しい魚種に合わせた漁法を試す必要があります。",
]
# scripts writing vowels and tone marks as combining marks, inside a label's words too
HINDI = [
    "सुनीता शर्मा पिछले बीस वर्षों से दिल्ली की हवा में प्रदूषण का अध्ययन कर रही हैं।",
    "संवाददाता: इस साल दिल्ली में प्रदूषण इतना ज़्यादा क्यों रहा?",
    "सुनीता: पराली जलाने के साथ-साथ गाड़ियों का धुआँ सबसे बड़ा कारण रहा। सर्दियों में हवा रुक जाती है।",
    "संवाददाता: सरकार को इस बारे में अब क्या करना चाहिए?",
    "सुनीता: पुरानी डीज़ल गाड़ियों पर रोक और सार्वजनिक परिवहन में निवेश सबसे ज़रूरी है।",
]
THAI = [
    "นายสมชาย ใจดี ทำงานวิจัยเรื่องน้ำท่วมในกรุงเทพมาเป็นเวลายี่สิบปี",
    "ผู้สื่อข่าว: ทำไมปีนี้น้ำท่วมหนักกว่าทุกปี?",
    "สมชาย: ฝนตกหนักกว่าปกติมากและระบบระบายน้ำเก่าเกินไปแล้ว",
    "ผู้สื่อข่าว: รัฐบาลควรทำอย่างไร?",
    "สมชาย: ต้องลงทุนในอุโมงค์ระบายน้ำและย้ายชุมชนออกจากพื้นที่เสี่ยง",
]
# each interview, and the labels of its interviewee and of its interviewer
INTERVIEWS = {
    "english": (ENGLISH, "Rick: ", "Interviewer: "),
    "german": (GERMAN, "Felix Stalder: ", "Frage: "),
    "korean": (KOREAN, "김서연: ", "앵커: "),
    "chinese": (CHINESE, "李明：", "主持人："),
    "japanese": (JAPANESE, "山田：", "記者："),
    "hindi": (HINDI, "सुनीता: ", "संवाददाता: "),
    "thai": (THAI, "สมชาย: ", "ผู้สื่อข่าว: "),
}


def _briefing(language: str, method: str, sentences: int) -> tuple[str, ...]:
    paragraphs = INTERVIEWS[language][0]
    article = Article("Interview", "\n\n".join(paragraphs), language=language)
    return summarize(article, SummaryOptions(sentences=sentences, method=method)).sentences


@pytest.mark.parametrize("language", sorted(INTERVIEWS))
@pytest.mark.parametrize("method", METHODS)
def test_an_interviewees_words_keep_their_speaker(language: str, method: str) -> None:
    """Each briefing sentence from an answer is the answer's first, with the
    interviewee's label, or follows in the briefing a sentence of the same answer."""
    paragraphs, label, _ = INTERVIEWS[language]
    briefing = _briefing(language, method, 4)
    answers = [split_sentences(p, language) for p in paragraphs if p.startswith(label)]
    briefed = 0
    for k, sentence in enumerate(briefing):
        for answer in answers:
            bare = [answer[0].removeprefix(label), *answer[1:]]
            if sentence in answer or sentence in bare:
                briefed += 1
                assert sentence in answer, (sentence, briefing)
                place = answer.index(sentence)
                assert place == 0 or (k > 0 and briefing[k - 1] in answer[:place]), briefing
    assert briefed, briefing


@pytest.mark.parametrize("language", sorted(INTERVIEWS))
@pytest.mark.parametrize("method", METHODS)
def test_an_interviewers_question_is_never_briefed(language: str, method: str) -> None:
    """The turns of the label that asks (most of its turns end in a question mark) are
    not briefed, even one that is no question: without their label they would read as
    the article's facts."""
    paragraphs, _, asker = INTERVIEWS[language]
    briefing = _briefing(language, method, 7)
    questions = [p for p in paragraphs if p.startswith(asker)]
    for sentence in briefing:
        assert not any(sentence in question for question in questions), briefing


def test_a_later_sentence_of_an_answer_comes_after_its_speakers_label() -> None:
    """An answer's second sentence, taken alone, would lose its speaker: it comes with
    the answer's first, which opens with the label."""
    paragraphs = [split_sentences(p, "english") for p in ENGLISH]
    readability = Readability.of_paragraphs(paragraphs, "english")
    first, second = paragraphs[2]
    place = readability.texts.index(second)
    assert readability.closure(place, set()) == {place - 1, place}
    assert readability.render([place - 1, place], 1000) == [first, second]
    assert first.startswith("Rick: ")


BROADCAST = [
    "BANGKOK: Thai authorities ordered the evacuation of three riverside districts on "
    "Sunday as the Chao Phraya rose to its highest level in a decade.",
    "Officials said about forty thousand people had been moved to schools and temples "
    "on higher ground by the evening.",
    "The meteorological department expects heavy rain to continue until the middle of "
    "the week across the central plains.",
]
KICKER = [
    "Saubere Sache: Die Stadt Freiburg lässt ab Montag alle Straßenbahnen mit Strom aus "
    "Wasserkraft fahren.",
    "Die Verkehrsbetriebe hatten den Wechsel seit zwei Jahren vorbereitet, sagte ein "
    "Sprecher der Stadt am Freitag.",
    "Die Mehrkosten von rund einer Million Euro im Jahr trägt nach Angaben der Stadt das "
    "Land Baden-Württemberg.",
]


@pytest.mark.parametrize(
    ("paragraphs", "language", "label"),
    [(BROADCAST, "english", "BANGKOK: "), (KICKER, "german", "Saubere Sache: ")],
)
@pytest.mark.parametrize("method", METHODS)
def test_a_kicker_or_a_dateline_still_leaves_the_briefing(
    paragraphs: list[str], language: str, label: str, method: str
) -> None:
    """A label that opens one paragraph of a news story is no speaker's: it goes."""
    article = Article("News", "\n\n".join(paragraphs), language=language)
    briefing = summarize(article, SummaryOptions(sentences=3, method=method)).sentences
    assert paragraphs[0].removeprefix(label) in briefing
    assert not any(sentence.startswith(label) for sentence in briefing)


def test_a_broadcasts_role_labels_still_leave_the_briefing() -> None:
    """A transcript's labels that name roles, not a person the article names (an
    anchor, a reporter), go: the station's own report needs no speaker."""
    paragraphs = [
        "Anchor: Heavy rain flooded the old town overnight, and the river is still rising "
        "this morning.",
        "Reporter: Firefighters spent the night pumping water out of cellars along the embankment.",
        "Anchor: The council has opened two shelters for families whose homes were flooded.",
        "Reporter: Forecasters expect more rain on Thursday, and the main bridge stays "
        "closed to traffic.",
    ]
    article = Article("Floods", "\n\n".join(paragraphs))
    briefing = summarize(article, SummaryOptions(sentences=4, method="lead")).sentences
    assert list(briefing) == [p.split(": ", 1)[1] for p in paragraphs]


def _printed(paragraphs: list[str], language: str = "english") -> list[str]:
    """Each paragraph's first sentence as a briefing prints it ("" if never briefed)."""
    readability = Readability(paragraphs, [True] * len(paragraphs), language)
    return [
        "" if readability.blocked(i) else readability.render([i], 1000)[0]
        for i in range(len(paragraphs))
    ]


def test_a_person_the_article_names_keeps_their_label_beside_roles() -> None:
    """In a broadcast's transcript, the anchor's and the reporter's labels go, and a
    resident's, whom the report names, stays."""
    paragraphs = [
        "Anchor: Heavy rain flooded the old town overnight, and the river is still rising.",
        "Reporter: I am standing on the embankment, where Maria Lopez runs a bakery.",
        "Maria Lopez: The water came into the shop at three in the morning and ruined everything.",
        "Reporter: Firefighters spent the night pumping water out of the cellars.",
    ]
    assert _printed(paragraphs) == [
        paragraphs[0].removeprefix("Anchor: "),
        paragraphs[1].removeprefix("Reporter: "),
        paragraphs[2],
        paragraphs[3].removeprefix("Reporter: "),
    ]


def test_an_answers_label_of_one_letter_names_nobody() -> None:
    """ "Q:" asks and is never briefed; "A:" answers but names nobody: it goes."""
    paragraphs = [
        "Q: Why did the council wait so long before ordering the barriers?",
        "A: The money for the flood barriers only arrived from the state in March.",
        "Q: When will the barriers finally be delivered to the town?",
        "A: The manufacturer has promised to deliver them before the winter storms.",
    ]
    assert _printed(paragraphs) == [
        "",
        paragraphs[1].removeprefix("A: "),
        "",
        paragraphs[3].removeprefix("A: "),
    ]


def test_a_word_capitalised_for_opening_a_sentence_names_nobody() -> None:
    """ "Host families ..." opens a sentence: it does not make "Host:" a person's label,
    while "Lena" in "Lena Berg, who ..." or mid-sentence does make "Lena:" one."""
    paragraphs = [
        "Host families in the valley took in forty hikers after the pass was closed.",
        "Host: The snow closed the pass on Friday afternoon, hours earlier than expected.",
        "Lena: We had only just reached the hut when the first avalanche came down.",
        "Host: Rescue teams reopened the road to the valley on Sunday morning.",
        "Lena: Nobody panicked, because the guides had told us exactly what to do.",
        "Among the hikers was a teacher from Bern, Lena, who kept a diary of the days.",
    ]
    printed = _printed(paragraphs)
    assert printed[1:5] == [
        paragraphs[1].removeprefix("Host: "),
        paragraphs[2],
        paragraphs[3].removeprefix("Host: "),
        paragraphs[4],
    ]


def test_a_person_named_once_in_a_news_story_is_no_transcript() -> None:
    """A label that opens one paragraph of a story is read as a kicker's: it goes."""
    paragraphs = [
        "Rick: A trader who taught himself to code at forty now runs a startup in Denver.",
        "Rick Alvarez left a bond desk in Chicago after eleven years, he said on Monday.",
    ]
    assert _printed(paragraphs)[0] == paragraphs[0].removeprefix("Rick: ")


def test_questions_answered_by_paragraphs_without_a_label_are_never_briefed() -> None:
    """An interview that labels only its questions ("Frage: ...") answers them in plain
    paragraphs: the questions are still the interviewer's."""
    paragraphs = [
        "Frage: Herr Stalder, Sie sagen, das offene Netz sei endgültig am Ende.",
        "Das Netz ist heute in der Hand weniger Konzerne, die bestimmen, was wir sehen.",
        "Frage: Gibt es denn überhaupt noch einen Weg zurück zum offenen Netz?",
        "Nur wenn Städte und Gemeinden eigene Plattformen bauen und die Menschen sie nutzen.",
        "Frage: Warum sind Sie trotz allem so zuversichtlich für die Zukunft?",
        "Weil junge Leute längst wieder eigene Server betreiben und selbst verwalten.",
    ]
    assert _printed(paragraphs, "german") == [
        "",
        paragraphs[1],
        "",
        paragraphs[3],
        "",
        paragraphs[5],
    ]


def test_an_answer_ending_in_a_question_leaves_its_speaker_briefed() -> None:
    """An interviewee who answers once with a question of their own ("Who would not
    ...?") asks less often than the interviewer: only the interviewer's turns go."""
    paragraphs = [
        "Rick Alvarez spent eleven years as a bond trader in Chicago before he taught "
        "himself to program.",
        "Interviewer: What made you leave a well-paid job in finance for a developer's desk?",
        "Rick: I was tired of watching software decide trades I could not explain, and who "
        "would not want to understand their own job?",
        "Interviewer: Was it hard to find work at forty with no degree in computing?",
        "Rick: Every company I applied to said my age was a risk, and most never called back.",
    ]
    assert _printed(paragraphs) == [paragraphs[0], "", paragraphs[2], "", paragraphs[4]]


def test_a_question_opening_one_paragraph_makes_no_interview_of_a_live_blog() -> None:
    """A label that asks once ("Analysis: Will ...?") is no interviewer: the live blog's
    "Update:" labels name nobody and still go."""
    paragraphs = [
        "Update: The central bank raised its main interest rate by half a point on Tuesday.",
        "Markets fell sharply in the first hour of trading after the announcement.",
        "Update: The euro gained nearly one percent against the dollar by the afternoon.",
        "Analysis: Will the bank be forced to raise rates again before the end of the year?",
    ]
    printed = _printed(paragraphs)
    assert printed[0] == paragraphs[0].removeprefix("Update: ")
    assert printed[2] == paragraphs[2].removeprefix("Update: ")


def test_a_german_role_written_with_a_capital_as_every_noun_names_nobody() -> None:
    """German writes every noun with a capital: "die Reporterin" or "der Moderator" in
    the text names no person, so their labels still go; "Anna Berger", whom the report
    names in full, keeps hers."""
    paragraphs = [
        "Moderator: Das Hochwasser hat in der Nacht die Altstadt von Passau überflutet.",
        "Reporterin: Ich stehe an der Donau, wo Anna Berger seit dreißig Jahren eine "
        "Bäckerei führt.",
        "Anna Berger: Das Wasser kam um drei Uhr morgens in den Laden und hat alles zerstört.",
        "Moderator: Die Stadt hat zwei Notunterkünfte für Familien geöffnet, sagte der "
        "Moderator am Abend.",
        "Reporterin: Am Donnerstag soll es erneut regnen, berichtet die Reporterin vor Ort.",
    ]
    assert _printed(paragraphs, "german") == [
        paragraphs[0].removeprefix("Moderator: "),
        paragraphs[1].removeprefix("Reporterin: "),
        paragraphs[2],
        paragraphs[3].removeprefix("Moderator: "),
        paragraphs[4].removeprefix("Reporterin: "),
    ]


def test_an_article_of_thousands_of_labels_is_read_at_once() -> None:
    """A glossary or a long transcript, each paragraph under a label of its own (and one
    label twice, so it reads as turns), takes no time to read: each word of the article
    is looked at once, not once per label."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    labels = [f"Term{a}{b}{c}" for a in letters[:5] for b in letters for c in letters][:3000]
    paragraphs = [
        f"{label}: The river will keep rising all week, officials said." for label in labels
    ]
    paragraphs += paragraphs[:1]
    start = time.perf_counter()
    printed = _printed(paragraphs)
    assert time.perf_counter() - start < 2.0
    assert printed[0] == "The river will keep rising all week, officials said."


def test_an_interviewer_who_also_states_is_not_outasked_by_a_one_off_question() -> None:
    """The interviewer is told among the labels that open several turns: a guest's one
    turn that ends in a question does not make the interviewer, who asks in two of
    three turns, ask less often than the most."""
    paragraphs = [
        "Felix Stalder lehrt digitale Kultur an der Zürcher Hochschule der Künste.",
        "Frage: Herr Stalder, Sie sagen, das offene Netz sei endgültig am Ende.",
        "Felix Stalder: Das Netz ist heute in der Hand weniger Konzerne, die bestimmen, was "
        "wir sehen.",
        "Frage: Gibt es denn überhaupt noch einen Weg zurück zum offenen Netz?",
        "Anna Berger: Darf ich kurz fragen, wer diese Plattformen eigentlich bezahlen soll?",
        "Frage: Warum sind Sie trotz allem so zuversichtlich für die Zukunft?",
        "Felix Stalder: Weil junge Leute längst wieder eigene Server betreiben.",
    ]
    printed = _printed(paragraphs, "german")
    assert [printed[1], printed[3], printed[5]] == ["", "", ""]
    assert printed[2] == paragraphs[2]


def test_an_answer_opening_with_a_quotation_is_a_turn_of_its_speaker() -> None:
    """An answer whose label a quotation follows ('Rick: "..."') is still Rick's turn: a
    later sentence of it, outside the quotation, comes after the turn's first, which
    names him."""
    answer = [
        'Rick: "Software decided trades I could not explain," my old boss once told me.',
        "I felt the same way about the whole trading desk in those years.",
    ]
    paragraphs = [
        [ENGLISH[0]],
        [ENGLISH[1]],
        answer,
        [ENGLISH[3]],
        split_sentences(ENGLISH[4], "english"),
    ]
    readability = Readability.of_paragraphs(paragraphs, "english")
    first = readability.texts.index(answer[0])
    assert readability.closure(first + 1, set()) == {first, first + 1}
    assert not readability.stands_alone(first + 1)


def test_a_german_surname_after_a_first_name_opening_a_sentence_names_its_speaker() -> None:
    """ "Felix Stalder lehrt ..." names Stalder, though German writes every noun with a
    capital: a first name is no article like "Der" in "Der Moderator sagte ..."."""
    paragraphs = [
        "Felix Stalder lehrt digitale Kultur an der Zürcher Hochschule der Künste.",
        "Moderatorin: Die Debatte über die Zukunft des Internets wird heute in Zürich geführt.",
        "Stalder: Das Netz ist heute in der Hand weniger Konzerne, die bestimmen, was wir sehen.",
        "Moderatorin: Die Stadt will nun eine eigene Plattform für ihre Bürger bauen lassen.",
        "Stalder: Junge Leute betreiben längst wieder eigene Server und verwalten sie selbst.",
        "Der Moderatorin zufolge kamen mehr als dreihundert Menschen zu der Diskussion.",
    ]
    assert _printed(paragraphs, "german")[1:5] == [
        paragraphs[1].removeprefix("Moderatorin: "),
        paragraphs[2],
        paragraphs[3].removeprefix("Moderatorin: "),
        paragraphs[4],
    ]


def test_a_later_sentence_of_an_answer_ending_in_a_colon_keeps_its_speaker() -> None:
    """A later sentence of Rick's answer that ends in a colon, taken with the paragraph
    it introduces, still comes after the answer's first, which names him."""
    paragraphs = [
        [ENGLISH[0]],
        [ENGLISH[1]],
        [
            "Rick: I had grown tired of the trading floor after a decade there.",
            "In the end three things made me leave the bank for good:",
        ],
        ["The money was no longer enough, the work bored me and my health was failing."],
        [ENGLISH[3]],
    ]
    readability = Readability.of_paragraphs(paragraphs, "english")
    first = readability.texts.index(paragraphs[2][0])
    assert readability.closure(first + 1, set()) == {first, first + 1, first + 2}


def test_questions_without_a_label_before_labelled_answers_are_never_briefed() -> None:
    """An interview that labels only its answers ("Rick: ...", "Marissa: ...") asks in
    plain paragraphs: one ending in a question mark right before an answer is the
    interviewer's, never briefed; a question elsewhere in the article stays."""
    paragraphs = [
        "Marissa Halpert and Rick Terrill led the move of the whole news site to the new "
        "framework last year.",
        "Thanks for joining us! Could you share a bit about your background?",
        "Rick: I got into tech through a love of video games, and dreamed of making them.",
        "Marissa: I was introduced to programming in high school before studying computing.",
        "What drove the decision to move the whole site at once?",
        "Rick: Our developers had to maintain two separate code bases, which cost us weeks.",
        "Marissa: The new framework had come a long way since our first test in 2019.",
        "Would other newsrooms be able to make the same move as quickly?",
    ]
    printed = _printed(paragraphs)
    assert printed[1] == printed[4] == ""
    assert printed[2:4] == paragraphs[2:4]
    assert printed[7] == paragraphs[7]


QUESTIONS_AND_ANSWERS = [
    "{q}: Why did the council wait so long before ordering the barriers?",
    "{a}: The money for the flood barriers only arrived from the state in March.",
    "{q}: When will the barriers finally be delivered to the town?",
    "{a}: The manufacturer has promised to deliver them before the winter storms.",
]
MAYOR = "Anna Berg has been the mayor of Harwick for six years and faced three floods."


@pytest.mark.parametrize(("asks", "answers"), [("Q", "A"), ("Question", "Answer")])
def test_an_answers_label_naming_nobody_takes_the_person_the_article_opens_with(
    asks: str, answers: str
) -> None:
    """ "A:" and "Answer:" name nobody alike: the label goes, and each answer is taken
    only after the article's opening sentence that names who answers (never as the
    article's own fact); without such a sentence (an explainer's Q&A) the answer is the
    article's own voice."""
    turns = [p.format(q=asks, a=answers) for p in QUESTIONS_AND_ANSWERS]
    bare = [p.split(": ", 1)[1] for p in turns]
    assert _printed([MAYOR, *turns]) == [MAYOR, "", bare[1], "", bare[3]]
    readability = Readability([MAYOR, *turns], [True] * 5, "english")
    assert readability.closure(2, set()) == {0, 2}
    assert readability.closure(4, set()) == {0, 4}
    alone = Readability(turns, [True] * 4, "english")
    assert _printed(turns) == ["", bare[1], "", bare[3]]
    assert alone.closure(1, set()) == {1}


def test_role_words_beside_a_name_make_one_label() -> None:
    """ "Host John Smith:" asks, so is never briefed; "Mayor Anna Berg:" and "Dr. Jane
    Doe, economist:" name who answers, and a later sentence of the turn comes after it."""
    paragraphs = [
        "Host John Smith: Why did the council wait so long before ordering the barriers?",
        "Mayor Anna Berg: The money only arrived from the state in March. It was late.",
        "Host John Smith: When will the barriers finally be delivered to the town?",
        "Dr. Jane Doe, economist: The manufacturer has promised them before the winter "
        "storms. Nobody believes that.",
    ]
    readability = Readability.of_paragraphs(
        [split_sentences(p, "english") for p in paragraphs], "english"
    )
    texts = readability.texts
    assert readability.blocked(0) and readability.blocked(3)
    assert texts[1] == "Mayor Anna Berg: The money only arrived from the state in March."
    assert texts[4].startswith("Dr. Jane Doe, economist: The manufacturer")
    assert readability.closure(2, set()) == {1, 2}
    assert readability.closure(5, set()) == {4, 5}


def test_a_clause_before_a_colon_alone_stays_in_its_sentence() -> None:
    """ "However, the mayor said: ..." opening one paragraph is no label to leave out."""
    paragraphs = [
        "However, the mayor said: The barriers will arrive before the winter storms.",
        "The council ordered them in March after the money came from the state.",
    ]
    assert _printed(paragraphs)[0] == paragraphs[0]


@pytest.mark.parametrize("label", ["Editor's Note", "Editors’ Note", "Programming Note", "Update"])
def test_a_note_on_the_interview_names_nobody(label: str) -> None:
    """A note's label ("Editor's Note:") in an interview is no interviewee's name, though
    it has two words as "Anna Berg:" has: the sentence after it is the article's, and
    the label goes."""
    note = (
        f"{label}: Anna Berg has led the harbour authority in Brennport since 2019, and "
        "she spoke to us on Monday."
    )
    paragraphs = [
        note,
        "Q: Why did the council wait so long before ordering the barriers?",
        "A: The money for the flood barriers only arrived from the state in March.",
        "Q: When will the barriers finally be delivered to the town?",
        "A: The manufacturer has promised to deliver them before the winter storms.",
    ]
    assert _printed(paragraphs)[0] == note.removeprefix(f"{label}: ")
