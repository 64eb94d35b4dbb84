"""Key-value blocks: records of ``label：value`` lines, headed by a name line ("**OPPO推送SDK**", "Jpush SDK",
"推送通知消息（OPPO推送SDK）") or by a name label ("SDK名称：…", "SDK name: …"); several pairs may share one
line ("SDK名称：X；所属公司：Y"). Lines under a label that are not labels themselves (sub-lists, bullets,
"设备标识符(…)：用于…") continue that label's value. A label line is always an attribute of the record above,
never a record of its own. Records of a business scene and its permissions ("业务场景：… 所需权限：…") are
scene rows; runs of labelled lines that name no SDK (a personal-information list) own their lines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from auditor.catalog.loader import normalize_name
from auditor.policy.analysis import OUTLINE, OWNED_NAME_RE, PAIR_RE, heading_line, record_fields
from auditor.policy.claims import Context, ExtractorKind, RowFacts, SceneClaim, SdkClaim, Structure
from auditor.policy.document import Document
from auditor.policy.extractors.prose import clause_sdks
from auditor.policy.facts import named_parts
from auditor.policy.lexicon import fold
from auditor.policy.table import (
    KIND_TITLE_RE,
    SDK_FACTS,
    cell_fields,
    facts_from,
    link_owner,
    name_only,
    product_company,
    split_company,
    with_cued_company,
)
from auditor.policy.text import (
    CIRCLED,
    COMPONENT_WORD_RE,
    CONSTANT_OPENING_RE,
    DATA_CATEGORY_RE,
    ENUMERATION_SPLIT_RE,
    PERMISSION_DEFINITION_RE,
    PERMISSION_WORD,
    PLATFORM_ONLY_RE,
    TERM_DEFINITION_RE,
    TIMING_LABEL_RE,
    URL_RE,
    circled_number,
    company_like,
    continues,
    hosts,
    name_like,
    number_style,
    platform_line,
    width,
)

_SUBITEM_RE = re.compile(r"^\s*(?:[-*•·●▪◦]|[(（]\d{1,2}[)）]|\d{1,2}[)）]|[a-zA-Z][)）]|[①-⑩])")
_BULLET_RE = re.compile(r"^\s*([-*•·●▪◦])\s")
"""A line's bullet glyph (not a number: "（1）" under "• 标签：…" is a sub-item whatever the indent)."""
_BRACKET_NUMBER_RE = re.compile(r"^\s*([(（]\d{1,2}[)）])")
"""A line's number in brackets ("（18）"): the next such number at the same indent is the list's next item."""


_MARKER_RE = re.compile(r"^\s*(?:[-*•·●▪◦]\s*|" + CIRCLED + r"\s*[、.．]?\s*|" + OUTLINE + r"|[(（]?\d{1,3}[.)）、]\s*|[a-zA-Z][)）.、]\s*|[(（][a-zA-Z][)）]\s*|[(（][一二三四五六七八九十]{1,3}[)）]\s*|[一二三四五六七八九十]{1,3}[、.．]\s*)")
_PERMISSION_WORD_RE = re.compile(PERMISSION_WORD + r"|permission", re.IGNORECASE)
"""A word that says a name is an SDK's ("极光推送SDK", "插件", "ML Kit")."""
_BRACKETED_USE_RE = re.compile(r"([^、，,;；（()）]{2,30}?)\s*[（(][^（()）]{0,20}?(?:用于|用来|以便|\bfor\b)\s*([^（()）]{2,60})[)）]",
                               re.IGNORECASE)
"""A permission with its use in brackets after it ("相机权限（用于实时姿态检测）", "Camera (for scanning)")."""
MAX_NAME_WIDTH = 60
MAX_CONTINUATION = 12
MAX_VALUE_LINES = 8
"""Lines below a label left empty that hold its value ("获取权限：" over one line a permission)."""
MAX_VALUE_LINE = 60
"""Display width of such a line (a permission, a kind of data, a use; not a paragraph)."""
_LISTED_ROLES = frozenset({"permissions", "data", "purpose", "scene", "description"})
"""Roles whose value a page may list one a line under the label (a company, a name or a link is one line)."""
MAX_LEAD = 2
"""Sentences that may stand between a heading naming an SDK and its first label line."""
MAX_DATA_LINE_WIDTH = 2000
"""Display width of the longest line a record that is no SDK's may have: a longer line is a page written on one
line ("更新日期：…" opening it, "权限：…" inside it), whose prose must stay readable."""
CONFIDENCE = 0.8


@dataclass
class _Record:
    kind: str  # "sdk", "scene" or "data"
    first: int
    fields: list[tuple[str, str]] = field(default_factory=list)
    last: int = 0
    loose: int = 0
    indent: int = 0
    """Indent of the record's last label line: deeper lines without a label continue its value."""

    lined: bool = False
    """The record was started by a name line (not a name label)."""
    head_indent: int = -1
    """Indent of that name line: a bullet no deeper is the next record's, not a sub-item of this one."""
    opened: bool = False
    """The record's permission label has no value of its own: its items follow on the lines below."""
    label: str = ""
    """The label of the line that opened the record ("SDK名称"), folded, without the line's marker."""
    below: bool = False
    """The last label was left empty and its value stands on the lines below it (more of it until a label)."""
    product_of: int = -1
    """First line of the record whose product this record is ("友盟SDK" over "① U-App统计SDK：…"), else -1."""
    listed: list[tuple[str, str]] = field(default_factory=list)
    """Names (and their addresses) on the lines under a name label left empty ("第三方SDK名称：" / "“微信支付”
    （https://…）" / "“支付宝支付”（…）"): a row each, sharing the record's other labels."""
    headed: bool = False
    """Opened by an item naming an SDK over a permission label of its own (:func:`_sdk_head`): an SDK's record
    whatever facts it gives."""
    bullet: tuple[str, int] | None = None
    """The bullet glyph (or bracketed number) and indent of a label line with its value that opened the record
    ("• 后台运行权限：用于…", "（18）系统参数权限：用于…"): a bullet of the same glyph (a number written alike) at the
    same indent is the list's next item, not more of that value."""

    def add(self, role: str, value: str, line: int, indent: int = 0) -> None:
        self.fields.append((role, value))
        self.last, self.loose, self.indent, self.below = line, 0, indent, False
        # (or only a lead-in to them: "权限使用说明：本应用会申请下列权限：")
        self.opened = self.opened or (role == "permissions" and (not value.strip() or value.rstrip().endswith(("：", ":"))))

    def next_bullet(self, text: str, indent: int) -> bool:
        """A bullet no deeper than the record's name line: the next record's, not a sub-item of this one."""
        return indent <= self.head_indent and _SUBITEM_RE.match(text) is not None

    def sibling(self, text: str, indent: int) -> bool:
        """Whether ``text`` is the next item of the list whose item opened the record (see ``bullet``): the same
        glyph, or a number written alike ("（19）" after "（18）")."""
        if self.bullet is None or indent != self.bullet[1]:
            return False
        number = _BRACKET_NUMBER_RE.match(text)
        return text.lstrip().startswith(self.bullet[0]) if not number else number_style(number.group(1)) == \
            number_style(self.bullet[0])

    def extend(self, text: str, line: int) -> None:
        role, value = self.fields[-1]
        if role != "permissions" and CONSTANT_OPENING_RE.match(text) and any(r == "name" for r, _ in self.fields):
            # "android.permission.INTERNET：允许访问网络" under an SDK's record: one of its permissions
            self.fields.append(("permissions", text.strip()))
        else:
            self.fields[-1] = (role, f"{value} {text}".strip())
        self.last, self.loose = line, self.loose + 1


