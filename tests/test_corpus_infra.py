"""Tests of the test-material infrastructure itself: fetch + cache + verify, and APK building."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.corpus import build, fetch, tools
from tests.corpus import fixtures as _fixtures

# register the corpus fixtures in this module (tests/conftest.py may import them too)
corpus_file = _fixtures.corpus_file
built_apk = _fixtures.built_apk
corpus_spec = _fixtures.corpus_spec

SMALL = "jg_filter_sdk_1.1.jar"  # 3 kB file in a small npm package


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


# ------------------------------------------------------------------------------- no network


def test_corpus_list_is_the_pinned_99():
    raw = json.loads(fetch.CORPUS_JSON.read_text(encoding="utf-8"))
    assert len(raw) == 99
    entries = fetch.corpus_entries()
    assert len(entries) == 99
    assert len({(e.pkg, e.ver, e.inner) for e in entries}) == 99
    assert len({e.package_key for e in entries}) == 22
    for e in entries:
        assert e.registry in fetch.REGISTRIES
        assert len(e.sha256) == 64 and int(e.sha256, 16) >= 0
        assert e.size > 0


def test_lookup_by_basename_suffix_and_pkg():
    assert fetch.entry_for("jpush-android-5.0.4.jar").pkg == "jpush-react-native"
    e = fetch.entry_for("package/android/libs/jcore-android-3.2.2.jar")
    assert e.ver == "1.9.9"
    with pytest.raises(KeyError, match="ambiguous"):
        fetch.entry_for("libjcore322.so")
    assert fetch.entry_for("arm64-v8a/libjcore322.so").size == 5832
    with pytest.raises(KeyError, match="ambiguous"):
        fetch.entry_for("libammsdk.jar")
    assert fetch.entry_for("libammsdk.jar", pkg="react-native-wechat-lib").ver == "1.1.27"
    assert len(fetch.find_entries("libammsdk.jar")) == 2
    with pytest.raises(KeyError):
        fetch.entry_for("no-such-file.jar")


def test_extract_member_refuses_unsafe_paths(tmp_path):
    for bad in ("../evil", "/etc/passwd", "a/../../b", "a\\b"):
        with pytest.raises(fetch.CorpusError):
            fetch.extract_member(tmp_path / "x.tgz", bad, tmp_path / "out")


def test_extract_member_only_regular_files(tmp_path):
    tgz = tmp_path / "p.tgz"
    with tarfile.open(tgz, "w:gz") as tf:
        (tmp_path / "f").write_bytes(b"hello")
        tf.add(tmp_path / "f", arcname="package/f")
        ti = tarfile.TarInfo("package/link")
        ti.type = tarfile.SYMTYPE
        ti.linkname = "/etc/passwd"
        tf.addfile(ti)
    fetch.extract_member(tgz, "package/f", tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == b"hello"
    with pytest.raises(fetch.CorpusError, match="not a regular file"):
        fetch.extract_member(tgz, "package/link", tmp_path / "out2")
    whl = tmp_path / "p.whl"
    with zipfile.ZipFile(whl, "w") as zf:
        zf.writestr("pkg/data.bin", b"xyz")
    fetch.extract_member(whl, "pkg/data.bin", tmp_path / "out3")
    assert (tmp_path / "out3").read_bytes() == b"xyz"
    with pytest.raises(fetch.CorpusError, match="not in"):
        fetch.extract_member(whl, "pkg/missing.bin", tmp_path / "out4")


def test_generated_manifest_and_app_smali():
    spec = build.CN_PUSH_SOCIAL
    xml = build.manifest_xml(spec)
    for s in (
        "cn.jpush.android.service.PushService",
        "JPUSH_APPKEY",
        "UMENG_APPKEY",
        "android.permission.READ_PHONE_STATE",
        'android:process=":pushcore"',
    ):
        assert s in xml
    smali = build.app_smali(spec)
    app = smali["com/example/cnpush/App.smali"]
    assert "Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V" in app
    assert "com/example/cnpush/MainActivity.smali" in smali
    assert len({s.name for s in build.SPECS}) == len(build.SPECS) >= 4
    for s in build.SPECS:
        assert s.sdks and s.expected_packages


# ------------------------------------------------------------------------------- network / cache


@pytest.mark.corpus
def test_fetched_file_matches_pinned_hash(corpus_file):
    e = fetch.entry_for(SMALL)
    p = corpus_file(SMALL)
    assert p.name == SMALL and p.stat().st_size == e.size
    assert _sha(p) == e.sha256
    assert p.parent.name == e.sha256


@pytest.mark.corpus
def test_second_fetch_is_served_from_cache(tmp_path, monkeypatch, corpus_file):
    monkeypatch.setenv("AUDITOR_CORPUS_CACHE", str(tmp_path / "cache"))
    t0 = time.monotonic()
    first = corpus_file(SMALL)  # real download into the fresh cache
    t_first = time.monotonic() - t0
    assert first.is_relative_to(tmp_path)
    assert list((tmp_path / "cache" / "packages" / "npm").glob("react-native-tencent-xg-0.1.0.tgz"))

    def no_network(*a, **k):  # any download attempt now is a bug
        raise AssertionError("network used although the file is cached")

    monkeypatch.setattr(fetch, "_download", no_network)
    monkeypatch.setattr(fetch.subprocess, "run", no_network)
    t0 = time.monotonic()
    second = corpus_file(SMALL)
    assert second == first and _sha(second) == fetch.entry_for(SMALL).sha256
    assert time.monotonic() - t0 < 0.5 and t_first > 0
    # another member of the same package comes from the cached archive, no download either
    so = corpus_file("armeabi-v7a/libtpnsSecurity.so")
    assert _sha(so) == fetch.entry_for("armeabi-v7a/libtpnsSecurity.so").sha256


@pytest.mark.corpus
def test_wrong_hash_raises_and_caches_nothing(corpus_file):
    corpus_file(SMALL)  # make sure the package archive is cached
    good = fetch.entry_for(SMALL)
    bad = fetch.CorpusEntry(good.registry, good.pkg, good.ver, good.inner, "0" * 64, good.size)
    with pytest.raises(fetch.HashMismatch):
        fetch.fetch_entry(bad)
    assert not fetch.cached_path(bad).exists()


@pytest.mark.corpus
def test_parallel_fetches_download_once(tmp_path):
    env = dict(os.environ, AUDITOR_CORPUS_CACHE=str(tmp_path / "cache"))
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); from tests.corpus.fetch import corpus_file; "
        "print(corpus_file('wup-1.0.0.E-SNAPSHOT.jar'))"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert len({o.strip() for o, _ in outs}) == 1
    archives = list((tmp_path / "cache" / "packages" / "npm").glob("*.tgz"))
    assert len(archives) == 1
    assert not list((tmp_path / "cache" / "packages" / "npm").glob("dl-*"))


@pytest.mark.corpus
def test_build_tools_resolve():
    found = tools.check_all()
    assert Path(found["d8"]).name == "bundletool-all-1.17.2.jar"
    assert _sha(Path(found["d8"])) == fetch.entry_for(tools.BUNDLETOOL_INNER).sha256


# ------------------------------------------------------------------------------- APK builds


def _badging(apk: Path) -> str:
    return subprocess.run(
        [tools.aapt(), "dump", "badging", str(apk)], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("name", [s.name for s in build.SPECS])
def test_predefined_spec_builds_valid_apk(name, built_apk, corpus_spec):
    spec = corpus_spec(name)
    apk = built_apk(name)
    badging = _badging(apk)
    assert f"package: name='{spec.package}' versionCode='{spec.version_code}'" in badging
    assert f"sdkVersion:'{spec.min_sdk}'" in badging
    for perm in spec.permissions:
        assert f"uses-permission: name='{perm}'" in badging
    subprocess.run([tools.apksigner(), "verify", str(apk)], check=True, capture_output=True)

    with zipfile.ZipFile(apk) as zf:
        names = set(zf.namelist())
    assert "classes.dex" in names
    for lib in spec.expected_libs:
        assert lib in names, lib

    dex = build.dex_classes(apk)
    all_classes = set().union(*dex.values())
    for pkg in spec.expected_packages:
        assert any(c.startswith(pkg + ".") for c in all_classes), f"{pkg} not in dex"
    assert spec.app_class() in dex["classes.dex"]

    xmltree = subprocess.run(
        [tools.aapt(), "dump", "xmltree", str(apk), "AndroidManifest.xml"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for key, _ in spec.meta_data:
        assert f'"{key}"' in xmltree
    for c in spec.components:
        assert f'"{c.name}"' in xmltree


@pytest.mark.corpus
@pytest.mark.slow
def test_gms_is_alone_in_classes2(built_apk):
    dex = build.dex_classes(built_apk("gms-multidex"))
    assert set(dex) >= {"classes.dex", "classes2.dex"}
    assert all(c.startswith("com.example.gmsapp.") for c in dex["classes.dex"])
    rest = set().union(*(v for k, v in dex.items() if k != "classes.dex"))
    assert rest and all(c.startswith("com.google.") for c in rest)


@pytest.mark.corpus
@pytest.mark.slow
def test_hermes_is_native_only(built_apk):
    apk = built_apk("hermes")
    dex = build.dex_classes(apk)
    assert set(dex) == {"classes.dex"}
    assert all(c.startswith("com.example.hermesapp.") for c in dex["classes.dex"])
    with zipfile.ZipFile(apk) as zf:
        libs = [n for n in zf.namelist() if n.startswith("lib/")]
    assert "lib/arm64-v8a/libhermes.so" in libs and len(libs) == 8


@pytest.mark.corpus
@pytest.mark.slow
def test_utdid_clash_resolved_and_build_cached(built_apk):
    apk = built_apk("cn-push-social")
    classes = set().union(*build.dex_classes(apk).values())
    assert "com.ta.utdid2.device.UTDevice" in classes  # Umeng Push's copy kept
    mtime = apk.stat().st_mtime_ns
    t0 = time.monotonic()
    again = built_apk("cn-push-social")
    assert again == apk and again.stat().st_mtime_ns == mtime
    assert time.monotonic() - t0 < 2.0


@pytest.mark.corpus
def test_duplicate_classes_are_reported():
    spec = build.ApkSpec(
        name="clash",
        package="com.example.clash",
        inputs=(build.Input("alipaySdk-20160223.jar"), build.Input("com.umeng.message_v2.8.0.jar")),
    )
    with pytest.raises(build.BuildError, match="com/ta/utdid2"):
        build.build_apk(spec)


# ------------------------------------------------------------------------------- committed demo app

DEMO_DIR = ROOT / "samples" / "demo-app"
DEMO_APK = ROOT / "samples" / "demo-app.apk"
DEMO_EXPECTED = json.loads((DEMO_DIR / "expected.json").read_text(encoding="utf-8"))


def _dexdump_methods(apk: Path) -> dict[tuple[str, str], list[str]]:
    """(dotted class, 'name(sig)ret') -> disassembled instruction lines, from ``dexdump -d``."""
    out = subprocess.run([tools.dexdump(), "-d", str(apk)], check=True, capture_output=True, text=True).stdout
    methods: dict[tuple[str, str], list[str]] = {}
    cls = name = None
    cur: list[str] | None = None
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("Class descriptor"):
            cls = s.split("'")[1][1:-1].replace("/", ".")
        elif s.startswith("name") and ":" in s and cls:
            name = s.split("'")[1]
        elif s.startswith("type") and ":" in s and name is not None and cls:
            cur = methods.setdefault((cls, name + s.split("'")[1]), [])
            name = None
        elif "|" in s and cur is not None:
            ins = s.split("|", 1)[1]  # "0022: invoke-virtual {v1, v2}, L...;.name:(...)..."
            cur.append(ins.split(": ", 1)[1] if ": " in ins else ins)
    return methods


def _dexdump_ref(api: str) -> str:
    # "Lcls;->name(sig)ret"  ->  dexdump's "Lcls;.name:(sig)ret"
    owner, rest = api.split(";->", 1)
    mname, sig = rest.split("(", 1)
    return f"{owner};.{mname}:({sig}"


def test_demo_apk_manifest_matches_expected():
    exp = DEMO_EXPECTED
    badging = _badging(DEMO_APK)
    assert (
        f"package: name='{exp['package']}' versionCode='{exp['version_code']}' "
        f"versionName='{exp['version_name']}'"
    ) in badging
    assert (
        f"sdkVersion:'{exp['min_sdk']}'" in badging and f"targetSdkVersion:'{exp['target_sdk']}'" in badging
    )
    assert f"launchable-activity: name='{exp['launcher_activity']}'" in badging
    perms = subprocess.run(
        [tools.aapt(), "dump", "permissions", str(DEMO_APK)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    uses = [ln.split("'")[1] for ln in perms if ln.startswith("uses-permission: ")]
    assert uses == exp["uses_permission"]
    sdk23 = [ln.split("'")[1] for ln in perms if ln.startswith("uses-permission-sdk-23: ")]
    assert sdk23 == exp["uses_permission_sdk_23"]
    assert "uses-permission: name='android.permission.READ_EXTERNAL_STORAGE' maxSdkVersion='32'" in perms
    assert [ln.split(": ", 1)[1] for ln in perms if ln.startswith("permission: ")] == exp[
        "declared_permissions"
    ]
    xmltree = subprocess.run(
        [tools.aapt(), "dump", "xmltree", str(DEMO_APK), "AndroidManifest.xml"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for key, value in exp["meta_data"].items():
        assert f'"{key}"' in xmltree and f'"{value}"' in xmltree
    assert "E: queries" in xmltree
    for pkg in exp["queries"]["packages"]:
        assert f'"{pkg}"' in xmltree
    subprocess.run([tools.apksigner(), "verify", str(DEMO_APK)], check=True, capture_output=True)


def test_demo_apk_code_matches_expected():
    exp = DEMO_EXPECTED
    classes = build.dex_classes(DEMO_APK)
    assert set(classes) == {"classes.dex"}
    for markers in exp["sdk_marker_classes"].values():
        assert set(markers) <= classes["classes.dex"]
    assert exp["application_class"] in classes["classes.dex"]
    methods = _dexdump_methods(DEMO_APK)
    for site in exp["call_sites"]:
        code = methods[(site["caller_class"], site["caller_method"])]
        ref = _dexdump_ref(site["api"])
        assert any(ins.startswith(site["opcode"]) and ref in ins for ins in code), site["id"]
        for const in site.get("const_strings", [site["const_string"]] if "const_string" in site else []):
            assert any(ins.startswith("const-string") and f'"{const}"' in ins for ins in code), site["id"]
    # dead code really is dead: no invoke of the method anywhere
    dead = [s for s in exp["call_sites"] if not s["reachable"]]
    assert dead
    for s in dead:
        name = s["caller_method"].split("(")[0]
        needle = "L" + s["caller_class"].replace(".", "/") + ";." + name + ":"
        assert not any(needle in ins for code in methods.values() for ins in code)


def test_demo_apk_native_and_extra_entries():
    import lief

    exp = DEMO_EXPECTED
    with zipfile.ZipFile(DEMO_APK) as zf:
        for path, value in exp["version_files"].items():
            assert zf.read(path).decode().strip() == value
        for path in exp["assets"]:
            json.loads(zf.read(path))
        for lib, symbols in exp["native_libs"].items():
            elf = lief.parse(list(zf.read(lib)))
            assert elf is not None
            exported = {s.name for s in elf.exported_symbols}
            assert set(symbols) <= exported


@pytest.mark.slow
def test_demo_build_script_reproduces_committed_apk(tmp_path):
    out = tmp_path / "demo.apk"
    subprocess.run(["bash", str(DEMO_DIR / "build.sh"), str(out)], check=True, capture_output=True)
    with zipfile.ZipFile(out) as new, zipfile.ZipFile(DEMO_APK) as old:
        assert sorted(new.namelist()) == sorted(old.namelist())
        for name in new.namelist():
            if name.startswith(("lib/", "META-INF/CERT")) or name == "META-INF/MANIFEST.MF":
                continue  # compiler- / signature-dependent
            assert new.read(name) == old.read(name), (
                f"{name} differs: rebuild and commit samples/demo-app.apk"
            )
