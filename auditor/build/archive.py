"""The zip layer every build reader goes through: bounded, in memory, never extracts to disk.

A build is hostile input. Before :mod:`zipfile` sees the central directory we locate it ourselves and
count its records (a central directory of millions of entries would otherwise become millions of
``ZipInfo`` objects); then:

- structure: data before the first local header is reported (a DEX there is the Janus trick,
  CVE-2017-13156, and is refused), entries whose data overlap each other or the central directory are
  refused (non-recursive zip bombs, Janus-style aliasing);
- names: a duplicate of ``AndroidManifest.xml``, ``classes*.dex`` or ``resources.arsc`` is refused (the
  platform refuses any duplicate name, and a second copy is how tools are shown other code than the
  device runs); other duplicates, names escaping the root, absolute names, names that differ only by
  case and symlink entries are warnings (nothing is ever extracted, so they cannot do harm here);
- reads: encrypted members are refused; a member is inflated in chunks against a running cap (its
  declared size, the per-member bound, the ratio bound and the build-wide budget), so a member that lies
  about its size or inflates to 10 GB stops within a fixed memory and time budget;
- nesting: archives inside the build are opened through :meth:`Archive.open_nested`, one level by
  default, sharing the parent's inflation budget (42.zip-style nesting cannot multiply it).
"""

from __future__ import annotations

import fnmatch
import io
import lzma
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from auditor.errors import BuildError

MiB = 1024 * 1024
_CHUNK = 4 * MiB
_EOCD = struct.Struct("<4s4H2LH")
_EOCD64_LOCATOR = struct.Struct("<4sLQL")
_EOCD64 = struct.Struct("<4sQ2H2L4Q")
_CDIR = struct.Struct("<4s4B4HL2L5H2L")
_LOCAL_HEADER_SIZE = 30
_DEX_LIKE = re.compile(rb"\.(?:dex|jar|apk)\Z", re.IGNORECASE)
_MAX_EXAMPLES = 5
STRICT_NAMES = ("AndroidManifest.xml", "classes*.dex", "resources.arsc")
"""Members whose duplicates are refused, not merely reported."""


@dataclass(frozen=True)
class Limits:
    """Resource bounds for reading one build. Passed in; never global."""

    max_build_size: int = 4096 * MiB
    """Largest build file accepted (on disk)."""
    max_entries: int = 200_000
    """Most zip entries accepted."""
    max_central_directory: int = 64 * MiB
    """Largest central directory accepted (its records are counted before zipfile parses them)."""
    max_member_size: int = 512 * MiB
    """Largest single member we inflate."""
    max_total_read: int = 2048 * MiB
    """Most bytes inflated over the whole build, nested archives included."""
    max_ratio: int = 300
    """Largest compression ratio accepted for members above 1 MiB (zip-bomb guard)."""
    max_nested_depth: int = 1
    """How deep archives inside the build are opened."""
    max_dex_files: int = 1_000
    """Most DEX files read from one APK (nested archives' included). ART warns past 100; real apps have a
    few dozen at most."""


class _Budget:
    """Bytes inflated so far; shared by an archive and the archives opened inside it (not global)."""

    __slots__ = ("used",)

    def __init__(self) -> None:
        self.used = 0


class _Notes:
    """Warnings grouped by kind, a few examples each, so a hostile archive cannot flood the report."""

    def __init__(self) -> None:
        self._kinds: dict[str, list[str]] = {}
        self._counts: dict[str, int] = {}

    def add(self, kind: str, example: str) -> None:
        self._counts[kind] = self._counts.get(kind, 0) + 1
        examples = self._kinds.setdefault(kind, [])
        if len(examples) < _MAX_EXAMPLES:
            examples.append(example)

    def render(self) -> list[str]:
        out: list[str] = []
        for kind, examples in self._kinds.items():
            out.extend(examples)
            more = self._counts[kind] - len(examples)
            if more > 0:
                out.append(f"{kind}: {more} more")
        return out


@dataclass(frozen=True)
class _Directory:
    """Where the central directory is, as the end records say (``offset`` already corrected for a prefix)."""

    offset: int
    size: int
    entries: int
    zip64: bool


