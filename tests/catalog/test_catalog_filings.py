"""The Chinese SDK list (第三方SDK清单) names each product and part by its Chinese name where a source gives
one, and by the product's own name otherwise, never by a made-up translation; the company cell is the
vendor's legal name, or 待补充 when the catalog has no vendor.

Expected cells are written by hand from the catalog's sourced facts: JPush is 极光推送 (its vendor's
compliance page) by 深圳市和讯华谷信息技术有限公司; Umeng Push is 友盟推送 and ships Alibaba's Agoo channel,
whose Chinese name is 淘宝推送 (camille), and the Umeng common library, which no source names in Chinese;
Bugsnag has no Chinese name and no vendor record.
"""

from __future__ import annotations

import pytest
from builders import make_build, make_scan

from auditor.audit.knowledge import PermissionKnowledge
from auditor.detect.matcher import Matcher
from auditor.disclose import build_tables
from auditor.permissions import PermissionDb
from auditor.report import disclose_render

CLASSES = ["cn.jpush.android.api.JPushInterface", "cn.jiguang.api.JCoreInterface",
           "com.umeng.message.PushAgent", "com.umeng.commonsdk.UMConfigure", "org.android.agoo.client.BaseRegistrar",
           "com.bugsnag.android.Bugsnag"]


@pytest.fixture(scope="module")
def zh_rows(bundled_catalog):
    parts = (bundled_catalog, Matcher.from_catalog(bundled_catalog), PermissionDb.load())
    scan = make_scan(make_build(classes=CLASSES), parts)
    tables = build_tables(scan, bundled_catalog, (), PermissionKnowledge.load(), "zh", code_analysed=False)
    sheet = next(s for s in disclose_render.sheets(tables) if s.key == "sdks")
    return {row[0]: row for row in sheet.rows}


def test_products_and_parts_print_their_chinese_names_or_their_own(zh_rows):
    assert set(zh_rows) == {
        "极光推送 (含JCore (Aurora common core))",
        "友盟推送 (含淘宝推送、Umeng common (UMConfigure))",
        "Bugsnag",
    }


def test_company_is_the_legal_name_or_unknown(zh_rows):
    assert zh_rows["极光推送 (含JCore (Aurora common core))"][2] == "深圳市和讯华谷信息技术有限公司"
    assert zh_rows["Bugsnag"][2] == "待补充"
