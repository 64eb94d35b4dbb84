"""Seed inputs for the fuzz targets: real files from the pinned corpus (fdroidserver's edge-case APKs: Janus,
bad signatures, unicode names, no dex...) plus the synthetic builders. Offline without a cached corpus,
the synthetic seeds alone are used."""

from __future__ import annotations

import zipfile
from functools import lru_cache
from pathlib import Path

from tests.hostile.builders import Axml, apk, build_zip, dex, entry, manifest

ROOT = Path(__file__).resolve().parents[2]
CORPUS_APKS = (
    "janus.apk", "urzip-badsig.apk", "urzip-badcert.apk", "v2.only.sig_2.apk", "apk.embedded_1.apk",
    "issue-1128-poc1.apk", "org.sajeg.fallingblocks_3.apk", "duplicate.permisssions_9999999.apk",
    "SpeedoMeterApp.main_1.apk", "bad-unicode-πÇÇ现代通用字-български-عربي1.apk",
)
MAX_SEED = 256 * 1024


@lru_cache(maxsize=1)
def corpus_apks() -> tuple[bytes, ...]:
    try:
        from tests.corpus.fetch import CorpusError, corpus_file
    except ImportError:  # pragma: no cover
        return ()
    out = []
    for name in CORPUS_APKS:
        try:
            data = corpus_file(name).read_bytes()
        except (CorpusError, KeyError, OSError):
            continue
        if len(data) <= MAX_SEED:
            out.append(data)
    return tuple(out)


def _members(pattern: str) -> list[bytes]:
    import io

    out = []
    for data in corpus_apks():
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for name in z.namelist():
                    if name == pattern and z.getinfo(name).file_size <= MAX_SEED:
                        out.append(z.read(name))
        except (zipfile.BadZipFile, OSError):
            continue
    return out


@lru_cache(maxsize=1)
def apk_seeds() -> list[bytes]:
    synthetic = [apk(), build_zip([entry("classes.dex", dex())]),  # no manifest
                 apk(entry("lib/arm64-v8a/libx.so", b"\x7fELF\x02\x01\x01" + b"\0" * 60)),
                 apk(entry("assets/plugin.jar", build_zip([entry("classes.dex", dex(("p.Q",)))])))]
    return list(corpus_apks()) + synthetic


@lru_cache(maxsize=1)
def manifest_seeds() -> list[bytes]:
    return _members("AndroidManifest.xml") + [manifest(), Axml(tag_ns="urn:x", copies=3).build()]


@lru_cache(maxsize=1)
def dex_seeds() -> list[bytes]:
    return _members("classes.dex") + [dex(("a.B", "c.D"))]


@lru_cache(maxsize=1)
def policy_seeds() -> list[tuple[str, bytes]]:
    out = []
    for path in sorted((ROOT / "samples" / "policies").iterdir()):
        if not path.name.endswith(".json") and path.stat().st_size <= MAX_SEED:
            out.append((path.suffix, path.read_bytes()))
    demo = ROOT / "samples" / "demo-policy.html"
    if demo.is_file():
        out.append((".html", demo.read_bytes()))
    return out
