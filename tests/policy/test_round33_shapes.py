"""Shapes read right in round 33, most of them of a page whose lines were run together into one (a crawl's text):
labels that open with "SDK" ("SDK简称：", "SDK 名称："), also where one runs into the address before it; item numbers
1, 2, 3, … run into the value before them; lettered fields a, b, c, … of an item; a label run into a company given in
brackets after the name; a party's label holding the product, the company's label on the line below; a company and
its kind written before the name; two addresses in one cell that lost the break between them; a heading that names
only the permission a function rests on; the bullets of a Word document saved as HTML. In our own words, expected
values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import load_lexicon
from auditor.policy.glued_lines import cut
from auditor.policy.text import URL_RE
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("foo-push", "Foo Push", "福推送", vendor="Foo Technology Co., Ltd.", vendor_zh="福科技有限公司"),
        entry("qux-map", "Qux Map SDK", "丘地图SDK", vendor="Qux Co., Ltd.", vendor_zh="丘信息技术有限公司"),
    )


@pytest.mark.parametrize(("run", "label"), [
    ("…由福科技有限公司SDK名称", "SDK名称"),     # a name's title that opens with "SDK"
    ("…hidetop=true&returnUrl=SDK 名称", "SDK 名称"),  # with a blank, run into an address
    ("…https://qux.example.com/policy?x=ab12SDK简称", "SDK简称"),
    ("…丘信息技术有限公司合作目的", "合作目的"),
    ("…福推送服务商名称", "服务商名称"),
    ("…设备标识符个人信息收集方式", "个人信息收集方式"),
    ("六、第三方SDK 1、使用SDK名称", "使用SDK名称"),  # the verb before it, after an item's mark, is the label's
    ("…设备IMEI信息SDK名称", "SDK名称"),  # words of the value before it are not
    ("…/privacy (2) 福推送SDK所属公司", "SDK所属公司"),  # nor a name's (its "SDK" goes back to the name, see cut)
])
def test_labels_run_into_the_text_before_them(run, label) -> None:
    at = load_lexicon().glued_label(run)
    assert run[at:] == label


GLUED_KV = (
    "为保障客户端稳定运行，我们的应用中会嵌入合作伙伴的SDK，具体如下。SDK简称：福推送SDK合作方：福科技有限公司合作目的："
    "向设备推送消息个人信息收集方式：嵌入第三方SDK，SDK收集传输个人信息个人信息收集范围：设备标识符(IMEI/Mac)"
    "隐私政策：https://foo.example.com/privacy?from=app12abSDK简称：丘地图SDK合作方：丘信息技术有限公司合作目的："
    "提供定位服务个人信息收集方式：嵌入第三方SDK个人信息收集范围：位置信息、IP地址"
    "隐私政策：https://qux.example.com/legal/privacySDK简称：壬癸统计SDK合作方：开源个人开发者合作目的：统计应用崩溃"
    "个人信息收集方式：嵌入第三方SDK个人信息收集范围：不收集个人信息隐私政策：开源项目没有隐私协议SDK简称：甲乙分享SDK"
    "合作方：甲乙网络科技有限公司合作目的：分享内容个人信息收集方式：嵌入第三方SDK个人信息收集范围：设备MAC地址"
    "隐私政策：https://jiayi.example.com/privacy"
)


def test_a_page_of_sdk_labels_run_together(tmp_path, catalog) -> None:
    # "SDK简称" opens each item, run into the address or the words before it: the address ends before it, and
    # "SDK" stays with the label (not taken for the end of a name)
    parts = cut(GLUED_KV, load_lexicon())
    assert "隐私政策：https://foo.example.com/privacy?from=app12ab" in parts
    assert "SDK简称：丘地图SDK" in parts
    assert "隐私政策：开源项目没有隐私协议" in parts
    d = _read(tmp_path, "glued_kv.txt", GLUED_KV, catalog)
    rows = {s.name: (s.company, s.link) for s in d.sdks}
    assert rows == {
        "福推送SDK": ("福科技有限公司", "https://foo.example.com/privacy?from=app12ab"),
        "丘地图SDK": ("丘信息技术有限公司", "https://qux.example.com/legal/privacy"),
        "壬癸统计SDK": ("开源个人开发者", ""),
        "甲乙分享SDK": ("甲乙网络科技有限公司", "https://jiayi.example.com/privacy"),
    }


NUMBERED_PARTIES = (
    "详细第三方SDK服务商信息如下：1、SDK服务商：福推送服务商名称：福科技有限公司使用目的：向用户推送消息"
    "官网链接：https://foo.example.com/隐私政策：https://foo.example.com/privacy收集信息：设备信息、IMEI"
    "2、SDK服务商：丘地图SDK服务商名称：丘信息技术有限公司使用目的：提供定位服务官网链接：https://qux.example.com/"
    "隐私政策：https://qux.example.com/privacy收集信息：位置信息、网络信息3、SDK服务商：壬癸即时通讯"
    "服务商名称：北京壬癸网络科技有限公司使用目的：用于用户聊天官网链接：https://rengui.example.com/"
    "隐私政策：https://rengui.example.com/privacy收集信息：日志信息、设备MAC地址4、甲乙直播"
    "服务商名称：甲乙云科技有限公司使用目的：用于连麦直播官网链接：https://jiayi.example.com/"
    "隐私政策：https://jiayi.example.com/privacy收集信息：设备信息、音视频信息"
)


def test_item_numbers_run_into_the_value_before_them(tmp_path, catalog) -> None:
    # "…网络信息3、SDK服务商：…": the items 1 to 4 in turn; the party's label holds the product, the company label
    # below it the legal entity
    parts = cut(NUMBERED_PARTIES, load_lexicon())
    assert "收集信息：位置信息、网络信息" in parts
    assert "3、SDK服务商：壬癸即时通讯" in parts  # (the item's number stays with the label it opens)
    assert "4、甲乙直播" in parts
    d = _read(tmp_path, "numbered_parties.txt", NUMBERED_PARTIES, catalog)
    rows = {s.name: (s.company, s.link) for s in d.sdks}
    assert rows == {
        "福推送": ("福科技有限公司", "https://foo.example.com/privacy"),
        "丘地图SDK": ("丘信息技术有限公司", "https://qux.example.com/privacy"),
        "壬癸即时通讯": ("北京壬癸网络科技有限公司", "https://rengui.example.com/privacy"),
        "甲乙直播": ("甲乙云科技有限公司", "https://jiayi.example.com/privacy"),
    }


@pytest.mark.parametrize("text", [
    "本应用适配的系统版本：Android 9、10、11、12，以及鸿蒙系统的各个版本，详见本政策的第八部分的说明内容。" * 8,
    "我们提供三种服务方式：1、线上，2、线下，3、电话，4、邮件；请您根据需要选择合适的方式与我们联系和沟通。" * 8,
])
def test_numbers_in_a_value_are_no_items(text) -> None:
    # versions written one after another, a short enumeration in a sentence: no item of a list each
    assert not any(p.startswith(("10、", "11、", "2、", "3、")) for p in cut(text, load_lexicon()))


BRACKETED = (
    "附表：第三方SDK接入情况 1、福推送SDK（福科技有限公司）业务服务功能：信息推送获取的个人信息类型：设备信息、IMEI"
    "隐私政策地址：https://foo.example.com/privacy 2、丘地图SDK（丘信息技术有限公司）业务服务功能：定位、导航获取的"
    "个人信息类型：位置信息、IP地址隐私政策地址：https://qux.example.com/privacy 3、壬癸统计SDK（壬癸网络科技有限公司）"
    "业务服务功能：统计分析获取的个人信息类型：设备MAC地址隐私政策地址：https://rengui.example.com/privacy 4、甲乙分享SDK"
    "（甲乙网络科技有限公司）业务服务功能：分享、登录获取的个人信息类型：完全的网络访问权限隐私政策地址："
    "https://jiayi.example.com/privacy 5、戊己支付SDK（戊己支付技术有限公司）业务服务功能：支付获取的个人信息类型："
    "设备标识信息隐私政策地址：https://wuji.example.com/privacy"
)


def test_a_label_run_into_the_company_in_brackets_after_the_name(tmp_path, catalog) -> None:
    # "福推送SDK（福科技有限公司）业务服务功能：": the label (whose whole words no table writes) opens after the company
    parts = cut(BRACKETED, load_lexicon())
    assert "1、福推送SDK（福科技有限公司）" in parts
    assert "业务服务功能：信息推送获取的" in parts
    d = _read(tmp_path, "bracketed.txt", BRACKETED, catalog)
    rows = {s.name: (s.company, s.link) for s in d.sdks}
    assert rows == {
        "福推送SDK": ("福科技有限公司", "https://foo.example.com/privacy"),
        "丘地图SDK": ("丘信息技术有限公司", "https://qux.example.com/privacy"),
        "壬癸统计SDK": ("壬癸网络科技有限公司", "https://rengui.example.com/privacy"),
        "甲乙分享SDK": ("甲乙网络科技有限公司", "https://jiayi.example.com/privacy"),
        "戊己支付SDK": ("戊己支付技术有限公司", "https://wuji.example.com/privacy"),
    }


LETTERED = (
    "平台嵌入的第三方SDK包括：（1） 第三方SDK：福推送a.收集个人信息目的/用途：向您推送消息。b.收集个人信息类型：设备型号、"
    "IMEI、MAC地址。c.需要获取的权限：读取手机状态和身份。d.第三方SDK隐私政策链接：https://foo.example.com/privacy.html"
    "e.提供方：福科技有限公司。（2） 第三方SDK：丘地图SDKa.收集个人信息目的/用途：提供定位。b.收集个人信息类型：位置信息、"
    "IP地址。c.需要获取的权限：访问位置信息。d.第三方SDK隐私政策链接：https://qux.example.com/privacye.提供方："
    "丘信息技术有限公司。（3） 第三方SDK：壬癸统计SDKa.收集个人信息目的/用途：统计分析。b.收集个人信息类型：设备型号、"
    "AndroidID。c.需要获取的权限：无。d.第三方SDK隐私政策链接：https://rengui.example.com/privacye.提供方："
    "壬癸网络科技有限公司。"
)


def test_the_lettered_fields_of_an_item_run_together(tmp_path, catalog) -> None:
    # a, b, c, d, e in turn, each before a field's label; the letter run into an address ends the address
    parts = cut(LETTERED, load_lexicon())
    assert "b.收集个人信息类型：设备型号、IMEI、MAC地址。" in parts
    assert "d.第三方SDK隐私政策链接：https://qux.example.com/privacy" in parts
    assert "e.提供方：丘信息技术有限公司。" in parts
    d = _read(tmp_path, "lettered.txt", LETTERED, catalog)
    rows = {s.name: (s.company, s.link) for s in d.sdks}
    assert rows == {
        "福推送": ("福科技有限公司", "https://foo.example.com/privacy.html"),
        "丘地图SDK": ("丘信息技术有限公司", "https://qux.example.com/privacy"),
        "壬癸统计SDK": ("壬癸网络科技有限公司", "https://rengui.example.com/privacy"),
    }
    assert {"imei", "mac"} <= set({s.name: s for s in d.sdks}["福推送"].data_types)


def test_a_word_with_a_letter_and_a_dot_is_no_lettered_field() -> None:
    text = ("我们会收集您的设备数据data.收集个人信息类型：设备型号。请阅读 https://foo.example.com/index.html 了解更多，"
            "其他说明b.收集目的：统计。") * 6
    assert not any(p.startswith(("a.", "b.")) for p in cut(text, load_lexicon()))


@pytest.mark.parametrize(("text", "addresses"), [
    ("隐私政策：https://foo.example.com/doc/sdk-security-0012https://foo.example.com/doc/personal-data",
     ["https://foo.example.com/doc/sdk-security-0012", "https://foo.example.com/doc/personal-data"]),
    ("https://foo.example.com/jump?url=https://qux.example.com/privacy",
     ["https://foo.example.com/jump?url=https://qux.example.com/privacy"]),
    ("https://foo.example.com/go/https://qux.example.com", ["https://foo.example.com/go/https://qux.example.com"]),
    ("https://github.com/hhh/http-client", ["https://github.com/hhh/http-client"]),
])
def test_two_addresses_that_lost_the_break_between_them(text, addresses) -> None:
    assert [m.group(0) for m in URL_RE.finditer(text)] == addresses


PARTY_RECORDS = """\
（1）第三方SDK名称：福推送
公司全称：福科技有限公司
使用目的：消息推送
收集数据类型：设备MAC地址、IMEI
官网链接：https://foo.example.com/privacy

