"""Parts of a policy that list what the app does *not* embed: a section titled so ("六、暂未接入的第三方服务",
"SDKs we do not use") or the items under a line introducing them so ("以下功能目前尚未接入：", "The app does not
include the following SDKs:"). An SDK named there is no disclosure of the SDK: the reader keeps no row of it
(a row there would read as a disclosed SDK, and its absence from the build as a stale one)."""

from __future__ import annotations

import re
from dataclasses import replace

from auditor.policy.analysis import heading_line
from auditor.policy.claims import Context, Structure
from auditor.policy.document import Document

_NOT_USED_RE = re.compile(
    r"(?:暂|尚|目前|当前|暂时|还)?(?:未|没有)(?:接入|集成|引入|使用|嵌入)(?:的|以下|下列|如下|任何)?"
    r"|(?:不|无需)(?:接入|集成|引入|嵌入)(?:以下|下列|如下|任何)"
    r"|\bnot\s+(?:yet\s+|currently\s+)?(?:integrated|used|included|embedded|in\s+use)\b"
    r"|\b(?:do|does|will)\s+not\s+(?:yet\s+)?(?:use|include|integrate|embed|contain)\b"
    r"|\bno\s+longer\s+(?:use[sd]?|in\s+use|include[sd]?)\b",
    re.IGNORECASE)
"""Words saying what follows is not (or not yet) part of the app."""
_CONDITION_RE = re.compile(r"如果|如您|若|倘若|一旦|\bif\b|\bunless\b|\bwhen\b|未经", re.IGNORECASE)
"""A condition before the words ("如您未使用该功能", "if you do not use"): no list of absent SDKs."""
_SUBJECT_RE = re.compile(r"sdk|第三方|服务|插件|组件|功能|librar|service|third[- ]part|partner", re.IGNORECASE)
"""What such a title or intro speaks of: SDKs, third parties, services, features."""
MAX_TITLE_WIDTH = 80
MAX_INTRO_CHARS = 120


def unused_spans(doc: Document, ctx: Context) -> list[tuple[int, int]]:
    """``(first, last)`` line indexes of the parts of ``doc`` that list what the app does not embed: a section
    under such a heading (to the next heading), or the list items under such an introducing line."""
    out: list[tuple[int, int]] = []
    lines = doc.lines
    n = len(lines)
    for i, line in enumerate(lines):
        if not (ctx.lines[i].heading or line.mark or line.text.endswith((":", "：", ": ", "： "))):
            continue  # (the common case, at the cost of a look at the line's facts)
        text = line.text.strip()
        heading = _heading(doc, ctx, i) and len(text) <= MAX_TITLE_WIDTH
        if not heading and not (len(text) <= MAX_INTRO_CHARS and text.endswith((":", "："))):
            continue  # (only a title or a line introducing a list can say so: checked before the words)
        if not _NOT_USED_RE.search(text) or not _SUBJECT_RE.search(text) or _CONDITION_RE.search(text):
            continue
        if heading:
            end = next((k for k in range(i + 1, n) if _heading(doc, ctx, k)), n) - 1
            if end > i:
                out.append((i + 1, end))
        else:
            k = i + 1
            while k < n and lines[k].mark == "li":
                k += 1
            if k > i + 1:
                out.append((i + 1, k - 1))
    return out


def _heading(doc: Document, ctx: Context, i: int) -> bool:
    return heading_line(doc.lines[i], ctx.lines[i])


def without_unused(structures: list[Structure], spans: list[tuple[int, int]]) -> list[Structure]:
    """``structures`` with the SDK claims that open inside ``spans`` taken out (their scenes and data kept)."""
    if not spans:
        return structures
    out = []
    for s in structures:
        kept = tuple(c for c in s.sdks if not any(a <= c.first <= b for a, b in spans))
        out.append(s if len(kept) == len(s.sdks) else replace(s, sdks=kept))
    return out
