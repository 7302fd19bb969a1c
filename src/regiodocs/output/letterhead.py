"""The letterhead of a Word template (its headers and footers), read for the PDF, and which
document properties it shows (``printed_meta``, the key of the Word and PDF caches).

The PDF is not made from the .docx, so what a griffie put in the header and footer of its
template (logo, the municipality's name and address lines, fields such as Kenmerk or the
page numbers, tables that arrange them) is read here from the template's own parts into a
small model of paragraphs, runs and tables; output/pdf.py lays that model out in Typst.

Read: paragraphs with alignment, tab stops, spacing and the look of their runs (bold,
italic, size, colour, through the paragraph and character styles), line breaks, simple and
complex fields (DOCPROPERTY, TITLE, SUBJECT, AUTHOR, PAGE, NUMPAGES; any other field shows
the result saved in the template), content controls tagged with a property name, pictures
(PNG, JPEG, GIF) inline or anchored, the paragraphs of text boxes, and tables (column
widths from the table grid). Not read: the position of an anchored picture or text box (it
is placed on the line it is anchored to), shapes, WordArt, different even-page headers.

Also read: the alignment of the title styles (``style_alignments``), which the PDF's title
follows as Word's does.

Standard library only: a template is a zip of XML parts.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType
from xml.etree import ElementTree

from regiodocs.documents.views.common import DocMeta
from regiodocs.output.template import Sjabloon, field_key

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_EMU_PER_CM = 360000
_TWIPS_PER_CM = 566.93
_PICTURES = (".png", ".jpg", ".jpeg", ".gif")
_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
# Fields the PDF numbers itself; every other known field takes a document value.
PAGE, NUMPAGES = "\0page", "\0numpages"
_PAGE_FIELD = re.compile(r"^\s*(PAGE|NUMPAGES|SECTIONPAGES)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Look:
    """How a run looks: sizes in points, colour as '#RRGGBB' (None: the body's)."""

    bold: bool = False
    italic: bool = False
    size: float | None = None
    colour: str | None = None


@dataclass(frozen=True)
class Run:
    """One piece of a line: text, a field (by casefolded property name, or PAGE/NUMPAGES,
    with the result saved in the template as ``text``), a tab, a line break or a picture."""

    look: Look
    text: str = ""
    fieldname: str | None = None
    tab: bool = False
    newline: bool = False
    picture: bytes | None = field(default=None, repr=False)
    width_cm: float = 0.0
    height_cm: float = 0.0
    alt: str = ""


@dataclass(frozen=True)
class TabStop:
    kind: str  # left, center, right, decimal
    position_cm: float


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    align: str = "left"  # left, center, right, justify
    tabs: tuple[TabStop, ...] = ()
    before_pt: float = 0.0
    after_pt: float = 0.0
    size: float | None = None  # the paragraph's own text size (for an empty line)


@dataclass(frozen=True)
class Table:
    columns_cm: tuple[float, ...]
    rows: tuple[tuple[tuple[Block, ...], ...], ...]


Block = Paragraph | Table


@dataclass(frozen=True)
class Letterhead:
    """The headers and footers of a template's (last) section; ``first_*`` are used on the
    first page when the template has a different first page."""

    header: tuple[Block, ...] | None
    footer: tuple[Block, ...] | None
    first_header: tuple[Block, ...] | None = None
    first_footer: tuple[Block, ...] | None = None
    header_distance_cm: float = 1.25
    footer_distance_cm: float = 1.25
    title_page: bool = False  # a different first page (w:titlePg)


@lru_cache(maxsize=16)
def letterhead_of(sjabloon: Sjabloon) -> Letterhead | None:
    """``read_letterhead`` of a template, read once per template and process."""
    return read_letterhead(sjabloon.data)


@lru_cache(maxsize=16)
def shown_properties(sjabloon: Sjabloon | None) -> frozenset[str]:
    """The properties (casefolded) that fields or content controls in the headers and
    footers of a template show; none without a template."""
    found = letterhead_of(sjabloon) if sjabloon is not None else None
    if found is None:
        return frozenset()
    names: set[str] = set()

    def walk(blocks: tuple[Block, ...] | None) -> None:
        for block in blocks or ():
            if isinstance(block, Paragraph):
                names.update(r.fieldname for r in block.runs if r.fieldname)
            else:
                for row in block.rows:
                    for cell in row:
                        walk(cell)

    for part in (found.header, found.footer, found.first_header, found.first_footer):
        walk(part)
    return frozenset(names)


def printed_meta(meta: DocMeta) -> DocMeta:
    """A document's metadata as far as the printed pages show it: of the extra document
    properties (``eigenschappen``, such as the regeling's fingerprint) only those a field
    of the template's letterhead shows. The others are Word properties only; the caches
    key on this, so a new fingerprint does not typeset or finish a document again."""
    shown = shown_properties(meta.sjabloon)
    kept = tuple((n, v) for n, v in meta.eigenschappen if n.casefold() in shown)
    return meta if kept == meta.eigenschappen else replace(meta, eigenschappen=kept)


def read_letterhead(template: bytes) -> Letterhead | None:
    """The letterhead of a Word template (.dotx or .docx), or None when the template has no
    header and no footer (or cannot be read: check has already judged the template)."""
    try:
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            return _Reader(package).letterhead()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ElementTree.ParseError):
        return None


