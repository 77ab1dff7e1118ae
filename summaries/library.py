"""The stored library from the command line: ``ingest``, ``sources`` and ``search``.

Each function owns the lifetimes it needs (store, fetcher, process pool) and
closes them; ``summaries.cli`` only parses arguments and maps errors.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TextIO

from summaries import interrupts
from summaries.config import Settings
from summaries.errors import InputError
from summaries.ingest import Ingest, IngestReport, SummaryPool
from summaries.ingest.refusals import refused_count
from summaries.source_address import stored_address
from summaries.source_removal import removal_message
from summaries.sources import (
    BlockedAddressError,
    Fetcher,
    SourceError,
    check_address,
    folder_at,
    looks_like_address,
    private_refusal,
    probe_kind,
)
from summaries.sources.collect import Run
from summaries.store import CONFIGURED, SourceRecord, Store
from summaries.store import open_store as open_location
from summaries.story_briefing import story_sentences

KINDS = ("feed", "page", "folder")


@contextmanager
def open_store(settings: Settings) -> Iterator[Store]:
    store = open_location(settings.store.location)
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
            location = _folder_location(url) if kind == "folder" else url
            store.add_source(location, kind, added_by=CONFIGURED)


def _folder_location(location: str) -> str:
    """A configured folder as stored: resolved when it is a folder; else as written (made
    absolute), for ingest and ``briefing doctor`` to say what is wrong with it."""
    try:
        return str(folder_at(location))
    except SourceError:
        return os.path.abspath(location)


def ingest(settings: Settings, out: TextIO, *, force: bool = False) -> IngestReport:
    """Read every due source once; print progress on a terminal and a closing line."""
    with open_store(settings) as store:
        configured_sources(store, settings)
        sources = store.sources_to_read()
        if not sources:
            raise InputError(
                "No sources yet: add one with `briefing sources add URL` or in config.toml."
            )
        report = interrupts.run(_ingest(store, settings, sources, out, force))
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


def add_source(
    settings: Settings,
    location: str,
    kind: str | None,
    out: TextIO,
    *,
    language: str | None = None,
) -> SourceRecord:
    """Add a feed, page or folder, checked as ingest will read it (see ``checked_source``);
    with ``language``, its articles are read in that language instead of detected."""
    location, kind = interrupts.run(_checked_in_a_worker(settings, location, kind))
    with open_store(settings) as store:
        record = store.add_source(location, kind, added_by="cli")
        if language:
            record = store.set_source_language(record.id, language)
    shown = f" ({record.language})" if record.language else ""
    print(f"{record.kind} #{record.id} {record.url}{shown}", file=out)
    return record


async def checked_source(
    settings: Settings, location: str, kind: str | None, run: Run | None = None
) -> tuple[str, str]:
    """Where and what a new source is, ``(location, kind)``, or the error that says why not.

    A folder must exist (its resolved path is what is stored). An address gets the
    fetcher's checks (http(s), no user name or password, no private address unless its
    host is in allow_hosts) on every path; without a kind it is also fetched once and read
    in ``run`` (a worker process), as ingest will read it, to find out whether it is a feed
    or a page. Paths and addresses that are not what they should be are the user's
    mistake: InputError or SourceError, never a crash.
    """
    if kind == "folder":
        return str(await asyncio.to_thread(folder_at, location)), "folder"
    if kind is None and not looks_like_address(location):
        try:
            return str(await asyncio.to_thread(folder_at, location)), "folder"
        except SourceError as error:
            raise SourceError(
                f"{error} (A feed or page is given by its http:// or https:// address.)"
            ) from None
    try:
        await check_address(location, settings.sources.allow_hosts, settings.fetch.timeout)
        if kind is None:
            if run is None:
                raise SourceError(
                    "Finding out what an address serves is not set up here: "
                    "name its kind (feed or page)."
                )
            async with fetcher_for(settings) as fetcher:  # which checks every hop again
                location, kind = await probe_kind(
                    fetcher, location, run, max_entries=settings.ingest.max_entries_per_feed
                )
    except BlockedAddressError as error:
        raise SourceError(private_refusal(error, location)) from None
    return stored_address(location), kind


async def _checked_in_a_worker(
    settings: Settings, location: str, kind: str | None
) -> tuple[str, str]:
    """``checked_source`` with one worker process, started only if something is read."""
    pool = SummaryPool(settings.summary.options(), 1, settings.ingest.article_seconds)
    async with pool:
        return await checked_source(settings, location, kind, pool.run)


def remove_source(settings: Settings, location: str, out: TextIO) -> None:
    """Remove the source at ``location``: its URL or path, or ``#id``."""
    with open_store(settings) as store:
        removal = store.remove_source(location.removeprefix("#"))
    if removal is None:
        raise InputError(f"There is no source {location!r}; `briefing sources list` shows them.")
    print(removal_message(removal), file=out)


def list_sources(settings: Settings, out: TextIO) -> None:
    with open_store(settings) as store:
        configured_sources(store, settings)
        records = store.list_sources()
        refused = {
            record.id: refused_count(store.textless_entries(record.id).values())
            for record in records
            if record.kind == "feed"
        }
    if not records:
        print("No sources yet: add one with `briefing sources add URL`.", file=out)
    for record in records:
        state = "ok" if record.failures == 0 else f"failing ({record.failures}x)"
        seen = _when(record.last_ok_at) if record.last_ok_at else "never read"
        shown = f" ({record.language})" if record.language else ""
        print(
            f"#{record.id:<4} {record.kind:<6} {state:<14} {seen:<18} {record.url}{shown}",
            file=out,
        )
        if record.last_error:
            print(f"       last error: {record.last_error}", file=out)
        if refused.get(record.id):
            entries = "1 entry" if refused[record.id] == 1 else f"{refused[record.id]} entries"
            print(
                f"       {entries} not read: a link the bot refuses (inside a private network);"
                " to read them, name the host under [sources] allow_hosts in config.toml",
                file=out,
            )


def search(settings: Settings, query: str, limit: int, out: TextIO) -> int:
    """Print the best stories for ``query``; returns how many were found."""
    from summaries.store.search import describe_query, nothing_to_search

    searched = describe_query(query)
    if not searched:
        raise InputError(nothing_to_search(query, 'briefing search "cyber attack"'))
    with open_store(settings) as store:
        hits = store.search(query, limit=limit, now=datetime.now(UTC))
    if not hits:
        print(f"No stored story matches {searched}.", file=out)
        return 0
    for number, hit in enumerate(hits, start=1):
        lead = hit.story.lead
        when = _when(lead.published or lead.fetched)
        print(f"{number}. {lead.title}", file=out)
        print(
            f"   {', '.join(hit.story.sources)} | {when} | {lead.url or ''}".rstrip(" |"), file=out
        )
        for sentence in story_sentences(hit.story):
            print(f"   {sentence}", file=out)
        print(file=out)
    return len(hits)


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _is_terminal(out: TextIO) -> bool:
    return out is sys.stdout and out.isatty()


__all__ = [
    "KINDS",
    "add_source",
    "checked_source",
    "ingest",
    "list_sources",
    "remove_source",
    "search",
]
