"""A record headed by an SDK's name whose name label gives only its code name ("极光推送SDK" over "SDK名称：
cn.jpush.android"): the heading names the row, the code name is its package. In our own words, expected values
written by hand."""

from __future__ import annotations

from pathlib import Path

from tests.policy.helpers import read_text, small_catalog

QUOTED = """\
5. 我们接入的第三方SDK如下：

    > 极光推送SDK
    > SDK名称：cn.jpush.android
    > 使用目的：向您推送课程提醒
    > 数据类型：设备标识信息（IMEI、ANDROID ID）
    > 官网链接：https://www.jiguang.cn/

    > 小米推送 SDK
    > SDK名称：com.xiaomi.mipush
    > 使用目的：小米手机上的消息推送
    > 数据类型：设备型号
    > 官网链接：https://dev.mi.com/platform/push

    > 示例推送SDK
    > SDK名称：examplepush
    > 使用目的：推送
    > 官网链接：https://push.example.com/
"""


def test_the_heading_names_the_row_and_the_code_name_is_its_package(tmp_path: Path) -> None:
    rows = read_text(tmp_path, "p.md", QUOTED, small_catalog()).sdks
    assert [(r.name, r.id) for r in rows] == [("极光推送SDK", "jpush"), ("小米推送 SDK", "xiaomi-push"),
                                              ("示例推送SDK", None)]
    assert rows[0].package_names == ("cn.jpush.android",) and rows[1].package_names == ("com.xiaomi.mipush",)
    assert rows[2].package_names == ()  # a code name without dots is no package's
    assert rows[0].data_types == ("imei", "android-id") and rows[1].data_types == ("device-model",)
    assert rows[1].link == "https://dev.mi.com/platform/push"


def test_a_name_label_giving_a_display_name_still_names_the_row(tmp_path: Path) -> None:
    # guard: "SDK名称：JPush" under a section title is the row's name, as before
    text = "第三方SDK\nSDK名称：JPush\n使用目的：推送\n\nSDK名称：Xiaomi Push\n使用目的：推送\n"
    rows = read_text(tmp_path, "p.txt", text, small_catalog()).sdks
    assert [r.name for r in rows] == ["JPush", "Xiaomi Push"]
