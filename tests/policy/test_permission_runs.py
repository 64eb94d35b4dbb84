"""Permission lists written as Android's own labels, each over its description line, in our own words
(expected values by hand): a description may name the permission again at more length, and inside such a
run a label may be a bare word."""

from __future__ import annotations

from auditor.catalog.model import Catalog
from auditor.policy import read_policy
from tests.policy.helpers import memory_catalog, read_text

P = "android.permission."


def test_bare_labels_over_descriptions(tmp_path):
    text = ("本应用申请的权限\n\n"
            "查看网络状态\n\n此权限让应用了解当前的网络连接情况\n\n"
            "录音\n\n用于语音聊天时通过麦克风录制声音\n\n"
            "查看WLAN状态\n\n用于判断是否连接了无线网络\n\n"
            "读取系统日志文件\n\n允许本应用读取底层系统日志文件以排查故障\n")
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    d = read_policy(path, Catalog(entries=(), version="unit", sha256="0" * 64, source="memory"))
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("查看网络状态", (P + "ACCESS_NETWORK_STATE",)),
        ("录音", (P + "RECORD_AUDIO",)),
        ("查看WLAN状态", (P + "ACCESS_WIFI_STATE",)),
        ("读取系统日志文件", (P + "READ_LOGS",)),
    ]


def test_constant_labels_name_no_scene_their_text_does(tmp_path):
    text = ("# Permissions we ask for\n"
            "- **android.permission.CAMERA**\n\n    To scan the code on a parcel.\n"
            "- **android.permission.READ_EXTERNAL_STORAGE**\n\n    Keeps your drafts on the device.\n"
            "- **android.permission.WRITE_EXTERNAL_STORAGE**\n\n    Keeps your drafts on the device.\n"
            "- android.permission.RECORD_AUDIO: voice notes\n")
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    d = read_policy(path, Catalog(entries=(), version="unit", sha256="0" * 64, source="memory"))
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("To scan the code on a parcel.", (P + "CAMERA",)),
        ("Keeps your drafts on the device.", (P + "READ_EXTERNAL_STORAGE", P + "WRITE_EXTERNAL_STORAGE")),
        ("voice notes", (P + "RECORD_AUDIO",)),
    ]


def test_an_item_of_a_permission_list_is_not_an_sdk_row(tmp_path):
    from tests.policy.helpers import entry

    catalog = Catalog(entries=(entry("google-play-billing", "Google Play Billing"),
                               entry("acme-push", "Acme Push SDK")),
                      version="unit", sha256="0" * 64, source="memory")
    text = ("## Permissions\n\nThe app asks for:\n\n"
            "- **Camera**: to scan receipts\n"
            "- **Microphone**: to dictate notes\n"
            "- **Billing**: to buy the full version\n\n"
            "## Services\n\n"
            "- **Google Play Billing**: payments for the full version\n"
            "- **Acme Push SDK**: reminders\n")
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    d = read_policy(path, catalog)
    assert [(s.name, s.id, s.evidence.line_start) for s in d.sdks] == [
        ("Google Play Billing", "google-play-billing", 11), ("Acme Push SDK", "acme-push", 12)]
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("Camera", (P + "CAMERA",)), ("Microphone", (P + "RECORD_AUDIO",))]


def test_prose_purpose_written_with_wei_bianyu(tmp_path):
    text = "我们会在征得您同意后，为便于您更换头像而访问您的相册权限。\n"
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    d = read_policy(path, Catalog(entries=(), version="unit", sha256="0" * 64, source="memory"))
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("您更换头像", (P + "READ_EXTERNAL_STORAGE", P + "READ_MEDIA_IMAGES"))]


def test_a_constant_says_which_of_a_words_permissions_is_meant(tmp_path):
    html = ("<html><body><table><tr><th>Permission</th><th>Purpose</th></tr>"
            "<tr><td>Location (ACCESS_COARSE_LOCATION)</td><td>Weather for your city</td></tr>"
            "<tr><td>Camera, storage (READ_EXTERNAL_STORAGE)</td><td>Scan and pick photos</td></tr>"
            "</table></body></html>")
    path = tmp_path / "p.html"
    path.write_text(html, encoding="utf-8")
    d = read_policy(path, Catalog(entries=(), version="unit", sha256="0" * 64, source="memory"))
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("Weather for your city", (P + "ACCESS_COARSE_LOCATION",)),
        ("Scan and pick photos", (P + "CAMERA", P + "READ_EXTERNAL_STORAGE")),
    ]


def test_numbered_permissions_after_an_intro_line(tmp_path):
    text = ("为提供服务，我们会向您申请下列权限：\n"
            "1. 定位权限：用于展示您所在城市的天气；\n"
            "2. 读写外置存储器：用于保存下载的文件；\n"
            "3. 日历权限：我们不会读取或修改您的日历。\n"
            "4. 麦克风权限：用于语音搜索，我们不会在后台录音。\n")
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    d = read_policy(path, Catalog(entries=(), version="unit", sha256="0" * 64, source="memory"))
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("定位权限", (P + "ACCESS_COARSE_LOCATION", P + "ACCESS_FINE_LOCATION")),
        ("读写外置存储器", (P + "READ_EXTERNAL_STORAGE", P + "WRITE_EXTERNAL_STORAGE")),
        ("麦克风权限", (P + "RECORD_AUDIO",)),
    ]
    assert P + "READ_CALENDAR" not in {p.permission for p in d.permissions}


