"""SDK name resolution: aliases, tolerant folding, near misses, candidates."""

from __future__ import annotations

import pytest

from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.names import build_index
from tests.policy.helpers import small_catalog


@pytest.fixture(scope="module")
def index():
    return build_index(small_catalog(), load_lexicon())


@pytest.mark.parametrize("name, expected", [
    ("URORAPush", "jpush"),
    ("urora push", "jpush"),
    ("极光推送SDK", "jpush"),
    ("小米推送SDK", "xiaomi-push"),
    ("友盟统计SDK", "umeng-analytics"),
    ("UMENG", "umeng-analytics"),
    ("TencentShortViedo", "tencent-ugsv"),   # transposed letters
    ("huawei.hms", "hms-core"),
    ("Huawei HMS", "hms-core"),
    ("腾讯优量汇(广点通)", "tencent-gdt"),    # vendor word and bracketed alias
    ("AppsFlyer SDK for Android", "appsflyer"),
    ("Google Account Login", "google-sign-in"),
])
def test_resolves(index, name, expected):
    assert index.resolve(name).id == expected


def test_unresolved_gets_candidates(index):
    res = index.resolve("JPushh Pro Max Ultra")
    assert res.id is None
    res = index.resolve("XiaomiPushKit2")
    assert res.id is None and res.candidates and res.candidates[0] == "xiaomi-push"


def test_short_names_are_not_fuzzed(index):
    assert index.resolve("Google").id is None
    assert index.resolve("Login").id is None


def test_a_catalog_name_that_comes_down_to_an_ordinary_word_gives_no_loose_key():
    # dropping the vendor and the suffix leaves "platform", "feedback", "定位": words, not products; "bugly" stays
    from tests.policy.helpers import entry, memory_catalog
    index = build_index(memory_catalog(
        entry("baidu-platform", "Baidu PlatformSDK"), entry("tencent-feedback", "Tencent Feedback"),
        entry("baidu-location", "百度定位SDK"), entry("tencent-bugly", "Tencent Bugly"),
    ), load_lexicon())
    assert [index.known(n) for n in ("Platform", "Feedback", "定位", "Bugly")] == [False, False, False, True]
    assert index.resolve("Baidu PlatformSDK").id == "baidu-platform"
    assert index.resolve("百度定位SDK").id == "baidu-location"


def test_a_framework_named_with_what_it_does_resolves_only_within_its_own_family(tmp_path):
    # "Firebase" used for crash reports is Firebase Crashlytics; "Google Play Services" used for crash reports
    # stays Google Play Services: Crashlytics, same vendor, does not carry that name
    from tests.policy.helpers import entry, memory_catalog, read_text
    catalog = memory_catalog(
        entry("firebase-common", "Firebase Common", "Firebase", category="framework"),
        entry("google-play-services-base", "Google Play Services", category="framework"),
        entry("firebase-crashlytics", "Firebase Crashlytics", category="crash"),
        entry("google-admob", "Google AdMob", category="ads"),
    )
    text = ("Third-party services used by the app:\n\n"
            "- Firebase (crash reporting)\n"
            "- Google Play Services (in-app updates and crash reporting)\n")
    d = read_text(tmp_path, "services.md", text, catalog)
    assert [(r.name.split(" (")[0], r.id) for r in d.sdks] == [
        ("Firebase", "firebase-crashlytics"), ("Google Play Services", "google-play-services-base")]


def test_a_name_with_words_of_its_own_around_an_entrys_key_resolves_to_that_entry():
    from auditor.catalog.model import Catalog
    from auditor.policy.resolve import Evidence, build_resolver
    from tests.policy.helpers import entry
    catalog = Catalog(entries=(
        entry("tianyi-account", "天翼账号SDK"), entry("tiktok-sdk", "TikTok SDK"), entry("amap-location", "高德定位SDK"),
        entry("amap-navi", "高德导航SDK"), entry("wechat", "微信SDK"),
        entry("douyin-share", "抖音分享SDK", "抖音SDK", category="login-share"),
    ), version="unit", sha256="0" * 64, source="memory")
    resolver = build_resolver(catalog, load_lexicon())

    def resolved(name: str) -> str | None:
        return resolver.resolve(Evidence(name=name, words=name)).id

    assert resolved("天翼账号认证SDK") == "tianyi-account"  # the key 天翼账号, with 认证 of the policy's own
    assert resolved("Marketing measurement (TikTok Business SDK)") == "tiktok-sdk"
    assert resolved("微信与天翼账号登录组件") is None  # two entries' keys inside: which one, the name does not say
    assert resolved("Business Marketing SDK") is None  # plain words are no entry's key
    assert resolved("抖音登录组件") == "douyin-share"  # 登录: the kind of the entry
    assert resolved("抖音广告") is None  # the brand's key inside the name of another kind of its products (ads)


