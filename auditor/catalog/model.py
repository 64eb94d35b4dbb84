"""Typed, frozen catalog values.

- :class:`SdkEntry`: one ``sdk_catalog/<id>.yaml`` file. Its ``kind`` says whether it is a product a
  policy names (JPush), a component that ships inside products (JCore, ``part_of`` lists them) or a
  library that is no SDK at all (Kotlin stdlib, annotations: never a finding).
- :class:`Vendor`: one ``sdk_catalog/vendors/<id>.yaml`` file, shared by every entry of that company.
- :class:`Provenance`: where facts come from; ``fields`` names the facts a source supports. A fact no
  source supports is absent (``None``), and every output says "unknown" for it, never "none".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType


@dataclass(frozen=True)
class LocalText:
    """A text in English with an optional Simplified Chinese form."""

    en: str
    zh: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("en" or "zh"), falling back to English."""
        return (self.zh or self.en) if lang == "zh" else self.en


class SdkKind(str, Enum):
    """What an entry is, for the rules: only products and components are SDKs a policy must name."""

    PRODUCT = "product"
    """Something a policy names: JPush, Baidu Map, Firebase Analytics."""
    COMPONENT = "component"
    """A part that ships inside products (``part_of``): JCore, Getui GTC, UTDID. Covered when one of its
    products is disclosed; its evidence is listed under that product."""
    LIBRARY = "library"
    """Annotations, language runtimes, AndroidX-style toolchain code: listed apart, never a finding."""


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

    def restates(self, example: str) -> bool:
        """True when ``example`` is one of the signatures it would be matched against (a class prefix for a
        class name, a native pattern for a ``.so`` name): such an example proves nothing."""
        return example in (self.native_libs if example.endswith(".so") else self.classes)


@dataclass(frozen=True)
class Provenance:
    """One source of an entry's or a vendor's facts."""

    source: str
    """A folder of the catalog sources (``exodus-trackers-mobsf``...), ``vendor-docs`` (ref: the URL),
    ``policy`` (ref: a file of the shared real policies), ``corpus`` / ``registry`` (ref: the binary and
    its package), or ``manual`` (ref: what was read)."""
    ref: str = ""
    """The record in that source (tracker id, rule name, row, URL, file), or a note."""
    commit: str = ""
    """Upstream commit of the source snapshot."""
    fields: tuple[str, ...] = ()
    """The facts this source supports, by field name (``privacy_policy_url``, ``data_collected``,
    ``examples``, ``legal_name_zh``...). Empty: the source supports the entry's existence and signatures."""


ENTRY_FACT_FIELDS = ("name_zh", "purpose", "website", "privacy_policy_url", "permissions", "data_collected",
                     "part_of", "examples")
"""Entry fields that state a fact about the SDK; each needs a provenance item naming it (``fields``)."""
VENDOR_FACT_FIELDS = ("legal_name", "legal_name_zh", "name_zh", "country", "privacy_policy_url", "website")
"""Vendor fields that state a fact; each needs a provenance item naming it."""


@dataclass(frozen=True)
class AliasSource:
    """Where a name was seen: an entry's alias that is not the vendor's own product name (``aliases`` mapping
    form), a vendor's other legal name (``other_legal_names``)."""

    name: str
    """The alias as written there."""
    source: str
    """``policy`` (a real privacy policy), ``vendor-docs``, ``corpus``, ``registry`` or ``manual``."""
    ref: str = ""
    """Where exactly: a URL, a policy file and row, a package."""


@dataclass(frozen=True)
class Vendor:
    """A company behind one or more SDKs (``sdk_catalog/vendors/<id>.yaml``), shared by its entries.

    Reporters read ``display(lang)`` for a table's company cell and the legal names for a regulator's
    check; every ``None`` is "unknown", never "none".
    """

    id: str
    """Stable kebab-case id (``aurora-mobile``)."""
    name: str
    """Short or brand name (``Aurora Mobile``, ``Tencent``): what a reader recognises."""
    provenance: tuple[Provenance, ...]
    name_zh: str | None = None
    """Chinese short or brand name (``极光``)."""
    legal_name: str | None = None
    """Registered legal name in English, as a source writes it."""
    legal_name_zh: str | None = None
    """Registered legal name in Chinese (``深圳市和讯华谷信息技术有限公司``)."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the company's country."""
    privacy_policy_url: str | None = None
    """The company's privacy policy (an entry's own ``privacy_policy_url`` wins over it)."""
    website: str | None = None
    other_legal_names: tuple[AliasSource, ...] = ()
    """Other registered companies of the same group that policies name for its SDKs (Tencent's
    ``腾讯科技（深圳）有限公司`` beside ``深圳市腾讯计算机系统有限公司``), each with where it was seen."""
    path: str = field(default="", compare=False)

    def display(self, lang: str = "en") -> str:
        """Legal name in ``lang`` if known, else the other legal name, else the short name."""
        if lang == "zh":
            return self.legal_name_zh or self.legal_name or self.name_zh or self.name
        return self.legal_name or self.name

    def names(self) -> tuple[str, ...]:
        """Every name of the company (legal and short, both languages), for matching a policy's text."""
        return tuple(n for n in (self.legal_name, self.legal_name_zh, self.name, self.name_zh,
                                 *(o.name for o in self.other_legal_names)) if n)


SWITCH_MEANINGS = ("auth-flag", "pre-init", "grant", "defer")
"""What a vendor privacy switch does (see :class:`PrivacySwitch`)."""


