"""Tables flattened one cell per line without pipes: a header of short column titles, then the cells in
order, each cell possibly wrapped over several lines (seed 002 shape, copied-from-a-web-page tables)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.policy.claims import Context, ExtractorKind, SceneClaim, Structure
from auditor.policy.document import Document, Line, Row
from auditor.policy.period_rows import Reading, label_cell, period_rows
from auditor.policy.table import KIND_TITLE_RE, MAX_GLUED_TITLE, Grid, read_grid, sdk_like, split_titles
from auditor.policy.text import (
    CJK_RE,
    COMPONENT_WORD_RE,
    DATA_CATEGORY_RE,
    LABELLED_URL_RE,
    LEGAL_ENTITY_RE,
    PLATFORM_ONLY_RE,
    URL_ASCII_CHARS,
    URL_ONLY_RE,
    URL_RE,
    company_like,
    continues,
    is_heading,
    name_like,
    packages,
    unbalanced,
    width,
)

CONFIDENCE = 0.8
PARAGRAPH_CONFIDENCE = 0.84
"""A permission table of a row a paragraph, its rows marked by their constants (:func:`_scene_paragraphs`): above
a reading of the same cells anchored on the constants alone (:data:`auditor.policy.extractors.permission_list.
ANCHORED_CONFIDENCE`), which counts lines and knows no paragraphs."""
MAX_HEADER_WIDTH = 48
MAX_COLUMNS = 8
MIN_WHOLE_HEADER = 4
"""Titles, each of a known role, that make an SDK table's header whole (fewer may be a caption and a title)."""
_KEYED_RE = re.compile(r"[:：]\s*\S")
FIRST_BATCH = 64
"""Cells read for a table at first (then four times as many, until its rows end inside a batch)."""
_CAPTION_RE = re.compile(r"(?:列表|清单|目录|一览表?|\blist|\bdirectory)\s*$|^《[^《》]+》$", re.IGNORECASE)
"""A table's own title over it ("第三方SDK列表", "《涉及用户信息使用的SDK情况表（安卓）》": a title in book-title
marks), never a column's."""


@dataclass(frozen=True)
class Cell:
    """A logical cell: its text and the lines (indexes) it spans."""

    text: str
    first: int
    last: int


def best_reading(readings: Sequence[tuple[int, int, Reading]]) -> tuple[int, int, Reading]:
    """Of ``(header cells skipped, title lines skipped, reading)``, the reading with the most records in step
    with their period (its records, less those off it: two rows kept exactly do not beat twenty of which a few
    run over), then the one with fewer records off it, then the one that skips the fewest lines."""
    return min(readings, key=lambda t: (t[2].off_period - len(t[2].rows), t[2].off_period, t[0] + t[1]))


class FlatTableExtractor:
    kind = ExtractorKind.FLAT_TABLE

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        out: list[Structure] = []
        i = 0
        lines = doc.lines
        cell_roles = _cell_roles(doc, ctx)
        grids: dict[object, tuple[int, Structure | None]] = {}  # tables read so far, by their cells (see _read)
        while i < len(lines):
            if cell_roles[i] is None:  # no header starts here
                i += 1
                continue
            header, j = _header(doc, cell_roles, i, ctx)
            j = _linked_width(doc, cell_roles, i, j)
            header = header[:j - i]
            # the role of each header cell (``_cell_roles`` asked the lexicon)
            roles = _titled_names(cell_roles[i:j], [lines[k].text for k in range(i, j)])
            if len(header) < 2 or ("name" not in roles and "permissions" not in roles and not _named_by_company(roles)) \
                    or set(roles) == {"permissions"} or not any(ctx.lexicon.is_header(t) for t in header):
                i += 1  # (a header has a title as tables write it: "项目数据库 / 投资者服务" in a site's menu has none)
                continue
            named = "name" in roles or _named_by_company(roles)
            structure = self._periodic(doc, ctx, roles, i, j) if not named else None
            blocks = _scene_blocks(doc, roles, i, j, ctx) if not named else []
            paragraphs = not named and not blocks
            if paragraphs:
                blocks = _scene_paragraphs(doc, roles, i, j, ctx)
            # (rows of constants a paragraph each are read so, whatever a period reads: it counts another platform's
            # rows, "IOS / NSCameraUsageDescription / 是", as rows of their own)
            if blocks and (structure is None or paragraphs or len(blocks) >= len(structure.scenes)):
                # rows a paragraph each, parted by blank lines: read so, a merged scene cell costs no row its place
                structure = Structure(self.kind, i, blocks[-1].last,
                                      PARAGRAPH_CONFIDENCE if paragraphs else CONFIDENCE, scenes=tuple(blocks))
            if structure is None and "name" not in roles and self._periodic_after(doc, ctx, cell_roles, i) \
                    and not (roles[0] == "permissions" and ctx.lexicon.is_header(lines[i].text.strip())):
                i += 1  # a title over the header ("应用权限说明"), which the header read from the next line fits (the
                continue  # permission's own title, "权限名称", is none: without it each row takes the next row's)
            structure = structure or self._table(doc, ctx, header, roles, i, j, grids)
            if len(header) >= 3 and roles[-1] == "name" and "name" not in roles[:-1] \
                    and not ctx.lexicon.is_header(header[-1]):
                # a last "title" only its words read as a name ("第三方名称 / … / 第三方收集的个人信息范围" then
                # "阿里云 SDK"): the first row's name cell, when the header without it reads more rows that fit
                fewer = _titled_names(roles[:-1], header[:-1])
                shorter = self._table(doc, ctx, header[:-1], fewer, i, j - 1, grids)
                if shorter is not None and (structure is None or _more_rows(shorter, structure)):
                    header, roles, j, structure = header[:-1], fewer, j - 1, shorter
            if structure is not None and len(header) >= 3 and roles[0] in ("name", "company") and "name" in roles[1:] \
                    and _more_rows(self._table(doc, ctx, header[1:], roles[1:], i + 1, j, grids), structure):
                i += 1  # a caption over the header ("Third-party SDKs"), which the rows read without fit better
                continue
            if structure is None and "name" in roles and None not in roles and len(roles) >= MIN_WHOLE_HEADER \
                    and _whole_paragraph(doc, i, j):
                i = j  # an SDK table's whole header whose rows do not read (a row a line, its cells parted by blanks):
                # its titles open no other table ("使用目的 / 申请调用的权限 / …" is no permission table of its own)
                continue
            if structure is None or (not structure.sdks and "name" not in roles and "link" not in roles
                                     and _named_by_company(roles)):
                i += 1  # (a table named by its company and read as no SDK's: what is written there decides)
                continue
            out.append(structure)
            i = max(structure.last + 1, i + 1)
        return out + _spaced_tables(doc, ctx) + _glued_tables(doc, ctx) + _run_on_tables(doc, ctx) \
            + _blocked_tables(doc, ctx)

    def _periodic(self, doc: Document, ctx: Context, roles: list[str | None], i: int, j: int) -> Structure | None:
        """A permission table under the header of lines ``i..j-1`` read by its period (:mod:`auditor.policy.period_rows`). Its
        first cells may be a title ("系统权限调用说明"), and its first header cells may be a caption's: of the
        readings with each, :func:`best_reading`."""
        # a permission-first table whose first cell after the header is no permission: the header goes on
        titles = _titles_after(doc, j, ctx) if roles and roles[0] == "permissions" else 0
        readings = [(skip, extra, r) for extra in range(titles + 1) for skip in range(len(roles) - 1)
                    for r in [period_rows(list(roles[skip:]) + [None] * extra, doc.lines, j + extra, ctx,
                                          whole=not skip and not extra)]
                    if r is not None]
        if not readings:
            return None
        skip, _, best = best_reading(readings)
        return Structure(self.kind, i + skip, best.rows[-1].last, CONFIDENCE, scenes=best.rows)

    def _periodic_after(self, doc: Document, ctx: Context, cell_roles: list[str | None], i: int) -> bool:
        """True when a header read from the line after ``i`` gives a table read by its period."""
        if i + 1 >= len(doc.lines) or cell_roles[i + 1] is None:
            return False
        header, j = _header(doc, cell_roles, i + 1, ctx)
        roles = cell_roles[i + 1:j]
        return len(header) >= 2 and "name" not in roles and self._periodic(doc, ctx, roles, i + 1, j) is not None

    def _table(self, doc: Document, ctx: Context, header: list[str], roles: list[str | None], i: int, j: int,
               grids: dict[object, tuple[int, Structure | None]]) -> Structure | None:
        """:meth:`_read_table`; with no link column, also with each address a cell of its own (as under a link
        column: a website column, "第三方官网链接", or one whose title the lexicon does not read as a link's,
        "第三方地址"), the reading with more rows named as SDKs kept (the catalog's names, names with an SDK word)."""
        structure = self._read_table(doc, ctx, header, roles, i, j, grids)
        if "link" not in roles:
            linked = self._read_table(doc, ctx, header, roles, i, j, grids, link_column=True)
            if linked is not None and (structure is None or _sdk_named(linked, ctx) > _sdk_named(structure, ctx)):
                return linked
        return structure

    def _read_table(self, doc: Document, ctx: Context, header: list[str], roles: list[str | None], i: int, j: int,
                    grids: dict[object, tuple[int, Structure | None]], link_column: bool = False) -> Structure | None:
        """The table under the header of lines ``i..j-1``. Its cells are read a batch at a time, each batch
        larger, until the rows stop before the batch's end: a header-like line over a long run of text costs
        only the cells its rows use."""
        limit = FIRST_BATCH
        named = "name" in roles or _named_by_company(roles)
        # a header whose titles stand apart (blank lines between) may write a cell a paragraph: then a line after
        # a blank one starts a cell even when its text reads on from the line before ("…、MAC" / "用户登录账号后").
        # With a link column closing each row, the reading whose rows have the header's width more often wins.
        spaced = "link" in roles and named and j - i >= 2 and doc.lines[j - 1].no - doc.lines[j - 2].no > 1
        link_column = link_column or "link" in roles
        fits: _Fits = {}  # (how each cell reads in each column, weighed once for every reading below)
        while True:
            cells, complete = _until_header(*_cells(doc, j, link_column, limit), header, ctx)
            if named:
                rows, end, whole = _sdk_rows(roles, cells)
                if spaced:
                    cells_apart, complete_apart = _until_header(*_cells(doc, j, True, limit, apart=True), header, ctx)
                    rows_apart, end_apart, whole_apart = _sdk_rows(roles, cells_apart)
                    if whole_apart > whole:
                        cells, complete, rows, end = cells_apart, complete_apart, rows_apart, end_apart
                # a long cell and the short one after it may read as one wrapped cell ("…Wi-Fi 列表" then "支付宝
                # 隐私说明"); a table copied a cell a line reads with every line a cell: the reading whose cells
                # fit their columns better wins, when it reads as many rows (the joined one when they fit alike)
                cells_lines, complete_lines = _until_header(*_cells(doc, j, link_column, limit, each_line=True),
                                                            header, ctx)
                rows_lines, end_lines, _ = _sdk_rows(roles, cells_lines)
                fit_lines, fit = _fit_count(roles, rows_lines), _fit_count(roles, rows)
                if len(rows_lines) >= len(rows) and (fit_lines > fit or fit_lines == fit and rows_lines != rows
                                                     and _mean_fit(roles, rows_lines, ctx, fits) > _mean_fit(roles, rows, ctx, fits)):
                    # (alike by names and companies, "第三方名称" over products: by how every cell fits its column)
                    cells, complete, rows, end = cells_lines, complete_lines, rows_lines, end_lines
            else:
                scenes, end = _scene_rows(roles, cells, ctx)
                placed, placed_end = _placed_scene_rows(roles, cells, ctx)
                if len(placed) > len(scenes):
                    scenes, end = placed, placed_end  # columns after the permissions' (its use, the user's choice)
            if complete or end + 2 * len(roles) + 4 < len(cells):  # the rows ended inside this batch
                break
            limit *= 4
        if named:
            # (rows that each took one cell a column read as cut: no reading by what the cells say is needed)
            anchored, anchored_end = _anchored_rows(roles, cells, ctx, fits) if _uneven(roles, rows) else ([], 0)
            if anchored and _reading(roles, anchored, ctx, fits) > _reading(roles, rows, ctx, fits):
                rows, end = anchored, anchored_end  # rows of uneven length (cells left empty, or merged)
            linked, linked_end = _link_ended_rows(roles, cells, ctx, fits) if _links_astray(roles, rows) else ([], 0)
            ended = bool(linked) and _reads_more(roles, linked, rows, ctx, fits)
            if ended:
                rows, end = linked, linked_end  # rows that each end at their link, some with a cell left empty
            packed, packed_end = _package_ended_rows(roles, cells, ctx, fits) if _uneven(roles, rows) else ([], 0)
            packaged = len(packed) >= 2 and _reads_more(roles, packed, rows, ctx, fits)
            if packaged:
                rows, end, ended = packed, packed_end, True  # rows that each end at their package names
            blocks, regapped = _block_rows(doc, roles, i, j, ctx, fits)
            if blocks and rows and None not in roles and doc.lines[i + 1].no - doc.lines[i].no > 1 \
                    and _mean_fit(roles, blocks, ctx, fits) <= _mean_fit(roles, rows, ctx, fits):
                blocks = []  # titles apart over cells apart: the rows by the blank lines only when they read better
            if regapped and (len(regapped) >= len(rows) or _reads_more(roles, regapped, rows, ctx, fits)) \
                    and (None in roles or _mean_fit(roles, regapped, ctx, fits) > _mean_fit(roles, rows, ctx, fits)):
                blocks = regapped  # a header set off by more blank lines than part the rows: so read when that reads better
            if blocks and rows and None not in roles and blocks[-1].last + 2 * len(roles) < rows[-1].last:
                blocks = []  # rows a paragraph each that stop well before the cells read a line each do
            if blocks and packaged and _mean_fit(roles, blocks, ctx, fits) <= _mean_fit(roles, rows, ctx, fits):
                blocks = []  # rows ending at their package names read as well: a cell's parties apart are no rows
            padded = bool(blocks) and _fit_count(roles, rows) > _fit_count(roles, blocks) and _rows_apart(doc, rows, j)
            # (more rows fit their columns read by the cells than by the paragraphs, each opening as far below the
            # row above as the first below the header: the blank lines inside a row are its cells' own, a page copied
            # from HTML sets a cell of several lines apart, not the rows'; rows that end at their links read so whatever
            # titles the lexicon does not know)
            if not padded and (blocks or (None in roles and not ended)):
                # a row a paragraph, some with a cell left out: the blank lines part the rows (a header with titles
                # the lexicon does not know, read as one paragraph, is read only so)
                rows = blocks
            rows = _parties_apart(roles, _platform_rows_joined(roles, rows))
            grid = Grid((Row(tuple(header), i, j - 1),) + tuple(rows), self.kind)
            return _read(grid, ctx, grids) if rows else None
        if not any(s.scene or s.description for s in scenes):
            return None  # no row says what a permission is used for: no scene table read so (its cells ran together)
        return Structure(self.kind, i, cells[end - 1].last, CONFIDENCE, scenes=tuple(scenes))


