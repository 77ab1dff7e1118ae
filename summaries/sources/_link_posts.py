"""The story a forum's link post points at, when the entry's own link is its discussion.

Reddit's feeds link each entry to its comments page, and give the story's address in the
entry's text: "submitted by /u/name [link] [comments]", its "[link]" anchor pointing at the
story (a text post's "[link]" points at the comments page again). Followed, the comments
page gives the forum's furniture ("Log in", "Sort by: Best"), never the story: so the
story's address, the "[link]", is the entry's link instead.
"""

from __future__ import annotations

from html.parser import HTMLParser

from summaries.sources._urls import absolute_http

_STORY = "[link]"
_DISCUSSION = "[comments]"


def story_link(html: str, link: str | None, base: str) -> str | None:
    """The address of ``html``'s "[link]" anchor when its "[comments]" anchor points at the
    entry's ``link`` and the "[link]" elsewhere (relative addresses read against ``base``);
    else None."""
    if link is None or _STORY not in html or _DISCUSSION not in html:
        return None
    anchors = _Anchors()
    anchors.feed(html)
    anchors.close()
    found = {
        text: absolute_http(href, base)
        for href, text in anchors.found
        if text in (_STORY, _DISCUSSION)
    }
    story = found.get(_STORY)
    if found.get(_DISCUSSION) != link or story is None or story == link:
        return None
    return story


class _Anchors(HTMLParser):
    """Each ``<a href>`` of a fragment with its text (white space made single)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.found.append((self._href, " ".join("".join(self._text).split())))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)
