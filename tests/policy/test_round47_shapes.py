"""Shapes read right in round 47, in our own words with made-up names, expected values written by hand.

- Items numbered with circled numerals ("①、甲乙推送SDK，为提供推送服务，可能会收集您的…" over "SDK包名：…", up to "㉑"
  and beyond) are a list's items: each item its row, named without its numeral; a record opened by such an item ends
  at the next numeral ("⑱" then "⑲"), whatever that item's words; and "(1)…(5)" items beside them at the same depth
  are another list (the policy's own sharing rules, no SDKs).
- An item naming an SDK and then what it does, then what it collects comma after comma ("某某联盟，为提供广告，可能会
  收集您的IP地址、设备型号、…", "某某SDK 可能会接收…") is that SDK's item, not a list of data; "另外，第三方还会收集…"
  still names nothing.
- A line pointing the reader elsewhere ("详细内容请访问") is no name of a record.
- At equal confidence a structure that claims nothing (labelled lines naming no SDK and no scene) gives way to one
  that claims something.
- An item naming two products ("甲乙推送SDK、壬癸联运SDK") is two rows; the packages the item lists are theirs together,
  so a product whose own name the catalog knows keeps its entry.
- A flattened table whose last column holds package names, a cell of several parties each a line apart
  ("中国甲网" / "中国乙网" / "中国丙网"): each row ends at its package names, and each party is a row of its own.
- Header titles: "第三方包名" is the package-name column (a party's word opens it, the field's word heads it), "涉及个人
  隐私" the data column; "开发者信息" stays the company's.
- A sentence whose subject is an SDK's own name, written with the SDK word before the verb of collecting
  ("癸丑风控SDK将收集您的…", "若调用子丑分享SDK将收集…"), names that SDK, known to the catalog or not; "该SDK将收集…"
  names none.
- A heading that is all an SDK's own name ("#### 1.5 寅卯美颜 SDK", a vendor page's section per product) names that
  SDK; a heading of a kind ("### 推送SDK") or of what is done with one ("## 接入SDK") does not.
- A row named only by its vendor ("甲乙") whose purpose says what the SDK does ("消息推送") is the vendor's one SDK of
  that kind.
- Permission labels as Android and policies write them: "控制近距离通信" (NFC), "安装应用程序"
  (REQUEST_INSTALL_PACKAGES), "管理蓝牙设备" (BLUETOOTH_ADMIN), "访问网络信息" (ACCESS_NETWORK_STATE).
- An item saying what a kind of SDK is for ("（2）用于提供支付功能的 SDK；") names no SDK.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.claims import ExtractorKind, RowFacts, SdkClaim, Structure
from auditor.policy.coordinator import settle
from auditor.policy.extractors import REGISTRY
from auditor.policy.lexicon_data import load_lexicon
from tests.policy.helpers import entry, made_up_catalog, memory_catalog, only_row, row_names, scene_with
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "wu-map", "xin-share")


_CIRCLED = """\
三、我们如何共享您的个人信息
\t\t(1) 在获取明确同意的情况下共享：获得您的明确同意后，我们会与其他方共享您的个人信息。
\t\t(2) 在法定条件下共享：我们可能会根据法律法规规定对外共享您的个人信息。
\t\t(3) 与授权合作伙伴共享：我们的某些服务将由授权合作伙伴提供，如推广服务、产品分析服务。

\t\t⑰、甲乙推送SDK 为提供信息推送服务，可能会在后台状态下收集您的ip地址、设备信息（Android id、IMEI）、屏幕参数、MAC设备地址
\t\t隐私权政策说明：https://push.jia.example/privacy
\t\tSDK包名：com.jia.push

