"""The build-reader axis: one reader per build format, registered explicitly.

A reader turns a file into a :class:`auditor.model.Build`. :func:`read_build` picks the first reader that
accepts the file. Split APKs and AABs plug in here as further readers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from auditor.build.archive import Limits
from auditor.errors import BuildError
from auditor.model import Build


class BuildReader(Protocol):
    """Reads one build format."""

    format: str
    """Short name of the format (``apk``)."""

    def accepts(self, path: Path, head: bytes) -> bool:
        """True when this reader handles ``path`` (``head``: its first bytes)."""

    def read(self, path: Path, limits: Limits) -> Build:
        """Read the build, or raise :class:`BuildError`."""


def readers() -> tuple[BuildReader, ...]:
    """Every registered reader, most specific first."""
    from auditor.build.apk import ApkReader

    return (ApkReader(),)


def read_build(path: Path, limits: Limits | None = None) -> Build:
    """Read ``path`` with the first reader that accepts it."""
    limits = limits or Limits()
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except IsADirectoryError as exc:
        raise BuildError(f"{path}: is a directory, not a build file") from exc
    except OSError as exc:
        raise BuildError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    for reader in readers():
        if reader.accepts(path, head):
            return reader.read(path, limits)
    raise BuildError(f"{path}: unsupported build format (expected an APK: a zip with AndroidManifest.xml)")
