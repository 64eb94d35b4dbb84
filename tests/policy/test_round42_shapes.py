"""Shapes read right in round 42: a permission table copied as text with its titles one a line and each row one
line of blank-separated cells; a two-column permission table ("Permission Purpose") whose permission cells are
several words; a permission item whose text opens with the moment the user acts (not running the app, not
granting the permission); a yes-or-no cell never named as a scene; names the catalog does not know, enumerated
in an English sentence beside names it knows; on a page crawled as one line, a sentence that names no SDK is of the
SDK named before it, not of every SDK the page names; a flattened table's row whose last cell stands a line further
off than its others; a numbered SDK item after a key-value record is the list's next item, and a list numbered from 1
again is another list. In our own words, expected values written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import made_up_catalog
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import scene_permissions as _pairs


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "zeta-ads", "crashfox", "sigma-push", "tau-maps")


STACKED_TITLES = """（5）各项业务功能对系统权限的调用

设备权限
业务功能
权限授权方式
可否关闭

获取精确位置 为您推荐附近的门店 首次使用相应功能时弹窗询问 是
读取手机状态和身份 识别设备以保障账号安全 首次使用相应功能时弹窗询问 是
摄像头 扫描商品条码 首次使用相应功能时弹窗询问 是
读取手机识别码 防止恶意注册 首次使用相应功能时弹窗询问 是

您可以在系统设置中关闭上述权限。
"""


def test_titles_one_a_line_over_rows_of_blank_separated_cells(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "stacked.txt", STACKED_TITLES, catalog)
    assert _pairs(d) == {
        "为您推荐附近的门店": {"ACCESS_FINE_LOCATION"},
        "识别设备以保障账号安全": {"READ_PHONE_STATE"},
        "扫描商品条码": {"CAMERA"},
        "防止恶意注册": {"READ_PHONE_STATE"},
    }


CELLS_A_LINE = """设备权限

业务功能

可否关闭

摄像头

扫描商品条码

是

麦克风

发送语音留言

