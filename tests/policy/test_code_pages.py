"""Policy text kept in app code: a record list whose slug key is no name, asset paths that are no data, a
mini-program / uni-app page written with <view> and <text>, and key-value blocks with a second name-like
label, a React Native page of string expressions, "关于X：" / "About X:" over the facts of X; in our own
words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.loader import load_document
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("admob", "Google AdMob", "AdMob"), entry("sentry", "Sentry"), entry("umeng", "Umeng Analytics", "友盟SDK"),
        entry("gps", "Google Play Services"),
    )


SERVICES = """\
var services = [
  { name: "Google Play Services", model: "gps", gps: true, logo: "images/gps.png",
    link: { privacy: "https://policies.google.com/privacy" } },
  { name: "AdMob", model: "admob", admob: false, logo: "images/admob.png",
    link: { privacy: "https://support.google.com/admob/answer/6128543" } },
  { name: "Sentry", model: "sentry", sentry: false, logo: "images/sentry.png",
    link: { privacy: "https://sentry.io/privacy/" } },
]
"""


def test_the_name_key_beats_a_slug_and_asset_paths_are_no_data(tmp_path, catalog):
    d = _read(tmp_path, "services.js", SERVICES, catalog)
    assert [(s.name, s.id, s.data_types) for s in d.sdks] == [
        ("Google Play Services", "gps", ()), ("AdMob", "admob", ()), ("Sentry", "sentry", ()),
    ]


UNI_APP = """\
<template>
  <view class="modal">
    <scroll-view scroll-y>
      <text class="title">第三方SDK说明</text>
      <view class="item">
        <text class="label">第三方SDK名称：</text>
        <text class="value">友盟SDK</text>
        <view class="gap"></view>
        <text class="label">第三方公司名称：</text>
        <text class="value">友盟同欣（北京）科技有限公司</text>
        <view class="gap"></view>
        <text class="label">收集个人信息种类：</text>
        <text class="value">设备标识符（Android ID、OAID）</text>
      </view>
    </scroll-view>
  </view>
</template>
"""


def test_a_uni_app_page_of_view_and_text_tags(tmp_path, catalog):
    d = _read(tmp_path, "privacy.vue", UNI_APP, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("友盟SDK", "友盟同欣（北京）科技有限公司")]
    assert set(d.sdks[0].data_types) == {"android-id", "oaid"}


KOTLIN = '''\
Text(
    """
第三方信息共享清单：

使用SDK名称：友盟SDK
服务类型：使用数据分析
收集个人信息类型：设备信息（IMEI/Android ID）
隐私权政策链接：https://www.umeng.com/page/policy

使用SDK名称：Sentry SDK
服务类型：使用错误收集服务
收集个人信息类型：设备运行日志
隐私权政策链接：https://sentry.io/privacy/""".trimIndent()
)
'''


def test_a_name_like_label_right_after_the_name_is_an_attribute(tmp_path, catalog):
    d = _read(tmp_path, "About.kt", KOTLIN, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [
        ("友盟SDK", "https://www.umeng.com/page/policy"), ("Sentry SDK", "https://sentry.io/privacy/"),
    ]
    assert {"imei", "android-id"} <= set(d.sdks[0].data_types)


JAVA_PAGE = '''\
public final class Legal {
    public static final String POLICY =
            "<p>\\n" +
            "<b>Third parties</b>\\n" +
            "</p>\\n" +
            "<p>\\n" +
            "Our game relies on third-party services that may gather data about you.\\n" +
            "\\n" +
            "Privacy pages of the third-party services this game relies on\\n" +
            "\\n" +
            "\\n" +
            "    AdMob\\n" +
            "\\n" +
            "    Sentry\\n" +
            "\\n" +
            "    Umeng Analytics\\n" +
            "</p>\\n" +
            "<p>\\n" +
            "<b>Contact</b>\\n" +
            "</p>\\n";
}
'''


def test_a_page_kept_in_java_string_literals_reads_as_the_page_it_shows(tmp_path, catalog):
    d = _read(tmp_path, "Legal.java", JAVA_PAGE, catalog)
    assert [(s.name, s.id, s.evidence.line_start) for s in d.sdks] == [
        ("AdMob", "admob", 12), ("Sentry", "sentry", 14), ("Umeng Analytics", "umeng", 16),
    ]


NUMBERED_IN_CODE = '''\
    void showPermissions(StringBuilder sb) {
        sb.append("开始使用前，我们会请求以下权限，您可以拒绝：\\n");
        sb.append("1、相机权限：用于拍摄头像；\\n" +
                "2、存储权限：用于保存海报图片；\\n" +
                "3、拨打电话权限：用于联系门店。");
    }
