"""Markdown for pull-request comments: escaping, the findings cap, verdict, determinism."""

from __future__ import annotations

import re

import pytest
from report_samples import sample_model

from auditor.audit.model import Severity
from auditor.report import markdown
from auditor.report.markdown import escape


@pytest.mark.parametrize("raw,expected", [
    ("a|b", r"a\|b"),
    ("`code`", r"\`code\`"),
    ("<script>alert(1)</script>", r"&lt;script&gt;alert\(1\)&lt;/script&gt;"),
    ("[click](https://evil.example)", r"\[click\]\(https\://evil.example\)"),
    ("*bold* _it_ ~~s~~", r"\*bold\* \_it\_ \~\~s\~\~"),
    ("line1\nline2\r\n|x", r"line1 line2 \|x"),
    ("www.evil.example", r"www\.evil.example"),
    ("a&lt;b", "a&amp;lt;b"),
    ("back\\slash", r"back\\slash"),
    ("com.example.Foo$Bar", "com.example.Foo$Bar"),
])
def test_escape(raw, expected):
    assert escape(raw) == expected


def test_escape_cuts_long_text_before_escaping():
    out = escape("|" * 1000, limit=10)
    assert out == "\\|" * 9 + "…"


def _table_rows(text: str, header: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(header)
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def _cells(row: str) -> int:
    """Cells of a GFM table row, honouring backslash-escaped pipes."""
    return len(re.split(r"(?<!\\)\|", row.strip())[1:-1])


def test_app_strings_cannot_break_the_table_or_inject(model):
    out = markdown.render(model)
    rows = _table_rows(out, "| Severity | Rule | Subject | Message |")
    assert len(rows) == len(model.audit.findings)
    assert all(_cells(r) == 4 for r in rows)
    assert "<script" not in out and "<b>" not in out
    assert "](" not in out.replace("\\](", "")  # no live link syntax
    assert "`tick`" not in out


def test_verdict_and_counts(model):
    out = markdown.render(model)
    assert out.splitlines()[0] == "### ❌ Privacy audit failed: 3 findings at or above high (--fail-on high)"
    assert "| 0 | 3 | 1 | 0 | 2 | 1 |" in out
    assert "**com.example.shop** 2.3.1 \\(231\\)" in out
    assert "1 personal-data call site reachable at start-up or self-start" in out


def test_no_verdict_without_a_gate(mini_catalog):
    out = markdown.render(sample_model(mini_catalog, fail_on=None))
    assert out.splitlines()[0] == "### Privacy audit: 6 findings (no gate given, so no verdict)"
    assert "passed" not in out and "failed" not in out


def test_pass_line(mini_catalog):
    out = markdown.render(sample_model(mini_catalog, fail_on=Severity.CRITICAL))
    assert out.startswith("### ✅ Privacy audit passed (--fail-on critical; 6 findings)")


def test_findings_capped_with_and_more(mini_catalog):
    import dataclasses

    from report_samples import sample_audit

    audit = sample_audit()
    base = audit.findings[0]
    many = tuple(dataclasses.replace(base, subject=f"s{i}", fingerprint=f"f{i}") for i in range(57))
    out = markdown.render(sample_model(mini_catalog, audit=dataclasses.replace(audit, findings=many)))
    rows = _table_rows(out, "| Severity | Rule | Subject | Message |")
    assert len(rows) == 50
    assert "… and 7 more (7 high); see the HTML or JSON report." in out


def test_actions_and_rule_counts(model):
    out = markdown.render(model)
    assert "#### What to do" in out
    assert "- **high** JPush: reads imei at start-up from the Application class → initialise after consent" in out
    rows = _table_rows(out, "| Rule | Findings | Worst | Title |")
    assert len(rows) == 6 and all(_cells(r) == 4 for r in rows)


def test_sdk_list(model):
    out = markdown.render(model)
    assert "#### SDKs (3)" in out
    assert "- **JPush** 5.0.3: Shenzhen Hexun Huagu Information Technology Co., Ltd., push, confidence 95%" in out
    assert "- **Umeng &lt;script&gt;alert\\(1\\)&lt;/script&gt;**" in out


def test_deterministic(model, mini_catalog):
    assert markdown.render(model) == markdown.render(sample_model(mini_catalog))
