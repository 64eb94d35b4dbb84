"""Who probably made third-party code that no catalog entry claims.

Each signal is independent of the others and points at a vendor through a catalog entry:

- ``package-root``: the package shares leading segments with an entry's class or component signatures.
  Package names are reverse domains, and a domain has one owner: ``com.xiaomi.network`` next to Xiaomi
  Push's ``com.xiaomi.mipush``. Three or more shared segments name that entry's vendor directly; a shared
  two-segment root only when the catalog's entries under that root mostly come from one vendor (so hosting
  namespaces such as ``com.github``, whose sub-packages belong to unrelated people, never vote);
- ``intent-action``: a manifest component of the package listens to an action under a vendor's root;
- ``native-lib``: a native library that an entry claims exports ``Java_*`` functions bound to the package;
- ``url-host``: the package's code loads URLs under an entry's domain (weak: share and login code of any
  app holds other companies' URLs, so a host alone never names a vendor);
- ``referenced-by``: code that an entry claims calls into the package or creates its objects. An SDK
  calls its own internals and the libraries it bundles; a library that several vendors' SDKs call gets one
  vote from each, and the split leaves it unnamed.

Scores combine like detection confidence (``1 - prod(1 - w)`` over distinct signal kinds, per vendor). The
best vendor is named when its score, discounted by the best competing vendor's, reaches
:data:`NAME_AT`: one structural signal (namespace or native binding) or two weaker ones that agree.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from auditor.catalog.model import Catalog, SdkEntry
from auditor.detect.matcher import Matcher
from auditor.model import VendorEvidence, VendorSignal

WEIGHTS = {
    VendorSignal.PACKAGE_ROOT: 0.5,
    VendorSignal.INTENT_ACTION: 0.4,
    VendorSignal.NATIVE_LIB: 0.6,
    VendorSignal.URL_HOST: 0.3,
    VendorSignal.REFERENCED_BY: 0.6,
}
DEEP_PREFIX_WEIGHT = 0.7
"""Package-root weight when three or more segments are shared (a product namespace, not just a domain)."""
NAME_AT = 0.5
_ROOT_DEPTH = 2
_LEGAL_WORDS = frozenset("""co co. ltd ltd. inc inc. limited llc corp corporation company gmbh ag sa the of and
    technology technologies tech information info network networks software mobile computer computers
    systems science internet digital group holdings cloud beijing shanghai shenzhen hangzhou guangzhou
    chengdu nanjing wuhan xiamen china (china) international""".split())


def vendor_key(vendor: str) -> str:
    """A comparable key for a vendor's name: its first word that is not a place or a legal form
    (``Beijing Xiaomi Mobile Software Co., Ltd.`` and ``Xiaomi`` both give ``xiaomi``)."""
    outside = re.sub(r"\([^)]*\)", " ", vendor).lower()
    for word in re.split(r"[\s,]+", outside):
        word = word.strip(".,;:")
        if word and word not in _LEGAL_WORDS:
            return word
    return vendor.strip().lower()


@dataclass(frozen=True)
class _Owner:
    sdk_id: str
    vendor_id: str
    vendor: str
    """Display name (legal name, else short name)."""
    labels: frozenset[str]
    """Lower-case names the vendor goes by (id, short and legal names' keys): matched to a root's label."""
    segments: tuple[str, ...]


def _owner(entry: SdkEntry, segments: tuple[str, ...]) -> _Owner | None:
    vendor = entry.vendor
    if vendor is None:
        return None
    labels = {vendor.id.lower(), *(vendor_key(n) for n in vendor.names()), *vendor.id.lower().split("-")}
    return _Owner(entry.id, vendor.id, vendor.display("en"), frozenset(labels), segments)


class VendorIndex:
    """Catalog signatures and vendor records arranged for attribution. Build once per catalog."""

    def __init__(self, catalog: Catalog, matcher: Matcher) -> None:
        self.matcher = matcher
        self._catalog = catalog
        self._by_root: dict[str, list[_Owner]] = defaultdict(list)
        for entry in catalog.entries:
            base = _owner(entry, ())  # the vendor's names worked out once per entry
            if base is None:
                continue
            for prefix in (*entry.signatures.classes, *entry.signatures.components):
                segments = tuple(prefix.split("$", 1)[0].split("."))
                if len(segments) >= _ROOT_DEPTH:
                    owner = _Owner(base.sdk_id, base.vendor_id, base.vendor, base.labels, segments)
                    self._by_root[".".join(segments[:_ROOT_DEPTH])].append(owner)
        self._root_owner: dict[str, _Owner | None] = {}

    def vendor_of(self, sdk_id: str) -> tuple[str, str] | None:
        """``(vendor id, display name)`` of an entry; ``None`` when its vendor is unknown."""
        entry = self._catalog.get(sdk_id)
        if entry is None or entry.vendor is None:
            return None
        return entry.vendor.id, entry.vendor.display("en")

    def by_package(self, package: str) -> tuple[_Owner, str, float] | None:
        """The entry whose signatures share the most leading segments with ``package`` (at least the
        root), the shared prefix and the weight of that evidence; ``None`` when nothing votes."""
        segments = tuple(package.split("."))
        if len(segments) < _ROOT_DEPTH:
            return None
        root = ".".join(segments[:_ROOT_DEPTH])
        best: tuple[int, _Owner] | None = None
        for owner in self._by_root.get(root, ()):
            depth = _common(segments, owner.segments)
            if best is None or depth > best[0] or (depth == best[0] and owner.sdk_id < best[1].sdk_id):
                best = (depth, owner)
        if best is None:
            return None
        depth, owner = best
        if depth > _ROOT_DEPTH:
            return owner, ".".join(segments[:depth]), DEEP_PREFIX_WEIGHT
        root_owner = self._owner_of_root(root)
        if root_owner is None:
            return None
        return root_owner, root, WEIGHTS[VendorSignal.PACKAGE_ROOT]

    def _owner_of_root(self, root: str) -> _Owner | None:
        """The entry standing for the owner of the ``root`` namespace: a vendor named like the root's domain
        label (``com.netease`` -> NetEase), else the vendor of more than half of the entries under the root;
        ``None`` when neither holds (a shared namespace such as ``com.github``)."""
        if root not in self._root_owner:
            per_entry = {o.sdk_id: o for o in self._by_root.get(root, [])}
            label = root.split(".")[-1].lower()
            named = sorted({o.vendor_id for o in per_entry.values() if label in o.labels})
            chosen = named[0] if len(named) == 1 else ""
            if not chosen and per_entry:
                vid, count = Counter(o.vendor_id for o in per_entry.values()).most_common(1)[0]
                chosen = vid if count * 2 > len(per_entry) else ""
            candidates = sorted((o for o in per_entry.values() if o.vendor_id == chosen), key=lambda o: o.sdk_id)
            self._root_owner[root] = candidates[0] if candidates else None
        return self._root_owner[root]


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@dataclass(frozen=True)
class Verdict:
    """What the evidence says about one package group."""

    vendor: str
    """The vendor named, or empty."""
    confidence: float
    evidence: tuple[VendorEvidence, ...]
    vendor_id: str = ""
    """The vendor record's id when one was named."""


def gather(index: VendorIndex, package: str, actions: Iterable[str], jni_libs: Iterable[str],
           hosts: Iterable[str], referenced_by: Counter[str] | None = None) -> list[VendorEvidence]:
    """Every signal for one package group: its name, its components' actions, the libraries that bind its
    classes, the hosts in its code and the SDKs whose code references it (entries without a known vendor
    point at nobody and give no evidence)."""
    out: list[VendorEvidence] = []
    hit = index.by_package(package)
    if hit is not None:
        owner, shared, _weight = hit
        out.append(VendorEvidence(VendorSignal.PACKAGE_ROOT, shared, owner.vendor, owner.sdk_id,
                                  vendor_id=owner.vendor_id))
    for action in sorted(set(actions)):
        action_hit = index.by_package(action.rpartition(".")[0]) if action.count(".") >= 2 else None
        if action_hit is not None and not action.startswith("android."):
            owner = action_hit[0]
            out.append(VendorEvidence(VendorSignal.INTENT_ACTION, action, owner.vendor, owner.sdk_id,
                                      vendor_id=owner.vendor_id))
    claimed: list[tuple[VendorSignal, str, str, int]] = []
    for lib, count in sorted(Counter(jni_libs).items()):
        claim = index.matcher.claim_native(lib)
        if claim is not None:
            claimed.append((VendorSignal.NATIVE_LIB, lib, claim.sdk_id, count))
    for host, count in sorted(Counter(hosts).items()):
        claim = index.matcher.claim_host(host)
        if claim is not None:
            claimed.append((VendorSignal.URL_HOST, host, claim.sdk_id, count))
    for sdk_id, count in sorted((referenced_by or Counter()).items()):
        claimed.append((VendorSignal.REFERENCED_BY, sdk_id, sdk_id, count))
    for signal, value, sdk_id, count in claimed:
        vendor = index.vendor_of(sdk_id)
        if vendor is not None:
            out.append(VendorEvidence(signal, value, vendor[1], sdk_id, count, vendor_id=vendor[0]))
    return out


def decide(evidence: list[VendorEvidence]) -> Verdict:
    """The vendor the evidence agrees on, or an empty vendor when it is too weak or split.

    One split is not a conflict: the namespace owner (``package-root``) against an SDK that merely calls the
    code (``referenced-by`` only). That is the maker's code shipped inside another vendor's SDK (a carrier's
    login SDK inside a one-tap login product): the maker is named, the shipping SDK stays in the evidence.
    """
    per_vendor: dict[str, dict[VendorSignal, float]] = defaultdict(dict)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for item in evidence:
        key = item.vendor_id or vendor_key(item.vendor)
        weight = WEIGHTS[item.signal]
        if item.signal is VendorSignal.PACKAGE_ROOT and item.value.count(".") >= _ROOT_DEPTH:
            weight = DEEP_PREFIX_WEIGHT
        kinds = per_vendor[key]
        kinds[item.signal] = max(kinds.get(item.signal, 0.0), weight)
        names[key][item.vendor] += 1
    if not per_vendor:
        return Verdict("", 0.0, tuple(evidence))
    scores = {key: _combine(kinds.values()) for key, kinds in per_vendor.items()}
    key = max(scores, key=lambda k: (scores[k], k))
    makers = [k for k, kinds in per_vendor.items() if VendorSignal.PACKAGE_ROOT in kinds]
    if len(makers) == 1 and makers[0] != key and _shipper_only(per_vendor[key]):
        key = makers[0]
    best = scores[key]
    rival = max((scores[k] for k in scores
                 if k != key and not (key in makers and _shipper_only(per_vendor[k]))), default=0.0)
    confidence = round(best * (1.0 - rival), 2)
    if confidence < NAME_AT:
        return Verdict("", confidence, tuple(evidence))
    vendor = max(names[key].items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
    return Verdict(vendor, confidence, tuple(evidence), vendor_id=key)


def _shipper_only(kinds: dict[VendorSignal, float]) -> bool:
    return set(kinds) == {VendorSignal.REFERENCED_BY}


def _combine(weights: Iterable[float]) -> float:
    remaining = 1.0
    for w in weights:
        remaining *= 1.0 - w
    return 1.0 - remaining
