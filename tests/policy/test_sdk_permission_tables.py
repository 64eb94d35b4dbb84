"""An SDK's permissions with the scene of each, in one table whose first column spans rows (a merged cell
written only on its first row, the other rows one cell to the left); permission constants in code. In our own
words; expected values written by hand."""

from __future__ import annotations

from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

P = "android.permission."

TABLE = """\
应用权限列表
SDK服务内容 | 权限 | 权限描述 | 使用场景 |
消息推送 | ACCESS_NETWORK_STATE | 获取网络连接状态 | 推送失败时判断网络是否可用。 |
日志上报 | READ_PHONE_STATE | 读取设备状态 | 按设备拉取日志。 |
WRITE_EXTERNAL_STORAGE | 写入外部存储 | 将日志暂存在存储卡上。 | |
"""


def test_a_merged_first_column_and_the_scene_of_each_permission(tmp_path):
    d = _read(tmp_path, "perm.txt", TABLE, memory_catalog(entry("x", "X")))
    rows = {r.name: {p.removeprefix(P) for p in r.permissions} for r in d.sdks}
    assert rows == {"消息推送": {"ACCESS_NETWORK_STATE"}, "日志上报": {"READ_PHONE_STATE", "WRITE_EXTERNAL_STORAGE"}}
    pairs = {(p.scene, p.permission.removeprefix(P)) for p in d.permissions if p.scene}
    assert pairs == {("推送失败时判断网络是否可用。", "ACCESS_NETWORK_STATE"), ("按设备拉取日志。", "READ_PHONE_STATE"),
                     ("将日志暂存在存储卡上。", "WRITE_EXTERNAL_STORAGE")}


CODE = """\
/**
 * 权限用途
 */
val PURPOSES = mapOf(
    Manifest.permission.CAMERA to "为扫描二维码",
    Manifest.permission.RECORD_AUDIO to "为录制语音消息",
)

fun label(p: String) = when (p) {
    Manifest.permission.CAMERA -> "相机权限使用说明："
    Manifest.permission.RECORD_AUDIO -> "麦克风权限使用说明："
    else -> ""
}
"""


def test_uses_kept_in_code_next_to_labels_that_introduce_them(tmp_path):
    d = _read(tmp_path, "Perm.kt", CODE, memory_catalog(entry("x", "X")))
    scenes = {s.name: {p.removeprefix(P) for p in s.permissions} for s in d.scenes}
    assert scenes == {"为扫描二维码": {"CAMERA"}, "为录制语音消息": {"RECORD_AUDIO"}}
