"""One product, one catalog entry, whatever source gave each of its signatures: the Unity engine's Java player
(``com.unity3d.player.UnityPlayerActivity``, the activity every Unity Android export declares) and its native
libraries (``libunity.so``, ``libil2cpp.so``) are one engine, so a build holding both and a policy naming "Unity3D"
meet on one id (two entries made a policy's "Unity 3D" resolve to the one the build did not report)."""

from __future__ import annotations

from dataclasses import replace

from auditor.catalog import load_catalog
from auditor.catalog.validate import claim_clashes
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.resolve import Evidence, build_resolver
from tests.policy.helpers import entry


def test_the_unity_engines_player_classes_and_native_libraries_are_one_entry() -> None:
    catalog = load_catalog()
    holders = {e.id for e in catalog.entries
               if "com.unity3d.player" in e.signatures.classes or "libunity.so" in e.signatures.native_libs}
    assert holders == {"unity"}
    resolver = build_resolver(catalog, load_lexicon())
    assert {resolver.resolve(Evidence(name=n)).id for n in ("Unity3D", "Unity 3D", "Unity")} == {"unity"}


def test_a_products_native_library_and_its_classes_are_one_entry() -> None:
    """The native libraries a rule list names after a product ("闪验 SDK": libShanYCore.so; "腾讯云直播 SDK":
    libsaturn.so) belong to the product whose classes another source gave: one entry holds both, so a policy
    naming the product covers a build that shows either."""
    catalog = load_catalog()
    by_lib = {lib: e.id for e in catalog.entries for lib in e.signatures.native_libs}
    by_class = {c: e.id for e in catalog.entries for c in e.signatures.classes}
    assert by_lib["libShanYCore.so"] == by_class["com.chuanglan.shanyan_sdk"]
    assert by_lib["libhpplayae.so"] == by_class["com.hpplay.sdk"]
    assert by_lib["libsaturn.so"] == by_class["com.tencent.rtmp"]
    assert by_lib["libtxplayer.so"] == by_class["com.tencent.ugc"]
    assert by_lib["libqimei.so"] == by_class["com.tencent.qimei"]
    assert by_class["com.google.android.maps"] == by_class["com.google.android.gms.maps"]
    resolver = build_resolver(catalog, load_lexicon())
    assert resolver.resolve(Evidence(name="闪验SDK")).id == by_class["com.chuanglan.shanyan_sdk"]


def test_two_entries_may_not_share_a_name_but_for_a_trailing_sdk() -> None:
    """The catalog check that would have caught those duplicates: a name, Chinese name or alias of one entry
    that another's is, folded and without a trailing "SDK", is a clash."""
    live = entry("jia-live", "甲乙云直播", "Jia Live")
    again = entry("jia-live-native", "甲乙云直播 SDK")
    other = entry("jia-live-player", "甲乙云直播播放器 SDK")
    assert any("甲乙云直播" in p for p in claim_clashes([live, again]))
    assert claim_clashes([live, other]) == []
    chinese = replace(entry("jia-cloud", "Jia Cloud"), name_zh="甲乙云直播")
    assert claim_clashes([live, chinese])
