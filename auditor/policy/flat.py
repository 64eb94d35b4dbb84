"""Tables flattened one cell per line: a header row of short column titles, then the cells in order, each
cell possibly wrapped over several lines (seed 002 shape), or each cell closed by a trailing " |"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.policy.document import Document
from auditor.policy.lexicon import Lexicon
from auditor.policy.rows import (
    URL_RE,
    RawSceneRow,
    RawSdk,
    continues,
    is_heading,
    name_like,
    unbalanced,
    width,
)
from auditor.policy.tables import roles_of, scenes_from_rows, sdk_from_cells, table_kind

MAX_HEADER_WIDTH = 48
MAX_COLUMNS = 8
_KEYED_RE = re.compile(r"[:：]\s*\S")


@dataclass(frozen=True)
class Cell:
    """A logical cell: its text and the lines (indexes) it spans."""

    text: str
    first: int
    last: int


def find_flat_tables(doc: Document, lexicon: Lexicon, skip: set[int]
                     ) -> tuple[list[RawSdk], list[RawSceneRow], set[int]]:
    """SDK rows and scene rows of every flattened table, and the line indexes they consumed."""
    sdks: list[RawSdk] = []
    scenes: list[RawSceneRow] = []
    used: set[int] = set()
    i = 0
    lines = doc.lines
    while i < len(lines):
        if i in skip or i in used:
            i += 1
            continue
        header, j, piped = _header(doc, lexicon, i, skip)
        roles = roles_of(tuple(header), lexicon) if header else []
        kind = table_kind(roles) if len(header) >= 2 else None
        if kind is None or (kind == "sdk" and len(header) < 3):
            i += 1
            continue
        cells = _piped_cells(doc, j, skip) if piped else _cells(doc, j, skip)
        if kind == "sdk":
            rows, end = _sdk_rows(roles, cells)
            sdks.extend(rows)
        else:
            found, end = _scene_rows(roles, cells, lexicon)
            scenes.extend(found)
        last = cells[end - 1].last if end > 0 else j - 1
        used.update(range(i, last + 1))
        i = max(last + 1, i + 1)
    return sdks, scenes, used


def _header(doc: Document, lexicon: Lexicon, i: int, skip: set[int]) -> tuple[list[str], int, bool]:
    header: list[str] = []
    seen: set[str] = set()
    piped = doc.lines[i].text.rstrip().endswith("|")
    j = i
    while j < len(doc.lines) and j not in skip and len(header) < MAX_COLUMNS:
        text = doc.lines[j].text.strip()
        if piped:
            if not text.endswith("|"):
                break
            text = text.strip("| ").strip()
        if (width(text) > MAX_HEADER_WIDTH or text.endswith(("。", ".", ";", "；")) or _KEYED_RE.search(text)
                or is_heading(text) or URL_RE.search(text)):
            break
        role = lexicon.role(text)
        if role is None or role in seen:
            break
        seen.add(role)
        header.append(text)
        j += 1
    return header, j, piped


def _cells(doc: Document, start: int, skip: set[int]) -> list[Cell]:
    """Logical cells from ``start``: wrapped lines joined, up to the next heading or skipped line."""
    cells: list[Cell] = []
    for k in range(start, len(doc.lines)):
        text = doc.lines[k].text.strip()
        if k in skip or is_heading(text):
            break
        if cells and continues(cells[-1].text.split("\n")[-1], text):
            prev = cells[-1]
            cells[-1] = Cell(prev.text + "\n" + text, prev.first, k)
        else:
            cells.append(Cell(text, k, k))
    return [Cell(" ".join(c.text.split()), c.first, c.last) for c in cells]


def _piped_cells(doc: Document, start: int, skip: set[int]) -> list[Cell]:
    """Cells closed by a trailing "|"; lines without it continue the cell."""
    cells: list[Cell] = []
    parts: list[str] = []
    first = start
    for k in range(start, len(doc.lines)):
        text = doc.lines[k].text.strip()
        if k in skip or (not parts and is_heading(text)):
            break
        if not parts:
            first = k
        parts.append(text.lstrip("|").strip())
        if text.endswith("|"):
            cell = " ".join(" ".join(parts).rstrip("|").split())
            if cells and _open(cells[-1].text):  # a cell closed too early: "设备标识符、 |"
                cells[-1] = Cell(cells[-1].text + " " + cell, cells[-1].first, k)
            else:
                cells.append(Cell(cell, first, k))
            parts = []
        elif len(parts) > 6:
            break
    return cells


def _open(text: str) -> bool:
    return text.rstrip().endswith(("、", ",", "，", "/")) or unbalanced(text)


def _sdk_rows(roles: list[str | None], cells: list[Cell]) -> tuple[list[RawSdk], int]:
    """Rows of a flattened SDK table and how many cells they used."""
    n = len(roles)
    rows: list[RawSdk] = []
    linked = any(URL_RE.search(c.text) for c in cells[:n]) and not any(URL_RE.search(c.text) for c in cells[:n - 1])
    pos = 0
    while pos < len(cells):
        if not name_like(cells[pos].text):
            break
        if linked:
            end = next((k for k in range(pos, min(len(cells), pos + n + 3)) if URL_RE.search(cells[k].text)), None)
            if end is None or end - pos < 1:
                break
            chunk = cells[pos:end + 1]
        else:
            chunk = cells[pos:pos + n]
            if len(chunk) < 2:
                break
        texts = _fit([c.text for c in chunk], n)
        row = sdk_from_cells(roles, texts, chunk[0].first, chunk[-1].last)
        if row is not None:
            rows.append(row)
        pos += len(chunk)
    return rows, pos


def _fit(texts: list[str], n: int) -> list[str]:
    """Fit a row's cells to ``n`` columns: extra middle cells join the last column, missing ones stay empty."""
    if len(texts) > n:
        return texts[: n - 1] + [" ".join(texts[n - 1:])]
    return texts + [""] * (n - len(texts))


