"""A dateline of a place, a day and its month and a full stop, as Russian agencies write
it ("МОСКВА, 14 марта. ..."): where and when, not what happened; the lede goes on after it."""

import pytest

from summaries.clean import clean_text

LEDE = "Мост в порту будет полностью закрыт для движения на шесть месяцев, сообщили в мэрии."
REST = "Ежедневно по мосту проезжает около сорока тысяч автомобилей, объезд организуют по шоссе."


@pytest.mark.parametrize(
    "dateline",
    ["ВЛАДИВОСТОК, 14 марта. ", "НИЖНИЙ НОВГОРОД, 3 июня. ", "МОСКВА, 14 мар — РИА Новости. "],
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
