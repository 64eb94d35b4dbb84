"""Pipe tables in text: Markdown tables, ``a | b |`` rows, and tables flattened one cell per line with a
trailing ``|``. The cells of a region are read as one stream and cut into rows of the header's width, so a
row continued over several physical lines ("CAMERA 拍摄 |" then "说明 | 场景 |") reads whole. Separator rows
(``|---|---|``) are never rows."""

from __future__ import annotations

import re

from auditor.policy.claims import Context, ExtractorKind, Structure
from auditor.policy.document import Document, Line, Row
from auditor.policy.field_table import label_role
from auditor.policy.period_rows import label_cell
from auditor.policy.table import Grid, read_grid, sdk_like, shifted_left
from auditor.policy.text import PIPE_RE, inner_pipes, name_like, unbalanced
from auditor.policy.text import width as display_width

CONFIDENCE = 0.85
MAX_GAP = 2
MAX_HEADER_CELLS = 12
MAX_LEAD = 2
"""Lines over a stacked header that may be skipped (a caption, a row of empty cells)."""
MAX_TITLE_WIDTH = 48
"""Display width of one title of a header written a cell a line ("Third-Party Privacy / Processing Policy")."""
FIELD_SHARE = 0.7
"""Share of labels followed by a value for a one-cell-per-line run to be a field/value table."""


class PipeTableExtractor:
    kind = ExtractorKind.PIPE_TABLE

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        owned = {i for t in doc.tables for r in t.rows for i in range(r.first, r.last + 1)}
        out = []
        # what a region reads depends only on the texts of its lines: a region repeated further down (a long
        # policy repeats its tables) is read once, its structure moved to where the repeat stands
        read: dict[tuple[str, ...], tuple[int, Structure | None]] = {}
        for start, end in _regions(ctx, owned, doc.lines):
            key = tuple(doc.lines[k].text for k in range(start, end + 1))
            seen = read.get(key)
            if seen is None:
                grid = _grid(doc, start, end, ctx)
                structure = read_grid(grid, ctx, CONFIDENCE) if grid is not None else None
                read[key] = (start, structure)
            else:
                structure = seen[1].shifted(start - seen[0]) if seen[1] is not None else None
            if structure is not None:
                out.append(structure)
        return out


_CJK_END_RE = re.compile(r"[\u3400-\u9fff]$")
"""A cell ending in Chinese: its text goes on without a blank."""


def _whole_row(text: str) -> bool:
    """A line holding two cells or more (not one cell of a header stacked one per line)."""
    return sum(1 for c in _cells(text)[0] if c.strip()) >= 2


def _regions(ctx: Context, owned: set[int], lines: tuple[Line, ...]) -> list[tuple[int, int]]:
    """Runs of pipe lines (short gaps of plain lines inside a run are continuations)."""
    out: list[tuple[int, int]] = []
    facts = ctx.lines
    bare = _bare_rows(lines, ctx)
    i, n = 0, len(facts)
    while i < n:
        if i in owned or not (facts[i].piped or i in bare):
            i += 1
            continue
        start = end = i
        j = i + 1
        while j < n and j not in owned:
            if facts[j].piped and j - 1 > start and j + 1 < n and facts[j + 1].separator and \
                    not facts[j].separator and _whole_row(lines[j].text):
                break  # a row of cells over a separator: the header of the next table
            if (facts[j].piped and not (facts[j].separator and "|" not in lines[j].text and j > start + 1)) \
                    or j in bare:
                end = j  # (a rule of dashes alone below the rows is the page's, "---" under a note: no table's line)
            elif j - end > MAX_GAP or facts[j].heading:
                break
            j += 1
        if end > start:
            out.append((start, end))
        i = end + 1
    return out


def _bare_rows(lines: tuple[Line, ...], ctx: Context) -> set[int]:
    """Lines of a two-column table written without outer pipes ("读取电话状态 | 用户身份认证", one pipe between
    its cells, which alone does not make a line a table's): the line over a separator row of two columns
    ("---|---") and the lines under it that have one pipe too (short gaps of plain lines between)."""
    out: set[int] = set()
    facts = ctx.lines
    for s, f in enumerate(facts):
        if not f.separator or inner_pipes(lines[s].text) != 1:
            continue
        if s > 0 and inner_pipes(lines[s - 1].text) == 1:
            out.add(s - 1)
        gap = 0
        for k in range(s + 1, len(facts)):
            if facts[k].separator or facts[k].heading or gap > MAX_GAP:
                break
            if inner_pipes(lines[k].text) == 1:
                out.add(k)
                gap = 0
            else:
                gap += 1
    return out


