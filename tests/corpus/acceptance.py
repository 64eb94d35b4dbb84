"""SDK-family acceptance builds (issue 12): real vendor binaries the catalog was not written from.

``acceptance.json`` pins the binaries and holds the hand-written truth: which families went in, which of
them are held out (their class lists were never read to write signatures) and which catalog entries a
scan should report for each.  Two builds are made from the same inputs and manifest:

* :data:`CLEAR` -- D8 only, every class under its real name;
* :data:`OBFUSCATED` -- R8 renames every class into the root package except manifest components and
  classes with native methods (``build.R8_RULES``): a hardened release build without the SDKs' keep rules.

The manifest declares what each vendor's integration guide (and the registry wrapper that ships the
binary) tells an app to declare: components, meta-data, intent actions.
"""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .build import ApkSpec, Component, Input
from .fetch import ACCEPTANCE_JSON, acceptance_entries, fetch_entry


@dataclass(frozen=True)
class Family:
    """One SDK family put into the acceptance builds (hand-written in ``acceptance.json``)."""

    family: str
    set: str
    """``held-out`` or ``reference``."""
    vendor: str
    catalog_ids: tuple[str, ...]
    """Catalog entries that name this family: reporting any of them detects it, and none is a false alarm."""


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    raw = json.loads(ACCEPTANCE_JSON.read_text(encoding="utf-8"))["families"]
    return tuple(Family(f["family"], f["set"], f["vendor"], tuple(f["catalog_ids"])) for f in raw)


def family_of_file(basename: str) -> str:
    """The family a pinned binary belongs to (``acceptance.json`` ``files[].family``)."""
    raw = json.loads(ACCEPTANCE_JSON.read_text(encoding="utf-8"))["files"]
    found = {f["family"] for f in raw if f["inner"].rsplit("/", 1)[-1] == basename}
    if len(found) != 1:
        raise KeyError(f"{basename!r} is not exactly one acceptance file")
    return found.pop()


def class_families() -> dict[str, str]:
    """Dotted class name -> family, read from the pinned jars and aars themselves (the truth for
    attributing unclaimed classes; independent of the scanner)."""
    out: dict[str, str] = {}
    for entry in acceptance_entries():
        if not entry.basename.endswith((".jar", ".aar")):
            continue
        for name in _class_names(fetch_entry(entry)):
            out.setdefault(name, family_of_file(entry.basename))
    return out


