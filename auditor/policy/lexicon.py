"""The policy lexicon (``auditor/data/lexicon.yaml``) as a frozen value, and phrase matching.

No global state: :func:`auditor.policy.lexicon_data.load_lexicon` returns a :class:`Lexicon` that callers
pass along. Matching folds text first (:func:`fold`: NFKC, Traditional to Simplified Chinese, run-on words
split, case), finds the longest phrase at each position, and reads Android permission constants
(``android.permission.CAMERA``, ``READ_PHONE_STATE``) directly. Verbs shared by one object are distributed:
"发送/接收/读短信" reads as 发送短信, 接收短信, 读短信; "读写日历" as 读日历 and 写日历.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from auditor.policy.phrases import (
    ENUMERATED_PERMISSION_RE,
    PERMISSION_AFTER_RE,
    PhraseMatcher,
    contains,
    pattern,
    pattern_all,
    proper_names,
)
from auditor.policy.phrases import (
    fold as fold,
)
from auditor.policy.text import is_heading, width

_BRACKETED_RE = re.compile(r"[(（][^()（）]*[)）]")
_CONST_RE = re.compile(r"(?<![A-Za-z0-9_.])(android\.permission\.)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?![A-Za-z0-9_])")
"""A permission's constant, with its prefix or bare; Chinese may run into it on either side ("权限包括ACCESS_WIFI_STATE",
"READ_PHONE_STATE权限"), a Latin letter, digit or underscore may not."""
_FOREIGN_CONST_RE = re.compile(r"(?<![\w.])(?!android\.)[a-z][a-z0-9]*(?:\.[a-z0-9]+)*\.permission\.[\w.]+")
"""A permission constant of another platform (HarmonyOS ``ohos.permission.X``), folded."""
_TITLE_WORDS_RE = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,5}\b")
"""Capitalised words in a row: a permission constant may be spelled so ("Receive Boot Completed")."""
_DATA_SUBJECT = ("信息主体", "数据主体")
"""The person the data is about ("个人信息主体", a term of the law), never a party data goes to."""
_CAPS_RUN_RE = re.compile(r"(?<![\w.])([A-Z]{10,40})(?![\w])")
"""A run of capitals without an underscore, long enough to be two constants of one word each ("CAMERAVIBRATE")."""
_GLUED_PREFIX_RE = re.compile(r"(?<=[A-Z0-9_])(?=android\.permission\.)")
_GLUED_CONST_RE = re.compile(r"(?<![\w.])(?:android\.permission\.)?([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9])(?![A-Z0-9_])")
"""A constant run into the word after it, where a table's cells lost what parted them ("ACCESS_COARSE_LOCATIONMap
position", "…_CONNECTED_DEVICEBLE group mode")."""
_CASED_CONST_RE = re.compile(r"(?<![\w.])android\s?\.\s?permission\s?\.\s?([a-z][a-z0-9]*(?:_[a-z0-9]+)*)(?![\w])",
                             re.IGNORECASE)
"""``android.permission.X`` in any case, maybe with a space after each dot ("Android. Permission. Get_tasks")."""
_PAIRED_CONST_RE = re.compile(r"(?<![\w.])([A-Z]{3,})/([A-Z]{3,})_([A-Z0-9]+(?:_[A-Z0-9]+)*)(?![\w])")
"""Two constants written with one shared tail (``READ/WRITE_EXTERNAL_STORAGE``)."""
_SHARED_VERB_RE = re.compile(r"(读写|读/写|读、写|收发|读取/写入|读取、写入|读取和写入|读取及写入|读取与写入|读和写)")
VERB_WINDOW = 16
MEMO_LIMIT = 200_000
MAX_ROLE_CHARS = 48
"""A header or key longer than this (folded) names no role."""
"""Characters before a phrase searched for a verb ("we use your approximate location")."""
MIN_GLUED_LABEL = 3
"""Characters of the shortest label read where it is glued to the text before it ("…有限公司使用目的："): two
("目的", "功能") end too many sentences ("为实现以下功能：")."""
MAX_GLUED_LABEL = 12
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_BARE_SDK_RE = re.compile(r"第三方|sdk|的|\s")
MAX_VERB_BEFORE_SDK = 2
"""Characters left before a label's last word once its bare SDK words are gone ("使用" of "使用SDK目的")."""
_SDK_LABEL_VERBS = ("使用", "接入", "集成", "嵌入", "引入", "调用")
"""Verbs a label opening with "SDK" may be written after ("使用SDK名称", "接入SDK名称")."""
_SDK_HEAD_RE = re.compile(r"sdk ?(?=[\u3400-\u9fff])", re.IGNORECASE)
""""SDK" opening a Chinese label, maybe a blank between ("SDK官网", "SDK隐私链接", "SDK 名称")."""
_SHARED_HINT_RE = re.compile(r"[/、]|读写|收发|[和及与]写|\b(?:read|write|send|receive|modify|delete)\s*(?:,|\band\b|\bor\b)")
"""Verbs sharing one object ("发送/接收/读短信", "read, receive and send SMS"): the bare verbs take it."""
_LAST_VERB_RE = re.compile(r"(?:读取|写入|发送|接收|拨打|修改|删除)$")
"""The verb a longer clause ends with, shared with the objects of the segments after it ("…您的发送、接收、读取短信")."""
_SEGMENT_SPLIT_RE = re.compile(r"\s*(?:/|、|,|，|;|；|\band\b|\bor\b|和|及|或)\s*")
_LINK_ROLES = frozenset({"link", "website"})
_CONST_TAIL_RE = re.compile(r"(?:[ \t]+[A-Z][A-Z0-9_]*){1,3}")
_INFORMATION_WORDS = frozenset({"信息", "数据", "个人信息"})
"""Heads of an "A的B" label that make it a label of data ("从合作方获得的信息", "收集的数据")."""
_PERMISSION_FILLER_RE = re.compile(r"android\.permission\.|[a-z_]+_[a-z_]+|权限|permissions?|the|authority|access|以及|和|或|及|与")
"""Words around a permission's name that say no more of it."""
_THIRD_PARTY_SDKS_RE = re.compile(r"第三方\s*sdk")
_QUOTED_RE = re.compile(r"[“”\"「」『』《》()（）【】\[\]]")
MIN_GENERAL_WORDS = 4
"""Chinese characters beside "第三方SDK" that make a name words about third-party SDKs in general."""
_GENERAL_TAIL_RE = re.compile(r"(?:\s*(?:sdks?|类|等))+$")
_HEAD_OF_RE = re.compile(r"^([a-z][a-z-]*(?: [a-z-]+){0,2}) of ")
"""The head of a long English title "A of …" (one to three words before the first "of")."""
_RESTATING_FILLER_RE = re.compile(r"\b(?:the|to|your|you|our|its|of|on|in|from|and|or|a|an|device'?s?|phone'?s?)\b"
                                  r"|您的|你的|您|你|的|[\W\d_]+", re.IGNORECASE)
