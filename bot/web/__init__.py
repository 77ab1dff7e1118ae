"""The admin dashboard: a small server-rendered web app served by ``python -m bot``.

Admins sign in with Discord or Slack (or the operator with a one-time link from
``briefing web-link``) and see, for each server or workspace they manage where the bot
is: its sources and their health, its channels' topics, schedules and digest previews,
the delivery log and a search of its archive. Every change is a declared command run
through the command layer (``bot.web.forms``), with the same checks as in chat.
"""

from bot.web.server import Dashboard

__all__ = ["Dashboard"]
