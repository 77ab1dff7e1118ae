"""Article addresses without the parameters that only track readers.

Feeds and newsletters add parameters that say where a reader came from (``utm_source``,
Facebook's ``fbclid``, Medium's ``?source=rss-...``): the page is the same without them,
and an address kept with them is longer to read and not the one other links name. Only
these well-known ones are taken off; every other parameter stays as it was written (in
its order, spelling and encoding), since many sites need theirs (``?id=``, ``?p=``).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

_TRACKING = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid"})
# Medium's feeds tag each link with the feed it came from: "rss" and the publication's or
# author's hex id between runs of dashes, then a digit ("rss----7f60cf5620c9---4",
# "rss-4d4ec1f8a4b6------2"). Publications on a domain of their own do it too, so this
# shape is taken off on any host; a bare "source=rss" is only taken off on medium.com,
# since another site's "source" may be its own.
_MEDIUM_FEED = re.compile(r"rss-+[0-9a-f]{12}-+[0-9]+", re.IGNORECASE)


def without_tracking(url: str) -> str:
    """``url`` without its tracking parameters: ``utm_*``, ``fbclid``, ``gclid``,
    ``mc_cid``, ``mc_eid``, on Medium ``source=rss...``, and on any site ``source=`` in
    the shape only Medium's feeds write (see ``_MEDIUM_FEED``). Unchanged when it has none."""
    try:
        parts = urlsplit(url)
    except ValueError:  # not an address: left as it is
        return url
    if not parts.query:
        return url
    host = (parts.hostname or "").lower()
    medium = host == "medium.com" or host.endswith(".medium.com")
    fields = parts.query.split("&")
    kept = [field for field in fields if not _tracks(field, medium)]
    if len(kept) == len(fields):
        return url
    # the empty fields of a doubled or trailing "&" go with them: "?id=7&&utm_source=x"
    # is "?id=7", the address other links name, not "?id=7&"
    return urlunsplit(parts._replace(query="&".join(field for field in kept if field)))


def _tracks(field: str, medium: bool) -> bool:
    name, _, value = field.partition("=")
    name = unquote(name).strip().lower()
    if name.startswith("utm_") or name in _TRACKING:
        return True
    if name != "source":
        return False
    value = unquote(value)
    return _MEDIUM_FEED.fullmatch(value) is not None or (medium and value.lower().startswith("rss"))
