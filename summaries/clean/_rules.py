"""Rules that tell page furniture by a line's shape: bylines, dates, credits, menus.

What is a date is :mod:`._date_tokens`'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summaries.clean._clutter import ASCII_MARKS, ASCII_OPENINGS, is_clutter, may_be_clutter
from summaries.clean._date_tokens import DATE_WORDS, date_token_count
from summaries.clean._ends import CLOSERS, PUNCT
from summaries.clean._labels import (
    CREDIT_STEMS,
    POST_LABEL_OPENINGS,
    TAG_OPENINGS,
    TAIL_LABELS,
    is_count,
    is_credit,
    is_sentence_after,
    lower,
)
from summaries.clean._lines import (
    BULLET,
    BULLET_FIRST,
    is_byline,
    stop_share,
    word_tokens,
)
from summaries.clean._stamps import (
    PRINT_LABELS,
    SUBSCRIBER_STEMS,
    is_paywall_label,
    is_print_stamp,
)
from summaries.sentences import SENTENCE_ENDS, split_sentences

_UI_WORDS = frozenset(
    """subscribe subscribed subscription newsletter newsletters inbox click tap cookie
    cookies login signup unsubscribe advertisement app browser javascript
    podcast email comment comments""".split()
)
_READER = frozenset("you your yours our us".split())
_YOU = frozenset("you your yours".split())  # the reader alone, not the site's "our"
_PIECES = frozenset("article articles story stories".split())  # what a paywall counts
# Verbs of asking in the past tense: before the newsletter or "subscribe", they report a
# call someone made ("The mayor urged us all to subscribe to the city's alerts"); a site's
# own call speaks to the reader now, in the imperative or the present.
_ASKED = frozenset(
    """urged asked encouraged invited told reminded advised called appealed begged pleaded
    implored persuaded wanted""".split()
)
# What before a verb of _ASKED makes it the site's own call: a present "be" ("you're" is
# tokens "you", "re"), or the reader as the one who asked.
_NOW_ASKED = frozenset("am is are re you".split())
# The UI words that hold no other one: a line holds a UI word only if it holds one of these.
_UI_STEMS = tuple(sorted(w for w in _UI_WORDS if not any(o in w for o in _UI_WORDS - {w})))

_LABEL = re.compile(r"(?:^|[\s|(])[A-Z][A-Za-z]{2,15}:")
# What blogs and their feeds put after a post, labelled: its tags (in any language of
# summaries.clean._labels), a forum's link line ("submitted by /u/name [link] [comments]").
_LABELS_AFTER = (*POST_LABEL_OPENINGS, "submitted by /u/")
# A labelled link to another story or a video between the paragraphs ("READ MORE: Ferry
# operators ...", "WATCH: Drone footage ..."): the label, then a headline, which opens with a
# capital or a figure ("Watch: the number of ferries will double" is the article's own).
_LINK_LABELS = (
    "read more:",
    "read next:",
    "read also:",
    "also read:",
    "see also:",
    "related:",
    "more:",
    "must read:",
    "recommended:",
    "watch:",
    "listen:",
    "video:",
    "photos:",
    "gallery:",
)
# A link to the rest of a post: a few words ("Continue reading on Medium »", "Continue
# reading the main story", a paywall's "Subscribe to read the full story", "Continua a
# leggere questo articolo", "Weiterlesen mit Abo"), not a sentence that opens so.
_MORE_LINKS = (
    *("weiterlesen", "lire la suite", "poursuivre la lecture", "continuer la lecture"),
    *("seguir leyendo", "sigue leyendo", "continuar leyendo", "continua a leggere"),
    *("continue lendo", "continuar lendo", "continuar a ler", "lees verder", "verder lezen"),
    *("czytaj dalej", "читать далее"),
    "continue reading",
    "read the full story",
    "read the rest of",
    "subscribe to read",
    "subscribe to continue",
    "already a subscriber",
    "log in to read",
    "log in to continue",
    "sign in to read",
    "sign in to continue",
    "sign up to read",
    "sign up to continue",
)
_MORE_LINK_WORDS = 8
# Where a post first appeared: a site's name or address after the words, not a year or
# "a small blog" ("Originally published in 1962, the novel ...").
_FIRST_PUBLISHED = re.compile(r"(?i:originally published (?:at|on|in) )(?:[A-Z]|\S+\.\w|http)")
# How every line _is_trailer tells opens.
_TRAILER_OPENINGS = (*_LABELS_AFTER, *_LINK_LABELS, *_MORE_LINKS, "originally published ")
# A blog feed's footer: "The post <its title> appeared first on <the site's name>."
_FOOTER = " appeared first on "
# A blog platform's footer: "<its title> was originally published in <a publication> on
# Medium, where people are continuing the conversation by ..."
_SYNDICATED = re.compile(r" was originally published (?:in|on) (?P<site>[^,.!?]+), where ")
_SYNDICATED_WORDS = 60
# A sign-off to the reader, a call to action when it names the site's newsletter or its
# subscribers: "Thanks for reading Grid Letters! Subscribe for free to receive new posts"
_THANKS = ("thanks for reading", "thank you for reading")
_FOOTER_SITE_WORDS = 6


def by_first_character(openings: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`openings` by their first character: a line tried against those that open as it
    does (``low.startswith(table.get(low[0], ()))``) is tried against a few, not against
    all of them, in a fifth of the time."""
    table: dict[str, tuple[str, ...]] = {}
    for opening in openings:
        table[opening[0]] = (*table.get(opening[0], ()), opening)
    return table


