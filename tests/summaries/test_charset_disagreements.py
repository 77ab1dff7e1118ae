"""A page whose HTTP charset and own ``<meta charset>`` disagree, served as sites serve it:
read in the charset its bytes are in, never as mojibake."""

from __future__ import annotations

import pytest

from summaries.fetch import fetch_article
from summaries.reading import decode_text
from tests.fakes.feed_server import FeedServer

POLISH = (
    "Rada miasta zatwierdziła we wtorek nowy budżet, który rozszerza komunikację autobusową "
    "w północnych dzielnicach po miesiącach sporów o finansowanie. Urzędnicy powiedzieli, że "
    "plan doda czterdzieści nowych linii do przyszłej wiosny."
)
CHINESE = (
    "市议会周二批准了一项新预算，扩大北部地区的公交服务。此前各方就如何筹措资金进行了数月的辩论。"
    "官员表示，该计划将在明年春天之前新增四十条线路，并且票价至少在两年内保持不变。"
)
RUSSIAN = (
    "Городской совет во вторник одобрил новый бюджет, который расширяет автобусное сообщение "
    "в северных районах. Чиновники заявили, что план добавит сорок новых маршрутов."
)


def page(text: str, meta: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
        f'charset={meta}"><title>{text[:20]}</title></head><body><article><p>{text}</p>'
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("text", "header", "meta", "codec"),
    [
        # a server's default (HTTP/1.1's old one, which decodes any byte) over the page's own
        (POLISH, "iso-8859-1", "iso-8859-2", "iso-8859-2"),
        (CHINESE, "ISO-8859-1", "gbk", "gbk"),
        (RUSSIAN, "windows-1252", "windows-1251", "cp1251"),
        # bytes that are UTF-8, whatever legacy charset either label names
        (POLISH, "windows-1252", "utf-8", "utf-8"),
        (CHINESE, "gbk", "gbk", "utf-8"),
        (RUSSIAN, "windows-1251", "utf-8", "utf-8"),
    ],
    ids=[
        "latin1-over-latin2",
        "latin1-over-gbk",
        "cp1252-over-cp1251",
        "polish-utf8",
        "chinese-utf8",
        "russian-utf8",
    ],
)
def test_a_page_whose_labels_disagree_is_read_in_the_charset_of_its_bytes(
    text, header, meta, codec
):
    with FeedServer() as server:
        server.route("/story", page(text, meta).encode(codec), f"text/html; charset={header}")
        article = fetch_article(server.url("/story"), allow_hosts={"127.0.0.1"})
    assert text in article.text
    assert article.title == text[:20]


def test_a_legacy_label_on_ascii_or_on_its_own_bytes_still_decides():
    assert decode_text(POLISH.encode("iso-8859-2"), "iso-8859-2") == POLISH
    assert decode_text(RUSSIAN.encode("cp1251"), "windows-1251") == RUSSIAN
    assert decode_text(b"plain words", "gbk") == "plain words"
    # a charset the header names stands when the page's meta names none
    latin = page("Le café du port", "x").replace("charset=x", "")
    assert decode_text(latin.encode("cp1252"), "iso-8859-1", html=True) == latin



CZECH = (
    "Městská rada v úterý schválila nový rozpočet, který rozšiřuje autobusovou dopravu v "
    "severních čtvrtích po měsících sporů o financování."
)
HUNGARIAN = (
    "A városi tanács kedden jóváhagyta az új költségvetést, amely kibővíti az "
    "autóbuszjáratokat az északi kerületekben, miután hónapokig vitatkoztak a "
    "finanszírozásról. A tisztviselők szerint a terv negyven új vonalat ad hozzá jövő tavaszig."
)
TURKISH = (
    "Belediye meclisi salı günü kuzey ilçelerinde otobüs hizmetini genişleten yeni bir "
    "bütçeyi onayladı. Yetkililer, planın kırk yeni hat ekleyeceğini söyledi."
)
# Czech's "š" and "ž" and Slovak's "ľ" sit where Windows-1250 has "ą", "ľ" and "µ"
CZECH_DETOURS = (
    "Řidiči musí až do podzimu počítat s objížďkami přes šest sousedních obcí, řekl starosta."
)
SLOVAK = "Mestská rada schválila rozpočet, ľudia však budú čakať na nový most až do zimy."
# Polish's "ą" and "ś" sit where Windows-1250 has "±" and "¶": read so, it is too chaotic
# for charset_normalizer, which then skips ISO-8859-2 as that one's look-alike.
POLISH_SIGNS = (
    "Rząd przyjął w środę projekt ustawy budżetowej. Ludzie obawiają się, że ceny będą rosnąć."
)
CRITICS = (
    " Krytycy twierdzą, że rada nie wyjaśniła, skąd pochodzą pieniądze, a kilku radnych "
    "zażąda niezależnego audytu jeszcze w tym roku. Źródło: urząd miasta w Łodzi."
)

