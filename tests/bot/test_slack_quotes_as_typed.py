"""A ">" that starts a line of article text, through the real slack-bolt app to the fake
Web API: Slack reads "&gt;" at the start of a line of mrkdwn as a block quote (the
entity is how a typed ">" reaches Slack too), so a briefing or an outlet beginning with
one would show indented behind a quote bar, not as the article wrote it."""

from __future__ import annotations

import re

import pytest

from summaries.store import open_store
from tests.bot.test_slack_http import put
from tests.bot.test_slack_marks_and_mentions import as_seen, brief

QUOTED = "> Harbour pilots quote the old rules."
OUTLET = ">Wire & Co"
# Slack's block quote: "&gt;" first on a line, after spaces at most.
QUOTE = re.compile(r"^\s*&gt;", re.MULTILINE)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        put(opened, 1, "Harbour rules", f"{QUOTED} Work starts.", source=OUTLET)
        yield opened


def mrkdwn_texts(message: dict) -> list[str]:
    texts = []
    for block in message["blocks"]:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
        for element in block.get("elements", []):
            if element.get("type") == "mrkdwn":
                texts.append(element["text"])
    return texts


def test_a_line_of_article_text_starting_with_a_greater_than_sign_is_no_quote(store, tmp_path):
    answer = brief(store, tmp_path, "harbour")
    texts = mrkdwn_texts(answer)
    assert [text for text in texts if QUOTE.search(text)] == []
    seen = [as_seen(text).replace("\u02c3", ">") for text in texts]
    assert any(QUOTED in text.splitlines() for text in seen), seen
    assert OUTLET in seen
