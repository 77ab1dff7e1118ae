"""Text in and out of Slack: escaping for mrkdwn, fitting within limits, reading command text.

Slack treats ``&``, ``<`` and ``>`` as control characters in message text: ``<@U1>``,
``<!channel>`` and ``<https://x|label>`` are mentions and links. Everything the bot did not
write itself (article titles, briefings, source names, a user's input) goes through
``escape`` so it can never form a mention, nor a link other than a web address shown as
itself (below).

mrkdwn has no escape for its formatting marks (``*bold*``, ``_italics_``, ``~strike~``,
```code```): Slack documents only the three entities. A mark counts only at a word
boundary, so one between two letters or digits ("snake_case") is shown as typed, but one
beside a space or punctuation ("C*-algebra", "*BREAKING*") may open or close a span.
Inside the bot's own formatting (the bold around a headline) any such mark could end it
early: ``escape_within`` puts a look-alike in its place (∗ ˍ ∼ ˋ). Elsewhere a span needs
two marks of a kind, so ``escape`` replaces a kind's marks only when the text holds two or
more that could pair ("*BREAKING*"), and a lone one ("ransomware*" echoed from a query,
"C*-algebra") shows as typed, so it can be read and copied as such. Texts joined into one
block are checked again as a whole (``show_marks``).

Slack also reads ``&gt;`` first on a line (a typed ``>`` reaches it so) as a block quote.
The bot quotes nothing, so a line of its mrkdwn that starts so holds text from an article or
a person: ``unquoted`` shows that ``>`` as a look-alike (˃) too.

Slack shows ``:name:`` (``:fire:``) as the emoji of that name, in mrkdwn and in a
message's fallback text: ``escape`` and ``escape_within`` show the colon that opens such a
code as a look-alike (꞉), so an article's ":fire:" reads as written. A colon between
two digits is a time's (10:30:45, 9:00-10:00, 10:30am:), and is left as typed.

A web address in such text is never given look-alikes: it is put in ``<…>``, Slack's link,
inside which nothing is formatted (see ``bot.slack.addresses``), so it shows, copies and
opens exactly as written. ``show_marks`` leaves whatever is inside ``<…>`` alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot import text as shared
from bot.slack.addresses import escape_link, find_addresses

_SPACE = re.compile(r"\s+")
_BLANKS = re.compile(r"\n{3,}")


# Formatting marks and the look-alikes shown in their place (one character each, so
# lengths are unchanged).
_LOOK_ALIKES = {"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"}
# A ">" (escaped) first on a line, which Slack shows as a block quote, and its look-alike.
_QUOTE = re.compile(r"^(\s*)&gt;", re.MULTILINE)
_QUOTE_LOOK_ALIKE = "\u02c3"
# A colon that opens an emoji code (":fire:", ":a::skin-tone-2:", "Top 10:fire:"; each
# colon followed by a name and a colon, so none is left to open one), and its look-alike.
# A colon between two digits is a time's, whatever follows ("10:30:45", "9:00-10:00",
# "10:30am:"): never changed.
_EMOJI_OPENER = re.compile(r"(?<![0-9]):(?=[a-z0-9_+'-]+:)|:(?=[a-z_+'-][a-z0-9_+'-]*:)")
_COLON_LOOK_ALIKE = "\ua789"
# A mark with a letter or digit on both sides is inside a word, where Slack formats nothing.
_LOOSE_MARK = re.compile(r"(?<![^\W_])[*_~`]|[*_~`](?![^\W_])")
# A link, mention or date the bot wrote, in escaped text (where a "<" is never text).
SPAN = re.compile(r"(<[^<>]*>)")


def escape(text: str) -> str:
    """Text shown as itself in mrkdwn, outside the bot's own formatting: ``&``, ``<``,
    ``>`` as Slack's entities, web addresses as links, and the formatting marks that
    could pair into a span as look-alikes (see ``show_marks``)."""
    return show_marks(_escaped(text, _as_typed))


def escape_within(text: str) -> str:
    """Text shown as itself inside the bot's own formatting (a bold headline): entities,
    web addresses as links, and every other mark that could open or close a span as its
    look-alike, since one alone would end ours."""
    return _escaped(text, _look_alikes)


def show_marks(text: str) -> str:
    """``text`` (escaped) with the marks of each kind that could open or close a
    span put as look-alikes when there are two or more of that kind, which could pair;
    a lone one formats nothing and is left as typed. Links, mentions and dates (``<…>``)
    are left as they are: nothing inside them is formatted."""
    pieces = SPAN.split(text)  # text at even places, a <…> span at odd ones
    loose = [mark.group() for piece in pieces[::2] for mark in _LOOSE_MARK.finditer(piece)]
    paired = {kind for kind in set(loose) if loose.count(kind) > 1}
    if not paired:
        return text

    def shown(mark: re.Match[str]) -> str:
        return _LOOK_ALIKES[mark.group()] if mark.group() in paired else mark.group()

    return "".join(
        piece if index % 2 else _LOOSE_MARK.sub(shown, piece) for index, piece in enumerate(pieces)
    )


def unquoted(mrkdwn: str) -> str:
    """``mrkdwn`` (escaped) with no line that Slack would show as a block quote: a ``>``
    that starts a line is shown as its look-alike."""
    return _QUOTE.sub(lambda quote: quote.group(1) + _QUOTE_LOOK_ALIKE, mrkdwn)


def address_link(address: str, target: str) -> str:
    """An address as Slack's link, shown as written: ``<https://…>``; one that had to be
    made ASCII to link (``bücher.example``) keeps its own spelling as the label."""
    if target == address:
        return f"<{escape_link(target)}>"
    return f"<{escape_link(target)}|{escape_entities(no_emoji(_look_alikes(address)))}>"


def _escaped(
    text: str,
    marks: Callable[[str], str],
    *,
    room: int | None = None,
    inside_word: tuple[bool, bool] = (False, False),
) -> str:
    """``text`` with its web addresses as links and the rest through ``marks`` and then
    the entities. ``room``: the characters the links may add (None: any). A link adds its
    two brackets, and one whose label is the address's own spelling its ASCII form too
    (nine characters for each CJK one): such a link that does not fit leaves its address
    as text, so a text is never cut to scraps for a link's hidden part. ``inside_word``:
    whether ``text`` was cut inside a word at its start, at its end (``find_addresses``)."""
    found = find_addresses(text, starts_cut=inside_word[0], ends_cut=inside_word[1])
    spare = None if room is None else room - 2 * len(found)
    shown: list[str] = []
    position = 0
    for address in found:
        written = text[address.start : address.end]
        linked = address_link(written, address.target)
        if written != address.target and spare is not None:
            extra = len(linked) - escaped_length(written) - 2
            if extra > spare:
                continue  # shown as text with what follows
            spare -= extra
        shown.append(escape_entities(no_emoji(marks(text[position : address.start]))))
        shown.append(linked)
        position = address.end
    shown.append(escape_entities(no_emoji(marks(text[position:]))))
    return "".join(shown)


def _as_typed(text: str) -> str:
    return text


def _look_alikes(text: str) -> str:
    return _LOOSE_MARK.sub(lambda mark: _LOOK_ALIKES[mark.group()], text)


def no_emoji(text: str) -> str:
    """``text`` with the colon that opens each emoji code (``:fire:``) as a look-alike."""
    return _EMOJI_OPENER.sub(_COLON_LOOK_ALIKE, text)


def escape_entities(text: str) -> str:
    """``&``, ``<``, ``>`` as Slack's entities (all a link's address needs)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def one_line(text: str) -> str:
    """Whitespace (newlines included) collapsed to single spaces."""
    return _SPACE.sub(" ", text).strip()