是
"""


def test_a_table_copied_a_cell_a_line_is_no_blank_separated_table(tmp_path: Path, catalog: Catalog) -> None:
    # (each row's cells stand on lines of their own: the flattened table reads it, one scene a row)
    d = _read(tmp_path, "cells.txt", CELLS_A_LINE, catalog)
    assert _pairs(d) == {"扫描商品条码": {"CAMERA"}, "发送语音留言": {"RECORD_AUDIO"}}


TWO_TITLES = """Before you use the app for the first time, it asks for these permissions:
Permission Purpose
Camera access Scan the barcode of a parcel
Phone status Pause playback when a call comes in
Location Show pickup points near you
Please note that you can revoke these permissions in the settings of your phone.
"""


def test_two_titles_over_rows_whose_permission_is_several_words(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "two.txt", TWO_TITLES, catalog)
    pairs = _pairs(d)
    assert pairs["Scan the barcode of a parcel"] == {"CAMERA"}
    assert pairs["Pause playback when a call comes in"] == {"READ_PHONE_STATE"}
    assert pairs["Show pickup points near you"] == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}
    assert len(pairs) == 3


MOMENT_FIRST = """三、我们申请的设备权限
（一）相机权限：当您使用扫码寄件功能时，本应用需要向您申请获取此权限，拒绝后您将无法扫码。
（二）麦克风权限：当您使用语音留言功能时，本应用需要向您申请获取此权限，拒绝后您只能输入文字。
（三）电话权限：当您运行本应用时，我们需要获取此权限以识别设备，保障账号安全。
（四）日历权限：如您同意开启此项权限后，我们会把取件提醒写入您的日历。
"""


def test_an_item_naming_only_its_permission_has_the_moment_it_opens_with_as_its_scene(
        tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "moment.txt", MOMENT_FIRST, catalog)
    pairs = _pairs(d)
    assert pairs["使用扫码寄件功能"] == {"CAMERA"}
    assert pairs["使用语音留言功能"] == {"RECORD_AUDIO"}
    # running the app at all, or granting the permission, is no use of it: the label stays the scene's name
    assert pairs["电话权限"] == {"READ_PHONE_STATE"}
    assert len(pairs) == 4 and not any(name.startswith(("运行", "同意")) for name in pairs)


def test_a_yes_or_no_cell_names_no_scene() -> None:
    from auditor.policy.claims import SceneClaim
    from auditor.policy.document import Document, Line
    from auditor.policy.facts import scenes
    from auditor.policy.lexicon_data import load_lexicon

    lines = tuple(Line(k, t) for k, t in enumerate(["相机", "是", "麦克风", "发送语音留言"], 1))
    doc = Document("made-up.txt", "text", "utf-8", lines)
    found = scenes(doc, [SceneClaim("是", "", "相机", 0, 1), SceneClaim("发送语音留言", "", "麦克风", 2, 3)],
                   load_lexicon())
    assert [(s.name, s.permissions) for s in found] == [("发送语音留言", ("android.permission.RECORD_AUDIO",))]


ENUMERATED = """Why we collect information
We use third party providers Crashfox (for crash reports), Sigma Push and Tau Maps (for notifications and maps),
Quillmetrics and Orbitads (for attribution and advertising). Their privacy policies apply to the data they receive.
"""


def test_unknown_names_enumerated_beside_known_ones_in_an_english_sentence(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "enumerated.txt", ENUMERATED.replace("\n(", " ("), catalog)
    names = [r.name for r in d.sdks]
    assert {"Crashfox", "Sigma Push", "Tau Maps", "Quillmetrics", "Orbitads"} <= set(names)
    assert [r.id for r in d.sdks if r.name in ("Quillmetrics", "Orbitads")] == [None, None]


NOT_NAMES = """We use service providers Crashfox, Sigma Push and our own servers to keep the games running.
The make, model and operating system of your device are collected by Crashfox and Sigma Push.
"""


def test_words_enumerated_beside_known_names_are_no_names_unless_capitalised(tmp_path: Path,
                                                                             catalog: Catalog) -> None:
    d = _read(tmp_path, "not_names.txt", NOT_NAMES, catalog)
    assert sorted({r.name for r in d.sdks}) == ["Crashfox", "Sigma Push"]


_FILLER = "我们会采取合理可行的措施保护您的个人信息，并定期审查本政策的执行情况。" * 16
ONE_LINE = (
    "一、我们收集的信息。在您使用通讯录好友功能时，我们会读取您的通讯录；在您使用附近门店功能时，我们会获取您的位置信息。"
    + _FILLER
    + "二、第三方SDK。1、甲乙推送SDK 1）READ_PHONE_STATE获取手机状态：获取用户设备的IMEI，以便提供推送服务。"
    "2）WRITE_EXTERNAL_STORAGE获取存储权限：读写外部存储，用于保存推送配置。"
    "2、丙丁统计SDK 1）ACCESS_WIFI_STATE获取WiFi状态：获取设备的MAC地址，以便提供统计服务。"
    + _FILLER
)


def test_a_sentence_naming_no_sdk_on_a_one_line_page_is_of_the_sdk_before_it(tmp_path: Path,
                                                                            catalog: Catalog) -> None:
    assert len(ONE_LINE) > 1200 and "\n" not in ONE_LINE
    d = _read(tmp_path, "one_line.txt", ONE_LINE + "\n", catalog)
    data = {r.name: set(r.data_types) for r in d.sdks}
    assert {"imei", "storage"} <= data["甲乙推送SDK"]
    assert not {"contacts", "mac", "location-fine", "location-coarse"} & data["甲乙推送SDK"]
    assert "mac" in data["丙丁统计SDK"]
    assert not {"contacts", "imei", "storage", "location-fine", "location-coarse"} & data["丙丁统计SDK"]


def _cells_apart(rows: list[tuple[str, str, str]], late: int) -> str:
    out = "第三方SDK名称\n使用目的\n收集的个人信息类型\nSDK隐私链接\n\n\n"
    for k, (name, purpose, data) in enumerate(rows):
        out += f"{name}\n{purpose}\n{data}\n" + ("      \n" if k == late else "") + "\n点击查看\n\n\n\n"
    return out + "前述服务商收集和处理信息等行为遵守其自身的隐私条款。\n"


_APART_ROWS = [("甲乙推送", "消息推送", "IMEI,MAC地址"), ("丙丁统计", "数据上报和行为分析", "IMEI,Android ID\n        设备型号"),
               ("戊己地图", "一键找人、发送位置", "位置信息,IMEI"), ("辛壬分享", "分享内容至第三方应用", "IMSI,MAC地址"),
               ("庚癸客服", "在线客服", "设备型号")]


def test_a_rows_last_cell_a_line_further_off_than_its_others_is_that_rows(tmp_path: Path, catalog: Catalog) -> None:
    # the third row's link text stands three lines under its data cell, the others' two: the table goes on (a data
    # cell wrapped over two lines in the second row keeps the rows from being read a cell at a time)
    d = _read(tmp_path, "apart.txt", _cells_apart(_APART_ROWS, late=2), catalog)
    assert [r.name for r in d.sdks] == [name for name, _, _ in _APART_ROWS]
    data = {r.name: set(r.data_types) for r in d.sdks}
    assert data["辛壬分享"] == {"imsi", "mac"} and data["庚癸客服"] == {"device-model"}


NUMBERED_AFTER_RECORD = """三、第三方SDK
1、甲乙推送SDK：用于推送消息，收集设备型号、IMEI。来源：https://jiayi.example.cn/privacy
SDK名称：丙丁统计SDK
服务类型：用于统计用户日活数据
收集个人信息类型：设备信息（IMEI/Mac）
隐私权政策链接：https://bingding.example.cn/privacy
3、戊己图片SDK：用于图片轮播，申请您的网络使用权限。来源：https://wuji.example.cn/banner
4、辛壬网络SDK：系统网络请求框架，需要申请您的网络使用相关权限。来源：https://xinren.example.cn/okhttp
5、庚癸解析SDK：用于json数据的解析。
来源：https://gengui.example.cn/gson（四）在您对账号进行注销时，您可以通过以下方式操作。
1、登出《甲乙会议》，该操作渠道路径为：个人中心-登出APP，登出后APP将退出您的登录状态。
2、注销账户，该操作渠道路径为：个人中心-注销账户，注销后您的注册信息将被删除。
"""


def test_a_numbered_sdk_item_ends_the_record_above_and_a_list_numbered_from_1_again_is_another(
        tmp_path: Path, catalog: Catalog) -> None:
    # "3、戊己图片SDK：…" after the record "SDK名称：丙丁统计SDK / … / 隐私权政策链接：…" is the list's next item, not
    # more of the record; "1、登出…" after "5、…" opens another list, whose items are no SDKs
    d = _read(tmp_path, "numbered.txt", NUMBERED_AFTER_RECORD, catalog)
    names = [r.name for r in d.sdks]
    assert {"甲乙推送SDK", "丙丁统计SDK", "戊己图片SDK", "辛壬网络SDK", "庚癸解析SDK"} <= set(names), names
    assert not any("登出" in n or "注销" in n for n in names), names
    links = {r.name: r.link for r in d.sdks}
    assert links["辛壬网络SDK"] == "https://xinren.example.cn/okhttp"
