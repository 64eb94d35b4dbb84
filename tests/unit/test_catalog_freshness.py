"""The catalog's YAML digest remembered by file status (:mod:`auditor.catalog.freshness`): unchanged files are
not read again, and any change to a file is seen, even one that keeps its size and its modification time."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from auditor.catalog import freshness, loader
from auditor.catalog.loader import compile_catalog, load_catalog
from auditor.errors import CatalogError

MINI = Path(__file__).resolve().parents[1] / "data" / "catalog-mini"


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(freshness.CACHE_ENV, str(tmp_path / "cache"))
    root = tmp_path / "catalog"
    shutil.copytree(MINI, root)
    compile_catalog(root)
    return root


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = loader.read_bytes

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "read_bytes", counting)
    return reads


def test_unchanged_files_are_not_read_again(catalog, monkeypatch):
    monkeypatch.setattr(freshness, "RACY_NS", 0)  # the copies are fresh; do not wait two seconds
    first = load_catalog(catalog)
    reads = _count_reads(monkeypatch)
    second = load_catalog(catalog)
    assert reads == ["_compiled.json"]  # the YAML files are known by their status; the parsed copy is checked
    assert second == first


def test_a_same_size_edit_with_the_old_mtime_is_seen(catalog, monkeypatch):
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    before = load_catalog(catalog).get("jpush")
    assert before is not None
    path = catalog / "jpush.yaml"
    text = path.read_text(encoding="utf-8")
    old = f"name: {before.name}"
    assert old in text
    edited = text.replace(old, "name: " + "X" * len(before.name), 1)
    assert len(edited) == len(text)
    st = os.stat(path)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # size and mtime as they were; ctime is not
    after = load_catalog(catalog).get("jpush")
    assert after is not None and after.name == "X" * len(before.name)


def test_an_added_file_is_seen(catalog, monkeypatch):
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    ids = {e.id for e in load_catalog(catalog).entries}
    text = (catalog / "zxing.yaml").read_text(encoding="utf-8")
    (catalog / "zxing2.yaml").write_text(text.replace("id: zxing", "id: zxing2", 1), encoding="utf-8")
    assert "zxing2" not in ids
    with pytest.raises(CatalogError, match="zxing2"):  # the copy claims the same classes: the loader says so
        load_catalog(catalog)


def test_files_changed_just_before_hashing_are_hashed_again(catalog, monkeypatch):
    load_catalog(catalog)  # the copies were written this instant: within RACY_NS of the hash
    reads = _count_reads(monkeypatch)
    load_catalog(catalog)
    assert "jpush.yaml" in reads


def test_a_cache_for_other_files_is_not_used(catalog, monkeypatch):
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    load_catalog(catalog)
    cache = freshness.cache_file(catalog)
    assert cache is not None and cache.is_file()
    moved = catalog.parent / "moved"
    catalog.rename(moved)  # same files, another directory: its own entry
    reads = _count_reads(monkeypatch)
    load_catalog(moved)
    assert "jpush.yaml" in reads


def test_a_fifo_in_place_of_the_cache_is_ignored_not_waited_on(catalog, monkeypatch):
    # something other than a regular file under the cache's name: the load hashes the files as if there were
    # no cache (a read would wait for a writer forever), and the digest is written over it afterwards
    expected = load_catalog(catalog, use_compiled=False).sha256
    path = freshness.cache_file(catalog)
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    reads = _count_reads(monkeypatch)
    loaded: list[str] = []
    worker = threading.Thread(target=lambda: loaded.append(load_catalog(catalog).sha256), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "the load waits on the FIFO"
    assert loaded == [expected]
    assert any(name.endswith(".yaml") for name in reads)  # hashed: the FIFO vouched for nothing
    assert path.is_file()  # the digest replaced the FIFO
