"""The conversion cache in build/.cache: finished .docx files by a key over everything that
shapes them, each entry verified by its own hash when read, and bounded in size.

The key covers the Markdown, the metadata and house style, SOURCE_DATE_EPOCH, the
regiodocs version, the code that writes Word (including the pandoc batch script) and the
pandoc executable itself, so an upgraded pandoc or an edited batch.lua never serves an old
document. An entry that is damaged (its hash does not match, or it is no .docx) is removed
and rebuilt, with a notice; it is never written into build/.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import sys
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import jinja2

from regiodocs import __version__
from regiodocs.documents.views.common import DocMeta
from regiodocs.output.manifest import package_identity

# Entries not used by the last build that are kept (most recently used first).
KEEP_UNUSED = 200
_SUFFIX = ".entry"
_WRITER_CODE = (
    "write.py",
    "convert.py",
    "cache.py",
    "docx_xml.py",
    "house_style.py",
    "template.py",
    "data/batch.lua",
)


# The libraries that write Word after pandoc: an upgrade may write other bytes.
_WRITER_LIBRARIES = ("docx", "lxml")


@cache
def writer_fingerprint(output: Path = Path(__file__).parent) -> str:
    """Hash of the code that turns Markdown into .docx (the files of ``output`` that write
    Word, with the pandoc batch script, and the installed python-docx and lxml): a change
    there invalidates the cache."""
    h = hashlib.sha256()
    for name in _WRITER_CODE:
        h.update(name.encode("utf-8") + b"\0")
        h.update((output / name).read_bytes())
    for package in _WRITER_LIBRARIES:
        h.update(f"{package}\0{package_identity(package)}\0".encode())
    return h.hexdigest()


def pandoc_identity(pandoc: str) -> str:
    """The pandoc executable as the cache sees it: path, size and modification time.

    Reading pandoc's version would cost a process start on every build; an upgrade
    replaces the file, which changes its size or time.
    """
    try:
        stat = os.stat(pandoc)
    except OSError:
        return pandoc
    return f"{pandoc}\0{stat.st_size}\0{stat.st_mtime_ns}"


def conversion_key(pandoc: str, markdown: str, meta: DocMeta) -> str:
    h = hashlib.sha256()
    parts = (
        __version__,
        writer_fingerprint(),
        pandoc_identity(pandoc),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        repr(meta),
        markdown,
    )
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def reference_key(pandoc: str, style: object, template_digest: str | None) -> str:
    """The cache key of a house style's pandoc reference document: pandoc (its default
    reference is the starting point), the Word-writing code, the YAML huisstijl and the bytes
    of the municipality's own Word template (by digest)."""
    h = hashlib.sha256()
    for part in (
        "referentie",
        __version__,
        writer_fingerprint(),
        pandoc_identity(pandoc),
        repr(style),
        template_digest or "geen sjabloon",
    ):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def raw_key(markdown: str, reference: str) -> str:
    """The cache key of pandoc's own output for a document: its Markdown and the key of its
    reference document (which covers pandoc, the batch script and the Word-writing code)."""
    h = hashlib.sha256()
    for part in (
        "pandoc",
        __version__,
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        reference,
        markdown,
    ):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


