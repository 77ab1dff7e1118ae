"""Decoding what sites and files send: the declared charset when the bytes decode in it,
else what the bytes show; never U+FFFD where a letter was."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest

from summaries.cli import EXIT_OK, main
from summaries.errors import BinaryInputError
from summaries.fetch import fetch_article
from summaries.reading import article_from_bytes, decode_text
from summaries.sources import read_folder
from tests.fakes.feed_server import FeedServer

FRENCH = (
    "Le café du port rouvre ses portes après les travaux de la jetée, a annoncé la mairie. "
    "Les habitués étaient déjà là à sept heures, et le patron a offert le premier crème."
)
RUSSIAN = (
    "Правительство объявило о новых мерах поддержки экономики. Министр финансов заявил, "
    "что бюджет будет сбалансирован, а налоги не вырастут."
)


@pytest.mark.parametrize(
    ("text", "charset"),
    [(FRENCH, "iso-8859-1"), (FRENCH, "cp1252"), (RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r")],
)
def test_bytes_labelled_utf8_that_are_not_are_decoded_by_what_they_show(text, charset):
    assert decode_text(text.encode(charset), "utf-8") == text
    page = f"<html><head><title>x</title></head><body><p>{text}</p></body></html>"
    assert decode_text(page.encode(charset), "utf-8", html=True) == page


def test_the_declared_charset_then_the_page_meta_then_utf8():
    assert decode_text("Grüße".encode(), "utf-8") == "Grüße"
    assert decode_text("Grüße".encode("cp1252"), "windows-1252") == "Grüße"
    page = '<html><head><meta charset="windows-1251"></head><body>Привет, мир</body></html>'
    assert decode_text(page.encode("cp1251"), None, html=True) == page
    assert decode_text(page.encode("cp1251"), "no-such-charset", html=True) == page
    assert decode_text("\ufeffGrüße".encode()) == "Grüße"  # a byte order mark is no text


@pytest.mark.parametrize("text", [FRENCH, RUSSIAN])
@pytest.mark.parametrize("declared", ["utf-8", None])
def test_utf8_with_a_stray_byte_is_read_as_utf8_and_not_as_a_legacy_charset(text, declared):
    page = f"<html><head><title>x</title></head><body><p>{text}</p><p>{{}}</p></body></html>"
    data = page.encode().replace(b"{}", b"\xe9")  # (a Latin-1 "é" pasted in)
    assert decode_text(data, declared, html=True) == page.replace("{}", "\ufffd")
    assert decode_text(data, declared) == page.replace("{}", "\ufffd")  # a text file too
    charset = "cp1251" if text == RUSSIAN else "cp1252"
    legacy = page.replace("{}", "").encode(charset) + "é".encode()  # (one UTF-8 sequence)
    assert decode_text(legacy, declared, html=True) == legacy.decode(charset)


def test_a_legacy_page_with_a_script_in_utf8_is_read_in_its_own_charset():
    script = "<script>var labels = {}</script>".format(["Résumé", "Économie"] * 200)
    page = f"<html><head>{script}</head><body><p>{FRENCH}</p></body></html>"
    data = page.encode("cp1252").replace(script.encode("cp1252"), script.encode())
    assert FRENCH in decode_text(data, None, html=True)


def test_summarize_a_latin1_text_file(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes(FRENCH.encode("iso-8859-1"))
    out = io.StringIO()
    assert main(["summarize", "--method", "lead", str(path)], stdout=out) == EXIT_OK
    assert "Le café du port rouvre ses portes après les travaux" in out.getvalue()


# What Windows saves as "Unicode": UTF-16 (or -32) after a byte order mark, so every other
# byte of an English text is zero, which alone would read as binary data.
WIDE = ["utf-16", "utf-16-be", "utf-32"]


def wide(text: str, codec: str) -> bytes:
    """``text`` in ``codec`` after its byte order mark (Python writes one for "utf-16")."""
    return ("" if codec in {"utf-16", "utf-32"} else "\ufeff").join(["", text]).encode(codec)


@pytest.mark.parametrize("codec", WIDE)
def test_a_text_file_in_utf16_or_utf32_with_its_byte_order_mark_is_summarized(tmp_path, codec):
    path = tmp_path / "cafe.txt"
    path.write_bytes(wide(FRENCH, codec))
    out = io.StringIO()
    assert main(["summarize", "--method", "lead", str(path)], stdout=out) == EXIT_OK
    assert "Le café du port rouvre ses portes après les travaux" in out.getvalue()


@pytest.mark.parametrize("codec", WIDE)
def test_a_folder_source_reads_utf16_and_utf32_files(tmp_path, codec):
    (tmp_path / "cafe.txt").write_bytes(wide(f"Le café rouvre\n\n{FRENCH}", codec))
    (tmp_path / "page.html").write_bytes(wide(f"<html><body><p>{FRENCH}</p></body></html>", codec))
    read = read_folder(tmp_path)
    assert not read.skipped
    assert sorted(article.text for article in read.articles) == [FRENCH, FRENCH]


@pytest.mark.parametrize("codec", WIDE)
def test_a_page_served_in_utf16_is_read(codec):
    page = f"<html><head><title>Le café</title></head><body><p>{FRENCH}</p></body></html>"
    with FeedServer() as server:
        server.route("/cafe.html", wide(page, codec), f"text/html; charset={codec}")
        server.route("/cafe.txt", wide(FRENCH, codec), "text/plain")
        with pytest.raises(BinaryInputError):  # a zero byte in text with no mark: still refused
            fetched(server.url("/nomark.txt"), server, FRENCH.encode("utf-16-le"))
        for path in ("/cafe.html", "/cafe.txt"):
            assert FRENCH in fetched(server.url(path)).text


def fetched(url: str, server: FeedServer | None = None, body: bytes = b""):
    """The article the real fetcher reads at ``url`` (loopback allowed); ``body`` is served
    there first when given."""
    if server is not None:
        server.route(urlsplit(url).path, body, "text/plain")
    return fetch_article(url, allow_hosts={"127.0.0.1"})


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_its_mark_is_refused_with_a_message_asking_for_utf8(tmp_path, codec):
    """Text in UTF-16 with no byte order mark is still refused (its zero bytes are what
    binary data has, and reading it would be a guess), but when its bytes are clearly that
    text the refusal says so and how to give it, for a file and in a folder."""
    data = f"Le café rouvre\n\n{FRENCH}".encode(codec)
    with pytest.raises(BinaryInputError, match="UTF-16.*save the file as UTF-8"):
        article_from_bytes(data, "cafe.txt", text_file=True)
    (tmp_path / "cafe.txt").write_bytes(data)
    (skipped,) = read_folder(tmp_path).skipped
    assert "save the file as UTF-8" in skipped.reason


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # zero bytes on both sides of a pair
        "Привет, мир! Как дела?".encode("utf-16-le") * 4,  # few zero bytes: not clear
        "\ud800".encode("utf-16-le", "surrogatepass") + b"A\x00" * 40,  # a lone surrogate
        b"\x01\x00\x02\x00\x03\x00" * 20,  # zeros on one side, control characters
    ],
    ids=["binary", "cyrillic", "surrogate", "controls"],
)
def test_data_that_is_not_clearly_utf16_text_gets_the_usual_refusal(data):
    with pytest.raises(BinaryInputError) as refused:
        article_from_bytes(data, "data.txt", text_file=True)
    assert "UTF-8" not in str(refused.value)
