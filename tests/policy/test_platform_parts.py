"""A line that is only a platform's name ("[iOS]", "【Android】") opens that platform's part of a permission list;
a purpose clause that is a reference to code is no scene. In our own words; expected values written by hand."""

from __future__ import annotations

from auditor.policy.claims import Context
from auditor.policy.extractors.permission_list import platform_marker
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.names import build_index
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

P = "android.permission."

PARTS = """\
应用申请的系统权限如下：

[Android]

相机权限(android.permission.CAMERA)
录音权限(android.permission.RECORD_AUDIO)

[iOS]

相册权限
用于上传头像
"""


def test_an_ios_part_opened_by_a_bracketed_platform_line_gives_no_android_scene(tmp_path):
    d = _read(tmp_path, "parts.txt", PARTS, memory_catalog(entry("x", "X")))
    assert {P + "CAMERA", P + "RECORD_AUDIO"} <= {p.permission for p in d.permissions}
    assert d.scenes == ()  # "[iOS]" is no use of the microphone; the photo item and its use are iOS's


def test_which_lines_are_platform_markers():
    lexicon = load_lexicon()
    ctx = Context(lexicon, build_index(memory_catalog(), lexicon), ())
    assert platform_marker("[iOS]", ctx) == "ios"
    assert platform_marker("【Android】", ctx) == "android"
    assert platform_marker("iOS端：", ctx) == "ios"
    # guards: a permission for a platform's feature, and a sentence, are no marker
    assert platform_marker("iPhone相册", ctx) is None
    assert platform_marker("Android 设备需要定位", ctx) is None


CODE_REF = """\
## Permissions

From Android 11, `ACCESS_WIFI_STATE` is required for [WifiManager.getNetworkSuggestions][suggestions] which
removes a saved network.
"""


def test_a_purpose_that_is_a_code_reference_is_no_scene(tmp_path):
    d = _read(tmp_path, "code.md", CODE_REF, memory_catalog(entry("x", "X")))
    assert [s.name for s in d.scenes] == []
    assert P + "ACCESS_WIFI_STATE" in {p.permission for p in d.permissions}


def test_the_sdk_a_sentence_says_needs_a_permission_is_no_scene(tmp_path):
    text = "## 权限配置\n\n地图SDK需要使用网络、访问存储等系统权限，请在清单文件里添加如下权限。\n"
    d = _read(tmp_path, "sdk.md", text, memory_catalog(entry("x", "X")))
    assert [s.name for s in d.scenes] == []
