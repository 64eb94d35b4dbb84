#!/usr/bin/env python3
"""Validate ``sdk_catalog/`` and write ``sdk_catalog/_compiled.json``, the parsed copy the loader uses
while the YAML files are unchanged (it is keyed by their hash, so a stale copy is never used).

    python tools/catalog/compile_catalog.py [CATALOG_DIR]

Run it after editing catalog YAML; a test fails while the committed copy is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.catalog.loader import compile_catalog

if __name__ == "__main__":
    target = compile_catalog(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "sdk_catalog")
    print(f"wrote {target}")
