"""Briefings that read well alone: quotations with their speaker and closed, no dangling start."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sumy.summarizers._summarizer import SentenceInfo

from summaries import METHODS, Article, SummaryOptions, summarize
from summaries.cli import EXIT_OK, main
from summaries.quotes import MARKS, scan
from summaries.sentences import split_paragraphs, split_sentences
from summaries.summarize import article_texts
from summaries.summarize.openers import opens_by_pointing_back
from summaries.summarize.readable import Readability

ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "articles"
QUOTES_PAGE = ARTICLES / "000_6acb1b95d66a6458.txt"


def choose(
    texts: list[str],
    best_first: list[int],
    sentences: int,
    max_chars: int = 1000,
    starts: list[bool] | None = None,
    language: str = "english",
) -> list[str]:
    """The briefing ``ReadableBudget`` makes of ``texts`` ranked ``best_first``."""
    readability = Readability(texts, starts or [True] + [False] * (len(texts) - 1), language)
    ranked = [SentenceInfo(texts[i], i, -place) for place, i in enumerate(best_first)]
    chosen = readability.budget(sentences, max_chars)(ranked)
    assert readability.budget(sentences, max_chars).pick(texts, best_first) == [
        info.order for info in chosen
    ]  # the same through either door
    return readability.render([info.order for info in chosen], max_chars)


def balanced(sentences: list[str] | tuple[str, ...]) -> bool:
    found = scan(" ".join(sentences))
    return not found.open and not found.stray


def assert_reads_alone(briefing: tuple[str, ...], article: Article) -> None:
    """Quotations closed and with their speaker, no colon at a sentence's end."""
    assert balanced(briefing), briefing
    assert not any(s.endswith((":", "：")) for s in briefing), briefing
    _, text, language = article_texts(article)
    source: list[str] = []
    inside: list[bool] = []  # the article's sentence starts inside a quotation
    named: list[bool] = []  # words of it stand outside every quotation
    for paragraph in split_paragraphs(text):
        state: tuple[str, ...] = ()
        for sentence in split_sentences(paragraph, language):
            source.append(sentence)
            inside.append(bool(state))
            found = scan(sentence, state)
            named.append(found.outside)
            state = found.open
    bare = "".join(MARKS) + "…\u00a0 "
    cores = [t.strip(bare) for t in source]
    firsts = [next(i for i, c in enumerate(cores) if s.strip(bare).startswith(c)) for s in briefing]
    lasts = [max(i for i, c in enumerate(cores) if s.strip(bare).endswith(c)) for s in briefing]
    for k, (sentence, place) in enumerate(zip(briefing, firsts, strict=True)):
        follows = k > 0 and lasts[k - 1] == place - 1
        # the sentence naming its speaker: the nearest before it with words outside quotes
        speaker = next((j for j in range(place - 1, -1, -1) if named[j]), None)
        named_before = speaker is not None and speaker in lasts[:k]
        found = scan(sentence)
        if inside[place] and not follows and not named_before:  # its speaker follows
            assert any(scan(s).outside for s in briefing[k:]), briefing
        if found.starts_quoting and not found.outside and not follows and not named_before:
            rest = briefing[k:]
            state = ()
            for s in rest:  # the quotation's speaker is named after it
                went = scan(s, state)
                if went.outside:
                    break
                state = went.open
            else:
                raise AssertionError(f"no speaker for {sentence!r} in {briefing}")


# --- the briefing of the page of quotes in ../shared/articles ------------------------------


@pytest.fixture(scope="module")
def quotes_page() -> Path:
    if not QUOTES_PAGE.is_file():
        pytest.skip(f"{QUOTES_PAGE} is absent (the sample articles live outside the repo)")
    return QUOTES_PAGE


def test_briefing_of_the_page_of_quotes_names_every_speaker(quotes_page):
    out = io.StringIO()
    assert main(["summarize", str(quotes_page)], stdin=io.StringIO(), stdout=out) == EXIT_OK
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert balanced(lines)  # every quotation closed (one may go on over two sentences)
    assert not any(line.rstrip().endswith(":") for line in lines)
    for k, line in enumerate(lines):  # every quotation has its speaker before it
        going_on = k > 0 and bool(scan(" ".join(lines[:k])).open)  # (its speaker's line)
        assert going_on or '"' not in line or line.index('"') > line.index(": ") > 10
    assert 'Liu Qiangdong, founder and chairman of e-commerce company JD.com: "I hope' in lines[0]
    assert lines[0].startswith("Leaders of major Chinese Internet companies said on Wednesday")


@pytest.mark.parametrize("count", range(1, 9))
def test_briefings_of_the_page_of_quotes_read_alone_at_every_length(quotes_page, count):
    article = Article("", quotes_page.read_text(encoding="utf-8"))
    briefing = summarize(article, SummaryOptions(sentences=count, max_chars=3000))
    assert balanced(briefing.sentences)
    assert not any(s.endswith(":") for s in briefing.sentences)
    lines = quotes_page.read_text(encoding="utf-8").splitlines()  # a speaker's, his words
    for k, sentence in enumerate(briefing.sentences):  # each quotation has its speaker
        if sentence.startswith('"'):  # a later sentence of a quotation, after its speaker
            before = [s for s in briefing.sentences[:k] if not s.startswith('"')]
            speaker = before[-1].split(': "')[0] if before else "(none)"
            words = sentence.strip('"')[:40]
            said = [i for i, line in enumerate(lines) if words in line]
            assert said and lines[said[0] - 1].startswith(speaker), sentence


