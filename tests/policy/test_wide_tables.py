"""Sub-processor tables in the GDPR style: many columns beside the SDK facts (role, location, transfer
mechanism, date accepted), a "Provider" column holding ``Product — Company`` with long company names, and a
product written under two names (``A / B``). Our own wording; expected values by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import read_policy
from tests.policy.helpers import entry

HEADER = ("| # | Provider | Role | Purpose | Data categories | Location | Transfer | DPA / Terms | Accepted on |\n"
          "|---|---|---|---|---|---|---|---|---|\n")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(entries=(
        entry("firebase-analytics", "Firebase Analytics", "Google Analytics for Firebase", vendor="Google LLC"),
        entry("sentry", "Sentry", vendor="Functional Software, Inc."),
        entry("firebase-crashlytics", "Firebase Crashlytics", vendor="Google LLC"),
        entry("google-analytics", "Google Analytics", vendor="Google LLC"),
        entry("firebase", "Firebase", vendor="Google LLC"),
    ), version="unit", sha256="0" * 64, source="memory")


def _rows(tmp_path, text: str, catalog: Catalog):
    path = tmp_path / "processors.md"
    path.write_text(text, encoding="utf-8")
    return read_policy(path, catalog).sdks


def test_wide_table_with_few_role_columns_still_has_a_header(tmp_path, catalog):
    text = HEADER + (
        "| 1 | Sentry — Functional Software, Inc. | Processor | Crash and error reports | IP address, device model "
        "| United States | SCCs | https://sentry.io/legal/dpa/ | 2024-03-01 |\n")
    rows = _rows(tmp_path, text, catalog)
    assert [(r.name, r.id, r.company) for r in rows] == [("Sentry", "sentry", "Functional Software, Inc.")]
    assert set(rows[0].data_types) == {"ip", "device-model"}
    assert rows[0].link == "https://sentry.io/legal/dpa/"


def test_long_provider_cell_is_judged_by_its_product_part(tmp_path, catalog):
    # product 37 characters, company 40: together past what a name cell may hold, each part well within it
    text = HEADER + (
        "| 1 | Google Analytics for Firebase (app) — Google Ireland Limited / Google LLC | Processor "
        "| Usage measurement | App instance identifier, IP address | EU and US | SCCs | Google terms | 2024-05-02 |\n"
        "| 2 | Sentry — Functional Software, Inc. | Processor | Error reports | IP address | US | DPF | DPA | 2024 |\n")
    rows = _rows(tmp_path, text, catalog)
    assert [(r.name, r.company) for r in rows] == [
        ("Google Analytics for Firebase (app)", "Google Ireland Limited / Google LLC"),
        ("Sentry", "Functional Software, Inc."),
    ]
    assert rows[0].id == "firebase-analytics"


def test_product_written_under_two_names(tmp_path, catalog):
    text = HEADER + (
        "| 1 | Google Firebase Analytics / Google Analytics for Firebase — Google LLC | Processor | Usage | IP address "
        "| Global | SCCs | Terms | 2024 |\n"
        "| 2 | Crash reporter / Firebase Crashlytics — Google LLC | Processor | Crashes | Device model "
        "| Global | SCCs | Terms | 2024 |\n")
    rows = _rows(tmp_path, text, catalog)
    assert [(r.name, r.id) for r in rows] == [
        ("Google Firebase Analytics / Google Analytics for Firebase", "firebase-analytics"),
        ("Crash reporter / Firebase Crashlytics", "firebase-crashlytics"),
    ]


def test_two_products_in_one_cell_are_two_rows_never_one_of_them(tmp_path, catalog):
    # two different catalog products side by side, each named exactly: a row for each, with the cell's other
    # facts (the row is never given just one of them); a slash between two names of one product stays one row
    text = HEADER + ("| 1 | Sentry / Firebase Crashlytics — Example Ltd | Processor | Errors | IP address | US | SCCs "
                     "| DPA | 2024 |\n")
    rows = _rows(tmp_path, text, catalog)
    assert [(r.name, r.id, r.company) for r in rows] == [
        ("Sentry", "sentry", "Example Ltd"), ("Firebase Crashlytics", "firebase-crashlytics", "Example Ltd")]


def test_body_row_is_not_taken_for_a_header(tmp_path, catalog):
    # a wide table without a header row: no row becomes the header, so the rows stay rows
    text = ("| 1 | Sentry — Functional Software, Inc. | Processor | Errors | IP address | US | SCCs | DPA | 2024 |\n"
            "| 2 | Firebase Crashlytics — Google LLC | Processor | Crashes | Device model | US | SCCs | DPA | 2024 |\n")
    rows = _rows(tmp_path, text, catalog)
    assert sorted(r.id for r in rows if r.id) == ["firebase-crashlytics", "sentry"]


def test_html_table_left_open_in_markdown(tmp_path, catalog):
    # an excerpt cut inside its table (no </table>, the last cell unclosed): the rows read still count
    text = ("# SDK list\n\n"
            "<table>\n  <tr><th>SDK名称</th><th>第三方主体</th><th>收集的信息</th></tr>\n"
            "  <tr>\n    <td>Sentry</td>\n    <td>Functional Software, Inc.</td>\n    <td>IP地址、设备型号</td>\n  </tr>\n"
            "  <tr>\n    <td>Firebase Crashlytics</td>\n    <td>Google LLC</td>\n    <td>设备型号、崩溃日志\n")
    rows = _rows(tmp_path, text, catalog)
    assert [(r.id, r.company, r.extractor) for r in rows] == [
        ("sentry", "Functional Software, Inc.", "html-table"),
        ("firebase-crashlytics", "Google LLC", "html-table"),
    ]
    assert set(rows[0].data_types) == {"ip", "device-model"}


def test_a_labelled_sdk_inside_a_link_cell_is_not_the_rows_name(tmp_path, catalog):
    # the link cell says which SDK the row's SDK bundles: the row is still the one its name cell names
    text = ("<table><tr><th>SDK名称</th><th>第三方名称</th><th>收集信息</th><th>隐私政策链接</th></tr>"
            "<tr><td>Acme客服SDK</td><td>示例科技有限公司</td><td>设备型号</td>"
            "<td>https://acme.example.com/privacy 该SDK集成的SDK：Sentry</td></tr></table>")
    path = tmp_path / "p.html"
    path.write_text(text, encoding="utf-8")
    rows = read_policy(path, catalog).sdks
    assert [(r.name, r.id, r.company, r.link) for r in rows] == [
        ("Acme客服SDK", None, "示例科技有限公司", "https://acme.example.com/privacy")]
