"""How ``tools/policy_eval.py`` decides that a reported item is the truth's item.

Kept apart from the reader on purpose: nothing here imports :mod:`auditor.policy`, so the scorer does not
grade the reader with the reader's own rules.

- rows: names folded (NFKC, case, spaces and punctuation) are equal, equal to a bracketed part of the other
  (``推送通知消息（OPPO推送SDK）`` / ``OPPO推送SDK``), or one contains the other;
- catalog entry: the identity words of the truth row (``tools/policy_eval_ids.yaml`` and a corpus's own ``DIR/policy_eval_ids.yaml`` first, written by hand;
  otherwise the identity's parts looked up among catalog names, aliases and ids, and the row's package names
  among catalog class signatures); no entry found means "unresolved" is the right answer;
- scenes: word overlap (CJK bigrams, English words) between the truth scene and a reported scene's name and
  description, one reported scene per truth scene.
"""

from __future__ import annotations

import html
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from auditor.catalog.model import Catalog
from auditor.policy.text import without_ruby

IDS_FILE = Path(__file__).with_name("policy_eval_ids.yaml")
_BRACKETS = re.compile(r"[（(【\[]([^）)】\]]*)[）)】\]]")
_PART_SPLIT = re.compile(r"\s*(?:/|\+|,|;|，|；|、|\bor\b|\band\b)\s*")
_GENERIC_TAIL = re.compile(r"(?:\s+(?:sdk|ads?|ad sdk|ad network|ads network|network|push channel|component|mediation|login|share|pay))+$", re.IGNORECASE)
_DESCRIPTIVE = re.compile(r"[a-z]+(?:[\s;,/+&-]+[a-z]+)*")
_KIND_WORDS = frozenset({"ad", "ads", "sdk", "sdks", "share", "pay", "payment", "login", "push", "analytics", "core",
                         "kit", "kits", "service", "services", "game", "player", "video", "hms", "cloud", "open",
                         "platform", "api", "apis", "library", "plugin", "engine", "browser", "kernel"})
"""Words that say what an SDK does or is, never which one: a name inside an identity needs a word besides them
and the vendors' names ("ad SDK" names no entry called AdSDK, "HMS Core" inside "Huawei HMS Game Service SDK"
is not the game SDK)."""
_SDK_TAIL = re.compile(r"\s*sdk$", re.IGNORECASE)
_STOP = frozenset(["the", "and", "or", "to", "of", "for", "used", "use", "a", "an", "in", "on", "with", "by", "from", "is", "are", "be", "as", "at", "this", "that", "such"])
SCENE_MIN = 0.25


def fold(text: str) -> str:
    """NFKC, case-folded, without inline pinyin annotations (a truth written "系統(tǒng)" as the page shows it is
    the same text as the reader's "系統")."""
    return without_ruby(unicodedata.normalize("NFKC", text or "")).casefold()


_LEGAL_FORM_RE = re.compile(r"[,\s]+(?:inc|llc|ltd|limited|gmbh|corp|corporation|co)\.?$", re.IGNORECASE)


def norm(text: str) -> str:
    """Letters, digits and CJK only, folded."""
    return re.sub(r"[^\w]+|_", "", fold(text))


def short(permission: str) -> str:
    return permission.removeprefix("android.permission.")


def alternatives(item: str) -> list[str]:
    """``A|B`` -> ``[A, B]`` (either is right)."""
    return [a.strip() for a in str(item).split("|") if a.strip()]


def _forms(name: str) -> set[str]:
    parts = [name, _BRACKETS.sub(" ", name)] + _BRACKETS.findall(name)
    parts += [p for part in list(parts) for p in re.split(r"\s+/\s+", part)]
    return {norm(p) for p in parts if norm(p)}


def _min_len(text: str) -> int:
    return 3 if text.isascii() else 2


