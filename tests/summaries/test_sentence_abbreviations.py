"""Abbreviations of scripts other than Latin: a title before a name ends no sentence; an
abbreviation that ends a sentence still does before a word that opens one."""

from __future__ import annotations

import pytest

from summaries.sentences import split_sentences


@pytest.mark.parametrize(
    ("language", "sentences"),
    [
        # Hindi and Bengali end a sentence with the danda: a "." there is an abbreviation's
        ("hindi", ["डॉ. शर्मा ने कहा कि अस्पताल अगले महीने खुलेगा।", "मरीज खुश हैं।"]),
        ("hindi", ["अस्पताल का उद्घाटन प्रो. वर्मा ने किया।", "डॉ. शर्मा भी वहाँ थे।"]),
        ("bengali", ["ডা. রহমান বলেন, হাসপাতাল আগামী মাসে খুলবে।", "রোগীরা খুশি।"]),
        ("russian", ["Он окончил МГУ им. Ломоносова в 1990 году.", "Потом он уехал в Казань."]),
        ("russian", ["Выступил проф. Иванов с докладом о климате.", "Зал был полон."]),
        ("russian", ["Жители ул. Ленина жалуются на шум, т.е. на стройку.", "Мэрия молчит."]),
        ("russian", ["Завод построили в 2020 г.", "В прошлом году он закрылся."]),
        ("russian", ["Привезли овощи, фрукты и т. д.", "Потом рынок закрылся."]),
        ("russian", ["Мы обещали помочь им.", "Они согласились."]),
        ("russian", ["Учёные нашли новый ген.", "Он отвечает за старение клеток."]),
        ("russian", ["Его перевели в другой полк.", "Там служба была тяжелее."]),
        ("russian", ["Высота стены составляет 180 см.", "Это выше нормы."]),
        ("russian", ["Подорожали хлеб и рис.", "Также выросли цены на гречку."]),
        ("russian", ["Купили хлеб, молоко и пр.", "Потом ушли."]),
        ("russian", ["Крупные города, напр. Казань, растут.", "Села пустеют."]),
        ("ukrainian", ["Він закінчив КНУ ім. Шевченка.", "Потім він поїхав до Львова."]),
        ("ukrainian", ["Вчені знайшли новий ген.", "Він відповідає за старіння."]),
        ("ukrainian", ["Великі міста, напр. Львів, ростуть.", "Села порожніють."]),
        ("greek", ["Ο Δρ. Παπαδόπουλος είπε ότι θα έρθει.", "Μετά έφυγε."]),
        ("greek", ["Ο καθ. Γεωργίου θα μιλήσει;", "Κανείς δεν ξέρει."]),
        ("greek", ["Έφεραν φρούτα, λαχανικά κ.λπ.", "Μετά έφυγαν."]),
        ("arabic", ["قال د. أحمد إن المستشفى سيفتح الشهر المقبل.", "ثم غادر."]),
    ],
)
def test_an_abbreviation_is_split_as_a_reader_reads_it(language: str, sentences: list[str]) -> None:
    """Each sentence whole: a title before a name stays with it, a sentence-final
    abbreviation ends its sentence before a word that opens one."""
    assert split_sentences(" ".join(sentences), language) == sentences


def test_a_full_stop_in_a_hindi_text_without_the_danda_still_ends_a_sentence() -> None:
    """The danda rule reads a text that uses the danda; one that ends its sentences with
    "." is split at them."""
    text = "अस्पताल अगले महीने खुलेगा. मरीज खुश हैं."
    assert split_sentences(text, "hindi") == ["अस्पताल अगले महीने खुलेगा.", "मरीज खुश हैं."]
