"""Android resource files that hold privacy text, in our own words: a layout of cards (one per SDK, each
TextView's ``android:text`` a line), a values file's strings. Expected lines and rows written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import load_document
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送"), entry("umeng-analytics", "Umeng Analytics", "友盟统计"))


LAYOUT_XML = """\
<?xml version="1.0" encoding="utf-8"?>
<LinearLayout xmlns:android="http://schemas.android.com/apk/res/android"
    xmlns:tools="http://schemas.android.com/tools"
    android:layout_width="match_parent"
    android:orientation="vertical">

    <!-- 推送 -->
    <LinearLayout
        android:layout_width="match_parent"
        android:layout_height="wrap_content">

        <TextView
            android:layout_width="wrap_content"
            android:text="极光推送SDK"
            android:textSize="16sp" />

        <TextView
            android:text="运营方：深圳市和讯华谷信息技术有限公司"
            android:textColor="#999999" />

        <TextView
            android:text="收集的信息："
            tools:text="(预览)" />

        <TextView
            android:text="• 设备标识（Android ID、OAID）\\n• 网络类型\\n• 发票抬头信息（名称、税号、地址）"
            android:textColor="@color/gray" />

        <TextView
            android:text="使用目的：向您推送订单状态消息" />

        <TextView
            android:text="隐私政策：https://www.jiguang.cn/license/privacy?a=1&amp;b=2" />
    </LinearLayout>

    <LinearLayout
        android:layout_width="match_parent">

        <TextView
            android:text="友盟统计SDK" />

        <TextView
            android:text="运营方：友盟同欣（北京）科技有限公司" />

        <TextView
            android:text="使用目的：统计应用崩溃" />
    </LinearLayout>
</LinearLayout>
"""


def test_a_layout_reads_as_the_lines_it_shows(tmp_path):
    path = tmp_path / "activity_sdk_list.xml"
    path.write_text(LAYOUT_XML, encoding="utf-8")
    doc = load_document(path)
    assert [(line.no, line.text) for line in doc.lines] == [
        (14, "极光推送SDK"),
        (18, "运营方：深圳市和讯华谷信息技术有限公司"),
        (22, "收集的信息："),  # tools:text shows only in the layout editor; comments show nowhere
        (26, "• 设备标识（Android ID、OAID）"), (26, "• 网络类型"), (26, "• 发票抬头信息（名称、税号、地址）"),
        (30, "使用目的：向您推送订单状态消息"),
        (33, "隐私政策：https://www.jiguang.cn/license/privacy?a=1&b=2"),
        (40, "友盟统计SDK"),
        (43, "运营方：友盟同欣（北京）科技有限公司"),
        (46, "使用目的：统计应用崩溃"),
    ]


def test_a_layout_of_sdk_cards_gives_one_row_a_card(tmp_path, catalog):
    d = _read(tmp_path, "activity_sdk_list.xml", LAYOUT_XML, catalog)
    rows = {r.name: r for r in d.sdks}
    assert set(rows) == {"极光推送SDK", "友盟统计SDK"}  # the last item of a card's list is no card of its own
    jpush = rows["极光推送SDK"]
    assert jpush.id == "jpush"
    assert jpush.company == "深圳市和讯华谷信息技术有限公司"
    assert {"android-id", "oaid"} <= set(jpush.data_types)
    assert jpush.link == "https://www.jiguang.cn/license/privacy?a=1&b=2"
    assert rows["友盟统计SDK"].company == "友盟同欣（北京）科技有限公司"


STRINGS_XML = """\
<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string name="app_name">记账本</string>
    <dimen name="pad">12dp</dimen>
    <string name="privacy_dialog" formatted="false"><![CDATA[
欢迎使用记账本。<b>为了让同步功能正常工作</b>，我们需要获取您的存储权限，用于导出账单文件。
]]></string>
    <string name="sdk_note">我们接入了友盟统计SDK，用于统计应用崩溃，它会收集您的设备型号与OAID。</string>
    <string name="ok">@android:string/ok</string>
    <string-array name="tips">
        <item>相机权限：用于拍摄票据</item>
        <item>true</item>
    </string-array>
</resources>
"""


def test_a_values_file_reads_as_its_strings(tmp_path, catalog):
    path = tmp_path / "strings.xml"
    path.write_text(STRINGS_XML, encoding="utf-8")
    doc = load_document(path)
    assert [line.text for line in doc.lines if line.text] == [
        "记账本",
        "欢迎使用记账本。为了让同步功能正常工作，我们需要获取您的存储权限，用于导出账单文件。",
        "我们接入了友盟统计SDK，用于统计应用崩溃，它会收集您的设备型号与OAID。",
        "相机权限：用于拍摄票据",
    ]
    d = _read(tmp_path, "strings.xml", STRINGS_XML, catalog)
    assert [r.id for r in d.sdks] == ["umeng-analytics"]
    camera = [p for p in d.permissions if p.permission.endswith(".CAMERA")]
    assert camera and camera[0].scene == "拍摄票据"


@pytest.mark.parametrize("text", [
    "<resources>" + '<string name="a">' * 100_000,  # elements never closed
    '<LinearLayout xmlns:android="x">' + 'android:text="<' * 100_000,  # quotes never closed
    "<resources><!--" * 100_000,  # comments never closed
], ids=["elements", "quotes", "comments"])
def test_a_broken_resource_file_is_read_or_refused_in_one_pass(tmp_path, text):
    # each scan stops at the next tag or quote: a broken file of 100,000 openings reads at once (scanning to
    # the end from each of them would take minutes); it shows no text, the one-line refusal of an empty policy
    from auditor.errors import PolicyError
    path = tmp_path / "broken.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError, match="no text"):
        load_document(path)
