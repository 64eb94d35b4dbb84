"""Shapes read right in round 44: a permission list whose items give, for what the permission is for, only the
words that say what it lets the app do ("振动权限：允许设备振动", "WAKE_LOCK：允许程序在熄屏后继续运行"): the policy
states each permission as asked for with those words, so each is a scene (its label, or those words, naming it);
an English item that says where in the app the permission is used ("It is used in the Sensors tab"). In our own
words, expected values written by hand. Also: a one-word provider's name (no capital inside, no "SDK": in running
text it may be an ordinary word) right before the words for its privacy policy ("Quillo (ads): Quillo Privacy
Policy"), or listed after the first name that follows a verb of using ("We use Quillo and Crashfox"), names it. A use given in a
bracket after the permission ("相机权限（目的：扫描面单时使用）", "读取日历(到期提醒等功能需要)") is the scene, the words
before it its description, never a name cut inside the bracket. A known constant written right beside a label
("网络权限 android.permission.ACCESS_NETWORK_STATE") says which permission the item asks for, not the label. The
standard template's additional services ("基于存储权限的附加服务：…") are items with their numbers dropped, and run
into one paragraph they are cut apart again. A brand set in brackets before a product's words ("【甲乙+】推送SDK")
names the product those words make with it, not the brand's best-known product; a vendor's name over words of
several of its kinds of SDK says whose SDKs the row is about, not which one."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, made_up_catalog, memory_catalog, row_names, scene_with
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import scene_permissions as _pairs

_scene = partial(scene_with, described=True)
"""The permissions of the one scene whose name or description holds the words."""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat")


CONSTANTS_WITH_THEIR_WORDS = """本应用申请的权限及用途如下：
(1) android.permission.VIBRATE（设备振动权限）：允许设备振动
(2) android.permission.WAKE_LOCK（保持唤醒权限）：允许程序在熄屏后继续运行，保持播放不中断
(3) android.permission.CHANGE_WIFI_STATE（改变WiFi状态权限）：允许应用改变WiFi状态
(4) android.permission.CAMERA（相机）：扫描会员卡上的条码
"""


def test_items_whose_use_is_only_what_the_permission_lets_the_app_do(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "constants.txt", CONSTANTS_WITH_THEIR_WORDS, catalog)
    assert _scene(d, "允许设备振动") == {"VIBRATE"}
    assert _scene(d, "熄屏后继续运行") == {"WAKE_LOCK"}
    assert _scene(d, "允许应用改变WiFi状态") == {"CHANGE_WIFI_STATE"}
    assert _scene(d, "扫描会员卡上的条码") == {"CAMERA"}
    assert len(d.scenes) == 4, _pairs(d)


LABELS_WITH_THEIR_WORDS = """权限使用说明

1. 振动：允许应用控制振动器
2. 网络访问：允许应用访问网络
3. 存储：允许App读取存储中的图片，主要用于更换会员头像
"""


def test_a_label_over_the_systems_words_names_the_scene(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "labels.txt", LABELS_WITH_THEIR_WORDS, catalog)
    pairs = _pairs(d)
    assert pairs.get("振动") == {"VIBRATE"}, pairs
    assert pairs.get("网络访问") == {"INTERNET"}, pairs
    assert _scene(d, "更换会员头像") >= {"READ_EXTERNAL_STORAGE"}  # a use said after the words: that use (round 28)
    assert len(d.scenes) == 3, pairs


WHERE_USED_MD = """## Permissions

- **ACCESS_FINE_LOCATION**: Allows the app to access precise location. It is used in the Compass tab of the app.
- **BODY_SENSORS**: It is used in accordance with the platform rules.
"""


def test_an_english_item_that_says_where_in_the_app_it_is_used(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "where.md", WHERE_USED_MD, catalog)
    names = [s.name for s in d.scenes if any(p.endswith("ACCESS_FINE_LOCATION") for p in s.permissions)]
    assert names == ["Compass tab of the app"], [(s.name, s.description) for s in d.scenes]
    assert not any(s.name.startswith("accordance") for s in d.scenes)


@pytest.fixture(scope="module")
def one_word_names() -> Catalog:
    return memory_catalog(entry("quillo", "Quillo", category="ads"), entry("crashfox", "Crashfox"),
                          entry("glimmo", "Glimmo"))


PROVIDER_POLICIES = """Advertising

