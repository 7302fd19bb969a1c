"""The current bodies and the topics still to settle (seed 000: 'De samenwerking in beeld'
and section 5.3) as data and as a document; a status that says 'geregeld' must name
provisions that exist."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import ROOT, edit, line_of
from docx import Document

from regiodocs import fmt
from regiodocs.content.pipeline import load_checked
from regiodocs.legal.regeling_view import citation_outside

BODIES = ["PHO", "PT", "RBJ", "I&M", "FAC", "RLT", "ASG"]
# Seed 000, 5.3: the fourteen topics, by a phrase of each.
TOPICS = [
    "bevoegdheden van het algemeen bestuur, het dagelijks bestuur en de voorzitter",
    "stemverhoudingen",
    "afbakening van de taken",
    "positie en inbreng van de gemeenteraden",
    "inrichting van de ambtelijke organisatie",
    "verantwoordingsplicht en de informatievoorziening",
    "interne sturing van de organisatie, met de werkprocessen",
    "capaciteit per taak",
    "functiewaardering voor de vacatures, met de keuze van de cao",
    "sociaal plan",
    "dienstverbanden, detachering",
    "huisvesting en ICT",
    "frictiekosten",
    "structurele organisatiekosten, met een verdeelsleutel",
]


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[list[str]]]:
    from regiodocs.build import build

    out = tmp_path_factory.mktemp("overgang") / "build"
    build(ROOT / "content", ROOT / "templates", out, "utrecht-west", ("overgang",))
    doc = Document(str(out / "regio/utrecht-west-overgang.docx"))
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    return [p.text for p in doc.paragraphs], rows


def test_every_current_body_with_what_it_is_and_its_future(
    document: tuple[list[str], list[list[str]]],
) -> None:
    paragraphs, rows = document
    table = {r[0]: r for r in rows[1:8]}
    assert list(table) == BODIES
    assert table["PHO"][2] == (
        "gaat op in de gemeenschappelijke regeling (opvolger: algemeen bestuur)"
    )
    assert table["RLT"][2] == "blijft bestaan"
    for body in BODIES:
        assert any(p.endswith(f"({body})") for p in paragraphs), body
    assert any(p.startswith("De aparte organisatie voor de inkoop") for p in paragraphs)
    assert any("I&M zit het voor." in p for p in paragraphs)


def test_the_fourteen_topics_with_status_and_provisions(
    document: tuple[list[str], list[list[str]]],
) -> None:
    paragraphs, rows = document
    topics = [r for r in rows if r[0].isdigit()]
    assert len(topics) == 14
    for (_, onderwerp, *_), phrase in zip(topics, TOPICS, strict=True):
        assert phrase in onderwerp
    regeling = load_checked(ROOT / "content", "utrecht-west").region.regeling
    assert regeling is not None
    assert (
        "Van de 14 onderwerpen zijn er 4 geregeld, 3 in uitwerking en 7 open. De artikelen zijn "
        f"die van de {regeling.citeertitel}, versie {regeling.versie} van "
        f"{fmt.datum(regeling.datum_versie)}." in paragraphs
    )
    stem = topics[1]
    assert stem[2] == "geregeld"
    number = citation_outside(regeling, "stemverhouding").split(" van de ")[0]
    assert stem[3] == number and number.startswith("artikel ")
    assert topics[12][2:] == ["open", "-", "begroting"]


def test_a_topic_settled_by_a_provision_that_does_not_exist(
    project: Path, run: Callable[..., Result]
) -> None:
    path = project / "content/utrecht-west/overgang.yaml"
    edit(path, '["[[stemverhouding]]"]', '["[[stemverhoudingen]]"]')
    result = run("check")
    assert result.exit_code == 1
    assert f"overgang.yaml:{line_of(path, '[[stemverhoudingen]]')}:" in result.output
    assert "verwijzing naar 'stemverhoudingen' bestaat niet; bedoelde u 'stemverhouding'?" in (
        result.output
    )


def test_settled_without_a_provision_and_an_undescribed_body(
    project: Path, run: Callable[..., Result]
) -> None:
    path = project / "content/utrecht-west/overgang.yaml"
    edit(path, '    geregeld_in: ["[[stemverhouding]]"]\n', "")
    edit(path, "  - overleg: asg\n", "  - overleg: asgg\n")
    result = run("check")
    assert result.exit_code == 1
    out = result.output
    assert "onderwerp 'stemverhoudingen' heet geregeld, maar noemt geen bepaling" in out
    assert "overleg 'asgg' bestaat niet; bedoelde u 'asg'? in bestuur.yaml" in out
    assert "overleg 'asg' (ASG) uit bestuur.yaml heeft hier geen beschrijving (wat)" in out
