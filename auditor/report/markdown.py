"""Markdown for pull-request comments (``--format md``), rendered from the JSON report dict.

Every string that comes from the build, the catalog or the policy goes through :func:`escape`: a class
name or an SDK name cannot break a table, open a link, start an HTML tag or a code span.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

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


def _verdict(summary: Mapping[str, Any]) -> str:
    total = summary.get("total", 0)
    fail_on = summary.get("fail_on")
    if summary.get("verdict") == "fail":
        failing = _at_or_above(summary.get("counts", {}), fail_on)
        return f"### ❌ Privacy audit failed: {failing} finding{'s' if failing != 1 else ''} at or above **{fail_on}**"
    gate = f"no finding at or above **{fail_on}**" if fail_on else "no gate set"
    return f"### ✅ Privacy audit passed ({gate}; {total} finding{'s' if total != 1 else ''})"


def _at_or_above(counts: Mapping[str, int], fail_on: str | None) -> int:
    if fail_on not in SEVERITIES:
        return 0
    return sum(int(counts.get(s, 0)) for s in SEVERITIES[: SEVERITIES.index(fail_on) + 1])


def _identity(report: Mapping[str, Any]) -> str:
    b = report.get("build", {})
    version = escape(b.get("version_name") or "?")
    if b.get("version_code") is not None:
        version += f" \\({int(b['version_code'])}\\)"
    sha = str(b.get("sha256", ""))
    sha_text = f"`{sha[:16]}…`" if _HEX.fullmatch(sha) else escape(sha[:16])
    parts = [f"**{escape(b.get('package', ''))}** {version}", f"sha256 {sha_text}"]
    if b.get("target_sdk") is not None:
        parts.append(f"target SDK {int(b['target_sdk'])}")
    catalog = report.get("catalog") or {}
    parts.append(f"catalog {escape(catalog.get('version', '?'))}")
    policy = report.get("policy")
    parts.append(f"policy {escape(policy.get('path', ''))}" if policy else "no policy")
    return " · ".join(parts)


def _counts_table(summary: Mapping[str, Any]) -> list[str]:
    counts = summary.get("counts", {})
    return ["| " + " | ".join(s.capitalize() for s in SEVERITIES) + " | Suppressed |",
            "|" + "---:|" * (len(SEVERITIES) + 1),
            "| " + " | ".join(str(int(counts.get(s, 0))) for s in SEVERITIES)
            + f" | {int(summary.get('suppressed', 0))} |"]


def _findings_table(findings: list[Mapping[str, Any]], limit: int) -> list[str]:
    if not findings:
        return ["No findings."]
    lines = ["| Severity | Rule | Subject | Message |", "|---|---|---|---|"]
    for f in findings[:limit]:
        lines.append(f"| {escape(f['severity'])} | {escape(f['rule_id'])} | {escape(f['subject'])} "
                     f"| {escape(f['message'])} |")
    if len(findings) > limit:
        more = Counter(f["severity"] for f in findings[limit:])
        detail = ", ".join(f"{more[s]} {s}" for s in SEVERITIES if more[s])
        lines.append("")
        lines.append(f"… and {len(findings) - limit} more ({detail}); see the HTML or JSON report.")
    return lines


def _sdk_list(sdks: list[Mapping[str, Any]], limit: int) -> list[str]:
    if not sdks:
        return ["No catalog SDK found."]
    ordered = sorted(sdks, key=lambda s: (str(s["name"]).casefold(), s["id"]))
    lines = []
    for s in ordered[:limit]:
        versions = f" {escape(', '.join(s.get('versions', [])))}" if s.get("versions") else ""
        lines.append(f"- **{escape(s['name'])}**{versions}: {escape(s.get('vendor') or 'vendor unknown')}, "
                     f"{escape(s.get('category', ''))}, confidence {float(s.get('confidence', 0)):.0%}")
    if len(ordered) > limit:
        lines.append(f"- … and {len(ordered) - limit} more")
    return lines


def render(report: Mapping[str, Any], max_findings: int = MAX_FINDINGS) -> str:
    """A pull-request comment for ``report`` (``json_report.to_dict``)."""
    summary = report.get("summary", {})
    findings = list(report.get("findings", []))
    startup = sum(1 for a in report.get("data_access", []) if a.get("reachability") in ("startup", "self-start"))
    lines = [_verdict(summary), "", _identity(report), "", *_counts_table(summary), ""]
    if startup:
        plural = "s" if startup != 1 else ""
        lines += [f"{startup} personal-data call site{plural} reachable at start-up or self-start (before consent).", ""]
    expired = report.get("baseline", {}).get("expired", [])
    if expired:
        entries = "entries" if len(expired) != 1 else "entry"
        lines += [f"{len(expired)} baseline {entries} expired and no longer suppress their findings.", ""]
    lines += ["#### Findings", "", *_findings_table(findings, max_findings), ""]
    sdks = list(report.get("sdks", []))
    lines += [f"#### SDKs ({len(sdks)})", "", *_sdk_list(sdks, MAX_SDKS), ""]
    return "\n".join(lines)
