"""Permission tables flattened one cell a line: under "Permission / Description" the description says what
the permission is used for; a cell may hold several constants side by side; a last column written "/" is
no use. In our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import memory_catalog
from tests.policy.helpers import read_text as _read

P = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog()


def _uses(tmp_path, name: str, text: str, catalog: Catalog) -> dict[str, str]:
    """The scene read for each permission (constant without ``android.permission.``)."""
    return {p.permission[len(P):]: p.scene for p in _read(tmp_path, name, text, catalog).permissions}


DESCRIBED = """\
Permission
Description
android.permission.CAMERA
Used to scan the barcode on a parcel.
android.permission.READ_CONTACTS android.permission.WRITE_CONTACTS
Used to pick the person a parcel goes to.
android.permission.ACCESS_FINE_LOCATION
Used to show the nearest pick-up point.
"""


def test_the_description_column_is_the_use(tmp_path, catalog):
    uses = _uses(tmp_path, "perms.txt", DESCRIBED, catalog)
    assert set(uses) == {"CAMERA", "READ_CONTACTS", "WRITE_CONTACTS", "ACCESS_FINE_LOCATION"}
    assert "barcode" in uses["CAMERA"]
    assert "pick the person" in uses["READ_CONTACTS"] and "pick the person" in uses["WRITE_CONTACTS"]
    assert "pick-up point" in uses["ACCESS_FINE_LOCATION"]


REMARKS = """\
权限名称
权限功能
使用场景及目的
备注
android.permission.CAMERA
拍摄照片和视频
用于扫描快递单上的条码
/
android.permission.RECORD_AUDIO
录制音频
用于给快递员发送语音留言
/
android.permission.READ_CALENDAR
读取日历
用于提醒您取件时间
/
"""


def test_a_last_column_of_slashes_is_no_use(tmp_path, catalog):
    uses = _uses(tmp_path, "perms.txt", REMARKS, catalog)
    assert set(uses) == {"CAMERA", "RECORD_AUDIO", "READ_CALENDAR"}
    assert "条码" in uses["CAMERA"] and "语音留言" in uses["RECORD_AUDIO"] and "取件时间" in uses["READ_CALENDAR"]
    assert all(scene.strip() != "/" for scene in uses.values())


# records of labelled fields under a plain heading: "Permission:" names the constant, "Purpose:" its use
LABELLED_RECORDS = """\
App permissions
Permission: `READ_CONTACTS`
Purpose: Used to pick the person a parcel goes to.

Permission: `CAMERA`
Purpose: Used to scan the barcode on a parcel.

Permission: `RECORD_AUDIO`
Purpose: Used to leave a voice note for the courier.

Permission: `READ_CALENDAR`
Purpose: Used to remind you of the pick-up time.

Permission: `ACCESS_FINE_LOCATION`
Purpose: Used to show the nearest pick-up point.

