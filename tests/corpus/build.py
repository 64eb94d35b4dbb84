"""Turn real SDK binaries from the corpus into real, signed APKs (never committed: built into the
cache at test time).

Pipeline: (filter jar classes) -> D8 per dex group -> generated AndroidManifest.xml ->
``aapt package -I framework-res.apk`` -> ``aapt add`` dex + ``lib/<abi>/*.so`` -> ``zipalign`` ->
``apksigner`` (throwaway key generated into the cache).  A tiny app dex (our own generated smali:
Application + components of the app package, whose ``onCreate`` calls the SDK entry points listed in
the spec) always goes first in ``classes.dex``.

Built APKs are cached at ``<cache>/apks/<name>-<key>.apk`` where ``key`` hashes the spec, the input
sha256s and ``RECIPE_VERSION``.

Command line: ``python -m tests.corpus build [--all | --force | --manifest | NAME ...]``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from xml.sax.saxutils import quoteattr

from . import tools
from .fetch import CorpusEntry, CorpusError, cache_root, entry_for, fetch_entry, file_lock

RECIPE_VERSION = "2"
ABIS = ("arm64-v8a", "armeabi-v7a", "armeabi", "x86", "x86_64", "mips", "mips64")
KEY_ALIAS = "auditor-test"
KEY_PASS = "auditor-test"


class BuildError(CorpusError):
    """An APK could not be built."""


# --------------------------------------------------------------------------------------------
# spec


@dataclass(frozen=True)
class Input:
    """One corpus file going into the APK.

    ``name``: inner path / basename / unique suffix (see ``fetch.entry_for``); ``pkg`` narrows it.
    jar: compiled into ``dex`` group (1 -> classes.dex..., 2 -> next dex files...); ``exclude``
    drops classes whose path starts with one of the prefixes (``"com/ta/utdid2/"``) before D8.
    .so: packaged as ``lib/<abi>/<basename>`` (``abi`` inferred from the path if not given).
    .aar: ``classes.jar`` -> dex group ``dex`` (``dex=0`` skips it), ``jni/<abi>/*.so`` -> lib/
    (``native=False`` skips them).
    """

    name: str
    pkg: str | None = None
    dex: int = 1
    exclude: tuple[str, ...] = ()
    abi: str | None = None
    native: bool = True

    def entry(self) -> CorpusEntry:
        return entry_for(self.name, pkg=self.pkg)


@dataclass(frozen=True)
class Component:
    kind: str  # activity | service | receiver | provider
    name: str  # fully qualified class name
    exported: bool | None = None
    process: str | None = None
    authorities: str | None = None  # providers
    actions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ApkSpec:
    name: str
    package: str
    inputs: tuple[Input, ...] = ()
    permissions: tuple[str, ...] = ("android.permission.INTERNET",)
    components: tuple[Component, ...] = ()
    meta_data: tuple[tuple[str, str], ...] = ()
    # static methods taking one Context, called from <package>.App.onCreate (startup path)
    startup_calls: tuple[str, ...] = ()
    extra_smali_dirs: tuple[str, ...] = ()  # assembled together with the generated app smali
    version_code: int = 1
    version_name: str = "1.0"
    min_sdk: int = 21
    target_sdk: int = 29
    label: str = "Corpus test app"
    # True: the SDK jars go through R8 (names obfuscated, nothing shrunk) instead of D8; manifest components
    # and classes with native methods keep their names, as the rules AAPT2 and proguard-android.txt give
    obfuscate: bool = False
    # what went in -- for the tests and for the lead's catalog mapping
    sdks: tuple[str, ...] = ()  # SDK *names* built in
    expected_packages: tuple[str, ...] = ()  # dotted Java packages dexdump must list
    expected_libs: tuple[str, ...] = ()  # APK entries lib/<abi>/<so>
    notes: str = ""

    def app_class(self) -> str:
        return f"{self.package}.App"


# --------------------------------------------------------------------------------------------
# predefined specs

_PUSH_PERMS = (
    "android.permission.INTERNET",
    "android.permission.ACCESS_NETWORK_STATE",
    "android.permission.ACCESS_WIFI_STATE",
    "android.permission.CHANGE_WIFI_STATE",
    "android.permission.READ_PHONE_STATE",
    "android.permission.ACCESS_FINE_LOCATION",
    "android.permission.ACCESS_COARSE_LOCATION",
    "android.permission.ACCESS_BACKGROUND_LOCATION",
    "android.permission.CAMERA",
    "android.permission.RECORD_AUDIO",
    "android.permission.WRITE_EXTERNAL_STORAGE",
    "android.permission.READ_EXTERNAL_STORAGE",
    "android.permission.WAKE_LOCK",
    "android.permission.VIBRATE",
    "android.permission.RECEIVE_BOOT_COMPLETED",
    "android.permission.GET_TASKS",
    "android.permission.SYSTEM_ALERT_WINDOW",
    "android.permission.WRITE_SETTINGS",
    "android.permission.MOUNT_UNMOUNT_FILESYSTEMS",
    "android.permission.READ_PHONE_STATE",  # duplicate on purpose: merged manifests have them
    "com.example.cnpush.permission.JPUSH_MESSAGE",
)

CN_PUSH_SOCIAL = ApkSpec(
    name="cn-push-social",
    package="com.example.cnpush",
    version_code=7,
    version_name="3.1.0",
    target_sdk=28,
    label="CN push social",
    inputs=(
        Input("jpush-android-5.0.4.jar"),
        Input("jcore-android-3.2.2.jar"),
        Input("arm64-v8a/libjcore322.so"),
        Input("armeabi-v7a/libjcore322.so"),
        Input("gtsdk-3.3.12.0.jar"),
        Input("gtc-3.2.18.0.jar"),
        Input("com.umeng.message_v2.8.0.jar"),
        Input("arm64-v8a/libcocklogic.so"),
        Input("armeabi-v7a/libcocklogic.so"),
        Input("arm64-v8a/libtnet-2.1.20.1-agoo.so"),
        Input("armeabi-v7a/libtnet-2.1.20.1-agoo.so"),
        Input("umeng-analytics-v5.6.7.jar"),
        Input("libammsdk.jar", pkg="react-native-wechat-lib"),
        Input("open_sdk_r5756.jar"),
        Input("mta-sdk-1.6.2.jar"),
        # Alipay 2016 and Umeng Push 2.8.0 both embed Alibaba UTDID: keep Umeng's copy.
        Input("alipaySdk-20160223.jar", exclude=("com/ta/utdid2/", "com/ut/device/")),
        Input("Xg_sdk_v2.42_20160111_1539.jar"),
        Input("wup-1.0.0.E-SNAPSHOT.jar"),
        Input("jg_filter_sdk_1.1.jar"),
        Input("armeabi-v7a/libtpnsSecurity.so"),
        Input("armeabi-v7a/libtpnsWatchdog.so"),
    ),
    permissions=_PUSH_PERMS,
    components=(
        Component(
            "activity",
            "com.example.cnpush.MainActivity",
            exported=True,
            actions=("android.intent.action.MAIN",),
            categories=("android.intent.category.LAUNCHER",),
        ),
        Component("activity", "com.example.cnpush.wxapi.WXEntryActivity", exported=True),
        # JPush / JCore
        Component(
            "service",
            "cn.jpush.android.service.PushService",
            exported=False,
            process=":pushcore",
            actions=(
                "cn.jpush.android.intent.REGISTER",
                "cn.jpush.android.intent.REPORT",
                "cn.jpush.android.intent.PushService",
                "cn.jpush.android.intent.PUSH_TIME",
            ),
        ),
        Component(
            "service",
            "cn.jpush.android.service.DaemonService",
            exported=True,
            actions=("cn.jpush.android.intent.DaemonService",),
        ),
        Component(
            "service",
            "cn.jpush.android.service.JCommonService",
            exported=False,
            process=":pushcore",
            actions=("cn.jiguang.user.service.action",),
        ),
        Component(
            "provider",
            "cn.jpush.android.service.DataProvider",
            exported=False,
            process=":pushcore",
            authorities="com.example.cnpush.DataProvider",
        ),
        Component(
            "receiver",
            "cn.jpush.android.service.PushReceiver",
            exported=False,
            actions=(
                "cn.jpush.android.intent.NOTIFICATION_RECEIVED_PROXY",
                "android.intent.action.USER_PRESENT",
                "android.net.conn.CONNECTIVITY_CHANGE",
            ),
        ),
        Component("activity", "cn.jpush.android.ui.PushActivity", exported=False),
        # Getui
        Component("service", "com.igexin.sdk.PushService", exported=False, process=":pushservice"),
        Component(
            "receiver",
            "com.igexin.sdk.PushReceiver",
            exported=False,
            actions=("android.intent.action.BOOT_COMPLETED",),
        ),
        Component("activity", "com.igexin.sdk.GetuiActivity", exported=False, process=":pushservice"),
        Component(
            "provider",
            "com.getui.gtc.base.GtcProvider",
            exported=False,
            authorities="com.example.cnpush.getui.gtc.provider",
        ),
        # Umeng push (agoo)
        Component(
            "service",
            "com.umeng.message.UmengIntentService",
            exported=True,
            process=":push",
            actions=("org.android.agoo.client.MessageReceiverService",),
        ),
        Component("service", "com.umeng.message.UmengMessageCallbackHandlerService", exported=False),
        Component(
            "receiver",
            "com.umeng.message.RegistrationReceiver",
            exported=False,
            actions=("android.net.conn.CONNECTIVITY_CHANGE",),
        ),
        Component(
            "receiver",
            "com.umeng.message.SystemReceiver",
            process=":push",
            actions=("android.intent.action.BOOT_COMPLETED",),
        ),
        # QQ Connect
        Component(
            "activity",
            "com.tencent.tauth.AuthActivity",
            exported=True,
            actions=("android.intent.action.VIEW",),
            categories=("android.intent.category.DEFAULT", "android.intent.category.BROWSABLE"),
            schemes=("tencent1105000000",),
        ),
        Component("activity", "com.tencent.connect.common.AssistActivity", exported=False),
        # Alipay
        Component("activity", "com.alipay.sdk.app.H5PayActivity", exported=False),
        Component("activity", "com.alipay.sdk.auth.AuthActivity", exported=False),
        # Tencent XG
        Component("activity", "com.tencent.android.tpush.XGPushActivity", exported=False),
        Component(
            "receiver",
            "com.tencent.android.tpush.XGPushReceiver",
            process=":xg_service_v2",
            actions=("com.tencent.android.tpush.action.SDK", "android.intent.action.USER_PRESENT"),
        ),
        Component(
            "service",
            "com.tencent.android.tpush.service.XGPushService",
            exported=True,
            process=":xg_service_v2",
        ),
        Component(
            "service",
            "com.tencent.android.tpush.rpc.XGRemoteService",
            exported=True,
            actions=("com.example.cnpush.PUSH_ACTION",),
        ),
    ),
    meta_data=(
        ("JPUSH_CHANNEL", "developer-default"),
        ("JPUSH_APPKEY", "0123456789abcdef01234567"),
        ("UMENG_APPKEY", "5f0000000000000000000000"),
        ("UMENG_MESSAGE_SECRET", "00000000000000000000000000000000"),
        ("UMENG_CHANNEL", "official"),
        ("PUSH_APPID", "gtAppId000000000000000"),
        ("PUSH_APPKEY", "gtAppKey00000000000000"),
        ("PUSH_APPSECRET", "gtAppSecret00000000000"),
        ("XG_V2_ACCESS_ID", "2100000000"),
        ("XG_V2_ACCESS_KEY", "A000000000AB"),
        ("TA_APPKEY", "Aqc1105000000"),
        ("InstallChannel", "official"),
    ),
    startup_calls=(
        "Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V",
        "Lcom/umeng/message/PushAgent;->getInstance(Landroid/content/Context;)Lcom/umeng/message/PushAgent;",
        "Lcom/tencent/android/tpush/XGPushManager;->registerPush(Landroid/content/Context;)V",
        "Lcom/umeng/analytics/MobclickAgent;->onResume(Landroid/content/Context;)V",
    ),
    sdks=(
        "JPush 5.0.4",
        "JCore 3.2.2",
        "Getui gtsdk 3.3.12.0",
        "Getui GTC 3.2.18.0",
        "Umeng Push 2.8.0",
        "Alibaba UTDID (inside Umeng Push)",
        "Umeng Analytics 5.6.7",
        "WeChat OpenSDK",
        "Tencent QQ Connect open_sdk r5756",
        "Tencent MTA 1.6.2",
        "Alipay SDK 20160223",
        "Tencent XG Push 2.42",
        "Tencent WUP/JCE",
        "Tencent jg_filter 1.1",
    ),
    expected_packages=(
        "cn.jpush.android.api",
        "cn.jiguang.api",
        "com.igexin.sdk",
        "com.getui.gtc",
        "com.umeng.message",
        "org.android.agoo",
        "com.ta.utdid2.device",
        "com.umeng.analytics",
        "com.tencent.mm.opensdk.openapi",
        "com.tencent.tauth",
        "com.tencent.stat",
        "com.alipay.sdk.app",
        "com.tencent.android.tpush",
        "com.qq.taf.jce",
        "com.jg",
        "com.example.cnpush",
    ),
    expected_libs=(
        "lib/arm64-v8a/libjcore322.so",
        "lib/armeabi-v7a/libjcore322.so",
        "lib/arm64-v8a/libcocklogic.so",
        "lib/armeabi-v7a/libcocklogic.so",
        "lib/arm64-v8a/libtnet-2.1.20.1-agoo.so",
        "lib/armeabi-v7a/libtnet-2.1.20.1-agoo.so",
        "lib/armeabi-v7a/libtpnsSecurity.so",
        "lib/armeabi-v7a/libtpnsWatchdog.so",
    ),
    notes="UTDID classes dropped from the Alipay jar (Umeng Push keeps its copy).",
)

_BAIDU_SO = tuple(
    f"{abi}/{so}"
    for abi in ("arm64-v8a", "armeabi-v7a")
    for so in (
        "libBaiduMapSDK_base_v6_0_0.so",
        "libBaiduMapSDK_map_v6_0_0.so",
        "libindoor.so",
        "liblocSDK7b.so",
        "liblocSDK8a.so",
    )
)

MAPS_WEB = ApkSpec(
    name="maps-web",
    package="com.example.mapsweb",
    version_code=3,
    version_name="1.3",
    label="Maps and web",
    inputs=(
        Input("BaiduLBS_Android.jar"),
        *(Input(s) for s in _BAIDU_SO),
        Input("tbs_sdk_thirdapp_v3.1.0.1034_43100_sharewithdownload_obfs_20170301_182143.jar"),
        Input("armeabi/liblbs.so"),
    ),
    permissions=(
        "android.permission.INTERNET",
        "android.permission.ACCESS_NETWORK_STATE",
        "android.permission.ACCESS_WIFI_STATE",
        "android.permission.CHANGE_WIFI_STATE",
        "android.permission.ACCESS_FINE_LOCATION",
        "android.permission.ACCESS_COARSE_LOCATION",
        "android.permission.READ_PHONE_STATE",
        "android.permission.WRITE_EXTERNAL_STORAGE",
    ),
    components=(
        Component(
            "activity",
            "com.example.mapsweb.MainActivity",
            exported=True,
            actions=("android.intent.action.MAIN",),
            categories=("android.intent.category.LAUNCHER",),
        ),
        Component("service", "com.baidu.location.f", exported=False, process=":remote"),
        Component(
            "activity",
            "com.tencent.smtt.sdk.VideoActivity",
            exported=False,
            actions=("com.tencent.smtt.tbs.video.PLAY",),
            categories=("android.intent.category.DEFAULT",),
        ),
    ),
    meta_data=(("com.baidu.lbsapi.API_KEY", "baiduKey0000000000000000"),),
    startup_calls=("Lcom/baidu/mapapi/SDKInitializer;->initialize(Landroid/content/Context;)V",),
    sdks=("Baidu Map SDK 6.0.0", "Baidu Location SDK", "Tencent X5/TBS 3.1.0.1034"),
    expected_packages=(
        "com.baidu.mapapi",
        "com.baidu.location",
        "com.tencent.smtt.sdk",
        "com.example.mapsweb",
    ),
    expected_libs=tuple(f"lib/{s}" for s in _BAIDU_SO) + ("lib/armeabi/liblbs.so",),
)

GMS_MULTIDEX = ApkSpec(
    name="gms-multidex",
    package="com.example.gmsapp",
    version_code=19,
    version_name="1.9",
    label="GMS multidex",
    inputs=(Input("google-play-services.jar", dex=2),),
    permissions=(
        "android.permission.INTERNET",
        "android.permission.ACCESS_NETWORK_STATE",
        "android.permission.ACCESS_FINE_LOCATION",
        "android.permission.WAKE_LOCK",
        "com.google.android.c2dm.permission.RECEIVE",
    ),
    components=(
        Component(
            "activity",
            "com.example.gmsapp.MainActivity",
            exported=True,
            actions=("android.intent.action.MAIN",),
            categories=("android.intent.category.LAUNCHER",),
        ),
        Component("activity", "com.google.android.gms.ads.AdActivity", exported=False),
        Component(
            "receiver",
            "com.google.android.gms.analytics.CampaignTrackingReceiver",
            exported=True,
            actions=("com.android.vending.INSTALL_REFERRER",),
        ),
        Component("service", "com.google.android.gms.analytics.CampaignTrackingService", exported=False),
    ),
    meta_data=(("com.google.android.gms.version", "5089000"),),
    startup_calls=(
        "Lcom/google/android/gms/common/GooglePlayServicesUtil;->isGooglePlayServicesAvailable(Landroid/content/Context;)I",
    ),
    sdks=("Google Play services r19 (5089000): ads, analytics, gcm, location, maps",),
    expected_packages=(
        "com.google.android.gms.ads",
        "com.google.android.gms.analytics",
        "com.google.android.gms.location",
        "com.example.gmsapp",
    ),
    notes="classes.dex = tiny app dex only; Google Play services compiled alone into classes2.dex.",
)

HERMES = ApkSpec(
    name="hermes",
    package="com.example.hermesapp",
    version_code=11,
    version_name="0.11",
    label="Hermes native only",
    inputs=(
        Input("hermes-release.aar", dex=0),
        Input("hermes-cppruntime-release.aar", dex=0),
    ),
    permissions=("android.permission.INTERNET",),
    components=(
        Component(
            "activity",
            "com.example.hermesapp.MainActivity",
            exported=True,
            actions=("android.intent.action.MAIN",),
            categories=("android.intent.category.LAUNCHER",),
        ),
    ),
    sdks=("Hermes JS engine 0.11.0 (native only)",),
    expected_packages=("com.example.hermesapp",),
    expected_libs=tuple(
        f"lib/{abi}/{so}"
        for abi in ("arm64-v8a", "armeabi-v7a", "x86", "x86_64")
        for so in ("libhermes.so", "libc++_shared.so")
    ),
    notes="No dex from the Hermes AARs (their Java side is not included): native-only detection.",
)

SPECS: tuple[ApkSpec, ...] = (CN_PUSH_SOCIAL, MAPS_WEB, GMS_MULTIDEX, HERMES)
SPECS_BY_NAME: dict[str, ApkSpec] = {s.name: s for s in SPECS}


def spec_named(name: str) -> ApkSpec:
    try:
        return SPECS_BY_NAME[name]
    except KeyError:
        raise KeyError(f"no predefined APK spec {name!r}; have {sorted(SPECS_BY_NAME)}") from None


# --------------------------------------------------------------------------------------------
# helpers


def _run(cmd: list[Any], cwd: Path | None = None, what: str = "") -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        out = proc.stderr + proc.stdout
        # D8 prints thousands of warnings: show the errors
        errs = [ln for ln in out.splitlines() if "rror" in ln] or out.splitlines()
        raise BuildError(
            f"{what or cmd[0]} failed ({proc.returncode}): {' '.join(map(str, cmd))[:400]}\n"
            + "\n".join(errs[-40:])
        )
    return proc


def _xml_attrs(**attrs: object) -> str:
    out = []
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, bool):
            v = "true" if v else "false"
        out.append(f" android:{k}={quoteattr(str(v))}")
    return "".join(out)


def manifest_xml(spec: ApkSpec) -> str:
    """The AndroidManifest.xml (text) for ``spec``."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<manifest xmlns:android="http://schemas.android.com/apk/res/android"'
        f" package={quoteattr(spec.package)}"
        + _xml_attrs(versionCode=spec.version_code, versionName=spec.version_name)
        + ">",
        f"    <uses-sdk{_xml_attrs(minSdkVersion=spec.min_sdk, targetSdkVersion=spec.target_sdk)} />",
    ]
    own_perms = sorted({p for p in spec.permissions if p.startswith(spec.package + ".")})
    for p in own_perms:
        lines.append(f"    <permission{_xml_attrs(name=p, protectionLevel='signature')} />")
    for p in spec.permissions:
        lines.append(f"    <uses-permission{_xml_attrs(name=p)} />")
    lines.append(f"    <application{_xml_attrs(name=spec.app_class(), label=spec.label, allowBackup=False)}>")
    for name, value in spec.meta_data:
        lines.append(f"        <meta-data{_xml_attrs(name=name, value=value)} />")
    for c in spec.components:
        attrs = _xml_attrs(name=c.name, exported=c.exported, process=c.process, authorities=c.authorities)
        body = []
        if c.actions or c.categories or c.schemes:
            body.append("            <intent-filter>")
            body += [f"                <action{_xml_attrs(name=a)} />" for a in c.actions]
            body += [f"                <category{_xml_attrs(name=a)} />" for a in c.categories]
            body += [f"                <data{_xml_attrs(scheme=a)} />" for a in c.schemes]
            body.append("            </intent-filter>")
        body += [f"            <meta-data{_xml_attrs(name=k, value=v)} />" for k, v in c.meta]
        if body:
            lines += [f"        <{c.kind}{attrs}>", *body, f"        </{c.kind}>"]
        else:
            lines.append(f"        <{c.kind}{attrs} />")
    lines += ["    </application>", "</manifest>", ""]
    return "\n".join(lines)


_SUPER = {
    "activity": "Landroid/app/Activity;",
    "service": "Landroid/app/Service;",
    "receiver": "Landroid/content/BroadcastReceiver;",
    "provider": "Landroid/content/ContentProvider;",
}
_CALL_RE = re.compile(r"^L[\w/$]+;->[\w$<>]+\(Landroid/content/Context;\)(V|[ZBSCIJFD]|L[\w/$]+;)$")


def _desc(cls: str) -> str:
    return "L" + cls.replace(".", "/") + ";"


def app_smali(spec: ApkSpec) -> dict[str, str]:
    """Generated smali (our own code) for the app package: relative path -> source."""
    out: dict[str, str] = {}
    calls = []
    for call in spec.startup_calls:
        if not _CALL_RE.match(call):
            raise BuildError(f"startup call must be a static method taking one Context: {call!r}")
        calls.append(f"    invoke-static {{p0}}, {call}")
    app = _desc(spec.app_class())
    out[spec.app_class().replace(".", "/") + ".smali"] = "\n".join(
        [
            f".class public {app}",
            ".super Landroid/app/Application;",
            "",
            ".method public constructor <init>()V",
            "    .registers 1",
            "    invoke-direct {p0}, Landroid/app/Application;-><init>()V",
            "    return-void",
            ".end method",
            "",
            ".method public onCreate()V",
            "    .registers 1",
            "    invoke-super {p0}, Landroid/app/Application;->onCreate()V",
            *calls,
            "    return-void",
            ".end method",
            "",
        ]
    )
    for c in spec.components:
        if not c.name.startswith(spec.package + "."):
            continue
        sup = _SUPER[c.kind]
        cls = _desc(c.name)
        body = [
            f".class public {cls}",
            f".super {sup}",
            "",
            ".method public constructor <init>()V",
            "    .registers 1",
            f"    invoke-direct {{p0}}, {sup}-><init>()V",
            "    return-void",
            ".end method",
            "",
        ]
        if c.kind == "activity":
            body += [
                ".method protected onCreate(Landroid/os/Bundle;)V",
                "    .registers 2",
                f"    invoke-super {{p0, p1}}, {sup}->onCreate(Landroid/os/Bundle;)V",
                "    return-void",
                ".end method",
                "",
            ]
        out[c.name.replace(".", "/") + ".smali"] = "\n".join(body)
    return out


def _filter_jar(src: Path, dst: Path, exclude: tuple[str, ...]) -> int:
    """Copy ``src`` to ``dst`` without the entries under ``exclude``; returns how many dropped."""
    dropped = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for zi in zin.infolist():
            if zi.filename.startswith(exclude):
                dropped += 1
                continue
            zout.writestr(zi, zin.read(zi))
    return dropped


def _jar_classes(jar: Path) -> set[str]:
    with zipfile.ZipFile(jar) as zf:
        return {n for n in zf.namelist() if n.endswith(".class") and not n.startswith("META-INF/")}


def _abi_of(inner: str) -> str:
    parts = PurePosixPath(inner).parts
    for p in reversed(parts[:-1]):
        if p in ABIS:
            return p
    raise BuildError(f"cannot infer the ABI of {inner!r}; set Input.abi")


def ensure_keystore() -> Path:
    """Throwaway signing key in ``<cache>/keys/`` (generated once, under a lock)."""
    ks = cache_root() / "keys" / "auditor-test.p12"
    if ks.is_file():
        return ks
    with file_lock("keystore"):
        if ks.is_file():
            return ks
        ks.parent.mkdir(parents=True, exist_ok=True)
        tmp = ks.with_name(f".tmp-{os.getpid()}.p12")
        tmp.unlink(missing_ok=True)
        _run(
            [
                tools.keytool(),
                "-genkeypair",
                "-keystore",
                tmp,
                "-storetype",
                "PKCS12",
                "-storepass",
                KEY_PASS,
                "-keypass",
                KEY_PASS,
                "-alias",
                KEY_ALIAS,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "10000",
                "-dname",
                "CN=Auditor corpus test key, O=Test",
            ],
            what="keytool",
        )
        os.replace(tmp, ks)
    return ks


def spec_key(spec: ApkSpec) -> str:
    """Cache key: spec + input sha256s + recipe version."""
    spec_dict = dataclasses.asdict(spec)
    payload = {
        "recipe": RECIPE_VERSION,
        "spec": spec_dict,
        "inputs": [i.entry().sha256 for i in spec.inputs],
        "smali": {d: _dir_digest(Path(d)) for d in spec.extra_smali_dirs},
    }
    if spec.obfuscate:
        payload["r8_rules"] = R8_RULES
    else:  # D8 builds keep the keys they had before R8 builds existed (the shared cache stays valid)
        del spec_dict["obfuscate"]
    blob = json.dumps(payload, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def _dir_digest(d: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(d.rglob("*.smali")):
        h.update(str(p.relative_to(d)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


# --------------------------------------------------------------------------------------------
# build


def build_apk(spec: ApkSpec, *, force: bool = False) -> Path:
    """Build (or reuse from the cache) the signed APK for ``spec``; returns its path."""
    out = cache_root() / "apks" / f"{spec.name}-{spec_key(spec)}.apk"
    if out.is_file() and not force:
        return out
    with file_lock(f"apk-{out.name}"):
        if out.is_file() and not force:
            return out
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f"build-{spec.name}-", dir=out.parent) as tmp:
            built = _build(spec, Path(tmp))
            if (Path(tmp) / "mapping.txt").is_file():
                os.replace(Path(tmp) / "mapping.txt", mapping_path(out))
            os.replace(built, out)
    return out


def mapping_path(apk: Path) -> Path:
    """Where the R8 mapping of an ``obfuscate`` build sits (next to the cached APK)."""
    return apk.with_name(apk.name + ".mapping.txt")


def built_apk(name: str) -> Path:
    """Build (or reuse) one of the predefined ``SPECS`` by name."""
    return build_apk(spec_named(name))


def _build(spec: ApkSpec, work: Path) -> Path:
    jars: dict[int, list[Path]] = {}
    libs: dict[str, Path] = {}  # APK entry -> file
    staging = work / "stage"
    (work / "in").mkdir(parents=True)
    staging.mkdir()

    def add_lib(entry_name: str, src: Path) -> None:
        if entry_name in libs:
            raise BuildError(f"two inputs provide {entry_name}")
        libs[entry_name] = src

    for n, inp in enumerate(spec.inputs):
        entry = inp.entry()
        path = fetch_entry(entry)
        base = entry.basename
        if base.endswith(".so"):
            add_lib(f"lib/{inp.abi or _abi_of(entry.inner)}/{base}", path)
        elif base.endswith(".jar"):
            if inp.dex <= 0:
                continue
            if inp.exclude:
                fjar = work / "in" / f"{n:02d}-{base}"
                _filter_jar(path, fjar, inp.exclude)
                path = fjar
            jars.setdefault(inp.dex, []).append(path)
        elif base.endswith(".aar"):
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
                if inp.dex > 0 and "classes.jar" in names:
                    cj = work / "in" / f"{n:02d}-{base}-classes.jar"
                    cj.write_bytes(zf.read("classes.jar"))
                    if inp.exclude:
                        fjar = cj.with_name(cj.stem + "-filtered.jar")
                        _filter_jar(cj, fjar, inp.exclude)
                        cj = fjar
                    jars.setdefault(inp.dex, []).append(cj)
                if inp.native:
                    for m in names:
                        parts = PurePosixPath(m).parts
                        if len(parts) == 3 and parts[0] == "jni" and parts[2].endswith(".so"):
                            if parts[1] not in ABIS:
                                raise BuildError(f"unexpected ABI dir in {base}: {m}")
                            so = work / "in" / f"{n:02d}-{parts[1]}-{parts[2]}"
                            so.write_bytes(zf.read(m))
                            add_lib(f"lib/{parts[1]}/{parts[2]}", so)
        else:
            raise BuildError(f"don't know how to package {base}")

    # duplicate classes across jars would make D8 fail (or shadow each other across dex files)
    seen: dict[str, Path] = {}
    clashes: dict[tuple[str, str], list[str]] = {}
    for group in sorted(jars):
        for jar in jars[group]:
            for cls in _jar_classes(jar):
                if cls in seen:
                    clashes.setdefault((seen[cls].name, jar.name), []).append(cls)
                else:
                    seen[cls] = jar
    if clashes:
        msg = "; ".join(f"{a} vs {b}: {len(v)} classes, e.g. {min(v)}" for (a, b), v in clashes.items())
        raise BuildError(f"duplicate classes (add Input.exclude prefixes to drop one copy): {msg}")

    # app dex (our generated smali + extra smali dirs)
    src = work / "smali"
    for rel, text in app_smali(spec).items():
        p = src / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    smali_dirs = [src, *(Path(d) for d in spec.extra_smali_dirs)]
    app_dex = work / "app.dex"
    _run(
        [*tools.smali_cmd(), "assemble", "--api", str(spec.min_sdk), "-o", app_dex, *smali_dirs], what="smali"
    )

    if spec.obfuscate:
        dex_files = [app_dex, *_r8_dex(spec, [j for group in sorted(jars) for j in jars[group]], work)]
    else:
        dex_files = _d8_dex(spec, jars, app_dex, work)
    _package(spec, work, staging, dex_files, libs)
    return work / f"{spec.name}.apk"


def _d8_dex(spec: ApkSpec, jars: dict[int, list[Path]], app_dex: Path, work: Path) -> list[Path]:
    """D8 per group; group 1 also gets the app dex (D8 merges dex inputs)."""
    dex_files: list[Path] = []
    for group in sorted(set(jars) | {1}):
        gjars = jars.get(group, [])
        extra = [app_dex] if group == 1 else []
        if not gjars:
            dex_files += extra
            continue
        gout = work / f"d8-{group}"
        gout.mkdir()
        _run(
            [*tools.d8_cmd(), "--release", "--min-api", str(spec.min_sdk), "--output", gout, *extra, *gjars],
            what=f"D8 (dex group {group})",
        )
        produced = sorted(gout.glob("classes*.dex"), key=lambda p: int(p.stem[7:] or 1))
        if not produced:
            raise BuildError(f"D8 produced no dex for group {group}")
        dex_files += produced
    return dex_files


R8_RULES = """-dontshrink
-dontoptimize
-ignorewarnings
-dontwarn **
-repackageclasses ''
-allowaccessmodification
-keepattributes *Annotation*,Signature,InnerClasses,EnclosingMethod
-keepclasseswithmembernames,includedescriptorclasses class * { native <methods>; }
"""
"""Obfuscation without shrinking, every renamed class moved to the root package (``-repackageclasses``,
common in hardened release builds): what R8 renames when the SDKs' own keep rules are left out."""


def _r8_dex(spec: ApkSpec, jars: list[Path], work: Path) -> list[Path]:
    """The SDK jars through R8 with :data:`R8_RULES` plus a keep rule per manifest component (as AAPT2
    writes them); the mapping is left next to the output for tests that want it."""
    rules = work / "rules.pro"
    keeps = "".join(f"-keep class {c.name} {{ <init>(); }}\n" for c in spec.components)
    rules.write_text(R8_RULES + keeps)
    out = work / "r8"
    out.mkdir()
    jdk = tools.java_base_jar(work)
    _run([*tools.r8_cmd(), "--release", "--min-api", str(spec.min_sdk), "--lib", jdk, "--pg-conf", rules,
          "--pg-map-output", work / "mapping.txt", "--output", out, *jars], what="R8")
    return sorted(out.glob("classes*.dex"), key=lambda p: int(p.stem[7:] or 1))


def _package(spec: ApkSpec, work: Path, staging: Path, dex_files: list[Path], libs: dict[str, Path]) -> None:
    """Dex files and native libraries into a signed ``<work>/<name>.apk``."""
    entries: list[str] = []
    for i, dex in enumerate(dex_files, start=1):
        name = "classes.dex" if i == 1 else f"classes{i}.dex"
        shutil.copyfile(dex, staging / name)
        entries.append(name)
    for entry_name, so in sorted(libs.items()):
        dst = staging / entry_name
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(so, dst)
        entries.append(entry_name)

    manifest = work / "AndroidManifest.xml"
    manifest.write_text(manifest_xml(spec), encoding="utf-8")
    unsigned = work / "unsigned.apk"
    _run(
        [tools.aapt(), "package", "-f", "-M", manifest, "-I", tools.framework_res(), "-F", unsigned],
        what="aapt package",
    )
    _run([tools.aapt(), "add", unsigned, *entries], cwd=staging, what="aapt add")
    aligned = work / "aligned.apk"
    _run([tools.zipalign(), "-f", "-p", "4", unsigned, aligned], what="zipalign")
    signed = work / f"{spec.name}.apk"
    ks = ensure_keystore()
    _run(
        [
            tools.apksigner(),
            "sign",
            "--ks",
            ks,
            "--ks-type",
            "PKCS12",
            "--ks-pass",
            f"pass:{KEY_PASS}",
            "--ks-key-alias",
            KEY_ALIAS,
            "--key-pass",
            f"pass:{KEY_PASS}",
            "--v1-signer-name",
            "CERT",
            "--out",
            signed,
            aligned,
        ],
        what="apksigner",
    )


# --------------------------------------------------------------------------------------------
# inspection helpers (used by the infra tests; handy elsewhere too)


def dex_classes(apk: Path) -> dict[str, set[str]]:
    """``{"classes.dex": {"cn.jpush.android.api.JPushInterface", ...}, "classes2.dex": ...}``
    as listed by ``dexdump`` (each dex file of the APK dumped separately)."""
    out: dict[str, set[str]] = {}
    with zipfile.ZipFile(apk) as zf, tempfile.TemporaryDirectory(prefix="dexdump-") as tmp:
        for name in zf.namelist():
            if not re.fullmatch(r"classes\d*\.dex", name):
                continue
            p = Path(tmp) / name
            p.write_bytes(zf.read(name))
            proc = _run([tools.dexdump(), p], what="dexdump")
            out[name] = {
                m.group(1).replace("/", ".")
                for m in re.finditer(r"Class descriptor\s*:\s*'L([^;]+);'", proc.stdout)
            }
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse
    import time

    ap = argparse.ArgumentParser(description="build the predefined corpus APKs")
    ap.add_argument("names", nargs="*")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--force", action="store_true", help="rebuild even if cached")
    ap.add_argument("--manifest", action="store_true", help="print the generated manifest only")
    args = ap.parse_args(argv)
    specs = list(SPECS) if args.all else [spec_named(n) for n in args.names]
    for s in specs:
        if args.manifest:
            print(manifest_xml(s))
            continue
        t0 = time.monotonic()
        p = build_apk(s, force=args.force)
        print(f"{s.name:16} {time.monotonic() - t0:6.1f}s {p.stat().st_size:>10} {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
