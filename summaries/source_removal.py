"""What ``briefing sources remove`` tells the operator: the source removed, and the servers
and workspaces whose subscriptions that ended, or for whom it stays read."""

from __future__ import annotations

from summaries.listing import some_of
from summaries.store import CONFIGURED, Follower, Removal


def removal_message(removal: Removal) -> str:
    """One line: what was removed and what it did to whom (see ``Store.remove_source``)."""
    source, followers = removal.source, removal.followers
    said = f"removed {source.kind} #{source.id} {source.url}"
    count = len(followers)
    who = f"{count} server or workspace" if count == 1 else f"{count} servers and workspaces"
    names = some_of([_label(follower) for follower in followers])
    if not removal.deleted:  # the operator's, followed: theirs alone now
        follow = "follows" if count == 1 else "follow"
        said += (
            f" from the shared sources; it is still read for the {who} that {follow} it: {names}."
        )
    elif followers:
        ended = "subscription" if count == 1 else "subscriptions"
        said += f"; it ended the {ended} of the {who} that followed it: {names}."
        channels = sum(follower.digest_channels for follower in followers)
        if channels:
            whose = "Its" if count == 1 else "Their"
            lines = f"{channels} channel{'' if channels == 1 else 's'} with a daily digest"
            said += f" {whose} {lines} no longer {'gets' if channels == 1 else 'get'} its stories."
    if source.added_by == CONFIGURED:
        said += (
            " It is listed in config.toml and comes back at the next ingest unless removed there."
        )
    return said


def _label(follower: Follower) -> str:
    return f"{follower.name} ({follower.tenant})" if follower.name else follower.tenant
