"""Shapes read right in round 45, in our own words with made-up names, expected values written by hand.

- A row whose name is, or opens with, a registered company's name ("Quillo Media Ltd., dba Quillo", "某某科技有限公司
  SDK", "某某（某某科技有限公司）SDK") and no company cell: the name itself says whose the row is, so that is its
  company; a kind of party ("第三方物流公司") gives none.
- One line holding a whole record, its data list cut at semicolons, whose last item runs into the next field's
  label after a blank ("…；Android ID；位置信息 官网链接：https://…"): the item is the data list's, not part of the label.
- A permission's system description, then after a comma, bare, what the app uses it for ("允许应用直接拨打电话，
  方便联系门店"): that clause is the scene, unless it goes on with the description ("…，可能产生GPRS流量").
- "IM SDK" alone names a kind of SDK (every IM vendor's is called so); its company, or a vendor's word before it
  ("腾讯IMSDK"), says whose; "im" is such a kind only as a word of its own (never the "im" of "IMEI").
- "设备识别码权限" names the permission that reads the device's identifiers (READ_PHONE_STATE).
- A company-first table whose product column holds only a few kinds ("第三方公司名称 | 产品/类型" over
  "丁丁框架 | 框架SDK") and whose company column holds the parties' own names, no registered company's: the parties
  are the products.
- A flattened permission table whose first label names no permission the lexicon knows keeps its other rows in
  step; a record stepped over joins no row; of the readings by the header's period, the one with the most records
  in step wins.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.model import Catalog
from auditor.policy.claims import SceneClaim
from auditor.policy.extractors.flat_table import best_reading
from auditor.policy.facts import company_in_name
from auditor.policy.lexicon_data import load_lexicon
from auditor.policy.period_rows import Reading
from auditor.policy.resolve import Evidence, build_resolver, says
from tests.policy.helpers import made_up_catalog, only_row, row_names, scene_permissions
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return made_up_catalog("jia-push", "bing-stat")


@pytest.mark.parametrize(("name", "company"), [
    ("Quillo Media Ltd., dba Quillo", "Quillo Media Ltd."),
    ("Crashfox, Inc.", "Crashfox, Inc."),
    ("Zentra Analytics ApS", "Zentra Analytics ApS"),
    ("Moxel Tracking (Moxel Labs, Inc.)", "Moxel Labs, Inc."),
    ("北京甲乙信息技术有限公司SDK", "北京甲乙信息技术有限公司"),
    ("北京甲乙信息技术有限公司的“甲乙推送”SDK", "北京甲乙信息技术有限公司"),
    ("甲乙（北京甲乙信息技术有限公司）SDK", "北京甲乙信息技术有限公司"),
    ("丙丁统计SDK（上海丙丁网络科技有限公司）", "上海丙丁网络科技有限公司"),
    ("第三方物流公司", ""),
    ("相关公司的SDK", ""),
    ("丙丁统计SDK", ""),
    ("Quillo Partners", ""),
])
def test_company_a_name_gives(name: str, company: str) -> None:
    assert company_in_name(name) == company


COMPANY_NAMED_ROWS = """我们接入的第三方SDK如下：

| SDK | 使用目的 | 收集的信息 |
| --- | --- | --- |
| 北京甲乙信息技术有限公司SDK | 消息推送 | 设备标识符 |
| 丙丁统计SDK | 统计分析 | 设备型号 |
| 上海戊己网络科技有限公司 | 一键登录 | 手机号码 |
"""


def test_rows_named_by_their_company_take_it_as_their_company(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "named.md", COMPANY_NAMED_ROWS, catalog)
    assert only_row(d, "北京甲乙信息技术有限公司SDK").company == "北京甲乙信息技术有限公司"
    assert only_row(d, "上海戊己网络科技有限公司").company == "上海戊己网络科技有限公司"
    assert only_row(d, "丙丁统计SDK").company == ""  # (no company written anywhere in its row)


ONE_LINE_RECORDS = """第三方SDK具体信息如下：
(1) 第三方SDK名称：甲乙推送 公司全称：甲乙科技有限公司 使用场景描述：推送消息 共享的个人信息类型：设备信息；IMEI；Android ID；位置信息 官网链接： https://push.jiayi.example
(2) 第三方SDK名称：丙丁统计 公司全称：丙丁网络有限公司 使用场景描述：数据统计 共享的个人信息类型：MAC地址；应用列表信息 官网链接：https://stat.bingding.example
"""


def test_a_data_list_keeps_its_last_item_before_the_next_label(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "records.txt", ONE_LINE_RECORDS, catalog)
    push = only_row(d, "甲乙推送")
    assert {"imei", "android-id", "location-fine", "location-coarse"} <= set(push.data_types)
    assert push.link == "https://push.jiayi.example"
    stat = only_row(d, "丙丁统计")
    assert set(stat.data_types) == {"mac", "installed-apps"}
    assert stat.link == "https://stat.bingding.example"


PARTIES_OVER_KINDS = """第三方共享清单：

