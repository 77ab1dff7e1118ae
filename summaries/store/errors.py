"""The store's error types: ``str(error)`` is written for a person, never a driver's text.

Two kinds cross the store's border, whichever engine is behind it:

- ``StoreError`` itself (and its refusals such as ``LimitReachedError``): the store
  refuses a request for a reason the person can act on ("at most 25 topics", "a newer
  version of the bot made this database", "no such source");
- ``StoreUnavailableError``: the database cannot be used right now (a PostgreSQL server
  that does not answer, an SQLite file that is locked, full or damaged). Trying again
  later may work; callers say "the database is unavailable".

Callers catch these and never a driver's exception (``sqlite3``, ``psycopg``).
"""

from __future__ import annotations

from summaries.errors import BriefingError


class StoreError(BriefingError):
    """The store refuses a request, or a record is missing; see the module docstring."""


class StoreUnavailableError(StoreError):
    """The database cannot be reached or used now (down, locked, full, damaged)."""


class OutdatedStoreError(StoreError):
    """A database opened read-only is at an older schema than this version's (``version``;
    0: none of the bot's tables yet): it is upgraded when the bot or a command that
    writes opens it, never by a read-only open."""

    def __init__(self, place: str, version: int, latest: int) -> None:
        self.place, self.version, self.latest = place, version, latest
        if version == 0:
            said = f"{place} holds none of the bot's tables yet: the bot makes them when it starts."
        else:
            said = (
                f"{place} is at schema {version} and needs upgrading to schema {latest}, which "
                "this version of the bot uses. Starting the bot upgrades it, as does any "
                "command that opens it to write, such as `briefing sources list`. Back it up "
                "first: the older version of the bot does not open the upgraded database."
            )
        super().__init__(said)

    def __reduce__(self) -> tuple:  # (pickled with its arguments, as errors cross processes)
        return (type(self), (self.place, self.version, self.latest))


def refuse_newer(version: int, latest: int, elsewhere: str) -> None:
    """StoreError when a database's schema ``version`` is newer than this version's."""
    if version > latest:
        raise StoreError(
            "This database was made by a newer version of the briefing bot "
            f"(schema {version}; this version knows up to {latest}). "
            f"Upgrade the bot or use {elsewhere}."
        )
