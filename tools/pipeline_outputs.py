"""What the pipeline makes of every dev article, to tell whether a change alters it.

    python tools/pipeline_outputs.py OUT.jsonl            # write this tree's outputs
    python tools/pipeline_outputs.py --compare A.jsonl B.jsonl

For each article of ../shared/eval/*.jsonl (pages through the page extractor),
../shared/articles and the samples: its stored main text, its sentences, its language
and the ``default`` briefings of 1, 3 and 7 sentences. Run it on two versions of the
code (the other one with ``PYTHONPATH=<its checkout>``) and compare: a speed-up must
give the same lines. ``--compare`` prints the articles that differ and exits 1 if any do.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from summaries import Article, SummaryOptions
from summaries.errors import InputError
from summaries.reading import article_from_bytes
from summaries.samples import sample_articles
from summaries.summarize import article_texts, summarize_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LENGTHS = (1, 3, 7)


def articles() -> Iterator[tuple[str, Article | None]]:
    """(id, article) of every dev article; None when the page gives no article."""
    for name in ("cnndm_dev", "bbc_dev", "pages_dev"):
        path = SHARED / "eval" / f"{name}.jsonl"
        if not path.is_file():
            continue
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if "html" in row:
                try:
                    yield row["id"], article_from_bytes(row["html"].encode(), "page.html")
                except InputError:
                    yield row["id"], None
            else:
                yield row["id"], Article(row.get("title", ""), row["text"])
    for path in sorted((SHARED / "articles").glob("*.txt")):
        yield path.name, Article("", path.read_text(encoding="utf-8"))
    for n, article in enumerate(sample_articles()):
        yield f"sample-{n}", article


def outputs(article: Article | None) -> dict[str, object]:
    if article is None:
        return {"error": "no article"}
    try:
        text, sentences, language = article_texts(article)
    except InputError as error:
        return {"error": str(error)}
    briefings = {}
    for n in LENGTHS:
        options = SummaryOptions(sentences=n, language=language)
        try:
            briefings[n] = list(summarize_text(article.title, sentences, options).sentences)
        except (InputError, ValueError) as error:  # ValueError: Polish needs pystempel
            briefings[n] = f"{type(error).__name__}: {error}"
    return {"text": text, "sentences": sentences, "language": language, "briefings": briefings}


def compare(old: Path, new: Path) -> int:
    rows = [[json.loads(line) for line in path.open(encoding="utf-8")] for path in (old, new)]
    differ = 0
    for a, b in zip(*rows, strict=True):
        if a != b:
            differ += 1
            keys = [k for k in a if a.get(k) != b.get(k)]
            print(f"differs: {a['id']} in {', '.join(keys)}")
    print(f"{len(rows[0])} articles compared, {differ} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.paths)
    with args.paths[0].open("w", encoding="utf-8") as out:
        for key, article in articles():
            out.write(json.dumps({"id": key, **outputs(article)}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
