"""Where the database is: ``[store] url`` (``sqlite:///path`` or ``postgresql://...``)
or ``[store] path`` (an SQLite file), read into one ``Location``.

No driver is imported here: config checking reads a location without opening it. A
password never belongs in config.toml (it would reach logs and replies with the URL):
libpq reads it from ``PGPASSWORD`` or ``~/.pgpass``, so a URL holding one is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

SQLITE, POSTGRESQL = "sqlite", "postgresql"
MEMORY = ":memory:"
_POSTGRES_SCHEMES = ("postgresql", "postgres")


@dataclass(frozen=True, slots=True)
class Location:
    """One database: the engine and, for SQLite, the file path (``:memory:`` for tests),
    for PostgreSQL the connection URL (without a password, so it may be shown)."""

    engine: str
    target: str

    @property
    def shown(self) -> str:
        """How to name this database to a person."""
        return self.target


def parse_location(text: str) -> Location:
    """Read ``[store] url`` or a plain SQLite path; ValueError with a sentence otherwise."""
    value = str(text).strip()
    if not value:
        raise ValueError("is empty: give sqlite:///path/briefing.db or postgresql://user@host/db")
    if "://" not in value and not value.startswith("sqlite:"):
        return Location(SQLITE, value)  # a file path
    scheme = value.split(":", 1)[0].lower()
    if scheme == SQLITE:
        return Location(SQLITE, _sqlite_path(value))
    if scheme in _POSTGRES_SCHEMES:
        return Location(POSTGRESQL, _postgres_url(value))
    raise ValueError(
        f"starts with {scheme}://, which the bot does not know: use sqlite:///path/briefing.db "
        "or postgresql://user@host/database"
    )


def _sqlite_path(value: str) -> str:
    """``sqlite:///relative.db``, ``sqlite:////absolute.db`` (SQLAlchemy's spelling) and
    ``sqlite:///:memory:``."""
    rest = value[len("sqlite:") :]
    if not rest.startswith("///"):
        raise ValueError(
            "must be sqlite:///path/briefing.db (three slashes, then the file; four for an "
            "absolute path)"
        )
    path = unquote(rest[3:])
    if not path.strip():
        raise ValueError("names no file: write sqlite:///path/briefing.db")
    return path


def _postgres_url(value: str) -> str:
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        raise ValueError("is not a valid postgresql:// URL (check the host and port)") from None
    if parts.password is not None:
        raise ValueError(
            "holds a password; config.toml must not: set PGPASSWORD in the environment "
            "(or use ~/.pgpass) and write postgresql://user@host/database"
        )
    if not parts.path.strip("/"):
        raise ValueError("names no database: write postgresql://user@host/database")
    return value
