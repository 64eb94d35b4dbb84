"""Catalog names and aliases, indexed for the names policies write, tolerantly.

Keys are the catalog's names and aliases folded by :func:`auditor.catalog.loader.normalize_name`, plus
their forms without generic suffixes ("SDK", "插件") and leading vendor words ("腾讯", "Google"). A policy
name is tried whole, by its bracketed parts ("腾讯优量汇(广点通)"), and with the same words dropped; then
by edit distance for near misses ("TencentShortViedo"). Unresolved names get the closest ids as candidates.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import ahocorasick

from auditor.catalog.loader import normalize_name
from auditor.catalog.model import Catalog
from auditor.policy.lexicon import Lexicon, fold
from auditor.policy.text import CIRCLED, CJK_RE

MAX_CANDIDATES = 3
MAX_SIMILAR = 60
"""Keys compared closely (edit distance, sequence ratio) with one name, those sharing the most bigrams."""
COMMON_GRAM = 150
"""A bigram in more keys than this does not gather keys to compare (see :meth:`NameIndex._similar_keys`)."""
MEMO_LIMIT = 50_000
_ALTERNATIVES_RE = re.compile(r"\s+/\s+")
"""Between two names of one product written side by side ("Google Firebase Analytics / Google Analytics for
Firebase"): a slash with spaces around it ("微信/QQ" without them is one name or a pair, left whole)."""
_ORDINAL_RE = re.compile(r"^\s*(?:[(（]\d{1,3}[)）]|\d{1,3}[)）、]|\d{1,3}\.(?!\d)|" + CIRCLED + r"|[一二三四五六七八九十]{1,3}、)\s*(?=\S)")
"""A list number written before a name in a cell or a record ("1、极光推送SDK", "(2) Bugly", "3. Firebase"), not a
version ("3.0")."""
_BRACKETS = re.compile(r"[（(【\[]([^）)】\]]*)[）)】\]]")
_LEADING_BRACKET_RE = re.compile(r"\s*[【\[][^】\]]{1,12}[】\]]\s*\S")
"""A name that opens with a word in brackets and goes on after them ("【友盟+】推送SDK", "[甲乙]统计SDK")."""


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one name."""

    id: str | None
    """Catalog id, or None."""
    candidates: tuple[str, ...]
    """Closest ids when unresolved, best first."""
    how: str = ""
    """``exact`` (name or alias), ``loose`` (suffix/vendor words dropped), ``near`` (edit distance) or "";
    the resolver adds ``package``, ``vendor`` (a vendor's one product of a kind), ``evidence`` (company, link,
    purpose words), ``contained`` (a name inside a longer one), ``purpose`` (a family's or a vendor's product
    the purpose words single out) and ``vendor-name`` (a name of the vendor only, read as its best-known
    product)."""


MIN_FAMILY_WORD = 4
"""Letters of a family's word before an alias ("Firebase"): shorter words are too common to tell a family."""


@dataclass(frozen=True)
class NameIndex:
    """Catalog names and aliases, folded, for one catalog and lexicon."""

    exact: Mapping[str, tuple[str, ...]]
    """Folded name/alias -> ids (as written in the catalog)."""
    loose: Mapping[str, tuple[str, ...]]
    """Folded name/alias with suffixes and vendor words dropped -> ids."""
    suffixes: tuple[str, ...]
    """Folded generic suffixes dropped when resolving."""
    vendors: tuple[str, ...]
    """Folded vendor words dropped from the front when resolving."""
    distinctive: Mapping[str, str] = field(default_factory=dict)
    """Case-preserving key (:func:`case_key`) of names that can be spotted in prose -> id: CJK names and
    names with a digit, an inner capital ("AppsFlyer", "iFLYTEK") or "SDK"."""
    by_id: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Id -> its folded names and aliases."""
    kinds: frozenset[str] = frozenset()
    """Keys of the lexicon's words for what an SDK does ("人脸识别", "推送"): a name made of one only says what
    kind of SDK, not which; such a catalog name is never spotted in running text."""
    _keys: tuple[str, ...] = field(default=(), compare=False, repr=False)
    _grams: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    """Bigram -> indexes into ``_keys`` of the keys that have it (to compare a name with few keys only)."""
    _sizes: tuple[int, ...] = field(default=(), compare=False, repr=False)
    _key_grams: tuple[frozenset[str], ...] = field(default=(), compare=False, repr=False)
    _index: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)
    _memo: dict[str, Resolution] = field(default_factory=dict, compare=False, repr=False)
    """Resolutions by name (a pure function of the name): a long policy names the same SDK many times."""
    _spotter: ahocorasick.Automaton | None = field(default=None, compare=False, repr=False)
    """The distinctive keys as one automaton (:meth:`spot`)."""
    _form_memo: dict[tuple[str, bool], tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    """Folded forms by name (a pure function of the name), for :meth:`_forms`."""

    def __post_init__(self) -> None:
        keys = tuple(sorted(set(self.exact) | set(self.loose)))
        key_grams = tuple(frozenset(bigrams(k)) for k in keys)
        grams: dict[str, list[int]] = {}
        for i, mine in enumerate(key_grams):
            for gram in mine:
                grams.setdefault(gram, []).append(i)
        object.__setattr__(self, "_keys", keys)
        object.__setattr__(self, "_grams", {g: tuple(v) for g, v in grams.items()})
        object.__setattr__(self, "_sizes", tuple(len(g) for g in key_grams))
        object.__setattr__(self, "_key_grams", key_grams)
        object.__setattr__(self, "_index", {k: i for i, k in enumerate(keys)})
        spotter = ahocorasick.Automaton()
        for key in self.distinctive:
            spotter.add_word(key, key)
        if self.distinctive:
            spotter.make_automaton()
        object.__setattr__(self, "_spotter", spotter if self.distinctive else None)

    def _similar_keys(self, form: str, share: float = 0.0, least: int = 1) -> list[str]:
        """Keys sharing at least ``least`` bigrams with ``form`` and ``share`` of the bigrams of the shorter,
        most shared first, at most ``MAX_SIMILAR``. Keys are gathered through the form's rarer bigrams only
        (a bigram most keys have, "dk" of "sdk", says nothing), then counted exactly."""
        mine = bigrams(form)
        rare: Counter[int] = Counter()
        for gram in mine:
            posting = self._grams.get(gram, ())
            if len(posting) <= COMMON_GRAM:
                rare.update(posting)
        if not rare:  # only common bigrams: the keys of the rarest one
            gram = min(sorted(mine), key=lambda g: len(self._grams.get(g, ())) or len(self._keys) + 1)
            rare = Counter(dict.fromkeys(self._grams.get(gram, ()), 1))
        # ties in key order, not in the order of a set of strings (which changes with the hash seed); a pool
        # that is not cut needs no order (the scores below are sorted)
        pool: Iterable[int] = rare
        if len(rare) > 4 * MAX_SIMILAR:
            pool = [i for _, i in sorted([(-n, i) for i, n in rare.items()])[:4 * MAX_SIMILAR]]
        common = sum(1 for gram in mine if len(self._grams.get(gram, ())) > COMMON_GRAM)
        scored = []
        size, sizes, key_grams, need = len(mine), self._sizes, self._key_grams, float(least)
        for i in pool:
            if share:  # need = max(least, share * min(size, sizes[i])), without two calls per key
                other = sizes[i]
                need = share * (size if size < other else other)
                if need < least:
                    need = least
            if rare[i] + common < need:  # at most this many shared: its rare ones counted, and every common one
                continue
            n = len(mine & key_grams[i])
            if n >= need:
                scored.append((-n, self._keys[i]))
        scored.sort()
        return [key for _, key in scored[:MAX_SIMILAR]]

    def resolve(self, name: str) -> Resolution:
        """Resolve ``name``; never raises (memoised per name)."""
        hit = self._memo.get(name)
        if hit is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            hit = self._memo[name] = self._resolve(name)
        return hit

    def _resolve(self, name: str) -> Resolution:
        forms = self._forms(name)
        for how, table in (("exact", self.exact), ("loose", self.loose)):
            for form in forms:
                ids = table.get(form)
                if ids and len(set(ids)) == 1:
                    return Resolution(ids[0], (), how)
        for form in forms:
            ids = self.exact.get(form) or self.loose.get(form)
            if ids:  # ambiguous: several entries share the key
                return Resolution(None, tuple(dict.fromkeys(ids))[:MAX_CANDIDATES])
        family = self._family_named(name)
        if family is not None:
            return Resolution(family, (), "loose")
        products = self._named_by_parts(_ALTERNATIVES_RE.split(name)) if _ALTERNATIVES_RE.search(name) else ()
        if len(products) > 1:  # "Sentry / Firebase Crashlytics": two products, each a candidate
            return Resolution(None, products[:MAX_CANDIDATES])
        outer = _BRACKETS.sub(" ", name).strip() or name
        for form in self._forms(outer, stripped=False):  # (never a bracketed aside: "Jumio (ID verification)"
            hit = self._near(form)  # is no misspelt "JVerification")
            if hit:
                return Resolution(hit, (), "near")
        return Resolution(None, self.candidates(forms))

    def _family_named(self, name: str) -> str | None:
        """The entry a name written with its family's word before an alias names ("Firebase Firestore":
        "Firestore" is an alias of the entry named "Firebase Realtime Database and Cloud Firestore"): the
        rest of the name is exactly one entry's name, and one of that entry's names opens with the word."""
        words = name.split()
        if len(words) < 2:
            return None
        head = next(iter(self._forms(words[0])), "")
        if len(head) < MIN_FAMILY_WORD:
            return None
        found = self.resolve_exact(" ".join(words[1:]), family=False)
        if found is None or not any(k.startswith(head) and k != head for k in self.by_id.get(found, ())):
            return None
        return found

    def spot(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, span)`` of the distinctive names written in running text, found in one pass over
        the text with separators dropped (the keys' own form, :func:`case_key`). A Latin name must cover
        whole words (at most ``MAX_WORDS``, joined by spaces, dashes, dots...; one word only when it is not
        all lower case and has four letters or more; several only when one has a capital); a CJK name
        must start with a CJK character and sit inside one run of CJK, letters and digits, and one of two
        characters must not have Chinese on both sides (it may be part of other words there), or start with
        a whole Latin word ("OPPO推送")."""
        if self._spotter is None:
            return []
        runs = [(m.start(), m.end()) for m in _SEPARATORS_RE.finditer(text)]
        keyed = _SEPARATORS_RE.sub("", text) if runs else text
        at: list[int] = []  # keyed position where each dropped run stood
        shift: list[int] = []  # characters dropped up to and including that run
        total = 0
        for a, b in runs:
            at.append(a - total)
            total += b - a
            shift.append(total)

        def original(k: int) -> int:
            i = bisect.bisect_right(at, k)
            return k + (shift[i - 1] if i else 0)

        out = []
        for end, key in self._spotter.iter(keyed):
            start = original(end - len(key) + 1)
            stop = original(end) + 1
            span = text[start:stop]
            if _spotted(text, start, stop, span, key):
                out.append((start, stop, span))
        return out

    def known(self, name: str) -> bool:
        """True when ``name`` is a catalog name or alias (exactly, or with suffix/vendor words dropped)."""
        return self.resolve_exact(name) is not None

    def kind_only(self, name: str) -> bool:
        """A name made only of words for what an SDK does and suffixes ("语音识别 SDK", "Analytics"): a
        catalog entry may be named so, but the name does not say which SDK a row is."""
        key = self.strip(normalize_name(fold(name)), vendors=False)
        return bool(key) and key in self.kinds

    def _unique(self, name: str, tables: tuple[Mapping[str, tuple[str, ...]], ...]) -> str | None:
        """The one id a form of ``name`` has in the first of ``tables`` that gives one."""
        for table in tables:
            for form in self._forms(name):
                ids = table.get(form)
                if ids and len(set(ids)) == 1:
                    return ids[0]
        return None

    def resolve_strict(self, name: str) -> str | None:
        """The id ``name`` is exactly a name or alias of (its folded forms; no loose key with vendor and
        suffix words dropped: "openSDK" is not "Tencent Open SDK"), when only one entry has it."""
        return self._unique(name, (self.exact,))

    def resolve_exact(self, name: str, family: bool = True) -> str | None:
        """The id ``name`` names exactly or loosely (no edit distance), when only one entry has it; also one
        written with its family's word before an alias (:meth:`_family_named`) unless ``family`` is False."""
        found = self._unique(name, (self.exact, self.loose))
        return found if found is not None or not family else self._family_named(name)

    def grams_of(self, key: str) -> frozenset[str]:
        """The bigrams of an indexed key."""
        i = self._index.get(key)
        return self._key_grams[i] if i is not None else frozenset(bigrams(key))

    def keys_of(self, sdk_id: str) -> tuple[str, ...]:
        return self.by_id.get(sdk_id, ())

    def forms(self, name: str) -> list[str]:
        """The folded forms of ``name`` that are looked up (whole, bracketed parts, generic words dropped)."""
        return self._forms(name)

    def _forms(self, name: str, stripped: bool = True) -> list[str]:
        key = (name, stripped)
        forms = self._form_memo.get(key)
        if forms is None:
            if len(self._form_memo) >= MEMO_LIMIT:
                self._form_memo.clear()
            forms = self._form_memo[key] = tuple(self._forms_of(name, stripped))
        return list(forms)

    def _forms_of(self, name: str, stripped: bool) -> list[str]:
        name = _ORDINAL_RE.sub("", name, count=1)
        parts = [name]
        if _LEADING_BRACKET_RE.match(name):  # "【友盟+】推送SDK": a brand set in brackets before the product's words is
            whole = _BRACKETS.sub(r"\1", name, count=1)  # the name they make ("友盟+推送SDK"), before the brand alone
            parts += [whole, _BRAND_PLUS_RE.sub("", whole)]
        inner = _BRACKETS.findall(name)
        outer = _BRACKETS.sub(" ", name).strip()
        parts += [outer] + [p for p in inner if p.strip()]
        parts += self._alternatives(outer)
        parts += [_BRAND_PLUS_RE.sub("", p) for p in parts if _BRAND_PLUS_RE.search(p)]
        parts += [p.replace("授权登录", "登录") for p in parts if "授权登录" in p]  # "QQ授权登录" is "QQ登录"
        parts += [bare for p in parts if _PLATFORM_WORD_RE.search(p)
                  and (bare := _PLATFORM_WORD_RE.sub(" ", p).strip()) and normalize_name(fold(bare)) != "sdk"]
        forms: list[str] = []
        for part in parts:
            key = normalize_name(fold(part))
            for form in (*self.suffix_steps(key), self.strip(key, vendors=False), self.strip(key)) if stripped \
                    else (key,):
                if form and form not in forms:
                    forms.append(form)
        return forms

    def suffix_steps(self, key: str) -> list[str]:
        """``key`` and what it is as its generic suffixes drop one by one ("腾讯开放平台sdk" -> "腾讯开放平台" ->
        "腾讯"): a name written with a suffix after an alias that itself ends in one ("腾讯开放平台" + "SDK") is
        found by the alias, not only by what is left when every suffix is gone."""
        steps = [key]
        while key.endswith(self.suffixes):
            suffix = min((s for s in self.suffixes if key.endswith(s) and len(key) > len(s) + 1), key=len, default="")
            if not suffix:
                break
            key = key[: -len(suffix)]
            steps.append(key)
        return steps

    def named_as(self, name: str) -> str | None:
        """The id of the one entry ``name`` is exactly a name or alias of, as written or less its suffix words
        (no vendor words dropped, no bracketed part: "腾讯开放平台SDK" names the entry with the alias
        "腾讯开放平台"; "腾讯SDK" names none)."""
        for form in self.suffix_steps(normalize_name(fold(name))):
            ids = self.exact.get(form)
            if ids and len(set(ids)) == 1:
                return ids[0]
        return None

    def _alternatives(self, name: str) -> list[str]:
        """The names of ``"A / B"`` when they are two names of one product: none of them names another
        catalog entry than the rest ("Firebase Analytics / Google Analytics for Firebase" yes; "Sentry /
        Firebase Crashlytics", two products in one cell, no: that cell stays for the candidates)."""
        parts = _ALTERNATIVES_RE.split(name) if _ALTERNATIVES_RE.search(name) else []
        return [p for p in parts if p.strip()] if len(self._named_by_parts(parts)) <= 1 else []

    def _named_by_parts(self, parts: list[str]) -> tuple[str, ...]:
        """The entries the parts of ``"A / B"`` name exactly, in order."""
        return tuple(dict.fromkeys(i for p in parts for i in (self.exact.get(normalize_name(fold(p))) or ())))

    def strip(self, key: str, vendors: bool = True) -> str:
        """Drop generic suffixes and (``vendors``) leading vendor words from a folded key (keeps something
        left): "华为推送sdk" -> "华为推送" (suffixes only) -> "推送"."""
        changed = True
        while changed:
            changed = False
            if key.endswith(self.suffixes):  # one C-level check first: most keys have none
                for suffix in self.suffixes:
                    if key.endswith(suffix) and len(key) > len(suffix) + 1:
                        key, changed = key[: -len(suffix)], True
            if vendors and key.startswith(self.vendors):
                for vendor in self.vendors:
                    if key.startswith(vendor) and len(key) > len(vendor) + 1:
                        key, changed = key[len(vendor):], True
        return key

    def _near(self, form: str) -> str | None:
        if len(form) < 7:
            return None
        limit = 1 if len(form) < 10 else 2
        best: set[str] = set()
        best_d = limit + 1
        # an edit changes at most 3 bigrams (a transposition), so a near key shares all but 3 per edit
        need = max(1, len(bigrams(form)) - 3 * limit)
        chinese = CJK_RE.findall(form)
        for key in self._similar_keys(form, least=need):
            if abs(len(key) - len(form)) > limit or CJK_RE.findall(key) != chinese:
                continue  # (a Chinese character is a word: "腾讯云短信" is no misspelt "腾讯云通信")
            d = _distance(form, key, limit)
            if d < best_d:
                best_d, best = d, set(self.exact.get(key, ()) + self.loose.get(key, ()))
            elif d == best_d and d <= limit:
                best |= set(self.exact.get(key, ()) + self.loose.get(key, ()))
        return next(iter(best)) if len(best) == 1 else None

    def _without_suffix(self, key: str) -> str:
        """``key`` without its generic suffix ("sdk"), or ``key`` when it has none."""
        suffix = next((x for x in self.suffixes if key.endswith(x)), "")
        return key[:len(key) - len(suffix)] if suffix else key

    def candidates(self, forms: list[str]) -> tuple[str, ...]:
        """Closest catalog ids for unresolved forms, best first. A key whose ratio cannot reach the third best
        score so far (its quick upper bounds are below it) is not compared closely: it could not enter the
        top ``MAX_CANDIDATES`` nor raise the score of an id in it."""
        scored: dict[str, float] = {}
        floor = 0.5  # the least ratio that counts: 0.5, or the MAX_CANDIDATES-th best score once there are as many
        for form in forms:
            if not form:
                continue
            whole = difflib.SequenceMatcher(None, "", form)
            bare = self._without_suffix(form)
            part = difflib.SequenceMatcher(None, "", bare)
            for key in self._similar_keys(form, 0.5):
                if bare != form and key.endswith(form[len(bare):]):  # "乘车码sdk" is not like "msdk"
                    other = key[:len(key) - (len(form) - len(bare))]  # a shared suffix is no likeness
                    if not other or not bare:
                        continue
                    matcher = part
                    matcher.set_seq1(other)
                    contained = bare in other or other in bare
                    size = (len(bare), len(other))
                else:
                    matcher = whole
                    matcher.set_seq1(key)
                    contained = form in key or key in form
                    size = (len(form), len(key))
                if not contained and (matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor):
                    continue
                ratio = matcher.ratio()
                if contained:
                    ratio = max(ratio, 0.6 + 0.4 * min(size) / max(size))
                if ratio < floor:
                    continue
                for sdk_id in self.exact.get(key, ()) + self.loose.get(key, ()):
                    scored[sdk_id] = max(scored.get(sdk_id, 0.0), ratio)
                if len(scored) >= MAX_CANDIDATES:
                    floor = max(0.5, heapq.nlargest(MAX_CANDIDATES, scored.values())[-1])
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple(sdk_id for sdk_id, _ in ranked[:MAX_CANDIDATES])


