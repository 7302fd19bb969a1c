"""The only place that touches raw OOXML: language, fields, table borders, zip timestamps."""

from __future__ import annotations

import io
import zipfile
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_AFTER_TBL_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")


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


def append_result_field(paragraph: Any, instruction: str, size_pt: float, result: str) -> None:
    """Append a complex field whose result is already filled in (``DOCPROPERTY "Kenmerk"``).

    The result runs are ordinary runs, so Word, LibreOffice and any reader show the value
    without updating fields; Word refreshes it from the document property when asked.
    """

    def run(*children: Any) -> None:
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        for tag in ("w:sz", "w:szCs"):
            size = OxmlElement(tag)
            size.set(qn("w:val"), str(round(size_pt * 2)))
            rpr.append(size)
        r.append(rpr)
        for child in children:
            r.append(child)
        paragraph._p.append(r)

    def char(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    text = OxmlElement("w:t")
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.text = result
    run(char("begin"))
    run(instr)
    run(char("separate"))
    run(text)
    run(char("end"))


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
    # CT_TblPr is a sequence: tblBorders comes after tblInd and before shd, tblLayout,
    # tblCellMar and tblLook (Word and the schema reject it elsewhere).
    following = next(
        (c for c in tbl_pr if c.tag in {qn(f"w:{t}") for t in _AFTER_TBL_BORDERS}), None
    )
    if following is not None:
        following.addprevious(borders)
    else:
        tbl_pr.append(borders)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size_eighths))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), color.lstrip("#"))
        borders.append(el)
    margins = tbl_pr.find(qn("w:tblCellMar"))
    if margins is None:
        margins = OxmlElement("w:tblCellMar")
        for edge, width in (("left", "80"), ("right", "80")):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:w"), width)
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        look = tbl_pr.find(qn("w:tblLook"))
        if look is not None:
            look.addprevious(margins)
        else:
            tbl_pr.append(margins)


def mark_builtin_style(style_element: Any) -> None:
    """A style Word knows by name (Header, Footer) is not a custom style."""
    style_element.attrib.pop(qn("w:customStyle"), None)


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


def deterministic_zip(data: bytes, parts: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a .docx with fixed entry times and attributes; order unchanged.

    ``parts`` replaces the content of existing parts by name (e.g. docProps/app.xml).
    """
    parts = parts or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            content = parts.get(info.filename)
            if content is None:
                content = source.read(info.filename)
            target.writestr(fixed, content, compresslevel=6)
    return out.getvalue()


# -- Settings and properties -------------------------------------------------------------

# Elements of CT_Settings that come after w:compat, in schema order.
_AFTER_COMPAT = (
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)
_WORD_2010 = "http://schemas.microsoft.com/office/word"


def set_compatibility_mode(settings_element: Any, mode: int = 15) -> None:
    """Declare the current Word compatibility mode (15), so Word does not open the file in
    compatibility mode; the settings after w:compat keep their schema order."""
    compat = settings_element.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        following = next(
            (c for c in settings_element if c.tag in {qn(f"w:{t}") for t in _AFTER_COMPAT}), None
        )
        if following is not None:
            following.addprevious(compat)
        else:
            settings_element.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            compat.remove(setting)
    setting = OxmlElement("w:compatSetting")
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), _WORD_2010)
    setting.set(qn("w:val"), str(mode))
    compat.append(setting)
    theme_lang = settings_element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "nl-NL")


def app_properties_xml(application: str) -> bytes:
    """Extended properties that tell the truth: which program wrote the file, and no page or
    word counts (Word recounts them when it saves; a stale count would be wrong)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes"><Application>{xml_escape(application)}</Application>'
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_properties_xml(properties: list[tuple[str, str]]) -> bytes:
    """docProps/custom.xml with text properties (the values DOCPROPERTY fields show)."""
    items = "".join(
        f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid}" name="{xml_escape(name, _QUOTE)}">'
        f"<vt:lpwstr>{xml_escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(properties, start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{items}</Properties>'
    ).encode()


_QUOTE = {'"': "&quot;"}


def docproperty_instruction(name: str) -> str:
    return f'DOCPROPERTY "{name}" \\* MERGEFORMAT'


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
