"""The bad-input corpus (tests/bad_input/): every case gets a clear, located Dutch message
and the right exit code, never a traceback, and leaves build/ byte-for-byte unchanged.
Cases that try to escape their place in the document build, and their text appears
literally in the .docx.

Cases can declare a fault under `fout` (tests/faults.py has the vocabulary: a read-only
folder, a full disk, a rename that fails part-way, a damaged cache entry, a pandoc that
hangs, writes garbage or is missing, an unreadable file or folder). A failed run leaves
build/ unchanged, or, with `replaced: N`, exactly N outputs replaced, each named in the
message; `outputs_exact` compares the outputs with a clean build of the shipped content.

Cases marked `isolated` (alias bomb, deep nesting, 50 MB file, 1.5 MB line) run in a
separate process capped at 1 GiB of memory and 30 s, proving the bounds in the README.
"""

from __future__ import annotations

import base64
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT, snapshot
from docx import Document
from faults import Injector
from ruamel.yaml import YAML

from regiodocs.cli import main
from regiodocs.documents import render

CASES = sorted(
    p for p in (Path(__file__).parent / "bad_input").iterdir() if (p / "case.yaml").is_file()
)
MEMORY_LIMIT = 1024**3
TIME_LIMIT = 30


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60


def _expand(text: str) -> str:
    """{{REPEAT:c:n}} repeats one character; {{TIMES:n}}...{{/TIMES}} repeats a piece of text,
    with {{N}} inside it replaced by the repetition's number (1, 2, ...)."""
    text = re.sub(
        r"\{\{TIMES:(\d+)\}\}(.*?)\{\{/TIMES\}\}",
        lambda m: "".join(
            m.group(2).replace("{{N}}", str(n)) for n in range(1, int(m.group(1)) + 1)
        ),
        text,
        flags=re.DOTALL,
    )
    return re.sub(r"\{\{REPEAT:(.):(\d+)\}\}", lambda m: m.group(1) * int(m.group(2)), text)


