"""Shapes met in Chinese SDK lists of app-store pages and in app policies, read right in round 24: a flattened
table whose rows stand a paragraph each (some with a cell left out, some with one more line), a header paragraph
with titles the lexicon does not know, records whose name label is left empty over the names below it, an SDK's
own products as labels under its record, an SDK table's permission column written as constants, a blank-separated
permission table whose scene comes first, Google Docs' bold spans, long English "A of …" titles, a scene that only
points back to the sentence before. In our own words, expected values written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.analysis import analyse
from auditor.policy.claims import Context
from auditor.policy.extractors.flat_table import _spaced_roles
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.loader import load_document
from auditor.policy.resolve import build_resolver
from auditor.policy.table import product_company
from auditor.policy.text import name_like
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

P = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("jpush", "JPush", "极光推送", "极光"),
                          entry("umeng-analytics", "Umeng Analytics", "友盟+", "友盟", "U-App统计", "友盟SDK"),
                          entry("umeng-apm", "Umeng APM", "U-APM"),
                          entry("umeng-share", "Umeng Share", "U-Share"),
                          entry("tencent-x5", "Tencent X5", "腾讯浏览服务", "TBS"),
                          entry("wechat-opensdk", "WeChat OpenSDK", "微信SDK", "微信开放平台"),
                          entry("alipay", "Alipay", "支付宝"),
                          entry("glide", "Glide"),
                          entry("fresco", "Fresco"),
                          entry("pangle", "Pangle"),
                          entry("ogury", "Ogury"),
                          entry("mintegral", "Mintegral"),
                          entry("applovin", "AppLovin"))


# a table flattened a cell a line, each row its own paragraph; two rows lost a cell, one kept no link
ROWS_AS_PARAGRAPHS = """\
第三方SDK列表


SDK名称
收集个人信息类型
使用目的
隐私政策链接


极光推送
设备信息、网络信息
推送消息
https://www.jiguang.cn/license/privacy


腾讯浏览服务
设备信息、应用信息
加载网页


星河地图
系统版本、手机型号



青禾支付
网络状态、设备信息
支付订单
https://pay.qinghe.example/privacy
"""


def test_a_flattened_table_whose_rows_are_paragraphs_reads_a_row_a_paragraph(tmp_path, catalog):
    d = _read(tmp_path, "rows.txt", ROWS_AS_PARAGRAPHS, catalog)
    assert [s.name for s in d.sdks] == ["极光推送", "腾讯浏览服务", "星河地图", "青禾支付"]
    by_name = {s.name: s for s in d.sdks}
    assert by_name["腾讯浏览服务"].link == ""  # its row has no address: never the next row's
    assert by_name["青禾支付"].link == "https://pay.qinghe.example/privacy"
    assert by_name["极光推送"].link == "https://www.jiguang.cn/license/privacy"
    assert all(s.extractor == "flat-table" for s in d.sdks)


# titles the lexicon does not know ("类型", "终端") inside one header paragraph; a row one line longer
HEADER_PARAGRAPH = """\
SDK列表如下：


SDK名称
类型
公司
获取权限
终端


微信登录
登录
深圳市腾讯计算机系统有限公司
读取手机状态和身份
安卓和iOS


友盟+
统计
友盟同欣（北京）科技有限公司
读取手机状态和身份
隐私政策：https://www.umeng.com/page/policy
安卓


青禾客服
客服
杭州青禾网络有限公司
使用网络
安卓
"""


def test_a_header_paragraph_keeps_its_unknown_titles_as_columns(tmp_path, catalog):
    d = _read(tmp_path, "header.txt", HEADER_PARAGRAPH, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("微信登录", "深圳市腾讯计算机系统有限公司"),
                                                     ("友盟+", "友盟同欣（北京）科技有限公司"),
                                                     ("青禾客服", "杭州青禾网络有限公司")]
    by_name = {s.name: s for s in d.sdks}
    assert by_name["微信登录"].permissions == (P + "READ_PHONE_STATE",)


# an SDK table with a permission column, its constants one a line, the last one cut after the row
PERMISSION_COLUMN = """\
SDK名称
包名
使用目的
使用的权限
隐私政策链接


