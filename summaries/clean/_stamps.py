"""Lines that say where a page came from or who may read it, set around the story as lines
alone: a print version's stamps ("Printed from example.com", "URL: https://...",
"Imprimé depuis example.fr"), a paywall's label ("This article is for subscribers only",
"Article réservé aux abonnés") and its buttons glued on one line ("Subscribe Already a
subscriber? Log in", "Abonnieren Bereits Abonnent? Anmelden"), and the
addresses a site's follow box gives without "@", "://" or "www." ("facebook.com/site").

Each is told by its whole line: a label and an address alone, or words of a paywall's
label alone. A sentence that holds the same words and more ("The report was printed from
a copy ...", "The edition is exclusive to subscribers, the publisher said") is the story's.

Sites write these labels with their accents or without them ("Imprime depuis", "Ja e
assinante?", as a keyboard or a template without them types them): lines and tables are
compared with the accents of Latin letters taken off both (see _bare).
"""

from __future__ import annotations

import re

from summaries.clean._lines import word_tokens
from summaries.folding import without_latin_accents as _bare

# What a print version writes before the page's address (lowercase, before a colon or
# not), by language: where it was printed from, the article's address, its permanent link.
_PRINT_LABEL_TABLE: dict[str, str] = {
    "english": "printed from|url|article url|source url|permalink",
    "german": "gedruckt von|ausgedruckt von|artikel-url|adresse des artikels|dauerlink",
    "french": "imprimé depuis|imprimé à partir de|imprimé sur|adresse de l'article|"
    "lien permanent|url de l'article",
    "spanish": "impreso desde|impreso de|enlace permanente|url del artículo|dirección del artículo",
    "italian": "stampato da|link permanente|url dell'articolo|indirizzo dell'articolo",
    "portuguese": "impresso de|impresso a partir de|link permanente|url do artigo|"
    "endereço do artigo",
    "dutch": "afgedrukt van|geprint van|permanente link|url van het artikel",
}


def _longest_first(table: dict[str, str]) -> tuple[str, ...]:
    """The phrases of a table by language (each language's split at "|"), the longest
    first: a phrase that ends or opens a longer one ("impreso de", "al abonnee") is looked
    for after it ("impreso desde", "bent u al abonnee")."""
    phrases = {_bare(phrase) for phrases in table.values() for phrase in phrases.split("|")}
    return tuple(sorted(phrases, key=len, reverse=True))


def _bare_words(words: str) -> frozenset[str]:
    """The words of `words` (split at spaces), without their accents."""
    return frozenset(map(_bare, words.split()))


_PRINT_LABELS = _longest_first(_PRINT_LABEL_TABLE)
# The labels by their first letter: a line's first letter picks the few to look for.
_PRINT_LABELS_BY_FIRST = {
    first: tuple(label for label in _PRINT_LABELS if label[0] == first)
    for first in {label[0] for label in _PRINT_LABELS}
}
# An address alone: a scheme's, "www.", or a host of two or more names and maybe a path
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/:?#]\S*)?")
# Social networks whose pages a follow box names by their bare address: "instagram.com/x"
_SOCIAL_HOSTS = (
    "facebook.com fb.com instagram.com twitter.com x.com youtube.com youtu.be tiktok.com "
    "linkedin.com pinterest.com t.me threads.net bsky.app whatsapp.com wa.me snapchat.com "
    "vimeo.com flickr.com"
).split()
_SOCIAL = re.compile(
    r"(?:[a-z]+\.)?(?:" + "|".join(map(re.escape, _SOCIAL_HOSTS)) + r")/\S+", re.IGNORECASE
)
ADDRESS_MARKS = ("@", "://", "www.")  # a value that is where to find someone: contact lines
# The words of a paywall's label, in the languages of most European news sites: what is
# locked ("this article", "contenu"), for whom ("subscribers", "Abonnenten") and how
# ("only", "exclusive", "réservé"). A line of these words alone, one of them a subscriber,
# is the label; any other word (a name, "said") makes it a sentence about subscriptions.
_PAYWALL_WORDS = _bare_words(
    """this article story content piece is for to the only exclusive exclusively available
    reserved paying premium subscriber subscribers
    dieser diese dieses artikel beitrag inhalt ist nur für exklusiv verfügbar abonnenten
    abonnentinnen cet cette article contenu réservé réservée aux abonnés abonnées est
    exclusif exclusive exclusivement pour les uniquement este artículo contenido exclusivo
    exclusiva para suscriptores suscriptoras es solo sólo reservado a los questo articolo
    contenuto riservato riservata agli abbonati è esclusivo per artigo conteúdo assinantes
    é apenas só aos dit alleen voor abonnees exclusief member members mitglieder membres
    miembros membri membros"""
)
# (a member, on a site that sells memberships: "Member-only story", "Nur für Mitglieder")
_SUBSCRIBERS = _bare_words(
    """subscriber subscribers abonnenten abonnentinnen
    abonnés abonnées suscriptores suscriptoras abbonati assinantes abonnees
    member members mitglieder membres miembros membri membros"""
)
# A subscriber's or a member's stems: a cheap test first. (A subscription's alone speak of
# an offer: a council's, a party's or a union's members are news.)
_SUBSCRIPTION_STEMS = ("subscri", "abonn", "suscrip", "abbonat", "assinant")
_SUBSCRIBER_STEMS = (*_SUBSCRIPTION_STEMS, "member", "mitglied", "membr", "miembro")
# (what a stamp opens with and a label holds: the cheap tests before all notices' rules)
PRINT_LABELS, SUBSCRIBER_STEMS = _PRINT_LABELS, _SUBSCRIBER_STEMS
_PAYWALL_LABEL_WORDS = 8
# The question a paywall asks between its buttons: "Subscribe Already a subscriber? Log in",
# "Abonnieren Bereits Abonnent? Anmelden", "Déjà abonné ? Se connecter" (lowercase; French
# sets a space before its "?").
_ACCOUNT_QUESTION_TABLE: dict[str, str] = {
    "english": "already a subscriber|already subscribed|already have an account|"
    "already registered|not a subscriber",
    "german": "bereits abonnent|schon abonnent|bereits abonniert|bereits registriert|"
    "schon registriert|noch kein abonnent",
    "french": "déjà abonné|déjà abonnée|vous êtes abonné|déjà inscrit|pas encore abonné",
    "spanish": "ya eres suscriptor|ya es suscriptor|ya estás suscrito|ya tienes una cuenta|"
    "ya tiene una cuenta",
    "italian": "sei già abbonato|già abbonato|sei già registrato|hai già un account",
    "portuguese": "já é assinante|já tem uma conta|já tem conta",
    "dutch": "al abonnee|ben je al abonnee|heb je al een account|bent u al abonnee",
}
_ACCOUNT_QUESTIONS = _longest_first(_ACCOUNT_QUESTION_TABLE)
# The last words of those questions: a cheap test before looking for each.
_QUESTION_ENDS = frozenset(question.rsplit(" ", 1)[-1] for question in _ACCOUNT_QUESTIONS)
# The buttons beside that question in those languages (their words, lowercase, with and
# without their accents): subscribe, log in, register. English's are the interface words
# of _main.
_BUTTONS = frozenset(
    """abonnieren abonniere anmelden einloggen registrieren jetzt abo abonner abonne
    abonnez vous connecter connectez connexion identifier identifiez inscrire suscríbete
    suscribete suscribirse suscríbase iniciar inicia sesión entrar ingresar abbonati
    abbonarsi accedi registrati assine assinar inscreva cadastre abonneren abonneer
    inloggen log registreer je s se m""".split()  # (and French elisions: "s'abonner")
)
ACCOUNT_BUTTONS = _BUTTONS | _bare_words(" ".join(_BUTTONS))


