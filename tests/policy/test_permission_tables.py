"""Permission tables and scene -> permission pairs in every shape, in our own words (expected pairs by hand).

Flattened tables (one cell per line) are read by the period of their header and re-synchronised on the next
permission cell; pipe, HTML and Word-HTML tables with the permission column first or second; prose pairs
per sentence; group captions, repeated header rows and separator rows are never scenes; product words are
not permission requests.
"""

from __future__ import annotations

from pathlib import Path

from auditor.policy import read_policy
from auditor.policy.model import Disclosure
from tests.policy.helpers import memory_catalog

P = "android.permission."
LOCATION = (P + "ACCESS_COARSE_LOCATION", P + "ACCESS_FINE_LOCATION")
STORAGE = (P + "READ_EXTERNAL_STORAGE", P + "WRITE_EXTERNAL_STORAGE")


def _read(tmp_path: Path, text: str, name: str = "p.txt") -> Disclosure:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_policy(path, memory_catalog())


def _pairs(d: Disclosure) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.name, s.permissions) for s in d.scenes]


def _lines(*cells: str) -> str:
    return "\n".join(cells) + "\n"


# --- flattened tables, one cell per line ---------------------------------------------------------------

def test_flat_cells_three_a_record_follow_the_header(tmp_path):
    text = _lines("应用权限说明", "", "权限名称", "权限功能说明", "使用场景或目的",
                  "访问精确位置", "获取您所在的精确地理位置", "在您查找附近门店时为您推荐最近的门店",
                  "相机", "使用设备摄像头拍摄照片", "在您扫描商品条码时使用",
                  "麦克风", "使用麦克风录制声音", "在您使用语音搜索时使用",
                  "读取通讯录", "读取您设备中的联系人", "在您邀请好友时选择联系人", "", "其他说明")
    d = _read(tmp_path, text)
    assert _pairs(d) == [
        ("在您查找附近门店时为您推荐最近的门店", (P + "ACCESS_FINE_LOCATION",)),
        ("在您扫描商品条码时使用", (P + "CAMERA",)),
        ("在您使用语音搜索时使用", (P + "RECORD_AUDIO",)),
        ("在您邀请好友时选择联系人", (P + "READ_CONTACTS",)),
    ]
    camera = next(p for p in d.permissions if p.permission == P + "CAMERA")
    assert camera.description == "使用设备摄像头拍摄照片"


def test_flat_cells_a_scene_over_two_lines_does_not_shift_the_rows_after_it(tmp_path):
    text = _lines("权限名称", "权限功能说明", "使用场景或目的",
                  "访问精确位置", "获取您所在的精确地理位置", "在您查找附近门店时", "为您推荐距离最近的门店",
                  "相机", "使用摄像头拍摄照片或视频", "在您扫描商品条码时使用",
                  "存储", "读写设备上的照片及文件", "在您保存海报到相册时使用",
                  "电话", "读取设备识别信息", "用于识别设备，保障账号安全",
                  "短信", "读取短信验证码", "在您登录时自动填写验证码")
    assert _pairs(_read(tmp_path, text)) == [
        ("在您查找附近门店时 为您推荐距离最近的门店", (P + "ACCESS_FINE_LOCATION",)),
        ("在您扫描商品条码时使用", (P + "CAMERA",)),
        ("在您保存海报到相册时使用", STORAGE),
        ("用于识别设备，保障账号安全", (P + "READ_PHONE_STATE",)),
        ("在您登录时自动填写验证码", (P + "READ_SMS",)),
    ]


