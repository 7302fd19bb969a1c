"""The produced Word files, opened with python-docx: text, styles, numbering, language, layout."""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import word_paragraphs
from docx import Document
from docx.shared import Cm
from lxml import etree

from regiodocs import fmt
from regiodocs.content.load import load_region
from regiodocs.content.schema import validate_region
from regiodocs.documents.views.common import EXTRA_KINDS, KINDS

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VOORSTEL = "2025-05-19-raadsvoorstel-regiovisie-vaststellen"


def text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_every_document_is_built_in_readable_sortable_names(built: Path) -> None:
    names = sorted(
        str(p.relative_to(built)) for p in built.rglob("*.docx") if ".cache" not in p.parts
    )
    # regiovisie, regeling, wgr-toets, reactienota, wgr-vorm, overgang, 4 afwegingen; per
    # municipality 2 voorstellen, 2 besluiten, 1 RIB
    assert len(names) == 10 + 5 * 5
    assert "regio/utrecht-west-overgang.docx" in names
    assert "regio/utrecht-west-regiovisie.docx" in names
    assert "montfoort/2025-05-19-raadsvoorstel-regiovisie-vaststellen.docx" in names
    assert "woerden/2026-03-11-raadsbesluit-gr-zienswijze-toestemming.docx" in names
    assert all((built / n).with_suffix(".md").is_file() for n in names)


def test_montfoort_raadsvoorstel_has_its_own_data_and_nothing_of_another_municipality(
    built: Path,
) -> None:
    text = text_of(built / "montfoort" / f"{VOORSTEL}.docx")
    assert "Montfoort" in text and "19 mei 2025" in text and "MF-2025-118" in text
    assert "wethouder Zorg en Welzijn" in text
    region = validate_region(load_region(ROOT / "content", "utrecht-west"))
    [voorstel] = [v for v in region.raadsvoorstellen if v.id == "regiovisie-vaststellen"]
    others = {d.id: d for d in region.regio.deelnemers if d.id != "montfoort"}
    for gemeente, data in voorstel.per_gemeente.items():
        if gemeente == "montfoort":
            continue
        prefix = others[gemeente].kenmerk_prefix
        assert f"{prefix}{data.kenmerk}" not in text
        if data.raadsvergadering != voorstel.per_gemeente["montfoort"].raadsvergadering:
            assert fmt.datum(data.raadsvergadering) not in text
    assert "wethouder Jeugd, Zorg en Welzijn" not in text  # Woerden's portfolio holder


def test_besluitpunten_and_argumenten_are_numbered_in_the_text(built: Path) -> None:
    voorstel = built / "woerden" / "2026-03-11-raadsvoorstel-gr-zienswijze-toestemming.docx"
    doc = Document(str(voorstel))
    # Word list numbering: the number is Word's, generated from numbering.xml
    besluit = [t for s, t in word_paragraphs(voorstel) if s == "Besluitpunt"]
    assert besluit[0].startswith("1.\tkennis te nemen van het ontwerp")
    assert besluit[1].startswith("2.\thet college toestemming te verlenen")
    argumenten = [
        p.text for p in doc.paragraphs if p.style.name == "Heading 2" and p.text[:1].isdigit()
    ]
    assert [a.split(" ")[0] for a in argumenten] == ["1.1", "1.2", "2.1"]


def test_headings_use_real_heading_styles(built: Path) -> None:
    doc = Document(
        str(built / "oudewater" / "2025-05-15-raadsvoorstel-regiovisie-vaststellen.docx")
    )
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Samenvatting",
        "Gevraagd besluit",
        "Inleiding",
        "Participatie",
        "Wat willen we bereiken",
        "Wat gaan we daarvoor doen",
        "Argumenten",
        "Kanttekeningen, risico's en alternatieven",
        "Financiële gevolgen",
        "Communicatie",
        "Vervolgproces",
        "Bevoegdheid raad",
        "Bijlagen",
    ]
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == ["Raadsvoorstel"]


def test_language_is_dutch_everywhere(built: Path) -> None:
    for path in built.rglob("*.docx"):
        if ".cache" in path.parts:
            continue
        with zipfile.ZipFile(path) as z:
            styles = z.read("word/styles.xml").decode()
            body = z.read("word/document.xml").decode()
        defaults = etree.fromstring(styles.encode()).find(
            f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang"
        )
        assert defaults is not None, path
        assert {defaults.get(f"{W}{a}") for a in ("val", "eastAsia", "bidi")} == {"nl-NL"}, path
        every = [
            el.get(f"{W}val")
            for xml in (styles, body)
            for el in etree.fromstring(xml.encode()).iter(f"{W}lang")
        ]
        assert set(every) == {"nl-NL"}, path