def _until_header(cells: list[Cell], complete: bool, header: list[str], ctx: Context) -> tuple[list[Cell], bool]:
    """The cells before the table's header comes again (the same table for another platform or app below it,
    "SDK名称" / "场景描述" / …), or another table's header begins after a row of this one (:func:`_new_header`), and
    whether they end there or where :func:`_cells` stopped."""
    titles = [h.strip() for h in header[:2]]
    for k in range(1, len(cells)):
        if [c.text for c in cells[k:k + len(titles)]] == titles or (k >= len(header) and _new_header(cells, k, ctx)):
            return cells[:k], True
    return cells, complete


MIN_NEW_TITLES = 3
"""Column titles in a row that make another table's header (two are often a row's own words or labels)."""


def _new_header(cells: list[Cell], k: int, ctx: Context) -> bool:
    """Cells from ``k`` are a header as tables write one: :data:`MIN_NEW_TITLES` short cells that each name a column's
    role (no label with its colon), two of them exactly a title, of two roles at least, the first naming the row
    ("插件名称" / "第三方名称" / "目的及功能" under a table of partners): where the rows above end (a row's cells are
    values, never titles)."""
    run = [c.text for c in cells[k:k + MIN_NEW_TITLES]]
    roles = [ctx.lexicon.role(t) for t in run]
    return len(run) == MIN_NEW_TITLES and None not in roles and roles[0] in ("name", "company") \
        and len(set(roles)) > 1 and sum(1 for t in run if ctx.lexicon.is_header(t)) >= 2 \
        and not any(t.endswith((":", "：")) or width(t) > MAX_HEADER_WIDTH for t in run)


def _whole_paragraph(doc: Document, i: int, j: int) -> bool:
    """Lines ``i..j-1`` make one paragraph of their own: no blank line between them, one before and after."""
    lines = doc.lines
    return j < len(lines) and lines[j].no - lines[j - 1].no > 1 and (i == 0 or lines[i].no - lines[i - 1].no > 1) \
        and all(lines[k].no - lines[k - 1].no == 1 for k in range(i + 1, j))


def _more_rows(other: Structure | None, structure: Structure) -> bool:
    """``other`` reads more SDK rows that fit their columns than ``structure`` (a name no company's, a company
    where there is one); as many, more of them with a company (a permission's or a use's words fit a name
    column as well as a product's do)."""
    def fitting(s: Structure) -> tuple[int, int]:
        fit = [c for c in s.sdks if _product_name(c.facts.name)
               and (not c.facts.company or company_like(c.facts.company))]
        return len(fit), sum(1 for c in fit if c.facts.company)
    return other is not None and fitting(other) > fitting(structure)


def _sdk_named(structure: Structure, ctx: Context) -> int:
    """How many rows of ``structure`` are named as SDKs: a catalog name, or a name with a component's word."""
    return sum(1 for c in structure.sdks if ctx.names.known(c.facts.name) or COMPONENT_WORD_RE.search(c.facts.name))


def _product_name(cell: str) -> bool:
    """A cell that reads as a product's name, not its company's."""
    return name_like(cell) and not company_like(cell)


def _linked_width(doc: Document, cell_roles: list[str | None], i: int, j: int) -> int:
    """Where the header of lines ``i..j-1`` ends when it has a link column: the first rows' cells may name roles
    too ("推送通知功能", "华为消息推送服务"), so the header is cut where the link cells below fall in its link
    column, one a row (``j`` when no cut fits better)."""
    roles = cell_roles[i:j]
    if "link" not in roles:
        return j
    for end in range(j, i + 1, -1):
        link = next((k for k, r in enumerate(cell_roles[i:end]) if r == "link"), None)
        if link is None:
            continue
        cells, _ = _cells(doc, end, True, 4 * (end - i))
        at = [k for k, c in enumerate(cells) if URL_RE.search(c.text)]
        if len(at) >= 2 and all(k % (end - i) == link for k in at):
            return end
    return j


def _named_by_company(roles: list[str | None]) -> bool:
    """A header whose only naming column is the third party's ("第三方名称") beside its data column and its link
    or package-name column, or first and beside a purpose column: an SDK table whose rows the party's column names
    (the table model decides by its cells)."""
    return "company" in roles and "data" in roles and ("link" in roles or "packages" in roles
                                                       or (roles[0] == "company" and "purpose" in roles))


def _read(grid: Grid, ctx: Context, grids: dict[object, tuple[int, Structure | None]]) -> Structure | None:
    """:func:`read_grid` of ``grid``, which depends only on its cells and where its rows stand relative to
    each other: a table repeated further down (a long policy repeats its tables) is read once, its structure
    moved to where the repeat stands."""
    base = grid.rows[0].first
    key = tuple((r.cells, r.first - base, r.last - base) for r in grid.rows)
    seen = grids.get(key)
    if seen is None:
        structure = read_grid(grid, ctx, CONFIDENCE)
        grids[key] = (base, structure)
        return structure
    return seen[1].shifted(base - seen[0]) if seen[1] is not None else None


MAX_EXTRA_TITLES = 2


def _titles_after(doc: Document, j: int, ctx: Context) -> int:
    """How many lines after a header at ``j`` could be more column titles the lexicon does not know ("适用系统"):
    short, not a sentence, a label line or a link (at most :data:`MAX_EXTRA_TITLES`; the reading whose
    records keep their period best decides)."""
    k = j
    while k < min(len(doc.lines), j + MAX_EXTRA_TITLES):
        text = doc.lines[k].text.strip()
        if doc.lines[k].mark or not text or width(text) > MAX_HEADER_WIDTH // 3 or text.endswith(
                ("。", ".", ";", "；", ",", "，")) or _KEYED_RE.search(text) or URL_RE.search(text) \
                or label_cell(text, ctx, strict=False):
            break  # a permission cell is the first cell of a row
        k += 1
    return k - j


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
                                 or text.endswith(("。", ".", ";", "；", ":", "：")) or _KEYED_RE.search(text)
                                 or is_heading(text) or URL_RE.search(text) or LEGAL_ENTITY_RE.search(text)
                                 or _caption(text, ctx)) \
                else ctx.lexicon.role(text)
            if seen[key] == "permissions" and ctx.lexicon.permissions_in(text, weak=True):
                seen[key] = None  # "摄像头权限" names one permission: a cell of the column, not its title ("设备权限")
            glued = _GLUED_TITLE_RE.search(text) if seen[key] is None and not line.mark else None
            if glued and width(glued.group(1)) <= MAX_GLUED_TITLE_WIDTH and ctx.lexicon.is_header(glued.group(1)) \
                    and not ctx.lexicon.permissions_in(glued.group(1), weak=True):
                # "…的部分或全部功能。设备权限": the table's first title run into the paragraph over it (a page
                # copied without the break between them); the line stands for that title
                seen[key] = ctx.lexicon.role(glued.group(1))
        out.append(seen[key])
    return out


_GLUED_TITLE_RE = re.compile(r"[。！？；]\s*([^。！？；:：,，\s]{2,12})\s*$")
MAX_GLUED_TITLE_WIDTH = 16


def _caption(text: str, ctx: Context) -> bool:
    """A line over a table that is not one of its column titles: its title ("安卓操作系统应用权限列表"), a whole
    header row on one line ("权限名称 业务功能 使用目的"; CJK titles: English ones have blanks of their own), or a
    whole row of a blank-separated table ("相机权限 扫码登录 扫描二维码")."""
    if _CAPTION_RE.search(text):
        return True
    tokens = text.split()
    return len(tokens) >= 3 and all(CJK_RE.search(t) for t in tokens) and \
        sum(1 for t in tokens if ctx.lexicon.role(t) is not None) >= 1


