"""Text helpers shared by the extractors: links, headings, cell continuation, names, companies, packages."""

from __future__ import annotations

import re
import unicodedata

from auditor.policy.memo import short_text_cache
from auditor.policy.zh_t2s import T2S

CJK_RE = re.compile(r"[\u3400-\u9fff]")
"""A Chinese character (CJK Unified Ideographs and Extension A)."""
_URL_CHAR = r"[^\s<>\"'，。；）)\]|\u00b7\u2022\u3000-\u303f\uff01-\uff0f\uff1a-\uff20h]"
_PAGE_END = r"(?!(?<=\.html)[a-z])(?!(?<=\.php)[a-z])(?!(?<=\.jsp)[a-z])"
"""No letter right after a page's extension: "…/privacy.htmlQQ（…）" is an address and the next item's name. (Each
test is a lookahead of its own, never an alternation: two ways to match one character would make a failing match of
a long address try every combination of them.)"""
_LABEL_AHEAD = r"(?![\u3400-\u9fff]{1,16}\s?[:：]\s?(?:https?://|www\.))"
"""Not the start of a Chinese label of another address run into this one ("…/doc#id=1234隐私协议链接:https://…",
"…map.example.com隐私协议链接:https://…": one cell of two labelled links). (A lookahead of its own; at most 16
characters, so it costs at most that much per character of an address.)"""
URL_ASCII_CHARS = r"A-Za-z0-9\-._~:/?#@!$&'()*+,;=%"
"""The characters an address is written with in plain ASCII, for a character class: a piece of one alone on a line
(:mod:`auditor.policy.loader`, :mod:`auditor.policy.extractors.flat_table`)."""
_HOST_CHAR = _URL_CHAR[:-1] + "/]"
"""A character of an address's site: any of :data:`_URL_CHAR` but the slash that ends the site."""
_ADDRESS_CHAR = r"(?:" + _PAGE_END + _LABEL_AHEAD + r"(?:" + _URL_CHAR + r"|h(?!ttps?://)|(?<![a-z0-9])h))"
URL_RE = re.compile(r"(?:https?://|www\.)(?:(?:" + _LABEL_AHEAD + _HOST_CHAR + r"|h(?!ttps?://)|(?<![a-z0-9])h)+"
                    r"(?:/(?:(?![\u3400-\u9fff])" + _ADDRESS_CHAR + r"+)?)?|(?=/)" + _ADDRESS_CHAR + r"+)", re.IGNORECASE)
"""An address as written; full-width punctuation or a list bullet right after it ends it ("…/privacy/】了解", "…/policy。",
"…/v2/·极光推送"), Chinese words do not (a page's path may be Chinese: "…/QQ互联SDK隐私保护声明"), except right after the
host's slash, where they are the next cell's words run into a bare site ("https://www.example.com/数据统计": on 3,000
crawl pages 114 of 14,906 addresses are so written; the 40 read by hand were all the next cell's words); nor does an address given as a parameter
("…?url=https://…"); another address run into its last word does ("…/sdk-data-security-00012
https://developer.huawei.com/…", one cell of two links that lost the break between them). (The site is read up to its
first slash and the path after it, so the split adds no second way to match a character.)"""
LETTER_BULLETS = "lØü"
"""Letters a Word document's Wingdings bullets become when the font is lost as it is saved as text ("l" for ●, "Ø"
for ➢, "ü" for ✓; the private-use characters of :data:`auditor.policy.loader._GLYPH_BULLETS` where the font is
kept)."""
def number_style(marker: str) -> str:
    """How a list's number is written, the number aside ("（18）" -> "（）", "2.3.1" -> "..")."""
    return re.sub(r"\d+", "", marker)


TERM_DEFINITION_RE = re.compile(r"\s*(?:是指|指|系指)")
"""A label's value that defines a term of the policy ("服务提供者：指…", "关联公司：是指…"): a glossary's, no record's."""
URL_ONLY_RE = re.compile(r"^\s*[<(\[]?(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
LABELLED_URL_RE = re.compile(r"^\s*([^:：，。,;；]{1,40}?)\s*[:：]\s*(" + URL_RE.pattern + r")\s*$", re.IGNORECASE)
"""A line or item of one address after a short label ("官网：https://…", "AdColony: https://…"): the label, the address."""
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def link_text(text: str) -> str:
    """``text`` with each Markdown link as the words it shows ("[INTERNET](https://…)" -> "INTERNET")."""
    return _MD_LINK_RE.sub(lambda m: m.group(1), text) if "](" in text else text


HEADING_RE = re.compile(
    r"^\s*(?:[(（]\s*(?:[IVXLC]{1,5}|[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]"
    r"|(?:[IVXLC]{1,5}|[一二三四五六七八九十]{1,3})\s*[.、．](?!\w*\.)"
    r"|第[一二三四五六七八九十\d]{1,3}[章节条部分]|#{1,6}\s)"
)
OUTLINE_NUMBER_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})[.、．]?\s*[^\W\d_]")
"""A section number of two to four levels opening a line, its words written against it or not ("3.1.8百度语音识别",
"1.5业务功能五：…", "2.1 Firebase")."""

CIRCLED = "[①-⑳㉑-㉟㊱-㊿]"
"""A circled numeral marking an item ("①", "㉑", "㊿"): the characters :func:`circled_number` counts."""


def circled_number(mark: str) -> int:
    """The number a circled numeral stands for ("①" 1, "⑳" 20, "㉑" 21, "㊿" 50); 0 for any other character."""
    c = ord(mark[0]) if mark else 0
    for low, high, first in ((0x2460, 0x2473, 1), (0x3251, 0x325F, 21), (0x32B1, 0x32BF, 36)):
        if low <= c <= high:
            return c - low + first
    return 0


