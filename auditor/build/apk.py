"""APK reader: manifest, every ``classes*.dex``, native libraries, version files and nested archives."""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor import inputs
from auditor.build.archive import Archive, Limits, open_archive
from auditor.build.dependencies import (
    DEPENDENCY_INFO_BLOCK,
    dependency_block_versions,
    describe_signing_block,
    signing_block_pairs,
)
from auditor.build.dex import DexFile
from auditor.build.manifest import parse_manifest
from auditor.build.native import parse_native_lib
from auditor.errors import BuildError
from auditor.model import (
    ArtifactVersion,
    Build,
    DexSummary,
    NativeLib,
    NestedArchive,
    SigningBlockEntry,
    SplitApk,
)

if TYPE_CHECKING:
    from auditor.build.interface import BuildProbe

_ROOT_DEX_RE = re.compile(r"^classes(\d*)\.dex$")
_NATIVE_RE = re.compile(r"^lib/([^/]+)/([^/]+\.so)$")
_VERSION_FILE_RE = re.compile(r"^META-INF/([^/]+)\.version$")
_PROPERTIES_RE = re.compile(r"^(?:META-INF/)?([^/]+)\.properties$")
_NESTED_RE = re.compile(r"\.(apk|jar|dex)$", re.IGNORECASE)
_ABI_PREFERENCE = ("arm64-v8a", "armeabi-v7a", "x86_64", "x86", "armeabi", "mips64", "mips")
_MAX_VERSION_FILE = 4096
_MAX_SIGNING_BLOCK = 64 * 1024 * 1024


@dataclass(frozen=True)
class ApkParts:
    """What one APK-like unit holds (an APK, a split, an AAB module), paths as the report shows them."""

    dex: tuple[DexSummary, ...]
    native_libs: tuple[NativeLib, ...]
    artifact_versions: tuple[ArtifactVersion, ...]
    nested: tuple[NestedArchive, ...]


@dataclass
class PartsCollector:
    """Gathers the parts of several APK-like units (the splits of a set, the modules of an AAB) into one
    build; each unit is listed as a :class:`SplitApk`."""

    dex: list[DexSummary] = field(default_factory=list)
    native_libs: list[NativeLib] = field(default_factory=list)
    artifact_versions: list[ArtifactVersion] = field(default_factory=list)
    nested: list[NestedArchive] = field(default_factory=list)
    files: dict[str, None] = field(default_factory=dict)
    splits: list[SplitApk] = field(default_factory=list)

    def add(self, parts: ApkParts, files: Iterable[str], path: str, split: str, module: str, size: int) -> None:
        self.dex.extend(parts.dex)
        self.native_libs.extend(parts.native_libs)
        self.artifact_versions.extend(parts.artifact_versions)
        self.nested.extend(parts.nested)
        self.files.update(dict.fromkeys(files))
        self.splits.append(SplitApk(path, split, module, len(parts.dex), len(parts.native_libs), size))

    def build_fields(self) -> dict[str, Any]:
        """The :class:`Build` fields this collector fills, in a stable order."""
        return {
            "dex": tuple(self.dex),
            "native_libs": tuple(sorted(self.native_libs, key=lambda lib: lib.path)),
            "artifact_versions": tuple(sorted(self.artifact_versions, key=lambda v: (v.path, v.group, v.artifact))),
            "files": tuple(self.files),
            "nested": tuple(self.nested),
            "splits": tuple(self.splits),
        }


class ApkReader:
    """Reads a single APK (or any zip with a binary ``AndroidManifest.xml`` at its root)."""

    format = "apk"

    def accepts(self, probe: BuildProbe) -> bool:
        # a DEX in front of a zip is the Janus trick: accept it so the archive layer refuses it by name
        return probe.head.startswith(b"PK") or probe.head.startswith(b"dex\n")

    def read(self, path: Path, limits: Limits) -> Build:
        sha256, size = hash_file(path, limits)
        with open_archive(path, limits) as archive:
            if not archive.has("AndroidManifest.xml"):
                raise BuildError(f"{path}: no AndroidManifest.xml at the archive root (not an APK)")
            warnings = list(archive.warnings)
            manifest = parse_manifest(archive.read("AndroidManifest.xml"), f"{path.name}!AndroidManifest.xml",
                                      warnings)
            try:
                parts = read_parts(archive, limits, warnings)
            except BuildError as exc:
                raise BuildError(f"{path.name}!{exc}") from exc
            block, block_versions = read_signing_block(path, warnings)
            return Build(
                path=str(path),
                sha256=sha256,
                size=size,
                format=self.format,
                manifest=manifest,
                dex=parts.dex,
                native_libs=parts.native_libs,
                artifact_versions=parts.artifact_versions + block_versions,
                files=tuple(archive.names),
                nested=parts.nested,
                warnings=tuple(warnings),
                signing_block=block,
            )


