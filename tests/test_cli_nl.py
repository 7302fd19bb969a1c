"""A Dutch command line: click's help and usage errors, and municipality names as people write them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from regiodocs.cli import main


def test_help_and_usage_errors_are_dutch() -> None:
    runner = CliRunner()
    helptext = runner.invoke(main, ["--help"], prog_name="regiodocs").output
    assert helptext.startswith("Gebruik: regiodocs [OPTIES] COMMANDO [ARGUMENTEN]...")
    assert "Opties:" in helptext and "Commando's:" in helptext
    assert "Toon deze hulp en stop." in helptext
    assert "Usage" not in helptext and "Options" not in helptext
    wrong = runner.invoke(main, ["bouw"], prog_name="regiodocs")
    assert wrong.exit_code == 2
    assert "Fout: Onbekend commando 'bouw'." in wrong.output
    assert "Zie 'regiodocs --help' voor hulp." in wrong.output
    soort = runner.invoke(main, ["build", "raadsvoorsel"])
    assert soort.exit_code == 2
    assert "Ongeldige waarde voor" in soort.output and "is niet een van" in soort.output
    assert runner.invoke(main, ["build", "--help"], prog_name="regiodocs").output.startswith(
        "Gebruik: regiodocs build [OPTIES]"
    )


def test_municipality_names_in_any_case_with_spaces(
    project: Path, run: Callable[..., Result]
) -> None:
    for name, folder in (("Woerden", "woerden"), ("de ronde venen", "de-ronde-venen")):
        result = run("build", "raadsinformatiebrief", "--gemeente", name)
        assert result.exit_code == 0, result.output
        assert list((project / "build" / folder).glob("*-raadsinformatiebrief-*.docx")), name
    typo = run("build", "raadsinformatiebrief", "--gemeente", "Wordn")
    assert typo.exit_code == 2
    assert "onbekende gemeente 'Wordn'; bedoelde u 'woerden'? Kies uit: " in typo.output