_NUMBERED_TITLE_RE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.、．]?\s+(?!(?:years?|months?|weeks?|days?|hours?|minutes?|"
                                r"seconds?|[kmg]b|个月|年|天|小时|分钟)\b)\S", re.IGNORECASE)
"""A short numbered title ("3 Third-party SDKs", "2.1 信息共享"), not a quantity ("6 months", a cookie's lifetime)."""
_CONT_END_RE = re.compile(
    r"(?:[,，、;；/\-–(（]|(?<=\s)(?:and|or|of|the|to|with|for|in|a|an|by|on|at|from|as)|和|及|与|或|以及)$",
    re.IGNORECASE,
)
TERMINAL = (".", "。", ":", "：", "!", "?", "！", "？", ";", "；")
_BOILERPLATE_RE = re.compile(
    r"for more information,?\s*(?:please\s+)?(?:visit|see|refer to)\s*:?|更多信息请(?:访问|查看|参见)[:：]?|详见[:：]?"
    r"|隐私政策链接[:：]?|隐私政策[:：]|privacy policy\s*:",
    re.IGNORECASE,
)
COMPANY_RE = re.compile(
    r"(?:有限(?:责任)?公司|股份公司|有限公司|集团|公司|研究院)\s*(?:[（(][^）)]*[）)])?\s*$"
    r"|(?:\b(?:co\.?,?\s*ltd|ltd|limited|inc|llc|l\.l\.c|corp|corporation|gmbh|s\.?a\.?r?\.?l?|b\.v|pte|ag|"
    r"oy|ab|a/s|aps|plc|s\.p\.a|k\.k|n\.v|company|technologies|technology)\b\.?)\s*(?:[（(][^）)]*[）)])?\s*$",
    re.IGNORECASE,
)
COMPANY_CUE_RE = re.compile(
    r"(?:\bfrom|\bby|\bof|provided by|operated by|offered by)\s+(?:the\s+)?((?:[A-Z]|[a-z](?=[A-Z]))[\w&.,'!@ -]{1,80}?"
    r"(?:Limited|Ltd\.?|LLC|Inc\.?|GmbH|Corporation|Corp\.?|B\.V\.?|N\.V\.?|S\.A\.?|AG|ApS|A/S|Oy|PLC|"
    r"Pte\.? Ltd\.?|Co\.,? Ltd\.?)(?![A-Za-z]))"
    r"|由\s*[“\"]?([^”\"，。,]{2,60}?(?:有限公司|公司))[”\"]?\s*(?:提供|开发|运营)"
    r"|第三方\s*[（(]\s*([^（）()，,]{2,60}?(?:有限公司|公司))\s*[，,、]?\s*(?:以下(?:简)?称|下称)"
    r"|(?:SDK|sdk|的)(?:提供方|提供商)\s*(?:为|是)?\s*[：:]?\s*([^，。,；;：:“”\"]{2,60}?(?:有限责任公司|有限公司|公司))"
)
"""A company named as the one behind something ("provided by X Ltd.", "provided by iMobile Inc. (Japan)",
"由某某有限公司提供"; a vendor's template clause "我们使用了第三方（某某有限公司，以下称“某某”）某某SDK服务")."""
REFUSAL_RE = re.compile(r"(?:\b(?:do|does|will|did)\s+not|\b(?:don't|doesn't|won't|never|cannot|can't)|\bunable to)\s*"
                        r"(?:request|ask for|need|require|use|access|collect|obtain|get)\b"
                        r"|(?:不会|不|未|无需|并不|从不|无法)(?:申请|请求|获取|使用|需要|调用|收集)", re.IGNORECASE)
"""Words saying the app does not (or cannot) ask for what follows ("We do not request", "asks for no network
permission", "我们不会申请", "在无法获取设备识别码的情况下"): a permission sentence or a list intro so worded
gives no scene. Not any negation: "未经您同意，我们不会开启以下权限" introduces what the app does ask for."""
WITHDRAWAL_RE = re.compile(r"^(?:[^,，;；。]{0,16}?)(?:撤回|撤销|收回|取消|关闭)[^,，;；。]{0,30}?(?:授权|权限|许可)"
                           r"|^(?:\w+\s+){0,6}?(?:revoke|withdraw|turn\s+off|disable)\b[^,;.]{0,40}?"
                           r"\b(?:permissions?|access|consent|authori[sz]ations?)\b"
                           r"|^(?:\w+\s+){0,6}?(?:control|manage|change|adjust)\b[^,;.]{0,40}?\b(?:permissions?|access)\b"
                           r"[^,;.]{0,50}?\bsettings\b", re.IGNORECASE)
"""A clause opening with the user's right to take a permission back ("可随时撤回位置、相册等授权", "You can revoke
these permissions at any time", "You can control location permissions in your device settings"): what the
user may do, not a use the app makes of the permission."""
WHEN_OPENERS = r"当您|在您|如您|您在|如果您|您如果|若您|您若"
"""The Chinese words that open the moment the user acts ("当您…时", "如果您…时"), for an alternation."""
WHEN = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\bwhen(?:ever)? you\s+(.{4,80}?)(?=[,.;]|$)",
    rf"(?:{WHEN_OPENERS})\s*(?:在\s*)?(.{{2,60}}?)(?<![即同及实随按准定临暂适平此那])时",
    # without 时, the clause closed where the app's own clause starts ("当您使用扫码功能，我们需要获取…")
    r"(?:当您|当你)\s*(.{2,60}?)[，,；;]\s*(?:我们|本应用|本软件)(?:将|会|需要|需|可能)",
))
"""The business scene of a permission sentence: the moment the user acts ("when you scan a QR code",
"当您使用扫一扫功能时", "您如果通过IM聊天使用拍照功能时"; not the 时 of a word, "即时", "同时"); the purpose clause is
its description, or the scene when the sentence names no moment."""


def moment(text: str) -> str:
    """The moment ``text`` says the user acts (:data:`WHEN`), or ""."""
    m = next((m for p in WHEN for m in [p.search(text)] if m), None)
    return m.group(1).strip(" ,，") if m else ""


