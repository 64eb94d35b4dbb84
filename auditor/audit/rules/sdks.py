"""SDK rules: the SDKs in the build against the policy's SDK list."""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.audit.knowledge import short_name
from auditor.audit.model import Finding, Location, Severity
from auditor.audit.policy_view import SdkRow
from auditor.audit.rules.interface import AuditContext, Rule, RuleInfo
from auditor.audit.rules.permissions import reviewed
from auditor.model import SdkHit

SDK_UNDISCLOSED = RuleInfo(
    "SDK-UNDISCLOSED", "SDK in the build but not in the privacy policy", Severity.HIGH,
    "The build embeds this third-party SDK but the privacy policy's SDK list does not name it. Add a row "
    "(SDK name, company, purpose, personal data collected, privacy-policy link) or remove the SDK. "
    "Reported per product: the parts a product ships with (a vendor's shared core, device-id or login "
    "modules) are listed under it and are covered when the policy names the product. When the policy names "
    "another product of the same vendor, the finding says so. SDKs whose category collects no personal data "
    "(image loading, networking, UI...) are reported as low. When the policy names an SDK only by a name no "
    "catalog entry is alone in matching (\"推送SDK\", \"Mobile Ads SDK\") and this SDK is the one undisclosed SDK "
    "of the build among that name's candidates, the finding points at that row and is reported as medium: "
    "the row most likely means it, but says so too vaguely to be checked. When the policy names only the "
    "family the SDK belongs to (a framework of the same vendor that ships in it, or whose name it carries: "
    "\"Firebase\" for Firebase Crashlytics), the finding says so and is reported as medium; so too when the "
    "policy names only the vendor (\"高德SDK\", \"Umeng SDK\") and nothing in that row says which of the "
    "vendor's products it is.",
    precision="high", fix="name it in the policy's SDK list, or remove it",
    basis=(
        "Class, component and library signatures on package boundaries (the build) against the SDK names "
        "the policy reader resolved."
    ),
)
SDK_STALE = RuleInfo(
    "SDK-STALE", "SDK named in the policy but absent from the build", Severity.INFO,
    "The policy lists an SDK the build does not contain. Harmless for users, but the list has drifted: "
    "remove the row, or check that the build is the one the policy describes.",
    precision="medium", fix="remove the policy row, or check the build", fix_in="policy",
    basis=(
        "SDK names read from the policy text against SDK signatures; an SDK the build hides (obfuscated, "
        "loaded at run time) looks absent."
    ),
)
SDK_UNRESOLVED = RuleInfo(
    "SDK-UNRESOLVED", "Policy names an SDK the catalog does not know", Severity.LOW,
    "A name in the policy's SDK list matches no catalog entry, so it cannot be checked against the build. "
    "Fix a misspelling, use the vendor's product name, or add the SDK to the catalog.",
    precision="medium", fix="fix the name or add the SDK to the catalog", fix_in="policy",
    basis=(
        "Names read from the policy text that no catalog name or alias matches."
    ),
)
SDK_DATA_BEYOND = RuleInfo(
    "SDK-DATA-BEYOND", "SDK collects more than its policy row says", Severity.MEDIUM,
    "The catalog (the vendor's own documentation) or the SDK's code in this build shows personal data or "
    "permissions that the policy's row for the SDK does not mention. Extend the row's 'personal data "
    "collected' cell, or configure the SDK not to collect it.",
    precision="medium", fix="extend its policy row", fix_in="policy",
    basis=(
        "The vendor's documented data (catalog) and the SDK's call sites against the data its policy row "
        "lists."
    ),
)
SDK_VENDOR_MISMATCH = RuleInfo(
    "SDK-VENDOR-MISMATCH", "Policy attributes an SDK to the wrong company", Severity.LOW,
    "The company the policy gives for the SDK shares no name with its vendor. Regulators check the legal "
    "entity: use the vendor's legal name.",
    precision="low", fix="use the vendor's legal name", fix_in="policy",
    basis=(
        "Distinctive words of the company name the policy gives against the vendor's legal names."
    ),
)

# categories whose SDKs, by design, collect no personal data of their own
_QUIET_CATEGORIES = frozenset({
    "image", "network", "serialization", "ui", "utility", "database", "dev-tools", "framework", "scan",
    "player", "media", "game-engine",
})


def _build_location(hit: SdkHit, limit: int = 3) -> list[Location]:
    out = []
    for e in hit.evidence[:limit]:
        out.append(Location("build", e.location, f"{e.kind.value}: {e.example or e.value} (x{e.count})"))
    return out


