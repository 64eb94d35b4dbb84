"""Shapes read right in round 39: one cell holding two labelled links, a title in 【】 after a long value, a
permission's group line over its name line, an SDK item over its own permission list, a label of a company and
its link, a company label holding a sentence, a cell's separator after a name, a use that asks for a permission, a
vendor's Maven group named as a package, "X授权登录", "第三方 SDK 提供方：" as a record's company label, a generator's
headings of kinds of service, a one-line table of bullet cells, an app's i18n strings, and a label run into an
address. In our own words, expected values written by hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.resolve import Evidence, build_resolver
from auditor.policy.text import URL_RE, continues, policy_url
from tests.policy.helpers import entry, made_up_catalog, memory_catalog, scene_permissions, scene_with
from tests.policy.helpers import only_row as _row
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import row_names as _names


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "wu-map", "xin-share", "zeta-ads", "qq-open", "crashfox")


# -- one cell, two labelled links ------------------------------------------------------------------------------

def test_an_address_ends_where_the_label_of_the_next_address_opens() -> None:
    cell = "官方网站:https://dev.example.cn/wiki/doc#id=1234隐私协议链接:https://privacy.example.cn/policy/"
    assert [m.group(0) for m in URL_RE.finditer(cell)] == \
        ["https://dev.example.cn/wiki/doc#id=1234", "https://privacy.example.cn/policy/"]
    bare_site = "官方网站:https://map.example.com隐私条款地址:https://open.example.com/privacy?title=x"
    assert [m.group(0) for m in URL_RE.finditer(bare_site)] == \
        ["https://map.example.com", "https://open.example.com/privacy?title=x"]
    # a Chinese path, and a label whose value is no address, stay as they were
    assert URL_RE.search("见 https://example.cn/docs/甲乙SDK隐私声明").group(0) == "https://example.cn/docs/甲乙SDK隐私声明"
    assert URL_RE.search("https://example.cn/p第三方公司：丙丁有限公司").group(0) == "https://example.cn/p第三方公司"


def test_the_policy_link_of_a_cell_is_the_one_its_label_calls_so() -> None:
    assert policy_url("官网：https://www.example.cn 隐私政策：https://www.example.cn/privacy") == \
        "https://www.example.cn/privacy"
    assert policy_url("隐私政策：https://a.example.cn/p 官网：https://a.example.cn") == "https://a.example.cn/p"
    assert policy_url("https://a.example.cn/one https://a.example.cn/two") == "https://a.example.cn/one"
    assert policy_url("无") == ""


TWO_LINKS = """\
| SDK名称 | 使用目的 | 第三方机构 | 链接 |
| --- | --- | --- | --- |
| 甲乙推送SDK | 推送消息 | 甲乙科技有限公司 | 官方网站:https://dev.example.cn/wiki/doc#id=1234隐私协议链接:https://privacy.example.cn/policy/ |
| 丙丁统计SDK | 统计 | 丙丁网络有限公司 | 官方网站:https://stat.example.com隐私条款地址:https://stat.example.com/privacy |
"""


def test_a_row_takes_the_privacy_link_of_its_two(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "links.md", TWO_LINKS, catalog)
    assert _row(d, "甲乙推送SDK").link == "https://privacy.example.cn/policy/"
    assert _row(d, "丙丁统计SDK").link == "https://stat.example.com/privacy"


# -- a title in 【】 after a long value ---------------------------------------------------------------------------

def test_a_title_in_brackets_is_no_wrapped_line() -> None:
    long_value = "使用场景：" + "、".join(["包裹签收", "问题件上报", "头像设置", "快递柜开箱", "寄件下单", "门店评价"] * 2)
    assert not continues(long_value, "【定位】为向您展示附近的快递柜，我们会在您同意后读取您的大致位置。")
    assert not continues(long_value, "【麦克风】")
    assert continues(long_value, "客服会话、意见反馈")


GROUPED = """\
【拍照】扫描包裹上的条码时，我们会请您授予相机权限。
权限分组：CAMERA 相机
权限名称：android.permission.CAMERA
权限说明：拍摄照片和视频
用途：扫描条码、上传签收照片
使用场景：包裹签收、问题件上报、头像设置、快递柜开箱、寄件下单、门店评价、客服会话、意见反馈、地址簿导入
【定位】为向您展示附近的快递柜，我们会在您同意后读取您的大致位置，您可随时在系统设置中关闭。
权限分组：定位
权限名称：
android.permission.ACCESS_FINE_LOCATION，android.permission.ACCESS_COARSE_LOCATION
权限说明：读取设备位置
用途：查找附近网点
使用场景：附近快递柜、寄件地址填写
【麦克风】
权限分组：麦克风
权限名称：android.permission.RECORD_AUDIO
权限说明：录制声音
用途：语音输入
使用场景：语音寄件、客服语音
"""


def test_a_permissions_group_line_and_name_line_make_one_record(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "grouped.txt", GROUPED, catalog)
    assert scene_with(d, "附近快递柜") == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}
    assert scene_with(d, "快递柜开箱") == {"CAMERA"}
    assert scene_with(d, "语音寄件") == {"RECORD_AUDIO"}
    assert not any(name.strip("【】") in ("定位", "麦克风") for name in scene_permissions(d))


# -- an SDK item over its own permission list -----------------------------------------------------------------

OWN_PERMISSIONS = """\
1.适用范围 本应用接入的第三方SDK会按以下说明处理您的信息：
（a）甲乙推送SDK：读取设备标识（IMEI、Android ID）用来区分不同设备，从而把消息送到正确的手机。
所需权限：
android.permission.ACCESS_NETWORK_STATE : 判断网络是否可用，不可用时暂停上报
android.permission.READ_PHONE_STATE : 读取IMEI以区分设备
（b）某某广告SDK：读取设备标识（IMEI、OAID）用来展示合适的广告。
所需权限：
android.permission.INTERNET : 下载广告素材
android.permission.REQUEST_INSTALL_PACKAGES : 安装用户点击下载的推广应用
2.权限使用说明：本应用会申请下列权限：
android.permission.CAMERA : 拍摄头像时申请。
android.permission.READ_EXTERNAL_STORAGE : 从相册挑选图片时申请
"""


def test_an_sdk_items_permission_list_is_the_rows_not_the_apps(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "own.txt", OWN_PERMISSIONS, catalog)
    assert _names(d) == ["甲乙推送SDK", "某某广告SDK"]
    assert set(_row(d, "甲乙推送SDK").permissions) == \
        {"android.permission.ACCESS_NETWORK_STATE", "android.permission.READ_PHONE_STATE"}
    assert set(_row(d, "某某广告SDK").permissions) == \
        {"android.permission.INTERNET", "android.permission.REQUEST_INSTALL_PACKAGES"}
    assert {"imei", "android-id"} <= set(_row(d, "甲乙推送SDK").data_types)
    # the app's own list below still gives its scenes; the SDKs' lines give none
    assert {p for perms in scene_permissions(d).values() for p in perms} == {"CAMERA", "READ_EXTERNAL_STORAGE"}


# -- a company label holding a sentence; a cell's separator after a name ------------------------------------------

TABBED = (
    "本应用基于某开发框架开发。\n"
    "消息推送服务商：由甲乙科技有限公司为本应用提供推送能力，推送时我们会向甲乙科技有限公司提供您的设备识别码。\n"
    "本应用使用的SDK如下\n"
    "SDK名称:丙丁统计,\tSDK包名:com.bingding.stat,\tSDK用途:统计,\t获取的信息:IMEI,\t使用的权限:读取手机状态和身份\n"
    "SDK名称:戊己地图,\tSDK包名:com.wuji.map,\tSDK用途:定位,\t获取的信息:位置信息,\t使用的权限:访问粗略位置\n"
)


def test_a_sentence_under_a_company_label_is_no_company_of_the_row_below(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "tabbed.txt", TABBED, catalog)
    assert _row(d, "丙丁统计").company == ""


def test_a_cells_separator_is_no_part_of_the_name(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "tabbed.txt", TABBED, catalog)
    assert [(r.name, r.id) for r in d.sdks if r.extractor == "key-value"] == \
        [("丙丁统计", "bing-stat"), ("戊己地图", "wu-map")]


# -- a label of the company and its link; a label of what is got from third parties -------------------------------

PROVIDER_AND_LINK = """\
4、SDK名称：甲乙推送SDK
收集的信息: 设备信息：设备型号、IMEI。 从合作方获得的信息：合作方为您分配的广告标识；Cookie
使用目的: 推送消息
提供方名称及隐私政策地址：甲乙科技有限公司
https://push.example.cn/privacy-policy


