"""The lexicon is data: loaded, validated, and matched as documented."""

from __future__ import annotations

import pytest

from auditor.errors import ConfigError
from auditor.policy.lexicon_data import build_lexicon, load_lexicon

P = "android.permission."


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_bundled_lexicon_loads(lexicon):
    assert len(lexicon.terms) > 300
    assert lexicon.role("SDK Name") == "name"
    assert lexicon.role("Name of Third-party Institution") == "company"
    assert lexicon.role("所属公司名称") == "company"
    assert lexicon.role("个人信息收集范围") == "data"
    assert lexicon.role("第三方隐私政策链接") == "link"
    assert lexicon.role("Authority to Access the Device") == "permissions"
    assert lexicon.role("业务场景") == "scene"


def test_unknown_data_type_is_rejected():
    bad = {"data_types": [{"data_types": ["shoe-size"], "phrases": {"en": ["shoe size"]}}]}
    with pytest.raises(ConfigError, match="shoe-size"):
        build_lexicon(bad)


def test_short_permission_name_is_rejected():
    bad = {"permissions": [{"permissions": ["CAMERA"], "phrases": {"en": ["camera"]}}]}
    with pytest.raises(ConfigError, match="full Android permission"):
        build_lexicon(bad)


@pytest.mark.parametrize("text, expected", [
    ("Turn on push authorityRead the phone status and its identity",
     {P + "POST_NOTIFICATIONS", P + "READ_PHONE_STATE"}),
    ("Authority to open the photo album and the camera authority",
     {P + "READ_EXTERNAL_STORAGE", P + "READ_MEDIA_IMAGES", P + "CAMERA"}),
    ("get rough locations, background geolocation", {P + "ACCESS_COARSE_LOCATION", P + "ACCESS_BACKGROUND_LOCATION"}),
    ("read external memory cards, record audios", {P + "READ_EXTERNAL_STORAGE", P + "RECORD_AUDIO"}),
    ("retrieve running applications; check the WLAN connection; use Bluetooth",
     {P + "GET_TASKS", P + "ACCESS_WIFI_STATE", P + "BLUETOOTH", P + "BLUETOOTH_CONNECT"}),
    ("相机权限、麦克风权限、通知权限、读取应用列表", {P + "CAMERA", P + "RECORD_AUDIO", P + "POST_NOTIFICATIONS",
                                       P + "QUERY_ALL_PACKAGES"}),
    ("读取手机状态和身份", {P + "READ_PHONE_STATE"}),
    # "keep the screen on" (屏幕常亮) is the wake lock; "access the network state" is not Internet access;
    # "install permission for unknown apps"
    ("保持屏幕常亮权限", {P + "WAKE_LOCK"}), ("保持屏幕唤醒的权限", {P + "WAKE_LOCK"}),
    ("访问网络状态权限", {P + "ACCESS_NETWORK_STATE"}), ("获取网络信息状态", {P + "ACCESS_NETWORK_STATE"}),
    ("未知应用安装权限", {P + "REQUEST_INSTALL_PACKAGES"}), ("请求应用安装权限", {P + "REQUEST_INSTALL_PACKAGES"}),
    ("ＣＡＭＥＲＡ ｐｅｒｍｉｓｓｉｏｎ", {P + "CAMERA"}),  # full-width letters
    # the labels of Android's permissions as widely written in Chinese developer docs
    ("访问GSM网络信息", {P + "ACCESS_NETWORK_STATE"}), ("访问Wi-Fi网络状态信息", {P + "ACCESS_WIFI_STATE"}),
    ("改变WiFi连接状态", {P + "CHANGE_WIFI_STATE"}), ("允许程序打开网络套接字", {P + "INTERNET"}),
    # the calendar permission is a group, as the storage permission: reading and writing events
    ("日历权限", {P + "READ_CALENDAR", P + "WRITE_CALENDAR"}), ("读取日历", {P + "READ_CALENDAR"}),
    # Android's Chinese labels for installing packages and drawing over other apps; Wi-Fi spelled with a hyphen
    ("请求安装文件包", {P + "REQUEST_INSTALL_PACKAGES"}), ("显示在其他应用上方", {P + "SYSTEM_ALERT_WINDOW"}),
    ("Wi-Fi状态权限", {P + "ACCESS_WIFI_STATE"}),
    # a permission constant spelled in capitalised words
    ("Receive Boot Completed", {P + "RECEIVE_BOOT_COMPLETED"}),
    # the Bluetooth admin permission by its Play Store words (not the plain Bluetooth permission)
    ("Bluetooth administration", {P + "BLUETOOTH_ADMIN"}), ("蓝牙管理", {P + "BLUETOOTH_ADMIN"}),
    # labels of permission lists: network communication, NFC
    ("网络通讯功能权限", {P + "INTERNET"}), ("网络通信权限", {P + "INTERNET"}), ("NFC功能权限", {P + "NFC"}),
    # reading or writing "the device's" storage
    ("写入设备外部存储", {P + "WRITE_EXTERNAL_STORAGE"}), ("读取设备存储", {P + "READ_EXTERNAL_STORAGE"}),
    ("读写设备外部存储", {P + "READ_EXTERNAL_STORAGE", P + "WRITE_EXTERNAL_STORAGE"}),
    # Android's notification access (a notification listener: 通知使用权), not posting notifications ("Notification
    # access" alone is left out: apps write it for either); the call state
    ("read your notifications", {P + "BIND_NOTIFICATION_LISTENER_SERVICE"}),
    ("通知使用权", {P + "BIND_NOTIFICATION_LISTENER_SERVICE"}),
    ("通知权限", {P + "POST_NOTIFICATIONS"}), ("read the call state", {P + "READ_PHONE_STATE"}),
    # permission labels of alarm apps
    ("Boot Completed", {P + "RECEIVE_BOOT_COMPLETED"}), ("Full-screen intent", {P + "USE_FULL_SCREEN_INTENT"}),
    # Android's own Chinese words for usage access and drawing over other apps
    ("使用记录访问权限", {P + "PACKAGE_USAGE_STATS"}), ("显示在其他应用上面", {P + "SYSTEM_ALERT_WINDOW"}),
])
def test_permission_phrases(lexicon, text, expected):
    assert {p for p, _ in lexicon.permissions_in(text, weak=True)} == expected


