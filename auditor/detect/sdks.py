"""SDK detection: every signal in the build checked against the catalog, evidence kept, confidence scored.

Signals and where they come from:
- classes defined in any dex (``Build.dex[*].classes``, original names when an R8 mapping was applied;
  the example then also names the obfuscated class): :data:`SignalKind.CLASS`;
- manifest components and ``<meta-data>`` names: ``COMPONENT``, ``META_DATA``;
- native library names and their exported ``Java_*`` symbols: ``NATIVE_LIB``, ``JNI_SYMBOL``;
- ``META-INF/*.version`` / ``*.properties`` Maven coordinates: ``VERSION_FILE``;
- archive paths (assets, root files): ``FILE``;
- URL hosts in dex strings: ``DOMAIN`` -- supporting only: it raises the confidence of an SDK already
  found, never reports one by itself (SDK domains appear in plenty of unrelated code, e.g. share links).
  JNI symbols in a library that another SDK's signature claims are supporting only too (vendors share
  native code: Baidu's map library binds navigation-SDK classes that the build may not contain).

Products and parts (:func:`group_parts`): a component hit (JCore) is grouped under the first product of its
``part_of`` that the build contains (JPush); that product's hit lists it in ``parts``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from auditor.build.native import jni_symbol_class
from auditor.catalog.model import Catalog, SdkKind
from auditor.detect.matcher import Claim, Matcher
from auditor.model import Build, Evidence, SdkHit, SignalKind

_WEIGHTS = {
    SignalKind.CLASS: 0.6,
    SignalKind.COMPONENT: 0.5,
    SignalKind.META_DATA: 0.4,
    SignalKind.NATIVE_LIB: 0.5,
    SignalKind.JNI_SYMBOL: 0.6,
    SignalKind.VERSION_FILE: 0.8,
    SignalKind.FILE: 0.3,
    SignalKind.DOMAIN: 0.2,
}
_MANY_CLASSES = 10


@dataclass
class _Tally:
    """Evidence collected for one SDK: (kind, signature, location) -> [count, example]."""

    items: dict[tuple[SignalKind, str, str], list[object]]
    classes: int = 0
    versions: set[str] | None = None

    def add(self, kind: SignalKind, signature: str, location: str, example: str) -> None:
        slot = self.items.setdefault((kind, signature, location), [0, example])
        slot[0] = int(slot[0]) + 1  # type: ignore[call-overload]


def detect_sdks(build: Build, catalog: Catalog, matcher: Matcher) -> tuple[SdkHit, ...]:
    """Every catalog SDK with at least one primary signal in ``build``, sorted by id."""
    tallies: dict[str, _Tally] = defaultdict(lambda: _Tally({}))

    def record(claim: Claim | None, kind: SignalKind, location: str, example: str) -> None:
        if claim is not None:
            tallies[claim.sdk_id].add(kind, claim.signature, location, example)

    obfuscated = build.deobfuscation.obfuscated if build.deobfuscation is not None else {}
    for dex in build.dex:
        for name in dex.classes:
            claim = matcher.claim_class(name)
            if claim is not None:
                example = f"{name} (obfuscated: {obfuscated[name]})" if name in obfuscated else name
                tallies[claim.sdk_id].add(SignalKind.CLASS, claim.signature, dex.path, example)
                tallies[claim.sdk_id].classes += 1
    manifest = build.manifest
    for comp in manifest.components:
        record(matcher.claim_component(comp.name), SignalKind.COMPONENT, "AndroidManifest.xml", comp.name)
    for meta in manifest.meta_data:
        record(matcher.claim_meta_data(meta.name), SignalKind.META_DATA, "AndroidManifest.xml", meta.name)
    foreign_jni: list[tuple[Claim, str, str]] = []
    for lib in build.native_libs:
        lib_claim = matcher.claim_native(lib.name)
        record(lib_claim, SignalKind.NATIVE_LIB, lib.path, lib.name)
        for symbol in lib.jni_symbols:
            owner = jni_symbol_class(symbol)
            claim = matcher.claim_class(owner) if owner else None
            if claim is not None and lib_claim is not None and claim.sdk_id != lib_claim.sdk_id:
                # a library of SDK A binding classes of SDK B (vendors share native code): support only
                foreign_jni.append((claim, lib.path, symbol))
            else:
                record(claim, SignalKind.JNI_SYMBOL, lib.path, symbol)
    for art in build.artifact_versions:
        claim = matcher.claim_artifact(art.group, art.artifact)
        if claim is not None:
            tally = tallies[claim.sdk_id]
            tally.add(SignalKind.VERSION_FILE, f"{art.group}:{art.artifact}", art.path, art.version)
            tally.versions = (tally.versions or set()) | {art.version}
    for path in build.files:
        record(matcher.claim_file(path), SignalKind.FILE, path, path)
    primary = {sdk_id for sdk_id, tally in tallies.items() if tally.items}
    for claim, location, symbol in foreign_jni:
        if claim.sdk_id in primary:
            tallies[claim.sdk_id].add(SignalKind.JNI_SYMBOL, claim.signature, location, symbol)
    for dex in build.dex:
        for host in dex.url_hosts:
            claim = matcher.claim_host(host)
            if claim is not None and claim.sdk_id in primary:
                tallies[claim.sdk_id].add(SignalKind.DOMAIN, claim.signature, dex.path, host)
    hits = [_hit(catalog, sdk_id, tally) for sdk_id, tally in tallies.items() if sdk_id in primary]
    return group_parts(tuple(sorted(hits, key=lambda h: h.sdk_id)), catalog)


def group_parts(hits: tuple[SdkHit, ...], catalog: Catalog) -> tuple[SdkHit, ...]:
    """Set ``product`` on component hits and ``parts`` on product hits, by the catalog's ``part_of``."""
    present = {h.sdk_id for h in hits}
    product_of: dict[str, str] = {}
    for hit in hits:
        entry = catalog[hit.sdk_id]
        if entry.kind is SdkKind.COMPONENT:
            product = next((p for p in entry.part_of if p in present), None)
            if product is not None:
                product_of[hit.sdk_id] = product
    parts: dict[str, list[str]] = defaultdict(list)
    for part, product in product_of.items():
        parts[product].append(part)
    return tuple(replace(h, product=product_of.get(h.sdk_id), parts=tuple(sorted(parts.get(h.sdk_id, ()))))
                 for h in hits)


