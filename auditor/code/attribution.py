"""Who owns a calling class: a catalog SDK, the app itself, or unknown third-party code.

Order: a catalog claim (the same package-boundary matching as SDK detection) wins, then the app's own
packages (:func:`auditor.detect.unknown.own_prefixes`); platform and toolchain classes (``android``,
``androidx``, ``kotlin``...) are never callers of interest (``None``); anything else is ``unknown``.
With an R8 mapping (``Build.deobfuscation``) the original class name is what gets attributed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.detect.matcher import Matcher
from auditor.detect.unknown import PLATFORM_PREFIXES

APP = "app"
UNKNOWN = "unknown"


def _under(package: str, prefixes: tuple[str, ...]) -> bool:
    return any(package == p or package.startswith(p + ".") for p in prefixes)


@dataclass
class Attributor:
    """Owner of dotted class names, cached per class (one instance per scan)."""

    matcher: Matcher
    own: tuple[str, ...]
    renames: dict[str, str] = field(default_factory=dict)
    """Obfuscated -> original class name (``Build.deobfuscation.original``): owners are decided on the
    original name, so an R8-renamed SDK class is attributed to its SDK."""
    _cache: dict[str, str | None] = field(default_factory=dict)

    def owner(self, class_name: str) -> str | None:
        if class_name in self._cache:
            return self._cache[class_name]
        original = self.renames.get(class_name, class_name)
        package = original.split("$", 1)[0].rpartition(".")[0]
        platform = _under(package, PLATFORM_PREFIXES)
        claim = self.matcher.claim_class(original)
        result: str | None
        if claim is not None and not platform:
            result = claim.sdk_id
        elif _under(package, self.own):
            result = APP
        elif platform:
            result = None
        else:
            result = UNKNOWN
        self._cache[class_name] = result
        return result
