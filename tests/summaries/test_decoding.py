"""Decoding what sites and files send: the declared charset when the bytes decode in it,
else what the bytes show; never U+FFFD where a letter was."""

from __future__ import annotations

import io

import pytest

from summaries.cli import EXIT_OK, main
from summaries.reading import decode_text

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


def test_summarize_a_latin1_text_file(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes(FRENCH.encode("iso-8859-1"))
    out = io.StringIO()
    assert main(["summarize", "--method", "lead", str(path)], stdout=out) == EXIT_OK
    assert "Le café du port rouvre ses portes après les travaux" in out.getvalue()
