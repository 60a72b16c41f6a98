"""The articles a log's entries cite: which names they may have, and reading one safely.

An article is a plain file name inside the ``articles/`` folder beside the log. A log written
by someone else must not make tracker read anything else, nor wait or fill memory: the folder
and the article are opened without following symbolic links, only regular files are read, and
no more than :data:`ARTICLE_LIMIT` bytes of them.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from tracker._errors import TrackerError

__all__ = [
    "ARTICLES",
    "ARTICLE_LIMIT",
    "NAME_LIMIT",
    "ArticleError",
    "article_name_problem",
    "not_regular",
    "read_article",
]

#: The name of the folder, next to a log, that holds the articles its entries cite.
ARTICLES = "articles"
#: The largest article read, in bytes (2 MiB): a long news article is well under 100 kB.
ARTICLE_LIMIT = 2 * 1024 * 1024
#: The longest article name, in bytes of UTF-8: the longest file name Linux and macOS allow.
NAME_LIMIT = 255

#: Open for reading only, never through a link, never waiting for a writer (a FIFO) or making
#: a terminal ours.
_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
#: The control characters (Unicode's category Cc, which the standard keeps to these two ranges
#: for good): one regular expression finds them, where a lookup per character was the slowest
#: part of decoding an entry.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_OVER = f"over the limit of {ARTICLE_LIMIT} bytes for an article"
#: What a file that is not regular is, by the type bits of its mode.
_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


class ArticleError(TrackerError):
    """An article that is not read, and why, in one line (``reason``)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(reason)
        self.name = name
        self.reason = reason


def article_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name an article (a plain file name in the folder), or ``None``."""
    if not name:
        return "an empty name"
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        return "not valid Unicode text"
    if size > NAME_LIMIT:
        return f"a name of {size} bytes, over the limit of {NAME_LIMIT}"
    if "/" in name or "\\" in name:
        return "not a plain file name: it holds a path separator"
    if name in {".", ".."}:
        return f"{name!r} is a folder, not a file name"
    if _CONTROL.search(name):
        return "a control character in the name"
    return None


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read (``not a regular file but a FIFO``), or
    ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return f"not a regular file but {_KINDS.get(stat.S_IFMT(mode), 'a special file')}"


def read_article(folder: Path, name: str) -> str:
    """The text of article ``name`` in ``folder``, its line ends made ``\\n``.

    Raises :class:`ArticleError` when the name is not a plain file name, when ``folder`` or the
    article is a symbolic link (a log's articles are in the folder itself: a link could lead
    anywhere), when the article is missing, not a regular file, over :data:`ARTICLE_LIMIT`
    bytes, or not UTF-8.
    """
    problem = article_name_problem(name)
    if problem is not None:
        raise ArticleError(name, problem)
    try:
        directory = os.open(folder, _FOLDER_FLAGS)
    except OSError as error:
        raise ArticleError(name, _folder_problem(folder, error)) from None
    try:
        data = _read_in(directory, folder, name)
    finally:
        os.close(directory)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        reason = (
            f"not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start} "
            "cannot be decoded"
        )
        raise ArticleError(name, reason) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _folder_problem(folder: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return f"no folder {folder}"
    if error.errno in {errno.ELOOP, errno.ENOTDIR}:  # which one a link gives varies
        if os.path.islink(folder):
            return f"{folder} is a symbolic link: a log's articles must be in the folder itself"
        return f"{folder} is not a folder"
    return f"cannot open {folder}: {error.strerror or error}"


def _read_in(directory: int, folder: Path, name: str) -> bytes:
    """The regular file ``name`` in the open ``directory``, up to one byte over the limit; its
    type is looked at first, so a FIFO or device in the folder is not even opened."""
    try:
        mode = os.stat(name, dir_fd=directory, follow_symlinks=False).st_mode
    except OSError as error:
        raise ArticleError(name, _file_problem(folder, name, error)) from None
    reason = not_regular(mode)
    if reason is not None:
        raise ArticleError(name, reason)
    try:
        handle = os.open(name, _FLAGS, dir_fd=directory)
    except OSError as error:
        raise ArticleError(name, _file_problem(folder, name, error)) from None
    try:
        status = os.fstat(handle)
        reason = not_regular(status.st_mode)  # replaced since it was looked at
        if reason is not None:
            raise ArticleError(name, reason)
        if status.st_size > ARTICLE_LIMIT:
            raise ArticleError(name, f"{status.st_size} bytes, {_OVER}")
        chunks: list[bytes] = []
        left = ARTICLE_LIMIT + 1  # a file that grows, or lies about its size, is cut here
        while left > 0 and (chunk := os.read(handle, min(left, 1 << 16))):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise ArticleError(name, _file_problem(folder, name, error)) from None
    finally:
        os.close(handle)
    if left <= 0:
        raise ArticleError(name, _OVER)
    return b"".join(chunks)


def _file_problem(folder: Path, name: str, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return f"no article {name!r} in {folder}"
    if error.errno == errno.ELOOP:
        return "not a regular file but a symbolic link"
    return f"cannot read it: {error.strerror or error}"
