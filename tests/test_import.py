"""Import of real published regelingen: each imports, checks, and renders back to the same
articles, leden, onderdelen and words as the original."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from regiodocs.content.check import check_regeling_source
from regiodocs.content.load import load_yaml_file
from regiodocs.legal.numbering import enacted_numbers, iter_articles, number_regeling
from regiodocs.legal.regeling_view import artikel_view

# shared/ lies beside the repository (as in CI and in a developer's checkout).
FIXTURES = sorted(
    (Path(__file__).resolve().parents[1].parent / "shared/fixtures/regelingen").glob("*.txt")
)
ARTICLE_HEADING = re.compile(r"^#+\s*\*?Artikel\s+(\d+)\s*\*?\s*$")


def original_articles(path: Path) -> list[tuple[str, str]]:
    """(number, body) of the regeling's own articles, found without the importer."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    found: list[tuple[str, list[str]]] = []
    for line in lines:
        heading = ARTICLE_HEADING.match(line)
        if heading:
            found.append((heading.group(1), []))
        elif line.startswith("#"):
            if found:
                found[-1][1].append("\0")  # any other heading ends the article's text
        elif found:
            found[-1][1].append(line)
    starts = [i for i, (number, _) in enumerate(found) if number == "1"]
    own = found[starts[-1] :]
    # Lines are kept: a lid number at the start of a line begins a lid even when the lid
    # before it lacks its full stop (Gelders Archief, artikel 18, third lid).
    return [
        (
            number,
            "\n".join(
                " ".join(x.split()) for x in "\n".join(body).split("\0")[0].split("\n")
            ).strip(),
        )
        for number, body in own
    ]


def words(text: str) -> list[str]:
    return re.sub(r"[*.,;:'`‘’\"()]", " ", text).split()


def sequential(text: str, labels: list[str], lead: str) -> int:
    """How many of labels (1, 2, ... or a, b, ...) occur in order as list items."""
    count, position = 0, 0
    for label in labels:
        match = re.compile(lead + re.escape(label) + r"\.(?!\d)").search(text, position)
        if not match:
            break
        count, position = count + 1, match.end()
    return count


def rendered(regeling_file: Path) -> list[tuple[str, int, int, str]]:
    source = load_yaml_file(regeling_file, "regeling")
    regeling, findings = check_regeling_source(source)
    assert regeling is not None, [str(f) for f in findings]
    assert not [f for f in findings if f.severity == "fout"], [str(f) for f in findings]
    index = number_regeling(regeling)
    enacted = enacted_numbers(regeling).artikelen
    out = []
    for n, (h, _, _, artikel, _) in enumerate(iter_articles(regeling), start=1):
        view = artikel_view(artikel, n, h + 1, index, enacted[artikel.id], link=False)
        parts = []
        for lid in view.leden:
            parts.append(f"{lid.nummer} {lid.tekst}")
            parts += [
                f"{o.label} {o.tekst}" + "".join(f" {s.label} {s.tekst}" for s in o.subonderdelen)
                for o in lid.onderdelen
            ]
        text = re.sub(r"\\(.)", r"\1", " ".join(parts))
        onderdelen = sum(len(lid.onderdelen) for lid in view.leden)
        out.append((view.nummer, len(view.leden), onderdelen, text))
    return out


def test_there_are_fixtures() -> None:
    assert len(FIXTURES) == 4


def as_plain_text(markdown: str) -> list[str]:
    """The fixture as a lawyer copies it from wetten.overheid.nl: no markup, and each lid
    number on a line of its own (written here without the importer)."""
    lines: list[str] = []
    for line in markdown.splitlines()[1:]:
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        # an empty bold between two words stands for the space the site shows there
        text = re.sub(r"(?<=\w)\*{2,}(?=\w)", " ", text).replace("*", "")
        text = re.sub(r"^#+\s*", "", text).strip()
        lid = re.match(r"^(\d+)\.\s+(\S.*)$", text)
        if lid:
            lines += [lid.group(1), lid.group(2)]
        else:
            lines.append(text)
    return lines