BOSNIAN = (
    "Vijeće ministara Bosne i Hercegovine usvojilo je danas prijedlog zakona o plaćama. "
    "Ministar finansija je rekao da će se plaće povećati od početka sljedeće godine. "
    "Sindikati su izrazili nezadovoljstvo jer smatraju da povećanje nije dovoljno."
)


@pytest.mark.parametrize(
    ("text", "language", "codec"),
    [
        (POLISH + CRITICS, "pl", "iso-8859-2"),
        (POLISH + CRITICS, "pl-PL", "windows-1250"),
        (CZECH, "cs", "windows-1250"),
        (CZECH_DETOURS, "cs", "iso-8859-2"),
        (CZECH_DETOURS, "cs-CZ", "windows-1250"),
        (SLOVAK, "sk", "iso-8859-2"),
        (POLISH_SIGNS, "pl", "iso-8859-2"),
        (HUNGARIAN, "hu", "iso-8859-2"),
        (HUNGARIAN, "hu-HU", "windows-1250"),
        (TURKISH, "tr", "windows-1254"),
        (RUSSIAN, "ru", "koi8-r"),
        (BOSNIAN, "bs", "windows-1250"),
        (BOSNIAN, "bs", "iso-8859-2"),
    ],
    ids=[
        "polish-latin2",
        "polish-cp1250",
        "czech-cp1250",
        "czech-latin2",
        "czech-cp1250-shz",
        "slovak-latin2",
        "polish-latin2-signs",
        "hungarian-latin2",
        "hungarian-cp1250",
        "turkish-cp1254",
        "russian-koi8",
        "bosnian-cp1250",  # the detector rates it Croatian: one language, not another's
        "bosnian-latin2",
    ],
)
def test_a_page_that_declares_no_charset_is_read_in_one_written_for_its_language(
    text, language, codec
):
    html = (
        f'<html lang="{language}"><head><title>Rada</title></head><body><p>{text}</p>'
        "</body></html>"
    )
    with FeedServer() as server:
        server.route("/story", html.encode(codec), "text/html")
        article = fetch_article(server.url("/story"), allow_hosts={"127.0.0.1"})
    assert text in article.text


def test_a_page_labelled_latin1_is_read_as_windows_1252_as_browsers_read_it():
    # Windows-1252's curly quotes and dashes sit where ISO-8859-1 has control characters:
    # read as labelled, "it’s" would lose its apostrophe and the quotes would vanish
    text = "“The buses will run all night,” the mayor said – it’s a first for the city."
    html = f"<html><head><title>Buses</title></head><body><p>{text}</p></body></html>"
    with FeedServer() as server:
        server.route("/story", html.encode("cp1252"), "text/html; charset=ISO-8859-1")
        article = fetch_article(server.url("/story"), allow_hosts={"127.0.0.1"})
    assert text in article.text
    assert decode_text("it’s".encode("cp1252"), "us-ascii") == "it’s"
    # a byte Windows-1252 leaves undefined is still read, as ISO-8859-1 reads it
    assert decode_text(b"caf\xe9 \x81", "iso-8859-1") == "caf\xe9 \x81"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le café était très animé près de la gare, où l’on a vu des élèves à vélo.", "pl"),
        ("Après la fermeture du pont, les bus passeront par le quai nord à côté.", "cs"),
    ],
)
def test_a_page_whose_lang_is_wrong_is_not_read_in_that_languages_charset(text, language):
    # a template's lang: Windows-1250 would read "très" as "trčs" and "à" as "ŕ"
    html = f'<html lang="{language}"><head><title>Gare</title></head><body><p>{text}</p>'
    with FeedServer() as server:
        server.route("/story", html.encode("cp1252"), "text/html")
        article = fetch_article(server.url("/story"), allow_hosts={"127.0.0.1"})
    assert text in article.text


def test_a_page_of_a_neighbour_language_is_read_in_the_charset_its_bytes_fit():
    """A Polish page whose lang says Czech, in Windows-1250: read as ISO-8859-2 it would
    show more Czech letters ("š" for "ą") but control characters for "ś" and "ź", which
    no text holds: that charset does not fit its bytes."""
    html = (
        f'<html lang="cs"><head><title>Rada</title></head><body><p>{POLISH_SIGNS}</p>'
        "</body></html>"
    )
    with FeedServer() as server:
        server.route("/story", html.encode("cp1250"), "text/html")
        article = fetch_article(server.url("/story"), allow_hosts={"127.0.0.1"})
    assert POLISH_SIGNS in article.text
