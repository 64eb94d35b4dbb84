"""Shapes read right in round 29: an English permission table copied a cell a line, with yes-or-no question
columns and a permission label that shares its verb ("Read, receive and send SMS"); English permission items
whose first purpose only says the permission again, or leads into a list; Android's own labels for widgets and
app caches; a "Used by `…`:" line that is no scene label; SDK items marked "[一]" whose fields are label items
("(1)使用目的") and whose permissions are items of another marker; the next item's number run into an address;
a "SDK类型" label under a heading that names the SDK; permission sub-items under an empty permission label; a
flattened table whose first title ran into the paragraph above it. In our own words, expected values written by
hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy import load_lexicon
from auditor.policy.text import urls
from tests.policy.helpers import entry, memory_catalog, scene_permissions, scene_with
from tests.policy.helpers import read_text as _read

A = "android.permission."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("umeng-analytics", "Umeng Analytics", "友盟"),
                          entry("tencent-qq", "QQ SDK", "QQ互联"))


_scenes = scene_permissions
_scene_with = scene_with


def test_english_yes_or_no_titles_are_the_users_choice() -> None:
    lexicon = load_lexicon()
    assert lexicon.role("Whether the user is asked") == "choice"
    assert lexicon.role("WHETHER USER CAN DENY PERMISSIONS") == "choice"
    assert lexicon.role("Can users refuse it?") == "choice"
    assert lexicon.role("Related functions") == "scene"
    # a title that merely holds one of those words is no question
    assert lexicon.role("Permission") == "permissions"
    assert lexicon.role("Used by") == "scene"
    assert lexicon.role("Used by `Play services`") != "scene"


ENGLISH_FLAT_TABLE = """\
2.4 Permissions on your device
The app may ask for the permissions in the table below.
PERMISSION
RELATED FUNCTIONS
PURPOSE OF PERMISSIONS
WHETHER USER WILL BE ASKED
WHETHER USER CAN DENY IT
Read and delete files on storage
Export notes
Save exported notes as files
yes
yes
Approximate location
Local forecast
Show the weather where you are
yes
yes
Battery saver tweaks
Power mode
Switch the power profile
no
no
Read, receive and send SMS
Message backup
Copy your messages to the backup file
yes
yes
You can change these permissions in the system settings at any time.
"""


def test_an_english_permission_table_copied_a_cell_a_line(tmp_path, catalog) -> None:
    d = _read(tmp_path, "flat.txt", ENGLISH_FLAT_TABLE, catalog)
    assert _scene_with(d, "Export notes") == {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}
    assert _scene_with(d, "Local forecast") == {"ACCESS_COARSE_LOCATION"}
    # a row whose label names no permission the lexicon knows is stepped over; the row after it still reads
    assert _scene_with(d, "Message backup") == {"READ_SMS", "RECEIVE_SMS", "SEND_SMS"}
    assert not any("WHETHER" in name for name in _scenes(d))


ENGLISH_ITEMS = """\
What permissions do we request?
1. Access USB storage & modify or delete the contents of your USB storage
These permissions allow Sky Paper to read and write to the USB storage, so we can keep downloaded backgrounds on your phone.
2. Take pictures
This permission allows Sky Paper to take a photo for your custom background and also allows the torch widget to light the camera flash.
3. Full network access & view network connections
These permissions allow Sky Paper to reach the network for features including backgrounds, clocks, forecasts and sharing.
4. Choose widgets
This permission allows Sky Paper to place its clock widget on your home screen.
5. Delete all app cache data
This permission allows the cleaner tile to free space taken by other apps' caches.
"""


def test_english_permission_items_say_their_use(tmp_path, catalog) -> None:
    d = _read(tmp_path, "items.txt", ENGLISH_ITEMS, catalog)
    names = _scenes(d)
    # the first purpose only says the permission again: the one after it is the use
    assert _scene_with(d, "keep downloaded backgrounds") == {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}
    assert not any("read and write to the USB storage" in n for n in names)
    # a purpose runs to "and also", not past it to the end of the sentence
    assert _scene_with(d, "custom background") == {"CAMERA"}
    assert not any("torch" in n for n in _scenes(d))
    # a purpose leading into a list is the whole list
    assert _scene_with(d, "clocks, forecasts and sharing") >= {"INTERNET", "ACCESS_NETWORK_STATE"}
    # Android's own labels
    assert _scene_with(d, "clock widget") == {"BIND_APPWIDGET"}
    assert _scene_with(d, "free space") == {"CLEAR_APP_CACHE"}


def test_android_labels_written_with_wifi() -> None:
    lexicon = load_lexicon()
    assert [p for p, _ in lexicon.permissions_in("Connect and disconnect from Wifi", weak=True)] \
        == [A + "CHANGE_WIFI_STATE"]


USED_BY = """\
## Permissions

