"""The peildatum of the cost key: the inwoners figures name it, it is the one the regeling's
article asks for each begrotingsjaar, and the documents say so when the figures are older."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result
from conftest import edit
from docx import Document

from regiodocs.legal.peildatum import Peildatumregel, lees_regel

REGIO = "content/utrecht-west/regio.yaml"
FINANCIEN = "content/utrecht-west/financien.yaml"
REGELING = "content/utrecht-west/regeling.yaml"
WOERDEN = "inwoners: {aantal: 54000, peildatum: 2024-01-01,"
RAMING = (
    "De bijdragen zijn een raming: zij zijn berekend met de inwonertallen op 1 januari 2024, "
    "terwijl de verdeelsleutel voor 2026 de inwonertallen op 1 januari 2025 en voor 2027 de "
    "inwonertallen op 1 januari 2026 vraagt. De inwonertallen komen uit het advies over de "
    "samenwerkingskoers."
)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("1 januari van het jaar voorafgaand aan het begrotingsjaar", Peildatumregel(1, 1, 1)),
        ("1 januari van het voorafgaande jaar", Peildatumregel(1, 1, 1)),
        ("1 juli van het begrotingsjaar", Peildatumregel(1, 7, 0)),
        (
            "1 januari van het tweede jaar voorafgaand aan het begrotingsjaar",
            Peildatumregel(1, 1, 2),
        ),
        ("31 februari van het begrotingsjaar", None),
        ("de eerste dag van het jaar", None),
    ],
)
def test_the_rule_is_read_from_its_words(text: str, rule: Peildatumregel | None) -> None:
    assert lees_regel(text) == rule


def test_the_peildatum_for_a_begrotingsjaar() -> None:
    rule = lees_regel("1 januari van het jaar voorafgaand aan het begrotingsjaar")
    assert rule is not None and rule.voor(2027) == date(2026, 1, 1)
    # Inside the article's sentence the same words are found.
    artikel = "naar rato van hun aantal inwoners op 1 januari van het jaar voorafgaand aan het begrotingsjaar."
    assert lees_regel(artikel, geheel=False) == rule


def test_older_figures_are_printed_as_a_raming(built: Path) -> None:
    regeling = Document(str(built / "regio/utrecht-west-regeling.docx"))
    assert any(p.text.startswith(RAMING) for p in regeling.paragraphs)
    voorstel = next((built / "woerden").glob("*raadsvoorstel-gr-zienswijze-toestemming.docx"))
    body = "\n".join(p.text for p in Document(str(voorstel)).paragraphs)
    assert f"Het aandeel van Woerden is 28,72%, berekend naar 54.000 inwoners. {RAMING}" in body


def _line(project: Path, file: str, needle: str) -> int:
    lines = (project / file).read_text(encoding="utf-8").splitlines()
    return next(n for n, t in enumerate(lines, start=1) if needle in t)


def test_older_figures_without_a_raming_warn_per_begrotingsjaar(
    project: Path, run: Callable[..., Result]
) -> None:
    text = (project / FINANCIEN).read_text(encoding="utf-8")
    start = text.index("  raming: >-\n")
    end = text.index("\nbegrotingsposten:")
    (project / FINANCIEN).write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    check = run("check")
    assert check.exit_code == 0
    warnings = [line for line in check.output.splitlines() if "waarschuwing:" in line]
    assert len(warnings) == 2, check.output
    line = _line(project, FINANCIEN, "jaar: 2027")
    assert warnings[1].startswith(f"content/utrecht-west/financien.yaml:{line}:")
    assert (
        "de bijdragen voor begrotingspost 'organisatiekosten' (2027) zijn berekend met "
        "inwonertallen op 1 januari 2024; de verdeelsleutel vraagt 1 januari 2026" in warnings[1]
    )
    assert run("check", "--strict").exit_code == 1


def test_a_raming_that_is_no_longer_true_warns(project: Path, run: Callable[..., Result]) -> None:
    text = (project / REGIO).read_text(encoding="utf-8")
    (project / REGIO).write_text(
        text.replace("peildatum: 2024-01-01", "peildatum: 2025-01-01"), encoding="utf-8"
    )
    edit(project / FINANCIEN, "    jaar: 2027\n", "    jaar: 2026\n")
    check = run("check")
    assert check.exit_code == 0
    assert "de 'raming' is niet meer nodig" in check.output, check.output
    assert run("build", "regeling").exit_code == 0
    assert "raming" not in (project / "build/regio/utrecht-west-regeling.md").read_text()


@pytest.mark.parametrize(
    ("file", "old", "new", "located", "message"),
    [
        (
            REGIO,
            WOERDEN,
            "inwoners: {aantal: 54000, peildatum: 2024-03-15,",
            (REGIO, "peildatum: 2024-03-15"),
            "het inwonertal van Woerden heeft peildatum 15 maart 2024; de verdeelsleutel rekent "
            "met inwoners op 1 januari van het jaar voorafgaand aan het begrotingsjaar "
            "(financien.yaml:6)",
        ),
        (
            REGIO,
            WOERDEN,
            "inwoners: {aantal: 54000, peildatum: 2026-01-01,",
            (REGIO, "peildatum: 2026-01-01"),
            "het inwonertal van Woerden is van 1 januari 2026, na de peildatum 1 januari 2025 die "
            "de verdeelsleutel vraagt voor begrotingsjaar 2026 (begrotingspost 'oprichting-gr'",
        ),
        (
            REGELING,
            "inwoners op 1 januari van het jaar voorafgaand aan het begrotingsjaar.",
            "inwoners op 1 januari van het begrotingsjaar.",
            (REGELING, "inwoners op 1 januari van het begrotingsjaar."),
            "het artikel over de verdeelsleutel noemt een andere peildatum dan financien.yaml "
            "(financien.yaml:6: '1 januari van het jaar voorafgaand aan het begrotingsjaar')",
        ),
        (
            FINANCIEN,
            "peildatum_regel: 1 januari van het jaar voorafgaand aan het begrotingsjaar",
            "peildatum_regel: begin van het jaar",
            (FINANCIEN, "peildatum_regel:"),
            "regiodocs kan de peildatum 'begin van het jaar' niet lezen",
        ),
    ],
)
def test_a_wrong_peildatum_is_a_located_error(
    file: str,
    old: str,
    new: str,
    located: tuple[str, str],
    message: str,
    project: Path,
    run: Callable[..., Result],
) -> None:
    edit(project / file, old, new)
    check = run("check")
    assert check.exit_code == 1
    errors = [line for line in check.output.splitlines() if "fout:" in line and message in line]
    assert errors, check.output
    where, needle = located
    line = _line(project, where, needle)
    if where == REGELING:
        line -= 2  # the article's 'leden:' key, two lines above the lid text
    assert errors[0].startswith(f"{where}:{line}:"), errors[0]
