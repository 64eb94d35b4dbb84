"""Tables of a page converted to text: a header whose cells broke over lines right under the last row of the
table above and a section heading (no blank line between), a two-column table written without outer pipes,
and a company cell that carries the company's privacy link. In our own words, expected values by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog, read_text


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("example-push", "Example Push", "某某推送SDK"))


# two tables one after the other: the permission table's last row, a section heading and the SDK table's
# header cells follow each other with no blank line (as a converter wrote them)
TWO_TABLES = """\
**我们申请的权限**
|
**用途**
~~
---|---
~~
读取电话状态
|
识别设备
~~
访问照相机设备
|
扫描二维码
==========
**3. 我们如何使用SDK**
我们接入的第三方SDK如下：
SDK名称
|
收集的个人信息
|
使用目的
|
所属公司
~~
---|---|---|---
~~
某某推送SDK
|
IMEI、MAC地址
|
推送消息
|
某某科技有限公司
~~
某某统计SDK
|
Android ID
|
统计用户数量
|
某某网络技术有限公司
~~
""".replace("~~", "  ")  # (a converter's blank lines hold two spaces)


def test_a_header_glued_to_the_table_and_heading_above_starts_its_own_table(tmp_path, catalog):
    d = read_text(tmp_path, "page.html", TWO_TABLES, catalog)
    assert [(s.name, s.id, s.company, sorted(s.data_types)) for s in d.sdks] == [
        ("某某推送SDK", "example-push", "某某科技有限公司", ["imei", "mac"]),
        ("某某统计SDK", None, "某某网络技术有限公司", ["android-id"]),
    ]
    pairs = sorted((p, s.name) for s in d.scenes for p in s.permissions)
    assert pairs == [("android.permission.CAMERA", "扫描二维码"), ("android.permission.READ_PHONE_STATE", "识别设备")]


# a two-column Markdown table without outer pipes: one pipe a row, under a "---|---" separator
BARE = """\
## 权限说明

申请的权限 | 使用场景
---|---
读取电话状态 | 识别设备

访问照相机设备 | 扫描二维码

精确位置信息 | 附近门店
"""


def test_a_two_column_table_without_outer_pipes_reads_every_row(tmp_path, catalog):
    d = read_text(tmp_path, "p.md", BARE, catalog)
    pairs = sorted((p, s.name) for s in d.scenes for p in s.permissions)
    assert pairs == [("android.permission.ACCESS_FINE_LOCATION", "附近门店"),
                     ("android.permission.CAMERA", "扫描二维码"),
                     ("android.permission.READ_PHONE_STATE", "识别设备")]


def test_one_pipe_in_a_sentence_is_still_no_table(tmp_path, catalog):
    text = "本应用使用相机 | 仅在扫码时。\n另一段说明文字。\n"
    d = read_text(tmp_path, "p.md", text, catalog)
    assert all("|" not in s.name for s in d.scenes)


COMPANY_LINK = """\
| SDK名称 | 收集的个人信息 | SDK所属公司及其隐私政策链接 |
|---|---|---|
| 某某推送SDK | IMEI | 某某科技有限公司 [https://push.example.cn/privacy](https://push.example.cn/privacy) |
| 某某统计SDK | Android ID | 某某网络技术有限公司 &lt;https://stats.example.cn/policy&gt; |
| 某某地图SDK | 位置信息 | https://map.example.cn/privacy |
"""


def test_a_company_cell_that_holds_the_privacy_link_gives_both(tmp_path, catalog):
    d = read_text(tmp_path, "p.md", COMPANY_LINK, catalog)
    assert [(s.name, s.company, s.link) for s in d.sdks] == [
        ("某某推送SDK", "某某科技有限公司", "https://push.example.cn/privacy"),
        ("某某统计SDK", "某某网络技术有限公司", "https://stats.example.cn/policy"),
        ("某某地图SDK", "", "https://map.example.cn/privacy"),
    ]


def test_a_last_cell_going_on_over_plain_lines_ends_at_a_lone_pipe(tmp_path):
    # a pipe table copied from a page: the last cell of a row wraps onto lines without pipes, and a line that
    # is only "|" closes the row; the next row starts whole. (In a table flattened one cell a line, a lone "|"
    # after a closed cell is an empty cell.)
    from tests.policy.helpers import read_text, small_catalog
    text = ("SDK | Service Provider | Information Collection Purpose, Method, Scope and Required Permissions |\n"
            "JPush SDK | Example Push Co., Ltd. | Purpose: push messages. Method: the SDK collects by itself\n"
            "Fields collected by SDK: device model, IP address\n"
            "Android only: Android ID, MAC address Required system permissions: None\n"
            "|\n"
            "Xiaomi Push SDK | Xiaomi Inc. | Purpose: push on Xiaomi phones. Method: the SDK collects by itself\n"
            "Fields collected by SDK: OAID Required system permissions: Camera permission |\n"
            "Acme Ads SDK | Acme Ltd. | Purpose: ads. Method: the SDK collects by itself\n")
    rows = read_text(tmp_path, "p.txt", text, small_catalog()).sdks
    assert [(r.name, r.company) for r in rows] == [
        ("JPush SDK", "Example Push Co., Ltd."), ("Xiaomi Push SDK", "Xiaomi Inc."), ("Acme Ads SDK", "Acme Ltd.")]
    assert set(rows[0].data_types) == {"device-model", "ip", "android-id", "mac"}
    assert rows[1].permissions == ("android.permission.CAMERA",) and not rows[0].permissions


def test_a_row_closed_early_in_a_table_without_outer_pipes_is_padded_and_its_note_fills_the_last_cell(tmp_path):
    # rows written "a | b | c" (no outer pipes); one row ends with a pipe after its next-to-last cell (its last
    # cell left empty) and a plain line under it says more; the row after stays whole
    from tests.policy.helpers import read_text, small_catalog
    text = ("序号 | SDK名称 | 第三方公司 | 收集的个人信息  \n---|---|---|---  \n"
            "1 | JPush | 深圳某某信息技术有限公司 |\n"
            "推送请求中还可能包含设备型号。  \n"
            "2 | Xiaomi Push | 北京某某移动软件有限公司 | OAID  \n")
    rows = read_text(tmp_path, "p.md", text, small_catalog()).sdks
    assert [(r.name, r.company) for r in rows] == [("JPush", "深圳某某信息技术有限公司"),
                                                   ("Xiaomi Push", "北京某某移动软件有限公司")]
    assert rows[0].data_types == ("device-model",) and rows[1].data_types == ("oaid",)
