"""Small address helpers shared by the feed and page readers."""

from __future__ import annotations

from ipaddress import ip_address
from urllib.parse import urljoin, urlsplit, urlunsplit

from tld import get_fld

from summaries.sites import site_of
from summaries.sources.addresses import MAX_ADDRESS_CHARS


def absolute_http(address: object, base: str | None) -> str | None:
    """``address`` made absolute against ``base``; None unless it is http(s) with a host
    and no credentials (``user:password@``: an address the bot refuses to fetch, whose
    password every message naming it would show), and no longer than an address given to
    the bot may be (``MAX_ADDRESS_CHARS``, in UTF-8 bytes): a page or feed that names a
    longer one names none (the store's unique index on addresses holds no more than about
    2.7 KB on PostgreSQL; one longer address would fail the whole batch it is stored in)."""
    if not isinstance(address, str) or not address.strip():
        return None
    joined = urljoin(base or "", address.strip())
    if too_long(joined):
        return None
    parts = urlsplit(joined)
    if parts.scheme not in {"http", "https"} or not parts.hostname or "@" in parts.netloc:
        return None
    return joined


def too_long(address: str) -> bool:
    """Whether ``address`` is longer than an address given to the bot may be."""
    return len(address.encode("utf-8", "replace")) > MAX_ADDRESS_CHARS


def is_home_page(url: str) -> bool:
    """Whether ``url`` is its site's home page: no path, no query."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def reader_address(declared: str | None, final: str | None) -> str | None:
    """The address a reader is given for a page fetched at ``final`` (after redirects)
    that declares ``declared`` its own (``<link rel=canonical>``, ``og:url``).

    The declared address, when it is on the same site (:func:`_same_site`: the same
    registrable domain, ``m.`` or ``amp.`` hosts included, never a public suffix such as
    ``github.io`` or ``co.uk`` above it), on the same port, without credentials, at most
    ``MAX_ADDRESS_CHARS`` long (as an address given to the bot), and not the site's home
    page or a section above the page (an AMP copy's ``/amp`` aside): pages that copy a
    template's canonical tag name the home page, and a page on one site that names
    another's is a copy (or a mistake) whose text must not be filed, and found again, under
    the other site's address. Taken over ``https`` when the page was. Otherwise the final
    URL; with no final URL (a file), whatever the page declares."""
    if not final:
        return declared
    if not declared or too_long(declared):
        return final
    page, own = urlsplit(final), urlsplit(declared)
    try:
        port = own.port
        ports = port is None or port == (page.port or _PORTS.get(page.scheme))
    except ValueError:  # a port out of range
        return final
    if own.username is not None or not ports or not _same_site(declared, final):
        return final
    if _above(own.path, page.path):
        return final
    if own.scheme == "http" and page.scheme == "https" and own.port is None:
        return urlunsplit(own._replace(scheme="https"))
    return declared


_PORTS = {"http": 80, "https": 443}


def _above(declared: str, final: str) -> bool:
    """Whether the path ``declared`` is the home page or a folder above ``final`` (the
    site's section): once a last ``amp`` folder is taken off ``final``, an AMP copy's."""
    story = final.rstrip("/")
    if story.rsplit("/", 1)[-1].lower() == "amp":
        story = story.rsplit("/", 1)[0]
    own = declared.rstrip("/")
    return own != story and story.startswith(own + "/")


def moved_up(page_url: str | None, link: str) -> bool:
    """Whether the page ``link`` led to is a site's home page or one of the link's parent
    folders (its section): where a site sends the address of a story it took down, a list
    of other stories, not the story. (An AMP copy's link, ``.../story/amp``, led to its
    story, ``.../story``, was not sent up.)"""
    if not page_url:
        return False
    page, story = urlsplit(page_url), urlsplit(link)
    if page.path.rstrip("/") == "":
        return story.path.rstrip("/") != ""
    return site_of(page_url) == site_of(link) and _above(page.path, story.path)


def _same_site(one: str, other: str) -> bool:
    """Whether two addresses are on one site: the same registrable domain by the public
    suffix list (``m.news.co.uk`` and ``news.co.uk``; never ``alice.github.io`` and
    ``github.io``). A host the list does not know is of the same site as the same host
    (``www.`` aside) or, unless it is an IP address, one a subdomain of the other."""
    first, second = site_of(one), site_of(other)
    if not first or not second:
        return False
    if first == second:
        return True
    registered = _registered(first), _registered(second)
    if None not in registered:
        return registered[0] == registered[1]
    if _is_ip(first) or _is_ip(second):
        return False
    return first.endswith("." + second) or second.endswith("." + first)


def _registered(host: str) -> str | None:
    """The registrable domain of ``host`` (a public suffix's own: itself), if the public
    suffix list knows its suffix."""
    found = get_fld(host, fix_protocol=True, fail_silently=True)
    return found if isinstance(found, str) else None


def _is_ip(host: str) -> bool:
    try:
        ip_address(host)
    except ValueError:
        return False
    return True
