"""Dependency metadata: bundletool's ``AppDependencies`` (an AAB's
``BUNDLE-METADATA/com.android.tools.build.libraries/dependencies.pb``) and the APK Signing Block pairs.

``AppDependencies`` layout, from bundletool's ``app_dependencies.proto`` (package ``android.bundle``; the
copy inside ``bundletool-all-1.17.2.jar``, dated 2024-10-15)::

    AppDependencies     { repeated Library library = 1; repeated LibraryDependencies library_dependencies = 2;
                          repeated ModuleDependencies module_dependencies = 3; repeated Repository repositories = 4; }
    Library             { MavenLibrary maven_library = 1; Digests digests = 2; Int32Value repo_index = 3;
                          UnityLibrary unity_library = 4; }
    MavenLibrary        { string group_id = 1; string artifact_id = 2; string packaging = 3;
                          string classifier = 4; string version = 5; }
    UnityLibrary        { string package_name = 1; string version = 2; }
    LibraryDependencies { int32 library_index = 1; repeated int32 library_dep_index = 2; }
    ModuleDependencies  { string module_name = 1; repeated int32 dependency_index = 2; }

APK Signing Block (https://source.android.com/docs/security/features/apksigning/v2#apk-signing-block):
``uint64 size, (uint64 length, uint32 id, value)*, uint64 size, "APK Sig Block 42"`` right before the
central directory. AGP writes the same dependency list under pair id ``0x504B4453`` ("DEPENDENCY_INFO_BLOCK"),
but there it is compressed and encrypted with a Google Play public key (AGP's ``DependenciesInfo`` docs,
F-Droid issue fdroidserver#1056): only its presence and size can be reported, unless a (non-AGP) tool
wrote it in the clear, which :func:`dependency_block_versions` tries.
"""

from __future__ import annotations

import struct
import zlib
from collections import defaultdict

from auditor.build.protowire import Message, ProtoError
from auditor.errors import BuildError
from auditor.model import ArtifactVersion, SigningBlockEntry

DEPENDENCIES_PB = "BUNDLE-METADATA/com.android.tools.build.libraries/dependencies.pb"
DEPENDENCY_INFO_BLOCK = 0x504B4453
SOURCE = "dependencies.pb"
_MAX_VERSION = 64
_SIG_MAGIC = b"APK Sig Block 42"
_EOCD_MAGIC = b"PK\x05\x06"
_MAX_BLOCK = 64 * 1024 * 1024
_MAX_EOCD_SEARCH = 0xFFFF + 22
KNOWN_BLOCKS = {
    0x7109871A: "apk-signature-v2",
    0xF05368C0: "apk-signature-v3",
    0x1B93AD61: "apk-signature-v3.1",
    0x42726577: "padding",
    DEPENDENCY_INFO_BLOCK: "dependency-metadata",
    0x2146444E: "google-play-frosting",
    0x6DFF800D: "source-stamp-v2",
    0x2B09189E: "source-stamp-v1",
}


def parse_app_dependencies(raw: bytes, path: str = DEPENDENCIES_PB) -> tuple[ArtifactVersion, ...]:
    """Every Maven library with a version, each with the bundle modules that depend on it directly."""
    try:
        deps = Message(raw)
        libraries = deps.messages(1)
        direct: dict[int, set[str]] = defaultdict(set)
        for module in deps.messages(3):
            for index in module.integers(2):
                direct[index].add(module.text(1) or "base")
        out: dict[tuple[str, str, str], ArtifactVersion] = {}
        for index, library in enumerate(libraries):
            maven = library.message(1)
            if maven is None:
                continue
            group, artifact, version = maven.text(1), maven.text(2), maven.text(5)[:_MAX_VERSION]
            if not (group and artifact and version):
                continue
            modules = tuple(sorted(direct.get(index, ())))
            out[(group, artifact, version)] = ArtifactVersion(path, group, artifact, version, SOURCE, modules)
    except ProtoError as exc:
        raise BuildError(f"{path}: dependency metadata cannot be parsed ({exc})") from exc
    return tuple(sorted(out.values(), key=lambda a: (a.group, a.artifact, a.version)))


def _eocd_cd_offset(data: bytes) -> int | None:
    start = max(0, len(data) - _MAX_EOCD_SEARCH)
    pos = data.rfind(_EOCD_MAGIC, start)
    if pos < 0 or pos + 22 > len(data):
        return None
    (cd_offset,) = struct.unpack_from("<I", data, pos + 16)
    return int(cd_offset)


def signing_block_pairs(data: bytes, offset: int = 0) -> list[tuple[int, bytes]]:
    """``(id, value)`` of every pair in the APK Signing Block of the APK bytes ``data`` (empty when there
    is none, e.g. a v1-only APK). ``data`` may be the file's tail from file offset ``offset`` on.
    Malformed blocks raise :class:`BuildError`."""
    cd_file_offset = _eocd_cd_offset(data)
    if cd_file_offset is None:
        return []
    cd_offset = cd_file_offset - offset
    if cd_offset < 32 or cd_offset > len(data) or data[cd_offset - 16:cd_offset] != _SIG_MAGIC:
        return []
    (size,) = struct.unpack_from("<Q", data, cd_offset - 24)
    start = cd_offset - size - 8
    if size > _MAX_BLOCK or size < 24 or start < 0:
        raise BuildError(f"APK Signing Block size {size} is out of bounds")
    (size_head,) = struct.unpack_from("<Q", data, start)
    if size_head != size:
        raise BuildError("APK Signing Block sizes disagree")
    pos, end = start + 8, cd_offset - 24
    pairs: list[tuple[int, bytes]] = []
    while pos < end:
        if end - pos < 12:
            raise BuildError("APK Signing Block pair is truncated")
        (length,) = struct.unpack_from("<Q", data, pos)
        if length < 4 or length > end - pos - 8:
            raise BuildError(f"APK Signing Block pair length {length} is out of bounds")
        (pair_id,) = struct.unpack_from("<I", data, pos + 8)
        pairs.append((pair_id, bytes(data[pos + 12:pos + 8 + length])))
        pos += 8 + length
    return pairs


def describe_signing_block(pairs: list[tuple[int, bytes]]) -> tuple[SigningBlockEntry, ...]:
    return tuple(SigningBlockEntry(pid, KNOWN_BLOCKS.get(pid, "unknown"), len(value)) for pid, value in pairs)


def dependency_block_versions(value: bytes, path: str) -> tuple[ArtifactVersion, ...]:
    """Versions from a dependency-metadata pair written in the clear (raw or zlib/deflate-compressed
    ``AppDependencies``); ``()`` for AGP's encrypted blob."""
    candidates = [value]
    for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):
        try:
            candidates.append(zlib.decompressobj(wbits).decompress(value, _MAX_BLOCK))
        except zlib.error:
            continue
    for raw in candidates:
        try:
            found = parse_app_dependencies(raw, path)
        except BuildError:
            continue
        if found and all(_plausible(a) for a in found):
            return found
    return ()


def _plausible(art: ArtifactVersion) -> bool:
    text = art.group + art.artifact + art.version
    return text.isprintable() and "\ufffd" not in text and " " not in text


__all__ = ["DEPENDENCIES_PB", "DEPENDENCY_INFO_BLOCK", "dependency_block_versions", "describe_signing_block",
           "parse_app_dependencies", "signing_block_pairs"]