PURPOSES = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^\s*to\s+(.{4,80}?),",
    r"\bfor the purposes? of\s+(.{4,120}?)(?=[,.;:]|\s+and\s+also\b|$)",
    r"\b(?:used|required|needed|necessary|requested)\s+(?:for|to)\s+(?:the\s+)?(.{4,120}?)(?=[,.;:(]|\s+and\s+also\b|$)",
    # where in the app it is used ("It is used in the Compass tab"; not "used in accordance with the law")
    r"\bused\s+in\s+(?!accordance|compliance|conjunction|combination|connection|order\b|(?:the\s+)?(?:same|ways?|manner)\b)"
    r"(?:the\s+)?(.{4,120}?)(?=[,.;:(]|\s+and\s+also\b|$)",
    r"(?<!ask )(?<!asks )(?<!request )\bfor\s+(?:the\s+)?(?!example|instance|more|details)(.{4,120}?)"
    r"(?=[,.;:(]|\s+and\s+also\b|$)",
    r"\b(?:in order to|so that|so (?:we|you|users?|it|the app) (?:can|could|may)|(?<!access )(?<!accesses )"
    r"(?<!access granted )to)\s+(.{4,120}?)(?=[,.;:]|\s+and\s+also\b|$)",
    # ("access to your photos, to provide photo editing": what the access is to is no purpose)
    r"(?:用于|用以|用来|以便|以方便|便于|(?<![可所加予难得足])以(?:保证|确保|帮助|实现|满足|完成)"
    r"|使(?:本|该)(?:软件|应用|App|APP|程序|产品)(?:可以|能够|可|能)?|(?<=权限)\s*(?:来|以)?"
    r"(?:帮助|帮)(?:您|你)|(?<=权限)[，,]\s*(?:来|以)?实现)\s*(.{2,60}?)(?=[，,。；;]|而|$)",  # the use, said after the permission ("…相机权限，用于扫码",
    # "…允许联网使本软件可以加载漫画")
    # before it, often only a courtesy ("为了给您带来更好的服务")
    r"(?:为了|为便于|为方便|为帮助(?:您|你)?|为实现|(?<![作成认视称因以])为(?=保障|保证|确保|向您|向你|给您|给你|满足|完成|使您|让您|提升|改善|优化))"
    r"\s*(.{2,60}?)(?=[，,。；;]|而|$)",
    r"(?:才能|才可以|才可|方可)(?:正常)?(?:使用)?\s*(.{2,60}?)(?=[，,。；;]|$)",  # what it enables ("需要相机权限才能使用扫码功能")
    # what enabling it lets one do ("在您开启相机权限后，您可以扫描二维码"; not "…后，您可以随时关闭")
    r"权限(?:后|之后)[^，,。；;]{0,80}[，,]\s*(?:您|你|我们)?(?:将)?(?:可以|能够|可(?!以))\s*(?!随时|在.{0,8}(?:关闭|撤回|取消))"
    r"(.{2,60}?)(?=[，,。；;]|$)",
    # what one can do once it is on, said right after it ("您可在开启相册权限后上传您的照片", "您可以在开启相机、相册
    # 权限后使用该功能以实现头像上传"): the words up to the clause's end, less "使用该功能"
    r"(?:可|可以|能|能够)\s*(?:在|于)?\s*(?:您|你)?\s*(?:同意)?\s*(?:开启|打开|授权|允许|授予)[^，,。；;]{1,30}?权限"
    r"(?:后|之后)\s*(?:使用(?:该|此|这[个项]?)(?:功能|权限)\s*)?(?:以|来)?\s*(?!随时|在.{0,8}(?:关闭|撤回|取消))"
    r"(.{2,60}?)(?=[，,。；;]|$)",
    # what allowing it lets one do ("若您同意我们获得此权限，那么您就能在相册里挑选照片")
    r"(?:若|如果|如)(?:您|你)(?:同意|允许|授权)[^，,。；;]{0,40}[，,]\s*(?:那么|则)?\s*(?:您|你)?(?:就|便)?(?:能够|能(?!够)|可以)"
    r"\s*(?!随时|在.{0,8}(?:关闭|撤回|取消))(.{2,60}?)(?=[，,。；;]|$)",
    r"^\s*(?:[“\"「][^”\"」]{1,20}[”\"」](?!功能|服务|时))?(?!我们(?:需要|需|会|将))(?:我们)?(?:在)?(.{2,20}?)(?:时)?"
    r"(?:需要|需|会申请|将申请|会请求)",  # (a quoted name opening it is the app's: "“某App”扫码功能需要…")
))
"""What a clause says something is for, the words in group 1 (Traditional Chinese read after T2S)."""


def purpose_of(sentence: str) -> str:
    """What a sentence says something is for ("为了提供定位服务" -> "提供定位服务"), "" when it says nothing so."""
    m = purpose_match(sentence.translate(T2S))
    return sentence[m.start(1):m.end(1)].strip(" ,，") if m else ""


def stated_purpose(sentence: str, pos: int = 0) -> str:
    """:func:`purpose_of` by the patterns that mark a purpose with its own words ("用于…", "为了…", "以便…"), not
    by what merely comes before "需要" (a label's text: "用来判断是否需要展示广告" is no purpose "用来判断是否")."""
    simple = sentence.translate(T2S)
    m = next((m for p in PURPOSES[:-1] for m in [p.search(simple, pos)] if m), None)
    return sentence[m.start(1):m.end(1)].strip(" ,，") if m else ""


def purpose_match(simple: str, pos: int = 0) -> re.Match[str] | None:
    """The first match of :data:`PURPOSES` (in their order) in ``simple`` (T2S already) from ``pos`` on that
    stands outside brackets: an aside ("（…，为了提高业务处理能力，我们可能会使用第三方SDK…）") is not what the
    sentence is for; one inside brackets only when none stands outside."""
    inside = None
    for p in PURPOSES:
        for m in p.finditer(simple, pos):
            if not _bracketed(simple, m.start(1)):
                return m
            inside = inside or m
    return inside


