"""Shapes read right in round 35: a vendor's platform named by an entry's own alias, with and without "SDK" after it
and with evidence that names another entry; a vendor's name with the product in brackets; a page run into one line
whose items are lettered in brackets, whose addresses run into the next item's name after the page's extension or
after a query's "&lang" a crawler read as an entity, whose permissions are listed as constants each with a colon;
an item's name with a full stop before its first label. In our own words, expected values written by hand."""

from __future__ import annotations

import subprocess
import sys

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import load_lexicon
from auditor.policy.analysis import label_pairs
from auditor.policy.glued_lines import cut
from auditor.policy.resolve import Evidence, Resolver, build_resolver
from auditor.policy.text import URL_RE
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("hua-connect", "Hua Connect", "华为开放平台", vendor="Huawei Technologies Co., Ltd."),
        entry("hua-push", "Hua Push", "华为推送", vendor="Huawei Technologies Co., Ltd.",
              privacy="https://push.example.com/privacy"),
        entry("hua-map", "Hua Map", "华为地图", vendor="Huawei Technologies Co., Ltd."),
        entry("goo-ads", "GooAds", vendor="Google LLC"),
        entry("goo-fit", "GooFit", vendor="Google LLC"),
        entry("jia-stat", "甲乙统计", "甲乙统计SDK", vendor="甲乙科技有限公司"),
        entry("bing-ads", "丙丁广告", "丙丁广告SDK", vendor="丙丁网络有限公司"),
        entry("wu-map", "戊己地图", "戊己地图SDK", vendor="戊己信息有限公司"),
    )


@pytest.fixture(scope="module")
def resolver(catalog: Catalog) -> Resolver:
    return build_resolver(catalog, load_lexicon())


@pytest.mark.parametrize("name", ["华为开放平台", "华为开放平台SDK", "华为开放平台 SDK"])
def test_a_vendors_platform_that_is_an_entrys_alias_resolves(resolver: Resolver, name: str) -> None:
    # vendor and suffix words only, but the catalog names an entry so: with "SDK" after the alias too
    assert resolver.resolve(Evidence(name=name)).id == "hua-connect"


def test_evidence_outweighs_a_vendors_platform_alias(resolver: Resolver) -> None:
    # the row's link is another entry's privacy page: the link says which SDK, the platform's name does not
    found = resolver.resolve(Evidence(name="华为开放平台", links=("https://push.example.com/privacy",)))
    assert found.id == "hua-push"


def test_a_vendors_name_alone_stays_unresolved(resolver: Resolver) -> None:
    # guard: no entry is named "华为SDK"; three Huawei entries are candidates, none is chosen
    found = resolver.resolve(Evidence(name="华为SDK"))
    assert found.id is None and found.candidates


def test_a_vendors_name_with_its_product_in_brackets(resolver: Resolver) -> None:
    assert resolver.resolve(Evidence(name="Google (GooAds)")).id == "goo-ads"
    assert resolver.resolve(Evidence(name="Google")).id is None  # guard: the vendor alone names none of its two


def _run_on(items: list[str], lead: str = "九、我们接入的第三方SDK如下：") -> str:
    return lead + "".join(items)


BRACKET_LETTERED = _run_on([
    "(a) 甲乙统计SDK (com.jiayi.stat)。 官方链接 : https://jiayi.example.com/privacy 使用目的 : 统计应用的使用情况"
    " 数据类型 : 设备信息（AndroidId/IMEI）",
    "(b) 丙丁广告SDK（com.bingding.ads） 官方链接 : https://bingding.example.com/legal 使用目的 : 展示广告"
    " 数据类型 : 设备信息、存储信息",
    "(c) 戊己地图SDK（com.wuji.map） 官方链接 : https://wuji.example.com/privacy/ 使用目的 : 地图展示与定位"
    " 数据类型 : 位置信息，设备信息",
    "(d) 庚辛分享SDK（com.gengxin.share） 官方链接 : https://gengxin.example.com/doc/privacy.html 使用目的 : 分享内容"
    " 数据类型 : 设备标识信息",
]) + "十、信息的存储：我们会在中华人民共和国境内存储您的个人信息，存储期限为实现目的所必需的最短时间。" * 4


