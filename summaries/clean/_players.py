"""Lines of a video player's or a photo gallery's controls, which a page's text keeps.

A gallery's counter under each picture: the picture's number, "of" in the page's language
and how many there are, maybe after "Photo" and beside the picture's credit in brackets
("1 / 6", "Photo 3 of 12", "Foto 3 von 12", "(Ansa)1 di 5"); nothing else is on the line,
and a count that is a fact of the text ("3 of 12 councillors") has a word after it. A
slash has a space on each side: "1/4" alone is a recipe's quarter cup, "3/12" a date.

A video player's switch and countdown: "Autoplay: On | Up next in 5 seconds", each part
of the line one of them ("Autoplay", its state, "Up next" and a wait in seconds).
"""

from __future__ import annotations

import re

from summaries.clean._labels import lower

# "of" between a picture's number and the count, in the languages of the sites read
_OF = r"\s(?:of|/|von|sur|de|di|van|av|af|z|ze|из|από)\s"
# what may name the picture before its number (lowercase)
_PICTURE = (
    "photo|picture|image|slide|pic|foto|bild|immagine|imagen|imagem|zdjęcie|obrázek|"
    "фото|снимок|φωτογραφία|fotoğraf|kuva|billede"
)
_CREDIT = r"\([^()\d]{1,40}\)"  # "(Ansa)", "(Photo: Reuters)"
_COUNTER = re.compile(
    rf"(?:{_CREDIT}\s*)?(?:(?:{_PICTURE})\.?\s*)?(\d{{1,3}}){_OF}(\d{{1,3}})"
    rf"(?:\s*{_CREDIT})?"
)
_COUNTER_CHARS = 80
_DIGIT = re.compile(r"\d")  # what the counter's numbers are written in (see _COUNTER)
# A video player's switch: "Autoplay" and its state, in the languages of the sites read
_AUTOPLAY = (
    "autoplay|auto-play|autoplay next|lecture automatique|automatische wiedergabe|"
    "autoplay video|reproducción automática|riproduzione automatica|autoodtwarzanie|"
    "automatisch afspelen|reprodução automática|автовоспроизведение"
)
_STATE = "on|off|an|aus|activé|désactivé|activada|desactivada|sí|no|ein|wł|wył|вкл|выкл"
_UP_NEXT = (
    "up next|next video|coming up next|à suivre|als nächstes|a continuación|a seguire|"
    "dalej|volgende|próximo|далее"
)
_WAIT = r"(?:in|dans|en|tra|za|em|через)\s+\d{1,2}\s*(?:seconds?|secs?|s|secondes?|sekunden|"
_WAIT += r"segundos?|secondi|sekund[y]?|seconden|секунд[уы]?)"
_PLAYER_PART = re.compile(
    rf"(?:{_AUTOPLAY})(?:\s*:?\s*(?:{_STATE}))?|(?:{_UP_NEXT})(?:\s*:?\s*{_WAIT})?"
)
_PLAYER_CHARS = 80
# What the line's first part opens with (the switch's or the countdown's words)
_PLAYER_OPENINGS = tuple(f"{_AUTOPLAY}|{_UP_NEXT}".split("|"))


def is_gallery_counter(text: str) -> bool:
    """Whether ``text`` is a gallery's counter alone (see the module's docstring): the
    picture's number no greater than the count, which is two or more."""
    if len(text) > _COUNTER_CHARS or _DIGIT.search(text) is None:  # (the count's figures)
        return False
    found = _COUNTER.fullmatch(lower(text).strip())
    return found is not None and 0 < int(found[1]) <= int(found[2]) and int(found[2]) > 1


def is_player_controls(text: str) -> bool:
    """Whether ``text`` is a video player's switch and countdown alone (see the module's
    docstring), its parts between pipes."""
    if len(text) > _PLAYER_CHARS:
        return False
    if not (low := lower(text)).lstrip().startswith(_PLAYER_OPENINGS):  # (a cheap test)
        return False
    parts = [part.strip() for part in low.split("|")]
    return all(part and _PLAYER_PART.fullmatch(part) for part in parts)
