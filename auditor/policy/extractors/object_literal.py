"""Object-literal records: an SDK list or a permission list kept as data (``[{ name: '友盟统计SDK', company:
'…', info: ['设备标识符', …], url: 'https://…' }, …]`` in a ``.ts`` / ``.js`` / ``.vue`` / ``.json`` file, or in
an HTML page's script, see :mod:`auditor.policy.loader`).

An array of rows of cells (``[["SDK名称", "公司"], ["Bugly", "腾讯"]]``, ``trList: [{ tdList: [{ text: … }] }]``) is
read as a table, its first row the header when its cells are titles. Each run of sibling records
(:func:`auditor.policy.literals.record_runs`) is read as a table too: its keys are
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
from auditor.policy.literals import MAX_KEYS, Record, RecordRun, code_link_rows, record_runs, scan_literals
from auditor.policy.table import Grid, read_grid, sdk_like
from auditor.policy.text import FENCE_RE, company_like, name_like

MIN_NAMED = 3
"""Records of a list that must name known SDKs for its other records to count as SDKs too."""
MAX_LABEL = 24
"""Characters of a field label (a longer text is a value)."""
CONFIDENCE = 0.92
"""Above a key-value block's (0.8-0.85) and prose: a record's keys say what each value is."""
_SPLIT_RE = re.compile(r"[_\-.]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


class ObjectLiteralExtractor:
    kind = ExtractorKind.OBJECT_LITERAL

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        out = []
        texts = list(doc.code) if doc.code else [line.text for line in doc.lines]
        literals = scan_literals(texts)
        found = list(literals.records)
        if not found and doc.format == "markdown":
            found = record_runs(_fenced_objects(texts))
        # a table kept as rows of cells, or as code that gives each name its link (the branches of a switch,
        # constructor calls, commented addresses): read as any table is
        for grid in (*literals.grids, *code_link_rows(texts)):
            rows = tuple(Row(cells, first, last) for cells, first, last in grid.rows)
            structure = _named(read_grid(Grid(rows, ExtractorKind.OBJECT_LITERAL), ctx, CONFIDENCE), ctx)
            if structure is not None and (structure.sdks or structure.scenes):
                out.append(structure)
        runs, folded = _fold(found, ctx)
        labels = _column_labels(runs, ctx)
        for run in runs:
            if run.records in folded:
                continue
            structure = _read(run, ctx, labels)
            if structure is not None:
                out.append(structure)
        return out


_TABLE_LINE_RE = re.compile(r"^\s*\|")


def _fenced_objects(texts: list[str]) -> list[str]:
    """A Markdown page's code blocks that each hold one object (one JSON block per SDK under its heading), as one
    array: the text between blocks blanked, the first fence "[", the fences between blocks ",", the last "]".
    Line for line, so records keep their lines. Blank when fewer than two blocks open with "{"."""
    out = [""] * len(texts)
    fences = [k for k, t in enumerate(texts) if FENCE_RE.match(t)]
    blocks = [(a, b) for a, b in zip(fences[::2], fences[1::2])
              if next((t.strip() for t in texts[a + 1:b] if t.strip()), "").startswith("{")]
    if len(blocks) < 2:
        return out
    for n, (a, b) in enumerate(blocks):
        apart = n == 0 or any(_TABLE_LINE_RE.match(t) for t in texts[blocks[n - 1][1] + 1:a])
        if apart and n:
            out[blocks[n - 1][1]] = "]"  # a table between two blocks: the array ends before it, another starts after
        out[a] = "[" if apart else ","
        out[a + 1:b] = texts[a + 1:b]
    out[blocks[-1][1]] = "]"
    return out


def _fold(runs: list[RecordRun], ctx: Context) -> tuple[list[RecordRun], set[tuple[Record, ...]]]:
    """Label/value lists under a record folded into it: ``{ tit: '极光推送SDK', list: [{ name: '使用目的',
    value: '…' }, { name: '第三方主体', value: '…' }] }`` is one record with the fields 使用目的 and 第三方主体.
    Returns the runs with those fields added, and the folded lists (not read again on their own)."""
    folded: set[tuple[Record, ...]] = set()
    out = []
    for run in runs:
        records = []
        for record in run.records:
            lists = [(key, child, _label_values(child, ctx)) for (key, _), child in zip(record.nested, record.children, strict=True)]
            if any(pairs is not None for _, _, pairs in lists):
                folded.update(child for _, child, pairs in lists if pairs is not None)
                record = replace(
                    record, fields=record.fields + tuple(f for _, _, pairs in lists if pairs is not None for f in pairs),
                    nested=tuple(n for n, (_, _, pairs) in zip(record.nested, lists, strict=True) if pairs is None),
                    children=tuple(child for _, child, pairs in lists if pairs is None))
            records.append(record)
        out.append(replace(run, records=tuple(records)))
    return out, folded


def _label_values(records: tuple[Record, ...], ctx: Context) -> tuple[tuple[str, str], ...] | None:
    """Records of one label and its value each (``{ label: 'SDK名称', value: '友盟' }``, ``{ label: '所属公司',
    value: '…' }``…) as (label, value) pairs; None for any other records."""
    full = [r for r in records if len(r.fields) >= 2]
    if len(full) < 2:
        return None
    first, second = full[0].fields[0][0], full[0].fields[1][0]
    # a record may lack its value ({ name: '隐私政策', value: '' }) or carry more keys (…, type: 'link')
    if any(r.fields[0][0] != first or (len(r.fields) > 1 and r.fields[1][0] != second) for r in records) or \
            not all(_label(r.fields[0][1], ctx) for r in records):
        return None
    return tuple((r.fields[0][1], " ".join(v for _, v in r.fields[1:])) for r in records)


def _label(text: str, ctx: Context) -> bool:
    """A field label: header words exactly ("SDK名称", "所属公司"), or words naming a role other than the name
    ("申请的系统权限", "SDK用途") that are no catalog name; never the name of a thing ("极光推送SDK")."""
    if ctx.lexicon.is_header(text):
        return True
    return ctx.lexicon.role(text) not in (None, "name", "title", "index") and not ctx.names.known(text) and \
        len(text) <= MAX_LABEL



def key_words(key: str) -> str:
    """A key as header words: ``sdkName`` -> "sdk Name", ``privacy_policy_url`` -> "privacy policy url"."""
    return " ".join(_SPLIT_RE.sub(" ", key).split())


def _column_labels(runs: list[RecordRun], ctx: Context) -> dict[str, str]:
    """Column definitions of a UI table (``{ title: 'SDK名称', dataIndex: 'sdk' }``, ``{ label: '所属公司',
    prop: 'corp' }``, ``{ text: '用途', value: 'use' }``, ``{ headerName: '…', field: '…' }``): the title
    each data key is shown under, when that title names a role."""
    labels: dict[str, str] = {}
    for run in runs:
        for record in run.records:
            fields = {k.casefold(): v for k, v in record.fields}
            label = next((fields[k] for k in _LABEL_KEYS if k in fields), "")
            key = next((fields[k] for k in _FIELD_KEYS if k in fields), "")
            if label and _IDENTIFIER_RE.match(key) and ctx.lexicon.role(label) is not None:
                labels.setdefault(key, label)
    return labels


_LABEL_KEYS = ("title", "label", "headername", "header", "text")
_FIELD_KEYS = ("dataindex", "prop", "field", "accessorkey", "datafield", "value", "key")
"""The keys UI table libraries name a column's title and its data key with (Ant Design, Element, Vuetify,
ag-Grid, TanStack Table...)."""
_IDENTIFIER_RE = re.compile(r"^[A-Za-z_$][\w$.]{0,40}$")


def _read(run: RecordRun, ctx: Context, labels: dict[str, str]) -> Structure | None:
    pairs = _pairs(run, ctx)
    if pairs is not None and pairs.sdks:
        return pairs
    records = [(r, r.fields + tuple(f for f in r.nested if _nested_value(f[0], ctx))) for r in run.records
               if not _group(r, ctx)]
    if not records or all(key_words(k).casefold() in _SECTION_KEYS for _, fields in records for k, _ in fields):
        return None  # a page's sections kept as data ({ heading: '…', body: '…' }): its text, read as text
    keys: dict[str, int] = {}
    for _, fields in records:
        for key, _ in fields:
            if key not in keys and len(keys) < MAX_KEYS:
                keys[key] = len(keys)
    header = Row(tuple(labels.get(k) or key_words(k) for k in keys), run.records[0].first, run.records[0].first)
    rows = [header]
    for record, fields in records:
        cells = [""] * len(keys)
        for key, value in fields:
            col = keys.get(key)
            if col is not None:
                cells[col] = f"{cells[col]} {value}".strip()
        rows.append(Row(tuple(cells), record.first, record.last))
    structure = read_grid(Grid(tuple(rows), ExtractorKind.OBJECT_LITERAL, keyed=True), ctx, CONFIDENCE)
    named = _named(structure, ctx)
    if named is None and structure is not None and structure.sdks:
        # no record names an SDK: read without the name column ({ name: '相机', permission: 'CAMERA', … })
        rows[0] = replace(header, cells=tuple("" if ctx.lexicon.role(c) in ("name", "title") else c for c in header.cells))
        named = _named(read_grid(Grid(tuple(rows), ExtractorKind.OBJECT_LITERAL, keyed=True), ctx, CONFIDENCE), ctx)
    return named


_SECTION_KEYS = frozenset({"id", "key", "heading", "title", "subtitle", "body", "content", "text", "paragraph",
                           "paragraphs", "desc", "description", "summary", "intro"})
"""The keys of a page's sections kept as data: a heading and its text, not the columns of a table."""


