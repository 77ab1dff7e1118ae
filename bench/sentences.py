"""Benchmark the offline sentence splitter against NLTK Punkt on the DEV eval data.

Proxy metric (``bbc_dev.jsonl``, whose references are sentences copied from the
article): the share of reference sentences that appear, after normalisation, in
the article's list of split sentences. Two normalisations are reported:

* ``exact``: whitespace collapsed only;
* ``q-edge``: also strips straight and curly double quotes from both ends of each
  sentence. The README explains that the summaries were re-spaced by inserting a
  space after ``."`` when followed by an uppercase letter, so an opening quote of
  the next sentence (``months."I think``) ends up on the previous one
  (``months." I think``). No splitter can match those sentences exactly, which
  caps ``exact`` near 0.80 for every splitter; ``q-edge`` removes only that artifact.

The references are split both by the splitter under test (biased towards it) and
by the README's Punkt baseline; the pass bar applies to ours, Punkt-split
references, ``q-edge``. For ``cnndm_dev.jsonl`` (abstractive references) the table
gives the share of Punkt's article sentences that ours reproduces, and speed.

Run: ``.venv/bin/python bench/sentences.py [--misses N]``. Exits 1 below the bar,
0 (with a message) when the eval data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))

from summaries.sentences import split_paragraphs, split_sentences  # noqa: E402

PASS_BAR = 0.97

# The README's baseline: Punkt with empty parameters plus a fixed abbreviation list.
PUNKT_ABBREVS = (
    "mr mrs ms dr prof st sr jr gen gov sen rep rev col lt maj capt sgt inc ltd co corp bros "
    "vs etc al e.g i.e u.s u.k u.n a.m p.m no jan feb mar apr jun jul aug sep sept oct nov dec "
    "mt ft ave"
).split()

Splitter = Callable[[str], list[str]]


def make_punkt() -> Splitter:
    """Return the README's Punkt paragraph splitter (no NLTK data needed)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(PUNKT_ABBREVS)
    punkt = PunktSentenceTokenizer(params)
    return lambda paragraph: [s.strip() for s in punkt.tokenize(paragraph) if s.strip()]


def punkt_paragraphs(text: str) -> list[str]:
    """The README's paragraph rule: blank-line blocks if any, else one per line."""
    blocks = text.split("\n\n") if "\n\n" in text else text.split("\n")
    joined = (" ".join(ln.strip() for ln in b.splitlines() if ln.strip()) for b in blocks)
    return [b for b in joined if b]


def document_sentences(text: str, split: Splitter, paragraphs: Splitter) -> list[str]:
    """All sentences of a document, paragraph by paragraph."""
    return [s for p in paragraphs(text) for s in split(p)]


def exact(sentence: str) -> str:
    """Whitespace-normalised sentence."""
    return " ".join(sentence.split())


def quote_edge(sentence: str) -> str:
    """Whitespace-normalised sentence without double quotes at either end."""
    return exact(sentence).strip(' "“”')


