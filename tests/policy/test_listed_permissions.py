"""Permissions listed before one permission word ("相机、相册、存储等权限"), personal-information records whose
data names a permission, and sentences numbered "2.3"; in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.lexicon_data import load_lexicon
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

A = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog()


@pytest.mark.parametrize("text, perms", [
    ("我们会申请相机、麦克风、日历等权限", {"CAMERA", "RECORD_AUDIO", "READ_CALENDAR"}),
    ("需要您授予相机、通讯录的相关权限", {"CAMERA", "READ_CONTACTS"}),
    # a data list that ends in one permission: only that one
    ("我们会收集设备标识信息（IMEI、MAC）、IP地址、存储权限", {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}),
    ("我们会收集您的昵称、头像、相机权限", {"CAMERA"}),
])
def test_items_listed_before_one_permission_word(text, perms):
    found = {p.removeprefix(A) for p, _ in load_lexicon().permissions_in(text, prose=True, verbal=True)}
    assert found == perms


RECORDS = """\
个人信息收集清单
1.业务功能:扫一扫
个人信息类型:相机权限、读写外部存储权限
收集目的:扫描会员卡
2.业务功能:账号登录
个人信息类型:手机号、密码
收集目的:登录
"""


def test_a_personal_information_record_whose_data_names_a_permission_is_a_scene(tmp_path, catalog):
    d = _read(tmp_path, "list.txt", RECORDS, catalog)
    assert [(s.name, {p.removeprefix(A) for p in s.permissions}) for s in d.scenes] == [
        ("扫一扫", {"CAMERA", "READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}),
    ]


PROSE = """\
2.1 当您注册账号时，我们会收集您的手机号码。
2.3 当您使用拍照识别功能时，我们需要您授予相机、相册、位置信息（为实现定位，我们可能会使用GPS、附近的Wi-Fi）等权限。
2.4 当您拨打客服电话时，我们需要您授予拨打电话权限。
"""


def test_numbered_sentences_and_commas_inside_brackets(tmp_path, catalog):
    d = _read(tmp_path, "prose.txt", PROSE, catalog)
    got = {s.name: {p.removeprefix(A) for p in s.permissions} for s in d.scenes}
    assert got["使用拍照识别功能"] >= {"CAMERA", "ACCESS_FINE_LOCATION"}
    assert got["拨打客服电话"] == {"CALL_PHONE"}
    assert set(got) == {"使用拍照识别功能", "拨打客服电话"}


FUNCTIONS = """\
1、扫码入会
涉及的权限/个人信息：相机权限
目的：扫描会员码
2、消息提醒
涉及的权限/个人信息：通知权限、日历权限
目的：提醒您参加活动
3、极光推送SDK
第三方公司：深圳市和讯华谷信息技术有限公司
涉及的权限/个人信息：读取电话状态权限
"""


def test_a_numbered_function_over_the_permissions_it_asks_for_is_a_scene(tmp_path, catalog):
    d = _read(tmp_path, "functions.txt", FUNCTIONS, catalog)
    assert [(s.name, {p.removeprefix(A) for p in s.permissions}) for s in d.scenes] == [
        # "日历权限" is Android's calendar group: reading and writing events
        ("扫码入会", {"CAMERA"}), ("消息提醒", {"POST_NOTIFICATIONS", "READ_CALENDAR", "WRITE_CALENDAR"}),
    ]
    assert [s.name for s in d.sdks] == ["极光推送SDK"]


FUNCTIONS_WITH_DATA_ONLY = """\
1、账号登录
涉及的权限/个人信息：手机号码、验证码
目的：登录
2、运营商一键登录
涉及的权限/个人信息：网络权限、读取电话状态
目的：免输入验证码登录
3、扫码入会
涉及的权限/个人信息：相机权限
目的：扫描会员码
"""


def test_a_function_among_functions_is_no_sdk_row_and_one_data_word_leaves_a_name(tmp_path, catalog):
    """Item 1 asks for no permission, but its siblings are the app's functions: it is one too, not an SDK.
    Item 2's name holds a data word (运营商, carrier data) among other words: still a function's name."""
    d = _read(tmp_path, "functions.txt", FUNCTIONS_WITH_DATA_ONLY, catalog)
    assert d.sdks == ()
    assert [(s.name, {p.removeprefix(A) for p in s.permissions}) for s in d.scenes] == [
        ("运营商一键登录", {"INTERNET", "READ_PHONE_STATE"}), ("扫码入会", {"CAMERA"}),
    ]


EN_OUTLINE = """\
3. User Permissions
  3.1. The App requests the following permissions to function properly:
  3.1.1. Geo-Location
    • Purpose: To show the nearest pickup point.
  3.1.2. File Access
    • Purpose: To keep delivery photos on the device.
  3.1.3. Camera Access
    • Purpose: To scan parcel barcodes.
4. Data Security
"""


def test_an_outline_numbered_permission_list_in_english(tmp_path, catalog):
    d = _read(tmp_path, "terms.txt", EN_OUTLINE, catalog)
    assert d.sdks == ()
    got = {s.name: {p.removeprefix(A) for p in s.permissions} for s in d.scenes}
    assert got == {"Geo-Location": {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"},
                   "File Access": {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}, "Camera Access": {"CAMERA"}}


BACKTICKED = """\
## 权限说明

主要权限用途：

