"""A pair's subject: the headline stems two articles share, which event_evidence leaves out."""

from __future__ import annotations

from dataclasses import dataclass

from summaries.grouping.fingerprints import Fingerprint


@dataclass(frozen=True, slots=True)
class Headline:
    """An article's headline stems, and how many stems its text adds to them."""

    stems: frozenset[str]
    added: int

    @classmethod
    def of(cls, fp: Fingerprint) -> Headline:
        # The headline's stems are among the fingerprint's terms (`fingerprint`).
        return cls(frozenset(fp.headline), len(fp.terms) - len(fp.headline))


def subject_of(a: Headline, b: Headline) -> frozenset[str]:
    """A pair's subject for event_evidence: the stems both headlines hold, unless an article's
    text adds fewer stems than that to its headline (none: it is all headline; a teaser line
    that restates the headline or points to the page). Then what it says beyond the subject
    is too little to show which event it tells, and the subject stays: the pair is judged by
    its cosine. The strike's headline over "Read the full story" shares three stems with
    the fire's and adds four, so its pair with the fire is still judged without them."""
    shared = a.stems & b.stems
    if a.added < len(shared) or b.added < len(shared):
        return frozenset()
    return shared
