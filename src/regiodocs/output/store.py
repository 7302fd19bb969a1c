"""The build store: build/ owned by regiodocs, switched all at once, never overwriting a
file someone changed.

A manifest (``build/.regiodocs-manifest.json``) records every file the last builds wrote,
with its SHA-256, region, kind and municipality. A build:

1. compares each output with what is on disk and with the manifest: a file whose bytes no
   longer match what regiodocs wrote was changed by hand, and the build stops naming it;
2. stages every changed output as a temporary file beside its target (a full disk or a
   read-only folder fails here, and build/ is as it was);
3. switches the staged files into place with one rename each; if a rename fails part-way,
   the error names exactly which files were replaced;
4. removes outputs of the same scope (region, kinds, municipality) that this build no
   longer makes, e.g. the raadsvoorstel named after a meeting date that moved;
5. writes the manifest.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from regiodocs.output.manifest import FORMAT, MANIFEST, read_manifest, sha256
from regiodocs.output.write import BuildFailure, reason, write_bytes_atomic


class PartialSwitch(BuildFailure):
    """The switch into place failed after some files were already replaced."""

    def __init__(self, message: str, replaced: list[Path]) -> None:
        super().__init__(message)
        self.replaced = replaced


@dataclass(frozen=True)
class Output:
    path: PurePosixPath  # relative to build/
    data: bytes
    kind: str
    gemeente: str | None


@dataclass(frozen=True)
class Scope:
    """What a build is responsible for: outputs of this region, these kinds, and (when set)
    this one municipality. Stale files are looked for only inside the scope. ``key`` names
    the scope as the user asked for it, with the digest of the inputs it was made from."""

    region: str
    kinds: tuple[str, ...]
    gemeente: str | None = None
    key: str | None = None
    inputs_digest: str | None = None

    def covers(self, entry: dict[str, Any]) -> bool:
        return (
            entry.get("regio") == self.region
            and entry.get("soort") in self.kinds
            and (self.gemeente is None or entry.get("gemeente") == self.gemeente)
        )


@dataclass
class Switched:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def _file_hash(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return None
    except NotADirectoryError:  # a file where build/ has a folder, e.g. build/woerden
        blocker = next((p for p in path.parents if p.is_file()), path.parent)
        raise BuildFailure(
            f"{blocker} is een bestand, geen map; verwijder of hernoem het"
        ) from None
    except OSError as exc:
        raise BuildFailure(f"kan {path} niet lezen: {reason(exc)}") from None


def switch(build_dir: Path, outputs: Iterable[Output], scope: Scope) -> Switched:
    """Put ``outputs`` into build/ all at once (see the module text). Call with the build
    lock held."""
    outputs = list(outputs)
    manifest = read_manifest(build_dir)
    known: dict[str, dict[str, Any]] = dict(manifest["bestanden"]) if manifest else {}
    result = Switched()
    to_write: list[tuple[Path, Output]] = []
    previous: dict[str, str | None] = {}  # the hash of what each written file replaces
    conflicts: list[str] = []
    for out in outputs:
        target = build_dir / out.path
        current = _file_hash(target)
        previous[out.path.as_posix()] = current
        new = sha256(out.data)
        if current == new:
            result.unchanged.append(target)
            continue
        if current is not None and manifest is not None:
            problem = _hand_change(out.path.as_posix(), current, known)
            if problem:
                conflicts.append(f"{target} {problem}")
        to_write.append((target, out))
    produced = {out.path.as_posix() for out in outputs}
    stale = [
        name
        for name, entry in sorted(known.items())
        if name not in produced and scope.covers(entry)
    ]
    for name in stale:
        current = _file_hash(build_dir / name)
        if current is not None and not _ours(known[name], current):
            conflicts.append(f"{build_dir / name} {_CHANGED} (en wordt niet meer gemaakt)")
    if conflicts:
        raise BuildFailure(
            "regiodocs overschrijft geen bestand dat na de vorige build is veranderd:\n  "
            + "\n  ".join(conflicts)
            + "\nZet uw versie ergens anders neer (of verwijder het bestand) en bouw opnieuw"
        )

    staged = _stage(to_write)
    try:
        # Before anything is replaced, the manifest accepts both versions of each file, so
        # whatever happens next no file of ours is taken for a hand edit.
        _record(build_dir, known, [o for _t, o in to_write], [], scope, before=previous)
    except BuildFailure:
        _discard(staged)
        raise
    replaced: list[Path] = []
    try:
        for (target, _out), tmp in zip(to_write, staged, strict=True):
            os.replace(tmp, target)
            replaced.append(target)
    except OSError as exc:
        _discard(staged[len(replaced) :])
        done = [o for t, o in to_write if t in replaced]
        with contextlib.suppress(BuildFailure):
            _record(build_dir, known, done, [], scope)
        names = ", ".join(str(p) for p in replaced) or "geen"
        raise PartialSwitch(
            f"vervangen van {to_write[len(replaced)][0]} mislukt: {reason(exc)}. "
            f"Al vervangen door de nieuwe versie ({len(replaced)} van {len(to_write)}): {names}. "
            "De andere bestanden zijn de vorige versie; bouw opnieuw als het probleem is opgelost",
            replaced,
        ) from None
    result.written = replaced
    kept: list[str] = []
    for name in stale:
        path = build_dir / name
        try:
            path.unlink()
            result.removed.append(path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            kept.append(f"{path} verwijderen (wordt niet meer gemaakt; {reason(exc)})")
    gone = [n for n in stale if not (build_dir / n).exists()]
    try:
        _record(build_dir, known, outputs, gone, scope, complete=not kept)
    except BuildFailure as exc:
        kept.append(f"het manifest ({exc})")
    if kept:
        # Name every change: the new files, and the old ones that did go.
        state = (
            f"alle {len(to_write)} nieuwe bestanden staan op hun plaats"
            if to_write
            else "er waren geen nieuwe bestanden"
        )
        removed = ", ".join(str(p) for p in result.removed)
        raise PartialSwitch(
            f"{state}, maar dit kon niet: "
            + "; ".join(kept)
            + (f". Wel verwijderd ({len(result.removed)}): {removed}" if removed else ""),
            replaced,
        )
    return result


_CHANGED = "is met de hand gewijzigd sinds regiodocs het schreef"


def _hand_change(name: str, current: str, known: dict[str, dict[str, Any]]) -> str | None:
    entry = known.get(name)
    if entry is None:
        return "is niet door regiodocs gemaakt (het staat niet in het manifest)"
    if not _ours(entry, current):
        return _CHANGED
    return None


def _ours(entry: dict[str, Any], current: str) -> bool:
    """Whether a file with hash ``current`` is a version regiodocs wrote."""
    return current in (entry.get("sha256"), entry.get("eerder"))


def _discard(staged: list[str]) -> None:
    for tmp in staged:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


# Staged files open at once: their fsyncs overlap, and the count stays far below the limit
# on open files (256 by default on macOS).
_STAGE_BATCH = 64


def _stage(to_write: list[tuple[Path, Output]]) -> list[str]:
    """Every new version as a temporary file beside its target, on disk; all or none."""
    staged: list[str] = []
    mode = 0o666 & ~_umask()
    target = to_write[0][0] if to_write else Path()
    try:
        for first in range(0, len(to_write), _STAGE_BATCH):
            opened: list[tuple[int, Path]] = []
            try:
                for target, out in to_write[first : first + _STAGE_BATCH]:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    fd, tmp = tempfile.mkstemp(
                        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
                    )
                    staged.append(tmp)
                    opened.append((fd, target))
                    os.chmod(tmp, mode)
                    view = memoryview(out.data)
                    while view:
                        view = view[os.write(fd, view) :]
                # fsync waits for the disk; side by side the waits overlap (fewer commits).
                with ThreadPoolExecutor(max_workers=8) as pool:
                    failures = [f for f in pool.map(_sync, opened) if f is not None]
                if failures:
                    target, exc = failures[0]
                    raise exc
            finally:  # closed before anything is removed (Windows cannot remove open files)
                for fd, _target in opened:
                    with contextlib.suppress(OSError):
                        os.close(fd)
    except OSError as exc:
        _discard(staged)
        raise BuildFailure(f"kan niet schrijven in {target.parent}: {reason(exc)}") from None
    return staged


def _sync(handle: tuple[int, Path]) -> tuple[Path, OSError] | None:
    """Force one staged file to disk; the failure, with its target, instead of raising."""
    fd, target = handle
    try:
        os.fsync(fd)
    except OSError as exc:
        return target, exc
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _record(
    build_dir: Path,
    known: dict[str, dict[str, Any]],
    written: Iterable[Output],
    removed: list[str],
    scope: Scope,
    *,
    complete: bool = False,
    before: dict[str, str | None] | None = None,
) -> None:
    """Write the manifest: what is on disk now, as far as regiodocs put it there, and (after
    a complete switch) the digest of the inputs the scope was made from."""
    manifest = read_manifest(build_dir) or {"formaat": FORMAT, "bestanden": {}, "invoer": {}}
    files = dict(known)
    for name in removed:
        files.pop(name, None)
    for out in written:
        name = out.path.as_posix()
        files[name] = {
            "sha256": sha256(out.data),
            "regio": scope.region,
            "soort": out.kind,
            "gemeente": out.gemeente,
        }
        if before is not None and before.get(name):
            files[name]["eerder"] = before[name]
    manifest["bestanden"] = dict(sorted(files.items()))
    invoer = dict(manifest["invoer"])
    if scope.key is not None:
        if complete and scope.inputs_digest is not None:
            names = sorted(out.path.as_posix() for out in written)
            invoer[scope.key] = {"digest": scope.inputs_digest, "bestanden": names}
        else:
            invoer.pop(scope.key, None)
    manifest["invoer"] = dict(sorted(invoer.items()))
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    write_bytes_atomic(build_dir / MANIFEST, text.encode("utf-8"))
