"""The command layer shared by every chat platform: text in, a platform-neutral Reply out.

    commands = Commands(store, settings, pool=pool, fetcher=fetcher, delivery=delivery,
                        schedule=schedule, clock=clock)
    reply = await commands.run(Caller("discord", "discord:1", "discord:2"), "brief cyber")

``COMMANDS`` lists every command for adapters to register (slash commands) and for help.
"""

from bot.commands.context import Delivery, Schedule
from bot.commands.dispatcher import Commands
from bot.commands.specs import COMMANDS, CommandSpec

__all__ = ["COMMANDS", "CommandSpec", "Commands", "Delivery", "Schedule"]
