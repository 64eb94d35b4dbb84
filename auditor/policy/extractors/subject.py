"""The document's own SDK: an SDK vendor's compliance page or data disclosure ("云发布SDK合规说明", "Data
collected by the Google Mobile Ads SDK") describes one SDK, often without a row naming it; what the page says
is collected and asked for is that SDK's. A page titled with one SDK's catalog name ("# MobPush") is that
SDK's too.

A page is a vendor's when it addresses the developers who integrate the SDK (two or more of the lexicon's
``developer_cues``: "开发者", "最终用户", "your app", "end users"...). Its subject is the name written before
"SDK" that most of the page's "… SDK" mentions share ("云发布SDK" in "在使用云发布SDK过程中", "二、云发布SDK功能…"),
when it is written in the page's opening lines and at least twice. The reader gives its row the data types
and permissions the whole page names, and keeps it only when no structured row names the same SDK, in place of
a prose mention of it (:func:`auditor.policy.reader.read_document`).
"""

from __future__ import annotations

import re
from collections import Counter

from auditor.policy.claims import Context, ExtractorKind, RowFacts, SdkClaim, Structure
from auditor.policy.document import Document
from auditor.policy.lexicon import fold
from auditor.policy.text import name_like

CONFIDENCE = 0.2
"""Below prose: the page's own SDK never displaces a row read from the text."""
MIN_CUES = 2
"""Developer cues that make a page a vendor's."""
OPENING_LINES = 12
"""Lines (not blank) where the subject must be written: a page's title and first paragraph."""
MIN_MENTIONS = 2
RIVAL_FACTOR = 2
"""How many times more often the subject is written than any other name before "SDK"."""
MAX_SCAN_CHARS = 200_000
MAX_LINES = 20_000
"""Lines searched for "… SDK" mentions."""
_LATIN_BEFORE_RE = re.compile(r"((?:[A-Z][A-Za-z0-9.+-]*\s+){0,3}[A-Z][A-Za-z0-9.+-]*)\s*SDK(?![A-Za-z0-9])")
"""Capitalised words right before "SDK" ("the Google Mobile Ads SDK" -> "Google Mobile Ads"), also in Chinese text
("APMPlus SDK收集的字段")."""
_CJK_BEFORE_RE = re.compile(r"([\u3400-\u9fffA-Za-z0-9+.]{1,16})\s?SDK", re.IGNORECASE)
MAX_CJK_NAME = 8
"""Characters of a CJK name before "SDK" (the run before it also holds the words of the sentence)."""
_NOT_NAMES = frozenset({"本", "该", "此", "各", "其", "第三方", "the", "this", "our", "your", "an", "a", "any",
                        # words of the sentence right before "SDK" ("为实现SDK产品的功能", "上述SDK", "否则SDK…")
                        "实现", "为实现", "使用", "集成", "接入", "提供", "上述", "相关", "对应", "通过", "调用", "否则",
                        "设备", "更新", "升级", "最新", "以下", "下列", "所述"})
_LEAD_WORDS = ("使用", "集成", "接入", "在", "的", "将", "您", "及", "与", "和", "对", "为", "是", "该", "本")
"""Words of the sentence a CJK name before "SDK" may begin with: never the name's own first word. A CJK name
counts only when written once at least as a whole run or right after one of them (or when it is a catalog
name): "认证", the tail of "号码认证SDK" and of "Google认证SDK", is what both do, not one SDK."""


class DocumentSubjectExtractor:
    kind = ExtractorKind.DOCUMENT

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        found = _titled(doc, ctx)
        if found is None:
            found = _subject(doc, ctx)  # first: most pages name no SDK twice, and folding the page costs more
            if found is None or (_developer_cues(doc, ctx) < MIN_CUES and not _collecting(doc, found[0])):
                return []
        name, line = found
        return [Structure(self.kind, line, line, CONFIDENCE, sdks=(SdkClaim(RowFacts(name=name), line, line),))]


_COMPLIANCE_RE = re.compile(r"合规(?:使用)?(?:说明|指南|指引)|compliance\s+guide", re.IGNORECASE)
"""The words of an SDK vendor's compliance guide for the developers who integrate its SDK."""
_TITLE_TAIL_RE = re.compile(r"\s*[-—–:：]?\s*(?:sdk)?\s*(?:" + _COMPLIANCE_RE.pattern + r"|隐私(?:政策|协议)|privacy\s+policy)?\s*$",
                            re.IGNORECASE)


def _titled(doc: Document, ctx: Context) -> tuple[str, int] | None:
    """A page titled with one SDK's name ("# MobPush", "Sentry SDK 隐私政策"): the first line of the page is a
    top heading whose words, bar "SDK" and the words of a compliance or privacy page, are exactly one catalog
    entry's name; or, known or not, the name a vendor's compliance guide for developers is titled with
    ("# 某某行为验证-合规指南"). An app's own policy is titled with the app's name and "隐私政策"."""
    first = next((i for i, line in enumerate(doc.lines) if line.text.strip()), None)
    if first is None or doc.lines[first].mark != "h1":
        return None
    title = doc.lines[first].text.strip()
    name = _TITLE_TAIL_RE.sub("", title).strip()
    if not name or ctx.lexicon.generic(name) or ctx.lexicon.general(name):
        return None
    if ctx.names.resolve_exact(name, family=False) is not None:
        return name, first
    if _COMPLIANCE_RE.search(title) and name_like(name) and _developer_cues(doc, ctx) >= MIN_CUES:
        return name, first
    return None


