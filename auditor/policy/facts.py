"""Facts of kept claims: phrases mapped through the lexicon, links and package names read, names resolved.

Turns :class:`~auditor.policy.claims.SdkClaim` and :class:`~auditor.policy.claims.SceneClaim` into the
public model (:class:`SdkDisclosure`, :class:`Scene`, :class:`PermissionDisclosure`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from auditor.policy.claims import ExtractorKind, SceneClaim, SdkClaim
from auditor.policy.document import Document
from auditor.policy.lexicon import Lexicon, fold
from auditor.policy.model import PermissionDisclosure, Scene, SdkDisclosure
from auditor.policy.names import NameIndex, Resolution
from auditor.policy.resolve import Evidence, Resolver
from auditor.policy.text import (
    ANSWER_RE,
    CLAUSE_RE,
    COMPONENT_WORD_RE,
    NOT_A_COMPANY_RE,
    NOT_ASKED_RE,
    SDK_RE,
    SDK_WORD_END_RE,
    WHEN_OPENERS,
    clean_collected,
    company_like,
    coordinates,
    hosts,
    moment,
    name_like,
    packages,
    policy_url,
    purpose_of,
    stated_purpose,
    unbalanced,
    urls,
    width,
)
from auditor.vocab import DATA_TYPES

DATA_ORDER = {t.id: i for i, t in enumerate(DATA_TYPES)}
"""Each data type's place in the vocabulary (:data:`auditor.vocab.DATA_TYPES`): the order rows list them in."""


def in_data_order(types: Iterable[str]) -> tuple[str, ...]:
    """Data type ids, each once, in the vocabulary's order (an id it does not know last)."""
    return tuple(sorted(set(types), key=lambda d: DATA_ORDER.get(d, 99)))

_STATE_NOTE_RE = re.compile(r"(?<=状态)\s*[（(][^（）()]*[）)]|(?<=status)\s*\([^()]*\)", re.IGNORECASE)
"""The bracketed note after a state ("通知栏状态（如通知栏权限、用户点击行为）"): what is read, not a use."""
_LEADING_MARK_RE = re.compile(r"^(?:[-*>•·●▪◦○■□◆◇►▶➤→✓✔☑]|[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?)+\s*")
"""A list's mark or a symbol before a row's name (a bullet, a ">" left by a page's markup, an emoji), no part of the
name as written."""
_KIND_OF_PARTY_RE = re.compile(r"(?:合作方|合作伙伴|服务商|提供商|供应商|第三方)$")
"""The end of words naming a kind of party ("消息推送服务合作方", "业务合作伙伴"), not a company."""
_NONE_CELL_RE = re.compile(r"^(?:无|暂无|不适用|/|-+|—+|n/?a|none)$", re.IGNORECASE)


_COMPANY_END = "。；，;,、 "
"""What ends the sentence or list a company's name was written in."""


def _names_a_party(company: str, lexicon: Lexicon) -> bool:
    """A company cell that can name who is behind a row: not "无", not a kind of party ("效果广告服务合作方") nor a list
    of data ("设备品牌、型号、软件系统版本") when it names no registered company."""
    text = company.strip()
    if not text or _NONE_CELL_RE.match(text):
        return False
    if company_like(text):
        return True
    return not (_KIND_OF_PARTY_RE.search(text) or lexicon.mostly_data(text))


_TRAILING_ASIDE_RE = re.compile(r"^(.*?\S)\s*[（(]\s*(?:(?i:from|by)\s+)?([^（）()]{2,60}?)\s*[)）]\s*$")
"""A name with a last part in brackets ("Bugly (Tencent)", "Firebase Analytics（Google）", "AdMob (from Google)")."""
_SEPARATOR_END_RE = re.compile(r"(?:\s*[；;，,、|])+\s*$")
"""The mark that ends a field ("SDK名称：福推送；使用目的：…" cut at its labels; "SDK名称:某某SDK,\tSDK包名:…", its tab
read as a cell's bar), no part of the name as written (a full stop is kept: a name may be written as a sentence,
"第三方登录。")."""
_POLICY_LABEL_END_RE = re.compile(r"(?<=\S)\s*(?:\s[-–—|]\s*|[:：]\s*|[（(]\s*)(?:third[- ]party\s+)?(?:privacy\s+(?:policy|notice|"
                                  r"statement)|隐私(?:权)?(?:政策|协议)(?:链接)?)\s*[)）]?\s*$", re.IGNORECASE)
"""The label of a link to the SDK's privacy page after its name ("QQ - Privacy Policy", "友盟（隐私政策）"): set off by
a dash, a colon or a bracket, no part of the name ("AdMob Privacy Policy" is not set off)."""


MIN_PURPOSE_DATA = 2
"""Data types a row's purpose names at least to be read as the row's data when no other cell names any."""


_PURPOSE_CLAUSE_RE = re.compile(r"(?:用于|用来|以便|以实现|功能是|功能为)[^，,。；;：:!?！？\n]*(?=[，,。；;!?！？\n]|$)")
"""A clause of a sentence saying what an SDK is for ("用于实现APP的图片展示", "功能是“社交分享”"), up to the
punctuation that ends it (not run on into the next cell of a table that lost its breaks: "…的功能MAC地址https://…")."""
_GATHERING_RE = re.compile(r"收集|获取|读取|采集|调用|访问|上传|上报|共享|提供您的|使用您的|识别|校验|验证")
"""Words of a clause that gets personal data ("用于获取您的位置信息"): what it names is collected."""


