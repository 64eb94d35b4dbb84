"""Read a policy into a :class:`Disclosure`: the extractor pipeline, the coordinator, then facts.

    bytes --loader--> Document --extractors (REGISTRY)--> structures --coordinator.settle--> kept
          --facts--> SDK rows (resolved with all their evidence; a list's lead-in gives each of its rows the data it
          names, :mod:`auditor.policy.lead_in`), scenes, permissions; data types from the text

Where a row comes from: its JSON ``extractor`` names the stage, ``evidence`` the lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import ahocorasick

from auditor.catalog.model import Catalog
from auditor.policy.analysis import LineFacts, analyse
from auditor.policy.claims import Context, ExtractorKind, RowFacts, SceneClaim, SdkClaim, Structure
from auditor.policy.coordinator import settle
from auditor.policy.document import Document
from auditor.policy.extractors import REGISTRY
from auditor.policy.extractors.prose import collecting_subjects, integrated_sdks
from auditor.policy.facts import (
    DATA_ORDER,
    each_named,
    in_data_order,
    scene_permissions,
    scenes,
    sdk_disclosure,
    without_refusal,
)
from auditor.policy.glued_lines import restore_lines
from auditor.policy.lead_in import Lead, leads
from auditor.policy.lexicon import Lexicon
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.loader import load_document
from auditor.policy.model import DataTypeMention, Disclosure, PermissionDisclosure, SdkDisclosure
from auditor.policy.phrases import fold
from auditor.policy.resolve import Resolver, build_resolver
from auditor.policy.text import (
    COMPANY_CUE_RE,
    COMPONENT_WORD_RE,
    DATA_CATEGORY_RE,
    URL_ONLY_RE,
    URL_RE,
    company_like,
    linked_names,
    width,
)
from auditor.policy.unused import unused_spans, without_unused

MAX_MENTIONS_PER_TYPE = 25


def read_policy(path: Path | str, catalog: Catalog, lexicon: Lexicon | None = None,
                resolver: Resolver | None = None) -> Disclosure:
    """Read the policy at ``path``. Raises :class:`auditor.errors.PolicyError` for unreadable input."""
    lexicon = lexicon or load_lexicon()
    return read_document(load_document(path), catalog, lexicon, resolver)


def read_document(doc: Document, catalog: Catalog, lexicon: Lexicon, resolver: Resolver | None = None) -> Disclosure:
    """Extract a :class:`Disclosure` from an already loaded document. A page that lost its line breaks is read
    with them restored (:mod:`auditor.policy.glued_lines`) and as written. Its SDK rows are those of the reading
    that names more SDKs the catalog knows, and their companies; its scenes (and the permissions they disclose)
    those of the reading with more scenes that name permissions: a page whose permission items are cut apart pairs
    eight scenes where the paragraph as written pairs one, though a cut may cost an SDK of its list (a page of
    prose whose only list is its contents names no SDK either way). A tie on one count goes to the reading that
    says more on the other; the restored reading when they say as much on both."""
    resolver = resolver or build_resolver(catalog, lexicon)
    restored = restore_lines(doc, lexicon)
    if restored is doc:
        return _read_document(doc, catalog, lexicon, resolver)
    cut, whole = (_read_document(d, catalog, lexicon, resolver) for d in (restored, doc))
    rows = cut if (_named(cut), _paired(cut)) >= (_named(whole), _paired(whole)) else whole
    uses = cut if (_paired(cut), _named(cut)) >= (_paired(whole), _named(whole)) else whole
    return rows if rows is uses else replace(uses, sdks=rows.sdks)


def _named(disclosure: Disclosure) -> int:
    """How much a reading says of its SDKs: the rows resolved to a catalog entry (not by the words around them,
    :attr:`SdkDisclosure.resolved_by` ``evidence``, when the link they were given is another row's too: run-on text
    read as written gives each SDK its neighbours' link, and a wrong entry with it), and the rows with a company that
    reads as one (a legal entity's name, not the words of a cell run into it)."""
    links = Counter(s.link for s in disclosure.sdks if s.link)
    return sum(1 for s in disclosure.sdks if s.id and (s.resolved_by != "evidence" or links[s.link] < 2)) \
        + sum(1 for s in disclosure.sdks if company_like(s.company))


def _paired(disclosure: Disclosure) -> int:
    """How many scenes a reading pairs with permissions (scenes, not pairs: a paragraph read as one scene of ten
    permissions says less than ten scenes of one)."""
    return sum(1 for s in disclosure.scenes if s.permissions)


def _read_document(doc: Document, catalog: Catalog, lexicon: Lexicon, resolver: Resolver) -> Disclosure:
    ctx = Context(lexicon, resolver.names, analyse(doc.lines, lexicon))
    order = [e.kind for e in REGISTRY]
    structured = [s for e in REGISTRY if e.kind not in _LAST for s in e.extract(doc, ctx)]
    kept = settle(structured, order)
    owners = _rowless_permission_lists(kept)
    listed = listed_under_permissions(structured, owners)
    # prose is the least confident stage: it reads only the lines no kept structure owns (same outcome as
    # settling everything at once, without reading every table cell as a sentence)
    claimed = frozenset(i for s in kept for i in range(s.first, s.last + 1))
    fallback = replace(ctx, claimed=claimed)
    prose = _stage(ExtractorKind.PROSE, doc, fallback)
    kept = sorted(settle(kept + prose, order) + listed + provided_under_permissions(doc, owners, ctx),
                  key=lambda s: (s.first, s.last))
    # an SDK a permission item names as what collects ("友盟+SDK需要收集…"): a prose row beside that item
    kept += collecting_subjects(doc, [s for s in kept if s.extractor is ExtractorKind.PERMISSION_LIST], ctx)
    # the page's own SDK owns no lines: it is named where a prose mention may stand too (see _prose_once)
    kept += _stage(ExtractorKind.DOCUMENT, doc, fallback)
    kept = without_unused(kept, unused_spans(doc, ctx))  # "暂未接入的第三方服务": SDKs the app does not embed
    sdks: list[SdkDisclosure] = []
    scene_claims: list[SceneClaim] = []
    memo: dict[object, object] = {}  # this read's resolutions, by evidence (a long policy repeats names)
    rows: dict[tuple[RowFacts, ExtractorKind], SdkDisclosure] = {}  # this read's rows, by what they say
    for structure, lead in zip(kept, leads(doc, kept, ctx)):
        for claim in _shared_packages([c for named in structure.sdks for c in each_named(named, resolver.names)]):
            key = (claim.facts, structure.extractor)
            row = rows.get(key)
            if row is None:
                row = rows[key] = sdk_disclosure(doc, claim, structure.extractor, resolver, memo)
            else:  # the same row written again: only its evidence differs
                row = replace(row, evidence=doc.span(claim.first, claim.last))
            if row.id is None and (not _names_something(row.name, lexicon, bool(row.company))
                                   or lexicon.service_kind(row.name)):
                continue  # (nor a heading of a kind of service: "Analytics" over its services)
            if URL_ONLY_RE.match(row.name.strip()):
                continue  # an address in a name's place (a flattened table's cells shifted) names nothing, whatever
                # entry the address is of
            sdks.append(_with_lead(row, lead))
        scene_claims.extend(replace(c, scene=without_refusal(c.scene)) if c.scene else c for c in structure.scenes)
    perms: list[PermissionDisclosure] = []
    found: dict[tuple[str, bool, str, str], list[tuple[str, str]]] = {}  # this read's permission texts, mapped
    for scene in scene_claims:
        perms.extend(scene_permissions(doc, scene, lexicon, found))
    permissions = tuple(_dedupe(perms))
    data_types = _data_types(doc, ctx.lines)
    subjects = _subjects(sdks)
    # (rows of one SDK share their facts before the prose mentions a structured row stands for are dropped: a list's
    # "- MoPub https://…" takes the company the sentence "MoPub (… of Twitter, Inc.)" gives it)
    return Disclosure(
        source=doc.path, format=doc.format, encoding=doc.encoding, line_count=len(doc.lines),
        sdks=tuple(_with_page(r, data_types, permissions, subjects)
                   for r in _linked_in_sentences(_linked_on_page(_prose_once(_same_sdk(sdks, lexicon)), doc, resolver),
                                                 doc)),
        permissions=permissions,
        data_types=data_types, scenes=scenes(doc, scene_claims, lexicon),
    )


_CLAUSE_MARK_RE = re.compile(r"[，。；]")


def _names_something(name: str, lexicon: Lexicon, owned: bool = False) -> bool:
    """Whether a row's name the catalog does not know can name a third party: not a clause ("嵌入第三方SDK，SDK收集
    传输个人信息", "…，属敏感信息；位置"; a name then its use, "号码认证SDK，本机号码校验", does), not a Chinese category of data
    ("个人常用设备信息"), not a short Chinese field label ("信息用途", "收集个人信息种类"), not an address, the opening of a
    clause ("用于第三方授权服务", "该第三方自行处理") or, in a row that names no company (``owned``), a kind of data
    ("MAC地址", "IMEI"); another name with Latin letters or digits in it is left to the extractors ("RxPermissions",
    "Usage Data")."""
    bare = name.strip()
    if URL_ONLY_RE.match(bare) or (_FRAGMENT_OPENING_RE.match(bare) and not COMPONENT_WORD_RE.search(bare)):
        return False  # an address; a clause's words ("用于第三方授权服务", "该第三方自行处理", "的第三方账号为准")
    if _NAME_TITLE_RE.search(bare) and lexicon.role(bare) == "name":
        return False  # the title of a name column or label ("使用SDK名称", "SDK名称"), read as a name
    if not owned and not COMPONENT_WORD_RE.search(bare) and lexicon.mostly_data(bare) and (
            not _LATIN_RE.search(bare) or any(h.phrase == fold(bare) for h in lexicon.find(bare, weak=True))):
        return False  # a kind of data ("MAC地址", "IMEI"; not "Google定位服务", a product, nor a row that names its
        # company: "本机号码校验" / "服务提供商：中国移动…", a service named by what it checks)
    if _CLAUSE_MARK_RE.search(bare.rstrip("，。；")):
        head = _CLAUSE_MARK_RE.split(bare)[0]  # ("号码认证SDK，本机号码校验": a name, then its use)
        return bool(COMPONENT_WORD_RE.search(head)) and not lexicon.general(head)
    if COMPONENT_WORD_RE.search(bare):
        return True
    if re.search(r"[A-Za-z0-9]", bare):
        return True
    if DATA_CATEGORY_RE.search(bare):
        return False
    return not (width(bare) <= MAX_LABEL_NAME and _LABEL_END_RE.search(bare) and lexicon.role(bare) in _LABEL_ROLES)


_LATIN_RE = re.compile(r"[A-Za-z]")
_NAME_TITLE_RE = re.compile(r"(?:名称|名字|\bname)$", re.IGNORECASE)
_FRAGMENT_OPENING_RE = re.compile(r"(?:用于|用来|为了|以便|(?:的|该|由)(?=第三方|三方))")
"""Words that open a clause's fragment left in a row's name cell ("用于…", "该第三方…"), never a product's name (the
openings of a whole sentence, "为保证…", "如您…", are :data:`auditor.policy.text._CLAUSE_OPENING_RE`, which
:func:`name_like` asks at every cell)."""
MAX_LABEL_NAME = 20
_LABEL_END_RE = re.compile(r"(?:用途|目的|种类|类型|类别|方式|范围|说明|描述|场景|字段)$")
_LABEL_ROLES = frozenset({"purpose", "data", "method", "scene", "permissions", "description", "link", "website"})


def _stage(kind: ExtractorKind, doc: Document, ctx: Context) -> list[Structure]:
    """The structures the registry's extractors of ``kind`` read in ``doc``."""
    return [s for e in REGISTRY if e.kind is kind for s in e.extract(doc, ctx)]


def _rowless_permission_lists(kept: list[Structure]) -> dict[int, int]:
    """Line -> the index in ``kept`` of the permission list without SDK rows that owns it (one per line: settled)."""
    owner: dict[int, int] = {}
    for n, p in enumerate(kept):
        if p.extractor is ExtractorKind.PERMISSION_LIST and not p.sdks:
            owner.update(dict.fromkeys(range(p.first, p.last + 1), n))
    return owner


def listed_under_permissions(structured: list[Structure], owners: dict[int, int]) -> list[Structure]:
    """The SDK rows of list items that a kept permission list (``owners``: :func:`_rowless_permission_lists`)
    read as permission items ("* 个推推送SDK：READ_PHONE_STATE：…"): such an item names the SDK and then its
    permission, and both readings hold, so the list's rows are kept beside the permission list's pairs (their
    rows only; the lines stay the permission list's)."""
    return [replace(s, scenes=()) for s in structured if s.extractor is ExtractorKind.LIST and s.sdks
            and owners.get(s.first, -1) == owners.get(s.last, -2)]  # both ends in one (a list kept is in none)


def provided_under_permissions(doc: Document, owners: dict[int, int], ctx: Context) -> list[Structure]:
    """SDK rows that running text on a kept permission list's lines (``owners``) names with the company providing
    it ("（1）消息推送服务供应商：由每日互动股份有限公司提供推送技术服务，我们可能会将您的设备…") or as the SDK the app
    uses (:data:`_SDK_USED_RE`): the item lists what is collected, so the permission list reads it, and it names a
    provider or an SDK in use, so it is a row too (rows with a company or so named only; the lines stay the
    permission list's)."""
    used = {i: [m.group(1) for m in _SDK_USED_RE.finditer(doc.lines[i].text)]
            + [doc.lines[i].text[a:b] for a, b in integrated_sdks(doc.lines[i].text)] for i in owners}
    lines = frozenset(i for i in owners if used[i] or COMPANY_CUE_RE.search(doc.lines[i].text))
    if not lines:
        return []
    inner = replace(ctx, claimed=frozenset(range(len(doc.lines))) - lines)
    out = []
    for s in _stage(ExtractorKind.PROSE, doc, inner):
        named = [n for i in range(s.first, s.last + 1) for n in used.get(i, ())]
        # (the name as the item writes it, its SDK word or not: "集成七鱼SDK" names "七鱼")
        rows = tuple(c for c in s.sdks if c.facts.company
                     or any(c.facts.name in n or _bare(c.facts.name) == _bare(n) for n in named))
        if rows:
            out.append(replace(s, sdks=rows, scenes=()))
    return out


def _bare(name: str) -> str:
    """A name without its SDK word, quotes and blanks ("七鱼SDK" and "“七鱼”" alike)."""
    return re.sub(r"(?i)sdk|[\s“”\"「」]", "", name)


_SDK_USED_RE = re.compile(r"(?:使用|集成|接入|引入|嵌入|采用)了?\s*([“\"「]?[^，。；、“”\"「」]{2,30}?[”\"」]?)\s*(?:的|提供的)?\s*"
                          r"(?:SDK|sdk|Sdk)(?![A-Za-z])")
"""An item saying the app uses an SDK ("1. 我们使用了“某某推送”的SDK，功能是…，使用到的权限是…"): the SDK is a row
of its own beside the permission item the line also is."""


def _shared_packages(claims: list[SdkClaim]) -> list[SdkClaim]:
    """``claims`` with those of one row that names several parties or products marked :attr:`SdkClaim.listed`
    ("华为 / 小米 / vivo" in one cell over "com.huawei.hms，com.igexin.sdk"): the row's package names are theirs
    together, no one party's own."""
    rows = Counter((c.first, c.last, c.facts.packages) for c in claims if c.facts.packages)
    return [replace(c, listed=True) if not c.listed and rows[(c.first, c.last, c.facts.packages)] > 1 else c
            for c in claims]


def _with_lead(row: SdkDisclosure, lead: Lead | None) -> SdkDisclosure:
    """A row of a list under a lead-in sentence (:mod:`auditor.policy.lead_in`) with the data types it names."""
    if lead is None:
        return row
    return replace(row, data_types=in_data_order((*row.data_types, *lead[1])), lead=lead[0])


def _subjects(rows: list[SdkDisclosure]) -> tuple[set[str], set[str]]:
    """Ids and folded names of the page's own SDK (:mod:`auditor.policy.extractors.subject`)."""
    own = [r for r in rows if r.extractor == ExtractorKind.DOCUMENT.value]
    return {r.id for r in own if r.id}, {r.name.casefold() for r in own}


def _with_page(row: SdkDisclosure, data_types: tuple[DataTypeMention, ...],
               permissions: tuple[PermissionDisclosure, ...],
               subjects: tuple[set[str], set[str]] = (set(), set())) -> SdkDisclosure:
    """The page's own SDK with what the whole page names, also when a row of the page names it (a vendor's
    sheet of its SDK: "SDK名称 | MobPush" over the page's permission table); other rows as they are."""
    ids, names = subjects
    own = row.extractor == ExtractorKind.DOCUMENT.value or (row.id and row.id in ids) or row.name.casefold() in names
    if not own:
        return row
    types = in_data_order((*(d.data_type for d in data_types), *row.data_types))
    perms = {p.permission for p in permissions} | set(row.permissions)
    return replace(row, data_types=tuple(types), permissions=tuple(sorted(perms)))


_LAST = frozenset({ExtractorKind.PROSE, ExtractorKind.DOCUMENT})
"""Stages after the structured shapes: prose reads only the lines no kept structure owns."""
_RANK = {ExtractorKind.PROSE.value: 1, ExtractorKind.DOCUMENT.value: 2}
"""How weak a row's evidence is: a structured row (0) over the page's own SDK (2) over a prose mention (1) of
the same SDK; the page's own SDK carries what the whole page says, a mention only its sentence."""


def _prose_once(rows: list[SdkDisclosure]) -> list[SdkDisclosure]:
    """A prose mention, or the page's own SDK, adds an SDK only when no structured row names the same entry
    (or the same name); the page's own SDK replaces a prose mention of it. A row naming no data takes the data
    types of the prose mentions of its entry it stands for."""
    def stronger(rank: int) -> tuple[set[str], set[str]]:
        kept = [r for r in rows if _RANK.get(r.extractor, 0) == 0 or _RANK.get(r.extractor, 0) > rank]
        return {r.id for r in kept if r.id}, {_plain_key(r.name) for r in kept} - {""}

    by_rank = {rank: stronger(rank) for rank in (1, 2)}
    out = []
    said: dict[str, list[str]] = {}  # what the dropped mentions of an entry say it collects
    for row in rows:
        rank = _RANK.get(row.extractor, 0)
        if rank:
            ids, names = by_rank[rank]
            if (row.id and row.id in ids) or _plain_key(row.name) in names:
                if row.id and rank == 1:
                    said.setdefault(row.id, []).extend(row.data_types)
                continue
        out.append(row)
    # a row that names no data takes what a sentence naming the same SDK says it collects ("AdMob may collect
    # device identifiers (such as the Advertising ID)" above "- AdMob for ad delivery")
    return [replace(r, data_types=in_data_order(said[r.id]))
            if r.id in said and said[r.id] and not r.data_types else r for r in out]


_ASIDE_RE = re.compile(r"\s*[（(][^（）()]*[)）]\s*")
"""What a name adds in brackets, with the blanks around it."""


def _plain_key(name: str) -> str:
    """A row's name folded without its asides in brackets and its SDK word (:func:`_bare`): a list's "bingding-notify
    (com.bingding.notify)" and a sentence's "bingding-notify SDK" alike."""
    return _bare(_ASIDE_RE.sub(" ", name).strip() or name).casefold()


def _same_sdk(rows: list[SdkDisclosure], lexicon: Lexicon) -> list[SdkDisclosure]:
    """Rows of one SDK that leave its company, link or permissions empty take them from another row of the same
    SDK in the same policy (an SDK named in a data table's cell, in a record of its own below, and in a table of
    its permissions). One SDK: one catalog entry, or, unresolved, one name written alike (spaces and punctuation
    aside) that says which SDK it is (a generic name, "统计SDK", may be two companies' SDKs)."""
    names: dict[str, str] = {}  # each distinct name's key computed once (a long policy repeats its rows)

    def key(r: SdkDisclosure) -> str:
        if r.id:
            return r.id
        found = names.get(r.name)
        if found is None:
            name = _NAME_KEY_RE.sub("", r.name.casefold())
            found = names[r.name] = "" if not name or lexicon.generic(r.name) else "name:" + name
        return found

    company: dict[str, str] = {}
    link: dict[str, str] = {}
    perms: dict[str, tuple[str, ...]] = {}
    for r in rows:  # the first row of an SDK that states each fact
        k = key(r)
        if k and r.company:
            company.setdefault(k, r.company)
        if k and r.link:
            link.setdefault(k, r.link)
        if k and r.permissions:
            perms.setdefault(k, r.permissions)
    out = []
    for r in rows:
        k = key(r)
        if k and ((not r.company and k in company) or (not r.link and k in link) or (not r.permissions and k in perms)):
            r = replace(r, company=r.company or company.get(k, ""), link=r.link or link.get(k, ""),
                        permissions=r.permissions or perms.get(k, ()))
        out.append(r)
    return out


_NAME_KEY_RE = re.compile(r"[\W_]+")


def _linked_on_page(rows: list[SdkDisclosure], doc: Document, resolver: Resolver) -> list[SdkDisclosure]:
    """Rows with no link take the address the page links their name to in a run of linked names
    (:func:`auditor.policy.text.linked_names`: "Provider privacy policies: Firebase https://… · Sentry https://…"
    under a table without a link column): the same catalog entry, else the longest linked name a row's name holds
    as words ("Expo Push Notifications" of "Expo", "Google Gemini API" of "Gemini API"). A run that names, at
    least half of it, what the page's other rows read already is their links: its names are no rows of their
    own."""
    runs = {k: run for k, line in enumerate(doc.lines) if "://" in line.text or "www." in line.text
            if (run := linked_names(line.text))}
    if not runs:
        return rows
    ids = {name: resolver.names.resolve_exact(name) for run in runs.values() for name, _ in run}
    words = {name: re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])") for name in ids}  # the name as words

    def names(r: SdkDisclosure, name: str) -> bool:
        return (r.id is not None and r.id == ids[name]) or r.name == name or words[name].search(r.name) is not None

    read = [r for r in rows if r.extractor != ExtractorKind.PROSE.value]
    # a run most of whose names the page's rows name already gives their links, no rows of its own
    links_only = {doc.lines[k].no for k, run in runs.items()
                  if 2 * sum(1 for n, _ in run if any(names(r, n) for r in read)) >= len(run)}
    out = []
    for r in rows:
        if r.extractor == ExtractorKind.PROSE.value and r.evidence.line_start in links_only:
            continue
        if not r.link:
            found = sorted(((r.id is not None and r.id == ids[n], len(n), u) for run in runs.values() for n, u in run
                            if names(r, n)), reverse=True)  # the same entry, else the longest name it holds
            url = found[0][2] if found else ""
            r = replace(r, link=url) if url else r
        out.append(r)
    return out


def _linked_in_sentences(rows: list[SdkDisclosure], doc: Document) -> list[SdkDisclosure]:
    """Rows with no link take the address of a sentence that names their SDK, and no other row's, with its privacy
    policy ("Crash reports go to Crashfox under its own privacy policy: https://…", "甲乙统计的隐私政策见：https://…"):
    one address in the line, a policy word before it, the row's name as words (:func:`_sentence_name`). The names are
    found in one pass over each line, however many rows the page has."""
    if all(r.link for r in rows):
        return rows
    sentences: list[tuple[str, str]] = []  # (the words before the address, folded; the address) of each such line
    for line in doc.lines:
        text = line.text
        if ("://" not in text and "www." not in text) or len(text) > MAX_LINKING_SENTENCE:
            continue
        urls = list(URL_RE.finditer(text))
        if len(urls) == 1 and _POLICY_WORD_RE.search(text, 0, urls[0].start()):
            sentences.append((text[:urls[0].start()].casefold(), urls[0].group(0)))
    keys: dict[str, set[str]] = {}  # a name as sentences write it, folded -> the rows' names
    for r in rows:
        bare = _sentence_name(r.name)
        if bare:
            keys.setdefault(bare.casefold(), set()).add(r.name)
    if not sentences or not keys:
        return rows  # (no automaton is built for a page with no such line)
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, key)
    automaton.make_automaton()
    found: dict[str, str] = {}
    for before, url in sentences:
        named: set[str] = set()
        for end, key in automaton.iter(before):
            start = end - len(key) + 1
            if key.isascii() and (_word_char(before, start - 1) or _word_char(before, end + 1)):
                continue  # (a Latin name is whole words: "Mapbox" is not in "Mapboxer")
            named |= keys[key]
        if len(named) == 1:
            found.setdefault(named.pop(), url)
    return [replace(r, link=found[r.name]) if not r.link and r.name in found else r for r in rows]


