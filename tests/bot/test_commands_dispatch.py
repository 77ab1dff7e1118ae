"""The dispatcher: unknown commands, help, the command table, and errors that never escape."""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import logging
import re

import pytest

from bot.commands import COMMANDS, Commands
from bot.commands.errors import CommandError, reply_for
from bot.commands.parse import MAX_LINE_CHARS, parse_topics
from bot.replies import Caller, ErrorKind, PlatformTerms
from summaries.config import BotSettings, Settings, StoreSettings
from summaries.sources import UnreachableError
from summaries.store import StoreError, StoreUnavailableError, open_store

USER = Caller(platform="slack", channel="slack:C1", user="slack:U1", tenant="slack:T1")
ADMIN = Caller(
    platform="slack", channel="slack:C1", user="slack:U2", is_admin=True, tenant="slack:T1"
)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


@pytest.fixture
def settings(tmp_path):
    return Settings(store=StoreSettings(path=str(tmp_path / "briefing.db")))


def run(commands, text, caller=USER):
    return asyncio.run(commands.run(caller, text))


def test_every_command_is_declared_once_with_a_handler():
    names = COMMANDS.names
    assert len(names) == len(set(names))
    for command in COMMANDS:
        assert inspect.iscoroutinefunction(command.handler), command.name
        assert command.summary and command.usage.startswith(command.name)
        assert command.action("") is not None  # a bare command does something


def test_an_unknown_command_suggests_a_close_one(store, settings):
    commands = Commands(store, settings)
    reply = run(commands, "breif cyber")
    assert reply.error is ErrorKind.USAGE and reply.private
    assert "Did you mean brief?" in reply.text
    reply = run(commands, "xyzzy")
    assert reply.error is ErrorKind.USAGE and "help" in reply.text
    assert "Did you mean" not in reply.text


def test_empty_and_blank_lines_get_a_pointer_to_help(store, settings):
    commands = Commands(store, settings)
    for text in ("", "   ", "\x00\x01"):
        reply = run(commands, text)
        assert reply.error is ErrorKind.USAGE and "help" in reply.text


def test_command_names_are_case_insensitive_and_have_aliases(store, settings):
    commands = Commands(store, settings)
    assert run(commands, "HELP").ok
    assert run(commands, "Topic list").ok
    assert run(commands, "summarise").error is ErrorKind.USAGE  # the command, missing its text


def test_help_lists_every_command_and_explains_one(store, settings):
    commands = Commands(store, settings)
    reply = run(commands, "help")
    assert reply.ok
    assert [line.split(":")[0] for line in reply.lines] == [spec.name for spec in COMMANDS]
    one = run(commands, "help topics")
    assert one.ok and one.title == "help topics"
    assert any(line.startswith("Usage: topics list") for line in one.lines)
    assert any("Only admins" in line and "you are not one" in line for line in one.lines)
    admin = run(commands, "help /topics", caller=ADMIN)
    assert not any("you are not one" in line for line in admin.lines)
    missing = run(commands, "help shedule")
    assert missing.error is ErrorKind.USAGE and "Did you mean schedule?" in missing.text


def test_an_internal_error_is_an_incident_id_with_the_traceback_in_the_log(settings, caplog):
    commands = Commands(None, settings)  # a broken collaborator: every store call fails
    with caplog.at_level(logging.ERROR, logger="briefing.bot.commands"):
        reply = run(commands, "brief cyber")
    assert reply.error is ErrorKind.INTERNAL
    incident = re.search(r"incident ([0-9a-f]{8})", reply.text).group(1)
    assert "NoneType" not in reply.text and "Traceback" not in reply.text
    logged = [r for r in caplog.records if incident in r.getMessage()]
    assert logged and logged[0].exc_info is not None


def test_a_closed_store_is_unavailable_without_naming_the_file(store, settings, tmp_path):
    commands = Commands(store, settings)
    store.close()
    reply = run(commands, "topics list")
    assert reply.error is ErrorKind.UNAVAILABLE
    assert str(tmp_path) not in reply.text and "try again" in reply.text.lower()