def name_score(truth: str, reported: str) -> int:
    """3: same name (or same bracketed part), 2: one contains the other, 0: different."""
    a, b = _forms(truth), _forms(reported)
    if a & b:
        return 3
    for x in a:
        for y in b:
            shorter = x if len(x) <= len(y) else y
            if len(shorter) >= _min_len(shorter) and (x in y or y in x):
                return 2
    return 0


def _overlap(a: Sequence[int], b: Sequence[int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def match_rows(truth: list[dict[str, Any]], reported: list[dict[str, Any]]
               ) -> tuple[list[tuple[int, int]], list[int]]:
    """One-to-one ``(truth index, reported index)`` pairs, best names first; and the reported rows that name
    an already matched truth row again from other lines (duplicates, not errors)."""
    scored = sorted(((-name_score(t["name"], r["name"]), ti, ri) for ti, t in enumerate(truth)
                     for ri, r in enumerate(reported)), key=lambda x: x)
    used_t: dict[int, int] = {}
    used_r: set[int] = set()
    for neg, ti, ri in scored:
        if neg == 0:
            break
        if ti not in used_t and ri not in used_r:
            used_t[ti] = ri
            used_r.add(ri)
    duplicates = []
    for neg, ti, ri in scored:
        if neg == 0:
            break
        if ri in used_r or ti not in used_t or ri in duplicates:
            continue
        first = reported[used_t[ti]]["evidence"]["lines"]
        if not _overlap(first, reported[ri]["evidence"]["lines"]) and -neg == 3:
            duplicates.append(ri)
    return sorted(used_t.items()), duplicates


def same_company(truth: str, reported: str) -> bool:
    a = {norm(p) for p in re.split(r"\s+/\s+", truth) if norm(p)}
    b = norm(reported)
    if not b:
        return False
    return any(x == b or (len(min(x, b, key=len)) >= (4 if b.isascii() else 2) and (x in b or b in x))
               for x in a)


def same_link(truth: str, reported: str) -> bool:
    def key(url: str) -> str:
        url = urllib.parse.unquote(html.unescape(url.strip())).rstrip("/.,;，。；")  # (escaped as a page writes it: same)
        return re.sub(r"^https?://(?:www\.)?", "", url, flags=re.IGNORECASE).casefold()

    return bool(reported) and key(truth) == key(reported)


def _tokens(text: str) -> set[str]:
    text = fold(text)
    out = {w for w in re.findall(r"[a-z0-9]{2,}", text) if w not in _STOP}
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        out |= {run[i:i + 2] for i in range(len(run) - 1)} if len(run) > 1 else {run}
    return out


def scene_similarity(truth: str, name: str, description: str) -> float:
    t = _tokens(truth)
    r = _tokens(f"{name} {description}")
    if not t or not r:
        return 0.0
    dice = 2 * len(t & r) / (len(t) + len(r))
    inside = 0.6 if len(norm(name)) >= 2 and norm(name) in norm(truth) else 0.0
    return max(dice, inside)


def match_scenes(truth: list[dict[str, Any]], reported: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """``(truth scene index, reported scene index)`` by word overlap: one to one first, best pairs first; then a
    truth scene left over matches a reported scene already matched when that scene holds one of its
    permissions (a use written once for two permissions, where the truth writes it once per permission:
    "用于预约提醒" for READ_CALENDAR and WRITE_CALENDAR), and a reported scene left over matches a truth scene
    already matched when it holds one of that scene's permissions (the other way round)."""
    scored = sorted(((-scene_similarity(t["scene"], r["name"], r.get("description") or ""), si, ri)
                     for si, t in enumerate(truth) for ri, r in enumerate(reported)), key=lambda x: x)
    used_s: dict[int, int] = {}
    used_r: set[int] = set()
    for neg, si, ri in scored:
        if -neg < SCENE_MIN:
            break
        if si not in used_s and ri not in used_r:
            used_s[si] = ri
            used_r.add(ri)
    pairs = set(used_s.items())
    for neg, si, ri in scored:
        if -neg < SCENE_MIN:
            break
        wanted = {a for item in truth[si].get("permissions") or [] for a in alternatives(item)}
        holds = bool(wanted & {short(p) for p in reported[ri].get("permissions") or []})
        if si not in used_s and ri in used_r and holds:
            used_s[si] = ri
            pairs.add((si, ri))
        elif ri not in used_r and si in used_s and holds:  # the same use written once per permission
            used_r.add(ri)
            pairs.add((si, ri))
    return sorted(pairs)


class Judge:
    """The right catalog entries of a truth row."""

    def __init__(self, catalog: Catalog, ids_file: Path | None = IDS_FILE, *more: Path) -> None:
        self.catalog = catalog
        self.by_name: dict[str, set[str]] = {}
        for entry in catalog.entries:
            for name in (entry.name, entry.id.replace("-", " "), *((entry.name_zh,) if entry.name_zh else ()),
                         *_alias_names(entry.aliases)):
                self.by_name.setdefault(norm(name), set()).add(entry.id)
                bare = norm(_SDK_TAIL.sub("", fold(name).strip()))  # "数美 SDK" is named by "数美" too
                if len(bare) >= _min_len(bare):
                    self.by_name.setdefault(bare, set()).add(entry.id)
        self.lower_first = {name.split()[0] for entry in catalog.entries
                            for name in (entry.name, *_alias_names(entry.aliases))
                            if name.split() and _DESCRIPTIVE.fullmatch(name.split()[0])}
        self.written = {entry.id: {fold(n).strip() for n in (entry.name, entry.name_zh, *_alias_names(entry.aliases))
                                   if n} for entry in catalog.entries}
        """Each entry's names as written (case-folded)."""
        self.vendors = {norm(n) for entry in catalog.entries if entry.vendor
                        for n in (entry.vendor.name, entry.vendor.legal_name) if n}
        # a former name, without its legal form ("Facebook, Inc." -> "facebook"), is a vendor's name too
        self.vendors |= {norm(_LEGAL_FORM_RE.sub("", o.name)) for entry in catalog.entries if entry.vendor
                         for o in entry.vendor.other_legal_names}
        self.fixed: dict[str, set[str]] = {}
        for path in (ids_file, *more):  # later files (a corpus's own) override earlier ones
            if path is not None and path.is_file():
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                self.fixed.update({fold(k).strip(): set(v or []) for k, v in data.items()})

    def expected(self, row: dict[str, Any]) -> set[str]:
        return set().union(*(ids for _, ids in self._named(row)))

    def primary(self, row: dict[str, Any]) -> str | None:
        """The one entry a build made for this row should hold: of the entries its identity names first (the
        identity whole, then without its brackets, then each piece: "OPPO (HeyTap) Push" is OPPO Push, not
        an entry named HeyTap), one that has the piece as written for a name ("Google Sign-In" is not
        "Google+ Sign-In", both "googlesignin"), else the first by id; None when the row names none."""
        for piece, ids in self._named(row):
            if ids:
                forms = {fold(piece).strip(), fold(_GENERIC_TAIL.sub("", piece)).strip()}
                written = sorted(i for i in ids if forms & self.written.get(i, set()))
                return (written or sorted(ids))[0]
        return None

    def _named(self, row: dict[str, Any]) -> list[tuple[str, set[str]]]:
        """``(piece, entries it names)`` for each piece of the row's identity, in the order of
        :func:`_identity_parts`, then for its package names; a fixed identity (``policy_eval_ids.yaml``) or,
        when nothing else names one, the identity's leading words (:meth:`_by_words`)."""
        identity = str(row.get("identity") or "")
        key = fold(identity).strip()
        if key in self.fixed:
            return [(identity, {i for i in self.fixed[key] if self.catalog.get(i) is not None})]
        out: list[tuple[str, set[str]]] = []
        whole = {identity.strip(), _BRACKETS.sub(" ", identity).strip()}
        for part in _identity_parts(identity):
            if part not in whole and (self._descriptive(part) or part.isascii() and norm(part) in self.vendors):
                continue  # "(pay / share)", "(Google)": what it does or who makes it, not which SDK
            out.append((part, self.by_name.get(norm(part), set())
                        | self.by_name.get(norm(_GENERIC_TAIL.sub("", part)), set())))
        out += [(package, self._by_package(package)) for package in row.get("package_names") or []]
        return out if any(ids for _, ids in out) else [(identity, self._by_words(identity) or self._inside(identity))]

    def _descriptive(self, piece: str) -> bool:
        """A piece of an identity in lower-case Latin words says what the SDK does ("WeChat OpenSDK (pay / share)":
        "share" is no name of ShareSDK; "analytics + share SDK"), unless its first word is how some entry's name
        begins ("vivo push")."""
        words = _SDK_TAIL.sub("", piece.strip(" ()（）"))
        return bool(_DESCRIPTIVE.fullmatch(words)) and words.split()[0] not in self.lower_first

    def _inside(self, identity: str) -> set[str]:
        """An entry's name written inside the identity between other words ("Tencent MMKV key-value storage",
        "Umeng U-Push push SDK", "Square Okio"): the longest run of words that names entries, two words at least
        unless the one word is written with a capital, is no vendor's name and names a single entry."""
        written = _BRACKETS.sub(" ", identity).split()
        for n in range(len(written), 0, -1):
            for i in range(len(written) - n + 1):
                run = written[i:i + n]
                if i and written[i - 1].casefold() in ("by", "from"):
                    continue  # "SolarEngine ... SDK by Mobvista": the maker, not the SDK
                own = [w for w in run if norm(w) not in self.vendors and norm(w) not in _KIND_WORDS]
                hit = self.by_name.get(norm(" ".join(run)), set())
                if hit and own and not _DESCRIPTIVE.fullmatch(" ".join(own)) and len(norm(" ".join(own))) >= 3 \
                        and (n >= 2 or len(hit) == 1):
                    return set(hit)
        return set()

    def _by_words(self, identity: str) -> set[str]:
        """An identity that names an entry and then says what it is ("Tencent Bugly crash reporting", "Chromium
        network stack (Cronet)"): the entries its longest leading words name, at least two words unless the
        one word names a single entry and is no vendor's name, or is that entry's id ("Google image search" names
        no entry: "Google" is a vendor; "Chromium network stack" names ``chromium``)."""
        words = fold(_BRACKETS.sub(" ", identity)).split()
        for n in range(len(words) - 1, 0, -1):
            hit = self.by_name.get(norm(" ".join(words[:n])), set())
            if hit and (n >= 2 or (len(hit) == 1 and (norm(words[0]) not in self.vendors or words[0] in hit))):
                return set(hit)
        return set()

    def right(self, row: dict[str, Any], sdk_id: str | None) -> bool:
        expected = self.expected(row)
        return sdk_id in expected if expected else sdk_id is None

    def _by_package(self, package: str) -> set[str]:
        out = set()
        for entry in self.catalog.entries:
            for prefix in entry.signatures.classes:
                if package == prefix or package.startswith(prefix + "."):
                    out.add(entry.id)
        return out


def _alias_names(aliases: Iterable[Any]) -> list[str]:
    """Alias strings (plain or ``{name: ...}`` records, whichever the catalog model holds)."""
    return [a if isinstance(a, str) else str(getattr(a, "name", "")) for a in aliases]


def _identity_parts(identity: str) -> list[str]:
    """The identity, without its brackets, each bracket's text, and the pieces of each split at "/", "+", "or"..."""
    parts = [identity, _BRACKETS.sub(" ", identity)] + _BRACKETS.findall(identity)
    out = []
    for part in parts:
        out += [part] + _PART_SPLIT.split(part)
    return [p.strip() for p in out if p.strip()]
