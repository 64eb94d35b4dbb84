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
