"""The newsroom's and the issuer's lines around a story: who reported and edited it, how
an interview was edited, and a press release's closing boilerplate.

- A wire's staff credit: "(Reporting by Anna Kowal in San Jose; Editing by Mark Porter)".
  Each of its parts, split at semicolons, names a role and "by"; it is set in brackets,
  or has several parts, or ends without a full stop. A sentence that opens so ("Reporting
  by the Guardian showed that ...") is one part that ends as a sentence does, and stays.
- A note of who else reported: "Associated Press writer Ken Miller in Oklahoma City
  contributed to this report.", and the rule of underscores a wire sets before it ("___").
- An editor's note on an interview: "This interview has been edited for length and
  clarity.", "The conversation has been condensed."
- A press release's end: a heading "About <the issuer>" in the text's second half, whose
  next line names the issuer again ("About Northwind Energy" / "Northwind Energy Inc.
  develops ..."), and everything after it (safe-harbour statements, the media contact,
  the wire's "SOURCE Northwind Energy Inc."); and that "SOURCE" line as the last line
  alone. A story's subheading "About ..." goes on with the story, not with its own name.
"""

from __future__ import annotations

import re

from summaries.clean._ends import ends_sentence

_ROLE = re.compile(
    r"(?i:(?:with )?(?:additional |further )?(?:reporting|writing|editing|compiled|compiling|"
    r"research|graphics|fact-checking|production|produced) by) \S"
)
_CREDIT_WORDS = 60  # a staff credit names a few people and places: no paragraph
_EDITED_NOTE = re.compile(
    r"(?i:(?:this|the) (?:interview|conversation|q&a|transcript|exchange) "
    r"(?:has|have|was) been (?:lightly |slightly )?(?:edited|condensed))"
)
_NOTE_WORDS = 20
_CONTRIBUTED = re.compile(
    r"(?i: contributed (?:to this (?:report|story|article)|reporting|additional reporting)"
    r"(?: from [^.]{1,60})?\.?)$"
)
_RULE = frozenset("_-*=~")  # a line of these alone: a rule between the story and its notes
_RULE_CHARS = 3
# How the heading over an issuer's description opens, in the languages of press wires.
_ABOUT = ("about ", "à propos de ", "a propos de ", "über ", "acerca de ", "sobre ")
_ABOUT_NAME_WORDS = 6  # "About Northwind Energy Inc."; a longer line is a sentence's start
_NAME_REACH = 12  # words of the next line in which the issuer is named again
_SOURCE_WORDS = 10  # "SOURCE Northwind Energy Inc."


def without_trailers(lines: list[str]) -> list[str]:
    """``lines`` without staff credits, interview notes and a press release's end."""
    # a blank line in its place: like any furniture line, it ends the block it stood in
    kept = ["" if is_staff_credit(line) or _is_note(line) else line for line in lines]
    return _without_release_end(kept)


def is_staff_credit(line: str) -> bool:
    """Whether ``line`` is a wire's staff credit (see the module's docstring)."""
    body = line.strip()
    if body[:1] != "(" and not _ROLE.match(body):  # (most lines: a cheap test first)
        return False
    bracketed = body[:1] == "(" and body.rstrip(".")[-1:] == ")"
    if bracketed:
        body = body.rstrip(".")[1:-1]
    if len(body.split()) > _CREDIT_WORDS:
        return False
    parts = [part.strip() for part in body.split(";") if part.strip()]
    if not parts or not all(_ROLE.match(part) for part in parts):
        return False
    return bracketed or len(parts) > 1 or not ends_sentence(body)


def _is_note(line: str) -> bool:
    """Whether ``line`` is an editor's note on how an interview was edited, a note of who
    else reported, or a rule of underscores or dashes alone."""
    text = line.strip()
    if len(text) >= _RULE_CHARS and set(text) <= _RULE:
        return True
    if _EDITED_NOTE.match(text):
        return len(text.split()) <= _NOTE_WORDS
    return len(text.split()) <= _CREDIT_WORDS and _CONTRIBUTED.search(text) is not None


def _without_release_end(lines: list[str]) -> list[str]:
    """``lines`` without a press release's closing boilerplate (see the module's docstring)."""
    shown = [i for i, line in enumerate(lines) if line.strip()]
    if not shown:
        return lines
    half = sum(len(line) for line in lines) // 2
    seen = 0
    for n, i in enumerate(shown):
        seen += len(lines[i])
        if seen > half and n + 1 < len(shown) and _issuer_heading(lines[i], lines[shown[n + 1]]):
            return lines[:i]
    last = lines[shown[-1]].strip()
    if last.startswith("SOURCE ") and len(last.split()) <= _SOURCE_WORDS:
        return lines[: shown[-1]]
    return lines


def _issuer_heading(line: str, following: str) -> bool:
    """Whether ``line`` heads an issuer's description that ``following`` opens: "About
    Northwind Energy", then "Northwind Energy Inc. develops ..."."""
    text = line.strip().rstrip(":")
    low = text.lower()
    opening = next((o for o in _ABOUT if low.startswith(o)), "")
    if not opening:
        return False
    name = text[len(opening) :].split()
    if not 0 < len(name) <= _ABOUT_NAME_WORDS or not name[0][:1].isupper():
        return False
    reach = " ".join(following.split()[:_NAME_REACH])
    return " ".join(name[:2]) in reach
