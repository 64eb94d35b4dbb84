"""Numbered or bulleted lists of SDKs, each item with its attributes nested under it.

    1.2.1 “极光推送”：该SDK由“某某有限公司”提供，用于“推送通知”。…包括：   -> quoted name, company, purpose
        android版本：设备信息（IMEI号、OAID）…                            -> nested lines: data of the item
    1、推送通知消息(个推SDK)：收集设备型号、Android ID                    -> the SDK named in brackets
    - [One Signal](https://onesignal.com/privacy_policy)                -> a link item
    - Google AdMob - for showing ads                                    -> name, then purpose

An item is an SDK row when its name is SDK-like (an SDK word or a catalog name), or when it belongs to a
list where most items are.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from auditor.policy.claims import Context, ExtractorKind, RowFacts, SdkClaim, Structure
from auditor.policy.document import Document, Line
from auditor.policy.table import MAX_BARE_NAME, labelled_company, name_only, product_company
from auditor.policy.text import (
    BACK_REFERENCE_RE,
    CIRCLED,
    CJK_RE,
    CONSTANT_OPENING_RE,
    DATA_CATEGORY_RE,
    ENUMERATION_SPLIT_RE,
    HEADING_RE,
    LABELLED_URL_RE,
    NONE_WORDS,
    NOT_NAME_RE,
    PLATFORM_ONLY_RE,
    SDK_PHRASE_RE,
    URL_RE,
    clause_company,
    company_like,
    cued_company,
    name_like,
    opening_sentences,
    packages,
    width,
)

_ITEM_RE = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2}){1,3}[.、．]?(?=[^\d.\s])|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.、．)）]?\s+(?=\S)"
    r"|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.、．)）]|[(（]\d{1,2}[)）]|[\[【［](?:\d{1,2}|[一二三四五六七八九十]{1,3})[\]】］]\s*"
    r"|[a-zA-Z][.)）、]\s*|[•●▪◦]\s*|[-*]\s+|-(?=[\u4e00-\u9fffA-Za-z])|" + CIRCLED + r"\s*[、.．]?\s*)(.+)$"
)
_QUOTED_RE = re.compile(r"^[“\"「『《【]([^”\"」』》】]{1,40})[”\"」』》】]\s*[:：,，]?\s*(.*)$")
_MD_LINK_RE = re.compile(r"^\[([^\]]{1,60})\]\(\s*<?([^)\s>]+)>?\s*\)\s*[:：,，\-–—]?\s*(.*)$")
_LINKED_RE = re.compile(r"^([^:：()（）\[\]]{2,60}?(?:\s*[（(][^:：()（）\[\]]{1,40}[)）])?)\s+<?(https?://[^\s>]+)>?$")
"""An item that is a name and its address (an HTML link item: the link's text, then its ``href``; the text may end
with an aside in brackets: "AdMob (Google) https://…")."""
_KIND_FILLER_RE = re.compile(r"\b(?:sdks?|kits?|librar(?:y|ies)|tools?|for|of|and|the|an?|type)\b|[\W\d_]+|SDK|类|类型|工具",
                             re.IGNORECASE)


def _kind_only(text: str, ctx: Context) -> bool:
    """Words saying only what kind of SDK a row is ("analytical SDK", "SDK advertising", "统计类SDK"): no name."""
    folded = text.casefold()
    for words in ctx.lexicon.category_words.values():
        for w in sorted(words, key=len, reverse=True):
            folded = folded.replace(w.casefold(), " ")
    return not _KIND_FILLER_RE.sub("", folded).strip()


_SDK_SENTENCE_RE = re.compile(r"^([^。，,:：；;]{2,40}?\s*SDK)\s*。\s*(\S.*)$", re.IGNORECASE)
"""An item naming an SDK as a sentence of its own, then saying what it does ("（1）喜马拉雅SDK。我们获取…")."""
_SDK_VERB_RE = re.compile(r"^([^。，,:：；;、]{2,40}?\s*SDK)\s*((?:主要)?(?:用于|用来|用以|以(?!及)|会|将|可能|需要|为|提供|在|通过|进行|基于)\S.*)$",
                          re.IGNORECASE)
"""An item naming an SDK, then what it does right after its name ("C、某某定位SDK用于获取用户定位信息。")."""
MAX_SENTENCE_NAME = 40
_USED_LEAD_RE = re.compile(r"^(?:我们)?(?:使用|集成|接入|采用|引入)了?\s*(?=\S)")
"""A verb of using opening an item ("使用某某推送SDK进行推送"): the app's, no word of the SDK's name."""
_USED_SDK_RE = re.compile(r"[^，,。；;：:、“”\"「」『』的\s]{1,38}?\s?(?:SDK|sdk|Sdk)"
                          r"(?=\s*(?:[，,。；;：:]|$|用于|用来|以(?!及)|进行|为|提供|通过|基于))")
"""The words right after such a verb up to the SDK word, one name's, its clause ending there (not "“某某推送”的SDK": a
quoted name, read as such; not "甲SDK、乙SDK及丙SDK", an enumeration)."""
_NAME_ASIDE_RE = re.compile(r"^([A-Z][\w.+-]*(?: [A-Z0-9][\w.+-]*){0,3})\s*\(([A-Z][\w.+-]*(?:\s*(?:/|,| )\s*[A-Z][\w.+-]*){0,4})\)$")
"""A Latin name and capitalised names in brackets beside it ("Pangle (ByteDance / TikTok)")."""
_OWNED_SENTENCE_RE = re.compile(r"^(.{2,60}?\s*[（(](?:[^（）()]|[（(][^（）()]{0,20}[)）]){3,120}[)）])\s*[.。]\s*(\S.*)$")
"""An item naming a service and its provider in brackets as a sentence of its own, then saying what it does
("AppLovin (AppLovin Corporation). Serves banner, interstitial… ads.")."""
_BRACKET_RE = re.compile(r"^(.*?)\s*[（(]([^（）()]{2,60})[)）]\s*(?:[:：]\s*(.*?))?\s*[。.;；]?\s*$")
_HEAD_RE = re.compile(r"^((?:[^(（]|[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）]){2,60}?)\s*(?:[:：]|\s[-–—]\s|，|,\s)\s*(.*)$")
"""An item's head and the rest after a separator; a separator inside brackets separates nothing ("Device
information (model, OS, language)" is one head)."""
_COMPANY_RE = re.compile(r"(?<![路自理缘经来])由\s*[“\"「]?([^”\"」，。,、]{2,60}?)[”\"」]?\s*(?:提供|开发(?!者)|运营(?!商))"
                         r"|(?:provided|operated|developed|offered|run)\s+by\s+([A-Z][^,.;()]{2,80}"
                         r"(?:,?\s+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Co|GmbH|AB|B\.V|S\.A|PBC)\b\.?)?)"
                         r"|(?:SDK|sdk|其)\s*(?:隶属于|归属于|属于)\s*[“\"「]([^”“\"」，。,、；;]{2,40}?)[”“\"」]", re.IGNORECASE)
"""A company named as the one behind the item ("由某某公司提供", "provided by X Inc.", "该SDK隶属于“某某”"); not 由
inside a word (路由器, 自由, 理由) nor 开发/运营 inside one (开发者, 运营商)."""
_NOT_COMPANY_RE = re.compile(r"开发者|用户|您|我们|本应用|\b(?:you|users?|we|us)\b", re.IGNORECASE)
_PURPOSE_RE = re.compile(r"用于\s*[“\"]?([^”\"。]{2,120})|\bfor\s+(.{3,120}?)(?:[.;]|$)", re.IGNORECASE)
_SDK_WORD_RE = re.compile(r"sdk|插件|\bkit\b", re.IGNORECASE)
MAX_NESTED = 8
_OWNER_RE = re.compile(r"^(.{2,60}?)\s*[（(]((?:[^（）()]|[（(][^（）()]{0,20}[)）]){3,120})[)）]$")
"""A name and its company in brackets ("Google AdMob (Google LLC)", "支付宝SDK（支付宝（中国）网络技术有限公司）")."""
MAX_LABEL_WIDTH = 40
OWNED_CONSTANTS_CONFIDENCE = 0.81
"""An SDK's item with its permissions' constants a line each under it ("-某某SDK：用于统计" / "android.permission.
INTERNET：允许访问网络"): above a permission list's reading of those lines, which would leave the SDK without them."""
_LABEL_HEAD_RE = re.compile(r"\s*[:：]\s*|\s[-–—]\s")
CONFIDENCE = 0.7
_SDK_FIELD_RE = re.compile(r"(?:sdk|插件)\s*(?:version|versions|版本号?|name|名称|type|类型|id)", re.IGNORECASE)
"""An item naming a property of an SDK ("SDK version", "SDK版本号") in a list of data: a field, not an SDK."""
_NONE_RE = re.compile(r"(?:no|not|without|none)\s|(?:" + NONE_WORDS + ")", re.IGNORECASE)
"""An item saying the app has none of something ("No advertising SDK", "无广告SDK")."""


@dataclass(frozen=True)
class _Item:
    first: int
    last: int
    name: str
    head: str
    rest: str
    link: str
    sdk_like: bool
    data: bool = False
    """The item's text is only a kind of data (:func:`_data_body`)."""


