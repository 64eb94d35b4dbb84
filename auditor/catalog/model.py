"""Typed, frozen catalog entries. One :class:`SdkEntry` per ``sdk_catalog/<id>.yaml`` file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class LocalText:
    """A text in English with an optional Simplified Chinese form."""

    en: str
    zh: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("en" or "zh"), falling back to English."""
        return (self.zh or self.en) if lang == "zh" else self.en


@dataclass(frozen=True)
class Signatures:
    """Everything in a build that betrays the SDK. Matching rules live in :mod:`auditor.detect.sdks`."""

    classes: tuple[str, ...] = ()
    """Dotted package or class prefixes, matched on package boundaries (``com.dv`` never matches ``com.dvd``)."""
    components: tuple[str, ...] = ()
    """Manifest component class names (activity, service, receiver, provider), prefix on boundaries."""
    meta_data: tuple[str, ...] = ()
    """``<meta-data android:name>`` values, exact."""
    native_libs: tuple[str, ...] = ()
    """Shell-style patterns (``libjcore*.so``) on native library file names."""
    files: tuple[str, ...] = ()
    """Shell-style patterns on archive paths (``assets/jpush_config.json``)."""
    domains: tuple[str, ...] = ()
    """Host names; a URL host equal to or under one supports a detection (never creates one alone)."""

    def has_primary(self) -> bool:
        """True when at least one signature kind can create a detection on its own."""
        return bool(self.classes or self.components or self.meta_data or self.native_libs or self.files)


@dataclass(frozen=True)
class Provenance:
    """Where facts of an entry come from."""

    source: str
    """A folder of the catalog sources (``exodus-trackers-mobsf``...) or ``manual``."""
    ref: str = ""
    """The record in that source (tracker id, rule name, row), or a note."""
    commit: str = ""
    """Upstream commit of the source snapshot."""


@dataclass(frozen=True)
class SdkEntry:
    """One third-party SDK."""

    id: str
    """Stable kebab-case id; never reused for another SDK."""
    name: str
    """Display name."""
    vendor: LocalText
    """Legal entity behind the SDK, English and Chinese."""
    category: str
    """One of :data:`auditor.vocab.CATEGORY_IDS`."""
    signatures: Signatures
    examples: tuple[str, ...]
    """Class names (dotted) or ``.so`` file names this entry must detect, and that no other entry claims."""
    provenance: tuple[Provenance, ...]
    aliases: tuple[str, ...] = ()
    """Every way a policy names the SDK (English and Chinese)."""
    vendor_country: str = ""
    """ISO 3166-1 alpha-2 code of the vendor's country."""
    purpose: LocalText | None = None
    website: str = ""
    privacy_policy_url: str = ""
    permissions: tuple[str, ...] = ()
    """Full Android permission names the SDK asks for (documented by its vendor)."""
    data_collected: tuple[str, ...] = ()
    """Data types (:data:`auditor.vocab.DATA_TYPE_IDS`) the SDK collects by its vendor's own account."""
    maven: tuple[str, ...] = ()
    """Maven ``group:artifact`` coordinates (``group:*`` allowed) that ship this SDK."""
    tracker: bool = False
    """Listed as a tracker by Exodus or ETIP."""
    path: str = field(default="", compare=False)
    """File the entry was loaded from (for error messages)."""


@dataclass(frozen=True)
class Catalog:
    """A validated catalog."""

    entries: tuple[SdkEntry, ...]
    version: str
    sha256: str
    """Hash over every catalog file's name and bytes: identifies exactly what the scan used."""
    source: str
    """Where it was loaded from (directory)."""
    _by_id: Mapping[str, SdkEntry] = field(default_factory=lambda: MappingProxyType({}), compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({e.id: e for e in self.entries}))

    def get(self, sdk_id: str) -> SdkEntry | None:
        return self._by_id.get(sdk_id)

    def __getitem__(self, sdk_id: str) -> SdkEntry:
        return self._by_id[sdk_id]

    def __len__(self) -> int:
        return len(self.entries)
