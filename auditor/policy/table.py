"""One table model for every tabular shape (HTML, DOCX, pipe, flattened): column roles, then rows.

Column roles come from the header through the lexicon (``SDK名称``, ``第三方名称``, ``使用目的``, ``权限``, ``包名``…)
and, for columns whose header names no role (or tables without a header), from the cells: URLs, package
names, company-like names, permission constants, data lists, index numbers, SDK-like names. Then:

- a table with an SDK-name column gives SDK rows (a merged or empty name cell continues the row above);
- a table with a permission column and no name column gives scene rows (an empty scene cell repeats the
  scene above);
- any other table with known columns is a personal-data table: it owns its lines and names no SDK.

A field/value table (label left, value right, one record after another) is first turned into one row per
record (:mod:`auditor.policy.field_table`). A cell may carry labelled parts of other roles ("开发者：…；隐私政策：https://…"); they are read too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from auditor.policy.claims import Context, ExtractorKind, RowFacts, SceneClaim, SdkClaim, Structure
from auditor.policy.document import Row
from auditor.policy.field_table import field_records
from auditor.policy.phrases import fold
from auditor.policy.text import (
    COMPONENT_WORD_RE,
    LABELLED_URL_RE,
    NOT_NAME_RE,
    NOTHING_RE,
    URL_RE,
    company_like,
    cued_company,
    linked_names,
    name_like,
    packages,
    urls,
    width,
)

SDK_FACTS = frozenset({"company", "purpose", "data", "link", "website", "permissions", "packages", "method", "scene"})
_SEPARATOR_RE = re.compile(r"^\s*:?-{2,}:?\s*$")
_INDEX_RE = re.compile(r"^\s*[(（]?\d{1,3}[.)）、]?\s*$")
_LABEL_RE = re.compile(r"(?:^|(?<=[；;。\s]))([^：:；;。\s][^：:；;。]{0,15}?)\s*[：:](?!//)\s*")
"""A label inside a cell ("开发者：…"); the colon of a URL's scheme ("协议 https://…") is not one."""
_BRACKETED_COMPANY_RE = (re.compile(r"^(.{2,60}?[)）])\s*[（(]\s*([^（()）]{3,120}?)\s*[)）]*\s*$"),
                         re.compile(r"^(.{2,60}?)\s*[（(]\s*(.{3,120}?)\s*[)）]*\s*$"))
"""The company in brackets after the product (see :data:`_EMBEDDED_COMPANY_RE`)."""
_EMBEDDED_COMPANY_RE = (re.compile(r"^[（(]\s*([^（()）]{2,40}?)\s*[)）]\s*([^（()）\s][^，,。；;：:]{2,80}?)\s*$"),
                        re.compile(r"^(.{2,60}?)\s[—–-]{1,2}\s+(.{3,120}?)\s*$"),
                        re.compile(r"^(.{2,60})[—–-]{1,2}([\u4e00-\u9fff][^—–-]{2,120}?)\s*$"),
                        re.compile(r"^(.{2,60}?)\s+(\S{2,60}(?:公司|集团|研究院|工作室))\s*$"),
                        re.compile(r"^(\S{0,40}(?:sdk|kit)\b(?:\s\S{1,40}){0,2}|\S{1,40}\s(?:sdk|kit))\s+by\s+(.{3,120}?)\s*$",
                                   re.IGNORECASE),
                        re.compile(r"^(.{2,40}?(?:SDK|sdk|Sdk))([\u4e00-\u9fff][^，,。；;：:]{3,80}?(?:公司|集团))\s*$"),
                        *_BRACKETED_COMPANY_RE)
"""``（产品）某某有限公司`` (the product in brackets before its company); ``Product — Company`` (a dash with spaces around it);
``产品-某某有限公司`` (a bare dash before a Chinese company, the last dash); ``产品 某某（中国）有限公司`` (a Chinese company name
after the last space: a cell of two lines, the product over its company); ``GravtySDK by Loyalty Juggernaut Inc.``
(an SDK's or kit's name of up to three words before "by", a registered company after it; not a sentence, "OpenX is
an advertising service provided by …"); ``高德地图SDK高德软件有限公司`` (a Chinese company run into the product's name right
after its "SDK", a row's two cells on one line); ``产品（含某组件）（某某有限公司）`` (the company in the last of two brackets);
else ``产品（某某（北京）有限公司）`` (the company in brackets from the first one on). The dash first, so a bracket inside the
product ("X (app) — Y Ltd") stays in the product; the two lines before the bracket, so a bracket inside the
company stays in it."""
_PLACE_IN_COMPANY_RE = re.compile(r"^\s*[^（()）]{2,30}[（(][\u4e00-\u9fff]{2,4}[)）][^（()）]{0,30}"
                                  r"(?:有限(?:责任)?公司|股份有限公司|集团|公司)\s*$")
"""A Chinese company's name with its place in brackets ("腾讯科技（深圳）有限公司", "支付宝（中国）网络技术有限公司")."""
MAX_HEADER_SCAN = 3


@dataclass(frozen=True)
class Grid:
    """A table as rows of cells, header first when it has one, whatever shape it was read from."""

    rows: tuple[Row, ...]
    extractor: ExtractorKind
    header_found: bool = True
    """False when the reader could not tell a header row (roles then come from the cells only)."""
    keyed: bool = False
    """True when the first row is certainly the header and every other row one record of its own (the
    records of an object literal under their keys): never a field/value table, a record with no name never
    continues the one above."""
    notes: tuple[str, ...] = field(default=())
    header_first: bool = False
    """True when the first row is certainly the header (a Markdown table's row over its ``|---|`` line),
    whatever its words: its unknown titles get roles from the cells below."""


