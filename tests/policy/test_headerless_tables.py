"""Tables without a row of column titles: a first row holding an address or a registered company's name is
a row of data however many role words its cells hold, and cells saying "nothing here" ("-", "/", "无") do not
hide what a column holds. In our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送"), entry("bugly", "Bugly", "腾讯Bugly"),
                          entry("alipay", "Alipay SDK", "支付宝SDK"))


def _table(rows: list[list[str]]) -> str:
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<html><body><p>本应用接入的第三方服务：</p>\n<table>\n{body}\n</table>\n</body></html>\n"


# the first row's cells hold role words ("SDK", "隐私说明") but also a registered company's name
NO_TITLES = _table([
    ["支付宝SDK", "支付宝（中国）网络技术有限公司", "完成订单支付", "设备型号、Android ID", "支付宝SDK隐私说明"],
    ["极光推送SDK", "深圳市和讯华谷信息技术有限公司", "发送消息通知", "设备型号、OAID", "极光推送隐私政策"],
    ["腾讯Bugly SDK", "深圳市腾讯计算机系统有限公司", "崩溃分析", "设备型号、系统版本", "Bugly隐私政策"],
])


def test_a_first_row_naming_a_registered_company_is_data_not_titles(tmp_path, catalog):
    d = _read(tmp_path, "sdk.html", NO_TITLES, catalog)
    assert [(s.id, s.company) for s in d.sdks] == [
        ("alipay", "支付宝（中国）网络技术有限公司"), ("jpush", "深圳市和讯华谷信息技术有限公司"),
        ("bugly", "深圳市腾讯计算机系统有限公司"),
    ]


WITH_TITLES = _table([
    ["SDK名称", "所属公司", "使用目的", "收集信息", "隐私政策"],
    ["极光推送SDK", "深圳市和讯华谷信息技术有限公司", "发送消息通知", "设备型号、OAID", "https://www.jiguang.cn/license/privacy"],
    ["腾讯Bugly SDK", "深圳市腾讯计算机系统有限公司", "崩溃分析", "设备型号、系统版本", "https://privacy.qq.com/bugly"],
])


def test_a_row_of_titles_is_still_the_header(tmp_path, catalog):
    # guard: "所属公司" ends like a company but names no registered one
    d = _read(tmp_path, "sdk.html", WITH_TITLES, catalog)
    assert [(s.id, s.link) for s in d.sdks] == [
        ("jpush", "https://www.jiguang.cn/license/privacy"), ("bugly", "https://privacy.qq.com/bugly"),
    ]


# no titles; most rows say "-" in the permission column
DASHES = _table([
    ["极光推送SDK", "深圳市和讯华谷信息技术有限公司", "设备型号、OAID", "网络状态权限、访问网络权限"],
    ["腾讯Bugly SDK", "深圳市腾讯计算机系统有限公司", "设备型号、系统版本", "-"],
    ["支付宝SDK", "支付宝（中国）网络技术有限公司", "设备型号、Android ID", "-"],
])


def test_dash_cells_do_not_hide_a_permission_column(tmp_path, catalog):
    d = _read(tmp_path, "sdk.html", DASHES, catalog)
    rows = {s.id: s for s in d.sdks}
    assert set(rows) == {"jpush", "bugly", "alipay"}
    assert set(rows["jpush"].permissions) == {"android.permission.ACCESS_NETWORK_STATE", "android.permission.INTERNET"}
    assert rows["bugly"].permissions == ()
