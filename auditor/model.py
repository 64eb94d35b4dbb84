"""The audit model: typed, frozen values that every reader produces and every reporter reads.

Where a fact comes from:
- a permission: :class:`UsesPermission` (manifest, :mod:`auditor.build.manifest`) enriched into
  :class:`PermissionInfo` (AOSP metadata, :mod:`auditor.permissions`);
- an SDK hit: :class:`SdkHit` with its :class:`Evidence` (:mod:`auditor.detect.sdks`);
- unknown third-party code: :class:`UnknownPackage` (:mod:`auditor.detect.unknown`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from auditor.catalog.model import SdkKind, Vendor

if TYPE_CHECKING:  # pragma: no cover
    from auditor.build.dex import DexFile


class SignalKind(str, Enum):
    """Kinds of evidence that tie an SDK to a build."""

    CLASS = "class"
    COMPONENT = "manifest-component"
    META_DATA = "meta-data"
    NATIVE_LIB = "native-lib"
    JNI_SYMBOL = "jni-symbol"
    VERSION_FILE = "version-file"
    FILE = "file"
    DOMAIN = "domain"


# -- the build -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class UsesPermission:
    """A ``<uses-permission>`` / ``<uses-permission-sdk-23>`` request, duplicates folded."""

    name: str
    max_sdk_version: int | None = None
    """``android:maxSdkVersion`` (``None``: all versions). Folded duplicates keep the widest range."""
    sdk23: bool = False
    """Requested only through ``<uses-permission-sdk-23>`` (granted on API 23+ only)."""
    occurrences: int = 1
    """How many times the manifest lists it."""


@dataclass(frozen=True)
class DeclaredPermission:
    """A ``<permission>`` the app defines."""

    name: str
    protection_level: str = ""


@dataclass(frozen=True)
class Component:
    """An activity, activity-alias, service, receiver or provider."""

    kind: str
    name: str
    """Fully qualified class name (relative names resolved against the package)."""
    exported: bool | None = None
    """``android:exported`` if set; ``None`` when left to the platform default."""
    authorities: tuple[str, ...] = ()
    """Provider authorities."""
    permission: str = ""
    has_intent_filter: bool = False
    actions: tuple[str, ...] = ()
    """``<action android:name>`` values of the component's intent filters (sorted, de-duplicated)."""


@dataclass(frozen=True)
class MetaData:
    """A ``<meta-data>`` element (under application or a component)."""

    name: str
    value: str = ""
    """Literal value, truncated to 200 characters (resource values shown as ``@0x...``)."""
    parent: str = "application"


@dataclass(frozen=True)
class Queries:
    """The ``<queries>`` element: package visibility the app asks for."""

    packages: tuple[str, ...] = ()
    intent_actions: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Manifest:
    """What ``AndroidManifest.xml`` says."""

    package: str
    version_name: str = ""
    version_code: int | None = None
    min_sdk: int | None = None
    target_sdk: int | None = None
    max_sdk: int | None = None
    application_class: str = ""
    uses_permissions: tuple[UsesPermission, ...] = ()
    declared_permissions: tuple[DeclaredPermission, ...] = ()
    components: tuple[Component, ...] = ()
    meta_data: tuple[MetaData, ...] = ()
    queries: Queries = Queries()
    debuggable: bool = False
    label: str = ""
    """The application's ``android:label`` when it is a literal string (resource references are not
    resolved: that needs resources.arsc; empty then)."""


@dataclass(frozen=True)
class DexSummary:
    """One ``classes*.dex`` (or a dex nested in the build)."""

    path: str
    version: str
    class_count: int
    method_ref_count: int
    string_count: int
    classes: tuple[str, ...] = ()
    """Dotted names of the classes it defines (not written to JSON)."""
    url_hosts: tuple[str, ...] = ()
    """Hosts of ``http(s)://`` URL constants."""
    image: DexFile | None = field(default=None, compare=False, repr=False)
    """The parsed DEX, kept only while a scan runs (code analysis reads it); dropped from results."""


@dataclass(frozen=True)
class NativeLib:
    """A native library ``lib/<abi>/<name>.so``."""

    path: str
    abi: str
    name: str
    size: int
    soname: str = ""
    needed: tuple[str, ...] = ()
    jni_symbols: tuple[str, ...] = ()
    """Exported ``Java_*`` symbols (they name the Java class that binds the library)."""
    error: str = ""
    """Why the ELF could not be parsed, if it could not (the name still counts)."""


