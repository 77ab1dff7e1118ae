"""The command layer shared by every chat platform: text in, a platform-neutral Reply out.

    commands = Commands(store, settings, pool=pool, fetcher=fetcher, delivery=delivery,
                        clock=clock)
    reply = await commands.run(Caller("discord", "discord:1", "discord:2"), "brief cyber")

``COMMANDS`` holds every command's declaration (``bot.commands.declare``): adapters
derive their slash commands from it, and help lists it.
"""

from bot.commands.context import Delivery
from bot.commands.declare import (
    Access,
    Action,
    Argument,
    Command,
    CommandSet,
    Kind,
    Request,
    Suggest,
)
from bot.commands.dispatcher import Commands
from bot.commands.table import COMMANDS

__all__ = [
    "COMMANDS",
    "Access",
    "Action",
    "Argument",
    "Command",
    "CommandSet",
    "Commands",
    "Delivery",
    "Kind",
    "Request",
    "Suggest",
]
