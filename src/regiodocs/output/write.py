"""Write stage: Markdown to .docx through pandoc, finished with python-docx, written atomically.

Nothing here decides content. A conversion runs in a temporary directory; build/ only
ever sees complete files, each renamed into place (os.replace), under a lock so two builds
on one tree never interleave their writes.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time as time_module
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, time
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from filelock import FileLock

from regiodocs import fmt
from regiodocs.documents.markdown import TAB_MARK
from regiodocs.documents.views.common import DocMeta
from regiodocs.output import docx_xml, template
from regiodocs.output.house_style import LANGUAGE
from regiodocs.output.manifest import locate_pandoc
from regiodocs.tempdirs import remove_stale

_UMASK = os.umask(0)
os.umask(_UMASK)


class BuildFailure(Exception):
    """The build could not complete (pandoc failed, disk full, no write access)."""


def find_pandoc() -> str:
    """The pandoc bundled with pypandoc-binary, else the one on PATH."""
    found = locate_pandoc()
    if found is None:
        raise BuildFailure(
            "pandoc is niet gevonden: installeer regiodocs met 'make' (pypandoc-binary bevat pandoc)"
        )
    return found


def source_date_epoch(meta: DocMeta) -> int:
    """Fixed document time: SOURCE_DATE_EPOCH when set, else the document's own date."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env and env.isdigit():
        return int(env)
    return int(datetime.combine(meta.datum, time(12, 0), tzinfo=UTC).timestamp())


def _temp_env(folder: Path) -> dict[str, str]:
    """Environment that makes a child process put its temporary files in ``folder``."""
    return {"TMPDIR": str(folder), "TMP": str(folder), "TEMP": str(folder)}


