"""Shapes read right in round 46, in our own words with made-up names, expected values written by hand.

- A page crawled as one line whose SDK items number their fields in brackets ("1、某某SDK（1）公司名称：…（2）使用目的：
  …（4）获取权限：联网、获取网络状态…"): each field stays with its number, so the record keeps its company,
  permissions and link (cut between "（1）" and its label, the number stood alone and the record lost every field).
- A record opened by a numbered label ("8、SDK服务商：…") ends at the next item opening with the same label ("9、SDK
  服务商：…"), whatever that item's value reads like.
- A record inside an item of an outer list ("2. 设备标识信息：" over "（1）…" / "收集方式：…") ends at the outer list's
  next item ("3. 使用信息：…"), however long the inner list; a record's own numbered items do not end it.
- A label that asks for a name ("SDKk名称：", misspelt or not) names nothing itself.
- An SDK's item whose text went on at its own depth or above owns no deeper lines after it: a permission list
  further down ("1）android.permission.CAMERA：访问相机。…") is the app's, read as scenes.
- A line of a section number and a title written against it ("3.1.8甲乙语音SDK") is a heading: the SDK it names
  is read from the paragraph under it, with that paragraph's data and permissions.
- A title line naming several services, longer than one name may be ("Zeta Ads, Omega Maps, Sigma Push, …") over
  the paragraph about them all, is a title like one naming one service: each service its row, none of them the
  paragraph of the service above.
- An item labelled with a party ("消息推送服务供应商：由某某公司提供推送技术服务，我们可能会将您的…位置相关信息提供给
  …") says whom data goes to, no scene of a permission; a list's summing-up run into its last item ("。您理解并同意，
  上述应用功能可能需要您开启相机、麦克风…") is none of that item's uses.
- A permission item lettered inside a numbered section ("1.4…" over "e.基于日历的附加服务：…") ends at the next
  section's number ("1.5业务功能五：支付结算及提现"), written against its words or not; an item's own fields numbered
  so ("一、相机权限" over "1.1 权限说明：…") do not end it.
- Records written as blocks, each label alone on its line over its value ("SDK名称" over "甲乙推送SDK", "使用权限"
  over one permission constant a line), the same labels again for every record: each label takes the lines under
  it; a flattened table's titles, standing next to each other, are no such labels.
- Items lettered with capitals run into a one-line page ("…用途：A、甲乙推送SDK用于…。B、…"), also right after an
  address ("…/privacy.htmlC、…"), are items; an item naming an SDK and then what it does ("甲乙推送SDK用于统计…")
  is named by the SDK alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.analysis import analyse
from auditor.policy.claims import Context
from auditor.policy.document import Line
from auditor.policy.extractors.permission_list import _item
from auditor.policy.glued_lines import cut
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.resolve import build_resolver
from tests.policy.helpers import (
    made_up_catalog,
    only_row,
    row_names,
    row_permissions,
    scene_permissions,
    scene_with,
)
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "wu-map", "xin-share")


_BRACKET_FIELDS = (
    "附件五：第三方SDK情况说明我们将接入的第三方SDK的名称、所属公司名称、使用目的、收集个人信息类型、获取权限、隐私政策"
    "列明如下：一、业务类1、甲乙推送 SDK（1）公司名称：甲乙科技有限公司（2）使用目的：用于向用户推送通知消息（3）收集个人"
    "信息类型/字段：设备标识信息、IP地址（4）获取权限：联网、获取网络状态、获取WiFi状态（5）官网信息：https://push.jia.example"
    "（6）隐私协议：https://push.jia.example/privacy2、丙丁统计 SDK（1）公司名称：丙丁网络有限公司（2）使用目的：用于统计"
    "应用的使用情况（3）收集个人信息类型/字段：设备型号、操作系统版本（4）获取权限：联网、读写存储权限（5）官网信息："
    "https://stat.bing.example（6）隐私协议：https://stat.bing.example/privacy3、戊己地图 SDK（1）公司名称："
    "戊己信息技术有限公司（2）使用目的：用于展示地图和定位（3）收集个人信息类型/字段：地理位置信息（4）获取权限：联网、"
    "获取位置权限（5）官网信息：https://map.wu.example（6）隐私协议：https://map.wu.example/privacy4、辛壬分享 SDK"
    "（1）公司名称：辛壬网络有限公司（2）使用目的：用于分享内容到社交平台（3）收集个人信息类型/字段：设备型号（5）官网信息："
    "https://share.xin.example（6）隐私协议：https://share.xin.example/privacy 三、其他说明本应用会根据业务需要调整上述"
    "第三方SDK，并及时更新本说明。\n"
)


def test_bracket_numbered_fields_of_a_glued_page_stay_with_their_record(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "glued.txt", _BRACKET_FIELDS, catalog)
    push = only_row(d, "甲乙推送 SDK")
    assert push.company == "甲乙科技有限公司"
    assert row_permissions(push) == {"INTERNET", "ACCESS_NETWORK_STATE", "ACCESS_WIFI_STATE"}
    assert push.link == "https://push.jia.example/privacy"
    stat = only_row(d, "丙丁统计 SDK")
    assert stat.company == "丙丁网络有限公司"
    assert {"INTERNET", "READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"} <= row_permissions(stat)
    maps = only_row(d, "戊己地图 SDK")
    assert maps.company == "戊己信息技术有限公司"
    assert "ACCESS_FINE_LOCATION" in row_permissions(maps)


def test_a_number_stays_with_the_label_it_opens() -> None:
    parts = cut(_BRACKET_FIELDS.strip(), load_lexicon())
    assert "（1）公司名称：甲乙科技有限公司" in parts
    assert "（4）获取权限：联网、获取网络状态、获取WiFi状态" in parts
    assert not any(p in ("（1）", "（2）", "（4）", "（6）") for p in parts)


_SAME_LABEL_ITEMS = """\
附录一：SDK详细说明
8、SDK服务商：甲乙推送SDK
服务商名称：甲乙科技有限公司
使用目的：向用户推送消息
收集信息：设备型号、IP地址
9、SDK服务商：com.bing.stat(丙丁;丙丁统计;)、com.bing.core(丙丁)
服务商名称：丙丁网络有限公司
使用目的：统计应用使用情况
收集信息：MAC地址、软件安装列表
隐私政策：https://stat.bing.example/privacy
10、SDK服务商：戊己地图SDK
服务商名称：戊己信息技术有限公司
使用目的：展示地图
收集信息：位置信息
"""


def test_the_next_item_opening_with_the_same_label_opens_its_own_record(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "items.txt", _SAME_LABEL_ITEMS, catalog)
    push = only_row(d, "甲乙推送SDK")
    assert push.company == "甲乙科技有限公司"
    assert "mac" not in push.data_types and "installed-apps" not in push.data_types
    assert push.link == ""
    bing = [r for r in d.sdks if r.name.startswith("com.bing.stat")]
    assert len(bing) == 1, row_names(d)
    assert bing[0].company == "丙丁网络有限公司"
    assert {"mac", "installed-apps"} <= set(bing[0].data_types)
    assert bing[0].link == "https://stat.bing.example/privacy"


_OUTER_LIST = """\
一、我们收集的个人信息
1. 基本信息：当您注册本软件时，我们可能收集您的手机号码。
2. 设备标识信息：为了保障服务的安全性，我们会收集以下设备标识信息：
（1）IMEI：收集目的：用于设备识别；
收集方式：通过甲乙推送SDK自动收集；
（2）OAID：收集目的：用于推送消息；
收集方式：通过甲乙推送SDK自动收集；
（3）IP地址：收集目的：用于网络连接；
收集方式：在网络请求时自动收集；
（4）应用列表：收集目的：用于安全防护；
收集方式：通过甲乙推送SDK自动收集；
收集范围：仅用于安全防护，不会用于其他目的。
3. 使用信息：在您使用本软件过程中，我们会自动收集您的操作记录。
4. 位置信息：若您使用附近门店功能，我们会在获得您授权后，收集您的位置信息（包括精确位置和大致位置）。
"""


def test_a_record_ends_at_the_next_item_of_the_outer_list(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "outer.txt", _OUTER_LIST, catalog)
    assert scene_with(d, "位置信息") >= {"ACCESS_FINE_LOCATION"}


_OWN_ITEMS = """\
（一）共享
1、法定情形下的共享：根据法律法规规定，我们将对外共享您的个人信息。
2、在您明确同意的情况下共享：我们可能经您同意后向第三方共享您的账户信息。
3、与关联公司间共享：您的个人信息可能会与关联公司共享。
4、与授权合作伙伴的共享：我们的应用中会嵌入授权合作伙伴的SDK。
"""


def test_a_records_own_numbered_items_do_not_end_it(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "own.txt", _OWN_ITEMS, catalog)
    assert not any("共享" in name for name in scene_permissions(d)), scene_permissions(d)


def test_a_label_asking_for_a_name_names_nothing(tmp_path: Path, catalog: Catalog) -> None:
    text = ("第三方SDK列表：\n"
            "1、甲乙推送SDK：用于推送消息，收集设备型号\n"
            "2、丙丁统计SDK：用于统计分析，收集IP地址\n"
            "3、SDKk名称：戊己地图SDK\n"
            "4、戊己地图SDK：用于展示地图，收集位置信息\n")
    d = _read(tmp_path, "names.txt", text, catalog)
    assert not any("名称" in name for name in row_names(d)), row_names(d)


_PERMISSIONS_AFTER_ITEMS = """\
(c) 第三方服务提供商SDK
\t (1) 本应用使用了以下第三方SDK：
\t\t1）甲乙推送SDK：用于推送消息。链接:https://push.jia.example/privacy
\t\t2）丙丁统计SDK：用于统计分析。链接:https://stat.bing.example/privacy
\t\t3）戊己地图SDK：用于展示地图。链接:https://map.wu.example/privacy

