"""A post's data and its pictures' credits in the languages of Europe's news sites: the
block of labelled lines after a story ("Kategorie: Politik", "Foto: dpa / Text: Max
Muster", "Schlagworte: ..."), a credit alone on its line, and a sentence that merely
opens with the word "Photo"."""

import pytest

from summaries.clean import clean_text, main_text

STORY = {
    "english": [
        "The Harbour Bridge will close to all traffic from June for six months while "
        "engineers replace its cables, the city council said on Thursday.",
        "Commuters have been told to expect longer journeys, with the council estimating "
        "that around 40,000 vehicles cross the bridge every weekday.",
    ],
    "german": [
        "Der Stadtrat hat am Montag beschlossen, die Brücke über den Hafen im Frühjahr zu "
        "sanieren und den Verkehr für sechs Monate umzuleiten.",
        "Die Arbeiten sollen nach Angaben der Stadt rund acht Monate dauern und etwa zwölf "
        "Millionen Euro kosten.",
    ],
    "french": [
        "Le conseil municipal a décidé lundi de rénover le pont du port au printemps et de "
        "dévier la circulation pendant six mois.",
        "Les travaux devraient durer environ huit mois et coûter douze millions d'euros, "
        "selon la mairie.",
    ],
    "spanish": [
        "El ayuntamiento decidió el lunes reformar el puente del puerto en primavera y "
        "desviar el tráfico durante seis meses.",
        "Las obras durarán unos ocho meses y costarán doce millones de euros, según el "
        "consistorio.",
    ],
    "italian": [
        "Il consiglio comunale ha deciso lunedì di ristrutturare il ponte del porto in "
        "primavera e di deviare il traffico per sei mesi.",
        "I lavori dureranno circa otto mesi e costeranno dodici milioni di euro, secondo il "
        "comune.",
    ],
    "portuguese": [
        "A câmara municipal decidiu na segunda-feira reformar a ponte do porto na primavera "
        "e desviar o trânsito durante seis meses.",
        "As obras devem durar cerca de oito meses e custar doze milhões de euros, segundo a "
        "prefeitura.",
    ],
    "dutch": [
        "De gemeenteraad heeft maandag besloten de brug over de haven in het voorjaar te "
        "renoveren en het verkeer zes maanden om te leiden.",
        "De werkzaamheden duren volgens de gemeente ongeveer acht maanden en kosten twaalf "
        "miljoen euro.",
    ],
}


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


@pytest.mark.parametrize(
    ("language", "data"),
    [
        (
            "german",
            ["Kategorie: Politik", "Foto: dpa / Text: Max Muster", "Schlagworte: Hafen, Brücke"],
        ),
        ("german", ["Rubrik: Lokales", "Bildquelle: Anna Berg"]),
        ("french", ["Catégorie : Politique", "Crédit photo : AFP", "Mots-clés : port, pont"]),
        ("french", ["Rubrique : Société", "Étiquettes : port, travaux"]),
        ("spanish", ["Categoría: Política", "Foto: EFE / Texto: Ana Gómez", "Etiquetas: puerto"]),
        ("italian", ["Categoria: Cronaca", "Foto: Ansa", "Argomenti: porto, ponte"]),
        ("portuguese", ["Categoria: Cidades", "Foto: Agência Brasil", "Palavras-chave: ponte"]),
        ("dutch", ["Categorie: Binnenland", "Beeld: ANP", "Trefwoorden: haven, brug"]),
    ],
)
def test_a_posts_data_in_other_languages_is_no_list_of_facts(language, data):
    """Its category, credits and tags are labelled short lines: one known as a post's
    labels or a credit makes the run the post's data, and all of it goes."""
    story = STORY[language]
    assert _lines(main_text("\n".join([*story, *data]))) == story


@pytest.mark.parametrize(
    "credit",
    [
        "Foto: dpa",
        "Bildquelle: Anna Berg",
        "Fotografía: EFE",
        "Immagine: Ansa",
        "Beeld: ANP",
        "Fot. PAP/Jan Kowalski",
        "Zdjęcie: Reuters",
        "Fotoğraf: AA",
        "Фото: ТАСС",
        "Crédit photo : AFP",
        "Photo: Jane Doe",
        "Photo: AFP",
        "Photo: courtesy of the Harbour Council.",
        "Photos: Getty Images",
        "Autor: Jan Kowalski",
        "Auteur : Claire Dubois",
        "Author: Jane Doe and John Smith",
    ],
)
def test_a_credit_or_a_labelled_byline_alone_on_its_line_goes(credit):
    """A credit's or a byline's label in any of these languages, and names: people, an
    outlet."""
    story = STORY["german"]
    assert _lines(main_text("\n\n".join([story[0], credit, story[1]]))) == story


def test_labelled_facts_in_another_language_are_still_kept():
    """An outfit's makers in German are facts the story states: no label of a post's data."""
    facts = ["Jacke: Hafenstrick", "Stiefel: Westbrück", "Schal: Kaiwolle"]
    story = STORY["german"]
    assert _lines(main_text("\n".join([story[0], *facts, story[1]]))) == [
        story[0],
        *facts,
        story[1],
    ]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "english",
            "Photo: the mayor said the road would open in May, a month later than planned.",
        ),
        ("french", "Photo : le maire a dit que la route ouvrirait en mai, un mois plus tard."),
        ("german", "Foto: die Straße werde erst im Mai eröffnet, sagte der Bürgermeister."),
    ],
)
def test_a_sentence_that_opens_with_the_word_photo_is_kept(language, sentence):
    """A credit names people and outlets, a caption opens with a capital ("Photo:
    Firefighters work at the scene."): a sentence running on in lowercase after the word
    is the story's own."""
    story = STORY[language]
    text = "\n\n".join([story[0], sentence, story[1]])
    assert _lines(main_text(text)) == [story[0], sentence, story[1]]
    assert sentence in clean_text(text)