def _bracketed(text: str, at: int) -> bool:
    """Whether ``at`` lies inside an open round bracket ("（" or "(") of ``text``."""
    before = text[:at]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


_PACKAGE_RE = re.compile(r"(?<![\w./@-])([a-z][a-z0-9_]*(?:\.[a-zA-Z_][\w]*){1,8})(?![\w/@-]|\.[a-zA-Z])")
_PACKAGE_SLASH_RE = re.compile(r"(?<=[a-z0-9_])/(?=(?:com|cn|net|org|io)\.[a-z])")
"""A slash between two package names ("com.umeng/com.umeng.common"), not one inside an address's path."""
_PACKAGE_ROOTS = frozenset(["com", "cn", "net", "org", "io", "me", "tv", "co", "de", "uk", "jp", "kr", "fr", "ru", "us", "in", "br", "it", "nl"])
_DOMAIN_TAILS = frozenset(["com", "cn", "net", "org", "io", "me", "tv", "co", "html", "htm", "php", "jsp", "aspx", "shtml"])
_WIDE_RE = re.compile("[\u2e81-\U0010ffff]")
ENUMERATION_SPLIT_RE = re.compile(r"\s*[,，、;；]\s*")
"""Between the parts of an enumeration ("IMEI、MAC地址", "IP address, platform, timestamp")."""
PLATFORM_ONLY_RE = re.compile(r"[\[【(（]?\s*(?:android|ios|harmony\s?os|鸿蒙|安卓|windows|macos|web|h5)"
                              r"(?:\s*(?:端|版|系统|平台))?\s*[\]】)）]?", re.IGNORECASE)
"""A name that is only a platform ("Android", "[iOS]", "安卓端"): what the lines under it are about, not an SDK."""
CONSTANT_OPENING_RE = re.compile(r"^\s*android\.permission\.[A-Z][A-Z0-9_]+")
"""A line opening with a permission's constant written out ("android.permission.INTERNET：允许访问网络"): under an
SDK's record or item, one of its permissions."""
_PLATFORM_LABEL_RE = re.compile(r"^\s*(?:适用|支持|所属)?(?:平台|系统|终端|platforms?|operating systems?)\s*[:：]\s*(.+)$",
                                re.IGNORECASE)


_PLATFORM_SPLIT_RE = re.compile(r"[/、,，&]|和|及|\band\b")


def platform_line(text: str) -> bool:
    """A label line giving only the platforms something is for ("平台：Android/iOS", "Platform: Android, iOS")."""
    m = _PLATFORM_LABEL_RE.match(text)
    parts = [p.strip() for p in _PLATFORM_SPLIT_RE.split(m.group(1)) if p.strip()] if m else []
    return bool(parts) and all(PLATFORM_ONLY_RE.fullmatch(p) for p in parts)


SDK_RE = re.compile(r"sdk", re.IGNORECASE)
"""The word "SDK" anywhere, in any case ("某某SDK", "我们使用了“友盟”的SDK")."""
SDK_WORD_RE = re.compile(r"sdk|插件|组件|\bkit\b|\blibrary\b|\bapi\b", re.IGNORECASE)
COMPONENT_WORD_RE = re.compile(r"sdk|插件|组件|\bkit\b", re.IGNORECASE)
"""A word that makes a name a software component's ("某某SDK", "某某插件", "Push Kit"): the words a record's name line
or a row's name is told by (:data:`SDK_WORD_RE` adds library and API, which prose takes too)."""


@short_text_cache
def width(text: str) -> int:
    """Display width: CJK counts double."""
    return len(text) + (len(_WIDE_RE.findall(text)) if not text.isascii() else 0)


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
    return width(prev) >= 60 and not prev.endswith(TERMINAL) and not (first.isupper() or first.isdigit()) \
        and not _TITLED_PARAGRAPH_RE.match(line)


_TITLED_PARAGRAPH_RE = re.compile(r"\s*【[^【】]{1,12}】")
"""A title in 【】, alone or opening its paragraph ("【麦克风】", "【定位】为向您展示…"): a new paragraph, never the
rest of a long line above it."""


def is_heading(line: str) -> bool:
    """A section heading: outline numbering (roman, CJK, parenthesised, "第三章") or a short numbered title."""
    if HEADING_RE.match(line):
        return True
    text = line.strip()
    return bool(_NUMBERED_TITLE_RE.match(text)) and width(text) <= 60 and not text.endswith(TERMINAL + (",", "，"))


_TEMPLATE_RE = re.compile(r"\{\{|\}\}|\$\{|<%|%>|^\s*\{[\w$.\[\]'\"]+\}\s*$|\b[a-z]\w*\s*=\s*[A-Za-z\"'\d]|=\s*$"
                          r"|<[A-Za-z][\w.-]*\s+[A-Za-z_:][\w:.-]*\s*=")
"""Template placeholders ("{{ item.name }}", "${name}", a JSX "{sdk.name}"), code arguments ("fontWeight =
FontWeight.Bold"), declarations ("const String policyText =") and elements with attributes ("<p className={…}>"):
page code, never a name as written."""


_TASK_RE = re.compile(r"\[[ xX]\]\s")
"""A task-list item ("[x] Basic structure")."""
NOT_NAME_RE = re.compile(r"(?:https?://|www\.)\S+|" + _TASK_RE.pattern + ".*")
"""A bare address, or a task-list item: never the name of an SDK (list items, headings)."""
CLAUSE_RE = re.compile(r"[^，。；;,]+")
"""A clause: the words between two commas, semicolons or full stops."""
NOT_ASKED_RE = re.compile(r"不需要|无需|不会|不获取|不申请|不涉及|未|没有|\bnot?\b|\bnever\b|\bwithout\b", re.IGNORECASE)
"""Words saying a clause asks for no permission ("所需权限：无需", "does not use the camera permission")."""
NONE_WORDS = r"无(?!线)|没有|未使用|未集成|未接入|不含|不包含|不使用|不集成"
"""Chinese words saying an app has none of what follows ("无广告SDK", "未集成友盟"; not 无线, wireless)."""


