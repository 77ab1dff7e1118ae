"""An answer of several messages whose second may have been posted (Slack took it, then
answered 503): the rest is not sent, and the asker alone is told that it may not have
shown in full. Over signed HTTP requests to the real slack-bolt app and the fake Slack."""

from __future__ import annotations

import asyncio
import json

from tests.bot.test_slack_http import LongAnswers, run, running_app, store  # noqa: F401
from tests.fakes.slack import app_mention


def test_a_mention_answer_cut_by_a_503_mid_way_stops_with_a_note(
    store,  # noqa: F811 - the fixture
    tmp_path,
):
    async def scenario():
        async with running_app(store, tmp_path, LongAnswers()) as app:
            app.slack.unavailable("chat.postMessage", after=1, taken=True)
            await app.send(json.dumps(app_mention("<@UBOT> sources list", channel="C7")))
            [note] = await app.slack.wait_for("chat.postEphemeral")
            await asyncio.sleep(0.5)  # nothing more arrives
            return app.slack.posted(), app.slack.calls_to("chat.postEphemeral"), note

    posted, notes, note = run(scenario)
    assert len(posted) == 2  # the first, and the second Slack took before its 503: once each
    assert len({json.dumps(message["blocks"]) for message in posted}) == 2
    assert len(notes) == 1 and note.args["channel"] == "C7"
    assert note.args["text"] == (
        "My answer to this command may not have shown in full: Slack had trouble with it. If "
        "it stops short, please ask again."
    )