Glide图库
com.bumptech.glide
图片加载
android.permission.WRITE_EXTERNAL_STORAGE
https://bumptech.github.io/glide/

android.permission.READ_EXTERNAL_STORAGE

Fresco图库
com.facebook.fresco
图片预览
android.permission.WRITE_EXTERNAL_STORAGE
https://frescolib.org/

android.permission.READ_EXTERNAL_STORAGE

星河组件
com.xinghe.kit
图片裁剪
android.permission.CAMERA
https://kit.xinghe.example/
"""


def test_constants_in_an_sdk_tables_permission_column_are_its_rows_permissions_not_scenes(tmp_path, catalog):
    d = _read(tmp_path, "perms.txt", PERMISSION_COLUMN, catalog)
    assert [s.name for s in d.sdks] == ["Glide图库", "Fresco图库", "星河组件"]
    by_name = {s.name: s for s in d.sdks}
    assert by_name["Glide图库"].permissions == (P + "READ_EXTERNAL_STORAGE", P + "WRITE_EXTERNAL_STORAGE")
    assert by_name["Fresco图库"].link == "https://frescolib.org/"  # not joined to the constant after the blank
    assert by_name["星河组件"].permissions == (P + "CAMERA",)
    assert not d.permissions or all(not p.scene.startswith("http") for p in d.permissions)


# records whose name label is left empty, the names (with their addresses) on the lines below it
NAMES_UNDER_AN_EMPTY_LABEL = """\
我们接入的第三方SDK如下：

（1）第三方SDK名称：
    “微信SDK”（https://open.weixin.qq.com/）
    “支付宝”（https://opendocs.alipay.com/）
    SDK用途：支付
    SDK收集的个人信息类型：设备信息
（2）第三方SDK名称：
    “LuckSelector”（https://github.com/xinghe/album）
    SDK用途：选择图片
    SDK收集的个人信息类型：照片
（3）第三方SDK名称：友盟SDK
    隐私政策链接：https://www.umeng.com/page/policy
    ① U-App统计SDK：需要收集您的设备Mac地址、IMEI以提供统计分析服务。
    ② U-APM监测SDK：采集设备标识符（Android ID）用于应用性能监控。
    ③ U-Share分享SDK：用于向目标设备分享消息。
（4）第三方SDK名称：
    “腾讯浏览服务”（https://x5.tencent.com/）
    SDK用途：加载网页
