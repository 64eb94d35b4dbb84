"""Third-party code that no catalog entry claims, grouped by package.

Excluded: classes an entry claims, the app's own packages (manifest package, Application class package),
and the platform (``android``, ``androidx``, ``java``, ``kotlin``...). Obfuscated classes (every package
segment at most two characters, or no package) are grouped as one ``(obfuscated)`` row.
"""

from __future__ import annotations

from collections import defaultdict

from auditor.detect.matcher import Matcher
from auditor.model import Build, UnknownPackage

PLATFORM_PREFIXES: tuple[str, ...] = (
    "android", "androidx", "java", "javax", "kotlin", "kotlinx", "dalvik", "sun", "libcore",
    "org.w3c.dom", "org.xml.sax", "org.xmlpull.v1", "org.json", "org.apache.http", "org.apache.harmony",
    "com.android.internal", "org.jetbrains.annotations", "org.intellij.lang.annotations",
    "_COROUTINE", "j$",
)
OBFUSCATED = "(obfuscated)"
_GROUP_DEPTH = 3
_GENERIC_SEGMENTS = frozenset({"android", "sdk", "lib", "libs", "common", "core", "api", "app", "apps",
                               "support", "thirdparty", "open", "mobile"})


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def own_prefixes(build: Build) -> tuple[str, ...]:
    """Packages that belong to the app itself."""
    own = {build.manifest.package}
    app_class = build.manifest.application_class
    if app_class and "." in app_class:
        own.add(".".join(app_class.split(".")[:-1][:_GROUP_DEPTH]))
    return tuple(sorted(p for p in own if p))


def group_key(package: str) -> str:
    """The package a class is listed under: its first three segments (one more while the last is generic,
    as in ``com.google.android.gms``), or ``(obfuscated)``."""
    parts = package.split(".") if package else []
    if not parts or all(len(p) <= 2 for p in parts):
        return OBFUSCATED
    depth = _GROUP_DEPTH
    while depth < len(parts) and parts[depth - 1] in _GENERIC_SEGMENTS:
        depth += 1
    return ".".join(parts[:depth])


def unknown_packages(build: Build, matcher: Matcher) -> tuple[UnknownPackage, ...]:
    """Unclaimed third-party packages, most classes first."""
    own = own_prefixes(build)
    counts: dict[str, int] = defaultdict(int)
    files: dict[str, set[str]] = defaultdict(set)
    example: dict[str, str] = {}
    for dex in build.dex:
        for name in dex.classes:
            package = name.split("$", 1)[0].rpartition(".")[0]
            if _under(package, PLATFORM_PREFIXES) or _under(package, own):
                continue
            if matcher.claim_class(name) is not None:
                continue
            key = group_key(package)
            counts[key] += 1
            files[key].add(dex.path)
            example.setdefault(key, name)
    rows = [UnknownPackage(k, counts[k], tuple(sorted(files[k])), example[k]) for k in counts]
    return tuple(sorted(rows, key=lambda r: (-r.class_count, r.package)))
