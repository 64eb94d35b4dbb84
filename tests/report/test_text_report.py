"""Terminal summary: at most 100 columns, every rule that fired counted, actions grouped by SDK, shortened
call chains, a verdict only with a gate, singular and plural right."""

from __future__ import annotations

import dataclasses

from report_samples import sample_audit, sample_model, sample_scan

from auditor.audit.model import AuditResult, Severity
from auditor.model import DataAccess
from auditor.report import text
from auditor.report.actions import short_chain
from auditor.report.textwidth import plural, width


def test_fits_100_columns_even_with_long_names(mini_catalog):
    scan = sample_scan()
    long_path = tuple(f"com.example.shop.module{i}.VeryLongClassNameNumber{i}.method{i}" for i in range(40)) + (
        "cn.jpush.android.helper.DeviceInfo.run",)
    sites = (dataclasses.replace(scan.data_access[0], path=long_path),) + scan.data_access[1:]
    scan = dataclasses.replace(scan, data_access=sites)
    out = text.render(sample_model(mini_catalog, scan=scan))
    assert max(width(line) for line in out.splitlines()) <= 100
    assert "VeryLongClassNameNumber5" not in out                 # the chain is shortened…
    assert "JPush: imei at startup: VeryLongClassNameNumber0.method0 → … → DeviceInfo.run → Telephony" in out


def test_every_rule_that_fired_is_counted(model):
    out = text.render(model)
    fired = {f.rule_id for f in model.audit.findings}
    counted = [line.split()[0] for line in out.splitlines() if line.startswith("  ") and line.split()[0] in fired]
    assert set(counted) == fired


def test_actions_grouped_by_sdk_with_their_fix(model):
    out = text.render(model)
    lines = out.splitlines()
    i = lines.index("What to do first")
    block = lines[i + 1:]
    assert block[0] == "  HIGH    JPush: reads imei at start-up from the Application class"
    assert block[1] == "          → initialise after consent"


def test_verdict_only_with_a_gate(mini_catalog):
    gated = text.render(sample_model(mini_catalog, fail_on=Severity.HIGH))
    assert "Verdict  FAIL (--fail-on high): 3 findings at or above high" in gated
    passing = text.render(sample_model(mini_catalog, fail_on=Severity.CRITICAL))
    assert "Verdict  PASS (--fail-on critical)" in passing
    ungated = text.render(sample_model(mini_catalog, fail_on=None))
    assert "PASS" not in ungated and "FAIL" not in ungated and "Verdict" not in ungated
    assert "6 findings; no gate given" in ungated


def test_singular_and_plural(mini_catalog):
    assert plural(1, "call site") == "1 call site" and plural(2, "call site") == "2 call sites"
    assert plural(1, "class", "classes") == "1 class" and plural(1_234, "class", "classes") == "1,234 classes"
    scan = dataclasses.replace(sample_scan(), data_access=sample_scan().data_access[:1])
    audit = dataclasses.replace(sample_audit(), findings=sample_audit().findings[:1], suppressed=())
    out = text.render(sample_model(mini_catalog, scan=scan, audit=audit, fail_on=None))
    assert "1 call site:" in out and "1 call sites" not in out
    assert "1 finding; no gate given" in out


def test_no_policy_says_so(mini_catalog):
    out = text.render(sample_model(mini_catalog, audit=AuditResult(()), policy=False, fail_on=None))
    assert "no --policy: policy rules did not run" in out


def test_short_chain():
    site = DataAccess("com.igexin.push.core.DeviceInfo", "read()V", "classes.dex",
                      "android.telephony.TelephonyManager.getImei", "imei", "getui", "startup",
                      path=("com.igexin.push.GtcProvider.onCreate", "com.igexin.a.b.c",
                            "com.igexin.push.core.DeviceInfo.read"))
    assert short_chain(site) == "GtcProvider.onCreate → … → DeviceInfo.read → TelephonyManager.getImei"


def test_action_title_keeps_acronyms():
    from auditor.report.actions import _lower_first
    assert _lower_first("SDK collects more than its policy row says") == "SDK collects more than its policy row says"
    assert _lower_first("IMEI read before consent") == "IMEI read before consent"
    assert _lower_first("Permission not in the policy") == "permission not in the policy"
    assert _lower_first("A") == "a"


def test_parts_listed_under_their_product_not_as_sdks(mini_catalog):
    from auditor.model import Evidence, SdkHit, SdkKind, SignalKind
    scan = sample_scan()
    jpush = dataclasses.replace(scan.sdks[0], parts=("jcore",))
    jcore = SdkHit("jcore", "JCore (Aurora common core)", None, "framework", 0.9,
                   (Evidence(SignalKind.CLASS, "cn.jiguang", "classes.dex", 30),), class_count=30,
                   kind=SdkKind.COMPONENT, product="jpush")
    scan = dataclasses.replace(scan, sdks=(jpush, jcore, *scan.sdks[1:]))
    lines = text.render(sample_model(mini_catalog, scan=scan)).splitlines()
    assert any(line.startswith("SDKs  3 found (+ 1 part)") for line in lines)
    i = next(i for i, line in enumerate(lines) if line.startswith("  JPush "))
    assert lines[i + 1].startswith("    + JCore (Aurora common core)")
    assert not any(line.startswith("  JCore") for line in lines)
