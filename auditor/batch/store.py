"""The output directory of a batch. Everything is written under it, each file atomically.

    out/builds/<sha256>.json     one ``scan --format json`` document per build that scanned
    out/index.jsonl              the index of the last completed batch, one record per build (sorted by path)
    out/index.jsonl.partial      records appended as builds finish; replaced by index.jsonl at the end
    out/portfolio.html|.parquet|.csv

``index.jsonl`` is only replaced when a batch completes, so it always describes the last complete batch:
the one the next batch compares itself with. An interrupted batch leaves its ``.partial`` file, which
``--resume`` reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from auditor.batch.model import BatchError, IndexRecord
from auditor.outputs import write_atomic
from auditor.sanitize import json_text

INDEX = "index.jsonl"
PARTIAL = "index.jsonl.partial"
BUILDS = "builds"


def read_index(path: Path) -> list[IndexRecord]:
    """Records of an index file; lines that do not parse (a torn last line) are skipped."""
    records: list[IndexRecord] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return records
    except (OSError, UnicodeDecodeError) as exc:
        raise BatchError(f"{path}: cannot read the index ({exc})") from exc
    for line in lines:
        try:
            records.append(IndexRecord.from_dict(json.loads(line)))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return records


@dataclass(frozen=True)
class OutputDir:
    root: Path

    def prepare(self) -> None:
        try:
            (self.root / BUILDS).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BatchError(f"{self.root}: cannot create the output directory ({exc.strerror or exc})") from exc

    def result_path(self, sha256: str) -> Path:
        return self.root / BUILDS / f"{sha256}.json"

    def has_result(self, sha256: str) -> bool:
        return bool(sha256) and self.result_path(sha256).is_file()

    def write_result(self, sha256: str, document: str) -> None:
        write_atomic(self.result_path(sha256), json_text(document), make_parents=True)

    def completed_index(self) -> list[IndexRecord]:
        """The last completed batch (``index.jsonl``)."""
        return read_index(self.root / INDEX)

    def interrupted_index(self) -> list[IndexRecord]:
        """What an interrupted batch recorded before it stopped (``index.jsonl.partial``)."""
        return read_index(self.root / PARTIAL)

    def open_partial(self, carried: Iterable[IndexRecord]) -> IO[str]:
        """Start a new ``.partial`` file holding the ``carried`` records (resumed builds); append to it."""
        write_atomic(self.root / PARTIAL, "".join(r.to_json() + "\n" for r in carried), make_parents=True)
        return open(self.root / PARTIAL, "a", encoding="utf-8", newline="\n")

    def stop_index(self, records: Iterable[IndexRecord]) -> None:
        """Replace ``index.jsonl.partial`` with ``records`` (a stopped batch: what was done, what was not)."""
        write_atomic(self.root / PARTIAL, "".join(r.to_json() + "\n" for r in records), make_parents=True)

    def finish_index(self, records: Iterable[IndexRecord]) -> None:
        """Replace ``index.jsonl`` with the complete batch (sorted by path) and drop the ``.partial``."""
        ordered = sorted(records, key=lambda r: r.path)
        write_atomic(self.root / INDEX, "".join(r.to_json() + "\n" for r in ordered), make_parents=True)
        (self.root / PARTIAL).unlink(missing_ok=True)
