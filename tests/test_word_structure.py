"""Word-native structure: leden, onderdelen and besluitpunten are Word list numbering, and
citations in the regeling are REF fields to bookmarks; the printed text stays the same."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, word_paragraphs
from docx import Document
from lxml import etree

from regiodocs.documents.markdown import TAB_MARK
from regiodocs.output import docx_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LISTS = {"Lid", "Onderdeel", "Subonderdeel", "Besluitpunt"}
REGELING = "regio/utrecht-west-regeling.docx"
BESLUIT = "woerden/2026-03-11-raadsbesluit-gr-zienswijze-toestemming.docx"


def _build(folder: Path) -> Path:
    from regiodocs.build import build

    for kinds, gemeente in ((("regeling",), None), (("raadsbesluit",), "woerden")):
        build(
            ROOT / "content",
            ROOT / "templates",
            folder,
            "utrecht-west",
            kinds,
            gemeente=gemeente,
            use_cache=False,
        )
    return folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The documents as built, and as built with typed numbers and plain links (the
    structure step switched off), to compare what a reader sees."""
    base = tmp_path_factory.mktemp("structure")
    new = _build(base / "new")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(docx_xml, "word_structure", lambda document, mark: None)
        old = _build(base / "old")
    return new, old


def _xml(path: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def test_printed_text_is_the_same_with_word_numbers_and_fields(builds: tuple[Path, Path]) -> None:
    new, old = builds
    for name in (REGELING, BESLUIT):
        now, before = word_paragraphs(new / name), word_paragraphs(old / name)
        assert [t for _, t in now] == [t for _, t in before], name
        numbered = [s for s, t in now if s in LISTS]
        assert numbered, name


def test_list_paragraphs_carry_numpr_and_no_typed_number(builds: tuple[Path, Path]) -> None:
    new, _ = builds
    for name in (REGELING, BESLUIT):
        body = _xml(new / name)
        for p in body.iter(f"{W}p"):
            style = p.find(f"{W}pPr/{W}pStyle")
            if style is None or style.get(f"{W}val") not in LISTS:
                continue
            assert p.find(f"{W}pPr/{W}numPr/{W}numId") is not None
            first = next(p.iter(f"{W}t")).text or ""
            assert not re.match(r"([0-9]+|[a-z]+)°?\.", first), first


def test_numbering_levels_and_a_restart_per_article(builds: tuple[Path, Path]) -> None:
    new, _ = builds
    numbering = _xml(new / REGELING, "word/numbering.xml")
    formats = {
        a.findtext(f"{W}name") or a.find(f"{W}name").get(f"{W}val"): (
            a.find(f"{W}lvl/{W}numFmt").get(f"{W}val"),
            a.find(f"{W}lvl/{W}lvlText").get(f"{W}val"),
        )
        for a in numbering.iter(f"{W}abstractNum")
        if a.find(f"{W}name") is not None
    }
    assert formats["Lid"] == ("decimal", "%1.")
    assert formats["Onderdeel"] == ("lowerLetter", "%1.")
    starts = {
        n.get(f"{W}numId"): n.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val")
        for n in numbering.iter(f"{W}num")
        if n.find(f"{W}lvlOverride") is not None
    }
    body = _xml(new / REGELING)
    # Article 7 and article 8 both have three leden: each its own w:num starting at 1.
    lists: dict[str, list[str]] = {}
    article = None
    for p in body.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == "Heading3":
            article = text.split(".")[0]
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        if num is not None and style.get(f"{W}val") == "Lid":
            lists.setdefault(article or "", []).append(num.get(f"{W}val"))
    seven, eight = lists["Artikel 7"], lists["Artikel 8"]
    assert len(set(seven)) == 1 and len(seven) == 3
    assert len(set(eight)) == 1 and len(eight) == 3
    assert seven[0] != eight[0]
    assert starts[seven[0]] == starts[eight[0]] == "1"
    printed = [t for s, t in word_paragraphs(new / REGELING) if s == "Lid"]
    assert printed[:2] == [
        "1.\tEr is een openbaar lichaam, genaamd Sociaal Domein Utrecht West.",
        "2.\tHet openbaar lichaam is gevestigd in Woerden.",
    ]
    onderdelen = [t for s, t in word_paragraphs(new / REGELING) if s == "Onderdeel"]
    assert onderdelen[0].startswith("a.\talgemeen bestuur: ")
    assert onderdelen[6] == "g.\twet: de Wet gemeenschappelijke regelingen."
    assert onderdelen[7].startswith("a.\thet voorbereiden van regionaal beleid")  # artikel 4


def test_besluitpunten_are_a_word_list(builds: tuple[Path, Path]) -> None:
    new, _ = builds
    punten = [t for s, t in word_paragraphs(new / BESLUIT) if s == "Besluitpunt"]
    assert punten[0].startswith("1.\tkennis te nemen van het ontwerp")
    assert punten[1].startswith("2.\thet college toestemming te verlenen")


def test_citations_are_ref_fields_to_bookmarks_that_exist(builds: tuple[Path, Path]) -> None:
    new, _ = builds
    body = _xml(new / REGELING)
    bookmarks = {b.get(f"{W}name"): b for b in body.iter(f"{W}bookmarkStart")}
    ids = [b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids))
    ours = [n for n in bookmarks if n.startswith(("Artikel_", "Hoofdstuk_"))]
    assert "Artikel_4" in ours and "Artikel_4_lid_1" in ours and "Artikel_27_lid_3_a" in ours
    for name in ours:
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", name), name
    fields = []
    for p in body.iter(f"{W}p"):
        runs = list(p.iter(f"{W}r"))
        for i, run in enumerate(runs):
            instr = run.find(f"{W}instrText")
            if instr is None or "REF" not in instr.text:
                continue
            target = instr.text.split()[1]
            assert runs[i + 1].find(f"{W}fldChar").get(f"{W}fldCharType") == "separate"
            result = runs[i + 2].findtext(f"{W}t")
            fields.append((target, result))
    assert len(fields) >= 10
    for target, result in fields:
        assert target in bookmarks
        # the bookmark holds exactly the printed number: an updated field shows the same
        start = bookmarks[target]
        number = start.getnext()
        assert number.findtext(f"{W}t") == result
        assert number.getnext().tag == f"{W}bookmarkEnd"
        assert target == f"Artikel_{result}"
    # Each hyperlink goes to a bookmark of ours; 'artikel 27, derde lid, onderdeel a' to
    # the onderdeel's paragraph.
    anchors = {h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")}
    assert anchors <= set(bookmarks)
    assert "Artikel_27_lid_3_a" in anchors


def test_a_citation_prints_as_before_around_its_field(builds: tuple[Path, Path]) -> None:
    new, _ = builds
    texts = [t for _, t in word_paragraphs(new / REGELING)]
    assert any(
        "voor de taken, bedoeld in artikel 4, eerste lid, binnen de beleidsplannen" in t
        for t in texts
    )


def _docx(markdown: str) -> Document:
    from regiodocs.output.write import find_pandoc

    result = subprocess.run(
        [find_pandoc(), "--from=markdown-smart", "--to=docx"],
        input=markdown.encode(),
        capture_output=True,
        check=True,
    )
    return Document(io.BytesIO(result.stdout))


def _lid(label: str, text: str, style: str = "Lid") -> str:
    return f'::: {{custom-style="{style}"}}\n{label}{TAB_MARK}{text}\n:::\n\n'


def test_lettered_inserts_stay_typed_and_the_list_counts_on(tmp_path: Path) -> None:
    markdown = (
        "### Artikel 2a. Ingevoegd {#artikel-2a}\n\n"
        + _lid("1.", "Eerste.")
        + _lid("a.", "een;", "Onderdeel")
        + _lid("aa.", "ingevoegd;", "Onderdeel")
        + _lid("b.", "twee:", "Onderdeel")
        + _lid("1°.", "eerste sub;", "Subonderdeel")
        + _lid("2°.", "tweede sub.", "Subonderdeel")
        + _lid("2.", "Tweede.")
        + _lid("2a.", "Ingevoegd lid.")
        + _lid("3.", "Derde.")
        + _lid("5.", "Na een vervallen lid.")
    )
    document = _docx(markdown)
    docx_xml.word_structure(document, TAB_MARK)
    docx_xml.marks_to_tabs(document.element.body, TAB_MARK)
    path = tmp_path / "x.docx"
    document.save(str(path))
    printed = [(s, t) for s, t in word_paragraphs(path) if s]
    assert printed[1:] == [
        ("Lid", "1.\tEerste."),
        ("Onderdeel", "a.\teen;"),
        ("Onderdeel", "aa.\tingevoegd;"),
        ("Onderdeel", "b.\ttwee:"),
        ("Subonderdeel", "1°.\teerste sub;"),
        ("Subonderdeel", "2°.\ttweede sub."),
        ("Lid", "2.\tTweede."),
        ("Lid", "2a.\tIngevoegd lid."),
        ("Lid", "3.\tDerde."),
        ("Lid", "5.\tNa een vervallen lid."),
    ]
    body = document.element.body
    numbered = [
        p.find(f"{W}pPr/{W}numPr") is not None
        for p in body.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle") is not None
    ]
    # the heading, then: 1. a. (aa. typed) b. 1°. 2°. 2. (2a. typed) 3. 5.
    assert numbered == [False, True, True, False, True, True, True, True, False, True, True]


def test_the_same_bytes_twice(builds: tuple[Path, Path], tmp_path: Path) -> None:
    new, _ = builds
    again = _build(tmp_path / "again")
    for name in (REGELING, BESLUIT):
        assert (again / name).read_bytes() == (new / name).read_bytes()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) ontbreekt")
