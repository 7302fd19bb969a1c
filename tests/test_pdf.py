"""The PDF writer: tagged PDF/A-2a in the house style, readable text, deterministic bytes."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from click.testing import Result
from conftest import edit, line_of

from regiodocs.build import build
from regiodocs.content.models.regio import Huisstijl
from regiodocs.documents.markdown import escape
from regiodocs.documents.views.common import DocMeta
from regiodocs.output import pdf

ROOT = Path(__file__).resolve().parents[1]
MONTFOORT_VOORSTEL = "montfoort/2026-03-09-raadsvoorstel-gr-zienswijze-toestemming.pdf"
REGELING = "regio/utrecht-west-regeling.pdf"


def _text(path: Path) -> str:
    """The text of a PDF as a reader (or a screen reader) gets it, via poppler."""
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed; .ci/run installs it"
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def _tags(document: pikepdf.Pdf) -> list[str]:
    """The structure types of the tag tree, in reading order (depth first)."""
    found: list[str] = []

    def walk(node: pikepdf.Object) -> None:
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(str(node.S)[1:])
            kids = node.get("/K")
            if kids is not None:
                walk(kids)
        elif isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)

    walk(document.Root.StructTreeRoot)
    return found


def test_every_document_has_a_pdf_next_to_its_docx(built: Path) -> None:
    docx = sorted(p.with_suffix("") for p in built.rglob("*.docx") if ".cache" not in p.parts)
    pdfs = sorted(p.with_suffix("") for p in built.rglob("*.pdf") if ".cache" not in p.parts)
    assert docx and pdfs == docx


def test_pdf_is_tagged_pdf_a_with_title_and_dutch_language(built: Path) -> None:
    with pikepdf.open(built / REGELING) as document:
        assert str(document.Root.Lang).startswith("nl")
        assert document.Root.MarkInfo.Marked
        assert (
            str(document.docinfo.Title) == "Gemeenschappelijke regeling Sociaal Domein Utrecht West"
        )
        meta = document.open_metadata()
        assert meta["dc:title"] == "Gemeenschappelijke regeling Sociaal Domein Utrecht West"
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "A"
        assert meta["pdfuaid:part"] == "1"
        tags = _tags(document)
    assert tags[0] == "Document"
    assert tags.count("H1") == 1  # the title; chapters are H2, articles H3
    assert tags.index("H1") < tags.index("H2") < tags.index("H3")
    levels = [int(t[1]) for t in tags if len(t) == 2 and t[0] == "H" and t[1].isdigit()]
    # No gaps: '### Artikel' under '# Hoofdstuk' is H3 under H2, inside a paragraaf H4.
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    assert 4 in levels and 5 not in levels
    for tag in ("P", "Table", "TR", "TD", "Link"):
        assert tag in tags, tag


def test_table_header_cells_are_tagged(built: Path) -> None:
    with pikepdf.open(built / MONTFOORT_VOORSTEL) as document:
        tags = _tags(document)
    # the bijdragen table has a header row (Begrotingspost ... Aandeel Montfoort)
    assert tags.count("TH") == 5
    # The voorstel's header (Gemeente | Montfoort, ...) has no header row: it is laid out as
    # a table but tagged as text, one line per row (PDF/UA wants a TH in every Table).
    assert tags.count("Table") == 1
    assert "L" in tags and "LI" in tags  # the list of bijlagen


def test_pdf_text_has_titles_articles_and_amounts(built: Path) -> None:
    voorstel = _text(built / MONTFOORT_VOORSTEL)
    assert "Raadsvoorstel" in voorstel and "MF-2026-014" in voorstel
    # Montfoort's 7,45 % of € 350.000 and € 1.850.000, computed by hand
    assert "€ 26.075,00" in voorstel and "€ 137.825,00" in voorstel
    order = [voorstel.index(h) for h in ("Samenvatting", "Gevraagd besluit", "Financiële gevolgen")]
    assert order == sorted(order)  # reading order follows the document
    assert "Pagina 1 van 3" in voorstel
    regeling = _text(built / REGELING)
    assert "Hoofdstuk 1. Algemene bepalingen" in regeling
    assert "Artikel 4. Taken" in regeling and "Artikel 33. Citeertitel" in regeling
    assert "\\" not in regeling and "#" not in regeling  # no escapes or markup leak through


def test_house_style_fonts_are_embedded(built: Path) -> None:
    expected = {"montfoort": "Carlito", "oudewater": "DejaVuSans", "woerden": "LiberationSans"}
    for gemeente, family in expected.items():
        path = next(built.glob(f"{gemeente}/*-raadsinformatiebrief-*.pdf"))
        with pikepdf.open(path) as document:
            fonts: dict[str, bool] = {}
            for page in document.pages:
                for font in page.Resources.Font.values():
                    descendant = font.DescendantFonts[0]
                    descriptor = descendant.FontDescriptor
                    embedded = "/FontFile2" in descriptor or "/FontFile3" in descriptor
                    fonts[str(descendant.BaseFont)] = embedded
        assert fonts and all(family in name for name in fonts), (gemeente, sorted(fonts))
        assert all(fonts.values()), fonts  # every font is embedded


def _meta(title: str = "Proef") -> DocMeta:
    return DocMeta(
        title=title,
        subject="Onderwerp",
        author="Gemeente Proef",
        gemeente="gemeente Proef",
        kenmerk="PR-2026-001",
        datum=date(2026, 3, 9),
        huisstijl=Huisstijl(id="proef", lettertype="Calibri", kleur_koppen="#F7A600"),
    )


HOSTILE = (
    "#set page(width: 1cm) $x$ <label> @ref // geen commentaar /* ook niet */ *a* _b_ "
    "\\u{41} `c` [d] -- ... 'e' \"f\" = - + 1. ~ \\"
)


def test_content_text_is_typeset_literally(tmp_path: Path) -> None:
    markdown = '::: {custom-style="Title"}\nProef\n:::\n\n# Kop\n\n' + escape(HOSTILE) + "\n"
    path = tmp_path / "proef.pdf"
    path.write_bytes(pdf.render_pdf(markdown, _meta()))
    text = " ".join(_text(path).split())
    assert " ".join(HOSTILE.split()) in text


def test_same_input_gives_the_same_bytes() -> None:
    markdown = '::: {custom-style="Title"}\nProef\n:::\n\n# Kop\n\nTekst.\n'
    assert pdf.render_pdf(markdown, _meta()) == pdf.render_pdf(markdown, _meta())


def test_light_heading_colour_is_darkened_in_the_pdf() -> None:
    source = pdf.typst_source("# Kop\n", _meta())
    assert 'rgb("#F7A600")' not in source
    from regiodocs.documents.html import contrast, readable

    assert f'rgb("{readable("#F7A600")}")' in source and contrast(readable("#F7A600")) >= 4.5


@pytest.mark.parametrize(
    ("word_font", "embedded"),
    [("Arial", "Liberation Sans"), ("calibri", "Carlito"), ("Verdana", "DejaVu Sans")],
)
def test_word_fonts_map_to_shipped_fonts(word_font: str, embedded: str) -> None:
    assert pdf.font_of(word_font) == embedded
    assert any(embedded.replace(" ", "") in p.name for p in pdf.FONTS.glob("*.ttf"))


def test_pdfs_are_cached_and_a_damaged_entry_is_rebuilt(project: Path) -> None:
    out = project / "build"
    args = (project / "content", project / "templates", out, "utrecht-west", ("regeling",))
    build(*args)
    first = (out / REGELING).read_bytes()
    entries = list((out / ".cache" / "pdf").glob("*.entry"))
    assert len(entries) == 1
    entries[0].write_bytes(entries[0].read_bytes()[:-100])  # truncated
    report = build(*args)
    assert any("regeling.pdf" in notice for notice in report.notices)
    assert (out / REGELING).read_bytes() == first
    report = build(*args)
    assert report.notices == [] and (out / REGELING).read_bytes() == first


def test_characters_no_shipped_font_has_are_shown_as_code_points(tmp_path: Path) -> None:
    """PDF/A forbids a missing glyph; such a character must not stop the build."""
    markdown = '::: {custom-style="Title"}\nProef\n:::\n\n' + escape("Naam: 日本 ∑ é €") + "\n"
    path = tmp_path / "proef.pdf"
    path.write_bytes(pdf.render_pdf(markdown, _meta()))
    assert "Naam: <U+65E5><U+672C> ∑ é €" in _text(path)


def test_a_document_without_title_starts_its_headings_at_level_one() -> None:
    with pikepdf.open(io.BytesIO(pdf.render_pdf("# Kop\n\n## Onder\n\nTekst.\n", _meta()))) as doc:
        tags = _tags(doc)
    assert tags.index("H1") < tags.index("H2")


def _images(path: Path) -> list[tuple[int, int]]:
    with pikepdf.open(path) as document:
        found = []
        for page in document.pages[:1]:
            for xobject in page.Resources.get("/XObject", {}).values():
                if xobject.get("/Subtype") == "/Image":
                    found.append((int(xobject.Width), int(xobject.Height)))
        return found


def test_the_letterhead_logo_of_the_word_template_is_in_the_pdf_header(built: Path) -> None:
    template = (ROOT / "content/utrecht-west/huisstijl/montfoort.dotx").read_bytes()
    logo = pdf.header_logo(template)
    assert logo is not None and logo.startswith(b"\x89PNG")
    width, height = struct.unpack(">II", logo[16:24])  # the PNG's IHDR
    assert _images(built / MONTFOORT_VOORSTEL) == [(width, height)]
    # Woerden's own template has its own logo (in Woerden's colours), another picture.
    woerden = next(built.glob("woerden/*-raadsvoorstel-gr-zienswijze-toestemming.pdf"))
    assert _images(woerden) == [(width, height)]
    assert _text(woerden).startswith("Gemeente Woerden")
    # Without a template (no logo to take), only the text header.
    plain = pdf.render_pdf("# Titel\n\nTekst.\n", _meta())
    with pikepdf.open(io.BytesIO(plain)) as document:
        assert "/XObject" not in document.pages[0].Resources


def test_no_pdf_ua_errors_in_any_document(built: Path) -> None:
    """pdfua checks the machine-checkable rules of PDF/UA-1 (tags, headings, tables, title,
    language, fonts, alternative texts)."""
    import pdfua

    documents = sorted(p for p in built.rglob("*.pdf") if ".cache" not in p.parts)
    assert len(documents) == 35
    for path in documents:
        report = pdfua.validate(str(path))
        errors = [f for f in report.findings if f.severity >= pdfua.Severity.ERROR]
        assert errors == [], (path.name, [f.message for f in errors])


def test_a_column_is_never_narrower_than_its_longest_short_word() -> None:
    """Typst shrinks columns that do not fit below their words (which then run into the next
    column): every column keeps room for its longest word up to the hyphenation length."""
    long_text = "een lange toelichting die de regel vult " * 3
    markdown = (
        "| Nr. | Reactie | Afhandeling | Toelichting | Waar verwerkt |\n"
        "|:--|:--|:--|:--|:--|\n"
        f"| 1 | {long_text} | verwerkt | {long_text} | hoofdstuk 4 (Randvoorwaarden), |\n"
    )
    source = pdf.typst_source(markdown, _meta())
    columns = source.split("#table(\n  columns: (", 1)[1].split(")", 1)[0]
    widths = [float(w.removesuffix("fr")) for w in columns.rstrip(",").split(", ")]
    assert widths[2] >= len("Afhandeling") + 1
    assert widths[4] >= len("(Randvoorwaarden),") - 1
    assert sum(widths) <= 80  # within the text width (about 80 characters of Carlito 10.5)


RENVOOI = (
    '::: {custom-style="Title"}\nSynopsis\n:::\n\n| Oud | Nieuw |\n|:--|:--|\n'
    "| een ~~oud\\, woord~~ rest | een [nieuw\\, woord]{.underline} rest |\n"
)


def test_renvooi_strikes_old_words_and_underlines_new_ones(tmp_path: Path) -> None:
    """The synopsis of a wijziging (legal/wijziging.py marked): struck and underlined words."""
    source = pdf.typst_source(RENVOOI, _meta())
    assert "#strike[oud\\, woord]" in source and "#underline[nieuw\\, woord]" in source
    path = tmp_path / "renvooi.pdf"
    path.write_bytes(pdf.render_pdf(RENVOOI, _meta()))
    text = _text(path)
    assert "een oud, woord rest" in text and "een nieuw, woord rest" in text
    assert "underline" not in text and "~~" not in text


def test_very_long_values_still_make_a_pdf(tmp_path: Path) -> None:
    """PDF/A limits a string to 32,767 bytes: a 17,000-character word in the title, the text
    and a table cell (and as metadata) must not stop the build."""
    word = "x" * 17000
    markdown = (
        f'::: {{custom-style="Title"}}\n{word}\n:::\n\n# Kop\n\n{word}\n\n'
        f"| a | b |\n|--|--|\n| {word} | b |\n"
    )
    path = tmp_path / "lang.pdf"
    path.write_bytes(pdf.render_pdf(markdown, replace(_meta(word), subject=word)))
    # Every character of the text and the table cell is on the pages (a heading taller than
    # a page is cut by Typst: the title shows only its first ~16,400 characters).
    assert _text(path).count("x") >= 2 * len(word) + 16000
    with pikepdf.open(path) as document:
        assert len(str(document.docinfo.Title)) == 1000  # shortened to fit PDF/A


def test_the_pdf_letterhead_is_the_word_templates_header_and_footer(built: Path) -> None:
    """Montfoort's example template: logo and the Gemeente field on the first header line,
    the Onderwerp field on the second; the footer's Kenmerk, Datum, page x of y and the
    portefeuillehouder; all filled from content, as in the .docx."""
    voorstel = "montfoort/2025-05-19-raadsvoorstel-regiovisie-vaststellen.pdf"
    text = _text(built / voorstel)
    pages = text.split("\f")
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert first[:2] == ["Gemeente Montfoort", "Vaststellen Regiovisie Jeugdhulp en Wmo 2025-2029"]
    assert "Kenmerk MF-2025-118 · 19 mei 2025" in pages[0]
    assert f"Pagina 1 van {len(pages) - 1}" in pages[0]  # pdftotext ends with a form feed
    assert "wethouder Zorg en Welzijn" in first[-3:]
    assert "Pagina 2 van" in pages[1] and "Gemeente Montfoort" in pages[1]
    # The regional template has no kenmerk in its footer: the regiovisie shows only the date.
    regiovisie = _text(built / "regio/utrecht-west-regiovisie.pdf")
    assert "Regio Utrecht West" in regiovisie and "Kenmerk" not in regiovisie


def _griffie_template() -> bytes:
    """A template as a griffie might make it in Word: on the first page a header table with
    the logo on the left and name and address lines on the right, on the other pages only
    the name (a bold, coloured DOCPROPERTY field); a footer with 'Kenmerk' as a content
    control and page numbers as complex fields."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.shared import Cm, RGBColor

    from regiodocs.output.template import placeholder_logo

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def complex_field(instruction: str, shown: str) -> str:
        return (
            f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{shown}</w:t></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    doc = Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    table = first.add_table(1, 2, Cm(16))
    logo, address = table.rows[0].cells
    logo.paragraphs[0].add_run().add_picture(
        io.BytesIO(placeholder_logo("#123456", "#654321")), width=Cm(2)
    )
    name = address.paragraphs[0].add_run("Gemeente Proefstad")
    name.bold, name.font.color.rgb = True, RGBColor(0x12, 0x34, 0x56)
    address.add_paragraph("Postbus 1234")
    address.add_paragraph("9999 ZZ  Proefstad")
    other = section.header.paragraphs[0]
    other._p.append(
        parse_xml(
            f'<w:fldSimple {w} w:instr=" DOCPROPERTY Gemeente "><w:r><w:rPr><w:b/></w:rPr>'
            "<w:t>Gemeente</w:t></w:r></w:fldSimple>"
        )
    )
    for footer in (section.footer, section.first_page_footer):
        footer.paragraphs[0]._p.append(
            parse_xml(
                f"<w:sdt {w}><w:sdtPr><w:tag w:val='Kenmerk'/><w:showingPlcHdr/></w:sdtPr>"
                "<w:sdtContent><w:r><w:t>Klik hier</w:t></w:r></w:sdtContent></w:sdt>"
            )
        )
        footer.paragraphs[0]._p.append(
            parse_xml(f"<w:r {w}><w:tab/><w:t xml:space='preserve'>blad </w:t></w:r>")
        )
        for xml in (
            complex_field("PAGE", "1"),
            "<w:r><w:t xml:space='preserve'> / </w:t></w:r>",
            complex_field("NUMPAGES", "9"),
        ):
            for run in parse_xml(f"<w:p {w}>{xml}</w:p>"):
                footer.paragraphs[0]._p.append(run)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_griffies_own_letterhead_with_address_lines_and_first_page_header(
    tmp_path: Path,
) -> None:
    from regiodocs.output.template import Sjabloon, template_problem

    template = _griffie_template()
    assert template_problem(template) is None
    meta = replace(_meta(), sjabloon=Sjabloon.from_bytes("proef.docx", template))
    markdown = "# Titel\n\n" + "Een alinea tekst die de pagina vult.\n\n" * 120
    data = pdf.render_pdf(markdown, meta)
    (tmp_path / "proef.pdf").write_bytes(data)
    pages = _text(tmp_path / "proef.pdf").split("\f")[:-1]
    assert len(pages) >= 2
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert first[:3] == ["Gemeente Proefstad", "Postbus 1234", "9999 ZZ Proefstad"]
    assert "Gemeente Proef" not in pages[0].replace("Gemeente Proefstad", "")
    assert f"PR-2026-001 blad 1 / {len(pages)}" in " ".join(pages[0].split())
    # The other pages: the default header, the Gemeente field filled, no address lines.
    assert "Gemeente Proef" in pages[1] and "Postbus" not in pages[1]
    assert f"blad 2 / {len(pages)}" in " ".join(pages[1].split())
    with pikepdf.open(io.BytesIO(data)) as document:
        first_page = document.pages[0].Resources.get("/XObject", {})
        assert [x.Width for x in first_page.values() if x.get("/Subtype") == "/Image"] == [96]
    # The tall letterhead takes room on page one only: the text of page two begins at the
    # house style's 2.5 cm margin (70.9 pt), on page one below the letterhead.
    words = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "proef.pdf"), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split("<page ")[1:]
    tops = [float(page.split('yMin="')[1].split('"')[0]) for page in words]  # first word
    first_text = [
        float(page.split(">Een<")[0].rsplit('yMin="', 1)[1].split('"')[0]) for page in words
    ]
    assert first_text[1] == pytest.approx(70.9, abs=1.0)
    assert first_text[0] > first_text[1] + 50  # below the logo and the address lines
    assert tops[1] < first_text[1]  # the header of page two stands above its text


