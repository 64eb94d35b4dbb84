"""A row that names only the vendor ("友盟SDK", "Umeng SDK"): the catalog gives such a name to the vendor's
best-known product; the row's purpose says which of the vendor's products it is, and when it does not, the row
says so (``resolved_by: "vendor-name"``), so the audit can tell "named only the vendor" from "named this
product". In-memory catalog; expected ids written by hand."""

from __future__ import annotations

from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.resolve import Evidence, build_resolver
from tests.policy.helpers import entry, memory_catalog, read_text

UMENG = dict(vendor="Umeng", vendor_zh="友盟")
CATALOG = memory_catalog(
    entry("umeng-analytics", "Umeng Analytics", "友盟SDK", "Umeng SDK", "友盟统计", category="analytics", **UMENG),
    entry("umeng-share", "Umeng Share", "友盟分享", category="login-share", **UMENG),
    entry("umeng-push", "Umeng Push", "友盟推送", category="push", **UMENG),
)


def _rows(tmp_path, name: str, purpose: str) -> list[tuple[str | None, str]]:
    text = ("第三方SDK列表\n\n| SDK名称 | 第三方公司 | 使用目的 |\n| --- | --- | --- |\n"
            f"| {name} | 友盟同欣（北京）科技有限公司 | {purpose} |\n")
    return [(r.id, r.resolved_by) for r in read_text(tmp_path, "p.md", text, CATALOG).sdks]


def test_the_purpose_says_which_of_the_vendors_products_a_vendor_name_is(tmp_path):
    assert _rows(tmp_path, "友盟SDK", "分享图文到微信、QQ") == [("umeng-share", "purpose")]
    assert _rows(tmp_path, "友盟SDK", "推送消息") == [("umeng-push", "purpose")]
    assert _rows(tmp_path, "Umeng SDK", "统计分析应用使用情况") == [("umeng-analytics", "purpose")]


def test_a_vendor_name_whose_row_says_nothing_more_is_read_as_the_best_known_product_and_says_so(tmp_path):
    assert _rows(tmp_path, "友盟SDK", "提供服务") == [("umeng-analytics", "vendor-name")]


def test_a_products_own_name_is_that_product_whatever_the_purpose(tmp_path):
    assert _rows(tmp_path, "友盟推送", "分享图文") == [("umeng-push", "exact")]
    assert _rows(tmp_path, "友盟统计", "提供服务") == [("umeng-analytics", "exact")]


def test_only_the_vendors_own_names_make_a_vendor_name():
    resolver = build_resolver(CATALOG, load_lexicon())
    product = resolver.products["umeng-analytics"]
    assert resolver.names_vendor("友盟SDK", product) and resolver.names_vendor("Umeng SDK", product)
    assert resolver.names_vendor("友盟+SDK", product)  # the vendor's brand "友盟+"
    assert not resolver.names_vendor("友盟统计SDK", product) and not resolver.names_vendor("SDK", product)
    assert resolver.resolve(Evidence("友盟SDK", words="友盟SDK")).how == "vendor-name"


def test_a_vendors_own_name_before_what_the_sdk_does_names_its_one_product_of_that_kind():
    # the catalog's vendor names (not only the lexicon's big groups) open such a name: "Umeng 社会化分享"
    resolver = build_resolver(CATALOG, load_lexicon())
    for name in ("Umeng 社会化分享", "友盟第三方登录 SDK", "友盟消息推送"):
        res = resolver.resolve(Evidence(name, words=name))
        assert res.id == ("umeng-push" if "推送" in name else "umeng-share"), name


def test_a_chinese_character_is_never_taken_for_a_typo():
    # one character apart, two different products: 短信 (SMS) is no misspelt 通信 (messaging); a Latin typo
    # still resolves
    catalog = memory_catalog(entry("tencent-im", "腾讯云通信", "腾讯云通信SDK", category="im", vendor="Tencent"),
                             entry("firebase-crashlytics", "Firebase Crashlytics", category="crash", vendor="Google"))
    resolver = build_resolver(catalog, load_lexicon())
    assert resolver.resolve(Evidence("腾讯云短信 SDK", words="短信验证码")).id is None
    assert resolver.resolve(Evidence("Firebase Crashlytcs")).id == "firebase-crashlytics"


