"""The manifest of build/: which files regiodocs wrote, their SHA-256, and a digest of the
inputs each build scope was made from.

Standard library only: the command line reads it before importing anything heavy, so a
build whose inputs did not change ends in milliseconds (``up_to_date``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

MANIFEST = ".regiodocs-manifest.json"
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parents[1]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(build_dir: Path) -> dict[str, Any] | None:
    """The manifest of ``build_dir``; None when there is none or it is unreadable (then
    regiodocs cannot tell hand edits apart and treats build/ as before manifests)."""
    try:
        raw = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("formaat") != FORMAT:
        return None
    if not isinstance(raw.get("bestanden"), dict) or not isinstance(raw.get("invoer"), dict):
        return None
    return raw


def scope_key(region: str, kinds: Iterable[str], gemeente: str | None) -> str:
    """The key of a build's scope as the user asked for it (region, kinds, municipality)."""
    return "|".join((region, ",".join(sorted(kinds)), gemeente or "*"))


def _files(folder: Path) -> list[Path]:
    """The regular files under ``folder`` (a FIFO, a device or a dangling link is left out:
    opening one could block; the build itself reports it)."""
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", ".git"))
        for name in sorted(names):
            path = Path(root, name)
            try:
                if stat.S_ISREG(os.stat(path).st_mode):
                    found.append(path)
            except OSError:
                continue
    return found


def inputs_digest(content_dir: Path, template_dir: Path, pandoc: str | None) -> str:
    """A digest over everything a build's output depends on: every file of the content and
    template folders, regiodocs's own code and data, the pandoc program (path, size, time)
    and SOURCE_DATE_EPOCH. Equal digests mean equal outputs (builds are deterministic)."""
    digest = hashlib.sha256()
    for label, folder in (("inhoud", content_dir), ("sjablonen", template_dir), ("code", _PACKAGE)):
        digest.update(f"{label}\0".encode())
        for path in _files(folder):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape"))
            try:
                data = path.read_bytes()
            except OSError:  # unreadable: the build reports it; here it only counts as changed
                data = b"\0onleesbaar"
            digest.update(b"\0" + hashlib.sha256(data).digest())
    if pandoc is not None:
        info = os.stat(pandoc)
        digest.update(f"pandoc\0{pandoc}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    for package in _WRITERS:  # an upgraded library may write other bytes
        digest.update(f"{package}\0{package_identity(package)}".encode())
    digest.update(f"epoch\0{os.environ.get('SOURCE_DATE_EPOCH', '')}".encode())
    return digest.hexdigest()


# The libraries whose version shapes the outputs (found without importing them).
_WRITERS = (
    "docx",
    "jinja2",
    "lxml",
    "markdown_it",
    "pydantic",
    "pydantic_core",
    "ruamel.yaml",
    "typst",
)


def package_identity(package: str) -> str:
    """Where a library is installed and when its files changed: an upgrade changes this."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return "ontbreekt"
    if spec is None or spec.origin is None:
        return "ontbreekt"
    folder = Path(spec.origin).parent
    try:
        return f"{spec.origin}\0{os.stat(spec.origin).st_mtime_ns}\0{os.stat(folder).st_mtime_ns}"
    except OSError:
        return spec.origin


def up_to_date(build_dir: Path, key: str, digest: str) -> list[Path] | None:
    """The outputs of scope ``key`` when build/ already holds exactly what a build from
    inputs with ``digest`` writes: the digest recorded for the scope matches and every file
    the scope wrote is on disk with the bytes recorded. None when a build must run."""
    manifest = read_manifest(build_dir)
    made = manifest["invoer"].get(key) if manifest else None
    if not isinstance(made, dict) or made.get("digest") != digest:
        return None
    assert manifest is not None
    outputs = []
    for name in made.get("bestanden", ()):
        entry = manifest["bestanden"].get(name)
        path = build_dir / name
        try:
            if entry is None or sha256(path.read_bytes()) != entry.get("sha256"):
                return None
        except OSError:
            return None
        outputs.append(path)
    if _leftovers(build_dir):
        return None  # a killed build's temporary files: a build removes them, under its lock
    return outputs


def _leftovers(build_dir: Path) -> bool:
    """Whether a killed build left a temporary file ('.name.xxxx.tmp') in build/."""
    for _root, dirs, names in os.walk(build_dir):
        dirs[:] = [d for d in dirs if d != ".cache"]
        if any(n.startswith(".") and n.endswith(".tmp") for n in names):
            return True
    return False


def locate_pandoc() -> str | None:
    """The pandoc bundled with pypandoc-binary (found without importing pypandoc), else the
    one on PATH (PATHEXT makes this find pandoc.exe on Windows); None when there is none."""
    spec = importlib.util.find_spec("pypandoc")
    name = "pandoc.exe" if os.name == "nt" else "pandoc"
    if spec and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / "files" / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    return shutil.which("pandoc")
