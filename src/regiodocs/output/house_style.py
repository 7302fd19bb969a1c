"""House style: a Word reference document per Huisstijl, derived from pandoc's default.

pandoc's own reference.docx is US Letter; ours is A4 with the municipality's fonts, colours
and margins, Dutch as default language, bordered tables, and the paragraph styles our
templates name (Besluitpunt, Lid, Onderdeel, Subonderdeel, Regelingtitel, Kleine tekst).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from regiodocs.content.models.regio import Huisstijl
from regiodocs.output import docx_xml

LANGUAGE = "nl-NL"
FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)

# The alignment of the title styles (letterhead.TITLE_STYLES) in the generated house style:
# pandoc's reference.docx centres Title, Subtitle is based on it, and Regelingtitel is
# centred below. The PDF follows this (a test reads it back from a generated reference).
TITLE_ALIGNMENTS = {"Title": "center", "Subtitle": "center", "Regelingtitel": "center"}

# name -> (left indent cm, hanging cm, space after pt)
_INDENTED_STYLES = {
    "Besluitpunt": (0.75, 0.75, 6),
    "Instructie": (0.75, 0.75, 6),
    "Aangehaald": (1.5, 0.0, 4),
    "Aangehaald lid": (2.25, 0.75, 2),
    "Aangehaald onderdeel": (3.0, 0.75, 2),
    "Lid": (0.75, 0.75, 4),
    "Onderdeel": (1.5, 0.75, 2),
    "Subonderdeel": (2.25, 0.75, 2),
}


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def pandoc_default_reference(pandoc: str) -> bytes:
    """pandoc's own reference.docx, the base of every generated house style; run like a
    conversion (same time limit, a Dutch BuildFailure when pandoc hangs or fails)."""
    from regiodocs.output.write import pandoc_output  # write.py imports this module

    args = [pandoc, "--print-default-data-file", "reference.docx"]
    return pandoc_output(args, "het standaard-referentiedocument (reference.docx)")


def _paragraph_style(styles: Any, name: str) -> Any:
    """The paragraph style ``name``, added when the reference document lacks it."""
    return styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)


def build_reference_docx(default_reference: bytes, style: Huisstijl) -> bytes:
    """The reference document for one house style, byte-for-byte reproducible."""
    doc = Document(io.BytesIO(default_reference))
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        margin = Cm(style.marge_cm)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
        section.header_distance = section.footer_distance = Cm(1.0)
    styles = doc.styles
    docx_xml.set_default_language(styles.element, LANGUAGE)
    heading_font = style.lettertype_koppen or style.lettertype
    normal = styles["Normal"]
    normal.font.size = Pt(style.lettergrootte)
    docx_xml.set_run_fonts(normal.element, style.lettertype)
    for name in ("Body Text", "First Paragraph", "Compact"):
        if name in styles:
            styles[name].paragraph_format.space_after = Pt(6)
    sizes = {"Title": 20, "Subtitle": 14, "Heading 1": 15, "Heading 2": 12.5, "Heading 3": 11.5}
    for name, size in sizes.items():
        s = styles[name]
        s.font.size = Pt(size)
        s.font.color.rgb = _rgb(style.kleur_koppen if name != "Subtitle" else style.kleur_accent)
        s.font.bold = name != "Subtitle"
        s.font.italic = False
        docx_xml.set_run_fonts(s.element, heading_font)
        s.paragraph_format.space_before = Pt(14 if name.startswith("Heading") else 0)
        s.paragraph_format.space_after = Pt(6)
        s.paragraph_format.keep_with_next = True
    for name, (left, hanging, after) in _INDENTED_STYLES.items():
        s = _paragraph_style(styles, name)
        s.base_style = normal
        s.paragraph_format.left_indent = Cm(left)
        s.paragraph_format.first_line_indent = Cm(-hanging)
        s.paragraph_format.space_after = Pt(after)
    title = _paragraph_style(styles, "Regelingtitel")
    title.base_style = normal
    title.font.bold = True
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    small = _paragraph_style(styles, "Kleine tekst")
    small.base_style = normal
    small.font.size = Pt(8)
    small.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    if "Hyperlink" in styles:
        styles["Hyperlink"].font.color.rgb = _rgb(style.kleur_accent)
    if "Table" in styles:
        docx_xml.set_table_style_borders(styles["Table"].element, "#808080")
        # pandoc's 'Table' is based on 'TableNormal', which its reference.docx never defines.
        styles["Table"].base_style = None
    for name in ("Header", "Footer"):  # the styles of the header and footer paragraphs
        s = _paragraph_style(styles, name)
        s.style_id = name  # python-docx names them 'header'/'footer'; Word's ids are capitalised
        docx_xml.mark_builtin_style(s.element)
        s.base_style = normal
        s.font.size = Pt(8)
        s.paragraph_format.space_after = Pt(0)
    # Closing lines ("Hoogachtend,", "Aldus vastgesteld ...") stay with the signatures below.
    slot = _paragraph_style(styles, "Slot")
    slot.base_style = normal
    slot.paragraph_format.space_before = Pt(12)
    slot.paragraph_format.space_after = Pt(0)
    slot.paragraph_format.keep_with_next = True
    for name, before, tab_cm in (("Ondertekening", 18, 8.0), ("Handtekening", 42, 8.0)):
        s = _paragraph_style(styles, name)
        s.base_style = normal
        s.paragraph_format.space_before = Pt(before)
        s.paragraph_format.keep_with_next = name == "Ondertekening"
        s.paragraph_format.tab_stops.add_tab_stop(Cm(tab_cm))
    toc_title = _paragraph_style(styles, "Inhoudsopgave")
    toc_title.base_style = normal
    toc_title.font.size = Pt(13)
    toc_title.font.bold = True
    toc_title.font.color.rgb = _rgb(style.kleur_koppen)
    toc_title.paragraph_format.space_before = Pt(12)
    toc_entry = _paragraph_style(styles, "Inhoud")
    toc_entry.base_style = normal
    toc_entry.paragraph_format.left_indent = Cm(0.5)
    toc_entry.paragraph_format.space_after = Pt(2)
    props = doc.core_properties
    props.created = props.modified = props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.author = props.last_modified_by = "regiodocs"
    props.title = f"Huisstijl {style.id}"
    props.revision = 1
    return docx_xml.save_deterministic(doc)
