"""The preview's resident state: the last good region, its documents, and what changed.

A refresh reads only the files whose bytes changed (the others keep their parsed form),
validates the region, and re-renders only the documents someone is looking at; every other
page is marked stale and rendered when it is asked for. The whole-region check (as `check`
does it, Wgr-toets included) runs right after the new pages are on their way to the browser
(``Refresh.pending`` and ``finish``): when it finds an error, the new version is dropped, the
pages go back to the last good version and carry the same located messages as
`regiodocs check`. Nothing the check refuses ever becomes the current version.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from regiodocs.content.facts import Facts
from regiodocs.content.load import load_region
from regiodocs.content.pipeline import CheckedRegion, check_loaded, load_checked, validate_loaded
from regiodocs.content.region import Region
from regiodocs.diagnostics import ContentError, Diagnostic, UsageError
from regiodocs.documents import html
from regiodocs.documents.plan import plan_documents
from regiodocs.documents.render import make_environment, render_document
from regiodocs.documents.views.common import EXTRA_KINDS, KINDS, Job
from regiodocs.preview.files import PreviewFiles

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def document_key(job: Job) -> str:
    """A name for a document that survives a change of its meeting date."""
    folder, _, name = str(job.output).rpartition("/")
    return f"{folder}/{_DATE_PREFIX.sub('', name)}"


def html_style(job: Job) -> html.HtmlStyle:
    return html.style_of(job.meta.huisstijl)


class Clock:
    """Milliseconds per stage of one refresh (for the benchmark's in-process figures): wall
    time, and the CPU time of the thread doing the stage (which other work on a busy machine
    does not inflate). The two laps around a stage are taken in the same thread."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._last = (time.perf_counter(), time.thread_time())

    def lap(self, stage: str) -> None:
        """The time since the previous lap goes to ``stage`` ('' counts it nowhere)."""
        now = (time.perf_counter(), time.thread_time())
        if stage:
            self.stages[stage] = self.stages.get(stage, 0.0) + (now[0] - self._last[0]) * 1000
            self.cpu[stage] = self.cpu.get(stage, 0.0) + (now[1] - self._last[1]) * 1000
        self._last = now


@dataclass
class Entry:
    """One document as listed on the index page."""

    key: str
    title: str
    kind: str
    gemeente: str | None  # display name, None for a regional document


@dataclass
class Page:
    key: str
    title: str
    sections: list[str]
    style: html.HtmlStyle
    markdown_hash: str


@dataclass
class Pending:
    """A version that loaded and validated and whose pages are rendered, but whose
    whole-region check has not run yet (``PreviewSession.finish`` runs it)."""

    region: Region
    facts: Facts
    pages: dict[str, Page | None]


@dataclass
class Refresh:
    """What one refresh found: new page bodies for the watched keys, or the error.

    With ``pending`` set, the pages belong to a version still to be checked."""

    changed: dict[str, Page] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    errors: list[Diagnostic] | None = None
    pending: Pending | None = None


class PreviewSession:
    def __init__(self, content_dir: Path, template_dir: Path, region_id: str) -> None:
        self.content_dir = content_dir
        self.template_dir = template_dir
        self.region_id = region_id
        self.files = PreviewFiles()
        self.lock = threading.Lock()
        self.checked: CheckedRegion | None = None
        self.errors: list[Diagnostic] | None = None
        self.version = 0
        self._pages: dict[str, tuple[int, Page]] = {}
        self._entries: tuple[int, list[Entry]] | None = None
        self._env = make_environment(template_dir)
        self._chunks = html.ChunkCache()
        self._kinds: dict[str, str] = {}  # document key -> kind, from the last listing
        self.clock = Clock()  # where the time of the last refresh went
        # The regeling's anchors and the objects they were made from (see link_targets).
        self._anchors: tuple[tuple[object, ...], set[str]] | None = None

    # -- loading -------------------------------------------------------------------------

    def load(self) -> list[Diagnostic] | None:
        """(Re)load and check the region; on success it becomes the current version."""
        try:
            checked = load_checked(self.content_dir, self.region_id, files=self.files)
        except ContentError as exc:
            self.errors = exc.diagnostics
            return self.errors
        self.checked = checked
        self.errors = None
        self.version += 1
        return None

    def reload_templates(self) -> None:
        self._env = make_environment(self.template_dir)

    @property
    def region(self) -> Region:
        return self.facts.region

    @property
    def facts(self) -> Facts:
        if self.checked is None:
            raise UsageError("de inhoud bevat fouten; er is nog geen goede versie om te tonen")
        return self.checked.facts

    # -- documents -----------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        if self._entries is not None and self._entries[0] == self.version:
            return self._entries[1]
        names = {d.id: d.naam for d in self.region.regio.deelnemers}
        listed = [
            Entry(
                key=document_key(job),
                title=_title(job),
                kind=job.kind,
                gemeente=names.get(str(job.output).split("/", 1)[0]),
            )
            for job in plan_documents(self.facts, KINDS + EXTRA_KINDS)
        ]
        self._entries = (self.version, listed)
        self._kinds = {entry.key: entry.kind for entry in listed}
        return listed

    def page(self, key: str) -> Page | None:
        """The current page for a key (rendered now if it is stale), or None if unknown."""
        cached = self._pages.get(key)
        if cached is not None and cached[0] == self.version:
            return cached[1]
        job = self._job(key)
        if job is None:
            return None
        page = self._render(job, key)
        self._pages[key] = (self.version, page)
        return page

    def refresh(
        self, watched: set[str], templates_changed: bool = False, *, defer_check: bool = True
    ) -> Refresh:
        """Reload after a change; new bodies for the watched documents whose text changed.

        With ``defer_check`` (and a last good version to fall back on), the pages are
        rendered from the validated region and the check is left to ``finish``."""
        clock = self.clock = Clock()
        if templates_changed:
            self.reload_templates()
        before = {key: cached[1].markdown_hash for key, cached in self._pages.items()}
        try:
            raw = load_region(self.content_dir, self.region_id, self.files)
            clock.lap("inlezen")
            region = validate_loaded(raw, self.files)
            clock.lap("valideren")
        except ContentError as exc:
            self.errors = exc.diagnostics
            return Refresh(errors=exc.diagnostics)
        facts = Facts(region)
        if defer_check and self.checked is not None:
            pages: dict[str, Page | None] = {}
            try:
                for key in sorted(watched):
                    job = self._job(key, facts)
                    pages[key] = None if job is None else self._render(job, key)
            except Exception:  # noqa: BLE001 - content the check refuses may break a view
                pass  # the check decides below, before anything is shown
            else:
                result = Refresh(pending=Pending(region, facts, pages))
                for key, page in pages.items():
                    if page is None:
                        result.removed.append(key)
                    elif before.get(key) != page.markdown_hash or templates_changed:
                        result.changed[key] = page
                return result
        errors = self._commit(region, facts)
        if errors is not None:
            return Refresh(errors=errors)
        result = Refresh()
        for key in sorted(watched):
            try:
                page = self.page(key)
            except ContentError as exc:  # a template error shows like a content error
                self.errors = exc.diagnostics
                return Refresh(errors=exc.diagnostics)
            if page is None:
                result.removed.append(key)
            elif before.get(key) != page.markdown_hash or templates_changed:
                result.changed[key] = page
        return result

    def finish(self, pending: Pending) -> list[Diagnostic] | None:
        """Run the deferred check; on success the pending version becomes the current one,
        on an error the last good version stays and the findings are returned."""
        self.clock.lap("")  # the time since the last stage is the caller's
        errors = self._commit(pending.region, pending.facts)
        self.clock.lap("controle")
        if errors is None:
            for key, page in pending.pages.items():
                if page is not None:
                    self._pages[key] = (self.version, page)
        return errors

    def _commit(self, region: Region, facts: Facts) -> list[Diagnostic] | None:
        try:
            checked = check_loaded(region, facts)
        except ContentError as exc:
            self.errors = exc.diagnostics
            return self.errors
        self.checked = checked
        self.errors = None
        self.version += 1
        return None

    def _job(self, key: str, facts: Facts | None = None) -> Job | None:
        facts = facts or self.facts
        folder = key.split("/", 1)[0]
        known = {d.id for d in facts.region.regio.deelnemers}
        gemeente = folder if folder in known else None
        if key not in self._kinds:
            self.entries()
        kind = self._kinds.get(key)
        # Plan only documents of this kind (and municipality): the others are not shown.
        kinds = (kind,) if kind is not None else KINDS + EXTRA_KINDS
        for job in plan_documents(facts, kinds, gemeente):
            if document_key(job) == key:
                return job
        return None

    def _render(self, job: Job, key: str) -> Page:
        self.clock.lap("weergave")
        markdown = render_document(self._env, job)
        self.clock.lap("sjabloon")
        title, parts = html.sections(markdown, self._chunks)
        self.clock.lap("html")
        return Page(
            key=key,
            title=title or _title(job),
            sections=parts,
            style=html_style(job),
            markdown_hash=hashlib.sha256(markdown.encode("utf-8")).hexdigest(),
        )

    def link_targets(self, pending: Pending | None = None) -> dict[str, str]:
        """Anchor -> page URL for citations into the regeling from other documents (of the
        pending version when given, else of the current one)."""
        if not self._kinds:
            self.entries()
        # The key of the regeling never changes, so the last listing knows it; listing every
        # document again would cost more than the whole refresh.
        key = next((k for k, kind in self._kinds.items() if kind == "regeling"), None)
        if key is None:
            return {}
        facts = pending.facts if pending is not None else self.facts
        # The anchors are the regeling's article, chapter and paragraph numbers: they follow
        # from regeling.yaml (with the parameters of bestuur.yaml) and the templates alone, so
        # they are kept while those files are the same (the file cache keeps their objects).
        raw = facts.region.raw.singles
        inputs = (self._env, raw.get("regeling"), raw.get("bestuur"))
        if self._anchors is not None and all(
            a is b for a, b in zip(self._anchors[0], inputs, strict=True)
        ):
            found = self._anchors[1]
        else:
            if pending is not None and key in pending.pages:
                page = pending.pages[key]
            elif pending is not None:
                job = self._job(key, facts)
                page = None if job is None else self._render(job, key)
            else:
                page = self.page(key)
            found = set() if page is None else html.anchors("".join(page.sections))
            self._anchors = (inputs, found)
        return {anchor: f"/doc/{key}" for anchor in sorted(found)}


def _title(job: Job) -> str:
    return job.meta.title
