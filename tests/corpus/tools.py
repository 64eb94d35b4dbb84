"""Locate the Android build tools used to turn real SDK binaries into APKs.

* D8 / R8: inside ``bundletool-all-1.17.2.jar`` from the ``mobsf==4.4.0`` wheel (fetched through
  the corpus cache, sha256 pinned in ``fetch.EXTRA_ENTRIES``).
* Debian packages (``scripts/setup.sh`` installs them): ``aapt``, ``apksigner``, ``zipalign``,
  ``dexdump``, ``libsmali-java`` (``smali``), ``android-framework-res``; ``java``/``keytool``
  from a JDK/JRE >= 11.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from functools import lru_cache
from pathlib import Path

from .fetch import CorpusError, entry_for, fetch_entry

FRAMEWORK_RES = Path("/usr/share/android-framework-res/framework-res.apk")
SMALI_JAR = Path("/usr/share/java/smali.jar")
BUNDLETOOL_INNER = "mobsf/StaticAnalyzer/tools/bundletool-all-1.17.2.jar"
APKTOOL_INNER = "mobsf/StaticAnalyzer/tools/apktool_2.10.0.jar"

_DEBIAN_PKG = {
    "aapt": "aapt",
    "apksigner": "apksigner",
    "zipalign": "zipalign",
    "dexdump": "dexdump",
    "smali": "libsmali-java",
    "java": "default-jre-headless",
    "keytool": "default-jre-headless",
}


class ToolMissing(CorpusError):
    """A build tool is not installed (run scripts/setup.sh)."""


def _which(name: str) -> str:
    p = shutil.which(name)
    if not p:
        pkg = _DEBIAN_PKG.get(name, name)
        raise ToolMissing(f"{name!r} not found on PATH (Debian package {pkg!r}; run scripts/setup.sh)")
    return p


def aapt() -> str:
    return _which("aapt")


def apksigner() -> str:
    return _which("apksigner")


def zipalign() -> str:
    return _which("zipalign")


def dexdump() -> str:
    return _which("dexdump")


def java() -> str:
    return _which("java")


def keytool() -> str:
    return _which("keytool")


def smali_cmd() -> list[str]:
    """``smali`` launcher, or ``java -jar /usr/share/java/smali.jar``.  Use as
    ``smali_cmd() + ["assemble", "-a", "21", "-o", "classes.dex", DIR]``."""
    p = shutil.which("smali")
    if p:
        return [p]
    if SMALI_JAR.is_file():
        return [java(), "-jar", str(SMALI_JAR)]
    raise ToolMissing("smali not found (Debian package 'libsmali-java'; run scripts/setup.sh)")


def framework_res() -> Path:
    if not FRAMEWORK_RES.is_file():
        raise ToolMissing(f"{FRAMEWORK_RES} missing (Debian package 'android-framework-res')")
    return FRAMEWORK_RES


@lru_cache(maxsize=1)
def bundletool_jar() -> Path:
    """Verified, cached ``bundletool-all-1.17.2.jar`` (holds D8/R8 3.3.28)."""
    return fetch_entry(entry_for(BUNDLETOOL_INNER))


@lru_cache(maxsize=1)
def apktool_jar() -> Path:
    """Verified, cached ``apktool_2.10.0.jar`` (its ``prebuilt/linux/aapt2_64`` is AAPT2)."""
    return fetch_entry(entry_for(APKTOOL_INNER))


def _java_opts() -> list[str]:
    return os.environ.get("AUDITOR_D8_JAVA_OPTS", "-Xmx2g").split()


def d8_cmd() -> list[str]:
    """``java -cp bundletool.jar com.android.tools.r8.D8``; append
    ``--release --min-api 21 --output OUT JARS...``."""
    return [java(), *_java_opts(), "-cp", str(bundletool_jar()), "com.android.tools.r8.D8"]


def r8_cmd() -> list[str]:
    """Same jar, R8 (shrinking/obfuscation) entry point."""
    return [java(), *_java_opts(), "-cp", str(bundletool_jar()), "com.android.tools.r8.R8"]


def java_base_jar(work: Path) -> Path:
    """``java.*`` classes of the JDK's ``java.base`` module as an R8 library jar in ``work`` (R8 3.3 rejects
    the JDK's records, so the JDK home itself cannot be the library)."""
    javac = shutil.which("javac") or _which("java")
    jdk = Path(os.path.realpath(javac)).parents[1]
    extracted = work / "jbase"
    proc = subprocess.run([str(jdk / "bin" / "jmod"), "extract", "--dir", str(extracted),
                           str(jdk / "jmods" / "java.base.jmod")], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise ToolMissing(f"jmod extract failed (a full JDK is needed): {proc.stderr.strip()[-400:]}")
    out = work / "java-base.jar"
    with zipfile.ZipFile(out, "w") as jar:
        root = extracted / "classes"
        for top in ("java/lang", "java/util", "java/io", "java/net", "java/security", "java/nio", "java/text",
                    "java/math", "javax"):
            for path in (root / top).rglob("*.class"):
                jar.write(path, path.relative_to(root).as_posix())
    return out


def check_all() -> dict[str, str]:
    """Resolve every tool (downloads bundletool if needed); returns name -> location."""
    return {
        "aapt": aapt(),
        "apksigner": apksigner(),
        "zipalign": zipalign(),
        "dexdump": dexdump(),
        "smali": " ".join(smali_cmd()),
        "java": java(),
        "keytool": keytool(),
        "framework-res": str(framework_res()),
        "d8": str(bundletool_jar()),
    }
