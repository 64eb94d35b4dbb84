"""Method keys as integers (auditor/code/keyids.py) and the numbering rule of the methods the class
hierarchy names (auditor/code/hierarchy.py). Expected values are written here by hand."""

from __future__ import annotations

import numpy as np
import pytest

from auditor.code.keyids import KeyIds, MethodIndex, MethodKeys, column, distinct, member


def _arr(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.int64)


def test_distinct_and_member_are_sorted_set_operations():
    assert distinct(_arr(5, 1, 5, 9, 1)).tolist() == [1, 5, 9]
    assert distinct(_arr()).tolist() == []
    assert member(_arr(4, 5, 10, 0), _arr(0, 5, 9)).tolist() == [False, True, False, True]
    assert member(_arr(3), _arr()).tolist() == [False]


def test_column_positions_name_each_distinct_index_once_from_the_table_or_one_by_one():
    table = ["a", "b", "c", "d", "e", "f", "g"]
    asked: list[int] = []

    def resolve(idx: int) -> str:
        asked.append(idx)
        return f"s{idx}"

    at, names = column(_arr(6, 2, 6, 4, 2), table, resolve)  # the table covers every index
    assert at.tolist() == [2, 0, 2, 1, 0] and names == ["c", "e", "g"] and asked == []
    at, names = column(_arr(6, 2, 6, 9), table, resolve)  # index 9 is past the table: one by one
    assert at.tolist() == [1, 0, 1, 2] and names == ["s2", "s6", "s9"] and asked == [2, 6, 9]
    at, names = column(_arr(), table, resolve)
    assert at.tolist() == [] and names == []


def test_keys_round_trip_and_look_up_in_bulk_and_one_by_one():
    ids = KeyIds()
    cls = ids.number(0, ["p.A", "p.B", "p.A"])
    name = ids.number(1, ["run", "run", "<init>"])
    proto = ids.number(2, ["()V", "()V", "()V"])
    assert cls.tolist() == [0, 1, 0] and name.tolist() == [0, 0, 1] and proto.tolist() == [0, 0, 0]
    ids.add(0, ["p.B", "p.Z", "p.Y", "p.Z"])  # only the new ones, numbered on in the order given
    assert ids.strings[0] == ["p.A", "p.B", "p.Z", "p.Y"] and ids.tables[0]["p.Y"] == 3
    assert ids.extend(cls, name, proto).tolist() == [0, 1, 2]
    keys, index = MethodKeys(ids), MethodIndex(ids)
    assert len(keys) == 3
    assert [keys[i] for i in range(3)] == [("p.A", "run", "()V"), ("p.B", "run", "()V"), ("p.A", "<init>", "()V")]
    assert index[("p.B", "run", "()V")] == 1
    assert index.get(("p.B", "run", "(I)V")) is None and ("p.C", "run", "()V") not in index
    assert ids.append(("p.C", "run", "(I)V")) == 3  # one by one: new strings numbered on
    assert index[("p.C", "run", "(I)V")] == 3 and keys[3] == ("p.C", "run", "(I)V")
    assert ids.find(ids.packed(_arr(3, 0, 2))).tolist() == [3, 0, 2]  # bulk look-up sees both
    assert ids.extend(*(ids.number(p, [v]) for p, v in enumerate(("p.D", "go", "()V")))).tolist() == [4]
    assert index[("p.C", "run", "(I)V")] == 3 and index[("p.D", "go", "()V")] == 4
    with pytest.raises(IndexError):
        keys[5]
    with pytest.raises(KeyError):
        index[("p.D", "stop", "()V")]


def _impl_path(interfaces: tuple[str, ...]) -> list[str]:
    """``Caller.main`` calls ``Top.go`` through the interface; ``Impl`` implements ``go`` under the given
    two intermediate supertypes, neither of which defines or is called through ``go``."""
    from dexgen import ClassSpec, MethodSpec, build_code_dex

    from auditor.build.dex import DexFile
    from auditor.code.graph import bfs, build_call_graph, path_to
    from auditor.code.program import build_program, method_label

    classes = [ClassSpec("p.Top", methods=(MethodSpec("go"),)),
               ClassSpec("p.Alpha", superclass=None, interfaces=("p.Top",)),
               ClassSpec("p.Zeta", superclass=None, interfaces=("p.Top",)),
               ClassSpec("p.Impl", superclass=None, interfaces=interfaces, methods=(MethodSpec("go"),)),
               ClassSpec("p.Caller", methods=(MethodSpec("main", calls=(("p.Top", "go", 0x72),)),))]
    program = build_program([DexFile(build_code_dex(classes))])
    graph = build_call_graph(program)
    main = program.index[("p.Caller", "main", "()V")]
    target = program.index[("p.Impl", "go", "()V")]
    path = path_to(bfs(graph, (main,)), target)
    labels = [method_label(program.keys[graph.body(n)]) for n in path]
    return [label for i, label in enumerate(labels) if not i or labels[i - 1] != label]


@pytest.mark.parametrize("interfaces", [("p.Zeta", "p.Alpha"), ("p.Alpha", "p.Zeta")])
def test_a_tie_between_methods_the_hierarchy_names_goes_to_the_first_key(interfaces):
    """Two equally short paths, through ``Alpha.go`` or ``Zeta.go``: the one through the method whose key
    comes first (``p.Alpha`` < ``p.Zeta``) is reported, whichever order the interfaces are listed in (a
    walk numbering them as met would follow the listed order)."""
    assert _impl_path(interfaces) == ["p.Caller.main", "p.Top.go", "p.Alpha.go", "p.Impl.go"]
