"""The head of a list item and the rest after its separator, with brackets in the head; in our own words,
expected values written by hand."""

from __future__ import annotations

from pathlib import Path

from tests.policy.helpers import read_text, small_catalog


def test_a_company_in_brackets_with_brackets_of_its_own_stays_in_the_head(tmp_path: Path) -> None:
    text = ("本应用接入的第三方SDK：\n"
            "1. 极光推送SDK（深圳市和讯华谷信息技术有限公司（极光））：消息推送；收集Android ID、IP地址\n"
            "2. 友盟统计SDK（友盟同欣（北京）科技有限公司）：统计分析；收集OAID\n")
    d = read_text(tmp_path, "sdk.txt", text, small_catalog())
    assert [(s.id, s.company) for s in d.sdks] == [
        ("jpush", "深圳市和讯华谷信息技术有限公司（极光）"), ("umeng-analytics", "友盟同欣（北京）科技有限公司"),
    ]


def test_an_item_that_enumerates_what_is_collected_names_no_sdk(tmp_path: Path) -> None:
    text = ("i. Device information\n- We collect the following:\n"
            "- SDK/API version, IP address, platform, timestamp, app version, channel, time zone\n"
            "- These data only go to the statistics platform we run ourselves (JPush).\n")
    d = read_text(tmp_path, "p.txt", text, small_catalog())
    # the sentence names JPush (a prose mention); neither item is a list row
    assert [(s.name, s.extractor) for s in d.sdks] == [("JPush", "prose")]


def test_a_label_whose_last_word_is_permissions_holds_permissions(tmp_path: Path) -> None:
    text = ("第三方SDK名称：极光推送\n第三方SDK提供方的公司名称：深圳市和讯华谷信息技术有限公司\n"
            "实现SDK产品功能所需的权限：无\n处理的个人信息类型：设备标识符\n")
    d = read_text(tmp_path, "p.md", text, small_catalog())
    assert [(s.name, s.company) for s in d.sdks] == [("极光推送", "深圳市和讯华谷信息技术有限公司")]


def test_numbered_items_whose_heads_hold_a_field_word_stay_items(tmp_path: Path) -> None:
    # "（2）小米推送服务：…" holds 服务 ("service", a name label on its own) but is no label of the record above
    text = ("使用 SDK 名称：友盟统计\n隐私权政策链接：https://www.umeng.com/page/policy\n"
            "（2）小米推送服务：为了推送消息，我们集成了小米推送，它会收集设备标识符。\n"
            "（3）极光推送：为了推送消息，极光推送会收集设备标识符。\n")
    d = read_text(tmp_path, "p.txt", text, small_catalog())
    assert {"umeng-analytics", "xiaomi-push", "jpush"} <= {s.id for s in d.sdks}


def test_the_next_number_of_the_list_around_a_record_is_no_sub_item_of_it(tmp_path: Path) -> None:
    text = ("我们接入的第三方服务如下：\n（1）友盟：\n本应用已集成友盟统计\n"
            "使用 SDK 名称：友盟统计\n隐私权政策链接：https://www.umeng.com/page/policy\n"
            "（2）极光推送：为了推送消息，我们集成了极光推送SDK，它会收集设备标识符。\n"
            "（3）小米推送：为了推送消息，我们集成了小米推送，它会收集设备标识符。\n")
    d = read_text(tmp_path, "p.txt", text, small_catalog())
    assert {"umeng-analytics", "jpush", "xiaomi-push"} <= {s.id for s in d.sdks}
    assert next(s for s in d.sdks if s.id == "umeng-analytics").evidence.line_end <= 5


def test_full_width_punctuation_ends_an_address(tmp_path: Path) -> None:
    from auditor.policy.text import URL_RE
    assert URL_RE.findall("详见【https://lbs.example.com/home/privacy/】了解更多。见https://a.example.com/p。") == [
        "https://lbs.example.com/home/privacy/", "https://a.example.com/p"]


def test_a_row_of_an_sdk_takes_the_company_and_link_another_row_of_it_gives(tmp_path: Path) -> None:
    # the data table names the SDK in a cell; its own record below says who provides it and where its policy is
    text = ("| 数据类别 | 用途 | 第三方SDK |\n|---|---|---|\n| 设备标识符 | 消息推送 | 极光推送 |\n\n"
            "极光推送\n- 提供方：深圳市和讯华谷信息技术有限公司\n- 隐私政策：https://www.jiguang.cn/license/privacy\n")
    d = read_text(tmp_path, "p.md", text, small_catalog())
    rows = [s for s in d.sdks if s.id == "jpush"]
    assert len(rows) >= 2
    assert {(s.company, s.link) for s in rows} == {("深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy")}



def test_by_inside_a_word_or_the_apps_developer_names_no_company() -> None:
    from auditor.policy.extractors.item_list import item_company
    assert item_company("该SDK会收集路由器标识（BSSID、SSID、MAC）及IP地址、网络运营商信息") == ""  # 路由器, 运营商
    assert item_company("手机号码由APP开发者主动提供，用于一键登录") == ""  # the app's developer
    assert item_company("由北京小米移动软件有限公司提供，用于推送消息") == "北京小米移动软件有限公司"
    assert item_company("由高德提供定位服务") == "高德"
    assert item_company("a map service provided by Example Maps, Inc. for directions") == "Example Maps, Inc."


def test_a_numbered_item_naming_an_sdk_as_a_sentence_of_its_own(tmp_path):
    # "（1）某某听书SDK。我们获取…": the name is the first sentence, what follows says what it does
    from tests.policy.helpers import memory_catalog, read_text
    text = ("8、合作伙伴SDK使用说明\n（1）某某听书SDK。我们获取您的设备唯一编号，用于记录您的收听历史。\n"
            "（2）某某充电SDK。我们使用它获取您的IP地址，用于为您提供周边的充电站。\n"
            "（3）某某查分SDK。我们使用它获取您的设备型号，用于驾照查分服务。\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert [(s.name, list(s.data_types)) for s in d.sdks] == [
        ("某某听书SDK", []), ("某某充电SDK", ["ip"]), ("某某查分SDK", ["device-model"])]
