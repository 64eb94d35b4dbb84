"""Shapes read right in round 31: English labels whose head word comes before a participle ("Type of data collected
by the SDK"); an SDK name followed by its privacy page's label ("Foo Push - Privacy Policy") or by its company in
brackets ("Foo Push (Foo)", "Bar Pay (Bar Inc.)", "Baz Ads (from Baz)"); permission constants typed in lower case
or machine-translated with a space after each dot ("Android. Permission. Get_tasks"); an SDK table whose header and
rows all ran into one line, each row ending with its link's address; a one-line page whose list items are marked
with dashes run into the text before them; an SDK named as what needs a permission ("X SDK需要，用于…"). In our own
words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.model import Catalog
from auditor.policy import load_lexicon
from auditor.policy.extractors import flat_table
from tests.policy.helpers import entry, memory_catalog, scene_permissions, scene_with
from tests.policy.helpers import read_text as _read

A = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("foo-push", "Foo Push", "Foo推送", vendor="Foo Technology Co., Ltd.", vendor_zh="福科技有限公司"),
        entry("bar-pay", "Bar Pay", vendor="Bar Inc."),
        entry("baz-ads", "Baz Ads", vendor="Baz LLC"),
        entry("qux-map", "Qux Map SDK", "丘地图SDK", vendor="Qux Co., Ltd.", vendor_zh="丘信息技术有限公司"),
        entry("wei-push", "Wei Push", "微推送", vendor="Wei Co., Ltd.", vendor_zh="微科技有限公司"),
        entry("umi-stats", "Umi Analytics", "umi", vendor="Umi Co., Ltd."),
    )


def test_an_english_label_is_headed_by_the_words_before_its_participle() -> None:
    lexicon = load_lexicon()
    # not the SDK's name, though "third-party SDK" is the longest phrase in it
    assert lexicon.role("Type of data collected by a third-party SDK") == "data"
    assert lexicon.role("Information shared with the partner") == "data"
    assert lexicon.role("Permissions requested by the SDK") == "permissions"
    assert lexicon.role("Third-party SDK name") == "name"
    # the kind of service an SDK gives describes it: it is no name
    assert lexicon.role("Service type") == lexicon.role("SDK type") == "description"


KV_BLOCKS = """\
List of third-party SDKs

Foo Push

Type of data collected by a third-party SDK: device identifiers (Android ID, OAID), WLAN access point

Purpose: sending notifications

Third party: Foo Technology Co., Ltd.

Privacy Policy: https://foo.example.com/privacy

Qux Map SDK

Type of data collected by a third-party SDK: precise location, IP address

Purpose: showing nearby stores

Third party: Qux Co., Ltd.

