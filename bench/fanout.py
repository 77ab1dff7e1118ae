"""Fan-out: thousands of channels due at the same minute, posted by `briefing worker`s.

    python bench/fanout.py [--store postgresql://postgres@127.0.0.1:5432/test]
                           [--channels 2000] [--workers 1,2,4] [--concurrency 8]
                           [--budget 40]

For each number of workers N, in one run: a fresh PostgreSQL database (made next to the
one ``--store`` names, or $BRIEFING_TEST_POSTGRES_URL, and dropped after) holds a store
with ``--channels`` Discord channels whose digests are all due at once, and a few
stories; the clock's work (one ``deliver`` job per channel) is queued, then N real
``briefing worker --queues deliver`` processes post them through the fake Discord
(tests/fakes/discord, REST over loopback, in this process). It prints, per N:

- posted: channels that got their digest, and how many got more than one (must be 0);
- peak: the most message posts the fake saw within any one second (a sliding window:
  every second that starts at a post), against the budget: at most ``--budget`` posts in
  any second (Discord allows 50 requests a second per bot);
- the time from the workers' start to the last post, the posting rate between the first
  and the last post, and that time extrapolated to 10,000 channels at the same rate (and
  at the budget's best, which caps it: each of its 40 slots used once a second).

Exits 1 when a channel got no digest or two, or when the peak exceeds the budget.
Absolute times are of this machine (2 cores shared with other work; the fake Discord runs
in this process and competes with the workers for them).
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the fakes live with the tests

from bot.budget import size, window  # noqa: E402
from bot.jobs import defer_delivery  # noqa: E402
from summaries.jobs import ensure_schema, queue_app  # noqa: E402
from summaries.store import open_store  # noqa: E402
from tests.fakes.discord.harness import store_story  # noqa: E402
from tests.fakes.discord.server import FakeDiscord  # noqa: E402
from tests.jobs.support import Worker  # noqa: E402
from tests.postgres import new_database  # noqa: E402

PERIOD = "2026-12-07"
TARGET = 10_000
POSTS = r"/channels/{}/messages"


def peak_per_second(times: list[float]) -> int:
    """The most events within any closed window of one second (each window starts at an
    event: the busiest one does)."""
    times = sorted(times)
    return max((bisect.bisect_right(times, t + 1.0) - i for i, t in enumerate(times)), default=0)


def write_config(directory: Path, url: str, fake: FakeDiscord, budget: float) -> None:
    rate = f"digest_rate = {budget:g}\n" if has_budget() else ""
    (directory / "config.toml").write_text(
        f'[store]\nurl = "{url}"\n\n'
        f'[discord]\napi_base = "{fake.api_base}"\ngateway_url = "{fake.gateway_url}"\n{rate}\n'
        '[logging]\nlevel = "WARNING"\n',
        encoding="utf-8",
    )


def has_budget() -> bool:
    """Whether this version has the posting budget setting (``[discord] digest_rate``)."""
    from dataclasses import fields

    from summaries.config import DiscordSettings

    return any(spec.name == "digest_rate" for spec in fields(DiscordSettings))


async def one_run(server: str, channels: int, workers: int, concurrency: int, budget: float):
    with new_database(server, "bench_fanout") as url, tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        async with FakeDiscord() as fake:
            guild = fake.add_guild("Fan-out", channels=[f"c{i}" for i in range(channels)])
            ids = [f"discord:{channel.id}" for channel in guild.channels]
            with open_store(url) as store:
                for n in range(1, 4):
                    store_story(store, n, f"Harbour story {n}", f"The harbour reopened, day {n}.")
                for channel in ids:
                    store.ensure_channel(channel)
            write_config(directory, url, fake, budget)
            app = queue_app(url)
            async with app.open_async():
                await ensure_schema(app)
                started = time.perf_counter()
                for channel in ids:
                    await defer_delivery(app, channel, PERIOD)
                queueing = time.perf_counter() - started
            env = {"DISCORD_TOKEN": fake.token}
            start = asyncio.get_running_loop().time()
            processes = [
                await Worker.start(
                    directory, "--queues", "deliver", "--concurrency", str(concurrency), env=env
                )
                for _ in range(workers)
            ]
            try:
                posted = await _until_posted(fake, channels, processes)
            finally:
                for process in processes:
                    await process.stop(timeout=30)
            posts = [r for r in fake.requests if r.method == "POST" and "/messages" in r.path]
            ok = [r for r in posts if 200 <= r.status < 300]
            per_channel = Counter(r.path for r in ok)
            times = [r.at for r in posts]
            first, last = min(r.at for r in ok), max(r.at for r in ok)
            return {
                "workers": workers,
                "queueing": queueing,
                "posted": len(per_channel),
                "twice": sum(1 for count in per_channel.values() if count > 1),
                "refused": len(posts) - len(ok),
                "peak": peak_per_second(times),
                "total": last - start,
                "rate": (len(ok) - 1) / (last - first) if last > first else float("inf"),
                "complete": posted,
            }


async def _until_posted(fake: FakeDiscord, channels: int, processes: list[Worker]) -> bool:
    """Wait until every channel has a post (False when the workers stall for 60 s)."""
    seen, quiet = -1, 0.0
    while True:
        done = sum(1 for r in fake.requests if r.method == "POST" and 200 <= r.status < 300)
        if done >= channels:
            await asyncio.sleep(1.0)  # a second post of any channel would show by now
            return True
        if any(p.process.returncode is not None for p in processes):
            raise SystemExit("a worker ended early:\n" + processes[0].log())
        quiet = 0.0 if done != seen else quiet + 0.2
        seen = done
        if quiet > 60:
            return False
        await asyncio.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store",
        default=os.environ.get("BRIEFING_TEST_POSTGRES_URL", ""),
        help="a PostgreSQL server to make the bench's databases on (default "
        "$BRIEFING_TEST_POSTGRES_URL)",
    )
    parser.add_argument("--channels", type=int, default=2000)
    parser.add_argument("--workers", default="1,2,4", help="worker counts, comma-separated")
    parser.add_argument("--concurrency", type=int, default=8, help="jobs at a time per worker")
    parser.add_argument("--budget", type=float, default=40.0, help="posts a second, all workers")
    args = parser.parse_args()
    if not args.store.startswith(("postgresql://", "postgres://")):
        parser.error("give --store postgresql://... (or set BRIEFING_TEST_POSTGRES_URL)")
    counts = [int(part) for part in args.workers.split(",")]
    print(
        f"{args.channels} channels due at once, {args.concurrency} jobs at a time per worker, "
        f"budget {args.budget:g} posts/s (2 shared cores; the fake Discord runs in this process)"
    )
    if not has_budget():
        print("this version has no posting budget setting: the workers post as fast as they can")
    allowed = size(args.budget)  # posts in any one second
    failed = False
    for workers in counts:
        result = asyncio.run(
            one_run(args.store, args.channels, workers, args.concurrency, args.budget)
        )
        at_rate = TARGET / result["rate"]
        at_budget = TARGET / size(args.budget) * window(args.budget)  # each slot once a window
        over = result["peak"] > allowed
        bad = result["posted"] != args.channels or result["twice"] or over
        failed |= bool(bad)
        print(
            f"workers={workers}: posted {result['posted']}/{args.channels}, "
            f"{result['twice']} twice, {result['refused']} refused; "
            f"peak {result['peak']}/s{' OVER THE BUDGET' if over else ''}; "
            f"queued in {result['queueing']:.1f} s; all posted {result['total']:.1f} s after "
            f"the workers started ({result['rate']:.1f} posts/s); "
            f"{TARGET:,} channels: ~{max(at_rate, at_budget):.0f} s "
            f"(at this rate {at_rate:.0f} s, the budget allows {at_budget:.0f} s at best)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
