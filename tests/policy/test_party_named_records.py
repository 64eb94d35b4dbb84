"""Key-value records named by the third party's label ("第三方名称：<product>") and Hong Kong style data labels."""

from __future__ import annotations

from pathlib import Path

from tests.policy.helpers import read_text, small_catalog

PARTY_NAMED = """3.2 SDK的使用
3.2.1 本应用接入下列第三方：
3.2.1.1 第三方名称：极光推送
用途：向您发送通知
收集个人资料类型：IP地址、WiFi状态
3.2.1.2 第三方名称：小米推送
用途：小米手机上的通知
收集个人资料类型：设备型号
3.2.1.3 第三方名称：某某客服组件
用途：在线客服
收集个人资料类型：设备型号
"""


def test_records_named_by_the_party_label_are_the_products(tmp_path: Path) -> None:
    rows = read_text(tmp_path, "p.txt", PARTY_NAMED, small_catalog()).sdks
    assert [(r.name, r.id, r.company) for r in rows] == [
        ("极光推送", "jpush", ""), ("小米推送", "xiaomi-push", ""), ("某某客服组件", None, "")]
    assert set(rows[0].data_types) == {"ip", "wifi-info"}
    assert rows[1].data_types == ("device-model",)


def test_a_party_label_holding_legal_entities_stays_the_company(tmp_path: Path) -> None:
    text = ("第三方名称：深圳市和讯华谷信息技术有限公司\nSDK名称：极光推送\n用途：推送\n\n"
            "第三方名称：北京小米移动软件有限公司\nSDK名称：小米推送\n用途：推送\n")
    rows = read_text(tmp_path, "p.txt", text, small_catalog()).sdks
    assert [(r.name, r.company) for r in rows] == [("极光推送", "深圳市和讯华谷信息技术有限公司"),
                                                   ("小米推送", "北京小米移动软件有限公司")]


def test_a_field_table_of_one_sdk_with_its_version_and_size_is_one_row(tmp_path: Path) -> None:
    text = ("# 基本信息\n\n| 字段 | 内容 |\n| --- | --- |\n| SDK名称 | 极光推送 |\n| SDK版本 | 5.0.1 |\n"
            "| SDK大小 | 1.2MB |\n| SDK MD5 | 0123456789abcdef0123456789abcdef |\n| SDK功能 | 消息推送 |\n")
    rows = read_text(tmp_path, "p.md", text, small_catalog()).sdks
    assert [(r.name, r.id, r.purpose) for r in rows] == [("极光推送", "jpush", "消息推送")]


def test_a_numbered_name_label_is_a_label(tmp_path: Path) -> None:
    # "1. SDK名称：…" opens a record like "SDK名称：…"; a list title ending in a colon is no name of its own
    text = "第三方SDK清单：\n1. SDK名称：极光推送\n开发者：深圳市和讯华谷信息技术有限公司\n2. SDK名称：小米推送\n用途：推送\n"
    rows = read_text(tmp_path, "p.txt", text, small_catalog()).sdks
    assert [(r.name, r.id, r.company) for r in rows] == [
        ("极光推送", "jpush", "深圳市和讯华谷信息技术有限公司"), ("小米推送", "xiaomi-push", "")]


def test_sentences_between_two_labels_of_a_record_do_not_end_it(tmp_path: Path) -> None:
    text = ("第三方SDK\n（1）极光推送\n使用目的：消息推送\n推送服务会在后台保持一条长连接。\n"
            "收集个人信息字段：设备型号\n开启推送后，消息会及时到达。\n使用方式：SDK本机采集\n所属机构：深圳市和讯华谷信息技术有限公司\n"
            "（2）小米推送\n使用目的：小米设备上的推送\n所属机构：北京小米移动软件有限公司\n")
    rows = read_text(tmp_path, "p.txt", text, small_catalog()).sdks
    assert [(r.name, r.id, r.company, r.method) for r in rows] == [
        ("极光推送", "jpush", "深圳市和讯华谷信息技术有限公司", "SDK本机采集"),
        ("小米推送", "xiaomi-push", "北京小米移动软件有限公司", "")]
    assert rows[0].data_types == ("device-model",)  # the asides are not its data


LABELLED = """1. SDK名称：极光推送
所涉信息：设备型号、IP地址
作用：消息推送
2. SDK名称：某某客服组件
适配范围：安卓与iOS
开发者：某某网络科技有限公司
"""


def test_a_label_under_the_name_label_is_never_more_of_the_name(tmp_path: Path) -> None:
    """"所涉信息" is a data label; a label we do not know ("适配范围") under the name label is a fact of the record,
    not more words of its name, and the labels after it still belong to it."""
    rows = read_text(tmp_path, "p.txt", LABELLED, small_catalog()).sdks
    assert [(r.name, r.id, r.company, set(r.data_types)) for r in rows] == [
        ("极光推送", "jpush", "", {"device-model", "ip"}),
        ("某某客服组件", None, "某某网络科技有限公司", set()),
    ]


HEADED_PRODUCT = """1.1 第三方SDK
1.1.1 小米推送SDK（仅安卓）
第三方主体：小米科技有限责任公司
产品名称：小米 SDK
共享信息：设备型号
1.1.2 某某客服组件
第三方主体：某某网络科技有限公司
产品名称：客服 SDK
"""


def test_a_name_label_under_a_heading_naming_a_product_says_it_again(tmp_path: Path) -> None:
    """The heading names a catalog product; "产品名称" under it writes the same product more loosely: one row,
    named by the heading. Under a heading that names no product, the name label names the record."""
    rows = read_text(tmp_path, "p.txt", HEADED_PRODUCT, small_catalog()).sdks
    assert [(r.name, r.id, r.company) for r in rows] == [
        ("小米推送SDK（仅安卓）", "xiaomi-push", "小米科技有限责任公司"),
        ("客服 SDK", None, "某某网络科技有限公司"),
    ]


BY_SHARING_TYPE = """第三方公司名称：甲乙地图有限公司
共享类型：内嵌 SDK（甲乙地图 SDK）
共享信息：设备型号、IP地址
使用场景：设置家庭位置
第三方个人信息处理规则：https://map.example.cn/privacy
第三方公司名称：丙丁科技有限公司
共享类型：内嵌 SDK（丙丁推送 SDK）
共享信息：OAID
"""


def test_records_without_a_name_label_named_by_their_sharing_type(tmp_path: Path) -> None:
    """Records opened by their company label, one after another, each naming its SDK only in its sharing
    type's brackets: one row each, with the record's facts (its scene label is one of them, not a new record)."""
    rows = read_text(tmp_path, "p.txt", BY_SHARING_TYPE, small_catalog()).sdks
    assert [(r.name, r.company, r.data_types, r.link, r.extractor) for r in rows] == [
        ("甲乙地图 SDK", "甲乙地图有限公司", ("ip", "device-model"), "https://map.example.cn/privacy", "key-value"),
        ("丙丁推送 SDK", "丙丁科技有限公司", ("oaid",), "", "key-value"),
    ]