def in_form(fixture: Path, form: str, folder: Path) -> Path:
    """The fixture in another input form: plain text, or a Word document."""
    if form == "markdown":
        return fixture
    markdown = fixture.read_text(encoding="utf-8")
    lines = as_plain_text(markdown)
    if form == "tekst":
        path = folder / f"{fixture.stem}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        return path
    from docx import Document

    headings = {
        re.sub(r"^#+\s*", "", line).replace("*", "").strip()
        for line in markdown.splitlines()
        if line.startswith("#")
    }
    document = Document()
    for text in lines:
        if text:
            document.add_paragraph(text, style="Heading 3" if text in headings else None)
    path = folder / f"{fixture.stem}.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("form", ["markdown", "tekst", "docx"])
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_import_checks_and_renders_back_one_for_one(
    fixture: Path, form: str, project: Path, run: Callable[..., Result]
) -> None:
    output = project / "geimporteerd.yaml"
    result = run("import", str(in_form(fixture, form, project)), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert (
        "Wgr-toets:" in result.output
    )  # pre-2022 texts lack tags and provisions: reported, not fatal
    original = original_articles(fixture)
    ours = rendered(output)
    assert [o[0] for o in ours] == [n for n, _ in original]
    for (number, body), (_, leden, onderdelen, text) in zip(original, ours, strict=True):
        expected_leden = (
            sequential(
                body, [str(i) for i in range(1, 30)], r"(?:^|(?<=[.:;])|(?<=[.:;]\s)|(?<=\n))\s*"
            )
            or 1
        )
        expected_onderdelen = sequential(
            body,
            list("abcdefghijklmnopqrstuvwxyz"),
            r"(?:(?<=[:;.])|(?<=[:;.]\s)|(?<=[:;.]\s\s)|^)\s*",
        )
        assert leden == expected_leden, f"artikel {number}: leden"
        if expected_onderdelen > 1:
            assert onderdelen >= expected_onderdelen, f"artikel {number}: onderdelen"
        if number == original[-1][0]:
            assert words(body)[: len(words(text))] == words(text), (
                f"artikel {number}"
            )  # signature follows
        else:
            assert words(text) == words(body), f"artikel {number}"


def test_recognised_citations_become_references_and_render_the_same(
    project: Path, run: Callable[..., Result]
) -> None:
    gelders = next(f for f in FIXTURES if "gelders" in f.name)
    output = project / "g.yaml"
    assert run("import", str(gelders), "-o", str(output)).exit_code == 0
    text = " ".join(output.read_text(encoding="utf-8").split())  # YAML folds long lines
    assert "[[artikel-2.lid-2]]" in text  # "bedoeld in het tweede lid" inside artikel 2
    assert "artikel 1, onderdeel c, van de Archiefwet 1995" in text  # another law: left as text
    assert "[[artikel-16.lid-8]]" in text  # "artikel 16, achtste lid" (artikel 16 has eight leden)


# --- shapes that real regelingen take (each reproduces a failure found on a published GR) ---

DRENTS = """##Besluit deelname Rijk aan Regeling RHC Drents Archief

De Staatssecretaris van Onderwijs, Cultuur en Wetenschap,
Besluit:

### Artikel  1

Het Rijk neemt deel aan de gemeenschappelijke regeling die als bijlage bij dit besluit is gevoegd.

### Artikel  2

Dit besluit treedt in werking met ingang van de tweede dag na dagtekening van de Staatscourant.

De
Staatssecretaris van Onderwijs, Cultuur en Wetenschap,
M.C. van der Laan

### Bijlage

####Regeling RHC Drents Archief

*11 april 2005* De Staatssecretaris van Onderwijs, Cultuur en Wetenschap en de raad en het college van burgemeester en wethouders van de gemeente Assen, Gelet op de artikelen 96 en 97 van de Wet gemeenschappelijke regelingen; Besluiten: tot het treffen van de navolgende gemeenschappelijke regeling.

#### *Hoofdstuk I. Begripsbepalingen*

#### *Artikel 1*

In deze gemeenschappelijke regeling wordt verstaan onder:

a. de minister: de Minister van Onderwijs, Cultuur en Wetenschap;

b. de gemeente: de gemeente Assen.

#### *Hoofdstuk II. Het algemeen bestuur*

#### *Artikel 2*

1. Het algemeen bestuur bestaat uit vier leden. 2. De minister wijst twee leden aan. 3. De raad van de gemeente wijst twee leden aan, met inachtneming van het tweede lid.

#### *Artikel 3*

Deze regeling kan worden aangehaald als: Regeling RHC Drents Archief.

#### Toelichting

#### Algemeen

Met deze regeling wordt het RHC Drents Archief ingesteld.

#### *Artikel 1*

Dit artikel bevat de begripsbepalingen.
"""


def imported(
    project: Path, run: Callable[..., Result], text: str, *args: str
) -> tuple[Result, dict[str, Any]]:
    from ruamel.yaml import YAML

    source = project / "bron.md"
    source.write_text(text, encoding="utf-8")
    output = project / "uit.yaml"
    result = run("import", str(source), "-o", str(output), *args)
    data = (
        YAML(typ="safe", pure=True).load(output.read_text(encoding="utf-8"))
        if output.exists()
        else {}
    )
    return result, data


def test_regeling_annexed_to_a_besluit_with_toelichting_and_mixed_aanhef(
    project: Path, run: Callable[..., Result]
) -> None:
    result, data = imported(project, run, DRENTS)
    assert result.exit_code == 0, result.output
    articles = [a for h in data["hoofdstukken"] for a in h["artikelen"]]
    assert [a["id"] for a in articles] == ["artikel-1", "artikel-2", "artikel-3"]
    assert data["titel"] == "Regeling RHC Drents Archief"
    assert [h["titel"] for h in data["hoofdstukken"]] == [
        "Begripsbepalingen",
        "Het algemeen bestuur",
    ]
    assert [len(a["leden"]) for a in articles] == [1, 3, 1]
    assert len(articles[0]["leden"][0]["onderdelen"]) == 2
    # the toelichting is kept apart, not read as articles
    assert (
        "Met deze regeling wordt het RHC Drents Archief ingesteld." in data["algemene_toelichting"]
    )
    assert "niet overgenomen: 2 artikelen van het besluit vóór de regeling" in result.output
    assert "toelichting (5 regels) apart gehouden" in result.output
    # "de raad en het college" adopt it together: a gemengde regeling, and it is imported
    assert data["aanhef"]["bestuursorganen"] == ["raad", "college"]
    assert data["status"] == "geimporteerd"
    assert "  artikel 2: 3 leden, 0 onderdelen" in result.output
    assert "[[artikel-2.lid-2]]" in articles[1]["leden"][2]["tekst"]


def test_citations_of_another_law_stay_text(project: Path, run: Callable[..., Result]) -> None:
    text = """##Regeling Letterhoeke

De raden van de gemeenten A en B, Gelet op de Wet gemeenschappelijke regelingen; Besluiten:

### Artikel 1

1. Het openbaar lichaam oefent de taken uit, bedoeld in artikel 2, eerste en tweede lid, van de Archiefwet 1995.
2. De directeur is archivaris als bedoeld in artikel 2 Archiefwet 1995.

### Artikel 2

1. Zie artikel 1, eerste lid.
2. Het bestuur regelt de toegang als bedoeld in artikel 1, eerste lid, van die wet.
"""
    result, data = imported(project, run, text)
    assert result.exit_code == 0, result.output
    [first, second] = data["hoofdstukken"][0]["artikelen"]
    assert "artikel 2, eerste en tweede lid, van de Archiefwet 1995" in first["leden"][0]["tekst"]
    assert "artikel 2 Archiefwet 1995" in first["leden"][1]["tekst"]
    assert second["leden"][0]["tekst"] == "Zie [[artikel-1.lid-1]]."
    assert "artikel 1, eerste lid, van die wet" in second["leden"][1]["tekst"]


def test_internal_and_external_citations_in_one_sentence(
    project: Path, run: Callable[..., Result]
) -> None:
    """From Letterhoeke art. 20 and Drents Archief art. 16: 'van de afspraken' further on in
    the sentence is no law, and 'artikel 4:34' of the Awb is no citation of artikel 4."""
    text = """##Regeling Citaten

De raden van de gemeenten A en B, Gelet op de Wet gemeenschappelijke regelingen; Besluiten:

### Artikel 1

1. Het bestuur stelt de begroting vast.
2. Het bestuur stelt de rekening vast.

### Artikel 2

Met inachtneming van de begroting, bedoeld in artikel 1, eerste lid, de rekening, bedoeld in artikel 1, tweede lid en met inachtneming van de afspraken, bedoeld in artikel 3.

### Artikel 3

1. De bijdrage wordt verleend onder de voorwaarden, bedoeld in artikel 4:34, eerste lid, van de Algemene wet bestuursrecht.
2. Artikel 1, tweede lid is van overeenkomstige toepassing.

### Artikel 4

Het college zendt het verslag, bedoeld in artikel 217 tweede lid van de Provinciewet.
"""
    result, data = imported(project, run, text)
    assert result.exit_code == 0, result.output
    _, second, third, fourth = data["hoofdstukken"][0]["artikelen"]
    assert second["leden"][0]["tekst"] == (
        "Met inachtneming van de begroting, bedoeld in [[artikel-1.lid-1]], de rekening, bedoeld "
        "in [[artikel-1.lid-2]] en met inachtneming van de afspraken, bedoeld in [[artikel-3]]."
    )
    assert "bedoeld in artikel 4:34, eerste lid, van de Algemene wet" in third["leden"][0]["tekst"]
    assert third["leden"][1]["tekst"].startswith("[[artikel-1.lid-2]] is van")
    assert "artikel 217 tweede lid van de Provinciewet" in fourth["leden"][0]["tekst"]
    # the check does not take the citations of the Awb and the Provinciewet for ones of this
    # regeling written by hand
    assert "met de hand geschreven" not in result.output


def test_regeling_type_is_read_or_asked_for(project: Path, run: Callable[..., Result]) -> None:
    text = "##Regeling Z\n\nGelet op de Wet gemeenschappelijke regelingen;\n\n### Artikel 1\n\nEr is een openbaar lichaam.\n"
    result, _ = imported(project, run, text)
    assert result.exit_code == 1
    assert "bron.md:1:1" in result.output and "--soort" in result.output
    result, data = imported(project, run, text, "--soort", "gemengd")
    assert result.exit_code == 0, result.output
    assert data["aanhef"]["bestuursorganen"] == ["raad", "college"]
    _, data = imported(
        project,
        run,
        text.replace("Gelet op", "De colleges van burgemeester en wethouders van A en B, gelet op"),
    )
    assert data["aanhef"]["bestuursorganen"] == ["college"]


def test_lid_without_closing_full_stop_keeps_the_next_leden(
    project: Path, run: Callable[..., Result]
) -> None:
    """Nieuw Land: a lid without its full stop swallowed the leden after it."""
    text = """##Regeling Nieuw Land

De raden van de gemeenten A en B; Besluiten:

### Artikel 1

1. Het algemeen bestuur bestaat uit vijf leden
2. Het dagelijks bestuur bestaat uit drie leden;
3. De voorzitter wordt door het algemeen bestuur aangewezen.
"""
    result, data = imported(project, run, text)
    assert result.exit_code == 0, result.output
    [artikel] = data["hoofdstukken"][0]["artikelen"]
    assert [lid["tekst"] for lid in artikel["leden"]] == [
        "Het algemeen bestuur bestaat uit vijf leden",
        "Het dagelijks bestuur bestaat uit drie leden;",
        "De voorzitter wordt door het algemeen bestuur aangewezen.",
    ]


def test_abbreviation_dd_is_not_an_onderdeel(project: Path, run: Callable[..., Result]) -> None:
    """Schiphol: 'd.d.' inside onderdeel c was split off as a bogus onderdeel d."""
    text = """##Regeling Schiphol

De raden van de gemeenten A en B; Besluiten:

### Artikel 1

In deze regeling wordt verstaan onder: a. het convenant: het convenant d.d. 1 januari 2000; b. het bestuur: het algemeen bestuur; c. de brief: de brief d.d. 2 februari 2001.
"""
    result, data = imported(project, run, text)
    assert result.exit_code == 0, result.output
    [lid] = data["hoofdstukken"][0]["artikelen"][0]["leden"]
    assert [o["tekst"] for o in lid["onderdelen"]] == [
        "het convenant: het convenant d.d. 1 januari 2000",
        "het bestuur: het algemeen bestuur",
        "de brief: de brief d.d. 2 februari 2001",
    ]


def test_article_heading_without_the_word_artikel(
    project: Path, run: Callable[..., Result]
) -> None:
    """Zeeuws Archief: an article headed '5' (no 'Artikel') was lost and the rest renumbered."""
    text = """##Regeling Zeeuws Archief

De raden van de gemeenten A en B; Besluiten:

### Artikel 1

Eerste artikel.

### 2

Tweede artikel.

### Art. 3

Derde artikel.
"""
    result, data = imported(project, run, text)
    assert result.exit_code == 0, result.output
    artikelen = data["hoofdstukken"][0]["artikelen"]
    assert [(a["id"], a["leden"][0]["tekst"]) for a in artikelen] == [
        ("artikel-1", "Eerste artikel."),
        ("artikel-2", "Tweede artikel."),
        ("artikel-3", "Derde artikel."),
    ]


# --- lettered numbers, editorial notes, unplaced text, the official XML ----------------------

LETTERED = """##Regeling Lettered

De raden van de gemeenten A en B; Besluiten:

### Artikel 1

1. Het algemeen bestuur bestaat uit vier leden.
2. Ieder lid heeft één stem.
2a. Een lid kan zich laten vervangen door zijn plaatsvervanger.
2b. De plaatsvervanger heeft dezelfde rechten.
3. Het algemeen bestuur besluit bij meerderheid, met inachtneming van het tweede lid.

### Artikel 1a

Het dagelijks bestuur bestaat uit twee leden, bedoeld in artikel 1, derde lid.

### Artikel 2

De voorzitter wordt aangewezen door het algemeen bestuur.
"""


def test_lettered_leden_and_articles_keep_their_numbers(
    project: Path, run: Callable[..., Result]
) -> None:
    """Schiphol: leden 3a-3f were merged into lid 3. A lid or article inserted by an
    amendment keeps its number (2a, 1a) in the imported text and in print."""
    result, data = imported(project, run, LETTERED)
    assert result.exit_code == 0, result.output
    [first, second, third] = data["hoofdstukken"][0]["artikelen"]
    assert [(lid.get("nummer"), lid["id"]) for lid in first["leden"]] == [
        (None, "lid-1"),
        (None, "lid-2"),
        ("2a", "lid-2a"),
        ("2b", "lid-2b"),
        (None, "lid-3"),  # counts on from 2b
    ]
    assert first["leden"][3]["tekst"] == "De plaatsvervanger heeft dezelfde rechten."
    assert (second["id"], second["nummer"]) == ("artikel-1a", "1a")
    assert (third["id"], third.get("nummer")) == ("artikel-2", None)  # counts on from 1a
    assert "[[artikel-1.lid-3]]" in second["leden"][0]["tekst"]
    assert "  artikel 1: 5 leden, 0 onderdelen" in result.output
    printed = rendered(project / "uit.yaml")
    assert [(nummer, leden) for nummer, leden, _, _ in printed] == [("1", 5), ("1a", 1), ("2", 1)]
    assert printed[0][3].split(" ")[0:1] == ["1."]
    assert " 2a. Een lid kan zich" in printed[0][3] and " 2b. De plaatsvervanger" in printed[0][3]


NOTES = """##Regeling Noord

De raad en het college van burgemeester en wethouders van de gemeente A; Besluiten:

### Hoofdstuk  I

####Begripsbepalingen

Treedt in werking op een nader te bepalen tijdstip

### Artikel  1
Treedt in werking op een nader te bepalen tijdstip

In deze regeling wordt verstaan onder: a. de gemeente: de gemeente A; b. het bestuur: het algemeen bestuur.

### Artikel 2 [Vervallen per 01-01-2010]

### Artikel 3

1. Het bestuur vergadert openbaar. [Red: zie ook het reglement van orde.]
2. Het bestuur stelt een reglement van orde vast.

### Artikel 4

[Vervallen]

### Artikel 5

Deze regeling kan worden aangehaald als: Regeling Noord.
"""


def test_editorial_notes_are_kept_apart_from_the_law_text(
    project: Path, run: Callable[..., Result]
) -> None:
    """Noord-Holland: 'Treedt in werking op een nader te bepalen tijdstip' became law text 59
    times. Notes are listed with their line, lapsed articles are left out and the article
    after them records its number."""
    result, data = imported(project, run, NOTES)
    assert result.exit_code == 0, result.output
    artikelen = data["hoofdstukken"][0]["artikelen"]
    assert [(a["id"], a.get("nummer")) for a in artikelen] == [
        ("artikel-1", None),
        ("artikel-3", "3"),
        ("artikel-5", "5"),
    ]
    text = (project / "uit.yaml").read_text(encoding="utf-8")
    assert "Treedt in werking" not in text.split("# Redactionele")[0]
    body = text.split("\nid:")[1]
    assert "Treedt in werking" not in body and "[Red" not in body and "Vervallen" not in body
    assert artikelen[1]["leden"][0]["tekst"] == "Het bestuur vergadert openbaar."
    assert len(artikelen[0]["leden"][0]["onderdelen"]) == 2
    assert "#   regel 9: Treedt in werking op een nader te bepalen tijdstip" in text
    assert "#   regel 12, artikel 1: Treedt in werking op een nader te bepalen tijdstip" in text
    assert "#   regel 16, artikel 2: [Vervallen per 01-01-2010]" in text
    assert "#   regel 20, artikel 3: [Red: zie ook het reglement van orde.]" in text
    assert "#   regel 25, artikel 4: [Vervallen]" in text
    assert "redactionele aantekening, regel 16 (artikel 2): [Vervallen per 01-01-2010]" in (
        result.output
    )
    assert "niet overgenomen: artikel 2 (vervallen volgens de bron, regel 16)" in result.output
    assert "niet overgenomen: artikel 4 (vervallen volgens de bron, regel 23)" in result.output
    printed = rendered(project / "uit.yaml")
    assert [nummer for nummer, *_ in printed] == ["1", "3", "5"]


UNPLACED = """##Regeling West

De raden van de gemeenten A en B; Besluiten:

### Artikel 1

Er is een openbaar lichaam West.

### Afdeling A

Deze zin staat tussen twee artikelen.

### Artikel 2

Het openbaar lichaam is gevestigd in A.

### Paragraaf 1 Bestuur

### Artikel 3

Het bestuur bestaat uit vier leden.

Aldus vastgesteld in de vergadering van 1 maart 2001,

De voorzitter,
"""


def test_text_that_cannot_be_placed_is_reported_with_its_line(
    project: Path, run: Callable[..., Result]
) -> None:
    result, data = imported(project, run, UNPLACED)
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in data["hoofdstukken"][0]["artikelen"]] == [
        "artikel-1",
        "artikel-2",
        "artikel-3",
    ]
    lines = result.output.splitlines()
    assert (
        "bron.md:9:1: waarschuwing: tekst niet geplaatst (tussen twee artikelen; hoort het bij "
        "het artikel ervoor?): 'Afdeling A'"
    ) in lines
    assert (
        "bron.md:11:1: waarschuwing: tekst niet geplaatst (tussen twee artikelen; hoort het bij "
        "het artikel ervoor?): 'Deze zin staat tussen twee artikelen.'"
    ) in lines
    assert (
        "bron.md:17:1: waarschuwing: tekst niet geplaatst (paragraafkop: paragrafen worden als "
        "hoofdstukindeling gelezen): 'Paragraaf 1 Bestuur'"
    ) in lines
    assert (
        "niet overgenomen: ondertekening na artikel 3 (regels 23-25): 'Aldus vastgesteld in de "
        "vergadering van 1 maart 2001, De voorzitter,'"
    ) in lines