class Archive:
    """A read-only view of a zip file with bounded reads."""

    def __init__(self, source: Path | bytes, name: str, limits: Limits, *, depth: int = 0,
                 budget: _Budget | None = None) -> None:
        self.name = name
        self.limits = limits
        self.depth = depth
        self._budget = budget if budget is not None else _Budget()
        self.warnings: list[str] = []
        handle: BinaryIO
        try:
            handle = open(source, "rb") if isinstance(source, Path) else io.BytesIO(source)  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise BuildError(f"{name}: cannot read ({exc.strerror or exc})") from exc
        try:
            directory = _locate_directory(handle, name, limits)
            _count_records(handle, directory, name, limits)
            handle.seek(0)
            self._zip = zipfile.ZipFile(handle)
            self._handle = handle
        except BuildError:
            handle.close()
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, struct.error,
                UnicodeDecodeError, NotImplementedError) as exc:
            handle.close()
            raise BuildError(f"{name}: not a readable zip archive ({_short(exc)})") from exc
        try:
            self._infos = self._index(self._zip.infolist(), directory)
        except BuildError:
            self.close()
            raise

    # -- structure ------------------------------------------------------------------------------------
    def _index(self, infos: list[zipfile.ZipInfo], directory: _Directory) -> dict[str, zipfile.ZipInfo]:
        name, limits = self.name, self.limits
        if len(infos) > limits.max_entries:  # pragma: no cover - _count_records refuses first
            raise BuildError(f"{name}: {len(infos)} zip entries exceed the bound of {limits.max_entries}")
        notes = _Notes()
        index: dict[str, zipfile.ZipInfo] = {}
        folded: dict[str, str] = {}
        for info in infos:
            member = info.filename
            if member in index:
                if any(fnmatch.fnmatchcase(member, p) for p in STRICT_NAMES):
                    raise BuildError(f"{name}: duplicate zip entry '{member}' (Janus-style: a second copy can hide "
                                     f"what the platform reads; Android refuses duplicate names)")
                notes.add("duplicate names", f"duplicate zip entry name '{member}' (first one used)")
                continue
            index[member] = info
            if "\x00" in info.orig_filename:
                notes.add("NUL in names", f"zip entry name contains a NUL byte: '{_printable(info.orig_filename)}'")
            if member.startswith(("/", "\\")) or (len(member) > 1 and member[1] == ":"):
                notes.add("absolute names", f"absolute zip entry name '{_printable(member)}'")
            elif ".." in member and ".." in member.replace("\\", "/").split("/"):
                notes.add("escaping names", f"zip entry name escapes the archive root: '{_printable(member)}'")
            if stat.S_ISLNK(info.external_attr >> 16):
                notes.add("symlinks", f"symlink zip entry '{_printable(member)}' (not followed)")
            if info.flag_bits & 0x1:
                notes.add("encrypted", f"encrypted zip entry '{_printable(member)}' (cannot be read)")
            other = folded.setdefault(member.lower(), member)
            if other != member and _is_special(member, other):
                notes.add("case", f"zip entry names differ only by case: '{_printable(other)}', "
                                  f"'{_printable(member)}'")
        self._check_layout(infos, directory, notes)
        self.warnings.extend(notes.render())
        return index

    def _check_layout(self, infos: list[zipfile.ZipInfo], directory: _Directory, notes: _Notes) -> None:
        """Data before the first entry, entries overlapping each other or the central directory."""
        if not infos:
            return
        ordered = sorted(infos, key=lambda i: i.header_offset)
        first = ordered[0].header_offset
        if first > 0:
            head = self._peek(0, min(first, 8))
            if head.startswith(b"dex\n"):
                raise BuildError(f"{self.name}: a DEX file ({first} bytes) precedes the first zip entry "
                                 f"(Janus, CVE-2017-13156: old Android versions run it instead of the app)")
            if not head.startswith(b"PK\x03\x04"):  # an orphan local entry (AGP's zipflinger leaves those)
                notes.add("prefix", f"{first} bytes of data before the first zip entry (ignored)")
        for current, following in zip(ordered, ordered[1:] + [None]):
            end = current.header_offset + _LOCAL_HEADER_SIZE + current.compress_size
            limit = following.header_offset if following is not None else directory.offset
            if end > limit:
                other = f"entry '{_printable(following.filename)}'" if following is not None \
                    else "the central directory"
                raise BuildError(f"{self.name}: zip entry '{_printable(current.filename)}' overlaps {other} "
                                 f"(overlapping entries: zip bomb or aliasing trick)")

    def _peek(self, offset: int, size: int) -> bytes:
        self._handle.seek(offset)
        return self._handle.read(size)

    def close(self) -> None:
        self._zip.close()
        self._handle.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- members --------------------------------------------------------------------------------------
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

    @property
    def budget(self) -> _Budget:
        """The inflation budget; pass it as ``budget=`` to an archive opened from this one's bytes."""
        return self._budget

    @property
    def total_read(self) -> int:
        """Bytes inflated so far by this archive and the archives opened inside it."""
        return self._budget.used

    def read(self, name: str) -> bytes:
        """Inflate member ``name`` within the bounds, or raise :class:`BuildError`.

        The declared sizes are only a first filter: the member is inflated in chunks and the running
        total is held against the declared size, the member bound, the ratio bound and the build budget.
        """
        info = self._infos.get(name)
        if info is None:
            raise BuildError(f"{self.name}: no member '{_printable(name)}'")
        lim = self.limits
        label = f"{self.name}: member '{_printable(name)}'"
        if info.flag_bits & 0x1:
            raise BuildError(f"{label} is encrypted")
        if info.file_size > lim.max_member_size:
            raise BuildError(f"{label} inflates to {info.file_size} bytes, over the bound of {lim.max_member_size}")
        if info.file_size > MiB and info.file_size > lim.max_ratio * max(info.compress_size, 1):
            raise BuildError(f"{label} has a compression ratio over {lim.max_ratio} (zip bomb?)")
        remaining = lim.max_total_read - self._budget.used
        if info.file_size > remaining:
            raise BuildError(f"{self.name}: reading '{_printable(name)}' would inflate more than "
                             f"{lim.max_total_read} bytes in total")
        ratio_cap = max(MiB, lim.max_ratio * max(info.compress_size, 1))
        cap = min(info.file_size, lim.max_member_size, remaining, ratio_cap)
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as stream:
                while True:
                    block = stream.read(min(_CHUNK, cap + 1 - got))
                    if not block:
                        break
                    got += len(block)
                    if got > cap:
                        raise BuildError(f"{label} inflates past its declared size or a bound "
                                         f"({cap} bytes)")
                    chunks.append(block)
        except BuildError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError,
                struct.error, zlib.error, lzma.LZMAError, MemoryError) as exc:
            raise BuildError(f"{label} cannot be inflated ({_short(exc)})") from exc
        finally:
            self._budget.used += got
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def open_nested(self, name: str, data: bytes | None = None) -> Archive:
        """Open member ``name`` (an archive inside this one) one level down, sharing this archive's budget.

        ``data``: the member's bytes when the caller already read them. Raises :class:`BuildError` when
        the nesting bound is reached or the member is not a readable zip.
        """
        if self.depth + 1 > self.limits.max_nested_depth:
            raise BuildError(f"{self.name}: '{_printable(name)}' is nested deeper than the bound of "
                             f"{self.limits.max_nested_depth}")
        raw = self.read(name) if data is None else data
        return Archive(raw, f"{self.name}!{name}" if self.depth else name, self.limits, depth=self.depth + 1,
                       budget=self._budget)


