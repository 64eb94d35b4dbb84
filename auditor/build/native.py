"""Native libraries: SONAME, DT_NEEDED and exported ``Java_*`` JNI symbols (:mod:`auditor.build.elfsyms`
for ordinary shared objects, lief for the others).

JNI symbols name the Java class that binds a library (``Java_cn_jpush_android_..._init``), so they tie a
``.so`` to an SDK even when the Java side is obfuscated. A library that lief cannot parse keeps its name
and carries the error: a broken ``.so`` degrades to that, never to a failed scan. Before lief sees a byte,
:func:`elf_problem` checks the ELF header and that the program and section header tables lie inside the
file with the entry sizes of their class (lief is C++: bounds are checked on our side first).
"""

from __future__ import annotations

import io
import struct
from typing import Any

from auditor.build.elfsyms import read_dynamic
from auditor.model import NativeLib

_JNI_PREFIX = "Java_"
_MAX_JNI_SYMBOLS = 2000
_MAX_SONAME = 4096
# class -> (header size, program header entry size, section header entry size, header struct after e_ident)
_ELF_LAYOUT = {1: (52, 32, 40, "HHIIIIIHHHHHH"), 2: (64, 56, 64, "HHIQQQIHHHHHH")}
_SHN_LORESERVE = 0xFF00


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
    problem = elf_problem(raw)
    if problem:
        return NativeLib(path, abi, name, len(raw), error=problem)
    facts = read_dynamic(raw, _JNI_PREFIX)
    if facts is not None:  # the ordinary layout: no need to load lief
        return NativeLib(path=path, abi=abi, name=name, size=len(raw), soname=facts.soname[:_MAX_SONAME],
                         needed=tuple(lib[:_MAX_SONAME] for lib in facts.needed),
                         jni_symbols=tuple(sorted(set(facts.exported))[:_MAX_JNI_SYMBOLS]))
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
    try:
        soname = ""
        for entry in binary.dynamic_entries:
            if entry.tag == lief.ELF.DynamicEntry.TAG.SONAME:
                soname = str(entry.name)[:_MAX_SONAME]
                break
        jni = sorted({str(s.name) for s in binary.exported_symbols if str(s.name).startswith(_JNI_PREFIX)})
        needed = tuple(str(lib)[:_MAX_SONAME] for lib in binary.libraries)
    except Exception as exc:  # noqa: BLE001 - lazily decoded names can fail on hostile input
        return NativeLib(path, abi, name, len(raw), error=f"ELF cannot be read ({type(exc).__name__})")
    return NativeLib(
        path=path,
        abi=abi,
        name=name,
        size=len(raw),
        soname=soname,
        needed=needed,
        jni_symbols=tuple(jni[:_MAX_JNI_SYMBOLS]),
    )


def elf_problem(raw: bytes) -> str:
    """What is wrong with the ELF header of ``raw`` (``""`` when lief may be given it)."""
    if len(raw) < 16:
        return "truncated ELF identification"
    elf_class, data, version = raw[4], raw[5], raw[6]
    layout = _ELF_LAYOUT.get(elf_class)
    if layout is None:
        return f"bad ELF class {elf_class}"
    if data not in (1, 2):
        return f"bad ELF data encoding {data}"
    if version != 1:
        return f"bad ELF version {version}"
    header_size, ph_size, sh_size, fmt = layout
    if len(raw) < header_size:
        return f"truncated ELF header ({len(raw)} bytes)"
    order = "<" if data == 1 else ">"
    (_type, _machine, _version, _entry, phoff, shoff, _flags, ehsize, phentsize, phnum, shentsize, shnum,
     shstrndx) = struct.unpack_from(order + fmt, raw, 16)
    if ehsize < header_size:
        return f"ELF header size {ehsize} is too small"
    if phnum:
        if phentsize != ph_size:
            return f"program header entry size {phentsize} (expected {ph_size})"
        if phoff < header_size or phoff + phnum * phentsize > len(raw):
            return f"program header table ({phnum} entries at {phoff:#x}) runs past the end of the file"
    if shnum:
        if shentsize != sh_size:
            return f"section header entry size {shentsize} (expected {sh_size})"
        if shoff < header_size or shoff + shnum * shentsize > len(raw):
            return f"section header table ({shnum} entries at {shoff:#x}) runs past the end of the file"
        if shstrndx >= shnum and shstrndx < _SHN_LORESERVE:
            return f"section name table index {shstrndx} out of range"
    if not phnum and not shnum:
        return "ELF without program or section headers"
    return ""


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
