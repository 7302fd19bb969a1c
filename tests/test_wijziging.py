"""Wijzigingsregeling: each instruction kind, in Ar words, and replaying it yields the new text."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from docx import Document

from regiodocs.legal.wijziging import apply, draft, load_version, regeling_text

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "content/utrecht-west/regeling.yaml"

# name -> (edits on the shipped regeling.yaml, expected instruction sentences)
CASES: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "vervangen": (
        [
            (
                "Het algemeen bestuur vergadert zo vaak als het dat nodig vindt, maar ten minste twee keer per jaar.",
                "Het algemeen bestuur vergadert zo vaak als het dat nodig vindt, maar ten minste vier keer per jaar.",
            )
        ],
        ['In artikel 9, eerste lid, wordt "twee" vervangen door "vier".'],
    ),
    "vervangen-eenledig-artikel": (
        [
            (
                "ter behartiging van het belang van een samenhangend,",
                "ter behartiging van het belang van een doelmatig,",
            )
        ],
        ['In artikel 3 wordt "samenhangend," vervangen door "doelmatig,".'],
    ),
    "artikel-vervalt": (
        [
            (
                "      - id: archief\n        kop: Archief\n        regelt: [archief]\n        leden:\n          - tekst: Het dagelijks bestuur zorgt voor de archiefbescheiden van het openbaar lichaam en stelt daarvoor regels vast.\n",
                "",
            )
        ],
        ["Artikel 21 vervalt."],
    ),
    "artikel-invoegen": (
        [
            (
                "      - id: belang\n",
                "      - id: doelgroepen\n        kop: Doelgroepen\n        leden:\n          - tekst: De regeling richt zich op jeugdigen, ouders en volwassenen met een ondersteuningsvraag.\n      - id: belang\n",
            )
        ],
        ["Na artikel 2 wordt een artikel ingevoegd, luidende:"],
    ),
    "komt-te-luiden": (
        [("        kop: Archief\n", "        kop: Archief en informatiebeheer\n")],
        ["Artikel 21 komt te luiden:"],
    ),
    "lid-toegevoegd": (
        [
            (
                "          - tekst: Het algemeen bestuur stelt de financiële en andere voorwaarden van de toetreding vast.\n",
                "          - tekst: Het algemeen bestuur stelt de financiële en andere voorwaarden van de toetreding vast.\n          - tekst: De toetreding gaat in op 1 januari na het besluit.\n",
            )
        ],
        ["Aan artikel 26 wordt een lid toegevoegd, luidende:"],
    ),
    "lid-ingevoegd-met-vernummering": (
        [
            (
                "              - id: stem\n                tekst: Ieder lid van het algemeen bestuur heeft één stem.\n",
                "              - id: stem\n                tekst: Ieder lid van het algemeen bestuur heeft één stem.\n              - tekst: Een lid kan zich laten vervangen door zijn plaatsvervanger.\n",
            )
        ],
        [
            "In artikel 8 wordt, onder vernummering van het tweede tot en met derde lid tot derde tot en met vierde lid, na het eerste lid een lid ingevoegd, luidende:"
        ],
    ),
    "lid-vervalt-met-vernummering": (
        [
            (
                "              - id: plaatsvervanger\n                tekst: Het college wijst uit zijn midden voor ieder lid een plaatsvervanger aan.\n",
                "",
            )
        ],
        [
            "In artikel 7 vervalt het tweede lid, onder vernummering van het derde lid tot tweede lid."
        ],
    ),
    "laatste-lid-vervalt": (
        [("          - tekst: De regeling geldt voor onbepaalde tijd.\n", "")],
        ["In artikel 32 vervalt het derde lid."],
    ),
    "lid-komt-te-luiden": (
        [
            (
                "                  - id: verdeling\n                    tekst: een wijziging van de verdeling van de kosten\n",
                "",
            )
        ],
        ["Artikel 8, derde lid, komt te luiden:"],
    ),
    "opschrift-hoofdstuk": (
        [("    titel: Slotbepalingen", "    titel: Overgangs- en slotbepalingen")],
        ["Het opschrift van hoofdstuk 8 komt te luiden: Overgangs- en slotbepalingen."],
    ),
}


def version(tmp_path: Path, edits: list[tuple[str, str]]) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "nieuw.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def plain(zin: str) -> str:
    return zin.replace("\\", "")


@pytest.mark.parametrize("case", sorted(CASES))
def test_instruction_and_apply_and_compare(case: str, tmp_path: Path) -> None:
    edits, expected = CASES[case]
    old = load_version(str(SHIPPED), ROOT / "content", "utrecht-west")
    new = load_version(str(version(tmp_path, edits)), ROOT / "content", "utrecht-west")
    result = draft(old, new)
    assert [plain(i.zin) for i in result.instructies] == expected
    assert [i.letter for i in result.instructies] == ["A"]
    assert regeling_text(apply(old, result)) == regeling_text(new)


def test_several_changes_are_lettered_in_text_order(tmp_path: Path) -> None:
    edits = (
        CASES["opschrift-hoofdstuk"][0]
        + CASES["artikel-vervalt"][0]
        + CASES["artikel-invoegen"][0]
        + CASES["vervangen"][0]
    )
    old = load_version(str(SHIPPED), ROOT / "content", "utrecht-west")
    new = load_version(str(version(tmp_path, edits)), ROOT / "content", "utrecht-west")
    result = draft(old, new)
    assert [(i.letter, plain(i.zin)) for i in result.instructies] == [
        ("A", "Na artikel 2 wordt een artikel ingevoegd, luidende:"),
        ("B", 'In artikel 9, eerste lid, wordt "twee" vervangen door "vier".'),
        ("C", "Artikel 21 vervalt."),
        ("D", "Het opschrift van hoofdstuk 8 komt te luiden: Overgangs- en slotbepalingen."),
    ]
    assert regeling_text(apply(old, result)) == regeling_text(new)
    # The inserted article keeps the numbering: it is 2a, and cites with kept numbers.
    assert (
        result.instructies[0].artikel is not None and result.instructies[0].artikel.nummer == "2a"
    )


def test_an_ambiguous_fragment_is_widened_until_unique(tmp_path: Path) -> None:
    edits = [
        (
            "Het dagelijks bestuur informeert de raden ten minste twee keer per jaar over de uitvoering van de taken",
            "Het dagelijks bestuur informeert de raden ten minste twee keer per jaar over de uitvoering van alle taken",
        )
    ]
    old = load_version(str(SHIPPED), ROOT / "content", "utrecht-west")
    new = load_version(str(version(tmp_path, edits)), ROOT / "content", "utrecht-west")
    [instructie] = draft(old, new).instructies
    assert (
        plain(instructie.zin)
        == 'In artikel 14, tweede lid, wordt "van de" vervangen door "van alle".'
    )  # "de" alone occurs twice


def test_command_from_git_revision_writes_document_and_synopsis(
    project: Path, run: Callable[..., Result]
) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], cwd=project, check=True)
    regeling = project / "content/utrecht-west/regeling.yaml"
    text = regeling.read_text(encoding="utf-8").replace(
        "ten minste twee keer per jaar.", "ten minste vier keer per jaar.", 1
    )
    regeling.write_text(text, encoding="utf-8")
    result = run("wijziging", "--van", "HEAD")
    assert result.exit_code == 0, result.output
    assert 'A. In artikel 9, eerste lid, wordt "twee" vervangen door "vier".' in result.output
    doc = Document(str(project / "build/regio/utrecht-west-wijzigingsregeling.docx"))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "ARTIKEL I" in paragraphs and "ARTIKEL II" in paragraphs
    synopsis = doc.tables[-1]
    assert [c.text for c in synopsis.rows[0].cells] == ["Oude tekst", "Nieuwe tekst"]
    assert (
        "twee keer per jaar" in synopsis.rows[1].cells[0].text
        and "vier keer per jaar" in synopsis.rows[1].cells[1].text
    )
    whole = run("wijziging", "--van", "HEAD", "--herziening")
    assert whole.exit_code == 0
    text = "\n".join(
        p.text
        for p in Document(
            str(project / "build/regio/utrecht-west-wijzigingsregeling.docx")
        ).paragraphs
    )
    assert "wordt gewijzigd, waardoor de tekst komt te luiden als volgt:" in text
    assert "Artikel 33. Citeertitel" in text


def test_unknown_revision_is_a_usage_error(run: Callable[..., Result]) -> None:
    result = run("wijziging", "--van", "geen-revisie")
    assert result.exit_code == 2
    assert "'geen-revisie' is geen bestand en geen git-revisie" in result.output
