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
from auditor.detect.attribution import VendorIndex, Verdict, decide, gather
from auditor.detect.code_refs import CodeFacts, code_facts
from auditor.detect.matcher import Matcher
from auditor.model import Build, Component, VendorEvidence, VendorSignal

ROUNDS = 2
MAX_HOSTS = 20


@dataclass(frozen=True)
class Explanation:
    verdict: Verdict
    hosts: tuple[str, ...]
    """Hosts the group's code loads (at most :data:`MAX_HOSTS`, sorted)."""


@dataclass(frozen=True)
class Explained:
    groups: dict[str, Explanation]
    """Package group -> explanation."""
    renamed: dict[str, tuple[str, str, Counter[str]]]
    """Class of the obfuscated group -> (vendor id, vendor, references per SDK id) when traced."""


def explain(build: Build, group_of: dict[str, str], groups: list[str], components: dict[str, list[Component]],
            matcher: Matcher, index: VendorIndex, obfuscated: tuple[str, ...] = (), read_code: bool = True
            ) -> Explained:
    """Explanations for each of ``groups`` (``group_of``: every unclaimed class -> its group), and the
    vendors whose code calls the ``obfuscated`` classes (:func:`trace_renamed`). ``read_code=False``: names,
    manifest and native libraries only (no walk over the code)."""
    facts = _code_facts(build, group_of, matcher) if read_code else CodeFacts()
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
    explained = {key: Explanation(verdicts[key], tuple(sorted(set(hosts[key])))[:MAX_HOSTS]) for key in groups}
    return Explained(explained, trace_renamed(obfuscated, facts, group_of, verdicts, index))


TRACE_ROUNDS = 8
"""How far calls are followed from a vendor's code into renamed classes."""
MAJORITY = 2 / 3
"""Share of the references a vendor's code must make to a renamed class for it to be that vendor's."""


def trace_renamed(classes: tuple[str, ...], facts: CodeFacts, group_of: dict[str, str], verdicts: dict[str, Verdict],
                  index: VendorIndex) -> dict[str, tuple[str, str, Counter[str]]]:
    """Renamed classes (no package left to read) attributed by who calls them: first the classes a catalog
    SDK's code references, by that SDK's vendor; then, round by round, classes called by classes already
    attributed (or by an explained package group). A class called about equally by several vendors' code (a
    shared library) stays unattributed: one vendor must make at least :data:`MAJORITY` of the references."""
    names: dict[str, str] = {}
    out: dict[str, tuple[str, str, Counter[str]]] = {}
    for name in classes:
        votes: Counter[str] = Counter()
        for sdk_id, count in facts.referenced_by.get(name, Counter()).items():
            vendor = index.vendor_of(sdk_id)
            if vendor is not None:
                votes[vendor[0]] += count
                names[vendor[0]] = vendor[1]
        winner = _majority(votes)
        if winner:
            out[name] = (winner, names[winner], facts.referenced_by[name])
    for _ in range(TRACE_ROUNDS):
        added: dict[str, tuple[str, str, Counter[str]]] = {}
        for name in classes:
            if name in out:
                continue
            votes = Counter()
            for source, count in facts.referenced_by_unclaimed.get(name, Counter()).items():
                traced = out.get(source)
                verdict = verdicts.get(group_of.get(source, ""))
                if traced is not None:
                    vid, display = traced[0], traced[1]
                elif verdict is not None and verdict.vendor:
                    vid, display = verdict.vendor_id, verdict.vendor
                else:
                    continue
                votes[vid] += count
                names.setdefault(vid, display)
            winner = _majority(votes)
            if winner:
                added[name] = (winner, names[winner], Counter())
        if not added:
            break
        out.update(added)
    return out


def _majority(votes: Counter[str]) -> str:
    if not votes:
        return ""
    vid, count = votes.most_common(1)[0]
    return vid if count >= MAJORITY * sum(votes.values()) else ""


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
    return next((e.sdk_id for e in verdict.evidence if e.vendor_id == verdict.vendor_id), "")


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
