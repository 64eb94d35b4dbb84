"""Terminal summary: what a release engineer reads in five seconds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from auditor.audit.knowledge import short_name
from auditor.audit.model import AuditResult, Severity
from auditor.model import ScanResult

_KIND_ORDER = ("dangerous", "special", "normal", "signature", "unknown")
_SHORT_KIND = {
    "class": "classes", "manifest-component": "components", "meta-data": "meta-data",
    "native-lib": "native", "jni-symbol": "jni", "version-file": "version", "file": "files",
    "domain": "domains",
}


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} KB"


def render(result: ScanResult, audit: AuditResult | None = None, fail_on: Severity | None = None,
           width: int = 100, max_unknown: int = 8, max_findings: int = 25) -> str:
    b = result.build
    m = b.manifest
    lines = [
        f"{Path(b.path).name}  {m.package} {m.version_name or '?'} ({m.version_code if m.version_code is not None else '?'})"
        f"  minSdk {m.min_sdk or '?'}  targetSdk {m.target_sdk or '?'}",
        f"sha256 {b.sha256[:16]}…  {_size(b.size)}  {len(b.dex)} dex / {b.class_count:,} classes"
        f"  {len(b.native_libs)} native libs",
        "",
    ]
    kinds = Counter(p.kind for p in result.permissions)
    summary = ", ".join(f"{kinds[k]} {k}" for k in _KIND_ORDER if kinds[k])
    lines.append(f"Permissions  {len(result.permissions)} requested" + (f": {summary}" if summary else ""))
    for kind in ("dangerous", "special"):
        names = [short_name(p.name) for p in result.permissions if p.kind == kind]
        if names:
            lines.extend(_wrap(f"  {kind:<10} ", ", ".join(names), width))
    lines.append("")
    lines.append(f"SDKs  {len(result.sdks)} found")
    name_w = max([len(s.name) for s in result.sdks] + [10])
    name_w = min(name_w, 34)
    for s in sorted(result.sdks, key=lambda s: (s.category, s.name.lower())):
        kinds_seen: Counter[str] = Counter()
        for e in s.evidence:
            kinds_seen[_SHORT_KIND[e.kind.value]] += e.count
        signals = ", ".join(f"{k} {v}" for k, v in kinds_seen.items())
        version = f" {s.versions[0]}" if s.versions else ""
        lines.append(f"  {s.name[:name_w]:<{name_w}}  {s.category:<14} {s.confidence:.2f}  {signals}{version}")
    if result.libraries:
        lines.append("")
        lines.append(f"Libraries  {len(result.libraries)} (not SDKs: annotations, runtimes, toolchain)")
        lines.extend(_wrap("  ", ", ".join(sorted(h.name for h in result.libraries)), width))
    if result.unknown_packages:
        total = sum(u.class_count for u in result.unknown_packages)
        lines.append("")
        lines.append(f"Unknown third-party code  {len(result.unknown_packages)} packages, {total:,} classes")
        for u in result.unknown_packages[:max_unknown]:
            lines.append(f"  {u.package:<40} {u.class_count:>6} classes")
        if len(result.unknown_packages) > max_unknown:
            lines.append(f"  … {len(result.unknown_packages) - max_unknown} more (see --format json)")
    if b.warnings:
        lines.append("")
        lines.append(f"Warnings  {len(b.warnings)}")
        lines.extend(f"  {w}" for w in b.warnings[:5])
    if result.data_access:
        lines.append("")
        lines.extend(_data_access(result))
    if audit is not None:
        lines.append("")
        lines.extend(_findings(audit, fail_on, max_findings))
    lines.append("")
    lines.append(f"Catalog {result.catalog.version} ({result.catalog.entries} SDKs, sha256 {result.catalog.sha256[:12]})")
    return "\n".join(lines) + "\n"


def _wrap(head: str, text: str, width: int) -> list[str]:
    out: list[str] = []
    line = head
    for word in text.split(" "):
        if len(line) + len(word) + 1 > width and line.strip():
            out.append(line.rstrip())
            line = " " * len(head)
        line += word + " "
    out.append(line.rstrip())
    return out


def _data_access(result: ScanResult) -> list[str]:
    sites = result.data_access
    live = [a for a in sites if a.reachability != "dead"]
    count = Counter(a.reachability for a in sites)
    out = [f"Personal data in code  {len(sites)} call sites: {count['startup']} at start-up, "
           f"{count['self-start']} at self-start, {count['gated']} gated by consent, {count['later']} later, "
           f"{count['dead']} dead" + (f"; {sum(a.repeated for a in sites)} repeated" if any(a.repeated for a in sites)
                                      else "")]
    by_type = Counter(a.data_type for a in live)
    if by_type:
        out.extend(_wrap("  reached    ", ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())), 100))
    return out


def _findings(audit: AuditResult, fail_on: Severity | None, limit: int) -> list[str]:
    counts = audit.counts()
    summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    head = f"Findings  {len(audit.findings)}" + (f": {summary}" if summary else "")
    if audit.suppressed:
        head += f"  ({len(audit.suppressed)} accepted by the baseline)"
    out = [head]
    for f in audit.findings[:limit]:
        out.append(f"  {f.severity.label.upper():<8} {f.rule_id:<24} {f.message}")
    if len(audit.findings) > limit:
        out.append(f"  … {len(audit.findings) - limit} more (see --format json or html)")
    for entry in audit.expired_baseline:
        out.append(f"  baseline entry expired {entry.expires}: {entry.rule_id} {entry.subject}")
    if fail_on is not None:
        failing = audit.at_or_above(fail_on)
        verdict = "FAIL" if failing else "PASS"
        out.append(f"Verdict  {verdict}: {len(failing)} findings at or above {fail_on.label}")
    return out
