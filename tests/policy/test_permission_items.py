"""Permission items in shapes seen in real lists, in our own words: unmarked label lines under an intro, a
labelled purpose worded like Android's definition, constants spelled in capitalised words. Expected pairs
written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("umeng-analytics", "Umeng Analytics", "友盟统计"))


UNMARKED_ITEMS_JAVA = """\
String notice = "欢迎使用本应用。\\n" +
        "为了让扫码和客服功能正常工作，本应用需要获取以下权限：\\n" +
        "存储权限：用于保存您生成的二维码图片；\\n" +
        "位置权限：根据您所在的城市，推荐附近的门店；\\n" +
        "相机权限：用于扫描商品二维码。";
"""


def test_unmarked_label_lines_under_a_permission_intro_are_permission_items(tmp_path, catalog):
    # each line under "需要获取以下权限：" is one item: its label the permission, its text the use (the
    # location line says no "用于", the item still gives its pair)
    d = _read(tmp_path, "Notice.java", UNMARKED_ITEMS_JAVA, catalog)
    got = {(p.permission.rsplit(".", 1)[-1], p.evidence.line_start) for p in d.permissions if p.scene}
    assert got == {("READ_EXTERNAL_STORAGE", 3), ("WRITE_EXTERNAL_STORAGE", 3), ("ACCESS_FINE_LOCATION", 4),
                   ("ACCESS_COARSE_LOCATION", 4), ("CAMERA", 5)}
    location = next(p for p in d.permissions if p.permission.endswith("ACCESS_FINE_LOCATION"))
    assert "推荐附近的门店" in f"{location.scene} {location.description}"


LINK_DEFINITIONS_MD = """\
## Permissions

### [CAMERA][CAMERA]

Used to scan barcodes.

From Android 13 the app no longer asks for storage.

[CAMERA]: https://developer.android.com/reference/android/Manifest.permission#CAMERA
[VIBRATE]: https://developer.android.com/reference/android/Manifest.permission#VIBRATE
"""


def test_markdown_link_definitions_under_a_permission_intro_are_no_items(tmp_path, catalog):
    d = _read(tmp_path, "permissions.md", LINK_DEFINITIONS_MD, catalog)
    assert any(p.permission.endswith(".CAMERA") and p.evidence.line_start == 3 for p in d.permissions)
    assert not [p for p in d.permissions if p.evidence.line_start >= 9 and (p.scene or p.description)]


PURPOSE_LABELLED_MD = """\
## Permissions

### Speaker Routing (android.permission.MODIFY_AUDIO_SETTINGS)
- **Purpose:** Allows the app to play alarms through the speaker while headphones are plugged in

### Boot (android.permission.RECEIVE_BOOT_COMPLETED)
- **Description:** Allows an application to receive the broadcast sent when the system finishes booting
"""


def test_a_labelled_purpose_worded_like_androids_definition_is_still_the_use(tmp_path, catalog):
    # "Purpose: Allows the app to…" states the use; "Description: Allows an application to…" is Android's
    # own wording of the permission: the heading names the scene and the wording describes it (round 44: a
    # policy's list of the permissions it asks for states each with the words it gives)
    d = _read(tmp_path, "permissions.md", PURPOSE_LABELLED_MD, catalog)
    by_perm = {p.permission.rsplit(".", 1)[-1]: p for p in d.permissions}
    audio = by_perm["MODIFY_AUDIO_SETTINGS"]
    assert "play alarms through the speaker" in f"{audio.scene} {audio.description}"
    boot = by_perm["RECEIVE_BOOT_COMPLETED"]
    assert boot.scene.startswith("Boot") and "finishes booting" not in boot.scene, boot.scene
    assert "finishes booting" in boot.description


SPELLED_CONSTANTS_MD = """\
Permissions the app requests:

- **Receive Boot Completed:** to start the reminder service again after the phone restarts.
- **Post Notifications:** to show the reminders.