class ListExtractor:
    kind = ExtractorKind.LIST

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        bodies, unmarked = _bodies(doc.lines)
        # runs of names without marks, each run read as a list of names as a whole
        named = _bare_names(doc.lines, bodies, ctx) | _addressed_names(doc.lines, bodies, ctx) \
            | _linked_lines(doc.lines, bodies, ctx)
        items = _items(doc, ctx, bodies, named | unmarked)
        out = _service_sections(doc, ctx)
        in_permission_list: set[int] | None = None  # computed once, when an item needs it
        starts: dict[int, int] = {}  # the first line of the list each item line stands in (see _introduced)
        for group in _groups(items, doc):
            parents = _parents(group, doc)
            leaves = [it for it in group if it.first not in parents]  # the titles of kinds count as none
            # a list of SDKs at each depth of a nested list: the items beside the SDKs, not those above them
            # ("Successors in a merger" beside "Processors, such as:" over "Firebase Crashlytics", "Sentry")
            # (a run of names without marks, read as a list as a whole, says nothing of the marked items near it:
            # "3. 4. 1. Profiling – …" over a paragraph, beside a list of names and their addresses)
            # (items marked alike: "(1) 在法定条件下共享" beside "①、移动安全联盟，…" at one depth are two lists)
            shape = {it.first: (doc.lines[it.first].indent, _marker_shape(doc.lines[it.first].text)) for it in group}
            listed_at = {at: _sdk_list([it for it in leaves if shape[it.first] == at and it.first not in named], ctx)
                         for at in set(shape.values())}
            introduced = {it.first: _introduced(doc, bodies, it.first, starts) for it in group}
            data_list = sum(1 for it in group if _data_item(it, ctx)) * 2 > len(group)
            data_runs = _data_runs(group, doc, ctx)
            # a head that opens several items of the list is a field's label ("要求内容：…" / "接入说明：…" under each
            # numbered point), not a name
            heads = Counter(it.name.strip().casefold() for it in group if it.rest)
            said = _said_of_them(doc, max(it.last for it in group) + 1, ctx)  # "These networks can receive:" …
            for it in group:
                listed = listed_at[shape[it.first]] or introduced[it.first] or it.first in named
                if it.sdk_like:
                    it = replace(it, last=_attribute_lines(doc, it, ctx))  # "  - 收集信息：…" under it: its facts
                if it.first in parents and not it.sdk_like:
                    continue  # "• Error monitoring" over "  • Crashlytics": the kind of what is below
                if not it.sdk_like and heads[it.name.strip().casefold()] >= 2 and not ctx.names.known(it.name):
                    continue
                if NOT_NAME_RE.fullmatch(it.name.strip()) or PLATFORM_ONLY_RE.fullmatch(it.name.strip()) \
                        or _SDK_FIELD_RE.fullmatch(it.name.strip(" ;；.。")):
                    continue  # "- iOS: https://…/quickstart.html", "[x] Basic structure": no SDK
                if it.sdk_like and (SDK_PHRASE_RE.search(it.name) or not name_like(it.name)) and not ctx.names.known(it.name):
                    continue  # "SDK 初始化完成后", "为实现SDK产品的功能": words about the SDK, no name
                if not (it.sdk_like or (listed and name_like(it.name) and len(_owned(it.name)[0].split()) <= 5
                                        and (_PACKAGE_PATH_RE.match(it.name)
                                             or not ctx.lexicon.data_types_in(it.name, cell=True)))):
                    continue  # in a list of SDKs, an item naming data ("设备信息（设备型号、IP地址）") is no SDK
                if (data_list or it.first in data_runs) and _data_item(it, ctx) and not _SDK_WORD_RE.search(it.name):
                    continue  # "OAID" among "地理位置信息", "WiFi 信息": a kind of data, not the OAID SDK
                if (data_list or it.first in data_runs) and not it.sdk_like:
                    continue  # "Platform" among "Device model", "Network type": data the list does not know
                if it.data:
                    continue  # "gaid (Android Advertising ID) (Optional)" alone under a heading: data
                if not it.sdk_like and _field_label(it.head, ctx):
                    continue  # "(3)所有可能的应用场景" under an SDK's item: the label of its next line, no SDK
                if not it.sdk_like and DATA_CATEGORY_RE.search(it.name):
                    continue  # "Log Data" among the services a policy links to: a section of data, no SDK
                if not it.sdk_like and _KIND_OF_PARTY_RE.fullmatch(it.name.strip()):
                    continue  # "Marketing providers", "Backup storage services": a kind of party, no name
                if not _SDK_WORD_RE.search(it.name):
                    if in_permission_list is None:
                        in_permission_list = _permission_lists(bodies, ctx)
                    if it.first in in_permission_list:
                        continue  # "Billing: …" among "Camera: …", "Microphone: …": a permission, not an SDK
                facts = _facts(doc, it, ctx)
                if said:
                    facts = replace(facts, data=f"{facts.data} {said}".strip())
                conf = CONFIDENCE if it.sdk_like else CONFIDENCE - 0.1
                if it.sdk_like and any(CONSTANT_OPENING_RE.match(doc.lines[k].text)
                                       or (bodies[k] is not None and _constant_item(bodies[k] or "", ctx))
                                       for k in range(it.first + 1, it.last + 1)):
                    conf = OWNED_CONSTANTS_CONFIDENCE  # its permissions' constants under it: its lines, not a list's
                out.append(Structure(self.kind, it.first, it.last, conf, sdks=(SdkClaim(facts, it.first, it.last),)))
        return out


MAX_SAID_LINES = 8
"""Lines a sentence about the items of a list right under it may run on for (its own list of data)."""


def _said_of_them(doc: Document, k: int, ctx: Context) -> str:
    """The text right under a list (from line ``k``) when it goes on about all its items ("These networks can
    receive:" / "Advertising ID" / "Device info"): that sentence and the short lines under it that list what they
    do, up to a heading or the next sentence that opens a list of its own ("What it serves:"); "" when the
    line under the list is about something else."""
    if k >= len(doc.lines) or not BACK_REFERENCE_RE.match(doc.lines[k].text):
        return ""
    out = [doc.lines[k].text]
    for j in range(k + 1, min(len(doc.lines), k + 1 + MAX_SAID_LINES)):
        line = doc.lines[j]
        if line.mark.startswith("h") or ctx.lines[j].outline or line.text.rstrip().endswith((":", "：")) \
                or ctx.lines[j].width > MAX_SAID_WIDTH:
            break
        out.append(line.text)
    return " ".join(out)


MAX_SAID_WIDTH = 60
"""Display width of a line listing one thing the items of a list do (longer: a paragraph of its own)."""


def _sdk_list(items: list[_Item], ctx: Context) -> bool:
    """At least two items, and at least half of them name an SDK (not data)."""
    return len(items) >= 2 and sum(1 for it in items if it.sdk_like and not _data_item(it, ctx)) * 2 >= len(items)


_ATTRIBUTE_ROLES = frozenset({"data", "link", "website", "company", "purpose", "permissions", "method", "scene",
                              "description", "packages"})
_SUB_MARK_RE = re.compile(r"^\s*(?:[-*•·●▪◦]|[(（]?\d{1,2}[)）.、])\s*")


def _attribute_lines(doc: Document, it: _Item, ctx: Context) -> int:
    """The last line of an item with the labelled facts nested right under it ("• 友盟统计：统计分析" over
    "  - 收集信息：设备信息" / "  - 隐私政策：https://…"): each line deeper than the item, a label naming a
    fact of a row and its value."""
    indent, last = doc.lines[it.first].indent, it.last
    if any(doc.lines[k].indent <= indent for k in range(it.first + 1, it.last + 1)):
        return last  # the item's text went on at its depth or above ("(6) 某某SDK" / "(d) 本应用…"): lines deeper
        # after it are another list's ("1）android.permission.CAMERA：…"), not nested under the item
    for k in range(it.last + 1, min(len(doc.lines), it.last + 1 + MAX_ATTRIBUTE_LINES)):
        line = doc.lines[k]
        if line.indent <= indent or line.mark.startswith("h"):
            break
        parts = _LABEL_HEAD_RE.split(_SUB_MARK_RE.sub("", line.text, count=1), maxsplit=1)
        if len(parts) != 2 or not parts[1].strip() or ctx.lexicon.role(parts[0]) not in _ATTRIBUTE_ROLES:
            break
        last = k
    return last


MAX_ATTRIBUTE_LINES = 12


def _parents(group: list[_Item], doc: Document) -> set[int]:
    """Items of a nested list with items of their own under them (the next item deeper): the titles of
    the kinds of service listed below them, not services."""
    return {a.first for a, b in zip(group, group[1:]) if doc.lines[b.first].indent > doc.lines[a.first].indent}


_MARKER_SHAPE_RE = re.compile(r"\d+|[一二三四五六七八九十]+|[a-zA-Z](?=[.)）、])|" + CIRCLED)


def _marker_shape(text: str) -> str:
    """An item's marker with its number left out ("[二] 某某SDK" -> "[#]", "1）…" -> "#）", "* …" -> "*")."""
    m = _item_match(text)
    return _MARKER_SHAPE_RE.sub("#", text[:m.start(1)].strip()) if m else ""


def _under(item: Line, line: Line) -> bool:
    """Whether ``line`` is an item of a list nested under ``item``: deeper, or marked in another way ("[二] 某某SDK"
    over "1）INTERNET…"; not "* 某某SDK：…" beside "* ACCESS_NETWORK_STATE：…", the next item of the same list)."""
    return line.indent > item.indent or _marker_shape(line.text) != _marker_shape(item.text)


_CONSTANT_WORD_RE = re.compile(r"^\s*(?:android\.permission\.)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?![a-z])")


