"""Shapes read right in round 42: a permission table copied as text with its titles one a line and each row one
line of blank-separated cells; a two-column permission table ("Permission Purpose") whose permission cells are
several words; a permission item whose text opens with the moment the user acts (not running the app, not
granting the permission); a yes-or-no cell never named as a scene; names the catalog does not know, enumerated
in an English sentence beside names it knows; on a page crawled as one line, a sentence that names no SDK is of the
SDK named before it, not of every SDK the page names. In our own words, expected values written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import made_up_catalog
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import scene_permissions as _pairs


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "zeta-ads", "crashfox", "sigma-push", "tau-maps")


STACKED_TITLES = """（5）各项业务功能对系统权限的调用

设备权限
业务功能
权限授权方式
可否关闭

获取精确位置 为您推荐附近的门店 首次使用相应功能时弹窗询问 是
读取手机状态和身份 识别设备以保障账号安全 首次使用相应功能时弹窗询问 是
摄像头 扫描商品条码 首次使用相应功能时弹窗询问 是
读取手机识别码 防止恶意注册 首次使用相应功能时弹窗询问 是

您可以在系统设置中关闭上述权限。
"""


def test_titles_one_a_line_over_rows_of_blank_separated_cells(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "stacked.txt", STACKED_TITLES, catalog)
    assert _pairs(d) == {
        "为您推荐附近的门店": {"ACCESS_FINE_LOCATION"},
        "识别设备以保障账号安全": {"READ_PHONE_STATE"},
        "扫描商品条码": {"CAMERA"},
        "防止恶意注册": {"READ_PHONE_STATE"},
    }


CELLS_A_LINE = """设备权限

业务功能

可否关闭

摄像头

扫描商品条码

是

麦克风

发送语音留言

是
"""


def test_a_table_copied_a_cell_a_line_is_no_blank_separated_table(tmp_path: Path, catalog: Catalog) -> None:
    # (each row's cells stand on lines of their own: the flattened table reads it, one scene a row)
    d = _read(tmp_path, "cells.txt", CELLS_A_LINE, catalog)
    assert _pairs(d) == {"扫描商品条码": {"CAMERA"}, "发送语音留言": {"RECORD_AUDIO"}}


TWO_TITLES = """Before you use the app for the first time, it asks for these permissions:
Permission Purpose
Camera access Scan the barcode of a parcel
Phone status Pause playback when a call comes in
Location Show pickup points near you
Please note that you can revoke these permissions in the settings of your phone.
"""


def test_two_titles_over_rows_whose_permission_is_several_words(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "two.txt", TWO_TITLES, catalog)
    pairs = _pairs(d)
    assert pairs["Scan the barcode of a parcel"] == {"CAMERA"}
    assert pairs["Pause playback when a call comes in"] == {"READ_PHONE_STATE"}
    assert pairs["Show pickup points near you"] == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}
    assert len(pairs) == 3

