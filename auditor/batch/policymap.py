"""The policy map: which privacy policy (and scenes) each build of a batch is held against.

    # policies.yaml -- paths are relative to this file
    default:                          # optional; otherwise --policy/--scenes, otherwise no policy
      policy: policies/global.html
      scenes: scenes/global.yaml
    files:                            # glob on the build's file name (checked first, in file order)
      "*-internal-*.apk": {policy: policies/internal.html}
    packages:                         # package name, or a glob of package names (exact names win)
      com.example.shop: policies/shop.html
      "com.example.cn.*": {policy: policies/cn.html, scenes: scenes/cn.yaml}

A value is a policy path, or a mapping with ``policy`` and/or ``scenes``; what an entry leaves out comes
from the default. Loading validates the whole file and raises one :class:`ConfigError` (exit 4) listing
every problem.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.errors import ConfigError
from auditor.inputs import load_yaml

MAX_MAP_FILE = 2 * 1024 * 1024
_TOP_KEYS = ("default", "files", "packages")
_ENTRY_KEYS = ("policy", "scenes")


@dataclass(frozen=True)
class PolicyChoice:
    """What one build is held against."""

    policy: Path | None = None
    scenes: Path | None = None


@dataclass(frozen=True)
class MapRule:
    kind: str
    """``file`` (glob on the file name) or ``package`` (exact name or glob)."""
    pattern: str
    choice: PolicyChoice


@dataclass(frozen=True)
class PolicyMap:
    """Validated policy map. Paths are absolute (workers on other machines see the same strings)."""

    rules: tuple[MapRule, ...] = ()
    default: PolicyChoice = PolicyChoice()
    source: str = ""

    def choices(self) -> tuple[PolicyChoice, ...]:
        """Every distinct choice, default first (workers prepare each once)."""
        seen: dict[PolicyChoice, None] = {self.default: None}
        for rule in self.rules:
            seen.setdefault(rule.choice, None)
        return tuple(seen)

    def resolve(self, package: str, file_name: str) -> PolicyChoice:
        """File globs first (file order), then the exact package, then package globs, then the default."""
        for rule in self.rules:
            if rule.kind == "file" and fnmatch.fnmatchcase(file_name, rule.pattern):
                return rule.choice
        for rule in self.rules:
            if rule.kind == "package" and rule.pattern == package:
                return rule.choice
        for rule in self.rules:
            if rule.kind == "package" and fnmatch.fnmatchcase(package, rule.pattern):
                return rule.choice
        return self.default

    def with_default(self, policy: Path | None, scenes: Path | None) -> PolicyMap:
        """Use ``--policy``/``--scenes`` where the map has no default of its own.

        They are kept as given (so reports name them as ``scan`` does); on a cluster give absolute paths.
        """
        default = PolicyChoice(self.default.policy or policy, self.default.scenes or scenes)
        rules = tuple(MapRule(r.kind, r.pattern, PolicyChoice(r.choice.policy or default.policy,
                                                              r.choice.scenes or default.scenes))
                      for r in self.rules)
        return PolicyMap(rules, default, self.source)


def load_policy_map(path: Path) -> PolicyMap:
    """Read and validate a policy map; :class:`ConfigError` names every problem at once."""
    raw = load_yaml(path, "policy map", MAX_MAP_FILE)
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: a policy map is a mapping with 'default', 'files' and/or 'packages'")
    problems: list[str] = []
    base = path.resolve().parent
    for key in raw:
        if key not in _TOP_KEYS:
            problems.append(f"unknown key '{key}' (expected {', '.join(_TOP_KEYS)})")
    default = _choice(raw.get("default"), "default", base, problems) if raw.get("default") is not None \
        else PolicyChoice()
    rules: list[MapRule] = []
    for section, kind in (("files", "file"), ("packages", "package")):
        table = raw.get(section)
        if table is None:
            continue
        if not isinstance(table, dict):
            problems.append(f"'{section}' must map patterns to policies")
            continue
        for pattern, value in table.items():
            if not isinstance(pattern, str) or not pattern.strip():
                problems.append(f"{section}: pattern {pattern!r} must be a non-empty string")
                continue
            rules.append(MapRule(kind, pattern.strip(), _choice(value, f"{section}.{pattern}", base, problems)))
    if not rules and raw.get("default") is None and not problems:
        problems.append("no entries (add 'files', 'packages' or 'default')")
    if problems:
        more = f" (and {len(problems) - 1} more: {'; '.join(problems[1:4])})" if len(problems) > 1 else ""
        raise ConfigError(f"{path}: invalid policy map: {problems[0]}{more}")
    return PolicyMap(tuple(rules), default, str(path))


def _choice(value: Any, where: str, base: Path, problems: list[str]) -> PolicyChoice:
    if isinstance(value, str):
        value = {"policy": value}
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a policy path or a mapping with 'policy' and/or 'scenes'")
        return PolicyChoice()
    unknown = [k for k in value if k not in _ENTRY_KEYS]
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(map(str, unknown))} (expected policy, scenes)")
    if not any(value.get(k) for k in _ENTRY_KEYS):
        problems.append(f"{where}: names neither a policy nor scenes")
    paths = {k: _file(value.get(k), f"{where}.{k}", base, problems) for k in _ENTRY_KEYS}
    return PolicyChoice(paths["policy"], paths["scenes"])


def _file(value: Any, where: str, base: Path, problems: list[str]) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: must be a file path")
        return None
    path = (base / Path(value.strip()).expanduser()).resolve()
    if not path.is_file():
        problems.append(f"{where}: {value} not found (looked at {path})")
        return None
    return path
