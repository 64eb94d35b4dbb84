"""An SDK's permissions one per row under its merged name, each with its purpose; in our own words, expected
values written by hand."""

from __future__ import annotations

from tests.policy.helpers import memory_catalog, read_text

A = "android.permission."


def test_rows_of_one_sdks_permissions_give_each_purpose_as_the_scene(tmp_path):
    text = ("<table><tr><th>SDK名称</th><th>权限</th><th>用途和目的</th><th>申请时机</th></tr>\n"
            '<tr><td rowspan="3">某某支付SDK</td><td>相机权限<br>CAMERA</td><td>扫描银行卡</td>'
            "<td>用户点击扫描时申请</td></tr>\n"
            "<tr><td>网络权限<br>INTERNET</td><td>提交支付订单</td><td>在清单中声明</td></tr>\n"
            "<tr><td>读取电话状态<br>READ_PHONE_STATE</td><td>识别设备，防范欺诈</td><td>首次支付时申请</td></tr>\n"
            "</table>\n")
    d = read_text(tmp_path, "p.html", text, memory_catalog())
    assert [s.name for s in d.sdks] == ["某某支付SDK"]
    assert [(s.name, [p.removeprefix(A) for p in s.permissions]) for s in d.scenes] == [
        ("扫描银行卡", ["CAMERA"]), ("提交支付订单", ["INTERNET"]), ("识别设备，防范欺诈", ["READ_PHONE_STATE"])]


def test_a_table_of_several_sdks_with_their_permissions_gives_no_scenes(tmp_path):
    # each row its own SDK: the purpose is the SDK's, not the use of one permission
    text = ("| SDK名称 | 权限 | 用途和目的 |\n|---|---|---|\n"
            "| 某某推送SDK | READ_PHONE_STATE | 推送消息 |\n| 某某统计SDK | ACCESS_NETWORK_STATE | 统计使用情况 |\n"
            "| 某某地图SDK | ACCESS_FINE_LOCATION | 展示地图 |\n")
    d = read_text(tmp_path, "p.md", text, memory_catalog())
    assert len(d.sdks) == 3 and d.scenes == ()


def test_a_questionnaire_answer_is_never_a_row_and_answers_saying_not_collected_deny_their_row(tmp_path):
    from auditor.policy.lexicon_data import load_lexicon
    from auditor.policy.text import name_like
    assert not name_like("Yes.") and not name_like("否") and not name_like("N/A")
    assert name_like("Yesway SDK") and name_like("Nofrills Analytics")
    lexicon = load_lexicon()
    assert lexicon.denied_row("Approximate location | Not collected by default.")
    assert lexicon.denied_row("IMEI | 不收集")
    assert not lexicon.denied_row("Approximate location | Collected for fraud prevention")
    assert not lexicon.denied_row("Approximate location | Nothing else")


def test_an_unresolved_sdk_named_alike_in_two_places_takes_company_link_and_permissions_from_both(tmp_path):
    # a record with the company and link, and a table of its permissions under a merged name written with a
    # space: one SDK; a generic name ("统计SDK") in two places may be two companies' SDKs and stays as written
    text = ("某某内购SDK\n第三方主体：北京某某科技有限公司\n隐私政策：https://sdk.example.cn/privacy\n\n"
            "<table><tr><th>SDK名称</th><th>权限</th><th>用途和目的</th></tr>\n"
            '<tr><td rowspan="2">某某 内购SDK</td><td>INTERNET</td><td>提交订单</td></tr>\n'
            "<tr><td>READ_PHONE_STATE</td><td>风控</td></tr></table>\n\n"
            "统计SDK\n第三方主体：甲公司\n\n| SDK名称 | 权限 |\n|---|---|\n| 统计SDK | ACCESS_NETWORK_STATE |\n")
    d = read_text(tmp_path, "p.md", text, memory_catalog())
    rows = [(s.name, s.company, s.link, sorted(p.removeprefix(A) for p in s.permissions)) for s in d.sdks]
    assert ("某某内购SDK", "北京某某科技有限公司", "https://sdk.example.cn/privacy", ["INTERNET", "READ_PHONE_STATE"]) in rows
    assert ("某某 内购SDK", "北京某某科技有限公司", "https://sdk.example.cn/privacy", ["INTERNET", "READ_PHONE_STATE"]) in rows
    assert ("统计SDK", "甲公司", "", []) in rows


def test_a_list_item_naming_an_sdk_then_its_permission_is_a_row_beside_the_permission_item(tmp_path):
    # "* 某某推送SDK：READ_PHONE_STATE：…" under a list of permissions: the item names the SDK and then the
    # permission it uses; the permission reading keeps its pairs, the SDK keeps its row
    text = ("三、第三方SDK申请的权限\n"
            "* 某某统计SDK：READ_PHONE_STATE：获取设备IMEI，用于统计去重\n"
            "* ACCESS_NETWORK_STATE：判断网络是否可用\n"
            "* 某某推送SDK：READ_PHONE_STATE：获取设备IMEI，用于推送消息到达\n"
            "* RECEIVE_BOOT_COMPLETED：开机后接收消息\n"
            "* 某某地图SDK：ACCESS_FINE_LOCATION：获取精确位置，用于展示附近门店\n")
    d = read_text(tmp_path, "p.md", text, memory_catalog())
    assert [(s.name, [p.removeprefix(A) for p in s.permissions]) for s in d.sdks] == [
        ("某某统计SDK", ["READ_PHONE_STATE"]), ("某某推送SDK", ["READ_PHONE_STATE"]),
        ("某某地图SDK", ["ACCESS_FINE_LOCATION"])]
    assert A + "RECEIVE_BOOT_COMPLETED" in {p.permission for p in d.permissions}
