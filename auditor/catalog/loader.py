"""Load ``sdk_catalog/`` into a :class:`Catalog`, collecting every problem before failing once.

Layout of a catalog directory:
- ``<id>.yaml``: one SDK entry each (parsed by :mod:`auditor.catalog.parse`);
- ``vendors/<id>.yaml``: one vendor record each, referenced by entries' ``vendor: <id>``;
- ``_meta.yaml``: the catalog version; ``_compiled.json``: a parsed copy (see :data:`COMPILED_FILE`).

Whole-catalog checks are in :mod:`auditor.catalog.validate`. Example self-tests (each entry detects its own
examples and nothing else claims them) live in :mod:`auditor.catalog.selftest`, because they need the
matcher.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from auditor.catalog import freshness, validate
from auditor.catalog.model import (
    AliasSource,
    Catalog,
    LocalText,
    PrivacySwitch,
    Provenance,
    SdkEntry,
    SdkKind,
    Signatures,
    Vendor,
)
from auditor.catalog.names import normalize_name
from auditor.catalog.parse import RESERVED_IDS, parse_entry, parse_vendor, read_yaml
from auditor.errors import CatalogError, ConfigError
from auditor.inputs import parse_json, read_bytes
from auditor.outputs import write_atomic
from auditor.sanitize import display_path

__all__ = ["COMPILED_FILE", "META_FILE", "RESERVED_IDS", "VENDORS_DIR", "compile_catalog", "default_catalog_path",
           "load_catalog", "normalize_name"]

META_FILE = "_meta.yaml"
VENDORS_DIR = "vendors"
COMPILED_FILE = "_compiled.json"
"""A parsed copy of a valid catalog, keyed by the hash of its YAML files: used only while the hash matches
(loading 1,600 YAML files costs more than the rest of a small scan). ``tools/catalog/compile_catalog.py``."""


def default_catalog_path() -> Path:
    """The catalog shipped in the wheel (the ``sdk_catalog`` package)."""
    return Path(str(resources.files("sdk_catalog")))


MAX_ENTRY_FILE = 1024 * 1024
"""Largest catalog YAML file (an entry is a few KB)."""
MAX_COMPILED_FILE = 256 * 1024 * 1024
MAX_FILES = 50_000
"""Most ``*.yaml`` files read from one catalog directory (vendors included)."""


def load_catalog(path: Path | str | None = None, use_compiled: bool = True) -> Catalog:
    """Load and validate the catalog in directory ``path`` (default: the bundled one).

    ``use_compiled``: take the parsed copy (:data:`COMPILED_FILE`) when it matches the YAML files and is
    intact; otherwise (or when False) every YAML file is parsed and validated. Which YAML files the copy
    must match is known from their status alone while none changed since they were last hashed
    (:mod:`auditor.catalog.freshness`); the copy's own digest is checked on every load.
    Raises :class:`CatalogError` listing every problem found, each prefixed by its file name.
    """
    root = Path(path) if path is not None else default_catalog_path()
    if not root.is_dir():
        raise CatalogError([f"{display_path(root)}: not a directory"])
    files = _yaml_files(root, exclude=META_FILE)
    if not files:
        raise CatalogError([f"{display_path(root)}: no *.yaml catalog entries"])
    vendor_files = _yaml_files(root / VENDORS_DIR)
    if len(files) + len(vendor_files) > MAX_FILES:
        raise CatalogError([f"{display_path(root)}: more than {MAX_FILES} catalog files"])
    labelled = [(f.name, f) for f in files] + [(f"{VENDORS_DIR}/{f.name}", f) for f in vendor_files]
    snap = None
    if use_compiled:  # unchanged files (by their status) and an intact parsed copy: no YAML read at all
        meta = [(META_FILE, root / META_FILE)] if (root / META_FILE).is_file() else []
        snap = freshness.snapshot(labelled + meta)
        known = freshness.recall(root, snap) if snap is not None else None
        compiled = _read_compiled(root, known[0]) if known is not None else None
        if known is not None and compiled is not None:
            return Catalog(entries=compiled[1], version=known[1], sha256=known[0], source=str(root),
                           vendors=compiled[0])
    problems: list[str] = []
    digest = hashlib.sha256()
    raws = []
    for label, file in labelled:
        raw = _read(file, label, MAX_ENTRY_FILE, problems)
        digest.update(label.encode() + b"\0" + raw + b"\0")
        raws.append((file, raw))
    version = _load_version(root, digest, problems)
    compiled = _read_compiled(root, digest.hexdigest()) if use_compiled and not problems else None
    if compiled is not None:
        freshness.remember(root, snap, digest.hexdigest(), version)
        compiled_vendors, compiled_entries = compiled
        return Catalog(entries=compiled_entries, version=version, sha256=digest.hexdigest(), source=str(root),
                       vendors=compiled_vendors)
    vendors_by_id = {v.id: v for file, raw in raws[len(files):] if raw and (v := parse_vendor(file, raw, problems))}
    refs: dict[str, str | None] = {}
    entries: list[SdkEntry] = []
    for file, raw in raws[:len(files)]:
        parsed = parse_entry(file, raw, problems) if raw else None
        if parsed is not None:
            entry, vendor_id = parsed
            refs[entry.id] = vendor_id
            vendor = vendors_by_id.get(vendor_id) if vendor_id else None
            entries.append(dataclasses.replace(entry, vendor=vendor) if vendor else entry)
    problems.extend(validate.claim_clashes(entries))
    problems.extend(validate.vendor_references(refs, vendors_by_id))
    problems.extend(validate.part_of_references(entries))
    problems.extend(validate.facts_without_source(entries, vendors_by_id.values()))
    if problems:
        raise CatalogError(problems)
    return Catalog(entries=tuple(entries), version=version, sha256=digest.hexdigest(), source=str(root),
                   vendors=tuple(vendors_by_id.values()))


def _read(file: Path, label: str, max_bytes: int, problems: list[str]) -> bytes:
    """A catalog file's bytes (regular file, bounded); ``b""`` with a problem recorded when unreadable."""
    try:
        return read_bytes(file, "catalog file", max_bytes, lambda message: CatalogError([message]))
    except CatalogError as exc:
        problems.extend(p.replace(display_path(file), label, 1) for p in exc.problems)
        return b""


