"""A site's appeal for support and its disclaimer of the sites it links to, by language.

An appeal asks the reader to support, donate to or join the newsroom: "Support
independent journalism: donate now", "Unterstützen Sie unabhängigen Journalismus",
"Faites un don". It opens its sentence with the imperative, as the calls of
:mod:`._clutter` do, and it may follow one sentence the site says of itself ("Riverton
Times is a nonprofit newsroom. Support our reporting today."): a short line whose last
sentence is an appeal is one. Inside a sentence the same words report someone's call
("... urged voters to support our candidates").

A disclaimer says the site is not answerable for the sites it links to ("The BBC is not
responsible for the content of external sites."): a formula, a clause of its own (see
summaries.clean._clutter._has_formula), which a report of it is not ("He said that it
is not responsible ..." holds lowercase words before it).
"""

from __future__ import annotations

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
_ENDS = (". ", "! ", "? ")


def is_appeal_after_sentence(low: str, appeals: tuple[str, ...]) -> bool:
    """Whether the lowercase line `low` is one sentence and then an appeal, one of
    `appeals` opening the last ("x is a nonprofit newsroom. support our reporting.")."""
    cut = max(low.rfind(". "), low.rfind("! "), low.rfind("? "))
    if cut < 0 or not low.startswith(appeals, cut + 2):
        return False
    return not any(end in low[:cut] for end in _ENDS)