def _pdf_fonts(data: bytes) -> set[str]:
    """The base names of the fonts a PDF embeds (subset prefix removed)."""
    with pikepdf.open(io.BytesIO(data)) as document:
        return {
            str(font.DescendantFonts[0].BaseFont).split("+")[-1]
            for page in document.pages
            for font in page.Resources.Font.values()
        }


def test_a_font_that_is_not_shipped_is_a_located_warning_and_liberation_sans_in_the_pdf(
    project: Path, run: Callable[..., Result]
) -> None:
    regio = project / "content/utrecht-west/regio.yaml"
    edit(
        regio,
        "  - id: de-ronde-venen\n    lettertype: Arial",
        "  - id: de-ronde-venen\n    lettertype: Frutiger",
    )
    edit(regio, "    sjabloon: huisstijl/de-ronde-venen.dotx\n", "")
    result = run("check")
    assert result.exit_code == 0  # a warning, not an error
    line = line_of(regio, "lettertype: Frutiger")
    assert (
        f"regio.yaml:{line}:17: waarschuwing: [regio.huisstijlen[0].lettertype] het lettertype "
        "'Frutiger' zit niet bij regiodocs: de PDF gebruikt daarvoor Liberation Sans"
    ) in result.output
    assert run("check", "--strict").exit_code == 1
    meta = replace(_meta(), huisstijl=Huisstijl(id="x", lettertype="Frutiger"))
    assert _pdf_fonts(pdf.render_pdf("# Kop\n\nTekst.\n", meta)) == {
        "LiberationSans-Bold",
        "LiberationSans",
    }


