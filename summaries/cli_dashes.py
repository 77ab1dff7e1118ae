"""``briefing search -harbour``: a query typed as an option, told apart before argparse
reads it (argparse takes ``-harbour`` for ``-h`` given "arbour", and says only that).

A search cannot leave a word out (every word must match), so a word typed with a dash
is refused with how to search for it, as the bot's ``brief -harbour`` is, rather than
searched for as it is.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator, Sequence

from summaries.option_words import COMMON_OPTIONS, TYPOGRAPHIC_DASHES, dash_dropped, option_name

# The options of ``briefing search`` (its own and those every command takes); the ones
# that take a value.
SEARCH_OPTIONS = frozenset({"-h", "--help", "--config", "--debug", "-n", "--limit"})
_VALUED = frozenset({"--config", "-n", "--limit"})
# The names an option typed with an em or en dash inside a query may give (``—limit``):
# as for the bot's brief, other words after such a dash are a sentence's.
SEARCH_OPTION_NAMES = COMMON_OPTIONS | {
    option_name(option) for option in SEARCH_OPTIONS if option.startswith("--")
}
_NEGATIVE_NUMBER = re.compile(r"-\d+$|-\d*\.\d+$")  # (argparse reads these as values)
_LIMIT_GLUED = re.compile(r"-n-?\d+$")  # -n5


def _option(arg: str) -> str | None:
    """The search option ``arg`` names (long ones may be shortened, as argparse allows),
    or None."""
    name = arg.split("=", 1)[0] if arg.startswith("--") else arg
    if name in SEARCH_OPTIONS:
        return name
    if _LIMIT_GLUED.match(arg):
        return "-n5"
    if name.startswith("--"):
        longer = [option for option in SEARCH_OPTIONS if option.startswith(name)]
        if len(longer) == 1:
            return longer[0]
    return None


def dashed_query(argv: Sequence[str]) -> str | None:
    """The argument of ``briefing search`` in ``argv`` typed as an option that it does
    not have (``-harbour``), or None."""
    return next((arg for arg, dashed in _search_words(argv) if dashed), None)


def typed_query(argv: Sequence[str]) -> str:
    """The words typed to ``briefing search`` in ``argv``, the dashed ones without their
    dashes (``harbour -strike`` -> ``harbour strike``): the query to advise."""
    return " ".join(arg.lstrip("-") if dashed else arg for arg, dashed in _search_words(argv))


def _search_words(argv: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """The arguments of ``briefing search`` in ``argv`` that are no option of it or an
    option's value, each with whether it is typed as an option (none after ``--``)."""
    args = list(argv)
    command = 0
    while command < len(args) and args[command].startswith("-"):  # --config X --debug
        command += 2 if args[command] == "--config" else 1
    if command >= len(args) or args[command] != "search":
        return
    rest = iter(args[command + 1 :])
    for arg in rest:
        if arg == "--":
            yield from ((word, False) for word in rest)
            return
        if not arg.startswith("-") or arg == "-" or _NEGATIVE_NUMBER.match(arg):
            yield arg, False
            continue
        option = _option(arg)
        if option is None:
            yield arg, True
        elif option in _VALUED and "=" not in arg:
            next(rest, None)


def dashed_query_error(arg: str, query: str | None = None, *, typed: str | None = None) -> str:
    """What ``briefing search`` says of ``arg``, a word typed as an option: an argument
    (see :func:`dashed_query`; ``typed``, all the words typed, as :func:`typed_query`
    gives them) or a word in ``query`` (``harbour -strike``: the bot's brief refuses it
    so, see ``summaries.option_words``)."""
    words = arg.lstrip("-" + TYPOGRAPHIC_DASHES) or arg
    said = f"{arg!r} reads as an option, and briefing search has none of that name."
    kept = words if typed is None else typed
    if query is not None:  # (--limit too: inside the query it is a word to look for)
        said = f"{arg!r} in the query reads as an option."
        kept = dash_dropped(query, arg)
    return (
        f"{said} A search cannot leave a word out (every word must match): to search for "
        f"{words}, leave out the dash (briefing search {shlex.quote(kept)})."
    )
