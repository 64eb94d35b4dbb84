"""Every rule on a synthetic build + policy: exactly the expected findings, with stable fingerprints."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import DataD, DisclosureD, Ev, PermD, SceneD, SdkRowD, make_build, make_scan

from auditor.audit import run_audit
from auditor.audit.baseline import apply_baseline, load_baseline, render_baseline
from auditor.audit.config import AuditConfig, load_config
from auditor.audit.diff import diff_builds
from auditor.audit.engine import rule_ids
from auditor.audit.model import Finding, Severity
from auditor.audit.rules import all_rules
from auditor.audit.rules.sdks import vendors_match
from auditor.audit.scenes import SceneSpec
from auditor.catalog.model import LocalText
from auditor.detect.matcher import Matcher
from auditor.errors import ConfigError
from auditor.model import DataAccess
from auditor.permissions import PermissionDb

P = "android.permission."


@pytest.fixture(scope="module")
def parts(mini_catalog):
    return mini_catalog, Matcher.from_catalog(mini_catalog), PermissionDb.load()


def _scan(parts, data_access=()):
    build = make_build(
        classes=["cn.jpush.android.api.JPushInterface", "com.umeng.analytics.MobclickAgent",
                 "com.umeng.message.PushAgent"] + [f"org.unknown.lib.C{i}" for i in range(6)],
        permissions=[P + "CAMERA", P + "READ_PHONE_STATE", P + "ACCESS_FINE_LOCATION", P + "INTERNET",
                     P + "READ_CONTACTS", P + "SYSTEM_ALERT_WINDOW"],
    )
    return make_scan(build, parts, data_access)


POLICY = DisclosureD(
    sdks=(
        SdkRowD("极光推送", "jpush", company="深圳市和讯华谷信息技术有限公司", data_types=("imei",),
                evidence=Ev(10, 12, "极光推送 ...")),
        SdkRowD("Umeng", "umeng-analytics", company="Some Other Company Ltd."),
        SdkRowD("ZXing", "zxing", company="ZXing authors"),
        SdkRowD("FooPay SDK", None, candidates=("dv",)),
    ),
    permissions=(PermD(P + "CAMERA", scene="Scan"), PermD(P + "ACCESS_COARSE_LOCATION")),
    data_types=(DataD("location-fine"),),
    scenes=(SceneD("Scan", (P + "CAMERA",)), SceneD("Record", (P + "RECORD_AUDIO",))),
)


def _ids(audit):
    return sorted((f.rule_id, f.subject) for f in audit.findings)


def test_policy_rules_give_exactly_the_expected_findings(parts, mini_catalog):
    audit = run_audit(_scan(parts), mini_catalog, POLICY)
    assert _ids(audit) == [
        ("CODE-UNKNOWN-THIRD-PARTY", "org.unknown.lib"),
        ("PERM-NO-SCENE", P + "ACCESS_FINE_LOCATION"),   # disclosed in a list, but no scene needs it
        ("PERM-NO-SCENE", P + "READ_CONTACTS"),          # (READ_PHONE_STATE: jpush asks for it)
        ("PERM-SCENE-UNDECLARED", P + "RECORD_AUDIO"),
        ("PERM-UNDISCLOSED", P + "READ_CONTACTS"),
        ("PERM-UNDISCLOSED", P + "READ_PHONE_STATE"),
        ("PERM-UNDISCLOSED", P + "SYSTEM_ALERT_WINDOW"),
        ("SDK-DATA-BEYOND", "jpush"),          # catalog: android-id and mac beyond the row's imei
        ("SDK-STALE", "zxing"),
        ("SDK-UNDISCLOSED", "umeng-push"),
        ("SDK-UNRESOLVED", "FooPay SDK"),
        ("SDK-VENDOR-MISMATCH", "umeng-analytics"),
    ]
    by_rule = {f.rule_id: f for f in audit.findings}
    assert by_rule["SDK-STALE"].severity is Severity.INFO
    assert by_rule["SDK-UNDISCLOSED"].severity is Severity.HIGH
    assert "android-id" in by_rule["SDK-DATA-BEYOND"].message and "mac" in by_rule["SDK-DATA-BEYOND"].message
    stale = by_rule["SDK-STALE"]
    assert [(e.source, e.file, e.line_start) for e in stale.evidence] == [("policy", "policy.html", 1)]
    # findings are ordered most severe first
    assert [f.severity for f in audit.findings] == sorted((f.severity for f in audit.findings), reverse=True)


def test_without_a_policy_only_policy_free_rules_run(parts, mini_catalog):
    audit = run_audit(_scan(parts), mini_catalog)
    assert {f.rule_id for f in audit.findings} == {"CODE-UNKNOWN-THIRD-PARTY"}


def test_scenes_file_drives_perm_no_scene(parts, mini_catalog):
    scenes = (SceneSpec(LocalText("Contacts"), None, (P + "READ_CONTACTS",)),)
    audit = run_audit(_scan(parts), mini_catalog, scenes=scenes)
    no_scene = {f.subject for f in audit.findings if f.rule_id == "PERM-NO-SCENE"}
    # jpush asks READ_PHONE_STATE (catalog); contacts has a scene; the location family has none
    assert no_scene == {P + "ACCESS_FINE_LOCATION", P + "CAMERA"}


def test_code_rules(parts, mini_catalog):
    access = (
        DataAccess("cn.jpush.android.api.JPushInterface", "init(Landroid/content/Context;)V", "classes.dex",
                   "android.telephony.TelephonyManager.getDeviceId", "imei", "jpush", "startup",
                   path=("com.example.shop.App.onCreate", "cn.jpush.android.api.JPushInterface.init")),
        DataAccess("com.example.shop.Main", "paste()V", "classes.dex", "android.content.ClipboardManager.getPrimaryClip",
                   "clipboard", "app", "later"),
        DataAccess("com.example.shop.Old", "x()V", "classes.dex", "android.accounts.AccountManager.getAccounts",
                   "accounts", "app", "dead"),
    )
    audit = run_audit(_scan(parts, access), mini_catalog, POLICY)
    ids = _ids(audit)
    assert ("DATA-BEFORE-CONSENT", "jpush:imei") in ids
    assert ("DATA-UNDISCLOSED", "clipboard") in ids
    assert ("DATA-UNDISCLOSED", "imei") not in ids       # the jpush row discloses imei
    assert ("DATA-UNDISCLOSED", "accounts") not in ids   # dead code reaches nothing


def test_fingerprints_ignore_lines_and_build_details(parts, mini_catalog):
    a = run_audit(_scan(parts), mini_catalog, POLICY)
    moved = DisclosureD(sdks=tuple(r.__class__(**{**r.__dict__, "evidence": Ev(99, 120)}) for r in POLICY.sdks),
                        permissions=POLICY.permissions, data_types=POLICY.data_types, scenes=POLICY.scenes)
    b = run_audit(_scan(parts), mini_catalog, moved)
    assert [f.fingerprint for f in a.findings] == [f.fingerprint for f in b.findings]
    assert Finding.make_fingerprint("SDK-STALE", "com.example.shop", "zxing") != \
        Finding.make_fingerprint("SDK-STALE", "com.other.app", "zxing")


def test_config_overrides_and_disables(parts, mini_catalog, tmp_path):
    cfg_file = tmp_path / "auditor.yaml"
    cfg_file.write_text("severity:\n  SDK-STALE: high\ndisable: [CODE-UNKNOWN-THIRD-PARTY]\n", encoding="utf-8")
    config = load_config(cfg_file, rule_ids())
    audit = run_audit(_scan(parts), mini_catalog, POLICY, config=config)
    assert {f.rule_id: f.severity for f in audit.findings}["SDK-STALE"] is Severity.HIGH
    assert "CODE-UNKNOWN-THIRD-PARTY" not in {f.rule_id for f in audit.findings}
    cfg_file.write_text("severity:\n  NOT-A-RULE: high\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown rule id"):
        load_config(cfg_file, rule_ids())


def test_baseline_suppresses_until_expiry(parts, mini_catalog, tmp_path):
    audit = run_audit(_scan(parts), mini_catalog, POLICY)
    path = tmp_path / "baseline.json"
    path.write_text(render_baseline(audit.findings, "accepted", expires="2026-12-31"), encoding="utf-8")
    entries = load_baseline(path)
    before = apply_baseline(audit, entries, dt.date(2026, 12, 1))
    assert before.findings == () and len(before.suppressed) == len(audit.findings)
    after = apply_baseline(audit, entries, dt.date(2027, 1, 1))
    assert len(after.findings) == len(audit.findings) and after.suppressed == ()
    assert len(after.expired_baseline) == len(audit.findings)
    path.write_text('{"entries": []}', encoding="utf-8")
    with pytest.raises(ConfigError, match="not an auditor baseline"):
        load_baseline(path)


def test_diff_reports_added_removed_and_new_findings(parts, mini_catalog):
    old = make_scan(make_build(classes=["cn.jpush.android.api.JPushInterface"], permissions=[P + "CAMERA"]), parts)
    new = make_scan(make_build(classes=["com.umeng.message.PushAgent"], permissions=[P + "CAMERA", P + "READ_SMS"]),
                    parts)
    d = diff_builds(old, new, run_audit(old, mini_catalog, POLICY), run_audit(new, mini_catalog, POLICY))
    assert [h.sdk_id for h in d.sdks_added] == ["umeng-push"]
    assert [h.sdk_id for h in d.sdks_removed] == ["jpush"]
    assert [p.name for p in d.permissions_added] == [P + "READ_SMS"]
    assert ("SDK-UNDISCLOSED", "umeng-push") in {(f.rule_id, f.subject) for f in d.findings_new}


@pytest.mark.parametrize("written, names, same", [
    ("Tencent Technology (Shenzhen) Co., Ltd.", ["Shenzhen Tencent Computer Systems Co., Ltd."], True),
    ("深圳市腾讯计算机系统有限公司", ["Tencent", "腾讯计算机系统"], True),
    ("Google Inc.", ["Google LLC"], True),
    ("Facebook, Inc.", ["Meta Platforms, Inc.", "Facebook"], True),
    ("Beijing Ruixun Lintong Technology Co., Ltd.", ["Alibaba Group"], False),
])
def test_vendor_matching(written, names, same):
    assert vendors_match(written, names) is same


def test_every_rule_has_a_unique_stable_id_and_help():
    infos = [r.info for r in all_rules()]
    assert len({i.id for i in infos}) == len(infos)
    assert {i.id for i in infos} >= {
        "SDK-UNDISCLOSED", "SDK-STALE", "SDK-UNRESOLVED", "SDK-DATA-BEYOND", "SDK-VENDOR-MISMATCH",
        "PERM-UNDISCLOSED", "PERM-NO-SCENE", "PERM-SCENE-UNDECLARED", "CODE-UNKNOWN-THIRD-PARTY",
        "DATA-UNDISCLOSED", "DATA-BEFORE-CONSENT"}
    assert all(len(i.help) > 60 and i.title for i in infos)


def test_default_config_is_empty():
    assert AuditConfig().severity == {} and AuditConfig().disabled == frozenset()
