"""Reading the small files users hand the auditor (scenes, config, baselines, policy maps): bounded,
decoded, parsed, and every failure a one-line :class:`ConfigError` (exit 4) naming the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import ConfigError

MAX_INPUT_FILE = 16 * 1024 * 1024


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:160]


def read_text(path: Path, what: str, max_bytes: int = MAX_INPUT_FILE) -> str:
    """The UTF-8 text of ``path`` (size checked before reading)."""
    try:
        if path.stat().st_size > max_bytes:
            raise ConfigError(f"{path}: {what} larger than {max_bytes} bytes")
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read {what} ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: {what} is not UTF-8 text ({_one_line(exc)})") from exc


def load_yaml(path: Path, what: str, max_bytes: int = MAX_INPUT_FILE) -> Any:
    """Parse ``path`` with ``yaml.safe_load``."""
    text = read_text(path, what, max_bytes)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: {what} is not valid YAML ({_one_line(exc)})") from exc


def load_json(path: Path, what: str, max_bytes: int = MAX_INPUT_FILE) -> Any:
    text = read_text(path, what, max_bytes)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: {what} is not valid JSON ({_one_line(exc)})") from exc
