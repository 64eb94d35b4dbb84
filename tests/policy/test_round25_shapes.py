"""Shapes met in English service lists and Chinese app-store tables, read right in round 25: services written one a
paragraph as "Name (Provider): …", a page of plain paragraphs whose titles lost their markup, a cookie table's
"Placed by" column, a flattened table whose titles stand apart over rows parted by blank lines, a company-first
table with no link column, an SDK's platforms between its name and its labels; and two catalog facts (Facebook,
Inc. is Meta's former name; Heyzap is one SDK). In our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.model import Catalog
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.resolve import Evidence, build_resolver
from auditor.policy.text import platform_line
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("firebase-crashlytics", "Firebase Crashlytics", "Crashlytics"),
                          entry("adjust", "Adjust"),
                          entry("appsflyer", "AppsFlyer"),
                          entry("google-admob", "AdMob", "Google AdMob"),
                          entry("flurry", "Flurry Analytics", "Flurry"),
                          entry("wechat-opensdk", "WeChat OpenSDK", "微信开放平台", "微信SDK", "微信登录"),
                          entry("xiaomi-push", "Xiaomi Push", "小米推送"),
                          entry("huawei-push", "Huawei Push", "华为推送"),
                          entry("unity3d", "Unity", "Unity3D"))


# services a paragraph each, every one "Name (Provider): what it is", under titles of their purposes
PROVIDER_PARAGRAPHS = """\
CRASH REPORTING
These services tell us when the app fails, so that we can fix it.
Crashlytics (Google LLC): Crashlytics is a crash reporting service provided by Google LLC. Personal Data processed: \
Unique device identifiers for advertising (Google Advertiser ID or IDFA, for example) and crash data.
Bugsink Cloud (Bugsink B.V.): Bugsink Cloud is an error tracking service provided by Bugsink B.V. Personal Data \
processed: usage data.
ANALYTICS
Event tracking (Kestrel Metrics, Inc.): Event tracking is an analytics service provided by Kestrel Labs GmbH. \
Personal Data processed: usage data.
"""


def test_services_written_name_provider_colon_are_rows_with_their_provider(tmp_path, catalog):
    d = _read(tmp_path, "providers.txt", PROVIDER_PARAGRAPHS, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("Crashlytics", "Google LLC"),
                                                     ("Bugsink Cloud", "Bugsink B.V."),
                                                     ("Event tracking", "Kestrel Metrics, Inc.")]
    # the provider in brackets is the row's own; the one its sentence names may be another (a former owner)
    assert all(s.extractor == "list" for s in d.sdks)
    by_name = {s.name: s for s in d.sdks}
    # "unique device identifiers for advertising" is the advertising ID, not a device ID
    assert by_name["Crashlytics"].data_types == ("advertising-id",)


def test_a_single_provider_paragraph_is_no_list(tmp_path, catalog):
    text = "We also use one more service.\nNordcloud Storage (Nordhost AB): Nordcloud Storage keeps our backups.\n"
    d = _read(tmp_path, "one.txt", text, catalog)
    assert all(s.extractor != "list" for s in d.sdks)


# a plain-text page of paragraphs whose section titles lost their markup (a web page copied as text)
PLAIN_TITLES = """\
Service Providers

We may employ third-party companies to help us provide the Service.

Analytics

We use third-party Service Providers to measure how the Service is used.

Flurry Analytics

Flurry Analytics service is provided by Yahoo! Inc.
You can opt out at the Flurry opt-out page: https://dev.flurry.example/optout
For the privacy practices of Yahoo!, please visit: https://policies.yahoo.example/privacy/

Adjust

We use the analytics provider Adjust GmbH when we run marketing campaigns.

Advertising

We show ads to keep the Service free.

AdMob by Google

AdMob by Google is provided by Google Inc.
Read how to opt out: https://support.google.example/ads/answer/1
See the privacy policy of Google: https://www.google.example/policies/privacy/

Children's Privacy

