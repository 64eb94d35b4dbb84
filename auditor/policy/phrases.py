"""Phrase matching for the lexicon: an Aho-Corasick automaton per large phrase list (:class:`PhraseMatcher`:
one pass over a text, the longest phrase at each position), a trie-shaped regex per small list (same rules:
English on word boundaries; in CJK phrases an optional space where letters meet CJK), and small text tests."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import ahocorasick

from auditor.policy.memo import short_text_cache
from auditor.policy.zh_t2s import T2S, TRADITIONAL

_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_T2S_RE = re.compile("[" + re.escape(TRADITIONAL) + "]")


REGIONAL = {
    "隐私权政策": "隐私政策", "隐私权": "隐私", "个人资料": "个人信息", "使用者": "用户",
    "装置识别码": "设备标识符", "广告识别码": "广告标识符", "装置": "设备", "资讯": "信息", "网路": "网络",
    "位址": "地址", "应用程式": "应用程序", "软体": "软件", "剪贴簿": "剪贴板", "简讯": "短信", "相簿": "相册",
    "影片": "视频", "联络人": "联系人", "储存": "存储", "推播": "推送", "行动电话": "手机", "行动网络": "移动网络",
    "许可权": "权限", "撷取": "获取", "档案": "文件", "情境": "场景", "存取": "访问", "行事历": "日历", "相片": "照片",
    "萤幕": "屏幕", "摄影机": "摄像头", "讯息": "消息", "记忆卡": "存储卡", "侦测": "检测",
}
"""Words of Traditional-Chinese policies (Taiwan, Hong Kong) that differ from the Simplified ones in more
than their characters, as they read after character folding ("裝置識別碼" -> "装置识别码" -> "设备标识符",
"隱私權政策", "個人資料", "網路", "位址", "推播"; "許可權" for a permission, "擷取" for obtaining, "使用情境" for the
scene of use): the lexicon's phrases are written in Simplified Chinese."""
_REGIONAL_RE = re.compile("|".join(sorted(map(re.escape, REGIONAL), key=len, reverse=True)))


@short_text_cache
def fold(text: str) -> str:
    """Fold text for matching: NFKC (full-width to ASCII), Traditional to Simplified Chinese (characters,
    then the words of :data:`REGIONAL`), split run-on words ("authorityRead"), case-fold, collapse
    whitespace."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if _T2S_RE.search(text):  # translate() looks up every character: only when there is one to map
            text = _REGIONAL_RE.sub(lambda m: REGIONAL[m.group(0)], text.translate(T2S))
    text = _CAMEL_RE.sub(" ", text)
    return " ".join(text.casefold().split())


def pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex for folded phrases that finds the longest phrase at each position, built as a trie (an
    alternation of 800 phrases is 50 times slower). English words match on word boundaries; in phrases
    with CJK, a space is optional where letters meet CJK ("IP地址" also matches "IP 地址")."""
    bounded: dict[str, object] = {}
    free: dict[str, object] = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        trie = bounded if phrase[:1].isascii() and phrase[:1].isalnum() else free
        for atom in _atoms(phrase):
            trie = trie.setdefault(atom, {})  # type: ignore[assignment]
        trie[_END] = {}
    alts = []
    if bounded:
        alts.append(r"(?<![a-z0-9_])" + _render(bounded))
    if free:
        alts.append(_render(free))
    return re.compile("|".join(alts) if alts else r"(?!x)x")