def test_items_lettered_in_brackets_are_cut_apart() -> None:
    parts = cut(BRACKET_LETTERED, load_lexicon())
    for letter, name in (("a", "甲乙统计SDK"), ("b", "丙丁广告SDK"), ("c", "戊己地图SDK"), ("d", "庚辛分享SDK")):
        assert any(p.startswith(f"({letter}) {name}") for p in parts), parts


def test_a_run_on_page_of_bracket_lettered_items_reads_each_row(tmp_path, catalog) -> None:
    d = _read(tmp_path, "lettered.txt", BRACKET_LETTERED + "\n", catalog)
    rows = {s.name: s for s in d.sdks}
    jia = next(s for n, s in rows.items() if n.startswith("甲乙统计SDK"))
    assert jia.link == "https://jiayi.example.com/privacy"
    assert jia.id == "jia-stat"
    bing = next(s for n, s in rows.items() if n.startswith("丙丁广告SDK"))
    assert bing.link == "https://bingding.example.com/legal"
    assert "com.bingding.ads" in bing.package_names


def test_a_label_line_whose_name_ends_with_a_full_stop() -> None:
    pairs = label_pairs("(a) 甲乙统计SDK (com.jiayi.stat)。 官方链接 : https://jiayi.example.com/privacy 使用目的 : 统计",
                        load_lexicon())
    assert pairs[0] == ("name", "甲乙统计SDK (com.jiayi.stat)")
    assert ("website", "https://jiayi.example.com/privacy") in pairs  # (an official link: the row's website)


def test_fully_bracketed_letters_cut_before_their_bracket() -> None:
    # "（b）使用目的：": a lettered field opens at its bracket, not one character in
    text = ("第三方SDK：甲乙统计（a）使用目的：统计应用的使用情况，用于改进产品体验（b）收集个人信息类型：设备标识、网络状态"
            "（c）隐私政策链接：https://jiayi.example.com/privacy（d）提供方：甲乙科技有限公司") * 3
    parts = cut(text, load_lexicon())
    assert any(p.startswith("（b）收集个人信息类型") for p in parts), parts
    assert not any(p == "（" or p.endswith("（") for p in parts), parts


@pytest.mark.parametrize("address", [
    "https://x.example.com/doc/privacy.htmlQQ（",
    "https://x.example.com/doc/privacy.htmlBugly SDK",
    "https://x.example.com/index.phpVIVO推送",
])
def test_an_address_ends_at_its_pages_extension_before_letters(address: str) -> None:
    found = URL_RE.search(address)
    assert found is not None and found.group(0).endswith((".html", ".php"))


@pytest.mark.parametrize("address", [
    "https://x.example.com/doc/privacy.html?from=app",
    "https://x.example.com/doc/privacy.html#sdk",
    "https://x.example.com/index.php/privacy",
    "https://x.example.com/doc/privacy.htm",
    "https://x.example.com/htmlpages/privacy",
])
def test_an_address_keeps_what_follows_its_extension_otherwise(address: str) -> None:
    # guard: a query, a fragment, a path after a script, "htm", a word "html" inside a path
    found = URL_RE.search(address)
    assert found is not None and found.group(0) == address


def test_an_address_with_a_mangled_lang_parameter_ends_before_the_next_items_name() -> None:
    items = [f"{name}SDK 使用目的：{what} 隐私政策：https://open.example.com/announce?action=get&key=1{k}&version=1"
             f"⟨=zh_CN&platform=2" for k, (name, what) in enumerate(
                 (("甲乙分享", "分享内容到社交平台"), ("丙丁广告", "展示个性化广告"), ("戊己地图", "展示地图与定位"),
                  ("庚辛推送", "推送通知消息")), start=1)]
    text = "我们接入的第三方SDK如下：" + "".join(items) + "。以上第三方SDK均已与我们签订数据保护协议，我们会对其进行严格的安全检测。" * 4
    parts = cut(text, load_lexicon())
    assert any(p.startswith("丙丁广告SDK") for p in parts), parts
    assert any(p.endswith("platform=2") for p in parts), parts


