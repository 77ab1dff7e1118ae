"""``summaries.folding.fold_text`` as PostgreSQL's SQL function ``briefing_fold``.

The same characters fold as in Python: the compatibility forms that ``fold_text`` undoes
become their NFKC form (each piece of the text that is one, with ``normalize``) and the
text is made NFC; a group's letters are replaced (a regular expression for each letter
they become: ``translate`` scans its list of letters for each character, three times
slower on Arabic) and its marks dropped, only in a text holding one of them; then the
article comes off with the same rule, and then the groups folded after it. So the
function gives what ``fold_text`` gives, whatever the server's ``unaccent`` does, and the
parser reads the index's text as it reads a query's. (Schema 19's function left the Greek
accents, ı, İ, ё and Ё to ``unaccent``, which the parser applies to words only: in a
token that it reads otherwise because of such a letter, as "İzmir.2", the letter stayed,
and the text split into other tokens than the query "İzmir.2" or the same text typed
without it.)
"""

from __future__ import annotations

from summaries.folding import ARTICLE, COMPATIBLE_CLASS, GROUPS, SQL_FUNCTION, Group

# The pieces of a text: each compatibility form alone, and the runs between them.
_PIECES = f"(?={COMPATIBLE_CLASS})|(?<={COMPATIBLE_CLASS})"
# (only in a text with a character beyond ASCII: one with none is NFC and holds no form)
_NORMAL = """    IF octet_length(t) > length(t) THEN
        IF t ~ {compatible} THEN
            t := (SELECT string_agg(CASE WHEN p ~ {compatible} THEN normalize(p, NFKC) ELSE p END,
                                    '' ORDER BY n)
                  FROM regexp_split_to_table(t, {pieces}) WITH ORDINALITY AS s (p, n));
        END IF;
        IF t IS NOT NFC NORMALIZED THEN
            t := normalize(t, NFC);
        END IF;
    END IF;"""


def fold_function() -> str:
    """The ``CREATE FUNCTION`` statement of ``briefing_fold``."""
    steps = [
        _NORMAL.format(compatible=_literal(COMPATIBLE_CLASS), pieces=_literal(_PIECES)),
        *[_group_step(group) for group in GROUPS if not group.after_article],
        "    IF strpos(t, '\u0644') > 0 THEN\n"
        f"        t := regexp_replace(t, {_literal(ARTICLE)}, '\\1', 'g');\n    END IF;",
        *[_group_step(group) for group in GROUPS if group.after_article],
    ]
    return (
        f"CREATE OR REPLACE FUNCTION {SQL_FUNCTION}(t text) RETURNS text\n"
        "LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$\nBEGIN\n"
        + "\n".join(steps)
        + "\n    RETURN t;\nEND\n$$"
    )


def _group_step(group: Group) -> str:
    """The statement that folds ``group`` in a text holding one of its characters."""
    by_target: dict[str, str] = {}
    for source, target in zip(group.source, group.target, strict=True):
        by_target[target] = by_target.get(target, "") + source
    folded = "t"
    for target, sources in by_target.items():
        folded = f"regexp_replace({folded}, {_literal(f'[{sources}]')}, {_literal(target)}, 'g')"
    if group.dropped:
        folded = f"regexp_replace({folded}, {_literal(f'[{group.dropped}]')}, '', 'g')"
    guard = _literal(f"[{group.source}{group.dropped}]")
    return f"    IF t ~ {guard} THEN\n        t := {folded};\n    END IF;"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
