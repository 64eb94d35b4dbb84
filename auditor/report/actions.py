"""Findings and call sites grouped by SDK product, and the actions a release engineer takes first.

A finding belongs to the SDK its subject names (``jpush``, ``jpush:imei``), mapped to the product the SDK
ships in; findings about the app's own code, permissions, data types, the policy's SDK list and unknown
code get a group of their own. One action per group and rule: what is wrong, shortened, then the rule's
fix ("Getui: reads 9 kinds of data at start-up through its provider GtcProvider → initialise after
consent").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from auditor.audit.knowledge import short_name
from auditor.audit.model import AuditResult, Finding, Severity
from auditor.model import DataAccess, ScanResult, SdkHit
from auditor.report.facts import CatalogFacts
from auditor.report.model import RuleView

APP, UNKNOWN_CODE, PERMISSIONS, DATA, POLICY, OTHER = (
    "app", "unknown-code", "permissions", "data", "policy", "other")
_LABELS = {APP: "App code", UNKNOWN_CODE: "Unknown code", PERMISSIONS: "Permissions", DATA: "Personal data",
           POLICY: "Policy SDK list", OTHER: "Other", "unknown": "Unknown code"}
_RULE_GROUP = (("PERM-", PERMISSIONS), ("DATA-", DATA), ("CODE-", UNKNOWN_CODE), ("SDK-", POLICY))
SUMMARY_WIDTH = 160


@dataclass(frozen=True)
class SdkGroup:
    """One SDK product (with the parts found in the build), or one of the non-SDK groups."""

    key: str
    """Product id, or ``app``, ``unknown-code``, ``permissions``, ``data``, ``policy``, ``other``."""
    label: str
    is_sdk: bool
    hits: tuple[SdkHit, ...]
    """The product and its parts as detected (empty for non-SDK groups)."""
    findings: tuple[Finding, ...]
    sites: tuple[DataAccess, ...]
    """Call sites owned by the product's parts (or by the app for the app group)."""

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


@dataclass(frozen=True)
class Action:
    group: str
    """Group label: an SDK product name, ``Permissions``..."""
    rule_id: str
    severity: Severity
    count: int
    """Findings behind this action."""
    summary: str
    fix: str

    def line(self) -> str:
        return f"{self.group}: {self.summary}" + (f" → {self.fix}" if self.fix else "")


def finding_group(f: Finding, sdk_ids: frozenset[str], facts: CatalogFacts) -> str:
    """The group key a finding belongs to."""
    owner = f.subject.split(":", 1)[0] if ":" in f.subject else f.subject
    if f.subject in sdk_ids or (":" in f.subject and owner in sdk_ids):
        return facts.product_of(owner)
    if ":" in f.subject and owner in ("app", "unknown"):
        return APP if owner == "app" else UNKNOWN_CODE
    return next((g for prefix, g in _RULE_GROUP if f.rule_id.startswith(prefix)), OTHER)


def _label(key: str, hits: list[SdkHit], facts: CatalogFacts) -> str:
    f = facts.get(key)
    if f is not None:
        return f.name
    return next((h.name for h in hits if h.sdk_id == key), None) or _LABELS.get(key, key)


def group_findings(scan: ScanResult, audit: AuditResult, facts: CatalogFacts) -> tuple[SdkGroup, ...]:
    """Groups with findings or detected SDKs: SDK products first (worst finding first), then the rest."""
    sdk_ids = frozenset(h.sdk_id for h in scan.sdks)
    hits: dict[str, list[SdkHit]] = {}
    for h in scan.sdks:
        hits.setdefault(facts.product_of(h.sdk_id), []).append(h)
    findings: dict[str, list[Finding]] = {}
    for f in audit.findings:
        findings.setdefault(finding_group(f, sdk_ids, facts), []).append(f)
    sites: dict[str, list[DataAccess]] = {}
    for s in scan.data_access:
        key = APP if s.owner == "app" else UNKNOWN_CODE if s.owner == "unknown" else facts.product_of(s.owner)
        sites.setdefault(key, []).append(s)
    out = [SdkGroup(key, _label(key, hits.get(key, []), facts), key in hits or facts.get(key) is not None,
                    tuple(hits.get(key, ())), tuple(findings.get(key, ())), tuple(sites.get(key, ())))
           for key in dict.fromkeys([*hits, *findings])]
    return tuple(sorted(out, key=lambda g: (not g.is_sdk, -(g.worst if g.worst is not None else -1),
                                             g.label.casefold(), g.key)))


