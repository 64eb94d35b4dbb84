"""Numbered items titled by a company, whose first label line names the product ("1. 某某有限公司" over
"产品/类型：某某SDK"): the title is the row's company. In our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.table import split_company
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送"), entry("bugly", "Bugly", "腾讯Bugly"))


ZH = """\
## 第三方SDK列表

1. 深圳市和讯华谷信息技术有限公司
   产品/类型：极光推送SDK
   使用目的：向用户推送消息
   隐私政策：https://www.jiguang.cn/license/privacy
2. 深圳市腾讯计算机系统有限公司
   产品/类型：腾讯Bugly
   使用目的：收集崩溃信息
   隐私政策：https://privacy.qq.com/bugly
"""

EN = """\
## Third-party SDKs

1. Shenzhen Hexun Huagu Information Technology Co., Ltd.
   Product: JPush SDK
   Purpose: Deliver push notifications
2. Shenzhen Tencent Computer Systems Co., Ltd.
   Product: Bugly SDK
   Purpose: Crash reporting
"""


def test_a_company_titled_item_gives_its_row_the_company(tmp_path, catalog):
    d = _read(tmp_path, "sdk.md", ZH, catalog)
    assert [(s.id, s.company) for s in d.sdks] == [
        ("jpush", "深圳市和讯华谷信息技术有限公司"), ("bugly", "深圳市腾讯计算机系统有限公司"),
    ]


def test_the_same_in_english(tmp_path, catalog):
    d = _read(tmp_path, "sdk.md", EN, catalog)
    assert [(s.id, s.company) for s in d.sdks] == [
        ("jpush", "Shenzhen Hexun Huagu Information Technology Co., Ltd."),
        ("bugly", "Shenzhen Tencent Computer Systems Co., Ltd."),
    ]


SENTENCE_ABOVE = """\
## 第三方SDK列表

1. 我们接入的推送服务
   产品/类型：极光推送SDK
   使用目的：向用户推送消息
"""


def test_an_item_title_that_is_no_company_gives_none(tmp_path, catalog):
    # guard: only a registered company's name is taken as the row's company
    d = _read(tmp_path, "sdk.md", SENTENCE_ABOVE, catalog)
    assert [(s.id, s.company) for s in d.sdks] == [("jpush", "")]


# one label line holds two labelled parts of its own: the developer, then the privacy policy
NESTED = """\
## 第三方SDK列表

1. 极光推送SDK
   功能：向用户推送消息
   采集个人信息类型及目的：设备型号、网络状态，用于选择推送通道
   开发者及隐私政策：开发者：深圳市和讯华谷信息技术有限公司； 隐私政策： https://www.jiguang.cn/license/privacy
2. 腾讯Bugly
   功能：收集崩溃信息
   采集个人信息类型及目的：设备型号、系统版本，用于定位崩溃
   开发者及隐私政策：开发者：深圳市腾讯计算机系统有限公司； 隐私政策： https://privacy.qq.com/bugly
"""


def test_labelled_parts_inside_a_label_line_are_read_by_their_labels(tmp_path, catalog):
    d = _read(tmp_path, "sdk.md", NESTED, catalog)
    assert [(s.id, s.company, s.link) for s in d.sdks] == [
        ("jpush", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy"),
        ("bugly", "深圳市腾讯计算机系统有限公司", "https://privacy.qq.com/bugly"),
    ]


# a list of libraries with no SDK word right under a heading that says it lists the app's SDKs
UNDER_HEADING = """\
## 第三方SDK列表

1. @capacitor/camera（Ionic）：拍照上传头像
2. @capacitor/filesystem（Ionic）：保存导出的文件
3. Avalonia.Android（.NET Foundation）：界面渲染

## 我们如何保护您的信息

1. 加密传输：全部数据经 HTTPS 传输
"""


def test_a_list_under_an_sdk_heading_lists_sdks(tmp_path, catalog):
    d = _read(tmp_path, "sdk.md", UNDER_HEADING, catalog)
    names = [s.name for s in d.sdks]
    assert len(names) == 3, names  # the camera plugin too: a package path names no data or permission
    assert [n.split("（")[0] for n in names] == ["@capacitor/camera", "@capacitor/filesystem", "Avalonia.Android"]


# a one-line record: the name, its company in brackets, then labelled fields
NAME_WITH_COMPANY = """\
## 第三方SDK列表

