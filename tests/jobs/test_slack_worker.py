"""A Slack channel's digest as a job: ``briefing worker`` posts it over the Slack Web API (the
loopback fake), exactly once however many workers and however often it is queued."""

from __future__ import annotations

import asyncio

from summaries.store import open_store
from tests.fakes.slack import FakeSlack
from tests.jobs.support import Worker, database, jobs, until, write_config
from tests.jobs.test_deliver_jobs import PERIOD, channel_with_news, queue

TOKEN = "xoxb-2200-worker-test-token"


def test_two_workers_post_a_queued_slack_digest_once(tmp_path):
    async def run() -> None:
        async with FakeSlack() as slack:
            with database() as url:
                write_config(tmp_path, url, f'[slack]\napi_base = "{slack.api_url}"\n')
                channel = "slack:C1"
                channel_with_news(url, channel)
                assert await queue(url, (channel, PERIOD), (channel, PERIOD)) == [True, False]
                env = {"SLACK_BOT_TOKEN": TOKEN}
                workers = [
                    await Worker.start(tmp_path, "--queues", "deliver", env=env) for _ in range(2)
                ]
                try:
                    await until(lambda: slack.posted(), what="the Slack digest")
                    await until(lambda: jobs(url)[0]["status"] == "succeeded", what="the job")
                    # queued again once posted (another bot's clock): the job finds it sent
                    assert await queue(url, (channel, PERIOD)) == [True]
                    await until(
                        lambda: [job["status"] for job in jobs(url)] == ["succeeded"] * 2,
                        what="the second job",
                    )
                    await asyncio.sleep(1.0)  # a second post would show by now
                finally:
                    codes = [(await worker.stop())[0] for worker in workers]
                assert codes == [0, 0], [worker.log() for worker in workers]
                (post,) = slack.posted()
                assert post["channel"] == "C1"
                assert "Harbour story 1" in str(post)
                with open_store(url) as store:
                    record = store.digest_record(channel, PERIOD)
                assert record is not None and record.sent_at is not None
                logs = "".join(worker.log() for worker in workers)
                assert TOKEN not in logs
                assert logs.count("event=job_done job=deliver") == 2
                assert "result=sent" in logs and "result=already-sent" in logs

    asyncio.run(asyncio.wait_for(run(), 90))