Privacy Policy: https://qux.example.com/privacy
"""


def test_blocks_whose_data_label_names_the_sdk_after_its_participle(tmp_path, catalog) -> None:
    d = _read(tmp_path, "blocks.txt", KV_BLOCKS, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"Foo Push", "Qux Map SDK"}
    assert rows["Foo Push"].company == "Foo Technology Co., Ltd."
    assert {"android-id", "oaid", "wifi-info"} <= set(rows["Foo Push"].data_types)
    assert rows["Qux Map SDK"].company == "Qux Co., Ltd."
    assert rows["Qux Map SDK"].link == "https://qux.example.com/privacy"


NAME_LABELS = """\
Third-party SDK directory:
Third-party SDK name: Foo Push (Foo) - Privacy Policy
Purpose of use: push messages
Types of user personal information obtained: imei, android ID
Third-party SDK name: Bar Pay (Bar Inc.) - Privacy Policy
Purpose of use: payments
Types of user personal information obtained: imei
Third-party SDK name: Baz Ads (from Baz) - Privacy Policy
Purpose of use: advertising
Types of user personal information obtained: android ID
Third-party SDK name: Zed Chat - Privacy Policy
Purpose of use: customer service chat
Types of user personal information obtained: mac
Third-party SDK name: Zed Cloud (Object Storage) - Privacy Policy
Purpose of use: storing uploads
Types of user personal information obtained: imei
"""


def test_a_privacy_label_after_the_name_and_a_company_in_brackets(tmp_path, catalog) -> None:
    d = _read(tmp_path, "names.txt", NAME_LABELS, catalog)
    rows = {s.name: s for s in d.sdks}
    # the link's label set off by a dash is no part of the name
    assert set(rows) == {"Foo Push", "Bar Pay", "Baz Ads", "Zed Chat", "Zed Cloud (Object Storage)"}
    assert rows["Foo Push"].company == "Foo"  # the vendor of the entry it resolved to
    assert rows["Bar Pay"].company == "Bar Inc."  # a registered company
    assert rows["Baz Ads"].company == "Baz"  # "from X"
    assert rows["Zed Cloud (Object Storage)"].company == ""  # a bracket naming no company stays in the name


def test_a_bracket_naming_the_product_again_is_no_company(tmp_path, catalog) -> None:
    # "umi" is the product's other name (and its vendor's short name): a bracket giving it names the product again
    d = _read(tmp_path, "again.txt", "Third-party SDK name: Umi Analytics (umi)\nPurpose of use: statistics\n", catalog)
    assert [(s.id, s.company) for s in d.sdks] == [("umi-stats", "")]


def test_an_unresolved_name_with_a_known_vendor_in_brackets(tmp_path, catalog) -> None:
    d = _read(tmp_path, "unknown.txt", "Third-party SDK name: Vendor Channel Push (Wei)\nPurpose of use: push\n"
              "Third-party SDK name: Other Push (Android)\nPurpose of use: push\n", catalog)
    rows = {s.name: s.company for s in d.sdks}
    assert rows == {"Vendor Channel Push": "Wei", "Other Push (Android)": ""}  # a platform is nobody's company


def test_constants_in_lower_case_or_with_a_space_after_each_dot() -> None:
    lexicon = load_lexicon()
    assert {p for p, _ in lexicon.permissions_in("(Android. Permission. Get_tasks), used for push")} == {A + "GET_TASKS"}
    assert {p for p, _ in lexicon.permissions_in("android.permission.read_phone_state")} == {A + "READ_PHONE_STATE"}
    assert lexicon.permissions_in("android.permission.not_a_permission") == []


PERMISSION_ITEMS = """\
6. Functions based on system permissions
(1) Install apps: we need the following permission (Android. Permission. Request_install_packages), which is used for app updates
(2) Keep running: we need the following permission (Android. Permission. Request_ignore_battery_optimizations), which is used for alarms
"""


def test_permission_items_with_machine_translated_constants(tmp_path, catalog) -> None:
    d = _read(tmp_path, "translated.txt", PERMISSION_ITEMS, catalog)
    assert {p.permission for p in d.permissions} >= {A + "REQUEST_INSTALL_PACKAGES",
                                                     A + "REQUEST_IGNORE_BATTERY_OPTIMIZATIONS"}


RUN_ON = ("为向您提供服务，我们接入了以下第三方SDK，具体接入的SDK情况如下：SDK名称第三方名称个人信息类型使用目的第三方隐私政策链接"
          "丘地图SDK丘地图（丘信息技术有限公司）位置信息、设备型号展示附近门店https://qux.example.cn/privacy.html"
          "VIVO 推送SDKVIVO（维沃科技有限公司、维沃网络有限公司）设备标识符推送消息https://push.vv.example.cn/privacy-policy"
          "Meizu推送SDKMeizu（珠海魅科技有限公司）设备型号推送消息https://mz.example.cn/legal.html"
          "微推送SDK微科技有限公司设备标识符、网络状态推送消息https://wei.example.cn/privacy"
          "Zed Analytics SDK Zed使用记录解决使用中遇到的问题https://zed.example.com/privacy"
          "。我们会对接入的SDK进行严格的安全检测，并要求其遵守相关法律法规。" + "请您仔细阅读第三方的隐私政策。" * 8)


def test_a_table_run_into_one_line_each_row_ending_with_its_link(tmp_path, catalog) -> None:
    d = _read(tmp_path, "run_on.txt", RUN_ON, catalog)
    rows = {s.name: s for s in d.sdks if s.extractor == "flat-table"}
    assert set(rows) == {"丘地图SDK", "VIVO 推送SDK", "Meizu推送SDK", "微推送SDK", "Zed Analytics SDK"}
    assert rows["丘地图SDK"].company == "丘地图（丘信息技术有限公司）"
    assert rows["丘地图SDK"].link == "https://qux.example.cn/privacy.html"
    assert {"location-fine", "device-model"} <= set(rows["丘地图SDK"].data_types) or \
        {"location-coarse", "device-model"} <= set(rows["丘地图SDK"].data_types)
    # two companies in the bracket; the next row's name run into the address before it ("…policyMeizu")
    assert rows["VIVO 推送SDK"].company == "VIVO（维沃科技有限公司、维沃网络有限公司）"
    assert rows["VIVO 推送SDK"].link == "https://push.vv.example.cn/privacy-policy"
    assert rows["Meizu推送SDK"].link == "https://mz.example.cn/legal.html"
    assert rows["微推送SDK"].company == "微科技有限公司"
    assert rows["Zed Analytics SDK"].company == ""  # no legal form: the company is not guessed


DASHED = ("我们会根据您使用的功能申请相应的权限，您可以在系统设置中随时关闭。" * 12 + "5.其他权限使用说明如下：" + "".join(
    f"- {label}（android.permission.{const}）：{use}" for label, const, use in (
        ("振动", "VIBRATE", "扫码成功时振动提示"), ("唤醒锁定", "WAKE_LOCK", "锁屏时继续播放音频"),
        ("获取任务信息", "GET_TASKS", "微推送SDK需要，用于接收推送消息"), ("前台服务", "FOREGROUND_SERVICE", "音频在后台播放"),
        ("获取网络状态", "ACCESS_NETWORK_STATE", "网络恢复后自动重新加载"))))


def test_dashed_items_run_into_one_line(tmp_path, catalog) -> None:
    d = _read(tmp_path, "dashed.txt", DASHED, catalog)
    assert scene_with(d, "振动提示") == {"VIBRATE"}
    assert scene_with(d, "锁屏时继续播放音频") == {"WAKE_LOCK"}
    assert scene_with(d, "音频在后台播放") == {"FOREGROUND_SERVICE"}
    assert scene_with(d, "网络恢复后") == {"ACCESS_NETWORK_STATE"}
    # the SDK an item names as what needs its permission is a row
    assert [s.id for s in d.sdks] == ["wei-push"]


def test_tencent_push_by_its_chinese_name_is_the_push_product_not_a_channel_component(tmp_path) -> None:
    # "腾讯推送SDK" in a policy is Tencent's push product (TPNS, formerly XG); the vendor-channel classes it
    # bundles are a component of it, never what a policy names
    d = _read(tmp_path, "tpns.txt", "第三方SDK名称：腾讯推送SDK\n使用目的：向您推送消息\n", load_catalog(None))
    assert [s.id for s in d.sdks] == ["tencent-xg-push"]


NUMBERED_AFTER_ADDRESSES = (
    "为了保障应用的稳定运行，我们接入了以下第三方SDK，并与合作伙伴约定严格的数据保护措施。" * 4 +
    "1、三方SDK名称：甲统计SDK 使用目的：统计分析。 涉及收集个人信息：设备识别信息。 官网地址：https://jia.example.cn/privacy.html "
    "2、三方SDK名称：乙推送SDK 使用目的：推送消息。 涉及收集个人信息：设备识别信息。 官网地址：https://yi.example.cn/doc/detail?pid=1822"
    "3、三方SDK名称：丙地图SDK 使用目的：定位。 涉及收集个人信息：位置信息。 官网地址：https://bing.example.cn/doc/365"
    "4、三方SDK名称：丁分享SDK 使用目的：分享。 涉及收集个人信息：设备识别信息。 官网地址：https://ding.example.cn/privacy")


def test_item_numbers_after_addresses_ending_in_digits_or_a_blank(tmp_path, catalog) -> None:
    d = _read(tmp_path, "numbered.txt", NUMBERED_AFTER_ADDRESSES, catalog)
    links = {s.name: s.link for s in d.sdks}
    # "…/privacy.html 2、" opens item 2 after a blank; "…?pid=18223、" is the address "…?pid=1822" and item 3;
    # "…/doc/3654、" is "…/doc/365" and item 4
    assert links == {"甲统计SDK": "https://jia.example.cn/privacy.html",
                     "乙推送SDK": "https://yi.example.cn/doc/detail?pid=1822",
                     "丙地图SDK": "https://bing.example.cn/doc/365", "丁分享SDK": "https://ding.example.cn/privacy"}


def test_chinese_wordings_of_changing_audio_settings() -> None:
    lexicon = load_lexicon()
    for words in ("允许程序修改声音设置", "修改录音设置权限"):
        assert A + "MODIFY_AUDIO_SETTINGS" in {p for p, _ in lexicon.permissions_in(words, weak=True)}, words


USES_IN_THE_PERMISSION_CELL = """\
（1）丘推送SDK
SDK类型：消息推送
SDK使用的权限：
1）访问WIFI状态：优化与推送服务器的网络连接
2）获取位置：实现区域推送的功能
3）读取剪切板：无
SDK所需用户信息字段：设备标识符、设备型号
（2）丘地图SDK
SDK类型：地图
SDK使用的权限：
1）获取位置：展示附近门店 2）存储权限：缓存地图数据，用于消息通知
SDK所需用户信息字段：位置信息
"""


def test_a_permission_cell_of_labels_and_uses_names_its_permissions_by_the_labels(tmp_path, catalog) -> None:
    d = _read(tmp_path, "uses.txt", USES_IN_THE_PERMISSION_CELL, catalog)
    perms = {s.name: {p.rsplit(".", 1)[-1] for p in s.permissions} for s in d.sdks}
    # "实现区域推送的功能" is a use: it asks for no notification permission (and Android has none for the clipboard)
    assert perms["丘推送SDK"] == {"ACCESS_WIFI_STATE", "ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}
    assert perms["丘地图SDK"] == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION", "READ_EXTERNAL_STORAGE",
                                 "WRITE_EXTERNAL_STORAGE"}


def test_a_short_line_after_a_cut_one_goes_on_with_its_list(tmp_path, catalog) -> None:
    rest = ("5、三方SDK名称：戊存储SDK 使用目的：存储图片。 涉及收集个人信息：设备识别信息。 官网地址：https://wu.example.cn/privacy"
            "6、三方SDK名称：己广告SDK 使用目的：广告。 涉及收集个人信息：设备识别信息。 官网地址：https://ji.example.cn/privacy")
    d = _read(tmp_path, "two_lines.txt", NUMBERED_AFTER_ADDRESSES + "\n" + rest, catalog)
    links = {s.name: s.link for s in d.sdks}
    # the second line is short, but the list of the long line before it goes on there
    assert links["丁分享SDK"] == "https://ding.example.cn/privacy"
    assert links["戊存储SDK"] == "https://wu.example.cn/privacy"
    assert links["己广告SDK"] == "https://ji.example.cn/privacy"


DART_PERMISSIONS = """\
class PermissionSettingsController {
  final permissionList = <PermissionBean>[];

