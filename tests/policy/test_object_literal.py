"""SDK and permission lists kept as data (JS / TS / JSON object literals, a Vue or HTML page's script), in our
own words; expected rows, fields and lines written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.extractors.object_literal import key_words
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("jpush", "JPush", "极光推送", vendor="Shenzhen Hexun Huagu Information Technology Co., Ltd."),
        entry("umeng-analytics", "Umeng Analytics", "友盟统计"),
        entry("bugly", "Bugly", "腾讯Bugly"),
        entry("getui", "Getui Push", "个推推送"),
    )


TS_BARE_KEYS = """\
// shown on the "third parties" page of the app
export const partners: Partner[] = [
  {
    name: '极光推送SDK',
    company: '深圳市和讯华谷信息技术有限公司',
    purpose: '向您的手机发送通知',
    info: '设备标识符（IMEI、Android ID）、网络状态',
    url: 'https://www.jiguang.cn/license/privacy',
  },
  { name: '友盟统计SDK', company: '友盟同欣（北京）科技有限公司', purpose: `了解功能的使用次数`,
    info: ['OAID', 'MAC地址'], url: "https://www.umeng.com/page/policy", },
]
"""


def test_ts_export_with_bare_keys(tmp_path, catalog):
    d = _read(tmp_path, "partners.ts", TS_BARE_KEYS, catalog)
    rows = [(s.name, s.id, s.company, s.purpose, s.link, s.evidence.line_start, s.evidence.line_end, s.extractor)
            for s in d.sdks]
    assert rows == [
        ("极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司", "向您的手机发送通知",
         "https://www.jiguang.cn/license/privacy", 3, 9, "object-literal"),
        ("友盟统计SDK", "umeng-analytics", "友盟同欣（北京）科技有限公司", "了解功能的使用次数",
         "https://www.umeng.com/page/policy", 10, 11, "object-literal"),
    ]
    assert set(d.sdks[0].data_types) >= {"imei", "android-id"}
    assert set(d.sdks[1].data_types) >= {"oaid", "mac"}


JSON_QUOTED_KEYS = """\
{
  "updated": "2026-05-01",
  "thirdPartyList": [
    {"sdkName": "Bugly", "thirdParty": "深圳市腾讯计算机系统有限公司", "collectInfo": ["设备型号", "IMEI"],
     "privacy_policy_url": "https://privacy.qq.com/bugly", "packageName": "com.tencent.bugly"},
    {"sdkName": "\\u4e2a\\u63a8\\u63a8\\u9001SDK", "thirdParty": "每日互动股份有限公司",
     "permissions": ["android.permission.READ_PHONE_STATE"], "privacy_policy_url": "https://docs.getui.com/privacy"}
  ]
}
"""


def test_json_with_quoted_camel_and_snake_keys(tmp_path, catalog):
    d = _read(tmp_path, "third_party.json", JSON_QUOTED_KEYS, catalog)
    assert [(s.name, s.id, s.company, s.link, s.evidence.line_start, s.evidence.line_end) for s in d.sdks] == [
        ("Bugly", "bugly", "深圳市腾讯计算机系统有限公司", "https://privacy.qq.com/bugly", 4, 5),
        ("个推推送SDK", "getui", "每日互动股份有限公司", "https://docs.getui.com/privacy", 6, 7),
    ]
    assert d.sdks[0].package_names == ("com.tencent.bugly",)
    assert set(d.sdks[0].data_types) >= {"device-model", "imei"}
    assert d.sdks[1].permissions == ("android.permission.READ_PHONE_STATE",)


CHINESE_KEYS_NESTED = """\
const 分组 = [
  {
    title: '消息推送',
    children: [
      { 名称: '极光推送SDK', 公司: '深圳市和讯华谷信息技术有限公司', 使用目的: '推送消息', 收集信息: '网络状态' },
    ],
  },
  {
    title: '数据统计', /* a second group */
    children: [
      { 名称: '友盟统计SDK', 公司: '友盟同欣（北京）科技有限公司', 使用目的: '统计分析' },
    ],
  },
]
"""


def test_chinese_keys_in_nested_groups(tmp_path, catalog):
    d = _read(tmp_path, "groups.js", CHINESE_KEYS_NESTED, catalog)
    assert [(s.name, s.company, s.purpose, s.evidence.line_start) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", "推送消息", 5),
        ("友盟统计SDK", "友盟同欣（北京）科技有限公司", "统计分析", 11),
    ]
    assert {s.extractor for s in d.sdks} == {"object-literal"}  # the group titles are not rows


MENU = """\
export const menu = [
  { name: '首页', url: '/home', icon: 'home' },
  { name: '消息中心', url: '/inbox', icon: 'bell' },
  { name: '关于我们', url: '/about', icon: 'info' },
]
"""


def test_a_record_list_that_is_not_an_sdk_list_gives_no_rows(tmp_path, catalog):
    d = _read(tmp_path, "menu.ts", MENU, catalog)
    assert d.sdks == ()


PERMISSIONS = """\
export default [
  { name: '相机', desc: '拍摄并上传头像' },
  { name: 'android.permission.RECORD_AUDIO', desc: '发送语音消息' },
  { name: '麦克风', desc: '视频通话' },
]
"""


def test_a_permission_record_list_gives_scene_permission_pairs(tmp_path, catalog):
    d = _read(tmp_path, "perms.js", PERMISSIONS, catalog)
    assert d.sdks == ()
    pairs = sorted((p.permission, p.scene, p.evidence.line_start) for p in d.permissions)
    assert pairs == [
        ("android.permission.CAMERA", "拍摄并上传头像", 2),
        ("android.permission.RECORD_AUDIO", "发送语音消息", 3),
        ("android.permission.RECORD_AUDIO", "视频通话", 4),
    ]


LABEL_VALUE = """\
const items = [
  { label: 'SDK名称', value: '极光推送SDK' },
  { label: '所属公司', value: '深圳市和讯华谷信息技术有限公司' },
  { label: 'SDK名称', value: '友盟统计SDK' },
  { label: '所属公司', value: '友盟同欣（北京）科技有限公司' },
]
"""


def test_records_of_a_label_and_its_value_read_as_a_field_table(tmp_path, catalog):
    d = _read(tmp_path, "items.js", LABEL_VALUE, catalog)
    assert [(s.name, s.company, s.evidence.line_start, s.evidence.line_end) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", 2, 3),
        ("友盟统计SDK", "友盟同欣（北京）科技有限公司", 4, 5),
    ]


MARKUP_IN_STRINGS = """\
export default {
  list: [
    {
      sdk: '极光推送SDK',
      company: '<p>深圳市和讯华谷信息技术有限公司</p>',
      link: '<a href="https://www.jiguang.cn/license/privacy">查看隐私政策</a>',
    },
    { sdk: '友盟统计SDK', company: '<b>友盟同欣（北京）科技有限公司</b>', link: '<a href="https://www.umeng.com/page/policy">查看</a>' },
  ],
}
"""


def test_a_source_file_whose_strings_hold_markup_is_read_as_data(tmp_path, catalog):
    d = _read(tmp_path, "sdk.ts", MARKUP_IN_STRINGS, catalog)
    assert d.format == "text"
    assert [(s.name, s.company, s.link, s.evidence.line_start) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy", 3),
        ("友盟统计SDK", "友盟同欣（北京）科技有限公司", "https://www.umeng.com/page/policy", 8),
    ]


VUE = """\
<template>
  <div class="sdk-page">
    <h2>第三方SDK目录</h2>
    <p>以下为本应用接入的第三方SDK。</p>
    <ul><li v-for="s in list" :key="s.name">{{ s.name }}</li></ul>
  </div>
