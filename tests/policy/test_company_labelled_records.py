"""Records of a third party under a name line whose first label is its company or what it is for
("2.11本机号码校验" / "第三方服务商：中国移动…", "（1）微信支付" / "场景描述：…" / "SDK提供方：…"), and labels whose
last word heads them ("第三方服务商" is a company, not a "第三方服务" with "商" left over). In our own words,
expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import load_lexicon
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("wechat", "WeChat SDK", "微信支付", "微信SDK"),
                          entry("amap-location", "AMap Location", "高德定位SDK"),
                          entry("huawei-push", "Huawei Push", "华为推送"),
                          entry("umeng-push", "Umeng Push", "友盟+"))


SERVICE_PROVIDERS = """\
2、第三方服务
2.1华为推送
第三方服务商：华为技术有限公司
使用目的：向华为手机推送消息
信息收集范围：不涉及个人信息
2.2本机号码校验
第三方服务商：中国移动通信集团有限公司
使用目的：实现本机号码一键登录
信息收集范围：读取手机状态
2.3华为HMS推送
第三方服务商：华为技术有限公司
使用目的：推送消息
信息收集范围：不涉及个人信息
"""


def test_a_service_provider_label_gives_the_company_of_the_name_line_above(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", SERVICE_PROVIDERS, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("华为推送", "华为技术有限公司"), ("本机号码校验", "中国移动通信集团有限公司"),
        ("华为HMS推送", "华为技术有限公司"),
    ]
    assert all(s.extractor == "key-value" for s in d.sdks)


SCENE_FIRST = """\
第三方SDK清单
（1）微信支付
场景描述：用于微信支付
采集的个人信息或权限：网络状态
SDK提供方：深圳市腾讯计算机系统有限公司
隐私政策链接：https://weixin.qq.com/privacy
（2）高德定位SDK
场景描述：用于定位附近网点
采集的个人信息或权限：位置信息
SDK提供方：高德软件有限公司
隐私政策链接：https://lbs.amap.com/privacy
"""


def test_a_record_whose_first_label_says_what_it_is_for_keeps_its_company(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", SCENE_FIRST, catalog)
    assert [(s.id, s.company, s.link) for s in d.sdks] == [
        ("wechat", "深圳市腾讯计算机系统有限公司", "https://weixin.qq.com/privacy"),
        ("amap-location", "高德软件有限公司", "https://lbs.amap.com/privacy"),
    ]


OPERATOR = """\
运营者信息
公司名称：某某网络科技有限公司
注册地址：某市某区某路1号
个人信息保护负责人：某某
"""


def test_the_operators_block_is_no_sdk_row(tmp_path, catalog):
    assert _read(tmp_path, "about.txt", OPERATOR, catalog).sdks == ()


NAME_THEN_WHAT_IT_DOES = """\
8、SDK名称：友盟+

消息推送

公司名称：友盟同欣（北京）科技有限公司
使用目的：推送消息
"""


def test_a_line_saying_what_the_sdk_does_stays_in_its_record(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", NAME_THEN_WHAT_IT_DOES, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("友盟+", "友盟同欣（北京）科技有限公司")]


@pytest.mark.parametrize(("label", "role"), [
    ("第三方服务商", "company"), ("SDK服务商", "company"),
    ("第三方服务名称", "name"), ("第三方服务", "name"), ("第三方服务用途", "purpose"),
])
def test_the_last_word_of_a_label_heads_it(label, role):
    assert load_lexicon().role(label) == role


ONE_LINE_RECORDS = """\
第三方SDK说明
        4）“腾讯广告联盟SDK”包含的权限代码如下：网络访问权限、读取手机状态和身份；         收集信息的目的：获取广告收益         信息共享主体：深圳市腾讯计算机系统有限公司         收集的信息：设备型号
        5）“高德定位SDK”包含的权限代码如下：网络访问权限、获取精确位置；         收集信息的目的：用于定位         信息共享主体：高德软件有限公司         收集的信息：位置信息
"""


def test_the_company_label_of_a_record_written_on_one_line(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", ONE_LINE_RECORDS, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("腾讯广告联盟SDK", "深圳市腾讯计算机系统有限公司"), ("高德定位SDK", "高德软件有限公司"),
    ]


ITEM_THEN_APP_FOOTER = """\
三、第三方SDK
1、高德定位SDK：本SDK会获取位置信息，用于定位。
    SDK主体：高德软件有限公司