"""


def test_names_under_a_name_label_left_empty_are_rows_sharing_the_records_labels(tmp_path, catalog):
    d = _read(tmp_path, "empty.txt", NAMES_UNDER_AN_EMPTY_LABEL, catalog)
    by_name = {s.name: s for s in d.sdks}
    assert {"微信SDK", "支付宝", "LuckSelector", "腾讯浏览服务"} <= set(by_name)
    assert by_name["微信SDK"].link == "https://open.weixin.qq.com/"
    assert by_name["支付宝"].link == "https://opendocs.alipay.com/"
    assert by_name["支付宝"].purpose == "支付"  # the record's label, said of each name above it
    assert by_name["LuckSelector"].data_types == ("photos",)
    assert by_name["腾讯浏览服务"].id == "tencent-x5"


def test_an_sdks_products_as_labels_under_its_record_are_rows_of_their_own(tmp_path, catalog):
    d = _read(tmp_path, "products.txt", NAMES_UNDER_AN_EMPTY_LABEL, catalog)
    by_name = {s.name: s for s in d.sdks}
    assert {"友盟SDK", "U-App统计SDK", "U-APM监测SDK", "U-Share分享SDK"} <= set(by_name)
    assert by_name["U-App统计SDK"].data_types == ("imei", "mac")
    assert by_name["U-APM监测SDK"].id == "umeng-apm"  # a letter-dash brand inside a longer name
    assert by_name["U-Share分享SDK"].id == "umeng-share"
    assert by_name["友盟SDK"].link == "https://www.umeng.com/page/policy"


COMPANY_LABELS = [
    # a legal entity under a name-like label of a named record ("SDK 收集")
    ("SDK名称：腾讯浏览服务\nSDK包名：com.tencent.smtt\nSDK 收集：深圳市腾讯计算机系统有限公司\nSDK 用途：浏览网页\n\n"
     "SDK名称：极光推送\nSDK包名：cn.jpush.android\nSDK 收集：深圳市和讯华谷信息技术有限公司\n"
     "隐私链接：https://www.jiguang.cn/license/privacy\n",
     [("腾讯浏览服务", "深圳市腾讯计算机系统有限公司"), ("极光推送", "深圳市和讯华谷信息技术有限公司")]),
    # the source of an SDK
    ("第三方SDK名称：星河定位\n适用系统：Android\n第三方SDK来源：杭州星河科技有限公司\n收集的个人信息内容：位置信息\n\n"
     "第三方SDK名称：极光推送\n第三方SDK来源：深圳市和讯华谷信息技术有限公司\n收集的个人信息内容：设备信息\n",
     [("星河定位", "杭州星河科技有限公司"), ("极光推送", "深圳市和讯华谷信息技术有限公司")]),
    # an institution label right under a name line, where a page's party labels name products
    ("第三方SDK目录\n\n极光推送SDK\n所属机构：极光\nSDK用途：消息推送\n隐私政策链接：https://www.jiguang.cn/license/privacy\n\n"
     "友盟统计SDK\n所属机构：友盟\nSDK用途：统计分析\n",
     [("极光推送SDK", "极光"), ("友盟统计SDK", "友盟")]),
]


@pytest.mark.parametrize(("text", "expected"), COMPANY_LABELS)
def test_a_records_company_label_gives_its_company_not_its_name(tmp_path, catalog, text, expected):
    d = _read(tmp_path, "companies.txt", text, catalog)
    assert [(s.name, s.company) for s in d.sdks] == expected


def test_a_clause_saying_who_provides_something_is_no_name():
    assert not name_like("本应用中某些功能的技术模块由第三方SDK协助提供")
    assert not name_like("该功能由某某公司开发")
    assert name_like("X5内核（由腾讯提供）")


SPACED_SCENE_FIRST = """\
调用权限的情况如下：

