"""Story grouping: how SAME_STORY_THRESHOLD was chosen, and how well it works.

    .venv/bin/python bench/grouping.py

1. The labelled pairs of tests/data/story_pairs.jsonl (fictional articles written for the
   tests; 0-based even lines tune, odd lines are held out). IDF weights come from the
   distinct articles of the set being scored, standing in for the window of recent
   articles the grouper holds. The threshold is the middle of the range of thresholds with
   the best F1 on the tuning half, scored as the grouper is used: pairs published more than
   72 hours apart are never compared (predicted different). Every figure is also given with
   every pair compared on text alone, and with uniform weights (a window of under
   MIN_IDF_DOCS articles).
2. The real scraped pages in ../shared/articles (cleaned with clean_text, no headline),
   weighed over a window of those pages plus the labelled articles; skipped when absent.
3. Alternatives, each with its own best threshold on the tuning half.
4. Speed of StoryGrouper.match against a window of 5,000 generated articles.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summaries import grouping  # noqa: E402
from summaries.clean import clean_text  # noqa: E402
from summaries.grouping import (  # noqa: E402
    SAME_STORY_THRESHOLD,
    Fingerprint,
    StoryGrouper,
    TermWeights,
    fingerprint,
    similarity,
    term_weights,
)
from summaries.sentences import OfflineTokenizer, split_paragraphs, split_sentences  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "story_pairs.jsonl"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WINDOW_HOURS = 72

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


@dataclass(frozen=True, slots=True)
class Scores:
    pairs: tuple[Pair, ...]
    values: tuple[float, ...]


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        times = [datetime.fromisoformat(row[s]["published"]) for s in "ab"]
        pairs.append(
            Pair(
                (row["a"]["title"], row["a"]["text"]),
                (row["b"]["title"], row["b"]["text"]),
                bool(row["same"]),
                abs((times[0] - times[1]).total_seconds()) / 3600,
                row["note"],
            )
        )
    return pairs


def split(pairs: Sequence[Pair]) -> tuple[list[Pair], list[Pair]]:
    """(tuning half, held-out half): 0-based even and odd lines."""
    return list(pairs[0::2]), list(pairs[1::2])


def score(
    pairs: Sequence[Pair],
    make: Callable[[str, str], Fingerprint] = fingerprint,
    uniform: bool = False,
    extra: Sequence[Fingerprint] = (),
) -> Scores:
    """Similarity of every pair, IDF over the set's distinct articles (plus `extra`)."""
    prints: dict[tuple[str, str], Fingerprint] = {}
    for pair in pairs:
        for article in (pair.a, pair.b):
            if article not in prints:
                prints[article] = make(*article)
    weights = None if uniform else term_weights([*prints.values(), *extra])
    values = tuple(similarity(prints[p.a], prints[p.b], weights) for p in pairs)
    return Scores(tuple(pairs), values)