def escaped_length(text: str) -> int:
    """Length of ``text`` once escaped: what Slack counts against its limits."""
    return len(text) + 4 * text.count("&") + 3 * text.count("<") + 3 * text.count(">")


def cut(text: str, limit: int) -> str:
    """``text`` shortened (not escaped) to at most ``limit`` characters, at a word boundary
    when one is near, ending with an ellipsis when anything was dropped."""
    return shared.clip(text, limit)


def fit(text: str, limit: int, *, within: bool = False) -> str:
    """``text`` escaped (``escape_within`` when ``within`` the bot's formatting) and no
    longer than ``limit`` characters once escaped (cut before escaping, so never inside an
    entity; an address cut short is shown unlinked, and its link's brackets count)."""
    room = limit
    while room > 0:
        clipped = shared.clip(text, room, length=escaped_length)
        shown = _fitted(text, clipped, limit, within=within)
        if len(shown) <= limit:
            return shown
        room -= len(shown) - limit
    return ""


def _fitted(text: str, clipped: str, limit: int, *, within: bool) -> str:
    """``clipped`` (``text`` or its start and an ellipsis) escaped, its links within what
    is left of ``limit``; an address the cut went through is not linked."""
    marks = _look_alikes if within else _as_typed
    head = clipped[: -len(shared.ELLIPSIS)] if clipped != text else clipped
    inside = head != text and not text[len(head)].isspace()
    room = limit - escaped_length(clipped)
    shown = _escaped(head, marks, room=room, inside_word=(False, inside)) + clipped[len(head) :]
    return shown if within else show_marks(shown)