'''


def test_numbered_items_indented_by_the_code_are_items_of_one_list(tmp_path, catalog):
    d = _read(tmp_path, "Perms.java", NUMBERED_IN_CODE, catalog)
    got = {(p.permission.removeprefix("android.permission."), p.evidence.line_start) for p in d.permissions}
    assert got == {("CAMERA", 3), ("READ_EXTERNAL_STORAGE", 4), ("WRITE_EXTERNAL_STORAGE", 4), ("CALL_PHONE", 5)}


CONTENT_BLOCKS = """\
export const sections = [
  {
    title: '二、我们申请的权限',
    blocks: [
      { type: 'p', text: '以下权限仅在您使用对应功能时申请，您可以随时关闭。' },
      { type: 'bullet', text: '（1）相机权限：用于扫描快递单号。' },
      { type: 'bullet', text: '（2）麦克风权限：用于语音搜索商品。' },
    ],
  },
  {
    title: '三、第三方SDK',
    blocks: [
      { type: 'note', text: '统计分析类' },
      { type: 'bullet', text: 'SDK名称：Sentry SDK；开发者：Functional Software, Inc.；用途：收集崩溃日志' },
    ],
  },
]
"""


def test_blocks_of_content_kept_as_one_line_records_are_the_text_they_show(tmp_path, catalog):
    d = _read(tmp_path, "privacy.ts", CONTENT_BLOCKS, catalog)
    got = {(p.permission.removeprefix("android.permission."), p.evidence.line_start) for p in d.permissions}
    assert got == {("CAMERA", 6), ("RECORD_AUDIO", 7)}
    assert [(s.name, s.id, s.company) for s in d.sdks] == [("Sentry SDK", "sentry", "Functional Software, Inc.")]


VUE_NUMBERED = """\
<template>
  <view class="policy">
本应用集成了以下第三方SDK：
1. 友盟SDK
   开发者：友盟同欣（北京）科技有限公司
   收集信息范围：设备信息（Android ID、OAID）
2. Sentry SDK
   开发者：Functional Software, Inc.
   收集信息范围：崩溃日志
  </view>
</template>
"""


def test_a_label_line_under_a_bare_name_line_in_a_template_is_its_own_line(tmp_path, catalog):
    d = _read(tmp_path, "Policy.vue", VUE_NUMBERED, catalog)
    assert [(s.name, s.id, s.company) for s in d.sdks] == [
        ("友盟SDK", "umeng", "友盟同欣（北京）科技有限公司"), ("Sentry SDK", "sentry", "Functional Software, Inc."),
    ]


COMMENTED_DART = """\
// class PrivacyPage extends StatelessWidget {
//   Widget build(BuildContext context) {
//     return Column(children: [
//       Text('第三方SDK说明'),
//       Text('我们接入了友盟SDK，用于统计崩溃，会收集您的设备型号。'),
//       Text('隐私政策：https://www.umeng.com/policy'),
//     ]);
//   }
// }
"""

LIVE_AND_COMMENTED_DART = """\
Widget build(BuildContext context) {
  return Text('我们接入了Google AdMob，用于展示广告。');
  // return Text('我们接入了友盟SDK，用于统计崩溃。');
}
"""


def test_a_page_kept_whole_in_comments_is_read_and_commented_lines_beside_live_text_are_not(tmp_path, catalog):
    d = _read(tmp_path, "privacy_page.dart", COMMENTED_DART, catalog)
    assert [(r.id, r.evidence.line_start) for r in d.sdks] == [("umeng", 5)]
    # the file shows words of its own: code commented out beside them shows nothing
    d = _read(tmp_path, "page.dart", LIVE_AND_COMMENTED_DART, catalog)
    assert [r.id for r in d.sdks] == ["admob"]


REACT_NATIVE_PAGE = """\
export default function Privacy() {
  return (
    <View style={styles.page}>
      <Text style={styles.title}>隐私政策</Text>
      <Text style={styles.body}>
        {'为了统计应用的使用情况，我们接入了友盟SDK。'}
      </Text>
      <Text style={styles.label}>
        {'关于友盟SDK：'}
      </Text>
      <Text style={styles.body}>
        {'使用目的：统计页面访问次数'}
      </Text>
      <Text style={styles.body}>
        {"信息收集：设备型号、OAID"}
      </Text>
    </View>
  );
}
"""


def test_a_react_native_page_reads_its_string_expressions_and_about_x_introduces_a_record(tmp_path, catalog):
    d = _read(tmp_path, "Privacy.tsx", REACT_NATIVE_PAGE, catalog)
    assert [(r.id, r.name, r.kind) for r in d.sdks] == [("umeng", "友盟SDK", "key-value")]
    umeng = d.sdks[0]
    assert umeng.purpose == "统计页面访问次数"
    assert set(umeng.data_types) == {"device-model", "oaid"}
    assert "{" not in " ".join(line for line in umeng.evidence.text.split())


def test_about_x_introduces_the_record_of_x_in_english_too(tmp_path, catalog):
    text = "We use a few services.\n\nAbout the Sentry SDK:\nPurpose: crash reports\nData collected: device model, IP address\n"
    d = _read(tmp_path, "policy.txt", text, catalog)
    assert [(r.id, r.name, r.kind, r.purpose) for r in d.sdks] == [("sentry", "Sentry SDK", "key-value", "crash reports")]


def test_line_breaks_a_string_expression_writes_break_the_lines_of_a_page_read_as_markup(tmp_path, catalog):
    page = ('export const Policy = () => (\n  <div>\n    <p>{"我们会申请以下权限：\\n• 相机权限：用于扫描商品条码\\n'
            '• 存储权限：用于保存小票图片"}</p>\n  </div>\n);\n')
    d = _read(tmp_path, "Policy.jsx", page, catalog)
    got = {p.rsplit(".", 1)[-1]: f"{s.name} {s.description}" for s in d.scenes for p in s.permissions}
    assert "扫描商品条码" in got["CAMERA"] and "保存小票图片" not in got["CAMERA"]
    assert "保存小票图片" in got["WRITE_EXTERNAL_STORAGE"] and "扫描商品条码" not in got["WRITE_EXTERNAL_STORAGE"]


NEXT_LINKS_PAGE = """\
export default function Privacy() {
  return (
    <section>
      <h2>Third-Party Services</h2>
      <p>We use the following third-party services, which may collect data:</p>
      <ul>
        <li>
          <strong>Sentry</strong>: Used for crash reporting in our games.
          <ul>
            <li>
              <Link href="https://sentry.io/privacy/" target="_blank">
                Sentry Privacy Policy
              </Link>
            </li>
          </ul>
        </li>
      </ul>
    </section>
  );
}
"""


def test_a_link_component_keeps_its_address_and_a_nested_policy_link_is_its_items(tmp_path, catalog):
    d = _read(tmp_path, "privacy.tsx", NEXT_LINKS_PAGE, catalog)
    assert [(r.id, r.name, r.link) for r in d.sdks] == [("sentry", "Sentry", "https://sentry.io/privacy/")]


def test_a_string_expression_in_a_page_read_as_markup_reads_its_escapes_as_string_literals_do(tmp_path, catalog):
    # "\u76f8\u673a\u6743\u9650" is 相机权限 written as escapes, as in any other string literal of the file
    page = ('export const Policy = () => (\n  <div>\n    <p>{"我们会申请以下权限：\\n'
            '\\u76f8\\u673a\\u6743\\u9650：用于扫描商品条码"}</p>\n  </div>\n);\n')
    d = _read(tmp_path, "Policy.jsx", page, catalog)
    assert {p.rsplit(".", 1)[-1] for s in d.scenes for p in s.permissions} == {"CAMERA"}


def test_the_text_a_component_shows_through_a_prop_is_read(tmp_path):
    # React Native / uni-app pages pass visible text as props (<Bullet text="…" />, <uni-list-item title='…'>);
    # a tag without words in its props, or an HTML element's tooltip, gives no line
    page = ("export function Privacy() {\n  return (\n    <Section title=\"四、权限说明\">\n"
            "      <Bullet text=\"定位权限：用于推荐附近的自习室。\" />\n"
            "      <uni-list-item title='摄像头权限：用于扫描座位二维码。' />\n"
            "      <Spacer height={12} />\n      <a title=\"tooltip words here\" href=\"#top\">顶部</a>\n"
            "      <Note text=\"（以上内容可在设置中修改）\" /><img title=\"another tooltip words here\" src=\"a.png\" />\n"
            "    </Section>\n  );\n}\n")
    path = tmp_path / "Privacy.tsx"
    path.write_text(page, encoding="utf-8")
    texts = [line.text for line in load_document(path).lines if line.text]
    shown = [t for t in texts if "权限" in t]
    assert shown == ["四、权限说明", "定位权限：用于推荐附近的自习室。", "摄像头权限：用于扫描座位二维码。"]
    assert not any("tooltip" in t for t in texts)  # (also after a component on the same line)


def test_a_map_of_permissions_written_as_code_keeps_each_permission_with_its_use(tmp_path, catalog):
    # the string alone does not say which permission it explains: the key written as code does
    # (permission_handler's Permission.x in Dart)
    page = ("class PermissionTexts {\n  static const Map<Permission, String> reasons = {\n"
            "    Permission.camera: '用于拍摄打卡照片',\n"
            "    Permission.microphone: '用于录制语音日记',\n"
            "    Permission.location: '用于记录跑步路线',\n  };\n}\n")
    d = _read(tmp_path, "permission_texts.dart", page, catalog)
    uses = {p.permission.rsplit(".", 1)[-1]: p.description for p in d.permissions}
    assert uses["CAMERA"] == "用于拍摄打卡照片"
    assert uses["RECORD_AUDIO"] == "用于录制语音日记"
    assert uses["ACCESS_FINE_LOCATION"] == "用于记录跑步路线"


def test_permission_keys_in_kotlin_and_react_native_are_shown_as_the_constant(tmp_path):
    page = ('val reasons = mapOf(Pair(Manifest.permission.CAMERA, "用于扫描会员码"))\n'
            "const tips = { [PermissionsAndroid.PERMISSIONS.RECORD_AUDIO]: '用于语音搜索' };\n"
            'val plain = "没有权限的说明文字"\n')
    path = tmp_path / "Reasons.kt"
    path.write_text(page, encoding="utf-8")
    assert [line.text for line in load_document(path).lines] == [
        "android.permission.CAMERA：用于扫描会员码", "android.permission.RECORD_AUDIO：用于语音搜索", "没有权限的说明文字"]


def test_an_annotation_on_its_own_line_is_no_name():
    from auditor.policy.text import name_like
    assert not name_like("@Composable") and not name_like("@SuppressLint(\"NewApi\")")
    assert name_like("@capacitor/camera")  # guard: an npm scope is a package's name


def test_a_record_in_one_string_of_a_code_file_ends_at_the_next_key(tmp_path):
    # a Dart map: the SDK's record is one string, the permission list another; the record's bullets must not run
    # on into the list (it would take the permissions the app asks for as the SDK's)
    from tests.policy.helpers import entry, memory_catalog, read_text
    text = (
        "const texts = {\n"
        "  'thirdParty':\n"
        "      '本应用使用以下第三方服务：\\n某某统计SDK\\n• 服务商：某某网络技术有限公司\\n• 用途：统计崩溃\\n"
        "• 隐私政策：https://stats.example.cn/privacy\\n• 采集数据：崩溃堆栈、设备型号、CPU 架构\\n"
        "• 转发目标：企业微信、钉钉、飞书（非 SDK）',\n"
        "  'permTitle': '权限说明',\n"
        "  'permContent':\n"
        "      '本应用只申请必要的权限，以下为完整的权限清单及用途说明：\\n必需权限：\\n"
        "• 网络访问（INTERNET）：推送与更新检查\\n• 振动（VIBRATE）：推送提示振动\\n"
        "可选权限：\\n• 电话状态（READ_PHONE_STATE）：来电通知识别',\n"
        "};\n")
    d = read_text(tmp_path, "texts.dart", text, memory_catalog(entry("example-stats", "Example Stats", "某某统计SDK")))
    assert [(s.name, s.permissions) for s in d.sdks] == [("某某统计SDK", ())]
    assert sorted(p.permission.rsplit(".", 1)[-1] for p in d.permissions if p.scene or p.description) == [
        "INTERNET", "READ_PHONE_STATE", "VIBRATE"]