def test_properties_header_footer_and_page_setup(built: Path) -> None:
    doc = Document(
        str(built / "stichtse-vecht" / "2025-05-20-raadsbesluit-regiovisie-vaststellen.docx")
    )
    props = doc.core_properties
    assert props.title == "Raadsbesluit: Vaststellen Regiovisie Jeugdhulp en Wmo 2025-2029"
    assert props.author == "De raad van de gemeente Stichtse Vecht"
    assert props.keywords == "gemeente Stichtse Vecht; SV-2025-0733"
    assert props.language == "nl-NL"
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01) and abs(
        section.page_height - Cm(29.7)
    ) < Cm(0.01)
    assert abs(section.left_margin - Cm(2.2)) < Cm(0.01)  # Stichtse Vecht's house style
    footer_xml = section.footer._element.xml
    assert (
        "SV-2025-0733" in footer_xml
        and 'w:instr="PAGE"' in footer_xml
        and 'w:instr="NUMPAGES"' in footer_xml
    )
    assert "Gemeente Stichtse Vecht" in section.header.paragraphs[0].text


def test_house_style_differs_per_municipality(built: Path) -> None:
    montfoort = Document(str(built / "montfoort" / f"{VOORSTEL}.docx"))
    woerden = Document(
        str(built / "woerden" / "2025-05-21-raadsvoorstel-regiovisie-vaststellen.docx")
    )
    assert str(montfoort.styles["Heading 1"].font.color.rgb) == "8B1A2B"
    assert str(woerden.styles["Heading 1"].font.color.rgb) == "A6192E"  # regio.yaml: woerden


def test_tables_have_a_bordered_table_style(built: Path) -> None:
    doc = Document(str(built / "regio" / "utrecht-west-regiovisie.docx"))
    planning = next(t for t in doc.tables if t.rows[0].cells[0].text == "Periode")
    assert planning.style.name == "Table"
    assert [c.text for c in planning.rows[0].cells] == ["Periode", "Fase", "Activiteiten"]
    assert "w:tblBorders" in planning.style.element.xml
    assert all(
        "<w:cantSplit/>" in row._tr.xml for row in planning.rows
    )  # rows never split over pages


def test_financial_share_is_this_municipalitys_and_hand_computed(built: Path) -> None:
    # Oudewater: 10.000 of 188.000 inhabitants -> 5,3191..% -> 5,32% after largest remainder;
    # 350.000 x 5,32% = 18.620,00 and 1.850.000 x 5,32% = 98.420,00.
    text = text_of(built / "oudewater" / "2026-03-05-raadsvoorstel-gr-zienswijze-toestemming.docx")
    assert "Aandeel Oudewater (5,32%)" in text
    assert "€\u00a018.620,00" in text and "€\u00a098.420,00" in text
    assert "€\u00a0350.000" in text and "€\u00a01.850.000" in text


def test_regeling_numbering_and_citations(built: Path) -> None:
    paragraphs = [t for _, t in word_paragraphs(built / "regio" / "utrecht-west-regeling.docx")]
    articles = [t for t in paragraphs if t.startswith("Artikel ") and ". " in t]
    assert articles[0] == "Artikel 1. Begripsbepalingen"
    numbers = [int(t.split(".")[0].split()[1]) for t in articles[: len(articles) // 2]]
    assert numbers == list(range(1, len(numbers) + 1))
    text = "\n".join(paragraphs)
    assert "2.\tHet verwerken van het berichtenverkeer en de declaratie en facturatie kan" in text
    assert "aan de taken, bedoeld in het eerste lid, worden toegevoegd door een wijziging" in text
    assert "voor de taken, bedoeld in artikel 5, eerste lid," not in text
    assert "voor de taken, bedoeld in artikel 4, eerste lid, binnen de beleidsplannen" in text
    assert "a.\talgemeen bestuur: het algemeen bestuur van het openbaar lichaam;" in text
    assert "g.\twet: de Wet gemeenschappelijke regelingen." in text
    assert (
        "Deze regeling wordt aangehaald als: Gemeenschappelijke regeling Sociaal Domein Utrecht West."
        in text
    )
    with zipfile.ZipFile(built / "regio" / "utrecht-west-regeling.docx") as z:
        body = z.read("word/document.xml").decode()
    assert 'w:bookmarkStart w:id="' in body and 'w:name="artikel-4"' in body
    # the citation links to the cited lid's bookmark; its number is a REF field
    assert 'w:anchor="Artikel_4_lid_1"' in body and 'w:name="Artikel_4_lid_1"' in body
    assert "REF Artikel_4 \\h" in body and 'w:name="Artikel_4"' in body


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    from regiodocs.build import build

    again = tmp_path / "build"
    report = build(
        ROOT / "content", ROOT / "templates", again, "utrecht-west", KINDS + EXTRA_KINDS, workers=1
    )
    assert report.converted  # a fresh build dir has no cache: pandoc really ran, sequentially
    for path in built.rglob("*"):
        if (
            path.is_file()
            and ".cache" not in path.parts
            and not path.name.startswith((".lock", ".regiodocs-"))
        ):
            assert (again / path.relative_to(built)).read_bytes() == path.read_bytes(), path
