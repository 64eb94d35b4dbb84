"""Every policy we wrote in ``samples/policies`` against its ``<name>.expected.json``.

Regenerate the goldens with ``AUDITOR_REGEN=1 python -m pytest tests/policy/test_samples.py`` and review
the diff. The catalog is the fixed test catalog in ``tests/policy/catalog`` so that catalog growth does
not move these goldens.
"""

from __future__ import annotations

import json
import os

import pytest

from auditor.catalog import load_catalog
from auditor.policy import read_policy
from tests.policy.helpers import SAMPLES, TEST_CATALOG

SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.endswith(".expected.json")
                      and not p.name.startswith("."))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(TEST_CATALOG)


def _actual(path, catalog):
    data = read_policy(path, catalog).to_json()
    data["source"] = path.name
    return data


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_matches_golden(path, catalog):
    golden = path.with_name(path.name + ".expected.json")
    actual = _actual(path, catalog)
    if os.environ.get("AUDITOR_REGEN"):
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.is_file(), f"no golden {golden.name}: run with AUDITOR_REGEN=1"
    assert actual == json.loads(golden.read_text(encoding="utf-8"))


def test_every_shape_is_covered():
    names = {p.name for p in SAMPLE_FILES}
    assert {"html_table_en.html", "html_table_zh.html", "flat_cells_en.txt", "pipe_table_zh.txt",
            "pipe_cells_zh.txt", "kv_block_zh.txt", "kv_block_en.txt", "numbered_list_zh.txt",
            "prose_only_en.txt", "gb18030_zh.txt", "utf16_en.txt", "markdown_en.md", "pdf_en.pdf"} <= names


@pytest.mark.parametrize("name, shape", [
    ("html_table_en.html", "table"), ("html_table_zh.html", "table"), ("flat_cells_en.txt", "table"),
    ("pipe_table_zh.txt", "table"), ("pipe_cells_zh.txt", "table"), ("kv_block_zh.txt", "key-value"),
    ("kv_block_en.txt", "key-value"), ("numbered_list_zh.txt", "list"), ("prose_only_en.txt", "prose"),
    ("gb18030_zh.txt", "table"), ("utf16_en.txt", "table"), ("markdown_en.md", "table"),
    ("pdf_en.pdf", "key-value"),
])
def test_shape_read_as_intended(name, shape, catalog):
    """Independent of the goldens: each sample's SDKs come out whole, of its shape, mostly resolved."""
    disclosure = read_policy(SAMPLES / name, catalog)
    sdks = [s for s in disclosure.sdks if s.kind == shape]
    assert len(sdks) >= 2
    assert sum(1 for s in sdks if s.id) >= len(sdks) - 1
    if shape in ("table", "key-value"):
        assert all(s.company for s in sdks)
        assert sum(1 for s in sdks if s.data_types) >= len(sdks) - 1


def test_unknown_sdk_keeps_name_and_candidates(catalog):
    disclosure = read_policy(SAMPLES / "numbered_list_zh.txt", catalog)
    oppo = next(s for s in disclosure.sdks if s.name == "OPPO推送SDK")
    assert oppo.id is None and oppo.candidates
