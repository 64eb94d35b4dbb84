"""Rows whose facts are written as sentences in a cell ("该SDK由某某有限公司提供，会收集…"), and names with a
list number before them; in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.names import NameIndex
from auditor.policy.resolve import build_resolver
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("jpush", "JPush", "极光推送"),
        entry("umeng-analytics", "Umeng Analytics", "友盟统计"),
        entry("sentry", "Sentry"),
    )


@pytest.fixture(scope="module")
def names(catalog: Catalog) -> NameIndex:
    return build_resolver(catalog, load_lexicon()).names


DESCRIBED = """\
| SDK | 说明 |
| --- | --- |
| 1. 极光推送SDK | 为了向您推送消息，该SDK由深圳市和讯华谷信息技术有限公司提供，会收集设备标识符（IMEI、Android ID），详见 https://www.jiguang.cn/license/privacy |
| 2、友盟统计SDK | 用于统计功能的使用次数，由友盟同欣（北京）科技有限公司提供，收集OAID，详见 https://www.umeng.com/page/policy |
"""


def test_a_sentence_cell_gives_company_data_and_link(tmp_path, catalog):
    d = _read(tmp_path, "sdk.md", DESCRIBED, catalog)
    assert [(s.name, s.id, s.company, s.link) for s in d.sdks] == [
        ("1. 极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy"),
        ("2、友盟统计SDK", "umeng-analytics", "友盟同欣（北京）科技有限公司", "https://www.umeng.com/page/policy"),
    ]
    assert set(d.sdks[0].data_types) == {"imei", "android-id"}
    assert d.sdks[1].data_types == ("oaid",)


DESCRIBED_EN = """\
| Library | Notes |
| --- | --- |
| Sentry SDK | Crash reports, provided by Functional Software, Inc.; it receives the device model and the IP address. See https://sentry.io/privacy/ |
"""


def test_an_english_sentence_cell_names_the_company(tmp_path, catalog):
    d = _read(tmp_path, "libs.md", DESCRIBED_EN, catalog)
    assert [(s.name, s.id, s.company) for s in d.sdks] == [("Sentry SDK", "sentry", "Functional Software, Inc.")]
    assert {"device-model", "ip"} <= set(d.sdks[0].data_types)


@pytest.mark.parametrize("name, expected", [
    ("1、极光推送SDK", "jpush"), ("(2) 友盟统计SDK", "umeng-analytics"), ("3. Sentry", "sentry"),
    ("①极光推送", "jpush"),
])
def test_a_list_number_before_a_name_does_not_hide_it(tmp_path, catalog, name, expected):
    d = _read(tmp_path, "n.md", f"| SDK名称 | 第三方公司 |\n| --- | --- |\n| {name} | 某某有限公司 |\n", catalog)
    assert [(s.name, s.id) for s in d.sdks] == [(name, expected)]


@pytest.mark.parametrize("name, bare", [
    ("1、极光推送SDK", "极光推送SDK"), ("(2) 友盟统计SDK", "友盟统计SDK"), ("3. Sentry", "Sentry"), ("①极光推送", "极光推送"),
])
def test_a_list_number_is_not_part_of_the_looked_up_name(name, bare, names):
    assert names.forms(name) == names.forms(bare)


def test_a_version_number_is_not_a_list_number(names):
    assert names.forms("3.0 SDK") != names.forms("0 SDK")


def test_a_vendor_named_without_legal_form_after_provided_by(tmp_path, catalog):
    text = ("Crash reports: We use Sentry (a service provided by Google) to receive crash reports.\n\n"
            "Analytics: We use Umeng Analytics (a tool provided by Someone Unknown) to count visits.\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("Sentry", "Google"), ("Umeng Analytics", "")]


def test_an_entrys_chinese_name_is_looked_up(tmp_path):
    from dataclasses import replace as _replace

    cat = memory_catalog(_replace(entry("aliyun-emas-update", "Alibaba Cloud EMAS Cloud Release"), name_zh="云发布"))
    d = _read(tmp_path, "t.md", "| SDK名称 | 第三方公司 |\n| --- | --- |\n| 云发布SDK | 阿里云计算有限公司 |\n", cat)
    assert [(s.name, s.id) for s in d.sdks] == [("云发布SDK", "aliyun-emas-update")]


def test_a_cell_of_full_constants_is_the_rows_permissions(tmp_path, catalog):
    text = ("| SDK名称 | 所需权限 | 收集信息 |\n| --- | --- | --- |\n"
            "| 极光推送SDK | android.permission.ACCESS_NETWORK_STATE | 读取手机状态和身份、存储的个人文件 |\n"
            "| 友盟统计SDK | 网络权限 | 读取手机状态和身份 |\n")
    d = _read(tmp_path, "t.md", text, catalog)
    assert [(s.name, s.permissions) for s in d.sdks] == [
        ("极光推送SDK", ("android.permission.ACCESS_NETWORK_STATE",)),
        ("友盟统计SDK", ("android.permission.INTERNET", "android.permission.READ_PHONE_STATE")),
    ]


def test_a_template_placeholder_is_no_name(tmp_path, catalog):
    text = "{{ index + 1 }}. {{ item.name }}\n使用目的：{{ item.purpose }}\n第三方公司：{{ item.company }}\n"
    assert _read(tmp_path, "t.vue.txt", text, catalog).sdks == ()


def test_an_app_store_named_alone_is_no_sdk(tmp_path):
    from auditor.catalog.loader import load_catalog  # the shipped catalog has an entry named "Google Play"

    text = ("According to the Google Play Policy Update, Google Play requires that Developers disclose how their "
            "app uses data since 2022.\n")
    assert _read(tmp_path, "p.txt", text, load_catalog()).sdks == ()


def test_a_data_category_heading_is_no_sdk(tmp_path, catalog):
    text = "Usage Data\nPurpose: to improve the app\nCollected: pages visited\n\nSentry\nPurpose: crash reports\nOperator: Functional Software, Inc.\n"
    assert [s.name for s in _read(tmp_path, "p.txt", text, catalog).sdks] == ["Sentry"]


def test_a_block_whose_purpose_sentence_names_the_company(tmp_path, catalog):
    text = ("1. 极光推送SDK\n使用目的：推送消息，该SDK由深圳市和讯华谷信息技术有限公司提供\n收集信息：设备标识符（Android ID）\n\n"
            "2. 友盟统计SDK\n使用目的：统计分析\n第三方公司：友盟同欣（北京）科技有限公司\n")
    d = _read(tmp_path, "kv.txt", text, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司"), ("友盟统计SDK", "友盟同欣（北京）科技有限公司"),
    ]


def test_a_sentence_under_a_name_like_label_is_no_sdk(tmp_path, catalog):
    text = ("1. Information We Collect and How We Use It\n"
            "To provide our features, we require access to certain device capabilities. We only request these "
            "permissions when absolutely necessary:\n"
            "· Camera Access: * Why we need it: To enable fast scanning of codes.\n"
            "How we handle it: The camera feed is processed locally on your device.\n"
            "· Photo Library Access: * Why we need it: To allow you to scan codes directly from pictures saved in "
            "your gallery without opening the camera.\n"
            "How we handle it: We only access the specific picture you select.\n"
            "· Location Data: * Why we need it: To make codes that share where you are.\n"
            "How we handle it: Location is read only when you use this feature.\n")
    assert _read(tmp_path, "p.txt", text, catalog).sdks == ()
