"""Baselines: accepted findings keyed by fingerprint, each with a justification and an optional expiry.

    {"baseline_version": 1, "tool": "auditor",
     "entries": [{"fingerprint": "...", "rule_id": "SDK-UNDISCLOSED", "subject": "glide",
                  "justification": "image loader, no personal data", "expires": "2027-06-30"}]}

new = scanned - baseline (while the entry has not expired). Expired entries stop suppressing and are
reported, so accepted risk is re-reviewed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

from auditor.audit.model import AuditResult, BaselineEntry, Finding
from auditor.errors import ConfigError
from auditor.inputs import load_json

BASELINE_VERSION = 1
MAX_BASELINE = 16 * 1024 * 1024


def load_baseline(path: Path) -> tuple[BaselineEntry, ...]:
    raw = load_json(path, "baseline", MAX_BASELINE)
    if not isinstance(raw, dict) or raw.get("baseline_version") != BASELINE_VERSION \
            or not isinstance(raw.get("entries"), list):
        raise ConfigError(f"{path}: not an auditor baseline (need baseline_version {BASELINE_VERSION} "
                          f"and an 'entries' list)")
    out = []
    for i, item in enumerate(raw["entries"], 1):
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
            raise ConfigError(f"{path}: entry {i} needs a 'fingerprint' string")
        expires = str(item.get("expires") or "")
        if expires:
            try:
                dt.date.fromisoformat(expires)
            except ValueError as exc:
                raise ConfigError(f"{path}: entry {i} has a bad 'expires' date {expires!r}") from exc
        out.append(BaselineEntry(item["fingerprint"], str(item.get("rule_id", "")), str(item.get("subject", "")),
                                 str(item.get("justification", "")), expires))
    return tuple(out)


def apply_baseline(result: AuditResult, entries: Iterable[BaselineEntry], today: dt.date) -> AuditResult:
    """Move findings accepted by a live entry to ``suppressed``; report expired entries that matched."""
    live: dict[str, BaselineEntry] = {}
    expired: dict[str, BaselineEntry] = {}
    for entry in entries:
        if entry.expires and dt.date.fromisoformat(entry.expires) < today:
            expired[entry.fingerprint] = entry
        else:
            live[entry.fingerprint] = entry
    active: list[Finding] = []
    suppressed: list[Finding] = []
    matched_expired: dict[str, BaselineEntry] = {}
    for finding in result.findings:
        if finding.fingerprint in live:
            suppressed.append(finding)
            continue
        if finding.fingerprint in expired:
            matched_expired[finding.fingerprint] = expired[finding.fingerprint]
        active.append(finding)
    return AuditResult(tuple(active), result.suppressed + tuple(suppressed),
                       tuple(matched_expired[k] for k in sorted(matched_expired)), result.policy_path)


def render_baseline(findings: Iterable[Finding], justification: str = "accepted at baseline creation",
                    expires: str = "") -> str:
    """A baseline accepting ``findings`` (sorted, deterministic)."""
    entries = []
    for f in sorted(findings, key=lambda f: (f.rule_id, f.subject)):
        item = {"fingerprint": f.fingerprint, "rule_id": f.rule_id, "subject": f.subject,
                "justification": justification}
        if expires:
            item["expires"] = expires
        entries.append(item)
    doc = {"baseline_version": BASELINE_VERSION, "tool": "auditor", "entries": entries}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
