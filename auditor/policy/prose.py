"""What prose discloses: SDKs named in sentences (catalog names, login/sharing platform lists), Android
permission constants, permissions in plain words, and data types."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from auditor.catalog.loader import normalize_name
from auditor.policy.document import Document
from auditor.policy.lexicon import Lexicon, fold
from auditor.policy.resolve import NameIndex, case_key
from auditor.policy.rows import RawSdk

_CONST_RE = re.compile(r"(?<![\w.])(?:android\.permission\.)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?![\w])")
_FULL_RE = re.compile(r"android\.permission\.[A-Z][A-Z0-9_]*")
_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-_]*")
_CJK_RUN_RE = re.compile(r"[\u3400-\u9fff]{2,}")
_LIST_END_RE = re.compile(r"[.。;；)）!?！？]|(?:\s(?:etc|to|so|and then|in order)\b)")
_LIST_SPLIT_RE = re.compile(r"\s*(?:,|，|、|/|\bor\b|\band\b|或者|或|和|及)\s*")
_TOKEN_NOISE_RE = re.compile(r"\b(?:accounts?|platforms?|etc|other|the|your)\b|账号|帐号|账户|等|平台", re.IGNORECASE)
MAX_NGRAM = 4


@dataclass(frozen=True)
class Mention:
    """A permission or data type named in a line."""

    value: str
    """Full permission name or data type id."""
    phrase: str
    """The wording matched."""
    line: int
    """Line index."""


def known_permissions() -> frozenset[str]:
    """Full names of every AOSP permission (``auditor/data/permissions.json``)."""
    raw = resources.files("auditor").joinpath("data", "permissions.json").read_text(encoding="utf-8")
    names = json.loads(raw).get("permissions", {})
    return frozenset(n for n in names if n.startswith("android.permission."))


def constants(doc: Document, known: frozenset[str], skip: set[int]) -> list[Mention]:
    """Permission constants (``READ_PHONE_STATE``, ``android.permission.CAMERA``) named in lines."""
    out: list[Mention] = []
    for i, line in enumerate(doc.lines):
        if i in skip:
            continue
        seen: set[str] = set()
        for m in _FULL_RE.finditer(line.text):
            if m.group(0) not in seen:
                seen.add(m.group(0))
                out.append(Mention(m.group(0), m.group(0), i))
        for m in _CONST_RE.finditer(line.text):
            full = "android.permission." + m.group(1)
            if full in seen or full not in known:
                continue
            quoted = line.text[max(0, m.start() - 1):m.start()] == "`"
            if "_" not in m.group(1) and not m.group(0).startswith("android.") and not quoted:
                continue  # a bare CAMERA may be just a shouted word
            seen.add(full)
            out.append(Mention(full, m.group(0), i))
    return out


def permission_mentions(doc: Document, lexicon: Lexicon, skip: set[int]) -> list[Mention]:
    """Permissions named in plain words (weak words only on lines with a permission cue)."""
    out: list[Mention] = []
    for i, line in enumerate(doc.lines):
        if i not in skip:
            out.extend(Mention(p, phrase, i) for p, phrase in lexicon.permissions_in(line.text, prose=True))
    return out


def data_mentions(doc: Document, lexicon: Lexicon) -> list[Mention]:
    """Data types named anywhere."""
    out: list[Mention] = []
    for i, line in enumerate(doc.lines):
        out.extend(Mention(dt, phrase, i) for dt, phrase in lexicon.data_types_in(line.text, prose=True))
    return out


def catalog_mentions(doc: Document, index: NameIndex, skip: set[int]) -> list[RawSdk]:
    """Catalog names and aliases in prose (word n-grams and CJK substrings looked up exactly)."""
    out: list[RawSdk] = []
    seen: set[str] = set()
    for i, line in enumerate(doc.lines):
        if i in skip:
            continue
        for name in _names_in(line.text, index):
            sdk_id = index.distinctive.get(case_key(name))
            if sdk_id and sdk_id not in seen:
                seen.add(sdk_id)
                out.append(RawSdk(name, "", "", "", "", "", "prose", i, i))
    return out


def _names_in(text: str, index: NameIndex) -> list[str]:
    words = list(_WORD_RE.finditer(text))
    found: list[tuple[int, int, str]] = []
    for a in range(len(words)):
        for b in range(min(len(words), a + MAX_NGRAM), a, -1):
            span = text[words[a].start():words[b - 1].end()].rstrip(".")
            if b - a == 1 and (span.islower() or len(normalize_name(span)) < 4):
                continue
            if b - a > 1 and not any(ch.isupper() for ch in span):
                continue
            if case_key(span) in index.distinctive:
                found.append((words[a].start(), words[b - 1].end(), span))
                break
    for run in _CJK_RUN_RE.finditer(text):
        s = run.group(0)
        k = 0
        while k < len(s):
            for ln in range(min(12, len(s) - k), 1, -1):
                piece = s[k:k + ln]
                if case_key(piece) in index.distinctive:
                    found.append((run.start() + k, run.start() + k + ln, piece))
                    k += ln - 1
                    break
            k += 1
    found.sort()
    names: list[str] = []
    end = -1
    for start, stop, span in found:
        if start >= end:
            names.append(span)
            end = stop
    return names


def login_lists(doc: Document, lexicon: Lexicon, index: NameIndex, skip: set[int]) -> list[RawSdk]:
    """Platforms listed after a login/sharing cue: "log in with accounts like Facebook, Twitter or Google"."""
    out: list[RawSdk] = []
    for i, line in enumerate(doc.lines):
        if i in skip:
            continue
        nxt = doc.lines[i + 1].text if i + 1 < len(doc.lines) and i + 1 not in skip else ""
        text = line.text + " " + nxt
        for marker in lexicon.list_markers:
            for start in _marker_ends(text, marker, len(line.text)):
                before = fold(text[max(0, start - 160):start])
                cue = next((c for c in lexicon.login_cues if _has(before, c)), None)
                if cue is None:
                    continue
                tail = text[start:]
                stop = _LIST_END_RE.search(tail)
                chunk = tail[: stop.start()] if stop else tail[:160]
                last = i + 1 if nxt and start + len(chunk) > len(line.text) + 1 else i
                for token in _tokens(chunk):
                    out.append(RawSdk(token, "", _purpose(cue), "", "", "", "prose", i, last))
    return out


def resolve_login(name: str, purpose: str, index: NameIndex) -> tuple[str | None, tuple[str, ...]]:
    """Resolve a platform named for login/sharing: "Google" -> "Google Sign-In" first, then the name."""
    suffixes = (" Login", " Sign-In", " Account Login", "登录") if purpose == "third-party login" else (" Share",)
    for suffix in suffixes:
        res = index.resolve(name + suffix)
        if res.id and res.how == "exact":
            return res.id, ()
    res = index.resolve(name)
    return res.id, res.candidates


def _purpose(cue: str) -> str:
    return "sharing" if "share" in cue or "分享" in cue else "third-party login"


def _has(text: str, phrase: str) -> bool:
    if phrase.isascii():
        return re.search(r"(?<![a-z])" + re.escape(phrase) + r"(?![a-z])", text) is not None
    return phrase in text


def _marker_ends(text: str, marker: str, limit: int) -> list[int]:
    """End offsets of each list marker that starts within the first ``limit`` characters of ``text``."""
    if marker.isascii():
        pattern = r"(?<![A-Za-z])" + re.escape(marker) + r"(?![A-Za-z])"
    else:
        pattern = re.escape(marker) + r"(?=\s*[A-Za-z\u3400-\u9fff])"
    return [m.end() for m in re.finditer(pattern, text, re.IGNORECASE) if m.start() < limit]


def _tokens(chunk: str) -> list[str]:
    out: list[str] = []
    for part in _LIST_SPLIT_RE.split(chunk):
        token = " ".join(_TOKEN_NOISE_RE.sub(" ", part).split()).strip(" :：\"'“”")
        if not token or len(token.split()) > 3 or len(token) > 30:
            continue
        if token.isascii() and not all(any(ch.isupper() for ch in word) for word in token.split()):
            continue
        if token not in out:
            out.append(token)
    return out
