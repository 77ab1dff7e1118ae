"""Story grouping: the labelled pairs, the threshold, the shared pages and StoryGrouper."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from summaries.clean import clean_text
from summaries.grouping import (
    LEAD_WORDS,
    SAME_STORY_THRESHOLD,
    Fingerprint,
    StoryGrouper,
    TermWeights,
    fingerprint,
    similarity,
    story_similarity,
    term_weights,
    time_decay,
)
from summaries.samples import sample_articles
from summaries.titles import site_free_titles, site_names
from tests.builders import SHARED

DATA = Path(__file__).resolve().parents[1] / "data"
PAIRS, OUTLET_PAIRS = DATA / "story_pairs.jsonl", DATA / "story_pairs_outlets.jsonl"
SHARED_ARTICLES = SHARED / "articles"
WINDOW = timedelta(hours=72)  # the grouper's window: pairs farther apart are never compared


def _rows(path: Path) -> list[dict]:
    """Labelled pairs; titles that carry an outlet's branding as ingest stores them (each
    outlet's titles cleaned together, as its feed's would be)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_outlet: dict[str, set[str]] = {}
    for row in rows:
        for side in (row["a"], row["b"]):
            if side.get("outlet"):
                by_outlet.setdefault(side["outlet"], set()).add(side["title"])
    stored: dict[str, str] = {}
    for outlet, titles in by_outlet.items():
        ordered = sorted(titles)
        stored.update(zip(ordered, site_free_titles(ordered, site_names(outlet)), strict=True))
    for row in rows:
        for side in (row["a"], row["b"]):
            side["published_title"] = side["title"]
            side["title"] = stored.get(side["title"], side["title"])
    return rows


ROWS, OUTLET_ROWS = _rows(PAIRS), _rows(OUTLET_PAIRS)
TUNE, HELD_OUT = ROWS[0::2] + OUTLET_ROWS[0::2], ROWS[1::2] + OUTLET_ROWS[1::2]


def _key(article: dict) -> tuple[str, str]:
    return article["title"], article["text"]


def _scores(rows: list[dict]) -> list[float]:
    """Similarity of each pair, IDF over the distinct articles of `rows` (the window)."""
    prints = {_key(r[s]): fingerprint(r[s]["title"], r[s]["text"]) for r in rows for s in "ab"}
    weights = term_weights(prints.values())
    return [similarity(prints[_key(r["a"])], prints[_key(r["b"])], weights) for r in rows]


def _apart(row: dict) -> timedelta:
    a, b = (datetime.fromisoformat(row[s]["published"]) for s in "ab")
    return abs(a - b)


def _predict(rows: list[dict], scores: list[float], threshold: float, grouped: bool):
    """Same story? ``grouped``: as the grouper decides (the window, then the decay)."""
    if not grouped:
        return [s >= threshold for s in scores]
    return [
        _apart(r) <= WINDOW and s * time_decay(_apart(r), WINDOW) >= threshold
        for r, s in zip(rows, scores, strict=True)
    ]


def _precision_recall(rows: list[dict], predicted: list[bool]) -> tuple[float, float]:
    labels = [r["same"] for r in rows]
    tp = sum(p and t for p, t in zip(predicted, labels, strict=True))
    fp = sum(p and not t for p, t in zip(predicted, labels, strict=True))
    fn = sum(t and not p for p, t in zip(predicted, labels, strict=True))
    return tp / (tp + fp), tp / (tp + fn)


