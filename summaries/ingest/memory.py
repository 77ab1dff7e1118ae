"""Giving freed page bodies back to the system at once (glibc's malloc; elsewhere nothing).

glibc serves a block of 128 KiB or more with a mapping of its own, unmapped when freed,
but each time such a block is freed it raises that threshold to the block's size (up to
32 MiB). After the first fetched page or feed is freed, every later body of that size
comes from the heap instead, and the heap keeps what they leave behind: an ingest of
large pages held tens of MB more in each process than it was using. Fixing the threshold
at its starting value turns that adjustment off; small allocations are not affected.
"""

from __future__ import annotations

import ctypes
import functools

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number
THRESHOLD = 128 * 1024  # glibc's starting value


@functools.cache
def map_large_blocks() -> bool:
    """Serve blocks of ``THRESHOLD`` bytes or more from mappings of their own, returned to
    the system when freed, for the rest of this process; False where that cannot be done
    (not glibc). Safe to call more than once."""
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library this process already runs on
    except (OSError, AttributeError, TypeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1
