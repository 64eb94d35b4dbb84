"""Which builds a batch scans: a directory walked recursively, or a text file listing paths and URLs.

Which files of a directory count as builds is an axis of its own (split APKs, AABs and XAPKs come later):
one :class:`BuildFilter` per format, registered explicitly in :func:`build_filters`.

A list file has one build per line: a path (relative to the list file) or a URL (``s3://``, ``https://``,
``file://``... read through fsspec by the workers). Blank lines and ``#`` comments are ignored.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from auditor.batch.model import BatchError, BuildRef
from auditor.inputs import read_text

MAX_LIST_FILE = 64 * 1024 * 1024


class BuildFilter(Protocol):
    """Picks the files of one build format while a directory is walked."""

    @property
    def format(self) -> str:
        """Short name of the format (``apk``)."""

    def accepts(self, path: Path) -> bool:
        """True when ``path`` looks like a build of this format (by name; readers check the content)."""


@dataclass(frozen=True)
class SuffixFilter:
    """A build format recognised by its file suffixes (case-insensitive)."""

    format: str
    suffixes: tuple[str, ...]

    def accepts(self, path: Path) -> bool:
        return path.name.lower().endswith(self.suffixes)


def build_filters() -> tuple[BuildFilter, ...]:
    """Every registered filter. Add a format here when :mod:`auditor.build.interface` gains a reader."""
    return (SuffixFilter("apk", (".apk",)),)


def discover(source: Path, filters: Sequence[BuildFilter] | None = None) -> tuple[BuildRef, ...]:
    """The builds named by ``source`` (a directory or a list file), sorted, duplicates removed."""
    filters = tuple(filters) if filters is not None else build_filters()
    if source.is_dir():
        refs = _walk(source, filters)
    elif source.is_file() and any(f.accepts(source) for f in filters):
        refs = [BuildRef(source=str(source), location=str(source.resolve()))]
    elif source.exists():  # a list file (anything but a regular text file is refused by the reader)
        refs = _read_list(source)
    else:
        raise BatchError(f"{source}: no such directory or list file")
    unique = {ref.location: ref for ref in refs}
    found = tuple(sorted(unique.values(), key=lambda r: r.source))
    if not found:
        raise BatchError(f"{source}: no builds found")
    return found


def _walk(root: Path, filters: Sequence[BuildFilter]) -> Iterable[BuildRef]:
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(directory) / name
            if not name.startswith(".") and path.is_file() and any(f.accepts(path) for f in filters):
                yield BuildRef(source=str(path), location=str(path.resolve()))


def _read_list(list_file: Path) -> Iterable[BuildRef]:
    text = read_text(list_file, "list of builds", MAX_LIST_FILE, BatchError)  # regular, bounded, UTF-8 text
    base = list_file.parent
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "://" in line:
            yield BuildRef(source=line, location=line)
            continue
        path = Path(line).expanduser()
        shown = path if path.is_absolute() else base / path
        yield BuildRef(source=str(shown), location=str(shown.resolve()))