def _constant_item(body: str, ctx: Context) -> bool:
    """An item opening with a permission's constant, written out or not ("INTERNET访问网络权限：…",
    "READ_PHONE_STATE获取手机状态：…", "android.permission.CAMERA")."""
    m = _CONSTANT_WORD_RE.match(body)
    return m is not None and len(m.group(1)) >= 4 and any(
        h.constant for h in ctx.lexicon.find(f"android.permission.{m.group(1)}"))


MAX_FIELD_LABEL = 24
"""Display width of an item that is only the label of a row's field ("使用目的", "所有可能的应用场景")."""
_FIELD_TAIL_RE = re.compile(r"(?:目的|用途|场景|范围|方式|类型|链接|名称|purpose|scope|scenarios?|type|link)$", re.IGNORECASE)
"""The word a field's label ends with ("所有可能的应用场景")."""


def _field_label(body: str, ctx: Context) -> bool:
    """An item that is only the label of a field of an SDK's row, its value on the lines below ("(1)使用目的",
    "(2) Purpose:"): nothing after the label, and the label names a fact of a row."""
    text = body.strip()
    label = text.rstrip(":：").strip()
    if not label or text.endswith(("。", ".", "；", ";")) or re.search(r"[，,、]", label):
        return False  # ("2.4经您许可的其他用途。": a sentence of the policy's next section)
    return width(label) <= MAX_FIELD_LABEL and not ctx.names.known(label) \
        and ctx.lexicon.role(label) in _ATTRIBUTE_ROLES \
        and (text != label or ctx.lexicon.is_header(label) or _FIELD_TAIL_RE.search(label) is not None)


_ZH_NUMBERED_SDK_RE = re.compile(r"^\s*[(（][一二三四五六七八九十]{1,3}[)）]\s*([^：:，,。；;]{1,30}?(?:SDK|sdk|Sdk)\s*[：:].*)$")
"""An item numbered as a section is ("（三）某某 SDK：用于…"), its head an SDK's name with the SDK word before a colon:
an item of a list of SDKs, where a section's title names no SDK so ("（一）共享", "（二）第三方SDK")."""


def _item_match(text: str) -> re.Match[str] | None:
    """A list item's marker and body (group 1), or None for a line that is no item."""
    return _ITEM_RE.match(text) or _ZH_NUMBERED_SDK_RE.match(text)


def _item_body(line: Line) -> str | None:
    if line.mark.startswith("h"):
        return None
    m = _item_match(line.text)
    if m:
        return m.group(1).strip()
    return line.text.strip() if line.mark == "li" else None


def _bodies(lines: tuple[Line, ...]) -> tuple[list[str | None], frozenset[int]]:
    """The item text of every line (None for a line that is not a list item), each distinct line once; and the
    lines of the items that lost their markers (:func:`_unmarked_items`), which own no line under them."""
    seen: dict[tuple[str, str], str | None] = {}
    out = []
    for line in lines:
        key = (line.text, line.mark)
        if key not in seen:
            seen[key] = _item_body(line)
        out.append(seen[key])
    unmarked = _unmarked_items(lines, out)
    _named_links(lines, out)
    _provider_items(lines, out)
    return out, unmarked


_PROVIDER_ITEM_RE = re.compile(r"^([^\s:：()（）\[\]][^:：()（）\[\]]{0,50}?)\s*[(（]([^()（）]{3,80})[)）]\s*[:：]\s*\S")
"""A line opening with a service's name, its provider in brackets and a colon ("Crashlytics (Google Inc.): Crashlytics
is a monitoring service…", the shape of generated policies that list each service under its purpose)."""
MIN_PROVIDER_ITEMS = 2


def _provider_items(lines: tuple[Line, ...], bodies: list[str | None]) -> None:
    """Items that stand as plain paragraphs, each a service and its provider (:data:`_PROVIDER_ITEM_RE`, the
    bracketed words a legal entity's name: "Adjust (Adjust GmbH): …"): list items when a page has at least
    :data:`MIN_PROVIDER_ITEMS` of them, whatever stands between them (a purpose's title and its paragraph)."""
    seen: dict[str, bool] = {}  # each distinct line once

    def provider_item(text: str) -> bool:
        if text not in seen:
            m = _PROVIDER_ITEM_RE.match(text.strip()) if ("(" in text or "（" in text) else None
            seen[text] = m is not None and company_like(m.group(2)) and name_like(m.group(1))
        return seen[text]

    found = [k for k, line in enumerate(lines)
             if bodies[k] is None and not line.mark.startswith("h") and provider_item(line.text)]
    if len(found) >= MIN_PROVIDER_ITEMS:
        for k in found:
            bodies[k] = lines[k].text.strip()


_NAMED_LINK_RE = re.compile(r"^([^\s:：|—–-][^:：|—–]{0,40}?)\s*(?:\s[-–—]\s|[—–])\s*<?(?:https?://|www\.)\S+?>?\s*$")
"""A line that is a name and its link only, parted by a dash ("Appodeal — https://www.appodeal.com/privacy-policy/";
not a label, "Policy: https://…")."""
MIN_NAMED_LINKS = 2


def _named_links(lines: tuple[Line, ...], bodies: list[str | None]) -> None:
    """Lines that each give only a name and its link, two or more one after another ("Appodeal —
    https://…" then "Countly — https://…", a page's list of third parties kept as paragraphs): list items,
    whatever stands above them."""
    k, n = 0, len(lines)
    while k < n:
        j = k
        while j < n and bodies[j] is None and not lines[j].mark.startswith("h") \
                and ("://" in lines[j].text or "www." in lines[j].text) \
                and (m := _NAMED_LINK_RE.match(lines[j].text.strip())) is not None and name_like(m.group(1)):
            j += 1
        if j - k >= MIN_NAMED_LINKS:
            for i in range(k, j):
                m = _NAMED_LINK_RE.match(lines[i].text.strip())
                if m is None:
                    continue
                address = lines[i].text.strip()[m.end(1):].strip(" :：—–-<>")
                bodies[i] = f"[{m.group(1).strip()}]({address})"  # read as a linked name is
        k = max(j, k + 1)


def _addressed(line: Line) -> bool:
    """A line that is a name and its address after a colon ("Nanigans: http://…"), nothing else."""
    return "://" in line.text and LABELLED_URL_RE.match(line.text) is not None


def _unmarked_items(lines: tuple[Line, ...], bodies: list[str | None]) -> frozenset[int]:
    """Items that lost their markers (a list copied as plain text): the lines right after a line that ends
    with a colon ("The app uses these SDKs:"), each opening with a short head and a separator ("OneSignal
    (push) – collects…", "Sentry: crash reports…") or with a linked name ("[Sentry](https://…) - crashes"),
    two or more of them. After a line about third parties that does not end with a colon ("Some third
    parties also see this data."), only lines opening with a linked name. Returns the items' lines."""
    found: set[int] = set()
    k, n = 0, len(lines)
    while k < n:
        colon = lines[k].text.rstrip().endswith((":", "："))
        if bodies[k] is not None or not (colon or (k + 1 < n and lines[k + 1].text.lstrip().startswith("[")
                                                     and _THIRD_PARTY_RE.search(lines[k].text))):
            k += 1
            continue
        run = []
        j = k + 1
        while j < n and bodies[j] is None and (lines[j].no - lines[j - 1].no <= (2 if j == k + 1 else 1)
                                               or (j > k + 1 and _addressed(lines[j - 1]) and _addressed(lines[j]))) \
                and not lines[j].mark.startswith("h"):  # a blank line may follow the colon line, not the items
            # (but for items that are each a name and its address: "AdColony: https://…", in groups apart)
            text = lines[j].text.strip()
            if _MD_LINK_RE.match(text) and not text.endswith((":", "：")):
                run.append(j)  # "[OneSignal](https://…) - push notifications": a linked name and its use
                j += 1
                continue
            if not colon:
                break
            m = _HEAD_RE.match(text)
            if (m is None or not m.group(2).strip() or width(m.group(1)) > MAX_LABEL_WIDTH
                    or m.group(2).startswith("//") or text.endswith((":", "："))):
                break  # no head; a link ("https://…"); a line that opens a list of its own
            run.append(j)
            j += 1
        if len(run) >= 2:
            for i in run:
                bodies[i] = lines[i].text.strip()
            found.update(run)
        k = max(j, k + 1)
    return frozenset(found)


_KIND_OF_PARTY_RE = re.compile(r"[A-Z]?[a-z-]+(?:\s+[a-z-]+)*\s+(?:providers|services|partners|processors|vendors|networks|"
                               r"companies|tools|libraries|sdks|platforms)")
"""Ordinary words, then a plural kind of party ("Marketing providers", "Backup storage services"): what kind of
third party, not one's name (a name has capitals of its own: "Google Play Services")."""
_ADDRESS_ONLY_RE = re.compile(r"<?https?://\S+>?")
MIN_BARE_NAMES = 3


