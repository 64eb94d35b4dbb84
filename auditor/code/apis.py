"""The table of personal-data APIs (``auditor/data/personal_data_apis.yaml``): typed, validated, indexed.

The YAML is validated as a whole (every problem collected, then one :class:`ApiTableError`); see the
header of the data file for the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import ConfigError
from auditor.inputs import UniqueKeyLoader
from auditor.vocab import DATA_TYPE_IDS

_RESOURCE = "personal_data_apis.yaml"
_KEYS = frozenset({"class", "method", "field", "string", "descriptor", "data_type", "permission", "note",
                   "sources", "requires_string", "reflect_by_name"})


class ApiTableError(ConfigError):
    """The personal-data API table is invalid; ``problems`` lists every problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = list(problems)
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{source}: {problems[0] if problems else 'invalid'}{more}")


class RuleKind(str, Enum):
    METHOD = "method"
    """An invoke of a method."""
    FIELD = "field"
    """A static field read (sget-object)."""
    STRING = "string"
    """A const-string starting with a given text (content URIs)."""


@dataclass(frozen=True)
class ApiRule:
    """One entry of the table."""

    kind: RuleKind
    class_name: str
    """Dotted declaring class (``android.provider.Settings$Secure``); empty for string rules."""
    member: str
    """Method or field name, or the string prefix for string rules."""
    data_type: str
    descriptor: str | None = None
    """DEX prototype restricting a method rule to one overload (``None``: any overload)."""
    permission: str = ""
    requires_strings: tuple[str, ...] = ()
    """One of these must be a const-string in the calling method."""
    reflect_by_name: bool = False
    """The method name alone (as a string next to ``getMethod``) identifies the API."""
    note: str = ""
    sources: tuple[str, ...] = ()

    @property
    def api(self) -> str:
        """How the report names the API: ``class.member`` or the string prefix."""
        return self.member if self.kind is RuleKind.STRING else f"{self.class_name}.{self.member}"


@dataclass(frozen=True)
class ApiTable:
    """The validated rules, with lookup indexes."""

    rules: tuple[ApiRule, ...]
    source: str = _RESOURCE
    _methods: dict[tuple[str, str], tuple[ApiRule, ...]] = field(default_factory=dict, compare=False,
                                                                  repr=False)
    _fields: dict[tuple[str, str], tuple[ApiRule, ...]] = field(default_factory=dict, compare=False,
                                                                 repr=False)

    def __post_init__(self) -> None:
        methods: dict[tuple[str, str], list[ApiRule]] = {}
        fields: dict[tuple[str, str], list[ApiRule]] = {}
        for rule in self.rules:
            if rule.kind is RuleKind.METHOD:
                methods.setdefault((rule.class_name, rule.member), []).append(rule)
            elif rule.kind is RuleKind.FIELD:
                fields.setdefault((rule.class_name, rule.member), []).append(rule)
        self._methods.update({k: tuple(v) for k, v in methods.items()})
        self._fields.update({k: tuple(v) for k, v in fields.items()})

    def __len__(self) -> int:
        return len(self.rules)

    @property
    def method_names(self) -> frozenset[str]:
        """Names of every method rule (a cheap first filter over ``method_ids``)."""
        return frozenset(name for _cls, name in self._methods)

    @property
    def field_names(self) -> frozenset[str]:
        return frozenset(name for _cls, name in self._fields)

    def method_rules(self, class_name: str, name: str, descriptor: str) -> tuple[ApiRule, ...]:
        """Rules matching a method reference (dotted class, name, DEX prototype)."""
        found = self._methods.get((class_name, name), ())
        return tuple(r for r in found if r.descriptor is None or r.descriptor == descriptor)

    def field_rules(self, class_name: str, name: str) -> tuple[ApiRule, ...]:
        return self._fields.get((class_name, name), ())

    @property
    def string_rules(self) -> tuple[ApiRule, ...]:
        return tuple(r for r in self.rules if r.kind is RuleKind.STRING)

    def rules_by_method_name(self, name: str) -> tuple[ApiRule, ...]:
        """Method rules with this name, any class (reflection: the name is all the code shows)."""
        return tuple(r for (_cls, member), rules in self._methods.items() if member == name for r in rules)


