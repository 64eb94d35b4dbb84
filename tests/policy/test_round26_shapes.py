"""Shapes read right in round 26: names each written as a link to their privacy page, one after another in a
table cell or a paragraph; Chinese titles "A的B" headed by B and titles asking a yes-or-no question; a flattened
table whose first row's name was read into its header, or whose header goes on after its question; permission
labels with a note in brackets; list items "Name (Provider). Sentences…"; a service's title line over its own
paragraph where a longer name holds its name. In our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.claims import ExtractorKind, RowFacts, SceneClaim, SdkClaim, Structure
from auditor.policy.coordinator import settle
from auditor.policy.extractors import REGISTRY
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.text import linked_names
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("google-admob", "AdMob", "Google AdMob"),
                          entry("inmobi", "InMobi"),
                          entry("pangle", "Pangle", "穿山甲"),
                          entry("google-analytics", "Google Analytics"),
                          entry("firebase-analytics", "Google Analytics for Firebase", "Firebase Analytics"),
                          entry("tencent-bugly", "Bugly", "腾讯Bugly"),
                          entry("umeng-analytics", "Umeng Analytics", "友盟"),
                          entry("wechat-opensdk", "WeChat OpenSDK", "微信SDK"))


# a table whose first column names a kind of partner, the partners themselves linked to their privacy pages
LINKED_CELL_TABLE = """\
<table>
<tr><th>SDK provider category</th><th>Purpose</th></tr>
<tr><td>Advertising (served through our mediation layer, which reaches:
<a href="https://policies.google.com/privacy">Google AdMob</a>,
<a href="https://www.inmobi.com/privacy-policy">InMobi</a>,
<a href="https://www.marlinads.example/legal/privacy">Marlin Ads (incl. bidding)</a>, and
<a href="https://privacy.heronx.example/">HeronX</a>)</td><td>Showing ads</td></tr>
<tr><td>Crash reports (Bugly)</td><td>Fixing bugs</td></tr>
</table>
"""


def test_a_cell_of_linked_partners_is_a_row_each_with_its_link(tmp_path, catalog):
    d = _read(tmp_path, "linked.html", LINKED_CELL_TABLE, catalog)
    rows = {s.name: s for s in d.sdks}
    assert {"Google AdMob", "InMobi", "Marlin Ads (incl. bidding)", "HeronX"} <= set(rows)
    assert rows["InMobi"].link == "https://www.inmobi.com/privacy-policy"
    assert rows["Marlin Ads (incl. bidding)"].link == "https://www.marlinads.example/legal/privacy"
    assert rows["HeronX"].link == "https://privacy.heronx.example/"
    assert all(rows[n].purpose == "Showing ads" for n in ("Google AdMob", "HeronX"))
    assert "Advertising" not in " ".join(rows)


def test_a_paragraph_of_linked_partners_names_each(tmp_path, catalog):
    text = ("Our partners and their policies: [Quokka Metrics](https://quokka.example/privacy), "
            "[Wren Push](https://wrenpush.example/legal/), [Ibis Ads](https://ibis.example/privacy-policy).\n")
    d = _read(tmp_path, "partners.md", text, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [("Quokka Metrics", "https://quokka.example/privacy"),
                                                  ("Wren Push", "https://wrenpush.example/legal/"),
                                                  ("Ibis Ads", "https://ibis.example/privacy-policy")]


@pytest.mark.parametrize("text", [
    # two links only
    "Partners: Quokka https://quokka.example/privacy , Wren https://wren.example/privacy",
    # cells run together, a name glued to its address (a crawled table, not links)
    "支付宝SDK支付https://a.example/privacy微信登录https://b.example/privacy推送服务https://c.example/privacy",
    # links labelled as pages, not products
    "Quokka隐私政策 https://a.example/privacy 、Wren隐私政策 https://b.example/privacy 、Ibis隐私政策 https://c.example/privacy",
    # links labelled with companies
    "Quokka Inc. https://a.example/privacy , Wren LLC https://b.example/privacy , Ibis Ltd. https://c.example/privacy",
    # addresses that are no privacy or legal pages
    "See Quokka https://quokka.example/ , Wren https://wren.example/blog , Ibis https://ibis.example/download",
    # words between the links: no run
    "Quokka https://a.example/privacy is used for maps, while Wren https://b.example/privacy sends pushes and "
    "Ibis https://c.example/privacy shows ads",
])
def test_what_is_no_run_of_linked_names(text):
    assert linked_names(text) == []


def test_a_run_of_linked_names_after_other_words(text="…and, beyond that, the networks: Quokka https://a.example/"
                                                      "privacy , Wren (Heron) https://b.example/legal , and Ibis "
                                                      "https://c.example/privacy-policy ."):
    assert linked_names(text) == [("Quokka", "https://a.example/privacy"), ("Wren (Heron)", "https://b.example/legal"),
                                  ("Ibis", "https://c.example/privacy-policy")]


@pytest.mark.parametrize("title,role", [
    ("第三方提供的功能、目的", "purpose"),      # what the third party provides: a purpose, not a company
    ("第三方收集的个人信息范围", "data"),
    ("第三方需要申请的权限", "permissions"),
    ("依赖权限的服务", "permissions"),        # not the name of an SDK
    ("收集个人信息的目的、方式和范围", "data"),  # heads of several roles after "的": no one head
    ("使用目的", "purpose"),                  # the "的" of "目的" parts nothing
    ("是否为必要信息", "choice"),             # a yes-or-no question
    ("可否拒绝", "choice"),
])
def test_title_roles(title, role):
    assert load_lexicon().role(title) == role


# a flattened table headed by the third party's name over product names, cells a line each, rows parted by blanks
PARTY_NAMED_FLAT = """\
我们接入的第三方SDK如下表所示：

