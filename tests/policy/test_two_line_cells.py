"""A table's name cell holding the product over its company (two blocks of one HTML cell, read as one line of
text), in our own words; expected names and companies written by hand."""

from __future__ import annotations

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


def _catalog() -> Catalog:
    return memory_catalog(entry("alipay", "Alipay SDK", "支付宝SDK"), entry("wechat-opensdk", "WeChat OpenSDK", "微信OpenSDK"),
                          entry("umeng-push", "Umeng Push", "友盟推送"))


PAGE = """\
<table>
  <thead><tr><th>SDK 名称</th><th>用途</th></tr></thead>
  <tbody>
    <tr>
      <td><strong>微信 Open SDK</strong><p>深圳市腾讯计算机系统有限公司</p></td>
      <td>微信登录与分享</td>
    </tr>
    <tr>
      <td><b>支付宝 移动支付 SDK</b><div>支付宝（中国）网络技术有限公司</div></td>
      <td>订单付款</td>
    </tr>
    <tr>
      <td>友盟推送SDK（友盟同欣（北京）科技有限公司）</td>
      <td>消息推送</td>
    </tr>
  </tbody>
</table>
"""


def test_a_name_cell_with_the_company_under_the_product(tmp_path):
    d = _read(tmp_path, "sdks.html", PAGE, _catalog())
    assert [(r.name, r.company) for r in d.sdks] == [
        ("微信 Open SDK", "深圳市腾讯计算机系统有限公司"),
        ("支付宝 移动支付 SDK", "支付宝（中国）网络技术有限公司"),   # the bracket is the company's own
        ("友盟推送SDK", "友盟同欣（北京）科技有限公司"),              # the company in brackets, as before
    ]
