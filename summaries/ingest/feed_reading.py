"""Reading a feed source: its entries, the pages its teasers link to, and what is left of
an entry whose page could not be read (see :mod:`summaries.ingest.upgrade` for a teaser
stored from its feed's text whose page answers later).

A teaser whose page answers that it is not there (404, 410), or not for the bot (401,
403, 451: a paywall, a bot wall), is a failure the first time: a page may be put up
after its entry. Answered so twice in a row, or again more than GONE_AFTER after the
first time (other failures between), the page is gone for good, and the entry is one
without article text: remembered, passed over until it changes.
A teaser whose link the bot refuses to fetch (inside a private network, or redirecting
there) is a failure once, then passed over (said no more) until asking again may go
otherwise: the entry or ``allow_hosts`` changed, or a host name's DNS answer may have
(see :mod:`summaries.ingest.refusals`); the feed is then read whole, even when it has
not changed, so that the entry is there to be asked.

:class:`FeedReading` is a part of :class:`~summaries.ingest.run.Ingest`, which holds what
it uses: the store, the fetcher, the pool, the cap on work in flight, and the run's counts
and problems.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from summaries.errors import BriefingError, EmptyArticleError
from summaries.ingest.pool import SummaryPool
from summaries.ingest.refusals import (
    allowed_digest,
    asks_again,
    holds,
    refusal_of,
    refused_mark,
)
from summaries.ingest.upgrade import from_feed_text, is_fuller, moved_up, try_due
from summaries.models import Article, StoredArticle
from summaries.sources import (
    Feed,
    FeedEntry,
    Fetcher,
    FetchError,
    UnsupportedContentError,
    article_for_entry,
    entry_article,
    fetch_feed,
    is_gone,
    is_refused,
    is_teaser,
    is_temporary,
    refused_move,
    stands_alone,
)
from summaries.store import CONFIGURED, MissingPage, SourceRecord, Store

log = logging.getLogger("briefing.ingest")
GONE_AFTER = timedelta(days=1)


class FeedReading:
    """The reading of feed sources, for :class:`~summaries.ingest.run.Ingest`."""

    store: Store
    fetcher: Fetcher
    pool: SummaryPool
    max_entries: int
    window: timedelta
    clock: Callable[[], datetime]
    _in_flight: asyncio.Semaphore
    _counts: Counter[str]
    _problem: Callable[[SourceRecord, str], None]
    _article: Callable[..., Awaitable[None]]

    async def _read_feed(self, source: SourceRecord) -> tuple[str | None, str | None]:
        known = await asyncio.to_thread(self.store.textless_entries, source.id)
        allowed = allowed_digest(self.fetcher.allow_hosts)
        # a refused entry due to be asked again is asked even if the feed has not changed
        whole = asks_again(known.values(), allowed, self.clock())
        async with self._in_flight:  # let go before the entries take their own turns
            update = await fetch_feed(
                self.fetcher,
                source.url,
                etag=None if whole else source.etag,
                last_modified=None if whole else source.last_modified,
                max_entries=self.max_entries,
                run=self.pool.run,
            )
        if update.moved_to is not None and update.moved_to != source.url:
            await self._moved(source, update.moved_to)
        if update.feed is None:
            return update.etag, update.last_modified
        feed = update.feed
        if feed.problem:  # read all the same: said, so that the entries it lost are known
            self._problem(
                source, f"what could be read of the feed was read; it is malformed: {feed.problem}"
            )
        if feed.passed_over and not feed.entries:  # a podcast's audio, nothing else
            entries = "its entry has" if feed.passed_over == 1 else "none of its entries has"
            self._problem(
                source,
                f"{entries} text or a page to read (audio or video without a description?):"
                " nothing of it can be briefed",
            )
        if feed.left_out:
            log.info(
                "feed %s: reading its newest %d entries of %d",
                source.url,
                len(feed.entries),
                len(feed.entries) + feed.left_out,
            )

        retry: list[FeedEntry] = []  # teasers whose page may answer at a later read
        textless: dict[str, str] = {}  # the entries without article text, as they are now
        was_missing = await asyncio.to_thread(self.store.missing_pages, source.id)
        missing: dict[str, MissingPage] = {}  # the entries whose page is missing, now
        shared = _shared_ids(feed.entries)
        followed_before: dict[str, str] = {}  # teasers whose page is stored: entry, link
        links = {_record_key(item, shared): item.link for item in feed.entries if item.link}
        # entries trading links: their articles trade addresses first, so that each entry
        # then finds its own article at its link (stored one by one, each would take the
        # other's text)
        if links and (
            moved := await asyncio.to_thread(self.store.swap_entry_links, source.id, links)
        ):
            log.info("feed %s: %d articles traded addresses with their entries", source.url, moved)

        async def entry(item: FeedEntry) -> None:
            key = _record_key(item, shared)
            mark = known.get(key)
            if mark == item.version:  # read before, no text, unchanged since
                textless[key] = item.version
                return
            refused = refusal_of(mark, item.version)  # its link refused before
            if refused is not None and holds(refused, allowed, self.clock()):
                textless[key] = mark
                return
            followed = item.link if is_teaser(item) else None  # the page gives the text

            def no_text(why: str = "holds no article text") -> None:
                textless[key] = item.version
                self._counts["textless"] += 1
                log.info("feed %s: %s %s", source.url, item.link or item.id, why)

            async with self._in_flight:
                upgrading: StoredArticle | None = None
                try:
                    # a teaser already followed once: its page is stored, under the link or
                    # (when the page names another canonical URL) with the link as its alias;
                    # stored from the feed's text, its page is asked for again (see upgrade)
                    if followed and await asyncio.to_thread(self.store.knows_link, followed):
                        stored = await self._stored_feed_text(item, followed)
                        if stored is None or not self._page_due(item, stored, source):
                            followed_before[key] = followed
                            await self._feed_text_again(source, item, feed, followed, stored)
                            return
                        upgrading = stored
                    article = await article_for_entry(self.fetcher, item, feed, run=self.pool.run)
                except BriefingError as error:
                    if upgrading is not None:  # the feed's text stays, as the feed has it now
                        log.info("page %s still unread: %s", followed, error)
                        await self._feed_text_again(source, item, feed, followed, upgrading)
                        return
                    if refused is not None and is_refused(error):  # said when first refused
                        textless[key] = refused_mark(
                            item.version, error, refused, allowed, self.clock()
                        )
                        log.info("feed %s: %s still refused: %s", source.url, item.link, error)
                        return
                    before = was_missing.get(key)
                    if before is not None and before.version != item.version:
                        before = None  # (the entry changed: its page is another's)
                    if self._gone_for_good(error, before, item, missing, key):
                        no_text(f"is passed over: its page is gone ({error})")
                        return
                    article = self._page_failed(source, item, feed, error, retry, no_text)
                    if article is None:
                        if is_refused(error):  # said once, then passed over for a while
                            textless[key] = refused_mark(
                                item.version, error, None, allowed, self.clock()
                            )
                        return
                if upgrading is not None:
                    if not is_fuller(article, upgrading) or moved_up(article.url, followed):
                        return
                    if article.url != upgrading.url and await asyncio.to_thread(
                        self.store.knows_link, article.url or followed
                    ):  # its page's address is another article's: the feed's link stays
                        article = replace(article, url=upgrading.url)
                # replaced in place, at its page's address (the store moves it from the link);
                # a page that holds no article (one its script draws, a video's) leaves the
                # feed's own text, as a page gone for good does
                told = followed and upgrading is None and stands_alone(item)
                feed_text = entry_article(item, feed) if told else None
                await self._article(
                    source,
                    article,
                    link=followed,
                    feed_text=feed_text,
                    upgrade=upgrading is not None,
                    no_text=no_text,
                    entry=key,
                )

        await asyncio.gather(*(entry(item) for item in feed.entries))  # newest first
        if followed_before:  # recorded as stored (one stored before entries were recorded
            # is recorded at its next read), so that its link changing moves its article
            await asyncio.to_thread(self.store.record_entry_links, source.id, followed_before)
        if textless != known:
            await asyncio.to_thread(self.store.keep_textless, source.id, textless, self.clock())
        if missing != was_missing:
            await asyncio.to_thread(self.store.keep_missing, source.id, missing)
        if retry:  # the feed is read whole again next time, not answered "not modified"
            return None, None
        return update.etag, update.last_modified

    async def _moved(self, source: SourceRecord, url: str) -> None:
        """The source's feed answered 301 / 308: read at ``url`` from now on. A source
        named in config.toml keeps its address (config.toml would add the old one again):
        the run says where it went. One whose new address another source has is kept too."""
        refused = refused_move(source.url, url)
        if refused is not None:
            self._problem(source, f"it says it has moved for good; it keeps its address: {refused}")
            return
        if source.added_by == CONFIGURED:
            self._problem(source, f"it has moved for good to {url}; change it in config.toml")
            return
        if await asyncio.to_thread(self.store.move_source, source.id, url):
            log.info("source %d moved for good from %s to %s", source.id, source.url, url)
        elif await asyncio.to_thread(self.store.get_source, source.id) is not None:
            # (one removed during the run has nothing to move; its fetch says it is gone)
            log.warning(
                "source %d (%s) moved for good to %s, which another source reads: both kept",
                source.id,
                source.url,
                url,
            )

    def _page_failed(
        self,
        source: SourceRecord,
        item: FeedEntry,
        feed: Feed,
        error: BriefingError,
        retry: list[FeedEntry],
        no_text: Callable[[], None],
    ) -> Article | None:
        """What is left of an entry whose article could not be read: when its page failed
        for a while (``is_temporary``), nothing now (it joins ``retry``); when the page is
        gone for good, the feed's own text if it tells the news on its own; else nothing:
        an entry without article text when the page is no article (``is_textless``, and
        ``no_text`` is told), else a failure."""
        name = item.title or item.link
        if is_temporary(error) and self._may_retry(item):
            retry.append(item)
            self._counts["failed"] += 1
            self._problem(source, f"{name}: {error} It is tried again at the next read.")
            return None
        if isinstance(error, (FetchError, EmptyArticleError)) and stands_alone(item):
            self._problem(source, f"{name}: {error} It is stored from the feed's text.")
            return entry_article(item, feed)
        if is_textless(error):
            no_text()
            return None
        self._counts["failed"] += 1
        self._problem(source, f"{name}: {error}")
        return None

    def _gone_for_good(
        self,
        error: BriefingError,
        before: MissingPage | None,
        item: FeedEntry,
        missing: dict[str, MissingPage],
        key: str,
    ) -> bool:
        """Whether the entry's page, which failed with ``error``, is gone for good: it
        answered that it is not there now and at the read before (``before`` tells since
        when, and whether that read answered so), or now and more than GONE_AFTER ago.
        Else an answer that it is not there, or any other failure after one, is kept in
        ``missing`` (under ``key``) for the next read to tell."""
        if not is_gone(error):
            if before is not None:  # another failure between: no longer in a row
                missing[key] = replace(before, in_row=False)
            return False
        now = self.clock()
        if before is not None and (before.in_row or now - before.since > GONE_AFTER):
            return True
        missing[key] = MissingPage(item.version, before.since if before else now, True)
        return False

    async def _stored_feed_text(self, item: FeedEntry, link: str) -> StoredArticle | None:
        """The article stored at ``link`` when it was stored from the entry's feed text
        (see ``from_feed_text``), else None."""
        stored = await asyncio.to_thread(self.store.find, url=link)
        return stored if from_feed_text(stored, item) else None

    def _page_due(self, item: FeedEntry, stored: StoredArticle, source: SourceRecord) -> bool:
        """Whether the page of an entry ``stored`` from its feed text may be asked for again
        now (dated within the window, and a try due since the source's previous read: see
        :mod:`summaries.ingest.upgrade`)."""
        return self._may_retry(item) and try_due(
            stored.fetched, source.last_fetched_at, self.clock()
        )

    async def _feed_text_again(
        self,
        source: SourceRecord,
        item: FeedEntry,
        feed: Feed,
        link: str,
        stored: StoredArticle | None,
    ) -> None:
        """An entry ``stored`` from its feed's text (at ``link``), whose page is not read
        now: stored from that text as the feed has it now, so a correction the feed makes
        (an edited post) replaces the stored text in place; the same text is stored once,
        as any is. A text that no longer tells the news on its own, or an article read from
        its page (fuller than the feed's text: ``stored`` is None), stays as it is; so does
        one the correction left lighter than the stored text, which cannot be told from a
        page's (see ``from_feed_text``)."""
        if stored is not None and stands_alone(item):
            await self._article(source, entry_article(item, feed), link=link)

    def _may_retry(self, item: FeedEntry) -> bool:
        """Whether a teaser whose page failed for a while is asked for again at the next
        read: only while its entry is dated within the window. Every such read takes the
        whole feed again, so a page that never answers must not hold it open for ever;
        past the window the entry would not be briefed anyway, and an undated one gives no
        bound at all, so either is taken as gone for good."""
        published = item.published
        return published is not None and published > self.clock() - self.window


def is_textless(error: BriefingError) -> bool:
    """Whether a teaser's page failed by holding no article: no readable text (a page its
    script draws, a video's), or no page at all (a picture, a file)."""
    return isinstance(error, (EmptyArticleError, UnsupportedContentError))


def _shared_ids(entries: Sequence[FeedEntry]) -> frozenset[str]:
    """The ids that a feed gives to more than one of its entries (a feed may give every
    post its site's address, or reuse an id for another post)."""
    seen = Counter(item.id for item in entries)
    return frozenset(name for name, count in seen.items() if count > 1)


def _record_key(item: FeedEntry, shared: frozenset[str]) -> str:
    """What an entry without article text is remembered by (see store/textless.py): its
    id, or, when its feed gives that id to another entry too, its id and its version, so
    that each such entry is passed over on its own."""
    return f"{item.id} {item.version}" if item.id in shared else item.id