class KeyValueExtractor:
    kind = ExtractorKind.KEY_VALUE

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        records: list[_Record] = []
        current: _Record | None = None
        lines = doc.lines
        names: dict[str, bool] = {}  # this read's name lines, by text (see _starts_record)
        firsts: dict[str, tuple[tuple[str, str], ...]] = {}  # this read's label lines opened by a name, by text
        lead = -1  # the last line of sentences between a heading and its first label line (see _lead)
        by_party = _named_by_party(ctx)
        stacked = _stacked_labels(lines, ctx)
        for i, line in enumerate(lines):
            text = line.text
            if stacked.get(i - 1) == "name" and current is not None and current.last == i:
                continue  # (the name under its label, read with it)
            if not text.strip() and current is not None and _label_next(lines, i, ctx):
                continue  # an empty line the page's markup left between two labels of a record parts nothing
            if doc.code and _CODE_KEY_RE.match(text):
                current = None  # "'privacyPermTitle': '权限说明',": a key of the page's code, the next text's own
                continue
            if line.bold and current is not None and current.kind == "sdk" and current.fields and not ctx.lines[i].pairs \
                    and ctx.lexicon.role(text.strip()) is None:
                current = None  # a line of only bold words after a record's labels: the next item's title ("LINE"
                # over its address), never more of the record above (a title of its fields is: "SDK权限")
            owner = _OWNER_LINE_RE.match(text) if "权限" in text else None
            if owner and _fact_follows(ctx, i + 1):
                # "1）“友盟组件化基础库”包含的权限代码如下：网络访问权限、…" over "收集信息的目的：…": the SDK's record
                name = (owner.group(1) or owner.group(2)).strip()
                current = _Record("sdk", i, [("name", name), ("permissions", owner.group(3).strip())], i, lined=True)
                records.append(current)
                continue
            if current is not None and current.headed and text.strip() and not CONSTANT_OPENING_RE.match(text):
                current = None  # (an SDK's own permission list ends at the first line naming no permission constant)
            pairs = _nested(ctx.lines[i].pairs, ctx) if i not in stacked else \
                ((stacked[i], lines[i + 1].text.strip() if stacked[i] == "name" else ""),)
            if not pairs and i + 1 < len(lines) and ctx.lines[i + 1].pairs == (("permissions", ""),) \
                    and _sdk_head(lines, i + 1, ctx) is not None:
                current = None  # the next SDK's item, over its permission label (see _sdk_head)
                continue
            if pairs and pairs[0][0] in ("name", "company") and TERM_DEFINITION_RE.match(pairs[0][1]):
                current = None  # "某某产品与/或服务：指…", "关联公司：指…": a term the policy defines, no record's
                continue
            if not pairs and _MARK_ONLY_RE.match(text):
                current = None  # "7、" alone: the next item opens, whatever line of it comes first
                continue
            if current is not None and current.lined and current.first < i and _next_marked(lines[current.first].text, text):
                current = None  # "⑱、某某SDK" over its labels, then "⑲、…": the list's next item ends the record
            if pairs and current is not None and (_next_labelled_item(lines[current.first].text, text)
                                                  or _next_outer_item(lines, current.first, i, text)):
                current = None  # "8、SDK服务商：…" … "9、SDK服务商：…": the label that opened the record, on the list's
                # next item; or the next item of the list the record's item sits in: that item's record
            product: int | None = None
            if current is not None and current.kind == "sdk" and current.last == i - 1 \
                    and (line.indent > lines[current.first].indent or current.product_of >= 0):
                # (a sub-item of the record, or of the record whose products they are: the next item at the
                # record's depth is the list's, "（4）友盟SDK：为了…" after "（3）微信登录SDK：…")
                labelled = _named_label(text, pairs, ctx)
                if labelled is not pairs:
                    pairs = labelled
                    product = current.product_of if current.product_of >= 0 else current.first
            if pairs and pairs[0][0] != "name" and " " in text:
                named = firsts.get(text)
                if named is None:
                    named = firsts[text] = _known_name_first(text, pairs, ctx)
                pairs = named
            if not pairs and current is not None and current.kind == "sdk" and current.last == i - 1 \
                    and [r for r, _ in current.fields] == ["name"] and not current.fields[0][1].strip():
                below = _listed_name(text, ctx)
                if below is not None:
                    current.listed.append(below)  # "（1）第三方SDK名称：" over "“微信支付” （https://…）": a name below
                    current.last = i  # its label, one of several the label's record gives
                    continue
            if current is not None and current.fields and not pairs and current.loose < MAX_CONTINUATION and (
                    line.indent > current.indent or _SUBITEM_RE.match(text)) \
                    and (_next_in_list(lines, i, ctx, current)
                         or not _sibling_record(lines, i, ctx, names, lines[current.first].indent)) \
                    and not current.next_bullet(text, line.indent) and not _outer_item(lines, current.first, text) \
                    and not current.sibling(text, line.indent) and not _sdk_item(current, text) \
                    and not _title_of_next(lines, i, ctx, current) and not _service_heading(lines, i):
                current.extend(text, i)  # "（1）设备标识符：…" under a label: a sub-item, not a heading
                continue
            if current is not None and current.below and current.last == i - 1 \
                    and current.fields[-1][0] == "permissions" and _SUBITEM_RE.match(text) \
                    and current.loose < MAX_VALUE_LINES and _permission_item(text, ctx):
                current.extend(text, i)  # "SDK使用的权限：" over "1）访问WIFI状态：…" / "2）写入外部存储器：…": each
                continue  # a permission of that value, its label a permission's, not a field's
            head = _sdk_head(lines, i, ctx) if pairs == (("permissions", ""),) and (
                current is None or current.last < i - 1 or current.kind != "sdk") else None
            if head is not None:
                # "（b）某某SDK：读取…" over "所需权限：" and a permission a line: the SDK's record, its permissions
                # the lines under the label (each permission's use is the SDK's, no scene of the app's)
                current = _Record("sdk", i - 1, [("name", head[0]), ("description", head[1]), ("permissions", "")], i,
                                  lined=True, headed=True)
                records.append(current)
                continue
            if pairs and pairs[0][0] == "permissions" and current is not None and current.kind == "scene" \
                    and current.last == i - 1 and [r for r, _ in current.fields] == ["permissions"] \
                    and _label(text) != _label(lines[current.first].text):
                for role, value in pairs:  # "权限分组：定位" over "权限名称：android.permission.…": the permission's
                    current.add(role, value, i, line.indent)  # group, then its name, one record
                continue
            if pairs and not (pairs == (("name", ""),) and _about(text)):
                # ("关于极光推送SDK：" reads as a name label left empty: it introduces the record, see _name_line)
                label = _label(text)  # (a field's label as such, "服务"; not "（6）腾讯服务：" with a role inside)
                if current is not None and TIMING_LABEL_RE.match(text) and pairs[0][0] == "scene" \
                        and any(r == "scene" for r, _ in current.fields):
                    pairs = (("description", pairs[0][1]),) + pairs[1:]  # "调用时机：…" after the use: when, not a use
                if pairs[0][0] == "company" and _party_over_entity(pairs[0][1], ctx.lines[i + 1].pairs
                                                                   if i + 1 < len(lines) else ()):
                    pairs = (("name", pairs[0][1]),) + pairs[1:]
                opened = current
                current = self._pairs(records, current, pairs, i, line.indent, by_party, ctx.names.known,
                                      label if ctx.lexicon.is_header(label) else "")
                if i in stacked and stacked[i] == "name":
                    current.last = i + 1  # a stacked name label's name is the line under it ("SDK名称" / "某某SDK")
                if product is not None and current is not opened:
                    current.product_of = product
                glyph = _BULLET_RE.match(text) or _BRACKET_NUMBER_RE.match(text)
                if current is not opened and current.first == i and glyph and any(v.strip() for _, v in pairs):
                    current.bullet = (glyph.group(1), line.indent)
                if current is not opened and current.first == i and current.kind == "sdk" and i > 0 \
                        and (opened is None or opened.last < i - 1) and not ctx.lines[i - 1].pairs \
                        and not any(r == "company" for r, _ in current.fields):
                    above = _MARKER_RE.sub("", lines[i - 1].text).strip()
                    if company_like(above) and line.indent >= lines[i - 1].indent:
                        current.fields.insert(0, ("company", above))  # "1. 某某科技有限公司" over "产品/类型：某某SDK"
                        current.first = i - 1
                if current is not opened and current.first == i and current.kind == "scene" and i > 0 \
                        and (opened is None or opened.last < i - 1) and not ctx.lines[i - 1].pairs \
                        and _bulleted_title(lines[i - 1].text) and not any(r == "permissions" for r, _ in current.fields):
                    # "• 网络" over "对应业务功能：…" / "调用目的：…": the record's permission, its title
                    current.fields.insert(0, ("permissions", _BULLET_RE.sub("", lines[i - 1].text).strip()))
                    current.first = i - 1
                continue
            starts = _starts_record(lines, i, ctx, names)
            if starts and current is not None and current.kind == "sdk" and current.last >= i - 2 \
                    and not any(r == "company" for r, _ in current.fields) and not _name_line(text, ctx):
                starts = False  # "SDK名称：友盟+" / "消息推送" / "公司名称：…": what the record's SDK does, over
                # the record's own company, not a record named by its company label alone
            if starts and current is not None and current.last == i - 1 and not _sdk_like(text, ctx) \
                    and _listed_value(lines, i, ctx, current.first):
                starts = False  # the last of the items a label of the record lists ("功能用途：" / "+ 实时导航" /
                # "+ 周边设施POI检索" / "隐私政策：…"), not a record of its own because a label follows it
            if current is not None and current.last == i - 1 and (len(current.fields) > 1 or current.lined) \
                    and not current.fields[-1][1] and _value_below(current, text, starts, ctx.lines[i + 1].pairs
                                                                   if i + 1 < len(lines) else ()):
                current.extend(text, i)  # "使用目的:" over "一键登录": a label of a record, its value on the next line
                current.below = True  # (not a name line over labels the record has had: a label left empty ends
                continue  # its record)
            if current is not None and current.below and current.last == i - 1 and not starts and not line.mark \
                    and current.fields[-1][0] in _LISTED_ROLES and width(text) <= MAX_VALUE_LINE \
                    and not text.rstrip().endswith(("。", ".")) and not _SUBITEM_RE.match(text) \
                    and not ctx.lines[i].heading and current.loose < MAX_VALUE_LINES:
                current.extend(text, i)  # "获取权限：" over four plain lines of what it gets: each more of that value
                continue  # (items under it are read as items: "**Purpose**:" over "- Save …" / "- Enable …")
            if ctx.lines[i].heading and not starts:
                current = None
                continue
            if starts:
                current = _Record("sdk", i, _name_fields(_head_name(text)), i, lined=True,
                                  head_indent=line.indent if _SUBITEM_RE.match(text) else -1)
                records.append(current)
                lead = _lead(lines, i, ctx)
                continue
            if current is not None and current.lined and i <= lead:
                current.add("description", text.strip(), i, line.indent)  # what the heading's SDK is
                continue
            if current is not None and line.indent <= lines[current.first].indent and _next_sdk_item(current, text, ctx):
                current = None  # the list's next item, headed by an SDK of its own: the record above ends there
                continue
            listed = current is not None and current.last == i - 1 and _listed_value(lines, i, ctx, current.first)
            if current is not None and current.fields and current.loose < MAX_CONTINUATION and \
                    (_SUBITEM_RE.match(text) or _loose_pair(text) or continues(lines[i - 1].text, text) or listed) \
                    and not current.next_bullet(text, line.indent) and not current.sibling(text, line.indent) \
                    and not _sdk_item(current, text) and not _title_of_next(lines, i, ctx, current) \
                    and not (_LETTER_NUMBER_RE.match(text) and _outer_item(lines, current.first, text)) \
                    and not (i + 1 < len(lines) and _describes_itself(text, lines[i + 1].text)) \
                    and not ((len(ctx.lines[current.first].pairs) > 1 or _phrase_label(text))
                             and _next_item(lines, current.first, i)):
                if current.fields[-1][0] == "name" and _loose_pair(text):
                    current.fields.append(("note", text.strip()))  # a label we do not know under the name label:
                    current.last = i  # a fact of the record, never more words of its name
                    continue
                current.extend(text, i)
                continue
            if current is not None and current.kind == "sdk" and _label_follows(lines, i, ctx, current, names):
                current.fields.append(("note", text.strip()))  # a sentence between two labels of the record
                address = URL_RE.search(text)
                if address and not any(r in ("link", "website") for r, _ in current.fields):
                    current.fields.append(("link", address.group(0)))  # "其隐私政策（https://…）说明如下：": its link
                current.last = i
                continue
            current = None
        shaped = [_named_by_method(r, ctx) for r in records]
        functions = [_feature(r, ctx) for r in shaped]
        features = any(f is not None for f in functions)
        return [s for s in (f or _structure(r, ctx, features) for r, f in zip(shaped, functions)) if s is not None]

    def _pairs(self, records: list[_Record], current: _Record | None, pairs: tuple[tuple[str, str], ...],
               i: int, indent: int, by_party: bool = False,
               known: Callable[[str], bool] = lambda _name: False, label: str = "") -> _Record:
        for role, value in pairs:
            given = [r for r, _ in current.fields] if current is not None else []
            headed = current is not None and current.lined and current.last == i - 1 \
                and (given == ["name"] or (current.kind == "sdk" and "company" not in given))
            # (a name line right above: the record's name; or a record a name line opened, still going and with no
            # party yet: "（2）某某SDK" / "用途：…" / "第三方名称：微信" names its party, however the page's others do)
            if role == "company" and (by_party or COMPONENT_WORD_RE.search(value) is not None) and name_like(value) \
                    and not company_like(value) and not headed:
                role = "name"  # "第三方名称：极光推送" in a page whose records name their products that way;
                # "供应商：华为推送SDK": a product named where its provider would be, wherever
            if role == "name" and current is not None and current.kind == "sdk" and current.last == i - 1:
                role = _name_label_role(current, value, known, label)
            has = current is not None and any(r == role for r, _ in current.fields)
            carried: list[tuple[str, str]] = []
            if role == "name":
                start = "sdk"
                carried = _carried(records, current, i)
            elif role == "permissions" and current is not None and current.kind == "data" \
                    and current.first == current.last == i - 1 and len(current.fields) == 1 \
                    and current.fields[0][0] == "description":
                current.kind, start = "scene", ""  # "权限说明：…" then "权限声明代码：CAMERA": one permission record
            elif role in ("scene", "permissions") and (current is None or (current.kind == "data" and not any(
                    r == "company" for r, _ in current.fields)) or (current.kind == "scene" and has)):
                start = "scene"  # (a record with a company is a party's: its scene label is one of its facts)
            elif current is not None and current.kind == "data" and has and role == current.fields[0][0]:
                start = "data"  # the label that opened the record again: the next record of the same labels
            elif current is not None and current.kind == "scene" and current.fields and (
                    (has and ({"scene", "permissions"} <= {r for r, _ in current.fields}
                              or role == current.fields[0][0]))
                    or (role != current.fields[0][0] and role == _opening_role(records, current))):
                # a label a whole permission record has had again, the label that opened the record again, or
                # the label the records before opened with: the next record ("权限名称：…" / "权限功能说明：…" /
                # "使用场景：…", one record's name left out, does not shift the records after it)
                start = "scene"
            else:
                start = "data" if current is None else ""
            if start or current is None:
                current = _Record(start or "data", i - 1 if carried else i, list(carried), label=label)
                records.append(current)
            current.add(role, value, i, indent)
        assert current is not None  # every call has at least one pair
        return current


