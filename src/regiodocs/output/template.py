"""A municipality's own Word template (.dotx or .docx) as its house style.

The template is the pandoc reference document: its styles, page setup, headers and footers
(with their logos) and numbering shape every document of that municipality. Styles the
template lacks but our documents name (Lid, Onderdeel, Besluitpunt, ...) are taken from the
reference generated from the YAML huisstijl, so a griffie's template needs only the styles
in ``REQUIRED_STYLES``.

Fields the griffie placed in its letterhead, header or footer are filled from content:
``DOCPROPERTY "Kenmerk"`` fields (simple or complex), the TITLE/SUBJECT/AUTHOR fields and
content controls tagged with a property name get the document's value as their result,
so Word and LibreOffice show it without updating fields.

Only the standard library is imported at module level; python-docx is loaded only when a
region has a template.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Styles a template must define (by name, as Word stores them whatever its language), with
# the name a Dutch Word shows.
REQUIRED_STYLES = {
    "Normal": "Standaard",
    "Heading 1": "Kop 1",
    "Heading 2": "Kop 2",
    "Heading 3": "Kop 3",
    "Title": "Titel",
}
# The custom document properties every document carries (when it has a value); a template
# shows them with DOCPROPERTY fields or content controls tagged with the same name.
FIELD_NAMES = ("Gemeente", "Kenmerk", "Datum", "Onderwerp", "Portefeuillehouder")
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
_MAX_PART_BYTES = 50 * 1024 * 1024  # uncompressed, per part: refuses zip bombs
_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
}
_MACRO_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


@dataclass(frozen=True)
class Sjabloon:
    """A template's bytes, with its name for messages; the digest stands for the bytes in
    ``repr`` (and so in the conversion cache key)."""

    name: str
    digest: str
    data: bytes = field(repr=False, compare=False, hash=False)

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> Sjabloon:
        return cls(name, hashlib.sha256(data).hexdigest(), data)


# Templates already judged, by path, size and modification time: a long-running preview
# checks the region after every edit and need not open unchanged templates again.
_JUDGED: dict[tuple[str, int, int], bytes | str] = {}


def read_template(path: Path) -> bytes | str:
    """The bytes of the template at ``path``, or a Dutch reason why it cannot be used."""
    try:
        stat = path.stat()
    except OSError:
        stat = None
    if stat is not None and path.is_file():
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        if key not in _JUDGED:
            if len(_JUDGED) > 64:
                _JUDGED.clear()
            _JUDGED[key] = _read_template(path)
        return _JUDGED[key]
    return _read_template(path)


def _read_template(path: Path) -> bytes | str:
    if path.suffix.lower() not in (".docx", ".dotx"):
        return "een sjabloon is een Word-document (.docx) of Word-sjabloon (.dotx)"
    if not path.exists():
        return "het bestand bestaat niet"
    if not path.is_file():
        return "dit is geen gewoon bestand"
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            return f"het bestand is groter dan {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB"
        data = path.read_bytes()
    except OSError as exc:
        from regiodocs.content.load import os_reason

        return f"het bestand kan niet worden gelezen ({os_reason(exc)})"
    problem = template_problem(data)
    return problem if problem is not None else data


def template_problem(data: bytes) -> str | None:
    """Why ``data`` cannot serve as a house-style template (Dutch), or None when it can."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "het is geen geldig Word-bestand (.docx of .dotx): het is geen zip-pakket"
    with package:
        for part in ("[Content_Types].xml", "word/document.xml", "word/styles.xml"):
            if part not in names:
                what = "stijlen" if part == "word/styles.xml" else "onderdeel"
                return f"het is geen geldig Word-bestand: het {what} '{part}' ontbreekt"
            if package.getinfo(part).file_size > _MAX_PART_BYTES:
                return f"het onderdeel '{part}' is te groot"
        try:
            types = ElementTree.fromstring(package.read("[Content_Types].xml"))
            styles = ElementTree.fromstring(package.read("word/styles.xml"))
        except (ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError):
            return "het is geen geldig Word-bestand: de XML is beschadigd"
        except RuntimeError:  # an encrypted zip entry
            return "het is geen geldig Word-bestand: het is versleuteld"
    main = _main_content_type(types)
    if main in _MACRO_TYPES:
        return "een sjabloon met macro's (.docm, .dotm) wordt niet gebruikt; sla het op als .dotx"
    if main not in _MAIN_TYPES:
        return "het is geen geldig Word-bestand: het hoofddocument heeft geen Word-inhoudstype"
    present = {name.casefold() for name in _style_names(styles)}
    for name, dutch in REQUIRED_STYLES.items():
        if name.casefold() not in present:
            return (
                f"de stijl '{name}' (in een Nederlandse Word: '{dutch}') ontbreekt; "
                f"een sjabloon moet de stijlen {_listing(REQUIRED_STYLES)} hebben"
            )
    return _package_problem(data)


