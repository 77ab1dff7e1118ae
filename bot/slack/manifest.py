"""The Slack app manifest, with a slash command for every declared command.

    python -m bot.slack.manifest            # prints it
    python -m bot.slack.manifest --write    # updates bot/slack/manifest.yaml and the README's copy

Each command's description is its declared summary and its usage hint its declared
usage (``list | add [feed|page] <url> | ...``). Everything else (scopes, events, Socket
Mode) is what the adapter needs, written here once. A test keeps ``manifest.yaml`` and
the README's copy equal to this output.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from bot.commands import COMMANDS, Command, CommandSet

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.yaml"
README = HERE.parents[1] / "README.md"
README_START = "<!-- slack-manifest:start -->\n```yaml\n"
README_END = "```\n<!-- slack-manifest:end -->"
_PLAIN = re.compile(r"[A-Za-z][^\"#:\\\n]*[^\s\"#:\\]")  # needs no quotes in YAML

HEAD = """\
# The Slack app of the briefing bot, for Socket Mode (no public URL needed).
# https://api.slack.com/apps > Create New App > From a manifest > paste this file.
# Made from the bot's command declarations by `python -m bot.slack.manifest`.
#
# For HTTP mode instead ([slack] mode = "http"): set socket_mode_enabled to false, give each
# slash command a `url: https://your.host/slack/events` and add
# `request_url: https://your.host/slack/events` under settings.event_subscriptions.
display_information:
  name: Briefing
  description: Short briefings of the news, and a daily digest for your channels.
  long_description: "Briefing reads the news feeds and pages you give it, condenses each \
article into a two- or three-sentence extractive briefing (whole sentences of the article, in \
its order), and posts one digest a day into each channel that asks for it: the new stories on \
the channel's topics, each with its sources and a link. Anyone can ask for briefings on a topic \
with /brief, summarize a page with /summarize, or preview the next digest with /digest. \
Workspace admins and owners choose the sources, each channel's topics and the time of its \
digest."
  background_color: "#264653"
features:
  bot_user:
    display_name: briefing
    always_online: true
  slash_commands:
"""

TAIL = """\
oauth_config:
  scopes:
    bot:
      - app_mentions:read  # @briefing brief cyber
      - chat:write  # answers and digests
      - chat:write.public  # digests into public channels the bot has not joined
      - channels:read  # is a channel named in a command (<#C…>) this workspace's?
      - groups:read  # and when it is private, is the person asking in it?
      - mpim:read  # is a conversation the bot is mentioned in a group DM?
      - commands  # the slash commands above
      - users:read  # is the person asking a workspace admin or owner?
settings:
  event_subscriptions:
    bot_events:
      - app_mention
  interactivity:
    is_enabled: false
  org_deploy_enabled: false
  socket_mode_enabled: true
  token_rotation_enabled: false
"""


def usage_hint(command: Command) -> str:
    """What Slack shows after ``/name`` as it is typed: the usage without the name."""
    return " | ".join(use.usage("") for use in command.uses if use.usage(""))


def manifest_text(commands: CommandSet = COMMANDS) -> str:
    lines = []
    for command in commands:
        lines += [
            f"    - command: /{command.name}",
            f"      description: {_scalar(command.summary)}",
        ]
        hint = usage_hint(command)
        if hint:
            lines.append(f"      usage_hint: {_quoted(hint)}")
        lines.append("      should_escape: false")  # the adapter reads the text as typed
    return HEAD + "\n".join(lines) + "\n" + TAIL


def with_manifest(readme: str, manifest: str) -> str:
    """The README with its copy of the manifest replaced by ``manifest``."""
    start = readme.index(README_START) + len(README_START)
    return readme[:start] + manifest + readme[readme.index(README_END, start) :]


def _scalar(text: str) -> str:
    return text if _PLAIN.fullmatch(text) else _quoted(text)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def main(argv: list[str]) -> int:
    text = manifest_text()
    if not argv:
        sys.stdout.write(text)
        return 0
    if argv != ["--write"]:
        print("usage: python -m bot.slack.manifest [--write]", file=sys.stderr)
        return 2
    MANIFEST.write_text(text, encoding="utf-8")
    if README.is_file():
        readme = README.read_text(encoding="utf-8")
        README.write_text(with_manifest(readme, text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
