"""A header stacked one cell per line over a separator row, labels whose CJK words a page spaced apart, and
permission constants written with blanks; in our own words, expected values written by hand."""

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


STACKED = """\
权限 名称 |
权限 说明 |
使用 场景 或目的 |
是否 可以 拒绝 |
管理 路径 |
---|---|---|---|---|
安卓: android.permission.CAMERA |
相机 | 扫描会员码时拍摄照片 | 是 | 设置-隐私 |
安卓: android.permission.READ PHONE_STATE |
电话权限 | 识别设备以防范盗号 | 是 | 设置-隐私 |
"""


def test_a_header_stacked_over_a_separator_row_gives_the_width(tmp_path, catalog):
    d = _read(tmp_path, "perm.txt", STACKED, catalog)
    assert [(s.name, tuple(p.removeprefix(A) for p in s.permissions)) for s in d.scenes] == [
        ("扫描会员码时拍摄照片", ("CAMERA",)), ("识别设备以防范盗号", ("READ_PHONE_STATE",)),
    ]


@pytest.mark.parametrize("label, role", [("权限 说明", "description"), ("使用 场景", "scene"), ("第三方 名称", "company")])
def test_spaced_cjk_words_of_a_label(label, role):
    assert load_lexicon().role(label) == role


@pytest.mark.parametrize("text, perms", [
    ("android.permission.READ PHONE_STATE", ["READ_PHONE_STATE"]),
    ("android.permission.ACCESS FINE LOCATION", ["ACCESS_FINE_LOCATION"]),
    ("android.permission.READ", []),
    ("android.permission.SOME_VENDOR_THING", ["SOME_VENDOR_THING"]),
])
def test_constants_written_with_blanks(text, perms):
    assert [p.removeprefix(A) for p, _ in load_lexicon().permissions_in(text, weak=True)] == perms


REPEATED_ROLE = "".join(f"{c} |\n" for c in (
    "权限名称", "权限描述", "使用场景", "权限开启方式",
    "相机", "使用摄像头拍照", "扫码、拍摄头像", "用户主动开启",
    "MAC地址", "获取设备MAC地址", "设备识别", "默认",
    "麦克风", "录音", "语音输入", "用户主动开启",
))


def test_a_stacked_header_may_title_two_columns_with_one_role(tmp_path, catalog):
    d = _read(tmp_path, "perm.txt", REPEATED_ROLE, catalog)
    assert [(s.name, tuple(p.removeprefix(A) for p in s.permissions)) for s in d.scenes] == [
        ("扫码、拍摄头像", ("CAMERA",)), ("语音输入", ("RECORD_AUDIO",)),
    ]
