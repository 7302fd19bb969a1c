"""Parametric provisions: ((naam)) in the regeling prints a value from bestuur.yaml or from
'parameters', so the printed text and what the Wgr-toets compares it with cannot diverge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import edit

from regiodocs.legal.parameters import telwoord

REGELING = "content/utrecht-west/regeling.yaml"
BESTUUR = "content/utrecht-west/bestuur.yaml"
BUILT = "build/regio/utrecht-west-regeling.md"


def _outcome(toets: Result, code: str) -> str:
    line = next(line for line in toets.output.splitlines() if line.startswith(code))
    return line.split()[1]


def test_number_words() -> None:
    assert [telwoord(n) for n in (1, 2, 12, 20, 21)] == ["één", "twee", "twaalf", "twintig", "21"]


def test_the_printed_text_follows_bestuur_yaml(project: Path, run: Callable[..., Result]) -> None:
    edit(project / BESTUUR, "    leden_per_deelnemer: 2\n", "    leden_per_deelnemer: 3\n")
    edit(project / BESTUUR, "  stemmen_per_lid: 1\n", "  stemmen_per_lid: 2\n")
    edit(project / BESTUUR, "    aantal_leden: 3\n", "    aantal_leden: 5\n")
    check = run("check")
    assert check.exit_code == 0, check.output
    assert run("build", "regeling").exit_code == 0
    text = (project / BUILT).read_text(encoding="utf-8")
    assert "Het algemeen bestuur bestaat uit drie leden per deelnemende gemeente," in text
    assert "Ieder lid van het algemeen bestuur heeft twee stemmen." in text
    assert "bestaat uit de voorzitter en vier andere leden," in text
    toets = run("wgr-toets")
    # The toets compares the printed text with the same data: no divergence is possible.
    for code in ("WGR-06", "WGR-07", "WGR-09"):
        assert _outcome(toets, code) == "voldaan", toets.output
    # The toelichting of a changed article is flagged: its text changed with the data.
    assert "de toelichting bij artikel 7 is geschreven bij een andere tekst" in check.output


def test_a_regeling_parameter_prints_as_a_word(project: Path, run: Callable[..., Result]) -> None:
    edit(project / REGELING, "ontwerpbegroting-weken: 12", "ontwerpbegroting-weken: 14")
    assert run("build", "regeling").exit_code == 0
    text = (project / BUILT).read_text(encoding="utf-8")
    assert "zendt de ontwerpbegroting ten minste veertien weken voordat" in text
    assert "((" not in text
    assert _outcome(run("wgr-toets"), "WGR-12") == "voldaan"


def test_an_unknown_parameter_is_a_located_error(project: Path, run: Callable[..., Result]) -> None:
    edit(project / REGELING, "((db-andere-leden)) andere leden", "((db-ander-leden)) andere leden")
    check = run("check")
    assert check.exit_code == 1
    lines = (project / REGELING).read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(lines, start=1) if "((db-ander-leden))" in t)
    (error,) = [e for e in check.output.splitlines() if "((db-ander-leden))" in e]
    assert error.startswith(f"content/utrecht-west/regeling.yaml:{line}:")
    assert "waarde '((db-ander-leden))' bestaat niet; bedoelde u '((db-andere-leden))'?" in error


def test_a_wijziging_prints_values_not_parameters(
    project: Path, run: Callable[..., Result]
) -> None:
    old = project / "oud.yaml"
    old.write_text((project / REGELING).read_text(encoding="utf-8"), encoding="utf-8")
    edit(
        project / REGELING,
        "leden per deelnemende gemeente, die het college uit zijn midden aanwijst.",
        "leden per deelnemende gemeente, die het college voor vier jaar uit zijn midden aanwijst.",
    )
    result = run("wijziging", "--van", str(old))
    assert result.exit_code == 0, result.output
    assert (
        'A. In artikel 7, eerste lid, wordt "het college uit" vervangen door "het college voor '
        'vier jaar uit".' in result.output
    )
    # The synopsis quotes the old and new lid with the value, not the parameter.
    synopsis = (project / "build/regio/utrecht-west-wijzigingsregeling.md").read_text()
    assert "((" not in synopsis
    assert "twee leden per deelnemende gemeente" in synopsis


def test_a_date_parameter_reaches_lid_toelichting_and_toets(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(project / REGELING, "kaders-aan-raden-voor: 15 april", "kaders-aan-raden-voor: 1 mei")
    check = run("check")
    assert check.exit_code == 1
    # The toets reads the printed lid, which now says 1 mei: later than the law allows.
    assert "WGR-13" in check.output and "vóór 15 april naar de raden gaan" in check.output
    edit(project / REGELING, "kaders-aan-raden-voor: 1 mei", "kaders-aan-raden-voor: 1 april")
    assert run("build", "regeling").exit_code == 0
    text = (project / BUILT).read_text(encoding="utf-8")
    assert "Het dagelijks bestuur zendt vóór 1 april van ieder jaar de algemene" in text
    assert "De raden krijgen vóór 1 april de kaders voor de volgende begroting" in text


@pytest.mark.parametrize(
    ("parameter", "wet", "later", "eerder"),
    [
        ("begroting-aan-gs-voor", "15 september", "1 oktober", "1 september"),
        ("jaarrekening-aan-gs-voor", "15 juli", "1 augustus", "1 juli"),
    ],
)
def test_a_date_to_gedeputeerde_staten_may_be_earlier_never_later(
    parameter: str, wet: str, later: str, eerder: str, project: Path, run: Callable[..., Result]
) -> None:
    edit(project / REGELING, f"{parameter}: {wet}", f"{parameter}: {later}")
    toets = run("wgr-toets")
    assert _outcome(toets, "WGR-14") == "NIET", toets.output
    assert f"vóór {wet} aan gedeputeerde staten gaat" in toets.output
    edit(project / REGELING, f"{parameter}: {later}", f"{parameter}: {eerder}")
    assert _outcome(run("wgr-toets"), "WGR-14") == "voldaan"
