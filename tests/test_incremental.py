"""Incremental and shared building: what a build redoes, asserted on its own report; the
shared conversion gives the same bytes as converting every document on its own."""

from __future__ import annotations

from pathlib import Path

from conftest import edit, snapshot

from regiodocs.build import build
from regiodocs.documents.views.common import EXTRA_KINDS, KINDS

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


def test_shared_conversion_equals_converting_each_document(project: Path, tmp_path: Path) -> None:
    shared = build(
        project / "content",
        project / "templates",
        tmp_path / "shared",
        "utrecht-west",
        ALL,
        strategy="shared",
        use_cache=False,
    )
    direct = build(
        project / "content",
        project / "templates",
        tmp_path / "direct",
        "utrecht-west",
        ALL,
        strategy="direct",
        use_cache=False,
    )
    a = {k: v for k, v in snapshot(tmp_path / "shared").items() if not k.startswith(".")}
    b = {k: v for k, v in snapshot(tmp_path / "direct").items() if not k.startswith(".")}
    assert len(a) == 70 and a == b
    assert direct.pandoc_runs == 35
    # 6 masked documents (2 voorstellen, 2 besluiten, 1 RIB, and Stichtse Vecht's voorstel
    # with its own local paragraph) + 5 house styles (4 own, 1 default) instead of 25
    # per-municipality conversions; 10 regional documents directly.
    assert shared.pandoc_runs == 6 + 5 + 10


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


def test_one_article_rebuilds_only_what_contains_or_cites_it(project: Path) -> None:
    run(project)
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "ten minste twee keer per jaar",
        "ten minste drie keer per jaar",
    )
    report = run(project)
    rebuilt = sorted(report.converted)  # type: ignore[attr-defined]
    # The overgang cites article numbers and names the regeling's fingerprint: rebuilt too.
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
    # The citing documents name the regeling's fingerprint only in their document properties,
    # so their text and shared conversions are reused: pandoc runs for the regeling, the
    # wgr-toets and the overgang (a regional document converted on its own, whose properties
    # name the fingerprint), plus one style probe per house style (four own and the standard).
    assert report.pandoc_runs == 3 + 5  # type: ignore[attr-defined]


def test_parallel_and_sequential_builds_are_identical(project: Path, tmp_path: Path) -> None:
    build(
        project / "content", project / "templates", tmp_path / "seq", "utrecht-west", ALL, workers=1
    )
    build(
        project / "content", project / "templates", tmp_path / "par", "utrecht-west", ALL, workers=4
    )
    seq = {k: v for k, v in snapshot(tmp_path / "seq").items() if not k.startswith(".")}
    par = {k: v for k, v in snapshot(tmp_path / "par").items() if not k.startswith(".")}
    assert seq == par and len(seq) == 70
