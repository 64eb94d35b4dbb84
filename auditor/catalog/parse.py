"""Parse one catalog file (an SDK entry or a vendor record) into a typed value, recording every problem.

Per-file checks only: known keys, required fields, kebab-case id equal to the file name, the fixed
vocabularies (:mod:`auditor.vocab`), well-formed signatures, provenance that names real fields. Checks
across files (references, clashes) live in :mod:`auditor.catalog.validate`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from auditor.catalog.model import (
    ENTRY_FACT_FIELDS,
    SWITCH_MEANINGS,
    VENDOR_FACT_FIELDS,
    AliasSource,
    LocalText,
    PrivacySwitch,
    Provenance,
    SdkEntry,
    SdkKind,
    Signatures,
    Vendor,
)
from auditor.errors import CatalogError
from auditor.inputs import parse_yaml
from auditor.vocab import CATEGORY_IDS, DATA_TYPE_IDS

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_JAVA_NAME_RE = re.compile(r"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$")
_PERMISSION_RE = re.compile(r"^[A-Za-z][\w]*(?:\.[\w]+)+$")
_DOMAIN_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
_URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_SIGNATURE_KEYS = ("classes", "components", "meta_data", "native_libs", "files", "domains")
_ENTRY_KEYS = {
    "id", "kind", "part_of", "name", "name_zh", "aliases", "vendor", "category", "purpose", "website",
    "privacy_policy_url", "signatures", "permissions", "data_collected", "maven", "tracker", "examples",
    "provenance", "privacy_switches",
}
_ENTRY_REQUIRED = ("id", "name", "category", "signatures", "provenance")
_VENDOR_KEYS = {"id", "name", *VENDOR_FACT_FIELDS, "other_legal_names", "provenance"}
ENTRY_FIELDS_NAMEABLE = frozenset({*ENTRY_FACT_FIELDS, "vendor", "category", "name", "aliases", "signatures",
                                   "maven", "tracker", "kind"})
"""Field names a provenance item of an entry may list in ``fields``."""
RESERVED_IDS = frozenset({"app", "unknown", "platform", "sdk", "other"})
"""Ids a catalog entry may not take: call-site owners use ``app`` and ``unknown``."""

def read_yaml(name: str, raw: bytes, problems: list[str]) -> dict[str, Any] | None:
    """The top-level mapping of a YAML file, or ``None`` with a problem recorded."""
    try:
        data = parse_yaml(raw, name, "catalog file", lambda message: CatalogError([message]))
    except CatalogError as exc:
        problems.extend(exc.problems)
        return None
    if not isinstance(data, dict):
        problems.append(f"{name}: top level must be a mapping")
        return None
    return data


class _Checker:
    """Typed field access that records a problem instead of raising."""

    def __init__(self, errs: list[str]) -> None:
        self.errs = errs

    def string(self, data: dict[str, Any], key: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.errs.append(f"missing required '{key}'")
            return ""
        if not isinstance(value, str):
            self.errs.append(f"'{key}' must be a string")
            return ""
        return value.strip()

    def optional(self, data: dict[str, Any], key: str) -> str | None:
        """A string that may be absent (``None``: unknown). Present but empty is a mistake."""
        if data.get(key) is None:
            return None
        value = self.string(data, key)
        if isinstance(data[key], str) and not value:
            self.errs.append(f"'{key}' is empty: leave it out when no source says it")
        return value or None

    def url(self, data: dict[str, Any], key: str) -> str | None:
        value = self.optional(data, key)
        if value is not None and not _URL_RE.match(value):
            self.errs.append(f"'{key}' is not an http(s) URL: {value!r}")
        return value

    def strings(self, data: dict[str, Any], key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.errs.append(f"'{key}' must be a list of non-empty strings")
            return ()
        if len(set(value)) != len(value):
            self.errs.append(f"'{key}' has duplicates")
        return tuple(v.strip() for v in value)

    def maybe_strings(self, data: dict[str, Any], key: str) -> tuple[str, ...] | None:
        """A list that may be absent (``None``: unknown); an explicit ``[]`` is a fact (nothing)."""
        return self.strings(data, key) if key in data else None

    def local_text(self, data: dict[str, Any], key: str) -> LocalText | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            return LocalText(value.strip())
        if isinstance(value, dict) and isinstance(value.get("en"), str) and set(value) <= {"en", "zh"}:
            zh = value.get("zh")
            if zh is not None and not isinstance(zh, str):
                self.errs.append(f"'{key}.zh' must be a string")
                return None
            return LocalText(value["en"].strip(), zh.strip() if zh else None)
        self.errs.append(f"'{key}' must be a string or a mapping with 'en' and optional 'zh'")
        return None


def _check_id(check: _Checker, data: dict[str, Any], file: Path, errs: list[str]) -> str:
    item_id = check.string(data, "id")
    if item_id and not ID_RE.match(item_id):
        errs.append(f"id '{item_id}' is not kebab-case")
    if item_id and file.stem != item_id:
        errs.append(f"id '{item_id}' does not match the file name")
    return item_id


def _country(check: _Checker, data: dict[str, Any], key: str, errs: list[str]) -> str | None:
    country = check.optional(data, key)
    if country and not re.match(r"^[A-Z]{2}$", country):
        errs.append(f"{key} '{country}' is not an ISO 3166-1 alpha-2 code")
    return country


def parse_vendor(file: Path, raw: bytes, problems: list[str]) -> Vendor | None:
    """A vendor record from ``vendors/<id>.yaml``."""
    name = f"vendors/{file.name}"
    data = read_yaml(name, raw, problems)
    if data is None:
        return None
    errs: list[str] = []
    unknown = sorted(set(data) - _VENDOR_KEYS)
    if unknown:
        errs.append(f"unknown keys {unknown}")
    check = _Checker(errs)
    vendor = Vendor(
        id=_check_id(check, data, file, errs),
        name=check.string(data, "name"),
        name_zh=check.optional(data, "name_zh"),
        legal_name=check.optional(data, "legal_name"),
        legal_name_zh=check.optional(data, "legal_name_zh"),
        country=_country(check, data, "country", errs),
        privacy_policy_url=check.url(data, "privacy_policy_url"),
        website=check.url(data, "website"),
        other_legal_names=parse_other_legal_names(data.get("other_legal_names"), errs),
        provenance=parse_provenance(data.get("provenance"), set(VENDOR_FACT_FIELDS) | {"name"}, errs),
        path=str(file),
    )
    if {o.name for o in vendor.other_legal_names} & {vendor.legal_name, vendor.legal_name_zh}:
        errs.append("'other_legal_names' repeats the vendor's legal name")
    if errs:
        problems.extend(f"{name}: {e}" for e in errs)
        return None
    return vendor


def parse_entry(file: Path, raw: bytes, problems: list[str]) -> tuple[SdkEntry, str | None] | None:
    """An entry from ``<id>.yaml`` and the vendor id it references (resolved by the loader)."""
    name = file.name
    data = read_yaml(name, raw, problems)
    if data is None:
        return None
    errs: list[str] = []
    unknown = sorted(set(data) - _ENTRY_KEYS)
    if unknown:
        errs.append(f"unknown keys {unknown}")
    for key in _ENTRY_REQUIRED:
        if key not in data or data[key] in (None, "", [], {}):
            errs.append(f"missing required '{key}'")
    if errs:
        problems.extend(f"{name}: {e}" for e in errs)
        return None
    check = _Checker(errs)
    sdk_id = _check_id(check, data, file, errs)
    if sdk_id in RESERVED_IDS:
        errs.append(f"id '{sdk_id}' is reserved")
    category = check.string(data, "category")
    if category and category not in CATEGORY_IDS:
        errs.append(f"category '{category}' is not one of the vocabulary (auditor/vocab.py)")
    data_collected = check.maybe_strings(data, "data_collected")
    for dt in data_collected or ():
        if dt not in DATA_TYPE_IDS:
            errs.append(f"data type '{dt}' is not in the vocabulary (auditor/vocab.py)")
    permissions = check.maybe_strings(data, "permissions")
    for perm in permissions or ():
        if not _PERMISSION_RE.match(perm):
            errs.append(f"permission '{perm}' is not a full permission name")
    kind = _kind(data.get("kind", "product"), errs)
    part_of = check.strings(data, "part_of")
    if part_of and kind is not SdkKind.COMPONENT:
        errs.append(f"'part_of' is only for kind 'component' (this is a {kind.value})")
    if kind is SdkKind.COMPONENT and not part_of:
        errs.append("a component needs 'part_of' (the products it ships in)")
    vendor_id = check.optional(data, "vendor")
    signatures = _signatures(data.get("signatures"), errs)
    examples = check.strings(data, "examples")
    for example in examples:
        if signatures.restates(example):
            errs.append(f"example '{example}' restates a signature: give a real class or .so name seen in "
                        "a binary or the vendor's docs")
    aliases, alias_sources = parse_aliases(data.get("aliases"), errs)
    entry = SdkEntry(
        id=sdk_id, name=check.string(data, "name"), name_zh=check.optional(data, "name_zh"),
        kind=kind, part_of=part_of, aliases=aliases, alias_sources=alias_sources, category=category,
        purpose=check.local_text(data, "purpose"), website=check.url(data, "website"),
        privacy_policy_url=check.url(data, "privacy_policy_url"), signatures=signatures,
        permissions=permissions, data_collected=data_collected, maven=check.strings(data, "maven"),
        tracker=bool(data.get("tracker", False)), examples=examples,
        privacy_switches=parse_switches(data.get("privacy_switches"), errs),
        provenance=parse_provenance(data.get("provenance"), ENTRY_FIELDS_NAMEABLE, errs), path=str(file),
    )
    if errs:
        problems.extend(f"{name}: {e}" for e in errs)
        return None
    return entry, vendor_id


def parse_switches(value: Any, errs: list[str]) -> tuple[PrivacySwitch, ...]:
    """``privacy_switches: [{api, meaning, source, ref?, arg?}]`` (vendor consent APIs)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        errs.append("'privacy_switches' must be a list")
        return ()
    out: list[PrivacySwitch] = []
    for item in value:
        if not isinstance(item, dict) or set(item) - {"api", "meaning", "source", "ref", "arg"}:
            errs.append("each privacy switch is a mapping of api, meaning, source, ref, arg")
            continue
        api, meaning, source = item.get("api"), item.get("meaning"), item.get("source")
        arg = item.get("arg", -1)
        if not isinstance(api, str) or not _JAVA_NAME_RE.match(api):
            errs.append(f"privacy switch api {api!r} is not a dotted class.method")
        elif meaning not in SWITCH_MEANINGS:
            errs.append(f"privacy switch {api}: meaning {meaning!r} is not one of {', '.join(SWITCH_MEANINGS)}")
        elif not isinstance(source, str) or not source:
            errs.append(f"privacy switch {api}: source (provenance) missing")
        elif not isinstance(arg, int) or isinstance(arg, bool) or arg < -1:
            errs.append(f"privacy switch {api}: arg must be a parameter index")
        else:
            out.append(PrivacySwitch(api, meaning, source, str(item.get("ref", "")), arg))
    return tuple(out)


