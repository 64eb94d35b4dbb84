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

from auditor.build.dex import DexError, DexFile

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
    obfuscated -> original) and the classes ``owner`` gives a catalog SDK id. A malformed DEX yields what
    was read before the fault (the scan reports broken files elsewhere)."""
    from auditor.code.dexcode import DexCode  # auditor.code imports this package: resolve at call time

    facts = into if into is not None else CodeFacts()
    wanted_set = set(wanted)
    if not wanted_set:
        return facts
    renames = renames or {}
    try:
        code = DexCode(dex)
        method_class = [raw[0] for raw in dex.method_ids_raw()]
        wanted_types = _wanted_types(dex, wanted_set, renames)
        strings: dict[int, tuple[str, ...]] = {}
        for class_def in code.class_defs():
            name = dex.type_name(class_def.class_idx)
            name = renames.get(name, name)
            if name in wanted_set:
                source, refs = name, facts.referenced_by_unclaimed
                hosts: set[str] | None = facts.hosts[name]
            else:
                sdk = owner(name)
                if sdk is None:
                    continue
                source, refs, hosts = sdk, facts.referenced_by, None
            for method in code.methods(class_def):
                body = code.code(method.code_off)
                if hosts is not None and len(hosts) < _MAX_HOSTS_PER_CLASS:
                    for idx in body.strings:
                        found = strings.get(idx)
                        if found is None:
                            found = strings[idx] = hosts_in(dex.string(idx))
                        hosts.update(found)
                for target in _targets(body.invokes, body.types, method_class, wanted_types):
                    if target != source:
                        refs[target][source] += 1
    except DexError:
        pass
    return facts


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


def _targets(invokes: tuple[int, ...], types: tuple[int, ...], method_class: list[int],
             wanted_types: dict[int, str]) -> list[str]:
    out = [wanted_types[method_class[i]] for i in invokes if method_class[i] in wanted_types]
    out += [wanted_types[t] for t in types if t in wanted_types]
    return out


def hosts_in(text: str) -> tuple[str, ...]:
    """Host names of the URLs in ``text``, or ``text`` itself when it is a bare host name."""
    if "://" in text:
        return tuple({m.group(1).lower().rstrip(".") for m in _HOST_RE.finditer(text)})
    if len(text) <= 253 and "." in text and _BARE_HOST_RE.fullmatch(text) \
            and text.split(".", 1)[0] not in _PACKAGE_ROOTS:
        return (text,)
    return ()
