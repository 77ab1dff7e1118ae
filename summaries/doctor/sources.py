"""``briefing doctor``: every source answers through the same safe fetcher as ingest, feeds
parse as feeds, folders exist; two sources of one address are named with how to keep one."""

from __future__ import annotations

import asyncio
import os

from summaries.config import Settings
from summaries.doctor.database import NOT_READ, Stored
from summaries.doctor.findings import Finding, counted, note, ok, problem
from summaries.errors import BriefingError
from summaries.source_address import stored_address
from summaries.sources import (
    BlockedAddressError,
    Fetcher,
    FetchTimeoutError,
    HTTPStatusError,
    SourceError,
    UnreachableError,
    folder_at,
    parse_feed,
)
from summaries.sources.http import ARTICLE, FEED
from summaries.store import SourceRecord

DEFAULT_TIMEOUT = 5.0


async def check_sources(
    settings: Settings, stored: Stored | None, *, timeout: float = DEFAULT_TIMEOUT
) -> list[Finding]:
    listed = settings.sources
    wanted: dict[str, str] = {}  # location -> kind, config.toml's first
    for kind, locations in (("feed", listed.feeds), ("page", listed.pages)):
        wanted |= {url: kind for url in locations}
    folders = list(listed.folders)
    for source in stored.sources if stored else []:
        if source.enabled and source.kind in ("feed", "page"):
            wanted.setdefault(source.url, source.kind)
        elif source.enabled and source.kind == "folder":
            folders.append(source.url)
    duplicates = [_duplicate_finding(*pair) for pair in stored.duplicates] if stored else []
    if not wanted and not folders and stored and stored.upgrade_pending:
        return [note("sources", f"None in config.toml; {NOT_READ}.")]
    if not wanted and not folders:
        return duplicates + [
            note(
                "sources",
                "No sources: digests stay empty (the console shows the sample articles).",
                "Add feeds to [sources] in config.toml, or run `briefing sources add URL`.",
            )
        ]
    findings = list(dict.fromkeys(_folder_finding(folder) for folder in folders))
    if wanted:
        fetcher = Fetcher(
            allow_hosts=listed.allow_hosts,
            max_bytes=settings.fetch.max_bytes,
            timeout=min(timeout, settings.fetch.timeout),
            per_host=settings.fetch.per_host,
            politeness=0.0,
        )
        async with fetcher:
            findings += await asyncio.gather(
                *(_source_finding(fetcher, url, kind) for url, kind in wanted.items())
            )
    return findings + duplicates


def _duplicate_finding(kept: SourceRecord, other: SourceRecord) -> Finding:
    """Two sources of one feed, added under two spellings of its address before addresses
    were stored in one: which to keep, and who follows which, is the operator's call."""
    if other.operator:  # removed, it stays read for its followers (see remove_source)
        # the operator's feed is theirs still once the one kept is theirs (add_source)
        first = f"`briefing sources add {kept.url}`, which makes it yours too, then "
        fix = (
            f"Keep #{kept.id}: run {'' if kept.operator else first}"
            f"`briefing sources remove {other.id}`. A server or workspace that follows "
            f"#{other.id} keeps it read until it types `sources remove #{other.id}` and adds "
            f"the address again, which then follows #{kept.id}."
        )
    else:  # only tenants' own: removing it deletes it, and their subscriptions with it
        fix = (
            f"Keep #{kept.id}: only servers and workspaces follow #{other.id}, so `briefing "
            f"sources remove {other.id}` deletes it and ends their subscriptions to it (each "
            f"then adds the address again, which follows #{kept.id}); or leave it until each "
            f"types `sources remove #{other.id}`."
        )
    address = stored_address(other.url)
    if stored_address(kept.url) != address:  # the one kept has moved since
        what = (
            f"Sources #{kept.id} ({kept.url}, moved for good from {address}) and "
            f"#{other.id} ({other.url}, that old address written another way) read one "
            "feed, both added before addresses were stored in one spelling"
        )
    else:
        what = (
            f"Sources #{kept.id} ({kept.url}) and #{other.id} ({other.url}) are one address "
            "written two ways, both added before addresses were stored in one spelling"
        )
    return note("sources", f"{what}: it is fetched and summarised twice.", fix)


def _folder_finding(location: str) -> Finding:
    """Whether ingest can read the folder: the same check (``folder_at``), which says why
    not in words even for a name too long, a path through a file or a loop of links."""
    fix = "Create it, or remove it from [sources] folders (or `briefing sources remove`)."
    try:
        folder = folder_at(location)
    except SourceError as error:
        return problem("sources", str(error), fix)
    if not os.access(folder, os.R_OK | os.X_OK):
        return problem("sources", f"Folder {folder} cannot be read.", fix)
    return ok("sources", f"Folder {folder} is readable.")


async def _source_finding(fetcher: Fetcher, url: str, kind: str) -> Finding:
    try:
        result = await fetcher.get(url, accept=FEED if kind == "feed" else ARTICLE)
        if kind == "feed":
            feed = await asyncio.to_thread(
                parse_feed, result.body, result.url, result.content_type_header
            )
            return _feed_finding(url, len(feed.entries), feed.passed_over)
    except SourceError as error:
        return problem(
            "sources",
            f"Feed {url} answers, but: {error}",
            "Use the address of the RSS, Atom or JSON feed itself (often linked as 'RSS' on "
            "the site), or list the address under pages.",
        )
    except BriefingError as error:
        return problem("sources", f"{kind.capitalize()} {url}: {error}", _fix_for(error))
    return ok("sources", f"Page {url} answers.")


def _feed_finding(url: str, readable: int, passed_over: int) -> Finding:
    """A feed that answers, with its entries counted; those with nothing to read (a
    podcast's audio, a bare title) are said apart, and a note when it holds no other."""
    entries = counted(readable + passed_over, "entry", "entries")
    if not passed_over:
        return ok("sources", f"Feed {url} answers ({entries}).")
    if readable:
        return ok(
            "sources",
            f"Feed {url} answers ({entries}, {passed_over} with no text and no page to read).",
        )
    return note(
        "sources",
        f"Feed {url} answers ({entries}, none with text or a page to read: no article of it "
        "reaches a digest).",
        "If its entries are audio or video without a description, the bot cannot brief them: "
        "remove it, or keep it for when it carries text.",
    )


def _fix_for(error: BriefingError) -> str:
    if isinstance(error, BlockedAddressError):
        host = "the host it redirects to" if error.redirected else "this host"
        return f"If {host} is on your own network and you trust it, add it to sources.allow_hosts."
    if isinstance(error, UnreachableError):
        return "Check the address, and that this machine can reach it (DNS, firewall)."
    if isinstance(error, FetchTimeoutError):
        return "The site may be down or slow: try again later, or raise fetch.timeout."
    if isinstance(error, HTTPStatusError):
        return "Open the address in a browser: the site may have moved or removed it."
    return "Check the address in a browser; remove the source if it is gone."
