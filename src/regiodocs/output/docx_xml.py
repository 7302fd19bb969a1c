"""The only place that touches raw OOXML: language, fields, table borders, zip timestamps,
Word list numbering, bookmarks and REF fields."""

from __future__ import annotations

import copy
import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

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
    source = zipfile.ZipFile(io.BytesIO(data))
    entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    return _fixed_zip(entries, parts or {})


def save_deterministic(document: Any, parts: dict[str, bytes] | None = None) -> bytes:
    """``deterministic_zip(document.save())`` in one pass: python-docx's own package writer
    hands over the entries (the same names, bytes and order as Document.save), which are
    compressed once instead of being zipped, read back and zipped again."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    collected = _Entries()
    writer: Any = PackageWriter  # its steps, with _Entries in place of the zip file
    writer._write_content_types_stream(collected, package.parts)
    writer._write_pkg_rels(collected, package.rels)
    writer._write_parts(collected, package.parts)
    return _fixed_zip(collected.items, parts or {})


class _Entries:
    """Stands in for python-docx's zip writer: keeps each entry's name and bytes in order."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.items.append((pack_uri.membername, blob))


def _fixed_zip(entries: list[tuple[str, bytes]], parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            fixed = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            content = parts.get(name)
            target.writestr(fixed, data if content is None else content, compresslevel=6)
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
        f'docPropsVTypes"><Application>{html.escape(application, quote=False)}</Application>'
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_properties_xml(properties: list[tuple[str, str]]) -> bytes:
    """docProps/custom.xml with text properties (the values DOCPROPERTY fields show)."""
    items = "".join(
        f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid}" name="{_attribute(name)}">'
        f"<vt:lpwstr>{html.escape(value, quote=False)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(properties, start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{items}</Properties>'
    ).encode()


def _attribute(text: str) -> str:
    """Text as an XML attribute value between double quotes."""
    return html.escape(text, quote=False).replace('"', "&quot;")


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


# -- Word list numbering ----------------------------------------------------------------------
#
# Leden, onderdelen, subonderdelen and besluitpunten arrive from pandoc as paragraphs whose
# text starts with the number legal.numbering computed ("2." or "b."), a tab mark, then the
# text. ``number_lists`` turns each such paragraph into a real Word list item: the typed
# number goes, the paragraph gets w:numPr, and numbering.xml gets one w:abstractNum per kind
# and one w:num per list (startOverride), so every article's leden restart at 1 and a lid
# inserted in Word renumbers the ones after it. Word prints exactly the numbers we computed:
# a list only continues while the next computed number is the next count; otherwise a new
# w:num starts at that number. A number Word cannot count ("2a." after an amendment) stays
# typed text in its paragraph, and the list around it keeps counting.


@dataclass(frozen=True)
class ListKind:
    """One kind of numbered paragraph: its style name, Word format and how to read a label."""

    style: str
    num_fmt: str  # decimal, lowerLetter
    lvl_text: str  # "%1."
    label: re.Pattern[str]  # the typed label; group 1 is the count
    inner: tuple[str, ...]  # styles nested inside an item (they do not end the list)

    def value(self, label: str) -> int | None:
        match = self.label.fullmatch(label)
        if match is None:
            return None
        if self.num_fmt == "lowerLetter":  # a..z, aa..zz, aaa: Word counts letters the same way
            letters = match.group(1)
            return (len(letters) - 1) * 26 + ord(letters[0]) - ord("a") + 1
        return int(match.group(1))


LIST_KINDS = (
    ListKind("Lid", "decimal", "%1.", re.compile(r"(\d+)\."), ("Onderdeel", "Subonderdeel")),
    ListKind("Onderdeel", "lowerLetter", "%1.", re.compile(r"(([a-z])\2*)\."), ("Subonderdeel",)),
    ListKind("Subonderdeel", "decimal", "%1°.", re.compile(r"(\d+)°\."), ()),
    ListKind("Besluitpunt", "decimal", "%1.", re.compile(r"(\d+)\."), ()),
)
# CT_PPr children that come before w:numPr, in schema order.
_BEFORE_NUMPR = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
_BEFORE_NUMPR_TAGS = frozenset(qn(f"w:{t}") for t in _BEFORE_NUMPR)


