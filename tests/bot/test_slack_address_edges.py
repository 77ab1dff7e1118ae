"""Where a web address shown on Slack starts and ends, what it links to, and how it is
cut: beside CJK text and quotes, an international host spelled as browsers read it, and
never a link to part of an address when a text is cut or split (nor a text emptied to
make room for a link). Through the real slack-bolt app and command layer over a real
store, and through the renderer."""

from __future__ import annotations

import random
import re

import pytest

from bot import text as shared
from bot.replies import Reply, ReplyItem
from bot.slack.render import HEADLINE_LIMIT, SECTION_LIMIT, link, render
from bot.slack.text import chunks, escape, fit
from summaries.store import open_store
from tests.bot.test_slack_addresses import brief_section
from tests.bot.test_slack_http import put
from tests.fakes.slack.web_api import message_error

LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
LOOK_ALIKES = str.maketrans("\u2217\u02cd\u223c\u02cb", "*_~`")


def links(mrkdwn: str) -> list[str]:
    return [m.group(1).replace("&amp;", "&") for m in LINK.finditer(mrkdwn)]


def as_shown(mrkdwn: str) -> str:
    """What a reader sees: each link as its label (or its address), entities decoded."""
    shown = LINK.sub(lambda m: m.group(2) or m.group(1), mrkdwn)
    decoded = shown.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return decoded.translate(LOOK_ALIKES)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # CJK writing puts no space around an address
        ("詳細はhttps://x.example/a_b_/c_。次に", "https://x.example/a_b_/c_"),
        ("見て、https://x.example/q?a=1、それから", "https://x.example/q?a=1"),
        ("「https://x.example/a」を参照", "https://x.example/a"),
        ("https://x.example/a（注）", "https://x.example/a"),
        # quotes as news text writes them
        ("He wrote “https://x.example/a_b_” twice", "https://x.example/a_b_"),
        ("Voir «https://x.example/a» ici", "https://x.example/a"),
        ("the site’s page https://x.example/a’s", "https://x.example/a"),
        # marks that are part of an address stay in it
        ("https://en.wikipedia.org/wiki/Israel–Hamas_war now", None),
        ("https://ca.wikipedia.org/wiki/Col·legi_Major now", None),
        ("https://ja.wikipedia.org/wiki/東京都 です", None),
    ],
)
def test_an_address_beside_other_scripts_and_quotes_links_to_itself_alone(text, target):
    address = target or text.split(" ")[0]
    expected = shared.web_url(address)
    for shown in (escape(text), *chunks(text, 3000), fit(text, 3000)):
        assert links(shown) == [expected], shown
        assert as_shown(shown) == text


@pytest.mark.parametrize(
    ("address", "target"),
    [
        # browsers read these hosts by IDNA 2008 (UTS #46, nontransitional), not 2003,
        # which would make them other hosts (strasse.de, fass.example, σ)
        ("https://straße.de/x", "https://xn--strae-oqa.de/x"),
        ("https://FAß.example/", "https://xn--fa-hia.example/"),
        ("https://ς.gr/", "https://xn--3xa.gr/"),
        # the same in both
        ("https://Bücher.example/a_b", "https://xn--bcher-kva.example/a_b"),
        ("https://ｅｘａｍｐｌｅ.com/", "https://example.com/"),
        ("https://my_host.example/", "https://my_host.example/"),
        ("https://i❤.ws/", "https://xn--i-7iq.ws/"),  # a symbol UTS #46 takes
        ("https://xn--i-7iq.ws/", "https://xn--i-7iq.ws/"),
    ],
)
def test_an_international_host_links_where_a_browser_goes(address, target):
    assert shared.web_url(address) == target
    assert links(escape(f"at {address} now")) == [target]


def test_an_international_host_no_browser_would_open_is_not_linked():
    assert shared.web_url("https://a\u200db.example/") is None
    assert shared.web_url("https://xn--zz.example/") is None


def test_an_address_cut_inside_by_a_clip_is_never_linked_to_its_start():
    """Whatever the limit, a clipped text links only the whole address or none of it."""
    address = "https://x.example/" + "a" * 50 + ".b" * 5 + ")c.html"
    text = f"Read {address} today"
    for limit in range(10, len(text) + 5):
        shown = fit(text, limit)
        assert len(shown) <= limit
        assert links(shown) in ([], [address]), (limit, shown)


def test_an_address_split_between_pieces_is_not_linked_in_part_nor_scattered():
    address = "https://x.example/" + "a" * 1000 + ".b" + "c" * 600
    text = f"see {address} end"
    pieces = chunks(text, 1200)
    assert all(len(piece) <= 1200 for piece in pieces)
    assert len(pieces) <= 4
    assert all(link == address for piece in pieces for link in links(piece))
    assert "".join(as_shown(piece) for piece in pieces).replace(" ", "") == text.replace(" ", "")


CJK_ADDRESS = "https://ja.wikipedia.org/wiki/" + "東京都の気候と天気" * 15


