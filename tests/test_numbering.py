"""Numbering and Ar citations: numbers follow order, citations follow the numbers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from conftest import edit

from regiodocs.legal.numbering import Address, cite, letter, ordinal


def test_citation_forms() -> None:
    here = Address(hoofdstuk=2, artikel=4, lid=3)
    assert cite(Address(3)) == "hoofdstuk 3"
    assert cite(Address(2, 7), here) == "artikel 7"
    assert cite(Address(2, 4), here) == "dit artikel"
    assert cite(Address(2, 4, 1), here) == "het eerste lid"
    assert cite(Address(2, 7, 2), here) == "artikel 7, tweede lid"
    assert cite(Address(2, 7, 2, onderdeel="b"), here) == "artikel 7, tweede lid, onderdeel b"
    assert cite(Address(2, 7, 1, single_lid=True, onderdeel="c"), here) == "artikel 7, onderdeel c"
    assert cite(Address(2, 4, 2, onderdeel="a"), here) == "het tweede lid, onderdeel a"
    assert cite(Address(2, 4, 3, onderdeel="a"), here) == "onderdeel a"
    assert (
        cite(Address(2, 10, 1, single_lid=True, onderdeel="a", subonderdeel=2))
        == "artikel 10, onderdeel a, onder 2°"
    )


def test_ordinals_and_letters() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 11, 20)] == [
        "eerste",
        "tweede",
        "derde",
        "elfde",
        "twintigste",
    ]
    assert [letter(i) for i in (0, 1, 25, 26)] == ["a", "b", "z", "aa"]


def test_inserting_an_article_renumbers_everything_and_citations_follow(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "regeling").exit_code == 0
    before = (project / "build/regio/utrecht-west-regeling.md").read_text()
    assert "bedoeld in [artikel 4\\, eerste lid](#artikel-4)\\, binnen" in before
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "      - id: belang\n",
        "      - id: doel\n        kop: Doel\n        leden:\n          - tekst: De regeling dient de samenwerking.\n      - id: belang\n",
    )
    assert run("build", "regeling").exit_code == 0
    after = (project / "build/regio/utrecht-west-regeling.md").read_text()
    assert "### Artikel 3\\. Doel" in after and "### Artikel 4\\. Belang" in after
    assert "bedoeld in [artikel 5\\, eerste lid](#artikel-5)\\, binnen" in after
    assert "[artikel 29](#artikel-29)" in after  # 'wijziging' moved from 28 to 29
