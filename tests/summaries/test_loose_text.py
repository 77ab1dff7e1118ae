"""A story written as bare text and line breaks after its photo box (an older publishing
system's layout) is read whole, in any script."""

from __future__ import annotations

import re

import pytest
from lxml.html import fromstring

from summaries.sources import article_from_page
from summaries.sources._loose_text import paragraph_loose_text

# One story per script, written for these tests: its first line has a link in the middle
# of its sentence, its later lines are short.
STORIES = {
    "chinese": [
        "北京时间周二上午，强台风在广东沿海登陆，造成大面积停电和交通中断，"
        '<a href="/gov">当地政府</a>已经启动一级应急响应。',
        "另有数千名居民被紧急转移到安全地带。",
        "气象部门预计，台风将继续向西北移动。",
        "沿海多所学校周三停课。",
    ],
    "japanese": [
        "気象庁によると、大型の台風が火曜日の朝に九州南部に上陸し、"
        '<a href="/area">広い範囲</a>で停電や交通の混乱が起きている。',
        "政府は対策本部を設置し、住民に早めの避難を呼びかけている。",
        "台風は今後、北東に進む見込みだ。",
        "鉄道各社は水曜日も運転を見合わせる。",
    ],
    "thai": [
        'พายุไต้ฝุ่นกำลังแรงพัดขึ้นฝั่งเมื่อเช้าวันอังคาร <a href="/power">ทำให้ไฟฟ้าดับ</a>เป็นวงกว้างในหลายจังหวัด',
        "รัฐบาลสั่งอพยพประชาชนหลายพันคน",
        "กรมอุตุนิยมวิทยาคาดว่าพายุจะอ่อนกำลังลง",
        "โรงเรียนหลายแห่งปิดทำการ",
    ],
}


def photo_box_page(lines: list[str], br: str = "<br />") -> str:
    """A page whose story follows its photo box as bare text between line breaks (``br``,
    with or without the new line after it)."""
    story = br.join(lines[:2]) + br + br + br.join(lines[2:])
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Typhoon | Coast Radio</title>"
        "</head><body><div id='wrap'><ul class='gnb'><li><a href='/'>Home</a></li>"
        "<li><a href='/news'>News</a></li><li><a href='/radio'>Radio</a></li></ul>"
        "<div class='view'><h2 class='title'>Typhoon</h2>"
        "<div class='func_menu'><a href='#share'>Share</a> <a href='#print'>Print</a></div>"
        "<div class='body_txt'><div class='img_box'><div class='photo'>"
        "<img src='/images/storm.jpg' alt=''></div><p class='cap'>Photo: Coast Agency</p>"
        f"</div>\n{story}\n</div></div><div class='footer'>Coast Radio</div></div></body></html>"
    )


def shown(line: str) -> str:
    """``line`` as a reader sees it: its markup left out."""
    return re.sub(r"<[^>]+>", "", line)


@pytest.mark.parametrize("br", ["<br />", "<br />\n"])
@pytest.mark.parametrize("language", sorted(STORIES))
def test_a_story_without_spaces_after_its_photo_box_is_read_whole(language, br):
    """Chinese, Japanese and Thai put no spaces between words: the first line counts its
    characters as a sentence's worth of words, is read whole across its link, and so are
    the lines after it, however short (each a paragraph of its own, not left to the
    extractor as text between line breaks); the page's menu stays out."""
    lines = STORIES[language]
    text = article_from_page(photo_box_page(lines, br), "https://coast.example/news/7").text
    for line in lines:
        assert shown(line) in text.splitlines()
    assert "Home" not in text and "Share" not in text


def test_each_line_after_the_photo_box_gets_a_paragraph_of_its_own():
    """The lines after the first, however short, are paragraphs too: left between line
    breaks, an extractor may drop them when the story is short (as it does for a short
    Japanese story)."""
    lines = STORIES["japanese"]
    tree = fromstring(photo_box_page(lines))
    paragraph_loose_text(tree)
    box = tree.find(".//div[@class='body_txt']")
    paragraphs = [paragraph.text_content().strip() for paragraph in box.iter("p")]
    assert paragraphs == ["Photo: Coast Agency", *map(shown, lines)]


def test_a_tag_left_open_after_the_photo_box_keeps_the_storys_lines_apart_and_in_order():
    """An unclosed ``<font>`` after the first words nests the rest of the page, its line
    breaks and paragraphs with it: the first line ends where that tag's first line ends,
    and the story is not glued into one paragraph with its later lines moved to its end."""
    stories = "".join(
        f"<div class='img'><img src='/{n}.jpg'><p>Photo {n}: Coast Agency</p></div>"
        f"Story {n} opens with the ferry strike, which began on Monday.<font size='2'> "
        f"Talks resume in story {n} on Friday, the union said.<br>Line two of story {n}."
        f"<p>Paragraph three of story {n}, where the port counts its losses.</p>"
        for n in range(3)
    )
    page = f"<html><head><title>Strike</title></head><body><div>{stories}</div></body></html>"
    lines = article_from_page(page, "https://coast.example/news/8").text.splitlines()
    for n in range(3):
        first = lines.index(f"Story {n} opens with the ferry strike, which began on Monday.")
        assert lines[first + 1 : first + 4] == [
            f"Talks resume in story {n} on Friday, the union said.",
            f"Line two of story {n}.",
            f"Paragraph three of story {n}, where the port counts its losses.",
        ]