def _bare_names(lines: tuple[Line, ...], bodies: list[str | None], ctx: Context) -> frozenset[int]:
    """Items that lost their markers and are only names (a list of links copied as plain text): a run of at
    least :data:`MIN_BARE_NAMES` short lines, each a name and nothing else (no sentence, address or company),
    right under a line about the third parties an app uses ("…third-party service providers used by the
    app"), at least half of them catalog names; two are enough under a line that ends with a colon. A bare
    address under a name (its privacy page) stays in the run, as the item's nested line. Returns the items' lines
    (each item is its name, and its address when one follows)."""
    found: set[int] = set()
    k, n = 0, len(lines)
    while k < n:
        if bodies[k] is not None or k + 1 >= n or ctx.lines[k + 1].width > MAX_BARE_NAME \
                or not _THIRD_PARTY_RE.search(lines[k].text) \
                or (ctx.lines[k].width <= MAX_BARE_NAME and not _LIST_TITLE_RE.search(lines[k].text)) \
                or not _THIRD_PARTY_RE.search(URL_RE.sub(" ", lines[k].text)):  # (not "…/Android_SDK…" in an address)
            k += 1  # (the cheap tests first: this runs on every line of the page; a line as short as a name is
            continue  # a list's title only when it says so, "Android接入第三方SDK目录")
        run: list[int] = []
        addressed: set[int] = set()  # names with an address line under them
        noted: set[int] = set()  # names with a note under them
        j = k + 1
        while j < n and bodies[j] is None and not lines[j].mark.startswith("h") and not lines[j].bold:
            text = lines[j].text.strip()
            if not text:  # the blank line a text kept in code keeps (other formats drop it)
                j += 1
                continue
            if run and _ADDRESS_ONLY_RE.fullmatch(text):
                addressed.add(run[-1])
                j += 1
                continue
            if addressed and run[-1] == j - 1 and _noted(lines, bodies, j, ctx):
                noted.add(run[-1])  # "OPPO推送SDK" / "注：不申请权限": in a list of names over their addresses, a
                j += 1  # note on the name, its item's text
                continue
            if not name_only(text, ctx) or _LIST_TITLE_RE.search(text):
                break  # (the next list's title ends this one: "iOS接入第三方SDK目录")
            run.append(j)
            j += 1
        if addressed:  # names written over their addresses: a name without one (or a note) is the page's next title
            run = run[:next((m for m, i in enumerate(run) if i not in addressed and i not in noted), len(run))]
        least = 2 if lines[k].text.rstrip().endswith((":", "：")) else MIN_BARE_NAMES
        if len(run) >= least and sum(ctx.names.known(lines[i].text.strip()) for i in run) * 2 >= len(run):
            for i in run:
                bodies[i] = lines[i].text.strip()
            found.update(run)
        k = max(j, k + 1)
    return frozenset(found)


def _noted(lines: tuple[Line, ...], bodies: list[str | None], k: int, ctx: Context) -> bool:
    """Line ``k``, under a name of a list that lost its markers, is a note on that name: no name, address or heading
    itself, and the list goes on right under it (the name's address, or the next name)."""
    if k + 1 >= len(lines) or bodies[k] is not None or bodies[k + 1] is not None or lines[k].mark.startswith("h") \
            or _bare_name(lines[k], ctx) or _address_line(lines, bodies, k):
        return False
    return _address_line(lines, bodies, k + 1) or (_bare_name(lines[k + 1], ctx)
                                                   and not _LIST_TITLE_RE.search(lines[k + 1].text))


def _address_line(lines: tuple[Line, ...], bodies: list[str | None], k: int) -> bool:
    """Line ``k`` is an address alone (a name's privacy page under it), no item of its own."""
    return 0 <= k < len(lines) and bodies[k] is None and "://" in lines[k].text \
        and _ADDRESS_ONLY_RE.fullmatch(lines[k].text.strip()) is not None


def _bare_name(line: Line, ctx: Context) -> bool:
    """A line that is only a short name (:func:`auditor.policy.table.name_only`), no heading and no address in it."""
    text = line.text.strip()
    return bool(text) and not line.mark.startswith("h") and "://" not in text and name_only(text, ctx)


MIN_ADDRESSED_NAMES = 3


def _linked_lines(lines: tuple[Line, ...], bodies: list[str | None], ctx: Context) -> frozenset[int]:
    """Items that lost their markers, each a name and its address on one line (a page's list of partners and their
    privacy pages copied as text: "Applovin https://www.applovin.com/privacy", "Unity https://…"), whatever stands
    above them: at least :data:`MIN_ADDRESSED_NAMES` such lines one after another, at least half of the names catalog
    names. Returns the items' lines."""
    found: set[int] = set()
    run: list[tuple[int, str]] = []  # (line, name) of the lines read so far one after another
    for k in range(len(lines) + 1):
        m = _LINKED_RE.match(lines[k].text.strip()) if k < len(lines) and bodies[k] is None \
            and "://" in lines[k].text and not lines[k].mark.startswith("h") else None
        if m is not None and name_only(m.group(1).strip(), ctx):
            run.append((k, m.group(1).strip()))
            continue
        if len(run) >= MIN_ADDRESSED_NAMES and sum(ctx.names.known(name) for _, name in run) * 2 >= len(run):
            for i, _ in run:
                bodies[i] = lines[i].text.strip()
            found.update(i for i, _ in run)
        run = []
    return frozenset(found)


def _addressed_names(lines: tuple[Line, ...], bodies: list[str | None], ctx: Context) -> frozenset[int]:
    """Items that lost their markers, each a name over its own address line (a page's list of third parties
    and their privacy pages copied as paragraphs: "AppLovin" / "https://www.applovin.com/privacy", "StartApp" /
    "https://…"), whatever stands above them: at least :data:`MIN_ADDRESSED_NAMES` such pairs in a run of names one
    after another, more than half of them with their address, at least half of the names catalog names, or names
    written in bold (a page that sets each party's name in bold over its privacy page's address: one is enough). A
    name may have a note under it, over its address or instead of it ("OPPO推送SDK" / "注：不申请权限"). A short
    line with nothing under it between two items ("Analytics platform") is the title of the kind of the names below
    it and stays no item. Returns the items' lines."""
    found: set[int] = set()

    def address(k: int) -> bool:
        return k > 0 and _address_line(lines, bodies, k)

    def name(k: int) -> bool:
        return k < len(lines) and bodies[k] is None and _bare_name(lines[k], ctx)

    def note(k: int) -> bool:
        return k < len(lines) and _noted(lines, bodies, k, ctx)

    def item(k: int) -> tuple[int, bool] | None:
        """Where the item whose name is line ``k`` ends and whether it has its address: the address right under
        the name, or under a note on it ("OPPO推送SDK" / "注：不申请权限"); a note alone; None when nothing is
        under the name (a kind's title over the next name)."""
        if address(k + 1):
            return k + 2, True
        if note(k + 1):
            return (k + 3, True) if address(k + 2) else (k + 2, False)
        return None

    k, n = 0, len(lines)
    while k < n:
        first = item(k) if name(k) else None
        if first is None or not first[1]:
            k += 1
            continue
        run: list[int] = []
        addressed = 0
        i, end = k, k
        while name(i) and (under := item(i)) is not None:
            run.append(i)
            end, has = under
            addressed += has
            # the next name; or a kind's title, then the next name
            i = end if name(end) and item(end) is not None else end + 1 if name(end) else len(lines)
        if (addressed >= MIN_ADDRESSED_NAMES and addressed * 2 > len(run)
                and sum(ctx.names.known(lines[i].text.strip()) for i in run) * 2 >= len(run)) \
                or (run and all(lines[i].bold for i in run)):  # (bold names, each over its address: items however few)
            for i in run:
                bodies[i] = lines[i].text.strip()
            found.update(run)
        k = max(end, k) + 1
    return frozenset(found)


def _items(doc: Document, ctx: Context, bodies: list[str | None], bare: frozenset[int] = frozenset()) -> list[_Item]:
    """The list's items; ``bare``: the lines of items that lost their markers (a name alone, a name and its address,
    a head and its text), which own the address under them, if any, and nothing more."""
    out: list[_Item] = []
    lines = doc.lines
    markdown = doc.format == "markdown"
    names: dict[str, tuple[str, str, str, bool] | None] = {}  # this read's items, by text
    datas: dict[str, bool] = {}  # whether an item's text is only data (_data_body), by text

    def data(text: str) -> bool:
        if text not in datas:
            datas[text] = _data_body(text, ctx)
        return datas[text]

    for i, body in enumerate(bodies):
        if body is None:
            continue
        if body not in names:
            names[body] = _name(body, ctx)
        parsed = names[body]
        if parsed is None:
            continue
        name, rest, link, sdk_like = parsed
        last = i
        owner = not data(body)  # (an item of data owns none)
        constants = True  # the permission items a record opens with, right under it (not after its text)
        titled = False  # a Markdown paragraph follows the item after a blank line, none of its text
        stop = min(len(lines), i + 1 + MAX_NESTED)
        if i in bare:  # a bare name owns the address under it, or a note and the address under that, nothing more
            stop = _bare_item_end(lines, bodies, i)  # (the page goes on after the list)
        for k in range(i + 1, stop):
            item = bodies[k]
            if item is not None and sdk_like and owner and data(item):
                last = k  # "- IP address" under "Unity Ads … may collect:": what the SDK collects
                continue
            if item is not None and sdk_like and owner and constants and _constant_item(item, ctx) \
                    and _under(lines[i], lines[k]):
                last = k  # "[二] 某某SDK" over "1）INTERNET访问网络权限：…": the permissions it asks for
                continue
            constants = False
            if item is not None and sdk_like and owner and _field_label(item, ctx) and _under(lines[i], lines[k]):
                last = k  # "[一] 调用QQ SDK" over "(1)使用目的" / "用户可进行QQ好友分享": its fields, a label an item
                continue
            if bodies[k] is not None or lines[k].mark.startswith("h") or ctx.lines[k].outline or not lines[k].text \
                    or (lines[k].bold and lines[k].indent <= lines[i].indent):
                break  # (a line of only bold words at the item's depth, "**Admob**": a heading, not its text)
            if markdown and lines[k].no - lines[k - 1].no > 1 and lines[k].indent <= lines[i].indent:
                titled = k == i + 1  # (right under the item: the item may be its title)
                break  # a Markdown paragraph after a blank line, not indented under the item: the list has ended
            last = k
        nested = bodies[i + 1] if i + 1 < len(bodies) else None
        if not rest and not link and (last > i or titled) and _paragraph(lines[i + 1].text) and not (
                nested is not None and sdk_like and (_constant_item(nested, ctx) or _field_label(nested, ctx))):
            continue  # "（6）友盟统计" over a paragraph: a section title, the paragraph is prose
        if body.rstrip().endswith((":", "：")) and i + 1 < len(lines) and \
                any(role == "name" for role, _ in ctx.lines[i + 1].pairs):
            continue  # "App 应披露 ShareSDK：" over "SDK 名称：ShareSDK" …: the record below names itself
        out.append(_Item(i, last, name, body, rest, link, sdk_like, data(body)))
    return out


