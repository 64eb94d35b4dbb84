"""Read a policy into a :class:`Disclosure`: run every extractor over the document, resolve SDK names
against the catalog, map phrases through the lexicon, and order everything deterministically."""

from __future__ import annotations

from pathlib import Path

from auditor.catalog.loader import normalize_name
from auditor.catalog.model import Catalog
from auditor.policy.blocks import find_blocks, find_lists
from auditor.policy.document import Document
from auditor.policy.flat import find_flat_tables
from auditor.policy.lexicon import Lexicon, load_lexicon
from auditor.policy.loader import load_document
from auditor.policy.model import DataTypeMention, Disclosure, PermissionDisclosure, Scene, SdkDisclosure
from auditor.policy.prose import (
    Mention,
    catalog_mentions,
    constants,
    data_mentions,
    known_permissions,
    login_lists,
    permission_mentions,
    resolve_login,
)
from auditor.policy.resolve import NameIndex, build_index
from auditor.policy.rows import RawSceneRow, RawSdk, clean_collected, first_url
from auditor.policy.tables import find_pipe_tables, read_table
from auditor.vocab import DATA_TYPES

_DATA_ORDER = {t.id: i for i, t in enumerate(DATA_TYPES)}
MAX_MENTIONS_PER_TYPE = 25


def read_policy(path: Path | str, catalog: Catalog, lexicon: Lexicon | None = None) -> Disclosure:
    """Read the policy at ``path``. Raises :class:`auditor.errors.PolicyError` for unreadable input."""
    lexicon = lexicon or load_lexicon()
    return read_document(load_document(path), catalog, lexicon)


def read_document(doc: Document, catalog: Catalog, lexicon: Lexicon) -> Disclosure:
    """Extract a :class:`Disclosure` from an already loaded document."""
    index = build_index(catalog, lexicon)
    raw_sdks: list[RawSdk] = []
    raw_scenes: list[RawSceneRow] = []
    used: set[int] = set()
    tables = list(doc.tables)
    if doc.format not in ("html", "docx"):
        tables += find_pipe_tables(doc, set())
    for table in tables:
        sdks, scenes = read_table(table, lexicon)
        if sdks or scenes:
            raw_sdks += sdks
            raw_scenes += scenes
            for row in table.rows:
                used.update(range(row.first, row.last + 1))
    sdks, scenes, block_used = find_blocks(doc, lexicon, used)
    raw_sdks += sdks
    raw_scenes += scenes
    used |= block_used
    sdks, scenes, flat_used = find_flat_tables(doc, lexicon, used)
    raw_sdks += sdks
    raw_scenes += scenes
    used |= flat_used
    listed, list_used = find_lists(doc, index, used)
    raw_sdks += listed
    structured = _sdk_disclosures(doc, raw_sdks, index, lexicon)
    prose = _prose_sdks(doc, lexicon, index, used | list_used, structured)
    permissions = _scene_permissions(doc, raw_scenes, lexicon)
    prose_skip = used | list_used
    permissions += _mention_permissions(doc, constants(doc, known_permissions(), prose_skip)
                                        + permission_mentions(doc, lexicon, prose_skip))
    return Disclosure(
        source=doc.path, format=doc.format, encoding=doc.encoding, line_count=len(doc.lines),
        sdks=tuple(s for _, s in sorted(structured + prose, key=lambda kv: kv[0])),
        permissions=tuple(p for _, p in sorted(_dedupe(permissions), key=lambda kv: kv[0])),
        data_types=_data_types(doc, lexicon),
        scenes=_scenes(doc, raw_scenes, lexicon),
    )


def _sdk_disclosures(doc: Document, raws: list[RawSdk], index: NameIndex, lexicon: Lexicon
                     ) -> list[tuple[tuple[int, int], SdkDisclosure]]:
    out = []
    for seq, raw in enumerate(raws):
        res = index.resolve(raw.name)
        mapped = f"{raw.data} {raw.permissions}" if raw.kind != "list" else raw.purpose
        weak = True if raw.kind != "list" else None
        perms = sorted({p for p, _ in lexicon.permissions_in(mapped, weak=weak)})
        data = sorted({d for d, _ in lexicon.data_types_in(mapped, cell=raw.kind != "list")}, key=lambda d: _DATA_ORDER.get(d, 99))
        out.append(((raw.first, seq), SdkDisclosure(
            name=raw.name, id=res.id, candidates=res.candidates if res.id is None else (),
            company=raw.company, purpose=raw.purpose, collected=clean_collected(raw.data),
            data_types=tuple(data), permissions=tuple(perms),
            link=first_url(raw.link, raw.data, raw.permissions, raw.purpose) or raw.link,
            kind=raw.kind, evidence=doc.span(raw.first, raw.last),
        )))
    return out


