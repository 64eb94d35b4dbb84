"""Permission lists: items whose label names a permission, each with the scenes it is used for.

    （1）电话权限（获取手机识别码）：当您使用V粉卡服务时…          -> label, then the scene on the same line
    A.读取/修改手机存储权限  /  用户使用保存或上传图片功能时…        -> label, then the scene on the next line
    1、写入外部存储权限 / 业务场景:写入相册 / 使用目的:… / 业务场景:…  -> one scene per labelled scene line
    1. 为了提供如下功能，我们需要访问您的相机权限： / * 扫一扫 / * …    -> one scene per feature item below
    - android.permission.INTERNET /   - This permission is used to…  -> the nested lines are the purpose
    ### Location Permissions (ACCESS_FINE_LOCATION) / * Required for: … -> a heading naming a permission
    读取手机状态和身份 / 允许应用访问设备的电话功能…                   -> bare labels, each over its description
    位置权限 / ACCESS_FINE_LOCATION / 获取位置 / 用于打卡  (x3 or more) -> a table copied one cell per line, each
                                                                     row found by its line of constants

An item counts when its label has a permission constant, says "权限"/"permission", or sits in a section
whose heading is about permissions; a bare label line counts only when it is mostly a permission phrase and
the list has several. Items under an iOS-only heading name no Android permission. A label that is only the
permission, with nothing said of its use, gives the permission without a scene.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from auditor.policy.claims import Context, ExtractorKind, SceneClaim, Structure
from auditor.policy.document import Document, Line
from auditor.policy.lexicon import fold
from auditor.policy.table import MAX_GLUED_TITLE, TIMING_TITLE_RE, split_titles
from auditor.policy.text import (
    CIRCLED,
    FENCE_RE,
    GLUED_CONSTANT_RE,
    HEADING_RE,
    NOTHING_RE,
    OUTLINE_NUMBER_RE,
    PERMISSION_DEFINITION_RE,
    PERMISSION_WORD,
    PURPOSE_MARK_RE,
    REFUSAL_RE,
    SDK_RE,
    SERVICE_NAME_TAIL,
    TERM_DEFINITION_RE,
    TERMINAL,
    TIMING_LABEL_RE,
    URL_ONLY_RE,
    WITHDRAWAL_RE,
    link_text,
    moment,
    number_style,
    width,
)

_ITEM_RE = re.compile(
    r"^\s*(?:[(（]\s*(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})\s*[)）]|\d{1,2}(?:\.\d{1,2})*\s*[.、．)）](?!\d)"
    r"|\d{1,2}(?:\.\d{1,2})+(?=\s)"
    r"|[a-zA-Z]\s*[.、．)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|" + CIRCLED + r"|[-*•·●▪◦](?!/))\s*(.+)$"
)
"""A list item and its text; not a block comment's end ("*/")."""
_NUMBERED_RE = re.compile(r"^\s*(?:[(（]?\s*\d{1,2}|[a-zA-Z]\s*[.、．)）]|" + CIRCLED + r"|[一二三四五六七八九十]{1,3}\s*[、.．])")
_LABEL_SPLIT_RE = re.compile(r"\s*(?:[-–—=]+>|→|⇒)\s*|\s*[:：]\s*|\s+[-–—]+\s*")
"""What parts an item's label from its text: a colon, a dash after a blank, or an arrow ("相机(CAMERA)–>扫码")."""
_COMMA_LABEL_RE = re.compile(r"^([^，,。；;：:“”\"]{1,30}?权限)\s*[，,]\s*((?:用于|用来|以便|为了|是为了|主要用于|仅用于)\S.*)$")
"""An item's label parted from its text by a comma, the text saying what the permission is for ("（3）相机权限，用于
上传头像…"): the label names the permission, the text its use (whose words name no permission of the item's)."""
_DASHED_LABEL_RE = re.compile(r"^([^，,。；;“”\"‘’「」《》]{1,120}?权限)[-–—]+\s*(\S.*)$")
"""An item's label run into its text through a dash right after the word for permission ("存储权限-访问您设备上的
文件。用于…"); not a dash of a settings path in a sentence ("为了…，您可以通过“我的-设置-系统权限-位置”开启")."""
_CLAUSE_SPLIT_RE = re.compile(r"\s*[，,；;]\s*")
_PERMISSION_WORD_RE = re.compile(PERMISSION_WORD + r"|permission|authorit", re.IGNORECASE)
_CONSTANT_RE = re.compile(r"[A-Z]{2,}_[A-Z]|android\.permission\.")
_LABEL_RE = re.compile(r"^\s*(?:[-*•·●▪◦]\s*)?([^:：]{1,24}?)\s*[:：]\s*(.*)$")
_INNER_LABEL_RE = re.compile(r"(?<=\s)([^\s:：]{2,12})\s*[:：](?!//)\s*")
"""A second label later on the same line, after a blank ("… 使用场景和目的：…")."""
MAX_LABEL_WIDTH = 120
MAX_DETAIL_LINES = 24
MAX_BARE_LABEL = 28
MIN_BARE_ITEMS = 3
MIN_DESCRIPTION_EXTRA = 4
MAX_INTRO_WIDTH = 200
MAX_NUMBERED_INTRO = 100
"""Display width of a numbered line that introduces permission items (longer: an item of its own)."""
_CLAUSE_END_RE = re.compile(r"[,，;；。!?！？]|\.(?:\s|$)")
MAX_FEATURE_WIDTH = 80
MAX_PLAIN_LINES = 3
CONFIDENCE = 0.75
FEATURE_CONFIDENCE = 0.5
SCENE_ROLES = ("scene", "purpose", "description")
_USE_RE = re.compile(PURPOSE_MARK_RE.pattern + r"|用来|\bused (?:to|for|when)\b", re.IGNORECASE)
"""A description saying what the app uses the permission for ("Used to scan…", "用于扫码"), not what it is."""
MAX_DEFINITION_WIDTH = 16
"""Display width of a description that may say only what a permission is ("使用麦克风录音", "访问网络")."""


def _a_use(description: str) -> bool:
    """A permission's description that says what the app uses it for: with a word of purpose ("Used to…",
    "用于…"), or longer than the system's few words and not its sentence ("允许应用…")."""
    return bool(_USE_RE.search(description)) or (
        width(description) > MAX_DEFINITION_WIDTH and not PERMISSION_DEFINITION_RE.match(description))




@dataclass(frozen=True)
class _Item:
    """A permission item: its label (the permission text), the rest of its line, where it starts."""

    label: str
    rest: str
    first: int
    heading: bool = False


class PermissionListExtractor:
    kind = ExtractorKind.PERMISSION_LIST

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        out: list[Structure] = []
        topic, platform = False, None
        lines = doc.lines
        ask = _Lines(ctx)
        kinds = ask.classify(lines)
        bare = _bare_labels(lines, ask, kinds.bare) | _topic_labels(lines, ask, ctx, kinds.quiet)
        listed = _listed_items(lines, ctx) | _service_lines(lines)
        spaced = _spaced_tables(lines, ctx, kinds.spaced_header) + _anchored_tables(lines, ask) + _glued_tables(lines, ctx) \
            + _manifest_comments(lines, ctx) + _glued_title_tables(lines, ctx) + _features_listed(lines, ctx) \
            + _asking_titles(lines, ctx)
        out.extend(spaced)
        owned = {k for st in spaced for k in range(st.first, st.last + 1)}
        quiet = kinds.quiet
        # a permission label line over the uses listed under it ("Camera, Microphone" / "- to record videos")
        over = [kinds.bare[k] and not lines[k].mark and k + 1 < len(lines) and _marked(lines[k + 1])
                for k in range(len(lines))]
        heads = frozenset(k for k, o in enumerate(over) if o)
        # a list item over a line that writes permission constants out ("3. Access to the camera" /
        # 'uses-permission android:name="android.permission.CAMERA"'): a permission item whatever its words
        below = [k - 1 for k, line in enumerate(lines) if k and _may_write_constants(line.text)]
        over_constants = frozenset(k for k in below if _marked(lines[k]) and not kinds.bare[k]
                                   and _constants_written(lines[k + 1].text, ctx)
                                   and not _constants_written(lines[k].text, ctx)) | _headings_over_constants(lines, ctx)
        i = 0
        refusing = False  # under a line saying the app does not ask for what follows ("We do not request:")
        while i < len(lines):
            marker = platform_marker(lines[i].text, ctx) if i not in owned else None
            if marker:  # "[iOS]", "Android：": what follows is that platform's part
                platform, i = marker, i + 1
                continue
            if i in owned or (quiet[i] and i not in bare and not over[i] and i not in over_constants
                              and i not in listed):
                refusing = lines[i].text[-1:] in (":", "：") and _refusing(lines[i], ctx)
                topic = topic or (i not in owned and _introduces_subitems(lines, i, ctx))
                i += 1
                continue
            line = lines[i]
            item = ask.item(line, i, topic or i in listed) or (_listed_item(line, i) if i in listed else None) or (
                _Item(line.text.strip(), "", i) if i in bare else None) or (
                _Item(line.text.strip(), "", i, heading=True) if over[i] else None) or (  # it heads its list
                _Item(_body(line), "", i) if i in over_constants else None)  # its constants written below it
            introduces, section = ask.kind(line)
            if item is None and (introduces or _introduces_subitems(lines, i, ctx)):
                topic = True  # "我们可能向您申请以下权限：", "The app requests these permissions:"
                if not introduces:
                    i += 1  # (a numbered section's paragraph: no feature of its own)
                    continue
            if item is None:
                refusing = line.text[-1:] in (":", "：") and _refusing(line, ctx)
                feature = ask.feature(line, i) if platform != "ios" else None
                if feature is not None:
                    out.append(feature)
                    i = feature.last + 1
                    continue
                if section and _ITEM_RE.match(line.text) and _PLATFORM_NOTE_RE.search(line.text):
                    pass  # "七、使用面容ID权限(IOS)" among the numbered permission items: an iOS item, not a section
                elif section and not _a_use_item(line):  # ("（3）用于…。": a use of an item, no section of the policy)
                    topic = bool(_PERMISSION_WORD_RE.search(line.text))
                    platform = ask.platform(line.text)
                i += 1
                continue
            if item.heading:
                platform = ask.platform(line.text) or platform
            scenes, last = _scenes(lines, item, ctx, bare, heads)
            if refusing or _refused(item.rest or item.label, ctx):
                scenes = []  # "通讯录权限：我们不会读取您的通讯录": the item says the permission is not used (an item
                # of one sentence says so in its label: "We do **not** ask for your location or SMS…")
            if platform != "ios" and ask.platform(item.label) != "ios":
                out.append(Structure(self.kind, i, last, CONFIDENCE, scenes=tuple(scenes)))
            i = last + 1
        return out


@dataclass(frozen=True)
class _Kinds:
    """Per line (index for index with ``Document.lines``), what its text alone tells."""

    quiet: tuple[bool, ...]
    """It can play no part in :meth:`PermissionListExtractor.extract` unless it is a bare label: it starts no
    item even under a permission topic, introduces no items, is no section heading and no feature item."""
    bare: tuple[bool, ...]
    """It may be a bare label (:func:`_bare_labels`): a permission label or constant, not a marked item."""
    spaced_header: tuple[bool, ...]
    """It is the header of a blank-separated permission table (:func:`_spaced_header`)."""


