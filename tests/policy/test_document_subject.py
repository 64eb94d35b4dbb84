"""An SDK vendor's page about its own SDK: the SDK is the page's subject, with what the whole page says it
collects and asks for; in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

A = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送"), entry("admob", "Google AdMob", "Google Mobile Ads"))


ZH_PAGE = """\
快传SDK合规使用说明

为帮助开发者在使用快传SDK的过程中落实个人信息保护要求，保护最终用户的权益，特制定本说明。

一、快传SDK申请的系统权限
权限 | 是否必选 | 用途 |
INTERNET | 是 | 联网传输文件 |
ACCESS_NETWORK_STATE | 是 | 判断网络是否可用 |

二、快传SDK收集的个人信息
功能 | 个人信息字段 | 目的 |
文件传输 | 设备型号、系统版本、IP地址 | 选择传输线路 |
"""


def test_a_vendor_page_gives_its_own_sdk_with_what_the_page_names(tmp_path, catalog):
    d = _read(tmp_path, "page.txt", ZH_PAGE, catalog)
    assert [(s.name, s.extractor) for s in d.sdks] == [("快传SDK", "document")]
    row = d.sdks[0]
    assert {"device-model", "ip"} <= set(row.data_types)
    assert {p.removeprefix(A) for p in row.permissions} == {"INTERNET", "ACCESS_NETWORK_STATE"}
    assert row.evidence.line_start == 1


EN_PAGE = """\
Data disclosure for the Google Mobile Ads SDK

The Google Mobile Ads SDK collects the following data automatically. As the app developer, you decide
whether to declare it in your app's privacy section.

* IP address: used to estimate where a request comes from.
* Advertising ID: used to show and measure ads.

The Google Mobile Ads SDK encrypts this data in transit.
"""


def test_an_english_vendor_page_replaces_the_prose_mention_of_its_sdk(tmp_path, catalog):
    d = _read(tmp_path, "page.md", EN_PAGE, catalog)
    assert [(s.name, s.id, s.extractor) for s in d.sdks] == [("Google Mobile Ads SDK", "admob", "document")]
    assert {"ip", "advertising-id"} <= set(d.sdks[0].data_types)


APP_POLICY = """\
隐私政策

我们使用极光推送SDK向您推送消息。极光推送SDK会收集您的设备标识符（Android ID）。
我们会收集您的手机号码用于登录。
"""


def test_an_app_policy_naming_one_sdk_is_no_vendor_page(tmp_path, catalog):
    d = _read(tmp_path, "policy.txt", APP_POLICY, catalog)
    assert [s.extractor for s in d.sdks] == ["prose"]
    assert "phone-number" not in d.sdks[0].data_types


TWO_SDKS = """\
厂商通道SDK接入说明

开发者接入小米推送SDK和华为推送SDK时，需要在隐私政策中告知最终用户。
小米推送SDK收集设备标识符。华为推送SDK收集应用信息。
"""


def test_a_page_about_two_sdks_has_no_single_subject(tmp_path, catalog):
    d = _read(tmp_path, "channels.txt", TWO_SDKS, catalog)
    assert "document" not in [s.extractor for s in d.sdks]


SURVEY = """\
# Data collected by the Quick SDK

As the app developer, you declare this data in your app's Data safety form. The Quick SDK sends it over TLS.

<table>
<tr><th>Data type</th><th>Collected</th><th>Shared</th></tr>
<tr><td>Approximate location</td><td>No</td><td>No</td></tr>
<tr><td>Device or other IDs (Advertising ID)</td><td>Yes</td><td>Yes</td></tr>
</table>

| Data type | Collected | Shared |
| --- | --- | --- |
| Contacts | 否 | 否 |
| IP address | Yes | No |
"""


def test_rows_answering_no_disclose_nothing(tmp_path, catalog):
    d = _read(tmp_path, "survey.md", SURVEY, catalog)
    assert {m.data_type for m in d.data_types} == {"advertising-id", "ip"}
    assert [(s.name, set(s.data_types)) for s in d.sdks] == [("Quick SDK", {"advertising-id", "ip"})]


SHEET = """# JPush

## SDK information

| Field | Value |
| ---- | ---- |
| SDK名称 | JPush |
| SDK版本 | 5.0.1 |
| SDK大小 | 900kb |

## Permissions

| 权限名 | 用途 |
| ---- | ---- |
| android.permission.INTERNET | 网络通信 |
| android.permission.READ_PHONE_STATE | 获取设备IMEI，生成设备标识 |
"""


def test_a_page_titled_with_one_sdks_name_gives_that_sdks_row_what_the_page_names(tmp_path, catalog):
    """"# JPush" over an SDK sheet and a permission table: the sheet's row is the page's own SDK, with the
    permissions and data the page names."""
    rows = _read(tmp_path, "p.md", SHEET, catalog).sdks
    assert [(r.name, r.id, set(r.permissions), set(r.data_types)) for r in rows] == [
        ("JPush", "jpush", {A + "INTERNET", A + "READ_PHONE_STATE"}, {"imei"})]


APP_WITH_ONE_SDK = """# 快读App隐私政策

| SDK名称 | 第三方主体 | 收集的信息 |
| ---- | ---- | ---- |
| 极光推送 | 深圳市和讯华谷信息技术有限公司 | 设备型号 |

| 权限名 | 用途 |
| ---- | ---- |
| android.permission.CAMERA | 扫码登录 |
"""


def test_an_apps_policy_with_one_sdk_keeps_the_apps_permissions_to_itself(tmp_path, catalog):
    rows = _read(tmp_path, "p.md", APP_WITH_ONE_SDK, catalog).sdks
    assert [(r.name, r.permissions, r.data_types) for r in rows] == [("极光推送", (), ("device-model",))]


GUIDE = """# 某某人机验证第三代-合规指南

