"""Policy text kept in app source code (JSX, Dart, Kotlin, Java): the words a line shows, read as the policy;
in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.code_text import human_text
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.mark.parametrize("line, shown", [
    ("            Text('SDK名称：极光推送SDK'),", "SDK名称：极光推送SDK"),
    ('    "收集个人信息：" + "设备标识符（Android ID）",', "收集个人信息： 设备标识符（Android ID）"),
    ("  <Text style={styles.label}>第三方公司：深圳市和讯华谷信息技术有限公司</Text>", "第三方公司：深圳市和讯华谷信息技术有限公司"),
    ("  <p className=\"row\">We use Sentry to receive crash reports.</p>", "We use Sentry to receive crash reports."),
    ("  'Line one\\nline two of the policy text',", "Line one\nline two of the policy text"),  # a shown break
    # code only, or a property of an object literal (read as data from the code)
    ("import 'package:flutter/material.dart';", None),
    ("    final String key = 'utf-8';", None),
    ("  name: '极光推送SDK',", None),
    ("    return <View style={styles.box}>", None),
    # a line of only string literals is text however short ("• Email" over several such lines of one text)
    ('    "• Email address\\n"', "• Email address"),
    ("    '• Crash logs' +", "• Crash logs"),
    ("    final String key = 'a';", None),
])
def test_the_words_a_line_shows(line, shown):
    assert human_text(line) == shown


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送"), entry("umeng", "Umeng Analytics", "友盟统计"))


DART = """\
class PrivacyPage extends StatelessWidget {
  @override
  Widget build(BuildContext context) {
    return Column(children: [
      Text('第三方SDK名称：极光推送SDK'),
      Text('第三方公司名称：深圳市和讯华谷信息技术有限公司'),
      Text('收集个人信息：设备标识符（Android ID、OAID）'),
      Text('第三方SDK名称：友盟统计SDK'),
      Text('第三方公司名称：友盟同欣（北京）科技有限公司'),
      Text('收集个人信息：设备标识符（IMEI）'),
    ]);
  }
}
"""


def test_labels_in_flutter_text_widgets(tmp_path, catalog):
    d = _read(tmp_path, "privacy_page.dart", DART, catalog)
    assert [(s.name, s.id, s.company) for s in d.sdks] == [
        ("极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司"), ("友盟统计SDK", "umeng", "友盟同欣（北京）科技有限公司"),
    ]
    assert set(d.sdks[0].data_types) == {"android-id", "oaid"}
    assert d.sdks[0].evidence.line_start == 5


def test_object_literal_records_are_still_read_from_the_code(tmp_path, catalog):
    text = "export const sdks = [\n  { name: '极光推送SDK', company: '深圳市和讯华谷信息技术有限公司' },\n  { name: '友盟统计SDK', company: '友盟同欣（北京）科技有限公司' },\n]\n"
    d = _read(tmp_path, "sdks.ts", text, catalog)
    assert [(s.name, s.extractor) for s in d.sdks] == [("极光推送SDK", "object-literal"), ("友盟统计SDK", "object-literal")]


KOTLIN_CALLS = """\
object Partners {
    val ADMOB = Partner(
        name = "AdMob",
        link = "https://policies.google.com/privacy",
        isAds = true
    )
    val SENTRY = Partner(
        name = "Sentry",
        link = "https://sentry.io/privacy/",
        isAds = false
    )
    val UMENG = Partner(
        name = "Umeng Analytics",
        link = "https://www.umeng.com/page/policy"
    )
    val TINYADS = Partner(
        name = "TinyAds",
        link = "https://tinyads.example/privacy"
    )
}
"""


def test_calls_with_named_arguments_are_records(tmp_path):
    cat = memory_catalog(entry("admob", "Google AdMob", "AdMob"), entry("sentry", "Sentry"),
                         entry("umeng", "Umeng Analytics"))
    d = _read(tmp_path, "Partners.kt", KOTLIN_CALLS, cat)
    assert [(s.name, s.id, s.link, s.extractor) for s in d.sdks] == [
        ("AdMob", "admob", "https://policies.google.com/privacy", "object-literal"),
        ("Sentry", "sentry", "https://sentry.io/privacy/", "object-literal"),
        ("Umeng Analytics", "umeng", "https://www.umeng.com/page/policy", "object-literal"),
        ("TinyAds", None, "https://tinyads.example/privacy", "object-literal"),
    ]


DART_LIST = """\
final sdks = [
  Sdk(name: 'AdMob', company: 'Google LLC', data: 'Advertising ID'),
  Sdk(name: 'Sentry', company: 'Functional Software, Inc.', data: 'device model'),
];
"""


def test_a_dart_list_of_constructor_calls(tmp_path):
    cat = memory_catalog(entry("admob", "Google AdMob", "AdMob"), entry("sentry", "Sentry"))
    d = _read(tmp_path, "sdks.dart", DART_LIST, cat)
    assert [(s.name, s.company, s.data_types) for s in d.sdks] == [
        ("AdMob", "Google LLC", ("advertising-id",)), ("Sentry", "Functional Software, Inc.", ("device-model",)),
    ]


def test_jsx_text_wrapped_over_lines_by_a_formatter_is_one_line(tmp_path):
    # a React Native page: each item's text wrapped by the formatter, the name on one line and its facts below
    from auditor.policy import read_policy
    from tests.policy.helpers import entry, memory_catalog
    catalog = memory_catalog(entry("sentry", "Sentry SDK", "Sentry"))
    path = tmp_path / "Policy.tsx"
    path.write_text("<Text style={styles.title}>接入第三方SDK清单：</Text>\n<Text style={styles.item}>\n"
                    "    Sentry\n    SDK：主要收集崩溃信息，用于异常监控；\n</Text>\n<Text style={styles.item}>\n"
                    "    Acme推送\n    SDK：主要收集设备标识信息，用于消息推送；\n</Text>\n", encoding="utf-8")
    from auditor.policy.loader import load_document
    texts = [line.text for line in load_document(path).lines]
    assert "Sentry SDK：主要收集崩溃信息，用于异常监控；" in texts
    assert "Acme推送 SDK：主要收集设备标识信息，用于消息推送；" in texts
    assert [(r.name, r.id) for r in read_policy(path, catalog).sdks][:1] == [("Sentry SDK", "sentry")]


def test_lines_of_only_tags_are_no_text(tmp_path, catalog):
    # elements opened and closed on lines of their own: the tags are layout, never a record's name line
    tsx = ("<Para level={3}>第三方SDK列表：</Para>\n<Para level={4}>\n  1. SDK名称：极光推送SDK\n</Para>\n"
           "<Para>开发者：深圳市和讯华谷信息技术有限公司</Para>\n<Para>\n  个人信息：设备标识（OAID）\n</Para>\n"
           "<Para level={4}>\n  2. SDK名称：友盟统计SDK\n</Para>\n<Para>\n  个人信息：设备型号\n</Para>\n")
    d = _read(tmp_path, "Policy.tsx", tsx, catalog)
    assert [(s.name, s.id) for s in d.sdks] == [("极光推送SDK", "jpush"), ("友盟统计SDK", "umeng")]
    assert d.sdks[0].company == "深圳市和讯华谷信息技术有限公司" and d.sdks[0].data_types == ("oaid",)
    assert d.sdks[1].data_types == ("device-model",)


def test_a_blank_line_in_a_string_ends_its_paragraph(tmp_path, catalog):
    # a Markdown policy kept in a Dart raw string: the labels of a data list end at the blank line, so the
    # links to the services below are not read as the last label's value
    dart = ("const policy = '''\n**What we collect**\n\n- **Personal information:** the email you sign up with.\n"
            "- **Usage:** which screens you open.\n\n[JPush](https://example.com/jpush-privacy)\n\n"
            "[友盟统计](https://example.com/umeng-privacy)\n''';\n")
    rows = _read(tmp_path, "policy.dart", dart, catalog).sdks
    assert [(r.name, r.id) for r in rows] == [("JPush", "jpush"), ("友盟统计", "umeng")]


def test_a_record_commented_out_is_not_read(tmp_path, catalog):
    text = ("export const sdks = [\n  { name: '极光推送SDK', company: '深圳市和讯华谷信息技术有限公司' },\n"
            "  // {\n  //   name: '友盟统计SDK',\n  //   company: '友盟同欣（北京）科技有限公司',\n  // },\n]\n")
    d = _read(tmp_path, "sdks.ts", text, catalog)
    assert [s.name for s in d.sdks] == ["极光推送SDK"]


def test_each_react_native_text_element_is_a_paragraph(tmp_path):
    # a page of <View>/<Text> read as markup: each outer <Text> is a line, a <Text> inside one is a bold span
    from auditor.policy.loader import load_document
    path = tmp_path / "Perms.js"
    path.write_text("<View style={styles.box}>\n  <Text style={styles.p}>\n    本应用使用的权限：\n  </Text>\n"
                    "  <Text style={styles.p}>\n    <Text style={{fontWeight: 'bold'}}>android.permission.CAMERA 相机权限：</Text>"
                    "扫描二维码时使用。\n  </Text>\n  <Text style={styles.p}>\n    <Text style={{fontWeight: 'bold'}}>"
                    "android.permission.RECORD_AUDIO 麦克风权限：</Text>发送语音消息时使用。\n  </Text>\n</View>\n",
                    encoding="utf-8")
    texts = [line.text for line in load_document(path).lines]
    assert [t.replace("： ", "：") for t in texts] == ["本应用使用的权限：", "android.permission.CAMERA 相机权限：扫描二维码时使用。",
                     "android.permission.RECORD_AUDIO 麦克风权限：发送语音消息时使用。"]


def test_text_with_written_line_breaks_is_cut_at_them(tmp_path, catalog):
    # an Android string resource keeps the policy on one line, its breaks written as \n
    xml = ('<resources>\n  <string name="sdk_list">第三方SDK清单：\\n1. SDK名称：极光推送SDK\\n'
           '\\t\\t第三方公司：深圳市和讯华谷信息技术有限公司\\n\\t\\t收集个人信息：设备标识（OAID）\\n'
           '2. SDK名称：友盟统计SDK\\n\\t\\t第三方公司：友盟同欣（北京）科技有限公司\\n</string>\n</resources>\n')
    d = _read(tmp_path, "strings.xml", xml, catalog)
    assert [(s.name, s.id, s.company) for s in d.sdks] == [
        ("极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司"), ("友盟统计SDK", "umeng", "友盟同欣（北京）科技有限公司")]
    assert d.sdks[0].data_types == ("oaid",) and d.sdks[0].evidence.line_start == 2


def test_a_line_break_written_in_a_string_cuts_the_line(tmp_path):
    from auditor.policy.loader import load_document
    path = tmp_path / "Perms.kt"
    path.write_text('val items = listOf(\n    "一、相机（CAMERA）" to "用途：扫描二维码。\\n调用时机：点击扫一扫时。",\n)\n',
                    encoding="utf-8")
    lines = load_document(path).lines
    assert [(line.no, line.text) for line in lines if line.no == 2] == [
        (2, "一、相机（CAMERA） 用途：扫描二维码。"), (2, "调用时机：点击扫一扫时。")]


def test_the_quotes_opening_a_multi_line_string_are_not_text(tmp_path):
    from auditor.policy.loader import load_document
    path = tmp_path / "page.dart"
    path.write_text("section(\n  'Permissions',\n  '''• Camera: to scan receipts\n• Internet: to sync data''',\n)\n",
                    encoding="utf-8")
    texts = [line.text for line in load_document(path).lines]
    assert "• Camera: to scan receipts" in texts and "• Internet: to sync data" in texts


DART_TEXT = """const String thirdPartyText =
    "The app sends data to these services:\\n"
    "• Sentry\\n"
    "• Device model\\n";