class _Lines:
    """This read's answers to the questions the extractor asks of every line, each distinct line (text and
    markup) asked once: a long policy repeats its lines. Local to one :meth:`PermissionListExtractor.extract`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._items: dict[tuple[str, str, bool], _Item | None] = {}
        self._features: dict[tuple[str, str], tuple[str, str, str] | None] = {}
        self._kinds: dict[tuple[str, str], tuple[bool, bool]] = {}
        self._labels: dict[tuple[str, str, bool | None], bool] = {}
        self._platforms: dict[str, str | None] = {}

    def classify(self, lines: tuple[Line, ...]) -> _Kinds:
        """What each line is as far as its own text tells (:class:`_Kinds`), each distinct line asked once."""
        memo: dict[tuple[str, str], tuple[bool, bool, bool]] = {}
        out: list[tuple[bool, bool, bool]] = []
        for line in lines:
            key = (line.text, line.mark)
            found = memo.get(key)
            if found is None:
                quiet = self.item(line, 0, True) is None and self.kind(line) == (False, False) \
                    and self.feature(line, 0) is None
                bare = bool(self.label(line, verbal=False) or (_CAPS_RE.search(line.text) and self.constant(line))) \
                    and not _ITEM_RE.match(line.text)
                found = memo[key] = (quiet, bare, _spaced_header(line, self.ctx))
            out.append(found)
        return _Kinds(tuple(k[0] for k in out), tuple(k[1] for k in out), tuple(k[2] for k in out))

    def item(self, line: Line, i: int, topic: bool) -> _Item | None:
        """:func:`_item` of the line."""
        key = (line.text, line.mark, topic)
        if key not in self._items:
            self._items[key] = _item(line, 0, self.ctx, topic)
        found = self._items[key]
        return None if found is None else _Item(found.label, found.rest, i, found.heading)

    def feature(self, line: Line, i: int) -> Structure | None:
        """A feature item that says which permission it uses: the feature is the scene (:func:`_feature`)."""
        key = (line.text, line.mark)
        if key not in self._features:
            self._features[key] = _feature(line, self.ctx)
        found = self._features[key]
        if found is None:
            return None
        scene = SceneClaim(found[0], found[1], found[2], i, i, sentence=True)
        return Structure(ExtractorKind.PERMISSION_LIST, i, i, FEATURE_CONFIDENCE, scenes=(scene,))

    def kind(self, line: Line) -> tuple[bool, bool]:
        """Whether the line introduces permission items (:func:`_introduces`), and whether it is a section
        heading (:func:`_section_heading`)."""
        key = (line.text, line.mark)
        if key not in self._kinds:
            self._kinds[key] = (_introduces(line, self.ctx), _section_heading(line) or _permission_title(line, self.ctx))
        return self._kinds[key]

    def constant(self, line: Line) -> bool:
        """:func:`_constant_line` of the line."""
        key = (line.text, line.mark, None)
        if key not in self._labels:
            self._labels[key] = _constant_line(line, self.ctx)
        return self._labels[key]

    def platform(self, text: str) -> str | None:
        """The platform the text names (``Lexicon.platform``)."""
        if text not in self._platforms:
            self._platforms[text] = self.ctx.lexicon.platform(text)
        return self._platforms[text]

    def label(self, line: Line, verbal: bool = True) -> bool:
        """:func:`_is_label` of the line."""
        key = (line.text, line.mark, verbal)
        if key not in self._labels:
            self._labels[key] = _is_label(line, self.ctx, verbal)
        return self._labels[key]


def _feature(line: Line, ctx: Context) -> tuple[str, str, str] | None:
    """``(label, rest, text)`` of a feature item that says which permission it uses ("扫码（相机信息）：扫码时我们
    会申请相机权限"), or None."""
    m = _ITEM_RE.match(line.text)
    body = m.group(1).strip() if m else line.text.strip() if line.mark == "li" else ""
    parts = _LABEL_SPLIT_RE.split(body, maxsplit=1)
    if len(parts) != 2 or not 2 <= width(parts[0]) <= 40:
        return None
    label, rest = parts[0].strip(), parts[1].strip()
    rest = _before_summing_up(rest)
    if _withdrawal(rest) or _QUOTED_OWNER_RE.match(label) or TERM_DEFINITION_RE.match(rest) \
            or _PARTY_LABEL_RE.search(label):
        return None  # "授权撤回权：可随时撤回位置、相册等授权": a right of the user, not a feature; "“华为联运”包含的权限代码
        # 如下：…": an SDK's permissions; "个人用户：是指…通讯录中一员…": a term the policy defines; "消息推送服务
        # 供应商：由…提供推送技术服务，我们可能会将…位置相关信息提供给…": a party the data goes to
    text = f"{label}：{rest}"
    cue = ctx.lexicon.has_cue(fold(text))
    if not ctx.lexicon.permissions_in(text, prose=True, verbal=not cue):
        return None
    return label, rest, text


def _first_clause(text: str) -> str:
    """The words of ``text`` up to its first clause end (comma, semicolon, sentence end)."""
    return _CLAUSE_END_RE.split(text.strip(), maxsplit=1)[0]


def _withdrawal(rest: str) -> bool:
    """The text of an item opens with the user's right to take a permission back (``text.WITHDRAWAL_RE``)."""
    return WITHDRAWAL_RE.match(_first_clause(rest)) is not None


MAX_REFUSAL_OPENING = 20
"""Characters of an item's first clause in which its negation opens it ("我们不会读取…", "This app does not use…"); a
negation further on is of what the clause goes on to say ("我们将收集您的通讯录信息以方便您…不再手动输入…")."""


def _refused(rest: str, ctx: Context) -> bool:
    """True when the text of an item opens with a negated clause ("我们不会读取…", "We do not use …")."""
    clause = _first_clause(fold(rest))
    return bool(clause) and ctx.lexicon.negated(clause, min(len(clause), MAX_REFUSAL_OPENING))


def _refusing(line: Line, ctx: Context) -> bool:
    """A line over a list saying the app does not ask for what the list names ("We do not request:"); of a line
    of several sentences, the last one introduces the list ("It collects no PII. It requests these permissions:"
    asks for them)."""
    text = _LAST_SENTENCE_RE.split(line.text.rstrip())[-1]
    return text.endswith((":", "：")) and width(text) <= MAX_INTRO_WIDTH and REFUSAL_RE.search(text) is not None \
        and _refused(text, ctx)


_LAST_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|(?<=[。！？])")
"""Where a sentence ends and the next begins (a full stop, then a capital; a Chinese full stop)."""


_FOLLOWING_RE = re.compile(r"\bfollowing\s+(?:\w+\s+)?permissions\b|\bpermissions\s+(?:listed\s+)?below\b|以下(?:\S{0,4})权限|"
                           r"如下(?:\S{0,4})权限|下列(?:\S{0,4})权限", re.IGNORECASE)
"""Words pointing to the permissions listed next ("asks for the following permissions", "申请以下系统权限")."""


def _introduces(line: Line, ctx: Context) -> bool:
    """A plain line that ends with a colon and speaks of permissions: the items after it are permissions. A
    numbered one introduces too when it names no permission itself ("3.1. The App requests the following
    permissions:"); one that names one is an item ("1. 为了提供如下功能，我们需要访问您的相机权限：")."""
    if line.mark:
        return False
    text = line.text.strip()
    if _intro_text(text, ctx):
        return True
    # a paragraph whose last sentence introduces the list ("The app collects no PII. It requests…:"); not the last
    # sentence of a numbered item ("1.2.7 “vivo推送”：…。需要收集的设备权限包括：")
    last = _LAST_SENTENCE_RE.split(text)[-1]
    return last != text and _ITEM_RE.match(text) is None and last.endswith((":", "：")) and _intro_text(last, ctx)


def _intro_text(text: str, ctx: Context) -> bool:
    """:func:`_introduces` of the text of an unmarked line."""
    if width(text) <= MAX_INTRO_WIDTH and _FOLLOWING_RE.search(text) \
            and not REFUSAL_RE.search(text) and _ITEM_RE.match(text) is None:
        return True  # "This app asks for the following permissions. Each can be refused."
    if text.endswith(("?", "？")) and width(text) <= MAX_INTRO_WIDTH and _WHY_RE.search(text) \
            and _PERMISSION_WORD_RE.search(text) and _ITEM_RE.match(text) is None:
        return True  # "WHY DOES THE APP REQUIRE PERMISSIONS?", "为什么需要这些权限？": the answers are its items
    return text.endswith((":", "：")) and width(text) <= MAX_INTRO_WIDTH and \
        (_PERMISSION_WORD_RE.search(text) is not None or _ACCESS_TO_RE.search(text) is not None) and (
            _ITEM_RE.match(text) is None or (
            width(text) <= MAX_NUMBERED_INTRO and not ctx.lexicon.permissions_in(text, weak=False)
            and not SDK_RE.search(text)))


_SECTION_NUMBER_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)[.．、]?\s*(?=\D)")
"""A paragraph's section number, of any level ("2.2.3 …", "3、…")."""


def _introduces_subitems(lines: tuple[Line, ...], i: int, ctx: Context) -> bool:
    """A numbered section's paragraph whose last sentence introduces permissions ("2.2.3 当您使用我们的服务时，…。我们
    需要您同意的权限用途及原因如下："), with its first sub-item right below it ("2.2.3.1 访问网络：…"): the items
    are permissions, as under a plain line that introduces them (:func:`_introduces`; a numbered item's last sentence
    alone may close an SDK's record, "1.2.7 “vivo推送”：…。需要收集的设备权限包括：", whose next line is no sub-item)."""
    m = _SECTION_NUMBER_RE.match(lines[i].text)
    if m is None or i + 1 >= len(lines) or not lines[i + 1].text.lstrip().startswith(m.group(1) + "."):
        return False
    last = _LAST_SENTENCE_RE.split(lines[i].text.strip())[-1]
    return last.endswith((":", "：")) and _intro_text(last, ctx)


_WHY_RE = re.compile(r"\bwhy\b|为什么|为何", re.IGNORECASE)
_ACCESS_TO_RE = re.compile(r"\b(?:needs?|requires?|requests?|asks? for|uses?)\s+(?:\w+\s+){0,2}access to\s*:$"
                           r"|需要(?:访问|获取|使用)以下[^:：]{0,8}[:：]$", re.IGNORECASE)
"""A line ending in what the app needs access to ("The app also needs access to:"): the items below are the
things it asks permission for."""


def _section_heading(line: Line) -> bool:
    """A heading of the policy's outline (not a numbered item: "1. 地理位置" is an item)."""
    text = line.text.strip()
    return line.mark.startswith("h") or (HEADING_RE.match(text) is not None and width(text) <= 60)


_PLATFORM_NOTE_RE = re.compile(r"[（(]\s*(?:ios|iphone|android|安卓|苹果)[^()（）]{0,8}[)）]\s*$", re.IGNORECASE)
"""A platform noted in brackets after an item ("使用面容ID权限(IOS)"): the item's own, not a section's."""
MAX_SECTION_LINES = 200
"""Lines above an item looked at for the number of the section it stands in."""


def _next_outline(lines: tuple[Line, ...], first: int, text: str) -> bool:
    """Whether ``text`` opens with the number of the section after the one the item at ``first`` stands in: the
    nearest section number of as many levels above the item is the one before it ("1.4…" over the item, "1.5…")."""
    m = OUTLINE_NUMBER_RE.match(text)
    if m is None:
        return False
    for k in range(first - 1, max(-1, first - 1 - MAX_SECTION_LINES), -1):
        above = OUTLINE_NUMBER_RE.match(lines[k].text)
        if above is not None and above.group(1).count(".") == m.group(1).count("."):
            return _section_after(above.group(1), m.group(1))
    return False


_OUTLINE_TITLE_RE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+\S")
"""A title numbered by its place in the outline ("3.2 Android permissions and their uses")."""
MAX_TITLE_WIDTH = 40
_TITLE_END_RE = re.compile(r"[.。:：;；,，!?！？]$")


def _permission_title(line: Line, ctx: Context) -> bool:
    """A plain short line that titles a section about permissions in general ("Permissions Used", "应用权限",
    "3.2 Android permissions and their uses"), a heading that lost its markup in a copy as text; not one naming a
    permission ("相机权限")."""
    text = line.text.strip()
    return not line.mark and width(text) <= MAX_TITLE_WIDTH and not _TITLE_END_RE.search(text) \
        and (_ITEM_RE.match(text) is None or _OUTLINE_TITLE_RE.match(text) is not None) \
        and _PERMISSION_WORD_RE.search(text) is not None \
        and not ctx.lexicon.permissions_in(text, weak=True) and not _CONSTANT_RE.search(text)