def test_flat_cells_scene_first_with_a_title_line_and_a_wrapped_description(tmp_path):
    text = _lines("系统权限调用说明", "使用场景", "权限名称", "权限用途",
                  "附近门店", "访问精确位置", "为您展示离您最近的门店",
                  "扫码购", "相机", "识别商品条码",
                  "语音搜索", "麦克风", "将您说的话转成搜索词，", "仅在您按住说话按钮时录制",
                  "邀请好友", "读取通讯录", "选择要邀请的联系人")
    d = _read(tmp_path, text)
    assert _pairs(d) == [
        ("附近门店", (P + "ACCESS_FINE_LOCATION",)),
        ("扫码购", (P + "CAMERA",)),
        ("语音搜索", (P + "RECORD_AUDIO",)),
        ("邀请好友", (P + "READ_CONTACTS",)),
    ]
    audio = next(p for p in d.permissions if p.permission == P + "RECORD_AUDIO")
    assert audio.description == "将您说的话转成搜索词， 仅在您按住说话按钮时录制"


def test_flat_cells_a_record_missing_a_cell_leaves_the_next_records_in_step(tmp_path):
    text = _lines("Permission", "Description", "Usage scenario",
                  "ACCESS_FINE_LOCATION", "Reads your position from GPS", "Finding stores near you",
                  "CAMERA", "Takes photos with the device camera", "Scanning a barcode",
                  "RECORD_AUDIO", "Records sound with the microphone",
                  "READ_CONTACTS", "Reads the people stored on your device", "Inviting a friend",
                  "WRITE_CALENDAR", "Adds events to your calendar", "Saving a booking to your calendar")
    pairs = _pairs(_read(tmp_path, text))
    assert ("Finding stores near you", (P + "ACCESS_FINE_LOCATION",)) in pairs
    assert ("Scanning a barcode", (P + "CAMERA",)) in pairs
    assert ("Inviting a friend", (P + "READ_CONTACTS",)) in pairs
    assert ("Saving a booking to your calendar", (P + "WRITE_CALENDAR",)) in pairs
    # the short record keeps its own permission: its one cell is never another record's scene
    assert [perms for _, perms in pairs].count((P + "RECORD_AUDIO",)) == 1
    assert all(name != "Inviting a friend" or perms == (P + "READ_CONTACTS",) for name, perms in pairs)


def test_flat_cells_a_scene_cell_that_names_a_permission_is_not_taken_for_the_next_record(tmp_path):
    text = _lines("权限名称", "权限说明", "使用场景",
                  "相机", "拍摄照片", "更换头像",
                  "麦克风", "录制声音", "发送语音消息",
                  "存储", "读写照片及文件", "保存图片到相册",
                  "电话", "读取设备识别信息", "保障账号安全")
    assert _pairs(_read(tmp_path, text)) == [
        ("更换头像", (P + "CAMERA",)),
        ("发送语音消息", (P + "RECORD_AUDIO",)),
        ("保存图片到相册", STORAGE),
        ("保障账号安全", (P + "READ_PHONE_STATE",)),
    ]


def test_flat_cells_a_merged_scene_cell_goes_on_over_the_next_permission(tmp_path):
    # scene first; the second permission of 更换头像 is written without the scene (a merged cell), and its
    # purpose cell names a permission too ("从相册选择"): the next record still starts at 语音消息
    text = _lines("使用场景", "权限名称", "用途",
                  "更换头像", "相机", "拍摄新头像", "存储", "从相册选择头像",
                  "语音消息", "麦克风", "录制语音")
    assert _pairs(_read(tmp_path, text)) == [
        ("更换头像", (P + "CAMERA",) + STORAGE),
        ("语音消息", (P + "RECORD_AUDIO",)),
    ]


def test_a_header_over_paragraphs_is_no_table(tmp_path):
    text = _lines("Privacy Policy", "", "How we use device permissions", "",
                  "We ask for camera access when you scan a QR code. When you record a voice note, the app "
                  "requests microphone permission. We never access your contacts.")
    d = _read(tmp_path, text)
    assert _pairs(d) == [("scan a QR code", (P + "CAMERA",)), ("record a voice note", (P + "RECORD_AUDIO",))]
    assert P + "READ_CONTACTS" not in d.permission_names


# --- pipe, HTML and Word-HTML tables ----------------------------------------------------------------------