_USE_ROLES = frozenset({"purpose", "scene", "description"})
_REPEATED = frozenset({"permissions", "choice", "method"})
"""Roles a header may give two columns ("是否询问" then "是否可关闭", "收集方式" then "信息处理方式")."""


def _header(doc: Document, cell_roles: list[str | None], i: int, ctx: Context) -> tuple[list[str], int]:
    """Consecutive short lines that each name a new column role, or a role again in a second title
    (:func:`_title_again`)."""
    header: list[str] = []
    seen: set[str] = set()
    closed = False
    j = i
    while j < len(doc.lines) and len(header) < MAX_COLUMNS:
        role = cell_roles[j]
        if role is None or (role in seen and role not in _REPEATED
                            and not _title_again(doc.lines[j].text, role, header, ctx)):
            break  # ("权限名称" then "相关权限": the constants, a cell)
        if closed and role != "choice" and not ctx.lexicon.is_header(doc.lines[j].text):
            break  # titles of the user's choice after the use close a permission table's header ("权限 / 使用目的 /
            # 是否询问 / 可否关闭"): "数据采集" after them is a cell (a platform's title before the use, "适用系统",
            # closes nothing; an SDK table's question goes on: "是否为必要信息 / 信息处理方式 / 隐私政策")
        closed = closed or (role == "choice" and bool(seen & _USE_ROLES) and "permissions" in seen)
        seen.add(role)
        header.append(doc.lines[j].text.strip())
        j += 1
    end = _titles_paragraph(doc, cell_roles, i, j)
    return header + [doc.lines[k].text.strip() for k in range(j, end)], end


_BARE_NAME_TITLES = frozenset({"名称", "name"})
"""Titles that name a column only "name", whatever it names (folded)."""


def _titled_names(roles: list[str | None], titles: list[str]) -> list[str | None]:
    """Header roles with the first title a bare "名称" / "Name" (``title``) read as the name column when no column
    is named so and the header has a column of a row's company, link or data ("名称" / "类型" / "描述" / "公司全称"
    / "隐私政策链接"), as the table model reads it (not "合作伙伴名称" over the partners' kinds). A title after a
    column of kinds the header names ("合作伙伴类型 / 合作伙伴名称 / …") names the rows whatever its words."""
    if roles[:2] == ["company", "company"] and "name" not in roles:
        return ["name"] + roles[1:]  # "第三方名称 / 所属公司名称": the first names the party, the second its company
    if "name" in roles or not roles or not titles or not _ROW_FACTS & set(roles):
        return roles
    k = next((k for k, r in enumerate(roles) if r not in _KIND_ROLES), len(roles))
    if k >= len(roles) or k >= len(titles) or roles[k] != "title" \
            or (k == 0 and titles[0].strip().casefold() not in _BARE_NAME_TITLES):
        return roles
    return roles[:k] + ["name"] + roles[k + 1:]


_KIND_ROLES = frozenset({"index", "description"})
"""Columns a header may open with before its name column (a row number, the partner's kind)."""


MAX_TITLE_STEP = 4
"""Lines from one column title to the next in a header paragraph: 1 when its titles make one paragraph, more when
each stands apart (blank lines between, as a converted page writes its header cells)."""
_ROW_FACTS = frozenset({"company", "link", "data"})
"""Column roles that say a table's rows are SDKs when a bare "名称" names them."""
MAX_PARAGRAPH_TITLES = 12
"""Titles of a header paragraph (:func:`_titles_paragraph`): an app-store table may have ten columns."""
MAX_UNKNOWN_TITLE = 16
"""Display width of a column title the lexicon does not know ("类型", "设备信息获取列表") inside a header paragraph."""


def _titles_paragraph(doc: Document, cell_roles: list[str | None], i: int, j: int) -> int:
    """Where a header that stopped at line ``j`` (a title the lexicon does not know, or one of a role the header
    has already) ends when its titles make one paragraph of short lines (or stand each apart, as many blank lines
    between each two), blank lines before its first row ("SDK名称" / "类型" / "公司" / "获取权限" / … / "手机系统"): its
    last line's end, when at least half of its titles and three or more have a role, a name's among them (a bare
    "名称" too: :func:`_titled_names`); else ``j``."""
    lines = doc.lines
    if j >= len(lines) or j == i or (cell_roles[j] is not None and (cell_roles[j] not in cell_roles[i:j]
                                                                     or cell_roles[j] == "name")):
        return j  # (a title of a role the header has already may stop it too: "第三方" then "第三方收集个人类型"; a
        # second name's title is the name after a kind's, "SDK种类" / "SDK名称", read from it)
    step = lines[i + 1].no - lines[i].no if i + 1 < len(lines) else 1
    if step > MAX_TITLE_STEP:
        return j
    k = i
    while k + 1 < len(lines) and lines[k + 1].no - lines[k].no == step and k + 1 - i < MAX_PARAGRAPH_TITLES:
        k += 1
    end = k + 1
    if end <= j or (end < len(lines) and lines[end].no - lines[end - 1].no < 2):
        return j  # (no blank line under it: no header paragraph)
    roles = cell_roles[i:end]
    known = sum(r is not None for r in roles)
    named = "name" in _titled_names(roles, [lines[m].text for m in range(i, end)])
    if not named or known < 3 or 2 * known < len(roles) or any(
            cell_roles[m] is None and (width(lines[m].text.strip()) > MAX_UNKNOWN_TITLE or lines[m].mark
                                       or _SENTENCE_END_RE.search(lines[m].text)) for m in range(j, end)):
        return j
    return end


def _title_again(text: str, role: str, header: list[str], ctx: Context) -> bool:
    """A second column title of a role the header has given, never a first row's cell ("某某SDK", "设备型号、
    IMEI"): the SDK's name after the title of its kind ("SDK类型" then "插件名称"; not "第三方SDK", a caption, then
    "SDK名称"), or a title of the data column that names no data ("SDK直接采集个人信息的情形")."""
    if role == "name":
        return ctx.lexicon.is_header(text) and any(KIND_TITLE_RE.search(t) for t in header
                                                  if ctx.lexicon.role(t) == "name")
    if role == "purpose" and KIND_TITLE_RE.search(text):
        return True  # "使用目的" then "功能类型": a column of what kind of thing each row is (its cells decide)
    if role == "company" and len(header) == 1 and ctx.lexicon.is_header(text):
        return True  # "第三方名称" then "所属公司名称": the party's own name, then its company (see _titled_names)
    return role == "data" and not ctx.lexicon.data_types_in(text, cell=True)


_CONSTANT_LINE_RE = re.compile(r"(?:android\.permission\.[A-Za-z0-9_.]+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"
                               r"(?:\s*[,，、;；]?\s*(?:android\.permission\.[A-Za-z0-9_.]+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+))*")
"""A line of permission constants only, written out (``android.permission.X``) or with an underscore."""


def _cells(doc: Document, start: int, link_column: bool = False, limit: int | None = None,
           apart: bool = False, each_line: bool = False) -> tuple[list[Cell], bool]:
    """Logical cells from ``start``: wrapped lines joined, up to the next heading (at most ``limit``), and
    whether they run to that heading. With a link column, a line that is only a URL is a cell of its own
    (unless the line before ends with a colon). ``apart``: a line after a blank line starts a cell, however
    its text reads (a table copied a cell a paragraph); ``each_line``: every line starts a cell."""
    cells: list[Cell] = []
    complete = True
    for k in range(start, len(doc.lines)):
        text = doc.lines[k].text.strip()
        after_gap = k > start and doc.lines[k].no - doc.lines[k - 1].no > 1  # (blank lines before it)
        after_blank = k > start and (each_line or (apart and after_gap))
        if is_heading(text) or "|" in text or doc.lines[k].mark:
            break  # headings and list items are markup, never cells of a flattened table
        prev = cells[-1].text.split("\n")[-1] if cells else ""
        if link_column and URL_ONLY_RE.match(prev) and not each_line and not after_gap and _URL_REST_RE.fullmatch(text) \
                and (prev.endswith(("=", "?", "&", "/", "-", "_", "%")) or _URL_TAIL_RE.fullmatch(text)):
            cells[-1] = Cell(cells[-1].text + text, cells[-1].first, k)  # an address wrapped onto the next line
        elif link_column and (URL_ONLY_RE.match(text) or LABELLED_URL_RE.match(text)) \
                and not prev.rstrip().endswith((":", "：")):
            cells.append(Cell(text, k, k))  # (an address a line, bare or after its label: "官网：https://…")
        elif cells and _CONSTANT_LINE_RE.fullmatch(text) and _CONSTANT_LINE_RE.fullmatch(prev):
            # one permission a line: "android.permission.INTERNET" over "android.permission.CAMERA", one cell
            cells[-1] = Cell(cells[-1].text + "\n" + text, cells[-1].first, k)
        elif cells and not after_blank and not (link_column and LABELLED_URL_RE.match(prev)) and (continues(prev, text) or (
                doc.lines[k].no - doc.lines[k - 1].no == 1 and doc.lines[k].indent > doc.lines[cells[-1].first].indent)):
            # (a line right under the cell's and indented deeper: its text wrapped onto an indented line)
            cells[-1] = Cell(cells[-1].text + "\n" + text, cells[-1].first, k)
        else:
            cells.append(Cell(text, k, k))
        if limit is not None and len(cells) > limit:
            cells.pop()  # the cell after the limit has begun, so the ones before it are whole
            complete = False
            break
    return [Cell(" ".join(c.text.split()), c.first, c.last) for c in cells], complete


_URL_REST_RE = re.compile(rf"[{URL_ASCII_CHARS}]+")
_URL_TAIL_RE = re.compile(r"(?=[^\s]*(?:[/=&?]|\.(?:s?html?|pdf|php|aspx?|jsp)$))" + _URL_REST_RE.pattern)
"""The rest of an address cut at the end of a line ("ces/html/contract.html", "eee1044?dver=2.1"): its path, query or
page, or any characters of an address after one cut right after "=", "/"…; no name of a next row ("OkHttp")."""
_ROW_NUMBER_RE = re.compile(r"[(（]?\d{1,3}[.)）、]?|[一二三四五六七八九十]{1,3}、?")
"""The cell of a row-number column ("1", "2.", "（3）", "四、")."""


