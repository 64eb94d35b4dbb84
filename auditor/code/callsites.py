"""Find the call sites of personal-data APIs in a :class:`~auditor.code.program.Program`.

Per DEX file, the table is first turned into index sets (:class:`DexTargets`): the few ``method_ids``
whose name *and* class match a rule (names are looked up by binary search in the sorted ``string_ids``, so
only candidates are resolved), the ``field_ids`` of field rules, the ``string_ids`` of required strings,
content-URI prefixes and reflection names. A method's code then matches by set membership.

Reflection: a method that invokes ``Class.forName``, ``Class.getMethod`` or ``Class.getDeclaredMethod``
and holds the name of an API method as a const-string calls that API when it also holds the API's class
name as a string, or when the rule says the name alone is distinctive (``reflect_by_name``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from auditor.code.apis import ApiRule, ApiTable
from auditor.code.codescan import E_INVOKE, E_SGET_OBJECT, E_STRING, E_VIRTUAL, of_kinds
from auditor.code.dexcode import MethodCode
from auditor.code.keyids import distinct
from auditor.code.program import DexRefs, Program

_REFLECTION_LOOKUPS = frozenset({("java.lang.Class", "forName"), ("java.lang.Class", "getMethod"),
                                 ("java.lang.Class", "getDeclaredMethod")})


@dataclass(frozen=True)
class RawCallSite:
    """One (calling method, API) pair found in the code."""

    caller: int
    """Node id of the calling method."""
    rule: ApiRule
    via_reflection: bool = False


@dataclass
class DexTargets:
    """A table's rules as index sets of one DEX file."""

    methods: dict[int, tuple[ApiRule, ...]] = field(default_factory=dict)
    fields: dict[int, tuple[ApiRule, ...]] = field(default_factory=dict)
    strings: dict[int, tuple[ApiRule, ...]] = field(default_factory=dict)
    """Content-URI strings -> string rules."""
    required: dict[str, frozenset[int]] = field(default_factory=dict)
    """Required string text -> its string index (empty set when the file lacks it)."""
    reflect_lookups: frozenset[int] = frozenset()
    reflect_names: dict[int, tuple[ApiRule, ...]] = field(default_factory=dict)
    """String index of a method name -> method rules with that name."""
    class_strings: dict[int, str] = field(default_factory=dict)
    """String index -> API class name it spells (dotted or descriptor form)."""

    @property
    def empty(self) -> bool:
        return not (self.methods or self.fields or self.strings or self.reflect_names)

    def prefilter(self) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
        """Method, string and field indices of which a method must reference one to match anything."""
        return (frozenset(self.methods), frozenset(self.strings) | frozenset(self.reflect_names),
                frozenset(self.fields))


def _string_indices(refs: DexRefs, texts: set[str]) -> dict[str, int]:
    found = {t: refs.find_string(t) for t in sorted(texts)}
    return {t: i for t, i in found.items() if i is not None}


def dex_targets(refs: DexRefs, table: ApiTable) -> DexTargets:
    """Resolve a table against one DEX file."""
    targets = DexTargets()
    names = _string_indices(refs, set(table.method_names) | {"forName", "getMethod", "getDeclaredMethod"})
    by_idx = {i: t for t, i in names.items()}
    for idx in refs.method_ids_named(set(by_idx)):
        class_name, name, proto = refs.method_key(idx)
        rules = table.method_rules(class_name, name, proto)
        if rules:
            targets.methods[idx] = rules
        elif (class_name, name) in _REFLECTION_LOOKUPS:
            targets.reflect_lookups |= {idx}
    field_names = _string_indices(refs, set(table.field_names))
    if field_names:
        for idx in refs.field_ids_named(set(field_names.values())):
            rules_f = table.field_rules(*refs.field_key(idx))
            if rules_f:
                targets.fields[idx] = rules_f
    for rule in table.string_rules:
        for idx in refs.strings_with_prefix(rule.member):
            targets.strings[idx] = targets.strings.get(idx, ()) + (rule,)
    required = {text for rule in table.rules for text in rule.requires_strings}
    found = _string_indices(refs, required)
    targets.required = {t: frozenset({found[t]}) if t in found else frozenset() for t in required}
    if targets.reflect_lookups:
        for name, idx in names.items():
            rules_r = table.rules_by_method_name(name)
            if rules_r:
                targets.reflect_names[idx] = rules_r
        classes = {r.class_name for rules_r in targets.reflect_names.values() for r in rules_r}
        spelled = {c: c for c in classes} | {"L" + c.replace(".", "/") + ";": c for c in classes}
        targets.class_strings = {i: spelled[t] for t, i in _string_indices(refs, set(spelled)).items()}
    return targets