def test_libreoffice_prints_the_same_numbers_and_citations(
    builds: tuple[Path, Path], tmp_path: Path
) -> None:
    new, old = builds
    texts = {}
    for label, folder in (("new", new), ("old", old)):
        out = tmp_path / label
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                "--headless",
                "--convert-to",
                "txt:Text",
                "--outdir",
                str(out),
                str(folder / REGELING),
                str(folder / BESLUIT),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        texts[label] = {
            p.name: [
                " ".join(line.split()) for line in p.read_text(encoding="utf-8-sig").splitlines()
            ]
            for p in out.glob("*.txt")
        }
    assert len(texts["new"]) == 2
    assert texts["new"] == texts["old"]
    regeling = texts["new"]["utrecht-west-regeling.txt"]
    assert "1. Het openbaar lichaam heeft voor de deelnemende gemeenten tot taak:" in regeling
    assert any("bedoeld in artikel 4, eerste lid, binnen" in line for line in regeling)


def test_importing_the_word_document_reads_the_word_numbers(builds: tuple[Path, Path]) -> None:
    from regiodocs.legal.importer import read_source

    new, old = builds
    layout = read_source(new / REGELING)
    assert layout == read_source(old / REGELING)
    lines = [line for _, line in layout]
    assert "a. algemeen bestuur: het algemeen bestuur van het openbaar lichaam;" in lines