def _package_problem(data: bytes) -> str | None:
    """Every internal relationship of the package points at a part that is there (a header
    whose logo is missing was the old ``KeyError: 'rId9'``), so the conversion cannot crash
    later. Standard library only: ``check`` runs this without loading python-docx."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "_rels/.rels" not in names:
                raise KeyError("_rels/.rels")
            for name in sorted(n for n in names if n.endswith(".xml")):  # every part parses
                if package.getinfo(name).file_size > _MAX_PART_BYTES:
                    return f"het onderdeel '{name}' is te groot"
                ElementTree.fromstring(package.read(name))
            for rels in sorted(n for n in names if n.endswith(".rels")):
                if package.getinfo(rels).file_size > _MAX_PART_BYTES:
                    return f"het onderdeel '{rels}' is te groot"
                source = posixpath.dirname(posixpath.dirname(rels))  # word/_rels/x -> word
                for rel in ElementTree.fromstring(package.read(rels)):
                    if rel.get("TargetMode") == "External":
                        continue
                    target = rel.get("Target") or ""
                    part = (
                        target.lstrip("/")
                        if target.startswith("/")
                        else posixpath.normpath(posixpath.join(source, target))
                    )
                    if part not in names:
                        raise KeyError(part)
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError):
        return (
            "het is geen geldig Word-bestand: onderdelen ontbreken of zijn beschadigd "
            "(bijvoorbeeld een afbeelding in de koptekst); sla het opnieuw op vanuit Word"
        )
    except RuntimeError:  # an encrypted zip entry
        return "het is geen geldig Word-bestand: het is versleuteld"
    return None


def _listing(styles: dict[str, str]) -> str:
    names = [f"'{name}'" for name in styles]
    return ", ".join(names[:-1]) + " en " + names[-1]


def _main_content_type(types: ElementTree.Element) -> str | None:
    for override in types:
        if override.tag.endswith("Override") and override.get("PartName") == "/word/document.xml":
            return override.get("ContentType")
    return None


def _style_names(styles: ElementTree.Element) -> list[str]:
    return [
        name.get(f"{_W}val") or ""
        for style in styles.iter(f"{_W}style")
        for name in style.findall(f"{_W}name")
    ]


# The styles whose fonts the PDF takes from a template: body text and headings.
FONT_STYLES = ("Normal", "Heading 1")
_A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@lru_cache(maxsize=32)  # check and the PDF ask for the same templates in one build
def template_fonts(data: bytes) -> Mapping[str, str]:
    """The font of each style of ``FONT_STYLES`` that a template sets, as Word resolves it:
    the style's own w:rFonts, then the styles it is based on, then the document defaults; a
    theme font (minorHAnsi, majorHAnsi) is looked up in the template's theme. Styles whose
    font cannot be found are left out. Standard library only (``check`` calls this)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            styles = ElementTree.fromstring(package.read("word/styles.xml"))
            themes = sorted(n for n in names if re.fullmatch(r"word/theme/theme\d*\.xml", n))
            theme = ElementTree.fromstring(package.read(themes[0])) if themes else None
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, ElementTree.ParseError):
        return {}
    theme_fonts: dict[str, str] = {}
    if theme is not None:
        for kind in ("major", "minor"):
            latin = theme.find(f".//{_A_NS}{kind}Font/{_A_NS}latin")
            if latin is not None and latin.get("typeface"):
                theme_fonts[kind] = latin.get("typeface") or ""
    by_id = {s.get(f"{_W}styleId"): s for s in styles.iter(f"{_W}style")}
    by_name = {
        (name.get(f"{_W}val") or "").casefold(): s
        for s in styles.iter(f"{_W}style")
        for name in s.findall(f"{_W}name")
    }
    defaults = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts")

    def font(fonts: ElementTree.Element | None) -> str | None:
        if fonts is None:
            return None
        for attribute in ("ascii", "hAnsi"):
            if fonts.get(f"{_W}{attribute}"):
                return fonts.get(f"{_W}{attribute}")
        for attribute in ("asciiTheme", "hAnsiTheme"):
            value = fonts.get(f"{_W}{attribute}") or ""
            if value:
                return theme_fonts.get("major" if value.startswith("major") else "minor")
        return None

    found: dict[str, str] = {}
    for wanted in FONT_STYLES:
        style = by_name.get(wanted.casefold())
        seen: set[str] = set()
        name = None
        while style is not None and name is None:
            name = font(style.find(f"{_W}rPr/{_W}rFonts"))
            based = style.find(f"{_W}basedOn")
            ident = based.get(f"{_W}val") if based is not None else None
            if ident is None or ident in seen:
                break
            seen.add(ident)
            style = by_id.get(ident)
        name = name or font(defaults)
        if name:
            found[wanted] = name
    return found


