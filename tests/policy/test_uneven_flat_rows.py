"""Tables flattened one cell a paragraph whose rows have uneven numbers of cells, as a page copies them: an
empty cell copies as nothing, a merged company cell stands once, a provider cell's lines (company, contact,
policy) part into paragraphs of their own. Each row opens at a name naming an SDK; its cells fall to the
columns they read as. In our own words, expected values by hand."""

from __future__ import annotations

from tests.policy.helpers import entry, memory_catalog, read_text

UNEVEN = """\
我们接入的第三方SDK如下：

SDK类型

插件名称

功能描述

SDK提供者信息

个人信息类型

调用的设备权限

推送SDK

某某推送组件

向您发送消息通知

某某推送科技有限公司

联系方式：400-000-0000

隐私政策

设备型号、Android ID

读取电话状态权限

统计SDK

某某统计组件

统计应用的使用情况

Android ID、IMEI

存储权限

地图SDK

某某地图组件

展示门店位置

某某地图网络技术有限公司

隐私政策

经纬度

位置权限

以上SDK均在您同意本政策后才会收集信息。
"""


def rows_of(tmp_path, text: str) -> list[tuple[str, str, list[str], list[str]]]:  # type: ignore[no-untyped-def]
    catalog = memory_catalog(entry("example-push", "Example Push", "推送SDK"))
    d = read_text(tmp_path, "policy.txt", text, catalog)
    return [(s.name, s.company, sorted(s.data_types), sorted(p.rsplit(".", 1)[-1] for p in s.permissions))
            for s in d.sdks]


def test_rows_of_uneven_length_read_by_what_their_cells_say(tmp_path):
    assert rows_of(tmp_path, UNEVEN) == [
        # (a row's data is the data it names; a permission beside it adds none: "电话权限" is no data the row names)
        ("推送SDK", "某某推送科技有限公司", ["android-id", "device-model"], ["READ_PHONE_STATE"]),
        # its provider cell was left empty on the page: nothing stands for it
        ("统计SDK", "", ["android-id", "imei"], ["READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"]),
        ("地图SDK", "某某地图网络技术有限公司", ["location-coarse", "location-fine"],
         ["ACCESS_COARSE_LOCATION", "ACCESS_FINE_LOCATION"]),
    ]


# a header giving the name twice ("SDK类型", "插件名称") and the data twice (the last title names no data)
TWO_TITLES = """SDK类型
插件名称
所属公司
个人信息类型
SDK直接采集个人信息的情形
推送SDK
某某推送组件
某某推送科技有限公司
设备型号
无
统计SDK
某某统计组件
某某统计网络技术有限公司
IMEI
Android ID
"""


def test_a_second_title_of_the_name_or_the_data_stays_in_the_header(tmp_path):
    assert rows_of(tmp_path, TWO_TITLES) == [
        ("推送SDK", "某某推送科技有限公司", ["device-model"], []),
        ("统计SDK", "某某统计网络技术有限公司", ["android-id", "imei"], []),
    ]
