"""Resolve an SDK row onto a catalog entry with all the evidence of the row.

Evidence, strongest first: package names the row mentions (matched against class signatures), its link
(same page, then same host as an entry's privacy page or website), its company (against the vendor's
legal names in English and Chinese, compared by their distinctive core: "深圳市腾讯计算机系统有限公司" ->
"腾讯计算机系统"), its name (catalog names and aliases, tolerantly; :mod:`auditor.policy.names`) and the
words of its name and purpose (against an entry's category).

- A specific name that resolves keeps its entry unless the row's package names point elsewhere.
- A generic name ("统计SDK", "推送SDK", "share SDK", a bare vendor name) resolves only when packages, the link
  or the company single one entry out; otherwise it stays unresolved, with ranked candidates. A name of vendor and
  suffix words that is an entry's own name or alias ("腾讯开放平台", "腾讯云") is that entry when the evidence
  singles out none.
- An unresolved or ambiguous name is settled by the same evidence when it singles one entry out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import ahocorasick

from auditor.catalog.loader import normalize_name
from auditor.catalog.model import Catalog
from auditor.policy.lexicon import Lexicon, fold
from auditor.policy.names import MAX_CANDIDATES, NameIndex, Resolution, bigrams, build_index, is_distinctive
from auditor.policy.text import CJK_RE, SLASH_RE
from auditor.policy.vendors import Product, host, products, url_key

_BRACKETS = re.compile(r"[（(【\[]([^）)】\]]*)[）)】\]]")
MAX_BOUNDED_KIND = 2
"""Letters of the shortest kind words ("im"), which say a kind only as a word of their own."""


def says(text: str, word: str) -> bool:
    """Whether folded ``text`` (or a name's key, blanks dropped) holds a kind's ``word``: anywhere for most words
    ("推送", "analytics"); a Latin word of :data:`MAX_BOUNDED_KIND` letters or fewer only with no Latin letter
    next to it, or right before "sdk" ("腾讯IM SDK", "腾讯云imsdk": IM, never the "im" of "IMEI" or "SIM")."""
    if len(word) > MAX_BOUNDED_KIND or not word.isascii():
        return word in text
    return re.search(rf"(?<![a-z]){re.escape(word)}(?:(?![a-z])|(?=sdk))", text) is not None


def _outer(name: str) -> str:
    """``name`` without its bracketed parts ("Google (AdMob)" -> "Google"); the name itself when that is all of it."""
    return _BRACKETS.sub(" ", name).strip() or name


_CJK_KEY_RE = re.compile(r"[\u3400-\u9fff]{2,}")
_PLATFORM_WORDS_RE = re.compile(r"android|ios|安卓|苹果|sdk")
"""Platform and suffix words left in a folded name's rest ("高德地图android定位sdk" -> "定位")."""
_SNAKE_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
"""A snake_case identifier (a Flutter or Python package's name)."""
_WORD_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9+]{3,}(?![A-Za-z0-9])")
_SECOND_LEVEL = frozenset({"com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "com.hk", "com.tw", "com.sg",
                           "co.uk", "org.uk", "co.jp", "ne.jp", "or.jp", "co.kr", "or.kr", "com.au", "net.au",
                           "com.br", "co.in", "co.id", "com.my", "co.nz", "com.tr", "com.mx", "com.ru"})
"""Public second-level suffixes: ``x.com.cn`` is a registrable domain, as ``x.com`` is."""
MIN_SCORE = 2.0
MIN_MARGIN = 1.0
MEMO_LIMIT = 50_000
MIN_NAME_SIMILARITY = 0.5
"""How close a row's name must be to an entry's (:meth:`Resolver._similarity`) to count as naming it in part."""
MAX_COMPANY_POOL = 40
"""A company with more entries than this adds to the candidates only those whose category the row names."""


