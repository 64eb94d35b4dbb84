"""Shapes read right in round 37: SDKs named after their maker ("本应用集成某某有限公司的某某SDK，…"), in a
numbered run-on paragraph too; an SDK written under two names ("甲SDK/乙SDK"); a numbered item whose last clause
is its company before its address; a numbered item whose name has its first field's label glued to it; a titled
section whose first paragraph says whose the service is. In our own words, expected values written by hand."""

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
    return made_up_catalog("jia-push", "bing-stat", "xin-share", "wu-map", "acme-attribution", "fire-analytics",
                           "crashfox", "zeta-ads", "omega-maps", "sigma-push", "tau-maps")


# -- SDKs named after their maker --------------------------------------------------------------------------------

MADE = """\
三、第三方SDK
(1) 本应用集成甲乙科技有限公司的甲乙推送SDK，甲乙推送SDK收集您的设备MAC地址，用于推送订单提醒，具体请见：https://push.example.cn/privacy。
(2) 本应用集成庚辛智能科技有限公司的庚辛识图SDK，庚辛识图SDK读取您的相册，用于识别商品图片，具体请见：https://shitu.example.cn/privacy。
(3) 本应用集成癸子公司(Guizi Inc.)的癸子日志 SDK，癸子日志 SDK不收集您的个人信息。
"""


def test_an_sdk_named_after_its_maker_is_a_row_with_that_company(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "made.txt", MADE, catalog)
    assert _row(d, "甲乙推送SDK").company == "甲乙科技有限公司"
    assert _row(d, "甲乙推送SDK").id == "jia-push"


def test_an_unknown_sdk_named_after_its_maker_is_a_row(tmp_path: Path, catalog: Catalog) -> None:
    # neither name is in the catalog: the maker before "的" and the SDK word make it one
    d = _read(tmp_path, "made.txt", MADE, catalog)
    assert _row(d, "庚辛识图SDK").company == "庚辛智能科技有限公司"
    assert _row(d, "癸子日志 SDK").company == "癸子公司(Guizi Inc.)"


def test_a_catalog_name_inside_the_makers_name_is_no_row(tmp_path: Path, catalog: Catalog) -> None:
    # "丙丁统计" is a catalog name, here only the first words of the maker's registered name
    text = "第三方SDK：本应用集成丙丁统计科技有限公司的壬癸滤镜SDK，壬癸滤镜SDK读取您的相册，用于美化照片。\n"
    d = _read(tmp_path, "inside.txt", text, catalog)
    assert _names(d) == ["壬癸滤镜SDK"]
    assert _row(d, "壬癸滤镜SDK").company == "丙丁统计科技有限公司"


def test_a_service_of_a_company_without_an_sdk_word_is_no_made_row(tmp_path: Path, catalog: Catalog) -> None:
    # guard: "集成了某某公司的支付服务" names a company's service, no SDK by its name
    text = "为完成付款，本应用集成了庚辛智能科技有限公司的支付服务，您付款时会向其提供订单号。\n"
    d = _read(tmp_path, "service.txt", text, catalog)
    assert d.sdks == ()


RUN_ON = ("2.我们收集的信息：(1) 在您首次打开本应用时，我们将读取您的IMEI和设备型号，以用于安全风控；"
          "(2) 在您拍照上传作业时，我们将申请您的相机权限，以用于拍摄作业照片；"
          "(3) 在您发送语音留言时，我们将申请您的麦克风权限，以用于录入音频；"
          "(4) 在您查找附近门店时，我们将申请您的位置权限，以用于推荐门店。"
          "3.第三方SDK：(1) 本应用集成甲乙科技有限公司的甲乙推送SDK，甲乙推送SDK收集您的设备MAC地址，用于推送订单提醒，"
          "具体请见：https://push.example.cn/privacy。"
          "(2) 本应用集成丙丁网络有限公司的丙丁统计SDK，丙丁统计SDK收集您的IP地址，用于统计页面访问，"
          "具体请见：https://stat.example.cn/privacy。"
          "(3) 本应用集成戊己信息技术有限公司的戊己地图SDK，戊己地图SDK收集您的精确位置，用于展示附近门店，"
          "具体请见：https://map.example.cn/privacy。"
          "(4) 本应用集成辛壬网络有限公司的辛壬分享SDK，辛壬分享SDK收集您的应用安装列表，用于分享内容，"
          "具体请见：https://share.example.cn/privacy。\n")


