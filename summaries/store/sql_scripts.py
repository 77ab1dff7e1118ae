"""An SQL script split into its statements, for running them inside one transaction."""

from __future__ import annotations

import sqlite3


def statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (trigger bodies stay whole).

    ``executescript`` would COMMIT first, breaking the one-transaction upgrade.
    """
    done: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if _has_code(pending):
                done.append(pending.strip())
            pending = ""
    if _has_code(pending.rstrip(";")):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending!r}")
    return done


def _has_code(sql: str) -> bool:
    lines = (line.split("--", 1)[0] for line in sql.splitlines())
    return bool("".join(lines).strip(" \t;"))