\t (2) 甲乙推送SDK: 甲乙推送SDK需要收集您的设备型号，用于推送消息。

\t (3) 戊己地图SDK 使用戊己服务展示周边门店
\t设备信息： 设备品牌、型号、操作系统版本信息
向您提供周边门店的服务

(d) 本应用需要使用敏感权限时，需要用户手动同意。本应用需要访问的手机权限, 如下：

\t  1）android.permission.CAMERA：访问相机。社区模块提供了分享视频的功能，此权限用于录制作品。
      2）android.permission.RECORD_AUDIO：录音权限。用于录音功能。
"""


def test_an_item_that_went_on_at_its_depth_owns_no_permission_list_below(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "after.txt", _PERMISSIONS_AFTER_ITEMS, catalog)
    scenes = scene_permissions(d)
    assert {"CAMERA"} in scenes.values(), scenes
    assert {"RECORD_AUDIO"} in scenes.values(), scenes
    assert not any(r.permissions for r in d.sdks if r.name.startswith("戊己地图SDK")), row_names(d)


_OUTLINE_TITLES = """\
3.1第三方SDK
3.1.1推送
如您使用消息通知功能时 甲乙推送SDK会收集设备相关信息（Android ID、IMEI），调用的安卓权限可能包括INTERNET、READ_PHONE_STATE；
3.1.2丙丁统计SDK
如您使用本应用时 丙丁统计SDK会收集设备相关信息（MAC地址、IMSI、ip地址），调用的安卓的权限可能包括RECORD_AUDIO、ACCESS_NETWORK_STATE；
3.1.3戊己地图SDK
如您使用定位服务，戊己地图SDK会收集您的位置信息，调用的安卓权限可能包括ACCESS_FINE_LOCATION；
"""


def test_a_numbered_title_names_the_sdk_its_paragraph_describes(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "titles.txt", _OUTLINE_TITLES, catalog)
    stat = only_row(d, "丙丁统计SDK")
    assert {"mac", "imsi", "ip"} <= set(stat.data_types)
    assert {"RECORD_AUDIO", "ACCESS_NETWORK_STATE"} == row_permissions(stat)
    maps = only_row(d, "戊己地图SDK")
    assert {"ACCESS_FINE_LOCATION"} == row_permissions(maps)


_CAPITAL_ITEMS = (
    "C.广告、分析服务类的授权合作伙伴。除非得到您的许可，否则我们不会将您的个人身份信息与提供广告、分析服务的合作伙伴分享。"
    "我们目前合作的第三方SDK名单如下：甲乙推送SDK、丙丁统计SDK、戊己地图SDK。我们的合作伙伴仅将共享的个人信息用于以下用途："
    "A、甲乙推送SDK用于向用户推送通知消息，改进产品体验。第三方名称：甲乙科技有限公司收集个人信息类型：设备信息（IMEI/MAC/"
    "Android ID）隐私政策链接："
    "https://push.jia.example/privacy.htmlB、丙丁统计SDK用于统计应用错误日志和活跃数目。收集个人信息类型：设备型号、IP地址"
    "隐私政策链接：https://stat.bing.example/privacy.htmlC、戊己地图SDK用于在用户同意授权定位权限后，获取用户定位信息。"
    "四、我们如何存储您的个人信息我们依照法律法规的规定，将在境内运营过程中收集和产生的您的个人信息存储于中华人民共和国境内。\n"
)


def test_capital_lettered_items_of_a_glued_page(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "capitals.txt", _CAPITAL_ITEMS, catalog)
    push = only_row(d, "甲乙推送SDK")
    assert {"imei", "mac", "android-id"} <= set(push.data_types)
    assert push.company == "甲乙科技有限公司"
    assert push.link == "https://push.jia.example/privacy.html"
    stat = only_row(d, "丙丁统计SDK")
    assert "ip" in stat.data_types
    assert stat.link == "https://stat.bing.example/privacy.html"
    assert "戊己地图SDK" in row_names(d)


_NAMES_OVER_PARAGRAPHS = """\
Below you find a description of the third-party service providers we use:
Fire Analytics
This is a service that identifies the user by a unique ID assigned to the device and records the IP address.
Zeta Ads, Omega Maps, Sigma Push, Tau Maps, Crashfox, Acme DB
These are services we use for advertising and reports. They may collect your advertising ID and location.
Acme Attribution
Acme's services let us attribute app installs to the campaigns that brought them.
"""


def test_a_title_naming_several_services_over_their_paragraph(tmp_path: Path) -> None:
    catalog = made_up_catalog("fire-analytics", "zeta-ads", "omega-maps", "sigma-push", "tau-maps", "crashfox",
                              "acme-db", "acme-attribution")
    d = _read(tmp_path, "titles.txt", _NAMES_OVER_PARAGRAPHS, catalog)
    assert {"Zeta Ads", "Omega Maps", "Sigma Push", "Tau Maps", "Crashfox", "Acme DB"} <= set(row_names(d))
    assert "advertising-id" not in only_row(d, "Fire Analytics").data_types
    assert "advertising-id" in only_row(d, "Tau Maps").data_types


_SUMMING_UP = """\
5.经您同意后收集的其他信息 为向您提供更便捷的服务，我们的部分功能可能需要您提供特定的个人敏感信息来实现。
（1）基于摄像头（相机）的应用功能：您可在开启相机/摄像头权限后完成拍照、扫码的功能。
（2）基于麦克风语音技术的应用功能：您可在开启麦克风权限后直接使用麦克风来进行录音。
（3）基于通讯录信息的应用功能：我们将在您开启通讯录权限后收集您的通讯录信息。
（4）基于日历的应用功能：我们将在您开启可读取/写入您日历的权限后，收集您的日历信息用于提醒。 您理解并同意，上述应用功能可能需要您在您的设备中向我们开启您的相机（摄像头）、麦克风、通讯录及日历的访问权限。
"""


def test_a_summing_up_run_into_the_last_item_is_none_of_its_uses(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "summing.txt", _SUMMING_UP, catalog)
    assert scene_with(d, "日历") == {"READ_CALENDAR"}
    assert scene_with(d, "通讯录") == {"READ_CONTACTS"}


def test_an_item_labelled_with_a_party_is_no_permission_item(catalog: Catalog) -> None:
    text = ("(2)消息推送服务供应商：由丙丁网络有限公司提供推送技术服务，我们可能会将您的设备平台、设备识别码等设备信息"
            "以及位置相关信息提供给丙丁网络有限公司")
    lexicon = load_lexicon()
    lines = (Line(1, text),)
    ctx = Context(lexicon, build_resolver(catalog, lexicon).names, analyse(lines, lexicon))
    assert _item(lines[0], 0, ctx, topic=True) is None  # (in a section about permissions, too)
    assert _item(Line(1, "(3)位置权限：用于查找附近门店"), 0, ctx, topic=True) is not None


_LETTERED_IN_SECTION = """\
1.4业务功能四：其他附加服务
为向您提供更便捷的服务，我们在以下附加服务中可能会收集和使用您的个人信息。
a.基于相机/摄像头的附加服务：您可在开启相机/摄像头权限后使用该功能进行扫码。
b.基于日历的附加服务：在您开启我们可读取/写入您日历的权限后，我们将收集您的日历信息用于提醒活动的开始时间。
1.5业务功能五：支付结算及提现
为方便您完成支付结算，您需提供您的姓名和银行卡号。
"""


def test_a_lettered_item_ends_at_the_next_section(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "sections.txt", _LETTERED_IN_SECTION, catalog)
    scenes = scene_permissions(d)
    assert not any("支付" in name for name in scenes), scenes
    assert {"READ_CALENDAR"} in scenes.values(), scenes


_STACKED_BLOCKS = """\
第三方SDK列表


 甲乙推送SDK


 SDK名称