- android.permission.CAMERA
  - This permission is used to scan barcodes of books;
  - It is only used when you tap the scan button.

- android.permission.READ_CONTACTS
  - This permission is used to pick a friend to lend a book to;
  - It is only used to read the names of your contacts,
    and no phone numbers will be read.

- Used by `Analytics`:
  - `Analytics core`:
    - android.permission.ACCESS_NETWORK_STATE
    - android.permission.WAKE_LOCK
  - `Analytics ads`:
    - com.google.android.gms.permission.AD_ID
"""


def test_a_used_by_line_is_no_scene_label(tmp_path, catalog) -> None:
    d = _read(tmp_path, "perms.md", USED_BY, catalog)
    assert _scene_with(d, "pick a friend") == {"READ_CONTACTS"}
    assert not any("Analytics" in n for n in _scenes(d))


BRACKETED_ITEMS = """\
五、第三方SDK清单
[一] 调用QQ SDK
(1)使用目的
用户可以把书单分享给QQ好友
(2)使用范围
仅限分享书单时
(3)所有可能的应用场景
用户分享书单时
[二] 调用书城推送SDK
1）INTERNET访问网络权限：允许应用联网，以便提供推送服务。
2）READ_PHONE_STATE获取手机状态：读取设备的IMEI，以便提供推送服务。
3）VIBRATE获取震动权限：收到推送时振动提示。
[三] 友盟SDK
1）ACCESS_NETWORK_STATE获取网络状态：检测联网方式，节省流量。
2）ACCESS_WIFI_STATE获取WiFi状态：读取WIFI mac地址，以便提供统计服务。
"""


def test_bracket_numbered_sdk_items_with_their_fields_and_permissions(tmp_path, catalog) -> None:
    d = _read(tmp_path, "sdks.txt", BRACKETED_ITEMS, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"调用QQ SDK", "调用书城推送SDK", "友盟SDK"}
    assert {p.removeprefix(A) for p in rows["调用书城推送SDK"].permissions} \
        == {"INTERNET", "READ_PHONE_STATE", "VIBRATE"}
    assert {p.removeprefix(A) for p in rows["友盟SDK"].permissions} == {"ACCESS_NETWORK_STATE", "ACCESS_WIFI_STATE"}
    # the SDKs' own permissions are no scenes of the app
    assert not d.scenes


def test_the_next_items_number_run_into_an_address_is_no_part_of_it() -> None:
    assert urls("隐私政策：https://www.example.com/page/policy2.功能类型：推送") == ["https://www.example.com/page/policy"]
    assert urls("链接：https://example.cn/QQ互联SDK隐私保护声明") == ["https://example.cn/QQ互联SDK隐私保护声明"]
    assert urls("见 https://example.com/v2.0/privacy。") == ["https://example.com/v2.0/privacy"]


KIND_LABELS = """\
附件：第三方SDK目录
（9）甲推送SDK
SDK类型：工具
SDK描述：在甲品牌手机上启用推送服务
SDK使用的权限：
1）访问WIFI状态：优化与服务器的连接
2）写入外部存储器：缓存推送配置
公司名称：甲科技有限公司
（10）乙推送SDK
SDK类型：在乙品牌手机上启用推送服务
SDK使用业务场景：App通知推送
SDK使用的权限：
1）访问WIFI状态：优化与服务器的连接
2）写入外部存储器：缓存推送配置
3）获取应用安装列表：提高消息送达率
公司名称：乙通讯有限公司
"""


def test_a_kind_label_under_a_heading_and_permission_sub_items(tmp_path, catalog) -> None:
    d = _read(tmp_path, "kv.txt", KIND_LABELS, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"甲推送SDK", "乙推送SDK"}
    assert rows["乙推送SDK"].company == "乙通讯有限公司"
    assert {p.removeprefix(A) for p in rows["乙推送SDK"].permissions} \
        >= {"ACCESS_WIFI_STATE", "WRITE_EXTERNAL_STORAGE", "QUERY_ALL_PACKAGES"}
    assert {p.removeprefix(A) for p in rows["甲推送SDK"].permissions} >= {"ACCESS_WIFI_STATE", "WRITE_EXTERNAL_STORAGE"}


GLUED_FIRST_TITLE = """\
（七）设备权限调用为向您提供服务，我们可能调用以下权限。如您拒绝，您将无法使用对应的功能。设备权限
对应业务功能
调用权限目的
是否询问
可否关闭权限
位置
附近门店
展示离您最近的门店
首次打开时询问
是
相机
扫码点餐
扫描桌上的二维码
使用扫码前询问
是
麦克风
语音点餐
录制您说出的菜名
使用语音前询问
是
"""


def test_a_flattened_table_whose_first_title_ran_into_the_paragraph(tmp_path, catalog) -> None:
    d = _read(tmp_path, "glued.txt", GLUED_FIRST_TITLE, catalog)
    assert _scene_with(d, "附近门店") >= {"ACCESS_FINE_LOCATION"} or _scene_with(d, "附近门店") >= {"ACCESS_COARSE_LOCATION"}
    assert _scene_with(d, "扫码点餐") == {"CAMERA"}
    assert _scene_with(d, "语音点餐") == {"RECORD_AUDIO"}


CLAUSE_BEFORE = """\
**（三）为您提供语音房间服务**
**当您基于和好友聊天的需要，要在房间里发送语音或进行多人语音通话；我们需要获取您的麦克风权限。**
**您上传的头像会保存在云端，我们需要获取您的存储权限帮助您把手机里的图片设为头像。**
"""


def test_a_moment_closed_by_a_semicolon_and_a_use_after_help(tmp_path, catalog) -> None:
    d = _read(tmp_path, "voice.md", CLAUSE_BEFORE, catalog)
    assert _scene_with(d, "多人语音通话") == {"RECORD_AUDIO"}
    assert _scene_with(d, "把手机里的图片设为头像") >= {"READ_EXTERNAL_STORAGE"}


GLUED_PAGE = (
    "三、第三方SDK以下是我们接入的第三方SDK：（1）甲统计 SDK使用目的：为了统计应用的使用情况。信息类型：设备型号、"
    "IMEI公司名称：甲数据科技有限公司官网链接：https://www.jia-stats.example.cn/甲统计隐私政策：https://www.jia-stats"
    ".example.cn/privacy（2）乙推送 SDK使用目的：向您推送消息。信息类型：Android ID、网络类型公司名称：乙互动科技有限"
    "公司官网链接：https://www.yi-push.example.cn/乙推送隐私政策：https://www.yi-push.example.cn/policy（3）丙地图 SDK"
    "使用目的：为您提供附近门店的位置。信息类型：精确位置信息公司名称：丙地图技术有限公司官网链接：https://map.bing-"
    "example.cn/丙地图隐私政策：https://map.bing-example.cn/privacy四、我们如何保护您的个人信息我们会采取各种安全"
    "措施保护您的个人信息，防止其遭到未经授权的访问、公开披露、使用、修改、损坏或丢失。" * 1 + "\n"
)


def test_a_page_that_lost_its_line_breaks_reads_each_record(tmp_path, catalog) -> None:
    d = _read(tmp_path, "glued.txt", GLUED_PAGE, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows) == {"甲统计 SDK", "乙推送 SDK", "丙地图 SDK"}
    assert rows["甲统计 SDK"].company == "甲数据科技有限公司"
    assert rows["甲统计 SDK"].link == "https://www.jia-stats.example.cn/privacy"
    assert rows["乙推送 SDK"].company == "乙互动科技有限公司"
    assert rows["丙地图 SDK"].link == "https://map.bing-example.cn/privacy"


def test_a_long_paragraph_with_a_colon_or_two_is_left_as_written() -> None:
    from auditor.policy.glued_lines import cut
    text = ("我们会根据您的授权收集以下信息：设备型号、操作系统版本。" * 20) + "联系我们：privacy@example.cn"
    assert cut(text, load_lexicon()) == [text]


MERGED_KIND = """\
第三方SDK目录如下。SDK名称
使用目的
收集的信息
隐私政策链接
第三方登录及分享
甲分享 SDK
分享到社交平台
设备信息
https://share.example.cn/privacy
乙登录 SDK
第三方登录
设备信息
https://login.example.cn/privacy
第三方支付
丙支付 SDK
订单支付
设备信息、订单信息
https://pay.example.cn/privacy
丁钱包 SDK
订单支付
设备信息
https://wallet.example.cn/privacy
"""


def test_the_merged_kind_column_of_a_flattened_table_names_no_company(tmp_path, catalog) -> None:
    d = _read(tmp_path, "kinds.txt", MERGED_KIND, catalog)
    assert not [s.company for s in d.sdks if s.company]
    assert {"甲分享 SDK", "乙登录 SDK", "丙支付 SDK", "丁钱包 SDK"} <= {s.name for s in d.sdks}


BLOCKS = """\
接入的第三方SDK如下表所列：