def _item(line: Line, i: int, ctx: Context, topic: bool) -> _Item | None:
    """The permission item the line starts, if any: a marked item whose label names a permission, or a
    heading that names one permission (a constant or a permission phrase, not just "Permissions")."""
    if line.mark.startswith("h"):
        text = link_text(line.text.strip())
        if width(text) <= MAX_LABEL_WIDTH and ctx.lexicon.permissions_in(text, weak=False) and \
                (_written_constant(text, ctx) or _PERMISSION_WORD_RE.search(text)):
            return _Item(text, "", i, heading=True)
        if _CONSTANT_WORDS_RE.fullmatch(text) and ctx.lexicon.permissions_in(text, weak=True):
            return _Item(text, "", i, heading=True)  # "### VIBRATE", "### INTERNET": a constant of one word
        return None
    # a line opening with a permission constant run into the Chinese words of its row ("INTERNET允许联网使本软件
    # 可以加载漫画": a row of a permission table whose cells ran together, cut before each constant by
    # auditor.policy.glued_lines): the constant is the item's label, the words its text
    glued = None if line.mark else GLUED_CONSTANT_RE.match(line.text, len(line.text) - len(line.text.lstrip()))
    if glued and _PREFIX + glued.group(1) in ctx.lexicon.constants:
        return _Item(glued.group(0), line.text[glued.end():].strip(), i)
    m = _ITEM_RE.match(line.text)
    body = m.group(1).strip() if m else line.text.strip() if line.mark == "li" or _LEADING_CONSTANT_RE.match(line.text) \
        or (topic and not line.mark and _label_only(line.text, ctx)) else ""
    caps = _CAPS_LABEL_RE.match(line.text) if topic and not body and not line.mark else None
    if caps and ctx.lexicon.permissions_in(caps.group(1), weak=True):
        # "SET WALLPAPER to set webcam image as homescreen wallpaper": the permission's label in capitals (as the
        # store showed it), then its use
        return _Item(caps.group(1).strip(), caps.group(2).strip(), i)
    if not body:
        return None
    body = link_text(body)  # "[INTERNET](https://developer.android.com/…)": the permission, not its page
    parts = _LABEL_SPLIT_RE.split(body, maxsplit=1)
    dashed = _DASHED_LABEL_RE.match(body) if len(parts) == 1 else None
    comma = _COMMA_LABEL_RE.match(body) if len(parts) == 1 and not dashed else None
    if comma and not ctx.lexicon.only_permission(comma.group(1)):
        comma = None  # ("我们将申请读取手机状态的权限，用于…": a sentence, not a label, opens the item)
    parted = dashed or comma
    if parted is not None:
        parts = [parted.group(1), parted.group(2)]
    if len(parts) == 1 and PERMISSION_DEFINITION_RE.match(body):
        # "②允许程序改变WiFi状态，使本软件根据网络状态提示…": the system's words for the permission, then the use
        parts = _CLAUSE_SPLIT_RE.split(body, maxsplit=1)
    label, rest = (parts[0], parts[1]) if len(parts) == 2 else (body, "")
    if not rest and topic:  # "The internet to send and receive data": the permission, then what for
        split = _PURPOSE_SPLIT_RE.split(body, maxsplit=1)
        if len(split) == 2 and _permission_label(split[0], ctx):
            return _Item(split[0].strip(), split[1].strip(), i)  # (its capitalised words are no app's name)
    if TERM_DEFINITION_RE.match(rest):
        return None  # "个人用户：是指…通讯录中一员…": a term the policy defines, no permission's use
    if _opens_with_sdk(label, ctx) and not _written_constant(label, ctx) and not _PERMISSION_WORD_RE.search(label):
        return None  # "1）丙丁推送、戊己推送：用于消息推送。": an SDK's item (a list of SDKs after one of permissions;
        # not "丙丁 Push权限：…", a permission named after the SDK that uses it)
    if width(label) > MAX_LABEL_WIDTH or not ctx.lexicon.permissions_in(label, weak=True) or _QUOTED_OWNER_RE.match(label) \
            or _NAMED_SDK_RE.match(body) or _PARTY_LABEL_RE.search(label.strip()):
        return None  # ("“Umeng 社会化分享”包含的权限代码如下", "第三方SDK“懒人科技”，…需要获取网络权限": an SDK's record,
        # its permissions, no use of one)
    if not (_written_constant(label, ctx) or topic or _PERMISSION_WORD_RE.search(label) or _BASED_ON_RE.search(label)
            or (rest and PERMISSION_DEFINITION_RE.match(label))):
        return None
    return _Item(label.strip(), _before_summing_up(rest).strip(), i)


_PARTY_LABEL_RE = re.compile(r"(?:供应商|服务商|提供商|提供方|合作方|服务方|合作伙伴)$")
"""A label naming a party ("消息推送服务供应商"): an item on whom data goes to, no permission's use."""
_SUMMING_UP_RE = re.compile(r"[。；;]\s*(?:(?:您|你)(?:理解并|知悉并|充分理解并)?同意[，,]?\s*)?(?:上述|前述|以上)(?:的)?"
                            r"(?:附加|扩展|额外|各项|应用)?(?:功能|服务|权限|业务)")
"""A sentence that sums up the uses listed before it ("。您同意，上述附加功能需要…", "。以上权限…")."""


def _before_summing_up(text: str) -> str:
    """``text`` up to and with the sentence end before a list's summing-up run into its last item ("…仅在您点按语音
    按钮时录音。以上附加功能需要您开启定位、相机…"): none of the item's own uses."""
    summing = _SUMMING_UP_RE.search(text)
    return text[:summing.start() + 1] if summing else text


_USE_OPENING_RE = re.compile(r"\s*(?:用于|用来|以便)")
"""Words opening what something is used for ("（1）用于…")."""


def _opens_with_sdk(label: str, ctx: Context) -> bool:
    """A label opening with a catalog SDK's name ("丙丁推送、戊己推送", "阿里云OSS存储")."""
    first = re.split(r"[、,，/]", label, maxsplit=1)[0].strip()
    return ctx.names.known(first) or any(start == 0 for start, _, _ in ctx.names.spot(first))


def _marker_shape(line: Line) -> str | None:
    """How a numbered line writes its number (:func:`auditor.policy.text.number_style`: "2.3.1 " -> "..",
    "（1）" -> "（）"); None for a line not so numbered."""
    m = _NUMBER_SHAPE_RE.match(line.text)
    return number_style(m.group(0).strip()) if m else None


_NUMBER_SHAPE_RE = re.compile(r"^\s*[(（]?\d{1,2}(?:\.\d{1,2})*[.、．)）]?")


def _a_use_item(line: Line) -> bool:
    """A list item opening with what something is used for ("（2）用于判断网络状态。")."""
    m = _ITEM_RE.match(line.text)
    return m is not None and _USE_OPENING_RE.match(m.group(1)) is not None


_CAPS_LABEL_RE = re.compile(r"^\s*([A-Z][A-Z0-9]*(?:[ /&,\-]+[A-Z][A-Z0-9]*)+)\s+(?=[a-z(]|[A-Z][a-z])(.{3,})$")
"""A line opening with a label of several words in capitals, its use after it in ordinary case."""
_QUOTED_OWNER_RE = re.compile(r"^\s*[“\"「『]([^”\"」』]{2,40})[”\"」』]\s*(?:SDK\s*)?(?:包含|使用|需要|申请|调用|涉及|获取)(?:的|了)?")
"""A label opening with a quoted name that holds or asks for permissions ("“华为联运”包含的权限代码如下"): an SDK."""
_NAMED_SDK_RE = re.compile(r"^\s*(?:第三方)?\s*(?:SDK|sdk)\s*[“\"「『【][^”\"」』】]{2,40}[”\"」』】]")
"""An item opening with an SDK named in quotes ("第三方SDK“懒人科技”，为了…"): that SDK's item."""
_PURPOSE_SPLIT_RE = re.compile(r"\s+(?=(?:so that|so|in order to|to|for)\s)", re.IGNORECASE)
"""Where an item naming a permission goes on to say what for ("The Bluetooth settings so that you can …")."""
_CONSTANT_WORDS_RE = re.compile(r"[A-Z][A-Z0-9_]{2,}(?:\s*(?:,|/|&|and)\s*[A-Z][A-Z0-9_]{2,})*")
"""A heading of permission constants only, in capitals ("VIBRATE", "CAMERA / RECORD_AUDIO")."""
_BASED_ON_RE = re.compile(r"基于.{1,30}的(?:(?:附加|扩展|基本)?(?:业务)?功能|(?:相关)?(?:附加|扩展|额外)(?:业务)?服务)")
"""A function named by the device capability it rests on ("基于麦克风的扩展功能", "基于相机的附加服务"): the standard
wording of a permission item in Chinese policies."""
_BASED_ON_LINE_RE = re.compile(r"^\s*基于[^。；;，,：:]{1,30}?" + SERVICE_NAME_TAIL + r"\s*(?:[：:]|$)")
"""A line opening with such a function's name, then a colon or nothing ("基于相册的附加服务：开启后您可以上传…",
the standard template's items copied without their numbers): an item, marked or not."""


_LEADING_CONSTANT_RE = re.compile(
    r"^\s*(?:android\.permission\.[A-Z][A-Z0-9_]*|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b[^:：]{0,40}[:：]")
"""An unmarked line opening with a permission constant and its label ("android.permission.CAMERA 相机权限：…"):
an item as a marked one is."""


def _written_constant(text: str, ctx: Context) -> bool:
    """True when ``text`` writes a permission constant out (``ACCESS_FINE_LOCATION``, ``android.permission.X``,
    a quoted or bracketed one-word ``[CAMERA]``, or one beside a word for the same permission: "相机 CAMERA")."""
    if _CONSTANT_RE.search(text) is not None or any(h.constant for h in ctx.lexicon.find(text, weak=False)):
        return True
    if "|" in text:
        return False  # a table's cell ("CAMERA 拍摄 |"): the table reads it
    hits = ctx.lexicon.find(text, weak=True)
    written = {p for h in hits if h.constant for p in h.permissions}
    return bool(written) and bool(written & {p for h in hits if not h.constant for p in h.permissions})


_CAPS_RE = re.compile(r"[A-Z]{3,}")
MAX_CONSTANT_LINE = 80


def _constant_line(line: Line, ctx: Context) -> bool:
    """A line that is only a permission constant ("> android.permission.CAMERA", "`READ_CONTACTS`"): the
    label of the description under it."""
    text = line.text.strip()  # (counted without the prefix: two constants written out fill 80 characters)
    return len(text.replace(_PREFIX, "")) <= MAX_CONSTANT_LINE and _CAPS_RE.search(text) is not None and not line.mark.startswith("h") \
        and not _ITEM_RE.match(text) and not text.endswith(TERMINAL) and _written_constant(text, ctx) \
        and _only_permission(text, ctx)


def _bare_labels(lines: tuple[Line, ...], ask: _Lines, candidates: tuple[bool, ...]) -> set[int]:
    """Lines that are only a permission label (or only a constant), with its description on the next line
    ("读取手机状态和身份" / "允许应用访问设备的电话功能…"), in runs of at least ``MIN_BARE_ITEMS`` such pairs. The
    description may name the permission again, at more length; inside a run, a label may be a bare word
    ("录音") too."""
    found = [i for i in range(len(lines) - 1) if candidates[i] and _describes(lines, i, ask)]
    runs: set[int] = set()
    group: list[int] = []
    for i in found + [len(lines) + 10]:
        if group and i - group[-1] > 3:
            verbs = sum(1 for k in group if ask.label(lines[k]) or ask.constant(lines[k]))
            if verbs >= MIN_BARE_ITEMS and verbs * 2 >= len(group):
                runs.update(group)
            group = []
        group.append(i)
    return runs


MAX_LISTED_GAP = 6
"""Lines (its own nested ones) allowed between two items of one list (:func:`_listed_items`)."""
MIN_VERBAL_ITEMS = 2