\t\t⑱、丙丁统计SDK
\t\t官网地址：https://stat.bing.example
\t\tSDK包名：com.bing.stat
\t\t⑲、庚辛加固平台共享： 庚辛加固平台服务包括基础加固服务、数据分析服务
\t\t⑳、戊己地图SDK 可能会接收并记录您所使用的设备相关信息（例如设备型号、操作系统版本、设备设置、MAC地址及IMEI、OAID）
\t\t隐私政策说明：https://map.wu.example/privacy
\t\tSDK包名：com.wu.map
\t\t㉑、壬癸联盟，为提供请求广告信息，可能会在后台状态下收集您的ip地址、设备信息（例如硬件型号、操作系统版本号）、地理位置信息
\t\t详细内容请访问
\t\t隐私政策说明：https://ads.rengui.example/privacy
\t\tSDK包名：com.rengui.ads
"""


def test_circled_numeral_items_are_rows_named_without_their_numeral(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "circled.txt", _CIRCLED, catalog)
    names = row_names(d)
    for name in ("甲乙推送SDK", "丙丁统计SDK", "庚辛加固平台共享", "戊己地图SDK", "壬癸联盟"):
        assert name in names
    assert not any(n[0] in "⑰⑱⑲⑳㉑" for n in names)  # no numeral left on a name
    assert not any("共享" in n and n != "庚辛加固平台共享" for n in names)  # "(1) 在…共享": the policy's rules, no SDKs
    assert "详细内容请访问" not in names
    assert only_row(d, "丙丁统计SDK").link == "https://stat.bing.example"  # ⑲ ended ⑱'s record: not its fields
    assert {"ip", "android-id", "imei", "mac"} <= set(only_row(d, "甲乙推送SDK").data_types)
    assert {"device-model", "mac", "imei", "oaid"} <= set(only_row(d, "戊己地图SDK").data_types)
    assert only_row(d, "壬癸联盟").link == "https://ads.rengui.example/privacy"


def test_circled_numerals_count_from_one_to_fifty() -> None:
    from auditor.policy.text import circled_number
    assert [circled_number(c) for c in "①⑩⑳㉑㉟㊱㊿"] == [1, 10, 20, 21, 35, 36, 50]
    assert circled_number("1") == 0 and circled_number("") == 0


def test_a_sentence_of_data_after_a_connective_names_nothing(tmp_path: Path, catalog: Catalog) -> None:
    text = ("1.5.1. 我们接入了甲乙推送SDK，用于推送消息。\n"
            "1.5.2. 另外，第三方还会收集您设备的设备版本、系统版本、手机样式、iccid、bssid、MAC地址、IMSI、IMEI、OAID\n")
    d = _read(tmp_path, "another.txt", text, catalog)
    assert "另外" not in row_names(d)


def test_a_structure_claiming_nothing_gives_way_at_equal_confidence() -> None:
    order = [e.kind for e in REGISTRY]
    empty = Structure(ExtractorKind.KEY_VALUE, 3, 4, 0.6)
    named = Structure(ExtractorKind.LIST, 2, 4, 0.6, sdks=(SdkClaim(RowFacts(name="甲乙推送SDK"), 2, 4),))
    assert settle([empty, named], order) == [named]
    # (a more confident structure still wins, claiming nothing or not)
    sure = Structure(ExtractorKind.KEY_VALUE, 3, 4, 0.7)
    assert settle([sure, named], order) == [sure]


def test_an_item_naming_two_products_gives_each_its_own_entry(tmp_path: Path) -> None:
    catalog = memory_catalog(
        entry("jia-push", "甲乙推送", "甲乙推送SDK", vendor="甲乙科技有限公司", classes=("com.jia.push",)),
        entry("jia-connect", "甲乙联运", vendor="甲乙科技有限公司", classes=("com.jia.connect",)))
    text = ("第三方SDK：\n"
            "1、甲乙推送SDK、壬癸联运SDK，为提供信息推送服务，可能会在后台状态下收集您的设备相关信息（IMEI号，Android ID）\n"
            "SDK包名：com.jia   、com.jia.connect\n"
            "2、丙丁统计SDK，用于统计\n")
    d = _read(tmp_path, "two.txt", text, catalog)
    assert only_row(d, "甲乙推送SDK").id == "jia-push"  # its own name's entry, not the other product's package
    assert only_row(d, "壬癸联运SDK").id == "jia-connect"  # unknown name: the item's package says which


_PARTIES = """\
第三方可能收集的信息

    （一）为提供服务之目的，本产品通过接入第三方服务实现部分技术功能，第三方服务可能收集的信息如下：



功能类型
使用目的
第三方名称
涉及个人隐私
第三方包名


一键登录
根据用户选择，为用户提供一键登录功能



中国甲网


中国乙网


中国丙网




                设备信息，用户手机号

com.jiawang.auth



IM
应用内即时通信

                子丑云信

                设备信息

com.zichou.im



异常日志采集
采集应用运行崩溃信息
寅卯异常采集
设备信息
com.yinmao.crash



用户定位
用户发布动态时使用
戊己地图
设备信息
com.wu.map
"""


def test_a_flattened_table_with_package_names_and_a_cell_of_several_parties(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "parties.txt", _PARTIES, catalog)
    names = row_names(d)
    assert names[:3] == ["中国甲网", "中国乙网", "中国丙网"]
    assert set(names) >= {"子丑云信", "寅卯异常采集", "戊己地图"}
    assert only_row(d, "中国乙网").package_names == ("com.jiawang.auth",)
    assert only_row(d, "子丑云信").package_names == ("com.zichou.im",)
    assert only_row(d, "寅卯异常采集").package_names == ("com.yinmao.crash",)
    assert "phone-number" in only_row(d, "中国甲网").data_types


def test_header_titles_headed_by_their_last_word() -> None:
    lexicon = load_lexicon()
    assert lexicon.role("第三方包名") == "packages"
    assert lexicon.role("涉及个人隐私") == "data"
    assert lexicon.role("开发者信息") == "company"
    assert lexicon.role("第三方名称") == "company"
    assert lexicon.role("第三方隐私政策") == "link"


def test_an_sdk_named_before_what_it_collects_is_a_row(tmp_path: Path, catalog: Catalog) -> None:
    text = ("v.为了保障您的信息安全，此时癸丑风控SDK将收集您的个人常用设备信息（设备MAC地址、唯一设备识别码（IMEI、IMSI）、"
            "IP地址、传感器信息）。\n"
            "vi.如您选择分享，若调用子丑分享SDK将收集您的应用ID、设备型号。\n"
            "vii.该SDK将收集您的设备型号。第三方SDK将收集您的IP地址。\n")
    d = _read(tmp_path, "subjects.txt", text, catalog)
    names = row_names(d)
    assert "癸丑风控SDK" in names
    assert {"mac", "imei", "imsi", "ip", "sensors"} <= set(only_row(d, "癸丑风控SDK").data_types)
    assert "子丑分享SDK" in names  # (not "若调用子丑分享SDK")
    assert not any(n in ("该SDK", "第三方SDK") for n in names)


_SECTIONS = """\
## 接入SDK

