"""Filings (``auditor disclose``): the three lists' content and columns in English and Chinese, unknown
facts as "unknown" / "待补充", no audit remarks, escaping, the workbook and the Play Data safety draft.

Expected values are written by hand from ``tests/data/catalog-mini`` (vendor facts), the sample scan
(call sites) and the scenes below.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path

import pytest
from report_samples import ALERT, sample_scan

from auditor.audit.knowledge import PermissionKnowledge
from auditor.audit.scenes import SceneSpec
from auditor.catalog.model import LocalText
from auditor.disclose import build_tables
from auditor.model import SdkHit
from auditor.report import disclose_render, disclose_xlsx, play_data_safety

SDK_EN = ["SDK name", "Package names", "Company", "Purpose", "Usage scene",
          "Personal information collected (vendor's documentation)", "Personal information this build's code reads",
          "Collection method", "Sensitive personal information", "Privacy policy"]
SDK_ZH = ["SDK名称", "包名", "第三方主体", "使用目的", "使用场景", "收集的个人信息（厂商说明）",
          "本版本代码读取的个人信息", "收集方式", "是否涉及敏感个人信息", "隐私政策链接"]
PI_ZH = ["个人信息种类", "收集方", "使用目的", "使用场景", "依据"]
PERM_ZH = ["权限名称", "权限说明", "使用场景", "使用目的", "申请方式", "用户可否关闭"]
PERM_EN = ["Permission", "What it allows", "Usage scene", "Purpose", "How it is granted", "Can the user turn it off"]
# Google Play Console's Data safety CSV template header (five columns), as in the Console's own exports
PLAY_HEADER = ["Question ID (machine readable)", "Response ID (machine readable)", "Response value",
               "Answer requirement", "Human-friendly question label"]

SCENES = (
    SceneSpec(LocalText("Scan a QR code", "扫一扫"), LocalText("Scan a product QR code", "扫描商品二维码"),
              ("android.permission.CAMERA",), sdks=("zxing",)),
    SceneSpec(LocalText("Nearby stores " + ALERT, "附近门店"), LocalText("Stores near you", "展示附近门店"),
              ("android.permission.ACCESS_FINE_LOCATION", "android.permission.READ_CONTACTS")),
    SceneSpec(LocalText("Gone feature", "已下线功能"), None, ("android.permission.RECORD_AUDIO",)),
)


@pytest.fixture(scope="module")
def knowledge():
    return PermissionKnowledge.load()


def tables(mini_catalog, knowledge, lang, scan=None, **kw):
    return build_tables(scan or sample_scan(), mini_catalog, SCENES, knowledge, lang, **kw)


def _sheet(tables_, key):
    return next(s for s in disclose_render.sheets(tables_) if s.key == key)


def test_sdk_list_en(mini_catalog, knowledge):
    sheet = _sheet(tables(mini_catalog, knowledge, "en"), "sdks")
    assert list(sheet.headers) == SDK_EN
    rows = {r[0]: r for r in sheet.rows}
    assert list(rows) == ["JPush", "Umeng Analytics", "ZXing"]
    assert rows["JPush"] == (
        "JPush", "cn.jpush.android", "Shenzhen Hexun Huagu Information Technology Co., Ltd.",
        "Push notifications",                        # no documented purpose: what the SDK does (category)
        "unknown",                                   # no scene names JPush
        "IMEI, Android ID, MAC address",             # vendor's documentation (catalog)
        "IMEI",                                      # live call sites; the dead android-id site is not counted
        "Collected on the device by the SDK", "No", "unknown")
    # nothing documented: unknown, not "none"; sensitivity then unknown too
    assert rows["Umeng Analytics"][5] == "unknown" and rows["Umeng Analytics"][6] == "IMEI"
    assert rows["Umeng Analytics"][8] == "unknown"
    assert rows["Umeng Analytics"][1] == "com.umeng.analytics"
    assert rows["ZXing"][4] == "Scan a QR code" and rows["ZXing"][6] == "none seen"


def test_sdk_list_zh(mini_catalog, knowledge):
    sheet = _sheet(tables(mini_catalog, knowledge, "zh"), "sdks")
    assert list(sheet.headers) == SDK_ZH
    jp = next(r for r in sheet.rows if r[0] == "JPush")
    assert jp[2] == "深圳市和讯华谷信息技术有限公司" and jp[3] == "消息推送"
    assert jp[5] == "IMEI（国际移动设备识别码）、Android ID、MAC地址"
    assert jp[7] == "SDK本机采集" and jp[8] == "否" and jp[9] == "待补充"
    um = next(r for r in sheet.rows if r[0] == "Umeng Analytics")
    assert um[2] == "Beijing Ruixun Lintong Technology Co., Ltd."  # no Chinese name: the English legal name
    assert um[3] == "统计分析" and um[5] == "待补充" and um[9] == "待补充"


def test_no_code_analysis_reads_not_analysed(mini_catalog, knowledge):
    scan = dataclasses.replace(sample_scan(), data_access=())
    sheet = _sheet(tables(mini_catalog, knowledge, "en", scan, code_analysed=False), "sdks")
    assert {r[6] for r in sheet.rows} == {"not analysed"}


def test_sensitive_personal_information(mini_catalog, knowledge):
    scan = sample_scan()
    sites = tuple(dataclasses.replace(a, data_type="contacts") if a.owner == "umeng-analytics" else a
                  for a in scan.data_access)
    t = tables(mini_catalog, knowledge, "zh", dataclasses.replace(scan, data_access=sites))
    assert next(r for r in t.sdks if r.sdk_id == "umeng-analytics").sensitive is True  # 通讯录


def test_personal_information_list(mini_catalog, knowledge):
    t = tables(mini_catalog, knowledge, "en")
    got = [(r.data_type, r.collector, r.source) for r in t.personal_info]
    assert got == [
        ("imei", "jpush", "both"), ("imei", "umeng-analytics", "code"),
        ("android-id", "jpush", "vendor-docs"), ("mac", "jpush", "vendor-docs"),
        ("location-fine", "app", "code"),
    ]
    sheet = _sheet(tables(mini_catalog, knowledge, "zh"), "personal_info")
    assert list(sheet.headers) == PI_ZH
    app_row = next(r for r in sheet.rows if r[1] == "本应用")
    assert app_row == ("精确位置信息", "本应用", "待补充", "附近门店", "本版本代码检测")


def test_permission_list(mini_catalog, knowledge):
    sheet = _sheet(tables(mini_catalog, knowledge, "en"), "permissions")
    assert list(sheet.headers) == PERM_EN
    assert sheet.rows == (
        ("ACCESS_FINE_LOCATION", "Precise location", "Nearby stores " + ALERT, "Stores near you",
         "Asked at run time", "Yes, in system settings"),
        ("CAMERA", "Camera", "Scan a QR code", "Scan a product QR code", "Asked at run time",
         "Yes, in system settings"),
        ("READ_PHONE_STATE", "Read phone status and identity", "Used by the SDK: JPush", "unknown",
         "Asked at run time", "Yes, in system settings"),
    )  # INTERNET (normal, install-time) stays out of the public list


def test_permission_list_all_when_asked(mini_catalog, knowledge):
    sheet = _sheet(tables(mini_catalog, knowledge, "zh", include_all_permissions=True), "permissions")
    assert list(sheet.headers) == PERM_ZH
    internet = next(r for r in sheet.rows if r[0] == "INTERNET")
    assert internet[4:] == ("安装时授予", "否")


def test_no_audit_remarks_in_public_text(mini_catalog, knowledge):
    for lang in ("en", "zh"):
        t = tables(mini_catalog, knowledge, lang)
        text = disclose_render.render_markdown(t) + disclose_render.render_html(t)
        for remark in ("未对应业务场景", "no business scene", "not disclosed", "未披露", "undisclosed",
                       "SDK-", "PERM-", "—"):
            assert remark not in text


def test_html_fragment_headers_and_escaping(mini_catalog, knowledge):
    zh = disclose_render.render_html(tables(mini_catalog, knowledge, "zh"))
    assert "<html" not in zh and zh.count("<table") == 3
    table = re.search(r'<table class="sdks-disclosure".*?</thead>', zh, re.DOTALL).group(0)
    assert re.findall(r"<th>(.*?)</th>", table) == SDK_ZH
    en = disclose_render.render_html(tables(mini_catalog, knowledge, "en"))
    assert ALERT not in en and "Nearby stores &lt;script&gt;alert(1)&lt;/script&gt;" in en


def test_privacy_link_only_for_http_urls(mini_catalog, knowledge):
    t = tables(mini_catalog, knowledge, "en")
    good = dataclasses.replace(t.sdks[0], privacy_url="https://www.jiguang.cn/license/privacy")
    bad = dataclasses.replace(t.sdks[1], privacy_url='javascript:alert(1)"><script>')
    t = dataclasses.replace(t, sdks=(good, bad, t.sdks[2]))
    out = disclose_render.render_html(t)
    assert '<a href="https://www.jiguang.cn/license/privacy">' in out
    assert re.findall(r'href="([^"]*)"', out) == ["https://www.jiguang.cn/license/privacy"]
    assert "<script>" not in out
    md = disclose_render.render_markdown(t)
    assert "(https://www.jiguang.cn/license/privacy)" in md and "](javascript" not in md


def test_markdown_tables_keep_their_columns(mini_catalog, knowledge):
    md = disclose_render.render_markdown(tables(mini_catalog, knowledge, "zh"))
    assert "| " + " | ".join(SDK_ZH) + " |" in md.splitlines()
    for line in md.splitlines():
        if line.startswith("| JPush"):
            assert len(re.split(r"(?<!\\)\|", line)[1:-1]) == len(SDK_ZH)


def test_unknown_sdk_falls_back_to_the_hit_and_unknown_facts(mini_catalog, knowledge):
    hit = SdkHit("not-in-catalog", "Mystery", "Mystery Ltd", "ads", 0.5, ())
    scan = dataclasses.replace(sample_scan(), sdks=(hit,), data_access=())
    row = build_tables(scan, mini_catalog, (), knowledge, "zh").sdks[0]
    assert (row.name, row.company, row.purpose, row.privacy_url) == ("Mystery", None, None, None)


def test_no_sdk_no_permission(mini_catalog, knowledge):
    scan = dataclasses.replace(sample_scan(), sdks=(), permissions=(), data_access=())
    t = build_tables(scan, mini_catalog, (), knowledge, "zh")
    assert t.sdks == () and t.permissions == () and t.personal_info == ()
    assert disclose_render.render_html(t).count("无。") == 3


def test_language_checked(mini_catalog, knowledge):
    with pytest.raises(ValueError):
        build_tables(sample_scan(), mini_catalog, (), knowledge, "fr")


def test_workbook_has_one_sheet_per_list_and_neutral_cells(mini_catalog, knowledge):
    from openpyxl import load_workbook

    t = tables(mini_catalog, knowledge, "zh")
    evil = dataclasses.replace(t.sdks[0], name='=HYPERLINK("http://x","y")', company="@SUM(1)")
    data = disclose_xlsx.render(dataclasses.replace(t, sdks=(evil, *t.sdks[1:])))
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["第三方SDK清单", "个人信息收集清单", "权限清单"]
    sdks = book["第三方SDK清单"]
    assert [c.value for c in sdks[1]] == SDK_ZH
    assert sdks["A2"].value == '\'=HYPERLINK("http://x","y")' and sdks["C2"].value == "'@SUM(1)"
    assert [c.value for c in book["权限清单"][1]] == PERM_ZH
    assert book["权限清单"].max_row == 1 + 3


def test_play_data_safety_csv(mini_catalog, knowledge):
    t = tables(mini_catalog, knowledge, "en")
    rows = list(csv.reader(io.StringIO(play_data_safety.render(t))))
    assert rows[0] == PLAY_HEADER and all(len(r) == 5 for r in rows)
    value = {(r[0], r[1]): r[2] for r in rows[1:]}
    assert value[("PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA", "")] == "true"
    assert value[("PSL_DATA_TYPES_IDENTIFIERS", "PSL_DEVICE_ID")] == "true"   # JPush docs, Umeng's code
    assert value[("PSL_DATA_TYPES_LOCATION", "PSL_PRECISE_LOCATION")] == ""   # only the app's own code reads it
    purpose = "PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:DATA_USAGE_COLLECTION_PURPOSE"
    assert value[(purpose, "PSL_DEVELOPER_COMMUNICATIONS")] == "true"          # push
    assert value[(purpose, "PSL_ANALYTICS")] == "true"                          # analytics
    assert value[(purpose, "PSL_ADVERTISING")] == ""
    # what it cannot know is blank, and listed for a human
    assert value[("PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT", "")] == ""
    assert value[("PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:PSL_DATA_USAGE_EPHEMERAL", "")] == ""
    todo = play_data_safety.open_questions(t)
    assert any("encrypted in transit" in q for q in todo)
    assert any(q.startswith("Precise location: read by the app's own code") for q in todo)
    ids = "Device or other IDs / Device or other IDs (collected by JPush, Umeng Analytics)"
    assert any(q.startswith(ids) for q in todo)


def test_deterministic(mini_catalog, knowledge):
    for lang in ("en", "zh"):
        a, b = tables(mini_catalog, knowledge, lang), tables(mini_catalog, knowledge, lang)
        assert a == b
        assert disclose_render.render_html(a) == disclose_render.render_html(b)
        assert disclose_render.render_markdown(a) == disclose_render.render_markdown(b)


def test_templates_ship_as_package_data():
    root = Path(__file__).resolve().parents[2]
    names = {p.name for p in (root / "auditor" / "templates").iterdir()}
    assert {"report.html.j2", "disclose.html.j2"} <= names
    text = (root / "pyproject.toml").read_text()
    assert '"templates/*"' in text and '"data/*.yaml"' in text
