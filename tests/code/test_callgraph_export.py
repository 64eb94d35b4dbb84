"""``auditor scan --callgraph FILE.graphml`` on the demo app: the paths samples/demo-app/EXPECTED.md
documents by hand, as a graph Gephi or yEd can open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]


def test_graphml_holds_the_documented_start_up_path(tmp_path):
    out = tmp_path / "g.graphml"
    subprocess.run([sys.executable, "-m", "auditor", "scan", str(ROOT / "samples" / "demo-app.apk"),
                    "--format", "json", "-o", str(tmp_path / "r.json"), "--callgraph", str(out)],
                   check=True, cwd=ROOT, capture_output=True)
    graph = nx.read_graphml(out)
    init = "cn.jpush.android.api.JPushInterface.init"
    api = "android.telephony.TelephonyManager.getDeviceId"
    entry = next(n for n in graph.predecessors(init))
    assert entry.endswith("DemoApp.onCreate") and graph.nodes[entry]["kind"] == "entry"
    assert graph.has_edge(init, api) and graph.edges[init, api]["kind"] == "site"
    assert graph.nodes[api]["kind"] == "api" and graph.nodes[api]["reachability"] == "startup"
    clip = "android.content.ClipboardManager.getPrimaryClip"
    assert graph.nodes[clip]["reachability"] == "later"