def test_addresses_whose_links_are_long_in_ascii_keep_a_text_whole_within_its_limit():
    """Each such address's link holds its ASCII form, nine characters for each CJK one:
    what does not fit is shown as text, never by splitting the text into scraps."""
    text = " ".join(f"第{n}回 {CJK_ADDRESS} 参照。" for n in range(8))
    pieces = chunks(text, SECTION_LIMIT)
    assert all(len(piece) <= SECTION_LIMIT for piece in pieces)
    assert len(pieces) <= 3
    assert " ".join(as_shown(piece) for piece in pieces) == text
    assert links("".join(pieces))  # some still link, each to the whole address
    assert set(links("".join(pieces))) == {shared.web_url(CJK_ADDRESS)}


def test_a_headline_with_a_long_international_address_keeps_its_words():
    title = f"東京の天気 {CJK_ADDRESS}"
    headline = link("https://news.example/1", title)
    assert headline.startswith("<https://news.example/1|東京の天気>")
    assert len(as_shown(headline)) >= HEADLINE_LIMIT // 2
    item = ReplyItem(title=title, url="https://news.example/1", briefing=(f"雨。{CJK_ADDRESS}",))
    [message] = render(Reply(title="t", items=(item,)))
    assert message_error(message.as_arguments()) is None
    assert "雨。" in message.blocks[1]["text"]["text"]


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        put(
            opened,
            1,
            "Harbour notice「https://port.example/notice_1_」",
            "Harbour notice at “https://port.example/a_b_/c_”. Second sentence.",
        )
        yield opened


def test_addresses_in_quotes_reach_slack_linked_to_themselves(store, tmp_path):
    section = brief_section(store, tmp_path, "harbour")
    assert links(section) == [
        "https://news.example/1",
        "https://port.example/notice_1_",
        "https://port.example/a_b_/c_",
    ]


def test_an_address_inside_a_word_split_between_pieces_is_not_linked_in_the_next():
    """A word longer than a piece is split inside; the next piece starts mid-word, where
    an address the whole word runs through must not be linked on its own."""
    word = "https://x.example/" + "a" * 1190 + "~https://y.example/b_c"
    pieces = chunks(f"see {word} end", 1200)
    assert all(len(piece) <= 1200 for piece in pieces)
    assert [link for piece in pieces for link in links(piece)] == []
    assert "".join(as_shown(piece) for piece in pieces).replace(" ", "") == f"see{word}end"


HOSTILE = [
    "a_b_", "*x*", "東京", "。", "「", "」", "“", "”", "(", ")", "&", "<!channel>", "x.", "~y~",
    "—", "…", "|", ">", "javascript:alert(1)", "mailto:a@b.example", "slack://open", "<@U1>",
]  # fmt: skip


def test_any_mix_of_addresses_and_hostile_text_keeps_slacks_limits_and_links_only_the_web():
    """Seeded random stories of addresses (ASCII, international, CJK paths, marks,
    brackets) among marks, quotes and would-be mentions or other links: Slack accepts
    every message, every link is a web address, and no text forms a mention."""
    rng = random.Random(11)

    def address() -> str:
        host = rng.choice(["x.example", "bücher.example", "straße.de", "例え.テスト"])
        marks = ["a", "_", "東", "(", ")", ".", "&", "%20", "~", "*", "-"]
        return f"https://{host}/" + "".join(rng.choice(marks) for _ in range(rng.randint(0, 300)))

    def text(words: int) -> str:
        return " ".join(
            address() if rng.random() < 0.3 else rng.choice(HOSTILE)
            for _ in range(rng.randint(1, words))
        )

    for _ in range(30):
        items = tuple(
            ReplyItem(
                title=text(20),
                url=rng.choice([address(), "javascript:alert(1)", None]),
                sources=(text(3),),
                briefing=tuple(text(40) for _ in range(3)),
            )
            for _ in range(rng.randint(1, 12))
        )
        lines = tuple(text(30) for _ in range(5))
        reply = Reply(title=text(5), text=text(200), items=items, lines=lines, footer=text(10))
        for message in render(reply):
            assert message_error(message.as_arguments()) is None
            assert len(message.text) <= 3000
            texts = [message.text] + [
                piece["text"]
                for block in message.blocks
                if block["type"] != "header"  # plain text: Slack parses nothing in it
                for piece in ([block["text"]] if "text" in block else block["elements"])
            ]
            for shown in texts:
                for found in LINK.finditer(shown):
                    assert found.group(1).startswith(("https://", "http://", "!date^")), shown


def test_a_text_of_many_addresses_is_split_into_pieces_near_the_limit_not_scraps():
    """Each link's brackets take a piece past the limit: the piece is made shorter, and
    the next starts where it ends, so none is a scrap left over."""
    addresses = [f"https://x{n}.example/a_{n}" for n in range(2000)]
    text = " ".join(addresses)
    pieces = chunks(text, SECTION_LIMIT)
    assert all(SECTION_LIMIT - 100 < len(piece) <= SECTION_LIMIT for piece in pieces[:-1])
    assert [link for piece in pieces for link in links(piece)] == addresses
