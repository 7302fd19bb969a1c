"""HTML writer: the same rendered Markdown the Word writer reads, as an accessible web page.

The Markdown comes from our own templates, so it uses a small, known part of pandoc's
Markdown: fenced divs with a custom style (``::: {custom-style="Lid"}``), headings with an id
(``### Artikel 4 {#artikel-4}``), pipe tables, lists, links and strong text. Content text in it
is always backslash-escaped (documents/markdown.py), so no raw HTML can come from the YAML;
markdown-it-py (CommonMark) parses the rest. What the Word styles do, CSS classes do here:
the page shows the same text, numbering, tables and signature blocks as the .docx.

Accessibility: ``lang="nl"``, exactly one ``h1`` (the document title), heading levels without
gaps, table headers marked with ``scope``, and house-style colours darkened where they would
not reach a 4.5:1 contrast on white (WCAG 2.1, 1.4.3).
"""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from dataclasses import dataclass

from markdown_it import MarkdownIt

from regiodocs.content.models.regio import Huisstijl

# The pandoc Markdown's own syntax (styled divs, raw OOXML for the table of contents and
# page breaks, headings with ids) is read the same way as in documents/blocks.py.
from regiodocs.documents.blocks import (
    _DIV_CLOSE,
    _DIV_OPEN,
    _HEADING,
    _RAW_CLOSE,
    _RAW_OPEN,
    _TOC_ENTRY,
)
from regiodocs.documents.markdown import TAB_MARK

_EMPTY_HEAD = re.compile(r"<thead>\s*<tr>\s*(?:<th[^>]*>\s*</th>\s*)+</tr>\s*</thead>\s*")
_ROW_FIRST_CELL = re.compile(r"<tr>\s*<td([^>]*)>(.*?)</td>", re.S)
_LABEL = re.compile(rf"<p>([^<{TAB_MARK}]{{1,12}}){TAB_MARK}")
_COLUMN = re.compile(rf"<p>([^<{TAB_MARK}]*){TAB_MARK}")
_HREF_ANCHOR = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')

# Styles that carry the title and subtitle of a document in the Word writer.
TITLE_STYLE = "Title"
_SECTION_BREAK = (
    "\x00section\x00"  # cannot occur in rendered Markdown (control characters are dropped)
)
SUBTITLE_STYLE = "Subtitle"


@dataclass(frozen=True)
class HtmlStyle:
    """The parts of a house style a web page can show."""

    font: str = "Arial"
    heading_font: str | None = None
    size_pt: float = 10.5
    heading_colour: str = "#1F3864"
    accent_colour: str = "#2E75B6"


def style_of(huisstijl: Huisstijl) -> HtmlStyle:
    """The web side of a municipality's house style: fonts, size and colours."""
    return HtmlStyle(
        font=huisstijl.lettertype,
        heading_font=huisstijl.lettertype_koppen,
        size_pt=huisstijl.lettergrootte,
        heading_colour=huisstijl.kleur_koppen,
        accent_colour=huisstijl.kleur_accent,
    )


def _parser() -> MarkdownIt:
    # html=True only for the tags this module writes itself; content text is escaped.
    return MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")


_MD = _parser()


def _slug(style: str) -> str:
    return "cs-" + re.sub(r"[^a-z0-9]+", "-", style.lower()).strip("-")


class ChunkCache:
    """Rendered HTML per section of a document (the text between two headings), so a resident
    process converts only the sections an edit changed. Bounded: oldest entries go first."""

    def __init__(self, limit: int = 4096) -> None:
        self.limit = limit
        self._chunks: OrderedDict[str, str] = OrderedDict()

    def render(self, markdown: str) -> str:
        found = self._chunks.get(markdown)
        if found is not None:
            self._chunks.move_to_end(markdown)
            return found
        rendered = _tables(_labels(_MD.render(markdown)))
        self._chunks[markdown] = rendered
        if len(self._chunks) > self.limit:
            self._chunks.popitem(last=False)
        return rendered


def body_html(markdown: str, cache: ChunkCache | None = None) -> tuple[str, str]:
    """The document's title and its body as HTML (without <html>, <head> or <body>)."""
    title, parts = sections(markdown, cache)
    return title, "".join(parts)


