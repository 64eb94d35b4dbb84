"""Disclosure tables (``auditor disclose``): content, headers in English and Chinese, escaping, layout."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from report_samples import ALERT, sample_scan

from auditor.audit.knowledge import PermissionKnowledge
from auditor.audit.scenes import SceneSpec
from auditor.catalog.model import LocalText
from auditor.disclose import build_tables
from auditor.model import SdkHit
from auditor.report import disclose_render

SDK_EN = ["SDK name", "Company", "Purpose", "Personal data collected", "Privacy policy"]
SDK_ZH = ["SDK名称", "第三方主体", "使用目的", "收集个人信息类型", "隐私政策链接"]
PERM_EN = ["Business scene", "Description", "Permission", "Android permission"]
PERM_ZH = ["业务场景", "场景描述", "权限名称", "Android权限"]

SCENES = (
    SceneSpec(LocalText("Scan a QR code", "扫一扫"), LocalText("Scan a product QR code", "扫描商品二维码"),
              ("android.permission.CAMERA",)),
    SceneSpec(LocalText("Nearby stores " + ALERT, "附近门店"), LocalText("Stores near you", "展示附近门店"),
              ("android.permission.ACCESS_FINE_LOCATION", "android.permission.READ_CONTACTS")),
    SceneSpec(LocalText("Gone feature", "已下线功能"), None, ("android.permission.RECORD_AUDIO",)),
)


@pytest.fixture(scope="module")
def knowledge():
    return PermissionKnowledge.load()


def tables(mini_catalog, knowledge, lang, scan=None):
    return build_tables(scan or sample_scan(), mini_catalog, SCENES, knowledge, lang)


def _headers(fragment: str, cls: str) -> list[str]:
    table = re.search(rf'<table class="{cls}".*?</thead>', fragment, re.DOTALL).group(0)
    return re.findall(r"<th>(.*?)</th>", table)


def test_sdk_rows_en(mini_catalog, knowledge):
    t = tables(mini_catalog, knowledge, "en")
    rows = {r.sdk_id: r for r in t.sdks}
    assert [r.name for r in t.sdks] == ["JPush", "Umeng Analytics", "ZXing"]   # catalog names, sorted
    jp = rows["jpush"]
    assert jp.company == "Shenzhen Hexun Huagu Information Technology Co., Ltd."
    assert jp.purpose == "Push notifications"                     # no purpose in the mini catalog: category
    # catalog data_collected ∪ live call sites; the dead android-id site adds nothing new here
    assert jp.data_types == ("imei", "android-id", "mac")
    assert jp.data_labels == ("IMEI", "Android ID", "MAC address")
    assert jp.from_code == ()
    um = rows["umeng-analytics"]
    assert um.data_types == ("imei",) and um.from_code == ("imei",)   # reached in code only
    assert rows["zxing"].data_types == ()
    # the mini catalog gives ZXing no vendor and no data facts: unknown, not "none"
    assert rows["zxing"].company is None and not rows["zxing"].data_known


def test_unknown_facts_print_as_unknown(mini_catalog, knowledge):
    en = disclose_render.render_markdown(tables(mini_catalog, knowledge, "en"))
    zh = disclose_render.render_html(tables(mini_catalog, knowledge, "zh"))
    zxing = next(line for line in en.splitlines() if line.startswith("| ZXing |"))
    assert zxing == "| ZXing | unknown | Barcode and QR scanning | unknown | unknown |"
    assert "—" not in en and "—" not in zh and "<td>未知/待补充</td>" in zh


def test_dead_code_adds_no_data_type(mini_catalog, knowledge):
    scan = sample_scan()
    dead_only = tuple(dataclasses.replace(a, reachability="dead") if a.owner == "umeng-analytics" else a
                      for a in scan.data_access)
    t = tables(mini_catalog, knowledge, "en", dataclasses.replace(scan, data_access=dead_only))
    assert {r.sdk_id: r.data_types for r in t.sdks}["umeng-analytics"] == ()


def test_sdk_rows_zh(mini_catalog, knowledge):
    t = tables(mini_catalog, knowledge, "zh")
    jp = {r.sdk_id: r for r in t.sdks}["jpush"]
    assert jp.company == "深圳市和讯华谷信息技术有限公司"
    assert jp.purpose == "消息推送"
    assert jp.data_labels == ("IMEI（国际移动设备识别码）", "Android ID", "MAC地址")


def test_scene_rows_and_other_group(mini_catalog, knowledge):
    t = tables(mini_catalog, knowledge, "en")
    assert [s.name for s in t.scenes] == ["Scan a QR code", "Nearby stores " + ALERT, "Other"]
    # READ_CONTACTS and RECORD_AUDIO are not requested by the build: not disclosed; the empty scene is dropped
    assert [p.permission for p in t.scenes[1].permissions] == ["android.permission.ACCESS_FINE_LOCATION"]
    other = t.scenes[-1]
    assert other.other
    assert [(p.permission, p.requested_by) for p in other.permissions] == [
        ("android.permission.READ_PHONE_STATE", ("JPush",)),   # dangerous first, with the SDK asking for it
        ("android.permission.INTERNET", ()),
    ]
    requested = {p.name for p in sample_scan().permissions}
    listed = {p.permission for s in t.scenes for p in s.permissions}
    assert listed == requested                                     # nothing hidden, nothing invented


def test_permission_labels_by_language(mini_catalog, knowledge):
    en = tables(mini_catalog, knowledge, "en").scenes[0].permissions[0]
    zh = tables(mini_catalog, knowledge, "zh").scenes[0].permissions[0]
    assert (en.label, zh.label, zh.permission) == ("Camera", "相机", "android.permission.CAMERA")
    zh_scenes = tables(mini_catalog, knowledge, "zh").scenes
    assert [s.name for s in zh_scenes] == ["扫一扫", "附近门店", "其他"]
    assert zh_scenes[0].description == "扫描商品二维码"


def test_html_headers_exact(mini_catalog, knowledge):
    en = disclose_render.render_html(tables(mini_catalog, knowledge, "en"))
    zh = disclose_render.render_html(tables(mini_catalog, knowledge, "zh"))
    assert _headers(en, "sdk-disclosure") == SDK_EN
    assert _headers(en, "permission-disclosure") == PERM_EN
    assert _headers(zh, "sdk-disclosure") == SDK_ZH
    assert _headers(zh, "permission-disclosure") == PERM_ZH
    assert "<html" not in en and en.count("<table") == 2             # a fragment, ready to paste


def test_markdown_headers_exact(mini_catalog, knowledge):
    en = disclose_render.render_markdown(tables(mini_catalog, knowledge, "en"))
    zh = disclose_render.render_markdown(tables(mini_catalog, knowledge, "zh"))
    assert "| " + " | ".join(SDK_EN) + " |" in en.splitlines()
    assert "| " + " | ".join(PERM_EN) + " |" in en.splitlines()
    assert "| " + " | ".join(SDK_ZH) + " |" in zh.splitlines()
    assert "| " + " | ".join(PERM_ZH) + " |" in zh.splitlines()
    assert "| JPush | 深圳市和讯华谷信息技术有限公司 | 消息推送 | IMEI（国际移动设备识别码）、Android ID、MAC地址 | 未知/待补充 |" in zh
    assert "| 其他 | 未对应业务场景，由第三方SDK申请：JPush | 读取手机状态和身份 | android.permission.READ\\_PHONE\\_STATE |" in zh


def test_html_rowspan_and_escaping(mini_catalog, knowledge):
    out = disclose_render.render_html(tables(mini_catalog, knowledge, "en"))
    assert ALERT not in out and "Nearby stores &lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert '<td rowspan="2">Other</td>' in out
    assert "Not in a business scene; asked for by the SDK: JPush" in out


def test_privacy_link_only_for_http_urls(mini_catalog, knowledge):
    t = tables(mini_catalog, knowledge, "en")
    good = dataclasses.replace(t.sdks[0], privacy_policy_url="https://www.jiguang.cn/license/privacy")
    bad = dataclasses.replace(t.sdks[1], privacy_policy_url='javascript:alert(1)"><script>')
    t = dataclasses.replace(t, sdks=(good, bad, t.sdks[2]))
    out = disclose_render.render_html(t)
    assert '<a href="https://www.jiguang.cn/license/privacy">' in out
    assert "javascript:" not in re.findall(r'href="([^"]*)"', out)[0] and out.count("<a ") == 1
    assert "<script>" not in out
    md = disclose_render.render_markdown(t)
    assert "(https://www.jiguang.cn/license/privacy)" in md and "](javascript" not in md


def test_no_sdk_no_permission(mini_catalog, knowledge):
    scan = dataclasses.replace(sample_scan(), sdks=(), permissions=(), data_access=())
    t = build_tables(scan, mini_catalog, (), knowledge, "zh")
    assert t.sdks == () and t.scenes == ()
    out = disclose_render.render_html(t)
    assert "未在应用中发现第三方SDK。" in out and "应用未申请任何权限。" in out


def test_unknown_sdk_falls_back_to_the_hit(mini_catalog, knowledge):
    hit = SdkHit("not-in-catalog", "Mystery", "Mystery Ltd", "ads", 0.5, ())
    scan = dataclasses.replace(sample_scan(), sdks=(hit,), data_access=())
    row = build_tables(scan, mini_catalog, (), knowledge, "zh").sdks[0]
    assert (row.name, row.company, row.purpose) == ("Mystery", "Mystery Ltd", "广告")


def test_language_and_format_checked(mini_catalog, knowledge):
    with pytest.raises(ValueError):
        build_tables(sample_scan(), mini_catalog, (), knowledge, "fr")
    with pytest.raises(ValueError):
        disclose_render.render(tables(mini_catalog, knowledge, "en"), "pdf")


def test_deterministic(mini_catalog, knowledge):
    for lang in ("en", "zh"):
        a, b = tables(mini_catalog, knowledge, lang), tables(mini_catalog, knowledge, lang)
        assert a == b
        for fmt in ("html", "md"):
            assert disclose_render.render(a, fmt) == disclose_render.render(b, fmt)


def test_templates_ship_as_package_data():
    root = Path(__file__).resolve().parents[2]
    names = {p.name for p in (root / "auditor" / "templates").iterdir()}
    assert {"report.html.j2", "disclose.html.j2"} <= names
    assert '"templates/*"' in (root / "pyproject.toml").read_text()
