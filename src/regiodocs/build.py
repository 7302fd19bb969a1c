"""The whole build, top to bottom: load and check, plan, render every document, convert,
and only then write into build/.

Nothing is written until every document rendered and converted, so a content or template
error, or a failing pandoc, leaves build/ as it was. Every document is converted in full
by pandoc (output/convert.py); conversions are cached by a key over everything that shapes
the .docx (output/cache.py), so an edit reconverts only the documents whose Markdown
changed. The build store (output/store.py) then switches all outputs into place together,
removes what the build no longer makes and refuses to overwrite a file changed by hand; its
manifest lets the command line skip a build whose inputs did not change at all.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from regiodocs.content.models.regio import Deelnemer
from regiodocs.content.pipeline import load_checked
from regiodocs.diagnostics import UsageError
from regiodocs.documents.commonmark import for_people
from regiodocs.documents.plan import plan_documents
from regiodocs.documents.render import make_environment, render_document
from regiodocs.documents.views.common import KINDS, Job
from regiodocs.output import pdf
from regiodocs.output.cache import Cache, TemplateCode, derived_key, is_html, is_text
from regiodocs.output.convert import ConversionCaches, Document, Progress, convert_all
from regiodocs.output.manifest import scope_key
from regiodocs.output.store import Output, Scope, switch
from regiodocs.output.write import BuildFailure, build_lock


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # outputs this build no longer makes
    converted: list[str] = field(default_factory=list)  # outputs made anew (not from the cache)
    from_cache: list[str] = field(default_factory=list)
    by_pandoc: list[str] = field(default_factory=list)  # of the converted: through pandoc
    pandoc_runs: int = 0
    notices: list[str] = field(default_factory=list)  # e.g. a damaged cache entry rebuilt


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
    use_cache: bool = True,
    batch: bool = True,
    inputs_digest: str | None = None,
) -> BuildReport:
    """Build the requested kinds of documents of a region (or of one municipality).

    ``inputs_digest`` (output/manifest.py) is recorded with the outputs, so the next call
    with the same inputs can be skipped before anything is loaded."""
    key = scope_key(region_id, kinds, gemeente)
    checked = load_checked(content_dir, region_id, wgr=wgr_errors)
    if gemeente is not None:
        gemeente = match_gemeente(gemeente, checked.region.regio.deelnemers)
    jobs = plan_documents(checked.facts, kinds, gemeente)
    scope = Scope(region_id, kinds, gemeente, key, inputs_digest)
    report = build_jobs(
        jobs,
        template_dir,
        build_dir,
        scope,
        workers,
        progress,
        use_cache=use_cache,
        batch=batch,
    )
    # The warnings of check (such as a font the PDF replaces) are said at a build too.
    report.notices[:0] = [str(w) for w in checked.warnings]
    return report


def build_jobs(
    jobs: list[Job],
    template_dir: Path,
    build_dir: Path,
    scope: Scope,
    workers: int | None = None,
    progress: Progress | None = None,
    *,
    use_cache: bool = True,
    batch: bool = True,
) -> BuildReport:
    """Render every job, convert them all, and only then switch them into build/.

    Outputs of ``scope`` that these jobs no longer make are removed (a scope that names no
    kinds removes nothing). ``batch`` runs pandoc once per core for many documents; without
    it, once per document. The cache in build/.cache keeps compiled templates, reference
    documents, web pages and Word files; new entries are stored only after the switch.
    """
    folder = build_dir / ".cache"
    conversions = ConversionCaches.under(folder) if use_cache else None
    page_cache = Cache(folder / "html") if use_cache else None
    text_cache = Cache(folder / "md") if use_cache else None
    code_cache = Cache(folder / "sjablonen") if use_cache else None
    notices: list[str] = []
    code = TemplateCode(code_cache, notices) if code_cache is not None else None
    env = make_environment(template_dir, code)
    documents = [Document(str(job.output), render_document(env, job), job.meta) for job in jobs]
    pdfs = pdf.Background(documents, build_dir / ".cache" / "pdf" if use_cache else None)
    result = convert_all(documents, conversions, workers=workers, batch=batch, progress=progress)
    pages = derive(documents, "html", _html_page, is_html, page_cache, notices)
    texts = derive(documents, "md", _for_people, is_text, text_cache, notices)
    pdf_result = pdfs.result()
    report = BuildReport(
        converted=result.converted,
        from_cache=result.from_cache,
        by_pandoc=result.by_pandoc,
        pandoc_runs=result.pandoc_runs,
        notices=result.notices + pdf_result.notices + notices,
    )
    outputs = [
        Output(PurePosixPath(f"{doc.name}{suffix}"), payload, job.kind, job.gemeente)
        for job, doc, data, page, text, pdf_data in zip(
            jobs, documents, result.docx, pages.data, texts.data, pdf_result.pdf, strict=True
        )
        for suffix, payload in (
            (".md", text),
            (".docx", data),
            (".html", page),
            (".pdf", pdf_data),
        )
    ]
    with build_lock(build_dir):
        switched = switch(build_dir, outputs, scope)
        report.written, report.unchanged = switched.written, switched.unchanged
        report.removed = switched.removed
        stores = (
            (page_cache, pages.made, pages.keys),
            (text_cache, texts.made, texts.keys),
            (code_cache, code.pending if code else {}, code.used if code else set()),
        )
        # The outputs are in place and recorded: a cache that cannot be written (a full
        # disk) costs the next build time, not this build its result, so it is a notice.
        try:
            if conversions is not None:
                result.store(conversions)
            for store, new, used in stores:
                if store is not None:
                    for key, data in new.items():
                        store.put(key, data)
                    store.keep_only(used)
            pdf_result.store()
        except BuildFailure as exc:
            report.notices.append(
                f"de cache kon niet worden bijgewerkt ({exc}); de documenten staan wel op hun "
                "plaats, de volgende build maakt wat ontbreekt opnieuw op"
            )
    return report


@dataclass
class Derived:
    """One output made from each document's Markdown without pandoc (web page or Markdown
    for people): the bytes per document, the cache keys used and the entries made anew."""

    data: list[bytes]
    keys: set[str]
    made: dict[str, bytes]


def derive(
    documents: list[Document],
    kind: str,
    make: Callable[[Document], bytes],
    looks_right: Callable[[bytes], bool],
    cache: Cache | None,
    notices: list[str],
) -> Derived:
    """``make`` for every document, from the cache where its Markdown, house style and the
    code that makes it are unchanged."""
    result = Derived([], set(), {})
    for doc in documents:
        key = derived_key(kind, doc.markdown, doc.meta.huisstijl)
        result.keys.add(key)
        data = cache.get(key, doc.name, notices, looks_right) if cache is not None else None
        if data is None:
            data = result.made[key] = make(doc)
        result.data.append(data)
    return result


def _html_page(doc: Document) -> bytes:
    """The accessible web page of a document, from the same Markdown as the .docx."""
    from regiodocs.documents import html

    return html.markdown_to_page(doc.markdown, html.style_of(doc.meta.huisstijl)).encode()


def _for_people(doc: Document) -> bytes:
    """The Markdown a person reads (the pandoc Markdown stays internal)."""
    return for_people(doc.markdown).encode("utf-8")
