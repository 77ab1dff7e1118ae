"""The summarize() call: every method, lengths, the default method's rules, bad input."""

from __future__ import annotations

import random

import numpy as np
import pytest

from summaries import (
    METHODS,
    Article,
    BinaryInputError,
    EmptyArticleError,
    InputTooLargeError,
    InvalidOptionError,
    SummaryOptions,
    UnknownMethodError,
    summarize,
)
from summaries.summarize.budget import ELLIPSIS, Budget, shorten
from summaries.summarize.default import (
    _FRAGMENT_PENALTY,
    _best_first,
    _lede_first,
    _measures,
    _summed_cosine,
    choose,
    lead_bias,
)
from tests.builders import BODY, LEDE, SHARED, long_text, news_article
from tests.languages import CHINESE


def _sentences_of(article: Article) -> list[str]:
    return [line for line in article.text.split("\n\n") if line]


@pytest.mark.parametrize("method", list(METHODS))
def test_every_method_returns_whole_sentences_in_article_order(method):
    article = news_article()
    briefing = summarize(article, SummaryOptions(method=method, sentences=3))
    source = _sentences_of(article)
    assert len(briefing.sentences) == 3
    assert all(s in source for s in briefing.sentences)
    positions = [source.index(s) for s in briefing.sentences]
    assert positions == sorted(positions)
    assert briefing.method == method
    assert briefing.source_sentences == len(source)


def test_default_briefing_of_a_news_story_starts_with_its_lede():
    briefing = summarize(news_article(), SummaryOptions(sentences=3))
    assert briefing.sentences[0] == LEDE


def test_default_lead_bias_grows_with_compression():
    assert lead_bias(3, 30) > lead_bias(3, 10) > lead_bias(5, 10) > lead_bias(10, 10) == 0


def test_a_long_extract_is_chosen_by_centrality_not_position():
    # Half the article: the lead bias is weak, so the sentences about the
    # article's recurring subject (the walls) beat the early off-topic ones.
    off_topic = [
        "Separately, a bakery on Elm Street celebrated its centenary.",
        "A local choir announced a summer tour of three countries.",
        "Tickets for the regional marathon went on sale last week.",
    ]
    on_topic = [
        "The river walls will be the highest river walls the harbour has had.",
        "Critics of the river walls say the walls block the harbour view.",
        "Supporters of the river walls say the walls will save the harbour.",
    ]
    article = Article("River walls", "\n\n".join([LEDE, *off_topic, *on_topic]))
    briefing = summarize(article, SummaryOptions(sentences=4))
    assert set(on_topic) <= set(briefing.sentences)


def test_the_lead_bias_counts_paragraphs_not_sentences():
    # Eight sentences, four wanted: a long extract. Sentences 3 and 7 say the same; when
    # the opening paragraph holds four sentences, 3 is no further from the lede than the
    # others of that paragraph, and gains on 7.
    rows = [
        _sentence("council approves river walls plan"),
        _sentence("river walls harbour flood homes"),
        _sentence("river walls council vote budget"),
        _sentence("shops bakery choir marathon tickets"),
        _sentence("river walls harbour engineers drawings"),
        _sentence("river walls flood council spring"),
        _sentence("river walls harbour residents comment"),
        _sentence("shops bakery choir marathon tickets"),
    ]
    by_sentence = _scores(rows, 4)
    by_paragraph = _scores(rows, 4, [0, 0, 0, 0, 1, 1, 2, 2])
    assert by_paragraph[3] - by_paragraph[7] > by_sentence[3] - by_sentence[7]
    # in one paragraph the bias is the same for every sentence: only the relevance differs
    relevance = by_sentence + lead_bias(4, 8) * np.log1p(np.arange(8))
    assert by_paragraph[:4] == pytest.approx(relevance[:4])


