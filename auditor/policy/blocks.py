"""Key-value blocks ("SDK名称：…" / "SDK name: …", "业务场景：…" / "使用目的：…") and numbered SDK lists
("1、推送通知消息(OPPO推送SDK)")."""

from __future__ import annotations

import re

from auditor.policy.document import Document
from auditor.policy.lexicon import Lexicon
from auditor.policy.resolve import NameIndex
from auditor.policy.rows import RawSceneRow, RawSdk, continues, is_heading

_KEY_RE = re.compile(r"^\s*[-*•·]?\s*(?:\d{1,2}[.、)]\s*)?([^:：]{1,32}?)\s*[:：]\s*(.*)$")
_SPLIT_RE = re.compile(r"\s*[；;]\s*|\s+\|\s+")
_ITEM_RE = re.compile(r"^\s*(?:[(（]?\d{1,3}[)）]|\d{1,3}\s*[、.．)]|[一二三四五六七八九十]{1,3}[、.．])\s*(.+)$")
_PAREN_TAIL_RE = re.compile(r"^(.*?)\s*[（(]([^（）()]{2,60})[)）]\s*(?:[:：]\s*(.*?))?\s*[。.;；]?\s*$")
_SDK_HEAD_RE = re.compile(r"^(.{2,40}?(?:SDK|sdk|插件))\s*(?:[:：，,]\s*(.*)|[。.]?$)")
# words of a heading or a sentence about SDKs in general ("一、我们接入的第三方SDK"), never of an SDK's name
_GENERIC_RE = re.compile(r"我们|您|本应用|本产品|接入|集成|使用的|以下|第三方|合作|相关|其他|\bour\b|\bwe\b|"
                         r"the following|third[- ]party|partner|\bother\b|^\s*(?:SDK|插件)\s*$", re.IGNORECASE)
_SDK_WORD_RE = re.compile(r"sdk|插件", re.IGNORECASE)
MAX_CONTINUATION = 3


def _pairs(text: str, lexicon: Lexicon) -> list[tuple[str, str]] | None:
    """``(role, value)`` pairs of a key line (several when ";"-separated), or None."""
    pairs: list[tuple[str, str]] = []
    for part in _SPLIT_RE.split(text):
        m = _KEY_RE.match(part)
        role = lexicon.role(m.group(1)) if m else None
        if not m or role is None:
            if pairs:
                pairs[-1] = (pairs[-1][0], pairs[-1][1] + " " + part)
                continue
            return None
        pairs.append((role, m.group(2).strip()))
    return pairs or None


def find_blocks(doc: Document, lexicon: Lexicon, skip: set[int]
                ) -> tuple[list[RawSdk], list[RawSceneRow], set[int]]:
    """SDK records and scene records written as key-value lines."""
    sdks: list[RawSdk] = []
    scenes: list[RawSceneRow] = []
    used: set[int] = set()
    record: dict[str, str] = {}
    kind = ""
    first = last = 0
    spare = 0

    def close() -> None:
        nonlocal record, kind
        if kind == "sdk" and record.get("name") and len(record) >= 2:
            sdks.append(RawSdk(record.get("name", ""), record.get("company", ""), record.get("purpose", ""),
                               " ".join(filter(None, (record.get("data"), record.get("description")))),
                               record.get("permissions", ""), record.get("link", ""), "key-value", first, last))
            used.update(range(first, last + 1))
        elif kind == "scene" and record.get("permissions") is not None and len(record) >= 2:
            desc = " ".join(filter(None, (record.get("purpose"), record.get("description"))))
            scenes.append(RawSceneRow(record.get("scene", ""), desc, record.get("permissions", ""), first, last))
            used.update(range(first, last + 1))
        record, kind = {}, ""

    last_role = ""
    for i, line in enumerate(doc.lines):
        if i in skip or is_heading(line.text):
            close()
            continue
        pairs = _pairs(line.text, lexicon)
        if pairs is None:
            if (kind and spare < MAX_CONTINUATION and last_role in record and not _ITEM_RE.match(line.text)
                    and i > 0 and continues(doc.lines[i - 1].text, line.text)):
                record[last_role] = (record[last_role] + " " + line.text).strip()
                last, spare = i, spare + 1
            else:
                close()
            continue
        for role, value in pairs:
            starts = {"name": "sdk", "scene": "scene"}.get(role)
            if role == "permissions" and kind != "sdk" and ("permissions" in record or not kind):
                starts = "scene"
            if starts and (role in record or kind != starts):
                close()
                kind, first = starts, i
            if not kind:
                continue
            record.setdefault(role, value)
            last_role, last, spare = role, i, 0
    close()
    return sdks, scenes, used


def find_lists(doc: Document, index: NameIndex, skip: set[int]) -> tuple[list[RawSdk], set[int]]:
    """Numbered list items that name an SDK: "1、推送通知消息(OPPO推送SDK)", "2. 友盟统计SDK：统计分析"."""
    out: list[RawSdk] = []
    used: set[int] = set()
    for i, line in enumerate(doc.lines):
        if i in skip:
            continue
        m = _ITEM_RE.match(line.text)
        if not m:
            continue
        item = m.group(1).strip()
        name = purpose = ""
        tail = _PAREN_TAIL_RE.match(item)
        if tail and (_SDK_WORD_RE.search(tail.group(2)) or _known(index, tail.group(2))):
            name, purpose = tail.group(2).strip(), tail.group(1).strip(" ：:，,")
            if tail.group(3):
                purpose = f"{purpose}：{tail.group(3).strip()}" if purpose else tail.group(3).strip()
        else:
            head = _SDK_HEAD_RE.match(item)
            if head and len(head.group(1).split()) <= 5 and not _GENERIC_RE.search(head.group(1).strip()):
                name, purpose = head.group(1).strip(), (head.group(2) or "").strip()
            else:
                key = re.match(r"^([^:：，,。]{2,30})[:：]\s*(.*)$", item)
                if key and _known(index, key.group(1)):
                    name, purpose = key.group(1).strip(), key.group(2).strip()
        if name:
            out.append(RawSdk(name, "", purpose, "", "", "", "list", i, i))
            used.add(i)
    return out, used


def _known(index: NameIndex, name: str) -> bool:
    res = index.resolve(name)
    return res.id is not None and res.how in ("exact", "loose")