def _group(record: Record, ctx: Context) -> bool:
    """A group's heading: one field (its title) over lists of records read on their own (``{ tit: '第三方SDK列表',
    list: [{ name: '极光推送SDK', … }] }``), not a row."""
    return len(record.fields) == 1 and any(not _nested_value(key, ctx) for key, _ in record.nested)


_NESTED_ROLES = frozenset({"data", "item", "permissions", "purpose", "scene", "description", "method"})


def _nested_value(key: str, ctx: Context) -> bool:
    """A list of records under a key naming what a record collects or asks for (``collectInfo: [{ item:
    'IMEI', purpose: '…' }]``) is part of the record; under any other key (``children``, ``items``) it is a
    group's content, read on its own."""
    return ctx.lexicon.role(key_words(key)) in _NESTED_ROLES


def _pairs(run: RecordRun, ctx: Context) -> Structure | None:
    """Records of one label and its value each (``{ label: 'SDK名称', value: '友盟' }``, ``{ label: '所属公司',
    value: '…' }``…): a field/value table, read as one."""
    pairs = _label_values(run.records, ctx)
    if pairs is None:
        return None
    rows = tuple(Row(pair, r.first, r.last) for pair, r in zip(pairs, run.records, strict=True))
    return _named(read_grid(Grid(rows, ExtractorKind.OBJECT_LITERAL), ctx, CONFIDENCE), ctx)


def _named(structure: Structure | None, ctx: Context) -> Structure | None:
    """``structure`` with only the SDK rows that name an SDK (:func:`_sdk_row`); None when none is left."""
    if structure is None or not structure.sdks:
        return structure
    named = [c for c in structure.sdks if _sdk_row(c, ctx)]
    if len(named) >= MIN_NAMED and len(named) * 2 >= len(structure.sdks):
        # most records name an SDK: the others of the list are SDKs the catalog does not know ("Glispa")
        named = [c for c in structure.sdks if _sdk_row(c, ctx) or name_like(c.facts.name)]
    return replace(structure, sdks=tuple(named)) if named else None


def _sdk_row(claim: SdkClaim, ctx: Context) -> bool:
    """A record names an SDK: an SDK-like name, or a company behind it; never words about SDKs in general (a table
    of contents' "5. Third-Party SDKs We Use")."""
    return (sdk_like(claim.facts.name, ctx) or company_like(claim.facts.company)) \
        and not ctx.lexicon.general_heading(claim.facts.name)
