"""Labels whose head word comes last ("SDK用途" is a purpose, not a name), labels with a short aside after a
comma, and links on a sub-host of an entry's site; in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.lexicon_data import load_lexicon
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("wechat-opensdk", "WeChat OpenSDK", "微信开放平台", category="login-share",
              privacy="https://weixin.qq.com/privacy"),
        entry("tencent-qq", "QQ Connect", "QQ互联", category="login-share", privacy="https://ti.qq.com/agreement"),
        entry("jpush", "JPush", "极光推送"),
    )


@pytest.mark.parametrize("label, role", [
    ("SDK用途", "purpose"), ("SDK功能", "purpose"), ("SDK厂商", "company"), ("SDK权限", "permissions"),
    ("服务用途", "purpose"), ("SDK名称", "name"), ("SDK", "name"), ("第三方SDK", "name"), ("SDK提供方", "company"),
])
def test_the_head_word_of_a_label_gives_its_role(label, role):
    assert load_lexicon().role(label) == role


NUMBERED_BLOCKS = """\
1、微信分享SDK

SDK用途：用于向您提供分享功能

收集个人信息类型：手机存储中的图片

第三方机构名称：深圳市腾讯计算机系统有限公司

第三方隐私政策链接，仅供参考：

https://support.weixin.qq.com/cgi-bin/privacy-page



2、极光推送SDK

SDK用途：用于推送通知

第三方机构名称：深圳市和讯华谷信息技术有限公司

第三方隐私政策链接，仅供参考：

https://www.jiguang.cn/license/privacy
"""


def test_numbered_blocks_with_a_purpose_label_and_a_link_on_the_next_line(tmp_path, catalog):
    d = _read(tmp_path, "sdk.txt", NUMBERED_BLOCKS, catalog)
    assert [(s.name, s.company, s.purpose, s.link) for s in d.sdks] == [
        ("微信分享SDK", "深圳市腾讯计算机系统有限公司", "用于向您提供分享功能", "https://support.weixin.qq.com/cgi-bin/privacy-page"),
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", "用于推送通知", "https://www.jiguang.cn/license/privacy"),
    ]


def test_a_sentence_before_a_colon_is_still_no_label(tmp_path, catalog):
    text = "为向您提供服务，我们会接入以下第三方SDK：\n\n极光推送SDK：用于推送通知\n"
    d = _read(tmp_path, "p.txt", text, catalog)
    assert [s.name for s in d.sdks] == ["极光推送SDK"]


LOGIN_ROWS = """\
| 名称 | 用途 | 第三方公司 | 隐私政策 |
| --- | --- | --- | --- |
| 微信授权登录 | 用于账号登录 | 深圳市腾讯计算机系统有限公司 | https://support.weixin.qq.com/cgi-bin/privacy-page |
| QQ授权登录 | 用于账号登录 | 深圳市腾讯计算机系统有限公司 | https://ti.qq.com/agreement |
| 某某登录 | 用于账号登录 | 深圳市腾讯计算机系统有限公司 | https://kf.qq.com/ |
"""


def test_a_link_on_a_sub_host_of_an_entry_site_is_evidence_but_not_the_shared_domain(tmp_path, catalog):
    d = _read(tmp_path, "login.md", LOGIN_ROWS, catalog)
    assert [(s.name, s.id) for s in d.sdks] == [
        ("微信授权登录", "wechat-opensdk"), ("QQ授权登录", "tencent-qq"), ("某某登录", None),
    ]
