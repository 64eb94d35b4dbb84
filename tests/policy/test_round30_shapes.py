"""Shapes read right in round 30: a flattened SDK table with a platform column ("所属系统": 安卓 / 苹果) and a caption over
its header; a table whose first column is the partner's kind ("合作伙伴类型") before the partner's name, with name cells
that are a company only or "（产品SDK）公司", its cells a paragraph each and a cell of two lines; an SDK table's whole
header over rows it cannot read, whose titles open no permission table; data and permission labels written as
Android's settings write them ("获取网络信息", "运行程序列表"). A one-line page whose section numbers ("3.1.2") run into the
text before them. A permission table's rows of iOS permissions (their "NS…UsageDescription" keys). A sentence (or
an item read whole) on what an SDK asks for ("我们使用了“X”的SDK，…使用到的权限是…"). An SDK table with its titles and cells
apart, the company first, each row's link as far off as the rows; a name cell "产品SDK：某某有限公司". In our own words,
expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import load_lexicon
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

A = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jiamap", "Jia Map SDK", "甲地图SDK"), entry("yipush", "Yi Push", "乙推送SDK"))


PLATFORM_TABLE = """\
（1）第三方SDK合作伙伴。详见下表。



SDK技术


所属系统
SDK名称
第三方
第三方收集个人信息的目的
第三方收集个人信息的类型
隐私政策链接


安卓
甲地图SDK(内嵌甲定位SDK)
甲地图信息技术有限公司
展示您附近的商家
Mac地址、获取网络信息、运行程序列表
https://map.jia.example.cn/privacy


安卓/苹果
乙推送SDK
乙科技有限责任公司
为您推送消息
设备型号、获取网络信息
https://push.yi.example.cn/privacy


苹果
丙分享SDK
丙网络科技有限公司
分享到丙社区
设备型号
https://share.bing.example.cn/privacy
"""


def test_a_platform_column_is_no_name_and_the_caption_no_title(tmp_path, catalog) -> None:
    lexicon = load_lexicon()
    assert lexicon.role("所属系统") == lexicon.role("适用平台") == "choice"
    d = _read(tmp_path, "platforms.txt", PLATFORM_TABLE, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"甲地图SDK(内嵌甲定位SDK)", "乙推送SDK", "丙分享SDK"}
    assert rows["甲地图SDK(内嵌甲定位SDK)"].company == "甲地图信息技术有限公司"
    assert rows["乙推送SDK"].company == "乙科技有限责任公司"
    assert rows["丙分享SDK"].link == "https://share.bing.example.cn/privacy"
    # Android's own labels for the network state and the running apps, as data
    assert {"mac", "network-state", "running-apps"} <= set(rows["甲地图SDK(内嵌甲定位SDK)"].data_types)
    assert "network-state" in rows["乙推送SDK"].data_types


def test_android_labels_for_network_state_and_running_programs() -> None:
    lexicon = load_lexicon()
    assert {p for p, _ in lexicon.permissions_in("允许程序获取网络信息状态")} == {A + "ACCESS_NETWORK_STATE"}
    assert {p for p, _ in lexicon.permissions_in("检索当前运行程序")} == {A + "GET_TASKS"}


PARTNER_KINDS = """\
第三方合作伙伴及共享信息说明：
合作伙伴类型
合作伙伴名称
合作目的
合作方式
共享个人信息字段
隐私政策


数据统计合作方
（丁统计SDK）北京丁数据科技有限公司
提供统计服务
嵌入第三方SDK
设备MAC地址、应用列表
https://ding.example.cn/privacy


消息推送服务合作方
戊信息技术有限公司
推送消息
嵌入第三方SDK
设备型号
https://wu.example.cn/privacy


广告服务合作方
（己广告SDK）己网络科技有限公司
展示广告
嵌入第三方SDK
设备标识符
https://ji.example.cn/privacy
"""


def test_a_column_of_partner_kinds_before_the_partners_names(tmp_path, catalog) -> None:
    lexicon = load_lexicon()
    assert lexicon.role("合作伙伴类型") == lexicon.role("合作方类型") == "description"
    d = _read(tmp_path, "kinds.txt", PARTNER_KINDS, catalog)
    companies = {s.name: s.company for s in d.sdks}
    # a kind ("消息推送服务合作方") is nobody's company; a name cell that is a company only is its own company
    assert companies == {"丁统计SDK": "北京丁数据科技有限公司", "戊信息技术有限公司": "戊信息技术有限公司",
                         "己广告SDK": "己网络科技有限公司"}


KINDS_APART = """\
我们的合作伙伴如下：



合作伙伴类型
合作伙伴名称
合作目的
合作方式
共享个人信息字段
合作伙伴数据安全能力描述
隐私政策




统计服务合作方
庚统计科技有限公司