def _bare_item_end(lines: tuple[Line, ...], bodies: list[str | None], i: int) -> int:
    """Where the item of a name that lost its marker (line ``i``) ends: after the address right under it, or after
    a note under it and the address under that ("友盟移动统计SDK" / "我们的产品集成…" / "https://…"), or after a note
    right over the next item ("OPPO推送SDK" / "注：…"); else right after the name."""
    def address(k: int) -> bool:
        return _address_line(lines, bodies, k)

    if address(i + 1):
        return i + 2
    if "://" not in lines[i].text and i + 1 < len(lines) and bodies[i + 1] is None \
            and not lines[i + 1].mark.startswith("h") and not _LINKED_RE.match(lines[i + 1].text.strip()):
        # (a name written with its address owns no note: the line under it is the next name with its own)
        if address(i + 2):
            return i + 3
        if i + 2 < len(lines) and bodies[i + 2] is not None:
            return i + 2
    return i + 1


def _permission_lists(bodies: list[str | None], ctx: Context) -> set[int]:
    """Lines of the lists (runs of item lines) whose items are mostly labelled with a permission ("Camera: …",
    "相机权限：…")."""
    out: set[int] = set()
    run: list[int] = []
    labelled = 0
    permission: dict[str, bool] = {}  # whether an item's label names a permission, each distinct item once
    for k, body in enumerate(bodies + [None]):  # a sentinel closes the last run
        if body is not None:
            found = permission.get(body)
            if found is None:
                head = _LABEL_HEAD_RE.split(body, maxsplit=1)[0]
                found = permission[body] = bool(width(head) <= MAX_LABEL_WIDTH and not _PACKAGE_PATH_RE.match(head)
                                                and ctx.lexicon.permissions_in(head, weak=True))
            labelled += found
            run.append(k)
            continue
        if len(run) >= 2 and labelled * 2 > len(run):
            out.update(run)
        run, labelled = [], 0
    return out


_PACKAGE_PATH_RE = re.compile(r"^\s*(?:@[\w.-]+/[\w./-]+|[a-z][\w-]*/[a-z][\w-]*(?:/[\w-]+)*)(?=[\s（(:：]|$)")
"""A library's package path ("@capacitor/camera", "firebase/analytics"): a name, whatever words it spells."""
_FIELD_ROLES = frozenset({"name", "company", "purpose", "data", "link", "website", "permissions", "method", "scene",
                          "packages"})
MAX_GLUED_NAME = 40
"""Display width of a name a label is glued to (longer: words of a sentence before the label)."""
_GLUED_NOT_NAME_RE = re.compile(r"第三方|合作伙伴|相关|的|您|我们|^(?:sdk|SDK|Sdk)$")
"""Words before a glued label that say whose or which kind of SDKs, or the SDK word alone ("SDK服务商："), or are a
sentence's ("从公开的信息中收集的您的个人信息"), rather than name one."""
_NAME_LABEL_RE = re.compile(r"(?:名称|名字)\s*$")
"""Words that end a label asking for a name ("…名称"): no product's name ends so."""
_RECORD_ROLES = frozenset({"company", "purpose", "data", "link", "website", "permissions", "method"})
"""Roles of the fields of a record about a third party: a label of one glued to an item's name makes the item
such a record."""
_DATA_WORD_RE = re.compile(r"(?:信息|数据|\binformation|\bdata)\s*$", re.IGNORECASE)
_PURPOSE_OPENING_RE = re.compile(r"^\s*(?:为了?提供|用于|用来)")
"""A clause saying what a service is for ("为提供请求广告信息"), after its name: no part of a list of data."""
_COLLECTING_CLAUSE_RE = re.compile(r"^\s*(?:为了?|用于|可能|会|将|我们|在您)|(?:收集|采集|获取|读取|接收)(?:您|用户)", re.IGNORECASE)
"""A clause saying what a service does or collects ("为提供广告", "可能会收集您的…"): no part of a list of data."""


def _data_runs(group: list[_Item], doc: Document, ctx: Context) -> set[int]:
    """Items of the nested runs of a list that name data for the most part: the sub-list under an item
    ("AdMob collects: - Advertising ID - Device information - Interaction with ads"), read apart from the
    items around it, which may name services."""
    out: set[int] = set()
    runs: list[list[_Item]] = []
    for a, b in zip([None, *group], group):
        depth = doc.lines[b.first].indent
        if a is None or depth != doc.lines[a.first].indent:
            runs.append([b])
        else:
            runs[-1].append(b)
    for run in runs:
        if len(run) >= 2 and sum(1 for it in run if _data_item(it, ctx)) * 2 > len(run):
            out.update(it.first for it in run)
    return out


def _data_body(body: str, ctx: Context) -> bool:
    """An item's text that is only a kind of data ("IP address", "Device information (model, OS)")."""
    m = _HEAD_RE.match(body)
    if (m is not None and m.group(2).strip()) or _SDK_WORD_RE.search(body) or URL_RE.search(body):
        return False
    name = _NOTE_RE.sub("", body.strip(" 。.;；"))
    return ctx.lexicon.mostly_data(name) or _DATA_WORD_RE.search(name) is not None


def _data_item(it: _Item, ctx: Context) -> bool:
    """An item that names a kind of personal data ("OAID", "WiFi 信息", "Device model"), also when it goes on to
    say how it is collected ("（3）OAID（开放匿名设备标识符）：收集目的：…", its name only a data word)."""
    if it.data:
        return True
    if it.rest:
        return ctx.lexicon.mostly_data(_NOTE_RE.sub("", it.name)) and not _SDK_WORD_RE.search(it.name)
    return bool(ctx.lexicon.data_types_in(it.name, cell=True)) or bool(_DATA_WORD_RE.search(_NOTE_RE.sub("", it.name)))


_NOTE_RE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
"""A note in brackets at the end of an item ("Device information (model, OS)")."""


def _paragraph(text: str) -> bool:
    return width(text) > 80 and text.rstrip().endswith(("。", ".", "！", "!", "；", ";"))


_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*[.、．)）](?!\d)")


def _number(text: str) -> int | None:
    """The number a numbered item opens with ("12、…" -> 12), None for other marks."""
    m = _NUMBER_RE.match(text)
    return int(m.group(1)) if m else None


def _groups(items: list[_Item], doc: Document) -> list[list[_Item]]:
    """Items of one list: each starts at most a few lines after the previous one ends, and not under a line
    of its own that opens another list ("Your rights:"), nor numbered 1 again after a higher number."""
    groups: list[list[_Item]] = []
    for it in items:
        opened = bool(groups) and groups[-1][-1].first != it.first - 1 \
            and doc.lines[it.first - 1].text.rstrip().endswith((":", "："))
        if groups and _number(doc.lines[it.first].text) == 1 and (_number(doc.lines[groups[-1][-1].first].text) or 0) > 1:
            opened = True  # numbered from 1 again: another list ("1、登出…" after "22、某某SDK：…")
        if groups and it.first - groups[-1][-1].last <= 2 and not opened:
            groups[-1].append(it)
        else:
            groups.append([it])
    return groups


_LABEL_POLICY_TAIL_RE = re.compile(r"\s*(?:'s\s*)?(?:ad(?:vertising)?\s+|privacy\s+|data\s+)?(?:policy|policies|notice|statement)\s*$",
                                   re.IGNORECASE)
"""The words of a policy page after a service's name in a label over its address ("TikTok Ad Policy: https://…")."""
_POLICY_TAIL_RE = re.compile(r"\s*(?:'s\s*)?(?:privacy\s+(?:policy|notice|statement)|隐私(?:权)?(?:政策|协议))\s*$", re.IGNORECASE)
"""The words of a privacy page after a service's name in a link's text ("AdMob Privacy Policy")."""


MAX_BRACKETED_FUNCTION = 40
"""How wide the words before a bracketed SDK may be ("推送通知消息（OPPO推送SDK）"); a sentence that ends with a name
in brackets ("…passed to our own statistics system (ECS).") is no item named so."""
MIN_ENUMERATED = 4


_BRACKETED_RE = re.compile(r"[（(]([^（）()]{3,80})[)）]")