隐私政策链接：https://lbs.amap.com/privacy
2、华为推送：本SDK用于推送消息。
隐私协议地址
https://example.com/privacy
四、变更
我们可能适时修订本政策的条款，该等修订构成本政策的一部分。如该等修订造成您在本政策下权利的实质减少，我们将在修订生效前通知您。
开发者：某某网络科技有限公司。
"""


def test_the_apps_developer_at_the_end_is_not_the_last_items_company(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", ITEM_THEN_APP_FOOTER, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("高德定位SDK", "高德软件有限公司"), ("华为推送", "")]


DEFINITIONS = """\
定义
某某服务提供者：指某某平台的网络及软件技术服务提供者某某科技有限公司及关联公司。
支付宝：指支付宝（中国）网络技术有限公司提供的支付服务。
"""


def test_a_definition_gives_no_company(tmp_path, catalog):
    d = _read(tmp_path, "defs.txt", DEFINITIONS, catalog)
    assert all(not s.company.startswith("指") for s in d.sdks)


GLUED_AFTER_COMPANY = """\
阿里云号码认证SDK
提供方：阿里云计算有限公司使用目的：实现一键登录功能数据类型：设备标识信息【MAC地址信息、imei】官网链接：https://www.aliyun.com/
"""


def test_a_label_glued_to_the_company_before_it_starts_a_field(tmp_path, catalog):
    (s,) = _read(tmp_path, "sdk.txt", GLUED_AFTER_COMPANY, catalog).sdks
    assert (s.company, s.link) == ("阿里云计算有限公司", "https://www.aliyun.com/")


COMMA_CLAUSES = """\
第三方SDK
4）腾讯广告联盟SDK，服务提供者：深圳市腾讯计算机系统有限公司，采集设备标识符(IMEI/MAC)，用于唯一标识设备
5)华为推送服务sdk，用于推送消息，服务提供者：华为技术有限公司，采集设备标识符(IMEI)，用于唯一标识设备
"""


def test_a_company_label_between_commas_of_an_item(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", COMMA_CLAUSES, catalog)
    assert [s.company for s in d.sdks] == ["深圳市腾讯计算机系统有限公司", "华为技术有限公司"]


def test_a_page_written_on_one_line_keeps_its_prose(tmp_path):
    """A crawled page whose whole text is one line opening with a label ("更新日期：…"): no record of data owns it,
    so the SDKs its sentences name are rows, each with only the packages written by its own name."""
    catalog = memory_catalog(entry("umeng", "Umeng Analytics", "友盟SDK"),
                             entry("gdt", "Tencent GDT", "腾讯广告SDK", classes=("com.qq.e.ads",)))
    filler = "我们会按照法律法规的要求保护您的个人信息，并采取合理的安全措施防止信息泄露。" * 90
    text = ("用户隐私政策更新日期：2022年03月10日生效日期：2022年03月10日本应用非常重视保护您的个人信息。" + filler
            + "我们会严格按照有关法律的规\n定处理您的信息。"  # (a crawl's line break inside a sentence)
            + "我们目前合作的第三方SDK名单如下：友盟SDK（com.umeng）、腾讯广告SDK（com.qq.e.ads）。"
            + filler + "\n")
    d = _read(tmp_path, "page.txt", text, catalog)
    assert [(s.name, s.id, s.package_names) for s in d.sdks] == [
        ("友盟SDK", "umeng", ("com.umeng",)), ("腾讯广告SDK", "gdt", ("com.qq.e.ads",)),
    ]


BARE_NAME_LABELS = """\
本平台集成了以下第三方SDK，具体如下：
名称：社保卡服务SDK
获取信息：获取相机权限、获取存储权限
使用目的：便于用户申领电子社保卡
名称：华为推送
获取信息：设备信息
使用目的：推送消息
"""

BARE_NAME_RECORD_LINES = """\
我们的业务合作伙伴包括：
1、名称：华为 PUSH；信息类型：设备信息；使用目的：推送消息。
2、名称：移动一键登录；信息类型：设备信息；使用目的：手机号一键登录。
3、名称：高德定位SDK；信息类型：位置信息；使用目的：推荐附近的服务。
"""

APP_NAME = """\
开发者信息
开发者名称：某某科技有限公司
应用名称：某某云仓库管理
联系电话：010-12345678
"""


def test_a_bare_name_label_names_a_component_or_a_record_on_one_line(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", BARE_NAME_LABELS, catalog)
    assert [s.name for s in d.sdks] == ["社保卡服务SDK"]  # ("华为推送": no SDK word, and no facts on its line)
    assert set(d.sdks[0].permissions) >= {"android.permission.CAMERA"}
    d = _read(tmp_path, "items.txt", BARE_NAME_RECORD_LINES, catalog)
    assert [s.name for s in d.sdks] == ["华为 PUSH", "移动一键登录", "高德定位SDK"]
    assert "location-fine" in d.sdks[2].data_types
    assert _read(tmp_path, "app.txt", APP_NAME, catalog).sdks == ()


CRAWLED_LIST = (" 2.3\n" + " " * 28 + "\u00a0  百度地图SDK，\n" + "\t" * 6 + "使用目的：用于展现地图 数据类型：地理位置信息\n\n"
                " 2.4\n" + " " * 28 + "\u00a0  小米PUSH，\n" + "\t" * 6 + "使用目的：推送消息 数据类型：设备标识信息\n\n"
                " 2.5\n" + " " * 28 + "\u00a0  高德定位SDK，\n" + "\t" * 6 + "使用目的：定位 数据类型：地理位置信息\n")


def test_records_of_a_crawled_list_each_keep_their_name(tmp_path, catalog):
    """A list crawled from a page: a number line, the name line (a comma after the name, deeper than its labels),
    its label line; each name line stands where the record before's did, so it starts a record of its own."""
    d = _read(tmp_path, "sdk.txt", CRAWLED_LIST, catalog)
    assert [s.name for s in d.sdks] == ["百度地图SDK", "小米PUSH", "高德定位SDK"]
    assert all(s.extractor == "key-value" for s in d.sdks)