def test_weak_words_need_a_cue(lexicon):
    assert lexicon.permissions_in("We love the camera on your phone.") == []
    assert {p for p, _ in lexicon.permissions_in("we need camera access")} == {P + "CAMERA"}


def test_constants_are_read_and_do_not_trigger_words(lexicon):
    assert [p for p, _ in lexicon.permissions_in("ACCESS_FINE_LOCATION", weak=True)] == [P + "ACCESS_FINE_LOCATION"]
    assert [p for p, _ in lexicon.permissions_in("`android.permission.USE_BIOMETRIC`")] == [P + "USE_BIOMETRIC"]
    assert lexicon.permissions_in("We love the CAMERA on your phone.") == []  # a shouted word, not a constant


def test_data_types_and_negation(lexicon):
    found = {d for d, _ in lexicon.data_types_in("We collect your IMEI, MAC address, OAID and 剪切板内容")}
    assert found == {"imei", "mac", "oaid", "clipboard"}
    assert lexicon.data_types_in("We never read your clipboard.", prose=True) == []
    assert lexicon.data_types_in("我们不会获取您的通讯录", prose=True) == []
    kept = lexicon.data_types_in("Including but not limited to your IP address.", prose=True)
    assert [d for d, _ in kept] == ["ip"]
    conditional = lexicon.permissions_in("If you do not grant camera permission, scanning is off.", prose=True)
    assert [p for p, _ in conditional] == [P + "CAMERA"]


@pytest.mark.parametrize("label, role", [
    # the last word of a label is its head: a link to what the words before name
    ("第三方SDK官网链接", "website"),
    ("SDK隐私说明链接", "link"),
    ("SDK privacy policy URL", "link"),
    ("SDK官网", "website"),
    # two things joined: the longest word still decides
    ("SDK名称及链接", "name"),
    ("SDK名称/链接", "name"),
    ("隐私政策或官网链接", "link"),
    # no link word at the end: unchanged
    ("第三方SDK名称", "name"),
    ("第三方SDK提供方的公司名称", "company"),
])
def test_label_whose_last_word_is_a_link(lexicon, label, role):
    assert lexicon.role(label) == role


@pytest.mark.parametrize("traditional, simplified", [
    ("隱私權政策", "隐私政策"),
    ("收集個人資料類型", "收集个人信息类型"),
    ("裝置識別碼（廣告識別碼）、IP位址", "设备标识符(广告标识符)、ip地址"),
    ("網路狀態、應用程式清單", "网络状态、应用程序清单"),
    ("推播通知設定", "推送通知设定"),
    # Taiwan's words for a permission, obtaining, files and the scene of use
    ("系統許可權名稱", "系统权限名称"), ("擷取裝置資訊", "获取设备信息"), ("讀取檔案", "读取文件"),
    ("使用情境與目的", "使用场景与目的"),
])
def test_traditional_chinese_words_fold_to_simplified_ones(traditional, simplified):
    from auditor.policy.lexicon import fold
    assert fold(traditional) == simplified


