"""A command line pasted in code formatting: read the command, not the formatting.

People copy commands from help, a README or another message, and chat clients keep the
backticks: `` `brief cyber` ``, ```` ```brief cyber``` ````, or a fenced block over several
lines. A fence's first line is its *info string* (Markdown's language name, as in
```` ```python ````), but a person who types ```` ```brief ```` then a newline means the
command, not a language called brief. So for a fenced block over several lines:

- no info string, or one naming plain text (``text``, ``txt``, ``plaintext``: what
  highlight.js, which Discord uses, reads as "no language"): the body is the command;
- nothing below the info string: the block holds one line, the command;
- an info string that names a programming or data language (``LANGUAGES``: ```` ```python
  ````, ```` ```json ````): that is code, not a command, and is not run;
- any other info string (a command, several words, a word such as ``cyber``): the first
  line of the text. Slack has no info strings at all: it sends ```` ```cyber\nattack``` ````
  for a block of two lines, cyber and attack, and a word that names no language is read so
  on every platform.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.commands.errors import CommandError
from bot.replies import ErrorKind

# A whole line in one code span (`...`, ``...``) or fence (```...```).
_CODE = re.compile(r"(`{1,3})((?:(?!\1).)+)\1", re.DOTALL)
PLAIN_TEXT = frozenset({"text", "txt", "plaintext", "plain"})
# Names (and the usual short names) of the languages code blocks are written in, as
# Markdown's info string and syntax highlighters (highlight.js, which Discord uses) take them.
LANGUAGES = frozenset(
    """
    ada apache arduino asm assembly awk bash bat batch c cc clj clojure cmake cmd
    coffee coffeescript console cpp c++ cs csharp c# css csv cuda dart diff django
    docker dockerfile elixir elm erl erlang ex exs f# fortran fs fsharp gdscript glsl
    go golang gradle graphql groovy haml haskell hcl hs html http ini java javascript jl
    js json json5 jsonc jsx julia kotlin kt kts latex lisp lua makefile markdown
    matlab md mysql nasm nginx nim nix objc objectivec ocaml pascal perl php pl plsql
    postgres postgresql powershell proto protobuf ps1 psql py py3 python r rb regex
    ruby rs rust sass scala scheme scss sh shell shellscript sol solidity sql sqlite svelte
    swift tcl terraform tex tf toml ts tsx typescript vb vbnet verilog vhdl vim vue wasm
    xml xquery yaml yml zig zsh
    """.split()
)


def words_in_code(text: str, command: str) -> str:
    """``text`` (a command's words) with each code span or fenced block it holds replaced
    by what is inside: `` brief `ransomware` `` looks for ransomware, as the person meant.
    A fenced block whose info string names a language holds code, not words to look for:
    a CommandError says so (``command`` names the command in the advice)."""

    def inside(code: re.Match[str]) -> str:
        content = code.group(2)
        if code.group(1) != "```" or "\n" not in content:
            return f" {content.strip()} "
        info, _, body = content.partition("\n")
        words = info.split()
        if len(words) == 1 and words[0].casefold() in LANGUAGES and body.strip():
            raise CommandError(
                ErrorKind.USAGE,
                f"That is a block of {words[0][:40]} code, and {command} looks for words "
                "in the stored stories, not for code. Write the words without the code "
                f"block, for example {command} cyber attack.",
            )
        plain = "" if words and words[0].casefold() in PLAIN_TEXT else info
        return f" {plain} {body.strip()} "

    return " ".join(_CODE.sub(inside, text).split()) if "`" in text else text


def command_in_code(text: str, is_command: Callable[[str], bool]) -> str:
    """``text`` (already trimmed) as the command line it holds: the inside of a code span
    or fenced block that is the whole line (see the module docstring); any other line as
    it is. ``is_command`` says whether a word (lower case) names a command."""
    code = _CODE.fullmatch(text)
    if code is None:
        return text
    inside = code.group(2)
    if code.group(1) != "```" or "\n" not in inside:
        return inside.strip()
    info, _, body = inside.partition("\n")
    info, body = info.strip(), body.strip()
    if not info or info.casefold() in PLAIN_TEXT:
        return body
    if not body:
        return info
    words = info.split()
    language = words[0].casefold()
    if len(words) > 1 or language not in LANGUAGES or is_command(language):
        return f"{info}\n{body}"
    raise CommandError(
        ErrorKind.USAGE,
        f"That is a block of {words[0][:40]} code, so I did not run it as a command. To ask "
        "me something, write the command without the code block, for example brief cyber.",
    )
