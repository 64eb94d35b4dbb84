"""A permissions section whose items are nouns ("Camera", "Location", "相机") each over a paragraph saying
what the app uses it for; in our own words, expected values written by hand."""

from __future__ import annotations

from tests.policy.helpers import memory_catalog, read_text

A = "android.permission."


def _pairs(d):
    return [(s.name, s.description, sorted(p.removeprefix(A) for p in s.permissions)) for s in d.scenes]


def test_headings_naming_a_permission_under_a_permissions_title_are_its_items(tmp_path):
    text = ("<h2>Permissions Required</h2>\n<p>Before using the app, please read why it asks for them.</p>\n"
            "<h3>Camera</h3>\n<p>We need camera permission to scan the barcodes of products.</p>\n"
            "<h3>Access Internet</h3>\n<p>For syncing your lists between devices.</p>\n"
            "<h3>Location</h3>\n<p>It is used to show the shops near you.</p>\n"
            "<h3>Microphone</h3>\n<p>Used to record voice notes.</p>\n")
    d = read_text(tmp_path, "p.html", text, memory_catalog())
    assert _pairs(d) == [
        ("Camera", "We need camera permission to scan the barcodes of products.", ["CAMERA"]),
        ("Access Internet", "For syncing your lists between devices.", ["INTERNET"]),
        ("Location", "It is used to show the shops near you.", ["ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION"]),
        ("Microphone", "Used to record voice notes.", ["RECORD_AUDIO"]),
    ]


def test_plain_lines_naming_a_permission_under_a_chinese_permissions_title(tmp_path):
    text = ("应用权限说明\n\n相机\n\n我们会在您扫描二维码时使用相机。\n\n位置信息\n\n用于向您展示附近的门店。\n\n"
            "联系我们\n\n如有疑问请发送邮件。\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert _pairs(d) == [
        ("相机", "我们会在您扫描二维码时使用相机。", ["CAMERA"]),
        ("位置信息", "用于向您展示附近的门店。", ["ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION"]),
    ]


def test_the_same_words_without_a_permissions_title_are_no_permission_items(tmp_path):
    text = "About us\n\nCamera\n\nOur team loves taking photos of nature.\n\nLocation\n\nWe are based in Berlin, by the river.\n"
    assert read_text(tmp_path, "p.txt", text, memory_catalog()).scenes == ()


def test_a_numbered_list_whose_bold_labels_name_only_permissions_needs_no_introducing_line(tmp_path):
    # Markdown "1. **相机** 用于…": the bold words are the label though no colon follows them
    text = ("1. **相机** 用于扫描商品条码。\n2. **麦克风** 语音搜索时录制您的声音。\n3. **位置信息** 用于推荐附近的门店。\n"
            "4. **悬浮窗** 显示计时小窗。\n")
    d = read_text(tmp_path, "p.md", text, memory_catalog())
    assert _pairs(d) == [
        ("相机", "用于扫描商品条码。", ["CAMERA"]),
        ("麦克风", "语音搜索时录制您的声音。", ["RECORD_AUDIO"]),
        ("位置信息", "用于推荐附近的门店。", ["ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION"]),
        ("悬浮窗", "显示计时小窗。", ["SYSTEM_ALERT_WINDOW"]),
    ]


def test_a_label_alone_over_bullets_of_another_marker_has_one_scene_per_bullet(tmp_path):
    text = ("1. 相机：用于扫描商品条码。\n2. 网络访问\n- 同步购物清单\n- 查询商品价格。\n3. 麦克风：用于语音搜索。\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert _pairs(d) == [
        ("相机", "用于扫描商品条码。", ["CAMERA"]),
        ("同步购物清单", "", ["INTERNET"]),
        ("查询商品价格", "", ["INTERNET"]),
        ("麦克风", "用于语音搜索。", ["RECORD_AUDIO"]),
    ]


