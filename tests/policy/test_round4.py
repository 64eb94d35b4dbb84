"""Issue 11, round 4: general mechanisms found on a third hand-labelled corpus, each in our own words with
expected values written by hand."""

from __future__ import annotations

from auditor.policy import read_policy
from tests.policy.helpers import entry, memory_catalog


def test_link_cell_of_link_text_and_url_keeps_the_scheme(tmp_path):
    # "某某隐私协议 https://…": the scheme's colon is not a "label: value" inside the cell
    path = tmp_path / "p.md"
    path.write_text("<table><tr><th>SDK名称</th><th>使用目的</th><th>隐私权政策链接</th></tr>"
                    "<tr><td>示例推送SDK</td><td>消息推送</td>"
                    "<td><a href=\"https://push.example.com/privacy\">示例隐私协议</a></td></tr>"
                    "<tr><td>另一个统计SDK</td><td>统计</td><td>统计隐私协议 https://stats.example.cn/p</td></tr></table>\n",
                    encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert [(s.name, s.link) for s in d.sdks] == [("示例推送SDK", "https://push.example.com/privacy"),
                                                   ("另一个统计SDK", "https://stats.example.cn/p")]


def test_bullet_records_with_their_labels_as_sibling_bullets(tmp_path):
    # "- Name" then "- Label: value" bullets at the same depth: each name bullet starts its own record
    path = tmp_path / "p.md"
    path.write_text("Partners we share data with:\n"
                    "- Alpha Push SDK\n- Third Party: Alpha Mobile Co., Ltd.\n- Purpose of Use: push messages\n"
                    "- Shared Information: running application list\n"
                    "- Beta Analytics SDK\n- Third Party: Beta Data Inc.\n- Purpose of Use: statistics\n"
                    "- Shared Information: Android ID\n", encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert [(s.name, s.company, s.data_types) for s in d.sdks] == [
        ("Alpha Push SDK", "Alpha Mobile Co., Ltd.", ("running-apps",)),
        ("Beta Analytics SDK", "Beta Data Inc.", ("android-id",))]


def test_company_line_before_the_name_line_belongs_to_that_record(tmp_path):
    # each block states its company first ("第三方公司名称：…"), then "SDK名称：…"
    path = tmp_path / "p.txt"
    path.write_text("第三方SDK说明\n\n第三方公司名称：甲乙科技有限公司\nSDK名称：甲乙地图\n使用目的：显示地图\n"
                    "第三方隐私政策链接：https://map.example.cn/privacy\n\n"
                    "第三方公司名称：丙丁支付有限公司\nSDK名称：丙丁支付SDK\n使用目的：完成支付\n"
                    "第三方隐私政策链接：https://pay.example.cn/privacy\n", encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert [(s.name, s.company, s.link) for s in d.sdks] == [
        ("甲乙地图", "甲乙科技有限公司", "https://map.example.cn/privacy"),
        ("丙丁支付SDK", "丙丁支付有限公司", "https://pay.example.cn/privacy")]


def _pairs(d):
    return sorted((s.name, p) for s in d.scenes for p in s.permissions)


def test_constant_lines_each_over_its_purpose(tmp_path):
    # a quoted constant on its own line, its purpose on the next (Markdown blockquote, bold purpose)
    path = tmp_path / "p.md"
    path.write_text("## What the app may ask for\n\n> android.permission.READ_CONTACTS\n\n**Used to suggest friends.**\n\n"
                    "> android.permission.RECORD_AUDIO\n\nUsed to send voice notes.\n\n"
                    "> android.permission.NFC\n\n**Used to pair with a tag.**\n", encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert _pairs(d) == [("Used to pair with a tag.", "android.permission.NFC"),
                         ("Used to send voice notes.", "android.permission.RECORD_AUDIO"),
                         ("Used to suggest friends.", "android.permission.READ_CONTACTS")]


def test_heading_that_is_a_one_word_constant_reference(tmp_path):
    # "### [VIBRATE][VIBRATE]": a Markdown reference label naming a one-word constant
    path = tmp_path / "p.md"
    path.write_text("## Permissions\n\n### [VIBRATE][VIBRATE]\n\nNeeded to buzz when a timer ends.\n\n"
                    "### [INTERNET][INTERNET]\n\nNeeded to fetch the weather.\n\n"
                    "[VIBRATE]: https://developer.android.com/reference/android/Manifest.permission#VIBRATE\n",
                    encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert [p for _, p in _pairs(d)] == ["android.permission.VIBRATE", "android.permission.INTERNET"]


def test_item_line_with_description_and_scene_labels(tmp_path):
    # "功能说明：… 使用场景和目的：…" on one line: the scene is the scene label's text; two constants with the
    # same scene are one scene
    path = tmp_path / "p.txt"
    path.write_text("安卓系统应用权限列表\n\n1、RECORD_AUDIO 麦克风权限\n\n功能说明:允许程序录音 使用场景和目的:发送语音留言\n\n"
                    "2、ACCESS_COARSE_LOCATION 定位权限\n\n功能说明:基站定位。 使用场景和目的:签到时获取位置\n\n"
                    "3、ACCESS_FINE_LOCATION 定位权限\n\n功能说明:卫星定位。 使用场景和目的:签到时获取位置\n",
                    encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert _pairs(d) == [("发送语音留言", "android.permission.RECORD_AUDIO"),
                         ("签到时获取位置", "android.permission.ACCESS_COARSE_LOCATION"),
                         ("签到时获取位置", "android.permission.ACCESS_FINE_LOCATION")]


def test_long_introduction_line_makes_plain_labels_permission_items(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("## Use of information\n\nThe application asks for the following permissions because its built-in "
                    "scripting library lets your own programs use the features of your phone directly:\n"
                    "1. Camera (for the photo module)\n2. Record audio (for the sound module)\n", encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert _pairs(d) == [("Camera (for the photo module)", "android.permission.CAMERA"),
                         ("Record audio (for the sound module)", "android.permission.RECORD_AUDIO")]


def test_flattened_permission_table_permission_first_with_constants_column(tmp_path):
    # one cell a line: 权限名称 / 相关权限 (constants) / 权限功能说明 / 使用场景或目的; a caption line above
    path = tmp_path / "p.txt"
    path.write_text("安卓应用权限列表\n\n权限名称\n\n相关权限\n\n权限功能说明\n\n使用场景或目的\n\n"
                    "相机\n\nCAMERA\n\n使用摄像头拍照\n\n用于扫码添加好友\n\n"
                    "后台定位\n\nACCESS_BACKGROUND_LOCATION\n\n在后台获取位置\n\n用于行程记录\n\n"
                    "读取联系人\n\nREAD_CONTACTS\n\n读取通讯录\n\n用于邀请好友\n", encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert _pairs(d) == [("用于扫码添加好友", "android.permission.CAMERA"),
                         ("用于行程记录", "android.permission.ACCESS_BACKGROUND_LOCATION"),
                         ("用于邀请好友", "android.permission.READ_CONTACTS")]


def test_pipe_rows_closed_by_a_pipe_continue_a_cell_over_lines(tmp_path):
    # rows close with "|"; a line that does not close goes on: its last cell continues on the next line
    path = tmp_path / "p.txt"
    path.write_text("权限名称 | 业务功能 | 场景说明 | 是否可关闭 |\n"
                    "网络权限 | 1、同步数据\n和用户信息 |\n拉取最新内容 | 可关闭 |\n"
                    "IMEI权限 | 识别设备 | 防止作弊 | 可关闭 |\n"
                    "相机权限 |\n1.拍照反馈 |\n拍照后发送给客服 |\n可关闭 |\n", encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert _pairs(d) == [("1.拍照反馈", "android.permission.CAMERA"),
                         ("1、同步数据 和用户信息", "android.permission.INTERNET"),
                         ("识别设备", "android.permission.READ_PHONE_STATE")]


def test_catalog_name_written_as_a_link_in_prose_with_the_list_after(tmp_path):
    # a single plain word is not spotted in prose, but written as a link to a page it is a mention;
    # the sentence ends with a colon: the bullets after it say what is collected
    catalog = memory_catalog(entry("bugreporter", "Bugreporter"), entry("other", "Other Kit"))
    path = tmp_path / "p.md"
    path.write_text("## Crashes\n\nWe rely on [Bugreporter](https://bugreporter.example/privacy) to learn about crashes. "
                    "It may gather, for instance:\n\n- the device model and Android version\n- the stack trace\n\n"
                    "Bugreporter is great.\n", encoding="utf-8")
    d = read_policy(path, catalog)
    assert [(s.name, s.id, s.link, s.data_types) for s in d.sdks] == [
        ("Bugreporter", "bugreporter", "https://bugreporter.example/privacy", ("device-model",))]


def test_permission_table_copied_with_blank_separated_cells(tmp_path):
    # header of blank-separated titles (permission column first); rows open with a Chinese system label,
    # a cell may go on over lines; bare verb last ("发送短信、接收"), 获取应用账户, 读写系统设置
    path = tmp_path / "p.txt"
    path.write_text("应用权限说明\n权限名称 业务功能 使用目的 是否可关闭\n"
                    "相机 扫码登录 扫描网页上的二维码 是\n"
                    "发送短信、接收 短信验证 自动填入验证码\n收到验证码时 是\n"
                    "获取应用账户 填写地址 快速填入收件人 是\n"
                    "读写系统设置 同步登录 多个服务共享登录状态 否\n", encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    # a row on one line, one cell per header title, is read by the titles: 业务功能 holds the scene, 使用目的
    # its description; a row going on over lines keeps its text after the label as the scene
    assert [(s.name, tuple(p.removeprefix("android.permission.") for p in s.permissions)) for s in d.scenes] == [
        ("扫码登录", ("CAMERA",)),
        ("短信验证 自动填入验证码 收到验证码时 是", ("RECEIVE_SMS", "SEND_SMS")),
        ("填写地址", ("GET_ACCOUNTS",)),
        ("同步登录", ("WRITE_SETTINGS",))]
    assert [s.description for s in d.scenes if s.name == "扫码登录"] == ["扫描网页上的二维码"]


def test_entry_name_written_inside_a_longer_descriptive_name():
    from auditor.policy.lexicon_data import load_lexicon
    from auditor.policy.resolve import Evidence, build_resolver
    catalog = memory_catalog(entry("crashkit", "Crashkit", "崩溃宝"), entry("codecbuf", "Codecbuf"),
                       entry("crashboard", "Crashboard"))
    resolver = build_resolver(catalog, load_lexicon())
    assert resolver.resolve(Evidence(name="某某 Crashkit 闪退统计SDK")).id == "crashkit"
    assert resolver.resolve(Evidence(name="Codecbuf 编解码")).id == "codecbuf"
    # two entries written inside: which one is not said
    assert resolver.resolve(Evidence(name="Crashkit and Crashboard bundle")).id is None


def test_long_english_labels_of_a_record(tmp_path):
    # a 40-odd-character label with an empty value, bullets under it, then the link label
    path = tmp_path / "p.txt"
    path.write_text("Third-party SDKs we connect include:\n\nCargo Push SDK\n\nOperator: Cargo Mobile Ltd.\n"
                    "Function: to deliver notifications\nCategory of personal information collected:\n"
                    "  • Device information: to tell devices apart.\n"
                    "Link to the Operator's Privacy Policy: https://cargo.example/privacy\n", encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert [(s.name, s.company, s.link) for s in d.sdks] == [
        ("Cargo Push SDK", "Cargo Mobile Ltd.", "https://cargo.example/privacy")]


def test_a_catalog_name_followed_by_store_is_the_app_store(tmp_path):
    catalog = memory_catalog(entry("cloud-play", "Cloud Play", "CloudPlay"))
    path = tmp_path / "p.md"
    path.write_text("If you buy the Pro version in the CloudPlay Store, we receive the order number.\n\n"
                    "Crash reports are sent through CloudPlay when you opt in.\n", encoding="utf-8")
    d = read_policy(path, catalog)
    assert [(s.name, s.evidence.line_start) for s in d.sdks] == [("CloudPlay", 3)]


def test_common_base_named_with_what_it_does_is_that_product():
    import dataclasses

    from auditor.policy.lexicon_data import load_lexicon
    from auditor.policy.resolve import Evidence, build_resolver
    base = dataclasses.replace(entry("acme-core", "Acme Core", "AcmeBase", category="framework"),
                               part_of=("acme-push", "acme-login"))
    catalog = memory_catalog(base, entry("acme-push", "Acme Push Kit", category="push"),
                       entry("acme-login", "Acme Account Kit", category="login-share"))
    resolver = build_resolver(catalog, load_lexicon())
    assert resolver.resolve(Evidence(name="AcmeBase", words="AcmeBase 用于推送消息")).id == "acme-push"
    assert resolver.resolve(Evidence(name="AcmeBase", words="AcmeBase 登录")).id == "acme-login"
    assert resolver.resolve(Evidence(name="AcmeBase", words="AcmeBase")).id == "acme-core"  # says nothing more


def test_more_data_words_of_policies():
    from auditor.policy.lexicon_data import load_lexicon
    lexicon = load_lexicon()

    def tags(text):
        return {d for d, _ in lexicon.data_types_in(text, cell=True)}

    assert tags("经纬度、软件列表信息") == {"location-fine", "installed-apps"}
    assert tags("附近的WiFi名称") == {"wifi-info"}
    assert tags("the serial number and nearby Wi-Fi networks") == {"serial", "wifi-info"}
    assert tags("voice recordings you make") == {"microphone"}


def test_sdk_record_written_on_one_line(tmp_path):
    # a page that flattened each record to one line: "SDK名称:X 使用目的:Y 运营方:Z …"
    path = tmp_path / "p.txt"
    path.write_text("第三方SDK清单\nSDK名称:甲乙广告SDK 使用目的:广告投放 运营方:甲乙网络科技有限公司 "
                    "收集个人信息类型:设备型号、OAID 隐私政策:https://ads.example.cn/privacy\n"
                    "SDK名称:丙丁统计SDK 使用目的:统计分析 运营方:丙丁数据有限公司 收集个人信息类型:IP地址\n",
                    encoding="utf-8")
    d = read_policy(path, memory_catalog(entry("demo", "Demo")))
    assert [(s.name, s.company, s.purpose, s.data_types, s.link) for s in d.sdks] == [
        ("甲乙广告SDK", "甲乙网络科技有限公司", "广告投放", ("oaid", "device-model"), "https://ads.example.cn/privacy"),
        ("丙丁统计SDK", "丙丁数据有限公司", "统计分析", ("ip",), "")]