def is_address(value: str) -> bool:
    """Whether `value` (one word) is where to find someone: a handle, an address with
    "://" or "www.", or a social network's page by its bare address ("facebook.com/x")."""
    return any(mark in value for mark in ADDRESS_MARKS) or _SOCIAL.fullmatch(value) is not None


def is_print_stamp(low: str) -> bool:
    """Whether the lowercase line `low` is a print version's label and an address alone:
    "printed from example.com", "url: https://example.com/news/1", with or without
    accents ("imprime depuis example.fr")."""
    labels = _PRINT_LABELS_BY_FIRST.get(_bare(low[:1]))  # (most lines: two cheap tests)
    if labels is None or not (low := _bare(low)).startswith(labels):
        return False
    for label in labels:
        if low.startswith(label):
            rest = low[len(label) :]
            if rest[:1] in (":", " "):
                value = rest.lstrip(": ").rstrip(" .")
                return _ADDRESS.fullmatch(value) is not None
    return False


def is_paywall_label(low: str) -> bool:
    """Whether the lowercase line `low` is a paywall's label: words of _PAYWALL_WORDS alone,
    a subscriber or a member among them ("this article is for subscribers only",
    "member-only story"), with or without accents; or such a label as its first sentence,
    and its offer after it, which speaks of subscribing again ("Questo contenuto è
    riservato agli abbonati. Abbonati per continuare a leggere ..."), not of members, whom
    a story's sentence names ("Members of Congress voted ...")."""
    if not any(stem in low for stem in _SUBSCRIBER_STEMS):
        return False
    first, stop, rest = low.partition(". ")
    if stop and any(stem in rest for stem in _SUBSCRIPTION_STEMS) and _is_label(first):
        return True
    return _is_label(low)


def _is_label(low: str) -> bool:
    """Whether `low` is of the words of a paywall's label alone (see is_paywall_label)."""
    tokens = word_tokens(_bare(low))
    return (
        0 < len(tokens) <= _PAYWALL_LABEL_WORDS
        and not _SUBSCRIBERS.isdisjoint(tokens)
        and _PAYWALL_WORDS.issuperset(tokens)
    )


def account_question(low: str) -> str:
    """The paywall's question (see _ACCOUNT_QUESTION_TABLE) that the lowercase line `low`
    asks before one of its "?" (the first such), as written up to that mark ("déjà abonné
    ?"), or "": a button may ask too before it ("Subscribe? Already a subscriber? Log in").
    Asked without accents too ("ja e assinante?")."""
    bare = _bare(low)  # (as long as `low`: its places are the same)
    mark = bare.find("?")
    while mark >= 0:
        head = bare[:mark].rstrip(" ")
        if head[head.rfind(" ") + 1 :] in _QUESTION_ENDS:
            for question in _ACCOUNT_QUESTIONS:
                if head.endswith(question):
                    return low[len(head) - len(question) : mark + 1]
        mark = bare.find("?", mark + 1)
    return ""
