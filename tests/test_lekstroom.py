"""Lekstroom in full (seed 002, 'Regio Lekstroom: sterk met elkaar', October 2024): every
list of the note is in the content and in the built toekomstnotitie, and the region builds
next to Utrecht West."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import edit, line_of
from docx import Document

# Items of seed 002, each by a phrase the document must carry (facts carry over, so names,
# abbreviations, years and percentages are checked literally).
PRINCIPES = [
    "a. Maatschappelijke opgaven zijn leidend en vragen een sterkere integrale aanpak",
    "b. Het sociaal domein in de regio is kwalitatief goed én betaalbaar",
    "c. De regionale samenwerking wordt sterker, lokaal én regionaal",
    "d. De netwerksamenwerking wordt sterker, en we doen allemaal mee",
    "e. Sturen en loslaten",
    "f. Samenwerken aan beleid én uitvoering",
    "g. Preventie blijft lokaal; regionaal ontwikkelen en leren we samen",
    "h. Bovenregionaal werk vraagt een efficiënte regionale samenwerking",
]
ORGANEN = [
    "Bestuurlijk Platform Sociaal Domein Lekstroom (BPSDL): de bestuurlijke kern",
    "Programmaleidersoverleg (PLO): het scharnier van de inhoudelijke samenwerking",
    "GSO: eindverantwoordelijk voor de organisatie van het regionale programma",
    "Regionale Backoffice Lekstroom (RBL): de regionale uitvoeringsorganisatie",
    "Wethoudersoverleg Jeugd",
    "Ambtelijk Overleg Jeugd",
]
TAKEN = [
    "stelt het jaarprogramma vast",
    "stelt de inhoudelijke opdracht van elke opgave vast",
    "vult het ambtelijk opdrachtgeverschap in voor de opgaven en accounts",
    "is opdrachtgever van de RBL",
    "is het escalatiepunt bij organisatorische problemen",
    "inkoop, contractmanagement, financiële administratie en monitoring",
    "is de verbindende schakel tussen BPSDL, GSO, RBL en PLO",
]
JAREN = ["2013", "2015", "2017", "2018", "2021"]
VERDEELSLEUTEL = {
    "Houten": "22,71%",
    "IJsselstein": "15,08%",
    "Lopik": "6,55%",
    "Nieuwegein": "29,13%",
    "Vijfheerenlanden": "26,53%",
}


@pytest.fixture(scope="module")
def notitie(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[list[str]]]:
    from conftest import ROOT

    from regiodocs.build import build

    out = tmp_path_factory.mktemp("lekstroom") / "build"
    build(ROOT / "content", ROOT / "templates", out, "lekstroom", ("toekomstnotitie",))
    doc = Document(str(out / "regio/lekstroom-toekomstnotitie.docx"))
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    return [p.text for p in doc.paragraphs], rows


def test_the_eight_leading_principles(notitie: tuple[list[str], list[list[str]]]) -> None:
    paragraphs, _ = notitie
    lettered = [p for p in paragraphs if p[:3] in {f"{c}. " for c in "abcdefghi"}]
    assert lettered[:8] == PRINCIPES
    # then the five measures for capacity (4.2 a-e)
    assert [p[:3] for p in lettered[8:]] == ["a. ", "b. ", "c. ", "d. ", "e. "]


def test_governance_lines_with_their_tasks(notitie: tuple[list[str], list[list[str]]]) -> None:
    paragraphs, _ = notitie
    assert "De inhoudelijke samenwerking" in paragraphs
    assert "De organisatie van het Programma" in paragraphs
    for orgaan in ORGANEN:
        assert any(p.startswith(orgaan) for p in paragraphs), orgaan
    for taak in TAKEN:
        assert any(taak in p for p in paragraphs), taak


def test_steering_and_letting_go(notitie: tuple[list[str], list[list[str]]]) -> None:
    paragraphs, _ = notitie
    start = paragraphs.index("Sturen (bestuurlijk)")
    middle = paragraphs.index("Loslaten (bestuurlijk én ambtelijk)")
    assert middle - start - 1 == 4  # four agreements on steering
    assert "We gebruiken een vooraf vastgesteld afwegingskader." in paragraphs[start:middle]
    assert paragraphs[middle + 1].startswith("We verdelen de taken, bestuurlijk en ambtelijk")
    assert paragraphs[middle + 3].startswith("We stemmen in met de voorbereide voorstellen")


def test_reasons_history_results_and_cost_key(
    notitie: tuple[list[str], list[list[str]]],
) -> None:
    paragraphs, rows = notitie
    waarom = paragraphs.index("De redenen om samen op te trekken, vanaf het begin:")
    assert paragraphs[waarom + 1] == "Inwoners trekken zich niets aan van gemeentegrenzen."
    assert paragraphs[waarom + 8] == "Een gezamenlijke lobby bereikt meer."
    assert [r[0] for r in rows if r[0] in JAREN] == JAREN
    # the shared principles come from visie.yaml (one truth), eight of them
    uitgangspunten = paragraphs.index("De uitgangspunten daarbij:")
    assert paragraphs[uitgangspunten + 1] == "De regie ligt bij inwoners en hun netwerk."
    assert paragraphs[uitgangspunten + 8].startswith("We werken met zorgaanbieders als partners")
    assert sum(1 for p in paragraphs if "ROEL" in p or "Yeph" in p) >= 2
    for gemeente, aandeel in VERDEELSLEUTEL.items():
        assert any(r[0] == gemeente and r[-1] == aandeel for r in rows), gemeente


def test_the_afwegingskader_applied_to_lekstroom_opgaven(
    notitie: tuple[list[str], list[list[str]]],
) -> None:
    paragraphs, rows = notitie
    assert "Bijlage: Afwegingskader regionale opgaven Lekstroom" in paragraphs
    applied = {r[0]: r for r in rows if r[0] != "Opgave" and len(r) == 4}
    assert applied["Inkoop van Jeugdhulp en Wmo"][1].startswith("De regio pakt de opgave samen op.")
    assert applied["Inkoop van Jeugdhulp en Wmo"][2] == "de voorbereiding én de uitvoering samen"
    assert applied["Regionale inbreng in bovenregionale dossiers"][1].startswith(
        "De regio pakt de opgave samen op. De eerste vraag is met ja beantwoord (Moet of wil de Lekstroom"
    )
    assert applied["Preventie en het Integraal Zorgakkoord"][2] == (
        "alleen de voorbereiding samen; de uitvoering blijft bij iedere gemeente"
    )
    assert (
        "de vragen 1, 2 en 4 zijn met ja beantwoord"
        in applied["Preventie en het Integraal Zorgakkoord"][1]
    )


def test_make_all_for_both_regions_side_by_side(project: Path, run: Callable[..., Result]) -> None:
    assert run("build", "all").exit_code == 0
    assert run("consistency").exit_code == 0
    result = run("build", "all", "--regio", "lekstroom")
    assert result.exit_code == 0, result.output
    consistency = run("consistency", "--regio", "lekstroom")
    assert consistency.exit_code == 0, consistency.output
    built = sorted(p.name for p in (project / "build/regio").glob("lekstroom-*.docx"))
    assert built == [
        "lekstroom-afweging-bovenregionale-dossiers.docx",
        "lekstroom-afweging-inkoop-jeugd-wmo.docx",
        "lekstroom-afweging-preventie-iza.docx",
        "lekstroom-afweging-zorgfraude-rechtmatigheid.docx",
        "lekstroom-regiovisie.docx",
        "lekstroom-toekomstnotitie.docx",
    ]


def test_a_wrong_date_in_the_note_is_located(project: Path, run: Callable[..., Result]) -> None:
    path = project / "content/lekstroom/toekomstnotitie.yaml"
    edit(path, "datum: oktober 2024", "datum: okt 2024")
    result = run("check", "--regio", "lekstroom")
    assert result.exit_code == 1
    assert (
        f"toekomstnotitie.yaml:{line_of(path, 'datum: okt 2024')}:8: fout: "
        "[toekomstnotitie.datum] 'okt 2024' is geen maand met jaar" in result.output
    )