def _listed_items(lines: tuple[Line, ...], ctx: Context) -> set[int]:
    """Items of one list (numbered, or bulleted) whose labels all name only a permission ("1. 相机：用于拍照",
    "2. 麦克风 — 语音输入", "- Location: …"), at least ``MIN_BARE_ITEMS`` of them, or ``MIN_VERBAL_ITEMS`` whose labels
    are phrases using a permission ("1. 读取手机状态和身份", "2. 拍摄照片和视频"): the list is about permissions though no line
    introduces it, so each is a permission item (:func:`_item` asks for a topic before a label of a bare word
    counts). Paragraphs with no marker that each open with such a label and a colon ("访问相机：…" then "访问麦克风：
    …") are such a list when they follow each other."""
    out: set[int] = set()
    run: list[int] = []
    verbal: set[int] = set()
    kind = ""
    labels: dict[str, tuple[bool, bool]] = {}  # each distinct line asked once (a long policy repeats its lines)

    def close() -> None:
        if len(run) >= MIN_BARE_ITEMS or (len(run) >= MIN_VERBAL_ITEMS and verbal.issuperset(run)):
            out.update(run)
        run.clear()
        verbal.clear()

    marked: dict[tuple[str, str], str] = {}
    for k, line in enumerate(lines):
        this = marked.get((line.text, line.mark))
        if this is None:
            this = marked[(line.text, line.mark)] = _marker_kind(line) if (
                line.mark == "li" or _ITEM_START_RE.match(line.text)) else \
                "colon" if not line.mark and _COLON_LABEL_RE.match(line.text) else ""
        if this and (not run or this == kind):
            label = labels.get(line.text)
            if label is None:
                label = labels[line.text] = _listed_label(line, ctx)
            if label[0]:
                if run and k - run[-1] > (1 if this == "colon" else MAX_LISTED_GAP):
                    close()
                run.append(k)
                if label[1]:
                    verbal.add(k)
                kind = this
                continue
            if run and (line.mark.startswith("h") or (this == kind and (k - run[-1] > 2 or this == "colon"))):
                close()  # (one item of another kind between labels, "- 本地网络(iOS)：…", does not end the list)
        elif line.mark.startswith("h") or (run and k - run[-1] > MAX_LISTED_GAP):
            close()
    close()
    return out


_COLON_LABEL_RE = re.compile(r"^\s*(?!\[)[^\s:：][^:：]{0,23}[:：](?!//)\s*(?!https?://|www\.)[^\s'\"`{\[(]")
"""An unmarked paragraph opening with a short label and a colon ("访问相机：您可以使用摄像头扫码…"): with the
paragraphs right after it that open alike, a list written without markers (:func:`_listed_items`); not a
Markdown link definition ("[VIBRATE]: https://…"), an address or a key of code ("CAMERA: 'ohos.permission…'")."""


MAX_SERVICE_GAP = 4
"""Lines from one of the template's additional services to the next in one list of them."""


def _service_lines(lines: tuple[Line, ...]) -> set[int]:
    """Unmarked lines that open with the name of one of the standard template's additional services (:data:`
    _BASED_ON_LINE_RE`, the items copied without their numbers, or cut apart by :mod:`auditor.policy.glued_lines`),
    when another such line stands a few lines from it: a list of them, each an item (one alone may open a
    paragraph that says more)."""
    found = [k for k, line in enumerate(lines) if not line.mark and not _marked(line) and _BASED_ON_LINE_RE.match(line.text)]
    return {k for n, k in enumerate(found)
            if (n and k - found[n - 1] <= MAX_SERVICE_GAP) or (n + 1 < len(found) and found[n + 1] - k <= MAX_SERVICE_GAP)}


def _over_other_items(lines: tuple[Line, ...], item: _Item) -> bool:
    """An item of a label alone over items of another marker, which say its uses ("1. 读取电话状态" over
    "- 用于来电报号")."""
    kind = _marker_kind(lines[item.first])
    nxt = lines[item.first + 1] if item.first + 1 < len(lines) else None
    label = item.label.strip()
    return not item.rest and bool(kind) and width(label) <= MAX_BARE_LABEL and not label.endswith(TERMINAL) \
        and nxt is not None and _marked(nxt) and _marker_kind(nxt) not in (kind, "")


_ITEM_START_RE = re.compile(_ITEM_RE.pattern.replace(r"\s*(.+)$", ""))
"""Where :data:`_ITEM_RE` matches, without reading the item's text."""


def _listed_parts(line: Line) -> list[str]:
    """An item's label and the rest of its text (one part when it has no colon or dash)."""
    m = _ITEM_RE.match(line.text)
    body = link_text(m.group(1).strip() if m else line.text.strip())
    return [p.strip() for p in _LABEL_SPLIT_RE.split(body, maxsplit=1)]


def _listed_item(line: Line, i: int) -> _Item:
    """The item of a line of :func:`_listed_items` whose label names its permission by the data it guards
    ("4. 位置信息 — 用于…"), which :func:`_item` does not take for a permission's label."""
    parts = _listed_parts(line)
    return _Item(parts[0], parts[1] if len(parts) == 2 else "", i)


def _listed_label(line: Line, ctx: Context) -> tuple[bool, bool]:
    """Whether an item's label (before its colon or dash) names a permission and nothing else, and whether it is
    a phrase using it ("读取手机状态和身份", not "相机")."""
    label = _listed_parts(line)[0]
    named = _permission_label(label, ctx) and not ctx.names.known(link_text(label).strip("“”\"'「」 "))
    return named, named and bool(ctx.lexicon.permissions_in(label, weak=True, verbal=True, derive=True)) \
        and not label.endswith(TERMINAL)


MIN_TOPIC_ITEMS = 2
MAX_TOPIC_LEAD = 2
"""Paragraphs allowed between a line introducing permissions and its first label (:func:`_topic_labels`)."""


def _topic_labels(lines: tuple[Line, ...], ask: _Lines, ctx: Context, quiet: tuple[bool, ...]) -> set[int]:
    """Lines naming only a permission, headings too ("Camera", "Location", "相机"), each over one paragraph
    that describes its use, at least ``MIN_TOPIC_ITEMS`` of them in a row under a line introducing permissions
    or titling a section on them ("Permissions Required"): that section's items, though their labels are
    nouns (:func:`_bare_labels` wants phrases using a permission where it has no such title to go by)."""
    out: set[int] = set()
    memo: dict[tuple[str, str], bool] = {}  # each distinct line asked once

    def label(line: Line) -> bool:
        key = (line.text, line.mark)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _topic_label(line, ctx)
        return found

    i = 0
    while i < len(lines):
        if quiet[i]:  # (introduces nothing, no section heading: :class:`_Kinds`)
            i += 1
            continue
        introduces, section = ask.kind(lines[i])
        if not (introduces or (section and _PERMISSION_WORD_RE.search(lines[i].text))) or label(lines[i]):
            i += 1
            continue
        group: list[int] = []
        k, lead = i + 1, 0
        while k + 1 < len(lines):
            if label(lines[k]) and not label(lines[k + 1]) and _topic_description(lines[k + 1], ask, ctx):
                group.append(k)
                k += 2
            elif not group and lead < MAX_TOPIC_LEAD and not lines[k].mark.startswith("h") \
                    and not label(lines[k]):
                lead, k = lead + 1, k + 1
            else:
                break
        if len(group) >= MIN_TOPIC_ITEMS:
            out.update(group)
        i = max(k, i + 1)
    return out


def _topic_label(line: Line, ctx: Context) -> bool:
    """A short line (a heading too) that names a permission and says nothing else ("Camera", "Read External
    Storage", "相机权限")."""
    text = line.text.strip().rstrip(":：")
    return not text.endswith(TERMINAL) and _ITEM_RE.match(text) is None and _permission_label(text, ctx)


def _permission_label(text: str, ctx: Context) -> bool:
    """A short text naming a permission and nothing else, by the permission's words or the data it guards, its
    capitalised words no app's name ("Camera", "Access Internet", "位置信息", "读取手机状态和身份")."""
    return 0 < width(text) <= MAX_BARE_LABEL and bool(ctx.lexicon.permissions_in(text, weak=True, derive=True)) \
        and ctx.lexicon.only_permission(text, label=True)


def _topic_description(line: Line, ask: _Lines, ctx: Context) -> bool:
    """A paragraph under a permission label: plain text, no heading, no label or item of its own."""
    return not line.mark.startswith("h") and not _marked(line) and width(line.text.strip()) > MAX_BARE_LABEL // 2 \
        and not ask.label(line, verbal=False)


def _describes(lines: tuple[Line, ...], i: int, ask: _Lines) -> bool:
    """True when the line after label ``i`` is its description: not a label itself, or a longer line."""
    nxt = lines[i + 1]
    return not ask.label(nxt) or width(nxt.text.strip()) >= width(lines[i].text.strip()) + MIN_DESCRIPTION_EXTRA


def _sentence(label: str) -> bool:
    """An item written as a sentence ("当您拨打客服电话时，我们需要您授予拨打电话权限。"): its moment is the scene."""
    return label.rstrip().endswith(TERMINAL) and bool(moment(label))


def _is_label(line: Line, ctx: Context, verbal: bool = True) -> bool:
    """A short line that is mostly a phrase using a permission ("查看网络状态", not the data "Approximate
    location" of a data-safety list); ``verbal=False``: any permission word ("录音")."""
    text = line.text.strip()
    if line.mark.startswith("h") or width(text) > MAX_BARE_LABEL or text.endswith(TERMINAL):
        return False
    hits = [h for h in ctx.lexicon.find(text, weak=True) if h.permissions and (h.verbal or not verbal)]
    return bool(hits) and sum(len(h.phrase) for h in hits) * 10 >= 6 * len(fold(text))


def _scenes(lines: tuple[Line, ...], item: _Item, ctx: Context, bare: set[int],
            heads: frozenset[int] = frozenset()) -> tuple[list[SceneClaim], int]:
    """The scenes of an item and its last line: labelled scene lines (one scene each, with the purpose line
    that follows as description), nested feature items (one scene each), or the item's own text."""
    i = item.first
    details, last = _detail_lines(lines, item, ctx, bare, heads)
    label = item.label
    if not details:  # a label that says only the permission names no scene (a constant: its text is the scene)
        if _withdrawal(item.rest) or (not item.rest and _withdrawal(label)):
            return [SceneClaim("", "", label, i, i)], i  # "Camera: you can revoke it at any time": no use said
        if _constant_only(label, ctx) or (not item.rest and _only_permission(label, ctx)):
            # (a text ending with a colon introduces a use written elsewhere: "CAMERA: 相机权限使用说明：")
            return [SceneClaim("", "" if item.rest.rstrip().endswith((":", "：")) else item.rest, label, i, i)], i
        return [SceneClaim(moment(label) if _sentence(label) else label, item.rest, label, i, i)], i
    labelled = [(k, *_labelled(lines[k], ctx)) for k in details]
    timing = {k for k, role, _ in labelled if role == "scene" and TIMING_LABEL_RE.match(lines[k].text)}
    if timing and any(role == "scene" and k not in timing for k, role, _ in labelled):
        # "应用场景：扫码" and "调用时机：仅在使用相关功能时": the scene, and when the app asks (no second scene)
        labelled = [(k, "description" if k in timing else role, value) for k, role, value in labelled]
    if any(role == "scene" for _, role, _ in labelled):
        scenes: list[SceneClaim] = []
        lead: list[str] = []  # a purpose written before the first scene line belongs to it
        for n, (k, role, value) in enumerate(labelled):
            if role == "scene" and not value:  # "使用场景：" over the items it lists: those items
                listed = list(itertools.takewhile(lambda x: x[1] is None and _marked(lines[x[0]]), labelled[n + 1:]))
                value = "、".join(v for _, _, v in listed)
                k = listed[-1][0] if listed else k
            if role == "scene":
                scenes.append(SceneClaim(value, " ".join(lead), label, k, k))
                lead = []
            elif role in ("purpose", "description") and scenes and not scenes[-1].description:
                prev = scenes[-1]
                scenes[-1] = SceneClaim(prev.scene, value, label, prev.first, k)
            elif role in ("purpose", "description") and not scenes:
                lead.append(value)
        return scenes, last
    over = _over_other_items(lines, item)
    if over and all(ctx.lexicon.only_permission(v, label=True) for _, _, v in labelled):
        return [SceneClaim("", "", label, i, last)], last  # "Camera" over "● take pictures and videos": Android's own
        # words for the permission, no use of it
    opens = lines[i].text.rstrip().endswith((":", "：")) or over  # "…需要访问您的短信权限：" over the features that use it
    if len(details) >= (1 if opens else 2) and all(
            role is None and _marked(lines[k]) and width(value) <= MAX_FEATURE_WIDTH
            and (over or not value.endswith(TERMINAL)) for k, role, value in labelled):
        return [SceneClaim(value.rstrip("，,；;。. ") if over else value, item.rest, label, k, k)
                for k, _, value in labelled], last
    written = [lines[k].text for k, role, _ in labelled
               if role in (None, "other") and _constants_written(lines[k].text, ctx)]
    prefer = [value for _, role, value in labelled if role in SCENE_ROLES]
    plain = [value for k, role, value in labelled if role is None and lines[k].text not in written]
    uses = [v for v in plain if not PERMISSION_DEFINITION_RE.match(v)]
    if written and uses and len(uses) < len(plain):
        plain = uses  # the system's description of the permission, its constant, then what the app uses it for
    text = " ".join(([item.rest] if item.rest else []) + (prefer or plain)).strip()
    text = _before_summing_up(text)
    asked = " ".join([label] + written)  # "定位权限" over "ACCESS_FINE_LOCATION" / "ACCESS_COARSE_LOCATION"
    if text and _BASED_ON_RE.search(label) and not ctx.lexicon.permissions_in(label, weak=True):
        asked = f"{label} {text}"  # "基于账号安全的附加服务" over "开启设备信息权限后，我们会…": its text names the permission
    named = not _constant_only(label, ctx) and (text or not _only_permission(label, ctx))
    return [SceneClaim(label if named else "", text, asked, i, last)], last


