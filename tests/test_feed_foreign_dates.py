"""RFC 822 dates a CMS writes in its site's language (the real fetcher and feedparser,
against a feed server on loopback): read as the moment they name, not left undated (an
undated entry is taken for a new one, whatever its age)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from summaries.sources._month_names import _MONTHS
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
    weekday before the day is dropped: a name listed under two months would be read as
    whichever came last."""
    names = [name for _, listed in _MONTHS for name in listed.split()]
    assert sorted(name for name in set(names) if names.count(name) > 1) == []
