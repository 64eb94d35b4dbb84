"""Class and ``.so`` names inside a corpus binary, read from the bytes (never from the catalog).

Used by ``tools/catalog/real_names.py`` (to give catalog entries real examples) and by
``tests/corpus/test_catalog_examples.py`` (to check that every example a ``corpus`` provenance item vouches
for is really in that binary).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from auditor.build.dex import DexFile

from .fetch import CorpusEntry, find_entries


def corpus_label(registry: str, pkg: str, ver: str, inner: str) -> str:
    """How a ``corpus`` provenance ref names one corpus file."""
    return f"{registry} {pkg}@{ver} {inner}"


def names_in(data: bytes, name: str, depth: int = 0) -> tuple[set[str], set[str]]:
    """(class names, .so file names) in a jar / aar / apk / zip, a dex, or a bare .so."""
    classes: set[str] = set()
    natives: set[str] = set()
    if name.endswith(".so"):
        return classes, {PurePosixPath(name).name}
    if name.endswith(".dex"):
        return set(DexFile(data, name).class_names), natives
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return classes, natives
    with archive:
        for member in archive.namelist():
            base = PurePosixPath(member).name
            if member.endswith(".class") and not member.startswith("META-INF/"):
                classes.add(member[:-6].replace("/", "."))
            elif member.endswith(".so"):
                natives.add(base)
            elif member.endswith((".dex", ".jar", ".aar", ".apk")) and depth < 3:
                inner_classes, inner_natives = names_in(archive.read(member), member, depth + 1)
                classes |= inner_classes
                natives |= inner_natives
    return classes, natives


def entry_for_label(label: str) -> CorpusEntry | None:
    """The corpus entry a :func:`corpus_label` names, if the corpus pins it."""
    registry, _, rest = label.partition(" ")
    pkg_ver, _, inner = rest.partition(" ")
    pkg, _, ver = pkg_ver.rpartition("@")
    for entry in find_entries(inner):
        if (entry.registry, entry.pkg, entry.ver, entry.inner) == (registry, pkg, ver, inner):
            return entry
    return None
