"""A permission table whose cells lost their separators (text taken from a page or a PDF: "序号权限用途说明可否关闭"
over "1相机权限用于扫码是"); in our own words, expected values written by hand."""

from __future__ import annotations

from pathlib import Path

from tests.policy.helpers import read_text, small_catalog

A = "android.permission."

GLUED = """\
权限申请及使用场景
序号权限用途说明可否关闭
1相机权限用于扫描商品条码是
2读取及写入储存器权限保存您拍摄的照片到本地相册是
3访问大致的地理位置信息为您推荐附近的门店。否
二、我们如何使用您的个人信息
"""


def test_rows_of_a_glued_permission_table_are_scenes(tmp_path: Path) -> None:
    d = read_text(tmp_path, "p.txt", GLUED, small_catalog())
    got = {(p.permission.removeprefix(A), p.scene, p.evidence.line_start) for p in d.permissions}
    assert got == {
        ("CAMERA", "用于扫描商品条码", 3),
        ("READ_EXTERNAL_STORAGE", "保存您拍摄的照片到本地相册", 4),
        ("WRITE_EXTERNAL_STORAGE", "保存您拍摄的照片到本地相册", 4),
        ("ACCESS_COARSE_LOCATION", "信息为您推荐附近的门店", 5),
    }