def _without_bare_purposes(text: str) -> str:
    """``text`` without the clauses saying what an SDK is for that get no data (:data:`_PURPOSE_CLAUSE_RE`): a prose
    row's data are what its sentences say it collects, not the things it handles ("用于播放视频" collects no video)."""
    return _PURPOSE_CLAUSE_RE.sub(lambda m: m.group(0) if _GATHERING_RE.search(m.group(0)) else " ", text)


def sdk_disclosure(doc: Document, claim: SdkClaim, kind: ExtractorKind, resolver: Resolver,
                   memo: dict[object, object] | None = None) -> SdkDisclosure:
    """One SDK row: data types and permissions of its data and permission text, its link and packages,
    and its catalog id from all that evidence."""
    f = claim.facts
    if _LEADING_MARK_RE.match(f.name):
        f = replace(f, name=_LEADING_MARK_RE.sub("", f.name) or f.name)  # "🔵 Firebase", "- Sentry": the name
    if _POLICY_LABEL_END_RE.search(f.name):
        f = replace(f, name=_POLICY_LABEL_END_RE.sub("", f.name) or f.name)  # "QQ - Privacy Policy": the name
    if _SEPARATOR_END_RE.search(f.name):
        f = replace(f, name=_SEPARATOR_END_RE.sub("", f.name) or f.name)  # "SDK名称：福推送；": the field's end
    lexicon = resolver.lexicon
    cell = kind is not ExtractorKind.PROSE
    # (a sentence's clause of what the SDK is for names what it handles, not what it collects: "用于实现图片展示")
    mapped = " ".join(filter(None, (f.data if cell else _without_bare_purposes(f.data), f.permissions, f.method)))
    perms = sorted(row_permissions(lexicon, f.permissions, f"{f.data} {f.other}", f"{f.scene} {f.purpose}")
                   | written_constants(lexicon, f.purpose)) \
        if cell else sorted({p for p, _ in lexicon.permissions_in(f.permissions, weak=True, derive=True)})  # (a sentence's own clauses)
    # (a row's own text says what is not collected too: "a device-bound identifier (not the advertising ID)";
    # the prose extractor reads negation in its own sentences)
    # the data a row names: its data and method cells; its permissions' data only when those name none (a row whose
    # only column of what it gets lists permissions), not added to the data it names ("设备标识信息" beside "写入外部
    # 存储器": a permission it holds, no data of its own)
    named = " ".join(filter(None, (f.data, f.method)))
    found = lexicon.data_types_in(named, cell=cell, prose=cell) if cell and named.strip() else []
    if not found:
        found = lexicon.data_types_in(mapped, cell=cell, prose=cell)
    if not found and cell and not named.strip() and f.purpose:
        # no cell says what it collects, and its purpose lists data ("用途目的：读取IMEI、MAC地址后下发提醒"): those;
        # not one thing a feature handles ("把作品图片存进云端相册")
        listed = lexicon.data_types_in(f.purpose, cell=cell, prose=cell)
        found = listed if len({d for d, _ in listed}) >= MIN_PURPOSE_DATA else []
    data = in_data_order(d for d, _ in found)
    row_urls = urls(f.link) or hosts(f.link) or urls(" ".join((f.data, f.permissions, f.purpose, f.other, f.scene)))
    # (a sentence's packages are its SDK's only when written by its name: a paragraph naming several SDKs
    # lists the packages of them all, "友盟SDK（com.umeng）、腾讯广告SDK（com.qq.e.ads…）")
    own = " ".join((f.name, f.packages) if kind is ExtractorKind.PROSE else (f.name, f.packages, f.data, f.other))
    pkgs = tuple(dict.fromkeys(packages(own)))
    coords = tuple(coordinates(own))
    ev = Evidence(name=f.name, company=f.company, links=tuple(row_urls), packages=pkgs,
                  words=" ".join((f.name, f.purpose, f.scene)), hints=_hints(f.name, f.purpose), coordinates=coords,
                  shared=claim.listed)
    res = memo.get(ev) if memo is not None else None
    if not isinstance(res, Resolution):
        res = resolver.resolve(ev)
        if memo is not None:
            memo[ev] = res
    shown = f.company.strip().rstrip(_COMPANY_END) if _names_a_party(f.company, lexicon) else ""
    # (the cell still counts as evidence above; a sentence's end after it is no part of the name: "提供方：某某有限公司。",
    # an English one's full stop is, "Foo Co., Ltd.")
    name, company = (f.name, shown) if shown else bracketed_vendor(f.name, res.id, resolver)
    company = company or company_in_name(name)
    return SdkDisclosure(
        name=name, id=res.id, candidates=res.candidates if res.id is None else (), company=company,
        purpose=f.purpose, collected=clean_collected(f.data), data_types=data, permissions=tuple(perms),
        link=(policy_url(f.link) or row_urls[0]) if row_urls else "", kind=kind.shape, evidence=doc.span(claim.first, claim.last),
        extractor=kind.value, scene=f.scene, method=f.method, package_names=pkgs,
        resolved_by=res.how if res.id else "",
    )