def _data_enumeration(body: str, ctx: Context) -> bool:
    """An item that enumerates, comma after comma, what is collected, no label opening it: at least half of its
    parts name data, or none is a catalog name ("SDK/API/JS code version, IP address, platform, timestamp, …")."""
    parts = [p for p in ENUMERATION_SPLIT_RE.split(body) if p.strip()]
    if len(parts) < MIN_ENUMERATED or re.search(r"[:：]|\s[-–—]\s", body):
        return False  # (a label opens the item: "支付宝SDK（…）：支付服务；收集…")
    if _SDK_VERB_RE.match(parts[0]) or (_PURPOSE_OPENING_RE.match(parts[1]) and name_like(parts[0])) \
            or (any(_COLLECTING_CLAUSE_RE.search(p) for p in parts[1:3]) and (
                _SDK_WORD_RE.search(parts[0]) or ctx.names.known(parts[0].strip())
                or ctx.names.resolve(parts[0].strip()).candidates)):
        return False  # (a sentence: a name, then what it is for and collects, "某某联盟，为提供广告，可能会收集您的IP地址、
        # …", "某某SDK 可能会接收并记录您所使用的设备型号、…"; not "另外，第三方还会收集您设备的…")
    if sum(1 for p in parts if ctx.lexicon.data_types_in(p, cell=True) or _DATA_WORD_RE.search(p)) * 2 >= len(parts):
        return True
    return not any(ctx.names.known(p.strip(" .。")) for p in parts)


def _name(body: str, ctx: Context) -> tuple[str, str, str, bool] | None:
    """``(name, rest, link, SDK-like)`` of an item's text, or None when it names nothing (or says the app has
    none of it: "No advertising SDK", "无第三方统计SDK")."""
    if _NONE_RE.match(body):
        return None
    known = ctx.names.known
    used = _USED_LEAD_RE.match(body)
    named = _USED_SDK_RE.match(body, used.end()) if used else None
    if named:  # "使用某某统计SDK，…": the SDK the item says the app uses, its name without the verb, the rest its facts
        rest = body[named.end():].lstrip(" ，,。；;：:")
        body = f"{named.group(0).strip()}：{rest}" if rest else named.group(0).strip()

    def sdk_like(name: str) -> bool:
        # (a library's package in brackets after its name says it is one: "fresco图片库（com.facebook.fresco）";
        # a name written with its company is judged by the product: "腾讯实时音视频-腾讯云计算（北京）有限责任公司")
        if _bracketed_owner(name):
            return True  # a service written with its provider's legal name ("Bugsink Cloud (Bugsink B.V.)")
        name = split[0] if (split := product_company(name)) else name
        return known(name) or (bool(_SDK_WORD_RE.search(name)) and not ctx.lexicon.general(name)) \
            or any(packages(b) for b in _BRACKETED_RE.findall(name))

    m = _QUOTED_RE.match(body)
    if m:
        return m.group(1).strip(), m.group(2), "", sdk_like(m.group(1)) or "SDK" in m.group(2).upper()[:20]
    m = _MD_LINK_RE.match(body)
    if m:
        name = _POLICY_TAIL_RE.sub("", m.group(1)).strip() or m.group(1).strip()  # "[AdMob Privacy Policy](…)"
        return name, m.group(3), m.group(2), sdk_like(name)
    m = _LINKED_RE.match(body)
    if m and name_like(m.group(1)) and not NOT_NAME_RE.fullmatch(m.group(1).strip()):
        name = _POLICY_TAIL_RE.sub("", m.group(1)).strip() or m.group(1).strip()  # an HTML link's text, its href
        return name, "", m.group(2), sdk_like(name)
    owned = _OWNED_SENTENCE_RE.match(body)  # "AppLovin (AppLovin Corporation). Serves banner…": owned, then
    if owned:  # sentences (which may list data, comma after comma)
        owner = _bracketed_owner(owned.group(1))
        if owner and name_like(owner[0]):
            return owned.group(1).strip(), owned.group(2), "", True
        aside = _NAME_ASIDE_RE.match(owned.group(1))
        if aside and name_like(aside.group(1)):  # "Pangle (ByteDance / TikTok). Serves…": names beside a name
            return aside.group(1).strip(), owned.group(2), "", sdk_like(aside.group(1))
    head = ENUMERATION_SPLIT_RE.split(body, maxsplit=1)[0].strip()
    if not (known(head) or any(packages(b) for b in _BRACKETED_RE.findall(head))) and _data_enumeration(body, ctx):
        # "SDK/API/JS code version, IP address, platform, …": what is collected, not a name (unless it opens with
        # an SDK: "fresco图片库（com.facebook.fresco），…，读取外置存储器、写入外置存储器")
        return None
    m = _BRACKET_RE.match(body)
    if m and sdk_like(m.group(2)) and (known(m.group(2)) or not re.search(r"[、，,;；]", m.group(2))) \
            and not _kind_only(m.group(2), ctx) and not company_like(m.group(2)) \
            and width(m.group(1)) <= MAX_BRACKETED_FUNCTION and not sdk_like(m.group(1).strip()):
        # "推送通知消息（OPPO推送SDK）"; not a bracketed list ("应用信息（应用名、包含的SDK信息、…）"), nor a name
        # with an aside ("AppLovin MAX (AppLovin)": the product before its vendor), nor a service and its provider
        # ("Facebook Ads conversion tracking (Facebook, Inc.)")
        return m.group(2).strip(), " ".join(filter(None, (m.group(1), m.group(3) or ""))), "", True
    m = _SDK_SENTENCE_RE.match(body)  # "喜马拉雅SDK。我们获取您的设备唯一编号，…": the name, then sentences about it
    if m is None and (m := _SDK_VERB_RE.match(body)) is not None and ctx.lexicon.generic(m.group(1)):
        m = None  # "友盟SDK用于统计App错误日志，…": the name, then what it does; not a kind's ("广告sdk会获取…")
    if m and width(m.group(1)) <= MAX_SENTENCE_NAME and name_like(m.group(1)) and not ctx.lexicon.general(m.group(1)):
        return m.group(1).strip(), m.group(2), "", True
    m = _HEAD_RE.match(body)
    head, rest = (m.group(1).strip(), m.group(2)) if m else (body.strip(" 。.;；"), "")
    glued = ctx.lexicon.glued_label(head) if m and not known(head) and not ctx.lexicon.is_header(head) else -1
    if glued > 0 and ctx.lexicon.role(head[glued:]) in _RECORD_ROLES:
        # "2.甲乙分享使用目的：…", "8 丙丁 SDK使用目的：…": the name (its SDK word and all), its first field's
        # label glued to it; a link's words glued between them are neither ("5.戊己隐私政策使用目的：…")
        if head[glued:glued + 3].casefold() == "sdk":
            glued += 3
        name = _POLICY_TAIL_RE.sub("", head[:glued]).strip() or head[:glued].strip()
        if name_like(name) and width(name) <= MAX_GLUED_NAME and not _GLUED_NOT_NAME_RE.search(name) \
                and not ctx.lexicon.generic(name) and not ctx.lexicon.data_types_in(name, cell=True):
            return name, f"{head[glued:]}：{rest}", "", sdk_like(name)
    if rest and _ADDRESS_ONLY_RE.fullmatch(rest.strip()) and (bare := _LABEL_POLICY_TAIL_RE.sub("", head).strip()) \
            and bare != head:
        return bare, "", rest.strip().strip("<>"), sdk_like(bare)  # "TikTok Ad Policy: https://…": TikTok, its page
    if width(head) > 60 or ctx.lexicon.is_header(head) or (ctx.lexicon.general(head) and not known(head)):
        return None
    if rest and ((ctx.lexicon.is_header(head.replace(" ", "")) and ctx.lexicon.role(head) in _FIELD_ROLES)
                 or _NAME_LABEL_RE.search(head)):
        return None  # "SDK 名称：X", "第三方主体：Y": a label line, an attribute of a record, never an item (a label
        # asking for a name however misspelt, "SDKk名称：", names nothing itself)
    if ctx.lexicon.permissions_in(head, weak=True) and not sdk_like(head) and not _PACKAGE_PATH_RE.match(head):
        return None
    return head, rest, "", sdk_like(head)


def item_company(text: str) -> str:
    """The company an item's text names as the one behind it (:data:`_COMPANY_RE`), "" when none or when the
    words name the app's developer, the user or us ("由APP开发者主动提供")."""
    m = _COMPANY_RE.search(text)
    found = next((g for g in m.groups() if g), "").strip() if m else ""
    found = found or clause_company(text)  # "…用于消息推送；甲乙科技有限公司 https://…"
    return "" if _NOT_COMPANY_RE.search(found) else found


def _bracketed_owner(name: str) -> tuple[str, str] | None:
    """``(product, company)`` of a name written with its company's legal name in brackets ("Google AdMob (Google
    LLC)"), else None."""
    m = _OWNER_RE.match(name)
    if m and company_like(m.group(2)) and not company_like(m.group(1)):
        return m.group(1).strip(), m.group(2).strip()
    return None


def _owned(name: str) -> tuple[str, str]:
    """An item's name and the company written with it ("Google AdMob (Google LLC)", "Product — Company Ltd",
    "某某SDK-某某有限公司"); the name and "" when none is."""
    return _bracketed_owner(name) or product_company(name) or (name, "")


def _facts(doc: Document, it: _Item, ctx: Context) -> RowFacts:
    nested = " ".join(doc.lines[k].text for k in range(it.first + 1, it.last + 1))
    text = f"{it.rest} {nested}".strip()
    purpose = _PURPOSE_RE.search(it.rest)
    name, owner = _owned(it.name)
    return RowFacts(
        name=name,
        company=owner or item_company(it.rest) or labelled_company(_labelled(doc, it, ctx), ctx)
        or (cued_company(opening_sentences(it.rest)) if it.rest else "")  # ("AppsFlyer, a service of AppsFlyer Ltd.")
        or (cued_company(opening_sentences(doc.lines[it.first + 1].text)) if it.last > it.first and not it.rest else ""),
        # ("20. ACME SDK" over "This app measures its installs with tools from Acme Inc. (…)": the paragraph under a
        # titled item says whose)
        purpose=next((g for g in purpose.groups() if g), "").strip() if purpose else it.rest[:200].strip(),
        data=text, link=f"{it.link} {text}".strip(),
    )