提供应用运营数据的统计分析

嵌入第三方SDK

设备MAC地址、应用内操作记录

已通过信息安全管理体系认证，
并持有三级等保证书。

https://geng.example.cn/privacy



地图服务合作方
辛地图开放平台

提供附近门店的位置服务

嵌入第三方SDK

位置信息

已通过等级保护测评

https://xin.example.cn/privacy



分享服务合作方
壬分享开放平台

分享到壬社区

嵌入第三方SDK

设备型号

采取加密传输措施

https://ren.example.cn/privacy



推送服务合作方
癸推送服务

推送消息

嵌入第三方SDK

设备标识符

采取去标识化措施

https://gui.example.cn/privacy
"""


def test_cells_a_paragraph_each_rows_further_apart_and_a_cell_of_two_lines(tmp_path, catalog) -> None:
    # a cell of two lines ("…认证，" / "并持有…") read as two would shift every cell after it: the blank lines part
    # the rows (three between rows, one between cells), the partner's kind opens each row before its name
    d = _read(tmp_path, "apart.txt", KINDS_APART, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"庚统计科技有限公司", "辛地图开放平台", "壬分享开放平台", "癸推送服务"}
    assert rows["辛地图开放平台"].link == "https://xin.example.cn/privacy"
    assert rows["癸推送服务"].link == "https://gui.example.cn/privacy"
    assert not rows["辛地图开放平台"].company  # ("地图服务合作方", the row's kind, is no company)
    assert rows["庚统计科技有限公司"].company == "庚统计科技有限公司"


WHOLE_HEADER_ROWS_ON_ONE_LINE = """\
三方SDK列表如下：

功能类型
SDK名称
第三方公司名称
使用目的
申请调用的权限
收集个人信息类型
官网链接
隐私政策链接

