"""Names and companies as real policies write them, in our own words (expected values by hand): a name cell
that carries its company ("Product — Company") when the company cell is empty; a block name numbered with a
Chinese outline number ("（一）极光推送")."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(entries=(
        entry("firebase-analytics", "Firebase Analytics", "Google Analytics for Firebase"),
        entry("mixpanel", "Mixpanel"), entry("jpush", "JPush", "极光推送"),
    ), version="unit", sha256="0" * 64, source="memory")


def test_company_inside_the_name_cell_when_the_company_cell_is_empty(tmp_path, catalog):
    text = ("| Service | Company | Why |\n|---|---|---|\n"
            "| Firebase Analytics — Google LLC | | Usage statistics |\n"
            "| Mixpanel | Mixpanel, Inc. | Product analytics |\n")
    d = _read(tmp_path, "p.md", text, catalog)
    assert [(s.name, s.id, s.company) for s in d.sdks] == [
        ("Firebase Analytics", "firebase-analytics", "Google LLC"), ("Mixpanel", "mixpanel", "Mixpanel, Inc.")]


def test_block_names_with_chinese_outline_numbers(tmp_path, catalog):
    text = ("三、第三方SDK\n（一）极光推送\nSDK提供方：深圳市和讯华谷信息技术有限公司\n使用目的：消息推送\n"
            "（二）某某统计SDK\nSDK提供方：某某数据有限公司\n使用目的：统计分析\n")
    d = _read(tmp_path, "p.txt", text, catalog)
    assert [(s.name, s.id, s.company) for s in d.sdks] == [
        ("极光推送", "jpush", "深圳市和讯华谷信息技术有限公司"), ("某某统计SDK", None, "某某数据有限公司")]
