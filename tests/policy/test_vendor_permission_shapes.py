"""Shapes of SDK vendors' permission pages: a table whose titles say "X of the Permission" with a column of
when the permission is asked for, rows closed without their last cell; a manifest excerpt with a comment over
each permission. In our own words; expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.policy.lexicon_data import load_lexicon
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

P = "android.permission."


@pytest.mark.parametrize("title, role", [
    ("Name of the Permission", "permissions"), ("Purpose of the Permission", "purpose"),
    ("Function of the Permission", "purpose"), ("Timing of Permission Requests", "scene"),
    ("Name of the SDK", "name"), ("Type of Data", "data"),
])
def test_an_english_title_a_of_b_has_the_role_of_its_head(title, role):
    assert load_lexicon().role(title) == role


TABLE = """\
Name of the Permission | Function of the Permission | Purpose of the Permission | Timing of Permission Requests | Products |
INTERNET | Opens network connections. | To upload the crash reports. | When a report is due. | Analytics, Attribution |
CAMERA | Takes pictures. | To scan a QR code for pairing. | When you tap Pair. |
RECORD_AUDIO | Records audio. | To attach a voice note to a report. | When you tap Record. |
"""


def test_the_purpose_column_is_the_scene_and_rows_may_lack_their_last_cell(tmp_path):
    d = _read(tmp_path, "perm.txt", TABLE, memory_catalog(entry("x", "X")))
    pairs = {(p.permission.removeprefix(P), p.scene) for p in d.permissions if p.scene}
    assert pairs == {("INTERNET", "To upload the crash reports."), ("CAMERA", "To scan a QR code for pairing."),
                     ("RECORD_AUDIO", "To attach a voice note to a report.")}


MANIFEST = """\
### Permissions

Add these to AndroidManifest.xml:

```
<!-- Example SDK permissions (start) -->
<!-- upload map tiles and routes -->
<uses-permission android:name="android.permission.INTERNET"/>
<!-- Access network state -->
<uses-permission android:name="android.permission.ACCESS_NETWORK_STATE"/>
<uses-permission android:name="android.permission.ACCESS_FINE_LOCATION"/> <!-- show where you are on the map -->
<!-- Example SDK permissions (end) -->
```
"""


def test_each_permission_of_a_manifest_excerpt_has_its_comment_as_scene(tmp_path):
    d = _read(tmp_path, "guide.md", MANIFEST, memory_catalog(entry("x", "X")))
    pairs = {(p.permission.removeprefix(P), p.scene) for p in d.permissions}
    assert ("INTERNET", "upload map tiles and routes") in pairs
    assert ("ACCESS_FINE_LOCATION", "show where you are on the map") in pairs
    # a comment that only names its permission, or marks the block's start or end, is no scene
    assert ("ACCESS_NETWORK_STATE", "") in pairs
    assert not any("(start)" in scene or "(end)" in scene for _, scene in pairs)


BROKEN_ROWS = """\
设备权限 | 对应业务功能 | 调用权限的目的 | 是否询问 | 可否关闭 |
---|---|---|---|---|
相机 | 扫描二维码 | 打开摄像头拍照 | 首次使用时询问 |
是 |
麦克风 | 语音输入 | 录制语音 | 使用时询问 |
是 |
"""


def test_a_row_whose_last_cell_is_on_the_next_line_stays_one_row(tmp_path):
    # guard: "… | 首次使用时询问 |" then "是 |": the row goes on, it is not closed without its last cell
    d = _read(tmp_path, "broken.txt", BROKEN_ROWS, memory_catalog(entry("x", "X")))
    pairs = {(p.permission.removeprefix(P), p.scene) for p in d.permissions if p.scene}
    assert pairs == {("CAMERA", "扫描二维码"), ("RECORD_AUDIO", "语音输入")}


FEATURES = """\
### Query installed apps

Tidy needs the `QUERY_ALL_PACKAGES` permission for several features.

Features that use this permission:
* "Leftovers" shows files of apps you removed. It needs to know which apps are installed.
* "Sizes" lists how much space each app takes.

### Notifications
"""


def test_features_listed_under_this_permission_are_its_scenes(tmp_path):
    d = _read(tmp_path, "features.md", FEATURES, memory_catalog(entry("x", "X")))
    scenes = {p.scene for p in d.permissions if p.permission == P + "QUERY_ALL_PACKAGES"}
    assert {'"Leftovers" shows files of apps you removed', '"Sizes" lists how much space each app takes'} <= scenes
