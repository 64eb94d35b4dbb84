"""Things that are never an SDK row's name: code punctuation, a tag left in the text, a category of data, a clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.policy.text import name_like
from tests.policy.helpers import read_text, small_catalog


@pytest.mark.parametrize("cell, expected", [
    ("{", False), ("}, {", False), ("/**", False), ("<br/>", False), ("--", False),
    ("SDK隐私协议", False), ("Privacy Policy", False), ("第三方隐私政策", False), ("AdMob Privacy Policy", True),
    ("{sdk.name}", False), ("fontWeight = FontWeight.Bold", False),
    ("JPush", True), ("极光推送", True), ("U-App", True), ("360加固", True),
    ("Contact", False), ("Contact us", False), ("联系我们", False), ("Contact Center SDK", True),
    ("Before adding a new SDK", False), ("Once an SDK is updated", False), ("Upon request", False),
    ("After Effects SDK", True),
    # a field an SDK reports, its key in brackets
    ("SDK Name (sdkName)", False), ("OEM Name (oemName)", False), ("Bugly (Tencent)", True),
])
def test_a_name_has_a_letter_and_is_no_tag(cell: str, expected: bool) -> None:
    assert name_like(cell) is expected


def test_a_data_section_linked_among_the_services_is_no_row(tmp_path: Path) -> None:
    text = ("The app uses these third-party services:\n\n* [JPush](https://example.com/jpush)\n"
            "* [AppsFlyer](https://example.com/appsflyer)\n* [Log Data](https://example.com/privacy)\n")
    rows = read_text(tmp_path, "p.md", text, small_catalog()).sdks
    assert [r.name for r in rows] == ["JPush", "AppsFlyer"]


def test_etc_and_a_privacy_policy_heading_are_no_rows(tmp_path: Path) -> None:
    text = ("We integrate SDKs such as JPush, AppsFlyer,\netc. to deliver messages.\n\n"
            "SDK隐私协议\n第三方名称：深圳市和讯华谷信息技术有限公司\n链接：https://example.com/privacy\n")
    names = [r.name for r in read_text(tmp_path, "p.txt", text, small_catalog()).sdks]
    assert "etc." not in names and "etc" not in names and "SDK隐私协议" not in names
    assert {"JPush", "AppsFlyer"} <= set(names)


def test_a_link_to_a_service_privacy_page_names_the_service(tmp_path: Path) -> None:
    text = ("The app uses these third-party services:\n\n* [JPush Privacy Policy](https://example.com/jpush)\n"
            "* [AppsFlyer](https://example.com/appsflyer)\n* [Acme Tracker Privacy Policy](https://example.com/acme)\n")
    rows = read_text(tmp_path, "p.md", text, small_catalog()).sdks
    assert [(r.name, r.id) for r in rows] == [("JPush", "jpush"), ("AppsFlyer", "appsflyer"), ("Acme Tracker", None)]


def test_links_after_a_run_of_labels_are_not_its_last_value(tmp_path: Path) -> None:
    # a link's scheme colon makes no label: the links after a list of labelled items are the services used
    text = ("What we collect\n- Contact details: the email you give us.\n- Usage: the screens you open.\n"
            "[JPush](https://example.com/jpush-privacy)\n[AppsFlyer](https://example.com/af-privacy)\n")
    rows = read_text(tmp_path, "p.txt", text, small_catalog()).sdks
    assert {"JPush", "AppsFlyer"} <= {r.name for r in rows}


def test_a_section_on_what_is_collected_is_no_sdk_row(tmp_path: Path) -> None:
    text = ("Information Collection and Use\n- Personal Information: the email you give us.\n"
            "- Usage Data: the screens you open.\n")
    assert read_text(tmp_path, "p.txt", text, small_catalog()).sdks == ()


def test_apps_looked_for_on_the_device_are_no_sdks(tmp_path: Path) -> None:
    looked_for = "为展示分享入口，本应用会查询极光推送、小米推送、友盟统计等应用的安装状态。\n"
    assert read_text(tmp_path, "a.txt", looked_for, small_catalog()).sdks == ()
    used = "为提供推送和统计服务，我们集成了极光推送、小米推送、友盟统计。\n"
    assert {r.id for r in read_text(tmp_path, "b.txt", used, small_catalog()).sdks} == {
        "jpush", "xiaomi-push", "umeng-analytics"}


def test_a_user_account_at_a_service_is_data_not_the_sdk(tmp_path: Path) -> None:
    never = "我们绝不会收集：\n- 你的姓名、手机号、小米推送账户\n"
    assert read_text(tmp_path, "a.md", never, small_catalog()).sdks == ()
    login = "我们集成了第三方登录SDK，支持 Google Sign-In 账号登录。\n"
    assert [r.id for r in read_text(tmp_path, "b.md", login, small_catalog()).sdks] == ["google-sign-in"]


def test_words_about_the_sdk_are_no_names(tmp_path: Path) -> None:
    text = ("| 数据 | Android | 用途 |\n| --- | --- | --- |\n| 系统语言 | SDK 读取 | 展示语言 |\n| 访客标识 | SDK 生成并保存 | 恢复会话 |\n\n"
            "退出登录不等同于：\n\n- 清空 SDK 的全部本地缓存；\n- SDK 初始化完成后再次调用；\n")
    assert read_text(tmp_path, "p.md", text, small_catalog()).sdks == ()


def test_a_field_table_with_one_column_per_platform_is_one_row_each(tmp_path: Path) -> None:
    text = ("| 字段 | Android | iOS |\n| --- | --- | --- |\n| SDK 名称 | Acme Chat Android SDK | Acme Chat iOS SDK |\n"
            "| 提供方 | 某某软件有限公司 | 某某软件有限公司 |\n| 使用目的 | 在线客服 | 在线客服 |\n| 权限 | 网络 | 网络 |\n")
    rows = read_text(tmp_path, "p.md", text, small_catalog()).sdks
    assert [(r.name, r.company, r.purpose) for r in rows] == [
        ("Acme Chat Android SDK", "某某软件有限公司", "在线客服"), ("Acme Chat iOS SDK", "某某软件有限公司", "在线客服")]


PHONES = ("我们接入了厂商推送SDK。如您使用魅族/vivo/oppo/华为/小米手机时，魅族/vivo/oppo/华为/小米SDK需要读取您的设备识别号，"
          "用于下发通知。\n")


def test_phone_brands_listed_before_a_device_noun_are_no_rows(tmp_path: Path, real_catalog) -> None:
    """"如您使用…/小米手机时": the items up to the device noun are phones, not SDKs (nor is "小米手机时")."""
    rows = read_text(tmp_path, "p.txt", PHONES, real_catalog).sdks
    assert [r.name for r in rows] == []


def test_a_purpose_clause_after_an_enumeration_of_sdks_is_no_name(tmp_path: Path, real_catalog) -> None:
    rows = read_text(tmp_path, "p.txt", "我们集成了魅族、vivo、oppo推送SDK，用于下发通知。\n", real_catalog).sdks
    assert "用于下发通知" not in [r.name for r in rows]
    assert "oppo-push" in [r.id for r in rows]


@pytest.fixture(scope="module")
def real_catalog():
    from auditor.catalog.loader import load_catalog
    return load_catalog()


def test_kinds_of_party_and_the_contact_section_are_no_rows(tmp_path: Path) -> None:
    """"Marketing providers" beside a named service is a kind of party; "## Contact" over "Developer:" and
    "Website:" lines is the policy's contact section, not a record of an SDK."""
    text = ("### Service providers\nWe may share data with providers who help us run the app:\n"
            "- Marketing providers\n- Sign-in (Google Sign-In)\n\n## Contact\n\nDeveloper: Jane Roe\n\n"
            "Website: https://example.org/app\n")
    rows = read_text(tmp_path, "p.md", text, small_catalog()).sdks
    assert [r.name for r in rows] == ["Google Sign-In"]