TIMING_LABEL_RE = re.compile(r"^\s*[-*•·●]?\s*(?:[^:：]{0,12}时机|何时[^:：]{0,6})\s*[:：]|^\s*[-*•·●]?\s*(?:timing|when (?:it is )?"
                             r"(?:requested|asked))\s*:", re.IGNORECASE)
"""A label saying when the app asks for a permission ("调用时机：", "申请时机：", "Timing:"), not what for."""
NOTHING_RE = re.compile(r"^\s*(?:[-—–/／_.·]+|无|暂无|none|n/?a)\s*$", re.IGNORECASE)
"""A cell that says "nothing here" ("-", "/", "无", "N/A")."""


DATA_CATEGORY_RE = re.compile(r"(?:\b(?:data|information|info|details)|信息|数据|资料)\s*[:：]?\s*$", re.IGNORECASE)
"""A name ending like a category of personal data ("Usage Data", "Log Data:", "设备信息")."""


@short_text_cache
def name_like(cell: str) -> bool:
    """Could be an SDK name cell: short, few words, no sentence ending, no task-list item, a letter in it, no
    page code (template, tag, JSX expression, code argument, a call or block opened: "Text("), not only a
    privacy page's words, not words about an SDK ("SDK 读取"). (A bare address is no name either
    (:data:`NOT_NAME_RE`), but a flattened table still counts its cells by this test.)"""
    cell = cell.strip()
    return 0 < len(cell) <= 60 and len(cell.split()) <= 8 and not cell.endswith(("。", ":", "：", ",", "，", "(", "{", "[", "=")) \
        and not _TEMPLATE_RE.search(cell) and not _TASK_RE.match(cell) and _LETTER_RE.search(cell) is not None \
        and not _TAG_ONLY_RE.match(cell) and not _POLICY_ONLY_RE.match(cell) and not SDK_PHRASE_RE.search(cell) \
        and not _CONTACT_RE.match(cell) and not _CLAUSE_OPENING_RE.match(cell) and not _ANNOTATION_RE.match(cell) \
        and not ANSWER_RE.match(cell) and not _field_key(cell) and not _PASSIVE_END_RE.search(cell) \
        and not _POINTER_END_RE.search(cell)


_FIELD_KEY_RE = re.compile(r"^([A-Za-z][A-Za-z0-9 ]{1,40}?)\s*[(（]\s*`?([a-z][a-z0-9]*(?:[A-Z_][A-Za-z0-9]*)+)`?\s*[)）]$")


def _field_key(cell: str) -> bool:
    """A data field named with its key in brackets, the key being its words run together ("SDK Name (sdkName)",
    "OEM Name (oemName)"): a field an SDK reports, no SDK's name."""
    m = _FIELD_KEY_RE.match(cell)
    return m is not None and m.group(1).replace(" ", "").casefold() == m.group(2).replace("_", "").casefold()


GLUED_CONSTANT_RE = re.compile(r"(?<![A-Za-z0-9_.\"'])(?:android\.permission\.)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)"
                               r"(?=[\u3400-\u9fff])")
"""A word in capitals, maybe a permission's constant (group 1, without ``android.permission.``), written right
against the Chinese words after it ("…INTERNET允许访问网络…"): where a row of a permission table whose cells ran
together opens."""


ANSWER_RE = re.compile(r"^(?:yes|no|true|false|none|n/?a|是|否|有|无)\W*$", re.IGNORECASE)
"""An answer of a questionnaire's cell ("Yes.", "否", or that there is none): never a name, a scene or a company."""


_ANNOTATION_RE = re.compile(r"^@[A-Z]\w*(?:\(.*\))?$")
"""A Java/Kotlin annotation on a line of its own ("@Composable", "@Override"): code, never a name (an npm scope
"@capacitor/camera" is one)."""
_LETTER_RE = re.compile(r"[^\W\d_]")
"""A letter of any script: a name has one ("{", "}, {", "/**" are code)."""
_POLICY_ONLY_RE = re.compile(r"^(?:第三方|third[- ]party\s*)?(?:sdk\s*)?(?:隐私(?:权)?(?:政策|协议)|privacy\s+(?:policy|notice|statement))"
                             r"\s*$", re.IGNORECASE)
"""Only the words of a privacy page ("SDK隐私协议", "Privacy Policy"): a link's label, no name ("AdMob Privacy
Policy" names AdMob)."""
_CLAUSE_OPENING_RE = re.compile(r"^(?:为了|为保证|为保障|为实现|为帮助|为便于|为方便|如果|如您|当您|在您|若您|我们|您的|您在|用于|用来"
                                r"|(?i:for|to|in order to|so that|if|when|whenever|while|because)\s"
                                r"|(?i:before|after|once|unless|until|upon)\s+(?=[a-z]))")
"""A clause of a sentence ("为保证终端用户能正常使用SDK产品…", "用于提供支付功能的 SDK", "For counting installs from ads, we use…", "Before adopting a
new SDK, …"), never a name ("After Effects SDK" is one)."""
_PASSIVE_END_RE = re.compile(r"由[^，。,；;]{1,40}?(?:提供|开发|运营)$")
"""A clause saying who provides something ("…的技术模块由第三方SDK协助提供", "该功能由某某公司开发"): a sentence, never a
name (a name says who provides it in brackets: "X5内核（由腾讯提供）")."""
_POINTER_END_RE = re.compile(r"(?:请|详见|参见|参阅|详情)\s*(?:访问|查看|查阅|参阅|参考|浏览|点击|见)?\s*$|(?i:\b(?:please\s+)?"
                             r"(?:visit|see|refer\s+to|click)\s*)$")
