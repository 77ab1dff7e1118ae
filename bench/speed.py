"""Summarizing speed on one core: throughput against stock sumy LexRank, and long inputs.

    python bench/speed.py [--articles 200] [--repeat 3]

1. Throughput: articles/s of ``default`` (the whole pipeline: cleaning, splitting,
   ranking) against stock sumy LexRank (sumy's PlaintextParser with our offline
   tokenizer, sumy's Stemmer and stop words) on the same CNN/DM-length texts
   (../shared/eval/cnndm_dev.jsonl when present, else built from the sample
   corpus). Both are warmed up first; the ratio is what counts on a shared machine.
2. Long inputs: seconds per article for every method at 100, 400 and 2,000
   sentences (through summarize(), so with the chunking that bounds them).
3. Language detection: milliseconds per article of telling the language of each text,
   alone and inside the pipeline (which ``default``'s throughput above includes: the
   difference from the same articles declared English), and its share of an article's time.
4. Where default's time goes: CPU milliseconds per article of each step of the
   pipeline (main text, language, sentences, ranking), on the same texts.
5. Story briefings: milliseconds to brief a story told by 10 articles (10 CNN/DM
   articles' stored briefings as one story), the first time (words not stemmed before)
   and the best of five.

Exits 1 if ``default`` is under 10x LexRank's throughput, any method takes over 1 s,
or a story briefing of 10 articles over 20 ms.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.parsers.plaintext import PlaintextParser  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402
from sumy.utils import get_stop_words  # noqa: E402

from summaries import Article, SummaryOptions, summarize  # noqa: E402
from summaries.detection import detect_language  # noqa: E402
from summaries.language import language_tools  # noqa: E402
from summaries.models import StoredArticle  # noqa: E402
from summaries.samples import sample_articles  # noqa: E402
from summaries.sentences import OfflineTokenizer, split_paragraphs, split_sentences  # noqa: E402
from summaries.story_briefing import brief_story  # noqa: E402
from summaries.summarize import (  # noqa: E402
    METHODS,
    article_text,
    summarize_text,
    summary_text,
)
from summaries.summarize.terms import term_memo  # noqa: E402

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
LENGTHS = (100, 400, 2000)
REQUIRED_RATIO = 10.0
TIME_LIMIT = 1.0
STORY_ARTICLES = 10
STORY_LIMIT_MS = 20.0


def news_texts(count: int) -> list[str]:
    source = EVAL / "cnndm_dev.jsonl"
    if source.is_file():
        texts = [json.loads(line)["text"] for line in source.open(encoding="utf-8")]
    else:
        texts = [a.text for a in sample_articles()]
    return [texts[i % len(texts)] for i in range(count)]


def long_article(sentences: int, rng: random.Random) -> str:
    """A text of ``sentences`` news sentences, in paragraphs of four."""
    pool = [
        s for text in news_texts(200) for p in split_paragraphs(text) for s in split_sentences(p)
    ]
    picked = [rng.choice(pool) for _ in range(sentences)]
    return "\n\n".join(" ".join(picked[i : i + 4]) for i in range(0, len(picked), 4))


def stock_lexrank() -> Callable[[str], object]:
    tokenizer = OfflineTokenizer("english")
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(text: str) -> object:
        return summarizer(PlaintextParser.from_string(text, tokenizer).document, 3)

    return run


def ours(method: str, language: str | None = None) -> Callable[[str], object]:
    """``method`` on a text; with ``language``, as an article declared in it (not detected)."""
    options = SummaryOptions(method=method)
    return lambda text: summarize(Article("", text, language=language), options)


def rate(run: Callable[[str], object], texts: list[str]) -> float:
    """Articles/s of one pass over ``texts``."""
    start = time.perf_counter()
    for text in texts:
        run(text)
    return len(texts) / (time.perf_counter() - start)


def rates(runs: list[Callable[[str], object]], texts: list[str], repeat: int) -> list[float]:
    """Best articles/s of each run over ``repeat`` interleaved passes (same load for all)."""
    best = [0.0] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            best[i] = max(best[i], rate(run, texts))
    return best


def seconds(run: Callable[[str], object], text: str) -> float:
    """Best of three, since a shared machine only ever adds time."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = news_texts(args.articles)
    lexrank, default = stock_lexrank(), ours("default")
    rates([lexrank, default], texts[:20], 1)  # warm-up: imports, caches
    stock, fast = rates([lexrank, default], texts, args.repeat)
    ratio = fast / stock
    problems = []
    print(f"Throughput on one core, {len(texts)} news articles, best of {args.repeat} passes")
    print(f"  stock sumy LexRank  {stock:8.1f} articles/s")
    print(f"  default             {fast:8.1f} articles/s   {ratio:.1f}x LexRank")
    if ratio < REQUIRED_RATIO:
        problems.append(f"default is {ratio:.1f}x LexRank, under {REQUIRED_RATIO}x")

    rng = random.Random(7)
    longs = {n: long_article(n, rng) for n in LENGTHS}
    print("\nSeconds per article (summarize(), best of 3), by sentences in the article")
    print(f"  {'method':<10}" + "".join(f"{n:>9}" for n in LENGTHS))
    for name in METHODS:
        run = ours(name)
        row = [seconds(run, longs[n]) for n in LENGTHS]
        print(f"  {name:<10}" + "".join(f"{t:9.3f}" for t in row), flush=True)
        problems += [
            f"{name} took {t:.2f} s at {n} sentences"
            for n, t in zip(LENGTHS, row, strict=True)
            if t > TIME_LIMIT
        ]
    detect = rates([detect_language], texts, args.repeat)[0]
    undeclared, declared = rates([default, ours("default", "english")], texts, args.repeat)
    in_pipeline = 1000 / undeclared - 1000 / declared
    print(
        f"\nLanguage detection: {1000 / detect:.3f} ms per article alone; inside the "
        f"pipeline {in_pipeline:.3f} ms ({100 * in_pipeline * undeclared / 1000:.1f}% of "
        "default's time: the same articles with their language declared take that much "
        "less; the model's tables are out of the CPU's caches by then)"
    )
    print("\nCPU ms per article, by step of default's pipeline (best of 3 passes)")
    for step, cost in steps_ms(texts[:125]).items():
        print(f"  {step:<34} {cost:6.3f}")
    first, best = story_briefing_ms(texts[-STORY_ARTICLES:])
    print(
        f"\nStory briefing of {STORY_ARTICLES} articles: {first:.2f} ms the first time, "
        f"{best:.2f} ms at best"
    )
    if first > STORY_LIMIT_MS:
        problems.append(f"a story briefing took {first:.1f} ms, over {STORY_LIMIT_MS} ms")
    for problem in problems:
        print("FAIL", problem)
    if not problems:
        print(
            f"\nPASS: default >= {REQUIRED_RATIO}x LexRank; every method under {TIME_LIMIT} s; "
            f"a story briefing under {STORY_LIMIT_MS} ms"
        )
    return 1 if problems else 0


