"""German's sharp s: ß (and its capital ẞ) is searched as ss, as German writes it in
capitals and Swiss German writes it always (Straße, STRASSE, Strasse), on both engines."""

from __future__ import annotations

import pytest

from summaries.folding import fold_text
from tests.summaries.test_search_folding import (
    found,
    put_all,
    store,  # noqa: F401, F811  (a fixture)
)

STREETS = [
    ("Straße gesperrt", "Die Hauptstraße bleibt bis Freitag gesperrt, sagt die Stadt."),
    ("Strasse gesperrt", "Die Hauptstrasse in Zürich bleibt bis Freitag gesperrt."),
    ("HAUPTSTRASSE ZU", "DIE GROẞE HAUPTSTRASSE IST AB MONTAG ZU."),
]


@pytest.mark.parametrize(
    "query",
    ["Hauptstraße", "Hauptstrasse", "HAUPTSTRASSE", "HAUPTSTRAẞE", "hauptstraß*", '"Hauptstraße"'],
)
def test_sharp_s_and_ss_find_each_other(store, query):  # noqa: F811
    ids = put_all(store, STREETS)
    assert found(store, query) == ids


def test_a_word_with_sharp_s_is_found_by_ss_and_the_other_way_round(store):  # noqa: F811
    big, strasse, shouted = put_all(store, STREETS)
    assert found(store, "große") == found(store, "grosse") == [shouted]
    assert found(store, "Strasse") == found(store, "Straße") == [big, strasse]


def test_the_fold_gives_ss_for_either_sharp_s():
    assert fold_text("Straße STRAẞE") == "Strasse STRAssE"
