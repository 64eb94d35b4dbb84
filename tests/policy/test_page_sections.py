"""Text that is about something else than an SDK list or a permission use, in our own words: a user's right
to take permissions back, a numbered rule headed by its title, a record of data kept in code.
Expected rows and pairs written by hand."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(
        entry("applovin", "AppLovin"),
        entry("vungle", "Vungle"),
        entry("umeng-analytics", "Umeng Analytics", "友盟统计"),
    )


DATA_RECORDS_JS = """\
export const collected = [
  { item: '设备型号', purpose: '适配屏幕显示' },
  { item: '手机号码', purpose: '登录与找回账号' },
];
"""


def test_records_keyed_by_data_words_stay_a_data_list(tmp_path, catalog):
    # a personal-data list kept as records: its keys say what each value is, and nothing in it is an SDK row
    d = _read(tmp_path, "collected.ts", DATA_RECORDS_JS, catalog)
    assert d.sdks == ()


WITHDRAWAL_ZH = """\
五、您的权利
1. 查阅权：您可以在“我的-设置”中查看账号资料。
2. 撤回授权：您可以随时撤回相机、位置、通知等非必要授权，撤回后不影响其他功能。
3. 相机权限：用于扫描商品条码。
"""


def test_a_right_to_take_permissions_back_is_no_scene(tmp_path, catalog):
    # (the permissions the right names may still be reported as permissions of the app, with no scene)
    d = _read(tmp_path, "rights.txt", WITHDRAWAL_ZH, catalog)
    pairs = {(p.scene, p.permission.rsplit(".", 1)[-1], (p.evidence.line_start, p.evidence.line_end)) for p in d.permissions if p.scene}
    assert pairs == {("相机权限", "CAMERA", (4, 4))}


WITHDRAWAL_EN = """\
How we use device permissions:
- Camera: you can revoke this permission at any time in the system settings.
- Microphone: used to record the voice notes you attach to a task.
"""


def test_an_item_opening_with_revoking_its_permission_is_no_scene(tmp_path, catalog):
    d = _read(tmp_path, "revoke.md", WITHDRAWAL_EN, catalog)
    assert {(p.scene, p.permission.rsplit(".", 1)[-1]) for p in d.permissions if p.scene} == {
        ("Microphone", "RECORD_AUDIO")}


NUMBERED_RULE_ZH = """\
3.1 会员积分规则
（1）积分获取与用途：用户完成订单或参加官方活动可获得积分，积分可在下单时按比例抵扣货款，不可转让、不可兑换现金，具体规则以活动页面公示为准。
（2）数据处理：积分的增减记录只用于核对账目和兑现权益，我们只保留必要的账目信息，不会把积分记录提供给其他任何公司。
3.2 第三方SDK
友盟统计SDK
使用目的：统计应用的使用情况
收集信息：设备型号、OAID
"""


def test_a_numbered_rule_whose_data_label_holds_a_passage_is_no_sdk_row(tmp_path, catalog):
    d = _read(tmp_path, "rules.txt", NUMBERED_RULE_ZH, catalog)
    assert [r.name for r in d.sdks] == ["友盟统计SDK"]


IUBENDA_LIKE = """\
Advertising

  - AppLovin and Vungle

  - Personal Data: various kinds of Data as described in the privacy policies of these services

Analytics

  - Traffic Counter

  - Personal Data: Usage Data as described in the privacy policy of the service, kept for twelve months
"""


def test_a_record_headed_by_several_catalog_names_is_kept_whatever_its_data_says(tmp_path, catalog):
    # "AppLovin and Vungle" lists two catalog names; "Traffic Counter" names no SDK and its data value is a
    # passage naming no personal data
    d = _read(tmp_path, "services.txt", IUBENDA_LIKE, catalog)
    assert sorted(r.id or r.name for r in d.sdks) == ["applovin", "vungle"]


COMPOSE_KT = """\
Section("第三方 SDK") {
    Text(
        "SDK 名称：友盟统计SDK",
        style = MaterialTheme.typography.bodySmall,
        color = MaterialTheme.colorScheme.onSurface
    )
    Text(
        "服务类型：统计分析",
        style = MaterialTheme.typography.bodySmall,
        color = MaterialTheme.colorScheme.onSurface
    )
    Text(
        "收集个人信息类型：OAID、网络类型",
        style = MaterialTheme.typography.bodySmall,
        color = MaterialTheme.colorScheme.onSurface
    )
    Text(
        "隐私政策链接：https://example.com/umeng-privacy",
        style = MaterialTheme.typography.bodySmall,
        color = MaterialTheme.colorScheme.primary
    )
}
"""


def test_a_call_opened_in_code_is_no_sdk_name(tmp_path, catalog):
    # "Text(" over a label line is the code that shows it, never a row named "Text("
    d = _read(tmp_path, "Sdks.kt", COMPOSE_KT, catalog)
    assert [r.name for r in d.sdks if "(" in r.name] == []
    assert [r.id for r in d.sdks] == ["umeng-analytics"]
