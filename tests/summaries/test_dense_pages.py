"""Pages in scripts that trafilatura's defaults do not fit.

A short news page in Chinese or Japanese keeps its paragraphs apart and its byline out:
trafilatura counts an extraction of fewer than 250 characters as a failure and falls back
to extractors that run the page together on one line, headline, byline and photo caption
included, and a Chinese story of 250 characters is a whole short news item. A Persian or
Sinhala page keeps the zero-width joiners its words are spelled with."""

from __future__ import annotations

import pytest

from summaries.sources import article_from_page

CHINESE = (
    "宁波港遭网络攻击 集装箱装卸全面停摆",
    "记者 王小明",
    (
        "宁波港的计算机系统周二遭到网络攻击，集装箱装卸工作被迫全面停止。港口管理局表示，技术团队正在全力恢复系统。",
        "据港口管理局介绍，目前约有40艘货轮在外海等候靠泊。管理局发言人李华说：“我们不会向攻击者支付赎金。”",
        "专家指出，港口已成为勒索软件团伙的主要目标。航运公司预计延误将至少持续三天。",
    ),
    "图为在宁波港外等候的货轮。（新华社记者 张三 摄）",
)
JAPANESE = (
    "神戸港でサイバー攻撃、コンテナ業務が停止",
    "山田花子記者",
    (
        "神戸港のコンピューターシステムが３日、サイバー攻撃を受けて停止した。早朝からコンテナの積み降ろしができない。",
        "港湾局によると、約40隻の貨物船が沖合で待機している。広報担当者は「身代金は支払わない」と述べた。",
        "海運各社は少なくとも３日間の遅れを見込んでいる。業務は早くても木曜日に再開される見通しだ。",
    ),
    "写真：沖合で待機する貨物船＝３日、神戸港",
)


def page(headline: str, byline: str, paragraphs: tuple[str, ...], caption: str) -> str:
    first, *rest = (f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{headline}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{headline}</h1><p class='byline'>{byline}</p>{first}"
        f"<figure><img src='/p.jpg'><figcaption>{caption}</figcaption></figure>"
        f"{''.join(rest)}</article><footer>© 2026</footer></body></html>"
    )


@pytest.mark.parametrize("written", [CHINESE, JAPANESE], ids=["chinese", "japanese"])
def test_a_short_page_in_an_unspaced_script_keeps_its_paragraphs(written):
    headline, byline, paragraphs, caption = written
    assert sum(map(len, paragraphs)) < 250  # shorter than trafilatura's limit
    article = article_from_page(page(*written), "https://news.example/a")
    lines = article.text.splitlines()
    assert lines[-3:] == list(paragraphs), article.text
    assert byline not in article.text and caption not in article.text


def test_words_written_with_zero_width_joiners_keep_them():
    """trafilatura drops the zero-width non-joiner of Persian "سه‌شنبه" (Tuesday) and the
    joiner of Sinhala "ශ්‍රී"; the page's own spelling is put back."""
    persian = (
        "یک حمله سایبری روز سه\u200cشنبه سامانه\u200cهای رایانه\u200cای بندر عباس را از کار "
        "انداخت. از صبح زود هیچ کانتینری در این بندر تخلیه نشده است و کشتی\u200cها منتظرند.",
        "کارشناسان امنیت می\u200cگویند بندرها به هدف اصلی گروه\u200cهای باج\u200cافزار تبدیل "
        "شده\u200cاند. انتظار می\u200cرود فعالیت بندر از روز پنجشنبه دوباره آغاز شود.",
        "سخنگوی سازمان بنادر گفت که هیچ باجی پرداخت نخواهد شد و تحقیقات ادامه دارد.",
    )
    html = page("بندر عباس پس از حمله سایبری تعطیل شد", "مریم احمدی", persian, "عکس: کشتی")
    article = article_from_page(html, "https://news.example/fa")
    assert article.text.splitlines()[-3:] == list(persian), article.text
    sinhala = "ශ්\u200dරී ලංකා වරාය ඊයේ සයිබර් ප්\u200dරහාරයකින් පසු වසා දැමිණි. " * 4
    article = article_from_page(f"<html><body><article><p>{sinhala}</p></article></body></html>")
    assert article.text == sinhala.strip(), article.text


def test_a_chinese_pages_lines_are_not_joined_as_if_wrapped():
    """Chinese has no spaces, so a line's "first word" is no measure of whether it was
    wrapped: a dateline, a paragraph and a related story's link each stay on their own
    line, and the paragraph after the link is kept."""
    from summaries.clean import main_text

    lines = [
        "2026-12-01 10:00 来源：某某日报 作者：王明",
        "市议会周二批准了一项新预算，扩大北部地区的公交服务。此前各方就如何筹措资金进行了数月的辩论。",
        "【延伸阅读】地铁新线路规划公布",
        "官员表示，该计划将在明年春天之前新增四十条线路，并且票价至少在两年内保持不变。",
    ]
    kept = main_text("\n".join(lines)).splitlines()
    assert lines[1] in kept and lines[3] in kept


def test_a_japanese_text_wrapped_at_a_fixed_width_is_joined_without_spaces():
    """A plain-text Japanese story wrapped every 35 characters (70 columns: each takes two)
    is read as its sentences whole, its lines joined with no space between characters."""
    from summaries.clean import clean_text, main_text

    paragraph = (
        "東京都は十二月一日、新しい防災計画を発表した。計画では、首都直下地震に備えて避難所の数"
        "を大幅に増やすほか、高齢者や障害者の避難を支援する体制を整えるという。都の担当者は"
        "「住民の安全を第一に考えた」と話しており、各区の防災訓練を年に二回以上行うよう求める"
        "方針で、費用は約三百億円と見込まれている。"
    )
    wrapped = "\n".join(paragraph[i : i + 35] for i in range(0, len(paragraph), 35))
    assert main_text(wrapped) == paragraph
    assert clean_text(wrapped, language="japanese") == paragraph
