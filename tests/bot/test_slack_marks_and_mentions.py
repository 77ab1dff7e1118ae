"""Article text with mrkdwn's formatting marks, and mentions in a typed query, through the
real slack-bolt app and command layer over a real store, answered to the fake Web API."""

from __future__ import annotations

import re

import pytest

from summaries.store import open_store
from tests.bot.test_slack_http import put, run, running_app

TITLES = [
    "C*-algebra harbour model wins prize",
    "snake_case bug stalls harbour app",
    "*BREAKING* harbour closed",
    "Q&A <3> tags on the harbour ~plan~ and `code`",
]
OUTLET = "*Star* _Daily_ ~Wire~"
HEADLINE = re.compile(r"\*<https://news\.example/\d+\|(?P<label>[^<>|]*)>\*")
# A mark Slack may read as formatting: not between two letters or digits.
LOOSE_MARK = re.compile(r"(?<![^\W_])[*_~`]|[*_~`](?![^\W_])")
SHOWN_AS = str.maketrans({"\u2217": "*", "\u02cd": "_", "\u223c": "~", "\u02cb": "`"})


def as_seen(mrkdwn: str) -> str:
    """What a reader sees of mrkdwn text without formatting: entities decoded and the
    look-alikes read as the marks they stand for."""
    decoded = mrkdwn.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return decoded.translate(SHOWN_AS)


def brief(store, tmp_path, query: str) -> dict:
    """The answer to ``/brief query``, as sent to the response URL."""
    [answer] = briefs(store, tmp_path, query)
    return answer