获取场景 获取权限 对应功能 调用权限目的
首次启动 存储权限 全部功能 保证正常使用
保存图片 存储权限 图片功能 保存图片到相册
扫码登录 相机权限 登录功能 扫描二维码
下载安装 后台弹出界面 下载功能 提示安装
检查网络 查看WLAN 下载功能 提示网络状态
"""


def test_a_blank_separated_permission_table_with_the_scene_first_gives_each_rows_pair(tmp_path, catalog):
    d = _read(tmp_path, "spaced.txt", SPACED_SCENE_FIRST, catalog)
    pairs = {(p.scene.split()[0], p.permission.removeprefix(P)) for p in d.permissions if p.scene}
    assert ("扫码登录", "CAMERA") in pairs
    assert ("保存图片", "WRITE_EXTERNAL_STORAGE") in pairs
    assert ("检查网络", "ACCESS_WIFI_STATE") in pairs  # after a row naming no permission the table goes on


def test_a_line_of_long_cells_separated_by_blanks_is_no_header():
    lexicon = load_lexicon()
    ctx = Context(lexicon, build_resolver(memory_catalog(), lexicon).names, analyse((), lexicon))
    assert _spaced_roles("获取场景 获取权限 对应功能 调用权限目的", "", ctx) == ["scene", "permissions", "purpose", "description"]
    assert _spaced_roles("6.存储权限 如下场景在您授权的情况下，App会使用系统存储功能： 语音输入时录音数据会保存到文件中", "", ctx) is None
    assert _spaced_roles("权限 场景 目的", "h3", ctx) is None  # (a heading is no header row)


GOOGLE_DOCS = """\
<html><body>
<h4>Advertising partners</h4>
<p><span style="font-weight:400">The companies below serve ads in our games.</span></p>
<p><span style="font-size:11pt;font-weight:700">Mintegral</span></p>
<p><a href="https://www.mintegral.com/en/privacy/"><span>https://www.mintegral.com/en/privacy/</span></a></p>
<h4>AppLovin</h4>
<p><span>AppLovin is an advertising service provided by AppLovin Corporation.</span></p>
<p><span>Privacy Policy: https://www.applovin.com/privacy/</span></p>
<p><span style="font-weight: 700">Ogury</span></p>
<p><span>https://ogury.com/privacy-policy/</span></p>
<p><span style="font-weight:700">Pangle</span></p>
<p><span>https://www.pangleglobal.com/privacy/</span></p>
</body></html>
"""


def test_a_span_styled_bold_makes_a_title_line(tmp_path):
    page = tmp_path / "docs.html"
    page.write_text(GOOGLE_DOCS, encoding="utf-8")
    bold = [line.text for line in load_document(page).lines if line.bold]
    assert bold == ["Mintegral", "Ogury", "Pangle"]


def test_bold_names_over_their_addresses_are_rows_and_end_the_record_above(tmp_path, catalog):
    d = _read(tmp_path, "docs.html", GOOGLE_DOCS, catalog)
    by_name = {s.name: s for s in d.sdks}
    assert {"Mintegral", "AppLovin", "Ogury", "Pangle"} <= set(by_name)
    assert by_name["Ogury"].link == "https://ogury.com/privacy-policy/"
    assert by_name["Pangle"].link == "https://www.pangleglobal.com/privacy/"
    assert by_name["AppLovin"].link == "https://www.applovin.com/privacy/"  # its record ends at the bold title


ENGLISH_OF_TITLES = """\
| Name of plug-in / SDK and its provider | Purposes of processing of personal information and business functions | Types of personal information processed | Methods of collecting personal information by plug-in / SDK providers | Mobile OS |
|---|---|---|---|---|
| StarGate SDK by Stargate Loyalty Inc. | Loyalty points and member offers shown in the app | Member number, e-mail address | Collected through the SDK's API | Android |
| Google Sign-In | Sign in with a Google account | Name, e-mail address | Sign-in sheet shown by the SDK | Android |
"""


def test_long_english_titles_take_the_role_of_the_words_before_of(tmp_path, catalog):
    d = _read(tmp_path, "of.md", ENGLISH_OF_TITLES, catalog)
    assert [(s.name, s.company) for s in d.sdks] == [("StarGate SDK", "Stargate Loyalty Inc."),
                                                     ("Google Sign-In", "")]
    assert d.sdks[0].purpose.startswith("Loyalty points")
    assert d.sdks[1].method.startswith("Sign-in sheet")


def test_a_sentence_saying_who_provides_a_service_keeps_its_words_as_the_name():
    assert product_company("StarGate SDK by Stargate Loyalty Inc.") == ("StarGate SDK", "Stargate Loyalty Inc.")
    assert product_company("OpenX is an advertising service provided by OpenX Software Ltd") is None


def test_a_scene_that_only_points_back_takes_the_feature_of_the_sentence_before(tmp_path, catalog):
    text = ("2.4 课程管理\n"
            "a.您可以观看已经购买的课程的直播和回放视频，老师授课时会回答问题，直播过程中可参与讨论区发言。参与这些互动需要获取"
            "您的麦克风权限，讨论区将展示您自行填写的昵称以及您发布的留言内容。\n"
            "b.课程结束后，您可以对课程打分，也可以发表评论留言，我们将收集您发布的信息，并展示您的头像和昵称。\n"
            "c.我们为您提供免费的题库服务，您可以直接在应用上作答，老师会批改您的答案，作答形式支持选择答案、输入文字和拍照上传"
            "图片。这个过程需要获取您的摄像头权限。\n")
    d = _read(tmp_path, "back.txt", text, catalog)
    scenes = {p.permission.removeprefix(P): p.scene for p in d.permissions}
    assert scenes["RECORD_AUDIO"] == "直播过程中可参与讨论区发言"  # the last clause of the sentence before
    assert scenes["CAMERA"] == "作答形式支持选择答案、输入文字和拍照上传图片"


def test_new_chinese_labels_of_permissions(tmp_path, catalog):
    text = ("权限名称 使用场景 使用目的\n后台访问地理位置 运动记录 记录轨迹\n获取日志 问题反馈 分析应用问题\n")
    d = _read(tmp_path, "labels.txt", text, catalog)
    got = {p.permission.removeprefix(P) for p in d.permissions}
    assert {"ACCESS_BACKGROUND_LOCATION", "READ_LOGS"} <= got


ESCAPED_PAGE = """\
## 权限说明
1. 允许访问摄像头&quot;&lt;&quot;uses-permission android:name=&quot;android.permission.CAMERA&quot;/&quot;&gt;&quot; 扫码功能
2. 允许程序录音&quot;&lt;&quot;uses-permission android:name=&quot;android.permission.RECORD_AUDIO&quot;/&quot;&gt;&quot; 语音搜索
3. 允许读取日历&quot;&lt;&quot;uses-permission android:name=&quot;android.permission.READ_CALENDAR&quot;/&quot;&gt;&quot; 活动提醒
"""


def test_a_text_saved_with_its_markup_escaped_reads_unescaped_and_its_manifest_elements_as_permissions(tmp_path):
    page = tmp_path / "escaped.txt"
    page.write_text(ESCAPED_PAGE, encoding="utf-8")
    lines = [line.text for line in load_document(page).lines]
    assert lines[1] == "1. 允许访问摄像头 android.permission.CAMERA 扫码功能"
    page.write_text("见 https://example.com/p?a=1&amp;b=2 与 &lt;说明&gt;\n", encoding="utf-8")  # (a few: as written)
    assert load_document(page).lines[0].text == "见 https://example.com/p?a=1&amp;b=2 与 &lt;说明&gt;"


def test_a_numbered_item_about_its_sdks_gives_them_the_company_it_names(tmp_path, catalog):
    text = ("以下为我们使用的第三方SDK：\n"
            "(1)使用极光推送进行消息推送，我们会收集您的设备标识符。由深圳市和讯华谷信息技术有限公司提供技术支持。\n"
            "(2)使用分享组件提供社交分享功能，组件支持微信SDK、支付宝等平台的分享。由杭州星河科技有限公司提供技术支持。\n")
    d = _read(tmp_path, "items.txt", text, catalog)
    companies = {s.name: s.company for s in d.sdks}
    assert companies["极光推送"] == "深圳市和讯华谷信息技术有限公司"
    assert companies.get("微信SDK", "") == ""  # a platform a later sentence lists: not the item's company's


TEN_TITLES = "附表：第三方SDK\n\n\n" + "\n".join(["产品名称", "分类", "是否传输个人信息", "目的", "权限", "个人信息类型",
                                        "个人信息字段", "第三方机构名称", "数据去标识化传输情况", "第三方隐私协议或网站"]) + """


