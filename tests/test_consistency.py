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
        "ten minste twee keer per jaar",
        "ten minste drie keer per jaar",
    )
    assert run("build", "raadsvoorstel", "--gemeente", "woerden").exit_code == 0
    result = run("consistency")
    assert result.exit_code == 1
    assert (
        "oudewater/2027-03-04-raadsvoorstel-gr-zienswijze-toestemming.md: noemt vingerafdruk"
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
        "ten minste twee keer per jaar",
        "ten minste drie keer per jaar",
    )
    assert run("consistency", "--regio", "lekstroom").exit_code == 0
    stale = run("consistency")
    assert stale.exit_code == 1
    assert "raadsvoorstel-gr-zienswijze-toestemming.md: noemt vingerafdruk" in stale.output