# What an ASCII line must open with or hold for a rule of is_notice (but a credit's and the
# hashtags', which look at its first character) to tell it (see _may_be_notice): a trailer's
# opening, a copyright's word, the thanks, a print stamp's label, clutter's openings; a
# copyright's "reserved", a meter's "free", a paywall's subscriber and clutter's marks.
_NOTICE_OPENINGS = by_first_character(
    (*_TRAILER_OPENINGS, "copyright", "(c)", *_THANKS, *PRINT_LABELS, *ASCII_OPENINGS)
)
_NOTICE_MARKS = ("reserved", "free", *SUBSCRIBER_STEMS, *ASCII_MARKS)
# The UI stems that hold no notice mark: a line that holds no mark holds none of the others
# ("subscribe" holds "subscri"), and _may_be_notice looks for these alone.
_UI_STEMS_UNMARKED = tuple(s for s in _UI_STEMS if not any(m in s for m in _NOTICE_MARKS))
# A piece of each notice mark and UI stem that _may_be_notice looks for, its longest run
# without a space: a line holds the mark only if one of its words (split at spaces) holds
# the piece, so a line none of whose words holds one of these holds no mark and no stem.
_MARK_PIECES = tuple(
    sorted({max(mark.split(" "), key=len) for mark in (*_NOTICE_MARKS, *_UI_STEMS_UNMARKED)})
)
_MEMO_WORDS = 100_000  # past this many distinct words _UNMARKED starts again
# The words of the ASCII lines _may_be_notice was asked about that hold none of
# _MARK_PIECES: news repeats its words, so most lines are all of such words, told by one
# look-up a word instead of a search of the whole line for each mark and stem.
_UNMARKED: set[str] = set()
_MARKED: set[str] = set()  # and those that hold one
# The small words inside a name written in capitals: "Friends of the Earth", "Agence
# France-Presse", "Le Journal des Femmes". An outlet's name in a dateline is read without
# a lowercase "the" ("(The Hollywood Reporter)"); a site's name in a feed's footer may hold one.
NAME_JOINERS = frozenset("of and & de du la le der des".split())
_SITE_JOINERS = NAME_JOINERS | {"the"}
_CREDIT_TAIL = re.compile(
    r"(?:[(\[][^()\[\]]{0,60}\b(?:photos?|photograph|image|picture|pic|credit|file)\b"
    r"[^()\[\]]{0,60}[)\]]"
    r"|\b(?:photo(?:graph)?|image|picture|credit|courtesy)s?\s*(?:by|:|/|of)\s*[^.!?]{1,60}"
    rf"|(?<!\w)(?:{TAIL_LABELS})s?\s*[:/]\s*[^.!?]{{1,60}})"
    r"\s*$",
    re.IGNORECASE,
)
# A credit in brackets that opens with its label: "(Photo: X)", "[Photo/Xinhua]", "(Foto:
# X)", "(Image by X)", "(Credit: X)", maybe before a full stop; after a slash, a name
# ("(credit/debit cards accepted)" is none).
_CREDIT_BRACKET = (
    r"[(\[](?i:photo(?:graph)?|image|picture|pic|credit|foto)s?\s*(?:by\b|:|/\s*(?=[A-Z]))"
    r"[^()\[\]]{1,60}[)\]]\.?"
)
_BRACKETED_CREDIT = re.compile(_CREDIT_BRACKET + "$")
# A caption and its credit opening a paragraph, before the story's first sentence.
_CAPTION_FIRST = re.compile(r"[^()\[\]]{1,300}" + _CREDIT_BRACKET + " (?=[^ ])")
# Each byte of UTF-8 text by letter case: a-z as "a", A-Z as "A", any other byte ".".
_CASE_SHAPE = bytes(97 if 97 <= c <= 122 else 65 if 65 <= c <= 90 else 46 for c in range(256))
_NOT_ASCII_UPPER = bytes(c for c in range(256) if not 65 <= c <= 90)
_BRACKET_ENDS = (")", "]", ").", "].")  # how a credit in brackets ends (see _closes_bracket)
_CAPTION_WORDS = 25  # a caption of several sentences has fewer words than this
_TAIL = 160  # credit patterns are only looked for in a line's last characters
_CLAUSE_STOP = 0.15  # stop words in a short sentence: 88% of German dev ones have more


