"""Shared test helpers for the policy reader."""

from __future__ import annotations

from pathlib import Path

from auditor.catalog.model import Catalog, Provenance, SdkEntry, Signatures, Vendor
from auditor.policy import read_policy
from auditor.policy.model import Disclosure, SdkDisclosure

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "policies"
TEST_CATALOG = Path(__file__).resolve().parent / "catalog"
SEEDS = REPO / ".." / "shared" / "seeds"


def entry(sdk_id: str, name: str, *aliases: str, vendor: str = "Example Co., Ltd.", vendor_zh: str | None = None,
          category: str = "other", classes: tuple[str, ...] = (), privacy: str | None = None) -> SdkEntry:
    """A minimal catalog entry for unit tests."""
    return SdkEntry(
        id=sdk_id, name=name, category=category,
        vendor=Vendor(id="example", name=vendor, legal_name=vendor, legal_name_zh=vendor_zh,
                      provenance=(Provenance("manual"),)),
        signatures=Signatures(classes=classes or (f"com.example.{sdk_id.replace('-', '')}",)),
        examples=(), provenance=(Provenance("manual"),), aliases=tuple(aliases), privacy_policy_url=privacy,
    )


def memory_catalog(*entries: SdkEntry) -> Catalog:
    """A catalog of just these entries, built in memory."""
    return Catalog(entries=tuple(entries), version="unit", sha256="0" * 64, source="memory")


_MADE_UP = {e.id: e for e in (
    entry("jia-push", "甲乙推送", "甲乙推送SDK", vendor="甲乙科技有限公司"),
    entry("bing-stat", "丙丁统计", "丙丁统计SDK", vendor="丙丁网络有限公司"),
    entry("wu-map", "戊己地图", "戊己地图SDK", vendor="戊己信息技术有限公司"),
    entry("xin-share", "辛壬分享", "辛壬分享SDK", vendor="辛壬网络有限公司"),
    entry("wechat-open", "WeChat Open SDK", "微信SDK", "微信", vendor="腾讯科技有限公司"),
    entry("weibo-open", "Weibo SDK", "微博SDK", "微博", vendor="新浪网技术有限公司"),
    entry("qq-open", "QQ SDK", "QQ互联", vendor="腾讯科技有限公司"),
    entry("xiaomi-push", "Xiaomi Push", "小米推送", vendor="Xiaomi Inc."),
    entry("acme-attribution", "Acme Attribution", "Acme SDK", vendor="Acme Inc."),
    entry("acme-db", "Acme DB", vendor="Acme Inc."),
    entry("fire-analytics", "Fire Analytics", vendor="Fire LLC"),
    entry("fire-crash", "Fire Crashlytics", vendor="Fire LLC"),
    entry("crashfox", "Crashfox", vendor="Crashfox Inc."),
    entry("zeta-ads", "Zeta Ads", vendor="Zeta Inc."),
    entry("omega-maps", "Omega Maps", vendor="Omega Ltd."),
    entry("sigma-push", "Sigma Push", vendor="Sigma Inc."),
    entry("tau-maps", "Tau Maps", vendor="Tau Inc."),
    entry("zt-push", "ZT推送", vendor="ZT通信有限公司"),
)}
"""Made-up SDKs the shape tests read policies against (names no real catalog has, but for a few real brands)."""


def made_up_catalog(*ids: str) -> Catalog:
    """A catalog of the made-up entries ``ids``, in that order."""
    return memory_catalog(*(_MADE_UP[i] for i in ids))


def small_catalog() -> Catalog:
    """A handful of well-known SDKs, built in memory."""
    return Catalog(
        entries=(
            entry("jpush", "JPush", "Aurora Push", "URORAPush", "极光推送"),
            entry("xiaomi-push", "Xiaomi Push", "XiaomiPush", "小米推送"),
            entry("umeng-analytics", "Umeng Analytics", "umeng", "友盟统计", "友盟+"),
            entry("tencent-ugsv", "Tencent UGSV", "TencentShortVideo", "腾讯云短视频"),
            entry("tencent-gdt", "Tencent Ads", "优量汇", "广点通"),
            entry("hms-core", "HMS Core", "huawei.hms", "华为HMS"),
            entry("google-sign-in", "Google Sign-In", "Google Account Login"),
            entry("appsflyer", "AppsFlyer", "AppsFlyer SDK"),
        ),
        version="unit", sha256="0" * 64, source="memory",
    )


def read_text(tmp_path: Path, name: str, text: str, catalog: Catalog) -> Disclosure:
    """Write ``text`` to ``tmp_path / name`` (UTF-8) and read it with the policy reader."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_policy(path, catalog)


def row_names(d: Disclosure) -> list[str]:
    """The names of the SDK rows read, in order."""
    return [r.name for r in d.sdks]


def only_row(d: Disclosure, name: str) -> SdkDisclosure:
    """The one row named ``name`` as written (fails when none or several are)."""
    found = [r for r in d.sdks if r.name == name]
    assert len(found) == 1, row_names(d)
    return found[0]


def row_permissions(row: SdkDisclosure) -> set[str]:
    """The short names of a row's permissions ("CAMERA")."""
    return {p.rsplit(".", 1)[-1] for p in row.permissions}


def scene_permissions(d: Disclosure) -> dict[str, set[str]]:
    """Each scene's name and the short names of its permissions ("CAMERA")."""
    return {s.name: {p.rsplit(".", 1)[-1] for p in s.permissions} for s in d.scenes}


def scene_with(d: Disclosure, words: str, described: bool = False) -> set[str]:
    """The permissions of the one scene whose name holds ``words`` (``described``: whose name or description does;
    fails when none or several do)."""
    if not described:
        found = [perms for name, perms in scene_permissions(d).items() if words in name]
        assert len(found) == 1, scene_permissions(d)
        return found[0]
    found = [{p.rsplit(".", 1)[-1] for p in s.permissions} for s in d.scenes if words in f"{s.name} {s.description}"]
    assert len(found) == 1, [(s.name, s.description) for s in d.scenes]
    return found[0]