# --- articles written for the tests, in other layouts ---------------------------------------

SPEAKER_AFTER = Article(
    "Brennport port stays shut after cyberattack",
    "\n\n".join(
        [
            "The port of Brennport stayed shut on Tuesday after a cyberattack encrypted the "
            "servers that run its cranes and its gates.",
            '"We will not pay the ransom. The attackers must be found and brought to justice, '
            'and the port will reopen when its servers are safe," said Andrés Molina, the '
            "port's spokesman.",
            "Some forty cargo ships were waiting off the coast on Tuesday evening, and hundreds "
            "of lorries queued on the roads to the terminal.",
            '"The whole region depends on this port. Every day it stays shut costs the '
            'farmers and the factories money," said Rosa Lind, who heads the chamber of commerce.',
            "The police are investigating the attack together with the national cyber "
            "security agency.",
        ]
    ),
)

ACROSS_PARAGRAPHS = Article(
    "Carrow bridge to reopen in May",
    "\n\n".join(
        [
            "The Carrow railway bridge, closed since the winter floods, will reopen in May, the "
            "town's mayor said on Monday.",
            'Mayor Jonas Feldmann said the repairs were going faster than planned: "The steel '
            "for the new piers arrived early. The engineers have worked through the weekends "
            "since March.",
            '"We expect the first trains to cross the bridge on the first of May. The buses '
            'that replace them will run until then."',
            "The bridge carries some 30,000 passengers a day between Carrow and the coast.",
            "Its repair is costing the region 12 million euros, most of it paid by the state.",
        ]
    ),
)

SPEAKER_LINES = Article(
    "Union leaders accept the pay offer",
    "\n".join(
        [
            "Leaders of the three biggest unions said on Tuesday that they would accept the "
            "government's pay offer for teachers and nurses:",
            "Maria Costa, head of the teachers' union:",
            '"We have waited two years for this offer. Our members deserve a decent settlement, '
            'and this is one. We will put it to a vote next week."',
            "Tom Reilly, general secretary of the nurses' union:",
            '"It is not everything we asked for. But it is a fair offer, and our nurses will '
            'be paid more from April."',
        ]
    ),
)


@pytest.mark.parametrize("article", [SPEAKER_AFTER, ACROSS_PARAGRAPHS, SPEAKER_LINES])
@pytest.mark.parametrize("method", list(METHODS))
def test_every_briefing_of_quoted_articles_reads_alone(article, method):
    for count in range(1, 7):
        briefing = summarize(article, SummaryOptions(method=method, sentences=count))
        assert_reads_alone(briefing.sentences, article)


def test_a_quotation_is_not_cut_from_its_speaker_after_it():
    texts = [
        "The port stayed shut on Tuesday.",
        '"We will not pay the ransom.',
        'The attackers must be found," said Andrés Molina, the spokesman.',
    ]
    assert choose(texts, [1, 0, 2], sentences=1) == [texts[0]]  # the quote would lose him
    assert choose(texts, [1, 2, 0], sentences=2) == texts[1:]
    assert choose(texts, [2, 0, 1], sentences=1) == [
        '"The attackers must be found," said Andrés Molina, the spokesman.'  # reopened
    ]


def test_a_quotation_cut_after_a_sentence_is_closed_and_keeps_its_speaker():
    texts = [
        "The unions accepted the offer.",
        "Maria Costa, head of the teachers' union: \"We have waited two years.",
        "Our members deserve a decent settlement.",
        'We will vote next week."',
    ]
    assert choose(texts, [1, 0, 2, 3], sentences=1) == [texts[1] + '"']
    assert choose(texts, [2, 1, 0, 3], sentences=2) == [texts[1], texts[2] + '"']
    assert choose(texts, [2, 0, 1, 3], sentences=1) == [texts[0]]  # not without its speaker


def test_a_quotation_over_two_paragraphs_keeps_its_speaker():
    texts = [
        "The bridge will reopen in May.",
        'The mayor said: "The steel arrived early.',
        '"We expect the first trains on the first of May."',
        "The bridge carries 30,000 passengers a day.",
    ]
    starts = [True, True, True, True]
    briefing = choose(texts, [2, 1, 3, 0], sentences=2, starts=starts)
    assert briefing == [texts[1] + '"', texts[2]]  # closed where its paragraph ends
    assert choose(texts, [2, 3, 0, 1], sentences=1, starts=starts) == [texts[3]]


def test_a_quotation_that_names_nobody_comes_with_the_sentence_before_it():
    texts = [
        "The minister opened the bridge.",
        '"I don\'t think you can ever say never," said Woodward.',
        '"But I would need a good reason."',
    ]
    assert choose(texts, [2, 1, 0], sentences=2) == texts[1:]
    assert choose(texts, [2, 1, 0], sentences=1) == [texts[1]]