def test_a_run_on_paragraph_of_made_sdks_gives_each_only_its_own_item(tmp_path: Path, catalog: Catalog) -> None:
    # one line, numbered items run together: read with its items cut apart, each SDK keeps its own data and link,
    # none the IMEI or camera of the scenes before the list
    d = _read(tmp_path, "run_on.txt", RUN_ON, catalog)
    assert _row(d, "甲乙推送SDK").data_types == ("mac",)
    assert _row(d, "丙丁统计SDK").data_types == ("ip",)
    assert _row(d, "丙丁统计SDK").link == "https://stat.example.cn/privacy"
    assert _row(d, "辛壬分享SDK").company == "辛壬网络有限公司"


# -- an SDK written under two names ------------------------------------------------------------------------------

def test_an_sdk_under_two_names_is_one_row_of_the_first_names_entry(tmp_path: Path, catalog: Catalog) -> None:
    text = ("第三方SDK：本应用集成甲乙科技有限公司的甲乙推送SDK/甲乙消息SDK，甲乙推送SDK收集您的设备MAC地址，"
            "用于推送订单提醒。\n")
    d = _read(tmp_path, "two_names.txt", text, catalog)
    assert _names(d) == ["甲乙推送SDK/甲乙消息SDK"]
    assert d.sdks[0].id == "jia-push"


def test_a_later_name_alone_does_not_say_which_entry(tmp_path: Path, catalog: Catalog) -> None:
    # guard: only the second name is a catalog name, and it may be another maker's product of that name
    text = ("第三方SDK：本应用集成庚辛智能科技有限公司的庚辛登录SDK/丙丁统计SDK，庚辛登录SDK读取您的本机号码，"
            "用于一键登录。\n")
    d = _read(tmp_path, "later_name.txt", text, catalog)
    assert _row(d, "庚辛登录SDK/丙丁统计SDK").id is None


# -- a numbered item whose last clause is its company ------------------------------------------------------------

COMPANY_CLAUSE = """\
目前我们接入的第三方插件如下：
1、甲乙推送SDK收集您的设备信息及网络状态，用于向您推送消息；甲乙科技有限公司 https://push.example.cn/privacy
2、丙丁统计SDK：收集您的IP地址，用于统计访问量；丙丁网络有限公司 https://stat.example.cn/privacy
3、戊己地图SDK收集您的位置信息，用于展示附近门店；详见本公司官网 https://www.example.cn/
"""


def test_an_items_last_clause_naming_a_company_is_its_company(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "company_clause.txt", COMPANY_CLAUSE, catalog)
    assert _row(d, "甲乙推送SDK").company == "甲乙科技有限公司"
    assert _row(d, "丙丁统计SDK").company == "丙丁网络有限公司"


def test_a_clause_about_a_company_is_no_company(tmp_path: Path, catalog: Catalog) -> None:
    # guard: "详见本公司官网" ends in "公司" but names no one
    d = _read(tmp_path, "company_clause.txt", COMPANY_CLAUSE, catalog)
    assert _row(d, "戊己地图SDK").company == ""


# -- a numbered item whose name has its first field's label glued to it ------------------------------------------

GLUED_LABEL = """\
八、接入的第三方组件
1.甲乙推送 SDK收集目的：推送订单消息收集个人信息类型：设备标识符SDK隐私链接：https://push.example.cn/privacy
2.辛壬分享使用目的：把商品转发给好友收集个人信息类型：设备型号
3.戊己地图隐私政策使用目的：用于展示附近门店收集个人信息类型：位置信息
4.庚辛变声 SDK使用目的：给语音换音色收集范围：不读取个人信息
"""


def test_an_items_name_with_a_label_glued_to_it_is_the_name(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "glued_label.txt", GLUED_LABEL, catalog)
    assert {"甲乙推送 SDK", "辛壬分享", "戊己地图", "庚辛变声 SDK"} <= set(_names(d))


def test_a_label_glued_to_no_name_is_no_row(tmp_path: Path, catalog: Catalog) -> None:
    # guard: items that are a data item's fields ("1.位置信息使用目的：…") name no SDK
    text = ("一、我们收集的信息\n1.位置信息使用目的：展示附近门店\n2.相册照片使用目的：上传作业\n"
            "3.设备标识使用目的：安全风控\n")
    d = _read(tmp_path, "data_fields.txt", text, catalog)
    assert d.sdks == ()


# -- a titled section whose first paragraph says whose the service is --------------------------------------------

SECTIONS = """\
19. FIRE ANALYTICS
Fire Analytics, a counting tool run by Fire LLC (1 Example Road, Springfield), tells us which screens are opened.

20. ACME SDK
This app measures its installs with tools from Acme Inc. (2 Sample Street, Springfield). It keeps a session log.
The legal basis for use is our legitimate interest.

21. CONTACT
Write to us at privacy@example.com.
"""