def _sdk_rows(roles: list[str | None], cells: list[Cell]) -> tuple[list[Row], int, int]:
    """Rows of a flattened SDK table, how many cells they used, and how many of them had one cell for each
    column (no more, no less): ``n`` cells a row, or up to the cell holding the row's link when the last
    column holds links."""
    n = len(roles)
    rows: list[Row] = []
    whole = 0
    linked = any(URL_RE.search(c.text) for c in cells[:n]) and not any(URL_RE.search(c.text) for c in cells[:n - 1])
    numbered = roles[0] == "index"  # a row number opens each row ("序号", "#"): the name is the cell after it
    pos = 0
    constants = roles.index("permissions") if "permissions" in roles else None
    # the name's column: the last one named so (a header of the SDK's kind, then of its name: "SDK种类" / "SDK名称")
    named_at = max((k for k, r in enumerate(roles) if r == "name"), default=0)
    while pos < len(cells):
        if rows and constants is not None and _CONSTANT_LINE_RE.fullmatch(cells[pos].text):
            # constants after a row's last cell: the rest of its permission cell ("android.permission.WRITE_…" in
            # it, "android.permission.READ_…" on a line after the row), never a row's name
            last = rows[-1]
            texts = list(last.cells)
            texts[constants] = f"{texts[constants]}\n{cells[pos].text}".strip()
            rows[-1] = Row(tuple(texts), last.first, cells[pos].last)
            pos += 1
            continue
        if numbered and not (_ROW_NUMBER_RE.fullmatch(cells[pos].text) and pos + 1 < len(cells)):
            break
        if not name_like(cells[pos + numbered].text):
            break
        if linked:
            end = next((k for k in range(pos, min(len(cells), pos + n + 3)) if URL_RE.search(cells[k].text)), None)
            if end is None and pos + n <= len(cells) and not any(URL_RE.search(c.text) for c in cells[pos:pos + n]):
                end = pos + n - 1  # a row whose link cell shows no address ("Uses device native API"): n cells
            if end is None or end - pos < 1:
                break
            first_link = end
            while end + 1 < len(cells) and (URL_ONLY_RE.match(cells[end + 1].text)
                                            or LABELLED_URL_RE.match(cells[end + 1].text)):
                end += 1  # the row's link written twice, or its site then its policy: no row opens with an address
            chunk = cells[pos:end + 1]
            texts = [c.text for c in chunk]
            short = n - 1 - (first_link - pos)
            if rows and not numbered and 0 < short <= named_at:
                # a row one cell or more short before its links, the name's column not among those it lacks: its
                # first cells were merged with the row above's ("人脸识别SDK" over two SDKs of that kind), whose
                # texts stand for them
                texts = list(rows[-1].cells[:short]) + texts[:first_link - pos] + [" ".join(texts[first_link - pos:])]
        else:
            chunk = cells[pos:pos + n]
            if len(chunk) < 2:
                break
            texts = [c.text for c in chunk]
        rows.append(Row(tuple(_fit(texts, n)), chunk[0].first, chunk[-1].last))
        whole += len(chunk) == n
        pos += len(chunk)
    return rows, pos, whole


def _uneven(roles: list[str | None], rows: list[Row]) -> bool:
    """Rows cut by the header's width that do not all read as their columns say (:func:`_fit_count`): the
    table's rows may have uneven numbers of cells."""
    return not rows or _fit_count(roles, rows) < len(rows)


_Fits = dict[tuple[str | None, str], float]
"""How well a cell's text reads in a column of a role (:func:`_fits`), by (role, text)."""
MAX_ANCHOR_WIDTH = 40
"""Display width of a cell that may open a row of :func:`_anchored_rows` (a name, not a sentence)."""


def _anchored_rows(roles: list[str | None], cells: list[Cell], ctx: Context,
                   memo: _Fits | None = None) -> tuple[list[Row], int]:
    """Rows of a flattened SDK table whose rows have uneven numbers of cells (an empty cell copies as nothing, a
    merged one stands once, a cell's lines may part into several): each row opens at a cell of the name
    column that names an SDK, and its cells fall to the columns they read as (:func:`_aligned`). Rows and the
    cells they used; none when the table does not open so."""
    n = len(roles)
    key = 1 if roles[0] == "index" and n > 2 else 0
    if roles[key] != "name" or len(cells) <= key:
        return [], 0

    def opens(k: int) -> bool:
        text = cells[k].text
        return width(text) <= MAX_ANCHOR_WIDTH and sdk_like(text, ctx) and not company_like(text) \
            and not _SENTENCE_END_RE.search(text) and not ctx.lexicon.is_header(text) \
            and not PLATFORM_ONLY_RE.fullmatch(text) \
            and (key == 0 or bool(_ROW_NUMBER_RE.fullmatch(cells[k - 1].text)))

    if not opens(key):
        return [], 0
    starts = [key]
    for k in range(key + 1, len(cells)):
        title = ctx.lexicon.is_header(cells[k].text) and ctx.lexicon.role(cells[k].text) == "name"
        if k - starts[-1] > 2 * n + 2 or title:
            break  # no row this long, or the name column's title (the header again): the table has ended
        if opens(k) and k - starts[-1] > 1 + key:  # (the cell right after a row's name is of that row)
            starts.append(k)
    if len(starts) < 2:
        return [], 0
    # the last row ends where its cells read best (a paragraph after the table fits no column of it)
    first = starts[-1] - key
    ends = range(first + key + 2, min(len(cells), first + 2 * n + 2) + 1)
    memo = {} if memo is None else memo
    last = max(ends, key=lambda e: (_aligned(roles, [c.text for c in cells[first:e]], key, ctx, memo)[0], -e),
               default=min(len(cells), first + n))
    bounds = [(a - key, b - key) for a, b in zip(starts, starts[1:])] + [(first, last)]
    rows = []
    for a, b in bounds:
        chunk = cells[a:b]
        texts = _aligned(roles, [c.text for c in chunk], key, ctx, memo)[1]
        rows.append(Row(tuple(texts), chunk[0].first, chunk[-1].last))
    return rows, bounds[-1][1]


def _rows_apart(doc: Document, rows: list[Row], j: int) -> bool:
    """Every row of ``rows`` (read from line ``j``, under the header) opens after blank lines, as many as stand
    between the header and the first row at least: the rows are parted as the page parts them (a reading that
    lost an empty cell opens its rows anywhere)."""
    lines = doc.lines
    gap = lines[j].no - lines[j - 1].no if 0 < j < len(lines) else 0
    return gap > 1 and all(lines[r.first].no - lines[r.first - 1].no >= gap for r in rows[1:] if r.first > 0)


def _links_astray(roles: list[str | None], rows: list[Row]) -> bool:
    """Rows under a header whose last column holds links, one of them with its address out of that column (a
    row with a cell left empty, copied as nothing, shifts its address one column to the left)."""
    return bool(roles) and roles[-1] == "link" and any(
        not URL_ONLY_RE.match(row.cells[-1]) and any(URL_ONLY_RE.match(c) for c in row.cells[:-1]) for row in rows)


MAX_LINKED_ROW = 4
"""Cells of a row of :func:`_link_ended_rows`, in header widths (a cell's lines may each stand apart)."""


def _link_ended_rows(roles: list[str | None], cells: list[Cell], ctx: Context,
                     memo: _Fits) -> tuple[list[Row], int]:
    """Rows of a flattened SDK table whose last column holds links and whose rows have uneven numbers of cells
    (an empty cell copies as nothing: "ijk视频播放器" / "其他" / "开源的视频播放器" / "https://…" under five titles):
    each row ends at its address (and any address right after it), opens with a name, and its other cells fall
    to the columns they read as (:func:`_aligned`). Rows and the cells they used."""
    n = len(roles)
    key = 1 if roles[0] == "index" and n > 2 else 0
    rows: list[Row] = []
    pos = 0
    if roles[key] != "name":
        return rows, pos  # (a row opens with its name: a header whose first title is another's is read otherwise)
    while pos + key < len(cells) and _product_name(cells[pos + key].text) and not URL_ONLY_RE.match(cells[pos].text) \
            and (not key or _ROW_NUMBER_RE.fullmatch(cells[pos].text)):  # (a row opens with its number, then a name)
        end = next((k for k in range(pos + 1, min(len(cells), pos + MAX_LINKED_ROW * n)) if URL_ONLY_RE.match(cells[k].text)),
                   None)  # (a cell's lines may each stand apart: a permission a line)
        if end is None or end - pos < 1 + key:
            break
        links = end
        while links + 1 < len(cells) and URL_ONLY_RE.match(cells[links + 1].text):
            links += 1  # (the row's site, then its policy)
        texts = _aligned(roles[:-1], [c.text for c in cells[pos:end]], key, ctx, memo)[1]
        rows.append(Row(tuple(texts) + (" ".join(c.text for c in cells[end:links + 1]),),
                        cells[pos].first, cells[links].last))
        pos = links + 1
    return rows, pos


_PACKAGE_LIST_SPLIT_RE = re.compile(r"[\s,，、;；/／]+")


def _package_cell(text: str) -> bool:
    """A cell of only package names ("com.huawei.hms，com.g.gysdk"), nothing else written in it."""
    parts = [p for p in _PACKAGE_LIST_SPLIT_RE.split(text.strip()) if p]
    return bool(parts) and all(packages(p) for p in parts)


def _package_ended_rows(roles: list[str | None], cells: list[Cell], ctx: Context,
                        memo: _Fits) -> tuple[list[Row], int]:
    """Rows of a flattened SDK table whose last column holds package names and whose rows have uneven numbers of
    cells (a cell of several parties, "中国移动" / "中国联通" / "中国电信", each a line apart, or one left empty): each
    row ends at its cell of package names (or at an address, a row that gives its link there), and its other cells
    fall to the columns they read as (:func:`_aligned`). Rows and the cells they used."""
    n = len(roles)
    rows: list[Row] = []
    pos = 0
    if n < 3 or roles[-1] != "packages":
        return rows, pos

    def ends(k: int) -> bool:
        return _package_cell(cells[k].text) or bool(URL_ONLY_RE.match(cells[k].text))

    while pos < len(cells) and not ends(pos):
        end = next((k for k in range(pos + 1, min(len(cells), pos + MAX_LINKED_ROW * n)) if ends(k)), None)
        if end is None or end - pos < n - 2:
            break  # (a row gives all its cells but one at least before its package names)
        texts = _aligned(roles[:-1], [c.text for c in cells[pos:end]], 0, ctx, memo)[1]
        rows.append(Row((*texts, cells[end].text), cells[pos].first, cells[end].last))
        pos = end + 1
    return rows, pos


def _parties_apart(roles: list[str | None], rows: list[Row]) -> list[Row]:
    """``rows`` of a table named by its party column (no name column) with each row whose party cell lists several
    parties, a line each (:func:`_aligned` joins them with "、": "中国移动" / "中国联通" / "中国电信" beside "一键登录"),
    read as one row per party, each with the row's other cells."""
    if "name" in roles or "company" not in roles:
        return rows
    at = roles.index("company")
    out: list[Row] = []
    for row in rows:
        parties = row.cells[at].split("、") if at < len(row.cells) else []
        if len(parties) < 2 or not all(_party_name(p) for p in parties):
            out.append(row)
            continue
        out.extend(Row(row.cells[:at] + (p,) + row.cells[at + 1:], row.first, row.last) for p in parties)
    return out


def _platform_rows_joined(roles: list[str | None], rows: list[Row]) -> list[Row]:
    """``rows`` with each row whose name cell names a platform only (:data:`PLATFORM_ONLY_RE`: "iOS端" after "微信分享SDK /
    分享 / 安卓端 / …") joined to the row before it: the SDK's cells for that platform, which the row's own cells gain
    (column by column); such a cell never opens a row of its own."""
    if "name" not in roles:
        return rows
    name = roles.index("name")
    out: list[Row] = []
    for row in rows:
        if out and name < len(row.cells) and PLATFORM_ONLY_RE.fullmatch(row.cells[name].strip()):
            before = out[-1]
            cells = tuple(a if k == name or not b.strip() or b.strip() in a else " ".join(p for p in (a, b) if p)
                          for k, (a, b) in enumerate(zip(before.cells, row.cells)))
            out[-1] = Row(cells + before.cells[len(cells):], before.first, row.last)
        else:
            out.append(row)
    return out


MIN_BLOCK_ROWS = 2
"""Paragraphs under a header that make it a table of a row a paragraph (:func:`_block_rows`)."""


