"""The store's one error type: ``str(error)`` is written for a person."""

from __future__ import annotations

from summaries.errors import BriefingError


class StoreError(BriefingError):
    """The database cannot be opened, upgraded or written, or a record is missing."""
