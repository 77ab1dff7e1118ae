"""Labels are compared without the accents of Latin letters: taken off character for
character (a place in the bare text is the same place in the text), as the search index
takes them off."""

from __future__ import annotations

import unicodedata

from summaries.folding import without_latin_accents
from summaries.store.vocabulary import spelled


def test_each_letter_loses_the_accents_the_index_takes_off() -> None:
    """For every character, the bare letter is what the index reads (lower case aside)."""
    for code in range(0x80, 0x2000):
        char = chr(code)
        if unicodedata.category(char) in ("Cs", "Cn"):
            continue
        bare = without_latin_accents(unicodedata.normalize("NFC", char))
        assert bare.lower() == spelled(char), char


def test_the_bare_text_keeps_every_place() -> None:
    text = "Já é assinante? Déjà abonné ? Ελλάδα, новый, Straße, łódź"
    bare = without_latin_accents(text)
    assert bare == "Ja e assinante? Deja abonne ? Ελλάδα, новый, Straße, łodz"
    assert len(bare) == len(text)
