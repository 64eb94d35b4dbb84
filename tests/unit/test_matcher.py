"""SDK signature matching: package boundaries, longest prefix, inner classes, native-lib patterns."""

from __future__ import annotations

import pytest

from auditor.detect.matcher import Matcher


@pytest.fixture(scope="module")
def matcher(mini_catalog):
    return Matcher.from_catalog(mini_catalog)


@pytest.mark.parametrize("name, owner", [
    ("com.dv.Thing", "dv"),
    ("com.dv.sub.deep.Thing", "dv"),
    ("com.dvd.Thing", None),          # a prefix never matches across a package boundary
    ("com.d.Thing", None),
    ("com.umeng.message.PushAgent", "umeng-push"),    # longest prefix wins over com.umeng.*
    ("com.umeng.analytics.MobclickAgent", "umeng-analytics"),
    ("com.umeng.other.X", None),
    ("com.tencent.tauth.Tencent", "tencent-qq"),       # class-level prefix
    ("com.tencent.tauth.Tencent$1", "tencent-qq"),     # its inner classes
    ("com.tencent.tauth.TencentX", None),              # not another class sharing the prefix
    ("com.tencent.tauth.AuthActivity", None),
    ("cn.jpush.android.api.JPushInterface$a", "jpush"),
])
def test_claim_class(matcher, name, owner):
    claim = matcher.claim_class(name)
    assert (claim.sdk_id if claim else None) == owner


def test_component_and_meta_data(matcher):
    assert matcher.claim_component("cn.jpush.android.service.PushService").sdk_id == "jpush"
    assert matcher.claim_meta_data("JPUSH_APPKEY").sdk_id == "jpush"
    assert matcher.claim_meta_data("jpush_appkey") is None


def test_native_patterns_prefer_the_most_literal(matcher):
    assert matcher.claim_native("libjcore322.so").sdk_id == "jcore"
    assert matcher.claim_native("libjpush-demo.so").sdk_id == "jpush"
    assert matcher.claim_native("libfoo.so") is None


def test_hosts_match_on_label_boundaries(matcher):
    assert matcher.claim_host("api.jpush.cn").sdk_id == "jpush"
    assert matcher.claim_host("jpush.cn").sdk_id == "jpush"
    assert matcher.claim_host("notjpush.cn") is None


def test_maven_and_files(matcher):
    assert matcher.claim_artifact("com.google.zxing", "core").sdk_id == "zxing"
    assert matcher.claim_artifact("com.google.zxing", "android") is None
    assert matcher.claim_file("assets/zxing-model.dat").sdk_id == "zxing"


def test_claims_are_remembered_within_a_bound(mini_catalog, monkeypatch):
    import auditor.detect.matcher as matcher_module

    monkeypatch.setattr(matcher_module, "CLASS_CACHE_LIMIT", 4)
    remembering = Matcher.from_catalog(mini_catalog)
    names = [f"com.dv.p{i}.C" for i in range(10)] + [f"com.other.p{i}.C" for i in range(10)]
    for _ in range(2):  # the second round answers from the memo, or after it was emptied
        got = [(c.sdk_id if c else None) for c in map(remembering.claim_class, names)]
        assert got == ["dv"] * 10 + [None] * 10
        assert len(remembering._class_cache) <= 4
