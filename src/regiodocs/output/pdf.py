"""PDF writer: every document as a tagged PDF/A-2a (and PDF/UA-1), through Typst.

Why Typst (the ``typst`` wheel from PyPI): it is one pip wheel with no system package
(LibreOffice headless needs ~290 MB of Debian packages and ~1.8 s per document), it writes
tagged PDF (H1-H6, P, L, Table/TH/TD, Link in reading order), PDF/A-2a and PDF/UA-1 with
title, language and XMP metadata, and it is deterministic: the same source and date give
the same bytes. Measured on the 15-page regeling: about 0.1 s per document, fonts loaded
once per thread. An HTML-to-PDF engine (WeasyPrint) needs Pango from the system;
pandoc's own Typst writer wraps every table in a centred figure and drops the Word styles,
so this module writes the Typst source itself from the same blocks as the Markdown for
people (documents/blocks.py).

The house style is carried over: the municipality's font (Arial, Calibri and Verdana as
their metric-compatible free counterparts, shipped in output/data/fonts because the PDF
must embed them and a fresh machine has none), size, heading and accent colours (darkened
where they would not reach 4.5:1 on white, as on the web page), margins, the indents of
leden and onderdelen, signature columns, and the header and footer of the house style's
Word template (output/letterhead.py reads them; ``_LetterWriter`` lays them out here), or
without a template a header with the municipality and a footer with kenmerk and page numbers.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import struct
import threading
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from regiodocs import __version__
from regiodocs.documents.blocks import (
    SUBTITLE,
    TITLE,
    UNDERLINE_CLOSE,
    UNDERLINE_OPEN,
    Block,
    parse,
    plain_text,
    split_label,
)
from regiodocs.documents.html import readable
from regiodocs.documents.markdown import TAB_MARK
from regiodocs.documents.views.common import DocMeta
from regiodocs.output.cache import Cache
from regiodocs.output.fonts import font_of
from regiodocs.output.house_style import TITLE_ALIGNMENTS
from regiodocs.output.letterhead import (
    NUMPAGES,
    PAGE,
    Run,
    Table,
    TabStop,
    letterhead_of,
    printed_meta,
    style_alignments,
)
from regiodocs.output.letterhead import Block as LetterBlock
from regiodocs.output.letterhead import Paragraph as LetterParagraph
from regiodocs.output.template import FIELD_NAMES, template_fonts
from regiodocs.output.write import BuildFailure, document_properties, source_date_epoch

if TYPE_CHECKING:
    import typst
    from markdown_it.tree import SyntaxTreeNode

    from regiodocs.output.convert import Document

FONTS = Path(__file__).parent / "data" / "fonts"
# Paragraph styles with a hanging label: left indent and hanging indent in cm (as in the
# Word house style, output/house_style.py).
INDENTS = {
    "Besluitpunt": (0.75, 0.75),
    "Instructie": (0.75, 0.75),
    "Aangehaald": (1.5, 0.0),
    "Aangehaald lid": (2.25, 0.75),
    "Aangehaald onderdeel": (3.0, 0.75),
    "Lid": (0.75, 0.75),
    "Onderdeel": (1.5, 0.75),
    "Subonderdeel": (2.25, 0.75),
}
# Characters every shipped font has (Latin-1, Latin Extended-A, Dutch typography, the euro):
# text made of these needs no look-up in the fonts' tables.
_COMMON = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x180)]
    + [0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x20AC]
)
# Words of this many letters or more may be hyphenated in a table cell.
_HYPHENATE_FROM = 18
# A "word" this long cannot be broken across lines and would become one PDF string, which
# PDF/A limits to 32,767 bytes: it gets a break opportunity (zero-width space) every 60.
_LONG_WORD = re.compile(r"\S{60,}")
_UNDERLINE = {UNDERLINE_OPEN: "#underline[", UNDERLINE_CLOSE: "]"}
_HYPHENATABLE = re.compile(rf"(\w{{{_HYPHENATE_FROM},}})")
_ESCAPED = frozenset("\\#*_`$<>@[]~/=-+.'\"&|:;,!?()%^{}")


def typst_source(markdown: str, meta: DocMeta) -> str:
    """The Typst source of one document: preamble with the house style, then the body."""
    blocks = parse(markdown)
    if not any(b.kind == "title" for b in blocks):
        # PDF/UA wants the first heading at level 1: without a title, the headings move up.
        blocks = [
            replace(b, level=max(1, b.level - 1)) if b.kind == "heading" else b for b in blocks
        ]
    labels = {b.ident for b in blocks if b.kind == "heading" and b.ident is not None}
    style = meta.huisstijl
    # Characters on a line of body text: the text width over an average character width
    # (about half the font size); bold headers and wide fonts get the room from the margin.
    line_chars = (21.0 - 2 * style.marge_cm) / (0.52 * style.lettergrootte * 0.03528)
    writer = _Writer(labels, line_chars, _alignments(meta))
    body = "".join(writer.block(b) for b in blocks)
    return _preamble(meta) + body


def _preamble(meta: DocMeta) -> str:
    style = meta.huisstijl
    moment = datetime.fromtimestamp(source_date_epoch(meta), tz=UTC)
    font, heading_font = _fonts(meta)
    kop = readable(style.kleur_koppen)
    accent = readable(style.kleur_accent)
    header = (meta.gemeente[:1].upper() + meta.gemeente[1:]) if meta.gemeente else meta.subject
    keywords = [x for x in (meta.gemeente, meta.kenmerk) if x]
    kenmerk = f"{_text(meta.kenmerk)}#h(0.6em)|#h(0.6em)" if meta.kenmerk else ""
    page, first_page_room = _page(meta, header, kenmerk)
    room = f"#v({first_page_room:.2f}cm)\n" if first_page_room > 0 else ""
    return f"""#set document(
  title: {_string(_short(meta.title))},
  author: {_string(_short(meta.author))},
  description: {_string(_short(meta.subject))},
  keywords: ({"".join(_string(_short(k)) + ", " for k in keywords)}),
  date: datetime(year: {moment.year}, month: {moment.month}, day: {moment.day},
    hour: {moment.hour}, minute: {moment.minute}, second: {moment.second}),
)
#set text(lang: "nl", region: "NL", font: {_string(font)}, size: {style.lettergrootte}pt,
  fill: rgb("#1A1A1A"))
