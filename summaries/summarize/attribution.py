"""Sentences that name the speaker of the quotation before them: "Det säger Anna Nilsson."

News in many languages name a speaker after the words, in a paragraph of its own that
opens with "that" and a verb of saying: Swedish "Det säger Anna Nilsson, ordförande i
föreningen." ("That is what Anna Nilsson says"), Danish "Det siger ...", Norwegian "Det
sier ...", Finnish "Näin sanoo ...", German "Das sagte ...", Dutch "Dat zegt ...",
Spanish "Así lo dijo ...", Portuguese "Foi o que disse ...", French "C'est ce qu'a
déclaré ...", Italian "Lo ha detto ...". Such a paragraph points back to the quotation and
names who spoke it: neither reads without the other (see :mod:`readable`).

Nordic news also name the speaker of a turn of speech after a dialogue dash in the same
sentence, after a comma: "– Vi ger inte upp, säger hon." (Spanish, Portuguese and the
Slavic languages close the speech with a second dash instead.)

Each language lists the words that open such a paragraph, the auxiliaries that may come
before a participle ("Así lo ha dicho"), its common verbs of saying, and the words that,
right after the verb, show that it names nobody: a reflexive ("Det säger sig självt", it
goes without saying), an amount ("Das sagt viel über die Partei", "Det säger mycket om
..."), an object pronoun ("Dat stelt ons voor een probleem") or an idiom's noun ("Dat
vindt plaats op 12 mei", it takes place).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# language: (openers, auxiliaries, verbs of saying, words naming nobody, speaker after comma)
_TABLE: dict[str, tuple[str, str, str, str, bool]] = {
    "swedish": (
        "Det|Detta|Så",
        "",
        "säger sa sade skriver skrev berättar berättade menar menade förklarar förklarade "
        "konstaterar konstaterade uppger uppgav betonar betonade framhåller framhöll anser "
        "ansåg hävdar hävdade understryker underströk påpekar påpekade tror trodde tycker "
        "tyckte meddelar meddelade svarar svarade tillägger tillade bekräftar bekräftade",
        "sig mycket mer lite allt inget något oss mig dig er",
        True,
    ),
    "danish": (
        "Det|Dette|Så",
        "",
        "siger sagde skriver skrev fortæller fortalte mener mente forklarer forklarede "
        "understreger understregede oplyser oplyste påpeger påpegede vurderer vurderede "
        "konstaterer konstaterede tilføjer tilføjede svarer svarede bekræfter bekræftede "
        "udtaler udtalte",
        "sig meget mere lidt alt intet noget os mig dig jer",
        True,
    ),
    "norwegian": (
        "Det|Dette|Slik|Så",
        "",
        "sier sa skriver skrev forteller fortalte mener mente forklarer forklarte "
        "understreker understreket opplyser opplyste påpeker påpekte konstaterer konstaterte "
        "bekrefter bekreftet svarer svarte uttaler uttalte tror trodde",
        "seg mye mer lite alt ingenting noe oss meg deg dere",
        True,
    ),
    "finnish": (
        "Näin|Tätä|Tämän|Niin",
        "",
        "sanoo sanoi kertoo kertoi toteaa totesi arvioi korostaa korosti muistuttaa "
        "muistutti painottaa painotti kirjoittaa kirjoitti vastaa vastasi lisää lisäsi",
        "",
        True,
    ),
    "german": (
        "Das|Dies",
        "",
        "sagt sagte sagten erklärt erklärte erklärten betont betonte schreibt schrieb "
        "berichtet berichtete meint meinte kritisiert kritisierte",
        "sich viel mehr wenig alles nichts etwas uns mir dir euch",
        False,
    ),
    "dutch": (
        "Dat|Dit",
        "",
        "zegt zei zeiden schrijft schreef meldt meldde stelt stelde vindt vond verklaart "
        "verklaarde",
        "zich veel meer weinig alles niets iets ons me je jullie plaats",
        False,
    ),
    "spanish": (
        "Así lo",
        "ha han había habían",
        "dijo dice afirmó afirma aseguró asegura explicó explica contó cuenta relató señaló "
        "señala declaró indicó indica manifestó anunció reconoció reconoce advirtió subrayó "
        "destacó dicho afirmado asegurado explicado señalado declarado indicado manifestado "
        "anunciado reconocido advertido subrayado destacado expresado",
        "",
        False,
    ),
    "portuguese": (
        "Foi o que|É o que|Assim o",
        "",
        "disse diz afirmou afirma explicou explica declarou garantiu garante defendeu "
        "defende sublinhou sublinha",
        "",
        False,
    ),
    "french": (
        "C'est ce qu'|C'est ce que",
        "a ont avait",
        "déclaré affirmé dit expliqué indiqué assuré estimé souligné annoncé confié "
        "affirme explique indique assure estime souligne déclare confie",
        "",
        False,
    ),
    "italian": (
        "Lo|È quanto",
        "ha hanno",
        "detto spiegato affermato dichiarato annunciato sottolineato assicurato "
        "dice spiega afferma dichiara sottolinea assicura",
        "",
        False,
    ),
}
_EDGE = ",.;:!?\"'”’»"  # punctuation a word may carry


@dataclass(frozen=True, slots=True)
class _Words:
    openers: tuple[str, ...]
    auxiliaries: frozenset[str]
    verbs: frozenset[str]
    naming_nobody: frozenset[str]
    after_comma: bool


@lru_cache(maxsize=32)
def _words(language: str) -> _Words | None:
    entry = _TABLE.get(language)
    if entry is None:
        return None
    openers, auxiliaries, verbs, naming_nobody, after_comma = entry
    return _Words(
        tuple(openers.split("|")),
        frozenset(auxiliaries.split()),
        frozenset(verbs.split()),
        frozenset(naming_nobody.split()),
        after_comma,
    )


def names_speakers_after(language: str) -> bool:
    """Whether news in ``language`` may name a quotation's speaker in the next paragraph."""
    return language in _TABLE


def comma_speech_verbs(language: str) -> frozenset[str]:
    """The verbs of saying that, after a comma, end a turn of speech that a dialogue dash
    opened and name its speaker ("– Vi ger inte upp, säger hon."); none in a language
    that closes the speech with a dash."""
    words = _words(language)
    return words.verbs if words is not None and words.after_comma else frozenset()


def names_speaker_before(sentence: str, language: str) -> bool:
    """Whether ``sentence`` opens by naming the speaker of the quotation before it: "Det
    säger Anna Nilsson." ("That is what Anna Nilsson says"), "Das sagte er.", "Así lo ha
    dicho el ministro.", "C'est ce qu'a déclaré la ministre." (see the module's doc)."""
    words = _words(language)
    if words is None:
        return False
    if "’" in sentence[:16]:
        sentence = sentence.replace("’", "'", 2)
    for opener in words.openers:
        if sentence.startswith(opener) and (
            opener[-1] == "'" or sentence[len(opener) : len(opener) + 1] == " "
        ):
            rest = sentence[len(opener) :].split(None, 3)
            if rest and rest[0] in words.auxiliaries:
                rest = rest[1:]
            if len(rest) < 2 or rest[0] not in words.verbs:
                return False
            return rest[1].rstrip(_EDGE) not in words.naming_nobody and rest[1][:1].isalpha()
    return False


__all__ = ["comma_speech_verbs", "names_speaker_before", "names_speakers_after"]
