"""The Markdown written for people (build/**/*.md): CommonMark that reads as plain text, with
the same words as the Word document; pandoc's Markdown stays internal."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
from conftest import word_paragraphs
from markdown_it import MarkdownIt

from regiodocs.documents.commonmark import for_people
from regiodocs.documents.markdown import TAB_MARK, escape

_MD = MarkdownIt("commonmark").enable("table")


def _documents(built: Path) -> list[Path]:
    return sorted(p for p in built.rglob("*.md") if ".cache" not in p.parts)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("\u00a0", " "))


def _rendered_text(markdown: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", _MD.render(markdown)))


def _docx_text(path: Path) -> str:
    """The body text as Word prints it, with the list numbers Word generates."""
    ours = {"Lid", "Onderdeel", "Subonderdeel", "Besluitpunt"}  # not pandoc's own lists
    return " ".join(text for _, text in word_paragraphs(path, ours)).replace("\t", " ")


def test_written_markdown_has_no_pandoc_syntax(built: Path) -> None:
    documents = _documents(built)
    assert len(documents) == 35
    for md in documents:
        text = md.read_text(encoding="utf-8")
        assert ":::" not in text and "{custom-style" not in text, md.name
        assert "{=openxml}" not in text and "<w:" not in text, md.name
        assert not re.search(r"\{#[\w.:-]+\}", text), md.name  # no heading ids
        assert TAB_MARK not in text, md.name
        assert text.count("\\") <= 2, (md.name, text.count("\\"))


def test_written_markdown_is_commonmark_with_one_title_and_no_heading_gaps(built: Path) -> None:
    for md in _documents(built):
        tokens = _MD.parse(md.read_text(encoding="utf-8"))
        levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
        assert levels[0] == 1 and levels.count(1) == 1, md.name
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), md.name


def test_same_words_as_the_word_file(built: Path) -> None:
    """The plain text has every word and number of the .docx; it may have more only in
    list numbers (a Markdown list that Word numbers itself)."""
    for md in _documents(built):
        text = md.read_text(encoding="utf-8")
        words = Counter(_words(text))
        docx = Counter(_words(_docx_text(md.with_suffix(".docx"))))
        assert docx - words == Counter(), md.name
        markers = Counter(re.findall(r"^(\d+)\. ", text, flags=re.M))
        assert words - docx <= markers, md.name


def test_readable_text(built: Path) -> None:
    voorstel = next(built.glob("montfoort/*-raadsvoorstel-gr-zienswijze-toestemming.md"))
    text = voorstel.read_text(encoding="utf-8")
    assert text.startswith("# Raadsvoorstel\n\nZienswijze en toestemming")
    assert "\n## Gevraagd besluit\n\n1. kennis te nemen van het ontwerp" in text
    assert (
        "| Oprichting van het openbaar lichaam (projectleiding, juridisch advies, werving)" in text
    )
    assert "| € 350.000,00 | € 26.075,00 |" in text.replace("\u00a0", " ")
    assert "\nde secretaris,                          de burgemeester,\n" in text
    regeling = next(built.glob("regio/*-regeling.md")).read_text(encoding="utf-8")
    assert "\n## Hoofdstuk 1. Algemene bepalingen\n\n### Artikel 1. Begripsbepalingen\n" in regeling
    assert "\na. algemeen bestuur: het algemeen bestuur van het openbaar lichaam;\n" in regeling
    # a citation is its text (the anchor exists only in Word, PDF and HTML)
    assert "bedoeld in artikel 4, eerste lid, binnen" in regeling


@pytest.mark.parametrize(
    "literal",
    [
        "# geen kop",
        "> geen citaat",
        "- geen lijst",
        "+ geen lijst",
        "1. geen lijst",
        "2024) geen lijst",
        "*geen nadruk* en _ook niet_",
        "`geen code`",
        "[geen](link) en ![geen](beeld)",
        "<b>geen html</b> en <https://geen.autolink>",
        "&amp; blijft &amp; en a & b",
        "een \\ backslash en \\* sterretje",
        "===",
        "---",
        "~~~",
        "| geen | tabel |",
    ],
)
def test_content_text_stays_literal(literal: str) -> None:
    internal = escape(literal) + "\n"
    people = for_people(internal)
    assert _rendered_text(people).strip() == literal


def test_escapes_only_where_needed() -> None:
    internal = escape("De gemeente (Woerden) betaalt € 1.234,56; zie artikel 4, eerste lid.") + "\n"
    assert for_people(internal) == (
        "De gemeente (Woerden) betaalt € 1.234,56; zie artikel 4, eerste lid.\n"
    )


def test_renvooi_is_del_and_ins() -> None:
    internal = "een ~~oud\\, woord~~ rest en een [nieuw\\, woord]{.underline} rest\n"
    assert for_people(internal) == (
        "een <del>oud, woord</del> rest en een <ins>nieuw, woord</ins> rest\n"
    )
