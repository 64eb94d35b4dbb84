"""Acceptance on the real policies in ``../shared/seeds`` with the bundled catalog (skipped without them)."""

from __future__ import annotations

import pytest

from auditor.catalog import load_catalog
from auditor.policy import read_policy
from tests.policy.helpers import SEEDS

P = "android.permission."


def _seed(prefix: str):
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip(f"seed policy {prefix}_*.txt not found in {SEEDS.resolve()} (shared/ is not checked out here)")
    return matches[0]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def seed002(catalog):
    return read_policy(_seed("002"), catalog)


@pytest.fixture(scope="module")
def seed000(catalog):
    return read_policy(_seed("000"), catalog)


def test_002_sdk_table(seed002):
    rows = [s for s in seed002.sdks if s.kind == "table"]
    assert len(rows) == 27
    assert all(r.company and r.link and r.evidence.line_start for r in rows)
    unresolved = [r.name for r in rows if r.id is None]
    # two rows resolve only through vendor facts that no catalog source supports (their unsourced wave-1
    # values were removed): "youdao" (company and link name Youdao; the catalog states no legal name or
    # site for it) and "GooglePlayAnalytics" (names no real product; only a guessed privacy URL tied it to
    # Google Analytics for Firebase). Every other row must resolve.
    assert set(unresolved) <= {"youdao", "GooglePlayAnalytics"}, f"unresolved: {unresolved}"
    by_name = {r.name: r for r in rows}
    assert by_name["URORAPush"].id == "jpush"
    assert by_name["XiaomiPush"].permissions == (P + "GET_TASKS",)
    liteav = by_name["TencentLiteAV"]
    assert {P + "ACCESS_COARSE_LOCATION", P + "ACCESS_FINE_LOCATION", P + "ACCESS_BACKGROUND_LOCATION", P + "CAMERA",
            P + "READ_PHONE_STATE", P + "RECORD_AUDIO", P + "READ_EXTERNAL_STORAGE"} <= set(liteav.permissions)
    assert {"imei", "imsi", "mac", "android-id"} <= set(by_name["umeng"].data_types)
    # rows with a PI range name something the lexicon maps
    with_range = [r for r in rows if r.collected]
    assert len(with_range) >= 17 and all(r.permissions or r.data_types for r in with_range)


def test_002_scene_table(seed002):
    rows = {}
    table = [s for s in seed002.scenes if s.name in ("Contact supplier", "Image search", "Scan QR code on the homepage",
                                                      "Message push")]
    first, last = table[0].evidence.line_start, table[-1].evidence.line_end
    for p in seed002.permissions:
        if p.scene and first <= p.evidence.line_start <= last:
            rows.setdefault((p.scene, p.description), set()).add(p.permission)
    assert len(rows) == 8
    assert [s.name for s in table] == ["Contact supplier", "Image search", "Scan QR code on the homepage", "Message push"]
    assert sum(1 for scene, _ in rows if scene == "Contact supplier") == 5
    chat = rows[("Contact supplier", "Chat with a supplier")]
    assert {P + "CAMERA", P + "READ_EXTERNAL_STORAGE", P + "READ_MEDIA_IMAGES", P + "RECORD_AUDIO"} <= chat
    push = next(v for (scene, _), v in rows.items() if scene == "Message push")
    assert push == {P + "POST_NOTIFICATIONS", P + "READ_PHONE_STATE"}


def test_000_prose(seed000):
    assert not [s for s in seed000.sdks if s.kind == "table"]
    names = {s.name.casefold() for s in seed000.sdks}
    assert {"facebook", "linkedin", "twitter", "instagram", "google"} <= names
    perms = seed000.permission_names
    assert {P + "CAMERA", P + "RECORD_AUDIO"} <= perms
    assert perms & {P + "ACCESS_FINE_LOCATION", P + "ACCESS_COARSE_LOCATION"}
    assert {"camera", "microphone", "location-fine", "mac", "ip"} <= seed000.data_type_ids


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_other_seeds_read_without_false_tables(prefix, catalog):
    disclosure = read_policy(_seed(prefix), catalog)
    assert not [s for s in disclosure.sdks if s.kind == "table"]
    assert not disclosure.scenes
