"""Tables kept in code as rows of cells; in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.policy.literals import scan_literals
from tests.policy.helpers import entry, memory_catalog, read_text, small_catalog

ROWS = '''const rows = [
  ["SDK名称", "第三方公司名称", "使用目的", "收集的个人信息"],
  ["Bugly", "深圳市某某计算机系统有限公司", "崩溃日志收集", "设备型号、Android ID"],
  ["某某统计", "某某（北京）科技有限公司", "统计分析", "设备标识符（OAID）"],
];
'''

CELL_OBJECTS = '''export default {
  trList: [
    { tdList: [ { text: "第三方SDK名称", url: "" }, { text: "第三方公司名称", url: "" }, { text: "隐私政策", url: "" } ] },
    { tdList: [ { text: "Bugly", url: "" }, { text: "深圳市某某计算机系统有限公司", url: "" },
                { text: "隐私政策", url: "https://bugly.example.com/privacy" } ] },
    { tdList: [ { text: "某某统计", url: "" }, { text: "某某（北京）科技有限公司", url: "" }, { text: "", url: "" } ] },
  ]
}
'''


def test_arrays_of_rows_are_grids_each_row_with_its_lines():
    grids = scan_literals(ROWS.splitlines()).grids
    assert [(g.first, g.last) for g in grids] == [(0, 4)]
    assert [r for r in grids[0].rows] == [
        (("SDK名称", "第三方公司名称", "使用目的", "收集的个人信息"), 1, 1),
        (("Bugly", "深圳市某某计算机系统有限公司", "崩溃日志收集", "设备型号、Android ID"), 2, 2),
        (("某某统计", "某某（北京）科技有限公司", "统计分析", "设备标识符（OAID）"), 3, 3),
    ]
    cells = [r[0] for r in scan_literals(CELL_OBJECTS.splitlines()).grids[0].rows]
    assert cells[1] == ("Bugly", "深圳市某某计算机系统有限公司", "隐私政策 https://bugly.example.com/privacy")


def test_sections_with_paragraphs_and_lists_of_words_are_no_grids():
    text = '''const page = { sections: [
  { title: "一、我们收集的信息", paragraphs: ["第一段。", "第二段。"] },
  { title: "二、权限", paragraphs: ["相机权限：用于扫码。", "存储权限：用于缓存。"] },
] };
const words = ["相机", "麦克风", "存储"];
'''
    assert scan_literals(text.splitlines()).grids == ()


def test_rows_of_cells_read_as_an_sdk_table(tmp_path):
    catalog = memory_catalog(entry("tencent-bugly", "Tencent Bugly", "Bugly"))
    for name, text in (("rows.js", ROWS), ("cells.js", CELL_OBJECTS)):
        d = read_text(tmp_path, name, text, catalog)
        assert [(s.name, s.id, s.company) for s in d.sdks] == [
            ("Bugly", "tencent-bugly", "深圳市某某计算机系统有限公司"), ("某某统计", None, "某某（北京）科技有限公司")]
    d = read_text(tmp_path, "rows2.js", ROWS, catalog)
    assert [sorted(s.data_types) for s in d.sdks] == [["android-id", "device-model"], ["oaid"]]
    d = read_text(tmp_path, "cells2.js", CELL_OBJECTS, catalog)
    assert d.sdks[0].link == "https://bugly.example.com/privacy"


# a list of an SDK list's rows written as constructor calls with positional arguments (a Kotlin data class)
POSITIONAL_KT = """\
data class SdkInfo(val name: String, val vendor: String, val policyUrl: String)

object Sdks {
    val ALL: List<SdkInfo> = listOf(
        SdkInfo("某某广告联盟", "某某广告网络技术有限公司", "https://ads.example.cn/privacy"),
        SdkInfo("Example Push", "Example Push Co., Ltd.", "https://push.example.com/privacy"),
        SdkInfo("星图统计", "星图数据科技有限公司", "https://stats.example.cn/policy"),
    )
}

