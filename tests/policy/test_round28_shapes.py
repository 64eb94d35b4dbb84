"""Shapes read right in round 28: permission sentences whose use stands after "开启…权限后", after "用以" / "以确保",
or opens with "为保障…"; a server's SMS verification code that is no use of SEND_SMS; a list of "permission：use"
lines that a key-value record used to swallow as one value; permission labels joined by 和 / 或, "语音权限" and
"WiFi权限". In our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog, scene_permissions, scene_with
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("umeng-analytics", "Umeng Analytics", "友盟"))


_scenes = scene_permissions
_scene_with = scene_with


AFTER_GRANTING = """\
一、设备权限的使用

我们的应用向您申请以下设备权限。

您可在开启相机权限后扫描商品包装上的条码，查询商品的产地。

您可以在开启相册权限后使用该功能以实现更换个人主页封面。

基于拨打电话的附加服务：您可在开启拨打电话权限后直接呼叫门店店员。

开启定位权限后，您可以随时在系统设置中关闭它。
"""


def test_the_use_said_right_after_granting_is_the_scene(tmp_path, catalog) -> None:
    d = _read(tmp_path, "grant.txt", AFTER_GRANTING, catalog)
    assert _scene_with(d, "扫描商品包装上的条码") == {"CAMERA"}
    assert _scene_with(d, "更换个人主页封面") & {"READ_EXTERNAL_STORAGE", "READ_MEDIA_IMAGES"}
    assert "使用该功能" not in next(n for n in _scenes(d) if "更换个人主页封面" in n)
    assert _scene_with(d, "呼叫门店店员") >= {"CALL_PHONE"}
    # what one may do afterwards is withdraw it: no use of the permission
    assert not any("关闭" in name for name in _scenes(d))


PURPOSE_MARKERS = """\
三、权限说明

我们会获取您的悬浮窗权限，以确保您在视频通话时画面不被其他窗口遮挡。

为保障您的订单按时送达，我们需要访问您的位置权限，计算骑手与您的距离。

我们将申请摄像头权限用以识别您上传的驾驶证照片。
"""


def test_purposes_said_with_yiqueba_weibaozhang_and_yongyi(tmp_path, catalog) -> None:
    d = _read(tmp_path, "purpose.txt", PURPOSE_MARKERS, catalog)
    assert _scene_with(d, "视频通话") == {"SYSTEM_ALERT_WINDOW"}
    assert _scene_with(d, "订单按时送达") == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}
    assert _scene_with(d, "驾驶证照片") == {"CAMERA"}


def test_a_word_that_only_ends_in_wei_opens_no_purpose(tmp_path, catalog) -> None:
    text = "三、权限说明\n\n作为保障账号安全的措施之一，我们需要访问您的电话权限，读取设备识别码。\n"
    d = _read(tmp_path, "zuowei.txt", text, catalog)
    assert not any(name.startswith("保障账号安全") for name in _scenes(d)), _scenes(d)


SMS_CODE = """\
二、我们如何收集您的信息

1.注册登录。注册时，我们会向您填写的手机号码发送短信验证码，以验证您是该号码的使用者。

2.找回密码。我们会发送短信通知告诉您密码已被修改。
"""


def test_a_verification_code_sent_by_sms_is_no_use_of_send_sms(tmp_path, catalog) -> None:
    d = _read(tmp_path, "sms.txt", SMS_CODE, catalog)
    assert not any(p.permission.endswith("SEND_SMS") for p in d.permissions), d.permissions


def test_sending_sms_by_the_app_still_is(tmp_path, catalog) -> None:
    text = "三、权限说明\n\n为了将行程分享给您的紧急联系人，我们需要获取发送短信权限。\n"
    d = _read(tmp_path, "sendsms.txt", text, catalog)
    assert any(p.permission.endswith("SEND_SMS") for p in d.permissions), d.permissions


RUN_ON_LABELS = """\
5.手机权限的使用说明：
网络或WiFi权限：联网后才可以浏览全部文章。
定位权限：附近功能会向你展示身边的跑步路线。
手机存储和相机权限：拍摄跑步照片或从手机里选择照片发布动态时用到。
语音权限：以便录制和播放训练语音。
通知栏权限：用以提醒你今天的训练计划。
"""


def test_permission_lines_under_a_label_are_a_permission_list(tmp_path, catalog) -> None:
    d = _read(tmp_path, "runon.txt", RUN_ON_LABELS, catalog)
    scenes = _scenes(d)
    assert len(scenes) == 5, scenes
    assert _scene_with(d, "WiFi") >= {"ACCESS_WIFI_STATE"}
    assert _scene_with(d, "定位") == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}
    assert _scene_with(d, "存储和相机") >= {"CAMERA", "READ_EXTERNAL_STORAGE"}
    assert _scene_with(d, "语音") == {"RECORD_AUDIO"}
    assert _scene_with(d, "通知栏") == {"POST_NOTIFICATIONS"}


def test_one_key_value_record_with_a_permission_label_stays_a_record(tmp_path, catalog) -> None:
    # (one permission label in a record: the record's scene, as before)
    text = "业务功能：扫码点餐\n所需权限：相机权限\n使用目的：扫描桌上的二维码\n"
    d = _read(tmp_path, "kv.txt", text, catalog)
    assert {p for perms in _scenes(d).values() for p in perms} == {"CAMERA"}
    assert any("扫码点餐" in name for name in _scenes(d)), _scenes(d)


SUMMARY = """\
二、附加功能

1、基于相机的附加服务：您可在开启相机权限后扫描会员卡上的二维码。

2、基于通讯录的附加服务：我们会在您开启通讯录权限后，读取通讯录以便您邀请好友。