甲乙推送SDK


 包名
com.jia.push


 使用权限

android.permission.READ_PHONE_STATE
android.permission.ACCESS_NETWORK_STATE


 涉及个人信息
设备标识信息


 隐私链接
https://push.jia.example/privacy




 丙丁统计SDK


 SDK名称
丙丁统计SDK


 包名
com.bing.stat


 使用权限

android.permission.WRITE_EXTERNAL_STORAGE


 涉及个人信息
存储文件


 隐私链接
https://stat.bing.example/privacy
"""


def test_records_written_as_blocks_of_label_and_value_lines(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "blocks.txt", _STACKED_BLOCKS, catalog)
    push = [r for r in d.sdks if r.name == "甲乙推送SDK" and r.link]
    assert len(push) == 1, [(r.name, r.link) for r in d.sdks]
    assert row_permissions(push[0]) == {"READ_PHONE_STATE", "ACCESS_NETWORK_STATE"}
    assert push[0].link == "https://push.jia.example/privacy"
    stat = [r for r in d.sdks if r.name == "丙丁统计SDK" and r.link]
    assert len(stat) == 1, [(r.name, r.link) for r in d.sdks]
    assert row_permissions(stat[0]) == {"WRITE_EXTERNAL_STORAGE"}
    assert stat[0].link == "https://stat.bing.example/privacy"


def test_a_flattened_tables_titles_are_no_stacked_labels(tmp_path: Path, catalog: Catalog) -> None:
    text = ("SDK名称\n使用目的\n隐私链接\n甲乙推送SDK\n推送消息\nhttps://push.jia.example/privacy\n"
            "丙丁统计SDK\n统计分析\nhttps://stat.bing.example/privacy\n")
    d = _read(tmp_path, "flat.txt", text, catalog)
    assert [(r.name, r.link) for r in d.sdks] == [("甲乙推送SDK", "https://push.jia.example/privacy"),
                                                  ("丙丁统计SDK", "https://stat.bing.example/privacy")]
