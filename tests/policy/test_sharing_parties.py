"""A list of the parties an app shares data with names kinds of party ("商家", "卖方", "线下门店") beside
products: the kinds are no SDK rows. In our own words; expected values written by hand."""

from __future__ import annotations

from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

LIST = """\
第三方个人信息共享清单
序号 | 第三方名称 | 共享场景 | 共享目的 | 共享信息 | 隐私政策链接 |
---|---|---|---|---|---|
1 | 商家 | 购买商品 | 商品交易 | 收货信息 | |
2 | 线下提货门店 | 到店提货 | 线下履约 | 姓名、手机号 | |
3 | 示例支付SDK | 在线支付 | 完成支付 | 设备型号 | https://pay.example.cn/privacy |
"""


def test_kinds_of_party_are_no_sdk_rows(tmp_path):
    catalog = memory_catalog(entry("pay", "示例支付SDK"))
    assert [r.name for r in _read(tmp_path, "parties.txt", LIST, catalog).sdks] == ["示例支付SDK"]


def test_a_product_whose_name_ends_like_a_party_word_stays(tmp_path):
    # guard: a catalog name is a product whatever its last word
    catalog = memory_catalog(entry("pay", "示例支付SDK"), entry("bank", "示例银行"))
    text = LIST.replace("| 1 | 商家 |", "| 1 | 示例银行 |").replace("1 | 商家 |", "1 | 示例银行 |")
    assert "示例银行" in [r.name for r in _read(tmp_path, "bank.txt", text, catalog).sdks]


RECORDS = """\
1.示例推送SDK

使用目的：推送消息

提供主体：示例推送科技有限公司

2.安信第三方加密SDK

使用目的：数据加密

提供主体：安信数据安全有限公司
"""


def test_a_product_with_a_general_word_inside_its_name_is_a_record(tmp_path):
    catalog = memory_catalog(entry("push", "示例推送SDK"))
    names = [r.name for r in _read(tmp_path, "records.txt", RECORDS, catalog).sdks]
    assert names == ["示例推送SDK", "安信第三方加密SDK"]


def test_words_about_sdks_in_general_are_no_record(tmp_path):
    # guard: "以下第三方SDK" / "SDK列表" open or end with general words
    from auditor.policy.lexicon_data import load_lexicon
    lexicon = load_lexicon()
    assert lexicon.general("以下第三方SDK") and lexicon.general("SDK列表") and lexicon.general("Services we use")
    assert lexicon.general("请告知用户您使用了某某SDK")  # a sentence to the reader, wherever its pronoun stands
    assert not lexicon.general("安信第三方加密SDK")
