"""HTML report: escaping of app-controlled strings, the SDK x data-type matrix, sections, determinism."""

from __future__ import annotations

import copy
import re

import pytest
from report_samples import ALERT, PAYLOAD, sample_scan

from auditor.audit.model import AuditResult, Severity
from auditor.audit.rules import all_rules
from auditor.report import html
from auditor.report.json_report import to_dict

RULES = [r.info for r in all_rules()]


def _render(report: dict) -> str:
    return html.render(report, RULES)


def test_app_controlled_markup_is_text(report):
    out = _render(report)
    # the only script element is the report's own print helper
    assert out.count("<script") == 1
    assert ALERT not in out and PAYLOAD not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out                       # SDK name
    assert "com.umeng.analytics.&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in out  # class
    assert "Umeng &lt;b&gt;Inc&lt;/b&gt;" in out                                  # vendor
    assert "<b>Inc</b>" not in out


def test_content_security_policy_allows_only_the_own_script(report):
    out = _render(report)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', out).group(1)
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_self_contained(report):
    out = _render(report)
    assert not re.search(r'\ssrc\s*=', out)
    assert not re.search(r'<link[^>]+stylesheet', out)
    assert not re.search(r'(href|src)="(https?:)?//', out)
    assert "@media print" in out


def test_matrix_counts(report):
    m = html.data_matrix(report)
    assert m.columns == ("imei", "android-id", "mac", "location-fine")   # vocabulary order
    assert [r.label for r in m.rows] == ["JPush", "Umeng " + ALERT, "App", "Unknown"]
    cells = {(r.owner, dt): c for r in m.rows for dt, c in zip(m.columns, r.cells) if c is not None}
    assert set(cells) == {("jpush", "imei"), ("jpush", "android-id"), ("umeng-analytics", "imei"),
                          ("app", "location-fine"), ("unknown", "mac")}
    jp = cells[("jpush", "imei")]
    assert (jp.total, jp.startup, jp.reachable, jp.dead, jp.state) == (2, 1, 1, 0, "startup")
    assert (cells[("jpush", "android-id")].total, cells[("jpush", "android-id")].state) == (1, "dead")
    app = cells[("app", "location-fine")]
    assert (app.total, app.reachable, app.dead, app.state) == (2, 1, 1, "reachable")
    assert cells[("umeng-analytics", "imei")].total == 1


def test_matrix_cells_link_to_their_call_sites(report):
    out = _render(report)
    m = html.data_matrix(report)
    for row in m.rows:
        for cell in row.cells:
            if cell is not None:
                assert f'href="#{cell.anchor}"' in out
                assert f'id="{cell.anchor}"' in out
    # the start-up marker sits only in the JPush/imei cell
    assert out.count(" ●</a>") == 1
    assert "com.example.shop.App.onCreate()V" in out   # path from the entry point


def test_summary_first_with_identity(report):
    out = _render(report)
    assert out.index('id="summary"') < out.index('id="findings"') < out.index('id="sdks"')
    assert "FAIL" in out and "ab" * 32 in out and "target 34" in out and "version test-1" in out
    counts = re.findall(r'<div class="count sev-(\w+)[^"]*"><b>(\d+)</b>', out)
    assert counts == [("critical", "0"), ("high", "3"), ("medium", "1"), ("low", "0"), ("info", "2")]


def test_findings_have_rule_title_help_and_policy_lines(report):
    out = _render(report)
    info = {r.id: r for r in RULES}
    for rule_id in ("SDK-UNDISCLOSED", "PERM-UNDISCLOSED", "SDK-DATA-BEYOND", "SDK-STALE"):
        assert info[rule_id].title in out
        assert html_escape(info[rule_id].help) in out
    assert "<b>lines 41–43</b>" in out and "<b>line 50</b>" in out
    assert out.index("DATA-BEFORE-CONSENT") < out.index("SDK-DATA-BEYOND") < out.index("SDK-STALE")


def html_escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_permission_disclosed_column_from_findings(report):
    rows = {p["name"]: p for p in html.context(report, RULES)["permissions"]}
    assert rows["android.permission.READ_PHONE_STATE"]["disclosed"] == "no"
    assert rows["android.permission.CAMERA"]["disclosed"] == "no"         # suppressed, still undisclosed
    assert rows["android.permission.ACCESS_FINE_LOCATION"]["disclosed"] == "yes"
    assert rows["android.permission.INTERNET"]["disclosed"] == "n/a"
    assert "<th>Disclosed</th>" in _render(report)


def test_no_policy_no_disclosed_column_no_coverage():
    report = to_dict(sample_scan(), AuditResult(()), None)
    out = _render(report)
    assert "<th>Disclosed</th>" not in out and 'id="coverage"' not in out
    assert "No gate set" in out and "No findings." in out


def test_policy_coverage(report):
    cov = html.context(report, RULES)["coverage"]
    assert cov["named"] == ["JPush", "ZXing"]
    assert cov["undisclosed"] == ["Umeng " + ALERT]
    assert cov["stale"] == ["getui"]
    assert cov["data_beyond"] == ["JPush"]


def test_rules_as_dicts_or_default_registry(report):
    as_dicts = [{"id": r.id, "title": r.title, "severity": r.severity.label, "help": r.help} for r in RULES]
    assert html.render(report, as_dicts) == _render(report) == html.render(report)


def test_deterministic(report):
    first = _render(report)
    assert _render(copy.deepcopy(report)) == first
    assert _render(to_dict(sample_scan(), None, Severity.HIGH)) == _render(to_dict(sample_scan(), None, Severity.HIGH))


def test_minimal_report_renders():
    """Optional blocks empty or absent: StrictUndefined must not trip."""
    report = to_dict(sample_scan(), AuditResult(()))
    for key in ("sdks", "data_access", "unknown_packages", "permissions", "native_libs"):
        report[key] = []
    out = _render(report)
    assert "No catalog SDK found" in out and "No call site reaching personal data" in out


@pytest.mark.parametrize("verdict,fail_on,text", [("fail", "high", "FAIL"), ("pass", "high", "No finding at or above")])
def test_verdict(report, verdict, fail_on, text):
    report["summary"]["verdict"], report["summary"]["fail_on"] = verdict, fail_on
    assert text in _render(report)


def test_app_label_is_escaped(report):
    out = _render(report)
    assert "Shop &lt;script&gt;document.title=" in out
    assert "Shop <script>" not in out