def test_a_store_refusal_meant_for_a_person_is_shown_as_it_is():
    refusal = StoreError("A channel can have at most 25 topics; remove one first.")
    reply = reply_for(refusal, "topics")
    assert reply.error is ErrorKind.BAD_INPUT
    assert reply.text == "A channel can have at most 25 topics; remove one first."
    busy = reply_for(StoreUnavailableError("The database /srv/bot/briefing.db is busy."), "x")
    assert busy.error is ErrorKind.UNAVAILABLE and "try again in a minute" in busy.text
    assert "/srv/bot" not in busy.text


def test_a_host_ending_in_a_dot_reads_as_one_sentence():
    reply = reply_for(UnreachableError("www."), "summarize")
    assert reply.error is ErrorKind.UNAVAILABLE
    assert reply.text == "Could not reach www. Try again later."


def test_replies_of_help_are_plain_prose_without_markdown(store, settings):
    commands = Commands(store, settings)
    replies = [run(commands, "help")] + [run(commands, f"help {s.name}") for s in COMMANDS]
    texts = [spec.summary for spec in COMMANDS]
    texts += [piece for r in replies for piece in (r.title, r.text, r.footer, *r.lines)]
    for text in texts:
        assert not re.search(r"`|\*\*|__|\[[^\]]*\]\(", text), text


@pytest.mark.parametrize(
    "typed",
    [
        "`topics add cyber`",
        "```topics add cyber```",
        "```\ntopics add cyber\n```",
        "```text\ntopics add cyber\n```",
        " `` topics add cyber `` ",
        "```topics add cyber\n```",
        "```topics\nadd cyber\n```",
        "```topics add\ncyber\n```",
        "```Topics\n  add cyber  \n```",
    ],
)
def test_a_command_wrapped_in_a_code_span_or_block_is_read_as_its_content(store, settings, typed):
    """Copied from help or a chat message, a whole command in code formatting is run as
    typed inside it."""
    commands = Commands(store, settings)
    reply = run(commands, typed, ADMIN)
    assert reply.ok, reply.text
    assert reply.text == "Now following cyber."
    assert run(commands, "topics", ADMIN).lines == ("cyber",)


@pytest.mark.parametrize("typed", ["```brief\n```", "```brief\n\n```", "```brief```"])
def test_a_fenced_block_holding_only_a_command_word_runs_that_command(store, settings, typed):
    """The command on the fence's first line is the command, not a language called brief."""
    reply = run(Commands(store, settings), typed)
    assert reply.error is ErrorKind.USAGE and reply.text.startswith("Tell me what to look for")


@pytest.mark.parametrize(
    "typed", ["```python\ntopics add cyber\n```", "```python\nprint('hi')\n```"]
)
def test_a_code_block_in_a_programming_language_is_not_run_as_a_command(store, settings, typed):
    commands = Commands(store, settings)
    reply = run(commands, typed, ADMIN)
    assert reply.error is ErrorKind.USAGE
    assert reply.text.startswith("That is a block of python code, so I did not run it")
    assert run(commands, "topics", ADMIN).lines == ()


def test_a_misspelt_command_in_a_fence_is_answered_as_one(store, settings):
    """Several words on the fence's line are no language name: the closest command is named."""
    reply = run(Commands(store, settings), "```brif cyber\n```")
    assert reply.error is ErrorKind.USAGE and "Did you mean brief?" in reply.text


def test_code_spans_within_a_line_are_not_taken_for_one_around_it(store, settings):
    commands = Commands(store, settings)
    reply = run(commands, "`topics` add `cyber`", ADMIN)
    assert reply.error is ErrorKind.USAGE and "'`topics`'" in reply.text


def test_a_huge_line_is_refused_before_any_work(store, settings):
    commands = Commands(store, settings)
    reply = run(commands, "summarize " + "word " * (MAX_LINE_CHARS // 5 + 10))
    assert reply.error is ErrorKind.USAGE
    assert "at most 100,000" in reply.text


def test_admins_listed_in_config_count_as_admins(store, settings, tmp_path):
    listed = Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")),
        bot=BotSettings(admins=("slack:U1",)),
    )
    assert run(Commands(store, settings), "topics add cyber").error is ErrorKind.FORBIDDEN
    assert run(Commands(store, listed), "topics add cyber").ok


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ('cyber "central  bank"', ["cyber", '"central bank"']),
        ("US \u201cinterest rate\u201d", ["US", '"interest rate"']),
        ('"single"', ["single"]),
        ("", []),
    ],
)
def test_topics_are_words_or_quoted_phrases(text, topics):
    assert parse_topics(text) == topics


