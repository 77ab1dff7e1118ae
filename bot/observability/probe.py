"""``python -m bot.observability.probe``: the container's HEALTHCHECK.

Asks the running bot's ``/healthz`` and exits 0 when it answers 200, 1 otherwise,
printing one line. It reads only the ``[health]`` section of the config file
(``--config``, else $BRIEFING_CONFIG, else ./config.toml) with ``tomllib``, so a
check every few seconds costs a few milliseconds, not an import of the whole bot.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

CONFIG_ENV = "BRIEFING_CONFIG"  # as summaries.config (a test keeps the two equal)
DEFAULT_PORT = 8080  # as HealthSettings.port
_ANY = {"", "0.0.0.0", "::", "[::]"}


def health_url(config: str | None) -> str:
    """The /healthz address of the bot configured by ``config`` (or the default file)."""
    path = Path(config or os.environ.get(CONFIG_ENV) or "config.toml")
    section: dict = {}
    if path.is_file():
        section = tomllib.loads(path.read_text(encoding="utf-8")).get("health", {})
    host = str(section.get("host", "127.0.0.1"))
    port = int(section.get("port", DEFAULT_PORT))
    if host in _ANY:
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host.strip('[]')}]"
    return f"http://{host}:{port}/healthz"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.observability.probe", description="Exit 0 when the bot is healthy."
    )
    parser.add_argument("--config", metavar="PATH", help="settings file (as `python -m bot`)")
    parser.add_argument("--url", help="ask this address instead of the configured one")
    parser.add_argument("--timeout", type=float, default=4.0, help="seconds (default 4)")
    args = parser.parse_args(argv)
    try:
        url = args.url or health_url(args.config)
    except (OSError, ValueError, tomllib.TOMLDecodeError) as error:
        print(f"unhealthy: cannot read the [health] settings: {error}")
        return 1
    try:
        with urllib.request.urlopen(url, timeout=args.timeout) as response:
            print(f"healthy: {url} answered {response.status}")
            return 0
    except urllib.error.HTTPError as error:
        problems = _problems(error.read())
        print(f"unhealthy: {url} answered {error.code}{problems}")
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        print(f"unhealthy: {url} did not answer ({reason})")
    return 1


def _problems(body: bytes) -> str:
    try:
        problems = json.loads(body).get("problems") or []
    except (ValueError, AttributeError):
        return ""
    return ": " + "; ".join(str(p) for p in problems) if problems else ""


if __name__ == "__main__":
    sys.exit(main())
