"""Shapes read right in round 34: a permission table copied one cell per line whose permission cells give the
constant and a short name of their own, some in words the lexicon does not know; an item number closed by a
bracket ("2)") run into the address that ends the item before it; a record whose "sdk:" label gives one or more
package names under a heading with no "SDK" in it; a numbered paragraph over its numbered permission sub-items; lists
without marks (bare names under a list's title, names each with its address, items that own no line under them); an
SDK table copied one block of lines per row; a negation late in a permission item. In our own words, expected values
written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import load_lexicon
from auditor.policy.glued_lines import cut
from tests.policy.helpers import entry, memory_catalog, scene_permissions, scene_with
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("foo-push", "Foo Push", "福推送", vendor="Foo Technology Co., Ltd.", vendor_zh="福科技有限公司"),
        entry("qux-map", "Qux Map SDK", "丘地图SDK", vendor="Qux Co., Ltd.", vendor_zh="丘信息技术有限公司"),
    )


NAMED_CONSTANT_CELLS = (
    "应用权限说明\n\n权限名称\n权限说明\n使用场景\n\n"
    "READ_PHONE_STATE  读取手机状态\n读取设备的状态与识别码\n用于账号登录时的安全校验\n\n"
    "ACCESS_COARSE_LOCATION  访问近似位置\n通过基站和WLAN获取大致位置\n用于推荐所在城市的门店\n\n"
    "CAMERA  使用相机设备\n拍摄照片和视频\n用于扫描门店二维码\n\n"
    "REQUEST_INSTALL_PACKAGES  安装应用程序\n允许安装来自其他来源的应用\n用于下载新版本后完成升级\n\n"
    "RECORD_AUDIO  录音\n使用麦克风录制音频\n用于发送语音留言\n\n"
    "FLASHLIGHT  闪光灯\n扫描时打开灯光\n用于夜间扫码时补光\n\n"
    "WAKE_LOCK  唤醒锁定\n防止手机进入休眠\n用于播放视频时保持屏幕常亮\n"
)


def test_permission_cells_that_give_the_constant_and_a_name_of_their_own(tmp_path, catalog) -> None:
    # "访问近似位置", "安装应用程序", "闪光灯": names the lexicon need not know; each still opens its row, so no row
    # takes the next row's scene
    d = _read(tmp_path, "named_cells.txt", NAMED_CONSTANT_CELLS, catalog)
    assert scene_with(d, "推荐所在城市") == {"ACCESS_COARSE_LOCATION"}
    assert scene_with(d, "完成升级") == {"REQUEST_INSTALL_PACKAGES"}
    assert scene_with(d, "夜间扫码") == {"FLASHLIGHT"}
    assert scene_with(d, "扫描门店二维码") == {"CAMERA"}
    assert scene_with(d, "安全校验") == {"READ_PHONE_STATE"}
    assert scene_with(d, "屏幕常亮") == {"WAKE_LOCK"}


def test_a_few_constants_with_words_after_them_make_no_table(tmp_path, catalog) -> None:
    # constants each followed by a scene in a few words, and no row written as the constant alone: the lines are
    # not a table's permission cells, and each scene stays with its own permission
    text = ("我们会申请以下权限：\n\nCAMERA 扫码添加好友\n在您扫码时使用\n\n"
            "RECORD_AUDIO 发送语音消息\n在您按住说话时使用\n\n"
            "ACCESS_FINE_LOCATION 分享实时位置\n在您分享位置时使用\n")
    d = _read(tmp_path, "constant_scenes.txt", text, catalog)
    perms = scene_permissions(d)
    assert not any(p == {"CAMERA"} and "语音" in name for name, p in perms.items()), perms
    assert not any(p == {"RECORD_AUDIO"} and "位置" in name for name, p in perms.items()), perms


NUMBERED_BY_BRACKET = (
    "我们接入的第三方SDK如下。1) SDK名称：福推送；收集的信息：设备标识符、网络状态、操作系统版本；使用目的：消息推送；"
    "第三方个人信息处理规则：https://foo.example.com/privacy"
    "2) SDK名称：丘地图SDK；收集的信息：位置信息、设备标识符、网络状态；使用目的：定位；"
    "第三方个人信息处理规则：https://qux.example.com/legal/index.html"
    "3) SDK名称：甲乙分享SDK；收集的信息：设备型号、操作系统版本、网络状态；使用目的：分享内容；"
    "第三方个人信息处理规则：https://jiayi.example.com/p/doc#1"
    "4) SDK名称：丙丁统计SDK；收集的信息：设备标识符、应用使用时长、网络状态；使用目的：统计分析；"
    "第三方个人信息处理规则：https://bingding.example.com/terms"
)


def test_item_numbers_closed_by_a_bracket_run_into_the_address_before_them(tmp_path, catalog) -> None:
    d = _read(tmp_path, "bracket_numbers.txt", NUMBERED_BY_BRACKET, catalog)
    assert {s.name: s.link for s in d.sdks} == {
        "福推送": "https://foo.example.com/privacy",
        "丘地图SDK": "https://qux.example.com/legal/index.html",
        "甲乙分享SDK": "https://jiayi.example.com/p/doc#1",
        "丙丁统计SDK": "https://bingding.example.com/terms",
    }


@pytest.mark.parametrize("text", [
    # a number that does not go on from the item before: no item's
    "1) SDK名称：福推送；规则：https://foo.example.com/v5) 说明文字；2) SDK名称：丘地图SDK",
    "1) SDK名称：福推送；规则：https://foo.example.com/(v5) 说明文字；2) SDK名称：丘地图SDK",
])
def test_bracketed_numbers_that_are_no_next_item_stay_in_the_address(text) -> None:
    parts = cut(text, load_lexicon())
    assert not any(p.startswith(("5)", "(v5")) for p in parts), parts


PACKAGE_LABELS = (
    "三、我们接入的第三方服务\n"
    "1.福推送\nsdk: com.foo.push\n使用目的：推送消息\n收集数据类型：设备识别信息\n官网链接：https://foo.example.com\n"
    "2.戊己PUSH\nsdk：com.wuji.push com.wuji.core\n使用目的：推送消息\n收集数据类型：设备识别信息\n"
    "官网链接：https://wuji.example.com/push.html\n"
    "3.庚辛登录\nsdk: com.gengxin.auth\n使用目的：帮助用户一键登录\n收集数据类型：手机号码\n"
    "官网链接：https://gengxin.example.com\n"
)


def test_a_package_label_under_a_heading_with_no_sdk_word(tmp_path, catalog) -> None:
    # "sdk: com.wuji.push com.wuji.core" gives the packages of the heading's SDK, not the name of a new record
    d = _read(tmp_path, "package_labels.txt", PACKAGE_LABELS, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"福推送", "戊己PUSH", "庚辛登录"}, set(rows)
    assert set(rows["戊己PUSH"].package_names) == {"com.wuji.push", "com.wuji.core"}
    assert rows["戊己PUSH"].link == "https://wuji.example.com/push.html"
    assert rows["庚辛登录"].package_names == ("com.gengxin.auth",)


def test_a_name_given_with_its_package_stays_the_name(tmp_path, catalog) -> None:
    # "SDK名称：壬癸json com.rengui:json": a product's name, then its package; the line over it is no heading
    text = ("2、三方\nSDK名称：福推送\n使用目的：推送消息\n官网地址：https://foo.example.com\n"
            "3、三方\nSDK名称：壬癸json com.rengui:json\n使用目的：解析数据\n官网地址：https://rengui.example.com/\n")
    d = _read(tmp_path, "name_and_package.txt", text, catalog)
    assert "三方" not in {s.name for s in d.sdks}, [s.name for s in d.sdks]


def test_a_name_field_ends_at_the_mark_that_separates_fields(tmp_path, catalog) -> None:
    # each field closed by "；" (the way a page of fields run together is cut back into lines): the mark is no part
    # of the name; a full stop may be (a name written as a sentence), and stays
    text = ("SDK名称：福推送；\n使用目的：推送消息；\n隐私政策：https://foo.example.com/p\n\n"
            "SDK名称：甲乙分享SDK，\n使用目的：分享内容；\n隐私政策：https://jiayi.example.com/p\n")
    d = _read(tmp_path, "separated_fields.txt", text, catalog)
    assert {s.name for s in d.sdks} == {"福推送", "甲乙分享SDK"}


NUMBERED_SECTION = (
    "3.2 我们申请的设备权限\n"
    "3.2.1 当您使用我们的服务时，我们需要您同意我们使用如下权限，以便为您提供稳定的服务。我们需要您同意的权限用途及原因如下：\n"
    "3.2.1.1 访问网络：用于和服务器通信，保障软件正常运行；\n"
    "3.2.1.2 允许录音功能：我们将在聊天页面提供语音留言功能；\n"
    "3.2.1.3 拨打电话：在您联系门店时使用；\n"
    "3.3 我们如何使用Cookie\n"
)


def test_a_numbered_paragraph_that_introduces_its_numbered_sub_items(tmp_path, catalog) -> None:
    # "3.2.1 …原因如下：" over "3.2.1.1", "3.2.1.2": its sub-items are permission items, "允许录音功能" among them
    # (a label that names the permission without the word "权限")
    d = _read(tmp_path, "numbered_section.txt", NUMBERED_SECTION, catalog)
    assert scene_with(d, "录音") == {"RECORD_AUDIO"}
    assert scene_with(d, "联系门店") == {"CALL_PHONE"}  # (the moment its text opens with: the scene)


@pytest.mark.parametrize("title", ["Android接入第三方SDK目录", "第三方SDK清单", "Third-party SDK list"])
def test_a_list_of_bare_names_under_a_short_title_that_says_it_is_a_list(tmp_path, catalog, title) -> None:
    # one name a line, no marks, under a title as short as a name: the names are the rows, "戊己推送SDK" (no
    # catalog name) too; the next list's title ends the list and is no row
    text = (f"{title}\n福推送\n丘地图SDK\n戊己推送SDK\n福推送统计\niOS接入第三方SDK目录\n丘地图SDK\n")
    d = _read(tmp_path, "bare_names.txt", text, catalog)
    names = {s.name for s in d.sdks}
    assert {"福推送", "丘地图SDK", "戊己推送SDK"} <= names, names
    assert not any("目录" in n for n in names), names


def test_a_short_line_about_sdks_is_no_list_title(tmp_path, catalog) -> None:
    # "我们使用的第三方SDK" says what follows but not that it is a list of names: the short lines under it stay
    # sentences' words (no catalog name among them, nothing to read as rows)
    text = "我们使用的第三方SDK\n请注意\n版本更新\n策略调整\n"
    d = _read(tmp_path, "short_lines.txt", text, catalog)
    assert not d.sdks, [s.name for s in d.sdks]


def test_names_over_their_addresses_own_no_paragraph_after_them(tmp_path, catalog) -> None:
    # the last name of a list of names over their privacy pages ends with its address: the paragraphs after the
    # list are prose, and the SDK a sentence there names is a row of its own
    text = ("第三方SDK隐私政策\n\n福推送\nhttps://foo.example.com/privacy\n丘地图SDK\nhttps://qux.example.com/privacy\n"
            "丙丁统计SDK\nhttps://bingding.example.com/privacy\n甲乙分享SDK\nhttps://jiayi.example.com/privacy\n\n"
            "我们的应用中集成了com.rengui.chat 用于您与客服之间的聊天。\n\n"
            "我们还集成了壬癸推送SDK，用于向您推送消息。\n")
    d = _read(tmp_path, "addressed.txt", text, catalog)
    rows = {s.name: (s.evidence.line_start, s.evidence.line_end) for s in d.sdks}
    assert "壬癸推送SDK" in rows, rows
    assert rows["甲乙分享SDK"][1] - rows["甲乙分享SDK"][0] <= 1, rows


def test_a_row_of_a_table_whose_address_holds_sdk_is_no_list_title(tmp_path, catalog) -> None:
    # "微博 设备信息 https://…/Android_SDK…": a table's row; the names under it are no list the row introduces
    text = ("信息分享 微博 设备信息 https://open.example.com/wiki/Android_SDK%E8%AF%B4%E6%98%8E\n\n"
            "福推送\n丘地图SDK\n甲乙分享SDK\n")
    d = _read(tmp_path, "row_over_names.txt", text, catalog)
    assert all(s.extractor != "list" for s in d.sdks), [(s.name, s.extractor) for s in d.sdks]


BLOCKED_TABLE = (
    "1.7 第三方SDK信息收集\n\n\n"
    "第三方SDK第三方服务商收集信息业务场景\n\n\n"
    "消息推送SDK*（集成多家厂商的推送服务）福科技有限公司\n获取任务信息\n读取手机状态\n访问网络\n消息推送\n\n\n"
    "丘地图SDK丘信息技术有限公司\n访问精确位置\n读取手机状态\n地图展示与定位\n\n\n"
    "甲乙分享SDK甲乙网络科技有限公司\n写入外部存储\n访问网络\n分享内容至第三方平台\n\n\n"
    "丙丁统计SDK丙丁数据科技有限公司\n读取手机状态\n访问网络信息\n统计分析\n\n\n"
    "1.8 我们如何使用Cookie\n"
)


def test_a_table_copied_one_block_of_lines_per_row(tmp_path, catalog) -> None:
    # the titles run together over blocks parted by blank lines: each block's first line is the name and the
    # company run together, its last line the scene, the lines between the permissions it gets
    d = _read(tmp_path, "blocks.txt", BLOCKED_TABLE, catalog)
    rows = {s.name: s for s in d.sdks if s.extractor == "flat-table"}
    assert set(rows) == {"消息推送SDK*（集成多家厂商的推送服务）", "丘地图SDK", "甲乙分享SDK", "丙丁统计SDK"}, set(rows)
    assert rows["丘地图SDK"].company == "丘信息技术有限公司"
    assert rows["消息推送SDK*（集成多家厂商的推送服务）"].company == "福科技有限公司"
    assert {p.rsplit(".", 1)[-1] for p in rows["丘地图SDK"].permissions} == {"ACCESS_FINE_LOCATION", "READ_PHONE_STATE"}
    assert {p.rsplit(".", 1)[-1] for p in rows["甲乙分享SDK"].permissions} == {"WRITE_EXTERNAL_STORAGE", "INTERNET"}
    assert rows["丙丁统计SDK"].scene == "统计分析"


def test_names_each_with_its_address_on_one_line(tmp_path) -> None:
    # a list of partners copied as text, each line a name and its privacy page: each name a row, "Zeta Play" (no
    # catalog name) too, with its address; the sentence after the list is no row
    catalog = memory_catalog(entry("applovin", "AppLovin", vendor="AppLovin Corp."),
                             entry("adcolony", "AdColony", vendor="AdColony Inc."),
                             entry("vungle", "Vungle", vendor="Vungle Inc."))
    text = ("We may use the information we collect about you to serve you targeted advertisements.\n"
            "Applovin https://www.applovin.example/privacy\nAdcolony https://www.adcolony.example/privacy-policy/\n"
            "Zeta Play https://zetaplay.example/legal/privacy\nVungle http://vungle.example/privacy/\n"
            "If you would like to find out more, please refer to their privacy policies.\n")
    d = _read(tmp_path, "linked_lines.txt", text, catalog)
    rows = {s.name: s.link for s in d.sdks}
    assert rows["Zeta Play"] == "https://zetaplay.example/legal/privacy", rows
    assert set(rows) == {"Applovin", "Adcolony", "Zeta Play", "Vungle"}, rows


def test_an_item_without_a_mark_owns_no_line_under_it(tmp_path, catalog) -> None:
    # items without marks after a line ending with a colon ("Foo Push, whose…"); the line after the last of them
    # that reads as no item ("Other. You can…") ends the list, and what follows is prose, not the last item's text
    text = ("Our current partners include:\n"
            "Foo Push, whose Privacy Policy can be found here.\n"
            "Jiayi Share, whose Privacy Policy can be found here.\n"
            "Others. You can learn more about how they use data here.\n"
            "Qux Map SDK, whose Privacy Policy can be found here.\n")
    d = _read(tmp_path, "unmarked.txt", text, catalog)
    assert "Qux Map SDK" in {s.name for s in d.sdks}, [(s.name, s.extractor) for s in d.sdks]


def test_a_negation_late_in_an_item_is_no_refusal(tmp_path, catalog) -> None:
    # "…以方便您…不再手动输入…": what the app does, then what the user no longer has to do; "我们不会读取…" opens
    # with the refusal and gives no scene
    text = ("我们可能向您申请以下权限：\n"
            "（1）基于通讯录信息的扩展功能（READ_CONTACTS）：我们将收集您的通讯录信息以方便您在使用服务时不再手动输入联系人的信息；\n"
            "（2）基于短信的扩展功能（READ_SMS）：我们不会读取您的短信内容；\n")
    d = _read(tmp_path, "late_negation.txt", text, catalog)
    perms = scene_permissions(d)
    assert any(p == {"READ_CONTACTS"} for p in perms.values()), perms
    assert not any("READ_SMS" in p for p in perms.values()), perms


DEVICE_TYPE_COLUMN = (
    "本平台权限调用说明\n"
    "权限名称\n设备类型\n获取目的\n业务场景\n权限是否可以关闭\n"
    "读取设备信息权限\n安卓\n为了识别用户身份与风险控制\n在注册、登录时调用\n是\n"
    "访问位置信息权限\n安卓/IOS\n为保护账户安全\n在填写收货地址时调用\n是\n"
    "使用照相设备权限\n安卓/IOS\n为了验证用户的身份\n在人脸识别时调用\n是\n"
    "访问通讯录权限\n安卓\n为了便于用户填写联系人电话号码\n在填写联系人时调用\n是\n"
)


def test_a_permission_table_with_a_column_of_the_device_type(tmp_path, catalog) -> None:
    # "设备类型" names the platform each row is for (安卓, 安卓/IOS): a column of no use, so each row keeps its own
    # use and scene
    d = _read(tmp_path, "device_type.txt", DEVICE_TYPE_COLUMN, catalog)
    perms = scene_permissions(d)
    assert not any(name in ("安卓", "安卓/IOS") for name in perms), perms
    assert any("人脸识别" in name and p == {"CAMERA"} for name, p in perms.items()), perms
    assert any("填写联系人" in name and p == {"READ_CONTACTS"} for name, p in perms.items()), perms


def test_no_row_takes_the_next_rows_permission_when_the_first_is_unknown(tmp_path, catalog) -> None:
    # the first row's permission ("设备识别码权限") is no label the lexicon knows: the header is still the header,
    # "权限名称" no caption over it, so no scene is paired with the permission of the row below it
    text = ("权限名称\n设备类型\n业务功能\n权限是否可以关闭\n\n\n"
            "设备识别码权限\n安卓、IOS\n注册与登录时调用\n安卓可以关闭\n\n\n"
            "读写存储权限\n安卓\n为存储缓存数据时调用\n是\n\n\n"
            "定位权限\n安卓、IOS\n为您推荐附近的门店\n是\n\n\n"
            "相机权限\n安卓、IOS\n在人脸识别时调用\n是\n")
    d = _read(tmp_path, "unknown_first.txt", text, catalog)
    perms = scene_permissions(d)
    assert not any("缓存" in name and p & {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"} for name, p in perms.items()), perms
    assert not any("附近的门店" in name and "CAMERA" in p for name, p in perms.items()), perms
