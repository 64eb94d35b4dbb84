"""One product, one catalog entry, whatever source gave each of its signatures: the Unity engine's Java player
(``com.unity3d.player.UnityPlayerActivity``, the activity every Unity Android export declares) and its native
libraries (``libunity.so``, ``libil2cpp.so``) are one engine, so a build holding both and a policy naming "Unity3D"
meet on one id (two entries made a policy's "Unity 3D" resolve to the one the build did not report)."""

from __future__ import annotations

from auditor.catalog import load_catalog
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.resolve import Evidence, build_resolver


def test_the_unity_engines_player_classes_and_native_libraries_are_one_entry() -> None:
    catalog = load_catalog()
    holders = {e.id for e in catalog.entries
               if "com.unity3d.player" in e.signatures.classes or "libunity.so" in e.signatures.native_libs}
    assert holders == {"unity"}
    resolver = build_resolver(catalog, load_lexicon())
    assert {resolver.resolve(Evidence(name=n)).id for n in ("Unity3D", "Unity 3D", "Unity")} == {"unity"}