# The hashtags that close a social post after its last sentence ("... so patiently.
# #Brennport #port", "... Grüntöne. 🌿 #Vintage #Plants"): its tags, and any emoji or
# symbols among them, no sentence of their own ("#1" is a number, not a tag). After the
# full stops of Chinese and Japanese (。！？) a tag is often written with no space.
_TAG = r"#(?!\d+\b)\w[\w-]*"
_ENDED = re.escape(SENTENCE_ENDS + CLOSERS)
_WIDE_ENDS = "\u3002\uff01\uff1f"
_TAGS_ALONE = re.compile(rf"{_TAG}(?:\s+{_TAG})*")  # a line of a post's tags, no words
_CLOSING_TAGS = re.compile(
    rf"(?<=[{_ENDED}])(?:\s+[^\w\s#]+)*(?:\s+|(?<=[{_WIDE_ENDS}])){_TAG}"
    rf"(?:\s+(?:{_TAG}|[^\w\s#]+))*\s*\Z"
)


# The label of a paper's abstract, or of one of its sections, before the section's first
# sentence: "Abstract: We study ...", "BACKGROUND: Urban bees ..." (arXiv's and PubMed's feeds)
_SECTION_LABEL = re.compile(
    r"(?i:abstract|summary|background|introduction|context|objectives?|aims?|purpose|"
    r"methods?|design|setting|participants|results|findings|conclusions?|interpretation|"
    r"significance)\s*:\s+(?=[A-Z0-9\u201c\"])"
)


def without_section_label(text: str) -> str:
    """`text` without the label of a paper's section that opens it."""
    found = _SECTION_LABEL.match(text) if ":" in text[:20] else None
    return text[found.end() :] if found else text


def without_closing_tags(text: str) -> str:
    """`text` without the hashtags that close it after its last sentence."""
    return _CLOSING_TAGS.sub("", text) if "#" in text else text