def sections(markdown: str, cache: ChunkCache | None = None) -> tuple[str, list[str]]:
    """The title and the body as HTML, one part per section (the text between two headings):
    the preview replaces only the parts an edit changed."""
    lines = markdown.splitlines()
    # Heading levels: the title is the only h1; every other heading is one level below the
    # nearest heading above it with a smaller Markdown level, so "# Hoofdstuk" + "### Artikel"
    # becomes h2 + h3 (never h2 + h4), and an article inside a paragraaf becomes h4.
    parents: list[tuple[int, int]] = []  # (Markdown level, HTML level) of the open headings
    out: list[str] = []
    title = ""
    style: str | None = None
    captured: list[str] = []
    raw: list[str] | None = None
    for line in lines:
        if raw is not None:
            if _RAW_CLOSE.match(line):
                out.extend(_openxml(raw))
                raw = None
            else:
                raw.append(line)
            continue
        if style is None and _RAW_OPEN.match(line):
            raw = []
            continue
        if style is not None:
            if _DIV_CLOSE.match(line):
                out.extend(_close_div(style, captured, title_seen=bool(title)))
                if style == TITLE_STYLE and not title:
                    title = _inline_text(" ".join(captured))
                style, captured = None, []
            else:
                captured.append(line)
            continue
        if m := _DIV_OPEN.match(line):
            style = m.group(1)
            continue
        if m := _HEADING.match(line):
            source = len(m.group(1))
            while parents and parents[-1][0] >= source:
                parents.pop()
            level = min(parents[-1][1] + 1 if parents else 2, 6)
            parents.append((source, level))
            ident = f' id="{html.escape(m.group(3))}"' if m.group(3) else ""
            out.append(_SECTION_BREAK)
            out.append(f"<h{level}{ident}>{_MD.renderInline(m.group(2))}</h{level}>")
            out.append("")
            continue
        out.append(line)
    if style is not None:  # an unclosed div: show its text rather than lose it
        out.extend(_close_div(style, captured, title_seen=bool(title)))
    # No block of our Markdown runs across a heading, so each section converts on its own.
    chunks = "\n".join(out).split(_SECTION_BREAK)
    render = cache.render if cache is not None else ChunkCache(limit=len(chunks)).render
    return title, [render(chunk) for chunk in chunks]


def _openxml(lines: list[str]) -> list[str]:
    """Our raw OOXML blocks in HTML: the contents become a list of links; a page break has no
    meaning on a web page. The page numbers exist only in Word and PDF."""
    entries = [_TOC_ENTRY.search(line) for line in lines]
    links = [
        f'<li><a href="#{html.escape(m.group(1))}">{m.group(2)}</a></li>' for m in entries if m
    ]
    return ['<ul class="inhoud">', *links, "</ul>", ""] if links else []


def _close_div(style: str, lines: list[str], *, title_seen: bool) -> list[str]:
    text = "\n".join(lines).strip()
    if style == TITLE_STYLE and not title_seen:
        return [f'<h1 class="{_slug(style)}">{_MD.renderInline(" ".join(lines))}</h1>', ""]
    if style == SUBTITLE_STYLE:
        return [f'<p class="{_slug(style)}">{_MD.renderInline(" ".join(lines))}</p>', ""]
    # A blank line after the opening tag lets CommonMark parse the inside as Markdown.
    return [f'<div class="{_slug(style)}">', "", text, "", "</div>", ""]


def _inline_text(markdown: str) -> str:
    """Plain text of an inline Markdown fragment (for <title>)."""
    return html.unescape(re.sub(r"<[^>]+>", "", _MD.renderInline(markdown)))


def _labels(rendered: str) -> str:
    """'a.<TAB>tekst' (leden, onderdelen, besluitpunten) -> a label span for a hanging indent."""
    rendered = _LABEL.sub(r'<p><span class="nr">\1</span> ', rendered)
    # Other tabs separate columns (two signatures side by side): the text before the tab
    # gets a column of its own width, so the second column lines up as in the Word file.
    rendered = _COLUMN.sub(r'<p><span class="kol">\1</span> ', rendered)
    return rendered.replace(TAB_MARK, " ")