def test_permission_constants_run_together_with_colons_are_cut_apart() -> None:
    text = ("应用权限说明：本应用需要以下权限： android.permission.READ_PHONE_STATE : 读取设备识别码，用于统计分析"
            "android.permission.CAMERA : 使用相机拍摄头像 android.permission.RECORD_AUDIO : 录制语音留言"
            " android.permission.ACCESS_FINE_LOCATION : 获取位置信息，用于推荐附近门店"
            ' android:name="android.permission.WAKE_LOCK" : 播放视频时保持屏幕常亮。') + "我们不会在您拒绝后反复申请权限。" * 12
    parts = cut(text, load_lexicon())
    for constant in ("READ_PHONE_STATE", "CAMERA", "RECORD_AUDIO", "ACCESS_FINE_LOCATION"):
        assert any(p.startswith(f"android.permission.{constant} :") for p in parts), parts
    assert any(p.startswith('android:name="android.permission.WAKE_LOCK"') for p in parts), parts


def test_a_few_constants_in_a_sentence_are_no_list() -> None:
    # guard: two constants named with colons in one long paragraph are not cut out of it
    text = ("我们会申请 android.permission.CAMERA : 相机权限 与 android.permission.RECORD_AUDIO : 麦克风权限，"
            "用于视频通话。") + "我们不会在您拒绝后反复申请权限，您可以在系统设置中随时关闭。" * 14
    assert cut(text, load_lexicon()) == [text]


