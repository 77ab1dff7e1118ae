"""A dateline of a place, a day and its month and a full stop, as Russian agencies write
it ("МОСКВА, 14 марта. ..."): where and when, not what happened; the lede goes on after it."""

import pytest

from summaries.clean import clean_text

LEDE = "Мост в порту будет полностью закрыт для движения на шесть месяцев, сообщили в мэрии."
REST = "Ежедневно по мосту проезжает около сорока тысяч автомобилей, объезд организуют по шоссе."


@pytest.mark.parametrize(
    "dateline",
    [
        "ВЛАДИВОСТОК, 14 марта. ",
        "НИЖНИЙ НОВГОРОД, 3 июня. ",
        "МОСКВА, 14 мар — РИА Новости. ",
        "МОСКВА, 14 марта 1999 г. — ",  # the year, and a dash after the stop
        "МОСКВА, 14 марта 1999 г. ",
    ],
)
def test_a_place_and_date_dateline_leaves_the_lede(dateline):
    text = f"{dateline}{LEDE}\n\n{REST}"
    assert clean_text(text, language="russian").split("\n\n") == [LEDE, REST]


@pytest.mark.parametrize(
    "opening",
    [
        "Москва, 14 марта. ",  # no place in capitals: the story's own words
        "МОСКВА, 14 марта 2024 года. ",  # more than a day and its month
        "ВЛАДИВОСТОК, 45 лет. ",  # no day of a month
    ],
)
def test_an_opening_that_is_no_such_dateline_stays(opening):
    text = f"{opening}{LEDE}\n\n{REST}"
    assert clean_text(text, language="russian").split("\n\n")[0] == f"{opening}{LEDE}"


@pytest.mark.parametrize(
    ("text", "language", "lede"),
    [
        (
            "Hamburg (dpa) - Die Hafenbrücke wird ab Juni für sechs Monate voll gesperrt.",
            "german",
            "Die Hafenbrücke wird ab Juni für sechs Monate voll gesperrt.",
        ),
        (
            "VALENCIA, 14 mar (EFE).- El puente del puerto permanecerá cerrado seis meses.",
            "spanish",
            "El puente del puerto permanecerá cerrado seis meses.",
        ),
        (
            "本报讯 市政府14日宣布，港口大桥将从6月起全面封闭六个月。",
            "chinese",
            "市政府14日宣布，港口大桥将从6月起全面封闭六个月。",
        ),
        (
            "新华社北京3月14日电（记者王明）市政府14日宣布，港口大桥将从6月起全面封闭六个月。",
            "chinese",
            "市政府14日宣布，港口大桥将从6月起全面封闭六个月。",
        ),
    ],
)
def test_an_agencys_dateline_as_german_spanish_and_chinese_papers_write_it_leaves(
    text, language, lede
):
    """A German agency's short name in lowercase ("(dpa)"), a Spanish agency's full stop
    and dash after it ("(EFE).-"), a Chinese paper's "本报讯" or Xinhua's "新华社北京3月14日电"."""
    assert clean_text(text, language=language) == lede


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Smith (for now) - The rest of the council met on Monday to vote on it.", "english"),
        ("新华社报道电力公司14日宣布，港口大桥将从6月起全面封闭六个月。", "chinese"),
        ("新华社记者3月14日电话采访了市长，港口大桥将从6月起全面封闭六个月。", "chinese"),
    ],
)
def test_an_opening_that_only_looks_like_an_agencys_dateline_stays(text, language):
    assert clean_text(text, language=language) == text
