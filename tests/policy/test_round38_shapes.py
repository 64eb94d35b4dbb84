"""Shapes read right in round 38: list items marked with the letter a Word bullet became ("l 甲乙推送SDK"), a
numbered item over a field that gives its kind ("SDK类型：内容推荐"), a flattened table whose header names the party
and then its company ("第三方名称 / 所属公司名称"), a maker's channel named with the maker's word ("小米厂商通道"), a
name label holding an address ("官网SDK地址：https://…"), a pipe table with a note under it, and a glossary of
terms ("某某服务：指…"). In our own words, expected values written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.loader import load_document
from tests.policy.helpers import made_up_catalog, scene_permissions, scene_with
from tests.policy.helpers import only_row as _row
from tests.policy.helpers import read_text as _read
from tests.policy.helpers import row_names as _names


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat", "wu-map", "xiaomi-push", "acme-db", "zeta-ads", "omega-maps",
                           "sigma-push", "crashfox")


# -- the letter a Word bullet became ---------------------------------------------------------------------------

_ITEM = ("l {name}使用目的：{use}，以便我们持续改进服务质量并及时发现和处理各类异常情况。收集个人信息类型：设备型号、"
         "操作系统版本、网络类型、设备标识符。官网链接：https://{host}.example.cn/privacy适用平台：Android ")
LETTERED = ("四、第三方SDK 为实现上述功能，我们接入了以下第三方SDK，它们可能收集您的部分设备信息： " + "".join(
    _ITEM.format(name=n, use=u, host=h) for n, u, h in (
        ("甲乙推送SDK", "向您推送订单状态消息", "push"),
        ("丙丁统计SDK", "统计应用的活跃用户数量", "stat"),
        ("crash监控庚辛 SDK", "记录应用崩溃时的调用栈", "crash"),
        ("戊己地图SDK", "在地图上展示附近的门店位置", "map"),
        ("辛壬登录 SDK", "提供本机号码一键登录", "login"),
    )) + "五、其他\n")


def test_items_marked_with_a_lost_bullets_letter_are_rows(tmp_path: Path, catalog: Catalog) -> None:
    # one long line: each item opens with "l" between blanks, its name glued to its first label
    d = _read(tmp_path, "lettered.txt", LETTERED, catalog)
    assert _names(d) == ["甲乙推送SDK", "丙丁统计SDK", "crash监控庚辛 SDK", "戊己地图SDK", "辛壬登录 SDK"]
    assert _row(d, "丙丁统计SDK").link == "https://stat.example.cn/privacy"


def test_a_line_opening_with_a_lost_bullets_letter_reads_as_a_bullet(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("我们会收集以下信息：\nl 设备型号\nØ 网络类型\nlogin 页面\n5 l 水\n", encoding="utf-8")
    assert [line.text for line in load_document(path).lines] == \
        ["我们会收集以下信息：", "• 设备型号", "• 网络类型", "login 页面", "5 l 水"]


# -- a numbered item over the field giving its kind -----------------------------------------------------------

KINDS = """\
本应用接入的第三方SDK：
（1）甲乙内容平台
    SDK类型：内容推荐
    SDK描述：向服务端请求适合您的内容。
    SDK收集的信息：设备型号、IMEI。
（2）丙丁投屏
    SDK类型：工具
    SDK描述：把视频投到电视上。
    SDK收集的信息：设备型号。
"""


def test_a_numbered_items_name_stays_over_its_kind_field(tmp_path: Path, catalog: Catalog) -> None:
    # neither name is in the catalog; "内容推荐" and "工具" say what kind of SDK each item is
    d = _read(tmp_path, "kinds.txt", KINDS, catalog)
    assert _names(d) == ["甲乙内容平台", "丙丁投屏"]


NAMED_UNDER = """\
第三方SDK列表：
1、三方
SDK名称：丙丁统计
使用目的：统计活跃用户。
收集个人信息：设备型号。
2、三方
SDK名称：甲乙推送
使用目的：推送消息。
收集个人信息：设备标识符。
"""


def test_a_name_field_under_a_numbered_word_still_names_the_row(tmp_path: Path, catalog: Catalog) -> None:
    # (guard) "SDK名称" is no kind's label: the field names the row, not the item's word above it
    d = _read(tmp_path, "named_under.txt", NAMED_UNDER, catalog)
    assert _names(d) == ["丙丁统计", "甲乙推送"]


# -- a flattened table naming the party, then its company ------------------------------------------------------

PARTY_THEN_COMPANY = """\
本应用接入的第三方SDK见下表：
第三方名称
所属公司名称
申请的权限
功能
收集的个人信息
隐私政策链接




