"""Native libraries through lief: SONAME, DT_NEEDED and exported ``Java_*`` JNI symbols.

JNI symbols name the Java class that binds a library (``Java_cn_jpush_android_..._init``), so they tie a
``.so`` to an SDK even when the Java side is obfuscated. A library that lief cannot parse keeps its name
and carries the error.
"""

from __future__ import annotations

import io
from typing import Any

from auditor.model import NativeLib

_JNI_PREFIX = "Java_"
_MAX_JNI_SYMBOLS = 2000


def _lief() -> Any:
    import lief

    lief.logging.disable()
    return lief


def parse_native_lib(path: str, raw: bytes) -> NativeLib:
    """Read one ``lib/<abi>/<name>.so`` member."""
    parts = path.split("/")
    abi = parts[-2] if len(parts) >= 3 else ""
    name = parts[-1]
    if not raw.startswith(b"\x7fELF"):
        return NativeLib(path, abi, name, len(raw), error="not an ELF file")
    lief = _lief()
    try:
        config = lief.ELF.ParserConfig()
        config.parse_relocations = False
        config.parse_symbol_versions = False
        config.parse_notes = False
        config.parse_overlay = False
        binary = lief.ELF.parse(io.BytesIO(raw), config)
    except Exception as exc:  # noqa: BLE001 - lief raises various types on hostile input
        return NativeLib(path, abi, name, len(raw), error=f"ELF cannot be parsed ({type(exc).__name__})")
    if binary is None:
        return NativeLib(path, abi, name, len(raw), error="ELF cannot be parsed")
    soname = ""
    for entry in binary.dynamic_entries:
        if entry.tag == lief.ELF.DynamicEntry.TAG.SONAME:
            soname = str(entry.name)
            break
    jni = sorted({str(s.name) for s in binary.exported_symbols if str(s.name).startswith(_JNI_PREFIX)})
    return NativeLib(
        path=path,
        abi=abi,
        name=name,
        size=len(raw),
        soname=soname,
        needed=tuple(str(lib) for lib in binary.libraries),
        jni_symbols=tuple(jni[:_MAX_JNI_SYMBOLS]),
    )


def jni_symbol_class(symbol: str) -> str:
    """The dotted Java class a ``Java_*`` symbol binds (JNI name mangling undone).

    ``Java_cn_jpush_android_service_PushService_init`` -> ``cn.jpush.android.service.PushService``;
    ``_1`` is a literal underscore, ``_0xxxx`` a Unicode character, ``__`` starts the overload suffix.
    """
    body = symbol[len(_JNI_PREFIX):].split("__", 1)[0]
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "_" and i + 1 < len(body) and body[i + 1] == "1":
            current.append("_")
            i += 2
        elif ch == "_" and i + 1 < len(body) and body[i + 1] == "0" and i + 6 <= len(body):
            try:
                current.append(chr(int(body[i + 2: i + 6], 16)))
            except ValueError:
                pass
            i += 6
        elif ch == "_" and i + 1 < len(body) and body[i + 1] in "23":
            i += 2  # ';' and '[' only occur in signatures
        elif ch == "_":
            parts.append("".join(current))
            current = []
            i += 1
        else:
            current.append(ch)
            i += 1
    parts.append("".join(current))
    # the last part is the method name
    return ".".join(parts[:-1])