极光推送SDK
推送类
是
消息推送
网络访问权限
设备信息
IMEI
深圳市和讯华谷信息技术有限公司
已去标识化
https://www.jiguang.cn/license/privacy


星河统计SDK
统计类
是
统计分析
网络访问权限、读取手机状态
设备信息
Android ID
杭州星河科技有限公司
已去标识化
https://stat.xinghe.example/privacy
"""


def test_a_header_paragraph_of_ten_titles_reads_its_rows(tmp_path, catalog):
    d = _read(tmp_path, "ten.txt", TEN_TITLES, catalog)
    assert [(s.name, s.company, s.link) for s in d.sdks] == [
        ("极光推送SDK", "深圳市和讯华谷信息技术有限公司", "https://www.jiguang.cn/license/privacy"),
        ("星河统计SDK", "杭州星河科技有限公司", "https://stat.xinghe.example/privacy")]
    assert d.sdks[1].permissions == (P + "INTERNET", P + "READ_PHONE_STATE")


VALUES_BELOW_LABELS = """\
当您使用这些功能时，适用于以下第三方条款：

(1) 极光推送SDK

获取权限：

获取您的读写外部存储

查看您的网络连接状态

使用目的：

推送信息

第三方机构名称：

深圳市和讯华谷信息技术有限公司

