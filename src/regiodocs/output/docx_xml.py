"""The only place that touches raw OOXML: language, fields, table borders, zip timestamps."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def set_default_language(styles_element: Any, lang: str) -> None:
    """Set w:lang in docDefaults, so every run without its own language is ``lang``."""
    doc_defaults = styles_element.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang_el.set(qn(attr), lang)


def override_languages(body_element: Any, lang: str) -> None:
    """Make every explicit w:lang in the body ``lang`` (pandoc may copy other values)."""
    for el in body_element.iter(qn("w:lang")):
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            if el.get(qn(attr)) is not None:
                el.set(qn(attr), lang)


def append_field(paragraph: Any, instruction: str, size_pt: float, placeholder: str = "1") -> None:
    """Append a simple field (PAGE, NUMPAGES) to a python-docx paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(round(size_pt * 2)))
        rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def set_table_style_borders(style_element: Any, color: str, size_eighths: int = 4) -> None:
    """Give a table style single borders on all edges and inside lines."""
    tbl_pr = style_element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        style_element.append(tbl_pr)
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size_eighths))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), color.lstrip("#"))
        borders.append(el)
    tbl_pr.append(borders)
    margins = tbl_pr.find(qn("w:tblCellMar"))
    if margins is None:
        margins = OxmlElement("w:tblCellMar")
        for edge, width in (("left", "80"), ("right", "80")):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:w"), width)
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        tbl_pr.append(margins)


def set_run_fonts(rpr_owner: Any, font: str) -> None:
    """Set a style's font for all scripts (python-docx sets only ascii/hAnsi)."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def deterministic_zip(data: bytes) -> bytes:
    """Rewrite a .docx with fixed entry times and attributes; content and order unchanged."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            target.writestr(fixed, source.read(info.filename), compresslevel=6)
    return out.getvalue()


def marks_to_tabs(body_element: Any, mark: str) -> None:
    """Replace each ``mark`` character in the text by a real tab (w:tab) in the same run."""
    for text_el in list(body_element.iter(qn("w:t"))):
        if not text_el.text or mark not in text_el.text:
            continue
        run = text_el.getparent()
        pieces = text_el.text.split(mark)
        position = list(run).index(text_el)
        run.remove(text_el)
        new: list[Any] = []
        for i, piece in enumerate(pieces):
            if i:
                new.append(OxmlElement("w:tab"))
            if piece:
                t = OxmlElement("w:t")
                t.text = piece
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                new.append(t)
        for offset, el in enumerate(new):
            run.insert(position + offset, el)


def keep_table_rows_whole(body_element: Any) -> None:
    """No table row breaks across a page (w:cantSplit on every row)."""
    for row in body_element.iter(qn("w:tr")):
        tr_pr = row.find(qn("w:trPr"))
        if tr_pr is None:
            tr_pr = OxmlElement("w:trPr")
            row.insert(0, tr_pr)
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.insert(0, OxmlElement("w:cantSplit"))
