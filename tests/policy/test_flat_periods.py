"""Permission tables flattened one cell per line: a column title the lexicon does not know, and a row of
data (no permission) between permission rows; in our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import memory_catalog
from tests.policy.helpers import read_text as _read

A = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog()


TABLE = """\
设备权限调用清单

本应用在提供服务时会调用以下设备权限，您可以在系统设置中关闭。

设备权限

业务功能

调用目的

适用终端

存储

保存海报;保存头像;升级应用

保存图片;下载安装包

安卓手机、平板

相机

扫码入会;上传头像

开启相机权限后扫描会员码、拍摄头像

安卓手机、平板

剪切板

粘贴口令

开启剪切板权限后读取口令

安卓手机、平板

日历

活动提醒

读写日历事件，实现活动提醒

安卓手机、平板

GET_TASK

微信登录

判断是否安装微信

安卓手机、平板

麦克风

语音搜索

开启麦克风权限后说出要找的商品

安卓手机、平板
"""


def test_an_unknown_title_keeps_the_period_and_a_data_row_is_stepped_over(tmp_path, catalog):
    d = _read(tmp_path, "perm.txt", TABLE, catalog)
    assert [(s.name, tuple(p.removeprefix(A) for p in s.permissions)) for s in d.scenes] == [
        ("保存海报;保存头像;升级应用", ("READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE")),
        ("扫码入会;上传头像", ("CAMERA",)), ("活动提醒", ("READ_CALENDAR",)), ("语音搜索", ("RECORD_AUDIO",)),
    ]
