"""Headings about SDKs in general are not SDK names ("一、我们接入的第三方SDK", "3. Third-party SDKs we use")."""

from __future__ import annotations

from auditor.policy import read_policy
from tests.policy.helpers import small_catalog


def test_numbered_headings_are_not_sdk_rows(tmp_path):
    text = ("一、我们接入的第三方SDK\n"
            "1、消息推送（极光推送SDK）\n"
            "2、友盟统计SDK：统计分析\n"
            "3. Third-party SDKs we use\n"
            "二、其他合作方SDK\n")
    path = tmp_path / "policy.txt"
    path.write_text(text, encoding="utf-8")
    names = [(s.name, s.id) for s in read_policy(path, small_catalog()).sdks]
    assert names == [("极光推送SDK", "jpush"), ("友盟统计SDK", "umeng-analytics")]