ALIAS_SOURCES = ("policy", "vendor-docs", "corpus", "registry", "manual")


def parse_aliases(value: Any, errs: list[str]) -> tuple[tuple[str, ...], tuple[AliasSource, ...]]:
    """``aliases``: plain strings (the vendor's own product names) or ``{name, source, ref}`` mappings."""
    if value is None:
        return (), ()
    if not isinstance(value, list):
        errs.append("'aliases' must be a list of names or {name, source, ref} mappings")
        return (), ()
    names: list[str] = []
    sources: list[AliasSource] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            names.append(item.strip())
            continue
        sourced = _sourced_name(item, "alias", errs)
        if sourced is None:
            errs.append("each alias must be a non-empty string or a mapping with string 'name', 'source', 'ref'")
            continue
        names.append(sourced.name)
        sources.append(sourced)
    if len(set(names)) != len(names):
        errs.append("'aliases' has duplicates")
    return tuple(names), tuple(sources)


def parse_other_legal_names(value: Any, errs: list[str]) -> tuple[AliasSource, ...]:
    """A vendor's ``other_legal_names``: ``{name, source, ref}`` mappings (each name with where it was seen)."""
    if value is None:
        return ()
    out: list[AliasSource] = []
    for item in value if isinstance(value, list) else [None]:
        sourced = _sourced_name(item, "other legal name", errs)
        if sourced is None:
            errs.append("'other_legal_names' must be a list of mappings with string 'name', 'source', 'ref'")
            continue
        out.append(sourced)
    if len({o.name for o in out}) != len(out):
        errs.append("'other_legal_names' has duplicates")
    return tuple(out)


