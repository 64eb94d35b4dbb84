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
from auditor.inputs import Problems, load_json

BASELINE_VERSION = 1
MAX_BASELINE = 16 * 1024 * 1024


_KEYS = ("baseline_version", "tool", "entries")
_ENTRY_KEYS = ("fingerprint", "rule_id", "subject", "justification", "expires")
MAX_TEXT = 4096
"""Longest justification or subject kept (a longer one is refused, not cut)."""


def load_baseline(path: Path) -> tuple[BaselineEntry, ...]:
    """Read and validate a baseline; one :class:`ConfigError` (exit 4) lists every problem."""
    raw = load_json(path, "baseline", MAX_BASELINE)
    check = Problems(path, "baseline")
    doc = check.mapping(raw, "", _KEYS)
    if isinstance(raw, dict):
        version = doc.get("baseline_version")
        if type(version) is not int or version != BASELINE_VERSION:
            check.add("baseline_version", f"must be {BASELINE_VERSION} (this is not an auditor baseline "
                                          f"of a version this auditor reads)")
        if "entries" not in doc:
            check.add("", "needs an 'entries' list")
    out = []
    for i, item in enumerate(check.items_of(doc.get("entries", []), "entries"), 1):
        where = f"entries[{i}]"
        entry = check.mapping(item, where, _ENTRY_KEYS)
        if not isinstance(item, dict):
            continue
        fields = {key: check.string(entry.get(key), f"{where}.{key}", required=key == "fingerprint")
                  for key in _ENTRY_KEYS}
        for key, text in fields.items():
            if len(text) > MAX_TEXT:
                check.add(f"{where}.{key}", f"is longer than {MAX_TEXT} characters")
        if fields["expires"]:
            try:
                dt.date.fromisoformat(fields["expires"])
            except ValueError:
                check.add(f"{where}.expires", f"{fields['expires'][:40]!r} is not a date (YYYY-MM-DD)")
                fields["expires"] = ""
        if fields["fingerprint"]:
            out.append(BaselineEntry(fields["fingerprint"], fields["rule_id"], fields["subject"],
                                     fields["justification"], fields["expires"]))
    check.raise_if_any()
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