3、您理解并同意，上述附加服务可能需要您在您的设备中开启您的相机、通讯录、麦克风及位置的访问权限，以实现这些权限所涉及信息的收集和使用。
"""


def test_a_sentence_summing_up_the_uses_before_is_no_scene(tmp_path, catalog) -> None:
    d = _read(tmp_path, "summary.txt", SUMMARY, catalog)
    names = list(_scenes(d))
    assert not any("这些权限" in n or "上述附加服务" in n for n in names), names
    assert _scene_with(d, "会员卡") == {"CAMERA"}
    # the permissions the summary names stay disclosed
    asked = {p.permission.rsplit(".", 1)[-1] for p in d.permissions}
    assert {"RECORD_AUDIO", "ACCESS_FINE_LOCATION"} <= asked, asked


def test_three_verbs_share_one_object(tmp_path, catalog) -> None:
    text = "三、权限说明\n\n为了让您用短信找回密码，我们会在您授权后使用您的发送、接收、读取短信权限。\n"
    d = _read(tmp_path, "verbs.txt", text, catalog)
    asked = {p.permission.rsplit(".", 1)[-1] for p in d.permissions}
    assert {"SEND_SMS", "RECEIVE_SMS", "READ_SMS"} <= asked, asked


DEFINITIONS = """\
应用权限说明

1. 振动：允许应用控制振动器
2. 存储：允许App读取存储中的图片，主要用于更换店铺招牌
3. 允许后，你可以用相机扫描快递单号
"""


def test_the_systems_words_for_a_permission_are_no_scene_unless_a_use_follows(tmp_path, catalog) -> None:
    d = _read(tmp_path, "defs.txt", DEFINITIONS, catalog)
    names = list(_scenes(d))
    assert not any(n.startswith("允许应用控制") for n in names), names
    assert _scene_with(d, "更换店铺招牌") >= {"READ_EXTERNAL_STORAGE"}
    assert _scene_with(d, "扫描快递单号") == {"CAMERA"}  # "允许后": after allowing it, a use
    assert any(p.permission.endswith("VIBRATE") for p in d.permissions)  # still disclosed


OPT_OUT_LINES = """\
Opting out of interest-based ads

For Tapcore Ads please visit https://tapcore.example/opt-out/;
For Lumen please visit https://lumen.io/privacy/choices;
Follow our studio: Lumen http://www.lumen.io
"""


def test_a_name_before_an_address_on_its_own_site_is_a_row(tmp_path) -> None:
    # "Lumen" alone is no distinctive word in running text; the address on lumen.io says it is the SDK
    catalog = memory_catalog(entry("lumen-ads", "Lumen Ads SDK", "Lumen"), entry("tapcore", "Tapcore"))
    d = _read(tmp_path, "optout.txt", OPT_OUT_LINES, catalog)
    rows = [(s.name, s.id, s.evidence.line_start) for s in d.sdks]
    assert ("Lumen", "lumen-ads", 4) in rows, rows
    # (a link to a home page, as a social profile is, says nothing of the SDK)
    assert all(line != 5 for _, _, line in rows), rows


def test_mopub_is_named_by_its_own_name(tmp_path) -> None:
    from auditor.catalog import load_catalog
    from auditor.policy.lexicon_data import load_lexicon
    from auditor.policy.resolve import build_resolver

    resolver = build_resolver(load_catalog(None), load_lexicon())
    assert resolver.names.resolve_exact("MoPub") == "twitter-mopub"


def test_a_name_columns_title_is_no_row(tmp_path, catalog) -> None:
    from auditor.policy.lexicon_data import load_lexicon
    from auditor.policy.reader import _names_something

    lexicon = load_lexicon()
    assert not _names_something("使用SDK名称", lexicon)
    assert not _names_something("SDK名称", lexicon)
    assert _names_something("某某名片识别SDK", lexicon)  # a product whose name is no title


def test_a_purpose_inside_brackets_is_an_aside(tmp_path, catalog) -> None:
    text = ("三、权限说明\n\n我们会申请您的位置权限（在某些场景下，为了降低成本，我们可能使用第三方的定位服务），"
            "为了在地图上显示附近的门店。\n")
    d = _read(tmp_path, "aside.txt", text, catalog)
    names = list(_scenes(d))
    assert any("附近的门店" in n for n in names), names
    assert not any(n.startswith("降低成本") for n in names), names


def test_an_item_on_a_kind_of_sdk_is_no_scene(tmp_path, catalog) -> None:
    text = ("四、权限说明\n\n1、相机权限：用来扫描会员码。\n"
            "2、推送类SDK：我们使用了某某推送SDK，它会申请通知权限以向您推送消息。\n")
    d = _read(tmp_path, "kind.txt", text, catalog)
    names = list(_scenes(d))
    assert not any(n.endswith("SDK") for n in names), names
    assert any(p.permission.endswith("CAMERA") for p in d.permissions)


ENGLISH_ACCESS = """\
Permissions

With your permission, the app may access your contact list in order to invite your friends.

We have access to your photos, to let you add stickers to them.

If you allow it, we access your camera roll to pick a background.
"""


def test_english_access_to_contact_list_photos_and_camera_roll(tmp_path, catalog) -> None:
    d = _read(tmp_path, "access.txt", ENGLISH_ACCESS, catalog)
    assert _scene_with(d, "invite your friends") == {"READ_CONTACTS"}
    assert _scene_with(d, "add stickers") == {"READ_EXTERNAL_STORAGE", "READ_MEDIA_IMAGES"}
    # the camera roll is the photo library, not the camera
    assert _scene_with(d, "pick a background") == {"READ_EXTERNAL_STORAGE", "READ_MEDIA_IMAGES"}
    assert not any(n.startswith("your photos") for n in _scenes(d))