def _covering_products(ctx: AuditContext, sdk_id: str) -> set[str]:
    """The entry itself and, for a component, the products it ships in: naming any of them covers it."""
    entry = ctx.catalog[sdk_id]
    return {sdk_id, *entry.part_of}


def check_undisclosed(ctx: AuditContext) -> Iterable[Finding]:
    """One finding per undisclosed product. A part (``hit.product`` set) is reported under its product,
    with its evidence; a component whose products are all absent stands alone, and is covered when the
    policy names it or any product it ships in. Libraries never reach here (``ScanResult.libraries``)."""
    assert ctx.policy is not None
    disclosed = ctx.policy.sdk_ids
    hits = {h.sdk_id: h for h in ctx.scan.sdks}
    undisclosed = [h for h in ctx.scan.sdks
                   if h.product is None and not _covering_products(ctx, h.sdk_id) & disclosed]
    generic_rows = _generic_rows(ctx, undisclosed)
    for hit in undisclosed:
        entry = ctx.catalog[hit.sdk_id]
        parts = [hits[p] for p in hit.parts if p in hits]
        quiet = entry.category in _QUIET_CATEGORIES and not entry.data_collected and not any(
            ctx.catalog[p.sdk_id].data_collected for p in parts)
        vendor = hit.vendor or "vendor unknown"
        message = f"{hit.name} ({vendor}, {hit.category}) is in the build but the policy does not name it"
        if parts:
            message += f"; its parts in the build: {', '.join(p.name for p in parts)}"
        evidence = _build_location(hit)
        for part in parts:
            evidence += _build_location(part, 1)
        severity = Severity.LOW if quiet else None
        generic = generic_rows.get(hit.sdk_id)
        if generic is not None:  # a policy row whose name the catalog cannot single out may be this SDK
            others = [c for c in generic.candidates if c not in _covering_products(ctx, hit.sdk_id)]
            message += f"; the policy may name it as {generic.name!r}, a name no catalog entry is alone in matching"
            message += f" (it could also be {', '.join(others)})" if others else ""
            message += ": if that row is this SDK, write its product name and vendor there"
            evidence.append(generic.location)
            severity = severity or Severity.MEDIUM
        family = _family_rows(ctx, hit.sdk_id)
        if family and generic is None:  # the policy names the family this product belongs to, not the product
            message += (f"; the policy names only its family, {family[0].name!r} "
                        f"({ctx.catalog[family[0].sdk_id or ''].name}): name this product in the SDK list")
            evidence.append(family[0].location)
            severity = severity or Severity.MEDIUM
        siblings = [r for r in _same_vendor_rows(ctx, hit.sdk_id) if r not in family]
        vendor_only = [r for r in siblings if r.vendor_only]
        if vendor_only and generic is None and not family:
            # "高德SDK", "友盟SDK": the row names the vendor, the reader took it for that vendor's best-known product
            message += (f"; the policy names only its vendor, {vendor_only[0].name!r} (read as "
                        f"{ctx.catalog[vendor_only[0].sdk_id or ''].name}): name this product in the SDK list")
            evidence.append(vendor_only[0].location)
            severity = severity or Severity.MEDIUM
            siblings = [r for r in siblings if r not in vendor_only]
        if siblings:
            names = ", ".join(dict.fromkeys(ctx.catalog[r.sdk_id].name for r in siblings if r.sdk_id))
            message += (f". The policy names {names}, another product of the same vendor "
                        f"({_vendor_label(hit)}), not this one")
            evidence += [r.location for r in siblings[:2]]
        yield ctx.finding(SDK_UNDISCLOSED, hit.sdk_id, message, evidence, severity)


def _generic_rows(ctx: AuditContext, undisclosed: list[SdkHit]) -> dict[str, SdkRow]:
    """Undisclosed SDKs a policy row may name under a name the catalog cannot single out: an unresolved row
    ("推送SDK", "Mobile Ads SDK") whose candidates cover exactly one of the undisclosed SDKs of the build,
    by that SDK's id. The build then says which of its candidates the row most likely is; a row whose
    candidates cover several stays as ambiguous as it was and excuses none."""
    assert ctx.policy is not None
    out: dict[str, SdkRow] = {}
    for row in ctx.policy.rows:
        if row.sdk_id or not row.candidates:
            continue
        covered = [h.sdk_id for h in undisclosed if _covering_products(ctx, h.sdk_id) & set(row.candidates)]
        if len(covered) == 1:
            out.setdefault(covered[0], row)
    return out


_WORD_RE = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]+")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.casefold())