def test_pipe_table_with_chinese_labels(tmp_path):
    text = ("# 权限说明\n\n| 权限名称 | 功能说明 | 使用场景 |\n| --- | --- | --- |\n"
            "| 访问精确位置 | 获取精确地理位置 | 查找附近门店 |\n| 存储 | 读写照片及文件 | 保存海报到相册 |\n"
            "| 附近的设备 | 连接蓝牙设备 | 绑定智能手环 |\n")
    assert _pairs(_read(tmp_path, text, "p.md")) == [
        ("查找附近门店", (P + "ACCESS_FINE_LOCATION",)),
        ("保存海报到相册", STORAGE),
        ("绑定智能手环", (P + "BLUETOOTH_ADVERTISE", P + "BLUETOOTH_CONNECT", P + "BLUETOOTH_SCAN")),
    ]


def test_pipe_table_scene_first_with_constants(tmp_path):
    text = ("| Scenario | Permission | Purpose |\n|---|---|---|\n"
            "| Scanning a QR code | android.permission.CAMERA | Read the code through the camera |\n"
            "| Voice search | android.permission.RECORD_AUDIO | Turn speech into search words |\n")
    assert _pairs(_read(tmp_path, text, "p.md")) == [
        ("Scanning a QR code", (P + "CAMERA",)), ("Voice search", (P + "RECORD_AUDIO",))]


def test_pipe_table_with_english_labels(tmp_path):
    text = ("| Permission | Description | Usage scenario |\n|---|---|---|\n"
            "| Precise location | Read the GPS position | Finding stores near you |\n"
            "| Display over other apps | Show a floating player | Keeping a video playing over other apps |\n")
    assert _pairs(_read(tmp_path, text, "p.md")) == [
        ("Finding stores near you", (P + "ACCESS_FINE_LOCATION",)),
        ("Keeping a video playing over other apps", (P + "SYSTEM_ALERT_WINDOW",)),
    ]


def test_html_table_captions_repeated_headers_and_separators_are_no_scenes(tmp_path):
    text = ("<html><body><table>"
            "<tr><th>权限名称</th><th>权限说明</th><th>使用场景或目的</th></tr>"
            "<tr><td colspan='3'>位置相关权限</td></tr>"
            "<tr><td>访问精确位置</td><td>获取GPS位置</td><td>查找附近门店</td></tr>"
            "<tr><td colspan='3'>存储相关权限</td></tr>"
            "<tr><td>读取外部存储</td><td>读取图片</td><td>上传头像</td></tr>"
            "<tr><th>权限名称</th><th>权限说明</th><th>使用场景或目的</th></tr>"
            "<tr><td>相机</td><td>拍照</td><td>扫码</td></tr>"
            "<tr><td>------</td><td>------</td><td>------</td></tr>"
            "<tr><td>麦克风</td><td>录音</td><td>语音消息</td></tr>"
            "</table></body></html>")
    assert _pairs(_read(tmp_path, text, "p.html")) == [
        ("查找附近门店", (P + "ACCESS_FINE_LOCATION",)),
        ("上传头像", (P + "READ_EXTERNAL_STORAGE",)),
        ("扫码", (P + "CAMERA",)),
        ("语音消息", (P + "RECORD_AUDIO",)),
    ]


def test_html_table_scene_first(tmp_path):
    text = ("<html><body><h2>系统权限</h2><table>"
            "<tr><td>使用场景</td><td>权限</td><td>用途</td></tr>"
            "<tr><td>扫码登录</td><td>相机</td><td>扫描二维码</td></tr>"
            "<tr><td>附近的人</td><td>位置</td><td>展示附近用户</td></tr>"
            "</table></body></html>")
    assert _pairs(_read(tmp_path, text, "p.html")) == [("扫码登录", (P + "CAMERA",)), ("附近的人", LOCATION)]


