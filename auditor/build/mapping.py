"""ProGuard / R8 mapping files: class renames, applied to a build before SDK detection.

Format (https://r8.googlesource.com/r8/+/refs/heads/main/doc/retrace.md): class lines
``original.Name -> obfuscated.Name:`` start at column 0; member lines are indented; ``#`` starts a comment
(R8 writes JSON metadata there). Only class lines matter here: SDK detection and call-site attribution work
on class names. After :func:`apply_mapping`, ``Build.dex[*].classes`` hold original names (sorted), the
DEX images keep the obfuscated ones, and ``Build.deobfuscation`` holds both directions so attribution can
translate and evidence can show the obfuscated name.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from auditor.errors import BuildError
from auditor.inputs import read_bytes
from auditor.model import Build, Deobfuscation

PROGUARD_MAP = "BUNDLE-METADATA/com.android.tools.build.obfuscation/proguard.map"
MAX_MAPPING_SIZE = 512 * 1024 * 1024


def parse_mapping(text: str, source: str = "mapping.txt") -> dict[str, str]:
    """Obfuscated dotted class name -> original name, for every class line (identity renames left out)."""
    out: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line[0] in " \t#":
            continue
        head, arrow, tail = line.partition(" -> ")
        if not arrow or not tail.rstrip().endswith(":"):
            raise BuildError(f"{source}:{number}: not a mapping class line: {line[:120]!r}")
        original, obfuscated = head.strip(), tail.rstrip()[:-1].strip()
        if not original or not obfuscated or " " in original or " " in obfuscated:
            raise BuildError(f"{source}:{number}: not a mapping class line: {line[:120]!r}")
        if original != obfuscated:
            out[obfuscated] = original
    return out


def read_mapping_file(path: Path) -> dict[str, str]:
    """Parse a user-given ``mapping.txt`` (size-bounded); :class:`BuildError` when unreadable."""
    data = read_bytes(path, "mapping file", MAX_MAPPING_SIZE, BuildError)  # a FIFO or device is refused
    return parse_mapping(data.decode("utf-8", "replace"), str(path))


def apply_mapping(build: Build, renames: dict[str, str], source: str) -> Build:
    """``build`` with its class lists de-obfuscated through ``renames`` (obfuscated -> original)."""
    if not renames:
        return build
    renamed = 0
    dex = []
    for summary in build.dex:
        classes = []
        for name in summary.classes:
            original = renames.get(name)
            if original is not None:
                renamed += 1
                classes.append(original)
            else:
                classes.append(name)
        dex.append(replace(summary, classes=tuple(sorted(classes))))
    info = Deobfuscation(source, renamed, dict(renames), {v: k for k, v in renames.items()})
    return replace(build, dex=tuple(dex), deobfuscation=info)


def original_name(build: Build, class_name: str) -> str:
    """The original name of a (possibly obfuscated) class of ``build``."""
    info = build.deobfuscation
    return info.original.get(class_name, class_name) if info is not None else class_name


__all__ = ["PROGUARD_MAP", "apply_mapping", "original_name", "parse_mapping", "read_mapping_file"]
