"""A municipality's own Word template: letterhead, logo, fields filled from content, styles
from the template, and a changed template rebuilds."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from click.testing import Result
from conftest import ROOT, edit
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree
from openxml_audit import OpenXmlValidator

from regiodocs.build import build
from regiodocs.documents.views.common import DEFAULT_HUISSTIJL, DocMeta
from regiodocs.output import docx_xml
from regiodocs.output.cache import conversion_key
from regiodocs.output.template import (
    Sjabloon,
    as_docx,
    fill_fields,
    placeholder_logo,
    template_problem,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
MONTFOORT_VOORSTEL = "montfoort/2025-05-19-raadsvoorstel-regiovisie-vaststellen.docx"


def _header_and_footer(path: Path) -> tuple[str, str, list[bytes]]:
    """Text of all headers and of all footers, and the images the headers show."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        headers = sorted(n for n in names if n.startswith("word/header"))
        footers = sorted(n for n in names if n.startswith("word/footer"))

        def text(parts: list[str]) -> str:
            return " ".join(
                "".join(t.text or "" for t in etree.fromstring(z.read(p)).iter(f"{{{W}}}t"))
                for p in parts
            )

        images = []
        for header in headers:
            rels = f"word/_rels/{header.removeprefix('word/')}.rels"
            if rels in names:
                for rel in etree.fromstring(z.read(rels)):
                    if rel.get("Type") == IMAGE_REL:
                        images.append(z.read("word/" + rel.get("Target")))
        return text(headers), text(footers), images


def test_example_template_gives_letterhead_logo_fields_and_styles(built: Path) -> None:
    path = built / MONTFOORT_VOORSTEL
    header, footer, images = _header_and_footer(path)
    # The drawn placeholder logo, in Montfoort's colours (regio.yaml), is in the header.
    assert images == [placeholder_logo("#8B1A2B", "#8A6D0B")]
    assert "Gemeente Montfoort" in header
    assert "Vaststellen Regiovisie Jeugdhulp en Wmo 2025-2029" in header  # Onderwerp
    # Kenmerk MF-{jaar}- with number 118 (raadsvoorstellen/01), the meeting date, the
    # portefeuillehouder of Montfoort; no placeholder text of the template is left.
    assert "MF-2025-118" in footer and "19 mei 2025" in footer
    assert "wethouder Zorg en Welzijn" in footer
    assert "Portefeuillehouder" not in footer and "Kenmerk Kenmerk" not in footer
    doc = Document(str(path))
    assert str(doc.styles["Heading 1"].font.color.rgb) == "8B1A2B"
    assert "Lid" in doc.styles  # a structural style the template passes on
    with zipfile.ZipFile(path) as z:
        footer_xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("word/footer"))
    assert b'DOCPROPERTY "Kenmerk"' in footer_xml and b'w:instr="PAGE"' in footer_xml


def test_region_documents_use_the_region_template_and_woerden_its_own(built: Path) -> None:
    header, footer, images = _header_and_footer(built / "regio/utrecht-west-regiovisie.docx")
    assert images == [placeholder_logo("#1F3864", "#2E75B6")]  # the default colours
    assert "Regio Utrecht West" in header and "14 januari 2025" in footer
    assert "Kenmerk" not in footer
    woerden = built / "woerden/2025-05-21-raadsvoorstel-regiovisie-vaststellen.docx"
    header, footer, images = _header_and_footer(woerden)
    assert images == [placeholder_logo("#A6192E", "#005B82")]  # Woerden's colours (regio.yaml)
    assert "Gemeente Woerden" in header and "21 mei 2025" in footer
    assert str(Document(str(woerden)).styles["Heading 1"].font.color.rgb) == "A6192E"


