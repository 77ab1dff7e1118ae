"""`briefing search` with a query that holds nothing to search for says why, as the bot's
brief does, instead of "no story matches"; odd characters still find what their words
match; on both engines."""

from __future__ import annotations

import io
import shlex

import pytest

from summaries.cli import main
from summaries.store import open_store
from summaries.store.search import MAX_WORD_CHARS
from tests.summaries.test_search_folding import put_all

HARBOUR = [("Harbour strike ends", "The strike at the harbour of Brennport ended on Monday.")]


def _search(tmp_path, location, query, capsys):
    config = tmp_path / "config.toml"
    key = "url" if location.startswith("postgresql") else "path"
    config.write_text(f'[store]\n{key} = "{location}"\n', encoding="utf-8")
    out = io.StringIO()
    code = main(["search", query, "--config", str(config)], stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("OR", "AND, OR, NOT and NEAR are not searched for"),
        ("NEAR AND", "AND, OR, NOT and NEAR are not searched for"),
        ("x" * 100_000, f"a word of more than {MAX_WORD_CHARS} letters is not searched for"),
        ("!!! ... ???", "There is nothing to search for in that: use words"),
        ("🦀🔥", "There is nothing to search for in that: use words"),
        ("\x00", "There is nothing to search for in that: use words"),
    ],
)
def test_a_query_with_nothing_to_search_for_says_why(location, tmp_path, capsys, query, said):
    with open_store(location) as store:
        put_all(store, HARBOUR)
    code, out, err = _search(tmp_path, location, query, capsys)
    assert code == 1 and out == ""
    assert err.startswith("briefing: There is nothing to search for in that: ") and said in err
    assert 'briefing search "cyber attack"' in err


@pytest.mark.parametrize(
    "query",
    [
        '"harbour',
        "NEAR(harbour strike)",
        "^harbour",
        "title:harbour",
        "(harbour",
        "harb\x00our",
        "🦀 harbour",
        "harbour OR strike",
        "harbour'; --",
        "ｈａｒｂｏｕｒ",
    ],
)
def test_operator_characters_and_odd_ones_around_words_find_what_the_words_match(
    location, tmp_path, capsys, query
):
    with open_store(location) as store:
        put_all(store, HARBOUR)
    code, out, err = _search(tmp_path, location, query, capsys)
    assert (code, err) == (0, "")
    assert out.startswith("1. Harbour strike ends\n")


def _run_on_harbour(tmp_path, location, argv: list[str]) -> tuple[int, str]:
    """``briefing --config ... *argv`` on a store holding HARBOUR: exit code, output."""
    with open_store(location) as store:
        put_all(store, HARBOUR)
    config = tmp_path / "config.toml"
    key = "url" if location.startswith("postgresql") else "path"
    config.write_text(f'[store]\n{key} = "{location}"\n', encoding="utf-8")
    out = io.StringIO()
    return main(["--config", str(config), *argv], stdout=out), out.getvalue()


@pytest.mark.parametrize(
    ("argv", "dashed"),
    [
        (["search", "-harbour"], "-harbour"),
        (["search", "-nuclear"], "-nuclear"),
        (["search", "--harbour", "-n", "3"], "--harbour"),
        (["--debug", "search", "-n", "3", "-strike"], "-strike"),
    ],
)
def test_a_query_typed_as_an_option_is_told_how_to_search_for_it(
    location, tmp_path, capsys, argv, dashed
):
    """As the bot's brief -harbour: a search cannot leave a word out, so the word is not
    searched for as it is; argparse's own words (-h given "arbour") are not shown."""
    code, out = _run_on_harbour(tmp_path, location, argv)
    err = capsys.readouterr().err
    words = dashed.lstrip("-")
    assert (code, out) == (2, "")
    assert f"'{dashed}' reads as an option" in err and "cannot leave a word out" in err
    assert f"briefing search {words}" in err and "usage:" not in err


