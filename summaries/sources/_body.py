"""A response's body as it arrives, refused past a size: the size rule of
:mod:`summaries.sources.http`, counted on the decoded body."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterable

import httpx

from summaries.sources._inflate import Inflater
from summaries.sources._markup import kept_markup
from summaries.sources.errors import (
    CutOffError,
    FetchTimeoutError,
    ResponseTooLargeError,
    UnreachableError,
)


async def read_body(
    response: httpx.Response,
    url: httpx.URL,
    max_bytes: int,
    advice: str,
    keep: int | None = None,
    gzip_file: str | None = None,
) -> bytes:
    """The decoded body, refused once it passes ``max_bytes``: counted as it inflates, a
    bounded piece at a time (see :mod:`summaries.sources._inflate`); with ``keep``, markup
    of which that much besides its scripts' insides is kept (see
    :func:`~summaries.sources._markup.kept_markup`: scripts come before and between the
    markup, so the cut is made once all of it has arrived)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ResponseTooLargeError(int(declared), max_bytes, advice)
    inflater = Inflater(response.headers.get("content-encoding", ""), gzip_file)
    buffer = io.BytesIO()  # its getvalue() is the buffer itself: the body is held once
    read = 0

    def take(pieces: Iterable[bytes]) -> None:
        nonlocal read
        for piece in pieces:
            read += len(piece)
            if read > max_bytes:
                raise ResponseTooLargeError(None, max_bytes, advice)
            buffer.write(piece)

    try:
        async for chunk in response.aiter_raw():
            take(inflater.decode(chunk))
        take(inflater.flush())
    except httpx.TimeoutException:
        raise FetchTimeoutError() from None
    except (httpx.RemoteProtocolError, httpx.ReadError):  # the connection closed too soon
        raise CutOffError(url.host) from None
    except httpx.HTTPError:
        raise UnreachableError(url.host) from None
    if not inflater.whole:  # a compressed stream unfinished where the connection closed
        raise CutOffError(url.host)
    body = buffer.getvalue()
    buffer.close()
    if keep is None:
        return body
    # a regular expression's pass over up to max_bytes: a fraction of a second not taken
    # from the event loop
    kept: bytes = await asyncio.to_thread(kept_markup, body, keep)
    return kept
