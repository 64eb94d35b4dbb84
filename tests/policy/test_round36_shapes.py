"""Shapes read right in round 36: an SDK's record whose data stands in its purpose; SDK items numbered as sections
are ("（三）某某 SDK：…") and the permissions their sentences ask for; SDKs named with their SDK word as a clause's
subject; a feature's record whose "third parties used" label holds sentences naming SDKs; an SDK named again in a
sentence with its SDK word after a list named it with its package; "用途目的" as a label; a table keyed by data with a
column naming the SDKs that get each item; a run-on line naming SDK after SDK. In our own words, expected values
written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import made_up_catalog
from tests.policy.helpers import only_row as _row
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import row_names as _names


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("crashfox", "fire-analytics", "fire-crash", "jia-push", "bing-stat", "wechat-open",
                           "weibo-open", "qq-open")


# -- an SDK's record whose data stands in its purpose ------------------------------------------------------------

PURPOSE_DATA = """\
第三方SDK目录

1、SDK名称：丙丁厂商推送
公司名称：丙丁通信有限公司
用途目的：读取IMEI、MAC地址、IP地址和网络类型后下发订阅提醒
隐私政策：https://push.example.cn/privacy

2、SDK名称：戊己云存储SDK
公司名称：戊己网络有限公司
用途目的：让您把作品图片存进云端相册
隐私政策：https://cloud.example.cn/privacy
"""


def test_a_records_data_listed_in_its_purpose_is_its_data(tmp_path: Path, catalog: Catalog) -> None:
    # no label says what the SDK collects; its purpose lists four data items before saying what for
    d = _read(tmp_path, "purpose_data.txt", PURPOSE_DATA, catalog)
    assert set(_row(d, "丙丁厂商推送").data_types) == {"mac", "imei", "network-state", "ip"}


def test_a_purpose_naming_one_thing_it_handles_is_no_data_list(tmp_path: Path, catalog: Catalog) -> None:
    # guard: "作品图片" says what the feature stores, not a list of what the SDK collects
    d = _read(tmp_path, "purpose_data.txt", PURPOSE_DATA, catalog)
    assert _row(d, "戊己云存储SDK").data_types == ()


# -- SDK items numbered as sections are --------------------------------------------------------------------------

SECTION_NUMBERED = """\
七、本应用接入的第三方 SDK
（一）甲乙推送 SDK：给您发送订单提醒，需要开启【通知】权限。
（二）丙丁识别 SDK：扫描证件时需要打开【相机】和【存储】权限，
读取证件照片后完成实名登记。
（三）戊己安全 SDK：付款前检查设备环境，所需权限：【读取设备信息】。
八、联系我们
"""


def test_sdk_items_numbered_as_sections_are_rows(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "section_numbered.txt", SECTION_NUMBERED, catalog)
    assert {"甲乙推送 SDK", "丙丁识别 SDK", "戊己安全 SDK"} <= set(_names(d))


def test_an_items_sentence_asking_for_permissions_gives_its_permissions(tmp_path: Path, catalog: Catalog) -> None:
    # "需要打开【相机】和【存储】权限": the words between the verb and the permission word name them
    d = _read(tmp_path, "section_numbered.txt", SECTION_NUMBERED, catalog)
    assert {"android.permission.CAMERA", "android.permission.READ_EXTERNAL_STORAGE"} <= set(
        _row(d, "丙丁识别 SDK").permissions)


def test_a_list_after_the_permission_word_gives_no_permissions(tmp_path: Path, catalog: Catalog) -> None:
    # guard: what follows "设备权限有：" mixes data and permissions; its data words are no permissions of the row
    text = ("第三方SDK列表\n1、“丙丁推送”：该SDK由丙丁科技有限公司开发，用于发送订单提醒。需要读取的手机信息与设备权限有：\n"
            "设备标识（IMEI号、Android ID）、联网信息（网络状态、IP地址）\n\n"
            "2、“戊己统计”：该SDK由戊己网络有限公司开发，用于统计页面访问。需要读取的手机信息与设备权限有：\n"
            "设备标识（OAID）、联网信息（网络状态）\n")
    d = _read(tmp_path, "listed_after.txt", text, catalog)
    assert d.sdks and all("android.permission.ACCESS_NETWORK_STATE" not in r.permissions for r in d.sdks)


SECTION_TITLES = """\
四、您的资料会交给谁
（一）共享
除本说明写明的情形外，本应用不把您的资料交给别人。
（二）转让
本应用不会把您的资料转交给其他机构。
（三）通过第三方SDK收集信息的情形
为了及时提醒您，本应用接入了甲乙推送SDK，由它发送订单消息。
"""


def test_sections_numbered_so_are_no_rows(tmp_path: Path, catalog: Catalog) -> None:
    # guard: the section titles name no SDK; the SDK the last section names is the page's one row
    d = _read(tmp_path, "section_titles.txt", SECTION_TITLES, catalog)
    assert _names(d) == ["甲乙推送SDK"]


def test_a_list_item_on_collecting_through_third_party_sdks_is_no_row(tmp_path: Path, catalog: Catalog) -> None:
    text = "第三方SDK列表\n1、通过第三方SDK收集信息的情形\n2、甲乙推送SDK\n使用目的：推送消息\n3、丙丁统计SDK\n使用目的：统计分析\n"
    d = _read(tmp_path, "titled_item.txt", text, catalog)
    assert "通过第三方SDK收集信息的情形" not in _names(d)
    assert {"甲乙推送SDK", "丙丁统计SDK"} <= set(_names(d))


# -- SDKs named with their SDK word as a clause's subject ------------------------------------------------------------

@pytest.mark.parametrize("text, names", [
    ("合作方：微信SDK、微博SDK、QQ SDK，当您用其他账号登录时，它们会读取设备型号。",
     ["微信SDK", "微博SDK", "QQ SDK"]),
    ("接入:丙丁滤镜SDK，当您调节画面色调时，此SDK读取设备型号；戊己抠图SDK，当您使用一键抠图时，此SDK读取IP地址。",
     ["丙丁滤镜SDK", "戊己抠图SDK"]),
    ("登录服务由运营商提供。Zfox SDK，用于识别商品条码。", ["Zfox SDK"]),
])
def test_sdks_opening_a_clause_are_named(text: str, names: list[str]) -> None:
    from auditor.policy.extractors.prose import clause_sdks
    assert [text[a:b] for a, b in clause_sdks(text)] == names


@pytest.mark.parametrize("text", [
    "这些SDK，当您分享作品时，会读取设备型号。",  # which SDKs, not one
    "本SDK，用于统计。",
    "我们的产品会使用微信SDK。",  # no clause of its own: after a verb, the integrating rule's business
    "丙丁滤镜SDK读取设备型号。",  # a lone SDK word with no clause saying when or what for after it
    "上述功能需要调用甲乙科技SDK，用于清理缓存。",  # a sentence's words before the SDK word, not a name
    "本应用会使用推送SDK，用于推送消息。",
])
def test_words_about_sdks_opening_a_clause_name_none(text: str) -> None:
    from auditor.policy.extractors.prose import clause_sdks
    assert clause_sdks(text) == []


FEATURE_SECTIONS = """\
一、我们会用到哪些信息
1、账号登录
收集的个人信息：注册时我们会记录您的手机号码。
使用的第三方：微信SDK、微博SDK、QQ SDK，当您用其他账号登录时，这些SDK会读取您的OAID与Android ID。
2、画面调色
收集的个人信息：您调色时，我们只在本机处理画面。
使用的第三方:丙丁滤镜SDK，当您调节画面色调时，此SDK读取OAID与MAC地址；戊己抠图SDK，当您使用一键抠图时，此SDK读取IP地址。
"""


def test_a_features_third_parties_label_holds_sentences_naming_sdks(tmp_path: Path, catalog: Catalog) -> None:
    # the feature's title is no SDK; the SDKs are those its "使用的第三方" sentences name, each with what it collects
    d = _read(tmp_path, "features.txt", FEATURE_SECTIONS, catalog)
    assert set(_names(d)) == {"微信SDK", "微博SDK", "QQ SDK", "丙丁滤镜SDK", "戊己抠图SDK"}
    assert set(_row(d, "丙丁滤镜SDK").data_types) == {"oaid", "mac"}
    assert _row(d, "戊己抠图SDK").data_types == ("ip",)


# -- an SDK named again in a sentence, with its SDK word --------------------------------------------------------------

def test_an_sdk_named_again_with_its_sdk_word_is_one_row(tmp_path: Path, catalog: Catalog) -> None:
    # a sentence names the listed SDK again, with its SDK word and without its package: the same SDK, no new row
    text = ("第三方SDK列表\n"
            "- jiayi-images (com.jiayi.images)：用于加载图片\n"
            "- bingding-notify (com.bingding.notify)：用于发送通知\n\n"
            "二、消息通知\n"
            "本应用的通知服务：bingding-notify SDK，当您退出应用后，该 SDK 可能在后台自行唤起。\n")
    d = _read(tmp_path, "again.txt", text, catalog)
    assert sorted(_names(d)) == ["bingding-notify (com.bingding.notify)", "jiayi-images (com.jiayi.images)"]


# -- "用途目的" as a label -------------------------------------------------------------------------------------------

GLUED_RECORDS = [  # name, company, purpose, data, link
    ("丙丁客服", "成都丙丁网络科技有限公司", "为店铺提供在线答疑和自动回复", "设备MAC地址、设备型号", "https://kf.example.cn/privacy"),
    ("戊己加油", "戊己商业服务有限公司", "读取您的手机号，以便免密登录", "手机号码", "https://oil.example.cn/privacy"),
    ("庚辛出行", "杭州庚辛科技有限公司", "读取您的手机号，以便免密登录", "手机号码、位置信息", "https://car.example.cn/secret"),
    ("壬癸推送", "壬癸终端有限公司", "向壬癸手机下发消息", "设备MAC地址、唯一设备标识码", "https://push.example.cn/privacy"),
]


def test_a_purpose_label_glued_after_a_company_ends_the_company(tmp_path: Path, catalog: Catalog) -> None:
    # a list run into one line: "用途目的" is a label of its own, where the company's name ends
    text = "第三方SDK目录 " + "".join(
        f"{k}、SDK名称：{name}公司名称：{company}用途目的：{purpose}个人信息收集方式：SDK自行采集后上传"
        f"个人信息收集范围：{data}隐私政策：{link} " for k, (name, company, purpose, data, link) in enumerate(GLUED_RECORDS, 1))
    d = _read(tmp_path, "glued.txt", text + "\n", catalog)
    assert [(r.name, r.company) for r in d.sdks] == [(name, company) for name, company, *_ in GLUED_RECORDS]


# -- a table keyed by data, a column naming the SDKs that get each item --------------------------------------------

DATA_FIRST = """\
## Data we collect

