"""``summaries.folding.fold_text`` as PostgreSQL's SQL function ``briefing_fold``.

The same characters fold as in Python: a group's letters are replaced (a regular
expression for each letter they become: ``translate`` scans its list of letters for each
character, three times slower on Arabic) and its marks dropped, only in a text holding one
of them; then the article comes off with the same rule. So the function gives what
``fold_text`` gives, whatever the server's ``unaccent`` does, and the parser reads the
index's text as it reads a query's. (Schema 19's function left the Greek accents, ı, İ, ё
and Ё to ``unaccent``, which the parser applies to words only: in a token that it reads
otherwise because of such a letter, as "İzmir.2", the letter stayed, and the text split
into other tokens than the query "İzmir.2" or the same text typed without it.)
"""

from __future__ import annotations

from summaries.folding import ARTICLE, GROUPS, SQL_FUNCTION


def fold_function() -> str:
    """The ``CREATE FUNCTION`` statement of ``briefing_fold``."""
    steps = []
    for group in GROUPS:
        by_target: dict[str, str] = {}
        for source, target in zip(group.source, group.target, strict=True):
            by_target[target] = by_target.get(target, "") + source
        folded = "t"
        for target, sources in by_target.items():
            folded = (
                f"regexp_replace({folded}, {_literal(f'[{sources}]')}, {_literal(target)}, 'g')"
            )
        if group.dropped:
            folded = f"regexp_replace({folded}, {_literal(f'[{group.dropped}]')}, '', 'g')"
        guard = _literal(f"[{group.source}{group.dropped}]")
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
