"""The exact score of one windowed article against a query (the grouper's inner loop)."""

from __future__ import annotations

import math
from itertools import repeat
from operator import mul, sub


def cosine_in_window(
    terms: dict[str, float],
    vector: dict[str, float],
    query_norm: float,
    df: dict[str, int],
    base: float,
    logs: list[float],
    subject: frozenset[str],
) -> tuple[float, float]:
    """The cosine of a windowed article's ``terms`` with the query's TF-IDF ``vector``, and
    the cosine of the two without the ``subject`` terms (event_evidence): a term's IDF is
    ``base - logs[df]``, its frequency counting the query when it shares it. The weights
    of all its terms are made in C (map); shared terms are then corrected."""
    values = list(
        map(
            mul,
            terms.values(),
            map(sub, repeat(base), map(logs.__getitem__, map(df.__getitem__, terms))),
        )
    )
    norm = sum(map(mul, values, values))
    dot = subject_dot = subject_norm = subject_query = 0.0
    for term in terms.keys() & vector.keys():
        tf, size = terms[term], df[term]
        alone, shared = tf * (base - logs[size]), tf * (base - logs[size + 1])
        norm += shared * shared - alone * alone
        dot += shared * vector[term]
        if term in subject:  # both headlines hold it, so both vectors do
            subject_dot += shared * vector[term]
            subject_norm += shared * shared
            subject_query += vector[term] * vector[term]
    if dot <= 0.0:
        return 0.0, 0.0
    cosine = min(1.0, dot / (query_norm * math.sqrt(norm)))
    rest = (query_norm * query_norm - subject_query) * (norm - subject_norm)
    if dot - subject_dot <= 0.0 or rest <= 1e-12:
        return cosine, 0.0
    return cosine, min(1.0, (dot - subject_dot) / math.sqrt(rest))
