"""SDKs named by one plain capitalised word ("Firebase", "Vungle") in running text, in our own words: such a
word is a name beside a distinctive catalog name in one enumeration, or opening a sentence that says it is
used, or written after its vendor's name ("Google Firebase"); alone it is an ordinary word. Expected rows
written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("firebase-common", "Firebase", "Firebase SDK"), entry("facebook-analytics", "Facebook Analytics"),
        entry("admob", "Google AdMob", "AdMob"), entry("vungle", "Vungle"), entry("unity", "Unity"),
    )


def test_a_plain_word_beside_a_distinctive_name_in_an_enumeration_is_a_name(tmp_path, catalog):
    text = ("# Statistics\n\n"
            "Usage events are passed only to these statistics platforms: Firebase, Facebook Analytics and our "
            "own server.\n\n"
            "Ads are served by partners (AdMob, Vungle, Maps).\n\n"
            "Rewarded videos are provided by Google AdMob, Unity. The app shows no other ads.\n")
    d = _read(tmp_path, "policy.md", text, catalog)
    assert sorted(r.id for r in d.sdks) == ["admob", "facebook-analytics", "firebase-common", "unity", "vungle"]
    assert next(r for r in d.sdks if r.id == "vungle").name == "Vungle"


def test_a_plain_word_opening_a_sentence_that_says_it_is_used_is_a_name(tmp_path, catalog):
    text = "## Crash reports\n\n- Firebase is used to send crash reports, which may include your device model.\n"
    d = _read(tmp_path, "policy.md", text, catalog)
    assert [(r.id, r.name) for r in d.sdks] == [("firebase-common", "Firebase")]


def test_plain_words_without_a_distinctive_name_beside_them_are_ordinary_words(tmp_path, catalog):
    # (a guard: it passes before this rule too) catalog names written as ordinary words, no SDK beside them,
    # no verb of using
    text = "Our team values Unity, Clarity and Focus.\n\nVungle, Unity and Firebase are words we like.\n"
    d = _read(tmp_path, "policy.txt", text, catalog)
    assert d.sdks == ()


def test_a_vendor_word_before_a_plain_catalog_name_makes_it_a_name(tmp_path, catalog):
    # "Google" is a vendor word of the lexicon; "Google Firebase" is no alias of the catalog, "Firebase" is
    text = ("## Crashes\n\nIf the app crashes, Google Firebase will also collect some statistics about the crash. "
            "Your files are kept on Google Drive.\n")
    d = _read(tmp_path, "policy.md", text, catalog)
    assert [(r.id, r.name) for r in d.sdks] == [("firebase-common", "Google Firebase")]


def test_a_plain_word_after_a_chinese_verb_of_using_is_a_name(tmp_path, catalog):
    # "集成了Vungle": the Chinese "integrates" as the English "uses"; the Latin name ends where the Chinese
    # words resume; without such a verb the plain word stays an ordinary word
    text = ("四、第三方服务\n"
            "本应用集成了Vungle用于展示激励视频广告，Vungle可能会收集设备型号。\n"
            "我们的Unity版本号会显示在设置页中。\n")
    d = _read(tmp_path, "policy.txt", text, catalog)
    assert [r.id for r in d.sdks] == ["vungle"]


def test_a_plain_word_a_sentence_says_does_the_work_or_receives_the_data_is_a_name(tmp_path, catalog):
    # "provided by Vungle", "uploaded to Firebase", "Unity collects": as after a verb of using
    text = ("## Ads and crashes\n\n"
            "Rewarded videos are provided by Vungle. If the app crashes, a report is uploaded to Firebase. "
            "Unity collects the device model.\n")
    d = _read(tmp_path, "policy.md", text, catalog)
    assert [(r.id, r.name) for r in d.sdks] == [("vungle", "Vungle"), ("firebase-common", "Firebase"),
                                                ("unity", "Unity")]


def test_a_plain_word_after_by_or_to_with_no_such_verb_stays_a_word(tmp_path, catalog):
    # (a guard) "by" and "to" alone, or a verb that says nothing of data or service, name nothing
    text = "We went to Unity park by Vungle street. The quilt was made by Firebase and friends.\n"
    d = _read(tmp_path, "policy.md", text, catalog)
    assert d.sdks == ()