Our Service does not address anyone under the age of 13.
"""


def test_titles_of_a_plain_page_head_the_sections_of_its_services(tmp_path, catalog):
    d = _read(tmp_path, "plain.txt", PLAIN_TITLES, catalog)
    names = [s.name for s in d.sdks]
    assert names == ["Flurry Analytics", "Adjust", "AdMob by Google"]  # not "Analytics", "Advertising"
    by_name = {s.name: s for s in d.sdks}
    # the section's privacy page, not the opt-out page written before it
    assert by_name["Flurry Analytics"].link == "https://policies.yahoo.example/privacy/"
    assert by_name["AdMob by Google"].link == "https://www.google.example/policies/privacy/"
    assert by_name["AdMob by Google"].company == "Google Inc."  # the last "by" names the company
    assert by_name["Flurry Analytics"].extractor == "list"


def test_latin_cells_of_a_chinese_page_are_no_titles(tmp_path, catalog):
    text = ("我们使用的第三方服务如下。\n\nAdjust\n\n用于统计广告带来的安装，由Adjust GmbH提供。\n\n"
            "AppsFlyer\n\n用于统计推广渠道的效果。\n\n网络框架\n\n用于网络请求与数据解析。\n")
    d = _read(tmp_path, "latin.txt", text, catalog)
    assert all(s.extractor != "list" for s in d.sdks)


COOKIE_TABLE = """\
<table>
<tr><td>Name</td><td>Placed by</td><td>Reason</td><td>How long</td></tr>
<tr><td>AdMob</td><td>Google</td><td>Show ads</td><td>6 months</td></tr>
<tr><td>Adjust</td><td>Adjust GmbH</td><td>Measure campaigns</td><td>1 year</td></tr>
</table>
"""


def test_a_placed_by_column_is_the_company(tmp_path, catalog):
    d = _read(tmp_path, "cookies.html", COOKIE_TABLE, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("AdMob", "Google"), ("Adjust", "Adjust GmbH")]


# a table copied from a web page: each title its own paragraph (blank lines between), a bare "名称" first;
# rows a paragraph each, one without a link cell
TITLES_APART = """\
《本应用接入的SDK情况表》


    名称


    类型


    用途


    公司全称


    隐私政策链接



微信开放平台
工具
登录与分享
深圳市腾讯计算机系统有限公司
查看



小米推送
推送
推送消息
小米科技有限责任公司



青禾统计SDK
统计
统计应用的使用情况
杭州青禾网络有限公司
查看
"""


def test_titles_standing_apart_over_rows_a_paragraph_each(tmp_path, catalog):
    d = _read(tmp_path, "apart.txt", TITLES_APART, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("微信开放平台", "深圳市腾讯计算机系统有限公司"),
                                                     ("小米推送", "小米科技有限责任公司"),
                                                     ("青禾统计SDK", "杭州青禾网络有限公司")]
    assert all(s.extractor == "flat-table" for s in d.sdks)


# a company-first table flattened a cell a paragraph, no link column: the SDK is named in its "功能类型" cell
COMPANY_FIRST = """\
第三方信息共享清单：




第三方公司名称




使用目的




功能类型




涉及个人信息






小米科技有限责任公司




向小米手机推送消息




小米推送（com.xiaomi.push）




设备标识（IMEI、OAID）、设备型号






华为终端有限公司




向华为手机推送消息




华为推送（com.huawei.hms）




Android ID、设备型号
"""


def test_a_company_first_table_without_links_names_its_sdks(tmp_path, catalog):
    d = _read(tmp_path, "company.txt", COMPANY_FIRST, catalog)
    rows = {s.company: s for s in d.sdks}
    assert set(rows) == {"小米科技有限责任公司", "华为终端有限公司"}
    assert rows["小米科技有限责任公司"].id == "xiaomi-push"
    assert rows["华为终端有限公司"].id == "huawei-push"
    assert set(rows["小米科技有限责任公司"].data_types) >= {"imei", "oaid", "device-model"}


# numbered SDKs, each first saying on which platforms, then its labelled facts
PLATFORM_FIRST = """\
十、第三方SDK情况说明

1.Unity3D
平台：Android/iOS
使用场景：应用运行期间
使用目的：游戏引擎
第三方名称：优美缔软件（上海）有限公司
权限：访问网络

2.微信登录
平台：Android
使用场景：用户选择微信登录时
使用目的：微信帐号登录
第三方名称：深圳市腾讯计算机系统有限公司
权限：查看网络状态、访问网络
"""


def test_a_platform_line_between_a_name_and_its_labels(tmp_path, catalog):
    d = _read(tmp_path, "platform.txt", PLATFORM_FIRST, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("Unity3D", "优美缔软件（上海）有限公司"),
                                                     ("微信登录", "深圳市腾讯计算机系统有限公司")]
    by_name = {s.name: s for s in d.sdks}
    assert "android.permission.ACCESS_NETWORK_STATE" in by_name["微信登录"].permissions


@pytest.mark.parametrize(("text", "expected"), [
    ("平台：Android/iOS", True),
    ("适用平台：安卓、iOS", True),
    ("Platform: Android and iOS", True),
    ("平台：微信开放平台", False),
    ("使用场景：Android端登录时", False),
])
def test_platform_line(text, expected):
    assert platform_line(text) is expected


@pytest.fixture(scope="module")
def real():
    catalog = load_catalog()
    return catalog, build_resolver(catalog, load_lexicon())


def test_facebook_inc_is_metas_former_name(real):
    catalog, resolver = real
    meta = next(e.vendor for e in catalog.entries if e.id == "facebook-analytics")
    assert "Facebook, Inc." in meta.names()
    # a service of Facebook, Inc. that says it is analytics is Facebook's analytics SDK, never its debugger
    ev = Evidence(name="Facebook Analytics for Apps", company="Facebook, Inc.",
                  words="Facebook Analytics for Apps is an analytics service provided by Facebook, Inc.")
    assert resolver.resolve(ev).id == "facebook-analytics"
    assert next(e for e in catalog.entries if e.id == "facebook-flipper").category == "dev-tools"


def test_heyzap_is_one_entry(real):
    _, resolver = real
    assert resolver.resolve(Evidence(name="Heyzap", company="Heyzap")).id == "heyzap"


# an HTML table whose name cells are links (the loader writes the link's text, then its address)
LINKED_NAME_CELLS = """\
<table>
<tr><th>SDK</th><th>Data type</th><th>What we use it for</th></tr>
<tr><td><a href="https://www.pangle.example/privacy">Pangle Ads</a></td><td>Device identifier, location</td>\
<td>Ads</td></tr>
<tr><td><a href="https://crash.example/docs">Bugly</a></td><td>Device identifier</td><td>Crash reports</td></tr>
</table>
"""


def test_a_linked_name_cell_is_the_name_and_its_link(tmp_path, catalog):
    d = _read(tmp_path, "linked.html", LINKED_NAME_CELLS, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [("Pangle Ads", "https://www.pangle.example/privacy"),
                                                  ("Bugly", "https://crash.example/docs")]
    assert d.sdks[0].data_types[:1] == ("android-id",) or "location-fine" in d.sdks[0].data_types


# SDKs listed "-Name：what for" (a dash with no blank after it), each with its permissions' constants below
DASH_ITEMS = """\
目前本App所接入的SDK及其所需权限如下：
-青禾统计 SDK：用于统计应用的活跃情况
android.permission.INTERNET：允许访问网络
官方隐私政策：https://qinghe.example/privacy