def test_bullets_in_androids_own_words_under_a_label_are_no_uses(tmp_path):
    # "Storage" over the system's own labels of the two storage permissions: what they allow, not what for
    text = ("The following permissions are required:\na) Camera\n● take pictures and videos\nb) Storage\n"
            "● read the contents of your SD card\n● modify or delete the contents of your SD card\nc) Location\n"
            "● approximate location\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert all(s.name in ("", "Camera", "Storage", "Location") and not s.description for s in d.scenes)
    assert {p.permission.removeprefix(A) for p in d.permissions} >= {"CAMERA", "READ_EXTERNAL_STORAGE",
                                                                     "WRITE_EXTERNAL_STORAGE"}


def test_a_numbered_list_of_data_is_no_list_of_permissions(tmp_path):
    text = ("1. 设备信息：设备型号、操作系统版本。\n2. 日志信息：操作记录、崩溃日志。\n3. 账号信息：昵称、头像。\n")
    assert read_text(tmp_path, "p.txt", text, memory_catalog()).scenes == ()


def test_androids_own_storage_labels_name_their_permissions():
    # AOSP's labels of READ_/WRITE_EXTERNAL_STORAGE on devices with an SD card or USB storage
    from auditor.policy.lexicon_data import load_lexicon
    lexicon = load_lexicon()
    for text, perm in [("read the contents of your SD card", "READ_EXTERNAL_STORAGE"),
                       ("modify or delete the contents of your SD card", "WRITE_EXTERNAL_STORAGE"),
                       ("modify or delete the contents of your USB storage", "WRITE_EXTERNAL_STORAGE")]:
        assert [p.removeprefix(A) for p, _ in lexicon.permissions_in(text, weak=True)] == [perm]
        assert lexicon.only_permission(text, label=True)


def test_chinese_labels_of_storage_overlay_accounts_and_filesystems():
    # the words Chinese policies label these permissions with (AOSP's zh label for MOUNT_UNMOUNT_FILESYSTEMS is
    # "装载和卸载文件系统"); Traditional Chinese is read by the same words
    from auditor.policy.lexicon_data import load_lexicon
    lexicon = load_lexicon()
    for text, perms in [("获取文件读写权限", {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}),
                        ("獲取文件讀寫權限", {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}),
                        ("显示悬浮框", {"SYSTEM_ALERT_WINDOW"}),
                        ("获取手机已知的帐号列表", {"GET_ACCOUNTS"}),
                        ("获取装载和卸载文件系统权限", {"MOUNT_UNMOUNT_FILESYSTEMS"})]:
        assert {p.removeprefix(A) for p, _ in lexicon.permissions_in(text, weak=True)} == perms, text


def test_items_under_what_the_app_needs_access_to_name_the_permission_then_what_for(tmp_path):
    text = ("The app also needs access to:\n"
            "- The Bluetooth settings so that you can pair the scale without opening your phone's Settings.\n"
            "- The internet to upload your measurements.\n"
            "- Wi-Fi connections to list them while you set up a device.\n"
            "It also needs to be able:\n"
            "- To prevent your phone from sleeping while a measurement is uploaded.\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert [(s.name, s.description, [p.removeprefix(A) for p in s.permissions]) for s in d.scenes][:3] == [
        ("The Bluetooth settings", "so that you can pair the scale without opening your phone's Settings.", ["BLUETOOTH_ADMIN"]),
        ("The internet", "to upload your measurements.", ["INTERNET"]),
        ("Wi-Fi connections", "to list them while you set up a device.", ["ACCESS_WIFI_STATE"]),
    ]
    assert "WAKE_LOCK" in {p.permission.removeprefix(A) for p in d.permissions}


def test_the_same_items_with_no_line_saying_the_app_needs_them_are_no_permission_items(tmp_path):
    text = "Our team loves:\n- The internet to share ideas.\n- Wi-Fi connections to stay in touch.\n"
    assert read_text(tmp_path, "p.txt", text, memory_catalog()).scenes == ()


def test_permission_dialogs_kept_as_strings_title_asking_then_what_for(tmp_path):
    text = ('<resources>\n'
            '    <string name="perm_camera_title">%s 申请获取相机权限</string>\n'
            '    <string name="perm_camera_desc">允许后，你可以扫描商品条码。</string>\n'
            '    <string name="perm_camera_denied_title">相机权限未开启</string>\n'
            '    <string name="perm_camera_denied_desc">请在设置中开启相机权限。</string>\n'
            '    <string name="perm_video_title">%s 申请读取视频权限</string>\n'
            '    <string name="perm_video_desc">允许后，你可以给朋友发送视频。</string>\n'
            '</resources>\n')
    d = read_text(tmp_path, "strings.xml", text, memory_catalog())
    assert [(s.name, sorted(p.removeprefix(A) for p in s.permissions)) for s in d.scenes] == [
        ("允许后，你可以扫描商品条码。", ["CAMERA"]),
        ("允许后，你可以给朋友发送视频。", ["READ_EXTERNAL_STORAGE", "READ_MEDIA_VIDEO"]),
    ]


def test_headings_over_the_constant_they_stand_for_and_what_the_app_uses_it_for(tmp_path):
    # the store's labels in capitals as headings, the system's description in italics, the constant, the use
    text = ("# Permissions\n\n## NETWORK COMMUNICATION\n\n### FULL NETWORK ACCESS\n\n"
            "_Allows the app to create network sockets._\n\n**android.permission.INTERNET**\n\n"
            "The app goes online to sync your notes.\n\n### CONTROL VIBRATION\n\n_Allows the app to control the vibrator._\n\n"
            "**android.permission.VIBRATE**\n\nThe app vibrates when a reminder is due.\n\n"
            "## Android\n\n```xml\n<uses-permission android:name=\"android.permission.CAMERA\" />\n```\n")
    d = read_text(tmp_path, "p.md", text, memory_catalog())
    assert [(s.name, s.description, [p.removeprefix(A) for p in s.permissions]) for s in d.scenes
            if s.name] == [
        ("FULL NETWORK ACCESS", "The app goes online to sync your notes.", ["INTERNET"]),
        ("CONTROL VIBRATION", "The app vibrates when a reminder is due.", ["VIBRATE"]),
    ]


def test_two_items_whose_labels_use_a_permission_are_a_permission_list_sdk_names_never(tmp_path):
    text = ("1. 读取手机状态和身份\n统计用户使用情况时获取设备标识。\n2. 拍摄照片和视频\n扫码登录时使用。\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert [(s.name, [p.removeprefix(A) for p in s.permissions]) for s in d.scenes] == [
        ("读取手机状态和身份", ["READ_PHONE_STATE"]), ("拍摄照片和视频", ["CAMERA"])]
    # items naming push SDKs by their vendor ("小米推送"): SDKs, not the notification permission
    from tests.policy.helpers import entry, memory_catalog as catalog_of
    catalog = catalog_of(entry("xiaomi-push", "Xiaomi Push", "小米推送"), entry("meizu-push", "Meizu Push", "魅族推送"),
                         entry("vivo-push", "vivo Push", "vivo推送"))
    text = "1. “小米推送”：用于推送消息\n2. “魅族推送”：用于推送消息\n3. “vivo推送”：用于推送消息\n"
    assert read_text(tmp_path, "q.txt", text, catalog).scenes == ()


def test_an_sdk_named_in_quotes_with_the_permissions_it_holds_gives_no_scene(tmp_path):
    text = ("1）“某某分享”包含的权限代码如下：网络访问权限、读取手机状态和身份；\n收集信息的目的：分享内容\n"
            "2）“某某统计”包含的权限代码如下：网络访问权限、写入外部存储卡；\n收集信息的目的：数据统计\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert all(not s.name.startswith("“") for s in d.scenes)


def test_a_question_asking_why_the_app_needs_permissions_introduces_its_answers(tmp_path):
    text = ("WHY DOES THE APP REQUIRE PERMISSIONS?\n"
            "Contacts : sharing contacts helps us suggest friends who already use the app\n"
            "Location : captured at login to show offers near you\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    got = [(s.name, sorted(p.removeprefix(A) for p in s.permissions)) for s in d.scenes]
    assert ("Contacts", ["READ_CONTACTS"]) in got
    assert ("Location", ["ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION"]) in got
