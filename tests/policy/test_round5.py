"""Issue 11, round 5: general mechanisms found on the dev parts of four hand-labelled corpora, each in our own
words with expected values written by hand."""

from __future__ import annotations

from auditor.policy import read_policy
from tests.policy.helpers import entry, memory_catalog


def _read(tmp_path, text, name="p.md", *entries):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_policy(path, memory_catalog(*(entries or (entry("demo", "Demo"),))))


def test_sub_bullets_under_an_empty_label_are_its_value(tmp_path):
    # "* 收集的信息：" with nothing after the colon, the data listed as deeper bullets below it; then the link
    d = _read(tmp_path, "#### 甲乙推送 SDK\n* 第三方名称：甲乙科技有限公司\n* 功能：推送消息\n* 收集的信息：\n"
                        "    * 设备标识OAID和Android ID\n    * 当前网络类型\n"
                        "* 隐私政策链接：[https://push.example.cn/p](https://push.example.cn/p)\n\n"
                        "#### 丙丁地图 SDK\n* 第三方名称：丙丁软件有限公司\n* 收集的信息：\n    * IP地址\n")
    assert [(s.name, s.company, s.data_types, s.link) for s in d.sdks] == [
        ("甲乙推送 SDK", "甲乙科技有限公司", ("android-id", "oaid", "network-state"), "https://push.example.cn/p"),
        ("丙丁地图 SDK", "丙丁软件有限公司", ("ip",), "")]


def test_stacked_pipe_header_under_a_caption_and_an_empty_row(tmp_path):
    # "第三方列表 |" then "||||" over a header written one cell per line
    d = _read(tmp_path, "第三方列表 |\n||||\nSDK名称 |\n使用目的 |\n公司 |\n"
                        "甲乙统计SDK |\n统计分析 |\n甲乙数据有限公司 |\n"
                        "丙丁地图SDK |\n定位 |\n丙丁软件有限公司 |\n", "p.txt")
    assert [(s.name, s.company, s.purpose) for s in d.sdks] == [
        ("甲乙统计SDK", "甲乙数据有限公司", "统计分析"), ("丙丁地图SDK", "丙丁软件有限公司", "定位")]


def test_a_lone_slash_cell_is_whole_not_continued(tmp_path):
    # "/" (none) in the permission column must not swallow the next cell
    d = _read(tmp_path, "| SDK名称 | 所需权限 | 收集的信息 | 公司 |\n"
                        "| 甲乙推送SDK | / | IMEI | 甲乙科技有限公司 |\n"
                        "| 丙丁地图SDK | / | IP地址 | 丙丁软件有限公司 |\n")
    assert [(s.name, s.company, s.data_types, s.permissions) for s in d.sdks] == [
        ("甲乙推送SDK", "甲乙科技有限公司", ("imei",), ()), ("丙丁地图SDK", "丙丁软件有限公司", ("ip",), ())]
    d = _read(tmp_path, "SDK名称 |\n所需权限 |\n收集的信息 |\n公司 |\n甲乙推送SDK |\n/ |\nIMEI |\n甲乙科技有限公司 |\n"
                        "丙丁地图SDK |\n/ |\nIP地址 |\n丙丁软件有限公司 |\n", "q.txt")
    assert [(s.name, s.company, s.data_types) for s in d.sdks] == [
        ("甲乙推送SDK", "甲乙科技有限公司", ("imei",)), ("丙丁地图SDK", "丙丁软件有限公司", ("ip",))]


def test_a_row_without_its_link_cell_keeps_its_company(tmp_path):
    # the first row leaves out its link cell, so its company sits under the link column and the company cell is empty
    d = _read(tmp_path, "| SDK名称 | 用途 | 隐私政策链接 | 公司 |\n"
                        "| 甲乙推送SDK | 推送 | 甲乙科技有限公司 | |\n"
                        "| 丙丁地图SDK | 定位 | https://map.example.cn/p | 丙丁软件有限公司 |\n")
    assert [(s.name, s.company, s.link) for s in d.sdks] == [
        ("甲乙推送SDK", "甲乙科技有限公司", ""), ("丙丁地图SDK", "丙丁软件有限公司", "https://map.example.cn/p")]