class PhraseMatcher:
    """Folded phrases found in folded text in one Aho-Corasick pass, with the rules of :func:`pattern`:
    leftmost-longest, non-overlapping; a phrase that starts (ends) with an ASCII letter or digit only at a
    word start (end); in a phrase with CJK, a space is optional where letters meet CJK and between words; an
    English phrase's plural counts as the phrase (:func:`_variants`)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._auto = ahocorasick.Automaton()
        self._empty = True
        for phrase in set(phrases):
            if not phrase:
                continue
            for variant in _variants(phrase):
                self._auto.add_word(variant, (len(variant), phrase))
                self._empty = False
        if not self._empty:
            self._auto.make_automaton()

    def finditer(self, folded: str) -> list[tuple[int, str, str]]:
        """``(start, matched text, phrase as listed)`` of every match, in order."""
        if self._empty or not folded:
            return []
        longest: dict[int, tuple[int, str]] = {}
        for end, (size, phrase) in self._auto.iter(folded):
            start, stop = end - size + 1, end + 1
            if (phrase[0] in _WORDISH and start > 0 and folded[start - 1] in _WORDISH) or \
                    (phrase[-1] in _WORDISH and stop < len(folded) and folded[stop] in _WORDISH):
                continue
            best = longest.get(start)
            if best is None or stop > best[0]:
                longest[start] = (stop, phrase)
        out: list[tuple[int, str, str]] = []
        pos = 0
        for start in sorted(longest):
            if start >= pos:
                stop, phrase = longest[start]
                out.append((start, folded[start:stop], phrase))
                pos = stop
        return out

    def search(self, folded: str) -> tuple[int, str, str] | None:
        """The first match, or None."""
        found = self.finditer(folded)
        return found[0] if found else None


_WORDISH = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def _variants(phrase: str) -> list[str]:
    """The spellings :class:`PhraseMatcher` accepts for ``phrase`` in collapsed text: an English phrase also with
    an ``s`` (its plural: the lexicon's words for data and permissions; :func:`pattern`, for cue words and verbs,
    takes them as listed); in a phrase with CJK, each space may be absent and a space may stand where letters meet
    CJK, as :func:`pattern` accepts."""
    if phrase.isascii():
        one = " ".join(phrase.split())
        # an English noun's plural names the same thing ("Android IDs", "device identifiers"); not a permission
        # word's ("mobile phone permissions": the phone's permissions, not the Phone permission)
        plural = one[-2:].isalpha() and one[-1] != "s" and not one.endswith("permission")
        return [one, one + "s"] if plural else [one]
    pieces = [p for p in re.findall(r"[a-z0-9]+|\s+|.", phrase)]
    out = [""]
    prev = ""
    for piece in pieces:
        if piece.isspace():
            out = [v + s for v in out for s in ("", " ")]
            prev = ""
            continue
        if prev and piece.isascii() != prev.isascii() and (piece.isalnum() or prev.isalnum()):
            out = [v + s for v in out for s in ("", " ")]
        out = [v + piece for v in out]
        prev = piece
    return list(dict.fromkeys(v for v in out if v))[:64]


def pattern_all(phrases: list[str]) -> re.Pattern[str]:
    """Like :func:`pattern`, but every phrase may match anywhere (overlapping starts are tried too)."""
    inner = pattern(phrases).pattern
    return re.compile(f"(?=({inner}))")


_END = ""
_WORD_END = r"(?![a-z0-9_])"


def _atoms(phrase: str) -> list[str]:
    atoms: list[str] = []
    plain = phrase.isascii()
    prev = ""
    for piece in re.findall(r"[a-z0-9]+|\s+|.", phrase):
        if piece.isspace():
            atoms.append(r"\s+" if plain else r"\s*")
            prev = ""
            continue
        if not plain and prev and piece.isascii() != prev.isascii() and (piece.isalnum() or prev.isalnum()):
            atoms.append(r"\s*")
        atoms.extend(re.escape(ch) for ch in piece)
        prev = piece
    if phrase[-1:].isascii() and phrase[-1:].isalnum():
        atoms.append(_WORD_END)
    return atoms


def _render(trie: dict[str, object]) -> str:
    """Alternatives of a trie node, longer continuations first, the end of a phrase last."""
    parts = []
    for atom in sorted(trie, key=lambda a: (a == _END, a == _WORD_END, a)):
        child = trie[atom]
        parts.append(atom + (_render(child) if child else ""))  # type: ignore[arg-type]
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"


PERMISSION_AFTER_RE = re.compile(
    r"[)）\]】\s]{0,3}(?:的)?(?:相关|等)?(?:数据|信息|文件|读写|访问|使用)?(?:相关)?\s?(?:权限|permissions?\b|authorit)")
"""A permission word right after a data word ("相册权限", "SD卡数据权限", "日历相关权限", "location permission")."""
_ITEM = r"[^、，,。；;:：()（）\s]{1,12}(?:[(（][^()（）]{0,80}[)）])?"
ENUMERATED_PERMISSION_RE = re.compile(r"(?:" + _ITEM + r"[、/])+" + _ITEM + r"?(?=(?:等|的)?(?:相关)?权限)")
"""Items listed before one permission word ("相机、相册、存储、位置信息等权限"): each is a permission."""
_PROPER_RE = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)+\b")


def proper_names(text: str, folded: str) -> list[tuple[int, int]]:
    """Spans in ``folded`` of names written as two or more capitalised words ("Open Camera")."""
    spans = []
    for m in _PROPER_RE.finditer(text):
        key = fold(m.group(0))
        at = folded.find(key)
        while at >= 0:
            spans.append((at, at + len(key)))
            at = folded.find(key, at + 1)
    return spans


def contains(text: str, phrase: str) -> bool:
    if phrase.isascii():
        return re.search(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])", text) is not None
    return phrase in text