"""Words pointing the reader elsewhere, the place on the next line ("详细内容请访问", "详见", "For more, visit"): a
sentence's opening, never a name."""
_CONTACT_RE = re.compile(r"^(?:\d+[.、]\s*)?(?:contact(?:\s+(?:us|me|information|info|details))?|about\s+(?:us|me)|"
                         r"联系我们|联系方式|如何联系我们|关于我们)\s*$", re.IGNORECASE)
"""The policy's contact section ("Contact", "联系我们"): its "Developer:" and "Email:" lines are the app's."""
SDK_PHRASE_RE = re.compile(r"^SDK\s*[\u4e00-\u9fff]|SDK\s*的", re.IGNORECASE)
"""Words about an SDK, not its name: "SDK" opening a Chinese phrase ("SDK 读取", "SDK初始化完成后") or owning
what follows ("SDK 的全部本地缓存")."""
TAG_RE = re.compile(r"</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>")
"""An element's opening or closing tag, with its attributes ("<b>", "<a href=…>", "<Text style={styles.bold}>")."""
_TAG_ONLY_RE = re.compile(r"^(?:</?[A-Za-z][\w-]*\s*/?>\s*)+$")
"""A markup tag left in the text ("<br/>")."""


def cued_company(text: str) -> str:
    """The company ``text`` says something comes from ("该SDK由某某有限公司提供", "provided by X Ltd."), else ""."""
    m = COMPANY_CUE_RE.search(text)
    found = next((g for g in m.groups() if g), "").strip() if m else ""
    found = _INNER_CUE_RE.split(found)[-1]  # "AdMob by Google is provided by Google Inc.": the last one names it
    return found if company_like(found) else ""


BACK_REFERENCE_RE = re.compile(r"^\s*(?:these|those|such|the above|said|all of these)\s+(?:[\w-]+\s+){0,2}?(?:providers?|partners?|"
                               r"networks?|services?|companies|sdks?|librar(?:y|ies)|third[- ]parties|vendors?|tools?)\b"
                               r"|^\s*(?:上述|以上|这些|该等|前述)(?:的)?(?:第三方|SDK|sdk|合作方|服务商|服务提供商|合作伙伴|服务|机构)",
                               re.IGNORECASE)
"""A paragraph that goes on about the SDKs the one before it named ("These ad providers may collect…",
"上述第三方SDK会收集…")."""


SLASH_RE = re.compile(r"\s*[/／]\s*")
"""The slash between the names one product is written with ("甲推送SDK/甲统计SDK")."""


MAX_OPENING_SENTENCES = 2
"""Sentences of the paragraph under a service's title that may say whose the service is."""
_SENTENCE_GAP_RE = re.compile(r"(?<=[.。!?！？])\s+(?=[A-Z\u3400-\u9fff])")


def opening_sentences(text: str) -> str:
    """The first :data:`MAX_OPENING_SENTENCES` sentences of ``text`` (what a paragraph under a service's title says
    first: "This app measures its installs with tools from Acme Inc. (…)")."""
    return " ".join(_SENTENCE_GAP_RE.split(text)[:MAX_OPENING_SENTENCES])


def clause_company(text: str) -> str:
    """A clause of an item's text that is a company's name and nothing else, before the item's address or at its
    end ("…用于消息推送；甲乙科技有限公司 https://…"), else ""."""
    return next((m.group(1) for m in _COMPANY_CLAUSE_RE.finditer(text)
                 if company_like(m.group(1)) and not NOT_A_COMPANY_RE.search(m.group(1))), "")


_COMPANY_CLAUSE_RE = re.compile(r"(?:^|[；;。，,])\s*([^；;。，,、：:\s]{2,40}?(?:公司|研究院|集团))\s*(?:官网|官方网站)?\s*[:：]?\s*"
                                r"(?:https?://|www\.|$)")
"""A clause opening after a clause mark that ends with a company word, right before an address or the text's end."""
NOT_A_COMPANY_RE = re.compile(r"见|请|访问|联系|本公司|我们|我司|您|由|其他|相关|关联|第三方")
"""Words of a clause about a company rather than a company's name ("详见本公司官网", "联系第三方公司")."""
_INNER_CUE_RE = re.compile(r"\s(?:by|from)\s+(?:the\s+)?")
"""A cue inside the company a cue found ("Google is provided by Google Inc." after "AdMob by"): the company is
what the last one names."""


FENCE_RE = re.compile(r"^\s*(?:```|~~~)")
"""A Markdown code fence, opening or closing a block of code."""
SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
"""A Markdown table's separator row, the rule under its titles (``|---|:--:|``)."""
PIPE_RE = re.compile(r"(?<!\\)\|")
"""A pipe between cells (not an escaped one, ``\\|``)."""


def inner_pipes(text: str) -> int:
    """Pipes of a table row between its cells (not escaped, not at either end): its columns less one."""
    return len(PIPE_RE.findall(text.strip().strip("|")))


SDK_WORD_END_RE = re.compile(r"(?:sdk|插件|组件)$", re.IGNORECASE)
"""Words that end with an SDK word ("地图SDK", "推送类SDK"): what they name is an SDK or a kind of SDK, not a scene."""
PURPOSE_MARK_RE = re.compile(r"以(?!及|上|下|外|内|便)|以便|用于|为了|便于|\b(?:for|in order to|so that)\b", re.IGNORECASE)
"""Words that give a description a purpose of the app's own ("…以排查故障", "… for crash reports")."""
SERVICE_NAME_TAIL = r"的(?:相关)?(?:附加|扩展|额外)(?:业务)?(?:服务|功能)"
"""How the name of one of the standard template's additional services ends, after "基于" and what it rests on
("基于相机/摄像头的附加服务", "基于位置信息的扩展功能")."""
PERMISSION_DEFINITION_RE = re.compile(r"\s*(?:允许(?:该|此|本)?(?:应用|程序|软件|应用程序)|allows? (?:the |an )?(?:app|application)s?\b)",
                                      re.IGNORECASE)
