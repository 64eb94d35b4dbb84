"""Prose naming SDKs, then a paragraph about them ("These ad providers may collect…") with its list, written as
plain text whose list items lost their markers (short lines, a blank line between). In our own words; expected
values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("admob", "Google AdMob", "AdMob"), entry("pangle", "穿山甲", "Pangle"))


PLAIN = """\
Advertising

Our app shows ads served by partners such as Google AdMob.

These ad partners may collect and use:

Advertising ID

IP address

The data is used to show ads.
"""


def test_a_paragraph_about_the_sdks_named_before_gives_them_its_data(tmp_path, catalog):
    rows = _read(tmp_path, "ads.txt", PLAIN, catalog).sdks
    assert [(r.id, set(r.data_types)) for r in rows] == [("admob", {"advertising-id", "ip"})]


ZH = """\
我们接入了穿山甲SDK用于广告投放。

上述第三方SDK可能收集：设备型号、OAID。
"""


def test_the_same_in_chinese(tmp_path, catalog):
    rows = _read(tmp_path, "ads_zh.txt", ZH, catalog).sdks
    assert [(r.id, set(r.data_types)) for r in rows] == [("pangle", {"device-model", "oaid"})]


def test_a_paragraph_about_something_else_gives_nothing(tmp_path, catalog):
    # guard: the next paragraph is about the app's own server, not the SDK named before it
    text = "Our app shows ads served by Google AdMob.\n\nOur servers keep your IP address for 30 days.\n"
    rows = _read(tmp_path, "other.txt", text, catalog).sdks
    assert [(r.id, r.data_types) for r in rows] == [("admob", ())]


def test_lines_that_follow_a_label_directly_are_no_bare_items(tmp_path, catalog):
    # guard: under "as follows:", a line of its own right after it ("Vendor push") heads a record, not an item
    text = ("Google AdMob serves our ads. For AdMob, add these lines:\nVendor push\nData: Android ID\n")
    rows = {r.id: r for r in _read(tmp_path, "follow.txt", text, catalog).sdks}
    assert "android-id" not in rows["admob"].data_types


def test_the_path_of_an_address_in_a_sentence_names_no_sdks(tmp_path):
    catalog = memory_catalog(entry("acme", "Acme Tracker", "Acme"), entry("admob", "Google AdMob", "AdMob"))
    text = ("By default the Acme SDK filters headers (see the [list](https://github.com/acme/acme-java/blob/main/"
            "acme/src/main/java/io/acme/util/HttpUtils.java#L21-L34) of headers it drops).\n")
    names = [r.name for r in _read(tmp_path, "path.md", text, catalog).sdks]
    assert not {"main", "src", "io", "util"} & set(names)


def test_a_later_sentence_naming_the_sdk_with_its_company_gives_the_row_its_company(tmp_path):
    catalog = memory_catalog(entry("quill", "QuillPush SDK", "QuillPush"))
    text = ("QuillPush SDK 隐私政策\n\n"
            "您务必告知用户，请在《隐私政策》中增加如下条款：\n\n"
            "我们使用了第三方（杭州羽笔信息技术有限公司，以下称“羽笔”）QuillPush SDK 服务为您提供消息推送。\n")
    rows = _read(tmp_path, "vendor.txt", text, catalog).sdks
    assert [(r.id, r.company) for r in rows] == [("quill", "杭州羽笔信息技术有限公司")]


def test_a_short_clause_wrapped_onto_the_next_line_gives_its_scene(tmp_path, catalog):
    """A crawled page breaks a sentence after a short clause ("（1）为了扫描二维码，" / "我们需要使用您的摄像头权限。"):
    the two lines are one sentence, whose moment is the permission's scene."""
    d = _read(tmp_path, "perm.txt", "（二）设备权限\n（1）为了扫描二维码，\n我们需要使用您的摄像头权限。\n", catalog)
    assert [(p.permission, p.scene) for p in d.permissions] == [("android.permission.CAMERA", "扫描二维码")]


QUOTED_USES = """\
SDK技术
1.     我们使用了“星河推送”的SDK，功能是消息推送，使用到的权限是“读取手机状态”，获取的用户信息是设备标识符。
2.     我们使用了“云图统计”的SDK，功能是统计分析，使用到的权限是“网络”，获取的用户信息是IP地址。
"""


def test_a_quoted_name_the_app_uses_as_an_sdk_is_a_row_beside_its_permission_item(tmp_path, catalog):
    """"我们使用了“X”的SDK，…使用到的权限是…": the quotes bound an SDK's name the catalog need not know, and the
    item is a permission item too, whose lines the permission list keeps."""
    d = _read(tmp_path, "sdk.txt", QUOTED_USES, catalog)
    assert [(s.name, s.id) for s in d.sdks] == [("星河推送", None), ("云图统计", None)]
    assert "ip" in d.sdks[1].data_types
