"""Policy text kept in app code: a record list whose slug key is no name, asset paths that are no data, a
mini-program / uni-app page written with <view> and <text>, and key-value blocks with a second name-like
label; in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
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
