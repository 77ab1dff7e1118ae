"""Undoing a response's Content-Encoding a bounded piece at a time.

httpx decodes each network chunk whole: 64 KiB of gzip can inflate to 64 MB before the
caller counts a byte of it. :class:`Inflater` hands the decoded body out in pieces of at
most ``PIECE`` bytes (zlib's ``max_length``), so a size cap checked after each piece
refuses a compression bomb having held little more than the cap.

Only what can be bounded is undone: gzip, deflate (zlib-wrapped or raw, as browsers
take it) and br (brotli, whose decoder takes an output limit too), at most ``MAX_LAYERS``
stacked. ``ACCEPT_ENCODING`` asks for nothing else, and another compression a site sends
anyway (zstd, compress: ``_NOT_UNDONE``) is refused, not passed on encoded. A name that is
no compression at all ("none", "utf-8", "binary": a misconfigured server's) is taken as
"identity", as browsers and feed readers take it: the answer is read as it is.

A file served gzipped as itself (``application/gzip``) is undone the same way when asked
for (``gzip_file``) and its bytes start as gzip's do; labelled gzip-encoded as well, it
may already be undone by then, and is taken as it is.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Protocol

import brotli

from summaries.sources.errors import DamagedResponseError, UnsupportedContentError

ACCEPT_ENCODING = "gzip, deflate, br"
PIECE = 64 * 1024
MAX_LAYERS = 2
GZIP_MAGIC = b"\x1f\x8b"
_GZIP = zlib.MAX_WBITS | 16
_KNOWN = frozenset({"gzip", "x-gzip", "deflate", "br"})
# the compressions of HTTP's registry and of servers' own habits that are not undone here
_NOT_UNDONE = frozenset(
    {"compress", "x-compress", "zstd", "dcb", "dcz", "aes128gcm", "exi", "pack200-gzip"}
    | {"bzip2", "x-bzip2", "lzma", "xz", "sdch"}
)


class Inflater:
    """The decoder for one response's ``Content-Encoding`` header value."""

    def __init__(self, content_encoding: str, gzip_file: str | None = None) -> None:
        """``gzip_file``, when given, is the refusal of a body that should be a gzip file
        (labelled as one) but does not start as one; a body that does is undone last."""
        names = [name.strip().lower() for name in content_encoding.split(",")]
        for name in names:
            if name in _NOT_UNDONE:
                raise UnsupportedContentError(
                    f"The site sent its answer compressed as {name}, which cannot be read."
                )
        names = [name for name in names if name in _KNOWN]  # (any other is none)
        if len(names) > MAX_LAYERS:
            raise UnsupportedContentError(
                f"The site compressed its answer {len(names)} times over; it cannot be read."
            )
        self._layers: list[_Stream] = [_layer(name) for name in reversed(names)]
        if gzip_file is not None:
            # labelled gzip both as a file and as its encoding (Apache's AddEncoding, a
            # bucket's metadata): the label may name the encoded body, the file undone
            packed = not {"gzip", "x-gzip"}.isdisjoint(names)
            self._layers.append(_GzipFile(None if packed else gzip_file))

    def decode(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes of ``data``, the next raw chunk, in pieces of at most PIECE."""
        return self._through(0, data)

    def flush(self) -> Iterator[bytes]:
        """What is left once the raw body has ended."""
        for number, layer in enumerate(self._layers):
            yield from self._through(number + 1, layer.flush())

    @property
    def whole(self) -> bool:
        """Whether every stream that was begun has ended (after :meth:`flush`): one that
        has not was cut off, though the connection may have closed as if it were done."""
        return all(layer.whole for layer in self._layers)

    def _through(self, first: int, data: bytes) -> Iterator[bytes]:
        if first == len(self._layers):
            if data:
                yield data
            return
        for piece in self._layers[first].decode(data):
            yield from self._through(first + 1, piece)


class _Stream(Protocol):
    """One compressed stream, undone a bounded piece at a time."""

    @property
    def whole(self) -> bool: ...

    def decode(self, data: bytes) -> Iterator[bytes]: ...

    def flush(self) -> bytes: ...


def _layer(name: str) -> _Stream:
    return _Brotli() if name == "br" else _Layer(name == "deflate")


class _Layer:
    """One gzip or deflate stream; a deflate stream's wrapper is told by its first bytes."""

    def __init__(self, deflate: bool) -> None:
        self._head = b""
        self._zlib = None if deflate else zlib.decompressobj(_GZIP)
        self._begun = False

    @property
    def whole(self) -> bool:
        """Whether the stream ended, or never began (an empty body)."""
        if not self._begun:
            return True
        return self._zlib is not None and self._zlib.eof

    def decode(self, data: bytes) -> Iterator[bytes]:
        self._begun = self._begun or bool(data)
        if self._zlib is None:
            self._head += data
            if len(self._head) < 2:
                return
            data, self._head = self._head, b""
            wbits = zlib.MAX_WBITS if _zlib_header(data) else -zlib.MAX_WBITS
            self._zlib = zlib.decompressobj(wbits)
        decoder = self._zlib
        while not decoder.eof:  # what follows the end of the stream is ignored, as httpx does
            try:
                piece = decoder.decompress(data, PIECE)
            except zlib.error:
                raise DamagedResponseError() from None
            data = decoder.unconsumed_tail
            if piece:
                yield piece
            if not data and len(piece) < PIECE:  # a full piece may leave output pending
                return

    def flush(self) -> bytes:
        if self._zlib is None:  # fewer than two bytes of deflate: nothing to read
            return b""
        try:
            return self._zlib.flush()  # small: decode() left no input unconsumed
        except zlib.error:
            raise DamagedResponseError() from None


def _zlib_header(data: bytes) -> bool:
    """Whether ``data`` starts with a zlib header (RFC 1950); else it is raw deflate."""
    method, flags = data[0], data[1]
    return method & 0x0F == 8 and method >> 4 <= 7 and ((method << 8) | flags) % 31 == 0


class _Brotli:
    """One brotli stream: the decoder hands out at most about PIECE bytes a call, and
    is called again with no input until it gives nothing more. (Its
    ``can_accept_more_data()`` says whether input may be given, not whether output is
    still held: brotli 1.2 answers True with pieces of the body still inside.)"""

    def __init__(self) -> None:
        self._decoder = brotli.Decompressor()
        self._begun = False

    @property
    def whole(self) -> bool:
        return not self._begun or self._decoder.is_finished()

    def decode(self, data: bytes) -> Iterator[bytes]:
        self._begun = self._begun or bool(data)
        if self._decoder.is_finished():  # what follows the end is ignored, as for gzip
            return
        try:
            piece = self._decoder.process(data, output_buffer_limit=PIECE)
            while piece:
                yield piece
                if self._decoder.is_finished():
                    return
                piece = self._decoder.process(b"", output_buffer_limit=PIECE)
        except brotli.error:
            raise DamagedResponseError() from None

    def flush(self) -> bytes:
        return b""  # decode() left no output pending


class _GzipFile:
    """A body that should be a gzip file: undone as gzip once its first bytes show it is
    one, else refused with the message given (with none: passed on as it is)."""

    def __init__(self, refusal: str | None) -> None:
        self._refusal = refusal
        self._head = b""
        self._gzip: _Layer | None = None

    @property
    def whole(self) -> bool:
        return self._gzip.whole if self._gzip is not None else not self._head

    def decode(self, data: bytes) -> Iterator[bytes]:
        if self._gzip is None:
            self._head += data
            if len(self._head) < len(GZIP_MAGIC):
                return
            if not self._head.startswith(GZIP_MAGIC):
                if self._refusal is not None:
                    raise UnsupportedContentError(self._refusal)
                self._gzip = _Plain()
            else:
                self._gzip = _Layer(deflate=False)
            data, self._head = self._head, b""
        yield from self._gzip.decode(data)

    def flush(self) -> bytes:
        if self._gzip is None:
            if self._head and self._refusal is not None:  # one byte: no gzip file
                raise UnsupportedContentError(self._refusal)
            head, self._head = self._head, b""
            return head
        return self._gzip.flush()


class _Plain:
    """A body passed on as it is."""

    whole = True

    def decode(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data

    def flush(self) -> bytes:
        return b""
