"""Small policies we wrote, one per shape the reader must handle, with expected values written by hand.

These run without ``../shared``: each case is our own wording of a shape seen in real policies (a company-
first table with a package column, a header row of ``<td>``, a merged first column, a row continued over
lines, labels in a cell, key-value blocks under a name line, nested list items, permission lists with
Chinese labels, a Traditional Chinese block, an iOS-only section, prose scenes).
"""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry
from tests.policy.helpers import read_text as _read

P = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    e = entry
    return Catalog(entries=(
        e("jpush", "JPush", "极光推送", vendor="Shenzhen Hexun Huagu Information Technology Co., Ltd."),
        e("tencent-bugly", "Tencent Bugly", "Bugly", vendor="Shenzhen Tencent Computer Systems Co., Ltd.",
          classes=("com.tencent.bugly",)),
        e("umeng-analytics", "Umeng Analytics", "友盟统计", "友盟+", vendor="Umeng Tongxin (Beijing) Technology Co., Ltd.",
          vendor_zh="友盟同欣（北京）科技有限公司", category="analytics"),
        e("umeng-push", "Umeng Push", "友盟推送", "U-Push", vendor="Umeng Tongxin (Beijing) Technology Co., Ltd.",
          vendor_zh="友盟同欣（北京）科技有限公司", category="push"),
        e("sensors-analytics", "Sensors Analytics", "神策SDK", "神策数据", vendor="Sensors Data Network Technology"),
        e("xiaomi-push", "Xiaomi Push", "小米推送", vendor="Beijing Xiaomi Mobile Software Co., Ltd."),
    ), version="unit", sha256="0" * 64, source="memory")


def test_html_table_company_first_with_package_column_and_td_header(tmp_path, catalog):
    html = ("<p>Partners</p><table>"
            "<tr><td>Company</td><td>Product</td><td>Package name</td><td>Data</td></tr>"
            "<tr><td>Acme Mobile Co., Ltd.</td><td>Acme Push</td><td>com.acme.push</td><td>OAID, IMEI</td></tr>"
            "<tr><td>Shenzhen Tencent Computer Systems Co., Ltd.</td><td>Crash reporter</td>"
            "<td>com.tencent.bugly</td><td>device model</td></tr></table>")
    d = _read(tmp_path, "p.html", html, catalog)
    rows = [(s.name, s.company, s.package_names, s.id, s.extractor) for s in d.sdks]
    assert rows == [
        ("Acme Push", "Acme Mobile Co., Ltd.", ("com.acme.push",), None, "html-table"),
        ("Crash reporter", "Shenzhen Tencent Computer Systems Co., Ltd.", ("com.tencent.bugly",), "tencent-bugly",
         "html-table"),
    ]
    assert d.sdks[0].data_types == ("imei", "oaid")


def test_html_table_inside_markdown_with_merged_first_column_and_labels_in_a_cell(tmp_path, catalog):
    md = ("# Our SDKs\n\nSome words.\n\n<table>\n<tr><th>SDK名称</th><th>采集个人信息</th><th>开发者及隐私政策</th></tr>\n"
          "<tr><td rowspan=\"2\">极光推送SDK</td><td>设备标识符（OAID）</td>"
          "<td>开发者：深圳市和讯华谷信息技术有限公司；隐私政策：https://www.jiguang.cn/license/privacy</td></tr>\n"
          "<tr><td>网络类型</td><td></td></tr>\n</table>\n")
    d = _read(tmp_path, "p.md", md, catalog)
    assert [(s.name, s.id, s.company, s.link) for s in d.sdks] == [
        ("极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy")]
    assert set(d.sdks[0].data_types) == {"oaid", "network-state"}