第三方名称
第三方需要申请的权限
第三方提供的功能、目的
第三方收集的个人信息范围



腾讯Bugly SDK
获取设备信息
用于崩溃信息收集
设备型号、操作系统版本


灰雀统计 SDK
获取网络状态
用于统计分析
设备信息（IMEI、IP地址）


鹭鸟分享SDK
获取网络访问权限
用于分享功能
设备信息（IMEI、网络信息）
"""


def test_a_party_named_flat_table_over_product_names(tmp_path, catalog):
    d = _read(tmp_path, "party.txt", PARTY_NAMED_FLAT, catalog)
    assert [s.name for s in d.sdks] == ["腾讯Bugly SDK", "灰雀统计 SDK", "鹭鸟分享SDK"]
    assert [s.purpose for s in d.sdks] == ["用于崩溃信息收集", "用于统计分析", "用于分享功能"]
    assert "imei" in d.sdks[1].data_types


# a header going on after its yes-or-no question: how the data is handled, then the privacy page
QUESTION_HEADER_FLAT = """\
第三方名称
用途或目的
收集方式
收集个人信息的类型
是否为必要信息
信息处理方式
第三方隐私政策

微信SDK
支持微信登录和分享
SDK自行采集
设备标识符（如IMEI、Android ID）
是
去标识化处理
https://wechat.example/privacy

友盟
统计分析
SDK自行采集
设备标识符（IMEI、MAC地址）
是
去标识化处理
https://umeng.example/policy
"""


def test_a_header_that_goes_on_after_its_question(tmp_path, catalog):
    d = _read(tmp_path, "question.txt", QUESTION_HEADER_FLAT, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [("微信SDK", "https://wechat.example/privacy"),
                                                  ("友盟", "https://umeng.example/policy")]
    assert d.sdks[1].purpose == "统计分析"


# a permission table a cell a line, some labels with a long note in brackets
NOTED_LABELS = """\
权限名称
权限功能说明
使用场景或目的

访问互联网
允许应用程序访问互联网
加载页面内容

读取SD卡中的内容（读取存储空间/照片权限）
读取手机存储中的数据
选择图片作为头像

编辑通讯录
改写手机上的联系人
保存名片到通讯录

