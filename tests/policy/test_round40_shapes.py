"""Shapes read right in round 40: a flattened table copied from HTML whose cells of several lines stand apart
(blank lines around a cell, more of them between rows), and a flattened table whose empty cells copied as nothing
(rows of uneven length, each ending at its link). In our own words, expected values written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, made_up_catalog, memory_catalog
from tests.policy.helpers import only_row as _row
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import row_names as _names


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "wu-map")


# -- a flattened table whose long cells stand apart -------------------------------------------------------------

PADDED_CELLS = """\
第三方SDK列表如下：


SDK名称
类型
公司
获取权限
设备信息获取列表
手机系统
第三方隐私协议


甲乙推送SDK
推送
甲乙科技有限公司
使用网络权限，使用位置权限

              联网、获取网络状态、获取WiFi状态
<pad>
安卓和iOS
https://jiayi.example.cn/privacy


丙丁统计SDK
统计
丙丁网络有限公司

              读取手机状态信息，使用网络权限
<pad>

              联网、获取手机状态权限
<pad>
安卓和iOS
https://bingding.example.cn/privacy


戊己地图SDK
地图
戊己信息技术有限公司
使用位置权限
获取位置信息
安卓和iOS

              https://wuji.example.cn/privacy
<pad>
""".replace("<pad>", " " * 12)  # (the blanks a page copied from HTML leaves after a cell's text)


def test_cells_set_apart_by_blank_lines_stay_cells_of_their_row(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "padded.txt", PADDED_CELLS, catalog)
    assert _names(d) == ["甲乙推送SDK", "丙丁统计SDK", "戊己地图SDK"]
    expected = {
        "甲乙推送SDK": ("甲乙科技有限公司", "https://jiayi.example.cn/privacy", {"ACCESS_FINE_LOCATION", "INTERNET"}),
        "丙丁统计SDK": ("丙丁网络有限公司", "https://bingding.example.cn/privacy", {"READ_PHONE_STATE", "INTERNET"}),
        "戊己地图SDK": ("戊己信息技术有限公司", "https://wuji.example.cn/privacy", {"ACCESS_FINE_LOCATION"}),
    }
    for name, (company, link, some_permissions) in expected.items():
        row = _row(d, name)
        assert row.extractor == "flat-table"
        assert (row.company, row.link) == (company, link)
        assert some_permissions <= {p.rsplit(".", 1)[-1] for p in row.permissions}


# -- a flattened table whose empty cells copied as nothing -------------------------------------------------------

EMPTY_CELLS = """\
附录：第三方SDK


第三方SDK


类型


权限


说明


官网&隐私协议地址




甲乙播放器


其他


\u00a0


甲乙是开源的视频播放器


https://github.com/example/jiayi-player




丙丁推送


推送类


查看WLAN连接
获取粗略位置
读取手机状态和身份


丙丁推送为应用提供消息推送


https://www.bingding.example.cn/privacy




戊己网络库


工具类


\u00a0


基础服务设施


