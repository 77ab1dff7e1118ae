"""``summaries.folding.fold_text`` as PostgreSQL's SQL function ``briefing_fold``.

The same characters fold as in Python, each group with one ``translate`` (one pass over
the text, in C) in a text that holds one of its characters; then the article comes off
with the same rule. So the function gives what ``fold_text`` gives, whatever the server's
``unaccent`` folds or leaves apart: the parser reads the same text from the index as from
a query. (Schema 19 made the function fold only what this server's ``unaccent`` left apart;
the parser then read an accented Greek letter, ı or ё in a token that it does not pass to
``unaccent`` — "ışık.2", a file name — unlike in the query: schema 20 folds all.)
"""

from __future__ import annotations

from summaries.folding import ARTICLE, GROUPS, SQL_FUNCTION


def fold_function() -> str:
    """The ``CREATE FUNCTION`` statement of ``briefing_fold``."""
    steps = []
    for group in GROUPS:
        changed = _literal(f"{group.source}{group.dropped}")
        guard = _literal(f"[{group.source}{group.dropped}]")
        folded = f"translate(t, {changed}, {_literal(group.target)})"  # dropped: no target
        steps.append(f"    IF t ~ {guard} THEN\n        t := {folded};\n    END IF;")
    steps.append(
        "    IF strpos(t, '\u0627\u0644') > 0 THEN\n"
        f"        t := regexp_replace(t, {_literal(ARTICLE)}, '\\1', 'g');\n    END IF;"
    )
    return (
        f"CREATE OR REPLACE FUNCTION {SQL_FUNCTION}(t text) RETURNS text\n"
        "LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$\nBEGIN\n"
        + "\n".join(steps)
        + "\n    RETURN t;\nEND\n$$"
    )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
