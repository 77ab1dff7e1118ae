"""ROUGE of every summary method on the dev sets in ../shared/eval, against the bars.

    python bench/quality.py [--limit N] [--methods default,lead,...] [--jobs 2]

Prints one table (method x set, ROUGE-1/2/Lsum F1 x 100, rouge-score with
stemming, as ../shared/eval/README.md prescribes), for ``default`` the paired
difference against the set's baseline (the mean of the article-by-article
differences and its standard error), and exits 1 if ``default`` is below Lead-3
on CNN/DM, or on BBC below sumy's TextRank + 2.5 on R-1 or below TextRank on
R-2 or R-Lsum. Every method runs through the project's own pipeline (cleaning,
offline splitting, summarize()). The bars start from the higher of the
README's published figure and the same baseline measured in this run the
README's way (Punkt split of the raw text; for TextRank, sumy with NLTK's
Treebank words).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from nltk.tokenize import TreebankWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from summaries import Article, SummaryOptions, summarize
from summaries.summarize import METHODS

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
METRICS = ("rouge1", "rouge2", "rougeLsum")
# name -> (file, fixed k or None for k = reference sentences, bar baseline, README figures,
# the margin default must keep over the baseline on each score)
SETS = {
    "cnndm": ("cnndm_dev.jsonl", 3, "Lead-3", (41.13, 18.41, 37.34), (0.0, 0.0, 0.0)),
    "bbc": ("bbc_dev.jsonl", None, "sumy TextRank", (78.69, 71.37, 78.19), (2.5, 0.0, 0.0)),
}
ABBREVS = (
    "mr mrs ms dr prof st sr jr gen gov sen rep rev col lt maj capt sgt inc ltd co corp bros "
    "vs etc al e.g i.e u.s u.k u.n a.m p.m no jan feb mar apr jun jul aug sep sept oct nov dec "
    "mt ft ave"
).split()
_params = PunktParameters()
_params.abbrev_types = set(ABBREVS)
_PUNKT = PunktSentenceTokenizer(_params)
_SCORER = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def readme_split(text: str) -> list[str]:
    """The README's reference splitter: Punkt with empty parameters plus abbreviations."""
    blocks = text.split("\n\n") if "\n\n" in text else text.split("\n")
    out: list[str] = []
    for block in blocks:
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        out += [s.strip() for s in _PUNKT.tokenize(joined) if s.strip()]
    return out


def rouge(prediction: list[str], reference: list[str]) -> tuple[float, ...]:
    scores = _SCORER.score("\n".join(reference), "\n".join(prediction))
    return tuple(100 * scores[m].fmeasure for m in METRICS)


class _TreebankWords:
    """sumy's word rule over NLTK's Treebank tokenizer, as the README's baselines use."""

    language = "english"
    _tok = TreebankWordTokenizer()

    def to_words(self, sentence: str) -> tuple[str, ...]:
        from sumy.nlp.tokenizers import Tokenizer

        return tuple(w for w in self._tok.tokenize(sentence) if Tokenizer._is_word(w))


def _readme_prediction(system: str, sentences: list[str], k: int) -> list[str]:
    if system == "readme-lead":
        return sentences[:k]
    words = _TreebankWords()
    document = ObjectDocumentModel([Paragraph([Sentence(s, words) for s in sentences])])
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(document, k)]


def score_row(task: tuple[str, dict, int | None]) -> tuple[float, ...]:
    system, row, fixed_k = task
    reference = readme_split(" ".join(row["summary"].split()))
    raw_sentences = readme_split(row["text"])
    k = max(1, min(fixed_k or len(reference), len(raw_sentences)))
    if system.startswith("readme-"):
        prediction = _readme_prediction(system, raw_sentences, k)
    else:
        options = SummaryOptions(method=system, sentences=k, max_chars=20_000)
        prediction = list(summarize(Article(row["title"], row["text"]), options).sentences)
    return rouge(prediction, reference)


def evaluate(
    system: str, rows: list[dict], fixed_k: int | None, pool: ProcessPoolExecutor
) -> list[tuple[float, ...]]:
    """Each row's scores (R-1, R-2, R-Lsum) for ``system``, in row order."""
    return list(pool.map(score_row, [(system, row, fixed_k) for row in rows], chunksize=8))


def means(scores: list[tuple[float, ...]]) -> tuple[float, ...]:
    return tuple(round(statistics.mean(s[i] for s in scores), 2) for i in range(len(METRICS)))


def paired(
    ours: list[tuple[float, ...]], theirs: list[tuple[float, ...]]
) -> list[tuple[float, float]]:
    """Per metric, the mean of the row-by-row differences and its standard error.

    Both systems score the same articles, so the article-to-article spread (which is
    what makes two means of 125 articles about a point uncertain) cancels out.
    """
    out = []
    for i in range(len(METRICS)):
        diffs = [a[i] - b[i] for a, b in zip(ours, theirs, strict=True)]
        error = statistics.stdev(diffs) / len(diffs) ** 0.5 if len(diffs) > 1 else 0.0
        out.append((statistics.mean(diffs), error))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--limit", type=int, default=0, help="use only the first N rows of each set"
    )
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated methods")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    args = parser.parse_args(argv)
    if not EVAL.is_dir():
        print(f"skipped: no evaluation data at {EVAL} (the ../shared folder is absent)")
        return 0
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    failures: list[str] = []
    print(f"{'set':<6} {'system':<22} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7}")
    with ProcessPoolExecutor(args.jobs) as pool:
        for name, (filename, fixed_k, bar_name, published, margin) in SETS.items():
            rows = [json.loads(line) for line in (EVAL / filename).open(encoding="utf-8")]
            rows = rows[: args.limit] if args.limit else rows
            baseline = "readme-lead" if fixed_k else "readme-textrank"
            baseline_scores = evaluate(baseline, rows, fixed_k, pool)
            measured = means(baseline_scores)
            bar = tuple(max(a, b) + m for a, b, m in zip(published, measured, margin, strict=True))
            k_text = f"k={fixed_k}" if fixed_k else "k=N"
            print(
                f"{name:<6} {bar_name + ' (README way)':<22} "
                + _cells(measured)
                + f"   {k_text}, {len(rows)} rows"
            )
            for method in methods:
                scores = evaluate(method, rows, fixed_k, pool)
                result = means(scores)
                print(f"{name:<6} {method:<22} " + _cells(result), flush=True)
                if method == "default":
                    difference = paired(scores, baseline_scores)
                    print(
                        f"{name:<6} {'default - ' + bar_name:<22} "
                        + " ".join(f"{m:+.2f}±{e:.2f}" for m, e in difference)
                        + "   paired: mean difference ± standard error"
                    )
                    below = [m for m, r, b in zip(METRICS, result, bar, strict=True) if r < b]
                    if below:
                        lows = ", ".join(below)
                        failures.append(f"{name}: default below the {bar_name} bar on {lows}")
            print(f"{name:<6} {'bar (max README/run+m)':<22} " + _cells(bar))
    for failure in failures:
        print("FAIL", failure)
    if not failures and "default" in methods:
        print("PASS: default is at or above every bar")
    return 1 if failures else 0


def _cells(values: tuple[float, ...]) -> str:
    return " ".join(f"{v:>6.2f}" for v in values[:2]) + f" {values[2]:>7.2f}"


if __name__ == "__main__":
    sys.exit(main())