_COLLECTS_RE = r"\s+(?:collects|gathers|captures|may collect|will collect|can collect)\b"


def _collecting(doc: Document, name: str) -> bool:
    """Whether the page says its subject SDK, named in Latin letters, collects ("The Smartech Android SDK
    collects the following…"): a page about what one SDK collects is that SDK's data disclosure, whoever it
    addresses. (Not Chinese "某某SDK收集": app policies say it of "三方SDK" and every SDK they list.)"""
    if not name.isascii():
        return False
    said = re.compile(re.escape(name) + _COLLECTS_RE, re.IGNORECASE)
    return any(said.search(line.text) for line in doc.lines[:MAX_LINES] if "sdk" in line.text.lower())


def _developer_cues(doc: Document, ctx: Context) -> int:
    folded = fold("\n".join(line.text for line in doc.lines)[:MAX_SCAN_CHARS])
    return sum(folded.count(cue) for cue in ctx.lexicon.developer_cues)


def _subject(doc: Document, ctx: Context) -> tuple[str, int] | None:
    """The name most of the page's "… SDK" mentions share, with the line of its first mention."""
    mentions: list[tuple[int, list[str]]] = []  # per mention: its line and the names it may be written with
    bounded: set[str] = set()  # CJK names written once at least where a name starts (not only as a word's tail)
    lines = doc.lines[:MAX_LINES]
    for i, line in enumerate(lines):
        text = line.text
        if i + 1 < len(lines) and lines[i + 1].text.lstrip().startswith("SDK") and text[-1:].isalnum():
            text += " SDK"  # a name whose "SDK" a page's layout put on the next line ("DataTower" / "SDK: …")
        if "sdk" not in text.lower():
            continue
        for m in _LATIN_BEFORE_RE.finditer(text):
            words = m.group(1).split()
            mentions.append((i, [" ".join(words[k:]) for k in range(len(words)) if words[k].casefold() not in _NOT_NAMES]))
        for m in _CJK_BEFORE_RE.finditer(text):
            run = m.group(1)
            if run.isascii():
                continue  # Latin names are the pattern above's
            starts = range(max(0, len(run) - MAX_CJK_NAME), len(run) - 1)
            mentions.append((i, [run[k:] for k in starts]))
            bounded.update(run[k:] for k in starts if k == 0 or run[:k].endswith(_LEAD_WORDS))
    if not mentions:
        return None
    counts: Counter[str] = Counter(n for _, names in mentions for n in set(names))
    referring = _anaphora(doc)
    least = 1 if referring else MIN_MENTIONS
    usable = {n for n, c in counts.items() if c >= least and n.casefold() not in _NOT_NAMES
              and not n.startswith(_LEAD_WORDS) and not ctx.lexicon.general(n)
              and (n.isascii() or n in bounded or ctx.names.known(n))}
    # each mention as the fullest of its names the page writes again ("帮助开发者接入消息推送" -> "消息推送")
    written: Counter[str] = Counter(
        max(found, key=len) for _, names in mentions if (found := [n for n in names if n in usable]))
    if not written:
        return None
    (best, top), *rest = written.most_common()
    referred = referring if not rest and top < MIN_MENTIONS else []
    # "Metrix SDK" once, and "our SDK", "the SDK" elsewhere: the one SDK the page is about
    if top + len(referred) < MIN_MENTIONS or (rest and top < RIVAL_FACTOR * rest[0][1]):
        return None  # two SDKs written about as often: a page about several, not about one
    first = next((i for i, names in mentions if best in names), None)
    opening = _opening(doc)
    if first is None or not (first in opening or (referred and referred[0] in opening)):
        return None
    return f"{best}{' ' if best.isascii() else ''}SDK", first


_ANAPHORA_RE = re.compile(r"\b(?:the|our|this)\s+SDK\b|(?:本|该|此|我们的|我司)\s?SDK", re.IGNORECASE)
"""The page's SDK referred back to ("our SDK", "the SDK", "该SDK") rather than named again."""


def _anaphora(doc: Document) -> list[int]:
    """The lines where the page refers back to its SDK (:data:`_ANAPHORA_RE`), once per reference."""
    return [i for i, line in enumerate(doc.lines[:MAX_LINES]) if "sdk" in line.text.lower()
            for _ in _ANAPHORA_RE.finditer(line.text)]


def _opening(doc: Document) -> set[int]:
    """Indexes of the first :data:`OPENING_LINES` lines with text."""
    out: set[int] = set()
    for i, line in enumerate(doc.lines):
        if line.text.strip():
            out.add(i)
            if len(out) >= OPENING_LINES:
                break
    return out
