"""Records written one after another at the top level of a text (an SDK list cut out of its array)."""

from __future__ import annotations

from pathlib import Path

from auditor.policy.literals import record_runs
from tests.policy.helpers import read_text, small_catalog


def test_objects_at_the_top_level_are_a_run_when_two_or_more() -> None:
    runs = record_runs(["  },", "  { name: '极光推送', corp: '甲公司' },", "  { name: '小米推送', corp: '乙公司' },", "  {"])
    assert [[r.fields for r in run.records] for run in runs] == [
        [(("name", "极光推送"), ("corp", "甲公司")), (("name", "小米推送"), ("corp", "乙公司"))]]
    # one object alone (a module's default export, a config) is no list
    assert record_runs(["export default { name: 'page', data: 'x' }"]) == []


EXCERPT = """    },
    {
      tit: '极光推送 SDK',
      list: [
        { name: '第三方机构名称', value: '深圳市和讯华谷信息技术有限公司' },
        { name: '第三方SDK使用信息', value: '设备标识符（OAID）' },
        { name: 'SDK隐私政策', value: 'https://example.com/jpush/privacy' },
      ],
    },
    {
      tit: 'Acme推送SDK',
      list: [
        { name: '第三方机构名称', value: '某某科技有限公司' },
        { name: '第三方SDK使用信息', value: '设备型号' },
        { name: 'SDK隐私政策', value: 'https://example.com/acme/privacy' },
      ],
    },
    {
"""


def test_label_value_records_of_an_excerpt_are_rows_with_their_facts(tmp_path: Path) -> None:
    rows = read_text(tmp_path, "sdk.ts", EXCERPT, small_catalog()).sdks
    assert [(r.name, r.id, r.company, r.data_types, r.link) for r in rows] == [
        ("极光推送 SDK", "jpush", "深圳市和讯华谷信息技术有限公司", ("oaid",), "https://example.com/jpush/privacy"),
        ("Acme推送SDK", None, "某某科技有限公司", ("device-model",), "https://example.com/acme/privacy")]