def bracketed_vendor(name: str, sdk_id: str | None, resolver: Resolver) -> tuple[str, str]:
    """``(name, company)`` of a row whose name ends with its company in brackets ("Bugly (Tencent)", "Android Pay
    (Google Inc.)"): the bracket is the company when it is a registered company's name, or names the vendor of the
    very entry the row resolved to, or, for a row resolved to none, any vendor the catalog knows ("FCM Push
    (Google)"); a bracket naming a catalog product ("友盟（umeng）": the product's other name), another vendor, a
    platform, a package or a feature stays part of the name; else ``(name, "")``."""
    m = _TRAILING_ASIDE_RE.match(name)
    if m is None:
        return name, ""
    aside = m.group(2)
    if not packages(aside) and not urls(aside) and not _CODE_NAMES_RE.fullmatch(aside) \
            and not COMPONENT_WORD_RE.search(aside) and not resolver.lexicon.platform(aside) \
            and (company_like(aside) or resolver.names.resolve_exact(aside, family=False) is None
                 and (resolver.names_a_vendor(aside) if sdk_id is None else sdk_id in resolver.by_company(aside))):
        # (a bracket naming a component, "优量汇SDK（腾讯广告sdk）", or a product, "友盟（umeng）", "高德地图（AMap）", is
        # the product's other name, not its vendor; a platform, "Push (Android)", neither)
        return m.group(1).strip(), aside.strip()
    return name, ""


_NAMED_COMPANY_RE = re.compile(
    r"^\s*(?P<company>.{2,80}?(?:有限(?:责任)?公司|股份(?:有限)?公司|公司|集团|\b(?:Co\.?,?\s*Ltd|Ltd|Limited|Inc|LLC|"
    r"L\.L\.C|Corp|Corporation|GmbH|ApS|A/S|AB|Oy|PLC|Pte\.?\s*Ltd|S\.A|S\.p\.A|B\.V|N\.V|K\.K)\b\.?))"
    r"\s*(?:$|(?:SDK|插件|组件)\s*$|的|[,，]?\s*[(（]?\s*(?:dba|d/b/a|doing business as)\b)",
    re.IGNORECASE)
"""A row's name that is, or opens with, a registered company's name: the whole name ("MoPub, Inc.", "北京某某科技有限
公司"), the company before an SDK word ("某某科技有限公司SDK"), before "的" ("某某有限公司的“某某”SDK") or before the
brand it trades as ("Foo Media Ltd., dba Bar")."""
_NAMED_COMPANY_ASIDE_RE = re.compile(r"[（(]\s*([^（）()]{3,80}?)\s*[)）]")
"""A bracket inside a row's name, which may hold its company ("友盟（某某科技有限公司）SDK")."""


def company_in_name(name: str) -> str:
    """The registered company a row's name itself gives, when no cell of the row does: the name that is a
    company's, or opens with one (:data:`_NAMED_COMPANY_RE`), or a bracket in it that holds only a company's name
    ("极光SDK（某某信息技术有限公司）", "Facebook Analytics (Facebook, Inc.)"); "" for a name that gives none, and for
    a kind of party ("第三方物流公司") or words about one ("相关公司")."""
    inner = next((a.group(1) for a in _NAMED_COMPANY_ASIDE_RE.finditer(name) if _a_company(a.group(1))), None)
    if inner is not None:
        return inner.strip()
    m = _NAMED_COMPANY_RE.match(name)
    found = m.group("company").strip().rstrip(",，") if m else ""
    return found if found and _a_company(found) else ""


def _a_company(text: str) -> bool:
    """A registered company's name, not words about one ("相关公司") nor a kind of party ("第三方物流公司")."""
    return company_like(text) and not NOT_A_COMPANY_RE.search(text) and not _KIND_OF_PARTY_RE.search(text)


_CODE_NAMES_RE = re.compile(r"[a-z][\w\-]*(?:\.[\w\-]+)+(?:\s*[/、,，;；]\s*[a-z][\w\-]*(?:\.[\w\-]+)*)*\.?")
"""Code names in a bracket ("com.umeng/com.umeng.common"): the SDK's packages, never its vendor."""
_SEVERAL_RE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s|[、，]|以及|及|和|与)\s*")
"""Between the names of a row that names several products ("AdMob and Facebook Audience Network")."""


def each_named(claim: SdkClaim, names: NameIndex) -> list[SdkClaim]:
    """One claim per product when the row's name lists several (:func:`named_parts`); they share the row's
    other facts. Otherwise the claim itself."""
    parts = named_parts(claim.facts.name, names)
    if not parts:
        return [claim]
    return [replace(claim, facts=replace(claim.facts, name=p), listed=True) for p in parts]


