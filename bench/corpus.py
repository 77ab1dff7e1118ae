"""Real-length news for the benches: ../shared/eval's dev sets when present, else the samples."""

from __future__ import annotations

import json
from pathlib import Path

from summaries.samples import sample_articles

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def real_news(limit: int | None = None) -> list[tuple[str, str]]:
    """(title, text) pairs, CNN/DM then BBC dev articles, or the sample corpus without them."""
    rows: list[tuple[str, str]] = []
    for name in ("cnndm_dev.jsonl", "bbc_dev.jsonl"):
        path = EVAL / name
        if path.is_file():
            for line in path.open(encoding="utf-8"):
                row = json.loads(line)
                rows.append((row["title"], row["text"]))
    if not rows:
        rows = [(a.title, a.text) for a in sample_articles()]
    return rows if limit is None else rows[:limit]
