"""The Markdown a person reads: build/**/<document>.md.

The Markdown our templates render is pandoc's input (documents/markdown.py): every content
value backslash-escaped, Word styles as fenced divs, raw OOXML for the table of contents.
That stays internal. What is written for people is CommonMark with pipe tables that reads
well as plain text: one ``#`` title, gapless heading levels, no heading ids, a backslash
only where CommonMark would otherwise read markup, numbered leden as "1. ", two signature
columns side by side, and links inside the document shown as their text.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from regiodocs.documents.blocks import (
    TITLE,
    UNDERLINE_CLOSE,
    UNDERLINE_OPEN,
    Block,
    parse,
    split_label,
)
from regiodocs.documents.markdown import TAB_MARK

_ALWAYS = re.compile(r"([\\`*_\[\]])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^([#>]|[-+](?=\s|$)|-(?=[-\s]*$)|=+\s*$|~~~)")
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_COLUMN_WIDTH = 40


def for_people(markdown: str) -> str:
    """Clean CommonMark of a rendered document (the pandoc Markdown stays internal)."""
    out: list[str] = []
    for block in parse(markdown):
        out.extend(_block(block))
    return "\n\n".join(part for part in out if part.strip()) + "\n"


def _block(block: Block) -> list[str]:
    if block.kind == "title":
        return ["# " + _inline_line(block.inline())]
    if block.kind == "subtitle":
        return [_paragraph_start(_inline_line(block.inline()))]
    if block.kind == "heading":
        return ["#" * block.level + " " + _inline_line(block.inline())]
    if block.kind == "toc":
        return ["\n".join(f"- {_text(label)}" for _, label in block.entries)]
    if block.kind == "pagebreak":
        return []
    if block.kind == "styled" and block.style == TITLE:  # a second title: a bold line
        return ["**" + _inline_line(Block("title", block.source).inline()) + "**"]
    style = block.style if block.kind == "styled" else ""
    return [_node(child, style) for child in block.tree().children]


def _node(node: SyntaxTreeNode, style: str = "") -> str:
    kind = node.type
    if kind == "paragraph":
        return _paragraph(_inline_line(node.children[0]), style)
    if kind == "heading":  # inside a styled block; our templates do not write these
        return "#" * int(node.tag[1]) + " " + _inline_line(node.children[0])
    if kind == "bullet_list":
        return "\n".join(_item("- ", item) for item in node.children)
    if kind == "ordered_list":
        start = int(str(node.attrs.get("start", 1)))
        return "\n".join(_item(f"{start + n}. ", item) for n, item in enumerate(node.children))
    if kind == "blockquote":
        inner = "\n\n".join(_node(child) for child in node.children)
        return "\n".join(("> " + line).rstrip() for line in inner.splitlines())
    if kind == "table":
        return _table(node)
    if kind in ("fence", "code_block"):
        return "```\n" + node.content.rstrip("\n") + "\n```"
    if kind == "hr":
        return "---"
    return _text(node.content)


def _item(marker: str, item: SyntaxTreeNode) -> str:
    parts = [_node(child) for child in item.children]
    pad = " " * len(marker)
    lines = "\n\n".join(parts).splitlines() or [""]
    return marker + lines[0] + "".join("\n" + (pad + line if line else "") for line in lines[1:])


def _paragraph(text: str, style: str) -> str:
    if TAB_MARK not in text:
        return _paragraph_start(text)
    labelled = split_label(text, style)
    if labelled is not None:  # "1.<TAB>tekst" -> "1. tekst" (a list item, as it means)
        label, rest = labelled
        return f"{label.replace(chr(92), '')} {rest.replace(TAB_MARK, ' ')}"
    # Columns side by side (two signatures): the first padded so the second lines up.
    first, *others = text.split(TAB_MARK)
    return _paragraph_start(first.ljust(_COLUMN_WIDTH) + "   ".join(others))


def _paragraph_start(text: str) -> str:
    """Escape what would start a heading, quote, list or rule at the start of a line."""
    text = _LINE_START.sub(r"\\\1", text)
    return _LIST_NUMBER.sub(r"\1\\\2", text)


def _inline_line(node: SyntaxTreeNode) -> str:
    return "".join(_inline(child) for child in node.children).strip()


def _inline(node: SyntaxTreeNode) -> str:
    kind = node.type
    if kind == "text":
        return _text(node.content)
    if kind in ("softbreak", "hardbreak"):
        return " "
    if kind == "strong":
        return "**" + "".join(_inline(c) for c in node.children) + "**"
    if kind == "em":
        return "*" + "".join(_inline(c) for c in node.children) + "*"
    if kind == "s":  # the old words of a renvooi
        return "<del>" + "".join(_inline(c) for c in node.children) + "</del>"
    if kind == "code_inline":
        return "`" + node.content + "`"
    if kind == "link":
        inner = "".join(_inline(c) for c in node.children)
        href = str(node.attrs.get("href", ""))
        if href.startswith("#") or not href:  # an anchor in this document: its text
            return inner
        return f"[{inner}](<{href}>)"
    return _text(node.content)


def _text(text: str) -> str:
    """Literal text with the few escapes CommonMark needs anywhere in a line."""
    text = _ALWAYS.sub(r"\\\1", text)
    text = _TAG_START.sub(r"\\<", text)
    text = _ENTITY.sub(r"\\&", text)
    # the new words of a renvooi (documents/blocks.py marks pandoc's underline span)
    return text.replace(UNDERLINE_OPEN, "<ins>").replace(UNDERLINE_CLOSE, "</ins>")


def _table(node: SyntaxTreeNode) -> str:
    rows: list[list[str]] = []
    aligns: list[str] = []
    for section in node.children:
        for row in section.children:
            cells = []
            for cell in row.children:
                content = _inline_line(cell.children[0]) if cell.children else ""
                cells.append(content.replace("|", "\\|").replace(TAB_MARK, " "))
                if section.type == "thead":
                    aligns.append(str(cell.attrs.get("style", "")))
            rows.append(cells)
    if not rows:
        return ""
    width = len(rows[0])
    rule = []
    for n in range(width):
        style = aligns[n] if n < len(aligns) else ""
        if "right" in style:
            rule.append("---:")
        elif "center" in style:
            rule.append(":---:")
        else:
            rule.append("---")
    lines = [_row(rows[0]), _row(rule)]
    lines.extend(_row(row + [""] * (width - len(row))) for row in rows[1:])
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