def test_a_catalog_name_that_only_says_what_an_sdk_does_names_no_sdk(tmp_path):
    # public SDK lists name some packages by their kind ("人脸识别": face recognition): such a name is no
    # product's own, neither as a row's name nor spotted in running text
    catalog = memory_catalog(entry("some-facesdk", "人脸识别", category="ml"),
                             entry("acme-face", "Acme FaceID", "AcmeFace人脸核身", category="identity"))
    resolver = build_resolver(catalog, load_lexicon())
    assert resolver.resolve(Evidence("人脸识别", words="人脸识别")).id is None
    assert resolver.resolve(Evidence("人脸识别SDK", words="人脸识别SDK")).id is None
    assert resolver.resolve(Evidence("AcmeFace人脸核身", words="")).id == "acme-face"
    text = "三、第三方服务\n在您使用实名认证功能时，我们会进行人脸识别，需要使用您的相机。\n"
    assert read_text(tmp_path, "p.txt", text, catalog).sdks == ()


def test_a_shared_sdk_suffix_makes_no_name_a_candidate():
    # "乘车码SDK" (a transit QR-code SDK) shares only "SDK" with "MSDK" and "AdSDK": no likeness, no candidates;
    # a real likeness still ranks ("Acme Analytcs SDK" -> Acme Analytics)
    catalog = memory_catalog(entry("msdk", "MSDK"), entry("adsdk", "AdSDK"),
                             entry("acme-analytics", "Acme Analytics SDK", category="analytics"))
    resolver = build_resolver(catalog, load_lexicon())
    assert resolver.resolve(Evidence("乘车码SDK")).candidates == ()
    assert "acme-analytics" in resolver.resolve(Evidence("Acme Analytix Stats SDK")).candidates


def test_a_supplier_named_by_what_it_supplies_and_its_company_is_a_row(tmp_path):
    # the wording push SDK vendors give apps to copy: "（1）消息推送服务供应商：由某某公司提供推送技术服务，我们可能会
    # 将您的设备…信息提供给某某公司" - a row named by the label, its company from the sentence, also where the item
    # is read for permissions (it lists what is collected)
    catalog = memory_catalog(entry("acme-push", "Acme Push", "艾克推送", vendor="艾克互动股份有限公司", category="push"))
    text = ("五、第三方服务\n"
            "（1）消息推送服务供应商：由艾克互动股份有限公司提供推送技术服务，我们可能会将您的设备品牌、设备识别码、"
            "网络信息以及位置相关信息提供给艾克互动股份有限公司，用于为您提供推送服务。\n")
    rows = read_text(tmp_path, "p.txt", text, catalog).sdks
    assert [(r.name, r.company, r.id) for r in rows] == [("消息推送服务供应商", "艾克互动股份有限公司", "acme-push")]


def test_a_catalog_name_with_an_sdk_suffix_inside_a_chinese_sentence_is_a_row(tmp_path):
    # "我们集成了vivo推送SDK": the name opens in Latin inside a run of Chinese; found wherever it starts
    catalog = memory_catalog(entry("vivo-push", "vivo Push", "vivo推送", category="push"),
                             entry("oppo-push", "OPPO Push", "OPPO推送", category="push"))
    text = ("三、第三方SDK\n"
            "（11）为了实现vivo消息推送服务，我们集成了vivo推送SDK，需要收集您的设备信息。\n"
            "OPPO推送SDK：用于向OPPO手机推送消息。\n")
    rows = read_text(tmp_path, "p.txt", text, catalog).sdks
    assert [(r.name, r.id) for r in rows] == [("vivo推送SDK", "vivo-push"), ("OPPO推送SDK", "oppo-push")]


def test_the_provider_a_sentence_names_after_an_sdk_is_its_company(tmp_path):
    # "微信SDK的提供方深圳市某某有限公司会收集…": the provider written right after "的提供方" (or "SDK提供商为")
    catalog = memory_catalog(entry("acme-push", "Acme Push", "艾克推送", category="push"))
    text = ("三、第三方服务\n"
            "为向您推送消息，我们集成了艾克推送SDK，艾克推送SDK的提供方深圳市艾克互动有限公司会收集您的设备信息。\n")
    rows = read_text(tmp_path, "p.txt", text, catalog).sdks
    assert [(r.id, r.company) for r in rows] == [("acme-push", "深圳市艾克互动有限公司")]