@pytest.mark.parametrize(
    ("argv", "suggested"),
    [
        (["search", "harbour", "-strike"], "'harbour strike'"),
        (["search", "-strike", "harbour", "-n", "3"], "'strike harbour'"),
        (["search", "-n", "3", "port", "--harbour"], "'port harbour'"),
    ],
)
def test_a_dashed_word_beside_other_words_is_told_with_them_quoted(
    location, tmp_path, capsys, argv, suggested
):
    """The query is one argument: the advice keeps the other words typed, in quotes, not
    only the dashed word (``briefing search strike`` would lose "harbour")."""
    code, out = _run_on_harbour(tmp_path, location, argv)
    err = capsys.readouterr().err
    assert (code, out) == (2, "")
    assert f"leave out the dash (briefing search {suggested})." in err, err


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "harbour", "-n", "2"],
        ["search", "-n2", "harbour"],
        ["search", "--lim", "2", "harbour"],
        ["search", "--limit=2", "harbour"],
        ["search", "--", "harbour"],
        ["--debug", "search", "harbour"],
    ],
)
def test_the_options_of_search_still_work_around_its_query(location, tmp_path, capsys, argv):
    code, out = _run_on_harbour(tmp_path, location, argv)
    assert (code, capsys.readouterr().err) == (0, "")
    assert out.startswith("1. Harbour strike ends\n")


@pytest.mark.parametrize(
    ("query", "dashed", "suggested"),
    [
        ("harbour -strike", "-strike", "harbour strike"),
        ('"x y" --strike', "--strike", '"x y" strike'),
        # the dashed word's own dash is left out, not the same letters inside another word
        ("e-strike -strike", "-strike", "e-strike strike"),
        ('"well -known" -known', "-known", '"well -known" known'),
        # an option search has, typed inside the query, is still a word to look for there
        ("harbour --limit", "--limit", "harbour limit"),
        # a phone's "--": an option's name after an em dash, which the bot's brief refuses
        ("harbour \u2014limit", "\u2014limit", "harbour limit"),
        ("harbour \u2013force", "\u2013force", "harbour force"),
    ],
)
def test_a_dashed_word_inside_the_query_is_refused_as_the_bots_brief_refuses_it(
    location, tmp_path, capsys, query, dashed, suggested
):
    """One reading for both: the bot's ``brief harbour -strike`` refuses -strike (a word
    cannot be left out), so ``briefing search "harbour -strike"`` does not search strike*."""
    code, out = _run_on_harbour(tmp_path, location, ["search", query])
    err = capsys.readouterr().err
    assert (code, out) == (2, "")
    assert f"'{dashed}' in the query reads as an option" in err, err
    assert "cannot leave a word out" in err and "has none of that name" not in err, err
    assert f"(briefing search {shlex.quote(suggested)})." in err, err


@pytest.mark.parametrize("query", ['"harbour -strike"', "harbour—strike", "harbour - strike"])
def test_a_dash_inside_quotes_or_a_word_is_searched_as_the_bot_searches_it(
    location, tmp_path, capsys, query
):
    code, out = _run_on_harbour(tmp_path, location, ["search", query])
    assert (code, capsys.readouterr().err) == (0, "")
    assert out.startswith("1. Harbour strike ends\n")


APART = [
    ("Harbour strike ends", "The strike at the harbour of Brennport ended on Monday."),
    ("Crane repairs", "The strike closed the cranes; the harbour of Brennport waits."),
]


@pytest.mark.parametrize(
    "query",
    [
        "\u201eharbour strike\u201c",  # „...“
        "\u201charbour strike\u201d",  # “...”
        "\u00abharbour strike\u00bb",  # «...»
        "\u201eharbour \u2014strike\u201c",  # an em dash inside: the phrase's, as the bot reads it
    ],
)
def test_a_phrase_in_curly_quotes_is_searched_as_the_phrase(location, tmp_path, capsys, query):
    """As the bot's brief reads „harbour strike“ (and option words read a dash inside it):
    the phrase, not its words anywhere in a story."""
    with open_store(location) as store:
        put_all(store, APART)
    code, out, err = _search(tmp_path, location, query, capsys)
    assert (code, err) == (0, "")
    assert out.startswith("1. Harbour strike ends\n") and "Crane repairs" not in out, out
