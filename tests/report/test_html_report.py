"""HTML report: escaping of app-controlled strings, the SDK x data-type matrix, sections, coverage computed
from the build and the policy, verdict only with a gate, determinism."""

from __future__ import annotations

import re

from report_samples import ALERT, PAYLOAD, sample_model, sample_scan

from auditor.audit.model import AuditResult, Severity
from auditor.audit.rules import all_rules
from auditor.report import html

RULES = [r.info for r in all_rules()]


def _render(model) -> str:
    return html.render(model)


def test_app_controlled_markup_is_text(model):
    out = _render(model)
    # the only script element is the report's own print helper
    assert out.count("<script") == 1
    assert ALERT not in out and PAYLOAD not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out                       # SDK name
    assert "com.umeng.analytics.&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in out  # class
    assert "Umeng &lt;b&gt;Inc&lt;/b&gt;" in out                                  # vendor
    assert "<b>Inc</b>" not in out


def test_content_security_policy_allows_only_the_own_script(model):
    out = _render(model)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', out).group(1)
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_self_contained(model):
    out = _render(model)
    assert not re.search(r'\ssrc\s*=', out)
    assert not re.search(r'<link[^>]+stylesheet', out)
    assert not re.search(r'(href|src)="(https?:)?//', out)
    assert "@media print" in out


def test_matrix_counts(model):
    m = html.data_matrix(model.scan)
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


def test_matrix_cells_link_to_their_call_sites(model):
    out = _render(model)
    m = html.data_matrix(model.scan)
    for row in m.rows:
        for cell in row.cells:
            if cell is not None:
                assert f'href="#{cell.anchor}"' in out
                assert f'id="{cell.anchor}"' in out
    # the start-up marker sits only in the JPush/imei cell
    assert out.count(" ●</a>") == 1
    assert "com.example.shop.App.onCreate()V" in out   # path from the entry point


def test_summary_first_with_identity(model):
    out = _render(model)
    assert out.index('id="todo"') < out.index('id="summary"') < out.index('id="findings"') < out.index('id="sdks"')
    assert "FAIL" in out and "ab" * 32 in out and "target 34" in out and "version test-1" in out
    counts = re.findall(r'<div class="count sev-(\w+)[^"]*"><b>(\d+)</b>', out)
    assert counts == [("critical", "0"), ("high", "3"), ("medium", "1"), ("low", "0"), ("info", "2")]


def test_findings_have_rule_title_help_and_policy_lines(model):
    out = _render(model)
    info = {r.id: r for r in RULES}
    for rule_id in ("SDK-UNDISCLOSED", "PERM-UNDISCLOSED", "SDK-DATA-BEYOND", "SDK-STALE"):
        assert info[rule_id].title in out
        assert html_escape(info[rule_id].help) in out
    assert "<b>lines 41–43</b>" in out and "<b>line 50</b>" in out
    findings = out[out.index('id="findings"'):]
    assert findings.index("DATA-BEFORE-CONSENT") < findings.index("SDK-DATA-BEYOND") < findings.index("SDK-STALE")
    # evidence is folded
    assert re.search(r"<details><summary>Evidence \(1\)</summary>\s*<ul class=\"evidence\">", out)


def html_escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_permission_disclosed_column_from_the_policy(model):
    rows = {p["name"]: p for p in html.context(model)["permissions"]}
    assert rows["android.permission.READ_PHONE_STATE"]["disclosed"] == "no"
    assert rows["android.permission.CAMERA"]["disclosed"] == "no"         # suppressed, still undisclosed
    assert rows["android.permission.ACCESS_FINE_LOCATION"]["disclosed"] == "yes"
    assert rows["android.permission.INTERNET"]["disclosed"] == "n/a"
    assert "<th>Disclosed</th>" in _render(model)


def test_no_policy_no_disclosed_column_no_coverage(mini_catalog):
    model = sample_model(mini_catalog, fail_on=None, audit=AuditResult(()), policy=False)
    out = _render(model)
    assert "<th>Disclosed</th>" not in out and 'id="coverage"' not in out
    assert "No findings." in out and "Nothing to do" in out


def test_policy_coverage(model):
    cov = html.context(model)["coverage"]
    assert cov["named"] == ["JPush", "ZXing"]
    assert cov["undisclosed"] == ["Umeng " + ALERT]
    assert cov["stale"] == ["个推"]
    assert cov["unresolved"] == ["FooSDK"]
    assert cov["data_undisclosed"] == ["imei"]


def test_coverage_does_not_come_from_findings(mini_catalog):
    """A disabled rule (no SDK-UNDISCLOSED or PERM-UNDISCLOSED finding) must not make anything look disclosed."""
    model = sample_model(mini_catalog, audit=AuditResult((), policy_path="policy.html"))
    cov = html.context(model)["coverage"]
    assert cov["undisclosed"] == ["Umeng " + ALERT] and cov["named"] == ["JPush", "ZXing"]
    rows = {p["name"]: p for p in html.context(model)["permissions"]}
    assert rows["android.permission.READ_PHONE_STATE"]["disclosed"] == "no"


def test_deterministic(model, mini_catalog):
    assert _render(model) == _render(sample_model(mini_catalog))


def test_minimal_report_renders(mini_catalog):
    """Optional blocks empty or absent: StrictUndefined must not trip."""
    import dataclasses

    scan = dataclasses.replace(sample_scan(), sdks=(), data_access=(), unknown_packages=(), permissions=())
    out = _render(sample_model(mini_catalog, fail_on=None, audit=AuditResult(()), policy=False, scan=scan))
    assert "No catalog SDK found" in out and "No call site reaching personal data" in out


def test_verdict_only_with_a_gate(mini_catalog):
    gated = _render(sample_model(mini_catalog, fail_on=Severity.HIGH))
    assert '<div class="verdict fail">FAIL' in gated and "3 findings at or above high (--fail-on high)" in gated
    passing = _render(sample_model(mini_catalog, fail_on=Severity.CRITICAL))
    assert '<div class="verdict pass">PASS' in passing
    ungated = _render(sample_model(mini_catalog, fail_on=None))
    assert "PASS" not in ungated and "FAIL" not in ungated and "passed" not in ungated
    assert "No gate given" in ungated


def test_opens_with_what_to_do_grouped_by_sdk(model):
    actions = html.context(model)["actions"]
    assert actions[0]["severity"] == "high"
    jpush = [a for a in actions if a["group"] == "JPush"]
    assert {a["rule_id"] for a in jpush} == {"DATA-BEFORE-CONSENT", "SDK-DATA-BEYOND"}
    assert next(a for a in jpush if a["rule_id"] == "DATA-BEFORE-CONSENT")["fix"] == "initialise after consent"


def test_app_label_is_escaped(model):
    out = _render(model)
    assert "Shop &lt;script&gt;document.title=" in out
    assert "Shop <script>" not in out