def test_simplified_text_keeps_its_words():
    # the regional words are mapped only in Traditional text: "装置" stays in a Simplified sentence
    from auditor.policy.lexicon import fold
    assert fold("安全装置与使用者协议") == "安全装置与使用者协议"


def test_traditional_record_reads_data_and_link(tmp_path):
    from auditor.policy import read_policy
    from tests.policy.helpers import entry, memory_catalog
    path = tmp_path / "tw.txt"
    path.write_text("第三方SDK名稱：Example Analytics SDK\n提供方：Example Co., Ltd.\n"
                    "收集個人資料類型：廣告識別碼、IP位址、網路狀態\n隱私權政策：https://example.com/privacy\n",
                    encoding="utf-8")
    rows = read_policy(path, memory_catalog(entry("example-analytics", "Example Analytics"))).sdks
    assert [(r.id, set(r.data_types), r.link) for r in rows] == [
        ("example-analytics", {"advertising-id", "ip", "network-state"}, "https://example.com/privacy")]


@pytest.mark.parametrize("label, constant", [
    # Android's own Chinese labels use 讯息 for messages
    ("读取您的讯息（短信/彩信）", "READ_SMS"), ("接收讯息", "RECEIVE_SMS"),
])
def test_androids_chinese_message_labels(lexicon, label, constant):
    assert "android.permission." + constant in {p for p, _ in lexicon.permissions_in(label, weak=True)}


@pytest.mark.parametrize("text, tag", [
    ("SIM序列号", "iccid"), ("网络信息状态", "network-state"), ("type of internet connection", "network-state"),
    ("当前WiFi接入的状态以及WLAN热点的信息", "wifi-info"), ("手机屏幕尺寸/型号", "device-model"),
    ("应用当前正在运行的进程名", "running-apps"), ("安装的应用信息", "installed-apps"),
    # the carrier is telephony state (TelephonyManager), not the connection
    ("mobile carrier", "phone-state"), ("运营商信息", "phone-state"),
    # the standard's long names of the identifiers, and how the connection is made
    ("国际移动用户标识码", "imsi"), ("国际移动设备标识码", "imei"), ("联网方式", "network-state"),
    ("网络连接类型", "network-state"),
    # everyday names of the same data: the app list as "APP", the process list, a device's make, a sensor
    ("已安装APP列表", "installed-apps"), ("应用程序列表", "installed-apps"), ("进程列表", "running-apps"),
    ("device make and model", "device-model"), ("网络接入方式", "network-state"), ("加速度计", "sensors"),
    ("Wi-Fi network information", "wifi-info"),
])
def test_data_words_of_real_policies(lexicon, text, tag):
    assert tag in {d for d, _ in lexicon.data_types_in(text, cell=True)}


@pytest.mark.parametrize("written, shown", [
    ("定位權(quán)限", "定位權限"),
    ("設(shè)備型號(hào)", "設備型號"),
    # toneless syllables only in a text that has tone-marked ones too
    ("我(wǒ)們(men)的(de)設(shè)備(bèi)", "我們的設備"),
    # no annotation: an English word, a bracketed abbreviation, a toneless word alone
    ("設備(IMEI)", "設備(IMEI)"), ("应用(app)", "应用(app)"), ("信息(ip)地址", "信息(ip)地址"),
])
def test_inline_pinyin_annotations_are_dropped(written, shown):
    from auditor.policy.text import without_ruby
    assert without_ruby(written) == shown


def test_traditional_permission_list_with_pinyin_reads_its_scenes(tmp_path):
    # a page copied with its ruby text: "權(quán)限" is the permission word, each item over the line saying its use
    from auditor.policy import read_policy
    from tests.policy.helpers import memory_catalog
    path = tmp_path / "tw.txt"
    path.write_text("(1)定位權(quán)限\n進(jìn)入地圖頁時(shí),需要定位權(quán)限來顯示附近門店\n"
                    "(2)相機(jī)權(quán)限\n您掃描二維碼時(shí),我們會(huì)請求相機(jī)權(quán)限\n", encoding="utf-8")
    scenes = read_policy(path, memory_catalog()).scenes
    assert [(s.name, set(s.permissions)) for s in scenes] == [
        ("定位權限", {"android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION"}),
        ("相機權限", {"android.permission.CAMERA"})]


