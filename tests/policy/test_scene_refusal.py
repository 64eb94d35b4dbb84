"""A scene that goes on to say what refusing its permission costs: the scene ends before those words. In our own
words; expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.policy.facts import without_refusal
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.mark.parametrize("scene, expected", [
    ("为您推荐附近的门店。若您拒绝提供位置信息，可手动选择城市，不影响其他功能。", "为您推荐附近的门店"),
    ("拍摄并上传头像，如您拒绝授权，将无法更换头像", "拍摄并上传头像"),
    ("Scan a receipt; if you deny the permission, you can type the amount instead.", "Scan a receipt"),
    # guard: a scene about turning something off is a scene, not a refusal after one
    ("关闭夜间模式时读取光线传感器", "关闭夜间模式时读取光线传感器"),
    ("Record a voice note", "Record a voice note"),
])
def test_the_scene_ends_before_what_refusing_costs(scene, expected):
    assert without_refusal(scene) == expected


ITEMS = """\
1. 相机 CAMERA
使用场景与目的：扫描商品条码。若您拒绝授权，可手动输入条码，不影响其他功能的使用。
2. 录音 RECORD_AUDIO
使用场景与目的：语音搜索商品。如果您不同意，将无法使用语音搜索。
"""


def test_a_permission_items_scene_keeps_only_the_use(tmp_path):
    d = _read(tmp_path, "perm.txt", ITEMS, memory_catalog(entry("x", "X")))
    assert sorted(s.name for s in d.scenes) == ["扫描商品条码", "语音搜索商品"]


def test_a_long_use_that_marks_its_features_is_those_features():
    scene = "当您同意开启此项权限后，我们会调用您设备上的麦克风。此项功能将用于【跟读打分】和【儿歌录制】功能，并保存录音。"
    assert without_refusal(scene) == "跟读打分、儿歌录制"
    # guard: a short scene keeps its words, brackets and all
    assert without_refusal("上传【头像】") == "上传【头像】"
