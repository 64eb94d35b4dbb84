"""Writing results without harming what is already there.

A regular file (or a name that does not exist yet) is written atomically: a temporary file in the same
directory, then a rename, so a reader never sees a partial report; new files get the permissions the
user's umask gives. A symbolic link is replaced by the new file, never written through (the link's target
is left alone). Anything else that exists under the name is not ours to replace: a character device
(``/dev/null``, ``/dev/stdout``) or a FIFO is written through; a directory, block device or socket is
refused. Renaming over ``/dev/null`` as root would turn it into a regular file for the whole machine.

Every failure is an :class:`OutputError` naming the output path (never the temporary name).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from auditor.errors import OutputError
from auditor.sanitize import display_path

Payload = str | bytes | Callable[[Path], None]
"""Text (written as UTF-8), bytes, or a function that writes a given path (e.g. a Parquet writer)."""


def write_atomic(path: Path, data: Payload, make_parents: bool = False) -> None:
    """Write ``data`` to ``path``: atomically for regular files, through for devices and FIFOs.

    Raises :class:`OutputError` when the path cannot be written (missing or read-only directory, a
    directory or block device under the name...).
    """
    path = Path(path)
    shown = display_path(path)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        _write_through(path, data, shown)
        return
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        kind = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
        raise OutputError(f"{shown}: cannot write the output there ({kind})")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        if make_parents:
            directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; results get the usual permissions
        if callable(data):
            os.close(fd)
            data(Path(tmp))
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_bytes(data))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_through(path: Path, data: Payload, shown: str) -> None:
    """Write into an existing device or FIFO (opened for writing without creating or truncating)."""
    try:
        if callable(data):
            data(path)
            return
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as handle:
            handle.write(_bytes(data))
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from None


def _bytes(data: str | bytes) -> bytes:
    # backslashreplace: a lone surrogate (a file name that is not UTF-8) becomes "\udcff", which is also
    # its JSON escape; callers sanitise first (auditor.sanitize), this only keeps a write from failing
    return data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