def _block_rows(doc: Document, roles: list[str | None], i: int, j: int, ctx: Context, memo: _Fits
                ) -> tuple[list[Row], list[Row]]:
    """Rows of a flattened SDK table whose header is one paragraph (lines ``i..j-1``, a title a line; or titles
    standing each apart, as far from each other) and whose rows are each a paragraph of a cell a line, some
    shorter or longer than the header (a cell left empty copies
    as nothing: "wechat pay" / "网络切换、WIFI信息" / "网络切换、WIFI信息" under four titles; a cell's text goes on
    on a line of its own): the blank lines part the rows, the cells of such a row fall to the columns they read
    as (:func:`_aligned`). None when the header or the first rows are not so (a paragraph more than twice the
    header's length, or one not opening with a name). Second, only when the rows do not stand as far apart as the
    first from the header (a header set off by more blank lines: no rows read so), the rows read as far apart as
    makes rows of the header's length; else none."""
    lines = doc.lines
    n = len(roles)
    # the name's cell opens a row, after a row number, the partner's kind ("数据分析服务合作方") or its company where
    # the header puts them first
    lead = next((k for k, r in enumerate(roles) if r not in _KIND_ROLES and r != "company"), n)
    key = lead if 0 < lead < n - 1 and roles[lead] == "name" else 0
    step = lines[i + 1].no - lines[i].no if j - i >= 2 else 1
    if step > 1 and "name" not in roles:
        return [], []  # (titles apart over a table named by its company: its cells decide, read a cell at a time)
    if any(lines[k].no - lines[k - 1].no != step for k in range(i + 1, j)) or j >= len(lines) \
            or lines[j].no - lines[j - 1].no < 2 or (i > 0 and lines[i].no - lines[i - 1].no < 2):
        return [], []  # (a title right over the header's first is a column of its own: "所属系统" / "SDK名称" / …)

    def kept(rows: list[Row]) -> list[Row]:
        # (rows all of the header's length read alike a cell a line, unless the header has titles only a paragraph
        # gives)
        even = None not in roles and all(r.last - r.first + 1 == n for r in rows)
        return rows if len(rows) >= MIN_BLOCK_ROWS and not even else []

    # the rows stand as far apart as the first row from the header; under titles that stand apart themselves, as
    # far apart as makes rows of about the header's length
    if step > 1:
        (apart, fitting), (apart_lines, fitting_lines) = _row_gap(lines, j, n, step), _row_gap(lines, j, n)
        if fitting < fitting_lines:  # (cells a line each, as the first rows read: no cell of several lines)
            apart, step = apart_lines, 1
        return kept(_paragraph_rows(doc, roles, j, key, apart, ctx, memo, step)), []
    rows = _paragraph_rows(doc, roles, j, key, lines[j].no - lines[j - 1].no, ctx, memo)
    if len(rows) >= MIN_BLOCK_ROWS:
        return kept(rows), []
    # a header set off by more blank lines than part its rows (the first "row" then runs over several)
    return [], kept(_paragraph_rows(doc, roles, j, key, _row_gap(lines, j, n)[0], ctx, memo))