def _cells(text: str) -> tuple[list[str], bool]:
    """Cells of one line and whether it is a whole row (opens and closes with a pipe)."""
    text = text.strip()
    whole = text.startswith("|") and text.endswith("|") and len(text) > 1
    inner = text.removeprefix("|")
    inner = inner.removesuffix("|")
    return [c.strip().strip("`").strip() if c.strip().startswith("`") and c.strip().endswith("`") else c.strip()
            for c in PIPE_RE.split(inner)], whole


def _grid(doc: Document, start: int, end: int, ctx: Context) -> Grid | None:
    stacked = _over_separator(doc, start, end, ctx)
    lines = [(k, doc.lines[k].text) for k in range(start, end + 1) if not ctx.lines[k].separator]
    if not lines:
        return None
    first_cells, _ = _cells(lines[0][1])
    pairs = _field_pairs(lines, ctx) if len(first_cells) == 1 and not stacked and _leading_titles(lines, ctx) < 3 \
        else None
    if pairs is not None:
        return Grid(tuple(pairs), ExtractorKind.PIPE_TABLE)
    if stacked:
        header, body_from = stacked, len(stacked)
    elif len(first_cells) >= 2:
        header, body_from = first_cells, 1
    else:
        header, body_from = _stacked_header(lines, ctx)
        for skip in range(1, min(MAX_LEAD, len(lines) - 2) + 1):
            if header:
                break  # a caption ("委托处理 |") or a row of empty cells ("||||||") over a stacked header
            header, body_from = _stacked_header(lines[skip:], ctx)
            lines = lines[skip:] if header else lines
    width = len(header)
    if width < 2:
        return None
    rows = [Row(tuple(header), lines[0][0], lines[body_from - 1][0])]
    pending: list[str] = []
    pending_first = -1
    closed = lines[0][1].rstrip().endswith("|")  # rows close with a pipe: a line that does not, goes on
    opened = lines[0][1].lstrip().startswith("|")  # rows open with a pipe: a line that does is a row of its own
    body_lines = lines[body_from:]
    following = {k: nxt for (k, _), (_, nxt) in zip(body_lines, body_lines[1:])}  # (split only when asked)
    carry = False
    plain = False  # the line before went on with the last cell (no pipe in it)
    for k, text in lines[body_from:]:
        if text.strip() == "|" and plain and len(rows) > 1 and not pending:
            plain = carry = False
            continue  # the pipe that closes a row whose last cell went on over plain lines (not an empty cell)
        plain = "|" not in text
        if carry and opened and text.lstrip().startswith("|") and not pending:
            carry = False  # a row left open ("| Firebase | … | Privacy Policy: https://…"), then the next row
        if carry and "|" in text:  # "网络权限 | 1、获取数据" then "和用户信息 |": one cell over two lines
            cells, _ = _cells(text)
            _join_last(rows, pending, cells[0], k)
            carry = not text.rstrip().endswith("|")
            text = "|".join(cells[1:])
            if not text.strip():
                continue
        else:
            carry = closed and "|" in text and not text.rstrip().endswith("|")
        if "|" not in text:  # a plain line continues the last cell
            if pending:
                pending[-1] = f"{pending[-1]} {text.strip()}".strip()
            elif len(rows) > 1:
                last = rows[-1]
                rows[-1] = Row(last.cells[:-1] + (f"{last.cells[-1]} {text.strip()}".strip(),), last.first, k)
            continue
        cells, whole = _cells(text)
        if not pending and text.rstrip().endswith("|") and len(cells) == width - 1 and cells[0].strip() \
                and (k not in following or "|" not in following[k] or len(_cells(following[k])[0]) >= width - 1):
            rows.append(Row(tuple(cells) + ("",), k, k))  # a row closed without its last cell (left empty), the next
            continue  # line a row of its own too (not the rest of this one: "是 |"), or a plain line that fills it
        if whole and len(cells) >= width and not pending:
            extra = [c for c in cells[width:] if c]
            cells = cells[:width - 1] + [" ".join([cells[width - 1]] + extra)]
            rows.append(Row(tuple(cells), k, k))
            continue
        if not pending:
            pending_first = k
        if len(cells) == 1 and _open(pending[-1] if pending else rows[-1].cells[-1] if len(rows) > 1 else ""):
            # a cell closed too early ("设备标识符（OAID）、 |" then "手机型号 |"): the next line continues it
            if pending:
                pending[-1] = f"{pending[-1]} {cells[0]}".strip()
            else:
                last = rows[-1]
                rows[-1] = Row(last.cells[:-1] + (f"{last.cells[-1]} {cells[0]}".strip(),), last.first, k)
            continue
        if pending and len(pending) + len(cells) == width + 1 and not closed:
            # a row broken inside a cell ("网络权限 | 网络连接 | … | 首次安装" then "进行询问 | 建议保留"): the
            # line's first cell goes on with the cell before the break
            pending[-1] = f"{pending[-1]}{'' if _CJK_END_RE.search(pending[-1]) else ' '}{cells[0]}".strip()
            cells = cells[1:]
        pending.extend(cells)
        while len(pending) >= width:
            rows.append(Row(tuple(pending[:width]), pending_first, k))
            pending = pending[width:]
            pending_first = k
    if pending and any(pending):
        rows.append(Row(tuple(pending + [""] * (width - len(pending))), pending_first, lines[-1][0]))
    anchored = _anchored(rows, lines[body_from:], header, ctx)
    over_separator = body_from == 1 and lines[0][0] + 1 < len(ctx.lines) and ctx.lines[lines[0][0] + 1].separator
    return Grid(tuple(anchored or rows), ExtractorKind.PIPE_TABLE, header_first=over_separator)


