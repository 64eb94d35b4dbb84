"""Explain unclaimed package groups: gather each group's signals, decide its likely vendor, then let the
groups already explained vouch for the ones they call or share a namespace with.

A vendor's SDK often has one public package a catalog entry claims and many internal ones it does not
(``cn.jpush.im`` and its ``cn.jmessage.*`` internals, with the okhttp and gson copies they repackaged).
The first round names the internals the claimed code calls; each further round (at most
:data:`ROUNDS`) names what the newly named groups call, and their siblings under the same two-segment
root. Evidence from a group carries that group's package as its value and the entry that named it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from auditor.build.native import jni_symbol_class
from auditor.detect.attribution import Verdict, VendorIndex, decide, gather
from auditor.detect.code_refs import CodeFacts, code_facts
from auditor.detect.matcher import Matcher
from auditor.model import Build, Component, VendorEvidence, VendorSignal

ROUNDS = 2
OBFUSCATED = "(obfuscated)"


MAX_HOSTS = 20


@dataclass(frozen=True)
class Explanation:
    verdict: Verdict
    hosts: tuple[str, ...]
    """Hosts the group's code loads (at most :data:`MAX_HOSTS`, sorted)."""


def explain(build: Build, group_of: dict[str, str], components: dict[str, list[Component]], matcher: Matcher,
            index: VendorIndex) -> dict[str, Explanation]:
    """Group -> explanation for every group of ``group_of`` (class -> group) but the obfuscated one."""
    facts = _code_facts(build, group_of, matcher)
    libs: dict[str, list[str]] = defaultdict(list)
    for lib in build.native_libs:
        for symbol in lib.jni_symbols:
            key = group_of.get(jni_symbol_class(symbol))
            if key is not None:
                libs[key].append(lib.name)
    hosts: dict[str, list[str]] = defaultdict(list)
    for name, found in facts.hosts.items():
        hosts[group_of[name]].extend(found)
    by_sdk: dict[str, Counter[str]] = defaultdict(Counter)
    for name, counts in facts.referenced_by.items():
        by_sdk[group_of[name]].update(counts)
    by_group: dict[str, Counter[str]] = defaultdict(Counter)
    for name, counts in facts.referenced_by_unclaimed.items():
        for source, count in counts.items():
            if group_of[source] != group_of[name]:
                by_group[group_of[name]][group_of[source]] += count
    groups = sorted(set(group_of.values()) - {OBFUSCATED})
    evidence = {key: gather(index, key, [a for c in components.get(key, []) for a in c.actions], libs[key],
                            hosts[key], by_sdk[key]) for key in groups}
    verdicts = {key: decide(evidence[key]) for key in groups}
    for _ in range(ROUNDS):
        named = {key: v for key, v in verdicts.items() if v.vendor}
        changed = False
        for key in groups:
            if verdicts[key].vendor:
                continue
            extra = _vouched(key, named, by_group[key])
            if extra:
                verdicts[key] = decide(evidence[key] + extra)
                changed = changed or bool(verdicts[key].vendor)
        if not changed:
            break
    return {key: Explanation(verdicts[key], tuple(sorted(set(hosts[key])))[:MAX_HOSTS]) for key in groups}


def _vouched(key: str, named: dict[str, Verdict], callers: Counter[str]) -> list[VendorEvidence]:
    """Evidence lent by explained groups: those that call ``key``, and its siblings under one root."""
    out: list[VendorEvidence] = []
    for caller, count in sorted(callers.items()):
        verdict = named.get(caller)
        if verdict is not None:
            out.append(VendorEvidence(VendorSignal.REFERENCED_BY, caller, verdict.vendor, _sdk_of(verdict), count,
                                      vendor_id=verdict.vendor_id))
    root = ".".join(key.split(".")[:2])
    for other, verdict in sorted(named.items()):
        if other != key and other.startswith(root + "."):
            out.append(VendorEvidence(VendorSignal.PACKAGE_ROOT, root, verdict.vendor, _sdk_of(verdict),
                                      vendor_id=verdict.vendor_id))
            break
    return out


def _sdk_of(verdict: Verdict) -> str:
    """The catalog entry behind a verdict: the first evidence item pointing at its vendor."""
    return next((e.sdk_id for e in verdict.evidence if e.vendor == verdict.vendor), "")


def _code_facts(build: Build, group_of: dict[str, str], matcher: Matcher) -> CodeFacts:
    renames = build.deobfuscation.original if build.deobfuscation is not None else {}

    def owner(name: str) -> str | None:
        claim = matcher.claim_class(name)
        return claim.sdk_id if claim is not None else None

    facts = CodeFacts()
    for dex in build.dex:
        if dex.image is not None:
            code_facts(dex.image, [n for n in dex.classes if n in group_of], owner, renames, facts)
    return facts