def test_unknown_items_of_a_list_of_data_are_no_sdks(tmp_path: Path) -> None:
    """"例如IMEI/Android ID/AppsFlyer/JPush/AMAZONID/事件时间": the list opens with data, so its unknown items are
    data too, not SDK names; a list of SDKs followed by the data they need keeps its SDKs."""
    text = ("我们的合作伙伴集成SDK后会向我们传输您的个人信息，例如IMEI/Android ID/AppsFlyer/JPush/AMAZONID/事件时间/设备语言。\n"
            "我们的产品集成JPush，AppsFlyer，需要获取您的设备型号，IMEI等信息。\n")
    names = [r.name for r in read_text(tmp_path, "p.txt", text, small_catalog()).sdks]
    assert not {"AMAZONID", "事件时间", "设备语言"} & set(names)
    assert {"JPush", "AppsFlyer"} <= set(names)


def test_the_title_of_a_kind_of_sdk_over_labels_is_no_row(tmp_path: Path) -> None:
    text = ("第三方SDK清单\n\n语音与 AI 类\n用途：语音客服\n共享字段：录音片段\n\n"
            "系统与框架类（不涉及个人信息）\n用途：运行框架\n\n"
            "极光推送SDK\n用途：消息推送\n共享字段：设备标识符（Android ID）\n")
    d = read_text(tmp_path, "sdk.txt", text, small_catalog())
    assert [s.name for s in d.sdks] == ["极光推送SDK"]


