"""Load ``sdk_catalog/*.yaml`` into a :class:`Catalog`, collecting every problem before failing once.

Per-file checks: known keys only, required fields, id = file name, category and data types from the fixed
vocabularies, well-formed signatures. Whole-catalog checks: unique ids, no class prefix, component,
meta-data name, native pattern or alias claimed by two entries. Example self-tests (each entry detects
its own examples and nothing else claims them) live in :mod:`auditor.catalog.selftest`, because they need
the matcher.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.catalog.model import Catalog, LocalText, Provenance, SdkEntry, Signatures
from auditor.errors import CatalogError
from auditor.vocab import CATEGORY_IDS, DATA_TYPE_IDS

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_JAVA_NAME_RE = re.compile(r"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$")
_PERMISSION_RE = re.compile(r"^[A-Za-z][\w]*(?:\.[\w]+)+$")
_DOMAIN_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
_SIGNATURE_KEYS = ("classes", "components", "meta_data", "native_libs", "files", "domains")
_TOP_KEYS = {
    "id", "name", "aliases", "vendor", "vendor_country", "category", "purpose", "website",
    "privacy_policy_url", "signatures", "permissions", "data_collected", "maven", "tracker",
    "examples", "provenance",
}
_REQUIRED = ("id", "name", "vendor", "category", "signatures", "examples", "provenance")
META_FILE = "_meta.yaml"
COMPILED_FILE = "_compiled.json"
"""A parsed copy of a valid catalog, keyed by the hash of its YAML files: used only while the hash matches
(loading 1,600 YAML files costs more than the rest of a small scan). ``tools/catalog/compile_catalog.py``."""
RESERVED_IDS = frozenset({"app", "unknown", "platform", "sdk", "other"})
"""Ids a catalog entry may not take: call-site owners use ``app`` and ``unknown``."""


def default_catalog_path() -> Path:
    """The catalog shipped in the wheel (the ``sdk_catalog`` package)."""
    return Path(str(resources.files("sdk_catalog")))


def normalize_name(name: str) -> str:
    """Fold a product name for comparison: case, spaces, punctuation, full-width brackets."""
    return re.sub(r"[\s\-_.,'·()（）【】\[\]/]+", "", name.casefold())


def load_catalog(path: Path | str | None = None) -> Catalog:
    """Load and validate the catalog in directory ``path`` (default: the bundled one).

    Raises :class:`CatalogError` listing every problem found, each prefixed by its file name.
    """
    root = Path(path) if path is not None else default_catalog_path()
    if not root.is_dir():
        raise CatalogError([f"{root}: not a directory"])
    files = sorted(p for p in root.iterdir() if p.suffix == ".yaml" and p.name != META_FILE)
    if not files:
        raise CatalogError([f"{root}: no *.yaml catalog entries"])
    problems: list[str] = []
    digest = hashlib.sha256()
    raws = []
    for file in files:
        raw = file.read_bytes()
        digest.update(file.name.encode() + b"\0" + raw + b"\0")
        raws.append((file, raw))
    version = _load_version(root, digest, problems)
    compiled = _read_compiled(root, digest.hexdigest()) if not problems else None
    if compiled is not None:
        return Catalog(entries=compiled, version=version, sha256=digest.hexdigest(), source=str(root))
    entries: list[SdkEntry] = []
    for file, raw in raws:
        entry = _load_entry(file, raw, problems)
        if entry is not None:
            entries.append(entry)
    problems.extend(_cross_check(entries))
    if problems:
        raise CatalogError(problems)
    return Catalog(entries=tuple(entries), version=version, sha256=digest.hexdigest(), source=str(root))


def compile_catalog(root: Path) -> Path:
    """Validate the catalog in ``root`` and write its parsed form next to it (see :data:`COMPILED_FILE`)."""
    catalog = load_catalog(root)
    entries = []
    for entry in catalog.entries:
        data = asdict(entry)
        data["path"] = Path(entry.path).name
        entries.append(data)
    target = root / COMPILED_FILE
    target.write_text(json.dumps({"source_sha256": catalog.sha256, "entries": entries}, ensure_ascii=False,
                                 separators=(",", ":")) + "\n", encoding="utf-8")
    return target


def _read_compiled(root: Path, sha256: str) -> tuple[SdkEntry, ...] | None:
    path = root / COMPILED_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("source_sha256") != sha256:
        return None
    try:
        return tuple(_entry_from_dict(root, item) for item in doc["entries"])
    except (KeyError, TypeError, ValueError):
        return None


def _entry_from_dict(root: Path, d: dict[str, Any]) -> SdkEntry:
    def text(v: Any) -> LocalText | None:
        return LocalText(v["en"], v.get("zh")) if v else None

    sig = d["signatures"]
    return SdkEntry(
        id=d["id"], name=d["name"], vendor=text(d["vendor"]) or LocalText(""), category=d["category"],
        signatures=Signatures(**{k: tuple(v) for k, v in sig.items()}),
        examples=tuple(d["examples"]),
        provenance=tuple(Provenance(p["source"], p["ref"], p["commit"]) for p in d["provenance"]),
        aliases=tuple(d["aliases"]), vendor_country=d["vendor_country"], purpose=text(d["purpose"]),
        website=d["website"], privacy_policy_url=d["privacy_policy_url"], permissions=tuple(d["permissions"]),
        data_collected=tuple(d["data_collected"]), maven=tuple(d["maven"]), tracker=d["tracker"],
        path=str(root / d["path"]),
    )


def _load_version(root: Path, digest: Any, problems: list[str]) -> str:
    meta = root / META_FILE
    if not meta.is_file():
        return "unversioned"
    raw = meta.read_bytes()
    digest.update(meta.name.encode() + b"\0" + raw + b"\0")
    try:
        data = yaml.load(raw, Loader=_Loader)
    except yaml.YAMLError as exc:
        problems.append(f"{meta.name}: not valid YAML: {_one_line(exc)}")
        return "invalid"
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        problems.append(f"{meta.name}: needs a string 'version'")
        return "invalid"
    return str(data["version"])


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _load_entry(file: Path, raw: bytes, problems: list[str]) -> SdkEntry | None:
    name = file.name
    try:
        data = yaml.load(raw, Loader=_Loader)
    except yaml.YAMLError as exc:
        problems.append(f"{name}: not valid YAML: {_one_line(exc)}")
        return None
    if not isinstance(data, dict):
        problems.append(f"{name}: top level must be a mapping")
        return None
    errs: list[str] = []
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        errs.append(f"unknown keys {unknown}")
    for key in _REQUIRED:
        if key not in data or data[key] in (None, "", [], {}):
            errs.append(f"missing required '{key}'")
    if errs:
        problems.extend(f"{name}: {e}" for e in errs)
        return None
    check = _Checker(errs)
    sdk_id = check.string(data, "id")
    if sdk_id and not _ID_RE.match(sdk_id):
        errs.append(f"id '{sdk_id}' is not kebab-case")
    if sdk_id in RESERVED_IDS:
        errs.append(f"id '{sdk_id}' is reserved")
    if sdk_id and file.stem != sdk_id:
        errs.append(f"id '{sdk_id}' does not match the file name")
    category = check.string(data, "category")
    if category and category not in CATEGORY_IDS:
        errs.append(f"category '{category}' is not one of the vocabulary (auditor/vocab.py)")
    data_collected = check.strings(data, "data_collected")
    for dt in data_collected:
        if dt not in DATA_TYPE_IDS:
            errs.append(f"data type '{dt}' is not in the vocabulary (auditor/vocab.py)")
    permissions = check.strings(data, "permissions")
    for perm in permissions:
        if not _PERMISSION_RE.match(perm):
            errs.append(f"permission '{perm}' is not a full permission name")
    signatures = _signatures(data.get("signatures"), errs)
    examples = check.strings(data, "examples")
    provenance = _provenance(data.get("provenance"), errs)
    country = check.string(data, "vendor_country", required=False)
    if country and not re.match(r"^[A-Z]{2}$", country):
        errs.append(f"vendor_country '{country}' is not an ISO 3166-1 alpha-2 code")
    entry = SdkEntry(
        id=sdk_id,
        name=check.string(data, "name"),
        aliases=check.strings(data, "aliases"),
        vendor=check.local_text(data, "vendor") or LocalText(""),
        vendor_country=country,
        category=category,
        purpose=check.local_text(data, "purpose"),
        website=check.string(data, "website", required=False),
        privacy_policy_url=check.string(data, "privacy_policy_url", required=False),
        signatures=signatures,
        permissions=permissions,
        data_collected=data_collected,
        maven=check.strings(data, "maven"),
        tracker=bool(data.get("tracker", False)),
        examples=examples,
        provenance=provenance,
        path=str(file),
    )
    if errs:
        problems.extend(f"{name}: {e}" for e in errs)
        return None
    return entry


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


def _provenance(value: Any, errs: list[str]) -> tuple[Provenance, ...]:
    if not isinstance(value, list) or not value:
        errs.append("'provenance' must be a non-empty list")
        return ()
    out: list[Provenance] = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("source"), str):
            errs.append("each provenance item needs a 'source'")
            continue
        out.append(Provenance(item["source"], str(item.get("ref", "")), str(item.get("commit", ""))))
    return tuple(out)


def _cross_check(entries: Iterable[SdkEntry]) -> list[str]:
    """Problems that only show across entries: one signature or alias claimed twice."""
    problems: list[str] = []
    owners: dict[tuple[str, str], str] = {}
    for entry in entries:
        keys = [("id", entry.id)]
        keys += [("class prefix", c) for c in entry.signatures.classes]
        keys += [("component", c) for c in entry.signatures.components]
        keys += [("meta-data", m) for m in entry.signatures.meta_data]
        keys += [("native pattern", n) for n in entry.signatures.native_libs]
        names = {normalize_name(a) for a in (entry.name, *entry.aliases)}
        keys += [("name/alias", n) for n in names if n]
        for key in keys:
            other = owners.setdefault(key, entry.id)
            if other != entry.id:
                problems.append(
                    f"{Path(entry.path).name}: {key[0]} '{key[1]}' is already claimed by '{other}'"
                )
    return problems
