"""tools/catalog/add_fact.py writes a fact and its source together, keeping the file's layout."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools" / "catalog"))
from add_fact import set_fact  # noqa: E402

ENTRY = """id: demo
name: "Demo"
category: push
signatures:
  classes: ["com.demo"]
data_collected: ["imei"]
provenance:
  - {source: manual, ref: "x"}
"""
SOURCE = {"source": "policy", "ref": "a.txt: row Demo", "fields": ["data_collected"]}


def test_a_list_fact_is_merged_and_its_source_appended():
    out = yaml.safe_load(set_fact(ENTRY, "data_collected", ["android-id", "imei"], SOURCE))
    assert out["data_collected"] == ["android-id", "imei"]
    assert out["provenance"][-1] == SOURCE


def test_a_new_key_goes_where_the_field_order_puts_it():
    text = set_fact(ENTRY, "privacy_policy_url", "https://demo.example/privacy", {**SOURCE, "fields": ["privacy_policy_url"]})
    keys = [line.split(":", 1)[0] for line in text.splitlines() if line and not line.startswith(" ")]
    assert keys == ["id", "name", "category", "privacy_policy_url", "signatures", "data_collected", "provenance"]
    assert yaml.safe_load(text)["privacy_policy_url"] == "https://demo.example/privacy"


def test_a_scalar_fact_replaces_the_old_value():
    text = set_fact(ENTRY, "category", "analytics", {**SOURCE, "fields": ["category"]})
    assert yaml.safe_load(text)["category"] == "analytics"
    assert text.count("category:") == 1