| 第三方公司名称 | 产品/类型 | 共享信息名称 | 使用目的 | 第三方链接 |
| --- | --- | --- | --- | --- |
| 丁丁框架 | 框架SDK | 相机 | 拍照上传 | https://dingding.example |
| 丁丁框架 | 框架SDK | 读取联系人 | 导入联系人 | https://dingding.example |
| 庚辛天气 | 云服务 | 用户当前地理位置 | 提供本地天气 | https://gengxin.example |
| 壬癸云 | 云服务 | 用户上传的音频 | 语音转文字 | https://rengui.example |
"""


def test_parties_over_a_column_of_kinds_are_the_products(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "parties.md", PARTIES_OVER_KINDS, catalog)
    assert row_names(d) == ["丁丁框架", "庚辛天气", "壬癸云"]
    assert only_row(d, "庚辛天气").link == "https://gengxin.example"


KINDS_OVER_COMPANIES = """| 第三方公司名称 | 产品/类型 | 使用目的 |
| --- | --- | --- |
| 甲乙科技有限公司 | 推送SDK | 消息推送 |
| 丙丁网络有限公司 | 推送SDK | 消息推送 |
"""


def test_registered_companies_beside_kinds_stay_companies(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "companies.md", KINDS_OVER_COMPANIES, catalog)
    assert sorted(r.company for r in d.sdks) == ["丙丁网络有限公司", "甲乙科技有限公司"]
    assert not {"甲乙科技有限公司", "丙丁网络有限公司"} & set(row_names(d))


DESCRIPTIONS_THEN_USES = """本应用申请的权限及作用：
允许应用直接拨打电话，方便联系门店，
允许应用拍摄照片或录制视频，方便上传商品图片，
允许程序访问网络连接，可能产生GPRS流量。
"""


def test_the_use_said_bare_after_a_permissions_system_description(tmp_path: Path, catalog: Catalog) -> None:
    """Each line gives Android's description of a permission, then, after a comma, what the app uses it for
    with no word of purpose; a clause that goes on with the description ("可能产生GPRS流量") is no use."""
    d = _read(tmp_path, "descriptions.txt", DESCRIPTIONS_THEN_USES, catalog)
    scenes = scene_permissions(d)
    assert scenes.get("方便联系门店") == {"CALL_PHONE"}
    assert scenes.get("方便上传商品图片") == {"CAMERA"}
    assert not any("GPRS" in name for name in scenes)


def test_im_sdk_alone_names_a_kind_its_company_says_whose() -> None:
    resolver = build_resolver(load_catalog(), load_lexicon())
    assert resolver.resolve(Evidence(name="IMSDK")).id is None
    assert resolver.resolve(Evidence(name="甲乙IMSDK")).id is None
    assert resolver.resolve(Evidence(name="IM SDK")).id is None
    assert resolver.resolve(Evidence(name="IM SDK", company="深圳市腾讯计算机系统有限公司")).id == "tencent-im"
    assert resolver.resolve(Evidence(name="腾讯IMSDK")).id == "tencent-im"  # a vendor's word and the kind
    assert resolver.resolve(Evidence(name="腾讯云IM")).id == "tencent-im"


@pytest.mark.parametrize(("text", "word", "said"), [
    ("腾讯im sdk", "im", True), ("腾讯云imsdk", "im", True), ("im", "im", True), ("imei、mac地址", "im", False),
    ("sim卡信息", "im", False), ("time zone", "im", False), ("消息推送", "推送", True),
])
def test_a_two_letter_kind_word_counts_only_as_a_word(text: str, word: str, said: bool) -> None:
    assert says(text, word) is said


DEVICE_ID_PERMISSION_TABLE = """权限名称
适用系统
业务功能
是否可以关闭
设备识别码权限
安卓
登录时识别设备，防止账号被盗
可以
相机权限
安卓、iOS
扫描商品条码
可以
"""


def test_the_device_id_permission_names_the_phone_state_permission(tmp_path: Path, catalog: Catalog) -> None:
    d = _read(tmp_path, "device_id.txt", DEVICE_ID_PERMISSION_TABLE, catalog)
    scenes = scene_permissions(d)
    assert scenes.get("登录时识别设备，防止账号被盗") == {"READ_PHONE_STATE"}
    assert scenes.get("扫描商品条码") == {"CAMERA"}


UNKNOWN_FIRST_LABEL = """权限名称
设备类型
业务功能
权限是否可以关闭
时空折叠权限
安卓、IOS
注册/登录时调用
可以
读写存储权限
安卓
为存储缓存数据，在注册/登录时调用
是
定位权限
安卓、IOS
为您推荐附近的门店
是
相机权限
安卓、IOS
扫描商品条码时调用
是
"""


def test_a_flattened_table_whose_first_label_is_unknown_keeps_its_rows(tmp_path: Path, catalog: Catalog) -> None:
    """The first record's label names no permission the lexicon knows: the rows are read from the first label
    that does, a period down, each row's use with its own permission (not the first use with all of them)."""
    d = _read(tmp_path, "unknown_first.txt", UNKNOWN_FIRST_LABEL, catalog)
    scenes = scene_permissions(d)
    assert scenes.get("为存储缓存数据，在注册/登录时调用") == {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}
    assert scenes.get("为您推荐附近的门店") == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}
    assert scenes.get("扫描商品条码时调用") == {"CAMERA"}
    assert "注册/登录时调用" not in scenes