def test_a_package_identifier_with_a_version_is_one_word_never_the_entry_one_of_its_words_names():
    # a Flutter / Dart package listed with its version ("somekit_cache (v2.1.0)"): the package is no entry,
    # although "SomeKit" is one; written without a version it already stayed unresolved
    from auditor.catalog.model import Catalog
    from auditor.policy.resolve import Evidence, build_resolver
    from tests.policy.helpers import entry
    catalog = Catalog(entries=(entry("somekit", "SomeKit", category="framework"),
                               entry("otherkit-ads", "OtherKit Ads", "otherkit_ads", category="ads")),
                      version="unit", sha256="0" * 64, source="memory")
    resolver = build_resolver(catalog, load_lexicon())
    assert resolver.resolve(Evidence(name="somekit_cache")).id is None
    assert resolver.resolve(Evidence(name="somekit_cache (v2.1.0)")).id is None
    assert resolver.resolve(Evidence(name="otherkit_ads (v3.0.1)")).id == "otherkit-ads"  # its own alias


def test_a_bracketed_aside_is_never_taken_for_a_misspelt_name():
    # "(ID verification)" is two edits from the alias "JVerification": what the row does, not a typo of it
    from auditor.catalog.model import Catalog
    from auditor.policy.resolve import Evidence, build_resolver
    from tests.policy.helpers import entry
    catalog = Catalog(entries=(entry("jverify", "JVerification", category="login-share"),
                               entry("acme-id", "Acmeid", category="other")),
                      version="unit", sha256="0" * 64, source="memory")
    resolver = build_resolver(catalog, load_lexicon())
    assert resolver.resolve(Evidence(name="Northwind Corporation (ID verification)")).id is None
    assert resolver.resolve(Evidence(name="Acmeid Corporation (ID verification)")).id == "acme-id"
    assert resolver.resolve(Evidence(name="JVerificaton")).id == "jverify"  # a misspelt name itself still is


@pytest.mark.parametrize("name, expected", [
    # a platform written inside the product's name ("微博Android SDK" in a table of Android SDKs)
    ("极光推送Android SDK", "jpush"),
    ("小米推送 iOS SDK", "xiaomi-push"),
    ("友盟统计安卓版SDK", "umeng-analytics"),
])
def test_a_platform_inside_the_name_is_looked_past(index, name, expected):
    assert index.resolve(name).id == expected


def test_a_platform_alone_names_no_sdk(index):
    assert index.resolve("Android SDK").id is None
    assert index.resolve("iOS SDK").id is None


def test_a_word_beside_a_product_name_that_names_only_a_sibling_product_resolves_to_the_sibling():
    # "某图地图" is the vendor's map SDK; "某图地图定位SDK" says 定位, which only its location SDK ("某图定位") is
    # named by: that one, as written with the platform between ("某图地图Android定位SDK")
    from auditor.policy.resolve import Evidence, build_resolver
    from tests.policy.helpers import entry, memory_catalog
    catalog = memory_catalog(entry("mt-map", "Moutu Map", "某图地图", "某图地图SDK", vendor="Moutu Co., Ltd."),
                             entry("mt-location", "Moutu Location", "某图定位", "某图定位SDK", vendor="Moutu Co., Ltd."))
    resolver = build_resolver(catalog, load_lexicon())

    def resolve(name: str) -> str | None:
        return resolver.resolve(Evidence(name=name, company="", links=(), packages=(), words=name, hints=(),
                                         coordinates=())).id
    assert resolve("某图地图Android定位SDK") == "mt-location" and resolve("某图地图定位SDK") == "mt-location"
    assert resolve("某图地图SDK") == "mt-map"  # guard
