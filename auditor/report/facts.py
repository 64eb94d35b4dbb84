"""What reports may state about an SDK as fact: the one adapter between the catalog and every report.

A catalog entry holds detection signatures and, where a source gives them, facts from the vendor's own
documentation (Chinese product name, the vendor record's legal names, purpose, privacy-policy link, data
collected, permissions), each with provenance. Reports print those facts in public filings, so a fact no
source gives is ``None`` here, never an empty string and never a guess, and every reporter prints ``None``
as "unknown" / "待补充".

Products and parts: a component (JCore) is reported under the product it ships in. The scan says which
product a part was grouped under in this build (``SdkHit.product``); for SDK ids the scan did not group
(call-site owners, policy rows) the catalog's first ``part_of`` is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from auditor.catalog.model import Catalog, SdkEntry, SdkKind
from auditor.model import SdkHit
from auditor.vocab import CATEGORIES


@dataclass(frozen=True)
class SdkFacts:
    """Facts about one catalog SDK, each ``None`` when no source gives it."""

    sdk_id: str
    name: str
    """Display name (the catalog's ``name``)."""
    name_zh: str | None
    """Chinese product name (极光推送) when a source gives one."""
    vendor_id: str | None
    vendor_en: str | None
    """The vendor's legal name in English (else its short name); ``None``: unknown."""
    vendor_zh: str | None
    """The vendor's Chinese legal name (else its English legal name, else a short name); ``None``: unknown."""
    category: str
    purpose_en: str | None
    """The vendor's own statement of purpose; ``None`` when no source gives one."""
    purpose_zh: str | None
    privacy_url: str | None
    """The SDK's privacy policy, else its vendor's."""
    data_collected: tuple[str, ...] | None
    """Data types by the vendor's own account; ``None``: no source says (not "nothing")."""
    permissions: tuple[str, ...] | None
    maven: tuple[str, ...]
    part_of: tuple[str, ...]
    """Ids of the products this component ships in (empty for a product)."""
    product: str
    """Id of the product this SDK is reported under (its own id for a product, or a part standing alone)."""
    is_component: bool

    def display_name(self, lang: str) -> str:
        return (self.name_zh or self.name) if lang == "zh" else self.name

    def vendor(self, lang: str) -> str | None:
        return self.vendor_zh if lang == "zh" else self.vendor_en

    def purpose(self, lang: str) -> str | None:
        return (self.purpose_zh or self.purpose_en) if lang == "zh" else self.purpose_en

    def category_label(self, lang: str) -> str:
        for term in CATEGORIES:
            if term.id == self.category:
                return term.zh if lang == "zh" else term.en
        return self.category


def sdk_facts(entry: SdkEntry, product: str | None = None) -> SdkFacts:
    """The facts of one entry. ``product``: the product it is reported under in the build (default: the
    first product it ships in)."""
    purpose = entry.purpose
    vendor = entry.vendor
    return SdkFacts(
        sdk_id=entry.id, name=entry.name, name_zh=entry.name_zh,
        vendor_id=vendor.id if vendor else None,
        vendor_en=vendor.display("en") if vendor else None, vendor_zh=vendor.display("zh") if vendor else None,
        category=entry.category,
        purpose_en=purpose.en if purpose and purpose.en else None,
        purpose_zh=purpose.zh if purpose and purpose.zh else None,
        privacy_url=entry.policy_url(), data_collected=entry.data_collected, permissions=entry.permissions,
        maven=tuple(entry.maven), part_of=tuple(entry.part_of),
        product=product or (entry.part_of[0] if entry.part_of else entry.id),
        is_component=entry.kind is SdkKind.COMPONENT,
    )


@dataclass(frozen=True)
class CatalogFacts:
    """Facts for the SDKs of one scan (and the products they are parts of), looked up once."""

    by_id: Mapping[str, SdkFacts]

    def get(self, sdk_id: str) -> SdkFacts | None:
        return self.by_id.get(sdk_id)

    def product_of(self, sdk_id: str) -> str:
        facts = self.by_id.get(sdk_id)
        return facts.product if facts else sdk_id


def catalog_facts(catalog: Catalog, hits: Iterable[SdkHit] = (), extra: Iterable[str] = ()) -> CatalogFacts:
    """Facts of the SDKs in ``hits``, grouped as the scan grouped them, of their products, and of the
    ``extra`` ids (SDKs a policy names)."""
    out: dict[str, SdkFacts] = {}
    pending = [(i, i) for i in extra] + [(h.sdk_id, h.product or h.sdk_id) for h in hits]
    while pending:
        sdk_id, product = pending.pop()
        entry = catalog.get(sdk_id)
        if entry is None or sdk_id in out:
            continue
        out[sdk_id] = sdk_facts(entry, product)
        pending.extend((p, p) for p in entry.part_of if p not in out)
    return CatalogFacts(MappingProxyType(out))