MAX_WRITTEN_LINE = 120


MAX_HEADING_GAP = 2
"""Lines allowed between a heading and the line writing its permission constant (Android's own description)."""


def _headings_over_constants(lines: tuple[Line, ...], ctx: Context) -> frozenset[int]:
    """Headings in a permission's words, the store's label in capitals too ("### CREATE BLUETOOTH CONNECTIONS"),
    over a line writing its constant out (after at most ``MAX_HEADING_GAP`` lines: the system's description):
    permission items whatever their words."""
    out: set[int] = set()
    for k, line in enumerate(lines):
        if not line.mark.startswith("h") or _constants_written(line.text, ctx) or platform_marker(line.text, ctx) \
                or ctx.lexicon.platform(line.text):
            continue  # (a platform's section, "2.1 Android", over its manifest excerpt: no permission's heading)
        for j in range(k + 1, min(len(lines), k + 2 + MAX_HEADING_GAP)):
            if lines[j].mark.startswith("h") or FENCE_RE.match(lines[j].text):
                break  # (a block of code: the declarations, no permission's own description)
            if _may_write_constants(lines[j].text) and _constants_written(lines[j].text, ctx):
                out.add(k)
                break
    return frozenset(out)


def _may_write_constants(text: str) -> bool:
    """A quick test before the lexicon is asked: a constant has an underscore or is written in full."""
    return "_" in text or "permission." in text


def _constants_written(text: str, ctx: Context) -> bool:
    """A line under an item that writes its permissions out ("ACCESS_FINE_LOCATION",
    'uses-permission android:name="android.permission.CAMERA"'): constants and markup, no sentence."""
    text = text.strip()
    return width(text) <= MAX_WRITTEN_LINE and not text.endswith(TERMINAL) and _CONSTANT_RE.search(text) is not None \
        and _written_constant(text, ctx) and not re.search(r"[\u3400-\u9fff]|\b(?:to|for|used|when|the)\b", text,
                                                           re.IGNORECASE)


def _constant_only(label: str, ctx: Context) -> bool:
    """True when a label is only a permission constant ("**android.permission.CAMERA**"): no words of a
    scene, so the text under it is the scene."""
    return _written_constant(label, ctx) and _only_permission(label, ctx)


def _label_only(text: str, ctx: Context) -> bool:
    """An unmarked line opening with a short label that names only a permission ("存储权限：用于…", "Camera:
    to scan codes"): under a line introducing permissions, an item as a marked one is."""
    parts = _LABEL_SPLIT_RE.split(text.strip(), maxsplit=1)
    # (not a Markdown link definition, "[CAMERA]: https://developer.android.com/…": an address, no use)
    if len(parts) != 2 or not parts[1] or URL_ONLY_RE.match(parts[1]):
        return False
    named = _NAMED_CONSTANT_RE.fullmatch(parts[0].strip())
    if named and ctx.lexicon.permissions_in(named.group(1), weak=True):
        return True  # "读取手机识别码(READ_PHONE_STATE)": a label, then the constant it names
    return width(parts[0]) <= MAX_BARE_LABEL and bool(ctx.lexicon.permissions_in(parts[0], weak=True)) \
        and _only_permission(parts[0], ctx)


_NAMED_CONSTANT_RE = re.compile(r"[^()（）:：，。,;；]{1,24}?\s*[(（]\s*((?:android\.permission\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*[)）]")
"""A permission's label followed by its constant in brackets ("获取无线状态(ACCESS_WIFI_STATE)")."""


def _only_permission(label: str, ctx: Context) -> bool:
    """True when a label says nothing but the permission ("android.permission.CAMERA", "相机权限"): it names
    no scene (:meth:`auditor.policy.lexicon.Lexicon.only_permission`)."""
    return ctx.lexicon.only_permission(label)


def _marked(line: Line) -> bool:
    return line.mark == "li" or _ITEM_RE.match(line.text) is not None


def _body(line: Line) -> str:
    m = _ITEM_RE.match(line.text)
    return (m.group(1) if m else line.text).strip()


def _labelled(line: Line, ctx: Context) -> tuple[str | None, str]:
    """``(role, value)`` of a line: the role of its ``label：value`` label among scene, purpose and
    description (``other`` for another label), or None and its text."""
    m = _LABEL_RE.match(_body(line))
    role = ctx.lexicon.role(m.group(1)) if m else None
    if m is None or role is None:
        return None, _body(line)
    value = m.group(2).strip()
    if role != "scene":  # "功能说明：… 使用场景和目的：…" on one line: the scene is the second label's
        for inner in _INNER_LABEL_RE.finditer(value):
            if ctx.lexicon.role(inner.group(1)) == "scene":
                return "scene", value[inner.end():].strip()
    return (role if role in SCENE_ROLES else "other"), value


def _detail_lines(lines: tuple[Line, ...], item: _Item, ctx: Context, bare: set[int],
                  heads: frozenset[int] = frozenset()) -> tuple[list[int], int]:
    """The lines that belong to an item: nested deeper; after a label ending with a colon, items of another
    marker kind; labelled lines; a few plain lines; up to the next item, heading or bare label."""
    i = item.first
    head = lines[i]
    kind = _marker_kind(head)
    opens = not item.rest and (head.text.rstrip().endswith((":", "：")) or _over_other_items(lines, item))
    out: list[int] = []
    plain = 0
    listing = False  # after a scene label with nothing after its colon ("使用场景：" over "- 扫码登录" …)
    inner = 0  # the last number of a list numbered from 1 again under the item (its uses), 0 before one
    number = _DIGITS_RE.match(head.text)
    outside = not OUTLINE_NUMBER_RE.match(head.text)  # (an item numbered otherwise than the policy's sections)
    for k in range(i + 1, min(len(lines), i + 1 + MAX_DETAIL_LINES)):
        line = lines[k]
        if k in bare or k in heads or line.mark.startswith("h") or (
                _section_heading(line) and not _ITEM_RE.match(line.text)) or platform_marker(line.text, ctx):
            break
        if i in bare and out:
            break  # a bare label owns one description line
        if not _marked(line) and not line.mark and _BASED_ON_LINE_RE.match(line.text):
            break  # the template's next item, its number dropped ("基于通知的附加服务")
        if outside and line.indent <= head.indent and _next_outline(lines, i, line.text):
            break  # "1.5业务功能五：支付结算及提现" after "e.基于日历的附加服务：…" in section "1.4…": the next section
        role, value = _labelled(line, ctx)
        if listing and role is None and _marked(line) and _marker_kind(line) != kind:
            out.append(k)  # an item of the scenes the label lists
            continue
        listing = role == "scene" and not value
        deeper = line.indent > head.indent and not item.heading and not _next_number(head, line)
        labelled = role in SCENE_ROLES
        if not item.heading and _a_use_item(line) and _marker_shape(line) != _marker_shape(head):
            out.append(k)  # a list of its uses under a title numbered otherwise: "（1）用于加载课程。" under "2.3.1 允许
            continue  # 应用访问网络" (one naming a permission's words too, "（2）用于判断网络状态。")
        if _marked(line) and not deeper:
            if (item.heading or _marker_kind(line) == kind) and _item(line, k, ctx, False) is not None:
                break  # another permission, named outright (an item of the same list: "（2）基于相机的功能：…")
            at = _DIGITS_RE.match(line.text)
            if number is not None and at is not None and not item.heading and int(at.group(1)) == inner + 1 \
                    and (inner or (int(number.group(1)) > 1 and not item.rest
                                   and all(_constants_written(lines[j].text, ctx) for j in out))):
                inner += 1  # "3. Camera" over its constant and "1. Scan QR codes to add devices;" "2. Profile
                out.append(k)  # picture: …": a list numbered from 1 again right under an item is of its uses, up to
                continue  # the next permission's item (not under an item that says its use, nor under a title of
                # its own: "使用理由：" over "1. …")
            if not item.heading and _next_section(head, line) and _item(line, k, ctx, True) is not None:
                break  # the next item of the same numbered list, naming a permission ("3.2.1.2 允许录音功能：…")
            if not item.heading and not labelled and not (opens and _marker_kind(line) != kind):
                break
        elif not _marked(line) and not deeper and not labelled:
            if item.rest or plain >= MAX_PLAIN_LINES or (opens and out):
                break  # (after the items a colon opened, a plain line is the text going on)
            plain += 1
        out.append(k)
    return out, (out[-1] if out else i)


MAX_PLATFORM_MARKER = 12
_MARKER_DRESS = "[]【】()（）:：*#- \t"
_PLATFORM_TITLE_RE = re.compile(r"^\s*(iOS|IOS|ios|Android|android|ANDROID|安卓|苹果|鸿蒙)\s*(?:操作)?(?:系统|端|版|客户端)?\s*"
                                r"(?:应用)?(?:设备)?(?:权限|隐私权限|系统权限)(?:列表|清单|说明|调用(?:说明)?|申请(?:与使用)?"
                                r"(?:情况)?(?:说明)?)?\s*[:：]?\s*$")
_PLATFORM_NAME_RE = re.compile(r"(?i)ios|android|安卓|苹果|鸿蒙|harmonyos")
_PLATFORM_WORD_RE = re.compile(r"(?i)ios|android|安卓|苹果|鸿蒙|harmonyos|端|版本?|系统|平台|操作|和|与|/|\s")
"""The words a platform's marker line is made of (a line with any other word is no marker)."""


def platform_marker(text: str, ctx: Context) -> str | None:
    """The platform a line is only the name of ("[iOS]", "【Android】", "iOS端：", "Android:"): it opens that
    platform's part of the text; None for any other line ("iPhone相册" names a permission)."""
    titled = _PLATFORM_TITLE_RE.match(text)
    if titled:  # "iOS操作系统应用权限列表", "Android系统权限调用说明": the title of one platform's permission list
        return ctx.lexicon.platform(titled.group(1))
    if len(text) > 2 * MAX_PLATFORM_MARKER or not _PLATFORM_NAME_RE.search(text):
        return None
    core = text.strip().strip(_MARKER_DRESS)
    if not core or width(core) > MAX_PLATFORM_MARKER or _PLATFORM_WORD_RE.sub("", core) \
            or ctx.lexicon.permissions_in(core, weak=True):
        return None
    return ctx.lexicon.platform(core)


