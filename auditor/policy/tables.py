"""Structured tables (HTML, DOCX, pipe tables): find pipe tables in text, and read SDK and scene rows."""

from __future__ import annotations

import re

from auditor.policy.document import Document, Row, Table
from auditor.policy.lexicon import Lexicon
from auditor.policy.rows import RawSceneRow, RawSdk

_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
SDK_ROLES = frozenset({"company", "purpose", "data", "link", "permissions"})


def find_pipe_tables(doc: Document, skip: set[int]) -> list[Table]:
    """Pipe tables (Markdown or plain) in the document's lines: 2+ rows of 2+ cells."""
    tables: list[Table] = []
    rows: list[Row] = []
    width = 0
    for i, line in enumerate(doc.lines):
        cells = _cells(line.text) if i not in skip else None
        if cells is None and _SEPARATOR_RE.match(line.text) and rows:
            continue
        if cells is not None and (not rows or len(cells) == width or _SEPARATOR_RE.match(line.text)):
            if not rows:
                width = len(cells)
            rows.append(Row(tuple(cells), i, i))
            continue
        if len(rows) >= 2:
            tables.append(Table(tuple(rows), "pipe"))
        rows, width = [], 0
        if cells is not None:
            rows, width = [Row(tuple(cells), i, i)], len(cells)
    if len(rows) >= 2:
        tables.append(Table(tuple(rows), "pipe"))
    return tables


def _cells(text: str) -> list[str] | None:
    if _SEPARATOR_RE.match(text):
        return None
    inner = text.strip()
    if inner.count("|") < 1:
        return None
    inner = inner.removeprefix("|")
    inner = inner.removesuffix("|")
    cells = [c.strip() for c in inner.split("|")]
    return cells if len(cells) >= 2 else None


def roles_of(header: tuple[str, ...], lexicon: Lexicon) -> list[str | None]:
    """Role of each header cell; a role seen twice keeps only its first column unless it is data."""
    roles: list[str | None] = []
    for cell in header:
        role = lexicon.role(cell) if cell else None
        if role in roles and role not in ("data", "permissions", "description"):
            role = None
        roles.append(role)
    return roles


def table_kind(roles: list[str | None]) -> str | None:
    """``sdk``, ``scene`` or None from the header roles."""
    present = {r for r in roles if r}
    if "name" in present and present & SDK_ROLES:
        return "sdk"
    if "permissions" in present and present & {"scene", "purpose", "description"}:
        return "scene"
    return None


def read_table(table: Table, lexicon: Lexicon) -> tuple[list[RawSdk], list[RawSceneRow]]:
    """SDK rows or scene rows of one structured table (header row first); vertical tables too."""
    if len(table.rows) < 2:
        return [], []
    roles = roles_of(table.rows[0].cells, lexicon)
    kind = table_kind(roles)
    body = table.rows[1:]
    if kind == "sdk":
        return [r for r in (sdk_from_cells(roles, row.cells, row.first, row.last) for row in body) if r], []
    if kind == "scene":
        return [], scenes_from_rows(roles, [(row.cells, row.first, row.last) for row in body])
    return _vertical(table, lexicon), []


def sdk_from_cells(roles: list[str | None], cells: tuple[str, ...] | list[str], first: int, last: int,
                   kind: str = "table") -> RawSdk | None:
    """An SDK row from cells in column order; None when it has no name."""
    fields: dict[str, list[str]] = {}
    for role, cell in zip(roles, cells):
        if role and cell.strip():
            fields.setdefault(role, []).append(cell.strip())
    name = " ".join(fields.get("name", []))
    if not name or lexiconless_header(name):
        return None
    return RawSdk(
        name=name, company=" ".join(fields.get("company", [])), purpose=" ".join(fields.get("purpose", [])),
        data=" ".join(fields.get("data", []) + fields.get("description", [])),
        permissions=" ".join(fields.get("permissions", [])), link=" ".join(fields.get("link", [])),
        kind=kind, first=first, last=last,
    )


def lexiconless_header(name: str) -> bool:
    """A repeated header row ("SDK名称") is not an SDK."""
    return name.strip().casefold() in ("sdk名称", "sdk name", "名称", "name", "sdk")


def scenes_from_rows(roles: list[str | None], rows: list[tuple[tuple[str, ...], int, int]]) -> list[RawSceneRow]:
    """Scene rows; an empty scene cell repeats the scene above (a merged cell)."""
    scene_col = _col(roles, "scene")
    perm_col = _col(roles, "permissions")
    desc_cols = [i for i, r in enumerate(roles) if r in ("description", "purpose") and i != scene_col]
    if scene_col is None:
        scene_col = desc_cols.pop(0) if desc_cols else None
    out: list[RawSceneRow] = []
    scene = ""
    for cells, first, last in rows:
        if perm_col is None or perm_col >= len(cells):
            continue
        if scene_col is not None and scene_col < len(cells) and cells[scene_col].strip():
            scene = cells[scene_col].strip()
        desc = " ".join(cells[i].strip() for i in desc_cols if i < len(cells) and cells[i].strip())
        if cells[perm_col].strip():
            out.append(RawSceneRow(scene, desc, cells[perm_col].strip(), first, last))
    return out


def _col(roles: list[str | None], role: str) -> int | None:
    return roles.index(role) if role in roles else None


def _vertical(table: Table, lexicon: Lexicon) -> list[RawSdk]:
    """Two-column tables of "key | value" rows, one record per name key."""
    out: list[RawSdk] = []
    record: dict[str, str] = {}
    first = last = 0
    for row in table.rows:
        if len(row.cells) != 2:
            return []
        role = lexicon.role(row.cells[0])
        if role == "name" and record.get("name"):
            out.append(_record(record, first, last))
            record = {}
        if role == "name":
            first = row.first
        if role and role not in record:
            record[role] = row.cells[1]
            last = row.last
    if record.get("name"):
        out.append(_record(record, first, last))
    return out if any(r.company or r.purpose or r.data for r in out) else []


def _record(record: dict[str, str], first: int, last: int) -> RawSdk:
    return RawSdk(record.get("name", ""), record.get("company", ""), record.get("purpose", ""),
                  record.get("data", "") or record.get("description", ""), record.get("permissions", ""),
                  record.get("link", ""), "table", first, last)