def test_a_second_name_like_label_in_a_record_is_the_service_it_gives(tmp_path: Path) -> None:
    # "服务" may name a record where no other label does; after "SDK名称：" it says what the SDK does
    text = ("第三方SDK清单\n"
            "1）SDK名称：极光推送\n服务：消息推送\n收集个人信息：设备标识符（Android ID）\n"
            "2）SDK名称：某某播放器\nSDK厂家：某某科技有限公司\n服务：在线点播\n收集个人信息：IP地址、设备型号\n"
            "[iOS]\n收集信息：IDFA\n")
    d = read_text(tmp_path, "sdk.txt", text, small_catalog())
    assert [(s.name, s.company) for s in d.sdks] == [("极光推送", ""), ("某某播放器", "某某科技有限公司")]
    assert set(d.sdks[1].data_types) == {"ip", "device-model"}


def test_records_numbered_in_outline_each_named_by_the_same_label(tmp_path: Path) -> None:
    text = ("3.2.2.1 第三方名称：极光推送\n功能：消息推送\n收集个人资料类型：设备标识符\n"
            "3.2.2.2 第三方名称：友盟统计\n功能：统计分析\n收集个人资料类型：手机状态和身份\n")
    d = read_text(tmp_path, "sdk.txt", text, small_catalog())
    assert [s.name for s in d.sdks] == ["极光推送", "友盟统计"]


def test_a_line_that_enumerates_data_heads_no_record(tmp_path: Path) -> None:
    text = ("SDK名称：极光推送\n收集信息：\n[iOS]\n设备ID（IDFA 用户授权才收集）、IDFV\n获取信息（未收集）：\n"
            "传感器信息、剪切板内容。\n")
    d = read_text(tmp_path, "sdk.txt", text, small_catalog())
    assert [s.name for s in d.sdks] == ["极光推送"]


@pytest.mark.parametrize("cell, expected", [
    ("For counting installs from ads", False), ("To show ads", False), ("In order to measure installs", False),
    ("When you log in", False), ("Google Analytics for Firebase", True), ("Tapjoy", True), ("Forter SDK", True),
])
def test_an_english_clause_opening_is_no_name(cell: str, expected: bool) -> None:
    assert name_like(cell) is expected


def test_an_item_opening_with_a_clause_names_the_sdk_it_uses_not_the_clause(tmp_path: Path) -> None:
    text = ("## Third-party services\n\n"
            "- For counting installs from our ads, we use AppsFlyer. AppsFlyer receives your advertising ID.\n"
            "- For crash reports, we use Example Crash Kit.\n")
    d = read_text(tmp_path, "p.md", text, small_catalog())
    assert [r.name for r in d.sdks] == ["AppsFlyer"]


