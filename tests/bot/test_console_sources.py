"""``sources add`` typed into the real console: addresses and paths it must refuse are
answered with a plain sentence, the session goes on, and nothing is stored."""

from __future__ import annotations

import asyncio
import io

from bot.console import run_console
from summaries.config import FetchSettings, IngestSettings, Settings, SourcesSettings, StoreSettings
from tests.fakes.feed_server import FeedServer

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40


def test_refused_sources_are_explained_and_the_session_goes_on(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("A story.\n", encoding="utf-8")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    settings = Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")),
        sources=SourcesSettings(allow_hosts=("127.0.0.1",)),
        fetch=FetchSettings(politeness=0, timeout=5),
        ingest=IngestSettings(workers=1),
    )
    with FeedServer() as server:
        server.feed("/rss", "rss2.xml")
        server.route("/photo", PNG, "text/html")
        with_password = server.url("/rss").replace("http://", "http://editor:hunter2@")
        commands = [
            f"sources add {tmp_path / ('b' * 300)}",
            f"sources add {story / 'x'}",
            f"sources add folder {loop}",
            f"sources add {with_password}",
            f"sources add feed {with_password}",
            "sources add page http://169.254.169.254/latest/meta-data/",
            f"sources add {server.url('/photo')}",
            "sources list",
        ]
        out = io.StringIO()
        code = asyncio.run(
            run_console(settings, stdin=io.StringIO("\n".join(commands)), stdout=out)
        )
        assert server.paths() == ["/photo"]  # the only address that passed the checks
    text = out.getvalue()
    assert code == 0
    assert "That folder name is too long" in text
    assert "goes through a file as if it were a folder" in text
    assert "loop of symbolic links" in text
    assert text.count("user name or password") == 2 and "hunter2" not in text
    assert "private network" in text and "[sources] allow_hosts" in text
    assert "binary data" in text
    assert "incident" not in text and "Traceback" not in text
    assert "Source added" not in text
    sources = text[text.rindex("Sources") :]
    assert "#1 folder" in sources and "#2" not in sources  # the samples, and nothing else