def test_plain_text_and_word_report_their_own_lines(
    project: Path, run: Callable[..., Result]
) -> None:
    """The line of plain text is its line in the file; of a Word document, its paragraph."""
    plain = project / "west.txt"
    plain.write_text(
        "Regeling West\n\nDe raden van de gemeenten A en B; Besluiten:\n\nArtikel 1\n\n"
        "Er is een openbaar lichaam West.\n\nTussen de artikelen staat deze zin.\n\n"
        "Paragraaf 2\n\nArtikel 2\n\nHet openbaar lichaam is gevestigd in A.\n",
        encoding="utf-8",
    )
    result = run("import", str(plain), "-o", str(project / "w.yaml"))
    assert result.exit_code == 0, result.output
    assert "west.txt:11:1: waarschuwing: tekst niet geplaatst (paragraafkop" in result.output
    from docx import Document

    document = Document()
    for text in [
        "Regeling West",
        "De raden van de gemeenten A en B; Besluiten:",
        "Artikel 1",
        "Er is een openbaar lichaam West.",
        "Paragraaf 2",
        "Artikel 2",
        "Het openbaar lichaam is gevestigd in A.",
    ]:
        document.add_paragraph(text)
    document.save(str(project / "west.docx"))
    result = run("import", str(project / "west.docx"), "-o", str(project / "w2.yaml"))
    assert result.exit_code == 0, result.output
    assert "west.docx:5:1: waarschuwing: tekst niet geplaatst (paragraafkop" in result.output


