"""Game channel (联运) SDKs: a phone maker's game SDK is named "<vendor>联运SDK" / "<vendor>游戏服务SDK" in Chinese
game policies; vendor word + "联运" names that vendor's game-services entry. Expected ids by hand from the
catalog entries (vivo 网游联运 SDK, 小米游戏 SDK, 华为游戏中心 SDK)."""

from __future__ import annotations

import pytest

from auditor.audit.rules.sdks import _QUIET_CATEGORIES
from auditor.catalog.loader import load_catalog
from auditor.policy import load_lexicon
from auditor.policy.resolve import Evidence, Resolver, build_resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return build_resolver(load_catalog(), load_lexicon())


@pytest.mark.parametrize("name, company, expected", [
    ("vivo联运SDK", "", "vivo-sdk"),
    ("VIVO-联运SDK", "维沃移动通信有限公司", "vivo-sdk"),
    ("小米联运SDK", "", "xiaomi-connectionbase"),
    ("华为联运SDK", "", "huawei-hwid20"),
    ("华为游戏服务SDK", "华为技术有限公司", "huawei-hwid20"),
    ("游戏联运SDK", "", None),  # no vendor named: which channel is unknown
])
def test_channel_sdk_names(resolver, name, company, expected):
    ev = Evidence(name=name, company=company, links=(), packages=(), words=name, hints=())
    assert resolver.resolve(ev).id == expected


def test_game_services_collect_personal_data():
    # a channel SDK logs the player in and takes payments: never in the categories that collect nothing
    catalog = load_catalog()
    assert catalog["vivo-sdk"].category == "game-services"
    assert "game-services" not in _QUIET_CATEGORIES
