"""Every policy we wrote in ``samples/policies`` against ``<name>.expected.json``, written by hand from
reading the sample (evidence, not a golden file: the reader never writes them).

Checked: the SDK rows in order (name, catalog id, company, link exactly; data types and permissions: every
required item reported, nothing reported beyond required and ``*_also_ok``), each expected scene (a reported
scene whose name or description contains its words, with the expected permissions), and, where given, the
permissions disclosed anywhere. The catalog is the fixed test catalog in ``tests/policy/catalog``.
"""

from __future__ import annotations

import json

import pytest

from auditor.catalog import load_catalog
from auditor.policy import read_policy
from tests.policy.helpers import SAMPLES, TEST_CATALOG

SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.endswith(".expected.json")
                      and not p.name.startswith("."))
P = "android.permission."


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(TEST_CATALOG)


def _alts(item: str) -> set[str]:
    return set(item.split("|"))


def _check_items(what: str, reported: set[str], expected: dict, key: str) -> list[str]:
    problems = []
    for item in expected.get(key, []):
        if not _alts(item) & reported:
            problems.append(f"{what}: {key} misses {item}")
    allowed = {a for item in expected.get(key, []) + expected.get(key + "_also_ok", []) for a in _alts(item)}
    for extra in sorted(reported - allowed):
        problems.append(f"{what}: {key} has {extra} beyond the expected")
    return problems


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_reads_as_written_by_hand(path, catalog):
    expected = json.loads(path.with_name(path.name + ".expected.json").read_text(encoding="utf-8"))
    disclosure = read_policy(path, catalog)
    rows = disclosure.sdks
    assert [r.name for r in rows] == [e["name"] for e in expected["sdks"]]
    problems: list[str] = []
    for row, exp in zip(rows, expected["sdks"]):
        for field in ("id", "company", "link"):
            if getattr(row, field) != exp[field]:
                problems.append(f"{row.name}: {field} {getattr(row, field)!r}, expected {exp[field]!r}")
        problems += _check_items(row.name, set(row.data_types), exp, "data_types")
        problems += _check_items(row.name, {p.removeprefix(P) for p in row.permissions}, exp, "permissions")
    for exp in expected["scenes"]:
        scene = next((s for s in disclosure.scenes if exp["words"] in f"{s.name} {s.description}"), None)
        if scene is None:
            problems.append(f"no scene with {exp['words']!r}: {[s.name for s in disclosure.scenes]}")
            continue
        problems += _check_items(scene.name, {p.removeprefix(P) for p in scene.permissions}, exp, "permissions")
    if "permissions" in expected:
        problems += _check_items("document", {p.removeprefix(P) for p in disclosure.permission_names}, expected,
                                 "permissions")
    assert not problems, "\n".join(problems)


def test_every_shape_is_covered():
    names = {p.name for p in SAMPLE_FILES}
    assert {"html_table_en.html", "html_table_zh.html", "flat_cells_en.txt", "pipe_table_zh.txt",
            "pipe_cells_zh.txt", "kv_block_zh.txt", "kv_block_en.txt", "numbered_list_zh.txt",
            "prose_only_en.txt", "gb18030_zh.txt", "utf16_en.txt", "markdown_en.md", "pdf_en.pdf"} <= names


@pytest.mark.parametrize("name, extractor", [
    ("html_table_en.html", "html-table"), ("html_table_zh.html", "html-table"), ("flat_cells_en.txt", "flat-table"),
    ("pipe_table_zh.txt", "pipe-table"), ("pipe_cells_zh.txt", "pipe-table"), ("kv_block_zh.txt", "key-value"),
    ("kv_block_en.txt", "key-value"), ("numbered_list_zh.txt", "list"), ("prose_only_en.txt", "prose"),
    ("gb18030_zh.txt", "flat-table"), ("utf16_en.txt", "pipe-table"), ("markdown_en.md", "pipe-table"),
    ("pdf_en.pdf", "key-value"),
])
def test_rows_come_from_the_extractor_of_the_shape(name, extractor, catalog):
    disclosure = read_policy(SAMPLES / name, catalog)
    assert {s.extractor for s in disclosure.sdks} == {extractor}


def test_unknown_sdk_keeps_name_and_candidates(catalog):
    disclosure = read_policy(SAMPLES / "numbered_list_zh.txt", catalog)
    oppo = next(s for s in disclosure.sdks if s.name == "OPPO推送SDK")
    assert oppo.id is None and oppo.candidates