https://github.com/example/wuji-net
"""


def test_rows_with_a_cell_left_empty_end_at_their_links(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "empty.txt", EMPTY_CELLS, catalog)
    assert _names(d) == ["甲乙播放器", "丙丁推送", "戊己网络库"]
    player, push, net = (_row(d, n) for n in ("甲乙播放器", "丙丁推送", "戊己网络库"))
    assert [r.link for r in (player, push, net)] == [
        "https://github.com/example/jiayi-player", "https://www.bingding.example.cn/privacy",
        "https://github.com/example/wuji-net"]
    assert {p.rsplit(".", 1)[-1] for p in push.permissions} >= {"ACCESS_WIFI_STATE", "ACCESS_COARSE_LOCATION",
                                                                "READ_PHONE_STATE"}
    # the player's description names a kind of media, no permission it asks for
    assert player.permissions == () and net.permissions == ()


# -- a party label under a record its name line opened ------------------------------------------------------------

PARTY_UNDER_NAME = """\
我们接入的第三方SDK目录如下：
（1）JiayiPushSDK
用途/目的：向用户推送消息；
收集信息类型：设备识别信息
第三方名称：甲乙推送
隐私或官方链接：https://jiayi.example.cn/privacy
（2）BingdingStatSDK
用途/目的：统计应用的使用情况；
收集信息类型：设备识别信息
第三方名称：丙丁统计
隐私或官方链接：https://bingding.example.cn/privacy
（3）WujiMapSDK
用途/目的：定位；
收集信息类型：位置信息
第三方名称：戊己信息技术有限公司
隐私或官方链接：https://wuji.example.cn/privacy
"""


def test_a_party_label_under_a_named_record_is_its_party_not_a_new_row(tmp_path: Path, catalog: Catalog) -> None:
    # most party values name products the catalog knows, as pages that name their records by that label do; these
    # records are named by their own lines, so the label gives each one's party
    d = _read(tmp_path, "party.txt", PARTY_UNDER_NAME, catalog)
    assert _names(d) == ["JiayiPushSDK", "BingdingStatSDK", "WujiMapSDK"]
    assert [_row(d, n).company for n in _names(d)] == ["甲乙推送", "丙丁统计", "戊己信息技术有限公司"]
    assert _row(d, "BingdingStatSDK").link == "https://bingding.example.cn/privacy"


# -- a package's name in quotes, said to be an SDK --------------------------------------------------------------

QUOTED_PACKAGES = """\
3.3 第三方SDK
3.3.1.我们使用了“甲乙推送”的SDK，功能是消息推送，使用到的权限是"访问网络"。3.3.2.我们使用了'com.example.player'的SDK，\
用于播放视频。3.3.3.我们使用了'org.example.imageloader.core'的SDK，用于加载图片。3.3.4.我们使用了‘cn.example.scan’的SDK。
"""


def test_a_package_name_in_quotes_before_sdk_is_a_row(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "packages.txt", QUOTED_PACKAGES, catalog)
    assert _names(d) == ["甲乙推送", "com.example.player", "org.example.imageloader.core", "cn.example.scan"]


# -- what a prose row is for is not what it collects ---------------------------------------------------------------

PURPOSE_CLAUSES = """\
第三方SDK说明：
1.我们使用了“甲乙播放”的SDK，用于实现APP的图片展示和视频播放。
2.我们使用了“丙丁统计”的SDK，用于获取您的设备型号和位置信息，以便统计分析。
"""


def test_a_prose_rows_purpose_clause_names_no_data_unless_it_gets_some(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "purposes.txt", PURPOSE_CLAUSES, catalog)
    assert _row(d, "甲乙播放").data_types == ()
    assert {"device-model", "location-fine"} <= set(_row(d, "丙丁统计").data_types) or \
        {"device-model", "location-coarse"} <= set(_row(d, "丙丁统计").data_types)


# -- bulleted permission titles over the same labels --------------------------------------------------------------

BULLETED_TITLES = """\
附录1 设备权限说明

基础权限：

l 存储

对应业务功能：全部功能

调用目的：缓存数据

可选权限：

l 相机

对应业务功能：发布动态时拍摄照片

调用目的：实现拍照功能

l 日历

对应业务功能：活动提醒

调用目的：提醒功能

l 麦克风

对应业务功能：语音留言

