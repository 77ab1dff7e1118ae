"""More servers, people and direct messages in the fake, and the bot leaving a server.

    other = fake.add_guild("Harbour Town", admins=[carol := fake.person("carol")])
    ...start the bot: it is in both servers (READY, then a GUILD_CREATE for each)...
    await fake.remove_bot(other, outage=True)   # GUILD_DELETE {"unavailable": true}
    await fake.bring_back(other)                # GUILD_CREATE: available again
    await fake.remove_bot(other)                # GUILD_DELETE without "unavailable": kicked

As in Discord, a server's admin role (Manage Server) is its own: someone who is an admin
of one server is an ordinary member of another. Everyone is a member of every server.
"""

from __future__ import annotations

from collections.abc import Iterable

from tests.fakes.discord.payloads import Channel, Guild, User, snowflake


class Guilds:
    """The FakeDiscord's servers beyond its first, and DMs; mixed into FakeDiscord."""

    def person(self, name: str) -> User:
        """Someone new on Discord (a member of every server, admin of none)."""
        user = User(snowflake(), name)
        self.users[user.id] = user
        return user

    def add_guild(
        self, name: str, *, admins: Iterable[User] = (), channels: Iterable[str] = ("news",)
    ) -> Guild:
        """Another server with the bot in it, its own owner, admin role and text channels;
        ``admins`` hold Manage Server there. Add it before the bot connects (or announce it
        with ``bring_back``, as Discord does when the bot is invited)."""
        owner = self.person(f"owner-of-{name.split()[0].lower()}")
        guild_id = snowflake()
        guild = Guild(
            guild_id,
            name,
            owner_id=owner.id,
            channels=[Channel(snowflake(), channel, guild_id) for channel in channels],
            admin_role_id=snowflake(),
            admins={user.id for user in admins},
        )
        self.guilds[guild_id] = guild
        return guild

    def thread_in(self, parent: Channel | int, name: str = "thread") -> Channel:
        """A public thread in ``parent`` (a channel, or the id of one the bot cannot see);
        add it before the bot connects, as GUILD_CREATE lists the active threads."""
        parent_id = parent if isinstance(parent, int) else parent.id
        guild_id = self.news.guild_id if isinstance(parent, int) else parent.guild_id
        thread = Channel(snowflake(), name, guild_id, parent_id=parent_id)
        self.guilds[guild_id].channels.append(thread)
        return thread

    def dm_with(self, user: User) -> Channel:
        """The direct message channel between ``user`` and the bot."""
        found = next((c for c in self.dms.values() if c.recipient == user), None)
        if found is None:
            found = Channel(snowflake(), "", 0, recipient=user)
            self.dms[found.id] = found
        return found

    def channel_by_id(self, channel_id: int | str) -> Channel | None:
        """A channel of a server the bot is in, or a direct message channel."""
        wanted = int(channel_id)
        for guild in self.guilds.values():
            for channel in guild.channels:
                if channel.id == wanted:
                    return channel
        return self.dms.get(wanted)

    async def remove_bot(self, guild: Guild, *, outage: bool = False) -> None:
        """GUILD_DELETE to the sessions of ``guild``: with ``outage`` the server is only
        unavailable for a while (``"unavailable": true``); without, the bot was removed from
        it (no ``unavailable`` field) and the server is gone from the bot's view: its
        channels answer 404 and it is no longer in READY."""
        data: dict[str, object] = {"id": str(guild.id)}
        if outage:
            data["unavailable"] = True
        for session in self.gateway.sessions_for(guild.id):
            await session.dispatch("GUILD_DELETE", data)
        if not outage:
            self.guilds.pop(guild.id, None)
        self.changed()

    async def bring_back(self, guild: Guild) -> None:
        """GUILD_CREATE to the sessions of ``guild``: available again after an outage, or
        the bot invited (back) into it."""
        self.guilds[guild.id] = guild
        for session in self.gateway.sessions_for(guild.id):
            await session.dispatch("GUILD_CREATE", guild.create_payload(self.bot))
        self.changed()
