"""Temporary folders of a killed run are removed by the next run; a live run's stay."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from conftest import ROOT

from regiodocs.build import build
from regiodocs.tempdirs import PREFIX, make_temp_dir, remove_stale, temp_dir


@pytest.fixture
def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def live_pid() -> Iterator[int]:
    """The id of a process that runs for the whole test."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    yield process.pid
    process.kill()
    process.wait()


def _left_behind(folder: Path, pid: int) -> Path:
    """A folder as a run with ``pid`` makes it, with a file in a subfolder."""
    made = folder / f"{PREFIX}{pid}-k1ll3d"
    (made / "batch").mkdir(parents=True)
    (made / "batch" / "out-0.docx").write_bytes(b"half")
    return made


def test_names_carry_the_process_and_go_away(tmp_path: Path) -> None:
    made = make_temp_dir(tmp_path)
    assert made.parent == tmp_path
    assert made.name.startswith(f"{PREFIX}{os.getpid()}-")
    with temp_dir(tmp_path) as inside:
        assert inside.is_dir() and inside.name.startswith(f"{PREFIX}{os.getpid()}-")
        (inside / "x").write_text("x")
    assert not inside.exists()


def test_only_folders_of_ended_processes_are_removed(
    tmp_path: Path, dead_pid: int, live_pid: int
) -> None:
    dead = _left_behind(tmp_path, dead_pid)
    live = _left_behind(tmp_path, live_pid)
    own = make_temp_dir(tmp_path)
    unrelated = tmp_path / f"regiodocs-{dead_pid}-other"  # not our naming: not ours to remove
    unrelated.mkdir()
    a_file = tmp_path / f"{PREFIX}{dead_pid}-file"  # only folders are ours
    a_file.write_text("x")
    link = tmp_path / f"{PREFIX}{dead_pid}-link"  # a symlink is never followed
    target = tmp_path / "target"
    target.mkdir()
    (target / "keep").write_text("x")
    link.symlink_to(target)

    assert remove_stale(tmp_path) == [dead]

    assert not dead.exists()
    assert live.is_dir() and own.is_dir() and unrelated.is_dir() and a_file.is_file()
    assert link.is_symlink() and (target / "keep").is_file()
    assert remove_stale(tmp_path / "missing") == []  # a folder that is not there: nothing


def test_a_build_removes_what_a_killed_build_left(
    tmp_path: Path, dead_pid: int, live_pid: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the system temp folder and in build/; a live process's folders stay."""
    system_temp = tmp_path / "tmp"
    system_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(system_temp))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    out = tmp_path / "build"
    out.mkdir()
    stale = [_left_behind(system_temp, dead_pid), _left_behind(out, dead_pid)]
    kept = [_left_behind(system_temp, live_pid), _left_behind(out, live_pid)]

    build(ROOT / "content", ROOT / "templates", out, "utrecht-west", ("regeling",), workers=1)

    assert [p for p in stale if p.exists()] == []
    assert all(p.is_dir() for p in kept)
    assert (out / "regio/utrecht-west-regeling.docx").is_file()
    # The build's own folder is gone too: only the live process's folder is left.
    assert sorted(p.name for p in system_temp.iterdir()) == [kept[0].name]


def test_a_build_with_nothing_to_do_removes_them_too(
    project: Path,
    run: Callable[..., Result],
    dead_pid: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The up-to-date answer (from the manifest, before any content is read) cleans up."""
    system_temp = tmp_path / "tmp"
    system_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(system_temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    assert run("build", "regeling").exit_code == 0
    stale = [_left_behind(system_temp, dead_pid), _left_behind(project / "build", dead_pid)]

    result = run("build", "regeling")

    assert result.exit_code == 0, result.output
    assert "0 documenten gemaakt" in result.output  # the up-to-date path
    assert [p for p in stale if p.exists()] == []


def _descendants(pid: int) -> list[int]:
    """Child processes (and theirs) of ``pid``, from /proc."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found += [child, *_descendants(child)]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc (Linux)")
def test_sigkill_mid_conversion_then_the_next_build_cleans_up(
    project: Path, tmp_path: Path
) -> None:
    """A real build killed while pandoc converts leaves its folder; the next build removes
    it and completes."""
    system_temp = tmp_path / "tmp"
    system_temp.mkdir()
    env = {**os.environ, "TMPDIR": str(system_temp), "PYTHONHASHSEED": "0"}
    command = [
        *(sys.executable, "-m", "regiodocs", "build", "all", "--regio", "utrecht-west"),
        *("--content", str(project / "content"), "--templates", str(project / "templates")),
        *("--build", str(project / "build"), "-j", "1"),
    ]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    ours = f"{PREFIX}{process.pid}-"
    limit = time.monotonic() + 120
    converting: list[Path] = []
    while not converting and process.poll() is None and time.monotonic() < limit:
        # A batch folder inside the build's temp folder: pandoc is running.
        converting = [p for p in system_temp.glob(f"{ours}*/*") if p.is_dir()]
        time.sleep(0.01)
    assert converting, "the build ended or took too long before pandoc started"
    process.send_signal(signal.SIGSTOP)  # frozen: it starts no further pandoc
    for child in _descendants(process.pid):  # pandoc too, as a power cut would
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
    process.send_signal(signal.SIGKILL)
    process.wait()
    left = list(system_temp.glob(f"{ours}*"))
    assert left, "the killed build left no temporary folder (nothing to test)"

    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)

    assert again.returncode == 0, again.stderr
    assert [p for p in left if p.exists()] == []
    assert sorted(p.name for p in system_temp.iterdir()) == []
    assert (project / "build/regio/utrecht-west-regiovisie.docx").is_file()
