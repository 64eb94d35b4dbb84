"""Headings about SDKs in general are not SDK names ("一、我们接入的第三方SDK", "3. Third-party SDKs we use")."""

from __future__ import annotations

from auditor.policy import read_policy
from tests.policy.helpers import entry, memory_catalog, read_text, small_catalog

SENTRY = memory_catalog(entry("sentry", "Sentry", vendor="Functional Software, Inc."))


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


def test_one_heading_a_service_under_a_third_party_section(tmp_path):
    # sibling headings under a section about third parties, each over what that service does: one row each,
    # the company from "is a product of"; the run ends at the first heading that names no service
    text = ("# Privacy\n\n## 3. Third-party services\n\n### Sentry\n\nWe send crash reports to Sentry.\n\n"
            "### Acme Insights\n\nAcme Insights is a product of Acme Corporation. It counts screen views.\n"
            "Read more at https://acme.example.com/privacy.\n\n### Your rights\n\nYou may ask us to delete data.\n")
    rows = read_text(tmp_path, "privacy.md", text, SENTRY).sdks
    assert [(r.name, r.id, r.company, r.link, r.extractor) for r in rows] == [
        ("Sentry", "sentry", "", "", "list"),
        ("Acme Insights", None, "Acme Corporation", "https://acme.example.com/privacy", "list")]


def test_bold_lines_and_underlined_titles_are_headings_of_services(tmp_path):
    text = ("Privacy Policy\n==============\n\nInformation Collection and Use\n------------------------------\n\n"
            "The app uses the following third party services.\n\n**Sentry**\n\nCrash reports go to Sentry.\n\n"
            "**Log Data**\n\nWe may collect your IP address.\n\n**Acme Analytics SDK**\n\nIt counts sessions.\n")
    assert [(r.name, r.id) for r in read_text(tmp_path, "privacy.md", text, SENTRY).sdks] == [("Sentry", "sentry")]


def test_service_like_headings_outside_a_third_party_section_are_no_rows(tmp_path):
    text = ("# Release notes\n\n## Changes\n\n### Acme Insights\n\nAcme Insights is a product of Acme "
            "Corporation.\n\n### Bug fixes\n\nFixed a crash.\n")
    assert read_text(tmp_path, "notes.md", text, memory_catalog()).sdks == ()


def test_headings_of_libraries_each_over_its_own_address_or_its_company(tmp_path):
    # under a section about SDKs, a heading is a library's when the first lines under it give an address that
    # spells its name (its repository) or a company (maybe with its city after it); the run still ends at the
    # first heading with neither
    text = ("## 第三方SDK使用说明\n\n### Pixel Sorter\n\nhttps://github.com/someone/pixelsorter\n\n图片排序工具。\n\n"
            "### 地址解析库\n\n工具类\n\n北京某某地图信息有限公司 北京市\n\n### Glimmer2\n\n"
            "https://example.org/glimmer/docs\n\n动画效果。\n\n### 用户权利\n\n您可以随时联系我们。\n")
    rows = read_text(tmp_path, "README.md", text, memory_catalog()).sdks
    assert [(r.name, r.company) for r in rows] == [
        ("Pixel Sorter", ""), ("地址解析库", "北京某某地图信息有限公司"), ("Glimmer2", "")]


def test_a_heading_naming_a_service_with_its_use_in_brackets(tmp_path):
    # "Sentry (Crash Reports)": the name before the bracketed use is what is checked against the catalog and
    # spelled by the address; the row keeps the heading as written
    text = ("## Third-Party Services\n\n### Sentry (Crash Reports)\n\nReceives crash traces.\n\n"
            "### Quillbase (Sync & Backup)\n\nStores your notes.\n\n[Privacy](https://quillbase.example/privacy)\n\n"
            "## Contact\n\nWrite to us.\n")
    rows = read_text(tmp_path, "privacy.md", text, SENTRY).sdks
    assert [(r.name, r.id) for r in rows] == [("Sentry (Crash Reports)", "sentry"), ("Quillbase (Sync & Backup)", None)]


def test_a_record_heading_numbered_in_chinese_numerals_names_the_sdk_without_its_number(tmp_path):
    from tests.policy.helpers import entry, memory_catalog, read_text
    catalog = memory_catalog(entry("example-push", "Example Push", "某某推送"))
    text = ("六、某某推送\n使用目的：消息推送\n收集个人信息：设备标识符（OAID）\n"
            "七、某某地图SDK\n使用目的：展示地图\n收集个人信息：位置信息\n")
    d = read_text(tmp_path, "p.txt", text, catalog)
    assert [(s.name, s.id) for s in d.sdks] == [("某某推送", "example-push"), ("某某地图SDK", None)]


def test_an_sdk_named_by_its_heading_over_a_label_giving_its_kind(tmp_path):
    # "SDK类型：工具" under "（1）某某人脸SDK": the kind of SDK the heading names, never a record named "工具"
    from tests.policy.helpers import memory_catalog, read_text
    text = ("（1）某某人脸SDK\nSDK类型：工具\nSDK使用业务场景：更换银行卡\n公司名称：某某计算机系统有限公司\n"
            "（2）某某推送SDK\nSDK类型：推送通知\n使用目的：消息推送\n公司名称：某某信息技术有限公司\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    assert [(s.name, s.company) for s in d.sdks] == [
        ("某某人脸SDK", "某某计算机系统有限公司"), ("某某推送SDK", "某某信息技术有限公司")]