_OWNER_LINE_RE = re.compile(r"^\s*(?:[(（]?\d{1,3}[.)）、]\s*)?(?:[“\"「『]([^”\"」』]{2,60})[”\"」』]\s*(?:SDK\s*)?|"
                            r"([^“”\"，。:：,]{1,60}?SDK)\s*)(?:中)?(?:包含|使用|需要|申请|调用|涉及)(?:的|了)?"
                            r"(?:系统)?权限(?:代码)?(?:如下|有|包括)?\s*[:：]\s*(.*)$")
"""A line naming an SDK and the permissions it holds ("1）“友盟组件化基础库”包含的权限代码如下：网络访问权限、…",
"unity3d SDK包含的权限代码如下：…"): the name line of that SDK's record."""


def _title_of_next(lines: tuple, i: int, ctx: Context, current: _Record) -> bool:  # type: ignore[type-arg]
    """Line ``i`` stands over the label that opened the permission record ``current`` ("麦克风" over "权限说明：…"
    after "权限声明代码：VIBRATE"), or is a short bulleted item over a label ``current`` has given already ("• 网络"
    over "对应业务功能：…" after "• 存储" / "对应业务功能：…" / "调用目的：…"): the next record's title, not more of this
    one's last value."""
    if current.kind != "scene" or not current.fields or i + 1 >= len(lines):
        return False
    following = ctx.lines[i + 1].pairs
    return bool(following) and (following[0][0] == current.fields[0][0] or (
        following[0][0] in {r for r, _ in current.fields} and _bulleted_title(lines[i].text)))


def _bulleted_title(text: str) -> bool:
    """A short item after a bullet glyph ("• 网络"): a record's title, at most a name's width."""
    return _BULLET_RE.match(text) is not None and width(text.strip()) <= MAX_NAME_WIDTH


def _label_next(lines: tuple, i: int, ctx: Context) -> bool:  # type: ignore[type-arg]
    """The next line with text after the empty line ``i`` (at most two more empty ones) is a label line."""
    for k in range(i + 1, min(len(lines), i + 4)):
        if lines[k].text.strip():
            return bool(ctx.lines[k].pairs)
    return False


_GRANTS_RE = re.compile(PERMISSION_DEFINITION_RE.pattern + r"|\s*(?:授权|允许)(?:该|此|本)?(?:应用|程序|软件|应用程序|app)",
                        re.IGNORECASE)
"""A permission's description in the system's words (:data:`PERMISSION_DEFINITION_RE`, or "授权应用…"): what it lets
the app do ("授权应用读取SD卡中的内容")."""
_ITEM_SDK_RE = re.compile(r"^\s*(?:[-*•·●▪◦]|[(（]?\d{1,2}[.)）、]|[a-zA-Z][)）]|" + CIRCLED + r")\s*.{0,12}?(?:SDK|sdk)")
"""A sub-item opening with an SDK ("⑪第三方SDK“中关互动”为了…", "（2）友盟SDK会收集…")."""


def _sdk_item(current: _Record, text: str) -> bool:
    """A sub-item that opens with an SDK under a record that is no SDK's (a permission or data label over a
    list of the SDKs that ask: "6.第三方SDK权限：…" / "①第三方【阿里云-友盟+】SDK，…"): an item of its own, which the
    list and prose readers read as a row."""
    return current.kind != "sdk" and _ITEM_SDK_RE.match(text) is not None


_NUMBERED_HEAD_RE = re.compile(r"^\s*(?:\d{1,2}\s*[.、．)）]|[(（]\d{1,2}[)）])\s*([^:：]{2,60}?)\s*[:：]")


def _next_sdk_item(current: _Record, text: str, ctx: Context) -> bool:
    """A numbered item headed by an SDK of its own after an SDK's record ("2、banner SDK：用于图片轮播…" under
    "SDK名称：友盟…" / "隐私权政策链接：…"): the list's next item, never more of the record (a field of the record has a
    label the lexicon knows, "1、收集信息：…"). The caller asks only of a line no deeper than the record's first: one
    deeper may be the record's own sub-item."""
    if current.kind != "sdk":
        return False
    m = _NUMBERED_HEAD_RE.match(text)
    if m is None or ctx.lexicon.is_header(m.group(1)):
        return False
    head = m.group(1).strip()
    name = next((v for r, v in current.fields if r == "name"), "")
    return head != name.strip() and _sdk_like(head, ctx)


def _opening_role(records: list[_Record], current: _Record) -> str | None:
    """The role of the label that opened most of the permission records right before ``current``, one after
    the other (None when there are none)."""
    opened: Counter[str] = Counter()
    first = current.first
    for r in reversed(records):
        if r is current:
            continue
        if r.kind != "scene" or not r.fields or r.last < first - 2:
            break
        opened[r.fields[0][0]] += 1
        first = r.first
    return opened.most_common(1)[0][0] if opened else None


def _name_label_role(current: _Record, value: str, known: Callable[[str], bool], label: str) -> str:
    """The role of a name label right under the SDK record ``current``: "name" (the next record), or what the
    label says of ``current`` when its name is given already."""
    if not value.strip() and any(r == "name" and v.strip() for r, v in current.fields):
        return "name"  # "（6）第三方SDK名称：" left empty after a named record: the next record's, its value below
    if company_like(value) and any(r == "name" and v.strip() for r, v in current.fields) \
            and not any(r == "company" for r, _ in current.fields):
        return "company"  # "SDK名称：腾讯TBS" / "SDK包名：…" / "SDK 收集：深圳市腾讯计算机系统有限公司": a legal
        # entity under a named record is its company, whatever word of the label read as a name's
    only_named = [r for r, v in current.fields if v.strip()] == ["name"]
    if only_named and not current.lined:
        return "description"  # "SDK名称：友盟SDK" then "服务类型：使用数据分析": what it is, not a new record
    if current.lined and len(current.fields) > 1 and known(current.fields[0][1]) \
            and not any(r == "name" for r, _ in current.fields[1:]) and not _another_product(current, value, known):
        return "description"  # "1.1.1小米推送 SDK" / "第三方主体：…" / "产品名称：小米 SDK": the heading names a
        # catalog product, the label says it again or names no product ("使用SDK方式范围：首页加载") (a heading of a
        # section, "安卓端SDK", does not; "极光推送" over its labels, then "SDK名称：Glide": the next record)
    if only_named and current.lined and _CODE_NAME_RE.match(value.strip()):
        # "极光推送SDK" over "SDK名称：cn.jpush.android": the heading names it, the label gives its code name
        return "packages" if "." in value else "description"
    if only_named and current.lined and _kind_value(value) and not (COMPONENT_WORD_RE.search(value) or known(value)):
        return "description"  # "（1）腾讯优图SDK" over "SDK类型：工具" / "SDK服务类型：用于广告服务": the kind of
        # SDK the heading's is, or what it is for
    if only_named and current.lined and label and KIND_TITLE_RE.search(label) \
            and not (COMPONENT_WORD_RE.search(value) or known(value)):
        return "description"  # "（10）VIVO推送SDK" over "SDK类型：在VIVO手机上启用推送服务": the label asks what kind
        # of SDK the heading's is, whatever the answer's length
    if _label_named(current) and label and current.label and label != current.label \
            and not (COMPONENT_WORD_RE.search(value) or known(value)):
        return "description"  # "SDK名称：X播放器" … "服务：视频播放": the service it gives, not a record (a record
        # opened under a label no table writes, "第三方API名称：…", tells nothing of the next name label's)
    return "name"


_NAME_TOKEN_RE = re.compile(r"[a-z0-9]{3,}|[\u3400-\u9fff]{2,}")


def _tokens(name: str) -> set[str]:
    """A name's words for :func:`_restates`: its ASCII words of three letters or more but "sdk", and the first two
    characters of its first Chinese word, where a brand stands ("小米推送 SDK": "小米"; not "推送", said of many)."""
    out: set[str] = set()
    for word in _NAME_TOKEN_RE.findall(fold(name)):
        if word.isascii():
            if word != "sdk":
                out.add(word)
        elif not any(not w.isascii() for w in out):
            out.add(word[:2])
    return out


def _restates(heading: str, value: str) -> bool:
    """A name label's value that says the heading's name again, in other words ("小米推送 SDK" / "小米 SDK"): they
    share a word or their Chinese words open alike; a value sharing none names another product ("友盟推送" /
    "华为推送SDK")."""
    return bool(_tokens(heading) & _tokens(value))


def _another_product(current: _Record, value: str, known: Callable[[str], bool]) -> bool:
    """A name label's value under a record named by its heading that names another product: a catalog name or a
    component's, no sentence, sharing no word with the heading's name (:func:`_restates`)."""
    return (known(value) or COMPONENT_WORD_RE.search(value) is not None) and not re.search(r"[，,。；;]", value) \
        and not _restates(current.fields[0][1], value)


