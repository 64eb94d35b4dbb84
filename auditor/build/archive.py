"""The zip layer every build reader goes through: bounded, in memory, never extracts to disk.

A build is hostile input. Before a member is read we check the entry count, the declared size, the
compression ratio and the running total read; names that would escape a directory, absolute names and
duplicate names are recorded as warnings (duplicate names are how Janus-style tricks hide a second
manifest or dex: the first entry wins, as in Android's installer since the fix).
"""

from __future__ import annotations

import fnmatch
import io
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from auditor.errors import BuildError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Resource bounds for reading one build. Passed in; never global."""

    max_build_size: int = 4096 * MiB
    """Largest build file accepted (on disk)."""
    max_entries: int = 200_000
    """Most zip entries accepted."""
    max_member_size: int = 512 * MiB
    """Largest single member we inflate."""
    max_total_read: int = 2048 * MiB
    """Most bytes inflated over the whole build."""
    max_ratio: int = 300
    """Largest compression ratio accepted for members above 1 MiB (zip-bomb guard)."""
    max_nested_depth: int = 1
    """How deep archives inside the build are opened."""


class Archive:
    """A read-only view of a zip file with bounded reads."""

    def __init__(self, source: Path | bytes, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.warnings: list[str] = []
        self._total_read = 0
        try:
            self._zip = zipfile.ZipFile(source if isinstance(source, Path) else io.BytesIO(source))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            raise BuildError(f"{name}: not a readable zip archive ({_short(exc)})") from exc
        infos = self._zip.infolist()
        if len(infos) > limits.max_entries:
            raise BuildError(f"{name}: {len(infos)} zip entries exceed the bound of {limits.max_entries}")
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if info.filename in self._infos:
                self.warnings.append(f"duplicate zip entry name '{info.filename}' (first one used)")
                continue
            self._infos[info.filename] = info
            path = PurePosixPath(info.filename)
            if info.filename.startswith("/") or ".." in path.parts:
                self.warnings.append(f"zip entry name escapes the archive root: '{info.filename}'")
            if stat.S_ISLNK(info.external_attr >> 16):
                self.warnings.append(f"symlink zip entry '{info.filename}' (not followed)")

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def names(self) -> list[str]:
        """Member names in archive order (duplicates folded)."""
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def size(self, name: str) -> int:
        return self._infos[name].file_size

    def glob(self, pattern: str) -> list[str]:
        return [n for n in self._infos if fnmatch.fnmatchcase(n, pattern)]

    def read(self, name: str) -> bytes:
        """Inflate member ``name`` within the bounds, or raise :class:`BuildError`."""
        info = self._infos.get(name)
        if info is None:
            raise BuildError(f"{self.name}: no member '{name}'")
        lim = self.limits
        if info.flag_bits & 0x1:
            raise BuildError(f"{self.name}: member '{name}' is encrypted")
        if info.file_size > lim.max_member_size:
            raise BuildError(f"{self.name}: member '{name}' inflates to {info.file_size} bytes, over the "
                             f"bound of {lim.max_member_size}")
        if info.file_size > MiB and info.file_size > lim.max_ratio * max(info.compress_size, 1):
            raise BuildError(f"{self.name}: member '{name}' has a compression ratio over {lim.max_ratio} "
                             f"(zip bomb?)")
        if self._total_read + info.file_size > lim.max_total_read:
            raise BuildError(f"{self.name}: reading '{name}' would inflate more than {lim.max_total_read} "
                             f"bytes in total")
        try:
            with self._zip.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise BuildError(f"{self.name}: member '{name}' cannot be inflated ({_short(exc)})") from exc
        if len(data) > info.file_size:
            raise BuildError(f"{self.name}: member '{name}' inflates past its declared size")
        self._total_read += len(data)
        return data


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


def open_archive(path: Path, limits: Limits) -> Archive:
    """Open build file ``path`` after checking it is a regular file within the size bound."""
    try:
        st = path.stat()
    except OSError as exc:
        raise BuildError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(st.st_mode):
        raise BuildError(f"{path}: not a regular file")
    if st.st_size > limits.max_build_size:
        raise BuildError(f"{path}: {st.st_size} bytes exceed the build size bound of {limits.max_build_size}")
    return Archive(path, str(path), limits)
