"""The whole build, top to bottom: load and check, plan, render every document, convert,
and only then write into build/.

Nothing is written until every document rendered and converted, so a content or template
error, or a failing pandoc, leaves build/ as it was. Conversions are cached by a hash of
everything that determines the .docx (Markdown, house style, metadata, regiodocs version):
a rebuild with nothing changed runs no pandoc at all, and an edit reconverts only the
documents whose Markdown changed.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import subprocess
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from regiodocs import __version__
from regiodocs.content.models.regio import Deelnemer, Huisstijl
from regiodocs.content.pipeline import load_checked
from regiodocs.diagnostics import UsageError
from regiodocs.documents.plan import plan_documents
from regiodocs.documents.render import make_environment, render_document
from regiodocs.documents.views.common import (
    DEFAULT_HUISSTIJL,
    KINDS,
    PER_GEMEENTE_KINDS,
    DocMeta,
    Job,
    placeholder_values,
)
from regiodocs.output.house_style import build_reference_docx, pandoc_default_reference
from regiodocs.output.write import (
    PROBE_MARKDOWN,
    BuildFailure,
    StyleParts,
    assemble,
    build_lock,
    convert,
    convert_shared,
    find_pandoc,
    finish_docx,
    run_pandoc_batch,
    style_parts,
    style_parts_from,
    write_bytes_atomic,
)


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    converted: list[str] = field(default_factory=list)  # outputs made anew (not from the cache)
    from_cache: list[str] = field(default_factory=list)
    pandoc_runs: int = 0


Progress = Callable[[int, int, str], None]
Strategy = Literal["shared", "direct"]


@dataclass
class _Item:
    job: Job
    markdown: str
    masked: str | None = None  # the masked rendering, for per-municipality documents
    values: dict[str, str] | None = None  # placeholder -> value
    key: str = ""


def match_gemeente(value: str, deelnemers: list[Deelnemer]) -> str:
    """The id of the municipality meant by ``value``: its id or its name, in any case, with
    spaces or hyphens ('Woerden', 'de ronde venen', 'De-Ronde-Venen'); else a usage error
    with a suggestion."""

    def key(text: str) -> str:
        return "-".join(text.casefold().replace("_", " ").replace("-", " ").split())

    by_key = {key(d.id): d.id for d in deelnemers} | {key(d.naam): d.id for d in deelnemers}
    found = by_key.get(key(value))
    if found is not None:
        return found
    close = difflib.get_close_matches(key(value), sorted(by_key), n=1, cutoff=0.6)
    known = ", ".join(d.id for d in deelnemers)
    if close:
        raise UsageError(
            f"onbekende gemeente '{value}'; bedoelde u '{by_key[close[0]]}'? Kies uit: {known}"
        )
    raise UsageError(f"onbekende gemeente '{value}'; kies uit: {known}")


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
    strategy: Strategy = "shared",
    use_cache: bool = True,
) -> BuildReport:
    if strategy == "shared":
        _prefetch_default_reference()  # overlaps pandoc's start with loading and rendering
    checked = load_checked(content_dir, region_id, wgr=wgr_errors)
    region = checked.region
    if gemeente is not None:
        gemeente = match_gemeente(gemeente, region.regio.deelnemers)
    jobs = plan_documents(checked.facts, kinds, gemeente)
    masked = (
        plan_documents(checked.facts, kinds, gemeente, mask=True) if strategy == "shared" else None
    )
    # 'direct' is the naive pipeline: one pandoc process per document, nothing shared.
    return build_jobs(
        jobs,
        template_dir,
        build_dir,
        workers,
        progress,
        masked_jobs=masked,
        use_cache=use_cache,
        batch=strategy == "shared",
    )


def build_jobs(
    jobs: list[Job],
    template_dir: Path,
    build_dir: Path,
    workers: int | None = None,
    progress: Progress | None = None,
    *,
    masked_jobs: list[Job] | None = None,
    use_cache: bool = True,
    batch: bool = True,
) -> BuildReport:
    """Render every job, convert them all, and only then write them into build/.

    ``batch`` runs pandoc once per core for many documents; without it, once per document.
    """
    env = make_environment(template_dir)
    items = [_Item(job, render_document(env, job)) for job in jobs]
    if masked_jobs is not None:
        for item, masked_job in zip(items, masked_jobs, strict=True):
            if item.job.kind in PER_GEMEENTE_KINDS:
                item.masked = render_document(env, masked_job)
                item.values = placeholder_values(item.job.context["gemeente"])
    report = BuildReport()
    docx = _convert_all(items, build_dir / ".cache", workers, progress, report, use_cache, batch)
    with build_lock(build_dir):
        for item, data in zip(items, docx, strict=True):
            for target, payload in (
                (build_dir / f"{item.job.output}.md", item.markdown.encode("utf-8")),
                (build_dir / f"{item.job.output}.docx", data),
            ):
                (
                    report.written if write_bytes_atomic(target, payload) else report.unchanged
                ).append(target)
            if use_cache:
                write_bytes_atomic(build_dir / ".cache" / f"{item.key}.docx", data)
        if use_cache:
            for key, data in report_shared(report).items():
                write_bytes_atomic(build_dir / ".cache" / f"shared-{key}.docx", data)
    return report


@cache
def _writer_fingerprint() -> str:
    """Hash of the code that turns Markdown into .docx: a change there invalidates the cache."""
    output = Path(__file__).parent / "output"
    h = hashlib.sha256()
    for name in ("write.py", "docx_xml.py", "house_style.py", "data/batch.lua"):
        h.update((output / name).read_bytes())
    return h.hexdigest()


def _hash(*parts: str) -> str:
    h = hashlib.sha256()
    for part in (__version__, _writer_fingerprint(), *parts):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


_SHARED: dict[int, dict[str, bytes]] = {}


def report_shared(report: BuildReport) -> dict[str, bytes]:
    """Shared conversions made during this build, to store in the cache."""
    return _SHARED.pop(id(report), {})


def _convert_all(
    items: list[_Item],
    cache_dir: Path,
    workers: int | None,
    progress: Progress | None,
    report: BuildReport,
    use_cache: bool,
    batch: bool,
) -> list[bytes]:
    count = workers or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="regiodocs-") as tmp:
        tmp_dir = Path(tmp)
        pandoc: str | None = None
        references: dict[Huisstijl, tuple[Path, str]] = {}

        def need_pandoc() -> str:
            nonlocal pandoc
            pandoc = pandoc or find_pandoc()
            return pandoc

        lock = threading.Lock()

        def reference(style: Huisstijl) -> tuple[Path, str]:
            # Built on first use, by whichever pandoc thread needs it first.
            with lock:
                if style not in references:
                    data = build_reference_docx(_default_reference(need_pandoc()), style)
                    path = tmp_dir / f"reference-{style.id}.docx"
                    path.write_bytes(data)
                    references[style] = (path, hashlib.sha256(data).hexdigest())
                return references[style]

        results: dict[int, bytes] = {}
        todo: list[int] = []
        for n, item in enumerate(items):
            # Reference documents need pandoc's default one; build them only when needed.
            style_hash = hashlib.sha256(repr(item.job.meta.huisstijl).encode()).hexdigest()
            item.key = _hash(
                item.markdown,
                style_hash,
                repr(item.job.meta),
                os.environ.get("SOURCE_DATE_EPOCH", ""),
            )
            cached = cache_dir / f"{item.key}.docx"
            if use_cache and cached.is_file():
                results[n] = cached.read_bytes()
                report.from_cache.append(str(item.job.output))
            else:
                todo.append(n)

        def pool_map(fn: Callable[[Any], Any], values: list[Any]) -> list[Any]:
            if count == 1 or len(values) <= 1:
                return [fn(v) for v in values]
            with ThreadPoolExecutor(max_workers=count) as pool:
                return list(pool.map(fn, values))

        # 1. Shared conversions: one per distinct masked document, reused per municipality.
        neutral_path, neutral_hash = reference(DEFAULT_HUISSTIJL) if todo else (tmp_dir, "")
        shared_keys = {
            _hash("shared", items[n].masked or "", neutral_hash)
            for n in todo
            if items[n].masked is not None
        }
        shared: dict[str, bytes] = {}
        missing = []
        for key in sorted(shared_keys):
            stored = cache_dir / f"shared-{key}.docx"
            if use_cache and stored.is_file():
                shared[key] = stored.read_bytes()
            else:
                missing.append(key)
        masked_by_key = {
            _hash("shared", items[n].masked or "", neutral_hash): items[n].masked
            for n in todo
            if items[n].masked is not None
        }

        # 2. All pandoc work in one pool, so no phase waits for the slowest job of another:
        #    the shared conversions, one probe per house style a shared document needs, and
        #    the documents converted on their own.
        styles_needed = sorted(
            {items[n].job.meta.huisstijl for n in todo if items[n].masked is not None},
            key=lambda s: s.id,
        )
        direct = [n for n in todo if items[n].masked is None]
        # Longest first (whole documents, then shared bodies, then one-line probes): less idle tail.
        direct.sort(key=lambda n: -len(items[n].markdown))
        tasks: list[tuple[str, Any]] = (
            [("direct", n) for n in direct]
            + [("shared", k) for k in missing]
            + [("probe", s) for s in styles_needed]
        )
        done = len(results)

        def pandoc_task(task: tuple[str, Any]) -> tuple[str, Any, Any]:
            nonlocal done
            kind, what = task
            work = Path(tempfile.mkdtemp(dir=tmp_dir))
            if kind == "shared":
                return (
                    kind,
                    what,
                    convert_shared(need_pandoc(), masked_by_key[what] or "", neutral_path, work),
                )
            if kind == "probe":
                return kind, what, style_parts(need_pandoc(), reference(what)[0], work)
            item = items[what]
            data = convert(
                need_pandoc(),
                item.markdown,
                reference(item.job.meta.huisstijl)[0],
                item.job.meta,
                work,
            )
            done += 1
            if progress:
                progress(done, len(items), str(item.job.output))
            return kind, what, data

        made: dict[str, bytes] = {}
        parts: dict[Huisstijl, StyleParts] = {}
        masked_todo = [n for n in todo if items[n].masked is not None]

        def absorb(outcomes: list[tuple[str, Any, Any]]) -> None:
            for kind, what, value in outcomes:
                if kind == "shared":
                    made[what] = value
                    shared[what] = value
                elif kind == "probe":
                    parts[what] = value
                else:
                    results[what] = value

        # 3. Per-municipality documents: assembled from their shared conversion as soon as it
        #    and their house style are there, while pandoc converts the next documents.
        shared_key = {n: _hash("shared", items[n].masked or "", neutral_hash) for n in masked_todo}

        def assemble_ready() -> None:
            nonlocal done
            for n in masked_todo:
                item = items[n]
                assert item.masked is not None and item.values is not None
                key = shared_key[n]
                style = item.job.meta.huisstijl
                if n in results or key not in shared or style not in parts:
                    continue
                results[n] = assemble(shared[key], parts[style], item.values, item.job.meta)
                done += 1
                if progress:
                    progress(done, len(items), str(item.job.output))

        outcome_lock = threading.Lock()

        def on_outcome(kind: str, what: Any, value: Any) -> None:
            # Called from the batch threads, each time pandoc has written one document.
            with outcome_lock:
                absorb([(kind, what, value)])
                assemble_ready()

        if batch:
            _run_batched(
                tasks, count, tmp_dir, need_pandoc, items, masked_by_key, reference, on_outcome
            )
            done += len(direct)
        else:
            absorb(pool_map(pandoc_task, tasks))
            assemble_ready()
        assert all(n in results for n in todo), "a document was neither converted nor assembled"
        report.pandoc_runs += len(tasks)
        _SHARED[id(report)] = made
        report.converted.extend(str(items[n].job.output) for n in todo)
        return [results[n] for n in range(len(items))]


def _run_batched(
    tasks: list[tuple[str, Any]],
    count: int,
    tmp_dir: Path,
    need_pandoc: Callable[[], str],
    items: list[_Item],
    masked_by_key: dict[str, str | None],
    reference: Callable[[Huisstijl], tuple[Path, str]],
    on_outcome: Callable[[str, Any, Any], None],
) -> None:
    """All pandoc work as `pandoc lua` batches, one per core; ``on_outcome`` gets each
    converted document as soon as pandoc has written it.

    With more than one core the shared bodies and house-style probes form their own batch,
    so the per-municipality documents are assembled while pandoc is still converting.
    """
    if not tasks:
        return
    # (task, markdown, house style whose reference it needs, output, metadata)
    specs: list[tuple[tuple[str, Any], str, Huisstijl, Path, DocMeta | None]] = []
    for n, (kind, what) in enumerate(tasks):
        target = tmp_dir / f"out-{n}.docx"
        if kind == "shared":
            specs.append(((kind, what), masked_by_key[what] or "", DEFAULT_HUISSTIJL, target, None))
        elif kind == "probe":
            specs.append(((kind, what), PROBE_MARKDOWN, what, target, None))
        else:
            item = items[what]
            specs.append(
                ((kind, what), item.markdown, item.job.meta.huisstijl, target, item.job.meta)
            )
    municipal = [n for n, spec in enumerate(specs) if spec[0][0] != "direct"]
    regional = [n for n, spec in enumerate(specs) if spec[0][0] == "direct"]
    if count > 1 and municipal and regional:
        groups = [(municipal, 1), (regional, count - 1)]
    else:
        groups = [(list(range(len(specs))), count)]
    batches: list[list[int]] = []
    for numbers, share in groups:
        own: list[list[int]] = [[] for _ in range(max(1, min(share, len(numbers))))]
        loads = [0] * len(own)
        # House-style probes first (assembly needs them), then longest first.
        for n in sorted(numbers, key=lambda n: (specs[n][0][0] != "probe", -len(specs[n][1]))):
            lightest = loads.index(min(loads))
            own[lightest].append(n)
            loads[lightest] += len(specs[n][1]) + 2000  # a fixed cost per document
        batches.extend(own)
    titles = {spec[3]: (spec[4].title if spec[4] else "een gedeeld document") for spec in specs}

    by_target = {spec[3]: n for n, spec in enumerate(specs)}

    def finished(target: Path) -> None:
        (kind, what), _, _, _, meta = specs[by_target[target]]
        raw = target.read_bytes()
        if kind == "probe":
            on_outcome(kind, what, style_parts_from(raw))
        elif kind == "shared":
            on_outcome(kind, what, raw)
        else:
            assert meta is not None
            on_outcome(kind, what, finish_docx(raw, meta))

    def run(numbers: list[int]) -> None:
        work = Path(tempfile.mkdtemp(dir=tmp_dir))
        # Reference documents are made here, so one batch can start pandoc while another
        # thread still builds the house styles it needs.
        conversions = [(specs[n][1], reference(specs[n][2])[0], specs[n][3]) for n in numbers]
        run_pandoc_batch(need_pandoc(), conversions, work, titles, on_done=finished)

    if len(batches) == 1:
        run(batches[0])
        return
    with ThreadPoolExecutor(max_workers=len(batches)) as pool:
        list(pool.map(run, batches))


_DEFAULT_REFERENCE: dict[str, bytes] = {}
_DEFAULT_REFERENCE_LOCK = threading.Lock()


def _default_reference(pandoc: str) -> bytes:
    """pandoc's own reference.docx (the base of every house style), asked once per process."""
    with _DEFAULT_REFERENCE_LOCK:
        if pandoc not in _DEFAULT_REFERENCE:
            try:
                _DEFAULT_REFERENCE[pandoc] = pandoc_default_reference(pandoc)
            except (OSError, subprocess.SubprocessError) as exc:
                raise BuildFailure(f"pandoc kon niet worden gestart ({pandoc}): {exc}") from None
        return _DEFAULT_REFERENCE[pandoc]


def _prefetch_default_reference() -> None:
    """Ask pandoc for its reference document while the content is loaded and rendered.

    Best effort: a failure here is reported, located, by the normal path later on.
    """

    def fetch() -> None:
        with contextlib.suppress(Exception):
            _default_reference(find_pandoc())

    threading.Thread(target=fetch, daemon=True).start()
