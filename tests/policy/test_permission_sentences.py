"""Permissions asked for in one sentence each (an app's permission prompts kept as string constants), in our
own words: the use said after the permission is its scene, not a courtesy said before it. Expected pairs
written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("umeng-analytics", "Umeng Analytics", "友盟统计"))


PROMPTS_KT = """\
object PermissionTips {
    const val CAMERA = "为了向您提供更优质的服务，需要获取您的相机权限，用于扫描快递单号。"
    const val AUDIO = "为了给您更好的体验，需要获取您的音频权限，用于语音搜索商品。"
    const val LOCATION = "为了方便您查找附近网点，需要获取您的位置权限。"
}
"""


def test_the_use_after_the_permission_is_the_scene(tmp_path, catalog):
    d = _read(tmp_path, "PermissionTips.kt", PROMPTS_KT, catalog)
    scenes = {p.permission.rsplit(".", 1)[-1]: p.scene for p in d.permissions if p.scene}
    assert scenes["CAMERA"] == "扫描快递单号"
    assert scenes["RECORD_AUDIO"] == "语音搜索商品"  # "音频权限": the microphone
    # no use said after it: the purpose before it is all the sentence gives
    assert scenes["ACCESS_FINE_LOCATION"] == "方便您查找附近网点"


PROMPTS_JAVA = """\
public final class Prompts {
    public static final String SCAN = "\\"邻里集市\\"需要授予相机权限才能使用扫码核销功能。";
    public static final String NEARBY = "\\"邻里集市\\"附近摊位功能需要定位权限，如果您拒绝定位权限，将无法查看附近摊位。";
}
"""


def test_the_feature_a_permission_enables_is_its_scene_and_the_quoted_app_name_is_not(tmp_path, catalog):
    # "需要…权限才能使用X": X is what the permission is for; "“App”X功能需要…": the quoted name opening the
    # prompt is the app's, the feature after it the scene
    d = _read(tmp_path, "Prompts.java", PROMPTS_JAVA, catalog)
    scenes = {p.permission.rsplit(".", 1)[-1]: p.scene for p in d.permissions if p.scene}
    assert scenes["CAMERA"] == "扫码核销功能"
    assert scenes["ACCESS_FINE_LOCATION"] == "附近摊位功能"


def test_what_enabling_a_permission_lets_one_do_is_its_scene(tmp_path):
    # "在您开启…权限后，您可以 Y": Y is the use; a sentence saying one may switch it off again names no use
    from tests.policy.helpers import memory_catalog, read_text
    text = ("在您开启音频设置权限后（可能涉及的权限有“允许程序修改全局音频设置”、“允许程序录制音频”），您能够调节游戏音量大小；\n"
            "我们会在适当时机请求权限。\n"
            "在您授权位置权限后，您可以随时在系统设置中关闭。\n")
    d = read_text(tmp_path, "p.txt", text, memory_catalog())
    scenes = {p.permission.rsplit(".", 1)[-1]: p.scene for p in d.permissions}
    assert scenes["RECORD_AUDIO"] == "调节游戏音量大小"
    assert scenes["MODIFY_AUDIO_SETTINGS"] == "调节游戏音量大小"
    assert "关闭" not in scenes.get("ACCESS_FINE_LOCATION", "")


NOT_DECLARED = """\
### 本应用不做的事

- 不进行任何网络请求（应用未声明 INTERNET 权限，所有功能离线运行）
- 不调用相机权限，扫码功能由系统相机完成

### 权限说明

- 通知权限：用于提醒您喝水
"""


def test_a_permission_the_app_says_it_does_not_declare_is_not_disclosed(tmp_path, catalog):
    d = _read(tmp_path, "PRIVACY.md", NOT_DECLARED, catalog)
    perms = {p.permission.rsplit(".", 1)[-1] for p in d.permissions}
    assert "INTERNET" not in perms and "CAMERA" not in perms
    assert "POST_NOTIFICATIONS" in perms


HELPED = """\
请在点击同意前阅读以下内容。为帮助您在APP中联系门店客服，我们可能会申请拨打电话权限。

为实现扫码取件，我们会申请相机权限。

相册、麦克风权限只有经过你的明示授权才会在为实现特定功能或服务时使用。
"""


def test_what_a_permission_helps_or_makes_happen_is_its_scene_and_words_about_features_in_general_are_none(
        tmp_path, catalog):
    d = _read(tmp_path, "perms.txt", HELPED, catalog)
    scenes = {p.permission.rsplit(".", 1)[-1]: p.scene for p in d.permissions}
    assert scenes["CALL_PHONE"] == "在APP中联系门店客服"
    assert scenes["CAMERA"] == "扫码取件"
    assert scenes.get("RECORD_AUDIO", "") == ""  # guard: "特定功能或服务" names no feature


ALLOWED = "相册的访问许可，若您同意我们获得此权限，那么您就能在相册里挑选照片作为头像。\n"


def test_what_allowing_a_permission_lets_one_do_is_its_scene(tmp_path, catalog):
    d = _read(tmp_path, "perms.txt", ALLOWED, catalog)
    scenes = {p.permission.rsplit(".", 1)[-1]: p.scene for p in d.permissions}
    assert scenes["READ_EXTERNAL_STORAGE"] == "在相册里挑选照片作为头像"