def _paragraph_rows(doc: Document, roles: list[str | None], j: int, key: int, apart: int, ctx: Context,
                    memo: _Fits, step: int = 1) -> list[Row]:
    """Rows from line ``j``, each the lines closer to each other than ``apart``, while they read as rows
    (:func:`_block_rows`). A row's lines closer to each other than ``step`` (how far apart the header's titles
    stand, as its cells do) are one cell's ("android.permission.CAMERA" over "android.permission.RECORD_AUDIO" two
    lines apart, in a table whose cells stand five apart); lines a multiple of ``step`` apart, well past the rows'
    distance, have as many cells left empty between them (their blank lines dropped: ten apart, one empty cell)."""
    lines = doc.lines
    n = len(roles)
    rows: list[Row] = []
    k = j

    def within(gap: int, cells: int, text: str) -> bool:
        if step > 1 and gap > step and cells >= n and not URL_ONLY_RE.match(text):
            return False  # (a row of cells apart that has them all ends where the next line stands off otherwise than
            # its cells do, however short of the rows' distance; a cell more at the cells' own distance is a column
            # the header did not title, and an address alone the link of one)
        # (a cell left empty, its blank lines dropped: twice the cells' distance, well past the rows' own, which may
        # stand a line further apart now and then, in a row that has room for it)
        return gap < apart or (step > 1 and gap >= apart + 2 and gap % step == 0 and cells + gap // step <= n)

    while k < len(lines):
        end, cells_so_far = k, 1
        while end + 1 < len(lines) and within(gap := lines[end + 1].no - lines[end].no, cells_so_far,
                                              lines[end + 1].text.strip()):
            cells_so_far += gap // step if step > 1 and gap >= step else 0
            end += 1
        texts = [lines[b].text.strip() for b in range(k, end + 1)]
        if step > 1:
            cells = [texts[0]]
            for b in range(k + 1, end + 1):
                gap = lines[b].no - lines[b - 1].no
                if gap < step and not URL_ONLY_RE.match(texts[b - k]) and not URL_ONLY_RE.match(cells[-1]):
                    # (a name or company wrapped: "北京某某信息科技" / "有限公司", one word; an address alone is the
                    # link's cell, however close: a row's last cell may follow its company closer than cells do, or
                    # the company the address: "https://…" / "某某有限公司" under "SDK所属公司及隐私政策链接")
                    glue = "" if CJK_RE.match(cells[-1][-1:]) and CJK_RE.match(texts[b - k][:1]) else " "
                    cells[-1] += glue + texts[b - k]
                else:
                    cells.extend([""] * (gap // step - 1 if gap >= apart + 2 else 0) + [texts[b - k]])
            texts = cells
        if rows and len(texts) == 1 and (URL_ONLY_RE.match(texts[0]) or LABELLED_URL_RE.match(texts[0])):
            # a row's last cell, its link alone ("信息处理规则：https://…"), set as far off as the rows are: that row's
            rows[-1] = _with_cell(rows[-1], roles, texts[0], ctx, memo, key, end)
            k = end + 1
            continue
        if rows and len(texts) == 1 and rows[-1].last - rows[-1].first + 1 == n - 1 \
                and lines[k].no - lines[rows[-1].last].no < 2 * apart and width(texts[0]) <= MAX_LONE_CELL \
                and not is_heading(texts[0]):
            # a row's last cell set a line further off than its other cells ("点击查看" three lines under the data
            # cell, where the rows' others stand two): that row's, one cell short of the header's
            rows[-1] = _with_cell(rows[-1], roles, texts[0], ctx, memo, key, end)
            k = end + 1
            continue
        if rows and "permissions" in roles and all(_CONSTANT_LINE_RE.fullmatch(t) for t in texts):
            # permission constants alone, as far off as the rows are: the row above's, gone on past its last cell
            rows[-1] = _with_cell(rows[-1], roles, "\n".join(texts), ctx, memo, key, end)
            k = end + 1
            continue
        if not key + 2 <= len(texts) <= 2 * n or not name_like(texts[key]) or ctx.lexicon.is_header(texts[key]) \
                or (ctx.lexicon.data_types_in(texts[key], cell=True) and not sdk_like(texts[key], ctx)
                    and len(texts) != n) \
                or any(is_heading(t) or "|" in t or lines[b].mark for b, t in zip(range(k, end + 1), texts)):
            break
        cells = texts if len(texts) == n else _aligned(roles, texts, key, ctx, memo)[1]
        rows.append(Row(tuple(cells), k, end))
        k = end + 1
    return rows


MAX_LONE_CELL = 24
"""Display width of a row's last cell that may stand alone a line further off than the row's others ("点击查看")."""


def _with_cell(row: Row, roles: list[str | None], text: str, ctx: Context, memo: _Fits, key: int, last: int) -> Row:
    """``row`` with one more line, its cells read again over the header's columns (:func:`_aligned`)."""
    texts = [c for c in row.cells if c] + [text]
    cells = texts if len(texts) == len(roles) else _aligned(roles, texts, key, ctx, memo)[1]
    return Row(tuple(cells), row.first, last)


def _row_gap(lines: Sequence[Line], j: int, n: int, step: int = 1) -> tuple[int, int]:
    """The distance between lines from which two lines after ``j`` stand in two rows, for a table of ``n`` columns
    whose cells (and titles) stand apart: of the distances between the lines of its first rows, the one that
    parts them into the most rows of ``n`` cells, give or take one (the larger when as many); and how many rows
    of them so read. Lines closer than ``step`` are one cell's (:func:`_paragraph_rows`)."""
    gaps = [lines[k + 1].no - lines[k].no for k in range(j, min(len(lines) - 1, j + ROW_GAP_ROWS * n))]
    best, best_rows = 2, -1
    for apart in sorted(set(g for g in gaps if g >= max(2, step))):
        lengths, length = [], 1
        for g in gaps:
            if g >= apart:
                lengths.append(length)
                length = 1
            elif g >= step:
                length += 1
        rows = sum(1 for m in lengths if abs(m - n) <= 1)
        if rows >= best_rows:
            best, best_rows = apart, rows
    return best, max(best_rows, 0)


ROW_GAP_ROWS = 6
"""Rows of a table whose cells stand apart read to learn how far apart its rows stand."""
_JOIN_COST = 0.4
"""What one more cell in a column costs a reading (:func:`_aligned`): a cell a line is the common shape."""
_EMPTY_COST = 0.8
"""What a column left empty costs a reading: fewer cells than columns happen (an empty cell copies as nothing)."""


def _aligned(roles: list[str | None], texts: list[str], key: int, ctx: Context,
             memo: _Fits | None = None) -> tuple[float, list[str]]:
    """The cells of one row set in the columns they read as, in order, and how well they read: each column
    takes none, one or several consecutive cells (joined), the row's name in its name column; the best reading
    by how well each cell fits its column (a company where the company column is, data where the data column
    is...)."""
    n, m = len(roles), len(texts)
    memo = {} if memo is None else memo  # (one table's cells are weighed once for each role)
    fit = [[_fit_of(role, t, ctx, memo) for t in texts] for role in roles]
    best: dict[tuple[int, int], tuple[float, list[int]]] = {}  # (cells used, columns filled) -> score, cuts

    def solve(i: int, j: int) -> tuple[float, list[int]]:
        if j == n:
            return (0.0, []) if i == m else (float("-inf"), [])
        if (i, j) in best:
            return best[(i, j)]
        if j <= key:  # the index and name columns take one cell each
            options = [i + 1] if i < m else []
        else:
            options = list(range(i, m + 1))
        result: tuple[float, list[int]] = (float("-inf"), [])
        for k in options:
            score = -_EMPTY_COST if k == i else sum(fit[j][i:k]) - _JOIN_COST * (k - i - 1)
            rest, cuts = solve(k, j + 1)
            if score + rest > result[0]:
                result = (score + rest, [k] + cuts)
        best[(i, j)] = result
        return result

    score, cuts = solve(0, 0)
    if len(cuts) != n:
        return float("-inf"), texts[:n] + [""] * (n - len(texts))
    out, i = [], 0
    for role, k in zip(roles, cuts):
        part = texts[i:k]
        joint = "；" if role == "company" else " "
        if role == "company" and len(part) > 1:  # a provider's lines: its name, a phone number, "隐私政策"
            named = [t for t in part if company_like(t)]
            if not named and all(_party_name(t) and not URL_RE.search(t) for t in part):
                joint = "、"  # several parties' names, each a line ("中国移动" / "中国联通" / "中国电信"): one a row
            part = named or part
        out.append(joint.join(part))
        i = k
    return score, out


MAX_PARTY_WIDTH = 12
"""Display width of a party's short name standing a line in a cell of several parties ("中国移动", "网易云信")."""
_CLAUSE_WORD_RE = re.compile(r"的|用于|提供|^为|为(?:了|您|你|用户|我们|实现|提供)|\s(?:for|to|of)\s", re.IGNORECASE)
"""Words of a clause, not of a party's name: "为" only opening a clause ("为了…", "为用户提供…"), not in "华为"."""


def _party_name(text: str) -> bool:
    """A party's short name ("中国移动", "vivo"), no words of a clause ("统计应用的使用情况")."""
    return width(text) <= MAX_PARTY_WIDTH and _product_name(text) and not _CLAUSE_WORD_RE.search(text)
_LINK_WORDS_RE = re.compile(r"隐私|政策|协议|规则|privacy|policy|terms", re.IGNORECASE)
"""The words a link cell shows in place of its address ("隐私政策", "Privacy Policy")."""


def _fits(role: str | None, text: str, ctx: Context) -> float:
    """How well a cell reads as one of a column of ``role``: a column of a kind of fact (data, permissions,
    links) takes a cell that states none badly."""
    if role == "company":  # (a party's short name, "中国移动", reads there better than as words of a purpose)
        return 2.0 if company_like(text) else 0.75 if _party_name(text) and not DATA_CATEGORY_RE.search(text) \
            and not ctx.lexicon.data_types_in(text, cell=True) else 0.0
    if role == "data":
        return 2.0 if ctx.lexicon.data_types_in(text, cell=True) else -0.5
    if role == "permissions":  # (a permission's own words, then a word that may name one, "位置", then a kind of
        # data that needs one, "视频": a use's or a description's words may have the last two)
        return 2.0 if ctx.lexicon.permissions_in(text) else 1.0 if ctx.lexicon.permissions_in(text, weak=True) \
            else 0.25 if ctx.lexicon.permissions_in(text, weak=True, derive=True) else -0.5
    if role in ("link", "website"):
        return 2.0 if URL_RE.search(text) else 0.5 if _LINK_WORDS_RE.search(text) else -0.5
    if role == "packages":
        return 2.0 if packages(text) else -0.5
    if role == "name":
        return 1.0 if _product_name(text) and width(text) <= MAX_ANCHOR_WIDTH else 0.0
    if role in ("purpose", "description", "scene", "method"):
        return 0.5 if not company_like(text) else 0.0
    return 0.0


def _reading(roles: list[str | None], rows: list[Row], ctx: Context, memo: _Fits | None = None) -> float:
    """How well ``rows`` read: the sum of how each cell fits its column (:func:`_fits`)."""
    memo = {} if memo is None else memo
    return sum(_fit_of(role, cell, ctx, memo) for row in rows for role, cell in zip(roles, row.cells) if cell)


def _mean_fit(roles: list[str | None], rows: list[Row], ctx: Context, memo: _Fits) -> float:
    """How well ``rows`` read a cell (:func:`_reading` over the cells they fill): readings of one table's text
    that part it into more or fewer rows compare alike."""
    filled = sum(1 for row in rows for _, cell in zip(roles, row.cells) if cell)
    return _reading(roles, rows, ctx, memo) / filled if filled else 0.0


def _fit_of(role: str | None, text: str, ctx: Context, memo: _Fits) -> float:
    """:func:`_fits`, remembered in ``memo`` (one table's cells are weighed once for each role)."""
    key = (role, text)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _fits(role, text, ctx)
    return found


def _reads_more(roles: list[str | None], fewer: list[Row], more: list[Row], ctx: Context, memo: _Fits) -> bool:
    """Whether the reading with fewer rows reads more of them right (cells that fit their columns, counted over
    the rows: a cell of two lines read as two shifts every cell after it, and the rows it leaves are many)."""
    return _mean_fit(roles, fewer, ctx, memo) * len(fewer) > _mean_fit(roles, more, ctx, memo) * len(more)


def _fit_count(roles: list[str | None], rows: list[Row]) -> int:
    """How many of ``rows`` read as their columns say: a name that is no company's, a company where the
    company column stands."""
    return sum(all((role != "name" or _product_name(cell))
                   and (role != "company" or company_like(cell)) for role, cell in zip(roles, row.cells))
               for row in rows)


def _fit(texts: list[str], n: int) -> list[str]:
    """Fit a row's cells to ``n`` columns: extra middle cells join the last column, missing ones stay empty."""
    if len(texts) > n:
        return texts[: n - 1] + [" ".join(texts[n - 1:])]
    return texts + [""] * (n - len(texts))


_SENTENCE_END_RE = re.compile(r"[.。!?！？](?:\s|$)")
"""A sentence ends in the text: a paragraph, never a permission cell (which lists labels or constants)."""


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
        if _SENTENCE_END_RE.search(cell.text) or not ctx.lexicon.permissions_in(cell.text, weak=True):
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


def _paragraph_end(lines: Sequence[Line], k: int, apart: int) -> int:
    """The last line of the paragraph that opens at line ``k``: the lines after it closer to the one before than
    ``apart`` (2: no blank line between them)."""
    end = k
    while end + 1 < len(lines) and lines[end + 1].no - lines[end].no < apart:
        end += 1
    return end


def _scene_blocks(doc: Document, roles: list[str | None], i: int, j: int, ctx: Context) -> list[SceneClaim]:
    """Rows of a flattened scene table whose header is one paragraph of a title a line and whose rows are each a
    paragraph of a cell a line, its last the permissions ("业务场景 / 场景说明 / 访问及使用权限" then "会员中心 /
    编辑收货地址时，通过通讯录选择联系人 / 访问通讯录权限"): the blank lines part the rows, and a row one cell short
    of the header's takes its first cell from the row above (a merged scene cell: "用户发表评价时通过语音转文字进行评价" /
    "使用麦克风权限" under "评价"). Any blank line parts two rows, as the header's titles stand on lines next to each
    other. A description may name permissions of its own ("通过通讯录选择"): only the permission column's place
    says which cell lists them. Empty unless at least two rows read so."""
    lines = doc.lines
    n = len(roles)
    if n < 2 or roles[-1] != "permissions" or "permissions" in roles[:-1] or j >= len(lines) \
            or any(lines[k].no - lines[k - 1].no != 1 for k in range(i + 1, j)) or lines[j].no - lines[j - 1].no < 2:
        return []
    sc = roles.index("scene") if "scene" in roles else 0
    use = next((k for k, r in enumerate(roles) if r in ("purpose", "description") and k != sc), None)
    out: list[SceneClaim] = []
    above: list[str] = []
    k = j
    while k < len(lines):
        end = _paragraph_end(lines, k, 2)
        texts = [lines[b].text.strip() for b in range(k, end + 1)]
        if len(texts) == n - 1 and above and n >= 3:
            texts = above[:1] + texts  # (the merged first cell)
        if len(texts) != n or any(is_heading(t) or "|" in t or lines[b].mark for b, t in zip(range(k, end + 1), texts)) \
                or _SENTENCE_END_RE.search(texts[sc]) or width(texts[sc]) > MAX_HEADER_WIDTH \
                or not (ctx.lexicon.permissions_in(texts[-1], weak=True) or _NO_PERMISSION_RE.match(texts[-1])
                        or _UNKNOWN_PERMISSION_RE.match(texts[-1])):
            break
        if ctx.lexicon.permissions_in(texts[-1], weak=True):
            out.append(SceneClaim(texts[sc], texts[use] if use is not None else "", texts[-1], k, end))
        above = texts
        k = end + 1
    return out if len(out) >= MIN_BLOCK_ROWS else []


def _scene_paragraphs(doc: Document, roles: list[str | None], i: int, j: int, ctx: Context) -> list[SceneClaim]:
    """Rows of a flattened permission table whose header is one paragraph of a title a line, one of them the
    permissions' constants ("权限代码") and one the use ("业务功能及目的"), and whose rows are each a paragraph as far
    from the next as the first from the header, their cells of uneven number ("定位权限 / 安卓 / android.permission.
    ACCESS_COARSE_LOCATION / android.permission.ACCESS_FINE_LOCATION / 为保护账户安全…调用。 / 是"; a row for another
    platform, "IOS / NSLocationWhenInUseUsageDescription / 是", is skipped, whatever it says): a row's permissions are
    the constants it lists, or its first cell when that is a permission's name and nothing else, its scene the lines
    on the use's side of them that are more than a short answer ("是", "否，安卓系统不支持关闭", "安卓"). A paragraph
    that is such an answer alone (a cell set as far off as the rows are) is skipped too; the table ends at the first
    paragraph that names no permission and says more. Empty unless at least :data:`MIN_BLOCK_ROWS` rows read so."""
    lines = doc.lines
    whole = next((k for k in range(i + 1, j) if lines[k].no - lines[k - 1].no != 1), j)
    roles, j = roles[:whole - i], whole  # (the header is its first paragraph: a first row's cell may have been read
    n = len(roles)  # as one more title, "设备权限" after "权限是否可以关闭")
    sc = next((k for k, r in enumerate(roles) if r in ("scene", "purpose")), None)
    pc = next((k for k, r in enumerate(roles) if r == "permissions"
               and _CODE_TITLE_RE.search(lines[i + k].text)), None)
    if sc is None or pc is None or j >= len(lines):
        return []
    apart = lines[j].no - lines[j - 1].no
    if apart < 2:
        return []
    out: list[SceneClaim] = []
    k = j
    while k < len(lines):
        end = _paragraph_end(lines, k, apart)
        texts = [lines[b].text.strip() for b in range(k, end + 1)]
        if len(texts) > 3 * n or any(is_heading(t) or "|" in t or lines[b].mark for b, t in zip(range(k, end + 1), texts)):
            break
        at = [b for b, t in enumerate(texts) if _CONSTANT_LINE_RE.fullmatch(t)]
        if at:
            side = texts[at[-1] + 1:] if sc > pc else texts[:at[0]]
            permissions = " ".join(texts[b] for b in at)
        elif any(_IOS_KEY_RE.search(t) for t in texts) or all(_ANSWER_RE.match(t) for t in texts):
            k = end + 1  # a row for another platform, or an answer set as far off as the rows
            continue
        elif label_cell(texts[0], ctx, strict=True):
            side, permissions = texts[1:], texts[0]
        else:
            break
        scene = " ".join(t for t in side if not _ANSWER_RE.match(t) and not _IOS_KEY_RE.search(t))
        out.append(SceneClaim(scene, "", permissions, k, end))  # (a row with no use still lists its permissions)
        k = end + 1
    return out if len(out) >= MIN_BLOCK_ROWS else []


_CODE_TITLE_RE = re.compile(r"代码|常量|constant|code", re.IGNORECASE)
"""A permission column's title that says it holds the constants ("权限代码", "Permission constant")."""
_ANSWER_RE = re.compile(r"^(?:(?:是|否|可以?|不可以?|允许|不允许|yes|no)(?:[，,、;；].{0,30})?|安卓|android|ios|鸿蒙|harmonyos"
                        r"|[/—–-]+|无)$", re.IGNORECASE)
"""A cell that is a short answer or a platform ("是", "否，安卓系统不支持关闭", "安卓", "/"), never a use."""
_IOS_KEY_RE = re.compile(r"\b[A-Z][A-Za-z]{2,60}UsageDescription\b|\bUN[A-Za-z]+Settings\b")
"""An iOS permission's key ("NSCameraUsageDescription", "NFCReaderUsageDescription", "UNNotificationSettings"):
another platform's permission, no use."""


_UNKNOWN_PERMISSION_RE = re.compile(r"^[^，。,;；:：\s]{2,16}权限$")
"""A permission cell naming a permission the lexicon does not know ("全局弹出对话框权限"): a row of the table all
the same, with no pair to give."""
_NO_PERMISSION_RE = re.compile(r"^(?:无|没有|不涉及|none|n/?a|-+|—+)$", re.IGNORECASE)
"""A permission cell saying the row's feature asks for none ("注册 / 无 / 用户注册")."""


def _placed_scene_rows(roles: list[str | None], cells: list[Cell], ctx: Context) -> tuple[list[SceneClaim], int]:
    """Rows of a flattened scene table read a header's width at a time, when the header has one column of
    permissions and one of scenes and columns after the permissions' ("业务功能 / 对应权限 / 使用目的 / 是否询问 /
    可否关闭"): each row's scene, permissions and use from their columns, while each row's permission cell names
    a permission or says none, and its scene cell is no sentence."""
    n = len(roles)
    if roles.count("permissions") != 1 or "scene" not in roles or roles.index("permissions") == n - 1:
        return [], 0
    p, sc = roles.index("permissions"), roles.index("scene")
    use = next((k for k, r in enumerate(roles) if r in ("purpose", "description") and k != sc), None)
    out: list[SceneClaim] = []
    used = 0
    for start in range(0, len(cells) - n + 1, n):
        row = cells[start:start + n]
        cell, scene = row[p].text, row[sc].text
        if _SENTENCE_END_RE.search(scene) or width(scene) > MAX_HEADER_WIDTH:
            break
        if not ctx.lexicon.permissions_in(cell, weak=True):
            if not _NO_PERMISSION_RE.match(cell.strip()):
                break
            used = start + n
            continue
        out.append(SceneClaim(scene, row[use].text if use is not None else "", cell, row[0].first, row[-1].last))
        used = start + n
    return out, used


MAX_SPACED_HEADER = 160
_WIDE_ROLES = ("data", "purpose", "description", "scene")
"""Roles of a column whose cells hold blanks of their own (data lists, sentences): the one column that takes
the tokens of a blank-separated row that the single-word columns leave."""


def _spaced_tables(doc: Document, ctx: Context) -> list[Structure]:
    """SDK tables copied as text with the cells of a row separated by blanks: a header line of column titles
    that all name roles, one a name ("第三方公司名称 SDK名称 涉及个人信息 共享目的 共享方式 隐私政策链接") or one the
    permissions and one a use ("获取场景 获取权限 对应功能业务 调用权限目的": a permission table), then one
    line per row (a permission cell naming a permission, or a line of one token a column). The columns left of
    the widest column take one token each from the left, those right of
    it one token each from the right; a row whose company, name or link cell does not read so ends the table."""
    out: list[Structure] = []
    lines = doc.lines
    i = 0
    while i < len(lines):
        roles = _spaced_roles(lines[i].text, lines[i].mark, ctx)
        if roles is None:
            i += 1
            continue
        rows = [Row(tuple(lines[i].text.split()), i, i)]
        k = i + 1
        while k < len(lines) and not lines[k].mark and "|" not in lines[k].text:
            cells = _spaced_cells(lines[k].text, roles, ctx)
            if cells is None:
                break
            rows.append(Row(tuple(cells), k, k))
            k += 1
        structure = read_grid(Grid(tuple(rows), ExtractorKind.FLAT_TABLE), ctx, CONFIDENCE) if len(rows) > 1 else None
        if structure is not None:
            out.append(structure)
        i = k if structure is not None else i + 1
    return out


def _spaced_roles(text: str, mark: str, ctx: Context) -> list[str] | None:
    tokens = text.split()
    if mark or "|" in text or not 3 <= len(tokens) <= MAX_COLUMNS or width(text) > MAX_SPACED_HEADER:
        return None
    roles = []
    for token in tokens:
        role = ctx.lexicon.role(token)
        if role in roles and role in _USE_ROLES:
            role = "description"  # a second column of the use ("对应功能业务" / "调用权限目的"): more of what it says
        if role is None or (role in roles and role != "description"):
            return None
        roles.append(role)
    if "name" in roles:
        return roles
    titled = all(width(t) <= MAX_UNKNOWN_TITLE for t in tokens) and any(ctx.lexicon.is_header(t) for t in tokens)
    # (a permission column first is the permission list's blank-separated table, rows that may go on over lines)
    return roles if titled and "permissions" in roles[1:] and {"scene", "purpose"} & set(roles) else None


def _spaced_cells(text: str, roles: list[str], ctx: Context) -> list[str] | None:
    """A row's cells by the header's roles, or None when the line does not read as a row."""
    tokens = text.split()
    n = len(roles)
    wide = next((roles.index(r) for r in _WIDE_ROLES if r in roles), None)
    if len(tokens) < n or (wide is None and len(tokens) != n):
        return None
    if wide is not None:
        right = n - wide - 1
        tokens = tokens[:wide] + [" ".join(tokens[wide:len(tokens) - right])] + tokens[len(tokens) - right:]
    for role, cell in zip(roles, tokens):
        if (role == "company" and not company_like(cell)) or (role == "link" and not URL_RE.search(cell)) \
                or (role == "name" and (not name_like(cell) or company_like(cell))) \
                or (role == "permissions" and len(text.split()) != n
                    and not ctx.lexicon.permissions_in(cell, weak=True, derive=True)):
            return None
    return tokens


MAX_GLUED_HEADER = 80
MIN_GLUED_COLUMNS = 3
MAX_GLUED_ROW_LINES = 30
_GLUED_ROW_RE = re.compile(r"^\s*(\d{1,3})(?=[^\d\s.、，,:：)）])(.+)$")
_GLUED_NAME_RE = re.compile(r"^\s*(.{1,60}?(?:SDK|Sdk|sdk|Kit|KIT|插件|组件))(?![a-z])")
_GLUED_COMPANY_RE = re.compile(r"^\s*(.{2,60}?(?:有限责任公司|股份有限公司|有限公司|集团|公司|Co\.,?\s?Ltd\.?|Inc\.|LLC|"
                               r"Ltd\.?|Limited|GmbH|Corporation|Corp\.))")

_CLOSING_RE = re.compile(r"[^（()）]{0,60}?[)）]")
"""The rest of a bracket up to its closing mark (another company named in it)."""


def _glued_tables(doc: Document, ctx: Context) -> list[Structure]:
    """SDK tables whose cells lost what parted them (a page's table copied as text): a header of column titles
    run together ("序号SDK名称第三方主体涉及的个人信息种类使用目的处理方式隐私政策链接"), then rows numbered 1, 2, 3…,
    each opening with its number run into its first cell and going on over the lines up to the next number. A
    row's cells are found by what ends them: a name by its SDK word (or a catalog name), a company by its legal
    form, a link by its address; what lies between is the wide cell (data, purpose)."""
    out: list[Structure] = []
    lines = doc.lines
    i = 0
    while i < len(lines):
        opens_row = i + 1 < len(lines) and _GLUED_ROW_RE.match(lines[i + 1].text) is not None  # (cheap test first)
        titles = _glued_titles(lines[i].text, lines[i].mark, ctx) if opens_row else None
        if titles is None:
            i += 1
            continue
        roles = [role for _, role in titles]
        rows = [Row(tuple(t for t, _ in titles), i, i)]
        texts: list[str] = []
        k, first = i + 1, i + 1
        while k < len(lines) and k - first <= MAX_GLUED_ROW_LINES and not lines[k].mark.startswith("h") \
                and "|" not in lines[k].text:
            m = _GLUED_ROW_RE.match(lines[k].text)
            if m and int(m.group(1)) == len(rows) + bool(texts):  # the next row opens
                if texts:
                    cells = _glued_cells(" ".join(texts), roles, ctx)
                    if cells is None:
                        break
                    rows.append(Row(tuple(cells), first, k - 1))
                texts, first = [m.group(2)], k
            elif texts:
                texts.append(lines[k].text.strip())
            else:
                break
            k += 1
        cells = _glued_cells(" ".join(texts), roles, ctx) if texts else None
        if cells is not None:
            rows.append(Row(tuple(cells), first, k - 1))
        structure = read_grid(Grid(tuple(rows), ExtractorKind.FLAT_TABLE), ctx, CONFIDENCE) if len(rows) > 1 else None
        if structure is not None:
            out.append(structure)
        i = structure.last + 1 if structure is not None else i + 1
    return out


def _glued_titles(text: str, mark: str, ctx: Context) -> list[tuple[str, str]] | None:
    """``(title, role)`` of a header whose titles run together (:func:`auditor.policy.table.split_titles`); None
    for any other line. The first title numbers the rows and one names the SDK or its company."""
    text = text.strip()
    if mark or "|" in text or not 6 <= len(text) <= MAX_GLUED_HEADER or len(text.split()) >= MIN_GLUED_COLUMNS \
            or ctx.lexicon.role(text[:4]) != "index" and ctx.lexicon.role(text[:2]) != "index":
        return None
    found = split_titles(text, ctx)
    if found is None or len(found) < MIN_GLUED_COLUMNS:
        return None
    roles = [r for _, r in found]
    if roles[0] != "index" or len(set(roles)) != len(roles) or not {"name", "company"} & set(roles):
        return None
    return found


def _glued_cells(text: str, roles: list[str], ctx: Context, lenient: bool = False) -> list[str] | None:
    """A glued row's cells by the header's roles (the row number's cell left empty), or None when a name or
    company cell cannot be found where the header puts it (``lenient``: a company cell not found is left empty,
    its words going to the wide cell)."""
    cells = [""] * len(roles)
    rest = text.strip()
    link = ""
    if "link" in roles or "website" in roles:
        found = URL_RE.findall(rest)
        if found:
            link = found[-1]
            rest = rest[:rest.rfind(link)].strip()
    wide = next((k for k, r in enumerate(roles) if r in _WIDE_ROLES), None)
    for k, role in enumerate(roles):
        if role == "index":
            continue
        if role == "name":
            m = _GLUED_NAME_RE.match(rest)
            if m is None:
                spot = next((end for start, end, _ in ctx.names.spot(rest) if start == 0), None)
                if spot is None:
                    return None
                cells[k], rest = rest[:spot].strip(), rest[spot:]
                continue
            cells[k], rest = m.group(1).strip(), rest[m.end():]
            note = _NAME_NOTE_RE.match(rest)
            if note and not company_like(note.group(1)):
                # "消息推送SDK*（集成个推、华为…的推送服务）浙江…有限公司": what the name's note says is the name's
                cells[k], rest = cells[k] + note.group(0).strip(), rest[note.end():]
        elif role == "company":
            m = _GLUED_COMPANY_RE.match(rest)
            if m is None:
                if lenient:
                    continue
                return None
            end = m.end()
            close = _CLOSING_RE.match(rest, end)
            if unbalanced(m.group(1)) and close:
                end = close.end()  # "微信（深圳市腾讯计算机系统有限公司）", "OPPO（OPPO广东移动通信有限公司、广东欢太科技有限公司）":
                # the bracket the company opened closes it
            cells[k], rest = rest[:end].strip(), rest[end:]
        elif role in ("link", "website"):
            cells[k] = link
    if wide is not None:
        cells[wide] = rest.strip()
    return cells


_NAME_NOTE_RE = re.compile(r"\s*\*?\s*[（(]([^()（）]{1,60})[)）]")
"""A note in brackets right after a glued row's name (a company in brackets is the company's cell)."""
MIN_BLOCKED_ROWS = 3
"""Rows a table of blocks needs (:func:`_blocked_tables`)."""
MAX_BLOCKED_LINES = 20
"""Lines of one block: a row whose wide cell lists its items one a line."""


def _blocked_tables(doc: Document, ctx: Context) -> list[Structure]:
    """SDK tables copied one block of lines per row, the blocks parted by blank lines, under a header whose titles
    run together and number no rows ("第三方SDK第三方服务商收集信息业务场景"): a block's first line holds the cells
    left of the wide column (data, purpose…) run together ("小米消息推送SDK小米科技有限责任公司", read as a glued
    row's are, :func:`_glued_cells`), its last line the one cell right of it, and the lines between are the wide
    cell's items ("获取任务信息" / "读取手机状态" / …). At least :data:`MIN_BLOCKED_ROWS` blocks; a block whose first
    line names no SDK where the header puts its name, or a heading, ends the table."""
    out: list[Structure] = []
    lines = doc.lines
    headers: dict[tuple[str, str], list[tuple[str, str]] | None] = {}  # this read's header lines, by text
    i = 0
    while i + 1 < len(lines):
        if lines[i + 1].no - lines[i].no < 2 or ctx.lines[i].width > 2 * MAX_GLUED_HEADER \
                or not _NAME_TITLE_WORD_RE.search(lines[i].text):  # (cheap tests first)
            i += 1
            continue
        key = (lines[i].text, lines[i].mark)
        if key not in headers:
            headers[key] = _block_titles(lines[i].text, lines[i].mark, ctx)
        titles = headers[key]
        if titles is None:
            i += 1
            continue
        roles = [role for _, role in titles]
        wide = next(k for k, r in enumerate(roles) if r in _WIDE_ROLES)
        rows = [Row(tuple(t for t, _ in titles), i, i)]
        k = i + 1
        while k < len(lines) and not lines[k].mark.startswith("h") and "|" not in lines[k].text:
            end = k
            while end + 1 < len(lines) and lines[end + 1].no == lines[end].no + 1 and end - k < MAX_BLOCKED_LINES:
                end += 1
            block = [lines[m].text.strip() for m in range(k, end + 1)]
            if len(block) < 3 or end - k >= MAX_BLOCKED_LINES:
                break
            left = _glued_cells(block[0], roles[:wide] + [roles[wide]], ctx, lenient=True)
            if left is None or left[wide] or not any(left[n] for n, r in enumerate(roles[:wide]) if r == "name"):
                break  # (its first line is the cells left of the wide one, nothing more)
            cells = left[:wide] + ["、".join(block[1:-1]), block[-1]]
            rows.append(Row(tuple(cells), k, end))
            k = end + 1
        structure = read_grid(Grid(tuple(rows), ExtractorKind.FLAT_TABLE), ctx, CONFIDENCE) \
            if len(rows) > MIN_BLOCKED_ROWS else None
        if structure is not None:
            out.append(structure)
        i = structure.last + 1 if structure is not None else i + 1
    return out


_SENTENCE_MARK_RE = re.compile(r"[，。；;:：！？!?]")
"""A mark of a sentence or a label, which titles run together never hold."""
_NAME_TITLE_WORD_RE = re.compile(r"sdk|第三方|名称|产品|插件|组件|服务|product|service|librar|component|tool", re.IGNORECASE)
"""A word of the title of a column of names (the lexicon's ``name`` titles): a header of blocks has one."""


def _block_titles(text: str, mark: str, ctx: Context) -> list[tuple[str, str]] | None:
    """``(title, role)`` of a header whose titles run together for a table of blocks (:func:`_blocked_tables`):
    the name's title first (or the company's, then the name's), one wide column (data, purpose…) and one title after
    it; None for any other line."""
    text = text.strip()
    if mark or "|" in text or not 6 <= len(text) <= MAX_GLUED_HEADER or len(text.split()) >= MIN_GLUED_COLUMNS \
            or _SENTENCE_MARK_RE.search(text):
        return None
    found = split_titles(text, ctx)
    if found is None or len(found) < MIN_GLUED_COLUMNS:
        return None
    roles = [r for _, r in found]
    wide = [k for k, r in enumerate(roles) if r in _WIDE_ROLES]
    if len(set(roles)) != len(roles) or "name" not in roles[:2] or not wide or wide[0] != len(roles) - 2 \
            or any(r not in ("name", "company") for r in roles[:wide[0]]):
        return None
    return found


MAX_RUN_ON_ROW = 600
"""Characters of one row of a run-on table (its data and purpose cells are sentences at most)."""
MIN_RUN_ON_ROWS = 2
MAX_RUN_ON_MISSES = 1
"""Rows in a row whose name is not found a run-on table goes past (one: a name written unlike the rest; two: the
table has ended)."""
_LINK_TITLE_END_RE = re.compile(r"(?:链接|地址|网址|官网|隐私政策|隐私协议|隐私声明|保护政策|保护规则|处理规则|URL|url|[Ll]ink)+(?![:：])")
"""Where a header whose last title is a link may end ("…第三方隐私政策链接", "…隐私协议"), not a label before its
colon ("隐私政策："): the first row follows it at once."""
_ADDRESS_END_RE = re.compile(r"\.(?:s?html?|php|jsp|aspx)(?=[A-Z])|(?<=[A-Za-z0-9/=_-])(?=[\u4e00-\u9fff])")
"""Where an address ends inside what a run-on row glued to it: at Chinese words, or at a capital after its page's
extension ("…/zh_CN.htmlOPPO 推送SDK": the next row's name)."""

_NAME_AFTER_ADDRESS_RE = re.compile(r"(?<=[a-z])(?:[A-Z]{2,}|[A-Z][a-z]+)$")
"""A capitalised word run into the end of an address's lowercase path ("…/privacy-policyMeizu"): the next row's
name, when words follow it."""


def _run_on_tables(doc: Document, ctx: Context) -> list[Structure]:
    """SDK tables whose header and rows all ran together into one line, nothing parting them (a page crawled as
    one line, its table copied cell after cell): a header of column titles run together whose last title is the
    link ("SDK名称第三方名称个人信息类型使用目的第三方隐私政策链接"), then rows each ending with its link's address,
    the next row's name right after it. A row's cells are found as in a numbered glued table
    (:func:`_glued_cells`), its address ending it."""
    out: list[Structure] = []
    tried: dict[str, list[tuple[str, str]] | None] = {}  # this read's headers, split
    for i, line in enumerate(doc.lines):
        text = line.text
        if len(text) < MAX_GLUED_HEADER or line.mark or "|" in text or not CJK_RE.search(text) \
                or not URL_RE.search(text):
            continue
        start = 0
        for m in _LINK_TITLE_END_RE.finditer(text):
            if m.end() < start or not _row_follows(text, m.end()):
                continue
            titles = _run_on_titles(text, m.end(), ctx, tried)
            if titles is None:
                continue
            roles = [role for _, role in titles]
            rows = [Row(tuple(t for t, _ in titles), i, i)]
            at = end = m.end()
            missed = 0
            while at < len(text) and missed <= MAX_RUN_ON_MISSES:
                cell_text, at = _run_on_row(text, at)
                if not cell_text:
                    break
                cells = _glued_cells(cell_text, roles, ctx, lenient=True)
                missed = 0 if cells else missed + 1
                if cells:
                    rows.append(Row(tuple(cells), i, i))
                    end = at
            if len(rows) - 1 >= MIN_RUN_ON_ROWS:
                structure = read_grid(Grid(tuple(rows), ExtractorKind.FLAT_TABLE), ctx, CONFIDENCE)
                if structure is not None:
                    out.append(structure)
                    start = end
    return out


def _row_follows(text: str, at: int) -> bool:
    """Whether a row's address comes within a row's reach after ``at``, no sentence ending before it and no colon
    right before it ("隐私政策：https://…" is a label's value, not a header's end)."""
    found = URL_RE.search(text, at, at + MAX_RUN_ON_ROW)
    return found is not None and not _NO_ROW_RE.search(text, at, found.start())


_NO_ROW_RE = re.compile(r"[:：]\s*$|[。；;]")


def _run_on_titles(text: str, end: int, ctx: Context, tried: dict[str, list[tuple[str, str]] | None]
                   ) -> list[tuple[str, str]] | None:
    """The titles of the longest header of at least :data:`MIN_GLUED_COLUMNS` titles the lexicon has exactly that
    ends at ``end``: the SDK's name first, maybe its company next, then the wide cells (data, purpose…), its link
    last (the order in which a row's cells can be found by what ends them); None when none does. Only a start where
    a name's title opens is tried, after the last punctuation before ``end``; ``tried``: this document's headers
    split so far (at most :data:`MAX_RUN_ON_SPLITS`: a text made to hold many costs no more)."""
    lo = max(0, end - MAX_GLUED_HEADER)
    stop = _HEADER_STOP_RE.search(text[lo:end][::-1])
    lo = end - stop.start() if stop else lo
    for start in range(lo, end - 5):
        if text[start].isspace() or not _opens_with_name_title(text, start, ctx):
            continue
        head = text[start:end]
        if head not in tried:
            if len(tried) >= MAX_RUN_ON_SPLITS:
                return None
            tried[head] = _header_titles(head, ctx)
        if tried[head] is not None:
            return tried[head]
    return None


MAX_RUN_ON_SPLITS = 200
"""Headers a document's run-on tables are looked for in (a page has a few; each costs a split of its titles)."""
_HEADER_STOP_RE = re.compile(r"[:：。；;，,]")


def _opens_with_name_title(text: str, start: int, ctx: Context) -> bool:
    """Whether a title of the SDK's name the lexicon has exactly opens at ``start`` ("SDK名称…", "第三方SDK名称…")."""
    return any(ctx.lexicon.role(text[start:start + n]) == "name" and ctx.lexicon.is_header(text[start:start + n])
               for n in range(2, MAX_GLUED_TITLE + 1) if start + n <= len(text))


def _header_titles(head: str, ctx: Context) -> list[tuple[str, str]] | None:
    """``head``'s titles when it splits into a run-on table's header (see :func:`_run_on_titles`), else None."""
    found = split_titles(head, ctx)
    if found is None or len(found) < MIN_GLUED_COLUMNS:
        return None
    roles = [r for _, r in found]
    middle = roles[2:-1] if roles[1] == "company" else roles[1:-1]
    if roles[0] == "name" and roles[-1] in ("link", "website") and middle \
            and all(r in _WIDE_ROLES for r in middle) and len(set(roles)) == len(roles) \
            and all(ctx.lexicon.is_header(t) for t, _ in found):
        return found
    return None


def _run_on_row(text: str, at: int) -> tuple[str, int]:
    """The text of the run-on row that opens at ``at``, up to the end of its address, and where the next one
    opens; ``("", at)`` when no address ends a row within :data:`MAX_RUN_ON_ROW` characters."""
    found = URL_RE.search(text, at, min(len(text), at + MAX_RUN_ON_ROW))
    if found is None:
        return "", at
    end_of = _ADDRESS_END_RE.search(found.group(0), len("https://"))
    end = found.start() + end_of.end() if end_of else found.end()
    name = _NAME_AFTER_ADDRESS_RE.search(text, found.start(), end)
    if name and end < len(text) and (text[end].isspace() or CJK_RE.match(text[end])):
        end = name.start()  # "…/privacy-policyVIVO 推送SDK": the next row's name opens with a capital
    return text[at:end].strip(), end