def test_word_html_table_with_constants(tmp_path):
    def cell(text: str) -> str:
        return f"<td><p class=MsoNormal><span>{text}</span></p></td>"

    rows = [("权限名称", "使用目的", "业务场景"), ("android.permission.READ_CONTACTS", "选择联系人", "邀请好友"),
            ("android.permission.CAMERA", "拍照", "更换头像")]
    text = ("<html><body><p class=MsoNormal>权限列表</p><table class=MsoTableGrid border=1>"
            + "".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in rows) + "</table></body></html>")
    assert _pairs(_read(tmp_path, text, "p.html")) == [
        ("邀请好友", (P + "READ_CONTACTS",)), ("更换头像", (P + "CAMERA",))]


# --- prose --------------------------------------------------------------------------------------------------

def test_prose_pairs_the_moment_with_the_permission_of_its_own_sentence(tmp_path):
    text = _lines("当您使用扫一扫功能时，我们会申请相机权限，用于识别二维码。当您发布动态时，我们会申请存储权限以便您选择图片。"
                  "我们不会读取您的通讯录。",
                  "",
                  "当您发布日志时，我们会申请存储权限，当您使用扫码登录时，我们会申请相机权限。",
                  "",
                  "We ask for camera access when you scan a QR code. When you record a voice note, the app requests "
                  "microphone permission.")
    d = _read(tmp_path, text)
    assert _pairs(d) == [
        ("使用扫一扫功能", (P + "CAMERA",)),
        ("发布动态", STORAGE),
        ("发布日志", STORAGE),
        ("使用扫码登录", (P + "CAMERA",)),
        ("scan a QR code", (P + "CAMERA",)),
        ("record a voice note", (P + "RECORD_AUDIO",)),
    ]
    assert P + "READ_CONTACTS" not in d.permission_names
    camera = next(p for p in d.permissions if p.scene == "使用扫一扫功能")
    assert camera.description == "识别二维码"


def test_prose_a_moment_inside_the_purpose_leaves_the_purpose_the_scene(tmp_path):
    d = _read(tmp_path, "为了在您骑行时为路线添加海拔，我们会在您同意后获取精确位置。\n")
    assert _pairs(d) == [("在您骑行时为路线添加海拔", (P + "ACCESS_FINE_LOCATION",))]


def test_product_words_are_not_permission_requests(tmp_path):
    listed = ("## 产品功能\n\n- 美颜相机：为自拍添加滤镜和贴纸\n- 相机滤镜：提供二十余种胶片风格\n"
              "- 拍照识物：识别照片中的植物和动物\n\n## Features\n\n- Camera filters: film looks for your photos\n"
              "- Photo editor: crop, rotate and adjust colours\n")
    d = _read(tmp_path, listed, "p.md")
    assert d.scenes == () and d.permission_names == frozenset()
    flat = _lines("功能介绍", "相机", "拍照", "录音机", "备忘录", "本应用是一款相机工具，提供专业相机模式与夜景相机。")
    d = _read(tmp_path, flat)
    assert d.scenes == () and d.permission_names == frozenset()


def test_flat_cells_with_android_own_labels_and_notes(tmp_path):
    text = _lines("权限名称", "权限功能说明", "使用场景或目的",
                  "访问精确位置信息（仅限前台使用）", "获取设备的精确位置", "用于展示附近的充电桩",
                  "访问大致位置信息（仅限前台使用）", "获取设备的大致位置", "用于推荐所在城市的活动",
                  "拍摄照片和视频", "使用相机拍照", "用于扫描充电桩上的二维码",
                  "读取您共享存储空间中的内容", "读取相册中的图片", "用于上传故障照片",
                  "修改或删除您共享存储空间中的内容", "保存图片", "用于保存电子发票")
    assert _pairs(_read(tmp_path, text)) == [
        ("用于展示附近的充电桩", (P + "ACCESS_FINE_LOCATION",)),
        ("用于推荐所在城市的活动", (P + "ACCESS_COARSE_LOCATION",)),
        ("用于扫描充电桩上的二维码", (P + "CAMERA",)),
        ("用于上传故障照片", (P + "READ_EXTERNAL_STORAGE",)),
        ("用于保存电子发票", (P + "WRITE_EXTERNAL_STORAGE",)),
    ]


