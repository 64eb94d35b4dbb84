"""Shapes met in crawled app-store policies and read right in round 22: a flattened table whose SDK names sit
under a "kind" column, whose links wrap or repeat and whose company closes each row; permission tables whose
constants close each row or run together; label lines that name a company and a link at once; names written with
their company after a dash or in a second bracket; records of permission labels one of which lost its name; items
naming "第三方SDK“X”"; an SDK's line listing the permissions it holds over its labels. In our own words, expected
values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import load_lexicon
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("umeng-push", "Umeng Push", "友盟推送"),
                          entry("huawei-push", "Huawei Push", "华为推送"),
                          entry("getui-push", "Getui Push", "个推"),
                          entry("baidu-location", "Baidu Location", "百度定位SDK"),
                          entry("tencent-bugly", "Tencent Bugly", "Bugly"))


KIND_COLUMN = """\
某某阅读第三方共享清单
第三方名称
使用目的
功能类型
涉及个人信息
第三方链接
北京锐讯灵通科技有限公司
为了向您推送更新提醒，我们接入了友盟推送SDK。
友盟推送SDK
设备信息（IMEI、Android ID）、应用运行列表
https://www.umeng.com/page/policy
北京锐讯灵通科技有限公司
为了统计阅读时长，我们接入了友盟统计SDK。
友盟统计SDK
设备信息（IMEI、OAID）
https://www.umeng.com/page/policy
https://www.umeng.com/page/policy
华为软件技术有限公司
为了在华为手机上送达提醒，我们接入了华为推送SDK。
华为推送SDK
设备信息（AAID）
https://consumer.huawei.com/cn/privacy/
"""


def test_a_kind_column_of_product_names_names_the_rows_and_a_repeated_link_stays_in_its_row(tmp_path, catalog):
    d = _read(tmp_path, "kind.txt", KIND_COLUMN, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("友盟推送SDK", "北京锐讯灵通科技有限公司"), ("友盟统计SDK", "北京锐讯灵通科技有限公司"),
        ("华为推送SDK", "华为软件技术有限公司"),
    ]
    assert all(s.extractor == "flat-table" for s in d.sdks)
    assert "running-apps" in d.sdks[0].data_types  # "应用运行列表": the apps running
    assert d.sdks[2].link == "https://consumer.huawei.com/cn/privacy/"


WRAPPED_LINKS = """\
第三方SDK名称
使用目的
收集个人信息类型
隐私政策链接
百度定位SDK
为您推荐附近的网点
位置信息
https://lbs.baidu.com/index.php?title=
openprivacy
个推SDK
向您推送消息
设备标识符
https://docs.getui.com/privacy/
"""


def test_an_address_wrapped_onto_the_next_line_is_one_link(tmp_path, catalog):
    d = _read(tmp_path, "wrapped.txt", WRAPPED_LINKS, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [
        ("百度定位SDK", "https://lbs.baidu.com/index.php?title=openprivacy"),
        ("个推SDK", "https://docs.getui.com/privacy/"),
    ]


REPEATED_HEADER = """\
安卓版
SDK名称
场景描述
个人信息字段
隐私政策链接
第三方机构名称
个推SDK
消息推送
设备标识符
https://docs.getui.com/privacy/
每日互动股份有限公司
百度定位SDK
附近网点
位置信息
https://lbs.baidu.com/privacy
北京百度网讯科技有限公司
苹果版
SDK名称
场景描述
个人信息字段
隐私政策链接
第三方机构名称
Bugly
崩溃分析
设备型号
https://privacy.qq.com/
深圳市腾讯计算机系统有限公司
"""


def test_a_table_ends_where_its_header_comes_again_and_a_company_cell_opens_no_header(tmp_path, catalog):
    d = _read(tmp_path, "again.txt", REPEATED_HEADER, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("个推SDK", "每日互动股份有限公司"), ("百度定位SDK", "北京百度网讯科技有限公司"),
        ("Bugly", "深圳市腾讯计算机系统有限公司"),
    ]


CONSTANTS_CLOSE_ROWS = """\
应用权限清单
名称
业务场景
权限代码
存储权限
在您保存下载的书籍时，需要写入设备存储
android.permission.WRITE_EXTERNAL_STORAGEandroid.permission.READ_EXTERNAL_STORAGE
相机权限
在您拍摄头像时，需要使用摄像头
android.permission.CAMERA
震动权限
在新消息到达时以震动提醒您
android.permission.VIBRATE
"""


def test_constants_that_close_each_row_pair_with_the_scene_before_them(tmp_path, catalog):
    d = _read(tmp_path, "closing.txt", CONSTANTS_CLOSE_ROWS, catalog)
    pairs = {(p.permission.removeprefix("android.permission."), p.scene) for p in d.permissions}
    assert pairs == {
        ("WRITE_EXTERNAL_STORAGE", "在您保存下载的书籍时，需要写入设备存储"),
        ("READ_EXTERNAL_STORAGE", "在您保存下载的书籍时，需要写入设备存储"),
        ("CAMERA", "在您拍摄头像时，需要使用摄像头"),
        ("VIBRATE", "在新消息到达时以震动提醒您"),
    }


def test_constants_written_one_after_the_other_are_each_read():
    lexicon = load_lexicon()
    found = [c for c, _ in lexicon.permissions_in(
        "android.permission.ACCESS_WIFI_STATEandroid.permission.CHANGE_WIFI_STATE")]
    assert found == ["android.permission.ACCESS_WIFI_STATE", "android.permission.CHANGE_WIFI_STATE"]


COMPANY_AND_LINK_LABEL = """\
三方插件清单
1、接入的SDK名称：个推SDK
收集的个人信息类型：设备标识符、网络信息
收集及使用的目的：消息推送
SDK提供方名称及其个人信息保护政策链接：每日互动股份有限公司
https://docs.getui.com/privacy/
2、接入的SDK名称：华为推送SDK
收集的个人信息类型：AAID
收集及使用的目的：消息推送
SDK提供方名称及其个人信息保护政策链接：华为软件技术有限公司https://consumer.huawei.com/cn/privacy/
"""


def test_a_label_of_company_and_link_gives_both(tmp_path, catalog):
    d = _read(tmp_path, "both.txt", COMPANY_AND_LINK_LABEL, catalog)
    assert [(s.name, s.company, s.link) for s in d.sdks] == [
        ("个推SDK", "每日互动股份有限公司", "https://docs.getui.com/privacy/"),
        ("华为推送SDK", "华为软件技术有限公司", "https://consumer.huawei.com/cn/privacy/"),
    ]


DASHED_COMPANIES = """\
以下为我们接入的第三方SDK：
1. 个推SDK-每日互动股份有限公司
信息获取：设备标识符、网络状态
收集方式：内嵌SDK
使用场景：消息推送
隐私协议地址：https://docs.getui.com/privacy/
2.某某云对象存储-某某云计算（北京）有限责任公司
信息获取：存储、Wifi状态
收集方式：内嵌SDK
使用场景：图片上传
隐私协议地址：https://cloud.example.com/privacy
"""


def test_a_name_line_writing_its_company_after_a_dash_gives_both(tmp_path, catalog):
    d = _read(tmp_path, "dashed.txt", DASHED_COMPANIES, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("个推SDK", "每日互动股份有限公司"), ("某某云对象存储", "某某云计算（北京）有限责任公司"),
    ]
    assert "wifi-info" in d.sdks[1].data_types  # "信息获取" labels what is collected


def test_the_company_in_the_last_of_two_brackets():
    from auditor.policy.table import product_company
    assert product_company("某某推送SDK（含厂商通道）（某某科技有限公司）") == ("某某推送SDK（含厂商通道）", "某某科技有限公司")
    assert product_company("支付宝SDK（支付宝（中国）网络技术有限公司）") == ("支付宝SDK", "支付宝（中国）网络技术有限公司")
    assert product_company("某某推送-某某科技有限公司") == ("某某推送", "某某科技有限公司")
    assert product_company("U-APM SDK") is None
    assert product_company("北京某某网络技术有限公司的“某某广告联盟”SDK") == ("某某广告联盟SDK", "北京某某网络技术有限公司")


A_NAME_LEFT_OUT = """\
应用权限列表
权限名称：android.permission.CAMERA
权限功能说明：允许应用使用摄像头
使用场景/目的：扫码登录
权限名称：android.permission.RECORD_AUDIO
权限功能说明：允许应用使用麦克风
使用场景/目的：语音留言
权限功能说明：授权应用读取SD卡中的内容
使用场景/目的：选择本地图片作为头像
权限名称：android.permission.WRITE_EXTERNAL_STORAGE
权限功能说明：授权应用修改SD卡中的内容
使用场景/目的：保存下载的图片
权限名称：android.permission.VIBRATE
权限功能说明：允许应用控制振动器
使用场景/目的：消息提醒
"""


def test_a_permission_record_that_lost_its_name_shifts_no_record_after_it(tmp_path, catalog):
    d = _read(tmp_path, "left_out.txt", A_NAME_LEFT_OUT, catalog)
    pairs = {(p.permission.removeprefix("android.permission."), p.scene) for p in d.permissions}
    assert pairs == {
        ("CAMERA", "扫码登录"), ("RECORD_AUDIO", "语音留言"),
        ("READ_EXTERNAL_STORAGE", "选择本地图片作为头像"),  # from the system's words of its description
        ("WRITE_EXTERNAL_STORAGE", "保存下载的图片"), ("VIBRATE", "消息提醒"),
    }


DESCRIBED_ONLY = """\
应用权限说明
<li>权限名称：录音</li>

