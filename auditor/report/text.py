"""Terminal summary: what a release engineer reads in five seconds, at most 100 columns wide.

Order: identity, findings counted per rule (every rule that fired), the first actions grouped by SDK,
then the inventory (SDKs, permissions, personal data in code with shortened call chains, unknown code),
and the verdict only when a gate was given.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from auditor.audit.knowledge import short_name
from auditor.model import SdkHit
from auditor.report.actions import short_chain
from auditor.report.model import ReportModel
from auditor.report.textwidth import fit, pad, plural

WIDTH = 100
MAX_ACTIONS = 10
MAX_SDKS = 30
MAX_UNKNOWN = 8
MAX_CHAINS = 6
_KIND_ORDER = ("dangerous", "special", "normal", "signature", "unknown")
_SHORT_KIND = {
    "class": "classes", "manifest-component": "components", "meta-data": "meta-data",
    "native-lib": "native", "jni-symbol": "jni", "version-file": "version", "file": "files",
    "domain": "domains",
}
_REACH_ORDER = {"startup": 0, "self-start": 1}
_REACH_DISPLAY = {"startup": 0, "self-start": 1, "gated": 2, "reachable": 3, "later": 3, "dead": 9}


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} KB"


def _identity(model: ReportModel) -> list[str]:
    b = model.scan.build
    m = b.manifest
    code = m.version_code if m.version_code is not None else "?"
    return [
        (f"{PurePath(b.path).name}  {m.package} {m.version_name or '?'} ({code})"
        f"  minSdk {m.min_sdk or '?'}  targetSdk {m.target_sdk or '?'}"),
        (f"sha256 {b.sha256[:16]}…  {_size(b.size)}  {len(b.dex)} dex / {plural(b.class_count, 'class', 'classes')}"
        f"  {plural(len(b.native_libs), 'native lib')}"),
    ]


def _findings(model: ReportModel) -> list[str]:
    audit = model.audit
    counts = audit.counts()
    summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    head = f"Findings  {len(audit.findings)}" + (f": {summary}" if summary else "")
    if audit.suppressed:
        head += f"  ({plural(len(audit.suppressed), 'finding')} accepted by the baseline)"
    if not model.audit.policy_path:
        head += "  (no --policy: policy rules did not run)"
    out = [head]
    for rc in model.rule_counts:
        out.append(f"  {pad(rc.rule_id, 26)} {rc.count:>5}  {pad(rc.severity.label, 8)} {rc.title}")
    for entry in audit.expired_baseline:
        out.append(f"  baseline entry expired {entry.expires}: {entry.rule_id} {entry.subject}")
    return out


def _actions(model: ReportModel, limit: int) -> list[str]:
    if not model.actions:
        return []
    out = ["", "What to do first"]
    for a in model.actions[:limit]:
        wrapped = _wrap(f"  {a.severity.label.upper():<7} ", f"{a.group}: {a.summary}")
        out.extend(wrapped[:2] if len(wrapped) <= 2 else [*wrapped[:1], wrapped[1] + " " + " ".join(wrapped[2:])])
        if a.fix:
            out.append(f"  {'':<7} → {a.fix}")
    rest = len(model.actions) - limit
    if rest > 0:
        out.append(f"  … {plural(rest, 'more action')} (see --format html or json)")
    return out


def _sdks(model: ReportModel) -> list[str]:
    """One line per SDK product; the parts it ships (JCore under JPush) indented under it, not counted as SDKs."""
    sdks = [s for s in model.scan.sdks if s.product is None]
    by_id = {s.sdk_id: s for s in model.scan.sdks}
    n_parts = len(model.scan.sdks) - len(sdks)
    cats = Counter(s.category for s in sdks)
    head = f"SDKs  {len(sdks)} found" + (f" (+ {plural(n_parts, 'part')})" if n_parts else "") + (
        ": " + ", ".join(f"{n} {c}" for c, n in cats.most_common()) if sdks else "")
    out = ["", head]
    for s in sorted(sdks, key=lambda s: (s.category, s.name.casefold()))[:MAX_SDKS]:
        out.append(_sdk_line("  ", s))
        parts = sorted((by_id[p] for p in s.parts if p in by_id), key=lambda p: p.name.casefold())
        out += [_sdk_line("    + ", p) for p in parts]
    if len(sdks) > MAX_SDKS:
        out.append(f"  … {plural(len(sdks) - MAX_SDKS, 'more SDK')} (see --format json or html)")
    libraries = model.scan.libraries
    if libraries:
        out += ["", f"Libraries  {len(libraries)} (not SDKs: annotations, runtimes, toolchain)",
                *_wrap("  ", ", ".join(sorted(h.name for h in libraries)))]
    return out


def _sdk_line(indent: str, s: SdkHit) -> str:
    kinds: Counter[str] = Counter()
    for e in s.evidence:
        kinds[_SHORT_KIND.get(e.kind.value, e.kind.value)] += e.count
    signals = ", ".join(f"{k} {v}" for k, v in kinds.items())
    version = s.versions[0] if s.versions else ""
    return f"{indent}{pad(s.name, 32 - len(indent))} {pad(version, 10)} {pad(s.category, 14)} {s.confidence:.2f}  {signals}"


def _permissions(model: ReportModel) -> list[str]:
    perms = model.scan.permissions
    kinds = Counter(p.kind for p in perms)
    summary = ", ".join(f"{kinds[k]} {k}" for k in _KIND_ORDER if kinds[k])
    out = ["", f"Permissions  {len(perms)} requested" + (f": {summary}" if summary else "")]
    for kind in ("dangerous", "special"):
        names = [short_name(p.name) for p in perms if p.kind == kind]
        if names:
            out.extend(_wrap(f"  {kind:<10} ", ", ".join(names)))
    return out


def _owner(model: ReportModel, owner: str) -> str:
    if owner in ("app", "unknown"):
        return "App" if owner == "app" else "Unknown code"
    facts = model.facts.get(owner)
    return facts.name if facts else owner


def _data_access(model: ReportModel) -> list[str]:
    sites = model.scan.data_access
    if not sites:
        return []
    by_reach = Counter(a.reachability for a in sites)
    parts = [f"{n} {r}" for r, n in sorted(by_reach.items(), key=lambda kv: (_REACH_DISPLAY.get(kv[0], 5), kv[0]))]
    repeated = sum(a.repeated for a in sites)
    out = ["", f"Personal data in code  {plural(len(sites), 'call site')}: {', '.join(parts)}"
               + (f"; {repeated} repeated" if repeated else "")]
    early = sorted((a for a in sites if a.reachability in _REACH_ORDER),
                   key=lambda a: (_REACH_ORDER[a.reachability], _owner(model, a.owner), a.data_type))
    shown: set[tuple[str, str]] = set()
    for a in early:
        if (a.owner, a.data_type) in shown or len(shown) >= MAX_CHAINS:
            continue
        shown.add((a.owner, a.data_type))
        out.append(f"  {_owner(model, a.owner)}: {a.data_type} at {a.reachability}: {short_chain(a)}")
    rest = len({(a.owner, a.data_type) for a in early}) - len(shown)
    if rest > 0:
        out.append(f"  … {rest} more before consent (full chains in --format json or html)")
    live = Counter(a.data_type for a in sites if a.reachability != "dead")
    if live:
        out.extend(_wrap("  reached    ", ", ".join(f"{k} {v}" for k, v in sorted(live.items()))))
    return out


def _unknown(model: ReportModel) -> list[str]:
    unknown = model.scan.unknown_packages
    if not unknown:
        return []
    total = sum(u.class_count for u in unknown)
    out = ["", (f"Unknown third-party code  {plural(len(unknown), 'package')}, "
               f"{plural(total, 'class', 'classes')}")]
    for u in unknown[:MAX_UNKNOWN]:
        out.append(f"  {pad(u.package, 50)} {u.class_count:>7,} {'class' if u.class_count == 1 else 'classes'}")
        if u.likely_vendor:
            out.append(f"    probably {pad(u.likely_vendor, 70)} {u.confidence:.2f}")
    if len(unknown) > MAX_UNKNOWN:
        out.append(f"  … {plural(len(unknown) - MAX_UNKNOWN, 'more package')} (see --format json)")
    return out


def _verdict(model: ReportModel) -> list[str]:
    v = model.verdict
    if v is None:
        n = len(model.audit.findings)
        return ["", f"{plural(n, 'finding')}; no gate given (add --fail-on SEVERITY to fail the build on them)"]
    if v.passed:
        return ["", f"Verdict  PASS ({v.gate.describe()}): no finding trips the gate"]
    return ["", f"Verdict  FAIL ({v.gate.describe()}): " + "; ".join(v.reasons)]


def _wrap(head: str, text: str, width: int = WIDTH) -> list[str]:
    out: list[str] = []
    line = head
    for word in text.split(" "):
        if len(line) + len(word) + 1 > width and line.strip():
            out.append(line.rstrip())
            line = " " * len(head)
        line += word + " "
    out.append(line.rstrip())
    return out


def _warnings(model: ReportModel) -> list[str]:
    warnings = model.scan.build.warnings
    if not warnings:
        return []
    return ["", f"Warnings  {len(warnings)}", *(f"  {w}" for w in warnings[:5])]


def render(model: ReportModel, width: int = WIDTH, max_actions: int = MAX_ACTIONS) -> str:
    cat = model.scan.catalog
    lines = [*_identity(model), "", *_findings(model), *_actions(model, max_actions), *_sdks(model),
             *_permissions(model), *_data_access(model), *_unknown(model), *_warnings(model),
             *_verdict(model), "",
             f"Catalog {cat.version} ({cat.entries} SDKs, sha256 {cat.sha256[:12]})"]
    return "\n".join(fit(line, width) for line in lines) + "\n"
