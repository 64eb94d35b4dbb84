"""Permission lists: items whose label names a permission, each with the scene it is used for.

    （1）电话权限（获取手机识别码）：当您使用V粉卡服务时…          -> label, then the scene on the same line
    A.读取/修改手机存储权限  /  用户使用保存或上传图片功能时…        -> label, then the scene on the next line
    1. 地理位置  /  使用场景/目的:用于扫描附近WLAN列表…              -> label, then a labelled scene
    - android.permission.CAMERA: to scan codes                      -> a constant and its purpose

An item counts when its label has a permission constant, says "权限"/"permission", or sits in a section
whose heading is about permissions. Items under an iOS-only heading name no Android permission.
"""

from __future__ import annotations

import re

from auditor.policy.claims import Context, ExtractorKind, SceneClaim, Structure
from auditor.policy.document import Document, Line
from auditor.policy.lexicon import fold
from auditor.policy.text import HEADING_RE, width

_ITEM_RE = re.compile(
    r"^\s*(?:[(（]\s*(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})\s*[)）]|\d{1,2}(?:\.\d{1,2})*\s*[.、．)）]"
    r"|[a-zA-Z]\s*[.、．)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[-*•·●▪◦])\s*(.+)$"
)
_LABEL_SPLIT_RE = re.compile(r"\s*[:：]\s*")
_PERMISSION_WORD_RE = re.compile(r"权限|permission|authorit", re.IGNORECASE)
_LABEL_RE = re.compile(r"^\s*([^:：]{1,24}?)\s*[:：]\s*(.*)$")
MAX_LABEL_WIDTH = 120
MAX_DETAIL_LINES = 3
CONFIDENCE = 0.75
FEATURE_CONFIDENCE = 0.5


class PermissionListExtractor:
    kind = ExtractorKind.PERMISSION_LIST

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        out: list[Structure] = []
        topic, platform = False, None
        lines = doc.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            item = _item(line, ctx, topic)
            if item is None:
                feature = _feature(lines, i, ctx) if platform != "ios" else None
                if feature is not None:
                    out.append(feature)
                    i = feature.last + 1
                    continue
                if _section_heading(line):
                    topic = bool(_PERMISSION_WORD_RE.search(line.text))
                    platform = ctx.lexicon.platform(line.text)
                i += 1
                continue
            label, rest = item
            desc, last = _details(lines, i, rest, ctx)
            if platform != "ios" and ctx.lexicon.platform(label) != "ios":
                scene = SceneClaim(label, desc, label, i, last)
                out.append(Structure(self.kind, i, last, CONFIDENCE, scenes=(scene,)))
            i = last + 1
        return out


def _feature(lines: tuple[Line, ...], i: int, ctx: Context) -> Structure | None:
    """A feature item that says which permission it uses ("扫码（相机信息）：扫码时我们会申请相机权限"): the
    feature is the scene."""
    line = lines[i]
    m = _ITEM_RE.match(line.text)
    body = m.group(1).strip() if m else line.text.strip() if line.mark == "li" else ""
    parts = _LABEL_SPLIT_RE.split(body, maxsplit=1)
    if len(parts) != 2 or not 2 <= width(parts[0]) <= 40:
        return None
    label, rest = parts[0].strip(), parts[1].strip()
    text = f"{label}：{rest}"
    cue = ctx.lexicon.has_cue(fold(text))
    if not ctx.lexicon.permissions_in(text, prose=True, verbal=not cue):
        return None
    scene = SceneClaim(label, rest, text, i, i, sentence=True)
    return Structure(ExtractorKind.PERMISSION_LIST, i, i, FEATURE_CONFIDENCE, scenes=(scene,))


def _section_heading(line: Line) -> bool:
    """A heading of the policy's outline (not a numbered item: "1. 地理位置" is an item)."""
    text = line.text.strip()
    return line.mark.startswith("h") or (HEADING_RE.match(text) is not None and width(text) <= 60)


def _item(line: Line, ctx: Context, topic: bool) -> tuple[str, str] | None:
    """``(label, rest of the line)`` when the line is a permission item."""
    m = _ITEM_RE.match(line.text)
    body = m.group(1).strip() if m else line.text.strip() if line.mark == "li" else ""
    if not body:
        return None
    parts = _LABEL_SPLIT_RE.split(body, maxsplit=1)
    label, rest = (parts[0], parts[1]) if len(parts) == 2 else (body, "")
    if width(label) > MAX_LABEL_WIDTH or not ctx.lexicon.permissions_in(label, weak=True):
        return None
    constant = bool(re.search(r"[A-Z]{2,}_[A-Z]|android\.permission\.", label))
    if not (constant or topic or _PERMISSION_WORD_RE.search(label)):
        return None
    return label.strip(), rest.strip()


def _details(lines: tuple[Line, ...], i: int, rest: str, ctx: Context) -> tuple[str, int]:
    """The scene text of the item at ``i``: the rest of its line, or the next lines up to the next item
    (a labelled scene or purpose line is preferred; other labelled lines are skipped)."""
    parts = [rest] if rest else []
    last = i
    for k in range(i + 1, min(len(lines), i + 1 + MAX_DETAIL_LINES)):
        text = lines[k].text
        if _ITEM_RE.match(text) or lines[k].mark or _section_heading(lines[k]) or not _LABEL_RE.match(text) and rest:
            break
        m = _LABEL_RE.match(text)
        role = ctx.lexicon.role(m.group(1)) if m else None
        if role in ("scene", "purpose", "description"):
            assert m is not None
            parts.insert(0, m.group(2))
        elif m is None and not rest:
            parts.append(text)
        last = k
    return " ".join(p for p in parts if p).strip(), last
