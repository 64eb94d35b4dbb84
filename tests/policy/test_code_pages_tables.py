"""A page of code (JSX) holding an HTML table and lists besides it; a row's own words saying what it does not
collect. In our own words, expected values written by hand."""

from __future__ import annotations

from tests.policy.helpers import entry, memory_catalog, read_text

PAGE = '''const partners = [
  { name: "Example Ads", url: "https://ads.example.com/privacy" },
];

export default function Partners() {
  return (
    <main>
      <table>
        <thead><tr><th>Partner</th><th>Privacy policy</th></tr></thead>
        <tbody>{partners.map((p) => <tr key={p.name}><td>{p.name}</td><td>{p.url}</td></tr>)}</tbody>
      </table>
      <h2>Analytics</h2>
      <ul>
        <li>
          <strong>Northwind Analytics</strong> (Northwind Inc.) &mdash; collects the advertising ID
        </li>
        <li>
          <strong>Contoso Metrics</strong> (Contoso Ltd.) &mdash; collects session events only
        </li>
      </ul>
    </main>
  );
}
'''


def test_list_items_beside_a_table_in_a_page_of_code_are_read(tmp_path):
    catalog = memory_catalog(entry("northwind-analytics", "Northwind Analytics", category="analytics"))
    d = read_text(tmp_path, "partners.tsx", PAGE, catalog)
    rows = {s.name: s for s in d.sdks}
    assert rows["Northwind Analytics"].id == "northwind-analytics"
    assert rows["Northwind Analytics"].company == "Northwind Inc."
    assert rows["Northwind Analytics"].data_types == ("advertising-id",)
    assert "Contoso Metrics" in rows and "&mdash;" not in rows["Contoso Metrics"].purpose


def test_a_rows_own_words_saying_what_it_does_not_collect(tmp_path):
    text = ("Analytics services we use:\n\n"
            "- Northwind Analytics — collects gameplay events with its own identifier (not the advertising ID)\n"
            "- Contoso Metrics — collects the advertising ID and the IP address\n")
    catalog = memory_catalog(entry("northwind-analytics", "Northwind Analytics", category="analytics"),
                             entry("contoso-metrics", "Contoso Metrics", category="analytics"))
    d = read_text(tmp_path, "p.md", text, catalog)
    assert [(s.name, sorted(s.data_types)) for s in d.sdks] == [
        ("Northwind Analytics", []), ("Contoso Metrics", ["advertising-id", "ip"])]


KOTLIN = '''val text = SpannableStringBuilder()
    .append("使用的SDK\\n" +
            "\\n")
    .append("1.某某统计SDK\\n" +
            "\\n" +
            "提供方名称：某某（北京）科技有限公司\\n" +
            "\\n" +
            "个人信息类型：")
    .append(personalInformation1)
    .append("\\n" +
            "\\n" +
            "个人信息字段：设备标识符（Android ID、OAID）\\n" +
            "\\n")
    .append("2.某某推送SDK\\n" +
            "\\n" +
            "提供方名称：某某推送科技有限公司\\n")
'''


def test_text_written_over_string_pieces_with_blank_breaks_and_calls_of_names(tmp_path):
    # '"\\n" +' pieces write line breaks, ".append(personalInformation1)" a value the code holds elsewhere: no
    # row is named by either, and each record keeps its labelled lines
    d = read_text(tmp_path, "Policy.kt", KOTLIN, memory_catalog())
    assert [(s.name, s.company, sorted(s.data_types)) for s in d.sdks] == [
        ("某某统计SDK", "某某（北京）科技有限公司", ["android-id", "oaid"]),
        ("某某推送SDK", "某某推送科技有限公司", []),
    ]