- `INTERNET`：连接服务器
- `SYSTEM_ALERT_WINDOW`：显示悬浮球
- 存储权限：选择图片上传
"""


def test_a_section_about_permissions_is_no_sdk_and_its_items_are_scenes(tmp_path, catalog):
    d = _read(tmp_path, "README.md", BACKTICKED, catalog)
    assert d.sdks == ()
    got = {s.name: {p.removeprefix(A) for p in s.permissions} for s in d.scenes}
    assert got["连接服务器"] == {"INTERNET"} and got["显示悬浮球"] == {"SYSTEM_ALERT_WINDOW"}
    assert [s.description for s in d.scenes if s.name == "连接服务器"] == [""]


@pytest.mark.parametrize("text", ["读取和写入存储", "读取及写入外部存储", "读和写SD卡"])
def test_read_and_write_joined_by_a_conjunction(text):
    found = {p.removeprefix(A) for p, _ in load_lexicon().permissions_in(text, weak=True)}
    assert found == {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}


ONE_FEATURE = """\
11. 为了提供如下功能，我们需要访问您的短信权限：

* 绑定手机号码时读取短信验证码，自动填写

我们会采用符合业界标准的安全措施保护您的信息。
"""


def test_one_feature_under_an_item_that_opens_with_a_colon(tmp_path, catalog):
    d = _read(tmp_path, "perm.md", ONE_FEATURE, catalog)
    assert [(s.name, tuple(p.removeprefix(A) for p in s.permissions)) for s in d.scenes] == [
        ("绑定手机号码时读取短信验证码，自动填写", ("READ_SMS",)),
    ]


def test_unmarked_lines_opening_with_a_constant_are_items(tmp_path):
    # each permission on a line of its own, no bullet: the constant and its name, then its use
    text = ("本应用会申请以下权限：\nandroid.permission.CAMERA 相机权限：扫描二维码时使用。\n"
            "android.permission.RECORD_AUDIO 麦克风权限：发送语音消息时使用。\n")
    d = _read(tmp_path, "p.txt", text, memory_catalog())
    pairs = {(p.permission.removeprefix("android.permission."), p.description) for p in d.permissions}
    assert pairs == {("CAMERA", "扫描二维码时使用。"), ("RECORD_AUDIO", "发送语音消息时使用。")}


def test_a_function_based_on_a_device_capability_is_a_permission_item(tmp_path):
    # the standard wording "基于<能力>的附加功能" names the permission without the word 权限
    text = ("（二）附加功能\n（1）基于相机的扩展功能：\n目的：拍摄头像。\n方式：打开相机取景。\n"
            "（2）基于麦克风的附加功能：\n目的：录制口语练习。\n")
    d = _read(tmp_path, "p.txt", text, memory_catalog())
    got = {(p.permission.removeprefix("android.permission."), " ".join((p.scene, p.description)))
           for p in d.permissions}
    assert any(perm == "CAMERA" and "拍摄头像" in words for perm, words in got)
    assert any(perm == "RECORD_AUDIO" and "录制口语练习" in words for perm, words in got)


def test_a_heading_over_a_purpose_and_a_method_only_is_no_sdk_row(tmp_path):
    text = "附加功能\n目的：拍摄头像。\n方式：打开相机取景。\n"
    assert _read(tmp_path, "p.txt", text, memory_catalog()).sdks == ()


def test_an_sdk_a_permission_item_names_as_what_collects_is_a_row(tmp_path):
    catalog = memory_catalog(entry("umeng", "Umeng Analytics", "友盟+"), entry("jpush", "JPush", "极光推送"))
    text = ("我们会申请以下权限：\n1. 读取设备状态：友盟+SDK需要收集您的设备识别码，用于统计分析。\n"
            "2. 通知权限：用于极光推送向您发送消息。\n")
    rows = _read(tmp_path, "p.txt", text, catalog).sdks
    assert [(r.name, r.id, r.extractor) for r in rows] == [("友盟+SDK", "umeng", "prose")]


def test_a_sentence_saying_the_app_does_not_ask_for_a_permission_is_no_scene(tmp_path, catalog):
    text = ("The app works offline. It does not request or use any permission related to the network "
            "(such as android.permission.INTERNET or android.permission.ACCESS_NETWORK_STATE).\n"
            "We will never request access to your location without your consent. We request access to your location to "
            "show nearby stores on the map.\n"
            "在无法获取设备识别码的情况下，我们使用随机编号统计活跃设备。\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    assert {p.removeprefix(A) for s in d.scenes for p in s.permissions} == {"ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION"}


LABEL_SENTENCES = """\
## Permissions

Camera permission. The app needs the camera to read receipts when you add an expense.

Contacts access. Used to split a bill with a friend from your address book.
"""


def test_a_sentence_that_only_names_a_permission_takes_the_use_the_next_sentence_gives(tmp_path, catalog):
    d = _read(tmp_path, "policy.md", LABEL_SENTENCES, catalog)
    got = {(p.permission.removeprefix(A), p.scene) for p in d.permissions}
    assert got == {("CAMERA", "add an expense"), ("READ_CONTACTS", "split a bill with a friend from your address book")}


LINKED_CONSTANTS = """\
## Permissions

### [ACCESS_FINE_LOCATION](https://developer.android.com/reference/android/Manifest.permission#ACCESS_FINE_LOCATION)

Needed to draw the track of a hike.

### VIBRATE

Needed to buzz at each kilometre.

## Permissions the map plug-in asks for

* [INTERNET](https://developer.android.com/reference/android/Manifest.permission#INTERNET)
"""


def test_permission_constants_written_as_links_or_alone_in_a_heading(tmp_path, catalog):
    d = _read(tmp_path, "PRIVACY.md", LINKED_CONSTANTS, catalog)
    got = {(p.permission.removeprefix(A), p.description) for p in d.permissions}
    assert got == {("ACCESS_FINE_LOCATION", "Needed to draw the track of a hike."),
                   ("VIBRATE", "Needed to buzz at each kilometre."), ("INTERNET", "")}
    assert all("https" not in p.scene for p in d.permissions)