调用目的：录制语音
"""


def test_a_bulleted_title_over_a_records_labels_is_the_next_records_permission(tmp_path: Path,
                                                                                catalog: Catalog) -> None:
    d = _read(tmp_path, "bullets.txt", BULLETED_TITLES, catalog)
    pairs = {(p.permission.removeprefix("android.permission."), p.scene) for p in d.permissions if p.scene}
    assert ("CAMERA", "发布动态时拍摄照片") in pairs
    assert {p for p, s in pairs if s == "活动提醒"} & {"READ_CALENDAR", "WRITE_CALENDAR"}
    assert ("RECORD_AUDIO", "语音留言") in pairs
    # each use is its own permission's, none runs on into the next title
    assert not {p for p, s in pairs if s == "发布动态时拍摄照片"} - {"CAMERA"}


# -- one sentence, several SDKs, their addresses each labelled by its name -------------------------------------------

LABELLED_ADDRESSES = (
    "（9）我们可能会使用甲乙推送SDK/丙丁统计SDK/戊己地图SDK来向您提供服务，上述SDK可能需要读取您的设备信息，其隐私政策参见："
    "丙丁统计：https://bingding.example.cn/privacy甲乙推送：https://jiayi.example.cn/legal/privacy"
    "戊己地图：https://wuji.example.cn/terms?tab=privacy\n"
)


def test_each_sdk_of_a_sentence_takes_the_address_its_name_labels(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "labelled.txt", LABELLED_ADDRESSES, catalog)
    assert {r.name: r.link for r in d.sdks} == {
        "甲乙推送SDK": "https://jiayi.example.cn/legal/privacy",
        "丙丁统计SDK": "https://bingding.example.cn/privacy",
        "戊己地图SDK": "https://wuji.example.cn/terms?tab=privacy",
    }


# -- a login list ends at its first item that names no platform ---------------------------------------------------

LOGIN_LIST_THEN_DATA = (
    "（1）若您使用第三方账号注册登录，如微信、QQ，我们会使用甲乙推送SDK收集设备信息（IMEI/Mac/Android ID/IDFA/"
    "OpenUDID/GUID/地理位置），其隐私政策参见：https://jiayi.example.cn/privacy\n"
)


def test_identifiers_after_a_login_list_are_data_not_platforms(tmp_path: Path) -> None:
    catalog = memory_catalog(entry("jia-push", "甲乙推送", "甲乙推送SDK"), entry("openudid", "OpenUDID"),
                             entry("wechat-open", "WeChat Open SDK", "微信"))
    d = _read(tmp_path, "login.txt", LOGIN_LIST_THEN_DATA, catalog)
    names = _names(d)
    assert "甲乙推送SDK" in names
    assert not {"OpenUDID", "GUID", "Mac", "IDFA", "Android ID"} & set(names)


# -- a catalog name after a word for the app's providers; its link in a later sentence ------------------------------

PROVIDERS = (
    "Our SDK service providers Crashfox (Crashfox N.V., Beispielstraße 20, 10117 Berlin) and Zeta Ads by Zeta Inc. "
    "help us show ads.\n"
    "Crashfox also runs its own network. Further information about Crashfox's processing can be found here: "
    "https://www.crashfox.example/gdpr-faqs/.\n"
)


def test_a_catalog_name_after_providers_is_a_row_and_takes_its_later_link(tmp_path: Path) -> None:
    catalog = made_up_catalog("crashfox", "zeta-ads")
    d = _read(tmp_path, "providers.txt", PROVIDERS, catalog)
    fox = _row(d, "Crashfox")
    assert (fox.company, fox.link) == ("Crashfox N.V.", "https://www.crashfox.example/gdpr-faqs/")


# -- a service named over a sentence that writes its name out with a word more --------------------------------------

SERVICE_LIST = """\
APPENDIX B - Analytics services
Crashfox
Crashfox is an analytics service provided by Crashfox Inc. (US)
Privacy Policy: https://crashfox.example/privacy/
Zeta Ads conversion
Zeta Ads conversion tracking is an analytics service provided by Zeta Inc. (US) that connects ad data with actions.
Privacy Policy: https://zeta.example/privacy/
"""


def test_a_name_over_its_own_sentence_with_a_word_more_heads_a_record(tmp_path: Path) -> None:
    catalog = made_up_catalog("crashfox", "zeta-ads")
    d = _read(tmp_path, "services.txt", SERVICE_LIST, catalog)
    assert _names(d) == ["Crashfox", "Zeta Ads conversion"]
    zeta = _row(d, "Zeta Ads conversion")
    assert (zeta.company, zeta.link) == ("Zeta Inc.", "https://zeta.example/privacy/")


# -- a catalog name inside a bracketed list of identifiers -----------------------------------------------------------

IDENTIFIER_LIST = "收集的用户信息：硬件序列号，唯一设备识别码（IMEI、OAID、IDFA、UUID、Open UDID、UDID、GUID）。\n"


def test_a_catalog_name_in_a_bracketed_list_of_identifiers_is_data(tmp_path: Path) -> None:
    catalog = memory_catalog(entry("openudid", "OpenUDID", "Open UDID"))
    d = _read(tmp_path, "ids.txt", IDENTIFIER_LIST, catalog)
    assert _names(d) == []


# -- a list item that names its company after a cue ------------------------------------------------------------------

CUED_ITEMS = """\
Third-party services we use:

- Crashfox, a service of Crashfox Inc., for crash reports
- Zeta Ads, operated by Zeta Inc.
"""


def test_a_list_item_takes_the_company_its_cue_names(tmp_path: Path) -> None:
    d = _read(tmp_path, "cued.md", CUED_ITEMS, made_up_catalog("crashfox", "zeta-ads"))
    # (a full stop ending the item may or may not stay with "Inc.")
    assert [(r.name, r.company.rstrip(".")) for r in d.sdks] == [("Crashfox", "Crashfox Inc"), ("Zeta Ads", "Zeta Inc")]
