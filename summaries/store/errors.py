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