Our games show advertisements from third parties. You should read each one's own terms to know how it treats
your information.

Quillo (ads): Quillo Privacy Policy.
Crashfox (Analytics): Crashfox's Privacy Notice.

Please read our Privacy Policy and the Terms of Service before playing.
"""


def test_a_provider_named_before_the_words_for_its_privacy_policy(tmp_path: Path, one_word_names: Catalog) -> None:
    d = _read(tmp_path, "providers.txt", PROVIDER_POLICIES, one_word_names)
    assert sorted(r.id for r in d.sdks) == ["crashfox", "quillo"], row_names(d)


def test_names_listed_after_a_verb_of_using(tmp_path: Path, one_word_names: Catalog) -> None:
    d = _read(tmp_path, "used.txt", "Our games use Quillo, Glimmo and Crashfox to show ads and count crashes.\n",
              one_word_names)
    assert sorted(r.id for r in d.sdks) == ["crashfox", "glimmo", "quillo"], row_names(d)
    none = _read(tmp_path, "plain.txt", "A quillo of snow fell; we use Maps and Notes apps on our phones.\n\n"
                 "Home Blog Quillo Forum Privacy Policy\n", one_word_names)
    assert row_names(none) == []  # (a site's menu run into its policy's link: the words before it name no provider)


BRACKETED_USES = """应用权限说明
（1）我们需要您的同意才能使用相机权限（目的：扫描快递面单时使用，用于录入运单号）
（2）我们需要您的同意才能使用麦克风权限（目的：语音留言时使用）
"""


def test_a_use_given_in_a_bracket_after_the_permission(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "brackets.txt", BRACKETED_USES, catalog)
    pairs = _pairs(d)
    assert pairs.get("扫描快递面单时使用，用于录入运单号") == {"CAMERA"}, pairs
    assert pairs.get("语音留言时使用") == {"RECORD_AUDIO"}, pairs
    assert not any(name.count("（") + name.count("(") > name.count("）") + name.count(")") for name in pairs), pairs


NEEDED_FOR = """七、隐私访问用途说明

            1. 修改或删除存储卡中的内容(保存海报等功能需要)
            2. 读取日历(到期提醒等功能需要)
            3. 录制音频(语音留言等功能需要)
"""


def test_the_features_a_bracket_says_need_the_permission(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "needed.txt", NEEDED_FOR, catalog)
    assert [(s.name, s.description) for s in d.scenes] == [
        ("保存海报等功能", "修改或删除存储卡中的内容"), ("到期提醒等功能", "读取日历"), ("语音留言等功能", "录制音频")]
    assert _pairs(d) == {"保存海报等功能": {"WRITE_EXTERNAL_STORAGE"}, "到期提醒等功能": {"READ_CALENDAR"},
                         "语音留言等功能": {"RECORD_AUDIO"}}


LABELS_BESIDE_CONSTANTS = """我们会使用以下权限：
1: 网络权限 android.permission.ACCESS_NETWORK_STATE
   使用目的：判断当前网络是否可用
2: 网络权限android.permission.CHANGE_WIFI_STATE
   使用目的：切换到可用的无线网络
3: android.permission.ACCESS_COARSE_LOCATION(GPS)
   使用目的：推荐附近的门店
"""

A_LABEL_ALONE = """我们会使用以下权限：
1: 定位权限
   使用目的：查看门店距离
2: 相机权限
   使用目的：扫描会员码