5、SDK名称：丙丁统计SDK
收集的信息: 设备信息（IMEI、MAC地址）
使用目的: 统计
提供方名称及隐私政策地址：丙丁网络有限公司
https://stat.example.cn/privacy
"""


def test_a_company_and_link_label_gives_both_and_what_is_got_is_data(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "provider.txt", PROVIDER_AND_LINK, catalog)
    assert [(r.name, r.company, r.link) for r in d.sdks] == [
        ("甲乙推送SDK", "甲乙科技有限公司", "https://push.example.cn/privacy-policy"),
        ("丙丁统计SDK", "丙丁网络有限公司", "https://stat.example.cn/privacy"),
    ]
    assert load_lexicon().role("从合作方获得的信息") == "data"


# -- a use that asks for a permission ---------------------------------------------------------------------------

ASKING_USE = """\
合作方信息一览

丙丁统计SDK

合作方主体: 丙丁网络有限公司

涉及信息: 设备型号

使用场景: 申请相册权限

使用目的: 上传用户挑选的照片
"""


def test_a_use_that_asks_for_a_permission_gives_the_row_that_permission(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "asking.txt", ASKING_USE, catalog)
    assert "android.permission.READ_EXTERNAL_STORAGE" in _row(d, "丙丁统计SDK").permissions


# -- a vendor's Maven group named as a package -------------------------------------------------------------------

def test_a_vendors_maven_group_is_no_one_products_package() -> None:
    stat = replace(entry("acme-stat", "Acme Stat", "甲乙统计", classes=("com.acme.stat",)),
                   maven=("com.acme.sdk:common", "com.acme.sdk:stat"))
    push = replace(entry("acme-push", "Acme Push", "甲乙推送", classes=("com.acme.push",)), maven=("com.acme.sdk:push",))
    tracker = entry("acme-tracker", "Acme Tracker", classes=("com.acme.sdk",))  # signature: the group itself
    resolver = build_resolver(memory_catalog(stat, push, tracker), load_lexicon())
    # the name says which product; the group's name is every product's, so it overrides nothing
    assert resolver.resolve(Evidence(name="甲乙统计SDK", packages=("com.acme.sdk",))).id == "acme-stat"
    # a product's own package still does
    assert resolver.resolve(Evidence(name="甲乙统计SDK", packages=("com.acme.push",))).id == "acme-push"


# -- "X授权登录" ---------------------------------------------------------------------------------------------------

def test_an_authorised_login_is_that_login(tmp_path: Path) -> None:
    qq = entry("qq-open", "QQ SDK", "QQ登录", vendor="腾讯科技有限公司")
    resolver = build_resolver(memory_catalog(qq), load_lexicon())
    assert resolver.resolve(Evidence(name="QQ授权登录")).id == "qq-open"
    assert resolver.resolve(Evidence(name="QQ授权")).id is None


# -- "第三方 SDK 提供方：" ----------------------------------------------------------------------------------------------

PROVIDER = """\
"3. 第三方 SDK 名称：Crashfox<br>"+
"    用途： 崩溃统计<br>"+
"    收集的信息：设备型号、系统版本、IMEI<br>"+
"    第三方 SDK 提供方：Crashfox Inc.<br>"+
"    隐私协议链接：https://crashfox.example.com/privacy<br>"+
"""


def test_the_provider_label_of_a_third_party_sdk_is_the_records_company(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "Provider.java", PROVIDER, catalog)
    assert _names(d) == ["Crashfox"]
    assert _row(d, "Crashfox").company == "Crashfox Inc."
    assert _row(d, "Crashfox").link == "https://crashfox.example.com/privacy"


# -- permission words ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, permission", [
    ("允许获取运行的APP", "android.permission.GET_TASKS"),
    ("请求安装第三方应用权限", "android.permission.REQUEST_INSTALL_PACKAGES"),
    ("获取手机设备识别码和状态", "android.permission.READ_PHONE_STATE"),
])
def test_permission_words(text: str, permission: str) -> None:
    assert permission in {p for p, _ in load_lexicon().permissions_in(text, weak=True)}


def test_installed_third_party_apps_ask_no_install_permission() -> None:
    found = {p for p, _ in load_lexicon().permissions_in("获取已安装第三方应用列表", weak=True)}
    assert "android.permission.REQUEST_INSTALL_PACKAGES" not in found


# -- a generator's headings of kinds of service; a service's heading with its owner --------------------------------

SERVICE_KINDS = """\
What data the services below process, and why
We use these services for the purposes named over each of them:
Advertising
We show ads through the services below.
  Zeta Ads (Zeta Inc.)
