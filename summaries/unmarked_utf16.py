"""Text saved as UTF-16 without its byte order mark: told apart from binary data, and
refused with a message that says how to give it.

UTF-16 with its mark is read (:func:`summaries.reading.utf8_if_wide`); without one, its
zero bytes make it binary data by every other test, and reading it would be a guess: a
guess that is wrong turns a file that was no text into an article of garbage. So such
bytes are still refused, but when they are clearly UTF-16 text the refusal says so and
asks for the file in UTF-8, which its editor can save in one step.

Clearly UTF-16 text, by this rule: an even number of bytes; in the first few kilobytes,
at least half the pairs have a zero byte on one side (Latin letters, digits and spaces
all have one: their code points are below 256) and none on the other (a binary
file's zeros fall on both sides); the whole decodes in that byte order without an error;
and what it decodes to looks like text (few control characters, mostly letters and
spaces).
"""

from __future__ import annotations

from summaries.clean import looks_like_text
from summaries.errors import BinaryInputError

_SAMPLE = 4096  # bytes: the start tells the byte order as well as all of it
_MIN_BYTES = 32  # fewer are not enough to go by
_MIN_WORDY = 0.6  # the share of letters and spaces in what decodes

SAVE_AS_UTF8 = (
    "That looks like text saved as UTF-16 without the byte order mark that would say so, "
    "which is not guessed at: save the file as UTF-8 and give it again."
)


def binary_refusal(data: bytes) -> BinaryInputError:
    """The refusal of ``data`` that the test for binary data failed: the one for any
    binary data, or, when it is clearly UTF-16 text (see the module), one that asks for
    it in UTF-8."""
    return BinaryInputError(SAVE_AS_UTF8 if unmarked_utf16(data) else "")


def unmarked_utf16(data: bytes) -> str | None:
    """The byte order, "utf-16-le" or "utf-16-be", when ``data`` is clearly text in it."""
    if len(data) % 2 or len(data) < _MIN_BYTES:
        return None
    head = data[:_SAMPLE]
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if others == 0 and zeros * 2 >= pairs:
            return codec if _reads_as_text(data, codec) else None
    return None


def _reads_as_text(data: bytes, codec: str) -> bool:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:  # a lone surrogate: no such text
        return False
    wordy = sum(1 for char in text if char.isalpha() or char.isspace())
    return looks_like_text(text) and wordy >= _MIN_WORDY * len(text)
