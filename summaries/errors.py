"""Every error the core raises on purpose, each with a message written for a person.

The chat side maps these to replies; anything else is a bug and gets an incident id.
"""

from __future__ import annotations

from summaries.near_names import did_you_mean


class BriefingError(Exception):
    """Base class: ``str(error)`` is safe to show to a user.

    Errors cross process borders (raised in a summarizing worker, re-raised in the
    bot), so they pickle as their finished message and attributes, never by calling
    a subclass's ``__init__`` again: a subclass whose arguments differ from its
    message would otherwise fail to unpickle and break the worker pool.
    """

    def __reduce__(self) -> tuple:
        return (_rebuild, (type(self), self.args), self.__dict__ or None)


def _rebuild(kind: type[BriefingError], args: tuple) -> BriefingError:
    error = kind.__new__(kind)
    Exception.__init__(error, *args)
    return error


class InputError(BriefingError):
    """The article given cannot be summarized (empty, binary, too large...)."""


class EmptyArticleError(InputError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "There is no article text to summarize" + (f" ({detail})." if detail else ".")
        )


class BinaryInputError(InputError):
    """Binary data given as an article; the message fits a file unless one is given."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "That looks like binary data, not an article: give a text, Markdown or HTML file."
        )


def binary_link(kind: str) -> BinaryInputError:
    """The refusal of a fetched link whose answer is binary ``kind`` ("a PDF file")."""
    return BinaryInputError(
        f"That address gives {kind}, not an article page. The bot summarizes web pages and "
        "plain text: link the page the article is written on, or paste its text."
    )


class InputTooLargeError(InputError):
    def __init__(self, size: int | None, limit: int) -> None:
        """``size``: None when only a stream's first ``limit`` bytes and one were read."""
        shown = megabytes(size) if size is not None else ""
        if not shown or shown == megabytes(limit):  # ("8.0 MB; the limit is 8.0 MB")
            said = f"The input is larger than the limit of {megabytes(limit)}."
        else:
            said = f"The input is {shown}; the limit is {megabytes(limit)}."
        super().__init__(f"{said} Give a single article, not a whole archive.")


class UnknownMethodError(BriefingError):
    def __init__(self, name: str, known: list[str]) -> None:
        near = did_you_mean(name, known)
        super().__init__(
            f"Unknown summary method {name!r}{near}. Choose one of: {', '.join(known)}."
        )


class InvalidOptionError(BriefingError):
    """A briefing option (sentences, max_chars...) is out of range."""


class ConfigError(BriefingError):
    """A setting in config.toml is missing, of the wrong type or out of range."""


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