def is_furniture(text: str, size: int, ends: bool) -> bool:
    """Boilerplate of any length: link-list items, menus, captions with a credit, mojibake."""
    if text[0] in BULLET_FIRST and BULLET.match(text) and not (size >= 12 and ends):
        return True  # link lists: "- Headline", "· Section", ">> More"
    return is_marked_furniture(text)


@lru_cache(maxsize=512)  # a page's lines: its sentences are cleaned from its main text
def is_marked_furniture(text: str) -> bool:
    """A pipe-separated menu or byline, a blog feed's footer, a caption ending in its
    credit, or mojibake."""
    if "|" in text and (text[-1] == "|" or text.count("|") >= 2):
        return True  # pipe-separated menus and bylines
    if text[:9] == "The post " and _FOOTER in text and _is_feed_footer(text):
        return True
    if " was originally published " in text and _is_syndication_footer(text):
        return True
    if text[-1] not in ".!?" and _has_credit(text[-_TAIL:]) and _is_caption_sized(text):
        return True  # (no credit ends so)
    if _closes_bracket(text) and _is_credited_caption(text):  # "... (Photo: Jane Doe)."
        return True
    return "\ufffd" in text and text.count("\ufffd") * 10 > len(text)


def is_short_furniture(text: str, words: list[str], ends: bool, tokens: list[str]) -> bool:
    """A byline, a date line or UI words glued together ("Video PlayerClose"), of 15 words
    or fewer: `words` are its words and `tokens` those of its lowercase form."""
    return _is_dateline(text, words, tokens) or (not ends and has_glued_words(text))


def is_headline(text: str, size: int, words: list[str]) -> bool:
    """A headline of `size` words (`words`: them): 12 or fewer, in Title Case, even with a
    "?" (see _is_title_case)."""
    return size <= 12 and _is_title_case(text, words)


@lru_cache(maxsize=512)  # a page's lines: its sentences are cleaned from its main text
def is_notice(text: str) -> bool:
    """A line of 30 words or fewer that is a photo credit, a copyright, a call to action,
    a paywall's label or a print version's stamp (see summaries.clean._stamps), what a
    blog's feed puts after the post (see _is_trailer) or hashtags alone."""
    if is_credit(text):
        return True
    if text[0] == "#" and _TAGS_ALONE.fullmatch(text):
        return True  # the hashtags after a post, on a line of their own
    low = lower(text)
    if text.isascii() and not _may_be_notice(low):
        return False  # (most lines: a few substring tests instead of all the rules)
    if _is_trailer(text, low):
        return True
    return (
        _is_copyright(text, low)
        or _is_call_to_action(low, None)
        or _is_meter(low)
        or is_paywall_label(low)
        or is_print_stamp(low)
        or is_clutter(text, low)
    )


def _may_be_notice(low: str) -> bool:
    """Whether an ASCII line in lowercase `low` may be a notice by a rule of is_notice but
    a credit's and the hashtags': it opens with one of _NOTICE_OPENINGS, holds one of
    _NOTICE_MARKS, may be clutter by its shape (see may_be_clutter), or holds a word of
    the reader's and a UI word's stem (what a call to action takes: see
    _is_call_to_action). A line that fails this test fails every one of those rules."""
    if low.startswith(_NOTICE_OPENINGS.get(low[0], ())) or may_be_clutter(low):
        return True
    if not _holds_mark_piece(low):
        return False  # (most lines: a look-up a word instead of the searches below)
    for mark in _NOTICE_MARKS:
        if mark in low:
            return True
    return ("us" in low or "you" in low or "our" in low) and _holds_ui_stem(low, _UI_STEMS_UNMARKED)