def read_grid(grid: Grid, ctx: Context, confidence: float = 0.9) -> Structure | None:
    """SDK rows, scene rows or a data region from one table; None when no column has a known role."""
    rows = [r for r in grid.rows if any(c.strip() for c in r.cells) and not _separator(r.cells)]
    if len(rows) < 2:
        return None
    records = None if grid.keyed else field_records(rows, ctx)
    if records is not None:
        rows = records
    start = 0 if records is not None or grid.keyed else _header_index(rows, ctx) if grid.header_found else None
    if start is None and grid.header_first and records is None:
        start = 0
    header = rows[start].cells if start is not None else ()
    body = rows[start + 1:] if start is not None else rows
    if not body:
        return None
    roles = _purpose_is_scene(column_roles(header, body, ctx), header)
    body = _unshifted(roles, body, ctx)
    first, last = rows[0].first, rows[-1].last
    if "name" in roles:
        sdks = _sdk_rows(roles, body, ctx, merge=not grid.keyed)
        if sdks:
            scenes: list[SceneClaim] = []
            if "permissions" in roles and "scene" in roles:
                # an SDK's permissions with the scene of each ("SDK | 权限 | 使用场景"): scene pairs too; a row
                # without a scene of its own gives none (what it says it is for is the SDK's purpose)
                scenes = _scene_rows(roles, body, ctx, own_scene=True, merged=not grid.keyed)
            elif "permissions" in roles and "purpose" in roles and _permission_rows(roles, body):
                scenes = _scene_rows(roles, body, ctx)  # one SDK's permissions a row, each with its use
            return Structure(grid.extractor, first, last, confidence if header else confidence - 0.2, sdks=tuple(sdks),
                             scenes=tuple(scenes))
    if "permissions" in roles:
        scenes = _scene_rows(roles, body, ctx)
        if scenes:
            return Structure(grid.extractor, first, last, confidence - 0.05, scenes=tuple(scenes))
    if any(r not in (None, "index") for r in roles):
        scenes = _data_scene_rows(roles, body, ctx)
        return Structure(grid.extractor, first, last, confidence - 0.3, scenes=tuple(scenes), data=not scenes)
    return None


TIMING_TITLE_RE = re.compile(r"时机|何时|\btiming\b|\bwhen (?:it is )?(?:requested|asked)\b", re.IGNORECASE)
"""A column title of when the app asks ("调用时机", "何时获取", "Timing"), not of what for."""
_FUNCTION_TITLE_RE = re.compile(r"功能说明|功能描述|\bfunction\b", re.IGNORECASE)
_PURPOSE_TITLE_RE = re.compile(r"目的|用途|场景|\bpurposes?\b|\bwhy\b|\breasons?\b", re.IGNORECASE)


def _purpose_is_scene(roles: list[str | None], header: Sequence[str]) -> list[str | None]:
    """Columns that say when the app asks ("调用时机", "Timing of Permission Requests") or what the permission
    itself does ("权限功能说明", "Function of the Permission") beside one that says what for ("使用目的", "Purpose of
    the Permission"): that one is the scene, the others describe it."""
    purpose = [i for i, (r, h) in enumerate(zip(roles, header)) if r in ("scene", "purpose", "description")
               and _PURPOSE_TITLE_RE.search(h) and not TIMING_TITLE_RE.search(h) and not _FUNCTION_TITLE_RE.search(h)]
    other = {i for i, (r, h) in enumerate(zip(roles, header)) if i not in purpose and (
        (r == "scene" and TIMING_TITLE_RE.search(h)) or (r == "purpose" and _FUNCTION_TITLE_RE.search(h)))}
    if not purpose or not other:
        return roles
    chosen = purpose[0]  # (a second purpose column was read as a description: it is the use here)
    return ["description" if i in other else ("purpose" if i == chosen and r == "description" else r)
            for i, r in enumerate(roles)]


_CONSTANTS_ONLY_RE = re.compile(r"^\s*(?:(?:android\.permission\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+[\s,，、/]*)+$")


def _unshifted(roles: list[str | None], body: Sequence[Row], ctx: Context) -> list[Row]:
    """Rows of a table whose first column spans rows (a merged cell) written without that cell, their cells one
    column to the left ("READ_EXTERNAL_STORAGE | 读取外部存储 | 用于… | |" under "SDK | 权限 | 描述 | 场景"): the
    first cell holds only permission constants, the permission column is the second, the row's last cell is
    empty. Such a row gets its empty first cell back; every other row stays as it is."""
    if len(roles) < 3 or roles[0] == "permissions" or roles[1] != "permissions":
        return list(body)
    return [Row(("",) + tuple(row.cells[:-1]), row.first, row.last) if len(row.cells) == len(roles)
            and shifted_left(row.cells, ctx) else row for row in body]


def shifted_left(cells: Sequence[str], ctx: Context) -> bool:
    """A row written without its first cell (see :func:`_unshifted`): it opens with permission constants only
    and its last cell is empty."""
    return len(cells) >= 3 and not cells[-1].strip() and _CONSTANTS_ONLY_RE.match(cells[0]) is not None \
        and bool(ctx.lexicon.permissions_in(cells[0], weak=True))


def _merged_across(cells: Sequence[str]) -> bool:
    """A row whose one text fills every cell: a caption merged over the width of the table."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) >= 2 and len(filled) == len(cells) and len(set(filled)) == 1


def _separator(cells: Sequence[str]) -> bool:
    return all(_SEPARATOR_RE.match(c) or not c.strip() for c in cells) and any(c.strip() for c in cells)


_LEGAL_ENTITY_RE = re.compile(r"有限(?:责任)?公司\s*$|股份有限公司|\b(?:co\.?,?\s*ltd|ltd|limited|inc|llc|gmbh)\b\.?\s*$",
                              re.IGNORECASE)
"""A registered company's name ("…网络技术有限公司", "… Co., Ltd.", "… Inc."): never a column title."""