依据相关法律法规，开发者在接入SDK前应向最终用户告知。本说明应详细说明SDK各项可选个人信息的用途；开发者应详细说明SDK
收集的信息，开发者应详细说明SDK的权限。

| 权限 | 用途 |
|---|---|
| android.permission.INTERNET | 网络访问 |
"""

LIVE = """- 为帮助开发者向终端用户实现SDK产品的功能，我们会收集以下信息。
- 为实现SDK产品的功能，开发者应用会申请权限。为实现SDK的升级，我们会检查版本。

#### 1.1 Rally SDK

Rally SDK 是为开发者提供实时音视频服务的软件开发包；Rally SDK 需要以下权限。

| 权限 | 用途 |
|---|---|
| android.permission.RECORD_AUDIO | 连麦 |
"""


def test_a_vendor_guide_titled_with_its_product_and_sentence_words_are_no_subject(tmp_path, catalog):
    """A compliance guide for developers titled "X-合规指南" is X's page, X known to the catalog or not; the
    words right before "SDK" in a sentence ("应详细说明SDK", "实现SDK") are never the subject."""
    rows = _read(tmp_path, "g.md", GUIDE, catalog).sdks
    assert [(r.name, r.extractor, r.permissions) for r in rows] == [
        ("某某人机验证第三代", "document", (A + "INTERNET",))]
    rows = _read(tmp_path, "l.md", LIVE, catalog).sdks
    assert [(r.name, r.extractor, r.permissions) for r in rows] == [("Rally SDK", "document", (A + "RECORD_AUDIO",))]


def test_an_sdk_and_its_maker_in_one_sentence_is_a_row(tmp_path, catalog):
    text = "本协议适用于集成了广告SDK的应用。Tallyad SDK 由 Northwind Media Limited 自主研发并运营，数据由我们掌控。\n"
    rows = _read(tmp_path, "p.txt", text, catalog).sdks
    assert [(r.name, r.extractor) for r in rows] == [("Tallyad SDK", "prose")]


NAMED_ONCE_EN = """\
Publishing with our SDK

To measure installs for your app, our SDK reads the Google Advertising ID and the Android ID of the device.
End users can reset the advertising ID in the settings of their phone.

What to disclose in your privacy policy

State that your app uses our SDK and link to our privacy page. A sample paragraph for app developers:

"This app uses the Tallyhop SDK to attribute installs to advertising campaigns."
"""


def test_a_vendor_page_naming_its_sdk_once_and_referring_back_to_it(tmp_path, catalog):
    # one name ("Tallyhop SDK"), written only once and late; the page speaks of "our SDK" from its first lines
    d = _read(tmp_path, "publishing.txt", NAMED_ONCE_EN, catalog)
    assert [(s.name, s.extractor) for s in d.sdks] == [("Tallyhop SDK", "document")]
    assert {"advertising-id", "android-id"} <= set(d.sdks[0].data_types)


TWO_NAMED_ONCE_EN = """\
Integrating our SDK

Your app may use the Tallyhop SDK for attribution or the Quillmark SDK for deep links; end users can opt out.
App developers should disclose both in their privacy policy.
"""


def test_two_sdks_named_once_each_make_no_page_subject(tmp_path, catalog):
    d = _read(tmp_path, "integrating.txt", TWO_NAMED_ONCE_EN, catalog)
    assert [s.extractor for s in d.sdks if s.extractor == "document"] == []


def test_a_page_saying_what_its_one_sdk_collects_is_that_sdks_disclosure(tmp_path, catalog):
    # no word addressed to developers, but the page is about what one SDK (known to no catalog) collects
    text = ("Data reference\n\nWhat the Orbitly Messaging SDK gathers\n\n"
            "The Orbitly Messaging SDK collects the items below to deliver campaigns.\n\n"
            "Device\n  • Advertising ID, when the user allows it\n  • Network type\n")
    rows = _read(tmp_path, "orbitly.txt", text, catalog).sdks
    assert [(r.name, r.extractor) for r in rows] == [("Orbitly Messaging SDK", "document")]
    assert set(rows[0].data_types) == {"advertising-id", "network-state"}


def test_a_name_whose_sdk_word_the_layout_put_on_the_next_line_is_the_pages_subject(tmp_path):
    text = ("Developer compliance guide\n"
            "When end users agree, the app collects device information through the\nQuillmetric\n"
            "SDK for statistics. Share with partners:\nQuillmetric\n"
            "SDK: collects the Android ID and OAID.\n"
            "Initialize the Quillmetric SDK only after the end user agrees to your privacy policy.\n")
    from tests.policy.helpers import entry, memory_catalog
    from tests.policy.helpers import read_text as _read
    rows = _read(tmp_path, "guide.txt", text, memory_catalog(entry("x", "X"))).sdks
    assert [(r.name, r.extractor) for r in rows] == [("Quillmetric SDK", "document")]


def test_the_common_tail_of_two_sdk_names_is_no_subject(tmp_path):
    # "认证" ends both "号码认证SDK" and "Google认证SDK": what they do, not one SDK the page is about
    text = ("开发者须知：最终用户使用前须同意隐私政策。\n"
            "阿里云号码认证SDK\n涉及个人信息：手机号\n"
            "Google认证SDK\n涉及个人信息：IP地址\n")
    from tests.policy.helpers import entry, memory_catalog
    from tests.policy.helpers import read_text as _read
    rows = _read(tmp_path, "list.txt", text, memory_catalog(entry("x", "X"))).sdks
    assert all(r.extractor != "document" for r in rows)