"""


def test_a_constant_beside_a_label_says_which_permission(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "beside.txt", LABELS_BESIDE_CONSTANTS, catalog)
    assert _scene(d, "判断当前网络是否可用") == {"ACCESS_NETWORK_STATE"}  # not INTERNET for "网络权限"
    assert _scene(d, "切换到可用的无线网络") == {"CHANGE_WIFI_STATE"}
    assert _scene(d, "推荐附近的门店") == {"ACCESS_COARSE_LOCATION"}  # not the precise location "GPS" names
    alone = _read(tmp_path, "alone.txt", A_LABEL_ALONE, catalog)
    assert _scene(alone, "查看门店距离") == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}  # a label alone: its own


ADDITIONAL_SERVICES = """（三）为您提供的附加服务
基于相机的附加服务：您可以在开启相机权限后使用扫码功能领取会员卡。
基于存储权限的附加服务：在您开启权限后，我们将读取您设备中的图片，用于更换店铺头像。
基于通知的附加服务：我们会在您开启通知权限后向您推送取餐提醒。
"""

RUN_ON_SERVICES = ("为向您提供更便捷的服务，我们在以下附加服务中可能会使用您的信息，拒绝开启不影响基本功能的使用。"
                   "基于相机的附加服务您可以在开启相机权限后使用扫码功能领取会员卡，我们仅在您主动使用扫码功能时调用相机，"
                   "不会在后台拍摄任何内容。基于存储权限的附加服务在您开启权限后，我们将读取您设备中的图片，用于更换店铺头像，"
                   "图片仅在您选择后上传。基于通知的附加服务我们会在您开启通知权限后向您推送取餐提醒，您可在系统设置中关闭通知。"
                   "基于日历的附加服务在您开启日历权限后，我们会写入您预约的到店时间，用于提醒您按时到店，"
                   "提醒事项仅保存在您的设备上。基于麦克风的附加服务在您开启麦克风权限后，您可以使用语音搜索菜品，"
                   "语音内容仅用于识别您的搜索词。以上附加服务均需您主动开启相应权限后方可使用，您可以随时在设置中撤回授权。"
                   "我们不会在您未使用相关功能时调用上述权限，也不会将上述信息用于与所述目的无关的用途。\n")


def test_the_templates_additional_services_without_their_numbers(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "services.txt", ADDITIONAL_SERVICES, catalog)
    assert _scene(d, "基于相机的附加服务") == {"CAMERA"}
    assert _scene(d, "基于存储权限的附加服务") >= {"READ_EXTERNAL_STORAGE"}
    assert _scene(d, "基于通知的附加服务") == {"POST_NOTIFICATIONS"}
    assert len(d.scenes) == 3, _pairs(d)


def test_the_templates_additional_services_run_together(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "runon.txt", RUN_ON_SERVICES, catalog)
    assert _scene(d, "基于通知的附加服务") == {"POST_NOTIFICATIONS"}  # its use words no purpose: its name is the scene
    assert _scene(d, "基于日历的附加服务") & {"READ_CALENDAR", "WRITE_CALENDAR"}
    assert _scene(d, "基于麦克风的附加服务") == {"RECORD_AUDIO"}
    assert _scene(d, "基于相机的附加服务") == {"CAMERA"}


@pytest.fixture(scope="module")
def bracketed_brand() -> Catalog:
    return memory_catalog(entry("jy-stat", "甲乙统计", "甲乙+", "甲乙统计SDK", vendor="甲乙科技有限公司"),
                          entry("jy-push", "甲乙推送", "甲乙推送SDK", vendor="甲乙科技有限公司"))


BRACKETED_BRAND = """第三方SDK列表

SDK名称：【甲乙+】推送SDK
使用目的：向您推送订单消息

SDK名称：【甲乙+】统计SDK
使用目的：统计应用的使用情况
"""


def test_a_brand_in_brackets_before_the_products_words(tmp_path: Path, bracketed_brand: Catalog) -> None:
    d = _read(tmp_path, "brand.txt", BRACKETED_BRAND, bracketed_brand)
    assert [(r.name, r.id) for r in d.sdks] == [("【甲乙+】推送SDK", "jy-push"), ("【甲乙+】统计SDK", "jy-stat")]


@pytest.fixture(scope="module")
def one_vendor() -> Catalog:
    return memory_catalog(entry("jy-stat", "甲乙统计", "甲乙", category="analytics", vendor="甲乙"),
                          entry("jy-push", "甲乙推送", category="push", vendor="甲乙"))


VENDOR_ROWS = """第三方SDK列表

SDK名称：甲乙SDK
使用目的：统计分析应用的使用情况

SDK名称：甲乙SDK
使用目的：向您推送消息

SDK名称：甲乙SDK
使用目的：向您推送消息，统计分析应用的使用情况
"""


def test_a_vendors_name_over_several_of_its_kinds_says_whose_not_which(tmp_path: Path, one_vendor: Catalog) -> None:
    d = _read(tmp_path, "vendor.txt", VENDOR_ROWS, one_vendor)
    assert [(r.id, r.resolved_by) for r in d.sdks] == [
        ("jy-stat", "purpose"), ("jy-push", "purpose"), ("jy-stat", "vendor-name")]
