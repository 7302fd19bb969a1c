"""`regiodocs build`: exit codes, located template errors, build/ untouched on failure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from conftest import edit, line_of, snapshot
from docx import Document


def test_build_one_municipality_only(project: Path, run: Callable[..., Result]) -> None:
    result = run("build", "raadsvoorstel", "--gemeente", "woerden")
    assert result.exit_code == 0, result.output
    built = sorted(
        p.relative_to(project / "build").as_posix()
        for p in (project / "build").rglob("*.docx")
        if ".cache" not in p.parts
    )
    assert built == [
        "woerden/2025-05-21-raadsvoorstel-regiovisie-vaststellen.docx",
        "woerden/2026-03-11-raadsvoorstel-gr-zienswijze-toestemming.docx",
    ]
    assert "2 documenten gemaakt" in result.output


def test_unknown_municipality_is_a_usage_error_and_builds_nothing(
    project: Path, run: Callable[..., Result]
) -> None:
    result = run("build", "raadsvoorstel", "--gemeente", "utrecht")
    assert result.exit_code == 2
    assert (
        "onbekende gemeente 'utrecht'; kies uit: de-ronde-venen, montfoort, oudewater, stichtse-vecht, woerden"
        in result.output
    )
    assert not (project / "build").exists()


def test_second_build_converts_nothing_and_rewrites_nothing(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "all").exit_code == 0
    before = {p: p.stat().st_mtime_ns for p in (project / "build").rglob("*.docx")}
    again = run("build", "all")
    assert again.exit_code == 0
    # The inputs did not change: the manifest says so, and nothing is loaded or converted.
    assert "0 documenten gemaakt, 35 ongewijzigd: de inhoud, de sjablonen" in again.output
    assert {p: p.stat().st_mtime_ns for p in before} == before
    # A change that makes the same documents (a comment) runs the build: all from the cache.
    regio = project / "content/utrecht-west/regio.yaml"
    regio.write_text(regio.read_text(encoding="utf-8") + "# opmerking\n", encoding="utf-8")
    third = run("build", "all")
    assert (
        "0 documenten gemaakt, 35 ongewijzigd; 0 opnieuw opgemaakt met 0 pandoc-runs, 35 uit de cache."
        in third.output
    )
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_editing_one_article_reconverts_only_what_contains_or_cites_it(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "all").exit_code == 0
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "ab-vergaderingen-per-jaar: 2",  # printed in article 9: "ten minste twee keer per jaar"
        "ab-vergaderingen-per-jaar: 3",
    )
    result = run("build", "all")
    assert result.exit_code == 0
    made = sorted(
        line.removeprefix("gemaakt: ")
        for line in result.output.splitlines()
        if line.startswith("gemaakt: ")
    )
    # The regeling itself, and every document naming its fingerprint (GR proposal, besluit, RIB).
    assert "build/regio/utrecht-west-regeling.docx" in made
    assert "build/woerden/2026-03-11-raadsvoorstel-gr-zienswijze-toestemming.docx" in made
    assert "build/woerden/2025-11-06-raadsinformatiebrief-koers-naar-gr.docx" in made
    assert not any("regiovisie-vaststellen" in m or m.endswith("regiovisie.docx") for m in made)
    # regeling, wgr-toets and the overgang (it cites article numbers and names the regeling's
    # fingerprint), and three documents per municipality
    assert "build/regio/utrecht-west-overgang.docx" in made
    assert len(made) == 3 + 5 * 3


def test_template_syntax_error_is_located_and_build_is_untouched(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "raadsbesluit").exit_code == 0
    before = snapshot(project / "build")
    edit(
        project / "templates/raadsbesluit.md.j2",
        "gelet op {{ gelet_op }};",
        "gelet op {{ gelet_op };",
    )
    result = run("build", "all")
    assert result.exit_code == 1
    line = line_of(project / "templates/raadsbesluit.md.j2", "gelet op {{ gelet_op };")
    assert f"templates/raadsbesluit.md.j2:{line}:1: fout: syntaxfout in sjabloon" in result.output
    assert "Traceback" not in result.output
    assert snapshot(project / "build") == before


def test_undefined_template_variable_is_located(project: Path, run: Callable[..., Result]) -> None:
    edit(
        project / "templates/raadsinformatiebrief.md.j2",
        "{{ gemeente.contactrol }}",
        "{{ gemeente.contactpersoon }}",
    )
    result = run("build", "raadsinformatiebrief")
    assert result.exit_code == 1
    line = line_of(project / "templates/raadsinformatiebrief.md.j2", "contactpersoon")
    assert (
        f"templates/raadsinformatiebrief.md.j2:{line}:1: fout: onbekende variabele in sjabloon: 'contactpersoon' bestaat niet"
        in result.output
    )
    assert not (project / "build").exists()


def test_content_error_builds_nothing(project: Path, run: Callable[..., Result]) -> None:
    assert run("build", "all").exit_code == 0
    before = snapshot(project / "build")
    edit(project / "content/utrecht-west/regio.yaml", "aantal: 14000", "aantal: veertienduizend")
    result = run("build", "all")
    assert result.exit_code == 1
    assert "[regio.deelnemers[1].inwoners.aantal] verwacht een geheel getal" in result.output
    assert snapshot(project / "build") == before


def test_text_that_looks_like_markup_appears_literally(
    project: Path, run: Callable[..., Result]
) -> None:
    hostile = (
        'Let op {{ gemeente.naam }} {% if x %} ```{=openxml} <w:p/> ``` [x]{custom-style="Title"} '
        "<b>vet</b> | a | b | # Kop \u202eomgekeerd\u202c zero\u200bwidth " + "x" * 300
    )
    edit(
        project / "content/utrecht-west/raadsvoorstellen/01-regiovisie-vaststellen.yaml",
        "wat_willen_we_bereiken: |\n  Een dekkend zorglandschap",
        f"wat_willen_we_bereiken: |\n  {hostile}\n\n  Een dekkend zorglandschap",
    )
    assert run("build", "raadsvoorstel", "--gemeente", "montfoort").exit_code == 0
    doc = Document(
        str(project / "build/montfoort/2025-05-19-raadsvoorstel-regiovisie-vaststellen.docx")
    )
    [para] = [p for p in doc.paragraphs if p.text.startswith("Let op")]
    expected = (
        hostile.replace("\u202e", "<U+202E>")
        .replace("\u202c", "<U+202C>")
        .replace("\u200b", "<U+200B>")
    )
    assert para.text == expected
    assert para.style.name in ("Body Text", "First Paragraph")
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == ["Raadsvoorstel"]
    assert len(doc.tables) == 2  # the kop and the voorgeschiedenis; the pipes opened no table


def test_help_is_dutch_and_lists_the_commands(run: Callable[..., Result]) -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("build", "check", "consistency", "schema"):
        assert command in result.output


def test_schema_command_writes_json_schema(project: Path, run: Callable[..., Result]) -> None:
    import json

    result = run("schema", "--per-bestand", "schema")
    assert result.exit_code == 0
    regeling = json.loads((project / "schema/regeling.schema.json").read_text())
    assert regeling["additionalProperties"] is False
    assert "citeertitel" in regeling["required"]


def test_committed_editor_schemas_match_the_models() -> None:
    from regiodocs.content.region import FOLDER_MODELS, SECTION_MODELS
    from regiodocs.content.schema import file_schema

    root = Path(__file__).resolve().parents[1]
    for name in {**SECTION_MODELS, **FOLDER_MODELS}:
        committed = (root / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == file_schema(name), (
            f"schema/{name}.schema.json is verouderd: draai 'make schema'"
        )


def test_help_and_check_do_not_import_the_rendering_stack(project: Path) -> None:
    import subprocess
    import sys

    from conftest import ROOT

    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from regiodocs.cli import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
        "assert CliRunner().invoke(main, ['check']).exit_code == 0\n"
        "heavy = sorted(m for m in ('jinja2', 'docx', 'pypandoc', 'lxml') if m in sys.modules)\n"
        "print('zwaar:', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "zwaar: []" in result.stdout


def test_progress_stays_quiet_when_piped(run: Callable[..., Result]) -> None:
    result = run("build", "raadsbesluit", "--gemeente", "woerden")
    assert result.exit_code == 0
    assert "[1/" not in result.output


def test_the_summary_counts_in_dutch_singular_and_plural(
    project: Path, run: Callable[..., Result]
) -> None:
    one = run("build", "regeling")
    assert one.exit_code == 0, one.output
    assert (
        "1 document gemaakt, 0 ongewijzigd; 1 opnieuw opgemaakt met 1 pandoc-run, 0 uit de cache."
        in one.output
    )
    again = run("build", "regeling")
    assert "0 documenten gemaakt, 1 ongewijzigd: de inhoud" in again.output
    two = run("build", "raadsbesluit", "--gemeente", "woerden")
    assert two.exit_code == 0, two.output
    assert "2 documenten gemaakt, 0 ongewijzigd; 2 opnieuw opgemaakt met " in two.output
    assert "(en)" not in one.output + again.output + two.output
    assert "(s)" not in one.output + again.output + two.output


def test_check_counts_in_dutch_singular_and_plural(
    project: Path, run: Callable[..., Result]
) -> None:
    result = run("check")
    assert result.exit_code == 0, result.output
    assert (
        "in orde: 5 gemeenten, 2 raadsvoorstellen, 33 artikelen in de regeling, "
        "0 waarschuwingen." in result.output
    )
    (project / "content/utrecht-west/raadsvoorstellen/02-gr-zienswijze-toestemming.yaml").unlink()
    one = run("check")
    assert one.exit_code == 0, one.output
    assert "5 gemeenten, 1 raadsvoorstel, 33 artikelen" in one.output
    edit(project / "content/utrecht-west/regio.yaml", "naam:", "onbekend: 1\nnaam:")
    failed = run("check")
    assert failed.exit_code == 1
    assert failed.output.splitlines()[-1] == (
        "1 fout, 0 waarschuwingen; er is niets gebouwd of gewijzigd."
    )