def _anchored(rows: list[Row], body: list[tuple[int, str]], header: list[str], ctx: Context) -> list[Row] | None:
    """Rows of an SDK table copied from a page whose cells span several rows (rowspan): each SDK's first
    line opens with its name, the lines under it hold fewer cells (the next "个人信息类型 | 字段" pair, a
    purpose). Read row by row, such a table gives rows named by data cells; instead each line that opens with
    an SDK name starts a row, its missing cells come from the next line, and the other lines' cells join its
    data column. None when the table does not read so."""
    width = len(header)
    if ctx.lexicon.role(header[0]) != "name" or len(rows) < 3:
        return None

    def sdk_name(cell: str) -> bool:
        return bool(cell) and sdk_like(cell, ctx)

    if all(sdk_name(r.cells[0].strip()) for r in rows[1:]):
        return None  # every row is named by an SDK: read as is
    if all(len(cells) >= width and (not ctx.lexicon.permissions_in(cells[0], weak=False) or shifted_left(cells, ctx))
           for cells in (_cells(text)[0] for _, text in body if "|" in text)):
        return None  # every line has all its cells, each opening with a name (or written one to the left, its
        # first cell left out under a merged one): no cell spans rows (a plain line under the table, a note on
        # it, is the last cell's words, no row's line)
    data_col = next((i for i, h in enumerate(header) if ctx.lexicon.role(h) == "data"), width - 1)
    out = [rows[0]]
    cells: list[str] = []
    first = last = -1
    for k, text in body:
        line_cells = _cells(text)[0]
        whole = len(line_cells) >= width and name_like(line_cells[0].strip()) \
            and not ctx.lexicon.permissions_in(line_cells[0], weak=False)  # (a line with all its cells: a row)
        if (sdk_name(line_cells[0].strip()) or whole) and len(line_cells) >= width // 2:
            if cells:
                out.append(Row(tuple(cells), first, last))
            cells, first = line_cells[:width], k
        elif first < 0:
            return None  # the body does not open with an SDK's line
        elif len(cells) < width:
            cells += line_cells[: width - len(cells)]  # the cells of the SDK's line left for the next line
        else:
            extra = " ".join(c for c in line_cells if c.strip())
            cells[data_col] = f"{cells[data_col]} {extra}".strip()
        last = k
    if cells:
        out.append(Row(tuple(cells + [""] * (width - len(cells))), first, last))
    return out if len(out) >= 2 else None


