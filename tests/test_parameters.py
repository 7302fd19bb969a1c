"""Parametric provisions: ((naam)) in the regeling prints a value from bestuur.yaml or from
'parameters', so the printed text and what the Wgr-toets compares it with cannot diverge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import edit
from docx import Document

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


def _line_of(project: Path, text: str) -> int:
    lines = (project / REGELING).read_text(encoding="utf-8").splitlines()
    (line,) = [n for n, t in enumerate(lines, start=1) if text in t]
    return line


def _printed_docx(project: Path) -> str:
    (docx,) = (project / "build/regio").glob("*regeling.docx")
    return "\n".join(p.text for p in Document(str(docx)).paragraphs)


def _errors(check: Result, code: str) -> list[str]:
    return [line for line in check.output.splitlines() if "fout: " in line and code in line]


# parameter, lawful value, printed words, rule, unlawful value, its printed words, law cited
PROVISIONS = [
    (
        "ab-vergaderingen-per-jaar",
        "4",
        "vergadert zo vaak als het dat nodig vindt, maar ten minste vier keer per jaar.",
        "WGR-11",
        "1",
        "het algemeen bestuur vergadert volgens de tekst ten minste één keer per jaar; "
        "de wet eist ten minste twee keer per jaar (art. 22, tweede lid, Wgr)",
    ),
    (
        "db-inlichtingen-per-jaar",
        "1",
        "informeert de colleges en de raden ongevraagd en ten minste één keer per jaar "
        "schriftelijk",
        "WGR-10",
        "0",
        "de colleges en de raden worden volgens de tekst ten minste nul keer per jaar "
        "ongevraagd geïnformeerd; dat regelt geen ongevraagde inlichtingen (de wijze van "
        "inlichtingen, art. 17 Wgr)",
    ),
    (
        "inlichtingen-binnen-weken",
        "6",
        "geven de raden binnen zes weken schriftelijk de inlichtingen die een of meer leden van "
        "een raad vragen.",
        "WGR-10",
        "0",
        "gevraagde inlichtingen worden volgens de tekst binnen nul weken gegeven; een termijn "
        "van minder dan een week regelt geen wijze van inlichtingen (art. 16, 17 en 19 Wgr)",
    ),
    (
        "ab-quorum",
        "meer dan de helft",
        "kan alleen beraadslagen en besluiten als meer dan de helft van het aantal zitting "
        "hebbende leden aanwezig is.",
        "WGR-07",
        "een derde",
        "het quorum 'een derde' is lager dan de wet eist: meer dan de helft van het aantal "
        "zitting hebbende leden (art. 20, eerste lid, Gemeentewet, van toepassing via art. 22, "
        "eerste lid, Wgr); de regeling kan het niet verlagen",
    ),
]


@pytest.mark.parametrize(
    ("parameter", "lawful", "printed", "code", "unlawful", "message"),
    PROVISIONS,
    ids=[p[0] for p in PROVISIONS],
)
def test_a_parametric_provision_prints_its_value_and_the_rule_reads_it(
    parameter: str,
    lawful: str,
    printed: str,
    code: str,
    unlawful: str,
    message: str,
    project: Path,
    run: Callable[..., Result],
) -> None:
    shipped = next(
        line.split(":", 1)[1].split("#")[0].strip()
        for line in (project / REGELING).read_text(encoding="utf-8").splitlines()
        if line.startswith(f"  {parameter}:")
    )
    # A lawful value: the article prints it, in Markdown and in Word, and the rule is met
    # by what was printed (and says the value came from the parameter).
    edit(project / REGELING, f"{parameter}: {shipped}", f"{parameter}: {lawful}")
    assert run("build", "regeling").exit_code == 0
    assert printed in (project / BUILT).read_text(encoding="utf-8")
    assert printed in _printed_docx(project)
    toets = run("wgr-toets")
    assert _outcome(toets, code) == "voldaan", toets.output
    assert f"(waarde uit parameter {parameter})" in toets.output
    # An unlawful value: a located error at the parameter, naming the source article and
    # quoting what the article would print; nothing is built.
    edit(project / REGELING, f"{parameter}: {lawful}", f"{parameter}: {unlawful}")
    check = run("check")
    assert check.exit_code == 1
    line = _line_of(project, f"{parameter}: {unlawful}")
    errors = _errors(check, code)  # one per lid that prints the value
    assert errors
    for error in errors:
        assert error.startswith(f"content/utrecht-west/regeling.yaml:{line}:"), error
        assert f"[regeling.parameters.{parameter}]" in error
        assert message in error
    assert _outcome(run("wgr-toets"), code) == "NIET"


def test_a_quorum_above_the_law_is_refused_too(project: Path, run: Callable[..., Result]) -> None:
    edit(project / REGELING, "ab-quorum: meer dan de helft", "ab-quorum: twee derde")
    check = run("check")
    assert check.exit_code == 1
    (error,) = _errors(check, "WGR-07")  # one error: not also taken for a qualified majority
    assert "het quorum 'twee derde' is hoger dan de wet" in error
    assert "de regeling kan daar niet van afwijken" in error


def test_free_text_is_read_as_printed_and_located_at_the_lid(
    project: Path, run: Callable[..., Result]
) -> None:
    # Without the parameter the rule still reads the printed clause; the error then points
    # at the lid, where the value is written.
    edit(
        project / REGELING,
        "maar ten minste ((ab-vergaderingen-per-jaar)) keer per jaar.",
        "maar jaarlijks ten minste eenmaal.",
    )
    check = run("check")
    assert check.exit_code == 1
    line = _line_of(project, "maar jaarlijks ten minste eenmaal.")
    (error,) = _errors(check, "WGR-11")
    assert error.startswith(f"content/utrecht-west/regeling.yaml:{line}:"), error
    assert "ten minste een keer per jaar; de wet eist ten minste twee keer per jaar" in error


def test_a_lid_granting_information_without_a_term_goes_to_a_lawyer(
    project: Path, run: Callable[..., Result]
) -> None:
    # Every lid that grants information on request must state a term and a form; one that
    # does not is left to a lawyer, and the warning names that lid (art. 16, 17 and 19 Wgr).
    edit(
        project / REGELING,
        "geven de raden binnen ((inlichtingen-binnen-weken)) weken schriftelijk de inlichtingen",
        "geven de raden de inlichtingen",
    )
    check = run("check")
    assert check.exit_code == 0
    (warning,) = [w for w in check.output.splitlines() if "regeling.yaml" in w and "WGR-10" in w]
    assert (
        "juridisch te beoordelen in artikel 14: regelt artikel 14, tweede lid, de wijze "
        "(termijn en vorm) waarop gevraagde inlichtingen worden gegeven" in warning
    )
    assert _outcome(run("wgr-toets"), "WGR-10") == "TE"


def test_a_quorum_the_toets_cannot_read_is_an_error_at_the_parameter(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(project / REGELING, "ab-quorum: meer dan de helft", 'ab-quorum: "0,5"')
    check = run("check")
    assert check.exit_code == 1
    (error,) = _errors(check, "WGR-07")
    line = _line_of(project, 'ab-quorum: "0,5"')
    assert error.startswith(f"content/utrecht-west/regeling.yaml:{line}:"), error
    assert (
        "de toets kan het quorum in de tekst niet lezen; de wet eist 'meer dan de helft'" in error
    )
