"""Text that lost its line breaks: a page crawled or copied as one line, its list items and field labels run
together.

    …以下是我们接入的第三方SDK：（1）友盟统计 SDK使用目的：提供统计分析服务。信息类型：Mac地址、IMEI公司名称：
    北京锐讯灵通科技有限公司官网链接：https://www.umeng.com/（2）个推 SDK使用目的：…

Such a line is cut back into the lines it was: before each item marker (``（2）``, ``[3]``, ``4、`` after a sentence's
end, or run into the address before it: ``…/privacy15、OKHttp``, or after it and a blank: ``…/privacy 2. 丙丁广告``, or
numbered 1, 2, 3, … in turn after any words: ``…音视频信息2、SDK服务商：``, ``…IMEI4）“丙丁SDK”``, or lettered in brackets, (a), (b), (c), …
in turn), before each permission constant that opens an item of a list of them (``…用于统计android.permission.CAMERA :
…``, or a row of a permission table, run into its Chinese words: ``…使本软件可以加载漫画ACCESS_NETWORK_STATE允许…``), before each lettered field of an item (``…神策a.收集个人信息目的：…b.收集个人信息类型：``)
and before each field's label run into the value before it (``…IMEI公司名称：``, ``…/privacy使用目的：``,
``…/policy?spm=…EUZJSDK简称：``, as :meth:`auditor.policy.lexicon.Lexicon.glued_label` finds them, or after a company
given in brackets: ``…SDK（某某有限公司）业务服务功能：``, or set apart from it by blanks: ``…应用；   信息共享主体：``),
and an address is cut where Chinese words or a label follow
its path. Only a long line with several such places is cut: a paragraph that merely holds a colon or two is left as
written. The parts keep the line's number (the evidence still points at the source line). Documents with tables of
their own (HTML, DOCX) or source code keep their lines: their tables and code point at them by index. The reader reads
a document so restored and as written and keeps, of rows and of scenes each, the reading that names more
(:func:`auditor.policy.reader.read_document`): the cuts are a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from auditor.policy.document import Document, Line
from auditor.policy.lexicon import MIN_GLUED_LABEL, Lexicon
from auditor.policy.text import (
    CJK_RE,
    GLUED_CONSTANT_RE,
    LETTER_BULLETS,
    SERVICE_NAME_TAIL,
    URL_RE,
    company_like,
    width,
)

MIN_GLUED_WIDTH = 600
"""Display width of a line that may be several run together (a paragraph of a policy is rarely longer and
never holds many labels)."""
MAX_RESTORED_CHARS = 1_000_000
"""Characters of a page read with its lines restored as well as written (a privacy policy is rarely a tenth of it;
past it, the page's second reading would cost more than the reader's time bound allows)."""
MIN_CUTS = 4
"""Places to cut a long line needs before it is cut (fewer: a long paragraph, read as written)."""
MAX_LABEL_RUN = 24
"""Characters before a colon looked at for a label run into the value before it."""
MAX_NAME_WIDTH = 40
"""Display width of the words before a label that opens with "SDK", which may be a product's name ("（1）友盟统计 ")."""
_ITEM_RE = re.compile(
    r"(?<=\S)\s*(?=[（(【\[]\d{1,2}[）)】\]])"  # "…/policy（2）个推", "…） （2）个推", "…。[3]支付宝"
    r"|(?<=[。；;！？])\s*(?=\d{1,2}(?:\.\d{1,2}){0,3}[、.．]?\s*[^\d\s.．、])"  # "…服务。2、微信SDK", "…。1.2.3 第三方SDK"
    r"|(?<=[。；;！？])\s*(?=[一二三四五六七八九十]{1,3}、)"  # "…。二、百度SDK"
)
_DOTTED_RE = re.compile(r"(?<![0-9_.．/:=#?&vV-])(\d{1,2}(?:\.\d{1,2}){1,3})(?=\s*[^\d\s.．、,，。；;:：%)）])")
"""A section number of two to four levels ("4.1.3") where no digit, dot, path or version's "v" runs into it."""
_COLON_RE = re.compile(r"[：:](?!//)")
_ITEM_TAIL_RE = re.compile(r"(?<=[A-Za-z/=#_-])\d[.、．](?:[A-Za-z][A-Za-z0-9 _-]*)?$")
_PUNCTUATION_RE = re.compile(r"[。；;，,：:！？]")