def load(name: str) -> list[dict]:
    """Rows of one JSON Lines file from the eval directory."""
    with open(EVAL_DIR / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def reference_share(
    articles: list[list[str]],
    references: list[list[str]],
    norm: Callable[[str], str],
    ids: list[str] | None = None,
    misses: list[str] | None = None,
) -> float:
    """Share of reference sentences found among their article's sentences."""
    found = total = 0
    for index, (article, reference) in enumerate(zip(articles, references, strict=True)):
        known = {norm(s) for s in article}
        for sentence in reference:
            total += 1
            if norm(sentence) in known:
                found += 1
            elif misses is not None and ids is not None:
                misses.append(f"{ids[index]}: {sentence}")
    return found / max(total, 1)


def speed(split: Splitter, paragraphs: Iterable[str], repeats: int = 3) -> float:
    """Sentences per second over pre-split paragraphs (best of ``repeats``)."""
    paragraphs = list(paragraphs)
    best = float("inf")
    count = 0
    for _ in range(repeats):
        start = time.perf_counter()
        count = sum(len(split(p)) for p in paragraphs)
        best = min(best, time.perf_counter() - start)
    return count / best if best > 0 else float("inf")


def agreement(rows: list[dict], punkt: Splitter) -> float:
    """Share of Punkt's article sentences that our splitter reproduces exactly."""
    same = total = 0
    for row in rows:
        ours = {
            exact(s) for s in document_sentences(row["text"], split_sentences, split_paragraphs)
        }
        theirs = [exact(s) for s in document_sentences(row["text"], punkt, punkt_paragraphs)]
        total += len(theirs)
        same += sum(s in ours for s in theirs)
    return same / max(total, 1)


def main(argv: list[str] | None = None) -> int:
    """Print the comparison table; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="print N of our misses")
    args = parser.parse_args(argv)

    if not (EVAL_DIR / "bbc_dev.jsonl").is_file():
        print(f"skipped: eval data not found at {EVAL_DIR}")
        return 0

    punkt = make_punkt()
    splitters: dict[str, tuple[Splitter, Splitter]] = {
        "ours": (split_sentences, split_paragraphs),
        "punkt baseline": (punkt, punkt_paragraphs),
    }

    bbc = load("bbc_dev.jsonl")
    ids = [row["id"] for row in bbc]
    articles: dict[str, list[list[str]]] = {}
    references: dict[str, list[list[str]]] = {}
    for name, (split, paragraphs) in splitters.items():
        articles[name] = [document_sentences(row["text"], split, paragraphs) for row in bbc]
        references[name] = [split(" ".join(row["summary"].split())) for row in bbc]

    bbc_paragraphs = [p for row in bbc for p in split_paragraphs(row["text"])]
    print(f"bbc_dev.jsonl: {len(bbc)} articles; share of reference sentences found in the")
    print("article's sentences (refs split by the splitter itself | by the Punkt baseline)")
    header = f"{'splitter':<16}{'self exact':>11}{'self q-edge':>12}"
    header += f"{'punkt exact':>12}{'punkt q-edge':>13}{'sentences/s':>13}"
    print(header)
    gate = 0.0
    missed: list[str] = []
    for name, (split, _) in splitters.items():
        cells = []
        for reference in (name, "punkt baseline"):
            for norm in (exact, quote_edge):
                log = (
                    missed
                    if (name, reference, norm) == ("ours", "punkt baseline", quote_edge)
                    else None
                )
                cells.append(reference_share(articles[name], references[reference], norm, ids, log))
        if name == "ours":
            gate = cells[3]
        rate = speed(split, bbc_paragraphs)
        row = "".join(f"{c:>{w}.4f}" for c, w in zip(cells, (11, 12, 12, 13), strict=True))
        print(f"{name:<16}{row}{rate:>13,.0f}")

    if (EVAL_DIR / "cnndm_dev.jsonl").is_file():
        cnn = load("cnndm_dev.jsonl")
        cnn_paragraphs = [p for row in cnn for p in split_paragraphs(row["text"])]
        share = agreement(cnn, punkt)
        ours_rate = speed(split_sentences, cnn_paragraphs)
        punkt_rate = speed(punkt, cnn_paragraphs)
        print(f"\ncnndm_dev.jsonl: {len(cnn)} articles; Punkt article sentences reproduced")
        print(f"by ours: {share:.4f}; sentences/s ours {ours_rate:,.0f}, punkt {punkt_rate:,.0f}")

    for line in missed[: args.misses]:
        print("  miss:", line[:300])
    verdict = "PASS" if gate >= PASS_BAR else "FAIL"
    print(f"\n{verdict}: ours, Punkt-split references, q-edge = {gate:.4f} (bar {PASS_BAR})")
    return 0 if gate >= PASS_BAR else 1


if __name__ == "__main__":
    sys.exit(main())
