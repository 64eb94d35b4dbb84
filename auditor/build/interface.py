"""The build-reader axis: one reader per build format, registered explicitly.

A reader turns a file (or a directory of split APKs) into a :class:`auditor.model.Build`. :func:`read_build`
picks the first reader that accepts it: a directory of splits, an AAB, a split APK set, then a single APK.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from auditor.build.archive import Limits, member_names
from auditor.errors import BuildError
from auditor.inputs import open_regular
from auditor.model import Build
from auditor.sanitize import display_path


@dataclass
class BuildProbe:
    """What a reader decides on: the path, its first bytes (empty for a directory), and the names of its zip
    members (read from the central directory once, when a reader first asks; empty when not a zip)."""

    path: Path
    head: bytes
    limits: Limits
    _names: list[str] | None = field(default=None, repr=False)

    @property
    def names(self) -> list[str]:
        if self._names is None:
            self._names = member_names(self.path, self.limits) if self.head.startswith(b"PK") else []
        return self._names


class BuildReader(Protocol):
    """Reads one build format."""

    format: str
    """Short name of the format (``apk``)."""

    def accepts(self, probe: BuildProbe) -> bool:
        """True when this reader handles the build ``probe`` describes."""

    def read(self, path: Path, limits: Limits) -> Build:
        """Read the build, or raise :class:`BuildError`."""


def readers() -> tuple[BuildReader, ...]:
    """Every registered reader, most specific first."""
    from auditor.build.aab import AabReader
    from auditor.build.apk import ApkReader
    from auditor.build.splits import ApkSetReader, SplitDirReader

    return (SplitDirReader(), AabReader(), ApkSetReader(), ApkReader())


def read_build(path: Path, limits: Limits | None = None) -> Build:
    """Read ``path`` with the first reader that accepts it."""
    limits = limits or Limits()
    head = b""
    if not path.is_dir():  # a FIFO, device or socket is refused here, without blocking; so is an oversized file
        with open_regular(path, "build", limits.max_build_size, BuildError) as handle:
            try:
                head = handle.read(64)
            except OSError as exc:
                raise BuildError(f"{display_path(path)}: cannot read ({exc.strerror or exc})") from None
    probe = BuildProbe(path, head, limits)
    for reader in readers():
        if reader.accepts(probe):
            return reader.read(path, limits)
    raise BuildError(f"{path}: unsupported build format (expected an APK, a split APK set (.apks, .xapk, "
                     ".apkm or a directory of APKs) or an Android App Bundle (.aab))")
