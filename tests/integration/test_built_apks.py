"""APKs built from real vendor SDK jars (D8 + aapt + apksigner, see tests/corpus/build.py): the SDK set
found equals the set built in, with nothing extra, and every SDK comes with evidence."""

from __future__ import annotations

import pytest

from tests.corpus.build import built_apk

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

# spec -> catalog ids of what went in (tests/corpus/build.py records the SDK names per spec)
EXPECTED = {
    "cn-push-social": {
        "jpush", "jcore",                      # JPush 5.0.4 + JCore 3.2.2 (services live in JCore)
        "getui-push", "getui-gtc",             # Getui gtsdk + GTC core
        "umeng-push", "alibaba-accs-agoo",     # Umeng Push 2.8.0 bundles Alibaba ACCS/Agoo
        "alibaba-utdid",                       # nested in Umeng Push and Alipay: reported once
        "umeng-analytics",
        "wechat-opensdk", "tencent-qq", "tencent-mta", "alipay",
        "tencent-xg-push", "tencent-wup-jce",  # XG v2.42 + its WUP/JCE protocol lib
        # jg_filter (6 classes under the bare package com.jg) is too generic to claim: listed as unknown
    },
    "maps-web": {"baidu-map", "baidu-location", "tencent-x5"},
    "gms-multidex": {  # the r19 monolithic Google Play services jar really carries all of these APIs
        "google-admob", "google-advertising-id", "google-analytics", "google-app-indexing", "google-cast",
        "google-cloud-messaging", "google-drive-api", "google-location", "google-maps", "google-play-games",
        "google-play-services-base", "google-plus", "google-sign-in", "google-tag-manager", "google-wallet",
        "google-wearable",
    },
    "hermes": {"hermes"},
}


@pytest.mark.parametrize("spec", sorted(EXPECTED))
def test_sdk_set_equals_what_was_built_in(spec, scanner_nocode):
    result = scanner_nocode.scan(built_apk(spec))
    assert {h.sdk_id for h in result.sdks} == EXPECTED[spec]
    assert all(h.evidence for h in result.sdks)


def test_unknown_code_of_the_cn_build_is_small(scanner_nocode):
    result = scanner_nocode.scan(built_apk("cn-push-social"))
    assert {u.package for u in result.unknown_packages if u.class_count >= 5} == {"com.jg"}


def test_native_only_sdk_is_reported_with_native_evidence(scanner_nocode):
    (hit,) = scanner_nocode.scan(built_apk("hermes")).sdks
    assert {e.kind.value for e in hit.evidence} == {"native-lib"}
    assert hit.class_count == 0


def test_gms_lives_in_classes2(scanner_nocode):
    result = scanner_nocode.scan(built_apk("gms-multidex"))
    maps = next(h for h in result.sdks if h.sdk_id == "google-maps")
    assert {e.location for e in maps.evidence if e.kind.value == "class"} == {"classes2.dex"}