const String usePurposeText =
    "The data is used to:\\n"
    "• Fix crashes\\n"
    "• Keep the app stable";
"""


def test_a_declaration_line_is_no_name_and_short_lines_of_a_string_are_text(tmp_path):
    """"const String usePurposeText =" over a label line is code, not an SDK's name; the short pieces of a
    text written one string a line ("• Sentry\\n") are read as its lines."""
    d = _read(tmp_path, "p.dart", DART_TEXT, memory_catalog(entry("sentry", "Sentry")))
    assert [s.name for s in d.sdks] == ["Sentry"]


def test_a_markdown_table_kept_in_concatenated_strings_keeps_its_rule(tmp_path):
    # a Java string written over lines ("| … |\n" +): the rule under the titles has no letters, yet is the table's
    text = ('public class Policy {\n    static final String TEXT =\n'
            '        "## 权限用途说明\\n" +\n'
            '        "| 权限 | 用途 |\\n" +\n'
            '        "| --- | --- |\\n" +\n'
            '        "| 相机 | 扫描快递单上的条码 |\\n" +\n'
            '        "| 通知 | 提醒您取件 |\\n";\n}\n')
    d = _read(tmp_path, "Policy.java", text, memory_catalog())
    uses = {p.permission: p.scene for p in d.permissions}
    assert "条码" in uses["android.permission.CAMERA"]
    assert "取件" in uses["android.permission.POST_NOTIFICATIONS"]