@dataclass
class Position:
    """Where a paragraph of the regeling stands: article label, lid, onderdeel, subonderdeel."""

    artikel: str | None = None
    lid: str | None = None
    onderdeel: str | None = None
    sub: str | None = None

    def key(self) -> tuple[str | None, ...]:
        return (self.artikel, self.lid, self.onderdeel, self.sub)


@dataclass
class _OpenList:
    num_id: int
    next_value: int


@dataclass
class ListResult:
    """What ``number_lists`` found: per paragraph its position (for bookmarks)."""

    positions: dict[Any, Position] = field(default_factory=dict)
    heading_of: dict[tuple[str, str], Any] = field(default_factory=dict)  # (kind, label) -> p


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PSTYLE_PATH = f"{_W}pPr/{_W}pStyle"


def _style_of(paragraph: Any) -> str | None:
    style = paragraph.find(_PSTYLE_PATH)
    return None if style is None else style.get(f"{_W}val")


def _first_text(paragraph: Any) -> Any:
    return next(paragraph.iter(qn("w:t")), None)


def _max_attr(root: Any, tag: str, attr: str) -> int:
    values = [int(v) for el in root.iter(qn(tag)) if (v := el.get(qn(attr))) and v.isdigit()]
    return max(values, default=0)


def number_lists(
    body: Any, numbering: Any, style_ids: dict[str, str], indents: dict[str, Any], mark: str
) -> ListResult:
    """Make the typed numbers of leden, onderdelen and besluitpunten Word list numbering.

    ``style_ids`` maps style names to the ids in this document, ``indents`` a style name to
    its w:ind (copied into the list level, so Word and LibreOffice indent as the style does),
    ``mark`` is the tab mark after each typed label. Also records every paragraph's place in
    the regeling, for bookmarks.
    """
    kinds = {style_ids[k.style]: k for k in LIST_KINDS if k.style in style_ids}
    result = ListResult()
    next_abstract = _max_attr(numbering, "w:abstractNum", "w:abstractNumId") + 1
    next_num = _max_attr(numbering, "w:num", "w:numId") + 1
    abstract_ids: dict[str, int] = {}
    new_abstracts: list[Any] = []
    new_nums: list[Any] = []
    open_lists: dict[str, _OpenList] = {}
    position = Position()
    pending: tuple[str, str] | None = None  # a heading bookmark ('artikel', '7') seen just now
    for child in body:
        if child.tag == qn("w:bookmarkStart"):
            match = re.fullmatch(
                r"(artikel|hoofdstuk)-([0-9A-Za-z]+)", child.get(qn("w:name")) or ""
            )
            if match:
                pending = (match.group(1), match.group(2))
            continue
        if child.tag != qn("w:p"):
            if child.tag != qn("w:bookmarkEnd"):
                open_lists.clear()
            continue
        style = _style_of(child)
        kind = kinds.get(style or "")
        if pending is not None:
            result.heading_of[pending] = child
            position = Position(pending[1] if pending[0] == "artikel" else None)
            pending = None
        elif kind is None and style and style.startswith("Heading"):
            position = Position()
        for name in list(open_lists):
            if kind is None or (kind.style != name and kind.style not in _inner(name)):
                del open_lists[name]
        if kind is None:
            result.positions[child] = position
            continue
        text_el = _first_text(child)
        label, sep, _ = (
            (text_el.text or "").partition(mark) if text_el is not None else ("", "", "")
        )
        value = kind.value(label) if sep else None
        shown = label[:-1] if label.endswith(".") else label
        position = _advance(position, kind.style, shown.rstrip("°"))
        result.positions[child] = position
        current = open_lists.get(kind.style)
        inserted = kind.num_fmt == "lowerLetter" and len(label) > 2  # "aa." after "a."
        if inserted and current is not None and current.next_value != value:
            value = None  # an inserted onderdeel, not the 27th
        if value is None:
            continue  # not a count Word can make ("2a."): the typed label stays
        if current is None or current.next_value != value:
            if kind.style not in abstract_ids:
                abstract_ids[kind.style] = next_abstract
                new_abstracts.append(_abstract_num(next_abstract, kind, indents.get(kind.style)))
                next_abstract += 1
            current = open_lists[kind.style] = _OpenList(next_num, value)
            new_nums.append(_num(next_num, abstract_ids[kind.style], value))
            next_num += 1
        current.next_value = value + 1
        text_el.text = text_el.text[len(label) + len(mark) :]
        if not text_el.text:
            text_el.getparent().remove(text_el)
        _set_num_pr(child, current.num_id)
    last_abstract = None
    for el in numbering.iter(qn("w:abstractNum")):
        last_abstract = el
    for el in new_abstracts:
        if last_abstract is not None:
            last_abstract.addnext(el)
        else:
            numbering.insert(0, el)
        last_abstract = el
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    for el in new_nums:
        if cleanup is not None:
            cleanup.addprevious(el)
        else:
            numbering.append(el)
    return result


