"""Shapes read right in round 32: a flattened table whose rows ran on into the header of the next table; a
flattened SDK table whose link column has a title the lexicon does not know ("第三方地址") and whose purpose column is
titled "服务内容"; a flattened table with a platform column ("客户端") whose rows may have a second sub-row for another
platform ("iOS端 / 剪贴板"); list items marked with a bullet ("·") that ran into one long line, each ending with an
address; a ">" left by a page's markup before a name; Chinese names of permissions from the widely copied permission tables; an album written to, not read. In
our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import load_lexicon
from auditor.policy.text import URL_RE
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

A = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("foo-push", "Foo Push", "福推送", vendor="Foo Technology Co., Ltd.", vendor_zh="福科技有限公司"),
        entry("qux-map", "Qux Map SDK", "丘地图SDK", vendor="Qux Co., Ltd.", vendor_zh="丘信息技术有限公司"),
    )


TWO_TABLES = """\
1）技术合作研发服务



合作单位名称
目的及功能
个人信息种类


甲乙（北京）科技有限公司
我们集成了该公司的考试功能，使用该服务时会共享右侧的个人信息
登录账号、姓名、手机号码


丙丁信息技术有限公司
我们集成了该公司的电子合同功能，使用该服务时会共享右侧的个人信息
登录账号、姓名、身份证号


戊己网络科技有限公司
我们集成了该公司的积分商城功能，使用该服务时会共享右侧的个人信息
登录账号、手机号码


2）第三方SDK：为保障客户端稳定运行，我们的应用中会嵌入合作伙伴的SDK，列表如下。



 插件名称
 第三方名称
 目的及功能
 个人信息字段
是否去标识化传输


 丘地图SDK
 丘信息技术有限公司
 提供定位服务
 定位权限、手机终端唯一标志信息（IMEI号）
 是


 福推送SDK
 福科技有限公司
 提供推送服务
 设备MAC地址、IMSI
 是
"""


def test_the_rows_of_a_table_end_where_the_next_tables_header_begins(tmp_path, catalog) -> None:
    # the partners' table (its first title one the lexicon reads as no role) would read on into the SDK table's
    # titles; "插件名称" then "第三方名称" are two titles in a row: a header, where the rows above end
    d = _read(tmp_path, "two.txt", TWO_TABLES, catalog)
    rows = {s.name: s for s in d.sdks}
    assert rows["丘地图SDK"].company == "丘信息技术有限公司"
    assert {"imei", "location-fine"} <= set(rows["丘地图SDK"].data_types)
    assert rows["福推送SDK"].company == "福科技有限公司"
    assert set(rows["福推送SDK"].data_types) == {"mac", "imsi"}


COMPANY_FIRST = """\
第三方SDK目录



提供方名称
SDK名称
服务内容
个人信息类型
第三方地址


福科技有限公司
福推送SDK
提供手机推送
设备标识信息、手机IMEI、AndroidID
https://foo.example.com/privacy


丘信息技术有限公司
丘地图SDK
提供定位服务
设备标识信息、MAC地址、地理位置
https://qux.example.com/privacy