def test_blank_separated_sdk_table_with_company_first(tmp_path):
    # header and rows copied as text, cells separated by blanks; the data cell has blanks of its own
    d = _read(tmp_path, "第三方SDK清单\n第三方公司名称 SDK名称 收集的个人信息 使用目的 第三方隐私政策链接\n"
                        "甲乙科技有限公司 甲乙推送SDK 设备型号、Android ID、user agent 用于消息推送 https://push.example.cn/p\n"
                        "丙丁软件有限公司 丙丁定位SDK IP地址 用于定位 https://map.example.cn/p\n"
                        "以上为全部第三方SDK。\n", "p.txt")
    assert [(s.name, s.company, s.data_types, s.purpose, s.link) for s in d.sdks] == [
        ("甲乙推送SDK", "甲乙科技有限公司", ("android-id", "device-model"), "用于消息推送", "https://push.example.cn/p"),
        ("丙丁定位SDK", "丙丁软件有限公司", ("ip",), "用于定位", "https://map.example.cn/p")]


def _pairs(d):
    return sorted((s.name, p.removeprefix("android.permission.")) for s in d.scenes for p in s.permissions)


def test_a_section_listing_the_permissions_it_needs_is_no_sdk_row(tmp_path):
    # "3.2 接入 SDK 的权限要求" over "必要权限：" and `CONSTANT`：purpose items: scenes, not a row named by the heading
    d = _read(tmp_path, "## 3.2 接入 SDK 的权限要求\n必要权限：\n- `CAMERA`：扫码登录\n- `RECORD_AUDIO`：语音留言\n")
    assert [s.name for s in d.sdks] == []
    assert _pairs(d) == [("扫码登录", "CAMERA"), ("语音留言", "RECORD_AUDIO")]
    d = _read(tmp_path, "### 4.1 App SDK 合规要求\n必选权限（Android）：\n- `INTERNET`：网络通信\n- `CAMERA`：扫码\n", "q.md")
    assert [s.name for s in d.sdks] == []
    assert _pairs(d) == [("扫码", "CAMERA"), ("网络通信", "INTERNET")]


def test_another_platforms_permission_constant_is_not_android(tmp_path):
    # HarmonyOS constants name the same words ("internet", "microphone") but are not Android permissions
    d = _read(tmp_path, "鸿蒙权限：\n- 必选：`ohos.permission.INTERNET`\n- 可选：`ohos.permission.MICROPHONE`\n"
                        "安卓权限：\n- `android.permission.CAMERA`：拍照\n")
    assert sorted(p.permission.removeprefix("android.permission.") for p in d.permissions) == ["CAMERA"]


def test_two_constants_written_with_one_shared_tail(tmp_path):
    # "READ/WRITE_EXTERNAL_STORAGE" names both storage permissions
    d = _read(tmp_path, "所需权限：\n- `READ/WRITE_EXTERNAL_STORAGE`：保存和读取下载的文件\n- `CAMERA`：拍照\n")
    assert _pairs(d) == [("保存和读取下载的文件", "READ_EXTERNAL_STORAGE"), ("保存和读取下载的文件", "WRITE_EXTERNAL_STORAGE"),
                         ("拍照", "CAMERA")]


def test_lexicon_words_seen_in_round_five(tmp_path):
    # "共享的信息" labels the data; "Serial" alone is the serial number; "音频内容" is audio; 闪光灯/自启动 permissions
    d = _read(tmp_path, "甲乙支付SDK\n第三方主体：甲乙支付有限公司\n共享的信息：IMEI、Serial、音频内容\n使用场景：支付时\n\n"
                        "| 权限名称 | 使用场景或目的 |\n|---|---|\n| 闪光灯权限 | 扫码时照明 |\n| 自启动 | 接收推送 |\n", "p.md")
    assert [(s.name, s.company, s.data_types) for s in d.sdks] == [
        ("甲乙支付SDK", "甲乙支付有限公司", ("imei", "serial", "microphone"))]
    assert _pairs(d) == [("扫码时照明", "FLASHLIGHT"), ("接收推送", "RECEIVE_BOOT_COMPLETED")]


def test_a_catalog_entry_named_only_for_what_it_does_does_not_claim_a_row(tmp_path):
    # the catalog has an entry whose name is "语音识别 SDK" (speech recognition SDK): a row that says only
    # what it does, or a longer name holding those words, stays unresolved; the entry's alias still resolves
    speech = entry("baidu-asr-demo", "语音识别 SDK", "百度语音识别", vendor="Beijing Baidu Netcom", category="speech")
    d = _read(tmp_path, "| SDK名称 | 公司 |\n|---|---|\n| 流式语音识别SDK | 甲乙科技有限公司 |\n| 语音识别SDK | 丙丁有限公司 |\n"
                        "| 百度语音识别 | 北京百度网讯科技有限公司 |\n", "p.md", speech)
    assert [(s.name, s.id) for s in d.sdks] == [("流式语音识别SDK", None), ("语音识别SDK", None),
                                                 ("百度语音识别", "baidu-asr-demo")]