  void _initData() {
    permissionList.add(PermissionBean(
      permissionName: '相机权限'.tr,
      permissionType: Permission.camera,
      permissionContent: '用于拍摄头像'.tr,
    ));
    permissionList.add(PermissionBean(
      permissionName: '麦克风权限'.tr,
      permissionType: Permission.microphone,
      permissionContent: '用于发送语音消息'.tr,
    ));
  }
}
"""


def test_records_each_added_by_a_call_of_their_own(tmp_path, catalog) -> None:
    lexicon = load_lexicon()
    assert lexicon.role("permission content") == lexicon.role("permission desc") == "description"
    d = _read(tmp_path, "settings.dart", DART_PERMISSIONS, catalog)
    # each record read from the code: its scene is its words, not the code around them
    assert scene_permissions(d) == {"用于拍摄头像": {"CAMERA"}, "用于发送语音消息": {"RECORD_AUDIO"}}


@pytest.mark.parametrize(("label", "expected"), [
    # Android's own Chinese labels (AOSP core/res values-zh-rCN), written by hand here
    ("控制闪光灯", "FLASHLIGHT"),
    ("使用生物特征硬件", "USE_BIOMETRIC"),
    ("更改您的音频设置", "MODIFY_AUDIO_SETTINGS"),
    ("查询所有软件包", "QUERY_ALL_PACKAGES"),
    ("使用帐号的身份验证凭据", "USE_CREDENTIALS"),
    ("设置壁纸", "SET_WALLPAPER"),
    ("展开/收拢状态栏", "EXPAND_STATUS_BAR"),
    ("允许接收WLAN多播", "CHANGE_WIFI_MULTICAST_STATE"),
    ("发送持久广播", "BROADCAST_STICKY"),
])
def test_androids_chinese_labels_in_a_permission_cell(label, expected) -> None:
    assert {p for p, _ in load_lexicon().permissions_in(label, weak=True, derive=True)} == {A + expected}


NUMBERED_IN_A_SENTENCE = """\
共享与第三方SDK
我们不会出售个人信息。当前已接入的第三方SDK：（1）甲云 uniBase — 云函数与数据库存储；（2）乙智能云 OCR — 排班表识别，仅传输您拍摄的图片；（3）微推送SDK — 向您推送消息；（4）丙支付 — 会员开通通道。
我们的服务包括：（1）排班管理：编辑排班；（2）学分记录：记录学分；（3）社区：发布内容。
"""


def test_items_numbered_inside_a_sentence_about_sdks(tmp_path, catalog) -> None:
    d = _read(tmp_path, "numbered_sentence.txt", NUMBERED_IN_A_SENTENCE, catalog)
    # each item's name before its dash is a row; the app's own features, numbered alike, are none (no SDK named)
    assert {s.name for s in d.sdks} == {"甲云 uniBase", "乙智能云 OCR", "微推送SDK", "丙支付"}


def test_wifi_address_task_list_and_extra_location_commands() -> None:
    lexicon = load_lexicon()
    # "Wi-Fi address" is what phones call the Wi-Fi MAC address
    assert {d for d, _ in lexicon.data_types_in("Wi-Fi地址；运营商信息", cell=True)} == {"mac", "phone-state"}
    assert {d for d, _ in lexicon.data_types_in("WLAN地址", cell=True)} == {"mac"}
    assert {p for p, _ in lexicon.permissions_in("获取任务列表", weak=True)} == {A + "GET_TASKS"}
    # the longer label wins over "定位" inside it: no location permission is asked for by it
    assert {p for p, _ in lexicon.permissions_in("访问定位额外命令", weak=True, derive=True)} == \
        {A + "ACCESS_LOCATION_EXTRA_COMMANDS"}


def test_run_on_headers_are_looked_for_a_bounded_number_of_times(tmp_path, catalog, monkeypatch) -> None:
    # a text made of many link titles each followed by an address (no table in it) costs at most a bounded number
    # of header splits, each distinct one once
    calls: list[str] = []
    real = flat_table.split_titles

    def counting(text, ctx):
        calls.append(text)
        return real(text, ctx)

    monkeypatch.setattr(flat_table, "split_titles", counting)
    text = "".join(f"SDK名称{k}个人信息类型使用目的隐私政策链接https://a{k}.example.com/p说明" for k in range(250))
    _read(tmp_path, "many_titles.txt", text, catalog)
    assert 0 < len(calls) <= flat_table.MAX_RUN_ON_SPLITS
    assert len(calls) == len(set(calls))