def _field_pairs(lines: list[tuple[int, str]], ctx: Context) -> list[Row] | None:
    """A two-column field/value table flattened one cell per line (``SDK Name |`` then ``Sentry |``…) as
    ``(label, value)`` rows; None unless labels and values alternate (a value may wrap over lines)."""
    rows: list[Row] = []
    followed = 0
    for k, text in lines:
        cells = [c for c in _cells(text)[0] if c]
        if len(cells) > 1:
            return None
        if not cells:
            continue
        if label_role(cells[0], ctx) is not None:
            rows.append(Row((cells[0], ""), k, k))
        elif not rows:
            return None
        else:
            label, value = rows[-1].cells
            followed += not value
            rows[-1] = Row((label, f"{value} {cells[0]}".strip()), rows[-1].first, k)
    if len(rows) < 2 or followed < FIELD_SHARE * len(rows):
        return None
    return rows


def _leading_titles(lines: list[tuple[int, str]], ctx: Context) -> int:
    """How many one-cell lines open the region each naming a new role: three or more are the titles of a
    header written a cell a line ("Company |", "Product |", "Purpose |"), not labels each over its value."""
    seen: set[str] = set()
    for _, text in lines[:MAX_HEADER_CELLS]:
        cells, _ = _cells(text)
        role = ctx.lexicon.role(cells[0]) if len(cells) == 1 and display_width(cells[0]) <= MAX_TITLE_WIDTH else None
        if role is None or role in seen:
            break
        seen.add(role)
    return len(seen)


def _join_last(rows: list[Row], pending: list[str], text: str, k: int) -> None:
    """Append ``text`` to the last cell read (of the row being gathered, else of the last row)."""
    if pending:
        pending[-1] = f"{pending[-1]} {text}".strip()
    elif len(rows) > 1:
        last = rows[-1]
        rows[-1] = Row(last.cells[:-1] + (f"{last.cells[-1]} {text}".strip(),), last.first, k)


def _open(cell: str) -> bool:
    """A cell closed too early: it ends with a list separator (a lone "/" is a whole cell: "none"; an address
    may end with one: "https://example.com/")."""
    cell = cell.strip()
    return (len(cell) > 1 and cell.endswith(("、", ",", "，", "/")) and not _URL_END_RE.search(cell)) \
        or unbalanced(cell)


_URL_END_RE = re.compile(r"(?:https?://|www\.)\S*/$", re.IGNORECASE)


def _over_separator(doc: Document, start: int, end: int, ctx: Context) -> list[str]:
    """A header written one cell per line over a separator row of as many cells ("权限名称 |" … "管理路径 |"
    then "---|---|…|"): its cells; [] when the region does not open so."""
    cells: list[str] = []
    for k in range(start, min(end + 1, start + MAX_HEADER_CELLS + 1)):
        if ctx.lines[k].separator:
            columns = len([c for c in _cells(doc.lines[k].text)[0] if c.strip()])
            return cells if len(cells) >= 2 and columns == len(cells) else []
        line_cells = [c for c in _cells(doc.lines[k].text)[0] if c.strip()]
        if len(line_cells) != 1:
            return []
        cells.append(line_cells[0])
    return []


_REPEATABLE = frozenset({"permissions", "description", "data", "link", "choice"})
"""Roles a table may title several columns with."""


def _stacked_header(lines: list[tuple[int, str]], ctx: Context) -> tuple[list[str], int]:
    """A header written one cell per line: the leading cells that name new roles (one unknown cell is
    allowed between two that do)."""
    header: list[str] = []
    seen: set[str] = set()
    unknown = 0
    for i, (_, text) in enumerate(lines[:MAX_HEADER_CELLS]):
        cells, _ = _cells(text)
        if len(cells) != 1 or display_width(cells[0]) > MAX_TITLE_WIDTH:
            break
        role = ctx.lexicon.role(cells[0])
        if role in seen and role in _REPEATABLE and not label_cell(cells[0], ctx, strict=False):
            header.append(cells[0])  # "权限名称" then "权限开启方式": a second title of that role, not a row's cell
            continue
        if role is None or role in seen:
            nxt = _cells(lines[i + 1][1])[0] if i + 1 < len(lines) else []
            nxt_role = ctx.lexicon.role(nxt[0]) if len(nxt) == 1 else None
            if role is None and unknown == 0 and nxt_role is not None and nxt_role not in seen:
                unknown += 1
                header.append(cells[0])
                continue
            break
        seen.add(role)
        header.append(cells[0])
    return (header, len(header)) if len(seen) >= 2 else ([], 0)