def _inner(style: str) -> tuple[str, ...]:
    return next((k.inner for k in LIST_KINDS if k.style == style), ())


def _advance(position: Position, style: str, label: str) -> Position:
    if style == "Lid":
        return Position(position.artikel, label)
    if style == "Onderdeel":
        return Position(position.artikel, position.lid, label)
    if style == "Subonderdeel":
        return Position(position.artikel, position.lid, position.onderdeel, label)
    return Position()


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def _abstract_num(abstract_id: int, kind: ListKind, ind: Any) -> Any:
    abstract = _el("w:abstractNum", abstractNumId=str(abstract_id))
    abstract.append(_el("w:multiLevelType", val="singleLevel"))
    abstract.append(_el("w:name", val=kind.style))
    lvl = _el("w:lvl", ilvl="0")
    lvl.append(_el("w:start", val="1"))
    lvl.append(_el("w:numFmt", val=kind.num_fmt))
    lvl.append(_el("w:suff", val="tab"))
    lvl.append(_el("w:lvlText", val=kind.lvl_text))
    lvl.append(_el("w:lvlJc", val="left"))
    if ind is not None:
        ppr = OxmlElement("w:pPr")
        ppr.append(copy.deepcopy(ind))
        lvl.append(ppr)
    abstract.append(lvl)
    return abstract


def _num(num_id: int, abstract_id: int, start: int) -> Any:
    num = _el("w:num", numId=str(num_id))
    num.append(_el("w:abstractNumId", val=str(abstract_id)))
    override = _el("w:lvlOverride", ilvl="0")
    override.append(_el("w:startOverride", val=str(start)))
    num.append(override)
    return num


def _set_num_pr(paragraph: Any, num_id: int) -> None:
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        paragraph.insert(0, ppr)
    num_pr = OxmlElement("w:numPr")
    num_pr.append(_el("w:ilvl", val="0"))
    num_pr.append(_el("w:numId", val=str(num_id)))
    before = [c for c in ppr if c.tag in _BEFORE_NUMPR_TAGS]
    if before:
        before[-1].addnext(num_pr)
    else:
        ppr.insert(0, num_pr)


# -- Cross-references as REF fields ----------------------------------------------------------
#
# pandoc writes each citation in the regeling ("artikel 7, tweede lid") as a hyperlink to the
# bookmark of the article's heading. ``citation_fields`` makes it survive editing in Word:
# - the number in each cited article's (or chapter's) heading gets a bookmark of its own,
#   ``Artikel_7`` around "7" in "Artikel 7. Toetreding";
# - each cited lid, onderdeel or subonderdeel paragraph gets a bookmark, ``Artikel_7_lid_2``,
#   ``Artikel_7_lid_2_b``, ``Artikel_7_b`` (an onderdeel of a one-lid article);
# - the citation becomes "artikel " + REF Artikel_7 \h (result "7", filled in) + ", tweede
#   lid": the words around the number stay typed and link to the provision's own bookmark.
# The printed text is unchanged; Word and LibreOffice show the filled-in result without
# updating fields, and an updated field shows the heading's number as it then stands.

_CITATION_PART = (
    ("artikel", re.compile(r"[Aa]rtikel ([0-9A-Za-z]+)")),
    ("hoofdstuk", re.compile(r"[Hh]oofdstuk ([0-9A-Za-z]+)")),
    ("dit", re.compile(r"[Dd]it artikel")),
    ("lid", re.compile(r"(?:[Hh]et )?([a-z0-9]+ lid(?: [a-z]+)?)")),  # "tweede lid a": 2a
    ("onderdeel", re.compile(r"onderdeel ([a-z]+)")),
    ("sub", re.compile(r"onder (\d+)°")),
)
_BOOKMARK_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")


