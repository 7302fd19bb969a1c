"""The afwegingskader as seed 002 (Lekstroom, 2024) decides, branch by branch.

First question (obliged, or a joint supra-regional position): a 'ja' decides at once and the
other questions are not needed. Otherwise questions 1-7: one 'ja' makes the opgave a focus,
none keeps it local. Then a recorded choice (preparation only, or execution too) that no
answer decides, and municipalities that stay out with their reason and discussed effect.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import edit, line_of
from docx import Document

from regiodocs.content.models.afwegingskader import Afwegingskader, Antwoord, Opgave
from regiodocs.governance.afweging import beoordeel, needed_questions, route

KADER = Afwegingskader.model_validate(
    {
        "titel": "Afwegingskader",
        "poortvragen": [
            {"id": "verplicht", "vraag": "Verplicht?"},
            {"id": "standpunt", "vraag": "Standpunt?"},
        ],
        "vragen": [{"id": f"v{n}", "vraag": f"Vraag {n}?"} for n in range(1, 8)],
        "beslisregel": {
            "poortvraag_ja": "Samen.",
            "focus": "Focus.",
            "daarna": "Kies.",
            "niet_meedoen": "Bespreek.",
        },
    }
)
NEE = {"verplicht": "nee", "standpunt": "nee", **{f"v{n}": "nee" for n in range(1, 8)}}


def opgave(answers: dict[str, str], keuze: str | None = None) -> Opgave:
    return Opgave(
        id="x",
        titel="X",
        omschrijving="X.",
        antwoorden=[Antwoord(vraag=k, antwoord=v, motivatie="m") for k, v in answers.items()],  # type: ignore[arg-type]
        keuze=keuze,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("gate", ["verplicht", "standpunt"])
def test_a_yes_on_either_part_of_the_first_question_decides_at_once(gate: str) -> None:
    answers = {"verplicht": "nee", "standpunt": "nee", gate: "ja"}
    assert route(KADER, answers) == "verplicht"
    # Questions 1-7 are then not needed ...
    assert [v.id for v in needed_questions(KADER, answers)] == ["verplicht", "standpunt"]
    # ... and even seven 'nee' answers do not change the outcome.
    assert route(KADER, {**NEE, gate: "ja"}) == "verplicht"
    advies = beoordeel(KADER, opgave(answers, "voorbereiding"))
    assert advies.regionaal and advies.uitkomst == "De regio pakt de opgave samen op"
    assert "Verplicht?" in advies.redenering or "Standpunt?" in advies.redenering


def test_without_a_yes_on_the_first_question_all_seven_are_needed() -> None:
    assert [v.id for v in needed_questions(KADER, NEE)] == [
        "verplicht",
        "standpunt",
        *(f"v{n}" for n in range(1, 8)),
    ]


@pytest.mark.parametrize("n", range(1, 8))
def test_one_yes_on_any_question_makes_a_focus(n: int) -> None:
    answers = {**NEE, f"v{n}": "ja"}
    assert route(KADER, answers) == "focus"
    advies = beoordeel(KADER, opgave(answers, "voorbereiding"))
    assert advies.uitkomst == "De opgave kan tot de focus van de regionale samenwerking horen"
    assert f"vraag {n} is met ja beantwoord, en één ja is genoeg" in advies.redenering


def test_all_no_keeps_it_local() -> None:
    assert route(KADER, NEE) == "lokaal"
    advies = beoordeel(KADER, opgave(NEE))
    assert not advies.regionaal and advies.keuze == ""
    assert advies.redenering == "De eerste vraag en alle 7 volgende vragen zijn met nee beantwoord."


@pytest.mark.parametrize("keuze", ["voorbereiding", "voorbereiding-en-uitvoering"])
def test_preparation_or_execution_is_the_recorded_choice_not_computed(keuze: str) -> None:
    # 'ja' on 3, 5 and 6 (inkoop, efficiency, money) once forced "execution too"; the seed
    # makes it a choice, so both choices stand with exactly the same answers.
    answers = {**NEE, "v3": "ja", "v5": "ja", "v6": "ja"}
    advies = beoordeel(KADER, opgave(answers, keuze))
    assert advies.uitvoering is (keuze == "voorbereiding-en-uitvoering")
    assert (
        advies.keuze
        == {
            "voorbereiding": "alleen de voorbereiding samen; de uitvoering blijft bij iedere gemeente",
            "voorbereiding-en-uitvoering": "de voorbereiding én de uitvoering samen",
        }[keuze]
    )


def test_first_question_yes_needs_no_further_answers(
    project: Path, run: Callable[..., Result]
) -> None:
    path = project / "content/utrecht-west/opgaven/01-inkoop-specialistische-jeugdhulp.yaml"
    text = path.read_text(encoding="utf-8")
    kept = [
        line
        for line in text.splitlines()
        if "vraag:" not in line or "wettelijk-verplicht" in line or "gezamenlijk-standpunt" in line
    ]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = run("afweging", "inkoop-specialistische-jeugdhulp")
    assert result.exit_code == 0, result.output
    doc = Document(
        str(project / "build/regio/utrecht-west-afweging-inkoop-specialistische-jeugdhulp.docx")
    )
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rows[1][2] == "ja"  # P1
    assert rows[3] == ["1", rows[3][1], "-", "niet nodig: de eerste vraag besliste al"]


def test_a_municipality_staying_out_is_recorded_with_reason_and_effect(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(
        project / "content/utrecht-west/opgaven/03-kennisdeling-lokale-teams.yaml",
        "keuze: voorbereiding\n",
        "keuze: voorbereiding\nniet_meedoen:\n"
        "  - gemeente: oudewater\n"
        "    reden: Het eigen team werkt al volgens een vergelijkbare werkwijze.\n"
        "    effect_op_anderen: De andere vier dragen de ontwikkelkosten samen; dat is aanvaard.\n"
        "    besproken: PHO, 14 november 2025\n",
    )
    result = run("afweging", "kennisdeling-lokale-teams")
    assert result.exit_code == 0, result.output
    doc = Document(
        str(project / "build/regio/utrecht-west-afweging-kennisdeling-lokale-teams.docx")
    )
    text = [p.text for p in doc.paragraphs]
    assert "Doen mee: De Ronde Venen, Montfoort, Stichtse Vecht en Woerden." in text
    assert "Oudewater doet niet mee" in text
    assert "Reden: Het eigen team werkt al volgens een vergelijkbare werkwijze." in text
    assert (
        "Besproken effect op de andere gemeenten: De andere vier dragen de ontwikkelkosten samen; "
        "dat is aanvaard. (besproken: PHO, 14 november 2025)" in text
    )


def test_staying_out_needs_the_discussed_effect(project: Path, run: Callable[..., Result]) -> None:
    path = project / "content/utrecht-west/opgaven/03-kennisdeling-lokale-teams.yaml"
    edit(
        path,
        "keuze: voorbereiding\n",
        "keuze: voorbereiding\nniet_meedoen:\n  - {gemeente: oudewater, reden: Eigen aanpak.}\n",
    )
    result = run("check")
    assert result.exit_code == 1
    assert (
        f"03-kennisdeling-lokale-teams.yaml:{line_of(path, 'gemeente: oudewater')}:"
        in result.output
    )
    assert "verplicht veld 'effect_op_anderen' ontbreekt" in result.output


def test_staying_out_of_a_local_opgave_or_all_but_one_is_an_error(
    project: Path, run: Callable[..., Result]
) -> None:
    local = project / "content/utrecht-west/opgaven/04-lokale-preventieactiviteiten.yaml"
    text = local.read_text(encoding="utf-8")
    local.write_text(
        text + "niet_meedoen:\n  - {gemeente: woerden, reden: r, effect_op_anderen: e}\n",
        encoding="utf-8",
    )
    shared = project / "content/utrecht-west/opgaven/03-kennisdeling-lokale-teams.yaml"
    out = "".join(
        f"  - {{gemeente: {g}, reden: r, effect_op_anderen: e}}\n"
        for g in ("woerden", "montfoort", "oudewater", "stichtse-vecht")
    )
    edit(shared, "keuze: voorbereiding\n", "keuze: voorbereiding\nniet_meedoen:\n" + out)
    result = run("check")
    assert result.exit_code == 1
    assert (
        f"04-lokale-preventieactiviteiten.yaml:{line_of(local, 'niet_meedoen:')}:1: fout: "
        "[opgave.niet_meedoen] niet meedoen kan alleen bij een regionale opgave" in result.output
    )
    assert (
        "[opgave.niet_meedoen] 4 van de 5 gemeenten doen niet mee; samenwerken vraagt ten minste twee gemeenten"
        in result.output
    )


def test_an_outcome_against_taken_yaml_names_both_places(
    project: Path, run: Callable[..., Result]
) -> None:
    opgave_path = project / "content/utrecht-west/opgaven/02-berichtenverkeer.yaml"
    edit(opgave_path, "keuze: voorbereiding\n", "keuze: voorbereiding-en-uitvoering\n")
    taken = project / "content/utrecht-west/taken.yaml"
    result = run("check")
    assert result.exit_code == 1
    line = line_of(opgave_path, "keuze: voorbereiding-en-uitvoering")
    taak_line = [
        n
        for n, text in enumerate(taken.read_text(encoding="utf-8").splitlines(), start=1)
        if "plaatsing: onderzoek" in text
    ][0]
    assert (
        f"02-berichtenverkeer.yaml:{line}:8: fout: [opgave.keuze] de opgave komt uit als "
        f"'uitvoering samen', maar taak 'berichtenverkeer' wacht nog op onderzoek volgens "
        f"taken.yaml (content/utrecht-west/taken.yaml:{taak_line}:16, plaatsing: onderzoek)"
        in result.output
    )
