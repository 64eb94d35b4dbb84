"""Resolution of a row by its company, link and kind when its name is generic (in-memory catalog, expected ids
by hand): another vendor's product of the same kind does not compete with the row's own vendor's one, and a
vendor's shared site of legal pages points to no one product."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.resolve import Evidence, Resolver, build_resolver
from tests.policy.helpers import entry, memory_catalog

ACME = "Acme Cloud Co., Ltd."


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    catalog: Catalog = memory_catalog(
        entry("acme-speech", "Acme Speech Engine", vendor=ACME, category="speech"),
        entry("acme-applog", "Acme AppLog", vendor=ACME, category="analytics",
              privacy="https://developer.acme-cloud.com/applog/privacy"),
        entry("acme-apm", "Acme Insight", vendor=ACME, category="apm", privacy="https://developer.acme-cloud.com/insight/privacy"),
        entry("acme-crash", "Acme Crash Reporter", vendor=ACME, category="crash",
              privacy="https://privacy.acme-cloud.com/doc/crash-reporter"),
        entry("voxa-asr", "Streaming Speech Recognizer", vendor="Voxa Voice Inc.", category="speech"),
    )
    return build_resolver(catalog, load_lexicon())


def test_the_vendors_one_product_of_the_kind_named_beats_another_vendors_namesake(resolver: Resolver) -> None:
    """The row's company makes Acme's speech engine the answer, though Voxa's name is nearer the row's."""
    ev = Evidence(name="Streaming speech engine SDK", company=ACME, words="Streaming speech engine SDK")
    assert resolver.resolve(ev).id == "acme-speech"


def test_without_the_company_the_two_namesakes_stay_candidates(resolver: Resolver) -> None:
    ev = Evidence(name="Streaming speech engine SDK", words="Streaming speech engine SDK")
    res = resolver.resolve(ev)
    assert res.id is None and {"acme-speech", "voxa-asr"} <= set(res.candidates)


def test_a_page_on_the_vendors_shared_privacy_site_points_to_no_one_product(resolver: Resolver) -> None:
    """privacy.<vendor> holds the policy of every product of the vendor: the crash reporter's policy being there
    says nothing of a face verification row whose policy is there too."""
    ev = Evidence(name="Face verification SDK", links=("https://privacy.acme-cloud.com/doc/face-check",),
                  words="Face verification SDK")
    res = resolver.resolve(ev)
    assert res.id is None and "acme-crash" not in res.candidates


def test_a_name_resembling_no_entry_keeps_the_vendors_other_kinds_as_rivals(resolver: Resolver) -> None:
    """A "performance booster" row of Acme's: 'performance' is the kind of Acme's monitoring entry, but the
    name resembles no entry (the catalog may lack the booster), so Acme's other entries stay rivals."""
    ev = Evidence(name="Performance booster", company=ACME, links=("https://developer.acme-cloud.com/booster/data",),
                  words="Performance booster")
    assert resolver.resolve(ev).id is None


def test_a_word_of_a_name_is_an_entry_only_when_it_is_that_entrys_name_whole() -> None:
    """"openSDK" in "Vidshort openSDK" is not "Tencent Open SDK" with the vendor and "SDK" dropped: it says no
    entry, so the row stays unresolved (the whole word "Sentry" in "Sentry crash SDK" still names Sentry)."""
    catalog = memory_catalog(entry("qq-connect", "QQ Connect", "Tencent Open SDK", vendor="Tencent"),
                             entry("sentry", "Sentry"))
    resolver = build_resolver(catalog, load_lexicon())
    assert resolver.resolve(Evidence(name="Vidshort openSDK（安卓版）")).id is None
    assert resolver.resolve(Evidence(name="Sentry 崩溃监控组件")).id == "sentry"


@pytest.fixture(scope="module")
def docs_resolver() -> Resolver:
    from dataclasses import replace
    maps = replace(entry("acme-maps", "Acme Maps Engine", "Maps SDK for Android", vendor=ACME, category="map-location"),
                   website="https://developers.acme-cloud.com/maps/docs/android")
    places = replace(entry("acme-places", "Acme Places", vendor=ACME, category="map-location"),
                     website="https://developers.acme-cloud.com/places")
    return build_resolver(memory_catalog(maps, places), load_lexicon())


def test_a_page_under_a_products_documentation_root_points_to_that_product(docs_resolver: Resolver) -> None:
    ev = Evidence(name="Mapping library", links=("https://developers.acme-cloud.com/maps/docs/android/start#setup",),
                  words="Mapping library")
    assert docs_resolver.resolve(ev).id == "acme-maps"


def test_a_generic_looking_name_that_is_one_entrys_own_name_resolves_with_the_link_of_its_vendor(
        docs_resolver: Resolver) -> None:
    """"Maps SDK for Android" reads as a kind of SDK; it is also one entry's own alias, and the row's link is on
    that entry's vendor's site, where another product of the same kind lives too."""
    ev = Evidence(name="Maps SDK for Android", links=("https://developers.acme-cloud.com/",), words="Maps SDK for Android")
    assert docs_resolver.resolve(ev).id == "acme-maps"
    # guard: without a link, the generic-looking name alone does not decide
    assert docs_resolver.resolve(Evidence(name="Maps SDK for Android", words="Maps SDK for Android")).id is None


def test_a_page_on_a_products_own_domain_points_to_it_but_a_shared_domain_does_not() -> None:
    from dataclasses import replace
    solo = replace(entry("quill", "Quill Insights", vendor="Quill Data Co., Ltd.", category="analytics"),
                   website="https://www.quilldata.cn/")
    one = replace(entry("big-push", "Big Push", vendor=ACME, category="push"), website="https://push.bigco.com/")
    two = replace(entry("big-maps", "Big Maps", vendor=ACME, category="map-location"), website="https://maps.bigco.com/")
    resolver = build_resolver(memory_catalog(solo, one, two), load_lexicon())
    assert resolver.host_ids("docs.quilldata.cn") == ("quill",)  # the registrable domain is one product's alone
    assert resolver.host_ids("privacy.bigco.com") == ()  # shared by two products: it says which of them? no