def test_a_later_sentence_of_a_quotation_needs_its_speaker_not_the_sentences_between():
    texts = [
        "The manager resigned on Friday.",
        '"I am delighted," the youngster said.',
        '"I was not expecting it at all.',
        '"Playing for France has always been a dream and now it has come true."',
        "The squad meets on Wednesday.",
    ]
    # the dream needs the youngster's sentence, not the one between
    assert choose(texts, [3, 1, 0, 2, 4], sentences=2) == [texts[1], texts[3]]
    assert choose(texts, [3, 0, 4, 1, 2], sentences=1) == [texts[0]]  # not without it
    assert _best(texts, [0.0, 0.5, -1.0, 3.0, 0.2], 2) == [1, 3]


def test_a_quotation_that_opens_the_article_comes_whole_from_where_it_opened():
    texts = [
        '"We will not pay the ransom to the attackers.',
        'The attackers must be found and brought to justice."',
        "The port of Brennport stayed shut on Tuesday.",
    ]
    assert _best(texts, [0.5, 3.0, 0.1], 1) == [0]  # its second sentence never alone
    assert _best(texts, [0.5, 3.0, 0.1], 2) == [0, 1]


def test_a_quotation_that_opens_the_article_needs_its_speaker_named_paragraphs_later():
    texts = [
        '"The ferry loses money on every crossing.',
        "We have kept it running out of our own pocket.",
        '"We cannot do it any longer," said Ruth Hale, who owns the ferry company.',
        "The ferry carries about 200 passengers a day.",
    ]
    starts = [True, False, True, True]
    # its first paragraph names nobody: it needs the next, which names who says it
    assert choose(texts, [0, 3, 1, 2], sentences=1, starts=starts) == [texts[3]]
    briefing = choose(texts, [0, 1, 2, 3], sentences=3, starts=starts)
    assert briefing == [texts[0], texts[1] + '"', texts[2]]  # closed where its paragraph ends
    assert choose(texts, [2, 0, 3, 1], sentences=1, starts=starts) == [texts[2]]


POOL_TITLE = "Bürgermeister verteidigt Schwimmbad-Schließung"
# A quotation over two paragraphs whose speaker is named at its end, and two paragraphs more
POOL_QUOTATION = [
    "„Das Schwimmbad ist fünfzig Jahre alt. Die Sanierung des Schwimmbads würde zwölf "
    "Millionen Euro kosten.",
    "„Dieses Geld hat die Stadt nicht. Wir prüfen aber einen Neubau des Schwimmbads“, "
    "sagte Bürgermeister Jens Otte am Mittwoch.",
    "Ein Bürgerverein sammelt Unterschriften gegen die Schließung des Schwimmbads.",
    "Er will einen Bürgerentscheid erzwingen.",
]
MULTI_PARAGRAPH_OPENING = Article(POOL_TITLE, "\n\n".join(POOL_QUOTATION))


@pytest.mark.parametrize("count", [1, 2, 3])
def test_a_german_quotation_over_paragraphs_is_briefed_with_its_speaker_after_it(count):
    briefing = summarize(MULTI_PARAGRAPH_OPENING, SummaryOptions(sentences=count)).sentences
    assert balanced(briefing)
    quoted = [k for k, s in enumerate(briefing) if "„" in s]
    assert all("Jens Otte" in " ".join(briefing[k:]) for k in quoted), briefing


def test_words_after_a_dialogue_dash_are_a_quotation_with_their_speaker_between_dashes():
    texts = [
        "El puente de Toledo reabrió el lunes tras dos años de obras.",
        "—La reapertura es una gran noticia —dijo la alcaldesa, Rosa Gil—.",
        "Los vecinos han esperado dos años para cruzar el puente.",
        "El tráfico de camiones seguirá prohibido hasta el verano.",
    ]
    starts = [True, True, False, True]
    # her words, never as the narrator's, nor without her
    assert choose(texts, [2, 3, 0, 1], 1, starts=starts, language="spanish") == [texts[3]]
    two = choose(texts, [2, 1, 3, 0], 2, starts=starts, language="spanish")
    assert two == texts[1:3]
    # in English a dash opens a list item, not speech
    assert choose(texts, [2, 3, 0, 1], 1, starts=starts) == [texts[2]]


def test_a_turn_of_speech_taken_without_its_first_sentence_is_reopened_with_its_dash():
    texts = [
        "As quotas de pesca foram cortadas pela ministra do Mar.",
        "— As quotas vão acabar com a pesca artesanal.",
        "Os pescadores não aguentam mais.",
        "A ministra recebe os pescadores na próxima semana.",
    ]
    starts = [True, True, False, True]
    briefing = choose(texts, [2, 0, 3, 1], 2, starts=starts, language="portuguese")
    assert briefing == [texts[0], "— Os pescadores não aguentam mais."]


