"""Vendor attribution of unclaimed code: each signal, how they combine, and when no vendor is named.

Expected values are written by hand from the rules in :mod:`auditor.detect.attribution` (weights 0.5 root,
0.7 deeper prefix, 0.4 action, 0.6 native library and referenced-by, 0.3 host; named at 0.5)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import make_build

from auditor.detect.attribution import VendorIndex, decide, gather, vendor_key
from auditor.detect.matcher import Matcher
from auditor.detect.unknown import unknown_packages
from auditor.model import Component, NativeLib, VendorEvidence, VendorSignal

JIGUANG = "Shenzhen Hexun Huagu Information Technology Co., Ltd."  # as the mini catalog writes it


@pytest.fixture(scope="module")
def index(mini_catalog):
    return VendorIndex(mini_catalog, Matcher.from_catalog(mini_catalog))


@pytest.mark.parametrize("name, key", [
    ("Beijing Xiaomi Mobile Software Co., Ltd.", "xiaomi"),
    ("Xiaomi", "xiaomi"),
    ("Shenzhen Hexun Huagu Information Technology Co., Ltd. (Aurora Mobile)", "hexun"),
    ("Tencent", "tencent"),
    ("Tencent Technology (Shenzhen) Co., Ltd.", "tencent"),
    ("中国移动", "中国移动"),
])
def test_vendor_key_drops_places_and_legal_forms(name, key):
    assert vendor_key(name) == key


def test_a_shared_root_names_the_namespace_owner(index):
    owner, shared, weight = index.by_package("cn.jpush.im")
    assert (owner.vendor, shared, weight) == (JIGUANG, "cn.jpush", 0.5)


def test_three_shared_segments_weigh_more(index):
    owner, shared, weight = index.by_package("cn.jpush.android.extra")
    assert (owner.sdk_id, shared, weight) == ("jpush", "cn.jpush.android", 0.7)


def test_a_root_no_entry_uses_gives_nothing(index):
    assert index.by_package("org.unheard.of") is None
    assert index.by_package("single") is None


def test_root_owned_by_several_vendors_gives_nothing(mini_catalog):
    two = replace(mini_catalog, entries=tuple(
        replace(e, signatures=replace(e.signatures, classes=("io.shared." + e.id.replace("-", ""),)))
        for e in mini_catalog.entries if e.id in ("jpush", "tencent-qq", "zxing")))
    idx = VendorIndex(two, Matcher.from_catalog(two))
    assert idx.by_package("io.shared.other") is None


def _ev(signal, vendor, value="x"):
    return VendorEvidence(signal, value, vendor, "some-sdk")


def test_one_structural_signal_names_a_vendor():
    verdict = decide([_ev(VendorSignal.PACKAGE_ROOT, "Xiaomi", "com.xiaomi")])
    assert (verdict.vendor, verdict.confidence) == ("Xiaomi", 0.5)


def test_a_host_alone_names_nobody_but_two_weak_signals_do():
    assert decide([_ev(VendorSignal.URL_HOST, "Xiaomi")]).vendor == ""
    both = decide([_ev(VendorSignal.URL_HOST, "Xiaomi"), _ev(VendorSignal.INTENT_ACTION, "Beijing Xiaomi Co., Ltd.")])
    assert both.vendor and both.confidence == round(1 - 0.7 * 0.6, 2)


def test_conflicting_vendors_are_left_unnamed():
    verdict = decide([_ev(VendorSignal.NATIVE_LIB, "Xiaomi"), _ev(VendorSignal.NATIVE_LIB, "Tencent")])
    assert verdict.vendor == "" and verdict.confidence == round(0.6 * 0.4, 2)


def test_the_namespace_owner_wins_over_the_sdk_that_ships_its_code():
    verdict = decide([_ev(VendorSignal.PACKAGE_ROOT, "China Mobile", "com.cmic"),
                      _ev(VendorSignal.REFERENCED_BY, JIGUANG, "jiguang-verify")])
    assert (verdict.vendor, verdict.confidence) == ("China Mobile", 0.5)


def test_gather_reads_actions_libraries_and_hosts(index):
    evidence = gather(index, "org.unheard.of", ["cn.jpush.android.intent.REGISTER", "android.intent.action.MAIN"],
                      ["libjcore322.so"], ["api.example.org"])
    assert [(e.signal, e.sdk_id) for e in evidence] == [
        (VendorSignal.INTENT_ACTION, "jpush"), (VendorSignal.NATIVE_LIB, "jcore")]


def test_unknown_packages_carry_the_verdict_and_rank_by_what_the_code_does(mini_catalog):
    build = make_build(classes=["cn.jpush.im.api.Client", "cn.jpush.im.api.Conv", "org.lonely.Tool",
                                "org.lonely.Other", "org.lonely.Third", "com.bound.jni.Native"])
    build = replace(build, manifest=replace(build.manifest, components=(
        Component("service", "cn.jpush.im.api.Client", actions=("cn.jpush.android.intent.REGISTER",)),)),
        native_libs=(NativeLib("lib/arm64-v8a/libjcore322.so", "arm64-v8a", "libjcore322.so", 1,
                               jni_symbols=("Java_com_bound_jni_Native_init",)),))
    matcher = Matcher.from_catalog(mini_catalog)
    rows = {u.package: u for u in unknown_packages(build, matcher, VendorIndex(mini_catalog, matcher))}
    assert [u.package for u in unknown_packages(build, matcher, VendorIndex(mini_catalog, matcher))] == [
        "cn.jpush.im", "org.lonely", "com.bound.jni"]
    im = rows["cn.jpush.im"]
    assert im.likely_vendor == JIGUANG and im.components == ("cn.jpush.im.api.Client",)
    assert {e.signal for e in im.evidence} == {VendorSignal.PACKAGE_ROOT, VendorSignal.INTENT_ACTION}
    assert rows["com.bound.jni"].likely_vendor == JIGUANG  # libjcore binds it: JCore's vendor
    assert rows["org.lonely"].likely_vendor == "" and rows["org.lonely"].confidence == 0.0