def _header_index(rows: list[Row], ctx: Context) -> int | None:
    """The first of the top rows whose cells mostly name roles (a ``<td>`` header row counts too)."""
    for i, row in enumerate(rows[:MAX_HEADER_SCAN]):
        cells = [c for c in row.cells if c.strip()]
        if len(cells) > 1 and len(set(cells)) == 1:
            continue  # a caption merged over the whole width, not a row of column titles
        if any(URL_RE.search(c) or _LEGAL_ENTITY_RE.search(c) for c in cells):
            continue  # an address or a registered company's name: a row of data, whatever words it holds
        named = [c for c in cells if ctx.lexicon.role(c) is not None and len(c) <= 32]
        if len(named) >= 2 and len(named) * 2 >= len(cells):
            return i
        if len({ctx.lexicon.role(c) for c in named}) >= 3 and len(named) * 3 >= len(cells):
            return i  # a wide table ("Location", "Transfer", "Accepted on"... beside Provider, Purpose, Data)
    return None


KIND_TITLE_RE = re.compile(r"类型|类别|分类|种类|\btype\b|\bcategory\b|\bkind\b", re.IGNORECASE)
"""A column title that names a kind ("SDK类型", "SDK种类", "Type of SDK"): before a title of the SDK's name, the
column of what kind of SDK each row is, not its name."""


def column_roles(header: Sequence[str], body: Sequence[Row], ctx: Context) -> list[str | None]:
    """Role of each column: the header's, else what the cells look like; one column per role (data,
    permissions and descriptions may span several)."""
    width = max(len(header), max(len(r.cells) for r in body))
    roles: list[str | None] = []
    for i in range(width):
        role = ctx.lexicon.role(header[i]) if i < len(header) and header[i].strip() else None
        if role == "purpose" and role in roles:
            role = "description"  # a second purpose column ("用途", "目的"): what the row says of it too
        elif role == "name" and "name" in roles and KIND_TITLE_RE.search(header[roles.index("name")]) \
                and not KIND_TITLE_RE.search(header[i]) and _merged(roles.index("name"), body):
            # "SDK种类" then "SDK名称", the kind standing for several rows ("人脸识别SDK" over two SDKs): the kind,
            # then the name (a kind column whose every row has a kind of its own reads as the name: "Product Type")
            roles[roles.index("name")] = "description"
        elif role == "company" and "company" in roles and "name" not in roles \
                and _products(roles.index("company"), body):
            # "第三方名称" then "所属公司名称" over "某某SDK" / "某某有限公司": the party's name, then its company
            roles[roles.index("company")] = "name"
        elif role in roles and role not in ("data", "permissions", "description", "website", "link", "choice"):
            role = None
        roles.append(role)
    if "name" in roles and "company" in roles and _kinds_beside_brands(header, roles, body):
        # "第三方公司名称 | 产品/类型" over "某云 | 云服务", "某框架 | 框架SDK": the kind column names what kind of
        # product each row is, the party's column the product (no company's name among its cells)
        kind, party = roles.index("name"), roles.index("company")
        roles[kind], roles[party] = "description", "name"
    for i in range(width):
        if roles[i] is None:
            cells = [r.cells[i] for r in body if i < len(r.cells) and _filled(r.cells[i])]
            roles[i] = _content_role(cells, roles, ctx)
        elif roles[i] == "company" and not ctx.lexicon.is_header(header[i]):
            # a title read as a company's only by a word it holds ("第三方登录及分享": the first cell of a merged
            # kind column read into the header of a table copied a cell a line) over cells that name no company
            cells = [r.cells[i] for r in body if i < len(r.cells) and _filled(r.cells[i])]
            if cells and not any(company_like(c) or product_company(c) or _LEGAL_ENTITY_RE.search(c) or URL_RE.search(c)
                                 for c in cells):
                roles[i] = None
    _permission_titles(roles, body, ctx)
    for i in range(width):
        if _label_column(i, body):
            roles[i] = None  # "Reason:" in every row: the page's label for the next column, no value
    if "name" in roles and "title" in roles and not _titled_as(header, roles.index("name"), ctx, ("name",)):
        col = roles.index("title")
        cells = [r.cells[col] for r in body if col < len(r.cells) and r.cells[col].strip()]
        if cells and sum(1 for c in cells if name_like(c)) * 5 >= len(cells) * 4:
            roles[roles.index("name")] = None  # a "Name" column beats one only its cells named (a slug "admob")
    if "name" not in roles and "title" in roles and SDK_FACTS & set(roles):
        roles[roles.index("title")] = "name"
    if "name" not in roles:
        _name_by_content(roles, body, ctx)
    if "name" not in roles and not any(h.strip() for h in header) and ("company" in roles or "link" in roles):
        _products_beside(roles, body)
    titled = "name" in roles and _titled_as(header, roles.index("name"), ctx, ("name", "title"))
    if "company" in roles and not titled:
        col = roles.index("company")
        if _products(col, body):
            if "name" in roles:  # a column named by its cells only gives way to the titled one
                roles[roles.index("name")] = None
            roles[col] = "name"  # a "Provider" column holding "Product — Company" cells, or products
    return roles


def _kinds_beside_brands(header: Sequence[str], roles: list[str | None], body: Sequence[Row]) -> bool:
    """The name column is titled as a kind ("产品/类型", "Type") and repeats a few kinds down its rows (two rows or
    more a kind on average), while the company column beside it holds no registered company's name, only the
    parties' own names: those name the products."""
    name, company = roles.index("name"), roles.index("company")
    if name >= len(header) or not KIND_TITLE_RE.search(header[name]):
        return False
    kinds = [c.strip() for r in body if name < len(r.cells) and (c := r.cells[name].strip())]
    parties = [c.strip() for r in body if company < len(r.cells) and _filled(c := r.cells[company])]
    return len(kinds) >= 2 and len(set(kinds)) * 2 <= len(kinds) and bool(parties) \
        and not any(company_like(c) or _LEGAL_ENTITY_RE.search(c) for c in parties) \
        and all(name_like(c) for c in parties)


def _label_column(col: int, body: Sequence[Row]) -> bool:
    """Column ``col`` holds one text in every row that fills it (two rows at least), a label ending with a colon or
    a question mark ("Reason:", "Optional?"): a UI's label kept beside each value (an app's i18n strings)."""
    filled = [c for r in body if col < len(r.cells) and (c := r.cells[col].strip())]
    return len(filled) >= 2 and len(set(filled)) == 1 and filled[0].endswith((":", "：", "?", "？"))