def test_a_long_address_that_is_no_labelled_link_fails_fast() -> None:
    # hostile-input guard: a label, a long address, then words (no line of one link). Every character of the address
    # must match one way only, or failing the match tries every combination (it never returned before this fix)
    script = ("from auditor.policy.text import LABELLED_URL_RE\n"
              "line = '官网：https://x.example.com/' + 'a1-' * 40 + ' 以及其他说明'\n"
              "assert LABELLED_URL_RE.match(line) is None\n")
    done = subprocess.run([sys.executable, "-c", script], timeout=60, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_rows_and_scenes_come_from_the_reading_that_says_more_of_each(monkeypatch) -> None:
    # a run-on page whose permission items are cut apart (eight scenes) while one SDK of its list is lost to a cut,
    # against the page as written, where the items are one paragraph (one scene) and both SDKs are named: the SDK
    # rows of the one, the scenes of the other
    from auditor.policy import reader
    from auditor.policy.document import Document, Line
    from auditor.policy.model import Disclosure

    def reading(sdks: int, scenes: int) -> Disclosure:
        return Disclosure("p.txt", "text", "utf-8", 1, tuple(f"sdk{k}" for k in range(sdks)), (), (),  # type: ignore[arg-type]
                          tuple(f"scene{k}" for k in range(scenes)))  # type: ignore[arg-type]

    doc = Document("p.txt", "text", "utf-8", (Line(1, "x"),))
    restored = Document("p.txt", "text", "utf-8", (Line(1, "x"), Line(1, "y")))
    readings = {id(restored): reading(1, 8), id(doc): reading(2, 1)}
    monkeypatch.setattr(reader, "restore_lines", lambda d, lexicon: restored)
    monkeypatch.setattr(reader, "_read_document", lambda d, *rest: readings[id(d)])
    monkeypatch.setattr(reader, "_named", lambda r: len(r.sdks))
    monkeypatch.setattr(reader, "_paired", lambda r: len(r.scenes))
    found = reader.read_document(doc, memory_catalog(), load_lexicon(), resolver=object())
    assert (len(found.sdks), len(found.scenes)) == (2, 8)
    readings[id(restored)] = reading(2, 8)  # guard: one reading says more of both, it is kept whole
    assert reader.read_document(doc, memory_catalog(), load_lexicon(), resolver=object()) is readings[id(restored)]
    readings[id(restored)] = reading(2, 0)  # guard: as many SDKs, fewer scenes: the page as written, whole
    assert reader.read_document(doc, memory_catalog(), load_lexicon(), resolver=object()) is readings[id(doc)]


def test_an_item_number_with_a_dot_after_an_address_and_a_blank() -> None:
    # "…/policy 2. 丙丁广告": the next item opens after the address that ends the item before it
    items = [f"{k}. {name}SDK\n使用目的：{what}\n调用的设备权限：获取网络状态、读取手机状态和身份\n隐私政策：https://{host}.example.com/policy"
             for k, (name, what, host) in enumerate((("甲乙统计", "统计分析", "jiayi"), ("丙丁广告", "广告投放", "bingding"),
                                                     ("戊己地图", "地图定位", "wuji")), start=1)]
    text = "附录：本应用使用的第三方SDK如下，我们会定期检查它们处理数据的情况，并在其变更时更新本列表。" * 3 \
        + " ".join(i.replace("\n", "") for i in items)
    parts = cut(text, load_lexicon())
    assert any(p.startswith("2. 丙丁广告SDK") for p in parts), parts
    assert any(p.startswith("3. 戊己地图SDK") for p in parts), parts
    assert any(p == "隐私政策：https://jiayi.example.com/policy" for p in parts), parts
    assert any(p.startswith("调用的设备权限：") for p in parts), parts  # (the label whole, not "设备权限" alone)


def test_a_dotted_number_inside_an_address_is_no_item() -> None:
    # guard: "…/v2. " is the address's own, never the next item; "2.0" is a version
    text = ("第三方SDK名称：甲乙统计SDK使用目的：统计分析官网链接：https://jiayi.example.com/v2. 版本2.0及以上收集个人信息类型："
            "设备标识符提供方：甲乙科技有限公司") * 3
    parts = cut(text, load_lexicon())
    assert not any(p.startswith("2.") for p in parts), parts


LINKED_IN_SENTENCES = """\
# Third parties

The app sends data to these services:

* Crashfox: used for crash reporting only
* Mapwell: optionally used to show places on a map
* Tilegrid: optionally used for map tiles

Crash reports go to Crashfox, whose privacy policy applies to them: https://crashfox.example.com/privacy

Map requests go to Mapwell; read Mapwell's privacy notice at https://mapwell.example.com/legal/privacy

Mapwell and Tilegrid share one privacy policy: https://maps.example.org/privacy
"""


def test_a_row_takes_the_address_of_a_sentence_naming_its_privacy_policy(tmp_path) -> None:
    services = memory_catalog(entry("crashfox", "Crashfox", category="crash"), entry("mapwell", "Mapwell", category="maps"),
                              entry("tilegrid", "Tilegrid", category="maps"))
    d = _read(tmp_path, "sentences.md", LINKED_IN_SENTENCES, services)
    links = {s.name: s.link for s in d.sdks}
    assert links.get("Crashfox") == "https://crashfox.example.com/privacy", links
    assert links.get("Mapwell") == "https://mapwell.example.com/legal/privacy", links
    # guard: a sentence naming two of the rows gives neither its address
    assert "Tilegrid" in links and not links["Tilegrid"], links


def test_a_field_label_closing_a_list_of_names_is_no_row(tmp_path, catalog) -> None:
    # "…、戊己地图SDK，使用场景描述：广告推送": the label after the last name opens the next field
    text = ("为展示开屏广告，本应用接入了下列SDK。第三方SDK名称：甲乙统计SDK、丙丁广告SDK、戊己地图SDK，使用场景描述：展示开屏广告，"
            "共享的个人信息类型：设备型号、OAID。\n")
    d = _read(tmp_path, "names_then_label.txt", text, catalog)
    names = {s.name for s in d.sdks}
    assert {"甲乙统计SDK", "丙丁广告SDK", "戊己地图SDK"} <= names, names
    assert not any("描述" in n or "场景" in n for n in names), names


@pytest.mark.parametrize(("text", "tag"), [
    ("设备信息：网络设备硬件地址、IP 地址、设备型号", "mac"),
    ("IP 地址、接入网络的方式、设备型号", "network-state"),
    ("conversions are measured using the Advertiser ID of your device", "advertising-id"),
    ("we may check which applications present on the device come from our partners", "installed-apps"),
])
def test_data_words_policies_write_for_a_data_type(text: str, tag: str) -> None:
    assert tag in {t for t, _ in load_lexicon().data_types_in(text)}


def test_a_hardware_serial_number_is_no_address() -> None:
    # guard: "硬件地址" is the MAC address; "硬件序列号" is the serial number, and "设备硬件信息" names no data type
    lexicon = load_lexicon()
    assert {t for t, _ in lexicon.data_types_in("硬件序列号")} == {"serial"}
    assert not lexicon.data_types_in("设备硬件信息")