使用震动
控制设备振动
新消息提醒
"""


def test_permission_labels_with_a_note_in_brackets(tmp_path, catalog):
    d = _read(tmp_path, "noted.txt", NOTED_LABELS, catalog)
    pairs = {(p.permission.rsplit(".", 1)[-1], p.scene) for p in d.permissions}
    assert ("READ_EXTERNAL_STORAGE", "选择图片作为头像") in pairs
    assert ("WRITE_CONTACTS", "保存名片到通讯录") in pairs   # "编辑通讯录" edits the contacts
    assert ("VIBRATE", "新消息提醒") in pairs
    assert not any(p == "READ_CONTACTS" for p, _ in pairs)


# ad partners listed "Name (Provider). What it does…", the sentences listing data comma after comma
OWNED_SENTENCES = """\
<ol>
<li><strong>InMobi (InMobi Pte. Ltd.).</strong> Serves banner, interstitial, and native ads. Receives the advertising \
ID, IP address, device model, and ad events.</li>
<li><strong>Marlin Ads (Marlin Media, Inc.).</strong> Serves rewarded video ads. Receives the advertising ID, coarse \
location, and ad events.</li>
<li><strong>Pangle (ByteDance / TikTok).</strong> Serves banner, interstitial, and rewarded ads. Receives the \
advertising ID, IP address, and ad events.</li>
</ol>
"""


def test_items_naming_a_service_and_its_provider_as_a_sentence(tmp_path, catalog):
    d = _read(tmp_path, "owned.html", OWNED_SENTENCES, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("InMobi", "InMobi Pte. Ltd."),
                                                     ("Marlin Ads", "Marlin Media, Inc."),
                                                     ("Pangle", "")]
    assert all(s.extractor == "list" for s in d.sdks)
    assert "advertising-id" in d.sdks[1].data_types


def test_a_title_over_its_own_paragraph_names_its_service(tmp_path, catalog):
    text = ("<Text style={styles.bold}>Google Analytics</Text>\n"
            "<Text style={styles.paragraph}>\n"
            "This web analysis service tracks how the app is used.\n"
            "</Text>\n"
            "<Text style={styles.bold}>Google Analytics for Firebase</Text>\n"
            "<Text style={styles.paragraph}>\n"
            "Google Analytics for Firebase is an analytics service.\n"
            "</Text>\n")
    d = _read(tmp_path, "titles.js", text, catalog)
    assert {s.name for s in d.sdks} == {"Google Analytics", "Google Analytics for Firebase"}


def test_a_name_inside_a_longer_name_is_no_row_of_its_own(tmp_path, catalog):
    text = "We use Google Analytics for Firebase to count screens.\nIt is provided by Google.\n"
    d = _read(tmp_path, "inside.txt", text, catalog)
    assert [s.name for s in d.sdks] == ["Google Analytics for Firebase"]


# SDKs each written with their developer in brackets after a colon, numbered fields below
BRACKETED_DEVELOPER = """\
二、第三方服务商采集的个人信息
灰雀推送SDK（开发者：灰雀信息技术有限公司）
1.SDK个人信息字段：设备型号、Android ID
2.用途：消息推送

鹭鸟统计SDK（开发者：鹭鸟数据科技有限公司）
1.SDK个人信息字段：IMEI、IP地址
2.用途：统计分析

三、其他
《示例用户协议》（链接地址：https://example.com/terms）
"""


def test_a_name_with_its_developer_labelled_in_brackets(tmp_path, catalog):
    d = _read(tmp_path, "developer.txt", BRACKETED_DEVELOPER, catalog)
    assert [(s.name, s.company, s.purpose) for s in d.sdks] == [
        ("灰雀推送SDK", "灰雀信息技术有限公司", "消息推送"), ("鹭鸟统计SDK", "鹭鸟数据科技有限公司", "统计分析")]
    assert "imei" in d.sdks[1].data_types


def _rows(first: int, last: int, names: list[str]) -> Structure:
    claims = tuple(SdkClaim(RowFacts(name=n), first + k, first + k) for k, n in enumerate(names))
    return Structure(ExtractorKind.FLAT_TABLE, first, last, 0.8, sdks=claims)


def _scenes(first: int, last: int, confidence: float) -> Structure:
    return Structure(ExtractorKind.PERMISSION_LIST, first, last, confidence,
                     scenes=(SceneClaim("", "", "android.permission.INTERNET", first, last),))


def test_a_permission_list_inside_a_cell_of_an_sdk_table_yields_to_the_table():
    order = [e.kind for e in REGISTRY]
    table = _rows(10, 60, ["灰雀SDK", "鹭鸟SDK", "鸥鸟SDK"])
    inside = _scenes(30, 34, 0.82)  # an SDK's permissions written as constants in its data cell
    assert settle([table, inside], order) == [table]
    # a table of two rows is no such table; a list that only overlaps the table's edge is not inside it
    small = _rows(10, 60, ["灰雀SDK", "鹭鸟SDK"])
    assert settle([small, inside], order) == [inside]
    edge = _scenes(55, 70, 0.82)
    assert settle([table, edge], order) == [edge]


# a flattened table under a website column, cells wrapped over several indented lines
WEBSITE_COLUMN_FLAT = (
    "第三方名称\n使用目的\n功能类型\n涉及个人信息\n第三方官网链接\n\n\n"
    "灰雀IM SDK\n收集设备信息，来发送消息\n会话界面组件、\n\t\t\t\t\t通讯能力库、\n\t\t\t\t\t等功能\n"
    "完全的网络访问权限、\n\t\t\t\t\t查看网络状态、\n\t\t\t\t\t访问精确位置信息（基于GPS和网络）\n"
    "https://huique.example/privacy\n\n\n"
    "鹭鸟推送SDK\n推送消息\nPUSH推送\n设备型号、\n\t\t\t\t\t当前网络类型\nhttps://lunio.example/push\n\n\n"
    "鸥鸟统计SDK\n统计分析\n数据统计\n设备标识符、\n\t\t\t\t\tIP地址\nhttps://ouniao.example/policy\n")


def test_a_website_column_closes_each_row(tmp_path, catalog):
    d = _read(tmp_path, "website.txt", WEBSITE_COLUMN_FLAT, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [("灰雀IM SDK", "https://huique.example/privacy"),
                                                  ("鹭鸟推送SDK", "https://lunio.example/push"),
                                                  ("鸥鸟统计SDK", "https://ouniao.example/policy")]
    assert {"android.permission.INTERNET", "android.permission.ACCESS_FINE_LOCATION"} <= set(d.sdks[0].permissions)
    assert d.sdks[2].data_types == ("ip",)


# a table with no link column, the providers' pages linked in a paragraph under it
LINKS_UNDER_TABLE = """\
| Service | Provider | Purpose |
|---|---|---|
| Quokka Push Notifications | Quokka Labs | Sending reminders |
| Wren Crash | Wren Inc. | Crash reports |
| Google Gemini API | Google | Answering questions |

