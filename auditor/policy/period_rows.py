"""Permission tables flattened one cell per line, read by the period of their header.

    权限名称 / 权限功能说明 / 使用场景或目的        <- the header: three cells, so three lines a record
    访问精确位置 / 获取精确地理位置 / 查找附近门店  <- the permission cell is the anchor of a record
    相机 / 使用摄像头拍照 / 扫描条码时 / 上传头像时 <- a cell continued on a second line

The header gives the period (its number of cells) and the role of each position (permission, scene,
description...). Records are anchored on their permission cell, which must name a permission (a label or a
constant): the next anchor is looked for one period further down, and a record continued over several lines
or missing a cell moves the next anchor, so the records after it stay in step (re-synchronised on the next
permission label, never shifted by a period counted blindly). A cell of a record is assigned by its position
relative to the anchor; a scene cell missing before the anchor of a scene-first table is a merged cell: the
scene above goes on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.policy.claims import Context, SceneClaim
from auditor.policy.document import Line
from auditor.policy.lexicon import fold, without_phrases
from auditor.policy.text import TERMINAL, continues, is_heading, width

MAX_LABEL_WIDTH = 40
"""Display width of a permission cell (a label such as "读取/写入外置存储器", or a constant)."""
MAX_LINES = 2000
"""Lines read as cells after a header (a table of 8 columns and 250 rows)."""
MIN_ROWS = 2
MAX_SKIPPED = 3
"""Records in a row whose label names no permission ("剪切板", a label the lexicon lacks) that a reading steps
over, a period each, to the next permission cell."""
SHIFTS = (1, -1, 2, 3, 4)
"""Where else the next permission cell may stand, after the place one period down: lower (a cell continued
on further lines), higher (a cell left out)."""
_CONSTANT_RE = re.compile(r"^\W*(?:(?:[a-z]+\.)*permission\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+"
                          r"(?:(?:[\s,，、/]+|(?=android\.))(?:(?:[a-z]+\.)*permission\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)*\W*$")
"""A cell of permission constants only: one, or several side by side ("android.permission.READ_CALENDAR
android.permission.WRITE_CALENDAR")."""
_FILLER_RE = re.compile(r"android\.permission\.|权限|信息|permissions?|authority|access(?: to)?|the|your|[\W_]+")
_NOTE_RE = re.compile(r"[(（][^()（）]*[)）]")
SCENE_ROLES = ("scene", "purpose")
DESCRIPTION_ROLES = ("purpose", "description", "data")


@dataclass(frozen=True)
class Reading:
    """The scene rows of a table read by a period, and how many records stood off it."""

    rows: tuple[SceneClaim, ...]
    off_period: int
    """Records whose permission cell was not one period below the one before (a continued or missing cell):
    the fewer, the better the header's period fits the table."""


def period_rows(roles: Sequence[str | None], lines: Sequence[Line], start: int, ctx: Context,
                whole: bool = False) -> Reading | None:
    """The scene rows of a flattened permission table whose header cells have ``roles`` and whose cells
    start at line ``start``; None when fewer than :data:`MIN_ROWS` records are anchored on a permission cell
    or the table has no scene column. ``whole``: ``roles`` are the whole header's, right over the cells (then
    the first records may be stepped over when their labels name no permission the lexicon knows)."""
    n = len(roles)
    perm_cols = [i for i, r in enumerate(roles) if r == "permissions"]
    scene_col = next((i for role in SCENE_ROLES for i, r in enumerate(roles) if r == role), None)
    if scene_col is None and "description" in roles:  # "Permission | Description": what it is used for
        scene_col = roles.index("description")
    if n < 2 or not perm_cols or scene_col is None:
        return None
    p = perm_cols[0]
    end = _cell_end(lines, start)
    anchors, stepped = _anchors(lines, start + p, end, n, p, ctx, whole)
    if len(anchors) < MIN_ROWS:
        return None
    records = _records(lines, anchors, stepped, start, end, n, p)
    claims = _claims(lines, records, roles, perm_cols, scene_col, p)
    return None if claims is None else Reading(tuple(claims), sum(
        1 for a, b in zip(anchors, anchors[1:]) if b - a != n))


def _cell_end(lines: Sequence[Line], start: int) -> int:
    """The first line after ``start`` that cannot be a cell: markup, a pipe row, a section heading."""
    for k in range(start, min(len(lines), start + MAX_LINES)):
        text = lines[k].text.strip()
        if lines[k].mark or "|" in text or is_heading(text):
            return k
    return min(len(lines), start + MAX_LINES)


def label_cell(text: str, ctx: Context, strict: bool) -> bool:
    """A permission cell: short and naming a permission (a label, a constant); ``strict``: saying nothing
    else ("访问精确位置", "相机（摄像头）", "CAMERA"), the test for a cell found off the period."""
    text = text.strip()
    # (a note in brackets is no part of the label's width: "读取SD卡中的内容（读取存储空间/照片权限）")
    if not text or text.endswith(TERMINAL) or (width(_NOTE_RE.sub("", text)) > MAX_LABEL_WIDTH
                                               and not _CONSTANT_RE.match(text)):
        return False
    if not ctx.lexicon.permissions_in(text, weak=True, derive=True):
        return False
    if not strict or _CONSTANT_RE.match(text):
        return True
    folded = _NOTE_RE.sub(" ", fold(text))  # "（仅限前台使用）": a note on the permission
    total = len(_FILLER_RE.sub("", folded))
    return len(_FILLER_RE.sub("", without_phrases(folded, ctx.lexicon.find(text, weak=True)))) * 3 <= total


def _anchors(lines: Sequence[Line], first: int, end: int, n: int, p: int, ctx: Context,
             whole: bool = False) -> tuple[list[int], set[int]]:
    """Line indexes of the permission cells: the first where the header puts it, each next one a period
    further down, or near there when a record took more or fewer lines (a label saying only the permission);
    and the anchors reached by stepping over whole records whose labels name no permission (a period each)."""
    if whole and not p and first < end and not label_cell(lines[first].text, ctx, strict=False) \
            and _short_cell(lines[first].text) and not ctx.lexicon.is_header(lines[first].text):
        # the first records' labels name no permission the lexicon knows ("剪切板"): the first anchor is the first
        # label that does, a period or a few further down past short labels, as later records are stepped over
        # (in a table whose records open with their label, read with its whole header; not past a column title:
        # then the header goes on, or stood a line lower)
        first = next((first + m * n for m in range(1, MAX_SKIPPED + 1) if first + m * n < end
                      and all(_short_cell(lines[first + t * n].text) for t in range(m))
                      and label_cell(lines[first + m * n].text, ctx, strict=True)), end)
    if first >= end or not label_cell(lines[first].text, ctx, strict=False):
        return [], set()
    anchors = [first]
    stepped: set[int] = set()
    while True:
        expected = anchors[-1] + n
        # a cell naming only a permission, one period down or a line off, with another one a period below it
        # (or the cells ending with its record); then one period down, such a cell; one naming more where the
        # records after it keep the period; near there, a cell naming only a permission where they keep it;
        # last, one period down, any cell naming a permission
        tries = [(expected + d, True, 2) for d in (0, 1, -1)] + [(expected, True, 0), (expected, False, 1)] \
            + [(expected + d, True, 1) for d in SHIFTS] + [(expected, False, 0)]
        skips = [(expected + m * n, True, 0) for m in range(1, MAX_SKIPPED + 1)
                 if all(_short_cell(lines[expected + t * n].text) for t in range(1, m) if expected + t * n < end)]
        # (exactly past rows of data or of labels the lexicon does not know, "剪切板", "album": the cells a
        # period apart are short labels too)
        found = next((k for k, strict, step in tries + skips if anchors[-1] < k < end and label_cell(lines[k].text, ctx, strict)
                      and (not step or _in_step(lines, k, end, n, p, ctx, exact=step == 2))), None)
        if found is None:
            return anchors, stepped
        if _steps_over(lines, anchors[-1], found, n, ctx):
            stepped.add(found)
        anchors.append(found)


def _steps_over(lines: Sequence[Line], last: int, found: int, n: int, ctx: Context) -> bool:
    """The anchor at ``found`` is reached past whole records after the one at ``last``: a whole number of periods
    down (two at least), each record between opening with a short label that names no permission and reads on
    from no line above it (not the second line of a cell continued over a period's lines)."""
    if found - last < 2 * n or (found - last) % n:
        return False
    return all(_short_cell(lines[k].text) and not label_cell(lines[k].text, ctx, strict=False)
               and not continues(lines[k - 1].text, lines[k].text) for k in range(last + n, found, n))


def _short_cell(text: str) -> bool:
    """A cell that could be a record's label: short, no sentence."""
    text = text.strip()
    return bool(text) and width(text) <= MAX_LABEL_WIDTH and not text.endswith(TERMINAL)


_Record = tuple[list[list[int]], int, list[list[int]]]
"""The cells before a record's permission cell, the line of that cell, the cells after it (each cell the
indexes of its lines)."""


def _in_step(lines: Sequence[Line], k: int, end: int, n: int, p: int, ctx: Context, exact: bool = False) -> bool:
    """A permission cell found off the period (at ``k``) is a record's only when the records after it keep
    the period: one period further down stands a permission cell too, or the cells end with this record;
    ``exact``: exactly one period down stands a cell naming only a permission."""
    if end - k - 1 <= n - 1 - p:
        return True
    if exact:
        return k + n < end and label_cell(lines[k + n].text, ctx, strict=True)
    # (or past records whose short labels name no permission, a period each)
    for m in range(1, MAX_SKIPPED + 1):
        if any(label_cell(lines[j].text, ctx, strict=False) for j in (k + m * n, k + m * n + 1, k + m * n - 1) if j < end):
            return True
        if k + m * n >= end or not _short_cell(lines[k + m * n].text):
            return False
    return False


def _records(lines: Sequence[Line], anchors: list[int], stepped: set[int], start: int, end: int, n: int,
             p: int) -> list[_Record]:
    """Per anchor, the lines of the cells before it and after it (none of the records stepped over before an
    anchor in ``stepped``)."""
    q = n - 1 - p  # cells after the permission cell
    out: list[_Record] = []
    # (the cells before the first anchor that its record has: none of records stepped over before it)
    before: list[list[int]] = [[k] for k in range(max(start, anchors[0] - p), anchors[0])]
    for r, a in enumerate(anchors):
        if r + 1 < len(anchors):
            gap = list(range(a + 1, anchors[r + 1]))
            if anchors[r + 1] in stepped:
                # whole records stepped over between them, a period each (labels the lexicon does not know): their
                # cells are no part of this record's, only the next record's cells before its anchor are
                gap = gap[:q] + gap[len(gap) - p:] if p else gap[:q]
        else:  # the last record: its cells after the anchor, and the lines that continue the last of them
            gap = list(range(a + 1, min(end, a + 1 + q)))
            while gap and gap[-1] + 1 < end and continues(lines[gap[-1]].text, lines[gap[-1] + 1].text):
                gap.append(gap[-1] + 1)
        cells = _join(lines, gap, q + (p if r + 1 < len(anchors) else 0))
        after, nxt = cells[:q], cells[q:]
        if len(cells) < q + p and r + 1 < len(anchors) and p:
            # a short gap in a scene-first table: the cells after this anchor first, then the next record's
            # cells nearest its anchor (a merged scene cell is the one left out)
            after, nxt = cells[:min(q, len(cells))], cells[min(q, len(cells)):]
        out.append((before, a, after))
        before = nxt
    return out


def _join(lines: Sequence[Line], gap: list[int], want: int) -> list[list[int]]:
    """The lines of a gap as cells: a line that continues the one above joins it while there are more lines
    than cells wanted; lines still too many join the last cell after the anchor."""
    cells = [[k] for k in gap]
    k = 1
    while len(cells) > want and k < len(cells):
        if continues(lines[cells[k - 1][-1]].text, lines[cells[k][0]].text):
            cells[k - 1] = cells[k - 1] + cells.pop(k)
        else:
            k += 1
    while len(cells) > max(want, 1):
        tail = cells.pop()
        cells[-1] = cells[-1] + tail
    return cells


def _claims(lines: Sequence[Line], records: list[_Record], roles: Sequence[str | None], perm_cols: list[int],
            scene_col: int, p: int) -> list[SceneClaim] | None:
    """One scene row per record, its cells read by the header's roles."""
    desc_cols = [i for i, r in enumerate(roles) if r in DESCRIPTION_ROLES and i != scene_col]
    out: list[SceneClaim] = []
    scene_above = ""
    for before, anchor, after in records:
        cols = {p: _text(lines, [anchor])}
        for k, cell in enumerate(reversed(before)):  # cells before the anchor stand right-aligned against it
            cols[p - 1 - k] = _text(lines, cell)
        for k, cell in enumerate(after):  # cells after it left-aligned
            cols[p + 1 + k] = _text(lines, cell)
        perms = " ".join(cols[i] for i in perm_cols if cols.get(i))
        scene = cols.get(scene_col, "")
        if not scene and scene_col < p and len(before) < p:
            scene = scene_above  # a merged scene cell: shown once over the rows it spans
        desc = " ".join(cols[i] for i in desc_cols if cols.get(i))
        if not scene and desc:
            scene, desc = desc, ""
        scene_above = scene
        first = before[0][0] if before else anchor
        last = after[-1][-1] if after else anchor
        out.append(SceneClaim(scene, desc, perms, first, last))
    return out if len(out) >= MIN_ROWS else None


def _text(lines: Sequence[Line], cell: list[int]) -> str:
    return " ".join(" ".join(lines[k].text.split()) for k in cell)
