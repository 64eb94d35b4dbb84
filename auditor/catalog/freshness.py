"""Remember the digest of a catalog's YAML files by their file status, so a load need not read and hash
1,800 files to learn that nothing changed.

The loader needs the sha256 of every YAML file (:func:`auditor.catalog.loader.load_catalog`) only to know
which parsed copy (``_compiled.json``) matches them. After a full hash, :func:`remember` writes, per catalog
directory, the digest with every file's ``(name, size, mtime_ns, ctime_ns, inode)`` to a small JSON file in
the user's cache directory (``$AUDITOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/auditor``, else
``~/.cache/auditor``). :func:`recall` returns that digest only while the same files have exactly the same
status, as git's index does: any write to a file changes its ``ctime`` (which, unlike ``mtime``, no tool can
set back), a replaced file has a new inode, an added or removed file changes the list. Files whose status
changed within :data:`RACY_NS` of the moment they were hashed are never vouched for (a second write in the
same clock tick would leave the status as it was). On any doubt (no cache, unreadable, another layout) the
caller hashes everything, as before. The parsed copy's own payload digest is still checked on every load:
an edited ``_compiled.json`` is never trusted, whatever this cache says.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import AuditorError
from auditor.inputs import read_bytes

RACY_NS = 2_000_000_000
"""Files changed this close (or later) to the moment their hash was taken are re-hashed next time."""
CACHE_ENV = "AUDITOR_CACHE_DIR"
MAX_CACHE_BYTES = 4 * 1024 * 1024
_LAYOUT = 1


@dataclass(frozen=True)
class Snapshot:
    """The status of a catalog's files, taken before they are read."""

    files: tuple[tuple[str, int, int, int, int], ...]
    """``(label, size, mtime_ns, ctime_ns, inode)`` per file, in load order."""
    taken_ns: int
    """Wall clock when the status was taken (before any file was read)."""


def snapshot(labelled: list[tuple[str, Path]]) -> Snapshot | None:
    """The status of ``(label, path)`` files; ``None`` when one cannot be read (the loader reports it)."""
    taken = time.time_ns()
    files = []
    try:
        for label, path in labelled:
            st = os.stat(path)
            files.append((label, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    except (OSError, ValueError):
        return None
    return Snapshot(tuple(files), taken)


def cache_file(root: Path) -> Path | None:
    """Where the digest of catalog directory ``root`` is remembered (``None``: no cache directory)."""
    base = os.environ.get(CACHE_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "auditor")
    if not base or base.startswith("~"):
        return None
    key = hashlib.sha256(os.fsencode(os.path.abspath(root))).hexdigest()[:24]
    return Path(base) / f"catalog-{key}.json"


def recall(root: Path, snap: Snapshot) -> tuple[str, str] | None:
    """``(sha256, version)`` remembered for exactly these files in this status, else ``None``."""
    path = cache_file(root)
    if path is None:
        return None
    try:  # read as every side input is: a regular file, bounded (a FIFO or device there would block)
        doc = json.loads(read_bytes(path, "catalog digest cache", MAX_CACHE_BYTES))
        if doc.get("layout") != _LAYOUT or doc.get("root") != os.path.abspath(root):
            return None
        if [tuple(f) for f in doc["files"]] != list(snap.files):
            return None
        hashed_ns = int(doc["taken_ns"])
        if any(max(mtime, ctime) >= hashed_ns - RACY_NS for _l, _s, mtime, ctime, _i in snap.files):
            return None
        sha256, version = doc["sha256"], doc["version"]
    except (AuditorError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not (isinstance(sha256, str) and len(sha256) == 64 and isinstance(version, str)):
        return None
    return sha256, version


def remember(root: Path, snap: Snapshot | None, sha256: str, version: str) -> None:
    """Remember the digest the loader computed from the files of ``snap`` (best effort: never fails)."""
    path = cache_file(root)
    if path is None or snap is None:
        return
    doc = {"layout": _LAYOUT, "root": os.path.abspath(root), "taken_ns": snap.taken_ns, "sha256": sha256,
           "version": version, "files": [list(f) for f in snap.files]}
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # a new file, never one found there
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(doc, separators=(",", ":")))
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
