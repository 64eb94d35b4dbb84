"""The Dask engine on a LocalCluster (2 worker processes on loopback) gives the same index and results as
the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.batch.conftest import SAMPLES, comparable, index, run

distributed = pytest.importorskip("distributed")
pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local_cluster:
        yield local_cluster


def test_dask_run_matches_the_local_run(cluster, builds_dir: Path, tmp_path: Path) -> None:
    scenes = SAMPLES / "demo-scenes.yaml"
    local = run(builds_dir, "-o", tmp_path / "local", "--scenes", scenes)
    remote = run(builds_dir, "-o", tmp_path / "dask", "--scenes", scenes, "--scheduler", cluster.scheduler_address)
    assert local.exit_code == remote.exit_code == 3, remote.output
    assert comparable(index(tmp_path / "dask")) == comparable(index(tmp_path / "local"))
    for result in (tmp_path / "local" / "builds").iterdir():
        assert (tmp_path / "dask" / "builds" / result.name).read_bytes() == result.read_bytes()
    assert "dask" in (tmp_path / "dask" / "portfolio.html").read_text()


def test_unreachable_scheduler_is_a_usage_error(builds_dir: Path, tmp_path: Path) -> None:
    result = run(builds_dir, "-o", tmp_path / "out", "--no-code", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2 and "cannot connect to the Dask scheduler" in result.output
