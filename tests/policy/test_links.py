"""Links written without a scheme in a table's link column, in our own words (expected values by hand)."""

from __future__ import annotations

from auditor.catalog.model import Catalog
from auditor.policy import read_policy
from auditor.policy.text import hosts
from tests.policy.helpers import entry, memory_catalog, read_text


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


def test_flattened_table_link_cells_stay_cells(tmp_path):
    catalog = Catalog(entries=(entry("tencent-bugly", "Tencent Bugly", "Bugly"), entry("tencent-qq", "QQ互联", "QQ SDK")),
                      version="unit", sha256="0" * 64, source="memory")
    text = ("SDK名称\n第三方名称\n使用目的\n收集的个人信息\n隐私政策链接\n"
            "Bugly SDK\n某某计算机系统有限公司\n上报崩溃\n设备型号、Android ID\nhttps://example.com/bugly-privacy\n"
            "QQ互联SDK\n某某计算机系统有限公司\nQQ登录\n设备标识（Android ID）\nhttps://example.com/qq-privacy\n")
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    d = read_policy(path, catalog)
    assert [(s.name, s.id, s.company, s.purpose, s.link) for s in d.sdks] == [
        ("Bugly SDK", "tencent-bugly", "某某计算机系统有限公司", "上报崩溃", "https://example.com/bugly-privacy"),
        ("QQ互联SDK", "tencent-qq", "某某计算机系统有限公司", "QQ登录", "https://example.com/qq-privacy"),
    ]


def test_a_comment_closing_right_after_an_address_is_not_part_of_it():
    from auditor.policy.text import urls
    # a policy kept in a block comment of a source file: "/* … 隐私政策：https://example.cn/policy*/"
    assert urls("隐私政策：https://example.cn/policy*/") == ["https://example.cn/policy"]
    assert hosts("privacy: example.cn/policy */") == ["example.cn/policy"]
    assert urls("See https://example.com/a*b/privacy.") == ["https://example.com/a*b/privacy"]


def test_html_link_whose_text_carries_a_bracketed_aside_is_one_linked_item(tmp_path):
    # an HTML list of links: the loader writes each as "<text> <href>"; a bracket in the text is no reason to
    # cut the item at the colon of the address ("Maps (Example) https" / "//maps.example.com/…" before)
    catalog = memory_catalog(entry("example-maps", "Example Maps", vendor="Example"),
                             entry("example-ads", "Example Ads", vendor="Example"))
    d = read_text(tmp_path, "p.html",
                  "<p>Links to the privacy policies of third-party service providers used by our apps:</p>\n<ul>\n"
                  '<li><a href="https://maps.example.com/privacy">Example Maps (Example)</a></li>\n'
                  '<li><a href="https://ads.example.com/privacy">Example Ads</a></li>\n</ul>\n', catalog)
    assert [(s.name, s.id, s.link) for s in d.sdks] == [
        ("Example Maps", "example-maps", "https://maps.example.com/privacy"),
        ("Example Ads", "example-ads", "https://ads.example.com/privacy"),
    ]
