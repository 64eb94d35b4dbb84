"""Object-literal records: an SDK list or a permission list kept as data (``[{ name: '友盟统计SDK', company:
'…', info: ['设备标识符', …], url: 'https://…' }, …]`` in a ``.ts`` / ``.js`` / ``.vue`` / ``.json`` file, or in
an HTML page's script, see :mod:`auditor.policy.loader`).

Each run of sibling records (:func:`auditor.policy.literals.record_runs`) is read as a table: its keys are
the header (``sdkName`` / ``privacy_url`` read as "sdk name" / "privacy url", then mapped through the same
header lexicon as a table's), each record a row spanning the record's lines, and the table model
(:func:`auditor.policy.table.read_grid`) turns it into SDK rows, scene rows or a data region. A record whose
name is not SDK-like (no SDK word, not a catalog name) and that names no company is not an SDK row: a list
of menu items (``{ name: '首页', url: '/home' }``) gives none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from auditor.policy.claims import Context, ExtractorKind, SdkClaim, Structure
from auditor.policy.document import Document, Row
from auditor.policy.literals import MAX_KEYS, RecordRun, record_runs
from auditor.policy.table import Grid, read_grid, sdk_like
from auditor.policy.text import company_like

CONFIDENCE = 0.92
"""Above a key-value block's (0.8-0.85) and prose: a record's keys say what each value is."""
_SPLIT_RE = re.compile(r"[_\-.]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


class ObjectLiteralExtractor:
    kind = ExtractorKind.OBJECT_LITERAL

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        out = []
        for run in record_runs([line.text for line in doc.lines]):
            structure = _read(run, ctx)
            if structure is not None:
                out.append(structure)
        return out


def key_words(key: str) -> str:
    """A key as header words: ``sdkName`` -> "sdk Name", ``privacy_policy_url`` -> "privacy policy url"."""
    return " ".join(_SPLIT_RE.sub(" ", key).split())


def _read(run: RecordRun, ctx: Context) -> Structure | None:
    pairs = _pairs(run, ctx)
    if pairs is not None and pairs.sdks:
        return pairs
    keys: dict[str, int] = {}
    for record in run.records:
        for key, _ in record.fields:
            if key not in keys and len(keys) < MAX_KEYS:
                keys[key] = len(keys)
    header = Row(tuple(key_words(k) for k in keys), run.records[0].first, run.records[0].first)
    rows = [header]
    for record in run.records:
        cells = [""] * len(keys)
        for key, value in record.fields:
            col = keys.get(key)
            if col is not None:
                cells[col] = f"{cells[col]} {value}".strip()
        rows.append(Row(tuple(cells), record.first, record.last))
    return _named(read_grid(Grid(tuple(rows), ExtractorKind.OBJECT_LITERAL, keyed=True), ctx, CONFIDENCE), ctx)


def _pairs(run: RecordRun, ctx: Context) -> Structure | None:
    """Records of one label and its value each (``{ label: 'SDK名称', value: '友盟' }``, ``{ label: '所属公司',
    value: '…' }``…): a field/value table, read as one."""
    if len(run.records) < 2 or any(len(r.fields) != 2 for r in run.records):
        return None
    keys = [k for k, _ in run.records[0].fields]
    if any([k for k, _ in r.fields] != keys for r in run.records) or \
            not all(ctx.lexicon.is_header(r.fields[0][1]) for r in run.records):
        return None  # labels are header words exactly ("SDK名称", "所属公司"), not names of things
    rows = tuple(Row((r.fields[0][1], r.fields[1][1]), r.first, r.last) for r in run.records)
    return _named(read_grid(Grid(rows, ExtractorKind.OBJECT_LITERAL), ctx, CONFIDENCE), ctx)


def _named(structure: Structure | None, ctx: Context) -> Structure | None:
    """``structure`` with only the SDK rows that name an SDK (:func:`_sdk_row`); None when none is left."""
    if structure is None or not structure.sdks:
        return structure
    sdks = tuple(c for c in structure.sdks if _sdk_row(c, ctx))
    return replace(structure, sdks=sdks) if sdks else None


def _sdk_row(claim: SdkClaim, ctx: Context) -> bool:
    """A record names an SDK: an SDK-like name, or a company behind it."""
    return sdk_like(claim.facts.name, ctx) or company_like(claim.facts.company)
