#!/usr/bin/env python3
"""Attribute every class and native library of the corpus SDK binaries to catalog entries.

Shows, per jar/aar/APK, which entries claim its classes and which packages (more than 5 classes) nobody
claims, so a build made from those binaries is detected as exactly its SDKs. The binaries are proprietary:
by default they come from the pinned corpus (``tests/corpus``: fetched by version and sha256 into the cache
outside the work tree); a directory of binaries can be given instead.

Usage: python tools/catalog/check_corpus.py [WORKDIR]
APKs are read with ``dexdump`` (Debian package ``dexdump``).
"""

from __future__ import annotations

import collections
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.catalog import load_catalog
from auditor.detect.matcher import Matcher

MATCHER = Matcher.from_catalog(load_catalog())


def jar_classes(data: bytes) -> list[str]:
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for n in z.namelist():
            if n.endswith(".class") and not n.startswith("META-INF"):
                out.append(n[:-6].replace("/", "."))
            elif n.endswith(".jar"):
                out += jar_classes(z.read(n))
    return out


def apk_classes(path: Path) -> list[str]:
    out: list[str] = []
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.startswith("classes") and n.endswith(".dex"):
                tmp = Path("/tmp") / f"_cc_{os.getpid()}.dex"
                tmp.write_bytes(z.read(n))
                dump = subprocess.run(["dexdump", str(tmp)], capture_output=True, text=True, errors="replace").stdout
                tmp.unlink()
                out += [l.split("'L", 1)[1].rstrip(";'").replace("/", ".") for l in dump.splitlines()
                        if "Class descriptor" in l]
    return out


def report(label: str, classes: list[str], natives: list[str]) -> None:
    sdks: collections.Counter = collections.Counter()
    unclaimed: collections.Counter = collections.Counter()
    for c in classes:
        claim = MATCHER.claim_class(c)
        if claim:
            sdks[claim.sdk_id] += 1
        else:
            unclaimed[c.rsplit(".", 1)[0]] += 1
    libs = {n: (MATCHER.claim_native(n).sdk_id if MATCHER.claim_native(n) else None) for n in natives}
    print(f"== {label}\n   sdks: {dict(sdks)}\n   natives: {libs}")
    big = sorted((k, v) for k, v in unclaimed.items() if v > 5)
    if big:
        print("   unclaimed packages (>5 classes):", big)


def _corpus_paths() -> list[Path]:
    from tests.corpus.fetch import corpus_entries, fetch_entry

    return sorted(fetch_entry(e) for e in corpus_entries() if e.inner.endswith((".jar", ".aar", ".apk", ".so")))


def main() -> int:
    if len(sys.argv) > 1:
        work = Path(sys.argv[1])
        paths = sorted(work.rglob("*"))
    else:
        paths = _corpus_paths()
        work = Path("/")
    for path in paths:
        if path.suffix in (".jar", ".aar") and "gradle" not in path.name and "bundletool" not in path.name:
            data = path.read_bytes()
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                sos = sorted({os.path.basename(n) for n in z.namelist() if n.endswith(".so")})
            report(str(path.relative_to(work)) if path.is_relative_to(work) else path.name, jar_classes(data), sos)
        elif path.suffix == ".apk":
            with zipfile.ZipFile(path) as z:
                sos = sorted({os.path.basename(n) for n in z.namelist() if n.endswith(".so")})
            report(str(path.relative_to(work)) if path.is_relative_to(work) else path.name, apk_classes(path), sos)
    loose = sorted({p.name for p in paths if p.suffix == ".so"})
    report("loose .so files", [], loose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
