"""Links written without a scheme in a table's link column, in our own words (expected values by hand)."""

from __future__ import annotations

from auditor.catalog.model import Catalog
from auditor.policy import read_policy
from auditor.policy.text import hosts
from tests.policy.helpers import entry


def test_hosts_are_web_addresses_never_package_or_file_names():
    assert hosts("policies.example.com") == ["policies.example.com"]
    assert hosts("见 example.cn/privacy.html 。") == ["example.cn/privacy.html"]
    assert hosts("com.example.push") == []  # a package name
    assert hosts("privacy.html") == []
    assert hosts("Gson 2.8.9") == []


def test_link_cell_without_scheme_is_the_row_link(tmp_path):
    catalog = Catalog(entries=(entry("gson", "Gson"),), version="unit", sha256="0" * 64, source="memory")
    path = tmp_path / "p.md"
    path.write_text("| SDK名称 | 所属机构 | 隐私政策链接 |\n|---|---|---|\n"
                    "| Gson | Example Inc | policies.example.com |\n"
                    "| 某某SDK | 某某有限公司 | 某某SDK隐私政策 |\n", encoding="utf-8")
    d = read_policy(path, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [("Gson", "policies.example.com"), ("某某SDK", "")]
