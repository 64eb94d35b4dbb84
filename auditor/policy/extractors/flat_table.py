"""Tables flattened one cell per line without pipes: a header of short column titles, then the cells in
order, each cell possibly wrapped over several lines (seed 002 shape, copied-from-a-web-page tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.policy.claims import Context, ExtractorKind, SceneClaim, Structure
from auditor.policy.document import Document, Row
from auditor.policy.table import Grid, read_grid
from auditor.policy.text import URL_ONLY_RE, URL_RE, continues, is_heading, name_like, width

CONFIDENCE = 0.8
MAX_HEADER_WIDTH = 48
MAX_COLUMNS = 8
_KEYED_RE = re.compile(r"[:：]\s*\S")
FIRST_BATCH = 64
"""Cells read for a table at first (then four times as many, until its rows end inside a batch)."""


@dataclass(frozen=True)
class Cell:
    """A logical cell: its text and the lines (indexes) it spans."""

    text: str
    first: int
    last: int


class FlatTableExtractor:
    kind = ExtractorKind.FLAT_TABLE

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        out: list[Structure] = []
        i = 0
        lines = doc.lines
        cell_roles = _cell_roles(doc, ctx)
        while i < len(lines):
            header, j = _header(doc, cell_roles, i)
            roles = [ctx.lexicon.role(h) for h in header]
            if len(header) < 2 or ("name" not in roles and "permissions" not in roles):
                i += 1
                continue
            structure = self._table(doc, ctx, header, roles, i, j)
            if structure is None:
                i += 1
                continue
            out.append(structure)
            i = max(structure.last + 1, i + 1)
        return out

    def _table(self, doc: Document, ctx: Context, header: list[str], roles: list[str | None], i: int, j: int
               ) -> Structure | None:
        """The table under the header of lines ``i..j-1``. Its cells are read a batch at a time, each batch
        larger, until the rows stop before the batch's end: a header-like line over a long run of text costs
        only the cells its rows use."""
        limit = FIRST_BATCH
        while True:
            cells, complete = _cells(doc, j, "link" in roles, limit)
            if "name" in roles:
                rows, end = _sdk_rows(roles, cells)
            else:
                scenes, end = _scene_rows(roles, cells, ctx)
            if complete or end + 2 * len(roles) + 4 < len(cells):  # the rows ended inside this batch
                break
            limit *= 4
        if "name" in roles:
            grid = Grid((Row(tuple(header), i, j - 1),) + tuple(rows), self.kind)
            return read_grid(grid, ctx, CONFIDENCE) if rows else None
        return Structure(self.kind, i, cells[end - 1].last, CONFIDENCE, scenes=tuple(scenes)) if scenes else None


def _cell_roles(doc: Document, ctx: Context) -> list[str | None]:
    """The role each line names as a header cell of a flattened table (None when it cannot be one: markup,
    a pipe, long, a sentence, a label line, a heading, a link); each distinct line once."""
    seen: dict[tuple[str, str], str | None] = {}
    out = []
    for line in doc.lines:
        key = (line.text, line.mark)
        if key not in seen:
            text = line.text.strip()
            seen[key] = None if (line.mark or "|" in text or width(text) > MAX_HEADER_WIDTH
                                 or text.endswith(("。", ".", ";", "；")) or _KEYED_RE.search(text)
                                 or is_heading(text) or URL_RE.search(text)) else ctx.lexicon.role(text)
        out.append(seen[key])
    return out


def _header(doc: Document, cell_roles: list[str | None], i: int) -> tuple[list[str], int]:
    """Consecutive short lines that each name a new column role."""
    header: list[str] = []
    seen: set[str] = set()
    j = i
    while j < len(doc.lines) and len(header) < MAX_COLUMNS:
        role = cell_roles[j]
        if role is None or role in seen:
            break
        seen.add(role)
        header.append(doc.lines[j].text.strip())
        j += 1
    return header, j


def _cells(doc: Document, start: int, link_column: bool = False, limit: int | None = None) -> tuple[list[Cell], bool]:
    """Logical cells from ``start``: wrapped lines joined, up to the next heading (at most ``limit``), and
    whether they run to that heading. With a link column, a line that is only a URL is a cell of its own
    (unless the line before ends with a colon)."""
    cells: list[Cell] = []
    complete = True
    for k in range(start, len(doc.lines)):
        text = doc.lines[k].text.strip()
        if is_heading(text) or "|" in text or doc.lines[k].mark:
            break  # headings and list items are markup, never cells of a flattened table
        prev = cells[-1].text.split("\n")[-1] if cells else ""
        if link_column and URL_ONLY_RE.match(text) and not prev.rstrip().endswith((":", "：")):
            cells.append(Cell(text, k, k))
        elif cells and continues(prev, text):
            cells[-1] = Cell(cells[-1].text + "\n" + text, cells[-1].first, k)
        else:
            cells.append(Cell(text, k, k))
        if limit is not None and len(cells) > limit:
            cells.pop()  # the cell after the limit has begun, so the ones before it are whole
            complete = False
            break
    return [Cell(" ".join(c.text.split()), c.first, c.last) for c in cells], complete


def _sdk_rows(roles: list[str | None], cells: list[Cell]) -> tuple[list[Row], int]:
    """Rows of a flattened SDK table and how many cells they used: ``n`` cells a row, or up to the cell
    holding the row's link when the last column holds links."""
    n = len(roles)
    rows: list[Row] = []
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
        rows.append(Row(tuple(_fit([c.text for c in chunk], n)), chunk[0].first, chunk[-1].last))
        pos += len(chunk)
    return rows, pos


def _fit(texts: list[str], n: int) -> list[str]:
    """Fit a row's cells to ``n`` columns: extra middle cells join the last column, missing ones stay empty."""
    if len(texts) > n:
        return texts[: n - 1] + [" ".join(texts[n - 1:])]
    return texts + [""] * (n - len(texts))


def _scene_rows(roles: list[str | None], cells: list[Cell], ctx: Context) -> tuple[list[SceneClaim], int]:
    """Rows of a flattened scene table, anchored on the cells that name permissions: the cells before a
    permission cell are its scene and description; a scene shown once (a merged cell) spans the rows below
    it that give only a description."""
    n = len(roles)
    out: list[SceneClaim] = []
    run: list[Cell] = []
    scene = ""
    used = 0
    for k, cell in enumerate(cells):
        if not ctx.lexicon.permissions_in(cell.text, weak=True):
            run.append(cell)
            if (out and len(run) >= 3) or len(run) > 2 * n:
                break
            continue
        if not run and out:  # a second permission cell continues the row above
            prev = out[-1]
            out[-1] = SceneClaim(prev.scene, prev.description, prev.permissions + " " + cell.text, prev.first,
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
        out.append(SceneClaim(scene, desc, cell.text, start, cell.last))
        run = []
        used = k + 1
    return out, used
