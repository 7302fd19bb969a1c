"""The Makefile speaks Dutch when regiodocs fails: one line of its own, no "Error 1"."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _make(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("make") is None:
        pytest.fail("make is needed for this test (it is one of the README's two requirements)")
    venv = tmp_path / "venv"  # up-to-date install markers, so make installs nothing
    venv.mkdir(exist_ok=True)
    (venv / ".installed").touch()
    (venv / ".compiled").touch()
    regiodocs = f"{shlex.quote(sys.executable)} -m regiodocs"
    return subprocess.run(
        ["make", "--no-print-directory", *args, f"VENV={venv}", f"RD={regiodocs}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_failing_command_ends_with_one_dutch_line(tmp_path: Path) -> None:
    result = _make(tmp_path, "check", "REGIO=nope")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert "onbekende regio 'nope'" in result.stderr  # regiodocs' own message
    assert "Error 1" not in result.stderr and "Error 1" not in result.stdout
    assert lines[-1].endswith(
        "*** regiodocs stopte met een fout (zie de melding hierboven).  Stop."
    )
    assert sum("***" in line for line in lines) == 1


def test_a_successful_command_exits_zero(tmp_path: Path) -> None:
    result = _make(tmp_path, "check")
    assert result.returncode == 0, result.stderr
    assert "in orde" in result.stdout  # the summary is output: it stays on stdout
    assert "***" not in result.stderr


def _make_in(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """make with the repository's Makefile in a project copy (its own build/)."""
    for name in ("pyproject.toml", "constraints.txt"):  # what the install marker depends on
        shutil.copy(ROOT / name, project / name)
    venv = project / "venv"
    venv.mkdir(exist_ok=True)
    (venv / ".installed").touch()
    (venv / ".compiled").touch()
    regiodocs = f"{shlex.quote(sys.executable)} -m regiodocs"
    return subprocess.run(
        ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), *args]
        + [f"VENV={venv}", f"RD={regiodocs}"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_files_written_go_to_stdout_warnings_and_errors_to_stderr(project: Path) -> None:
    """`make raadsvoorstel > lijst.txt` keeps the list of files written and the summary;
    warnings (here: a font the PDF does not have) and errors stay on the terminal."""
    regio = project / "content/utrecht-west/regio.yaml"
    text = regio.read_text(encoding="utf-8")
    regio.write_text(text.replace("lettertype: Arial", "lettertype: Frutiger", 1), encoding="utf-8")
    text = regio.read_text(encoding="utf-8")
    regio.write_text(
        text.replace("    sjabloon: huisstijl/de-ronde-venen.dotx\n", ""), encoding="utf-8"
    )
    result = _make_in(project, "raadsvoorstel", "GEMEENTE=woerden")
    assert result.returncode == 0, result.stderr
    written = sorted(
        p.relative_to(project).as_posix() for p in project.glob("build/woerden/*.docx")
    )
    assert len(written) == 2
    assert result.stdout.splitlines() == [
        *(f"gemaakt: {path}" for path in written),
        "2 documenten gemaakt, 0 ongewijzigd; 2 opnieuw opgemaakt met 2 pandoc-runs, "
        "0 uit de cache.",
    ]
    assert "waarschuwing" in result.stderr and "'Frutiger'" in result.stderr
    assert "waarschuwing" not in result.stdout and "gemaakt" not in result.stderr
    failed = _make_in(project, "raadsvoorstel", "GEMEENTE=woerdn")
    assert failed.returncode == 2 and failed.stdout == ""
    assert "bedoelde u 'woerden'?" in failed.stderr
