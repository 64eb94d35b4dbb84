"""Shapes read right in round 41: a page crawled as one line whose record labels stand apart by blanks (not glued
to the value before them) and whose items are numbered "N）"; a table copied from HTML a cell a paragraph, a cell of
several lines (one constant a line) closer together than the cells are, and an empty cell dropped; an SDK named
with its company in a sentence and without it in a list. In our own words, expected values written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import made_up_catalog
from tests.policy.helpers import only_row as _row
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import row_names as _names


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "wu-map", "xin-share", "zeta-ads", "crashfox", "sigma-push",
                           "tau-maps")


# -- one crawled line: labels set apart by blanks, items numbered "N）" -----------------------------------------

_RECORDS = [
    ("甲乙推送SDK", "网络访问权限、读取手机状态和身份", "用于向用户推送消息", "甲乙科技有限公司",
     "设备型号、系统版本、IMEI、MAC地址", "https://jiayi.example.cn/privacy"),
    ("丙丁统计SDK", "网络访问权限、查看WLAN连接", "用于统计应用的使用情况", "丙丁网络有限公司",
     "设备型号、IMEI、Android ID", "https://bingding.example.cn/privacy"),
    ("戊己地图SDK", "网络访问权限、获取精确位置", "用于在地图上显示门店", "戊己信息技术有限公司",
     "位置信息、设备型号、IMEI", "https://wuji.example.cn/privacy"),
    ("辛壬分享SDK", "网络访问权限、写入外部存储卡", "用于把内容分享到社交平台", "辛壬网络有限公司",
     "设备型号、IMEI、MAC地址", "https://xinren.example.cn/privacy"),
]
SPACED_LABELS = "3.2 与合作伙伴共享。我们的应用中嵌入了以下第三方SDK，其包含的权限代码及收集的信息如下：" + "".join(
    f"{k}）“{name}”包含的权限代码如下：{perms}；       收集信息的目的：{purpose}       信息共享主体：{company}"
    f"       收集的信息：{data}       隐私政策链接：{link}"
    for k, (name, perms, purpose, company, data, link) in enumerate(_RECORDS, 1)) + " 3.3 公开披露"


def test_labels_set_apart_by_blanks_on_a_crawled_line_are_fields_of_their_record(tmp_path: Path,
                                                                                 catalog: Catalog) -> None:
    d = _read(tmp_path, "spaced.txt", SPACED_LABELS, catalog)
    assert _names(d) == [r[0] for r in _RECORDS]
    for name, _perms, _purpose, company, _data, link in _RECORDS:
        row = _row(d, name)
        assert (row.company, row.link) == (company, link)
    assert "android.permission.ACCESS_FINE_LOCATION" in _row(d, "戊己地图SDK").permissions


def test_a_label_right_after_its_colon_is_no_label_set_apart() -> None:
    from auditor.policy.glued_lines import cut
    from auditor.policy.lexicon_data import load_lexicon

    # "使用摄像头" is the value of "权限功能说明", not part of a label "使用摄像头使用场景与目的"; "3.1.1 相机权限：" is an
    # item's number and its label, one blank apart
    items = "".join(f"3.1.{k} {label}权限：权限功能说明： 使用{label}使用场景与目的： 用于{use}。"
                    for k, (label, use) in enumerate([("摄像头", "拍摄头像"), ("麦克风", "发送语音"),
                                                      ("位置", "推荐附近门店"), ("存储", "保存图片"),
                                                      ("日历", "写入提醒")], 1))
    parts = cut("三、我们申请的权限" + items + "我们会在您使用相关功能时单独征求同意。" * 10, load_lexicon())
    assert not any(p.startswith(("使用摄像头使用场景", "相机权限", "摄像头权限")) for p in parts)


# -- a table copied from HTML: a cell a paragraph, a cell of several lines, an empty cell dropped ---------------

def _spaced(cells: list[list[str]], cell_gap: int = 5, line_gap: int = 3, row_gap: int = 7) -> str:
    """Rows of cells as a page copied from HTML writes them: the lines of one cell ``line_gap`` apart, the cells of
    a row ``cell_gap`` apart, rows ``row_gap`` apart."""
    out: list[str] = []
    for r, row in enumerate(cells):
        if r:
            out += [""] * (row_gap - 1)
        for c, cell in enumerate(row):
            if c:
                out += [""] * (cell_gap - 1)
            lines = cell.split("\n")  # (an empty cell: one blank line where its text would stand)
            for n, line in enumerate(lines):
                if n:
                    out += [""] * (line_gap - 1)
                out.append(line)
    return "\n".join(out) + "\n"


HEADER = ["SDK名称", "包名", "使用目的", "使用的权限", "涉及个人信息", "隐私政策链接"]
TABLE_ROWS = [
    ["甲乙推送SDK", "com.jiayi.push", "消息推送",
     "android.permission.ACCESS_NETWORK_STATE\nandroid.permission.READ_PHONE_STATE\nandroid.permission.VIBRATE",
     "设备信息（IMEI、Android ID）", "https://jiayi.example.cn/privacy"],
    ["丙丁统计SDK", "com.bingding.stat", "统计分析", "android.permission.READ_PHONE_STATE", "设备型号、IMEI",
     "https://bingding.example.cn/privacy"],
    ["戊己地图SDK", "com.wuji.map", "显示地图",
     "android.permission.ACCESS_FINE_LOCATION\nandroid.permission.ACCESS_COARSE_LOCATION\n"
     "android.permission.ACCESS_WIFI_STATE\nandroid.permission.CHANGE_WIFI_STATE\n"
     "android.permission.READ_PHONE_STATE\nandroid.permission.WRITE_EXTERNAL_STORAGE\n"
     "android.permission.ACCESS_NETWORK_STATE\nandroid.permission.ACCESS_LOCATION_EXTRA_COMMANDS\n"
     "android.permission.READ_EXTERNAL_STORAGE\nandroid.permission.WRITE_SETTINGS\n"
     "android.permission.INTERNET", "位置信息、设备信息", "https://wuji.example.cn/privacy"],
    ["Zeta Ads", "", "广告投放",
     "android.permission.ACCESS_NETWORK_STATE\nandroid.permission.ACCESS_COARSE_LOCATION", "IMEI、OAID、位置信息",
     ""],
    ["Crashfox", "com.crashfox", "崩溃上报", "android.permission.READ_PHONE_STATE", "设备型号",
     "https://crashfox.example.com/privacy"],
]
PARAGRAPH_CELLS = "5. 我们接入的第三方SDK\n\n\n" + _spaced([HEADER] + TABLE_ROWS)


def test_a_cells_lines_closer_than_the_cells_are_one_cell_and_an_empty_cell_keeps_its_place(
        tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "paragraphs.txt", PARAGRAPH_CELLS, catalog)
    assert _names(d) == ["甲乙推送SDK", "丙丁统计SDK", "戊己地图SDK", "Zeta Ads", "Crashfox"]
    for row in TABLE_ROWS:
        sdk = _row(d, row[0])
        assert sdk.extractor == "flat-table"
        assert sdk.link == row[5]
        assert set(row[3].split("\n")) <= set(sdk.permissions)


# -- one SDK named with its company in a sentence, and in a list without it ---------------------------------------

MENTIONED_TWICE = """\
Advertising partners