def reference_from_template(template: bytes, generated: bytes) -> bytes:
    """The pandoc reference document for a template: the template as a .docx, with the
    styles it lacks taken from ``generated`` (the reference made from the YAML huisstijl),
    Dutch as its language, byte-for-byte reproducible."""
    from docx import Document

    from regiodocs.output import docx_xml
    from regiodocs.output.house_style import LANGUAGE

    doc = Document(io.BytesIO(as_docx(template)))
    source = Document(io.BytesIO(generated))
    _add_missing_styles(doc.styles.element, source.styles.element)
    docx_xml.set_default_language(doc.styles.element, LANGUAGE)
    docx_xml.override_languages(doc.styles.element, LANGUAGE)
    return docx_xml.save_deterministic(doc)


def as_docx(data: bytes) -> bytes:
    """A .dotx as a .docx (only the main part's content type differs); a .docx unchanged."""
    marker = _DOTX_MAIN.encode("ascii")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml")
        if marker not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in package.infolist():
                content = package.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(marker, _DOCX_MAIN.encode("ascii"))
                target.writestr(info, content)
    return out.getvalue()


def _add_missing_styles(styles: Any, source: Any) -> None:
    """Copy every style of ``source`` whose name ``styles`` lacks; references to other
    styles (basedOn, next, link) follow the template's own ids for the same names."""
    from copy import deepcopy

    def name_of(style: Any) -> str:
        name = style.find(f"{_W}name")
        return (name.get(f"{_W}val") or "").casefold() if name is not None else ""

    own = {name_of(s): s.get(f"{_W}styleId") for s in styles.iter(f"{_W}style")}
    taken = {s.get(f"{_W}styleId") for s in styles.iter(f"{_W}style")}
    source_names = {s.get(f"{_W}styleId"): name_of(s) for s in source.iter(f"{_W}style")}
    for style in source.iter(f"{_W}style"):
        name = name_of(style)
        if not name or name in own or style.get(f"{_W}styleId") in taken:
            continue
        copy = deepcopy(style)
        for ref in ("basedOn", "next", "link"):
            el = copy.find(f"{_W}{ref}")
            if el is None:
                continue
            target = own.get(source_names.get(el.get(f"{_W}val"), ""))
            if target is not None:
                el.set(f"{_W}val", target)
        styles.append(copy)
        own[name] = style.get(f"{_W}styleId")
        taken.add(style.get(f"{_W}styleId"))


