"""Where articles come from: the safe HTTP fetcher, feeds, web pages and local folders.

- :class:`Fetcher` (``async with``) does every HTTP GET: http(s) only, no private
  addresses (checked on every redirect, connection pinned to the checked IP), size and
  time caps, conditional GET, a per-host concurrency limit and politeness delay.
- :func:`parse_feed` turns fetched RSS, Atom or JSON Feed bytes into :class:`Feed` /
  :class:`FeedEntry`;
  :func:`is_teaser` says when an entry must be followed to its page.
- :func:`article_from_page` / :func:`article_from_result` extract a page's article.
- :func:`fetch_feed` and :func:`article_for_entry` put those together for ingest.
- :func:`read_folder` reads a folder of .txt, .md and .html files; :func:`folder_at`
  checks a folder someone names.
- :func:`check_address` checks an address before it is stored, as the fetcher would;
  :func:`probe_kind` finds out whether a new source is a feed or a page (in a worker).
- :func:`next_attempt` / :func:`is_due` are the backoff policy for failing sources.
"""

from summaries.sources.addresses import (
    MAX_ADDRESS_CHARS,
    PRIVATE_REDIRECT_SOURCE,
    PRIVATE_SOURCE,
    check_address,
    looks_like_address,
    private_refusal,
    refused_move,
    web_address,
)
from summaries.sources.collect import FeedUpdate, article_for_entry, fetch_feed
from summaries.sources.errors import (
    BlockedAddressError,
    CutOffError,
    DamagedResponseError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InvalidAddressError,
    ResponseTooLargeError,
    SourceError,
    TooManyRedirectsError,
    UnreachableError,
    UnsupportedContentError,
    is_gone,
    is_refused,
    is_temporary,
)
from summaries.sources.feeds import (
    Feed,
    FeedEntry,
    entry_article,
    is_teaser,
    parse_feed,
    stands_alone,
)
from summaries.sources.folders import (
    FolderRead,
    Skipped,
    folder_at,
    list_folder,
    read_file,
    read_folder,
)
from summaries.sources.http import (
    ARTICLE,
    ASKED_ARTICLE,
    FEED,
    MAX_REDIRECTS,
    USER_AGENT,
    Accept,
    Fetcher,
    FetchResult,
)
from summaries.sources.pages import article_from_page, article_from_result
from summaries.sources.probe import probe_kind, readable_kind
from summaries.sources.public import is_public_address
from summaries.sources.retry import BASE_DELAY, MAX_DELAY, is_due, next_attempt, retry_delay

__all__ = [
    "ARTICLE",
    "ASKED_ARTICLE",
    "BASE_DELAY",
    "FEED",
    "MAX_ADDRESS_CHARS",
    "MAX_DELAY",
    "MAX_REDIRECTS",
    "PRIVATE_REDIRECT_SOURCE",
    "PRIVATE_SOURCE",
    "USER_AGENT",
    "Accept",
    "BlockedAddressError",
    "CutOffError",
    "DamagedResponseError",
    "Feed",
    "FeedEntry",
    "FeedUpdate",
    "FetchError",
    "FetchResult",
    "FetchTimeoutError",
    "Fetcher",
    "FolderRead",
    "HTTPStatusError",
    "InvalidAddressError",
    "ResponseTooLargeError",
    "Skipped",
    "SourceError",
    "TooManyRedirectsError",
    "UnreachableError",
    "UnsupportedContentError",
    "article_for_entry",
    "article_from_page",
    "article_from_result",
    "check_address",
    "entry_article",
    "fetch_feed",
    "folder_at",
    "is_due",
    "is_public_address",
    "is_teaser",
    "is_gone",
    "is_refused",
    "is_temporary",
    "list_folder",
    "looks_like_address",
    "next_attempt",
    "parse_feed",
    "private_refusal",
    "probe_kind",
    "read_file",
    "read_folder",
    "readable_kind",
    "refused_move",
    "retry_delay",
    "stands_alone",
    "web_address",
]
