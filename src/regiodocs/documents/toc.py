"""Table of contents with page numbers, as raw OOXML for pandoc's docx writer.

pandoc's own TOC is an empty field that only Word fills in (after "update fields"), so
LibreOffice and the PDF show no contents at all. Here every entry is a plain paragraph:
the title, a right-aligned dotted tab and a PAGEREF field pointing at the bookmark pandoc
puts on the heading (its identifier). LibreOffice computes PAGEREF fields while laying out
the page, so the PDF shows the real page numbers; the fields are marked dirty, so Word
recomputes them when it opens the document. No page number is guessed here: the field
result is left empty, and tests/test_seeds.py checks the numbers against the PDF's pages.
"""

from __future__ import annotations

import html

from regiodocs.documents.markdown import Md

# A4 (21 cm) minus two margins of 2.5 cm = 16 cm = 9072 twips; the tab stop sits just inside.
_RIGHT_TAB_TWIPS = 9070


def _field(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {html.escape(instruction, quote=False)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t></w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def toc_block(entries: list[tuple[str, str]], style_id: str = "Inhoud") -> Md:
    """A raw openxml block: one paragraph per (bookmark, title), with its page number field."""
    paragraphs = []
    for bookmark, title in entries:
        anchor = html.escape(bookmark, quote=False).replace('"', "&quot;")
        page = _field("PAGEREF " + bookmark + " \\h")
        paragraphs.append(
            f'<w:p><w:pPr><w:pStyle w:val="{html.escape(style_id, quote=False)}"/>'
            f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{_RIGHT_TAB_TWIPS}"/></w:tabs>'
            f'</w:pPr><w:hyperlink w:anchor="{anchor}">'
            f'<w:r><w:t xml:space="preserve">{html.escape(title, quote=False)}</w:t></w:r><w:r><w:tab/></w:r>'
            f"{page}</w:hyperlink></w:p>"
        )
    return Md("```{=openxml}\n" + "\n".join(paragraphs) + "\n```")


PAGE_BREAK = Md('```{=openxml}\n<w:p><w:r><w:br w:type="page"/></w:r></w:p>\n```')
