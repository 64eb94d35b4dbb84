"""SDK tables flattened one cell per line whose rows' first cells name roles too, named by the third party's
column; in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送"), entry("bugly", "Bugly", "腾讯Bugly"))


TABLE = """\
我们接入的第三方SDK如下:

功能模块及服务

第三方名称

个人信息收集详情

隐私政策地址

消息推送功能

极光;

极光推送

设备标识符(Android ID)、位置信息

https://www.jiguang.cn/license/privacy

崩溃分析服务

Bugly

设备型号、系统版本

https://privacy.qq.com/bugly
"""


def test_a_flat_table_whose_first_cells_name_roles_too(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", TABLE, catalog)
    assert [(s.id, s.link) for s in d.sdks] == [
        ("jpush", "https://www.jiguang.cn/license/privacy"), ("bugly", "https://privacy.qq.com/bugly"),
    ]
    assert {"android-id", "location-fine"} <= set(d.sdks[0].data_types)
    assert d.sdks[1].data_types == ("device-model",)
