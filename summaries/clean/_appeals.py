"""A site's appeal for support and its disclaimer of the sites it links to, by language.

An appeal asks the reader to support, donate to or join the newsroom: "Support
independent journalism: donate now", "Unterstützen Sie unabhängigen Journalismus",
"Faites un don". It opens its sentence with the imperative, as the calls of
:mod:`._clutter` do, and it may follow one sentence the site says of itself ("Riverton
Times is a nonprofit newsroom. Support our reporting today."): a short line whose last
sentence is an appeal is one. What a site says of itself says what it is, or speaks as
"we" or to "you" (see _SITE_WORDS); a sentence before the appeal that does neither
reports something else, the news ("The council approved the plan on Monday. Donate
now."), and stays without the appeal (see without_appeal). Inside a sentence the same
words report someone's call ("... urged voters to support our candidates").

A disclaimer says the site is not answerable for the sites it links to ("The BBC is not
responsible for the content of external sites."): a formula, a clause of its own (see
summaries.clean._clutter._has_formula), which a report of it is not ("He said that it
is not responsible ..." holds lowercase words before it).
"""

from __future__ import annotations

import re

# The imperatives an appeal opens with, by language (lowercase).
APPEALS = {
    "english": "support our journalism|support our reporting|support our work|"
    "support our newsroom|support our mission|support independent journalism|"
    "support local journalism|support independent news|support local news|"
    "support quality journalism|donate now|donate today|make a donation|"
    "become a member|become a supporter|please donate",
    "german": "bitte helfen sie|helfen sie uns|unterstützen sie uns|spenden sie|"
    "unterstützen sie unabhängigen journalismus|unterstützen sie guten journalismus|"
    "jetzt unterstützen|jetzt spenden|werden sie mitglied",
    "french": "soutenez-nous|faites un don|soutenez le journalisme|soutenez notre|"
    "soutenez une presse indépendante|devenez membre",
    "spanish": "apóyanos|haz una donación|apoya el periodismo|apoya nuestro|hazte socio|"
    "hazte miembro",
    "portuguese": "apoie o|apoie a|faça uma doação|seja membro",
    "italian": "sostienici|fai una donazione|sostieni il giornalismo|sostieni il nostro|"
    "diventa socio",
    "dutch": "steun ons|steun onafhankelijke journalistiek|word lid|doneer nu",
    "swedish": "stöd oss|stöd oberoende journalistik|bli medlem",
    "polish": "wesprzyj nas|wesprzyj niezależne dziennikarstwo|wspieraj niezależne dziennikarstwo",
    "russian": "поддержите нас|поддержите независимую журналистику|поддержите редакцию",
}
# A site's disclaimer of the sites it links to, by language (lowercase).
DISCLAIMERS = {
    "english": "is not responsible for the content of external|"
    "is not responsible for the contents of external|"
    "are not responsible for the content of external|"
    "are not responsible for the contents of external",
    "german": "ist nicht verantwortlich für den inhalt externer|"
    "ist nicht verantwortlich für die inhalte externer|"
    "übernimmt keine haftung für die inhalte externer|"
    "übernehmen keine haftung für die inhalte externer",
    "french": "n'est pas responsable du contenu des sites externes|"
    "n’est pas responsable du contenu des sites externes",
    "spanish": "no se hace responsable del contenido de los sitios externos|"
    "no es responsable del contenido de los sitios externos",
    "italian": "non è responsabile dei contenuti dei siti esterni|"
    "non è responsabile del contenuto dei siti esterni",
    "portuguese": "não é responsável pelo conteúdo de sites externos|"
    "não se responsabiliza pelo conteúdo de sites externos",
}
APPEAL_PHRASES = tuple(p for phrases in APPEALS.values() for p in phrases.split("|"))
# The appeals by their first letter: most sentences open with none of these letters, and a
# look-up is cheaper than trying each appeal.
_BY_INITIAL = {
    initial: tuple(p for p in APPEAL_PHRASES if p[0] == initial)
    for initial in {p[0] for p in APPEAL_PHRASES}
}
# The words with which a site says what it is, or speaks as "we" or to the reader, by
# language (lowercase): a present "be" and the pronouns of the first person plural and the
# second person ("Riverton Times is a nonprofit newsroom.", "Wir sind unabhängig."). The
# languages' words are looked for together: a word that is another's too ("es", "sie")
# leaves a line as the site's, dropped whole, as it was before a news sentence was told;
# not "du" (German's and Swedish "you", French "of the", in most of its sentences).
_SITE_WORD_TABLE = {
    "english": "is are we our us you your",
    "german": "ist sind wir unser unsere uns sie ihr ihre",
    "french": "est sont nous notre nos vous votre vos",
    "spanish": "es son somos nosotros nuestro nuestra nuestros nuestras tu tus usted",
    "portuguese": "é são somos nós nosso nossa nossos você",
    "italian": "è sono siamo noi nostro nostra nostri tu tuo tua vostro vostra",
    "dutch": "is zijn wij we ons onze u uw jij je",
    "swedish": "är vi vår vårt våra ni din ditt",
    "polish": "jest są jesteśmy my nasz nasza nasze nas ty twój",
    "russian": "является мы наш наша наше нас вы ваш ваша",
}
_SITE_WORDS = frozenset(w for words in _SITE_WORD_TABLE.values() for w in words.split())
_WORD = re.compile(r"[^\W\d_]+")
# A quotation: a speaker's words, not the site's ("'We will rebuild,' the mayor said."), from
# a quotation mark that opens a word to one that closes one (an apostrophe inside a word,
# "we're", "mayor's", does neither).
_QUOTED = re.compile(
    "(?<!\\w)[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u201a\u2039]"
    ".*?[\"'\u201d\u201c\u00bb\u00ab\u2019\u2018\u203a](?!\\w)"
)
_ENDS = (". ", "! ", "? ")
_LINE_WORDS = 30  # a line of this many words at the most may be a sentence and an appeal


