"""``briefing``: the command-line face of the core.

    briefing summarize FILE|URL|-         one article's briefing
    briefing summarize --jsonl            JSON lines in, JSON lines out (archives)
    briefing methods                      the summary methods on offer
    briefing ingest                       read every source: fetch, summarize, store
    briefing sources list|add|remove      the feeds, pages and folders read
    briefing search "cyber security"      the best stored stories for some keywords
    briefing doctor                       check config, tokens, database and sources
    briefing web-link                     a one-time link to the dashboard, as the operator
    briefing worker                       run fetch and digest jobs (PostgreSQL stores)

Every command takes ``--config PATH`` (default ./config.toml, or $BRIEFING_CONFIG) and
``--debug``, before or after the command's name.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from summaries import closed_output
from summaries.cli_dashes import (
    SEARCH_OPTION_NAMES,
    dashed_query,
    dashed_query_error,
    typed_query,
)
from summaries.config import CONFIG_HELP, Settings, load_settings
from summaries.errors import BriefingError, ConfigError, InputError, InvalidOptionError
from summaries.language import declared_language
from summaries.models import Article, SummaryOptions
from summaries.near_names import did_you_mean
from summaries.option_words import option_word
from summaries.plaintext import input_text, strip_unsafe
from summaries.reading import article_from_bytes, read_capped, read_path
from summaries.sources.addresses import looks_like_address
from summaries.summarize import METHODS, summarize
from summaries.summarize.options import check_options

log = logging.getLogger("briefing")

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose refusal of a choice names the choices nearest to it (a
    command, an action, a method, a kind): ``summarise`` (did you mean summarize?)."""

    def _check_value(self, action: argparse.Action, value: object) -> None:
        choices = [str(choice) for choice in action.choices or ()]
        if action.choices is None or value in action.choices:
            return
        near = did_you_mean(str(value), choices)
        listed = ", ".join(choices)
        raise argparse.ArgumentError(
            action, f"invalid choice: {value!r}{near}; choose from {listed}"
        )


def _global_options(*, default: bool) -> argparse.ArgumentParser:
    """``--config`` and ``--debug``, taken before the command and after it.

    Only the top parser sets their defaults: a subcommand's parser writes every default
    it has over what the top parser read, so ``briefing --config X ingest`` would lose X.
    """
    options = _Parser(add_help=False)
    unset: dict[str, str] = {} if default else {"default": argparse.SUPPRESS}
    options.add_argument(
        "--config",
        metavar="PATH",
        help=CONFIG_HELP,
        **unset,
    )
    options.add_argument(
        "--debug", action="store_true", help="show details of unexpected errors", **unset
    )
    return options