Permission: `POST_NOTIFICATIONS`
Purpose: Used to tell you when a parcel arrives.
"""


def test_labelled_permission_records_are_no_table_of_constant_cells(tmp_path, catalog):
    uses = _uses(tmp_path, "perms.txt", LABELLED_RECORDS, catalog)
    assert set(uses) == {"READ_CONTACTS", "CAMERA", "RECORD_AUDIO", "READ_CALENDAR", "ACCESS_FINE_LOCATION",
                         "POST_NOTIFICATIONS"}
    assert "pick the person" in uses["READ_CONTACTS"]
    assert "barcode" in uses["CAMERA"] and "voice note" in uses["RECORD_AUDIO"] and "pick-up" in uses["READ_CALENDAR"]
    assert "nearest" in uses["ACCESS_FINE_LOCATION"] and "arrives" in uses["POST_NOTIFICATIONS"]


# a permission table copied a cell a line with closing bars; its third title is "Required?"
REQUIRED_COLUMN = """\
Permission |
Purpose |
Required? |
Camera |
Scan the code on the back of the lock |
Required |
Bluetooth |
Open the lock when you stand next to it |
Optional |
Location |
Find the locks shared with you nearby |
Optional |
"""


def test_a_required_column_is_no_cell_of_a_row(tmp_path, catalog):
    uses = _uses(tmp_path, "perms.txt", REQUIRED_COLUMN, catalog)
    assert "back of the lock" in uses["CAMERA"]
    assert "ACCESS_FINE_LOCATION" in uses and "nearby" in uses["ACCESS_FINE_LOCATION"]
    assert not any("Required" in s or "Optional" in s for s in uses.values())


# the last column says what turning a permission off breaks: it names no permission of the row
IMPACT_COLUMN = """\
| 设备权限 | 对应业务功能 | 调用权限目的 | 是否询问 | 可否关闭权限 | 关闭或拒绝权限的影响 |
|---|---|---|---|---|---|
| 接收短信 | 登录 | 自动填写短信验证码 | 是 | 是 | 无法自动填写验证码，也收不到通知 |
| 相机 | 扫码 | 扫描设备上的二维码 | 是 | 是 | 无法扫码，也无法录音留言 |
"""


def test_a_column_of_what_refusing_breaks_names_no_permission(tmp_path, catalog):
    d = _read(tmp_path, "perms.md", IMPACT_COLUMN, catalog)
    assert {p.permission[len(P):] for p in d.permissions} == {"RECEIVE_SMS", "CAMERA"}


# rows marked by their constants; the last cell of each row only answers whether it is required
ANSWERS = """\
Permissions
Description
Remark
CAMERA
Used to scan the code on a parcel label.
Required
RECORD_AUDIO
Records a voice note for the courier when you hold the button.
Optional
READ_CALENDAR
Reminds you of the pick-up time you chose in the app.
Optional
"""


def test_a_last_cell_answering_required_is_no_use(tmp_path, catalog):
    uses = _uses(tmp_path, "perms.txt", ANSWERS, catalog)
    assert "parcel label" in uses["CAMERA"] and "voice note" in uses["RECORD_AUDIO"]
    assert "pick-up time" in uses["READ_CALENDAR"]


def test_a_record_of_dashed_label_lines_keeps_its_later_labels(tmp_path, catalog):
    # each "- 标签：值" line is an item of the list too, yet a field of the record the first one opened; the timing
    # line after a use is no new record (before, "调用时机：打开应用后" became the camera's use)
    text = ("## 应用权限说明\n\n- 权限：`android.permission.INTERNET`\n- 类型：普通权限，安装时授予\n"
            "- 使用场景：查询快递的物流信息\n- 调用时机：打开应用后\n\n"
            "- 权限：`android.permission.CAMERA`\n- 类型：运行时权限\n- 使用场景：扫描快递单上的条码\n- 调用时机：点击扫码时\n")
    uses = _uses(tmp_path, "perms.md", text, catalog)
    assert "物流信息" in uses["INTERNET"] and "条码" in uses["CAMERA"]


def test_bullets_labelled_by_phrases_are_items_of_their_own(tmp_path, catalog):
    # guard: "* **To Do X** : …" items under one another are each their own; the camera sentence keeps its use
    text = ("## How we use your information\n\n* **To Provide Scanning** : We use the camera to scan the barcode on a parcel.\n"
            "* **To Improve Reliability** : We read crash logs to fix app failures.\n"
            "* **To Sync Data** : We keep your parcel history in cloud storage.\n")
    uses = _uses(tmp_path, "p.md", text, catalog)
    assert "CAMERA" in uses and "Scanning" in uses["CAMERA"]


SKIPPED_LABELS = """\
Permission list

Permission name

Usage scenario

Required or optional

Can be turned off

Applicable system

camera

Scanning a parcel's barcode when you book a pick-up

YES

YES

Android/iOS

nearby printers

Finding a label printer on your network

YES

YES

Android/iOS

home screen widget

Showing the next delivery on the home screen

NO

NO

Android

Bluetooth

Pairing the hand-held scanner over Bluetooth

YES

YES

Android/iOS

Update and install applications

Installing the latest version of the app

YES

NO

Android
"""


def test_rows_whose_labels_name_no_permission_keep_the_rows_after_them_in_step(tmp_path, catalog):
    # two rows in a row whose labels name no permission ("nearby printers", "home screen widget") are stepped
    # over a period each; the "YES" / "Android/iOS" cells are never scenes
    uses = _uses(tmp_path, "perms.txt", SKIPPED_LABELS, catalog)
    assert uses["CAMERA"] == "Scanning a parcel's barcode when you book a pick-up"
    assert uses["BLUETOOTH"] == "Pairing the hand-held scanner over Bluetooth"
    assert uses["REQUEST_INSTALL_PACKAGES"] == "Installing the latest version of the app"
    assert not {"YES", "NO", "Android", "Android/iOS"} & set(uses.values())