def _products(col: int, body: Sequence[Row]) -> bool:
    """Column ``col``'s cells are mostly products, not companies ("某某SDK", or "Product — Company")."""
    cells = [r.cells[col] for r in body if col < len(r.cells) and r.cells[col].strip()]
    return bool(cells) and sum(1 for c in cells if not company_like(c) or product_company(c)) * 2 > len(cells)


def _merged(col: int, body: Sequence[Row]) -> bool:
    """Column ``col`` repeats its cells down the rows as a merged cell does when filled into each row it spans:
    at least three rows, at most two distinct texts in three."""
    cells = [r.cells[col].strip() for r in body if col < len(r.cells) and r.cells[col].strip()]
    return len(cells) >= 3 and len(set(cells)) * 3 <= len(cells) * 2


def _filled(cell: str) -> bool:
    """A cell that says something of what its column holds (not "-", "/", "无", "N/A")."""
    return bool(cell.strip()) and not NOTHING_RE.match(cell)


def _titled_as(header: Sequence[str], col: int, ctx: Context, roles: tuple[str, ...]) -> bool:
    """The header gives column ``col`` one of these roles (not its cells)."""
    return col < len(header) and bool(header[col].strip()) and ctx.lexicon.role(header[col]) in roles


def _permission_titles(roles: list[str | None], body: Sequence[Row], ctx: Context) -> None:
    """A bare "名称" / "Name" column of permissions ("相机", "android.permission.CAMERA") in a table with no
    permission column: the permission column (a permission list under "名称 | 说明")."""
    if "permissions" in roles or "name" in roles or "title" not in roles:
        return
    col = roles.index("title")
    cells = [r.cells[col] for r in body if col < len(r.cells) and r.cells[col].strip()]
    hits = sum(1 for c in cells if len(c) <= MAX_PERMISSION_TITLE and not sdk_like(c, ctx)
               and ctx.lexicon.permissions_in(c, weak=True))
    if cells and hits >= PERMISSION_SHARE * len(cells):
        roles[col] = "permissions"


PERMISSION_SHARE = 0.6
MAX_PERMISSION_TITLE = 32
"""A longer cell is a sentence, where a weak permission word ("相机", "Location") says nothing."""
_NEVER_NAMES = frozenset({"company", "link", "website", "packages", "permissions", "data", "method", "index", "item"})
NAME_SHARE = 0.6


MAX_PRODUCT_WIDTH = 40


def _products_beside(roles: list[str | None], body: Sequence[Row]) -> None:
    """A table with no header (rows kept as data: ``SdkInfo("穿山甲", "北京…有限公司", "https://…")``) whose
    companies or links stand beside a column of short names that are no company's nor addresses: that
    column (the first such) names the rows' products."""
    for i, role in enumerate(roles):
        if role is not None:
            continue
        cells = [r.cells[i] for r in body if i < len(r.cells) and _filled(r.cells[i])]
        if len(cells) >= 2 and sum(1 for c in cells if name_like(c) and width(c) <= MAX_PRODUCT_WIDTH
                                   and not company_like(c) and not URL_RE.search(c)) * 5 >= len(cells) * 4:
            roles[i] = "name"
            return


def _name_by_content(roles: list[str | None], body: Sequence[Row], ctx: Context) -> None:
    """A table with no name column whose header says something else over a column of SDK names ("功能类型"
    over "华为游戏服务SDK", "鲸鸿动能SDK"…): that column is the name column."""
    best: tuple[float, int] | None = None
    for i, role in enumerate(roles):
        if role in _NEVER_NAMES:
            continue
        cells = [r.cells[i] for r in body if i < len(r.cells) and _filled(r.cells[i])]
        if len(cells) < 2:
            continue
        share = sum(1 for c in cells if name_like(c) and sdk_like(c, ctx)) / len(cells)
        if share >= NAME_SHARE and (best is None or share > best[0]):
            best = (share, i)
    if best is not None:
        roles[best[1]] = "name"


def _content_role(cells: list[str], roles: list[str | None], ctx: Context) -> str | None:
    if not cells:
        return None
    n = len(cells)

    def share(test: Callable[[str], object]) -> float:
        return sum(1 for c in cells if test(c)) / n

    if share(lambda c: _INDEX_RE.match(c)) >= 0.8:
        return "index"
    if share(_link_cell) >= 0.6 and "link" not in roles:
        return "link"
    if share(lambda c: packages(c)) >= 0.5 and "packages" not in roles:
        return "packages"
    if share(company_like) >= 0.6 and "company" not in roles:
        return "company"
    if share(lambda c: ctx.lexicon.permissions_in(c, weak=False, verbal=True) and len(c) <= 80) >= 0.5:
        return "permissions"
    if share(_path) >= 0.6:
        return None  # file names ("images/admob.png"): page assets, not data
    if share(lambda c: ctx.lexicon.data_types_in(c, cell=True)) >= 0.5:
        return "data"
    if "name" not in roles and share(lambda c: name_like(c) and sdk_like(c, ctx)) >= 0.5:
        return "name"
    if share(lambda c: len(c) >= 40 and not name_like(c)) >= 0.6:
        return "description"  # sentences about the row ("该SDK由…提供，会收集您的…")
    return None


_PATH_RE = re.compile(r"^[\w.@-]*(?:/[\w.@-]+)+\.[A-Za-z0-9]{2,5}$|^[\w-]+\.(?:png|jpe?g|gif|svg|webp|ico)$", re.IGNORECASE)


def _path(cell: str) -> bool:
    """A file path or name ("images/admob.png", "logo.svg"), not a URL."""
    return bool(_PATH_RE.match(cell.strip())) and not URL_RE.search(cell)


def _link_cell(cell: str) -> bool:
    """A cell that is a link: an address with at most a label beside it, not a sentence that ends in one."""
    return bool(URL_RE.search(cell)) and len(URL_RE.sub("", cell).strip()) <= MAX_LINK_LABEL


