"""Story grouping when ingests overlap: one `briefing ingest` against two at once.

    python bench/concurrent_ingest.py [--articles 1500] [--processes 2]

Writes N article files (the same generator as bench/ingest.py: later copies of an
article are other cuts of it, so they belong to its story), ingests them once with one
process into one database and once with several processes at the same time into
another, and prints the number of stories each way and how many pairs of articles each grouping puts
together otherwise than the first serial run. A second serial run shows how much
arrival order alone changes (folder files and workers finish in varying order, and
grouping is greedy). Exits 1 when the overlapping ingests stored a different number of
articles, or more than 1% more stories than the serial run (stories split apart because
one ingest did not see what the other stored).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

from ingest import write_articles  # bench/ingest.py (bench/ is on the path when run)

ROOT = Path(__file__).resolve().parents[1]


def run(root: Path, folder: Path, name: str, processes: int) -> dict[str, int]:
    """Ingest ``folder`` into ``root/name.db`` with ``processes`` CLIs at once: file -> story."""
    config = root / f"{name}.toml"
    config.write_text(
        f'[store]\npath = "{root / name}.db"\n[sources]\nfolders = ["{folder}"]\n'
        "[ingest]\nworkers = 1\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "summaries.cli", "ingest", "--config", str(config)]
    quiet = subprocess.DEVNULL
    started = [subprocess.Popen(command, env=env, stdout=quiet) for _ in range(processes)]
    if any(process.wait() != 0 for process in started):
        sys.exit(f"an ingest of {name} failed")
    with sqlite3.connect(root / f"{name}.db") as db:
        rows = db.execute("SELECT url, coalesce(story_id, id) FROM articles").fetchall()
    return {Path(url).name: story for url, story in rows}


def together(stories: dict[str, int]) -> set[tuple[str, str]]:
    by_story: dict[int, list[str]] = {}
    for name, story in stories.items():
        by_story.setdefault(story, []).append(name)
    return {pair for names in by_story.values() for pair in combinations(sorted(names), 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        write_articles(folder, args.articles)
        clock = time.perf_counter()
        serial = run(root, folder, "serial", 1)
        again = run(root, folder, "again", 1)
        overlapping = run(root, folder, "overlapping", args.processes)
        seconds = time.perf_counter() - clock
    stories = {
        name: len(set(run.values()))
        for name, run in (("serial", serial), ("again", again), ("overlapping", overlapping))
    }
    pairs = together(serial)
    print(f"{args.articles} articles, {seconds:.0f} s in all")
    print(f"one ingest:          {len(serial)} articles, {stories['serial']} stories")
    print(
        f"one ingest again:    {len(again)} articles, {stories['again']} stories, "
        f"{len(pairs ^ together(again))} pairs grouped otherwise (arrival order)"
    )
    print(
        f"{args.processes} ingests at once:  {len(overlapping)} articles, "
        f"{stories['overlapping']} stories, "
        f"{len(pairs ^ together(overlapping))} pairs grouped otherwise"
    )
    split = stories["overlapping"] - stories["serial"]
    ok = len(overlapping) == len(serial) and split <= 0.01 * stories["serial"]
    print("ok" if ok else f"FAIL: the overlapping ingests made {split} more stories")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