def test_a_text_in_one_block_keeps_its_lead_bias_by_sentence():
    rows = [_sentence(f"river walls council plan item{n}") for n in range(6)]
    by_sentence = _scores(rows, 3)
    one_block = _scores(rows, 3, [0] * 6)  # one paragraph: nothing said of its steps
    assert one_block == pytest.approx(by_sentence)
    assert list(one_block) == sorted(one_block, reverse=True)  # the lede still leads


def _scores(
    rows: list[tuple[str, list[str]]], wanted: int, paragraphs: list[int] | None = None
) -> np.ndarray:
    """The scores ``choose`` ranks ``rows`` (sentence, terms) by, with these paragraphs."""
    seen: list[np.ndarray] = []

    def pick(order: list[int], given: np.ndarray, fragment: object) -> list[int]:
        seen.append(given)
        return order[:wanted]

    choose([r[0] for r in rows], [r[1] for r in rows], wanted, pick, paragraphs)
    return seen[0]


def _sentence(words: str) -> tuple[str, list[str]]:
    """A sentence of ``words`` and its content terms (the words themselves)."""
    return words.capitalize() + ".", words.split()


def _choose(rows: list[tuple[str, list[str]]], wanted: int) -> list[int]:
    sentences, terms = [r[0] for r in rows], [r[1] for r in rows]
    return choose(sentences, terms, wanted, lambda order, scores, fragment: order[:wanted])


# Twelve sentences, three wanted (a quarter): a short briefing. Sentence 3 holds every
# word the body keeps returning to, so it is by far the most central one.
_BODY_TOPIC = [
    "river walls harbour flood council",
    "river walls harbour cost euros",
    "river walls flood homes winter",
    "river walls harbour council vote",
    "river walls flood engineers drawings",
    "river walls harbour shops spring",
    "river walls flood council budget",
    "river walls harbour residents comment",
]
_CENTRAL = "river walls harbour flood council cost homes"


def test_a_short_briefing_keeps_an_on_topic_lede_over_a_more_central_body_sentence():
    lede = [
        "council approves river walls plan",
        "harbour walls protect flood homes",
        "river flood walls council vote",
    ]
    body = [
        "river engineers drawings published online",
        "harbour shops open spring season",
        "flood insurance premiums rising again",
        "council budget meeting next month",
        "walls cost euros estimate engineers",
        "residents comment drawings month end",
        "opposition voted budget unrealistic",
        "winter homes damaged river banks",
    ]
    rows = [_sentence(s) for s in [*lede, _CENTRAL, *body]]
    sentences, terms = [r[0] for r in rows], [r[1] for r in rows]
    picks: list[list[int]] = []

    def pick(order: list[int], scores: object, fragment: object) -> list[int]:
        picks.append(order[:3])
        return order[:3]

    chosen = choose(sentences, terms, 3, pick)
    assert 3 in picks[0]  # by score alone the central body sentence gets in...
    assert chosen == [0, 1, 2]  # ...but the lede is on the article's subject: it stays


def test_a_short_briefing_lets_the_body_in_when_the_opening_is_off_topic():
    scene = [
        "sunny morning baker opened shop early",
        "children played beside bakery fountain square",
        "tourists photographed painted doors market",
    ]
    rows = [_sentence(s) for s in [*scene, _CENTRAL, *_BODY_TOPIC]]
    chosen = _choose(rows, 3)
    assert 3 in chosen  # the sentence the article is about
    assert chosen != [0, 1, 2]


def test_a_short_storys_briefing_opens_with_a_lede_less_central_than_its_body():
    """Three of six sentences: more than a short share. The lede shares the subject's
    words, fewer than the body does; the briefing opens with it all the same, unless it
    shares no word with the story (a scene)."""
    body = [_sentence(s) for s in [_CENTRAL, *_BODY_TOPIC[:4]]]
    assert _choose([_sentence("council approves river walls plan"), *body], 3)[0] == 0
    assert 0 not in _choose([_sentence("sunny morning baker opened shop early"), *body], 3)
    # a longer extract is left to the scores
    assert 0 not in _choose([_sentence("council approves river walls plan"), *body], 4)


