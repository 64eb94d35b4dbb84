"""Field/value tables (one field a row: label left, value right), in our own words, expected values by hand.

Seen in real policies as per-SDK two-column HTML tables, as one long two-column table whose records follow
each other, and as that table flattened one cell per line with a trailing ``|``.
"""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(entries=(
        entry("jpush", "JPush", "极光推送", vendor="Shenzhen Hexun Huagu Information Technology Co., Ltd."),
        entry("xiaomi-push", "Xiaomi Push", "小米推送", vendor="Beijing Xiaomi Mobile Software Co., Ltd."),
        entry("sentry", "Sentry", vendor="Functional Software, Inc."),
    ), version="unit", sha256="0" * 64, source="memory")


def test_field_value_table_flattened_one_cell_per_line(tmp_path, catalog):
    text = ("Services we share data with\n"
            "Function |\nError reports |\n"
            "SDK Name |\nSentry |\n"
            "Purpose of Use |\nTo learn why the app crashed |\n"
            "Personal Information Field |\nIP address, device model |\n"
            "Entity Name |\nFunctional Software, Inc. |\n"
            "Privacy Policy Link |\nhttps://sentry.io/privacy/ |\n"
            "Function |\nNotifications |\n"
            "SDK Name |\nAcme Notification service |\n"
            "Purpose of Use |\nTo deliver messages to the phone |\n"
            "Entity Name |\nAcme Labs Ltd. |\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    rows = [(s.name, s.id, s.company, s.link, s.extractor) for s in d.sdks]
    assert rows == [
        ("Sentry", "sentry", "Functional Software, Inc.", "https://sentry.io/privacy/", "pipe-table"),
        ("Acme Notification service", None, "Acme Labs Ltd.", "", "pipe-table"),
    ]
    assert "ip" in d.sdks[0].data_types
    assert d.sdks[1].data_types == ()


def test_per_sdk_two_column_html_tables(tmp_path, catalog):
    html = ("<h2>第三方SDK</h2>"
            "<table><tr><td>SDK名称</td><td>极光推送SDK</td></tr>"
            "<tr><td>第三方主体</td><td>深圳市和讯华谷信息技术有限公司</td></tr>"
            "<tr><td>收集个人信息</td><td>设备标识符（OAID）、网络类型</td></tr>"
            "<tr><td>隐私政策链接</td><td>https://www.jiguang.cn/license/privacy</td></tr></table>"
            "<table><tr><td>SDK名称</td><td>小米推送SDK</td></tr>"
            "<tr><td>使用目的</td><td>在小米手机上推送消息</td></tr>"
            "<tr><td>SDK名称</td><td>某某统计SDK</td></tr>"
            "<tr><td>第三方主体</td><td>某某数据有限公司</td></tr></table>")
    d = _read(tmp_path, "p.html", html, catalog)
    rows = [(s.name, s.id, s.company, s.purpose, s.link) for s in d.sdks]
    assert rows == [
        ("极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司", "", "https://www.jiguang.cn/license/privacy"),
        ("小米推送SDK", "xiaomi-push", "", "在小米手机上推送消息", ""),
        ("某某统计SDK", None, "某某数据有限公司", "", ""),
    ]
    assert set(d.sdks[0].data_types) == {"oaid", "network-state"}


def test_two_column_table_with_a_header_row_stays_a_table_of_columns(tmp_path, catalog):
    text = ("| SDK名称 | 使用目的 |\n|---|---|\n| 极光推送SDK | 推送消息 |\n| 小米推送SDK | 小米手机推送 |\n")
    d = _read(tmp_path, "p.md", text, catalog)
    assert [(s.name, s.id, s.purpose) for s in d.sdks] == [
        ("极光推送SDK", "jpush", "推送消息"), ("小米推送SDK", "xiaomi-push", "小米手机推送")]


def test_labels_whose_values_stand_on_the_next_line(tmp_path, catalog):
    # a page copied with each label and its value in their own elements: "使用目的:" then "消息推送"
    text = ("第三方SDK清单\n\n极光推送SDK\n\n使用目的:\n\n消息推送\n\n合作方主体:\n\n深圳市和讯华谷信息技术有限公司\n\n"
            "涉及个人信息:\n\n设备标识符、IP地址\n\n小米推送SDK\n\n使用目的:\n\n小米手机上的消息推送\n\n合作方主体:\n\n"
            "北京小米移动软件有限公司\n\n涉及个人信息:\n\n设备型号\n")
    rows = _read(tmp_path, "p.txt", text, catalog).sdks
    assert [(r.name, r.id, r.company, r.purpose, set(r.data_types)) for r in rows] == [
        ("极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司", "消息推送", {"ip"}),
        ("小米推送SDK", "xiaomi-push", "北京小米移动软件有限公司", "小米手机上的消息推送", {"device-model"})]


def test_a_function_heading_over_the_sdk_its_sharing_type_names(tmp_path, catalog):
    # blocks headed by what they are for; the SDK is named in brackets in the sharing-type line
    text = ("Service providers we share data with\n\nFinding nearby speakers\n\n  • Third party name: Acme Inc.\n"
            "  • Sharing type: Embed SDK (Acme Link SDK)\n  • Shared data: IP address, Bluetooth address\n"
            "  • Purpose of use: finding and pairing nearby speakers\n\nCrash statistics\n\n"
            "  • Third party name: Functional Software, Inc.\n  • Sharing type: SDK (Sentry)\n"
            "  • Shared data: device model\n")
    rows = _read(tmp_path, "p.txt", text, catalog).sdks
    assert [(r.name, r.id, r.company, r.purpose) for r in rows] == [
        ("Acme Link SDK", None, "Acme Inc.", "finding and pairing nearby speakers"),
        ("Sentry", "sentry", "Functional Software, Inc.", "Crash statistics")]


def test_an_empty_link_label_does_not_take_the_next_records_name(tmp_path, catalog):
    # the link was lost when the page was copied: the next line names the next SDK, it is no address
    text = ("1. 极光推送SDK\n- 使用目的: 消息推送\n- 隐私政策链接:\n2. 小米推送SDK\n- 使用目的: 小米手机推送\n"
            "- 隐私政策链接:\n")
    rows = _read(tmp_path, "p.txt", text, catalog).sdks
    assert [(r.name, r.id, r.purpose) for r in rows] == [
        ("极光推送SDK", "jpush", "消息推送"), ("小米推送SDK", "xiaomi-push", "小米手机推送")]


def test_a_sentence_ending_as_follows_is_no_label_and_the_maker_is_the_company(tmp_path, catalog):
    text = ("目前本应用接入的第三方SDK列明如下：\n\n1、SDK名称：小米推送SDK\n\n厂家：北京小米移动软件有限公司\n\n"
            "使用目的：消息推送\n\n使用的敏感系统权限：READ PHONE STATE(读取设备信息)\n")
    rows = _read(tmp_path, "p.txt", text, catalog).sdks
    assert [(r.name, r.id, r.company, r.permissions) for r in rows] == [
        ("小米推送SDK", "xiaomi-push", "北京小米移动软件有限公司", ("android.permission.READ_PHONE_STATE",))]