def read_parts(archive: Archive, limits: Limits, warnings: list[str], names: dict[str, str] | None = None,
               label: str = "") -> ApkParts:
    """Dex files, native libraries, version files and nested archives of one APK-like unit.

    ``names`` maps each APK-equivalent name (``classes.dex``, ``lib/x86/a.so``) to its member in
    ``archive`` (an AAB keeps them under ``base/dex/``, ``base/lib/``...); by default every member stands
    for itself. Reported paths are ``label`` + member (``splits/base-x86.apk!lib/x86/a.so``).
    """
    names = names if names is not None else {n: n for n in archive.names}
    count = _DexCount(archive.name, limits.max_dex_files)
    count.take(sum(1 for n in names if _ROOT_DEX_RE.match(n) or _NESTED_RE.search(n)))  # before reading any
    dex = _read_root_dex(archive, names, label)
    nested, nested_dex = _read_nested(archive, names, label, limits, warnings, count)
    return ApkParts(tuple(dex + nested_dex), _read_native(archive, names, label),
                    _read_versions(archive, names, label), tuple(nested))


def read_signing_block(path: Path, warnings: list[str]) -> tuple[tuple[SigningBlockEntry, ...],
                                                                tuple[ArtifactVersion, ...]]:
    """The APK Signing Block's pairs and any dependency list readable in it (see :mod:`dependencies`)."""
    try:
        data, offset = read_tail_block(path)
        pairs = signing_block_pairs(data, offset)
    except BuildError as exc:
        warnings.append(f"APK Signing Block skipped: {exc}")
        return (), ()
    versions: tuple[ArtifactVersion, ...] = ()
    for pair_id, value in pairs:
        if pair_id == DEPENDENCY_INFO_BLOCK:
            found = dependency_block_versions(value, "APK Signing Block 0x504b4453")
            versions += tuple(replace(v, source="signing-block") for v in found)
            if not found:
                warnings.append(f"dependency-metadata block (0x504b4453, {len(value)} bytes) in the APK Signing "
                                "Block is encrypted for Google Play: its library list cannot be read")
    return describe_signing_block(pairs), versions


def read_tail_block(path: Path) -> tuple[bytes, int]:
    """``(bytes, file offset)``: the file from the start of its APK Signing Block (if any) to the end."""
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, 2)
            tail = min(size, (1 << 16) + 22)
            handle.seek(size - tail)
            end = handle.read(tail)
            pos = end.rfind(b"PK\x05\x06")
            if pos < 0 or pos + 22 > len(end):
                return b"", 0
            (cd_offset,) = struct.unpack_from("<I", end, pos + 16)
            if cd_offset < 24 or cd_offset > size:
                return b"", 0
            handle.seek(max(0, cd_offset - 24))
            head = handle.read(24)
            (block_size,) = struct.unpack_from("<Q", head, 0) if len(head) == 24 else (0,)
            start = max(0, cd_offset - min(block_size, _MAX_SIGNING_BLOCK) - 8)
            handle.seek(start)
            return handle.read(size - start), start
    except OSError as exc:
        raise BuildError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def hash_file(path: Path, limits: Limits) -> tuple[str, int]:
    """``(sha256, size)`` of a build file: a regular file within the build size bound (checked first)."""
    return inputs.hash_file(path, "build", limits.max_build_size, BuildError)


def _dex_order(name: str) -> int:
    match = _ROOT_DEX_RE.match(name)
    return int(match.group(1) or 1) if match else 0


def summarize_dex(data: bytes, path: str) -> DexSummary:
    """Parse one DEX image into its summary (class list, counts, URL hosts)."""
    dex = DexFile(data, path)
    # every string decoded at once (numpy), as the call-site analysis reads them: the class names index
    # that table instead of decoding their strings one by one first (where it fails, they are read one by one)
    dex.all_strings()
    return DexSummary(
        path=path,
        version=dex.version,
        class_count=len(dex.class_names),
        method_ref_count=dex.method_ref_count,
        string_count=dex.string_count,
        classes=dex.class_names,
        url_hosts=dex.url_hosts(),
        image=dex,
    )


class _DexCount:
    """DEX files (and archives that may hold some) met in one APK, against :attr:`Limits.max_dex_files`."""

    def __init__(self, name: str, limit: int) -> None:
        self.name, self.limit, self.seen = name, limit, 0

    def take(self, count: int) -> None:
        self.seen += count
        if self.seen > self.limit:
            raise BuildError(f"{self.name}: more than {self.limit} DEX files and nested archives (the bound)")


def _read_root_dex(archive: Archive, names: dict[str, str], label: str) -> list[DexSummary]:
    logical = sorted((n for n in names if _ROOT_DEX_RE.match(n)), key=_dex_order)
    return [summarize_dex(archive.read(names[n]), label + names[n]) for n in logical]