def _sourced_name(item: Any, what: str, errs: list[str]) -> AliasSource | None:
    """A ``{name, source, ref}`` mapping (None when it is not one); an unknown source is reported."""
    if not (isinstance(item, dict) and set(item) <= {"name", "source", "ref"}
            and all(isinstance(item.get(k), str) and item[k].strip() for k in ("name", "source", "ref"))):
        return None
    if item["source"] not in ALIAS_SOURCES:
        errs.append(f"{what} '{item['name']}': source '{item['source']}' is not one of {', '.join(ALIAS_SOURCES)}")
    return AliasSource(item["name"].strip(), item["source"], item["ref"].strip())


def _kind(value: Any, errs: list[str]) -> SdkKind:
    try:
        return SdkKind(value)
    except ValueError:
        errs.append(f"kind '{value}' is not one of {', '.join(k.value for k in SdkKind)}")
        return SdkKind.PRODUCT


def _signatures(value: Any, errs: list[str]) -> Signatures:
    if not isinstance(value, dict):
        errs.append("'signatures' must be a mapping")
        return Signatures()
    unknown = sorted(set(value) - set(_SIGNATURE_KEYS))
    if unknown:
        errs.append(f"unknown signature kinds {unknown}")
    check = _Checker(errs)
    sig = Signatures(**{k: check.strings(value, k) for k in _SIGNATURE_KEYS})
    for prefix in sig.classes + sig.components:
        if not _JAVA_NAME_RE.match(prefix):
            errs.append(f"class/component signature '{prefix}' is not a dotted Java name of 2+ segments")
    for pattern in sig.native_libs:
        if "/" in pattern or not (pattern.endswith(".so") or pattern.endswith("*")):
            errs.append(f"native_libs pattern '{pattern}' must be a file-name pattern ending in .so or *")
    for domain in sig.domains:
        if not _DOMAIN_RE.match(domain):
            errs.append(f"domain '{domain}' is not a lower-case host name")
    if not sig.has_primary():
        errs.append("needs at least one class, component, meta_data, native_libs or files signature")
    return sig


def parse_provenance(value: Any, nameable: set[str] | frozenset[str], errs: list[str]) -> tuple[Provenance, ...]:
    if not isinstance(value, list) or not value:
        errs.append("'provenance' must be a non-empty list")
        return ()
    out: list[Provenance] = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("source"), str):
            errs.append("each provenance item needs a 'source'")
            continue
        unknown = sorted(set(item) - {"source", "ref", "commit", "fields"})
        fields = item.get("fields", [])
        if unknown or not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
            errs.append(f"provenance '{item['source']}': keys are source, ref, commit and fields (a list)")
            continue
        bad = sorted(set(fields) - nameable)
        if bad:
            errs.append(f"provenance '{item['source']}' names unknown fields {bad}")
        out.append(Provenance(item["source"], str(item.get("ref", "")), str(item.get("commit", "")),
                              tuple(fields)))
    return tuple(out)
