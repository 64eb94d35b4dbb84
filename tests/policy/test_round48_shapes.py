"""Shapes read right in round 48, in our own words with made-up names (and, where the catalog's own facts are what is
tested, real product names against the bundled catalog), expected values written by hand.

- A list's lead-in sentence that says what the parties listed under it collect ("The advertising partners listed
  below may collect … advertising identifiers, IP address …", "应用内集成了以下第三方SDK，这些SDK可能会收集您的…")
  names those data for every row of that list (each row's ``lead`` is the sentence), also when the list is read as
  one block per party; not for a list after a paragraph in which the app speaks for itself ("We use …"), not when
  the sentence says the parties do not collect, and not when what follows is no list of parties ("增加如下参考条款").
- A flattened table's cell of parties a line apart ("华为" / "小米" beside "消息推送") is a row per party, "华为" among
  them (its "为" is no clause's word); the package names of that row are the parties' together, so each party named
  only by its vendor is that vendor's SDK of the row's kind (Huawei's and Xiaomi's push SDKs), not the one entry the
  packages name.
- A name of a vendor and one of its products ("Umeng U-Verify一键登录") is that product, not the vendor's best-known one.
- A name coined as one word and written exactly as an entry's alias is that product though its words are a kind's
  ("ShareSDK"; "share SDK" stays unresolved).
- Customer-service and e-commerce SDKs app policies name often (网易七鱼, 阿里百川) resolve to their catalog entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import made_up_catalog, only_row
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "wu-map", "xin-share")


_EN_LEAD = """\
Appendix 1 - Advertising partners
To show ads, the advertising partners listed below may collect or receive information from your device, such as \
advertising identifiers, your IP address and the list of installed apps, to select and measure ads.

Quorvex Ads
Quorvex Ads is an advertising service provided by Quorvex, Inc. (US)
Privacy Policy: https://quorvex.example/privacy
Blandivo
Blandivo is an advertising service provided by Blandivo Ltd (UK)
Privacy Policy: https://blandivo.example/privacy
For more information on Blandivo partners, please visit: https://blandivo.example/partners
You can opt out of Blandivo by following the instructions on its opt-out page: https://blandivo.example/optout
Trelvana Ads
Trelvana Ads is an advertising service provided by Trelvana GmbH (Germany)
Privacy Policy: https://trelvana.example/privacy
Appendix 2 - Analytics providers
We use your information for our own analytics and to enable analytics services provided by third parties.
Zentrix Analytics
Zentrix Analytics is an analytics service provided by Zentrix, Inc. (US)
Privacy Policy: https://zentrix.example/privacy
Morvane Metrics
Morvane Metrics is an analytics service provided by Morvane LLC (US)
Privacy Policy: https://morvane.example/privacy
"""


def test_a_lead_in_names_its_data_for_every_row_of_the_list_under_it(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "lead.txt", _EN_LEAD, catalog)
    for name in ("Quorvex Ads", "Blandivo", "Trelvana Ads"):
        row = only_row(d, name)
        assert {"advertising-id", "ip", "installed-apps"} <= set(row.data_types), name
        assert row.lead is not None and "listed below" in row.lead.text
    for name in ("Zentrix Analytics", "Morvane Metrics"):  # under the next section's own paragraph
        row = only_row(d, name)
        assert row.data_types == () and row.lead is None, name


_ZH_LEAD = """\
应用内集成了以下第三方SDK，这些SDK可能会收集您的设备标识符（IMEI、Android ID）和IP地址。

| SDK名称 | 第三方公司名称 | 使用目的 |
| --- | --- | --- |
| 甲乙推送SDK | 甲乙网络有限公司 | 消息推送 |
| 丙丁统计SDK | 丙丁科技有限公司 | 统计分析 |
"""

_ZH_NOT_LEAD = """\
您务必告知用户您选择了某某SDK服务，请在隐私政策中增加如下参考条款：某某SDK需要收集您的设备Mac地址、IP地址以提供统计分析服务。

| SDK名称 | 第三方公司名称 | 使用目的 |
| --- | --- | --- |
| 甲乙推送SDK | 甲乙网络有限公司 | 消息推送 |

我们接入的以下第三方SDK不会收集您的IMEI、IP地址等个人信息：

