"""Which column of a permission table is the scene: not one that only restates the permission, not a cell
that only classes the function ("核心业务功能"), and labels headed by their last word after 的; in our own words,
expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.lexicon_data import load_lexicon
from tests.policy.helpers import memory_catalog
from tests.policy.helpers import read_text as _read

A = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog()


RESTATED = """\
| 权限 | 描述 | 备注 |
| - | - | - |
| android.permission.CAMERA | 相机 | 扫描快递单号 |
| android.permission.RECORD_AUDIO | 录制音频 | 语音留言 |
| android.permission.ACCESS_FINE_LOCATION | 访问精确位置 | 查找附近的门店 |
"""


def test_a_column_restating_the_permission_is_not_the_scene(tmp_path, catalog):
    d = _read(tmp_path, "perm.md", RESTATED, catalog)
    assert [(s.name, tuple(p.removeprefix(A) for p in s.permissions)) for s in d.scenes] == [
        ("扫描快递单号", ("CAMERA",)), ("语音留言", ("RECORD_AUDIO",)), ("查找附近的门店", ("ACCESS_FINE_LOCATION",)),
    ]


CLASSED = """\
设备权限 | 对应业务功能 | 调用权限的目的 |
---|---|---|
相机 | 基本业务功能 | 扫描会员码 |
麦克风 | 扩展业务功能 | 语音搜索 |
日历 | 签到提醒 | 写入签到日程 |
"""


def test_a_cell_that_only_classes_the_function_gives_way_to_the_purpose(tmp_path, catalog):
    d = _read(tmp_path, "perm.txt", CLASSED, catalog)
    names = {s.name: {p.removeprefix(A) for p in s.permissions} for s in d.scenes}
    assert names["扫描会员码"] == {"CAMERA"}
    assert names["语音搜索"] == {"RECORD_AUDIO"}
    assert "签到提醒" in names
    assert not any(load_lexicon().scene_class(n) for n in names)


@pytest.mark.parametrize("label, role", [
    ("调用权限的目的", "purpose"), ("收集个人信息的目的", "purpose"), ("申请权限的场景", "scene"),
    ("权限名称", "permissions"), ("收集的个人信息", "data"),
])
def test_a_label_is_headed_by_its_word_after_de(label, role):
    assert load_lexicon().role(label) == role