def _prose_sdks(doc: Document, lexicon: Lexicon, index: NameIndex, skip: set[int],
                known: list[tuple[tuple[int, int], SdkDisclosure]]) -> list[tuple[tuple[int, int], SdkDisclosure]]:
    ids = {s.id for _, s in known if s.id}
    names = {normalize_name(s.name) for _, s in known}
    out = []
    seq = len(known)
    for raw in login_lists(doc, lexicon, index, skip) + catalog_mentions(doc, index, skip):
        sdk_id, candidates = (resolve_login(raw.name, raw.purpose, index) if raw.purpose
                              else (index.resolve(raw.name).id, ()))
        key = normalize_name(raw.name)
        if (sdk_id and sdk_id in ids) or (not sdk_id and key in names):
            continue
        if sdk_id:
            ids.add(sdk_id)
        names.add(key)
        seq += 1
        out.append(((raw.first, seq), SdkDisclosure(
            name=raw.name, id=sdk_id, candidates=candidates if sdk_id is None else (), company="",
            purpose=raw.purpose, collected="", data_types=(), permissions=(), link="", kind="prose",
            evidence=doc.span(raw.first, raw.last),
        )))
    return out


def _scene_permissions(doc: Document, rows: list[RawSceneRow], lexicon: Lexicon
                       ) -> list[tuple[tuple[int, int], PermissionDisclosure]]:
    out = []
    for seq, row in enumerate(rows):
        span = doc.span(row.first, row.last)
        for perm, phrase in lexicon.permissions_in(row.permissions, weak=True):
            out.append(((row.first, seq), PermissionDisclosure(perm, row.scene, row.description, phrase, span)))
    return out


def _mention_permissions(doc: Document, mentions: list[Mention]
                         ) -> list[tuple[tuple[int, int], PermissionDisclosure]]:
    base = 1_000_000
    return [((m.line, base + k), PermissionDisclosure(m.value, "", "", m.phrase, doc.span(m.line, m.line)))
            for k, m in enumerate(mentions)]


def _dedupe(items: list[tuple[tuple[int, int], PermissionDisclosure]]
            ) -> list[tuple[tuple[int, int], PermissionDisclosure]]:
    seen: set[tuple[str, str, str, int]] = set()
    out = []
    for key, item in items:
        ident = (item.permission, item.scene, item.description, item.evidence.line_start)
        if ident not in seen:
            seen.add(ident)
            out.append((key, item))
    return out


def _data_types(doc: Document, lexicon: Lexicon) -> tuple[DataTypeMention, ...]:
    counts: dict[str, int] = {}
    out = []
    for m in data_mentions(doc, lexicon):
        counts[m.value] = counts.get(m.value, 0) + 1
        if counts[m.value] <= MAX_MENTIONS_PER_TYPE:
            out.append(((m.line, _DATA_ORDER.get(m.value, 99)),
                        DataTypeMention(m.value, m.phrase, doc.span(m.line, m.line))))
    return tuple(d for _, d in sorted(out, key=lambda kv: kv[0]))


def _scenes(doc: Document, rows: list[RawSceneRow], lexicon: Lexicon) -> tuple[Scene, ...]:
    groups: dict[str, list[RawSceneRow]] = {}
    order: list[str] = []
    for row in rows:
        key = row.scene or row.description
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(row)
    out: list[tuple[tuple[int, int], Scene]] = []
    for key in order:
        members = groups[key]
        perms = sorted({p for r in members for p, _ in lexicon.permissions_in(r.permissions, weak=True)})
        descs = list(dict.fromkeys(r.description for r in members if r.description))
        first = min(r.first for r in members)
        last = max(r.last for r in members)
        out.append(((first, len(out)), Scene(members[0].scene or key, "; ".join(descs), tuple(perms),
                                             doc.span(first, last))))
    return tuple(s for _, s in sorted(out, key=lambda kv: kv[0]))
