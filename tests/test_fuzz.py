"""Fuzzing: valid content with fields dropped, retyped, duplicated or filled with arbitrary
Unicode. The contract is the same as for the bad-input corpus: a clean build or a clean
located error; never any other exception, never a hang. The first test renders every
document from mutated content; the second puts hostile text (control and non-characters,
bidi overrides, U+2063, the placeholder syntax, very long values) in any string field of any
content file, municipal fields included, or a huge number in any number field, and runs
`regiodocs build` on it to .md, .docx and .html, where no control, bidi, invisible or
placeholder character may arrive unmarked.

`make test` runs a bounded number of examples (40 of each); `make fuzz` (FUZZ_EXAMPLES=3000)
the long run of both (FUZZ_RENDER_EXAMPLES and FUZZ_BUILD_EXAMPLES set them apart).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import time
import traceback
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT
from docx import Document
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from regiodocs.cli import main
from regiodocs.content.models.common import _REFUSED as REFUSED
from regiodocs.content.models.common import UNSEEN
from regiodocs.content.pipeline import load_checked
from regiodocs.diagnostics import ContentError, UsageError
from regiodocs.documents.markdown import TAB_MARK
from regiodocs.documents.plan import plan_documents
from regiodocs.documents.render import make_environment, render_document
from regiodocs.documents.views.common import EXTRA_KINDS, KINDS

REGION = ROOT / "content/utrecht-west"
FILES = sorted(p.relative_to(REGION).as_posix() for p in REGION.rglob("*.yaml"))
EXAMPLES = os.environ.get("FUZZ_EXAMPLES", "40")
RENDER_EXAMPLES = int(os.environ.get("FUZZ_RENDER_EXAMPLES", EXAMPLES))
BUILD_EXAMPLES = int(os.environ.get("FUZZ_BUILD_EXAMPLES", EXAMPLES))
PROGRESS = os.environ.get("FUZZ_PROGRESS")  # a file to log each build example to
# One example that runs longer than this is a hang (a build of these documents takes seconds).
HANG_SECONDS = 180
_yaml = YAML(typ="safe")
ORIGINAL = {name: _yaml.load((REGION / name).read_text(encoding="utf-8")) for name in FILES}

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


def _dump(data: Any, target: Path) -> None:
    dumper = YAML(typ="safe")  # libyaml's emitter: quick, and it escapes what YAML must
    dumper.allow_unicode = True
    dumper.default_flow_style = False
    dumper.width = 4096
    with open(target, "w", encoding="utf-8") as handle:
        dumper.dump(data, handle)


class Hang(Exception):
    """An example ran longer than HANG_SECONDS."""


@pytest.fixture(scope="module")
def fuzz_project() -> Iterator[Path]:
    """A private copy of content/ and templates/, removed afterwards (also its build/)."""
    folder = Path(tempfile.mkdtemp(prefix="regiodocs-fuzz-"))
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "templates", folder / "templates")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def deadline() -> Iterator[None]:
    """SIGALRM ends an example that hangs (a hung build never returns on its own)."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise Hang(f"meer dan {HANG_SECONDS} s voor één voorbeeld")

    previous = signal.signal(signal.SIGALRM, expire)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


_ENV = make_environment(ROOT / "templates")


