"""A local folder of .txt, .md and .html files as articles.

- ``.txt`` and ``.md``: front matter, title and text as :mod:`summaries.text_files` reads
  them (a .md file as the page it renders to).
- ``.html`` / ``.htm``: the main text and metadata by :mod:`summaries.sources.pages`.
- ``published`` is the date an HTML page states, else the file's modification time (UTC);
  ``url`` is the file's ``file://`` URI; ``source`` is the outlet an HTML page names (its
  site name, else its canonical address's host), else the folder's name.

Subfolders are read too. Hidden files and folders (".git", ".DS_Store") are ignored.
Anything that cannot be read (binary data, too large, no text, permission denied, a link
that leads out of the folder, a device or pipe) is skipped with a reason, never raised:
one bad file does not stop the others. Links are not followed out of the folder, and
linked subfolders are not entered at all. Blocking I/O: call it off the event loop.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from summaries.clean import looks_like_text
from summaries.errors import BinaryInputError, BriefingError, EmptyArticleError, InputTooLargeError
from summaries.models import Article
from summaries.reading import (
    EMPTY_FOLDER,
    MAX_INPUT_BYTES,
    decode_text,
    is_binary,
    path_problem,
    shown,
    utf8_if_wide,
)
from summaries.sources.errors import SourceError
from summaries.sources.pages import article_from_page
from summaries.text_files import TEXT_SUFFIXES, text_file_article
from summaries.unmarked_utf16 import binary_refusal

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class FolderRead:
    """The articles a folder gave, and every file it skipped with the reason why."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def read_folder(folder: str | Path, *, max_bytes: int = MAX_INPUT_BYTES) -> FolderRead:
    """Every article file under ``folder``, in path order; SourceError if it is no folder.

    Files of other types are passed over without a word; an article file that cannot
    be read (binary, empty, a link out of the folder...) is listed with the reason.
    """
    root, paths, skipped = list_folder(folder)
    articles: list[Article] = []
    for path in paths:
        try:
            articles.append(read_file(path, root=root, max_bytes=max_bytes))
        except BriefingError as error:
            skipped.append(Skipped(path, str(error)))
    return FolderRead(tuple(articles), tuple(skipped))


def list_folder(folder: str | Path) -> tuple[Path, list[Path], list[Skipped]]:
    """(the resolved folder, its article files in path order, what could not be entered).

    For callers that read the files one by one (ingest reads each in a worker process).
    """
    root = folder_at(folder)
    skipped: list[Skipped] = []
    wanted = TEXT_SUFFIXES | HTML_SUFFIXES
    # other files (images, notes) are simply not articles
    paths = [path for path in _files(root, skipped) if path.suffix.lower() in wanted]
    return root, paths, skipped


def folder_at(location: str | Path) -> Path:
    """``location`` (``~`` expanded) as a resolved folder; SourceError saying why it is not
    one: missing, a file, a name too long, a path through a file, a loop of links.

    An empty name is none: Path("") is the folder the process runs in, which a blank
    argument (an unset shell variable) or an empty entry in config.toml never means."""
    if not str(location).strip():
        raise SourceError(EMPTY_FOLDER)
    try:
        folder = Path(location).expanduser()
        info = folder.stat()
    except OSError as error:
        raise SourceError(path_problem(location, error, noun="folder")) from None
    except (RuntimeError, ValueError):  # "~nobody/x"; a NUL character in the name
        raise SourceError(f"{shown(location)} is not a folder name this machine knows.") from None
    if not stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{shown(location)} is not a folder.")
    return folder.resolve()


def read_file(path: Path, *, root: Path | None = None, max_bytes: int = MAX_INPUT_BYTES) -> Article:
    """The article in one file; BriefingError (with a reason) when it cannot be read.

    With ``root``, a file that is (or whose links lead) outside ``root`` is refused.
    """
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise SourceError("not a .txt, .md or .html file")
    real = path.resolve()
    if root is not None and not real.is_relative_to(root):
        raise SourceError("a link that leads out of the folder; not followed")
    data, modified = _read(real, max_bytes)
    data = utf8_if_wide(data)
    if not data.strip():
        raise EmptyArticleError("the file is empty")
    if is_binary(data):
        raise binary_refusal(data)
    uri = path.absolute().as_uri()
    source = (root or path.parent).name or None
    if suffix in HTML_SUFFIXES:
        page = article_from_page(data, None, title="")
        return replace(
            page,
            title=page.title or path.stem,
            url=uri,
            source=page.source or source,
            published=page.published or modified,
        )
    text = decode_text(data)
    if not looks_like_text(text):
        raise BinaryInputError()
    return text_file_article(text, suffix, url=uri, source=source, modified=modified)


def _files(root: Path, skipped: list[Skipped]) -> list[Path]:
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        reason = error.strerror or "cannot be read"
        skipped.append(
            Skipped(Path(error.filename or root), f"a folder that cannot be read ({reason})")
        )

    for directory, folders, names in os.walk(root, onerror=unreadable, followlinks=False):
        here = Path(directory)
        kept = []
        for name in sorted(folders):
            if name.startswith("."):
                continue
            if (here / name).is_symlink():
                skipped.append(Skipped(here / name, "a linked folder; not entered"))
            else:
                kept.append(name)
        folders[:] = kept
        found += [here / name for name in sorted(names) if not name.startswith(".")]
    return found


def _read(path: Path, max_bytes: int) -> tuple[bytes, datetime]:
    """The bytes of a regular file (never a pipe or device) and its modification time."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        # O_NOFOLLOW: ``path`` is resolved; a link swapped in since then is not followed.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(path, flags)
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as error:
        raise SourceError(f"cannot be opened ({error.strerror or 'error'})") from None
    with open(descriptor, "rb", closefd=True) as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("not a regular file")
        if info.st_size > max_bytes:
            raise InputTooLargeError(info.st_size, max_bytes)
        try:
            data = stream.read(max_bytes + 1)
        except OSError as error:
            raise SourceError(f"cannot be read ({error.strerror or 'error'})") from None
    if len(data) > max_bytes:  # (grown since fstat: how much more is not read)
        raise InputTooLargeError(None, max_bytes)
    return data, datetime.fromtimestamp(info.st_mtime, tz=UTC)