NAMED_PERMISSIONS = """\
其他权限：
7、来电消音权限：主要用于拨打客服电话时调整音量；
8、允许获取相册权限：用于修改头像时选择相册图片；
9、允许唤醒锁定：用于签到计时服务在屏幕关闭后仍然运行；
"""


def test_a_label_naming_one_permission_is_an_item_not_a_field(tmp_path, catalog):
    """"来电消音权限：…" names a permission (one the lexicon does not know): an item of the list, not a field of
    permissions opening a record that would swallow the items after it."""
    d = _read(tmp_path, "perm.txt", NAMED_PERMISSIONS, catalog)
    lines = {p.permission: p.evidence.line_start for p in d.permissions}
    assert lines.get("android.permission.READ_EXTERNAL_STORAGE") == 3
    assert lines.get("android.permission.WAKE_LOCK") == 4


def test_code_names_in_a_bracket_are_packages_not_a_vendor():
    from auditor.policy.text import packages
    assert packages("友盟SDK（com.umeng/com.umeng.common）") == ["com.umeng", "com.umeng.common"]
    assert packages("lbs.amap.com/api/android-sdk") == []  # (an address's path is no package)


OPERATOR_TITLES = """\
八、如何联系我们
1、公司名称、地址及联系方式
公司名称：某某信息科技有限公司
注册地址：某市某区某路1号
2、开发者简介
公司名称：某某网络科技有限公司
"""


def test_a_title_naming_a_companys_particulars_heads_no_record(tmp_path, catalog):
    assert _read(tmp_path, "contact.txt", OPERATOR_TITLES, catalog).sdks == ()


NAME_THEN_LABEL = """\
⑻ 使用第三方SDK服务：
① 星河推送 SDK 场景描述： 消息推送 收集个人信息类型：网络状态信息、IMEI
② 小鱼视频 SDK 场景描述：视频通话，隐私政策链接：https://example.com/policy。收集个人信息类型：MAC地址。
腾讯云短信 SDK 官网链接 / 隐私政策：https://cloud.tencent.com/document/sdk
"""


def test_a_label_opened_by_an_sdks_name_names_the_record(tmp_path, catalog):
    """"① 星河推送 SDK 场景描述：…": the name, a blank, then a field's label, all one record's line; a label that
    is itself two labels ("… SDK 官网链接 / 隐私政策") names nothing."""
    d = _read(tmp_path, "sdk.txt", NAME_THEN_LABEL, catalog)
    assert [s.name for s in d.sdks if s.extractor == "key-value"] == ["星河推送 SDK", "小鱼视频 SDK"]
    assert "imei" in d.sdks[0].data_types and "mac" in d.sdks[1].data_types


KNOWN_NAME_THEN_LABEL = """\
1.7 数据使用过程中涉及的合作方
微信 SDK 涉及个人信息：设备标识符、MAC地址 使用目的：支持微信登录和分享 使用场景：在用户使用微信登录时使用
小米 PUSH 涉及个人信息：设备标识符（如IMEI、OAID） 使用目的：推送消息 合作方主体：北京小米移动软件有限公司
华为推送 涉及个人信息：应用匿名标识（AAID） 使用目的：推送消息 合作方主体：华为软件技术有限公司
"""


def test_a_catalog_name_or_an_sdk_word_name_opens_a_record_on_one_line(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", KNOWN_NAME_THEN_LABEL, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("微信 SDK", ""), ("小米 PUSH", "北京小米移动软件有限公司"), ("华为推送", "华为软件技术有限公司"),
    ]


def test_a_label_inside_a_page_written_on_one_line_leaves_its_prose_readable(tmp_path):
    """"使用权限：相机权限，…" opening a line thousands of characters long: no record of that label owns the line,
    so the SDK a sentence of it names is a row."""
    catalog = memory_catalog(entry("umeng", "Umeng Analytics", "友盟SDK"))
    filler = "我们会按照法律法规的要求保护您的个人信息，并采取合理的安全措施防止信息泄露。" * 60
    text = "2、设备权限\n使用权限：相机权限，用于扫描二维码。" + filler + "我们集成了友盟SDK，用于统计分析。" + filler + "\n"
    d = _read(tmp_path, "page.txt", text, catalog)
    assert [s.id for s in d.sdks] == ["umeng"]
    assert "android.permission.CAMERA" in {p.permission for p in d.permissions}
