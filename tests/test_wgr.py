"""Wgr-toets: every rule passes on the shipped regeling and fails on a minimal violation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import edit
from docx import Document

REGELING = "content/utrecht-west/regeling.yaml"
BESTUUR = "content/utrecht-west/bestuur.yaml"

# rule -> (file, old, new, file named in the message)
VIOLATIONS = {
    "WGR-01": (REGELING, "regelt: [belang]", "regelt: []", "regeling.yaml"),
    "WGR-02": (REGELING, "regelt: [openbaar-lichaam]", "regelt: []", "regeling.yaml"),
    "WGR-03": (REGELING, "regelt: [bevoegdheden]", "regelt: []", "regeling.yaml"),
    "WGR-04": (REGELING, "regelt: [bestuursorganen]", "regelt: []", "regeling.yaml"),
    "WGR-05": (
        BESTUUR,
        "    leden_per_deelnemer: 2\n    aangewezen_door: college",
        "    leden_per_deelnemer: 2\n    aangewezen_door: raad",
        "bestuur.yaml",
    ),
    "WGR-06": (
        BESTUUR,
        "zit het algemeen en het dagelijks bestuur voor.\n    aangewezen_door: algemeen-bestuur",
        "zit het algemeen en het dagelijks bestuur voor.\n    aangewezen_door: college",
        "bestuur.yaml",
    ),
    "WGR-07": (BESTUUR, "aantal_leden: 3", "aantal_leden: 6", "bestuur.yaml"),
    "WGR-08": (REGELING, "regelt: [verantwoording-db]", "regelt: []", "regeling.yaml"),
    "WGR-09": (REGELING, "regelt: [vergaderingen-ab]", "regelt: []", "regeling.yaml"),
    "WGR-10": (REGELING, "regelt: [uittreding]", "regelt: []", "regeling.yaml"),
    "WGR-11": (REGELING, "regelt: [participatie]", "regelt: []", "regeling.yaml"),
    "WGR-12": (
        REGELING,
        "regelt: [begroting, toezending-gs]",
        "regelt: [begroting]",
        "regeling.yaml",
    ),
    "WGR-13": (
        BESTUUR,
        "    soort: adviescommissie",
        "    soort: bestuurscommissie",
        "bestuur.yaml",
    ),
    "WGR-14": (REGELING, "regelt: [citeertitel]", "regelt: []", "regeling.yaml"),
    "WGR-15": (
        BESTUUR,
        "vorm: openbaar-lichaam",
        "vorm: bedrijfsvoeringsorganisatie",
        "taken.yaml",
    ),
}


def test_every_rule_has_a_violation_case() -> None:
    from regiodocs.legal.wgr import RULES

    assert sorted(VIOLATIONS) == [regel.code for regel, _ in RULES]


def test_shipped_regeling_satisfies_every_rule(project: Path, run: Callable[..., Result]) -> None:
    result = run("wgr-toets")
    assert result.exit_code == 0, result.output
    assert result.output.count(" voldaan ") == 15
    assert (
        "WGR-07 voldaan      Dagelijks bestuur" in result.output and ": artikel 10" in result.output
    )
    doc = Document(str(project / "build/regio/utrecht-west-wgr-toets.docx"))
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows[1:]]
    assert len(rows) == 15 and all(r[3] == "voldaan" for r in rows)
    assert rows[9][4] == "artikel 28, artikel 29, artikel 26 en artikel 27"


@pytest.mark.parametrize("code", sorted(VIOLATIONS))
def test_rule_fails_on_a_minimal_violation(
    code: str, project: Path, run: Callable[..., Result]
) -> None:
    file, old, new, located_in = VIOLATIONS[code]
    if code == "WGR-13":
        edit(project / REGELING, "regelt: [bestuurscommissies]", "regelt: []")
    edit(project / file, old, new)
    check = run("check")
    assert check.exit_code == 1
    messages = [line for line in check.output.splitlines() if "fout: " in line and code in line]
    assert messages, check.output
    assert all(located_in in m.split(":")[0] for m in messages), messages
    toets = run("wgr-toets")
    assert toets.exit_code == 1
    failing = [line.split()[0] for line in toets.output.splitlines() if "NIET VOLDAAN" in line]
    assert failing == [code]
    doc = Document(str(project / "build/regio/utrecht-west-wgr-toets.docx"))
    outcome = {row.cells[0].text: row.cells[3].text for row in doc.tables[0].rows[1:]}
    assert outcome[code] == "niet voldaan"


def test_a_missing_name_and_seat_is_reported_once(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(project / BESTUUR, "naam_openbaar_lichaam: Sociaal Domein Utrecht West\n", "")
    result = run("check")
    assert result.exit_code == 1
    assert result.output.count("naam en vestigingsplaats van het openbaar lichaam ontbreken") == 1
    assert "WGR-02" in result.output and "bestuur.yaml" in result.output