<li>权限功能说明：用于语音搜索题目</li>

<li>xml中描述名称：android.permission.RECORD_AUDIO</li>

<li>权限名称：拍摄照片和视频</li>

<li>权限功能说明：用于拍照上传错题</li>

<li>xml中描述名称：android.permission.CAMERA</li>
"""


def test_a_permission_record_with_only_a_description_takes_it_as_its_use(tmp_path, catalog):
    d = _read(tmp_path, "described.html", DESCRIBED_ONLY, catalog)
    pairs = {(p.permission.removeprefix("android.permission."), p.scene) for p in d.permissions}
    assert ("RECORD_AUDIO", "用于语音搜索题目") in pairs
    assert ("CAMERA", "用于拍照上传错题") in pairs


QUOTED_AFTER_SDK = """\
6.第三方SDK权限：我们的产品接入了以下第三方SDK，您可在其隐私政策中了解详情。
①第三方【星河统计】SDK，包括统计分析、推送，需要收集您的设备Mac地址、IMEI；
②第三方SDK“云帆广告”，为了向您推送广告内容，可能需要获取网络权限；
③第三方SDK“晨光支付”，为了购买会员服务，可能需要获取访问网络状态权限；
"""


def test_items_naming_a_quoted_sdk_are_rows_not_permission_items(tmp_path, catalog):
    d = _read(tmp_path, "quoted.txt", QUOTED_AFTER_SDK, catalog)
    assert [s.name for s in d.sdks] == ["星河统计", "云帆广告", "晨光支付"]


OWNER_LINES = """\
以下是我们正在使用的第三方SDK：
1）“星河统计”包含的权限代码如下：网络访问权限、读取手机状态和身份；
收集信息的目的：用于数据统计
信息共享主体：星河数据科技有限公司
收集的信息：设备型号、IMEI
隐私政策链接：https://example.com/xinghe/privacy
2）云帆广告SDK包含的权限代码如下：网络访问权限、写入外部存储卡；
收集信息的目的：用于展示广告
信息共享主体：云帆网络技术有限公司
收集的信息：设备型号、MAC地址
隐私政策链接：https://example.com/yunfan/privacy
"""


def test_a_line_listing_the_permissions_an_sdk_holds_opens_its_record(tmp_path, catalog):
    d = _read(tmp_path, "owners.txt", OWNER_LINES, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("星河统计", "星河数据科技有限公司"), ("云帆广告SDK", "云帆网络技术有限公司"),
    ]
    assert "android.permission.READ_PHONE_STATE" in d.sdks[0].permissions
    assert "android.permission.WRITE_EXTERNAL_STORAGE" in d.sdks[1].permissions


@pytest.mark.parametrize(("label", "role"), [
    ("信息共享主体", "company"),       # who the data is shared with
    ("个人信息获取方式", "method"),     # how it is got
    ("收集个人信息目的", "purpose"),     # what for
    ("信息获取", "data"),             # what is got
    ("个人信息主体", "data"),          # the person the data is about: no party
])
def test_the_last_word_of_a_label_after_data_words_heads_it(label, role):
    assert load_lexicon().role(label) == role


TITLED_PERMISSION_RECORDS = """\
三、应用申请的权限及用途
1. 应用主动申请的权限
                读写外部存储