def _family_word(ctx: AuditContext, framework_id: str) -> str:
    """The word a framework's products are named by: the first word of its name that is no word of its
    vendor's names, of three letters or more ("firebase" of "Firebase core", "play" of "Google Play
    Services"); "" when there is none."""
    entry = ctx.catalog[framework_id]
    vendor = entry.vendor
    own = {w for n in ((vendor.name, vendor.name_zh, vendor.legal_name) if vendor else ()) if n for w in _words(n)}
    words = [w for w in _words(entry.name) if w not in own]
    return words[0] if words and len(words[0]) >= 3 else ""


def _family_rows(ctx: AuditContext, sdk_id: str) -> list[SdkRow]:
    """Policy rows that name a framework of the same vendor which ``sdk_id`` is a product of: the framework
    ships in it (``part_of``), or the product is named by the framework's family word ("Firebase" for Firebase
    Crashlytics, "Google Play Services" for Google Play Billing)."""
    if ctx.policy is None:
        return []
    entry = ctx.catalog[sdk_id]
    vendor = entry.vendor
    own = {w for n in ((vendor.name, vendor.name_zh, vendor.legal_name) if vendor else ()) if n for w in _words(n)}
    names = [[w for w in _words(n) if w not in own] for n in (entry.name, *entry.aliases)]
    out = []
    for row in ctx.policy.rows:
        framework = ctx.catalog.get(row.sdk_id) if row.sdk_id else None
        if framework is None or framework.category != "framework" or row.sdk_id == sdk_id \
                or not ctx.catalog.same_vendor(framework.id, sdk_id):
            continue
        word = _family_word(ctx, framework.id)
        if sdk_id in framework.part_of or (word and any(n and n[0] == word for n in names)):
            out.append(row)
    return out


def _same_vendor_rows(ctx: AuditContext, sdk_id: str) -> list[SdkRow]:
    """Policy rows naming a different product (or component) of the same vendor as ``sdk_id``."""
    own = _covering_products(ctx, sdk_id)
    return [r for r in ctx.policy.rows if r.sdk_id and r.sdk_id not in own and ctx.catalog.get(r.sdk_id)
            and ctx.catalog.same_vendor(r.sdk_id, sdk_id)] if ctx.policy is not None else []


def _vendor_label(hit: SdkHit) -> str:
    record = hit.vendor_record
    return record.name if record is not None else (hit.vendor or "")


def check_stale(ctx: AuditContext) -> Iterable[Finding]:
    assert ctx.policy is not None
    present = {h.sdk_id for h in ctx.scan.sdks}
    seen: set[str] = set()
    for row in ctx.policy.rows:
        if row.sdk_id and row.sdk_id not in present and row.sdk_id not in seen:
            seen.add(row.sdk_id)
            name = ctx.catalog[row.sdk_id].name if ctx.catalog.get(row.sdk_id) else row.sdk_id
            yield ctx.finding(SDK_STALE, row.sdk_id,
                              f"the policy names {row.name!r} ({name}) but the build does not contain it",
                              [row.location])


def check_unresolved(ctx: AuditContext) -> Iterable[Finding]:
    assert ctx.policy is not None
    seen: set[str] = set()
    for row in ctx.policy.rows:
        if row.sdk_id or row.name in seen:
            continue
        seen.add(row.name)
        hint = f" (closest: {', '.join(row.candidates[:3])})" if row.candidates else ""
        yield ctx.finding(SDK_UNRESOLVED, row.name,
                          f"the policy names {row.name!r}, which matches no catalog SDK{hint}", [row.location])


