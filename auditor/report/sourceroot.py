"""The app's source tree (``--source-root DIR``): where a developer fixes what a finding is about.

Indexed once, before reporting (reporters stay pure):
- every ``AndroidManifest.xml``: the line of each ``<uses-permission>`` (and ``-sdk-23``) by name;
- every ``build.gradle``, ``build.gradle.kts`` and ``*.versions.toml``: the line of each Maven
  ``group:artifact`` coordinate (``implementation 'g:a:1.0'``, ``module = "g:a"``, ``group = "g", name = "a"``);
- every ``.java`` / ``.kt`` file, by file name, for the DEX ``SourceFile`` of a call site.

Bounded: build outputs, VCS and IDE folders are skipped, at most :data:`MAX_FILES` files are looked at and
files over :data:`MAX_FILE_BYTES` are not read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from auditor.errors import ConfigError

MAX_FILES = 200_000
MAX_FILE_BYTES = 4 * 1024 * 1024
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".gradle", ".idea", "build", "out", "node_modules", ".cxx",
                       "intermediates", "generated", "__pycache__", ".venv"})
_USES = re.compile(r"<uses-permission(?:-sdk-23)?\b[^>]*?android:name\s*=\s*[\"']([^\"']+)[\"']", re.DOTALL)
_COORD = re.compile(r"[\"']([A-Za-z0-9_.\-]+):([A-Za-z0-9_.\-]+)(?::[^\"'\s]*)?[\"']")
_GROUP_NAME = re.compile(r"group\s*[=:]\s*[\"']([A-Za-z0-9_.\-]+)[\"']\s*,\s*"
                         r"name\s*[=:]\s*[\"']([A-Za-z0-9_.\-]+)[\"']")


@dataclass(frozen=True)
class SourceLine:
    path: str
    """POSIX path relative to the source root."""
    line: int
    """1-based."""
    text: str = ""
    """The line itself, stripped (for the region's snippet and end column)."""


@dataclass(frozen=True)
class SourceIndex:
    root: str
    """Absolute path of the source root."""
    permissions: Mapping[str, tuple[SourceLine, ...]]
    """Full permission name -> its ``<uses-permission>`` lines (main manifests first)."""
    dependencies: Mapping[tuple[str, str], tuple[SourceLine, ...]]
    """``(group, artifact)`` -> dependency lines."""
    sources: Mapping[str, tuple[str, ...]]
    """Source file name (``MainActivity.kt``) -> relative paths of files with that name."""
    manifests: tuple[str, ...] = ()

    def permission_line(self, name: str) -> SourceLine | None:
        lines = self.permissions.get(name)
        return lines[0] if lines else None

    def dependency_line(self, coordinates: tuple[str, ...]) -> SourceLine | None:
        """First line declaring one of ``coordinates`` (``group:artifact`` or ``group:*``)."""
        for coord in coordinates:
            group, _, artifact = coord.partition(":")
            if artifact in ("*", ""):
                hits = [v for (g, _a), v in sorted(self.dependencies.items()) if g == group]
                if hits:
                    return hits[0][0]
            elif (group, artifact) in self.dependencies:
                return self.dependencies[(group, artifact)][0]
        return None

    def source_file(self, file_name: str, class_name: str) -> str | None:
        """The relative path of ``file_name`` for ``class_name``: the one under the class's package path."""
        candidates = self.sources.get(file_name, ())
        package_dir = "/".join(class_name.split(".")[:-1])
        suffix = f"{package_dir}/{file_name}" if package_dir else file_name
        matching = [c for c in candidates if c == suffix or c.endswith("/" + suffix)]
        if matching:
            return min(matching, key=lambda p: ("/test/" in p or "/androidTest/" in p, len(p), p))
        return candidates[0] if len(candidates) == 1 else None


def _read(path: Path) -> list[str]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return []
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _manifest_lines(lines: list[str], rel: str, out: dict[str, list[SourceLine]]) -> None:
    text = "\n".join(lines)
    for m in _USES.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        out.setdefault(m.group(1), []).append(SourceLine(rel, line, lines[line - 1].strip()))


def _dependency_lines(lines: list[str], rel: str, out: dict[tuple[str, str], list[SourceLine]]) -> None:
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if stripped.startswith(("//", "#")):
            continue
        for m in [*_COORD.finditer(raw), *_GROUP_NAME.finditer(raw)]:
            group, artifact = m.group(1), m.group(2)
            if "." in group:  # a Maven group has a dot; "ext:foo" or "key:value" strings do not
                out.setdefault((group, artifact), []).append(SourceLine(rel, number, stripped))


def index_source_root(root: Path) -> SourceIndex:
    """Index ``root``. Raises :class:`ConfigError` (exit 4) when it is not a readable directory."""
    if not root.is_dir():
        raise ConfigError(f"{root}: --source-root is not a directory")
    base = root.resolve()
    permissions: dict[str, list[SourceLine]] = {}
    dependencies: dict[tuple[str, str], list[SourceLine]] = {}
    sources: dict[str, list[str]] = {}
    manifests: list[str] = []
    seen = 0
    for directory, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            seen += 1
            if seen > MAX_FILES:
                break
            path = Path(directory) / name
            rel = PurePosixPath(path.relative_to(base)).as_posix()
            if name == "AndroidManifest.xml":
                manifests.append(rel)
                _manifest_lines(_read(path), rel, permissions)
            elif name in ("build.gradle", "build.gradle.kts") or name.endswith(".versions.toml"):
                _dependency_lines(_read(path), rel, dependencies)
            elif name.endswith((".java", ".kt")):
                sources.setdefault(name, []).append(rel)

    def main_first(items: list[SourceLine]) -> tuple[SourceLine, ...]:
        return tuple(sorted(items, key=lambda s: ("/main/" not in f"/{s.path}", s.path, s.line)))

    return SourceIndex(
        root=str(base),
        permissions=MappingProxyType({k: main_first(v) for k, v in permissions.items()}),
        dependencies=MappingProxyType({k: main_first(v) for k, v in dependencies.items()}),
        sources=MappingProxyType({k: tuple(v) for k, v in sources.items()}),
        manifests=tuple(manifests),
    )
