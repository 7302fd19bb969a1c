"""Computed governance content: votes under a cap, afweging outcomes, the reactienota, and
figures that follow the inhabitants into every document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import edit, line_of
from docx import Document

from regiodocs.content.models.bestuur import Stemverhouding
from regiodocs.governance.stemverhouding import StemverhoudingFout, stemmen

UW = {"sv": 64000, "wo": 54000, "drv": 46000, "mf": 14000, "ow": 10000}


def cells(path: Path) -> list[list[str]]:
    return [
        [c.text for c in row.cells] for table in Document(str(path)).tables for row in table.rows
    ]


def test_equal_votes() -> None:
    result = stemmen(Stemverhouding(soort="gelijk"), UW, leden_per_deelnemer=2)
    assert {k: v.stemmen for k, v in result.items()} == dict.fromkeys(UW, 2)
    assert str(result["ow"].procent) == "20.00"


def test_weighted_votes_with_a_binding_cap_by_hand() -> None:
    # 100 votes, at least 1 each: 95 by inhabitants gives 33/27/23/7/5 (+1 each) = 34/28/24/8/6.
    # Stichtse Vecht (34) exceeds the cap of 30: it gets 30; the other 66 (less 4 minimum
    # votes) go to the others by largest remainder: 29/25/7/5 (+1) = 30/26/8/6.
    regel = Stemverhouding(
        soort="gewogen", totaal_stemmen=100, minimaal_stemmen=1, maximaal_aandeel_procent=30
    )
    result = stemmen(regel, UW, leden_per_deelnemer=1)
    assert {k: v.stemmen for k, v in result.items()} == {
        "sv": 30,
        "wo": 30,
        "drv": 26,
        "mf": 8,
        "ow": 6,
    }
    assert sum(v.stemmen for v in result.values()) == 100


def test_weighted_votes_without_a_cap_can_give_one_municipality_a_majority() -> None:
    with pytest.raises(
        StemverhoudingFout, match="'groot' heeft met 74 van de 100 stemmen alleen een meerderheid"
    ):
        stemmen(Stemverhouding(soort="gewogen"), {"groot": 750, "a": 125, "b": 125}, 1)


def test_a_cap_too_low_to_reach_100_percent_is_refused() -> None:
    with pytest.raises(StemverhoudingFout, match="plafond van 15.0% is te laag"):
        stemmen(Stemverhouding(soort="gewogen", maximaal_aandeel_procent=15), UW, 1)


def test_cap_violation_is_a_located_content_error(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(
        project / "content/utrecht-west/bestuur.yaml",
        "  soort: gelijk\n  stemmen_per_lid: 1",
        "  soort: gewogen\n  maximaal_aandeel_procent: 60",
    )
    edit(project / "content/utrecht-west/regio.yaml", "aantal: 64000", "aantal: 640000")
    result = run("check")
    assert result.exit_code == 1
    assert (
        "bestuur.yaml" in result.output
        and "[bestuur.stemverhouding] gemeente 'stichtse-vecht' heeft met" in result.output
    )
    assert "alleen een meerderheid" in result.output


def test_voting_table_in_the_regeling(project: Path, run: Callable[..., Result]) -> None:
    edit(
        project / "content/utrecht-west/bestuur.yaml",
        "  soort: gelijk\n  stemmen_per_lid: 1",
        "  soort: gewogen\n  maximaal_aandeel_procent: 30",
    )
    regeling = project / "content/utrecht-west/regeling.yaml"
    refused = run("build", "regeling")
    assert refused.exit_code == 1
    assert "((stemmen-per-lid)) geldt alleen bij gelijke stemmen" in refused.output
    assert f"regeling.yaml:{line_of(regeling, 'heeft ((stemmen-per-lid))')}:" in refused.output
    edit(
        regeling,
        "Ieder lid van het algemeen bestuur heeft ((stemmen-per-lid)).",
        "De leden uit een gemeente brengen samen de stemmen van die gemeente uit.",
    )
    assert run("build", "regeling").exit_code == 0
    rows = cells(project / "build/regio/utrecht-west-regeling.docx")
    assert ["Stichtse Vecht", "30", "30,00%"] in rows and ["Oudewater", "6", "6,00%"] in rows


@pytest.mark.parametrize(
    ("opgave", "uitkomst", "reden", "keuze"),
    [
        (
            "inkoop-specialistische-jeugdhulp",
            "De regio pakt de opgave samen op",
            "De eerste vraag is met ja beantwoord (Zijn we wettelijk verplicht",
            "Gekozen: de voorbereiding én de uitvoering samen.",
        ),
        (
            "berichtenverkeer",
            "De opgave kan tot de focus van de regionale samenwerking horen",
            "de vragen 3, 4, 5 en 7 zijn met ja beantwoord, en één ja is genoeg",
            "Gekozen: alleen de voorbereiding samen; de uitvoering blijft bij iedere gemeente.",
        ),
        (
            "kennisdeling-lokale-teams",
            "De opgave kan tot de focus van de regionale samenwerking horen",
            "de vragen 1 en 2 zijn met ja beantwoord",
            "Gekozen: alleen de voorbereiding samen; de uitvoering blijft bij iedere gemeente.",
        ),
        (
            "lokale-preventieactiviteiten",
            "De opgave hoort niet bij de regionale samenwerking: iedere gemeente pakt haar lokaal op",
            "De eerste vraag en alle 7 volgende vragen zijn met nee beantwoord.",
            None,
        ),
    ],
)
def test_each_afweging_outcome_in_the_advice_note(
    opgave: str,
    uitkomst: str,
    reden: str,
    keuze: str | None,
    project: Path,
    run: Callable[..., Result],
) -> None:
    result = run("afweging", opgave)
    assert result.exit_code == 0, result.output
    assert uitkomst in result.output
    doc = Document(str(project / f"build/regio/utrecht-west-afweging-{opgave}.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert uitkomst in text and reden in text
    assert "Als een gemeente niet meedoet" in text and "vooraf met elkaar" in text
    if keuze is None:
        assert "Gekozen:" not in text and "Deelnemende gemeenten" not in text
    else:
        assert keuze in text
        assert (
            "Alle gemeenten doen mee: De Ronde Venen, Montfoort, Oudewater, Stichtse Vecht en Woerden."
            in text
        )
    answers = doc.tables[0]
    assert [c.text for c in answers.rows[0].cells] == ["Nr.", "Vraag", "Antwoord", "Motivatie"]
    assert len(answers.rows) == 1 + 2 + 7


def test_afweging_errors_are_located(project: Path, run: Callable[..., Result]) -> None:
    path = project / "content/utrecht-west/opgaven/02-berichtenverkeer.yaml"
    edit(
        path,
        "  - {vraag: efficiency, antwoord: ja, motivatie: Eén uitvoering verlaagt de administratieve lasten van aanbieders.}\n",
        "",
    )
    edit(
        path,
        "{vraag: dezelfde-partners, antwoord: ja, motivatie: Dezelfde aanbieders declareren bij alle vijf gemeenten.}",
        "{vraag: dezelfde-partner, antwoord: ja}",
    )
    edit(
        path,
        "{vraag: financieel-voordeel, antwoord: nee, motivatie: Nog niet aangetoond; het onderzoek moet dat uitwijzen.}",
        "{vraag: financieel-voordeel, antwoord: nee}",
    )
    result = run("check")
    assert result.exit_code == 1
    out = result.output
    assert "02-berichtenverkeer.yaml" in out
    assert (
        "[opgave.antwoorden[5].vraag] vraag 'dezelfde-partner' bestaat niet; bedoelde u 'dezelfde-partners'?"
        in out
    )
    assert (
        "[opgave.antwoorden[6]] het antwoord op 'financieel-voordeel' heeft een motivatie nodig"
        in out
    )
    assert "[opgave.antwoorden] geen antwoord op: dezelfde-partners, efficiency" in out


def test_unknown_opgave_is_a_usage_error(run: Callable[..., Result]) -> None:
    result = run("afweging", "zwembad")
    assert result.exit_code == 2
    assert "onbekende opgave 'zwembad'" in result.output


def test_reactienota_with_every_handling(project: Path, run: Callable[..., Result]) -> None:
    edit(
        project / "content/utrecht-west/consultatie.yaml",
        "        afhandeling:\n          status: niet-verwerkt\n          reden: Budgetplafonds zijn een keuze in de inkoopstrategie, niet in de regiovisie.\n",
        "",
    )
    assert run("build", "reactienota").exit_code == 0
    rows = cells(project / "build/regio/utrecht-west-reactienota.docx")
    assert (
        ["verwerkt", "4"] in rows
        and ["deels verwerkt", "1"] in rows
        and ["niet verwerkt", "0"] in rows
        and ["open", "1"] in rows
    )
    by_remark = {r[1]: r for r in rows if len(r) == 5}
    assert (
        by_remark["Geef de raden een formele rol bij de inkoopstrategie."][4]
        == "artikel 17, eerste lid, onderdeel b, van de Gemeenschappelijke regeling Sociaal Domein Utrecht West"
    )
    assert by_remark[
        "Stuur op de kwaliteit van geleverde hulp, niet alleen op tarieven en doorlooptijden."
    ][2:] == [
        "deels verwerkt",
        "Kwaliteit is een eigen taak van de regio; indicatoren volgen in de inkoopstrategie.",
        "regiovisie, hoofdstuk 4 (Randvoorwaarden), 'Effecten meten'",
    ]
    assert by_remark["Stel budgetplafonds pas in als er zicht is op de kwaliteit van aanbieders."][
        2:4
    ] == ["open", "nog niet afgehandeld"]
    strict = run("check", "--strict")
    assert strict.exit_code == 1


def test_raadsvoorstel_summarises_the_consultation(built: Path) -> None:
    text = "\n".join(
        p.text
        for p in Document(
            str(built / "woerden/2025-05-21-raadsvoorstel-regiovisie-vaststellen.docx")
        ).paragraphs
    )
    assert (
        "In de consultatie zijn zes reacties ontvangen van drie gemeenteraden, commissies en adviesorganen. Daarvan zijn er vier verwerkt, één deels verwerkt en één niet verwerkt."
        in text
    )


def test_changing_inhabitants_changes_every_figure(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "all").exit_code == 0
    edit(project / "content/utrecht-west/regio.yaml", "aantal: 14000", "aantal: 28000")
    # 202.000 inhabitants: Montfoort 13,86%; 350.000 x 13,86% = 48.510,00.
    result = run("build", "all")
    assert result.exit_code == 0
    assert ["Montfoort", "28.000", "1 januari 2024", "13,86%"] in cells(
        project / "build/regio/utrecht-west-regeling.docx"
    )
    voorstel = cells(
        project / "build/montfoort/2026-03-09-raadsvoorstel-gr-zienswijze-toestemming.docx"
    )
    assert any(r[-1] == "€\u00a048.510,00" for r in voorstel)
    made = [line for line in result.output.splitlines() if line.startswith("gemaakt: ")]
    assert any("woerden/2026-03-11-raadsvoorstel" in m for m in made)  # Woerden's share changed too
    assert not any("regiovisie-vaststellen" in m for m in made)  # no figures there: untouched


def test_lekstroom_regiovisie_shows_the_key_of_the_future_note(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "regiovisie", "--regio", "lekstroom").exit_code == 0
    rows = cells(project / "build/regio/lekstroom-regiovisie.docx")
    shares = {r[0]: r[2] for r in rows if len(r) == 3 and r[2].endswith("%")}
    assert shares == {
        "Houten": "22,71%",
        "IJsselstein": "15,08%",
        "Lopik": "6,55%",
        "Nieuwegein": "29,13%",
        "Vijfheerenlanden": "26,53%",
    }