| Data | Purpose | Collected via |
|---|---|---|
| Device model and OS version | Compatibility analysis | Crashfox, Fire Analytics |
| IP address | Fraud prevention | Fire Analytics |
| Crash logs | App stability | Fire Crashlytics |
"""


def test_a_data_keyed_tables_sdk_column_names_one_row_per_sdk(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "data_first.md", DATA_FIRST, catalog)
    assert sorted(_names(d)) == ["Crashfox", "Fire Analytics", "Fire Crashlytics"]
    assert set(_row(d, "Fire Analytics").data_types) == {"device-model", "ip"}
    assert set(_row(d, "Crashfox").data_types) == {"device-model"}


def test_a_name_cell_with_a_comma_in_an_sdk_keyed_table_stays_one_row(tmp_path: Path, catalog: Catalog) -> None:
    # guard: the table is keyed by SDK; "丙丁登录、分享" is one row's name, not two SDKs
    text = ("| SDK名称 | 使用目的 | 收集的个人信息 |\n|---|---|---|\n"
            "| 丙丁登录、分享 | 登录与分享 | 设备型号 |\n| Crashfox | 崩溃分析 | IP地址 |\n")
    d = _read(tmp_path, "sdk_first.md", text, catalog)
    assert sorted(_names(d)) == ["Crashfox", "丙丁登录、分享"]


# -- a run-on "sentence" naming SDK after SDK ----------------------------------------------------------------------

RUN_ON = (
    "第三方SDK目录：下列工具包由合作方开发，本应用调用它们完成登录、分享、推送与统计等功能，以下按表格顺序逐一写明它们的信息。"
    "SDK名称 所属公司 官方网站 使用目的 收集数据 "
    "微信SDK腾讯科技有限公司https://open.example.com/用于实现微信登录与分享内容到微信好友和朋友圈的功能设备型号、网络状态"
    "https://open.example.com/privacy "
    "微博SDK新浪网技术有限公司https://weibo.example.com/用于实现微博登录与分享内容到微博的功能MAC地址"
    "https://weibo.example.com/privacy "
    "甲乙推送SDK甲乙科技有限公司https://push.example.cn/用于向您推送订阅内容与系统通知消息IMEI、OAID等"
    "https://push.example.cn/privacy "
    "丙丁统计SDK丙丁网络有限公司https://stat.example.cn/用于统计应用崩溃日志以分析与修复应用缺陷IP地址"
    "https://stat.example.cn/privacy\n"
)


def test_a_run_on_list_gives_each_sdk_the_text_up_to_the_next(tmp_path: Path, catalog: Catalog) -> None:
    # a table whose cell and row breaks are lost: each SDK collects what follows its name, not what all rows list
    d = _read(tmp_path, "run_on.txt", RUN_ON, catalog)
    assert set(_row(d, "微博SDK").data_types) == {"mac"}
    assert set(_row(d, "甲乙推送SDK").data_types) == {"imei", "oaid"}
    assert set(_row(d, "丙丁统计SDK").data_types) == {"ip"}


def test_a_run_on_list_gives_each_sdk_the_company_right_after_its_name(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "run_on.txt", RUN_ON, catalog)
    assert _row(d, "微博SDK").company == "新浪网技术有限公司"
    assert _row(d, "甲乙推送SDK").company == "甲乙科技有限公司"
    assert _row(d, "丙丁统计SDK").company == "丙丁网络有限公司"


def test_names_enumerated_in_a_long_sentence_share_what_follows(tmp_path: Path, catalog: Catalog) -> None:
    # guard: an enumeration in one long sentence, its asides in brackets between the names, is no run of rows
    text = ("第三方SDK说明：为了向您提供登录、分享、推送与稳定性保障等服务，本应用接入了下列由合作伙伴提供的软件开发工具包，"
            "包括微信SDK（腾讯科技有限公司提供）、微博SDK（新浪网技术有限公司提供）、甲乙推送SDK（甲乙科技有限公司提供）"
            "以及丙丁统计SDK（丙丁网络有限公司提供），这些SDK在您使用对应功能时可能会收集您的设备型号与IP地址，以实现其功能并保障"
            "服务的安全与稳定，您可以在各合作伙伴的隐私政策中了解其处理个人信息的具体规则与方式并行使您的权利。\n")
    d = _read(tmp_path, "enumerated.txt", text, catalog)
    for name in ("微信SDK", "微博SDK", "甲乙推送SDK", "丙丁统计SDK"):
        assert set(_row(d, name).data_types) == {"device-model", "ip"}, name


# -- an address with the next cell's words run into its bare site ------------------------------------------------

@pytest.mark.parametrize("text, address", [
    ("甲乙统计https://www.example.com/数据统计设备信息", "https://www.example.com/"),
    ("官网www.example.cn/数据统计", "www.example.cn/"),
    ("https://push.example.com/甲乙推送隐私政策:https://push.example.com/privacy", "https://push.example.com/"),
])
def test_chinese_right_after_a_sites_slash_is_the_next_cells_words(text: str, address: str) -> None:
    from auditor.policy.text import URL_RE
    assert URL_RE.findall(text)[0] == address


@pytest.mark.parametrize("address", [
    "https://wiki.example.com/QQ互联SDK隐私保护声明",  # a page's path may be Chinese after a Latin word
    "https://baike.example.com/item/微信",  # or after a folder
    "https://www.example.com",
    "https://www.example.com/privacy?from=https://other.example.com/x",
])
def test_an_address_with_a_chinese_path_or_none_is_kept_whole(address: str) -> None:
    # guard: only Chinese right after the site's own slash ends an address
    from auditor.policy.text import URL_RE
    assert URL_RE.findall(f"见{address} ")[0] == address


@pytest.mark.parametrize("segment, company", [
    ("甲乙科技有限公司https://push.example.cn/用于推送", "甲乙科技有限公司"),
    ("：丙丁（北京）网络技术股份有限公司 官网", "丙丁（北京）网络技术股份有限公司"),
    ("科技有限公司https://stat.example.cn/", ""),  # the rest of a company named after the SDK ("北京甲乙统计科技有限公司")
    ("计算(北京)有限责任公司用于存储", ""),
    ("设备信息丙丁（中国）有限公司", ""),  # another cell's words run into the company
    ("用于实现消息推送功能", ""),
])
def test_the_company_opening_a_run_on_sdks_words(segment: str, company: str) -> None:
    from auditor.policy.extractors.prose import _leading_company
    assert _leading_company(segment) == company