def test_a_two_character_chinese_name_inside_other_words_is_not_spotted(tmp_path: Path) -> None:
    # "交易信息" (transaction information) holds the characters of the messenger 易信; 个推 sits inside "每个推送"
    from tests.policy.helpers import entry, memory_catalog
    catalog = memory_catalog(entry("yixin", "Yixin", "易信"), entry("getui", "Getui", "个推"))
    text = ("我们会将您的身份信息、交易信息进行存档。我们会为每个推送消息记录送达状态。\n"
            "为实现消息推送，我们接入了个推，分享时可分享到易信、微信。\n")
    d = read_text(tmp_path, "p.txt", text, catalog)
    assert sorted((s.name, s.evidence.line_start) for s in d.sdks) == [("个推", 2), ("易信", 2)]


@pytest.mark.parametrize("header, role", [
    ("SDK提供者", "company"), ("SDK提供者信息", "company"), ("SDK提供商", "company"), ("提供者", "company"),
    ("SDK名称", "name"), ("SDK类型", "name"),
])
def test_the_provider_of_an_sdk_is_its_company_column(header: str, role: str) -> None:
    from auditor.policy.lexicon_data import load_lexicon
    assert load_lexicon().role(header) == role


def test_a_kind_of_provider_listed_among_the_services_is_no_row(tmp_path: Path) -> None:
    text = ("Third-Party Services\n\nThe app talks to services such as:\n\nJPush (push messages)  \n"
            "AppsFlyer (attribution)  \nmusic and video providers  \n\nEach has its own privacy policy.\n")
    rows = read_text(tmp_path, "p.txt", text, small_catalog()).sdks
    assert [r.name for r in rows] == ["JPush", "AppsFlyer"]


def test_data_items_saying_how_they_are_collected_are_no_rows(tmp_path: Path) -> None:
    # "OAID" is also the name of an SDK; in a list of identifiers each saying why and how it is collected, it is
    # data (the SDK that collects it is named inside the item)
    text = ("2. 设备标识信息：我们会通过集成的第三方SDK收集以下信息：\n"
            "（1）IMEI（国际移动设备识别码）：收集目的：推送消息；收集方式：通过JPush自动收集。\n"
            "（2）OAID（开放匿名设备标识符）：收集目的：统计分析；收集方式：通过JPush自动收集。\n"
            "（3）MAC地址：收集目的：网络安全；收集方式：通过JPush自动收集。\n")
    from tests.policy.helpers import entry, memory_catalog
    catalog = memory_catalog(entry("msa-oaid", "OAID SDK", "OAID", "移动安全联盟OAID"), entry("jpush", "JPush", "极光推送"))
    rows = read_text(tmp_path, "p.txt", text, catalog).sdks
    assert "OAID（开放匿名设备标识符）" not in {r.name for r in rows}
    assert all(r.id != "msa-oaid" for r in rows)


def test_an_identifier_listed_among_data_is_no_library_row(tmp_path: Path) -> None:
    from tests.policy.helpers import entry, memory_catalog
    catalog = memory_catalog(entry("openudid", "OpenUDID", "OpenUDID"), entry("jpush", "JPush", "极光推送"))
    text = "友盟统计会收集设备信息（IMEI/MAC/Android ID/IDFA/OpenUDID/GUID）用于统计分析。\n"
    assert all(r.id != "openudid" for r in read_text(tmp_path, "p.txt", text, catalog).sdks)
    # guard: among SDK names it is the library
    text = "我们集成了OpenUDID、JPush两个SDK，用于生成设备标识和推送。\n"
    assert "openudid" in {r.id for r in read_text(tmp_path, "q.txt", text, catalog).sdks}


def test_the_database_the_app_keeps_its_data_in_is_no_row(tmp_path: Path) -> None:
    from tests.policy.helpers import entry, memory_catalog
    catalog = memory_catalog(entry("sqlite", "SQLite", "SQLite"), entry("sqlcipher", "SQLCipher", "SQLCipher"),
                             entry("jpush", "JPush", "极光推送"))
    text = ("Your notes are kept in a local SQLite database on your phone.\n\n"
            "所有记录保存在本地数据库中（SQLCipher 加密）。\n\nWe use JPush to send reminders.\n")
    assert [r.id for r in read_text(tmp_path, "p.txt", text, catalog).sdks] == ["jpush"]