（2）第三方API名称：甲乙广告平台
公司全称：北京甲乙传媒科技有限公司
使用目的：广告投放
共享数据类型：设备MAC地址、IP地址
官网链接：https://jiayi.example.com/privacy

（3）第三方SDK名称：丘地图SDK
公司名称：丘信息技术有限公司
使用目的：定位服务
收集数据类型：位置信息
官网链接：https://qux.example.com/privacy
"""


def test_a_record_named_under_another_label_does_not_swallow_the_next(tmp_path, catalog) -> None:
    # "第三方API名称：甲乙广告平台" over its company: a record named by its party's label; the record after it,
    # named by "第三方SDK名称", is a record of its own
    d = _read(tmp_path, "party_records.txt", PARTY_RECORDS, catalog)
    rows = {s.name: s.company for s in d.sdks}
    assert rows["丘地图SDK"] == "丘信息技术有限公司"
    assert rows["福推送"] == "福科技有限公司"
    assert {s.name: s.link for s in d.sdks}["丘地图SDK"] == "https://qux.example.com/privacy"


def test_a_restored_reading_that_names_no_more_sdks_keeps_the_scenes_of_the_page_as_written(monkeypatch) -> None:
    # a page of prose whose only list is its contents ("1. 我们收集哪些个人信息2. …") is cut back into lines, and
    # both readings name no SDK: the one with more scenes that name permissions is kept, not the restored one (a
    # paragraph read as one scene of many permissions counts as one)
    from auditor.policy import reader
    from auditor.policy.document import Document, Line
    from auditor.policy.model import Disclosure, Scene, Span

    def disclosure(scenes: int, permissions: int = 1) -> Disclosure:
        return Disclosure("p.txt", "text", "utf-8", 1, (), (), (), tuple(
            Scene(f"场景{k}", "", tuple(f"android.permission.P{j}" for j in range(permissions)), Span(1, 1, ""))
            for k in range(scenes)))

    doc = Document("p.txt", "text", "utf-8", (Line(1, "x"),))
    restored = Document("p.txt", "text", "utf-8", (Line(1, "x"), Line(1, "y")))
    monkeypatch.setattr(reader, "restore_lines", lambda d, lexicon: restored)
    readings = {id(restored): disclosure(1, permissions=10), id(doc): disclosure(3)}
    monkeypatch.setattr(reader, "_read_document", lambda d, *rest: readings[id(d)])
    assert len(reader.read_document(doc, memory_catalog(), load_lexicon(), resolver=object()).scenes) == 3
    readings[id(restored)] = disclosure(3)  # as many: the restored reading
    assert reader.read_document(doc, memory_catalog(), load_lexicon(), resolver=object()) is readings[id(restored)]


COMPANY_FIRST_RECORDS = """\
以下为我们接入的第三方SDK：
6、
合作方：福科技有限公司
合作方类型：消息推送服务合作方
SDK简称：福推送SDK
合作目的：向设备推送消息
隐私政策：https://foo.example.com/privacy
7、
合作方：丘信息技术有限公司
合作方类型：地图服务合作方
SDK简称：丘地图SDK
合作目的：提供定位服务
隐私政策：https://qux.example.com/privacy
8、
合作方：壬癸网络科技有限公司
合作方类型：统计分析合作方
SDK简称：壬癸统计SDK
合作目的：统计分析
隐私政策：https://rengui.example.com/privacy
"""


def test_a_company_and_its_kind_written_before_the_name_are_the_named_records(tmp_path, catalog) -> None:
    # each item's number on a line of its own, then its company and the kind of partner it is, then its name:
    # the company is the named record's, not the record's above
    d = _read(tmp_path, "company_first_records.txt", COMPANY_FIRST_RECORDS, catalog)
    assert {s.name: s.company for s in d.sdks} == {
        "福推送SDK": "福科技有限公司", "丘地图SDK": "丘信息技术有限公司", "壬癸统计SDK": "壬癸网络科技有限公司"}


SERVICE_HEADINGS = """\
您可自主选择提供个人信息的情形包括：
（一）基于设备存储权限的附加业务功能
当您在我们的产品中使用语音留言等业务功能时，我们需要获取您设备的存储权限，并收集您提供的语音内容信息。
（二）基于设备相机权限的附加业务功能
当您扫描商品条码时，我们将需要获取您的设备相机权限，并收集您提供的图片信息。
（三）基于设备麦克风权限的扩展功能
当您使用语音搜索时，我们将需要获取您的设备麦克风权限。
"""


def test_a_heading_that_names_only_the_permission_a_function_rests_on_is_no_scene(tmp_path, catalog) -> None:
    # "基于设备存储权限的附加业务功能": the use the text under it gives is the scene
    d = _read(tmp_path, "service_headings.txt", SERVICE_HEADINGS, catalog)
    scenes = {s.name: {p.rsplit(".", 1)[-1] for p in s.permissions} for s in d.scenes}
    assert not any(name.startswith(("基于", "（")) for name in scenes), scenes
    assert any("语音留言" in name and "WRITE_EXTERNAL_STORAGE" in perms for name, perms in scenes.items()), scenes
    assert any("扫描商品条码" in name and perms == {"CAMERA"} for name, perms in scenes.items()), scenes
    assert any("语音搜索" in name and perms == {"RECORD_AUDIO"} for name, perms in scenes.items()), scenes


WORD_BULLETS = (
    "<html><body>\n<p class=MsoNormal>Our app asks for these permissions:</p>\n"
    "<p class=MsoListParagraph><span style='font-family:Wingdings'>\uf06c</span>&nbsp; [CAMERA] To allow user scan the "
    "QR code printed on the back of the tracker.</p>\n"
    "<p class=MsoListParagraph><span style='font-family:Wingdings'>\uf06c</span>&nbsp; [RECORD_AUDIO] To allow user "
    "send voice messages to the family group.</p>\n"
    "<p class=MsoListParagraph><span style='font-family:Symbol'>\uf0b7</span>&nbsp; [READ_CONTACTS] To allow user pick "
    "a contact to call from the tracker.</p>\n</body></html>\n"
)


def test_bullets_of_a_word_document_saved_as_html(tmp_path, catalog) -> None:
    # Word's Symbol and Wingdings bullets become private-use characters (U+F0B7, U+F06C) when it saves a list as
    # HTML: list items like any bullet's, each a permission and its use
    d = _read(tmp_path, "word.html", WORD_BULLETS, catalog)
    scenes = {s.name: {p.rsplit(".", 1)[-1] for p in s.permissions} for s in d.scenes}
    assert any("QR code" in n and p == {"CAMERA"} for n, p in scenes.items()), scenes
    assert any("voice messages" in n and p == {"RECORD_AUDIO"} for n, p in scenes.items()), scenes
    assert any("pick a contact" in n and p == {"READ_CONTACTS"} for n, p in scenes.items()), scenes
