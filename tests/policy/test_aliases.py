"""Catalog aliases: plain names, or ``{name, source, ref}`` mappings carrying where they were seen; none of
them exists only to make one document pass (seed 002's misspellings are gone)."""

from __future__ import annotations

from auditor.catalog import load_catalog
from auditor.catalog.model import AliasSource
from auditor.catalog.parse import parse_aliases


def test_plain_and_mapping_aliases_are_read():
    errs: list[str] = []
    names, sources = parse_aliases(["JPush SDK", {"name": "Jpush", "source": "policy", "ref": "a policy, row 3"}], errs)
    assert not errs
    assert names == ("JPush SDK", "Jpush")
    assert sources == (AliasSource("Jpush", "policy", "a policy, row 3"),)


def test_bad_alias_records_are_reported():
    errs: list[str] = []
    parse_aliases([{"name": "X"}, {"name": "Y", "source": "a hunch", "ref": "r"}, 3], errs)
    assert len(errs) == 3 and "a hunch" in errs[1]


def test_no_misspelt_or_invented_aliases_from_one_document():
    catalog = load_catalog()
    names = {a for e in catalog.entries for a in e.aliases}
    assert not names & {"URORAPush", "TencentShortViedo", "GooglePlayAnalytics", "huawei.hms"}
    for entry in catalog.entries:
        for source in entry.alias_sources:
            assert source.name in entry.aliases and source.ref
