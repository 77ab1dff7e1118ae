"""News pages in ten languages, laid out as their sites lay them out: a dateline, captions
and their credits, a share widget, links to other stories, the post's data and tags, an
author's box, a call to subscribe, a copyright line. What is stored keeps the story and
leaves that furniture; the sentences a briefing quotes hold the story alone."""

from pathlib import Path

import pytest

from summaries.reading import article_from_bytes
from summaries.summarize import article_texts

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"

# page: (words of the story's paragraphs, in order; the furniture's words)
NEWS: dict[str, tuple[list[str], list[str]]] = {
    "de": (
        [
            "Die Hafenbrücke wird ab Juni",
            "rund 40.000 Fahrzeuge",
            "keine andere Wahl",
            "zwölf Millionen Euro",
            "befürchtet Umsatzeinbußen",
        ],
        [
            "Kategorie: Politik",
            "Foto: dpa",
            "Schlagworte:",
            "Lesen Sie auch",
            "Teilen",
            "Alle Rechte vorbehalten",
            "Foto: dpa/Carsten Rehder",
            "Das könnte Sie auch",
        ],
    ),
    "fr": (
        [
            "Le pont du port sera entièrement fermé",
            "Environ 40 000 véhicules",
            "a répondu « non ».",
            "Le maire a assuré",
            "douze millions d'euros",
        ],
        [
            "Catégorie : Politique",
            "Crédit photo",
            "Mots-clés",
            "Lire aussi",
            "Partager sur",
            "Abonnez-vous",
            "Tous droits réservés",
            "Sur le même sujet",
        ],
    ),
    "es": (
        [
            "El puente del puerto permanecerá cerrado",
            "Unos 40.000 vehículos",
            "No hay otra opción",
            "doce millones de euros",
            "temen una caída",
        ],
        [
            "Etiquetas:",
            "Foto: EFE",
            "Categoría: Política",
            "Lee también",
            "Compartir en",
            "Suscríbete",
            "Todos los derechos reservados",
        ],
    ),
    "it": (
        [
            "Il ponte del porto resterà chiuso",
            "circa 40.000 veicoli",
            "Non abbiamo alternative",
            "dodici milioni di euro",
            "temono un calo",
        ],
        [
            "Categoria: Cronaca",
            "Foto: Ansa",
            "Argomenti:",
            "Leggi anche",
            "Condividi su",
            "Riproduzione riservata",
            "di Marco Rossi",
        ],
    ),
    "pt": (
        [
            "A ponte do porto ficará totalmente fechada",
            "Cerca de 40 mil veículos",
            "Não temos alternativa",
            "12 milhões de reais",
            "temem queda nas vendas",
        ],
        [
            "Categoria: Cidades",
            "Foto: Agência Brasil",
            "Palavras-chave",
            "Leia também",
            "Compartilhar no",
            "Inscreva-se",
            "Todos os direitos reservados",
            "08h15",
        ],
    ),
    "ru": (
        [
            "Мост в порту будет полностью закрыт",
            "около 40 тыс. автомобилей",
            "ответил «нет».",
            "Мэр заверил",
            "1,2 млрд руб.",
        ],
        [
            "Фото: ТАСС",
            "Читайте также",
            "Поделиться",
            "Подписывайтесь",
            "Все права защищены",
        ],
    ),
    "pl": (
        [
            "Most w porcie będzie całkowicie zamknięty",
            "około 40 tys. pojazdów",
            "Nie mamy innego wyjścia",
            "50 mln zł",
            "obawiają się spadku",
        ],
        ["Fot. PAP", "Czytaj także", "Tagi:", "Zdjęcie: PAP", "Udostępnij na", "Autor: Jan"],
    ),
    "tr": (
        [
            "Liman köprüsü haziran ayından itibaren",
            "yaklaşık 40 bin araç",
            "Başka seçeneğimiz yok",
            "400 milyon liraya",
            "esnaf satışların",
        ],
        ["Fotoğraf: AA", "İlgili Haber", "Etiketler:", "Tüm hakları saklıdır"],
    ),
    "ja": (
        [
            "全面通行止めにすると発表した",
            "約4万台の車",
            "ほかに選択肢はない",
            "約20億円",
            "売り上げの減少を懸念",
        ],
        [
            "撮影：山田太郎",
            "関連記事",
            "記者：鈴木一郎",
            "無断転載",
            "はてなブックマーク",
            "2024年3月14日 8時15分",
        ],
    ),
    "zh": (
        [
            "港口大桥将从6月起全面封闭六个月",
            "日均车流量约4万辆",
            "我们别无选择",
            "约1亿元",
            "担心营业额下降",
        ],
        ["摄影：王明", "延伸阅读", "责任编辑", "分享到", "来源：滨海日报"],
    ),
}


# The dateline opening the lede: stored with the story, where it was reported from, but
# no sentence of a briefing (see summaries.clean._datelines).
DATELINES = {
    "de": "Hamburg (dpa) -",
    "es": "VALENCIA, 14 mar (EFE).-",
    "fr": "MARSEILLE (AFP) -",
    "ru": "ВЛАДИВОСТОК, 14 марта.",
    "tr": "İZMİR (AA) -",
    "zh": "本报讯",
}


@pytest.fixture(scope="module", params=sorted(NEWS))
def page(request) -> tuple[str, str, str, str]:
    """The page's name, its stored main text, its sentences and its language."""
    raw = (PAGES / f"news_{request.param}.html").read_bytes()
    text, sentences, language = article_texts(article_from_bytes(raw, "page.html"))
    return request.param, text, sentences, language


def test_the_story_is_kept_in_order(page):
    name, text, sentences, _ = page
    story, _ = NEWS[name]
    for words in story:
        assert words in text, words
        assert words in sentences, words
    assert sorted(story, key=sentences.index) == story


def test_the_furniture_leaves_the_sentences_and_the_stored_text(page):
    name, text, sentences, _ = page
    _, furniture = NEWS[name]
    for words in furniture:
        assert words not in sentences, words
        assert words not in text, words


def test_the_dateline_is_stored_but_opens_no_sentence(page):
    name, text, sentences, _ = page
    if name not in DATELINES:
        pytest.skip("no dateline on this page")
    assert DATELINES[name] in text
    assert DATELINES[name] not in sentences
