"""RFC 822 dates a CMS writes in its site's language (the real fetcher and feedparser,
against a feed server on loopback): read as the moment they name, not left undated (an
undated entry is taken for a new one, whatever its age)."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import pytest

from summaries.clean._months import _MONTHS, _OTHER_SPELLINGS, bare_month
from summaries.sources._month_names import _LANGUAGES, _NUMBERS
from tests.test_feed_platforms import _published
from tests.test_feed_quirks import server  # noqa: F401 (the feed server fixture)


@pytest.mark.parametrize(
    ("stated", "utc"),
    [
        ("Di, 03 Mär 2026 09:00:00 +0100", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("Mi, 4. Februar 2026 10:15:00 CET", datetime(2026, 2, 4, 9, 15, tzinfo=UTC)),
        ("mar., 03 mars 2026 09:00:00 +0100", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("lun, 03 août 2026 09:00:00 +0200", datetime(2026, 8, 3, 7, tzinfo=UTC)),
        ("sáb, 07 dic 2026 08:00:00 GMT", datetime(2026, 12, 7, 8, tzinfo=UTC)),
        ("mer, 15 ott 2026 12:00:00 +0200", datetime(2026, 10, 15, 10, tzinfo=UTC)),
        ("ma, 03 mrt 2026 09:00:00 +0100", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("Ter, 03 Fev 2026 09:00:00 -0300", datetime(2026, 2, 3, 12, tzinfo=UTC)),
        ("03 Mai 2026 09:00:00", datetime(2026, 5, 3, 9, tzinfo=UTC)),  # no zone: UTC's
        # read as the same date in English is: an offset with a colon, no time at all
        ("Di, 03 Mär 2026 09:00 +01:00", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("03 Mai 2026", datetime(2026, 5, 3, tzinfo=UTC)),
        ("mar., 03 mai 2026 09:00:00 +0200", datetime(2026, 5, 3, 7, tzinfo=UTC)),
        ("Mar, 03 Mar 2026 09:00:00 +0100", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("3 févr. 2026 09:00:00 +0100", datetime(2026, 2, 3, 8, tzinfo=UTC)),
        ("3 sept. 2026 09:00:00 +0200", datetime(2026, 9, 3, 7, tzinfo=UTC)),
        ("gio, 03 gen 2026 09:00:00 +0100", datetime(2026, 1, 3, 8, tzinfo=UTC)),
        # each spelling of a month the table holds: Austria's, Peru's, short forms
        ("Fr, 06 Feber 2026 09:00:00 +0100", datetime(2026, 2, 6, 8, tzinfo=UTC)),
        ("Mo, 02 Jänner 2026 09:00:00 +0100", datetime(2026, 1, 2, 8, tzinfo=UTC)),
        ("Di, 03 Mrz. 2026 09:00:00 +0100", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("jue, 03 setiembre 2026 09:00:00 -0500", datetime(2026, 9, 3, 14, tzinfo=UTC)),
        ("03 septembre 2026 09:00:00 +0200", datetime(2026, 9, 3, 7, tzinfo=UTC)),
        ("03 Ｍär 2026 09:00:00 +0100", datetime(2026, 3, 3, 8, tzinfo=UTC)),  # full-width M
    ],
)
def test_a_date_in_another_language_names_its_moment(server, stated, utc):  # noqa: F811
    assert _published(server, stated) == utc


@pytest.mark.parametrize(
    "stated",
    [
        "Di, 03 Quark 2026 09:00:00 +0100",  # no month
        "Di, 03 Mär 2026 09:00:00 GMT+14:30",  # an offset no clock uses
    ],
)
def test_what_names_no_moment_stays_undated(server, stated):  # noqa: F811
    assert _published(server, stated) is None


def test_no_month_name_names_two_months():
    """The name "mar" is March in every language listed, never Spanish or Italian Tuesday, as the
    weekday before the day is dropped; and no name or spelling of a month is lost to another
    month's (a beginning two months share, French "jui", names neither)."""
    for language in _LANGUAGES:
        for number, names in enumerate(_MONTHS[language].split(), start=1):
            for name in names.split("/"):
                assert _NUMBERS[bare_month(name)] == number, name
        for number, spellings in _OTHER_SPELLINGS.get(language, {}).items():
            assert all(_NUMBERS[spelling] == number for spelling in spellings.split())
    assert "jui" not in _NUMBERS


@pytest.mark.parametrize("form", ["NFD", "NFKD"])
def test_a_month_written_with_its_accents_as_separate_marks_reads_too(server, form):  # noqa: F811
    """A month written "Ma" + U+0308 (decomposed), as a feed made on another system may write it."""
    stated = unicodedata.normalize(form, "Di, 03 Mär 2026 09:00:00 +0100")
    assert stated != "Di, 03 Mär 2026 09:00:00 +0100"
    assert _published(server, stated) == datetime(2026, 3, 3, 8, tzinfo=UTC)