SDK名称
用途
数据类型
官网地址
隐私协议地址




甲视频SDK
用于播放课程视频
获取网络状态
https://video.example.cn/
https://video.example.cn/privacy


乙广告SDK（丙广告sdk）
用于展示广告
设备标识信息
https://ads.example.cn/
https://ads.example.cn/privacy


丁广告SDK
用于展示广告
设备标识信息
https://ding.example.cn/



戊地图SDK
用于获取位置信息
获取位置
https://map.example.cn/
https://map.example.cn/privacy


己统计SDK
用于统计
设备标识
https://stat.example.cn/
https://stat.example.cn/privacy
"""


def test_rows_a_paragraph_each_one_with_a_cell_left_out(tmp_path, catalog) -> None:
    # "甲视频SDK" names no data though "视频" is a word of data; "（丙广告sdk）" is the product's other name
    d = _read(tmp_path, "blocks.txt", BLOCKS, catalog)
    rows = {s.name: s for s in d.sdks}
    assert {"甲视频SDK", "乙广告SDK（丙广告sdk）", "丁广告SDK", "戊地图SDK", "己统计SDK"} <= set(rows)
    assert rows["戊地图SDK"].link == "https://map.example.cn/privacy"
    assert not rows["乙广告SDK（丙广告sdk）"].company


PARTNERS = """\
A. Analytics partners
The partners we select include but are not limited to Flurry (Oath Inc.), AppsFlyer (AppsFlyer Ltd.) and Firebase (analytics platform of Google LLC), etc.
B. Information collected by our advertising partners
The partners we work with include Google AdMob (ad platform of Google LLC), MoPub (ad platform of Twitter, Inc.), AppLovin, Fyber, etc. They may collect your advertising ID.
C. Analytics
We use AppsFlyer (AppsFlyer Ltd.) to measure installs, and our reports are hosted by Acme Hosting Inc. in the EU.
"""


def test_each_partner_of_a_sentence_has_the_company_in_its_own_bracket(tmp_path) -> None:
    catalog = memory_catalog(entry("google-admob", "Google AdMob", vendor="Google LLC"),
                             entry("twitter-mopub", "MoPub", vendor="Twitter, Inc."),
                             entry("applovin", "AppLovin", vendor="AppLovin Corporation"),
                             entry("fyber", "Fyber", vendor="Fyber N.V."),
                             entry("appsflyer", "AppsFlyer", vendor="AppsFlyer Ltd."),
                             entry("flurry", "Flurry", vendor="Yahoo Inc."),
                             entry("firebase", "Firebase", vendor="Google LLC"))
    d = _read(tmp_path, "partners.txt", PARTNERS, catalog)
    companies = {s.name: s.company for s in d.sdks}
    assert companies["Google AdMob"] == "Google LLC"
    assert companies["MoPub"] == "Twitter, Inc."
    # a name without a bracket of its own takes no other name's company
    assert companies["AppLovin"] == "" and companies["Fyber"] == ""
    assert companies["AppsFlyer"] == "AppsFlyer Ltd."
    # one plain word each, named beside a distinctive name across their brackets
    assert companies["Flurry"] == "Oath Inc." and companies["Firebase"] == "Google LLC"


PERMISSION_AND_DATA = """\
| SDK名称 | 收集的个人信息 | 使用的权限 |
|---|---|---|
| 甲推送SDK | 设备标识信息（IMEI、Android ID） | 写入外部存储器、访问WIFI状态 |
| 乙统计SDK | | 读取手机状态和身份 |
"""


def test_a_rows_data_is_what_it_names_not_what_its_permissions_could_read(tmp_path, catalog) -> None:
    d = _read(tmp_path, "perm.md", PERMISSION_AND_DATA, catalog)
    rows = {s.name: s for s in d.sdks}
    assert set(rows["甲推送SDK"].data_types) == {"imei", "android-id"}
    assert {p.removeprefix(A) for p in rows["甲推送SDK"].permissions} == {"WRITE_EXTERNAL_STORAGE", "ACCESS_WIFI_STATE"}
    # a row naming no data of its own: what its permissions read is all it says
    assert "phone-state" in rows["乙统计SDK"].data_types


def test_a_use_said_after_the_permission_beats_a_courtesy_before_it(tmp_path, catalog) -> None:
    text = "5. 为保障您正常使用本产品，维护我们服务的正常运行，我们需要访问您的内存卡权限，实现聊天记录的备份，以及为用户提供导出文件等服务。\n"
    d = _read(tmp_path, "card.md", text, catalog)
    assert _scene_with(d, "聊天记录的备份") == {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}


JSX_FRAGMENTS = """\
export default function Privacy() {
  return (
    <Section>
      <h2>Advertising partners</h2>
      <p>Each partner has its own privacy policy:</p>
      <List
        items={[
          <>
            <Strong>AppLovin</Strong> -{" "}
            <Anchor href="https://www.applovin.com/privacy/">applovin.com/privacy</Anchor>
          </>,
          <>
            <Strong>InMobi</Strong> -{" "}
            <Anchor href="https://www.inmobi.com/privacy-policy">inmobi.com/privacy-policy</Anchor>
          </>,
          <>
            <Strong>Example Mediation</Strong> -{" "}
            <Anchor href="https://mediation.example.com/privacy">mediation.example.com/privacy</Anchor>
          </>,
        ]}
      />
    </Section>
  );
}
"""


def test_the_fragments_of_a_jsx_list_are_its_items(tmp_path) -> None:
    catalog = memory_catalog(entry("applovin", "AppLovin"), entry("inmobi", "InMobi"))
    d = _read(tmp_path, "Privacy.tsx", JSX_FRAGMENTS, catalog)
    links = {s.name: s.link for s in d.sdks}
    assert links["AppLovin"] == "applovin.com/privacy"
    assert links["InMobi"] == "inmobi.com/privacy-policy"
    assert links["Example Mediation"] == "mediation.example.com/privacy"


TWO_PLATFORMS = """\
（三）需要您授权的系统权限
安卓操作系统应用权限列表
a.读取日历
读取您系统中的日历活动，用于提醒您看房的日程
b.编辑日历
添加或修改系统中的日历活动，用于写入看房日程提醒
 c.录音