甲乙推送SDK
甲乙科技有限公司
获取设备信息
消息推送
设备型号、操作系统版本、OAID
https://push.example.cn/privacy


丙丁统计SDK
丙丁网络有限公司
网络权限
运营分析
设备型号、IP地址
https://stat.example.cn/privacy


庚辛人脸SDK
庚辛智能科技有限公司

          获取设备信息
          摄像头权限
\x20\x20\x20\x20\x20\x20
刷脸登录
设备型号、人脸图像
https://face.example.cn/privacy


戊己地图SDK
戊己信息技术有限公司
定位权限
展示附近门店
位置信息
https://map.example.cn/privacy
"""


def test_a_flattened_table_naming_the_party_then_its_company(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "party.txt", PARTY_THEN_COMPANY, catalog)
    assert _names(d) == ["甲乙推送SDK", "丙丁统计SDK", "庚辛人脸SDK", "戊己地图SDK"]
    assert [r.company for r in d.sdks] == ["甲乙科技有限公司", "丙丁网络有限公司", "庚辛智能科技有限公司",
                                           "戊己信息技术有限公司"]


PARTY_THEN_COMPANY_HTML = """\
<html><body><p>我们接入的第三方SDK：</p><table>
<tr><td>第三方名称</td><td>所属公司名称</td><td>功能</td><td>隐私政策链接</td></tr>
<tr><td>甲乙推送SDK</td><td>甲乙科技有限公司</td><td>消息推送</td><td>https://push.example.cn/privacy</td></tr>
<tr><td>丙丁统计SDK</td><td>丙丁网络有限公司</td><td>运营分析</td><td>https://stat.example.cn/privacy</td></tr>
<tr><td>庚辛人脸SDK</td><td>庚辛智能科技有限公司</td><td>刷脸登录</td><td>https://face.example.cn/privacy</td></tr>
</table></body></html>
"""


def test_a_table_naming_the_party_then_its_company(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "party.html", PARTY_THEN_COMPANY_HTML, catalog)
    assert [(r.name, r.company) for r in d.sdks] == [("甲乙推送SDK", "甲乙科技有限公司"),
                                                     ("丙丁统计SDK", "丙丁网络有限公司"),
                                                     ("庚辛人脸SDK", "庚辛智能科技有限公司")]


# -- a maker's channel, and a name label holding an address ---------------------------------------------------

CHANNELS = """\
（1）甲乙推送SDK
企业主体：甲乙科技有限公司
使用目的：向您推送消息
隐私政策：https://push.example.cn/privacy
官网SDK地址：https://push.example.cn/docs
（2）小米厂商通道
企业主体：庚辛通讯有限公司
使用目的：提高推送送达率
隐私政策：https://channel.example.cn/privacy
官网SDK地址：https://channel.example.cn/docs
（3）庚辛扫码组件
企业主体：庚辛智能科技有限公司
使用目的：识别二维码
隐私政策：https://scan.example.cn/privacy
官网SDK地址：https://scan.example.cn/docs
"""


def test_a_makers_channel_over_its_company_is_a_row(tmp_path: Path, catalog: Catalog) -> None:
    # "厂商" is a word of company labels; after a maker's word it is part of the product's name
    d = _read(tmp_path, "channels.txt", CHANNELS, catalog)
    assert _row(d, "小米厂商通道").company == "庚辛通讯有限公司"


def test_a_name_label_holding_an_address_opens_no_row(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "channels.txt", CHANNELS, catalog)
    assert _names(d) == ["甲乙推送SDK", "小米厂商通道", "庚辛扫码组件"]
    assert _row(d, "庚辛扫码组件").company == "庚辛智能科技有限公司"
    assert _row(d, "庚辛扫码组件").link == "https://scan.example.cn/privacy"


# -- a pipe table with a note under it ------------------------------------------------------------------------

NOTED_TABLE = """\
## Libraries

| Library | Used for | Data collected |
|---------|---------|----------------|
| Acme DB | Local database | None |
| secure\\_vault | Encrypted storage of settings | None |
| hash\\_kit | PIN hashing | None |
| web\\_fonts | Font rendering | May download font files |
| chart\\_lines | Charts | None |