# ---------------------------------------------------------------------------------------
# Fields: filled from content after pandoc.

_DOCPROPERTY = re.compile(r'^\s*DOCPROPERTY\s+(?:"([^"]*)"|(\S+))', re.IGNORECASE)
_CORE_FIELD = re.compile(r"^\s*(TITLE|SUBJECT|AUTHOR)\b", re.IGNORECASE)


def field_key(instruction: str) -> str | None:
    """The (casefolded) property a field instruction shows: 'kenmerk' for
    ``DOCPROPERTY "Kenmerk" \\* MERGEFORMAT``, 'title' for ``TITLE``; else None."""
    found = _DOCPROPERTY.match(instruction)
    if found:
        return (found.group(1) if found.group(1) is not None else found.group(2)).casefold()
    core = _CORE_FIELD.match(instruction)
    return core.group(1).casefold() if core else None


def fill_fields(root: Any, values: dict[str, str]) -> int:
    """Give every property field and tagged content control under ``root`` (an lxml
    element of a document, header or footer part) the value from ``values`` (keys are
    casefolded property names, plus 'title', 'subject', 'author') as its result.
    Fields naming a property without a value are left as they are. Returns how many
    were filled."""
    filled = 0
    for simple in list(root.iter(f"{_W}fldSimple")):
        key = field_key(simple.get(f"{_W}instr") or "")
        if key in values:
            _set_text(simple, simple, values[key])
            filled += 1
    filled += _fill_complex(root, values)
    for sdt in list(root.iter(f"{_W}sdt")):
        props = sdt.find(f"{_W}sdtPr")
        content = sdt.find(f"{_W}sdtContent")
        if props is None or content is None:
            continue
        names = [
            (el.get(f"{_W}val") or "").casefold()
            for el in (props.find(f"{_W}tag"), props.find(f"{_W}alias"))
            if el is not None
        ]
        key = next((n for n in names if n in values), None)
        if key is None:
            continue
        for marker in props.findall(f"{_W}showingPlcHdr"):
            props.remove(marker)
        for style in list(content.iter(f"{_W}rStyle")):
            if style.get(f"{_W}val") in ("PlaceholderText", "Tekstvantijdelijkeaanduiding"):
                style.getparent().remove(style)
        holder = content.find(f"{_W}p")
        _set_text(content, holder if holder is not None else content, values[key])
        filled += 1
    return filled


def fill_document(doc: Any, meta: Any, properties: list[tuple[str, str]]) -> int:
    """Fill the fields of every header, footer and the body of a python-docx document
    from its custom ``properties`` and its title, subject and author. A field of
    ``FIELD_NAMES`` without a value in this document shows nothing (not the template's
    placeholder). Returns how many fields were filled."""
    values = {name.casefold(): "" for name in FIELD_NAMES}
    values.update({name.casefold(): value for name, value in properties})
    values.update({"title": meta.title, "subject": meta.subject, "author": meta.author})
    filled = 0
    for part in doc.part.package.iter_parts():
        name = str(part.partname)
        if re.fullmatch(r"/word/(document|header\d*|footer\d*)\.xml", name):
            filled += fill_fields(part.element, values)
    return filled


def _set_text(scope: Any, holder: Any, value: str) -> None:
    """Put ``value`` in the first w:t under ``scope`` and empty the others; without any
    w:t, append a run to ``holder``."""
    texts = list(scope.iter(f"{_W}t"))
    if not texts:
        run = _element(holder, "r")
        holder.append(run)
        texts = [_element(run, "t")]
        run.append(texts[0])
    texts[0].text = value
    texts[0].set(_XML_SPACE, "preserve")
    for extra in texts[1:]:
        extra.getparent().remove(extra)


def _element(near: Any, tag: str) -> Any:
    return near.makeelement(f"{_W}{tag}", {})