def chunks(text: str, limit: int) -> list[str]:
    """``text`` escaped and split into pieces of at most ``limit`` characters, at lines,
    sentences or words (a word longer than ``limit`` is split inside), never inside an
    entity. A piece whose links' brackets take it past ``limit`` is made shorter (and the
    next starts where it ends, so pieces stay near ``limit``); an address split between
    two pieces is linked in neither."""
    pieces: list[str] = []
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return pieces
        room = limit
        while True:
            # the first piece of the rest: a piece holds at most ``room`` characters
            window = text[position : position + max(room, 1) + 1]
            piece = shared.split(window, room, length=escaped_length)[0]
            end = position + len(piece)
            inside = (
                position > 0 and not text[position - 1].isspace(),
                end < len(text) and not text[end].isspace(),
            )
            spare = limit - escaped_length(piece)
            shown = show_marks(_escaped(piece, _as_typed, room=spare, inside_word=inside))
            if len(shown) <= limit or room <= 1:
                break
            room -= len(shown) - limit
        pieces.append(shown)
        position = end


_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
# An emoji as Slack sends it in text, ":lock:" or ":wave::skin-tone-3:", standing apart
# (a time such as 08:00 is not one): a picture to the person, never a keyword.
_EMOJI = re.compile(r"(?<!\S)(?::[a-z0-9_+'-]+:)+(?!\S)")
# Mentions of the whole channel: ``<!here>`` (``<!here|here>`` from older clients) in an
# event, "@here" as typed in a slash command's text, which Slack leaves unformatted.
_EVERYONE = ("here", "channel", "everyone")
# (beside punctuation too: "@here," and "(@here)" are mentions to the person as well;
# not inside an address such as https://x.example/@here)
_EVERYONE_TYPED = re.compile(r"(?<![^\s(\[\"'])@(?:here|channel|everyone)(?!\w)")
_WEB = ("http://", "https://")


def paragraphs(text: str) -> str:
    """``text`` with the spaces in each line collapsed and trimmed, its line breaks kept
    and blank lines between paragraphs made one: a pasted article keeps its headline and
    paragraphs apart, which the summarizer reads (a headline without a full stop glued to
    the first sentence becomes part of the briefing)."""
    lines = (one_line(line) for line in text.splitlines())
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def command_text(text: str, *, bot_user_id: str = "") -> str:
    """What a person typed, from Slack's formatted text: links as their URL, a mention
    with a label as the name the person saw (``@ann``, ``#general``), emoji (``:lock:``)
    dropped, entities decoded, line breaks kept (see ``paragraphs``).

    A mention without a label (``<@U2ABC>``, ``<!subteam^S1>``, and the bot's own) is
    dropped: it holds only an id, not a word the person typed, so it must not become a
    keyword, a topic or part of a text to summarize. (A channel's, ``<#C1>``, is read
    before: see ``bot.slack.channels``.) So is one of the whole
    channel (``<!here>``, "@everyone"), with or without a label: it names no one. A link
    other than a web one (``<mailto:ann@x.example|ann@x.example>``) is its label, which
    the person typed."""

    def plain(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        if target.startswith("@"):
            return f"@{label}" if label and target[1:] != bot_user_id else ""
        if target.startswith("#"):
            return f"#{label}" if label else ""
        if target.startswith("!"):
            everyone = target[1:].split("^")[0] in _EVERYONE
            return "@" + label.lstrip("@") if label and not everyone else ""
        return target if label is None or target.startswith(_WEB) else label

    unlinked = _LINK.sub(plain, _EMOJI.sub("", text))
    decoded = unlinked.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return paragraphs(_EVERYONE_TYPED.sub("", decoded))
