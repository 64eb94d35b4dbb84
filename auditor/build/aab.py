"""Android App Bundle reader (``.aab``): every module's dex and native libraries, the base manifest (aapt2
protobuf XML), the dependency list and the R8 mapping bundletool keeps in ``BUNDLE-METADATA``.

Layout (https://developer.android.com/guide/app-bundle/app-bundle-format)::

    BundleConfig.pb
    BUNDLE-METADATA/com.android.tools.build.libraries/dependencies.pb    AppDependencies
    BUNDLE-METADATA/com.android.tools.build.obfuscation/proguard.map     R8 mapping
    <module>/manifest/AndroidManifest.xml                                protobuf XmlNode
    <module>/dex/classes*.dex, <module>/lib/<abi>/*.so, <module>/assets/, <module>/res/,
    <module>/root/ (files that land at the APK root, e.g. META-INF/*.version)

Each module is read as the APK it becomes (``<module>/dex/classes.dex`` stands for ``classes.dex``...);
reported paths keep the module (``feature/dex/classes.dex``, ``base/lib/x86/a.so``), and ``Build.files``
holds the APK-equivalent names so file signatures match as they do on an APK.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.build.apk import PartsCollector, hash_file, read_parts
from auditor.build.archive import Archive, Limits, open_archive
from auditor.build.dependencies import DEPENDENCIES_PB, parse_app_dependencies
from auditor.build.manifest import manifest_from_xml
from auditor.build.mapping import PROGUARD_MAP, apply_mapping, parse_mapping
from auditor.build.proto_xml import proto_xml_root
from auditor.errors import BuildError
from auditor.model import ArtifactVersion, Build, Manifest

if TYPE_CHECKING:
    from auditor.build.interface import BuildProbe

BASE = "base"
_MANIFEST = "manifest/AndroidManifest.xml"
_SPECIAL_ROOTS = ("BUNDLE-METADATA", "META-INF")
_MAPPED_DIRS = ("lib/", "assets/", "res/")


def modules_of(names: list[str]) -> list[str]:
    """Module names (base first), i.e. top-level directories holding ``manifest/AndroidManifest.xml``."""
    found = {n.split("/", 1)[0] for n in names if n.count("/") == 2 and n.endswith("/" + _MANIFEST)}
    found -= set(_SPECIAL_ROOTS)
    return sorted(found, key=lambda m: (m != BASE, m))


def apk_names(names: list[str], module: str) -> dict[str, str]:
    """APK-equivalent name -> member, for one module's members."""
    prefix = module + "/"
    out: dict[str, str] = {}
    for member in names:
        if not member.startswith(prefix) or member.endswith("/"):
            continue
        rest = member[len(prefix):]
        if rest.startswith("dex/"):
            out[rest[4:]] = member
        elif rest.startswith("root/"):
            out[rest[5:]] = member
        elif rest.startswith(_MAPPED_DIRS):
            out[rest] = member
    return out


class AabReader:
    """Reads an Android App Bundle."""

    format = "aab"

    def accepts(self, probe: BuildProbe) -> bool:
        if not probe.head.startswith(b"PK"):
            return False
        return probe.path.suffix.lower() == ".aab" or "BundleConfig.pb" in probe.names

    def read(self, path: Path, limits: Limits) -> Build:
        sha256, size = hash_file(path, limits)
        with open_archive(path, limits) as archive:
            names = archive.names
            modules = modules_of(names)
            if BASE not in modules:
                raise BuildError(f"{path}: no base/{_MANIFEST} (not an Android App Bundle)")
            raw = archive.read(f"{BASE}/{_MANIFEST}")
            manifest = manifest_from_xml(proto_xml_root(raw, f"{BASE}/{_MANIFEST}"), f"{BASE}/{_MANIFEST}")
            warnings = list(archive.warnings)
            collected = PartsCollector()
            for module in modules:
                mapped = apk_names(names, module)
                parts = read_parts(archive, limits, warnings, mapped)
                collected.add(parts, ["AndroidManifest.xml", *mapped], module, "" if module == BASE else module,
                              module, sum(archive.size(m) for m in mapped.values()))
            collected.artifact_versions.extend(_dependencies(archive, warnings))
            manifest = _merge_feature_manifests(archive, manifest, modules, warnings)
            build = Build(path=str(path), sha256=sha256, size=size, format=self.format, manifest=manifest,
                          warnings=tuple(warnings), **collected.build_fields())
            return _deobfuscate(archive, build)


def merge_manifests(base: Manifest, feature: Manifest) -> Manifest:
    """The base manifest plus what a feature module adds: its components, meta-data and permissions (the
    platform registers a feature split's components; its permission requests are merged into the base by
    the build tools)."""
    known = {(c.kind, c.name) for c in base.components}
    components = base.components + tuple(c for c in feature.components if (c.kind, c.name) not in known)
    meta = base.meta_data + tuple(m for m in feature.meta_data if m not in base.meta_data)
    perms = {p.name: p for p in base.uses_permissions}
    for p in feature.uses_permissions:
        perms.setdefault(p.name, p)
    return replace(base, components=components, meta_data=meta,
                   uses_permissions=tuple(perms[n] for n in sorted(perms)))


def _merge_feature_manifests(archive: Archive, base: Manifest, modules: list[str],
                             warnings: list[str]) -> Manifest:
    for module in modules:
        member = f"{module}/{_MANIFEST}"
        if module == BASE or not archive.has(member):
            continue
        try:
            root = proto_xml_root(archive.read(member), member)
            if not root.get("package"):
                root.set("package", base.package)  # feature manifests may leave it to the base
            feature = manifest_from_xml(root, member)
        except BuildError as exc:
            warnings.append(f"feature module '{module}' manifest skipped: {exc}")
            continue
        base = merge_manifests(base, feature)
    return base


def _dependencies(archive: Archive, warnings: list[str]) -> tuple[ArtifactVersion, ...]:
    if not archive.has(DEPENDENCIES_PB):
        return ()
    try:
        return parse_app_dependencies(archive.read(DEPENDENCIES_PB))
    except BuildError as exc:
        warnings.append(str(exc))
        return ()


def _deobfuscate(archive: Archive, build: Build) -> Build:
    if not archive.has(PROGUARD_MAP):
        return build
    text = archive.read(PROGUARD_MAP).decode("utf-8", "replace")
    return apply_mapping(build, parse_mapping(text, PROGUARD_MAP), PROGUARD_MAP)


__all__ = ["AabReader", "apk_names", "modules_of"]
