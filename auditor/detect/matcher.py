"""Signature indexes compiled once from a catalog: who owns a class name, a library, a meta-data name.

Class matching is on package boundaries and the longest prefix wins: ``com.dv`` claims ``com.dv.X`` and
``com.dv.sub.Y`` but never ``com.dvd.X``; with ``com.umeng`` and ``com.umeng.message`` in two entries,
``com.umeng.message.PushAgent`` belongs to the second. ``$`` (inner classes) is a boundary too.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from re import Pattern

from auditor.catalog.model import Catalog

CLASS_CACHE_LIMIT = 1 << 18
"""Class names a matcher remembers the claim of (a large build defines ~10^4-10^5 classes; a batch worker
scans many builds with one matcher, so the memo is bounded)."""
_UNSEEN = object()


@dataclass(frozen=True)
class Claim:
    """An entry's claim on an item: which entry, through which signature."""

    sdk_id: str
    signature: str


def literal_weight(pattern: str) -> int:
    """Non-wildcard characters of an fnmatch pattern (``[...]`` counts as one wildcard): the more literal
    a native-library pattern, the more specific it is."""
    count, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch in "*?":
            i += 1
        elif ch == "[":
            j = pattern.find("]", i + 1)
            i = (j + 1) if j != -1 else i + 1
        else:
            count += 1
            i += 1
    return count


@dataclass
class Matcher:
    """Indexes over one catalog. Build with :meth:`from_catalog`; per-scan caches are instance state."""

    classes: dict[str, str]
    components: dict[str, str]
    meta_data: dict[str, str]
    native_exact: dict[str, str]
    native_patterns: list[tuple[int, str, Pattern[str], str]]
    files_exact: dict[str, str]
    file_patterns: list[tuple[str, Pattern[str], str]]
    domains: dict[str, str]
    maven: dict[str, str]
    _package_cache: dict[str, Claim | None] = field(default_factory=dict, repr=False, compare=False)
    _class_cache: dict[str, Claim | None] = field(default_factory=dict, repr=False, compare=False)
    """Claims of the class names asked for (SDK detection, the unknown-package grouping and attribution
    each ask about every class of a build); emptied when it reaches :data:`CLASS_CACHE_LIMIT`."""

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> Matcher:
        classes: dict[str, str] = {}
        components: dict[str, str] = {}
        meta: dict[str, str] = {}
        native_exact: dict[str, str] = {}
        native_patterns: list[tuple[int, str, Pattern[str], str]] = []
        files_exact: dict[str, str] = {}
        file_patterns: list[tuple[str, Pattern[str], str]] = []
        domains: dict[str, str] = {}
        maven: dict[str, str] = {}
        for entry in catalog.entries:
            sig = entry.signatures
            for prefix in sig.classes:
                classes.setdefault(prefix, entry.id)
            for comp in sig.components:
                components.setdefault(comp, entry.id)
            for name in sig.meta_data:
                meta.setdefault(name, entry.id)
            for pattern in sig.native_libs:
                if any(ch in pattern for ch in "*?["):
                    native_patterns.append((literal_weight(pattern), pattern,
                                            re.compile(fnmatch.translate(pattern)), entry.id))
                else:
                    native_exact.setdefault(pattern, entry.id)
            for pattern in sig.files:
                if any(ch in pattern for ch in "*?["):
                    file_patterns.append((pattern, re.compile(fnmatch.translate(pattern)), entry.id))
                else:
                    files_exact.setdefault(pattern, entry.id)
            for domain in sig.domains:
                domains.setdefault(domain, entry.id)
            for coord in entry.maven:
                maven.setdefault(coord, entry.id)
        native_patterns.sort(key=lambda item: (-item[0], item[1]))
        return cls(classes, components, meta, native_exact, native_patterns, files_exact, file_patterns,
                   domains, maven)

    # -- classes ------------------------------------------------------------------------------------------
    def claim_class(self, name: str) -> Claim | None:
        """The entry owning dotted class ``name`` (longest prefix on package boundaries), if any."""
        cache = self._class_cache
        claim = cache.get(name, _UNSEEN)
        if claim is _UNSEEN:
            if len(cache) >= CLASS_CACHE_LIMIT:
                cache.clear()
            claim = cache[name] = self._claim_class(name)
        return claim  # type: ignore[return-value]

    def _claim_class(self, name: str) -> Claim | None:
        outer = name.split("$", 1)[0]
        if "$" in name:
            # inner-class names: 'a.b.C$D$E' -> 'a.b.C$D$E', 'a.b.C$D', then the outer class
            probe = name
            while "$" in probe:
                sdk = self.classes.get(probe)
                if sdk is not None:
                    return Claim(sdk, probe)
                probe = probe.rsplit("$", 1)[0]
        sdk = self.classes.get(outer)
        if sdk is not None:
            return Claim(sdk, outer)
        package = outer.rpartition(".")[0]
        return self.claim_package(package) if package else None

    def claim_package(self, package: str) -> Claim | None:
        """The entry owning every class of ``package`` (longest package prefix), if any."""
        if package in self._package_cache:
            return self._package_cache[package]
        claim: Claim | None = None
        probe = package
        while probe:
            sdk = self.classes.get(probe)
            if sdk is not None:
                claim = Claim(sdk, probe)
                break
            probe = probe.rpartition(".")[0]
        self._package_cache[package] = claim
        return claim

    def claim_component(self, name: str) -> Claim | None:
        """A manifest component: its own signatures first (longest prefix), then the class index."""
        probe = name
        while probe:
            sdk = self.components.get(probe)
            if sdk is not None:
                return Claim(sdk, probe)
            probe = probe.rpartition(".")[0]
        return self.claim_class(name)

    # -- everything else ----------------------------------------------------------------------------------
    def claim_native(self, file_name: str) -> Claim | None:
        """A native library file name: exact names first, then the pattern with most literal characters."""
        sdk = self.native_exact.get(file_name)
        if sdk is not None:
            return Claim(sdk, file_name)
        for _weight, pattern, regex, sdk_id in self.native_patterns:
            if regex.match(file_name):
                return Claim(sdk_id, pattern)
        return None

    def claim_meta_data(self, name: str) -> Claim | None:
        sdk = self.meta_data.get(name)
        return Claim(sdk, name) if sdk is not None else None

    def claim_file(self, path: str) -> Claim | None:
        sdk = self.files_exact.get(path)
        if sdk is not None:
            return Claim(sdk, path)
        for pattern, regex, sdk_id in self.file_patterns:
            if regex.match(path):
                return Claim(sdk_id, pattern)
        return None

    def claim_host(self, host: str) -> Claim | None:
        """A URL host equal to or under a catalog domain (``api.jpush.cn`` -> ``jpush.cn``)."""
        probe = host
        while "." in probe:
            sdk = self.domains.get(probe)
            if sdk is not None:
                return Claim(sdk, probe)
            probe = probe.split(".", 1)[1]
        return None

    def claim_artifact(self, group: str, artifact: str) -> Claim | None:
        for coord in (f"{group}:{artifact}", f"{group}:*"):
            sdk = self.maven.get(coord)
            if sdk is not None:
                return Claim(sdk, coord)
        return None