@dataclass(frozen=True)
class ArtifactVersion:
    """A Maven artifact version: left in ``META-INF/<group>_<artifact>.version`` or a ``.properties`` file,
    or listed in an AAB's ``dependencies.pb``."""

    path: str
    group: str
    artifact: str
    version: str
    source: str = "version-file"
    """``version-file`` (``META-INF``), ``dependencies.pb`` (AAB metadata) or ``signing-block``."""
    modules: tuple[str, ...] = ()
    """Bundle modules declaring it as a direct dependency (``dependencies.pb`` only; empty: transitive)."""


@dataclass(frozen=True)
class NestedArchive:
    """An ``.apk``, ``.jar`` or ``.dex`` stored inside the build (read one level deep)."""

    path: str
    kind: str
    size: int
    class_count: int = 0
    error: str = ""


@dataclass(frozen=True)
class SplitApk:
    """One APK of a split set (or one module of an AAB): where the build's parts came from."""

    path: str
    """Member path in the set (``splits/base-master.apk``), file name in a directory, module in an AAB."""
    split: str = ""
    """Split name from its manifest (``config.arm64_v8a``); empty for the base APK / base module."""
    module: str = "base"
    dex_count: int = 0
    native_lib_count: int = 0
    size: int = 0


@dataclass(frozen=True)
class SigningBlockEntry:
    """One ID-value pair of the APK Signing Block."""

    id: int
    name: str
    """``apk-signature-v2``, ``dependency-metadata``, ``padding``... or ``unknown``."""
    size: int


@dataclass(frozen=True)
class Deobfuscation:
    """A ProGuard/R8 mapping applied to the build's class names (see :mod:`auditor.build.mapping`)."""

    source: str
    """``BUNDLE-METADATA/com.android.tools.build.obfuscation/proguard.map`` or the user's file."""
    renamed: int
    """Classes of the build whose names the mapping restored."""
    original: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Obfuscated dotted class name -> original name (every class line of the mapping)."""
    obfuscated: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Original dotted class name -> obfuscated name (for evidence)."""


@dataclass(frozen=True)
class Build:
    """Everything read from one build, before any interpretation."""

    path: str
    sha256: str
    size: int
    format: str
    manifest: Manifest
    dex: tuple[DexSummary, ...]
    native_libs: tuple[NativeLib, ...]
    artifact_versions: tuple[ArtifactVersion, ...]
    files: tuple[str, ...]
    """Every member name of the archive (for file signatures)."""
    nested: tuple[NestedArchive, ...] = ()
    warnings: tuple[str, ...] = ()
    """Oddities worth a look (duplicate entries, names escaping the root, unparsable parts)."""
    splits: tuple[SplitApk, ...] = ()
    """The APKs of a split set / modules of an AAB the build was read from (empty for a single APK)."""
    signing_block: tuple[SigningBlockEntry, ...] = ()
    """Pairs of the APK Signing Block (single APKs; the base APK of a split set)."""
    deobfuscation: Deobfuscation | None = None
    """The mapping applied to class names, if any (``Build.dex[*].classes`` then hold original names)."""

    @property
    def class_count(self) -> int:
        return sum(d.class_count for d in self.dex)


# -- interpretation --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PermissionInfo:
    """A requested permission with its AOSP metadata."""

    name: str
    protection_level: str
    """Raw AOSP protection level at the newest known API (``dangerous``, ``signature|appop``...)."""
    kind: str
    """``dangerous``, ``special`` (app-op / special access), ``signature``, ``normal`` or ``unknown``."""
    label: str = ""
    group: str = ""
    max_sdk_version: int | None = None
    sdk23: bool = False
    occurrences: int = 1
    known: bool = True
    """Defined by AOSP (``False``: vendor or app-defined permission)."""
    removed_after_api: int | None = None
    """Last API level that still defines it, when removed from newer platforms."""

    @property
    def dangerous(self) -> bool:
        return self.kind == "dangerous"


@dataclass(frozen=True)
class Evidence:
    """One signal tying an SDK to the build."""

    kind: SignalKind
    value: str
    """What matched: a class prefix or component name, a library name, a meta-data name, a host..."""
    location: str
    """Where it was seen: ``classes2.dex``, ``lib/arm64-v8a/libfoo.so``, ``AndroidManifest.xml``."""
    count: int = 1
    """How many items matched (classes under the prefix, ABIs carrying the library...)."""
    example: str = ""
    """One concrete matching item (a class name, a symbol)."""


