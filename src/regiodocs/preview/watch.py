"""Noticing a save: Linux inotify through the standard library (ctypes), else polling.

inotify tells the moment a file written is closed (or an editor's new file is moved into
place), so a save is seen without delay and without reading the folders every few
milliseconds. Where inotify is not there (macOS, Windows, a container without it) the
preview polls size and modification time as before.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

_IN_MODIFY = 0x00000002
_IN_CLOSE_WRITE = 0x00000008
_IN_MOVED_FROM = 0x00000040
_IN_MOVED_TO = 0x00000080
_IN_CREATE = 0x00000100
_IN_DELETE = 0x00000200
_IN_DELETE_SELF = 0x00000400
_IN_Q_OVERFLOW = 0x00004000
_IN_ISDIR = 0x40000000
_IN_NONBLOCK = 0o4000
_IN_CLOEXEC = 0o2000000
# A save is complete when the file is closed after writing or moved into place; a file
# removed or renamed away changes the content too. IN_MODIFY alone (mid-write) is not a save.
_MASK = _IN_CLOSE_WRITE | _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE | _IN_DELETE | _IN_DELETE_SELF
_EVENT = struct.Struct("iIII")


def editor_file(name: str) -> bool:
    """Lock, swap and backup files of editors: not content."""
    return name.startswith((".#", "~")) or name.endswith(("~", ".swp", ".tmp"))


class Inotify:
    """inotify watches on folders and every folder below them."""

    _libc: ctypes.CDLL
    fd: int

    def __init__(self, roots: list[Path]) -> None:
        libc_name = ctypes.util.find_library("c")
        if not sys.platform.startswith("linux") or libc_name is None:
            raise OSError("inotify is er alleen op Linux")
        self._libc = ctypes.CDLL(libc_name, use_errno=True)
        fd = self._libc.inotify_init1(_IN_NONBLOCK | _IN_CLOEXEC)
        if fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        self.fd = fd
        self._folders: dict[int, Path] = {}
        try:
            for root in roots:
                self._add_tree(root)
        except OSError:
            self.close()
            raise

    def _add_tree(self, root: Path) -> None:
        for folder, _dirs, _files in os.walk(root):
            self._add(Path(folder))

    def _add(self, folder: Path) -> None:
        wd = self._libc.inotify_add_watch(self.fd, os.fsencode(folder), _MASK)
        if wd < 0:
            raise OSError(ctypes.get_errno(), f"inotify_add_watch {folder}")
        self._folders[wd] = folder

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def wait(self, timeout: float) -> set[Path] | None:
        """The paths changed by the next save (after waiting at most ``timeout`` seconds for
        one); an empty set when nothing happened; None when events were lost (the caller
        then treats everything as changed)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return set()
        changed: set[Path] = set()
        lost = False
        for wd, mask, name in self._read():
            if mask & _IN_Q_OVERFLOW:
                lost = True
                continue
            folder = self._folders.get(wd)
            if folder is None:
                continue
            path = folder / name if name else folder
            if mask & _IN_ISDIR:
                if mask & (_IN_CREATE | _IN_MOVED_TO):
                    with contextlib.suppress(OSError):
                        self._add_tree(path)  # a new folder: watch it (and what is in it)
                changed.add(path)
            elif mask & _IN_CREATE and not mask & _IN_CLOSE_WRITE:
                continue  # a new file: its content counts when it is closed
            elif not editor_file(name):
                changed.add(path)
        return None if lost else changed

    def _read(self) -> Iterator[tuple[int, int, str]]:
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            offset = 0
            while offset + _EVENT.size <= len(data):
                wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
                offset += _EVENT.size
                raw = data[offset : offset + length].split(b"\0", 1)[0]
                offset += length
                yield wd, mask, os.fsdecode(raw)
