"""Peak memory of one `briefing ingest` of hostile sources, with the default caps.

    python bench/hostile_feeds.py [--teasers 50000] [--big-pages 32] [--filler links|text]
                                  [--set SECTION.KEY=VALUE]

A loopback HTTP server (tests/fakes/feed_server.py, in this process) serves:

- a gzip bomb: a feed whose 1 MB gzip body inflates to 1 GiB of zeros;
- a feed of 32 teasers whose pages are each just under [fetch] max_bytes: a short
  article in 7.9 MB of link-list markup (the heaviest markup to extract per byte), or
  with ``--filler text`` in 7.9 MB of paragraphs (the most text per byte);
- a feed of 50,000 teasers, each linking to a small page;
- a huge page: a page source that streams 1 GiB without a Content-Length.

`briefing ingest` then runs as a child process with the default settings except
politeness 0 and per_host at its maximum (so that only the caps limit what runs at
once), and its process tree (the CLI, its worker processes, the fork server they are
forked from and multiprocessing's resource tracker) is sampled every 20 ms.

The target is on PSS: the largest sum over the tree, at one moment, of each process's
proportional set size (its own pages, plus each page it shares divided by the number of
processes sharing it), which is what the tree takes from the machine. The sum of RSS
counts a page shared by five processes five times: the workers share the libraries they
were forked with (some 60 MB) with the fork server and each other. Both are printed, with
each process's figures at the PSS peak and its own high-water mark (VmHWM). Linux only
(reads /proc). Exits 1 when the PSS figure is over the target (300 MB).
"""

from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the fakes live with the tests

from corpus import real_news  # noqa: E402  (bench/corpus.py)

from summaries.config import FetchSettings  # noqa: E402
from tests.fakes.feed_server import FeedServer, compression_bomb  # noqa: E402

TARGET_MB = 300.0
SAMPLE_EVERY = 0.02
MAX_BYTES = FetchSettings().max_bytes


# --- the hostile site ---------------------------------------------------------------------


def rss(base: str, title: str, items: list[tuple[str, str]]) -> str:
    """An RSS 2.0 feed of (title, link path) teasers, newest first, a second apart (no
    description: a feed of 50,000 then stays under max_bytes)."""
    entries = "".join(
        f"<item><title>{html.escape(name)}</title><link>{base}{path}</link>"
        f"<pubDate>Mon, 04 Mar 2024 {23 - n // 3600 % 24:02}:{59 - n // 60 % 60:02}:"
        f"{59 - n % 60:02} GMT</pubDate></item>"
        for n, (name, path) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{html.escape(title)}</title>'
        f"<link>{base}/</link><description>bench</description>{entries}</channel></rss>"
    )


def article_page(title: str, text: str, size: int = 0, filler: str = "links") -> str:
    """An article page; padded up to ``size`` bytes when given, with a long list of links
    or (``filler="text"``) with more paragraphs of the article after it."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    head = (
        f"<html><head><title>{html.escape(title)}</title></head><body><article>"
        f"<h1>{html.escape(title)}</h1>{paragraphs}</article>"
    )
    tail = "</body></html>"
    pieces = []
    room = size - len(f"{head}{tail}<div></div>".encode())
    n = 0
    while room > 0:
        if filler == "text":
            piece = f"<p>{paragraphs[3:-4] if paragraphs else title} ({n})</p>"
        else:
            piece = f'<li><a href="/tag/{n}">Tag {n}</a></li>'
        room -= len(piece.encode())
        if room > 0:
            pieces.append(piece)
        n += 1
    inside = "".join(pieces)
    padding = (
        (f"<div>{inside}</div>" if filler == "text" else f"<ul>{inside}</ul>") if pieces else ""
    )
    return head + padding + tail


def build_site(
    server: FeedServer, teasers: int, big_pages: int, filler: str = "links"
) -> dict[str, list[str]]:
    """Register every route; the sources to ingest, as config.toml's [sources] lists."""
    base = server.base
    news = real_news(200)
    server.route(
        "/bomb.xml",
        compression_bomb(1024),
        "application/rss+xml",
        headers={"Content-Encoding": "gzip"},
    )
    big = []
    for n in range(big_pages):
        title, text = news[n % len(news)]
        text = f"{text}\nFiled as long report {n} by the regional desk."  # not a copy of /t/n
        server.route(
            f"/big/{n}", article_page(title, text, MAX_BYTES - 100_000, filler), "text/html"
        )
        big.append((f"{title} (big {n})", f"/big/{n}"))
    server.route("/big.xml", rss(base, "Big pages", big), "application/rss+xml")
    for n in range(teasers):
        title, text = news[n % len(news)]
        server.route(f"/t/{n}", article_page(f"{title} (no. {n})", text), "text/html")
    many = [(f"Teaser {n}", f"/t/{n}") for n in range(teasers)]
    server.route("/many.xml", rss(base, "Many teasers", many), "application/rss+xml")
    endless = b"<p>" + b"x" * (1 << 20)
    server.route("/huge.html", endless, "text/html", repeat=1024, declare_length=False)
    return {
        "feeds": [f"{base}/bomb.xml", f"{base}/big.xml", f"{base}/many.xml"],
        "pages": [f"{base}/huge.html"],
    }


# --- measuring the process tree -----------------------------------------------------------