def test_a_cited_lettered_lid_gets_its_own_bookmark() -> None:
    markdown = (
        "### Artikel 3. Ingevoegd lid {#artikel-3}\n\n"
        + _lid("1.", "Zie [het tweede lid a](#artikel-3).")
        + _lid("2.", "Twee.")
        + _lid("2a.", "Ingevoegd.")
        + _lid("3.", "Zie [artikel 3, tweede lid a](#artikel-3).")
    )
    document = _docx(markdown)
    docx_xml.word_structure(document, TAB_MARK)
    body = document.element.body
    marked = {
        b.get(f"{W}name"): "".join(t.text for t in b.getparent().iter(f"{W}t"))
        for b in body.iter(f"{W}bookmarkStart")
        if b.get(f"{W}name").startswith("Artikel_")
    }
    # the inserted lid keeps its typed number; its paragraph holds the bookmark
    assert marked["Artikel_3_lid_2a"] == f"2a.{TAB_MARK}Ingevoegd."
    assert marked["Artikel_3"] == "Artikel 3. Ingevoegd lid"
    anchors = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")]
    # "het tweede lid a"; then "artikel " and ", tweede lid a" around the field
    assert anchors == ["Artikel_3_lid_2a"] * 3
    instructions = [i.text.strip() for i in body.iter(f"{W}instrText")]
    assert instructions == ["REF Artikel_3 \\h"]


def test_a_lid_inserted_as_2a_in_the_regeling_stays_typed_and_is_cited(project: Path) -> None:
    from conftest import edit

    from regiodocs.build import build

    edit(
        project / "content/utrecht-west/regeling.yaml",
        "              - id: zittingsduur\n"
        "                tekst: De zittingsduur van de leden valt samen met die van het college"
        " dat hen heeft aangewezen.\n",
        "              - id: ontslag\n"
        "                nummer: 2a\n"
        "                tekst: Het college kan een lid als bedoeld in"
        " [[samenstelling-ab.plaatsvervanger]] ontslaan.\n"
        "              - id: zittingsduur\n"
        "                tekst: De zittingsduur van de leden valt samen met die van het college"
        " dat hen heeft aangewezen, behoudens [[samenstelling-ab.ontslag]].\n",
    )
    build(
        project / "content", project / "templates", project / "build", "utrecht-west", ("regeling",)
    )
    path = project / "build" / REGELING
    texts = [t for _, t in word_paragraphs(path)]
    start = texts.index("Artikel 7. Samenstelling algemeen bestuur")
    assert [t.split("\t")[0] for t in texts[start + 1 : start + 5]] == ["1.", "2.", "2a.", "3."]
    assert (
        texts[start + 3] == "2a.\tHet college kan een lid als bedoeld in het tweede lid ontslaan."
    )
    assert texts[start + 4].endswith("aangewezen, behoudens het tweede lid a.")
    body = _xml(path)
    lid_paragraphs = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None]
    heading = next(
        i
        for i, p in enumerate(lid_paragraphs)
        if "".join(t.text or "" for t in p.iter(f"{W}t"))
        == "Artikel 7. Samenstelling algemeen bestuur"
    )
    numbered = [
        p.find(f"{W}pPr/{W}numPr") is not None for p in lid_paragraphs[heading + 1 : heading + 5]
    ]
    assert numbered == [True, True, False, True]  # Word cannot count "2a": typed
    anchors = {h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")}
    names = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert {"Artikel_7_lid_2", "Artikel_7_lid_2a"} <= anchors & names