_CODE_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]*(?:[.:][a-z][\w-]*)*$"
                           r"|^[a-z][a-z0-9_-]*(?:[.:][a-z][\w-]*)+(?:(?:\s*[,，、;；/]\s*|\s+)[a-z][a-z0-9_-]*(?:[.:][a-z][\w-]*)+)+$")
"""A code name: lower case, with dots or none ("cn.jpush.android", "com.meizu.flyme.internet:push", "onesignal");
with dots it is a package's name; or several packages' names ("com.huawei.hms com.huawei.agconnect")."""
MAX_KIND_VALUE = 8
"""Display width of a kind of SDK given under its name line ("工具", "推送通知")."""
_USE_VALUE_RE = re.compile(r"\s*(?:用于|用来|为了|以便)")
"""A value saying what something is for ("用于广告服务"): no name. (Not "For …": "**Naver Login SDK**: For social
login" names the SDK in its label, a name label's role read from its "SDK".)"""


def _kind_value(value: str) -> bool:
    """A name label's value under a name line that says what kind of SDK it is or what it is for ("SDK类型：工具",
    "SDK服务类型：用于广告服务"), not another name."""
    return 0 < width(value) <= MAX_KIND_VALUE or _USE_VALUE_RE.match(value) is not None


def _phrase_label(text: str) -> bool:
    """A line whose label is a phrase ("**To Improve Reliability** : …"), not a field's short label ("类型：…")."""
    m = _LABEL_OF_RE.match(text)
    label = m.group(1).strip(" *_`") if m else ""
    return len(label.split()) >= 3 or width(label) > MAX_FIELD_LABEL


MAX_FIELD_LABEL = 12
"""Display width of a field's label ("使用场景", "调用时机", "Purpose")."""


def _next_item(lines: tuple, first: int, i: int) -> bool:  # type: ignore[type-arg]
    """Line ``i`` is the next item of the list whose item (line ``first``) opened the record (the caller asks
    only of a record written on one line, its fields after its name, "- 某某SDK（某某公司）：…；收集的信息：…", or of
    a line labelled by a phrase: items of their own, where "- 类型：…" under "- 权限：…" is a field of the record)."""
    return bool(lines[i].mark == "li" and lines[first].mark == "li" and lines[i].indent == lines[first].indent)


def _nested(pairs: tuple[tuple[str, str], ...], ctx: Context) -> tuple[tuple[str, str], ...]:
    """Label lines whose value holds labelled parts of its own ("开发者及隐私政策：开发者：X；隐私政策：https://…"):
    each part under its own label's role, as a table cell's are read."""
    if not any("：" in v or ":" in v for _, v in pairs):
        return pairs
    out: list[tuple[str, str]] = []
    for role, value in pairs:
        out.extend((cell_fields(role, value, ctx) if value else []) or [(role, value)])
    return tuple(out)


_LABEL_OF_RE = re.compile(r"^\s*(?:[(（]?\s*\d{1,3}(?:\.\d{1,3})*\s*[)）.、．]?\s*|[-*•·●]\s*)?([^:：]{1,30})[:：]")


_SDK_END_RE = re.compile(r"\S\s*(?:SDK|sdk)$")
"""A name ending in "SDK" after words of its own ("U-APM监测SDK"; not "SDK" alone)."""


def _named_label(text: str, pairs: tuple[tuple[str, str], ...], ctx: Context) -> tuple[tuple[str, str], ...]:
    """A label line under an SDK's record (its caller asks that it be a sub-item) whose label is an SDK's own
    name (a catalog name, or a name ending in "SDK"), no column title, and whose value is a sentence ("友盟SDK" …
    "① U-App统计SDK：需要收集您的设备Mac地址…"): the label names the next record, the value says what it collects
    or does; other lines' pairs as they are."""
    if len(pairs) != 1 or pairs[0][0] != "name" or name_like(pairs[0][1]):
        return pairs
    m = _LABEL_OF_RE.match(text)
    label = _CIRCLED_RE.sub("", _MARKER_RE.sub("", m.group(1))).strip() if m else ""
    if not label or ctx.lexicon.is_header(label) or not name_like(label) \
            or not (ctx.names.known(label) or _SDK_END_RE.search(label)):
        return pairs
    value = pairs[0][1]  # (what it collects, when the sentence names personal data; else what it is for)
    return ("name", label), ("data" if ctx.lexicon.data_types_in(value) else "purpose", value)


_CIRCLED_RE = re.compile(r"^\s*" + CIRCLED + r"\s*")
"""A circled number marking an item ("① U-App统计SDK：…")."""


def _permission_item(text: str, ctx: Context) -> bool:
    """A sub-item whose label names only a permission ("2）写入外部存储器：优化推送服务")."""
    m = _LABEL_OF_RE.match(text)
    return m is not None and ctx.lexicon.only_permission(m.group(1), label=True)


def _label(text: str) -> str:
    """The label a label line opens with, folded, without its marker ("18）SDK名称：…" -> "sdk名称")."""
    m = _LABEL_OF_RE.match(text)
    return fold(m.group(1)).replace(" ", "") if m else ""


def _stacked_labels(lines: tuple, ctx: Context) -> dict[int, str]:  # type: ignore[type-arg]
    """Lines that are a record's label alone, without a colon, over its value ("SDK名称" over "某某SDK", "使用权限"
    over a permission a line: records written as blocks of label and value lines, a page's layout of a form), by
    their role: a known field's title with no title over or under it (:func:`_field_title`), in a page where at least
    :data:`MIN_STACKED_LABELS` such titles each stand so at least :data:`MIN_STACKED_RECORDS` times (a flattened
    table's titles stand next to each other; the records of a form say the same labels again, each over its value)."""
    found: dict[int, str] = {}
    for i in range(len(lines) - 1):
        text = lines[i].text.strip()
        if not text or width(text) > MAX_STACKED_LABEL or "|" in text or ctx.lines[i].pairs \
                or not ctx.lexicon.is_header(text):
            continue
        role = ctx.lexicon.role(text)
        if role in _STACKED_ROLES and not _field_title(lines[i + 1].text, ctx) \
                and not (i > 0 and _field_title(lines[i - 1].text, ctx)):
            found[i] = role
    counts = Counter(fold(lines[i].text.strip()) for i in found)
    repeated = {t for t, n in counts.items() if n >= MIN_STACKED_RECORDS}
    if len(repeated) < MIN_STACKED_LABELS:
        return {}
    return {i: role for i, role in found.items() if fold(lines[i].text.strip()) in repeated}


def _field_title(text: str, ctx: Context) -> bool:
    """A short line naming a field's role, exactly or in other words ("包名信息", "使用的权限"): one of a header's
    titles written one a line, beside which a label stands in a table, not over its value."""
    text = text.strip()
    if not 0 < width(text) <= MAX_STACKED_LABEL:
        return False
    role = ctx.lexicon.role(text)  # (a product's name says "SDK" too: a name's title only as written, "SDK名称")
    return role not in (None, "title", "index") and (role != "name" or ctx.lexicon.is_header(text))


_STACKED_ROLES = frozenset({"name", "company", "purpose", "data", "permissions", "link", "website", "packages",
                            "method"})
MAX_STACKED_LABEL = 24
"""Display width of a label standing alone over its value ("调用的设备权限")."""
MIN_STACKED_LABELS = 2
"""Distinct labels a page of such records repeats (one label alone over lines may be a heading)."""
MIN_STACKED_RECORDS = 2
"""Times each of them stands over its value (one record is no layout of records)."""


def _next_labelled_item(first: str, text: str) -> bool:
    """Whether the label line ``text`` is the item after the one ``first`` (a record's first line) in the same list,
    opening with the same label ("8、SDK服务商：穿山甲" then "9、SDK服务商：个推"). Numbered fields of one record
    ("（1）公司名称：…" / "（2）使用目的：…") differ in their labels."""
    return _next_marked(first, text) and _label(text) != "" and _label(text) == _label(first)


def _next_outer_item(lines: tuple, first: int, i: int, text: str) -> bool:  # type: ignore[type-arg]
    """Whether the numbered line ``text`` (line ``i``) is the next item of an outer list the record opened at
    ``first`` sits in ("2. 设备标识信息：" over "（1）IMEI：…" … "（8）应用列表：…" / "收集方式：…", then "3. 使用信息：…"):
    its number's item before it is the nearest line above the record numbered alike, no line of the record so
    numbered (a record's numbered fields or items, "1. 名称：…" / "2. 公司：…", continue it), however many lines
    the inner list's items take."""
    want = _previous_marker(text)
    if want is None or any(_same_style(_marker_of(lines[k].text), want) for k in range(first, i)):
        return False
    for k in range(first - 1, max(-1, first - 1 - MAX_OUTER_SCAN), -1):
        at = _marker_of(lines[k].text)
        if _same_style(at, want):
            return at == want
    return False


def _same_style(at: tuple[str, str, str] | None, want: tuple[str, str, str]) -> bool:
    """Whether a marker is written as ``want`` is, its number or letter aside ("3." and "2.", not "（2）")."""
    return at is not None and at[0] == want[0] and at[2] == want[2] and at[1].isdigit() == want[1].isdigit()


MAX_OUTER_SCAN = 60
"""Lines above a record looked at for the item of an outer list it sits in (an inner list of a few dozen lines)."""


def _label_named(record: _Record) -> bool:
    """Whether a name label opened the record ("SDK名称：…", not a heading line) and no second party's line has
    come since (a record without a name label of its own, "16）第三方公司名称：…", may follow)."""
    return not record.lined and bool(record.fields) and record.fields[0][0] == "name" \
        and sum(r == "company" for r, _ in record.fields) <= 1


_USE_ONLY = frozenset({"permissions", "scene"})
"""Facts that alone do not make an SDK record of an unknown name: a section listing the permissions it asks
for is a permission list, not a row."""
_LEADING = frozenset({"company"})
"""Roles a record may state on the line before its name line ("第三方公司名称：X" then "SDK名称：Y")."""
_OWNER_ROLES = frozenset({"company", "link", "website", "packages"})
"""Facts only an SDK row has: who provides it, its pages, its code."""


_LISTED_NAME_RE = re.compile(r"^\s*[“\"「『]?(?P<name>[^“”\"「」『』（）()]{1,40}?)[”\"」』]?\s*"
                             r"(?:[（(]\s*(?P<link>https?://[^\s（）()]+)\s*[)）])?\s*$")
"""A name alone on its line, quoted or not, with its address in brackets or none ("“微信支付” （https://…）")."""