使用麦克风录制音频
用于发送语音留言
iOS操作系统应用权限列表
a.访问相册
用于上传房屋照片
b.使用摄像头
用于拍摄房屋照片
"""


def test_a_platforms_list_title_and_a_lettered_item_set_off_by_a_blank(tmp_path, catalog) -> None:
    d = _read(tmp_path, "platforms.txt", TWO_PLATFORMS, catalog)
    said = {f"{s.name} {s.description}": {p.rsplit(".", 1)[-1] for p in s.permissions} for s in d.scenes}

    def scene_saying(words: str) -> set[str]:
        found = [perms for text, perms in said.items() if words in text]
        assert len(found) == 1, said
        return found[0]

    assert scene_saying("写入看房日程提醒") == {"WRITE_CALENDAR"}
    # "c." is the item after "b.", however it is indented: not a line of b's text
    assert scene_saying("发送语音留言") == {"RECORD_AUDIO"}
    # the iOS list's items name no Android permission
    assert not any("房屋照片" in text for text in said)


def test_the_next_items_number_run_into_an_address_of_a_glued_page() -> None:
    from auditor.policy.glued_lines import _numbers_after_addresses
    text = ("9、甲SDK：用于统计。来源：https://stats.example.cn/privacy10、乙SDK：用于推送。来源：https://push.example.cn/"
            "tab=privacy11、丙SDK：用于地图。")
    cuts, last = _numbers_after_addresses(text, 0)
    # 10 after 9, 11 after 10: the two digits are the item's, not the address's
    assert sorted(text[k:k + 3] for k in cuts) == ["10、", "11、"] and last == 11
    # with no number before it, only the last digit is the item's ("…/policy2、": item 2)
    cuts, _ = _numbers_after_addresses("链接：https://a.example.cn/page/policy2、下一项", 0)
    assert [k for k in cuts] == ["链接：https://a.example.cn/page/policy2、下一项".index("2、")]


def test_a_glued_page_past_the_bound_is_read_as_written_only() -> None:
    from auditor.policy.document import Document, Line
    from auditor.policy.glued_lines import MAX_RESTORED_CHARS, restore_lines
    record = "（1）甲统计 SDK使用目的：统计。信息类型：设备型号公司名称：甲数据科技有限公司官网链接：https://a.example.cn/"
    small = Document("p.txt", "text", "utf-8", (Line(1, record * 20),))
    assert len(restore_lines(small, load_lexicon()).lines) > 1
    big = Document("p.txt", "text", "utf-8", (Line(1, record * (MAX_RESTORED_CHARS // len(record) + 1)),))
    assert restore_lines(big, load_lexicon()) is big


TABLE_WITH_LINK_LABELS = """\
6. 我们接入的第三方SDK逐项列举如下：