> **Note:** The `web_fonts` package sends your IP address when it downloads fonts.

---

## Contact
"""


def test_a_pipe_table_with_a_note_under_it_keeps_its_rows(tmp_path: Path, catalog: Catalog) -> None:
    # the note is no row's line: every line of the table has all its cells, so no cell spans rows (the other
    # names are no catalog's: read as lines under the first, they were its data)
    d = _read(tmp_path, "noted.md", NOTED_TABLE, catalog)
    assert _names(d) == ["Acme DB", "secure_vault", "hash_kit", "web_fonts", "chart_lines"]


def test_a_note_under_a_pipe_table_is_no_cell_of_its_last_row(tmp_path: Path, catalog: Catalog) -> None:
    # the rule of dashes under the note is the page's, no separator row: the table ends with its last row
    d = _read(tmp_path, "noted.md", NOTED_TABLE, catalog)
    assert _row(d, "chart_lines").data_types == ()


# -- a glossary of terms --------------------------------------------------------------------------------------

GLOSSARY = """\
十一、关键词定义
关联公司：指与甲乙科技有限公司存在控制关系的企业。
甲乙服务：指甲乙科技有限公司向您提供的下列服务：
（1）甲乙网站及App上的服务；
（2）与之相关的软件。
"""


def test_a_glossarys_definitions_are_no_rows(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "glossary.txt", GLOSSARY, catalog)
    assert _names(d) == []


# -- a list of names and their addresses, in groups apart -----------------------------------------------------

GROUPED_LINKS = """\
4.5 Third-party analytics

We work with the providers below. Please see their pages to learn how they handle your data:

Zeta Ads: https://zeta.example.com/privacy
Omega Maps: https://omega.example.com/legal/privacy
Sigma Push: https://sigma.example.com/privacy-policy/

Tau Metrics: https://tau.example.com/privacy
Kappa Reach: http://kappa.example.com/privacy-policy/

Crashfox: https://crashfox.example.com/privacy
"""


def test_a_list_of_names_and_addresses_goes_on_after_a_blank_line(tmp_path: Path, catalog: Catalog) -> None:
    # each group is the same shape as the first: a name, a colon, its address (two names are no catalog's)
    d = _read(tmp_path, "grouped.txt", GROUPED_LINKS, catalog)
    assert _names(d) == ["Zeta Ads", "Omega Maps", "Sigma Push", "Tau Metrics", "Kappa Reach", "Crashfox"]
    assert _row(d, "Kappa Reach").link == "http://kappa.example.com/privacy-policy/"


# -- numbered permission titles over their numbered uses ------------------------------------------------------

TITLED_USES = """\
2.3 我们可能申请以下设备权限：
2.3.1 允许应用访问网络
（1）用于加载课程列表。
（2）用于判断您的网络状态是否正常。
2.3.2 允许应用使用相机
（1）用于扫描书上的二维码。
（2）用于拍摄并上传头像。
2.3.3 允许应用访问相册
（1）用于选择头像图片。
2.4 运营与安全
"""


def test_numbered_uses_under_a_permissions_title_are_its_scene(tmp_path: Path, catalog: Catalog) -> None:
    # a use that names a permission's words ("网络状态") is one of the title's uses, no permission item of its own
    d = _read(tmp_path, "titled.txt", TITLED_USES, catalog)
    assert scene_permissions(d) == {"允许应用访问网络": {"INTERNET"}, "允许应用使用相机": {"CAMERA"},
                                    "允许应用访问相册": {"READ_EXTERNAL_STORAGE", "READ_MEDIA_IMAGES"}}
    assert "加载课程列表" in d.scenes[0].description


PLAYBACK_USES = """\
1.4 本应用可能申请的设备权限如下：
1.4.1 允许应用调整播放界面
（1）用于调整亮度。
（2）用于调整音量。
1.4.2 允许应用使用相机
用于扫描二维码。
"""


def test_a_numbered_use_is_no_section_heading(tmp_path: Path, catalog: Catalog) -> None:
    # under a title naming no permission, "（1）用于调整亮度。" is short and numbered like a heading, but it is a
    # use: the list of permissions goes on
    d = _read(tmp_path, "playback.txt", PLAYBACK_USES, catalog)
    assert scene_with(d, "相机") == {"CAMERA"}


# -- a company in brackets before its address ------------------------------------------------------------------

BRACKETED_ADDRESS = """\
5. Advertising