def _locate_directory(handle: BinaryIO, name: str, limits: Limits) -> _Directory:
    """Find the end of central directory record(s) and check the declared sizes against the bounds."""
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    if size < _EOCD.size:
        raise BuildError(f"{name}: not a zip archive ({size} bytes)")
    tail_size = min(size, _EOCD.size + 0xFFFF)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    pos = tail.rfind(b"PK\x05\x06")
    while pos >= 0 and pos + _EOCD.size > len(tail):
        pos = tail.rfind(b"PK\x05\x06", 0, pos)
    if pos < 0:
        raise BuildError(f"{name}: not a zip archive (no end of central directory record)")
    eocd_at = size - tail_size + pos
    _sig, _disk, _cd_disk, _disk_entries, entries, cd_size, cd_offset, _comment = _EOCD.unpack_from(tail, pos)
    zip64 = False
    end_of_directory = eocd_at
    if eocd_at >= _EOCD64_LOCATOR.size and (entries == 0xFFFF or cd_size == 0xFFFFFFFF
                                            or cd_offset == 0xFFFFFFFF):
        handle.seek(eocd_at - _EOCD64_LOCATOR.size)
        locator = handle.read(_EOCD64_LOCATOR.size)
        if locator[:4] == b"PK\x06\x07":
            zip64 = True
            end_of_directory = eocd_at - _EOCD64_LOCATOR.size - _EOCD64.size
            if end_of_directory < 0:
                raise BuildError(f"{name}: truncated ZIP64 end of central directory")
            handle.seek(end_of_directory)
            record = handle.read(_EOCD64.size)
            if len(record) < _EOCD64.size or record[:4] != b"PK\x06\x06":
                raise BuildError(f"{name}: bad ZIP64 end of central directory record")
            fields = _EOCD64.unpack(record)
            entries, cd_size, cd_offset = fields[7], fields[8], fields[9]
    if entries > limits.max_entries:
        raise BuildError(f"{name}: {entries} zip entries exceed the bound of {limits.max_entries}")
    if cd_size > limits.max_central_directory:
        raise BuildError(f"{name}: central directory of {cd_size} bytes exceeds the bound of "
                         f"{limits.max_central_directory}")
    start = end_of_directory - cd_size
    if start < 0:
        raise BuildError(f"{name}: central directory ({cd_size} bytes) is larger than the file")
    # like zipfile: data prepended to the archive shifts every offset by the same amount
    return _Directory(start, cd_size, entries, zip64)


