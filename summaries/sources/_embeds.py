"""Posts of social networks embedded in a story, removed before extraction.

A story quotes a post by embedding it: the site's markup is a blockquote of the post's
text, its author's name and handle, its date and a link ("We are pleased ... pic.twitter.com/
abc — North West Rail Union (@NWRailUnion) October 2, 2024"), which the network's script
then draws as a card beside the paragraphs. It is another author's post, not the story's
text (the story says what it matters for in its own sentences), and read as text it gives
a line of handle, date and link. The networks' embed codes name the blockquote by a class
of their own (X/Twitter, Instagram, TikTok, Bluesky, Facebook, Reddit, Mastodon, Threads).
"""

from __future__ import annotations

from typing import Any

from lxml.etree import XPath

_EMBEDS = (
    "twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|fb-xfbml-parse-ignore"
    "|reddit-embed-bq|mastodon-embed|text-post-media"
)
_EMBEDDED = XPath(
    f"//blockquote[re:test(@class, '(^|\\s)({_EMBEDS})(\\s|$)', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def drop_embedded_posts(tree: Any) -> None:
    """Remove from ``tree`` (an lxml tree, in place) the social networks' embedded posts."""
    for post in _EMBEDDED(tree):
        if post.getparent() is not None:
            post.drop_tree()  # the text after it (its tail) stays