def _scene_rows(roles: list[str | None], cells: list[Cell], lexicon: Lexicon
                ) -> tuple[list[RawSceneRow], int]:
    """Rows of a flattened scene table whose permission column is last; a scene shown once (merged cell)
    spans the rows below it that give only a description."""
    n = len(roles)
    if roles[-1] != "permissions":
        rows = [(tuple(_fit([c.text for c in cells[p:p + n]], n)), cells[p].first, cells[min(p + n, len(cells)) - 1].last)
                for p in range(0, len(cells) - n + 1, n)]
        return scenes_from_rows(roles, rows), (len(rows) * n)
    out: list[RawSceneRow] = []
    run: list[Cell] = []
    scene = ""
    used = 0
    for k, cell in enumerate(cells):
        if not lexicon.permissions_in(cell.text, weak=True):
            run.append(cell)
            if out and len(run) >= 3:
                break
            continue
        if not run and out:  # a second permission cell continues the row above
            prev = out[-1]
            out[-1] = RawSceneRow(prev.scene, prev.description, prev.permissions + " " + cell.text, prev.first,
                                  cell.last)
            used = k + 1
            continue
        if n >= 3 and len(run) >= 2:
            scene, desc = run[-2].text, run[-1].text
        elif n >= 3 and len(run) == 1 and scene:
            desc = run[0].text
        else:
            scene, desc = (run[-1].text if run else scene), ""
        start = run[-2].first if n >= 3 and len(run) >= 2 else (run[-1].first if run else cell.first)
        out.append(RawSceneRow(scene, desc, cell.text, start, cell.last))
        run = []
        used = k + 1
    if out and len(run) == 1 and width(run[0].text) <= 60 and used == len(cells) - 1:
        # a trailing description under the last scene, its permission cell merged with the row above
        out.append(RawSceneRow(out[-1].scene, run[0].text, "", run[0].first, run[0].last))
        used += 1
    return out, used