def compiled_problems(catalog: Catalog) -> list[str]:
    """Why the parsed copy next to ``catalog``'s YAML files would not be used (empty: it is used)."""
    root = Path(catalog.source)
    if not (root / COMPILED_FILE).is_file():
        return []
    if _read_compiled(root, catalog.sha256) is None:
        return [f"{COMPILED_FILE}: does not match the YAML files (stale or edited; it is ignored): run "
                f"tools/catalog/compile_catalog.py"]
    return []


def _yaml_files(directory: Path, exclude: str = "") -> list[Path]:
    """``*.yaml`` files directly in ``directory``, by name (plain strings: sorting Paths costs 10x more)."""
    if not directory.is_dir():
        return []
    try:
        names = sorted(e.name for e in os.scandir(directory) if e.name.endswith(".yaml") and e.name != exclude)
    except OSError as exc:  # an unreadable directory
        raise CatalogError([f"{display_path(directory)}: cannot list the catalog ({exc.strerror or exc})"]) from None
    return [directory / name for name in names]


def compile_catalog(root: Path) -> Path:
    """Validate the catalog in ``root`` and write its parsed form next to it (see :data:`COMPILED_FILE`)."""
    catalog = load_catalog(root)
    vendors = []
    for vendor in catalog.vendors:
        data = asdict(vendor)
        data["path"] = Path(vendor.path).name
        vendors.append(data)
    entries = []
    for entry in catalog.entries:
        data = asdict(entry)
        data["path"] = Path(entry.path).name
        data["vendor"] = entry.vendor.id if entry.vendor else None
        data["kind"] = entry.kind.value
        entries.append(data)
    target = root / COMPILED_FILE
    # One JSON object whose two digests come first, in a fixed layout; the rest (vendors and entries, as
    # written) is what payload_sha256 covers, so reading checks it by hashing bytes, not re-encoding JSON.
    body = json.dumps({"vendors": vendors, "entries": entries}, ensure_ascii=False, separators=(",", ":"))
    rest = (body[1:] + "\n").encode("utf-8", "surrogatepass")
    head = _compiled_head(catalog.sha256) + _payload_digest(catalog.sha256, rest).encode() + b'",'
    write_atomic(target, head + rest)
    return target


