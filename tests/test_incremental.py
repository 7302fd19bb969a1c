"""Incremental building: what a build redoes, asserted on its own report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import edit, snapshot

from regiodocs.build import build
from regiodocs.documents.views.common import EXTRA_KINDS, KINDS, DocMeta

ALL = KINDS + EXTRA_KINDS


def run(project: Path, **options: object) -> object:
    return build(
        project / "content",
        project / "templates",
        project / "build",
        "utrecht-west",
        ALL,
        **options,
    )  # type: ignore[arg-type]


def test_nothing_changed_means_no_conversion(project: Path) -> None:
    run(project)
    again = run(project)
    assert again.converted == [] and again.pandoc_runs == 0 and len(again.from_cache) == 35  # type: ignore[attr-defined]


def test_one_meeting_date_rebuilds_only_that_municipalitys_documents(project: Path) -> None:
    run(project)
    voorstel = project / "content/utrecht-west/raadsvoorstellen/01-regiovisie-vaststellen.yaml"
    edit(
        voorstel,
        "oudewater: {raadsvergadering: 2025-05-15,",
        "oudewater: {raadsvergadering: 2025-06-26,",
    )
    report = run(project)
    assert sorted(report.converted) == [  # type: ignore[attr-defined]
        "oudewater/2025-06-26-raadsbesluit-regiovisie-vaststellen",
        "oudewater/2025-06-26-raadsvoorstel-regiovisie-vaststellen",
    ]


def outputs(folder: Path) -> dict[str, bytes]:
    """The documents in a build folder (every format), by path; no cache, no manifest."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and ".cache" not in p.parts and not p.name.startswith(".")
    }


def fresh_build(project: Path, tmp_path: Path) -> dict[str, bytes]:
    """The documents of the same content built without any cache, by path."""
    clean = tmp_path / "clean"
    build(
        project / "content",
        project / "templates",
        clean,
        "utrecht-west",
        ALL,
        use_cache=False,
    )
    return outputs(clean)


def test_one_article_rebuilds_only_what_contains_or_cites_it(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from regiodocs.output import pdf

    run(project)
    typeset: list[str] = []
    real = pdf.render_pdf

    def counting(markdown: str, meta: DocMeta) -> bytes:
        typeset.append(meta.title)
        return real(markdown, meta)

    monkeypatch.setattr(pdf, "render_pdf", counting)
    from regiodocs import build as build_module

    written: list[str] = []
    real_text = build_module.for_people

    def counting_text(markdown: str) -> str:
        written.append(markdown.splitlines()[0])
        return real_text(markdown)

    monkeypatch.setattr(build_module, "for_people", counting_text)
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "ab-vergaderingen-per-jaar: 2",  # printed in article 9: "ten minste twee keer per jaar"
        "ab-vergaderingen-per-jaar: 3",
    )
    report = run(project)
    rebuilt = sorted(
        str(p.relative_to(project / "build").with_suffix(""))
        for p in report.written  # type: ignore[attr-defined]
        if p.suffix == ".docx"
    )
    # The overgang cites article numbers and names the regeling's fingerprint: new too.
    expected = [
        "regio/utrecht-west-overgang",
        "regio/utrecht-west-regeling",
        "regio/utrecht-west-wgr-toets",
    ]
    for gemeente, datum, rib in [
        ("de-ronde-venen", "2026-03-12", "2025-11-04"),
        ("montfoort", "2026-03-09", "2025-11-04"),
        ("oudewater", "2026-03-05", "2025-11-05"),
        ("stichtse-vecht", "2026-03-17", "2025-11-04"),
        ("woerden", "2026-03-11", "2025-11-06"),
    ]:
        expected += [
            f"{gemeente}/{datum}-raadsbesluit-gr-zienswijze-toestemming",
            f"{gemeente}/{datum}-raadsvoorstel-gr-zienswijze-toestemming",
            f"{gemeente}/{rib}-raadsinformatiebrief-koers-naar-gr",
        ]
    assert rebuilt == sorted(expected)
    # Only the regeling's text changed: it alone goes through pandoc and is finished. The
    # others changed only in a Word property (the regeling's fingerprint), which is set on
    # their cached Word file.
    assert report.by_pandoc == ["regio/utrecht-west-regeling"]  # type: ignore[attr-defined]
    assert report.converted == ["regio/utrecht-west-regeling"]  # type: ignore[attr-defined]
    # The PDF prints no fingerprint either: only the regeling is typeset again.
    assert typeset == ["Gemeenschappelijke regeling Sociaal Domein Utrecht West"]
    assert len(written) == 1  # and only its Markdown for people is written again
    assert 1 <= report.pandoc_runs <= (os.cpu_count() or 1)  # type: ignore[attr-defined]
    # What came from the caches is what a build without them makes, in every format.
    assert outputs(project / "build") == fresh_build(project, tmp_path)


def test_parallel_and_sequential_builds_are_identical(project: Path, tmp_path: Path) -> None:
    build(
        project / "content", project / "templates", tmp_path / "seq", "utrecht-west", ALL, workers=1
    )
    build(
        project / "content", project / "templates", tmp_path / "par", "utrecht-west", ALL, workers=4
    )
    seq = {k: v for k, v in snapshot(tmp_path / "seq").items() if not k.startswith(".")}
    par = {k: v for k, v in snapshot(tmp_path / "par").items() if not k.startswith(".")}
    assert seq == par and len(seq) == 140  # 35 documents: .md, .docx, .html and .pdf


def test_reference_documents_are_made_once_and_reused(
    project: Path, tmp_path: Path, monkeypatch: object
) -> None:
    """A house style's reference document comes from the cache when nothing that shapes it
    changed; a damaged entry is made anew with a notice; the Word files are the same bytes
    as a build without any cache."""
    from regiodocs.output import convert

    made: list[str] = []
    real = convert._reference

    def counting(default: bytes, meta: object) -> bytes:
        made.append(meta.huisstijl.id)  # type: ignore[attr-defined]
        return real(default, meta)  # type: ignore[arg-type]

    monkeypatch.setattr(convert, "_reference", counting)  # type: ignore[attr-defined]
    run(project)
    assert sorted(made) == sorted(set(made)) and len(made) == 6  # five municipalities, region
    made.clear()
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "ab-vergaderingen-per-jaar: 2",
        "ab-vergaderingen-per-jaar: 3",
    )
    report = run(project)
    assert report.converted and made == []  # type: ignore[attr-defined]
    entries = sorted((project / "build/.cache/referenties").glob("*.entry"))
    assert len(entries) == 6
    for entry in entries:  # truncated; only the regeling's (the region's style) is read
        entry.write_bytes(entry.read_bytes()[:-100])
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "ab-vergaderingen-per-jaar: 3",
        "ab-vergaderingen-per-jaar: 4",
    )
    report = run(project)
    assert made == ["utrecht-west"]
    assert [n for n in report.notices if "beschadigde cache" in n] == [  # type: ignore[attr-defined]
        "beschadigde cache voor de huisstijl utrecht-west verwijderd; het referentiedocument is "
        "opnieuw gemaakt"
    ]  # type: ignore[attr-defined]
    cached = snapshot(project / "build")
    uncached = run(project, use_cache=False)
    assert uncached.from_cache == []  # type: ignore[attr-defined]
    assert snapshot(project / "build") == cached
