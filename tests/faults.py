"""Faults the bad-input harness (test_bad_input.py) can inject: a case.yaml declares them
under ``fout`` (one mapping or a list). The vocabulary:

``{soort: alleen-lezen, pad: build/woerden}``
    The folder is read-only, as after ``chmod 555`` for a normal user: creating, renaming,
    removing or making a folder in it fails with EACCES. The folder is chmod 555 for real
    too; tests run as root here, which ignores modes, so the refusal is also simulated at
    the calls regiodocs writes with (tempfile.mkstemp, os.replace, os.unlink, os.mkdir).
``{soort: schijf-vol, na: N}``
    The disk fills up after N files were created under build/: every further file or folder
    created there fails with ENOSPC (the store's staged files, the manifest, the cache).
``{soort: vervangen-mislukt, na: N, reden: alleen-lezen|schijf-vol}``
    The rename of the (N+1)th output into its place in build/ fails (EROFS or ENOSPC), after
    N were renamed: the switch stops part-way. The manifest and the cache are not counted.
``{soort: cache-bederven, document: woerden/....docx, hoe: bit|leeg|ander|map|weg}``
    The entry in build/.cache that holds this output (found by its bytes: .docx entries in
    .cache/, .pdf in .cache/pdf/, .html in .cache/html/) is damaged: one byte flipped, made
    empty, replaced by another (valid) entry of the same folder, replaced by a folder, or
    removed (so that the document is converted again).
    After a run that exits 0 the harness checks the entry holds the output's bytes again.
``{soort: cache-bederven, gedeeld: sjablonen, hoe: ...}``
    The same for the first entry (by name) of a shared cache folder (.cache/sjablonen: the
    compiled templates every document of a kind uses) that the case's ``vooraf`` commands
    made. (Template entries are keyed by the template's path, so those of the shipped build
    copied into the project are never used: a case fills the cache first with ``vooraf``.)
    With ``alle: true`` every entry of the folder is damaged (.cache/referenties: the
    reference document of each house style; .cache/pandoc: pandoc's own output; both read
    only when a document is converted, e.g. after its .docx entry is ``weg``).
``{soort: pandoc, gedrag: hangt|onzin|leeg|faalt|referentie-onzin|referentie-faalt|referentie-hangt|ontbreekt}``
    The build gets a fake pandoc: one that never answers (killed when the build's timeout
    fires; the case sets ``pandoc_seconds`` to keep it short), one that writes garbage where
    a .docx belongs or reports a document done without writing it, one that fails with a
    message, one whose default reference document is garbage, fails or never comes, or none
    at all.
``{soort: onleesbaar, pad: content/utrecht-west/raadsvoorstellen}``
    The file or folder cannot be read, as after ``chmod 000`` for a normal user: opening or
    listing it fails with EACCES, and so does everything below it; its own status can still
    be read. Really chmod 000 too, and simulated as above.
``{soort: niet-doorzoekbaar, pad: content/utrecht-west}``
    The folder can be listed but not entered (``chmod 644``): the status of everything in it
    cannot be read (EACCES).
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# The entries of each cache folder, by the suffix of the output they hold.
CACHE_FOLDERS = {".docx": ".cache", ".pdf": ".cache/pdf", ".html": ".cache/html"}


def faults_of(case: dict[str, Any]) -> list[dict[str, Any]]:
    declared = case.get("fout") or []
    return [declared] if isinstance(declared, dict) else list(declared)


def _error(code: int, path: object) -> OSError:
    return OSError(code, os.strerror(code), str(path))


def _inside(path: object, folder: Path) -> bool:
    return Path(os.path.abspath(os.fspath(path))).is_relative_to(folder)  # type: ignore[arg-type]


def _within(path: object, folder: Path) -> bool:
    """Whether ``path`` is in ``folder`` or below it (not the folder itself)."""
    absolute = Path(os.path.abspath(os.fspath(path)))  # type: ignore[arg-type]
    return absolute != folder and absolute.is_relative_to(folder)


def _is_output(path: object, build: Path) -> bool:
    """A document in build/ (not the manifest, the lock or anything in .cache)."""
    absolute = Path(os.path.abspath(os.fspath(path)))  # type: ignore[arg-type]
    if not absolute.is_relative_to(build):
        return False
    return not any(part.startswith(".") for part in absolute.relative_to(build).parts)


class Injector:
    """Applies a case's faults to a project copy; ``active`` wraps the run."""

    def __init__(self, case: dict[str, Any], project: Path, monkeypatch: pytest.MonkeyPatch):
        self.faults = faults_of(case)
        self.case = case
        self.project = project
        self.monkeypatch = monkeypatch
        self.modes: list[tuple[Path, int]] = []  # folders and files chmod-ed, to restore
        # The damaged cache entries, with the output they hold.
        self.damaged: list[tuple[list[Path], Path | None]] = []

    # -- before the run -------------------------------------------------------------------

    def prepare(self, run: Callable[[list[str]], tuple[int, str]]) -> None:
        """What happens before the run: the case's ``vooraf`` commands (e.g. a build that
        fills this project's cache), then the damaged cache entries."""
        self.shared_before = {p.name for p in (self.project / "build").glob(".cache/*/*.entry")}
        for command in self.case.get("vooraf") or []:
            code, output = run(command)
            assert code == 0, output
        for fault in self.faults:
            if fault["soort"] == "cache-bederven":
                self._damage_cache(fault)

    def _damage_cache(self, fault: dict[str, Any]) -> None:
        build = self.project / "build"
        output: Path | None = None
        if "document" in fault:
            output = build / fault["document"]
            folder = build / CACHE_FOLDERS[output.suffix]
            data = output.read_bytes()
            matches = [p for p in sorted(folder.glob("*.entry")) if _payload(p) == data]
            assert len(matches) == 1, f"{len(matches)} cache entries hold {fault['document']}"
            entries = matches
        else:  # the first of the entries the `vooraf` commands made, else the first; or all
            folder = build / ".cache" / fault["gedeeld"]
            entries = sorted(folder.glob("*.entry"))
            fresh = [p for p in entries if p.name not in self.shared_before]
            if not fault.get("alle"):
                entries = (fresh or entries)[:1]
        for entry in entries:
            _damage(entry, fault["hoe"], folder)
        self.damaged.append((entries, output))

    # -- during the run -------------------------------------------------------------------

    @contextmanager
    def active(self) -> Iterator[None]:
        try:
            for fault in self.faults:
                kind = fault["soort"]
                if kind == "alleen-lezen":
                    self._read_only(self.project / fault["pad"])
                elif kind == "schijf-vol":
                    self._disk_full(int(fault["na"]))
                elif kind == "vervangen-mislukt":
                    self._rename_fails(int(fault["na"]), fault.get("reden", "alleen-lezen"))
                elif kind == "pandoc":
                    self._pandoc(fault["gedrag"])
                elif kind == "onleesbaar":
                    self._unreadable(self.project / fault["pad"])
                elif kind == "niet-doorzoekbaar":
                    self._unsearchable(self.project / fault["pad"])
                elif kind != "cache-bederven":
                    raise AssertionError(f"unknown fault {kind!r}")
            yield
        finally:
            for path, mode in reversed(self.modes):
                path.chmod(mode)

    def _chmod(self, path: Path, mode: int) -> None:
        self.modes.append((path, stat.S_IMODE(path.lstat().st_mode)))
        path.chmod(mode)

    def _wrap(self, owner: Any, name: str, refuse: Callable[..., OSError | None]) -> None:
        """Replace ``owner.name`` by a version that raises what ``refuse(*args)`` returns."""
        real = getattr(owner, name)

        def fake(*args: Any, **kwargs: Any) -> Any:
            problem = refuse(*args, **kwargs)
            if problem is not None:
                raise problem
            return real(*args, **kwargs)

        self.monkeypatch.setattr(owner, name, fake)

    def _read_only(self, folder: Path) -> None:
        self._chmod(folder, 0o555)
        folder = folder.resolve()

        def in_folder(path: object) -> OSError | None:
            parent = Path(os.path.abspath(os.fspath(path))).parent  # type: ignore[arg-type]
            return _error(errno.EACCES, path) if parent == folder else None

        def created(*args: Any, **kwargs: Any) -> OSError | None:
            where = kwargs.get("dir", args[2] if len(args) > 2 else None)
            if where is not None and Path(os.path.abspath(where)) == folder:
                return _error(errno.EACCES, where)
            return None

        self._wrap(tempfile, "mkstemp", created)
        self._wrap(os, "replace", lambda src, dst, *a, **k: in_folder(src) or in_folder(dst))
        self._wrap(os, "unlink", lambda path, *a, **k: in_folder(path))
        self._wrap(os, "mkdir", lambda path, *a, **k: in_folder(path))

    def _disk_full(self, after: int) -> None:
        build = (self.project / "build").resolve()
        created = {"n": 0}

        def full(*args: Any, **kwargs: Any) -> OSError | None:
            where = kwargs.get("dir", args[2] if len(args) > 2 else None)
            if where is None or not _inside(where, build):
                return None
            created["n"] += 1
            return _error(errno.ENOSPC, where) if created["n"] > after else None

        def folder(path: object, *args: Any, **kwargs: Any) -> OSError | None:
            if created["n"] >= after and _within(path, build):
                return _error(errno.ENOSPC, path)
            return None

        self._wrap(tempfile, "mkstemp", full)
        self._wrap(os, "mkdir", folder)

    def _rename_fails(self, after: int, why: str) -> None:
        build = (self.project / "build").resolve()
        code = {"alleen-lezen": errno.EROFS, "schijf-vol": errno.ENOSPC}[why]
        renamed = {"n": 0}

        def rename(src: object, dst: object, *args: Any, **kwargs: Any) -> OSError | None:
            if not _is_output(dst, build):
                return None
            if renamed["n"] >= after:
                return _error(code, dst)
            renamed["n"] += 1
            return None

        self._wrap(os, "replace", rename)

    def _pandoc(self, behaviour: str) -> None:
        from regiodocs.output import convert, write

        if behaviour == "ontbreekt":
            self.monkeypatch.setattr(write, "locate_pandoc", lambda: None)
            return
        real = write.find_pandoc()
        default = f'if [ "$1" = "--print-default-data-file" ]; then exec {real} "$@"; fi\n'
        # The batch list (pandoc lua SCRIPT LIST): markdown, reference and output per line.
        each = 'while IFS="$(printf "\\t")" read -r md ref out; do {} done < "$3"'
        # As batch.lua does, announce the first document on stderr before failing or hanging.
        first = 'IFS="$(printf "\\t")" read -r md ref out < "$3"; echo "regiodocs: $md" >&2\n'
        bodies = {
            "hangt": default + first + "sleep 60",
            "onzin": default + each.format('echo onzin > "$out"; echo "$out";'),
            "leeg": default + each.format('echo "$out";'),
            "faalt": default + first + 'echo "pandoc: kapot" >&2\nexit 3',
            "referentie-onzin": 'if [ "$1" = "--print-default-data-file" ]; then '
            "echo onzin; exit 0; fi\n"
            f'exec {real} "$@"',
            "referentie-faalt": 'if [ "$1" = "--print-default-data-file" ]; then '
            'echo "pandoc: reference.docx niet gevonden" >&2; exit 1; fi\n'
            f'exec {real} "$@"',
            "referentie-hangt": 'if [ "$1" = "--print-default-data-file" ]; then '
            "exec sleep 60; fi\n"
            f'exec {real} "$@"',
        }
        fake = self.project / "nep-pandoc"
        fake.write_text("#!/bin/sh\n" + bodies[behaviour] + "\n", encoding="utf-8")
        fake.chmod(0o755)
        self.monkeypatch.setattr(convert, "find_pandoc", lambda: str(fake))
        if "pandoc_seconds" in self.case:
            seconds = float(self.case["pandoc_seconds"])
            self.monkeypatch.setattr(write, "PANDOC_TIMEOUT_PER_DOCUMENT", seconds)

    def _unreadable(self, target: Path) -> None:
        self._chmod(target, 0)
        target = target.resolve()

        def opened(path: object, *args: Any, **kwargs: Any) -> OSError | None:
            if isinstance(path, int):  # a file descriptor
                return None
            if _inside(path, target):
                return PermissionError(errno.EACCES, "Permission denied", str(path))
            return None

        def status(path: object, *args: Any, **kwargs: Any) -> OSError | None:
            if not isinstance(path, int) and _within(path, target):
                return PermissionError(errno.EACCES, "Permission denied", str(path))
            return None

        for name in ("open", "listdir", "scandir"):
            self._wrap(os, name, opened)
        self._wrap(os, "stat", status)
        self._wrap(builtins, "open", opened)  # Path.read_bytes and friends
        self._wrap(io, "open", opened)

    def _unsearchable(self, folder: Path) -> None:
        self._chmod(folder, 0o644)
        folder = folder.resolve()

        def below(path: object, *args: Any, **kwargs: Any) -> OSError | None:
            if not isinstance(path, int) and _within(path, folder):
                return PermissionError(errno.EACCES, "Permission denied", str(path))
            return None

        for name in ("open", "stat", "listdir", "scandir"):
            self._wrap(os, name, below)
        self._wrap(builtins, "open", below)
        self._wrap(io, "open", below)

    # -- after the run --------------------------------------------------------------------

    def check_repaired(self) -> None:
        """A damaged cache entry was replaced by a good one (its own hash holds), and an
        output's entry holds that output's bytes again. Of all entries of a shared folder
        (``alle``) at least one was used, and so made again; the others stay as they were
        until a build needs them."""
        from regiodocs.output.cache import Cache

        for entries, output in self.damaged:
            good = []
            for entry in entries:
                notices: list[str] = []
                key = entry.name.removesuffix(".entry")
                data = Cache(entry.parent).get(key, entry.name, notices, lambda data: True)
                if data is not None and not notices:
                    good.append(entry)
                    if output is not None:
                        assert data == output.read_bytes(), f"{entry.name} is not {output.name}"
            assert good, f"{entries[0].name} is still damaged or missing"
            assert len(entries) > 1 or good == entries


def _damage(entry: Path, how: str, folder: Path) -> None:
    stored = entry.read_bytes()
    if how == "bit":
        damaged = bytearray(stored)
        damaged[-100] ^= 0xFF
        entry.write_bytes(bytes(damaged))
    elif how == "leeg":
        entry.write_bytes(b"")
    elif how == "ander":
        other = next(p for p in sorted(folder.glob("*.entry")) if p != entry)
        entry.write_bytes(other.read_bytes())
    elif how == "map":
        entry.unlink()
        entry.mkdir()
        (entry / "iets").write_bytes(stored)
    elif how == "weg":
        entry.unlink()
    else:
        raise AssertionError(f"unknown cache damage {how!r}")


def _payload(entry: Path) -> bytes:
    """The stored bytes of a cache entry (after its first line, the entry's own hash)."""
    return entry.read_bytes().partition(b"\n")[2]
