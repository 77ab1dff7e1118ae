"""The whole main text of a page: what the archive stores and search finds.

Everything the extractor or the scraper gave is kept (paragraphs, headings, list items,
table rows, lines without closing punctuation) but page furniture, told line by line by
rules that hold on any page: interface words (share buttons, "Advertisement"), bylines,
date stamps, photo credits, copyright lines, calls to subscribe, the authors' names
above the text and a contents label over no list (see summaries.clean._top_lines), and
menus (items between pipes or dots, or runs of three or more lines of one to three
words). A table row keeps
its non-empty cells between pipes ("| June | 2 |"); the cells of a page laid out in a
table (rows of one cell, cells of a paragraph) are lines of their own. A line repeated
on the page keeps its first copy. The lines of one block stay on their own lines;
blocks, and the places where furniture was cut out, are separated by a blank line, so
that the sentence cleaning (:func:`summaries.clean.clean_text`) run on the result sees
the page's own blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from summaries.clean._appeals import without_appeal
from summaries.clean._comments import comment_section_start
from summaries.clean._date_tokens import (
    CJK_DATE,
    DATE_WORDS,
    STAMP_WORDS,
    holds_date,
    is_date_token,
    titles_after_date,
    titles_before_date,
)
from summaries.clean._drop_caps import with_drop_cap_joined
from summaries.clean._ends import PUNCT
from summaries.clean._labels import (
    is_author_line,
    is_credit,
    is_run_label,
    lower,
    opens_with_question_label,
)
from summaries.clean._lines import (
    BULLET,
    BULLET_FIRST,
    STOP,
    blocks,
    ends_sentence,
    is_byline,
    join_wrapped,
    text_lines,
    word_count,
    word_tokens,
)
from summaries.clean._made_lines import MainText, read_as_made
from summaries.clean._players import is_gallery_counter, is_player_controls
from summaries.clean._repeats import collapse_repeats
from summaries.clean._rules import (
    has_glued_words,
    is_marked_furniture,
    is_notice,
    is_post_label,
)
from summaries.clean._stamps import (
    ACCOUNT_BUTTONS,
    account_question,
    is_address,
    is_print_stamp,
)
from summaries.clean._top_lines import without_top_lines

# Words of a site's interface: a short line of these alone (and stop words) is a button.
_INTERFACE = frozenset(
    """advertisement advertisements ad ads sponsored share shares sharing tweet print email
    e-mail facebook twitter whatsapp linkedin pinterest reddit telegram instagram youtube
    tiktok flipboard subscribe subscribed newsletter login logout signup sign log register
    menu search skip navigation comment comments reply replies like likes loading follow
    close more read next previous back top leave you your our us now link listen article
    story""".split()
)
# Of those, the words that only qualify a button's own ("Subscribe now", "Share link",
# "[link] [comments]", "Listen to this article"): alone they are a heading or a line of the
# text ("What now?", "The Link", "The Story")
_QUALIFIERS = frozenset({"now", "link", "article", "story"})
# A reading time: "4 min read", "Reading time: 3 minutes" (a figure, a minute, a reading)
_MINUTES = frozenset("min mins minute minutes".split())
_READING = frozenset("read reading".split())
_READING_TIME_WORDS = 5
_MENU_WORDS = 3  # a menu item has this many words or fewer
_DOTS = re.compile(r"[·•]")
_PROSE_CELL = 30  # a table cell of this many words is a paragraph, not data
_BACK = "«‹←"  # an arrow pointing back, opening a pager's or a back link
_ON = "»›→"  # one pointing on, closing a pager's link
_GUILLEMETS = "«»‹›"  # also quotation marks, in pairs
_PAGER_WORDS = 8
# The words that make a button's words a sentence of the text ("Read it.", "Watch them."):
# a thing read or watched; the small words of a label ("Read more", "Sign in", "Follow us")
# or a count ("Comments (5)") do not.
_OBJECTS = frozenset("it this that them these those him her".split())
_FACT_WORDS = 8  # a line of a post's data ("Foto: dpa / Text: Max Muster") has this many words
_PROSE_LINE = 6  # a line that ends a sentence and has this many words is one of prose
_NOTICE_WORDS = 30  # is_notice tells lines of this many words or fewer
_STAMP_WORDS = 24  # a stamp of when a story was published and when it was updated
_NOT_OTHERS = DATE_WORDS | STOP | STAMP_WORDS  # words a stamp's count leaves out (or may)


def main_text(raw: str) -> str:
    """The main text of `raw` without page furniture, or "" (see the module's docstring)."""
    return main_text_and_lines(raw).text


def main_text_and_lines(raw: str) -> MainText:
    """The main text of `raw` (see main_text) and its lines: the sentences are cleaned from
    the main text (see summaries.clean.clean_text), which need not split and normalize
    again what was made of lines that were split and normalized already."""
    lines = _without_menus(_without_post_data(with_drop_cap_joined(text_lines(raw))))
    lines = without_top_lines(_first_copies(_without_empty_labels(lines)))
    lines = _without_tail(lines[: comment_section_start(lines)])
    out: list[str] = []
    made: list[str] = []  # the lines of `out`, a blank one between two blocks
    for block in blocks(lines):
        joined, _, ends = join_wrapped(block)
        kept: list[str] = []
        for i, (text, ended) in enumerate(zip(joined, ends, strict=True)):
            short = ended and text.count(" ") < 4  # (a button's words: 4 at the most)
            if line := _kept(text, ended, short and _within_prose(joined, ends, i)):
                kept += line.split("\n") if text[0] == "|" else (line,)  # (a table's cells)
            elif _is_listed_address(text, joined, i):  # (furniture lines only: few)
                kept.append(text)
            elif kept and text[0] != "|":  # furniture (not a table's rule) ends the block
                _add_block(out, made, kept)
                kept = []
        if kept:
            _add_block(out, made, kept)
    text = "\n\n".join(out)
    return MainText(text, made if out and read_as_made(text, made) else None)


def _add_block(out: list[str], made: list[str], kept: list[str]) -> None:
    """Add the lines `kept` as a block to the blocks `out` and to their lines `made`."""
    if made:
        made.append("")
    made += kept
    out.append("\n".join(kept))


def _within_prose(joined: list[str], ends: list[bool], i: int) -> bool:
    """Whether line `i` of a block (its lines `joined`, which `ends` a sentence) stands
    between two sentences of prose, lines that end one and have _PROSE_LINE words or
    more: a short sentence of the paragraph ("Read it."), not a link alone on its line or
    after the paragraph ("Read more.")."""
    return 0 < i < len(joined) - 1 and all(
        ends[j] and word_count(joined[j]) >= _PROSE_LINE for j in (i - 1, i + 1)
    )


def _kept(text: str, ends: bool, within_prose: bool = False) -> str:
    """`text` as the main text keeps it (a table row as its cells), or "" for furniture;
    `within_prose`: a sentence between sentences of prose in its block (see
    _within_prose), which a button's words alone do not make furniture."""
    if text[0] == "|":
        return _table_row(text)
    size = word_count(text)
    if len(text) > 50 * size and "://" not in text:  # words of 50+ characters: code, data
        return ""
    if is_marked_furniture(text) or _is_dotted_menu(text):
        return ""
    if size <= 15 and _is_short_furniture(text, ends, within_prose):
        return ""
    if 15 < size <= _STAMP_WORDS and not ends and _long_stamp(text):
        return ""  # "Publié le 3 mars 2026 à 10h15, mis à jour le 4 mars 2026 à 08h00"
    if size <= _NOTICE_WORDS:
        if is_notice(text):
            return ""
        text = without_appeal(text)  # "The council approved the plan. Donate now."
    return collapse_repeats(text) if size >= 6 else text


def _long_stamp(text: str) -> bool:
    """Whether `text`, a long line, is a date stamp (see _is_date_stamp) of when a story
    was published and when it was updated ("Publié le 3 mars 2026 à 10h15, mis à jour le
    ...", "Le mardi 3 mars 2026 à 10h15, mis à jour ..."). A cheap test first: a stamp
    has 3 other words at most, and a word of ASCII letters that is no date word, stop
    word or stamp word is one (prose has 4 of them in its first few words)."""
    others: set[str] = set()
    for word in text.split(" "):
        if word.isalpha() and word.isascii() and (low := word.lower()) not in _NOT_OTHERS:
            others.add(low)
            if len(others) > 3:
                return False
    return _is_date_stamp(text.split(" "), False)


def _is_dotted_menu(text: str) -> bool:
    """Three or more short items between middle dots or bullets: "About · Recipes · Contact"."""
    items = _DOTS.split(text) if "·" in text or "•" in text else []
    return len(items) >= 3 and all(word_count(item.strip()) <= _MENU_WORDS for item in items)


def _is_short_furniture(text: str, ends: bool, within_prose: bool = False) -> bool:
    """A byline, a date stamp, interface words glued together or a line of them alone
    (or before the site's account: see _is_account_link), but a sentence of them and a
    thing they are done to (see _OBJECTS) `within_prose` ("Read it." between two
    sentences; "Subscribe now!", "Read more." there are still a button's label)."""
    words = text.split(" ")
    if is_byline(text, words) or _is_date_stamp(words, ends) or _is_pager_link(text, ends):
        return True
    if not ends and (is_gallery_counter(text) or is_player_controls(text)):
        return True
    if (
        not ends
        and has_glued_words(text)
        and any(  # (glued words are within one word)
            has_glued_words(w) for w in words if w.lstrip(PUNCT)[:1] not in "@#"
        )
    ):
        return True  # "Video PlayerClose", "FacebookTwitterEmail" (a @handle aside)
    if ": " in text and _is_account_link(text):
        return True
    low = text.lower()
    if "?" in text and _is_account_buttons(low):
        return True
    tokens = word_tokens(low)
    if not ends and _is_reading_time(tokens):
        return True
    if len(tokens) > 4:
        return False
    rest = [t for t in tokens if t not in STOP and not t.isdecimal()]  # "5 Comments"
    if within_prose and not _OBJECTS.isdisjoint(tokens):  # a thing done to: "Read it."
        return False
    return bool(rest) and _INTERFACE.issuperset(rest) and not _QUALIFIERS.issuperset(rest)


def _is_account_buttons(low: str) -> bool:
    """A paywall's buttons glued around its question on one lowercase line `low`:
    "subscribe already a subscriber? log in", "abonnieren bereits abonnent? anmelden" (the
    question's words out, the rest are interface words alone: see _INTERFACE and
    ACCOUNT_BUTTONS)."""
    if not (question := account_question(low)):
        return False
    rest = word_tokens(low.replace(question, " "))
    rest = [t for t in rest if t not in STOP and t not in ACCOUNT_BUTTONS]
    return len(rest) <= 4 and _INTERFACE.issuperset(rest)


def _is_reading_time(tokens: list[str]) -> bool:
    """Whether a line's `tokens` are a reading time alone (see _MINUTES)."""
    return (
        len(tokens) <= _READING_TIME_WORDS
        and any(t.isdecimal() for t in tokens)
        and not _MINUTES.isdisjoint(tokens)
        and not _READING.isdisjoint(tokens)
    )


def _is_account_link(text: str) -> bool:
    """Interface words, a colon and an address or a handle alone: the site's account
    ("Follow us on Twitter: @harbourtv", "Instagram: https://instagram.com/harbour"); a
    label that names someone ("Mayor Quill on Twitter: @quill") is the text's."""
    label, _, value = text.partition(": ")
    value = value.strip()
    if not value or " " in value or not is_address(value):
        return False
    rest = [token for token in word_tokens(label.lower()) if token not in STOP]
    return bool(rest) and _INTERFACE.issuperset(rest)


def _is_pager_link(text: str, ends: bool) -> bool:
    """A link out of the article: a few words after an arrow pointing back ("« Back to
    events", "← Older posts") or before one pointing on ("Newer posts →"). A line
    quoted in guillemets has two of them (« Le pont ferme »), and is none."""
    if ends or (text[0] not in _BACK and text[-1] not in _ON) or len(text.split()) > _PAGER_WORDS:
        return False
    return sum(text.count(mark) for mark in _GUILLEMETS) <= 1


def _is_date_stamp(words: list[str], ends: bool) -> bool:
    """A date and up to 3 other words, not a sentence: "Updated: 14 March 2024 08:15 GMT".

    Stop words do not count ("Posted on April 2, 2023 by Jenny"), nor do the words a stamp
    writes around its date in other languages (see STAMP_WORDS), and a word counts once:
    a stamp of two dates writes the same words around each ("Erstellt am 3. März 2026 um
    10:15 Uhr, aktualisiert am 4. März 2026 um 08:00 Uhr"). A date is one in figures
    or a month next to a number: "May" alone is a verb as often, and a sentence that ends
    ("He left on May 3.") merely holds a date.
    """
    if ends or not holds_date(words) or opens_with_question_label(" ".join(words[:2])):
        return False  # (an event's date under "When:" is one of its facts)
    if titles_after_date(words) or titles_before_date(words):
        return False  # ("Samedi 6 juin 2026 : fête du port", "Fête du port : samedi 6 juin")
    others = 0
    seen: set[str] = set()  # (a stamp of two dates repeats its words: "um ... Uhr, um ...")
    for word in words:
        bare = word.strip(PUNCT + "-–—")
        if bare and not is_date_token(word) and (low := bare.lower()) not in STOP:
            if low in STAMP_WORDS or low in seen:
                continue
            seen.add(low)
            others += 1 if bare.isascii() else _words_after_date(bare)
    return others <= 3


def _words_after_date(word: str) -> int:
    """How many words a word written without spaces counts as: one, but for a Chinese or
    Japanese date glued to a clause ("2026年12月1日に開業する予定": a headline), the clause's
    words, two characters to a word (see word_count)."""
    rest = CJK_DATE.sub("", word)
    return 1 if rest == word else word_count(rest) if rest else 0


def _without_tail(lines: list[str]) -> list[str]:
    """`lines` without the run of lines after the last line of prose (one that ends a
    sentence and has _PROSE_LINE words or more) when none of them ends a sentence and one
    is the site's notice (a call, a button, a copyright: see _is_sites_notice): an
    article ends with a sentence, and a run of unpunctuated lines with the site's call in
    it is a box the page sets after it, a shop's ("Hors-série n° 72, 2e trimestre 2007,"
    "6,90 euros", "Je m'abonne") or a newsletter's. A run without one (a list of dates, a
    match's facts, a signature) or with a table stays. A page laid out in a table is read
    as the lines of its cells (see _table_row)."""
    parts: list[str] = []  # the lines of the run, last first
    for last in range(len(lines) - 1, -1, -1):
        if not lines[last]:
            continue
        shown = _table_row(lines[last]) if lines[last][0] == "|" else lines[last]
        row = [part for part in shown.split("\n") if part]
        if any(map(_is_prose, row)):
            break
        if any(part[0] == "|" or ends_sentence(part) for part in row):
            return lines
        parts += row
    else:
        return lines  # no prose at all
    called = any(
        _is_sites_notice(part) and not _is_listed_address(part, parts, j)
        for j, part in enumerate(parts)
    )
    return lines[: last + 1] if called else lines


def _is_listed_address(line: str, lines: list[str], i: int) -> bool:
    """Whether ``line``, ``lines[i]``, is a print version's stamp of an address ("URL:
    https://...", see is_print_stamp) beside a labelled fact (see _is_short_fact) that
    stays: among an event's or a product's facts ("When: ...", "Where: ...") it is their
    address, a fact too; a print version sets its stamp beside its story, or another
    stamp, one labelled like a fact too ("Printed: 12/03/2026 10:15")."""
    if not is_print_stamp(line.lower()):
        return False
    return any(
        0 <= j < len(lines) and _is_short_fact(lines[j]) and _kept(lines[j], False)
        for j in (i - 1, i + 1)
    )


def _is_sites_notice(line: str) -> bool:
    """A notice of the site's own (see is_notice) that makes a box of the lines beside it:
    not a picture's credit, which names who took a photo wherever the photo stands."""
    return word_count(line) <= _NOTICE_WORDS and is_notice(line) and not is_credit(line)


def _is_prose(line: str) -> bool:
    """A line that ends a sentence and has _PROSE_LINE words or more."""
    return ends_sentence(line) and word_count(line) >= _PROSE_LINE


def _without_menus(lines: list[str]) -> list[str]:
    """`lines` with runs of 3+ menu items (short lines, no figure, no full stop) blanked,
    but for a run of labelled facts ("Jacket: Harbour Knits", "Boots: Westbridge"): a
    menu's links name pages, they state no value."""
    return _without_runs(lines, _is_menu_item, 3, _are_facts)


def _without_post_data(lines: list[str]) -> list[str]:
    """`lines` with runs of 2+ short labelled lines (see _is_fact) blanked where one of
    them is a post's labels or a credit (see _are_facts): the block of a post's data
    ("Kategorie: Politik", "Foto: dpa / Text: Max Muster", "Schlagworte: Hafen"), whose
    lines may be longer than a menu's items; and a labelled byline alone ("Autor: Jan
    Kowalski", see is_author_line), but for one beside another labelled fact across a
    blank line: a text file may set one between each of a book's facts ("Titel: ...",
    "Autor: ...", "Verlag: ..."), whose author is one of them."""
    out = _without_runs(lines, _is_short_fact, 2, _are_facts)
    for i, line in enumerate(out):
        if line and is_author_line(line) and not _beside_fact(out, i):
            out[i] = ""
    return out


def _beside_fact(lines: list[str], i: int) -> bool:
    """Whether the line before line `i` or the one after it, across one blank line at
    most, is a short labelled line (see _is_short_fact)."""
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(lines) and not lines[j]:
            j += step
        if 0 <= j < len(lines) and _is_short_fact(lines[j]):
            return True
    return False


def _without_runs(
    lines: list[str],
    member: Callable[[str], bool],
    least: int,
    kept: Callable[[list[str]], bool] = lambda run: False,
) -> list[str]:
    """`lines` with each run of `least` or more consecutive `member` lines blanked, but
    for a run that is `kept`."""
    out = list(lines)
    members = list(map(member, lines))
    if members.count(True) < least:  # no run is long enough (most pages, for most rules)
        return out
    start = 0
    for end in range(len(lines) + 1):
        if end < len(lines) and members[end]:
            continue
        if end - start >= least and not kept(lines[start:end]):
            out[start:end] = [""] * (end - start)
        start = end + 1
    return out


def _is_short_fact(line: str) -> bool:
    """A labelled line (see _is_fact) of _FACT_WORDS words or fewer, no sentence."""
    if ": " not in line or ends_sentence(line) or word_count(line) > _FACT_WORDS:
        return False  # (no label and value without ": ", see _is_fact: a cheap test first)
    return _is_fact(line)


def _is_menu_item(line: str) -> bool:
    """A line of 1 to _MENU_WORDS words, no figures, not a sentence, a list item or a row."""
    if not line or line.count(" ") >= _MENU_WORDS:  # (more words: a cheap test first)
        return False
    if word_count(line) > _MENU_WORDS or ends_sentence(line):
        return False
    if line[0] == "|" or (line[0] in BULLET_FIRST and BULLET.match(line)):
        return False
    return not any(c.isdigit() for c in line)


def _without_empty_labels(lines: list[str]) -> list[str]:
    """`lines` with runs of 2+ list items that are a label alone ("- When:", "- Where:")
    blanked: a definition list whose values the extraction lost. One such item heads the
    items after it ("- Ingredients:", "- 200 g sugar") and stays."""
    return _without_runs(lines, _is_empty_label, 2)


def _is_empty_label(line: str) -> bool:
    """A list item of 1 to _MENU_WORDS words ending with a colon: "- Anschrift:"."""
    if not line.endswith(":") or line[0] not in BULLET_FIRST or not BULLET.match(line):
        return False
    return 0 < word_count(line) <= _MENU_WORDS


def _are_facts(lines: list[str]) -> bool:
    """Whether `lines` are labelled facts (see _is_fact), with no line known as furniture in
    them: a run with "Tags: ..." or "Filed under: ..." in it is the block of links after a
    post ("Category: Transport", "Posted by: admin"), one with a caption's credit ("Photo:
    Reuters") the credits of a story's pictures ("Graphic: Anna Berg"). A run mostly of a
    post's data ("Kategorie: Politik", "Text: Max Muster", see is_run_label) is its data
    too; one such line among facts of other labels is one of a product's or an event's
    facts ("Kategorie: Kompaktwagen", "Preis: ...", "Texto: Federico García Lorca")."""
    if not all(map(_is_fact, lines)) or any(
        is_post_label(line) or is_marked_furniture(line) for line in lines
    ):
        return False
    return 2 * sum(1 for line in lines if is_run_label(lower(line))) <= len(lines)


def _is_fact(line: str) -> bool:
    """Whether ``line`` is a label, a colon and a value that is no address or handle:
    "Boots: Westbridge", not "Twitter: @harbour" or "Web: www.example.org"."""
    label, colon, value = line.partition(": ")
    if not colon or not label[:1].isalpha() or not value.strip():
        return False
    return not is_address(value)


def _first_copies(lines: list[str]) -> list[str]:
    """`lines` with every line seen before (whatever its case) blanked."""
    seen: set[str] = set()
    out = []
    for line in lines:
        key = line.casefold()
        out.append("" if key in seen else line)
        seen.add(key)
    return out


def _table_row(text: str) -> str:
    """A row of a table ("| a | | b |") as its non-empty cells; "" for a rule ("|---|").

    A row of one cell, or with a cell of _PROSE_CELL words or more, is a page laid out in
    a table, not data: each of its cells is a line of its own (or furniture).
    """
    cells = [cell.strip() for cell in text.strip("|").split("|")]
    cells = [cell for cell in cells if cell.strip("-: ")]
    if len(cells) == 1 or any(word_count(cell) >= _PROSE_CELL for cell in cells):
        lines = (_kept(cell, ends_sentence(cell)) for cell in cells)
        return "\n".join(line for line in lines if line)
    return f"| {' | '.join(cells)} |" if cells else ""