# News name a quotation's speaker in the paragraph after it: "That is what X says".
NAMED_NEXT = {
    "swedish": [
        "Kommunen lägger ned två fritidsgårdar från januari.",
        "– Vi ska inte ge upp.",
        "Barnen behöver en plats att vara på efter skolan.",
        "Det säger Anna Nilsson, ordförande i föräldraföreningen.",
        "Kommunen sparar fyra miljoner kronor per år.",
    ],
    "danish": [
        "Regeringen vil hæve pensionsalderen til 70 år.",
        "– Det er urimeligt for dem, der har slidt hårdt.",
        "Pensionsalderen kan ikke blive ved med at stige.",
        "Det siger formand for FH Morten Skov Christiansen.",
        "Regeringen forventer at spare otte milliarder kroner.",
    ],
    "norwegian": [
        "Regjeringen vil bygge ny jernbane mellom Oslo og Stockholm.",
        "– Jernbanen er viktig for næringslivet.",
        "Med ny jernbane tar reisen under tre timer.",
        "Det sier samferdselsminister Jon-Ivar Nygård til NTB.",
        "Kostnaden er anslått til 40 milliarder kroner.",
    ],
    "finnish": [
        "Helsinki sulkee kaksi uimahallia ensi vuoden alusta.",
        "– Uimahallin sulkeminen on virhe.",
        "Uimahalli on ainoa paikka, jossa lapset oppivat uimaan.",
        "Näin sanoo uimaseuran puheenjohtaja Liisa Virtanen.",
        "Kaupunki säästää kolme miljoonaa euroa vuodessa.",
    ],
    "swedish quotation marks": [
        "Ikea höjer lönerna med fem procent från april.",
        "”Lönerna ska följa med priserna.",
        "Våra anställda ska inte betala för inflationen.”",
        "Det sa Ikeas personalchef Maria Lund på onsdagen.",
        "Handels välkomnar lönehöjningen.",
    ],
    "german": [
        "Die Stadt Ahlen schließt ihr Hallenbad zum Jahresende.",
        "„Das Hallenbad ist fünfzig Jahre alt.",
        "Eine Sanierung würde zwölf Millionen Euro kosten.“",
        "Das sagte Bürgermeister Jens Otte am Dienstag.",
        "Die Stadt prüft nun einen Neubau.",
    ],
    "dutch": [
        "De gemeente Utrecht sluit volgend jaar twee zwembaden.",
        "“Kinderen leren in deze zwembaden zwemmen.",
        "Als ze dichtgaan, moeten ze een uur reizen.”",
        "Dat zegt voorzitter Anna de Vries van zwemclub De Dolfijn.",
        "De gemeente bespaart drie miljoen euro per jaar.",
    ],
    "spanish": [
        "Valencia cerrará el puerto deportivo durante seis meses.",
        "«El puerto necesita estas obras desde hace veinte años.",
        "No pueden esperar más.»",
        "Así lo ha asegurado este martes la alcaldesa, María José Catalá.",
        "Las obras costarán doce millones de euros.",
    ],
    "spanish dialogue": [
        "Un pescador de Cádiz rescató el domingo a dos bañistas.",
        "—Los vi desde la barca y no lo pensé.",
        "El mar estaba muy revuelto.",
        "Así lo contó el pescador, Antonio Pérez.",
        "El Ayuntamiento ha propuesto concederle una medalla.",
    ],
    "portuguese": [
        "A Câmara de Lisboa aprovou novas regras para o alojamento local.",
        "«Os moradores estão a ser expulsos dos seus bairros.",
        "Temos de proteger quem vive na cidade.»",
        "Foi o que disse a vereadora da habitação, Ana Ferreira.",
        "As novas regras entram em vigor em janeiro.",
    ],
    "french": [
        "Le gouvernement va envoyer 500 policiers de plus à Marseille.",
        "« Nous ne laisserons pas les trafiquants faire la loi.",
        "L’État sera présent dans chaque quartier. »",
        "C’est ce qu’a déclaré mardi le ministre de l’Intérieur.",
        "Les élus locaux réclament plus de moyens pour la justice.",
    ],
    "italian": [
        "Milano ha inaugurato sabato la nuova linea 4 della metropolitana.",
        "«La linea 4 cambia la vita di chi vive in periferia.",
        "La metropolitana arriva finalmente dove serviva.»",
        "Lo ha detto il sindaco di Milano, Giuseppe Sala.",
        "I lavori sono durati dieci anni.",
    ],
}


@pytest.mark.parametrize("language", list(NAMED_NEXT))
def test_a_quotation_comes_with_the_next_paragraph_that_names_its_speaker(language):
    """Not with the sentence before it, which names nobody; and "Det säger X." never
    without the quotation it points back to."""
    texts = NAMED_NEXT[language]
    language = language.split()[0]
    starts = [True, True, False, True, True]
    assert choose(texts, [1, 2, 3, 0, 4], 3, starts=starts, language=language) == texts[1:4]
    assert choose(texts, [1, 0, 4, 2, 3], 2, starts=starts, language=language) == [
        texts[0],
        texts[4],
    ]  # its speaker would make three
    assert choose(texts, [3, 4, 0, 1, 2], 1, starts=starts, language=language) == [texts[4]]
    two = choose(texts, [2, 3, 0, 1, 4], 2, starts=starts, language=language)
    assert two[1] == texts[3] and two[0].endswith(texts[2])  # reopened, with its speaker


