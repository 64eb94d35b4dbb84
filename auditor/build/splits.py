"""Split APK sets: bundletool ``.apks`` (with ``toc.pb``), ``.xapk``, ``.apkm``, any zip of APKs, and a
directory of split APKs.

The build is the base APK's manifest plus the union of every split's dex files, native libraries, version
files and nested archives, each path prefixed with the split it came from
(``splits/base-arm64_v8a.apk!lib/arm64-v8a/libx.so``). The base APK is the one whose manifest has no
``split`` attribute. Each split is opened as its own bounded :class:`Archive`, with the bytes left of the
set's ``max_total_read`` as its budget.

``toc.pb`` is bundletool's ``BuildApksResult`` (``commands.proto`` in ``bundletool-all-1.17.2.jar``)::

    BuildApksResult { repeated Variant variant = 1; ... string package_name = 4; }
    Variant         { VariantTargeting targeting = 1; repeated ApkSet apk_set = 2; uint32 variant_number = 3; }
    ApkSet          { ModuleMetadata module_metadata = 1 { string name = 1; }; repeated ApkDescription apk_description = 2; }
    ApkDescription  { ApkTargeting targeting = 1; string path = 2; SplitApkMetadata split_apk_metadata = 3;
                      StandaloneApkMetadata standalone_apk_metadata = 4; SplitApkMetadata instant_apk_metadata = 5;
                      SystemApkMetadata system_apk_metadata = 6; SplitApkMetadata asset_slice_metadata = 7; ... }

One variant is read (they hold the same code for different device ranges): the highest-numbered variant
with split APKs, else the highest-numbered one (universal / standalone APKs).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from auditor import inputs
from auditor.build.apk import ApkParts, PartsCollector, hash_file, read_parts
from auditor.build.archive import Archive, Limits, open_archive
from auditor.build.dependencies import describe_signing_block, signing_block_pairs
from auditor.build.manifest import axml_root, manifest_from_xml
from auditor.build.protowire import Message, ProtoError
from auditor.errors import BuildError
from auditor.model import Build

if TYPE_CHECKING:
    from auditor.build.interface import BuildProbe

SET_SUFFIXES = {".apks": "apks", ".xapk": "xapk", ".apkm": "apkm"}
_MAX_SPLITS = 512


@dataclass(frozen=True)
class Unit:
    """One APK of the set: its label (member path or file name), module, bytes."""

    label: str
    data: bytes
    module: str = "base"


def _toc_paths(raw: bytes) -> list[tuple[str, str]]:
    """``(apk path, module)`` of the variant to read, from ``toc.pb``."""
    try:
        toc = Message(raw)
        variants = []
        for variant in toc.messages(1):
            apks: list[tuple[str, str, bool]] = []
            for apk_set in variant.messages(2):
                meta = apk_set.message(1)
                module = meta.text(1) if meta is not None else ""
                for desc in apk_set.messages(2):
                    if desc.text(2) and not desc.has(5) and not desc.has(7):
                        apks.append((desc.text(2), module or "base", desc.has(3)))
            if apks:
                variants.append((any(split for _p, _m, split in apks), variant.integer(3), apks))
    except ProtoError as exc:
        raise BuildError(f"toc.pb cannot be parsed ({exc})") from exc
    if not variants:
        return []
    _split, _number, apks = max(variants, key=lambda v: (v[0], v[1]))
    return [(path, module) for path, module, _s in apks]


def _units_from_zip(archive: Archive) -> list[Unit]:
    names = archive.names
    chosen: list[tuple[str, str]] = []
    if archive.has("toc.pb"):
        chosen = [(p, m) for p, m in _toc_paths(archive.read("toc.pb")) if archive.has(p)]
    if not chosen:
        chosen = [(n, "base") for n in names if n.lower().endswith(".apk") and n.count("/") <= 1]
    if len(chosen) > _MAX_SPLITS:
        raise BuildError(f"{archive.name}: {len(chosen)} APKs in the set exceed the bound of {_MAX_SPLITS}")
    return [Unit(path, archive.read(path), module) for path, module in chosen]


def _split_attr(root: Any) -> str:
    return str(root.get("split") or "").strip()


def assemble(path: Path, fmt: str, units: list[Unit], limits: Limits, warnings: list[str],
             sha256: str, size: int) -> Build:
    """One :class:`Build` out of the APKs of a set."""
    if not units:
        raise BuildError(f"{path}: no APK in the set")
    budget = limits.max_total_read
    base: tuple[Any, Unit] | None = None
    collected = PartsCollector()
    for unit in units:
        budget -= len(unit.data)
        if budget <= 0:
            raise BuildError(f"{path}: the set inflates to more than {limits.max_total_read} bytes")
        inner = Archive(unit.data, unit.label, replace(limits, max_total_read=budget))
        try:
            warnings.extend(f"{unit.label}: {w}" for w in inner.warnings)
            if not inner.has("AndroidManifest.xml"):
                warnings.append(f"{unit.label}: no AndroidManifest.xml (not an APK, skipped)")
                continue
            root = axml_root(inner.read("AndroidManifest.xml"), f"{unit.label}!AndroidManifest.xml")
            split = _split_attr(root)
            if not split and base is None:
                base = (root, unit)
            elif not split:
                warnings.append(f"{unit.label}: a second base APK (no split attribute); its manifest is ignored")
            parts = read_parts(inner, limits, warnings, label=f"{unit.label}!")
            budget -= _inflated(parts)
            collected.add(parts, inner.names, unit.label, split, unit.module, len(unit.data))
        finally:
            inner.close()
    if base is None:
        raise BuildError(f"{path}: no base APK in the set (every APK's manifest names a split)")
    root, base_unit = base
    manifest = manifest_from_xml(root, f"{base_unit.label}!AndroidManifest.xml")
    try:
        block = describe_signing_block(signing_block_pairs(base_unit.data))
    except BuildError as exc:
        warnings.append(f"{base_unit.label}: APK Signing Block skipped: {exc}")
        block = ()
    return Build(path=str(path), sha256=sha256, size=size, format=fmt, manifest=manifest,
                 warnings=tuple(warnings), signing_block=block, **collected.build_fields())


def _inflated(parts: ApkParts) -> int:
    """Bytes a split's reading inflated (dex images and native libraries: the bulk of what is read)."""
    return sum(len(d.image.data) for d in parts.dex if d.image is not None) + \
        sum(lib.size for lib in parts.native_libs)


