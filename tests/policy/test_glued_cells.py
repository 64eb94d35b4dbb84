"""Permission tables whose cells lost what parted them, permission labels in capitalised words, and sentences
that deny. In our own words; expected values written by hand from Android's permission list."""

from __future__ import annotations

import pytest

from auditor.catalog.model import Catalog
from auditor.policy.lexicon import Lexicon
from auditor.policy.lexicon_data import load_lexicon
from tests.policy.helpers import entry, memory_catalog
from tests.policy.helpers import read_text as _read

P = "android.permission."


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return memory_catalog(entry("admob", "Google AdMob", "AdMob"), entry("crashlytics", "Firebase Crashlytics"))


@pytest.mark.parametrize("text, expected", [
    # a constant run into the next cell's first word, in lower case or in capitals
    ("ACCESS_COARSE_LOCATIONShow where you are", ["ACCESS_COARSE_LOCATION"]),
    ("RECORD_AUDIOVoice notes", ["RECORD_AUDIO"]),
    ("BLUETOOTH_CONNECTBLE pairing with the scale", ["BLUETOOTH_CONNECT"]),
    # guard: a constant as written is itself, not a shorter one it begins with
    ("FOREGROUND_SERVICE_LOCATION", ["FOREGROUND_SERVICE_LOCATION"]),
])
def test_a_constant_glued_to_the_next_word_is_read(lexicon, text, expected):
    assert [p.removeprefix(P) for p, _ in lexicon.permissions_in(text, weak=True)] == expected


GLUED_TABLE = """\
Permissions the app declares

Permission / areaUse in the appData involved
ACCESS_FINE_LOCATION, ACCESS_COARSE_LOCATIONShowing the walk on the map.Where the phone is while you record.
CAMERAScanning a receipt.The picture you take.
RECORD_AUDIOVoice notes on a walk.What you say.
"""


def test_a_row_of_a_glued_table_opens_with_all_its_constants(tmp_path, catalog):
    d = _read(tmp_path, "glued.txt", GLUED_TABLE, catalog)
    uses = {p.permission.removeprefix(P): p.scene for p in d.permissions if p.scene}
    assert uses["ACCESS_FINE_LOCATION"].startswith("Showing the walk on the map")
    assert uses["ACCESS_COARSE_LOCATION"].startswith("Showing the walk on the map")


def test_a_permission_label_in_capitalised_words_names_its_permission(lexicon):
    # "Media File Storage" in a permission cell is a label, not the name of an app
    found = {p.removeprefix(P) for p, _ in lexicon.permissions_in("Media File Storage", weak=True, derive=True)}
    assert found == {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}


def test_a_title_case_app_name_in_a_data_cell_stays_a_name(lexicon):
    # guard: in running text or a data cell, "Storage Isolation" is an app, not the storage it names
    assert not lexicon.data_types_in("The following apps use it: Storage Isolation, Shizuku", cell=True)


PERMISSION_TABLE = """\
| Device permission | Service function | What it is used for |
|---|---|---|
| Camera | Core service function | Scanning a receipt |
| Media File Storage | Core service function | Keeping downloaded maps |
"""


def test_a_class_of_function_in_english_takes_the_rows_use_as_scene(tmp_path, catalog):
    d = _read(tmp_path, "perm.md", PERMISSION_TABLE, catalog)
    scenes = {s.name: {p.removeprefix(P) for p in s.permissions} for s in d.scenes}
    assert scenes == {"Scanning a receipt": {"CAMERA"},
                      "Keeping downloaded maps": {"READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE"}}


DENIED = """\
## Permissions

Permissions are asked for only where a feature needs them. They are not used for advertising, Firebase Crashlytics,
Google AdMob or any tracking of our own.

The app does not declare ACCESS_BACKGROUND_LOCATION.
"""