权限说明：缓存离线课程、保存打卡图片
权限声明代码：WRITE_EXTERNAL_STORAGE、READ_EXTERNAL_STORAGE
                摄像头
权限说明：拍照识别生词
权限声明代码：CAMERA
                振动
权限说明：练习完成时振动提示
权限声明代码：VIBRATE
                麦克风
权限说明：口语跟读评分
权限声明代码：RECORD_AUDIO
"""


def test_permission_records_opened_by_their_use_under_a_title_line_each(tmp_path, catalog):
    d = _read(tmp_path, "titled.txt", TITLED_PERMISSION_RECORDS, catalog)
    pairs = {(p.permission.removeprefix("android.permission."), p.scene) for p in d.permissions if p.scene}
    assert pairs == {
        ("WRITE_EXTERNAL_STORAGE", "缓存离线课程、保存打卡图片"), ("READ_EXTERNAL_STORAGE", "缓存离线课程、保存打卡图片"),
        ("CAMERA", "拍照识别生词"), ("VIBRATE", "练习完成时振动提示"), ("RECORD_AUDIO", "口语跟读评分"),
    }


DEFINITION_ITEMS = """\
1. 对于使用安卓系统的用户，您在使用本软件时，我们需要以下权限：
    ①允许程序改变WiFi状态，使本软件根据网络状态提示下载；
    ②允许程序写入外部存储，使用户下载图书时可以存入SD卡内；
    ③允许程序访问网络连接，使本软件可以正常联网；
