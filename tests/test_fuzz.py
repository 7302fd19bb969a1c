"""Fuzzing: valid content with fields dropped, retyped, duplicated or filled with arbitrary
Unicode. The contract is the same as for the bad-input corpus: a clean build or a clean
located error; never any other exception. The first test renders every document; the
second puts hostile text in any string field and builds to .docx, where no control, bidi,
invisible or placeholder character may arrive unmarked.

`make test` runs a bounded number of examples (40 renders, 5 builds); `make fuzz`
(FUZZ_EXAMPLES=3000) the long run of both.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from conftest import ROOT
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from regiodocs.build import build
from regiodocs.content.models.common import UNSEEN
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
shutil.copytree(ROOT / "templates", _PROJECT / "templates")
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


# --- random text in every field, through the real build to .docx ---------------------------

# make test: a few builds; make fuzz (FUZZ_EXAMPLES=3000): as many builds as examples.
BUILD_EXAMPLES = int(os.environ.get("FUZZ_BUILD_EXAMPLES", os.environ.get("FUZZ_EXAMPLES", "5")))
# What hostile text is made of: control and non-characters, bidi and invisible characters,
# private use (regiodocs' placeholders), the placeholder syntax, Markdown/XML/Jinja syntax.
HOSTILE = list(
    "\x00\x07\x0b\x0c\x1b\x7f\x85\ufffe\uffff\u202a\u202e\u2066\u2069\u200b\u200f\u2063\ufeff"
    "\ue000\ue001⟦⟧{}[]<>&*#|`\\$%~^_\n\t\r  \u00a0€"
)
texts = st.text(
    alphabet=st.one_of(st.sampled_from(HOSTILE), st.characters(codec="utf-8")), max_size=50
) | st.sampled_from(["⟦naam⟧", "⟦bijdrage.0⟧", "{{ naam }}", "```{=openxml}\n<w:p/>\n```"])
# Which document each file reaches, and for whom (one municipality keeps it quick).
TARGETS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "regio.yaml": (("raadsvoorstel", "raadsinformatiebrief"), "montfoort"),
    "raadsvoorstellen/01-regiovisie-vaststellen.yaml": (
        ("raadsvoorstel", "raadsbesluit"),
        "woerden",
    ),
    "regeling.yaml": (("regeling",), None),
    "visie.yaml": (("regiovisie",), None),
    "bestuur.yaml": (("regeling",), None),
    "consultatie.yaml": (("reactienota",), None),
}


def _strings(data: Any) -> list[tuple[Any, ...]]:
    return [p for p in paths(data)[1:] if isinstance(_get(data, p), str)]


@st.composite
def text_mutations(draw: st.DrawFn) -> tuple[str, Any]:
    name = draw(st.sampled_from(sorted(TARGETS)))
    data = _copy(ORIGINAL[name])
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_strings(data)))
        _get(data, path[:-1])[path[-1]] = draw(texts)
    return name, data


_BUILD = _PROJECT / "build"


def _document_text(docx: Path) -> str:
    """The parts that carry content: body, headers, footers, properties. (numbering.xml is
    left out: Word's bullet is the private-use U+F0B7 of the Symbol font.)"""
    with zipfile.ZipFile(docx) as package:
        return "".join(
            package.read(n).decode("utf-8")
            for n in package.namelist()
            if n == "word/document.xml" or n.startswith(("word/header", "word/footer", "docProps/"))
        )


@settings(
    max_examples=BUILD_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text_mutations())
def test_random_text_in_any_field_builds_or_fails_cleanly(mutation: tuple[str, Any]) -> None:
    """Build to .docx; every document opens and no control, bidi, invisible or placeholder
    character reaches it unmarked."""
    name, data = mutation
    kinds, gemeente = TARGETS[name]
    target = _PROJECT / "content/utrecht-west" / name
    dumper = YAML()
    dumper.allow_unicode = True
    try:
        with open(target, "w", encoding="utf-8") as handle:
            dumper.dump(data, handle)
        try:
            report = build(
                _PROJECT / "content",
                _PROJECT / "templates",
                _BUILD,
                "utrecht-west",
                kinds,
                gemeente,
                workers=1,
            )
        except ContentError as exc:
            assert exc.diagnostics
            for d in exc.diagnostics:
                assert d.line >= 1 and d.column >= 1 and d.message and d.file
                assert not UNSEEN.search(d.message), d.message
            return
        for path in report.written + report.unchanged:
            if path.suffix == ".html":  # the web page shows the same marked text
                found = UNSEEN.search(path.read_text(encoding="utf-8"))
                assert found is None, f"U+{ord(found.group()):04X} unmarked in {path.name}"
            if path.suffix != ".docx":
                continue
            text = _document_text(path)
            found = UNSEEN.search(text)
            assert found is None, f"U+{ord(found.group()):04X} unmarked in {path.name}"
            Document(str(path))  # opens in python-docx
    finally:
        shutil.copy(ROOT / "content/utrecht-west" / name, target)
