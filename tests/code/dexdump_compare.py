"""Compare our instruction scan with ``dexdump -d`` on the same DEX bytes (test helper and script).

``python -m tests.code.dexdump_compare APK...`` prints, per APK, the invoke / const-string counts of both
tools and the personal-data call sites (caller method -> API method) each one finds.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from auditor.build.dex import DexFile, descriptor_to_class
from auditor.code.apis import ApiTable, RuleKind, load_api_table
from auditor.code.program import build_program

_CLASS_RE = re.compile(r"^  Class descriptor  : '(.+)'$")
_METHOD_RE = re.compile(r"^    #\d+\s+: \(in (.+)\)$")
_NAME_RE = re.compile(r"^      name          : '(.*)'$")
_TYPE_RE = re.compile(r"^      type          : '(.*)'$")
_INSN_RE = re.compile(r"^[0-9a-f]{6}: [0-9a-f ]+\|[0-9a-f]{4}: ([a-z0-9/-]+)(?: (.*))?$")
_METHOD_OPERAND_RE = re.compile(r"(L[^;]+;)\.([^:]+):(\([^)]*\)\S+) // method@")


@dataclass
class DexFacts:
    """What one tool saw in one DEX file."""

    invokes: int = 0
    const_strings: int = 0
    calls: set[tuple[str, str, str]] = field(default_factory=set)
    """``(caller class, caller name+descriptor, callee class.name)`` for the table's method rules."""


def _method_rule_apis(table: ApiTable) -> set[str]:
    return {r.api for r in table.rules if r.kind is RuleKind.METHOD and not r.requires_strings}


def dexdump_facts(dex_path: Path, apis: set[str], dexdump: str = "dexdump") -> DexFacts:
    facts = DexFacts()
    caller_class = name = proto = ""
    out = subprocess.run([dexdump, "-d", str(dex_path)], capture_output=True, text=True, check=True,
                         errors="replace").stdout
    for line in out.splitlines():
        if m := _INSN_RE.match(line):
            op, operands = m.group(1), m.group(2) or ""
            if op.startswith("invoke-"):
                facts.invokes += 1
                ref = _METHOD_OPERAND_RE.search(operands)
                if ref:
                    api = f"{descriptor_to_class(ref.group(1))}.{ref.group(2)}"
                    if api in apis:
                        facts.calls.add((caller_class, f"{name}{proto}", api))
            elif op.startswith("const-string"):
                facts.const_strings += 1
        elif m := _METHOD_RE.match(line):
            caller_class = descriptor_to_class(m.group(1))
        elif m := _NAME_RE.match(line):
            name = m.group(1)
        elif m := _TYPE_RE.match(line):
            proto = m.group(1)
    return facts


def our_facts(dex: DexFile, apis: set[str]) -> DexFacts:
    program = build_program([dex])
    facts = DexFacts()
    nodes = program.dex_nodes[0]
    for node in program.methods:
        code = program.code(node)
        facts.invokes += len(code.invokes)
        facts.const_strings += len(code.strings)
        cls, name, proto = program.keys[node]
        for idx in code.invokes:
            callee = program.keys[nodes[idx]]
            api = f"{callee[0]}.{callee[1]}"
            if api in apis:
                facts.calls.add((cls, f"{name}{proto}", api))
    return facts


def compare_apk(apk: Path, table: ApiTable | None = None) -> dict[str, tuple[DexFacts, DexFacts]]:
    """Per root ``classes*.dex``: ``(ours, dexdump's)``."""
    apis = _method_rule_apis(table or load_api_table())
    out: dict[str, tuple[DexFacts, DexFacts]] = {}
    with zipfile.ZipFile(apk) as archive, tempfile.TemporaryDirectory() as tmp:
        for member in sorted(n for n in archive.namelist() if re.fullmatch(r"classes\d*\.dex", n)):
            data = archive.read(member)
            path = Path(tmp) / member
            path.write_bytes(data)
            out[member] = (our_facts(DexFile(data, member), apis), dexdump_facts(path, apis))
    return out


def main(argv: list[str]) -> int:
    for apk in argv:
        result = compare_apk(Path(apk))
        ours_calls = set().union(*(o.calls for o, _d in result.values()))
        dd_calls = set().union(*(d.calls for _o, d in result.values()))
        print(f"{apk}: dex files {len(result)}; invokes ours {sum(o.invokes for o, _ in result.values())} "
              f"dexdump {sum(d.invokes for _, d in result.values())}; const-strings ours "
              f"{sum(o.const_strings for o, _ in result.values())} dexdump "
              f"{sum(d.const_strings for _, d in result.values())}; API call sites ours {len(ours_calls)} "
              f"dexdump {len(dd_calls)} common {len(ours_calls & dd_calls)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
