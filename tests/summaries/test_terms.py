"""Content terms: a sentence's words as the tokenizer finds them, lowercased, stop words
out, stemmed, however fast they are found and whatever was seen before."""

from __future__ import annotations

import pytest

from summaries.language import language_tools
from summaries.sentences import OfflineTokenizer
from summaries.summarize.terms import content_terms, content_terms_of, term_memo

SENTENCES = [
    "Harbour--bridge U.S.-based firm's CEO said 'no' in the '90s, didn't he?",
    "Rock'n'roll -- state-of-the-art, 3.5% of 20-somethings -- was re-elected.",
    "It is what it is: the and of to.",  # stop words only
    "Naïve café owners' “quotes” were O’Brien’s, he said.",  # not ASCII
    "Zürich—based “well–known” firm’s 2nd—best… naïve co-op’s ‘rock’n’roll’.",  # dashes
    "KELVIN sign: 5 \u212a, which lowercases to ASCII.",
    "",
    "- ' -- '' 123",  # no word at all
]


def _by_the_tokenizer(sentence: str, language: str) -> list[str]:
    tools = language_tools(language)
    words = OfflineTokenizer(language).to_words(sentence.lower())
    return [tools.stem(w) for w in words if w not in tools.stop_words]


@pytest.mark.parametrize("language", ["english", "german"])
def test_terms_are_the_tokenizers_words_stemmed_first_time_and_remembered(language):
    tools = language_tools(language)
    tokenizer = OfflineTokenizer(language)
    term_memo.cache_clear()
    expected = [_by_the_tokenizer(s, language) for s in SENTENCES]
    assert content_terms_of(SENTENCES, tools, tokenizer) == expected  # nothing remembered
    assert content_terms_of(SENTENCES, tools, tokenizer) == expected  # all remembered
    assert [content_terms(s, tools, tokenizer) for s in SENTENCES] == expected
    assert len(expected[0]) > 2 and expected[0][:2] == ["harbour", "bridg"]  # a piece of two
    assert expected[2] == [] or language != "english"


def test_a_piece_seen_alone_first_gives_the_same_terms_inside_a_sentence():
    tools = language_tools("english")
    tokenizer = OfflineTokenizer("english")
    term_memo.cache_clear()
    assert content_terms("bridge", tools, tokenizer) == ["bridg"]
    assert content_terms("Harbour--bridge", tools, tokenizer) == ["harbour", "bridg"]
    assert content_terms("harbour--bridge café", tools, tokenizer) == ["harbour", "bridg", "café"]
