"""SDKs a policy says the app does not embed (a section titled so, or the items under a line introducing
them so) are no rows: in our own words, expected values by hand."""

from __future__ import annotations

from tests.policy.helpers import entry, memory_catalog, read_text

CATALOG = memory_catalog(entry("jpush", "JPush", "极光推送"), entry("umeng-analytics", "Umeng Analytics", "友盟统计"),
                         entry("sentry", "Sentry"), entry("firebase-analytics", "Firebase Analytics"))

ZH = """\
## 五、已接入的第三方SDK

| SDK名称 | 使用目的 |
|---|---|
| 极光推送 | 消息推送 |

## 六、暂未接入的第三方服务

以下功能目前尚未接入，接入后本清单会同步更新：

- 行为统计（友盟统计 / Firebase Analytics）
- 崩溃监控（Sentry）

## 七、联系我们

如有疑问请联系我们。
"""


def test_sdks_under_a_heading_saying_they_are_not_integrated_are_no_rows(tmp_path):
    d = read_text(tmp_path, "p.md", ZH, CATALOG)
    assert [(s.name, s.id) for s in d.sdks] == [("极光推送", "jpush")]


EN = """\
Third-party services

We use Sentry to collect crash reports.

The app does not include the following SDKs:

- Firebase Analytics
- Umeng Analytics

Contact us at privacy@example.com.
"""


def test_items_under_a_line_saying_the_app_does_not_include_them_are_no_rows(tmp_path):
    d = read_text(tmp_path, "p.md", EN, CATALOG)
    assert [s.id for s in d.sdks] == ["sentry"]


def test_a_condition_is_no_list_of_absent_sdks(tmp_path):
    text = ("如您未使用分享功能，以下SDK不会收集您的信息：\n\n- 极光推送\n- 友盟统计\n")
    d = read_text(tmp_path, "p.md", text, CATALOG)
    assert sorted(s.id for s in d.sdks if s.id) == ["jpush", "umeng-analytics"]
