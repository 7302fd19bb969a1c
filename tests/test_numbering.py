"""Numbering and Ar citations: numbers follow order, citations follow the numbers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import edit

from regiodocs.legal.numbering import (
    Address,
    VerwijzingFout,
    cite,
    cite_reference,
    letter,
    ordinal,
    parse_reference,
)


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


# A small numbered regeling: chapter 2 holds articles 4 to 9, chapter 3 its paragraphs 1 to 3
# (article 10 in paragraph 1), chapter 5 article 31.
INDEX = {
    "h2": Address(2),
    "h3": Address(3),
    "h4": Address(4),
    "p1": Address(3, paragraaf="1", paragraaf_index=0),
    "p2": Address(3, paragraaf="2", paragraaf_index=1),
    "p3": Address(3, paragraaf="3", paragraaf_index=2),
    "a4": Address(2, 4),
    "a5": Address(2, 5),
    "a7": Address(2, 7),
    "a31": Address(5, 31),
    "a4.l1": Address(2, 4, 1),
    "a4.l2": Address(2, 4, 2),
    "a4.l3": Address(2, 4, 3),
    "a7.l2": Address(2, 7, 2),
    "a9.l1.a": Address(2, 9, 1, onderdeel="a"),
    "a9.l1.b": Address(2, 9, 1, onderdeel="b"),
    "a9.l1.c": Address(2, 9, 1, onderdeel="c"),
    "a9.l2.a": Address(2, 9, 2, onderdeel="a"),
    "a10.a": Address(3, 10, 1, single_lid=True, onderdeel="a"),
    "a10.b": Address(3, 10, 1, single_lid=True, onderdeel="b"),
    "a10.a.s1": Address(3, 10, 1, True, "a", 1),
    "a10.a.s2": Address(3, 10, 1, True, "a", 2),
}
IN_4 = Address(2, 4, 3)  # written in article 4, third lid
IN_9 = Address(2, 9, 1, onderdeel="c")  # written in article 9, first lid, onderdeel c
IN_10 = Address(3, 10, 1, single_lid=True)  # written in article 10 (paragraph 1 of chapter 3)


@pytest.mark.parametrize(
    ("raw", "here", "expected"),
    [
        # plurals and ranges of articles, chapters and paragraphs
        ("a4 en a31", None, "de artikelen 4 en 31"),
        ("a4, a7 en a31", IN_4, "de artikelen 4, 7 en 31"),
        ("a4 tot en met a7", None, "de artikelen 4 tot en met 7"),
        ("h2 en h4", None, "de hoofdstukken 2 en 4"),
        ("h2 tot en met h4", IN_10, "de hoofdstukken 2 tot en met 4"),
        ("p2", IN_10, "paragraaf 2"),
        ("p2", IN_4, "paragraaf 2 van hoofdstuk 3"),
        ("p2 en p3", IN_10, "de paragrafen 2 en 3"),
        ("p1 tot en met p3", IN_4, "de paragrafen 1 tot en met 3 van hoofdstuk 3"),
        ("h3", IN_10, "dit hoofdstuk"),
        ("h3", IN_4, "hoofdstuk 3"),
        # leden: within the same article and from elsewhere
        ("a4.l1 en a4.l2", IN_4, "het eerste en tweede lid"),
        ("a4.l1 tot en met a4.l3", Address(2, 4), "het eerste tot en met derde lid"),
        ("a4.l1 en a4.l3", IN_10, "artikel 4, eerste en derde lid"),
        ("a4.l1 tot en met a4.l3", None, "artikel 4, eerste tot en met derde lid"),
        # a preceding lid by its number, never "het vorige lid" (Ar 3.29, tweede lid)
        ("a4.l2", IN_4, "het tweede lid"),
        ("a4", IN_4, "dit artikel"),
        # onderdelen, and the aanhef (Ar 3.29, vierde lid)
        ("a9.l1.a tot en met a9.l1.c", IN_4, "artikel 9, eerste lid, onderdelen a tot en met c"),
        ("a9.l1.a en a9.l1.b", IN_9, "de onderdelen a en b"),
        ("a9.l1.a, a9.l1.b en a9.l1.c", Address(2, 9), "het eerste lid, onderdelen a, b en c"),
        ("aanhef en a9.l1.b", IN_4, "artikel 9, eerste lid, aanhef en onderdeel b"),
        ("aanhef en a9.l1.b", None, "artikel 9, eerste lid, aanhef en onderdeel b"),
        (
            "aanhef en a9.l1.a en a9.l1.b",
            IN_4,
            "artikel 9, eerste lid, aanhef en onderdelen a en b",
        ),
        ("aanhef en a9.l1.b", IN_9, "de aanhef en onderdeel b"),
        ("a10.a en a10.b", IN_4, "artikel 10, onderdelen a en b"),
        ("a10.a.s1 en a10.a.s2", IN_4, "artikel 10, onderdeel a, onder 1° en 2°"),
        # spacing inside the brackets does not matter
        ("  a4   en\n a31 ", None, "de artikelen 4 en 31"),
    ],
)
def test_compound_citation_forms(raw: str, here: Address | None, expected: str) -> None:
    assert cite_reference(parse_reference(raw, INDEX), here) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("a4 en a9", "verwijzing naar onbekend 'a9' in '[[a4 en a9]]'"),
        ("a4 en a4.l2", "noemt ongelijksoortige bepalingen (artikel en lid)"),
        ("a4.l1 en a7.l2", "de leden horen niet bij één artikel"),
        ("a9.l1.a en a9.l2.a", "de onderdelen horen niet bij één lid"),
        ("a7 tot en met a4", "het einde van de reeks (artikel 4) staat vóór artikel 7"),
        ("a7 en a4", "'a4' (artikel 4) staat vóór artikel 7"),
        ("a4 en a4", "noemt 'a4' twee keer"),
        ("a4 tot en met a5 tot en met a7", "een reeks heeft één begin en één einde"),
        ("aanhef en a4.l2", "'aanhef en' hoort bij een onderdeel van een opsomming"),
        ("a4 of a5", "ongeldige verwijzing '[[a4 of a5]]'"),
        ("a4 en", "ongeldige verwijzing"),
    ],
)
def test_impossible_references_are_refused(raw: str, message: str) -> None:
    with pytest.raises(VerwijzingFout) as refused:
        parse_reference(raw, INDEX)
    assert message in str(refused.value)


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
    assert "bedoeld in artikel 4, eerste lid, binnen" in before
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "      - id: belang\n",
        "      - id: doel\n        kop: Doel\n        leden:\n          - tekst: De regeling dient de samenwerking.\n      - id: belang\n",
    )
    assert run("build", "regeling").exit_code == 0
    after = (project / "build/regio/utrecht-west-regeling.md").read_text()
    assert "### Artikel 3. Doel" in after and "### Artikel 4. Belang" in after
    assert "bedoeld in artikel 5, eerste lid, binnen" in after
    assert "regeling als bedoeld in artikel 29, met" in after  # wijziging: 28 became 29


def test_compound_citations_in_the_rendered_regeling_follow_renumbering(
    project: Path, run: Callable[..., Result]
) -> None:
    assert run("build", "regeling").exit_code == 0
    # The citations' link targets: the web page keeps them (build/*.md shows only the text).
    before = (project / "build/regio/utrecht-west-regeling.html").read_text()
    assert (
        '<a href="#paragraaf-3-2">De paragrafen 2 tot en met 4</a> regelen ieder orgaan' in before
    )
    assert '<a href="#artikel-14">het eerste en tweede lid</a> noemen de termijn' in before
    assert (
        'net als uittreden en wijzigen (<a href="#artikel-27">de artikelen 27 en 28</a>)' in before
    )
    # A new paragraph 2 in chapter 3 and a new article before 'uittreding' move every number.
    edit(
        project / "content/utrecht-west/regeling.yaml",
        "      - id: p-algemeen-bestuur\n",
        "      - id: p-nieuw\n        titel: Nieuw\n        artikelen:\n"
        "          - id: nieuw\n            leden:\n              - tekst: Dit is nieuw.\n"
        "            toelichting: Nieuw.\n"
        "      - id: p-algemeen-bestuur\n",
    )
    assert run("check").exit_code == 0
    assert run("build", "regeling").exit_code == 0
    after = (project / "build/regio/utrecht-west-regeling.html").read_text()
    assert '<a href="#paragraaf-3-3">De paragrafen 3 tot en met 5</a> regelen ieder orgaan' in after
    assert '<a href="#artikel-15">het eerste en tweede lid</a> noemen de termijn' in after
    assert '(<a href="#artikel-28">de artikelen 28 en 29</a>)' in after
    assert '<h3 id="paragraaf-3-3">Paragraaf 3. Het algemeen bestuur</h3>' in after
