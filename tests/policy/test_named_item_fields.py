"""An SDK item written as its name, then its fields on the same line ("1. 某某SDK：收集目的：…；收集方式：…"), in
our own words: the name before the first field's label is the row's name, its fields the row's facts, and the
personal data a "collection method" field lists is the row's data. Expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送SDK", "极光推送"))


ITEMS = """\
七、第三方SDK说明
我们接入了以下第三方SDK：
1. 极光推送SDK：收集目的：向您发送订单提醒；收集方式：自动收集设备型号、OAID；隐私政策：https://www.jiguang.cn/license/privacy
2. 星图地址解析组件：收集目的：把坐标转换为地址；收集方式：在您搜索地址时收集IP地址；隐私政策：https://map.example.cn/privacy
八、联系我们
"""


def test_an_item_of_a_name_then_labelled_fields_on_one_line(tmp_path, catalog):
    d = _read(tmp_path, "policy.vue", ITEMS, catalog)
    rows = [(r.name, r.id, r.purpose, r.link, r.data_types) for r in d.sdks]
    assert rows == [
        ("极光推送SDK", "jpush", "向您发送订单提醒", "https://www.jiguang.cn/license/privacy", ("oaid", "device-model")),
        ("星图地址解析组件", None, "把坐标转换为地址", "https://map.example.cn/privacy", ("ip",)),
    ]


def test_a_code_key_or_an_aside_cut_by_its_colon_is_no_name(tmp_path, catalog):
    text = ('const sections = [\n  { children: "收集目的：向您发送订单提醒" },\n]\n'
            "适用应用：小书房（Android 包名：com.example.shelf）\n")
    assert _read(tmp_path, "page.js", text, catalog).sdks == ()


# a record's name line giving the SDK's code names in brackets, long enough that the line would not pass for a
# name by its width alone
CODE_NAMES = """\
<p><strong>3. 某某联盟SDK</strong>（com.example.union、com.example.ads、com.example.ads.download、union-autowatch-example、com.example.weapon）</p>
<p>第三方公司名称：某某广告有限公司</p>
<p>共享信息：设备型号、OAID</p>
<p>使用目的：广告投放</p>
"""


def test_a_name_line_with_a_long_bracket_of_code_names_heads_its_record(tmp_path, catalog):
    d = _read(tmp_path, "p.html", CODE_NAMES, catalog)
    assert [(s.company, sorted(s.data_types), s.package_names[:2]) for s in d.sdks] == [
        ("某某广告有限公司", ["device-model", "oaid"], ("com.example.union", "com.example.ads"))]
    assert d.sdks[0].name == "某某联盟SDK"  # (its code names are its package names)


# a record whose label lists its uses as items, the record's link after the last of them
LISTED_USES = """\
#### 5.1 某某地图SDK（com.example.map）

**服务提供商**：某某地图软件有限公司
**功能用途**：

+ 门店位置展示
+ 导航路线规划
+ 周边设施检索

**隐私政策**：[https://map.example.cn/privacy](https://map.example.cn/privacy)

#### 5.2 某某广告SDK（com.example.ads）

**服务提供商**：某某广告网络技术有限公司
**功能用途**：

+ 广告投放
+ 广告效果监测

**隐私政策**：[https://ads.example.cn/privacy](https://ads.example.cn/privacy)
"""


def test_the_last_item_a_record_label_lists_is_no_record_of_its_own(tmp_path, catalog):
    d = _read(tmp_path, "p.md", LISTED_USES, catalog)
    assert [(s.company, s.link) for s in d.sdks] == [
        ("某某地图软件有限公司", "https://map.example.cn/privacy"),
        ("某某广告网络技术有限公司", "https://ads.example.cn/privacy")]
