"""Plain text: what every stored text field and every command argument is.

Feeds, pages and chat users send text with markup in it: tags, entities, and characters
that change how a terminal or a chat client shows what follows (C0 and C1 controls such
as CSI U+009B, bidirectional overrides such as U+202E). A field that was written as
escaped markup (``&lt;img onerror=...&gt;``) turns back into markup once decoded. The
rules, in one place:

- ``plain_line`` (titles, outlet and author names, channel names): tags dropped with the
  content of ``<script>``/``<style>``, entities decoded once, anything still shaped like a
  tag after decoding dropped too, unsafe characters removed, whitespace made single.
- ``input_text`` (an article's text as a person or a file gave it): read as HTML only when
  it is markup (see ``is_markup``); prose that names a tag ("use the <p> tag", "if a < b")
  is kept as written. A source's text (a feed's, a page's) is text already: what its HTML
  escaped is its words, and nothing strips tag-shaped words from it again.
- ``strip_unsafe``: only the unsafe characters removed (command lines, stored bodies).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = [
    "UNSAFE_CHARACTERS",
    "has_tags",
    "html_to_text",
    "input_text",
    "is_markup",
    "plain_line",
    "strip_unsafe",
]

# C0 controls but tab, newline and carriage return; DEL and the C1 controls; the soft
# hyphen (a place a word may break: left in, it cuts the word in two for search); zero-width
# space, word joiner and byte-order mark; the bidirectional embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069), which can make text read backwards; and a
# surrogate, half of a UTF-16 pair (JSON's "\ud83d" alone, a byte that is not UTF-8 read
# with surrogateescape), which names no character: no encoder, database or model takes it.
# Zero-width (non-)joiners stay: emoji sequences and Persian script need them.
UNSAFE_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069"
    r"\ud800-\udfff]"
)
_TAG = re.compile(r"<!--.*?(?:-->|$)|<[/!?]?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>", re.DOTALL)
_HIDDEN_BLOCK = re.compile(
    r"<(script|style|noscript|template|iframe|object)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.I
)
_MAYBE_MARKUP = re.compile(r"<[/!?A-Za-z]")
_EDGE_TAG = re.compile(rf"\A\s*(?:{_TAG.pattern})|(?:{_TAG.pattern})\s*\Z", re.DOTALL)
_END_TAG = re.compile(r"</[A-Za-z][\w:.-]*\s*>")
# HTML's own elements, for markup in the middle of a text: a tag of one that touches a word
# ("Intro<br>more", "end.<br/>"), one with an attribute (<img src="...">), or one closed
# as XHTML closes it ("one <br /> two"); a math
# "x<y and y>z" or "(a<b && c>d)", and a quoted "<br>", are none
_ELEMENT = (
    r"(?:a|abbr|b|big|blockquote|br|center|cite|code|del|div|em|figcaption|figure|font|"
    r"h[1-6]|hr|i|iframe|img|ins|li|mark|ol|p|picture|pre|q|s|small|source|span|strike|"
    r"strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul|video)"
)
_INNER_TAG = re.compile(  # "<" and an element's name first, tried once at each "<"
    rf"<(?=/?{_ELEMENT}(?![\w:-]))(?:(?<=[\w.,;:!?]<)/?\w+\s*/?>|/?\w+\s*/?>(?=\w)"
    r"|\w+\s+[A-Za-z][\w:-]*\s*=[^<>]*>|\w+\s*/>)",
    re.I,
)


# a blank line in a fragment's text: a paragraph's end still when its markup breaks the
# lines (a description that opens with its picture and a <br>, then paragraphs in text)
_LINE_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_LINE = re.compile(rf"[ \t]*{_LINE_BREAK}(?:[ \t]*{_LINE_BREAK})+[ \t]*")
# A terminal's escape sequence (pasted colored output: ESC [ 31 m), taken out whole: without
# its ESC alone, "[31m" would be left in the text. Only the 7-bit form: a lone C1 byte
# (U+009B) is more often "›" decoded in the wrong charset, and goes by itself.
TERMINAL_SEQUENCE = r"\x1b\[[0-?]*[ -/]*[@-~]"
_TERMINAL_SEQUENCE = re.compile(TERMINAL_SEQUENCE)


def strip_unsafe(text: str) -> str:
    """``text`` without control, zero-width and bidirectional-override characters (and
    without terminal escape sequences)."""
    if "\x1b" in text:
        text = _TERMINAL_SEQUENCE.sub("", text)
    return UNSAFE_CHARACTERS.sub("", text)


def plain_line(value: str | None) -> str:
    """One line of plain text: markup and unsafe characters gone, whitespace single."""
    if not value:
        return ""
    text = strip_unsafe(value)
    if "<" in text or "&" in text:
        text = html_to_text(text, lists=False)  # tags (and scripts) dropped, entities decoded
        if "<" in text:  # markup that arrived as entities (&lt;script&gt;) is markup still
            text = _TAG.sub(" ", _HIDDEN_BLOCK.sub(" ", text))
        text = strip_unsafe(text)  # &#x202e; decodes to an override
    return " ".join(text.split())


def has_tags(text: str) -> bool:
    """Whether ``text`` holds tag-shaped markup (``<p>``, ``</b>``, ``<!-- -->``)."""
    return _MAYBE_MARKUP.search(text) is not None and _TAG.search(text) is not None


def is_markup(text: str) -> bool:
    """Whether ``text`` is markup rather than prose that names a tag: it begins or ends
    with one (``<p>...</p>``, ``<img src=...> caption``), closes one (``a <b>bold</b>
    word``), or holds an HTML element's tag that touches a word (``Intro<br>more``) or has
    an attribute (``a <img src="x.jpg"> b``), where "use the <p> tag", "the <script>
    element" and "x<y and y>z" do not."""
    if _MAYBE_MARKUP.search(text) is None:
        return False
    return any(p.search(text) is not None for p in (_EDGE_TAG, _END_TAG, _INNER_TAG))