壬癸网络科技有限公司
壬癸统计SDK
渠道推广统计
设备标识信息、AndroidID、IP地址
https://rengui.example.com/legal/privacy
"""


def test_a_column_of_addresses_under_a_title_the_lexicon_does_not_know(tmp_path, catalog) -> None:
    d = _read(tmp_path, "company_first.txt", COMPANY_FIRST, catalog)
    rows = {s.name: (s.company, s.link, set(s.data_types)) for s in d.sdks}
    assert rows == {
        "福推送SDK": ("福科技有限公司", "https://foo.example.com/privacy", {"imei", "android-id"}),
        "丘地图SDK": ("丘信息技术有限公司", "https://qux.example.com/privacy", {"mac", "location-fine", "location-coarse"}),
        "壬癸统计SDK": ("壬癸网络科技有限公司", "https://rengui.example.com/legal/privacy", {"android-id", "ip"}),
    }
    lexicon = load_lexicon()
    assert lexicon.role("服务内容") == "purpose"  # what the SDK does for the app, not its name
    assert lexicon.role("SDK服务内容") == "name"  # a title marked whole-only names no role inside a longer one


def _flattened(*rows: tuple[str, ...]) -> str:
    """A table copied a cell a paragraph: four blank lines after each cell, two more after each row."""
    return "".join("".join(cell + "\n\n\n\n\n" for cell in row) + "\n\n" for row in rows)


PLATFORM_ROWS = "三、第三方SDK目录\n\n\n\n\n" + _flattened(
    ("SDK服务", "具体功能", "客户端", "获取信息", "隐私权政策"),
    ("福推送SDK", "推送消息", "安卓端", "读取手机状态和身份(3)查看WLAN连接(1)", "点击查看隐私政策"),
    ("iOS端", "剪贴板"),
    ("丘地图SDK", "定位", "安卓端", "位置信息、WLAN信息", "点击查看隐私政策"),
    ("壬癸统计SDK", "统计", "安卓端", "网络状态、读取外置存储卡(2)", "点击查看隐私政策"),
    ("iOS端", "IDFA"),
    ("子丑分享SDK", "分享", "安卓端", "网络状态", "点击查看隐私政策"),
)


def test_a_platform_sub_row_is_part_of_the_row_above_it(tmp_path, catalog) -> None:
    d = _read(tmp_path, "platforms.txt", PLATFORM_ROWS, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"福推送SDK", "丘地图SDK", "壬癸统计SDK", "子丑分享SDK"}  # no row named "iOS端"
    assert set(rows["福推送SDK"].permissions) == {A + "READ_PHONE_STATE", A + "ACCESS_WIFI_STATE"}
    assert "clipboard" in rows["福推送SDK"].data_types  # the iOS cells are the row's too
    assert set(rows["壬癸统计SDK"].permissions) == {A + "READ_EXTERNAL_STORAGE"}
    assert rows["丘地图SDK"].link == ""  # the link cell is only its anchor's words: no address is known
    assert load_lexicon().role("隐私权政策") == "link"


BULLET_ITEMS = (
    "为了在不同手机设备上提供推送、分享与统计服务，本应用接入了第三方SDK。部分第三方SDK可能会调用您的设备权限、获取您的相关信息，"
    "以便您正常使用相应功能。不同的第三方SDK所调用的设备权限类型以及所获得的信息可能不同，建议您参考第三方SDK的相关服务协议及隐私政策。"
    "如果您希望进一步了解我们所接入的第三方SDK情况，请您阅读以下第三方SDK列表。第三方SDK列表"
    "·福推送\u00a0SDK使用目的：推送消息数据类型：设备标识符、MAC地址官网链接：https://foo.example.com/privacy"
    "·丘地图\u00a0SDK使用目的：定位数据类型：位置信息官网链接：https://qux.example.com/sdk/"
    "·壬癸统计\u00a0SDK使用目的：统计应用使用情况数据类型：AndroidID官网链接：https://rengui.example.com/"
    "·子丑分享\u00a0SDK使用目的：分享内容到社交平台数据类型：设备型号官网链接：https://zichou.example.com/open/"
    "·寅卯客服\u00a0SDK使用目的：在线客服数据类型：IP地址官网链接：https://yinmao.example.com/legal\n"
)


def test_bulleted_items_run_into_one_line(tmp_path, catalog) -> None:
    d = _read(tmp_path, "bullets.txt", BULLET_ITEMS, catalog)
    rows = {s.name: (s.link, set(s.data_types)) for s in d.sdks}
    assert rows == {
        "福推送 SDK": ("https://foo.example.com/privacy", {"mac"}),
        "丘地图 SDK": ("https://qux.example.com/sdk/", {"location-fine", "location-coarse"}),
        "壬癸统计 SDK": ("https://rengui.example.com/", {"android-id"}),
        "子丑分享 SDK": ("https://zichou.example.com/open/", {"device-model"}),
        "寅卯客服 SDK": ("https://yinmao.example.com/legal", {"ip"}),
    }


def test_an_address_ends_before_a_bullet() -> None:
    assert [m.group(0) for m in URL_RE.finditer("官网：https://a.example.com/v2/·下一项 https://b.example.com/x•y")] == [
        "https://a.example.com/v2/", "https://b.example.com/x"]


MARKUP_LEFT = """\
第三方SDK目录

SDK名称
SDK包名
SDK用途
可能获取的个人信息类型

\t>福推送SDK
com.foo.push
推送消息
IMEI、设备型号

丘地图SDK
com.qux.map
定位
位置信息
"""


def test_a_markup_mark_before_a_name_is_no_part_of_it(tmp_path, catalog) -> None:
    d = _read(tmp_path, "markup.txt", MARKUP_LEFT, catalog)
    assert [s.name for s in d.sdks] == ["福推送SDK", "丘地图SDK"]


@pytest.mark.parametrize(("text", "expected"), [
    ("创建快捷方式权限，用于将功能图标放到桌面", {"com.android.launcher.permission.INSTALL_SHORTCUT"}),
    ("允许程序发送粘性广播，用于接收消息", {A + "BROADCAST_STICKY"}),
    ("允许当前应用改变配置权限，用于跳转设置页面", {A + "CHANGE_CONFIGURATION"}),
    ("允许使用电池状态权限，用于显示电量", {A + "BATTERY_STATS"}),
    ("允许使用获取应用大小权限，用于计算空闲空间", {A + "GET_PACKAGE_SIZE"}),
    ("相册（仅写入）权限：保存海报", {A + "WRITE_EXTERNAL_STORAGE"}),
    ("相册写入权限", {A + "WRITE_EXTERNAL_STORAGE"}),
    ("相册读写权限", {A + "READ_EXTERNAL_STORAGE", A + "READ_MEDIA_IMAGES", A + "WRITE_EXTERNAL_STORAGE"}),
])
def test_permission_names_of_the_widely_copied_tables(text, expected) -> None:
    assert {p for p, _ in load_lexicon().permissions_in(text)} == expected


def test_a_battery_state_is_a_permission_only_where_permissions_are_the_topic() -> None:
    lexicon = load_lexicon()
    assert lexicon.permissions_in("设备电池状态", weak=False) == []
    assert {p for p, _ in lexicon.permissions_in("电池状态", weak=True)} == {A + "BATTERY_STATS"}
