"""Markdown for pull-request comments (``--format md``), rendered from the report model.

Every string that comes from the build, the catalog or the policy goes through :func:`escape`: a class
name or an SDK name cannot break a table, open a link, start an HTML tag or a code span.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from auditor.audit.model import Finding
from auditor.model import SdkHit
from auditor.report.model import ReportModel
from auditor.report.textwidth import plural

SEVERITIES = ("critical", "high", "medium", "low", "info")
MAX_FINDINGS = 50
MAX_SDKS = 100
MAX_CELL = 300

# Characters with a meaning in CommonMark/GFM inline syntax, escaped with a backslash.
_PUNCT = re.compile(r"([\\`*_{}\[\]()#!|~@]|:(?=//))")
_WWW = re.compile(r"(?i)(www)\.")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_HEX = re.compile(r"[0-9a-f]+")


def escape(value: Any, limit: int = MAX_CELL) -> str:
    """``value`` as inert Markdown text on one line, safe inside a table cell.

    Newlines and control characters become spaces; ``&``, ``<`` and ``>`` become entities (no raw HTML);
    Markdown punctuation gets a backslash (no emphasis, code spans, links, autolinks or cell breaks; ``.``
    and ``-`` only matter at the start of a line, where an escaped value never stands, ``.`` and ``:`` in
    ``www.`` and ``://``).
    Text longer than ``limit`` is cut (before escaping, so an escape is never split).
    """
    text = _CONTROL.sub(" ", "" if value is None else str(value)).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _WWW.sub(r"\1\\.", _PUNCT.sub(r"\\\1", text))


def _verdict(model: ReportModel) -> str:
    v = model.verdict
    total = len(model.audit.findings)
    if v is None:
        return f"### Privacy audit: {plural(total, 'finding')} (no gate given, so no verdict)"
    if v.passed:
        return f"### ✅ Privacy audit passed ({escape(v.gate.describe())}; {plural(total, 'finding')})"
    return f"### ❌ Privacy audit failed: {escape('; '.join(v.reasons))} ({escape(v.gate.describe())})"


def _identity(model: ReportModel) -> str:
    b = model.scan.build
    m = b.manifest
    version = escape(m.version_name or "?")
    if m.version_code is not None:
        version += f" \\({int(m.version_code)}\\)"
    sha_text = f"`{b.sha256[:16]}…`" if _HEX.fullmatch(b.sha256) else escape(b.sha256[:16])
    parts = [f"**{escape(m.package)}** {version}", f"sha256 {sha_text}"]
    if m.target_sdk is not None:
        parts.append(f"target SDK {int(m.target_sdk)}")
    parts.append(f"catalog {escape(model.scan.catalog.version)}")
    policy = model.audit.policy_path
    parts.append(f"policy {escape(policy)}" if policy else "no policy")
    return " · ".join(parts)


def _counts_table(model: ReportModel) -> list[str]:
    counts = model.audit.counts()
    return ["| " + " | ".join(s.capitalize() for s in SEVERITIES) + " | Suppressed |",
            "|" + "---:|" * (len(SEVERITIES) + 1),
            "| " + " | ".join(str(int(counts.get(s, 0))) for s in SEVERITIES)
            + f" | {len(model.audit.suppressed)} |"]


def _actions(model: ReportModel, limit: int) -> list[str]:
    if not model.actions:
        return []
    lines = ["#### What to do", ""]
    for a in model.actions[:limit]:
        fix = f" → {escape(a.fix)}" if a.fix else ""
        lines.append(f"- **{escape(a.severity.label)}** {escape(a.group)}: {escape(a.summary)}{fix}")
    if len(model.actions) > limit:
        lines.append(f"- … and {plural(len(model.actions) - limit, 'more action')}; see the HTML or JSON report.")
    return [*lines, ""]


def _rules_table(model: ReportModel) -> list[str]:
    if not model.rule_counts:
        return []
    lines = ["| Rule | Findings | Worst | Title |", "|---|---:|---|---|"]
    for r in model.rule_counts:
        lines.append(f"| {escape(r.rule_id)} | {r.count} | {escape(r.severity.label)} | {escape(r.title)} |")
    return [*lines, ""]


def _findings_table(findings: tuple[Finding, ...], limit: int) -> list[str]:
    if not findings:
        return ["No findings."]
    lines = ["| Severity | Rule | Subject | Message |", "|---|---|---|---|"]
    for f in findings[:limit]:
        lines.append(f"| {escape(f.severity.label)} | {escape(f.rule_id)} | {escape(f.subject)} "
                     f"| {escape(f.message)} |")
    if len(findings) > limit:
        more = Counter(f.severity.label for f in findings[limit:])
        detail = ", ".join(f"{more[s]} {s}" for s in SEVERITIES if more[s])
        lines.append("")
        lines.append(f"… and {len(findings) - limit} more ({detail}); see the HTML or JSON report.")
    return lines


def _sdk_list(sdks: tuple[SdkHit, ...], limit: int) -> list[str]:
    if not sdks:
        return ["No catalog SDK found."]
    ordered = sorted(sdks, key=lambda s: (s.name.casefold(), s.sdk_id))
    lines = []
    for s in ordered[:limit]:
        versions = f" {escape(', '.join(s.versions))}" if s.versions else ""
        lines.append(f"- **{escape(s.name)}**{versions}: {escape(s.vendor or 'vendor unknown')}, "
                     f"{escape(s.category)}, confidence {s.confidence:.0%}")
    if len(ordered) > limit:
        lines.append(f"- … and {len(ordered) - limit} more")
    return lines


def render(model: ReportModel, max_findings: int = MAX_FINDINGS, max_actions: int = 15) -> str:
    """A pull-request comment for ``model``."""
    sites = model.scan.data_access
    startup = sum(1 for a in sites if a.reachability in ("startup", "self-start"))
    lines = [_verdict(model), "", _identity(model), "", *_counts_table(model), ""]
    if startup:
        lines += [f"{plural(startup, 'personal-data call site')} reachable at start-up or self-start (before consent).", ""]
    expired = model.audit.expired_baseline
    if expired:
        lines += [(f"{plural(len(expired), 'baseline entry', 'baseline entries')} expired and no longer "
                  f"suppress{'es' if len(expired) == 1 else ''} their findings."), ""]
    lines += [*_actions(model, max_actions), *_rules_table(model)]
    lines += ["#### Findings", "", *_findings_table(model.audit.findings, max_findings), ""]
    lines += [f"#### SDKs ({len(model.scan.sdks)})", "", *_sdk_list(model.scan.sdks, MAX_SDKS), ""]
    return "\n".join(lines)


__all__ = ["escape", "render"]
