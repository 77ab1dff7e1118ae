"""Main-text extraction on real web pages, through the real ingest, against trafilatura.

    python bench/extraction.py [--pages N] [--workers 2]

Serves each page of ../shared/eval/pages_dev.jsonl (250 real pages of many kinds and
languages, with passages a correct extraction must and must not hold; see that folder's
README) from a loopback HTTP server (tests/fakes/feed_server.py) as UTF-8 HTML, ingests
them all as page sources with one `briefing ingest` (the real fetcher, process pool,
cleaning and SQLite store), and reads each page's stored text back. In the same run,
``trafilatura.extract(html)`` (its defaults) reads the same pages.

Per page, the share of must-include passages found in the text and the share of
must-exclude passages absent from it, after NFC normalisation and with whitespace runs
made one space on both sides; the means over pages are printed for both extractors. A
page that is not stored counts as an empty text. Exits 1 unless the stored text keeps
at least trafilatura's inclusion and leaves out more furniture.
"""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the fakes live with the tests

from summaries.cli import main as briefing  # noqa: E402
from tests.fakes.feed_server import FeedServer  # noqa: E402

PAGES = ROOT.parent / "shared" / "eval" / "pages_dev.jsonl"


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def score(text: str, page: dict) -> tuple[float, float]:
    """(share of must-include passages in ``text``, share of must-exclude ones not in it)."""
    text = normal(text)
    kept = [normal(p) in text for p in page["must_include"]]
    left_out = [normal(p) not in text for p in page["must_exclude"]]
    return sum(kept) / len(kept), sum(left_out) / len(left_out)


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def stored_texts(pages: Sequence[dict], workers: int) -> tuple[dict[str, str], str]:
    """Ingest every page from loopback: {page id: stored text}, and ingest's last line."""
    with FeedServer() as server, tempfile.TemporaryDirectory() as tmp:
        paths = {f"/page/{n}": page["id"] for n, page in enumerate(pages)}
        for path, page in zip(paths, pages, strict=True):
            server.route(path, page["html"].encode("utf-8"), "text/html; charset=utf-8")
        urls = ", ".join(f'"{server.url(path)}"' for path in paths)
        root = Path(tmp)
        config = root / "config.toml"
        config.write_text(
            f'[store]\npath = "{root / "pages.db"}"\n'
            f'[sources]\npages = [{urls}]\nallow_hosts = ["127.0.0.1"]\n'
            f"[fetch]\npoliteness = 0\nper_host = 8\n[ingest]\nworkers = {workers}\n",
            encoding="utf-8",
        )
        out = io.StringIO()
        if briefing(["ingest", "--config", str(config)], stdout=out) not in (0, 1):
            raise SystemExit(f"ingest failed:\n{out.getvalue()}")
        with sqlite3.connect(root / "pages.db") as db:
            rows = db.execute(
                "SELECT s.url, a.text FROM articles a JOIN sources s ON s.id = a.source_id"
            ).fetchall()
    texts = {paths[url.removeprefix(server.base)]: text for url, text in rows}
    return texts, out.getvalue().strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=0, help="only the first N pages")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not PAGES.is_file():
        print(f"{PAGES} is absent: nothing to measure")
        return 1
    pages = [json.loads(line) for line in PAGES.read_text(encoding="utf-8").splitlines()]
    pages = pages[: args.pages or None]
    started = time.perf_counter()
    stored, summary = stored_texts(pages, args.workers)
    with ProcessPoolExecutor(args.workers) as pool:
        theirs = list(pool.map(trafilatura_text, [p["html"] for p in pages], chunksize=8))
    seconds = time.perf_counter() - started
    ours = [score(stored.get(page["id"], ""), page) for page in pages]
    base = [score(text, page) for text, page in zip(theirs, pages, strict=True)]
    rows = [("stored text (briefing ingest)", ours), ("trafilatura.extract(html)", base)]
    print(f"{len(pages)} pages of {PAGES.name}, {len(stored)} stored ({summary}); {seconds:.0f} s")
    print("| extraction | must-include kept | must-exclude left out |")
    print("|---|---|---|")
    for name, scores in rows:
        inclusion = sum(s[0] for s in scores) / len(scores)
        exclusion = sum(s[1] for s in scores) / len(scores)
        print(f"| {name} | {inclusion:.3f} | {exclusion:.3f} |")
    ok = (
        sum(s[0] for s in ours) >= sum(s[0] for s in base)
        and sum(s[1] for s in ours) > sum(s[1] for s in base)
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