def build_parser() -> argparse.ArgumentParser:
    common = _global_options(default=False)
    parser = _Parser(
        prog="briefing",
        description="Condense news articles into short extractive briefings.",
        parents=[_global_options(default=True)],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    summary = commands.add_parser(
        "summarize",
        parents=[common],
        help="print the briefing of one article (or of JSON lines)",
        description="Print the briefing of FILE (.txt, .md, .html), a URL, or - (standard input).",
    )
    summary.add_argument("source", nargs="?", help="FILE, URL, or - for standard input")
    summary.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"id", "title", "text"[, "sentences"]} lines on stdin, '
        'write {"id", "summary": [...]} lines',
    )
    summary.add_argument(
        "-m", "--method", type=_lower, choices=list(METHODS), help="summary method"
    )
    summary.add_argument("-n", "--sentences", type=int, metavar="N", help="sentences per briefing")
    summary.add_argument("--max-chars", type=int, metavar="N", help="characters per briefing")
    summary.add_argument(
        "--language", help="the article's language (german or de, ...); default: detected"
    )

    commands.add_parser("methods", parents=[common], help="list the summary methods")

    ingest = commands.add_parser(
        "ingest",
        parents=[common],
        help="read every source once: fetch, summarize, store",
    )
    ingest.add_argument("--all", action="store_true", help="also sources waiting to retry")

    sources = commands.add_parser("sources", parents=[common], help="list, add or remove sources")
    actions = sources.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[common], help="every source and how its last read went")
    add = actions.add_parser("add", parents=[common], help="add a feed, page or folder")
    add.add_argument("location", help="feed or page URL, or a folder of .txt/.md/.html files")
    add.add_argument("--kind", choices=["feed", "page", "folder"], help="default: found out")
    add.add_argument(
        "--language",
        help="its articles' language (german or de, ...); default: detected for each",
    )
    remove = actions.add_parser("remove", parents=[common], help="remove a source")
    remove.add_argument("location", help="its URL or #id (as `sources list` shows)")

    find = commands.add_parser("search", parents=[common], help="search the stored articles")
    find.add_argument("query", help='keywords, "exact phrases", prefix*')
    find.add_argument("-n", "--limit", type=int, default=5, help="stories to show (1-50)")

    doctor = commands.add_parser(
        "doctor",
        parents=[common],
        help="check config.toml, tokens, database, time zones and sources",
        description="Check the set-up and say how to fix what is wrong; "
        "exit 1 when there is a problem.",
    )
    doctor.add_argument(
        "--timeout", type=float, default=5.0, metavar="SECONDS", help="per source (default 5)"
    )
    commands.add_parser(
        "web-link",
        parents=[common],
        help="print a one-time link that signs in to the dashboard as the operator",
        description="Print a link that signs in to the dashboard ([web]) as the bot's operator: "
        "it works once, for [web] link_minutes.",
    )
    worker = commands.add_parser(
        "worker",
        parents=[common],
        help="run queued jobs: fetching sources, posting digests (PostgreSQL stores)",
        description="Run jobs from the queue in the store's PostgreSQL database until stopped "
        "(SIGTERM, Ctrl-C). Any number of workers may run, on any machines.",
    )
    worker.add_argument(
        "--queues",
        default="fetch,deliver",
        metavar="LIST",
        help="queues to serve, comma-separated (default fetch,deliver)",
    )
    worker.add_argument(
        "--concurrency", type=int, default=4, metavar="N", help="jobs at a time (default 4)"
    )
    worker.add_argument(
        "--upgrade-queue",
        action="store_true",
        help="apply the migrations the job queue's tables lack after a Procrastinate "
        "upgrade (with every bot and worker of the older version stopped), then exit",
    )
    return parser


def _lower(text: str) -> str:
    """A name as the config file takes it: case and spaces around it do not matter."""
    return text.strip().lower()


def main(
    argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    typed = sys.argv[1:] if argv is None else argv
    dashed = dashed_query(typed)
    if dashed is not None:
        said = dashed_query_error(dashed, typed=typed_query(typed))
        print(f"briefing: {said}", file=sys.stderr)
        return EXIT_USAGE
    args = build_parser().parse_args(argv)
    try:
        if args.command == "doctor":
            return _doctor(args, stdout)
        settings = load_settings(args.config)
        if args.command == "methods":
            return _methods(stdout)
        if args.command in ("ingest", "sources", "search"):
            return _library(args, settings, stdout)
        if args.command == "web-link":
            return _web_link(settings, stdout)
        if args.command == "worker":
            return _worker(args, settings)
        options = _options(settings, args)
        language = declared_language(args.language) if args.language else None
        source = (args.source or "").strip() and args.source  # (" ": no name at all)
        if args.jsonl and source:  # else the file named is passed over in silence
            raise InvalidOptionError(
                f"--jsonl reads its lines from standard input, not from {args.source}: "
                f"briefing summarize --jsonl < {args.source}"
            )
        if args.jsonl:
            return _summarize_lines(stdin, stdout, options, language)
        if not source:
            raise InputError(
                "No file or address was given. "
                "Give a FILE, a URL, or - to read standard input (or use --jsonl)."
            )
        return _summarize_one(source, stdin, stdout, options, settings, language)
    except ConfigError as error:
        print(f"briefing: configuration problem: {error}", file=sys.stderr)
        return EXIT_USAGE
    except InvalidOptionError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BriefingError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`briefing search x | head`)
        closed_output.silence(stdout)
        return EXIT_OK
    except Exception:  # an unexpected error is a bug: say so, with an id to find it
        incident = uuid.uuid4().hex[:8]
        if args.debug:
            log.exception("incident %s", incident)
        detail = "" if args.debug else " (run with --debug for details)"
        print(f"briefing: unexpected error, incident {incident}{detail}", file=sys.stderr)
        return EXIT_INTERNAL