def test_blank_separated_rows_are_read_by_the_header_roles(tmp_path):
    text = ("权限名称\t权限功能说明\t使用场景或目的\n"
            "访问精确位置\t获取您所在的精确地理位置\t在您查找附近门店时为您推荐门店\n"
            "相机\t使用摄像头拍摄照片\t在您扫描商品条码时使用\n")
    d = _read(tmp_path, text)
    assert _pairs(d) == [("在您查找附近门店时为您推荐门店", (P + "ACCESS_FINE_LOCATION",)),
                         ("在您扫描商品条码时使用", (P + "CAMERA",))]
    assert [p.description for p in d.permissions] == ["获取您所在的精确地理位置", "使用摄像头拍摄照片"]


# --- the label lexicon: how apps name Android's dangerous and special permissions --------------------------
# Written by hand from the Android documentation (Manifest.permission and the runtime permission groups:
# location, camera, microphone, storage / photos and videos / music and audio, phone, contacts, calendar,
# SMS, call logs, nearby devices, notifications, body sensors, physical activity; special access: display
# over other apps, install unknown apps, all files access, alarms & reminders, usage access, modify system
# settings).

LABELS = {
    "访问精确位置": {"ACCESS_FINE_LOCATION"}, "大致位置": {"ACCESS_COARSE_LOCATION"},
    "后台定位": {"ACCESS_BACKGROUND_LOCATION"}, "定位": {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"},
    "摄像头": {"CAMERA"}, "录音": {"RECORD_AUDIO"}, "存储": {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"},
    "读写外部存储": {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}, "电话": {"READ_PHONE_STATE"},
    "拨打电话": {"CALL_PHONE"}, "读取电话状态": {"READ_PHONE_STATE"}, "接听电话": {"ANSWER_PHONE_CALLS"},
    "通讯录": {"READ_CONTACTS"}, "写入通讯录": {"WRITE_CONTACTS"}, "日历": {"READ_CALENDAR"},
    "短信": {"READ_SMS"}, "接收短信": {"RECEIVE_SMS"}, "发送短信": {"SEND_SMS"}, "通话记录": {"READ_CALL_LOG"},
    "附近设备": {"BLUETOOTH_SCAN", "BLUETOOTH_CONNECT", "BLUETOOTH_ADVERTISE"},
    "附近的WLAN设备": {"NEARBY_WIFI_DEVICES"}, "通知": {"POST_NOTIFICATIONS"},
    "悬浮窗": {"SYSTEM_ALERT_WINDOW"}, "显示在其他应用上层": {"SYSTEM_ALERT_WINDOW"},
    "安装未知应用": {"REQUEST_INSTALL_PACKAGES"}, "身体传感器": {"BODY_SENSORS"},
    "活动识别": {"ACTIVITY_RECOGNITION"}, "健身运动": {"ACTIVITY_RECOGNITION"}, "应用列表": {"QUERY_ALL_PACKAGES"},
    "所有文件访问权限": {"MANAGE_EXTERNAL_STORAGE"}, "闹钟和提醒": {"SCHEDULE_EXACT_ALARM"},
    "使用情况访问权限": {"PACKAGE_USAGE_STATS"}, "音乐和音频": {"READ_MEDIA_AUDIO"},
    "Precise location": {"ACCESS_FINE_LOCATION"}, "SMS": {"READ_SMS"}, "Call logs": {"READ_CALL_LOG"},
    "Nearby devices": {"BLUETOOTH_SCAN", "BLUETOOTH_CONNECT", "BLUETOOTH_ADVERTISE"},
    "Music and audio": {"READ_MEDIA_AUDIO"}, "Files and media": {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"},
    "Appear on top": {"SYSTEM_ALERT_WINDOW"}, "All files access": {"MANAGE_EXTERNAL_STORAGE"},
    "Alarms & reminders": {"SCHEDULE_EXACT_ALARM"}, "Usage access": {"PACKAGE_USAGE_STATS"},
    "Physical activity": {"ACTIVITY_RECOGNITION"}, "Modify contacts": {"WRITE_CONTACTS"},
}


def test_permission_cell_labels_map_to_the_android_constants():
    from auditor.policy.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    wrong = {label: found for label, want in LABELS.items()
             if (found := {p.removeprefix(P) for p, _ in lexicon.permissions_in(label, weak=True, derive=True)}) != want}
    assert not wrong


def test_storage_and_phone_words_in_sentences_are_not_permissions():
    from auditor.policy.lexicon_data import load_lexicon

    lexicon = load_lexicon()
    for sentence in ("我们申请相机权限，并将您的照片存储在中国境内的服务器。", "如需申请权限帮助，请拨打客服电话。",
                     "我们会申请短信权限以外的权限发送短信验证码。"):
        perms = {p.removeprefix(P) for p, _ in lexicon.permissions_in(sentence, prose=True)}
        assert not perms & {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE", "READ_PHONE_STATE"}, sentence


# --- tables copied one cell per line whose rows each hold a line of constants ----------------------------

def test_rows_marked_by_their_constants_label_before(tmp_path):
    # the header's cells and a row's function and scene joined on one line; each row's label over its constants
    text = _lines("系统权限清单", "权限名称/权限标识 功能说明 使用场景",
                  "读取电话状态", "READ_PHONE_STATE", "读取设备识别码 登录风控校验",
                  "振动", "VIBRATE", "允许振动 新消息提醒",
                  "位置权限", "ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION", "获取位置信息 考勤打卡",
                  "相机", "CAMERA", "允许拍照 扫码登录")
    assert _pairs(_read(tmp_path, text)) == [
        ("读取设备识别码 登录风控校验", (P + "READ_PHONE_STATE",)),
        ("允许振动 新消息提醒", (P + "VIBRATE",)),
        ("获取位置信息 考勤打卡", LOCATION),
        ("允许拍照 扫码登录", (P + "CAMERA",))]


def test_rows_marked_by_their_constants_label_after(tmp_path):
    # constant, label, what it does, the scene: the last line of a row is its scene
    text = _lines("Android 权限", "权限名称", "说明", "场景",
                  "INTERNET", "网络", "访问网络", "用于同步您的笔记",
                  "RECORD_AUDIO", "麦克风", "允许录音", "用于发送语音留言",
                  "CAMERA", "相机", "允许拍照", "当您扫描二维码时使用")
    d = _read(tmp_path, text)
    assert _pairs(d) == [("用于同步您的笔记", (P + "INTERNET",)), ("用于发送语音留言", (P + "RECORD_AUDIO",)),
                         ("当您扫描二维码时使用", (P + "CAMERA",))]
    assert [s.description for s in d.scenes] == ["网络 访问网络", "麦克风 允许录音", "相机 允许拍照"]


def test_two_constant_lines_make_no_table(tmp_path):
    # a single bare constant word outside a run of constant rows is no row of its own
    text = _lines("我们会申请以下权限：", "CAMERA", "扫码时使用", "其他说明", "INTERNET", "联网")
    assert (P + "INTERNET") not in {p for s in _read(tmp_path, text).scenes for p in s.permissions}


def test_flat_cells_with_columns_about_what_the_user_may_do(tmp_path):
    # columns saying whether the user is asked, whether it can be turned off and what happens then: neither the
    # permission nor its scene, and two of them in a row do not end the header
    text = _lines("系统权限列表", "权限名称", "使用场景或目的", "是否询问", "是否可关闭", "关闭后的影响",
                  "相机", "扫描二维码添加设备", "是", "是", "无法扫码",
                  "麦克风", "发送语音留言", "是", "是", "无法发送语音",
                  "位置", "查找附近的门店", "是", "是", "无法推荐附近门店")
    assert _pairs(_read(tmp_path, text)) == [
        ("扫描二维码添加设备", (P + "CAMERA",)), ("发送语音留言", (P + "RECORD_AUDIO",)),
        ("查找附近的门店", LOCATION)]


def test_a_list_of_constants_is_no_flattened_table(tmp_path):
    # bulleted constants under what needs them are a list: no scene is made of the items between them
    text = ("## Permissions\n\n- Used by the analytics library:\n  - android.permission.INTERNET\n"
            "  - android.permission.ACCESS_NETWORK_STATE\n- Used by the push library:\n"
            "  - android.permission.WAKE_LOCK\n  - android.permission.VIBRATE\n- Used by the map:\n"
            "  - android.permission.ACCESS_FINE_LOCATION\n")
    scenes = _read(tmp_path, text, "p.md").scenes
    assert all(s.name != "Used by the push library:" or s.permissions == (P + "VIBRATE", P + "WAKE_LOCK")
               for s in scenes)
    assert not any(P + "INTERNET" in s.permissions and "push" in s.name for s in scenes)


def test_rows_marked_by_constants_under_titles_without_a_use_have_no_scene(tmp_path):
    # a table of what each permission is, with no column of what it is used for: permissions, no scenes
    text = _lines("权限列表", "权限名称", "权限标识", "权限说明",
                  "网络权限", "INTERNET", "访问网络",
                  "相机权限", "CAMERA", "使用摄像头",
                  "麦克风权限", "RECORD_AUDIO", "使用麦克风录音")
    d = _read(tmp_path, text)
    assert d.scenes == ()
    assert {p.permission for p in d.permissions} == {P + "INTERNET", P + "CAMERA", P + "RECORD_AUDIO"}


def test_a_used_by_column_names_the_scene(tmp_path):
    text = ("| Permission | Used by | Notes |\n|---|---|---|\nCAMERA | Receipt scanner | Asked when you scan. |\n"
            "RECORD_AUDIO | Voice notes | Asked when you record. |\n")
    assert _pairs(_read(tmp_path, text, "p.md")) == [("Receipt scanner", (P + "CAMERA",)),
                                                     ("Voice notes", (P + "RECORD_AUDIO",))]


def test_of_two_purpose_columns_the_one_restating_the_permission_is_not_the_scene(tmp_path):
    text = ("| 权限 | 用途 | 目的 |\n|---|---|---|\n| android.permission.CAMERA | 使用相机 | 扫描快递单号 |\n"
            "| android.permission.ACCESS_FINE_LOCATION | 访问精确位置 | 推荐附近的门店 |\n")
    assert _pairs(_read(tmp_path, text, "p.md")) == [("扫描快递单号", (P + "CAMERA",)),
                                                     ("推荐附近的门店", (P + "ACCESS_FINE_LOCATION",))]


def test_a_function_class_in_singular_gives_way_to_the_purpose(tmp_path):
    text = ("| Permission | Service Function | Purpose |\n|---|---|---|\n| Camera | Additional function | To scan receipts. |\n"
            "| Microphone | Core function | To record voice notes. |\n")
    assert _pairs(_read(tmp_path, text, "p.md")) == [("To scan receipts.", (P + "CAMERA",)),
                                                     ("To record voice notes.", (P + "RECORD_AUDIO",))]


FLAT_WITH_PLATFORMS = """设备权限
操作系统
对应业务功能与调用权限目的
是否询问
用户可否关闭权限
相机权限
Android/iOS
用于扫描会员卡上的二维码。
是
是
闪光灯权限
Android/iOS
扫码时光线不足，打开闪光灯。
否
否
麦克风权限
Android
用于语音搜索商品。
是
是
"""


def test_a_flat_table_with_a_platform_column_and_a_permission_in_its_first_cell(tmp_path):
    """"操作系统" is a column of the header (not data), "用户可否关闭权限" asks whether it can be turned off, and
    "相机权限" right under the header is the first cell of a row, not one more column title."""
    d = _read(tmp_path, FLAT_WITH_PLATFORMS)
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("用于扫描会员卡上的二维码。", (P + "CAMERA",)),
        ("扫码时光线不足，打开闪光灯。", (P + "FLASHLIGHT",)),
        ("用于语音搜索商品。", (P + "RECORD_AUDIO",)),
    ]


def test_an_exact_field_phrase_names_its_role_only_whole():
    from auditor.policy.lexicon_data import load_lexicon
    lexicon = load_lexicon()
    assert lexicon.role("操作系统") == "choice" and lexicon.is_header("操作系统")
    assert lexicon.role("操作系统版本") != "choice"


PLAIN_TITLED = """Permissions Used

The app may ask for access to some features of your phone:

  • Location - To tag the photos you take with the place.
  • Camera – To take photos in the app.
  • Storage -To keep your photos on the phone.
"""


def test_dash_items_under_a_plain_title_about_permissions(tmp_path):
    """A copy as text keeps "Permissions Used" as a plain line: it still titles a section about permissions,
    and each bullet's label before a dash is the permission, the rest its use."""
    d = _read(tmp_path, PLAIN_TITLED)
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("Location", LOCATION), ("Camera", (P + "CAMERA",)), ("Storage", STORAGE)]
    assert d.scenes[0].description == "To tag the photos you take with the place."


FOLLOWING = """<p>This app asks for the following permissions. Each can be refused.</p>
<ul>
<li><strong>Location (only while open):</strong> To find the repair shop nearest to you.</li>
<li><strong>Photos / Media:</strong> Only to pick a picture of the damage to upload.</li>
</ul>
<p>We do not request the following permissions: contacts, SMS.</p>
"""


def test_a_sentence_pointing_to_the_permissions_below_opens_their_list(tmp_path):
    """"…asks for the following permissions." (no colon) opens the list below; "Photos / Media" is the photo
    permission when it labels an item of that list."""
    d = _read(tmp_path, FOLLOWING, "p.html")
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("Location (only while open)", LOCATION),
        ("Photos / Media", (P + "READ_EXTERNAL_STORAGE", P + "READ_MEDIA_IMAGES")),
    ]


IOS_ITEM = """个人信息权限清单
一、使用相机权限
业务场景：扫码收款
使用目的：扫描二维码
二、使用面容ID权限(IOS)
业务场景：面容解锁
三、使用通知权限
业务场景：收款
使用目的：语音播报到账
四、使用麦克风权限
业务场景：在线客服
"""


def test_an_item_noted_ios_among_numbered_items_is_no_ios_section(tmp_path):
    """"二、使用面容ID权限(IOS)" is one iOS item of the numbered list: the Android items after it still count."""
    d = _read(tmp_path, IOS_ITEM)
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("扫码收款", (P + "CAMERA",)), ("收款", (P + "POST_NOTIFICATIONS",)), ("在线客服", (P + "RECORD_AUDIO",))]