功能类型
第三方SDK名称
使用场景
个人信息字段
第三方机构名称
第三方链接


地图类
甲地图
推荐附近的门店
设备相关信息（IMEI）、位置信息
甲地图科技有限公司
官网链接:https://map.jia.example.cn
隐私政策链接:https://map.jia.example.cn/privacy


分享类
乙分享
分享文章到社交平台
设备相关信息（IMSI）
乙互动科技有限公司
官网链接:https://share.yi.example.cn
隐私政策链接:https://share.yi.example.cn/privacy


统计类
丙统计
统计功能使用情况
设备相关信息（Android ID）
丙数据技术有限公司
官网链接:https://stats.bing.example.cn
隐私政策链接:https://stats.bing.example.cn/privacy
"""


def test_a_flattened_table_is_not_lost_to_the_link_labels_in_its_cells(tmp_path, catalog) -> None:
    # "甲地图科技有限公司" over "官网链接：…" / "隐私政策链接：…" reads as a record named by a company: the table, whose
    # cells those lines are, keeps them
    d = _read(tmp_path, "links.txt", TABLE_WITH_LINK_LABELS, catalog)
    assert {(s.name, s.company) for s in d.sdks} == {
        ("甲地图", "甲地图科技有限公司"), ("乙分享", "乙互动科技有限公司"), ("丙统计", "丙数据技术有限公司")}


def test_a_company_run_into_the_products_name_after_its_sdk_word() -> None:
    from auditor.policy.table import product_company
    assert product_company("甲地图SDK甲地图软件有限公司") == ("甲地图SDK", "甲地图软件有限公司")
    assert product_company("乙广告SDK北京乙网络技术有限公司") == ("乙广告SDK", "北京乙网络技术有限公司")
    assert product_company("丙推送SDK") is None