class Cache:
    """Finished documents by conversion key, in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{_SUFFIX}"

    def get(
        self,
        key: str,
        name: str,
        notices: list[str],
        looks_right: Callable[[bytes], bool] | None = None,
    ) -> bytes | None:
        """The cached entry for ``key`` if present and intact (by default: a .docx); a
        damaged entry is removed."""
        path = self._path(key)
        try:
            stored = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:  # a folder or an unreadable file where the entry belongs
            if not os.path.lexists(path):  # e.g. .cache itself is a file: no entry at all
                return None
            stored = b""
        digest, _, data = stored.partition(b"\n")
        if _digest(key, data) == digest and (looks_right or self.valid)(data):
            with contextlib.suppress(OSError):
                os.utime(path)  # most recently used
            return data
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        with contextlib.suppress(OSError):
            path.unlink()
        kind = _KINDS.get(self.folder.name, "het Word-bestand is")
        notices.append(f"beschadigde cache voor {name} verwijderd; {kind} opnieuw gemaakt")
        return None

    def valid(self, data: bytes) -> bool:
        """Whether an entry's bytes are a document of this cache's kind (a .docx here)."""
        return _is_docx(data)

    def put(self, key: str, data: bytes) -> None:
        from regiodocs.output.write import write_bytes_atomic

        # Not forced to disk: an entry torn by a power cut fails its digest and is made anew.
        write_bytes_atomic(self._path(key), _digest(key, data) + b"\n" + data, durable=False)

    def keep_only(self, used: set[str]) -> None:
        """Remove entries of other formats and all but the newest KEEP_UNUSED unused ones."""
        if not self.folder.is_dir():
            return
        unused: list[tuple[float, Path]] = []
        for path in self.folder.iterdir():
            if not path.name.endswith(_SUFFIX):
                if path.is_file():
                    with contextlib.suppress(OSError):
                        path.unlink()
                continue
            if path.name.removesuffix(_SUFFIX) in used:
                continue
            with contextlib.suppress(OSError):
                unused.append((path.stat().st_mtime, path))
        unused.sort(reverse=True)
        for _, path in unused[KEEP_UNUSED:]:
            with contextlib.suppress(OSError):
                path.unlink()


# What an entry of each cache folder is, for the notice about a damaged one.
_KINDS = {
    "html": "de webpagina is",
    "md": "de Markdown is",
    "pdf": "de PDF is",
    "pandoc": "de pandoc-omzetting is",
    "referenties": "het referentiedocument is",
    "sjablonen": "het vertaalde sjabloon is",
}


def _digest(key: str, data: bytes) -> bytes:
    """The hash an entry carries: over its key and its bytes, so an entry copied or moved
    to another key is as damaged as a truncated one."""
    return hashlib.sha256(key.encode("ascii") + b"\0" + data).hexdigest().encode("ascii")


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return "word/document.xml" in package.namelist()
    except zipfile.BadZipFile:
        return False


class TemplateCode(jinja2.BytecodeCache):
    """Compiled templates in the cache folder: Jinja compiles a template only when its source,
    Jinja or Python changed. Entries are read during rendering but written only by the build
    after it switched its outputs (``pending``), so a failed build leaves build/ as it was."""

    def __init__(self, cache: Cache, notices: list[str]) -> None:
        self.cache = cache
        self.notices = notices
        self.pending: dict[str, bytes] = {}
        self.used: set[str] = set()

    def _key(self, bucket: jinja2.bccache.Bucket) -> str:
        parts = ("sjabloon", __version__, jinja2.__version__, sys.version, bucket.key)
        return hashlib.sha256("\0".join((*parts, str(bucket.checksum))).encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = self._key(bucket)
        self.used.add(key)
        data = self.cache.get(key, "een sjabloon", self.notices, _is_bytecode)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.pending[self._key(bucket)] = bucket.bytecode_to_string()


def _is_bytecode(data: bytes) -> bool:
    return data.startswith(jinja2.bccache.bc_magic)


@cache
def documents_code() -> str:
    """Hash of the code that turns a rendered document's Markdown into a web page or into
    Markdown for people (every module of ``regiodocs.documents``)."""
    h = hashlib.sha256()
    folder = Path(__file__).parents[1] / "documents"
    for path in sorted(folder.glob("*.py")):
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return h.hexdigest()


def derived_key(kind: str, markdown: str, style: object = None) -> str:
    """The cache key of what a document's Markdown becomes without pandoc (``kind``: its web
    page, or its Markdown for people): the Markdown, the house style, the code that writes
    it (``documents_code``) and the markdown-it it runs on."""
    h = hashlib.sha256()
    for part in (
        kind,
        __version__,
        documents_code(),
        package_identity("markdown_it"),
        repr(style),
        markdown,
    ):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def is_html(data: bytes) -> bool:
    return data.startswith(b"<!DOCTYPE html>")


def is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