def test_bullets_around_a_record_are_not_rows(tmp_path):
    # a sentence bullet introducing a record that names itself ("SDK 名称：…" below), the record's label
    # bullets, and a bullet list of data kinds (one of them also a catalog name) are not SDK rows
    d = _read(tmp_path, "合规要求\n- 用户同意隐私政策后，才可初始化\n- App 应向用户披露 甲乙推送SDK：\n"
                        "  - SDK 名称：甲乙推送SDK\n  - 第三方主体：甲乙科技有限公司\n  - 使用目的：消息推送\n"
                        "可选的信息采集：\n- 地理位置信息\n- OAID\n- WiFi 信息\n- 运营商信息\n",
              "p.md", entry("msa-oaid", "OAID", "MSA OAID"))
    assert [(s.name, s.company) for s in d.sdks] == [("甲乙推送SDK", "甲乙科技有限公司")]


def test_a_name_with_an_inner_capital_is_spotted_without_it(tmp_path):
    # the catalog writes "AdMob"; the policy writes "Admob" in a sentence
    d = _read(tmp_path, "This app uses Admob, a third party service, to show adverts.\n", "p.md",
              entry("google-admob", "AdMob", "Google AdMob"))
    assert [(s.name, s.id) for s in d.sdks] == [("Admob", "google-admob")]


def test_a_kind_of_sdk_named_in_a_sentence_is_not_a_row(tmp_path):
    # "ad SDKs" says what kind of SDK, even when some catalog entry happens to be named so
    d = _read(tmp_path, "No background uploads, analytics, or ad SDKs are included in this app.\n", "p.md",
              entry("adsdk", "Ad SDK"))
    assert d.sdks == ()


def test_blank_separated_permission_table_with_full_constants_first(tmp_path):
    # rows open with the full constant (longer than a label usually is), the scene after it
    d = _read(tmp_path, "权限名称 权限功能说明 使用场景或目的\n"
                        "android.permission.CAMERA 拍摄照片 用于扫描文档\n"
                        "android.permission.WRITE_EXTERNAL_STORAGE 写入外部存储 保存生成的文档到本地\n"
                        "android.permission.READ_EXTERNAL_STORAGE 读取外部存储 从相册导入图片\n", "p.txt")
    assert sorted(p for s in d.scenes for p in s.permissions) == [
        "android.permission.CAMERA", "android.permission.READ_EXTERNAL_STORAGE", "android.permission.WRITE_EXTERNAL_STORAGE"]
    assert len(d.scenes) == 3


def test_pipe_table_rows_spanning_several_lines_are_anchored_on_the_sdk_name(tmp_path):
    # copied from a page with rowspans: the SDK's line, its purpose alone on the next line, then more
    # "kind | fields |" lines of the same SDK
    d = _read(tmp_path, "SDK名称 | 提供方 | 信息类型 | 个人信息字段 | 用途 |\n"
                        "甲乙广告SDK | 甲乙科技有限公司 | 设备信息 | IMEI、OAID |\n"
                        "广告投放 |\n网络信息 | IP地址 |\n广告反作弊 | ||\n应用信息 | 应用安装列表 |\n统计 | ||\n"
                        "丙丁推送SDK | 丙丁软件有限公司 | 设备信息 | Android ID | 推送消息 |\n", "p.txt")
    assert [(s.name, s.company, s.data_types) for s in d.sdks] == [
        ("甲乙广告SDK", "甲乙科技有限公司", ("imei", "oaid", "ip", "installed-apps")),
        ("丙丁推送SDK", "丙丁软件有限公司", ("android-id",))]