@dataclass(frozen=True)
class SdkHit:
    """A catalog SDK found in the build.

    Products and parts: a hit of a ``component`` entry (JCore) names in ``product`` the product it is
    grouped under in this build (JPush), and that product's hit lists it in ``parts``. Reporters that group
    parts under their product read ``product``/``parts``; a component whose products are all absent from
    the build keeps ``product=None`` and stands alone. ``kind="library"`` hits are never in
    :attr:`ScanResult.sdks` (see :attr:`ScanResult.libraries`).
    """

    sdk_id: str
    name: str
    vendor: str | None
    """The vendor's display name in English (legal name, else short name); ``None``: unknown (print
    "unknown", never the SDK's own name)."""
    category: str
    confidence: float
    """0..1; rises with each independent kind of signal."""
    evidence: tuple[Evidence, ...]
    class_count: int = 0
    versions: tuple[str, ...] = ()
    """Exact versions from version files (``META-INF/*.version``), when the SDK left any."""
    kind: SdkKind = SdkKind.PRODUCT
    product: str | None = None
    """Components: id of the product hit this part is grouped under in this build (the first of its
    ``part_of`` products present); ``None`` for products, libraries and parts whose products are absent."""
    parts: tuple[str, ...] = ()
    """Products: ids of the component hits grouped under this product in this build."""
    vendor_record: Vendor | None = None
    """The full vendor record (legal names EN/ZH, country, privacy page); ``None``: unknown."""

    @property
    def signal_kinds(self) -> frozenset[SignalKind]:
        return frozenset(e.kind for e in self.evidence)


class VendorSignal(str, Enum):
    """Independent signals that tie unclaimed code to a vendor (:mod:`auditor.detect.attribution`)."""

    PACKAGE_ROOT = "package-root"
    """The package shares its reverse-domain root (or more) with a catalog SDK's signatures."""
    INTENT_ACTION = "intent-action"
    """A manifest component of the package listens to an intent action under a vendor's package root."""
    NATIVE_LIB = "native-lib"
    """A native library that a catalog SDK ships binds (JNI) classes of the package."""
    URL_HOST = "url-host"
    """The package's code holds URLs (or bare host names) under a catalog SDK's domain."""
    REFERENCED_BY = "referenced-by"
    """A catalog SDK's code calls into or creates classes of the package (it ships with that SDK)."""


@dataclass(frozen=True)
class VendorEvidence:
    """One signal pointing unclaimed code at a vendor."""

    signal: VendorSignal
    value: str
    """What was seen: the shared package prefix, the action, the library, the host."""
    vendor: str
    """The vendor it points at (the vendor of ``sdk_id``)."""
    sdk_id: str
    """The catalog entry that makes the link (its signatures or domains)."""
    count: int = 1
    vendor_id: str = ""
    """The vendor record's id (``sdk_catalog/vendors/<id>.yaml``)."""


@dataclass(frozen=True)
class UnknownPackage:
    """Third-party code no catalog entry claims (grouped by package)."""

    package: str
    class_count: int
    dex_files: tuple[str, ...]
    example: str = ""
    likely_vendor: str = ""
    """The vendor the evidence points at ("probably <vendor>, not in the catalog"); empty: unknown."""
    likely_vendor_id: str = ""
    """Its vendor record id; empty: unknown."""
    evidence: tuple[VendorEvidence, ...] = ()
    confidence: float = 0.0
    """How strongly the evidence agrees on :attr:`likely_vendor` (0: no vendor named)."""
    components: tuple[str, ...] = ()
    """Manifest components whose class is in the package (entry points the system starts)."""
    data_access_sites: int = 0
    """Personal-data call sites whose caller is in the package (:mod:`auditor.code`)."""
    hosts: tuple[str, ...] = ()
    """Host names the package's code loads (URLs and bare host constants), sorted; at most 20."""
    classes: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """Dotted names of its classes (not written to JSON)."""


@dataclass(frozen=True)
class SourcePosition:
    """A place in the app's source, from DEX debug info (``SourceFile`` attribute and line table)."""

    file: str
    """Source file name as the compiler recorded it (``MainActivity.kt``); empty when stripped."""
    line: int | None
    """Line of the call (or of the method's first statement); ``None`` when the line table is stripped."""
    class_name: str
    """Dotted class the position is in (its package gives the source directory)."""


