"""Shapes read right in round 43: a permission item whose label runs into its text through a dash right after the
word for permission ("存储权限-访问…。用于…"), one or two constants before it (and no dash of a settings path in a
sentence taken for one); the plain Chinese labels of permissions real lists write ("拨号权限", "设备唯一标识权限",
"系统级警报权限", "读取运行中程序权限"…); a list numbered from 1 again under a permission's item, its uses; a lettered
item after an SDK's record that sits inside the item above, the list's next item, not more of the record. In our own
words, expected values written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.model import Disclosure
from tests.policy.helpers import made_up_catalog
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import scene_permissions as _pairs


def _scene(d: Disclosure, words: str) -> set[str]:
    """The permissions of the one scene whose name or description holds ``words``."""
    found = [{p.rsplit(".", 1)[-1] for p in s.permissions} for s in d.scenes if words in f"{s.name} {s.description}"]
    assert len(found) == 1, [(s.name, s.description) for s in d.scenes]
    return found[0]


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
