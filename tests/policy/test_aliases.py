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


def test_a_service_of_an_engine_named_in_policies_resolves_to_the_engine():
    # "Unity Analytics" ships inside the Unity engine: games list it among their services
    from auditor.policy.lexicon_data import load_lexicon
    from auditor.policy.names import build_index
    index = build_index(load_catalog(), load_lexicon())
    assert index.resolve_exact("Unity Analytics") == "unity"
    unity = next(e for e in load_catalog().entries if e.id == "unity")
    assert [s.source for s in unity.alias_sources] == ["policy"]


def test_products_resolve_by_the_names_app_policies_list_them_under():
    # MobTech's own name for its SMS verification SDK is "SMSSDK"; Alibaba's open-source router is "ARouter"
    # (https://github.com/alibaba/ARouter), its classes under com.alibaba.android.arouter
    from auditor.policy.lexicon_data import load_lexicon
    from auditor.policy.names import build_index
    index = build_index(load_catalog(), load_lexicon())
    assert index.resolve_exact("SMSSDK") == "mob-sms-sdk"
    assert index.resolve_exact("MobTech SMSSDK") == "mob-sms-sdk"
    assert index.resolve_exact("阿里ARouter") == "alibaba-arouter"
    router = next(e for e in load_catalog().entries if e.id == "alibaba-arouter")
    assert router.signatures.classes == ("com.alibaba.android.arouter",)