def _listed_name(text: str, ctx: Context) -> tuple[str, str] | None:
    """``(name, address)`` of a line that only names an SDK (:data:`_LISTED_NAME_RE`, the name only a name:
    :func:`auditor.policy.table.name_only`; the line no label), else None."""
    m = _LISTED_NAME_RE.match(text)
    if m is None:
        return None
    name = m.group("name").strip()
    if not name_only(name, ctx) or text.rstrip().endswith(("：", ":")):
        return None
    return name, m.group("link") or ""


_SENTENCE_VALUE_RE = re.compile(r"[，。；;]|^由")
"""A company label's value that is a sentence ("消息推送服务商：由某某有限公司为本应用提供推送能力，…"): what a
paragraph says of a provider, no label line of the record below."""


def _carried(records: list[_Record], current: _Record | None, i: int) -> list[tuple[str, str]]:
    """Label lines of the record that starts at line ``i`` written before its name line: a run of them with no
    name of its own (the first record), or the last line of the record above when that record already has
    its own line of that role. They move to the new record."""
    if current is None or current.last != i - 1 or not current.fields:
        return []
    if current.lined and len(current.fields) > 1 and all(r in _LEADING for r, _ in current.fields[1:]):
        records.remove(current)  # a heading ("Android操作系统SDK") over the company line of the record named below
        return current.fields[1:]
    if current.kind == "data" and any(r in _LEADING for r, _ in current.fields) \
            and all(r in _LEADING or r == "description" for r, _ in current.fields) \
            and not any(r == "company" and _SENTENCE_VALUE_RE.search(v) for r, v in current.fields):
        records.remove(current)  # ("合作方：某某有限公司" / "合作方类型：消息推送服务合作方" over "SDK简称：某某SDK")
        return current.fields
    role = current.fields[-1][0]
    if current.kind == "sdk" and role in _LEADING and sum(r == role for r, _ in current.fields) > 1:
        moved = current.fields.pop()
        current.last = i - 2
        return [moved]
    return []


def _party_over_entity(value: str, below: tuple[tuple[str, str], ...]) -> bool:
    """Whether a company label's ``value`` is the product of the company label on the line below, whose value is a
    legal entity ("SDK服务商：融云IM" over "服务商名称：北京某某科技有限公司"): a party named by its product, then by
    its name (two companies of one record, one of them no company at all)."""
    return bool(below) and below[0][0] == "company" and company_like(below[0][1]) \
        and name_like(value) and not company_like(value)


def _named_by_party(ctx: Context) -> bool:
    """Whether the page's records are named by their party's label ("第三方名称：极光推送", "Third party: AdMob"): no
    record has a name label, and most values of its company labels are catalog products, not legal entities
    (at least two), as a table's third-party column is read by its cells."""
    products = companies = 0
    for facts in ctx.lines:
        for role, value in facts.pairs:
            if role == "name":
                return False
            if role == "company":
                if company_like(value):
                    companies += 1
                elif ctx.names.known(value):
                    products += 1
    return products >= 2 and products > companies


MAX_ASIDE_LINES = 2
"""Sentences that may stand between two label lines of one record ("使用目的：…" / "你注册…时，…" / "所属机构：…")."""


def _label_follows(lines: tuple, i: int, ctx: Context, current: _Record,  # type: ignore[type-arg]
                   names: dict[str, bool]) -> bool:
    """Whether a label of an SDK fact the record has not given yet follows within :data:`MAX_ASIDE_LINES`
    lines, before any heading or name line: the sentences between are an aside of the record (kept out of
    its facts), not its end."""
    given = {r for r, _ in current.fields}
    for k in range(i + 1, min(i + 1 + MAX_ASIDE_LINES, len(lines))):
        pairs = ctx.lines[k].pairs
        if pairs:
            return pairs[0][0] in SDK_FACTS and pairs[0][0] not in given
        if ctx.lines[k].heading or _starts_record(lines, k, ctx, names):
            return False
    return False


_NUMBER_RE = re.compile(r"^\s*([(（])?\s*(\d{1,2})\s*([)）.、])")
_LETTER_NUMBER_RE = re.compile(r"^\s*([(（])?\s*([a-zA-Z])\s*([)）])")
"""A line lettered as a list's item ("d)", "（b）"): a letter then a closing bracket, never a word's first letter."""
MAX_OUTER_DISTANCE = 12


def _outer_item(lines: tuple, first: int, text: str) -> bool:  # type: ignore[type-arg]
    """Whether a numbered or lettered line is the next item of a list the record sits in ("（1）友盟：" … record …
    "（2）TalkingData：…", "c) 位置权限" … record … "d) 相机权限"): an item one less, in the same style, opens the
    lines just above the record."""
    want = _previous_marker(text)
    if want is None:
        return False
    for k in range(first - 1, max(-1, first - 1 - MAX_OUTER_DISTANCE), -1):
        if _marker_of(lines[k].text) == want:
            return True
    return False


def _marker_of(text: str) -> tuple[str, str, str] | None:
    """``(opening bracket, number or letter, closing mark)`` of a numbered or lettered line ("（2）", "d)"; a circled
    number, "⑲", as ``("", "19", "○")``)."""
    m = _NUMBER_RE.match(text) or _LETTER_NUMBER_RE.match(text)
    if m is None:
        c = _CIRCLED_RE.match(text)
        return None if c is None else ("", str(circled_number(c.group(0).strip())), "○")
    return m.group(1) or "", m.group(2).lstrip("0") or "0", m.group(3)


def _next_marked(first: str, text: str) -> bool:
    """Whether ``text`` is marked as the item after the one ``first`` (a record's name line) in the same list ("⑱、某某
    SDK" … "⑲、某某平台：…", "7、某某SDK" … "8、…"): the list's next item, whatever its words."""
    want = _previous_marker(text)
    return want is not None and _marker_of(first) == want


def _previous_marker(text: str) -> tuple[str, str, str] | None:
    """The marker of the item before a numbered or lettered line's in the same list ("（2）" -> "（1）", "d)" ->
    "c)"); None for a first item or a line not so marked."""
    at = _marker_of(text)
    if at is None or at[1] in ("0", "1", "a", "A"):
        return None
    before = str(int(at[1]) - 1) if at[1].isdigit() else chr(ord(at[1]) - 1)
    return at[0], before, at[2]


_NAME_WITH_OWNER_RE = re.compile(r"^\s*([^()（）:：]{2,60}?)\s*[(（][^()（）]{2,80}[)）]\s*$")
"""A name with its owner in brackets, alone on its line ("Zeta Ads (Zeta Inc.)")."""


def _service_heading(lines: tuple, i: int) -> bool:  # type: ignore[type-arg]
    """Line ``i`` names a service with its owner in brackets and the next line opens with that name ("Zeta Ads
    (Zeta Inc.)" over "Zeta Ads is a service run by…"): a service's own heading, however deep it is indented,
    never more of the value above it."""
    m = _NAME_WITH_OWNER_RE.match(lines[i].text)
    return m is not None and i + 1 < len(lines) and lines[i + 1].text.lstrip().startswith(m.group(1).strip() + " ")


def _sibling_record(lines: tuple, i: int, ctx: Context, names: dict[str, bool],  # type: ignore[type-arg]
                    first_indent: int = -1) -> bool:
    """A bullet that starts a record of its own: its label lines follow as bullets at the same depth
    ("- Huawei Push Kit" / "- Third Party: …"), not deeper under it; or it stands where the current record's name
    line stood (``first_indent``), its labels less indented as that record's were (a crawled list's layout)."""
    return i + 1 < len(lines) and (lines[i].indent <= lines[i + 1].indent or lines[i].indent == first_indent) \
        and _starts_record(lines, i, ctx, names)


def _next_in_list(lines: tuple, i: int, ctx: Context, record: _Record) -> bool:  # type: ignore[type-arg]
    """A bullet right after a bullet an SDK's record took as part of a value, with the same marker at the same
    indent: the next item of that list ("• 设备信息（…）" then "• 运动轨迹数据（坐标、时间戳、速度）" under "共享信息类型："),
    however much it reads like a name over the record's next label."""
    before, line = lines[i - 1], lines[i]
    mark = _SUBITEM_RE.match(line.text)
    return record.kind == "sdk" and record.last == i - 1 and i > record.first + 1 and not ctx.lines[i - 1].pairs \
        and mark is not None and before.indent == line.indent and before.text.lstrip().startswith(mark.group(0).strip())


def _value_below(record: _Record, text: str, starts: bool, pairs: tuple[tuple[str, str], ...]) -> bool:
    """Whether the line after a label the record left empty is that label's value: an address under a link
    label; under any other, a line that is not the name line of the next record (one over a label of a role
    this record has had already)."""
    if record.fields[-1][0] in ("link", "website"):
        return bool(URL_RE.search(text) or hosts(text))
    return not (starts and bool(pairs) and any(r == pairs[0][0] for r, _ in record.fields))


_MARK_ONLY_RE = re.compile(r"^\s*(?:[（(【\[]\s*\d{1,2}\s*[）)】\]]|\d{1,2}\s*[、.．)）]|[a-zA-Z][.)）、])\s*$")
"""A line of a list item's mark alone ("（1）", "2、", "a."): the next item's, never more of a value above it
("…第三方SDK包括：" over "（1）")."""


_LINK_ONLY_RE = re.compile(r"^\s*(?:\[[^\]]{1,80}\]\(\s*<?https?://[^)\s]+>?\s*\)|<?https?://\S+>?)\s*$")
"""A line that is only a link ("[AdMob](https://…)", a bare address): its scheme's colon makes no label."""


def _loose_pair(text: str) -> bool:
    """"设备标识符(Android ID)：用于…" under a label: a sub-item written as an unknown label."""
    m = PAIR_RE.match(text)
    return m is not None and width(m.group(1)) <= 48 and not _LINK_ONLY_RE.match(text)


_ABOUT_RE = re.compile(r"^(?:关于|(?:about|regarding)\s+(?:the\s+)?)(.+?)\s*[:：]$", re.IGNORECASE)
"""A line introducing what is said of a product ("关于极光推送SDK：", "About the Sentry SDK:")."""


def _about(text: str) -> str:
    """The name a line introduces what is said of ("关于极光推送SDK：" -> "极光推送SDK"), "" for any other line."""
    about = _ABOUT_RE.match(_MARKER_RE.sub("", text).strip())
    return about.group(1).strip() if about else ""


def _head_name(text: str) -> str:
    """The name a record's name line gives: without its list marker, nor the words introducing it ("关于…：")."""
    name = _about(text) or _MARKER_RE.sub("", text).strip()
    if name.endswith(("，", ",")) and not re.search(r"[，,。；;：:]", name[:-1]):
        return name[:-1].rstrip()  # "小米PUSH，" over its labels: a comma after a name ends no sentence
    return name


