"""Small address helpers shared by the feed and page readers."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def absolute_http(address: object, base: str | None) -> str | None:
    """``address`` made absolute against ``base``; None unless it is http(s) with a host."""
    if not isinstance(address, str) or not address.strip():
        return None
    joined = urljoin(base or "", address.strip())
    parts = urlsplit(joined)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    return joined


def site_of(address: str | None) -> str:
    """The host of ``address`` without a leading ``www.`` ("" when there is none)."""
    return (urlsplit(address or "").hostname or "").removeprefix("www.")


def reader_address(declared: str | None, final: str | None) -> str | None:
    """The address a reader is given for a page fetched at ``final`` (after redirects)
    that declares ``declared`` its own (``<link rel=canonical>``, ``og:url``).

    The declared address, when it is on the same site (the same host, ``www.`` aside, or
    one a subdomain of the other: ``m.``, ``amp.``) and is not the site's home page or a
    section above the page (:func:`moved_up`): pages that copy a template's canonical tag
    name the home page, and a page on one site that names another's is a copy (or a
    mistake) whose text must not be filed, and found again, under the other site's address.
    Otherwise the final URL; with no final URL (a file), whatever the page declares."""
    if not final:
        return declared
    if declared and _same_site(declared, final) and not moved_up(declared, final):
        return declared
    return final


def moved_up(page_url: str | None, link: str) -> bool:
    """Whether the page ``link`` led to is a site's home page or one of the link's parent
    folders (its section): where a site sends the address of a story it took down, a list
    of other stories, not the story."""
    if not page_url:
        return False
    page, story = urlsplit(page_url), urlsplit(link)
    folder = page.path.rstrip("/") + "/"
    if folder == "/":
        return story.path.rstrip("/") != ""
    same_site = site_of(page_url) == site_of(link)
    return same_site and story.path.rstrip("/") != folder[:-1] and story.path.startswith(folder)


def _same_site(one: str, other: str) -> bool:
    """Whether two addresses are on one site: the same host (``www.`` aside), or one
    host a subdomain of the other."""
    first, second = site_of(one), site_of(other)
    if not first or not second:
        return False
    return first == second or first.endswith("." + second) or second.endswith("." + first)
