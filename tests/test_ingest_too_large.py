"""An answer over `[fetch] max_bytes` met while ingesting (a page source, a teaser's page)
is told to the operator who can raise the cap, not with the advice given to a person who
asked to summarize one page (real fetcher, feedparser, pool, SQLite, against the loopback
feed server, through the `briefing` command line)."""

from __future__ import annotations

from tests.test_ingest import briefing, server, stored, write_config
from tests.test_ingest_teaser_pages import BUSY_TEASER, teaser_feed

__all__ = ["server"]  # the fixture

OPERATOR = "The bot's operator can raise [fetch] max_bytes in config.toml."
ASKER = "Give a single article, not a whole archive."
PARAGRAPH = "<p>" + "Harbour cranes stood idle as the strike went on. " * 20 + "</p>"


def test_a_page_over_the_cap_in_ingest_names_the_setting_to_raise(server, tmp_path, capsys):
    big = "<html><body><article>" + PARAGRAPH * 200 + "</article></body></html>"  # ~0.2 MB
    server.route("/big.html", big, "text/html")
    server.route("/big2.html", big, "text/html")
    server.route("/rss", teaser_feed([("Ferry fares rise", "/big2.html", BUSY_TEASER)]))
    config = write_config(
        tmp_path,
        extra=f'feeds = ["{server.url("/rss")}"]\npages = ["{server.url("/big.html")}"]\n',
    ).read_text(encoding="utf-8")
    path = tmp_path / "config.toml"
    path.write_text(config.replace("[fetch]\n", "[fetch]\nmax_bytes = 100000\n"), encoding="utf-8")

    code, out = briefing(path, "ingest")
    assert out.strip().splitlines()[-1] == "2 sources: 0 fetched, 0 new, 0 updated, 2 failed"
    assert "Ferry fares rise: The site would send 0.2 MB; the limit is 0.1 MB." in out, out
    assert OPERATOR in out and ASKER not in out, out
    with stored(path) as store:
        page = next(s for s in store.list_sources() if s.kind == "page")
        assert page.last_error is not None and page.last_error.endswith(OPERATOR)

    # a person asking for the same page now is told to give one article
    capsys.readouterr()
    briefing(path, "summarize", server.url("/big.html"))
    assert capsys.readouterr().err.strip().endswith(ASKER)