def test_taiwan_permission_word_heads_a_permission_list(tmp_path):
    from auditor.policy import read_policy
    from tests.policy.helpers import memory_catalog
    path = tmp_path / "tw.txt"
    path.write_text("(1)相機許可權：掃描二維碼、拍攝頭像\n(2)麥克風許可權：發送語音訊息\n", encoding="utf-8")
    scenes = read_policy(path, memory_catalog()).scenes
    assert [set(s.permissions) for s in scenes] == [
        {"android.permission.CAMERA"}, {"android.permission.RECORD_AUDIO"}]


@pytest.mark.parametrize("text, constant", [
    ("android.permission.READ_EXTERNAL_STORAG", "android.permission.READ_EXTERNAL_STORAGE"),
    ("ACCESS_FINE_LOCATIO", "android.permission.ACCESS_FINE_LOCATION"),
])
def test_a_constant_with_its_last_letters_cut_is_completed(lexicon, text, constant):
    assert [p for p, _ in lexicon.permissions_in(text, weak=True)] == [constant]


def test_a_short_cut_constant_is_not_guessed(lexicon):
    # "READ_CONT" could begin READ_CONTACTS only, but too little of it is written to say so
    assert lexicon.permissions_in("READ_CONT", weak=True) == []


@pytest.mark.parametrize("label, constant", [
    # Chinese names apps give these two permissions in their lists (the system's own are 防止手机休眠 and 闹钟和提醒)
    ("屏幕唤醒权限", "android.permission.WAKE_LOCK"),
    ("闹钟权限", "android.permission.SCHEDULE_EXACT_ALARM"),
    ("系统闹铃权限", "android.permission.SCHEDULE_EXACT_ALARM"),
])
def test_everyday_chinese_names_of_wake_lock_and_alarms(lexicon, label, constant):
    assert [p for p, _ in lexicon.permissions_in(label)] == [constant]


@pytest.mark.parametrize("label, constant", [
    # names the widely copied Chinese permission tables give (e.g. CSDN's "Android权限中文对照": DISABLE_KEYGUARD
    # "允许程序禁用键盘锁", READ_SYNC_STATS "读取同步状态", WRITE_SYNC_SETTINGS "允许程序写入同步设置",
    # CHANGE_NETWORK_STATE "允许程序改变网络连接状态"), and everyday ones apps write in their lists
    ("禁用键盘锁", "android.permission.DISABLE_KEYGUARD"),
    ("读取同步状态", "android.permission.READ_SYNC_STATS"),
    ("写入同步设置", "android.permission.WRITE_SYNC_SETTINGS"),
    ("变更网络状态", "android.permission.CHANGE_NETWORK_STATE"),  # (was the network-state permission, ACCESS_…)
    ("允许程序改变网络连接状态", "android.permission.CHANGE_NETWORK_STATE"),
    ("显示系统窗口", "android.permission.SYSTEM_ALERT_WINDOW"),
    ("允许设备震动", "android.permission.VIBRATE"),
    ("写入日程提醒", "android.permission.WRITE_CALENDAR"),  # (was READ_CALENDAR, by the word 日程)
    ("允许安装未知来源应用", "android.permission.REQUEST_INSTALL_PACKAGES"),
    ("忽略电池优化", "android.permission.REQUEST_IGNORE_BATTERY_OPTIMIZATIONS"),
    ("通信录权限", "android.permission.READ_CONTACTS"),  # a common way to write 通讯录
    ("悬浮于其他应用之上", "android.permission.SYSTEM_ALERT_WINDOW"),
    ("悬浮在其他应用之上", "android.permission.SYSTEM_ALERT_WINDOW"),
    # Android 14's partial photo access, not the photo and video permissions the bare word 媒体文件 stands for
    ("读取用户选取的媒体文件", "android.permission.READ_MEDIA_VISUAL_USER_SELECTED"),
    ("读取媒体文件位置信息", "android.permission.ACCESS_MEDIA_LOCATION"),
])
def test_chinese_names_from_common_permission_tables(lexicon, label, constant):
    assert [p for p, _ in lexicon.permissions_in(label, weak=True, derive=True)] == [constant]


@pytest.mark.parametrize("text, types", [
    # "general location" is said of a city or country read from the IP address: the coarse location only
    ("device model, general location (city or country)", ["device-model", "location-coarse"]),
    ("non-precise location", ["location-coarse"]),
    ("your location", ["location-fine", "location-coarse"]),
])
def test_general_location_is_the_coarse_one(lexicon, text, types):
    assert [d for d, _ in lexicon.data_types_in(text, cell=True)] == types


