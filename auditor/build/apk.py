"""APK reader: manifest, every ``classes*.dex``, native libraries, version files and nested archives."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from auditor.build.archive import Archive, Limits, open_archive
from auditor.build.dex import DexFile
from auditor.build.manifest import parse_manifest
from auditor.build.native import parse_native_lib
from auditor.errors import BuildError
from auditor.model import ArtifactVersion, Build, DexSummary, NativeLib, NestedArchive

_ROOT_DEX_RE = re.compile(r"^classes(\d*)\.dex$")
_NATIVE_RE = re.compile(r"^lib/([^/]+)/([^/]+\.so)$")
_VERSION_FILE_RE = re.compile(r"^META-INF/([^/]+)\.version$")
_PROPERTIES_RE = re.compile(r"^(?:META-INF/)?([^/]+)\.properties$")
_NESTED_RE = re.compile(r"\.(apk|jar|dex)$", re.IGNORECASE)
_ABI_PREFERENCE = ("arm64-v8a", "armeabi-v7a", "x86_64", "x86", "armeabi", "mips64", "mips")
_MAX_VERSION_FILE = 4096


class ApkReader:
    """Reads a single APK (or any zip with a binary ``AndroidManifest.xml`` at its root)."""

    format = "apk"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(b"PK")

    def read(self, path: Path, limits: Limits) -> Build:
        sha256, size = _hash_file(path)
        with open_archive(path, limits) as archive:
            if not archive.has("AndroidManifest.xml"):
                raise BuildError(f"{path}: no AndroidManifest.xml at the archive root (not an APK)")
            manifest = parse_manifest(archive.read("AndroidManifest.xml"), f"{path.name}!AndroidManifest.xml")
            warnings = list(archive.warnings)
            dex = _read_root_dex(archive)
            nested, nested_dex = _read_nested(archive, limits, warnings)
            return Build(
                path=str(path),
                sha256=sha256,
                size=size,
                format=self.format,
                manifest=manifest,
                dex=tuple(dex + nested_dex),
                native_libs=_read_native(archive),
                artifact_versions=_read_versions(archive),
                files=tuple(archive.names),
                nested=tuple(nested),
                warnings=tuple(warnings),
            )


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
    except OSError as exc:
        raise BuildError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return digest.hexdigest(), size


def _dex_order(name: str) -> int:
    match = _ROOT_DEX_RE.match(name)
    return int(match.group(1) or 1) if match else 0


def summarize_dex(data: bytes, path: str) -> DexSummary:
    """Parse one DEX image into its summary (class list, counts, URL hosts)."""
    dex = DexFile(data, path)
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


def _read_root_dex(archive: Archive) -> list[DexSummary]:
    names = sorted((n for n in archive.names if _ROOT_DEX_RE.match(n)), key=_dex_order)
    return [summarize_dex(archive.read(name), name) for name in names]


def _read_native(archive: Archive) -> tuple[NativeLib, ...]:
    """Parse each distinct library name once (preferred ABI first); other ABIs share its ELF facts."""
    members = [(m.group(1), m.group(2), n) for n in archive.names if (m := _NATIVE_RE.match(n))]
    rank = {abi: i for i, abi in enumerate(_ABI_PREFERENCE)}
    members.sort(key=lambda item: (item[1], rank.get(item[0], len(rank)), item[0]))
    parsed: dict[str, NativeLib] = {}
    out: list[NativeLib] = []
    for abi, name, path in members:
        first = parsed.get(name)
        if first is None:
            lib = parse_native_lib(path, archive.read(path))
            parsed[name] = lib
        else:
            lib = NativeLib(path, abi, name, archive.size(path), first.soname, first.needed,
                            first.jni_symbols, first.error)
        out.append(lib)
    out.sort(key=lambda lib: lib.path)
    return tuple(out)


def _read_versions(archive: Archive) -> tuple[ArtifactVersion, ...]:
    out: list[ArtifactVersion] = []
    for name in archive.names:
        match = _VERSION_FILE_RE.match(name)
        if match and archive.size(name) <= _MAX_VERSION_FILE:
            version = archive.read(name).decode("utf-8", "replace").strip()
            group, _, artifact = match.group(1).partition("_")
            if version and artifact:
                out.append(ArtifactVersion(name, group, artifact, version.splitlines()[0][:64]))
            continue
        match = _PROPERTIES_RE.match(name)
        if match and archive.size(name) <= _MAX_VERSION_FILE:
            props = _properties(archive.read(name))
            client, version = props.get("client", ""), props.get("version", "")
            if client and version:
                out.append(ArtifactVersion(name, _google_group(client), client, version[:64]))
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


def _read_nested(archive: Archive, limits: Limits, warnings: list[str]) -> tuple[list[NestedArchive],
                                                                               list[DexSummary]]:
    """Archives and dex files stored inside the build, read one level deep."""
    nested: list[NestedArchive] = []
    dex: list[DexSummary] = []
    for name in archive.names:
        match = _NESTED_RE.search(name)
        if not match or _ROOT_DEX_RE.match(name):
            continue
        kind = match.group(1).lower()
        size = archive.size(name)
        try:
            data = archive.read(name)
            found = _nested_dex(data, name, kind, limits) if limits.max_nested_depth > 0 else []
        except BuildError as exc:
            nested.append(NestedArchive(name, kind, size, error=str(exc)))
            warnings.append(f"nested {kind} '{name}' skipped: {exc}")
            continue
        dex.extend(found)
        nested.append(NestedArchive(name, kind, size, class_count=sum(d.class_count for d in found)))
    return nested, dex


def _nested_dex(data: bytes, name: str, kind: str, limits: Limits) -> list[DexSummary]:
    if kind == "dex" or data.startswith(b"dex\n"):
        return [summarize_dex(data, name)]
    if not data.startswith(b"PK"):
        return []
    inner = Archive(data, name, limits)
    try:
        out = []
        for member in sorted((n for n in inner.names if _ROOT_DEX_RE.match(n)), key=_dex_order):
            out.append(summarize_dex(inner.read(member), f"{name}!{member}"))
        classes = tuple(sorted(
            m[:-6].replace("/", ".") for m in inner.names if m.endswith(".class") and not m.startswith("META-INF/")
        ))
        if classes:
            out.append(DexSummary(f"{name}!*.class", "jvm", len(classes), 0, 0, classes))
        return out
    finally:
        inner.close()
