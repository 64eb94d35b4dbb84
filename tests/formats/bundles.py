"""Build real AABs, split APK sets and an R8-obfuscated build from the corpus (cached outside the tree).

* AAB: the dex files and ``lib/`` of a corpus APK (``tests.corpus.build``), its manifest linked by AAPT2
  (``apktool_2.10.0.jar``'s ``prebuilt/linux/aapt2_64``) with ``--proto-format``, a module zip, then
  ``bundletool build-bundle`` with a ``dependencies.pb`` (and optionally a ``proguard.map``) as metadata.
* ``bundletool build-apks`` (default mode: split APKs, several variants; universal mode), signed with the
  corpus' throwaway key.
* R8: a tiny app (``App.onCreate`` calls JPush and Umeng Analytics) compiled by javac against stub
  ``android.*`` classes, shrunk with R8 keeping ``App`` only, once obfuscated (with its mapping) and once
  with ``-dontobfuscate``.

Everything lands in ``<cache>/formats/<name>-<key>/``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import tempfile
import zipfile
from pathlib import Path

from dexgen import uleb128  # protobuf varints are LEB128 (tests/unit on sys.path, see tests/conftest.py)

from tests.corpus import tools
from tests.corpus.build import KEY_ALIAS, KEY_PASS, ApkSpec, Component, _run, ensure_keystore, manifest_xml
from tests.corpus.fetch import cache_root, entry_for, fetch_entry, file_lock

RECIPE = "1"
DEPENDENCIES = (("cn.jiguang.sdk", "jpush", "5.0.4"), ("cn.jiguang.sdk", "jcore", "3.2.2"),
                ("com.umeng.umsdk", "common", "9.4.7"), ("com.tencent.mm.opensdk", "wechat-sdk-android", "6.8.0"))
"""Maven coordinates written into ``dependencies.pb`` (the first, second and last are direct deps of base)."""


# -- a minimal protobuf encoder for AppDependencies (field numbers: auditor/build/dependencies.py) -------
def _field(number: int, payload: bytes | int) -> bytes:
    if isinstance(payload, int):
        return uleb128(number << 3) + uleb128(payload)
    return uleb128(number << 3 | 2) + uleb128(len(payload)) + payload


def dependencies_pb(libraries: tuple[tuple[str, str, str], ...], direct: tuple[int, ...]) -> bytes:
    out = b""
    for group, artifact, version in libraries:
        maven = _field(1, group.encode()) + _field(2, artifact.encode()) + _field(3, b"aar") + \
            _field(5, version.encode())
        out += _field(1, _field(1, maven))
    out += _field(2, _field(1, 0) + _field(2, 1))
    out += _field(3, _field(1, b"base") + b"".join(_field(2, i) for i in direct))
    return out


# -- tools -------------------------------------------------------------------------------------------
def aapt2() -> Path:
    jar = tools.apktool_jar()
    out = cache_root() / "tools" / f"aapt2-{hashlib.sha256(str(jar).encode()).hexdigest()[:12]}"
    if out.is_file():
        return out
    with file_lock("aapt2"), zipfile.ZipFile(jar) as zf:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".tmp-{os.getpid()}")
        tmp.write_bytes(zf.read("prebuilt/linux/aapt2_64"))
        tmp.chmod(tmp.stat().st_mode | stat.S_IXUSR)
        os.replace(tmp, out)
    return out


def _bundletool(*args: object) -> None:
    _run([tools.java(), "-jar", tools.bundletool_jar(), *args], what="bundletool")


def _sign_args() -> list[str]:
    ks = ensure_keystore()
    return [f"--ks={ks}", f"--ks-pass=pass:{KEY_PASS}", f"--ks-key-alias={KEY_ALIAS}", f"--key-pass=pass:{KEY_PASS}"]


def _cached(name: str, key: str) -> Path:
    return cache_root() / "formats" / f"{name}-{hashlib.sha256((RECIPE + key).encode()).hexdigest()[:16]}"


# -- AAB and APK sets ---------------------------------------------------------------------------------
def build_bundle(name: str, spec: ApkSpec, apk: Path, mapping: Path | None = None) -> dict[str, Path]:
    """``{"aab", "apks", "universal_apks", "universal"}`` for the dex and libs of ``apk`` (built from
    ``spec``), cached."""
    key = hashlib.sha256(apk.read_bytes()).hexdigest() + (hashlib.sha256(mapping.read_bytes()).hexdigest()
                                                          if mapping else "")
    out = _cached(name, key)
    done = {"aab": out / "app.aab", "apks": out / "app.apks", "universal_apks": out / "universal.apks",
            "universal": out / "universal.apk"}
    if all(p.is_file() for p in done.values()):
        return done
    with file_lock(f"formats-{out.name}"):
        if all(p.is_file() for p in done.values()):
            return done
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f"{name}-", dir=out.parent) as tmp_name:
            work = Path(tmp_name)
            _bundle(spec, apk, mapping, work)
            shutil.rmtree(out, ignore_errors=True)
            os.replace(work / "out", out)
            (work / "out").mkdir()
    return done


def _bundle(spec: ApkSpec, apk: Path, mapping: Path | None, work: Path) -> None:
    (work / "AndroidManifest.xml").write_text(manifest_xml(spec), encoding="utf-8")
    _run([aapt2(), "link", "--proto-format", "-o", work / "proto.apk", "--manifest", work / "AndroidManifest.xml",
          "-I", tools.framework_res()], what="aapt2 link")
    module = work / "base.zip"
    with zipfile.ZipFile(apk) as src, zipfile.ZipFile(work / "proto.apk") as proto, \
            zipfile.ZipFile(module, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr("manifest/AndroidManifest.xml", proto.read("AndroidManifest.xml"))
        dst.writestr("resources.pb", proto.read("resources.pb"))
        for member in src.namelist():
            if member.startswith("classes") and member.endswith(".dex"):
                dst.writestr(f"dex/{member}", src.read(member))
            elif member.startswith("lib/"):
                dst.writestr(member, src.read(member))
    deps = work / "dependencies.pb"
    deps.write_bytes(dependencies_pb(DEPENDENCIES, (0, 1, 3)))
    out = work / "out"
    out.mkdir()
    meta = [f"--metadata-file=com.android.tools.build.libraries/dependencies.pb:{deps}"]
    if mapping is not None:
        meta.append(f"--metadata-file=com.android.tools.build.obfuscation/proguard.map:{mapping}")
    _bundletool("build-bundle", f"--modules={module}", f"--output={out / 'app.aab'}", *meta)
    _bundletool("build-apks", f"--bundle={out / 'app.aab'}", f"--output={out / 'app.apks'}", *_sign_args())
    _bundletool("build-apks", f"--bundle={out / 'app.aab'}", f"--output={out / 'universal.apks'}",
                "--mode=universal", *_sign_args())
    with zipfile.ZipFile(out / "universal.apks") as zf:
        (out / "universal.apk").write_bytes(zf.read("universal.apk"))


# -- R8 -----------------------------------------------------------------------------------------------
R8_JARS = ("jpush-android-5.0.4.jar", "jcore-android-3.2.2.jar", "umeng-analytics-v5.6.7.jar")
R8_SPEC = ApkSpec(name="r8-app", package="com.example.r8app", permissions=("android.permission.INTERNET",),
                  components=(Component("activity", "com.example.r8app.MainActivity", exported=True,
                                        actions=("android.intent.action.MAIN",)),))
_APP_JAVA = """package com.example.r8app;
public class App extends android.app.Application {
    public void onCreate() {
        super.onCreate();
        cn.jpush.android.api.JPushInterface.init(this);
        com.umeng.analytics.MobclickAgent.onResume(this);
    }
}
"""
_STUBS = {
    "android/content/Context.java": "package android.content; public abstract class Context {}",
    "android/app/Application.java":
        "package android.app; public class Application extends android.content.Context { public void onCreate() {} }",
}


def build_r8(obfuscate: bool) -> tuple[Path, Path | None]:
    """``(apk, mapping)``: the R8-shrunk app, obfuscated (with its mapping) or not (mapping ``None``)."""
    jars = [fetch_entry(entry_for(j)) for j in R8_JARS]
    out = _cached(f"r8-{'obf' if obfuscate else 'clear'}", "".join(str(j) for j in jars) + _APP_JAVA)
    apk, mapping = out / "app.apk", out / "mapping.txt"
    if apk.is_file():
        return apk, mapping if obfuscate else None
    with file_lock(f"formats-{out.name}"):
        if not apk.is_file():
            out.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix="r8-", dir=out.parent) as tmp_name:
                _r8(Path(tmp_name), jars, obfuscate)
                shutil.rmtree(out, ignore_errors=True)
                os.replace(Path(tmp_name) / "out", out)
                (Path(tmp_name) / "out").mkdir()
    return apk, mapping if obfuscate else None


def _r8(work: Path, jars: list[Path], obfuscate: bool) -> None:
    src, stubs, classes = work / "src", work / "stubs", work / "classes"
    for rel, text in {"com/example/r8app/App.java": _APP_JAVA, **_STUBS}.items():
        path = (src if rel.startswith("com/") else stubs) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    javac = shutil.which("javac") or "javac"
    _run([javac, "-source", "8", "-target", "8", "-nowarn", "-d", classes, "-cp", os.pathsep.join(map(str, jars)),
          *stubs.rglob("*.java"), *src.rglob("*.java")], what="javac")
    app_jar, lib_jar = work / "app.jar", work / "android-stubs.jar"
    with zipfile.ZipFile(app_jar, "w") as app, zipfile.ZipFile(lib_jar, "w") as lib:
        for path in classes.rglob("*.class"):
            rel = path.relative_to(classes).as_posix()
            (lib if rel.startswith("android/") else app).write(path, rel)
    rules = work / "rules.pro"
    rules.write_text("-keep class com.example.r8app.App { *; }\n-dontwarn **\n-ignorewarnings\n"
                     + ("" if obfuscate else "-dontobfuscate\n"))
    dex_out = work / "dex"
    dex_out.mkdir()
    out = work / "out"
    out.mkdir()
    jdk = tools.java_base_jar(work)
    _run([*tools.r8_cmd(), "--release", "--min-api", "21", "--lib", lib_jar, "--lib", jdk, "--pg-conf", rules,
          "--pg-map-output", out / "mapping.txt", "--output", dex_out, app_jar, *jars], what="R8")
    (work / "AndroidManifest.xml").write_text(manifest_xml(R8_SPEC), encoding="utf-8")
    unsigned = out / "app.apk"
    _run([tools.aapt(), "package", "-f", "-M", work / "AndroidManifest.xml", "-I", tools.framework_res(),
          "-F", unsigned], what="aapt package")
    _run([tools.aapt(), "add", unsigned, *sorted(p.name for p in dex_out.glob("classes*.dex"))], cwd=dex_out,
         what="aapt add")


def run(cmd: list[object]) -> subprocess.CompletedProcess[str]:
    return _run([str(c) for c in cmd])
