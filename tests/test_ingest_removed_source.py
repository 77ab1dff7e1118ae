"""A source removed while an ingest run reads it (the run took the list before) stays
removed: its articles are not stored, under no source or another's, its fetch is not
recorded, the source added after it (whose id is never the removed one's) is untouched,
and the run goes on with the other sources of the same batches. Both engines."""

from __future__ import annotations

import asyncio

from summaries.ingest import Ingest, SummaryPool
from summaries.models import SummaryOptions
from summaries.sources import Fetcher
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer


def test_a_source_removed_during_a_run_is_not_read_into_the_store_or_another_source(location):
    with FeedServer() as server:
        server.feed("/kept", "atom.xml")
        server.feed("/removed", "rss2.xml")

        async def run():
            pool = SummaryPool(SummaryOptions(), workers=1, seconds=30)
            fetcher = Fetcher(allow_hosts=["127.0.0.1"], politeness=0)
            with open_store(location) as store:
                kept = store.add_source(server.url("/kept"), "feed")
                removed = store.add_source(server.url("/removed"), "feed")
                listed = store.sources_to_read()  # what the run read, before the removal
                assert store.remove_source(removed.id).deleted
                added = store.add_source("https://new.example/rss", "feed")
                async with fetcher, pool:
                    report = await Ingest(store, fetcher, pool).run(listed)
                by_source = store.execute(
                    "SELECT source_id, count(*) FROM article_sources GROUP BY source_id"
                )
                unattributed = store.execute(
                    "SELECT count(*) FROM articles WHERE source_id IS NULL"
                )
                return kept, added, report, by_source, unattributed, store.get_source(added.id)

        kept, added, report, by_source, unattributed, after = asyncio.run(run())
    assert report.sources == 2 and report.new >= 1
    assert [source for source, _ in by_source] == [kept.id]  # none under the new source
    assert [tuple(row) for row in unattributed] == [(0,)]
    assert after == added  # no fetch of the removed one recorded on it
