"""The whole build, top to bottom: load and check, plan, render every document, convert,
and only then write into build/.

Nothing is written until every document rendered and converted, so a content or template
error, or a failing pandoc, leaves build/ as it was. Conversions are cached by a hash of
everything that determines the .docx (Markdown, house style, metadata, regiodocs version):
a rebuild with nothing changed runs no pandoc at all, and an edit reconverts only the
documents whose Markdown changed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .diagnostics import UsageError
from .house_style import build_reference_docx, pandoc_default_reference
from .model.regio import Huisstijl
from .pipeline import load_checked
from .render import make_environment, render_document
from .resolve import KINDS, Job, plan_documents
from .write import BuildFailure, build_lock, convert, find_pandoc, write_bytes_atomic


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    converted: list[str] = field(default_factory=list)  # outputs that ran through pandoc
    from_cache: list[str] = field(default_factory=list)


Progress = Callable[[int, int, str], None]


def build(
    content_dir: Path,
    template_dir: Path,
    build_dir: Path,
    region_id: str,
    kinds: tuple[str, ...] = KINDS,
    gemeente: str | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    *,
    wgr_errors: bool = True,
) -> BuildReport:
    checked = load_checked(content_dir, region_id, wgr=wgr_errors)
    region = checked.region
    known = [d.id for d in region.regio.deelnemers]
    if gemeente is not None and gemeente not in known:
        raise UsageError(f"onbekende gemeente '{gemeente}'; kies uit: {', '.join(known)}")
    return build_jobs(
        plan_documents(region, kinds, gemeente), template_dir, build_dir, workers, progress
    )


def build_jobs(
    jobs: list[Job],
    template_dir: Path,
    build_dir: Path,
    workers: int | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Render every job, convert them all, and only then write them into build/."""
    env = make_environment(template_dir)
    rendered = [(job, render_document(env, job)) for job in jobs]
    docx = _convert_all(rendered, build_dir / ".cache", workers, progress)
    report = BuildReport()
    with build_lock(build_dir):
        for (job, markdown), (data, cache_key, was_converted) in zip(rendered, docx, strict=True):
            for target, payload in (
                (build_dir / f"{job.output}.md", markdown.encode("utf-8")),
                (build_dir / f"{job.output}.docx", data),
            ):
                (
                    report.written if write_bytes_atomic(target, payload) else report.unchanged
                ).append(target)
            (report.converted if was_converted else report.from_cache).append(str(job.output))
            write_bytes_atomic(build_dir / ".cache" / f"{cache_key}.docx", data)
    return report


def _cache_key(job: Job, markdown: str, reference_hash: str) -> str:
    h = hashlib.sha256()
    for part in (
        __version__,
        markdown,
        reference_hash,
        repr(job.meta),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _convert_all(
    rendered: list[tuple[Job, str]], cache_dir: Path, workers: int | None, progress: Progress | None
) -> list[tuple[bytes, str, bool]]:
    pandoc: str | None = None
    references: dict[Huisstijl, tuple[Path, str]] = {}
    with tempfile.TemporaryDirectory(prefix="regiodocs-") as tmp:
        tmp_dir = Path(tmp)

        def reference(style: Huisstijl) -> tuple[Path, str]:
            nonlocal pandoc
            if style not in references:
                pandoc = pandoc or find_pandoc()
                default = _default_reference(pandoc)
                data = build_reference_docx(default, style)
                path = tmp_dir / f"reference-{style.id}.docx"
                path.write_bytes(data)
                references[style] = (path, hashlib.sha256(data).hexdigest())
            return references[style]

        # Reference documents are cheap and shared: make them first, sequentially.
        plan: list[tuple[Job, str, str, Path]] = []
        for job, markdown in rendered:
            ref_path, ref_hash = _reference_for(job.meta.huisstijl, reference)
            plan.append((job, markdown, _cache_key(job, markdown, ref_hash), ref_path))

        done = 0

        def one(item: tuple[Job, str, str, Path]) -> tuple[bytes, str, bool]:
            nonlocal done
            job, markdown, key, ref_path = item
            cached = cache_dir / f"{key}.docx"
            if cached.is_file():
                result = (cached.read_bytes(), key, False)
            else:
                assert pandoc is not None
                work = Path(tempfile.mkdtemp(dir=tmp_dir))
                result = (convert(pandoc, markdown, ref_path, job.meta, work), key, True)
            done += 1
            if progress:
                progress(done, len(plan), str(job.output))
            return result

        count = workers or os.cpu_count() or 1
        if count == 1:
            return [one(item) for item in plan]
        with ThreadPoolExecutor(max_workers=count) as pool:
            return list(pool.map(one, plan))


_DEFAULT_REFERENCE: dict[str, bytes] = {}


def _default_reference(pandoc: str) -> bytes:
    if pandoc not in _DEFAULT_REFERENCE:
        try:
            _DEFAULT_REFERENCE[pandoc] = pandoc_default_reference(pandoc)
        except (OSError, Exception) as exc:
            raise BuildFailure(f"pandoc kon niet worden gestart ({pandoc}): {exc}") from None
    return _DEFAULT_REFERENCE[pandoc]


def _reference_for(
    style: Huisstijl, make: Callable[[Huisstijl], tuple[Path, str]]
) -> tuple[Path, str]:
    return make(style)
