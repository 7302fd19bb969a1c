"""A corpus of real published gemeenschappelijke regelingen (tests/corpus/, sources in its
README), each imported in three input forms: as published in the markdown mirror of
wetten.overheid.nl, as plain text copied from the site, and as a Word document. For each the
counts of chapters, articles, leden and onderdelen per article must be exactly the ones
established by hand from the source (below), and the rendered text must be word for word
the source text of every article."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from docx import Document
from ruamel.yaml import YAML

from regiodocs.content.check import check_regeling_source
from regiodocs.content.load import load_yaml_file
from regiodocs.content.models.regeling import Regeling
from regiodocs.legal.wijziging import apply, draft, regeling_text
from tests.test_import import as_plain_text, rendered, words

CORPUS = Path(__file__).parent / "corpus"

# Per file: the number of chapters and, per article, "number:leden/onderdelen", counted by
# hand from the source (a one-lid article counts as one lid; onderdelen of all leden added).
EXPECTED: dict[str, tuple[int, str]] = {
    "brabants_historisch_centrum_BWBR0016477.md": (
        15,
        "1:1/5 2:6/4 3:1/0 4:10/0 5:2/0 6:4/5 7:1/0 8:2/0 9:1/0 10:3/0 11:1/0 12:1/0 13:1/6 "
        "14:4/0 15:3/0 16:8/0 17:4/0 18:8/0 19:1/0 20:3/0 21:4/0 22:2/0 23:1/0 24:2/0 25:1/0 "
        "26:2/0 27:2/0 28:2/0 29:2/0 30:3/0 31:2/0 32:1/0 33:1/0 34:1/0 35:3/0 36:1/0 37:1/0 "
        "38:1/0 39:1/0",
    ),
    "erfgoedcentrum_nieuw_land_BWBR0015843.md": (
        15,
        "1:1/8 2:6/10 3:15/0 4:2/0 5:5/5 6:1/0 7:2/0 8:1/0 9:3/0 10:1/0 11:1/0 12:1/6 13:4/0 "
        "14:3/0 15:8/0 16:4/0 17:8/0 18:1/0 19:1/0 20:4/0 21:2/0 22:1/0 23:2/0 24:1/0 25:2/0 "
        "26:2/0 27:2/0 28:2/0 29:3/0 30:2/0 31:1/0 32:1/0 33:1/0 34:3/0 35:1/0 36:1/0 37:1/0 "
        "38:1/0",
    ),
    "gr_gelders_archief_BWBR0013884.txt": (
        16,
        "1:1/3 2:7/4 3:1/0 4:11/0 5:2/0 6:4/3 7:1/0 8:2/0 9:1/0 10:3/0 11:1/0 12:1/0 13:1/6 "
        "14:4/0 15:3/0 16:8/0 17:4/0 18:8/0 19:1/0 20:2/0 21:4/0 22:2/0 23:1/0 24:3/0 25:1/0 "
        "26:2/0 27:2/0 28:2/0 29:2/0 30:3/0 31:2/0 32:1/0 33:1/0 34:2/0 35:1/0 36:3/0 37:1/0 "
        "38:1/0 39:1/0 40:1/0",
    ),
    "gr_groninger_archieven_BWBR0012374.txt": (
        16,
        "1:1/3 2:7/4 3:1/0 4:10/0 5:2/0 6:4/3 7:1/0 8:2/0 9:1/0 10:3/0 11:1/0 12:1/0 13:1/6 "
        "14:1/0 15:4/0 16:3/0 17:5/0 18:4/0 19:8/0 20:1/0 21:2/0 22:4/0 23:2/0 24:1/0 25:3/0 "
        "26:1/0 27:2/0 28:2/0 29:2/0 30:2/0 31:3/0 32:2/0 33:1/0 34:1/0 35:2/0 36:1/0 37:3/0 "
        "38:1/0 39:1/0 40:1/0 41:1/0",
    ),
    "gr_historisch_centrum_overijssel_BWBR0011484.txt": (
        16,
        "1:1/3 2:6/4 3:1/0 4:10/0 5:3/0 6:3/3 7:1/0 8:3/0 9:1/0 10:2/0 11:1/0 12:1/0 13:1/6 "
        "14:2/0 15:4/0 16:3/0 17:7/0 18:3/0 19:5/0 20:8/0 21:2/0 22:1/0 23:3/0 24:1/0 25:3/0 "
        "26:4/0 27:1/0 28:2/0 29:2/0 30:3/0 31:2/0 32:1/0 33:1/0 34:2/0 35:1/0 36:3/0 37:1/0 "
        "38:1/0 39:1/0 40:1/0",
    ),
    "gr_rhc_limburg_BWBR0016929.txt": (
        15,
        "1:1/4 2:6/4 3:1/0 4:10/0 5:2/0 6:4/3 7:1/0 8:2/0 9:1/0 10:3/0 11:1/0 12:1/0 13:1/6 "
        "14:4/0 15:3/0 16:8/0 17:4/0 18:8/0 19:1/0 20:2/0 21:4/0 22:2/0 23:1/0 24:3/0 25:1/0 "
        "26:2/0 27:2/0 28:2/0 29:3/0 30:3/0 31:2/0 32:1/0 33:1/0 34:1/0 35:3/0 36:1/0 37:1/0 "
        "38:1/0 39:1/0",
    ),
    "letterhoeke_BWBR0013738.md": (
        14,
        "1:1/5 2:5/4 3:1/0 4:14/0 5:2/0 6:3/0 7:7/0 8:3/0 9:1/7 10:5/0 11:4/0 12:2/0 13:4/0 "
        "14:3/0 15:2/0 16:3/0 17:4/0 18:3/0 19:5/0 20:9/0 21:1/0 22:9/0 23:7/0 24:2/0 25:4/0 "
        "26:1/0 27:3/0 28:2/0 29:3/0 30:1/0 31:1/0 32:1/0 33:1/0",
    ),
    "rhc_drents_archief_BWBR0018068.md": (
        15,
        "1:1/4 2:6/4 3:1/0 4:10/0 5:2/0 6:4/3 7:1/0 8:2/0 9:1/0 10:3/0 11:1/0 12:1/0 13:1/6 "
        "14:4/0 15:3/0 16:8/0 17:4/0 18:8/0 19:1/0 20:2/0 21:4/0 22:2/0 23:1/0 24:2/0 25:1/0 "
        "26:2/0 27:2/0 28:2/0 29:2/0 30:3/0 31:2/0 32:1/0 33:1/0 34:1/0 35:3/0 36:1/0 37:1/0 "
        "38:1/0 39:1/0",
    ),
    "rhc_noord_holland_BWBR0017935.md": (
        17,
        "1:1/4 2:6/4 3:1/0 4:12/2 5:2/0 6:4/3 7:1/0 8:2/0 9:1/0 10:3/0 11:1/0 12:1/0 13:1/6 "
        "14:4/0 15:3/0 16:9/0 17:4/0 18:9/0 19:1/0 20:2/0 21:5/0 22:2/0 23:1/0 24:3/0 25:1/0 "
        "26:2/0 27:2/0 28:2/0 29:2/0 30:3/0 31:2/0 32:1/0 33:1/0 34:2/0 35:1/0 36:3/0 37:1/0 "
        "38:1/0 39:1/0 40:1/0 41:1/0",
    ),
    "zeeuws_archief_BWBR0011304.md": (
        16,
        "1:1/3 2:5/4 3:1/0 4:11/0 5:2/0 6:4/3 7:1/0 8:2/0 9:1/0 10:3/0 11:1/0 12:1/0 13:1/7 "
        "14:4/0 15:3/0 16:7/0 17:4/0 18:8/0 19:1/0 20:2/0 21:4/0 22:3/0 23:1/0 24:3/0 25:1/0 "
        "26:2/0 27:2/0 28:2/0 29:2/0 30:3/0 31:2/0 32:1/0 33:1/0 34:2/0 35:1/0 36:3/0 37:1/0 "
        "38:1/0 39:1/0 40:1/0",
    ),
}

# The status line wetten.overheid.nl printed under every heading of the Noord-Holland text.
NOTE = "Treedt in werking op een nader te bepalen tijdstip"
HEADING = re.compile(r"^#+\s*\*?(?:Artikel\s+)?(\d+[a-z]?)\s*\*?\s*$")


def source_articles(path: Path) -> list[tuple[str, str]]:
    """(number, text) of the regeling's own articles, read without the importer: a heading
    that is an article number (with or without the word 'Artikel') starts one, any other
    heading ends it; the regeling's articles are those from the last article 1 on, up to the
    toelichting or a bijlage after the articles (whose own headings 'Artikel 1' explain the
    regeling's articles)."""
    found: list[tuple[str, list[str]]] = []
    ended = False
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if found and re.match(r"^#+\s*\*?\s*(Toelichting|Financiële bijlage)\b", line.strip()):
            break
        heading = HEADING.match(line.strip())
        if heading:
            found.append((heading.group(1), []))
            ended = False
        elif line.startswith("#"):
            ended = True
        elif found and not ended and line.strip() != NOTE:
            found[-1][1].append(line)
    start = max(i for i, (number, _) in enumerate(found) if number == "1")
    return [(number, " ".join(body)) for number, body in found[start:]]


def in_form(path: Path, form: str, folder: Path) -> Path:
    if form == "bron":
        return path
    markdown = path.read_text(encoding="utf-8")
    lines = as_plain_text(markdown)
    if form == "tekst":
        target = folder / f"{path.stem}.txt"
        target.write_text("\n".join(lines), encoding="utf-8")
        return target
    document = Document()  # each markdown heading a Word heading, in its own place
    for line in markdown.splitlines()[1:]:
        heading = line.startswith("#")
        for text in as_plain_text("\n" + line):
            if text:
                document.add_paragraph(text, style="Heading 3" if heading else None)
    target = folder / f"{path.stem}.docx"
    document.save(str(target))
    return target


def test_the_corpus_names_the_source_of_every_regeling() -> None:
    files = sorted(
        p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md"
    )
    assert files == sorted(EXPECTED)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for name in files:
        assert name in readme
        first = (CORPUS / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("SOURCE: github.com/statengeneraal/laws-markdown @ ")


FORMS = ["bron", "tekst", "docx"]
# The regeling type where the aanhef names no raad, college or burgemeester: Letterhoeke is
# made by the minister, provinciale en gedeputeerde staten and a foundation, so the importer
# asks for it (a gemeente body model has no provincial organs).
SOORT = {"letterhoeke_BWBR0013738.md": "gemengd"}
# Plain text cannot tell a heading '19' without the word 'Artikel' from a lid number '19'.
SKIP = {("zeeuws_archief_BWBR0011304.md", "tekst")}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_counts_and_words(
    name: str, form: str, project: Path, run: Callable[..., Result]
) -> None:
    if (name, form) in SKIP:
        pytest.skip("heading without 'Artikel' has no plain-text form")
    chapters, counts = EXPECTED[name]
    source = CORPUS / name
    output = project / "regeling.yaml"
    soort = ["--soort", SOORT[name]] if name in SOORT else []
    result = run("import", str(in_form(source, form, project)), "-o", str(output), *soort)
    assert result.exit_code == 0, result.output
    data = YAML(typ="safe", pure=True).load(output.read_text(encoding="utf-8"))
    assert len(data["hoofdstukken"]) == chapters
    ours = rendered(output)
    original = source_articles(source)
    assert [number for number, *_ in ours] == [number for number, _ in original]
    if counts:
        assert " ".join(f"{n}:{leden}/{ond}" for n, leden, ond, _ in ours) == counts
    for (number, body), (_, _, _, text) in zip(original, ours, strict=True):
        if number == original[-1][0]:  # the ondertekening follows the last article
            assert words(body)[: len(words(text))] == words(text), f"artikel {number}"
            # and so does the plaatsingsformule, which closes the besluit: no provision
            assert "Staatscourant" not in text and "Staatscourant" in body
            assert f"plaatsingsformule na artikel {number}" in result.output
        else:
            assert words(text) == words(body), f"artikel {number}"


def test_noord_holland_status_lines_are_notes_not_law(
    project: Path, run: Callable[..., Result]
) -> None:
    output = project / "nh.yaml"
    result = run("import", str(CORPUS / "rhc_noord_holland_BWBR0017935.md"), "-o", str(output))
    assert result.exit_code == 0, result.output
    text = output.read_text(encoding="utf-8")
    header, body = text.split("\nid: ", 1)
    assert NOTE not in body
    # one under each of the 17 chapter headings and each of the 41 article headings
    assert header.count(NOTE) == 17 + 41
    assert result.output.count("redactionele aantekening, regel") == 58


@pytest.mark.parametrize("form", FORMS)
def test_drents_regeling_annexed_to_a_besluit_without_its_signatures(
    form: str, project: Path, run: Callable[..., Result]
) -> None:
    source = in_form(CORPUS / "rhc_drents_archief_BWBR0018068.md", form, project)
    output = project / "drents.yaml"
    result = run("import", str(source), "-o", str(output))
    assert result.exit_code == 0, result.output
    data = YAML(typ="safe", pure=True).load(output.read_text(encoding="utf-8"))
    assert data["titel"] == "Regeling RHC Drents Archief"
    # the aanhef is the regeling's own: not the besluit's ondertekening, the word 'Bijlage'
    # or the title heading before it
    (aanhef,) = data["aanhef"]["overwegingen"]
    assert aanhef.startswith("11 april 2005 DCE/05/14415 De Staatssecretaris van Onderwijs")
    assert "van der Laan" not in aanhef and "Bijlage" not in aanhef
    # the plaatsingsformule after artikel 39 and the signatures run on to it are left out, and
    # the import says so
    last = data["hoofdstukken"][-1]["artikelen"][-1]
    assert last["leden"] == [
        {"tekst": "Deze regeling wordt aangehaald als: Regeling RHC Drents Archief."}
    ]
    assert "ondertekening aan het eind van artikel 39" in result.output
    assert "plaatsingsformule na artikel 39" in result.output
    # the toelichting, whose headings 'Artikel 1' and 'Artikel 16' are no articles, is apart
    assert data["algemene_toelichting"].startswith("Toelichting bij de Regeling RHC Drents")
    assert "Aan rijkszijde treedt de Minister" in data["algemene_toelichting"]
    # the financial bijlage after it is kept there too (a regeling here has no bijlagen), and
    # the import says where, with the line (paragraph in Word) where it starts
    assert "Het Rijk (RAD)" in data["algemene_toelichting"]
    heading = "Financiële bijlage bij de Regeling RHC Drents Archief"
    where = next(
        n
        for n, line in enumerate(
            source.read_text(encoding="utf-8").splitlines()
            if form != "docx"
            else [p.text for p in Document(str(source)).paragraphs],
            start=1,
        )
        if line.strip("# ") == heading
    )
    assert (
        f"niet overgenomen: bijlage '{heading}' (regel {where} en verder) staat in de "
        "algemene toelichting" in result.output
    )
    assert data["aanhef"]["bestuursorganen"] == ["raad", "college"]


def test_letterhoeke_without_a_municipal_body_asks_for_the_type(
    project: Path, run: Callable[..., Result]
) -> None:
    output = project / "lh.yaml"
    source = str(CORPUS / "letterhoeke_BWBR0013738.md")
    result = run("import", source, "-o", str(output))
    assert result.exit_code == 1
    assert "letterhoeke_BWBR0013738.md:1:1: fout: de aanhef noemt geen raad" in result.output
    assert "--soort" in result.output and not output.exists()
    result = run("import", source, "-o", str(output), "--soort", "gemengd")
    assert result.exit_code == 0, result.output
    data = YAML(typ="safe", pure=True).load(output.read_text(encoding="utf-8"))
    (aanhef,) = data["aanhef"]["overwegingen"]
    assert aanhef.startswith("De Staatssecretaris van Onderwijs, Cultuur en Wetenschappen, Prov")
    assert "F. van der Ploeg" not in aanhef  # the besluit's signature
    # the run-together onderdelen with italic defined terms: "a.*de minister:* ...;b.*de ..."
    (lid,) = data["hoofdstukken"][0]["artikelen"][0]["leden"]
    assert [o["tekst"].split(":")[0] for o in lid["onderdelen"]] == [
        "de minister",
        "de provincie",
        "de stichting",
        "archiefbescheiden",
        "collecties",
    ]


def _regeling(path: Path) -> Regeling:
    regeling, findings = check_regeling_source(load_yaml_file(path, "regeling"))
    assert regeling is not None, [str(f) for f in findings]
    return regeling


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_imported_regeling_can_be_amended_exactly(
    name: str, project: Path, run: Callable[..., Result]
) -> None:
    """What the issue asks of a lawyer's day: import a published text, amend it, and get
    instructions that, applied to the old text, give exactly the new one, keeping the
    numbers in force (an inserted article is 5a)."""
    imported = project / "oud.yaml"
    soort = ["--soort", SOORT[name]] if name in SOORT else []
    result = run("import", str(CORPUS / name), "-o", str(imported), *soort)
    assert result.exit_code == 0, result.output
    yaml = YAML()
    data = yaml.load(imported.read_text(encoding="utf-8"))
    chapters = data["hoofdstukken"]
    where = next(h for h in chapters if any(a["id"] == "artikel-5" for a in h["artikelen"]))
    at = next(i for i, a in enumerate(where["artikelen"]) if a["id"] == "artikel-5")
    where["artikelen"].insert(
        at + 1,
        {
            "id": "artikel-5a",
            "nummer": "5a",
            "kop": "Evaluatie",
            "leden": [
                {"tekst": "Het algemeen bestuur evalueert de regeling eens in de vier jaar."}
            ],
        },
    )
    first_lid = next(a for h in chapters for a in h["artikelen"] if a["id"] == "artikel-4")
    before = str(first_lid["leden"][0]["tekst"])
    first_lid["leden"][0]["tekst"] += " Het algemeen bestuur kiest uit zijn midden een secretaris."
    where["titel"] = where["titel"] + " en evaluatie"
    changed = project / "nieuw.yaml"
    with changed.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    old, new = _regeling(imported), _regeling(changed)
    wijziging = draft(old, new)
    assert regeling_text(apply(old, wijziging)) == regeling_text(new)
    zinnen = [i.zin for i in wijziging.instructies]
    assert "Na artikel 5 wordt een artikel ingevoegd, luidende:" in zinnen
    if before.endswith("."):  # a sentence added after the last one (Ar 6.9, 6.11)
        assert (
            "Aan artikel 4, eerste lid, wordt een zin toegevoegd, luidende: "
            "Het algemeen bestuur kiest uit zijn midden een secretaris." in zinnen
        ), zinnen
    else:  # after a colon or a semicolon: the words are replaced
        assert any(z.startswith("In artikel 4, eerste lid, wordt") for z in zinnen), zinnen
    assert any(z.startswith("Het opschrift van hoofdstuk ") for z in zinnen), zinnen
    assert len(zinnen) == 3 and not wijziging.hints  # no article renumbered