| SDK名称 | 第三方公司名称 | 使用目的 |
| --- | --- | --- |
| 丙丁统计SDK | 丙丁科技有限公司 | 统计分析 |
"""


def test_a_chinese_lead_in_names_its_data_for_the_table_under_it(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "lead.md", _ZH_LEAD, catalog)
    for name in ("甲乙推送SDK", "丙丁统计SDK"):
        assert {"imei", "android-id", "ip"} <= set(only_row(d, name).data_types), name


def test_no_lead_in_when_what_follows_is_no_list_of_parties_or_they_do_not_collect(tmp_path: Path,
                                                                                  catalog: Catalog) -> None:
    d = _read(tmp_path, "not_lead.md", _ZH_NOT_LEAD, catalog)
    for name in ("甲乙推送SDK", "丙丁统计SDK"):
        row = only_row(d, name)
        assert row.data_types == () and row.lead is None, name


_PARTIES = """\
第三方可能收集的信息

为提供服务，本应用接入了第三方服务，第三方的名称、功能和收集的个人信息如下：


功能类型
使用目的
第三方名称
涉及个人隐私
第三方包名


快捷登录
根据用户选择，为用户提供快捷登录功能



甲网


乙网




                设备信息，用户手机号
<blank cell>
com.example.onekey



消息推送
根据用户机型，为用户提供通知信息推送功能



华为


小米




                设备信息
<blank cell>
com.huawei.hms，com.igexin.sdk
""".replace("<blank cell>", " " * 12)  # (a cell left empty, copied as a line of blanks)


def test_a_row_of_parties_a_line_apart_is_a_row_each_resolved_by_its_vendor_not_the_shared_packages(
        tmp_path: Path, bundled_catalog: Catalog) -> None:
    # (the bundled catalog: Huawei's and Xiaomi's push SDKs, and Getui's, whose package com.igexin.sdk the row lists)
    d = _read(tmp_path, "parties.txt", _PARTIES, bundled_catalog)
    assert [(r.name, r.id) for r in d.sdks if r.name in ("华为", "小米")] == [("华为", "huawei-push"), ("小米", "xiaomi-push")]
    assert only_row(d, "华为").purpose == "根据用户机型，为用户提供通知信息推送功能"  # "华为" is a party, not the purpose's


_VENDOR_AND_PRODUCT = """\
| SDK名称 | 使用目的 |
| --- | --- |
| Umeng U-Verify一键登录 | 本机号码一键登录 |
"""


def test_a_name_of_the_vendor_and_one_of_its_products_is_that_product(tmp_path: Path, bundled_catalog: Catalog) -> None:
    # (the vendor's word names its best-known product on its own, "Umeng": beside U-Verify it names no second entry)
    d = _read(tmp_path, "vendor_product.md", _VENDOR_AND_PRODUCT, bundled_catalog)
    assert [(r.name, r.id) for r in d.sdks] == [("Umeng U-Verify一键登录", "umeng-verify")]



_WRITTEN_AS_ALIAS = """\
| SDK名称 | 使用目的 |
| --- | --- |
| ShareSDK | 社会化分享 |
| share SDK | 社会化分享 |
"""


def test_a_one_word_name_written_exactly_as_an_alias_is_that_product_though_its_words_are_a_kinds(
        tmp_path: Path, bundled_catalog: Catalog) -> None:
    # ("ShareSDK" is MobTech's product as the catalog records it; "share SDK" says only what kind of SDK it is)
    d = _read(tmp_path, "alias.md", _WRITTEN_AS_ALIAS, bundled_catalog)
    assert [(r.name, r.id) for r in d.sdks] == [("ShareSDK", "mob-sharesdk"), ("share SDK", None)]


@pytest.mark.parametrize(("name", "sdk_id"), [
    ("网易七鱼SDK", "netease-qiyu"), ("七鱼客服", "netease-qiyu"),
    ("阿里百川SDK", "alibaba-baichuan"), ("百川电商SDK", "alibaba-baichuan"),
])
def test_customer_service_and_e_commerce_sdks_policies_name_often_are_in_the_catalog(
        tmp_path: Path, bundled_catalog: Catalog, name: str, sdk_id: str) -> None:
    # (names as app-store policies write them; the entries' signatures are LibChecker's component rules)
    d = _read(tmp_path, "named.md", f"| SDK名称 | 使用目的 |\n| --- | --- |\n| {name} | 在线客服 |\n", bundled_catalog)
    assert [(r.name, r.id) for r in d.sdks] == [(name, sdk_id)]
