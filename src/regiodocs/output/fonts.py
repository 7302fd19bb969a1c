"""The fonts the PDF embeds, and which house-style font each stands in for.

A PDF/A must embed its fonts and a fresh machine has none of Word's, so regiodocs ships free
fonts (output/data/fonts, with their licences): Liberation Sans for Arial and Helvetica and
Carlito for Calibri (the same metrics: lines break where Word breaks them), DejaVu Sans for
Verdana (the same design family). Any other font falls back to Liberation Sans; ``check``
warns about it (content/check.py). Standard library only: ``check`` imports this.
"""

from __future__ import annotations

DEFAULT_FONT = "Liberation Sans"
FONT_FOR = {
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "liberation sans": "Liberation Sans",
    "calibri": "Carlito",
    "carlito": "Carlito",
    "verdana": "DejaVu Sans",
    "dejavu sans": "DejaVu Sans",
}
# The house-style font names the PDF can show, for messages.
KNOWN = "Arial, Helvetica, Calibri, Verdana, Liberation Sans, Carlito en DejaVu Sans"


def font_of(name: str) -> str:
    """The embedded font that stands in for a house-style font."""
    return FONT_FOR.get(name.strip().casefold(), DEFAULT_FONT)


def is_shipped(name: str) -> bool:
    """Whether the PDF has the font itself or one made to stand in for it."""
    return name.strip().casefold() in FONT_FOR


def fallback_message(name: str) -> str:
    """Why and how the PDF replaces ``name`` (Dutch)."""
    return (
        f"het lettertype '{name}' zit niet bij regiodocs: de PDF gebruikt daarvoor "
        f"{DEFAULT_FONT} (de PDF moet zijn letters insluiten; bekend zijn {KNOWN}); "
        "het Word-document houdt het eigen lettertype"
    )