"""


def test_items_opening_with_the_systems_words_for_a_permission_then_its_use(tmp_path, catalog):
    d = _read(tmp_path, "definitions.txt", DEFINITION_ITEMS, catalog)
    pairs = {(p.permission.removeprefix("android.permission."), p.scene) for p in d.permissions}
    assert pairs == {("CHANGE_WIFI_STATE", "允许程序改变WiFi状态"), ("WRITE_EXTERNAL_STORAGE", "允许程序写入外部存储"),
                     ("INTERNET", "允许程序访问网络连接")}  # (not the network state its use mentions)


BASED_ON_ITEMS = """\
以下情形中，您可选择是否授权我们使用您的个人信息：
（1）基于麦克风的功能：您可以使用语音搜索。
（2）基于相机（摄像头）的功能：您可以使用扫一扫。
（3）基于地理位置的功能：您可以查询附近网点。
"""


def test_each_numbered_function_item_is_its_own_scene(tmp_path, catalog):
    d = _read(tmp_path, "based_on.txt", BASED_ON_ITEMS, catalog)
    by_permission = {p.permission.removeprefix("android.permission."): p.scene for p in d.permissions}
    assert by_permission["RECORD_AUDIO"] == "基于麦克风的功能"
    assert by_permission["CAMERA"] == "基于相机（摄像头）的功能"
    assert by_permission["ACCESS_FINE_LOCATION"] == "基于地理位置的功能"


CAPS_LABELS = """\
Why does the app need these permissions?


SET WALLPAPER to set a saved picture as the home screen wallpaper


AUTOMATICALLY START AT BOOT starts the reminder service after the phone restarts