-星河分享SDK：用于分享内容到星河社区
android.permission.INTERNET：允许访问网络
android.permission.READ_PHONE_STATE：读取电话状态
官方隐私政策：https://xinghe.example/privacy
"""


def test_dash_items_name_their_sdks(tmp_path, catalog):
    d = _read(tmp_path, "dash.txt", DASH_ITEMS, catalog)
    assert [s.name for s in d.sdks] == ["青禾统计 SDK", "星河分享SDK"]
    assert all(s.extractor == "list" for s in d.sdks)


# an SDK's record whose permissions stand as constants a line each under its labels
RECORD_CONSTANTS = """\
1. 青禾推送SDK
使用目的：推送消息
第三方名称：杭州青禾网络有限公司
android.permission.INTERNET：访问网络
android.permission.ACCESS_NETWORK_STATE：查看网络状态
隐私政策：https://qinghe.example/privacy
"""


def test_constants_under_a_record_are_its_permissions(tmp_path, catalog):
    d = _read(tmp_path, "record.txt", RECORD_CONSTANTS, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("青禾推送SDK", "杭州青禾网络有限公司")]
    assert set(d.sdks[0].permissions) == {"android.permission.INTERNET", "android.permission.ACCESS_NETWORK_STATE"}


def test_a_jsx_element_with_attributes_is_no_name():
    from auditor.policy.text import name_like
    assert not name_like("<p className={styles.eyebrow}>Legal</p>")
    assert name_like("Google AdMob")


@pytest.mark.parametrize(("text", "scene"), [
    ("您如果通过聊天使用拍照功能时，我们需要申请调用您的相机权限。", "通过聊天使用拍照功能"),
    ("如果您在发布动态时选择拍摄照片，我们需要申请调用您的相机权限。", "发布动态"),
])
def test_if_you_moments_are_scenes(tmp_path, catalog, text, scene):
    d = _read(tmp_path, "moment.txt", text + "\n", catalog)
    assert [(p.permission, p.scene) for p in d.permissions] == [("android.permission.CAMERA", scene)]


def test_the_shi_of_a_word_is_no_moment():
    from auditor.policy.text import moment
    assert moment("若您允许我们使用相机,便能够即时制作图像") == ""
    assert moment("当您扫码时") == "扫码"


def test_what_refusing_costs_leaves_the_permission_its_scene(tmp_path, catalog):
    text = ("当您使用扫码功能时，我们需要申请调用您的相机权限，如果您拒绝，将无法使用该功能，但不影响其他功能。\n\n"
            "When you record a voice note, we ask for microphone permission; if you refuse, you cannot use voice notes.\n")
    d = _read(tmp_path, "declined.txt", text, catalog)
    assert [(p.permission, p.scene) for p in d.permissions] == [("android.permission.CAMERA", "使用扫码功能"),
                                                                ("android.permission.RECORD_AUDIO", "record a voice note")]


def test_a_title_over_a_line_opening_with_it_heads_a_section(tmp_path, catalog):
    text = ("Our partners\n\nThe third-party services we use are listed below.\n\nAdjust\n"
            "Adjust is an attribution service provided by Adjust GmbH (Germany)\n"
            "Firebase\nFirebase is an analytics service provided by Google Inc. (US)\n"
            "You may opt out of some of its features in your device settings\n"
            "Kestrel Stats\nKestrel Stats is an analytics service provided by Kestrel Labs GmbH (Germany)\n")
    d = _read(tmp_path, "self.txt", text, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("Adjust", "Adjust GmbH"), ("Firebase", "Google Inc."),
                                                     ("Kestrel Stats", "Kestrel Labs GmbH")]