fun log() { Log.d("Sdks", "loaded") }
"""


def test_positional_calls_in_a_list_are_the_rows_of_a_table(tmp_path):
    catalog = memory_catalog(entry("example-push", "Example Push"))
    d = read_text(tmp_path, "Sdks.kt", POSITIONAL_KT, catalog)
    assert [(s.name, s.id, s.company, s.link) for s in d.sdks] == [
        ("某某广告联盟", None, "某某广告网络技术有限公司", "https://ads.example.cn/privacy"),
        ("Example Push", "example-push", "Example Push Co., Ltd.", "https://push.example.com/privacy"),
        ("星图统计", None, "星图数据科技有限公司", "https://stats.example.cn/policy"),
    ]


def test_calls_of_strings_outside_a_list_are_no_table():
    code = 'Log.d("Sdks", "loaded")\nprintln("a", "b")\nval x = Pair("one", "two")\n'
    assert scan_literals(code.split("\n")).grids == ()


SWITCH_CS = """\
public static string PrivacyUrl(this Network network)
{
    switch (network)
    {
        case Network.JPush:
            return "https://example.com/jpush/privacy";
        case Network.AppsFlyer:
            return "https://example.com/appsflyer/privacy";
        case Network.XiaomiPush:
            return "https://example.com/mipush/privacy";
        // the ad partner
        case Network.AcmeAds:
            return "https://ads.example.com/privacy";
        default: return null;
    }
}
"""

WHEN_KT = """\
fun privacyUrl(p: Partner): String = when (p) {
    Partner.JPush -> "https://example.com/jpush/privacy"
    Partner.XiaomiPush -> "https://example.com/mipush/privacy"
    Partner.AppsFlyer -> "https://example.com/appsflyer/privacy"
    Partner.AcmeAds -> "https://ads.example.com/privacy"
}
"""


@pytest.mark.parametrize("name, text", [("Networks.cs", SWITCH_CS), ("Partners.kt", WHEN_KT)])
def test_the_branches_of_a_switch_giving_each_name_its_link_are_rows(tmp_path, name, text):
    rows = read_text(tmp_path, name, text, small_catalog()).sdks
    by_name = {r.name: r for r in rows}
    assert by_name["JPush"].id == "jpush" and by_name["JPush"].link == "https://example.com/jpush/privacy"
    assert by_name["AcmeAds"].link == "https://ads.example.com/privacy" and by_name["AcmeAds"].id is None
    assert len(rows) == 4  # (a name the catalog does not know among names it knows is a partner too)


def test_two_branches_with_links_are_no_table(tmp_path):
    # guard: fewer than three branches say too little to be a list of partners
    text = 'when (p) {\n    Page.Help -> "https://example.com/help"\n    Page.Terms -> "https://example.com/terms"\n}\n'
    assert read_text(tmp_path, "Pages.kt", text, small_catalog()).sdks == ()


CONSTRUCTED_JAVA = """\
public static void init(Context context) {
    JPUSH = new Partner(context, "JPush", "https://example.com/jpush/privacy", R.string.kind_push, true);
    MIPUSH = new Partner(context, "Xiaomi Push", "https://example.com/mipush/privacy", R.string.kind_push, true)
            .withNote("https://example.com/mipush/partners");
    APPSFLYER = new Partner(context, "AppsFlyer", "https://example.com/appsflyer/privacy", R.string.kind_ads, false);
    ACME = new Partner(context, "Acme Ads", "https://ads.example.com/privacy", R.string.kind_ads, true);
}
"""

COMMENTED_CS = """\
static string[] partnerLinks =
{
    //JPush
    "https://example.com/jpush/privacy",
    //Retired Ads
    //"https://retired.example.com/privacy",
    //Xiaomi Push
    "https://example.com/mipush/privacy",
    //AppsFlyer
    "https://example.com/appsflyer/privacy",
    //Acme Ads
    "https://ads.example.com/privacy",
};
"""


@pytest.mark.parametrize("name, text", [("Partners.java", CONSTRUCTED_JAVA), ("Links.cs", COMMENTED_CS)])
def test_names_given_links_by_constructors_or_comments_are_rows(tmp_path, name, text):
    rows = read_text(tmp_path, name, text, small_catalog()).sdks
    assert [(r.name, r.link) for r in rows] == [
        ("JPush", "https://example.com/jpush/privacy"), ("Xiaomi Push", "https://example.com/mipush/privacy"),
        ("AppsFlyer", "https://example.com/appsflyer/privacy"), ("Acme Ads", "https://ads.example.com/privacy")]
    # (an address commented out is no entry: "Retired Ads" names nothing the app links)
