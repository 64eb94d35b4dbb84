"""Shapes read right in round 43: a permission item whose label runs into its text through a dash right after the
word for permission ("存储权限-访问…。用于…"), one or two constants before it (and no dash of a settings path in a
sentence taken for one); the plain Chinese labels of permissions real lists write ("拨号权限", "设备唯一标识权限",
"系统级警报权限", "读取运行中程序权限"…); a list numbered from 1 again under a permission's item, its uses; a lettered
item after an SDK's record that sits inside the item above, the list's next item, not more of the record. In our own
words, expected values written by hand."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import made_up_catalog, scene_with
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import scene_permissions as _pairs

_scene = partial(scene_with, described=True)
"""The permissions of the one scene whose name or description holds the words."""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "zeta-ads")


DASHED_LABELS = """一、应用权限说明
1. android.permission.READ_EXTERNAL_STORAGE android.permission.WRITE_EXTERNAL_STORAGE 存储权限-读取您设备中的照片和文件。用于保存编辑好的海报。
2. android.permission.RECORD_AUDIO 麦克风权限-使用您设备的麦克风。用于录制配音。
3. android.permission.CAMERA 相机权限—使用您设备的相机。用于拍摄商品照片，您可以在系统设置中关闭该权限。
二、其他
"""


def test_a_label_run_into_its_text_through_a_dash_after_the_word_for_permission(tmp_path: Path,
                                                                                 catalog: Catalog) -> None:
    d = _read(tmp_path, "dashed.txt", DASHED_LABELS, catalog)
    assert len(d.scenes) == 3, _pairs(d)
    assert _scene(d, "保存编辑好的海报") == {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}
    assert _scene(d, "录制配音") == {"RECORD_AUDIO"}
    assert _scene(d, "拍摄商品照片") == {"CAMERA"}
    assert not any("权限-" in name or "权限—" in name for name in _pairs(d))  # the label is not the scene


PLAIN_LABELS = """我们会通过弹窗方式征求您的同意，再开启以下权限：
1.设备唯一标识权限：用于统计活跃用户数量，您可以拒绝。
2.拨号权限：用于一键联系门店客服。
3.系统级警报权限：用于在其他应用上方显示通话小窗。
4.读取运行中程序权限：用于判断本应用是否在前台。
5.安装未知来源权限：用于安装新版本。
"""


def test_plain_chinese_labels_of_permissions(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "labels.txt", PLAIN_LABELS, catalog)
    assert _scene(d, "统计活跃用户数量") == {"READ_PHONE_STATE"}
    assert _scene(d, "一键联系门店客服") == {"CALL_PHONE"}
    assert _scene(d, "通话小窗") == {"SYSTEM_ALERT_WINDOW"}
    assert _scene(d, "是否在前台") == {"GET_TASKS"}
    assert _scene(d, "安装新版本") == {"REQUEST_INSTALL_PACKAGES"}
    assert len(d.scenes) == 5  # (a consent asked in a popup, "弹窗", is no permission's item)


USES_NUMBERED_AGAIN = """Permissions we ask for

1. Storage read and write permission
uses-permission android:name="android.permission.WRITE_EXTERNAL_STORAGE"
Used to keep the lamp schedules you export.

2. The request of accessing the camera
uses-permission android:name="android.permission.CAMERA"
1. Scan the code on the bottom of a lamp to pair it;
2. Room cover: take a photo for the room card;
3. Profile picture: take a photo for your account