(2) 星河统计SDK

获取权限：

读取手机状态和身份

使用目的：

数据统计与分析
"""


def test_a_labels_value_listed_one_a_line_below_it_is_all_of_that_value(tmp_path, catalog):
    d = _read(tmp_path, "below.txt", VALUES_BELOW_LABELS, catalog)
    by_name = {s.name: s for s in d.sdks}
    assert by_name["极光推送SDK"].permissions == (P + "ACCESS_NETWORK_STATE", P + "READ_EXTERNAL_STORAGE",
                                                 P + "WRITE_EXTERNAL_STORAGE")
    assert by_name["极光推送SDK"].company == "深圳市和讯华谷信息技术有限公司"
    assert by_name["星河统计SDK"].permissions == (P + "READ_PHONE_STATE",)


def test_a_purpose_said_with_yi_fangbian_is_the_scene(tmp_path, catalog):
    text = "权限说明如下：\n相机权限（android.permission.CAMERA）：拍摄照片，以方便您使用扫码添加好友等功能。\n"
    d = _read(tmp_path, "fangbian.txt", text, catalog)
    assert [(p.permission, p.scene) for p in d.permissions] == [(P + "CAMERA", "您使用扫码添加好友等功能")]


def test_the_kind_of_service_under_a_numbered_name_is_no_name_of_its_own(tmp_path, catalog):
    text = ("十一、第三方SDK使用说明\n1、友盟+\nSDK服务类型:统计分析服务、基础反作弊服务\n所需共享个人信息:设备Mac地址、IMEI\n"
            "SDK隐私链接:https://www.umeng.com/page/policy\n2、星河云存储SDK\nSDK服务类型:上传存储用户分享的内容\n"
            "所需共享个人信息:设备信息\nSDK隐私链接:https://cloud.xinghe.example/privacy\n")
    d = _read(tmp_path, "kind.txt", text, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [("友盟+", "https://www.umeng.com/page/policy"),
                                                  ("星河云存储SDK", "https://cloud.xinghe.example/privacy")]


def test_a_services_policy_label_over_its_address_names_the_service(tmp_path, catalog):
    text = ("## Ad partners' policies\n\n- **TikTok Ad Policy:** https://ads.tiktok.com/i18n/official/policy/privacy\n"
            "- **Mintegral Ad Policy:** https://www.mintegral.com/en/privacy\n"
            "- **Pangle Privacy Policy:** https://www.pangleglobal.com/privacy\n")
    d = _read(tmp_path, "adpolicies.md", text, catalog)
    assert [(s.name, s.link) for s in d.sdks] == [
        ("TikTok", "https://ads.tiktok.com/i18n/official/policy/privacy"),
        ("Mintegral", "https://www.mintegral.com/en/privacy"), ("Pangle", "https://www.pangleglobal.com/privacy")]


def test_a_numbered_marker_a_converter_escaped_is_a_marker(tmp_path):
    page = tmp_path / "escaped.txt"
    page.write_text("## 权限\n1\\. 允许访问摄像头 android.permission.CAMERA 扫码功能\n2\\. 允许程序录音 android.permission.RECORD_AUDIO"
                    " 语音搜索\n", encoding="utf-8")
    assert [line.text for line in load_document(page).lines][1:] == [
        "1. 允许访问摄像头 android.permission.CAMERA 扫码功能", "2. 允许程序录音 android.permission.RECORD_AUDIO 语音搜索"]