def _requirements_met(rule: ApiRule, strings: set[int], targets: DexTargets) -> bool:
    if not rule.requires_strings:
        return True
    return any(strings & targets.required.get(text, frozenset()) for text in rule.requires_strings)


def match_code(code: MethodCode, targets: DexTargets) -> list[tuple[ApiRule, bool]]:
    """The rules one method's code matches, each once, as ``(rule, via_reflection)``."""
    out: dict[tuple[ApiRule, bool], None] = {}
    strings = set(code.strings)
    for idx in code.invokes:
        rules = targets.methods.get(idx)
        if rules:
            for rule in rules:
                if _requirements_met(rule, strings, targets):
                    out[(rule, False)] = None
    for idx in code.sget_objects:
        for rule in targets.fields.get(idx, ()):
            out[(rule, False)] = None
    for idx in strings & targets.strings.keys():
        for rule in targets.strings[idx]:
            out[(rule, False)] = None
    if targets.reflect_names and not targets.reflect_lookups.isdisjoint(code.invokes):
        named = {targets.class_strings[i] for i in strings if i in targets.class_strings}
        for idx in strings & targets.reflect_names.keys():
            for rule in targets.reflect_names[idx]:
                direct = (rule, False) in out
                if not direct and (rule.class_name in named or rule.reflect_by_name) \
                        and _requirements_met(rule, strings, targets):
                    out[(rule, True)] = None
    return list(out)


def _outer(name: str) -> str:
    return name.split("$", 1)[0]


def _candidates(program: Program, dex: int, targets: DexTargets) -> list[int]:
    """Nodes of the DEX file's methods that reference at least one target index (vectorised filter)."""
    ops = program.ops[dex]
    methods, strings, fields = targets.prefilter()
    hit = np.zeros(len(ops.kind), dtype=bool)
    for kinds, wanted in (((E_INVOKE, E_VIRTUAL), methods), ((E_STRING,), strings), ((E_SGET_OBJECT,), fields)):
        if wanted:
            hit |= of_kinds(ops.kind, kinds) & np.isin(ops.arg, np.fromiter(wanted, dtype=np.int64))
    if not hit.any():
        return []
    items = distinct(ops.item_of_event[np.nonzero(hit)[0]].astype(np.int64))
    item_of, node_of = program.item_nodes[dex]
    return sorted(node_of[np.isin(item_of, items)].tolist())


def find_call_sites(program: Program, table: ApiTable) -> list[RawCallSite]:
    """Every (method, API) pair in the program, in node order. Calls an API class makes to itself
    (one overload delegating to another) are left out: its callers are what counts."""
    found: list[RawCallSite] = []
    for dex, refs in enumerate(program.refs):
        targets = dex_targets(refs, table)
        if targets.empty:
            continue
        for node in _candidates(program, dex, targets):
            caller_class = _outer(program.keys[node][0])
            for rule, reflective in match_code(program.code(node), targets):
                if rule.class_name and _outer(rule.class_name) == caller_class:
                    continue
                found.append(RawCallSite(node, rule, reflective))
    found.sort(key=lambda site: site.caller)
    return found


__all__ = ["DexTargets", "RawCallSite", "dex_targets", "find_call_sites", "match_code"]
