"""What a list's lead-in says its parties collect: "the advertising networks listed below may collect … advertising
identifiers, IP address … inventory of installed apps", "应用内可能用到以下第三方SDK，第三方SDK可能会…收集（包括但不限于
IMEI、IMSI、设备MAC地址…）". The sentence names the data once for every party of the list under it, so each row
of that list names those data too (its :attr:`auditor.policy.model.SdkDisclosure.lead` is the sentence).

Only a sentence that points forward (below, the following, 以下, 如下, 下列), names parties (SDKs, partners,
providers, networks, 第三方) and says they collect (collect, receive, gather, obtain, 收集, 获取, 采集), not that
they do not, counts; and only for the list right under it (at most a caption between), read as one structure or as a
block per party, up to a heading or a paragraph in which the app speaks for itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.policy.claims import Context, ExtractorKind, Structure
from auditor.policy.document import Document
from auditor.policy.model import Span
from auditor.policy.text import URL_RE, width

MAX_LEAD_LINES = 6
"""Lines of the paragraph above a list read for its lead-in (a longer paragraph is more than a lead-in)."""
MAX_CAPTION_WIDTH = 40
"""A line this wide or less, with no sentence's end, between the lead-in and its list is the list's caption."""
MAX_LIST_GAP = 6
"""Lines between two structures read as one list under one lead-in (a list read as blocks, one per party, whose
sentences on opting out or more information no extractor reads)."""

_EN_PARTIES = r"(?:sdks?|partners?|providers?|networks?|vendors?|third[- ]part(?:y|ies)|services|libraries)\b"
_ZH_PARTIES = r"(?:SDK|第三方|合作方|合作伙伴|服务商|提供方|供应商|服务提供者)"
_POINTING_RE = re.compile(
    r"\b(?:the|these) following\s+(?:[\w-]+\s+){0,3}?" + _EN_PARTIES
    + r"|\b" + _EN_PARTIES + r"[^.;:]{0,40}?\b(?:listed|named|set out|mentioned|shown)?\s*below\b"
    + r"|(?:以下|下列|下述|如下)的?(?:(?!信息|链接)[\u4e00-\u9fffA-Za-z]){0,3}?" + _ZH_PARTIES
    + r"|" + _ZH_PARTIES + r"[^。；;，,：:]{0,20}?如下", re.IGNORECASE)
"""Parties pointed at as the list under the sentence: "the following third-party services", "the advertising
networks … that are listed below", "以下第三方SDK", "下列第三方服务提供者", "接入的第三方SDK如下" (not "增加如下参考条款":
what follows is not a list of parties; nor "以下信息提供给第三方", "以下链接访问第三方平台": data, links)."""
_FORWARD_RE = re.compile(r"\b(?:below|following|as follows)\b|以下|如下|下列|下述", re.IGNORECASE)
_COLLECTING_RE = re.compile(r"\b(?:collect(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|gather(?:s|ed|ing)?|obtain(?:s|ed|ing)?)\b"
                            r"|收集|获取|采集", re.IGNORECASE)
_DENIAL_RE = re.compile(r"\b(?:not|never|no)\b|n't\b|不会|不收集|不获取|不采集|未收集|未获取|无需|不需要|不涉及", re.IGNORECASE)
_SENTENCE_END_SPLIT_RE = re.compile(r"(?<=[。；;!?！？])|(?<=\.)\s+")
_CJK_END_RE = re.compile(r"[\u4e00-\u9fff]\s*$")
_SENTENCE_END_RE = re.compile(r"[。；;.!?！？]\s*$")
_FIRST_PERSON_RE = re.compile(r"(?:^|[.;:,!?])\W*we\b|我们", re.IGNORECASE)
"""The app speaking for itself: "We use …", "…, we share …", "我们…" (not "our Service", which a party's sentence says)."""
_ITEM_RE = re.compile(r"\s*(?:[-*•·●▪◦]|\d{1,2}[.、)）]|[(（]\d{1,2}[)）])\s*\S")
"""A list item written as text: a bullet or a number before it."""
_OWN_KINDS = frozenset({ExtractorKind.PROSE, ExtractorKind.DOCUMENT, ExtractorKind.PERMISSION_LIST})
"""Stages whose rows are not a list under a lead-in: prose names its own data, the page's own SDK takes the
whole page's, a permission list's items are permissions."""

Lead = tuple[Span, tuple[str, ...]]


def leads(doc: Document, kept: Sequence[Structure], ctx: Context) -> list[Lead | None]:
    """For each of ``kept`` (in document order), the lead-in over it: its own (:func:`lead_in`), else that of the
    structure just before it when it goes on that list (:func:`_goes_on`); a prose mention in the list (a block no
    extractor read whole) takes it too. None for structures that name no SDK, the page's own SDK and permission
    lists."""
    out: list[Lead | None] = []
    current: Lead | None = None
    last = -1
    owned = frozenset(i for s in kept if s.extractor is not ExtractorKind.PROSE for i in range(s.first, s.last + 1))
    for structure in kept:
        own = lead_in(doc, structure, ctx, owned)
        if own is not None:
            current = own
        elif current is not None and not _goes_on(doc, last, structure.first, ctx):
            current = None
        out.append(current if structure.sdks and structure.extractor not in _OWN_KINDS - {ExtractorKind.PROSE}
                   else None)
        last = max(last, structure.last)
    return out


def _goes_on(doc: Document, last: int, first: int, ctx: Context) -> bool:
    """Whether a structure starting at line ``first`` goes on the list whose last structure ended at ``last``:
    near enough, with no heading between and no paragraph in which the app speaks for itself ("We use your
    information to perform our own analytics…": the next section's own lead)."""
    gap = range(last + 1, first)
    return 0 <= first - last <= MAX_LIST_GAP + 1 and not any(
        ctx.lines[i].heading or (width(doc.lines[i].text) > MAX_CAPTION_WIDTH and _FIRST_PERSON_RE.search(doc.lines[i].text))
        for i in gap)


def lead_in(doc: Document, structure: Structure, ctx: Context, owned: frozenset[int] = frozenset()) -> Lead | None:
    """The lead-in sentence right over ``structure``'s rows and the data types it names; None when there is
    none. The paragraph over it is running text: no line of it a heading, a list item, a ``label：value`` line or a
    line another structure reads (``owned``)."""
    if structure.extractor in _OWN_KINDS or not structure.sdks:
        return None
    lines = doc.lines
    k = structure.first - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    if k >= 0 and _caption(lines[k].text):
        k -= 1
        while k >= 0 and not lines[k].text.strip():
            k -= 1
    last = k
    while k >= 0 and last - k < MAX_LEAD_LINES and lines[k].text.strip() and not _apart(doc, k, ctx, owned):
        k -= 1
    if last < 0 or k == last:
        return None
    first = k + 1
    # (a line of Chinese ending in Chinese without a comma ends its sentence: the paragraph's lines are its sentences
    # or items, "用于提供支付功能的 SDK" / "用于故障收集分析的 SDK" / "以下为我们使用的SDK共享清单", not one sentence)
    paragraph = "".join(lines[i].text.strip() + ("。" if _CJK_END_RE.search(lines[i].text) else " ")
                        for i in range(first, last + 1))
    for sentence in _SENTENCE_END_SPLIT_RE.split(URL_RE.sub(" ", paragraph)):
        if _POINTING_RE.search(sentence) and _COLLECTING_RE.search(sentence) \
                and not _DENIAL_RE.search(sentence):
            found = tuple(t for t, _ in ctx.lexicon.data_types_in(sentence, prose=True))
            if found:
                return doc.span(first, last, sentence.strip()), found
    return None


def _apart(doc: Document, k: int, ctx: Context, owned: frozenset[int]) -> bool:
    """Whether line ``k`` is no line of a paragraph of running text."""
    facts = ctx.lines[k]
    return k in owned or facts.heading or facts.piped or bool(facts.pairs) or bool(doc.lines[k].mark) \
        or bool(_ITEM_RE.match(doc.lines[k].text))


def _caption(text: str) -> bool:
    """A short line with no sentence's end: a list's caption between its lead-in and its rows."""
    return width(text.strip()) <= MAX_CAPTION_WIDTH and not _SENTENCE_END_RE.search(text) and not _FORWARD_RE.search(text)