def predict(scores: Scores, threshold: float, windowed: bool) -> list[bool]:
    return [
        value >= threshold and (not windowed or pair.hours <= WINDOW_HOURS)
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


def best_range(scores: Scores, windowed: bool) -> tuple[float, float, float]:
    """(lowest, highest, F1) of the thresholds with the best F1 (midpoints of scores)."""
    labels = [p.same for p in scores.pairs]
    values = sorted(set(scores.values))
    candidates = [(x + y) / 2 for x, y in zip(values, values[1:], strict=False)]
    candidates = [values[0] - 0.01, *candidates, values[-1] + 0.01]
    f1s = [prf(*confusion(predict(scores, c, windowed), labels))[2] for c in candidates]
    best = max(f1s)
    top = [c for c, f in zip(candidates, f1s, strict=True) if f >= best - 1e-12]
    return top[0], top[-1], best


def choose_threshold(scores: Scores, windowed: bool) -> float:
    """The middle of the thresholds with the best F1."""
    low, high, _ = best_range(scores, windowed)
    return (low + high) / 2


def row(name: str, scores: Scores, threshold: float, windowed: bool, weights: str) -> str:
    labels = [p.same for p in scores.pairs]
    tp, fp, fn = confusion(predict(scores, threshold, windowed), labels)
    precision, recall, f1 = prf(tp, fp, fn)
    compared = f"{WINDOW_HOURS}-hour window" if windowed else "every pair"
    return (
        f"{name:<9} {compared:<15} {weights:<8} {threshold:5.3f}  {precision:4.2f}  "
        f"{recall:4.2f}  {f1:4.2f}  {tp:3d} {fp:3d} {fn:3d}"
    )


HEADER = "set       compared        weights  thr.   P     R     F1    TP  FP  FN"


def labelled_table(pairs: list[Pair]) -> None:
    tune, held = split(pairs)
    same = sum(p.same for p in pairs)
    hard = sum(p.note.startswith("hard") for p in pairs)
    print(
        f"labelled pairs: {len(pairs)} ({same} same story, {len(pairs) - same} different, "
        f"{hard} of them hard negatives); tune = even lines ({len(tune)}), "
        f"held-out = odd lines ({len(held)})"
    )
    low, high, f1 = best_range(score(tune), windowed=True)
    print(
        f"threshold chosen on tune ({WINDOW_HOURS}-hour window): F1 {f1:.3f} from {low:.3f} to "
        f"{high:.3f}, middle {(low + high) / 2:.3f}; SAME_STORY_THRESHOLD = {SAME_STORY_THRESHOLD}"
    )
    print()
    print(HEADER)
    for windowed in (True, False):
        for uniform in (False, True):
            for name, subset in (("tune", tune), ("held-out", held), ("all", pairs)):
                scores = score(subset, uniform=uniform)
                weights = "uniform" if uniform else "window"
                print(row(name, scores, SAME_STORY_THRESHOLD, windowed, weights))
    print()
    held_scores = score(held)
    mistakes = [
        (value, pair)
        for pair, value, predicted in zip(
            held_scores.pairs,
            held_scores.values,
            predict(held_scores, SAME_STORY_THRESHOLD, windowed=False),
            strict=True,
        )
        if predicted != pair.same
    ]
    print(f"held-out mistakes, every pair compared ({len(mistakes)}):")
    for value, pair in sorted(mistakes, key=lambda m: -m[0]):
        where = "in" if pair.hours <= WINDOW_HOURS else "outside"
        print(
            f"  {value:.3f}  {'same' if pair.same else 'diff'}  {pair.hours:6.1f} h apart "
            f"({where} the window)  {pair.a[0][:38]!r} ~ {pair.b[0][:38]!r}"
        )


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
        compared = f"{WINDOW_HOURS}-hour window" if windowed else "every pair"
        print(f"  shared, {compared}: precision {p:.2f}, recall {r:.2f}, F1 {f:.2f}")


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


def whole_text(title: str, text: str) -> Fingerprint:
    saved = grouping.LEAD_WORDS
    grouping.LEAD_WORDS = 10**9
    try:
        return fingerprint(title, text)
    finally:
        grouping.LEAD_WORDS = saved


def with_salient(title: str, text: str) -> Fingerprint:
    """Headline + lead, plus the lead's numbers and capitalised names as extra terms."""
    base = dict(fingerprint(title, text).terms)
    words = text.split()[: grouping.LEAD_WORDS]
    for before, word in zip(["."] + words, words, strict=False):
        token = word.strip(".,;:!?\"'()[]“”‘’$€£%").replace(",", "").lower()
        if any(c.isdigit() for c in token):
            base["#" + token] = base.get("#" + token, 0.0) + 1.0
        elif word[:1].isupper() and not before.endswith((".", "?", "!", '"')):
            base["@" + token] = base.get("@" + token, 0.0) + 1.0
    return Fingerprint(tuple(sorted(base.items())))


def alternatives(pairs: list[Pair]) -> None:
    tune, held = split(pairs)
    methods: list[tuple[str, Callable[[list[Pair]], Scores]]] = [
        ("headline + lead, TF-IDF (chosen)", lambda ps: score(ps)),
        ("headline + whole text, TF-IDF", lambda ps: score(ps, whole_text)),
        ("headline + lead + names and numbers", lambda ps: score(ps, with_salient)),
        ("headline only, TF-IDF", lambda ps: score(ps, lambda t, _: fingerprint(t, ""))),
        ("lead only, TF-IDF", lambda ps: score(ps, lambda _, x: fingerprint("", x))),
        (
            "word 3-shingle Jaccard (MinHash target)",
            lambda ps: Scores(tuple(ps), tuple(shingle_jaccard(p.a, p.b) for p in ps)),
        ),
    ]
    print("alternatives (each with its own threshold chosen on tune; held-out figures):")
    print(f"  {'method':<40} {'thr.':>5}   every pair P/R/F1   {WINDOW_HOURS}-hour window P/R/F1")
    for name, method in methods:
        threshold = choose_threshold(method(tune), windowed=True)
        scores = method(held)
        labels = [p.same for p in held]
        cells = []
        for windowed in (False, True):
            p, r, f = prf(*confusion(predict(scores, threshold, windowed), labels))
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
        brute = max(similarity(fp, other, weights) for other in prints[:window])
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


def main() -> None:
    pairs = load_pairs()
    print(
        "Story grouping: TF-IDF cosine of headline (x2) + lead "
        f"({grouping.LEAD_WORDS} words), IDF over the window"
    )
    labelled_table(pairs)
    print()
    shared_table(pairs)
    print()
    alternatives(pairs)
    print()
    speed(pairs)


if __name__ == "__main__":
    main()
