"""A .txt or .md file as an article: its front matter, its title and its body.

- Front matter, as static site generators write it: a leading block between ``---`` lines
  of ``key: value`` lines; ``title``, ``source``, ``url``, ``published`` and ``author`` are
  read, other keys passed over, and the block is no part of the text.
- A .md file is read as the page it renders to (see :mod:`summaries.markdown`): its opening
  heading is the title, else its first block when that reads as a headline.
- A .txt file's first line is its title only when it reads as a headline (short, no full
  stop, not a menu or a label: :func:`summaries.titles.looks_like_headline`).
- Without a title line, the title is made from the article's first sentence.
"""

from __future__ import annotations

from datetime import datetime

from summaries.clock import utc_datetime
from summaries.errors import EmptyArticleError
from summaries.markdown import MARKDOWN_SUFFIXES, markdown_article
from summaries.models import Article
from summaries.titles import looks_like_headline, title_from_text

TEXT_SUFFIXES = frozenset({".txt"}) | MARKDOWN_SUFFIXES
FRONT_MATTER_KEYS = frozenset({"title", "source", "url", "published", "author"})
_FRONT_MATTER_LINES = 30  # a file whose "---" block runs longer is taken as text


def text_file_article(
    text: str,
    suffix: str,
    *,
    url: str | None = None,
    source: str | None = None,
    modified: datetime | None = None,
    made_title: bool = True,
) -> Article:
    """The article in the decoded text of a file named with ``suffix`` (".txt", ".md"):
    what its front matter says, else ``url``, ``source`` and ``modified`` as its address,
    outlet and time; a title made from its first sentence if it has none and
    ``made_title``. EmptyArticleError when it has a title and nothing under it."""
    meta, text = front_matter(text)
    if suffix.lower() in MARKDOWN_SUFFIXES:
        title, body = markdown_article(text)
        if not title:  # no heading: its first block, when that reads as a headline
            first, _, rest = body.partition("\n\n")
            if rest and looks_like_headline(first):
                title, body = first, rest
        title = meta.get("title") or title
    elif meta.get("title"):
        title, body = meta["title"], text.strip()
    else:
        title, body = _title_and_body(text)
    if not body:
        raise EmptyArticleError("the file has a title line but no text under it")
    return Article(
        title=title or (title_from_text(body) if made_title else ""),
        text=body,
        url=meta.get("url") or url,
        source=meta.get("source") or source,
        published=utc_datetime(meta.get("published")) or modified,
        author=meta.get("author"),
    )


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The known keys of a leading ``---`` block, and the text after it."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, min(len(lines), _FRONT_MATTER_LINES + 2)):
        if lines[end].strip() == "---":
            break
    else:
        return {}, text
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, colon, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'").strip()
        if colon and key in FRONT_MATTER_KEYS and value:
            meta[key] = value[:1000]
    if meta.get("url") and not meta["url"].lower().startswith(("http://", "https://")):
        del meta["url"]
    return meta, "\n".join(lines[end + 1 :])


def _title_and_body(text: str) -> tuple[str, str]:
    """A plain text's title (its first line, when that reads as a headline) and body."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.strip():
            title = line.strip()
            if not looks_like_headline(title):  # a menu, a label or the article's first lines
                return "", text.strip()
            return title, "\n".join(lines[number + 1 :]).strip()
    return "", ""
