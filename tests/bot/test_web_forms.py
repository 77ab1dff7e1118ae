"""The dashboard's forms are the declared actions, and its preview reads back what the
platform renderers made without ever making a link or markup of article text."""

from __future__ import annotations

from bot.commands import COMMANDS, Kind
from bot.replies import Reply, ReplyItem
from bot.web.forms import WEB_ACTIONS, command_line, declared, form_for
from bot.web.preview import discord_line, discord_messages, slack_line, slack_messages


def test_every_form_is_a_declared_action_with_its_arguments_as_fields():
    for command, action in WEB_ACTIONS:
        found = declared(command, action)
        assert found is not None, (command, action)
        form = form_for(command, action, channel="discord:1")
        assert [field.name for field in form.fields] == [a.name for a in found[1].arguments]
        for field, argument in zip(form.fields, found[1].arguments, strict=True):
            assert field.input == "hidden" if argument.kind is Kind.CHANNEL else True
    assert declared("help", "") is None and declared("sources", "nope") is None


def test_a_sent_form_is_the_line_a_person_would_type():
    command = COMMANDS.find("schedule")
    action = command.action("set")
    sent = {"time": "08:00", "timezone": " Europe/Berlin ", "channel": "discord:9", "x": "y"}
    assert command_line(command, action, sent) == "schedule set 08:00 Europe/Berlin"
    sources = COMMANDS.find("sources")
    assert command_line(sources, sources.action("add"), {"url": "https://a.example/rss"}) == (
        "sources add https://a.example/rss"
    )


def test_the_preview_shows_markup_as_text_and_links_only_to_web_addresses():
    item = ReplyItem(
        title="A *bold* <claim> & @everyone", url="javascript:alert(1)", briefing=("One.",)
    )
    reply = Reply(title="Your briefing", items=(item,))
    (discord,) = discord_messages(reply)
    assert "".join(piece.text for piece in discord.embeds[0].title) == item.title.replace(
        "@", "@\u200b"
    )
    assert discord.embeds[0].url is None
    (slack,) = slack_messages(reply)
    story = slack[1].lines[0]
    # mrkdwn has no escape for *: look-alikes keep the marks from ending our bold early
    assert "".join(piece.text for piece in story) == "A \u2217bold\u2217 <claim> & @everyone"
    assert all(piece.link is None for piece in story)
    assert slack_line("<https://a.example/x?a=1&amp;b=2|read &lt;more&gt;>")[0].link == (
        "https://a.example/x?a=1&b=2"
    )
    assert [p.text for p in discord_line(r"\*\*not bold\*\* **bold**")] == ["**not bold** ", "bold"]


def test_the_slack_preview_shows_a_mark_that_formats_nothing_as_typed():
    """A lone * (an echoed "ransomware*") or one inside a word opens no bold on Slack: the
    preview shows it as text and the rest of the line unbolded, as Slack does."""
    reply = Reply(title="Nothing found", text="No stored story matches ransomware*. Try a*b.")
    (slack,) = slack_messages(reply)
    [line] = slack[1].lines
    assert [(p.text, p.bold) for p in line] == [
        ("No stored story matches ransomware*. Try a*b.", False)
    ]
    assert [(p.text, p.bold) for p in slack_line("*head* a*b *tail")] == [
        ("head", True),
        (" a*b *tail", False),
    ]
