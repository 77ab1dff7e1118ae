"""Article addresses without the parameters that only track readers.

Feeds and newsletters add parameters that say where a reader came from (``utm_source``,
Facebook's ``fbclid``, Medium's ``?source=rss-...``): the page is the same without them,
and an address kept with them is longer to read and not the one other links name. Only
these well-known ones are taken off; every other parameter stays as it was written (in
its order, spelling and encoding), since many sites need theirs (``?id=``, ``?p=``).
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit, urlunsplit

_TRACKING = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid"})


def without_tracking(url: str) -> str:
    """``url`` without its tracking parameters: ``utm_*``, ``fbclid``, ``gclid``,
    ``mc_cid``, ``mc_eid``, and on Medium ``source=rss...``. Unchanged when it has none."""
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
    return medium and name == "source" and unquote(value).lower().startswith("rss")
