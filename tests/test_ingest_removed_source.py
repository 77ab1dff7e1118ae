"""A source removed while an ingest run reads it (the run took the list before) stays
removed: its articles are not stored, under no source or another's, its fetch is not
recorded, the source added after it (whose id is never the removed one's) is untouched,
and the run goes on with the other sources of the same batches. Both engines."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

from summaries.ingest import Ingest, IngestReport, SummaryPool
from summaries.models import SummaryOptions
from summaries.sources import Fetcher
from summaries.store import SourceRecord, Store, open_store
from tests.fakes.feed_server import FeedServer


async def _run_removing(
    store: Store, server: FeedServer, held: threading.Event, removed: SourceRecord
) -> tuple[IngestReport, SourceRecord]:
    """Run ingest over the sources listed now; once the feed of ``removed`` is asked for
    (its answer ``held``), remove it and add another source, then let the answer go."""
    listed = store.sources_to_read()
    pool = SummaryPool(SummaryOptions(), workers=1, seconds=30)
    fetcher = Fetcher(allow_hosts=["127.0.0.1"], politeness=0)
    async with fetcher, pool:
        run = asyncio.create_task(Ingest(store, fetcher, pool).run(listed))
        while removed.url.removeprefix(server.base) not in server.paths():
            await asyncio.sleep(0.01)
        assert (await asyncio.to_thread(store.remove_source, removed.id)).deleted
        added = await asyncio.to_thread(store.add_source, "https://new.example/rss", "feed")
        held.set()
        return await run, added


def _with_removal(
    location: str, serve_removed: Callable[[FeedServer, threading.Event], None]
) -> tuple[IngestReport, SourceRecord, SourceRecord, list[tuple], list[tuple], SourceRecord]:
    held = threading.Event()
    with FeedServer() as server, open_store(location) as store:
        server.feed("/kept", "atom.xml")
        serve_removed(server, held)
        kept = store.add_source(server.url("/kept"), "feed")
        removed = store.add_source(server.url("/removed"), "feed")
        report, added = asyncio.run(_run_removing(store, server, held, removed))
        by_source = store.execute(
            "SELECT source_id, count(*) FROM article_sources GROUP BY source_id"
        )
        unattributed = store.execute("SELECT count(*) FROM articles WHERE source_id IS NULL")
        return (
            report,
            store.get_source(kept.id),
            added,
            [tuple(row) for row in by_source],
            [tuple(row) for row in unattributed],
            store.get_source(added.id),
        )


def test_a_source_removed_during_a_run_is_not_read_into_the_store_or_another_source(location):
    report, kept, added, by_source, unattributed, after = _with_removal(
        location, lambda server, held: server.feed("/removed", "rss2.xml", hold=held)
    )
    assert report.sources == 2 and report.new >= 1
    assert [source for source, _ in by_source] == [kept.id]  # none under the new source
    assert unattributed == [(0,)]
    assert kept.last_ok_at is not None  # the other source's read is recorded
    assert after == added  # no fetch of the removed one recorded on it


def _moving(server: FeedServer, held: threading.Event) -> None:
    """The removed source's feed has moved for good to an address no source reads."""
    server.feed("/elsewhere", "rss2.xml")
    server.route(
        "/removed", b"", "text/html", status=301, headers={"Location": "/elsewhere"}, hold=held
    )


def test_a_source_removed_during_a_run_as_it_moves_is_not_logged_as_kept_beside_another(
    location, caplog
):
    """Its feed answers that it moved for good: nothing is moved or stored, and the log says
    it was removed, not that another source reads the new address."""
    caplog.set_level(logging.INFO, logger="briefing.ingest")
    _, kept, _, by_source, unattributed, _ = _with_removal(location, _moving)
    said = [record.getMessage() for record in caplog.records]
    assert [source for source, _ in by_source] == [kept.id] and unattributed == [(0,)]
    assert not [line for line in said if "moved for good" in line], said
    assert [line for line in said if "was removed during the run" in line], said