MAX_LINKING_SENTENCE = 300
"""Characters of a line that gives one SDK's privacy policy (longer: a paragraph, whose address may be anyone's)."""
_POLICY_WORD_RE = re.compile(r"privacy|隐私", re.IGNORECASE)
_SDK_SUFFIX_RE = re.compile(r"\s*sdk$", re.IGNORECASE)


def _sentence_name(name: str) -> str:
    """A row's name as a sentence writes it: without what it adds in brackets, nor "SDK" after it ("MapTiler
    (through MapLibre SDK)" and "MapTiler SDK" are "MapTiler"); "" for a name too short to tell."""
    bare = _ASIDE_RE.sub(" ", name).strip() or name.strip()
    bare = _SDK_SUFFIX_RE.sub("", bare) or bare
    return bare if len(bare) >= (4 if bare.isascii() else 2) else ""


def _word_char(text: str, at: int) -> bool:
    """Whether ``text`` has a letter, digit, "_" or "-" at ``at`` (a Latin name's word goes on there)."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] in "_-")


def _dedupe(items: list[PermissionDisclosure]) -> list[PermissionDisclosure]:
    seen: set[tuple[str, str, str, int]] = set()
    out = []
    for item in items:
        ident = (item.permission, item.scene, item.description, item.evidence.line_start)
        if ident not in seen:
            seen.add(ident)
            out.append(item)
    return out


def _data_types(doc: Document, lines: tuple[LineFacts, ...]) -> tuple[DataTypeMention, ...]:
    counts: dict[str, int] = {}
    out = []
    for i, facts in enumerate(lines):
        for dt, phrase in facts.data_types:
            counts[dt] = counts.get(dt, 0) + 1
            if counts[dt] <= MAX_MENTIONS_PER_TYPE:
                out.append(((i, DATA_ORDER.get(dt, 99)), DataTypeMention(dt, phrase, doc.span(i, i))))
    return tuple(d for _, d in sorted(out, key=lambda kv: kv[0]))
