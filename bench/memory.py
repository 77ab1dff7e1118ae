"""Memory of the real bot on a large database: at idle, and after 1,000 different searches.

    python bench/memory.py [--db PATH] [--articles 100000] [--searches 1000] [--idle 75]

Runs ``python -m bot --console`` (the console backend: the real runtime, store, pool and
schedule, commands read from standard input) on a copy of a database of generated
articles (made with bench/search.py's generator when ``--db`` is not given or absent;
keep it with ``--db`` to reuse it), with a folder of the sample articles as its one
source, so its first ingest starts the summarizing workers. Then:

1. idle: once that ingest is over and the workers have had ``--idle`` seconds to stop,
   the resident size (VmRSS) of every process of the bot;
2. after ``--searches`` different ``brief`` queries (rare words, names, places, pairs of
   them), the same.

Targets: the main process under 120 MiB at both points, every process together under
200 MiB at idle. Resident sizes count a page shared by two processes in each. The
machine is shared: the figures depend little on load, the time taken a lot.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generated_news import Vocabulary  # noqa: E402 (bench/)
from proctree import descendants  # noqa: E402 (bench/)

MAIN_TARGET_MIB = 120
IDLE_TARGET_MIB = 200
UNSET = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


def queries(count: int) -> list[str]:
    """``count`` different queries: single rare words, names and places, then pairs."""
    v = Vocabulary.build()
    singles = [*v.rare[::97], *v.surnames[::13], *v.places[::11]]
    pairs = [f"{a} {b}" for a, b in zip(v.surnames[5::7], v.places[3::5], strict=False)]
    found = list(dict.fromkeys([*singles, *pairs]))
    if len(found) < count:
        raise SystemExit(f"only {len(found)} different queries to hand")
    return found[:count]


def rss_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def role(pid: int, main: int) -> str:
    if pid == main:
        return "bot (main)"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "gone"
    if b"forkserver" in command:  # the server, and the workers forked from it
        return "fork server" if _parent(pid) == main else "worker"
    if b"resource_tracker" in command:
        return "resource tracker"
    return "worker"


def _parent(pid: int) -> int:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    return int(stat[stat.rindex(")") + 2 :].split()[1])


def snapshot(main: int) -> dict[int, tuple[str, float]]:
    return {pid: (role(pid, main), rss_mib(pid)) for pid in descendants(main)}


def workers_running(main: int) -> bool:
    return any(role(pid, main) == "worker" for pid in descendants(main))


def show(name: str, processes: dict[int, tuple[str, float]]) -> float:
    total = sum(size for _, size in processes.values())
    print(f"{name}: {total:.0f} MiB in {len(processes)} processes")
    for pid, (kind, size) in sorted(processes.items(), key=lambda item: item[1][0]):
        print(f"  {kind:<17} pid {pid:<7} {size:6.1f} MiB")
    return total


def build_database(path: Path, articles: int) -> None:
    print(f"making {path} with {articles:,} generated articles (bench/search.py)")
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "search.py"), "--articles", str(articles),
         "--db", str(path), "--keep", "--rounds", "1"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


class Bot:
    """``python -m bot --console`` with its output gathered by a thread."""

    def __init__(self, config: Path, cwd: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k not in UNSET}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "--console", "--config", str(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=cwd,
            env=env,
        )
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def wait_for(self, text: str, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any(text in line for line in self.output[-50:]):
                return True
            if self.process.poll() is not None:
                raise SystemExit("the bot ended:\n" + "".join(self.output[-30:]))
            time.sleep(0.2)
        return False

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database of generated articles (made if absent)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=1000)
    parser.add_argument("--idle", type=float, default=75.0, help="seconds to wait at idle")
    parser.add_argument(
        "--stop-wait", type=float, default=300.0, help="seconds to wait for workers to stop"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        work = Path(tmp)
        source = args.db or work / "generated.db"
        if not source.exists():
            build_database(source, args.articles)
        database = work / "bot.db"
        shutil.copyfile(source, database)
        news = work / "news"
        shutil.copytree(ROOT / "summaries" / "samples", news)
        config = work / "config.toml"
        config.write_text(
            f'[store]\npath = "{database}"\n[sources]\nfolders = ["{news}"]\n',
            encoding="utf-8",
        )
        wanted = queries(args.searches)
        bot = Bot(config, work)
        try:
            pid = bot.process.pid
            start = time.monotonic()
            while not workers_running(pid) and time.monotonic() - start < 120:
                time.sleep(0.2)  # the first ingest starts them
            print(f"workers seen after {time.monotonic() - start:.0f} s; waiting for them to stop")
            stopped = time.monotonic()
            while workers_running(pid) and time.monotonic() - stopped < args.stop_wait:
                time.sleep(1)
            time.sleep(args.idle if not workers_running(pid) else 0)
            print(f"idle after {time.monotonic() - start:.0f} s")
            idle = snapshot(pid)
            started = time.monotonic()
            for query in wanted:
                bot.send(f"brief {query}")
            bot.send("brief endofthebenchmarkqueries")
            if not bot.wait_for("endofthebenchmarkqueries", 900):
                print("the last search was not answered in 15 minutes")
            took = time.monotonic() - started
            searched = snapshot(pid)
        finally:
            bot.close()
    print(f"\nThe bot on {args.articles:,} generated articles (load {os.getloadavg()[0]:.1f})")
    idle_total = show("idle", idle)
    show(f"after {len(wanted)} different searches ({took:.0f} s)", searched)
    main_idle = next(size for kind, size in idle.values() if kind == "bot (main)")
    main_after = next(size for kind, size in searched.values() if kind == "bot (main)")
    ok = main_idle < MAIN_TARGET_MIB and main_after < MAIN_TARGET_MIB
    ok = ok and idle_total < IDLE_TARGET_MIB
    print(
        f"main process {main_idle:.0f} -> {main_after:.0f} MiB (target under {MAIN_TARGET_MIB}), "
        f"all at idle {idle_total:.0f} MiB (target under {IDLE_TARGET_MIB}): "
        f"{'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
