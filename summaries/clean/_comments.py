"""Where a page's comment section starts, after its article.

Pages that the extractor reads whole (an article set in a layout table, a page with no
article element) give the comment section after the story: the prompt to log in before
commenting ("You must be logged in to post a comment.", "Um selbst Kommentare verfassen zu
können müssen Sie sich bitte einloggen."), the site's rules for comments, the comments
themselves. None of it is the article. The prompt, a short line that names commenting and
logging in or registering, opens as a sentence does (not in lowercase: a line of a text
wrapped at a fixed width, "comment on the register ...", goes on from the one before it)
and speaks to the reader (opens with its verb, "Log in to comment", or addresses them:
"you", "Sie", "vous"), marks where the section starts; a report names both too ("The
minister declined to comment on the register") but speaks to no one. It is only taken as
such after the greater part of the text, so that a site's bar over the article ("Log in to
comment") never takes the story with it. Nor is a turn of a transcript one, a line opening
with a speaker's label that opens other lines too ("Antwort: ... Seit März müssen Sie sich
einloggen, um zu kommentieren."): it is someone's words.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from summaries.clean._lines import word_tokens
from summaries.speaker_labels import opening_label

# Stems of "comment" and of "log in" / "register", in the languages of the sites read
# (lowercase; looked for inside words: "Kommentare", "kommentieren", "einloggen").
_COMMENT_STEMS = ("comment", "kommentar", "kommentier", "comentar", "comentár", "коммент")
# Every stem of _COMMENT_STEMS holds one of these ("comment", "kommentar": "omment").
_COMMENT_PIECES = ("omment", "coment", "оммент")
_LOGIN_STEMS = (
    "log in",
    "logged in",
    "login",
    "sign in",
    "signed in",
    "register",
    "registr",
    "einlogg",
    "eingeloggt",
    "anmelden",
    "angemeldet",
    "connecté",
    "connectez",
    "iniciar sesión",
    "inicia sesión",
    "accedi",
    "войдите",
    "авториз",
)
# The reader addressed: "you", German's "du" and formal "Sie" (capitalised inside a
# line, where "sie", "she" or "they", is not), French "vous", "you must" in Spanish and Italian
_READER = frozenset("you your du dich vous tu debes usted devi".split())
_PROMPT_WORDS = 20  # a prompt is a short line, no paragraph about a site's rules


def is_comment_prompt(line: str) -> bool:
    """Whether `line` asks the reader to log in or register to comment (see the module's
    docstring)."""
    if line.count(" ") >= _PROMPT_WORDS or line[:1].islower():
        return False  # (a line opening in lowercase goes on from one wrapped before it)
    low = line.lower()
    if not _names_comments(low) or not any(s in low for s in _LOGIN_STEMS):
        return False
    if low.startswith(_COMMENT_STEMS + _LOGIN_STEMS) or " Sie " in line:
        return True
    return not _READER.isdisjoint(word_tokens(low))


def _names_comments(low: str) -> bool:
    """Whether `low` holds one of _COMMENT_STEMS: first whether it holds one of the three
    pieces they all hold one of (_COMMENT_PIECES), three substring tests for most lines
    instead of six."""
    for piece in _COMMENT_PIECES:
        if piece in low:
            return any(s in low for s in _COMMENT_STEMS)
    return False


def comment_section_start(lines: list[str]) -> int:
    """The index of the line of `lines` where a comment section starts after the article
    (see the module's docstring), or len(lines) when none does."""
    # the first line with more than half of the text's characters before it
    half = bisect_right(list(accumulate(map(len, lines), initial=0)), sum(map(len, lines)) // 2)
    for i in range(half, len(lines)):
        if is_comment_prompt(lines[i]) and not _is_turn(lines[i], lines):
            return i
    return len(lines)


def _is_turn(line: str, lines: list[str]) -> bool:
    """Whether `line` opens with a speaker's label that opens another of `lines` too: a
    turn of a transcript."""
    label = opening_label(line)  # ("A: ", "Rick Ross: ", "主持人：")
    if label is None:
        return False
    return sum(1 for other in lines if other.startswith(label[0])) >= 2
