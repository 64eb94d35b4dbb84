"""Vendors' shared cores and sub-modules are parts of the products they ship in: a build × policy pair per
vendor, on the bundled catalog, with the expected findings written by hand from the vendors' own material.

Where each expectation comes from (the same sources the catalog's ``part_of`` provenance names):
- Jiguang: JVerification's jar (npm jverification-react-native 2.8.8) calls ``cn.jiguang.api.JCoreInterface``,
  a class of the JCore jar, so an app with 极光认证 carries JCore.
- Umeng: Umeng's own demo and push guide make the common base library (``com.umeng.commonsdk.UMConfigure``)
  required next to U-Push (``com.umeng.message.PushAgent``) and the statistics SDK.
- MobTech: the MobTech module doc says ShareSDK, SMSSDK, MobLink, MobPush and SecVerify all need the Mob
  common library (``com.mob.MobSDK``). ShareSDK and MobPush are different products of one company.
- Weibo: the Weibo SDK core jar holds ``com.sina.sso.RemoteSSO``, and its native library registers
  ``com.sina.deviceidjnisdk.DeviceId``; the SDK's entry class is ``com.sina.weibo.sdk.WbSdk``.
- Getui: the GTC core (``com.getui.gtc.GtcManager``) ships with the push SDK (``com.igexin.sdk.PushManager``).
- Alibaba: the Alibaba Cloud push guide ships UTDID (``com.ut.device.UTDevice``) with the push SDK
  (``com.alibaba.sdk.android.push.CloudPushService``).
- Huawei: the HMS base/update library (``com.huawei.hms.api.HuaweiApiClient``) is a dependency of every kit,
  here Push Kit (``com.huawei.hms.push.HmsMessageService``).
"""

from __future__ import annotations

import pytest
from builders import DisclosureD, SdkRowD, make_build, make_scan

from auditor.audit import run_audit
from auditor.detect.matcher import Matcher
from auditor.permissions import PermissionDb

# vendor -> (classes in the build, the policy's SDK row (name as a policy writes it, id it resolves to),
#            the product, its parts in the build)
CASES = {
    "jiguang": (["cn.jiguang.verifysdk.api.JVerificationInterface", "cn.jiguang.api.JCoreInterface"],
                ("极光认证", "jiguang-verify"), "jiguang-verify", ("jcore",)),
    "umeng": (["com.umeng.message.PushAgent", "com.umeng.commonsdk.UMConfigure"],
              ("友盟推送", "umeng-push"), "umeng-push", ("umeng-common",)),
    "mobtech": (["cn.sharesdk.framework.ShareSDK", "com.mob.MobSDK"],
                ("ShareSDK", "mob-sharesdk"), "mob-sharesdk", ("mob-commons",)),
    "weibo": (["com.sina.weibo.sdk.WbSdk", "com.sina.sso.RemoteSSO", "com.sina.deviceidjnisdk.DeviceId"],
              ("微博SDK", "weibo-sdk"), "weibo-sdk", ("sina-sso", "weibo-deviceid")),
    "getui": (["com.igexin.sdk.PushManager", "com.getui.gtc.GtcManager"],
              ("个推", "getui-push"), "getui-push", ("getui-gtc",)),
    "alibaba": (["com.alibaba.sdk.android.push.CloudPushService", "com.ut.device.UTDevice"],
                ("阿里云移动推送", "aliyun-push"), "aliyun-push", ("alibaba-utdid",)),
    "huawei": (["com.huawei.hms.push.HmsMessageService", "com.huawei.hms.api.HuaweiApiClient"],
               ("华为推送", "huawei-push"), "huawei-push", ("hms-core",)),
}


@pytest.fixture(scope="module")
def parts(bundled_catalog):
    return bundled_catalog, Matcher.from_catalog(bundled_catalog), PermissionDb.load()


def _audit(parts, classes, rows):
    scan = make_scan(make_build(classes=classes), parts)
    audit = run_audit(scan, parts[0], DisclosureD(sdks=tuple(SdkRowD(*r) for r in rows)))
    return scan, {f.subject: f for f in audit.findings if f.rule_id == "SDK-UNDISCLOSED"}


@pytest.mark.parametrize("vendor", sorted(CASES))
def test_parts_are_grouped_under_their_product(parts, vendor):
    classes, _, product, expected_parts = CASES[vendor]
    scan, _ = _audit(parts, classes, [])
    hits = {h.sdk_id: h for h in scan.sdks}
    assert set(hits) == {product, *expected_parts}
    assert hits[product].parts == expected_parts
    assert {hits[p].product for p in expected_parts} == {product}
    assert all(hits[p].kind.value == "component" for p in expected_parts)


@pytest.mark.parametrize("vendor", sorted(CASES))
def test_no_finding_for_the_parts_when_the_policy_names_the_product(parts, vendor):
    classes, row, _, _ = CASES[vendor]
    _, found = _audit(parts, classes, [row])
    assert found == {}


@pytest.mark.parametrize("vendor", sorted(CASES))
def test_one_finding_per_undisclosed_product_carrying_its_parts(parts, vendor):
    classes, _, product, expected_parts = CASES[vendor]
    _, found = _audit(parts, classes, [])
    assert set(found) == {product}
    details = " ".join(e.detail for e in found[product].evidence)
    assert all(c in details for c in classes)       # every part's class is listed under the product


def test_another_mobtech_product_named_in_the_policy_is_said_in_the_finding(parts):
    # ShareSDK and its Mob common library in the build; the policy names only MobPush (same company)
    _, found = _audit(parts, CASES["mobtech"][0], [("MobPush", "mob-push")])
    assert set(found) == {"mob-sharesdk"}
    assert "same vendor" in found["mob-sharesdk"].message and "MobPush" in found["mob-sharesdk"].message


def test_a_core_alone_is_covered_by_any_product_it_ships_in(parts):
    # JCore without a product class (obfuscated away): the policy naming JAnalytics, one of the products JCore
    # ships in, covers it; a policy naming nothing of Jiguang's does not
    _, found = _audit(parts, ["cn.jiguang.api.JCoreInterface"], [("极光统计", "janalytics")])
    assert found == {}
    _, found = _audit(parts, ["cn.jiguang.api.JCoreInterface"], [("微博SDK", "weibo-sdk")])
    assert set(found) == {"jcore"}