def pandoc_output(
    args: list[str], what: str, *, stdin: bytes = b"", env: dict[str, str] | None = None
) -> bytes:
    """Run pandoc once within the per-document time limit; its standard output. A hang, a
    pandoc that cannot be started or one that fails is a BuildFailure naming ``what``."""
    timeout = PANDOC_TIMEOUT_PER_DOCUMENT
    try:
        result = subprocess.run(args, input=stdin, capture_output=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BuildFailure(
            f"pandoc reageerde niet binnen {timeout:g} {'seconde' if timeout == 1 else 'seconden'} "
            f"voor {what} en is gestopt"
        ) from None
    except OSError as exc:
        raise BuildFailure(f"pandoc kon niet worden uitgevoerd: {reason(exc)}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BuildFailure(
            f"pandoc faalde voor {what}: {message[-1] if message else result.returncode}"
        )
    return result.stdout


def run_pandoc(
    pandoc: str, markdown: str, reference: Path, target: Path, *, epoch: int, what: str
) -> bytes:
    """One pandoc conversion, Markdown to .docx with ``reference``; raw output bytes."""
    args = [
        pandoc,
        "--from=markdown-smart",
        "--to=docx",
        f"--reference-doc={reference}",
        f"--output={target}",
        f"--metadata=lang:{LANGUAGE}",
    ]
    env = {**os.environ, **_temp_env(target.parent), "SOURCE_DATE_EPOCH": str(epoch)}
    pandoc_output(args, what, stdin=markdown.encode("utf-8"), env=env)
    return target.read_bytes()


def convert(pandoc: str, markdown: str, reference: Path, meta: DocMeta, workdir: Path) -> bytes:
    """Run pandoc for one document and finish the result; returns the .docx bytes."""
    raw = run_pandoc(
        pandoc,
        markdown,
        reference,
        workdir / "out.docx",
        epoch=source_date_epoch(meta),
        what=f"'{meta.title}'",
    )
    return finish_docx(raw, meta)


def document_properties(meta: DocMeta) -> list[tuple[str, str]]:
    """The custom document properties of a document: the values a house-style template's
    DOCPROPERTY fields (letterhead, header, footer) show, and the technical identification
    (fingerprint, version) that stays out of the council text."""
    values = [
        ("Gemeente", meta.gemeente[:1].upper() + meta.gemeente[1:] if meta.gemeente else ""),
        ("Kenmerk", meta.kenmerk or ""),
        ("Datum", fmt.datum(meta.datum)),
        ("Onderwerp", meta.subject),
        *meta.eigenschappen,
    ]
    return [(name, value) for name, value in values if value]


# The document properties (title, subject, ...) hold at most 255 characters (python-docx
# refuses more; Word shows no more); a longer title is shortened there, never in the text.
CORE_PROPERTY_LIMIT = 255


def _core_text(text: str) -> str:
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[: CORE_PROPERTY_LIMIT - 1].rstrip() + "…"


def with_properties(data: bytes, meta: DocMeta) -> bytes:
    """A finished Word file with the custom properties of ``meta`` (the cached file of a
    document whose printed text is unchanged carries the old ones): the same bytes as
    finishing it anew, as only docProps/custom.xml differs."""
    custom = docx_xml.custom_properties_xml(document_properties(meta))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if package.read("docProps/custom.xml") == custom:
            return data
    return docx_xml.deterministic_zip(data, {"docProps/custom.xml": custom})


def finish_docx(data: bytes, meta: DocMeta) -> bytes:
    """Properties, header, footer with kenmerk and page numbers, language; fixed zip times."""
    doc = Document(io.BytesIO(data))
    moment = datetime.fromtimestamp(source_date_epoch(meta), tz=UTC).replace(tzinfo=None)
    props = doc.core_properties
    props.title = _core_text(meta.title)
    props.subject = _core_text(meta.subject)
    props.author = _core_text(meta.author)
    props.last_modified_by = _core_text(meta.author)
    props.keywords = _core_text("; ".join(x for x in (meta.gemeente, meta.kenmerk) if x))
    props.category = _core_text(meta.gemeente or "regio")
    props.comments = "Gemaakt met regiodocs"
    props.language = LANGUAGE
    props.created = props.modified = props.last_printed = moment
    props.revision = 1
    custom = document_properties(meta)
    if meta.sjabloon is not None:  # the template's own header and footer, fields filled
        template.fill_document(doc, meta, custom)
    for section in doc.sections if meta.sjabloon is None else ():
        header = section.header.paragraphs[0]
        header.text = ""
        header_text = (
            meta.gemeente[:1].upper() + meta.gemeente[1:] if meta.gemeente else meta.subject
        )
        docx_xml.append_result_field(
            header,
            docx_xml.docproperty_instruction("Gemeente" if meta.gemeente else "Onderwerp"),
            8,
            header_text,
        )
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = section.footer.paragraphs[0]
        footer.text = ""
        if meta.kenmerk:
            docx_xml.append_result_field(
                footer, docx_xml.docproperty_instruction("Kenmerk"), 8, meta.kenmerk
            )
            footer.add_run("  |  ").font.size = Pt(8)
        footer.add_run("Pagina ").font.size = Pt(8)
        docx_xml.append_field(footer, "PAGE", 8)
        footer.add_run(" van ").font.size = Pt(8)
        docx_xml.append_field(footer, "NUMPAGES", 8)
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    docx_xml.set_default_language(doc.styles.element, LANGUAGE)
    docx_xml.set_compatibility_mode(doc.settings.element)
    docx_xml.override_languages(doc.element.body, LANGUAGE)
    docx_xml.word_structure(doc, TAB_MARK)  # list numbering, REF fields
    docx_xml.marks_to_tabs(doc.element.body, TAB_MARK)
    docx_xml.keep_table_rows_whole(doc.element.body)
    return docx_xml.save_deterministic(
        doc,
        {
            "docProps/app.xml": docx_xml.app_properties_xml("regiodocs"),
            "docProps/custom.xml": docx_xml.custom_properties_xml(custom),
        },
    )


def reason(exc: OSError) -> str:
    """A Dutch reason for the file-system errors a user can do something about."""
    reasons = {
        errno.ENOSPC: "de schijf is vol",
        errno.EDQUOT: "het schijfquotum is op",
        errno.EROFS: "de map is alleen-lezen",
        errno.EACCES: "geen schrijfrechten",
        errno.EPERM: "geen schrijfrechten",
        errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
        errno.EISDIR: "daar staat een map",
        errno.EEXIST: "daar staat al een bestand",
        errno.EIO: "de schijf gaf een schrijffout",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def write_bytes_atomic(target: Path, data: bytes, *, durable: bool = True) -> bool:
    """Write ``data`` to ``target`` via a temporary file in the same folder and a rename.

    Returns False (and touches nothing) when the file already has exactly these bytes.
    ``durable`` forces the bytes to disk before the rename (a power cut then leaves the old
    file or the new one); a cache entry, which checks its own bytes when read, skips that.
    """
    try:
        if target.is_file() and target.read_bytes() == data:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise BuildFailure(f"kan niet schrijven in {target.parent}: {reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # not os.fchmod: on Windows only from Python 3.13
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise BuildFailure(f"schrijven van {target} mislukt: {reason(exc)}") from None
    return True


def write_text_atomic(target: Path, text: str) -> bool:
    return write_bytes_atomic(target, text.encode("utf-8"))


@contextlib.contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """Exclusive lock on build/ for the writing phase; a second build waits for the first.

    filelock uses flock on POSIX and msvcrt.locking on Windows, so this works on both."""
    try:
        build_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(build_dir / ".lock")
        lock.acquire()
    except OSError as exc:
        raise BuildFailure(f"kan map {build_dir} niet gebruiken: {reason(exc)}") from None
    try:
        # A build killed while writing leaves its temporary files; with the lock held no
        # other build can own them, so they go.
        for stale in build_dir.rglob(".*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        remove_stale(build_dir)
        yield
    finally:
        lock.release()


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Stop a hung converter and anything it started (its own process group on POSIX)."""
    with contextlib.suppress(OSError):
        if sys.platform == "win32":  # (sys.platform, not os.name: mypy checks both platforms)
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)


BATCH_SCRIPT = Path(__file__).parent / "data" / "batch.lua"
# Seconds pandoc may take per document before it is considered hung and killed.
PANDOC_TIMEOUT_PER_DOCUMENT = 60.0


def run_pandoc_batch(
    pandoc: str,
    conversions: list[tuple[str, Path, Path]],
    workdir: Path,
    titles: dict[Path, str],
    on_done: Callable[[Path], None] | None = None,
) -> None:
    """Convert many documents in one ``pandoc lua`` process: (markdown, reference, target).

    Byte-identical to one pandoc run per document (a test checks it), without paying
    pandoc's start-up and initialisation for every document. ``on_done`` is called with
    each target as soon as it is written, while pandoc goes on with the next.
    """
    lines = []
    for n, (markdown, reference, target) in enumerate(conversions):
        source = workdir / f"in-{n}.md"
        source.write_text(markdown, encoding="utf-8", newline="\n")
        titles.setdefault(source, titles.get(target, target.name))
        lines.append(f"{source}\t{reference}\t{target}")
    listing = workdir / "conversions.txt"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Dates are set by finish_docx. pandoc's own temporary files (a killed 'pandoc lua'
    # leaves pandoc-hist*) go into the work folder, which the next run removes (tempdirs).
    env = {**os.environ, **_temp_env(workdir), "SOURCE_DATE_EPOCH": "0"}
    errors = workdir / "stderr.txt"
    # The watchdog kills a pandoc that hangs: reading its output would otherwise wait forever.
    timeout = PANDOC_TIMEOUT_PER_DOCUMENT * len(conversions) + 10
    start_time = time_module.monotonic()
    try:
        with open(errors, "wb") as stderr:
            process = subprocess.Popen(
                [pandoc, "lua", str(BATCH_SCRIPT), str(listing)],
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
                start_new_session=os.name != "nt",  # its own group, so the watchdog kills all
            )
            watchdog = threading.Timer(timeout, _kill_tree, args=(process,))
            watchdog.start()
            assert process.stdout is not None
            try:
                for line in process.stdout:
                    if on_done is not None:
                        on_done(Path(line.decode("utf-8").rstrip("\n")))
            finally:
                process.stdout.close()
                returncode = process.wait()
                watchdog.cancel()
    except OSError as exc:
        raise BuildFailure(f"pandoc kon niet worden uitgevoerd: {exc}") from None
    if returncode == 0:
        return
    # The batch script writes "regiodocs: <markdown file>" as it starts each document.
    messages = errors.read_bytes().decode("utf-8", "replace").strip().splitlines()
    started = [m.removeprefix("regiodocs: ") for m in messages if m.startswith("regiodocs: ")]
    if started:
        failed = f"'{titles.get(Path(started[-1]), started[-1])}'"
    else:  # pandoc stopped before the script began: name the documents of the batch
        names = [f"'{titles.get(target, target.name)}'" for _md, _ref, target in conversions]
        failed = names[0] if len(names) == 1 else f"een reeks van {len(names)} documenten"
        if len(names) > 1:
            failed += f" ({', '.join(names[:3])}{', ...' if len(names) > 3 else ''})"
    if time_module.monotonic() - start_time >= timeout:
        raise BuildFailure(
            f"pandoc reageerde niet binnen {timeout:g} seconden en is gestopt, bij {failed} "
            f"({len(conversions)} {'document' if len(conversions) == 1 else 'documenten'} "
            "in deze reeks)"
        )
    reason = next(
        (m for m in reversed(messages) if not m.startswith("regiodocs: ")), str(returncode)
    )
    raise BuildFailure(f"pandoc faalde voor {failed}: {reason}")
