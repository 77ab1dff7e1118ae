"""``summaries.folding.fold_text`` as PostgreSQL's SQL function ``briefing_fold`` (schema 19).

PostgreSQL's index reads every word through ``unaccent`` (see ``postgres_schema``), which
already takes the accents off Greek letters and folds ı, İ, ё and Ё as ``fold_text`` does;
folding them again costs a scan of the text a letter (``replace``: ~10 ns a byte). So the
function holds only what this server's ``unaccent`` leaves apart (asked when the function is
made: for PostgreSQL 15, the final sigma and the Arabic script), and the index's words come
out as ``fold_text`` then ``unaccent`` make them, which is what a query (folded by
``fold_text``, read through ``unaccent``) holds. A group's letters are replaced, and its
marks dropped, only in a text holding one of them; then the article comes off.
"""

from __future__ import annotations

from summaries.folding import ARTICLE, GROUPS, SQL_FUNCTION
from summaries.store.connection import Connection


def fold_function(conn: Connection) -> str:
    """The ``CREATE FUNCTION`` statement of ``briefing_fold`` for this server."""
    left = _left_apart(conn)
    steps = []
    for group in GROUPS:
        by_target: dict[str, str] = {}
        for source, target in zip(group.source, group.target, strict=True):
            if (source, target) in left:
                by_target[target] = by_target.get(target, "") + source
        if not by_target and not group.dropped:
            continue
        folded = "t"
        for target, sources in by_target.items():
            folded = (
                f"regexp_replace({folded}, {_literal(f'[{sources}]')}, {_literal(target)}, 'g')"
            )
        if group.dropped:
            folded = f"regexp_replace({folded}, {_literal(f'[{group.dropped}]')}, '', 'g')"
        guard = _literal(f"[{''.join(by_target.values())}{group.dropped}]")
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


def _left_apart(conn: Connection) -> set[tuple[str, str]]:
    """The (letter, its fold) pairs that this server's ``unaccent`` does not make one."""
    pairs = [pair for group in GROUPS for pair in zip(group.source, group.target, strict=True)]
    rows = conn.execute(
        "SELECT lower(unaccent(s)) = lower(unaccent(t)) "
        "FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS p(s, t, n) ORDER BY n",
        ([s for s, _ in pairs], [t for _, t in pairs]),
    ).fetchall()
    return {pair for pair, (same,) in zip(pairs, rows, strict=True) if not same}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