def test_pipe_table_row_continued_over_lines_and_separator_never_a_scene(tmp_path, catalog):
    text = ("权限名称 | 说明 | 使用场景 |\n"
            "|---|---|---|\n"
            "CAMERA 相机 |\n"
            "拍摄照片 | 扫码登录 |\n"
            "RECORD_AUDIO 录音 |\n"
            "录制语音 | 语音留言 |\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("扫码登录", (P + "CAMERA",)), ("语音留言", (P + "RECORD_AUDIO",))]


def test_key_value_blocks_under_name_lines_with_nested_data(tmp_path, catalog):
    text = ("第三方SDK目录\n"
            "小米推送SDK\n"
            "- 公司主体：北京小米移动软件有限公司\n"
            "- 使用目的：在小米手机上推送消息\n"
            "- 共享方式：SDK本机采集\n"
            "- 共享信息：\n"
            "（1）设备标识符（OAID、Android ID）：用于识别设备\n"
            "（2）网络信息（IP地址）：用于选择推送节点\n"
            "- 隐私政策：https://dev.mi.com/privacy\n"
            "某某客服SDK\n"
            "第三方机构名称：某某科技有限公司\n"
            "使用目的：在线客服\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    rows = [(s.name, s.id, s.company, s.method, s.link) for s in d.sdks]
    assert rows == [("小米推送SDK", "xiaomi-push", "北京小米移动软件有限公司", "SDK本机采集", "https://dev.mi.com/privacy"),
                    ("某某客服SDK", None, "某某科技有限公司", "", "")]
    assert set(d.sdks[0].data_types) == {"oaid", "android-id", "ip"}


def test_traditional_chinese_block(tmp_path, catalog):
    text = "神策SDK\n第三方公司名稱:神策網絡科技(北京)有限公司\n共享個人信息類型:設備型號、IP地址\n"
    d = _read(tmp_path, "p.txt", text, catalog)
    assert [(s.name, s.id, s.company) for s in d.sdks] == [("神策SDK", "sensors-analytics", "神策網絡科技(北京)有限公司")]
    assert set(d.sdks[0].data_types) == {"device-model", "ip"}


def test_numbered_items_with_quoted_names_company_and_nested_lines(tmp_path, catalog):
    text = ("1.1 “极光推送”：该SDK由“深圳市和讯华谷信息技术有限公司”提供，用于推送通知。需要的信息包括：\n"
            "android版本：设备信息（IMEI、OAID）、定位权限\n"
            "1.2 “Bugly”：由“腾讯”提供，用于统计崩溃。需要的信息包括：手机型号、存储权限。\n")
    d = _read(tmp_path, "p.md", text, catalog)
    rows = [(s.name, s.id, s.company, s.extractor) for s in d.sdks]
    assert rows == [("极光推送", "jpush", "深圳市和讯华谷信息技术有限公司", "list"), ("Bugly", "tencent-bugly", "腾讯", "list")]
    assert set(d.sdks[0].permissions) == {P + "ACCESS_FINE_LOCATION", P + "ACCESS_COARSE_LOCATION"}
    assert set(d.sdks[1].permissions) == {P + "READ_EXTERNAL_STORAGE", P + "WRITE_EXTERNAL_STORAGE"}


def test_permission_list_with_chinese_labels_and_ios_section(tmp_path, catalog):
    text = ("系统权限说明\n"
            "一、iOS系统权限\n"
            "1. 相册\n"
            "使用场景：上传头像\n"
            "二、Android系统权限\n"
            "（1）短信权限（发送/接收/读短信）：验证银行卡时读取验证码。\n"
            "（2）存储权限（读取、写入外置存储器）：保存下载的文件。\n"
            "（3）日历权限（读写日历）：添加活动提醒。\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    perms = [sorted(p.removeprefix(P) for p in s.permissions) for s in d.scenes]
    assert perms == [["READ_SMS", "RECEIVE_SMS", "SEND_SMS"], ["READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"],
                     ["READ_CALENDAR", "WRITE_CALENDAR"]]


def test_prose_names_sdks_in_an_enumeration_and_scenes_by_purpose(tmp_path, catalog):
    text = ("我们的产品集成了友盟统计、极光推送、Acme Ads，需要获取您的设备型号。\n"
            "Location permission is required for the optional weather widget.\n"
            "We never read your contacts.\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    assert [(s.name, s.id) for s in d.sdks] == [("友盟统计", "umeng-analytics"), ("极光推送", "jpush"), ("Acme Ads", None)]
    assert [(s.name, set(s.permissions)) for s in d.scenes] == [
        ("optional weather widget", {P + "ACCESS_FINE_LOCATION", P + "ACCESS_COARSE_LOCATION"})]
    assert P + "READ_CONTACTS" not in d.permission_names


def test_generic_names_resolve_only_with_evidence(tmp_path, catalog):
    text = ("| SDK名称 | 第三方名称 | 使用目的 |\n|---|---|---|\n"
            "| 统计SDK | 友盟同欣（北京）科技有限公司 | 统计分析 |\n"
            "| 统计SDK | 某某数据有限公司 | 统计分析 |\n"
            "| 推送SDK | 友盟同欣（北京）科技有限公司 | 消息推送 |\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    assert [s.id for s in d.sdks] == ["umeng-analytics", None, "umeng-push"]