Two partners show ads in the game, Zeta Ads (Zeta Media N.V., Keizersgracht 12, 1015 Amsterdam) and Omega Maps \
(Omega Ltd., 1 Harbour Road, Dublin 4). They receive your advertising ID and IP address.
"""


def test_a_company_in_brackets_before_its_address_is_the_rows(tmp_path: Path, catalog: Catalog) -> None:
    # the bracket holds the company and then its address: the company is its first part
    d = _read(tmp_path, "addressed.txt", BRACKETED_ADDRESS, catalog)
    assert _row(d, "Zeta Ads").company == "Zeta Media N.V."
    assert _row(d, "Omega Maps").company == "Omega Ltd."


# -- a pipe table whose rows go on over plain lines -----------------------------------------------------------

OVERFLOWING_TABLE = """\
| SDK Name | Data sent | Recipient | Purpose | Opt-out |
|---|---|---|---|---|
| Zeta Ads | Advertising ID, device model | Zeta Inc. | Ads | Turn off ad tracking in the system settings. |
| Omega Maps | Coarse location | Omega Ltd. | Maps |
Turn off location in the app settings. |
| Kappa Reach | IP address | Kappa Ltd. | Reach measurement | Cannot be turned off. |
"""


def test_a_whole_line_of_an_unknown_product_is_a_row_of_its_own(tmp_path: Path, catalog: Catalog) -> None:
    # a row's last cell went on over a plain line; a later line with all its cells is a row, named by a product
    # no catalog knows, never more data of the row above
    d = _read(tmp_path, "overflow.md", OVERFLOWING_TABLE, catalog)
    assert _names(d) == ["Zeta Ads", "Omega Maps", "Kappa Reach"]
    assert _row(d, "Kappa Reach").company == "Kappa Ltd."



# -- an SDK named right after a catalog SDK ---------------------------------------------------------------------

SIBLINGS = """\
三、第三方SDK
我们使用丙丁统计SDK及庚辛对比SDK核验您的身份，会读取您的面部照片。

我们使用甲乙推送与分析SDK进行推送和统计分析服务。

我们使用戊己地图SDK和其他SDK展示附近的门店。
"""


def test_an_sdk_joined_right_after_a_catalog_sdk_is_a_row(tmp_path: Path, catalog: Catalog) -> None:
    # "庚辛对比SDK" is no catalog's; joined by "及" to one, its SDK word says it is an SDK too. A kind's word
    # ("与分析SDK": the first SDK's other half) and a word for the others ("和其他SDK") name none.
    d = _read(tmp_path, "siblings.txt", SIBLINGS, catalog)
    assert _names(d) == ["丙丁统计SDK", "庚辛对比SDK", "甲乙推送", "戊己地图SDK"]


# -- a run-on line of SDK records, each one's permissions in its later sentences -------------------------------

RUN_ON_PERMISSIONS = ("本应用接入了下列第三方SDK：甲乙推送SDK：用于向您推送订单消息，提升服务体验。"
                      "它可能会调用网络访问、访问网络状态、访问WLAN状态权限，您可以在系统设置中关闭。该SDK收集的"
                      "信息包括：设备型号、操作系统版本。详见其隐私政策丙丁统计SDK：用于统计应用的活跃用户，改进"
                      "产品。它可能会调用网络访问、麦克风录音权限。我们不会向该SDK提供您的其他个人信息。详见其"
                      "隐私政策戊己地图SDK：用于展示附近的门店。它可能会调用网络访问、访问网络状态、"
                      "获取位置信息权限。详见其隐私政策。\n")


def test_each_sdk_of_a_run_on_line_takes_the_permissions_of_its_later_sentences(tmp_path: Path,
                                                                                catalog: Catalog) -> None:
    # one line, SDK after SDK: what the line says after each SDK's name, over its sentences up to the next name
    d = _read(tmp_path, "run_on_permissions.txt", RUN_ON_PERMISSIONS, catalog)
    perms = {r.name: {p.rsplit(".", 1)[-1] for p in r.permissions} for r in d.sdks}
    assert perms["甲乙推送SDK"] == {"INTERNET", "ACCESS_NETWORK_STATE", "ACCESS_WIFI_STATE"}
    assert perms["丙丁统计SDK"] == {"INTERNET", "RECORD_AUDIO"}
