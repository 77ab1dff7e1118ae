"""A page that states neither its charset nor its language, in a legacy single-byte charset:
read in the one whose reading is plausible text, not as Windows-1252 by default."""

from __future__ import annotations

import time
import unicodedata

import pytest

from summaries.fetch import fetch_article
from summaries.reading import decode_text
from tests.fakes.feed_server import FeedServer

POLISH = (
    "W środę w Gdańsku otwarto nowy most zwodzony na Motławie, który łączy Śródmieście z "
    "Wyspą Spichrzów. Przeprawa kosztowała 52 miliony złotych."
)
CZECH = (
    "Městská rada v úterý schválila nový rozpočet, který rozšiřuje autobusovou dopravu v "
    "severních čtvrtích po měsících sporů o financování."
)
RUSSIAN = (
    "Городской совет во вторник одобрил новый бюджет, который расширяет автобусное сообщение "
    "в северных районах. Чиновники заявили, что план добавит сорок новых маршрутов."
)
UKRAINIAN = (
    "Верховна Рада ухвалила в четвер новий бюджет, який збільшує видатки на освіту. Міністр "
    "фінансів заявив, що дефіцит не зросте, а ціни на їжу залишаться стабільними."
)
GREEK = (
    "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη νέο προϋπολογισμό, που επεκτείνει τις "
    "λεωφορειακές γραμμές στις βόρειες συνοικίες της Αθήνας."
)
TURKISH = (
    "Belediye meclisi salı günü kuzey ilçelerinde otobüs hizmetini genişleten yeni bir "
    "bütçeyi onayladı. Yetkililer, planın kırk yeni hat ekleyeceğini söyledi."
)
FRENCH = (
    "Le café du port rouvre ses portes après les travaux de la jetée, a annoncé la mairie. "
    "Les habitués étaient déjà là à sept heures, et le patron a offert le premier crème."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag den Haushalt für das nächste Jahr beschlossen. Die Straße "
    "zum Bahnhof wird über den Sommer gesperrt, hieß es im Rathaus."
)
SPANISH = (
    "¿Qué pasará con el puerto? El ayuntamiento aprobó el martes un presupuesto que amplía "
    "el servicio de autobuses. «Es una buena noticia», dijo la señora García."
)
HEBREW = (
    "מועצת העיר אישרה ביום שלישי תקציב חדש, המרחיב את קווי האוטובוס בשכונות הצפון. "
    "לדברי הפקידים, התוכנית תוסיף ארבעים קווים חדשים."
)
POINTED_HEBREW = "בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ"  # (vowel points)
ARABIC = (
    "وافق مجلس المدينة يوم الثلاثاء على ميزانية جديدة توسع خدمة الحافلات في الأحياء "
    "الشمالية. وقال المسؤولون إن الخطة ستضيف أربعين خطا جديدا."
)
VIETNAMESE = (
    "Hội đồng thành phố hôm thứ Ba đã thông qua ngân sách mới, mở rộng các tuyến xe buýt ở "
    "những quận phía bắc. Các quan chức cho biết kế hoạch sẽ thêm bốn mươi tuyến."
)
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # (Windows-1258 writes them after the letter)


def in_windows_1258(text: str) -> bytes:
    """``text`` as Windows-1258 writes it: a letter it has ("ê", "ơ"), then its tone."""
    out = bytearray()
    for char in text:
        marks = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(c for c in marks if c not in _TONES))
        out += (letter + "".join(c for c in marks if c in _TONES)).encode("cp1258")
    return bytes(out)


def page(text: str) -> str:
    return f"<html><head><title>{text[:20]}</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (POLISH, "iso-8859-2"),
        (POLISH, "windows-1250"),
        (CZECH, "iso-8859-2"),
        (CZECH, "windows-1250"),
        (RUSSIAN, "windows-1251"),
        (RUSSIAN, "koi8-r"),
        (UKRAINIAN, "koi8-u"),
        (GREEK, "windows-1253"),
        (TURKISH, "windows-1254"),
        (FRENCH, "windows-1252"),
        (GERMAN, "windows-1252"),
        (SPANISH, "windows-1252"),
        (HEBREW, "windows-1255"),
        (POINTED_HEBREW, "windows-1255"),
        (ARABIC, "windows-1256"),
    ],
)
def test_a_page_that_states_no_charset_nor_language_is_read_in_the_one_its_text_shows(
    text, codec
):
    html = page(text)
    assert decode_text(html.encode(codec), None, html=True) == html
    assert decode_text(text.encode(codec)) == text  # a text file too
    with FeedServer() as server:
        server.route("/story", html.encode(codec), "text/html")
        article = fetch_article(server.url("/story"), allow_hosts={"127.0.0.1"})
    assert text in article.text
    assert article.title == text[:20].strip()


def test_a_vietnamese_page_in_windows_1258_that_states_no_charset_is_read_in_it():
    html = page(VIETNAMESE)
    read = decode_text(in_windows_1258(html), None, html=True)
    assert unicodedata.normalize("NFC", read) == html


def test_a_long_run_of_ascii_in_a_page_is_weighed_in_time():
    """An image inlined in base64: a run of ASCII with no space, read once, not once from
    each of its bytes (its 100 kB took a minute)."""
    image = f'<img src="data:image/png;base64,{"A" * 100_000}">'
    html = page(FRENCH).replace("<p>", image + "<p>")
    start = time.process_time()
    assert decode_text(html.encode("cp1252"), None, html=True) == html
    assert time.process_time() - start < 1.0