def test_a_short_chinese_storys_briefing_opens_with_its_lede():
    """Five sentences of a Chinese story: its lede names the attack in words of its own,
    the body repeats the port authority's name; the briefing still opens with the lede."""
    flat = [sentence for paragraph in CHINESE.paragraphs for sentence in paragraph]
    story = [flat[i] for i in (0, 2, 4, 5, 6)]
    article = Article(CHINESE.title, "\n\n".join(story), language="chinese")
    briefing = summarize(article, SummaryOptions(sentences=3))
    assert briefing.sentences[0] == story[0]
    assert len(briefing.sentences) == 3


def test_without_stop_words_centrality_lets_no_body_sentence_in_before_the_lede():
    """In a language with no stop-word list the terms keep its function words, so an
    opening less central than average is no sign that it is off the subject."""
    scene = [
        "sunny morning baker opened shop early",
        "children played beside bakery fountain square",
        "tourists photographed painted doors market",
    ]
    rows = [_sentence(s) for s in [*scene, _CENTRAL, *_BODY_TOPIC]]
    sentences, terms = [r[0] for r in rows], [r[1] for r in rows]

    def pick(order: list[int], scores: object, fragment: object) -> list[int]:
        return order[:3]

    assert 3 in choose(sentences, terms, 3, pick)  # with stop words out: the body gets in
    assert choose(sentences, terms, 3, pick, stop_words_out=False) == [0, 1, 2]
    # a long extract is still chosen by centrality, but keeps the lede's first sentence
    long = choose(sentences, terms, 6, lambda o, s, f: o[:6], stop_words_out=False)
    assert 3 in long and 0 in long
    assert 0 not in choose(sentences, terms, 6, lambda o, s, f: o[:6])  # with stop words out


def test_frequency_similarity_is_the_cosine_with_the_article_term_counts():
    terms = [["flood", "wall", "flood"], ["wall", "cost"], ["river"], [], ["flood", "cost"]]
    vocabulary = sorted({t for s in terms for t in s})
    article = np.array([sum(s.count(t) for s in terms) for t in vocabulary], float)
    expected = []
    for sentence in terms:
        present = np.array([t in sentence for t in vocabulary], float)
        norm = np.linalg.norm(present) * np.linalg.norm(article)
        expected.append(present @ article / norm if norm else 0.0)
    frequency = _measures(terms)[1] / np.linalg.norm(article)
    assert np.allclose(frequency, expected)


def test_fragments_are_skipped_when_whole_sentences_exist():
    text = "\n\n".join(
        [
            "LONDON",
            "He was 88.",
            LEDE,
            *BODY[:4],
        ]
    )
    briefing = summarize(Article("", text), SummaryOptions(sentences=2))
    assert "He was 88." not in briefing.sentences
    assert briefing.sentences[0] == LEDE


@pytest.mark.parametrize("seed", range(20))
def test_the_lede_is_ranked_as_sorting_its_scores_ranks_it(seed):
    """The lede's order (article order, fragments last) is told without sorting."""
    rng = random.Random(seed)
    fragments = [rng.random() < 0.3 for _ in range(rng.randint(1, 60))]
    positions = np.arange(len(fragments), dtype=float)
    scores = -positions - _FRAGMENT_PENALTY * np.array(fragments)
    assert _lede_first(fragments) == _best_first(scores)