def _holds_mark_piece(low: str) -> bool:
    """Whether a word of `low` (split at spaces) holds one of _MARK_PIECES (see _UNMARKED)."""
    words = low.split(" ")
    if _UNMARKED.issuperset(words):
        return False
    if not _MARKED.isdisjoint(words):
        return True
    if len(_UNMARKED) + len(_MARKED) > _MEMO_WORDS:
        _UNMARKED.clear()
        _MARKED.clear()
    marked = False
    for word in words:
        if word not in _UNMARKED:
            if any(piece in word for piece in _MARK_PIECES):
                _MARKED.add(word)
                marked = True
            else:
                _UNMARKED.add(word)
    return marked


def is_post_label(text: str) -> bool:
    """Whether `text` is a blog post's tags, which follow it ("Tags: ...", "Filed under:
    ...", "Schlagworte: ..."): no other thing's fact is so labelled (see TAG_OPENINGS)."""
    return lower(text).startswith(TAG_OPENINGS)


def _is_trailer(text: str, low: str) -> bool:
    """What a blog's feed puts after a post, or a labelled link to another story between
    paragraphs (see _LABELS_AFTER, _LINK_LABELS, _MORE_LINKS, _FIRST_PUBLISHED); `low` is
    lower(text) (see summaries.clean._labels.lower). A post's labels list words; a
    sentence running on in lowercase after the word is the story's own ("Topics: climate,
    energy and housing will dominate the campaign, he said.", see is_sentence_after)."""
    if not low.startswith(_TRAILER_OPENINGS):  # (most lines: one test instead of four)
        return False
    if low.startswith(_LABELS_AFTER):
        return not is_sentence_after(text, text.find(":") + 1)
    if low.startswith(_LINK_LABELS):
        headline = text.partition(":")[2].lstrip(" \"'\u201c\u2018")
        return headline[:1].isupper() or headline[:1].isdigit()
    if low.startswith(_MORE_LINKS):
        return text.count(" ") < _MORE_LINK_WORDS or text.endswith(("\u00bb", "\u2026", "\u2192"))
    return low.startswith("originally published ") and _FIRST_PUBLISHED.match(text) is not None


def _is_feed_footer(text: str) -> bool:
    """WordPress's "The post <its title> appeared first on <the site>.": a title before,
    and only a name (capitalised words, or an address) after."""
    title, _, site = text[9:].partition(_FOOTER)
    return bool(title) and _is_site_name(site.rstrip(".").split())


def _is_syndication_footer(text: str) -> bool:
    """Medium's "<its title> was originally published in <a publication> on Medium, where
    people are continuing the conversation ...": one sentence, and a name where it was."""
    found = _SYNDICATED.search(text)
    if found is None or found.start() == 0 or text.count(" ") >= _SYNDICATED_WORDS:
        return False
    tail = text[found.end() :].rstrip(".!")
    return not any(mark in tail for mark in ".!?") and _is_site_name(
        found["site"].replace(" on ", " ").split()
    )


def _is_site_name(words: list[str]) -> bool:
    """Whether `words` are a site's name: a few capitalised words, or an address."""
    return 0 < len(words) <= _FOOTER_SITE_WORDS and all(
        w[:1].isupper() or w[:1].isdigit() or "." in w or w in _SITE_JOINERS for w in words
    )


def ends_in_credit(text: str) -> bool:
    """Whether `text` ends in a photo credit in brackets, maybe before a full stop: "...
    on Monday (Photo: Jane Doe).", "[Photo/Xinhua]": a caption, never a sentence of the
    story (a bracket of words about a photo, "(a photograph from 1920).", is none)."""
    return _closes_bracket(text) and _BRACKETED_CREDIT.search(text[-_TAIL:]) is not None


def _closes_bracket(text: str) -> bool:
    """Whether `text` ends in a closing bracket, maybe before a full stop: what a credit in
    brackets ends in (a cheap test before its pattern, which most sentences fail)."""
    return text.endswith(_BRACKET_ENDS)