def test_dash_items_under_an_outline_numbered_title_about_permissions(tmp_path):
    text = ("3) What the app does\n3.1 Your photos\n- Kept on the phone.\n3.2 Android permissions and their uses\n"
            "- Camera: Take photos with a date stamp.\n- Internet: Check for updates.\n3.3 Logs\n")
    d = _read(tmp_path, text)
    assert [(s.name, s.permissions) for s in d.scenes] == [("Camera", (P + "CAMERA",)), ("Internet", (P + "INTERNET",))]


def test_pipe_rows_broken_inside_a_cell_are_joined_back(tmp_path):
    from tests.policy.helpers import memory_catalog, read_text
    text = ("设备权限 | 业务功能 | 使用目的 | 是否询问 | 可否关闭\n---|---|---|---|---\n"
            "网络权限 | 网络连接 | 联网获取数据 | 首次安装\n进行询问 | 建议保留\n"
            "相机 | 扫码登录 | 扫描二维码 | 调用相关\n功能询问 | 是\n"
            "日历 | 行程 | 将行程添加到日历 | 首次安装进行询问 | 是\n")
    d = read_text(tmp_path, "p.md", text, memory_catalog())
    got = {(p.permission.removeprefix("android.permission."), p.scene) for p in d.permissions}
    assert {("INTERNET", "网络连接"), ("CAMERA", "扫码登录")} <= got
    assert any("CALENDAR" in q.permission and q.scene == "行程" for q in d.permissions)