def test_the_pdf_takes_its_fonts_from_the_word_template_and_warns_about_unshipped_ones(
    project: Path, run: Callable[..., Result]
) -> None:
    """A Word template whose body text is Calibri (by name) and whose headings are Georgia:
    the PDF has Carlito for the text, Liberation Sans for the headings, and check names the
    template and the style of the font it replaces."""
    from docx import Document

    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Heading 1"].font.name = "Georgia"
    out = io.BytesIO()
    doc.save(out)
    (project / "content/utrecht-west/huisstijl/montfoort-eigen.docx").write_bytes(out.getvalue())
    regio = project / "content/utrecht-west/regio.yaml"
    edit(regio, "huisstijl/montfoort.dotx", "huisstijl/montfoort-eigen.docx")
    result = run("check")
    assert result.exit_code == 0
    line = line_of(regio, "montfoort-eigen.docx")
    assert (
        f"regio.yaml:{line}:15: waarschuwing: [regio.huisstijlen[1].sjabloon] Word-sjabloon "
        "content/utrecht-west/huisstijl/montfoort-eigen.docx, stijl 'Heading 1': het lettertype "
        "'Georgia' zit niet bij regiodocs: de PDF gebruikt daarvoor Liberation Sans"
    ) in result.output
    assert "'Normal'" not in result.output  # Calibri is shipped (as Carlito)
    from regiodocs.output.template import Sjabloon

    meta = replace(_meta(), sjabloon=Sjabloon.from_bytes("montfoort-eigen.docx", out.getvalue()))
    assert _pdf_fonts(pdf.render_pdf("# Kop\n\nTekst.\n", meta)) == {
        "LiberationSans-Bold",  # the heading: Georgia's stand-in
        "Carlito",
    }