@pytest.mark.parametrize("text", ['"unclosed phrase', 'odd"quote', '""'])
def test_bad_quoting_of_topics_is_explained(text):
    with pytest.raises(CommandError) as caught:
        parse_topics(text)
    assert caught.value.kind is ErrorKind.USAGE and "quote" in caught.value.text.lower()


def test_who_may_do_what_is_said_in_the_adapters_words(store, settings):
    """The command layer names no platform: the terms the adapter puts in the Caller say who
    counts as an admin and what a server is called there."""
    commands = Commands(store, settings)
    plain = Caller(platform="discord", channel="discord:10", user="discord:20", tenant="discord:1")
    refused = run(commands, "topics add cyber", caller=plain)
    assert refused.error is ErrorKind.FORBIDDEN
    assert refused.text.startswith("Only admins, or users listed under [bot] admins")
    assert "Manage Server" not in refused.text
    named = dataclasses.replace(plain, terms=PlatformTerms(tenant="guild", admins="moderators"))
    assert run(commands, "topics add cyber", caller=named).text.startswith("Only moderators,")
    outside = run(commands, "brief port", caller=dataclasses.replace(named, tenant=None))
    assert outside.error is ErrorKind.USAGE
    assert outside.text.startswith("That command works in the channels of a guild,")
    assert "summarize and help work anywhere" in outside.text


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("help breif", "brief"),  # two letters swapped
        ("help shedule", "schedule"),  # one dropped
        ("help hepl", "help"),
        ("help summery", "summarize"),  # one changed in an alias (summary)
        ("help sched", "schedule"),  # the start of a name
        ("digets", "digest"),
        ("sourcs list", "sources"),
        ("topix", "topics"),
    ],
)
def test_a_typo_suggests_the_command_it_is_close_to(store, settings, typed, meant):
    reply = run(Commands(store, settings), typed)
    assert reply.error is ErrorKind.USAGE
    assert f"Did you mean {meant}?" in reply.text


@pytest.mark.parametrize("typed", ["help bogus", "bogus", "help xyzzy", "news", "help time"])
def test_a_word_close_to_no_command_gets_the_list_of_commands_not_a_guess(
    store, settings, typed
):
    """"bogus" shares three letters with "about", which is no reason to offer it."""
    reply = run(Commands(store, settings), typed)
    assert reply.error is ErrorKind.USAGE
    assert "Did you mean" not in reply.text
    assert f"The commands are {', '.join(COMMANDS.names)};" in reply.text


def test_help_names_only_the_unknown_command_not_the_words_after_it(store, settings):
    reply = run(Commands(store, settings), "help bogus and more words")
    assert "There is no command 'bogus'." in reply.text


@pytest.mark.parametrize(
    ("typed", "option"),
    [
        ("topics add --force cyber", "--force"),
        ("topics add -cyber", "-cyber"),
        ("brief cyber -attack", "-attack"),
        ("brief --limit 3 cyber", "--limit"),
        ("digest --now", "--now"),
        ("schedule set --time 08:00", "--time"),
        ("summarize --url https://news.example/a", "--url"),
        ("topics add \u2014force cyber", "\u2014force"),  # "--" autocorrected to a dash
        ("topics add \u2013force cyber", "\u2013force"),  # or to an en dash
        ("sources \u2014list", "\u2014list"),
        ("summarize \u2014url https://news.example/a", "\u2014url"),
        ("brief --the war", "--the"),  # two hyphens are typed, not autocorrected
    ],
)
def test_a_word_typed_as_an_option_is_refused_not_followed_or_searched(
    store, settings, typed, option
):
    """No command takes options, and a search cannot leave a word out: "-attack" would be
    looked for, "--force" followed as a topic. The answer names the word and the usage."""
    reply = run(Commands(store, settings), typed, ADMIN)
    assert reply.error is ErrorKind.USAGE
    assert reply.text.startswith(f"{option!r} looks like an option, and ")
    assert " Use " in reply.text
    assert run(Commands(store, settings), "topics", ADMIN).lines == ()


