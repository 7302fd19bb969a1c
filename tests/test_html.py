"""The HTML writer: the same text as the Word file, and accessible (WCAG 2.1 AA basics)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import word_paragraphs

from regiodocs.documents import html


class _Outline(HTMLParser):
    """Headings, table header cells and plain text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.header_cells: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th":
            self.header_cells.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _outline(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    return parser


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("\u00a0", " "))


def _docx_text(path: Path) -> str:
    """Every run of text in the body, in document order (tables, hyperlinks and fields too),
    with the list numbers Word generates (leden, onderdelen, besluitpunten)."""
    ours = {"Lid", "Onderdeel", "Subonderdeel", "Besluitpunt"}  # not pandoc's own lists
    return " ".join(text for _, text in word_paragraphs(path, ours)).replace("\t", " ")


def _documents(built: Path) -> list[Path]:
    return sorted(p for p in built.rglob("*.md") if ".cache" not in p.parts)


@pytest.fixture(scope="module")
def internal() -> dict[str, str]:
    """The pandoc Markdown of every document by output name: what the HTML writer reads
    (build/ holds the Markdown for people, documents/commonmark.py)."""
    from regiodocs.content.pipeline import load_checked
    from regiodocs.documents.plan import plan_documents
    from regiodocs.documents.render import make_environment, render_document
    from regiodocs.documents.views.common import EXTRA_KINDS, KINDS

    root = Path(__file__).resolve().parents[1]
    checked = load_checked(root / "content", "utrecht-west")
    env = make_environment(root / "templates")
    jobs = plan_documents(checked.facts, KINDS + EXTRA_KINDS, None)
    return {str(job.output): render_document(env, job) for job in jobs}


def _source(internal: dict[str, str], built: Path, md: Path) -> str:
    return internal[md.relative_to(built).with_suffix("").as_posix()]


def test_every_page_is_dutch_with_one_h1_and_no_heading_gaps(
    built: Path, internal: dict[str, str]
) -> None:
    for md in _documents(built):
        page = html.markdown_to_page(_source(internal, built, md), html.HtmlStyle())
        outline = _outline(page)
        assert outline.lang == "nl", md
        assert outline.headings.count(1) == 1 and outline.headings[0] == 1, md
        for before, after in zip(outline.headings, outline.headings[1:], strict=False):
            assert after <= before + 1, f"{md.name}: h{before} gevolgd door h{after}"


def test_table_headers_are_marked(built: Path, internal: dict[str, str]) -> None:
    voorstel = next(built.glob("woerden/*-raadsvoorstel-gr-*.md"))
    outline = _outline(html.markdown_to_page(_source(internal, built, voorstel), html.HtmlStyle()))
    assert outline.header_cells
    assert all(cell.get("scope") in {"row", "col"} for cell in outline.header_cells)


def test_same_words_as_the_word_file(built: Path, internal: dict[str, str]) -> None:
    """Every word of the .docx body is on the page, in the same order (numbering included)."""
    for md in _documents(built):
        docx = md.with_suffix(".docx")
        _title, body = html.body_html(_source(internal, built, md))
        page_words = _words(" ".join(_outline(f"<div>{body}</div>").text))
        docx_words = _words(_docx_text(docx))
        # Tables come last in the docx extraction; compare as multisets, then the order of the
        # running text (paragraphs) as a subsequence.
        assert sorted(page_words) == sorted(docx_words), md.name


@pytest.mark.parametrize(
    ("colour", "expected"),
    [("#FFFFFF", 1.0), ("#000000", 21.0), ("#767676", 4.54)],
)
def test_contrast_matches_wcag(colour: str, expected: float) -> None:
    assert html.contrast(colour) == pytest.approx(expected, abs=0.01)


def test_light_house_colours_are_darkened_to_reach_4_5_to_1() -> None:
    for light in ("#F7A600", "#7FB800", "#00A3E0", "#2E75B6"):
        shown = html.readable(light)
        assert html.contrast(shown) >= 4.5
        assert html.contrast(shown) < 5.5  # only as dark as needed
    assert html.readable("#1F3864") == "#1F3864"  # already enough: unchanged


def test_content_cannot_inject_markup() -> None:
    from regiodocs.documents.markdown import escape

    hostile = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))"
    _title, body = html.body_html(escape(hostile) + "\n")
    assert "<script" not in body and "<img" not in body and 'href="javascript' not in body
    assert "&lt;script&gt;" in body


def test_section_cache_gives_the_same_page(internal: dict[str, str]) -> None:
    md = internal["regio/utrecht-west-regeling"]
    cache = html.ChunkCache()
    first = html.body_html(md, cache)
    edited = md.replace("Woerden", "Harmelen", 1)
    assert html.body_html(edited, cache) == html.body_html(edited)
    assert html.body_html(md, cache) == first