def test_a_nordic_speaker_named_after_a_comma_needs_no_sentence_before():
    texts = [
        "Regeringen sänker skatten på diesel från januari.",
        "– Det är en nödvändig sänkning, säger finansminister Eva Lind.",
        "– Bönderna har haft det svårt länge.",
        "Oppositionen kritiserar sänkningen.",
    ]
    starts = [True, True, False, True]
    # her words name her after a comma: they read alone, and the next turn needs them
    assert choose(texts, [1, 3, 0, 2], 1, starts=starts, language="swedish") == [texts[1]]
    assert choose(texts, [2, 3, 0, 1], 1, starts=starts, language="swedish") == [texts[3]]
    assert choose(texts, [2, 1, 3, 0], 2, starts=starts, language="swedish") == texts[1:3]


def test_it_goes_without_saying_names_no_speaker():
    texts = [
        "Kommunen lägger ned två fritidsgårdar från januari.",
        "– Vi ska inte ge upp.",
        "Det säger sig självt att kommunen måste spara pengar.",
    ]
    starts = [True, True, True]
    assert choose(texts, [2, 0, 1], 1, starts=starts, language="swedish") == [texts[2]]


GOES_ON = {
    "spanish": [
        "La ministra defendió el martes la reforma de las pensiones.",
        "«Es una reforma justa.",
        "Garantiza las pensiones de los jóvenes.",
        "»Los jóvenes no pagarán más», dijo la ministra, Elena Ruiz.",
        "Los empresarios criticaron la subida de las cotizaciones.",
    ],
    "french": [
        "La ministre a défendu mardi la réforme des retraites.",
        "« C’est une réforme juste.",
        "Elle garantit les retraites des jeunes.",
        "» Les jeunes ne paieront pas plus », a déclaré la ministre, Élisabeth Borne.",
        "Le patronat a critiqué la hausse des cotisations.",
    ],
}


@pytest.mark.parametrize("language", list(GOES_ON))
def test_a_paragraph_that_goes_on_with_a_guillemet_quotation_is_reopened_with_its_opener(
    language,
):
    """Spanish and French print » at the start of each further paragraph of a quotation
    in «…» (comillas de seguir, guillemets de suite): it goes on, it does not close."""
    texts = GOES_ON[language]
    starts = [True, True, False, True, True]
    reopened = "«" + texts[3][1:]
    assert choose(texts, [3, 4, 0, 1, 2], 1, starts=starts, language=language) == [reopened]
    briefing = choose(texts, [2, 3, 0, 1, 4], 3, starts=starts, language=language)
    opener, closer = ("«\u00a0", "\u00a0»") if language == "french" else ("«", "»")
    assert briefing == [texts[0], opener + texts[2] + closer, reopened]
    assert balanced(briefing)


def test_a_quotation_after_another_speaker_needs_that_speaker():
    texts = [
        '"We will win," said the coach.',
        "The captain Ana Ruiz was injured in training on Monday.",
        '"I will be back for the final."',
    ]
    # the captain's words come with her sentence, never with the coach's alone
    assert _best(texts, [2.0, -1.0, 3.0], 2) == [1, 2]
    assert _best(texts, [2.0, -1.0, 3.0], 1) == [0]


def _best(
    texts: list[str], scores: list[float], sentences: int, fragment: list[bool] | None = None
) -> list[int]:
    """What ``ReadableBudget`` keeps of ``texts`` (one paragraph) given their scores."""
    readability = Readability(texts, [True] + [False] * (len(texts) - 1), "english")
    fragment = fragment or [False] * len(texts)
    best_first = sorted(range(len(texts)), key=lambda i: (fragment[i], -scores[i]))  # (default's)
    budget = readability.budget(sentences, 1000)
    return budget.pick(texts, best_first, scores, fragment)


_QUOTED = [
    "The council approved the flood walls on Monday.",
    "Mayor Ann Lee spoke after the vote in the town hall.",
    '"We had no choice but to build them now."',
    "Work on the walls starts in May next year.",
    "The walls will cost twelve million euros in all.",
]


def test_a_quotation_that_needs_its_speaker_gives_way_to_the_next_best_when_that_scores_more():
    # the quotation ranks first, its speaker's sentence last: better two others than both
    assert _best(_QUOTED, [1.0, -3.0, 2.0, 0.5, 0.4], 2) == [0, 3]
    # its speaker's sentence ranks well: the two together are the best pair
    assert _best(_QUOTED, [0.1, 1.5, 2.0, 0.5, 0.4], 2) == [1, 2]


def test_the_briefing_is_the_best_scoring_set_that_reads_alone_not_the_first_that_fits():
    # Taken best first, 3 and 4 fill two places before the speaker's sentence (1) comes,
    # and the quotation with it no longer fits; together they outscore 0, 3 and 4.
    scores = [0.0, 1.0, 3.0, 2.9, 2.8]
    assert _best(_QUOTED, scores, 3) == [1, 2, 3]
    assert sum(scores[i] for i in [1, 2, 3]) > sum(scores[i] for i in [0, 3, 4])


