"""``briefing sources add`` and ``briefing summarize`` given addresses and paths they must refuse:
one address check on every path, credentials never sent or echoed, and a user's bad path a
plain message with exit 1 or 2, never an incident. The real command line against loopback."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from summaries.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from summaries.store import open_store
from tests.fakes.feed_server import FEEDS, FeedServer
from tests.test_ingest import write_config

BRIEFING = Path(sys.executable).with_name("briefing")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40
SECRET = "hunter2"
KINDS = ([], ["--kind", "feed"], ["--kind", "page"])


@pytest.fixture
def server():
    with FeedServer() as running:
        running.feed("/rss", "rss2.xml")
        running.route("/story", (FEEDS / "battery-factory.html").read_text("utf-8"), "text/html")
        running.route("/photo", PNG, "text/html")
        yield running


def briefing(config: Path, capsys, *argv: str) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main([*argv, "--config", str(config)], stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


def stored_sources(config: Path) -> list[tuple[str, str]]:
    with open_store(config.parent / "briefing.db") as store:
        return [(record.kind, record.url) for record in store.list_sources()]


def test_feeds_and_pages_are_found_out_in_a_worker_and_added(server, tmp_path, capsys):
    config = write_config(tmp_path)
    feed = briefing(config, capsys, "sources", "add", server.url("/rss"))
    page = briefing(config, capsys, "sources", "add", server.url("/story"))
    assert feed[:2] == (EXIT_OK, f"feed #1 {server.url('/rss')}\n"), feed
    assert page[:2] == (EXIT_OK, f"page #2 {server.url('/story')}\n"), page


@pytest.mark.parametrize("kind", [[], ["--kind", "feed"]], ids=["found-out", "feed"])
def test_one_feed_typed_several_ways_is_one_source(server, tmp_path, capsys, kind):
    """A capital scheme or host, the default port, a fragment (never sent) or an empty query
    name the same feed: each was stored as a source of its own and fetched again."""
    config = write_config(tmp_path)
    url = server.url("/rss")  # http://127.0.0.1:<port>/rss
    spellings = [url, url.replace("http://", "HTTP://"), f"{url}#latest", f"{url}?"]
    for typed in spellings:
        code, out, err = briefing(config, capsys, "sources", "add", *kind, typed)
        assert (code, out) == (EXIT_OK, f"feed #1 {url}\n"), err
    assert stored_sources(config) == [("feed", url)]
    code, out, err = briefing(config, capsys, "sources", "remove", f"{url}#latest")
    assert (code, out) == (EXIT_OK, f"removed feed #1 {url}\n"), err
    assert stored_sources(config) == []


HOME = (
    "<html><head><title>Harwick Herald</title>"
    '<link rel="alternate" type="application/rss+xml" title="Harwick Herald" href="/rss">'
    "</head><body><h1>Harwick Herald</h1><ul><li><a href='/a'>Council closes bridge</a></li>"
    "<li><a href='/b'>Ferries to run every 20 minutes</a></li></ul>"
    "<p>The latest news from the Harwick valley, every day since 1886.</p></body></html>"
)


def test_a_site_home_page_that_names_its_feed_adds_the_feed(server, tmp_path, capsys):
    server.route("/", HOME, "text/html")
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/"))
    assert (code, out) == (EXIT_OK, f"feed #1 {server.url('/rss')}\n"), err
    assert stored_sources(config) == [("feed", server.url("/rss"))]


def test_a_feed_named_by_the_older_rss_type_is_found_as_the_fetcher_takes_it(
    server, tmp_path, capsys
):
    """application/x-rss+xml: a label the fetcher takes for a feed, so a page's link of
    that type names one too."""
    server.route("/", HOME.replace("application/rss+xml", "application/x-rss+xml"), "text/html")
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/"))
    assert (code, out) == (EXIT_OK, f"feed #1 {server.url('/rss')}\n"), err


def test_an_article_page_that_names_its_site_feed_stays_a_page(server, tmp_path, capsys):
    story = (FEEDS / "battery-factory.html").read_text("utf-8")
    link = '<link rel="alternate" type="application/atom+xml" href="/rss">'
    server.route("/news/story", story.replace("</head>", link + "</head>", 1), "text/html")
    config = write_config(tmp_path)
    code, out, _ = briefing(config, capsys, "sources", "add", server.url("/news/story"))
    assert (code, out) == (EXIT_OK, f"page #1 {server.url('/news/story')}\n")


def test_a_home_page_whose_named_feed_is_broken_is_judged_as_a_page(server, tmp_path, capsys):
    server.route("/", HOME.replace('href="/rss"', 'href="/missing.xml"'), "text/html")
    config = write_config(tmp_path)
    code, out, _ = briefing(config, capsys, "sources", "add", server.url("/"))
    assert (code, out) == (EXIT_OK, f"page #1 {server.url('/')}\n")
    assert server.paths()[-1] == "/missing.xml"  # tried, and passed over


def test_a_page_that_moves_by_meta_refresh_is_judged_where_it_leads(server, tmp_path, capsys):
    moved = '<html><head><meta http-equiv="refresh" content="0; url=/story"></head></html>'
    server.route("/moved", moved, "text/html")
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/moved"))
    assert (code, out) == (EXIT_OK, f"page #1 {server.url('/moved')}\n"), err
    assert server.paths()[-2:] == ["/moved", "/story"]  # read as ingest will read it


def test_a_page_with_no_article_whose_named_feed_fails_says_why(server, tmp_path, capsys):
    menu = HOME.replace("<p>The latest news from the Harwick valley, every day since 1886.</p>", "")
    server.route("/news/", menu.replace('href="/rss"', 'href="/missing.xml"'), "text/html")
    config = write_config(tmp_path)
    code, _, err = briefing(config, capsys, "sources", "add", server.url("/news/"))
    assert code == EXIT_INPUT
    assert "The feed it names could not be read: The site answered 404 Not Found." in err
    assert stored_sources(config) == []


def test_a_page_with_no_article_that_names_its_feed_adds_the_feed(server, tmp_path, capsys):
    menu = HOME.replace("<p>The latest news from the Harwick valley, every day since 1886.</p>", "")
    server.route("/news/", menu, "text/html")
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/news/"))
    assert (code, out) == (EXIT_OK, f"feed #1 {server.url('/rss')}\n"), err


@pytest.mark.parametrize("kind", KINDS, ids=["found-out", "feed", "page"])
@pytest.mark.parametrize(
    "address",
    [
        "{server}/rss",  # loopback, not in allow_hosts here
        "http://localhost:9/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:10.0.0.1]/rss",
        "http://10.1.2.3/rss",
    ],
)
def test_sources_add_checks_the_address_whatever_the_kind(server, tmp_path, capsys, kind, address):
    config = write_config(tmp_path, allow=False)
    address = address.format(server=server.base)
    code, _, err = briefing(config, capsys, "sources", "add", *kind, address)
    assert code == EXIT_INPUT, err
    assert "private network" in err and "[sources] allow_hosts" in err
    assert server.paths() == [] and stored_sources(config) == []


@pytest.mark.parametrize("target", ["http://10.0.0.1/feed", "http://169.254.169.254/latest/"])
def test_a_feed_that_redirects_inside_a_private_network_is_refused(
    server, tmp_path, capsys, target
):
    """The address given is allowed (127.0.0.1 here); where it redirects is not."""
    server.redirect("/moved", target)
    config = write_config(tmp_path)
    code, _, err = briefing(config, capsys, "sources", "add", server.url("/moved"))
    assert (code, err) == (
        EXIT_INPUT,
        f"briefing: {server.url('/moved')} redirects to an address inside a private network "
        "(a loopback, private, link-local or cloud metadata address), and the bot does not "
        "follow it there. To read an internal site you trust, the bot's operator can name "
        "the host it redirects to under [sources] allow_hosts in config.toml.\n",
    )
    assert server.paths() == ["/moved"] and stored_sources(config) == []


@pytest.mark.parametrize("kind", KINDS, ids=["found-out", "feed", "page"])
def test_sources_add_refuses_credentials_without_echoing_them(server, tmp_path, capsys, kind):
    config = write_config(tmp_path)  # 127.0.0.1 allowed: only the credentials are wrong
    address = server.url("/rss").replace("http://", f"http://editor:{SECRET}@")
    code, _, err = briefing(config, capsys, "sources", "add", *kind, address)
    assert code == EXIT_INPUT, err
    assert "user name or password" in err and SECRET not in err
    assert server.paths() == [] and stored_sources(config) == []


def test_summarize_refuses_credentials_without_sending_them(server, tmp_path, capsys):
    config = write_config(tmp_path)
    address = server.url("/story").replace("http://", f"http://editor:{SECRET}@")
    code, out, err = briefing(config, capsys, "summarize", address)
    assert code == EXIT_INPUT and out == ""
    assert "user name or password" in err and SECRET not in err
    assert server.paths() == []


def test_config_sources_with_credentials_stop_start_up_without_echoing_them(tmp_path, capsys):
    """config.toml's sources are the operator's (allow_hosts is theirs too), but credentials
    are refused there as well, when the file is read."""
    feeds = f'feeds = ["https://editor:{SECRET}@news.example/rss"]\n'
    config = write_config(tmp_path, extra=feeds)
    code, _, err = briefing(config, capsys, "sources", "list")
    assert code == EXIT_USAGE
    assert "sources.feeds" in err and "user name or password" in err and SECRET not in err


def test_a_binary_page_is_refused_when_added(server, tmp_path, capsys):
    config = write_config(tmp_path)
    code, _, err = briefing(config, capsys, "sources", "add", server.url("/photo"))
    assert code == EXIT_INPUT
    assert "binary data" in err and "not added" in err
    assert stored_sources(config) == []


@pytest.mark.parametrize("label", ["application/rss+xml", "application/atom+xml", "text/xml"])
def test_a_web_page_labelled_as_a_feed_is_added_as_a_page(server, tmp_path, capsys, label):
    server.feed("/labelled", "battery-factory.html", label)
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/labelled"))
    assert (code, out) == (EXIT_OK, f"page #1 {server.url('/labelled')}\n"), err
    assert stored_sources(config) == [("page", server.url("/labelled"))]


def test_a_feed_labelled_as_a_download_is_added_as_a_feed(server, tmp_path, capsys):
    server.feed("/feed", "rss2.xml", "application/octet-stream")
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/feed"))
    assert (code, out) == (EXIT_OK, f"feed #1 {server.url('/feed')}\n"), err


def test_a_download_that_is_no_feed_is_refused(server, tmp_path, capsys):
    server.route("/photo.bin", PNG, "application/octet-stream")
    config = write_config(tmp_path)
    code, _, err = briefing(config, capsys, "sources", "add", server.url("/photo.bin"))
    assert (code, err) == (
        EXIT_INPUT,
        "briefing: That address serves binary data (an image or a download, say), not a feed "
        "or a page with an article: it was not added.\n",
    )
    assert stored_sources(config) == []


def test_xml_that_is_neither_a_feed_nor_a_page_is_refused(server, tmp_path, capsys):
    server.route("/sitemap", "<?xml version='1.0'?><urlset><url/></urlset>", "application/xml")
    config = write_config(tmp_path)
    code, _, err = briefing(config, capsys, "sources", "add", server.url("/sitemap"))
    assert code == EXIT_INPUT
    assert err == (
        "briefing: That address serves application/xml that is not an RSS, Atom or JSON "
        "feed, and not a web page: it was not added.\n"
    )
    assert stored_sources(config) == []


EMPTY_ANSWER = (
    "That address answered with an empty page: there is no feed or article there to follow, "
    "so it was not added."
)


@pytest.mark.parametrize(
    ("body", "label"),
    [
        (b"", "application/rss+xml"),
        (b"", "text/html; charset=utf-8"),
        (b"", None),
        (b"  \r\n\t\n ", "application/atom+xml"),
        (b"\n\n", "text/xml"),
    ],
    ids=["rss", "html", "unlabelled", "whitespace-atom", "newlines-xml"],
)
def test_an_empty_answer_is_refused_as_empty(server, tmp_path, capsys, body, label):
    route = server.route("/empty", body, label)
    route.content_type = label  # None: no Content-Type header at all
    config = write_config(tmp_path)
    code, _, err = briefing(config, capsys, "sources", "add", server.url("/empty"))
    assert (code, err) == (EXIT_INPUT, f"briefing: {EMPTY_ANSWER}\n")
    assert stored_sources(config) == []


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "streamed"])
def test_a_feed_over_max_bytes_is_refused_with_advice_for_a_feed(
    server, tmp_path, capsys, declared
):
    entry = "<item><title>Bridge</title><link>{base}/b</link><description>Yes.</description></item>"
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel>{entry * 2_000}</channel></rss>'
    server.route("/big", feed, "application/rss+xml", declare_length=declared)
    url = server.url("/big")

    def config(extra: str = "") -> Path:
        path = write_config(tmp_path, extra=extra)
        path.write_text(
            path.read_text("utf-8").replace("[fetch]\n", "[fetch]\nmax_bytes = 100000\n")
        )
        return path

    sent = "would send 0.2 MB; the limit is" if declared else "sent more than the limit of"
    refusal = (
        f"The site {sent} 0.1 MB. The bot's operator can raise [fetch] max_bytes in config.toml."
    )
    code, _, err = briefing(config(), capsys, "sources", "add", url)
    assert (code, err) == (EXIT_INPUT, f"briefing: {refusal}\n")
    assert stored_sources(config()) == []
    # the same feed listed by the operator: ingest reports and lists the same reason
    listed = config(f'feeds = ["{url}"]\n')
    code, out, err = briefing(listed, capsys, "ingest")
    assert f"{url}: {refusal}" in out + err, out + err
    code, out, _ = briefing(listed, capsys, "sources", "list")
    assert f"last error: {refusal}" in out and "archive" not in out


def awkward_paths(tmp_path: Path) -> dict[str, Path]:
    story = tmp_path / "story.txt"
    story.write_text("A story.\n", encoding="utf-8")
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop")
    return {
        "too long": tmp_path / ("a" * 5000),
        "a name too long": tmp_path / ("b" * 300),
        "through a file": story / "x",
        "a loop": loop,
        "into a loop": loop / "x",
    }


MESSAGES = {
    "too long": "name is too long",
    "a name too long": "name is too long",
    "through a file": "goes through a file",
    "a loop": "loop of symbolic links",
    "into a loop": "loop of symbolic links",
}


@pytest.mark.parametrize("case", list(MESSAGES))
@pytest.mark.parametrize("kind", [[], ["--kind", "folder"]], ids=["found-out", "folder"])
def test_sources_add_explains_a_path_it_cannot_use(tmp_path, capsys, case, kind):
    config = write_config(tmp_path)
    path = awkward_paths(tmp_path)[case]
    code, _, err = briefing(config, capsys, "sources", "add", *kind, str(path))
    assert code == EXIT_INPUT, err
    assert MESSAGES[case] in err, err
    assert "unexpected" not in err and "incident" not in err
    assert len(err) < 400  # the path shortened, not four thousand characters
    assert stored_sources(config) == []


@pytest.mark.parametrize("case", list(MESSAGES))
def test_summarize_explains_a_path_it_cannot_read(tmp_path, capsys, case):
    config = write_config(tmp_path)
    path = awkward_paths(tmp_path)[case]
    code, out, err = briefing(config, capsys, "summarize", str(path))
    assert code == EXIT_INPUT and out == "", err
    assert MESSAGES[case] in err, err
    assert "unexpected" not in err and "incident" not in err


@pytest.mark.parametrize("kind", [[], ["--kind", "feed"]], ids=["found-out", "feed"])
def test_an_address_over_4096_characters_is_refused(tmp_path, capsys, kind):
    config = write_config(tmp_path)
    code, _, err = briefing(
        config, capsys, "sources", "add", *kind, "https://127.0.0.1/" + "a" * 5000
    )
    assert code == EXIT_INPUT, err
    assert "too long to be a feed or page" in err and "incident" not in err


@pytest.mark.skipif(not BRIEFING.exists(), reason="the briefing console script is not installed")
def test_the_console_script_exits_1_with_a_message_for_long_names(tmp_path):
    config = write_config(tmp_path)
    for argv in (
        ["sources", "add", "http://127.0.0.1/" + "a" * 5000],
        ["sources", "add", "a" * 5000],
        ["summarize", "a" * 5000],
    ):
        result = subprocess.run(
            [str(BRIEFING), *argv, "--config", str(config)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == EXIT_INPUT, result.stderr
        assert "too long" in result.stderr and "Traceback" not in result.stderr
        assert "incident" not in result.stderr


@pytest.mark.parametrize("kind", [[], ["--kind", "folder"]], ids=["found-out", "folder"])
def test_an_empty_location_is_no_folder(tmp_path, capsys, kind, monkeypatch):
    """`briefing sources add "$FEED"` with the variable unset added the folder the command
    ran in (Path("") is "."), and ingest then read every article file under it."""
    config = write_config(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", *kind, "")
    assert (code, out) == (EXIT_INPUT, "")
    assert "The folder's name is empty" in err, err
    assert stored_sources(config) == []


def test_an_empty_folder_in_config_stops_start_up(tmp_path, capsys):
    config = write_config(tmp_path, extra='folders = ["", "  "]\n')
    code, out, err = briefing(config, capsys, "sources", "list")
    assert code == EXIT_USAGE
    assert "sources.folders, folder 1: The folder's name is empty" in err, err