def _clip(text: str, width: int = SUMMARY_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _simple(name: str) -> str:
    """``com.igexin.push.GtcProvider.onCreate`` -> ``GtcProvider.onCreate``; a class -> its simple name."""
    parts = name.split(".")
    if len(parts) >= 2 and parts[-2][:1].isupper():
        return ".".join(parts[-2:])
    return parts[-1]


def _entry(start: str, scan: ScanResult) -> str:
    entry_class = start.rsplit(".", 1)[0]
    manifest = scan.build.manifest
    if entry_class == manifest.application_class:
        return "the Application class"
    kind = next((c.kind for c in manifest.components if c.name == entry_class), "")
    what = {"provider": "its provider", "receiver": "its receiver", "service": "its service"}.get(kind, "")
    return f"{what} {_simple(entry_class)}" if what else _simple(start)


def _entry_phrase(sites: list[DataAccess], scan: ScanResult) -> str:
    entries = list(dict.fromkeys(_entry(s.path[0], scan) for s in sites if s.path))
    if not entries:
        return ""
    listed = " and ".join(entries[:2]) + (f" and {len(entries) - 2} more" if len(entries) > 2 else "")
    return f" through {listed}" if not listed.startswith("the Application") else f" from {listed}"


def _startup_summary(findings: list[Finding], scan: ScanResult) -> str:
    owners = {f.subject.split(":", 1)[0] for f in findings}
    types = sorted({f.subject.split(":", 1)[1] for f in findings if ":" in f.subject})
    sites = [s for s in scan.data_access if s.owner in owners and s.reachability == "startup"
             and s.data_type in types]
    kinds = f"{len(types)} kinds of data" if len(types) != 1 else types[0]
    listed = f" ({', '.join(types[:4])}{', …' if len(types) > 4 else ''})" if len(types) > 1 else ""
    return f"reads {kinds}{listed} at start-up{_entry_phrase(sites, scan)}"


def _without_name(summary: str, names: list[str]) -> str:
    """``"JPush (Aurora (CN), push) is in the build..."`` -> ``"is in the build..."`` (the group names it)."""
    for name in sorted(set(names), key=len, reverse=True):
        if not name or not summary.startswith(name):
            continue
        i = len(name)
        while i < len(summary) and summary[i] == " ":
            i += 1
        if i < len(summary) and summary[i] == "(":  # skip one balanced parenthesis
            depth = 0
            for j in range(i, len(summary)):
                depth += {"(": 1, ")": -1}.get(summary[j], 0)
                if depth == 0:
                    i = j + 1
                    break
        rest = summary[i:].lstrip(" :")
        if rest:
            return rest
    return summary


def _subject(f: Finding) -> str:
    return short_name(f.subject.split(":", 1)[-1])


def _default_summary(findings: list[Finding], rule: RuleView | None) -> str:
    if len(findings) == 1:
        return findings[0].message
    subjects = sorted({_subject(f) for f in findings})
    title = rule.title if rule else findings[0].rule_id
    return f"{len(findings)} × {_lower_first(title)}: {', '.join(subjects[:6])}" + (
        ", …" if len(subjects) > 6 else "")


def _lower_first(title: str) -> str:
    """``title`` to follow "N ×": first letter lowered unless its first word is an acronym ("SDK", "IMEI")."""
    first = title.split(" ", 1)[0]
    if len(first) > 1 and first[:2].isupper():
        return title
    return title[:1].lower() + title[1:]


Summarizer = Callable[[list[Finding], ScanResult], str]
_SUMMARIES: Mapping[str, Summarizer] = {"DATA-BEFORE-CONSENT": _startup_summary}


def actions_for(group: SdkGroup, rules: Mapping[str, RuleView], scan: ScanResult) -> list[Action]:
    by_rule: dict[str, list[Finding]] = {}
    for f in group.findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    out = []
    for rule_id, items in by_rule.items():
        rule = rules.get(rule_id)
        special = _SUMMARIES.get(rule_id)
        summary = special(items, scan) if special else _default_summary(items, rule)
        if group.is_sdk:
            summary = _without_name(summary, [group.label, *(h.name for h in group.hits)])
        out.append(Action(group.label, rule_id, max(f.severity for f in items), len(items), _clip(summary),
                          rule.fix if rule else ""))
    return out


def top_actions(groups: tuple[SdkGroup, ...], rules: Mapping[str, RuleView], scan: ScanResult
                ) -> tuple[Action, ...]:
    """Every action, most severe first, then the one covering most findings."""
    out = [a for g in groups for a in actions_for(g, rules, scan)]
    return tuple(sorted(out, key=lambda a: (-a.severity, -a.count, a.group.casefold(), a.rule_id)))


def short_chain(site: DataAccess) -> str:
    """``entry → … → caller → API`` with simple class names (the full path is in JSON and HTML)."""
    steps = [_simple(s) for s in site.path] or [_simple(f"{site.caller_class}.{site.caller_method.split('(')[0]}")]
    if len(steps) > 2:
        steps = [steps[0], "…", steps[-1]]
    return " → ".join([*steps, _simple(site.api)])