def restore_lines(doc: Document, lexicon: Lexicon) -> Document:
    """``doc`` with each long line that is several run together cut back into its lines (:func:`cut`)."""
    if doc.tables or doc.code or not any(len(line.text) > MIN_GLUED_WIDTH // 2 and width(line.text) > MIN_GLUED_WIDTH
                                         for line in doc.lines) \
            or sum(len(line.text) for line in doc.lines) > MAX_RESTORED_CHARS:
        return doc  # (a page past the bound is read as written only: a second reading would double its time)
    lines: list[Line] = []
    changed = False
    previous = 0  # the last item number read (a list may run over several long lines)
    cut_before = False  # the line before was cut: the next one may be the rest of its list, however short
    for line in doc.lines:
        if width(line.text) > (MIN_GLUED_WIDTH // 3 if cut_before else MIN_GLUED_WIDTH):
            numbered, previous = _numbers_after_addresses(line.text, previous)
            parts = cut(line.text, lexicon, numbered)
        else:
            parts = [line.text]
        cut_before = len(parts) > 1 or (cut_before and not line.text.strip())
        changed = changed or len(parts) > 1
        lines.extend(replace(line, text=p) for p in parts)
    return replace(doc, lines=tuple(lines)) if changed else doc


def cut(text: str, lexicon: Lexicon, numbered: set[int] | None = None) -> list[str]:
    """The lines ``text`` was, when it reads as several run together (at least :data:`MIN_CUTS` places to cut);
    else ``[text]``. ``numbered``: where item numbers ran into addresses (:func:`_numbers_after_addresses`, read
    over the lines before it too)."""
    if not CJK_RE.search(text):
        return [text]
    lettered_bullets = _marked_items(_LETTER_BULLET_RE, text)
    cuts = {m.end() for m in _ITEM_RE.finditer(text)} | _dotted_items(text) | _dashed_items(text) \
        | _bulleted_items(text) | lettered_bullets | _running_items(text) | _bracket_lettered_items(text) \
        | _capital_items(text) | _marked_items(_CONSTANT_ITEM_RE, text) | _glued_constants(text, lexicon) \
        | _service_headings(text)
    last = 0
    lettered = sorted(_lettered_items(text, lexicon))
    labels: set[int] = set(lettered)
    for colon in _COLON_RE.finditer(text):
        k = bisect_left(lettered, last)
        if k < len(lettered) and lettered[k] < colon.start():
            last = colon.end()
            continue  # (the letter opens the label: "b.收集个人信息类型：", not "b." then "收集个人信息类型：")
        run = text[max(last, colon.start() - MAX_LABEL_RUN):colon.start()]
        glued = lexicon.glued_label(run) if run and not run[-1].isspace() else -1
        if glued < 0:
            glued = _spaced_label(run, lexicon)
        bracket = _after_company(text, colon.start() - len(run), colon.start(), lexicon)
        if bracket is not None and (glued < 0 or bracket < colon.start() - len(run) + glued):
            labels.add(bracket)  # "1、某某SDK（某某有限公司）业务服务功能：": the label opens after the company
        elif glued > 0:
            labels.add(colon.start() - len(run) + glued)
        last = colon.end()
    cuts |= labels
    if len(cuts) < MIN_CUTS:
        return [text]
    in_order = sorted(labels)
    ends: set[int] = set()
    m = URL_RE.search(text)
    while m is not None:  # "https://www.umeng.com/友盟的隐私政策：": the address ends at the Chinese words
        cjk = CJK_RE.search(m.group(0))
        if cjk and cjk.start() > len("https://") and m.group(0)[:cjk.start()].replace("⟨", "").isascii():
            # ("⟨": a query's "&lang=" that a crawler read as the entity "&lang;")
            # (the next item's number, and an English name opening it, ran into the address: "…/compliance2.OPPO推送
            # SDK", "…/#/6.小米推送SDK": the address ends before them; so does a label opening with "SDK":
            # "…?spm=…EUZJSDK简称：")
            item = _ITEM_TAIL_RE.search(m.group(0), 0, cjk.start())
            k = bisect_right(in_order, m.start() + len("https://"))  # (the first label inside its Latin part)
            label = in_order[k] if k < len(in_order) and in_order[k] < m.start() + cjk.start() else None
            ends.add(label if label is not None else m.start() + (item.start() if item else cjk.start()))
            m = URL_RE.search(text, m.start() + cjk.start())  # (the next address may follow: "…隐私政策:https://…")
        else:
            m = URL_RE.search(text, m.end())
    for end in ends:  # (and the words after it up to a link's label are that label's: "友盟的隐私政策", "个推用户隐私政策")
        after = [c for c in cuts if end < c <= end + MAX_LABEL_RUN and not _PUNCTUATION_RE.search(text, end, c)
                 and lexicon.role(_label_at(text, c)) in ("link", "website")]
        cuts.difference_update(after)
    cuts |= ends
    cuts |= _numbers_after_addresses(text, 0)[0] if numbered is None else numbered
    for c in sorted(cuts):  # "（1）友盟统计 SDK使用目的：": "SDK" ends the name before the label, not opens the label
        if text[c:c + 3].casefold() == "sdk" and c + 3 < len(text) and CJK_RE.match(text[c + 3]) \
                and lexicon.role(_label_at(text, c).replace(" ", "")) != "name":
            # (a label naming the SDK opens the next item, "SDK" and all: "…没有隐私协议SDK简称：")
            before = _COLON_RE.split(text[max((b for b in cuts if b < c), default=0):c])[-1].strip()
            before = _ITEM_MARK_RE.sub("", before)  # (an item's number alone names nothing: "2、SDK服务商：")
            # (the words before it, or the value of a label before it: "使用SDK名称：某某组件arms SDK服务类型：…")
            if before and width(before) <= MAX_NAME_WIDTH and not company_like(before) and not URL_RE.search(before):
                cuts.discard(c)
                cuts.add(c + 3)
    cuts.difference_update(_marked_labels(text, cuts, labels))
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    parts = [text[a:b].strip().removeprefix(text[a]).strip()
             if text[a] in BULLETS or (text[a] in LETTER_BULLETS and a in lettered_bullets) else text[a:b].strip()
             for a, b in zip(bounds, bounds[1:])]
    return [p for p in parts if p]


def _marked_labels(text: str, cuts: set[int], labels: set[int]) -> set[int]:
    """The labels among ``cuts`` right after an item's number that a cut opens and nothing else ("…微信支付
    SDK（1）公司名称：某某公司（2）使用目的：…": "（1）" opens the field "公司名称：", as "b." opens "b.收集…"): cut
    there, the number would stand alone on a line and the field under it lose its record."""
    in_order = sorted(cuts)
    return {c for b, c in zip(in_order, in_order[1:]) if c in labels and _ITEM_MARK_RE.fullmatch(text[b:c].strip())}


def _spaced_label(run: str, lexicon: Lexicon) -> int:
    """Where a field's label set apart from the text before it starts in ``run`` (the text before a colon:
    "…检索正在运行的应用；       信息共享主体" -> the start of "信息共享主体"): Chinese words of
    :data:`auditor.policy.lexicon.MIN_GLUED_LABEL` to :data:`MAX_BRACKET_LABEL` characters after blanks or a
    semicolon (:data:`_SPACED_LABEL_RE`) that name a field's role, however the policy words it (a glued label must be
    written as tables write it: nothing parts it from a value's last words; the blanks do), after a value (right
    after the colon before it, the words are that label's value: "权限功能说明： 使用摄像头使用场景与目的"); -1 when
    none."""
    m = _SPACED_LABEL_RE.search(run)
    if m is None or not run[:m.start(1)].strip() or lexicon.role(m.group(1)) in (None, "title", "index"):
        return -1
    return m.start(1)


def _after_company(text: str, start: int, colon: int, lexicon: Lexicon) -> int | None:
    """Where a label opens right after a company in brackets ("…SDK（某某科技有限公司）业务服务功能：" -> the start
    of "业务服务功能"), if one does between ``start`` and the ``colon``: a closing bracket, a company's name inside
    it, and after it words of at most :data:`MAX_BRACKET_LABEL` characters that name a field's role."""
    close = max(text.rfind("）", start, colon), text.rfind(")", start, colon))
    if close < 0 or not 2 <= colon - close - 1 <= MAX_BRACKET_LABEL:
        return None
    label = text[close + 1:colon]
    if not CJK_RE.match(label) or _PUNCTUATION_RE.search(label) or lexicon.role(label) is None:
        return None
    opening = max(text.rfind("（", max(0, close - MAX_NAME_WIDTH * 2), close),
                  text.rfind("(", max(0, close - MAX_NAME_WIDTH * 2), close))
    return close + 1 if opening >= 0 and company_like(text[opening + 1:close]) else None


MAX_BRACKET_LABEL = 12
"""Characters of a label read after a company in brackets (as :data:`auditor.policy.lexicon.MAX_GLUED_LABEL`)."""
_SPACED_LABEL_RE = re.compile(r"(?:\s{2,}|[；;]\s*|\u3000)(?![^如]*如下$)"
                              rf"([\u3400-\u9fff]{{{MIN_GLUED_LABEL},{MAX_BRACKET_LABEL}}})$")
"""Words after blanks (two or more: one parts the words of a value, or an item's number from its label, "3.1.1
相机权限："), or after a clause's semicolon, up to a colon; not a lead-in to what follows ("所需权限信息如下：", a
sentence of its own)."""


def _marked_items(mark: re.Pattern[str], text: str) -> set[int]:
    """Where ``mark`` finds list items' marks run into the text before them: all of them when there are at least
    :data:`MIN_CUTS` (fewer are marks inside sentences or names), else none."""
    found = {m.start() for m in mark.finditer(text)}
    return found if len(found) >= MIN_CUTS else set()


def _service_headings(text: str) -> set[int]:
    """Where the items of the standard template's additional services run into the sentences around them ("…等
    功能。基于相册的附加服务开启后您可以上传…。基于日历的附加服务开启后我们会…"): before each such name that
    opens after a sentence's end, and after it when its text follows with no colon, so that the name stands as the
    label over its text; at least :data:`MIN_CUTS` of them (one or two are words inside a paragraph)."""
    found = list(_SERVICE_HEADING_RE.finditer(text))
    if len(found) < MIN_CUTS:
        return set()
    return {m.start() for m in found} | {m.end() for m in found if CJK_RE.match(text, m.end())}


_SERVICE_HEADING_RE = re.compile(r"(?:(?<=[。；;！？!?])|(?<=[。；;！？!?]\s)|(?<=[。；;！？!?]\s\s)|(?<=[。；;！？!?]\u00a0))"
                                 r"基于[^。；;，,：:、]{1,30}?" + SERVICE_NAME_TAIL)
"""The name of one of the template's additional services ("基于相机/摄像头的附加服务", "基于位置信息的扩展功能") right
after a sentence's end."""


def _dashed_items(text: str) -> set[int]:
    """Where list items marked with a dash run into the text before them ("…清除红点- 获取任务信息（…）：…- 写入系统
    设置…"): at least :data:`MIN_CUTS` such dashes, each right after a word and before a blank (a lone one is a
    dash in a sentence; "Wi-Fi", "react-native" have no blank after theirs)."""
    return _marked_items(_DASH_ITEM_RE, text)


_DASH_ITEM_RE = re.compile(r"(?<=[^\s\-–—])-\s(?=[^\s\-–—\d])")
"""A list item's dash run into the word before it, a blank after it and no number ("…红点- 获取…", not "3 - 5")."""


def _bulleted_items(text: str) -> set[int]:
    """Where list items marked with a bullet run into the text before them ("…第三方SDK列表·微信 SDK使用目的：…官网链接：
    https://open.weixin.qq.com/·QQ SDK…"): at least :data:`MIN_CUTS` bullets, each right after a word (one or two are
    a name's middle dot, "阿里巴巴·淘宝")."""
    return _marked_items(_BULLET_RE, text)


BULLETS = "·•●▪◆■"
"""Characters that mark a list item where lines were run together."""
_BULLET_RE = re.compile(r"(?:(?<=\S)|(?<=[:：]\s))[" + BULLETS + r"](?=\s*\S)")
"""A bullet right after a word, or after a lead's colon and a blank ("…清单如下：\u00a0·\u00a0SDK名称·\u00a0用途…")."""
_LETTER_BULLET_RE = re.compile(r"(?<=[\s。；;：:，,])(?<![\d.]\s)[" + LETTER_BULLETS + r"][\s\u00a0]+(?=[\u3400-\u9fffA-Za-z])")
"""Such a letter alone between blanks before Chinese or a word ("…适用平台：Android l 丙丁SDK使用目的：…"), never after a
number ("5 l 水")."""


def _dotted_items(text: str) -> set[int]:
    """Where section numbers of two levels or more run into the text before them ("…保存错误日志4.1.3 网络权限："),
    each one beside the number before or after it in its list (4.1.2 or 4.1.4 is there too): a lone "2.5" is a
    version or an amount, a run of them is a list."""
    found = [(m.start(), (tuple(parts[:-1]), int(parts[-1])))
             for m in _DOTTED_RE.finditer(text) if m.start() > 0 for parts in [m.group(1).split(".")]]
    numbers = {number for _, number in found}
    return {start for start, (head, last) in found if (head, last - 1) in numbers or (head, last + 1) in numbers}


def _running_items(text: str) -> set[int]:
    """Where list items numbered 1, 2, 3, … ran into the words before them ("…音视频信息2、SDK服务商：…位置信息3、…"):
    the numbers of each run counted up from 1 that is at least :data:`MIN_CUTS` long, each number the next one
    written after the one before and at least :data:`MIN_ITEM_CHARS` after it (a lone "2、" is a value's; "Android
    9、10、11、12", "1、线上，2、线下，…" are one value's words)."""
    at: dict[int, list[int]] = {}
    for m in _RUNNING_RE.finditer(text):
        at.setdefault(int(m.group(1)), []).append(m.start())
    return _in_turn(at, range(1, 100), MIN_CUTS)


def _lettered_items(text: str, lexicon: Lexicon) -> set[int]:
    """Where the lettered fields of an item ran into the text before them ("（1） 第三方SDK：神策a.收集个人信息目的/用途：
    …b.收集个人信息类型：…d.第三方SDK隐私政策链接：https://…/privacy.htmle.提供方：…"): letters a, b, c, … in turn
    (at least :data:`MIN_LETTERS`), each one before a field's label (words a role's up to a colon), each at least
    :data:`MIN_ITEM_CHARS` after the one before. A letter and a dot in a word ("data.", "…/index.html") are no
    list's: they neither run in turn nor open labels."""
    at: dict[str, list[int]] = {}
    for m in _LETTER_RE.finditer(text):
        colon = _COLON_RE.search(text, m.end(), m.end() + MAX_LABEL_RUN + 1)
        label = text[m.end():colon.start()] if colon else ""
        if label and CJK_RE.match(label) and not _PUNCTUATION_RE.search(label) and lexicon.role(label) is not None:
            opened = m.start() > 0 and text[m.start() - 1] in "（("  # "（a）甲乙SDK：" is cut before its bracket
            at.setdefault(m.group(1).casefold(), []).append(m.start() - 1 if opened else m.start())
    return _in_turn(at, "abcdefghijklmnopqrstuvwxyz", MIN_LETTERS)


def _bracket_lettered_items(text: str) -> set[int]:
    """Where items lettered in brackets ran into the text before them ("…IMEI）(b) 丙丁广告SDK（com.example.ads）
    官方链接 : …(c) 戊己地图SDK…"): letters a, b, c, … in turn (at least :data:`MIN_LETTERS`), each at least
    :data:`MIN_ITEM_CHARS` after the one before; an item need not open with a label."""
    at: dict[str, list[int]] = {}
    for m in _BRACKET_LETTER_RE.finditer(text):
        at.setdefault(m.group(1).casefold(), []).append(m.start())
    return _in_turn(at, "abcdefghijklmnopqrstuvwxyz", MIN_LETTERS)


_CONSTANT_ITEM_RE = re.compile(r"(?<!\")(?:android:name=\")?android\.permission\.[A-Z_]+\"?\s*[:：](?!//)")
"""A permission's constant opening its item, a colon after it ("…用于统计android.permission.READ_PHONE_STATE :
读取…"): at least :data:`MIN_CUTS` of them on a line are a list of permissions run together."""
MAX_CONSTANT_LABEL = 12
"""Characters after a constant within which a colon says a field's label follows it ("READ_PHONE_STATE权限功能说明：…",
"ACCESS_COARSE_LOCATION定位权限：…"): the constant is inside an item, which opens before it."""
MIN_UNDERSCORED = 2
"""Constants of several words a line of glued rows needs among its constants (one-word ones, "CAMERA", "NFC", may be
words of a sentence)."""


def _glued_constants(text: str, lexicon: Lexicon) -> set[int]:
    """Where the rows of a permission table copied cell after cell ran together, each opening with its constant
    right against Chinese words ("权限名称权限说明使用目的WRITE_EXTERNAL_STORAGE允许写入外部存储使本软件…INTERNET允许访问网络
    …"): before each known constant so written and not followed by a field's label, when a line holds at least
    :data:`MIN_CUTS` of them (at least :data:`MIN_UNDERSCORED` of several words), each at least
    :data:`MIN_ITEM_CHARS` after the one before."""
    found: list[tuple[int, bool]] = []
    for m in GLUED_CONSTANT_RE.finditer(text):
        if "android.permission." + m.group(1) in lexicon.constants \
                and not _COLON_RE.search(text, m.end(), m.end() + MAX_CONSTANT_LABEL) \
                and (not found or m.start() - found[-1][0] >= MIN_ITEM_CHARS):
            found.append((m.start(), "_" in m.group(1)))
    if len(found) < MIN_CUTS or sum(wordy for _, wordy in found) < MIN_UNDERSCORED:
        return set()
    return {at for at, _ in found}


def _capital_items(text: str) -> set[int]:
    """Where items lettered with capitals ran into the text before them ("…用于以下用途：A、甲乙SDK用于统计…。B、丙丁
    数据服务…。C、戊己定位SDK…"): letters A, B, C, … in turn (at least :data:`MIN_LETTERS`), each before Chinese
    words and at least :data:`MIN_ITEM_CHARS` after the one before; never a letter inside a word or a name ("SDK、"),
    but one right after an address ("…/privacy.htmlE、丙丁SDK": the address ends before it)."""
    at: dict[str, list[int]] = {}
    ends = {m.end() for m in URL_RE.finditer(text)} if "://" in text else set()
    for m in _CAPITAL_RE.finditer(text):
        if m.start() == 0 or not (text[m.start() - 1].isascii() and _WORD_CHAR_RE.match(text[m.start() - 1])) \
                or m.start() in ends:
            at.setdefault(m.group(1), []).append(m.start())
    return _in_turn(at, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", MIN_LETTERS)


_CAPITAL_RE = re.compile(r"([A-Z])[、.．](?=\s*[\u3400-\u9fff])")
"""A capital letter marking an item before Chinese words ("A、友盟SDK", "B.上甲数据")."""
_WORD_CHAR_RE = re.compile(r"[A-Za-z0-9._/-]")
"""A character of a word, a name or an address right before such a letter ("SDK、", "v1.", "…/A、")."""
_BRACKET_LETTER_RE = re.compile(r"[（(]([a-zA-Z])[）)]")
"""An item's letter in brackets ("(b)", "（c）")."""


K = TypeVar("K")
"""A list's mark: an item's number or a field's letter."""


def _in_turn(at: Mapping[K, list[int]], order: Sequence[K], least: int) -> set[int]:
    """The places of each run of marks written in ``order`` (item numbers 1, 2, 3…, letters a, b, c…; ``at``: each
    mark's places, ascending) that is at least ``least`` long: from each place of the first mark, the next mark
    written after it, when it is at least :data:`MIN_ITEM_CHARS` on (closer: a value's enumeration, the run ends)."""
    found: set[int] = set()
    for start in at.get(order[0], ()):
        run = [start]
        for mark in order[1:]:
            after = at.get(mark)
            k = bisect_left(after, run[-1] + 1) if after is not None else 0
            if after is None or k == len(after) or after[k] - run[-1] < MIN_ITEM_CHARS:
                break
            run.append(after[k])
        if len(run) >= least:
            found.update(run)
    return found


_LETTER_RE = re.compile(r"([a-zA-Z])[.．、)）]\s*(?=[\u3400-\u9fff])")
"""A field's letter before Chinese words ("a.收集…", "e.提供方")."""
MIN_LETTERS = 3
"""Lettered fields in turn that make a list (a, b, c)."""
_ITEM_MARK_RE = re.compile(r"^(?:[（(【\[]\d{1,2}[）)】\]]|\d{1,2}[、.．)）])\s*")
"""An item's number opening the words before a label ("（2）", "2、")."""
_RUNNING_RE = re.compile(r"(?<![\d.．/%=&?#（(-])(\d{1,2})(?:[、）]|(?<![a-z_]\d)(?<![a-z_]\d\d)[.．](?![\d.．]))",
                         re.ASCII | re.IGNORECASE)
"""An item's number, not inside a number or an address; with a dot, not after a letter either ("IMEI2、" is item
2 after "IMEI", "IMEI21）" item 21, "a1.example.com" a host's name); never in brackets ("（2）", cut before its
bracket)."""
MIN_ITEM_CHARS = 8
"""Characters from one item's number (or field's letter) to the next one's, at the least (an item names an SDK and
says something)."""


_NUMBERED_RE = re.compile(r"(?<![\d.])(\d{1,12})([、)）]|\.(?=\s*[^\d\s.．/]))")


def _numbers_after_addresses(text: str, previous: int) -> tuple[set[int], int]:
    """Where the next item's number ran into the address before it ("…/page/policy2、banner", "…/statement.html12、快手
    联盟SDK", "…?tab=privacy15、OKHttp", "…/doc/36512、" after item 11) or follows it after a blank ("…/index.html 3、",
    "…/privacy 2. 丙丁广告": a number written with a dot only so, run into an address it is the address's): the number
    that goes on from the items before it (12 after 11, not 2), else its last digit; and the last item number read
    (``previous``: the one before ``text``). A number closed by a bracket ("…/privacy2) SDK名称：") counts only when it
    goes on from the item before (a bracket closes many things in an address's tail), never inside brackets
    ("（1）")."""
    out: set[int] = set()
    for m in _NUMBERED_RE.finditer(text):
        digits = m.group(1)
        dotted = m.group(2) == "."  # ("2." only after an address and a blank: run into one, it is the address's)
        bracket = m.group(2) not in ("、", ".")  # ("2)" closes a bracket too: only the number in turn is an item's)
        if bracket and m.start() > 0 and text[m.start() - 1] in "(（":
            continue  # "（1）": a numbered part inside an item
        window = text[max(0, m.start() - MAX_ADDRESS):m.end() - 1]
        addresses = list(URL_RE.finditer(window))
        address = addresses[-1] if addresses else None  # (the one the number may have run into)
        following = str(previous + 1)
        if address is not None and address.end() < len(window) - len(digits) \
                and not window[address.end():len(window) - len(digits)].strip() and digits == following:
            out.add(m.start())  # "…/index.html 3、三方SDK名称": the next item after an address and a blank
            previous += 1
            continue
        if address is None or address.end() != len(window) or len(address.group(0)) <= len(digits) + len("http://"):
            if len(digits) <= 2:
                previous = int(digits)  # an item numbered as written ("。2、…")
            continue
        if dotted:
            continue
        if digits.endswith(following):
            out.add(m.end() - 1 - len(following))  # "…/doc/36512、", "…?pid=18228、": the item after the last one
            previous += 1
        elif len(digits) <= 2 and not bracket:
            out.add(m.start() + len(digits) - 1)
            previous = int(digits[-1])
    return out, previous


MAX_ADDRESS = 300
"""Characters before an item's number looked at for the address it ran into."""


def _label_at(text: str, start: int) -> str:
    """The label that opens at ``start``: the words up to its colon."""
    colon = _COLON_RE.search(text, start)
    return text[start:colon.start()] if colon else ""