def input_text(text: str) -> str:
    """An article's text as given (pasted, a plain-text file or answer): an HTML fragment
    (see :func:`is_markup`) as its text, tags and script/style blocks dropped, entities
    decoded; any other text as it is."""
    return html_to_text(text) if is_markup(text) else text


def html_to_text(html: str, *, whole: bool = True, lists: bool = True) -> str:
    """Plain text of an HTML fragment: tags dropped (with what scripts, styles, pictures'
    captions and link cards hold), entities decoded, blocks on lines, and (with
    ``lists``) each list item on its own line after "- ", as a page's extraction and a
    Markdown file give them (see :data:`LIST_ITEM`), so cleaning reads them as a list and
    never as one sentence. A ``whole`` fragment (a post, not a part of a document) that
    is pictures and their captions alone (a photo blog's post) is its captions' text."""
    parser = _TextParser(LIST_ITEM if lists else "")
    parser.feed(html)
    parser.close()
    text = _text_lines(parser.parts)
    return text if text or not whole else _text_lines(parser.with_captions)


def _text_lines(parts: list[str]) -> str:
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


# how a list item's line begins in every text made from markup (trafilatura writes a
# page's so; summaries.markdown writes a Markdown file's so)
LIST_ITEM = "- "
# the classes of a link's preview card (a blogging platform's "bookmark": the linked
# page's title, description, publisher and picture, drawn inside a post): what the linked
# page says of itself, not what the post's author wrote
LINK_CARD_CLASSES = frozenset({"kg-bookmark-card"})


class _TextParser(HTMLParser):
    _BLOCKS = frozenset(
        "address article aside blockquote br dd div dl dt figure footer h1 h2 h3 "
        "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
    )
    # not shown, or (a picture's caption) no words of the text, as a page's extraction
    # leaves it out too
    _HIDDEN = frozenset(
        {"script", "style", "noscript", "template", "iframe", "object", "figcaption"}
    )

    def __init__(self, bullet: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.with_captions: list[str] = []  # the parts and the captions' text
        self._hidden = 0
        self._captions = 0  # captions open: a figure's end closes any left open
        self._bullet = bullet  # what a list item's line begins with ("" for nothing)
        self._item = False  # a list item begun, whose first words are still to come
        self._card: tuple[str, int] | None = None  # a link card's tag, and how deep in it
        # whether a block tag (a paragraph, a line break...) was met: from then on the
        # markup breaks the lines, and a line break in the text is a space, as a browser
        # shows it (but within <pre>); a fragment that marks no block breaks where its
        # text does (a description in plain text with a link or two in it)
        self._blocks = False
        self._pre = 0  # <pre> elements open

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._card is not None:
            self._card = (self._card[0], self._card[1] + (tag == self._card[0]))
            return
        if _is_link_card(attrs):
            self._card = (tag, 1)
            return
        if tag == "li":
            self._item = bool(self._bullet)
        self._blocks = self._blocks or tag in self._BLOCKS
        self._pre += tag == "pre"
        if tag in self._HIDDEN:
            self._hidden += 1
            self._captions += tag == "figcaption"
            if tag == "figcaption":
                self.with_captions.append("\n")
        elif tag in self._BLOCKS:
            self._add("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._blocks = self._blocks or tag in self._BLOCKS
        if tag in self._BLOCKS and self._card is None:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._card is not None:
            name, depth = self._card
            self._card = None if tag == name and depth == 1 else (name, depth - (tag == name))
            return
        if tag in ("li", "ul", "ol"):
            self._item = False  # an item with no words of its own: no line of its own
        self._pre = max(0, self._pre - (tag == "pre"))
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
            self._captions = max(0, self._captions - (tag == "figcaption"))
            if tag == "figcaption":
                self.with_captions.append("\n")
        elif tag in self._BLOCKS:
            if tag == "figure":
                self._hidden, self._captions = max(0, self._hidden - self._captions), 0
            self._add("\n")

    def handle_data(self, data: str) -> None:
        if self._card is not None:
            return
        if self._blocks and not self._pre:  # its tags break its lines, not its text's
            data = "\n".join(
                part.replace("\r", " ").replace("\n", " ") for part in _BLANK_LINE.split(data)
            )
        if not self._hidden:
            if self._item and data.strip():
                self._add("\n" + self._bullet)
                self._item = False
            self._add(data)
        elif self._hidden == self._captions:  # hidden only as a caption's words
            self.with_captions.append(data)

    def _add(self, part: str) -> None:
        self.parts.append(part)
        self.with_captions.append(part)


def _is_link_card(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element's attributes name it a link's preview card (LINK_CARD_CLASSES)."""
    return any(
        name == "class" and value and not LINK_CARD_CLASSES.isdisjoint(value.split())
        for name, value in attrs
    )
