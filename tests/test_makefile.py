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
    venv = tmp_path / "venv"  # an up-to-date install marker, so make installs nothing
    venv.mkdir(exist_ok=True)
    (venv / ".installed").touch()
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
    assert "in orde" in result.stderr  # regiodocs' output reaches the terminal (via stderr)
    assert "***" not in result.stderr
