"""Text in and out of Slack: escaping for mrkdwn, fitting within limits, reading command text.

Slack treats ``&``, ``<`` and ``>`` as control characters in message text: ``<@U1>``,
``<!channel>`` and ``<https://x|label>`` are mentions and links. Everything the bot did not
write itself (article titles, briefings, source names, a user's input) goes through
``escape`` so it can never form one.

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
"""

from __future__ import annotations

import re

from bot import text as shared

_SPACE = re.compile(r"\s+")
_BLANKS = re.compile(r"\n{3,}")


# Formatting marks and the look-alikes shown in their place (one character each, so
# lengths are unchanged).
_LOOK_ALIKES = {"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"}
# A mark with a letter or digit on both sides is inside a word, where Slack formats nothing.
_LOOSE_MARK = re.compile(r"(?<![^\W_])[*_~`]|[*_~`](?![^\W_])")


def escape(text: str) -> str:
    """Text shown as itself in mrkdwn, outside the bot's own formatting: ``&``, ``<``,
    ``>`` as Slack's entities, and the formatting marks that could pair into a span as
    look-alikes (see ``show_marks``)."""
    return show_marks(escape_entities(text))


def escape_within(text: str) -> str:
    """Text shown as itself inside the bot's own formatting (a bold headline): entities,
    and every mark that could open or close a span as its look-alike, since one alone
    would end ours."""
    return escape_entities(_LOOSE_MARK.sub(lambda mark: _LOOK_ALIKES[mark.group()], text))


def show_marks(text: str) -> str:
    """``text`` (escaped or not) with the marks of each kind that could open or close a
    span put as look-alikes when there are two or more of that kind, which could pair;
    a lone one formats nothing and is left as typed."""
    loose = [mark.group() for mark in _LOOSE_MARK.finditer(text)]
    paired = {kind for kind in set(loose) if loose.count(kind) > 1}
    if not paired:
        return text
    return _LOOSE_MARK.sub(
        lambda mark: _LOOK_ALIKES[mark.group()] if mark.group() in paired else mark.group(), text
    )


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
    entity)."""
    clipped = shared.clip(text, limit, length=escaped_length)
    return escape_within(clipped) if within else escape(clipped)


def chunks(text: str, limit: int) -> list[str]:
    """``text`` escaped and split into pieces of at most ``limit`` characters, at lines,
    sentences or words (a word longer than ``limit`` is split inside), never inside an
    entity."""
    return [escape(piece) for piece in shared.split(text, limit, length=escaped_length)]


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

    A mention without a label (``<@U2ABC>``, ``<#C1>``, ``<!subteam^S1>``, and the bot's
    own) is dropped: it holds only an id, not a word the person typed, so it must not
    become a keyword, a topic or part of a text to summarize. So is one of the whole
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