@dataclass(frozen=True)
class PrivacySwitch:
    """A consent API the SDK's vendor documents, and what calling it means."""

    api: str
    """``class.method`` (dotted class, ``$`` for nested classes): ``cn.jiguang.api.utils.JCollectionAuth.setAuth``."""
    meaning: str
    """``auth-flag``: a boolean parameter says whether the user agreed (false: collect nothing until it is
    called with true); ``pre-init``: initialise without collecting (call at start-up, the real init after
    consent); ``grant``: tell the SDK the user agreed (its boolean parameter, if any, says so); ``defer``:
    stop or defer collection."""
    source: str
    """Where the name and meaning are documented: a corpus jar (``corpus jcore-android-3.2.2.jar``) or the
    vendor's documentation."""
    ref: str = ""
    """A URL or note locating that source."""
    arg: int = -1
    """Index of the boolean parameter that decides (``auth-flag``, ``grant``); -1: none."""

    @property
    def class_name(self) -> str:
        return self.api.rpartition(".")[0]

    @property
    def method(self) -> str:
        return self.api.rpartition(".")[2]


@dataclass(frozen=True)
class SdkEntry:
    """One third-party SDK, component or library."""

    id: str
    """Stable kebab-case id; never reused for another SDK."""
    name: str
    """Display name."""
    category: str
    """One of :data:`auditor.vocab.CATEGORY_IDS`."""
    signatures: Signatures
    examples: tuple[str, ...]
    """Real class names (dotted) or ``.so`` file names, seen in a real binary or the vendor's docs (the
    provenance item naming ``examples`` says where), that this entry must detect and no other entry claims.
    Never a signature string itself. Empty: the entry has no real evidence yet."""
    provenance: tuple[Provenance, ...]
    kind: SdkKind = SdkKind.PRODUCT
    part_of: tuple[str, ...] = ()
    """Components only: ids of the products this component ships in (each a ``product`` entry)."""
    vendor: Vendor | None = None
    """The company, resolved from the entry's ``vendor: <vendor id>``; ``None``: unknown."""
    name_zh: str | None = None
    """The product's Chinese name, where a source gives one."""
    aliases: tuple[str, ...] = ()
    """Every way a policy names the SDK (English and Chinese): the names of plain and mapping aliases."""
    alias_sources: tuple[AliasSource, ...] = ()
    """Provenance of the aliases written as ``{name, source, ref}`` mappings (plain ones are the vendor's
    own product names)."""
    purpose: LocalText | None = None
    website: str | None = None
    privacy_policy_url: str | None = None
    """The SDK's own privacy policy or compliance guide; see :meth:`policy_url` for the vendor fallback."""
    permissions: tuple[str, ...] | None = None
    """Full Android permission names the SDK asks for by its vendor's account; ``None``: unknown."""
    data_collected: tuple[str, ...] | None = None
    """Data types (:data:`auditor.vocab.DATA_TYPE_IDS`) the SDK collects by its vendor's own account;
    ``None``: unknown (not "collects nothing")."""
    maven: tuple[str, ...] = ()
    """Maven ``group:artifact`` coordinates (``group:*`` allowed) that ship this SDK."""
    tracker: bool = False
    """Listed as a tracker by Exodus or ETIP."""
    privacy_switches: tuple[PrivacySwitch, ...] = ()
    """The vendor's documented consent APIs (read by :mod:`auditor.code.switches`)."""
    path: str = field(default="", compare=False)
    """File the entry was loaded from (for error messages)."""

    def policy_url(self) -> str | None:
        """The SDK's privacy policy, else its vendor's; ``None``: unknown."""
        return self.privacy_policy_url or (self.vendor.privacy_policy_url if self.vendor else None)

    def vendor_name(self, lang: str = "en") -> str | None:
        """The company as a disclosure table writes it; ``None``: unknown."""
        return self.vendor.display(lang) if self.vendor else None

    def local_name(self, lang: str = "en") -> str:
        return (self.name_zh or self.name) if lang == "zh" else self.name

    def supported_fields(self) -> frozenset[str]:
        """Fact fields some provenance item of this entry names."""
        return frozenset(f for p in self.provenance for f in p.fields)


@dataclass(frozen=True)
class Catalog:
    """A validated catalog: entries, and the vendor records they reference."""

    entries: tuple[SdkEntry, ...]
    version: str
    sha256: str
    """Hash over every catalog file's name and bytes: identifies exactly what the scan used."""
    source: str
    """Where it was loaded from (directory)."""
    vendors: tuple[Vendor, ...] = ()
    _by_id: Mapping[str, SdkEntry] = field(default_factory=lambda: MappingProxyType({}), compare=False, repr=False)
    _parts: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}), compare=False,
                                                  repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({e.id: e for e in self.entries}))
        parts: dict[str, list[str]] = {}
        for entry in self.entries:
            for product in entry.part_of:
                parts.setdefault(product, []).append(entry.id)
        object.__setattr__(self, "_parts", MappingProxyType({k: tuple(v) for k, v in parts.items()}))

    def get(self, sdk_id: str) -> SdkEntry | None:
        return self._by_id.get(sdk_id)

    def __getitem__(self, sdk_id: str) -> SdkEntry:
        return self._by_id[sdk_id]

    def __len__(self) -> int:
        return len(self.entries)

    def parts_of(self, product_id: str) -> tuple[str, ...]:
        """Ids of the components that ship in ``product_id`` (catalog order)."""
        return self._parts.get(product_id, ())

    def same_vendor(self, a: str, b: str) -> bool:
        """True when entries ``a`` and ``b`` have the same known vendor (same record, or the same brand:
        two legal entities of one group, such as Tencent's)."""
        va, vb = self._by_id[a].vendor, self._by_id[b].vendor
        if va is None or vb is None:
            return False
        return va.id == vb.id or va.name.casefold() == vb.name.casefold()
