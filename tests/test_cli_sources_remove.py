"""``briefing sources remove`` says whose subscriptions it ends: the servers and workspaces
that followed the source (by name where the store has one, and id) and how many of their
channels got a digest; or, for the operator's source they follow, for whom it stays read.
The real command line, on a store of either engine."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summaries.cli import EXIT_INPUT, EXIT_OK, main
from summaries.store import Store, open_store

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
WIRE = "https://wire.example/rss"


def config_for(tmp_path: Path, location: str, feeds: tuple[str, ...] = ()) -> Path:
    """A config.toml for the store at ``location``, listing ``feeds``."""
    config = tmp_path / "config.toml"
    where = f'url = "{location}"' if location.startswith("postgresql") else f'path = "{location}"'
    listed = ", ".join(f'"{feed}"' for feed in feeds)
    config.write_text(f"[store]\n{where}\n\n[sources]\nfeeds = [{listed}]\n", encoding="utf-8")
    return config


def listed(config: Path) -> str:
    """``briefing sources list``, which also stores the sources config.toml names."""
    out = io.StringIO()
    assert main(["sources", "list", "--config", str(config)], stdout=out) == EXIT_OK
    return out.getvalue()


def remove(config: Path, wanted: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["sources", "remove", wanted, "--config", str(config)], stdout=out)
    return code, out.getvalue()


def follow(store: Store, tenant: str, name: str | None, digests: list[str], url: str = WIRE):
    """``tenant`` (named ``name``) follows ``url``, with a daily digest in ``digests``."""
    store.ensure_tenant(tenant, now=NOW, name=name)
    store.subscribe(tenant, url, "feed", added_by="admin", now=NOW, max_sources=50)
    for channel in digests:
        store.ensure_channel(channel, tenant=tenant)
        store.set_schedule(channel, "08:00", "UTC", now=NOW)


def test_removing_a_source_servers_follow_names_them_and_their_digest_channels(
    tmp_path, location
):
    config = config_for(tmp_path, location)
    with open_store(location) as store:
        follow(store, "discord:1", "Harbour News", ["discord:11", "discord:12"])
        store.ensure_channel("discord:13", tenant="discord:1")  # no digest there
        follow(store, "slack:T9", None, ["slack:C1"])
        follow(store, "discord:2", "Elsewhere", [], url="https://other.example/rss")
        source = store.get_source(WIRE)

    code, output = remove(config, f"#{source.id}")

    assert (code, output) == (
        EXIT_OK,
        f"removed feed #{source.id} {WIRE}; it ended the subscriptions of the 2 servers and "
        "workspaces that followed it: Harbour News (discord:1), slack:T9. Their 3 channels "
        "with a daily digest no longer get the feed's stories.\n",
    )
    with open_store(location) as store:
        assert store.get_source(WIRE) is None
        assert [s.source.url for s in store.tenant_sources("discord:2", operator=False)] == [
            "https://other.example/rss"
        ]  # another source's follower is neither told of nor touched


def test_removing_a_source_one_server_follows_says_so_in_the_singular(tmp_path, location):
    config = config_for(tmp_path, location)
    with open_store(location) as store:
        follow(store, "discord:1", "Harbour News", ["discord:11"])

    code, output = remove(config, WIRE)

    assert (code, output) == (
        EXIT_OK,
        "removed feed #1 https://wire.example/rss; it ended the subscription of the one server "
        "or workspace that followed it: Harbour News (discord:1). Its one channel with a daily "
        "digest no longer gets the feed's stories.\n",
    )


def test_removing_the_operators_source_servers_follow_names_whom_it_stays_read_for(
    tmp_path, location
):
    config = config_for(tmp_path, location)
    with open_store(location) as store:
        source = store.add_source(WIRE, "feed", now=NOW)
        follow(store, "discord:1", "Harbour News", ["discord:11"])

    code, output = remove(config, WIRE)

    assert (code, output) == (
        EXIT_OK,
        f"removed feed #{source.id} {WIRE} from the shared sources; it is still read for the "
        "one server or workspace that follows it: Harbour News (discord:1).\n",
    )
    with open_store(location) as store:
        assert [s.source.id for s in store.tenant_sources("discord:1", operator=False)] == [
            source.id
        ]


def test_removing_a_source_nobody_follows_says_only_that(tmp_path, location):
    config = config_for(tmp_path, location)
    with open_store(location) as store:
        source = store.add_source(WIRE, "feed", now=NOW)

    assert remove(config, WIRE) == (EXIT_OK, f"removed feed #{source.id} {WIRE}\n")
    assert remove(config, WIRE)[0] == EXIT_INPUT


def test_removing_a_source_config_toml_lists_says_it_comes_back_and_it_does(tmp_path, location):
    config = config_for(tmp_path, location, feeds=(WIRE,))
    assert WIRE in listed(config)

    assert remove(config, WIRE) == (
        EXIT_OK,
        f"removed feed #1 {WIRE}; it is listed in config.toml and comes back at the next "
        "ingest unless removed there.\n",
    )
    assert WIRE in listed(config)


def test_removing_a_followed_source_config_toml_lists_says_it_is_shared_again_and_it_is(
    tmp_path, location
):
    config = config_for(tmp_path, location, feeds=(WIRE,))
    assert WIRE in listed(config)
    with open_store(location) as store:
        follow(store, "discord:1", "Harbour News", [])

    assert remove(config, WIRE) == (
        EXIT_OK,
        f"removed feed #1 {WIRE} from the shared sources; it is still read for the one server "
        "or workspace that follows it: Harbour News (discord:1). It is listed in config.toml "
        "and is shared again at the next ingest unless removed there.\n",
    )
    with open_store(location) as store:
        assert not store.get_source(WIRE).operator
    listed(config)
    with open_store(location) as store:
        assert store.get_source(WIRE).operator


@pytest.mark.parametrize("wanted", ["#99", "#abc", "https://none.example/rss"])
def test_a_source_that_is_not_there_is_named_as_typed(tmp_path, location, capsys, wanted):
    """'#abc' was answered "There is no source 'abc'", which was not what was typed."""
    config = config_for(tmp_path, location)
    assert remove(config, wanted) == (EXIT_INPUT, "")
    assert f"There is no source {wanted!r};" in capsys.readouterr().err
