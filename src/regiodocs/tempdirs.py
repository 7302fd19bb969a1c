"""Temporary folders that a killed run does not leave behind for good.

Every temporary folder regiodocs makes is named ``regiodocs-tmp-<pid>-<random>``: the
process that owns it is in its name. A run that ends normally removes its own folders; a
run that is killed (SIGKILL, a power cut) cannot, so every run first removes the folders
of processes that no longer exist (``remove_stale``), in the system temp folder and in
build/. A folder whose process still runs is left alone, however old it is.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

PREFIX = "regiodocs-tmp-"
_NAME = re.compile(re.escape(PREFIX) + r"(\d+)-")


def make_temp_dir(parent: Path | None = None) -> Path:
    """A new private folder named after this process (in ``parent``, else the system temp)."""
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=parent))


@contextlib.contextmanager
def temp_dir(parent: Path | None = None) -> Iterator[Path]:
    """``make_temp_dir``, removed with everything in it when the block ends."""
    folder = make_temp_dir(parent)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale(*folders: Path | None) -> list[Path]:
    """Remove the temporary folders of processes that are gone, in each of ``folders``
    (None: the system temp folder). Returns what was removed. Folders of a live process,
    of another user, symlinks and anything that cannot be read are left alone."""
    removed: list[Path] = []
    for folder in folders:
        where = Path(tempfile.gettempdir()) if folder is None else folder
        try:
            entries = list(os.scandir(where))
        except OSError:
            continue
        for entry in entries:
            match = _NAME.match(entry.name)
            if match is None or _alive(int(match.group(1))):
                continue
            try:
                if not entry.is_dir(follow_symlinks=False) or not _owned(entry):
                    continue
            except OSError:
                continue
            shutil.rmtree(entry.path, ignore_errors=True)
            if not os.path.lexists(entry.path):
                removed.append(Path(entry.path))
    return removed


def _owned(entry: os.DirEntry[str]) -> bool:
    if sys.platform == "win32":
        return True  # the user's own temp folder
    return entry.stat(follow_symlinks=False).st_uid == os.getuid()


def _alive(pid: int) -> bool:
    """Whether a process with this id exists (when unsure: yes, so nothing is removed)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # ERROR_ACCESS_DENIED: it exists
        code = ctypes.c_ulong()
        running = kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value == 259
        kernel32.CloseHandle(handle)
        return bool(running)  # 259: STILL_ACTIVE
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OverflowError:
        return False  # beyond any process id of this system
    except PermissionError:
        return True  # another user's process
    return True
