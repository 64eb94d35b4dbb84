"""What the code says about unclaimed classes: the hosts they load, and which catalog SDKs name them.

Two facts per unclaimed class, from one walk over the code of the classes that matter (unclaimed ones and
those a catalog entry claims; the app's own and platform classes are skipped):

- hosts: ``http(s)://`` URLs and bare host names among the class's ``const-string`` operands (the
  build-wide ``DexSummary.url_hosts`` says a host is *somewhere* in a DEX file, not in which class);
- referenced by: the catalog SDKs (and the other unclaimed classes) whose code invokes a method of the
  class or creates / names it (``invoke-*``, ``new-instance``, ``const-class``). Code that an SDK calls
  into ships with that SDK (its internals, or a library it bundles); code that calls an SDK may be
  anybody's (an app's wrapper).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from auditor.build.dex import DexError, DexFile

if TYPE_CHECKING:  # auditor.code imports this package: its modules are imported at call time
    from auditor.code.codescan import CodeOps
    from auditor.code.dexcode import ClassDef
    from auditor.code.tables import MethodTable

Array = npt.NDArray[np.int64]
Kinds = npt.NDArray[np.uint8]

_HOST_RE = re.compile(r"https?://([A-Za-z0-9][A-Za-z0-9.\-]{1,252}[A-Za-z0-9])")
_BARE_HOST_RE = re.compile(r"[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9][a-z0-9\-]*)*\.[a-z]{2,12}")
"""A constant that is a host name and nothing else (SDKs keep server names without a scheme too)."""
_MAX_HOSTS_PER_CLASS = 50
_PACKAGE_ROOTS = frozenset({"com", "org", "net", "cn", "io", "me", "de", "edu", "gov", "android", "java", "javax"})
"""First labels that make a dotted lower-case constant a Java package or class name, not a host."""


@dataclass
class CodeFacts:
    """Per unclaimed class: hosts in its code; per SDK id, how many references to it that SDK's code makes;
    per other unclaimed class, how many references to it that class makes."""

    hosts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    referenced_by: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    referenced_by_unclaimed: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def code_facts(dex: DexFile, wanted: Iterable[str], owner: Callable[[str], str | None],
               renames: dict[str, str] | None = None, into: CodeFacts | None = None) -> CodeFacts:
    """Walk ``dex`` for the classes in ``wanted`` (dotted; original names when ``renames`` maps
    obfuscated -> original) and the classes ``owner`` gives a catalog SDK id. Reads the file's shared code
    tables (:func:`auditor.code.tables.dex_tables`: the call-site analysis of the same scan has read them
    already). A malformed DEX adds nothing (the scan reports broken files elsewhere)."""
    from auditor.code.tables import dex_tables  # auditor.code imports this package: resolve at call time

    facts = into if into is not None else CodeFacts()
    wanted_set = set(wanted)
    if not wanted_set:
        return facts
    renames = renames or {}
    try:
        tables = dex_tables(dex)
        methods, ops = tables.method_table, tables.ops
        sources = _sources(dex, tables.class_defs, wanted_set, owner, renames, facts)
        if sources.rows:
            _collect(dex, sources, methods, ops, _wanted_types(dex, wanted_set, renames), facts)
    except DexError:
        pass
    return facts


@dataclass
class _Sources:
    """The classes whose code is read, numbered: per class_def its source (-1: skipped)."""

    of_class: list[int]
    labels: list[str] = field(default_factory=list)
    """Source number -> its label (the unclaimed class's name, or the SDK id)."""
    unclaimed: list[bool] = field(default_factory=list)
    rows: int = 0
    """Classes read."""


def _sources(dex: DexFile, class_defs: list[ClassDef], wanted: set[str], owner: Callable[[str], str | None],
             renames: dict[str, str], facts: CodeFacts) -> _Sources:
    out = _Sources([-1] * len(class_defs))
    number: dict[tuple[str, bool], int] = {}
    for class_no, name in enumerate(dex.class_names[:len(class_defs)]):  # class_defs in file order, named
        name = renames.get(name, name)
        if name in wanted:
            label, unclaimed = name, True
            facts.hosts[name]  # noqa: B018 - every wanted class read gets its (maybe empty) host set
        else:
            sdk = owner(name)
            if sdk is None:
                continue
            label, unclaimed = sdk, False
        key = (label, unclaimed)
        source = number.get(key)
        if source is None:
            source = number[key] = len(out.labels)
            out.labels.append(label)
            out.unclaimed.append(unclaimed)
        out.of_class[class_no] = source
        out.rows += 1
    return out


def _collect(dex: DexFile, sources: _Sources, methods: MethodTable, ops: CodeOps, wanted_types: dict[int, str],
             facts: CodeFacts) -> None:
    """References and hosts from the code of the source classes, in class, method, instruction order (the
    order the counters are filled in: invoked classes of a method first, then the classes it names)."""
    source_of_class = np.array(sources.of_class, dtype=np.int64)
    per_class = np.diff(methods.ptr)
    source = np.repeat(source_of_class, per_class)  # per method row
    items = ops.items_at(methods.code_off)
    rows = np.nonzero((source >= 0) & (items >= 0))[0]
    item = items[rows]
    lo, hi = ops.ptr[item], ops.ptr[item + 1]
    count = hi - lo
    event = np.repeat(lo - (np.cumsum(count) - count), count) + np.arange(int(count.sum()))
    row = np.repeat(rows, count)
    kind, arg = ops.kind[event], ops.arg[event]
    _count_references(dex, sources, source[row], row, kind, arg, wanted_types, facts)
    _collect_hosts(dex, sources, source[row], row, kind, arg, facts)


def _count_references(dex: DexFile, sources: _Sources, source: Array, row: Array, kind: Kinds, arg: Array,
                      wanted_types: dict[int, str], facts: CodeFacts) -> None:
    from auditor.code.codescan import E_INVOKE, E_TYPE, E_VIRTUAL, of_kinds

    target_names = sorted(set(wanted_types.values()))
    target_of_type = np.full(max(dex._type_ids_size, 1), -1, dtype=np.int64)
    number = {name: i for i, name in enumerate(target_names)}
    for wanted_idx, name in wanted_types.items():
        target_of_type[wanted_idx] = number[name]
    method_class = np.frombuffer(dex.data, dtype="<u2", count=4 * dex.method_ref_count,
                                 offset=dex._method_ids_off)[0::4].astype(np.int64)
    invoke = of_kinds(kind, (E_INVOKE, E_VIRTUAL)) & (arg < len(method_class))
    named = (kind == E_TYPE) & (arg < len(target_of_type))
    type_idx = np.full(len(arg), -1, dtype=np.int64)
    type_idx[invoke] = method_class[arg[invoke]]
    type_idx[named] = arg[named]
    target = np.full(len(arg), -1, dtype=np.int64)
    some = (type_idx >= 0) & (type_idx < len(target_of_type))
    target[some] = target_of_type[type_idx[some]]
    keep = np.nonzero(target >= 0)[0]
    if not len(keep):
        return
    order = keep[np.argsort(2 * row[keep] + named[keep], kind="stable")]
    pairs = target[order] * len(sources.labels) + source[order]
    found, first, counts = np.unique(pairs, return_index=True, return_counts=True)
    for k in np.argsort(first, kind="stable").tolist():
        target_name = target_names[int(found[k]) // len(sources.labels)]
        src = int(found[k]) % len(sources.labels)
        label = sources.labels[src]
        if target_name != label:
            refs = facts.referenced_by_unclaimed if sources.unclaimed[src] else facts.referenced_by
            refs[target_name][label] += int(counts[k])


def _collect_hosts(dex: DexFile, sources: _Sources, source: Array, row: Array, kind: Kinds, arg: Array,
                   facts: CodeFacts) -> None:
    from auditor.code.codescan import E_STRING
    from auditor.code.keyids import distinct

    unclaimed = np.array(sources.unclaimed, dtype=bool)
    strings = np.nonzero((kind == E_STRING) & unclaimed[source])[0]
    if not len(strings):
        return
    found = {idx: hosts_in(dex.string(idx)) for idx in distinct(arg[strings]).tolist()}
    with_hosts = [k for k, idx in zip(strings.tolist(), arg[strings].tolist()) if found[idx]]
    current_row, hosts = -1, set()
    room = False
    for k in with_hosts:  # the cap is checked per method, before its strings (as a walk would)
        if row[k] != current_row:
            current_row = int(row[k])
            hosts = facts.hosts[sources.labels[int(source[k])]]
            room = len(hosts) < _MAX_HOSTS_PER_CLASS
        if room:
            hosts.update(found[int(arg[k])])


def _wanted_types(dex: DexFile, wanted: set[str], renames: dict[str, str]) -> dict[int, str]:
    """type_ids index -> (original) dotted name, for the wanted classes."""
    out: dict[int, str] = {}
    for idx in range(dex._type_ids_size):
        descriptor = dex.type_descriptor(idx)
        if not descriptor.startswith("L"):
            continue
        name = descriptor[1:-1].replace("/", ".")
        name = renames.get(name, name)
        if name in wanted:
            out[idx] = name
    return out


def hosts_in(text: str) -> tuple[str, ...]:
    """Host names of the URLs in ``text``, or ``text`` itself when it is a bare host name."""
    if "://" in text:
        return tuple({m.group(1).lower().rstrip(".") for m in _HOST_RE.finditer(text)})
    if len(text) <= 253 and "." in text and _BARE_HOST_RE.fullmatch(text) \
            and text.split(".", 1)[0] not in _PACKAGE_ROOTS:
        return (text,)
    return ()
