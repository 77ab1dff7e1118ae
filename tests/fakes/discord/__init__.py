"""A protocol-level fake Discord (REST API v10 and gateway) on loopback; see server.py."""

from tests.fakes.discord.payloads import Channel, Guild, User
from tests.fakes.discord.people import Interaction
from tests.fakes.discord.server import FakeDiscord, Request

__all__ = ["Channel", "FakeDiscord", "Guild", "Interaction", "Request", "User"]