def test_the_best_scoring_set_counts_a_colon_and_what_it_introduces_as_one_sentence():
    texts = [
        "Leaders of the unions said they would accept the offer:",
        'Maria Costa, head of the teachers\' union: "We have waited two years."',
        "The vote on the offer is to be held next week.",
        "Schools stay open during the vote on the offer.",
    ]
    assert _best(texts, [2.0, 1.0, 0.5, 0.4], 1) == [0, 1]
    assert _best(texts, [2.0, 1.0, 0.5, 0.4], 2) == [0, 1, 2]
    assert _best(texts, [-2.0, 1.0, 0.5, 0.4], 2) == [1, 2]


def test_a_fragment_comes_only_with_the_quotation_that_needs_it():
    texts = [
        "The manager resigned on Friday after a year at the club.",
        '"I leave," he said.',
        '"Private issues in my life have arisen which caused my decision."',
        "The chairman will name a successor next week.",
    ]
    fragment = [False, True, False, False]
    scores = [0.5, 3.0, 2.0, 0.1]  # the fragment scores high, but is not taken alone
    assert _best(texts, scores, 1, fragment) == [0]
    assert _best(texts, scores, 2, fragment) == [1, 2]  # with the quotation it names
    assert _best(texts, [0.5, 3.0, -2.0, 0.1], 2, fragment) == [0, 3]


def test_a_colon_comes_with_what_it_introduces_as_one_sentence():
    texts = [
        "Leaders of the unions said they would accept the offer:",
        'Maria Costa, head of the teachers\' union: "We have waited two years."',
        "The vote is next week.",
    ]
    assert choose(texts, [0, 1, 2], sentences=1) == [f"{texts[0]} {texts[1]}"]
    assert choose(texts, [0, 1, 2], sentences=2) == [f"{texts[0]} {texts[1]}", texts[2]]
    assert choose(texts, [0, 1, 2], sentences=3, max_chars=80) == [texts[1]]  # too long
    assert choose(["It rained all day.", "Read this:"], [1, 0], 1) == ["It rained all day."]


def test_a_first_sentence_that_points_back_comes_with_the_one_before_or_not_at_all():
    texts = [
        "Andre Agassi lost to Jurgen Melzer in the quarter-finals.",
        "He was often bamboozled by the Austrian's drop shots.",
        "The tournament ends on Sunday.",
    ]
    assert choose(texts, [1, 2, 0], sentences=1) == [texts[2]]
    assert choose(texts, [1, 0, 2], sentences=2) == texts[:2]
    # another sentence first: "He" is not the briefing's first, and may stand second
    assert choose(texts[::-1][:1] + texts[:2], [2, 0, 1], sentences=2) == [texts[2], texts[1]]


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "french",
            [
                "Le maire de Lyon a présenté lundi le budget de la ville.",
                "Selon lui, le budget des écoles doit augmenter de 12 %.",
                "L’opposition a dénoncé une hausse de la dette.",
            ],
        ),
        (
            "spanish",
            [
                "La alcaldesa de Sevilla presentó el lunes el presupuesto.",
                "Según ella, el presupuesto de los colegios debe crecer un 12 %.",
                "La oposición criticó el aumento de la deuda.",
            ],
        ),
    ],
)
def test_a_briefing_opens_with_according_to_him_only_after_who_he_is(language, texts):
    assert choose(texts, [1, 2, 0], 1, language=language) == [texts[2]]
    assert choose(texts, [1, 0, 2], 2, language=language) == texts[:2]


def test_a_quotation_whose_opening_mark_the_page_lost_is_reopened():
    texts = [
        "Tory spokesman David Davis criticised the plans.",
        'Police forces were already buried under initiatives," said Mr Davis.',
        "Michael Ancram said Mr Straw was naive.",
        "The French want the embargo lifted to sell arms.”",
    ]
    assert choose(texts, [1, 0, 2, 3], sentences=1) == ['"' + texts[1]]
    assert choose(texts, [3, 2, 0, 1], sentences=2) == [texts[2], "“" + texts[3]]


def test_a_quotation_shortened_to_fit_is_closed():
    quote = '"' + " ".join(["The repairs are going well and the bridge will reopen"] * 4) + '."'
    out = choose([quote], [0], sentences=1, max_chars=100)
    assert len(out[0]) <= 100
    assert out[0].endswith('…"') and balanced(out)