def _scenes_of(tmp_path, text, name="p.md"):
    return [(s.name, s.permissions) for s in read_text(tmp_path, name, text, memory_catalog()).scenes]


def test_a_permission_line_over_the_uses_listed_under_it(tmp_path):
    text = ("### Permission rationale\n**Camera, Microphone**\n- to record a walk as a video\n\n"
            "**Location**\n- to tag a video with the place\n- to draw the route on a map\n")
    assert _scenes_of(tmp_path, text) == [
        ("Camera, Microphone", (P + "CAMERA", P + "RECORD_AUDIO")),
        ("to tag a video with the place", (P + "ACCESS_COARSE_LOCATION", P + "ACCESS_FINE_LOCATION")),
        ("to draw the route on a map", (P + "ACCESS_COARSE_LOCATION", P + "ACCESS_FINE_LOCATION")),
    ]


def test_the_systems_own_description_of_a_permission_describes_the_scene_its_label_names(tmp_path):
    text = ("用户权限\n\n应用权限\n\n完全的网络访问权限\n\n允许该应用创建网络套接字和使用自定义网络协议\n\n"
            "写入外部存储\n\n允许程序写入外部存储，如SD卡上写文件\n\n"
            "查看网络状态\n\n允许应用程序查看所有网络的状态\n\n"
            "防止手机休眠\n\n允许该应用阻止手机进入休眠状态\n\n"
            "录音\n\n允许应用录制音频，用于语音消息\n")
    # a label over the system's words for its permission: the label names the scene (round 44; the policy states
    # the permission, and those words, as asked for); the last description goes on to the app's use of it: that
    # use is the scene (round 28)
    assert _scenes_of(tmp_path, text, "p.txt") == [
        ("完全的网络访问权限", (P + "INTERNET",)),
        ("写入外部存储", (P + "WRITE_EXTERNAL_STORAGE",)),
        ("查看网络状态", (P + "ACCESS_NETWORK_STATE",)),
        ("防止手机休眠", (P + "WAKE_LOCK",)),
        ("语音消息", (P + "RECORD_AUDIO",)),
    ]


def test_items_over_the_manifest_lines_of_their_permissions(tmp_path):
    # each numbered item is followed by the uses-permission lines it asks for, then what it is used for
    text = ("1. Location of the phone\n\nuses-permission android:name=\"android.permission.ACCESS_FINE_LOCATION\"\n\n"
            "uses-permission android:name=\"android.permission.ACCESS_COARSE_LOCATION\"\n\n"
            "Used to show the weather where you are.\n\n2. The microphone\n\n"
            "uses-permission android:name=\"android.permission.RECORD_AUDIO\"\n\nUsed for voice notes.\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert [(s.name, s.description, s.permissions) for s in d.scenes] == [
        ("Location of the phone", "Used to show the weather where you are.",
         (P + "ACCESS_COARSE_LOCATION", P + "ACCESS_FINE_LOCATION")),
        ("The microphone", "Used for voice notes.", (P + "RECORD_AUDIO",))]


def test_a_namespaced_attribute_is_no_label(tmp_path):
    from auditor.policy.analysis import label_pairs
    from auditor.policy.lexicon_data import load_lexicon
    assert label_pairs('uses-permission android:name="android.permission.CAMERA"', load_lexicon()) == []
    assert label_pairs("所需权限：相机", load_lexicon()) == [("permissions", "相机")]


def test_the_moment_a_permission_is_called_is_its_scene(tmp_path):
    text = ("1、相机权限\n使用目的：拍摄头像\n调用时机：您点击更换头像时\n2、麦克风权限\n使用目的：语音输入\n"
            "调用时机：您按住说话按钮时\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("您点击更换头像时", (P + "CAMERA",)), ("您按住说话按钮时", (P + "RECORD_AUDIO",))]


def test_a_scene_label_over_the_uses_it_lists(tmp_path):
    text = ("一、相机权限\n1.1 权限说明：用于拍照和扫码\n1.2 使用场景：\n- 拍照上传头像\n- 扫码登录\n"
            "1.3 权限控制：您可随时关闭\n二、麦克风权限\n2.1 权限说明：用于录音\n2.2 使用场景：\n- 发送语音消息\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert [(s.name, s.permissions) for s in d.scenes] == [
        ("拍照上传头像、扫码登录", (P + "CAMERA",)), ("发送语音消息", (P + "RECORD_AUDIO",))]


def test_a_list_under_a_line_with_another_negation_still_asks(tmp_path):
    # "未经您同意，我们不会开启以下权限：" introduces what the app does ask for; "我们不会申请以下权限：" does not
    text = ("未经您同意，我们不会开启以下权限：\n1、相机权限：扫码登录\n2、麦克风权限：语音输入\n"
            "我们不会申请以下权限：\n1、通讯录权限：无\n2、短信权限：无\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert {p.permission for p in d.permissions} == {P + "CAMERA", P + "RECORD_AUDIO"}