</template>

<script>
export default {
  data() {
    return {
      list: [
        { name: '极光推送SDK', company: '深圳市和讯华谷信息技术有限公司', permission: 'READ_PHONE_STATE' },
        { name: '友盟统计SDK', company: '友盟同欣（北京）科技有限公司' },
      ],
    }
  },
}
</script>
"""


def test_records_in_a_vue_script_block(tmp_path, catalog):
    d = _read(tmp_path, "SdkList.vue", VUE, catalog)
    assert d.format == "html"
    assert [(s.name, s.company, s.permissions, s.evidence.line_start, s.extractor) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", ("android.permission.READ_PHONE_STATE",), 14, "object-literal"),
        ("友盟统计SDK", "友盟同欣（北京）科技有限公司", (), 15, "object-literal"),
    ]


HTML_PAGE = """\
<!DOCTYPE html>
<html><head><title>SDK</title><script src="/app.js"></script></head>
<body>
<h1>第三方共享清单</h1>
<p>本页列出我们使用的第三方SDK。</p>
<script>
  window.partners = [
    { "name": "极光推送SDK", "company": "深圳市和讯华谷信息技术有限公司" },
    { "name": "友盟统计SDK", "company": "友盟同欣（北京）科技有限公司" }
  ];
  var theme = { color: 'blue', size: 2 };