- **极光推送SDK**（深圳市和讯华谷信息技术有限公司）：推送消息。收集的信息：设备标识符。隐私政策：https://www.jiguang.cn/license/privacy
- **腾讯Bugly**（深圳市腾讯计算机系统有限公司）：崩溃分析。收集的信息：设备型号。隐私政策：https://privacy.qq.com/bugly
"""


def test_a_company_in_brackets_after_the_name_is_the_rows(tmp_path, catalog):
    d = _read(tmp_path, "sdk.md", NAME_WITH_COMPANY, catalog)
    assert [(s.id, s.company) for s in d.sdks] == [
        ("jpush", "深圳市和讯华谷信息技术有限公司"), ("bugly", "深圳市腾讯计算机系统有限公司"),
    ]


def test_a_place_in_brackets_inside_a_company_name_is_no_split():
    # guard: "腾讯科技（深圳）有限公司" is one company, not a product "腾讯科技" of a company "深圳）有限公司"
    fields = [("name", "腾讯科技（深圳）有限公司")]
    assert split_company("腾讯科技（深圳）有限公司", fields) == fields
    assert split_company("华为推送SDK（华为软件技术有限公司）", [("name", "华为推送SDK（华为软件技术有限公司）")]) == [
        ("name", "华为推送SDK"), ("company", "华为软件技术有限公司")]


def test_records_of_labels_under_an_sdk_heading_are_no_list_of_sdks(tmp_path, catalog):
    # guard: "- Role: …" / "- When: …" repeated record after record are labels, not SDKs the heading lists
    text = ("## Third-party SDKs\n\n- SDK: JPush SDK\n- Role: sends push notifications\n- When: after you sign in\n\n"
            "- SDK: Bugly SDK\n- Role: reports crashes\n- When: when the app crashes\n")
    d = _read(tmp_path, "sdk.md", text, catalog)
    assert sorted(s.id or s.name for s in d.sdks) == ["bugly", "jpush"]


VENDOR_ASIDES = """\
## Third-party SDKs we use

- **Pushwoosh Notify** (Arrow Labs): delivers push notifications; collects the device model.
- **CrashKeeper** (Android): crash reports; collects the OS version.
- **Pushwoosh Notify Pro** (Pushwoosh Notify): the paid tier.
"""


def test_a_bracket_naming_the_vendor_of_the_resolved_sdk_is_the_rows_company(tmp_path):
    catalog = memory_catalog(
        entry("notify", "Pushwoosh Notify", vendor="Arrow Labs Limited"),
        entry("crashkeeper", "CrashKeeper", vendor="Keeper Software Inc."),
    )
    rows = {r.id: r for r in _read(tmp_path, "asides.md", VENDOR_ASIDES, catalog).sdks}
    assert (rows["notify"].name, rows["notify"].company) == ("Pushwoosh Notify", "Arrow Labs")
    # a platform in brackets is no company: the name keeps it and the company stays unknown
    assert (rows["crashkeeper"].name, rows["crashkeeper"].company) == ("CrashKeeper (Android)", "")


def test_a_product_name_before_a_known_name_in_brackets_stays_the_name(tmp_path):
    """"X Pro (X)": the words before the bracket are a product name themselves, so the bracket is an aside,
    not the SDK the item is about (as it is in "推送通知消息（某某推送SDK）")."""
    catalog = memory_catalog(entry("notify", "Pushwoosh Notify", vendor="Arrow Labs Limited"),
                             entry("notify-pro", "Pushwoosh Notify Pro", vendor="Arrow Labs Limited"))
    names = [r.name for r in _read(tmp_path, "asides.md", VENDOR_ASIDES, catalog).sdks]
    assert "Pushwoosh Notify Pro (Pushwoosh Notify)" in names


def test_package_names_in_brackets_are_no_company(tmp_path):
    catalog = memory_catalog(entry("amap", "高德地图", "AMap", vendor="AutoNavi Software Co., Ltd."))
    text = "## SDK\n\n- 高德地图（com.amap.api, com.autonavi）：定位服务\n"
    rows = _read(tmp_path, "pkg.md", text, catalog).sdks
    assert [(r.id, r.company) for r in rows] == [("amap", "")]


def test_a_numbered_item_whose_name_carries_its_package_is_an_sdk_row(tmp_path):
    # the item goes on to list what the library touches, comma after comma: it still opens with a library
    catalog = memory_catalog(entry("jpush", "JPush", "极光推送"))
    text = ("11.2 极光推送SDK，用于推送消息；\n"
            "11.3 某图片库（com.example.imagepipeline），基础模块默认集成，用于加载图片；存储的个人文件，读取外置存储器、写入外置存储器；\n")
    names = [r.name for r in _read(tmp_path, "items.txt", text, catalog).sdks]
    assert "某图片库（com.example.imagepipeline）" in names


def test_a_product_named_where_its_provider_would_be(tmp_path):
    # "供应商：某某推送SDK；使用目的：…": an SDK's name under the provider's label; a company there stays one
    from tests.policy.helpers import memory_catalog, read_text
    text = ("6. 消息推送服务供应商：\n（1）供应商：某某科技有限公司；使用目的：消息推送技术服务；收集信息：设备识别码。\n"
            "（2）供应商：某某推送SDK；使用目的：消息推送技术服务；收集信息：Android ID。\n"
            "（3）供应商：另一推送SDK；使用目的：消息推送服务；收集信息：OAID。\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    names = [s.name for s in d.sdks]
    assert "某某推送SDK" in names and "另一推送SDK" in names
    assert all(s.company != "某某推送SDK" for s in d.sdks)


def test_an_item_saying_which_company_its_sdk_belongs_to(tmp_path):
    from tests.policy.helpers import memory_catalog, read_text
    text = ("四、使用到的第三方服务商SDK\n"
            "1、某某支付SDK：用于支付相关服务，需要获取您的设备唯一设备识别码；该SDK隶属于“某某金服“，收集类别为：个人常用设备信息。\n"
            "2、某某推送SDK：用于推送消息；该SDK隶属于“某某信息”，收集类别为：个人常用设备信息。\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert [(s.name, s.company) for s in d.sdks] == [("某某支付SDK", "某某金服"), ("某某推送SDK", "某某信息")]
