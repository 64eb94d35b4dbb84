"""Scan one build: read it, describe its permissions, detect its SDKs, list unknown third-party code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditor import __version__
from auditor.build.archive import Limits
from auditor.build.interface import read_build
from auditor.catalog.model import Catalog
from auditor.detect.matcher import Matcher
from auditor.detect.sdks import detect_sdks
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

    @classmethod
    def create(cls, catalog: Catalog, limits: Limits | None = None) -> "Scanner":
        return cls(catalog, Matcher.from_catalog(catalog), PermissionDb.load(), limits or Limits())

    def scan(self, path: Path | str) -> ScanResult:
        build = read_build(Path(path), self.limits)
        return ScanResult(
            build=build,
            permissions=self.permissions.describe(build.manifest.uses_permissions),
            sdks=detect_sdks(build, self.catalog, self.matcher),
            unknown_packages=unknown_packages(build, self.matcher),
            catalog=CatalogInfo(self.catalog.version, self.catalog.sha256, len(self.catalog)),
            tool_version=__version__,
        )
