"""Fuzzing: valid content with fields dropped, retyped, duplicated or filled with arbitrary
Unicode. The contract is the same as for the bad-input corpus: a clean build (here: every
document rendered) or a clean located error; never any other exception.

`make test` runs a bounded number of examples; `make fuzz` (FUZZ_EXAMPLES=3000) the long run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from regiodocs.content.pipeline import load_checked
from regiodocs.diagnostics import ContentError, UsageError
from regiodocs.documents.plan import plan_documents
from regiodocs.documents.render import make_environment, render_document
from regiodocs.documents.views.common import EXTRA_KINDS, KINDS

FILES = [
    "regio.yaml",
    "visie.yaml",
    "taken.yaml",
    "bestuur.yaml",
    "financien.yaml",
    "regeling.yaml",
    "consultatie.yaml",
    "afwegingskader.yaml",
    "raadsvoorstellen/01-regiovisie-vaststellen.yaml",
    "opgaven/02-berichtenverkeer.yaml",
]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
_yaml = YAML(typ="safe")
ORIGINAL = {
    name: _yaml.load((ROOT / "content/utrecht-west" / name).read_text(encoding="utf-8"))
    for name in FILES
}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(["", " ", "2024-02-30", "[[taken]]", "{{ x }}", "lid 2", "../x", "a" * 300]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += paths(value, (*prefix, index))
    return out


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, Any]:
    name = draw(st.sampled_from(FILES))
    data = _copy(ORIGINAL[name])
    for _ in range(draw(st.integers(1, 3))):
        candidates = paths(data)[1:]
        if not candidates:
            break
        path = draw(st.sampled_from(candidates))
        parent = _get(data, path[:-1])
        key = path[-1]
        action = draw(st.sampled_from(["drop", "retype", "duplicate", "unicode"]))
        if action == "drop":
            del parent[key]
        elif action == "retype":
            parent[key] = draw(values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(key, _copy(parent[key]))
        else:
            parent[key] = draw(st.text(min_size=0, max_size=60))
    return name, data


def _copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


_PROJECT = Path(tempfile.mkdtemp(prefix="regiodocs-fuzz-"))
shutil.copytree(ROOT / "content", _PROJECT / "content")
_ENV = make_environment(ROOT / "templates")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutations())
def test_mutated_content_builds_or_fails_cleanly(mutation: tuple[str, Any]) -> None:
    name, data = mutation
    target = _PROJECT / "content/utrecht-west" / name
    dumper = YAML()
    dumper.allow_unicode = True
    try:
        with open(target, "w", encoding="utf-8") as handle:
            dumper.dump(data, handle)
        try:
            facts = load_checked(_PROJECT / "content", "utrecht-west").facts
        except ContentError as exc:
            assert exc.diagnostics
            for d in exc.diagnostics:
                assert d.line >= 1 and d.column >= 1 and d.message and d.file
            return
        except UsageError:
            return
        for job in plan_documents(facts, KINDS + EXTRA_KINDS):
            assert render_document(_ENV, job)
    finally:
        shutil.copy(ROOT / "content/utrecht-west" / name, target)