_BRAND_PLUS_RE = re.compile(r"(?<=[\u3400-\u9fff])\+(?=\s*[\u3400-\u9fffA-Za-z])")
"""A plus written after a Chinese brand before the product's words ("友盟+消息推送SDK"): the brand's mark, the
name reads the same without it ("友盟消息推送SDK")."""


def build_index(catalog: Catalog, lexicon: Lexicon) -> NameIndex:
    """Index every catalog name and alias."""
    suffixes = tuple(sorted({normalize_name(s) for s in lexicon.name_suffixes if normalize_name(s)}, key=len,
                            reverse=True))
    vendors = tuple(sorted({normalize_name(v) for v in lexicon.vendor_words if normalize_name(v)}, key=len,
                           reverse=True))
    probe = NameIndex({}, {}, suffixes, vendors)
    # what a name comes down to that names no product: an ordinary word, a vendor, a generic name, a category word
    ordinary = {normalize_name(w) for w in (*lexicon.ordinary_names, *lexicon.generic_names, *lexicon.vendor_words,
                                            *(w for ws in lexicon.category_words.values() for w in ws))}
    kinds = frozenset(k for ws in lexicon.category_words.values() for k in map(normalize_name, ws) if k)
    exact: dict[str, list[str]] = {}
    distinctive: dict[str, str] = {}
    loose: dict[str, list[str]] = {}
    by_id: dict[str, list[str]] = {}
    for entry in catalog.entries:
        for name in (entry.name, entry.id.replace("-", " "), *((entry.name_zh,) if entry.name_zh else ()), *entry.aliases):
            key = normalize_name(fold(name))
            if not key:
                continue
            if entry.id not in exact.setdefault(key, []):
                exact[key].append(entry.id)
            if key not in by_id.setdefault(entry.id, []):
                by_id[entry.id].append(key)
            if is_distinctive(name) and probe.strip(key, vendors=False) not in kinds:  # never "人脸识别"
                distinctive.setdefault(case_key(name), entry.id)
                titled = _titled(name)
                if titled:
                    distinctive.setdefault(titled, entry.id)  # "AdMob" written "Admob"
            outer = normalize_name(fold(_BRACKETS.sub(" ", name)))  # "Google Play services location (Fused…)"
            for part in [key, outer] + [normalize_name(fold(p)) for p in _BRACKETS.findall(name)]:
                stripped = probe.strip(part)
                if stripped and stripped not in ordinary and entry.id not in loose.setdefault(stripped, []):
                    loose[stripped].append(entry.id)
    return NameIndex({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in loose.items()},
                     suffixes, vendors, distinctive, {k: tuple(v) for k, v in by_id.items()}, kinds)