class ApkSetReader:
    """``.apks`` / ``.xapk`` / ``.apkm``, or any zip holding APKs and no manifest of its own."""

    format = "apk-set"

    def accepts(self, probe: BuildProbe) -> bool:
        if not probe.head.startswith(b"PK"):
            return False
        if probe.path.suffix.lower() in SET_SUFFIXES:
            return True
        names = probe.names
        return "AndroidManifest.xml" not in names and (
            "toc.pb" in names or any(n.lower().endswith(".apk") and "/" not in n for n in names))

    def read(self, path: Path, limits: Limits) -> Build:
        sha256, size = hash_file(path, limits)
        with open_archive(path, limits) as archive:
            warnings = list(archive.warnings)
            units = _units_from_zip(archive)
        fmt = SET_SUFFIXES.get(path.suffix.lower(), self.format)
        return assemble(path, fmt, units, limits, warnings, sha256, size)


class SplitDirReader:
    """A directory of split APKs (``base.apk``, ``split_config.arm64_v8a.apk``...)."""

    format = "split-dir"

    def accepts(self, probe: BuildProbe) -> bool:
        return probe.path.is_dir()

    def read(self, path: Path, limits: Limits) -> Build:
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".apk" and p.is_file())
        if len(files) > _MAX_SPLITS:
            raise BuildError(f"{path}: {len(files)} APKs exceed the bound of {_MAX_SPLITS}")
        units: list[Unit] = []
        digest = hashlib.sha256()
        total = 0
        for file in files:
            file_sha, file_size = hash_file(file, limits)
            total += file_size
            if file_size > limits.max_build_size or total > limits.max_build_size:
                raise BuildError(f"{path}: the split APKs exceed the build size bound of {limits.max_build_size}")
            digest.update(f"{file.name}\0{file_sha}\n".encode())
            units.append(Unit(file.name, inputs.read_bytes(file, "split APK", limits.max_build_size, BuildError)))
        return assemble(path, self.format, units, limits, [], digest.hexdigest(), total)


def split_label(path: str) -> str:
    """The split an evidence path came from (``splits/base-x86.apk!lib/x86/a.so`` -> ``base-x86.apk``)."""
    head, sep, _rest = path.partition("!")
    return PurePosixPath(head).name if sep else ""


__all__ = ["ApkSetReader", "SplitDirReader", "Unit", "assemble", "split_label"]