def _status(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM (kB) and PPid of ``pid``; empty once it is gone."""
    found: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM", "PPid"):
                    found[key] = int(value.split()[0])
    except (OSError, ValueError):
        return {}
    return found


def _name(pid: int, root: int, parent: int) -> str:
    """What the process is: the CLI, a worker, the fork server the workers are forked from,
    multiprocessing's resource tracker."""
    if pid == root:
        return "briefing"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            words = cmdline.read().decode("utf-8", "replace")
    except OSError:
        return "?"
    if "resource_tracker" in words:
        return "resource tracker"
    return "fork server" if "forkserver" in words and parent == root else "worker"


def _pss(pid: int) -> int:
    """The proportional set size of ``pid`` (kB): its private pages plus its share of the
    pages it shares (libraries, with the other processes); 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(root: int) -> dict[int, dict[str, int]]:
    """``root`` and its descendants, each with its /proc status figures."""
    table = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            status = _status(int(name))
            if status:
                table[int(name)] = status
    family, grew = {root}, True
    while grew:
        grew = False
        for pid, status in table.items():
            if pid not in family and status.get("PPid") in family:
                family.add(pid)
                grew = True
    return {pid: table[pid] for pid in family if pid in table}


@dataclass
class Sampler:
    """Samples a process tree until stopped: peak total RSS and PSS, each one's VmHWM."""

    root: int
    peak_kb: int = 0
    peak_pss_kb: int = 0
    high_water: dict[int, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    processes: int = 0
    at_peak: dict[int, tuple[int, int]] = field(default_factory=dict)  # RSS, PSS (kB)
    rss_at_peak_kb: int = 0  # the tree's RSS at the PSS peak
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self._stop.is_set():
            tree = _tree(self.root)
            rss = {pid: status.get("VmRSS", 0) for pid, status in tree.items()}
            pss = {pid: _pss(pid) for pid in tree}
            self.peak_kb = max(self.peak_kb, sum(rss.values()))
            if sum(pss.values()) > self.peak_pss_kb:
                self.peak_pss_kb = sum(pss.values())
                self.rss_at_peak_kb = sum(rss.values())
                self.at_peak = {pid: (rss[pid], pss[pid]) for pid in tree}
            for pid, status in tree.items():
                if pid not in self.names:
                    self.names[pid] = _name(pid, self.root, status.get("PPid", 0))
                self.high_water[pid] = max(self.high_water.get(pid, 0), status.get("VmHWM", 0))
            self.processes = max(self.processes, len(tree))
            self._stop.wait(SAMPLE_EVERY)

    def stop(self) -> None:
        self._stop.set()


def ingest(
    sources: dict[str, list[str]], folder: Path, settings: list[str]
) -> tuple[Sampler, str, float]:
    config = folder / "config.toml"
    lists = "\n".join(f"{key} = {urls!r}".replace("'", '"') for key, urls in sources.items())
    changed: dict[str, list[str]] = {"fetch": ["politeness = 0", "per_host = 32"]}
    for setting in settings:
        section, _, line = setting.partition(".")
        changed.setdefault(section, []).append(line)
    tables = "".join(f"[{name}]\n" + "\n".join(lines) + "\n" for name, lines in changed.items())
    config.write_text(
        f'[store]\npath = "{folder / "bench.db"}"\n'
        f'[sources]\n{lists}\nallow_hosts = ["127.0.0.1"]\n{tables}',
        encoding="utf-8",
    )
    briefing = Path(sys.executable).with_name("briefing")
    started = time.perf_counter()
    child = subprocess.Popen(
        [str(briefing), "ingest", "--config", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    sampler = Sampler(child.pid)
    watching = threading.Thread(target=sampler.run, daemon=True)
    watching.start()
    output, _ = child.communicate()
    seconds = time.perf_counter() - started
    sampler.stop()
    watching.join()
    return sampler, output, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teasers", type=int, default=50_000)
    parser.add_argument("--big-pages", type=int, default=32)
    parser.add_argument(
        "--filler", choices=["links", "text"], default="links", help="what fills the big pages"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="another setting than the default, e.g. --set fetch.max_in_flight=4",
    )
    args = parser.parse_args(argv)
    with FeedServer() as server, tempfile.TemporaryDirectory() as tmp:
        sources = build_site(server, args.teasers, args.big_pages, args.filler)
        sampler, output, seconds = ingest(sources, Path(tmp), args.set)
        fetched = len(server.requests)
    pss = sampler.peak_pss_kb / 1024
    print(
        f"Ingest of hostile sources (a 1 GiB gzip bomb feed, {args.big_pages} teasers to 7.9 MB "
        f"pages of {args.filler}, {args.teasers:,} teasers, a 1 GiB page), "
        + (", ".join(args.set) if args.set else "default caps")
    )
    for line in output.strip().splitlines()[-8:]:
        print(f"  | {line[:160]}")
    print(f"  {fetched} requests in {seconds:.1f} s, {sampler.processes} processes")
    print(
        f"  peak memory: {pss:.0f} MB PSS of the process tree at one moment "
        f"(target: under {TARGET_MB:.0f} MB); {sampler.rss_at_peak_kb / 1024:.0f} MB RSS then"
    )
    upper = sum(sampler.high_water.values()) / 1024
    print(
        f"  largest RSS at one moment: {sampler.peak_kb / 1024:.0f} MB (a shared page counted "
        f"in each process); the sum of each process's own peak RSS: {upper:.0f} MB"
    )
    moment = ", ".join(
        f"{sampler.names.get(pid, '?')} {rss / 1024:.0f}/{share / 1024:.0f}"
        for pid, (rss, share) in sorted(sampler.at_peak.items())
    )
    print(f"  at the PSS peak, each process's RSS/PSS (MB): {moment}")
    each = ", ".join(
        f"{sampler.names.get(pid, '?')} {kb / 1024:.0f}"
        for pid, kb in sorted(sampler.high_water.items())
    )
    print(f"  each process's own peak RSS (MB): {each}")
    return 0 if pss < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
