"""The head of a list item and the rest after its separator, with brackets in the head; in our own words,
expected values written by hand."""

from __future__ import annotations

from pathlib import Path

from tests.policy.helpers import read_text, small_catalog


def test_a_company_in_brackets_with_brackets_of_its_own_stays_in_the_head(tmp_path: Path) -> None:
    text = ("本应用接入的第三方SDK：\n"
            "1. 极光推送SDK（深圳市和讯华谷信息技术有限公司（极光））：消息推送；收集Android ID、IP地址\n"
            "2. 友盟统计SDK（友盟同欣（北京）科技有限公司）：统计分析；收集OAID\n")
    d = read_text(tmp_path, "sdk.txt", text, small_catalog())
    assert [(s.id, s.company) for s in d.sdks] == [
        ("jpush", "深圳市和讯华谷信息技术有限公司（极光）"), ("umeng-analytics", "友盟同欣（北京）科技有限公司"),
    ]