"""Small words around a permission's phrase in a purpose that only says the permission again."""
_ACCESS_VERB_RE = re.compile(r"\b(?:read|write|access|use|modify|delete|view|get|obtain|store|save)s?\b"
                             r"|读取|写入|访问|使用|获取|调用|读写|修改|删除", re.IGNORECASE)
"""Verbs of a purpose that says only what the permission is ("read and write to the USB storage", "读取您的存储")."""
_QUESTION_RE = re.compile(r"^(?:是否|可否|能否|是不是|whether\b|(?:can|could|will|would|is|are|does|do|may)\s+(?:the\s+)?"
                          r"(?:users?|you|i|it|this|they)\b)")
"""A title asking a yes-or-no question ("是否为必要信息", "可否关闭", "Whether the user can deny it", "Can users
refuse?")."""
MAX_OF_TITLE = 16
"""The longest label read as "A的B" (:meth:`Lexicon.role`): a column's title, not a sentence leading into a list
("第三方平台SDK主要获取的权限以及对应的用途如下")."""
_ZH_OF_RE = re.compile(r"(?<=[^\W\d_])(?<!目)的")
"""The "的" of "A的B" after a word (not the "的" of "目的")."""
_OF_RE = re.compile(r"^([a-z][a-z ]{1,30}?) of (?:the |a |an |each )?([a-z][a-z ()/-]{1,40})$")
"""An English title "A of B", whose head is A ("Purpose of the Permission" is a purpose, "Name of the Permission"
names the permission)."""
_BY_CLAUSE_RE = re.compile(r"^([a-z][a-z ()/-]{1,40}?)\s+(?:collected|obtained|gathered|accessed|used|processed|shared|"
                           r"requested|required|received|read|transferred|disclosed)\s+(?:by|with|from|to|in|for)\s")
"""An English label whose head is followed by a participle clause ("Type of data collected by a third-party SDK":
data, not the SDK's name; "Information shared with partners": data, not the partner)."""
_CJK_GAP_RE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_HEAD_ROLES = frozenset({"purpose", "scene", "description", "method", "permissions", "data"})
"""Roles whose word heads a label after "的" ("调用权限的目的": a purpose, not a permission; "实现SDK产品功能所需的权限":
permissions, not a name)."""
_JOINED_RE = re.compile(r"[及和与或、/&＆]|\b(?:and|or)\b")
"""A label that joins two things ("名称及链接", "隐私政策或官网链接", "Name and link"): its last word is not its
only head."""
MAX_CUT = 2
MIN_COMPLETED = len("android.permission.") + 10
"""A cut constant is completed only when at least ten letters of it are written."""
ROLES = ("link", "website", "company", "data", "item", "permissions", "scene", "purpose", "method", "description",
         "packages", "choice", "index", "name", "title")
"""Column / key roles. ``title`` is a bare "名称" / "Name": an SDK name only in a table of SDK facts. ``choice``
is what the user may do about it and what follows ("是否可关闭", "Will I be asked", "关闭后的影响", "适用系统"):
a column of a permission table that is neither the permission nor its scene."""


EXACT_MARK = "="
"""A field phrase written ``=操作系统`` names its role only as the whole header or key, never inside a longer
one ("操作系统版本" is data, not the platform column)."""


@dataclass(frozen=True)
class Term:
    """One lexicon phrase and what it names."""

    phrase: str
    """Folded phrase (see :func:`fold`)."""
    permissions: tuple[str, ...]
    """Full Android permission names."""
    data_types: tuple[str, ...]
    """Data type ids."""
    weak: bool
    """True when the phrase is a disclosure only with a permission cue nearby or inside a permission cell."""


@dataclass(frozen=True)
class Hit:
    """A lexicon match in a text."""

    phrase: str
    """The matched text (folded)."""
    start: int
    """Offset in the folded text."""
    permissions: tuple[str, ...]
    """Permissions the match names (after weak filtering)."""
    data_types: tuple[str, ...]
    """Data types the match names."""
    verbal: bool = True
    """False for a phrase that names data and a permission without a verb or permission word ("网络状态"):
    a use of the permission only in a permission cell."""
    constant: bool = False
    """True for a permission constant written out (``android.permission.CAMERA``, ``ACCESS_FINE_LOCATION``)."""


def _with_object(verb: str, other: str, search: Callable[[str], tuple[int, str, str] | None]
                 ) -> tuple[int, str, str] | None:
    """The phrase a bare verb forms with the object of a neighbouring segment ("接收" + "发送短信" -> "接收短信"):
    the first match starting in the verb that is not already the neighbour's own phrase."""
    for k in range(1, min(len(other), 12)):
        m = search(verb + ("" if not verb.isascii() else " ") + other[k:].lstrip())
        if m and m[0] < len(verb) and m[1] not in other:
            return m
    return None


def without_phrases(folded: str, hits: Iterable[Hit]) -> str:
    """``folded`` text with the phrases of ``hits`` taken out, longest first; a phrase the lexicon read with its
    verb shared ("read, receive and send sms" holds "receive sms") taken out word by word."""
    for hit in sorted(hits, key=lambda h: -len(h.phrase)):
        if hit.phrase in folded:
            folded = folded.replace(hit.phrase, " ")
        elif hit.phrase.isascii():
            folded = re.sub(r"\b(?:" + "|".join(map(re.escape, hit.phrase.split())) + r")\b", " ", folded)
    return folded


