"""On a real APK built from the corpus SDK jars (D8), our decoder sees exactly what ``dexdump -d`` sees:
the same number of invoke and const-string instructions per DEX file, and the same set of
(caller method -> personal-data API) pairs."""

from __future__ import annotations

import shutil

import pytest

from tests.code.dexdump_compare import compare_apk
from tests.corpus.fixtures import built_apk  # noqa: F401  (pytest fixture)

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_call_sites_agree_with_dexdump(built_apk):
    if shutil.which("dexdump") is None:
        pytest.skip("dexdump is not installed")
    apk = built_apk("cn-push-social")
    result = compare_apk(apk)
    assert result, "no classes*.dex in the built APK"
    total_calls = 0
    for member, (ours, theirs) in result.items():
        assert ours.invokes == theirs.invokes, member
        assert ours.const_strings == theirs.const_strings, member
        assert ours.calls == theirs.calls, member
        total_calls += len(ours.calls)
    assert total_calls > 20  # the push/social SDKs read IMEI, IMSI, MAC, Wi-Fi, app lists...
