"""build/ is owned: a manifest of what regiodocs wrote, outputs no longer made are removed,
a file changed by hand is never overwritten, and a failed write says exactly what changed."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import edit, snapshot
from docx import Document

from regiodocs.output.manifest import MANIFEST

RAADSVOORSTELLEN = "content/utrecht-west/raadsvoorstellen/01-regiovisie-vaststellen.yaml"
OLD = "woerden/2025-05-21-raadsvoorstel-regiovisie-vaststellen"
NEW = "woerden/2025-05-28-raadsvoorstel-regiovisie-vaststellen"


def move_woerden_meeting(project: Path) -> None:
    edit(
        project / "content/utrecht-west/regio.yaml",
        "raadsvergaderingen: [2025-05-21,",
        "raadsvergaderingen: [2025-05-28,",
    )
    edit(project / RAADSVOORSTELLEN, "raadsvergadering: 2025-05-21", "raadsvergadering: 2025-05-28")


def test_a_moved_meeting_date_leaves_no_old_dated_documents(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "all").exit_code == 0
    build = project / "build"
    assert (build / f"{OLD}.docx").is_file()
    move_woerden_meeting(project)
    result = run("build", "all")
    assert result.exit_code == 0, result.output
    for suffix in (".md", ".docx", ".html", ".pdf"):
        assert not (build / f"{OLD}{suffix}").exists()
        assert (build / f"{NEW}{suffix}").is_file()
        assert f"verwijderd (wordt niet meer gemaakt): build/{OLD}{suffix}" in result.output
    # Exactly one raadsvoorstel and one raadsbesluit per municipality for this proposal.
    for gemeente in ("woerden", "montfoort", "oudewater", "de-ronde-venen", "stichtse-vecht"):
        assert len(list((build / gemeente).glob("*-raadsvoorstel-regiovisie-*.docx"))) == 1
        assert len(list((build / gemeente).glob("*-raadsbesluit-regiovisie-*.docx"))) == 1
    files = json.loads((build / MANIFEST).read_text(encoding="utf-8"))["bestanden"]
    assert f"{NEW}.docx" in files and f"{OLD}.docx" not in files


def test_stale_files_are_looked_for_only_in_the_build_s_own_scope(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "all").exit_code == 0
    assert run("build", "all", "--regio", "lekstroom").exit_code == 0
    move_woerden_meeting(project)
    # Only Woerden's raadsvoorstellen: its old voorstel goes, its old besluit (another kind,
    # not rebuilt) and everything of the other municipalities and of Lekstroom stay.
    result = run("build", "raadsvoorstel", "--gemeente", "Woerden")
    assert result.exit_code == 0, result.output
    build = project / "build"
    assert not (build / f"{OLD}.docx").exists() and (build / f"{NEW}.docx").is_file()
    assert (build / "woerden/2025-05-21-raadsbesluit-regiovisie-vaststellen.docx").is_file()
    assert (build / "montfoort").is_dir() and list((build / "montfoort").glob("*.docx"))
    assert (build / "regio/lekstroom-toekomstnotitie.docx").is_file()
    assert (build / "regio/utrecht-west-regeling.docx").is_file()


def test_a_hand_edited_document_is_never_overwritten(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "all").exit_code == 0
    build = project / "build"
    target = build / f"{OLD}.docx"
    doc = Document(str(target))
    doc.add_paragraph("Aanvulling van de griffie.")
    doc.save(str(target))
    edit(project / RAADSVOORSTELLEN, 'kenmerk: "081377"', 'kenmerk: "081378"')
    before = snapshot(build)
    result = run("build", "all")
    assert result.exit_code == 1
    assert f"build/{OLD}.docx is met de hand gewijzigd sinds regiodocs het schreef" in result.output
    assert "Er is niets in build gewijzigd." in result.output
    assert "Traceback" not in result.output
    assert snapshot(build) == before
    # Once the griffie has put its version aside, the build goes on.
    target.rename(project / "eigen-versie.docx")
    assert run("build", "all").exit_code == 0
    assert "Aanvulling van de griffie." not in "\n".join(
        p.text for p in Document(str(target)).paragraphs
    )


def test_a_hand_edited_file_that_would_be_removed_is_kept(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "all").exit_code == 0
    old = project / "build" / f"{OLD}.md"
    old.write_text(old.read_text(encoding="utf-8") + "\nEigen aantekening.\n", encoding="utf-8")
    move_woerden_meeting(project)
    result = run("build", "all")
    assert result.exit_code == 1
    assert f"build/{OLD}.md is met de hand gewijzigd" in result.output
    assert "(en wordt niet meer gemaakt)" in result.output
    assert "Eigen aantekening." in old.read_text(encoding="utf-8")


def test_a_foreign_file_in_an_output_s_place_is_not_overwritten(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "regiovisie").exit_code == 0
    foreign = project / "build/regio/utrecht-west-regeling.md"
    foreign.write_text("Iemands eigen aantekeningen.\n", encoding="utf-8")
    result = run("build", "regeling")
    assert result.exit_code == 1
    assert "utrecht-west-regeling.md is niet door regiodocs gemaakt" in result.output
    assert foreign.read_text(encoding="utf-8") == "Iemands eigen aantekeningen.\n"


def test_a_failure_while_staging_changes_nothing(
    project: Path, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("build", "all").exit_code == 0
    before = snapshot(project / "build")
    edit(project / "content/utrecht-west/regio.yaml", "aantal: 14000", "aantal: 15000")
    calls: dict[str, object] = {"n": 0}
    real_mkstemp = __import__("tempfile").mkstemp

    def full_disk(*args: object, **kwargs: object) -> tuple[int, str]:
        calls["n"] = int(str(calls["n"])) + 1
        if int(str(calls["n"])) > 4:
            calls["folder"] = kwargs["dir"]
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_mkstemp(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("regiodocs.output.store.tempfile.mkstemp", full_disk)
    result = run("build", "all")
    assert result.exit_code == 1
    assert "de schijf is vol" in result.output
    assert "Er is niets in build gewijzigd." in result.output
    # The folder named is the one of the fifth file, where the disk filled up.
    assert f"kan niet schrijven in {calls['folder']}: de schijf is vol" in result.output
    assert snapshot(project / "build") == before  # no temporary file left either


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to know the file")
@pytest.mark.parametrize("batch", [64, 3])
def test_a_disk_error_forcing_staged_files_to_disk_changes_nothing(
    project: Path, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """The staged files are forced to disk side by side, a batch at a time; one that fails
    (EIO on Woerden's files) stops the build before anything is replaced, naming that
    folder, and the files staged in earlier batches are gone too (batch 3)."""
    monkeypatch.setattr("regiodocs.output.store._STAGE_BATCH", batch)
    assert run("build", "all").exit_code == 0
    before = snapshot(project / "build")
    edit(project / "content/utrecht-west/regio.yaml", "aantal: 14000", "aantal: 15000")
    real_fsync = os.fsync
    woerden = (project / "build" / "woerden").resolve()

    def failing(fd: int) -> None:
        if Path(os.readlink(f"/proc/self/fd/{fd}")).parent == woerden:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_fsync(fd)

    monkeypatch.setattr("regiodocs.output.store.os.fsync", failing)
    result = run("build", "all")
    assert result.exit_code == 1
    assert "kan niet schrijven in build/woerden: de schijf gaf een schrijffout" in result.output
    assert "Er is niets in build gewijzigd." in result.output
    assert snapshot(project / "build") == before  # no temporary file left either


def test_a_failure_while_switching_names_exactly_the_replaced_files(
    project: Path, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("build", "all").exit_code == 0
    build = project / "build"
    before = snapshot(build)
    edit(project / "content/utrecht-west/regio.yaml", "aantal: 14000", "aantal: 15000")
    replaced: list[str] = []
    real_replace = os.replace

    def failing(src: str, dst: str) -> None:
        if str(dst).endswith(MANIFEST):
            return real_replace(src, dst)
        if len(replaced) == 2:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        real_replace(src, dst)
        replaced.append(str(dst))
        return None

    monkeypatch.setattr("regiodocs.output.store.os.replace", failing)
    result = run("build", "all")
    monkeypatch.setattr("regiodocs.output.store.os.replace", real_replace)
    assert result.exit_code == 1
    assert "niets" not in result.output  # something did change, and the message says what
    assert "Al vervangen door de nieuwe versie (2 van " in result.output
    for name in replaced:
        assert name in result.output
    after = snapshot(build)
    changed = sorted(
        f"build/{n}" for n in before if n != MANIFEST and n in after and after[n] != before[n]
    )
    assert changed == sorted(replaced)
    # The manifest knows the two new files, so the next build does not take them for hand
    # edits, and ends exact.
    again = run("build", "all")
    assert again.exit_code == 0, again.output
    fresh = project / "fresh"
    assert run("build", "all", "--build", str(fresh / "build")).exit_code == 0
    assert {k: v for k, v in snapshot(build).items() if not k.startswith(".")} == {
        k: v for k, v in snapshot(fresh / "build").items() if not k.startswith(".")
    }


def test_nothing_to_do_is_answered_from_the_manifest_and_checked_against_the_disk(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "raadsbesluit", "--gemeente", "woerden").exit_code == 0
    again = run("build", "raadsbesluit", "--gemeente", "woerden")
    assert "0 documenten gemaakt, 2 ongewijzigd: de inhoud" in again.output
    # A deleted output is made again, not reported as up to date.
    besluit = project / "build/woerden/2026-03-11-raadsbesluit-gr-zienswijze-toestemming.docx"
    besluit.unlink()
    third = run("build", "raadsbesluit", "--gemeente", "woerden")
    assert f"gemaakt: build/{besluit.relative_to(project / 'build')}" in third.output
    assert besluit.is_file()
    # A template change is an input change.
    template = project / "templates/raadsbesluit.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    fourth = run("build", "raadsbesluit", "--gemeente", "woerden")
    assert "ongewijzigd: de inhoud" not in fourth.output


def test_a_killed_builds_temporary_file_is_removed_even_when_nothing_else_changed(
    project: Path, run: Callable[..., Result]
) -> None:
    """The inputs equal those of the last complete build, but a build killed while staging
    left a temporary file: the next build is no quick no-op, it removes the file."""
    assert run("build", "raadsbesluit", "--gemeente", "woerden").exit_code == 0
    stray = (
        project / "build/woerden/.2026-03-11-raadsbesluit-gr-zienswijze-toestemming.docx.x1y2.tmp"
    )
    stray.write_bytes(b"half")
    again = run("build", "raadsbesluit", "--gemeente", "woerden")
    assert again.exit_code == 0, again.output
    assert not stray.exists()
    assert "0 documenten gemaakt, 2 ongewijzigd" in again.output
    assert "ongewijzigd: de inhoud" in run("build", "raadsbesluit", "--gemeente", "woerden").output
