"""Story grouping: how SAME_STORY_THRESHOLD was chosen, and how well it works.

    .venv/bin/python bench/grouping.py

1. Two labelled sets of fictional articles written for the tests: tests/data/story_pairs.jsonl
   (the same event told by two outlets; different events, many of them hard: same topic and
   names) and tests/data/story_pairs_outlets.jsonl (hard negatives from one outlet: same
   site, same topic, different event; its titles carry the outlets' branding, "... |
   Norwick Gazette", and are scored as ingest stores them, each outlet's titles through
   summaries.titles.site_free_titles as its feed's would be). In each, 0-based even lines
   tune and odd lines are held out. IDF weights come from the distinct articles of the set
   being scored, standing in for the articles of the time the grouper weighs over. The
   threshold is the middle of the range of thresholds with the best F1 on the two tuning
   halves, scored as the grouper is used: pairs published more than 72 hours apart are never
   compared, and a similarity is multiplied by time_decay of the two publication times.
   Every figure is also given without the decay, with every pair compared on text alone,
   with uniform weights (under MIN_IDF_DOCS articles), and with the titles as published.
   tests/data/story_pairs_places.jsonl (one event told by two outlets, and another event of
   the same place and day or a team's next match, in six languages) joins the two in choosing
   EVENT_EVIDENCE: the middle of the range with the best F1 on the three tuning halves, the
   threshold as it is; each set's figures with the rule and with the cosine alone.
2. The real scraped pages in ../shared/articles (cleaned with clean_text, no headline),
   weighed over a window of those pages plus the labelled articles; skipped when absent.
3. Alternatives, each with its own best threshold on the tuning halves.
4. Speed of StoryGrouper.match against a window of 5,000 generated articles, and with a
   year of other articles (a back catalogue) in the grouper besides.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summaries.clean import clean_text  # noqa: E402
from summaries.grouping import (  # noqa: E402
    EVENT_EVIDENCE,
    SAME_STORY_THRESHOLD,
    Fingerprint,
    StoryGrouper,
    TermWeights,
    event_evidence,
    fingerprint,
    similarity,
    story_score,
    story_similarity,
    term_weights,
    time_decay,
)
from summaries.grouping import fingerprints as grouping  # noqa: E402
from summaries.language import one_language  # noqa: E402
from summaries.sentences import OfflineTokenizer, split_paragraphs, split_sentences  # noqa: E402
from summaries.titles import site_free_titles, site_names  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "story_pairs.jsonl"
OUTLET_PAIRS = ROOT / "tests" / "data" / "story_pairs_outlets.jsonl"
PLACE_PAIRS = ROOT / "tests" / "data" / "story_pairs_places.jsonl"
NUMBER_PAIRS = ROOT / "tests" / "data" / "story_pairs_numbers.jsonl"
LANGUAGE_PAIRS = ROOT / "tests" / "data" / "story_pairs_languages.jsonl"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WINDOW_HOURS = 72
WINDOW = timedelta(hours=WINDOW_HOURS)
# How pairs are compared: as the grouper does (the window and the decay), the window alone,
# or every pair on text alone however far apart.
GROUPER, HARD_WINDOW, EVERY_PAIR = "as grouped", "72 h, no decay", "every pair"

# ../shared/articles: publication dates as the pages state them, and the one same-story pair.
SHARED_DATES = {
    "000": "2015-09-23",  # 8th US-China Internet Industry Forum, Seattle, "on Wednesday"
    "001": "2014-11-20",  # "Updated: 2014-11-20"
    "002": "2013-04-09",  # "(Xinhua News Agency April 9, 2013)"
    "003": "2013-04-09",  # the same sixth forum, "on Tuesday"
    "004": "2019-10-24",  # "Oct. 24 (Xinhua)"
}
SHARED_SAME = {("002", "003")}


@dataclass(frozen=True, slots=True)
class Pair:
    a: tuple[str, str]  # (title, text)
    b: tuple[str, str]
    same: bool
    hours: float  # between the two publication times
    note: str
    language: str = "english"
    language_b: str | None = None  # b's language, when it is not a's (a variety of it)

    def languages(self) -> tuple[str, str]:
        return self.language, self.language_b or self.language


@dataclass(frozen=True, slots=True)
class Scores:
    pairs: tuple[Pair, ...]
    values: tuple[float, ...]


def load_pairs(path: Path = PAIRS, *, as_published: bool = False) -> list[Pair]:
    """The labelled pairs of ``path``; titles of a set that names outlets as ingest stores
    them (without the outlet's branding), unless ``as_published``."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    titles = {} if as_published else stored_titles(rows)
    pairs = []
    for row in rows:
        times = [datetime.fromisoformat(row[s]["published"]) for s in "ab"]
        a, b = row["a"], row["b"]
        pairs.append(
            Pair(
                (titles.get(a["title"], a["title"]), a["text"]),
                (titles.get(b["title"], b["title"]), b["text"]),
                bool(row["same"]),
                abs((times[0] - times[1]).total_seconds()) / 3600,
                row["note"],
                a.get("language", "english"),
                b.get("language") if b.get("language") != a.get("language") else None,
            )
        )
    return pairs


def stored_titles(rows: list[dict]) -> dict[str, str]:
    """Each published title as stored: each outlet's titles cleaned together, as a feed's."""
    by_outlet: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for side in (row["a"], row["b"]):
            if side.get("outlet"):
                by_outlet[side["outlet"]].add(side["title"])
    stored = {}
    for outlet, titles in by_outlet.items():
        ordered = sorted(titles)
        stored.update(zip(ordered, site_free_titles(ordered, site_names(outlet)), strict=True))
    return stored


def split(pairs: Sequence[Pair]) -> tuple[list[Pair], list[Pair]]:
    """(tuning half, held-out half): 0-based even and odd lines."""
    return list(pairs[0::2]), list(pairs[1::2])


def halves(*sets: Sequence[Pair]) -> tuple[list[Pair], list[Pair]]:
    """The tuning halves of every set together, and their held-out halves."""
    tune: list[Pair] = []
    held: list[Pair] = []
    for pairs in sets:
        t, h = split(pairs)
        tune += t
        held += h
    return tune, held


def score(
    pairs: Sequence[Pair],
    make: Callable[[str, str, str], Fingerprint] = fingerprint,
    uniform: bool = False,
    extra: Sequence[Fingerprint] = (),
    compare: Callable[[Fingerprint, Fingerprint, TermWeights | None], float] = story_similarity,
) -> Scores:
    """The grouper's score of every pair (or ``compare``'s), IDF over the set's distinct
    articles (plus `extra`)."""
    prints: dict[tuple[str, str], Fingerprint] = {}
    for pair in pairs:
        for article, language in zip((pair.a, pair.b), pair.languages(), strict=True):
            if article not in prints:
                prints[article] = make(*article, language)
    weights = None if uniform else term_weights([*prints.values(), *extra])
    values = tuple(
        compare(prints[p.a], prints[p.b], weights) if comparable(*p.languages()) else 0.0
        for p in pairs
    )
    return Scores(tuple(pairs), values)


def comparable(first: str, second: str) -> bool:
    """Whether the grouper compares articles of these two languages (one macrolanguage)."""
    return one_language(first, second)


def compared(pair: Pair, value: float, mode: str) -> float:
    """What a pair's similarity counts for when compared as ``mode`` says (-1: never)."""
    if mode == EVERY_PAIR:
        return value
    if pair.hours > WINDOW_HOURS:
        return -1.0
    return value * time_decay(timedelta(hours=pair.hours), WINDOW) if mode == GROUPER else value


def predict(scores: Scores, threshold: float, mode: str) -> list[bool]:
    return [
        compared(pair, value, mode) >= threshold
        for pair, value in zip(scores.pairs, scores.values, strict=True)
    ]


def confusion(predicted: Sequence[bool], labels: Sequence[bool]) -> tuple[int, int, int]:
    tp = sum(p and t for p, t in zip(predicted, labels, strict=True))
    fp = sum(p and not t for p, t in zip(predicted, labels, strict=True))
    fn = sum(t and not p for p, t in zip(predicted, labels, strict=True))
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_range(scores: Scores, mode: str) -> tuple[float, float, float]:
    """(lowest, highest, F1) of the thresholds with the best F1 (midpoints of scores)."""
    labels = [p.same for p in scores.pairs]
    values = sorted({v for p, x in zip(scores.pairs, scores.values, strict=True)
                     if (v := compared(p, x, mode)) >= 0})  # fmt: skip
    candidates = [(x + y) / 2 for x, y in zip(values, values[1:], strict=False)]
    candidates = [values[0] - 0.01, *candidates, values[-1] + 0.01]
    f1s = [prf(*confusion(predict(scores, c, mode), labels))[2] for c in candidates]
    best = max(f1s)
    top = [c for c, f in zip(candidates, f1s, strict=True) if f >= best - 1e-12]
    return top[0], top[-1], best


def choose_threshold(scores: Scores, mode: str = GROUPER) -> float:
    """The middle of the thresholds with the best F1."""
    low, high, _ = best_range(scores, mode)
    return (low + high) / 2


def row(name: str, scores: Scores, threshold: float, mode: str, weights: str) -> str:
    labels = [p.same for p in scores.pairs]
    tp, fp, fn = confusion(predict(scores, threshold, mode), labels)
    precision, recall, f1 = prf(tp, fp, fn)
    return (
        f"{name:<22} {mode:<15} {weights:<8} {threshold:5.3f}  {precision:4.2f}  "
        f"{recall:4.2f}  {f1:4.2f}  {tp:3d} {fp:3d} {fn:3d}"
    )


HEADER = "set                    compared        weights  thr.   P     R     F1    TP  FP  FN"


def describe(name: str, pairs: list[Pair]) -> str:
    tune, held = split(pairs)
    same = sum(p.same for p in pairs)
    hard = sum(p.note.startswith("hard") for p in pairs)
    one = sum(p.note.startswith("hard negative, one outlet") for p in pairs)
    return (
        f"{name}: {len(pairs)} pairs ({same} same story, {len(pairs) - same} different, "
        f"{hard} of them hard negatives, {one} from one outlet); tune {len(tune)}, "
        f"held-out {len(held)}"
    )


def labelled_table(pairs: list[Pair], outlets: list[Pair], published: list[Pair]) -> None:
    print(describe(PAIRS.name, pairs))
    print(describe(OUTLET_PAIRS.name, outlets))
    tune, held = halves(pairs, outlets)
    tuned = score(tune)
    low, high, f1 = best_range(tuned, GROUPER)
    said = [compared(p, v, GROUPER) for p, v in zip(tuned.pairs, tuned.values, strict=True)]
    below = max((v for v in said if 0 <= v < low), default=0.0)
    above = min((v for v in said if v > high), default=1.0)
    print(
        f"threshold chosen on the tuning halves ({GROUPER}): F1 {f1:.3f} from {low:.3f} to "
        f"{high:.3f}, middle {(low + high) / 2:.3f} (any threshold between the scores "
        f"{below:.3f} and {above:.3f}); SAME_STORY_THRESHOLD = {SAME_STORY_THRESHOLD}"
    )
    print()
    print(HEADER)
    sets = (
        ("tune", tune),
        ("held-out", held),
        ("all", pairs + outlets),
        ("outlets held-out", split(outlets)[1]),
        ("outlets all", outlets),
    )
    for mode in (GROUPER, HARD_WINDOW, EVERY_PAIR):
        for uniform in (False, True):
            for name, subset in sets:
                weights = "uniform" if uniform else "window"
                print(
                    row(name, score(subset, uniform=uniform), SAME_STORY_THRESHOLD, mode, weights)
                )
    for name, subset in (
        ("outlets, as published", published),
        ("all, as published", pairs + published),
    ):
        print(row(name, score(subset), SAME_STORY_THRESHOLD, GROUPER, "window"))
    print()
    every = score(pairs + outlets)
    wrong = [(v, p) for p, v in zip(every.pairs, every.values, strict=True)
             if (compared(p, v, GROUPER) >= SAME_STORY_THRESHOLD) != p.same]  # fmt: skip
    print(f"mistakes as grouped, all pairs ({len(wrong)}):")
    for value, pair in wrong:
        print(
            f"  {compared(pair, value, GROUPER):.3f} ({value:.3f} before the decay)  "
            f"{'same' if pair.same else 'diff'}  {pair.hours:5.1f} h apart  {pair.note[:44]}: "
            f"{pair.a[0][:34]!r} ~ {pair.b[0][:34]!r}"
        )
    held_scores = score(held)
    mistakes = [
        (value, pair)
        for pair, value, predicted in zip(
            held_scores.pairs,
            held_scores.values,
            predict(held_scores, SAME_STORY_THRESHOLD, EVERY_PAIR),
            strict=True,
        )
        if predicted != pair.same
    ]
    print(f"held-out mistakes, every pair compared on text alone ({len(mistakes)}):")
    for value, pair in sorted(mistakes, key=lambda m: -m[0]):
        counts = compared(pair, value, GROUPER)
        where = f"counts {counts:.3f} as grouped" if counts >= 0 else "outside the window"
        print(
            f"  {value:.3f}  {'same' if pair.same else 'diff'}  {pair.hours:6.1f} h apart "
            f"({where})  {pair.a[0][:36]!r} ~ {pair.b[0][:36]!r}"
        )


def evidence_table(tune: list[Pair], held: list[Pair], places: list[Pair]) -> None:
    """How EVENT_EVIDENCE was chosen (on the tuning halves of the three sets, the threshold
    as it is), and every set's figures with the rule and without it (cosine alone)."""
    cosines, evidence = score(tune, compare=similarity), score(tune, compare=event_evidence)
    labels = [p.same for p in tune]

    def f1(needed: float) -> float:
        values = tuple(story_score(c, e, needed)
                       for c, e in zip(cosines.values, evidence.values, strict=True))  # fmt: skip
        return prf(*confusion(predict(Scores(cosines.pairs, values), SAME_STORY_THRESHOLD,
                                      GROUPER), labels))[2]  # fmt: skip

    values = sorted(set(evidence.values))
    candidates = [(x + y) / 2 for x, y in zip(values, values[1:], strict=False)]
    f1s = [f1(c) for c in candidates]
    top = [c for c, f in zip(candidates, f1s, strict=True) if f >= max(f1s) - 1e-12]
    print(
        f"event evidence chosen on the tuning halves of the three sets ({GROUPER}, threshold "
        f"{SAME_STORY_THRESHOLD}): F1 {max(f1s):.3f} from {top[0]:.3f} to {top[-1]:.3f}, "
        f"middle {(top[0] + top[-1]) / 2:.3f}; EVENT_EVIDENCE = {EVENT_EVIDENCE}"
    )
    print(HEADER)
    for name, subset in (("3 tune halves", tune), ("3 held-out", held),
                         ("places", places)):  # fmt: skip
        for compare, how in ((similarity, "cosine"), (story_similarity, "rule")):
            scores = score(subset, compare=compare)
            print(row(f"{name}, {how}", scores, SAME_STORY_THRESHOLD, GROUPER, "window"))


def per_set_table(sets: Sequence[tuple[Path, list[Pair]]]) -> None:
    """Every labelled set whole, scored as grouped (IDF over the set's own articles)."""
    print("each labelled set, all its pairs, as the grouper scores them:")
    print(HEADER)
    for path, pairs in sets:
        name = path.stem.removeprefix("story_pairs").lstrip("_") or "stories"
        print(row(name, score(pairs), SAME_STORY_THRESHOLD, GROUPER, "window"))
    for _path, pairs in sets[3:]:
        every = score(pairs)
        for pair, value in zip(every.pairs, every.values, strict=True):
            said = compared(pair, value, GROUPER)
            verdict = "ok  " if (said >= SAME_STORY_THRESHOLD) == pair.same else "MISS"
            print(f"  {verdict} {said:.3f}  {pair.note[:70]}")


def figure_weight_table(tune: list[Pair], held: list[Pair]) -> None:
    """How FIGURE_WEIGHT was chosen: each candidate's F1 on the tuning halves of the four
    sets (as grouped, the threshold and EVENT_EVIDENCE as they are), and on the held-out."""
    saved = grouping.FIGURE_WEIGHT
    print(f"figure weight (FIGURE_WEIGHT = {saved}), F1 as grouped, threshold as it is:")
    print("  weight   tune P/R/F1         held-out P/R/F1")
    try:
        for weight in (0.0, 1.0, 2.0, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 8.0):
            grouping.FIGURE_WEIGHT = weight
            cells = []
            for subset in (tune, held):
                scores = score(subset)
                labels = [p.same for p in subset]
                p, r, f = prf(*confusion(predict(scores, SAME_STORY_THRESHOLD, GROUPER), labels))
                cells.append(f"{p:4.2f} {r:4.2f} {f:4.2f}")
            print(f"  {weight:5.1f}    {cells[0]:<19} {cells[1]}")
    finally:
        grouping.FIGURE_WEIGHT = saved


def shared_table(pairs: list[Pair]) -> None:
    folder = SHARED / "articles"
    if not folder.is_dir():
        print(f"shared articles: skipped ({folder} is absent)")
        return
    texts = {p.name[:3]: clean_text(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt")}
    prints = {key: fingerprint("", text) for key, text in sorted(texts.items())}
    background = [fingerprint(*a) for a in {x for p in pairs for x in (p.a, p.b)}]
    window = term_weights([*prints.values(), *background])
    print(
        f"shared articles ({folder}; cleaned text, no headline; IDF over them and the "
        f"{len(background)} labelled articles):"
    )
    labels, values, close = [], [], []
    for x, y in combinations(sorted(prints), 2):
        value = similarity(prints[x], prints[y], window)
        alone = similarity(prints[x], prints[y])
        same = (x, y) in SHARED_SAME
        days = abs(
            datetime.fromisoformat(SHARED_DATES[x]) - datetime.fromisoformat(SHARED_DATES[y])
        ).days
        verdict = "groups" if value >= SAME_STORY_THRESHOLD else "apart"
        print(
            f"  {x}~{y}  {'same     ' if same else 'different'}  similarity {value:.3f} "
            f"(uniform {alone:.3f})  {verdict:<6}  published {days} days apart"
        )
        labels.append(same)
        values.append(value)
        close.append(days * 24 <= WINDOW_HOURS)
    for windowed in (False, True):
        predicted = [
            v >= SAME_STORY_THRESHOLD and (c or not windowed)
            for v, c in zip(values, close, strict=True)
        ]
        p, r, f = prf(*confusion(predicted, labels))
        how = f"{WINDOW_HOURS}-hour window" if windowed else "every pair"
        print(f"  shared, {how}: precision {p:.2f}, recall {r:.2f}, F1 {f:.2f}")


def shingle_jaccard(a: tuple[str, str], b: tuple[str, str]) -> float:
    """Jaccard of word 3-shingles of the whole article: what MinHash/LSH estimates."""
    words = OfflineTokenizer()

    def shingles(article: tuple[str, str]) -> set[tuple[str, ...]]:
        tokens = [
            w.lower()
            for p in split_paragraphs(f"{article[0]}\n\n{article[1]}")
            for s in split_sentences(p)
            for w in words.to_words(s)
        ]
        return set(zip(tokens, tokens[1:], tokens[2:], strict=False))

    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def whole_text(title: str, text: str, language: str = "english") -> Fingerprint:
    saved = grouping.LEAD_WORDS
    grouping.LEAD_WORDS = 10**9
    try:
        return fingerprint(title, text, language)
    finally:
        grouping.LEAD_WORDS = saved


def with_salient(title: str, text: str, language: str = "english") -> Fingerprint:
    """Headline + lead, plus the lead's numbers and capitalised names as extra terms."""
    plain = fingerprint(title, text, language)
    base = dict(plain.terms)
    words = text.split()[: grouping.LEAD_WORDS]
    for before, word in zip(["."] + words, words, strict=False):
        token = word.strip(".,;:!?\"'()[]“”‘’$€£%").replace(",", "").lower()
        if any(c.isdigit() for c in token):
            base["#" + token] = base.get("#" + token, 0.0) + 1.0
        elif word[:1].isupper() and not before.endswith((".", "?", "!", '"')):
            base["@" + token] = base.get("@" + token, 0.0) + 1.0
    return Fingerprint(tuple(sorted(base.items())), plain.language, plain.headline)


def alternatives(tune: list[Pair], held: list[Pair]) -> None:
    methods: list[tuple[str, Callable[[list[Pair]], Scores]]] = [
        ("headline + lead, TF-IDF (chosen)", lambda ps: score(ps)),
        ("headline + whole text, TF-IDF", lambda ps: score(ps, whole_text)),
        ("headline + lead + names and numbers", lambda ps: score(ps, with_salient)),
        (
            "headline only, TF-IDF",
            lambda ps: score(ps, lambda t, _, lang: fingerprint(t, "", lang)),
        ),
        ("lead only, TF-IDF", lambda ps: score(ps, lambda _, x, lang: fingerprint("", x, lang))),
        (
            "word 3-shingle Jaccard (MinHash target)",
            lambda ps: Scores(tuple(ps), tuple(shingle_jaccard(p.a, p.b) for p in ps)),
        ),
    ]
    print("alternatives (each with its own threshold chosen on tune; held-out figures):")
    print(f"  {'method':<40} {'thr.':>5}   every pair P/R/F1   {GROUPER} P/R/F1")
    for name, method in methods:
        threshold = choose_threshold(method(tune))
        scores = method(held)
        labels = [p.same for p in held]
        cells = []
        for mode in (EVERY_PAIR, GROUPER):
            p, r, f = prf(*confusion(predict(scores, threshold, mode), labels))
            cells.append(f"{p:4.2f} {r:4.2f} {f:4.2f}")
        print(f"  {name:<40} {threshold:5.3f}   {cells[0]:<19} {cells[1]}")


def speed(pairs: list[Pair], window: int = 5000, queries: int = 300) -> None:
    """Match latency against a window of generated articles (sentences of the labelled
    articles, each with invented names so that the window's vocabulary is large)."""
    rng = random.Random(5)
    sentences = [
        s for p in pairs for a in (p.a, p.b) for para in split_paragraphs(a[1])
        for s in split_sentences(para)
    ]  # fmt: skip
    syllables = "ka lo ven dar mi sto rel an tor bri ga ne hol us fen dra qui mor".split()
    names = ["".join(rng.choice(syllables) for _ in range(3)).capitalize() for _ in range(20_000)]

    def article() -> tuple[str, str]:
        picked = rng.sample(sentences, 5)
        title = " ".join(rng.sample(names, 3)) + " " + " ".join(picked[0].split()[:6])
        text = " ".join(f"{rng.choice(names)} {rng.choice(names)} said: {s}" for s in picked)
        return title, text

    prints = [fingerprint(*article()) for _ in range(window + queries)]
    grouper = StoryGrouper()
    start = time.perf_counter()
    for key, fp in enumerate(prints[:window]):
        grouper.add(key, key, fp)
    added = time.perf_counter() - start
    timings = []
    for fp in prints[window:]:
        start = time.perf_counter()
        grouper.match(fp)
        timings.append((time.perf_counter() - start) * 1000)
    agree = 0
    df = Counter(term for fp in prints[:window] for term, _ in fp.terms)
    checked = prints[window : window + 30]
    for fp in checked:
        weights = TermWeights(window + 1, df + Counter(term for term, _ in fp.terms))
        brute = max(story_similarity(fp, other, weights) for other in prints[:window])
        found = grouper.nearest(fp)
        agree += found is not None and abs(found[1] - brute) < 1e-9
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(0.99 * len(timings)))]
    print(
        f"speed: window of {window} generated articles built in {added * 1000:.0f} ms; "
        f"match p50 {statistics.median(timings):.2f} ms, p99 {p99:.2f} ms, "
        f"max {timings[-1]:.2f} ms over {queries} queries (target: well under 50 ms); "
        f"best match as comparing every article finds it: {agree} of {len(checked)} queries"
    )
    # The same window by publication time, with a year of other articles (each of the
    # window's articles again, at another time) in the grouper: the cost stays that of the
    # window, and so does the best match.
    now = datetime(2026, 6, 1, tzinfo=UTC)
    timed = StoryGrouper(window=WINDOW)
    spread = timedelta(hours=WINDOW_HOURS)
    for key, fp in enumerate(prints[:window]):
        timed.add(key, key, fp, now - spread * rng.random())
        timed.add(window + queries + key, -1, fp, now - timedelta(days=rng.uniform(7, 365)))
    timings = []
    for fp in prints[window:]:
        start = time.perf_counter()
        timed.match(fp, now)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(0.99 * len(timings)))]
    print(
        f"speed by publication time: the same window and {window} articles of the year before "
        f"in the grouper ({len(timed)} in all): match p50 {statistics.median(timings):.2f} ms, "
        f"p99 {p99:.2f} ms"
    )


