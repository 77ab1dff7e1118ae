"""Web addresses in text the bot shows on Slack (found by ``bot.addresses``) as Slack's
links: ``<https://…>``, inside which nothing is formatted. Our blocks are ``verbatim``
(Slack adds no links of its own), so the bot links each address it finds itself: shown
as written, its marks untouched, and clickable.
"""

from __future__ import annotations

from bot import addresses
from bot.addresses import Address, written_address

__all__ = ["MAX_LINK", "Address", "escape_link", "find_addresses", "written_address"]

MAX_LINK = 1500  # characters of a link's escaped address; longer ones are shown unlinked


def find_addresses(text: str, *, starts_cut: bool = False, ends_cut: bool = False) -> list[Address]:
    """The web addresses in ``text`` that Slack can link (see ``bot.addresses``)."""
    return addresses.find_addresses(
        text, starts_cut=starts_cut, ends_cut=ends_cut, fits=fits
    )


def fits(target: str) -> bool:
    """Whether Slack takes a link to ``target``: at most ``MAX_LINK`` characters escaped."""
    return len(escape_link(target)) <= MAX_LINK


def escape_link(target: str) -> str:
    """An address as it goes inside ``<…>``: only ``&``, ``<`` and ``>`` as entities
    (a safe target has no ``<`` or ``>``, so just ``&``)."""
    return target.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