def briefs(store, tmp_path, *queries: str) -> list[dict]:
    """The answers to ``/brief`` with each of ``queries``, in turn, from one running app."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            for count, query in enumerate(queries, 1):  # each answered before the next
                await app.command("/brief", query)
                answers = await app.slack.wait_for_responses(count)
            return answers

    return run(scenario)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        for n, title in enumerate(TITLES, 1):
            put(opened, n, title, f"The harbour story number {n} is told here.", source=OUTLET)
        put(opened, 9, "Ransomware shuts Brennport ports", "Ransomware shut the port today.")
        put(opened, 10, "Gantry crane report", "The _new_ gantry is *BREAKING* records.")
        put(opened, 11, "Gantry crane maths", "The gantry uses C*-algebra and file_v2_ names.")
        yield opened


def test_headlines_and_outlets_with_formatting_marks_show_intact_inside_our_bold(store, tmp_path):
    """mrkdwn has no escape for * _ ~ `: a mark beside punctuation or a space would end the
    bold around a headline early or format part of it. Each headline is one bold link whose
    label holds no mark Slack could read, and reads exactly as the article's title."""

    answer = brief(store, tmp_path, "harbour")
    sections = [b["text"]["text"] for b in answer["blocks"] if b["type"] == "section"]
    labels = []
    for text in sections:
        headline = text.split("\n")[0]
        match = HEADLINE.fullmatch(headline)
        assert match, headline
        label = match.group("label")
        assert not LOOSE_MARK.search(label), label
        assert "<" not in label and ">" not in label
        labels.append(as_seen(label))
    assert sorted(labels) == sorted(TITLES)
    assert "snake_case" in "".join(sections)  # inside a word a mark is left as it is
    assert "Q&amp;A &lt;3&gt; tags" in "".join(sections)
    outlets = [
        element["text"]
        for block in answer["blocks"]
        if block["type"] == "context"
        for element in block["elements"]
        if "Daily" in element["text"]
    ]
    assert len(outlets) == len(TITLES)
    for text in outlets:
        assert not LOOSE_MARK.search(text) and as_seen(text) == OUTLET


@pytest.mark.parametrize(
    "mention",
    [
        "<@U2ABC>",
        "<!here>",
        "<!subteam^S0TEAM>",
        "<!channel>",
        "<@W2ABC>",
        "<@U2ABC|>",
        # the whole channel, labelled as older clients send it, or typed where Slack leaves
        # a slash command's text as it is: it names no one and nothing to look for
        "<!here|here>",
        "<!channel|@channel>",
        "<!everyone|everyone>",
        "@here",
        "@channel",
        "@everyone",
    ],
)
def test_a_mention_in_a_brief_query_is_not_searched_as_a_word(store, tmp_path, mention):
    """A mention arrives as the id it points to: not a word the person typed, so not a
    keyword. The query is the rest; a query of a mention alone asks what to look for."""

    found, empty = briefs(store, tmp_path, f"{mention} ransomware", mention)
    assert "Ransomware shuts Brennport ports" in str(found["blocks"])
    [header] = [b["text"]["text"] for b in found["blocks"] if b["type"] == "header"]
    assert header == "Briefing: ransomware*"  # the one word searched (by its start)
    assert found["text"].startswith("Briefing: ransomware*: ")  # a lone mark, as typed
    assert "Tell me what to look for" in str(empty["blocks"])


@pytest.mark.parametrize("typed", ["@here: ransomware", "(@channel) ransomware"])
def test_a_whole_channel_mention_beside_punctuation_is_not_searched(store, tmp_path, typed):
    [found] = briefs(store, tmp_path, typed)
    [header] = [b["text"]["text"] for b in found["blocks"] if b["type"] == "header"]
    assert header == "Briefing: ransomware*"


def test_an_address_ending_in_a_whole_channel_name_is_left_whole(store, tmp_path):
    [answer] = briefs(store, tmp_path, "https://social.example/@here")
    assert "summarize <https://social.example/@here>" in str(answer["blocks"])


def test_a_labelled_mention_keeps_the_name_the_person_saw(store, tmp_path):
    """``<#C1|ransomware>`` is what Slack makes of "#ransomware" typed where a channel has
    that name: the person typed the word, so it is searched; the id never is."""

    answer = brief(store, tmp_path, "<#C1RANSOM|ransomware>")
    assert "Ransomware shuts Brennport ports" in str(answer)
    assert "c1ransom" not in str(answer).casefold()


def test_a_query_is_echoed_as_typed_where_its_marks_can_format_nothing(store, tmp_path):
    """A query's description ("ransomware*": the word and its completions) is echoed in
    the text and footer, outside the bot's own formatting. One mark alone opens no span,
    so it reads, and copies, as the person would type it, not as a look-alike."""

    found, nothing = briefs(store, tmp_path, "ransomware", "zqxvbn")
    footers = [
        element["text"]
        for block in found["blocks"]
        if block["type"] == "context"
        for element in block["elements"]
    ]
    assert "1 best match for ransomware*" in footers
    assert found["text"].startswith("Briefing: ransomware*: Ransomware shuts Brennport ports")
    [text] = [b["text"]["text"] for b in nothing["blocks"] if b["type"] == "section"]
    assert "No stored story matches zqxvbn*. Try fewer" in text


def test_marks_that_could_pair_in_a_briefing_show_as_look_alikes_and_a_lone_one_as_typed(
    store, tmp_path
):
    """Outside our bold, two marks of a kind could format the text between them: those
    show as look-alikes; a single one, or one inside a word, is left as written."""

    answer = brief(store, tmp_path, "gantry")
    sections = [b["text"]["text"] for b in answer["blocks"] if b["type"] == "section"]
    [paired] = [text.split("\n")[1] for text in sections if "records" in text]
    assert not LOOSE_MARK.search(paired), paired
    assert as_seen(paired) == "The _new_ gantry is *BREAKING* records."
    [lone] = [text.split("\n")[1] for text in sections if "algebra" in text]
    assert lone == "The gantry uses C*-algebra and file_v2_ names."


def test_a_mail_link_is_read_as_the_address_typed_and_a_web_link_as_its_address(store, tmp_path):
    """Slack links an e-mail address typed in a query as ``<mailto:…|…>``: it is the
    address the person typed that is looked for, never the word "mailto". A labelled web
    link is not taken for a mention: it stays its full address (brief refuses it as one)."""

    mail, web = briefs(
        store,
        tmp_path,
        "<mailto:ops@brennport.example|ops@brennport.example>",
        "<https://news.example/9|news.example/9>",
    )
    assert "mailto" not in str(mail).casefold()
    assert "No stored story matches" in str(mail["blocks"])
    assert "ops@brennport.example" in str(mail["blocks"])
    assert "summarize <https://news.example/9>" in str(web["blocks"])


@pytest.mark.parametrize(
    "typed",
    [
        "```ransomware\nports```",  # Slack's block of two lines: no info string
        "```\nransomware\nports\n```",
        "```ransomware &amp; ports\nshut```",  # its entities decoded
        "```&lt;ransomware&gt;\nports```",
    ],
)
def test_a_code_block_of_several_lines_is_read_as_the_words_in_it(store, tmp_path, typed):
    """Slack has no language line in a code block: its first line is text like the rest,
    not a language called ransomware."""
    [answer] = briefs(store, tmp_path, typed)
    [header] = [b["text"]["text"] for b in answer["blocks"] if b["type"] == "header"]
    assert header.startswith("Briefing: ransomware*")
    assert "Ransomware shuts Brennport ports" in str(answer["blocks"])


def test_a_code_block_in_a_named_language_is_refused_with_a_clear_message(store, tmp_path):
    [answer] = briefs(store, tmp_path, "```python\nprint(&quot;ports&quot;)```")
    text = as_seen(str(answer["blocks"]))
    assert "That is a block of python code, and brief looks for words" in text
    assert "Ransomware" not in text
