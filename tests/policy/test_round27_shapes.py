"""Shapes read right in round 27: a flattened scene table whose rows are each a paragraph, a scene cell merged over
several rows, descriptions that name permissions of their own; a flattened SDK table whose first column names the
SDK's kind, merged over the rows of that kind, and whose last column holds labelled addresses; older Chinese
labels of Android permissions. In our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.lexicon_data import load_lexicon
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("tencent-bugly", "Bugly", "腾讯Bugly"),
                          entry("umeng-analytics", "Umeng Analytics", "友盟"),
                          entry("wechat-opensdk", "WeChat OpenSDK", "微信SDK"),
                          entry("applovin", "AppLovin"), entry("vungle", "Vungle"), entry("unity-ads", "Unity Ads"))


def _pairs(d) -> set[tuple[str, str]]:
    return {(p.scene, p.permission.rsplit(".", 1)[-1]) for p in d.permissions}


# A scene table copied a cell a line, a blank line after each row; "订单" spans two rows (its second row gives
# only a description and permissions); the first description names the address book without being a permission
# cell; the last row's permission is one the lexicon cannot name.
PARAGRAPH_SCENE_TABLE = """\
附：功能与权限对照


功能模块
场景说明
所需权限


账号设置
从通讯录挑选一位联系人作为紧急联系人
读取联系人权限


订单
上传商品照片时拍照或从相册挑选
使用照相设备权限读取外部存储权限


录一段语音留言给商家
使用麦克风权限


直播间
观众离开直播间后保留小窗口继续观看
全局小窗口权限


