"""Faults during a build that need real processes: killed at any moment, two builds at
once, other processes, hash seeds and folders. Afterwards every output is the previous or
the new version, whole, and each .docx opens. Faults one run can show (pandoc failing,
hanging, missing or writing garbage, a full disk, a read-only folder, a damaged cache) are
cases in tests/bad_input/ (vocabulary: tests/faults.py)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, edit, snapshot
from docx import Document
from filelock import FileLock

MONTFOORT = "aantal: 14000"


def cli(project: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "regiodocs.cli", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )


def outputs(build: Path) -> dict[str, bytes]:
    return {
        k: v
        for k, v in snapshot(build).items()
        if not k.startswith(".cache") and k not in (".lock", ".regiodocs-manifest.json")
    }


def copy_project(tmp_path: Path, name: str) -> Path:
    project = tmp_path / name
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copy(ROOT / "regiodocs.toml", project / "regiodocs.toml")
    return project


def test_build_killed_at_random_moments_leaves_whole_old_or_new_files(tmp_path: Path) -> None:
    # Two contents that differ in every document that shows Montfoort's share.
    versions: list[dict[str, bytes]] = []
    for n, inhabitants in enumerate(("14000", "14500")):
        reference = copy_project(tmp_path, f"ref{n}")
        edit(reference / "content/utrecht-west/regio.yaml", MONTFOORT, f"aantal: {inhabitants}")
        assert cli(reference, "build", "all").wait(timeout=120) == 0
        versions.append(outputs(reference / "build"))
    assert versions[0] != versions[1]
    project = copy_project(tmp_path, "project")
    shutil.copytree(tmp_path / "ref0/build/.cache", project / "build/.cache")
    shutil.copytree(tmp_path / "ref1/build/.cache", project / "build/.cache", dirs_exist_ok=True)
    chance = random.Random(20261122)
    regio = project / "content/utrecht-west/regio.yaml"
    started = time.monotonic()
    assert cli(project, "build", "all").wait(timeout=120) == 0
    duration = time.monotonic() - started  # kill somewhere inside a build of this length
    killed = 0
    for run in range(24):
        text = regio.read_text(encoding="utf-8")
        regio.write_text(
            text.replace("aantal: 14000", "aantal: 14500")
            if run % 2 == 0
            else text.replace("aantal: 14500", "aantal: 14000"),
            encoding="utf-8",
        )
        process = cli(project, "build", "all")
        time.sleep(chance.uniform(0.0, duration * 0.9))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait(timeout=120)
        for name, data in outputs(project / "build").items():
            if name.endswith(".tmp"):
                continue  # a killed build's temporary file; the next build removes it (checked below)
            assert data in (versions[0].get(name), versions[1].get(name)), (
                f"run {run}: {name} is neither version"
            )
            if name.endswith(".docx"):
                assert zipfile.ZipFile(project / "build" / name).testzip() is None
                Document(str(project / "build" / name))
    assert killed >= 12  # most runs were really interrupted
    # The next complete build cleans up and yields exactly the current version.
    assert cli(project, "build", "all").wait(timeout=120) == 0
    final = outputs(project / "build")
    assert not [n for n in final if n.endswith(".tmp")]
    current = 0 if "aantal: 14000" in regio.read_text(encoding="utf-8") else 1
    assert {k: v for k, v in final.items()} == versions[current]


def test_a_second_build_waits_for_the_lock(project: Path) -> None:
    (project / "build").mkdir()
    with FileLock(project / "build/.lock"):  # the same lock the build takes, on any OS
        process = cli(project, "build", "raadsbesluit", "--gemeente", "woerden")
        time.sleep(4)
        assert process.poll() is None  # rendered and converted, but waiting to write
        assert not list((project / "build").rglob("*.docx"))
    assert process.wait(timeout=60) == 0
    assert len(list((project / "build/woerden").glob("*.docx"))) == 2


def test_two_builds_at_once_both_succeed_with_whole_files(project: Path) -> None:
    first, second = cli(project, "build", "all"), cli(project, "build", "all")
    assert first.wait(timeout=180) == 0 and second.wait(timeout=180) == 0
    for path in (project / "build").rglob("*.docx"):
        if ".cache" not in path.parts:
            Document(str(path))


def test_same_bytes_across_processes_hash_seeds_and_working_directories(tmp_path: Path) -> None:
    a = copy_project(tmp_path, "a")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run(
        [sys.executable, "-m", "regiodocs.cli", "build", "all"],
        cwd=a,
        env={**env, "PYTHONHASHSEED": "1"},
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "regiodocs.cli",
            "build",
            "all",
            "--regio",
            "utrecht-west",
            "--content",
            str(a / "content"),
            "--templates",
            str(a / "templates"),
            "--build",
            str(tmp_path / "b"),
            "-j",
            "1",
        ],
        cwd=elsewhere,
        env={**env, "PYTHONHASHSEED": "4242"},
        check=True,
        capture_output=True,
    )
    first, second = outputs(a / "build"), outputs(tmp_path / "b")
    assert len(first) == 140 and first == second  # 35 documents: .md, .docx, .html, .pdf


def test_a_hanging_pandoc_run_per_document_is_stopped_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-document path (batch=False, as bench/ compares): the timeout fires and the
    message names the document, as in the batch path (bad_input case 266)."""
    from regiodocs.output import write

    hanging = tmp_path / "pandoc"
    hanging.write_text("#!/bin/sh\nexec sleep 30\n", encoding="utf-8")
    hanging.chmod(0o755)
    monkeypatch.setattr(write, "PANDOC_TIMEOUT_PER_DOCUMENT", 1.0)
    with pytest.raises(write.BuildFailure) as failure:
        write.run_pandoc(
            str(hanging),
            "# Proef",
            tmp_path / "ref.docx",
            tmp_path / "uit.docx",
            epoch=0,
            what="'Raadsvoorstel Proef'",
        )
    assert str(failure.value) == (
        "pandoc reageerde niet binnen 1 seconde voor 'Raadsvoorstel Proef' en is gestopt"
    )


def _fake_pandoc(folder: Path, body: str) -> str:
    fake = folder / "pandoc"
    fake.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    fake.chmod(0o755)
    return str(fake)


def test_pandocs_default_reference_failing_is_a_dutch_build_failure(tmp_path: Path) -> None:
    """pandoc --print-default-data-file failing (the base of every generated house style)
    gives the message run_pandoc gives, not a CalledProcessError traceback."""
    from regiodocs.output import write
    from regiodocs.output.house_style import pandoc_default_reference

    failing = _fake_pandoc(tmp_path, 'echo "pandoc: reference.docx niet gevonden" >&2\nexit 1')
    with pytest.raises(write.BuildFailure) as failure:
        pandoc_default_reference(failing)
    assert str(failure.value) == (
        "pandoc faalde voor het standaard-referentiedocument (reference.docx): "
        "pandoc: reference.docx niet gevonden"
    )


def test_a_hanging_default_reference_is_stopped_at_the_per_document_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from regiodocs.output import write
    from regiodocs.output.house_style import pandoc_default_reference

    hanging = _fake_pandoc(tmp_path, "exec sleep 30")
    monkeypatch.setattr(write, "PANDOC_TIMEOUT_PER_DOCUMENT", 0.5)
    with pytest.raises(write.BuildFailure) as failure:
        pandoc_default_reference(hanging)
    assert str(failure.value) == (
        "pandoc reageerde niet binnen 0.5 seconden voor het standaard-referentiedocument "
        "(reference.docx) en is gestopt"
    )