CVDR_XML = """<?xml version="1.0" encoding="UTF-8"?>
<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/"
      xmlns:dcterms="http://purl.org/dc/terms/">
  <meta>
    <owmskern>
      <dcterms:identifier>CVDR000001_1</dcterms:identifier>
      <dcterms:title>Gemeenschappelijke regeling Ons Water</dcterms:title>
    </owmskern>
  </meta>
  <body>
    <regeling>
      <aanhef>
        <al>De raden van de gemeenten A en B,</al>
        <al>gelet op de Wet gemeenschappelijke regelingen;</al>
        <al>besluiten vast te stellen de volgende regeling, vastgesteld op 3 maart 2015:</al>
      </aanhef>
      <regeling-tekst>
        <hoofdstuk>
          <kop><label>Hoofdstuk</label><nr>1</nr><titel>Algemene bepalingen</titel></kop>
          <artikel>
            <kop><label>Artikel</label><nr>1</nr><titel>Begrippen</titel></kop>
            <al>In deze regeling wordt verstaan onder:</al>
            <lijst type="expliciet">
              <li><li.nr>a.</li.nr><al>bestuur: het algemeen bestuur;</al></li>
              <li><li.nr>b.</li.nr><al>deelnemers: de gemeenten A en B, te weten:</al>
                <lijst type="expliciet">
                  <li><li.nr>1°.</li.nr><al>de gemeente A;</al></li>
                  <li><li.nr>2°.</li.nr><al>de gemeente B.</al></li>
                </lijst>
              </li>
            </lijst>
          </artikel>
          <artikel>
            <kop><label>Artikel</label><nr>2</nr><titel>Openbaar lichaam</titel></kop>
            <lid><lidnr>1</lidnr><al>Er is een openbaar lichaam <nadruk type="cur">Ons Water</nadruk>.</al></lid>
            <lid><lidnr>2</lidnr><al>Het openbaar lichaam is gevestigd in A.</al>
              <redactie>Gewijzigd bij besluit van 1 januari 2018.</redactie></lid>
            <lid><lidnr>2a</lidnr><al>Het openbaar lichaam heeft een eigen website.</al></lid>
            <lid><lidnr>3</lidnr><al>Het bestuur kan, met inachtneming van het eerste lid, besluiten nemen.</al></lid>
          </artikel>
        </hoofdstuk>
        <hoofdstuk>
          <kop><label>Hoofdstuk</label><nr>2</nr><titel>Slotbepalingen</titel></kop>
          <artikel status="vervallen">
            <kop><label>Artikel</label><nr>3</nr></kop>
            <redactie>Vervallen per 1 januari 2020.</redactie>
          </artikel>
          <artikel>
            <kop><label>Artikel</label><nr>4</nr><titel>Citeertitel</titel></kop>
            <al>Deze regeling wordt aangehaald als: Regeling Ons Water.</al>
          </artikel>
        </hoofdstuk>
      </regeling-tekst>
      <regeling-sluiting>
        <al>Aldus vastgesteld in de vergadering van 3 maart 2015,</al>
        <al>De voorzitter,</al>
      </regeling-sluiting>
    </regeling>
  </body>
</cvdr>
"""


