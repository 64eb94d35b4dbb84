"""Field/value tables: two columns, a field label on the left and its value on the right, each SDK a run of
rows (``SDK名称 | 微信SDK``, ``第三方主体 | 腾讯``, ``SDK Name | Sentry``, ``Entity Name | …``). Such a table is
read as one row per record under a header of its field labels, then goes through the one table model.

A record starts at a row whose label is the first label of the table again, or at a name label when the
record already has a name. A table is of this shape only when (almost) every left cell is a field label
of the lexicon, one of them names the SDK, and at least two different fields are given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.policy.claims import Context
from auditor.policy.document import Row
from auditor.policy.text import LEGAL_ENTITY_RE

MIN_LABEL_SHARE = 0.8
MAX_LABEL_CHARS = 32
_NAMING_RE = re.compile(r"名称|名字|\bname\b", re.IGNORECASE)


def label_role(text: str, ctx: Context) -> str | None:
    """The role a field label names (None for a value, or for a label too long to be one)."""
    text = text.strip().rstrip(":：").strip()
    if not text or len(text) > MAX_LABEL_CHARS or LEGAL_ENTITY_RE.search(text):
        return None  # (a registered company's name in it is a value: "微信支付（深圳市腾讯计算机系统有限公司）")
    role = ctx.lexicon.role(text)
    if role == "name" and not ctx.lexicon.is_header(text) and not _NAMING_RE.search(text):
        return None  # "微信SDK", "Push Notification service": an SDK name, not the label of one
    return None if role in ("index", "title") else role


def field_records(rows: Sequence[Row], ctx: Context) -> list[Row] | None:
    """``rows`` of a field/value table as a header row plus one row per record; None for any other table."""
    wide = _columns_of_records(rows, ctx)
    if wide is not None:
        return wide
    pairs: list[tuple[str, str, str, Row]] = []  # label, its role, value, source row
    for row in rows:
        cells = [c.strip() for c in row.cells if c.strip()]
        if not cells or len(cells) > 2:
            return None
        role = label_role(cells[0], ctx)
        pairs.append((cells[0].rstrip(":：").strip(), role or "", cells[1] if len(cells) == 2 else "", row))
    labelled = [p for p in pairs if p[1]]
    roles = {p[1] for p in labelled}
    if len(pairs) < 2 or len(labelled) < MIN_LABEL_SHARE * len(pairs) or "name" not in roles or len(roles) < 2:
        return None
    records: list[list[tuple[str, str, Row]]] = []
    first_label = labelled[0][0].casefold()
    for label, role, value, row in pairs:
        if not role:  # an unlabelled row continues the value above
            if records and records[-1]:
                lab, val, _ = records[-1][-1]
                records[-1][-1] = (lab, f"{val} {label} {value}".strip(), row)
            continue
        starts = label.casefold() == first_label or (role == "name" and any(
            label_role(lab, ctx) == "name" for lab, _, _ in (records[-1] if records else [])))
        if starts or not records:
            records.append([])
        records[-1].append((label, value, row))
    header: list[str] = []
    for record in records:
        for label, _, _ in record:
            if label.casefold() not in (h.casefold() for h in header):
                header.append(label)
    index = {h.casefold(): i for i, h in enumerate(header)}
    out = [Row(tuple(header), rows[0].first, rows[0].first)]
    for record in records:
        cells = [""] * len(header)
        for label, value, _ in record:
            k = index[label.casefold()]
            cells[k] = f"{cells[k]} {value}".strip()
        out.append(Row(tuple(cells), record[0][2].first, record[-1][2].last))
    return out


MAX_RECORD_COLUMNS = 6
"""Columns of a field/value table with one record per value column (the label column and up to five)."""


def _columns_of_records(rows: Sequence[Row], ctx: Context) -> list[Row] | None:
    """A field/value table whose value columns are records side by side (``SDK名称 | X Android SDK | X iOS SDK``):
    a header of its field labels and one row per value column; None for any other table. Every row has its
    label on the left; the first (after a row of column titles, if any) names the SDK."""
    widths = {len(r.cells) for r in rows}
    if len(widths) != 1 or not 3 <= next(iter(widths)) <= MAX_RECORD_COLUMNS or len(rows) < 3:
        return None
    if label_role(rows[0].cells[0], ctx) != "name":
        rows = rows[1:]  # a row of column titles over them ("字段 | Android | iOS")
    labels = [r.cells[0].strip().rstrip(":：").strip() for r in rows]
    roles = [label_role(label, ctx) for label in labels]
    if roles[0] != "name" or sum(1 for r in roles if r) < MIN_LABEL_SHARE * len(rows) or len(set(roles) - {None}) < 2:
        return None
    header = Row(tuple(labels), rows[0].first, rows[0].first)
    out = [header]
    for col in range(1, next(iter(widths))):
        cells = tuple(r.cells[col].strip() for r in rows)
        if cells[0]:
            out.append(Row(cells, rows[0].first, rows[-1].last))
    return out if len(out) > 1 else None