@pytest.mark.parametrize(
    ("language", "texts", "closed"),
    [
        (
            "german",
            ["Der Hafen bleibt zu.", "Der Sprecher sagte: „Wir zahlen nicht.", "Nie.“"],
            "Der Sprecher sagte: „Wir zahlen nicht.“",
        ),
        (
            "polish",
            ["Port jest zamknięty.", "Rzecznik powiedział: „Nie zapłacimy.", "Nigdy.”"],
            "Rzecznik powiedział: „Nie zapłacimy.”",
        ),
        (
            "french",
            [
                "Le port reste fermé.",
                "Le porte-parole a dit : « Nous ne paierons pas.",
                "Jamais. »",
            ],
            "Le porte-parole a dit : « Nous ne paierons pas.\u00a0»",
        ),
        (
            "german",
            ["Der Hafen bleibt zu.", "Der Sprecher sagte: »Wir zahlen nicht.", "Nie.«"],
            "Der Sprecher sagte: »Wir zahlen nicht.«",
        ),
        (
            "japanese",
            ["港は閉鎖された。", "広報担当者は「身代金は払わない。", "絶対に。」"],
            "広報担当者は「身代金は払わない。」",
        ),
        (
            "chinese",
            ["港口关闭。", "发言人说：“我们不会支付赎金。", "绝不。”"],
            "发言人说：“我们不会支付赎金。”",
        ),
    ],
)
def test_quotations_are_closed_with_their_own_language_marks(language, texts, closed):
    assert choose(texts, [1, 0, 2], sentences=1, language=language) == [closed]


def test_a_german_quotation_is_briefed_closed_and_with_its_speaker():
    article = Article(
        "Hafen von Brennport bleibt geschlossen",
        "\n\n".join(
            [
                "Der Hafen von Brennport bleibt nach dem Cyberangriff vom Dienstag geschlossen, "
                "wie die Hafenverwaltung am Mittwoch mitteilte.",
                "Hafensprecher Jonas Feldmann sagte: „Wir werden kein Lösegeld zahlen. Die "
                "Täter müssen gefunden und bestraft werden. Der Hafen öffnet erst wieder, wenn "
                "die Server sicher sind.“",
                "Vor der Küste warten rund 40 Frachtschiffe auf einen Liegeplatz, und Hunderte "
                "Lastwagen stauen sich an den Zufahrten zum Terminal.",
            ]
        ),
        language="german",
    )
    briefings = [summarize(article, SummaryOptions(sentences=n)).sentences for n in range(1, 5)]
    for briefing in briefings:
        assert_reads_alone(briefing, article)
    speaker = "Hafensprecher Jonas Feldmann sagte: „"
    quoted = [(b, k) for b in briefings for k, s in enumerate(b) if "„" in s]
    assert quoted
    assert all(b[k].startswith(speaker) or (k and b[k - 1].startswith(speaker)) for b, k in quoted)


# --- the parts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "open_marks", "stray", "outside", "starts"),
    [
        ('"Yes," he said.', (), "", True, True),
        ("“We will not pay,” he said.", (), "", True, True),
        ("„Wir zahlen nicht“, sagte er.", (), "", True, True),
        ("»Ja«, sagte er.", (), "", True, True),
        ("« Nous ne paierons pas », a-t-il dit.", (), "", True, True),
        ("”Vi betalar inte”, sa han.", (), "", True, True),
        ("他说：“我希望……。”", (), "", True, False),
        ("「東京」は大きい。", (), "", True, True),
        ("'I'm here,' he said.", (), "", True, True),
        ("The players' tickets don't work in the '90s hall.", (), "", True, False),
        ("Rock 'n' roll plays 's avonds in 's-Hertogenbosch 'til late.", (), "", True, False),
        ('Liu: "I hope', ('"',), "", True, False),
        ('It takes a year," he said.', (), '"', True, False),
        ('"We will." "Go."', (), "", False, True),
        ('כך אמר מנכ"ל הרשות.', (), "", True, False),
        ('"לא נשלם," אמר מנכ"ל הרשות.', (), "", True, True),
        # a quotation after a prefix letter ("that", "to", "in"): ש"...", ל"...", ב"..."
        ('הוא אמר ש"אנחנו לא נשלם" ויצא.', (), "", True, False),
        ('בראיון ל"הארץ" אמר מנכ"ל הרשות כי ישלם את ש"ח.', (), "", True, False),
        # two prefix letters ("and that"), and a quotation closed with no space after it:
        # a final letter (ם) ends its word, so the mark after it is no acronym's
        ('הוא אמר וש"אנחנו לא נשלם" ויצא.', (), "", True, False),
        ('הוא אמר ש"אנחנו לא נשלם"ויצא.', (), "", True, False),
        ('הוא אמר ש"החוב ישולם"ושהמנכ"ל ילך.', (), "", True, False),
        ('הרשות פרסמה דו"חות ב"ידיעות אחרונות', ('"',), "", True, False),
    ],
)
def test_quotation_marks_are_read_by_where_they_stand(text, open_marks, stray, outside, starts):
    found = scan(text)
    assert (found.open, found.stray, found.outside, found.starts_quoting) == (
        open_marks,
        stray,
        outside,
        starts,
    )