@dataclass(frozen=True)
class Evidence:
    """What a row says about which SDK it is."""

    name: str
    company: str = ""
    links: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()
    words: str = ""
    """Name, purpose and scene text, for category words."""
    hints: tuple[str, ...] = ()
    """Other names the row goes by, tried first ("Google Sign-In" for "Google" listed for login)."""
    coordinates: tuple[str, ...] = ()
    """Maven coordinates the row names (``com.google.firebase:firebase-auth``): as strong as package names."""
    shared: bool = False
    """The packages are those of a row naming several products, this one among them: they do not override what its
    own name resolves to (they may be the other products')."""


_FAMILY_WORD_RE = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]+")
"""A word of a folded name: a run of Latin letters and digits, or of CJK characters (:meth:`Resolver._family`)."""


@dataclass(frozen=True)
class Resolver:
    """Name index plus evidence indexes over one catalog (build with :func:`build_resolver`)."""

    names: NameIndex
    lexicon: Lexicon
    products: Mapping[str, Product]
    by_host: Mapping[str, tuple[str, ...]]
    by_url: Mapping[str, tuple[str, ...]]
    by_core: Mapping[str, tuple[str, ...]]
    packages: tuple[tuple[str, str], ...]
    """(prefix, id), longest prefix first."""
    by_maven: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """``group:artifact`` -> ids."""
    by_group: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Maven group ids several entries are published under ("com.umeng.umsdk"), and those entries: a vendor's
    namespace, no one product's package (see :meth:`_in_group`)."""
    aliases: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Id -> its aliases exactly as the catalog writes them."""
    _cores: tuple[str, ...] = field(default=(), compare=False, repr=False)
    _company_memo: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    _category_keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    """The lexicon's category words as name keys (:func:`normalize_name`; empty ones left out)."""
    _cjk_keys: ahocorasick.Automaton | None = field(default=None, compare=False, repr=False)
    """Loose name keys all in Chinese (two characters or more) that one entry has: ``key -> (key, id)``."""

    def resolve(self, ev: Evidence) -> Resolution:
        """The entry ``ev`` names, or None with candidates; never raises."""
        for hint in ev.hints:
            hinted = self.names.exact.get(normalize_name(fold(hint)), ())
            if len(set(hinted)) == 1:
                return Resolution(hinted[0], (), "exact")
        by_name = self.names.resolve(ev.name)
        if by_name.id is None and SLASH_RE.search(ev.name):
            # "甲推送SDK/甲统计SDK", "QQ分享SDK/QQ互联SDK/OPEN SDK": one product under the names it goes by, the first
            # its own (a later one alone may be another maker's product of that name: "速验SDK/个验SDK")
            first = self.names.resolve_exact(SLASH_RE.split(ev.name, 1)[0])
            by_name = Resolution(first, (), "exact") if first else by_name
        pkg = self.by_coordinates(ev.coordinates) or self.by_packages(ev.packages)
        # (a name coined as one word and written exactly as an entry's alias is that product's name, though its words
        # are a kind's: "ShareSDK", MobTech's product, against "share SDK"; words written apart still read as the kind,
        # "Maps SDK for Android"; an entry whose own name is such a word, "AdSDK" read off a package, does not make it
        # a name; nor does an alias that is only its vendor's words, "腾讯开放平台")
        written = ev.name.strip()
        generic = self.generic(ev.name) and (self.vendor_only(ev.name) or not (
            by_name.id and not any(c.isspace() for c in written) and written in self.aliases.get(by_name.id, ())))
        if by_name.id and by_name.how == "loose" and not self._same_vendor(ev.name, by_name.id):
            by_name = Resolution(None, (by_name.id,))  # "华为游戏服务" is not "谷歌游戏服务" with the vendor dropped
        if by_name.id and by_name.how in ("exact", "loose") and not generic:
            if len(pkg) == 1 and by_name.id not in pkg and not self._in_group(by_name.id, ev.packages) and not ev.shared:
                return Resolution(pkg[0], (), "package")
            return self.refined(by_name, ev.words, pkg, ev.name)
        owned = self.vendor_category(ev.name) or self.vendor_for(ev.name, ev.words)
        if owned and (not pkg or owned in pkg or ev.shared):  # (a row's packages of several parties: none's own)
            return Resolution(owned, (), "vendor")
        scores = self._scores(ev, by_name, pkg, generic)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))
        if ranked:
            best, (score, decisive) = ranked[0]
            rivals = self._rivals(ev, pkg, best, [i for i, _ in ranked[1:]])
            second = scores[rivals[0]][0] if rivals else 0.0
            if decisive and score >= MIN_SCORE and score - second >= MIN_MARGIN:
                return Resolution(best, (), "evidence")
        if by_name.id and by_name.how == "near" and not generic:
            return by_name
        if generic and self.vendor_only(ev.name):
            # no evidence said which: a vendor's platform named as an entry's own name or alias ("腾讯开放平台 SDK",
            # "腾讯云") is that entry
            named = self.names.named_as(_outer(ev.name))
            if named is not None and (not pkg or named in pkg):
                return Resolution(named, (), "exact")
        # (of names written one after another, "甲SDK/乙SDK", the first: a later one alone says no more than a
        # later name does, above)
        inner = self.contained(SLASH_RE.split(ev.name, 1)[0]) if not by_name.id and not generic else None
        if inner and inner in by_name.candidates and (not pkg or inner in pkg):
            return Resolution(inner, (), "contained")
        ids = [i for i, _ in ranked[:MAX_CANDIDATES]] or list(by_name.candidates)
        return Resolution(None, tuple(dict.fromkeys(ids + list(by_name.candidates)))[:MAX_CANDIDATES])

    def refined(self, by_name: Resolution, words: str, pkg: list[str], name: str) -> Resolution:
        """A name of a common base or framework ("Firebase", "华为HMS") whose row says what it does ("analyze
        crashes", "推送"): the one product of that kind the base is part of (or, with no such link, of the same
        vendor whose names carry the row's name: "Firebase" -> "Firebase Crashlytics", never "Google Play
        Services" -> "Firebase Crashlytics"); else the name's own entry."""
        base = self.products.get(by_name.id or "")
        if base is None or pkg:
            return by_name
        if base.category != "framework":
            return self._vendor_product(base, by_name, words, name)
        key = normalize_name(fold(words))
        longest = {c: max((len(w) for w in ws if says(key, w)), default=0)
                   for c, ws in self._category_keys.items() if c != "framework"}
        top = max(longest.values(), default=0)
        kinds = {c for c, n in longest.items() if n == top and n}  # the longest words say what it does
        if len(kinds) != 1:
            return by_name
        family = self._family(name)
        pool = base.part_of or tuple(i for i, p in self.products.items() if base.vendor_id and p.vendor_id == base.vendor_id
                                     and (not family or any(k.startswith(family) for k in self.names.keys_of(i))))
        found = [i for i in pool if i in self.products and self.products[i].category in kinds]
        return Resolution(found[0], (), "purpose") if len(found) == 1 else by_name

    def _vendor_product(self, base: Product, by_name: Resolution, words: str, name: str) -> Resolution:
        """A name that names only the vendor ("友盟SDK", "高德SDK", "Umeng"), which the catalog gives to the
        vendor's best-known product: the vendor's one product of the kind the row's purpose words say ("友盟SDK
        ... 分享" -> Umeng's share SDK; "... 统计" -> its analytics SDK, the best-known one); else that best-known
        product, ``how="vendor-name"`` (the row says whose SDK, not which)."""
        if not base.vendor_id or not self.names_vendor(name, base):
            return by_name
        kinds = self._kinds_in(normalize_name(fold(words)))
        found = [i for i, p in self.products.items() if p.vendor_id == base.vendor_id and p.category in kinds
                 and not p.part_of]
        if base.category in kinds and len({self.products[i].category for i in found} | {base.category}) == 1:
            return Resolution(base.sdk_id, (), "purpose")
        # (a row whose words say several of the vendor's kinds, "友盟SDK：推送、统计、分享", says whose SDKs, not which one)
        return Resolution(found[0], (), "purpose") if len(found) == 1 else Resolution(base.sdk_id, (), "vendor-name")

    def names_vendor(self, name: str, product: Product) -> bool:
        """Whether ``name`` is only a name of ``product``'s vendor with suffix words ("友盟+SDK", "AMap SDK")."""
        key = self.names.strip(normalize_name(fold(_BRACKETS.sub(" ", name))), vendors=False).rstrip("+")
        return bool(key) and any(key == normalize_name(fold(v)) for v in product.vendor_names)

    def _family(self, name: str) -> str:
        """The first word of a name that is no vendor word ("Firebase" in "Google Firebase (push)" and in
        "firebase_core", "play" in "Google Play Services"): the family the name's products are named by; ""
        when it is shorter than three letters."""
        words = [w for w in _FAMILY_WORD_RE.findall(fold(_BRACKETS.sub(" ", name))) if w not in self.names.vendors]
        return words[0] if words and len(words[0]) >= 3 else ""

    def contained(self, name: str) -> str | None:
        """The one entry whose own name is written inside a longer name ("腾讯 Bugly 闪退统计SDK", "Protobuf
        编解码", "Google ML Kit Document Scanner"): distinctive names spotted in it and whole Latin words that
        are an entry's exact name (not vendor or generic words); None when they name none or several."""
        spotted = [(span, self.names.resolve_exact(span)) for _, _, span in self.names.spot(name)
                   if not self.kind_only(span)]
        ids = {i for _, i in spotted}
        if len(ids) == 1 and None not in ids:
            sibling = self._sibling_named(name, spotted[0][0], spotted[0][1] or "")
            if sibling:
                return sibling
        if _SNAKE_RE.fullmatch(_BRACKETS.sub(" ", name).strip()):
            # a package's identifier ("network_info_plus", "flutter_bloc (v8.1.6)") is one word: the entry
            # named by a word of it ("flutter") is not the package
            ids.discard(None)
            return next(iter(ids)) if len(ids) == 1 else None
        # (a word that is the vendor's name of an entry spotted in it names no other entry: "Umeng智能认证U-Verify" is
        # U-Verify, not Umeng's best-known product as well)
        spotted_products = [self.products[i] for i in ids if i is not None and i in self.products]
        ids |= {self.names.resolve_strict(w) for w in _WORD_RE.findall(name)
                if not self.generic(w) and not any(self.names_vendor(w, p) for p in spotted_products)}
        ids.discard(None)
        if not ids:
            ids = self._keys_inside(name)
        return next(iter(ids)) if len(ids) == 1 else None

    def _sibling_named(self, name: str, span: str, sdk_id: str) -> str | None:
        """Another product of the vendor of ``sdk_id`` that the words of ``name`` around the spotted ``span``
        name and ``sdk_id``'s own names do not ("高德地图定位SDK": 高德地图 is the map SDK, 定位 names only the
        vendor's location SDK, "高德定位"); None when no other product, or several, have those words."""
        product = self.products.get(sdk_id)
        rest = self.names.strip(normalize_name(fold(name.replace(span, " "))), vendors=True)
        rest = _PLATFORM_WORDS_RE.sub("", rest)
        if product is None or not product.vendor_id or len(rest) < 2 or not CJK_RE.search(rest) \
                or any(rest in k for k in self.names.keys_of(sdk_id)):
            return None
        found = [i for i, p in self.products.items() if i != sdk_id and p.vendor_id == product.vendor_id
                 and any(rest in k for k in self.names.keys_of(i))]
        return found[0] if len(found) == 1 else None

    def _keys_inside(self, name: str) -> set[str | None]:
        """Entries whose name, once its suffix and vendor words are dropped, is written inside a longer name
        with words of its own ("天翼账号认证SDK": 天翼账号; "TikTok Business SDK": TikTok): a Chinese key of one
        entry inside the name (the longest at each place), or a distinctive Latin word that is such a key."""
        key = normalize_name(fold(name))
        spans = sorted(((end - len(k) + 1, end + 1, sdk_id) for end, (k, sdk_id) in self._cjk_keys.iter(key)),
                       key=lambda t: (t[0], t[0] - t[1])) if self._cjk_keys is not None and key else []
        ids: set[str | None] = set()
        reach = -1
        for start, stop, sdk_id in spans:
            if stop > reach:  # not inside a longer key found before it
                ids.add(sdk_id if self._kind_agrees(key[:start] + key[stop:], sdk_id) else None)
                reach = stop
        for word in _WORD_RE.findall(name):
            found = self.names.loose.get(normalize_name(fold(word)), ()) if is_distinctive(word) else ()
            if len(set(found)) == 1:
                ids.add(found[0])
        return ids

    def _kind_agrees(self, rest: str, sdk_id: str) -> bool:
        """Whether the words of a name around an entry's key ("广告" of "抖音广告") say no other kind of SDK than
        the entry is: a brand's key inside the name of another of its products is not that entry."""
        kinds = self._kinds_in(rest)
        return not kinds or self.products[sdk_id].category in kinds

    def _kinds_in(self, key: str) -> set[str]:
        """The categories whose words (the lexicon's ``category_words``) a name key holds ("推送" -> push)."""
        return {c for c, words in self._category_keys.items() if any(says(key, w) for w in words)}

    def generic(self, name: str) -> bool:
        """A name that does not say which SDK: a generic phrase, only what the SDK does ("语音识别 SDK"), or
        only vendor and suffix words."""
        if self.lexicon.generic(name) or self.kind_only(name):
            return True
        if self.lexicon.generic(_outer(name)) and not self._bracket_names_entry(name):
            return True
        return self.vendor_only(name)

    def vendor_only(self, name: str) -> bool:
        """A name made only of vendor and suffix words ("腾讯SDK", "腾讯开放平台"), with no bracketed part that
        names an entry ("Google (AdMob)" names AdMob)."""
        key = normalize_name(fold(_outer(name)))
        return bool(key) and self.names.strip(key) in self.names.vendors and not self._bracket_names_entry(name)

    def _bracket_names_entry(self, name: str) -> bool:
        """A part of ``name`` in brackets is a catalog name or alias ("Google (AdMob)")."""
        return any(self.names.known(p) for p in _BRACKETS.findall(name))

    def kind_only(self, name: str) -> bool:
        """See :meth:`auditor.policy.names.NameIndex.kind_only`."""
        return self.names.kind_only(name)

    def _same_vendor(self, name: str, sdk_id: str) -> bool:
        """False when ``name`` starts with a vendor word that neither the entry's names nor its vendor's
        names contain."""
        key = self.names.strip(normalize_name(fold(_BRACKETS.sub(" ", name))), vendors=False)
        vendor = next((v for v in self.names.vendors if key.startswith(v) and len(key) > len(v)), "")
        if not vendor:
            return True
        product = self.products.get(sdk_id)
        names = list(self.names.keys_of(sdk_id)) + [normalize_name(fold(n)) for n in
                                                     (product.vendor_names if product else ())]
        return any(vendor in n for n in names)

    def vendor_category(self, name: str) -> str | None:
        """A name made of a vendor word and what the SDK does ("华为推送SDK", "小米通道", "腾讯定位", "Umeng
        社会化分享") names that vendor's one entry of that category; None when the vendor has none or several.
        Vendor words: the lexicon's groups, else the catalog's vendor names (their cores, two Chinese
        characters or four letters at least)."""
        key = self.names.strip(normalize_name(fold(_BRACKETS.sub(" ", name))), vendors=False)
        vendor = next((v for v in self.names.vendors if key.startswith(v) and len(key) > len(v)), "")
        if not vendor and key.startswith(self._cores):  # a catalog vendor's own name ("Umeng 社会化分享")
            vendor = max((c for c in self._cores if key.startswith(c) and len(key) > len(c)
                          and len(c) >= (4 if c.isascii() else 2)), key=len, default="")
        if not vendor:
            return None
        return self._only_of_kinds(vendor, self._kinds_in(key[len(vendor):]))

    def vendor_for(self, name: str, words: str) -> str | None:
        """A row named only by its vendor ("华为", "阿里云 SDK") whose other words say what the SDK does ("为用户提供通知
        信息推送功能"): that vendor's one entry of that category (:meth:`vendor_category`, the kind read from
        the row's words); None when the name is more than a vendor's, or the vendor has none or several."""
        key = self.names.strip(normalize_name(fold(_BRACKETS.sub(" ", name))), vendors=False)
        if not key or not (key in self.names.vendors or key in self._cores):
            return None
        return self._only_of_kinds(key, self._kinds_in(normalize_name(fold(words)).replace(key, " ")))

    def _only_of_kinds(self, vendor: str, categories: set[str]) -> str | None:
        """The vendor's one entry of those categories; None when it has none or several (or no category is given)."""
        owned = [i for i in self.by_company(vendor) if self.products[i].category in categories] if categories else []
        return owned[0] if len(owned) == 1 else None

    def by_coordinates(self, coordinates: tuple[str, ...]) -> list[str]:
        """Entries published under the Maven coordinates a row names."""
        return list(dict.fromkeys(i for c in coordinates for i in self.by_maven.get(c.lower(), ())))

    def _in_group(self, sdk_id: str, names: tuple[str, ...]) -> bool:
        """Whether a package name the row gives is a Maven group several entries are published under, ``sdk_id``
        among them ("友盟+SDK（com.umeng.umsdk）"): the vendor's namespace, which the name narrows to one product."""
        return any(sdk_id in self.by_group.get(n.lower(), ()) for n in names)

    def by_packages(self, names: tuple[str, ...]) -> list[str]:
        out: list[str] = []
        for name in names:
            for prefix, sdk_id in self.packages:
                if (name == prefix or name.startswith(prefix + ".")) and sdk_id not in out:
                    out.append(sdk_id)
                    break
        return out

    def names_a_vendor(self, text: str) -> bool:
        """Whether ``text`` is a vendor's name as the catalog knows it: its distinctive core is one vendor's own
        ("Google", "Google LLC", "腾讯"), not one holding it ("极光推送、华为推送" holds two)."""
        return len(core := self.lexicon.company_core(text)) >= 2 and core in self.by_core

    def by_company(self, company: str) -> list[str]:
        """Entries whose vendor's distinctive core equals, contains or is contained in the company's (memoised)."""
        hit = self._company_memo.get(company)
        if hit is None:
            if len(self._company_memo) >= MEMO_LIMIT:
                self._company_memo.clear()
            hit = self._company_memo[company] = tuple(self._by_company(company))
        return list(hit)

    def _by_company(self, company: str) -> list[str]:
        core = self.lexicon.company_core(company)
        if len(core) < 2:
            return []
        out = list(self.by_core.get(core, ()))
        for other in self._cores:
            if other != core and min(len(other), len(core)) >= 2 and (other in core or core in other):
                out.extend(self.by_core[other])
        return list(dict.fromkeys(out))

    def _scores(self, ev: Evidence, by_name: Resolution, pkg: list[str], generic: bool
                ) -> dict[str, tuple[float, bool]]:
        by_url, by_host = self._linked(ev)
        by_company = set(self.by_company(ev.company)) if ev.company else set()
        pool = set(pkg) | by_url | set(by_name.candidates) | (by_host if len(by_host) <= 12 else set())
        named = by_name.id if by_name.id and by_name.how == "exact" else None
        if named:  # a generic-looking name that is one entry's own name ("Maps SDK for Android")
            pool.add(named)
        words = fold(ev.words or ev.name)
        if by_company:  # a large group (Tencent, Google) adds only its entries of the kind the row names
            pool |= by_company if len(by_company) <= MAX_COMPANY_POOL else {
                i for i in by_company if i in self.products and self._category_hit(self.products[i], words)}
        # a component competes with its own product only when the row's packages name the component
        pool -= {i for i in pool if i not in pkg and i in self.products and set(self.products[i].part_of) & pool}
        said = {c for c, ws in self.lexicon.category_words.items() if any(says(words, w) for w in ws)}
        out: dict[str, tuple[float, bool]] = {}
        for sdk_id in pool:
            product = self.products.get(sdk_id)
            if product is None:
                continue
            category = self._category_hit(product, words)
            name_sim = 0.0 if generic else self._similarity(ev.name, sdk_id)
            linked = sdk_id in pkg or sdk_id in by_url or sdk_id in by_host  # (a large vendor alone says too little)
            score = (3.0 * (sdk_id in pkg) + 2.0 * (sdk_id in by_url) + 1.0 * (sdk_id in by_host)
                     + 1.0 * (sdk_id in by_company) + 1.5 * name_sim + (1.0 if generic else 0.75) * category
                     + 1.0 * (sdk_id == named and linked))  # its own name, and the row's evidence points to it too
            # the vendor alone does not say which of its SDKs, and never one of another kind than the row says
            # (a Kuaishou login row is not the Kuaishou ads SDK)
            other_kind = bool(said) and not category
            decisive = (sdk_id in pkg or (sdk_id in by_url and not other_kind)
                        or (sdk_id in by_host and (category or name_sim >= MIN_NAME_SIMILARITY) and not other_kind)
                        or (sdk_id in by_company and (category or name_sim >= MIN_NAME_SIMILARITY) and not other_kind))
            out[sdk_id] = (score, decisive)
        return out

    def _linked(self, ev: Evidence) -> tuple[set[str], set[str]]:
        """The entries the row's links point to: by the page's address, and by its site (:meth:`host_ids`)."""
        by_url = {i for u in ev.links for key in _url_prefixes(url_key(u)) for i in self.by_url.get(key, ())}
        by_host = {i for u in ev.links if (h := host(u)) for i in self.host_ids(h)}
        return by_url, by_host

    def _rivals(self, ev: Evidence, pkg: list[str], best: str, others: list[str]) -> list[str]:
        """The entries that compete with the best one. When the row's company is a vendor we know: only that
        vendor's entries and those the row's packages or addresses point to (another vendor's product of
        the same kind, found by its name alone, is not what a row from this company discloses); and of
        those, when the row's name also resembles the best one's ("流式语音识别SDK": "火山引擎语音识别") and says
        what kind of SDK it is, only entries of that kind (or named by its packages). A name that resembles
        none ("性能加速库") keeps every entry of the vendor as a rival: the catalog may lack the product."""
        by_company = set(self.by_company(ev.company)) if ev.company else set()
        if not by_company:
            return others
        by_url, by_host = self._linked(ev)
        pointed = set(pkg) | by_url | by_host
        words = fold(ev.words or ev.name)
        said = any(any(says(words, w) for w in ws) for ws in self.lexicon.category_words.values()) \
            and self._similarity(ev.name, best) >= MIN_NAME_SIMILARITY
        return [i for i in others if (i in by_company or i in pointed) and (
            i in pkg or not said or i not in self.products or self._category_hit(self.products[i], words))]

    def host_ids(self, name: str) -> tuple[str, ...]:
        """Entries whose pages are on host ``name``, else on the nearest parent host that is still one site's
        own (``support.weixin.qq.com`` -> ``weixin.qq.com``; a registrable domain like ``qq.com``, which many
        products share, only when one entry alone is there)."""
        labels = name.split(".")
        for k in range(len(labels) - 1):
            parent = labels[k:]
            ids = self.by_host.get(".".join(parent))
            if k and (len(parent) <= 2 or (len(parent) == 3 and ".".join(parent[1:]) in _SECOND_LEVEL)):
                # a registrable domain counts only when one entry alone has pages there
                # ("docs.thinkingdata.cn" -> "thinkingdata.cn"; never "qq.com")
                return ids if ids and len(set(ids)) == 1 else ()
            if ids:
                return ids
        return ()

    def _category_hit(self, product: Product, words: str) -> bool:
        return any(says(words, w) for w in self.lexicon.category_words.get(product.category, ()))

    def _similarity(self, name: str, sdk_id: str) -> float:
        """0..1: how close ``name`` is to one of the entry's names (bigram Dice; containment counts 0.6)."""
        forms = [f for f in self.names.forms(name) if f]
        keys = self.names.keys_of(sdk_id)
        best = 0.0
        for form in forms:
            mine = bigrams(form)
            for key in keys:
                if form == key:
                    return 1.0
                theirs = self.names.grams_of(key)
                ratio = 2 * len(mine & theirs) / (len(mine) + len(theirs))
                if form in key or key in form:
                    ratio = max(ratio, 0.6)
                best = max(best, ratio)
        return best