@settings(
    max_examples=RENDER_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(mutation=mutations())
def test_mutated_content_builds_or_fails_cleanly(
    fuzz_project: Path, deadline: None, mutation: tuple[str, Any]
) -> None:
    name, data = mutation
    target = fuzz_project / "content/utrecht-west" / name
    signal.alarm(HANG_SECONDS)
    try:
        _dump(data, target)
        try:
            facts = load_checked(fuzz_project / "content", "utrecht-west").facts
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
        signal.alarm(0)
        shutil.copy(REGION / name, target)


# --- random text in every field, through `regiodocs build` to .md, .docx and .html ----------

# What hostile text is made of: control and non-characters, bidi and invisible characters,
# private use (regiodocs' placeholders), the placeholder syntax, Markdown/XML/Jinja syntax.
HOSTILE = list(
    "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x80\x85\x9f\ufdd0\ufffe\uffff\U0001fffe\U0010ffff"
    "\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
    "\u2060\u2063\ufeff\ufff9\ue000\ue001\uf8ff"
    "⟦⟧{}[]<>&*#|`\\$%~^_\n\t\r  \u00a0€"
)
# Half the texts leave out what the text policy refuses, so that they reach the documents.
SHOWN = [c for c in HOSTILE if not REFUSED.match(c)]
texts = (
    st.text(alphabet=st.one_of(st.sampled_from(HOSTILE), st.characters(codec="utf-8")), max_size=50)
    | st.text(
        alphabet=st.one_of(
            st.sampled_from(SHOWN), st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"])
        ),
        max_size=50,
    )
    | st.sampled_from(
        [
            "⟦naam⟧",
            "⟦bijdrage.0⟧",
            "⟦⟧",
            "{{ naam }}",
            "{% raw %}",
            "```{=openxml}\n<w:p/>\n```",
            "<script>alert(1)</script>",
            "Woerden\u2063\u2063",
            "Mont\u202efoort",
            "  dubbel  spatie  ",
            # 12,000, not more: the PDF stage fails on a title beyond about 16,000
            # characters (a PDF string holds 32,767 bytes), an open issue of output/pdf.py.
            "x" * 12_000,
            "Jeugdhulpverlening" * 500,  # one word of 9,000 letters
            "regel\n" * 2_000,
            "9" * 400,
            "-1e308",
        ]
    )
)
# Huge, negative and odd numbers for number fields.
numbers = st.sampled_from([10**30, 2**63, -(2**63), 10**400, -1, 0, 1e308, -1e-308, 0.5])
GEMEENTEN = [d["id"] for d in ORIGINAL["regio.yaml"]["deelnemers"]]
# The documents a file's fields reach (per-municipality kinds for one municipality at a time:
# the one whose field changed, else a drawn one).
TARGETS: dict[str, tuple[str, ...]] = {
    "regio.yaml": ("raadsvoorstel", "raadsinformatiebrief"),
    "visie.yaml": ("regiovisie",),
    "taken.yaml": ("regeling", "afweging"),
    "bestuur.yaml": ("regeling", "wgr-toets"),
    "financien.yaml": ("regeling",),
    "regeling.yaml": ("regeling", "wgr-toets"),
    "consultatie.yaml": ("reactienota",),
    "afwegingskader.yaml": ("afweging",),
    "overgang.yaml": ("overgang",),
    "wgr-vorm.yaml": ("wgr-vorm",),
}


def _targets(name: str) -> tuple[str, ...]:
    if name.startswith("raadsvoorstellen/"):
        return ("raadsvoorstel", "raadsbesluit")
    if name.startswith("informatiebrieven/"):
        return ("raadsinformatiebrief",)
    if name.startswith("opgaven/"):
        return ("afweging",)
    return TARGETS[name]


def _leaves(data: Any, kind: type | tuple[type, ...]) -> list[tuple[Any, ...]]:
    return [
        p
        for p in paths(data)[1:]
        if isinstance(_get(data, p), kind) and not isinstance(_get(data, p), bool)
    ]


@st.composite
def text_mutations(draw: st.DrawFn) -> tuple[str, Any, str, str]:
    name = draw(st.sampled_from(FILES))
    data = _copy(ORIGINAL[name])
    kind = draw(st.sampled_from(_targets(name)))
    gemeente = draw(st.sampled_from(GEMEENTEN))
    for _ in range(draw(st.integers(1, 3))):
        numeric = _leaves(data, (int, float))
        if numeric and draw(st.integers(0, 4)) == 0:
            path = draw(st.sampled_from(numeric))
            value: Any = draw(numbers)
        else:
            path = draw(st.sampled_from(_leaves(data, str)))
            value = draw(texts)
        _get(data, path[:-1])[path[-1]] = value
        if name == "regio.yaml" and path[:1] == ("deelnemers",):
            gemeente = ORIGINAL[name]["deelnemers"][path[1]]["id"]
        if name == "regio.yaml" and path[:1] == ("huisstijlen",):
            style = ORIGINAL[name]["huisstijlen"][path[1]]["id"]
            users = [d["id"] for d in ORIGINAL[name]["deelnemers"] if d.get("huisstijl") == style]
            gemeente = users[0] if users else gemeente
    return name, data, kind, gemeente


LOCATED = re.compile(r"^.+:\d+:\d+: (fout|waarschuwing):", re.MULTILINE)


def _document_text(docx: Path) -> str:
    """Every XML part of the package but numbering.xml (Word's bullet is the private-use
    U+F0B7 of the Symbol font)."""
    with zipfile.ZipFile(docx) as package:
        return "".join(
            package.read(n).decode("utf-8")
            for n in package.namelist()
            if n.endswith((".xml", ".rels")) and n != "word/numbering.xml"
        )


@settings(
    max_examples=BUILD_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(mutation=text_mutations())
def test_random_text_in_any_field_builds_or_fails_cleanly(
    fuzz_project: Path, deadline: None, mutation: tuple[str, Any, str, str]
) -> None:
    """`regiodocs build` exits 0 with documents that open and carry no control, bidi,
    invisible or placeholder character unmarked, or exits 1 with located messages; never a
    traceback, another exit code or a hang."""
    name, data, kind, gemeente = mutation
    target = fuzz_project / "content/utrecht-west" / name
    build_dir = fuzz_project / "build"
    start = time.time_ns()
    signal.alarm(HANG_SECONDS)
    try:
        _dump(data, target)
        args = ["build", kind, "--regio", "utrecht-west", "-j", "1"]
        args += ["--content", str(fuzz_project / "content")]
        args += ["--templates", str(fuzz_project / "templates"), "--build", str(build_dir)]
        if kind in ("raadsvoorstel", "raadsbesluit", "raadsinformatiebrief"):
            args += ["--gemeente", gemeente]
        result = CliRunner().invoke(main, args)
        if isinstance(result.exception, Hang):
            raise result.exception
    finally:
        signal.alarm(0)
        shutil.copy(REGION / name, target)
    outcome = "build" if result.exit_code == 0 else "gelokaliseerde melding"
    event(outcome)
    if PROGRESS:  # a long run's progress, one line per example
        with open(PROGRESS, "a", encoding="utf-8") as log:
            log.write(f"{time.strftime('%H:%M:%S')} {name} {outcome}\n")
    assert result.exception is None or isinstance(result.exception, SystemExit), "".join(
        traceback.format_exception(result.exception)
    )
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert LOCATED.search(result.stderr), result.stderr
        assert not UNSEEN.search(result.stderr), result.stderr
    written = [  # what this example wrote (unchanged files keep their time)
        p
        for p in build_dir.rglob("*")
        if p.is_file() and p.stat().st_mtime_ns >= start and ".cache" not in p.parts
    ]
    for path in written:
        if path.suffix in (".md", ".html"):
            # The .md carries regiodocs' own tab mark (U+2063, see documents.markdown);
            # content never does, as the .docx and .html checks prove.
            text = path.read_text(encoding="utf-8")
            found = UNSEEN.search(text.replace(TAB_MARK, "") if path.suffix == ".md" else text)
            assert found is None, f"U+{ord(found.group()):04X} unmarked in {path.name}"
        elif path.suffix == ".docx":
            found = UNSEEN.search(_document_text(path))
            assert found is None, f"U+{ord(found.group()):04X} unmarked in {path.name}"
            Document(str(path))  # opens in python-docx