def _structure_nodes(node: pikepdf.Object, kind: str) -> list[pikepdf.Dictionary]:
    """Every structure element of type ``kind`` under ``node``, in reading order."""
    found: list[pikepdf.Dictionary] = []
    if isinstance(node, pikepdf.Dictionary):
        if str(node.get("/S", "")) == f"/{kind}":
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            found.extend(_structure_nodes(kids, kind))
    elif isinstance(node, pikepdf.Array):
        for kid in node:
            found.extend(_structure_nodes(kid, kind))
    return found


def _scope(cell: pikepdf.Dictionary) -> str | None:
    attributes = cell.get("/A")
    for entry in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
        if isinstance(entry, pikepdf.Dictionary) and "/Scope" in entry:
            return str(entry.Scope)
    return None


def test_every_pdf_table_has_a_header_row_of_th_cells_with_column_scope(built: Path) -> None:
    """PDF/UA: the header cells of every table are TH (with /Scope /Column), the first row
    holds only those and the other rows only TD; read from the tag tree of every PDF."""
    tables = 0
    for path in sorted(p for p in built.rglob("*.pdf") if ".cache" not in p.parts):
        with pikepdf.open(path) as document:
            for table in _structure_nodes(document.Root.StructTreeRoot, "Table"):
                rows = _structure_nodes(table, "TR")
                head = _structure_nodes(rows[0], "TH")
                assert head and not _structure_nodes(rows[0], "TD"), path.name
                assert all(_scope(cell) == "/Column" for cell in head), path.name
                for row in rows[1:]:
                    assert not _structure_nodes(row, "TH"), path.name
                    assert len(_structure_nodes(row, "TD")) == len(head), path.name
                tables += 1
    assert tables >= 10  # bijdragen, planning, verdeelsleutel, ... tables across the set


