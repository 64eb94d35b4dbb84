"""Shapes met in English app policies and read right in round 23: services as underlined or bold HTML
titles over their paragraphs (a title naming several services, a service the catalog does not know between
known ones, one whose paragraph names its company); a list of names each over its privacy page's address,
grouped under titles of their kind, with no lead sentence; plural data words ("Android IDs"). In our own
words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.document import Document, Line
from auditor.policy.extractors.flat_table import _cells as flat_cells
from auditor.policy.loader import load_document
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("unity-analytics", "Unity Analytics"),
                          entry("google-firebase-analytics", "Firebase Analytics", "Firebase"),
                          entry("google-admob", "Google AdMob", "AdMob"),
                          entry("chartboost", "Chartboost"),
                          entry("helpshift", "Helpshift"),
                          entry("applovin", "AppLovin"),
                          entry("umeng-analytics", "Umeng Analytics", "Umeng"),
                          entry("mopub", "MoPub"))


UNDERLINED_SECTIONS = """\
<html><body>
<h3>Our service providers</h3>
<p>We work with the service providers described below.</p>
<p><u>Unity Analytics, Quarry Stats</u><br>
These services count sessions and keep your IP address to tell your country.</p>
<p><u>Pebble Beacon</u><br>
Reports how the game runs. Following data is collected: Android IDs, crash traces.</p>
<p><u>Firebase</u><br>
Keeps a unique ID for your device and the list of installed applications.</p>
<p><strong>AdMob, Chartboost</strong><br>
Mobile advertising platforms. They may collect your advertising identifier.</p>
<p><u>Northwind Maps</u><br>
The app includes software from Northwind Maps, Inc. to show places near you.</p>
<p><u>Helpshift</u><br>
Our ticketing system for support requests.</p>
<h3>Your rights</h3>
<p>You may ask us to delete your data.</p>
</body></html>
"""


def test_underlined_titles_over_paragraphs_are_services_each_with_the_data_of_its_paragraph(tmp_path, catalog):
    d = _read(tmp_path, "providers.html", UNDERLINED_SECTIONS, catalog)
    assert [s.name for s in d.sdks] == ["Unity Analytics", "Quarry Stats", "Pebble Beacon", "Firebase", "AdMob",
                                        "Chartboost", "Northwind Maps", "Helpshift"]
    by_name = {s.name: s for s in d.sdks}
    assert by_name["Quarry Stats"].data_types == ("ip",)  # the paragraph it shares with Unity Analytics
    assert "android-id" in by_name["Pebble Beacon"].data_types  # "Android IDs": the plural names the same
    assert "installed-apps" in by_name["Firebase"].data_types
    assert by_name["Chartboost"].data_types == ("advertising-id",)
    assert by_name["Northwind Maps"].company == "Northwind Maps, Inc."
    assert all(s.extractor == "list" for s in d.sdks)


def test_an_emphasised_line_is_a_title_only_when_it_is_all_emphasis_and_no_sentence(tmp_path):
    page = tmp_path / "emphasis.html"
    page.write_text("<p><b>Sentry</b></p><p><b>Note:</b> we keep logs.</p><p><strong>We never sell data.</strong></p>"
                    "<p>Plain <u>words</u> here</p><p><b>Unclosed title<p>A sentence after it.</p>", encoding="utf-8")
    lines = load_document(page).lines
    assert [(line.text, line.bold) for line in lines] == [
        ("Sentry", True), ("Note: we keep logs.", False), ("We never sell data.", False),
        ("Plain words here", False), ("Unclosed title", True), ("A sentence after it.", False)]


SECTIONS_WITHOUT_A_PROVIDER_LEAD = """\
<h3>Contact</h3>
<p><u>Quarry Stats</u><br>
Write to us about anything.</p>
<p><u>Firebase</u><br>
Keeps a unique ID for your device.</p>
"""


def test_an_unknown_title_is_no_service_outside_a_section_about_third_parties(tmp_path, catalog):
    d = _read(tmp_path, "contact.html", SECTIONS_WITHOUT_A_PROVIDER_LEAD, catalog)
    assert "Quarry Stats" not in [s.name for s in d.sdks]


ADDRESSED_NAMES = """\
Appendix: partners' policies
Advertisement platform
AppLovin
https://www.applovin.com/privacy
MoPub
https://www.mopub.com/legal/privacy/
Larkspur Ads
https://larkspur.example/policy
Analytics platform
Umeng
http://mobile.umeng.com/privacypolicy/
Firebase
https://firebase.google.com/terms/
"""


def test_names_each_over_their_address_are_rows_and_the_titles_of_their_kinds_are_not(tmp_path, catalog):
    d = _read(tmp_path, "partners.txt", ADDRESSED_NAMES, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [
        ("AppLovin", "https://www.applovin.com/privacy"), ("MoPub", "https://www.mopub.com/legal/privacy/"),
        ("Larkspur Ads", "https://larkspur.example/policy"), ("Umeng", "http://mobile.umeng.com/privacypolicy/"),
        ("Firebase", "https://firebase.google.com/terms/")]


TWO_ADDRESSED_NAMES = """\
Links
Home
https://example.com/
Blog
https://example.com/blog
"""


def test_two_names_over_addresses_that_no_catalog_knows_are_no_rows(tmp_path, catalog):
    assert _read(tmp_path, "links.txt", TWO_ADDRESSED_NAMES, catalog).sdks == ()


def test_plural_data_words_count_and_the_phones_permissions_name_no_permission(tmp_path, catalog):
    d = _read(tmp_path, "plural.txt", "To send you alerts, the app calls your mobile phone permissions: network "
              "access and vibration. It reads Android IDs and device identifiers.\n", catalog)
    assert "android.permission.READ_PHONE_STATE" not in [p.permission for p in d.permissions]
    assert "android-id" in [t.data_type for t in d.data_types]


USE_UNDER_NAME_LINES = """\
二、第三方SDK
1、某某统计SDK
SDK服务类型:用于统计分析服务
所需共享个人信息:设备型号、IP地址
所属公司：北京某某数据科技有限公司
2、优量汇广告SDK
SDK服务类型:用于广告服务
所需共享个人信息:IMEI、MAC地址
所属公司：深圳市某某计算机系统有限公司
"""


def test_a_kind_label_saying_what_the_sdk_is_for_is_no_name_of_its_own(tmp_path, catalog):
    d = _read(tmp_path, "uses.txt", USE_UNDER_NAME_LINES, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("某某统计SDK", "北京某某数据科技有限公司"), ("优量汇广告SDK", "深圳市某某计算机系统有限公司")]
    assert d.sdks[1].data_types == ("imei", "mac")


GLUED_LABELS_AFTER_AN_ADDRESS = """\
第三方SDK清单
1、某某地图
公司名称：上海某某计算机技术有限公司SDK官网：https://maps.example.cn/使用目的：用于实现定位和地图展示
2、某某统计
公司名称：北京某某科技有限公司隐私政策链接：https://stats.example.com/privacy使用目的：用于统计数据
"""


def test_labels_glued_after_a_company_and_an_address_each_start_a_field(tmp_path, catalog):
    d = _read(tmp_path, "glued.txt", GLUED_LABELS_AFTER_AN_ADDRESS, catalog)
    assert [(s.name, s.company, s.link) for s in d.sdks] == [
        ("某某地图", "上海某某计算机技术有限公司", "https://maps.example.cn/"),
        ("某某统计", "北京某某科技有限公司", "https://stats.example.com/privacy")]


ANOTHER_PRODUCT_UNDER_A_HEADING = """\
（二）SDK
SDK名称：某某相册选择器
功能：多图选择
SDK主体：个人开发者
友盟推送
收集信息：设备信息
业务场景：向用户推送消息
SDK厂商信息：某某数据科技有限公司
SDK名称：华为推送SDK
功能：推送通知
SDK主体：华为软件技术有限公司
"""


def test_a_name_label_naming_another_product_after_a_headed_record_starts_the_next_record(tmp_path):
    catalog = memory_catalog(entry("umeng-push", "Umeng Push", "友盟推送"),
                             entry("huawei-push", "Huawei Push", "华为推送"))
    d = _read(tmp_path, "headed.txt", ANOTHER_PRODUCT_UNDER_A_HEADING, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("某某相册选择器", "个人开发者"), ("友盟推送", "某某数据科技有限公司"), ("华为推送SDK", "华为软件技术有限公司")]


RESTATED_UNDER_A_HEADING = """\
1.1 友盟推送
第三方主体：某某数据科技有限公司
产品名称：友盟推送SDK
收集信息：设备信息（IMEI）
2、某某统计SDK
某某统计SDK获取的个人信息：设备信息（IMEI）
使用SDK目的：统计设备型号
隐私政策链接：https://stats.example.com/policy
"""


def test_a_name_label_saying_the_headings_product_again_or_its_purpose_starts_no_record(tmp_path):
    catalog = memory_catalog(entry("umeng-push", "Umeng Push", "友盟推送"))
    d = _read(tmp_path, "restated.txt", RESTATED_UNDER_A_HEADING, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("友盟推送", "某某数据科技有限公司"), ("某某统计SDK", "")]
    assert d.sdks[1].purpose == "统计设备型号"  # "使用SDK目的": the purpose, not a name


COLLECTING_SUBJECTS = """\
本应用嵌入的SDK如下：
如您使用视频通话服务时AgoraRtcEngine（上海某某网络有限公司）SDK会收集您的设备信息（可能包括IMEI、设备MAC地址）。
米雀推送（广东某某电子有限公司）/华为推送（华为技术有限公司）SDK可能会读取您的设备信息（IMEI），调用读取电话状态权限。
如您使用第三方登录时 闪验/微信SDK会收集您的设备信息（Android ID）。
我们允许第三方SDK会收集的信息以其政策为准，详见：https://docs.example.com/sdk/list
"""


def test_the_sdks_named_before_sdk_collects_are_rows_each_holding_the_sentences_permissions(tmp_path):
    catalog = memory_catalog(entry("huawei-push", "Huawei Push", "华为推送"),
                             entry("wechat-opensdk", "WeChat OpenSDK", "微信SDK"))
    d = _read(tmp_path, "collecting.txt", COLLECTING_SUBJECTS, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"AgoraRtcEngine", "米雀推送", "华为推送", "闪验", "微信SDK"}
    assert rows["AgoraRtcEngine"].company == "上海某某网络有限公司"
    assert rows["米雀推送"].permissions == rows["华为推送"].permissions == ("android.permission.READ_PHONE_STATE",)


def test_each_linked_name_of_a_paragraph_takes_the_address_of_its_own_link(tmp_path, catalog):
    page = ('<p>Our Android app uses: <a href="https://www.applovin.com/privacy">AppLovin</a>, '
            '<a href="http://ads.example.net/gdpr/">Google AdMob</a>*, '
            '<a href="https://firebase.google.com/terms/">Firebase</a>.</p>')
    d = _read(tmp_path, "links.html", page, catalog)
    assert {s.name: s.link for s in d.sdks} == {"AppLovin": "https://www.applovin.com/privacy",
                                                "Google AdMob": "http://ads.example.net/gdpr/",
                                                "Firebase": "https://firebase.google.com/terms/"}


DART_LINK_WIDGETS = """\
class ThirdParties extends StatelessWidget {
  @override
  Widget build(BuildContext context) {
    return Column(children: [
      Content(
        text: 'The app does use third party services that may collect information used to identify you. Link to '
            'privacy policy of third party service providers used by the app:',
      ),
      OpenLink(
          text: '- Google Play Services',
          url: 'https://policies.google.com/privacy'),
      OpenLink(
          text: '- Google Analytics for Firebase',
          url: 'https://firebase.google.com/policies/analytics'),
    ]);
  }
}
"""


def test_a_widgets_text_argument_on_its_own_line_is_text_the_page_shows(tmp_path):
    catalog = memory_catalog(entry("google-play-services", "Google Play Services"),
                             entry("google-firebase-analytics", "Google Analytics for Firebase"))
    d = _read(tmp_path, "links.dart", DART_LINK_WIDGETS, catalog)
    assert [s.name for s in d.sdks] == ["Google Play Services", "Google Analytics for Firebase"]


IUBENDA_SUMMARY_COPIED = """\
Policy summary
    Personal Data processed for the following purposes and using the following services:
      -
                Advertising
                    -
                      AdMobPersonal Data: Cookies; the advertising ID of the device; Usage Data