def _options(settings: Settings, args: argparse.Namespace) -> SummaryOptions:
    options = settings.summary.options()
    overrides = {
        "method": args.method,
        "sentences": args.sentences,
        "max_chars": args.max_chars,
    }
    given = {k: v for k, v in overrides.items() if v is not None}
    typed = {"sentences": "-n/--sentences", "max_chars": "--max-chars"}
    return check_options(replace(options, **given), {k: typed[k] for k in given if k in typed})


def _methods(stdout: TextIO) -> int:
    for method in METHODS.values():
        print(f"{method.name:<10} {method.summary}", file=stdout)
    return EXIT_OK


def _doctor(args: argparse.Namespace, stdout: TextIO) -> int:
    from summaries.doctor import diagnose, print_report

    if not 0.5 <= args.timeout <= 60:
        raise InvalidOptionError(f"--timeout must be between 0.5 and 60, not {args.timeout:g}.")
    return print_report(diagnose(args.config, timeout=args.timeout), stdout)


def _web_link(settings: Settings, stdout: TextIO) -> int:
    """A one-time operator link: its secret is printed, only its hash is stored."""
    import secrets
    from datetime import UTC, datetime, timedelta

    from summaries.store import open_store

    secret = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    minutes = settings.web.link_minutes
    with open_store(settings.store.location) as store:
        store.add_web_link(secret, now=now, expires=now + timedelta(minutes=minutes))
    print(f"{settings.web.base_url()}/link/{secret}", file=stdout)
    note = f"The link signs in to the dashboard as the operator, once, within {minutes} minutes."
    if not settings.web.enabled:
        note += " The dashboard is off: set [web] enabled = true and restart the bot."
    print(note, file=sys.stderr)
    return EXIT_OK


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from summaries.jobs import parse_queues
    from summaries.jobs.worker import check_concurrency, run_worker

    if args.upgrade_queue:
        return _upgrade_queue(settings)
    queues = parse_queues(args.queues)
    concurrency = check_concurrency(args.concurrency)
    if not logging.getLogger().handlers:
        _worker_logging(settings, debug=args.debug)
    asyncio.run(run_worker(settings, queues, concurrency))
    return EXIT_OK


def _upgrade_queue(settings: Settings) -> int:
    import asyncio

    from summaries.jobs.schema import installed_version
    from summaries.jobs.worker import upgrade_queue

    applied = asyncio.run(upgrade_queue(settings))
    for name in applied:
        print(f"applied {name}")
    version = installed_version()
    if not applied:
        print(f"The job queue's tables are up to date (Procrastinate schema {version}).")
    return EXIT_OK