# The paragraph styles of a document's titles, whose alignment the PDF follows.
TITLE_STYLES = ("Title", "Subtitle", "Regelingtitel")


@lru_cache(maxsize=16)
def style_alignments(sjabloon: Sjabloon) -> Mapping[str, str]:
    """The alignment (left, center, right, justify) Word gives the ``TITLE_STYLES`` a
    template has; a style the template lacks is left out (the generated house style's
    then applies, as the reference document takes it from there)."""
    try:
        with zipfile.ZipFile(io.BytesIO(sjabloon.data)) as package:
            reader = _Reader(package)
            found = {name: reader.style_alignment(name) for name in TITLE_STYLES}
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ElementTree.ParseError):
        return {}
    return MappingProxyType({name: align for name, align in found.items() if align is not None})


def _alignment(layers: list[ElementTree.Element]) -> str:
    """The paragraph alignment the last w:jc of ``layers`` (paragraph properties, the base
    first) sets: left, center, right or justify; Word's default is left."""
    align = "left"
    for layer in layers:
        jc = layer.find(f"{_W}jc")
        if jc is not None:
            value = jc.get(f"{_W}val") or "left"
            align = {"start": "left", "end": "right", "both": "justify"}.get(value, value)
            if align not in ("left", "center", "right", "justify"):
                align = "left"
    return align