def test_sdks_and_constants_in_a_denying_sentence_are_no_disclosure(tmp_path, catalog):
    d = _read(tmp_path, "denied.md", DENIED, catalog)
    assert [s.name for s in d.sdks] == []
    assert P + "ACCESS_BACKGROUND_LOCATION" not in {p.permission for p in d.permissions}


def test_a_clause_that_turns_names_what_the_app_uses(tmp_path, catalog):
    # guard: "not used for X, but for Y" denies only what comes before the turn
    text = "## Services\n\nYour data is not used for advertising, but crash reports are sent to Firebase Crashlytics.\n"
    assert [s.id for s in _read(tmp_path, "turn.md", text, catalog).sdks] == ["crashlytics"]


GLUED_SDK_ZH = """\
第三方SDK共享清单
序号SDK名称第三方主体涉及的个人信息种类使用目的隐私政策链接
1示例推送SDK示例推送科技(杭州)有限公司设备信息:Android ID、OAID
网络信息:IP地址
用于推送消息https://push.example.cn/privacy
2甲乙统计 SDK甲乙数据服务有限公司设备型号、IP地址用于统计分析https://stat.example.com/policy.html
"""


def test_an_sdk_table_whose_cells_lost_their_separators_reads_row_by_row(tmp_path):
    catalog = memory_catalog(entry("push", "示例推送SDK"), entry("stat", "甲乙统计SDK"))
    rows = _read(tmp_path, "glued_sdk.txt", GLUED_SDK_ZH, catalog).sdks
    assert [(r.name, r.company, r.link) for r in rows] == [
        ("示例推送SDK", "示例推送科技(杭州)有限公司", "https://push.example.cn/privacy"),
        ("甲乙统计 SDK", "甲乙数据服务有限公司", "https://stat.example.com/policy.html"),
    ]
    assert set(rows[0].data_types) == {"android-id", "oaid", "ip"}
    assert set(rows[1].data_types) == {"device-model", "ip"}


def test_a_glued_line_that_is_no_header_reads_no_table(tmp_path):
    # guard: a title run into words that are no column titles ("序号说明如下") is no header
    text = "序号说明如下\n1示例推送SDK示例推送科技(杭州)有限公司设备信息\n"
    catalog = memory_catalog(entry("push", "示例推送SDK"))
    assert all(r.extractor != "flat-table" for r in _read(tmp_path, "no_header.txt", text, catalog).sdks)


GLUED_PERMISSIONS_EN = """\
2. Permissions We Request

PermissionPurpose
CAMERA / FLASHLIGHTTurn the torch on and off.
VIBRATEShort buzz when a timer ends.
POST_NOTIFICATIONSShow the running timer.
INTERNET (auto-granted)Load ads and check purchases.

3. Contact
"""


def test_a_permission_table_glued_under_glued_titles_reads_each_use(tmp_path, catalog):
    d = _read(tmp_path, "glued_perm.txt", GLUED_PERMISSIONS_EN, catalog)
    uses = {p.permission.removeprefix(P): p.scene for p in d.permissions if p.scene}
    assert uses == {"CAMERA": "Turn the torch on and off", "FLASHLIGHT": "Turn the torch on and off",
                    "VIBRATE": "Short buzz when a timer ends", "POST_NOTIFICATIONS": "Show the running timer",
                    "INTERNET": "Load ads and check purchases"}


def test_a_slash_between_two_names_of_one_product_keeps_one_row(tmp_path):
    # guard: "X / Y" naming one entry twice is one product; naming two entries, two rows
    catalog = memory_catalog(entry("umeng", "Umeng Analytics", "友盟统计"), entry("bugly", "Tencent Bugly"))
    text = "## SDKs\n\n- 友盟统计 / Umeng Analytics: statistics\n- Umeng Analytics / Tencent Bugly: crash and statistics\n"
    names = [r.name for r in _read(tmp_path, "slash.md", text, catalog).sdks]
    assert names == ["友盟统计 / Umeng Analytics", "Umeng Analytics", "Tencent Bugly"]
