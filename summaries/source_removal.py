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
    one = count == 1
    who = "the one server or workspace" if one else f"the {count} servers and workspaces"
    names = some_of([_label(follower) for follower in followers])
    if not removal.deleted:  # the operator's, followed: theirs alone now
        said += (
            f" from the shared sources; it is still read for {who} that "
            f"{'follows' if one else 'follow'} it: {names}."
        )
    elif followers:
        said += (
            f"; it ended the subscription{'' if one else 's'} of {who} that followed it: {names}."
        )
        channels = sum(follower.digest_channels for follower in followers)
        if channels:
            lines = f"{'one' if channels == 1 else channels} channel{'' if channels == 1 else 's'}"
            said += (
                f" {'Its' if one else 'Their'} {lines} with a daily digest no longer "
                f"{'gets' if channels == 1 else 'get'} the {source.kind}'s stories."
            )
    if source.added_by == CONFIGURED:  # config.toml makes it the operator's again
        again = "comes back" if removal.deleted else "is shared again"
        listed = f"listed in config.toml and {again} at the next ingest unless removed there."
        said += f" It is {listed}" if said.endswith(".") else f"; it is {listed}"
    return said


def _label(follower: Follower) -> str:
    return f"{follower.name} ({follower.tenant})" if follower.name else follower.tenant