def _f1(rows: list[dict], predicted: list[bool]) -> float:
    p, r = _precision_recall(rows, predicted) if any(predicted) else (0.0, 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def _fp(article) -> Fingerprint:
    return fingerprint(article.title, article.text)


# --- The labelled sets -----------------------------------------------------------------


def test_labelled_set_has_the_pairs_it_promises():
    """At least 40 same-story and 60 different-story pairs, half of these hard."""
    kinds = Counter(r["note"].split(" ", 2)[0] + ("" if r["same"] else "-diff") for r in ROWS)
    same = sum(r["same"] for r in ROWS)
    assert same >= 40
    assert len(ROWS) - same >= 60
    assert kinds["hard-diff"] >= 30
    assert all(r["a"]["title"] and r["b"]["text"] and r["a"]["published"] for r in ROWS)
    # Both halves hold enough of each kind to measure anything.
    for half in (ROWS[0::2], ROWS[1::2]):
        assert sum(r["same"] for r in half) >= 20
        assert sum(not r["same"] for r in half) >= 30


def test_outlet_set_has_hard_negatives_from_one_outlet_in_both_halves():
    """Same site, same topic, different event: at least 15, most within 72 hours, and the
    same events told by other outlets; every article names its outlet."""
    one = [r for r in OUTLET_ROWS if r["note"].startswith("hard negative, one outlet")]
    assert len(one) >= 15 and sum(_apart(r) <= WINDOW for r in one) >= 12
    assert all(r["a"]["outlet"] == r["b"]["outlet"] and not r["same"] for r in one)
    assert sum(r["same"] for r in OUTLET_ROWS) >= 20
    for half in (OUTLET_ROWS[0::2], OUTLET_ROWS[1::2]):
        assert sum(r["same"] for r in half) >= 10
        assert sum(r in one for r in half) >= 7


def test_outlet_set_titles_are_stored_without_their_branding():
    """Every title published with its outlet's name ("| Norwick Gazette", "LinkMarrow |
    Marrow Bay's popular news platform: ") is stored without it, and no other words go."""
    for row in OUTLET_ROWS:
        for side in (row["a"], row["b"]):
            title, published = side["title"], side["published_title"]
            assert title in published
            outlet_words = set(side["outlet"].lower().split())
            assert not outlet_words <= set(title.lower().split()), title
    changed = {s["published_title"] for r in OUTLET_ROWS for s in (r["a"], r["b"])
               if s["title"] != s["published_title"]}  # fmt: skip
    assert len(changed) >= 30


def test_labelled_set_includes_the_project_samples():
    """Samples 01 and 02 are one story; 01 and 03 are not."""
    first, second, third = (a.title for a in sample_articles()[:3])
    labels = {(r["a"]["title"], r["b"]["title"]): r["same"] for r in ROWS}
    assert labels[(first, second)] is True
    assert labels[(first, third)] is False


def test_threshold_is_what_the_tuning_halves_pick():
    """SAME_STORY_THRESHOLD has the best F1 on both tuning halves. (It was chosen as the
    middle of that range, 0.247 to 0.302; the figures of summaries.grouping.numbers narrowed
    the range to 0.240 to 0.284, and the constant, still inside it, stayed.)"""
    scores = _scores(TUNE)
    decayed = sorted({s * time_decay(_apart(r), WINDOW) for r, s in zip(TUNE, scores, strict=True)})
    candidates = [(x + y) / 2 for x, y in zip(decayed, decayed[1:], strict=False)]
    f1s = [_f1(TUNE, _predict(TUNE, scores, c, grouped=True)) for c in candidates]
    chosen = _f1(TUNE, _predict(TUNE, scores, SAME_STORY_THRESHOLD, grouped=True))
    assert chosen >= max(f1s) - 1e-12


def test_held_out_precision_and_recall_as_the_grouper_is_used():
    """Held-out halves, as grouped: measured P 0.97, R 1.00 (target P >= 0.95, R >= 0.9)."""
    predicted = _predict(HELD_OUT, _scores(HELD_OUT), SAME_STORY_THRESHOLD, grouped=True)
    precision, recall = _precision_recall(HELD_OUT, predicted)
    assert precision >= 0.95
    assert recall >= 0.95


def test_hard_negatives_of_one_outlet_as_the_grouper_is_used():
    """The outlet set alone: measured P 0.92, R 1.00; its titles as published (branded),
    0.89 and 1.00: the outlet's name made its headlines look alike."""
    predicted = _predict(OUTLET_ROWS, _scores(OUTLET_ROWS), SAME_STORY_THRESHOLD, grouped=True)
    precision, recall = _precision_recall(OUTLET_ROWS, predicted)
    assert precision >= 0.9 and recall >= 0.95
    branded = [
        {**r, **{s: {**r[s], "title": r[s]["published_title"]} for s in "ab"}} for r in OUTLET_ROWS
    ]
    predicted = _predict(branded, _scores(branded), SAME_STORY_THRESHOLD, grouped=True)
    assert _precision_recall(branded, predicted)[0] < precision


def test_held_out_precision_and_recall_on_text_alone():
    """Every pair compared, however far apart: measured P 0.69, R 1.00.

    Follow-ups days later reuse the story's names and words; text alone merges them, which
    is why the grouper compares only articles published close together.
    """
    predicted = _predict(HELD_OUT, _scores(HELD_OUT), SAME_STORY_THRESHOLD, grouped=False)
    precision, recall = _precision_recall(HELD_OUT, predicted)
    assert precision >= 0.62
    assert recall >= 0.95


def test_whole_sets_precision_and_recall():
    """All 166 pairs, as grouped: measured P 0.97, R 1.00."""
    rows = ROWS + OUTLET_ROWS
    predicted = _predict(rows, _scores(rows), SAME_STORY_THRESHOLD, grouped=True)
    precision, recall = _precision_recall(rows, predicted)
    assert precision >= 0.95
    assert recall >= 0.95


def test_easy_negatives_are_far_below_the_threshold():
    """Stories of different domains share few words: all under half the threshold."""
    easy = [r for r in ROWS if r["note"].startswith("easy")]
    assert len(easy) >= 20
    assert max(_scores(easy)) < SAME_STORY_THRESHOLD / 2


# --- The real scraped pages in ../shared/articles --------------------------------------


@pytest.fixture(scope="module")
def shared_prints() -> dict[str, Fingerprint]:
    if not SHARED_ARTICLES.is_dir():
        pytest.skip(f"{SHARED_ARTICLES} is absent (it lives outside the repository)")
    return {
        path.name[:3]: fingerprint("", clean_text(path.read_text(encoding="utf-8")))
        for path in sorted(SHARED_ARTICLES.glob("*.txt"))
    }


def _window_of_labelled_articles() -> StoryGrouper:
    grouper = StoryGrouper()
    articles = {_key(r[s]) for r in ROWS for s in "ab"}
    for key, (title, text) in enumerate(sorted(articles), start=1000):
        grouper.add(key, key, fingerprint(title, text))
    return grouper


def test_shared_forum_reports_group_and_other_events_do_not(shared_prints):
    """002 and 003 report the same 2013 forum; 000 (a 2015 forum) and 001 do not."""
    grouper = _window_of_labelled_articles()
    grouper.add(2, 1, shared_prints["002"])
    grouper.add(1, 2, shared_prints["001"])
    assert grouper.match(shared_prints["003"]) == 1
    nearest = grouper.nearest(shared_prints["000"])
    assert nearest is not None and nearest[1] < SAME_STORY_THRESHOLD
    assert grouper.match(shared_prints["000"]) is None


def test_shared_pair_scores(shared_prints):
    """Pairwise: the same-story pair is far above the threshold, 000~001 below it."""
    window = term_weights(
        [*shared_prints.values(), *(fingerprint(*_key(r[s])) for r in ROWS for s in "ab")]
    )
    assert similarity(shared_prints["002"], shared_prints["003"], window) > 0.5
    assert similarity(shared_prints["000"], shared_prints["001"], window) < SAME_STORY_THRESHOLD


# --- StoryGrouper ----------------------------------------------------------------------

KELSFORD_WIRE = "Kelsford hospital hit by cyberattack"


def _articles() -> dict[str, str]:
    return {r[s]["title"]: r[s]["text"] for r in ROWS for s in "ab"}


def test_third_outlet_joins_the_story_and_another_event_does_not():
    articles = _articles()
    kelsford = {t for t in articles if "Kelsford" in t}
    marrow_bay = {t for t in articles if "Marrow Bay" in t}
    assert len(kelsford) == 3 and len(marrow_bay) == 2
    grouper = StoryGrouper()
    for key, title in enumerate(sorted(articles)):
        if title in marrow_bay or title == KELSFORD_WIRE:
            continue
        grouper.add(key, 7 if title in kelsford else 100 + key, fingerprint(title, articles[title]))
    assert grouper.match(fingerprint(KELSFORD_WIRE, articles[KELSFORD_WIRE])) == 7
    for title in marrow_bay:  # another ransomware attack, three days later
        assert grouper.match(fingerprint(title, articles[title])) is None


def test_window_of_one_article():
    """One article in the window: every term weighs the same and the threshold decides."""
    port, truckers, breach_law = (_fp(a) for a in sample_articles()[:3])
    grouper = StoryGrouper()
    grouper.add(1, 10, port)
    assert len(grouper) == 1
    assert grouper.match(truckers) == 10
    assert grouper.match(breach_law) is None


def test_empty_window_matches_nothing():
    grouper = StoryGrouper()
    assert grouper.nearest(_fp(sample_articles()[0])) is None
    assert grouper.match(_fp(sample_articles()[0])) is None


@pytest.mark.parametrize(
    ("title", "text"), [("", ""), ("", "   \n\n  "), ("!!!", "42. 7-1 --"), ("Storm", "")]
)
def test_empty_or_tiny_articles_do_not_crash(title, text):
    fp = fingerprint(title, text)
    assert Fingerprint.from_json(fp.to_json()) == fp
    other = _fp(sample_articles()[0])
    assert 0.0 <= similarity(fp, other) < SAME_STORY_THRESHOLD
    grouper = StoryGrouper()
    grouper.add(1, 1, other)
    grouper.add(2, 2, fp)
    assert grouper.match(fp) in (None, 2)
    assert grouper.match(other) == 1


def test_empty_article_has_no_terms_and_shares_nothing():
    empty = fingerprint("", "")
    assert empty.terms == ()
    assert similarity(empty, empty) == 0.0
    grouper = StoryGrouper()
    grouper.add(1, 1, empty)
    assert grouper.match(empty) is None


def test_removed_article_no_longer_matches():
    port, truckers = (_fp(a) for a in sample_articles()[:2])
    grouper = StoryGrouper()
    grouper.add(1, 10, port)
    grouper.remove(1)
    grouper.remove(1)  # twice is harmless
    assert len(grouper) == 0
    assert grouper.match(truckers) is None
    grouper.add(1, 11, port)  # and it can come back, in another story
    assert grouper.match(truckers) == 11


def test_adding_a_key_again_replaces_the_article():
    port, truckers, breach_law = (_fp(a) for a in sample_articles()[:3])
    grouper = StoryGrouper()
    grouper.add(1, 10, port)
    grouper.add(1, 20, breach_law)
    assert len(grouper) == 1
    assert grouper.match(truckers) is None


def test_index_finds_what_comparing_every_article_finds():
    """The inverted index and its weights give the brute-force best match and score (the
    story similarity: the cosine, or its event evidence when that is short)."""
    articles = _articles()
    prints = {title: fingerprint(title, text) for title, text in articles.items()}
    titles = sorted(prints)
    for query in titles[::3]:
        window = [t for t in titles if t != query]
        grouper = StoryGrouper()
        for key, title in enumerate(window):
            grouper.add(key, key, prints[title])
        weights = term_weights([prints[t] for t in window] + [prints[query]])
        brute = max(story_similarity(prints[query], prints[t], weights) for t in window)
        nearest = grouper.nearest(prints[query])
        assert nearest is not None
        assert nearest[1] == pytest.approx(brute, abs=1e-9)
        assert story_similarity(
            prints[query], prints[window[nearest[0]]], weights
        ) == pytest.approx(brute, abs=1e-9)


def test_threshold_is_configurable():
    port, truckers = (_fp(a) for a in sample_articles()[:2])
    grouper = StoryGrouper(threshold=0.99)
    grouper.add(1, 10, port)
    assert grouper.match(truckers) is None
    assert StoryGrouper().threshold == SAME_STORY_THRESHOLD


# --- Fingerprints and similarity -------------------------------------------------------


def test_fingerprint_reads_headline_and_lead_only():
    article = sample_articles()[0]
    words = article.text.split()
    assert len(words) > 3 * LEAD_WORDS
    short = " ".join(words[: LEAD_WORDS + 20])  # the lead (and more) without the rest
    assert fingerprint(article.title, short) == fingerprint(article.title, article.text)
    assert fingerprint(article.title, article.text) != fingerprint("", article.text)


def test_fingerprint_stems_drops_stop_words_and_weighs_the_headline():
    fp = fingerprint("Hackers attacked the port", "The port's systems were attacked.")
    terms = dict(fp.terms)
    assert terms == {"hacker": 2.0, "attack": 3.0, "port": 3.0, "system": 1.0}
    assert "the" not in terms and "were" not in terms


def test_fingerprint_splits_hyphenated_words():
    assert {"harrow", "greenval"} <= dict(fingerprint("Harrow-Greenvale deal", "").terms).keys()


def test_other_languages_use_their_stemmer_and_stop_words():
    fp = fingerprint("Die Hafenbehörde", "Der Hafen wurde am Dienstag angegriffen.", "german")
    terms = dict(fp.terms)
    assert fp.language == "german"
    assert "der" not in terms and "die" not in terms
    assert terms["hafenbehord"] == 2.0 and terms["haf"] == 1.0


def test_similarity_is_symmetric_and_bounded():
    prints = [_fp(a) for a in sample_articles()]
    weights = term_weights(prints)
    for a in prints:
        assert similarity(a, a, weights) == pytest.approx(1.0)
        for b in prints:
            value = similarity(a, b, weights)
            assert 0.0 <= value <= 1.0
            assert value == pytest.approx(similarity(b, a, weights))


def test_same_story_scores_above_a_different_story_on_the_same_topic():
    port, truckers, breach_law = (_fp(a) for a in sample_articles()[:3])
    weights = term_weights(_fp(a) for a in sample_articles())
    assert similarity(port, truckers, weights) > SAME_STORY_THRESHOLD
    assert similarity(port, breach_law, weights) < SAME_STORY_THRESHOLD / 2


def test_rare_terms_weigh_more_in_a_window():
    weights = term_weights([fingerprint("", f"Rain fell in town {n}.") for n in range(20)])
    assert weights.weight("brennport") > weights.weight("rain")
    small = TermWeights(docs=2, df={"rain": 2})
    assert small.weight("rain") == small.weight("brennport") == 1.0


def test_fingerprint_json_round_trip_and_rejects_other_data():
    fp = _fp(sample_articles()[0])
    assert Fingerprint.from_json(fp.to_json()) == fp
    for bad in ("", "[]", '{"v": 99, "language": "english", "terms": []}', '{"v": 1}'):
        with pytest.raises(ValueError, match="not a story fingerprint"):
            Fingerprint.from_json(bad)


# --- Publication-time windows ------------------------------------------------------------

DAY = timedelta(days=1)
MORNING = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def test_a_window_compares_only_articles_published_within_it():
    """The same story's second report joins it within 72 hours, not four days later."""
    port, truckers = (_fp(a) for a in sample_articles()[:2])
    grouper = StoryGrouper(window=timedelta(hours=72))
    grouper.add(1, 10, port, MORNING)
    assert grouper.match(truckers, MORNING + DAY) == 10
    assert grouper.match(truckers, MORNING - DAY) == 10  # an earlier report, read later
    assert grouper.match(truckers, MORNING + 4 * DAY) is None
    assert grouper.nearest(truckers, MORNING - 4 * DAY) is None


def test_weights_come_from_the_articles_of_that_time_only():
    """Articles of other months change neither the match nor its score."""
    samples = [_fp(a) for a in sample_articles()]
    grouper = StoryGrouper(window=timedelta(hours=72))
    for key, fp in enumerate(samples[:1] + samples[2:]):
        grouper.add(key, key, fp, MORNING + key * timedelta(hours=1))
    before = grouper.nearest(samples[1], MORNING)
    for key in range(100, 160):  # a back catalogue, a post a week, all about the port
        grouper.add(key, key, samples[0], MORNING - (key - 90) * 7 * DAY)
    assert grouper.nearest(samples[1], MORNING) == before
    assert before is not None and before[0] == 0


def test_a_window_needs_every_articles_time():
    grouper = StoryGrouper(window=timedelta(hours=72))
    port = _fp(sample_articles()[0])
    with pytest.raises(ValueError, match="time"):
        grouper.add(1, 1, port)
    with pytest.raises(ValueError, match="time"):
        grouper.match(port)


def test_time_slices_are_fixed_and_cover_the_window_on_both_sides():
    grouper = StoryGrouper(window=timedelta(hours=72))
    number = grouper.slice_of(MORNING)
    start, end = grouper.slice_bounds(number)
    assert start <= MORNING < end and end - start == timedelta(hours=72)
    around = grouper.slices_around(MORNING)
    first, last = grouper.slice_bounds(around[0])[0], grouper.slice_bounds(around[-1])[1]
    assert first <= MORNING - timedelta(hours=72) and MORNING + timedelta(hours=72) < last