_SHARED_HOST_RE = re.compile(r"^(?:privacy|policies|policy|legal|terms|agreement|agreements|docs)\.")
"""A vendor's site of legal pages or documents ("privacy.qq.com" holds every Tencent product's policy): no
product's own host. A page address there still points to its product (``by_url``)."""


MAX_URL_DEPTH = 8


def _url_prefixes(key: str) -> list[str]:
    """A page's address and the addresses above it on its site, down to one path segment (a product's
    documentation root names the pages under it: ``developers.google.com/maps/documentation/android-sdk/intro``
    is under ``…/android-sdk``); never the bare host (that is :meth:`Resolver.host_ids`)."""
    host, _, path = key.partition("/")
    parts = [p for p in path.split("/") if p][:MAX_URL_DEPTH]
    return [key] + ["/".join([host] + parts[:n]) for n in range(len(parts) - 1, 0, -1)]


def build_resolver(catalog: Catalog, lexicon: Lexicon) -> Resolver:
    """Indexes over ``catalog`` for :meth:`Resolver.resolve`."""
    items = products(catalog)
    by_host: dict[str, list[str]] = {}
    by_url: dict[str, list[str]] = {}
    by_core: dict[str, list[str]] = {}
    pkgs: list[tuple[str, str]] = []
    by_maven: dict[str, list[str]] = {}
    for p in items:
        for coordinate in p.maven:
            by_maven.setdefault(coordinate.lower(), []).append(p.sdk_id)
        for h in p.hosts:
            if not _SHARED_HOST_RE.match(h):
                by_host.setdefault(h, []).append(p.sdk_id)
        for u in p.urls:
            by_url.setdefault(u, []).append(p.sdk_id)
        for name in p.vendor_names:
            core = lexicon.company_core(name)
            if len(core) >= 2 and p.sdk_id not in by_core.setdefault(core, []):
                by_core[core].append(p.sdk_id)
        pkgs.extend((prefix, p.sdk_id) for prefix in p.packages)
    pkgs.sort(key=lambda kv: (-len(kv[0]), kv[0]))
    names = build_index(catalog, lexicon)
    cjk_keys = ahocorasick.Automaton()
    for key, ids in names.loose.items():
        if _CJK_KEY_RE.fullmatch(key) and len(set(ids)) == 1:
            cjk_keys.add_word(key, (key, ids[0]))
    cjk_keys.make_automaton()
    return Resolver(
        names=names, lexicon=lexicon, products={p.sdk_id: p for p in items},
        by_host={k: tuple(v) for k, v in by_host.items()}, by_url={k: tuple(v) for k, v in by_url.items()},
        by_core={k: tuple(v) for k, v in by_core.items()}, packages=tuple(pkgs),
        by_maven={k: tuple(v) for k, v in by_maven.items()},
        by_group={g: ids for g, ids in _groups(by_maven).items() if len(ids) >= 2},
        aliases={e.id: frozenset(e.aliases) for e in catalog.entries if e.aliases},
        _cores=tuple(sorted(by_core)),
        _category_keys={c: tuple(k for k in map(normalize_name, ws) if k) for c, ws in lexicon.category_words.items()},
        _cjk_keys=cjk_keys if len(cjk_keys) else None,
    )


def _groups(by_maven: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Each Maven group id and the entries published under it, in catalog order."""
    out: dict[str, list[str]] = {}
    for coordinate, ids in by_maven.items():
        group = out.setdefault(coordinate.split(":", 1)[0], [])
        group.extend(i for i in ids if i not in group)
    return {g: tuple(ids) for g, ids in out.items()}