LONG_TABLE_FEW_OFF = """申请的权限
收集方式
权限使用的目的
设备型号
经您同意后收集
区分设备
相机
经您同意后收集
扫码点餐
通讯录
经您同意后收集
邀请好友
录音
经您同意后收集
语音留言
连接网络（4G或5G）
经您同意后收集
在线阅读
读取电话状态
经您同意后收集
识别设备，防止盗号
读取系统日志
经您同意后收集
排查闪退
定位
经您同意后收集
推荐附近门店
"""


def test_records_stepped_over_are_no_part_of_the_row_before(tmp_path: Path, catalog: Catalog) -> None:
    """One record's label names no permission the lexicon knows ("连接网络（4G或5G）"): the reading steps over it, a
    period, and its cells join no row (not the row before it, "语音留言")."""
    d = _read(tmp_path, "long_table.txt", LONG_TABLE_FEW_OFF, catalog)
    scenes = scene_permissions(d)
    assert scenes.get("扫码点餐") == {"CAMERA"}
    assert scenes.get("邀请好友") == {"READ_CONTACTS"}
    assert scenes.get("语音留言") == {"RECORD_AUDIO"}
    assert scenes.get("识别设备，防止盗号") == {"READ_PHONE_STATE"}
    assert scenes.get("排查闪退") == {"READ_LOGS"}
    assert scenes.get("推荐附近门店") == {"ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION"}


def test_the_reading_with_most_rows_in_step_wins() -> None:
    """Twenty rows of which a few run over their period beat two rows kept exactly; of two readings as good,
    the one with fewer rows off its period, then the one skipping fewer lines."""
    def reading(rows: int, off: int) -> Reading:
        return Reading(tuple(SceneClaim(f"用途{k}", "", "相机", k, k) for k in range(rows)), off)

    many, few = reading(20, 4), reading(2, 0)
    assert best_reading([(0, 1, few), (0, 0, many)])[2] is many
    exact, loose = reading(6, 0), reading(7, 1)
    assert best_reading([(0, 0, loose), (1, 0, exact)])[2] is exact
    assert best_reading([(1, 0, exact), (0, 0, reading(6, 0))])[0] == 0