def test_an_odd_letterhead_still_gives_a_pdf(tmp_path: Path) -> None:
    """A header of sixty lines and a picture Typst cannot show (not a PNG, though named
    .png): the PDF is made, the header is capped in height and the picture left out."""
    from docx import Document
    from docx.shared import Cm

    from regiodocs.output.template import Sjabloon, placeholder_logo

    doc = Document()
    header = doc.sections[0].header
    header.paragraphs[0].add_run().add_picture(
        io.BytesIO(placeholder_logo("#123456", "#654321")), width=Cm(1)
    )
    for n in range(60):
        header.add_paragraph(f"Regel {n + 1} van het briefhoofd")
    out = io.BytesIO()
    doc.save(out)
    # Replace the logo's bytes by bytes that are no picture, under the same name.
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as source:
        damaged = io.BytesIO()
        with zipfile.ZipFile(damaged, "w") as target:
            for info in source.infolist():
                data = source.read(info.filename)
                if info.filename.startswith("word/media/"):
                    data = b"\x01\x00\x00\x00 EMF, not a PNG"
                target.writestr(info, data)
    meta = replace(_meta(), sjabloon=Sjabloon.from_bytes("raar.docx", damaged.getvalue()))
    data = pdf.render_pdf("# Titel\n\nTekst van het document.\n", meta)
    (tmp_path / "raar.pdf").write_bytes(data)
    text = _text(tmp_path / "raar.pdf")
    assert "Regel 1 van het briefhoofd" in text and "Tekst van het document." in text
    with pikepdf.open(io.BytesIO(data)) as document:
        assert "/XObject" not in document.pages[0].Resources
        assert float(document.pages[0].MediaBox[3]) == pytest.approx(841.89, abs=0.1)  # A4