The partners we work with include Zeta Ads (ad platform of Zeta Media, Inc.), Sigma Push and others.

Their privacy policies:

- Zeta Ads: https://zeta.example.com/privacy
- Sigma Push: https://sigma.example.com/privacy
"""


def test_a_list_row_takes_the_company_a_sentence_gives_the_same_sdk(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "twice.txt", MENTIONED_TWICE, catalog)
    zeta = _row(d, "Zeta Ads")
    assert (zeta.company, zeta.link) == ("Zeta Media, Inc.", "https://zeta.example.com/privacy")
    assert _row(d, "Sigma Push").company == ""


# -- a policy summary: the services of one purpose listed on one line over what they collect --------------------

SUMMARY = """\
Data collected for the following purposes and using the following services:
Analytics
Crashfox
Personal Data: crash reports; device model
Advertising
Zeta Ads, Sigma Push, Lumen Rewards Network, Orbit Offer Exchange and Tau Maps
Personal Data: Cookies; unique device identifiers for advertising (Advertising ID, for example)
Hosting
Acme Cloud Hosting
Personal Data: various types of Data
"""


def test_a_line_listing_services_over_what_they_collect_is_a_row_each(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "summary.txt", SUMMARY, catalog)
    listed = ["Zeta Ads", "Sigma Push", "Lumen Rewards Network", "Orbit Offer Exchange", "Tau Maps"]
    assert [n for n in _names(d) if n in listed] == listed
    for name in listed:
        row = _row(d, name)
        assert row.extractor == "key-value"
        assert "advertising-id" in row.data_types


# -- a permission table copied a row a paragraph: name, platform, constants, use, answer ---------------------------

PERMISSION_PARAGRAPHS = """\
2.6 应用权限调用说明
我们在首次调用设备权限时会单独征求您的同意，具体如下：