class _Reader:
    def __init__(self, package: zipfile.ZipFile) -> None:
        self.package = package
        self.names = set(package.namelist())
        styles = self._xml("word/styles.xml")
        found = list(styles.iter(f"{_W}style")) if styles is not None else []
        self.styles = {s.get(f"{_W}styleId"): s for s in found}
        defaults = styles.find(f"{_W}docDefaults") if styles is not None else None
        self.default_rpr = (
            defaults.find(f"{_W}rPrDefault/{_W}rPr") if defaults is not None else None
        )
        self.default_ppr = (
            defaults.find(f"{_W}pPrDefault/{_W}pPr") if defaults is not None else None
        )
        self.part_rels: dict[str, str] = {}
        self.default_paragraph = next(
            (
                sid
                for sid, s in self.styles.items()
                if s.get(f"{_W}type") == "paragraph" and s.get(f"{_W}default") in ("1", "true")
            ),
            None,
        )

    def _xml(self, name: str) -> ElementTree.Element | None:
        if name not in self.names:
            return None
        return ElementTree.fromstring(self.package.read(name))

    def _rels(self, part: str) -> dict[str, str]:
        """Relationship id -> part name, for the internal relationships of ``part``."""
        folder, base = posixpath.split(part)
        rels = self._xml(posixpath.join(folder, "_rels", base + ".rels"))
        found: dict[str, str] = {}
        for rel in rels.iter(_PKG_REL) if rels is not None else ():
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            found[rel.get("Id") or ""] = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
        return found

    def letterhead(self) -> Letterhead | None:
        document = self._xml("word/document.xml")
        if document is None:
            return None
        sections = list(document.iter(f"{_W}sectPr"))
        if not sections:
            return None
        section = sections[-1]
        rels = self._rels("word/document.xml")
        parts: dict[tuple[str, str], tuple[Block, ...]] = {}
        for kind in ("header", "footer"):
            for ref in section.findall(f"{_W}{kind}Reference"):
                part = rels.get(ref.get(f"{_R}id") or "")
                if part is not None and part in self.names:
                    parts[(kind, ref.get(f"{_W}type") or "default")] = self._part(part)
        if not parts:
            return None
        title_page = section.find(f"{_W}titlePg")
        first = title_page is not None and _on(title_page)
        margins = section.find(f"{_W}pgMar")

        def distance(name: str) -> float:
            value = margins.get(f"{_W}{name}") if margins is not None else None
            return _number(value, 709) / _TWIPS_PER_CM

        return Letterhead(
            header=parts.get(("header", "default")),
            footer=parts.get(("footer", "default")),
            first_header=parts.get(("header", "first")) if first else None,
            first_footer=parts.get(("footer", "first")) if first else None,
            header_distance_cm=distance("header"),
            footer_distance_cm=distance("footer"),
            title_page=first,
        )

    def _part(self, name: str) -> tuple[Block, ...]:
        root = self._xml(name)
        if root is None:
            return ()
        self.part_rels = self._rels(name)
        return tuple(self._blocks(root))

    def _blocks(self, container: ElementTree.Element) -> list[Block]:
        blocks: list[Block] = []
        for child in container:
            tag = child.tag
            if tag == f"{_W}p":
                blocks.extend(self._paragraph(child))
            elif tag == f"{_W}tbl":
                blocks.append(self._table(child))
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    blocks.extend(self._blocks(content))
            elif tag in (f"{_W}customXml", f"{_W}ins"):
                blocks.extend(self._blocks(child))
        return blocks

    def _table(self, table: ElementTree.Element) -> Table:
        columns = tuple(
            _number(col.get(f"{_W}w"), 0) / _TWIPS_PER_CM
            for col in table.findall(f"{_W}tblGrid/{_W}gridCol")
        )
        rows = []
        for row in table.findall(f"{_W}tr"):
            cells = []
            for cell in row.findall(f"{_W}tc"):
                cells.append(tuple(self._blocks(cell)))
            rows.append(tuple(cells))
        width = max((len(r) for r in rows), default=1)
        if len(columns) != width or not all(columns):
            columns = tuple(4.0 for _ in range(width))
        return Table(columns, tuple(rows))

    # Paragraph and run properties, through the style chain.

    def _chain(self, style_id: str | None, kind: str) -> list[ElementTree.Element]:
        """The properties (``kind``: 'pPr' or 'rPr') of a style and the styles it is based
        on, the base first."""
        found: list[ElementTree.Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            props = style.find(f"{_W}{kind}")
            if props is not None:
                found.insert(0, props)
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val") if based is not None else None
        return found

    def style_alignment(self, name: str) -> str | None:
        """The alignment of the paragraph style called ``name`` (as Word names it, any case)
        through its chain and the document defaults; None when the template lacks it."""
        wanted = name.casefold()
        for style_id, style in self.styles.items():
            shown = style.find(f"{_W}name")
            if shown is not None and (shown.get(f"{_W}val") or "").casefold() == wanted:
                defaults = [x for x in (self.default_ppr,) if x is not None]
                return _alignment(defaults + self._chain(style_id, "pPr"))
        return None

    def _paragraph(self, p: ElementTree.Element) -> list[Block]:
        ppr = p.find(f"{_W}pPr")
        style_el = ppr.find(f"{_W}pStyle") if ppr is not None else None
        style = style_el.get(f"{_W}val") if style_el is not None else self.default_paragraph
        layers = [x for x in (self.default_ppr,) if x is not None] + self._chain(style, "pPr")
        if ppr is not None:
            layers.append(ppr)
        align, before, after = _alignment(layers), 0.0, 0.0
        tabs: dict[float, str] = {}
        for layer in layers:
            spacing = layer.find(f"{_W}spacing")
            if spacing is not None:
                before = _number(spacing.get(f"{_W}before"), before * 20) / 20
                after = _number(spacing.get(f"{_W}after"), after * 20) / 20
            for tab in layer.findall(f"{_W}tabs/{_W}tab"):
                position = round(_number(tab.get(f"{_W}pos"), 0) / _TWIPS_PER_CM, 3)
                kind = tab.get(f"{_W}val") or "left"
                if kind == "clear":
                    tabs.pop(position, None)
                elif kind != "bar":
                    tabs[position] = {"start": "left", "end": "right"}.get(kind, kind)
        base = [x for x in (self.default_rpr,) if x is not None] + self._chain(style, "rPr")
        paragraph_look = _look(Look(), base)
        runs: list[Run] = []
        boxes: list[Block] = []
        _Runs(self, base, runs, boxes).walk(p)
        stops = tuple(TabStop(kind, pos) for pos, kind in sorted(tabs.items()) if pos > 0)
        paragraph = Paragraph(tuple(runs), align, stops, before, after, paragraph_look.size)
        return [paragraph, *boxes]

    def picture(self, drawing: ElementTree.Element) -> Run | None:
        blip = next(drawing.iter(f"{_A}blip"), None)
        if blip is None:
            return None
        part = self.part_rels.get(blip.get(f"{_R}embed") or "")
        if part is None or part not in self.names or not part.lower().endswith(_PICTURES):
            return None
        data = self.package.read(part)
        if not data.startswith(_MAGIC):  # what Typst cannot show (an EMF saved as .png)
            return None
        extent = next(drawing.iter(f"{_WP}extent"), None)
        width = _number(extent.get("cx") if extent is not None else None, 0) / _EMU_PER_CM
        height = _number(extent.get("cy") if extent is not None else None, 0) / _EMU_PER_CM
        described = next(drawing.iter(f"{_WP}docPr"), None)
        alt = ""
        if described is not None:
            alt = (described.get("descr") or described.get("title") or "").strip()
        return Run(
            Look(),
            picture=data,
            width_cm=width or 2.0,
            height_cm=height or 2.0,
            alt=alt,
        )


class _Runs:
    """The runs of one paragraph in reading order, with fields resolved to their keys."""

    def __init__(
        self,
        reader: _Reader,
        base: list[ElementTree.Element],
        out: list[Run],
        boxes: list[Block],
    ) -> None:
        self.reader = reader
        self.base = base
        self.out = out
        self.boxes = boxes
        self.depth = 0  # nesting of complex fields
        self.instruction = ""
        self.in_result = False
        self.result: list[Run] = []
        self.field_look = Look()

    def walk(self, element: ElementTree.Element) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{_W}r":
                self.run(child)
            elif tag == f"{_W}fldSimple":
                key = _field(child.get(f"{_W}instr") or "")
                if key is None or self.depth:
                    self.walk(child)
                else:
                    first = child.find(f"{_W}r")
                    self.out.append(Run(self.look_of(first), _saved(child), fieldname=key))
            elif tag == f"{_W}sdt":
                key = _control(child)
                content = child.find(f"{_W}sdtContent")
                if key is not None and not self.depth:
                    first = next(content.iter(f"{_W}r"), None) if content is not None else None
                    saved = _saved(content) if content is not None else ""
                    self.out.append(Run(self.look_of(first), saved, fieldname=key))
                elif content is not None:
                    self.walk(content)
            elif tag in (f"{_W}hyperlink", f"{_W}smartTag", f"{_W}ins", f"{_W}customXml"):
                self.walk(child)

    def look_of(self, run: ElementTree.Element | None) -> Look:
        layers = list(self.base)
        if run is not None:
            rpr = run.find(f"{_W}rPr")
            if rpr is not None:
                style = rpr.find(f"{_W}rStyle")
                if style is not None:
                    layers += self.reader._chain(style.get(f"{_W}val"), "rPr")
                layers.append(rpr)
        return _look(Look(), layers)

    def emit(self, run: Run) -> None:
        if self.depth == 0:
            self.out.append(run)
        elif self.depth == 1 and self.in_result:
            self.result.append(run)

    def run(self, run: ElementTree.Element) -> None:
        look = self.look_of(run)
        for child in run:
            tag = child.tag
            if tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    self.depth += 1
                    if self.depth == 1:
                        self.instruction, self.in_result, self.result = "", False, []
                        self.field_look = look
                elif kind == "separate" and self.depth == 1:
                    self.in_result = True
                elif kind == "end" and self.depth:
                    self.depth -= 1
                    if self.depth == 0:
                        key = _field(self.instruction)
                        if key is not None:
                            saved = "".join(r.text for r in self.result)
                            self.out.append(Run(self.field_look, saved, fieldname=key))
                        else:  # a field we do not fill: the result saved in the template
                            self.out.extend(self.result)
            elif tag == f"{_W}instrText":
                if self.depth == 1 and not self.in_result:
                    self.instruction += child.text or ""
            elif tag == f"{_W}t":
                if child.text:
                    self.emit(Run(look, text=child.text))
            elif tag == f"{_W}tab":
                self.emit(Run(look, tab=True))
            elif tag in (f"{_W}br", f"{_W}cr"):
                if child.get(f"{_W}type") in (None, "textWrapping"):
                    self.emit(Run(look, newline=True))
            elif tag == f"{_W}noBreakHyphen":
                self.emit(Run(look, text="\u2011"))
            elif tag in (f"{_W}drawing", f"{_W}pict") or tag.endswith("AlternateContent"):
                picture = self.reader.picture(child)
                if picture is not None:
                    self.emit(picture)
                for box in _text_boxes(child):
                    self.boxes.extend(self.reader._blocks(box))


def _text_boxes(element: ElementTree.Element) -> list[ElementTree.Element]:
    """The outermost text box contents under a drawing (once, though AlternateContent
    holds a Choice and a Fallback with the same text)."""
    found = list(element.iter(f"{_W}txbxContent"))
    if element.tag.endswith("AlternateContent"):
        choice = next((c for c in element if c.tag.endswith("Choice")), None)
        found = list(choice.iter(f"{_W}txbxContent")) if choice is not None else found
    return [b for b in found if not any(b in o.iter() for o in found if o is not b)]


def _saved(element: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{_W}t"))


def _field(instruction: str) -> str | None:
    page = _PAGE_FIELD.match(instruction)
    if page:
        return PAGE if page.group(1).upper() == "PAGE" else NUMPAGES
    return field_key(instruction)


def _control(sdt: ElementTree.Element) -> str | None:
    """The property a content control shows: its tag or title, casefolded."""
    props = sdt.find(f"{_W}sdtPr")
    if props is None:
        return None
    for name in ("tag", "alias"):
        el = props.find(f"{_W}{name}")
        if el is not None and (el.get(f"{_W}val") or "").strip():
            return (el.get(f"{_W}val") or "").strip().casefold()
    return None


def _look(look: Look, layers: list[ElementTree.Element]) -> Look:
    bold, italic, size, colour = look.bold, look.italic, look.size, look.colour
    for rpr in layers:
        b = rpr.find(f"{_W}b")
        if b is not None:
            bold = _on(b)
        i = rpr.find(f"{_W}i")
        if i is not None:
            italic = _on(i)
        sz = rpr.find(f"{_W}sz")
        if sz is not None and sz.get(f"{_W}val"):
            size = _number(sz.get(f"{_W}val"), (size or 10) * 2) / 2
        color = rpr.find(f"{_W}color")
        if color is not None:
            value = (color.get(f"{_W}val") or "").upper()
            colour = f"#{value}" if re.fullmatch(r"[0-9A-F]{6}", value) else None
    return Look(bold, italic, size, colour)


def _on(element: ElementTree.Element) -> bool:
    return (element.get(f"{_W}val") or "true").lower() not in ("0", "false", "off")


def _number(value: str | None, default: float) -> float:
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default