def test_the_pdf_cache_key_follows_only_the_properties_the_letterhead_shows(
    tmp_path: Path,
) -> None:
    """The regeling's fingerprint is a Word property, not printed: a new fingerprint does
    not make the PDF again, unless the municipality's letterhead shows it in a field."""
    from docx import Document
    from docx.oxml import parse_xml

    from regiodocs.output.template import Sjabloon

    old = replace(_meta(), eigenschappen=(("Vingerafdruk regeling", "AAAA-1111-AAAA"),))
    new = replace(_meta(), eigenschappen=(("Vingerafdruk regeling", "BBBB-2222-BBBB"),))
    assert pdf.pdf_key("Tekst.", old) == pdf.pdf_key("Tekst.", new)
    doc = Document()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc.sections[0].header.paragraphs[0]._p.append(
        parse_xml(
            f"<w:fldSimple {w} w:instr=' DOCPROPERTY \"Vingerafdruk regeling\" '>"
            "<w:r><w:t>vingerafdruk</w:t></w:r></w:fldSimple>"
        )
    )
    out = io.BytesIO()
    doc.save(out)
    shows_it = Sjabloon.from_bytes("proef.docx", out.getvalue())
    old, new = replace(old, sjabloon=shows_it), replace(new, sjabloon=shows_it)
    assert pdf.pdf_key("Tekst.", old) != pdf.pdf_key("Tekst.", new)
    path = tmp_path / "proef.pdf"
    path.write_bytes(pdf.render_pdf("Tekst.", new))
    assert "BBBB-2222-BBBB" in _text(path)