3. Access the state of the phone
uses-permission android:name="android.permission.READ_PHONE_STATE"
Used to pause the alarm light during a call.
"""


def test_a_list_numbered_from_one_again_under_an_item_is_of_its_uses(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "uses.txt", USES_NUMBERED_AGAIN, catalog)
    assert _scene(d, "pair it") == {"CAMERA"}
    assert _scene(d, "room card") == {"CAMERA"}  # (the same scene: the camera item's uses)
    assert _scene(d, "pause the alarm light") == {"READ_PHONE_STATE"}
    assert _scene(d, "lamp schedules") == {"WRITE_EXTERNAL_STORAGE"}
    assert len(d.scenes) == 3


SETTINGS_PATHS = """(1) 为了更精准的向您推荐附近的商家，我们需要获取您的位置信息，您可以通过“我的-设置-系统权限-位置信息权限”开启或取消该等权限。
"""


def test_a_dash_of_a_settings_path_in_a_sentence_parts_no_label(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "paths.txt", SETTINGS_PATHS, catalog)
    assert _scene(d, "附近的商家") == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}
    assert len(d.scenes) == 1


LETTERED_AROUND_A_RECORD = """我们会在以下情形申请权限：
a)\u00a0存储权限
我们支持保存您导出的电子发票，需要使用存储权限。
b)\u00a0位置信息：定位权限
我们在两处使用定位：
一.连接充电桩的蓝牙模块，需要使用定位权限；
二.通过定位为您推荐附近的充电桩；
使用SDK名称：陶氏地图定位SDK
第三方名称：陶氏地图有限公司
使用目的：获取当前位置，推荐附近的充电桩
隐私权政策链接：https://maps.tau.example/privacy
如需关闭，可以随时进入系统设置中：“设置”-“应用管理”-“权限”-“位置信息”关闭此权限；
c)\u00a0相机权限
我们支持扫描充电桩上的二维码开始充电，需要使用相机权限。
d)\u00a0调用第三方应用
为了提供导航，我们会打开您手机上的地图应用。
"""


def test_a_lettered_item_after_an_sdk_record_inside_the_item_above_is_the_lists_next(tmp_path: Path,
                                                                                     catalog: Catalog) -> None:
    d = _read(tmp_path, "lettered.txt", LETTERED_AROUND_A_RECORD, catalog)
    assert _scene(d, "扫描充电桩上的二维码") == {"CAMERA"}
    assert [(s.name, s.evidence.line_end < 13) for s in d.sdks] == [("陶氏地图定位SDK", True)]  # (not "c) 相机权限")


GLUED_PERMISSION_ROWS = (
    "三、权限说明为向您提供阅读服务，本软件可能获取您终端设备的如下权限，您可以在系统设置中关闭其中任何一项，关闭后相应的功能将无法使用，"
    "但不影响您使用本软件的其他功能。权限名称权限说明使用目的或场景"
    "WRITE_EXTERNAL_STORAGE允许写入外部存储权限使本软件可以保存您下载的漫画章节"
    "READ_EXTERNAL_STORAGE允许程序读取外部存储权限使本软件可以导入您手机中的漫画文件"
    "INTERNET允许访问网络权限使本软件可以正常加载漫画内容"
    "ACCESS_NETWORK_STATE允许访问网络状态权限使本软件在移动网络下提醒您注意流量"
    "VIBRATE允许程序振动使本软件在更新提醒时可以震动提示"
    "RECORD_AUDIO允许程序录制声音使本软件可以提供语音搜索漫画的功能"
    "四、我们如何使用Cookie和同类技术为确保网站正常运转，我们会在您的设备上存储名为Cookie的小数据文件，"
    "Cookie通常包含标识符、站点名称以及一些号码和字符。\n"
)


def test_rows_of_a_permission_table_run_together_on_one_line(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "glued.txt", GLUED_PERMISSION_ROWS, catalog)
    assert _scene(d, "保存您下载的漫画章节") == {"WRITE_EXTERNAL_STORAGE"}
    assert _scene(d, "导入您手机中的漫画文件") == {"READ_EXTERNAL_STORAGE"}
    assert _scene(d, "正常加载漫画内容") == {"INTERNET"}
    assert _scene(d, "提醒您注意流量") == {"ACCESS_NETWORK_STATE"}
    assert _scene(d, "震动提示") == {"VIBRATE"}
    assert _scene(d, "语音搜索漫画") == {"RECORD_AUDIO"}


CONSTANTS_INSIDE_ITEMS = (
    "二、权限使用说明为向您提供服务，我们会在您使用相应功能时申请以下权限，您可以在系统设置中随时关闭，关闭后不影响其他功能的使用。"
    "1. 读取手机状态和身份（电话权限）android.permission.READ_PHONE_STATE权限功能说明：读取设备识别码使用场景与目的：账号登录时识别设备"
    "2. 网络状态权限 android.permission.ACCESS_NETWORK_STATE权限功能说明：获取网络信息使用场景与目的：检测当前网络是否可用"
    "3. 相机权限 android.permission.CAMERA权限功能说明：使用摄像头使用场景与目的：扫描会员卡上的二维码"
    "4. 录音权限 android.permission.RECORD_AUDIO权限功能说明：使用麦克风使用场景与目的：发送语音留言"
    "5. 定位权限 android.permission.ACCESS_FINE_LOCATION权限功能说明：获取精确位置使用场景与目的：推荐附近的自提点"
    "三、我们如何使用Cookie为确保网站正常运转，我们会在您的设备上存储名为Cookie的小数据文件。\n"
)


def test_a_constant_inside_an_item_before_its_labels_is_not_where_a_row_opens(tmp_path: Path,
                                                                             catalog: Catalog) -> None:
    d = _read(tmp_path, "items.txt", CONSTANTS_INSIDE_ITEMS, catalog)
    assert _scene(d, "扫描会员卡") == {"CAMERA"}
    assert _scene(d, "发送语音留言") == {"RECORD_AUDIO"}
    assert _scene(d, "附近的自提点") == {"ACCESS_FINE_LOCATION"}


COMMA_LABELS = """我们可能申请以下权限：
（1）相机权限，用于上传您的头像、拍摄小区报修的照片时使用。拒绝授权后，上述功能将无法使用。
（2）麦克风权限，用于发布音视频动态时录制声音。
（3）位置权限，用于向您推荐本小区的便民服务。
"""


def test_a_label_parted_from_its_use_by_a_comma_gives_the_item_only_its_own_permission(tmp_path: Path,
                                                                                       catalog: Catalog) -> None:
    d = _read(tmp_path, "comma.txt", COMMA_LABELS, catalog)
    assert _scene(d, "小区报修") == {"CAMERA"}  # (not the photos its use mentions)
    assert _scene(d, "录制声音") == {"RECORD_AUDIO"}  # (not the storage "音视频" might be)
    assert _scene(d, "便民服务") == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}
    # as an item whose label a colon parts from its use: the label names the scene, the use describes it
    assert [(s.name, s.description[:6]) for s in d.scenes] == [
        ("相机权限", "用于上传您的"), ("麦克风权限", "用于发布音视"), ("位置权限", "用于向您推荐")]


HOW_TO_TURN_IT_OFF = """我们会在以下情形申请权限：
a) 相机权限
小区通支持扫描门禁上的二维码开门，需要使用相机权限，您也可以随时进入“设置”-“应用管理”-“小区通”-“权限”-“相机”禁止此权限；
b) 存储权限
小区通支持保存缴费凭证到相册，此项能力需要访问手机存储权限。如果您不需要此能力，可以随时在“设置”-“权限”-“存储”关闭此权限；
"""


def test_a_scene_description_stops_where_it_says_how_to_turn_the_permission_off(tmp_path: Path,
                                                                                 catalog: Catalog) -> None:
    d = _read(tmp_path, "off.txt", HOW_TO_TURN_IT_OFF, catalog)
    by_perm = {tuple(p.rsplit(".", 1)[-1] for p in s.permissions): s.description for s in d.scenes}
    assert by_perm[("CAMERA",)].endswith("需要使用相机权限")
    assert by_perm[("READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE")].endswith("此项能力需要访问手机存储权限")
    assert not any("禁止此权限" in s.description or "关闭此权限" in s.description for s in d.scenes)