_DIGITS_RE = re.compile(r"^\s*[(（]?\s*(\d{1,2})\s*[.、．)）]")
_LETTER_RE = re.compile(r"^\s*[(（]?\s*([a-zA-Z])\s*[.、．)）]")


_SECTION_DIGITS_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)(?=[\s.．、])")
"""An item's section number of two levels or more ("3.2.1.1 …")."""


def _next_section(head: Line, line: Line) -> bool:
    """True when ``line`` is numbered as the next section of ``head``'s level ("3.2.1.1 …" then "3.2.1.2 …")."""
    a, b = _SECTION_DIGITS_RE.match(head.text), _SECTION_DIGITS_RE.match(line.text)
    if a is None or b is None:
        return False
    return _section_after(a.group(1), b.group(1))


def _section_after(before: str, number: str) -> bool:
    """Whether the section number ``number`` is the one after ``before`` at the same level ("3.2.1.1" then
    "3.2.1.2", "1.4" then "1.5")."""
    x, y = before.split("."), number.split(".")
    return len(x) == len(y) and x[:-1] == y[:-1] and int(y[-1]) == int(x[-1]) + 1


def _next_number(head: Line, line: Line) -> bool:
    """True when ``line`` is numbered one more than ``head`` ("1、…" then "2、…", "e.…" then "f.…"): the next item
    of the same list however far it is indented (a text kept in code, whose lines take the indentation of the code;
    a list copied with a blank before some of its items)."""
    a, b = _DIGITS_RE.match(head.text), _DIGITS_RE.match(line.text)
    if a is not None and b is not None:
        return int(b.group(1)) == int(a.group(1)) + 1
    x, y = _LETTER_RE.match(head.text), _LETTER_RE.match(line.text)
    return x is not None and y is not None and ord(y.group(1)) == ord(x.group(1)) + 1


def _marker_kind(line: Line) -> str:
    if line.mark == "li":
        return "bullet"
    text = line.text.lstrip()
    if _NUMBERED_RE.match(text):
        return "number"
    return "bullet" if text[:1] in "-*•·●▪◦" else ""


_TOKEN_SPLIT_RE = re.compile(r"\s+")
_ROW_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．)）]")
MIN_SPACED_COLUMNS = 3
MAX_SPACED_LABEL = 40
MAX_SPACED_LINES = 80
MAX_SPACED_HEADER = 160
MAX_STACKED_COLUMNS = 8
MAX_LABEL_WORDS = 6
"""Words of a permission label that opens a row of a blank-separated table ("Photos, Media, files")."""


_GLUED_HEADER_RE = re.compile(r"序号[\u4e00-\u9fff/、（）()]{0,12}权限[\u4e00-\u9fff/、（）()]{2,24}")
"""The header of a permission table whose cells lost their separators (text taken from a page or a PDF): the row
number's column, the permission's, the use's ("序号权限用途说明可否关闭")."""
_GLUED_ROW_RE = re.compile(r"(\d{1,2})(?=[\u4e00-\u9fffA-Za-z])(.+)")
_CLOSABLE_RE = re.compile(r"[。；;]?\s*[是否]\s*$")
"""A last cell saying whether the permission can be switched off ("是", "否"), glued to the use."""
MAX_GLUED_LABEL = 20
MAX_LEAD_CHARS = 4
"""Characters a glued row's permission phrase may start after ("访问大致的地理位置…": 访问 before it)."""


def _glued_tables(lines: tuple[Line, ...], ctx: Context) -> list[Structure]:
    """Permission tables whose cells lost their separators: a glued header (:data:`_GLUED_HEADER_RE`), then rows
    numbered 1, 2, 3… each opening with its permission's label ("1读取及写入储存器权限读取或缓存资源文件…"): the
    label runs to the first "权限" or, without one, to the end of the first permission phrase; the rest is the
    use (a last "是/否" cell dropped)."""
    out: list[Structure] = []
    for i, line in enumerate(lines):
        if line.mark or not _GLUED_HEADER_RE.fullmatch(line.text.strip()):
            continue
        scenes: list[SceneClaim] = []
        for k in range(i + 1, min(len(lines), i + 1 + MAX_SPACED_LINES)):
            m = _GLUED_ROW_RE.fullmatch(lines[k].text.strip())
            if m is None or int(m.group(1)) != len(scenes) + 1:
                break
            label, use = _glued_cells(m.group(2), ctx)
            if not label:
                break
            scenes.append(SceneClaim(_CLOSABLE_RE.sub("", use).strip(" ，,。"), "", label, k, k))
        if len(scenes) >= 2:
            out.append(Structure(ExtractorKind.PERMISSION_LIST, i, scenes[-1].last, CONFIDENCE, scenes=tuple(scenes)))
    return out


def _glued_cells(text: str, ctx: Context) -> tuple[str, str]:
    """``(permission label, the rest)`` of a glued row's text, or ``("", text)`` when it opens with no permission."""
    end = text.find("权限")
    if 0 < end <= MAX_GLUED_LABEL:
        label = text[:end + 2]
        return (label, text[end + 2:]) if ctx.lexicon.permissions_in(label, weak=True) else ("", text)
    hits = [h for h in ctx.lexicon.find(text[:MAX_GLUED_LABEL], weak=True) if h.permissions and h.start <= MAX_LEAD_CHARS]
    if not hits:
        return "", text
    stop = max(h.start + len(h.phrase) for h in hits)
    return text[:stop], text[stop:]


def _spaced_tables(lines: tuple[Line, ...], ctx: Context, headers: tuple[bool, ...]) -> list[Structure]:
    """Permission tables copied as text with the cells of a row separated by blanks: a header of column
    titles whose first names the permission ("调取设备权限 对应业务功能/场景 调用权限目的 …"), then rows that
    open with a permission label ("读取、写入外置存储器 账号登录 存储应用配置文件…"); a line that opens with
    anything else continues the row above. Each row is one scene: its text after the label."""
    out: list[Structure] = []
    i = 0
    while i < len(lines):
        titles = [t for t in _TOKEN_SPLIT_RE.split(lines[i].text.strip()) if t] if headers[i] else \
            _stacked_titles(lines, i, ctx)
        if not titles:
            i += 1
            continue
        stacked = not headers[i]  # the titles one a line: each row must be one line of blank-separated cells
        rows: list[tuple[str, list[str], int, int]] = []
        other = False  # inside a row whose label names no permission ("应用信息(…)", "传感器")
        start = i + (len(titles) if stacked else 1)
        k = start
        while k < min(len(lines), start + MAX_SPACED_LINES):
            line = lines[k]
            if line.mark.startswith("h") or _section_heading(line) or "|" in line.text or headers[k]:
                break
            label, rest = _leading_label(line.text.strip(), ctx)
            if _spaced_label(label, ctx) and (not stacked or len(rest.split()) >= len(titles) - 1):
                rows.append((label, [rest.strip()], k, k))
                other = False
            elif stacked:
                break  # (a table copied a cell a line is the flattened table's)
            elif rows and _other_label(label) and (len(rest.split()) >= 2 or _ROW_NUMBER_RE.match(rest)):
                other = True  # a row of the table about something else: its lines are not the row above's
            elif rows and not other:
                rows[-1] = (rows[-1][0], rows[-1][1] + [line.text.strip()], rows[-1][2], k)
            elif not rows:
                break
            k += 1
        if len(rows) >= 2:
            roles = [ctx.lexicon.role(t) for t in titles]
            scenes = tuple(_spaced_scene(label, texts, roles, first, last) for label, texts, first, last in rows)
            out.append(Structure(ExtractorKind.PERMISSION_LIST, i, rows[-1][3], CONFIDENCE, scenes=scenes))
            i = rows[-1][3] + 1
        else:
            i += 1
    return out


_CONSTANT_RUN_RE = re.compile(r"(?:android\.permission\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+"
                              r"(?:\s*[,，、/]\s*(?:android\.permission\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)*")


def _leading_label(text: str, ctx: Context) -> tuple[str, str]:
    """``(first cell, the rest)`` of a row of a blank-separated table: the constants it opens with
    ("ACCESS_FINE_LOCATION, ACCESS_COARSE_LOCATION …", the last one cut where the next cell's text was run into it:
    :func:`_glued_label`), else its first words when they say only a permission ("Phone status Determine if a
    call is coming": the longest such run of two or more; of a first word that is a label of its own, only words
    in ASCII, "Camera access"), else its first word."""
    label, rest = _glued_label(text, ctx)
    if label:
        return label, rest.strip()
    words = text.split()
    if len(words) > 2:
        one = _spaced_label(words[0], ctx)  # (a Chinese label is one word: "存储权限 保存图片" is two cells)
        for n in range(min(MAX_LABEL_WORDS, len(words) - 1), 1, -1):
            head = " ".join(words[:n])
            if (not one or head.isascii()) and width(head) <= MAX_SPACED_LABEL \
                    and ctx.lexicon.only_permission(head, label=True) and _spaced_label(head, ctx):
                return head, " ".join(words[n:])
    label, _, rest = text.partition(" ")
    return label, rest


def _spaced_scene(label: str, texts: list[str], roles: list[str | None], first: int, last: int) -> SceneClaim:
    """A row of a blank-separated permission table: one line of exactly one cell per header column is read
    by the header's roles (the scene column's cell the scene, the others its description); any other row's
    text after its label is its scene."""
    cells = [label] + _TOKEN_SPLIT_RE.split(texts[0].strip()) if len(texts) == 1 and texts[0].strip() else []
    scene_col = next((k for role in ("scene", "purpose") for k, r in enumerate(roles) if r == role and k), None)
    if scene_col is None or len(cells) != len(roles):
        return SceneClaim(" ".join(t for t in texts if t), "", label, first, last)
    desc = " ".join(c for k, c in enumerate(cells) if k and k != scene_col and roles[k] in ("purpose", "description"))
    return SceneClaim(cells[scene_col], desc, label, first, last)


def _spaced_header(line: Line, ctx: Context) -> bool:
    """A line of blank-separated column titles, the first naming the permission column: three or more, or two
    that are both a table's usual titles and the second the use ("Permission Purpose", "权限 用途")."""
    if line.mark or "|" in line.text or width(line.text) > MAX_SPACED_HEADER:
        return False
    tokens = [t for t in _TOKEN_SPLIT_RE.split(line.text.strip()) if t]
    if len(tokens) == 2:
        return _titles_of_uses(tokens, ctx)
    if len(tokens) < MIN_SPACED_COLUMNS or not _PERMISSION_WORD_RE.search(tokens[0]) \
            or ctx.lexicon.role(tokens[0]) != "permissions":
        return False
    return sum(1 for t in tokens[1:] if ctx.lexicon.role(t) is not None) >= 2 \
        and not ctx.lexicon.permissions_in(tokens[0], weak=True)


def _titles_of_uses(titles: list[str], ctx: Context) -> bool:
    """Titles of a permission table: the first the permission's, every one a table's usual title, one after
    the first the use (its scene or purpose), none but the remarks' and the user's choice's twice ("是否询问 /
    可否关闭")."""
    roles = [ctx.lexicon.role(t) for t in titles]
    told = [r for r in roles if r not in _REPEATED_ROLES]
    return roles[0] == "permissions" and _PERMISSION_WORD_RE.search(titles[0]) is not None \
        and not ctx.lexicon.permissions_in(titles[0], weak=True) \
        and all(ctx.lexicon.is_header(t) for t in titles) and len(set(told)) == len(told) \
        and bool({"scene", "purpose"} & set(roles[1:]))


_REPEATED_ROLES = frozenset({"choice", "description"})


MAX_STACKED_TITLE = 24
"""Display width of one title of a header written a title a line."""