def is_appeal_after_sentence(low: str, appeals: tuple[str, ...]) -> bool:
    """Whether the lowercase line `low` is one sentence that the site says of itself (see
    the module's docstring) and then an appeal, one of `appeals` opening the last ("x is
    a nonprofit newsroom. support our reporting.")."""
    cut = _appeal_start(low, appeals)
    return cut > 0 and _speaks_of_the_site(low[:cut])


def without_appeal(text: str) -> str:
    """`text` without the appeal after its one sentence when that sentence is no site's
    (see the module's docstring), as a line of the article keeps it: "The council
    approved the plan on Monday." of "The council approved the plan on Monday. Donate
    now."; `text` itself otherwise."""
    if ". " not in text and "! " not in text:  # (most lines: two cheap tests)
        return text
    if not _may_open_appeal(text):
        return text
    low = text.lower()
    if len(low) != len(text) or (cut := _appeal_start(low, APPEAL_PHRASES)) <= 0:
        return text
    if low[cut - 2] == "?" or _speaks_of_the_site(low[:cut]) or text.count(" ") >= _LINE_WORDS:
        return text  # (a question before an appeal asks the reader: "Liked it? Donate.")
    return text[:cut].rstrip(" ")


def _may_open_appeal(text: str) -> bool:
    """Whether the last sentence of `text` (after its last end: see _appeal_start) opens
    with an appeal, in lowercase: a test of that sentence alone, cheaper than lowering the
    whole line first. (Where lowering keeps the line's length, the line's lowercase ends
    with its last sentence's; a space before that sentence keeps a capital sigma's form.)"""
    cut = max(text.rfind(". "), text.rfind("! "), text.rfind("? "))
    if cut < 0 or (appeals := _BY_INITIAL.get(text[cut + 2 : cut + 3].lower())) is None:
        return False
    return text[cut + 2 :].lower().startswith(appeals)


def _appeal_start(low: str, appeals: tuple[str, ...]) -> int:
    """Where the appeal (one of `appeals`) opens the last sentence of the lowercase line
    `low` after its one sentence, or -1. (`appeals` are some of APPEAL_PHRASES: a
    sentence whose first letter opens none of those opens none of them.)"""
    cut = max(low.rfind(". "), low.rfind("! "), low.rfind("? "))
    if cut < 0 or low[cut + 2 : cut + 3] not in _BY_INITIAL or not low.startswith(appeals, cut + 2):
        return -1
    return -1 if any(end in low[:cut] for end in _ENDS) else cut + 2


def _speaks_of_the_site(sentence: str) -> bool:
    """Whether the lowercase `sentence` says what something is, or speaks as "we" or to
    "you": a word of _SITE_WORDS outside a quotation, which is a speaker's ("'We will
    rebuild,' the mayor said.")."""
    return not _SITE_WORDS.isdisjoint(_WORD.findall(_QUOTED.sub(" ", sentence)))