@dataclass(frozen=True)
class DataAccess:
    """A call site in the code that reaches personal data (see :mod:`auditor.code`)."""

    caller_class: str
    """Dotted name of the class whose method makes the call."""
    caller_method: str
    """Method name and DEX descriptor, e.g. ``onCreate(Landroid/os/Bundle;)V``."""
    dex: str
    """Dex file holding the caller (``classes2.dex``)."""
    api: str
    """The personal-data API, ``class.method`` (``android.telephony.TelephonyManager.getDeviceId``)."""
    data_type: str
    """One of :data:`auditor.vocab.DATA_TYPE_IDS`."""
    owner: str
    """Catalog SDK id owning the caller, ``app`` for the app's own code, or ``unknown``."""
    reachability: str
    """When it can run (:mod:`auditor.code.consent`): ``startup`` (at process start, before any consent
    dialog), ``self-start`` (without the user opening the app: boot, network, package broadcasts),
    ``gated`` (only behind a consent check or a vendor privacy switch, see :attr:`gate`), ``later`` (from
    another entry point, after the user acts) or ``dead``."""
    permission: str = ""
    """Permission guarding the API, if any."""
    path: tuple[str, ...] = ()
    """Entry point first, then each method down to the caller (empty when dead)."""
    via_reflection: bool = False
    """Found as a reflective call (method name as a string constant next to ``getMethod``)."""
    gate: str = ""
    """For ``gated``: the consent check or vendor switch found; for ``startup``/``self-start``: why none
    counts (e.g. no check seen on the path)."""
    repeated: bool = False
    """Runs repeatedly: a fixed-rate timer or executor, a repeating alarm, a periodic job, a self-re-posting
    Handler/Runnable, or a loop that sleeps (:mod:`auditor.code.frequency`)."""
    period_ms: int | None = None
    """The repetition period when the code states it as a constant (None: unknown or not repeated)."""
    position: SourcePosition | None = None
    """Where the caller calls the API (DEX debug info); ``None`` when unknown."""
    app_frame: str = ""
    """The first app-owned frame walking out from the call (``class.method``): where the app calls into the
    SDK, or the caller itself for the app's own call sites; empty when no app frame is on the path."""
    app_position: SourcePosition | None = None
    """Where :attr:`app_frame` makes the next call of the path (DEX debug info)."""


@dataclass(frozen=True)
class SwitchCall:
    """One call of a vendor privacy switch in the build."""

    caller: str
    """``class.method`` of the calling method."""
    value: bool | None
    """The deciding boolean argument when it is a constant (None: not constant, or the switch takes none)."""
    reachability: str
    """When the calling method runs (the values of :attr:`DataAccess.reachability`)."""


@dataclass(frozen=True)
class SwitchUse:
    """A vendor privacy switch of an SDK in the build (catalog ``privacy_switches``), and how the app uses it."""

    sdk: str
    api: str
    meaning: str
    """``auth-flag``, ``pre-init``, ``grant`` or ``defer`` (:class:`auditor.catalog.model.PrivacySwitch`)."""
    available: bool
    """The build defines the switch method (False: this SDK version predates the switch)."""
    calls: tuple[SwitchCall, ...]
    verdict: str
    """One line for people: ``JPush: no setAuth(false) before init``."""


@dataclass(frozen=True)
class CatalogInfo:
    version: str
    sha256: str
    entries: int


@dataclass(frozen=True)
class ScanResult:
    """The outcome of scanning one build. Reporters render it; nothing else mutates it."""

    build: Build
    permissions: tuple[PermissionInfo, ...]
    sdks: tuple[SdkHit, ...]
    """Products and components found (what the rules read); libraries are in :attr:`libraries`."""
    unknown_packages: tuple[UnknownPackage, ...]
    catalog: CatalogInfo
    tool_version: str
    data_access: tuple[DataAccess, ...] = ()
    libraries: tuple[SdkHit, ...] = ()
    """``kind: library`` entries found (annotations, language runtimes, AndroidX): listed apart, no rule
    reads them."""
    privacy_switches: tuple[SwitchUse, ...] = ()
    """Vendor privacy switches of the SDKs in the build (:mod:`auditor.code.switches`)."""