def _name_line(text: str, ctx: Context, company: bool = False) -> bool:
    """A short line that can name an SDK (not a sentence, a label, a heading of a section of the policy or
    the label of a permission / data item); a line introducing what is said of one ("关于极光推送SDK：") names it
    when the name is SDK-like."""
    about = _about(text)
    if about:
        return width(about) <= MAX_NAME_WIDTH and _sdk_like(about, ctx)
    if _listed_names(text, ctx):
        return True  # "Unity Ads, AdColony, Chartboost and Vungle" over what they collect: a row each
    name = _head_name(text)
    title = _DOCUMENT_TITLE_RE.search(name)
    if title and not ctx.names.known(name[:title.start()].strip(" -—–_:：")):
        return False  # the policy's own title over its date or operator ("某某App隐私政策" / "更新日期：…"), not an
        # SDK's record (an SDK's policy named so, "友盟隐私政策", names that SDK)
    name = _CODE_NAMES_RE.sub("", name).strip() or name  # (its code names in brackets are no words of it)
    if split := product_company(name):
        name, company = split[0], True  # the product of a name line written with its company ("某某SDK-某某有限公司")
    if not name or width(name) > MAX_NAME_WIDTH or name.endswith(("。", ".", "；", ";", "，", ",", "：", ":")):
        return False
    if re.search(r"[。；;:：]", name) or ctx.lexicon.is_header(name) or not name_like(name) or _SUFFIX_ONLY_RE.match(name) \
            or PLATFORM_ONLY_RE.fullmatch(name):
        return False  # (a platform over the lines about it: "[iOS]", "Android端")
    if not COMPONENT_WORD_RE.search(name) and any(
            h.phrase == fold(name) and (h.data_types or h.permissions) for h in ctx.lexicon.find(name, weak=True)):
        return False  # exactly a data or permission word ("Geo-Location", "Camera Access"), even if a library has it
    sdk_like = _sdk_like(name, ctx)
    if ctx.lexicon.general(name) and not ctx.names.known(name):
        return False
    if not (sdk_like or company) and (ctx.lexicon.permissions_in(name, weak=True) or ctx.lexicon.mostly_data(name)
                         or _data_parts(name, ctx)
                         or _PERMISSION_WORD_RE.search(name)):
        return False  # a permission or data item, or a section about permissions ("权限与能力说明")
    if not sdk_like and DATA_CATEGORY_RE.search(name):
        return False  # a category of data ("Usage Data", "设备信息"), not what collects it
    if not sdk_like and _KIND_RE.search(name):
        return False  # a kind of SDK over the records of its kind ("支付与登录类", "框架类（不外传个人信息）")
    return True


_CODE_NAMES_RE = re.compile(r"[(（]\s*(?=[^()（）]*[a-z]\.[a-z])[a-z][\w.\-]*(?:\s*[、,，;；/]\s*[a-z][\w.\-]*)+\s*[)）]")
"""A bracket listing the code names of a name line's SDK, package names among them ("（com.kuaishou、com.kwad、
com.ksad.download）"; not "(Mixpanel, Inc.)"): no words of the name, so they do not count against its width."""


_SUFFIX_ONLY_RE = re.compile(r"(?:sdk|kit)(?![a-z0-9])", re.IGNORECASE)
"""A line opening with an SDK word ("SDK（仅限海外版本）" under "• Google"): the end of a name broken over two
lines, no name of its own."""


def _name_fields(head: str) -> list[tuple[str, str]]:
    """The fields a record's name line gives: its name, and the code names it lists in brackets as its package
    names ("快手联盟SDK（com.kuaishou、com.kwad…）")."""
    codes = _CODE_NAMES_RE.search(head)
    name = _CODE_NAMES_RE.sub("", head).strip() if codes else ""
    return [("name", name), ("packages", codes.group(0).strip("()（）"))] if codes and name else [("name", head)]


def _data_parts(name: str, ctx: Context) -> bool:
    """A line that enumerates data ("设备ID（IDFA 用户授权才收集）、IDFV"): two parts or more, half of them naming data."""
    parts = [p for p in ENUMERATION_SPLIT_RE.split(name) if p]
    return len(parts) >= 2 and sum(1 for p in parts if ctx.lexicon.data_types_in(p, cell=True)) * 2 >= len(parts)


_KIND_RE = re.compile(r"类\s*(?:[（(][^()（）]*[)）])?$")
"""A name that ends in 类 ("kind"), a note in brackets after it or not: the title of a group of SDKs."""


def _lead(lines: tuple, i: int, ctx: Context) -> int:  # type: ignore[type-arg]
    """The last of the sentences (at most ``MAX_LEAD``) that stand between a heading naming an SDK (a catalog
    name or an SDK word) and its first label line ("Mixpanel (Mixpanel, Inc.)" / "Mixpanel is an analytics
    service provided by…" / "Personal Data processed: …"), or ``i`` when the label line follows at once or
    the line is no such heading."""
    owned = OWNED_NAME_RE.search(lines[i].text) is not None  # "Crashlytics (Google LLC)": names its provider
    heading = owned or heading_line(lines[i], ctx.lines[i])
    described = not heading and i + 1 < len(lines) and _describes_itself(lines[i].text, lines[i + 1].text)
    if not (heading or described):
        return i
    for k in range(i + 1, min(i + 2 + MAX_LEAD, len(lines))):
        facts = ctx.lines[k]
        if facts.pairs:
            if k == i + 1 or not (facts.pairs[0][0] in SDK_FACTS or (owned and facts.pairs[0][0] == "description")) \
                    or not (owned or described or _sdk_like(lines[i].text, ctx)):
                return i  # labels at once, none of an SDK, or a section's heading ("(III) Information from …")
            return k - 1
        if heading_line(lines[k], facts) or not lines[k].text.strip():
            return i
    return i


_CODE_KEY_RE = re.compile(r"""^\s*(['"`])[A-Za-z_$][\w$.-]*\1\s*:\s*(?:(['"`])[^'"`]{0,40}\2\s*,?\s*)?$""")
"""A line of a source file that is only its code, a quoted key with a short string or none ("'privacyPermTitle':
'权限说明',", "'privacyPermContent':"): what follows is another string, no more of a record in the one before."""


def _listed_value(lines: tuple, i: int, ctx: Context, first: int) -> bool:  # type: ignore[type-arg]
    """Line ``i`` is an item of a list that a label of the record opened at ``first`` has as its value: one of
    a run of items at one indent right under a label line left empty ("功能用途：" over "+ 充电站展示", "+ 路线
    规划"…), not the next record of a list of records."""
    line = lines[i]
    if line.mark != "li" or i == 0:
        return False
    k = i - 1
    while k >= first and lines[k].mark == "li" and lines[k].indent == line.indent:
        k -= 1
    pairs = ctx.lines[k].pairs if first <= k < i - 1 else ()
    return bool(pairs) and not pairs[-1][1].strip() and not lines[k].mark


def _describes_itself(name_line: str, text: str) -> bool:
    """A sentence that opens with the name its line above gives, saying what it is ("AdColony" over "AdColony is
    an advertising service provided by AdColony, Inc."): the line above heads what is said of it."""
    text = text.strip()
    if not text or text[:2].casefold() not in name_line.casefold():
        return False  # (the common case, decided before the name line's marker is taken off)
    name = _MARKER_RE.sub("", name_line).strip().strip("*").strip()
    if not name or width(name) > MAX_NAME_WIDTH or text[:len(name)].casefold() != name.casefold():
        return False
    return _SAYS_WHAT_RE.match(text, len(name)) is not None


_SAYS_WHAT_RE = re.compile(r"(?:\s+[a-z][\w-]*){0,2}\s+(?:is|are|was|provides|offers)\b|\s*(?:是|为|由)")
"""Words after a name that say what it is ("AdColony is …", "某某SDK是…", "…由某某公司提供"), a word or two of it
written out first ("Facebook Ads conversion" over "Facebook Ads conversion tracking is an analytics service…")."""


def _starts_record(lines: tuple, i: int, ctx: Context, names: dict[str, bool]) -> bool:  # type: ignore[type-arg]
    """A name line followed by a label line of an SDK fact (a heading: after at most ``MAX_LEAD`` sentences
    saying what it is); ``names``: :func:`_name_line` of the texts asked so far (a long policy repeats its
    name lines)."""
    if i + 1 >= len(lines) or (ctx.lines[i].width > MAX_NAME_WIDTH + 8
                               and width(_CODE_NAMES_RE.sub("", lines[i].text)) > MAX_NAME_WIDTH + 8
                               and not (ctx.lines[i].width <= MAX_NAME_WITH_COMPANY and _with_company(lines[i].text))
                               and not _listed_names(lines[i].text, ctx)):
        return False
    label = _lead(lines, i, ctx) + 1
    if label + 1 < len(lines) and platform_line(lines[label].text):
        label += 1  # "1.Unity3D" / "平台：Android/iOS" / "使用场景：…": the record's platforms, then its facts
    pairs = ctx.lines[label].pairs if label < len(lines) else ()  # a label line (so the pair pattern matches it)
    kind_label = bool(pairs) and KIND_TITLE_RE.search(_label(lines[label].text)) is not None
    kind = bool(pairs) and pairs[0][0] == "name" and (_kind_value(pairs[0][1]) or kind_label) \
        and not _sdk_like(pairs[0][1], ctx) and (_sdk_like(lines[i].text, ctx) or (
            kind_label and _MARKER_RE.match(lines[i].text) is not None and _name_line(lines[i].text, ctx)))
    # "腾讯优图SDK" over "SDK类型：工具" (or over "SDK类型：在VIVO手机上启用推送服务": a kind's label, whatever its
    # answer says); a list's item named in words no catalog knows, over a kind's label ("（8）甲乙推荐" over
    # "SDK类型：内容推荐"; not over a name's: "2、三方" over "SDK名称：小米PUSH")
    # a name that names its provider ("Sentry (Functional Software, Inc.)") over where its data is processed
    # ("Place of processing: United States"), as such service lists write every service
    owned = pairs and pairs[0][0] == "description" and OWNED_NAME_RE.search(lines[i].text) is not None
    # an SDK's name over its code name given as its name ("极光推送SDK" / "SDK名称：cn.jpush.android")
    # (a package's name, with dots, says so of any name: "小米PUSH" / "sdk：com.xiaomi")
    code = bool(pairs) and pairs[0][0] == "name" and _CODE_NAME_RE.match(pairs[0][1].strip()) is not None \
        and (_sdk_like(lines[i].text, ctx) or ("." in pairs[0][1] and name_like(_head_name(lines[i].text))))
    if not pairs or (pairs[0][0] not in SDK_FACTS and not kind and not owned and not code and not (
            # an SDK's name over what it is for, then its facts ("（1）微信支付" / "场景描述：…" / "SDK提供方：…")
            pairs[0][0] == "description" and _fact_follows(ctx, label + 1) and _sdk_like(lines[i].text, ctx))):
        return False
    if pairs[0][0] == "company" and TERM_DEFINITION_RE.match(pairs[0][1]):
        return False  # "定义" / "某某服务提供者：指…有限公司": the policy's definitions, not a record
    if pairs[0][0] == "scene" and not _sdk_like(lines[i].text, ctx):
        return False  # "业务场景：…" under a feature name: a scene record, unless the name is an SDK's
    text = lines[i].text
    key = f"{text}\x00{pairs[0][1]}" if pairs[0][0] == "company" else text  # (asked once per line and company)
    found = names.get(key)
    if found is None:
        found = names[key] = _names_record(text, pairs[0], ctx)
    return found