TITLED = (
    '::: {custom-style="Title"}\nRaadsvoorstel\n:::\n\n'
    '::: {custom-style="Subtitle"}\nZienswijze op de regeling\n:::\n\n'
    "## Samenvatting\n\nEen alinea tekst.\n"
)


def _with_title_alignment(template: bytes, jc: str | None) -> bytes:
    """``template`` with the Title style's own alignment replaced by ``jc`` (or removed:
    the style then has Word's default, left); Subtitle is based on Title."""
    import re

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as package, zipfile.ZipFile(out, "w") as target:
        for info in package.infolist():
            data = package.read(info.filename)
            if info.filename == "word/styles.xml":
                xml = data.decode("utf-8")
                title = re.search(r'<w:style [^>]*w:styleId="Title".*?</w:style>', xml, re.S)
                assert title is not None and '<w:jc w:val="center"/>' in title.group()
                changed = title.group().replace(
                    '<w:jc w:val="center"/>', f'<w:jc w:val="{jc}"/>' if jc else ""
                )
                data = xml.replace(title.group(), changed).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _line_boxes(data: bytes, tmp_path: Path) -> dict[str, tuple[float, float]]:
    """The horizontal extent (xMin, xMax in pt) of each line of page one, by its text."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(data)
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    import re

    boxes: dict[str, tuple[float, float]] = {}
    for line in re.findall(r"<line (.*?)</line>", html, re.S):
        words = re.findall(r">([^<]*)</word>", line)
        x_min, x_max = re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', line).groups()  # type: ignore[union-attr]
        boxes[" ".join(words)] = (float(x_min), float(x_max))
    return boxes


def test_the_pdf_title_is_centred_where_the_word_templates_title_style_is(
    tmp_path: Path,
) -> None:
    """Woerden's template centres the Title style (and Subtitle, based on it), as Word shows
    the title of every raadsvoorstel: so does the PDF. The body stays left-aligned."""
    from regiodocs.output.template import Sjabloon

    template = (ROOT / "content/utrecht-west/huisstijl/woerden.dotx").read_bytes()
    meta = replace(_meta(), sjabloon=Sjabloon.from_bytes("woerden.dotx", template))
    source = pdf.typst_source(TITLED, meta)
    assert "#set align(center)\n#heading(level: 1, outlined: false)[Raadsvoorstel]" in source
    boxes = _line_boxes(pdf.render_pdf(TITLED, meta), tmp_path)
    middle = 21.0 / 2 / 2.54 * 72  # of an A4 page, in pt
    for line in ("Raadsvoorstel", "Zienswijze op de regeling"):
        left, right = boxes[line]
        assert (left + right) / 2 == pytest.approx(middle, abs=1.0), (line, boxes[line])
    margin = meta.huisstijl.marge_cm / 2.54 * 72
    assert boxes["Een alinea tekst."][0] == pytest.approx(margin, abs=1.0)


@pytest.mark.parametrize(("jc", "expected"), [(None, "left"), ("right", "right")])
def test_the_pdf_title_follows_a_template_that_does_not_centre_it(
    tmp_path: Path, jc: str | None, expected: str
) -> None:
    from regiodocs.output.template import Sjabloon

    original = (ROOT / "content/utrecht-west/huisstijl/woerden.dotx").read_bytes()
    template = _with_title_alignment(original, jc)
    meta = replace(_meta(), sjabloon=Sjabloon.from_bytes("eigen.dotx", template))
    source = pdf.typst_source(TITLED, meta)
    assert "align(center)" not in source
    boxes = _line_boxes(pdf.render_pdf(TITLED, meta), tmp_path)
    margin = meta.huisstijl.marge_cm / 2.54 * 72
    for line in ("Raadsvoorstel", "Zienswijze op de regeling"):
        left, right = boxes[line]
        if expected == "left":
            assert left == pytest.approx(margin, abs=1.0), (line, boxes[line])
        else:
            assert right == pytest.approx(21.0 / 2.54 * 72 - margin, abs=1.0), (line, boxes)


def test_without_a_template_the_pdf_title_is_aligned_as_the_generated_house_style(
    tmp_path: Path,
) -> None:
    """No Word template: the reference document generated from the YAML huisstijl (pandoc's
    reference.docx finished by house_style.py) decides; the PDF reads the same alignment."""
    from regiodocs.output import house_style
    from regiodocs.output.letterhead import style_alignments
    from regiodocs.output.template import Sjabloon
    from regiodocs.output.write import find_pandoc

    default = house_style.pandoc_default_reference(find_pandoc())
    reference = house_style.build_reference_docx(default, _meta().huisstijl)
    generated = style_alignments(Sjabloon.from_bytes("reference.docx", reference))
    assert (
        generated
        == house_style.TITLE_ALIGNMENTS
        == {
            "Title": "center",
            "Subtitle": "center",
            "Regelingtitel": "center",
        }
    )
    boxes = _line_boxes(pdf.render_pdf(TITLED, _meta()), tmp_path)
    left, right = boxes["Raadsvoorstel"]
    assert (left + right) / 2 == pytest.approx(21.0 / 2 / 2.54 * 72, abs=1.0)