def _compiled_head(source_sha256: str) -> bytes:
    return f'{{"source_sha256":"{source_sha256}","payload_sha256":"'.encode()


def _payload_digest(source_sha256: str, rest: bytes) -> str:
    """Binds the parsed copy to the YAML files it was made from: an edited copy no longer matches."""
    return hashlib.sha256(source_sha256.encode() + b"\0" + rest).hexdigest()


def _read_compiled(root: Path, sha256: str) -> tuple[tuple[Vendor, ...], tuple[SdkEntry, ...]] | None:
    """The parsed copy when it was made from exactly these YAML files and was not edited since."""
    path = root / COMPILED_FILE
    head = _compiled_head(sha256)
    try:
        raw = read_bytes(path, "compiled catalog", MAX_COMPILED_FILE)
        start = len(head) + 66  # the payload digest (64 hex digits) and '",'
        if not raw.startswith(head) or raw[start - 2:start] != b'",':
            return None  # made from other YAML files, or not laid out as compile_catalog writes it
        if raw[len(head):start - 2] != _payload_digest(sha256, raw[start:]).encode():
            return None  # edited since it was made
        doc = parse_json(raw.decode("utf-8"), str(path), "compiled catalog")
    except (ConfigError, UnicodeDecodeError):
        return None
    try:
        vendors = {v["id"]: _vendor_from_dict(root, v) for v in doc["vendors"]}
        return tuple(vendors.values()), tuple(_entry_from_dict(str(root), item, vendors) for item in doc["entries"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _provenance(items: list[dict[str, Any]]) -> tuple[Provenance, ...]:
    return tuple(Provenance(p["source"], p["ref"], p["commit"], tuple(p["fields"])) for p in items)


def _vendor_from_dict(root: Path, d: dict[str, Any]) -> Vendor:
    return Vendor(**{**d, "provenance": _provenance(d["provenance"]),
                     "other_legal_names": tuple(AliasSource(**o) for o in d.get("other_legal_names", ())),
                     "path": str(root / VENDORS_DIR / d["path"])})


def _entry_from_dict(root: str, d: dict[str, Any], vendors: dict[str, Vendor]) -> SdkEntry:
    def text(v: Any) -> LocalText | None:
        return LocalText(v["en"], v.get("zh")) if v else None

    def maybe(v: list[str] | None) -> tuple[str, ...] | None:
        return tuple(v) if v is not None else None

    return SdkEntry(
        id=d["id"], name=d["name"], name_zh=d["name_zh"], kind=SdkKind(d["kind"]), part_of=tuple(d["part_of"]),
        vendor=vendors[d["vendor"]] if d["vendor"] else None, category=d["category"],
        signatures=Signatures(**{k: tuple(v) for k, v in d["signatures"].items()}),
        examples=tuple(d["examples"]), provenance=_provenance(d["provenance"]), aliases=tuple(d["aliases"]),
        alias_sources=tuple(AliasSource(**a) for a in d.get("alias_sources", [])),
        purpose=text(d["purpose"]), website=d["website"], privacy_policy_url=d["privacy_policy_url"],
        permissions=maybe(d["permissions"]), data_collected=maybe(d["data_collected"]),
        maven=tuple(d["maven"]), tracker=d["tracker"],
        privacy_switches=tuple(PrivacySwitch(**p) for p in d.get("privacy_switches", ())),
        path=os.path.join(root, d["path"]),
    )


def _load_version(root: Path, digest: Any, problems: list[str]) -> str:
    meta = root / META_FILE
    if not meta.is_file():
        return "unversioned"
    raw = _read(meta, meta.name, MAX_ENTRY_FILE, problems)
    digest.update(meta.name.encode() + b"\0" + raw + b"\0")
    data = read_yaml(meta.name, raw, problems)
    if data is None:
        return "invalid"
    if not isinstance(data.get("version"), str):
        problems.append(f"{meta.name}: needs a string 'version'")
        return "invalid"
    return str(data["version"])