def _class_names(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as zf:
        if path.name.endswith(".aar"):
            names = zipfile.ZipFile(io.BytesIO(zf.read("classes.jar"))).namelist()
        else:
            names = zf.namelist()
    return {n[:-6].replace("/", ".") for n in names if n.endswith(".class") and not n.startswith("META-INF/")}


_PKG = "com.example.families"


def _inputs() -> tuple[Input, ...]:
    out = [Input("jcore-android-3.2.2.jar"), Input("arm64-v8a/libjcore322.so")]
    for entry in acceptance_entries():
        # JShare's Weibo plugin carries its own copy of parts of the Weibo SDK: keep the Weibo SDK's
        exclude = ("com/sina/",) if entry.basename.startswith("jshare-sina") else ()
        out.append(Input(entry.inner, pkg=entry.pkg, exclude=exclude))
    return tuple(out)


_COMPONENTS = (
    Component("activity", f"{_PKG}.MainActivity", exported=True, actions=("android.intent.action.MAIN",),
              categories=("android.intent.category.LAUNCHER",)),
    Component("activity", f"{_PKG}.wxapi.WXEntryActivity", exported=True),
    # JCore (every Aurora product)
    Component("service", "cn.jpush.android.service.PushService", exported=False, process=":pushcore",
              actions=("cn.jpush.android.intent.REGISTER", "cn.jpush.android.intent.REPORT")),
    Component("service", "cn.jpush.android.service.DaemonService", exported=True,
              actions=("cn.jpush.android.intent.DaemonService",)),
    Component("provider", "cn.jpush.android.service.DataProvider", exported=False, process=":pushcore",
              authorities=f"{_PKG}.DataProvider"),
    # JVerification (carrier one-tap login pages)
    Component("activity", "com.cmic.gen.sdk.view.GenLoginAuthActivity", exported=False),
    Component("activity", "cn.jiguang.verifysdk.CtLoginActivity", exported=False),
    # JShare
    Component("activity", "cn.jiguang.share.android.ui.JiguangShellActivity", exported=True,
              actions=("android.intent.action.VIEW", "com.sina.weibo.sdk.action.ACTION_SDK_REQ_ACTIVITY"),
              categories=("android.intent.category.DEFAULT", "android.intent.category.BROWSABLE"),
              schemes=("tencent1105000000",)),
    # JAnalytics
    Component("activity", "cn.jiguang.analytics.android.view.BuryWebActivity", exported=False),
    # Xiaomi push
    Component("service", "com.xiaomi.push.service.XMPushService", exported=False, process=":pushservice"),
    Component("service", "com.xiaomi.push.service.XMJobService", exported=False, process=":pushservice"),
    Component("service", "com.xiaomi.mipush.sdk.PushMessageHandler", exported=True),
    Component("service", "com.xiaomi.mipush.sdk.MessageHandleService", exported=False),
    Component("receiver", "com.xiaomi.push.service.receivers.NetworkStatusReceiver", exported=True,
              actions=("android.net.conn.CONNECTIVITY_CHANGE",)),
    Component("receiver", "com.xiaomi.push.service.receivers.PingReceiver", exported=False,
              process=":pushservice", actions=("com.xiaomi.push.PING_TIMER",)),
    # Weibo
    Component("activity", "com.sina.weibo.sdk.component.WeiboSdkBrowser", exported=False),
    Component("service", "com.sina.weibo.sdk.net.DownloadService", exported=False),
    # RongCloud
    Component("service", "io.rong.imlib.ipc.RongService", exported=False, process=":ipc"),
    Component("receiver", "io.rong.imlib.ConnectChangeReceiver", exported=True),
    Component("receiver", "io.rong.imlib.HeartbeatReceiver", process=":ipc"),
    Component("service", "io.rong.push.rongpush.PushService", exported=True, process="io.rong.push"),
    Component("receiver", "io.rong.push.rongpush.PushReceiver", exported=True, process="io.rong.push",
              actions=("io.rong.push.intent.action.HEART_BEAT",)),
    # NetEase NIM and its cosine keep-alive
    Component("service", "com.netease.nimlib.service.NimService", process=":core"),
    Component("service", "com.netease.nimlib.service.ResponseService"),
    Component("receiver", "com.netease.nimlib.service.NimReceiver", exported=False, process=":core",
              actions=("android.intent.action.BOOT_COMPLETED",)),
    Component("receiver", "com.netease.nimlib.service.ResponseReceiver"),
    Component("service", "com.netease.cosine.core.CosineService", process=":cosine"),
    Component("receiver", "com.netease.cosine.target.CosineReceiver", exported=True, process=":cosine"),
    # Alipay
    Component("activity", "com.alipay.sdk.app.H5PayActivity", exported=False),
    Component("activity", "com.alipay.sdk.app.H5AuthActivity", exported=False),
)

_META = (
    ("JPUSH_APPKEY", "0123456789abcdef01234567"),
    ("JPUSH_CHANNEL", "developer-default"),
    ("RONG_CLOUD_APP_KEY", "abcdefghijklm"),
    ("com.netease.nim.appKey", "0123456789abcdef0123456789abcdef"),
    ("com.netease.cosine.target", ""),
    ("com.netease.cosine.target.receiver", "com.netease.nimlib.service.NimReceiver"),
    ("BUGLY_APPID", "0123456789"),
    ("BUGLY_ENABLE_DEBUG", "false"),
)

CLEAR = ApkSpec(
    name="families",
    package=_PKG,
    label="SDK families",
    inputs=_inputs(),
    permissions=("android.permission.INTERNET", "android.permission.ACCESS_NETWORK_STATE",
                 "android.permission.READ_PHONE_STATE", "android.permission.ACCESS_WIFI_STATE",
                 "android.permission.RECORD_AUDIO", "android.permission.CAMERA",
                 "android.permission.ACCESS_FINE_LOCATION", "android.permission.WAKE_LOCK"),
    components=_COMPONENTS,
    meta_data=_META,
    notes="issue 12 acceptance: every family of acceptance.json plus JCore",
)
OBFUSCATED = dataclasses.replace(CLEAR, name="families-r8", obfuscate=True)