def test_a_sections_first_paragraph_says_whose_the_service_is(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "sections.txt", SECTIONS, catalog)
    assert _row(d, "ACME SDK").company == "Acme Inc."


# -- a list of names over their addresses, some with a note --------------------------------------------------------

NOTED = """\
第三方SDK目录：

甲乙推送SDK
https://push.example.cn/privacy

丙丁统计SDK
本应用接入丙丁统计SDK，用于统计页面访问量。
https://stat.example.cn/privacy

戊己地图SDK
https://map.example.cn/privacy

庚辛识图SDK
注：此组件只在本地识别图片，不申请任何权限，也不读取您的个人信息

辛壬分享SDK
https://share.example.cn/privacy
"""


def test_names_with_a_note_under_them_stay_items_of_the_list(tmp_path: Path, catalog: Catalog) -> None:
    # a note under a name, over its address or instead of it, neither ends the list nor is an item
    d = _read(tmp_path, "noted.txt", NOTED, catalog)
    assert _names(d) == ["甲乙推送SDK", "丙丁统计SDK", "戊己地图SDK", "庚辛识图SDK", "辛壬分享SDK"]
    assert _row(d, "丙丁统计SDK").link == "https://stat.example.cn/privacy"
    assert _row(d, "辛壬分享SDK").link == "https://share.example.cn/privacy"


def test_a_name_written_with_its_address_owns_no_line_under_it(tmp_path: Path, catalog: Catalog) -> None:
    # guard: "Name https://…" lines one after another, one of them with two addresses (no run's item): the line
    # before it owns no note, the two-address line stays a row of its own
    text = ("Please see the following list of advertising providers:\n"
            "Fire Analytics https://fire.example.com/privacy\n"
            "Acme Attribution https://acme.example.com/privacy\n"
            "Crashfox https://crashfox.example.com/privacy\n"
            "Zeta Ads https://zeta.example.com/privacy; https://zeta.example.com/partners\n"
            "Omega Maps https://omega.example.com/privacy\n"
            "Sigma Push https://sigma.example.com/privacy\n"
            "Tau Maps https://tau.example.com/privacy\n")
    d = _read(tmp_path, "linked.txt", text, catalog)
    assert "Zeta Ads" in _names(d)
    assert (_row(d, "Crashfox").evidence.line_start, _row(d, "Crashfox").evidence.line_end) == (4, 4)


def test_a_paragraph_after_a_list_of_bare_names_is_no_note(tmp_path: Path, catalog: Catalog) -> None:
    # guard: names without addresses, then a section's title and its paragraph: the list keeps its names (a note
    # belongs only in a list of names over their addresses)
    text = ("The app relies on outside services. Privacy pages of the third party service providers it uses:\n"
            "Fire Analytics\nCrashfox\nZeta Ads\nOmega Maps\nLog Data\n"
            "When the app fails we keep a record of what happened on the phone, such as its model and the time.\n"
            "Cookies\nThe app stores no cookies of its own.\n")
    d = _read(tmp_path, "bare_then_section.txt", text, catalog)
    assert {"Fire Analytics", "Crashfox", "Zeta Ads", "Omega Maps"} <= set(_names(d))


# -- a sentence right under a list about all its items -----------------------------------------------------------

SAID_OF_THEM = """\
3. Advertising
The app shows ads through Zeta Ads and these mediation partners:
Omega Maps
Sigma Push
Tau Maps
These networks can receive:
Advertising ID
Approximate location
What it serves:
Ad personalization
4. Contact
"""


def test_a_sentence_under_a_list_about_its_items_gives_each_its_data(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "said_of_them.txt", SAID_OF_THEM, catalog)
    for name in ("Omega Maps", "Sigma Push", "Tau Maps"):
        assert set(_row(d, name).data_types) == {"advertising-id", "location-coarse"}, name


def test_a_paragraph_under_a_list_about_something_else_gives_no_data(tmp_path: Path, catalog: Catalog) -> None:
    # guard: the line under the list does not speak of its items
    text = SAID_OF_THEM.replace("These networks can receive:", "We may collect:")
    d = _read(tmp_path, "said_of_other.txt", text, catalog)
    assert _row(d, "Omega Maps").data_types == ()


# -- a feature's record whose "third parties used" field enumerates SDKs by name ---------------------------------