def _ordinal_numbers() -> dict[str, str]:
    from regiodocs.legal.numbering import ordinal

    return {ordinal(n): str(n) for n in range(1, 100)}


@dataclass(frozen=True)
class _Citation:
    hyperlink: Any
    kind: str  # "artikel" or "hoofdstuk"
    label: str
    number_shown: bool  # the text starts with "artikel 7" / "hoofdstuk 3"
    target: tuple[str | None, ...]  # (article, lid, onderdeel, sub) below the article


def _parse_citation(
    hyperlink: Any, here: Position | None, ordinals: dict[str, str]
) -> _Citation | None:
    match = re.fullmatch(
        r"#?(artikel|hoofdstuk)-([0-9A-Za-z]+)", hyperlink.get(qn("w:anchor")) or ""
    )
    if match is None:
        return None
    kind, label = match.group(1), match.group(2)
    text = "".join(t.text or "" for t in hyperlink.iter(qn("w:t")))
    found: dict[str, str] = {}
    for part in text.split(", "):
        for name, pattern in _CITATION_PART:
            m = pattern.fullmatch(part)
            if m is not None and name not in found:
                found[name] = m.group(1) if m.groups() else ""
                break
        else:
            return None  # not a citation we wrote: leave the hyperlink as it is
    shown = found.get(kind)
    if shown is not None and shown != label:
        return None
    if kind == "hoofdstuk":
        return _Citation(hyperlink, kind, label, shown is not None, (None,))
    lid = None
    if "lid" in found:
        word, _, suffix = found["lid"].partition(" lid")
        if word not in ordinals:
            return None
        lid = ordinals[word] + suffix.strip()
    onderdeel, sub = found.get("onderdeel"), found.get("sub")
    if lid is None and onderdeel is not None and "artikel" not in found and here is not None:
        lid = here.lid  # "onderdeel b" of the lid it stands in
    return _Citation(hyperlink, kind, label, shown is not None, (label, lid, onderdeel, sub))


def bookmark_name(kind: str, target: tuple[str | None, ...], label: str) -> str:
    """``Artikel_7``, ``Artikel_7_lid_2``, ``Artikel_7_lid_2_b_1``, ``Hoofdstuk_3``."""
    name = f"{kind.capitalize()}_{label}"
    if kind == "artikel" and len(target) == 4:
        _, lid, onderdeel, sub = target
        if lid is not None:
            name += f"_lid_{lid}"
        for part in (onderdeel, sub):
            if part is not None:
                name += f"_{part}"
    return name


def citation_fields(body: Any, lists: ListResult) -> int:
    """Bookmarks on cited provisions and REF fields for cited numbers; returns how many
    citations became fields."""
    ordinals = _ordinal_numbers()
    paragraph_of: dict[Any, Any] = {}
    for p in body.iter(qn("w:p")):
        for h in p.iter(qn("w:hyperlink")):
            paragraph_of[h] = p
    citations = [
        c
        for h, p in paragraph_of.items()
        if (c := _parse_citation(h, lists.positions.get(p), ordinals)) is not None
    ]
    by_position: dict[tuple[str | None, ...], Any] = {}
    for p, pos in lists.positions.items():
        if pos.artikel:
            by_position.setdefault(pos.key(), p)  # the provision's own (first) paragraph
    next_id = _max_attr(body, "w:bookmarkStart", "w:id") + 1
    numbers: dict[tuple[str, str], str] = {}  # (kind, label) -> bookmark around the number
    provisions: dict[tuple[str | None, ...], str] = {}
    for c in citations:
        key = (c.kind, c.label)
        if key not in numbers:
            heading = lists.heading_of.get(key)
            name = bookmark_name(c.kind, (None,), c.label)
            if heading is None or not _BOOKMARK_NAME.fullmatch(name):
                continue
            if _bookmark_number(heading, c.kind, c.label, name, next_id):
                numbers[key] = name
                next_id += 1
        if c.kind != "artikel" or c.target[1:] == (None, None, None):
            continue
        if c.target not in provisions:
            paragraph = by_position.get(c.target)
            name = bookmark_name(c.kind, c.target, c.label)
            if paragraph is None or not _BOOKMARK_NAME.fullmatch(name):
                continue
            _bookmark_paragraph(paragraph, name, next_id)
            provisions[c.target] = name
            next_id += 1
    fields = 0
    for c in citations:
        number = numbers.get((c.kind, c.label))
        if number is None:
            continue
        target = provisions.get(c.target, number)
        if c.number_shown:
            _citation_to_field(c, number, target)
            fields += 1
        else:
            c.hyperlink.set(qn("w:anchor"), target)
    return fields