SEND STICKY BROADCAST to tell the main screen that a favourite changed
"""


def test_a_permission_label_in_capitals_then_its_use(tmp_path, catalog):
    d = _read(tmp_path, "caps.txt", CAPS_LABELS, catalog)
    by_permission = {p.permission.removeprefix("android.permission."): f"{p.scene} {p.description}" for p in d.permissions}
    assert "wallpaper" in by_permission["SET_WALLPAPER"]
    assert "reminder service" in by_permission["RECEIVE_BOOT_COMPLETED"]
    assert "favourite" in by_permission["BROADCAST_STICKY"]


REPEATED_HEADS = """\
某某广告SDK合规指引
1、SDK扩展业务功能的配置说明
- 要求内容:《SDK合规使用说明》应说明SDK各项扩展业务功能。
- 接入说明:本SDK的基本业务功能为广告投放。
2、SDK可选个人信息的配置说明
- 要求内容:《SDK合规使用说明》应说明SDK各项可选个人信息。
- 接入说明:本SDK暂无可选个人信息。
"""


def test_a_head_that_opens_several_items_is_a_label_not_an_sdk(tmp_path, catalog):
    d = _read(tmp_path, "heads.txt", REPEATED_HEADS, catalog)
    assert "要求内容" not in [s.name for s in d.sdks]


GLUED_BARE_CONSTANTS = """\
以下为本应用涉及的权限说明：
权限名称
功能场景
何时获取
是否可关闭
INTERNETACCESS_WIFI_STATE
连接服务器同步书架
系统自动授权
是
READ_PHONE_STATE
识别设备以保障账号安全
首次启动时询问
是
CAMERAVIBRATE
扫码添加好友并震动提示
使用扫码时询问
是
"""


def test_bare_constants_run_together_and_the_use_column_among_titles(tmp_path, catalog):
    d = _read(tmp_path, "glued.txt", GLUED_BARE_CONSTANTS, catalog)
    pairs = {(p.permission.removeprefix("android.permission."), p.scene) for p in d.permissions}
    assert pairs == {
        ("INTERNET", "连接服务器同步书架"), ("ACCESS_WIFI_STATE", "连接服务器同步书架"),
        ("READ_PHONE_STATE", "识别设备以保障账号安全"),
        ("CAMERA", "扫码添加好友并震动提示"), ("VIBRATE", "扫码添加好友并震动提示"),
    }


SDK_PERMISSION_LINES = """\
9.本应用内第三方SDK及其权限
个推SDK
权限名称：android.permission.INTERNET 名称(中文)：网络权限 用途说明：用于接收推送
权限名称：android.permission.READ_PHONE_STATE 名称(中文)：读取手机状态 用途说明：标记推送到哪台设备
官方地址：https://www.getui.com
百度定位SDK
权限名称：android.permission.ACCESS_FINE_LOCATION 名称(中文)：精确位置 用途说明：推荐附近网点
权限名称：android.permission.ACCESS_WIFI_STATE 名称(中文)：WIFI状态 用途说明：辅助定位
官方地址：https://lbsyun.baidu.com
"""


def test_an_sdks_permissions_one_a_line_with_their_use_are_its_row_permissions(tmp_path, catalog):
    # (round 40: what an SDK uses a permission for is no business scene of the app; the hand-written truth of
    # four independently gathered sets of real policies reads such lines as the row's permissions only)
    d = _read(tmp_path, "sdk_perms.txt", SDK_PERMISSION_LINES, catalog)
    assert [s.name for s in d.sdks] == ["个推SDK", "百度定位SDK"]
    assert [{p.removeprefix("android.permission.") for p in s.permissions} for s in d.sdks] == [
        {"INTERNET", "READ_PHONE_STATE"}, {"ACCESS_FINE_LOCATION", "ACCESS_WIFI_STATE"}]
    assert not [p for p in d.permissions if p.scene]


COMPANY_IN_BRACKETS = """\
6.第三方SDK：
⑦第三方SDK“云帆广告”为了向您推送广告内容，可能需要获取您的设备型号、IP地址；云帆广告（北京云帆网络技术有限公司）隐私政策参见 https://example.com/yunfan；
⑧第三方SDK“星河平台”为了向您推送广告内容，可能需要获取地理位置信息；星河（深圳市星河科技有限公司）隐私政策参见 https://example.com/xinghe；
"""


def test_a_sentence_names_the_company_in_brackets_after_the_sdk(tmp_path, catalog):
    d = _read(tmp_path, "bracket_company.txt", COMPANY_IN_BRACKETS, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("云帆广告", "北京云帆网络技术有限公司"), ("星河平台", "深圳市星河科技有限公司"),
    ]


PERMISSIONS_IN_PROSE = """\
在为安卓系统的用户提供服务时，我们将使用下列SDK技术：
1. 我们使用了“星河统计”的SDK，功能是统计崩溃，使用到的权限是“存储权限、读取网络状态、读取WIFI状态”，获取的用户信息是“IP地址”。
2. 我们使用了“云帆推送”的SDK，功能是消息推送，可能需要获取访问网络权限、访问网络状态权限；
3. 同时，我们使用了其他不需要获取权限的SDK，包括“晨光日志”的SDK。
"""


def test_a_sentence_about_one_sdk_gives_the_permissions_it_says_the_sdk_uses(tmp_path, catalog):
    d = _read(tmp_path, "prose_perms.txt", PERMISSIONS_IN_PROSE, catalog)
    perms = {s.name: {p.removeprefix("android.permission.") for p in s.permissions} for s in d.sdks}
    assert perms["星河统计"] == {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE", "ACCESS_NETWORK_STATE",
                              "ACCESS_WIFI_STATE"}
    assert perms["云帆推送"] == {"INTERNET", "ACCESS_NETWORK_STATE"}
    assert perms["晨光日志"] == set()  # (needs none)


def test_a_row_named_by_a_clause_a_data_category_or_a_short_label_is_no_row():
    from auditor.policy.reader import _names_something
    lexicon = load_lexicon()
    for name in ("嵌入第三方SDK，SDK收集传输个人信息", "个人常用设备信息（MAC地址，IMEI），属敏感信息；位置", "个人常用设备信息",
                 "信息用途", "收集个人信息种类"):
        assert not _names_something(name, lexicon), name
    for name in ("号码认证SDK，本机号码校验", "RxPermissions", "巨量引擎数据上报", "极速数据API服务", "腾讯云", "TopOn"):
        assert _names_something(name, lexicon), name
