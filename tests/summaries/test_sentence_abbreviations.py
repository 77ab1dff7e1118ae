"""Abbreviations of scripts other than Latin, and the titles Italian, Dutch and Polish write
in lowercase: a title before a name ends no sentence; an abbreviation that ends a sentence
still does before a word that opens one."""

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
        # titles in lowercase before a name, Polish "ok." before a number
        ("polish", ["Dyrektor ds. transportu prof. Jan Kowalski zabrał głos.", "Sala była pełna."]),
        ("polish", ["Koszt wyniesie ok. 5 mln zł rocznie.", "To mniej niż zakładano."]),
        ("polish", ["Zmiany dotyczą m.in. Krakowa i Gdańska.", "Rada zgodziła się."]),
        ("polish", ["Kupili chleb, mleko itd.", "Potem wyszli z domu."]),
        ("polish", ["Lekarz przepisał nowy lek.", "Pacjent poczuł się lepiej."]),
        ("italian", ["Il prof. Rossi ha parlato per un'ora.", "Poi ha risposto alle domande."]),
        ("dutch", ["Volgens wethouder dr. Jansen kost het plan geld.", "De raad stemt later."]),
        ("dutch", ["Het plan komt van prof. De Vries.", "Hij wil snel beginnen."]),
        ("italian", ["Ne ha parlato il prof. La Russa in aula.", "Poi se ne è andato."]),
        # a title that is also a word ends a sentence before a word that opens one:
        # Dutch "prof" (a professional), Italian "la prof" (a teacher), Polish "ok"
        # ("okay") and "godz." (hours) after a figure
        ("dutch", ["In 2015 werd hij prof.", "Hij reed vier jaar voor een Belgische ploeg."]),
        ("italian", ["Lo studente ha aggredito la prof.", "Il preside lo ha sospeso."]),
        ("polish", ["Wszystko jest ok.", "Jutro wracam do pracy, powiedział zawodnik."]),
        ("polish", ["Przerwa trwała 2 godz.", "W tym czasie naprawiono tory."]),
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


YEAR_ABBREVIATION = [
    ["в 2020 г. Москва приняла закон о парковках в центре.", "Потом всё изменилось."],
    ["Это случилось в 2020 г.", "Потом город изменился."],
    ["Завод закрыли в 2019 г.", "Позже на его месте построили парк."],
    ["Закон действует с 2021 г.", "С тех пор штрафы выросли вдвое."],
    ["В 2018–2020 гг. Петров руководил заводом.", "Затем он ушёл в отставку."],
]


@pytest.mark.parametrize("language", ["russian", "english"])
@pytest.mark.parametrize("sentences", YEAR_ABBREVIATION)
def test_the_year_abbreviation_ends_a_sentence_only_before_a_word_that_opens_one(
    language: str, sentences: list[str]
) -> None:
    """ "г." (год) may end a sentence: it does before a word written with a capital only at
    a sentence's start (a pronoun, a preposition, an adverb: "Потом", "Позже", "С тех
    пор"), not before a name ("в 2020 г. Москва приняла"). The rules of English, which read
    a text whose language is unknown, know the words of other scripts too."""
    assert split_sentences(" ".join(sentences), language) == sentences


def test_the_rules_of_english_keep_an_abbreviation_of_another_script_with_its_name() -> None:
    """ "ул. Ленина", "проф. Иванов" read by the fallback rules stay one sentence."""
    text = "Выступил проф. Иванов, он живёт на ул. Ленина с семьёй."
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    ("language", "sentences"),
    [
        ("hindi", ["उन्होंने 10. तारीख को बैठक बुलाई थी।", "सब लोग आए।"]),
        ("hindi", ["Smt. सीता देवी ने कहा कि Rs. 500 की मदद मिली।", "यह काफी नहीं है।"]),
        ("hindi", ["Sharma Pvt. Ltd. ने बयान जारी किया।", "कंपनी जांच में सहयोग करेगी।"]),
        ("hindi", ["उन्होंने कहा, \"It is over.", "We are going home.\"", "फिर वे चले गए।"]),
        ("hindi", ["डॉ. शर्मा ने कहा।", "The Times ने भी यही लिखा।"]),
        ("bengali", ["Rs. 500 করে সবাই পেয়েছেন।", "সরকার খুশি।"]),
    ],
)
def test_a_full_stop_in_a_danda_text_is_read_by_what_stands_around_it(
    language: str, sentences: list[str]
) -> None:
    """In a text that ends its sentences with the danda, a "." before a figure or a word
    of its own script ends no sentence (a number, "Rs. 500", "Smt. सीता"), nor one before
    a Latin word (a name, "Pvt. Ltd.") unless that word opens English sentences; one
    inside closing quotes ends a quotation."""
    assert split_sentences(" ".join(sentences), language) == sentences


@pytest.mark.parametrize(
    ("language", "sentences"),
    [
        (
            "hindi",
            [
                "सरकार ने नई योजना शुरू की।",
                "The scheme was launched on Monday.",
                "Farmers welcomed it.",
                "इसका लाभ किसानों को मिलेगा।",
            ],
        ),
        (
            "bengali",
            ["সরকার নতুন প্রকল্প চালু করেছে।", "He said it was a good day.", "এটা ভালো খবর।"],
        ),
        ("hindi", ["कंपनी ने बयान जारी किया।", "Shares rose sharply.", "Sharma Pvt. Ltd. ने कहा।"]),
        ("hindi", ["यह योजना पुरानी है।", "The project ended.", "2025 was a good year.", "बस।"]),
        ("hindi", ["गांव शहर से 5 km. दूर है।", "The road is closed.", "वहां सड़क नहीं है।"]),
    ],
)
def test_an_english_sentence_in_a_danda_text_ends_at_its_full_stop(
    language: str, sentences: list[str]
) -> None:
    """A "." after an English word that is no abbreviation (in lowercase, or a longer
    capitalised one: "Monday") ends an English sentence quoted in a danda text, before a
    word of any script or a figure: it is no "Pvt." or "Smt." of a name, nor a unit after
    a figure ("5 km.")."""
    assert split_sentences(" ".join(sentences), language) == sentences