def _stacked_titles(lines: tuple[Line, ...], i: int, ctx: Context) -> list[str]:
    """The titles of a permission table's header written one a line from line ``i`` ("设备权限 / 业务功能 /
    权限授权方式 / 可否关闭"), when :func:`_titles_of_uses` holds of them; else none."""
    if not _PERMISSION_WORD_RE.search(lines[i].text) or ctx.lexicon.role(lines[i].text.strip()) != "permissions":
        return []  # (the cheap test first: most lines are no permission column's title)
    titles: list[str] = []
    for line in lines[i:i + MAX_STACKED_COLUMNS]:
        text = line.text.strip()
        if line.mark or "|" in text or " " in text or width(text) > MAX_STACKED_TITLE or ctx.lexicon.role(text) is None:
            break
        titles.append(text)
    return titles if len(titles) >= 2 and _titles_of_uses(titles, ctx) else []


MAX_OTHER_LABEL = 12


def _other_label(label: str) -> bool:
    """The first cell of a row that names no permission: a short label ("传感器", "已安装列表") or one closed
    by a bracket ("应用信息(可选信息:…)"), not an enumerated or sentence line that continues the row above (the
    caller also wants cells after it: an enumerated one or several, not a lone "是")."""
    return not _ROW_NUMBER_RE.match(label) and not re.search(r"[,，。；;]", label.split("(")[0].split("（")[0]) and \
        (width(label) <= MAX_OTHER_LABEL or label.endswith((")", "）")))


def _spaced_label(label: str, ctx: Context) -> bool:
    """The first cell of a row of a blank-separated permission table: a permission label."""
    return bool(label) and (width(label) <= MAX_SPACED_LABEL or _CONSTANT_RUN_RE.fullmatch(label) is not None) \
        and not _ROW_NUMBER_RE.match(label) \
        and bool(ctx.lexicon.permissions_in(label, weak=True, derive=True))


_LABELLED_RE = re.compile(r"^\s*[^\s:：`][^:：`]{0,30}[:：]\s*\S")
"""A line opening with a label ("Permission: …", "权限：…")."""
_ANSWER_RE = re.compile(r"^\s*(?:是|否|必选|可选|必须|必需|非必须|必要|非必要|required|optional|mandatory|yes|no)"
                        r"(?:\s*[(（][^()（）]{0,30}[)）])?[\s.。]*$", re.IGNORECASE)
"""A cell that only answers yes or no ("是", "Required", "Optional (core function)"): never a use."""


def _no_use(cell: str) -> bool:
    """A cell (closing bar aside) left empty ("/", "-") or answering yes or no: never a use."""
    cell = cell.rstrip("| ")
    return bool(NOTHING_RE.match(cell) or _ANSWER_RE.match(cell))

MIN_ANCHORED_ROWS = 3
MAX_ANCHOR_GAP = 5
"""Lines between two rows' constants in a table copied one cell per line (label, function, scene...)."""
MAX_ROW_LABEL = 30
ANCHORED_CONFIDENCE = 0.82
"""Above a flattened table (whose rows the constants mark more surely than a count of cells)."""


_PREFIX = "android.permission."


_GLUED_LABEL_RE = re.compile(r"(?:android\.permission\.)?[A-Z][A-Z0-9_]*(?:\s*[/,，、]\s*(?:android\.permission\.)?[A-Z][A-Z0-9_]*)*")
_LABEL_NOTE_RE = re.compile(r"\s*[(（][^()（）]{1,30}[)）]")
MAX_GLUED_TITLES_LINE = 60


def _glued_title_tables(lines: tuple[Line, ...], ctx: Context) -> list[Structure]:
    """Permission tables whose cells lost what parted them, under a header of titles run together
    ("PermissionPurpose", "权限名称使用目的"): each row opens with its constants, the last one run into the use
    after it ("VIBRATEHaptic feedback…", "CAMERA / FLASHLIGHTToggle the torch", "INTERNET (auto-granted)Required
    for…"); the rest of the row is its scene. Rows end at the first line that opens with no constant."""
    out: list[Structure] = []
    i = 0
    while i < len(lines):
        text = lines[i].text.strip()
        glued = not lines[i].mark and "|" not in text and " " not in text and 4 <= len(text) <= MAX_GLUED_TITLES_LINE \
            and i + 1 < len(lines) and _GLUED_LABEL_RE.match(lines[i + 1].text.strip()) is not None \
            and _PERMISSION_WORD_RE.search(text[:MAX_GLUED_TITLE]) is not None  # (cheap tests first)
        titles = split_titles(text, ctx) if glued else None
        if not titles or len(titles) < 2 or titles[0][1] != "permissions" \
                or not any(r in ("scene", "purpose", "description") for _, r in titles[1:]):
            i += 1
            continue
        scenes: list[SceneClaim] = []
        k = i + 1
        while k < len(lines) and not lines[k].mark.startswith("h"):
            label, rest = _glued_label(lines[k].text.strip(), ctx)
            if not label:
                break
            scenes.append(SceneClaim(rest.strip(" .。"), "", label, k, k))
            k += 1
        if len(scenes) >= 2:
            out.append(Structure(ExtractorKind.PERMISSION_LIST, i, scenes[-1].last, CONFIDENCE, scenes=tuple(scenes)))
        i = k if len(scenes) >= 2 else i + 1
    return out


def _glued_label(text: str, ctx: Context) -> tuple[str, str]:
    """``(constants, the rest)`` of a glued row: the constants it opens with, the last one cut where the use run
    into it begins, and a note in brackets after them ("(auto-granted)"); ``("", text)`` when it opens with none."""
    m = _GLUED_LABEL_RE.match(text)
    if m is None:
        return "", text
    run = m.group(0)
    last = re.split(r"\s*[/,，、]\s*", run)[-1].removeprefix("android.permission.")
    end = m.end()
    if "android.permission." + last not in ctx.lexicon.constants:
        glued = ctx.lexicon.glued_constant(last, one_word=True)
        if not glued:
            return "", text
        end = end - len(last) + len(glued) - len("android.permission.")
    label = text[:end]
    if not ctx.lexicon.permissions_in(label, weak=True):
        return "", text
    note = _LABEL_NOTE_RE.match(text, end)
    if note:
        label, end = text[:note.end()], note.end()
    return label, text[end:]


_FEATURES_INTRO_RE = re.compile(
    r"\b(?:features?|functions?|functionality)\s+(?:that\s+|which\s+)?(?:use|uses|require|requires|need|needs|rely on)\s+"
    r"(?:this|the|that)\s+permission\s*:\s*$"
    r"|(?:以下|下列|如下)?(?:功能|场景|业务)(?:会|将)?(?:使用|需要|用到|依赖|申请)(?:该|此|这个|这项|上述)权限\s*[:：]\s*$", re.IGNORECASE)
"""A line introducing the features that use the permission its section is about ("Features that use this
permission:", "以下功能需要该权限：")."""
MAX_SECTION_BACK = 12
_USE_LABEL_RE = re.compile(r"^\s*(?:used for|uses?|purpose|why we (?:need|use) it|用途|用于|使用目的|使用场景|应用场景)\s*[:：]\s*$",
                           re.IGNORECASE)
"""A label alone on its line over the features a permission is used for ("Used for:", "用途："), right under the
permission's title."""
MAX_USE_TITLE = 40
MAX_FEATURE_ITEMS = 20


def _features_listed(lines: tuple[Line, ...], ctx: Context) -> list[Structure]:
    """The features listed under a line introducing those that use "this permission", each a scene of the
    permission the lines above name (up to the section's heading), or under a use label right under a
    permission's title ("Camera Permission" / "Used for:" / "• Scanning QR codes"): its first sentence (a quoted
    feature name before it kept)."""
    out: list[Structure] = []
    for i, line in enumerate(lines):
        if not line.text.rstrip().endswith((":", "：")):
            continue
        asked = ""
        if _USE_LABEL_RE.match(line.text):
            title = lines[i - 1].text.strip() if i > 0 else ""  # "Camera Permission" / "Used for:" / "• Scanning…"
            if title and width(title) <= MAX_USE_TITLE and not title.endswith(TERMINAL) \
                    and ctx.lexicon.permissions_in(title, weak=True):
                asked = title
        elif _FEATURES_INTRO_RE.search(line.text):
            for k in range(i - 1, max(-1, i - 1 - MAX_SECTION_BACK), -1):
                if ctx.lexicon.permissions_in(lines[k].text, weak=False):
                    asked = lines[k].text  # the nearest line above naming the permission
                    break
                if lines[k].mark.startswith("h"):
                    break
        if not asked:
            continue
        scenes: list[SceneClaim] = []
        for k in range(i + 1, min(len(lines), i + 1 + MAX_FEATURE_ITEMS)):
            if not _marked(lines[k]):
                if scenes and not lines[k].mark and lines[k].text.strip() and not _section_heading(lines[k]) \
                        and not _USE_LABEL_RE.match(lines[k].text) \
                        and not (k + 1 < len(lines) and _USE_LABEL_RE.match(lines[k + 1].text)):
                    continue  # the item's text going on (not the next permission's title over its use label)
                break
            first = re.split(r"(?<=[.。!?！？])\s", _body(lines[k]), maxsplit=1)[0]
            scenes.append(SceneClaim(first.strip(" .。"), "", asked, k, k, sentence=True))
        if scenes:
            out.append(Structure(ExtractorKind.PERMISSION_LIST, i, scenes[-1].last, CONFIDENCE, scenes=tuple(scenes)))
    return out


_ASKING_TITLE_RE = re.compile(r"(?:申请|请求)(?:获取|使用|访问|开启|调用)?(?:您的|你的)?(.{1,16}?权限)(?:使用说明|说明)?\s*[?？]?\s*$")
"""A dialog's title saying the app asks for a permission ("%s 申请获取相机权限", "正在请求使用麦克风权限"): the line
after it says what for."""
MAX_ASKING_TITLE = 30


def _asking_titles(lines: tuple[Line, ...], ctx: Context) -> list[Structure]:
    """Permission dialogs kept as text, each a title saying the app asks for a permission over the line saying
    what the user gets by allowing it (an app's strings: "%s 申请获取麦克风权限" / "…你可以录制语音…"): that line is
    the scene of the permission the title names."""
    out: list[Structure] = []
    for i in range(len(lines) - 1):
        if "权限" not in lines[i].text:
            continue
        text = lines[i].text.strip()
        if width(text) > MAX_ASKING_TITLE:
            continue
        m = _ASKING_TITLE_RE.search(text)
        if m is None or not ctx.lexicon.permissions_in(m.group(1), weak=True, derive=True):
            continue
        use = lines[i + 1].text.strip()
        if not use or _ASKING_TITLE_RE.search(use) or width(use) <= width(m.group(1)) or _refused(use, ctx):
            continue
        scene = SceneClaim(use, "", m.group(1), i, i + 1)
        out.append(Structure(ExtractorKind.PERMISSION_LIST, i, i + 1, CONFIDENCE, scenes=(scene,)))
    return out


_USES_PERMISSION_RE = re.compile(r"<uses-permission(?:-sdk-\d+)?\b[^>]*?android:name\s*=\s*[\"']([\w.]+)[\"']")
_XML_COMMENT_RE = re.compile(r"<!--\s*(.*?)\s*-->")
_SECTION_NOTE_RE = re.compile(r"[(（](?:开始|结束|start|end|begin)[)）]|^(?:start|end|begin)\b", re.IGNORECASE)
"""A comment that marks where a block of permissions starts or ends ("…要求的权限(开始)"): no use."""
MIN_MANIFEST_LINES = 2


def _manifest_comments(lines: tuple[Line, ...], ctx: Context) -> list[Structure]:
    """A manifest's permissions as an SDK's guide shows them, each under (or after) a comment saying what it is for
    ("<!--检查网络可用性-->" over '<uses-permission android:name="android.permission.ACCESS_NETWORK_STATE"/>'): each
    permission with its comment as scene; a comment that only names the permission, or marks where the block
    starts or ends, gives none. Runs of at least ``MIN_MANIFEST_LINES`` such declarations."""
    out: list[Structure] = []
    if not any("uses-permission" in line.text for line in lines):
        return out
    run: list[SceneClaim] = []
    start = -1
    for k, line in enumerate(lines + (Line(0, ""),)):
        m = _USES_PERMISSION_RE.search(line.text) if "uses-permission" in line.text else None
        if m is None:
            if _XML_COMMENT_RE.fullmatch(line.text.strip()) or not line.text.strip():
                continue  # a comment over the next declaration, a blank line
            if len(run) >= MIN_MANIFEST_LINES:
                out.append(Structure(ExtractorKind.PERMISSION_LIST, start, run[-1].last, CONFIDENCE, scenes=tuple(run)))
            run, start = [], -1
            continue
        after = _XML_COMMENT_RE.search(line.text, m.end())
        before = _XML_COMMENT_RE.fullmatch(lines[k - 1].text.strip()) if k else None
        note = after.group(1) if after else before.group(1) if before else ""
        if not note or _SECTION_NOTE_RE.search(note) or _only_permission(note, ctx):
            note = ""
        if start < 0:
            start = k - 1 if before else k
        run.append(SceneClaim(note, "", m.group(1), k, k))
    return out