def main() -> None:
    pairs, outlets = load_pairs(), load_pairs(OUTLET_PAIRS)
    published = load_pairs(OUTLET_PAIRS, as_published=True)
    print(
        "Story grouping: TF-IDF cosine of headline (x2) + lead "
        f"({grouping.LEAD_WORDS} words), IDF over the window, times e^(-gap / {WINDOW_HOURS} h); "
        f"no more than the event evidence when that is under {EVENT_EVIDENCE}"
    )
    labelled_table(pairs, outlets, published)
    print()
    places = load_pairs(PLACE_PAIRS)
    print(describe(PLACE_PAIRS.name, places))
    evidence_table(*halves(pairs, outlets, places), places)
    print()
    numbers, languages = load_pairs(NUMBER_PAIRS), load_pairs(LANGUAGE_PAIRS)
    print(describe(NUMBER_PAIRS.name, numbers))
    print(describe(LANGUAGE_PAIRS.name, languages))
    per_set_table(
        [
            (PAIRS, pairs),
            (OUTLET_PAIRS, outlets),
            (PLACE_PAIRS, places),
            (NUMBER_PAIRS, numbers),
            (LANGUAGE_PAIRS, languages),
        ]
    )
    print()
    figure_weight_table(*halves(pairs, outlets, places, numbers))
    print()
    shared_table(pairs + outlets)
    print()
    alternatives(*halves(pairs, outlets))
    print()
    speed(pairs + outlets)


if __name__ == "__main__":
    main()
