"""A Markdown file as the plain text of an article: what a reader of the rendered page sees.

Left as it is, Markdown puts its syntax into briefings ("the [harbour bridge](https://...)",
"**corrosion**") and into search. It is parsed by markdown-it-py (CommonMark, with
tables) and written back as the text an HTML page gives (see
:mod:`summaries.sources.pages`): each paragraph, heading and list item a block of its
own, a list item after "- ", a table as rows between pipes, a link as its words, an
image and a code block left out (no sentence of the article is in them), and inline HTML
as its text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from summaries.limits import MAX_TEXT_CHARS
from summaries.plaintext import html_to_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_SKIPPED_INLINE = frozenset({"image", "html_inline"})  # an image's alt text is no sentence


def markdown_article(source: str) -> tuple[str, str]:
    """The title of a Markdown text (its opening heading, else "") and its body as text.

    A text longer than an article may be (MAX_TEXT_CHARS) is left as it is, unparsed: the
    summarizer refuses it for its size with its own message.
    """
    if len(source) > MAX_TEXT_CHARS:
        return "", source
    blocks = _blocks(_parser().parse(source))
    if blocks and blocks[0][0] == "heading":
        return blocks[0][1], "\n\n".join(text for _, text in blocks[1:])
    return "", "\n\n".join(text for _, text in blocks)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _blocks(tokens: list[Token]) -> list[tuple[str, str]]:
    """(kind, text) of each block of the page: "heading", "table" or "text"."""
    blocks: list[tuple[str, str]] = []
    rows: list[str] = []
    cells: list[str] = []
    inside = "text"  # what an inline token is part of: "text", "heading" or "cell"
    bullet = ""  # "- " inside a list item, until its first paragraph is written
    for token in tokens:
        kind = token.type
        if kind == "list_item_open":
            bullet = "- "
        elif kind == "heading_open":
            inside = "heading"
        elif kind in ("th_open", "td_open"):
            inside = "cell"
        elif kind in ("heading_close", "th_close", "td_close"):
            inside = "text"
        elif kind == "inline":
            text = _inline_text(token.children or [])
            if inside == "cell":
                cells.append(text)
            elif text:
                blocks.append((inside, bullet + text))
                bullet = ""
        elif kind == "tr_close":
            rows.append("| " + " | ".join(cells) + " |")
            cells = []
        elif kind == "table_close":
            blocks.append(("table", "\n".join(rows)))
            rows = []
        elif kind == "html_block" and (text := html_to_text(token.content, whole=False)):
            blocks.append(("text", text))
    return blocks


def _inline_text(children: list[Token]) -> str:
    """The words of a paragraph's inline tokens: a soft line break is a space."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip()