def steps_ms(texts: list[str]) -> dict[str, float]:
    """CPU milliseconds per article of each step :func:`summarize` takes, in order."""
    options = SummaryOptions()
    articles = [Article("", text) for text in texts]
    mains = [article_text(a) for a in articles]
    sentences = [summary_text(m, "") for m in mains]
    steps: dict[str, Callable[[int], object]] = {
        "main text (article_text)": lambda i: article_text(articles[i]),
        "language detection": lambda i: detect_language(mains[i]),
        "sentences of the main text": lambda i: summary_text(mains[i], ""),
        "splitting, terms, ranking": lambda i: summarize_text("", sentences[i], options),
    }
    out = {}
    for step, run in steps.items():
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            for i in range(len(texts)):
                run(i)
            best = min(best, time.process_time() - start)
        out[step] = 1000 * best / len(texts)
    return out


def story_briefing_ms(texts: list[str]) -> tuple[float, float]:
    """Milliseconds of briefing one story of ``texts`` (stored as ingest stores them): the
    first call, with no word stemmed before (the memos emptied), and the best of five."""
    fetched = datetime(2026, 11, 23, tzinfo=UTC)
    articles = []
    for n, text in enumerate(texts, start=1):
        sentences = summarize(Article("", text)).sentences
        articles.append(
            StoredArticle(n, "", None, f"Outlet {n}", None, fetched, "", sentences, "default", "")
        )
    term_memo.cache_clear()
    language_tools.cache_clear()
    times = []
    for _ in range(6):
        start = time.perf_counter()
        brief_story(articles, 3, 1000)
        times.append(1000 * (time.perf_counter() - start))
    return times[0], min(times)


if __name__ == "__main__":
    sys.exit(main())
