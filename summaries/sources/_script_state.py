"""The data a page is drawn from when a script states it as JavaScript, not as JSON.

A page drawn by a script in the reader's browser often sends the state it draws from
assigned to a global named as frameworks name what they inject, ``__NAME__``:
``window.__INITIAL_STATE__ = {...}`` (Vue, Redux: ``__PRELOADED_STATE__``, Apollo:
``__APOLLO_STATE__``), or ``= JSON.parse("...")``. A Nuxt 2 page assigns its state to
``window.__NUXT__``: an object literal, or (when a value recurs) a function called with the
recurring values, ``(function(a,b,c){return {...}}(null,"x",!0))``, the object naming each
by its parameter. :func:`script_states` reads each as the Python value it stands for.

Only literals are read: objects, arrays, strings, numbers, ``true``/``false``/``null``/
``undefined``, ``void 0``, ``!0``/``!1``, the parameters, and ``-`` before a number. What
a call or ``new`` makes (``new Date(0)``, ``Object.create(null)``: Nuxt's serializer writes
dates and maps so) reads as None; anything else (a statement before ``return``, an
operator) makes the whole value unreadable rather than a guess. Nesting deeper than
_MAX_DEPTH, or a script longer than _MAX_CODE, is not read.

A hostile script costs no more than its length: at most _MAX_STATES assignments are read,
and all of them together pass over at most twice as many characters as the script has
(counting the items a list assigned past its end is filled with), else they are left out.
A page's scripts together cost no more than a page's budget (:class:`PageBudget`, which
:func:`page_states` reads them with): _MAX_CODE characters looked through for
assignments, and _PAGE_TOKENS tokens read one by one where a state is not JSON (the JSON
decoder reads a megabyte in some 20 ms, the token reader some 300,000 tokens a second):
a page of twenty one-megabyte states written as code is read, in its order, as far as
that and no further, what is cut short left out. A real page's state is read whole: tens
or hundreds of kilobytes, most of them in its texts, each one token.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from itertools import islice
from typing import Any

# "__NAME__ =" (or "window.__NAME__ ="), not inside another name nor a field of another
# object: written to begin with "__", which the regular expression engine searches for as
# for a string, rather than trying each character as a start (a tenth of the time, and
# less, on code with few "__")
_START = re.compile(
    r"__(?<![\w$]__)(?:(?<!\.__)|(?<=(?<![\w$.])window\.__))[A-Za-z][\w$]*+(?<=__)"
    r"\s*=\s*(?!=)"
)
_DECODER = json.JSONDecoder(strict=False)
_JSON_PARSE = re.compile(r"JSON\.parse\(\s*")
_FUNCTION = re.compile(r"\(\s*function\s*\(([\w$,\s]*)\)\s*\{")
_RETURN = re.compile(r"\s*return(?![\w$])")
_TOKEN = re.compile(
    r"""\s*(?:
      (?P<string>"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*')
    | (?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
    | (?P<name>[A-Za-z_$][\w$]*)
    | (?P<mark>!0|!1|[{}\[\](),:;.=])
    )""",
    re.X,
)
_OPEN_QUOTE = re.compile(r"\s*[\"']")  # a string's start, where no string token is
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_CONSTANTS: dict[str, Any] = {
    "true": True,
    "false": False,
    "null": None,
    "undefined": None,
    "NaN": None,
    "Infinity": None,
}
_CALLEE = re.compile(r"\s*[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*\s*\(")
_MAX_DEPTH = 200
_MAX_CODE = 8_000_000  # all of a page's scripts kept (see summaries.sources._markup)
_PAGE_TOKENS = 200_000  # tokens a page's states are read in one by one, all told
_MAX_STATES = 16  # a page assigns a few; a script assigning more is code, not its states


class _Unreadable(Exception):
    """The code is not a literal this module reads."""


class PageBudget:
    """What one page's scripts may cost: characters looked through for assignments
    (``scanned``, at most ``scan``) and tokens read one by one (``tokens``, at most
    ``reading``)."""

    def __init__(self, scan: int = _MAX_CODE, reading: int = _PAGE_TOKENS) -> None:
        self.scan, self.reading = scan, reading
        self.scanned = self.tokens = 0


class _Steps:
    """How many more characters the readers of one script may pass over, and how many
    tokens they may read one by one (``tokens``: how many they have read)."""

    def __init__(self, characters: int, tokens: int) -> None:
        self.left = characters
        self.token_limit = tokens
        self.tokens = 0

    def spend(self, count: int, tokens: int = 0) -> None:
        self.left -= count
        self.tokens += tokens
        if self.left < 0 or self.tokens > self.token_limit:
            raise _Unreadable("read too far")


def page_states(scripts: Iterable[str], budget: PageBudget | None = None) -> list[Any]:
    """:func:`script_states` of each of a page's scripts in turn, while ``budget`` (a page's,
    see the module) lasts."""
    budget = budget or PageBudget()
    states: list[Any] = []
    for code in scripts:
        if budget.tokens >= budget.reading:
            break
        states.extend(script_states(code, budget))
    return states


def script_states(code: str, budget: PageBudget | None = None) -> list[Any]:
    """The objects and lists a script assigns to globals named ``__NAME__`` (see the
    module), in its order, as far as ``budget`` (its page's) lets it be read; what cannot
    be read is left out."""
    budget = budget or PageBudget()
    if len(code) > budget.scan - budget.scanned:
        return []
    budget.scanned += len(code)
    states = []
    steps = _Steps(2 * len(code), budget.reading - budget.tokens)
    try:
        for found in islice(_START.finditer(code), _MAX_STATES):
            if steps.tokens >= steps.token_limit:
                break
            try:
                state = _read(code, found.end(), steps)
            except (_Unreadable, RecursionError, ValueError):  # ValueError: JSON.parse's
                continue
            if isinstance(state, dict | list):
                states.append(state)
    finally:
        budget.tokens += steps.tokens
    return states


def _read(code: str, at: int, steps: _Steps) -> Any:
    literals = _Reader(code, {}, steps)
    if parse := _JSON_PARSE.match(code, at):
        text, _ = literals.value(parse.end(), 0)
        return json.loads(text, strict=False) if isinstance(text, str) else None
    function = _FUNCTION.match(code, at)
    if function is None:
        try:  # most states are JSON: read at the JSON decoder's speed
            value, end = _DECODER.raw_decode(code, at)
        except ValueError as error:
            steps.spend(_decoded(code, at, error))
            return literals.value(at, 0)[0]
        steps.spend(end - at)
        return value
    names = [name.strip() for name in function[1].split(",") if name.strip()]
    parameters = {name: _Parameter(name) for name in names}
    reader = _Reader(code, parameters, steps)
    end, assignments = reader.assignments(function.end())
    value, end = reader.value(end, 0)
    end = reader.expect(end, ";", optional=True)
    end = reader.expect(end, "}")
    end = reader.expect(end, ")", optional=True)  # "(function(){...})(...)"
    end = reader.expect(end, "(")
    arguments: dict[_Parameter, Any] = dict.fromkeys(parameters.values())
    for parameter in parameters.values():
        if reader.token(end)[1] == ")":
            break
        arguments[parameter], end = literals.value(end, 0)
        end = reader.expect(end, ",", optional=True)
    for parameter, keys, assigned in assignments:  # "a.body=...": into the argument
        target = arguments[parameter]
        for key in keys[:-1]:
            target = _step(target, key, arguments)
        if not isinstance(target, dict | list) or isinstance(target, list) != _index(keys[-1]):
            raise _Unreadable(keys)
        if isinstance(target, list):
            steps.spend(max(0, keys[-1] + 1 - len(target)))
            target.extend([None] * (keys[-1] + 1 - len(target)))
        target[keys[-1]] = assigned
    return _bound(value, arguments, {}, 0)


def _decoded(code: str, at: int, error: ValueError) -> int:
    """How far the JSON decoder read from ``at`` before ``error``: a string it found no end
    of, to the end of the code (the error names where the string began)."""
    if not isinstance(error, json.JSONDecodeError):
        return 0
    return len(code) - at if error.msg.startswith("Unterminated string") else error.pos - at


def _index(key: Any) -> bool:
    """Whether ``key`` is a list's index (a negative one names a field of the list)."""
    return type(key) is int and key >= 0


def _step(target: Any, key: str | int, arguments: dict[_Parameter, Any]) -> Any:
    """``target[key]``, a parameter there as its argument."""
    if isinstance(target, list) != _index(key):
        raise _Unreadable(key)
    try:
        found = target[key]
    except (KeyError, IndexError, TypeError) as error:
        raise _Unreadable(key) from error
    return arguments[found] if isinstance(found, _Parameter) else found


class _Parameter:
    """A parameter of the function, standing for its argument until that is read."""

    def __init__(self, name: str) -> None:
        self.name = name


def _bound(value: Any, arguments: dict[_Parameter, Any], done: dict[int, Any], depth: int) -> Any:
    """``value`` with each parameter in it replaced by its argument (an object the state
    refers to from several places, or from inside itself, is made once)."""
    if isinstance(value, _Parameter):
        value = arguments[value]
    if not isinstance(value, dict | list):
        return value
    if id(value) in done:
        return done[id(value)]
    if depth > _MAX_DEPTH:
        raise _Unreadable(depth)
    if isinstance(value, list):
        made: Any = done.setdefault(id(value), [])
        made.extend(_bound(item, arguments, done, depth + 1) for item in value)
        return made
    made = done.setdefault(id(value), {})
    made.update((key, _bound(item, arguments, done, depth + 1)) for key, item in value.items())
    return made


class _Reader:
    """Reads literals of ``code``, each parameter named in ``bound`` as its value."""

    def __init__(self, code: str, bound: dict[str, Any], steps: _Steps) -> None:
        self.code = code
        self.bound = bound
        self.steps = steps

    def token(self, at: int) -> tuple[str, str, int]:
        """The kind and text of the token at ``at``, and where it ends."""
        found = _TOKEN.match(self.code, at)
        if found is None or found.lastgroup is None:
            if _OPEN_QUOTE.match(self.code, at):  # looked for its end to the code's
                self.steps.spend(len(self.code) - at, 1)
            raise _Unreadable(at)
        self.steps.spend(found.end() - at, 1)
        return found.lastgroup, found[found.lastgroup], found.end()

    def expect(self, at: int, mark: str, *, optional: bool = False) -> int:
        """Where the ``mark`` at ``at`` ends (``at`` if it is ``optional`` and not there)."""
        found = _TOKEN.match(self.code, at)
        if found is not None and found[0].strip() == mark:
            self.steps.spend(found.end() - at, 1)
            return found.end()
        if optional:
            return at
        raise _Unreadable(at)

    def value(self, at: int, depth: int) -> tuple[Any, int]:
        if depth > _MAX_DEPTH:
            raise _Unreadable(at)
        kind, text, end = self.token(at)
        if kind == "string":
            return _unescaped(text[1:-1]), end
        if kind == "number":
            return float(text) if any(c in text for c in ".eE") else int(text), end
        if kind == "name":
            if text == "void":
                _, end = self.value(end, depth + 1)
                return None, end
            if text in self.bound:
                return self.bound[text], end
            if text in _CONSTANTS:
                return _CONSTANTS[text], end
            return self._made(end if text == "new" else at, depth)
        if text in ("!0", "!1"):
            return text == "!0", end
        if text == "[":
            return self._array(end, depth)
        if text == "{":
            return self._object(end, depth)
        raise _Unreadable(at)

    def assignments(self, at: int) -> tuple[int, list[tuple[_Parameter, list[Any], Any]]]:
        """Where ``return`` ends, after the statements before it, each assigning a value to
        a field of a parameter (``a.body="..."; a["x"]=1;``), which it gives."""
        assignments = []
        while (returned := _RETURN.match(self.code, at)) is None:
            kind, name, at = self.token(at)
            if kind != "name" or name not in self.bound:
                raise _Unreadable(at)
            keys: list[Any] = []
            while (mark := self.token(at))[1] != "=":
                if mark[1] == ".":
                    kind, key, at = self.token(mark[2])
                    if kind != "name":
                        raise _Unreadable(at)
                    keys.append(key)
                elif mark[1] == "[":
                    key, at = self.value(mark[2], 0)
                    keys.append(key)
                    at = self.expect(at, "]")
                else:
                    raise _Unreadable(at)
            if not keys or not all(isinstance(k, str | int) for k in keys):
                raise _Unreadable(at)
            value, at = self.value(mark[2], 0)
            assignments.append((self.bound[name], keys, value))
            at = self.expect(at, ";", optional=True)
            at = self.expect(at, ",", optional=True)
        return returned.end(), assignments

    def _made(self, at: int, depth: int) -> tuple[None, int]:
        """Past what a call or ``new`` makes (``new Date(0)``, ``Object.create(null)``): a
        value this module does not read, so None."""
        callee = _CALLEE.match(self.code, at)
        if callee is None:
            raise _Unreadable(at)
        at = callee.end()
        while self.token(at)[1] != ")":
            _, at = self.value(at, depth + 1)
            at = self.expect(at, ",", optional=True)
        return None, self.token(at)[2]

    def _array(self, at: int, depth: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        while self.token(at)[1] != "]":
            item, at = self.value(at, depth + 1)
            items.append(item)
            at = self.expect(at, ",", optional=True)
        return items, self.token(at)[2]

    def _object(self, at: int, depth: int) -> tuple[dict[str, Any], int]:
        fields: dict[str, Any] = {}
        while (token := self.token(at))[1] != "}":
            kind, key, at = token
            if kind not in ("name", "string", "number"):
                raise _Unreadable(at)
            at = self.expect(at, ":")
            fields[_unescaped(key[1:-1]) if kind == "string" else key], at = self.value(
                at, depth + 1
            )
            at = self.expect(at, ",", optional=True)
        return fields, self.token(at)[2]


def _unescaped(text: str) -> str:
    """A JavaScript string literal's text without its escapes."""
    if "\\" not in text:
        return text
    decoded = _ESCAPE.sub(_escape, text)
    return decoded.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _escape(found: re.Match[str]) -> str:
    escape = found[1]
    if escape[0] in "ux" and len(escape) > 1:
        code = int(escape.strip("u{}x"), 16)
        return chr(code) if code <= 0x10FFFF else "\ufffd"
    if escape in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
        return ""  # a line continued
    return _ESCAPES.get(escape, escape)
