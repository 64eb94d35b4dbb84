"""A row whose name lists several products is one row per product, when the catalog knows them."""

from __future__ import annotations

from pathlib import Path

from tests.policy.helpers import read_text, small_catalog

SUMMARY = """Services we rely on, by purpose:

- Messages
  - JPush, Xiaomi Push and AppsFlyer
  - Personal Data: device identifiers and Usage Data
- Support
  - Helpdesk Widget and Ticket Tool
  - Personal Data: email address
"""


def test_a_row_naming_several_catalog_products_is_one_row_each(tmp_path: Path) -> None:
    rows = read_text(tmp_path, "p.md", SUMMARY, small_catalog()).sdks
    by_name = {r.name: r for r in rows}
    assert {"JPush", "Xiaomi Push", "AppsFlyer"} <= set(by_name)
    assert by_name["JPush"].id == "jpush" and by_name["Xiaomi Push"].id == "xiaomi-push"
    assert by_name["AppsFlyer"].id == "appsflyer"
    assert all(by_name[n].evidence.line_start == by_name["JPush"].evidence.line_start
               for n in ("Xiaomi Push", "AppsFlyer"))
    # names the catalog does not know are not cut: "X and Y" may be one product's name
    assert "Helpdesk Widget" not in by_name and "Ticket Tool" not in by_name


def test_a_list_in_brackets_is_what_one_row_covers(tmp_path: Path) -> None:
    text = "| SDK名称 | 公司 | 用途 |\n|---|---|---|\n| 推送SDK（极光推送、小米推送） | 示例公司 | 消息推送 |\n"
    rows = read_text(tmp_path, "p.md", text, small_catalog()).sdks
    assert [r.name for r in rows] == ["推送SDK（极光推送、小米推送）"]


def test_a_brand_plus_before_the_product_words_reads_as_the_brand(tmp_path: Path) -> None:
    from tests.policy.helpers import entry, memory_catalog
    catalog = memory_catalog(entry("umeng-push", "Umeng Push", "友盟推送"), entry("umeng", "Umeng Analytics", "友盟+"))
    text = "| SDK名称 | 用途 |\n|---|---|\n| 友盟+推送SDK | 消息推送 |\n| 友盟+ | 统计 |\n"
    rows = read_text(tmp_path, "p.md", text, catalog).sdks
    assert [(r.name, r.id) for r in rows] == [("友盟+推送SDK", "umeng-push"), ("友盟+", "umeng")]


def test_an_item_naming_an_sdk_and_its_company_before_a_colon_is_a_row(tmp_path: Path) -> None:
    text = ("本应用用到的第三方SDK：\n\n1. 极光推送SDK（深圳市和讯华谷信息技术有限公司）：推送通知；收集设备标识（OAID）；"
            "隐私政策：https://example.com/jpush\n2. 小米推送SDK（北京小米（中国）移动软件有限公司）：小米设备推送；收集设备型号\n")
    rows = read_text(tmp_path, "p.txt", text, small_catalog()).sdks
    assert [(r.name, r.id, r.company) for r in rows] == [
        ("极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司"), ("小米推送SDK", "xiaomi-push", "北京小米（中国）移动软件有限公司")]
    assert rows[0].data_types == ("oaid",) and rows[1].data_types == ("device-model",)


def test_a_table_of_package_identifiers_is_one_row_each_and_not_resolved_by_a_word(tmp_path: Path) -> None:
    from tests.policy.helpers import entry, memory_catalog
    catalog = memory_catalog(entry("firebase", "Firebase Cloud Messaging", "Firebase Messaging"),
                             entry("plusone", "Plus One", "Plus"))
    text = ("| SDK 名称 | 用途 | 隐私政策 |\n|---|---|---|\n| Firebase Messaging | 推送通知 | [Privacy](https://example.com/p) |\n"
            "| acme_blue_plus | 蓝牙连接 | 仅本地使用 |\n| scanner_kit_plus | 扫码 | 仅本地使用 |\n| info_plus | 读取版本 | 仅本地使用 |\n")
    rows = read_text(tmp_path, "p.md", text, catalog).sdks
    assert [(r.name, r.id) for r in rows] == [("Firebase Messaging", "firebase"), ("acme_blue_plus", None),
                                             ("scanner_kit_plus", None), ("info_plus", None)]


def test_one_catalog_name_beside_products_named_in_their_own_words_is_one_row_each(tmp_path: Path) -> None:
    # one part the catalog knows (JPush) and the others written as products' names ("Pager Lite SDK", "FooKit")
    text = ("Third-party services:\n\n- Product: Acme Pager SDK\n- Purpose: push messages\n\n"
            "- Products: Pager Lite SDK, FooKit, JPush\n- Third-party Company: Example Push Co., Ltd.\n"
            "- Purpose: message delivery\n")
    rows = read_text(tmp_path, "p.txt", text, small_catalog()).sdks
    assert [r.name for r in rows] == ["Acme Pager SDK", "Pager Lite SDK", "FooKit", "JPush"]
    assert {r.company for r in rows[1:]} == {"Example Push Co., Ltd."}


def test_an_aside_in_brackets_stays_with_its_part_and_parts_no_list(tmp_path: Path) -> None:
    text = "- Advertising\n  - Xiaomi Push (Mi Push) and Acme Ad Manager\n  - Personal Data: Usage Data\n"
    rows = read_text(tmp_path, "p.md", text, small_catalog()).sdks
    assert [(r.name, r.id) for r in rows] == [("Xiaomi Push", "xiaomi-push"), ("Acme Ad Manager", None)]


def test_a_word_for_what_the_product_does_is_no_product_of_its_own(tmp_path: Path) -> None:
    # guard: "Share" / "analytics" say what the catalog product before them does
    text = "- Social\n  - JPush and Share\n  - Personal Data: Usage Data\n- Stats\n  - AppsFlyer and in-app analytics\n" \
           "  - Personal Data: Usage Data\n"
    rows = read_text(tmp_path, "p.md", text, small_catalog()).sdks
    assert "Share" not in {r.name for r in rows} and "in-app analytics" not in {r.name for r in rows}