@pytest.mark.parametrize(
    "typed", ['brief e-mail -5', 'brief "-x"', "brief cyber - attack", "topics add covid-19"]
)
def test_hyphens_inside_words_quotes_and_numbers_are_not_options(store, settings, typed):
    reply = run(Commands(store, settings), typed, ADMIN)
    assert reply.error is None, reply.text


def test_a_pasted_article_keeps_its_dashes(store, settings):
    """Only the first word of a text to summarize can be an option: later dashes are the
    writer's ("-based", "--and")."""
    text = "Harbour walls will rise by two metres, the council said on Monday. " * 6
    reply = run(Commands(store, settings), f"summarize {text} A plan -based on --and data.")
    assert "looks like an option" not in reply.text


@pytest.mark.parametrize("dash", ["\u2014", "-"])
def test_a_pasted_text_that_opens_with_dialogue_is_summarized_not_refused(store, settings, dash):
    """Spanish (and other) writing opens a line of dialogue with a dash before its first
    capital ("—Nos vamos —dijo el capitán."): the start of a sentence, not an option,
    which is written in lower case (``--force``, ``-x``)."""
    text = (
        f"{dash}Nos vamos de aquí {dash}dijo el capitán del puerto de Valencia. "
        + "Los estibadores iniciaron una huelga el lunes en el puerto de Valencia. " * 6
    )
    reply = run(Commands(store, settings), f"summarize {text}")
    assert reply.error is not ErrorKind.USAGE, reply.text  # handed on to be summarized
    option = run(Commands(store, settings), f"summarize {dash}force {text}")
    assert option.text.startswith(f"'{dash}force' looks like an option, and summarize takes")


@pytest.mark.parametrize("dash", ["\u2014", "\u2013"])
def test_a_typographic_dash_glued_to_a_word_that_names_no_option_is_punctuation(
    store, settings, dash
):
    """A phone makes "--" an em (or en) dash, but so does a person writing: "brief —the
    war" looks for the war, and "topics add —cyber" follows cyber, not "—cyber"."""
    commands = Commands(store, settings)
    reply = run(commands, f"brief {dash}the war")
    assert reply.error is None, reply.text
    assert reply.title == "Nothing found" and "war" in reply.text and dash not in reply.text
    added = run(commands, f'topics add {dash}cyber "{dash}central bank"', ADMIN)
    assert added.error is None, added.text
    assert run(commands, "topics", ADMIN).lines == ("cyber", f'"{dash}central bank"')


@pytest.mark.parametrize("typed", ["\u2014limit=5", "\u2013limit:5", "\u2014force!"])
def test_a_typographic_dash_option_with_a_value_or_a_mark_is_still_an_option(
    store, settings, typed
):
    """A phone's "--limit=5" is "—limit=5": the word names limit, an option the bot knows,
    so the answer says commands take none, instead of searching for "limit 5"."""
    reply = run(Commands(store, settings), f"brief {typed} harbour")
    assert reply.error is ErrorKind.USAGE
    assert reply.text.startswith(f"{typed!r} looks like an option, and brief takes none")


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("Straße", "I do not know the command 'Straße'."),
        ("help Straße", "There is no command 'Straße'."),
        ("help BRIEFX", "There is no command 'BRIEFX'."),
        ("schedule İptal", "schedule has no 'İptal' action."),
        ("help a\\b", "There is no command 'a\\b'."),
        ("help \"x'", "There is no command '\"x''."),
        # emoji joined by ZWJ, and a flag written with tag characters
        *(
            (f"help {emoji}", f"There is no command '{emoji}'.")
            for emoji in ("\U0001f468\u200d\U0001f469", "\U0001f3f4\U000e0067\U000e0062\U000e007f")
        ),
    ],
)
def test_a_word_refused_is_quoted_as_typed(store, settings, typed, answer):
    """Not folded (ß as ss, capitals as small letters) nor escaped as Python writes a
    string (a backslash doubled): the person reads back what they typed."""
    reply = run(Commands(store, settings), typed, ADMIN)
    assert reply.error is ErrorKind.USAGE
    assert reply.text.startswith(answer), reply.text