@dataclass(frozen=True)
class Lexicon:
    """Validated lexicon (built by :func:`auditor.policy.lexicon_data.build_lexicon`)."""

    terms: tuple[Term, ...]
    """Every phrase (permissions and data types)."""
    cues: tuple[str, ...]
    """Folded words that make weak permission words count on the same line."""
    fields: Mapping[str, tuple[str, ...]]
    """Role (:data:`ROLES`) -> folded header / key phrases."""
    name_suffixes: tuple[str, ...]
    """Folded suffixes dropped from SDK names when resolving ("sdk", "插件")."""
    vendor_words: tuple[str, ...]
    """Folded vendor words dropped from the front of SDK names when resolving ("腾讯", "google")."""
    login_cues: tuple[str, ...]
    """Folded words that introduce a list of login/sharing platforms in prose."""
    list_markers: tuple[str, ...]
    """Folded words that introduce a list ("such as", "例如")."""
    negations: tuple[str, ...] = ()
    """Folded words that negate a prose sentence ("never", "不会")."""
    conditions: tuple[str, ...] = ()
    """Folded words that make a following negation conditional ("if", "如果")."""
    negation_exceptions: tuple[str, ...] = ()
    """Folded phrases removed before looking for negations ("not limited to")."""
    not_disclosures: tuple[str, ...] = ()
    """Folded phrases that contain a data or permission word but disclose neither ("crash location")."""
    generic_names: tuple[str, ...] = ()
    """Folded SDK names that say what an SDK does, not which one ("统计SDK", "push SDK")."""
    ordinary_names: tuple[str, ...] = ()
    """Folded ordinary words for what an app or SDK does ("platform", "feedback", "定位"): a catalog name that
    comes down to one once its vendor and suffix words are dropped gives no loose key (:mod:`auditor.policy.names`)."""
    not_names: tuple[str, ...] = ()
    """Folded words of a sentence or heading about SDKs in general, never of one SDK's name ("我们", "our")."""
    not_name_edges: tuple[str, ...] = ()
    """Folded words that make a name general only at its start or end ("第三方SDK列表"), not inside a product's
    own name ("卫士通第三方加密SDK")."""
    parties: tuple[str, ...] = ()
    """Folded words for kinds of party an app shares data with that are no SDK ("商家", "卖方", "banks"): a row
    so named (or a Chinese one ending so: "线下行权门店") is a party, not an SDK."""
    service_kinds: tuple[str, ...] = ()
    """Folded headings of a kind of service ("analytics", "hosting and backend infrastructure"): a row named so that
    the catalog does not know is the heading its services are listed under, not an SDK."""
    negative_answers: tuple[str, ...] = ()
    """Folded table cells that answer "no" ("No", "否", "不涉及")."""
    developer_cues: tuple[str, ...] = ()
    """Folded words a page addresses SDK integrators with ("开发者", "your app")."""
    scene_classes: tuple[str, ...] = ()
    """Folded scene cells that only class a function ("基本业务功能", "all features"), never which one."""
    platforms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """``ios`` / ``android`` -> folded words naming the platform of a section or line."""
    company_words: tuple[str, ...] = ()
    """Folded legal forms and place names dropped from company names to compare them ("有限公司", "shenzhen")."""
    category_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Catalog category id -> folded words of a name or purpose that point to it ("推送", "push")."""
    verbs: tuple[str, ...] = ()
    """Folded verbs and permission words (see :attr:`Hit.verbal`)."""
    data_permissions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Data type -> the permissions that guard it, for data named in a permission cell."""
    constants: frozenset[str] = frozenset()
    """Full names of the Android permissions (``auditor/data/permissions.json``) read as constants."""
    _by_phrase: Mapping[str, tuple[Term, ...]] = field(default_factory=dict, compare=False, repr=False)
    _matcher: PhraseMatcher | None = field(default=None, compare=False, repr=False)
    _cue_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _neg_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _cond_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _exc_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _company_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _verb_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _field_exact: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    _exact_only: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    """Folded field phrases that name their role only as a whole header or key (written with :data:`EXACT_MARK`)."""
    _field_regexes: tuple[tuple[str, re.Pattern[str]], ...] = field(default=(), compare=False, repr=False)
    _memo: dict[tuple[str, bool | None, bool, bool], tuple[Hit, ...]] = field(
        default_factory=dict, compare=False, repr=False)
    """Results of :meth:`find` by (text, weak, prose, label): a pure function of its arguments, so a long policy
    that repeats a line, a cell or a label pays for it once. Bounded by ``MEMO_LIMIT``."""
    _roles: dict[tuple[str, str], str | None] = field(default_factory=dict, compare=False, repr=False)
    """Results of :meth:`role` by header, likewise."""
    _generic_keys: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    """:attr:`generic_names` without blanks (what :meth:`generic` compares)."""

    def __post_init__(self) -> None:
        by_phrase: dict[str, list[Term]] = {}
        for term in self.terms:
            by_phrase.setdefault(term.phrase, []).append(term)
        for phrase in self.not_disclosures:
            by_phrase.setdefault(phrase, [])
        object.__setattr__(self, "_by_phrase", {k: tuple(v) for k, v in by_phrase.items()})
        object.__setattr__(self, "_matcher", PhraseMatcher(by_phrase))
        object.__setattr__(self, "_cue_regex", pattern(self.cues))
        object.__setattr__(self, "_neg_regex", pattern(self.negations))
        object.__setattr__(self, "_cond_regex", pattern(self.conditions))
        object.__setattr__(self, "_exc_regex", pattern(self.negation_exceptions))
        object.__setattr__(self, "_company_regex", pattern(self.company_words))
        object.__setattr__(self, "_verb_regex", pattern(self.verbs))
        exact: dict[str, str] = {}
        whole_only: set[str] = set()
        for role in ROLES:
            for phrase in self.fields.get(role, ()):  # (folded when the lexicon was loaded)
                bare = phrase.removeprefix(EXACT_MARK)
                exact.setdefault(bare, role)
                if bare != phrase:
                    whole_only.add(bare)
        object.__setattr__(self, "_field_exact", exact)
        object.__setattr__(self, "_exact_only", frozenset(whole_only))
        object.__setattr__(self, "_generic_keys", frozenset(g.replace(" ", "") for g in self.generic_names))
        object.__setattr__(self, "_field_regexes", tuple(
            (role, pattern_all([p for p in self.fields.get(role, ()) if len(p) >= 2 and not p.startswith(EXACT_MARK)]))
            for role in ROLES if self.fields.get(role)))

    def company_core(self, company: str) -> str:
        """The distinctive part of a company name: brackets, legal forms and place names dropped, folded
        ("深圳市腾讯计算机系统有限公司" -> "腾讯计算机系统", "Tencent Technology (Shenzhen) Co., Ltd." -> "tencent")."""
        assert self._company_regex is not None
        text = re.sub(r"[（(【\[][^）)】\]]*[）)】\]]", " ", fold(company))
        text = re.split(r"\s*(?:/|;|；)\s*", text)[0]
        return re.sub(r"[^\w]+|_", "", self._company_regex.sub(" ", text))

    def negated(self, folded: str, pos: int) -> bool:
        """True when the sentence of ``folded`` up to ``pos`` negates what follows (unconditionally)."""
        assert self._neg_regex and self._cond_regex and self._exc_regex
        start = max((folded.rfind(ch, 0, pos) for ch in ".。;；!?！？"), default=-1) + 1
        head = self._exc_regex.sub(" ", folded[start:pos])
        neg = self._neg_regex.search(head)
        if not neg:
            return False
        cond = self._cond_regex.search(head)
        return not (cond and cond.start() < neg.start())

    def has_cue(self, folded: str) -> bool:
        """True when folded text contains a permission cue."""
        assert self._cue_regex is not None
        return bool(self._cue_regex.search(folded))

    def find(self, text: str, weak: bool | None = None, prose: bool = False, label: bool = False) -> list[Hit]:
        """Matches in ``text`` (see :meth:`_find`), memoised."""
        key = (text, weak, prose, label)
        hits = self._memo.get(key)
        if hits is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            hits = self._memo[key] = tuple(self._find(text, weak, prose, label))
        return list(hits)

    def _find(self, text: str, weak: bool | None = None, prose: bool = False, label: bool = False) -> list[Hit]:
        """Matches in ``text``: lexicon phrases (longest first at each position, shared verbs distributed)
        and permission constants.

        ``weak``: True accepts weak permission words (a permission or data cell), False never, None only
        when the text has a cue. ``prose``: drop matches in negated sentences. ``label``: the text is a
        permission's label (a permission cell), whose capitalised words ("Media File Storage") are no name
        of an app or product ("Open Camera", "Storage Isolation" elsewhere).
        """
        folded = fold(text)
        allow_weak = self.has_cue(folded) if weak is None else weak
        hits = self._constants(text, folded, strict=weak is not True)
        if prose:  # "The app does not declare ACCESS_BACKGROUND_LOCATION": no disclosure, as for a phrase
            hits = [h for h in hits if not self.negated(folded, h.start)]
        names = proper_names(text, folded) if allow_weak and not label else []
        foreign = [m.span() for m in _FOREIGN_CONST_RE.finditer(folded)] if ".permission." in folded else []
        listed_before = self._listed_before(folded) if "权限" in folded else []
        for start, phrase, listed in self._phrases(folded, distribute=allow_weak):
            if any(a <= start < b for a, b in foreign):
                continue  # "ohos.permission.INTERNET": another platform's permission, not Android's
            inside = any(a <= start < b for a, b in names)  # "Open Camera": a name, not the camera
            before = folded[max(0, start - VERB_WINDOW):start]
            named = PERMISSION_AFTER_RE.match(folded, start + len(phrase)) is not None or any(
                a <= start < b for a, b in listed_before)  # "相机、相册、存储等权限": each item is named one
            if named:
                before += " 权限"  # "设备存储（SD卡）权限": the permission word follows the data word
            hit = self._hit(phrase, listed, before, start, allow_weak and not inside, weak is True, named)
            if hit is not None and not (prose and self.negated(folded, start)):
                hits.append(hit)
        return sorted(hits, key=lambda h: h.start)

    def _listed_before(self, folded: str) -> list[tuple[int, int]]:
        """Spans of items listed before one permission word ("相机、相册、存储等权限"), when every item is a
        word for something a permission guards; a data list ending in one ("IP地址、存储权限") is not one."""
        assert self._matcher is not None
        out = []
        for m in ENUMERATED_PERMISSION_RE.finditer(folded):
            items = [i for i in re.split(r"[、/]", _BRACKETED_RE.sub("", m.group())) if i.strip()]
            if all("权限" not in item and self._guards(item) for item in items):
                out.append(m.span())
        return out

    def _guards(self, item: str) -> bool:
        """``item`` is a word for something a permission guards (相机, 相册, 位置信息), nothing more."""
        assert self._matcher is not None
        found = self._matcher.finditer(item)
        return bool(found) and all(
            any(t.permissions or any(self.data_permissions.get(d) for d in t.data_types)
                for t in self._by_phrase.get(listed, ())) for _, _, listed in found)

    def _phrases(self, folded: str, distribute: bool) -> list[tuple[int, str, str]]:
        """``(start, text matched, phrase as listed)`` of the lexicon phrases in ``folded``."""
        assert self._matcher is not None
        found = self._matcher.finditer(folded)
        if not distribute or not _SHARED_HINT_RE.search(folded):
            return found
        seen = {phrase for _, phrase, _ in found}
        for start, phrase, listed in self._distributed(folded):
            if phrase not in seen:
                seen.add(phrase)
                found.append((start, phrase, listed))
        return found

    def _distributed(self, folded: str) -> list[tuple[int, str, str]]:
        """Phrases formed by giving a bare verb the object of its neighbour ("发送/接收/读短信")."""
        assert self._matcher is not None
        search = self._matcher.search
        out: list[tuple[int, str, str]] = []
        text = _SHARED_VERB_RE.sub(lambda m: "读取/写入" if "读" in m.group(0) else "发送/接收", folded)
        for chunk in re.split(r"[。；;:：()（）]", text):
            parts = [p for p in _SEGMENT_SPLIT_RE.split(chunk) if p]
            for i, part in enumerate(parts[:-1]):
                at = max(0, folded.find(part))
                if len(part) > 6 and not part.isascii() and (verb := _LAST_VERB_RE.search(part)):
                    at, part = at + verb.start(), verb.group(0)  # "使用您的发送、接收、读取短信权限": the clause's last verb
                if len(part) > (6 if not part.isascii() else 16) or search(part):
                    continue
                tail = next((p for p in parts[i + 1:i + 4] if search(p)), parts[-1])
                m = _with_object(part, tail, search)
                if m:
                    out.append((at, m[1], m[2]))
            if len(parts) >= 2:  # "发送短信、接收": a bare verb last takes the object before it
                part, prev = parts[-1], parts[-2]
                if len(part) <= (4 if not part.isascii() else 12) and not search(part) and search(prev):
                    m = _with_object(part, prev, search)
                    if m:
                        out.append((max(0, folded.rfind(part)), m[1], m[2]))
        return out

    def _hit(self, phrase: str, listed: str, before: str, start: int, allow_weak: bool, cell: bool,
             named: bool = False) -> Hit | None:
        """The hit of one phrase; ``named``: a permission word follows it, so data that a permission guards
        names that permission ("日历相关权限" -> READ_CALENDAR)."""
        terms = self._by_phrase.get(listed, ())
        perms: list[str] = []
        data: list[str] = []
        for term in terms:
            if term.weak and not allow_weak:
                continue
            perms.extend(p for p in term.permissions if p not in perms)
            if not term.weak or cell:  # weak words name data only inside a cell
                data.extend(d for d in term.data_types if d not in data)
        if named and not perms:
            guarded = [d for term in terms for d in term.data_types]
            perms = list(dict.fromkeys(p for d in guarded for p in self.data_permissions.get(d, ())))
        if not (perms or data):
            return None
        assert self._verb_regex is not None
        verbal = (not data or not perms or all(t.weak for t in terms) or bool(self._verb_regex.search(phrase))
                  or bool(self._verb_regex.search(re.split(r"[,，、;；。.:：()（）]", before)[-1])))
        return Hit(phrase, start, tuple(perms), tuple(data), verbal)

    def _constants(self, text: str, folded: str, strict: bool) -> list[Hit]:
        """``android.permission.X`` anywhere; bare ``X_Y`` of a known permission; a bare one-word constant
        (``CAMERA``) only in a permission cell or quoted."""
        hits: list[Hit] = []
        seen: set[str] = set()
        normal = unicodedata.normalize("NFKC", text)
        if "permission." in normal:  # constants glued one after the other ("…STORAGEandroid.permission.READ_…")
            normal = _GLUED_PREFIX_RE.sub(" ", normal)
        for m in _CONST_RE.finditer(normal):
            full = "android.permission." + m.group(2)
            if m.group(1) and full not in self.constants:
                full = self._mended(full, normal, m.end())
            if full not in self.constants and "_" in m.group(2):
                full = self._completed(full)
            if full in seen or (full not in self.constants and not (m.group(1) and "_" in full)):
                continue  # an unknown bare word, or "android.permission.READ" cut from a mistyped constant
            quoted = m.start() > 0 and text[m.start() - 1] in "`'\"“‘["  # [CAMERA]: a Markdown reference label
            if "_" not in m.group(2) and not m.group(1) and strict and not quoted:
                continue
            seen.add(full)
            hits.append(Hit(m.group(0).casefold(), min(m.start(), len(folded)), (full,), (), constant=True))
        def add(full: str, phrase: str, start: int) -> None:
            """One hit per known constant, the first place it is written."""
            if full in self.constants and full not in seen:
                seen.add(full)
                hits.append(Hit(phrase.casefold(), min(start, len(folded)), (full,), (), constant=True))

        for m in _FOREIGN_CONST_RE.finditer(normal) if ".permission." in normal else ():
            # a permission Android itself declares outside android.permission ("com.android.alarm.permission.
            # SET_ALARM", "com.android.launcher.permission.INSTALL_SHORTCUT"); another platform's is none
            full = m.group(0).rstrip(".")
            add(full, full, m.start())
        for m in _TITLE_WORDS_RE.finditer(normal) if " " in normal else ():
            # a constant spelled in capitalised words ("Receive Boot Completed", "Access Fine Location")
            # (the whole run only: "User Activity Information" is no USER_ACTIVITY)
            add("android.permission." + "_".join(m.group(0).split()).upper(), " ".join(m.group(0).split()), m.start())
        for m in _GLUED_CONST_RE.finditer(normal) if "_" in normal else ():
            if "android.permission." + m.group(1) in self.constants:
                continue  # a constant as written (read above)
            parts = self.glued_run(m.group(1))  # "INTERNETACCESS_WIFI_STATE": constants run together, all of them
            for full in parts or [self.glued_constant(m.group(1))]:
                if full:
                    add(full, full.removeprefix("android.permission."), m.start())
        for m in _CAPS_RUN_RE.finditer(normal):  # "CAMERAVIBRATE": one-word constants run together
            for full in self.glued_run(m.group(1)):
                add(full, full.removeprefix("android.permission."), m.start())
        for m in _CASED_CONST_RE.finditer(normal) if "ermission" in normal else ():
            # a constant in another case or spaced after its prefix ("android.permission.read_phone_state",
            # "Android. Permission. Get_tasks": a page typed or machine-translated so)
            add("android.permission." + m.group(1).upper(), m.group(0), m.start())
        for m in _PAIRED_CONST_RE.finditer(text) if "/" in text else ():  # READ/WRITE_EXTERNAL_STORAGE: both
            for verb in (m.group(1), m.group(2)):
                add(f"android.permission.{verb}_{m.group(3)}", m.group(0), m.start())
        return hits

    def glued_run(self, run: str) -> list[str]:
        """The known constants (``android.permission.X``) a run of capitals is made of, when it is two or more of
        them written without a gap ("INTERNETACCESS_WIFI_STATEACCESS_NETWORK_STATE"); [] when no such reading covers
        all of it (the longest constant first at each point)."""
        out: list[str] = []
        k = 0
        while k < len(run):
            end = next((e for e in range(len(run), k + 2, -1)
                        if "android.permission." + run[k:e] in self.constants), None)
            if end is None:
                return []
            out.append("android.permission." + run[k:end])
            k = end
        return out if len(out) >= 2 else []

    def glued_constant(self, run: str, one_word: bool = False) -> str:
        """The longest known constant (``android.permission.X``) a run of capitals begins with, when the run goes
        on past it (a constant glued to the next word: "ACCESS_COARSE_LOCATIONM…"); "" when none does. A
        one-word constant ("VIBRATEH…") only when ``one_word`` (a table's permission cell)."""
        best = ""
        for k in range(2 if one_word else run.find("_") + 2, len(run)):
            full = "android.permission." + run[:k]
            if full in self.constants:
                best = full
        return best

    def _completed(self, full: str) -> str:
        """A constant with its last letters cut ("READ_EXTERNAL_STORAG"): the one known constant it begins,
        at most ``MAX_CUT`` letters longer, else ``full``."""
        if len(full) < MIN_COMPLETED:
            return full
        found = [c for c in self.constants if c.startswith(full) and len(c) - len(full) <= MAX_CUT]
        return found[0] if len(found) == 1 else full

    def _mended(self, full: str, text: str, end: int) -> str:
        """A constant written with blanks for underscores ("android.permission.READ PHONE_STATE"): the known
        constant the words after ``full`` complete, else ``full``."""
        tail = _CONST_TAIL_RE.match(text, end)
        if tail:
            words = tail.group(0).split()
            for k in range(len(words), 0, -1):
                mended = "_".join([full] + words[:k])
                if mended in self.constants:
                    return mended
        return full

    def permissions_in(self, text: str, weak: bool | None = None, prose: bool = False,
                       verbal: bool = False, derive: bool = False) -> list[tuple[str, str]]:
        """``(permission, phrase)`` pairs in order of appearance, each permission once. ``verbal``: only
        phrases that use the permission (not ones that just name its data: see :attr:`Hit.verbal`).
        ``derive``: the text is a permission cell, where data it names stands for the permission that
        guards it ("位置信息" -> location permissions; see ``data_permissions`` in the lexicon)."""
        seen: dict[str, str] = {}
        hits = self.find(text, weak, prose, label=derive)
        written = {p for h in hits if h.constant for p in h.permissions}
        for hit in hits:
            if verbal and not hit.verbal:
                continue
            if written and not hit.constant and written & set(hit.permissions):
                continue  # "Location (ACCESS_FINE_LOCATION)": the constant says which of the word's permissions
            perms = hit.permissions
            if derive and not perms:
                perms = tuple(p for d in hit.data_types for p in self.data_permissions.get(d, ()))
            for perm in perms:
                seen.setdefault(perm, hit.phrase)
        return list(seen.items())

    def data_types_in(self, text: str, cell: bool = False, prose: bool = False) -> list[tuple[str, str]]:
        """``(data type, phrase)`` pairs in order of appearance, each data type once; ``cell``: the text is
        a table cell listing permissions or data, where weak permission words count too."""
        seen: dict[str, str] = {}
        for hit in self.find(text, weak=True if cell else None, prose=prose):
            for dt in hit.data_types:
                seen.setdefault(dt, hit.phrase)
        return list(seen.items())

    def mostly_data(self, name: str) -> bool:
        """Whether data words make up half of ``name`` or more ("设备信息（设备型号、IP地址）", "IP address"), not one
        word of a function's name ("通信运营商一键登录/注册": 运营商 is carrier data, the name is a way to log in;
        "分享照片到微信")."""
        phrases = {h.phrase for h in self.find(name, weak=True) if h.data_types}
        return bool(phrases) and sum(width(p) for p in phrases) * 2 >= width(fold(name))

    def role(self, header: str) -> str | None:
        """The role of a column header or block key: an exact phrase, else the longest phrase it contains
        (ties: :data:`ROLES` order); None when it names none (memoised)."""
        key = ("role", header)
        if key not in self._roles:
            if len(self._roles) >= MEMO_LIMIT:
                self._roles.clear()
            self._roles[key] = self._role(header) if len(header) <= 4 * MAX_ROLE_CHARS else None
        return self._roles[key]

    def _role(self, header: str) -> str | None:
        folded = _CJK_GAP_RE.sub("", fold(header).strip(" :：*#|`"))  # "权限 说明": a page's layout, one word
        if not folded and fold(header).strip(" :：*|`") == "#":
            folded = "#"  # the title of a row-number column, not a Markdown heading's mark
        exact = self._field_exact.get(folded)
        if exact:
            return exact
        if _QUESTION_RE.match(folded) and len(folded) <= MAX_ROLE_CHARS:
            return "choice"  # "是否为必要信息", "可否拒绝": a yes-or-no question's column, whatever it asks about
        head_of = _HEAD_OF_RE.match(folded)
        if head_of and len(folded) > MAX_ROLE_CHARS:
            # a long English title "A of …" ("Purposes of processing of personal information and business
            # functions", "Name of plug-in / SDK and its provider"): its head word says the role
            head = self._role(head_of.group(1))
            if head == "title" and self._names_a_name(folded):
                return "name"  # the name of an SDK-ish thing named after it, whoever else ("its provider")
            return head if head not in ("title", "index") else None
        if not folded or len(folded) > MAX_ROLE_CHARS:
            return None
        by = _BY_CLAUSE_RE.match(folded)
        if by:  # "Type of data collected by a third-party SDK", "Information shared with partners": the words
            # before the participle head the label; whose it is after it does not
            head = self._role(by.group(1))
            if head not in (None, "title", "index", "name"):
                return head
        of = _OF_RE.match(folded)
        if of:  # "Purpose of the Permission", "Name of the SDK": the head word before "of" says the role
            head = self._role(of.group(1))
            if head is not None and head not in ("title", "index"):
                return head
            if head == "title" and self._names_a_name(of.group(2)):
                return "name"  # "Name of plug-in / SDK and its provider": the SDK's name, its provider's after it
            rest = self._role(of.group(2))
            if rest is not None:
                return rest
        of_mark = [m.end() for m in _ZH_OF_RE.finditer(folded)] if "的" in folded and len(folded) <= MAX_OF_TITLE else []
        if of_mark and of_mark[-1] < len(folded):
            # "A的B": B heads the label, A only says whose ("第三方提供的功能、目的": a purpose, not a company;
            # "第三方收集的个人信息范围": data), when B names a field itself
            tail = folded[of_mark[-1]:]
            if tail in _INFORMATION_WORDS and self._role(folded[:of_mark[-1]]) != "name":
                return "data"  # "从合作方获得的信息": what is got, whoever from (not "甲乙SDK采集的信息": whose)
            heads = {self._role(part) for part in _JOINED_RE.split(tail) if part.strip()}
            if len(heads) == 1 and not heads & {None, "title", "index", "name"}:
                return heads.pop()  # (not "依赖权限的服务", what uses a permission; not "…的目的、方式和范围",
                # heads of several roles)
        best: tuple[int, int, str] | None = None
        best_start = 0
        closing: tuple[int, int, str] | None = None  # a link word ending the label ("第三方SDK官网链接")
        name_end = 0  # where the longest name word ends
        ending: tuple[int, int, str, int] | None = None  # the longest other word ending the label, not opening it
        for rank, (role, regex) in enumerate(self._field_regexes):
            for m in regex.finditer(folded):
                key = (-len(m.group(1)), rank, role)
                if best is None or key < best:
                    best, best_start = key, m.start(1)
                    name_end = m.end(1) if role == "name" else name_end
                if role not in ("name", "title", "index") and m.end(1) == len(folded) and m.start(1) > 0 \
                        and (ending is None or key < ending[:3]):
                    ending = (*key, m.start(1))
                if role in _LINK_ROLES and m.end(1) == len(folded):
                    closing = key if closing is None or key < closing else closing
                elif role in _HEAD_ROLES and m.end(1) == len(folded) and m.start(1) > 0 and \
                        folded[m.start(1) - 1] == "的":
                    closing = key if closing is None or key < closing else closing
        if closing and not _JOINED_RE.search(folded):
            # the head word of the label is its last one: a link to what the words before name, the purpose
            # of what they name ("调用权限的目的", "收集个人信息的目的")
            return closing[2]
        if best and best[2] == "name" and not _JOINED_RE.search(folded):
            head = self._head_role(folded)
            if head:
                return head
            if ending and (ending[3] < name_end < len(folded) or (
                    name_end <= ending[3] and _CJK_RE.match(folded[-1])
                    and len(_BARE_SDK_RE.sub("", folded[:ending[3]])) <= MAX_VERB_BEFORE_SDK)):
                # the last word heads the label, overlapping the name word before it ("第三方服务商": a
                # company, not "第三方服务" with "商" left over) or after a bare SDK word ("使用SDK目的": a purpose;
                # not "集成个推SDK功能", a product's name)
                return ending[2]
        if best and best[2] == "company" and best_start == 0 and ending and ending[3] >= -best[0] \
                and ending[2] not in ("company", "data", "description") and not _JOINED_RE.search(folded):
            # a party's word opening the label, another field's word ending it: the last word heads it ("第三方包名",
            # the third party's package names; "合作方用途"); not "开发者信息", who the developer is
            return ending[2]
        if best and best[2] == "data" and ending and ending[2] not in ("data", "description") \
                and not _JOINED_RE.search(folded) and not folded.endswith(_DATA_SUBJECT):
            # a word of another role ends the label, data words before it: the last word heads it ("信息共享主体",
            # who gets the data; "个人信息获取方式", how it is got; not "个人信息主体", the person data is about)
            return ending[2]
        return best[2] if best else None

    def _names_a_name(self, folded: str) -> bool:
        """Whether a name's word (of the ``name`` role: "sdk", "plug-in", "service"…) stands in ``folded``."""
        return any(r == "name" and rx.search(folded) for r, rx in self._field_regexes)

    def _head_role(self, folded: str) -> str | None:
        """The role of what follows a leading name word ("SDK用途", "SDK功能", "SDK厂商", "服务用途": the purpose /
        the company of the SDK, not its name), when those words name another role."""
        for role, regex in self._field_regexes:
            if role != "name":
                continue
            for m in regex.finditer(folded):
                if m.start(1) == 0 and m.end(1) < len(folded):
                    rest = folded[m.end(1):].strip(" :：/-_·")
                    head = self._role(rest) if rest and rest not in self._exact_only else None
                    if head not in (None, "name", "title", "index"):
                        return head
        return None

    def glued_label(self, run: str) -> int:
        """Where a field's label glued to the text before it starts in ``run`` (the text before a colon:
        "阿里云计算有限公司使用目的" -> 9, the start of "使用目的"; "…有限公司SDK官网"), the longest Chinese label
        phrase (maybe after "SDK") of at least ``MIN_GLUED_LABEL`` characters written as tables write it; -1 when
        none ends ``run``, or it is all of it."""
        for n in range(min(len(run) - 1, MAX_GLUED_LABEL), MIN_GLUED_LABEL - 1, -1):
            tail = run[-n:]
            head = _SDK_HEAD_RE.match(tail)
            if head is None:
                labels = [tail] if _CJK_RE.match(tail) else []
            elif head.end() > 3:  # "SDK 名称": a title of its own, written with a blank ("…SDK 使用目的": a name's end)
                labels = ["sdk" + tail[head.end():]]
            else:  # "SDK名称": a title of its own; "SDK官网": the label "官网" says the SDK's
                labels = ["sdk" + tail[head.end():], tail[head.end():]]
            roles = [self._field_exact.get(fold(label)) for label in labels]
            if any(role not in (None, "title", "index") for role in roles):
                verb = next((v for v in _SDK_LABEL_VERBS if run[:-n].endswith(v)), "") if head is not None else ""
                if verb and len(run) > n + len(verb) and not run[-n - len(verb) - 1].isalnum():
                    return len(run) - n - len(verb)  # "1、使用SDK名称": the verb is the label's too (not "友盟SDK…")
                return len(run) - n
        return -1

    def is_header(self, text: str) -> bool:
        """True when ``text`` is exactly a header / key phrase ("SDK名称", "Permission"): a repeated header
        row, never a value."""
        return fold(text).strip(" :：*#|`") in self._field_exact

    def roles(self, header: str) -> list[str]:
        """Every role a header names ("开发者及隐私政策": company and link), strongest first."""
        first = self.role(header)
        folded = fold(header)
        more = [r for r, regex in self._field_regexes if r != first and regex.search(folded)]
        return ([first] if first else []) + more

    def generic(self, name: str) -> bool:
        """True for a name that says only what kind of SDK it is ("推送SDK", "统计SDK", "share SDK")."""
        return fold(name).replace(" ", "") in self._generic_keys

    def general(self, name: str) -> bool:
        """True when ``name`` reads as words about SDKs in general ("Third-party SDKs we use", "以下第三方SDK",
        "SDK列表"): it has one of :attr:`not_names`, or opens or ends with one of :attr:`not_name_edges`, or is
        made of them and "SDK" alone."""
        folded = fold(name).strip(" .。:：")
        if any(contains(folded, w) for w in self.not_names):
            return True
        third = _THIRD_PARTY_SDKS_RE.search(folded)
        if third and not _QUOTED_RE.search(folded) \
                and len(_CJK_RE.findall(folded[:third.start()] + folded[third.end():])) >= MIN_GENERAL_WORDS:
            return True  # "合作的第三方SDK服务商", "部分第三方SDK信息用途说明": words about third-party SDKs in general
            # (a product named in quotes or brackets beside the words, "第三方SDK“某某”", is one)
        found = [w for w in self.not_name_edges if contains(folded, w)]
        if not found:
            return False
        bare = _GENERAL_TAIL_RE.sub("", folded).strip()
        if any(bare.startswith(w) or bare.endswith(w) for w in found):
            return True
        for w in sorted(found, key=len, reverse=True):
            bare = bare.replace(w, " ")
        return len(re.sub(r"[\W_]+", "", bare)) <= 1

    def only_permission(self, text: str, label: bool = False) -> bool:
        """True when ``text`` says nothing but a permission ("android.permission.CAMERA", "相机权限", "modify or
        delete the contents of your USB storage"): its phrases and the words around any permission taken away,
        at most two letters are left. ``label``: the text is a permission's label, whose capitalised words
        ("Access Internet") are no name of an app (:meth:`find`)."""
        folded = fold(text)
        for hit in sorted(self.find(text, weak=True, label=label), key=lambda h: -len(h.phrase)):
            folded = folded.replace(hit.phrase, " ")
        rest = _PERMISSION_FILLER_RE.sub(" ", folded)
        return len(re.sub(r"[\W_]+", "", rest)) <= 2

    def restates_permission(self, text: str) -> bool:
        """Whether ``text`` says only a permission again, in other words, as a purpose may ("read and write to the
        USB storage", "访问您的相机"): its permission phrases and a few small words make up all but a quarter of it
        (a phrase read with its verb shared, "read, receive and send sms", taken out word by word)."""
        folded = fold(text)
        hits = [h for h in self.find(text, weak=True) if h.permissions]
        if not hits:
            return False
        total = len(_RESTATING_FILLER_RE.sub("", folded))
        folded = without_phrases(folded, hits)
        return len(_RESTATING_FILLER_RE.sub("", _ACCESS_VERB_RE.sub(" ", folded))) * 4 <= total

    def general_heading(self, name: str) -> bool:
        """A numbered heading about SDKs in general ("5. Third-Party SDKs We Use", a table of contents' entry), never
        one SDK's name."""
        bare = name.strip("\"'` ")
        return is_heading(bare) and self.general(bare)

    def service_kind(self, name: str) -> bool:
        """True for a row named by a kind of service only (:attr:`service_kinds`)."""
        return fold(name).strip(" .:：") in self.service_kinds

    def party(self, name: str) -> bool:
        """True for a row named by a kind of party, not a product (:attr:`parties`)."""
        folded = fold(name).strip(" .。")
        return any(folded == p or (not p.isascii() and folded.endswith(p)) for p in self.parties)

    def denied_row(self, text: str) -> bool:
        """A table row (cells between pipes) whose every cell but those naming data answers "no"
        ("Precise location | No | No"): it discloses nothing."""
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
        if len(cells) < 2:
            return False
        answers = [c for c in cells if c and not self.data_types_in(c, cell=True)]
        return bool(answers) and all(self._negative_answer(fold(c).strip(" .。")) for c in answers)

    def _negative_answer(self, folded: str) -> bool:
        """A cell answering "no" ("No", "否"), or opening with an answer of several words and saying when ("Not
        collected by default", "不收集（默认关闭）")."""
        return folded in self.negative_answers or any(
            folded.startswith(a) and (len(a) > 3 or not a.isascii()) and len(a) >= 2 and not folded[len(a):len(a) + 1].isalnum()
            for a in self.negative_answers)

    def scene_class(self, text: str) -> bool:
        """True when ``text`` only classes a function ("核心业务功能", "Basic functions"), not names one."""
        return fold(text).strip(" .。:：") in self.scene_classes

    def platform(self, text: str) -> str | None:
        """``ios`` or ``android`` when ``text`` names exactly one of them."""
        folded = fold(text)
        named = [p for p, words in self.platforms.items() if any(contains(folded, w) for w in words)]
        return named[0] if len(named) == 1 else None
