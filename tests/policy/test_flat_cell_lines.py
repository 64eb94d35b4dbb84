"""SDK tables flattened one cell a line with no blank lines between cells: a long cell followed by a short one
is two cells when the rows read so better than with the two joined; a row-number column ("序号", "#") opens
each row. In our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送"), entry("bugly", "Bugly", "腾讯Bugly"),
                          entry("wechat", "WeChat Open SDK", "微信开放平台SDK"))


# the data cells are long and end without a full stop; the link cells show the link's text only
LINK_TEXTS = """\
SDK名称
第三方名称
使用目的
收集个人信息
第三方隐私政策
极光推送SDK
深圳市和讯华谷信息技术有限公司
向用户发送应用内的消息通知与活动提醒
设备标识符（Android ID、OAID）、网络类型、运营商信息、应用列表（可选）、粗略位置信息（可选）、设备型号
极光推送隐私政策
腾讯Bugly
深圳市腾讯计算机系统有限公司
收集应用崩溃与卡顿信息以便定位问题
设备型号、操作系统版本、应用版本、崩溃时的线程堆栈、内存使用情况、网络类型以及设备的屏幕方向信息
Bugly隐私政策
微信开放平台SDK
深圳市腾讯计算机系统有限公司
帮助用户分享内容到微信
设备型号、网络类型
微信隐私保护指引
"""


def test_a_long_cell_and_the_short_link_text_after_it_are_two_cells(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", LINK_TEXTS, catalog)
    assert [(s.name, s.id, s.company) for s in d.sdks] == [
        ("极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司"),
        ("腾讯Bugly", "bugly", "深圳市腾讯计算机系统有限公司"),
        ("微信开放平台SDK", "wechat", "深圳市腾讯计算机系统有限公司"),
    ]
    assert "android-id" in d.sdks[0].data_types


WRAPPED = """\
SDK名称
第三方名称
收集个人信息
隐私政策链接
极光推送SDK
深圳市和讯华谷信息技术有限公司
设备标识符（Android ID、OAID）、网络类型、运营商信息、应用列表、粗略位置信息以及设备型号与系统版本等
信息，用于推送消息
https://www.jiguang.cn/license/privacy
腾讯Bugly
深圳市腾讯计算机系统有限公司
设备型号、操作系统版本
https://privacy.qq.com/bugly
"""


def test_a_cell_wrapped_over_two_lines_stays_one_cell(tmp_path, catalog):
    # guard: the line after a long unended one goes on with it when the rows read so as well
    d = _read(tmp_path, "sdk.txt", WRAPPED, catalog)
    assert [(s.id, s.company, s.link) for s in d.sdks] == [
        ("jpush", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy"),
        ("bugly", "深圳市腾讯计算机系统有限公司", "https://privacy.qq.com/bugly"),
    ]


NUMBERED = """\
{index}
SDK名称
提供方
用途
隐私政策
1
极光推送SDK
深圳市和讯华谷信息技术有限公司
消息推送
https://www.jiguang.cn/license/privacy
2
腾讯Bugly
深圳市腾讯计算机系统有限公司
崩溃分析
https://privacy.qq.com/bugly
"""


@pytest.mark.parametrize("index", ["序号", "#"])
def test_a_row_number_column_opens_each_row(tmp_path, catalog, index):
    d = _read(tmp_path, "sdk.txt", NUMBERED.format(index=index), catalog)
    assert [(s.name, s.company, s.link) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy"),
        ("腾讯Bugly", "深圳市腾讯计算机系统有限公司", "https://privacy.qq.com/bugly"),
    ]


# a table copied a cell a line, each cell closed by a bar; one English title is long
BARRED_EN = """\
Third-Party Company |
Product / Type |
Purpose of Use |
Third-Party Privacy / Processing Policy |
Shenzhen Hexun Huagu Information Technology Co., Ltd. |
JPush SDK |
Deliver push notifications |
https://www.jiguang.cn/license/privacy |
Shenzhen Tencent Computer Systems Co., Ltd. |
Bugly SDK |
Crash reporting |
https://privacy.qq.com/bugly |
"""


def test_a_long_english_title_stays_in_a_barred_header(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", BARRED_EN, catalog)
    assert [(s.id, s.company, s.link) for s in d.sdks] == [
        ("jpush", "Shenzhen Hexun Huagu Information Technology Co., Ltd.", "https://www.jiguang.cn/license/privacy"),
        ("bugly", "Shenzhen Tencent Computer Systems Co., Ltd.", "https://privacy.qq.com/bugly"),
    ]


# the first row's address ends with a slash; the next row opens with its number
BARRED_NUMBERED = """\
序号 |
SDK名称 |
提供方 |
隐私政策 |
1 |
极光推送SDK |
深圳市和讯华谷信息技术有限公司 |
https://www.jiguang.cn/ |
2 |
腾讯Bugly |
深圳市腾讯计算机系统有限公司 |
https://privacy.qq.com/ |
"""


def test_an_address_ending_in_a_slash_closes_its_cell(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", BARRED_NUMBERED, catalog)
    assert [(s.id, s.company, s.link) for s in d.sdks] == [
        ("jpush", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/"),
        ("bugly", "深圳市腾讯计算机系统有限公司", "https://privacy.qq.com/"),
    ]


# a permission table copied a cell a line, each cell closed by a bar; its four titles are not four labels
# each over a value (which would make it a field/value table of two records)
BARRED_PERMISSIONS = """\
Device permission |
Service function |
Description of the scene |
Whether it can be turned off |
Camera |
Scanning |
Scan a QR code to add a friend |
Yes. Only scanning stops working |
Microphone |
Voice chat |
Send a voice message to a friend |
Yes. Only voice chat stops working |
"""


def test_a_barred_permission_table_with_four_titles_reads_its_rows(tmp_path, catalog):
    d = _read(tmp_path, "perms.txt", BARRED_PERMISSIONS, catalog)
    by_permission = {p.permission: p.scene for p in d.permissions}
    assert set(by_permission) == {"android.permission.CAMERA", "android.permission.RECORD_AUDIO"}
    assert "Scan" in by_permission["android.permission.CAMERA"]
    assert "Voice" in by_permission["android.permission.RECORD_AUDIO"]


# a caption over the titles (it reads as a title too), and one row whose link cell shows no address
CAPTIONED = """\
Third-party SDKs
SDK
Purpose
Data Collected
Privacy Policy
`jpush_flutter`
Push notifications
Device identifiers
https://www.jiguang.cn/license/privacy
`flutter_bugly`
Crash reporting
Device model, OS version
https://privacy.qq.com/bugly
`local_auth`
Unlock with a fingerprint
Nothing leaves the device
Uses the system API only
`wechat_kit`
Share to WeChat
Device model
https://weixin.qq.com/privacy
"""


def test_a_caption_over_the_titles_is_no_column(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", CAPTIONED, catalog)
    assert [s.name for s in d.sdks] == ["`jpush_flutter`", "`flutter_bugly`", "`local_auth`", "`wechat_kit`"]
    assert [s.link for s in d.sdks] == ["https://www.jiguang.cn/license/privacy", "https://privacy.qq.com/bugly", "",
                                        "https://weixin.qq.com/privacy"]


# eight titles; the last describes each third party's data security and is no second company column
EIGHT_TITLES = """\
第三方公司名称
产品/类型
共享信息名称
使用目的
使用场景
共享方式
第三方个人信息处理规则
第三方数据安全能力描述
深圳市和讯华谷信息技术有限公司
极光推送SDK
设备标识符、网络信息
推送消息
接收通知时
SDK采集
https://www.jiguang.cn/license/privacy
去标识化处理
深圳市腾讯计算机系统有限公司
腾讯Bugly
设备型号、系统版本
崩溃分析
应用崩溃时
SDK采集
https://privacy.qq.com/bugly
加密传输
"""


def test_a_data_security_column_is_no_second_company(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", EIGHT_TITLES, catalog)
    assert [(s.id, s.company, s.link) for s in d.sdks] == [
        ("jpush", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy"),
        ("bugly", "深圳市腾讯计算机系统有限公司", "https://privacy.qq.com/bugly"),
    ]


def test_a_converted_table_whose_cells_broke_over_lines_is_read_as_a_pipe_table(tmp_path):
    # a page converted to text: each cell's lines, then a line of a lone "|", rows ending at a blank line
    from tests.policy.helpers import entry, memory_catalog, read_text
    catalog = memory_catalog(entry("example-push", "Example Push", "某某推送SDK"))
    text = ("本应用接入的第三方SDK如下：\n"
            "SDK名称\n|\n收集的个人信息\n|\n使用目的\n|\n所属公司  \n  \n---|---|---|---  \n  \n"
            "某某推送SDK\n|\nIMEI、\nMAC地址\n|\n推送消息\n|\n某某科技有限公司  \n  \n"
            "某某统计SDK\n|\nAndroid ID\n|\n统计用户数量\n|\n某某网络技术有限公司  \n  \n")
    d = read_text(tmp_path, "page.html", text, catalog)
    assert [(s.name, s.id, s.company, sorted(s.data_types)) for s in d.sdks] == [
        ("某某推送SDK", "example-push", "某某科技有限公司", ["imei", "mac"]),
        ("某某统计SDK", None, "某某网络技术有限公司", ["android-id"]),
    ]


def test_a_table_copied_as_tab_separated_cells_is_read_as_a_table(tmp_path):
    from tests.policy.helpers import entry, memory_catalog, read_text
    catalog = memory_catalog(entry("example-push", "Example Push", "某某推送SDK"))
    for name, head in (("p.txt", ""), ("p.vue", "<template>\n")):
        text = (head + "目前，我们使用到的SDK包括：\n\n"
                "\t\t序号\tSDK名称\t访问用户权限\tSDK功能\tSDK隐私协议网址\n"
                "\t\t1\t某某推送SDK\t读取手机状态\t消息推送\thttps://push.example.cn/privacy\n"
                "\t\t2\t某某地图SDK\t获取位置信息\t地图展示\thttps://map.example.cn/privacy\n")
        d = read_text(tmp_path, name, text, catalog)
        assert [(s.name, s.id, s.link) for s in d.sdks] == [
            ("某某推送SDK", "example-push", "https://push.example.cn/privacy"),
            ("某某地图SDK", None, "https://map.example.cn/privacy")], name
    # a sentence with one tab inside is no table
    d = read_text(tmp_path, "q.txt", "我们使用\t某某推送SDK\t推送消息。\n", catalog)
    assert all("|" not in s.name for s in d.sdks)
