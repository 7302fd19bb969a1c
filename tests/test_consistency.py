"""`regiodocs consistency`: the five versions differ only in declared fields; one regeling version."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from conftest import edit


def test_shipped_templates_are_consistent(project: Path, run: Callable[..., Result]) -> None:
    assert run("build", "all").exit_code == 0
    result = run("consistency")
    assert result.exit_code == 0, result.output
    assert "Consistent: 45 vergelijkingen" in result.output


def test_a_template_branching_on_a_municipality_is_caught(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(
        project / "templates/raadsvoorstel.md.j2",
        "# Communicatie",
        "# Communicatie{% if gemeente.naam == 'Woerden' %} en pers{% endif %}",
    )
    result = run("consistency")
    assert result.exit_code == 1
    assert (
        "raadsvoorstel-regiovisie-vaststellen: de versie van woerden bevat tekst die afhangt van een gemeentewaarde"
        in result.output
    )
    assert "montfoort" not in result.output


def test_a_document_citing_an_older_regeling_is_caught(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "raadsvoorstel", "--gemeente", "oudewater").exit_code == 0
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "ab-vergaderingen-per-jaar: 2",  # printed in article 9: "ten minste twee keer per jaar"
        "ab-vergaderingen-per-jaar: 3",
    )
    assert run("build", "raadsvoorstel", "--gemeente", "woerden").exit_code == 0
    result = run("consistency")
    assert result.exit_code == 1
    assert (
        "oudewater/2026-03-05-raadsvoorstel-gr-zienswijze-toestemming.docx: noemt vingerafdruk"
        in result.output
    )
    assert "woerden" not in result.output


def test_regions_build_side_by_side(project: Path, run: Callable[..., Result]) -> None:
    # Utrecht West's documents name Utrecht West's fingerprints; Lekstroom's consistency
    # must not read them (it did: 37 false inconsistencies), and the other way round.
    assert run("build", "all").exit_code == 0
    assert run("build", "all", "--regio", "lekstroom").exit_code == 0
    lekstroom = run("consistency", "--regio", "lekstroom")
    assert lekstroom.exit_code == 0, lekstroom.output
    utrecht_west = run("consistency")
    assert utrecht_west.exit_code == 0, utrecht_west.output
    assert "Consistent: 45 vergelijkingen" in utrecht_west.output
    # A stale document of Utrecht West is still caught by Utrecht West, never by Lekstroom.
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "ab-vergaderingen-per-jaar: 2",  # printed in article 9: "ten minste twee keer per jaar"
        "ab-vergaderingen-per-jaar: 3",
    )
    assert run("consistency", "--regio", "lekstroom").exit_code == 0
    stale = run("consistency")
    assert stale.exit_code == 1
    assert "raadsvoorstel-gr-zienswijze-toestemming.docx: noemt vingerafdruk" in stale.output


def test_a_local_paragraph_is_in_one_voorstel_only_and_named(
    project: Path, run: Callable[..., Result]
) -> None:
    from docx import Document

    assert run("build", "raadsvoorstel").exit_code == 0
    title = "Wat dit betekent voor de inkoop in Stichtse Vecht"
    for gemeente, expected in [
        ("stichtse-vecht", True),
        ("woerden", False),
        ("de-ronde-venen", False),
        ("montfoort", False),
        ("oudewater", False),
    ]:
        (path,) = (project / "build" / gemeente).glob("*-raadsvoorstel-regiovisie-vaststellen.docx")
        texts = [p.text for p in Document(str(path)).paragraphs]
        assert (title in texts) is expected, gemeente
        if expected:
            # At its named anchor: the end of 'Wat gaan we daarvoor doen', before 'Argumenten'.
            at = texts.index(title)
            assert texts.index("Wat gaan we daarvoor doen") < at < texts.index("Argumenten")
            assert texts[at + 1].startswith("Stichtse Vecht koopt Jeugdhulp en Wmo nu in")
    result = run("consistency")
    assert result.exit_code == 0, result.output
    assert (
        "raadsvoorstel-regiovisie-vaststellen: de versie van stichtse-vecht verschilt hier, "
        "bewust: lokale paragraaf 'eigen-inkoopmodel' (Wat dit betekent voor de inkoop in "
        "Stichtse Vecht), aan het eind van 'Wat gaan we daarvoor doen'" in result.output
    )
    assert "; 1 bewust verschil: lokale paragrafen." in result.output


def test_the_same_text_outside_a_local_paragraph_is_still_caught(
    project: Path, run: Callable[..., Result]
) -> None:
    # Declaring a local paragraph does not excuse any other difference in that voorstel.
    edit(
        project / "templates/raadsvoorstel.md.j2",
        "# Communicatie",
        "# Communicatie{% if lokaal['wat-gaan-we-doen'] %} en pers{% endif %}",
    )
    result = run("consistency")
    assert result.exit_code == 1
    assert (
        "raadsvoorstel-regiovisie-vaststellen: de versie van stichtse-vecht wijkt af"
        in result.output
    )