def named_parts(name: str, names: NameIndex) -> list[str]:
    """The products a name lists ("AppLovin, AdColony and Vungle"; "Google AdSense and Google Ad Manager") when
    every part reads as a name, the whole is no catalog name, and at least two parts are catalog names or one
    is and every other is plainly a product's own name (:data:`_PRODUCT_FORM_RE`); else no part. Separators
    inside brackets part nothing ("Meta ads conversion tracking (Meta pixel) and Adjust" is two)."""
    # a list in brackets says what one product covers ("分享SDK（微博、QQ）"); "X / Y" is mostly one product
    # under two names, so a slash separates only the names of two different entries ("Firebase Analytics /
    # Crashlytics")
    if "/" not in name and not _SEVERAL_RE.search(name):
        return []  # (most names: one product)
    if _LISTED_ASIDE_RE.search(name):
        return []
    if "/" in name and not _SEVERAL_RE.search(name):
        slashed = [p.strip() for p in name.split("/")]
        ids = [names.resolve_exact(p) if p and name_like(p) else None for p in slashed]
        return slashed if len(slashed) >= 2 and all(ids) and len(set(ids)) == len(ids) else []
    blanked = _BRACKETED_RE.sub(lambda m: " " * len(m.group(0)), name)
    if not _SEVERAL_RE.search(blanked) or names.known(name):
        return []
    cuts = [0, *(x for m in _SEVERAL_RE.finditer(blanked) for x in m.span()), len(name)]
    parts = [name[cuts[k]:cuts[k + 1]].strip() for k in range(0, len(cuts), 2)]
    if len(parts) < 2 or not all(p and name_like(p) for p in parts):
        return []
    known = [names.known(_BRACKETED_RE.sub("", p).strip()) for p in parts]
    enumerated = all(m.group(0).strip() in ("、", "，") for m in _SEVERAL_RE.finditer(blanked))
    if sum(known) >= 2 or (sum(known) == 1 and all(k or _PRODUCT_FORM_RE.match(p) or (enumerated and _ZH_PRODUCT_FORM_RE.match(p))
                                                   for k, p in zip(known, parts))):
        return parts
    return []


_LISTED_ASIDE_RE = re.compile(r"[(（\[【][^)）\]】]*(?:[,、，]|\sand\s|和|及|以及|与)[^)）\]】]*[)）\]】]|^[^(（\[【]*[)）\]】]"
                              r"|[(（\[【][^)）\]】]*$")
"""A bracket listing what one product covers ("分享SDK（微博、QQ）"), or a bracket left open or never opened."""
_BRACKETED_RE = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_PRODUCT_FORM_RE = re.compile(r"^(?:[A-Z][A-Za-z0-9.+-]*(?: [A-Z0-9][A-Za-z0-9.+-]*){1,4}|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)"
                              r"(?:\s*\([^)]*\))?$")
"""A Latin product name as written: two to five words each opening with a capital or a digit, or one word in
CamelCase, an aside in brackets at most ("Google AdSense", "HyphenateLite SDK", "Firebase Cloud Messaging"; not
"Share", which names what the product before it does)."""
_ZH_PRODUCT_FORM_RE = re.compile(r"^[\u3400-\u9fff]{3}[\u3400-\u9fffA-Za-z0-9]{0,13}\s?SDK$")
"""A Chinese product name as written in a list parted by "、": three Chinese characters or more and the SDK word
("某某联运SDK"; not "支付SDK", a kind; not "时通讯SDK" of "环信及时通讯SDK", where "及" is no separator)."""


def row_permissions(lexicon: Lexicon, permission_text: str, data_text: str, use_text: str = "") -> set[str]:
    """Permissions of a row: everything its permission cell names; from its data text, the phrases that use
    a permission ("读取外部存储", "定位权限"), or everything when the data text is itself mostly a list of
    permission uses (seed-002-style "Range of PI collected: Use Bluetooth, read external memory cards…"); without a
    permission cell, also those its use (``use_text``: scene, purpose) says it asks for ("使用场景：申请相册权限")."""
    found = lexicon.permissions_in(_labels_of_uses(lexicon, permission_text), weak=True, derive=True)
    perms = {p for p, _ in found}
    if any(phrase.startswith("android.permission.") for _, phrase in found):
        return perms  # a cell of full constants says exactly which: the data text adds none
    data_text = _STATE_NOTE_RE.sub(" ", data_text)  # "通知栏状态（如通知栏权限）": a state read, not a permission used
    every = [h for h in lexicon.find(data_text, weak=True) if h.permissions or h.data_types]
    uses = [h for h in lexicon.find(data_text, weak=False) if h.permissions and h.verbal]
    chosen = every if uses and len(uses) * 2 >= len(every) else uses
    if not permission_text.strip():  # no permission cell: the data text's clauses that say which permissions it needs
        perms |= {p for p, _ in lexicon.permissions_in(_asked_permissions(f"{data_text} {use_text}"), weak=True)}
    return perms | {p for h in chosen for p in h.permissions}


_ASKED_RE = re.compile(r"(?:需要|需|申请|调用|获取|使用|开启|授权|请求)[^，。；;,]{0,30}?权限|\b(?:requires?|requests?|uses?|needs?)\b"
                       r"[^,.;]{0,60}?\bpermissions?\b", re.IGNORECASE)
"""A clause saying the SDK asks for permissions ("需要打开【相机】和【存储】权限", "requires the camera permission")."""


def _asked_permissions(text: str) -> str:
    """What the clauses of a text that say it asks for permissions name between the verb and the permission word
    (:data:`_ASKED_RE`: "需要打开【相机】和【存储】权限"), none from a clause that says it asks for none; not what a
    list after the permission word names ("需要读取的设备权限有：设备标识（IMEI）、网络状态", data as much as permissions)."""
    if "权限" not in text and "ermission" not in text:
        return ""
    return "；".join(asked.group(0) for m in CLAUSE_RE.finditer(text) if not NOT_ASKED_RE.search(m.group(0))
                    for asked in _ASKED_RE.finditer(m.group(0)))


