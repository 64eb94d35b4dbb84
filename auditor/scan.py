"""Scan one build: read it, describe its permissions, detect its SDKs, list unknown third-party code."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.build.archive import Limits
from auditor.build.interface import read_build
from auditor.catalog.model import Catalog
from auditor.detect.attribution import VendorIndex
from auditor.detect.matcher import Matcher
from auditor.detect.sdks import detect_sdks, split_libraries
from auditor.detect.unknown import unknown_packages
from auditor.model import CatalogInfo, ScanResult
from auditor.permissions import PermissionDb


@dataclass(frozen=True)
class Scanner:
    """Everything a scan needs, loaded once and reused across builds (no global state)."""

    catalog: Catalog
    matcher: Matcher
    permissions: PermissionDb
    limits: Limits = Limits()
    apis: Any = None
    """The personal-data API table (:func:`auditor.code.load_api_table`); ``None``: no call-site analysis."""
    mapping: Path | None = None
    """A ProGuard/R8 ``mapping.txt`` applied to class names (APKs; an AAB carries its own)."""
    vendors: VendorIndex | None = None
    """Catalog signatures arranged for attributing unclaimed code; built from ``catalog`` when ``None``."""
    explain_code: bool = True
    """Attribute unclaimed code also from its code (hosts it loads, which SDK calls it), counted from the
    code tables the call-site analysis reads (:func:`auditor.code.tables.dex_tables`). Off for ``--no-code``
    scans, which then attribute from names, the manifest and native libraries only."""

    @classmethod
    def create(cls, catalog: Catalog, limits: Limits | None = None, code: bool = True,
               mapping: Path | None = None, explain_code: bool | None = None) -> Scanner:
        """``code=False`` skips call-site analysis (``data_access`` stays empty) and, unless
        ``explain_code`` says otherwise, reading unclaimed code for its vendor."""
        apis = None
        if code:
            from auditor.code import load_api_table

            apis = load_api_table()
        matcher = Matcher.from_catalog(catalog)
        return cls(catalog, matcher, PermissionDb.load(), limits or Limits(), apis, mapping,
                   VendorIndex(catalog, matcher), code if explain_code is None else explain_code)

    def scan(self, path: Path | str) -> ScanResult:
        build = read_build(Path(path), self.limits)
        if self.mapping is not None and build.deobfuscation is None:
            from auditor.build.mapping import apply_mapping, read_mapping_file

            build = apply_mapping(build, read_mapping_file(self.mapping), str(self.mapping))
        sdks, libraries = split_libraries(detect_sdks(build, self.catalog, self.matcher))
        data_access: tuple[Any, ...] = ()
        switches: tuple[Any, ...] = ()
        if self.apis is not None:
            from auditor.code import analyze_code

            table = {hit.sdk_id: entry.privacy_switches for hit in sdks
                     if (entry := self.catalog.get(hit.sdk_id)) is not None and entry.privacy_switches}
            code = analyze_code(build, self.matcher, self.apis, switches=table)
            data_access, switches = code.data_access, code.privacy_switches
        if data_access:
            from auditor.code.debuginfo import locate_sites
            from auditor.detect.unknown import own_prefixes

            images = [d.image for d in build.dex if d.image is not None]
            data_access = locate_sites(images, data_access, own_prefixes(build))
        unknown = unknown_packages(build, self.matcher, self.vendors or VendorIndex(self.catalog, self.matcher),
                                   data_access, read_code=self.explain_code)
        # the parsed DEX images are only needed while analysing: do not keep them alive in the result
        build = replace(build, dex=tuple(replace(d, image=None) for d in build.dex))
        return ScanResult(
            data_access=data_access,
            privacy_switches=switches,
            build=build,
            permissions=self.permissions.describe(build.manifest.uses_permissions),
            sdks=sdks,
            libraries=libraries,
            unknown_packages=unknown,
            catalog=CatalogInfo(self.catalog.version, self.catalog.sha256, len(self.catalog)),
            tool_version=__version__,
        )
