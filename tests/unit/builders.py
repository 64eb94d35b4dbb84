"""Small constructors of model values for tests (synthetic builds, scan results, disclosures)."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.model import (
    Build,
    CatalogInfo,
    Component,
    DataAccess,
    DexSummary,
    Manifest,
    MetaData,
    NativeLib,
    ScanResult,
    UsesPermission,
)


def make_build(classes=(), permissions=(), components=(), meta=(), native=(), package="com.example.shop",
               app_class="com.example.shop.App", files=(), hosts=(), versions=()) -> Build:
    manifest = Manifest(
        package=package, version_name="1.0", version_code=1, min_sdk=21, target_sdk=33,
        application_class=app_class,
        uses_permissions=tuple(UsesPermission(p) for p in permissions),
        components=tuple(Component(kind, name) for kind, name in components),
        meta_data=tuple(MetaData(m) for m in meta),
    )
    dex = DexSummary("classes.dex", "035", len(classes), 0, 0, tuple(classes), tuple(hosts))
    libs = tuple(NativeLib(f"lib/arm64-v8a/{n}", "arm64-v8a", n, 100) for n in native)
    return Build("app.apk", "0" * 64, 1, "apk", manifest, (dex,), libs, tuple(versions), tuple(files))


def make_scan(build: Build, scanner_parts, data_access: tuple[DataAccess, ...] = ()) -> ScanResult:
    """Run the real interpretation steps on a synthetic build."""
    from auditor.detect.sdks import detect_sdks, split_libraries
    from auditor.detect.unknown import unknown_packages

    catalog, matcher, permdb = scanner_parts
    sdks, libraries = split_libraries(detect_sdks(build, catalog, matcher))
    return ScanResult(
        build=build,
        permissions=permdb.describe(build.manifest.uses_permissions),
        sdks=sdks,
        libraries=libraries,
        unknown_packages=unknown_packages(build, matcher),
        catalog=CatalogInfo(catalog.version, catalog.sha256, len(catalog)),
        tool_version="test",
        data_access=data_access,
    )


# A disclosure shaped like the policy reader's model (duck-typed: the audit reads it through PolicyView).
@dataclass(frozen=True)
class Ev:
    line_start: int
    line_end: int
    text: str = ""


@dataclass(frozen=True)
class SdkRowD:
    name: str
    id: str | None
    company: str = ""
    data_types: tuple[str, ...] = ()
    permissions: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    evidence: Ev = Ev(1, 1)
    resolved_by: str = ""


@dataclass(frozen=True)
class PermD:
    permission: str
    scene: str = ""
    evidence: Ev = Ev(1, 1)


@dataclass(frozen=True)
class DataD:
    data_type: str
    evidence: Ev = Ev(1, 1)


@dataclass(frozen=True)
class SceneD:
    name: str
    permissions: tuple[str, ...]
    description: str = ""
    evidence: Ev = Ev(1, 1)


@dataclass(frozen=True)
class DisclosureD:
    source: str = "policy.html"
    sdks: tuple[SdkRowD, ...] = ()
    permissions: tuple[PermD, ...] = ()
    data_types: tuple[DataD, ...] = ()
    scenes: tuple[SceneD, ...] = field(default=())