def _is_credited_caption(text: str) -> bool:
    """Whether `text` is a caption ending in its credit in brackets (see ends_in_credit):
    one sentence or less, or a short text (_CAPTION_WORDS: "Firefighters on the roof. The
    blaze began at noon (Photo: Jane Doe)."). A paragraph of sentences that ends so ("...
    They will march again next month (Photo: Jane Doe).") holds the story, its photo set
    inside it: it stays, and the briefing passes over the sentence the credit ends (see
    summaries.summarize.default)."""
    found = _BRACKETED_CREDIT.search(text, max(0, len(text) - _TAIL))
    if found is None:
        return False
    return _is_caption_sized(text[: found.start()])


def _is_caption_sized(text: str) -> bool:
    """Whether `text`, before a credit, is a caption's length: one sentence or less, or a
    short text (_CAPTION_WORDS). A longer one that ends in a credit holds more than the
    photo's caption: a paragraph with a photo set in it, or a short page that an extractor
    gave on one line, its story first and its photos' captions after."""
    return text.count(" ") < _CAPTION_WORDS or len(split_sentences(text)) <= 1


def caption_end(text: str) -> int:
    """Where `text` goes on after a photo's caption and its credit in brackets that open
    it ("Firefighters on the roof (Photo: Jane Doe). LONDON (Reuters) - ..."), or 0."""
    found = _CAPTION_FIRST.match(text) if "(" in text[:400] or "[" in text[:400] else None
    return found.end() if found else 0


def _has_credit(tail: str) -> bool:
    """A caption's credit at the end: "(Photo: Reuters)", "[Photo/Xinhua]", "Photo by X";
    not a count under the label ("Fotos: 120 farbige Abbildungen", see is_count)."""
    low = tail.lower()
    for word in CREDIT_STEMS:
        if word in low:
            found = _CREDIT_TAIL.search(tail)
            return found is not None and not is_count(found.group().partition(":")[2])
    return False


def _is_copyright(text: str, low: str) -> bool:
    """A copyright line; `low` is text.lower()."""
    return (
        "©" in text
        or low.startswith(("copyright", "(c)"))
        or ("reserved" in low and ("rights reserved" in low or "right reserved" in low))
    )


def _is_call_to_action(low: str, tokens: list[str] | None) -> bool:
    """A short line that addresses the reader about the site: newsletters, apps, cookies;
    not a sentence that reports someone's call to subscribe (see _ASKED).

    `low` is the lowercase line and `tokens` its tokens, or None if not made yet: then they
    are made only if `low` holds "you", "our" or "us" (a word of _READER) at all, or
    thanks the reader for reading.
    """
    thanked = low.startswith(_THANKS)  # "Thanks for reading X! Subscribe ..." (see _THANKS)
    if tokens is None:
        if not thanked and "us" not in low and "you" not in low and "our" not in low:
            return False
        if not _holds_ui_stem(low):
            return False
        tokens = word_tokens(low)
    if _UI_WORDS.isdisjoint(tokens) or not (thanked or not _READER.isdisjoint(tokens)):
        return False
    first = next(i for i, token in enumerate(tokens) if token in _UI_WORDS)
    return not any(_reports_a_call(tokens, i) for i in range(first))  # (see _ASKED)


def _is_meter(low: str) -> bool:
    """A paywall's count of the reader's free articles ("You have 2 free articles left",
    "This is your last free story"): "you" or "your", "free" and an article or a story;
    `low` is the lowercase line. A site's "our" free articles are what an outlet says of
    itself in a report ("Our stories will stay free, the editor said")."""
    if "free" not in low or ("article" not in low and "stor" not in low):
        return False
    tokens = word_tokens(low)
    return "free" in tokens and not _YOU.isdisjoint(tokens) and not _PIECES.isdisjoint(tokens)


