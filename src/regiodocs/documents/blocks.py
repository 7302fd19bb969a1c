"""The rendered Markdown of a document as a list of blocks, for the writers that are not
pandoc: the Markdown for people (documents/commonmark.py) and the PDF (output/pdf.py).

Our templates write pandoc Markdown with a few pandoc-only parts: fenced divs that carry a
Word style (``::: {custom-style="Lid"}``), heading ids (``# Artikel 4 {#artikel-4}``) and
raw OOXML blocks (the table of contents and page breaks). This module takes those apart
line by line; what remains is CommonMark with pipe tables, which markdown-it-py parses into
a syntax tree. Heading levels are made gapless as in the web page: the title is level 1
and every other heading one level below the nearest heading above it with a smaller
Markdown level ("# Hoofdstuk" + "### Artikel" becomes 2 + 3).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from regiodocs.documents.markdown import TAB_MARK

_DIV_OPEN = re.compile(r'^::: \{custom-style="([^"]+)"\}\s*$')
_DIV_CLOSE = re.compile(r"^:::\s*$")
_RAW_OPEN = re.compile(r"^```\{=openxml\}\s*$")
_RAW_CLOSE = re.compile(r"^```\s*$")
_TOC_ENTRY = re.compile(r'<w:hyperlink w:anchor="([^"]+)"><w:r><w:t[^>]*>([^<]*)</w:t>')
_PAGE_BREAK = re.compile(r'<w:br w:type="page"/>')
_HEADING = re.compile(r"^(#{1,6}) (.*?)(?: \{#([A-Za-z0-9._:-]+)\})?\s*$")

TITLE = "Title"
SUBTITLE = "Subtitle"
# Styles whose paragraphs start with a short label and a tab ("1.<TAB>", "a.<TAB>"): the
# label hangs in the margin. In other styles a tab separates two columns (signatures).
NUMBERED = frozenset({"Lid", "Onderdeel", "Subonderdeel", "Besluitpunt", "Instructie"})
LABEL_MAX = 12

_MD = (
    MarkdownIt("commonmark", {"html": False, "typographer": False})
    .enable("table")
    .enable("strikethrough")  # ~~old words~~ in a renvooi (legal/wijziging.py)
)
# pandoc's underline span, [new words]{.underline}, for the new words of a renvooi: markdown-it
# does not know it, so its text is put between two control characters (content cannot hold
# them: documents/markdown.py drops control characters), which the writers turn into their
# own underline.
UNDERLINE_OPEN, UNDERLINE_CLOSE = "\x01", "\x02"
_UNDERLINE = re.compile(r"\[((?:\\.|[^\\\]\[])*)\]\{\.underline\}")


@dataclass(frozen=True)
class Block:
    """One top-level part of a document.

    kind is one of: "title", "subtitle", "heading" (``level`` 2-6, ``ident``), "styled"
    (a paragraph style and its body), "toc" (``entries``: anchor and text), "pagebreak",
    "body" (plain Markdown). ``source`` is inline Markdown for title, subtitle and heading,
    block Markdown for styled and body.
    """

    kind: str
    source: str = ""
    level: int = 0
    ident: str | None = None
    style: str = ""
    entries: tuple[tuple[str, str], ...] = field(default=())

    def tree(self) -> SyntaxTreeNode:
        """The body as a markdown-it syntax tree (styled and body blocks). Read only: the
        tree is shared by equal blocks (the five municipalities' documents repeat most)."""
        return _tree(self.source)

    def inline(self) -> SyntaxTreeNode:
        """The inline content of a title, subtitle or heading as a syntax tree (read only)."""
        return _inline(self.source.replace("\n", " "))


def _spans(source: str) -> str:
    return _UNDERLINE.sub(rf"{UNDERLINE_OPEN}\1{UNDERLINE_CLOSE}", source)


@lru_cache(maxsize=8192)
def _tree(source: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(_MD.parse(_spans(source)))


@lru_cache(maxsize=8192)
def _inline(source: str) -> SyntaxTreeNode:
    tree = SyntaxTreeNode(_MD.parseInline(_spans(source)))
    return tree.children[0] if tree.children else tree


def parse(markdown: str) -> list[Block]:
    """The blocks of a rendered document, in order."""
    blocks: list[Block] = []
    parents: list[tuple[int, int]] = []  # (Markdown level, level) of the open headings
    body: list[str] = []
    style: str | None = None
    captured: list[str] = []
    raw: list[str] | None = None
    title_seen = False

    def flush() -> None:
        text = "\n".join(body).strip("\n")
        if text.strip():
            blocks.append(Block("body", text))
        body.clear()

    for line in markdown.splitlines():
        if raw is not None:
            if _RAW_CLOSE.match(line):
                blocks.extend(_openxml(raw))
                raw = None
            else:
                raw.append(line)
            continue
        if style is not None:
            if _DIV_CLOSE.match(line):
                blocks.append(_styled(style, captured, title_seen))
                title_seen = title_seen or style == TITLE
                style, captured = None, []
            else:
                captured.append(line)
            continue
        if _RAW_OPEN.match(line):
            flush()
            raw = []
            continue
        if m := _DIV_OPEN.match(line):
            flush()
            style = m.group(1)
            continue
        if m := _HEADING.match(line):
            flush()
            source = len(m.group(1))
            while parents and parents[-1][0] >= source:
                parents.pop()
            level = min(parents[-1][1] + 1 if parents else 2, 6)
            parents.append((source, level))
            blocks.append(Block("heading", m.group(2), level=level, ident=m.group(3)))
            continue
        body.append(line)
    if style is not None:  # an unclosed div: keep its text rather than lose it
        blocks.append(_styled(style, captured, title_seen))
    if raw is not None:
        blocks.extend(_openxml(raw))
    flush()
    return blocks


def _styled(style: str, lines: list[str], title_seen: bool) -> Block:
    text = "\n".join(lines).strip("\n")
    if style == TITLE and not title_seen:
        return Block("title", text)
    if style == SUBTITLE:
        return Block("subtitle", text)
    return Block("styled", text, style=style)


def _openxml(lines: list[str]) -> list[Block]:
    """Our raw OOXML: a table of contents (its entries) or a page break; nothing else."""
    entries = tuple(
        (m.group(1), html.unescape(m.group(2)))
        for m in (_TOC_ENTRY.search(line) for line in lines)
        if m
    )
    if entries:
        return [Block("toc", entries=entries)]
    if any(_PAGE_BREAK.search(line) for line in lines):
        return [Block("pagebreak")]
    return []


def split_label(text: str, style: str) -> tuple[str, str] | None:
    """``(label, rest)`` when a paragraph of a numbered style starts with 'label<TAB>'."""
    if style not in NUMBERED:
        return None
    label, tab, rest = text.partition(TAB_MARK)
    if not tab or not label.strip() or len(label) > LABEL_MAX:
        return None
    return label, rest


def plain_text(node: SyntaxTreeNode) -> str:
    """The text of an inline node and its children, without markup."""
    parts: list[str] = []
    for child in node.walk():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)
