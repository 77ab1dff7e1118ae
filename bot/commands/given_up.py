"""What ``schedule show``, ``digest now`` and the dashboard's delivery log say of a digest
given up after it may have shown in part (``bot.posting.maybe_posted_reason``): the stories
it never sent are left for the next digest, which looks back far enough for them
(``summaries.digest``)."""

from __future__ import annotations

from summaries.models import DigestRecord
from summaries.store import Store


def left_for_next(store: Store, record: DigestRecord) -> str:
    """The sentence (with its leading space) saying how many of ``record``'s stories were
    not sent, nor may have shown; "" when none were left."""
    return left_unsent(record, store.posted_per_digest([record.id]).get(record.id, 0))


def left_unsent(record: DigestRecord, shown: int) -> str:
    """``left_for_next`` of a digest that sent ``shown`` of its stories."""
    count = max(0, len(record.story_ids) - shown)
    if count == 0:
        return ""
    if count == 1:
        return " Its other story was not sent: it is left for the next digest."
    return f" Its other {count} stories were not sent: they are left for the next digest."