def _read_native(archive: Archive, names: dict[str, str], label: str) -> tuple[NativeLib, ...]:
    """Parse each distinct library name once (preferred ABI first); other ABIs share its ELF facts."""
    members = [(m.group(1), m.group(2), names[n]) for n in names if (m := _NATIVE_RE.match(n))]
    rank = {abi: i for i, abi in enumerate(_ABI_PREFERENCE)}
    members.sort(key=lambda item: (item[1], rank.get(item[0], len(rank)), item[0]))
    parsed: dict[str, NativeLib] = {}
    out: list[NativeLib] = []
    for abi, name, member in members:
        first = parsed.get(name)
        if first is None:
            try:
                lib = parse_native_lib(label + member, archive.read(member))
            except BuildError as exc:  # an encrypted or bomb .so costs its facts, not the whole build
                lib = NativeLib(label + member, abi, name, archive.size(member), error=str(exc))
            parsed[name] = lib
        else:
            lib = NativeLib(label + member, abi, name, archive.size(member), first.soname, first.needed,
                            first.jni_symbols, first.error)
        out.append(lib)
    out.sort(key=lambda lib: lib.path)
    return tuple(out)


def _read_small(archive: Archive, member: str) -> bytes | None:
    """A small metadata member, or ``None`` when it cannot be read (it is evidence, not the build)."""
    if archive.size(member) > _MAX_VERSION_FILE:
        return None
    try:
        return archive.read(member)
    except BuildError:
        return None


def _read_versions(archive: Archive, names: dict[str, str], label: str) -> tuple[ArtifactVersion, ...]:
    out: list[ArtifactVersion] = []
    for logical, member in names.items():
        match = _VERSION_FILE_RE.match(logical)
        raw = _read_small(archive, member) if match or _PROPERTIES_RE.match(logical) else None
        if raw is None:
            continue
        if match:
            version = raw.decode("utf-8", "replace").strip()
            group, _, artifact = match.group(1).partition("_")
            if version and artifact:
                out.append(ArtifactVersion(label + member, group, artifact, version.splitlines()[0][:64]))
            continue
        if _PROPERTIES_RE.match(logical):
            props = _properties(raw)
            client, version = props.get("client", ""), props.get("version", "")
            if client and version:
                out.append(ArtifactVersion(label + member, _google_group(client), client, version[:64],
                                           source="properties"))
    return tuple(sorted(out, key=lambda v: v.path))


def _properties(raw: bytes) -> dict[str, str]:
    props: dict[str, str] = {}
    for line in raw.decode("utf-8", "replace").splitlines():
        key, sep, value = line.partition("=")
        if sep and not key.startswith("#"):
            props[key.strip()] = value.strip()
    return props


def _google_group(client: str) -> str:
    if client.startswith("play-services"):
        return "com.google.android.gms"
    if client.startswith("firebase"):
        return "com.google.firebase"
    return ""


def _read_nested(archive: Archive, names: dict[str, str], label: str, limits: Limits, warnings: list[str],
                 count: _DexCount, depth: int = 1) -> tuple[list[NestedArchive], list[DexSummary]]:
    """Archives and dex files stored inside the build, opened down to ``limits.max_nested_depth`` levels
    (each level through its own bounded :class:`Archive`)."""
    nested: list[NestedArchive] = []
    dex: list[DexSummary] = []
    for logical, member in names.items():
        match = _NESTED_RE.search(logical)
        if not match or _ROOT_DEX_RE.match(logical):
            continue
        kind = match.group(1).lower()
        size = archive.size(member)
        path = label + member
        try:
            found: list[DexSummary] = []
            inner_nested: list[NestedArchive] = []
            if depth <= limits.max_nested_depth:
                found, inner_nested = _nested_dex(archive, member, path, kind, limits, warnings, count, depth)
        except BuildError as exc:
            nested.append(NestedArchive(path, kind, size, error=str(exc)))
            warnings.append(f"nested {kind} '{path}' skipped: {exc}")
            continue
        dex.extend(found)
        nested.append(NestedArchive(path, kind, size, class_count=sum(d.class_count for d in found)))
        nested.extend(inner_nested)
    return nested, dex


def _nested_dex(parent: Archive, member: str, name: str, kind: str, limits: Limits, warnings: list[str],
                count: _DexCount, depth: int) -> tuple[list[DexSummary], list[NestedArchive]]:
    """Read nested member ``member`` of ``parent`` (reported as ``name``); inner archives share the
    parent's inflation budget."""
    data = parent.read(member)
    if kind == "dex" or data.startswith(b"dex\n"):
        return [summarize_dex(data, name)], []
    if not data.startswith(b"PK"):
        return [], []
    inner = parent.open_nested(member, data)
    try:
        out = []
        members = inner.names
        inner_dex = sorted((n for n in members if _ROOT_DEX_RE.match(n)), key=_dex_order)
        count.take(len(inner_dex))
        for dex_name in inner_dex:
            out.append(summarize_dex(inner.read(dex_name), f"{name}!{dex_name}"))
        classes = tuple(sorted(
            m[:-6].replace("/", ".") for m in members if m.endswith(".class") and not m.startswith("META-INF/")
        ))
        if classes:
            out.append(DexSummary(f"{name}!*.class", "jvm", len(classes), 0, 0, classes))
        if depth >= limits.max_nested_depth:
            return out, []
        deeper, deeper_dex = _read_nested(inner, {m: m for m in members}, f"{name}!", limits, warnings, count,
                                          depth + 1)
        return out + deeper_dex, deeper
    finally:
        inner.close()