def _count_records(handle: BinaryIO, directory: _Directory, name: str, limits: Limits,
                   names: list[str] | None = None) -> None:
    """Walk the central directory counting records (no objects built); refuse past ``max_entries``.
    With ``names``, also collect each record's name (decoded as zipfile does)."""
    handle.seek(directory.offset)
    raw = handle.read(directory.size)
    pos = 0
    count = dex_like = 0
    end = len(raw)
    while pos + _CDIR.size <= end:
        if raw[pos:pos + 4] != b"PK\x01\x02":
            break
        count += 1
        if count > limits.max_entries:
            raise BuildError(f"{name}: more than {limits.max_entries} zip entries (the bound)")
        name_len, extra_len, comment_len = struct.unpack_from("<3H", raw, pos + 28)
        if _DEX_LIKE.search(raw, pos + _CDIR.size, pos + _CDIR.size + name_len):
            dex_like += 1
            if dex_like > limits.max_dex_files:
                raise BuildError(f"{name}: more than {limits.max_dex_files} DEX files and archives that may "
                                 f"hold some (the bound)")
        if names is not None:
            (flags,) = struct.unpack_from("<H", raw, pos + 8)
            member = raw[pos + _CDIR.size:pos + _CDIR.size + name_len]
            names.append(member.decode("utf-8" if flags & 0x800 else "cp437", "replace"))
        pos += _CDIR.size + name_len + extra_len + comment_len


def member_names(path: Path, limits: Limits) -> list[str]:
    """Names of the members of zip file ``path`` from its central directory, within the bounds (empty when it
    is not a readable zip). For deciding what kind of build a file is, before it is opened as one."""
    names: list[str] = []
    try:
        with open(path, "rb") as handle:
            _count_records(handle, _locate_directory(handle, str(path), limits), str(path), limits, names)
    except (BuildError, OSError, struct.error):
        return []
    return names


def _is_special(*names: str) -> bool:
    """Names the platform reads by exact name (a case variant of one of them is a trick, not an accident)."""
    return any(fnmatch.fnmatchcase(n.lower(), p.lower()) for n in names for p in STRICT_NAMES + ("lib/*.so",))


def _printable(text: str) -> str:
    """A member name safe for a one-line message: control characters escaped, length capped."""
    clean = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text[:200])
    return clean + ("..." if len(text) > 200 else "")


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