#set page(paper: "a4", {page})
#set par(leading: 0.6em, spacing: 0.9em)
#set heading(numbering: none)
#show heading: set text(font: {_string(heading_font)}, fill: rgb("{kop}"), weight: "bold")
#show heading: set block(above: 1.4em, below: 0.7em, sticky: true)
#show heading.where(level: 1): set text(size: 20pt)
#show heading.where(level: 1): set block(above: 0em, below: 0.4em)
#show heading.where(level: 2): set text(size: 15pt)
#show heading.where(level: 3): set text(size: 12.5pt)
#show heading.where(level: 4): set text(size: 11.5pt)
#show heading.where(level: 5): set text(size: 11pt)
#show heading.where(level: 6): set text(size: 11pt)
#show link: set text(fill: rgb("{accent}"))
#set table(stroke: 0.5pt + rgb("#808080"), inset: (x: 5pt, y: 4pt))
#show table: set par(justify: false)
#set list(indent: 0.4em, body-indent: 0.6em)
#set enum(indent: 0.4em, body-indent: 0.6em)
#let kop = rgb("{kop}")
#let accent = rgb("{accent}")
#let genummerd(links, hang, label, body) = pad(left: links - hang,
  par(hanging-indent: hang)[#box(width: hang, label)#body])
#let kenmerken(breedtes: (), ..cellen) = {{
  let cells = cellen.pos()
  let n = breedtes.len()
  for start in range(0, cells.len(), step: n) {{
    block(width: 100%, above: 0pt, below: 0pt, breakable: false,
      stroke: (top: if start == 0 {{ 0.5pt + rgb("#808080") }} else {{ none }},
        bottom: 0.5pt + rgb("#808080"), left: 0.5pt + rgb("#808080"), right: 0.5pt + rgb("#808080")),
      {{
        for (j, cell) in cells.slice(start, start + n).enumerate() {{
          box(width: breedtes.at(j), inset: (x: 5pt, y: 4pt), cell)
        }}
      }})
  }}
  v(1.2em, weak: true)
}}
#let kolommen(..cellen) = grid(columns: (8cm, 1fr), column-gutter: 0.5em, ..cellen)
#let tabvak(breedte, body) = context {{
  if measure(body).width < breedte {{ box(width: breedte, body) }} else {{ body + h(0.5em) }}
}}
#let toc-regel(doel, tekst) = pad(left: 0.5cm, block(above: 0.35em, below: 0.35em,
  link(doel, text(fill: rgb("#1A1A1A"))[#tekst #box(width: 1fr, repeat[.#h(0.15em)]) #context counter(page).at(doel).first()])))

{room}"""


def _alignments(meta: DocMeta) -> dict[str, str]:
    """The alignment of the title styles as the Word document shows them: the Word
    template's own styles where it has them, else those of the generated house style (the
    reference document takes a style the template lacks from there)."""
    found = dict(TITLE_ALIGNMENTS)
    if meta.sjabloon is not None:
        found.update(style_alignments(meta.sjabloon))
    return found


def _fonts(meta: DocMeta) -> tuple[str, str]:
    """The embedded fonts of the body and the headings: those of the Word template's
    'Normal' and 'Heading 1' styles when the house style has a template (what the Word
    document shows), else the huisstijl's lettertype and lettertype_koppen."""
    style = meta.huisstijl
    body = style.lettertype
    heading = style.lettertype_koppen or style.lettertype
    if meta.sjabloon is not None:
        found = template_fonts(meta.sjabloon.data)
        body = found.get("Normal", body)
        heading = found.get("Heading 1", body)
    return font_of(body), font_of(heading)


def _short(value: str, limit: int = 1000) -> str:
    """A metadata value within PDF/A's limit on strings (32,767 bytes, UTF-16 in the
    document information): the text itself keeps every character."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _page(meta: DocMeta, header: str, kenmerk: str) -> tuple[str, float]:
    """Margins, header and footer of the pages, and the extra room (cm) at the top of the
    first page: the letterhead of the house style's Word template where it has one
    (output/letterhead.py), else the municipality (or subject) and the template's logo at the
    top and the kenmerk and page numbers at the bottom.

    A template's header is placed where Word places it, at the header distance from the top
    of the page (and a footer at the footer distance from the bottom); the margin makes room
    for the usual header, and a taller first-page letterhead gets its room on page one only,
    as space before the text."""
    margin = meta.huisstijl.marge_cm
    default_header = _header(meta, header)
    default_footer = (
        f"context align(right, text(size: 8pt)[{kenmerk}Pagina #counter(page).display() "
        f"van #counter(page).final().first()])"
    )
    found = letterhead_of(meta.sjabloon) if meta.sjabloon is not None else None
    if found is None:
        page = f"margin: {margin}cm,\n  header: {default_header},\n  footer: {default_footer},"
        return page, 0.0
    values = {name.casefold(): "" for name in FIELD_NAMES}
    values.update({name.casefold(): value for name, value in document_properties(meta)})
    values.update({"title": meta.title, "subject": meta.subject, "author": meta.author})
    render = _LetterWriter(values, f"Logo {header}", 21.0 - 2 * margin)
    size = meta.huisstijl.lettergrootte
    parts = []
    top = bottom = margin
    extra = 0.0
    usual, first = found.header, found.first_header
    if first is None and found.title_page:
        first = ()  # a different first page without a header of its own: none on page one
    if usual is not None or first is not None:
        distance = found.header_distance_cm

        def room(blocks: tuple[LetterBlock, ...]) -> float:
            """From the top of the page to where the text may begin below ``blocks``."""
            if not blocks:
                return 0.0
            return distance + _height(blocks, size) + max(0.4, _last_after(blocks) / 28.35)

        # At most 12 cm (20 cm on page one): a taller header runs into the text rather
        # than pushing it off the page.
        top = min(max(margin, room(usual or ())), max(margin, 12.0))
        if first is not None:
            extra = max(0.0, min(room(first), 20.0) - top)
        parts.append(
            "header: " + _placed(render, usual or (), first, f"top + left, dy: {distance:.2f}cm")
        )
    else:
        parts.append(f"header: {default_header}")
    usual, first = found.footer, found.first_footer
    if first is None and found.title_page:
        first = ()
    if usual is not None or first is not None:
        distance = found.footer_distance_cm
        height = max(_height(b, size) for b in (usual or (), first or ()))
        bottom = min(max(margin, distance + height + 0.4), max(margin, 8.0))
        where = f"bottom + left, dy: {-distance:.2f}cm"
        parts.append("footer: " + _placed(render, usual or (), first, where))
    else:
        parts.append(f"footer: {default_footer}")
    margins = f"margin: (x: {margin}cm, top: {top:.2f}cm, bottom: {bottom:.2f}cm)"
    return ",\n  ".join([margins, *parts]) + ",", extra


def _placed(
    render: _LetterWriter,
    usual: tuple[LetterBlock, ...],
    first: tuple[LetterBlock, ...] | None,
    where: str,
) -> str:
    """The Typst code of a template's header (or footer), placed at ``where`` on the page:
    the first-page version on page one when the template has a different first page."""
    usual_markup = f"place({where}, block(width: 100%)[{render.blocks(usual)}])"
    if first is None or first == usual:
        return f"context {usual_markup}"
    first_markup = f"place({where}, block(width: 100%)[{render.blocks(first)}])"
    return f"context {{ if here().page() == 1 {{ {first_markup} }} else {{ {usual_markup} }} }}"


def _last_after(blocks: tuple[LetterBlock, ...]) -> float:
    """The space after the last paragraph of a header, in points: Word keeps it between
    the header and the text."""
    last = blocks[-1] if blocks else None
    return last.after_pt if isinstance(last, LetterParagraph) else 0.0


def _height(blocks: tuple[LetterBlock, ...], size: float) -> float:
    """An estimate of the height of a header or footer in cm (lines of 1.2 times their
    largest text or picture), to make room for it above or below the text."""
    total = 0.0
    for n, block in enumerate(blocks):
        if isinstance(block, Table):
            total += sum(
                max((_height(cell, size) for cell in row), default=0.0) for row in block.rows
            )
            continue
        lines = [0.0]
        for run in block.runs:
            if run.newline:
                lines.append(0.0)
            elif run.picture is not None:
                lines[-1] = max(lines[-1], run.height_cm)
            else:
                text_size = run.look.size or block.size or size
                lines[-1] = max(lines[-1], text_size * 1.15 / 28.35)
        lines = [line or (block.size or size) * 1.15 / 28.35 for line in lines]
        after = block.after_pt if n < len(blocks) - 1 else 0.0
        total += sum(lines) + (block.before_pt + after) / 28.35
    return total


class _LetterWriter:
    """Typst markup for the paragraphs and tables of a template's header or footer."""

    def __init__(self, values: dict[str, str], alt: str, width: float) -> None:
        self.values = values
        self.alt = alt
        self.width = width

    def blocks(self, blocks: tuple[LetterBlock, ...]) -> str:
        return "".join(self.table(b) if isinstance(b, Table) else self.paragraph(b) for b in blocks)

    def table(self, table: Table) -> str:
        total = sum(table.columns_cm)
        if total > self.width:
            columns = ", ".join(f"{c / total:.4f}fr" for c in table.columns_cm)
        else:
            columns = ", ".join(f"{c:.2f}cm" for c in table.columns_cm)
        cells = []
        for row in table.rows:
            for cell in (list(row) + [()] * len(table.columns_cm))[: len(table.columns_cm)]:
                cells.append(f"[{self.blocks(cell)}]")
        return f"#grid(columns: ({columns},), {', '.join(cells)})\n"

    def paragraph(self, paragraph: LetterParagraph) -> str:
        size = paragraph.size
        spacing = f"above: {paragraph.before_pt}pt, below: {paragraph.after_pt}pt"
        if not paragraph.runs:
            height = (size or 10) * 1.2
            return f"#block({spacing}, height: {height:.1f}pt)\n"
        segments: list[list[Run]] = [[]]
        for run in paragraph.runs:
            if run.tab:
                segments.append([])
            else:
                segments[-1].append(run)
        done = ""
        position = 0.0
        current = self.runs(segments[0])
        for segment in segments[1:]:
            stop = next((s for s in paragraph.tabs if s.position_cm > position + 0.01), None)
            if stop is None:  # Word's default stops, every 1.25 cm
                stop = TabStop("left", (int(position / 1.25) + 1) * 1.25)
            if stop.kind == "left":
                done += f"#tabvak({stop.position_cm - position:.2f}cm, [{current}])"
            else:
                done += f"{current}#h(1fr)"
            position = stop.position_cm
            current = self.runs(segment)
        align = {"justify": "left"}.get(paragraph.align, paragraph.align)
        size_rule = f"size: {size}pt, " if size else ""
        # Lines as Word sets them (single spacing: from ascender to descender).
        return (
            f'#block({spacing}, width: 100%)[#{{ set text({size_rule}top-edge: "ascender", '
            f'bottom-edge: "descender"); set par(justify: false, leading: 0pt); '
            f"align({align})[{done}{current}] }}]\n"
        )

    def runs(self, runs: list[Run]) -> str:
        out = []
        for run in runs:
            if run.newline:
                out.append("#linebreak()")
            elif run.picture is not None:
                numbers = ", ".join(str(b) for b in run.picture)
                alt = _string(run.alt or self.alt)
                out.append(
                    f"#box(baseline: 0pt, image(bytes(({numbers},)), width: {run.width_cm:.2f}cm, "
                    f"height: {run.height_cm:.2f}cm, alt: {alt}))"
                )
            else:
                out.append(self.text(run))
        return "".join(out)

    def text(self, run: Run) -> str:
        if run.fieldname == PAGE:
            body = "#counter(page).display()"
        elif run.fieldname == NUMPAGES:
            body = "#counter(page).final().first()"
        elif run.fieldname is not None:
            body = _text(self.values.get(run.fieldname, run.text))
        else:
            body = _text(run.text)
        if not body:
            return ""
        look = run.look
        settings = []
        if look.size:
            settings.append(f"size: {look.size}pt")
        if look.bold:
            settings.append('weight: "bold"')
        if look.italic:
            settings.append('style: "italic"')
        if look.colour:
            settings.append(f'fill: rgb("{readable(look.colour)}")')
        if not settings:
            return body
        return f"#text({', '.join(settings)})[{body}]"


def _header(meta: DocMeta, text: str) -> str:
    """The page header: the logo of the house style's Word template (when it has one) on the
    left, the municipality (or subject) on the right, as in the Word letterhead."""
    right = f"align(right + horizon, text(size: 8pt)[{_text(text)}])"
    logo = header_logo(meta.sjabloon.data) if meta.sjabloon is not None else None
    if logo is None:
        return right
    numbers = ", ".join(str(b) for b in logo)
    alt = _string(f"Logo {text}")
    return (
        f"grid(columns: (auto, 1fr), align: horizon, "
        f"image(bytes(({numbers},)), height: 1.1cm, alt: {alt}), {right})"
    )


def header_logo(template: bytes) -> bytes | None:
    """The first PNG or JPEG picture in the headers of a Word template (its letterhead
    logo), or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            names = set(package.namelist())
            headers = sorted(n for n in names if re.fullmatch(r"word/header\d*\.xml", n))
            for header in headers:
                rels = header.replace("word/", "word/_rels/") + ".rels"
                if rels not in names:
                    continue
                for target in re.findall(rb'Target="(media/[^"]+)"', package.read(rels)):
                    name = "word/" + target.decode("utf-8")
                    if name in names and name.lower().endswith((".png", ".jpg", ".jpeg")):
                        return package.read(name)
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return None


class _Writer:
    """Typst markup for the blocks of one document."""

    def __init__(
        self,
        labels: set[str],
        line_chars: float = 85.0,
        alignments: dict[str, str] | None = None,
    ) -> None:
        self.labels = labels
        self.alignments = alignments or {}
        self.line_chars = line_chars
        self.in_table = False
        self.placed: set[str] = set()
        self.lines: list[str] = []  # the source of the block being written

    def block(self, block: Block) -> str:
        kind = block.kind
        if kind == "title":
            marks = "" if len(block.source) < 2000 else ", bookmarked: false"  # PDF/A string
            return self.aligned(
                TITLE,
                f"#heading(level: 1, outlined: false{marks})[{self.inline_of(block)}]\n\n",
            )
        if kind == "subtitle":
            return self.aligned(
                SUBTITLE,
                f"#block(above: 0.4em, below: 1.4em, text(size: 14pt, fill: accent)"
                f"[{self.inline_of(block)}])\n\n",
            )
        if kind == "heading":
            label = ""
            if block.ident and block.ident not in self.placed:
                self.placed.add(block.ident)
                label = f" <{block.ident}>"
            marks = "" if len(block.source) < 2000 else ", bookmarked: false"  # PDF/A string
            return f"#heading(level: {block.level}{marks})[{self.inline_of(block)}]{label}\n\n"
        if kind == "toc":
            rows = []
            for anchor, text in block.entries:
                if anchor in self.labels:
                    rows.append(f"#toc-regel(<{anchor}>, [{_text(text)}])\n")
                else:
                    rows.append(f"#pad(left: 0.5cm)[{_text(text)}]\n")
            return "".join(rows) + "\n"
        if kind == "pagebreak":
            return "#pagebreak(weak: true)\n\n"
        if kind == "styled":
            return self.styled(block)
        self.lines = block.source.splitlines()
        return "".join(self.node(child) for child in block.tree().children)

    def aligned(self, style: str, markup: str) -> str:
        """``markup`` aligned as the Word style ``style`` aligns its paragraphs."""
        align = self.alignments.get(style, "left")
        if align == "left":
            return markup
        if align == "justify":
            return f"#[\n#set par(justify: true)\n{markup}]\n\n"
        return f"#[\n#set align({align})\n{markup}]\n\n"

    def inline_of(self, block: Block) -> str:
        return self.inline(block.inline())

    def styled(self, block: Block) -> str:
        style = block.style
        if style == TITLE:  # a second title in one document: a bold line, not a heading
            inline = self.inline_of(Block("title", block.source))
            return self.aligned(
                TITLE,
                f'#block(above: 1.4em, text(size: 14pt, weight: "bold", fill: kop)[{inline}])\n\n',
            )
        paragraphs = [self.inline(p.children[0]) for p in _paragraphs(block.tree())]
        out: list[str] = []
        for text in paragraphs:
            out.append(self.styled_paragraph(style, text))
        return "".join(out)

    def styled_paragraph(self, style: str, text: str) -> str:
        labelled = split_label(text, style)
        if labelled is not None:
            left, hang = INDENTS.get(style, (0.75, 0.75))
            label, rest = labelled
            rest = rest.replace(TAB_MARK, " ")
            return f"#genummerd({left}cm, {hang}cm, [{label}], [{rest}])\n\n"
        if style in INDENTS:
            left, _ = INDENTS[style]
            return f"#pad(left: {left}cm)[{text.replace(TAB_MARK, ' ')}]\n\n"
        if TAB_MARK in text:
            cells = ", ".join(f"[{c}]" for c in text.split(TAB_MARK))
            above = {"Ondertekening": "18pt", "Handtekening": "42pt"}.get(style, "0.9em")
            sticky = "true" if style == "Ondertekening" else "false"
            return f"#block(above: {above}, sticky: {sticky}, kolommen({cells}))\n\n"
        if style == "Slot":
            return f"#block(above: 12pt, below: 0pt, sticky: true)[{text}]\n\n"
        if style in ("Ondertekening", "Handtekening"):
            above = "18pt" if style == "Ondertekening" else "42pt"
            return f"#block(above: {above})[{text}]\n\n"
        if style == "Kleine tekst":
            return f'#text(size: 8pt, fill: rgb("#595959"))[{text}]\n\n'
        if style == "Regelingtitel":
            return self.aligned(
                style,
                f'#block(above: 12pt, below: 12pt, text(size: 13pt, weight: "bold", '
                f"fill: kop)[{text}])\n\n",
            )
        if style == "Inhoudsopgave":
            return (
                f'#block(above: 12pt, below: 8pt, text(size: 13pt, weight: "bold", '
                f"fill: kop)[{text}])\n\n"
            )
        return text + "\n\n"

    def node(self, node: SyntaxTreeNode) -> str:
        kind = node.type
        if kind == "paragraph":
            return self.inline(node.children[0]).replace(TAB_MARK, " ") + "\n\n"
        if kind == "heading":
            return f"#strong[{self.inline(node.children[0])}]\n\n"
        if kind in ("bullet_list", "ordered_list"):
            items = ", ".join(f"[{self.item(item)}]" for item in node.children)
            if kind == "bullet_list":
                return f"#list({items})\n\n"
            start = int(str(node.attrs.get("start", 1)))
            return f"#enum(start: {start}, {items})\n\n"
        if kind == "blockquote":
            inner = "".join(self.node(child) for child in node.children)
            return f"#quote(block: true)[{inner}]\n\n"
        if kind == "table":
            return self.table(node)
        if kind in ("fence", "code_block"):
            return f"#raw(block: true, {_string(node.content)})\n\n"
        if kind == "hr":
            return "#line(length: 100%, stroke: 0.5pt)\n\n"
        return _text(node.content) + "\n\n"

    def item(self, item: SyntaxTreeNode) -> str:
        return "".join(self.node(child) for child in item.children).strip()

    def inline(self, node: SyntaxTreeNode) -> str:
        parts: list[str] = []
        for child in node.children:
            kind = child.type
            if kind == "text":
                parts.append(_text(child.content, in_table=self.in_table))
            elif kind in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif kind == "strong":
                parts.append(f"#strong[{self.inline(child)}]")
            elif kind == "em":
                parts.append(f"#emph[{self.inline(child)}]")
            elif kind == "s":
                parts.append(f"#strike[{self.inline(child)}]")
            elif kind == "code_inline":
                parts.append(f"#raw({_string(child.content)})")
            elif kind == "link":
                parts.append(self.link(child))
            else:
                parts.append(_text(child.content))
        return "".join(parts)

    def link(self, node: SyntaxTreeNode) -> str:
        inner = self.inline(node)
        href = str(node.attrs.get("href", ""))
        if href.startswith("#"):
            if href[1:] in self.labels:
                return f"#link(<{href[1:]}>)[{inner}]"
            return inner  # a target in another document: the citation as text
        if href.startswith(("http://", "https://", "mailto:")):
            return f"#link({_string(href)})[{inner}]"
        return inner

    def table(self, node: SyntaxTreeNode) -> str:
        self.in_table = True
        try:
            return self._table(node)
        finally:
            self.in_table = False

    def _table(self, node: SyntaxTreeNode) -> str:
        head: list[str] = []
        rows: list[list[str]] = []
        aligns: list[str] = []
        for section in node.children:
            for row in section.children:
                cells = [self.inline(c.children[0]) if c.children else "" for c in row.children]
                cells = [c.replace(TAB_MARK, " ") for c in cells]
                if section.type == "thead":
                    head = cells
                    aligns = [str(c.attrs.get("style", "")) for c in row.children]
                else:
                    rows.append(cells)
        width = len(head) or (len(rows[0]) if rows else 1)
        align = ", ".join(
            "right" if "right" in a else "center" if "center" in a else "left"
            for a in (aligns + [""] * width)[:width]
        )
        plain = [
            [plain_text(c.children[0]) if c.children else "" for c in row.children]
            for section in node.children
            for row in section.children
        ]
        columns = _columns(node, self.lines, width, plain, self.line_chars)
        parts = [f"columns: {columns}", f"align: ({align},)"]
        headerless = not any(plain.strip() for plain in head)
        if head and not headerless:
            header = ", ".join(f"[#strong[{c}]]" for c in head)
            parts.append(f"table.header({header})")
        for cells_of_row in rows:
            parts.append(", ".join(f"[{c}]" for c in (cells_of_row + [""] * width)[:width]))
        if headerless:
            # A table without a header row (Gemeente | Montfoort, ...) is a list of facts:
            # laid out as a table, read as one line per row, since PDF/UA wants a header
            # cell in every /Table and Typst (0.15, without its a11y-extras feature) cannot
            # mark the first column as row headers.
            breedtes = ", ".join(f"{w:.1f}%" for w in _shares(node, self.lines, width))
            facts = ", ".join(f"[{c}]" for row in rows for c in (row + [""] * width)[:width])
            return f"#kenmerken(breedtes: ({breedtes},), {facts})\n\n"
        return "#table(\n  " + ",\n  ".join(parts) + ",\n)\n\n"


def _shares(node: SyntaxTreeNode, lines: list[str], width: int) -> list[float]:
    """Column widths in percent of the line: from the dashes of the separator line, else
    all equal."""
    if node.map is not None:
        rows = lines[node.map[0] : node.map[1]]
        if len(rows) > 1:
            dashes = [len(cell.strip()) for cell in rows[1].strip().strip("|").split("|")]
            if len(dashes) == width and all(dashes):
                return [100 * d / sum(dashes) for d in dashes]
    return [100 / width] * width


def _columns(
    node: SyntaxTreeNode, lines: list[str], width: int, cells: list[list[str]], line: float
) -> str:
    """Column widths. As pandoc gives them to Word: relative to the dashes of the separator
    line when a row is wider than 72 characters, else each column as wide as its text. But
    never narrower than the longest word of a column (in characters; ``line`` characters fit
    the text width): Typst shrinks columns that do not fit below their words, which then
    run into the next column."""
    columns = [[row[j] if j < len(row) else "" for row in cells] for j in range(width)]
    words = [max((len(w) for t in column for w in t.split()), default=1) + 1 for column in columns]
    longest = [max((len(t) for t in column), default=1) + 1 for column in columns]
    space = line - 1.2 * width  # the cells' padding
    shares: list[float] | None = None
    if node.map is not None:
        rows = lines[node.map[0] : node.map[1]]
        if len(rows) > 1 and any(len(row) > 72 for row in rows):
            dashes = [len(cell.strip()) for cell in rows[1].strip().strip("|").split("|")]
            if len(dashes) == width and all(dashes):
                shares = [space * d / sum(dashes) for d in dashes]
    if shares is None:
        if sum(longest) <= space:
            return "(" + ", ".join("auto" for _ in range(width)) + ",)"
        shares = [float(n) for n in longest]
    # Words longer than _HYPHENATE_FROM letters may be hyphenated; shorter ones must fit.
    need = [min(w, _HYPHENATE_FROM) for w in words]
    fixed = [max(share, n) for share, n in zip(shares, need, strict=True)]
    total = sum(fixed)
    if total > space:  # take the room from the columns above their minimum
        spare = sum(f - n for f, n in zip(fixed, need, strict=True))
        over = min(total - space, spare)
        if spare > 0:
            fixed = [f - over * (f - n) / spare for f, n in zip(fixed, need, strict=True)]
    return "(" + ", ".join(f"{f:.2f}fr" for f in fixed) + ",)"


def _paragraphs(tree: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    return [n for n in tree.children if n.type == "paragraph" and n.children]


def _text(text: str, *, in_table: bool = False) -> str:
    """Literal text in Typst markup: every ASCII symbol escaped; a character that none of the
    shipped fonts can show (PDF/A forbids a missing glyph) as its code point, <U+65E5>."""
    text = _LONG_WORD.sub(_breakable, text)
    if in_table:
        # In a narrow column a long word ("Bedrijfsvoeringsorganisatie") would run into the
        # next one: words of _HYPHENATE_FROM letters or more may be hyphenated (Dutch
        # patterns, at a syllable); shorter words get a column wide enough (_columns).
        parts = _HYPHENATABLE.split(text)
        return "".join(
            f"#text(hyphenate: true)[{_text(part)}]" if n % 2 else _text(part)
            for n, part in enumerate(parts)
        )
    out: list[str] = []
    for c in text:
        if c in _ESCAPED:
            out.append("\\" + c)
        elif c in _UNDERLINE:
            out.append(_UNDERLINE[c])
        elif (
            ord(c) in _COMMON
            or unicodedata.category(c) in ("Zs", "Cf")
            or ord(c) in covered_characters()
        ):
            out.append(c)
        else:
            out.append(f"\\<U+{ord(c):04X}\\>")
    return "".join(out)


def _breakable(m: re.Match[str]) -> str:
    word = m.group()
    return "\u200b".join(word[i : i + 60] for i in range(0, len(word), 60))


@cache
def covered_characters() -> frozenset[int]:
    """The code points the shipped fonts have a glyph for (their cmap tables, formats 4 and
    12); Typst falls back from the house font to any of them."""
    found: set[int] = set()
    for path in FONTS.glob("*.ttf"):
        found |= _cmap(path.read_bytes())
    return frozenset(found)


def _cmap(font: bytes) -> set[int]:
    tables = {
        font[12 + 16 * i : 16 + 16 * i]: struct.unpack(">I", font[20 + 16 * i : 24 + 16 * i])[0]
        for i in range(struct.unpack(">H", font[4:6])[0])
    }
    base = tables[b"cmap"]
    found: set[int] = set()
    for i in range(struct.unpack(">H", font[base + 2 : base + 4])[0]):
        offset = base + struct.unpack(">I", font[base + 8 + 8 * i : base + 12 + 8 * i])[0]
        kind = struct.unpack(">H", font[offset : offset + 2])[0]
        if kind == 4:
            segments = struct.unpack(">H", font[offset + 6 : offset + 8])[0] // 2
            ends = struct.unpack(f">{segments}H", font[offset + 14 : offset + 14 + 2 * segments])
            at = offset + 16 + 2 * segments
            starts = struct.unpack(f">{segments}H", font[at : at + 2 * segments])
            deltas = struct.unpack(f">{segments}h", font[at + 2 * segments : at + 4 * segments])
            ranges_at = at + 4 * segments
            ranges = struct.unpack(f">{segments}H", font[ranges_at : ranges_at + 2 * segments])
            for n, (start, end) in enumerate(zip(starts, ends, strict=True)):
                for code in range(start, end + 1) if start != 0xFFFF else ():
                    if ranges[n] == 0:
                        glyph = (code + deltas[n]) & 0xFFFF
                    else:  # idRangeOffset: an index into glyphIdArray, relative to itself
                        index = ranges_at + 2 * n + ranges[n] + 2 * (code - start)
                        glyph = struct.unpack(">H", font[index : index + 2])[0]
                    if glyph:
                        found.add(code)
        elif kind == 12:
            groups = struct.unpack(">I", font[offset + 12 : offset + 16])[0]
            for g in range(groups):
                at = offset + 16 + 12 * g
                start, end, first_glyph = struct.unpack(">III", font[at : at + 12])
                found.update(range(start + (first_glyph == 0), end + 1))
    return found


def _string(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@cache
def _writer_fingerprint() -> str:
    """Hash of what turns Markdown into a PDF besides the document itself: this module, the
    block parser, the Typst version and the shipped fonts."""
    h = hashlib.sha256(version("typst").encode("utf-8"))
    here = Path(__file__).parent
    for path in (
        here / "pdf.py",
        here / "letterhead.py",
        here / "fonts.py",
        here / "template.py",
        here / "house_style.py",
        here.parent / "documents" / "blocks.py",
    ):
        h.update(path.read_bytes())
    for path in sorted(FONTS.glob("*.ttf")):
        h.update(path.name.encode("utf-8") + b"\0" + str(path.stat().st_size).encode())
    return h.hexdigest()


def pdf_key(markdown: str, meta: DocMeta) -> str:
    """Cache key over everything that shapes a PDF: the writer (``_writer_fingerprint``),
    the metadata, SOURCE_DATE_EPOCH and the Markdown. Of the extra document properties
    (``meta.eigenschappen``, such as the regeling's fingerprint) only those a field of the
    template's letterhead shows: the PDF prints no other (they are Word properties), so an
    edit of the regeling does not make every raadsvoorstel's PDF again."""
    h = hashlib.sha256()
    for part in (
        __version__,
        _writer_fingerprint(),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        repr(printed_meta(meta)),
        markdown,
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


_local = threading.local()


def _compiler() -> typst.Compiler:
    """One Typst compiler per thread, with the shipped fonts and no system fonts (the same
    PDF on every machine)."""
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        import typst

        compiler = typst.Compiler(font_paths=[str(FONTS)], ignore_system_fonts=True)
        _local.compiler = compiler
    return compiler


def render_pdf(markdown: str, meta: DocMeta) -> bytes:
    """The PDF of one document."""
    import typst

    source = typst_source(markdown, meta)
    compiler = _compiler()
    try:
        data = compiler.compile(
            input=source.encode("utf-8"),
            format="pdf",
            pdf_standards=["a-2a", "ua-1"],  # PDF/A-2a for the archive, PDF/UA-1
            timestamp=source_date_epoch(meta),
        )
    except typst.TypstError as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BuildFailure(
            f"de PDF van '{_short(meta.title, 80)}' kon niet worden gemaakt: {message}"
        ) from None
    if not isinstance(data, bytes):
        raise BuildFailure(f"de PDF van '{_short(meta.title, 80)}' kon niet worden gemaakt")
    return data


class PdfCache(Cache):
    """Finished PDFs by key (build/.cache/pdf), verified like the .docx entries."""

    def valid(self, data: bytes) -> bool:
        return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


@dataclass
class PdfResult:
    """The PDF of every document, in order, and how each was obtained."""

    pdf: list[bytes]
    keys: list[str]
    made: set[int] = field(default_factory=set)
    notices: list[str] = field(default_factory=list)
    cache: PdfCache | None = None

    def store(self) -> None:
        """Keep the new PDFs in the cache (call once the build wrote its outputs)."""
        if self.cache is None:
            return
        for n in sorted(self.made):
            self.cache.put(self.keys[n], self.pdf[n])
        self.cache.keep_only(set(self.keys))


def render_all(
    documents: list[Document], cache_folder: Path | None, *, workers: int | None = None
) -> PdfResult:
    """The PDF of every document, from the cache where it is there and intact.

    Documents are made one by one in this (background) thread. Typst lets go of the GIL
    while it compiles, but during a build the other cores are busy with pandoc, so a second
    Typst thread would only take turns with them: ``workers`` is accepted for symmetry with
    the .docx conversion.
    """
    del workers
    cache = PdfCache(cache_folder) if cache_folder is not None else None
    keys = [pdf_key(d.markdown, d.meta) for d in documents]
    found: dict[int, bytes] = {}
    notices: list[str] = []
    if cache is not None:
        for n, key in enumerate(keys):
            data = cache.get(key, documents[n].name + ".pdf", notices)
            if data is not None:
                found[n] = data
    todo = [n for n in range(len(documents)) if n not in found]
    for n in todo:
        found[n] = render_pdf(documents[n].markdown, documents[n].meta)
    return PdfResult(
        pdf=[found[n] for n in range(len(documents))],
        keys=keys,
        made=set(todo),
        notices=notices,
        cache=cache,
    )


class Background:
    """``render_all`` in a thread, so the PDFs are made while pandoc (a separate process)
    converts the .docx files; ``result()`` waits and re-raises a failure."""

    def __init__(self, documents: list[Document], cache_folder: Path | None) -> None:
        self._result: PdfResult | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(documents, cache_folder), name="regiodocs-pdf", daemon=True
        )
        self._thread.start()

    def _run(self, documents: list[Document], cache_folder: Path | None) -> None:
        try:
            self._result = render_all(documents, cache_folder)
        except BaseException as exc:  # handed to the caller in result()
            self._error = exc

    def result(self) -> PdfResult:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result
