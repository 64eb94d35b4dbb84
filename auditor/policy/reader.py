"""Read a policy into a :class:`Disclosure`: the extractor pipeline, the coordinator, then facts.

    bytes --loader--> Document --extractors (REGISTRY)--> structures --coordinator.settle--> kept
          --facts--> SDK rows (resolved with all their evidence), scenes, permissions; data types from the text

Where a row comes from: its JSON ``extractor`` names the stage, ``evidence`` the lines.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from auditor.catalog.model import Catalog
from auditor.policy.analysis import LineFacts, analyse
from auditor.policy.claims import Context, ExtractorKind, RowFacts, SceneClaim
from auditor.policy.coordinator import settle
from auditor.policy.document import Document
from auditor.policy.extractors import REGISTRY
from auditor.policy.facts import scene_permissions, scenes, sdk_disclosure
from auditor.policy.lexicon import Lexicon
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.loader import load_document
from auditor.policy.model import DataTypeMention, Disclosure, PermissionDisclosure, SdkDisclosure
from auditor.policy.resolve import Resolver, build_resolver
from auditor.vocab import DATA_TYPES

_DATA_ORDER = {t.id: i for i, t in enumerate(DATA_TYPES)}
MAX_MENTIONS_PER_TYPE = 25


def read_policy(path: Path | str, catalog: Catalog, lexicon: Lexicon | None = None,
                resolver: Resolver | None = None) -> Disclosure:
    """Read the policy at ``path``. Raises :class:`auditor.errors.PolicyError` for unreadable input."""
    lexicon = lexicon or load_lexicon()
    return read_document(load_document(path), catalog, lexicon, resolver)


def read_document(doc: Document, catalog: Catalog, lexicon: Lexicon, resolver: Resolver | None = None) -> Disclosure:
    """Extract a :class:`Disclosure` from an already loaded document."""
    resolver = resolver or build_resolver(catalog, lexicon)
    ctx = Context(lexicon, resolver.names, analyse(doc.lines, lexicon))
    order = [e.kind for e in REGISTRY]
    structured = [s for e in REGISTRY if e.kind is not ExtractorKind.PROSE for s in e.extract(doc, ctx)]
    kept = settle(structured, order)
    # prose is the least confident stage: it reads only the lines no kept structure owns (same outcome as
    # settling everything at once, without reading every table cell as a sentence)
    claimed = frozenset(i for s in kept for i in range(s.first, s.last + 1))
    fallback = replace(ctx, claimed=claimed)
    prose = [s for e in REGISTRY if e.kind is ExtractorKind.PROSE for s in e.extract(doc, fallback)]
    kept = settle(kept + prose, order)
    sdks: list[SdkDisclosure] = []
    scene_claims: list[SceneClaim] = []
    memo: dict[object, object] = {}  # this read's resolutions, by evidence (a long policy repeats names)
    rows: dict[tuple[RowFacts, ExtractorKind], SdkDisclosure] = {}  # this read's rows, by what they say
    for structure in kept:
        for claim in structure.sdks:
            key = (claim.facts, structure.extractor)
            row = rows.get(key)
            if row is None:
                row = rows[key] = sdk_disclosure(doc, claim, structure.extractor, resolver, memo)
            else:  # the same row written again: only its evidence differs
                row = replace(row, evidence=doc.span(claim.first, claim.last))
            sdks.append(row)
        scene_claims.extend(structure.scenes)
    perms: list[PermissionDisclosure] = []
    found: dict[tuple[str, bool], list[tuple[str, str]]] = {}  # this read's permission texts, mapped
    for scene in scene_claims:
        perms.extend(scene_permissions(doc, scene, lexicon, found))
    return Disclosure(
        source=doc.path, format=doc.format, encoding=doc.encoding, line_count=len(doc.lines),
        sdks=tuple(_prose_once(sdks)), permissions=tuple(_dedupe(perms)),
        data_types=_data_types(doc, ctx.lines), scenes=scenes(doc, scene_claims, lexicon),
    )


def _prose_once(rows: list[SdkDisclosure]) -> list[SdkDisclosure]:
    """A prose mention adds an SDK only when no structured row names the same entry (or the same name)."""
    named = {r.id for r in rows if r.extractor != ExtractorKind.PROSE.value and r.id}
    names = {r.name.casefold() for r in rows if r.extractor != ExtractorKind.PROSE.value}
    out = []
    for row in rows:
        if row.extractor == ExtractorKind.PROSE.value and ((row.id and row.id in named) or row.name.casefold() in names):
            continue
        out.append(row)
    return out


def _dedupe(items: list[PermissionDisclosure]) -> list[PermissionDisclosure]:
    seen: set[tuple[str, str, str, int]] = set()
    out = []
    for item in items:
        ident = (item.permission, item.scene, item.description, item.evidence.line_start)
        if ident not in seen:
            seen.add(ident)
            out.append(item)
    return out


def _data_types(doc: Document, lines: tuple[LineFacts, ...]) -> tuple[DataTypeMention, ...]:
    counts: dict[str, int] = {}
    out = []
    for i, facts in enumerate(lines):
        for dt, phrase in facts.data_types:
            counts[dt] = counts.get(dt, 0) + 1
            if counts[dt] <= MAX_MENTIONS_PER_TYPE:
                out.append(((i, _DATA_ORDER.get(dt, 99)), DataTypeMention(dt, phrase, doc.span(i, i))))
    return tuple(d for _, d in sorted(out, key=lambda kv: kv[0]))