def test_a_municipality_without_a_house_style_gets_the_generated_one(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(project / "content/utrecht-west/regio.yaml", "    huisstijl: woerden\n", "")
    assert run("build", "raadsvoorstel", "--gemeente", "woerden").exit_code == 0
    woerden = project / "build/woerden/2025-05-21-raadsvoorstel-regiovisie-vaststellen.docx"
    header, _, images = _header_and_footer(woerden)
    assert images == [] and header == "Gemeente Woerden"
    assert str(Document(str(woerden)).styles["Heading 1"].font.color.rgb) == "1F3864"


def test_shipped_example_templates_are_valid_dotx_files() -> None:
    folder = ROOT / "content/utrecht-west/huisstijl"
    ids = ["de-ronde-venen", "montfoort", "oudewater", "stichtse-vecht", "woerden", "utrecht-west"]
    validator = OpenXmlValidator()
    for ident in ids:
        data = (folder / f"{ident}.dotx").read_bytes()
        assert template_problem(data) is None
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert b"wordprocessingml.template.main+xml" in z.read("[Content_Types].xml")
            assert any(n.startswith("word/media/") for n in z.namelist())
        assert not validator.validate(folder / f"{ident}.dotx").errors, ident


GRIFFIE_BLUE = RGBColor(0x12, 0x34, 0x56)


def _griffie_template(path: Path, colour: RGBColor = GRIFFIE_BLUE) -> None:
    """A template as a griffie makes it in Word: python-docx's own (Word-made) default
    template, not ours; a logo in the header, fields in its own arrangement (a complex
    DOCPROPERTY field without a result, a simple field in other case, a content control
    tagged 'Kenmerk'), a letterhead on the first page only, its own heading colour and font
    and its own paper size (US Letter, python-docx's default), saved as .dotx."""
    doc = Document()
    heading = doc.styles["Heading 1"]
    heading.font.color.rgb = colour
    heading.font.name = "Georgia"
    doc.styles.add_style("Briefhoofd", WD_STYLE_TYPE.PARAGRAPH).font.size = Pt(9)
    doc.sections[0].different_first_page_header_footer = True
    doc.sections[0].header._element.append(
        parse_xml(
            f'<w:p xmlns:w="{W}"><w:fldSimple w:instr=" DOCPROPERTY Gemeente \\* MERGEFORMAT ">'
            "<w:r><w:t>Gemeente</w:t></w:r></w:fldSimple></w:p>"
        )
    )
    header = doc.sections[0].first_page_header
    logo = header.paragraphs[0]
    logo.add_run().add_picture(io.BytesIO(placeholder_logo("#123456", "#654321")), width=Cm(2))
    line = header.add_paragraph(style="Briefhoofd")
    line.add_run("Onderwerp: ")
    for kind, instr in (("begin", None), (None, " DOCPROPERTY  Onderwerp "), ("end", None)):
        run = line.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            text = OxmlElement("w:instrText")
            text.text = instr
            run._r.append(text)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.add_run("Portefeuille: ")
    footer._p.append(
        parse_xml(
            f'<w:fldSimple xmlns:w="{W}" w:instr="DOCPROPERTY portefeuillehouder">'
            "<w:r><w:t>[portefeuillehouder]</w:t></w:r></w:fldSimple>"
        )
    )
    footer._p.append(
        parse_xml(
            f'<w:sdt xmlns:w="{W}"><w:sdtPr><w:tag w:val="Kenmerk"/><w:showingPlcHdr/></w:sdtPr>'
            '<w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
            "<w:t>Klik om het kenmerk te typen</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml").replace(b"document.main+xml", b"template.main+xml")
    path.write_bytes(docx_xml.deterministic_zip(data, {"[Content_Types].xml": types}))


def test_a_griffies_own_template_with_its_own_field_arrangement(project: Path) -> None:
    template = project / "content/utrecht-west/huisstijl/montfoort-griffie.dotx"
    _griffie_template(template)
    regio = project / "content/utrecht-west/regio.yaml"
    text = regio.read_text(encoding="utf-8")
    regio.write_text(
        text.replace("huisstijl/montfoort.dotx", "huisstijl/montfoort-griffie.dotx"),
        encoding="utf-8",
    )
    out = project / "build"
    build(
        project / "content",
        project / "templates",
        out,
        "utrecht-west",
        ("raadsvoorstel",),
        "montfoort",
    )
    path = out / MONTFOORT_VOORSTEL
    header, footer, images = _header_and_footer(path)
    assert images == [placeholder_logo("#123456", "#654321")]
    assert "Onderwerp: Vaststellen Regiovisie Jeugdhulp en Wmo 2025-2029" in header
    assert "Gemeente Montfoort" in header  # the header of the following pages
    assert footer == "Portefeuille: wethouder Zorg en WelzijnMF-2025-118"
    with zipfile.ZipFile(path) as z:
        footer_xml = z.read("word/footer1.xml") if "word/footer1.xml" in z.namelist() else b""
        footer_xml = footer_xml or b"".join(
            z.read(n) for n in z.namelist() if n.startswith("word/footer")
        )
    assert b"showingPlcHdr" not in footer_xml and b"PlaceholderText" not in footer_xml
    doc = Document(str(path))
    # The page setup and the first-page letterhead come from the template.
    assert doc.sections[0].different_first_page_header_footer
    assert doc.sections[0].page_width == 12240 * 635  # twips to EMU: US Letter, 8.5 inch
    assert "Vaststellen" in doc.sections[0].first_page_header.paragraphs[1].text
    # Styles come from the template (not Montfoort's YAML colour 8B1A2B or font Calibri).
    assert str(doc.styles["Heading 1"].font.color.rgb) == "123456"
    assert doc.styles["Heading 1"].font.name == "Georgia"
    assert "Briefhoofd" in doc.styles and "Besluitpunt" in doc.styles
    assert doc.paragraphs[0].text == "Raadsvoorstel"
    # A changed template rebuilds: a new heading colour reaches the document.
    _griffie_template(template, RGBColor(0x00, 0x66, 0x00))
    report = build(
        project / "content",
        project / "templates",
        out,
        "utrecht-west",
        ("raadsvoorstel",),
        "montfoort",
    )
    assert len(report.converted) == 2 and not report.from_cache
    assert str(Document(str(path)).styles["Heading 1"].font.color.rgb) == "006600"


def test_cache_key_includes_the_template_bytes() -> None:
    def meta(data: bytes) -> DocMeta:
        return DocMeta(
            "t", "s", "a", "gemeente X", "K-1", date(2025, 1, 1), DEFAULT_HUISSTIJL,
            sjabloon=Sjabloon.from_bytes("huisstijl/x.dotx", data),
        )  # fmt: skip

    assert conversion_key("pandoc", "# x", meta(b"een")) != conversion_key(
        "pandoc", "# x", meta(b"twee")
    )
    assert conversion_key("pandoc", "# x", meta(b"een")) == conversion_key(
        "pandoc", "# x", meta(b"een")
    )


def _part(xml: str) -> etree._Element:
    return etree.fromstring(f'<w:hdr xmlns:w="{W}">{xml}</w:hdr>')


def _texts(root: etree._Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{{{W}}}t")]


def test_fill_fields_complex_simple_and_content_controls() -> None:
    values = {"kenmerk": "Z/25/090245", "datum": "2 juli 2025", "gemeente": ""}
    # A complex field split over runs, with an old result in two runs.
    root = _part(
        "<w:p><w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText> DOCPROPERTY </w:instrText></w:r>"
        '<w:r><w:instrText>"Kenmerk" \\* MERGEFORMAT </w:instrText></w:r>'
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
        "<w:r><w:t>oud</w:t></w:r><w:r><w:t>er</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:r><w:t> - </w:t></w:r>"
        "<w:fldSimple w:instr='DOCPROPERTY Datum'/>"
        "<w:r><w:t> - </w:t></w:r>"
        "<w:fldSimple w:instr='DOCPROPERTY Gemeente'><w:r><w:t>Gemeente</w:t></w:r></w:fldSimple>"
        "<w:fldSimple w:instr='PAGE'><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"
    )
    assert fill_fields(root, values) == 3
    assert _texts(root) == ["Z/25/090245", " - ", "2 juli 2025", " - ", "", "1"]
    # A block content control tagged 'datum' (any case) and an unknown tag left alone.
    root = _part(
        "<w:sdt><w:sdtPr><w:alias w:val='Datum'/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>Kies een datum</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:sdt><w:sdtPr><w:tag w:val='Afdeling'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>Griffie</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    assert fill_fields(root, values) == 1
    assert _texts(root) == ["2 juli 2025", "Griffie"]
    assert not list(root.iter(f"{{{W}}}showingPlcHdr"))


def test_a_field_without_result_gets_one() -> None:
    root = _part(
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText>DOCPROPERTY Kenmerk</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
    )
    assert fill_fields(root, {"kenmerk": "MF-2025-118"}) == 1
    runs = list(root.iter(f"{{{W}}}r"))
    kinds = [
        (
            r.find(f"{{{W}}}fldChar").get(f"{{{W}}}fldCharType")
            if r.find(f"{{{W}}}fldChar") is not None
            else None
        )
        for r in runs
    ]
    assert kinds == ["begin", None, "separate", None, "end"]
    assert _texts(root) == ["MF-2025-118"]
    assert runs[3].find(f"{{{W}}}rPr/{{{W}}}b") is not None  # the look of the field


def test_template_checks_name_what_is_wrong() -> None:
    data = (ROOT / "content/utrecht-west/huisstijl/montfoort.dotx").read_bytes()
    assert template_problem(data) is None
    assert template_problem(b"PK\x03\x04 kapot") is not None
    assert "zip" in (template_problem(b"geen zip") or "")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    macro = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    )
    problem = template_problem(docx_xml.deterministic_zip(data, {"[Content_Types].xml": macro}))
    assert problem is not None and "macro" in problem
    # A .dotx is handed to python-docx as a .docx: only the content type differs.
    assert b"document.main+xml" in zipfile.ZipFile(io.BytesIO(as_docx(data))).read(
        "[Content_Types].xml"
    )


def test_a_template_with_broken_parts_is_reported_not_crashed_on() -> None:
    data = (ROOT / "content/utrecht-west/huisstijl/montfoort.dotx").read_bytes()

    def without(name: str, broken: dict[str, bytes] | None = None) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w") as target:
            for part in z.namelist():
                if part != name:
                    target.writestr(part, (broken or {}).get(part, z.read(part)))
        return out.getvalue()

    # The logo the header refers to is missing (the old KeyError: 'rId..'), the package
    # has no relationships, a header is no XML: each is a message, never an exception.
    for damaged in (
        without("word/media/image1.png"),
        without("_rels/.rels"),
        without("", {"word/header1.xml": b"<w:hdr"}),
    ):
        problem = template_problem(damaged)
        assert problem is not None and problem.startswith("het is geen geldig Word-bestand")