MAX_LINK_LABEL = 40
"""Characters beside the address in a link cell ("隐私政策链接：https://…", "Privacy policy: https://…")."""


MAX_BARE_NAME = 40
"""Display width of a line or cell that is only a name (:func:`name_only`)."""
_NAME_END_RE = re.compile(r"[。.!?！？;；:：,，]$")


def name_only(text: str, ctx: Context) -> bool:
    """``text`` is only a short name: no sentence, address, company, header word, data or permission (a list's
    bare name line; a name on the line under a name label left empty). A catalog name or a component's may hold a word
    of data or a permission ("极光推送", "某某推送SDK"), unless those words are all of it ("Advertising ID")."""
    return ctx.ask(_name_only, text)


def _name_only(text: str, ctx: Context) -> bool:
    if not (width(text) <= MAX_BARE_NAME and not _NAME_END_RE.search(text) and name_like(text)
            and not NOT_NAME_RE.fullmatch(text) and not company_like(text) and not ctx.lexicon.is_header(text)):
        return False
    said = [*ctx.lexicon.data_types_in(text, cell=True), *ctx.lexicon.permissions_in(text, weak=True)]
    # (a catalog name, or a component's, may hold a word of data or a permission, "极光推送", "某某推送SDK": a name
    # still, unless those words are all of it, "Advertising ID")
    whole = fold(text).strip()
    return not said or ((ctx.names.known(text) or COMPONENT_WORD_RE.search(text) is not None)
                        and all(fold(p).strip() != whole for _, p in said))


def sdk_like(cell: str, ctx: Context) -> bool:
    """A cell that names an SDK: an SDK word in it, or a catalog name."""
    return bool(re.search(r"sdk|插件|\bkit\b", cell, re.IGNORECASE)) or ctx.names.known(cell)


def cell_fields(role: str | None, text: str, ctx: Context) -> list[tuple[str, str]]:
    """``(role, text)`` parts of a cell: its labelled parts ("开发者：X；隐私政策：Y") by their labels, the
    rest under the column's role."""
    parts: list[tuple[str, str]] = []
    matches = [m for m in _LABEL_RE.finditer(text) if ctx.lexicon.role(m.group(1)) not in (None, "title", "index")
               or (role == "link" and URL_RE.match(text, m.end()))]
    if not matches and role == "company":
        return _company_and_link(text)
    if not matches and role == "name" and (linked := _name_and_link(text))[1]:
        return [("name", linked[0]), ("link", linked[1])]  # a linked name: its text, then its address
    if not matches:
        return [(role, text)] if role else []
    head = text[:matches[0].start()].strip(" ；;")
    if head and role:
        parts.append((role, head))
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        value = text[m.end():end].strip(" ；;")
        label_role = ctx.lexicon.role(m.group(1))
        if role == "link" and label_role in (None, "title", "index"):
            label_role = "link"  # an address under a label of its own in a link cell ("法律声明：https://…")
        if label_role == "name" and role not in (None, "name"):
            label_role = "title"  # "集成的SDK含有：Facebook SDK" in a link cell: what the row bundles, not its name
        if label_role == "name" and role == "name" and not head and company_like(value) \
                and not ctx.lexicon.is_header(m.group(1)):
            # "创蓝闪验SDK：上海璟梦信息科技有限公司": no label but the product's name, its company after the colon
            parts += [("name", m.group(1).strip()), ("company", value)]
            continue
        if value and label_role:
            parts.append((label_role, value))
    return parts


def labelled_company(text: str, ctx: Context) -> str:
    """The company a label in ``text`` gives ("…；  信息共享主体：腾讯控股有限公司  收集的信息：…": the labels of a
    record written on one line), "" when none reads as a company."""
    for role, value in cell_fields(None, text, ctx):
        value = value.strip().rstrip("。.；;，,")
        if role == "company" and company_like(value) and not _NOT_ONE_COMPANY_RE.search(value):
            return value
    for m in _CLAUSE_LABEL_RE.finditer(text):  # "…，服务提供者：华为技术有限公司，采集…": clauses between commas
        if ctx.lexicon.role(m.group(1)) == "company" and company_like(m.group(2)) \
                and not _NOT_ONE_COMPANY_RE.search(m.group(2)):
            return m.group(2).strip()
    return ""


_CLAUSE_LABEL_RE = re.compile(r"(?:^|(?<=[，,]))\s*([^：:；;。，,\s][^：:；;。，,]{0,15}?)\s*[：:](?!//)\s*([^：:；;。，,]{2,60})(?=[，,；;。]|\s*$)")
"""A label and its value between commas ("…，服务提供者：某某有限公司，…")."""


_NOT_ONE_COMPANY_RE = re.compile(r"^[指即是为]|[，,。；;：:]")
"""A value that is more than one company's name: a definition ("服务提供者：指…有限公司及关联公司"), a sentence."""


_LINK_START_RE = re.compile(r"[\[(（<]*\s*(?:&lt;)?\s*(?:https?://|www\.)", re.IGNORECASE)


def _name_and_link(text: str) -> tuple[str, str]:
    """A name cell written as a link's text then its address ("Pangle Ads https://www.pangle.cn/…", an HTML
    link): ``(name, address)``; ``(text, "")`` when the cell is not so (no address, or words after it)."""
    m = _LINK_START_RE.search(text)
    if m is None or m.start() == 0 or URL_RE.sub("", text[m.start():]).strip(" |;；,，<>()（）[]"):
        return text, ""
    return text[:m.start()].strip(" ：:;；,，"), text[m.start():].strip()


def _company_and_link(text: str) -> list[tuple[str, str]]:
    """A company cell that holds the company's privacy link too ("某某有限公司 [https://…](https://…)", under
    "SDK所属公司及其隐私政策链接"): the company, then the link; a link alone is no company."""
    m = _LINK_START_RE.search(text)
    head = text[:m.start()].strip(" ：:;；,，") if m else ""
    if m is not None and not head:
        return [("link", text)]  # the link alone: no company written
    if m is None or not company_like(head):
        return [("company", text)]
    return [("company", head), ("link", text[m.start():])]


