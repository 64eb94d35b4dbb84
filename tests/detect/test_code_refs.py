"""Hosts per class and who references whom, read from a DEX assembled from our own smali (expected values
are what the smali below says, written by hand)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from auditor.build.dex import DexFile
from auditor.detect.code_refs import code_facts, hosts_in
from tests.corpus import tools

SMALI = {
    "com/vendor/sdk/Api.smali": """.class public Lcom/vendor/sdk/Api;
.super Ljava/lang/Object;
.method public static start()V
    .registers 1
    new-instance v0, Lcom/vendor/impl/Engine;
    invoke-direct {v0}, Lcom/vendor/impl/Engine;-><init>()V
    invoke-virtual {v0}, Lcom/vendor/impl/Engine;->run()V
    return-void
.end method
""",
    "com/vendor/impl/Engine.smali": """.class public Lcom/vendor/impl/Engine;
.super Ljava/lang/Object;
.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
.method public run()V
    .registers 2
    const-string v0, "https://api.vendor.example/v1/report?id=1"
    const-string v1, "push.vendor.example"
    const-string v0, "not a host at all"
    const-string v1, "com.vendor.impl.Engine"
    return-void
.end method
""",
    "com/other/Wrapper.smali": """.class public Lcom/other/Wrapper;
.super Ljava/lang/Object;
.method public static go()V
    .registers 1
    invoke-static {}, Lcom/vendor/sdk/Api;->start()V
    const-class v0, Lcom/vendor/impl/Engine;
    return-void
.end method
""",
}


@pytest.fixture(scope="module")
def dex(tmp_path_factory) -> DexFile:
    src = tmp_path_factory.mktemp("smali")
    for rel, text in SMALI.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text)
    out = src / "classes.dex"
    subprocess.run([*tools.smali_cmd(), "assemble", "--api", "21", "-o", str(out), str(src)], check=True,
                   capture_output=True)
    return DexFile(Path(out).read_bytes())


def _owner(name: str) -> str | None:
    return "vendor-sdk" if name.startswith("com.vendor.sdk.") else None


def test_hosts_and_references_of_unclaimed_classes(dex):
    facts = code_facts(dex, ["com.vendor.impl.Engine", "com.other.Wrapper"], _owner)
    assert facts.hosts["com.vendor.impl.Engine"] == {"api.vendor.example", "push.vendor.example"}
    assert not facts.hosts.get("com.other.Wrapper")
    # Api creates an Engine (new-instance), calls its constructor and run(): three references
    assert dict(facts.referenced_by["com.vendor.impl.Engine"]) == {"vendor-sdk": 3}
    assert "com.other.Wrapper" not in facts.referenced_by  # it calls the SDK; nothing calls it
    assert dict(facts.referenced_by_unclaimed["com.vendor.impl.Engine"]) == {"com.other.Wrapper": 1}


def test_renamed_classes_are_reported_under_their_original_names(dex):
    facts = code_facts(dex, ["org.original.Engine"], _owner, renames={"com.vendor.impl.Engine": "org.original.Engine"})
    assert "api.vendor.example" in facts.hosts["org.original.Engine"]
    assert facts.referenced_by["org.original.Engine"]["vendor-sdk"] == 3


@pytest.mark.parametrize("text, hosts", [
    ("https://a.example.com/x http://b.example.org", {"a.example.com", "b.example.org"}),
    ("push.example.cn", {"push.example.cn"}),
    ("hello world", set()),
    ("com.vendor.impl.engine", set()),  # a package name, not a host
    ("1.2", set()),
])
def test_hosts_in(text, hosts):
    assert set(hosts_in(text)) == hosts
