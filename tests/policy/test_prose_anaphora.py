"""A permission sentence that refers back to the use the sentence before named ("為了提供定位服務，…。該功能需要
用戶授權…位置"), in Traditional or Simplified Chinese and English. In our own words; expected values by hand."""

from __future__ import annotations

import pytest

from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

P = "android.permission."


@pytest.mark.parametrize("text, scene, permission", [
    ("為了提供附近站點查詢，本程式會取得用戶位置。該功能需要用戶授權「精細的(GPS)位置」。\n", "提供附近站點查詢",
     "ACCESS_FINE_LOCATION"),
    ("为了提供扫码签到功能，本应用会使用摄像头。这需要您授权相机权限。\n", "提供扫码签到功能", "CAMERA"),
    ("To let you record voice notes, the app uses the microphone. This requires the microphone permission.\n",
     "let you record voice notes", "RECORD_AUDIO"),
])
def test_the_use_the_sentence_before_named_is_the_scene(tmp_path, text, scene, permission):
    d = _read(tmp_path, "p.txt", text, memory_catalog(entry("x", "X")))
    assert (P + permission, scene) in {(p.permission, p.scene) for p in d.permissions}


def test_a_sentence_that_names_its_own_use_keeps_it(tmp_path):
    # guard: no reference back, the sentence's own purpose is the scene
    text = "为了提供定位服务，本应用会获取位置。我们需要相机权限，用于扫描二维码。\n"
    d = _read(tmp_path, "p.txt", text, memory_catalog(entry("x", "X")))
    assert (P + "CAMERA", "扫描二维码") in {(p.permission, p.scene) for p in d.permissions}