MAX_NAME_WITH_COMPANY = 160
"""Display width of a name line that writes its company after the name (a company's name is at most 60 characters)."""


def _with_company(text: str) -> bool:
    """A name line that writes its product's company after it ("腾讯云COS云储存-腾讯云计算（北京）有限责任公司"), the
    product short enough for a name."""
    split = product_company(_head_name(text))
    return split is not None and width(split[0]) <= MAX_NAME_WIDTH


def _names_record(text: str, first: tuple[str, str], ctx: Context) -> bool:
    """A name line over its first label line's pair ``first`` (:func:`_starts_record`)."""
    if first[0] != "company":
        return _name_line(text, ctx)
    head = _MARKER_RE.sub("", text).strip()
    if _operator_head(head, ctx):
        return False  # "运营者信息" / "公司名称、地址及联系方式" over "公司名称：…": the operator's block
    # a name over its company ("2.11本机号码校验" / "第三方服务商：中国移动…"): a third party's product, even when
    # its words also name data or a permission (not a company over its own address)
    return _name_line(text, ctx, company_like(first[1].strip()) and not company_like(head))


_PRODUCT_TAIL_RE = re.compile(r"\s(?:sdk|push|kit)$", re.IGNORECASE)
"""A name ending with a word for an SDK after a blank ("小米 PUSH", "微信 SDK")."""


def _known_name_first(text: str, pairs: tuple[tuple[str, str], ...], ctx: Context) -> tuple[tuple[str, str], ...]:
    """The pairs of a label line whose label is an SDK's name (a catalog name, or one ending in a blank and an SDK
    word), a blank, then a field's label, then more fields ("小米 PUSH 涉及个人信息：… 使用目的：…"): the name
    first, then the fields; other lines' pairs as they are."""
    m = PAIR_RE.match(text)
    if m is None:
        return pairs
    head, _, tail = m.group(1).strip().rpartition(" ")
    head = _MARKER_RE.sub("", head).strip()
    if not head or not ctx.lexicon.is_header(tail) or ctx.lexicon.role(tail) not in SDK_FACTS \
            or not (ctx.names.known(head) or (_PRODUCT_TAIL_RE.search(head) and name_like(head))) \
            or ctx.lexicon.role(head) not in (None, "name"):
        return pairs  # (not "隐私协议链接或 sdk 信息获取": labels of their own)
    fields = record_fields(tail, m.group(2), ctx.lexicon)
    # (a record on one line gives two fields or more: "华为 HMS 隐私权政策链接：…" under an item is that item's link)
    return (("name", head), *fields) if len(fields) >= 2 else pairs


def _operator_head(head: str, ctx: Context) -> bool:
    """A title that names a company's particulars ("运营者信息", "公司名称、地址及联系方式"), no product (a title naming
    an SDK as well, "第三方 SDK 信息披露（TapSDK）", heads a product's record)."""
    roles = ctx.lexicon.roles(head)
    if not roles or not (roles[0] == "company" or ("company" in roles and "name" not in roles)):
        return False
    key = normalize_name(fold(head))
    return not any(key.startswith(v) and len(key) > len(v) for v in ctx.names.vendors)
    # (a maker's word before it names the maker's product, "vivo厂商推送" over "企业主体：…": its "厂商" is no label)


def _fact_follows(ctx: Context, k: int) -> bool:
    """Line ``k`` or the one after it is a label line of an SDK fact (a company, data, a link…)."""
    for facts in ctx.lines[k:k + 2]:
        if facts.pairs:
            return facts.pairs[0][0] in SDK_FACTS
    return False


_SDK_HEAD_RE = re.compile(r"^\s*(?:[(（][a-zA-Z\d]{1,2}[)）]|[a-zA-Z\d]{1,2}[).、）])\s*([^:：，。,]{2,40}?)\s*[:：]\s*(\S.*)$")
"""A lettered or numbered item naming something, then what it does ("（b）某某SDK：读取…用来…")."""


def _sdk_head(lines: tuple, i: int, ctx: Context) -> tuple[str, str] | None:  # type: ignore[type-arg]
    """The SDK an item right above line ``i`` names, and its text, when that item's name is an SDK's (an SDK word or
    a catalog name)."""
    if i == 0 or ctx.lines[i - 1].pairs:
        return None
    m = _SDK_HEAD_RE.match(lines[i - 1].text)
    return (m.group(1).strip(), m.group(2).strip()) if m and _sdk_like(m.group(1), ctx) else None


_STREET_ADDRESS_RE = re.compile(r"[省市区县].{0,20}(?:路|街|大道|巷)\s*\d+\s*号")
"""A street address ("福州市仓山区…西三环路18号…", "广州市越秀区广德北路4号"): a place, never a product's name."""
_DOCUMENT_TITLE_RE = re.compile(r"(?:隐私政策|隐私协议|用户协议|服务协议|隐私保护指引|隐私权政策|个人信息保护政策|法律声明|"
                                r"privacy policy|privacy notice|terms of (?:service|use))\s*$", re.IGNORECASE)
"""The end of a document's title ("某某App用户隐私政策", "Snoring Privacy Policy")."""
MAX_LISTED_NAMES_WIDTH = 160
"""Display width of a line listing the names of several products (about six names)."""


def _listed_names(text: str, ctx: Context) -> bool:
    """A line that lists products by name and nothing else ("Unity Ads, AdColony, Chartboost, Facebook Lookalike
    Audience and Vungle": :func:`auditor.policy.facts.named_parts`), as a policy's summary of services writes the
    services of one purpose over what they collect."""
    name = _head_name(text)
    return width(name) <= MAX_LISTED_NAMES_WIDTH and not re.search(r"[。；;:：]", name) \
        and len(named_parts(name, ctx.names)) >= 2


def _sdk_like(text: str, ctx: Context) -> bool:
    """An SDK word, a catalog name, or a list of catalog names ("Facebook Analytics for Apps and Unity
    Analytics")."""
    name = _MARKER_RE.sub("", text).strip()
    return bool(COMPONENT_WORD_RE.search(name)) or ctx.names.known(name) or bool(named_parts(name, ctx.names))


_EMBEDDED_RE = re.compile(r"(?:嵌入|集成|接入|embed(?:ded)?|integrated)?\s*(?:第三方)?\s*SDK\s*[（(]\s*([^()（）]{2,40}?)\s*[)）]",
                          re.IGNORECASE)
"""A sharing-type value that names the SDK in brackets ("Embed SDK (Tianqin SDK)", "嵌入SDK（天琴SDK）")."""


def _embedded_name(record: _Record, ctx: Context) -> list[tuple[str, str]]:
    """The record's fields, with the SDK its method names in brackets as its name when the heading names a
    function ("Discovering and connecting to devices" / "Sharing type: Embed SDK (Tianqin SDK)"); the heading
    is then the purpose, unless the record gives one."""
    fields = record.fields
    if not record.lined or _sdk_like(fields[0][1], ctx):
        return fields
    name = _embedded_sdk(fields[1:], ctx)
    if name is None:
        return fields
    rest = list(fields[1:])
    heading = [] if any(r == "purpose" for r, _ in rest) else [("purpose", fields[0][1])]
    return [("name", name)] + heading + rest


def _embedded_sdk(fields: list[tuple[str, str]], ctx: Context) -> str | None:
    """The SDK a sharing type names in brackets ("内嵌 SDK（高德地图 SDK）"), if one of ``fields`` does."""
    for role, value in fields:
        m = _EMBEDDED_RE.search(value) if role == "method" else None
        if m and name_like(m.group(1)) and _sdk_like(m.group(1), ctx):
            return m.group(1).strip()
    return None


def _function_named(record: _Record, ctx: Context) -> bool:
    """A record headed by a name line that names no SDK (no owner fact, no SDK word or catalog name): the
    name of a function of the app."""
    return record.kind == "sdk" and record.lined and not {r for r, _ in record.fields} & _OWNER_ROLES \
        and not _sdk_like(record.fields[0][1], ctx)


MAX_DATA_PHRASE = 60
"""Display width of a data value that may list data in words of its own ("Cookies and Usage Data")."""


def _data_listed(value: str, ctx: Context) -> bool:
    """A data value that lists data: it names a data type, or it is a short phrase (a longer text that names
    none is a passage about something else)."""
    return bool(value.strip()) and (width(value) <= MAX_DATA_PHRASE or bool(ctx.lexicon.data_types_in(value)))


def _feature(record: _Record, ctx: Context) -> Structure | None:
    """A record headed by the name of a function of the app (:func:`_function_named`) whose data names the
    permissions it asks for ("2、一键登录" over "涉及的权限/个人信息：网络权限、读取电话状态" / "目的：…"): a scene,
    else None."""
    if not _function_named(record, ctx):
        return None
    asked = " ".join(v for r, v in record.fields if r in ("data", "item", "permissions"))
    if not (_PERMISSION_WORD_RE.search(asked) and ctx.lexicon.permissions_in(asked, prose=True, verbal=True)):
        return None
    purpose = " ".join(v for r, v in record.fields if r == "purpose")
    last = max(record.last, record.first)
    return Structure(ExtractorKind.KEY_VALUE, record.first, last, CONFIDENCE - 0.1, scenes=(
        SceneClaim(record.fields[0][1], purpose, asked, record.first, last, sentence=True),),
        sdks=_enumerated_rows(record, ctx))  # (and the SDKs it says the function uses: "使用的第三方：…")


def _named_by_method(record: _Record, ctx: Context) -> _Record:
    """A record with no name whose sharing type names the SDK in brackets ("第三方公司名称：高德软件有限公司" /
    "共享类型：内嵌 SDK(高德地图 SDK)" / "共享信息：…"): that SDK's record; any other record as it is."""
    if record.kind != "data" or not any(r == "company" for r, _ in record.fields):
        return record
    name = _embedded_sdk(record.fields, ctx)
    return record if name is None else _Record("sdk", record.first, [("name", name)] + record.fields, record.last)