-
                      Larkspur AdsPersonal Data: Cookies; Usage Data
"""


def test_a_service_name_glued_to_an_english_field_label_names_the_record(tmp_path, catalog):
    d = _read(tmp_path, "summary.txt", IUBENDA_SUMMARY_COPIED, catalog)
    assert [s.name for s in d.sdks] == ["AdMob", "Larkspur Ads"]
    assert "advertising-id" in d.sdks[0].data_types


USE_LABELS_UNDER_PERMISSION_TITLES = """\
Permissions Used

Camera Permission

Used for:

  • Scanning QR codes
  • Scanning barcodes

The app never records video without your action.

Storage / Media Access

Used for:

  • Saving generated QR codes
"""


def test_features_under_a_use_label_under_a_permissions_title_are_its_scenes(tmp_path, catalog):
    d = _read(tmp_path, "uses.txt", USE_LABELS_UNDER_PERMISSION_TITLES, catalog)
    pairs = {(s.name, p) for s in d.scenes for p in s.permissions}
    assert ("Scanning QR codes", "android.permission.CAMERA") in pairs
    assert ("Scanning barcodes", "android.permission.CAMERA") in pairs
    assert ("Saving generated QR codes", "android.permission.WRITE_EXTERNAL_STORAGE") in pairs
    assert not any(s.name == "Saving generated QR codes" and "android.permission.CAMERA" in s.permissions for s in d.scenes)


def test_a_cells_text_wrapped_onto_indented_lines_stays_one_cell():
    # a flattened table's cell whose text a page wrapped onto lines indented deeper, right under it (no blank
    # line between), the last of them opening with an item's number: one cell; a blank line parts cells
    lines = (Line(1, "某某广告SDK"), Line(3, "收集的具体信息：1.【设备信息】：系统版本号、设备型号"),
             Line(4, "屏幕方向; 2.【应用信息】当前应用包名", indent=20), Line(5, "3.【设备标识信息】OAID、IMEI", indent=20),
             Line(7, "北京某某科技有限公司"))
    cells, _ = flat_cells(Document("t.txt", "text", "utf-8", lines), 0, apart=True)
    assert [c.text for c in cells] == [
        "某某广告SDK", "收集的具体信息：1.【设备信息】：系统版本号、设备型号 屏幕方向; 2.【应用信息】当前应用包名 "
        "3.【设备标识信息】OAID、IMEI", "北京某某科技有限公司"]


def test_a_latin_name_with_an_sdk_suffix_after_a_chinese_verb_of_integrating_is_a_row(tmp_path, catalog):
    text = ("1. 本应用集成了ButterknifeSDK，目的是简化界面代码。\n"
            "2. 本应用集成了MJRefresh SDK，目的是下拉刷新。\n"
            "3. 本应用使用了SDK的默认配置。\n")
    d = _read(tmp_path, "integrated.txt", text, catalog)
    assert [s.name for s in d.sdks] == ["ButterknifeSDK", "MJRefresh SDK"]


WAY_OF_COOPERATION = """\
第三方SDK列表
某某统计SDK
公司：北京某某数据科技有限公司
合作目的：统计分析
合作方式：嵌入第三方SDK，SDK收集传输个人信息
共享个人信息字段：设备识别码（IMEI、OAID）
隐私政策：https://stats.example.com/privacy
"""


def test_the_way_of_cooperation_is_how_data_is_shared_not_a_company(tmp_path, catalog):
    d = _read(tmp_path, "way.txt", WAY_OF_COOPERATION, catalog)
    assert [(s.name, s.company, s.method) for s in d.sdks] == [
        ("某某统计SDK", "北京某某数据科技有限公司", "嵌入第三方SDK，SDK收集传输个人信息")]
    assert d.sdks[0].data_types == ("imei", "oaid")


def test_english_verbs_sharing_one_object_each_name_their_permission(tmp_path, catalog):
    d = _read(tmp_path, "verbs.txt", "Permission: READ, RECEIVE and SEND SMS, used to translate messages.\n"
              "Permission: Alert window, used to show the floating translator.\n", catalog)
    assert {"android.permission.READ_SMS", "android.permission.RECEIVE_SMS", "android.permission.SEND_SMS",
            "android.permission.SYSTEM_ALERT_WINDOW"} <= {p.permission for p in d.permissions}


def test_reading_the_list_of_installed_applications_is_the_package_query_permission(tmp_path, catalog):
    d = _read(tmp_path, "apps.txt", "Read the List of Installed Applications: to share content with other apps.\n", catalog)
    assert "android.permission.QUERY_ALL_PACKAGES" in {p.permission for p in d.permissions}


USE_AND_CHOICE_COLUMNS_AFTER_PERMISSIONS = """\
（二）权限说明