权限名称
设备类型
权限代码
业务功能及目的
是否可以关闭


位置权限
安卓
android.permission.ACCESS_FINE_LOCATION
    android.permission.ACCESS_COARSE_LOCATION

    在门店导航、附近活动推荐环节调用。
是


IOS
NSLocationWhenInUseUsageDescription
是


相机权限
安卓
android.permission.CAMERA
在扫码取件、上传头像环节调用。
是


读取照片
IOS
NSPhotoLibraryUsageDescription
在上传头像环节选择照片。
是


蓝牙
安卓
android.permission.BLUETOOTH android.permission.BLUETOOTH_ADMIN
在连接智能门锁时调用。
否，安卓系统不支持关闭


震动
安卓
android.permission.VIBRATE
收到取件提醒时振动。
否，安卓系统不支持关闭


3. 我们如何共享您的个人信息
"""


def test_a_permission_table_a_row_a_paragraph_pairs_each_use_with_its_constants(tmp_path: Path,
                                                                                   catalog: Catalog) -> None:
    d = _read(tmp_path, "perm_paragraphs.txt", PERMISSION_PARAGRAPHS, catalog)
    pairs = {s.name: {p.rsplit(".", 1)[-1] for p in s.permissions} for s in d.scenes}
    assert pairs == {
        "在门店导航、附近活动推荐环节调用。": {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"},
        "在扫码取件、上传头像环节调用。": {"CAMERA"},
        "在连接智能门锁时调用。": {"BLUETOOTH", "BLUETOOTH_ADMIN"},
        "收到取件提醒时振动。": {"VIBRATE"},
    }


# -- a cookie table flattened a cell a line, its last column how long the cookie lasts ----------------------------

COOKIE_CELLS = """\
Cookies placed to show ads
Name
Placed by
Reason
How long
Zeta Ads
Zeta Media
Show you ads that fit the game
6 months
Crashfox
Crashfox Inc.
Report crashes of the game
12 months
Sigma Push
Sigma
Send you game news
3 months
"""


def test_a_duration_column_is_a_column_of_the_header_not_a_row(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "cookies.txt", COOKIE_CELLS, catalog)
    assert [(s.name, s.company, s.extractor) for s in d.sdks] == [
        ("Zeta Ads", "Zeta Media", "flat-table"), ("Crashfox", "Crashfox Inc.", "flat-table"),
        ("Sigma Push", "Sigma", "flat-table")]


# -- an address a page broke over lines --------------------------------------------------------------------------

BROKEN_ADDRESSES = """\
我们接入的第三方SDK如下：
1）甲乙推送SDK 目的：消息推送 收集个人信息范围：设备标识符 隐私政策：
https://jiayi.example.cn
/legal/privacy%E6%94%BF
%E7%AD%96/index.html
?lang=zh&from=app
2）丙丁统计SDK 目的：统计分析 收集个人信息范围：设备型号 隐私政策：
https://bingding.example.cn
/about/policy
"""


def test_an_address_broken_over_lines_is_one_link_and_no_row(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "broken.txt", BROKEN_ADDRESSES, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [
        ("甲乙推送SDK", "https://jiayi.example.cn/legal/privacy%E6%94%BF%E7%AD%96/index.html?lang=zh&from=app"),
        ("丙丁统计SDK", "https://bingding.example.cn/about/policy")]


def test_permission_names_written_as_policies_write_them() -> None:
    from auditor.policy.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    # (the names Chinese policies give QUERY_ALL_PACKAGES and CHANGE_WIFI_MULTICAST_STATE in SDK permission lists)
    assert {p for p, _ in lexicon.permissions_in("查询所有的应用", weak=True)} == {"android.permission.QUERY_ALL_PACKAGES"}
    assert {p for p, _ in lexicon.permissions_in("改变WiFi多播状态", weak=True)} == \
        {"android.permission.CHANGE_WIFI_MULTICAST_STATE"}


# -- the policy's own title over its date and operator ---------------------------------------------------------------

TITLE_OVER_LABELS = """\
甲乙记账隐私政策