def _fill_complex(root: Any, values: dict[str, str]) -> int:
    """Complex fields (fldChar begin, instrText, separate, result runs, end), nested or
    not, split over runs and paragraphs as Word writes them."""
    filled = 0
    stack: list[dict[str, Any]] = []
    for run in list(root.iter(f"{_W}r")):
        for child in list(run):
            if child.tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    stack.append({"instr": "", "result": False, "runs": [], "first": run})
                elif kind == "separate" and stack:
                    stack[-1]["result"] = True
                    stack[-1]["separator"] = run
                elif kind == "end" and stack:
                    current = stack.pop()
                    key = field_key(current["instr"])
                    if key in values:
                        _set_result(current, run, values[key])
                        filled += 1
            elif child.tag == f"{_W}instrText" and stack and not stack[-1]["result"]:
                stack[-1]["instr"] += child.text or ""
            elif (
                child.tag == f"{_W}t"
                and stack
                and stack[-1]["result"]
                and run not in stack[-1]["runs"]
            ):
                stack[-1]["runs"].append(run)
    return filled


def _set_result(current: dict[str, Any], end_run: Any, value: str) -> None:
    runs: list[Any] = current["runs"]
    if runs:
        texts = [t for r in runs for t in r.findall(f"{_W}t")]
        texts[0].text = value
        texts[0].set(_XML_SPACE, "preserve")
        for extra in texts[1:]:
            extra.getparent().remove(extra)
        return
    # No result yet: a result run (with the look of the field's first run) before 'end',
    # after a separator that is added when the field has none.
    from copy import deepcopy

    def new_run() -> Any:
        run = _element(end_run, "r")
        props = current["first"].find(f"{_W}rPr")
        if props is not None:
            run.append(deepcopy(props))
        return run

    if "separator" not in current:
        separator = new_run()
        char = _element(separator, "fldChar")
        char.set(f"{_W}fldCharType", "separate")
        separator.append(char)
        end_run.addprevious(separator)
    result = new_run()
    text = _element(result, "t")
    text.text = value
    text.set(_XML_SPACE, "preserve")
    result.append(text)
    end_run.addprevious(result)


# ---------------------------------------------------------------------------------------
# Example templates: what regiodocs ships for each municipality, with a drawn logo.


