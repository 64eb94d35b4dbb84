"""Checks across catalog files: what only shows when the catalog is seen as a whole.

- one class prefix, component, meta-data name, native pattern or name/alias claimed by two entries (names, Chinese
  names and aliases compared folded and without a trailing "SDK");
- every ``vendor`` reference names a vendor record; every vendor record is used;
- ``part_of`` names existing entries that are products (so a component never points at a component or at
  itself, and the product/part graph has no cycles: it is two levels deep by construction);
- facts without a source: each fact field an entry or a vendor states is named by one of its provenance
  items (``Provenance.fields``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from auditor.catalog.model import ENTRY_FACT_FIELDS, VENDOR_FACT_FIELDS, SdkEntry, SdkKind, Vendor
from auditor.catalog.names import normalize_name


def claim_clashes(entries: Iterable[SdkEntry]) -> list[str]:
    """One signature or name claimed by two entries."""
    problems: list[str] = []
    owners: dict[tuple[str, str], str] = {}
    for entry in entries:
        keys = [("id", entry.id)]
        keys += [("class prefix", c) for c in entry.signatures.classes]
        keys += [("component", c) for c in entry.signatures.components]
        keys += [("meta-data", m) for m in entry.signatures.meta_data]
        keys += [("native pattern", n) for n in entry.signatures.native_libs]
        names = {_product_key(a) for a in (entry.name, entry.name_zh or "", *entry.aliases)}
        keys += [("name/alias", n) for n in names if n]
        for key in keys:
            other = owners.setdefault(key, entry.id)
            if other != entry.id:
                problems.append(f"{Path(entry.path).name}: {key[0]} '{key[1]}' is already claimed by '{other}'")
    return problems


_SDK_TAIL_RE = re.compile(r"(?:sdk)+$")


def _product_key(name: str) -> str:
    """A name as two entries may not share it: folded (:func:`normalize_name`), less a trailing "SDK" ("腾讯云直播
    SDK" is "腾讯云直播": one product under two entries, its classes in one and its native library in the other)."""
    return _SDK_TAIL_RE.sub("", normalize_name(name))


def vendor_references(refs: Mapping[str, str | None], vendors: Mapping[str, Vendor]) -> list[str]:
    """``refs``: entry id -> vendor id it names. Unknown vendor ids, and vendor records nobody uses."""
    problems = [f"{sdk_id}.yaml: vendor '{vendor_id}' has no record in vendors/ (add vendors/{vendor_id}.yaml)"
                for sdk_id, vendor_id in refs.items() if vendor_id and vendor_id not in vendors]
    used = {v for v in refs.values() if v}
    problems += [f"vendors/{vendor_id}.yaml: no entry names this vendor" for vendor_id in vendors
                 if vendor_id not in used]
    return problems


def part_of_references(entries: Iterable[SdkEntry]) -> list[str]:
    """``part_of`` must name existing products (never a component, a library or the entry itself)."""
    by_id = {e.id: e for e in entries}
    problems = []
    for entry in by_id.values():
        for product in entry.part_of:
            target = by_id.get(product)
            if target is None:
                problems.append(f"{entry.id}.yaml: part_of '{product}' is not a catalog entry")
            elif product == entry.id:
                problems.append(f"{entry.id}.yaml: part_of names the entry itself")
            elif target.kind is not SdkKind.PRODUCT:
                problems.append(f"{entry.id}.yaml: part_of '{product}' is a {target.kind.value}, not a product")
    return problems


def entry_facts_without_source(entry: SdkEntry) -> tuple[str, ...]:
    """Fact fields the entry states that none of its provenance items names."""
    stated = {
        "vendor": entry.vendor is not None, "name_zh": entry.name_zh is not None,
        "purpose": entry.purpose is not None, "website": entry.website is not None,
        "privacy_policy_url": entry.privacy_policy_url is not None,
        "permissions": entry.permissions is not None, "data_collected": entry.data_collected is not None,
        "part_of": bool(entry.part_of), "examples": bool(entry.examples),
    }
    assert set(stated) == {*ENTRY_FACT_FIELDS, "vendor"}
    supported = entry.supported_fields()
    return tuple(f for f, present in stated.items() if present and f not in supported)


def vendor_facts_without_source(vendor: Vendor) -> tuple[str, ...]:
    supported = {f for p in vendor.provenance for f in p.fields}
    return tuple(f for f in VENDOR_FACT_FIELDS if getattr(vendor, f) is not None and f not in supported)


def facts_without_source(entries: Iterable[SdkEntry], vendors: Iterable[Vendor]) -> list[str]:
    problems = [f"{e.id}.yaml: {', '.join(missing)} stated without a source (name it in a provenance "
                "item's 'fields', or leave the fact out)" for e in entries
                if (missing := entry_facts_without_source(e))]
    problems += [f"vendors/{v.id}.yaml: {', '.join(missing)} stated without a source" for v in vendors
                 if (missing := vendor_facts_without_source(v))]
    return problems