@pytest.mark.parametrize("typed", ["x" * 10_000, "help " + "x" * 500, "topics " + "y" * 80])
def test_a_very_long_unknown_word_is_quoted_cut_with_an_ellipsis(store, settings, typed):
    """Quoted whole it would swamp the answer; cut without a mark it would read as typed."""
    reply = run(Commands(store, settings), typed)
    assert reply.error is ErrorKind.USAGE
    [word] = re.findall(r"'([xy]+…)'", reply.text)
    assert len(word) == 40


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("topics list please", "topics list takes nothing after it ('please')."),
        ("sources list 12", "sources list takes nothing after it ('12')."),
        ("schedule pause now", "schedule pause takes nothing after it ('now')."),
    ],
)
def test_words_after_an_action_that_takes_none_are_refused_not_ignored(
    store, settings, typed, answer
):
    """Ignored, "schedule show #general" would answer with this channel's schedule, read
    as #general's."""
    reply = run(Commands(store, settings), typed, ADMIN)
    assert reply.error is ErrorKind.USAGE
    assert reply.text == answer


@pytest.mark.parametrize(
    ("line", "suggested"),
    [
        ("ｂｒｉｅｆ cyber", "brief"),  # a CJK keyboard's full-width letters
        ("help ｓｕｍｍａｒｉｓｅ", "summarize"),  # an alias, full width
        ("ＢＲＥＩＦ cyber", "brief"),
    ],
)
def test_a_command_typed_in_full_width_letters_is_offered_as_itself(
    store, settings, line, suggested
):
    reply = run(Commands(store, settings), line)
    assert reply.error is ErrorKind.USAGE
    assert f"Did you mean {suggested}?" in reply.text


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("help briefing", "brief"),
        ("help briefings", "brief"),
        ("help digests", "digest"),
        ("help summaries", "summarize"),  # of the alias summary
        ("help scheduling", "schedule"),
        ("help feeds", "sources"),  # a word for what the command is about
        ("help article", "summarize"),
    ],
)
def test_help_for_a_plural_or_a_word_for_a_command_answers_with_that_command(
    store, settings, typed, command
):
    reply = run(Commands(store, settings), typed)
    assert reply.error is None, reply.text
    assert reply.title == f"help {command}"
    word = typed.split()[1]
    assert reply.text.startswith(f"For {word!r}, the command is {command}: ")
    assert reply.lines[0].startswith(f"Usage: {command}")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("schedule shwo", "schedule show"),
        ("sources lsit", "sources list"),
        ("topics ad cyber", "topics add"),
        ("sources remve 3", "sources remove"),
    ],
)
def test_a_mistyped_action_suggests_the_closest_one(store, settings, typed, meant):
    reply = run(Commands(store, settings), typed, ADMIN)
    assert reply.error is ErrorKind.USAGE
    assert f"has no {typed.split()[1]!r} action. Did you mean {meant}? Use " in reply.text
    far = run(Commands(store, settings), "topics cyber", ADMIN)
    assert "Did you mean" not in far.text and " Use topics list" in far.text


@pytest.mark.parametrize(
    ("typed", "terms", "how"),
    [
        ("schedule show #general", PlatformTerms(), ", the only one it can act on here."),
        (
            "schedule set 08:00 UTC #general",
            PlatformTerms(other_channel="use /{command} with its channel option"),
            ". Ask in that channel, or use /schedule set with its channel option.",
        ),
        (
            "schedule pause #general",
            PlatformTerms(other_channel="pick it"),
            ". Ask in that channel, or pick it.",
        ),
    ],
)
def test_a_channel_named_as_a_word_is_refused_with_the_way_to_name_one(
    store, settings, typed, terms, how
):
    """Ignored, "schedule show #general" would answer with this channel's schedule, read
    as #general's; "schedule set 08:00 UTC #general" used to get only the usage. The
    answer says how the platform names another channel."""
    caller = dataclasses.replace(ADMIN, terms=terms)
    reply = run(Commands(store, settings), typed, caller)
    assert reply.error is ErrorKind.USAGE
    asked = " ".join(typed.split()[:2])
    assert reply.text == (
        f"'#general' names a channel as a word, and {asked} acts on the channel it is asked "
        f"in{how}"
    )
    assert store.get_channel("slack:C1") is None  # nothing was set