MAX_LABEL_LINES = 6
MAX_NOTE_WIDTH = 160
"""Display width (CJK counts double) up to which a line under an item that is no label is a note among its
labels, not a paragraph."""


def _labelled(doc: Document, it: _Item, ctx: Context) -> str:
    """The item's text and the label lines right under it (not the paragraphs a long item runs on into: "开发者：…"
    at a policy's end is the app's)."""
    k = it.first + 1
    while k <= min(it.last, it.first + MAX_LABEL_LINES) and (ctx.lines[k].pairs or ctx.lines[k].width <= MAX_NOTE_WIDTH):
        k += 1
    return " ".join([it.rest] + [doc.lines[j].text for j in range(it.first + 1, k)])


_LIST_TITLE_RE = re.compile(r"(?:目录|清单|列表|名单|一览表?|\blists?|\bdirectory)\s*[:：]?\s*$", re.IGNORECASE)
"""The end of a list's title ("第三方SDK目录", "Third-party SDK list"): the lines under it are its items."""
_THIRD_PARTY_RE = re.compile(r"third[- ]?part(?:y|ies)|第三方|\bsdks?\b|librar(?:y|ies)|service providers?|合作方|"
                             r"服务商|\bpartners?\b", re.IGNORECASE)
"""Words of a section about the services an app uses ("Use of third-party services", "第三方SDK")."""
_PRODUCT_OF_RE = re.compile(r"\b(?:is|are) (?:a |an )?(?:product|service|sdk|library|tool)s? (?:of|from|by|provided by)\b"
                            r"|\bprovided by\b|\boperated by\b|由.{2,40}?(?:提供|开发|运营)", re.IGNORECASE)
"""A paragraph saying whose product its heading is ("Acme Insights is a product of Acme Corporation")."""
_OUTLINE_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.、)]?|[(（]\d{1,2}[)）])\s*")
_SDK_END_RE = re.compile(r"(?:sdk|\bkit|插件|组件)\s*(?:[（(][^（）()]*[)）])?$", re.IGNORECASE)
"""A name ending with an SDK word ("极光推送SDK", "ML Kit"), not a title opening with one ("SDK 初始化说明")."""
MAX_SECTION_NAME = 40
MAX_LEAD_LINES = 3
MAX_BODY_LINES = 40
"""Lines of a service's section read for its facts."""
MAX_HEAD_LINES = 3
"""First lines of a service's section where its own address or its company may stand."""
MIN_OWN_KEY = 4
"""Letters of a name an address must spell to be the named product's own (shorter ones spell anything)."""


_LEAD_RE = re.compile(r"(?:we|this app|the app|app|本应用|我们|本产品|本软件)\s*(?:(?:only|also|currently|may)\s+)?"
                      r"(?:use|uses|integrate|integrates|work with|rely on|使用|接入|集成|引入)"
                      r"|\bshare\b.{0,40}\bwith (?:the following |these |our )?(?:third[- ]?party (?:services|sdks?|libraries|tools)"
                      r"|(?:third[- ]?party )?service providers)\b",
                      re.IGNORECASE)
"""The app using what the line names ("We only use…", "本应用接入了…"), or sharing with the third-party services
or service providers it lists ("We only share information with third-party services that are essential…:",
"We share data only with service providers who help us operate the app:")."""


def _introduced(doc: Document, bodies: list[str | None], item: int, starts: dict[int, int]) -> bool:
    """An item of a list right under a line saying the app uses the third parties it lists ("We use the
    following third-party services:", "本应用接入了以下第三方SDK：") or under a heading saying it lists the app's
    SDKs: the items are those services, known or not. ``bodies``: the item text of each line (None for no
    item); ``starts``: this read's list starts, by item line."""
    first = item
    while first > 0 and first not in starts and bodies[first - 1] is not None \
            and doc.lines[first - 1].indent == doc.lines[first].indent:
        first -= 1  # the items above, rows of the list or not (a permission's item), stand in the same list
    first = starts[item] = starts.get(first, first)
    if first == 0:
        return False
    text = doc.lines[first - 1].text.strip(" '\"`")
    if doc.lines[first - 1].mark.startswith("h"):
        # "## 第三方SDK列表", "### Third-party libraries"; not over records of labels ("- Role: …", "- When: …")
        return bool(_SDK_HEADING_RE.search(text)) and _distinct_heads(doc, bodies, first)
    return text.endswith((":", "：")) and bool(_THIRD_PARTY_RE.search(text)) and bool(_LEAD_RE.search(text))


def _distinct_heads(doc: Document, bodies: list[str | None], first: int) -> bool:
    """The items of the list from line ``first`` open with different words (names), none twice (labels of
    records written one under another do)."""
    seen: set[str] = set()
    k = first
    while k < len(bodies) and bodies[k] is not None and doc.lines[k].indent == doc.lines[first].indent:
        head = _LABEL_HEAD_RE.split(bodies[k] or "", maxsplit=1)[0].strip().casefold()
        if head in seen:
            return False
        seen.add(head)
        k += 1
    return True


_SDK_HEADING_RE = re.compile(r"sdk(?:列表|清单|目录)|third[- ]?party (?:services|sdks?|librar(?:y|ies)|components|tools)"
                             r"|第三方(?:服务|组件|插件|库|代码)|(?:open[- ]source |third[- ]?party )librar(?:y|ies)", re.IGNORECASE)
"""A heading over a list of the SDKs or libraries an app uses (not of partners or data)."""


def _service_sections(doc: Document, ctx: Context) -> list[Structure]:
    """Sections of a policy part about third-party services, one heading a service over its paragraphs
    ("## Third-party services" / "### Acme Insights" / "Acme Insights is a product of…"): the
    sibling headings under a heading (or after a lead sentence) about third parties, from the first, while
    each names a service (a catalog name, an SDK word, or a paragraph saying whose product it is); the
    first heading that names none ends the run (the policy's own sections follow)."""
    lines = doc.lines
    heads = [k for k, line in enumerate(lines) if line.mark.startswith("h") or line.bold]
    if not any(line.mark.startswith("h") for line in lines):
        heads = sorted({*heads, *_title_lines(lines)})  # a page whose headings lost their markup
    # a bold line below every marked heading, a title line (:func:`_title_lines`) below a bold one
    levels = [lines[k].mark or ("h7" if lines[k].bold else "h8") for k in heads]
    parents: list[int | None] = []  # the nearest heading above of a higher level, by a stack (linear)
    stack: list[int] = []
    for n, level in enumerate(levels):
        while stack and levels[stack[-1]] >= level:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(n)
    ends = [len(lines) - 1] * len(heads)  # the line before the next heading of the same or a higher level
    stack = []
    for n, level in enumerate(levels):
        while stack and levels[stack[-1]] >= level:
            ends[stack.pop()] = heads[n] - 1
        stack.append(n)
    sections: dict[int, tuple[str, str, list[str], list[str]]] = {}

    def section(m: int) -> tuple[str, str, list[str], list[str]]:
        """Heading ``m``'s name, body, first lines and the services it names (each heading read once: a run
        looks ahead at the sections after a title that names none)."""
        if m not in sections:
            h, end = heads[m], ends[m]
            name = _OUTLINE_NUMBER_RE.sub("", lines[h].text).strip()
            body = " ".join(lines[j].text for j in range(h + 1, min(end, h + MAX_BODY_LINES) + 1))
            head = [t for j in range(h + 1, min(end, h + MAX_BODY_LINES) + 1) if (t := lines[j].text.strip())]
            head = head[:MAX_HEAD_LINES]
            sections[m] = (name, body, head, _heading_names(name, body, ctx, head) if end > h else [])
        return sections[m]

    out: list[Structure] = []
    taken: set[int] = set()
    for n, k in enumerate(heads):
        parent = parents[n]
        if n in taken or (parent is not None and parent != n - 1):
            continue  # taken by a run, or not the first heading under its parent: a run starts there only
        first = heads[parent] + 1 if parent is not None else 0
        context = " ".join([lines[heads[parent]].text] if parent is not None else []) + " " + \
            " ".join(lines[j].text for j in range(max(first, k - MAX_LEAD_LINES), k) if not lines[j].mark.startswith("h"))
        if not _THIRD_PARTY_RE.search(context):
            continue
        for m in range(n, len(heads)):
            if levels[m] < levels[n]:
                break
            if levels[m] > levels[n]:
                continue  # a sub-heading inside a service's section
            h, end = heads[m], ends[m]
            name, body, head, names = section(m)
            if not names and ((levels[m] == "h8" and _kind_only(name, ctx)) or ctx.lexicon.service_kind(name)):
                continue  # "Advertising" among the titles of a page without heading markup: the kind of the next
            if not names and m > n and end > h and (unnamed := _unnamed(name, ctx)):
                # "Fabric Answers" between services' sections: one more service, when a section naming one
                # follows it before any heading that names nothing (a few such headings may stand between)
                siblings = itertools.islice((q for q in range(m + 1, len(heads)) if levels[q] <= levels[n]), MAX_UNNAMED_RUN)
                for q in siblings:
                    if levels[q] < levels[n]:
                        break
                    sibling_name, _, _, sibling_names = section(q)
                    if sibling_names:
                        names = unnamed
                        break
                    if not _unnamed(sibling_name, ctx):
                        break
            if not names:
                break
            taken.add(m)
            company = cued_company(body) or _company_line(head)
            link = _section_link(body)
            claims = tuple(SdkClaim(RowFacts(name=one, company=company, purpose="", data=body, link=link), h, end)
                           for one in names)
            out.append(Structure(ExtractorKind.LIST, h, end, CONFIDENCE, sdks=claims))
    return out


