"""A policy row's company, written as the vendor's own pages write its legal name, finds that vendor's SDKs in
the bundled catalog (issue 11: a generic row such as "推送SDK" can only be resolved through its company).

Every company below is copied from the page cited beside it (the vendor's privacy policy, SDK compliance
guide or imprint, or a row of the shared catalog sources that names such a page); the expected ids are the
catalog entries of the SDKs that page is about, chosen by hand.
"""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.resolve import Evidence, Resolver, build_resolver


@pytest.fixture(scope="module")
def resolver(bundled_catalog: Catalog) -> Resolver:
    return build_resolver(bundled_catalog, load_lexicon())


@pytest.mark.parametrize("company, expected", [
    # https://cftweb.3g.qq.com/privacy/privacyPolicy?content_id=4913837ca2cc824d0c45787d05da12b8 (Tencent's own
    # guideline names its provider); catalog-sources cn-sdk-privacy-urls-observed, row Tencent Bugly
    ("深圳市腾讯计算机系统有限公司", {"tencent-bugly", "tencent-captchasdk", "mmkv"}),
    # https://lbsyun.baidu.com/index.php?title=inspectionguide (百度定位SDK, 第三方名称)
    ("北京百度网讯科技有限公司", {"baidu-location", "baidu-android-pushservice"}),
    # https://cloud.baidu.com/doc/AI_DH_CLOUD/s/Tmfcbk9i9
    ("Beijing Baidu Netcom Science and Technology Co., Ltd.", {"baidu-map", "baidu-android-pushservice"}),
    # https://privacy.mi.com/MI-MOVER-SHARE/zh_CN/ (小米统计 SDK, 第三方公司名称)
    ("小米科技有限责任公司", {"xiaomi-push", "xiaomi-accounts"}),
    # catalog-sources cn-sdk-privacy-urls-observed, row Xiaomi MiPush (https://dev.mi.com/console/doc/detail?pId=1822)
    ("北京小米移动软件有限公司", {"xiaomi-push", "xiaomi-market-sdk"}),
    # https://developer.hihonor.com (Honor's kit privacy page, as an app's SDK list quotes it: 提供方)
    ("荣耀终端有限公司", {"honor-push"}),
    # Honor's own source-file copyright line (English form of the same company)
    ("Honor Device Co., Ltd.", {"honor-push"}),
    # https://volcengine.com/docs/6348/97456 (veRTC SDK 隐私政策: SDK 的提供方)
    ("北京火山引擎科技有限公司", {"bytedance-applog", "apminsight"}),
    # https://www.csjplatform.com/terms/privacy-policy (穿山甲平台隐私政策: 服务提供者)
    ("北京巨量引擎网络技术有限公司", {"pangle"}),
    # https://hima.auto/privacy/privacy-policy (华为终端有限公司, 以下简称 华为)
    ("华为终端有限公司", {"huawei-push", "hms-scan-kit"}),
    # https://consumer.huawei.com/en/privacy/privacy-policy/ (Huawei Device Co., Ltd. and its affiliates)
    ("Huawei Device Co., Ltd.", {"huawei-push", "hms-scan-kit"}),
    # catalog-sources cn-sdk-privacy-urls-observed, row Huawei HMS Push (developer.huawei.com privacy statement)
    ("华为软件技术有限公司", {"huawei-push", "ar-engine"}),
    # https://www.xfyun.cn/index.php/default/doccenter/doccenterInner?itemTitle=eXlqcw%3D%3D (讯飞开放平台协议)
    ("科大讯飞股份有限公司", {"iflytek-speech"}),
    # https://www.shengwang.cn/SDK-privacy-policy/ (声网 SDK 隐私政策: 由…开发)
    ("上海兆言网络科技有限公司", {"agora-rtc"}),
    # https://dun.163.com/clause/privacy/en (NetEase YiDun privacy policy)
    ("Hangzhou NetEase ZhiQi Technology Co., Ltd.", {"netease-quicklogin", "netease-nesec-x86"}),
    # http://cc.163.com/privacy_policy/ (网易CC隐私政策: 广州网易计算机系统有限公司, “网易”)
    ("广州网易计算机系统有限公司", {"netease-bugrpt"}),
    # https://docs.getui.com/privacy/ via catalog-sources cn-sdk-privacy-urls-observed, row Getui
    ("每日互动股份有限公司", {"getui-push"}),
    # https://www.jiguang.cn/license/privacy via cn-sdk-privacy-urls-observed, row JPush / Jiguang
    ("深圳市和讯华谷信息技术有限公司", {"jpush"}),
    # https://www.umeng.com/page/policy via cn-sdk-privacy-urls-observed, row Umeng+
    ("友盟同欣（北京）科技有限公司", {"umeng-push", "umeng-analytics"}),
    # https://www.mob.com/about/policy via cn-sdk-privacy-urls-observed, row MobTech
    ("上海游昆信息技术有限公司", {"mob-push", "mob-sharesdk"}),
    # https://lbs.amap.com/agreement/compliance via cn-sdk-privacy-urls-observed, row AMap
    ("高德软件有限公司", {"amap-location", "amap-map"}),
    # https://www.vivo.com.cn/about-vivo/privacy-policy via cn-sdk-privacy-urls-observed, row vivo push
    ("维沃移动通信有限公司", {"vivo-push"}),
    # http://www.ironsource.mobi/privacypolicy.html (ironSource Mobile Ltd. Privacy Policy)
    ("ironSource Mobile Ltd.", {"ironsource"}),
])
def test_a_legal_name_finds_its_vendors_sdks(resolver, company, expected):
    assert expected <= set(resolver.by_company(company))


@pytest.mark.parametrize("company, foreign", [
    ("荣耀终端有限公司", {"huawei-push", "hms-core"}),      # Honor is no longer part of Huawei
    ("北京火山引擎科技有限公司", {"pangle"}),                # another ByteDance company, another vendor record
    ("小米科技有限责任公司", {"vivo-push", "huawei-push"}),
])
def test_a_legal_name_does_not_find_other_vendors(resolver, company, foreign):
    assert not foreign & set(resolver.by_company(company))


@pytest.mark.parametrize("name, company, expected", [
    ("推送SDK", "荣耀终端有限公司", "honor-push"),
    ("推送SDK", "北京百度网讯科技有限公司", "baidu-android-pushservice"),
    ("统计SDK", "北京火山引擎科技有限公司", "bytedance-applog"),
    ("实时音视频SDK", "上海兆言网络科技有限公司", "agora-rtc"),
    # Tencent has more entries than a company may add to the candidates; the row's kind picks them, and the
    # vendor-channel parts of Tencent Push do not compete with the product they ship in
    ("推送SDK", "深圳市腾讯计算机系统有限公司", "tencent-xg-push"),
])
def test_a_generic_row_resolves_through_its_company(resolver, name, company, expected):
    assert resolver.resolve(Evidence(name=name, company=company, words=name)).id == expected
