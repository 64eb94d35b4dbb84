"""SDK tables flattened one cell per line whose rows' first cells name roles too, named by the third party's
column; in our own words, expected values written by hand."""

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