业务功能
对应权限
使用目的
是否询问
可否关闭

数据采集
读取联系人
把采集的资料存到通讯录
是
是

地图找店
访问确切位置信息
定位您的位置，搜索附近的店
是
是

短信提醒
发送短信
发送到店提醒
是
是
"""


def test_a_flattened_scene_table_with_use_and_choice_columns_after_the_permissions_reads_every_row(tmp_path, catalog):
    d = _read(tmp_path, "choices.txt", USE_AND_CHOICE_COLUMNS_AFTER_PERMISSIONS, catalog)
    pairs = {(s.name, p) for s in d.scenes for p in s.permissions}
    assert {("数据采集", "android.permission.READ_CONTACTS"), ("地图找店", "android.permission.ACCESS_FINE_LOCATION"),
            ("短信提醒", "android.permission.SEND_SMS")} <= pairs
    assert not any(s.name in ("使用目的", "是", "可否关闭") for s in d.scenes)


CIRCLED_NUMBERS_PAST_TWENTY = "本应用申请的权限如下：\n" + "".join(
    f"{mark}允许程序访问网络连接，使本软件可以联网{k}；\n" for k, mark in enumerate("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")) + \
    "㉑请求访问使用摄像头，用于更换头像；\n㉒允许程序振动，用于推送通知时振动提醒；\n"


def test_items_numbered_past_twenty_with_circled_numbers_are_items_too(tmp_path, catalog):
    d = _read(tmp_path, "circled.txt", CIRCLED_NUMBERS_PAST_TWENTY, catalog)
    pairs = {p for s in d.scenes for p in s.permissions if "头像" in s.name or "头像" in s.description}
    assert pairs == {"android.permission.CAMERA"}
    assert any("android.permission.VIBRATE" in s.permissions and "振动" in s.name for s in d.scenes)


def test_a_row_named_by_an_address_a_purpose_clause_or_a_kind_of_data_is_dropped_when_the_catalog_does_not_know_it():
    from auditor.policy.lexicon_data import load_lexicon
    from auditor.policy.reader import _names_something
    lexicon = load_lexicon()
    for words in ("用于第三方授权服务", "该第三方自行处理", "https://www.example.com/privacy", "MAC地址", "IMEI"):
        assert not _names_something(words, lexicon), words
    for name in ("Google定位服务", "先声语音识别", "TopOn", "号码认证SDK，本机号码校验"):
        assert _names_something(name, lexicon), name
    assert _names_something("本机号码校验", lexicon, owned=True)  # a service its row names the company of


KINDS_OF_PARTY_IN_THE_COMPANY_COLUMN = """\
| SDK名称 | 第三方名称 | 使用目的 |
|---|---|---|
| 小米推送SDK | 消息推送服务合作方 | 推送消息 |
| 某某统计SDK | 无 | 统计分析 |
| 某某地图SDK | 北京某某信息技术有限公司 | 定位 |
"""


def test_a_company_cell_naming_a_kind_of_party_or_none_leaves_the_company_unknown(tmp_path, catalog):
    d = _read(tmp_path, "kinds.md", KINDS_OF_PARTY_IN_THE_COMPANY_COLUMN, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("小米推送SDK", ""), ("某某统计SDK", ""), ("某某地图SDK", "北京某某信息技术有限公司")]