MIN_SENTENCES_WIDTH = 40
"""Display width of a field's value that may be sentences rather than a company's name (:func:`_names_sdks`)."""


def _names_sdks(value: str) -> bool:
    """A party's field whose value is no party but sentences naming SDKs by their SDK word (:func:`clause_sdks`)."""
    return width(value) > MIN_SENTENCES_WIDTH and "SDK" in value and bool(clause_sdks(value))


def _enumerated(value: str, ctx: Context) -> list[str]:
    """The names a party's field enumerates before the sentences that follow them ("使用的第三方：甲乙推送、丙丁推送，
    用于…这些SDK将收集…"): each a name and no company's, at least half of them catalog names; [] when the value
    is a party (no sentences after it) or names no SDK so."""
    if width(value) <= MIN_SENTENCES_WIDTH:
        return []
    head = _CLAUSE_END_RE.split(value.strip(), maxsplit=1)[0]
    parts = [p.strip() for p in _ENUMERATED_RE.split(head)]
    if not all(p and width(p) <= MAX_LISTED_NAME and name_like(p) and not company_like(p) for p in parts):
        return []
    return parts if sum(1 for p in parts if ctx.names.known(p)) * 2 >= len(parts) else []


def _enumerated_rows(record: _Record, ctx: Context) -> tuple[SdkClaim, ...]:
    """A row for each name a party's field of ``record`` enumerates (:func:`_enumerated`), with what that field's
    sentences and the record's data and purpose fields say."""
    said = " ".join(v for r, v in record.fields if r in ("data", "purpose"))
    purpose = " ".join(v for r, v in record.fields if r == "purpose")
    last = max(record.last, record.first)
    return tuple(SdkClaim(RowFacts(name=name, purpose=purpose, data=f"{value} {said}".strip()), record.first, last)
                 for r, value in record.fields if r == "company" for name in _enumerated(value, ctx))


_CLAUSE_END_RE = re.compile(r"[，,。；;]")
_ENUMERATED_RE = re.compile(r"\s*[、/／]\s*")
MAX_LISTED_NAME = 24
"""Display width of a name enumerated at a party's field's opening (:func:`_enumerated`)."""


def _structure(record: _Record, ctx: Context, features: bool = False) -> Structure | None:
    """What a record that is no function asking for permissions (:func:`_feature`) is: an SDK row, a scene
    record or a data record; ``features``: whether some record of the page is such a function."""
    roles = {r for r, _ in record.fields}
    last = max(record.last, record.first)
    if any(r == "company" and _names_sdks(v) for r, v in record.fields):
        return None  # "使用的第三方：甲乙SDK、丙丁SDK，当您…时，它们会读取…": sentences naming SDKs, prose reads them
    if enumerated := _enumerated_rows(record, ctx):  # "使用的第三方：甲乙推送、丙丁推送，用于…": a row each
        return Structure(ExtractorKind.KEY_VALUE, record.first, last, CONFIDENCE, sdks=enumerated)
    if features and _function_named(record, ctx):
        # "1、常规登录/注册" over "涉及的个人信息：手机号" among functions that ask for permissions: a function too
        return Structure(ExtractorKind.KEY_VALUE, record.first, last, CONFIDENCE - 0.2, data=True)
    if record.kind == "sdk" and record.listed:
        # the names under the record's name label: a row each, with the record's other labels
        rows = [_structure(replace(record, fields=[("name", name)] + ([("link", link)] if link else [])
                                   + record.fields[1:], listed=[]), ctx, features) for name, link in record.listed]
        claims = tuple(c for r in rows if r is not None for c in r.sdks)
        return Structure(ExtractorKind.KEY_VALUE, record.first, max(record.last, record.first), CONFIDENCE,
                         sdks=claims) if claims else None
    if record.kind == "sdk":
        fields = _embedded_name(record, ctx)
        if "company" not in roles and fields and fields[0][0] == "name":
            fields = split_company(fields[0][1], fields)  # "华为推送SDK（华为软件技术有限公司）": its company
        facts = facts_from(with_cued_company(link_owner(fields)))
        known = {r for r, v in fields if v.strip()} & SDK_FACTS  # (a label left empty states nothing)
        if facts is None or not known or (known <= _USE_ONLY and not ctx.names.known(facts.name) and not record.headed):
            return None  # no facts, or only the permissions a titled section asks for ("合规要求" / "必选权限：…")
        owned = bool((roles | {r for r, _ in fields}) & _OWNER_ROLES)  # (its name line may name its provider)
        if record.lined and not owned and not _sdk_like(facts.name, ctx) and \
                not _data_listed(" ".join(v for r, v in fields if r == "data"), ctx):
            # "附加功能" over "目的：…" / "方式：…", or "消费积分规则" over "数据处理：积分记录仅用于对账，我们仅留存…"
            # (a passage naming no personal data): a function described, no SDK's record
            return None
        if record.lined and not roles & _OWNER_ROLES and not _sdk_like(facts.name, ctx) and \
                ctx.lexicon.role(facts.name) in ("data", "item"):
            # "Information Collection and Use" over "Personal Information: …": a section on what is collected
            return Structure(ExtractorKind.KEY_VALUE, record.first, last, CONFIDENCE - 0.2, data=True)
        if _STREET_ADDRESS_RE.search(facts.name):
            return None  # "公司注册地址：福州市…路18号…" over "全资子公司名称：…": an operator's particulars, no SDK
        if (not name_like(facts.name) or ctx.lexicon.general_heading(facts.name)) and not ctx.names.known(facts.name) \
                and not _listed_names(facts.name, ctx):
            return None  # a sentence under a name-like label ("Photo Library Access: * Why we need it: …"), or a
            # numbered heading about SDKs in general (a table of contents' "thirdParty": "5. Third-Party SDKs We Use")
        # (a record opened by its name, saying two facts of it or more, over a table its lines may stand in; not one
        # whose "name" is a company's, "北京某某有限公司" over "官网链接：…": a table's cells read as a record)
        confidence = CONFIDENCE + (0.05 if record.fields[0][0] == "name" and len(known) >= 2
                                   and not company_like(facts.name) else 0.0)
        # (the SDK's permissions one a line, each with its use, "权限名称：android.permission.INTERNET … 用途说明：用于推送",
        # are the row's permissions: what the SDK uses them for is no business scene of the app)
        return Structure(ExtractorKind.KEY_VALUE, record.first, last, confidence,
                         sdks=(SdkClaim(facts, record.first, last),))
    if any(f.width > MAX_DATA_LINE_WIDTH for f in ctx.lines[record.first:last + 1]):
        return None  # (labels inside a page written on one line: its sentences say the scenes, prose reads them)
    values = {r: " ".join(v for rr, v in record.fields if rr == r) for r in roles}
    if record.kind == "scene" and record.opened and not (values.get("scene") or values.get("purpose")):
        return None  # "所需权限：" over items that each give a permission and its use: a permission list
    if record.kind == "scene" and not (values.get("scene") or values.get("purpose")) \
            and _permission_labels(values.get("permissions", ""), ctx) >= MIN_LISTED_PERMISSIONS:
        return None  # "网络权限：为…" / "定位权限：同城功能…" / "语音权限：以便录制…": each line a permission and its
        # use, a permission list (the lines after the first read as more of its value)
    if record.kind == "scene" and values.get("permissions") and not (values.get("scene") or values.get("purpose")):
        uses = [(m.group(2).strip(), m.group(1).strip()) for m in _BRACKETED_USE_RE.finditer(values["permissions"])]
        if uses:  # "设备权限：相机权限（用于姿态检测）、相册权限（可选，用于头像设置）": each permission's own use
            return Structure(ExtractorKind.KEY_VALUE, record.first, last, CONFIDENCE,
                             scenes=tuple(SceneClaim(use, "", asked, record.first, last) for use, asked in uses))
    if record.kind == "scene" and values.get("permissions"):
        scene = values.get("scene") or values.get("purpose", "")
        desc = " ".join(filter(None, (values.get("purpose") if values.get("scene") else "",
                                      values.get("description"))))
        descriptions = [v for r, v in record.fields if r == "description" and v.strip()]
        if not scene and descriptions and not PERMISSION_DEFINITION_RE.match(descriptions[0]):
            # "权限功能说明：用于帮助您完成语音搜索…": the record's only words on its use
            scene, desc = descriptions[0], " ".join(descriptions[1:])
        return Structure(ExtractorKind.KEY_VALUE, record.first, last, CONFIDENCE,
                         scenes=(SceneClaim(scene, desc, values["permissions"], record.first, last),))
    asked = " ".join(filter(None, (values.get("data"), values.get("item"))))
    if record.kind == "scene" and values.get("scene") and _PERMISSION_WORD_RE.search(asked) and \
            ctx.lexicon.permissions_in(asked, prose=True, verbal=True):
        # a personal-information record ("业务功能：扫一扫" / "个人信息类型：相机权限、…") whose data names a permission
        return Structure(ExtractorKind.KEY_VALUE, record.first, last, CONFIDENCE - 0.1,
                         scenes=(SceneClaim(values["scene"], values.get("purpose", ""), asked, record.first, last,
                                            sentence=True),))
    described = values.get("description", "")
    if record.kind == "scene" and values.get("scene") and _GRANTS_RE.match(described) and \
            ctx.lexicon.permissions_in(described, prose=True, verbal=True):
        # a permission record whose permission's name was left out, its description the system's words for what
        # the permission lets the app do ("权限功能说明：授权应用读取SD卡中的内容" / "使用场景/目的：…")
        return Structure(ExtractorKind.KEY_VALUE, record.first, last, CONFIDENCE - 0.1,
                         scenes=(SceneClaim(values["scene"], "", described, record.first, last, sentence=True),))
    if len(record.fields) >= 2:
        return Structure(ExtractorKind.KEY_VALUE, record.first, last, CONFIDENCE - 0.2, data=True)
    return None


MIN_LISTED_PERMISSIONS = 2
_INNER_LABEL_RE = re.compile(r"(?:^|(?<=\s))([^\s:：。，,；;]{1,16})[：:]\s*\S")
"""A label inside a value that ran on over the lines below it ("… 定位权限：同城功能…")."""


def _permission_labels(value: str, ctx: Context) -> int:
    """How many labels inside ``value`` name only a permission: a record's value that holds two or more of them
    is the lines of a permission list, read on as one value."""
    return sum(1 for m in _INNER_LABEL_RE.finditer(value) if ctx.lexicon.only_permission(m.group(1)))