def _reports_a_call(tokens: list[str], at: int) -> bool:
    """Whether the token at `at` is a verb of asking in the past that tells of someone's
    call (see _ASKED): not a participle after a present "be", which speaks to the reader
    now ("You are invited to", "Readers are urged to"), nor the reader's own asking ("You
    asked, we listened")."""
    if tokens[at] not in _ASKED:
        return False
    return at == 0 or tokens[at - 1] not in _NOW_ASKED


def _holds_ui_stem(low: str, stems: tuple[str, ...] = _UI_STEMS) -> bool:
    """Whether `low` holds a word of _UI_STEMS anywhere (of `stems`, those of them a line
    may hold): a cheap test before its tokens.

    A loop of substring tests, as in _has_credit: faster than a regex or any()."""
    for stem in stems:
        if stem in low:
            return True
    return False


def _is_dateline(text: str, words: list[str], tokens: list[str]) -> bool:
    """Bylines and date lines: "By A B", "Updated: 2014-11-20 07:00", "(Agency May 9, 2013)".

    `words` are the line's words and `tokens` those of its lowercase form (see word_tokens).
    """
    if is_byline(text, words):
        return True
    if DATE_WORDS.isdisjoint(tokens) and "".join(tokens).isalpha():
        return False  # no month, no time word and no digit: no word is a date token
    dates = date_token_count(words)
    if not dates:
        return False
    return (
        dates >= 0.4 * len(words)
        or "|" in text
        or (text.startswith("(") and text.endswith(")"))
        or words[0].lower().rstrip(":") in {"by", "updated", "published", "posted"}
        or _is_date_label(text)
    )


def _is_date_label(text: str) -> bool:
    """Whether `text` holds a label ("Updated:", "Reporter:"), its date or name no sentence
    that merely opens with one ("Photo: the mayor said the road would open in May.")."""
    if ":" not in text or (label := _LABEL.search(text)) is None:
        return False
    return not is_sentence_after(text, label.end())


def _is_title_case(text: str, words: list[str]) -> bool:
    """Whether 3+ of the longer words after the first, and 75% or more, are capitalised.

    That takes 3 capital letters: ASCII text with fewer is told without looking at words.
    """
    if text.isascii() and len(text.encode("ascii").translate(None, _NOT_ASCII_UPPER)) < 3:
        return False
    caps = [w[0].isupper() for w in words[1:] if len(w) >= 4 and w[0].isalpha()]
    return len(caps) >= 3 and sum(caps) / len(caps) >= 0.75


def reads_as_sentence(text: str, words: list[str], tokens: list[str], stop: frozenset[str]) -> bool:
    """Whether a headline-shaped line (see is_headline) in a language that capitalises its
    nouns (summaries.language.NOUN_CAPITALISING) reads as a sentence all the same.

    Such a language capitalises most words of a short sentence: "Die Lufthansa streicht
    Tausende Flüge." It reads as one when it ends with a full stop (a headline seldom
    does; a "?" or "!" line is as often a heading or a call to the reader), its share of
    `stop` words (its language's) is one of prose (_CLAUSE_STOP), and a word after the
    first is in lowercase and none of them: a verb or an adjective, which such a language
    does not capitalise. A caption, a byline or a name is capitalised words and function
    words alone ("Wartende Passagiere am Flughafen.", "Ein Kommentar von Markus Weber."),
    and a headline in Title Case capitalises its verb too. `words` are its words and
    `tokens` those of its lowercase form.
    """
    if text.rstrip(CLOSERS)[-1:] != "." or stop_share(text, tokens, stop) < _CLAUSE_STOP:
        return False
    for word in words[1:]:
        bare = word.strip(PUNCT)
        if bare[:1].islower() and len(bare) >= 3 and bare.isalpha() and bare not in stop:
            return True
    return False


def has_glued_words(text: str) -> bool:
    """UI words glued together ("PlayerClose"): 2 lowercase, 1 capital, 1 lowercase ASCII."""
    return b"aaAa" in text.encode("utf-8", "surrogatepass").translate(_CASE_SHAPE)