工具类 甲地图SDK 甲地图信息技术有限公司 展示附近门店 获取精确位置；读取外置存储卡 位置信息 https://map.jia.example.cn https://map.jia.example.cn/privacy
乙推送SDK 乙科技有限责任公司 推送消息 读取手机状态和身份 设备信息 https://push.yi.example.cn https://push.yi.example.cn/privacy
"""


def test_the_titles_of_a_whole_sdk_header_open_no_permission_table(tmp_path, catalog) -> None:
    # the rows (a line each, cells parted by blanks, a merged kind cell on the first only) do not read as the
    # header's cells; "使用目的 / 申请调用的权限 / …" within the header is no permission table: no scene, and the
    # rows' SDKs are still found in the lines
    d = _read(tmp_path, "whole.txt", WHOLE_HEADER_ROWS_ON_ONE_LINE, catalog)
    assert not d.scenes
    assert {"jiamap", "yipush"} <= {s.id for s in d.sdks}



def test_section_numbers_run_into_the_text_before_them_part_its_items(tmp_path, catalog) -> None:
    from auditor.policy.glued_lines import cut
    items = ["相机权限：用于拍摄头像", "存储权限：用于缓存图片，保存日志", "麦克风权限：用于录制语音消息",
             "电话权限：用于校验本机号码", "日历权限：用于写入签到提醒", "悬浮窗权限：用于在其他应用上显示通话小窗"]
    text = "三、我们申请的权限" + "".join(f"3.1.{k} {item}" for k, item in enumerate(items, 1)) \
        + "。我们会在您使用相关功能时单独征求同意，您可以在系统设置中随时关闭这些权限，关闭后不影响其他功能的使用。" * 8
    parts = cut(text, load_lexicon())
    assert [p for p in parts if p.startswith("3.1.")] == [f"3.1.{k} {item}" for k, item in enumerate(items[:-1], 1)] \
        + [parts[-1]]
    assert parts[-1].startswith("3.1.6 悬浮窗权限")
    d = _read(tmp_path, "glued.txt", text, catalog)
    scenes = {s.name: {p.rsplit(".", 1)[-1] for p in s.permissions} for s in d.scenes}
    assert scenes == {"相机权限": {"CAMERA"}, "存储权限": {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"},
                      "麦克风权限": {"RECORD_AUDIO"}, "电话权限": {"READ_PHONE_STATE"},
                      "日历权限": {"READ_CALENDAR", "WRITE_CALENDAR"}, "悬浮窗权限": {"SYSTEM_ALERT_WINDOW"}}
    assert {s.name: s.description for s in d.scenes}["麦克风权限"] == "用于录制语音消息"


def test_a_lone_decimal_or_a_version_is_no_section_number() -> None:
    from auditor.policy.glued_lines import _dotted_items
    assert not _dotted_items("本应用支持1.5倍速播放，SDK版本v2.3.1与v2.3.2均已适配，安装包约12.4MB。")
    assert len(_dotted_items("一、概述1.1 适用范围1.2 定义")) == 2


IOS_ROWS = """\
| 权限名称 | 权限说明 | 使用场景 |
|---|---|---|
| 相机<br />`NSCameraUsageDescription` | 拍摄照片 | 用于扫码登录、更换头像 |
| 写入照片库<br />`NSPhotoLibraryAddUsageDescription` | 向相册写入内容 | 保存海报图片 |
| 相机<br />`android.permission.CAMERA` | 拍摄照片 | 用于扫码登录 |
| 存储 | 读写外部存储 | 保存海报图片到相册 |
"""


def test_a_row_of_an_ios_permission_asks_no_android_permission(tmp_path, catalog) -> None:
    d = _read(tmp_path, "ios.md", IOS_ROWS, catalog)
    pairs = {(s.name, p.rsplit(".", 1)[-1]) for s in d.scenes for p in s.permissions}
    assert pairs == {("用于扫码登录", "CAMERA"), ("保存海报图片到相册", "READ_EXTERNAL_STORAGE"),
                     ("保存海报图片到相册", "WRITE_EXTERNAL_STORAGE")}


SDK_SENTENCES = """\
三、SDK技术
在为安卓系统的用户提供服务时，我们将使用下列SDK技术：
1. 我们使用了“甲统计”的SDK，功能是统计应用崩溃信息，使用到的权限是“读取手机状态、获取位置信息”。
2. 我们使用了乙推送SDK，用于推送消息，所需的权限是“读取网络状态”。
3. 当您使用扫码功能时，我们需要访问您的相机权限，并使用丙扫码SDK识别二维码。
"""


def test_a_sentence_on_what_an_sdk_asks_for_is_no_scene(tmp_path, catalog) -> None:
    d = _read(tmp_path, "sdks.txt", SDK_SENTENCES, catalog)
    pairs = {(s.name, p.rsplit(".", 1)[-1]) for s in d.scenes for p in s.permissions}
    # the app's own feature names an SDK later in its sentence: still a scene
    assert {p for _, p in pairs} == {"CAMERA"}
    # what the SDKs ask for stays disclosed
    assert {A + "READ_PHONE_STATE", A + "ACCESS_NETWORK_STATE", A + "CAMERA"} <= {p.permission for p in d.permissions}


def _apart(cells: list[str], blanks: int) -> str:
    return ("\n" * (blanks + 1)).join(cells)


COMPANY_FIRST_ROWS = [
    ("甲地图信息技术有限公司", "甲地图", "手机定位、网络类型", "用户定位", "查找附近的活动", "SDK本机采集",
     "信息处理规则：https://map.jia.example.cn/privacy"),
    ("乙图床信息技术有限公司", "乙图床", "相机、相册信息", "图片处理", "上传头像时压缩图片", "SDK本机采集",
     "信息处理规则：https://img.yi.example.cn/privacy"),
    ("丙科技有限公司", "丙推送SDK", "设备标识符、网络类型", "消息推送", "推送活动通知", "SDK本机采集",
     "信息处理规则：https://push.bing.example.cn/privacy"),
]


def test_rows_apart_company_first_with_a_link_as_far_off_as_the_rows(tmp_path, catalog) -> None:
    # titles and cells four blank lines apart, rows six; each row's link (a column the header has no title for)
    # is set off by six blank lines too: it ends its row, it opens none
    header = _apart(["厂家名称", "SDK名称", "共享信息名称", "使用目的", "使用场景", "共享方式"], 4)
    rows = _apart([_apart(list(r[:-1]), 4) + "\n" * 7 + r[-1] for r in COMPANY_FIRST_ROWS], 6)
    text = "（二）第三方SDK收集、使用您个人信息的情形\n" + "\n" * 7 + header + "\n" * 7 + rows + "\n"
    d = _read(tmp_path, "apart.txt", text, catalog)
    want = {(r[1], r[0], r[-1].split("：", 1)[1]) for r in COMPANY_FIRST_ROWS}
    assert {(s.name, s.company, s.link) for s in d.sdks} == want


NAME_COLON_COMPANY = """\
| 合作伙伴名称 | 合作目的 | 共享个人信息字段 | 隐私政策 |
|---|---|---|---|
| 甲闪验SDK：上海甲梦信息科技有限公司 | 提供一键登录服务 | 设备标识符 | https://jia.example.cn/privacy |
| 乙推送SDK | 推送消息 | 设备型号 | https://yi.example.cn/privacy |
"""


def test_a_name_cell_with_its_company_after_a_colon(tmp_path, catalog) -> None:
    d = _read(tmp_path, "colon.md", NAME_COLON_COMPANY, catalog)
    assert {(s.name, s.company) for s in d.sdks} == {("甲闪验SDK", "上海甲梦信息科技有限公司"), ("乙推送SDK", "")}