def test_summed_cosine_matches_the_similarity_matrix():
    terms = [
        ["flood", "wall", "river"],
        ["wall", "cost"],
        ["river", "flood", "flood"],
        [],
        ["cost"],
    ]
    vocabulary = sorted({t for s in terms for t in s})
    n = len(terms)
    counts = np.array([[s.count(t) for t in vocabulary] for s in terms], float)
    df = (counts > 0).sum(0)
    vectors = counts * (np.log((n + 1) / (df + 1)) + 1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    similarity = unit @ unit.T
    np.fill_diagonal(similarity, 0)
    assert np.allclose(_summed_cosine(terms), similarity.sum(1))


def test_max_chars_drops_sentences_that_do_not_fit():
    options = SummaryOptions(sentences=5, max_chars=200)
    briefing = summarize(news_article(), options)
    assert len(briefing.text) <= 200
    assert 1 <= len(briefing.sentences) < 5


def test_one_endless_sentence_is_cut_at_a_word_boundary():
    rng = random.Random(5)
    vocabulary = "the council said that river walls and flood plans would cost more than".split()
    words = " ".join(rng.choice(vocabulary) for _ in range(5000)) + "."
    briefing = summarize(Article("", words), SummaryOptions(max_chars=300))
    (only,) = briefing.sentences
    assert len(only) <= 300
    assert only.endswith(ELLIPSIS)
    assert words.startswith(only[: -len(ELLIPSIS)])


def test_text_without_sentence_punctuation_still_gives_a_briefing():
    lines = [
        f"the market in town {n} opened early with fresh fish and bread for sale" for n in range(8)
    ]
    briefing = summarize(Article("", "\n".join(lines)), SummaryOptions(sentences=2))
    assert 1 <= len(briefing.sentences) <= 2
    assert all(s.rstrip(ELLIPSIS) in "\n".join(lines) for s in briefing.sentences)


def test_budget_keeps_best_ranked_sentences_that_fit():
    class Info:
        def __init__(self, text):
            self.sentence = text

    ranked = [Info("x" * 90), Info("y" * 30), Info("z" * 50), Info("w" * 10)]
    chosen = Budget(sentences=2, max_chars=100)(ranked)
    assert [i.sentence for i in chosen] == ["x" * 90]  # nothing else fits beside it
    chosen = Budget(sentences=2, max_chars=85)(ranked)
    assert [i.sentence for i in chosen] == ["y" * 30, "z" * 50]
    assert Budget(sentences=3, max_chars=5)(ranked)[0].sentence == "x" * 90  # cut later


def test_shorten():
    assert shorten("short", 10) == "short"
    cut = shorten("alpha beta gamma delta epsilon", 20)
    assert cut == "alpha beta gamma" + ELLIPSIS
    assert len(cut) <= 20


def test_a_page_of_menu_items_is_not_an_article():
    menu = "\n".join(["Home", "World", "Business", "Sport", "Subscribe now", "Contact us"])
    with pytest.raises(EmptyArticleError):
        summarize(Article("", menu))


@pytest.mark.parametrize(
    "items",
    [
        " ".join(f"Topic {n}" for n in range(60)),  # a forum's index, its links in one line
        " ".join(f"Page {n} of 12" for n in range(1, 13)),
        "Next Next Next Next Next Next Next Next Next",
    ],
)
def test_a_line_of_like_items_is_not_an_article(items):
    with pytest.raises(EmptyArticleError, match="no article text"):
        summarize(Article("Forum", items))


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\u00a0\t"])
def test_empty_input_is_refused_clearly(text):
    with pytest.raises(EmptyArticleError, match="no article text"):
        summarize(Article("", text))


def test_binary_input_is_refused_clearly():
    garbage = bytes(range(256)).decode("latin-1") * 40
    with pytest.raises(BinaryInputError, match="binary"):
        summarize(Article("", garbage))


def test_a_50_megabyte_input_is_refused_at_once():
    huge = "Another sentence about the weather. " * 1_400_000
    with pytest.raises(InputTooLargeError, match="limit"):
        summarize(Article("", huge))


def test_text_beyond_the_read_limit_is_ignored_not_refused():
    from summaries.summarize import READ_CHARS

    text = long_text(4000)
    assert READ_CHARS < len(text) < 2_000_000
    briefing = summarize(Article("", text), SummaryOptions(method="lead"))
    assert briefing.sentences[0].startswith("Report section 0 ")


def test_slow_methods_rank_only_their_bounded_prefix():
    method = METHODS["kl"]
    briefing = summarize(Article("", long_text(400)), SummaryOptions(method="kl"))
    numbers = [int(s.split()[2]) for s in briefing.sentences]
    assert method.max_sentences is not None
    assert max(numbers) < method.max_sentences
    assert briefing.source_sentences == 400


def test_non_english_text_gives_a_briefing_of_its_sentences():
    german = (
        "Der Stadtrat von Harwick hat am Montag einen neuen Hochwasserschutzplan beschlossen. "
        "Die Mauern am Fluss werden um zwei Meter erhöht. "
        "Die Bürgermeisterin sagte, der Rat habe nach den Überschwemmungen keine Wahl gehabt. "
        "Die Kosten liegen bei 48 Millionen Euro über sechs Jahre. "
        "Die Bauarbeiten beginnen im Frühjahr."
    )
    for language in ("english", "german"):
        briefing = summarize(Article("", german), SummaryOptions(sentences=2, language=language))
        assert len(briefing.sentences) == 2
        assert all(s in german for s in briefing.sentences)


def test_unknown_method_and_bad_options_are_named():
    with pytest.raises(UnknownMethodError, match="'magic'.*default, lead"):
        summarize(news_article(), SummaryOptions(method="magic"))
    with pytest.raises(InvalidOptionError, match="sentences"):
        summarize(news_article(), SummaryOptions(sentences=0))
    with pytest.raises(InvalidOptionError, match="max_chars"):
        summarize(news_article(), SummaryOptions(max_chars=5))


SHARED_ARTICLES = SHARED / "articles"
BOILERPLATE = [
    "Current Issue",
    "Subscribe Now",
    "RSS Feeds",
    "Hot Topics",
    "Editor's Picks",
    "China's cyber security under severe threat",
    "Jiang Jun for China Daily",
    "Video Player",
    "Updated:",
    "Source: Xinhua",
    "scheduled to end The conference",
    "Share",
    "Top Story",
]


@pytest.mark.skipif(not SHARED_ARTICLES.is_dir(), reason="../shared/articles is absent")
@pytest.mark.parametrize("name", sorted(p.name for p in SHARED_ARTICLES.glob("*.txt")) or ["-"])
def test_briefings_of_real_scraped_pages_carry_no_page_furniture(name):
    text = (SHARED_ARTICLES / name).read_text(encoding="utf-8")
    briefing = summarize(Article("", text))
    assert len(briefing.sentences) == 3
    for line in BOILERPLATE:
        assert all(line not in s for s in briefing.sentences), line
    assert all(len(s.split()) >= 8 for s in briefing.sentences)


@pytest.mark.skipif(not SHARED_ARTICLES.is_dir(), reason="../shared/articles is absent")
def test_forum_briefing_is_about_the_forum():
    text = (SHARED_ARTICLES / "002_8a71c65cc0a95d31.txt").read_text(encoding="utf-8")
    briefing = summarize(Article("", text))
    assert briefing.sentences[0].startswith("A senior Chinese Internet affairs official")
    assert "Forum" in briefing.text


def test_default_behind_sumys_interface_chooses_as_the_pipeline_does():
    from summaries.language import language_tools
    from summaries.sentences import OfflineTokenizer
    from summaries.summarize.document import build_document
    from summaries.summarize.methods import shared_summarizer

    article = news_article()
    document = build_document(article.title, article.text, OfflineTokenizer("english"))
    summarizer = shared_summarizer("default", language_tools("english"))
    for count in (Budget(3, 1000), 5, Budget(4, 200)):
        chosen = tuple(str(s) for s in summarizer(document, count))
        wanted = count if isinstance(count, int) else count.sentences
        limit = 20_000 if isinstance(count, int) else count.max_chars
        options = SummaryOptions(sentences=wanted, max_chars=max(limit, 80))
        assert chosen == summarize(article, options).sentences