def bigrams(text: str) -> set[str]:
    """The character bigrams of ``text`` (the text itself when shorter than two)."""
    return {text[i:i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text}




_PLATFORM_WORD_RE = re.compile(r"(?<![A-Za-z])(?:android|ios)(?![A-Za-z])|安卓版?|鸿蒙版?", re.IGNORECASE)
"""A platform written inside a product's name ("微博Android SDK", "QQ iOS SDK"): the name without it is looked up
too (after the name as written)."""
_SEPARATORS_RE = re.compile(r"[\s\-_.,'·()（）【】\[\]/]+")
_LATIN_SPAN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-_]*(?:[\s\-_.,'·/]+[A-Za-z0-9][A-Za-z0-9.+\-_]*)*")
_CJK_SPAN_RE = re.compile(r"[\u3400-\u9fff][\u3400-\u9fffA-Za-z0-9+]*")
_MIXED_SPAN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9+.\-]*\s?[\u3400-\u9fff][\u3400-\u9fffA-Za-z0-9+]*")
"""A name of Latin letters then Chinese ("OPPO推送", "QQ 分享")."""
MAX_WORDS = 4


def _spotted(text: str, start: int, stop: int, span: str, key: str) -> bool:
    """Whether a key found at ``text[start:stop]`` is a name written there (see :meth:`NameIndex.spot`)."""
    if key.isascii():
        if not _LATIN_SPAN_RE.fullmatch(span) or (start and _latin(text[start - 1])) or \
                (stop < len(text) and _latin(text[stop])):
            return False
        words = re.findall(r"[A-Za-z0-9][A-Za-z0-9.+\-_]*", span)
        if len(words) == 1:
            return not span.islower() and len(span.rstrip(".")) >= 4
        return len(words) <= MAX_WORDS and any(ch.isupper() for ch in span)
    if len(key) == 2 and 0 < start and stop < len(text) and CJK_RE.match(text[start - 1]) \
            and CJK_RE.match(text[stop]):
        return False  # two characters inside a run of Chinese may belong to its words ("交易信息" holds "易信")
    if _MIXED_SPAN_RE.fullmatch(span):  # "OPPO推送", "QQ分享": its Latin word whole (no letter runs into it)
        return not (start and _latin(text[start - 1]))
    return len(key) >= 2 and _CJK_SPAN_RE.fullmatch(span) is not None


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def case_key(name: str) -> str:
    """Like :func:`normalize_name` but keeping case (for spotting names in prose)."""
    return _SEPARATORS_RE.sub("", fold_width(name))


def fold_width(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _titled(name: str) -> str:
    """A one-word name with an inner capital ("AdMob", "OneSignal") as it is also written with that capital
    dropped ("Admob"); "" for any other name."""
    key = case_key(name)
    if not key.isascii() or not key.isalpha() or len(key) < 5 or not key[:1].isupper() or " " in name.strip():
        return ""
    if not any(ch.isupper() for ch in key[1:]) or not any(ch.islower() for ch in key):
        return ""
    return key[0] + key[1:].lower()


def is_distinctive(name: str) -> bool:
    """A name unlikely to be an ordinary word: CJK (2+ chars), a digit, an inner capital, or "SDK"."""
    key = case_key(name)
    if len(key) < 2:
        return False
    if not key.isascii():
        return True
    if len(key) < 4:
        return False
    words = re.findall(r"[A-Za-z0-9]+", fold_width(name))
    inner_upper = any(any(ch.isupper() for ch in w[1:]) and any(ch.islower() for ch in w) for w in words)
    title = sum(1 for w in words if w[:1].isupper() and len(w) > 1) >= 2  # "Firebase Crashlytics"
    lettered = _LETTER_PREFIX_RE.search(fold_width(name)) is not None  # "U-Share", "U-APM": a brand's letter
    return inner_upper or title or lettered or any(ch.isdigit() for ch in key) or "sdk" in key.casefold()


_LETTER_PREFIX_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]-[A-Z][A-Za-z]+")
"""A capital letter joined by a dash to a capitalised word ("U-Share", "U-APM"): a product's name, no ordinary word."""


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, cut off above ``limit``."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
