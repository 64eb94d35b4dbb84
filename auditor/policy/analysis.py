"""One pass over a document's lines, shared by every extractor: what each line's text is.

Every extractor asks the same questions of a line (a heading? a pipe-table row? a ``label：value`` line? its
display width? which lexicon phrases does it hold?). :func:`analyse` answers them once per document, before
the extractors run, and hands the answers to all of them through
:attr:`auditor.policy.claims.Context.lines`. The answers depend only on the text of a line (and on the
lexicon), so a text that recurs (a repeated header, a boilerplate line, a long policy's repeated blocks) is
analysed once: equal texts share one :class:`LineFacts`. Everything here is immutable; extractors never
share anything else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor.policy.text import HEADING_RE, SEPARATOR_RE, URL_ONLY_RE, is_heading, width

if TYPE_CHECKING:
    from auditor.policy.document import Line
    from auditor.policy.lexicon import Lexicon

OUTLINE = r"\d{1,2}(?:\.\d{1,2}){1,3}[.、．]?(?=\D)\s*"
"""A multi-level outline number written against its text ("2.1.3第三方SDK提供方：", "2.1微信SDK")."""
PAIR_RE = re.compile(r"^\s*(?:[-*•·●▪◦]\s*)?(?:" + OUTLINE + r"|[(（]?\d{1,2}[.)）、]\s*)?([^:：]{1,48}?)\s*[:：](?!//)\s*(.*)$")
"""A ``label：value`` line (the label at most 48 characters, as wide as the lexicon reads roles: "Category of
personal information collected:"), after an optional bullet or outline number; the colon of an address's
scheme ("https://") is no label's."""
_SPLIT_RE = re.compile(r"\s*[；;]\s*")
_SENTENCE_LABEL_RE = re.compile(r"\s*(?:(?:we|you|i|they|it|this app|the app|our app)\s|我们|您|本应用|本软件|本产品)"
                                r"|.*[，,](?![^（(]*[）)])|.*(?:如下|如下所示|as follows)\s*$", re.IGNORECASE)
"""A label that reads like a sentence ("We use the following services:", "为提供服务，我们会向您申请下列权限：",
"目前接入的第三方SDK列明如下："): a pronoun, a comma outside brackets, "as follows") introduces a list; it is not
a field."""
@dataclass(frozen=True)
class LineFacts:
    """What the text of one line is (the same object for every line with the same text)."""

    width: int
    """Display width of the text (CJK counts double)."""
    heading: bool
    """A section heading of the text (:func:`auditor.policy.text.is_heading`)."""
    outline: bool
    """The text opens with outline numbering (:data:`auditor.policy.text.HEADING_RE`)."""
    piped: bool
    """A line of a pipe table: opens or closes with a pipe, has two or more, or is a separator row."""
    separator: bool
    """A Markdown separator row (``|---|---|``)."""
    pairs: tuple[tuple[str, str], ...]
    """``(role, value)`` of a label line ("SDK名称：X；所属公司：Y" gives two); () when it is not one."""
    data_types: tuple[tuple[str, str], ...]
    """``(data type, phrase)`` the text names as running text (``Lexicon.data_types_in(text, prose=True)``)."""


def analyse(lines: Sequence[Line], lexicon: Lexicon) -> tuple[LineFacts, ...]:
    """The facts of every line, index for index (each distinct text analysed once)."""
    by_text: dict[str, LineFacts] = {}
    out = []
    for line in lines:
        facts = by_text.get(line.text)
        if facts is None:
            facts = by_text[line.text] = _facts(line.text, lexicon)
        out.append(facts)
    return tuple(out)


def _facts(text: str, lexicon: Lexicon) -> LineFacts:
    return LineFacts(
        width=width(text), heading=is_heading(text), outline=HEADING_RE.match(text) is not None,
        piped=piped(text), separator=SEPARATOR_RE.match(text) is not None,
        pairs=tuple(label_pairs(text, lexicon)),
        data_types=() if "|" in text and lexicon.denied_row(text) else tuple(lexicon.data_types_in(text, prose=True)),
    )


def heading_line(line: Line, facts: LineFacts) -> bool:
    """A section heading by its words (:attr:`LineFacts.heading`) or by its markup (an HTML or Markdown heading,
    whose mark is "h1"…"h6"); ``facts`` are the line's own (``Context.lines[i]`` for ``Document.lines[i]``)."""
    return facts.heading or line.mark.startswith("h")


def piped(text: str) -> bool:
    """A line of a pipe table: it opens or closes with a pipe, or has two or more (a quoted "|" in a
    sentence does not count)."""
    text = text.strip()
    return text.startswith("|") or text.endswith("|") or text.count("|") >= 2 or bool(SEPARATOR_RE.match(text))


_ATTRIBUTE_RE = re.compile(r"\b[A-Za-z]\w*:[A-Za-z]\w*\s*=\s*[\"']")
"""An XML attribute with a namespace (``android:name="…"``)."""


def label_pairs(text: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    """``(role, value)`` pairs of a label line (several when ";"-separated), or []."""
    out: list[tuple[str, str]] = []
    if ":" in text and _ATTRIBUTE_RE.search(text):
        return out  # 'uses-permission android:name="…"': markup quoted in the text, not a label
    parts = [p for chunk in _SPLIT_RE.split(text) for p in _one_line_record(chunk, lexicon)]
    for k, part in enumerate(parts):
        m = PAIR_RE.match(part)
        role = _label_role(m.group(1), lexicon) if m and width(m.group(1)) <= 48 else None
        named = _named_first(m, role, lexicon) if m and not out else None
        if m and not out and named is None and (split := _name_then_label(m.group(1), lexicon)
                                                or _glued_name_label(m.group(1), lexicon)) is not None:
            named = [("name", split[0]), (split[1], m.group(2).strip())]  # "① MobTech SDK 场景描述：消息推送"
        if m and not out and named is None and (inner := _bracketed_label(m.group(1), m.group(2), lexicon)):
            named = [("name", inner[0]), (inner[1], inner[2])]  # "Agoo SDK（开发者：某某有限公司）"
        if m and not out and named is None and role == "name" and _LEAD_MARK_RE.match(part) \
                and _names_own_sdk(m.group(1), lexicon):
            return []  # "-友盟 SDK：用于日常活跃数据统计": a list item naming its SDK, no label line
        if named is not None:
            out += named  # "1. 某某SDK：收集目的：…；收集方式：…": the item's name, then its first field
            continue
        if m and out and (held := _held_over(out[-1][0], m.group(1), lexicon)):
            # "…；网络及位置相关信息 官网链接：https://…": the last item of the list before, then the next label
            out[-1] = (out[-1][0], f"{out[-1][1]}；{held[0]}")
            out.append((held[1], m.group(2).strip()))
            continue
        if role == "permissions" and m and (lexicon.permissions_in(m.group(1), weak=True)
                                            or _NAMED_PERMISSION_RE.search(m.group(1).strip())):
            role = None  # "相机权限：用于拍照", "来电消音权限：用于…" name a permission, they are no field
        if role == "title" and m and not out and m.group(1).strip().casefold() in _BARE_NAME_LABELS \
                and _NAME_LABEL_RE.match(m.group(2).strip()) \
                and (_SDK_WORD_RE.search(m.group(2)) or _facts_follow(parts[k + 1:], lexicon)):
            # "名称：市民卡充值SDK", "1、名称：小米 PUSH；信息类型：设备信息；使用目的：推送消息": a bare name label over a
            # component's name, or over a name its line gives the facts of, names the record
            role = "name"
        if role == "name" and m and URL_ONLY_RE.match(m.group(2)):
            role = "website"  # "官网SDK地址：https://…": an address is never a name, whatever word of its label reads so
        if role == "company" and m and _EMAIL_ONLY_RE.match(m.group(2)):
            role = None  # "Owner contact email: someone@example.com": how to reach the owner, no company's name
        if role in (None, "title", "index"):
            if out:
                out[-1] = (out[-1][0], f"{out[-1][1]}；{part}")
                continue
            return []
        assert m is not None
        out.append((role, m.group(2).strip()))
    return out


def _held_over(previous: str, label: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """A label that carries the last item of the list before it, a blank between them ("设备信息；IMEI；网络及位置
    相关信息 官网链接：https://…" cut at its semicolons): ``(item, role)`` when the words after the last blank are
    a field's label as written and the words before it are what the field before lists (data in a data field,
    permissions in a permission field) with no label's role of their own; else None."""
    head, _, tail = label.strip().rpartition(" ")
    head = head.strip()
    if not head or previous not in ("data", "permissions") or not lexicon.is_header(tail) or lexicon.is_header(label) \
            or lexicon.role(head) is not None:
        return None
    role = lexicon.role(tail)
    if role in (None, "title", "index", previous):
        return None
    listed = lexicon.data_types_in(head, cell=True) if previous == "data" else lexicon.permissions_in(head, weak=True)
    return (head, role) if listed else None


_EMAIL_ONLY_RE = re.compile(r"^\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$")
_NAMED_PERMISSION_RE = re.compile(r"^(?:\d{1,2}[、.．]\s*|[(（]\d{1,2}[)）]\s*)?(?!.*(?:申请|调用|所需|需要|敏感|系统|设备|涉及|使用|获取|相关|必要|可选|危险"
                                  r"|特殊|普通|基础|授权|请求|开启|android|app|应用|的|及|和|与|或|/))[\u4e00-\u9fff]{2,8}权限$",
                                  re.IGNORECASE)
"""A label naming one permission by what it allows ("来电消音权限", "悬浮窗权限"), not a field of permissions
("调用的权限", "敏感权限", "系统权限")."""
_CIRCLED_RE = re.compile(r"^\s*[\u2460-\u2473\u2776-\u277f\u2780-\u2793\u3251-\u325f\u32b1-\u32bf]\s*")
"""An item's circled number ("①")."""


def _name_then_label(label: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """A label line's label that is an SDK's name, a blank, then a field's label ("MobTech SDK 场景描述",
    "小鱼易连 SDK 收集个人信息类型"): ``(name, role)``, else None."""
    head, _, tail = label.strip().rpartition(" ")
    # (without its item's mark, nor the full stop a sentence-like item puts after it: "(a) 甲乙SDK (com.example)。 官方链接")
    head = _LEAD_MARK_RE.sub("", _CIRCLED_RE.sub("", head)).strip().removesuffix("。").rstrip()
    if not head or not _SDK_WORD_RE.search(head) or not _NAME_LABEL_RE.match(head) or not lexicon.is_header(tail) \
            or "/" in head or lexicon.role(head) not in (None, "name") or len(_SDK_WORD_RE.sub("", head).strip()) < 2 \
            or lexicon.role(_SDK_WORD_RE.sub("", head).strip()) == "company":
        return None  # (not "腾讯云短信 SDK 官网链接 / 隐私政策", "隐私协议链接或 sdk", "第三方 SDK 提供方": labels of their own)
    role = lexicon.role(tail)
    return (head, role) if role not in (None, "name", "title", "index") else None


_OPEN_BRACKET_LABEL_RE = re.compile(r"^(.+?)\s*[（(]\s*([^（）()]{1,12})$")


def _bracketed_label(label: str, value: str, lexicon: Lexicon) -> tuple[str, str, str] | None:
    """A name written with one of its fields in brackets, the colon inside them ("Agoo SDK（开发者：某某有限公司）",
    "Firebase (provider: Google LLC)"): ``(name, role, value)``, else None."""
    m = _OPEN_BRACKET_LABEL_RE.match(label.strip())
    if m is None or not value.rstrip().endswith((")", "）")) or "(" in value or "（" in value:
        return None
    name = _LEAD_MARK_RE.sub("", m.group(1)).strip()
    role = lexicon.role(m.group(2))
    if role not in ("company", "purpose", "link", "website", "packages") or not _NAME_LABEL_RE.match(name) \
            or lexicon.is_header(name) or lexicon.general(name) or name.startswith("《"):
        return None  # (not "《某某隐私政策》（链接地址：https://…）", a document's title)
    return name, role, value.rstrip()[:-1].strip()


_LEAD_MARK_RE = re.compile(r"^\s*(?:[-*•·●▪◦]|\d{1,2}[.、．)）]|[(（](?:\d{1,2}|[a-zA-Z])[)）])\s*")
_FIELD_WORD_RE = re.compile(r"使用|接入|集成|合作|嵌入|调用|引入|所用|相关|名称|类型|列表|清单|信息|收集|获取|提供")
"""Words that make "… SDK" a field's label ("使用SDK", "接入的SDK名称", "合作SDK"), not a product's name."""


def _names_own_sdk(label: str, lexicon: Lexicon) -> bool:
    """A label that is an SDK's own name ("-友盟 SDK", "新浪微博SDK", "1. 微信开放平台移动应用 SDK") over what it is
    for, not a field's label ("SDK", "使用SDK名称", "合作SDK") nor a kind ("广告SDK")."""
    bare = _LEAD_MARK_RE.sub("", label).strip()
    rest = _SDK_WORD_RE.sub("", bare).strip(" -_·")
    return not (lexicon.is_header(bare) or not _NAME_LABEL_RE.match(bare) or not _SDK_WORD_RE.search(bare)
                or len(rest) < 2 or _FIELD_WORD_RE.search(rest) or lexicon.general(rest)
                or lexicon.role(rest) is not None
                or any(rest.casefold() == w.casefold() for ws in lexicon.category_words.values() for w in ws))


_CASE_TURN_RE = re.compile(r"(?<=[a-z0-9)])(?=[A-Z][a-z])")
"""Where a capitalised word is glued to the word before it ("AdMob|Personal Data")."""


def _glued_name_label(label: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """A label that is a service's name glued to an English field's label, no blank between (a policy summary
    copied from a page: "AdMobPersonal Data", "AppsflyerPersonal Data"): ``(name, role)`` when the label's
    words from a capital glued to the word before are a field's label of a fact and the words before a name;
    else None."""
    if not label.isascii() or " " not in label:
        return None
    for m in _CASE_TURN_RE.finditer(label):
        head, tail = label[:m.start()].strip(), label[m.start():].strip()
        if lexicon.is_header(tail) and _NAME_LABEL_RE.match(head) and not lexicon.is_header(head) \
                and any(c.isupper() for c in head):  # (a name has a capital: not code, "val policyCompany")
            role = lexicon.role(tail)
            if role not in (None, "name", "title", "index"):
                return head, role
    return None


_BARE_NAME_LABELS = frozenset({"名称", "name"})
_FACT_ROLES = frozenset({"company", "purpose", "data", "link", "website", "permissions", "packages", "method"})


def _facts_follow(parts: list[str], lexicon: Lexicon) -> bool:
    """The next part of a line is a field of an SDK's facts ("信息类型：…", "使用目的：…")."""
    m = PAIR_RE.match(parts[0]) if parts else None
    return m is not None and width(m.group(1)) <= 48 and _label_role(m.group(1), lexicon) in _FACT_ROLES


_NAME_LABEL_RE = re.compile(r"^[^\s:：，,。]{2,}(?:\s[^\s:：，,。]+){0,3}$")
"""Text that may be a name written as a label: a few words, no sentence punctuation."""
_SDK_WORD_RE = re.compile(r"sdk|库|组件|插件|框架|\bkit\b", re.IGNORECASE)
"""A word saying a name is a software component's ("某某SDK", "开发通用工具库", "OkHttp框架")."""


def _balanced(text: str) -> bool:
    """No bracket left open or closed without its pair ("宝宝日记（Android 包名" is cut inside an aside)."""
    return text.count("（") + text.count("(") == text.count("）") + text.count(")")


def _named_first(m: re.Match[str], role: str | None, lexicon: Lexicon) -> list[tuple[str, str]] | None:
    """An item written as its name then its fields on one line ("1. 某某SDK：收集目的：用于推送；…"): a label
    no field role is read for (or read as the name field, being an SDK name) over a value that opens with a
    field's label is the item's own name. ``[("name", name), (role, value)]``, or None for any other line."""
    label, value = m.group(1).strip(), m.group(2).strip()
    if role not in (None, "name") or lexicon.is_header(label) or not _NAME_LABEL_RE.match(label) \
            or not _SDK_WORD_RE.search(label):
        return None  # ("Camera Access: Why we need it: …": a permission's item, not an SDK's)
    inner = PAIR_RE.match(value)
    if inner is None or width(inner.group(1)) > 48 or not _balanced(inner.group(1)):
        return None
    inner_role = _label_role(inner.group(1), lexicon)
    if inner_role in (None, "title", "index", "name") or (
            inner_role == "permissions" and lexicon.permissions_in(inner.group(1), weak=True)):
        return None
    return [("name", label), (inner_role, inner.group(2).strip())]


OWNED_NAME_RE = re.compile(r"[(（](?:[^()（）]|[(（][^()（）]{0,20}[)）]){2,60}?"
                            r"(?:公司|集团|研究院|Inc\.?|Ltd\.?|LLC|GmbH|Limited|Corporation)[)）]\s*$", re.IGNORECASE)
"""A name followed by its company in brackets: the SDK itself, not the label of one."""


def _label_role(label: str, lexicon: Lexicon) -> str | None:
    """The role of a label; None for a label that reads like a sentence, except a label with a short aside
    after a comma ("第三方隐私政策链接，仅供参考：", "Privacy policy, for reference:")."""
    if not _SENTENCE_LABEL_RE.match(label):
        role = lexicon.role(label)
        if role in ("name", "company") and OWNED_NAME_RE.search(label) and not lexicon.is_header(label):
            return None  # "某某SDK（某某有限公司）：用途；收集…": an SDK and its company, then what it does
        return role
    head, _, aside = label.replace("，", ",").partition(",")
    if width(aside.strip()) <= MAX_ASIDE and "," not in aside and not _SENTENCE_LABEL_RE.match(head):
        return lexicon.role(label[:len(head)])
    return None


MAX_ASIDE = 12
"""Display width of an aside after a label's comma ("仅供参考", "for reference")."""
_INNER_LABEL_RE = re.compile(r"(?<=\s)([^\s:：；;]{2,16})\s*[:：](?!//)")
MAX_RECORD_LINE = 600
_COLON_RE = re.compile(r"[:：](?!//)")
_SENTENCE_END_RE = re.compile(r"[。；;]")
_COMPANY_END_RE = re.compile(r"(?:公司|集团|研究院)$")
"""A value that ends as a company's name does: a label glued after it starts a field of its own."""
_ADDRESS_END_RE = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+$", re.IGNORECASE)
"""A value that ends as an address does, in ASCII: a Chinese label glued after it ("…/analytics使用目的：") starts
a field of its own (an address's Chinese path is no label's words)."""


def record_fields(label: str, value: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    """``(role, value)`` fields of a record written on one line after its name ("涉及个人信息：… 使用目的：…
    使用场景：…"): the first label's field, then one per later label that names a role, cut where it starts."""
    text = f"{label}：{value}"
    cuts = [c.start() for c in _INNER_LABEL_RE.finditer(text, len(label) + 1)
            if lexicon.role(c.group(1)) not in (None, "title", "index", "name")]
    bounds = [0] + cuts + [len(text)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        m = PAIR_RE.match(text[a:b].strip())
        role = lexicon.role(m.group(1)) if m else None
        if m and role not in (None, "title", "index"):
            out.append((role, m.group(2).strip()))
    return out


def _one_line_record(part: str, lexicon: Lexicon) -> list[str]:
    """An SDK record written on one line, its fields after blanks ("SDK名称:X 使用目的:Y 运营方:Z"): one part
    per field, cut where a later label names a role; only when the line opens with the name label. A field's
    Chinese label glued to a company's name or an address before it ("提供方：某某有限公司使用目的：…",
    "官网：https://…/analytics使用目的：…") is cut where it starts,
    under a line opening with any field's label (glued to other words, a label word ends too many sentences
    and longer labels: "…功能：", "使用目的及业务场景：")."""
    m = PAIR_RE.match(part) if len(part) <= MAX_RECORD_LINE else None
    opening = lexicon.role(m.group(1)) if m is not None else None
    if m is not None and opening != "name" and _name_then_label(m.group(1), lexicon) is not None:
        opening = "name"  # "① MobTech SDK 场景描述：… 收集个人信息类型：…": a record on one line, opened by its name
    if m is None or opening in (None, "title", "index"):
        return [part]
    # (a permission's record on one line, "权限名称：android.permission.X 名称(中文)：网络权限 用途说明：…", is cut at
    # its later labels too, the title of the permission's name among them)
    cuts = [c.start() for c in _INNER_LABEL_RE.finditer(part, m.end(1))
            if (opening == "name" and lexicon.role(c.group(1)) not in (None, "title", "index"))
            or (opening == "permissions" and lexicon.role(c.group(1)) in ("title", "purpose", "scene", "description"))]
    last = m.start(2)
    for colon in _COLON_RE.finditer(part, m.start(2)):
        run = part[last:colon.start()]
        glued = lexicon.glued_label(run) if run and not run[-1].isspace() and not _SENTENCE_END_RE.search(run) else -1
        if glued > 0 and (_COMPANY_END_RE.search(run, 0, glued) or _ADDRESS_END_RE.search(run, 0, glued)):
            cuts.append(last + glued)
        last = colon.end()
    cuts = sorted(set(cuts))
    bounds = [0] + cuts + [len(part)]
    return [part[a:b].strip(" \t，,") for a, b in zip(bounds, bounds[1:]) if part[a:b].strip(" \t，,")]
