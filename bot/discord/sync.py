"""Register the slash commands with Discord only when they changed.

Discord rate-limits command registration (200 creates a day per guild) and every
sync makes clients refetch; so the bot hashes the payload it would send and syncs only
when the hash differs from the last one synced for this application. The hash is kept
in the bot's own database (the store's command-sync record, one per application id, part
of its migrated schema), so it is backed up and moved with everything else. A failed sync
stores nothing and is tried at the next start.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from datetime import UTC, datetime
from typing import Any

import discord
from discord import app_commands

from summaries.store import Store

log = logging.getLogger("briefing.discord.sync")

def command_payload(tree: app_commands.CommandTree) -> list[dict[str, Any]]:
    """The global commands exactly as ``tree.sync()`` sends them."""
    return [command.to_dict(tree) for command in tree.get_commands()]


def payload_hash(payload: list[dict[str, Any]]) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def synced_hash(store: Store, application_id: int) -> str | None:
    return store.command_sync_hash(str(application_id))


def remember_hash(store: Store, application_id: int, digest: str) -> None:
    store.remember_command_sync(str(application_id), digest, now=datetime.now(UTC))


async def sync_if_changed(
    tree: app_commands.CommandTree, store: Store, application_id: int
) -> bool:
    """Sync the global commands if they changed since the last sync; True if synced."""
    digest = payload_hash(command_payload(tree))
    if await asyncio.to_thread(synced_hash, store, application_id) == digest:
        log.info("slash commands unchanged since the last sync; not syncing")
        return False
    try:
        registered = await tree.sync()
    except discord.HTTPException as error:
        log.error(
            "could not register the slash commands (%s %s); trying again at the next start",
            error.status,
            error.text,
        )
        return False
    await asyncio.to_thread(remember_hash, store, application_id, digest)
    log.info("registered %d slash commands with Discord", len(registered))
    return True