def split_libraries(hits: tuple[SdkHit, ...]) -> tuple[tuple[SdkHit, ...], tuple[SdkHit, ...]]:
    """(products and components, libraries)."""
    return (tuple(h for h in hits if h.kind is not SdkKind.LIBRARY),
            tuple(h for h in hits if h.kind is SdkKind.LIBRARY))


def _hit(catalog: Catalog, sdk_id: str, tally: _Tally) -> SdkHit:
    entry = catalog[sdk_id]
    evidence = tuple(sorted(
        (Evidence(kind, signature, location, int(slot[0]), str(slot[1]))  # type: ignore[call-overload]
         for (kind, signature, location), slot in tally.items.items()),
        key=lambda e: (list(SignalKind).index(e.kind), e.location, e.value),
    ))
    return SdkHit(
        sdk_id=sdk_id,
        name=entry.name,
        vendor=entry.vendor_name(),
        category=entry.category,
        confidence=confidence(evidence),
        evidence=evidence,
        class_count=tally.classes,
        versions=tuple(sorted(tally.versions or ())),
        kind=entry.kind,
        vendor_record=entry.vendor,
    )


def confidence(evidence: tuple[Evidence, ...]) -> float:
    """``1 - prod(1 - w)`` over the distinct signal kinds; many classes count more than a few."""
    remaining = 1.0
    for kind in {e.kind for e in evidence}:
        weight = _WEIGHTS[kind]
        if kind is SignalKind.CLASS and sum(e.count for e in evidence if e.kind is kind) >= _MANY_CLASSES:
            weight = 0.8
        remaining *= 1.0 - weight
    return round(1.0 - remaining, 2)
