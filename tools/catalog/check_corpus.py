#!/usr/bin/env python3
"""Attribute every class and native library of the corpus SDK binaries to catalog entries.

Shows, per jar/aar/APK, which entries claim its classes and which packages (more than 5 classes) nobody
claims, so a build made from those binaries is detected as exactly its SDKs. The binaries are proprietary:
fetch them outside the work tree first (see docs/catalog.md, "Checking against the corpus"), e.g.

    mkdir -p /tmp/catwork && cd /tmp/catwork && npm pack jpush-react-native@2.9.9 && tar xzf *.tgz ...

Usage: python tools/catalog/check_corpus.py [WORKDIR]   (default /tmp/catwork)
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


def main() -> int:
    work = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/catwork")
    for path in sorted(work.rglob("*")):
        if path.suffix in (".jar", ".aar") and "gradle" not in path.name and "bundletool" not in path.name:
            data = path.read_bytes()
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                sos = sorted({os.path.basename(n) for n in z.namelist() if n.endswith(".so")})
            report(str(path.relative_to(work)), jar_classes(data), sos)
        elif path.suffix == ".apk":
            with zipfile.ZipFile(path) as z:
                sos = sorted({os.path.basename(n) for n in z.namelist() if n.endswith(".so")})
            report(str(path.relative_to(work)), apk_classes(path), sos)
    loose = sorted({p.name for p in work.rglob("*.so")})
    report("loose .so files", [], loose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