def _tables(rendered: str) -> str:
    """Mark table headers; a table without a header row gets row headers in its first column."""
    parts = re.split(r"(<table>.*?</table>)", rendered, flags=re.S)
    for i, part in enumerate(parts):
        if not part.startswith("<table>"):
            continue
        if _EMPTY_HEAD.search(part):
            part = _EMPTY_HEAD.sub("", part)
            part = _ROW_FIRST_CELL.sub(r'<tr>\n<th scope="row"\1>\2</th>', part)
        else:
            part = part.replace("<th>", '<th scope="col">').replace(
                '<th style="', '<th scope="col" style="'
            )
        parts[i] = part
    return "".join(parts)


def anchors(body: str) -> set[str]:
    """Every id in a rendered body: the targets a citation can link to."""
    return set(_ID.findall(body))


def link_outside(body: str, local: set[str], elsewhere: dict[str, str]) -> str:
    """Point citations whose target is in another document (the regeling) at that document."""

    def target(m: re.Match[str]) -> str:
        anchor = m.group(1)
        if anchor in local or anchor not in elsewhere:
            return m.group(0)
        return f'href="{html.escape(elsewhere[anchor])}#{html.escape(anchor)}"'

    return _HREF_ANCHOR.sub(target, body)


def contrast(colour: str, background: str = "#FFFFFF") -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours written as #RRGGBB."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: str, minimum: float = 4.5) -> str:
    """The colour itself, or the nearest darker shade that reaches ``minimum`` on white."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    candidate = colour.upper()
    for step in range(0, 101):
        factor = 1 - step / 100
        candidate = "#" + "".join(f"{round(c * factor):02X}" for c in rgb)
        if contrast(candidate) >= minimum:
            return candidate
    return candidate


def stylesheet(style: HtmlStyle) -> str:
    heading_font = style.heading_font or style.font
    heading = readable(style.heading_colour)
    accent = readable(style.accent_colour)
    return f"""
:root {{ --kop: {heading}; --accent: {accent}; }}
body {{ font-family: "{_css_string(style.font)}", Arial, sans-serif; font-size: {style.size_pt}pt;
  line-height: 1.45; color: #1A1A1A; background: #FFFFFF; margin: 0; }}
main {{ max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }}
h1, h2, h3, h4, h5, h6 {{ font-family: "{_css_string(heading_font)}", Arial, sans-serif;
  color: var(--kop); line-height: 1.25; }}
h1 {{ font-size: 1.8em; margin-bottom: 0.2em; }}
.cs-subtitle {{ font-size: 1.15em; color: #3A3A3A; margin-top: 0; }}
a {{ color: var(--accent); }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #8C8C8C; padding: 0.25em 0.5em; vertical-align: top;
  text-align: left; }}
thead th {{ background: #F0F0F0; }}
th[scope="row"] {{ font-weight: normal; color: #3A3A3A; }}
.cs-lid p, .cs-onderdeel p, .cs-subonderdeel p, .cs-besluitpunt p {{ margin: 0.3em 0; }}
.cs-lid p, .cs-besluitpunt p {{ padding-left: 2em; text-indent: -2em; }}
.cs-onderdeel p {{ padding-left: 4em; text-indent: -2em; }}
.cs-subonderdeel p {{ padding-left: 6em; text-indent: -2em; }}
.nr {{ display: inline-block; min-width: 2em; text-indent: 0; }}
.kol {{ display: inline-block; width: 18em; }}
.cs-ondertekening, .cs-handtekening {{ margin-top: 1.5em; }}
.cs-handtekening p {{ margin-top: 2.5em; }}
.cs-kleine-tekst {{ font-size: 0.85em; color: #4A4A4A; }}
.cs-regelingtitel p {{ font-weight: bold; font-size: 1.2em; color: var(--kop); }}
.cs-inhoudsopgave p {{ font-weight: bold; color: var(--kop); }}
.cs-inhoud p {{ margin: 0.15em 0; }}
"""


def _css_string(value: str) -> str:
    return re.sub(r'["\\<>\n\r]', "", value)


def page(title: str, body: str, style: HtmlStyle, *, head_extra: str = "") -> str:
    """A complete, standalone HTML page (the build output and the preview's base)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{stylesheet(style)}</style>\n{head_extra}</head>\n"
        f'<body>\n<main id="document">\n{body}</main>\n</body>\n</html>\n'
    )


def markdown_to_page(markdown: str, style: HtmlStyle) -> str:
    title, body = body_html(markdown)
    return page(title or "Document", body, style)