def test_company_line_under_a_heading_and_a_note_between_labels(tmp_path):
    # "Android SDK" heading over "第三方名称：…" then "SDK名称：…"; an e-mail line closing a record is not the next
    # record's name; a note line with the privacy link sits between two label lines
    d = _read(tmp_path, "安卓端SDK\n\n第三方名称：甲乙支付有限公司\nSDK名称：甲乙支付\n使用场景：提现\n"
                        "以下信息由该SDK收集，其隐私政策（https://pay.example.cn/p）说明如下：\n收集信息类型：订单号、IMEI\n"
                        "联系方式：400-000\nprivacy@pay.example.cn（邮箱）\n\n"
                        "第三方公司名称：丙丁科技有限公司\nSDK名称：丙丁认证\n使用场景：登录\n收集信息类型：设备型号\n", "p.txt")
    assert [(s.name, s.company, s.link, s.data_types) for s in d.sdks] == [
        ("甲乙支付", "甲乙支付有限公司", "https://pay.example.cn/p", ("imei",)),
        ("丙丁认证", "丙丁科技有限公司", "", ("device-model",))]


def test_a_sentence_pointing_to_the_table_below_takes_its_data(tmp_path):
    # a vendor page: "甲乙推送SDK 收集的个人信息如下表所示" then a table of data items (no SDK column)
    d = _read(tmp_path, "甲乙推送SDK 所收集的个人信息清单如下表所示。\n\n| 序号 | 信息名称 | 使用目的 |\n|---|---|---|\n"
                        "| 1 | OAID | 推送 |\n| 2 | 终端IP | 链路优化 |\n", "p.md", entry("jiayi-push", "甲乙推送SDK"))
    assert [(s.name, s.data_types) for s in d.sdks] == [("甲乙推送SDK", ("oaid", "ip"))]


def test_a_bracketed_list_of_data_is_not_an_sdk_name(tmp_path):
    # "设备信息（…），应用信息（应用名、应用包名、包含的SDK信息）" under a bullet: data, not a row named by the bracket
    d = _read(tmp_path, "- 本应用收集报错信息，包含：\n  + 设备信息（设备型号、IP地址），应用信息（应用名、应用包名、包含的SDK信息、报错堆栈）\n"
                        "- 推送通知消息（甲乙推送SDK）\n", "p.md")
    assert [s.name for s in d.sdks] == ["甲乙推送SDK"]


def test_a_later_sentence_naming_the_sdk_over_a_list_gives_its_data(tmp_path):
    # the SDK is named first in one paragraph; a later paragraph names it again and lists what it collects
    d = _read(tmp_path, "This game shows adverts with JiayiAds, a third-party service.\n\n"
                        "Some information JiayiAds may collect from users:\n\n- IP address\n- Device model\n",
              "p.md", entry("jiayi-ads", "JiayiAds"))
    assert [(s.name, s.data_types) for s in d.sdks] == [("JiayiAds", ("ip", "device-model"))]


def test_blank_separated_permission_table_rows_about_other_things(tmp_path):
    # "应用信息(…)" and "传感器" rows name no permission: their lines are not the camera row's scene
    d = _read(tmp_path, "权限名称 业务功能 场景说明 是否可关闭\n"
                        "相机权限 扫码登录 登录页扫描二维码 可关闭\n"
                        "应用信息(应用包名、版本号) 1、检查更新\n2、广告投放 可关闭,关闭后无法更新\n"
                        "存储权限 保存图片 保存海报到相册 可关闭\n"
                        "传感器 1、陀螺仪\n自动旋转屏幕 可关闭\n", "p.txt")
    # each one-line row is read by the header's titles: 业务功能 holds the scene
    assert _pairs(d) == [("保存图片", "READ_EXTERNAL_STORAGE"), ("保存图片", "WRITE_EXTERNAL_STORAGE"),
                         ("扫码登录", "CAMERA")]


def test_permission_names_listed_as_what_a_row_collects(tmp_path):
    # "收集个人信息类型：设备状态权限、网络连接权限": the row names the permissions it uses
    d = _read(tmp_path, "甲乙支付SDK\n第三方名称：甲乙支付有限公司\n收集个人信息类型：设备状态权限、网络连接权限\n", "p.txt")
    assert [(s.name, s.permissions) for s in d.sdks] == [
        ("甲乙支付SDK", ("android.permission.INTERNET", "android.permission.READ_PHONE_STATE"))]


def test_a_permission_named_as_the_state_read_is_not_a_row_permission(tmp_path):
    # "通知栏状态（如通知栏权限、用户点击行为）" lists what is read, not a permission the row uses
    d = _read(tmp_path, "| SDK名称 | 收集的信息 |\n|---|---|\n| 甲乙推送SDK | 设备型号、通知栏状态（如通知栏权限、用户点击行为） |\n")
    assert [(s.name, s.permissions) for s in d.sdks] == [("甲乙推送SDK", ())]
