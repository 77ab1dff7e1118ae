"""A database written by the bot before tenants existed (tests/data/briefing-before-tenants.db:
schema 4, made by `briefing ingest` of the sample corpus with one [[channels]] entry) is
upgraded in place, and every server reads what the install read before."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from summaries.digest import compose_digest
from summaries.models import Scope
from summaries.store import SCHEMA_VERSION, open_store

OLD = Path(__file__).resolve().parents[1] / "data" / "briefing-before-tenants.db"
NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def test_a_database_from_before_tenants_reads_as_before(tmp_path):
    path = tmp_path / "briefing.db"
    shutil.copy(OLD, path)
    with open_store(path) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        (source,) = store.sources_to_read()
        assert source.kind == "folder" and source.operator  # the operator's, shared
        assert store.count_articles() == 8
        linked = store.execute(
            "SELECT count(*) FROM article_sources WHERE source_id = ?", (source.id,)
        )
        assert linked == [(8,)]

        shared = Scope.of_tenant("discord:1", shared=True)
        hits = store.search("ransomware", now=NOW, scope=shared)
        assert hits and "Brennport" in hits[0].story.lead.title
        assert len(hits[0].story.sources) == 2  # both outlets, as before
        assert (
            store.search("ransomware", now=NOW, scope=Scope.of_tenant("discord:1", shared=False))
            == []
        )

        channel = store.get_channel("discord:100")
        assert channel is not None and channel.tenant is None and channel.configured
        assert channel.time == "08:00" and channel.topics == ("port",)
        digest = compose_digest(store, channel, now=NOW, period="p", shared=False)
        titles = [item.story.lead.title for item in digest.stories]
        assert hits[0].story.lead.title in titles  # its topic, from the operator's source