def _bookmark_number(heading: Any, kind: str, label: str, name: str, bookmark_id: int) -> bool:
    """Split the heading's first run so the number ('7' of 'Artikel 7. Kop') is a run of its
    own inside bookmark ``name``."""
    text_el = _first_text(heading)
    prefix = f"{kind.capitalize()} "
    if text_el is None or not (text_el.text or "").startswith(prefix + label):
        return False
    rest = text_el.text[len(prefix + label) :]
    run = text_el.getparent()
    if rest[:1].isalnum() or [c for c in run if c.tag != qn("w:rPr")] != [text_el]:
        return False
    pieces = [_run_like(run, prefix), _run_like(run, label)]
    if rest:
        pieces.append(_run_like(run, rest))
    anchor = run
    for piece in pieces:
        anchor.addnext(piece)
        anchor = piece
    run.getparent().remove(run)
    pieces[1].addprevious(_el("w:bookmarkStart", id=str(bookmark_id), name=name))
    pieces[1].addnext(_el("w:bookmarkEnd", id=str(bookmark_id)))
    return True


def _run_like(run: Any, text: str) -> Any:
    """A run with ``run``'s properties and the text ``text``."""
    new = OxmlElement("w:r")
    rpr = run.find(qn("w:rPr"))
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    t = OxmlElement("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    new.append(t)
    return new


def _bookmark_paragraph(paragraph: Any, name: str, bookmark_id: int) -> None:
    start = _el("w:bookmarkStart", id=str(bookmark_id), name=name)
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(_el("w:bookmarkEnd", id=str(bookmark_id)))


def _citation_to_field(citation: _Citation, number: str, target: str) -> None:
    """'artikel 7, tweede lid' as: link 'artikel ', REF field '7', link ', tweede lid'."""
    hyperlink = citation.hyperlink
    runs = hyperlink.findall(qn("w:r"))
    text = "".join(t.text or "" for t in hyperlink.iter(qn("w:t")))
    prefix_len = len(citation.kind) + 1
    head, shown, rest = text[:prefix_len], citation.label, text[prefix_len + len(citation.label) :]
    model = runs[0]
    out: list[Any] = []

    def link(piece: str) -> None:
        h = _el("w:hyperlink", anchor=target)
        h.append(_run_like(model, piece))
        out.append(h)

    def field_run(child: Any) -> None:
        r = OxmlElement("w:r")
        rpr = model.find(qn("w:rPr"))
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        r.append(child)
        out.append(r)

    link(head)
    field_run(_el("w:fldChar", fldCharType="begin"))
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" REF {number} \\h "
    field_run(instr)
    field_run(_el("w:fldChar", fldCharType="separate"))
    out.append(_run_like(model, shown))
    field_run(_el("w:fldChar", fldCharType="end"))
    if rest:
        link(rest)
    anchor = hyperlink
    for el in out:
        anchor.addnext(el)
        anchor = el
    hyperlink.getparent().remove(hyperlink)


def word_structure(document: Any, mark: str) -> None:
    """List numbering for leden, onderdelen and besluitpunten, and REF fields for citations
    (python-docx ``document``; run before ``marks_to_tabs``)."""
    style_ids: dict[str, str] = {}
    indents: dict[str, Any] = {}
    wanted = {k.style for k in LIST_KINDS}
    for style in document.styles.element.iter(qn("w:style")):
        name_el = style.find(qn("w:name"))
        name = name_el.get(qn("w:val")) if name_el is not None else None
        if name in wanted and style.get(qn("w:type")) == "paragraph":
            style_ids[name] = style.get(qn("w:styleId"))
            ind = style.find(f"{qn('w:pPr')}/{qn('w:ind')}")
            if ind is not None:
                indents[name] = ind
    body = document.element.body
    used = {_style_of(p) for p in body.iter(qn("w:p"))} & set(style_ids.values())
    if used:
        lists = number_lists(body, document.part.numbering_part.element, style_ids, indents, mark)
    else:
        lists = ListResult()
    if any(True for _ in body.iter(qn("w:hyperlink"))):
        citation_fields(body, lists)


def _format_number(value: int, num_fmt: str) -> str | None:
    if num_fmt == "decimal":
        return str(value)
    if num_fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters if num_fmt == "lowerLetter" else letters.upper()
    if num_fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for amount, numeral in (
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ):  # fmt: skip
            while value >= amount:
                roman += numeral
                value -= amount
        return roman if num_fmt == "lowerRoman" else roman.upper()
    return None  # bullets and formats a reader does not type


def list_labels(body: Any, numbering: Any | None) -> dict[Any, str]:
    """The number Word shows before each numbered paragraph ("2.", "b.", "1°."), for readers
    of a .docx (the importer) that see only the text. Counters run per abstract list and
    level, restart where a w:num overrides the start, and lower levels restart after a
    higher one; bullets get no label."""
    if numbering is None:
        return {}
    levels: dict[tuple[str, str], tuple[str, str, int]] = {}
    for abstract in numbering.iter(qn("w:abstractNum")):
        for lvl in abstract.iter(qn("w:lvl")):
            fmt, text, start = (
                lvl.find(qn("w:numFmt")),
                lvl.find(qn("w:lvlText")),
                lvl.find(qn("w:start")),
            )
            levels[(abstract.get(qn("w:abstractNumId")), lvl.get(qn("w:ilvl")) or "0")] = (
                fmt.get(qn("w:val")) if fmt is not None else "decimal",
                text.get(qn("w:val")) if text is not None else "",
                int(start.get(qn("w:val"))) if start is not None else 1,
            )
    nums: dict[str, tuple[str, dict[str, int]]] = {}
    for num in numbering.iter(qn("w:num")):
        abstract_id = num.find(qn("w:abstractNumId"))
        if abstract_id is None:
            continue
        overrides = {
            o.get(qn("w:ilvl")) or "0": int(s.get(qn("w:val")))
            for o in num.iter(qn("w:lvlOverride"))
            if (s := o.find(qn("w:startOverride"))) is not None
        }
        nums[num.get(qn("w:numId"))] = (abstract_id.get(qn("w:val")), overrides)
    counters: dict[tuple[str, int], int] = {}
    started: set[str] = set()
    labels: dict[Any, str] = {}
    for paragraph in body.iter(qn("w:p")):
        num_pr = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        num_id = num_pr.find(qn("w:numId")) if num_pr is not None else None
        if num_id is None or num_id.get(qn("w:val")) not in nums:
            continue
        ilvl_el = num_pr.find(qn("w:ilvl"))
        ilvl = int(ilvl_el.get(qn("w:val"))) if ilvl_el is not None else 0
        abstract_id, overrides = nums[num_id.get(qn("w:val"))]
        level = levels.get((abstract_id, str(ilvl)))
        if level is None:
            continue
        if num_id.get(qn("w:val")) not in started:
            started.add(num_id.get(qn("w:val")))
            for lvl, start in overrides.items():
                counters[(abstract_id, int(lvl))] = start - 1
        key = (abstract_id, ilvl)
        counters[key] = counters.get(key, level[2] - 1) + 1
        for deeper in [k for k in counters if k[0] == abstract_id and k[1] > ilvl]:
            del counters[deeper]
        text = level[1]
        for n in range(ilvl + 1):
            lvl_def = levels.get((abstract_id, str(n)))
            value = counters.get((abstract_id, n), lvl_def[2] if lvl_def else 1)
            shown = _format_number(value, lvl_def[0] if lvl_def else "decimal")
            if shown is None:
                text = ""
                break
            text = text.replace(f"%{n + 1}", shown)
        if text.strip():
            labels[paragraph] = text
    return labels
