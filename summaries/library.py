"""The stored library from the command line: ``ingest``, ``sources`` and ``search``.

Each function owns the lifetimes it needs (store, fetcher, process pool) and
closes them; ``summaries.cli`` only parses arguments and maps errors.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from summaries.config import Settings
from summaries.errors import InputError
from summaries.ingest import Ingest, IngestReport, SummaryPool
from summaries.sources import Fetcher, SourceError, parse_feed
from summaries.sources.http import ARTICLE, FEED, Accept
from summaries.store import SourceRecord, Store

KINDS = ("feed", "page", "folder")
_FEED_OR_PAGE = Accept(
    FEED.types | ARTICLE.types, f"{FEED.header}, text/html;q=0.5", "a feed or a page"
)


@contextmanager
def open_store(settings: Settings) -> Iterator[Store]:
    store = Store.open(settings.store.path)
    try:
        yield store
    finally:
        store.close()


def fetcher_for(settings: Settings) -> Fetcher:
    fetch = settings.fetch
    return Fetcher(
        allow_hosts=settings.sources.allow_hosts,
        max_bytes=fetch.max_bytes,
        timeout=fetch.timeout,
        per_host=fetch.per_host,
        politeness=fetch.politeness,
        max_in_flight=fetch.max_in_flight,
    )


def configured_sources(store: Store, settings: Settings) -> None:
    """Make sure every source named in config.toml is in the store."""
    listed = settings.sources
    for kind, urls in (("feed", listed.feeds), ("page", listed.pages), ("folder", listed.folders)):
        for url in urls:
            location = str(Path(url).resolve()) if kind == "folder" else url
            store.add_source(location, kind, added_by="config.toml")


def ingest(settings: Settings, out: TextIO, *, force: bool = False) -> IngestReport:
    """Read every due source once; print progress on a terminal and a closing line."""
    with open_store(settings) as store:
        configured_sources(store, settings)
        sources = store.list_sources()
        if not sources:
            raise InputError(
                "No sources yet: add one with `briefing sources add URL` or in config.toml."
            )
        report = asyncio.run(_ingest(store, settings, sources, out, force))
    if _is_terminal(out):
        out.write("\r\033[K")
    for problem in report.problems:
        print(f"  ! {problem}", file=out)
    print(report.line(), file=out)
    return report


async def _ingest(
    store: Store, settings: Settings, sources: list[SourceRecord], out: TextIO, force: bool
) -> IngestReport:
    counts: Counter[str] = Counter()

    def progress(status: str) -> None:
        counts[status] += 1
        if _is_terminal(out):
            done = sum(counts.values())
            out.write(f"\r{done} articles: {counts['new']} new, {counts['updated']} updated")
            out.flush()

    options = settings.summary.options()
    pool = SummaryPool(options, settings.ingest.workers, settings.ingest.article_seconds)
    async with fetcher_for(settings) as fetcher, pool:
        runner = Ingest(
            store,
            fetcher,
            pool,
            window_hours=settings.ingest.story_window_hours,
            max_entries=settings.ingest.max_entries_per_feed,
            progress=progress,
        )
        return await runner.run(sources, force=force)


def add_source(settings: Settings, location: str, kind: str | None, out: TextIO) -> SourceRecord:
    """Add a feed, page or folder; the kind is found out when not given."""
    with open_store(settings) as store:
        if kind is None:
            kind = _kind_of(settings, location)
        if kind == "folder":
            folder = Path(location)
            if not folder.is_dir():
                raise InputError(f"{location} is not a folder.")
            location = str(folder.resolve())
        elif not location.lower().startswith(("http://", "https://")):
            raise InputError("A feed or page must be an http:// or https:// address.")
        record = store.add_source(location, kind, added_by="cli")
    print(f"{record.kind} #{record.id} {record.url}", file=out)
    return record


def remove_source(settings: Settings, location: str, out: TextIO) -> None:
    with open_store(settings) as store:
        record = store.get_source(location)
        if record is None or not store.remove_source(record.id):
            raise InputError(
                f"There is no source {location!r}; `briefing sources list` shows them."
            )
    note = ""
    if record.added_by == "config.toml":
        note = (
            " (it is listed in config.toml and comes back on the next ingest unless removed there)"
        )
    print(f"removed {record.kind} #{record.id} {record.url}{note}", file=out)


def list_sources(settings: Settings, out: TextIO) -> None:
    with open_store(settings) as store:
        configured_sources(store, settings)
        records = store.list_sources()
    if not records:
        print("No sources yet: add one with `briefing sources add URL`.", file=out)
    for record in records:
        state = "ok" if record.failures == 0 else f"failing ({record.failures}x)"
        seen = _when(record.last_ok_at) if record.last_ok_at else "never read"
        print(f"#{record.id:<4} {record.kind:<6} {state:<14} {seen:<18} {record.url}", file=out)
        if record.last_error:
            print(f"       last error: {record.last_error}", file=out)


def search(settings: Settings, query: str, limit: int, out: TextIO) -> int:
    """Print the best stories for ``query``; returns how many were found."""
    from summaries.store.search import describe_query

    with open_store(settings) as store:
        hits = store.search(query, limit=limit, now=datetime.now(UTC))
    if not hits:
        searched = describe_query(query) or "(no usable words)"
        print(f"No stored story matches {searched}.", file=out)
        return 0
    for number, hit in enumerate(hits, start=1):
        lead = hit.story.lead
        when = _when(lead.published or lead.fetched)
        print(f"{number}. {lead.title}", file=out)
        print(
            f"   {', '.join(hit.story.sources)} | {when} | {lead.url or ''}".rstrip(" |"), file=out
        )
        for sentence in lead.briefing:
            print(f"   {sentence}", file=out)
        print(file=out)
    return len(hits)


def _kind_of(settings: Settings, location: str) -> str:
    if Path(location).is_dir():
        return "folder"
    if not location.lower().startswith(("http://", "https://")):
        raise InputError(f"{location} is neither a folder nor an http(s) address.")
    return asyncio.run(probe_kind(settings, location))


async def probe_kind(settings: Settings, url: str) -> str:
    """Fetch the address once through the safe fetcher: "feed" if it parses as one, else "page".

    Raises the fetcher's errors (a refused private address, a timeout, a 404...).
    """
    async with fetcher_for(settings) as fetcher:
        result = await fetcher.get(url, accept=_FEED_OR_PAGE)
    try:
        parse_feed(result.body, result.url, result.content_type_header)
    except SourceError:
        return "page"
    return "feed"


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _is_terminal(out: TextIO) -> bool:
    return out is sys.stdout and out.isatty()


__all__ = [
    "KINDS",
    "add_source",
    "ingest",
    "list_sources",
    "probe_kind",
    "remove_source",
    "search",
]
