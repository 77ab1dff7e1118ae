"""Chinese and Japanese: sentences end at their own punctuation, words come from a segmenter,
and search finds their words by pairs of characters.

Neither language puts spaces between words or after a full stop, so the rules of
:mod:`summaries.sentences` find neither. A sentence ends at 。！？ (or ! ? written
half-width), with the closing quotes and brackets right after it (“…。” 」 』 ）).
Words: Chinese by jieba's dictionary and model (rjieba, jieba compiled), Japanese by
TinySegmenter (the one sumy uses). Both ship what they need; nothing is downloaded. Each
is imported when the first sentence of its language is cut, in the process that
summarizes: an English-only bot never loads them.

Search: SQLite's FTS5 tokenizer (unicode61) takes a run of Han or kana characters for
one word, so "港口" would not find "布伦港口遭遇攻击". The store indexes such text as its
overlapping pairs of characters (:func:`search_terms`: "港口遭遇" -> "港口 口遭 遭遇"), and a
query's run of two or more characters becomes the phrase of its pairs (:func:`pairs`),
which matches wherever the run stands: the usual way CJK text is indexed (Lucene's CJK
bigrams). It needs no segmenter where the bot answers commands, and finds a word the
segmenter would have cut otherwise. A single character is looked for as the first of a
pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from summaries.folding import fold_text
from summaries.words import LETTER, marks_in, word_pattern

# A sentence: the shortest run up to its end marks and the closers after them, or the rest.
_SENTENCE = re.compile(r".+?(?:[。！？!?]+[”’」』）)》】]*|$)")
# Han characters (with extensions and compatibility forms) and kana: written without spaces.
HAN_AND_KANA = r"\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
UNSPACED_RUN = re.compile(f"[{HAN_AND_KANA}]+")
# ...and for search, with the half-width katakana of older systems (ｶﾀｶﾅ), which the fold
# makes katakana (see summaries.folding): a run is paired as folded (:func:`run_pairs`).
SEARCH_RUN = re.compile(f"[{HAN_AND_KANA}\uff66-\uff9f]+")


def split_cjk_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph of Chinese or Japanese, stripped, none empty."""
    text = " ".join(paragraph.split())
    found = (match.group().strip() for match in _SENTENCE.finditer(text))
    return [sentence for sentence in found if sentence]


def cjk_words(sentence: str, language: str) -> tuple[str, ...]:
    """The words of a Chinese or Japanese sentence (letters only, as sumy keeps them)."""
    letters = word_pattern(LETTER, marks_in(sentence), "'’-")
    tokens = _segmenter(language)(sentence)
    return tuple(word for token in tokens for word in letters.findall(token))


@lru_cache(maxsize=2)
def _segmenter(language: str) -> Callable[[str], list[str]]:
    if language == "japanese":
        import tinysegmenter

        return tinysegmenter.TinySegmenter().tokenize
    import rjieba

    return rjieba.cut


def search_terms(text: str) -> str:
    """The overlapping character pairs of every run of Han or kana in ``text``, separated
    by spaces (a run of one character as itself); "" for text without any."""
    if text.isascii():
        return ""
    return " ".join(" ".join(run_pairs(run)) for run in SEARCH_RUN.findall(text))


def run_pairs(run: str) -> list[str]:
    """The pairs of a run of :data:`SEARCH_RUN` folded as the index folds it (ｶﾀｶﾅ is カタカナ,
    ﾋﾞ one character, ビ)."""
    return pairs(fold_text(run))


def pairs(run: str) -> list[str]:
    """The overlapping pairs of characters of a run ("网络攻击" -> 网络 络攻 攻击)."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]
