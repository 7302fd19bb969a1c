"""Markdown output: escaping of content text, and resolved legal text with citations.

Content is data, never markup: every value a template prints is escaped (pandoc Markdown
lets any ASCII punctuation be backslash-escaped), so ``{{ }}``, ``{=openxml}``, ``#`` or
``|`` in the YAML appear in the document literally. Only values of type ``Md``, made here,
pass unescaped.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_BLANK_LINES = re.compile(r"\n\s*\n")
# Bidirectional overrides and isolates could reorder what a reader sees; they are shown as
# their code point instead of being applied. Other control characters are dropped.
_BIDI_SHOWN = str.maketrans(
    {c: f"<U+{c:04X}>" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


# Marks "label<TAB>text" in numbered paragraphs (1., a., 1°.); the Word writer turns it into a
# real tab so wrapped lines align with the hanging indent. Content cannot contain it.
TAB_MARK = "\u2063"


class Md(str):
    """Markdown that regiodocs produced itself and that is safe to print as is."""

    __slots__ = ()


TAB = Md(TAB_MARK)


def escape(text: str) -> str:
    """One line of literal text as pandoc Markdown."""
    # Collapse ASCII whitespace only: a non-breaking space (as in '€ 1.234') must stay.
    text = _SPACES.sub(" ", text.replace(TAB_MARK, "")).strip(" ")
    text = _CONTROL.sub("", text.translate(_BIDI_SHOWN))
    return _PUNCTUATION.sub(r"\\\1", text)


def paragraphs(text: str) -> list[str]:
    """Split content text on blank lines; each paragraph becomes one escaped line."""
    return [escape(p) for p in _BLANK_LINES.split(text.strip()) if p.strip()]


def md_paragraphs(text: str) -> Md:
    return Md("\n\n".join(paragraphs(text)))


def finalize(value: object) -> object:
    """Jinja ``finalize`` hook: escape everything that is not already Md."""
    if isinstance(value, Md):
        return value
    if value is None:
        raise ValueError("leeg veld in sjabloon")
    return escape(str(value))