_NAMED_CONSTANT_CELL_RE = re.compile(
    r"^\s*((?:android\.permission\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\s+([^\s:：，。,;；()（）][^:：，。,;；]{0,30}?)\s*$")
MAX_CELL_NAME = 16
"""Display width of the name a permission's cell gives after its constant ("ACCESS_COARSE_LOCATION  访问近似位置")."""


def _named_constant_cell(text: str, constants: frozenset[str]) -> bool:
    """A permission's cell: a known constant and, after a blank, a short name in words the lexicon need not know
    ("FLASHLIGHT  闪光灯"); no sentence."""
    m = _NAMED_CONSTANT_CELL_RE.match(text)
    if m is None or width(m.group(2)) > MAX_CELL_NAME:
        return False
    name = m.group(1)
    return (name if name.startswith(_PREFIX) else _PREFIX + name) in constants


def _anchored_tables(lines: tuple[Line, ...], ask: _Lines) -> list[Structure]:
    """Permission tables copied one cell per line whose rows each hold a line of only constants (a known
    one-word constant, "VIBRATE", counts): runs of at least ``MIN_ANCHORED_ROWS`` such lines, at most
    ``MAX_ANCHOR_GAP`` lines apart. Each row is one scene: the constants its permissions, the last of its other
    lines the scene, the rest its description; under column titles that name no use, no scene. A row's own
    label may stand on the line before its constants ("读取手机/电话状态" / "READ_PHONE_STATE" / …): so when the
    line before the first row's constants is such a label, and each row leaves at least two lines before the
    next row's constants; otherwise every line after a row's constants is the row's ("INTERNET" / "网络" / …).
    Only unmarked lines count: constants as list items are a list, not a table's cells."""
    groups: list[list[int]] = []  # [first, last] of each run of constant lines
    constants = ask.ctx.lexicon.constants
    strict: set[int] = set()  # lines of only constants (the others open with one and add a name of their own)
    for k, line in enumerate(lines):
        if line.mark:
            continue
        only = _may_write_constants(line.text) or line.text.isupper()  # (may be constants alone: the lexicon asked)
        if not only and not _NAMED_CONSTANT_CELL_RE.match(line.text):
            continue
        if _LABELLED_RE.match(line.text):
            continue  # "Permission: `CAMERA`": a labelled field of a record (key-value), not a table's cell
        if only and (ask.constant(line) or _PREFIX + line.text.strip() in constants):
            strict.add(k)
        elif not _named_constant_cell(line.text, constants):
            continue
        if groups and groups[-1][1] == k - 1:
            groups[-1][1] = k
        else:
            groups.append([k, k])
    runs: list[list[list[int]]] = []
    for g in groups:
        gap = g[0] - runs[-1][-1][1] - 1 if runs else -1
        if runs and 1 <= gap <= MAX_ANCHOR_GAP and not any(
                _section_heading(lines[k]) for k in range(runs[-1][-1][1] + 1, g[0])):
            runs[-1].append(g)
        else:
            runs.append([g])
    out: list[Structure] = []
    for run in runs:
        sure = sum(1 for g in run if strict.intersection(range(g[0], g[1] + 1)))
        if sure < MIN_ANCHORED_ROWS or sure * 2 < len(run):
            continue  # (a name the lexicon does not know fills a row in only among rows it reads surely)
        if _under_sdk_titles(lines, run[0][0], ask.ctx):
            continue  # an SDK table's permission column (its rows' names, packages, links): the table reader's
        gaps = [b[0] - a[1] - 1 for a, b in zip(run, run[1:])]
        before = run[0][0] - 1
        labelled = before >= 0 and _row_label(lines[before], ask) and min(gaps) >= 2
        titled = _titles_over(lines, run[0][0] - (1 if labelled else 0), ask.ctx)
        sceneless = bool(titled) and not titled & {"scene", "purpose"}  # titles, but no column of a use
        usual = Counter(gaps).most_common(1)[0][0]
        closing = _closing_titles(lines, run[0][0], usual, ask.ctx)
        if closing:
            out.append(_closed_rows(lines, run, closing))
            continue
        use = _use_column(lines, run[0][0], usual, ask.ctx)
        tail = max(0, usual - (1 if labelled else 0))  # the last row: as many lines as most rows
        scenes = []
        for n, (first, last) in enumerate(run):
            end = run[n + 1][0] - (2 if labelled else 1) if n + 1 < len(run) else \
                min(len(lines) - 1, last + tail)
            texts = []
            for k in range(last + 1, end + 1):
                if lines[k].mark.startswith("h") or _section_heading(lines[k]):
                    end = k - 1
                    break
                texts.append(lines[k].text.strip())
            written = " ".join(lines[k].text.strip() for k in range(first, last + 1))
            while texts and _no_use(texts[-1]):
                texts.pop()  # a last column left empty ("备注": "/") or answering yes or no: the use stands before it
            if sceneless and not ("description" in titled and texts and _a_use(texts[-1])):
                texts = []  # what the permission is, under titles naming no use: the permission alone
            at = use if use is not None and use < len(texts) and not labelled else len(texts) - 1
            scene = texts[at] if texts else ""
            description = " ".join(t for k, t in enumerate(texts) if k != at)
            scenes.append(SceneClaim(scene, description, written, first - (1 if labelled else 0), max(end, last)))
        out.append(Structure(ExtractorKind.PERMISSION_LIST, scenes[0].first, scenes[-1].last, ANCHORED_CONFIDENCE,
                             scenes=tuple(scenes)))
    return out


MAX_TITLE_LINES = 8
MAX_UNKNOWN_TITLE = 16
"""Display width of a column title the lexicon does not know, among titles it knows."""


def _title_lines(lines: tuple[Line, ...], start: int, count: int, ctx: Context) -> list[tuple[str, str | None]] | None:
    """``(text, role)`` of the ``count`` lines from ``start`` read as column titles one a line (over a flattened
    table's first row); None when they do not fit the page or above :data:`MAX_TITLE_LINES`, or one is a heading."""
    if start < 0 or count > MAX_TITLE_LINES or any(lines[k].mark.startswith("h") for k in range(start, start + count)):
        return None
    return [(text, ctx.lexicon.role(text)) for text in (lines[k].text.strip() for k in range(start, start + count))]


def _closing_titles(lines: tuple[Line, ...], first: int, usual: int, ctx: Context) -> list[str | None]:
    """The roles of the cells before the constants in each row, when the constants close every row: one title
    a line right over the first row, as many titles before the permission's as most rows have lines before their
    constants ("名称" / "业务场景" / "权限代码" over "网络权限" / "用户在使用…" / "android.permission.INTERNET");
    [] when the titles say otherwise (then a row's lines follow its constants)."""
    # (the titles of the cells before the constants, and the permission's: a caption may stand over them)
    read = _title_lines(lines, first - 2 * usual - 1, usual + 1, ctx) if usual >= 1 else None
    titles = [r for _, r in read] if read else []
    if not titles or None in titles or titles[-1] != "permissions" or "permissions" in titles[:-1] \
            or not any(r in ("scene", "purpose") for r in titles):
        return []
    return titles[:-1]


def _use_column(lines: tuple[Line, ...], first: int, usual: int, ctx: Context) -> int | None:
    """Which of the cells after a row's constants holds its use, when one title a line stands right over the first
    row, the permission's first, one for each cell after it ("权限名称" / "功能场景" / "何时获取" / "是否可关闭" over
    "INTERNET" / "网络相关权限" / "系统自动授权" / "是"): the first cell under a title of a use; None otherwise (the
    last cell is the use)."""
    read = _title_lines(lines, first - usual - 1, usual + 1, ctx) if usual >= 1 else None
    if not read:
        return None
    titles = [r for _, r in read]
    if titles[0] != "permissions" or "permissions" in titles[1:] \
            or any(r is None and width(t) > MAX_UNKNOWN_TITLE for t, r in read) \
            or sum(1 for r in titles if r is None) * 2 > len(titles):
        return None
    return next((k for k, (t, r) in enumerate(read[1:]) if r in ("scene", "purpose") and not TIMING_TITLE_RE.search(t)),
                None)


def _closed_rows(lines: tuple[Line, ...], run: list[list[int]], roles: list[str | None]) -> Structure:
    """The rows of a table whose constants close each row (:func:`_closing_titles`): the lines after the row
    above's constants are this row's cells, the last of them standing against its constants; the scene is the
    (last) cell under a title of a use, the others its description."""
    scenes = []
    top = run[0][0] - len(roles)
    use = max(k for k, r in enumerate(roles) if r in ("scene", "purpose")) - len(roles)  # (from the right)
    for first, last in run:
        texts = [lines[k].text.strip() for k in range(top, first)]
        scene = texts[use] if len(texts) >= -use else ""
        description = " ".join(t for k, t in enumerate(texts) if k != len(texts) + use)
        written = " ".join(lines[k].text.strip() for k in range(first, last + 1))
        scenes.append(SceneClaim(scene, description, written, top, last))
        top = last + 1
    return Structure(ExtractorKind.PERMISSION_LIST, scenes[0].first, scenes[-1].last, ANCHORED_CONFIDENCE,
                     scenes=tuple(scenes))


def _titles_over(lines: tuple[Line, ...], start: int, ctx: Context) -> set[str]:
    """The roles of the column titles right over a table's first row: title lines, one a line or several on
    one line separated by blanks ("权限名称/权限key 权限功能说明 使用场景或目的")."""
    roles: set[str] = set()
    for k in range(start - 1, max(-1, start - 1 - MAX_TITLE_LINES), -1):
        text = lines[k].text.strip()
        found = {r for r in [ctx.lexicon.role(text)] + [ctx.lexicon.role(t) for t in text.split()] if r}
        if not found and roles and k > 0 and width(text) <= MAX_UNKNOWN_TITLE and ctx.lexicon.role(lines[k - 1].text.strip()):
            continue  # a title the lexicon does not know between two it does ("功能场景" / "何时获取" / "是否可关闭")
        if not found or lines[k].mark.startswith("h"):
            break
        roles |= found
    return roles


MIN_SDK_TITLES = 3
"""Column titles over a table, one of them an SDK name's, that make it an SDK table (:func:`_under_sdk_titles`)."""


def _under_sdk_titles(lines: tuple[Line, ...], start: int, ctx: Context) -> bool:
    """Whether the first row's constants at ``start`` stand under the column titles of an SDK table (at least
    ``MIN_SDK_TITLES``, one a name's: "SDK名称" / "包名信息" / "使用目的" / "使用的权限" / …), the row's other cells
    between (at most ``MAX_ANCHOR_GAP``)."""
    for k in range(start - 1, max(-1, start - 2 - MAX_ANCHOR_GAP), -1):
        if lines[k].mark.startswith("h") or _section_heading(lines[k]):
            return False
        if ctx.lexicon.role(lines[k].text.strip()):
            titles = _titles_over(lines, k + 1, ctx)
            if "name" in titles and len(titles) >= MIN_SDK_TITLES:
                return True
    return False


def _row_label(line: Line, ask: _Lines) -> bool:
    """A short line naming a permission in words, over the constants of its row ("读取/写入外置存储")."""
    text = line.text.strip()
    return width(text) <= MAX_ROW_LABEL and not text.endswith(TERMINAL) and not ask.constant(line) \
        and bool(ask.ctx.lexicon.permissions_in(text, weak=True, derive=True))