def test_google_plays_name_of_the_phone_state_permission_group(lexicon):
    # the Play Store lists READ_PHONE_STATE to users as "Device ID & call information"
    assert [p for p, _ in lexicon.permissions_in("Device ID & call information: to verify your account")] == [
        "android.permission.READ_PHONE_STATE"]


@pytest.mark.parametrize("title", ["Publisher", "SDK Publisher", "Published by"])
def test_a_publisher_is_the_rows_company(lexicon, title):
    # the word package registries and SDK answer sheets use for who makes a library
    assert lexicon.role(title) == "company"


@pytest.mark.parametrize("label, constant", [
    # Android's own labels for these permissions (system settings, Google Play), in a permission cell
    ("Reroute outgoing calls", "PROCESS_OUTGOING_CALLS"), ("Use accounts on the device", "USE_CREDENTIALS"),
    ("Use fingerprint hardware", "USE_FINGERPRINT"), ("Control flashlight", "FLASHLIGHT"),
    ("Network connections", "ACCESS_NETWORK_STATE"), ("Wi-Fi connections", "ACCESS_WIFI_STATE"),
    ("Bluetooth settings", "BLUETOOTH_ADMIN"), ("Existing accounts on the phone", "GET_ACCOUNTS"),
])
def test_androids_plain_labels_in_a_permission_cell(lexicon, label, constant):
    assert "android.permission." + constant in {p for p, _ in lexicon.permissions_in(label, weak=True, derive=True)}


def test_plain_label_words_need_a_cue_in_prose(lexicon):
    # guard: "network connections" in a sentence about transport is no permission
    assert lexicon.permissions_in("All data travels over encrypted network connections.", prose=True) == []


@pytest.mark.parametrize("text, constant", [
    # permissions Android declares outside android.permission, written out or as the bare constant of SET_ALARM
    ("com.android.alarm.permission.SET_ALARM", "com.android.alarm.permission.SET_ALARM"),
    ("com.android.launcher.permission.INSTALL_SHORTCUT", "com.android.launcher.permission.INSTALL_SHORTCUT"),
    ("#### SET_ALARM", "com.android.alarm.permission.SET_ALARM"),
    ("设置闹钟", "com.android.alarm.permission.SET_ALARM"),
])
def test_androids_permissions_outside_its_main_package(lexicon, text, constant):
    assert [p for p, _ in lexicon.permissions_in(text, weak=True)] == [constant]


def test_another_platforms_permission_is_still_none(lexicon):
    assert lexicon.permissions_in("ohos.permission.INTERNET", weak=True) == []



def test_a_key_written_twice_in_the_lexicon_is_refused(tmp_path):
    # YAML keeps the last of two equal keys silently: a second "zh:" list would hide the first
    path = tmp_path / "lexicon.yaml"
    path.write_text("version: 1\npermissions:\n  - permissions: [android.permission.NFC]\n    phrases:\n"
                    "      zh: [NFC权限]\n      zh: [近场通信]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="written twice"):
        load_lexicon(path)


@pytest.mark.parametrize(("label", "expected"), [
    # AOSP's own labels (frameworks/base core/res strings, as Android shows them to users), written by hand here
    ("expand/collapse status bar", "EXPAND_STATUS_BAR"),
    ("reorder running apps", "REORDER_TASKS"),          # was read as GET_TASKS by "running apps"
    ("adjust your wallpaper size", "SET_WALLPAPER_HINTS"),
    ("measure app storage space", "GET_PACKAGE_SIZE"),
    ("send sticky broadcast", "BROADCAST_STICKY"),
])
def test_androids_own_permission_labels_name_their_permission_in_a_permission_context(lexicon, label, expected):
    assert {p for p, _ in lexicon.permissions_in(label, weak=True)} == {P + expected}
    assert lexicon.permissions_in(f"We {label}.", weak=False) == []  # weak: only with a permission cue


def test_labels_of_permissions_no_app_holds_or_held_through_a_companion_device_are_not_words():
    from auditor.policy.lexicon_data import android_labels
    labels = android_labels()
    assert labels["set wallpaper"] == P + "SET_WALLPAPER"
    assert "run in the background" not in labels          # REQUEST_COMPANION_RUN_IN_BACKGROUND
    assert P + "REBOOT" not in labels.values()          # signature: no app's policy asks for it