def link_owner(fields: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``fields`` of a record with no company whose link field opens with the company's name ("SDK提供方名称及其
    个人信息保护政策链接：某某有限公司" / "https://…"): that name as the company, the address as the link."""
    if any(r == "company" and t.strip() for r, t in fields):
        return list(fields)
    out: list[tuple[str, str]] = []
    for role, text in fields:
        parts = _company_and_link(text) if role == "link" and not any(r == "company" for r, _ in out) else []
        out += parts if len(parts) == 2 else [(role, text)]  # (a company, then its address)
    return out


_LINK_LABEL_END_RE = re.compile(r"[\s；;，,]*(?:隐私(?:权)?(?:政策|协议)?(?:链接|连接|地址)?|官方网站|官网|网址|网站|链接|连接|地址|"
                                r"privacy policy|website|link|url)\s*[：:]?\s*$", re.IGNORECASE)
"""The label of the address a company cell went on to give ("某某软件有限公司 网址：https://…", "某某有限公司隐私协议
连接：https://…"), left once the address is taken out."""


def facts_from(fields: Sequence[tuple[str, str]]) -> RowFacts | None:
    """Row facts from ``(role, text)`` parts in order; None without a name."""
    values: dict[str, list[str]] = {}
    for role, text in fields:
        if text.strip():
            values.setdefault(role, []).append(text.strip())
    name = " ".join(values.get("name", []))
    if not name:
        return None
    link = " ".join(values.get("link", []))
    company = " ".join(values.get("company", []))
    if URL_RE.search(company):  # "提供方名称及隐私政策地址：某某有限公司" over its address: the company, then its link
        link = link if urls(link) else " ".join([link, *urls(company)]).strip()
        company = _LINK_LABEL_END_RE.sub("", URL_RE.sub(" ", company)).strip(" ；;，,")
    if not urls(link):
        link = " ".join(values.get("link", []) + values.get("website", []))
    return RowFacts(
        name=name, company=company, purpose=" ".join(values.get("purpose", [])),
        scene=" ".join(values.get("scene", [])), method=" ".join(values.get("method", [])),
        data=" ".join(values.get("data", []) + values.get("description", [])),
        permissions=" ".join(values.get("permissions", [])), link=link,
        packages=" ".join(values.get("packages", [])), other=" ".join(values.get("title", [])),
    )


def _sdk_rows(roles: list[str | None], body: Sequence[Row], ctx: Context, merge: bool = True) -> list[SdkClaim]:
    name_col = roles.index("name")
    data_first = name_col > 0 and roles[0] == "data"  # "Data | Purpose | Collected via": a row of each data item
    rows: list[tuple[list[tuple[str, str]], int, int]] = []
    last_name = last_company = ""
    for row in body:
        cells = list(row.cells) + [""] * (len(roles) - len(row.cells))
        name = _name_and_link(cells[name_col].strip())[0]
        linked = linked_names(cells[name_col])
        if linked:  # "Ad Networks (…: AdMob https://…, InMobi https://…, …)": a row of each linked name
            others = [p for k, (role, cell) in enumerate(zip(roles, cells)) if k != name_col and cell.strip()
                      for p in cell_fields(role, cell, ctx) if p[0] not in ("name", "link", "website")]
            rows += [([("name", n), ("link", url), *others], row.first, row.last) for n, url in linked]
            last_name, last_company = name, ""
            continue
        listed = bulleted_names(cells[name_col]) or (_enumerated_names(cells[name_col], ctx) if data_first else [])
        if listed:  # "Advertisers: • AdMob • AdColony • …": a row of each name, its link where another cell pairs them
            paired = {k: _named_links(cell) for k, cell in enumerate(cells) if k != name_col}
            others = [p for k, (role, cell) in enumerate(zip(roles, cells)) if k != name_col and cell.strip()
                      and not paired[k] for p in cell_fields(role, cell, ctx) if p[0] != "name"]
            links = {fold(n): url for pairs in paired.values() for n, url in pairs}
            rows += [([("name", n), *([("link", links[fold(n)])] if fold(n) in links else []), *others],
                      row.first, row.last) for n in listed]
            last_name, last_company = name, ""
            continue
        fields = [p for role, cell in zip(roles, cells) if cell.strip() for p in cell_fields(role, cell, ctx)]
        company = next((t for r, t in fields if r == "company"), "")
        same = name == last_name and company in ("", last_company) and row.first <= rows[-1][2] + 1 if rows else False
        if merge and rows and (not name or same):
            # a merged name cell (empty, or repeated by rowspan) / a row continued on the next line
            rows[-1] = (rows[-1][0] + [f for f in fields if f[0] != "name"], rows[-1][1], row.last)
            continue
        last_name, last_company = name, company
        split = product_company(name)  # "Product — Company Ltd": the product is the name to judge
        if not name or not name_like(split[0] if split else name) or ctx.lexicon.is_header(name) \
                or (ctx.lexicon.party(name) and not ctx.names.known(name)):
            continue  # (a kind of party the app shares with, "商家", "线下行权门店": no SDK)
        if "company" in roles and not company:
            fields = _shifted_company(fields)
        if "company" not in roles or roles.index("company") == name_col or not company:
            fields = split_company(name, fields)  # no company column, or an empty company cell
            if not split and company_like(name) and not any(r == "company" for r, _ in fields):
                # a name cell that names a company only ("友盟同欣（北京）科技有限公司"): the row's company too
                fields = fields + [("company", name)]
        fields = with_cued_company(fields)
        rows.append((fields, row.first, row.last))
    if data_first:  # each SDK once, with every data item whose row names it
        rows = _merged_by_name(rows)
    out = []
    for fields, first, last in rows:
        facts = facts_from(fields)
        if facts is not None:
            out.append(SdkClaim(facts, first, last))
    return out


def _merged_by_name(rows: list[tuple[list[tuple[str, str]], int, int]]) -> list[tuple[list[tuple[str, str]], int, int]]:
    """Rows of one name as one row, where the name first stands: its fields in order (each once), its lines from
    the first to the last row naming it."""
    by_name: dict[str, int] = {}
    out: list[tuple[list[tuple[str, str]], int, int]] = []
    for fields, first, last in rows:
        name = fold(next((v for r, v in fields if r == "name"), ""))
        k = by_name.get(name) if name else None
        if k is None:
            by_name[name] = len(out)
            out.append((list(fields), first, last))
            continue
        had, a, b = out[k]
        out[k] = (had + [f for f in fields if f not in had and f[0] != "name"], min(a, first), max(b, last))
    return out


_ENUMERATION_SPLIT_RE = re.compile(r"\s*[,，;；]\s*|\s+(?:and|&)\s+")
MIN_ENUMERATED_NAMES = 2


def _enumerated_names(cell: str, ctx: Context) -> list[str]:
    """The names a cell enumerates, parted by commas, semicolons or "and" ("Crashfox, Fire Analytics"): two
    at least, each a short name (no sentence, no address, no data), one of them a catalog name."""
    parts = [p.strip() for p in _ENUMERATION_SPLIT_RE.split(cell.strip())]
    if len(parts) < MIN_ENUMERATED_NAMES or not all(_listed_name(p) and not ctx.lexicon.mostly_data(p) for p in parts):
        return []
    return parts if any(ctx.names.known(p) for p in parts) else []


_CELL_BULLET_RE = re.compile(r"\s*[•●▪◦]\s*")
"""A bullet inside a table cell (a list written in the cell, its line breaks gone)."""
MIN_LISTED_NAMES = 3
"""Bulleted names a name cell lists at least (:func:`bulleted_names`): two bullets are no list of rows."""


def bulleted_names(cell: str) -> list[str]:
    """The names a name cell lists as bullets, after a label or none ("Advertisers: • AdMob • AdColony • Applovin
    …"): at least three, each only a short name (the last one's cell may go on with a sentence after the list)."""
    parts = _CELL_BULLET_RE.split(cell.strip())
    head, items = parts[0].strip(), parts[1:]
    if len(items) < MIN_LISTED_NAMES or (head and not head.endswith((":", "："))):
        return []
    names = [item.strip() for item in items]
    if not _listed_name(names[-1]):
        names[-1] = _before_sentence(names[-1])
    return names if all(_listed_name(n) for n in names) else []


def _listed_name(text: str) -> bool:
    """A bullet's text that is only a short name (no sentence, no address)."""
    return bool(text) and width(text) <= MAX_BARE_NAME and name_like(text) and not _NAME_END_RE.search(text) \
        and not URL_RE.search(text)


def _before_sentence(text: str) -> str:
    """The name a list's last item holds before a sentence written after the list ("Yieldmo And as may be updated
    from time to time…": the words before the sentence's capitalised first word), "" when none stands so."""
    words = text.split()
    lower = next((k for k, w in enumerate(words) if w[:1].islower()), None)
    return " ".join(words[:lower - 1]) if lower is not None and lower >= 2 else ""


def _named_links(cell: str) -> list[tuple[str, str]]:
    """``(name, address)`` of each bullet of a cell that lists its names' links ("• AdColony: https://… • AdMob:
    https://…"); empty unless every bullet is so."""
    items = [p.strip() for p in _CELL_BULLET_RE.split(cell.strip())[1:]]
    found = [m for m in (LABELLED_URL_RE.match(p) for p in items) if m]
    return [(m.group(1).strip(), m.group(2)) for m in found] if items and len(found) == len(items) else []


_SENTENCE_ROLES = ("description", "purpose", "data", "scene")
"""Cells written as sentences, where a row may name its company ("由…提供")."""


def with_cued_company(fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``fields`` with the company a sentence of the row names ("该SDK由某某有限公司提供", "provided by X Ltd."),
    when the row has no company of its own."""
    if any(r == "company" for r, _ in fields):
        return fields
    cued = next((c for r, t in fields if r in _SENTENCE_ROLES and (c := cued_company(t))), "")
    return fields + [("company", cued)] if cued else fields


def _shifted_company(fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A row one cell short (its link cell left out) puts its company under the link column: a link cell
    with no URL that reads as a company is the row's company."""
    k = next((k for k, (r, t) in enumerate(fields) if r in ("link", "website") and not URL_RE.search(t)
              and company_like(t)), None)
    return fields if k is None else fields[:k] + [("company", fields[k][1])] + fields[k + 1:]


_COMPANY_OWNS_RE = re.compile(r"^\s*(.{4,60}?(?:有限责任公司|股份有限公司|有限公司))\s*的\s*[“\"「『]([^”\"」』]{1,40})[”\"」』]\s*(SDK|sdk)?\s*$")
"""``某某有限公司的“产品”SDK``: the company first, then its product in quotes."""


def product_company(cell: str) -> tuple[str, str] | None:
    """``Product — Company Ltd`` / ``产品（某某有限公司）`` / ``某某有限公司的“产品”SDK``: the product and the company,
    when so written."""
    owned = _COMPANY_OWNS_RE.match(cell) if "的" in cell else None
    if owned:
        return f"{owned.group(2).strip()}{owned.group(3) or ''}", owned.group(1).strip()
    if not company_like(cell.strip().rstrip(")）")):
        return None  # (every other way writes the company last: a cheap test before the patterns)
    for pattern in _EMBEDDED_COMPANY_RE:
        m = pattern.match(cell)
        if m and pattern in _BRACKETED_COMPANY_RE and _PLACE_IN_COMPANY_RE.match(cell):
            continue  # "腾讯科技（深圳）有限公司": a place in brackets inside a company's name, no product before it
        if m and company_like(m.group(2)) and not company_like(m.group(1)):
            return m.group(1).strip(), m.group(2).strip()
    return None


def split_company(name: str, fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A name cell (or a record's name line) naming its company too ("Mixpanel (Mixpanel, Inc.)", "Sentry —
    Functional Software, Inc."): the product as the name, the rest as the company."""
    split = product_company(name)
    if split is None:
        return fields
    out = [(r, t) if r != "name" else ("name", split[0]) for r, t in fields]
    return out + [("company", split[1])]


def _permission_rows(roles: list[str | None], body: Sequence[Row]) -> bool:
    """An SDK's permissions one per row under its merged name ("233乐园内购SDK" spanning "ACCESS_WIFI_STATE | 用于…",
    "INTERNET | …"): most rows with a permission have no name of their own (blank, or the merged cell repeated),
    so each row's purpose is the use of its permission, not of an SDK."""
    name_col = roles.index("name")
    perm_cols = [i for i, r in enumerate(roles) if r == "permissions"]
    with_perm = again = 0
    previous = None
    for row in body:
        name = row.cells[name_col].strip() if name_col < len(row.cells) else ""
        if any(i < len(row.cells) and row.cells[i].strip() for i in perm_cols):
            with_perm += 1
            again += not name or name == previous
        previous = name or previous
    return with_perm >= 2 and again * 2 >= with_perm


def _data_scene_rows(roles: list[str | None], body: Sequence[Row], ctx: Context) -> list[SceneClaim]:
    """Scene rows of a personal-information table (业务功能 -> 个人信息): a data cell that asks for a
    permission in words ("设备存储(SD卡)权限", "获取位置") gives its row's scene that permission."""
    scene_col = next((i for role in ("scene", "purpose") for i, r in enumerate(roles) if r == role), None)
    data_cols = [i for i, r in enumerate(roles) if r in ("data", "item")]
    if scene_col is None or not data_cols:
        return []
    out: list[SceneClaim] = []
    scene = ""
    for row in body:
        cells = list(row.cells) + [""] * (len(roles) - len(row.cells))
        if cells[scene_col].strip():
            scene = cells[scene_col].strip()
        text = " ".join(cells[i] for i in data_cols if cells[i].strip())
        if scene and ctx.lexicon.permissions_in(text, prose=True, verbal=True):
            out.append(SceneClaim(scene, "", text, row.first, row.last, sentence=True))
    return out


def _restates(col: int, perm_cols: list[int], body: Sequence[Row], ctx: Context) -> bool:
    """Most cells of ``col`` only say again which permission their row is ("获取大概位置" beside
    ACCESS_COARSE_LOCATION, "相机" beside CAMERA): the permission's label, not the scene it is used in."""
    said = again = 0
    for row in body:
        cell = row.cells[col].strip() if col < len(row.cells) else ""
        perms = " ".join(row.cells[i] for i in perm_cols if i < len(row.cells))
        if not cell or not perms.strip():
            continue
        said += 1
        own = {p for p, _ in ctx.lexicon.permissions_in(perms, weak=True, derive=True)}
        named = {p for p, _ in ctx.lexicon.permissions_in(cell, weak=True, derive=True)}
        again += bool(named) and named <= own
    return said > 0 and again * 5 >= said * 3


def _scene_rows(roles: list[str | None], body: Sequence[Row], ctx: Context, own_scene: bool = False,
                merged: bool = True) -> list[SceneClaim]:
    """One scene row per row with permissions: its scene cell (``merged``: or the one above, a cell spanning
    rows), else its purpose or description; ``own_scene``: only rows with a scene (an SDK table's)."""
    perm_cols = [i for i, r in enumerate(roles) if r == "permissions"]
    candidates = [i for role in ("scene", "purpose", "description") for i, r in enumerate(roles) if r == role]
    telling = [i for i in candidates if not _restates(i, perm_cols, body, ctx)]
    scene_col = next(iter(telling or candidates), None)
    desc_cols = [i for i, r in enumerate(roles) if r in ("purpose", "description", "data") and i != scene_col]
    out: list[SceneClaim] = []
    scene = ""
    for row in body:
        cells = list(row.cells) + [""] * (len(roles) - len(row.cells))
        if _merged_across(cells):
            continue  # a group caption merged over the row ("位置相关权限"): no scene, no row
        if scene_col is not None and cells[scene_col].strip():
            scene = cells[scene_col].strip()
        elif not merged:
            scene = ""  # (records kept as data: an empty scene is the record's own, not the one above)
        perms = " ".join(cells[i] for i in perm_cols if cells[i].strip())
        if own_scene and not scene:
            continue
        desc = " ".join(cells[i].strip() for i in desc_cols if cells[i].strip())
        if not perms.strip() or ctx.lexicon.is_header(perms):
            continue
        if ctx.lexicon.scene_class(scene) and desc:  # "核心业务功能": its purpose says which function
            out.append(SceneClaim(desc, "", perms, row.first, row.last))
            continue
        out.append(SceneClaim(scene or desc, desc if scene else "", perms, row.first, row.last))
    return out


MAX_GLUED_TITLE = 16


def split_titles(text: str, ctx: Context) -> list[tuple[str, str]] | None:
    """``(title, role)`` of a header whose column titles run together ("序号SDK名称第三方主体…", "PermissionPurpose"):
    split where every part is a title the lexicon knows, the fewest titles it does not have exactly, then the
    shortest; two neighbours never share a role. None when the text does not split so."""
    n = len(text)
    # best[end][role of the last title]: (cost, titles) of text[:end]; a title the lexicon has exactly costs
    # little, any other a whole unit and a little per letter
    best: list[dict[str, tuple[float, list[tuple[str, str]]]]] = [{} for _ in range(n + 1)]
    best[0][""] = (0.0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_GLUED_TITLE), end):
            title = text[start:end].strip()
            if not best[start] or not title:
                continue
            role = ctx.lexicon.role(title)
            if role is None:
                continue
            step = 0.01 if ctx.lexicon.is_header(title) else 1.0 + 0.01 * len(title)
            for last, (cost, titles) in best[start].items():
                if last != role and (role not in best[end] or cost + step < best[end][role][0]):
                    best[end][role] = (cost + step, titles + [(title, role)])
    if not best[n]:
        return None
    return min(best[n].values(), key=lambda v: v[0])[1]