甲乙记账隐私政策:
更新日期：2024年3月1日
甲乙记账(以下称“我们”)尊重并保护所有用户的个人隐私权。

一、我们接入的第三方SDK
SDK名称：丙丁统计SDK
使用目的：统计分析
收集个人信息：设备型号、IMEI
隐私政策：https://bingding.example.cn/privacy
"""


def test_the_policys_own_title_over_its_labels_is_no_sdk_record(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "title.txt", TITLE_OVER_LABELS, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [("丙丁统计SDK", "https://bingding.example.cn/privacy")]


GENERAL_ITEMS = """\
六、第三方SDK
（1）部分第三方SDK信息用途说明
（2）甲乙推送SDK：用于向您推送消息，收集设备标识符，隐私政策：https://jiayi.example.cn/privacy
（3）丙丁统计SDK：用于统计分析，收集设备型号，隐私政策：https://bingding.example.cn/privacy
（4）合作的第三方SDK服务商
"""


def test_items_about_third_party_sdks_in_general_are_no_rows(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "general.txt", GENERAL_ITEMS, catalog)
    assert _names(d) == ["甲乙推送SDK", "丙丁统计SDK"]


OPERATOR_PARTICULARS = """\
九、如何联系我们
如您对本政策有任何疑问，可通过如下地址与我们联系：
公司名称：甲乙科技股份有限公司
公司注册地址：丙丁市戊己区辛壬路18号甲乙产业园A座
全资子公司名称：甲乙（丙丁）网络科技有限公司
公司注册地址：丙丁省丙丁市戊己区庚申路1号创意园9号楼3层
联系电话：400-000-0000
"""


def test_an_operators_particulars_are_no_sdk_record(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "operator.txt", OPERATOR_PARTICULARS, catalog)
    assert _names(d) == []


# -- a page that lost its breaks: a cue for the next item's SDK is no company of this one -------------------------

_FILLER = "，".join(["收集设备型号、系统版本、网络类型、屏幕分辨率、运营商信息"] * 8)
RUN_ON_CUE = ("五、第三方SDK 1）消息推送 我们接入了甲乙推送SDK用于向您推送消息" + _FILLER
              + " 2）数据统计 目前我们的数据统计由辛壬网络有限公司提供，我们会接入丙丁统计SDK，但不会向其共享您的任何信息。\n")


def test_a_cue_far_off_in_the_next_item_gives_no_company(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "run_on_cue.txt", RUN_ON_CUE, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("甲乙推送SDK", ""), ("丙丁统计SDK", "辛壬网络有限公司")]