"""The system's description of a permission ("允许应用访问…", "Allows the app to…"): what it permits, not a use."""
ZH_LEGAL_ENTITY = r"有限(?:责任)?公司|股份(?:有限)?公司"
"""The words a registered Chinese company's name ends with."""
LEGAL_ENTITY_RE = re.compile(ZH_LEGAL_ENTITY + r"|\b(?:co\.?,?\s*ltd|inc|llc|gmbh)\b", re.IGNORECASE)
"""A registered company's name in a text ("…网络技术有限公司", "… Co., Ltd."): a value, never a column title or a
field's label (unlike :func:`company_like`, which "所属公司" passes)."""


@short_text_cache
def company_like(text: str) -> bool:
    """Ends like a legal entity ("…有限公司", "Co., Ltd.", "Inc.", "GmbH")."""
    text = unicodedata.normalize("NFKC", text).strip().rstrip("；;,，。.")
    return 3 <= len(text) <= 120 and COMPANY_RE.search(text) is not None


def plain_links(text: str) -> str:
    """Markdown links ``[text](url)`` and ``<url>`` written as ``text url``."""
    text = _MD_LINK_RE.sub(lambda m: f"{m.group(1)} {m.group(2)}".strip(), text)
    return re.sub(r"<((?:https?://|www\.)[^>\s]+)>", r"\1", text)


MIN_LINKED_NAMES = 3
"""The fewest names, each written as a link, that make a run of linked names (:func:`linked_names`)."""
_LEGAL_PAGE_RE = re.compile(r"privacy|policy|policies|legal|terms|confiden|datenschutz|yinsi|agreement|documents",
                            re.IGNORECASE)
"""An address of a privacy or legal page (its host or its path says so)."""
_LINK_SEPARATORS = frozenset(",;:，；：、(（·•|")
"""What parts the names of a run of linked names."""
_LIST_JOINER_RE = re.compile(r"^(?:[-–—·•*]+\s*)?(?:(?:and|or|as well as|plus)\s+|(?:以及|及|和|与)\s*)?", re.IGNORECASE)
"""A list's dash or joining word before a linked name ("…, and zMaticoo https://…")."""


def linked_names(text: str) -> list[tuple[str, str]]:
    """Runs of names each written as a link to its privacy page, listed one after the other in one sentence or
    cell ("…the networks reachable through it: Google AdMob https://…/privacy , Amazon Publisher Services
    https://…/privacy-policy/ , …, and zMaticoo https://…"; HTML links read as their text then their address,
    Markdown links as written): ``(name, address)`` of each, for every run of :data:`MIN_LINKED_NAMES` or more
    names with distinct addresses, two in three addresses or more privacy or legal pages. A name is the words
    between its address and the separator before it (a comma, a colon, an opening bracket, a middle dot or a
    bar; brackets inside the name are its own: "Chartboost (LoopMe)"), without a joining "and" or a list's dash;
    it reads as a name and not as a page's title ("即构云服务隐私政策"), and a blank parts it from its address (a
    link's text: not cells run together, "…即时通信https://…"). Only separators stand between one name's address
    and the next name: other words end the run."""
    text = plain_links(text)
    found = list(URL_RE.finditer(text))
    if len(found) < MIN_LINKED_NAMES:
        return []
    runs: list[list[tuple[str, str]]] = [[]]
    for k, m in enumerate(found):
        floor = found[k - 1].end() if k else 0
        depth = 0
        start = floor
        for i in range(m.start() - 1, floor - 1, -1):
            ch = text[i]
            if ch in ")）":
                depth += 1
            elif ch in "(（" and depth:
                depth -= 1
            elif ch in _LINK_SEPARATORS and not depth:
                start = i + 1
                break
        name = _LIST_JOINER_RE.sub("", text[start:m.start()].strip(" \t*_|")).strip()
        between = text[floor:start]
        glued = m.start() > 0 and not text[m.start() - 1].isspace()  # "…安卓语音识别https://…": cells run together
        # (a company's name, or cells glued to one, names no product)
        named = not glued and bool(name) and name_like(name) and not URL_RE.search(name) \
            and not _PAGE_TITLE_RE.search(name) and not LEGAL_ENTITY_RE.search(name) and not company_like(name)
        if not named or (k and not _BETWEEN_RE.fullmatch(between)):
            runs.append([])  # (a name that is none, or words between: the run ends)
        if named:
            runs[-1].append((name, _URL_TAIL_RE.sub("", m.group(0))))
    out: list[tuple[str, str]] = []
    for run in runs:
        addresses = {u for _, u in run}
        if len(run) >= MIN_LINKED_NAMES and len(addresses) == len(run) \
                and 3 * sum(1 for u in addresses if _LEGAL_PAGE_RE.search(u)) >= 2 * len(addresses):
            out += run
    return out


_BETWEEN_RE = re.compile(r"[\s,;:，；：、(（·•|*_-]*")
"""What stands between one linked name's address and the next name of a run: separators only."""
_PAGE_TITLE_RE = re.compile(r"隐私|政策|规则|协议|条款|说明|指南|声明|privacy|policy|terms|notice|statement|guide",
                            re.IGNORECASE)
"""Words of a page's title: a link labelled so names the page, not the product ("即构云服务隐私政策")."""


_URL_TAIL_RE = re.compile(r"(?:[.,;:]|\*+/|&gt;?)+$")
"""What ends a sentence, a block comment or an escaped bracket right after an address ("…/policy.",
"…/policy*/", "&lt;https://…/policy&gt;"), not the address."""


_GLUED_ITEM_RE = re.compile(r"\d[.、．]\s*[\u4e00-\u9fff].*$")
"""The next item's number and its Chinese words run into an address ("…/page/policy2.功能类型：…", the text of a
numbered list on one line): no part of it."""


def urls(text: str) -> list[str]:
    plain = plain_links(text or "")
    return [_address(m, plain) for m in URL_RE.finditer(plain)]


