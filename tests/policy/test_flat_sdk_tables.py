"""SDK tables flattened one cell per line whose rows' first cells name roles too, named by the third party's
column, copied a cell a paragraph; in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送"), entry("bugly", "Bugly", "腾讯Bugly"))


TABLE = """\
我们接入的第三方SDK如下:

功能模块及服务

第三方名称

个人信息收集详情

隐私政策地址

消息推送功能

极光;

极光推送

设备标识符(Android ID)、位置信息

https://www.jiguang.cn/license/privacy

崩溃分析服务

Bugly

设备型号、系统版本

https://privacy.qq.com/bugly
"""


def test_a_flat_table_whose_first_cells_name_roles_too(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", TABLE, catalog)
    assert [(s.id, s.link) for s in d.sdks] == [
        ("jpush", "https://www.jiguang.cn/license/privacy"), ("bugly", "https://privacy.qq.com/bugly"),
    ]
    assert {"android-id", "location-fine"} <= set(d.sdks[0].data_types)
    assert d.sdks[1].data_types == ("device-model",)


ONE_PERMISSION_A_LINE = """\
本应用接入的第三方SDK列表如下:

SDK名称

包名

使用目的

使用的权限

隐私政策链接

极光推送SDK

cn.jpush.android

推送消息

android.permission.INTERNET

android.permission.ACCESS_NETWORK_STATE

android.permission.VIBRATE

https://example.com/jpush-privacy

腾讯Bugly

com.tencent.bugly

崩溃统计

android.permission.INTERNET

https://example.com/bugly-privacy
"""


def test_a_flat_table_with_one_permission_a_line_keeps_its_rows(tmp_path, catalog):
    # the permission cell of a row runs over several lines, one constant each: one cell, the row stays whole
    d = _read(tmp_path, "sdks.txt", ONE_PERMISSION_A_LINE, catalog)
    got = [(s.name, s.link, sorted(p.rsplit(".", 1)[-1] for p in s.permissions)) for s in d.sdks]
    assert got == [("极光推送SDK", "https://example.com/jpush-privacy", ["ACCESS_NETWORK_STATE", "INTERNET", "VIBRATE"]),
                   ("腾讯Bugly", "https://example.com/bugly-privacy", ["INTERNET"])]


PARAGRAPH_CELLS = """\
附件：第三方SDK列表

第三方公司名称

产品/服务

涉及个人信息

使用场景

使用目的

第三方链接

深圳市和讯华谷信息技术有限公司

极光推送

设备标识符（IMEI、Android ID、OAID）、MAC地址、应用安装列表、设备型号、操作系统版本、网络类型

推送消息时

推送消息

https://www.jiguang.cn/license/privacy

深圳市腾讯计算机系统有限公司

Bugly

设备型号、系统版本、Android ID

应用崩溃时

收集崩溃信息

https://bugly.qq.com/v2/contract
"""


def test_a_table_copied_a_cell_a_paragraph_keeps_a_cell_after_a_blank_line_apart(tmp_path, catalog):
    # the long data cell does not end a sentence, so the next line would read on from it; the blank
    # line between them, as between every two cells of this table, makes it the next cell
    d = _read(tmp_path, "sdk.txt", PARAGRAPH_CELLS, catalog)
    rows = {r.id: r for r in d.sdks}
    assert set(rows) == {"jpush", "bugly"}
    assert rows["jpush"].link == "https://www.jiguang.cn/license/privacy"
    assert rows["jpush"].purpose == "推送消息"
    assert rows["bugly"].link == "https://bugly.qq.com/v2/contract"
    assert rows["bugly"].company == "深圳市腾讯计算机系统有限公司"


def test_a_sites_menu_whose_items_hold_label_words_is_no_table(tmp_path, catalog):
    # a page crawled with its site's menu: "项目数据库" holds 数据 (data), "投资者服务" holds 服务 (a name title), but no
    # line is a title as tables write one; the menu gives no rows, the table below still reads
    menu = "\n".join(["资讯", "项目数据库", "投资者服务", "机构库", "行研报告", "快讯", "视频", "直播", "活动", "专栏"])
    text = (menu + "\n\n第三方SDK列表\n\nSDK名称\n第三方公司\n使用目的\n"
            "极光推送\n深圳市和讯华谷信息技术有限公司\n推送消息\n"
            "腾讯Bugly\n深圳市腾讯计算机系统有限公司\n崩溃分析\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    assert [(r.name, r.id) for r in d.sdks] == [("极光推送", "jpush"), ("腾讯Bugly", "bugly")]