def _labels_of_uses(lexicon: Lexicon, text: str) -> str:
    """A permission cell that lists its permissions each with its use ("1）访问WIFI状态：优化网络连接；2）获取位置：实现
    区域推送的功能"), every label naming a permission or the data one guards ("读取剪切板"): the labels only, where the
    permissions are named (the words of a use, "区域推送", name none); any other cell as it is. Constants written in
    a use still count."""
    parts = [p for p in _USE_SPLIT_RE.split(text) if p.strip()]
    pairs = [p.split("：", 1) if "：" in p else p.split(":", 1) for p in parts]
    labelled = [pair for pair in pairs if len(pair) == 2 and not pair[0].rstrip().endswith(("http", "https"))]
    if len(labelled) < 2 or len(labelled) < len(pairs) or \
            not all(lexicon.find(label, weak=True) for label, _ in labelled):
        return text
    constants = " ".join(m.group(0) for _, use in labelled for m in _CONSTANT_RE.finditer(use))
    return "；".join(label for label, _ in labelled) + (f"；{constants}" if constants else "")


_USE_SPLIT_RE = re.compile(r"[\n；;]+|\s+(?=[(（]?\d{1,2}[)）.、])")
"""Where a cell's permission items part: line ends, semicolons, an item's number after a blank ("… 2）获取位置：…")."""
_CONSTANT_RE = re.compile(r"(?:android\.permission\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
"""A permission constant written in a use ("…：用于统计 ACCESS_WIFI_STATE"), which still counts."""


def written_constants(lexicon: Lexicon, text: str) -> set[str]:
    """The permissions ``text`` names by their constants written out ("用于统计 android.permission.INTERNET：…" in a
    row's purpose): what the row says it uses, whichever cell says it."""
    if "android.permission." not in text:
        return set()
    return {p for p, phrase in lexicon.permissions_in(text, weak=False) if phrase.startswith("android.permission.")}


def _hints(name: str, purpose: str) -> tuple[str, ...]:
    """Names a login or sharing platform goes by ("Google" read for login -> "Google Sign-In")."""
    if purpose == "third-party login":
        return tuple(name + s for s in (" Login", " Sign-In", " Account Login", "登录"))
    if purpose == "sharing":
        return (name + " Share",)
    return ()


def scene_permissions(doc: Document, claim: SceneClaim, lexicon: Lexicon,
                      memo: dict[tuple[str, bool, str, str], list[tuple[str, str]]] | None = None) -> list[PermissionDisclosure]:
    """The permissions of one scene row; ``memo``: this read's results by permission text (a long policy
    repeats its rows)."""
    key = (claim.permissions, claim.sentence, claim.scene, claim.description)
    found = memo.get(key) if memo is not None else None
    if found is None:
        found = claim_permissions(claim, lexicon)
        if memo is not None:
            memo[key] = found
    span = doc.span(claim.first, claim.last)
    return [PermissionDisclosure(perm, claim.scene, claim.description, phrase, span) for perm, phrase in found]


def claim_permissions(claim: SceneClaim, lexicon: Lexicon) -> list[tuple[str, str]]:
    """A scene row's permissions: everything a permission cell or label names; in a sentence, only the
    phrases that use a permission (weak words next to a cue), never in a negated sentence. A row whose permission
    is iOS's (its key "NSCameraUsageDescription" written beside the label) asks no Android permission."""
    if _IOS_KEY_RE.search(claim.permissions) and not _ANDROID_CONSTANT_RE.search(claim.permissions):
        return []
    if claim.sentence:
        cue = lexicon.has_cue(fold(claim.permissions))
        return _dialled(claim, lexicon.permissions_in(claim.permissions, prose=True, verbal=not cue), claim.permissions)
    return _dialled(claim, _as_written(fold(claim.permissions),
                                       lexicon.permissions_in(claim.permissions, weak=True, derive=True), lexicon))


_CONSTANT_PHRASE_RE = re.compile(r"(?:[a-z0-9_]+\.)*permission\.[a-z0-9_]+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
"""A permission found by its constant as written ("android.permission.access_network_state", "read_phone_state";
folded to lower case)."""
_LABEL_BY_CONSTANT_RE = re.compile(r"\s*[:：(（]?\s*(?:(?:[a-z0-9_]+\.)*permission\.[a-z0-9_]+|[a-z][a-z0-9]*_[a-z0-9_]+)")
"""What follows a label that a constant stands right after (a colon or bracket between them at most)."""
_CONSTANT_BY_LABEL_RE = re.compile(r"(?:permission\.[a-z0-9_]+|[a-z][a-z0-9]*_[a-z0-9_]+)\s*[:：(（]?\s*$")
"""What precedes a label that stands right after a constant ("CHANGE_NETWORK_STATE（网络权限"; folded)."""


def _as_written(text: str, found: list[tuple[str, str]], lexicon: Lexicon) -> list[tuple[str, str]]:
    """The permissions of a permission cell or label: where a label stands right beside a known constant ("网络权限
    android.permission.ACCESS_NETWORK_STATE", "CHANGE_NETWORK_STATE（网络权限）"), the constant says which
    permission the row asks for and the label only what kind it is (its "网络权限" names no INTERNET here); a
    permission whose own constant is written stays, whichever words found it."""
    if not any(_CONSTANT_PHRASE_RE.fullmatch(phrase) and permission in lexicon.constants for permission, phrase in found):
        return found  # (no known constant: "android.permission.ACCESS_CO ARSE_LOCATION" leaves the label its say)
    kept = []
    for permission, phrase in found:
        at = text.find(phrase)
        beside = at >= 0 and not _CONSTANT_PHRASE_RE.fullmatch(phrase) and (
            _LABEL_BY_CONSTANT_RE.match(text, at + len(phrase)) or _CONSTANT_BY_LABEL_RE.search(text, 0, at))
        if not beside or permission.rsplit(".", 1)[-1].casefold() in text:
            kept.append((permission, phrase))
    return kept


_FIRST_CLAUSE_RE = re.compile(r"[，,。；;：:]")
"""What ends a sentence's first clause, the one that says whose the sentence is (:func:`scenes`)."""
_IOS_KEY_RE = re.compile(r"\bNS[A-Za-z]{2,40}UsageDescription\b")
"""The Info.plist key of an iOS permission ("NSLocationWhenInUseUsageDescription")."""
_ANDROID_CONSTANT_RE = re.compile(r"\bpermission\.[A-Z_]{3,}")
"""An Android permission's constant ("android.permission.CAMERA"), which makes a row Android's whatever else it names."""


_PHONE_ONLY_RE = re.compile(r"^(?:电话|电话权限|拨打电话权限?)$")
_DIAL_RE = re.compile(r"拨打|拨号|呼叫|(?<!接)打电话|致电")
_PHONE_STATE_USE_RE = re.compile(r"识别|设备|标识|状态|imei|号码认证|本机号码", re.IGNORECASE)
_CALL_PHONE = "android.permission.CALL_PHONE"
_READ_PHONE_STATE = "android.permission.READ_PHONE_STATE"


def _dialled(claim: SceneClaim, found: list[tuple[str, str]], sentence: str = "") -> list[tuple[str, str]]:
    """A row labelled only "电话权限" whose use is dialling ("电话权限：用于拨打客服热线"; in a sentence, "使用您的电话权限，
    以便您直接拨打客服电话") asks to place calls (CALL_PHONE), not only to read the phone's state; both when the use
    names the device's identity too."""
    text = f"{claim.scene} {claim.description} {sentence}"
    if not _DIAL_RE.search(text) or any(p == _CALL_PHONE for p, _ in found):
        return found
    phone = [(p, phrase) for p, phrase in found if p == _READ_PHONE_STATE and _PHONE_ONLY_RE.match(fold(phrase))]
    if not phone:
        return found
    kept = found if _PHONE_STATE_USE_RE.search(text) else [f for f in found if f not in phone]
    return kept + [(_CALL_PHONE, phone[0][1])]


_REFUSAL_RE = re.compile(
    r"[。；;.!！，,]\s*(?:但\s*)?(?:若|如果|如|倘若|假如|一旦|当)?\s*(?:您|你|用户)?\s*(?:拒绝|不同意|不授权|不授予|未授权|未授予|"
    r"关闭|不开启|不允许|撤回|禁止)"
    r"|[.;,]\s*(?:but\s+)?if\s+(?:you|the user)\s+(?:deny|denies|refuse|refuses|decline|declines|do not|don't|does not|"
    r"disable|disables|turn off|turns off|revoke|revokes|reject|rejects)\b", re.IGNORECASE)
"""Where a scene goes on to say what refusing the permission costs ("…新题库。若用户拒绝提供定位信息，…", "…; if you deny
it, …"): what follows is no part of the scene."""
MIN_SCENE = 2
MAX_PLAIN_SCENE = 40
_MARKED_FEATURE_RE = re.compile(r"【([^【】]{2,40})】")


_SERVICE_OF_RE = re.compile(r"^(?:\d{1,2}\s*[.、)）]\s*|[(（]\d{1,2}[)）]\s*)?基于.{1,24}?的(?:相关)?(?:附加|扩展|额外)?(?:业务)?"
                            r"(?:服务|功能)$")
"""A scene label naming only the permission a service rests on ("基于位置信息的附加服务", "基于麦克风的语音技术相关附加服务",
"基于设备存储权限的附加业务功能")."""
_GRANT_RE = re.compile(r"权限|授权|permission", re.IGNORECASE)
_WHOLE_APP_RE = re.compile(r"^(?:首次|初次)?(?:使用|运行|启动|打开|登录|安装|下载|进入)\s*[^，,、；;中内里]{0,20}?"
                           r"(?:APP|App|app|应用|软件|客户端|程序|产品|平台|服务)$|^(?:首次|初次)?(?:安装|启动)[^，,、；;中内里的]{0,10}$"
                           r"|^\s*(?:use|run|open|launch|install)\s+(?:the|our|this)\s+(?:app|application|service)s?$",
                           re.IGNORECASE)
"""The moment of using, running or installing the app as a whole ("运行安卓版APP", "安装黑岩阅读", "使用中正服务"), not
of one of its functions ("使用本应用中的在线聊天服务")."""


def _names_a_use(moment_text: str) -> bool:
    """Whether the moment a permission item's text opens with names a use of the app: not one about the grant itself
    ("如您同意开启此项权限后", "取消该授权后"), nor a condition after something ("注销帐户后"), nor the whole app
    ("运行安卓版APP", "使用中正服务"), nor more than one sentence."""
    text = moment_text.strip()
    return bool(text) and not _GRANT_RE.search(text) and not re.search(r"[。！？!?]", text) \
        and not text.endswith(("后", "之后")) and not _WHOLE_APP_RE.match(text)


_MOMENT_OPENING_RE = re.compile(rf"^\s*(?:{WHEN_OPENERS}|当你|when(?:ever)? you\b)", re.IGNORECASE)
"""A permission item's text that opens with the moment the user acts (:data:`~auditor.policy.text.WHEN`)."""
_DEFINITION_OPENING_RE = re.compile(r"^\s*(?:允许(?!后|之后|我们|您|你|用户)|allows?\s+(?!us\b|you\b))", re.IGNORECASE)
_THIS_PERMISSION_RE = re.compile(r"^\s*(?:this|these|the)\s+permissions?\s+(?:allows?|lets?|enables?|(?:is|are)\s+"
                                 r"(?:only\s+)?used)\b|^\s*(?:该|此|这些?)权限(?:用于|允许|可以|可)", re.IGNORECASE)
"""A permission item's text that says what the permission lets the app do ("This permission allows the app to add
widgets…", "该权限用于…"): the use it gives is the scene, the label only says which permission."""
_CELLS_JOINED_RE = re.compile(r"[\u3400-\u9fff]\s+[\u3400-\u9fff]")
"""Two cells of a row joined by a blank ("允许振动 新消息提醒"): the label, then the use."""


_SUMMARY_SCENE_RE = re.compile(r"(?:上述|前述|以上|这些|该等|此类)(?:的)?(?:附加|扩展|额外|各项|相关)?(?:功能|服务|权限|业务)"
                               r"|\b(?:these|those|the above|the aforementioned|all of these)\s+(?:features|functions|services|"
                               r"permissions)\b", re.IGNORECASE)
"""A scene that points back at several uses said before ("上述附加服务可能需要…", "这些功能所涉及的信息的收集和使用"):
no use of its own."""


_USE_TITLE_RE = re.compile(r"^\s*(?:使用)?(?:目的|用途|场景|功能)|^\s*用于\s*$|^\s*(?:purpose|use)s?\s*$", re.IGNORECASE)
"""What a bracket opens with when it gives the use ("相机权限（目的：扫描会员码）")."""
_EXAMPLES_RE = re.compile(r"^\s*(?:如|例如|比如|包括|含|诸如|e\.g\.|such as|including|for example)", re.IGNORECASE)
"""What a bracket opens with when it gives examples of what comes before it ("（如订单提醒、签到等服务"): no use."""
_FEATURE_END_RE = re.compile(r"(?:功能|服务|业务|场景|模块)(?:时|中)?\s*$")
"""The end of a bracket's words that name a feature ("读取日历(到期提醒等功能需要)")."""


def _closed(name: str, descs: list[str]) -> tuple[str, list[str]]:
    """A scene's name cut inside a bracket ("…相机权限（目的" with "扫描会员码时使用）" the rest; "读取日历(到期提醒等功能",
    cut where "需要" followed; "…读取您的步数（"), made whole: the use its bracket gives is the scene and the words
    before it describe it; a bracket of anything else ("（例如", "（基站、WLAN") is left out of the name."""
    cut = max(name.rfind("("), name.rfind("（"))
    before, inside = name[:cut].strip(" ，,：:"), name[cut + 1:].strip()
    if _USE_TITLE_RE.match(inside) and descs:
        use = descs[0].strip()
        depth = 0
        for k, c in enumerate(use):  # the bracket the name opened closes at the first close left unmatched
            depth += (c in "(（") - (c in ")）")
            if depth < 0:
                use = use[:k].strip()
                break
        return use, ([before] if before else []) + descs[1:]
    if width(inside) >= 4 and _FEATURE_END_RE.search(inside) and not _EXAMPLES_RE.match(inside) \
            and not _USE_TITLE_RE.match(inside):
        return inside, ([before] if before else []) + descs
    return (before, descs) if len(before) >= MIN_SCENE else (name, descs)


def _definition(text: str) -> bool:
    """Whether ``text`` opens as the system's words for a permission ("允许应用控制振动器", "Allows the app to…"),
    not two cells of a row joined by a blank."""
    return bool(_DEFINITION_OPENING_RE.match(text)) and not _CELLS_JOINED_RE.search(text)


_CONTROLS_RE = re.compile(
    r"[。；;.!！，,]\s*(?:但\s*)?(?:(?:如果|若|如)(?:您|你)?不需要[^。；;，,]{0,20}[，,]\s*)?(?:(?:您|你|用户)(?:也|还)?)?"
    r"(?:可以|可|能够|能)(?:随时)?(?:在|进入|通过|前往|于)[^。；;]{0,80}?(?:关闭|禁止|撤回|取消)")
"""Where a description goes on to say how to turn the permission off ("…扫描二维码，您也可以随时进入“设置”-“应用管理”-“权限”
禁止此权限"): no part of what the permission is for."""


def _before(text: str, *patterns: re.Pattern[str]) -> str:
    """``text`` up to the first place any of ``patterns`` matches, when at least :data:`MIN_SCENE` characters come
    before it; else ``text``."""
    cut = min((m.start() for m in (p.search(text) for p in patterns) if m), default=len(text))
    return text[:cut].strip() if len(text[:cut].strip()) >= MIN_SCENE else text


def _without_controls(description: str) -> str:
    """``description`` up to the words on refusing the permission or turning it off (:data:`_REFUSAL_RE`,
    :data:`_CONTROLS_RE`), when some words come before."""
    return _before(description, _REFUSAL_RE, _CONTROLS_RE)


def without_refusal(scene: str) -> str:
    """``scene`` up to the words on refusing its permission (:data:`_REFUSAL_RE`), when some words come before;
    a long sentence that marks the features it serves in 【】 ("…此项功能将用于【语音测评】和【绘本录制】功能…") is
    those features."""
    scene = _before(scene, _REFUSAL_RE)
    marked = _MARKED_FEATURE_RE.findall(scene) if width(scene) > MAX_PLAIN_SCENE else []
    return "、".join(dict.fromkeys(f.strip() for f in marked if f.strip())) or scene


def scenes(doc: Document, claims: list[SceneClaim], lexicon: Lexicon) -> tuple[Scene, ...]:
    """Scenes in policy order; rows of one scene (a merged scene cell, a repeated section) are one scene."""
    groups: dict[tuple[str, str], list[SceneClaim]] = {}
    for claim in claims:
        if not claim.scene and not claim.description:
            continue  # a permission named without a scene: a PermissionDisclosure only
        if (claim.sentence or claim.scene.strip() == claim.permissions.strip()) \
                and SDK_RE.search(_FIRST_CLAUSE_RE.split(claim.permissions.strip(), 1)[0]):
            continue  # "我们使用了“友盟”的SDK，功能是…，使用到的权限是…": a sentence (or an item read whole as its scene)
            # on what an SDK asks for, not a scene of the app's own (its permissions stay disclosed)
        key = (claim.scene, claim.description) if not claim.scene else (claim.scene, "")
        groups.setdefault(key, []).append(claim)
    out = []
    for members in groups.values():
        texts = {(m.permissions, m.sentence): m for m in members}  # rows repeated say the same once
        perms = sorted({p for m in texts.values() for p, _ in claim_permissions(m, lexicon)})
        if not perms:
            continue
        name = members[0].scene or members[0].description  # no scene given: its description names it
        if ANSWER_RE.match(name):
            # "是" / "否": a yes-or-no cell read where the scene's should be (a row of a flattened table read out of
            # step) names no scene; the permissions stay disclosed
            continue
        if _SUMMARY_SCENE_RE.search(name):
            continue  # "…开启位置、相机、麦克风…的访问权限，以实现这些权限所涉及信息的收集和使用": a summary of the
            # uses said before, each under its own scene; the permissions stay disclosed
        descs = [d for d in dict.fromkeys(m.description for m in members if m.description) if d != name]
        if _definition(name):
            # "允许应用拍摄照片和视频" (the system's words for a permission): when the words go on to say the app's use
            # of it ("允许App读取存储中的图片，主要用于修改头像"), that use is the scene; else the words stay the scene
            # (a list of the permissions asked for, each with what it lets the app do, states the permission and its
            # use as the policy words it: "振动权限：允许设备振动")
            use = purpose_of(name)
            if use:
                name, descs = use, [name] + descs
        if SDK_WORD_END_RE.search(name.strip()):
            continue  # "推送类SDK：我们的App产品使用了小米推送SDK…": an item on SDKs, whose rows say what they ask for
        when = moment(descs[0]) if descs and _MOMENT_OPENING_RE.match(descs[0]) else ""
        opens_moment = _names_a_use(when)  # (False when there is no moment)
        if descs and (_SERVICE_OF_RE.match(name.strip()) or (
                (_DEFINITION_OPENING_RE.match(descs[0]) or _THIS_PERMISSION_RE.match(descs[0]) or opens_moment)
                and lexicon.only_permission(name))):
            # "基于相机/摄像头的附加服务：您可在开启相机权限后使用该功能扫码…", "存储：允许App读取存储中的图片，主要用于
            # 更换头像": the label says only which permission; the use its text gives is the scene (the label stays
            # the description); text that is only the system's words for it ("振动：允许应用控制振动器") leaves the
            # label the scene and the words its description; text that opens with the moment the user acts ("麦克风
            # 权限：当您使用联系客服功能…时") has it as the scene
            if opens_moment:
                # the moment is the scene; its label and what the text says it is for describe it (the whole text
                # stays the evidence)
                purpose = stated_purpose(descs[0])
                name, descs = when, [name] + ([purpose] if purpose else []) + descs[1:]
            else:
                use = stated_purpose(descs[0]) or moment(descs[0])
                if use and lexicon.restates_permission(use):
                    # "These permissions allow the app to read and write to the USB storage, so we can keep …": the
                    # use is the purpose after the one that says the permission again
                    use = stated_purpose(descs[0], descs[0].find(use) + len(use)) or use
                if use:
                    name, descs = use, [name] + descs
        if unbalanced(name):
            name, descs = _closed(name, descs)
        first = min(m.first for m in members)
        last = max(m.last for m in members)
        # (what a description says on turning the permission off is no part of it: read for the scene above, left
        # out of what is shown)
        shown = dict.fromkeys(_without_controls(d) for d in descs)
        out.append(Scene(name, "; ".join(shown), tuple(perms), doc.span(first, last)))
    return tuple(sorted(out, key=lambda s: s.evidence.line_start))
