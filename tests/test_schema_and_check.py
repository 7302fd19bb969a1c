"""Schema and semantic checks through `regiodocs check`: message, file:line:column, YAML path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from conftest import edit, line_of

REGIO = Path("content/utrecht-west/regio.yaml")
REGELING = Path("content/utrecht-west/regeling.yaml")
VOORSTEL = Path("content/utrecht-west/raadsvoorstellen/01-regiovisie-vaststellen.yaml")


def test_shipped_content_checks_clean(run: Callable[..., Result]) -> None:
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "Inhoud Utrecht West in orde: 5 gemeenten" in result.output
    assert "fout" not in result.output


def test_unknown_key_suggests_the_right_one(project: Path, run: Callable[..., Result]) -> None:
    edit(
        project / REGIO,
        "    contactrol: beleidsadviseur Jeugd en Wmo",
        "    contactrool: beleidsadviseur Jeugd en Wmo",
    )
    result = run("check")
    assert result.exit_code == 1
    line = line_of(project / REGIO, "contactrool")
    assert (
        f"regio.yaml:{line}:5: fout: [regio.deelnemers[1].contactrool] onbekende sleutel 'contactrool'; bedoelde u 'contactrol'?"
        in result.output
    )
    assert "Traceback" not in result.output


def test_missing_field_wrong_type_bad_date_negative_number_in_one_run(
    project: Path, run: Callable[..., Result]
) -> None:
    path = project / REGIO
    edit(path, '    kenmerk_prefix: "MF-{jaar}-"\n', "")
    edit(path, "inwoners: {aantal: 10000,", "inwoners: {aantal: -5,")
    edit(path, "raadsvergaderingen: [2025-05-20,", "raadsvergaderingen: [2026-02-30,")
    edit(path, "    lettergrootte: 11", "    lettergrootte: groot")
    result = run("check")
    assert result.exit_code == 1
    out = result.output
    assert "[regio.deelnemers[1]] verplicht veld 'kenmerk_prefix' ontbreekt" in out
    assert (
        "[regio.deelnemers[2].inwoners.aantal] waarde '-5' is te klein; verwacht groter dan 0"
        in out
    )
    assert "[regio.deelnemers[3].raadsvergaderingen[0]] '2026-02-30' is geen bestaande datum" in out
    assert "[regio.huisstijlen[1].lettergrootte] verwacht een getal, gevonden 'groot'" in out
    assert "4 fouten" in out


def test_empty_required_list(project: Path, run: Callable[..., Result]) -> None:
    edit(
        project / VOORSTEL,
        "gelet_op:\n  - artikel 108 van de Gemeentewet\n  - artikel 147, tweede lid, van de Gemeentewet\n",
        "gelet_op: []\n",
    )
    result = run("check")
    assert result.exit_code == 1
    assert "[raadsvoorstel.gelet_op] lijst mag niet leeg zijn" in result.output


def test_unsafe_id_is_refused(project: Path, run: Callable[..., Result]) -> None:
    edit(project / REGIO, "  - id: oudewater\n", "  - id: ../oudewater\n")
    result = run("check")
    assert result.exit_code == 1
    assert "[regio.deelnemers[2].id] ongeldige id '../oudewater'" in result.output


def test_dangling_reference_in_regeling(project: Path, run: Callable[..., Result]) -> None:
    edit(project / REGELING, "[[bijdragen.sleutel]]", "[[bijdragen.sleute]]")
    result = run("check")
    assert result.exit_code == 1
    line = line_of(project / REGELING, "[[bijdragen.sleute]]")
    assert f"regeling.yaml:{line}:" in result.output
    assert (
        "verwijzing naar 'bijdragen.sleute' bestaat niet; bedoelde u 'bijdragen.sleutel'?"
        in result.output
    )


def test_handwritten_citation_is_refused(project: Path, run: Callable[..., Result]) -> None:
    edit(project / REGELING, "bedoeld in [[bevoegdheden.aan-db]]", "bedoeld in artikel 5, lid 1")
    result = run("check")
    assert result.exit_code == 1
    assert "verwijzing 'lid 1' met de hand geschreven; gebruik [[id]]" in result.output


def test_duplicate_article_id(project: Path, run: Callable[..., Result]) -> None:
    edit(project / REGELING, "      - id: archief\n", "      - id: deelneming\n")
    result = run("check")
    assert result.exit_code == 1
    assert "id 'deelneming' komt al voor" in result.output


def test_unknown_and_missing_municipality_in_a_proposal(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(
        project / VOORSTEL,
        "  montfoort: {raadsvergadering: 2025-05-19",
        "  montfort: {raadsvergadering: 2025-05-19",
    )
    result = run("check")
    assert result.exit_code == 1
    assert (
        "[raadsvoorstel.per_gemeente.montfort] gemeente 'montfort' bestaat niet; bedoelde u 'montfoort'?"
        in result.output
    )
    assert "gegevens voor gemeente 'montfoort' ontbreken" in result.output


def test_meeting_date_must_be_a_council_meeting_and_after_the_college(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(
        project / VOORSTEL,
        "woerden: {raadsvergadering: 2025-05-21, collegebesluit: 2025-04-15",
        "woerden: {raadsvergadering: 2026-12-18, collegebesluit: 2026-12-20",
    )
    result = run("check")
    assert result.exit_code == 1
    assert "2026-12-18 is geen raadsvergadering van Woerden" in result.output
    assert "het collegebesluit moet vóór de raadsvergadering liggen" in result.output


def test_regional_task_needs_a_body(project: Path, run: Callable[..., Result]) -> None:
    edit(
        project / "content/utrecht-west/taken.yaml",
        "    belegd_bij: dagelijks-bestuur\n    artikel: taken\n    bepaling: taken.regionale-taken.inkoop\n  - id: contractbeheer",
        "    artikel: taken\n    bepaling: taken.regionale-taken.inkoop\n  - id: contractbeheer",
    )
    result = run("check")
    assert result.exit_code == 1
    assert "regionale taak 'inkoop' heeft geen orgaan dat haar draagt" in result.output


def test_open_remark_is_a_warning_and_an_error_when_strict(
    project: Path, run: Callable[..., Result]
) -> None:
    path = project / "content/utrecht-west/consultatie.yaml"
    edit(
        path,
        "        afhandeling:\n          status: niet-verwerkt\n          reden: Budgetplafonds zijn een keuze in de inkoopstrategie, niet in de regiovisie.\n",
        "",
    )
    relaxed = run("check")
    assert relaxed.exit_code == 0
    assert (
        "waarschuwing: [consultatie.bronnen[1].opmerkingen[1]] opmerking 'wo-2' heeft nog geen afhandeling (open)"
        in relaxed.output
    )
    strict = run("check", "--strict")
    assert strict.exit_code == 1


def test_unknown_region_is_a_usage_error(run: Callable[..., Result]) -> None:
    result = run("check", "--regio", "lekstroom-zuid")
    assert result.exit_code == 2
    assert "onbekende regio 'lekstroom-zuid'" in result.output


def test_a_second_region_needs_no_code_change(project: Path, run: Callable[..., Result]) -> None:
    result = run("check", "--regio", "lekstroom")
    assert result.exit_code == 0, result.output
    assert "Inhoud Lekstroom in orde: 5 gemeenten" in result.output


def test_a_share_that_rounds_to_zero_is_a_warning(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(project / REGIO, "inwoners: {aantal: 10000,", "inwoners: {aantal: 5,")
    result = run("check")
    assert result.exit_code == 0
    assert (
        "[regio.deelnemers[2].inwoners.aantal] het aandeel van Oudewater in de verdeelsleutel rondt af op 0%"
        in result.output
    )


def test_comma_in_unquoted_flow_text_gets_a_useful_hint(
    project: Path, run: Callable[..., Result]
) -> None:
    path = project / "content/utrecht-west/bestuur.yaml"
    edit(
        path,
        'rol: "regionale inkoop, contractmanagement en monitoring"',
        "rol: regionale inkoop, contractmanagement en monitoring",
    )
    result = run("check")
    assert result.exit_code == 1
    assert (
        "staat er een komma in een tekst tussen { }? Zet die tekst dan tussen aanhalingstekens"
        in result.output
    )