def _prepare(case: dict[str, Any], project: Path) -> None:
    for source, target in (case.get("copy") or {}).items():
        shutil.copy(project / source, project / target)
    for edit in case.get("edits", []):
        path = project / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert edit["old"] in text, f"case edit does not apply: {edit['old'][:60]!r}"
        path.write_text(text.replace(edit["old"], _expand(edit["new"]), 1), encoding="utf-8")
    for name, text in (case.get("write") or {}).items():
        path = project / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for name, data in (case.get("write_base64") or {}).items():
        (project / name).write_bytes(base64.b64decode(data))
    for item in case.get("special") or []:
        # File-system shapes a text file cannot describe: FIFOs, folders, (dangling) symlinks.
        path = project / item["path"]
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        if item["kind"] == "fifo":
            os.mkfifo(path)
        elif item["kind"] == "folder":
            path.mkdir()
        elif item["kind"] == "symlink":
            path.symlink_to(item["to"])
        elif item["kind"] == "file":
            path.write_text(item["text"], encoding="utf-8")
    if "generate" in case:
        spec = case["generate"]
        line = b"# " + b"opvulling " * 10 + b"\n"
        with open(project / spec["file"], "ab") as handle:
            for _ in range(spec["size_mb"] * 1024 * 1024 // len(line) + 1):
                handle.write(line)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _outputs(build: Path) -> dict[str, bytes]:
    """The documents in build/: not the manifest, the lock or the cache."""
    return _outputs_of(snapshot(build))


def _outputs_of(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if not any(p.startswith(".") for p in Path(k).parts)}


def _run(case: dict[str, Any], project: Path) -> tuple[int, str]:
    command = case.get("command", ["check"])
    if case.get("isolated"):
        result = subprocess.run(
            [sys.executable, "-m", "regiodocs.cli", *command],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
            preexec_fn=_limits,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        return result.returncode, result.stdout + result.stderr
    cwd = Path.cwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(main, command, catch_exceptions=True)
    finally:
        os.chdir(cwd)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(
            f"uncaught {type(result.exception).__name__}: {result.exception}"
        ) from result.exception
    return result.exit_code, result.output


def _expected_location(spec: dict[str, Any], project: Path) -> str:
    name = spec["file"]
    line = spec.get("line")
    if "line_of" in spec:
        candidates = [
            p
            for p in project.rglob(Path(name).name)
            if str(p).endswith(name)
            and spec["line_of"] in p.read_text(encoding="utf-8", errors="replace")
        ]
        assert len(candidates) == 1, f"line_of {spec['line_of']!r} is not in exactly one {name}"
        lines = candidates[0].read_text(encoding="utf-8").splitlines()
        line = next(
            n for n, text in enumerate(lines, start=1) if spec["line_of"] in text
        ) + spec.get("offset", 0)
    location = f"{name}:{line}:" if line is not None else f"{name}:"
    if spec.get("column") is not None:
        location += f"{spec['column']}:"
    return location


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_bad_input_case(
    folder: Path, tmp_path: Path, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = YAML(typ="safe").load((folder / "case.yaml").read_text(encoding="utf-8"))
    if "render_seconds" in case:  # a shorter time limit for templates, to keep the case quick
        monkeypatch.setattr(render, "RENDER_SECONDS", float(case["render_seconds"]))
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copy(ROOT / "regiodocs.toml", project / "regiodocs.toml")
    shutil.copytree(built, project / "build")
    _prepare(case, project)
    faults = Injector(case, project, monkeypatch)
    faults.prepare(lambda command: _run({"command": command}, project))
    before = snapshot(project / "build")
    with faults.active():
        code, output = _run(case, project)
    expect = case["expect"]
    assert code == expect["exit"], output
    assert "Traceback" not in output
    if "message" in expect:
        assert expect["message"] in output, output
    for absent in expect.get("not_in_output", []):
        assert absent not in output, output
    if "location" in expect:
        assert _expected_location(expect["location"], project) in output, output
    if "max_lines" in expect:
        assert len(output.splitlines()) <= expect["max_lines"], len(output.splitlines())
    for name in expect.get("absent", []):
        assert not os.path.lexists(project / name), f"{name} is still there"
    for name in expect.get("present", []):
        assert os.path.lexists(project / name), f"{name} is gone"
    if "replaced" in expect or "removed" in expect:
        counts = (expect.get("replaced", 0), expect.get("removed", 0))
        _check_replaced(counts, before, project / "build", output, code == 0)
    elif expect["exit"] != 0:
        assert snapshot(project / "build") == before, "build/ changed after a failed run"
    if expect.get("outputs_exact"):
        assert _outputs(project / "build") == _outputs(built), "outputs differ from a clean build"
    if expect["exit"] == 0:
        faults.check_repaired()
    if "md_matches" in expect:
        spec = expect["md_matches"]
        (md,) = sorted(project.glob(spec["file"]))
        assert re.search(spec["pattern"], md.read_text(encoding="utf-8")), spec["pattern"]
    if "literal_in_docx" in expect:
        spec = expect["literal_in_docx"]
        # A '*' in the file name stands for the date part, which follows the content.
        (docx,) = sorted(project.glob(spec["file"]))
        document = Document(str(docx))
        paragraphs = [p.text for p in document.paragraphs] + [
            cell.text for table in document.tables for row in table.rows for cell in row.cells
        ]
        text = _expand(spec["text"])
        assert text in paragraphs, [p[:80] for p in paragraphs if p[:10] == text[:10]]


def _check_replaced(
    counts: tuple[int, int], before: dict[str, bytes], build: Path, output: str, succeeded: bool
) -> None:
    """Exactly ``counts`` outputs are new versions and removed (no longer made), each named
    in the message (after a successful build: each document, by its .docx); a new .docx
    opens; every other file of build/ outside the cache is as it was, and no temporary file
    is left. The message names no other output, except one it says failed."""
    after = snapshot(build)
    assert not [name for name in after if name.endswith(".tmp")], "a staged file is left"
    old, new = _outputs_of(before), _outputs(build)
    assert set(new) <= set(old), "outputs appeared"
    changed = sorted(name for name in new if new[name] != old[name])
    gone = sorted(set(old) - set(new))
    assert (len(changed), len(gone)) == counts, (changed, gone)
    # "all N new files are in place" names them all: every file the build wrote is new.
    every = f"alle {counts[0]} nieuwe bestanden staan op hun plaats" in output
    for name in changed:
        if not every and (not succeeded or name.endswith(".docx")):
            assert f"build/{name}" in output, f"build/{name} is replaced but not named"
        if name.endswith(".docx"):
            Document(str(build / name))
    for name in gone:
        assert f"build/{name}" in output, f"build/{name} is removed but not named"
    named = set(re.findall(r"build/[^\s,:;]+\.(?:md|docx|html|pdf)", output))
    assert named <= {f"build/{name}" for name in changed + gone} | _failed(output), named


def _failed(output: str) -> set[str]:
    """The files the message says could not be replaced or removed."""
    return set(re.findall(r"vervangen van (build/\S+) mislukt", output)) | set(
        re.findall(r"(build/\S+) verwijderen \(", output)
    )