开发者接入本SDK前请阅读本政策。

#### 1.5 寅卯美颜 SDK

寅卯AI美颜是为移动应用开发者提供的图像渲染能力的软件开发包。为实现相关功能，我们将收集和使用设备型号、操作系统版本。

### 推送SDK

本节说明推送的合规要求。
"""


def test_a_heading_that_is_an_sdks_own_name_names_it(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "sections.md", _SECTIONS, catalog)
    assert row_names(d) == ["寅卯美颜 SDK"]


def test_a_row_named_by_its_vendor_takes_the_vendors_sdk_its_purpose_names(tmp_path: Path) -> None:
    catalog = memory_catalog(
        entry("jia-push", "甲乙推送", vendor="甲乙", category="push"),
        entry("jia-map", "甲乙地图", vendor="甲乙", category="maps"),
        entry("bing-map", "丙丁地图", vendor="丙丁", category="maps"))
    text = ("| 第三方名称 | 使用目的 | 收集个人信息 |\n|---|---|---|\n"
            "| 甲乙 | 为用户提供通知消息推送 | 设备型号 |\n| 丙丁 | 为用户提供通知消息推送 | 设备型号 |\n")
    d = _read(tmp_path, "vendor.md", text, catalog)
    assert [(r.name, r.id) for r in d.sdks] == [("甲乙", "jia-push"), ("丙丁", None)]  # (丙丁 has no push SDK)


@pytest.mark.parametrize(("label", "constant"), [
    ("控制近距离通信", "android.permission.NFC"),
    ("安装应用程序", "android.permission.REQUEST_INSTALL_PACKAGES"),
    ("管理蓝牙设备", "android.permission.BLUETOOTH_ADMIN"),
    ("访问网络信息", "android.permission.ACCESS_NETWORK_STATE"),
])
def test_permission_labels_as_policies_write_them(label: str, constant: str) -> None:
    assert constant in {p for p, _ in load_lexicon().permissions_in(label)}


def test_a_permission_list_item_with_the_nfc_label_pairs_its_scene(tmp_path: Path, catalog: Catalog) -> None:
    text = "权限申请说明：\n1、控制近距离通信：用于刷卡乘车时读取交通卡\n2、安装应用程序：用于应用内升级\n"
    d = _read(tmp_path, "nfc.txt", text, catalog)
    assert scene_with(d, "刷卡乘车", described=True) == {"NFC"}
    assert scene_with(d, "应用内升级", described=True) == {"REQUEST_INSTALL_PACKAGES"}


def test_an_item_saying_what_a_kind_of_sdk_is_for_names_none(tmp_path: Path, catalog: Catalog) -> None:
    text = ("2、第三方应用工具包的使用：我们在APP中采用了第三方提供的以下几类SDK：\n"
            "（1）用于支持快捷注册或登录的 SDK；\n（2）用于提供支付功能的 SDK；\n（3）用于进行数据监测的 SDK。\n")
    d = _read(tmp_path, "kinds.txt", text, catalog)
    assert not [n for n in row_names(d) if n.startswith("用于")]


def test_a_clause_whose_subject_is_an_sdk_gives_its_row_permissions_not_a_scene(tmp_path: Path, catalog: Catalog) -> None:
    text = ("ii.在额度激活环节\n"
            "为了验证您的身份以及风控的需要，丙丁统计SDK基于相机权限、读写设备存储权限采集您的设备型号、身份证件信息。\n"
            "iii.在登录环节\n"
            "为了保证登录服务正常运行，您使用丙丁统计SDK登录时，我们需要获取您的电话权限。\n")
    d = _read(tmp_path, "subject.txt", text, catalog)
    assert "CAMERA" in {p.rsplit(".", 1)[-1] for p in only_row(d, "丙丁统计SDK").permissions}
    assert not [s for s in d.scenes if "风控" in s.name]  # the SDK's use, no scene of the app's
    assert scene_with(d, "登录服务", described=True) == {"READ_PHONE_STATE"}  # the app's own (我们)