Provider privacy policies: [Quokka](https://quokka.example/privacy) · [Wren](https://wren.example/legal) · \
[Gemini API](https://ai.example/gemini/terms) · [Heron](https://heron.example/privacy)
"""


def test_links_under_a_table_are_its_rows_links_not_rows(tmp_path, catalog):
    d = _read(tmp_path, "links.md", LINKS_UNDER_TABLE, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [
        ("Quokka Push Notifications", "https://quokka.example/privacy"), ("Wren Crash", "https://wren.example/legal"),
        ("Google Gemini API", "https://ai.example/gemini/terms")]


# a numbered permission list, some labels naming no permission the lexicon knows ("系统参数权限")
NUMBERED_PERMISSIONS = """\
以下功能中，您可选择是否授权我们使用相关权限：
（1）相册：用于头像设置。
（2）允许后台运行权限：用于在线客服。
（3）系统参数权限：用于安全风控。
（4）获取进程信息权限：用于安全风控。
（5）进程排序权限：用于小程序多进程管理。
（6）唤醒锁权限：用于电子卡管理。
（7）未知来源安装权限：用于版本更新。
"""


def test_a_numbered_permission_list_is_no_record(tmp_path, catalog):
    d = _read(tmp_path, "numbered.txt", NUMBERED_PERMISSIONS, catalog)
    pairs = {(p.permission.rsplit(".", 1)[-1], p.scene, p.description) for p in d.permissions}
    assert {("GET_TASKS", "获取进程信息权限", "用于安全风控。"), ("REORDER_TASKS", "进程排序权限", "用于小程序多进程管理。"),
            ("WAKE_LOCK", "唤醒锁权限", "用于电子卡管理。"),
            ("REQUEST_INSTALL_PACKAGES", "未知来源安装权限", "用于版本更新。")} <= pairs


@pytest.mark.parametrize("text", ["用于网络请求和通信", "保障网络通信和安全"])
def test_network_words_alone_name_no_permission(text):
    assert load_lexicon().permissions_in(text, weak=False) == []


@pytest.mark.parametrize("line,expected", [
    ("（1）电话权限：用于拨打客服热线。", {"CALL_PHONE"}),
    ("（1）电话权限：拨打客服电话，识别手机设备信息。", {"CALL_PHONE", "READ_PHONE_STATE"}),
    ("（1）电话权限：用于识别设备，保障账号安全。", {"READ_PHONE_STATE"}),
])
def test_a_phone_label_used_to_dial(tmp_path, catalog, line, expected):
    text = f"我们可能申请以下权限：\n{line}\n（2）相机权限：用于扫码。\n"
    d = _read(tmp_path, "phone.txt", text, catalog)
    assert {p.permission.rsplit(".", 1)[-1] for p in d.permissions} - {"CAMERA"} == expected


def test_a_sentence_leading_into_a_list_is_not_read_as_a_title():
    # "…的用途如下：" opens a list below it; "A的B" is read only in a column's short title
    assert load_lexicon().role("第三方平台SDK主要获取的权限以及对应的用途如下：") != "purpose"


def test_a_sentence_using_the_phone_permission_to_dial(tmp_path, catalog):
    text = "当您使用我们的电话客服功能时，我们会在获得您的同意后，使用您的电话权限，以便您通过应用直接拨打客服电话。\n"
    d = _read(tmp_path, "dial.txt", text, catalog)
    assert {p.permission.rsplit(".", 1)[-1] for p in d.permissions} == {"CALL_PHONE"}