Zeta Ads is a service run by Zeta Inc. that shows ads in the app.
Data collected: usage data.
Processed in: United States
Analytics
The services below tell us how the app is used.
  Crashfox (Crashfox Inc.)
Crashfox is a service of Crashfox Inc. that reports crashes.
Data collected: usage data.
Processed in: United States
Contact
Owner
Example Studio, 1 Example Road
Owner contact email: someone@example.com
"""


def test_headings_of_kinds_of_service_are_no_rows_and_each_service_has_its_owner(tmp_path: Path,
                                                                                  catalog: Catalog) -> None:
    d = _read(tmp_path, "generated.txt", SERVICE_KINDS, catalog)
    assert not {"Advertising", "Analytics"} & set(_names(d))
    assert {(r.id, r.company) for r in d.sdks} == {("zeta-ads", "Zeta Inc."), ("crashfox", "Crashfox Inc.")}
    assert not any("example.com" in r.company for r in d.sdks)  # a contact address is no company


# -- a one-line table whose cells are parted by bullets, the first after the lead's colon --------------------------

_CELL = "\u00a0\u00a0"
_BULLET_ROWS = (
    ("甲乙推送SDK", "消息推送", "设备型号、IMEI、设备序列号、网络类型、操作系统版本", "甲乙科技有限公司"),
    ("丙丁统计SDK", "统计分析", "设备型号、MAC地址、网络类型、应用使用时长、页面访问记录", "丙丁网络有限公司"),
    ("戊己地图SDK", "定位与地图展示", "位置信息、经纬度、WLAN接入点、基站信息", "戊己信息技术有限公司"),
    ("辛壬分享SDK", "分享内容到社交平台", "设备型号、网络类型、分享的内容", "辛壬网络有限公司"),
    ("Zeta Ads", "广告投放与效果监测", "设备型号、操作系统版本、广告标识符、IP地址、网络类型、屏幕分辨率", "Zeta Inc."),
    ("Crashfox", "崩溃日志收集与分析", "设备型号、操作系统版本、崩溃堆栈、内存占用、应用版本号", "Crashfox Inc."),
)
BULLET_CELLS = ("（7）本应用为实现下列功能接入了第三方开发包（SDK），清单如下：\u00a0·" + _CELL
                + ("·" + _CELL).join(["SDK名称", "场景描述", "个人信息类型", "第三方机构名称"]
                                     + [cell for row in _BULLET_ROWS for cell in row])
                + "（8）合作方只能按本清单所述的用途处理上述信息。\n")


def test_a_one_line_table_of_bullet_cells_keeps_its_first_title(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "bullets.txt", BULLET_CELLS, catalog)
    assert [(r.name, r.company) for r in d.sdks] == [(name, company) for name, _, _, company in _BULLET_ROWS]


# -- an app's i18n strings: a table of contents, and labels kept beside each value -----------------------------------

I18N = """\
{
  "privacy": {
    "toc": {
      "heading": "Table of Contents",
      "permissions": "3. App Permissions",
      "thirdParty": "5. Third-Party SDKs We Use"
    },
    "permissions": {
      "camera": {
        "title": "Camera (CAMERA)",
        "reasonLabel": "Reason:",
        "reasonText": "To scan the code printed on a parcel.",
        "optionalLabel": "Optional?"
      },
      "location": {
        "title": "Location (ACCESS_FINE_LOCATION)",
        "reasonLabel": "Reason:",
        "reasonText": "To show the lockers nearest to you.",
        "optionalLabel": "Optional?"
      }
    }
  }
}
"""


def test_i18n_strings_give_each_permissions_use_and_no_table_of_contents_row(tmp_path: Path,
                                                                             catalog: Catalog) -> None:
    d = _read(tmp_path, "en.json", I18N, catalog)
    assert _names(d) == []
    assert scene_with(d, "scan the code") == {"CAMERA"}
    assert scene_with(d, "lockers nearest") == {"ACCESS_FINE_LOCATION"}


# -- a label run into the end of an address ------------------------------------------------------------------------

def test_a_label_run_into_an_address_is_no_part_of_it() -> None:
    from auditor.policy.text import urls
    assert urls("隐私协议：https://www.example.com/page/policy接入SDK名称：丙丁统计") == ["https://www.example.com/page/policy"]
    assert urls("见 https://example.cn/docs/甲乙隐私声明。") == ["https://example.cn/docs/甲乙隐私声明"]