def _as_str_list(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    return None


def _parse_rule(raw: Any, where: str, known_sources: set[str], problems: list[str]) -> ApiRule | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: not a mapping")
        return None
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        problems.append(f"{where}: unknown keys {', '.join(unknown)}")
    kinds = [k for k in ("method", "field", "string") if k in raw]
    if len(kinds) != 1:
        problems.append(f"{where}: needs exactly one of method, field, string")
        return None
    kind = RuleKind(kinds[0])
    member = raw[kinds[0]]
    class_name = raw.get("class", "")
    if not isinstance(member, str) or not member:
        problems.append(f"{where}: {kinds[0]} must be a non-empty string")
        return None
    if kind is RuleKind.STRING:
        if class_name:
            problems.append(f"{where}: string rules take no class")
    elif not isinstance(class_name, str) or not class_name or "/" in class_name:
        problems.append(f"{where}: class must be a dotted class name")
        return None
    data_type = raw.get("data_type")
    if data_type not in DATA_TYPE_IDS:
        problems.append(f"{where}: data_type {data_type!r} is not in the vocabulary")
    descriptor = raw.get("descriptor")
    if descriptor is not None and (kind is not RuleKind.METHOD or not isinstance(descriptor, str)
                                   or not descriptor.startswith("(")):
        problems.append(f"{where}: descriptor must be a DEX prototype on a method rule")
    requires = _as_str_list(raw.get("requires_string"))
    sources = _as_str_list(raw.get("sources"))
    if requires is None or sources is None:
        problems.append(f"{where}: requires_string and sources must be lists of strings")
        return None
    if not sources:
        problems.append(f"{where}: sources (provenance) missing")
    for src in sources:
        if src not in known_sources:
            problems.append(f"{where}: unknown source {src!r}")
    reflect = raw.get("reflect_by_name", False)
    if not isinstance(reflect, bool) or (reflect and kind is not RuleKind.METHOD):
        problems.append(f"{where}: reflect_by_name must be a boolean on a method rule")
    for key in ("permission", "note"):
        if not isinstance(raw.get(key, ""), str):
            problems.append(f"{where}: {key} must be a string")
    return ApiRule(kind, class_name if isinstance(class_name, str) else "", member, str(data_type),
                   descriptor if isinstance(descriptor, str) else None, str(raw.get("permission", "")),
                   requires, bool(reflect), str(raw.get("note", "")), sources)


def parse_api_table(text: str, source: str = _RESOURCE) -> ApiTable:
    """Parse and validate the YAML text of an API table (all problems reported at once)."""
    try:
        doc = yaml.load(text, Loader=UniqueKeyLoader)  # libyaml: ~10x faster
    except yaml.YAMLError as exc:
        raise ApiTableError(source, [f"not valid YAML ({exc})"]) from exc
    if not isinstance(doc, dict) or doc.get("schema") != 1:
        raise ApiTableError(source, ["expected a mapping with schema: 1"])
    known = doc.get("sources")
    entries = doc.get("apis")
    if not isinstance(known, dict) or not isinstance(entries, list) or not entries:
        raise ApiTableError(source, ["needs a sources mapping and a non-empty apis list"])
    problems: list[str] = []
    rules: list[ApiRule] = []
    seen: set[tuple[str, str, str, str | None, tuple[str, ...]]] = set()
    for i, raw in enumerate(entries):
        rule = _parse_rule(raw, f"apis[{i}]", set(known), problems)
        if rule is None:
            continue
        key = (rule.kind.value, rule.class_name, rule.member, rule.descriptor, rule.requires_strings)
        if key in seen:
            problems.append(f"apis[{i}]: duplicate of an earlier entry ({rule.api})")
        seen.add(key)
        rules.append(rule)
    if problems:
        raise ApiTableError(source, problems)
    return ApiTable(tuple(rules), source)


def load_api_table(path: Path | None = None) -> ApiTable:
    """The packaged table (``auditor/data/personal_data_apis.yaml``), or the one at ``path``."""
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ApiTableError(str(path), [f"cannot read ({exc.strerror or exc})"]) from exc
        return parse_api_table(text, str(path))
    text = resources.files("auditor").joinpath("data", _RESOURCE).read_text(encoding="utf-8")
    return parse_api_table(text, _RESOURCE)