The statistics screen shows your In-App User Activity Information.
"""


def test_a_permission_constant_spelled_in_capitalised_words(tmp_path, catalog):
    d = _read(tmp_path, "permissions.md", SPELLED_CONSTANTS_MD, catalog)
    assert {p.permission.rsplit(".", 1)[-1] for p in d.permissions} == {"RECEIVE_BOOT_COMPLETED", "POST_NOTIFICATIONS"}


WRAPPED_CONSTANTS_MD = """\
## Permissions we ask for

- **Location** (`ACCESS_FINE_LOCATION` /
  `ACCESS_COARSE_LOCATION`). Asked only when you pin a café to the map.
- **Camera** (`CAMERA`). Asked only when you scan a menu code.
"""


def test_a_markdown_item_wrapped_before_a_code_span_keeps_its_constants(tmp_path, catalog):
    # the second line of the first item opens with a code span: still the item's text, so both location
    # constants are its permissions
    d = _read(tmp_path, "permissions.md", WRAPPED_CONSTANTS_MD, catalog)
    got = {(p.permission.rsplit(".", 1)[-1], p.evidence.line_start) for p in d.permissions}
    assert {("ACCESS_FINE_LOCATION", 3), ("ACCESS_COARSE_LOCATION", 3), ("CAMERA", 5)} <= got


REFUSING_ITEM_MD = """\
## Permissions

- `CAMERA`: used to scan the QR code on a parcel.
- We do **not** ask for your location, your contacts or the microphone.
"""


def test_an_item_of_one_sentence_saying_the_app_does_not_ask_gives_no_scene(tmp_path, catalog):
    d = _read(tmp_path, "permissions.md", REFUSING_ITEM_MD, catalog)
    assert {p.rsplit(".", 1)[-1] for s in d.scenes for p in s.permissions} == {"CAMERA"}


def test_the_last_sentence_of_a_paragraph_introduces_its_list_whatever_the_sentences_before_deny(tmp_path, catalog):
    # "We do not collect…" opens the paragraph; its last sentence asks for the permissions listed
    text = ("1. Data and permissions\n"
            "We do not collect anything you type into the app. To work at all, it asks for the "
            "following permissions:\n"
            "- Contacts – to show your contact list for quick dial\n"
            "- Camera – to scan the QR code on a parcel\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    assert {p.rsplit(".", 1)[-1] for s in d.scenes for p in s.permissions} == {"READ_CONTACTS", "CAMERA"}


BULLETED_PERMISSIONS = """\
二、我们申请的权限
• 相机权限：用于拍摄商品照片。
• 后台保活权限：用于在后台持续同步订单。
• 唤醒锁权限：防止同步过程中设备休眠。
• 通知权限：用于提醒您订单状态的变化。
"""


def test_a_bullet_with_an_unknown_permission_label_does_not_swallow_the_bullets_after_it(tmp_path, catalog):
    # "后台保活权限" is no permission the lexicon knows; read as a label with its value, it must not take the
    # next bullets (same glyph, same indent) as more of that value: they are the list's next items
    d = _read(tmp_path, "perms.txt", BULLETED_PERMISSIONS, catalog)
    uses = {p.permission.rsplit(".", 1)[-1]: (p.scene, p.description) for p in d.permissions if p.scene}
    assert uses.get("WAKE_LOCK") == ("唤醒锁权限", "防止同步过程中设备休眠。")
    assert uses.get("POST_NOTIFICATIONS") == ("通知权限", "用于提醒您订单状态的变化。")


LABELLED_ITEMS = """\
我们在以下场景调用系统权限：
相机权限
-使用场景：扫描包裹上的条码
-调用时机：首次点击扫码按钮时
-拒绝后果：无法扫码
麦克风权限
-使用场景：语音留言
-调用时机：仅在您按住说话时
"""


def test_the_timing_of_a_request_is_no_second_scene_beside_the_use(tmp_path, catalog):
    # "调用时机" says when the app asks; beside a labelled use it is that use's detail, never a scene of its own
    d = _read(tmp_path, "perms.txt", LABELLED_ITEMS, catalog)
    assert sorted((s.name, s.permissions) for s in d.scenes) == [
        ("扫描包裹上的条码", ("android.permission.CAMERA",)),
        ("语音留言", ("android.permission.RECORD_AUDIO",)),
    ]


CONTROLS = """\
## Permissions
- Camera: used to photograph receipts.
- You can manage camera access at any time through your device settings.
- 位置权限管理：您可以随时在系统设置中开启/关闭位置权限
- 您可以随时在系统设置中关闭通讯录权限，关闭后不影响其他功能
"""


def test_items_saying_the_user_can_switch_a_permission_off_name_no_scene(tmp_path, catalog):
    # what the user may do with a permission (manage it in settings, turn it off) is no use the app makes of it
    d = _read(tmp_path, "perms.md", CONTROLS, catalog)
    assert [(s.name, s.permissions) for s in d.scenes] == [("Camera", ("android.permission.CAMERA",))]


def test_permissions_listed_after_a_label_each_with_its_use_in_brackets(tmp_path, catalog):
    text = "设备权限：麦克风权限（用于口语跟读评分）、存储权限（可选，用于缓存课程音频）。\n"
    d = _read(tmp_path, "perms.txt", text, catalog)
    assert sorted((s.name, s.permissions) for s in d.scenes) == [
        ("口语跟读评分", ("android.permission.RECORD_AUDIO",)),
        ("缓存课程音频", ("android.permission.READ_EXTERNAL_STORAGE", "android.permission.WRITE_EXTERNAL_STORAGE")),
    ]


# paragraphs with no list marker, each opening with a permission's label and a colon, and no line introducing
# them as permissions (the sentence before is a long one ending in a comma)
COLON_PARAGRAPHS = """\
在您使用本应用时，为提供、维护和改善服务，本应用可能获取您设备的下列权限，