FEATURE_PARTIES = """\
4、订单提醒
收集的个人信息：设备型号
使用的第三方：甲乙推送、丙丁统计、庚辛推送，用于提醒订单状态；三者均读取设备的OAID和Android ID。

5、附近门店
收集的个人信息：位置信息
使用的第三方：戊己地图信息技术有限公司
"""


def test_a_third_parties_field_enumerating_names_gives_a_row_each(tmp_path: Path, catalog: Catalog) -> None:
    # the field's value is no party but names, at least half of them catalog names, then sentences about them
    d = _read(tmp_path, "feature_parties.txt", FEATURE_PARTIES, catalog)
    assert {"甲乙推送", "丙丁统计", "庚辛推送"} <= set(_names(d))
    assert {"oaid", "android-id"} <= set(_row(d, "庚辛推送").data_types)
    assert "订单提醒" not in _names(d)


def test_a_third_parties_field_naming_a_company_is_its_company(tmp_path: Path, catalog: Catalog) -> None:
    # guard: a company's name alone in the field is the record's party, no enumeration of SDKs
    d = _read(tmp_path, "feature_parties.txt", FEATURE_PARTIES, catalog)
    assert not {"戊己地图信息技术有限公司"} & set(_names(d))


# -- a catalog name of Latin letters then Chinese in running text --------------------------------------------------

def test_a_name_of_latin_letters_then_chinese_is_spotted_in_prose(tmp_path: Path) -> None:
    catalog = made_up_catalog("zt-push")
    text = ("3.1.3 推送\n面向ZT品牌手机的用户：\nZT推送（ZT通信有限公司）会读取设备的MAC地址。\n")
    d = _read(tmp_path, "mixed_name.txt", text, catalog)
    assert _row(d, "ZT推送").id == "zt-push"
    assert _row(d, "ZT推送").company == "ZT通信有限公司"


def test_latin_letters_running_into_a_mixed_name_make_no_mention(tmp_path: Path) -> None:
    # guard: "XZT推送" is another word; the name's Latin part must stand whole
    catalog = made_up_catalog("zt-push")
    text = "本应用的XZT推送开关可在设置中关闭，关闭后我们不再读取您的设备MAC地址。\n"
    d = _read(tmp_path, "mixed_inside.txt", text, catalog)
    assert d.sdks == ()


# -- permissions of several SDKs named in one sentence ------------------------------------------------------------

SHARED_SENTENCE = ("3.1 组件\n开启订单提醒与访问统计时会用到甲乙推送/丙丁统计提供的组件，甲乙推送（甲乙科技有限公司）会读取设备的MAC地址，所用的安卓权限为"
                   "ACCESS_WIFI_STATE；丙丁统计（丙丁网络有限公司）SDK会读取IMEI，所用的安卓权限为READ_PHONE_STATE。"
                   "本应用自身还会申请CAMERA权限用于扫码。\n")


def test_each_sdk_of_one_sentence_takes_the_permissions_its_own_words_name(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "shared_sentence.txt", SHARED_SENTENCE, catalog)
    assert _row(d, "甲乙推送").permissions == ("android.permission.ACCESS_WIFI_STATE",)
    assert _row(d, "丙丁统计").permissions == ("android.permission.READ_PHONE_STATE",)


def test_a_constant_with_chinese_run_into_it_is_read() -> None:
    from auditor.policy import load_lexicon
    lexicon = load_lexicon()
    assert [p for p, _ in lexicon.permissions_in("所用权限为ACCESS_WIFI_STATE")] == [
        "android.permission.ACCESS_WIFI_STATE"]
    assert [p for p, _ in lexicon.permissions_in("需要READ_PHONE_STATE权限")] == ["android.permission.READ_PHONE_STATE"]
    # guard: a Latin letter or an underscore running into it makes another word
    assert lexicon.permissions_in("XACCESS_WIFI_STATE与ACCESS_WIFI_STATE_V2") == []


def test_a_sentence_before_a_glued_label_is_no_name(tmp_path: Path, catalog: Catalog) -> None:
    # guard: "5、从公开渠道的信息中收集的您的个人信息的" reads as a name glued to the label "个人信息"; it is a sentence
    text = ("第三方SDK：\n1、甲乙推送 SDK使用目的：推送订单提醒\n2、丙丁统计 SDK使用目的：统计页面访问\n"
            "3、戊己地图 SDK使用目的：展示门店\n4、辛壬分享 SDK使用目的：分享商品\n"
            "5、从公开渠道的信息中收集的您的个人信息：如新闻报道\n")
    d = _read(tmp_path, "sentence_label.txt", text, catalog)
    assert not [n for n in _names(d) if "信息" in n]
