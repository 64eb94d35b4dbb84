"""A long policy repeats its tables: the reader reads a repeated region once and moves what it read to where
the repeat stands (:meth:`auditor.policy.claims.Structure.shifted`). Each repeat must still report its own
lines. Expected line numbers are counted by hand from the text below."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import read_policy
from auditor.policy.claims import ExtractorKind, RowFacts, SceneClaim, SdkClaim, Structure
from auditor.policy.coordinator import settle
from tests.policy.helpers import entry


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(entries=(entry("mixpanel", "Mixpanel"), entry("jpush", "JPush", "极光推送")),
                   version="unit", sha256="0" * 64, source="memory")


PIPE = "| SDK名称 | 公司 | 使用目的 |\n|---|---|---|\n| 极光推送 | 深圳市和讯华谷信息技术有限公司 | 消息推送 |\n"
FLAT = "SDK名称\n第三方公司\n使用目的\nMixpanel\nMixpanel, Inc.\n统计分析\n"


def fillers(n: int) -> str:
    return "".join(f"第{k}段说明文字。\n" for k in range(n))


def test_a_repeated_pipe_table_reports_the_lines_of_each_repeat(tmp_path, catalog):
    # lines: 1 heading, 2-4 table, 5-7 fillers, 8-10 table, 11-17 fillers, 18-20 table (a plain line right
    # under a pipe table continues its last cell, so three fillers end a region)
    text = "第三方SDK\n" + PIPE + fillers(3) + PIPE + fillers(7) + PIPE
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    rows = [(s.id, s.evidence.line_start, s.evidence.line_end, s.extractor) for s in read_policy(path, catalog).sdks]
    assert rows == [("jpush", 4, 4, "pipe-table"), ("jpush", 10, 10, "pipe-table"), ("jpush", 20, 20, "pipe-table")]


def test_a_repeated_flattened_table_reports_the_lines_of_each_repeat(tmp_path, catalog):
    # lines: 1-6 table (row 4-6), 7-8 fillers, 9-14 table (row 12-14), 15 filler, 16-21 table (row 19-21)
    text = FLAT + "说明一。\n说明二。\n" + FLAT + "说明三。\n" + FLAT
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    rows = [(s.id, s.evidence.line_start, s.evidence.line_end, s.extractor) for s in read_policy(path, catalog).sdks]
    assert rows == [("mixpanel", 4, 6, "flat-table"), ("mixpanel", 12, 14, "flat-table"),
                    ("mixpanel", 19, 21, "flat-table")]


def test_shifted_moves_the_structure_and_every_claim():
    s = Structure(ExtractorKind.PIPE_TABLE, 3, 6, 0.8, sdks=(SdkClaim(RowFacts("X"), 4, 5),),
                  scenes=(SceneClaim("拍照", "", "相机权限", 6, 6),))
    moved = s.shifted(10)
    assert (moved.first, moved.last) == (13, 16)
    assert [(c.first, c.last) for c in moved.sdks] == [(14, 15)]
    assert [(c.first, c.last) for c in moved.scenes] == [(16, 16)]
    assert moved.sdks[0].facts == RowFacts("X") and moved.scenes[0].scene == "拍照"


def test_settle_keeps_the_first_ranked_of_overlapping_structures():
    high = Structure(ExtractorKind.PIPE_TABLE, 2, 4, 0.9)
    low = Structure(ExtractorKind.LIST, 4, 8, 0.5)  # shares line 4 with the table: dropped
    apart = Structure(ExtractorKind.LIST, 5, 9, 0.5)  # after the table: kept
    tie = Structure(ExtractorKind.PROSE, 0, 1, 0.5)
    assert settle([low, apart, high, tie], list(ExtractorKind)) == [tie, high, apart]