@pytest.mark.parametrize(
    ("sentence", "language", "points_back"),
    [
        ("He said the port would reopen.", "english", True),
        ("It's over.", "english", True),
        ("However, it rained.", "english", True),
        ("The company said it would cut jobs.", "english", True),
        ("In addition, ten people died.", "english", True),
        ('"But we will win," he said.', "english", True),
        ("This year the town grew.", "english", False),
        ("Then-President Obama spoke.", "english", False),
        ("Theresa May spoke.", "english", False),
        ("Hebrides ferries were cancelled.", "english", False),
        ("Er sagte, der Hafen bleibe zu.", "german", True),
        ("Diese Woche regnete es.", "german", False),
        ("Es gibt keine Züge.", "german", False),
        ("Cependant, le port reste fermé.", "french", True),
        ("Cette année, il pleut.", "french", False),
        ("Sin embargo, llovió.", "spanish", True),
        ("Sin agua no hay vida.", "spanish", False),
        ("他说港口将重新开放。", "chinese", True),
        ("布伦港遭到攻击。", "chinese", False),
        ("しかし港は閉鎖された。", "japanese", True),
        ("Det säger Anna Nilsson, ordförande i föreningen.", "swedish", True),
        ("Det sa han till SVT.", "swedish", True),
        ("Det siger formanden.", "danish", True),
        ("Det sier statsministeren.", "norwegian", True),
        ("Näin sanoo puheenjohtaja Liisa Virtanen.", "finnish", True),
        ("Det är kallt i Kiruna.", "swedish", False),
        ("Det säger sig självt att skolan behövs.", "swedish", False),
        ("Det säger Anna Nilsson.", "english", False),
        ("Das sagte Bürgermeister Jens Otte.", "german", True),
        ("Das sagt sich leicht.", "german", False),
        ("Das Hallenbad ist alt.", "german", False),
        ("Dat zegt minister De Jonge.", "dutch", True),
        ("Así lo ha asegurado la alcaldesa.", "spanish", True),
        ("Así lo dijo el ministro.", "spanish", True),
        ("Foi o que disse a vereadora.", "portuguese", True),
        ("C’est ce qu’a déclaré le ministre.", "french", True),
        ("C'est ce qu'affirme la ministre.", "french", True),
        ("C'est ce que dit le maire.", "french", True),
        ("C'est ce qu'il faut retenir.", "french", False),
        ("Lo ha detto il sindaco.", "italian", True),
        ("Lo stadio è chiuso.", "italian", False),
        ("According to her, the plan works.", "english", True),
        ("According to the council, the plan works.", "english", False),
        ("Ihm zufolge beginnt der Bau im Mai.", "german", True),
        ("Demnach beginnt der Bau im Mai.", "german", True),
        ("Selon lui, la ville doit investir.", "french", True),
        ("D’après elle, rien ne change.", "french", True),
        ("L’entreprise a fermé son usine.", "french", True),
        ("Selon les experts, la ville doit investir.", "french", False),
        ("Según ella, la reforma es justa.", "spanish", True),
        ("Secondo lui, la linea è pronta.", "italian", True),
        ("Segundo ela, as regras são justas.", "portuguese", True),
    ],
)
def test_sentences_that_point_back(sentence, language, points_back):
    assert opens_by_pointing_back(sentence, language) is points_back


def test_passages_keep_each_sentence_with_those_it_cannot_be_taken_apart_from():
    texts = [
        "Molina spoke at noon.",
        'Molina said: "No.',  # its quotation goes on over the next two
        'Never."',
        '"Not now."',  # names nobody: Molina, two sentences before, said it
        "The plan has two parts:",  # introduces the next
        "Walls rise.",
        "They stand.",  # points back
        '"We wait.',  # its speaker is named after it, not before
        'We hope," said Lind.',
    ]
    readability = Readability(texts, [True] + [False] * (len(texts) - 1), "english")
    assert readability.passages() == [range(0, 1), range(1, 4), range(4, 7), range(7, 9)]
    assert Readability([], [], "english").passages() == []


REPEATED = (
    "The council voted on Tuesday to close the old harbour bridge to cars from next spring. "
    "Engineers found cracks in two of the supports last year. "
    "The council voted on Tuesday to close the old harbour bridge to cars from next spring. "
    "Shop owners said the closure would cut them off from customers.\n"
)


@pytest.mark.parametrize(
    "texts",
    [
        ["The bridge closes.", "Shops fear it.", "THE BRIDGE CLOSES."],  # single-spaced
        ["The bridge  closes.", "Shops fear it.", "the bridge closes.\n"],  # spaced otherwise
        ["Shops fear it.", " The bridge\ncloses. ", "The bridge closes."],
    ],
)
def test_a_repeat_is_told_whatever_its_case_and_spacing(texts):
    readability = Readability(texts, [True, True, True], "english")
    assert [readability.blocked(i) for i in range(3)] == [False, False, True]
    assert not Readability(texts[:2], [True, True], "english").blocked(1)


@pytest.mark.parametrize("method", list(METHODS))
def test_a_sentence_the_article_repeats_is_quoted_once(tmp_path, method):
    path = tmp_path / "bridge.txt"
    path.write_text(REPEATED, encoding="utf-8")
    out = io.StringIO()
    code = main(["summarize", "--method", method, "-n", "3", str(path)], stdout=out)
    assert code == EXIT_OK
    assert out.getvalue().splitlines() == [  # the repeat's place taken by another sentence
        "The council voted on Tuesday to close the old harbour bridge to cars from next spring.",
        "Engineers found cracks in two of the supports last year.",
        "Shop owners said the closure would cut them off from customers.",
    ]