def check_data_beyond(ctx: AuditContext) -> Iterable[Finding]:
    assert ctx.policy is not None
    code_data: dict[str, set[str]] = {}
    for access in ctx.scan.data_access:
        if access.reachability != "dead":
            code_data.setdefault(access.owner, set()).add(access.data_type)
    reviewable = {p.name for p in reviewed(ctx)}  # requested, and dangerous, special or sensitive
    for hit in ctx.scan.sdks:
        # a part is held against its own row, else against the rows of the products it ships in
        rows = ctx.policy.rows_for(hit.sdk_id)
        via = ""
        if not rows:
            by_product = {p: ctx.policy.rows_for(p) for p in ctx.catalog[hit.sdk_id].part_of}
            rows = tuple(r for product_rows in by_product.values() for r in product_rows)
            via = ", ".join(ctx.catalog[p].name for p, product_rows in by_product.items() if product_rows)
        if not rows:
            continue  # SDK-UNDISCLOSED covers it
        entry = ctx.catalog[hit.sdk_id]
        row_data = set().union(*(r.data_types for r in rows))
        row_perms = set().union(*(r.permissions for r in rows))
        row_data |= ctx.knowledge.exposes(row_perms)
        missing_data = sorted(set(entry.data_collected or ()) - row_data)
        from_code = sorted(code_data.get(hit.sdk_id, set()) - row_data - set(missing_data))
        missing_perms = sorted(p for p in entry.permissions or ()
                               if p in reviewable and p not in row_perms
                               and not _covered(ctx.knowledge.exposes([p]), row_data))
        parts = []
        if missing_data:
            parts.append("collects " + ", ".join(missing_data) + " (vendor documentation)")
        if from_code:
            parts.append("its code reaches " + ", ".join(from_code))
        if missing_perms:
            parts.append("asks for " + ", ".join(short_name(p) for p in missing_perms))
        if parts:
            evidence = [rows[0].location] + _build_location(hit)[:1]
            for dt in from_code:
                site = next(a for a in ctx.scan.data_access if a.owner == hit.sdk_id and a.data_type == dt)
                evidence.append(Location("build", site.dex, f"{site.caller_class}.{site.caller_method} -> {site.api}"))
            subject, whose = (f"{hit.name}, part of {via}", "that product's") if via else (hit.name, "its")
            yield ctx.finding(SDK_DATA_BEYOND, hit.sdk_id,
                              f"{subject}: " + "; ".join(parts) + f", which {whose} policy row does not mention",
                              evidence)


def _covered(exposed: set[str], disclosed: set[str]) -> bool:
    """A permission is covered by a row that already names all the data it exposes."""
    return bool(exposed) and exposed <= disclosed


_GENERIC_WORDS = frozenset(["co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "plc", "gmbh", "ag", "sa", "pte", "bv", "the", "and", "of", "technology", "technologies", "tech", "information", "info", "network", "networks", "computer", "computers", "system", "systems", "software", "science", "sciences", "service", "services", "internet", "digital", "mobile", "data", "cloud", "group", "holdings", "holding", "international", "china", "beijing", "shanghai", "shenzhen", "hangzhou", "guangzhou", "nanjing", "chengdu", "wuhan", "xiamen", "hong", "kong", "us", "usa", "open", "source", "opensource", "github"])
_ZH_GENERIC = ("有限公司", "有限责任公司", "股份", "集团", "科技", "技术", "信息", "网络", "计算机", "系统", "软件",
               "北京", "上海", "深圳", "杭州", "广州", "南京", "成都", "武汉", "厦门", "中国", "（", "）", "(", ")",
               "市", "省")


def _tokens(name: str) -> set[str]:
    latin = {w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w not in _GENERIC_WORDS and len(w) > 1}
    chinese = "".join(re.findall(r"[\u4e00-\u9fff（）()]+", name))
    for word in _ZH_GENERIC:
        chinese = chinese.replace(word, " ")
    cjk = {w for w in chinese.split() if len(w) >= 2}
    return latin | cjk


def vendors_match(written: str, vendor_names: Iterable[str]) -> bool:
    """True when the company as written shares a distinctive name with any of the vendor's names."""
    mine = _tokens(written)
    if not mine:
        return True  # nothing distinctive to compare ("Google Inc." vs "Google LLC" has 'google')
    for name in vendor_names:
        theirs = _tokens(name)
        if mine & theirs:
            return True
        if any(a in b or b in a for a in mine for b in theirs if min(len(a), len(b)) >= 4):
            return True
    return False


def check_vendor_mismatch(ctx: AuditContext) -> Iterable[Finding]:
    assert ctx.policy is not None
    for row in ctx.policy.rows:
        entry = ctx.catalog.get(row.sdk_id) if row.sdk_id else None
        if entry is None or entry.vendor is None or not row.company.strip():
            continue  # an unknown vendor cannot be contradicted
        names = [*entry.vendor.names(), entry.name, *entry.aliases]
        if not vendors_match(row.company, names):
            zh = entry.vendor.display("zh")
            yield ctx.finding(SDK_VENDOR_MISMATCH, entry.id,
                              f"the policy attributes {row.name!r} to {row.company!r}; its vendor is "
                              f"{entry.vendor.display()}" + (f" ({zh})" if zh != entry.vendor.display() else ""),
                              [row.location])


RULES = (
    Rule(SDK_UNDISCLOSED, check_undisclosed),
    Rule(SDK_STALE, check_stale),
    Rule(SDK_UNRESOLVED, check_unresolved),
    Rule(SDK_DATA_BEYOND, check_data_beyond),
    Rule(SDK_VENDOR_MISMATCH, check_vendor_mismatch),
)