def _address(m: re.Match[str], text: str) -> str:
    """The address ``m`` matched in ``text``, without what ran into its end: a list item's number and name, a
    sentence's stop, or a label whose colon follows it ("…/page/policy接入SDK名称：…": the address ends at its Chinese
    words)."""
    found = m.group(0)
    unglued = _GLUED_ITEM_RE.sub("", found)
    if unglued == found and text[m.end():m.end() + 1] in (":", "：") and (cjk := CJK_RE.search(found)) \
            and cjk.start() > len("https://"):
        unglued = found[:cjk.start()]
    return _URL_TAIL_RE.sub("", unglued)


_POLICY_LABEL_RE = re.compile(r"隐私|个人信息|政策|规则|privacy|policy", re.IGNORECASE)
"""Words of the label before an address that say it is the privacy policy ("隐私政策链接：", "Privacy Policy:")."""


MAX_POLICY_LABEL = 24
"""Characters of a label before an address ("隐私政策链接:", "合作方隐私政策："); more is a sentence naming a policy."""


def policy_url(text: str) -> str:
    """The address of ``text`` its own label calls the privacy policy, when it gives several ("官方网站:https://…
    隐私协议链接:https://…": the second); else its first; "" without one."""
    plain = plain_links(text or "")
    found = list(URL_RE.finditer(plain))
    if not found:
        return ""
    start = 0
    for m in found:
        label = plain[start:m.start()].strip()
        if len(found) > 1 and len(label) <= MAX_POLICY_LABEL and _POLICY_LABEL_RE.search(label):
            return _address(m, plain)
        start = m.end()
    return _address(found[0], plain)


_HOST_RE = re.compile(r"(?<![\w./@-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}([a-z]{2,12})(?:/[^\s<>\"'，。；）)\]|]*)?)",
                      re.IGNORECASE)


_TOP_LEVEL = frozenset(["com", "cn", "net", "org", "io", "me", "tv", "co", "info", "app", "dev", "top", "xyz", "cc",
                        "biz", "ai", "hk", "tw", "jp", "kr", "uk", "de", "fr", "ru", "us", "eu", "gov", "edu"])


def hosts(text: str) -> list[str]:
    """Web addresses written without a scheme (``policies.google.com``, ``example.cn/privacy``): for a cell
    that holds a link, where a package name (``com.example.sdk``) is not one."""
    out = []
    for m in _HOST_RE.finditer(plain_links(text or "")):
        labels = m.group(1).split("/")[0].split(".")
        if m.group(2).lower() in _TOP_LEVEL and labels[0].lower() not in _PACKAGE_ROOTS:
            out.append(_URL_TAIL_RE.sub("", m.group(1)))
    return out


def first_url(*texts: str) -> str:
    for text in texts:
        found = urls(text)
        if found:
            return found[0]
    return ""


_MAVEN_RE = re.compile(r"(?<![\w.:/@-])([a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)+):([a-zA-Z][\w.-]*)(?::[\w.+-]+)?(?![\w:/])")


def coordinates(text: str) -> list[str]:
    """Maven / Gradle coordinates written in ``text`` (``com.google.firebase:firebase-auth[:22.1.0]``), as
    ``group:artifact``."""
    if ":" not in (text or ""):
        return []
    return list(dict.fromkeys(f"{m.group(1)}:{m.group(2)}" for m in _MAVEN_RE.finditer(URL_RE.sub(" ", text))))


def packages(text: str) -> list[str]:
    """Java package names written in ``text`` (``com.tencent.bugly``), URLs and domains left out."""
    text = URL_RE.sub(" ", plain_links(text or ""))
    if "/" in text:
        text = _PACKAGE_SLASH_RE.sub(" ", text)  # "com.umeng/com.umeng.common": two packages, no path
    out: list[str] = []
    for m in _PACKAGE_RE.finditer(text):
        name = m.group(1).rstrip(".")
        parts = name.split(".")
        if parts[0] in ("www", "http", "https") or (parts[-1] in _DOMAIN_TAILS and parts[0] not in _PACKAGE_ROOTS):
            continue
        if parts[0] not in _PACKAGE_ROOTS and len(parts) < 3:
            continue
        if name.startswith("android.permission") or any(p.isupper() for p in parts):
            continue
        if name not in out:
            out.append(name)
    return out


def clean_collected(text: str) -> str:
    """The personal-information text without links and "for more information" boilerplate."""
    text = URL_RE.sub(" ", plain_links(text or ""))
    text = _BOILERPLATE_RE.sub(" ", text)
    return " ".join(text.split()).strip(" .,;:，。；：、")


PERMISSION_WORD = r"权限|權限|許可權|许可权"
"""The Chinese word for a permission, Simplified and Traditional ("權限"; Taiwan's "許可權"), for patterns that
read a line as written (the lexicon folds Traditional text itself)."""

_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_RUBY_RE = re.compile(r"(?<=[\u3400-\u9fff])\((?:[a-zü]*[" + _TONE + r"][a-zü]*)\)")
_TONELESS_RUBY_RE = re.compile(r"(?<=[\u3400-\u9fff])\((?:[a-zü]{1,6})\)")
_TONE_RE = re.compile("[" + _TONE + "]")
MIN_RUBY = 3
"""Tone-marked annotations a text must have before toneless ones ("們(men)") are read as annotations too."""


def without_ruby(text: str) -> str:
    """The text without pinyin annotations copied inline from a page's ruby text ("權(quán)限" -> "權限",
    "設(shè)備"): a syllable with a tone mark in brackets right after a Chinese character, and, in a text with
    at least ``MIN_RUBY`` of those, a toneless syllable in the same place."""
    if "(" not in text or not _TONE_RE.search(text):
        return text
    stripped, n = _RUBY_RE.subn("", text)
    return _TONELESS_RUBY_RE.sub("", stripped) if n >= MIN_RUBY else stripped