def test_official_cvdr_xml_is_read_into_the_same_structure(
    project: Path, run: Callable[..., Result]
) -> None:
    source = project / "ons-water.xml"
    source.write_text(CVDR_XML, encoding="utf-8")
    output = project / "ow.yaml"
    result = run("import", str(source), "-o", str(output))
    assert result.exit_code == 0, result.output
    from ruamel.yaml import YAML

    data = YAML(typ="safe", pure=True).load(output.read_text(encoding="utf-8"))
    assert data["titel"] == "Gemeenschappelijke regeling Ons Water"
    assert data["citeertitel"] == "Regeling Ons Water"
    assert data["datum_versie"] == "2015-03-03"
    assert data["aanhef"]["bestuursorganen"] == ["raad"]
    assert [h["titel"] for h in data["hoofdstukken"]] == ["Algemene bepalingen", "Slotbepalingen"]
    [begrippen, lichaam] = data["hoofdstukken"][0]["artikelen"]
    assert begrippen["kop"] == "Begrippen"
    [lid] = begrippen["leden"]
    assert lid["tekst"] == "In deze regeling wordt verstaan onder:"
    assert [o["tekst"] for o in lid["onderdelen"]] == [
        "bestuur: het algemeen bestuur",
        "deelnemers: de gemeenten A en B, te weten",
    ]
    assert [s["tekst"] for s in lid["onderdelen"][1]["subonderdelen"]] == [
        "de gemeente A",
        "de gemeente B",
    ]
    assert [(x.get("nummer"), x["tekst"]) for x in lichaam["leden"]] == [
        (None, "Er is een openbaar lichaam Ons Water."),
        (None, "Het openbaar lichaam is gevestigd in A."),
        ("2a", "Het openbaar lichaam heeft een eigen website."),
        (None, "Het bestuur kan, met inachtneming van [[artikel-2.lid-1]], besluiten nemen."),
    ]
    [citeertitel] = data["hoofdstukken"][1]["artikelen"]
    assert (citeertitel["id"], citeertitel["nummer"]) == ("artikel-4", "4")
    assert "niet overgenomen: artikel 3 (vervallen volgens de bron, regel 44)" in result.output
    assert (
        "redactionele aantekening, regel 37 (artikel 2): [Gewijzigd bij besluit van 1 januari 2018.]"
        in result.output
    )
    assert "niet overgenomen: ondertekening na het laatste artikel (regels 54-56)" in result.output
    assert "  artikel 2: 4 leden, 0 onderdelen" in result.output
    assert "  artikel 1: 1 leden, 2 onderdelen" in result.output


def test_broken_xml_is_a_located_error(project: Path, run: Callable[..., Result]) -> None:
    source = project / "kapot.xml"
    source.write_text(CVDR_XML.replace("</lijst>", "", 1), encoding="utf-8")
    result = run("import", str(source), "-o", str(project / "k.yaml"))
    assert result.exit_code == 1
    assert "kapot.xml:" in result.output and "geen geldige XML" in result.output
    assert "Traceback" not in result.output
    assert not (project / "k.yaml").exists()