地图
查看附近门店
获取精确位置权限
"""


def test_paragraph_rows_of_a_scene_table_pair_scenes_with_their_permission_cell(tmp_path, catalog):
    d = _read(tmp_path, "scenes.txt", PARAGRAPH_SCENE_TABLE, catalog)
    pairs = _pairs(d)
    assert {("账号设置", "READ_CONTACTS"), ("订单", "CAMERA"), ("订单", "READ_EXTERNAL_STORAGE"),
            ("订单", "RECORD_AUDIO"), ("地图", "ACCESS_FINE_LOCATION")} <= pairs
    # the row after a permission cell the lexicon does not know still belongs to the table
    assert not any(s in ("直播间", "全局小窗口权限") for s, _ in pairs)
    # the descriptions are not permission cells: no scene is a description
    assert not any("挑选" in s or "留言" in s for s, _ in pairs)


def test_a_scene_description_title_is_a_description():
    lexicon = load_lexicon()
    assert lexicon.role("场景说明") == "description"
    assert lexicon.role("功能场景说明") == "description"
    assert lexicon.role("业务场景") == "scene"


# A flattened SDK table: the kind column ("SDK种类") stands once over the SDKs of that kind, each row ends with
# one or more labelled addresses ("官网：…", then its privacy page under a label of its own).
KIND_MERGED_TABLE = """\
附表 接入的第三方SDK
SDK种类
SDK名称
用途
收集的信息
链接
崩溃分析SDK
腾讯Bugly
应用崩溃上报
设备型号、系统版本
官网：https://bugly.qq.com/
隐私声明：https://privacy.qq.com/document/preview/fc748b3d96224fdb825ea79e132c1a56
卡尔芒埋点
页面访问统计
设备型号、IP地址
官网：https://karman.example.com/
用户协议与隐私条款：https://karman.example.com/legal/privacy.html
分享SDK
微信SDK
分享到微信
设备型号
官网：https://open.weixin.qq.com/
海鸥分享
分享到海鸥社区
IP地址
官网：https://seagull.example.cn/
"""


def test_a_merged_kind_column_gives_way_to_the_name_column(tmp_path, catalog):
    d = _read(tmp_path, "kinds.txt", KIND_MERGED_TABLE, catalog)
    names = [s.name for s in d.sdks]
    assert names == ["腾讯Bugly", "卡尔芒埋点", "微信SDK", "海鸥分享"]
    rows = {s.name: s for s in d.sdks}
    # a labelled privacy page beats the official site; a row with only its site keeps the site
    assert rows["腾讯Bugly"].link == "https://privacy.qq.com/document/preview/fc748b3d96224fdb825ea79e132c1a56"
    assert rows["卡尔芒埋点"].link == "https://karman.example.com/legal/privacy.html"
    assert rows["海鸥分享"].link == "https://seagull.example.cn/"
    assert rows["卡尔芒埋点"].purpose == "页面访问统计"
    assert "ip" in rows["海鸥分享"].data_types


# The same titles over a table where every row has a kind of its own: the kind column names the rows (as truth
# written for real tables of this shape reads them), the name column is another fact of the row.
KIND_EACH_ROW_TABLE = """\
<table>
<tr><th>SDK类型</th><th>SDK名称</th><th>用途</th></tr>
<tr><td>崩溃分析SDK</td><td>腾讯Bugly</td><td>崩溃上报</td></tr>
<tr><td>统计SDK</td><td>友盟</td><td>统计分析</td></tr>
<tr><td>分享SDK</td><td>微信SDK</td><td>分享</td></tr>
</table>
"""


def test_a_kind_column_with_a_kind_a_row_is_not_taken_for_a_merged_one(tmp_path, catalog):
    d = _read(tmp_path, "kinds.html", KIND_EACH_ROW_TABLE, catalog)
    assert [s.name for s in d.sdks] == ["崩溃分析SDK", "统计SDK", "分享SDK"]


# A numbered flattened table with a row one cell short (no data cell): the row number is never taken from the
# row above, and the row keeps its own name.
NUMBERED_SHORT_ROW_TABLE = """\
序号
SDK名称
使用目的
收集的信息
第三方公司
隐私政策链接
1
腾讯Bugly
崩溃上报
设备型号、系统版本
深圳市腾讯计算机系统有限公司
https://privacy.qq.com/
2
云雀一键登录
本机号码一键登录
上海云雀信息技术有限公司
https://yunque.example.com/privacy
3
友盟
统计分析
设备型号、IP地址
北京锐讯灵通科技有限公司
https://www.umeng.com/page/policy
"""


def test_a_short_row_of_a_numbered_table_keeps_its_own_name(tmp_path, catalog):
    d = _read(tmp_path, "numbered.txt", NUMBERED_SHORT_ROW_TABLE, catalog)
    names = [s.name for s in d.sdks]
    assert names == ["腾讯Bugly", "云雀一键登录", "友盟"]


@pytest.mark.parametrize(("label", "permission"), [
    ("显示系统级警报", "android.permission.SYSTEM_ALERT_WINDOW"),
    ("检索当前运行的应用程序", "android.permission.GET_TASKS"),
    ("获取任务信息", "android.permission.GET_TASKS"),           # as app-store permission lists write it
])
def test_older_android_labels_name_their_permission(label, permission):
    """Labels of permissions as older Android versions and app-store pages show them (many policies copy them)."""
    found = {p for p, _ in load_lexicon().permissions_in(label)}
    assert permission in found


# A permission list written "label(CONSTANT)–>use" under a title line, some labels longer than a bare label is
# (the constant in brackets names the permission whatever the label's words).
ARROW_PERMISSION_LIST = """\
3. 本应用申请的系统权限
申请的权限–>权限用途
读取设备唯一标识码(READ_PHONE_STATE)–>识别异常设备，防止刷单
获取网络连接信息(ACCESS_NETWORK_STATE)—>判断当前是否联网
修改或删除您共享存储空间中的内容 (WRITE_EXTERNAL_STORAGE)—>清理下载的临时文件
振动(VIBRATE)->闹钟响起时振动提醒
4. 我们如何使用Cookie
"""


def test_arrow_items_pair_each_permission_with_its_use(tmp_path, catalog):
    d = _read(tmp_path, "arrows.txt", ARROW_PERMISSION_LIST, catalog)
    by_permission = {p.permission.rsplit(".", 1)[-1]: p for p in d.permissions}
    assert set(by_permission) == {"READ_PHONE_STATE", "ACCESS_NETWORK_STATE", "WRITE_EXTERNAL_STORAGE", "VIBRATE"}
    uses = {k: f"{p.scene} {p.description}" for k, p in by_permission.items()}
    assert "防止刷单" in uses["READ_PHONE_STATE"]
    assert "清理下载的临时文件" in uses["WRITE_EXTERNAL_STORAGE"]
    assert "振动提醒" in uses["VIBRATE"]
    assert all("–>" not in u and "->" not in u for u in uses.values())


# A Markdown table whose second row has no closing pipe, and whose third row's name cell lists its networks as
# bullets after a label (line breaks written <br>), their links paired by name in the last cell.
BULLETED_NAME_CELL_TABLE = """\
| NAME | PURPOSE | PRIVACY |
|------|---------|---------|
| Google Play | In-app billing | Privacy Policy: [https://policies.google.com/privacy](https://policies.google.com/privacy) |
| Quokka Metrics | Usage statistics | Privacy: https://quokka.example/privacy
| Ad partners:<br>•\tGrebe Ads<br>•\tOsprey Exchange<br>•\tMarlin Media<br><br>And others we add from time to time. | Showing ads | •\tOsprey Exchange: https://osprey.example/privacy<br>•\tGrebe Ads: https://grebe.example/legal/privacy<br>•\tMarlin Media: https://marlin.example/privacy-policy |
"""


def test_bulleted_names_in_a_name_cell_are_a_row_each_with_their_links(tmp_path, catalog):
    d = _read(tmp_path, "bullets.md", BULLETED_NAME_CELL_TABLE, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"Google Play", "Quokka Metrics", "Grebe Ads", "Osprey Exchange", "Marlin Media"}
    assert rows["Grebe Ads"].link == "https://grebe.example/legal/privacy"
    assert rows["Osprey Exchange"].link == "https://osprey.example/privacy"
    assert rows["Marlin Media"].link == "https://marlin.example/privacy-policy"
    assert rows["Marlin Media"].purpose == "Showing ads"
    assert rows["Quokka Metrics"].link == "https://quokka.example/privacy"


@pytest.mark.parametrize("cell", [
    "Ad partners: • Grebe Ads • Osprey Exchange",                                # two bullets are no list
    "We use: • a tool that counts visits. • another that shows ads. • a third",  # sentences, not names
    "Grebe Ads helps us • show ads • count visits • pay partners",               # no label before the bullets
])
def test_cells_that_are_no_list_of_names(cell):
    from auditor.policy.table import bulleted_names
    assert bulleted_names(cell) == []


# Items of a permission part that also say which SDK the app integrates, named in Chinese with an SDK word
# ("集成鹈鹕SDK"); words after the verb that say which kind of SDK, or whose, name none.
INTEGRATED_IN_ITEMS = """\
三、我们如何申请设备权限
（1）客服系统供应商：我们的产品集成鹈鹕客服SDK，鹈鹕客服SDK需要收集您的设备型号、IMEI，以提供在线客服服务。
（2）统计服务供应商：我们的产品接入了雨燕统计SDK，需要收集您的Android ID、MAC地址以统计使用情况。
（3）我们的产品集成了授权合作伙伴的SDK，需要收集您的设备信息。
（4）我们的产品集成通知类SDK，需要获取通知权限。
（5）我们的产品集成了第三方SDK，并使用行驶证识别SDK，需要读取您的相册。
（6）我们集成了美约SDK、雪雁统计SDK及推送通道SDK，用于广告投放和统计。
"""


def test_an_sdk_named_in_chinese_after_a_verb_of_integrating_is_a_row(tmp_path, catalog):
    d = _read(tmp_path, "integrated.txt", INTEGRATED_IN_ITEMS, catalog)
    names = {s.name for s in d.sdks}
    assert {"鹈鹕客服SDK", "雨燕统计SDK", "美约SDK", "雪雁统计SDK"} <= names  # (an enumeration: each of its names)
    assert not any("合作伙伴" in n or "通知类" in n or "第三方" in n or n.startswith("并") or "通道" in n for n in names)


# Permission items whose purpose clause points ahead ("如下功能") and whose features follow the colon; an item
# without a colon keeps its purpose clause.
FORWARD_PURPOSE_ITEMS = """\
1.3 权限收集清单说明
1.3.1为了提供包括但不限于如下功能，我们需要访问您的相机权限：巡检时拍摄现场照片、上传工单附件。
1.3.2为了提供包括但不限于如下功能，我们需要访问您的通讯录权限：通过通讯录邀请同事加入团队。
1.3.3在您使用如下功能时，我们需要访问您的日历权限，用于提醒会议。
"""


def test_a_purpose_pointing_ahead_takes_the_features_after_the_colon(tmp_path, catalog):
    d = _read(tmp_path, "forward.txt", FORWARD_PURPOSE_ITEMS, catalog)
    scenes = {p.permission.rsplit(".", 1)[-1]: p.scene for p in d.permissions}
    assert scenes["CAMERA"].startswith("巡检时拍摄现场照片")
    assert scenes["READ_CONTACTS"].startswith("通过通讯录邀请同事")
    assert "如下功能" not in scenes["CAMERA"] + scenes["READ_CONTACTS"]


def test_a_task_list_is_running_apps_only_as_the_apps_list():
    lexicon = load_lexicon()
    assert [d for d, _ in lexicon.data_types_in("应用任务列表")] == ["running-apps"]
    assert lexicon.data_types_in("亲子任务列表") == []  # a to-do feature's list of tasks


# A flattened table whose header stands three blank lines above the first row while the rows stand two blank
# lines apart, one title the lexicon does not know ("类型"): the blank lines that part the rows part them.
SPACED_HEADER_TABLE = """\
（三）第三方SDK收集信息的情形



序号
SDK名称
类型
公司
获取权限
个人信息类型




1
云雀统计
统计分析
北京云雀数据科技有限公司
连接网络权限、读取手机状态
设备型号、IMEI


2
鹈鹕分享SDK
内容分享
杭州鹈鹕网络技术有限公司
连接网络权限
设备型号


3
腾讯Bugly
崩溃分析
深圳市腾讯计算机系统有限公司
连接网络权限、获取网络状态
系统崩溃日志
"""


def test_rows_parted_by_fewer_blank_lines_than_set_off_the_header(tmp_path, catalog):
    d = _read(tmp_path, "spaced.txt", SPACED_HEADER_TABLE, catalog)
    rows = [(s.name, s.company) for s in d.sdks]
    assert rows == [("云雀统计", "北京云雀数据科技有限公司"), ("鹈鹕分享SDK", "杭州鹈鹕网络技术有限公司"),
                    ("腾讯Bugly", "深圳市腾讯计算机系统有限公司")]
    assert "android.permission.READ_PHONE_STATE" in d.sdks[0].permissions


# Third parties listed by kind, each kind's names on one line parted by semicolons; a line of data items so written
# names no SDK, nor does a line whose semicolons stand inside a bracket.
SEMICOLON_LINES = """\
WHO RECEIVES YOUR DATA
Advertising
Ibis Mediation; AppLovin; Vungle; Unity Ads
Support
Email address; IP address; device model
Others
com.example.kit(Grebe;Grebe Push); Osprey Cloud
"""


def test_a_line_of_names_parted_by_semicolons_is_a_row_each(tmp_path, catalog):
    d = _read(tmp_path, "semicolons.txt", SEMICOLON_LINES, catalog)
    names = {s.name for s in d.sdks}
    assert {"Ibis Mediation", "AppLovin", "Vungle", "Unity Ads"} <= names
    assert not {"Support", "Email address", "Others", "Grebe Push", "Grebe"} & names