def _worker_logging(settings: Settings, *, debug: bool) -> None:
    """The chat side's structured, redacting log lines (its ``briefing.logging`` entry
    point, as ``python -m bot`` writes them) when it is installed; plain lines otherwise.
    One line per job event comes from ``summaries.jobs.events``: Procrastinate's own
    lines about each job would repeat them, so only its warnings are kept, and httpx's line
    per request would show each address whole (a query may carry a key)."""
    from importlib.metadata import entry_points

    structured = list(entry_points(group="briefing.logging"))
    for plugin in structured:
        plugin.load()(settings)
    if not structured:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(logging.DEBUG if debug else settings.logging.level.upper())
    for noisy in ("procrastinate", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _library(args: argparse.Namespace, settings: Settings, stdout: TextIO) -> int:
    from summaries import library

    if args.command == "ingest":
        report = library.ingest(settings, stdout, force=args.all)
        return EXIT_INPUT if report.failed and not (report.new or report.updated) else EXIT_OK
    if args.command == "search":
        if not 1 <= args.limit <= 50:
            raise InvalidOptionError(f"--limit must be between 1 and 50, not {args.limit}.")
        dashed = option_word(args.query, known=SEARCH_OPTION_NAMES)
        if dashed is not None:  # harbour -strike: read as the bot's brief reads it
            raise InvalidOptionError(dashed_query_error(dashed, args.query))
        library.search(settings, args.query, args.limit, stdout)
        return EXIT_OK
    if args.action == "list":
        library.list_sources(settings, stdout)
    elif args.action == "add":
        language = declared_language(args.language) if args.language else None
        library.add_source(settings, args.location, args.kind, stdout, language=language)
    else:
        library.remove_source(settings, args.location, stdout)
    return EXIT_OK


def _summarize_one(
    source: str,
    stdin: TextIO,
    stdout: TextIO,
    options: SummaryOptions,
    settings: Settings,
    language: str | None,
) -> int:
    """Print the briefing of one article, read in ``language`` when given (else detected)."""
    if source == "-":
        article = article_from_bytes(
            read_capped(stdin.buffer if hasattr(stdin, "buffer") else _Bytes(stdin))
        )
    elif looks_like_address(source):  # ftp://, file:// too: said to be no web address
        from summaries.fetch import fetch_article
        from summaries.sources import BlockedAddressError, private_refusal

        try:
            article = fetch_article(
                source,
                allow_hosts=settings.sources.allow_hosts,
                timeout=settings.fetch.timeout,
                max_bytes=settings.fetch.max_bytes,
            )
        except BlockedAddressError as error:  # the operator may allow an internal host
            raise InputError(private_refusal(error, source)) from None
    else:
        article = read_path(Path(source))
    briefing = summarize(replace(article, language=language or article.language), options)
    if article.title:
        print(article.title, file=stdout)
        print(file=stdout)
    for sentence in briefing.sentences:
        print(sentence, file=stdout)
    return EXIT_OK


def _summarize_lines(
    stdin: Iterable[str], stdout: TextIO, options: SummaryOptions, language: str | None
) -> int:
    failed = 0
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        row_id = None
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise InputError("each line must be a JSON object")
            row_id = row.get("id")
            out = {"id": row_id, "summary": list(_summarize_row(row, options, language))}
        except json.JSONDecodeError as error:
            out = {"id": None, "line": number, "error": f"not valid JSON: {error.msg}"}
        except BriefingError as error:
            out = {"id": row_id, "line": number, "error": str(error)}
        failed += "error" in out
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return EXIT_INPUT if failed else EXIT_OK


def _summarize_row(row: dict, options: SummaryOptions, language: str | None) -> tuple[str, ...]:
    text, title = row.get("text"), row.get("title") or ""
    if not isinstance(text, str):
        raise InputError('"text" must be a string')
    if not isinstance(title, str):
        raise InputError('"title" must be a string')
    wanted = row.get("sentences")
    if wanted is not None:
        if not isinstance(wanted, int) or isinstance(wanted, bool):
            raise InputError('"sentences" must be a whole number')
        options = check_options(replace(options, sentences=wanted), {"sentences": '"sentences"'})
    # JSON may hold half of a UTF-16 pair ("\ud83d"), which no encoder or model takes
    text = input_text(strip_unsafe(text))  # markup given is read as HTML, prose kept
    article = Article(title=strip_unsafe(title), text=text, language=language)
    return summarize(article, options).sentences


class _Bytes:
    """A byte view of a text stream that has none (a StringIO in tests)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size).encode("utf-8")


if __name__ == "__main__":
    sys.exit(main())
