"""Markdown for pull-request comments: escaping, the findings cap, verdict, determinism."""

from __future__ import annotations

import copy
import re

import pytest

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


def test_app_strings_cannot_break_the_table_or_inject(report):
    out = markdown.render(report)
    rows = _table_rows(out, "| Severity | Rule | Subject | Message |")
    assert len(rows) == len(report["findings"])
    assert all(_cells(r) == 4 for r in rows)
    assert "<script" not in out and "<b>" not in out
    assert "](" not in out.replace("\\](", "")  # no live link syntax
    assert "`tick`" not in out


def test_verdict_and_counts(report):
    out = markdown.render(report)
    assert out.splitlines()[0] == "### ❌ Privacy audit failed: 3 findings at or above **high**"
    assert "| 0 | 3 | 1 | 0 | 2 | 1 |" in out
    assert "**com.example.shop** 2.3.1 \\(231\\)" in out
    assert "1 personal-data call site reachable at start-up or self-start" in out


def test_pass_line(report):
    report["summary"].update(verdict="pass", fail_on=None)
    assert markdown.render(report).startswith("### ✅ Privacy audit passed (no gate set; 6 findings)")


def test_findings_capped_with_and_more(report):
    base = report["findings"][0]
    report["findings"] = [dict(base, subject=f"s{i}") for i in range(57)]
    out = markdown.render(report)
    rows = _table_rows(out, "| Severity | Rule | Subject | Message |")
    assert len(rows) == 50
    assert "… and 7 more (7 high); see the HTML or JSON report." in out


def test_sdk_list(report):
    out = markdown.render(report)
    assert "#### SDKs (3)" in out
    assert "- **JPush** 5.0.3: Shenzhen Hexun Huagu Information Technology Co., Ltd., push, confidence 95%" in out
    assert "- **Umeng &lt;script&gt;alert\\(1\\)&lt;/script&gt;**" in out


def test_deterministic(report):
    assert markdown.render(report) == markdown.render(copy.deepcopy(report))