@pytest.mark.parametrize(
    "line",
    [
        "Czytaj także: Tunel w porcie otwarty po trzech latach remontu",
        "Zobacz też",
        "İlgili Haber: Liman tüneli yeniden açıldı",
        "İlgili haberler",
        "Lees ook: Tunnel onder de haven weer open",
        "Tagi: most, port, remont",
        "Etiketler: köprü, liman, trafik",
        "Теги: мост, порт",
    ],
)
def test_a_link_to_another_story_or_a_posts_tags_go_in_more_languages(line):
    """Polish, Turkish and Dutch links to other stories, and Polish, Turkish and Russian
    tags, as the other languages' (see test_clutter_languages)."""
    story = STORY["german"]
    text = "\n\n".join([story[0], line, story[1]])
    assert _lines(main_text(text)) == story
    assert line not in clean_text(text)


@pytest.mark.parametrize(
    ("language", "stamp"),
    [
        ("portuguese", "14/03/2024 08h15 Atualizado há 2 horas"),
        ("french", "Mis à jour 14/03/2024 10h30"),
    ],
)
def test_a_date_stamp_with_a_time_written_08h15_goes(language, stamp):
    """French and Portuguese write a time "08h15": a date token, as "08:15" is."""
    story = STORY[language]
    assert _lines(main_text("\n\n".join([story[0], stamp, story[1]]))) == story


@pytest.mark.parametrize("byline", ["di Marco Rossi", "by Jane Doe", "von Max Muster"])
def test_a_byline_in_lowercase_under_the_headline_is_no_part_of_it(byline):
    """An Italian byline opens with "di" in lowercase, as a line that goes on with the
    one before does: it leaves with the other bylines, the headline stays whole."""
    headline = "Il ponte del porto chiude per sei mesi da giugno"
    story = STORY["italian"]
    text = "\n".join([headline, byline, *story])
    assert _lines(main_text(text)) == [headline, *story]


def test_a_line_of_prose_that_opens_with_by_still_goes_on_with_the_one_before():
    """Only a byline alone (names after "by") stands apart: prose that opens with the word
    continues the line it was broken from."""
    text = (
        "The latter issue was addressed\nby teaching Mercurial's annotate feature to skip "
        "revisions made by tools."
    )
    assert _lines(main_text(text)) == [text.replace("\n", " ")]


CHINESE = "市政府14日宣布，港口大桥将从6月起全面封闭六个月。检测发现大桥缆索存在严重损伤。"


@pytest.mark.parametrize(
    ("story", "widget"),
    [
        (STORY["french"], "Partager sur Facebook Partager sur X Envoyer par e-mail Copier le lien"),
        (STORY["italian"], "Condividi su Facebook Condividi su Twitter"),
        (STORY["german"], "Поделиться: ВКонтакте Telegram Одноклассники"),
        (STORY["german"], "Udostępnij na Facebooku Udostępnij na X Wyślij e-mailem"),
        ([CHINESE], "分享到：微信 微博 QQ空间"),
        ([CHINESE], "シェア X Facebook LINE はてなブックマーク"),
    ],
)
def test_a_share_widget_leaves_the_main_text(story, widget):
    """A share widget opens with its verb and names the networks, and ends no sentence."""
    text = "\n\n".join([story[0], widget, *story[1:]])
    assert _lines(main_text(text)) == story


@pytest.mark.parametrize(
    "sentence",
    [
        "Teilen Sie uns Ihre Meinung zur Sanierung der Brücke per E-Mail mit.",
        "Deelnemers konden per e-mail stemmen over de nieuwe brug",
    ],
)
def test_a_line_that_opens_with_a_share_verb_but_says_something_stays(sentence):
    story = STORY["german"]
    text = "\n\n".join([story[0], sentence, story[1]])
    assert _lines(main_text(text)) == [story[0], sentence, story[1]]


@pytest.mark.parametrize(
    "line", ["（記者：鈴木一郎）", "【责任编辑：张伟】", "2024年3月14日 8時15分", "2024年3月14日"]
)
def test_a_chinese_or_japanese_credit_in_brackets_or_date_stamp_goes(line):
    """A credit label and a name in brackets is a credit as it is without them; a date
    written 2024年3月14日, a word of its own, is a date stamp's as 14/03/2024 is."""
    text = "\n\n".join([CHINESE, line, CHINESE + "港口。"])
    assert _lines(main_text(text)) == [CHINESE, CHINESE + "港口。"]


@pytest.mark.parametrize(
    "line", ["（記者：今回の決定についてどう思いますか？）", "2024年3月14日市政府宣布大桥封闭"]
)
def test_an_interview_question_or_a_headline_opening_with_a_date_stays(line):
    text = "\n\n".join([CHINESE, line, CHINESE + "港口。"])
    assert line in _lines(main_text(text))


def test_a_books_facts_with_its_author_stay():
    """An author's label among other labelled facts is one of a book's facts."""
    facts = ["Titel: Die Brücke", "Autor: Stephen King", "Verlag: Heyne"]
    story = STORY["german"]
    text = "\n\n".join([story[0], "\n".join(facts), story[1]])
    assert _lines(main_text(text)) == [story[0], *facts, story[1]]