</script>
<p>如有疑问请联系客服。</p>
</body></html>
"""


def test_records_in_an_html_page_script(tmp_path, catalog):
    d = _read(tmp_path, "partners.html", HTML_PAGE, catalog)
    assert [(s.name, s.company, s.evidence.line_start) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", 8),
        ("友盟统计SDK", "友盟同欣（北京）科技有限公司", 9),
    ]
    assert "color" not in " ".join(line for line in _lines(tmp_path / "partners.html"))  # other objects stay out


def _lines(path):
    from auditor.policy.loader import load_document
    return [line.text for line in load_document(path).lines]


@pytest.mark.parametrize(("key", "words"), [
    ("sdkName", "sdk Name"), ("SDKName", "SDK Name"), ("privacy_policy_url", "privacy policy url"),
    ("third-party", "third party"), ("名称", "名称"), ("collectInfo", "collect Info"),
])
def test_key_words(key, words):
    assert key_words(key) == words


UI_TABLE = """\
<template>
  <a-table :columns="columns" :data-source="rows" />
</template>
<script>
const columns = [
  { title: '第三方SDK名称', dataIndex: 'c1', key: 'c1' },
  { title: '第三方公司名称', dataIndex: 'c2', key: 'c2' },
  { title: '使用目的', dataIndex: 'c3', key: 'c3' },
]
const rows = [
  { key: 1, c1: '极光推送SDK', c2: '深圳市和讯华谷信息技术有限公司', c3: '通知提醒' },
  { key: 2, c1: '友盟统计SDK', c2: '友盟同欣（北京）科技有限公司', c3: '活跃用户统计' },
]
</script>
"""


def test_data_keys_named_by_the_column_definitions_of_a_ui_table(tmp_path, catalog):
    d = _read(tmp_path, "Table.vue", UI_TABLE, catalog)
    assert [(s.name, s.company, s.purpose, s.evidence.line_start) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", "通知提醒", 11),
        ("友盟统计SDK", "友盟同欣（北京）科技有限公司", "活跃用户统计", 12),
    ]


NAMED_PERMISSIONS = """\
export const PERMS = [
  { name: '相机', permission: 'android.permission.CAMERA', purpose: '扫描商品条码' },
  { name: '定位', permission: 'android.permission.ACCESS_FINE_LOCATION', purpose: '查找附近的门店' },
]
"""


def test_permission_records_with_a_name_key_are_not_sdk_rows(tmp_path, catalog):
    d = _read(tmp_path, "perms.ts", NAMED_PERMISSIONS, catalog)
    assert d.sdks == ()
    assert sorted((p.permission, p.scene, p.evidence.line_start) for p in d.permissions) == [
        ("android.permission.ACCESS_FINE_LOCATION", "查找附近的门店", 3),
        ("android.permission.CAMERA", "扫描商品条码", 2),
    ]


NESTED_DATA = """\
export const list = [
  {
    sdkName: '极光推送SDK',
    company: '深圳市和讯华谷信息技术有限公司',
    collectInfo: [
      { item: 'IMEI', purpose: '识别推送目标设备' },
      { item: 'MAC地址', purpose: '识别推送目标设备' },
    ],
  },
]
"""


def test_a_list_of_data_items_under_a_record_is_its_data(tmp_path, catalog):
    d = _read(tmp_path, "list.ts", NESTED_DATA, catalog)
    assert [(s.name, s.company, s.evidence.line_start, s.evidence.line_end) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", 2, 9)]
    assert set(d.sdks[0].data_types) >= {"imei", "mac"}


TITLED_LABEL_LISTS = """\
export const sections = [
  {
    tit: '1、极光推送SDK',
    list: [
      { name: '使用目的', value: '向您的手机发送通知' },
      { name: '第三方主体', value: '深圳市和讯华谷信息技术有限公司' },
      { name: '收集个人信息类型', value: '设备标识符（IMEI、Android ID）、位置信息' },
      { name: '所需权限', value: '网络权限、读取手机状态权限' },
      { name: '隐私政策链接', value: 'https://www.jiguang.cn/license/privacy' },
    ],
  },
  {
    tit: '2、友盟统计SDK',
    list: [
      { name: '使用目的', value: '了解功能的使用次数' },
      { name: '第三方主体', value: '友盟同欣（北京）科技有限公司' },
      { name: '收集个人信息类型', value: 'OAID' },
    ],
  },
]
"""


def test_a_titled_record_over_a_list_of_labels_and_values_is_one_row(tmp_path, catalog):
    d = _read(tmp_path, "sections.ts", TITLED_LABEL_LISTS, catalog)
    assert [(s.name, s.id, s.company, s.evidence.line_start, s.evidence.line_end) for s in d.sdks] == [
        ("1、极光推送SDK", "jpush", "深圳市和讯华谷信息技术有限公司", 2, 11),
        ("2、友盟统计SDK", "umeng-analytics", "友盟同欣（北京）科技有限公司", 12, 19),
    ]
    jpush = d.sdks[0]
    assert {"imei", "android-id"} <= set(jpush.data_types)
    assert set(jpush.permissions) == {"android.permission.INTERNET", "android.permission.READ_PHONE_STATE"}
    assert jpush.link == "https://www.jiguang.cn/license/privacy"
    assert d.sdks[1].data_types == ("oaid",)


GROUP_OVER_DESCRIBED_RECORDS = """\
export default [
  {
    tit: '第三方SDK列表',
    list: [
      {
        name: '极光推送SDK',
        value: '为了向您推送消息，我们接入了极光推送SDK，该SDK由深圳市和讯华谷信息技术有限公司提供，会收集您的设备标识符（IMEI、Android ID）。隐私政策：https://www.jiguang.cn/license/privacy',
      },
      {
        name: '友盟统计SDK',
        value: '用于统计功能的使用次数，由友盟同欣（北京）科技有限公司提供，收集OAID。隐私政策：https://www.umeng.com/page/policy',
      },
    ],
  },
]
"""


def test_a_group_title_is_no_row_and_a_described_record_keeps_its_facts(tmp_path, catalog):
    d = _read(tmp_path, "third.ts", GROUP_OVER_DESCRIBED_RECORDS, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司"),
        ("友盟统计SDK", "友盟同欣（北京）科技有限公司"),
    ]
    assert {"imei", "android-id"} <= set(d.sdks[0].data_types)
    assert "oaid" in d.sdks[1].data_types


LOOSE_LABELS = """\
export const thirdParty = [
  {
    tit: '极光推送',
    list: [
      { name: 'SDK用途', value: '向您推送通知' },
      { name: '第三方主体名称', value: '深圳市和讯华谷信息技术有限公司' },
      { name: '收集的个人信息类型', value: 'Android ID、网络信息' },
      { name: '申请的系统权限', value: '网络权限' },
    ],
  },
  {
    tit: '友盟统计',
    list: [
      { name: 'SDK用途', value: '统计分析' },
      { name: '第三方主体名称', value: '友盟同欣（北京）科技有限公司' },
      { name: '申请的系统权限', value: '读取手机状态权限' },
    ],
  },
]
"""


def test_labels_that_name_a_role_without_being_exact_header_words(tmp_path, catalog):
    d = _read(tmp_path, "third.ts", LOOSE_LABELS, catalog)
    assert [(s.name, s.id, s.company, s.permissions) for s in d.sdks] == [
        ("极光推送", "jpush", "深圳市和讯华谷信息技术有限公司", ("android.permission.INTERNET",)),
        ("友盟统计", "umeng-analytics", "友盟同欣（北京）科技有限公司", ("android.permission.READ_PHONE_STATE",)),
    ]
    assert "android-id" in d.sdks[0].data_types


LABEL_STRINGS = """\
export const sdkData = [
  {
    tit: '极光推送SDK',
    list: [
      '第三方名称：深圳市和讯华谷信息技术有限公司',
      '收集个人信息类型：Android ID',
      '所需权限：网络权限',
    ],
  },
  { tit: '友盟统计SDK', list: ['第三方名称：友盟同欣（北京）科技有限公司', '收集个人信息类型：OAID'] },
]
"""


def test_a_list_of_label_strings_is_a_records_fields(tmp_path, catalog):
    d = _read(tmp_path, "sdk.ts", LABEL_STRINGS, catalog)
    assert [(s.name, s.company, s.data_types) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", ("android-id",)),
        ("友盟统计SDK", "友盟同欣（北京）科技有限公司", ("oaid",)),
    ]
    assert d.sdks[0].permissions == ("android.permission.INTERNET",)


UNEVEN_LABEL_RECORDS = """\
export const thirdSdk = [
  {
    tit: '极光推送',
    list: [
      { name: '使用目的', value: '向您推送通知' },
      { name: '第三方名称', value: '深圳市和讯华谷信息技术有限公司' },
      { name: '收集个人信息类型', value: 'Android ID' },
      { name: '备注', value: '' },
      { name: '隐私政策链接', value: 'https://www.jiguang.cn/license/privacy', type: 'link' },
    ],
  },
  {
    tit: '友盟统计',
    list: [
      { name: '第三方名称', value: '友盟同欣（北京）科技有限公司' },
      { name: '隐私政策链接', value: 'https://www.umeng.com/page/policy', type: 'link' },
    ],
  },
]
"""


def test_label_records_with_an_empty_value_or_an_extra_key(tmp_path, catalog):
    d = _read(tmp_path, "sdk.ts", UNEVEN_LABEL_RECORDS, catalog)
    assert [(s.name, s.company, s.link, s.extractor) for s in d.sdks] == [
        ("极光推送", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy", "object-literal"),
        ("友盟统计", "友盟同欣（北京）科技有限公司", "https://www.umeng.com/page/policy", "object-literal"),
    ]
    assert d.sdks[0].data_types == ("android-id",)


def test_a_pages_sections_kept_as_data_are_read_as_its_text(tmp_path, catalog):
    # { heading, body } records are a page's sections, not a table: the permission sentences of a body are read
    # as sentences (before, the body column was taken for a column of personal data and owned the lines)
    page = ("export const policy = {\n  sections: [\n"
            "    { heading: '一、我们收集的信息', body: '我们收集您的手机号、设备型号和IP地址，用于登录与安全保障。' },\n"
            "    { heading: '二、设备权限', body: '相机权限用于扫描快递面单；位置权限用于推荐附近的驿站。' },\n"
            "  ],\n};\n")
    d = _read(tmp_path, "policy.js", page, catalog)
    assert sorted((s.name, s.permissions) for s in d.scenes) == [
        ("扫描快递面单", ("android.permission.CAMERA",)),
        ("推荐附近的驿站", ("android.permission.ACCESS_COARSE_LOCATION", "android.permission.ACCESS_FINE_LOCATION")),
    ]


def test_one_json_block_per_sdk_in_markdown_is_one_list(tmp_path, catalog):
    # a developer page writes each SDK as a JSON block under its own heading; a table between two blocks is read
    # on its own (the blocks around it are two lists, not one stretching over it)
    page = ("## 第三方SDK\n\n### 星云推送SDK\n```json\n{\n  \"sdk_name\": \"星云推送SDK\",\n"
            "  \"provider\": \"杭州星云网络有限公司\",\n  \"personal_info\": [\"设备型号\", \"OAID\"]\n}\n```\n\n"
            "### 厂商通道\n| SDK名称 | 公司 |\n|---|---|\n| 荣耀推送SDK | 荣耀终端有限公司 |\n\n"
            "### 云帆统计SDK\n```json\n{\n  \"sdk_name\": \"云帆统计SDK\",\n  \"provider\": \"北京云帆数据有限公司\",\n"
            "  \"privacy_policy\": \"https://yunfan.example.cn/privacy\"\n}\n```\n")
    d = _read(tmp_path, "sdks.md", page, catalog)
    assert [(r.name, r.company) for r in d.sdks] == [
        ("星云推送SDK", "杭州星云网络有限公司"), ("荣耀推送SDK", "荣耀终端有限公司"), ("云帆统计SDK", "北京云帆数据有限公司")]
    assert d.sdks[0].data_types == ("oaid", "device-model") and d.sdks[2].link == "https://yunfan.example.cn/privacy"


SDK_RECORDS_SOME_WITH_SCENES = """\
const sdks = [
  { sdk_name: "JPush", provider: "Example Push Co., Ltd.", purpose: "push messages and delivery stats",
    permissions: ["存储权限", "位置权限"], personal_info: ["设备标识符"] },
  { sdk_name: "Xiaomi Push", provider: "Xiaomi Inc.", purpose: "push on Xiaomi phones",
    scenario: "when you turn on order notices", permissions: ["通知权限"] },
  { sdk_name: "AppsFlyer", provider: "AppsFlyer Ltd.", purpose: "install attribution",
    permissions: ["读取手机状态权限"] },
];
"""


def test_an_sdk_record_without_a_scene_gives_no_scene_pair_and_takes_none_from_the_record_above(tmp_path, catalog):
    d = _read(tmp_path, "sdks.js", SDK_RECORDS_SOME_WITH_SCENES, catalog)
    assert [s.name for s in d.sdks] == ["JPush", "Xiaomi Push", "AppsFlyer"]
    assert {(p.permission.rsplit(".", 1)[-1], p.scene) for p in d.permissions if p.scene} == {
        ("POST_NOTIFICATIONS", "when you turn on order notices")}
