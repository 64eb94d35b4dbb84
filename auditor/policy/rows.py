"""Raw rows the extractors produce, before names are resolved and phrases mapped, and shared text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。；）)]+", re.IGNORECASE)
URL_ONLY_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
HEADING_RE = re.compile(
    r"^\s*(?:[(（]\s*(?:[IVXLC]{1,5}|[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]"
    r"|(?:[IVXLC]{1,5}|[一二三四五六七八九十]{1,3})\s*[.、．](?!\w*\.)"
    r"|第[一二三四五六七八九十\d]{1,3}[章节条部分]|#{1,6}\s)"
)
_CONT_END_RE = re.compile(
    r"(?:[,，、;；/\-–(（]|(?<=\s)(?:and|or|of|the|to|with|for|in|a|an|by|on|at|from|as)|和|及|与|或|以及)$", re.IGNORECASE
)
_TERMINAL = (".", "。", ":", "：", "!", "?", "！", "？", ";", "；")
_BOILERPLATE_RE = re.compile(
    r"for more information,?\s*(?:please\s+)?(?:visit|see|refer to)\s*:?|更多信息请(?:访问|查看|参见)[:：]?|详见[:：]?"
    r"|隐私政策链接[:：]?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RawSdk:
    """An SDK row as read, cells as written."""

    name: str
    company: str
    purpose: str
    data: str
    """Personal-information cell(s)."""
    permissions: str
    """Permission cell(s), when the table has a separate column."""
    link: str
    kind: str
    """``table``, ``key-value``, ``list`` or ``prose``."""
    first: int
    """Index of its first line in the document."""
    last: int
    """Index of its last line."""


@dataclass(frozen=True)
class RawSceneRow:
    """One row of a business-scene table or one scene block."""

    scene: str
    description: str
    permissions: str
    """The permission cell text (mapped through the lexicon later)."""
    first: int
    last: int


def width(text: str) -> int:
    """Display width: CJK counts double."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def unbalanced(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def continues(prev: str, line: str) -> bool:
    """True when ``line`` wraps the cell that ``prev`` started (flattened tables, wrapped values)."""
    if URL_ONLY_RE.match(line):
        return True
    if URL_ONLY_RE.match(prev):
        return False
    prev = prev.rstrip()
    if _CONT_END_RE.search(prev) or unbalanced(prev):
        return True
    first = line.lstrip()[:1]
    return width(prev) >= 60 and not prev.endswith(_TERMINAL) and not (first.isupper() or first.isdigit())


_NUMBERED_TITLE_RE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.、．]?\s+\S")


def is_heading(line: str) -> bool:
    """A section heading: outline numbering (roman, CJK, parenthesised, "第三章") or a short numbered title."""
    if HEADING_RE.match(line):
        return True
    text = line.strip()
    return bool(_NUMBERED_TITLE_RE.match(text)) and width(text) <= 60 and not text.endswith(_TERMINAL + (",", "，"))


def name_like(cell: str) -> bool:
    """Could be an SDK name cell: short, few words, no sentence ending."""
    cell = cell.strip()
    return 0 < len(cell) <= 60 and len(cell.split()) <= 6 and not cell.endswith(("。", ":", "：", ",", "，"))


def first_url(*texts: str) -> str:
    for text in texts:
        m = URL_RE.search(text or "")
        if m:
            return m.group(0).rstrip(".,;")
    return ""


def clean_collected(text: str) -> str:
    """The personal-information text without links and "for more information" boilerplate."""
    text = URL_RE.sub(" ", text or "")
    text = _BOILERPLATE_RE.sub(" ", text)
    return " ".join(text.split()).strip(" .,;:，。；：、")