def placeholder_logo(colour: str, accent: str, size: int = 96) -> bytes:
    """A drawn placeholder logo (PNG, RGB): a disc in ``colour`` with an ``accent`` wave
    and a white band, on white. Never a real municipal logo."""

    def rgb(hex_colour: str) -> tuple[int, int, int]:
        value = hex_colour.lstrip("#")
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)

    main, wave, white = rgb(colour), rgb(accent), (255, 255, 255)
    centre, radius = (size - 1) / 2, size * 0.46
    rows = []
    for y in range(size):
        row = bytearray(b"\0")
        for x in range(size):
            dx, dy = x - centre, y - centre
            inside = dx * dx + dy * dy <= radius * radius
            # a wave: one parabola per half period, up and down in turn
            period = size // 2
            phase = x % period
            crest = size * 0.62 + (size * 0.08) * (1 - 4 * (phase / period - 0.5) ** 2) * (
                1 if (x // period) % 2 == 0 else -1
            )
            if not inside or abs(y - crest) <= size * 0.05:
                pixel = white
            elif y > crest:
                pixel = wave
            else:
                pixel = main
            row.extend(pixel)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def example_template(default_reference: bytes, style: Any, naam: str, *, regio: bool) -> bytes:
    """An example .dotx for one municipality (or, with ``regio``, the region): the reference
    generated from its YAML huisstijl, with a letterhead (drawn logo, the municipality's
    name, the subject), a footer (kenmerk, datum, portefeuillehouder, page x of y) and the
    document properties those fields show, with placeholder values."""
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    from regiodocs.output import docx_xml
    from regiodocs.output.house_style import build_reference_docx

    doc = Document(io.BytesIO(build_reference_docx(default_reference, style)))
    body = doc.element.body
    for child in list(body):  # pandoc's sample text; a template's body stays empty
        if child.tag != f"{_W}sectPr":
            body.remove(child)
    section = doc.sections[0]
    width = Cm(21.0 - 2 * float(style.marge_cm))  # build_reference_docx: A4, equal margins
    colour = RGBColor.from_string(style.kleur_koppen.lstrip("#").upper())
    logo = placeholder_logo(style.kleur_koppen, style.kleur_accent)

    def field(paragraph: Any, name: str, size: float, *, bold: bool = False) -> None:
        docx_xml.append_result_field(paragraph, docx_xml.docproperty_instruction(name), size, name)
        if bold:
            for run in paragraph.runs[-5:]:
                run.font.bold = True
                run.font.color.rgb = colour

    header = section.header
    top = header.paragraphs[0]
    top.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    top.add_run().add_picture(io.BytesIO(logo), height=Cm(1.6))
    top.add_run("\t")
    if regio:
        name = top.add_run(naam)
        name.font.size, name.font.bold, name.font.color.rgb = Pt(11), True, colour
    else:
        field(top, "Gemeente", 11, bold=True)
    second = header.add_paragraph()
    second.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    second.add_run("\t").font.size = Pt(8)
    field(second, "Onderwerp", 8)
    second.paragraph_format.space_after = Pt(12)

    footer = section.footer
    first = footer.paragraphs[0]
    first.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    # Regional documents have no kenmerk and no portefeuillehouder of their own.
    shown = (("", "Datum"),) if regio else (("Kenmerk ", "Kenmerk"), ("  ·  ", "Datum"))
    for label, name in shown:
        if label:
            first.add_run(label).font.size = Pt(8)
        field(first, name, 8)
    first.add_run("\tPagina ").font.size = Pt(8)
    docx_xml.append_field(first, "PAGE", 8)
    first.add_run(" van ").font.size = Pt(8)
    docx_xml.append_field(first, "NUMPAGES", 8)
    if not regio:
        field(footer.add_paragraph(), "Portefeuillehouder", 8)

    doc.core_properties.title = f"Voorbeeldsjabloon {naam}"
    out = io.BytesIO()
    doc.save(out)
    placeholders = [(name, name) for name in FIELD_NAMES]
    data = docx_xml.deterministic_zip(
        out.getvalue(), {"docProps/custom.xml": docx_xml.custom_properties_xml(placeholders)}
    )
    return _as_dotx(data)


def _as_dotx(data: bytes) -> bytes:
    from regiodocs.output import docx_xml

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml")
    return docx_xml.deterministic_zip(
        data,
        {"[Content_Types].xml": types.replace(_DOCX_MAIN.encode(), _DOTX_MAIN.encode())},
    )


def write_examples(region_folder: Path) -> list[Path]:
    """Write the example template of every municipality of a region and of the region
    itself to ``<region>/huisstijl/<id>.dotx`` (from regio.yaml's huisstijlen)."""
    from ruamel.yaml import YAML

    from regiodocs.content.models.regio import Huisstijl
    from regiodocs.output.house_style import pandoc_default_reference
    from regiodocs.output.write import find_pandoc

    data = YAML(typ="safe").load((region_folder / "regio.yaml").read_text(encoding="utf-8"))
    styles = {
        h["id"]: Huisstijl(**{k: v for k, v in h.items() if k != "sjabloon"})
        for h in data.get("huisstijlen") or []
    }
    default = pandoc_default_reference(find_pandoc())
    standard = Huisstijl(id="standaard")
    folder = region_folder / "huisstijl"
    folder.mkdir(exist_ok=True)
    written = []
    wanted = [
        (d["id"], d["naam"], styles.get(d.get("huisstijl") or "", standard), False)
        for d in data["deelnemers"]
    ]
    region_style = styles.get(data.get("huisstijl") or "", standard)
    wanted.append((data["id"], f"Regio {data['naam']}", region_style, True))
    for ident, naam, style, regio in wanted:
        target = folder / f"{ident}.dotx"
        target.write_bytes(example_template(default, style, naam, regio=regio))
        written.append(target)
    return written


if __name__ == "__main__":  # python -m regiodocs.output.template content/utrecht-west
    import sys

    for path in write_examples(Path(sys.argv[1])):
        print(path)