_PRIVACY_PAGE_RE = re.compile(r"privacy|polic(?:y|ies)|隐私|datenschutz|yinsi", re.IGNORECASE)
MAX_LINK_LEAD = 80
"""Characters before an address read for what page it is."""


def _section_link(body: str) -> str:
    """The address of a service's privacy page in its section: the first address that is one by its words or
    by the words right before it ("…privacy practices of Google, please visit … http://www.google.com/intl/en/
    policies/privacy/"), not an opt-out page or a guide ahead of it; else the first address; "" when none."""
    found = list(URL_RE.finditer(body))
    for m in found:
        if _PRIVACY_PAGE_RE.search(m.group(0)) or _PRIVACY_PAGE_RE.search(body[max(0, m.start() - MAX_LINK_LEAD):m.start()]):
            return m.group(0)
    return found[0].group(0) if found else ""


_NAME_LIST_RE = re.compile(r"\s*[,，、]\s*")


_SENTENCE_END = ("。", ".", "！", "!", "；", ";", "：", ":", "，", ",", "?", "？")


def _title_lines(lines: Sequence[Line]) -> list[int]:
    """Lines that stand as titles in a page without heading markup (plain text, a page of paragraphs): short,
    no sentence, label or list item ("Google Analytics and Google Firebase", "AppsFlyer"), right over a longer line
    that is one ("Google Analytics and Firebase are web analytics services offered by Google…", "Their Privacy
    Policy can be viewed at https://…"), or the page's last line (an excerpt cut after a title: the section
    above ends before it). Not in Chinese: a Chinese page numbers its titles (read as such), and
    its short unnumbered lines over longer ones are the cells of a flattened table ("BUG采集" over its use, "Cling"
    over "用于Java和Android的UPnP/DLNA库。"): none on a page with Chinese on more than one line in
    :data:`MAX_CJK_SHARE`."""
    allowed = len(lines) // MAX_CJK_SHARE
    if next(itertools.islice((k for k, line in enumerate(lines) if CJK_RE.search(line.text)), allowed, None), None) \
            is not None:
        return []  # (more lines in Chinese than allowed: stop counting at the first one too many)
    out = []
    for k in range(len(lines)):
        text, below = lines[k].text.strip(), lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        if not text or lines[k].mark or not _title_like(text) or text.endswith(_SENTENCE_END) \
                or "://" in text or ":" in text or "：" in text or _ITEM_RE.match(text) or HEADING_RE.match(text) \
                or _CODE_MARK_RE.search(text) or CJK_RE.search(text):
            continue
        if k + 1 == len(lines) or width(below) > width(text) and (
                below.endswith(_SENTENCE_END) or width(below) > MAX_TITLE_BODY or "://" in below
                or _opens_with(below, _PURPOSE_TAIL_RE.sub("", text) or text)):
            out.append(k)  # (a line opening with the title says what it is: "Firebase is …")
    return out


def _title_like(text: str) -> bool:
    """A line short enough for a title naming one service, or a title naming several, each short ("Appodeal, Mozoo,
    Adcolony SDK, Chartboost, AdMob, AdSense" over the paragraph about them all)."""
    if width(text) <= MAX_SECTION_NAME:
        return name_like(text)
    names = text.split(", ")
    return 1 < len(names) <= MAX_TITLE_NAMES and all(width(n) <= MAX_SECTION_NAME and name_like(n) for n in names)


MAX_TITLE_NAMES = 8
"""Services a title line over one paragraph about them all may name."""


def _opens_with(line: str, name: str) -> bool:
    """``line`` opens with ``name`` and goes on for at least two words ("Firebase is analytics service provided by
    Google Inc. (US)" under "Firebase")."""
    return line.startswith(name + " ") and len(line[len(name):].split()) >= 2


MAX_TITLE_BODY = 80
"""Display width from which a line under a title is its paragraph whatever it ends with."""
MAX_CJK_SHARE = 5
"""Lines of a page per line in Chinese above which it has no plain titles (:func:`_title_lines`)."""
_CODE_MARK_RE = re.compile(r"/\*|\*/|//|[{}<>=;]")
"""Marks of code (a comment's, a block's) in a line: no title."""


def _heading_names(name: str, body: str, ctx: Context, head: Sequence[str]) -> list[str]:
    """The services a section's heading names: the heading itself when it names one (:func:`_service_name`), or
    the names of a heading listing several that share the paragraphs below ("Unity Analytics, Game Analytics",
    "Appodeal, Mozoo, AdColony SDK, Chartboost"), when each is name-like and at least half of them name a
    service; [] when it names none."""
    if _service_name(name, body, ctx, head):
        return [name]
    parts = [p for p in _NAME_LIST_RE.split(name) if p]
    if len(parts) < 2 or not all(name_like(p) and width(p) <= MAX_SECTION_NAME for p in parts):
        return []
    named = [p for p in parts if _service_name(p, "", ctx)]
    if len(named) * 2 < len(parts):
        return []
    return [p for p in parts if p in named or _could_name(p, ctx)]


MAX_UNNAMED_RUN = 3
"""Headings that could name a service the catalog does not know, one after another, before one that names one."""


def _unnamed(name: str, ctx: Context) -> list[str]:
    """The names a heading could give ("Fabric Answers"; "Facebook Stetho, Foursquare OAuth"), though nothing
    says they are services: [] when any part could not be a name (:func:`_could_name`) or says only a kind of
    service ("Advertising")."""
    parts = [p for p in _NAME_LIST_RE.split(name) if p]
    return parts if parts and all(_could_name(p, ctx) and not _kind_only(p, ctx) for p in parts) else []


def _service_name(name: str, body: str, ctx: Context, head: Sequence[str] = ()) -> bool:
    """A heading that names a service: short and name-like, no kind of data, permission or policy section,
    and a catalog name, an SDK word, a paragraph under it saying whose product it is, or first lines under it
    (``head``) giving the product's own address or its company ("### Markwon" over
    "https://github.com/noties/Markwon"; "### 设备标识生成库" over "…有限公司 上海市")."""
    if not _short_name(name, ctx) or ctx.lexicon.service_kind(name):
        return False  # (nor a heading of a kind of service, "Analytics": its services are named under it)
    core = _PURPOSE_TAIL_RE.sub("", name) or name  # "Supabase (Database & Authentication)": "Supabase"
    known = ctx.names.known(name) or (core != name and ctx.names.known(core))
    if not known and not _could_name(name, ctx):
        return False
    return known or bool(_SDK_END_RE.search(name)) or bool(_PRODUCT_OF_RE.search(body[:300])) \
        or any(_own_address(core, t) for t in head) \
        or bool(_company_line(head)) or _company_named(core, body[:300])


_ENTITY_AFTER_RE = re.compile(r",?\s+(?:Inc|LLC|Ltd|Limited|GmbH|Corporation|Corp|AG|B\.V|S\.A|PLC|Pte)\b")


def _company_named(name: str, text: str) -> bool:
    """``text`` names a registered company whose name is ``name`` ("### Foursquare Labs" over "…software from
    Foursquare Labs, Inc."): the heading names that company's service."""
    start = text.find(name)
    while start >= 0:
        if _ENTITY_AFTER_RE.match(text, start + len(name)):
            return True
        start = text.find(name, start + 1)
    return False


def _short_name(name: str, ctx: Context) -> bool:
    """A heading short and name-like, no bare platform, no column title."""
    return bool(name) and width(name) <= MAX_SECTION_NAME and name_like(name) and not NOT_NAME_RE.fullmatch(name) \
        and not PLATFORM_ONLY_RE.fullmatch(name) and not ctx.lexicon.is_header(name)


def _could_name(name: str, ctx: Context) -> bool:
    """A heading that could name a service the catalog does not know: short and name-like (:func:`_short_name`),
    no general words, kind of data, permission or data section."""
    return _short_name(name, ctx) and not (
        ctx.lexicon.general(name) or ctx.lexicon.data_types_in(name, cell=True)
        or ctx.lexicon.permissions_in(name, weak=True) or _DATA_WORD_RE.search(name))


_PURPOSE_TAIL_RE = re.compile(r"\s*[（(][^（）()]{2,40}[)）]\s*$")
"""What a heading says a service is for, in brackets after its name ("Supabase (Database & Authentication)")."""
_PLACE_TAIL_RE = re.compile(r"\s+\S{1,12}$")
"""A short word after a company on its line ("…有限公司 上海市", "Acme Corporation USA"): its place."""


def _company_line(head: Sequence[str]) -> str:
    """The company a short line of ``head`` is, maybe with its place after it ("支付宝(中国)网络技术有限公司
    上海市" -> "支付宝(中国)网络技术有限公司"); "" when none is."""
    for text in head:
        if width(text) <= MAX_SECTION_NAME + 20:
            for company in (text, _PLACE_TAIL_RE.sub("", text)):
                if company_like(company):
                    return company
    return ""


def _own_address(name: str, text: str) -> bool:
    """An address in ``text`` that spells ``name`` ("Byte Units": ``github.com/JakeWharton/byteunits``;
    "Okhttp3": ``github.com/square/okhttp``): the named product's own site or repository."""
    key = re.sub(r"[^a-z0-9]", "", name.casefold())
    key = key.rstrip("0123456789") or key
    return len(key) >= MIN_OWN_KEY and any(key in re.sub(r"[^a-z0-9]", "", u.casefold()) for u in URL_RE.findall(text))