访问位置：您可以授权本应用使用位置，我们将为您推荐附近的门店。

访问相机：您可以使用摄像头扫描二维码；拍摄并上传头像。

访问麦克风：您可以开启麦克风使用语音搜索。

访问本地存储：您可以把下载的文件保存到手机存储。
"""


def test_unmarked_paragraphs_opening_with_permission_labels_are_a_permission_list(tmp_path, catalog):
    d = _read(tmp_path, "policy.txt", COLON_PARAGRAPHS, catalog)
    by_line = sorted({(p.evidence.line_start, p.permission.rsplit(".", 1)[-1]) for p in d.permissions if p.scene})
    assert by_line == [(3, "ACCESS_COARSE_LOCATION"), (3, "ACCESS_FINE_LOCATION"), (5, "CAMERA"),
                       (7, "RECORD_AUDIO"), (9, "READ_EXTERNAL_STORAGE"), (9, "WRITE_EXTERNAL_STORAGE")]


def test_two_labelled_paragraphs_or_labels_naming_other_things_are_no_permission_list(tmp_path, catalog):
    text = ("联系地址：北京市海淀区某某路1号\n联系电话：010-12345678\n电子邮箱：privacy@example.cn\n\n"
            "访问相机：您可以扫码。\n\n这是另一段文字。\n\n访问麦克风：您可以语音搜索。\n")
    d = _read(tmp_path, "policy.txt", text, catalog)
    assert not [p for p in d.permissions if p.scene and p.evidence.line_start <= 3]
    assert not [p for p in d.permissions if p.scene and p.evidence.line_start >= 5 and p.extractor == "permission-list"]


def test_one_item_of_another_kind_does_not_end_a_list_of_permission_labels(tmp_path, catalog):
    # no line introduces the list; an iOS-only item stands between the labels
    text = ("4. 权限说明\n- 相机：扫码添加设备。\n- 麦克风：与设备语音对讲。\n- 本地网络（iOS）：在局域网内搜索设备。\n"
            "- 照片/媒体/文件：选择并上传头像。\n- 蓝牙：连接附近的设备。\n")
    d = _read(tmp_path, "policy.txt", text, catalog)
    assert sorted({p.permission.rsplit(".", 1)[-1] for p in d.permissions if p.scene}) == [
        "BLUETOOTH", "BLUETOOTH_CONNECT", "CAMERA", "READ_EXTERNAL_STORAGE", "RECORD_AUDIO", "WRITE_EXTERNAL_STORAGE"]
