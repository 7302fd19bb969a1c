"""Convert stage: every document's Markdown to a finished .docx, each converted in full.

There is one conversion path: pandoc converts the whole Markdown of each document with the
reference document of its house style, and ``finish_docx`` sets properties, header and
footer. Documents are converted in ``pandoc lua`` batches, one per core (the same bytes as
one pandoc process per document; a test checks it), or with ``batch=False`` one pandoc
process per document (the naive way, for comparison in bench/).

Conversions are cached in build/.cache by a key over everything that shapes the result
(see ``output.cache``): an unchanged document is not converted again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from regiodocs.content.models.regio import Huisstijl
from regiodocs.documents.views.common import DocMeta
from regiodocs.output.cache import Cache, conversion_key, raw_key, reference_key
from regiodocs.output.house_style import build_reference_docx, pandoc_default_reference
from regiodocs.output.letterhead import printed_meta
from regiodocs.output.template import Sjabloon, reference_from_template
from regiodocs.output.write import (
    BuildFailure,
    find_pandoc,
    finish_docx,
    run_pandoc,
    run_pandoc_batch,
    source_date_epoch,
    with_properties,
)
from regiodocs.tempdirs import remove_stale, temp_dir

Progress = Callable[[int, int, str], None]
Style = tuple[Huisstijl, Sjabloon | None]  # a house style and its own Word template


@dataclass(frozen=True)
class Document:
    """One document to convert: its name (relative output path), Markdown and metadata."""

    name: str
    markdown: str
    meta: DocMeta


@dataclass(frozen=True)
class ConversionCaches:
    """Where conversions are kept: finished Word files by everything that shapes what they
    print (``printed_meta``: a Word property that no letterhead field shows, such as the
    fingerprint of an edited regeling, is set on the cached file instead); pandoc's own
    output by what pandoc sees (the Markdown and the reference document), so a document
    whose printed metadata changed is only finished again, not converted; reference
    documents per house style."""

    docx: Cache
    pandoc: Cache
    references: Cache

    @classmethod
    def under(cls, folder: Path) -> ConversionCaches:
        return cls(Cache(folder), Cache(folder / "pandoc"), Cache(folder / "referenties"))


@dataclass
class Conversions:
    """The .docx of every document, in order, and how each was obtained."""

    docx: list[bytes]
    keys: list[str]  # the cache key of each document
    converted: list[str] = field(default_factory=list)  # made anew: by pandoc or finished again
    from_cache: list[str] = field(default_factory=list)
    by_pandoc: list[str] = field(default_factory=list)  # of the converted: those pandoc converted
    pandoc_runs: int = 0
    notices: list[str] = field(default_factory=list)
    # Per cache (docx, pandoc, references): the entries made anew and the keys this build used.
    new: dict[str, dict[str, bytes]] = field(default_factory=dict)
    used: dict[str, set[str]] = field(default_factory=dict)

    def store(self, caches: ConversionCaches) -> None:
        """Keep the new entries; drop what the caches hold beyond their bound."""
        for name in ("docx", "pandoc", "references"):
            store: Cache = getattr(caches, name)
            for key, data in self.new.get(name, {}).items():
                store.put(key, data)
            store.keep_only(self.used.get(name, set()))


def convert_all(
    documents: list[Document],
    caches: ConversionCaches | None,
    *,
    workers: int | None = None,
    batch: bool = True,
    progress: Progress | None = None,
) -> Conversions:
    """Convert every document not in the caches (the caller stores the new entries)."""
    remove_stale(None)  # what killed builds left in the system temp folder
    pandoc = find_pandoc()
    # The finished Word file is kept by its printed metadata; its custom properties (all of
    # them, such as the regeling's fingerprint) are set on the cached file.
    keys = [conversion_key(pandoc, d.markdown, printed_meta(d.meta)) for d in documents]
    found: dict[int, bytes] = {}
    notices: list[str] = []
    raw_keys: dict[int, str] = {}
    if caches is not None:
        for n, key in enumerate(keys):
            data = caches.docx.get(key, documents[n].name, notices)
            if data is not None:
                found[n] = with_properties(data, documents[n].meta)
        for n in range(len(documents)):  # converted before, to be finished again
            if n not in found:
                meta = documents[n].meta
                raw_keys[n] = raw_key(documents[n].markdown, _reference_key(pandoc, meta))
                raw = caches.pandoc.get(raw_keys[n], documents[n].name, notices)
                if raw is not None:
                    found[n] = finish_checked(raw, meta)
    todo = [n for n in range(len(documents)) if n not in found]
    refinished = [n for n in raw_keys if n in found]
    references = caches.references if caches is not None else None
    runner = _Runner(pandoc, documents, todo, len(found), progress, references, notices)
    if todo:
        runner.run(workers or os.cpu_count() or 1, batch)
    found.update(runner.results)
    made = sorted([*todo, *refinished])
    return Conversions(
        docx=[found[n] for n in range(len(documents))],
        keys=keys,
        converted=[documents[n].name for n in made],
        from_cache=[documents[n].name for n in range(len(documents)) if n not in made],
        by_pandoc=[documents[n].name for n in todo],
        pandoc_runs=runner.pandoc_runs,
        notices=notices,
        new={
            "docx": {keys[n]: found[n] for n in made},
            "pandoc": {raw_keys[n]: runner.raw[n] for n in todo if n in raw_keys},
            "references": runner.new_references,
        },
        used={
            "docx": set(keys),
            "pandoc": set(raw_keys.values()),
            "references": runner.reference_keys,
        },
    )


def _reference_key(pandoc: str, meta: DocMeta) -> str:
    digest = meta.sjabloon.digest if meta.sjabloon is not None else None
    return reference_key(pandoc, meta.huisstijl, digest)


class _Runner:
    """The pandoc work of one build: reference documents per house style, then batches."""

    def __init__(
        self,
        pandoc: str,
        documents: list[Document],
        todo: list[int],
        done: int,
        progress: Progress | None,
        reference_cache: Cache | None = None,
        notices: list[str] | None = None,
    ) -> None:
        self.pandoc = pandoc
        self.reference_cache = reference_cache
        self.notices = notices if notices is not None else []
        self.reference_keys: set[str] = set()
        self.new_references: dict[str, bytes] = {}
        self.raw: dict[int, bytes] = {}  # pandoc's own output, by document
        self.documents = documents
        self.todo = todo
        self.done = done
        self.progress = progress
        self.results: dict[int, bytes] = {}
        self.pandoc_runs = 0
        self.lock = threading.Lock()
        self.by_target: dict[Path, int] = {}

    def run(self, workers: int, batch: bool) -> None:
        with temp_dir() as tmp:
            self.tmp = tmp
            references = self._references()
            if batch:
                groups = _balanced(
                    self.todo, [len(self.documents[n].markdown) for n in self.todo], workers
                )
                jobs = [(group, references) for group in groups]
                self._parallel(self._run_batch, jobs, workers)
                self.pandoc_runs = len(groups)
            else:
                jobs = [([n], references) for n in self.todo]
                self._parallel(self._run_single, jobs, workers)
                self.pandoc_runs = len(self.todo)

    def _references(self) -> dict[Style, Path]:
        """The reference .docx of every house style a document to convert needs: its own
        Word template when it has one, else one generated from the YAML huisstijl; from the
        cache when that style, template, pandoc and the writing code are unchanged."""
        references: dict[Style, Path] = {}
        default: bytes | None = None
        for n in self.todo:
            meta = self.documents[n].meta
            style = (meta.huisstijl, meta.sjabloon)
            if style in references:
                continue
            key = _reference_key(self.pandoc, meta)
            self.reference_keys.add(key)
            data = None
            if self.reference_cache is not None:
                what = f"de huisstijl {meta.huisstijl.id}"
                data = self.reference_cache.get(key, what, self.notices)
            if data is None:
                if default is None:
                    default = self._default_reference()
                data = self.new_references[key] = _reference(default, meta)
            digest = hashlib.sha256(data).hexdigest()[:16]
            path = self.tmp / f"reference-{digest}.docx"
            path.write_bytes(data)
            references[style] = path
        return references

    def _default_reference(self) -> bytes:
        try:
            return pandoc_default_reference(self.pandoc)  # a BuildFailure when pandoc fails
        except ValueError as exc:  # a path subprocess refuses (a NUL character)
            raise BuildFailure(f"pandoc kon niet worden gestart ({self.pandoc}): {exc}") from None

    def _parallel(
        self,
        work: Callable[[tuple[list[int], dict[Style, Path]]], None],
        jobs: list[tuple[list[int], dict[Style, Path]]],
        workers: int,
    ) -> None:
        if workers <= 1 or len(jobs) <= 1:
            for job in jobs:
                work(job)
            return
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(work, jobs))

    def _run_batch(self, job: tuple[list[int], dict[Style, Path]]) -> None:
        numbers, references = job
        work = Path(tempfile.mkdtemp(dir=self.tmp))
        conversions = []
        titles: dict[Path, str] = {}
        for n in numbers:
            target = work / f"out-{n}.docx"
            doc = self.documents[n]
            with self.lock:
                self.by_target[target] = n
            titles[target] = doc.meta.title
            conversions.append(
                (doc.markdown, references[(doc.meta.huisstijl, doc.meta.sjabloon)], target)
            )
        run_pandoc_batch(self.pandoc, conversions, work, titles, on_done=self._finished)

    def _run_single(self, job: tuple[list[int], dict[Style, Path]]) -> None:
        numbers, references = job
        (n,) = numbers
        doc = self.documents[n]
        work = Path(tempfile.mkdtemp(dir=self.tmp))
        target = work / "out.docx"
        with self.lock:
            self.by_target[target] = n
        run_pandoc(
            self.pandoc,
            doc.markdown,
            references[(doc.meta.huisstijl, doc.meta.sjabloon)],
            target,
            epoch=source_date_epoch(doc.meta),
            what=f"'{doc.meta.title}'",
        )
        self._finished(target)

    def _finished(self, target: Path) -> None:
        """pandoc wrote ``target``: finish it (which also proves it is a real .docx)."""
        with self.lock:
            n = self.by_target[target]
        doc = self.documents[n]
        try:
            raw = target.read_bytes()
        except OSError as exc:
            raise BuildFailure(
                f"pandoc meldde '{doc.meta.title}' klaar, maar schreef geen Word-document "
                f"({exc.strerror or type(exc).__name__})"
            ) from None
        data = finish_checked(raw, doc.meta)
        with self.lock:
            self.raw[n] = raw
            self.results[n] = data
            self.done += 1
            if self.progress:
                self.progress(self.done, len(self.documents), doc.name)


def _reference(default: bytes, meta: DocMeta) -> bytes:
    """The reference document of a document's house style, made from pandoc's default."""
    try:
        data = build_reference_docx(default, meta.huisstijl)
    except Exception as exc:  # a broken zip or XML from pandoc
        raise BuildFailure(
            f"het referentiedocument voor '{meta.title}' kan niet worden gemaakt: pandoc gaf "
            f"geen bruikbaar standaard-referentiedocument ({type(exc).__name__})"
        ) from None
    if meta.sjabloon is None:
        return data
    try:
        return reference_from_template(meta.sjabloon.data, data)
    except Exception:  # the check opened it; a package python-docx rejects
        raise BuildFailure(
            f"Word-sjabloon {meta.sjabloon.name} kan niet worden gebruikt: "
            "sla het opnieuw op vanuit Word"
        ) from None


def finish_checked(raw: bytes, meta: DocMeta) -> bytes:
    """``finish_docx``, with output that is not a Word document reported for its document."""
    try:
        return finish_docx(raw, meta)
    except BuildFailure:
        raise
    except Exception as exc:  # a broken zip or XML from the converter
        raise BuildFailure(
            f"pandoc gaf voor '{meta.title}' geen bruikbaar Word-document ({type(exc).__name__})"
        ) from None


def _balanced(numbers: list[int], sizes: list[int], count: int) -> list[list[int]]:
    """``numbers`` in at most ``count`` groups of about equal work, longest documents first."""
    groups: list[list[int]] = [[] for _ in range(max(1, min(count, len(numbers))))]
    loads = [0] * len(groups)
    for n, size in sorted(zip(numbers, sizes, strict=True), key=lambda pair: -pair[1]):
        lightest = loads.index(min(loads))
        groups[lightest].append(n)
        loads[lightest] += size + 2000  # a fixed cost per document
    return [g for g in groups if g]
